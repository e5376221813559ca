'use strict';
// Every answer of the agent workspace carries the security headers (CSP,
// nosniff, frame denial, referrer policy) and is not cached (it holds
// personal data): pages, redirects, refusals, error pages and the CSV.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 79;
let agent, supervisor;

function assertSecure(res, what) {
  const h = res.headers;
  assert.match(h['content-security-policy'] || '', /default-src/, `${what}: Content-Security-Policy`);
  assert.doesNotMatch(h['content-security-policy'] || '', /unsafe-inline|unsafe-eval/, `${what}: no unsafe CSP sources`);
  assert.equal(h['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.match(h['x-frame-options'] || '', /^(DENY|SAMEORIGIN)$/i, `${what}: X-Frame-Options`);
  assert.ok(h['referrer-policy'], `${what}: Referrer-Policy`);
  assert.match(h['cache-control'] || '', /no-store/, `${what}: Cache-Control no-store`);
}

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

test('sign-in pages and redirects', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  assertSecure(await c.get('/agent/login'), 'login form');
  assertSecure(await c.get('/agent/q/mine'), 'redirect to login');
  assertSecure(await A.signIn(c, 'agent', 'wrong password'), 'login 422');
  const ok = await A.signIn(c, 'agent', A.passwordOf('agent'));
  assert.equal(ok.status, 303);
  assertSecure(ok, 'login 303');
});

test('workspace pages', async () => {
  const x = await A.createTicket({ subject: `${A.tag('SH')} headers` });
  for (const p of ['/agent/', '/agent/q/mine', '/agent/q/unassigned?category=1', '/agent/new', '/agent/new?category=fault',
    '/agent/progress', `/agent/t/${x.number}`]) {
    const res = await agent.get(p);
    assert.ok([200, 303].includes(res.status), `${p}: ${res.status}`);
    assertSecure(res, p);
  }
  const csv = await agent.get('/agent/progress.csv');
  assert.equal(csv.status, 200);
  assertSecure(csv, 'progress.csv');
  assertSecure(await supervisor.get('/agent/approvals'), 'approvals');
});

test('actions, refusals and error pages', async () => {
  const x = await A.createTicket({ subject: `${A.tag('SH')} actions` });
  const done = await agent.act(x.number, 'claim');
  assert.equal(done.status, 303);
  assertSecure(done, 'action 303');
  const stale = await agent.act(x.number, 'note', { version: 1, body: 'stale' });
  assert.equal(stale.status, 409);
  assertSecure(stale, 'action 409');
  const bad = await agent.act(x.number, 'status', { to: 'closed' });
  assert.equal(bad.status, 422);
  assertSecure(bad, 'action 422');
  const forbidden = await agent.act(x.number, 'assign', { agent: 3, reason: 'x' });
  assert.equal(forbidden.status, 403);
  assertSecure(forbidden, 'action 403');
  const notFound = await agent.get('/agent/t/20000101-0001');
  assert.equal(notFound.status, 404);
  assertSecure(notFound, 'ticket 404');
  const ap = await agent.get('/agent/approvals');
  assert.equal(ap.status, 403);
  assertSecure(ap, 'approvals 403');
  const method = await agent.client.request('DELETE', '/agent/q/mine');
  assert.ok([404, 405].includes(method.status));
  assertSecure(method, 'unknown method');
  assertSecure(await agent.get('/agent/nowhere'), 'unknown page');
  const out = await agent.client.post('/agent/logout', { form: { csrf: agent.csrf } });
  assertSecure(out, 'logout');
});
