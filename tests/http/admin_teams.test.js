'use strict';
// Admin console, teams and skill tags (issue 6): created, renamed and
// deactivated through the forms (never deleted), with field errors and
// nothing written on a bad form; a team's members decide who sees its queue
// (added and removed on the team page, on the member's next request); an
// agent's last team cannot be taken away; a team still holding open tickets
// or routed categories cannot be deactivated; skill tags are given to people
// on their page and a deactivated tag is no longer offered. Audited.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 204;
const T = A.tag('TM');
const low = T.toLowerCase();
let admin;
let supervisor;

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

async function post(url, fields) {
  const form = Array.isArray(fields) ? [['csrf', admin.csrf], ...fields] : { csrf: admin.csrf, ...fields };
  return admin.client.post(url, { form });
}

/** Rows of a list page: [{id, code, state, text}]. */
async function rows(url, cls) {
  const res = await admin.page(url);
  assert.equal(res.status, 200, url);
  return res.body.split(`<tr class="${cls} `).slice(1).map((r) => ({
    id: r.match(/data-id="(\d+)"/)[1],
    code: r.match(/data-code="([^"]*)"/)[1],
    state: r.match(/data-state="([^"]*)"/)[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

async function auditOf(entity, id) {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  return res.body.split('<tr class="audit-row"').slice(1).filter((r) => r.includes(`<code>#${id}</code>`))
    .map((r) => ({ action: r.match(/data-action="([^"]*)"/)[1], text: L.text(r.split('</tr>')[0]) }));
}

/** The team ids offered on the new-person form. */
async function offered(name) {
  const res = await admin.page('/admin/people/new');
  return [...res.body.matchAll(new RegExp(`name="${name}" value="(\\d+)"`, 'g'))].map((m) => m[1]);
}

const team = { code: `${low}-ops`, zh: `运维组 ${T}`, en: `Ops ${T}` };
let teamId;

test('a bad team form is refused next to the fields, input kept, nothing created', async () => {
  await admin.page('/admin/teams');
  const res = await post('/admin/teams', { code: '1 Bad', name_zh: `保留 ${T}`, name_en: '' });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'code'));
  assert.ok(L.hasFieldError(res.body, 'name_en'));
  assert.ok(res.body.includes(`value="保留 ${T}"`), 'input kept');
  const dup = await post('/admin/teams', { code: 'aftersales', name_zh: 'x', name_en: 'x' });
  assert.equal(dup.status, 422);
  assert.ok(L.hasFieldError(dup.body, 'code'), 'the code is taken');
  assert.ok(!(await rows('/admin/teams', 'team-row')).some((r) => r.text.includes(T)), 'nothing created');
});

test('a team created through the form is listed, offered for people and audited; renaming reaches the queues', async () => {
  const res = await post('/admin/teams', { code: team.code, name_zh: team.zh, name_en: team.en });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  teamId = res.headers.location.match(/^\/admin\/teams\/(\d+)\?done=team_created$/)[1];
  const row = (await rows('/admin/teams', 'team-row')).find((r) => r.id === teamId);
  assert.equal(row.code, team.code);
  assert.equal(row.state, 'active');
  assert.ok((await offered('teams')).includes(teamId), 'a choice on the person form');

  const renamed = `运维支持组 ${T}`;
  const r2 = await post(`/admin/teams/${teamId}`, { name_zh: renamed, name_en: team.en });
  assert.equal(r2.headers.location, `/admin/teams/${teamId}?done=team_saved`);
  // every worker reloads the catalogue: the queue filter of the workspace names it
  const q = await supervisor.page('/agent/q/team');
  assert.ok(q.body.includes(`<option value="${teamId}">${renamed}</option>`) || q.body.includes(`>${renamed}</option>`), 'the new name in the team filter');
  const empty = await post(`/admin/teams/${teamId}`, { name_zh: '', name_en: team.en });
  assert.equal(empty.status, 422);
  assert.ok(L.hasFieldError(empty.body, 'name_zh'));
  const audit = await auditOf('team', teamId);
  assert.deepEqual(audit.map((a) => a.action), ['update', 'create']);
  assert.ok(audit[0].text.includes(`名称（中文） ${team.zh} → ${renamed}`), audit[0].text);
  team.zh = renamed;
});

test('members: adding one shows the team queue on their next page; removing hides it; an agent keeps one team', async () => {
  // a person of the training team, created through the people form
  const login = `${low}m`;
  const password = `Pw-${T}-member`;
  await admin.page('/admin/people/new');
  const home = await post('/admin/teams', { code: `${low}-home`, name_zh: `本组 ${T}`, name_en: `Home ${T}` });
  const homeId = home.headers.location.match(/teams\/(\d+)/)[1];
  team.home = homeId;
  await admin.page('/admin/people/new');
  const made = await post('/admin/people', [['login', login], ['name', `成员 ${T}`], ['role', 'agent'], ['language', 'zh'],
    ['teams', homeId], ['password_mode', 'set'], ['password', password]]);
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const personId = made.headers.location.match(/people\/(\d+)/)[1];
  team.member = { id: personId, name: `成员 ${T}` };
  const client = L.client({ localAddress: L.addr(FILE, 3) });
  assert.equal((await A.signIn(client, login, password)).status, 303);
  const member = new A.Desk(client, login);

  const t = await A.createTicket({ category: 'usage', subject: `${T} ops queue` });
  await supervisor.must(t.number, 'assign', { agent: 0, team: teamId, reason: `${T} to ops` });
  assert.deepEqual(await member.numbers('team', { q: T }), []);

  await admin.page(`/admin/teams/${teamId}`);
  const unknown = await post(`/admin/teams/${teamId}/members`, { login: `${low}nobody` });
  assert.equal(unknown.status, 422);
  assert.ok(L.hasFieldError(unknown.body, 'login'));
  assert.ok(unknown.body.includes(`value="${low}nobody"`), 'input kept');

  const add = await post(`/admin/teams/${teamId}/members`, { login, lead: '1' });
  assert.equal(add.headers.location, `/admin/teams/${teamId}?done=member_added`);
  assert.deepEqual(await member.numbers('team', { q: T }), [t.number], 'the team queue on the next page');
  const page = await admin.page(`/admin/teams/${teamId}`);
  const mrow = page.body.split('<tr class="member-row ').slice(1).find((r) => r.includes(`data-login="${login}"`));
  assert.ok(mrow, 'listed as a member');
  assert.match(mrow, /data-lead="1"/);

  // their first team is not their last one: removing it is fine; then ops is
  const first = await post(`/admin/teams/${homeId}/remove`, { agent: personId });
  assert.equal(first.headers.location, `/admin/teams/${homeId}?done=member_removed`);
  const last = await post(`/admin/teams/${teamId}/remove`, { agent: personId });
  assert.equal(last.status, 422, 'an agent keeps at least one team');
  assert.match(last.body, /role="alert"/);
  assert.deepEqual(await member.numbers('team', { q: T }), [t.number], 'still a member');

  const back = await post(`/admin/teams/${homeId}/members`, { login });
  assert.equal(back.status, 303);
  const remove = await post(`/admin/teams/${teamId}/remove`, { agent: personId });
  assert.equal(remove.headers.location, `/admin/teams/${teamId}?done=member_removed`);
  assert.deepEqual(await member.numbers('team', { q: T }), [], 'gone from the team queue');

  const audit = await auditOf('team', teamId);
  assert.deepEqual(audit.slice(0, 2).map((a) => a.action), ['remove_member', 'add_member']);
  assert.ok(audit[1].text.includes(login) && audit[1].text.includes('组长 否 → 是'), audit[1].text);
  // the ticket stays in the ops team: close the loop for the next test
  team.ticket = t.number;
});

test('deactivation: refused while tickets are open or categories route to it; an unused team goes, and comes back', async () => {
  const busy = await admin.page(`/admin/teams/${A.TEAMS.aftersales}/deactivate`);
  assert.equal(busy.status, 200);
  assert.doesNotMatch(busy.body, /action="\/admin\/teams\/\d+\/deactivate"/, 'no button while in use');
  const refused = await post(`/admin/teams/${A.TEAMS.aftersales}/deactivate`, {});
  assert.equal(refused.status, 422);
  const withTicket = await post(`/admin/teams/${teamId}/deactivate`, {});
  assert.equal(withTicket.status, 422, 'its open ticket keeps it');
  assert.equal((await rows('/admin/teams', 'team-row')).find((r) => r.id === teamId).state, 'active');

  const spare = await post('/admin/teams', { code: `${low}-spare`, name_zh: `备用组 ${T}`, name_en: `Spare ${T}` });
  const spareId = spare.headers.location.match(/teams\/(\d+)/)[1];
  const res = await post(`/admin/teams/${spareId}/deactivate`, {});
  assert.equal(res.headers.location, `/admin/teams/${spareId}?done=team_deactivated`);
  assert.equal((await rows('/admin/teams', 'team-row')).find((r) => r.id === spareId).state, 'inactive');
  assert.ok(!(await offered('teams')).includes(spareId), 'no longer offered');
  const on = await post(`/admin/teams/${spareId}/activate`, {});
  assert.equal(on.headers.location, `/admin/teams/${spareId}?done=team_activated`);
  assert.ok((await offered('teams')).includes(spareId));
  assert.deepEqual((await auditOf('team', spareId)).map((a) => a.action), ['activate', 'deactivate', 'create']);
});

test('skill tags: created, renamed, given to a person on their page, deactivated (no longer offered)', async () => {
  await admin.page('/admin/skills');
  const bad = await post('/admin/skills', { code: 'x', name_zh: '', name_en: 'Databases' });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'code') && L.hasFieldError(bad.body, 'name_zh'));
  assert.ok(bad.body.includes('value="Databases"'));

  const code = `${low}-db`;
  const res = await post('/admin/skills', { code, name_zh: `数据库 ${T}`, name_en: `Databases ${T}` });
  assert.equal(res.headers.location, '/admin/skills?done=skill_created');
  const skill = (await rows('/admin/skills', 'skill-row')).find((r) => r.code === code);
  assert.ok(skill);
  const dup = await post('/admin/skills', { code, name_zh: 'x', name_en: 'x' });
  assert.equal(dup.status, 422);
  assert.ok(L.hasFieldError(dup.body, 'code'));

  const ren = await post(`/admin/skills/${skill.id}`, { name_zh: `数据库运维 ${T}`, name_en: `Databases ${T}` });
  assert.equal(ren.headers.location, `/admin/skills/${skill.id}?done=skill_saved`);
  assert.ok((await offered('skills')).includes(skill.id));

  // given to a person on their page (their other values kept)
  const who = team.member.id;
  const page = await admin.page(`/admin/people/${who}`);
  assert.ok(page.body.includes(`name="skills" value="${skill.id}"`), 'offered on the person page');
  const form = [['name', team.member.name], ['role', 'agent'], ['language', 'zh'], ['teams', team.home], ['skills', skill.id]];
  const saved = await post(`/admin/people/${who}`, form);
  assert.equal(saved.status, 303, L.text(saved.body).slice(0, 200));
  const checked = new RegExp(`name="skills" value="${skill.id}" checked`);
  assert.match((await admin.page(`/admin/people/${who}`)).body, checked);
  assert.ok((await rows('/admin/skills', 'skill-row')).find((r) => r.id === skill.id).text.includes(' 1 '), 'one person has it');

  const off = await post(`/admin/skills/${skill.id}/deactivate`, {});
  assert.equal(off.headers.location, `/admin/skills/${skill.id}?done=skill_deactivated`);
  assert.ok(!(await offered('skills')).includes(skill.id), 'no longer offered');
  assert.ok(!(await admin.page(`/admin/people/${who}`)).body.includes(`name="skills" value="${skill.id}"`), 'not on their page');
  // saving the person meanwhile keeps their record of the inactive tag
  const again = await post(`/admin/people/${who}`, form.slice(0, 4));
  assert.equal(again.headers.location, `/admin/people/${who}?done=person_unchanged`);
  const on = await post(`/admin/skills/${skill.id}/activate`, {});
  assert.equal(on.headers.location, `/admin/skills/${skill.id}?done=skill_activated`);
  assert.match((await admin.page(`/admin/people/${who}`)).body, checked, 'kept while inactive');
  const personAudit = await auditOf('agent', who);
  assert.ok(personAudit[0].text.includes(`技能标签 ${code}`), personAudit[0].text);
  assert.deepEqual((await auditOf('skill', skill.id)).map((a) => a.action), ['activate', 'deactivate', 'update', 'create']);
});
