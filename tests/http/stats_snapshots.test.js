'use strict';
// Snapshots of the statistics and the after-sales analysis report
// (/agent/stats/reports): a month's figures of a team of its own saved from
// the statistics page keep their numbers when new tickets change the live
// figures; a recount is a new snapshot with the new numbers, the old one
// kept and listed; the analyst's conclusions are kept and shown escaped with
// their line breaks; bad input comes back on the same form with the text
// kept; an agent opens only their own team's snapshots, never the figures
// per agent, and no report holds a customer's contact details.
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const T = A.tag('SN');
const low = T.toLowerCase();
const TEAM_NAME = `快照组 ${T}`;
let admin, supervisor, member, outsider, teamId, otherTeamId, mo;
const numbers = [];

const pad = (n) => String(n).padStart(2, '0');
const day = (d) => `${mo.y}-${pad(mo.m)}-${pad(d)}`;
/** Seconds of a local (UTC+8) time in the month. */
const at = (d, h, min = 0) => Date.UTC(mo.y, mo.m - 1, d, h, min) / 1000 - 8 * 3600;
const query = () => `kind=month&at=${day(1)}&until=&team=${teamId}&category=0&priority=0&channel=0&product=0&organisation=0&tag=0&agent=0`;

async function post(who, url, fields) {
  return who.client.post(url, { form: { csrf: who.csrf, ...fields } });
}

async function person(login, team) {
  const password = `Pw-${T}-${login}`;
  await admin.page('/admin/people/new');
  const made = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', login],
    ['name', `快照员 ${login}`], ['role', 'agent'], ['language', 'zh'], ['teams', team],
    ['password_mode', 'set'], ['password', password]] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const client = L.client({ localAddress: '127.0.0.1' });
  assert.equal((await A.signIn(client, login, password)).status, 303);
  const d = new A.Desk(client, login);
  await d.page('/agent/q/mine');
  return d;
}

async function team(code, name) {
  await admin.page('/admin/teams');
  const res = await post(admin, '/admin/teams', { code, name_zh: name, name_en: name });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  return res.headers.location.match(/teams\/(\d+)/)[1];
}

async function ticket(name) {
  const t = await A.createTicket({ category: 'usage', impact: 'company', subject: `${T} ${name} 快照`,
    customer: { name: `快照客户${name}`, email: `${low}-${name.toLowerCase()}@example.com` } });
  await supervisor.must(t.number, 'assign', { agent: 0, team: teamId, reason: `${T} 快照组` });
  numbers.push(t.number);
}

test.before(async () => {
  // node runs the before hooks at once: wait for useTestInstant's to hold
  // the clock and place the stack at this run's instant
  for (let i = 0; C.clockOffset() === 0; i++) {
    assert.ok(i < 2400, 'the test clock');
    await new Promise((r) => setTimeout(r, 250));
  }
  // the month after this run's instant (UTC+8), its 10th at 10:00
  const local = new Date((C.instant().at + 8 * 3600) * 1000);
  const m = local.getUTCMonth() + 2;
  mo = m === 13 ? { y: local.getUTCFullYear() + 1, m: 1 } : { y: local.getUTCFullYear(), m };
  C.setAt(at(10, 10));
  admin = await A.desk('admin', '127.0.0.1');
  supervisor = await A.desk('supervisor', '127.0.0.1');
  teamId = await team(`${low}-sn`, TEAM_NAME);
  otherTeamId = await team(`${low}-so`, `另一组 ${T}`);
  member = await person(`${low}m`, teamId);
  outsider = await person(`${low}o`, otherTeamId);
  for (const n of ['A1', 'A2', 'A3']) await ticket(n);
});

/* ---- reading the report ---------------------------------------------------- */

function cells(html, table, key) {
  const t = html.match(new RegExp(`<table[^>]*id="${table}"[\\s\\S]*?</table>`));
  assert.ok(t, `table ${table}`);
  const m = t[0].match(new RegExp(`<tr data-row="${key.replace(/\./g, '\\.')}">([\\s\\S]*?)</tr>`));
  assert.ok(m, `row ${key} of ${table}`);
  return [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => L.text(c[1]).trim());
}

async function report(who, id) {
  const res = await who.page(`/agent/stats/reports/${id}`);
  assert.equal(res.status, 200, `report ${id}`);
  assert.ok(!res.body.includes('@example.com'), 'no contact details');
  return res.body;
}

