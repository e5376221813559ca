'use strict';
// Admin console, people (issue 6): accounts created through the form sign
// in at /agent/login (typed or generated password, the generated one shown
// once); a refused form keeps the input, shows errors next to the fields and
// writes nothing; what is edited takes effect on the person's next request:
// the role (approvals 403 -> 200), the teams (the team queue), contact
// visibility (reveal 403 -> 200); deactivation ends sign-in and the open
// session; a password reset ends sessions and only the new password works;
// unlock lifts the sign-in pauses. Every change is audited, never a
// password.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 203;
const T = A.tag('PP');
const low = T.toLowerCase();
let admin;
let supervisor;
let addrN = 10;

// teams of this file's own (the demo teams are left to the dispatch tests)
const TEAM = {};

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  for (const [k, zh] of [['home', '测试一组'], ['other', '测试二组']]) {
    await admin.page('/admin/teams');
    const res = await admin.client.post('/admin/teams', { form: { csrf: admin.csrf, code: `${low}-${k}`, name_zh: `${zh} ${T}`, name_en: `Test ${k} ${T}` } });
    assert.equal(res.status, 303, `team ${k}: ${res.status}`);
    TEAM[k] = Number(res.headers.location.match(/teams\/(\d+)/)[1]);
  }
});

/* ---- helpers -------------------------------------------------------- */

/** Posts a form as the admin (with the csrf token of the last page). */
async function post(url, fields) {
  if (!admin.csrf) await admin.page('/admin/people');
  const form = Array.isArray(fields) ? [['csrf', admin.csrf], ...fields] : { csrf: admin.csrf, ...fields };
  return admin.client.post(url, { form });
}

/** The form fields of a person: teams and skills repeat. */
function personForm(p) {
  const f = [['name', p.name], ['email', p.email || ''], ['role', p.role], ['language', p.language || 'zh']];
  for (const t of p.teams || []) f.push(['teams', String(TEAM[t] || t)]);
  for (const s of p.skills || []) f.push(['skills', String(s)]);
  if (p.contacts) f.push(['contacts', '1']);
  if (p.login !== undefined) f.push(['login', p.login]);
  if (p.mode) f.push(['password_mode', p.mode]);
  if (p.password !== undefined) f.push(['password', p.password]);
  return f;
}

/** Creates a person; resolves to {id, res}. */
async function create(p) {
  await admin.page('/admin/people/new');
  const res = await post('/admin/people', personForm(p));
  if (p.mode === 'generate') {
    assert.equal(res.status, 201, `create ${p.login}: ${res.status} ${L.text(res.body).slice(0, 300)}`);
    const id = res.body.match(/action="\/admin\/people\/(\d+)"/)[1];
    return { id, res };
  }
  assert.equal(res.status, 303, `create ${p.login}: ${res.status} ${L.text(res.body).slice(0, 400)}`);
  const m = res.headers.location.match(/^\/admin\/people\/(\d+)\?done=person_created$/);
  assert.ok(m, res.headers.location);
  return { id: m[1], res };
}

async function edit(id, p) {
  await admin.page(`/admin/people/${id}`);
  return post(`/admin/people/${id}`, personForm({ ...p, login: undefined, mode: undefined, password: undefined }));
}

/** A fresh client of its own address signing in: {res, desk}. */
async function signInAs(login, password, from = L.addr(FILE, addrN++)) {
  const client = L.client({ localAddress: from });
  const res = await A.signIn(client, login, password);
  const d = new A.Desk(client, login);
  if (res.status === 303) await d.page('/agent/q/mine');
  return { res, desk: d };
}

/** The list row of LOGIN: {id, state, role, lock, text} or undefined. */
async function rowOf(login) {
  for (let url = '/admin/people'; url;) {
    const res = await admin.page(url);
    assert.equal(res.status, 200);
    const row = res.body.split('<tr class="person-row ').slice(1).find((r) => r.includes(`data-login="${login}"`));
    if (row) {
      const attr = (n) => (row.match(new RegExp(`data-${n}="([^"]*)"`)) || [])[1];
      return { id: attr('id'), state: attr('state'), role: attr('role'), lock: attr('lock'), text: L.text(row.split('</tr>')[0]) };
    }
    const next = res.body.match(/<p class="pager"><a href="([^"]+)"/);
    url = next ? next[1].replace(/&amp;/g, '&') : null;
  }
  return undefined;
}

