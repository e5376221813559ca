'use strict';
// An Idempotency-Key is bound to the request it first came with (as Stripe
// does): the same key with another body is refused with 422
// idempotency_key_reused instead of answering with the first ticket; the
// same body again (members in any order) is still the same ticket.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(179) });

test('the same key with another body: 422, no second ticket, the first unchanged', async () => {
  const headers = { 'Idempotency-Key': `reuse-${crypto.randomUUID()}` };
  const first = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'first alert' }), { headers });
  assert.equal(first.status, 201);
  const other = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'another alert' }), { headers });
  assert.equal(other.status, 422, other.body);
  const err = other.json().error;
  assert.equal(err.code, 'idempotency_key_reused');
  assert.equal(err.field, 'Idempotency-Key');
  assert.ok(!other.body.includes(first.json().number), 'the first ticket is not given away');
  assert.equal((await c.api('GET', `/api/v1/tickets/${first.json().number}`)).json().subject, 'first alert');
  const next = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  L.assertNext(assert, first.json().number, next, 'the refused request created nothing');
});

test('the same members in another order are the same request', async () => {
  const headers = { 'Idempotency-Key': `order-${crypto.randomUUID()}` };
  const body = L.apiTicket({ subject: 'ordered' });
  const first = await c.api('POST', '/api/v1/tickets', body, { headers });
  const reversed = Object.fromEntries(Object.entries(body).reverse());
  reversed.customer = Object.fromEntries(Object.entries(body.customer).reverse());
  const again = await c.api('POST', '/api/v1/tickets', reversed, { headers });
  assert.equal(again.status, 200, again.body);
  assert.equal(again.json().number, first.json().number);
  assert.equal(again.json().duplicate, true);
});

test('a change of one value or one extra member is another request', async () => {
  const headers = { 'Idempotency-Key': `value-${crypto.randomUUID()}` };
  const first = await c.api('POST', '/api/v1/tickets', L.apiTicket(), { headers });
  assert.equal(first.status, 201);
  for (const body of [L.apiTicket({ impact: 'company' }), L.apiTicket({ keywords: 'disk' }), L.apiTicket({ subject: 'Monitoring alert: disk full ' })]) {
    const res = await c.api('POST', '/api/v1/tickets', body, { headers });
    assert.equal(res.status, 422, JSON.stringify(body).slice(0, 100));
    assert.equal(res.json().error.code, 'idempotency_key_reused');
  }
});
