'use strict';
// Helpers for the sign-in limit tests (agent_throttle.test.js,
// signin_*.test.js), on top of lib.js, agent_lib.js and sla_lib.js.
//
//   takeClock()              in a before() hook: this file owns the stack's
//                            clock; releaseClock() in after()
//   later(seconds)           moves the clock on (negative: back); waits are
//                            checked by moving the clock, never by sleeping
//   hold()                   moves the clock 30 s back, so that "right after
//                            the last try" lasts 30 s whatever the machine's
//                            speed; later(30 + n) is then n s after it
//   loginForm(address)       a login form opened once from address; its
//                            try(login, password) resolves to {status, alert,
//                            retryAfter, signedIn, res}
//   failTimes(form, login, n) n wrong passwords, the clock moved past each
//                            wait
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

let shift = 0;

async function takeClock() {
  await S.lockClock();
  shift = 0;
  S.resetClock();
}

function releaseClock() {
  S.resetClock();
  S.unlockClock();
}

function later(seconds) {
  shift += seconds;
  S.setClock(shift);
}

function hold() { later(-30); }

function alertOf(html) {
  const m = html.match(/<div class="alert"[^>]*>([\s\S]*?)<\/div>/);
  return m ? L.text(m[1]).trim() : '';
}

async function loginForm(address) {
  const c = L.client({ localAddress: address });
  const form = await c.get('/agent/login');
  assert.equal(form.status, 200, 'GET /agent/login');
  const csrf = L.hidden(form.body, 'csrf');
  return {
    client: c,
    async try(login, password) {
      const res = await c.post('/agent/login', { form: { csrf, login, password } });
      return {
        status: res.status,
        alert: alertOf(res.body),
        retryAfter: res.headers['retry-after'],
        signedIn: Boolean(A.sidCookie(res)),
        res,
      };
    },
  };
}

/** n wrong passwords of login from form's address, the clock moved past
 * each wait; every one of them must have been checked (422). */
async function failTimes(form, login, n) {
  for (let i = 1; i <= n; i++) {
    const r = await form.try(login, `wrong-${i}-${Math.random()}`);
    assert.equal(r.status, 422, `failure ${i} of ${login}: ${r.alert}`);
    later(61); // past the longest wait between two tries of one login (60 s)
  }
}

module.exports = { takeClock, releaseClock, later, hold, loginForm, failTimes, alertOf };
