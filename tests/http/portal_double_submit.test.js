'use strict';
// Double submit: the same form (same submit_key) posted twice gives the same
// ticket link, and only one ticket exists.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

test('the same form posted twice, one after the other, is one ticket', async () => {
  const c = L.client({ localAddress: L.addr(16, 1) });
  const before = await c.createTicket('fault');
  const f = await c.openForm('fault');
  const form = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault', 'double') };
  const a = await c.post('/new/fault', { form });
  const b = await c.post('/new/fault', { form });
  assert.equal(a.status, 303);
  assert.equal(b.status, 303);
  assert.equal(b.headers.location, a.headers.location, 'same private link');
  const page = await c.get(a.headers.location);
  const number = L.receiptNumber(page.body);
  L.assertNext(assert, before.number, number);
  const after = await c.createTicket('fault');
  L.assertNext(assert, number, after.number, 'the second post created no ticket');
});

test('a double click (two simultaneous posts of the same form) is one ticket', async () => {
  const c = L.client({ localAddress: L.addr(16, 2) });
  const before = await c.createTicket('fault');
  const f = await c.openForm('fault');
  const form = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault', 'double click') };
  const answers = await Promise.all([0, 1, 2].map(() => c.post('/new/fault', { form })));
  for (const r of answers) assert.equal(r.status, 303, r.body.slice(0, 300));
  const links = new Set(answers.map((r) => r.headers.location));
  assert.equal(links.size, 1, `one link, got ${[...links].join(' ')}`);
  const number = L.receiptNumber((await c.get([...links][0])).body);
  L.assertNext(assert, before.number, number);
  const after = await c.createTicket('fault');
  L.assertNext(assert, number, after.number, 'the extra posts created no ticket');
});

test('different forms (different submit keys) with the same content are two tickets', async () => {
  const c = L.client({ localAddress: L.addr(16, 3) });
  const a = await c.createTicket('fault', { subject: 'same content' });
  const b = await c.createTicket('fault', { subject: 'same content' });
  L.assertNext(assert, a.number, b.number);
  assert.notEqual(a.token, b.token);
});