/** Saves the statistics page's period and filters as a snapshot: its id. */
async function save(who, q = query()) {
  const page = await who.page(`/agent/stats?${q}`);
  assert.equal(page.status, 200);
  const form = page.body.match(/<form method="post" action="\/agent\/stats\/reports"[\s\S]*?<\/form>/);
  assert.ok(form, 'the statistics page offers to save it as a report');
  const fields = Object.fromEntries([...form[0].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
    .map((x) => [x[1], L.text(x[2])]));
  const res = await who.client.post('/agent/stats/reports', { form: fields });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const id = res.headers.location.match(/^\/agent\/stats\/reports\/(\d+)\?done=made$/);
  assert.ok(id, res.headers.location);
  return id[1];
}

/** The snapshot's workbook, read back (tests/http/xlsx_read.py). */
async function workbook(who, id) {
  const res = await who.get(`/agent/stats/reports/${id}/workbook`);
  assert.equal(res.status, 200, `workbook of ${id}`);
  assert.match(res.headers['content-disposition'], new RegExp(`report-${id}-${day(1)}`));
  const f = path.join(os.tmpdir(), `desk-report-${process.pid}-${Date.now()}.xlsx`);
  fs.writeFileSync(f, res.raw);
  try {
    return JSON.parse(execFileSync('python3', [path.join(__dirname, 'xlsx_read.py'), f], { encoding: 'utf8' }));
  } finally {
    fs.rmSync(f, { force: true });
  }
}
const sheetRow = (book, sheet, label) => book.sheets.find((s) => s.name === sheet).rows
  .find((r) => r[0] && r[0].v === label).map((c) => (c ? c.v : null));

let first, second;

test('a snapshot keeps its numbers; a recount is a new snapshot with the new ones', async () => {
  first = await save(supervisor);
  let h = await report(supervisor, first);
  assert.match(L.text(h), /售后问题分析报告/);
  assert.match(L.text(h.match(/<dd id="report-period">[\s\S]*?<\/dd>/)[0]), new RegExp(`月 · ${day(1)} – ${day(1).slice(0, 8)}\\d\\d`));
  assert.match(L.text(h.match(/<dd id="report-filters">[\s\S]*?<\/dd>/)[0]), new RegExp(`团队: ${TEAM_NAME}`));
  assert.match(L.text(h), /制表人 主管|制表人 \S+/);
  assert.deepEqual(cells(h, 't-volume', 'created'), ['新建工单', '3', '0', '0']);
  assert.deepEqual(cells(h, 't-team', `${low}-sn`), [TEAM_NAME, '3', '0']);
  assert.ok(h.includes('<rect class="s-created" x='), 'the daily chart');
  assert.ok(h.includes('id="t-agents"'), 'a supervisor sees the figures per agent');

  // two more tickets: the live figures change, the snapshot does not
  C.setAt(at(10, 11));
  await ticket('B1');
  await ticket('B2');
  const live = (await supervisor.get(`/agent/stats?${query()}`)).body;
  assert.match(live, /<tr data-fig="created"><th scope="row">新建工单<\/th><td class="n"><a[^>]*>5<\/a>/);
  h = await report(supervisor, first);
  assert.deepEqual(cells(h, 't-volume', 'created'), ['新建工单', '3', '0', '0']);
  assert.deepEqual(cells(h, 't-team', `${low}-sn`), [TEAM_NAME, '3', '0']);
  // its workbook too: the frozen numbers, no contact details
  const book = await workbook(supervisor, first);
  assert.deepEqual(sheetRow(book, '工单量', '新建工单'), ['新建工单', 3, 0, 0]);
  assert.ok(!book.text.includes('@example.com'), 'no contact details');

  // the recount: a new snapshot of the same period and filters
  const res = await post(supervisor, `/agent/stats/reports/${first}/recount`, {});
  assert.equal(res.status, 303);
  second = res.headers.location.match(/^\/agent\/stats\/reports\/(\d+)\?done=recounted$/)[1];
  assert.notEqual(second, first);
  h = await report(supervisor, second);
  assert.deepEqual(cells(h, 't-volume', 'created'), ['新建工单', '5', '0', '0']);
  assert.match(L.text(h), new RegExp(`重新统计自报告 #${first}`));
  h = await report(supervisor, first);
  assert.deepEqual(cells(h, 't-volume', 'created'), ['新建工单', '3', '0', '0']);
  assert.match(L.text(h), new RegExp(`已重新统计为报告 #${second}`));
  // a recount without the form's token changes nothing
  const before = (await supervisor.get('/agent/stats/reports')).body.match(/data-snapshot="\d+"/g).length;
  assert.equal((await supervisor.client.post(`/agent/stats/reports/${first}/recount`, { form: {} })).status, 403);
  const list = (await supervisor.get('/agent/stats/reports')).body;
  assert.equal(list.match(/data-snapshot="\d+"/g).length, before);
  // both listed, newest first
  const ids = [...list.matchAll(/<tr data-snapshot="(\d+)">/g)].map((x) => x[1]);
  assert.ok(ids.indexOf(second) >= 0 && ids.indexOf(second) < ids.indexOf(first), 'newest first');
});

test('the conclusions are kept and shown escaped, line breaks kept; bad input stays on the form', async () => {
  const text = `一、本月新建 3 单。\n二、<script>alert(1)</script> & "引号"`;
  let res = await post(supervisor, `/agent/stats/reports/${first}`, { conclusions: text, status: 'final' });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  let h = await report(supervisor, first);
  const shown = h.match(/<div class="conclusions-text" id="conclusions-text">([\s\S]*?)<\/div>/);
  assert.ok(shown, 'the conclusions');
  assert.equal(shown[1], '一、本月新建 3 单。\n二、&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;');
  assert.ok(!h.includes('<script>alert(1)'), 'escaped');
  assert.match(h, /<p class="report-status st-final">定稿<\/p>/);
  assert.equal(A.textarea(h, 'f-conclusions'), text);
  // the numbers stayed
  assert.deepEqual(cells(h, 't-volume', 'created'), ['新建工单', '3', '0', '0']);

  // too long: 422, the message, the text kept, nothing saved
  const long = `${T} ${'很长的结论'.repeat(4001)}`;
  res = await post(supervisor, `/agent/stats/reports/${first}`, { conclusions: long, status: 'draft' });
  assert.equal(res.status, 422);
  assert.match(res.body, /<div class="alert" role="alert">/);
  assert.match(res.body, /<p class="error" id="e-conclusions">/);
  assert.equal(A.textarea(res.body, 'f-conclusions'), long);
  // a status that is none: the same
  res = await post(supervisor, `/agent/stats/reports/${first}`, { conclusions: `${T} 新结论`, status: 'bogus' });
  assert.equal(res.status, 422);
  assert.equal(A.textarea(res.body, 'f-conclusions'), `${T} 新结论`);
  // no token: the page says so, the text kept
  res = await supervisor.client.post(`/agent/stats/reports/${first}`, { form: { conclusions: `${T} 过期`, status: 'draft' } });
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /已过期/);
  assert.equal(A.textarea(res.body, 'f-conclusions'), `${T} 过期`);
  h = await report(supervisor, first);
  assert.ok(h.includes('二、&lt;script&gt;'), 'the kept conclusions unchanged');
  assert.match(h, /st-final/);
});

