'use strict';
// nginx limits portal POSTs per browser (30/min, burst 20; a browser is the
// client address with the desk's cookie): a quick series of posts from one
// browser gets 429 with a clear page; GETs and other addresses are not
// affected (another browser at the same address: rate_limit_shared_office).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const SECURITY = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];
let limited;

test('more than ~25 quick POSTs from one browser: some answer 429 with a clear page', async () => {
  const c = L.client({ localAddress: L.addr(22, 1) });
  const f = await c.openForm('fault');
  const answers = [];
  for (let i = 0; i < 30; i++) {
    // invalid posts (no csrf): cheap for the server, still counted by the limit
    answers.push(await c.post('/new/fault', { form: { submit_key: f.submitKey, subject: `rate ${i}` } }));
  }
  const statuses = answers.map((r) => r.status);
  const n429 = statuses.filter((s) => s === 429).length;
  assert.ok(n429 >= 5, `at least 5 of 30 limited, got ${statuses.join(',')}`);
  assert.ok(statuses.slice(0, 15).every((s) => s === 422), 'the first 15 are served (burst)');
  limited = answers.find((r) => r.status === 429);
  assert.match(limited.headers['content-type'], /text\/html/);
  assert.match(limited.body, /请稍后再提交/);
  assert.match(limited.body, /Please send again in a minute/);

  // GETs from the same address still work
  const page = await c.get('/new/fault');
  assert.equal(page.status, 200);
  // another address can still post
  const other = L.client({ localAddress: L.addr(22, 2) });
  const t = await other.createTicket('fault');
  assert.match(t.number || '', L.NUMBER_RE);
});

test('the 429 page carries the security headers', () => {
  assert.ok(limited, 'a 429 answer was seen');
  for (const h of SECURITY) assert.ok(limited.headers[h], `${h} on the 429 page`);
  assert.equal(limited.headers['x-content-type-options'], 'nosniff');
});
