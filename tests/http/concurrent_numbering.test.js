'use strict';
// 64 simultaneous submissions get 64 distinct, consecutive ticket numbers
// (no gaps, no duplicates): through the portal from 64 source addresses, and
// through the API. The numbers carry the local date and must all share it,
// which would not hold across midnight: run at the three instants of
// tests/run.sh (clock.js), never near one.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const C = require('./clock');

C.useTestInstant();

const N = 64;

function assertConsecutive(numbers, before) {
  assert.equal(numbers.length, N);
  assert.equal(new Set(numbers).size, N, 'no duplicates');
  for (const n of numbers) assert.match(n, L.NUMBER_RE);
  const periods = new Set(numbers.map(L.period));
  assert.equal(periods.size, 1, 'all on the same day');
  const serials = numbers.map(L.serial).sort((a, b) => a - b);
  for (let i = 1; i < serials.length; i++) assert.equal(serials[i], serials[i - 1] + 1, `no gap after ${serials[i - 1]}`);
  if (before) {
    assert.equal(L.period(numbers[0]), L.period(before));
    assert.equal(serials[0], L.serial(before) + 1, 'first follows the last ticket before the burst');
  }
  return serials;
}

test(`${N} simultaneous portal submissions from ${N} addresses give ${N} consecutive numbers`, async () => {
  const clients = Array.from({ length: N }, (_, i) => L.client({ localAddress: L.addr(17, i + 1, 0) }));
  const before = await clients[0].createTicket('fault');
  // every client opens its own form first (own csrf cookie and submit key)
  const forms = await Promise.all(clients.map((c) => c.openForm('fault')));
  const answers = await Promise.all(clients.map((c, i) => c.post('/new/fault', {
    form: { csrf: forms[i].csrf, submit_key: forms[i].submitKey, ...L.validFields('fault', `burst ${i}`) },
  })));
  const statuses = answers.map((r) => r.status);
  assert.deepEqual(statuses, Array(N).fill(303), 'every submission accepted');
  const links = answers.map((r) => r.headers.location);
  assert.equal(new Set(links).size, N, 'distinct private links');
  const pages = await Promise.all(clients.map((c, i) => c.get(links[i])));
  const numbers = pages.map((p) => L.receiptNumber(p.body));
  const serials = assertConsecutive(numbers, before.number);
  // each page shows the subject that was sent from that client
  pages.forEach((p, i) => assert.ok(p.body.includes(`HTTP test fault burst ${i}`), `page ${i} is its own ticket`));
  const after = await clients[1].createTicket('fault');
  assert.equal(L.serial(after.number), serials[N - 1] + 1);
});

test(`${N} simultaneous API creations give ${N} consecutive numbers`, async () => {
  const clients = Array.from({ length: N }, (_, i) => L.client({ localAddress: L.addr(17, i + 1, 1) }));
  const first = await clients[0].api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'before burst' }));
  assert.equal(first.status, 201);
  const answers = await Promise.all(clients.map((c, i) => c.api('POST', '/api/v1/tickets',
    L.apiTicket({ subject: `api burst ${i}` }))));
  assert.deepEqual(answers.map((r) => r.status), Array(N).fill(201), 'every creation answered 201');
  const bodies = answers.map((r) => r.json());
  for (const b of bodies) assert.equal(b.duplicate, false);
  const serials = assertConsecutive(bodies.map((b) => b.number), first.json().number);
  // each number really is the ticket with that subject
  const reads = await Promise.all(bodies.map((b, i) => clients[i].api('GET', `/api/v1/tickets/${b.number}`)));
  reads.forEach((r, i) => {
    assert.equal(r.status, 200);
    assert.equal(r.json().subject, `api burst ${i}`);
  });
  const last = await clients[0].api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'after burst' }));
  assert.equal(L.serial(last.json().number), serials[N - 1] + 1);
});
