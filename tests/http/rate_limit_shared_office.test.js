'use strict';
// nginx's POST limit counts per browser (client address + the desk's own
// random cookie), with a far higher ceiling per address: one busy colleague
// behind an office's shared address does not block the others' first
// request, while a client without cookies, or one inventing a new cookie for
// every request, is still stopped.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const FILE = 245;

/** n quick invalid posts (no csrf field: cheap, still counted) from client c. */
async function burst(c, n, opts = {}) {
  const statuses = [];
  for (let i = 0; i < n; i++) {
    const headers = opts.cookie ? { Cookie: opts.cookie(i) } : undefined;
    const res = await c.post('/new/fault', { form: { subject: `office ${i}` }, headers, cookies: opts.cookie ? false : undefined });
    statuses.push(res.status);
  }
  return statuses;
}

test("one busy colleague's posts do not block another browser at the same address", async () => {
  const office = L.addr(FILE, 1);
  const busy = L.client({ localAddress: office });
  await busy.openForm('fault'); // its csrf cookie: this browser
  const mine = await burst(busy, 30);
  assert.ok(mine.includes(429), `the busy browser is limited: ${mine.join(',')}`);

  const colleague = L.client({ localAddress: office });
  const t = await colleague.createTicket('fault'); // GET the form, then its first POST
  assert.match(t.number || '', L.NUMBER_RE, "the colleague's first request goes through");
});

test('a client without cookies is limited per address, as strictly as one browser', async () => {
  const bot = L.client({ localAddress: L.addr(FILE, 2) });
  const statuses = await burst(bot, 30);
  assert.ok(statuses.slice(0, 15).every((s) => s === 422), 'the burst is served');
  assert.ok(statuses.filter((s) => s === 429).length >= 5, statuses.join(','));
});

test('inventing a new cookie for every post does not get past the per-address ceiling', async () => {
  const bot = L.client({ localAddress: L.addr(FILE, 3) });
  const fake = (i) => `csrf=${String(i).padStart(43, 'A')}`;
  // the ceiling is a burst of 300 refilled at 5 a second: a slow machine or
  // build serves more within the burst, as many as the seconds it took
  const start = Date.now();
  const statuses = await burst(bot, 340, { cookie: fake });
  let refused = statuses.filter((s) => s === 429).length;
  while (refused < 20 && statuses.length < 1000) {
    statuses.push(...await burst(bot, 20, { cookie: (i) => fake(statuses.length + i) }));
    refused = statuses.filter((s) => s === 429).length;
  }
  const served = statuses.filter((s) => s === 422).length;
  const seconds = (Date.now() - start) / 1000;
  assert.ok(statuses.slice(0, 250).every((s) => s === 422), 'far below the ceiling: served');
  assert.ok(refused >= 20, `the ceiling (burst 300) holds: ${refused} refused of ${statuses.length}`);
  assert.ok(served <= 300 + 5 * Math.ceil(seconds) + 1, `${served} served in ${seconds} s`);
});
