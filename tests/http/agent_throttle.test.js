'use strict';
// Wrong passwords of one login from one address slow that pair down (after 3
// failures the next try must wait, even with the right password, 1 s, then
// 2 s, 4 s ...) and the 10th pauses it for Auth.LockMinutes (15). Waits are
// crossed by moving the stack's clock, never by sleeping. Uses the account
// "pm" (given the agent's password by SQL setup) so no other test is slowed.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const G = require('./signin_lib');

const FILE = 61;

test.before(G.takeClock);
test.after(G.releaseClock);

test('after 3 wrong passwords the next try waits, even with the right password; then it works and the count starts again', async () => {
  A.sharePassword('pm');
  const good = A.passwordOf('pm');
  const f = await G.loginForm(L.addr(FILE, 1));
  for (let i = 1; i <= 3; i++) {
    const res = await f.try('pm', `wrong-${i}`);
    assert.equal(res.status, 422, `failure ${i} is checked`);
    assert.match(res.alert, /账号或密码不正确/);
  }
  G.hold();
  const refused = await f.try('pm', good);
  assert.equal(refused.status, 429, 'the right password is refused while the pair must wait');
  assert.match(refused.alert, /过于频繁/, 'says why');
  assert.match(refused.alert, /秒后再试/, 'and how long');
  assert.ok(Number(refused.retryAfter) >= 1, `Retry-After: ${refused.retryAfter}`);
  assert.equal(refused.signedIn, false, 'no session while waiting');
  G.later(32); // 2 s after the third failure: its 1 s wait is over
  const ok = await f.try('pm', good);
  assert.equal(ok.status, 303, 'signed in after the wait');
  assert.ok(ok.signedIn);
  // the right password cleared the pair: two new failures cost no wait
  assert.equal((await f.try('pm', 'wrong-a')).status, 422);
  assert.equal((await f.try('pm', 'wrong-b')).status, 422);
  assert.equal((await f.try('pm', good)).status, 303);
});

test('the waits grow: 1 s after the 3rd failure, 2 s after the 4th, 4 s after the 5th', async () => {
  A.sharePassword('pm');
  const good = A.passwordOf('pm');
  const f = await G.loginForm(L.addr(FILE, 3));
  for (let i = 1; i <= 3; i++) assert.equal((await f.try('pm', `wrong-${i}`)).status, 422);
  G.later(2); // past the 1 s wait
  assert.equal((await f.try('pm', 'wrong-4')).status, 422, 'failure 4 is checked after 1 s');
  G.later(3); // past the 2 s wait
  assert.equal((await f.try('pm', 'wrong-5')).status, 422, 'failure 5 is checked after 2 s');
  G.hold();
  G.later(30 + 2); // 2 s after the 5th failure
  const refused = await f.try('pm', good);
  assert.equal(refused.status, 429, 'still waiting 2 s after the 5th failure');
  G.later(3); // 5 s after it
  assert.equal((await f.try('pm', good)).status, 303, 'allowed after 4 s');
});

test('the 10th failure pauses the login from that address for 15 minutes, even for the right password', async () => {
  A.sharePassword('pm');
  const good = A.passwordOf('pm');
  const f = await G.loginForm(L.addr(FILE, 4));
  await G.failTimes(f, 'pm', 10);
  for (let i = 0; i < 2; i++) {
    const res = await f.try('pm', good);
    assert.equal(res.status, 429, 'paused');
    assert.match(res.alert, /暂停/, 'says sign-in from here is paused');
    assert.match(res.alert, /分钟后再试/, 'and for how long');
    assert.equal(res.signedIn, false);
    G.later(60);
  }
  G.later(15 * 60); // the pause is over
  const ok = await f.try('pm', good);
  assert.equal(ok.status, 303, 'the pause ends by itself');
  A.sharePassword('pm');
});
