'use strict';
// A login that exists and one that does not get the same answers to wrong
// passwords, try after try: the same status, the same message, the same
// waits and the same pause. (They also take as long: an unknown login's
// password is checked against a dummy hash made like real ones, see
// tests/unit/test_signin_limit.c.)
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const G = require('./signin_lib');

const FILE = 240;
const UNKNOWN = `nobody-${Date.now().toString(36)}`;

test.before(G.takeClock);
test.after(() => {
  A.sharePassword('pm');
  G.releaseClock();
});

/** One wrong password for each login, from their own addresses; apart says
 *  how many whole seconds the two tries were apart at most (a loaded machine
 *  may take over a second to check a password). */
async function both(known, unknown, n) {
  const t0 = Date.now();
  const a = await known.try('pm', `wrong-${n}`);
  const b = await unknown.try(UNKNOWN, `wrong-${n}`);
  b.apart = Math.max(1, Math.ceil((Date.now() - t0) / 1000));
  return [a, b];
}

function same(a, b, what) {
  assert.equal(a.status, b.status, `${what}: status ${a.status} for pm, ${b.status} for an unknown login`);
  // the same words; the seconds to wait may differ by the time the tries are apart
  const words = (t) => t.replace(/\d+/g, '#');
  const secs = (t) => (t.match(/\d+/g) || []).map(Number);
  assert.equal(words(a.alert), words(b.alert), `${what}: the same message`);
  secs(a.alert).forEach((n, i) => assert.ok(Math.abs(n - secs(b.alert)[i]) <= b.apart, `${what}: ${a.alert} / ${b.alert}`));
  assert.equal(a.signedIn || b.signedIn, false);
  assert.equal(a.retryAfter === undefined, b.retryAfter === undefined, `${what}: Retry-After on both or neither`);
  if (a.retryAfter !== undefined) assert.ok(Math.abs(a.retryAfter - b.retryAfter) <= b.apart, `${what}: the same wait`);
}

test('wrong passwords: the same answers for an existing and an unknown login, through waits and the pause', async () => {
  A.sharePassword('pm');
  const known = await G.loginForm(L.addr(FILE, 1));
  const unknown = await G.loginForm(L.addr(FILE, 2));
  const statuses = [];
  let last = 0; // how far apart the last failure's two answers were
  for (let n = 1; n <= 10; n++) {
    const [a, b] = await both(known, unknown, n);
    same(a, b, `failure ${n}`);
    last = b.apart;
    assert.equal(a.status, 422, `failure ${n} is checked`);
    assert.match(a.alert, /账号或密码不正确/);
    statuses.push(a.status);
    if (n >= 3) {
      // right after a failure from the 3rd on, the next try waits: alike
      G.hold();
      const [c, d] = await both(known, unknown, `${n}-soon`);
      // the two waits began at failure n's answers, which were apart too
      d.apart += b.apart;
      same(c, d, `right after failure ${n}`);
      assert.equal(c.status, 429, `right after failure ${n}: wait`);
      statuses.push(c.status);
      G.later(30 + 61);
    }
  }
  // both are now paused from their addresses, with the same words
  const [a, b] = await both(known, unknown, 'paused');
  b.apart += last; // the two pauses began at failure 10's answers
  same(a, b, 'after 10 failures');
  assert.equal(a.status, 429);
  assert.match(a.alert, /暂停/);
  assert.ok(statuses.length >= 18);
});
