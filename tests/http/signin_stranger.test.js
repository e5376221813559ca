'use strict';
// A stranger cannot lock a person out: ten wrong passwords from the
// stranger's address pause that login from that address only. The person
// still signs in from their usual address and from a new one.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const G = require('./signin_lib');

const FILE = 241;

test.before(G.takeClock);
test.after(() => {
  A.sharePassword('pm');
  G.releaseClock();
});

test("a stranger's ten failures pause only the stranger's address", async () => {
  A.sharePassword('pm');
  const good = A.passwordOf('pm');
  const usual = await G.loginForm(L.addr(FILE, 1));
  assert.equal((await usual.try('pm', good)).status, 303, 'the person signs in as every day');

  const stranger = await G.loginForm(L.addr(FILE, 2));
  await G.failTimes(stranger, 'pm', 10);
  const paused = await stranger.try('pm', good);
  assert.equal(paused.status, 429, 'the stranger is paused, even with the right password');

  const fromUsual = await G.loginForm(L.addr(FILE, 1));
  const ok = await fromUsual.try('pm', good);
  assert.equal(ok.status, 303, `the person still signs in from their usual address: ${ok.alert}`);
  assert.ok(ok.signedIn);
  const fromNew = await G.loginForm(L.addr(FILE, 3));
  const ok2 = await fromNew.try('pm', good);
  assert.equal(ok2.status, 303, `and from a new address: ${ok2.alert}`);
  assert.match(paused.alert, /暂停/, 'the stranger was told sign-in from there is paused');
  assert.doesNotMatch(paused.alert, /账号已被.*锁定/, 'not that the account is locked');
});
