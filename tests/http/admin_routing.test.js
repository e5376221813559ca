'use strict';
// Admin console, routing and dispatch (issue 6): rules (category -> team,
// skills required) are created, edited, deactivated and reactivated through
// the forms; a team's dispatch mode, acceptance timeout and capacity are
// set on its page; members are marked absent by the admin or by themselves.
// Bad input is refused next to its field with the input kept and nothing
// written; every change is in the audit log. The effect on tickets is
// admin_routing_dispatch.test.js.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const R = require('./routing_lib');

const FILE = 209;
const T = A.tag('RP');
let admin, admin2, S, ruleId;

test.before(async () => {
  S = R.setup(T, { members: ['a', 'b'], skills: ['hw', 'db'] });
  admin = await A.desk('admin', L.addr(FILE, 1));
  admin2 = await A.desk('admin', L.addr(FILE, 2));
});

test.after(() => R.teardown(S));

const post = (d, url, form) => d.client.post(url, { form: Array.isArray(form) ? [['csrf', d.csrf], ...form] : { csrf: d.csrf, ...form } });

async function audit(entity, entityId) {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  assert.equal(res.status, 200);
  return R.auditRows(res.body).filter((r) => r.entityId === String(entityId));
}

test('the list shows the default routing of SPEC §3 and how each team dispatches', async () => {
  const res = await admin.page('/admin/routing');
  assert.equal(res.status, 200);
  const rules = R.rules(res.body);
  const by = Object.fromEntries(rules.map((r) => [r.category, r]));
  assert.equal(by.fault.team, String(A.TEAMS.aftersales));
  assert.equal(by.usage.team, String(A.TEAMS.training));
  assert.equal(by.complaint.team, String(A.TEAMS.supervisors));
  assert.equal(by.customisation.team, String(A.TEAMS.product));
  const teams = R.teams(res.body);
  const mine = teams.find((t) => t.code === S.code);
  assert.ok(mine, 'the test team is listed');
  assert.equal(mine.mode, 'claim', 'a new team waits for claims');
  assert.match(mine.text, /30 分钟|30 min/, 'the default acceptance timeout');
  assert.match(res.body, new RegExp(`name="category" value="${S.code}"`), 'its category can be routed');
  assert.match(res.body, new RegExp(`name="skills" value="${S.skills.hw}"`), 'skill tags are offered');
});

test('a bad rule is refused next to its fields, input kept, nothing written', async () => {
  await admin.page('/admin/routing');
  const res = await post(admin, '/admin/routing', [['category', ''], ['team', 'nope'], ['skills', '99999999']]);
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'category'), 'category required');
  assert.ok(L.hasFieldError(res.body, 'team'), 'team not one of the choices');
  assert.ok(L.hasFieldError(res.body, 'skills'), 'unknown skill');
  assert.match(res.body, /role="alert"/);

  // one rule per category: fault has one
  const dup = await post(admin, '/admin/routing', [['category', 'fault'], ['team', S.team], ['skills', S.skills.db]]);
  assert.equal(dup.status, 422);
  assert.ok(L.hasFieldError(dup.body, 'category'));
  assert.match(L.text(dup.body), /已有路由规则|already has a routing rule/);
  assert.match(dup.body, new RegExp(`name="team" value="${S.team}" checked`), 'the chosen team is kept');
  assert.match(dup.body, new RegExp(`name="skills" value="${S.skills.db}" checked`), 'the chosen skill is kept');

  const list = await admin.page('/admin/routing');
  assert.ok(!R.rules(list.body).some((r) => r.category === S.code), 'no rule was created');
  const fault = R.rules(list.body).find((r) => r.category === 'fault');
  assert.equal(fault.team, String(A.TEAMS.aftersales), 'the existing rule is unchanged');
  const trail = await admin.page('/admin/audit?entity=routing_rule');
  assert.ok(!trail.body.includes(S.code), 'nothing audited');
});

