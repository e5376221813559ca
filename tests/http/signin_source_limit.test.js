'use strict';
// One address trying many logins (password spraying) is slowed down after
// Auth.SourceFailures (30) failures, whatever the logins; other addresses
// are not.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const G = require('./signin_lib');

const FILE = 243;
const RUN = Date.now().toString(36);

test.before(G.takeClock);
test.after(() => {
  A.sharePassword('pm');
  G.releaseClock();
});

test('30 failures on 30 logins from one address slow that address down; another one signs in', async () => {
  A.sharePassword('pm');
  const good = A.passwordOf('pm');
  const sprayer = await G.loginForm(L.addr(FILE, 1));
  for (let i = 0; i < 30; i++) {
    const r = await sprayer.try(`spray-${RUN}-${i}`, 'Summer2024!');
    assert.equal(r.status, 422, `login ${i}: ${r.alert}`);
  }
  G.hold();
  const next = await sprayer.try('pm', good);
  assert.equal(next.status, 429, 'the address waits, even for a login it never tried');
  assert.match(next.alert, /过于频繁/);
  const elsewhere = await (await G.loginForm(L.addr(FILE, 2))).try('pm', good);
  assert.equal(elsewhere.status, 303, `another address is not affected: ${elsewhere.alert}`);
  G.later(30 + 2); // the first wait of an address is 1 s
  assert.equal((await sprayer.try('pm', good)).status, 303, 'a wait, not a block');
});
