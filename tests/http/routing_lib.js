'use strict';
// Setup for the routing tests (admin_routing*.test.js): a team of its own
// with members and skill tags, and a category of its own, so the tests
// never change where the shared demo categories go. Setup only (SQL);
// results are read over HTTP.
//
//   setup(T, {members: ['a', 'b'], skills: ['hw', 'db'], memberSkills})
//       -> {code, team, category, skills: {hw: id}, agents: {a: {id, login, name}}}
//   reloadConfig()   makes every worker reload the catalogue now
//   teardown(S)      deactivates what setup made (the portal lists no test category)
//   signInAs(login, localAddress)   a Desk for a member (the demo agent's password)
//   rules(html), teams(html), members(html)   rows of the admin pages
//   auditRows(html)  rows of /admin/audit
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

function reloadConfig() {
  A.setupSql('UPDATE config_version SET version = version + 1 WHERE id = 1');
  const stamp = path.join(L.TEST_VAR, 'config.stamp');
  fs.writeFileSync(`${stamp}.test`, `routing test ${Date.now()}\n`);
  fs.renameSync(`${stamp}.test`, stamp);
}

const q = (s) => `'${String(s).replace(/[^A-Za-z0-9_ \u4e00-\u9fff-]/g, '')}'`;

function setup(T, opts = {}) {
  const id = T.toLowerCase();
  const code = `rt_${id}`.slice(0, 40);
  const members = opts.members || ['a', 'b'];
  const skills = opts.skills || [];
  A.setupSql(`INSERT INTO teams (code, name_zh, name_en) VALUES (${q(code)}, ${q(`路由测试组 ${id}`)}, ${q(`Routing test ${id}`)})`);
  A.setupSql(`INSERT INTO categories (code, name_zh, name_en, summary_zh, summary_en, default_priority_id, sort_order, is_public)
    VALUES (${q(code)}, ${q(`路由测试 ${id}`)}, ${q(`Routing test ${id}`)}, '测试', 'test', 3, 90, 1)`);
  for (const s of skills) {
    A.setupSql(`INSERT INTO skills (code, name_zh, name_en) VALUES (${q(`${code}_${s}`.slice(0, 40))}, ${q(`技能${s} ${id}`)}, ${q(`Skill ${s} ${id}`)})`);
  }
  for (const m of members) {
    const login = `rt${id}${m}`.slice(0, 60);
    A.setupSql(`INSERT INTO agents (login, name, email, role, password_hash, created_at)
      SELECT ${q(login)}, ${q(`路由${m} ${id}`)}, NULL, 'agent', password_hash, UTC_TIMESTAMP() FROM agents WHERE login = 'agent'`);
    A.setupSql(`INSERT INTO team_members (team_id, agent_id) SELECT t.id, a.id FROM teams t, agents a
      WHERE t.code = ${q(code)} AND a.login = ${q(login)}`);
  }
  for (const [m, list] of Object.entries(opts.memberSkills || {})) {
    for (const s of list) {
      A.setupSql(`INSERT INTO agent_skills (agent_id, skill_id) SELECT a.id, s.id FROM agents a, skills s
        WHERE a.login = ${q(`rt${id}${m}`.slice(0, 60))} AND s.code = ${q(`${code}_${s}`.slice(0, 40))}`);
    }
  }
  const one = (sql) => A.setupSql(sql).trim();
  const S = {
    code,
    team: one(`SELECT id FROM teams WHERE code = ${q(code)}`),
    category: one(`SELECT id FROM categories WHERE code = ${q(code)}`),
    categoryName: `路由测试 ${id}`,
    teamName: `路由测试组 ${id}`,
    skills: {},
    agents: {},
  };
  for (const s of skills) {
    S.skills[s] = one(`SELECT id FROM skills WHERE code = ${q(`${code}_${s}`.slice(0, 40))}`);
  }
  for (const m of members) {
    const login = `rt${id}${m}`.slice(0, 60);
    S.agents[m] = { id: one(`SELECT id FROM agents WHERE login = ${q(login)}`), login, name: `路由${m} ${id}` };
  }
  reloadConfig();
  return S;
}

function teardown(S) {
  if (!S) return;
  A.setupSql(`UPDATE categories SET active = 0, is_public = 0 WHERE code = ${q(S.code)}`);
  A.setupSql(`UPDATE routing_rules SET active = 0 WHERE category_id = ${Number(S.category)}`);
  A.setupSql(`UPDATE teams SET active = 0 WHERE code = ${q(S.code)}`);
  const skills = Object.values(S.skills).map(Number);
  if (skills.length) A.setupSql(`UPDATE skills SET active = 0 WHERE id IN (${skills.join(', ')})`);
  const logins = Object.values(S.agents).map((a) => q(a.login));
  if (logins.length) A.setupSql(`UPDATE agents SET active = 0 WHERE login IN (${logins.join(', ')})`);
  reloadConfig();
}

async function signInAs(login, localAddress) {
  const client = L.client({ localAddress });
  const res = await A.signIn(client, login, L.credentials().AGENT_PASSWORD);
  assert.equal(res.status, 303, `sign-in of ${login}: ${res.status}`);
  const d = new A.Desk(client, login);
  await d.page('/agent/q/mine');
  assert.ok(d.csrf, `${login}: the page carries a csrf token`);
  return d;
}

function rowsOf(html, cls) {
  return html.split(`<tr class="${cls} `).slice(1).map((r) => {
    const tr = r.split('</tr>')[0];
    const attr = (n) => (tr.match(new RegExp(`data-${n}="([^"]*)"`)) || [])[1];
    return { attr, text: A.strip(`<tr ${tr}`), html: tr };
  });
}

function rules(html) {
  return rowsOf(html, 'rule-row').map((r) => ({
    id: r.attr('id'), category: r.attr('category'), team: r.attr('team'), state: r.attr('state'), text: r.text,
  }));
}

function teams(html) {
  return rowsOf(html, 'team-row').map((r) => ({ id: r.attr('id'), code: r.attr('code'), mode: r.attr('mode'), text: r.text }));
}

function members(html) {
  return html.split('<tr class="member-row').slice(1).map((r) => {
    const tr = r.split('</tr>')[0];
    return {
      id: (tr.match(/data-id="(\d+)"/) || [])[1],
      login: (tr.match(/data-login="([^"]*)"/) || [])[1],
      available: (tr.match(/data-available="(\d)"/) || [])[1],
      text: A.strip(`<tr ${tr}`),
    };
  });
}

function auditRows(html) {
  return html.split('<tr class="audit-row"').slice(1).map((r) => ({
    id: r.match(/data-id="(\d+)"/)[1],
    entity: r.match(/data-entity="([^"]*)"/)[1],
    action: r.match(/data-action="([^"]*)"/)[1],
    entityId: (r.match(/<code>#([^<]*)<\/code>/) || [])[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

module.exports = { setup, teardown, reloadConfig, signInAs, rules, teams, members, auditRows };
