'use strict';
// Agent sign-in: a wrong password is refused without a session; the right
// one opens a session in an HttpOnly SameSite cookie that any worker (and any
// client address) accepts; sign-out ends it for good; pages without a session
// send to the login page with the way back.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 60;

test('a wrong password answers 422 with a message and no session cookie', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  const res = await A.signIn(c, 'supervisor', 'not-the-password-' + A.tag());
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /账号或密码不正确/, 'says the login or password is wrong');
  assert.equal(A.sidCookie(res), undefined, 'no sid cookie');
  assert.equal(c.jar.has('sid'), false);
  // the typed login is kept, the password is not echoed
  assert.match(res.body, /name="login"[^>]*value="supervisor"/);
  // without a session, the workspace still sends to the login page
  const page = await c.get('/agent/q/mine');
  assert.equal(page.status, 303);
  assert.match(page.headers.location, /^\/agent\/login/);
  // the right password afterwards works (one failure does not lock)
  const ok = await A.signIn(c, 'supervisor', A.passwordOf('supervisor'));
  assert.equal(ok.status, 303);
});

test('an unknown login answers exactly like a wrong password', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const res = await A.signIn(c, 'nobody' + A.tag().toLowerCase(), 'whatever');
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /账号或密码不正确/);
  assert.equal(A.sidCookie(res), undefined);
});

test('the right password answers 303 with an HttpOnly SameSite sid cookie', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const form = await c.get('/agent/login');
  assert.equal(form.status, 200);
  const lc = form.setCookies.find((s) => s.startsWith('login_csrf='));
  assert.ok(lc, 'the login form sets its login_csrf cookie');
  assert.match(lc, /;\s*HttpOnly(;|$)/i);
  const res = await c.post('/agent/login', {
    form: { csrf: L.hidden(form.body, 'csrf'), back: '/agent/', login: 'agent', password: A.passwordOf('agent') },
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/agent/');
  const sid = A.sidCookie(res);
  assert.ok(sid, 'a sid cookie');
  assert.match(sid, /;\s*HttpOnly(;|$)/i, 'HttpOnly');
  assert.match(sid, /;\s*SameSite=(Strict|Lax)(;|$)/i, 'SameSite');
  assert.match(sid, /;\s*Path=\//i);
  assert.doesNotMatch(sid, /;\s*Secure/i, 'not Secure over plain HTTP');
  const value = sid.split(';')[0].slice(4);
  assert.ok(value.length >= 32, 'a long random token');
  // the workspace now answers with the person's name
  const home = await c.get('/agent/');
  assert.equal(home.status, 303);
  const mine = await c.get(home.headers.location);
  assert.equal(mine.status, 200);
  assert.match(L.text(mine.body), new RegExp(A.PEOPLE.agent.name));
});

test('the login form needs its csrf cookie: without it the sign-in is refused', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  const form = await c.get('/agent/login');
  const csrf = L.hidden(form.body, 'csrf');
  c.jar.delete('login_csrf');
  const res = await c.post('/agent/login', { form: { csrf, login: 'agent', password: A.passwordOf('agent') } });
  assert.equal(res.status, 422);
  assert.equal(A.sidCookie(res), undefined);
  assert.match(L.text(res.body), /页面已过期/);
});

test('a new token at every sign-in; the session works from another client and in every worker', async () => {
  const a = L.client({ localAddress: L.addr(FILE, 5) });
  const b = L.client({ localAddress: L.addr(FILE, 5) });
  assert.equal((await A.signIn(a, 'agent', A.passwordOf('agent'))).status, 303);
  assert.equal((await A.signIn(b, 'agent', A.passwordOf('agent'))).status, 303);
  assert.notEqual(a.jar.get('sid'), b.jar.get('sid'), 'each sign-in gets its own token');
  // the cookie alone, sent by another client from another address, is the session
  const other = L.client({ localAddress: L.addr(FILE, 6) });
  other.jar.set('sid', a.jar.get('sid'));
  // many requests at once land on different worker processes: all know it
  const pages = await Promise.all(Array.from({ length: 16 }, (_, i) =>
    other.get(['/agent/q/mine', '/agent/q/team', '/agent/q/unassigned', '/agent/progress'][i % 4])));
  for (const p of pages) {
    assert.equal(p.status, 200, 'signed in on every request');
    assert.match(L.text(p.body), new RegExp(A.PEOPLE.agent.name));
  }
});

test('sign-out ends the session: the old cookie then sends to the login page', async () => {
  const d = await A.desk('agent', L.addr(FILE, 7));
  const old = d.client.jar.get('sid');
  const keep = L.client({ localAddress: L.addr(FILE, 8) });
  keep.jar.set('sid', old);
  assert.equal((await keep.get('/agent/q/mine')).status, 200, 'the session works before sign-out');
  const out = await d.client.post('/agent/logout', { form: { csrf: d.csrf } });
  assert.equal(out.status, 303);
  assert.match(out.headers.location, /^\/agent\/login/);
  const cleared = A.sidCookie(out);
  assert.ok(cleared && /max-age=0|expires=Thu, 01 Jan 1970/i.test(cleared), 'the cookie is cleared');
  // the token itself is dead on the server, not only forgotten by the browser
  const after = await keep.get('/agent/q/mine');
  assert.equal(after.status, 303);
  assert.match(after.headers.location, /^\/agent\/login/);
  const post = await keep.post('/agent/logout', { form: { csrf: d.csrf } });
  assert.equal(post.status, 303);
  assert.match(post.headers.location, /^\/agent\/login/);
});

test('pages without a session redirect to /agent/login?back=PATH, and sign-in returns there', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 9) });
  for (const p of ['/agent/', '/agent/q/team', '/agent/t/20260101-0001', '/agent/approvals', '/agent/new', '/agent/progress', '/agent/progress.csv']) {
    const res = await c.get(p);
    assert.equal(res.status, 303, `${p} without a session`);
    assert.equal(res.headers.location, `/agent/login?back=${p}`, p);
  }
  // a made-up cookie is no session either
  c.jar.set('sid', 'A'.repeat(43));
  const forged = await c.get('/agent/q/team');
  assert.equal(forged.status, 303);
  assert.match(forged.headers.location, /^\/agent\/login\?back=/);
  c.jar.delete('sid');
  // the login page carries the way back, and the sign-in follows it
  const form = await c.get('/agent/login?back=/agent/q/team');
  assert.equal(L.hidden(form.body, 'back'), '/agent/q/team');
  const res = await c.post('/agent/login', {
    form: { csrf: L.hidden(form.body, 'csrf'), back: '/agent/q/team', login: 'agent', password: A.passwordOf('agent') },
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/agent/q/team');
  // a way back off the site is not followed
  const c2 = L.client({ localAddress: L.addr(FILE, 10) });
  const f2 = await c2.get('/agent/login');
  const res2 = await c2.post('/agent/login', {
    form: { csrf: L.hidden(f2.body, 'csrf'), back: '//evil.example/x', login: 'agent', password: A.passwordOf('agent') },
  });
  assert.equal(res2.status, 303);
  assert.equal(res2.headers.location, '/agent/');
});

