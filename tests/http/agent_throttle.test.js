'use strict';
// Repeated wrong passwords slow the account down (after 3 failures the next
// attempt must wait, even with the right password) and then lock it; a
// locked account stays locked. Uses the dedicated account "pm" (given the
// agent's password by SQL setup) so no other test is locked out.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 61;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A login form opened once; post() sends attempts with its csrf pair. */
async function loginForm(localAddress) {
  const c = L.client({ localAddress });
  const form = await c.get('/agent/login');
  const csrf = L.hidden(form.body, 'csrf');
  return { c, post: (password) => c.post('/agent/login', { form: { csrf, login: 'pm', password } }) };
}

/** Waits for the start of the next wall-clock second (the server counts in seconds). */
async function startOfSecond() {
  await sleep(1000 - (Date.now() % 1000) + 5);
}

test('after 3 wrong passwords the next attempt is refused with 429, even with the right password, for a short wait', async () => {
  A.sharePassword('pm'); // setup: known password, counters cleared
  const good = A.passwordOf('pm');
  const f = await loginForm(L.addr(FILE, 1));
  // two failures: no wait yet
  for (let i = 1; i <= 2; i++) {
    const res = await f.post('wrong-' + i);
    assert.equal(res.status, 422, `failure ${i}`);
    assert.match(L.text(res.body), /账号或密码不正确/);
  }
  // the third failure, then at once the right password: refused
  await startOfSecond();
  const third = await f.post('wrong-3');
  assert.equal(third.status, 422, 'failure 3 is still checked');
  const refused = await f.post(good);
  assert.equal(refused.status, 429, 'the right password is refused while the account must wait');
  assert.match(L.text(refused.body), /失败次数过多/, 'says to wait');
  assert.equal(A.sidCookie(refused), undefined, 'no session while throttled');
  // after the short wait the right password works and clears the counter
  await sleep(2100);
  const ok = await f.post(good);
  assert.equal(ok.status, 303, 'signed in after the wait');
  assert.ok(A.sidCookie(ok));
  // the counter was reset: two new failures do not make anyone wait
  const g = await loginForm(L.addr(FILE, 2));
  assert.equal((await g.post('wrong-a')).status, 422);
  assert.equal((await g.post('wrong-b')).status, 422);
  assert.equal((await g.post(good)).status, 303);
});

test('the waits grow with more failures (the 4th failure makes the next try wait longer)', async () => {
  A.sharePassword('pm');
  const good = A.passwordOf('pm');
  const f = await loginForm(L.addr(FILE, 3));
  for (let i = 1; i <= 3; i++) assert.equal((await f.post('wrong-' + i)).status, 422);
  await sleep(1500); // the 1 s wait after the third failure
  await startOfSecond();
  assert.equal((await f.post('wrong-4')).status, 422, 'failure 4 is checked after the wait');
  await sleep(1100); // now 2 s are needed: still refused after 1.1 s
  const refused = await f.post(good);
  assert.equal(refused.status, 429, 'still waiting after 1.1 s');
  await sleep(1500);
  assert.equal((await f.post(good)).status, 303, 'allowed after 2 s');
});

test('a locked account stays locked, even for the right password', async () => {
  A.sharePassword('pm');
  // setup: the account is one failure away from the lock (Auth.MaxFailures = 10)
  A.setupSql("UPDATE agents SET failed_logins = 9 WHERE login = 'pm'");
  const good = A.passwordOf('pm');
  const f = await loginForm(L.addr(FILE, 4));
  const last = await f.post('wrong-10');
  assert.equal(last.status, 422, 'the tenth failure');
  for (let i = 0; i < 2; i++) {
    const res = await f.post(good);
    assert.equal(res.status, 429, 'locked');
    assert.match(L.text(res.body), /锁定/, 'says the account is locked');
    assert.equal(A.sidCookie(res), undefined);
    await sleep(1200);
  }
  // from another address too: the lock belongs to the account
  const other = await loginForm(L.addr(FILE, 5));
  const res = await other.post(good);
  assert.equal(res.status, 429);
  assert.match(L.text(res.body), /锁定/);
  A.sharePassword('pm'); // clean up: unlock for the next run
});
