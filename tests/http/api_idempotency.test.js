'use strict';
// Idempotency-Key: the same key twice is one ticket; the second answer is
// 200 with the same number and duplicate:true.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(28) });

test('the same Idempotency-Key twice: 201 then 200 with the same number, duplicate:true', async () => {
  const key = `alert-${crypto.randomUUID()}`;
  const headers = { 'Idempotency-Key': key };
  const first = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'idem 1' }), { headers });
  assert.equal(first.status, 201, first.body);
  const a = first.json();
  assert.equal(a.duplicate, false);
  const second = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'idem 1' }), { headers });
  assert.equal(second.status, 200, second.body);
  const b = second.json();
  assert.equal(b.number, a.number);
  assert.equal(b.link, a.link);
  assert.equal(b.duplicate, true);
  assert.equal(second.headers.location, `/api/v1/tickets/${a.number}`);
  // no ticket was created by the repeat
  const next = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  L.assertNext(assert, a.number, next.json().number);
});

test('concurrent requests with one Idempotency-Key create one ticket', async () => {
  const key = `burst-${crypto.randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: 8 }, () =>
    c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'idem burst' }), { headers: { 'Idempotency-Key': key } })));
  const statuses = answers.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 201]);
  const numbers = new Set(answers.map((r) => r.json().number));
  assert.equal(numbers.size, 1);
  assert.equal(answers.filter((r) => r.json().duplicate === false).length, 1);
});

test('different Idempotency-Keys, or none, create separate tickets', async () => {
  const a = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': `k-${crypto.randomUUID()}` } });
  const b = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': `k-${crypto.randomUUID()}` } });
  const n1 = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  const n2 = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  for (const r of [a, b, n1, n2]) {
    assert.equal(r.status, 201);
    assert.equal(r.json().duplicate, false);
  }
  assert.equal(new Set([a, b, n1, n2].map((r) => r.json().number)).size, 4);
});

test('the same Idempotency-Key under another API key is a different ticket', async () => {
  const other = L.newApiKey('idempotency other');
  const key = `shared-${crypto.randomUUID()}`;
  const a = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': key } });
  const b = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': key }, key: other });
  assert.equal(a.status, 201);
  assert.equal(b.status, 201, b.body);
  assert.notEqual(a.json().number, b.json().number);
});

test('an Idempotency-Key does not collide with a portal submit key', async () => {
  const f = await c.openForm('fault');
  const form = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault') };
  const portal = await c.post('/new/fault', { form });
  assert.equal(portal.status, 303);
  const api = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': f.submitKey } });
  assert.equal(api.status, 201);
  assert.equal(api.json().duplicate, false);
});