test('a rule created through the form is listed and audited', async () => {
  await admin.page('/admin/routing');
  const res = await post(admin, '/admin/routing', [['category', S.code], ['team', S.team], ['skills', S.skills.hw]]);
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.equal(res.headers.location, '/admin/routing?done=rule_created');
  const page = await admin.page(res.headers.location);
  assert.match(page.body, /class="flash"/);
  const rule = R.rules(page.body).find((r) => r.category === S.code);
  assert.ok(rule, 'the rule is listed');
  assert.equal(rule.team, S.team);
  assert.equal(rule.state, 'active');
  assert.ok(rule.text.includes(S.teamName) && rule.text.includes(`技能hw`), rule.text);
  ruleId = rule.id;

  const rows = await audit('routing_rule', ruleId);
  assert.deepEqual(rows.map((r) => r.action), ['create']);
  assert.ok(rows[0].text.includes(A.PEOPLE.admin.name), rows[0].text);
  assert.ok(rows[0].text.includes(S.code), `team and category codes: ${rows[0].text}`);
  assert.ok(rows[0].text.includes(`${S.code}_hw`), `skills: ${rows[0].text}`);
});

test('editing a rule: skills and team change, bad input is kept, no change records nothing', async () => {
  assert.ok(ruleId);
  const form = await admin.page(`/admin/routing/rules/${ruleId}`);
  assert.equal(form.status, 200);
  assert.match(form.body, new RegExp(`name="skills" value="${S.skills.hw}" checked`), 'current skills checked');
  assert.match(form.body, new RegExp(`name="team" value="${S.team}" checked`), 'current team checked');

  const bad = await post(admin, `/admin/routing/rules/${ruleId}`, [['team', ''], ['skills', S.skills.db]]);
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'team'));
  assert.match(bad.body, new RegExp(`name="skills" value="${S.skills.db}" checked`), 'the new choice is kept');
  assert.doesNotMatch(bad.body, new RegExp(`name="skills" value="${S.skills.hw}" checked`));

  const ok = await post(admin, `/admin/routing/rules/${ruleId}`, [['team', S.team], ['skills', S.skills.hw], ['skills', S.skills.db]]);
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.location, '/admin/routing?done=rule_saved');
  const same = await post(admin, `/admin/routing/rules/${ruleId}`, [['team', S.team], ['skills', S.skills.db], ['skills', S.skills.hw]]);
  assert.equal(same.status, 303);
  assert.equal(same.headers.location, '/admin/routing?done=unchanged');

  const rows = await audit('routing_rule', ruleId);
  assert.deepEqual(rows.map((r) => r.action), ['update', 'create'], 'one update, the unchanged save not recorded');
  assert.ok(rows[0].text.includes(`${S.code}_hw → ${S.code}_hw, ${S.code}_db`), rows[0].text);
  const unknown = await admin.page('/admin/routing/rules/99999999');
  assert.equal(unknown.status, 404);
});

test('deactivating and reactivating a rule', async () => {
  assert.ok(ruleId);
  await admin.page(`/admin/routing/rules/${ruleId}`);
  const off = await post(admin, `/admin/routing/rules/${ruleId}/deactivate`, {});
  assert.equal(off.status, 303);
  assert.equal(off.headers.location, '/admin/routing?done=rule_deactivated');
  let list = await admin.page('/admin/routing');
  assert.equal(R.rules(list.body).find((r) => r.id === ruleId).state, 'inactive');
  const again = await post(admin, `/admin/routing/rules/${ruleId}/deactivate`, {});
  assert.equal(again.headers.location, '/admin/routing?done=unchanged');
  // a deactivated rule still holds its category
  const dup = await post(admin, '/admin/routing', [['category', S.code], ['team', S.team]]);
  assert.equal(dup.status, 422);
  assert.ok(L.hasFieldError(dup.body, 'category'));

  const on = await post(admin, `/admin/routing/rules/${ruleId}/activate`, {});
  assert.equal(on.headers.location, '/admin/routing?done=rule_activated');
  list = await admin.page('/admin/routing');
  assert.equal(R.rules(list.body).find((r) => r.id === ruleId).state, 'active');
  const rows = await audit('routing_rule', ruleId);
  assert.deepEqual(rows.map((r) => r.action).slice(0, 2), ['activate', 'deactivate']);
  assert.ok(rows[1].text.includes('启用 是 → 否'), rows[1].text);
});

