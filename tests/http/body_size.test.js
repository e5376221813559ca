'use strict';
// Request bodies are size-limited: 1 MB for the portal form and the API
// (the programs answer 413 in their own format), 2 MB at nginx (the API
// still answers JSON).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(21) });
const MB = 1024 * 1024;

function bigForm(bytes, f) {
  return { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault'), description: 'x'.repeat(bytes) };
}

test('portal POST over 1 MB answers 413 and creates nothing', async () => {
  const first = await c.createTicket('fault');
  const f = await c.openForm('fault');
  const res = await c.post('/new/fault', { form: bigForm(MB + 1000, f), allowEarlyClose: true });
  assert.equal(res.status, 413);
  assert.match(res.headers['content-type'], /^text\/(html|plain)/);
  const next = await c.createTicket('fault');
  L.assertNext(assert, first.number, next.number);
});

test('the portal 413 answer says what is wrong', async () => {
  const f = await c.openForm('fault');
  const res = await c.post('/new/fault', { form: bigForm(MB + 1000, f), allowEarlyClose: true });
  assert.equal(res.status, 413);
  assert.match(res.body, /过大|too large/i);
});

test('portal POST just under 1 MB is not refused for size', async () => {
  const f = await c.openForm('fault');
  // the description is limited to 10000 characters, so this is a 422 for that field, not a 413
  const res = await c.post('/new/fault', { form: bigForm(MB - 4096, f) });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'description'));
});

test('portal POST over 2 MB (nginx limit) answers 413 with a page', async () => {
  const f = await c.openForm('fault');
  const res = await c.post('/new/fault', { form: bigForm(2 * MB + 1000, f), allowEarlyClose: true });
  assert.equal(res.status, 413);
  assert.match(res.body, /提交的内容过大/);
});

function assertTooLarge(res) {
  assert.equal(res.status, 413);
  assert.match(res.headers['content-type'] || '', /^application\/json/);
  const err = res.json().error;
  assert.equal(err.code, 'too_large');
  assert.equal(typeof err.message, 'string');
  assert.ok('field' in err);
}

test('API POST over 1 MB answers JSON 413 too_large', async () => {
  const body = JSON.stringify(L.apiTicket({ description: 'x'.repeat(MB + 10) }));
  assertTooLarge(await c.api('POST', '/api/v1/tickets', undefined, { body }));
});

test('API POST over 2 MB (nginx limit) still answers JSON 413 too_large', async () => {
  const body = JSON.stringify(L.apiTicket({ description: 'x'.repeat(2 * MB + 10) }));
  const res = await c.request('POST', '/api/v1/tickets', {
    body, cookies: false, allowEarlyClose: true,
    headers: { Authorization: `Bearer ${L.apiKey()}`, 'Content-Type': 'application/json' },
  });
  assertTooLarge(res);
});

test('API PATCH and comment over 1 MB answer JSON 413', async () => {
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  const { number } = created.json();
  assertTooLarge(await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: 'y'.repeat(MB + 10) }));
  assertTooLarge(await c.api('PATCH', `/api/v1/tickets/${number}`, { status: 'resolved', reason: 'z'.repeat(MB + 10) }));
  const doc = (await c.api('GET', `/api/v1/tickets/${number}`)).json();
  assert.equal(doc.status, 'new', 'nothing changed');
  assert.ok(!doc.events.some((e) => e.kind === 'comment'), 'no comment stored');
});