/** Audit rows of a person: [{action, text}], newest first. */
async function audit(id) {
  const res = await admin.page('/admin/audit?entity=agent');
  assert.equal(res.status, 200);
  return {
    html: res.body,
    rows: res.body.split('<tr class="audit-row"').slice(1)
      .filter((r) => r.includes(`<code>#${id}</code>`))
      .map((r) => ({ action: r.match(/data-action="([^"]*)"/)[1], text: L.text(r.split('</tr>')[0]) })),
  };
}

const P = {
  a: { login: `${low}a`, name: `测试坐席 甲 ${T}`, role: 'agent', teams: ['home'], language: 'en', mode: 'set', password: `Pw-${T}-alpha` },
  b: { login: `${low}b`, name: `测试坐席 乙 ${T}`, role: 'agent', teams: ['home'], mode: 'generate' },
  c: { login: `${low}c`, name: `测试坐席 丙 ${T}`, role: 'agent', teams: ['home'], email: `${low}c@example.com`, mode: 'set', password: `Pw-${T}-gamma` },
};

/* ---- validation ------------------------------------------------------ */

test('a refused form: errors next to the fields, input kept, password not echoed, nothing written', async () => {
  const typed = `Secret-${T}`;
  const res = await create_refused({ login: 'Bad Login!', name: `保留的名字 ${T}`, role: 'boss', teams: [], mode: 'set', password: 'short' });
  assert.ok(L.hasFieldError(res.body, 'login'), 'login characters');
  assert.ok(L.hasFieldError(res.body, 'role'), 'role not in the list');
  assert.ok(L.hasFieldError(res.body, 'password'), 'password shorter than 10');
  assert.ok(res.body.includes(`value="保留的名字 ${T}"`), 'the name is kept');
  assert.match(res.body, /name="password_mode" value="set" checked/, 'the password choice is kept');
  assert.match(res.body, /role="alert"/);

  const noTeam = await create_refused({ login: `${low}x`, name: 'x', role: 'agent', teams: [], mode: 'set', password: typed });
  assert.ok(L.hasFieldError(noTeam.body, 'teams'), 'an agent needs a team');
  assert.ok(!noTeam.body.includes(typed), 'a typed password is never sent back');
  assert.ok(noTeam.body.includes(`value="${low}x"`), 'the login is kept');

  const taken = await create_refused({ login: 'Agent', name: 'x', role: 'supervisor', teams: [], mode: 'generate' });
  assert.ok(L.hasFieldError(taken.body, 'login'), 'the login of the demo agent is taken');
  assert.match(L.text(taken.body), /已被使用|taken/);

  const same = await create_refused({ login: `${low}samepass`, name: 'x', role: 'admin', teams: [], mode: 'set', password: `${low}samepass` });
  assert.ok(L.hasFieldError(same.body, 'password'), 'the password cannot be the login');

  const badTeam = await create_refused({ login: `${low}y`, name: 'x', role: 'agent', teams: [999999], mode: 'generate' });
  assert.ok(L.hasFieldError(badTeam.body, 'teams'), 'an unknown team');

  for (const login of [`${low}x`, `${low}samepass`, `${low}y`]) assert.equal(await rowOf(login), undefined, `${login} not created`);
  const { html } = await audit(0);
  assert.ok(!html.includes(`${low}x`) && !html.includes(`${low}samepass`), 'nothing audited');
});

async function create_refused(p) {
  await admin.page('/admin/people/new');
  const res = await post('/admin/people', personForm(p));
  assert.equal(res.status, 422, `${p.login}: ${res.status}`);
  return res;
}

/* ---- create ---------------------------------------------------------- */

const ids = {};
const pw = {};
const sessions = {};

test('created with a typed password: listed with team, role and state, signs in, audited without the password', async () => {
  const { id } = await create(P.a);
  ids.a = id;
  pw.a = P.a.password;
  const page = await admin.page(`/admin/people/${id}?done=person_created`);
  assert.equal(page.status, 200);
  assert.match(page.body, /class="flash"/);
  assert.ok(!page.body.includes(P.a.password), 'the typed password is not shown');

  const row = await rowOf(P.a.login);
  assert.deepEqual([row.id, row.state, row.role, row.lock], [id, 'active', 'agent', '']);
  assert.ok(row.text.includes(`测试一组 ${T}`), `team shown: ${row.text}`);
  assert.ok(row.text.includes(P.a.name));

  const s = await signInAs(P.a.login, P.a.password);
  assert.equal(s.res.status, 303, 'signs in at /agent/login');
  sessions.a = s.desk;
  const q = await s.desk.page('/agent/q/mine');
  assert.equal(q.status, 200);
  assert.match(q.body, /lang="en"/, 'their language (en) is used');

  const { rows, html } = await audit(id);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].action, 'create');
  for (const part of [`登录名 ${P.a.login}`, '角色 坐席', `团队 测试一组 ${T}`]) assert.ok(rows[0].text.includes(part), `${part} in ${rows[0].text}`);
  assert.ok(rows[0].text.includes('密码 已更改'), 'the password is marked as changed');
  assert.ok(!html.includes(P.a.password), 'never the password itself');
  assert.doesNotMatch(html, /\$argon2/, 'nor its hash');
});

