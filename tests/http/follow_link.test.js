'use strict';
// The private follow link: a random token, not the ticket number; unknown or
// malformed tokens answer a 404 page.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(26) });

function assertNotFound(res, what) {
  assert.equal(res.status, 404, what);
  assert.match(res.headers['content-type'], /text\/html/, what);
  assert.match(res.body, /<html/, `${what}: a page`);
  assert.match(res.body, /找不到/, `${what}: says it was not found`);
  assert.doesNotMatch(L.text(res.body), /\d{8}-\d{4}/, `${what}: shows no ticket`);
}

test('unknown and malformed tokens answer a 404 page', async () => {
  const t = await c.createTicket('fault');
  const flipped = t.token.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
  for (const p of [
    `/t/${flipped}`,
    `/t/${t.token.slice(0, -1)}`,
    `/t/${t.token}x`,
    '/t/abc',
    '/t/' + 'A'.repeat(43),
    '/t/' + 'z'.repeat(600),
    '/t/%FF%FE',
    "/t/'%20OR%201=1--",
    '/t/%3Cb%3E',
  ]) assertNotFound(await c.get(p), p);
  // paths nginx itself refuses (NUL byte, escaping the root) may answer 400
  for (const p of ['/t/%00', '/t/..%2F..%2Fetc%2Fpasswd']) {
    const res = await c.get(p);
    assert.ok([400, 404].includes(res.status), `${p}: 400 or 404, got ${res.status}`);
  }
  assert.equal((await c.get(`/t/${t.token}/extra`)).status, 404);
  assert.equal((await c.get('/t/')).status, 404);
});

test('the token is not the ticket number and is not derived from it', async () => {
  const a = await c.createTicket('fault');
  const b = await c.createTicket('fault');
  L.assertNext(assert, a.number, b.number);
  for (const t of [a, b]) {
    assert.ok(t.token.length >= 32, 'long token');
    assert.ok(!t.token.includes(t.number) && !t.token.includes(t.number.replace('-', '')), 'number not in token');
    assert.ok(!t.location.includes(t.number), 'number not in the link');
  }
  assert.notEqual(a.token, b.token);
  // consecutive tickets have unrelated tokens (no long common prefix)
  let common = 0;
  while (a.token[common] === b.token[common]) common++;
  assert.ok(common < 8, `tokens share a ${common}-char prefix`);
  assertNotFound(await c.get(`/t/${a.number}`), 'the number is not a link');
  assertNotFound(await c.get(`/t/${a.number.replace('-', '')}`), 'the number without dash');
  // the real link works
  const page = await c.get(`/t/${a.token}`);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(a.number));
  assert.equal(page.headers['x-robots-tag'], 'noindex');
});
