'use strict';
// Wrong passwords of one login from many addresses (a distributed guesser)
// slow that login down everywhere - known and unknown logins alike - but
// never lock it, and never slow the person down at their usual address.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const G = require('./signin_lib');

const FILE = 242;
const UNKNOWN = `ghost-${Date.now().toString(36)}`;
const SPREAD = 20; // Auth.LoginFailures

test.before(G.takeClock);
test.after(() => {
  A.sharePassword('pm');
  G.releaseClock();
});

test('20 failures from 20 addresses slow the login down at new addresses only, and only for a while', async () => {
  A.sharePassword('pm');
  const good = A.passwordOf('pm');
  assert.equal((await (await G.loginForm(L.addr(FILE, 1))).try('pm', good)).status, 303, 'a usual address');

  for (let i = 0; i < SPREAD; i++) {
    const [a, b] = [await G.loginForm(L.addr(FILE, 10 + i)), await G.loginForm(L.addr(FILE, 10 + i, 1))];
    assert.equal((await a.try('pm', `guess-${i}`)).status, 422, `guess ${i} at pm`);
    assert.equal((await b.try(UNKNOWN, `guess-${i}`)).status, 422, `guess ${i} at an unknown login`);
  }
  G.hold();
  const fresh = await G.loginForm(L.addr(FILE, 60));
  const slowed = await fresh.try('pm', good);
  assert.equal(slowed.status, 429, 'a new address waits, even with the right password');
  assert.match(slowed.alert, /过于频繁/, 'a wait, not a pause');
  const t = Date.now();
  const ghost = await (await G.loginForm(L.addr(FILE, 61))).try(UNKNOWN, 'anything');
  const apart = (Date.now() - t) / 1000;
  assert.equal(ghost.status, 429, 'an unknown login waits alike');
  // the same words; the seconds may differ by the seconds the two tries are
  // apart (a slow machine or build makes it more than one), and one for rounding
  const words = (t) => t.replace(/\d+/g, '#');
  const secs = (t) => (t.match(/\d+/g) || []).map(Number);
  assert.equal(words(ghost.alert), words(slowed.alert), 'with the same words');
  secs(ghost.alert).forEach((n, i) => assert.ok(Math.abs(n - secs(slowed.alert)[i]) <= 1 + Math.ceil(apart), `${ghost.alert} / ${slowed.alert}`));

  const home = await (await G.loginForm(L.addr(FILE, 1))).try('pm', good);
  assert.equal(home.status, 303, `the usual address is not slowed: ${home.alert}`);

  G.later(30 + 61); // the per-login wait is at most 60 s
  const after = await fresh.try('pm', good);
  assert.equal(after.status, 303, `slowed, never locked: ${after.alert}`);
});