test('a generated password is shown once, works, and is not on the page afterwards', async () => {
  const { id, res } = await create(P.b);
  ids.b = id;
  const m = res.body.match(/<code id="new-password" class="key-text">([^<]+)<\/code>/);
  assert.ok(m, 'the new password is shown');
  pw.b = A.decode(m[1]);
  assert.match(pw.b, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  assert.match(L.text(res.body), /只显示这一次|shown only this once/);
  const again = await admin.page(`/admin/people/${id}`);
  assert.ok(!again.body.includes(pw.b), 'not shown again');
  const s = await signInAs(P.b.login, pw.b);
  assert.equal(s.res.status, 303);
  sessions.b = s.desk;
  const { html } = await audit(id);
  assert.ok(!html.includes(pw.b));
});

/* ---- effects of an edit ------------------------------------------------- */

test('role agent -> supervisor: approvals go from 403 to 200 on their open session; audited', async () => {
  assert.ok(sessions.a);
  const before = await sessions.a.get('/agent/approvals');
  assert.equal(before.status, 403);
  const res = await edit(ids.a, { ...P.a, role: 'supervisor' });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.equal(res.headers.location, `/admin/people/${ids.a}?done=person_saved`);
  const after = await sessions.a.get('/agent/approvals');
  assert.equal(after.status, 200, 'the same session may approve now');
  assert.equal((await rowOf(P.a.login)).role, 'supervisor');
  const { rows } = await audit(ids.a);
  assert.equal(rows[0].action, 'update');
  assert.ok(rows[0].text.includes('角色 坐席 → 主管'), rows[0].text);
  // saving the same values changes nothing and records nothing
  const same = await edit(ids.a, { ...P.a, role: 'supervisor' });
  assert.equal(same.headers.location, `/admin/people/${ids.a}?done=person_unchanged`);
  assert.equal((await audit(ids.a)).rows.length, 2);
});

let ticket;
test('teams decide the team queue: adding a team shows its tickets on the next page', async () => {
  ticket = await A.createTicket({ category: 'usage', subject: `${T} team queue`, customer: { name: '联系人 测试', email: `c-${low}@example.com`, phone: '13912345678' } });
  await supervisor.must(ticket.number, 'assign', { agent: 0, team: TEAM.other, reason: `${T} to the other team` });
  const b = sessions.b;
  assert.deepEqual(await b.numbers('team', { q: T }), [], 'not in the queue of their team');
  const res = await edit(ids.b, { ...P.b, teams: ['home', 'other'] });
  assert.equal(res.status, 303);
  assert.deepEqual(await b.numbers('team', { q: T }), [ticket.number], 'in the other team queue now');
  const { rows } = await audit(ids.b);
  assert.ok(rows[0].text.includes(`团队 测试一组 ${T} → 测试一组 ${T}、测试二组 ${T}`), rows[0].text);
});

test('contact visibility: reveal is refused, then allowed after the flag is set', async () => {
  const b = sessions.b;
  const refused = await b.act(ticket.number, 'reveal', { version: 0 });
  assert.equal(refused.status, 403);
  assert.ok(!refused.body.includes(ticket.body.customer.email));
  const res = await edit(ids.b, { ...P.b, teams: ['home', 'other'], contacts: true });
  assert.equal(res.status, 303);
  const shown = await b.act(ticket.number, 'reveal', { version: 0 });
  assert.equal(shown.status, 303);
  assert.ok((await b.ticket(ticket.number)).html.includes(ticket.body.customer.email), 'the e-mail is shown');
  const { rows } = await audit(ids.b);
  assert.ok(rows[0].text.includes('可查看联系方式 否 → 是'), rows[0].text);
});

test('an agent keeps a team and an admin keeps their own role', async () => {
  const res = await edit(ids.b, { ...P.b, teams: [] });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'teams'));
  const self = await edit(A.PEOPLE.admin.id, { name: A.PEOPLE.admin.name, role: 'agent', teams: [A.TEAMS.supervisors], contacts: true });
  assert.equal(self.status, 422);
  assert.ok(L.hasFieldError(self.body, 'role'));
  assert.equal((await rowOf('admin')).role, 'admin');
  const refused = await post(`/admin/people/${A.PEOPLE.admin.id}/deactivate`, {});
  assert.equal(refused.status, 422, 'nobody deactivates themself');
  assert.equal((await rowOf('admin')).state, 'active');
});

