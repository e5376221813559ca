'use strict';
// An Idempotency-Key longer than 128 bytes, or with control characters, is
// refused with 400 bad_idempotency_key (it used to be ignored, so every
// retry made another ticket); 128 bytes is the longest taken.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(180) });

test('a key over 128 bytes: 400 naming the header, nothing stored', async () => {
  const a = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  for (const key of ['k'.repeat(129), `${crypto.randomUUID()}-${'x'.repeat(100)}`, Buffer.from('钥'.repeat(43)).toString('latin1')]) {
    const res = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': key } });
    assert.equal(res.status, 400, `${Buffer.byteLength(key, "latin1")} bytes: ${res.body}`);
    const err = res.json().error;
    assert.equal(err.code, 'bad_idempotency_key');
    assert.equal(err.field, 'Idempotency-Key');
    assert.match(err.message, /128/);
  }
  const b = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  L.assertNext(assert, a, b);
});

test('a key of exactly 128 bytes works, twice the same ticket', async () => {
  const key = crypto.randomBytes(64).toString('hex');
  assert.equal(key.length, 128);
  const one = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': key } });
  const two = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': key } });
  assert.equal(one.status, 201);
  assert.equal(two.status, 200);
  assert.equal(two.json().number, one.json().number);
});

test('a key with a tab in it: 400', async () => {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers: { 'Idempotency-Key': `a\tb-${crypto.randomUUID()}` } });
  assert.equal(res.status, 400, res.body);
  assert.equal(res.json().error.code, 'bad_idempotency_key');
});