test('an idle session ends after Session.IdleMinutes (120), an old one after Session.MaxHours (12)', async () => {
  const idleAddr = L.addr(FILE, 11);
  const oldAddr = L.addr(FILE, 12);
  const idle = await A.desk('agent', idleAddr);
  const old = await A.desk('agent', oldAddr);
  assert.equal((await idle.get('/agent/q/mine')).status, 200);
  // setup: the clock moves on (sessions are found by the address they came from)
  A.setupSql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 121 MINUTE WHERE ip = '${idleAddr}' AND ended_at IS NULL`);
  A.setupSql(`UPDATE sessions SET created_at = UTC_TIMESTAMP() - INTERVAL 13 HOUR, expires_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR
              WHERE ip = '${oldAddr}' AND ended_at IS NULL`);
  for (const [who, what] of [[idle, 'idle'], [old, 'expired']]) {
    const res = await who.get('/agent/q/mine');
    assert.equal(res.status, 303, `${what} session refused`);
    assert.match(res.headers.location, /^\/agent\/login/);
  }
  // a session used a minute ago is fine
  const fresh = await A.desk('agent', L.addr(FILE, 13));
  A.setupSql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 100 MINUTE WHERE ip = '${L.addr(FILE, 13)}' AND ended_at IS NULL`);
  assert.equal((await fresh.get('/agent/q/mine')).status, 200, 'within the idle time');
});