/* ---- account actions ------------------------------------------------------ */

test('deactivated: the open session stops working and sign-in is refused; activated again it works', async () => {
  const { id } = await create(P.c);
  ids.c = id;
  const s = await signInAs(P.c.login, P.c.password);
  assert.equal(s.res.status, 303);
  const confirm = await admin.page(`/admin/people/${id}/deactivate`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.body, new RegExp(`action="/admin/people/${id}/deactivate"`));
  assert.equal((await s.desk.get('/agent/q/mine')).status, 200, 'the GET changed nothing');

  const res = await post(`/admin/people/${id}/deactivate`, {});
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/admin/people/${id}?done=person_deactivated`);
  const gone = await s.desk.get('/agent/q/mine');
  assert.equal(gone.status, 303, 'the open session ended');
  assert.match(gone.headers.location, /\/agent\/login/);
  assert.notEqual((await signInAs(P.c.login, P.c.password)).res.status, 303, 'cannot sign in');
  assert.equal((await rowOf(P.c.login)).state, 'inactive');
  const twice = await post(`/admin/people/${id}/deactivate`, {});
  assert.equal(twice.headers.location, `/admin/people/${id}?done=already_inactive`);

  const on = await post(`/admin/people/${id}/activate`, {});
  assert.equal(on.headers.location, `/admin/people/${id}?done=person_activated`);
  assert.equal((await signInAs(P.c.login, P.c.password)).res.status, 303, 'signs in again');
  const actions = (await audit(id)).rows.map((r) => r.action);
  assert.deepEqual(actions, ['activate', 'deactivate', 'create']);
});

test('password reset: shown once, sessions end, the new one works and the old one does not', async () => {
  const s = await signInAs(P.c.login, P.c.password);
  assert.equal(s.res.status, 303);
  const form = await admin.page(`/admin/people/${ids.c}/password`);
  assert.equal(form.status, 200);
  const short = await post(`/admin/people/${ids.c}/password`, { password_mode: 'set', password: 'tooshort' });
  assert.equal(short.status, 422);
  assert.ok(L.hasFieldError(short.body, 'password'));
  assert.equal((await s.desk.get('/agent/q/mine')).status, 200, 'a refused reset changes nothing');

  const res = await post(`/admin/people/${ids.c}/password`, { password_mode: 'generate' });
  assert.equal(res.status, 200);
  const fresh = A.decode(res.body.match(/<code id="new-password" class="key-text">([^<]+)<\/code>/)[1]);
  assert.equal((await s.desk.get('/agent/q/mine')).status, 303, 'their session ended');
  assert.notEqual((await signInAs(P.c.login, P.c.password)).res.status, 303, 'the old password fails');
  assert.equal((await signInAs(P.c.login, fresh)).res.status, 303, 'the new one works');
  pw.c = fresh;

  // typed by the admin
  const typed = `Typed-${T}-new`;
  const set = await post(`/admin/people/${ids.c}/password`, { password_mode: 'set', password: typed });
  assert.equal(set.status, 303);
  assert.equal(set.headers.location, `/admin/people/${ids.c}?done=password_set`);
  assert.equal((await signInAs(P.c.login, typed)).res.status, 303);
  pw.c = typed;
  const { rows, html } = await audit(ids.c);
  assert.equal(rows[0].action, 'reset_password');
  assert.ok(rows[0].text.includes('password'));
  assert.ok(!html.includes(fresh) && !html.includes(typed), 'never a password in the audit log');
});

test('unlock lifts the pause: a person paused from an address signs in from there again', async () => {
  const from = L.addr(FILE, 250);
  // setup: nine failures already from that address; the tenth (over HTTP) pauses it
  A.setupSql(`INSERT INTO signin_throttle (scope, login, source, failures, last_failure_at)
    VALUES ('pair', '${P.c.login}', '${from}', 9, UTC_TIMESTAMP())
    ON DUPLICATE KEY UPDATE failures = 9, last_failure_at = UTC_TIMESTAMP(), wait_until = NULL, locked_until = NULL`);
  const wrong = await signInAs(P.c.login, 'wrong password!', from);
  assert.equal(wrong.res.status, 422);
  const locked = await signInAs(P.c.login, pw.c, from);
  assert.equal(locked.res.status, 429, 'paused from there even with the right password');
  assert.equal((await rowOf(P.c.login)).lock, 'locked');
  const page = await admin.page(`/admin/people/${ids.c}`);
  assert.match(page.body, new RegExp(`action="/admin/people/${ids.c}/unlock"`));
  assert.match(L.text(page.body), /暂停的地址数： 1/);

  const res = await post(`/admin/people/${ids.c}/unlock`, {});
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/admin/people/${ids.c}?done=person_unlocked`);
  assert.equal((await signInAs(P.c.login, pw.c, from)).res.status, 303, 'signs in again from there');
  assert.equal((await rowOf(P.c.login)).lock, '');
  const none = await post(`/admin/people/${ids.c}/unlock`, {});
  assert.equal(none.headers.location, `/admin/people/${ids.c}?done=not_locked`);
  const { rows } = await audit(ids.c);
  assert.equal(rows[0].action, 'unlock');
  assert.ok(rows[0].text.includes('锁定 是 → 否'), rows[0].text);
});