test('team settings: bad values refused next to their fields and kept; good ones saved and audited', async () => {
  const url = `/admin/routing/teams/${S.team}`;
  const page = await admin2.page(url);
  assert.equal(page.status, 200);
  assert.match(page.body, /name="mode" value="claim" checked/);
  const bad = await post(admin2, url, { mode: 'fastest', accept_minutes: '0', max_open: 'many' });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'mode'));
  assert.ok(L.hasFieldError(bad.body, 'accept_minutes'), 'zero minutes');
  assert.ok(L.hasFieldError(bad.body, 'max_open'), 'not a number');
  assert.match(bad.body, /id="f-accept_minutes"[^>]*value="0"|value="0"[^>]*id="f-accept_minutes"/, 'input kept');
  assert.match(bad.body, /value="many"/, 'input kept');
  const big = await post(admin2, url, { mode: 'least_open', accept_minutes: '20000', max_open: '2.5' });
  assert.equal(big.status, 422);
  assert.ok(L.hasFieldError(big.body, 'accept_minutes'));
  assert.ok(L.hasFieldError(big.body, 'max_open'));
  assert.match(big.body, /name="mode" value="least_open" checked/, 'the chosen mode is kept');
  assert.equal((await audit('team', S.team)).length, 0, 'nothing audited');
  const list = await admin2.page('/admin/routing');
  assert.equal(R.teams(list.body).find((t) => t.id === S.team).mode, 'claim', 'nothing saved');

  const ok = await post(admin2, url, { mode: 'least_open', accept_minutes: '45', max_open: '3' });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.location, `${url}?done=team_saved`);
  const after = await admin2.page(ok.headers.location);
  assert.match(after.body, /name="mode" value="least_open" checked/);
  assert.match(after.body, /value="45"/);
  const row = R.teams((await admin2.page('/admin/routing')).body).find((t) => t.id === S.team);
  assert.equal(row.mode, 'least_open');
  assert.match(row.text, /45/);
  const rows = await audit('team', S.team);
  assert.equal(rows.length, 1);
  assert.ok(rows[0].text.includes('分派方式 手动认领 → 最少未结优先'), rows[0].text);
  assert.ok(rows[0].text.includes('签收时限 无 → 45 分钟'), rows[0].text);
  assert.ok(rows[0].text.includes('每人最多未结工单 0 → 3'), rows[0].text);
});

test('an admin marks a member absent and back; audited', async () => {
  const a = S.agents.a;
  const url = `/admin/routing/teams/${S.team}`;
  await admin2.page(url);
  const away = await post(admin2, `/admin/routing/agents/${a.id}/availability`, { available: '0', team: S.team });
  assert.equal(away.status, 303);
  assert.equal(away.headers.location, `${url}?done=agent_absent`);
  let m = R.members((await admin2.page(url)).body).find((x) => x.login === a.login);
  assert.equal(m.available, '0');
  const back = await post(admin2, `/admin/routing/agents/${a.id}/availability`, { available: '1', team: S.team });
  assert.equal(back.headers.location, `${url}?done=agent_present`);
  m = R.members((await admin2.page(url)).body).find((x) => x.login === a.login);
  assert.equal(m.available, '1');
  const rows = await audit('agent', a.id);
  assert.deepEqual(rows.map((r) => r.action), ['update', 'update']);
  assert.ok(rows[1].text.includes('在岗 是 → 否'), rows[1].text);
  const bad = await post(admin2, `/admin/routing/agents/${a.id}/availability`, { available: 'maybe', team: S.team });
  assert.equal(bad.status, 422);
});

test('an agent marks themselves absent in the workspace; the admin sees it', async () => {
  const b = S.agents.b;
  const me = await R.signInAs(b.login, L.addr(FILE, 3));
  const page = await me.page('/agent/availability');
  assert.equal(page.status, 200);
  assert.match(page.body, /data-available="1"/);
  const noCsrf = await me.client.post('/agent/availability', { form: { available: '0' } });
  assert.equal(noCsrf.status, 422);
  assert.match((await me.page('/agent/availability')).body, /data-available="1"/, 'nothing changed');
  const res = await me.client.post('/agent/availability', { form: { csrf: me.csrf, available: '0' } });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/agent/availability?done=absent');
  const after = await me.page(res.headers.location);
  assert.match(after.body, /data-available="0"/);
  assert.match(after.body, /class="flash"/);
  const m = R.members((await admin2.page(`/admin/routing/teams/${S.team}`)).body).find((x) => x.login === b.login);
  assert.equal(m.available, '0');
  const rows = await audit('agent', b.id);
  assert.equal(rows[0].action, 'update');
  assert.ok(rows[0].text.includes(b.name), `the agent changed it: ${rows[0].text}`);
  await me.client.post('/agent/availability', { form: { csrf: me.csrf, available: '1' } });
});
