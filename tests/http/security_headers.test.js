'use strict';
// Every response carries the security headers and a request id: portal
// pages, follow page, error pages, the API (success and errors), health.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(23) });

function assertSecure(res, what) {
  const h = res.headers;
  assert.ok(h['content-security-policy'], `${what}: Content-Security-Policy`);
  assert.match(h['content-security-policy'], /default-src/, `${what}: CSP has default-src`);
  assert.equal(h['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  const xfo = h['x-frame-options'];
  assert.ok((xfo && /^(DENY|SAMEORIGIN)$/i.test(xfo)) || /frame-ancestors/.test(h['content-security-policy']),
    `${what}: X-Frame-Options or frame-ancestors`);
  assert.ok(xfo, `${what}: X-Frame-Options`);
  assert.ok(h['referrer-policy'], `${what}: Referrer-Policy`);
  assert.match(h['x-request-id'] || '', /^[0-9a-f]{8,64}$/, `${what}: X-Request-Id`);
}

test('portal pages carry the security headers', async () => {
  assertSecure(await c.get('/'), 'home');
  assertSecure(await c.get('/new/fault'), 'form');
  const { res } = await c.submit('fault', { email: 'bad' });
  assert.equal(res.status, 422);
  assertSecure(res, '422 form');
  const ok = await c.submit('fault');
  assert.equal(ok.res.status, 303);
  assertSecure(ok.res, '303 after submit');
  const page = await c.get(ok.res.headers.location);
  assertSecure(page, 'follow page');
  assert.match(page.headers['referrer-policy'], /same-origin|no-referrer|strict-origin/, 'the private link does not leak');
});

test('portal error pages carry the security headers', async () => {
  const notFound = await c.get('/no/such/page');
  assert.equal(notFound.status, 404);
  assertSecure(notFound, '404');
  const badToken = await c.get('/t/nosuchtoken');
  assert.equal(badToken.status, 404);
  assertSecure(badToken, '404 token');
  const method = await c.request('DELETE', '/new/fault');
  assert.equal(method.status, 405);
  assertSecure(method, '405');
  assertSecure(await c.get('/lang/en?back=/'), 'language redirect');
  assertSecure(await c.get('/health'), 'health');
});

function missingSecurity(res) {
  const h = res.headers;
  const missing = [];
  if (!h['content-security-policy']) missing.push('Content-Security-Policy');
  if (h['x-content-type-options'] !== 'nosniff') missing.push('X-Content-Type-Options');
  if (!h['x-frame-options']) missing.push('X-Frame-Options');
  if (!h['referrer-policy']) missing.push('Referrer-Policy');
  return missing;
}

test('413 answers of the programs (over 1 MB) carry the security headers', async () => {
  const f = await c.openForm('fault');
  const app = await c.post('/new/fault', {
    form: { csrf: f.csrf, submit_key: f.submitKey, description: 'x'.repeat(1100 * 1024) }, allowEarlyClose: true,
  });
  assert.equal(app.status, 413);
  assertSecure(app, 'portal 413 (program)');
  const api = await c.api('POST', '/api/v1/tickets', undefined, { body: JSON.stringify({ d: 'x'.repeat(1100 * 1024) }) });
  assert.equal(api.status, 413);
  assertSecure(api, 'API 413 (program)');
});

test('413 answers of nginx (over 2 MB) carry the security headers', async () => {
  const portal = await c.post('/new/fault', { form: { description: 'x'.repeat(2200 * 1024) }, allowEarlyClose: true });
  const api = await c.api('POST', '/api/v1/tickets', undefined, { body: JSON.stringify({ d: 'x'.repeat(2200 * 1024) }) });
  assert.equal(portal.status, 413);
  assert.equal(api.status, 413);
  const problems = [];
  for (const [what, res] of [['portal', portal], ['API', api]]) {
    const m = missingSecurity(res);
    if (m.length) problems.push(`${what} 413 lacks ${m.join(', ')}`);
  }
  assert.deepEqual(problems, []);
});

test('API answers carry the security headers', async () => {
  assertSecure(await c.get('/api/v1/health'), 'api health');
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  assert.equal(created.status, 201);
  assertSecure(created, 'api 201');
  assertSecure(await c.api('GET', `/api/v1/tickets/${created.json().number}`), 'api 200');
  assertSecure(await c.api('GET', '/api/v1/tickets/20000101-0001', undefined, { key: null }), 'api 401');
  assertSecure(await c.api('GET', '/api/v1/tickets/20000101-0001'), 'api 404');
  assertSecure(await c.api('POST', '/api/v1/tickets', undefined, { body: '{' }), 'api 400');
  assertSecure(await c.api('GET', '/api/v1/nothing'), 'api unknown endpoint');
});

test('request ids differ per request', async () => {
  const ids = new Set();
  for (let i = 0; i < 5; i++) ids.add((await c.get('/health')).headers['x-request-id']);
  assert.equal(ids.size, 5);
});

test('cookies are HttpOnly and SameSite', async () => {
  const fresh = L.client({ localAddress: L.addr(23, 2) });
  const form = await fresh.get('/new/usage');
  const csrf = form.setCookies.find((s) => s.startsWith('csrf='));
  assert.ok(csrf, 'csrf cookie');
  assert.match(csrf, /;\s*HttpOnly(;|$)/i);
  assert.match(csrf, /;\s*SameSite=(Strict|Lax)/i);
  assert.match(csrf, /;\s*Path=\//i);
  const lang = (await fresh.get('/lang/en?back=/')).setCookies.find((s) => s.startsWith('lang='));
  assert.ok(lang, 'lang cookie');
  assert.match(lang, /;\s*SameSite=(Strict|Lax)/i);
});