test('unknown people are 404', async () => {
  for (const url of ['/admin/people/999999', '/admin/people/999999/password', '/admin/people/abc']) {
    assert.equal((await admin.page(url)).status, 404, url);
  }
  assert.equal((await post('/admin/people/999999/unlock', {})).status, 404);
});

test('the list pages by keyset: every person once, in order', async () => {
  // setup only: 55 deactivated accounts of no team
  A.setupSql(`INSERT INTO agents (login, name, role, password_hash, language, active, created_at)
    SELECT CONCAT('${low}p', seq), CONCAT('翻页 ${T} ', seq), 'agent', 'x', 'zh', 0, UTC_TIMESTAMP() FROM seq_1_to_55`);
  const seen = [];
  let url = '/admin/people';
  for (let i = 0; url && i < 20; i++) {
    const res = await admin.page(url);
    assert.equal(res.status, 200);
    const rows = [...res.body.matchAll(/<tr class="person-row [^"]*" data-id="(\d+)" data-login="([^"]*)"/g)];
    assert.ok(rows.length <= 50);
    seen.push(...rows.map((m) => ({ id: Number(m[1]), login: m[2] })));
    const next = res.body.match(/<p class="pager"><a href="([^"]+)"/);
    url = next ? next[1].replace(/&amp;/g, '&') : null;
    if (url) assert.match(url, /^\/admin\/people\?after=\d+$/);
  }
  const mine = seen.filter((p) => p.login.startsWith(`${low}p`));
  assert.equal(mine.length, 55);
  assert.equal(new Set(seen.map((p) => p.id)).size, seen.length, 'nobody twice');
  assert.deepEqual(seen.map((p) => p.id), [...seen.map((p) => p.id)].sort((a, b) => a - b), 'by id');
  assert.ok(seen.some((p) => p.login === 'admin') && seen.some((p) => p.login === P.c.login));
});