test('scope: an agent opens their own team\'s snapshots only, without the figures per agent', async () => {
  // the member sees the team's snapshot, not the figures per agent, and may not conclude it
  const h = await report(member, first);
  assert.deepEqual(cells(h, 't-volume', 'created'), ['新建工单', '3', '0', '0']);
  assert.ok(!h.includes('id="t-agents"') && !h.includes('id="t-agent"'), 'no figures per agent');
  assert.ok(!h.includes('class="conclusions-form'), 'no form for a snapshot not theirs');
  const sheets = (await workbook(member, first)).sheets.map((x) => x.name);
  assert.ok(sheets.includes('工单量') && !sheets.includes('按处理人明细') && !sheets.includes('按处理人'),
    'the workbook without the figures per agent');
  assert.equal((await outsider.get(`/agent/stats/reports/${first}/workbook`)).status, 403);
  let res = await post(member, `/agent/stats/reports/${first}`, { conclusions: 'x', status: 'draft' });
  assert.equal(res.status, 403);
  // an agent of another team: not listed, not opened, not recounted
  assert.equal((await outsider.get(`/agent/stats/reports/${first}`)).status, 403);
  await outsider.page('/agent/stats/reports');
  assert.equal((await post(outsider, `/agent/stats/reports/${first}/recount`, {})).status, 403);
  assert.ok(!(await outsider.get('/agent/stats/reports')).body.includes(`data-snapshot="${first}"`));
  assert.ok((await member.get('/agent/stats/reports')).body.includes(`data-snapshot="${first}"`));
  // a snapshot of every team: managers only
  const all = await save(supervisor, query().replace(`team=${teamId}`, 'team=0'));
  assert.equal((await member.get(`/agent/stats/reports/${all}`)).status, 403);
  assert.ok(!(await member.get('/agent/stats/reports')).body.includes(`data-snapshot="${all}"`));
  // the member's own snapshot: their team, theirs to conclude
  const own = await save(member, query());
  const mine = await report(member, own);
  assert.deepEqual(cells(mine, 't-volume', 'created'), ['新建工单', '5', '0', '0']);
  res = await post(member, `/agent/stats/reports/${own}`, { conclusions: `${T} 组内结论`, status: 'draft' });
  assert.equal(res.status, 303);
  assert.equal((await outsider.get(`/agent/stats/reports/${own}`)).status, 403);
  // an unknown snapshot
  assert.equal((await supervisor.get('/agent/stats/reports/999999999')).status, 404);
});
