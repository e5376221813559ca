'use strict';
// The monthly report by mail, end to end on the movable clock: the admin
// console's settings (on/off, the hour, roles and people; a bad hour or
// "on, to nobody" refused on the same form, nothing saved), then the
// stack's scheduler mails the previous month's report to the two people
// chosen, each in their language: a multipart mail whose attachment
// report-YYYY-MM.xlsx Python's standard library reads, whose volume sheet
// holds the same figures as the workbook the statistics page gives that
// person for that month (the agent's team only and no sheet per agent; the
// director's every team with them); a second pass sends nothing more; off
// again, the settings page says so. The exact figures, the scope on a known
// history, the hour, two schedulers and a desk that was down are
// tests/unit/db_test_stats_monthly.c.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');
const S = require('./sla_lib');

C.useTestInstant();

const FILE = 227;
const T = A.tag('MM');
const low = T.toLowerCase().replace(/[^a-z0-9]/g, '');
const ZONE = 8 * 3600; // Asia/Shanghai
const mail = (who) => `${low}-${who}@example.com`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let admin;
const ids = {};
const desks = {};

async function person(name, role, language, teams, n) {
  await admin.page('/admin/people/new');
  const login = `${low}${name}`;
  const res = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', login],
    ['name', `${name} ${T}`], ['email', mail(name)], ['role', role], ['language', language],
    ['teams', teams], ['password_mode', 'set'], ['password', `Pw-${T}-${name}`]] });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  ids[name] = Number(A.setupSql(`SELECT id FROM agents WHERE login = '${login}'`).trim());
  const c = L.client({ localAddress: L.addr(FILE, n) });
  assert.equal((await A.signIn(c, login, `Pw-${T}-${name}`)).status, 303);
  desks[name] = new A.Desk(c, login);
  await desks[name].page('/agent/');
}

/** The settings form posted as the admin. */
async function save(fields) {
  await admin.page('/admin/reports');
  const form = [['csrf', admin.csrf]];
  for (const [k, v] of fields) form.push([k, v]);
  return admin.client.post('/admin/reports', { form });
}

/** The month before the stack's now, local: "YYYY-MM". */
function previousMonth() {
  const d = new Date(C.now() + ZONE * 1000);
  const y = d.getUTCFullYear(), m = d.getUTCMonth(); // m: the previous month, 1-based
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

const PY = String.raw`
import email, json, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
out = {'type': m.get_content_type(), 'parts': [], 'text': ''}
for p in m.walk():
    if p.is_multipart():
        continue
    out['parts'].append(p.get_content_type())
    if p.get_content_type() == 'text/plain' and not p.get_filename():
        out['text'] = p.get_content()
    elif p.get_filename():
        out['filename'] = p.get_filename()
        open(sys.argv[2], 'wb').write(p.get_payload(decode=True))
print(json.dumps(out, ensure_ascii=False))
`;

function readXlsx(file) {
  return JSON.parse(execFileSync('python3', [path.join(__dirname, 'xlsx_read.py'), file], { encoding: 'utf8' }));
}

/** The mail's parts, its text, and its workbook as xlsx_read.py reads it. */
function open(m) {
  const file = path.join(L.TEST_VAR, 'mail', 'new', m.file);
  const xlsx = path.join(os.tmpdir(), `desk-monthly-${process.pid}-${Date.now()}.xlsx`);
  try {
    const x = JSON.parse(execFileSync('python3', ['-c', PY, file, xlsx], { encoding: 'utf8' }));
    x.book = readXlsx(xlsx);
    return x;
  } finally {
    fs.rmSync(xlsx, { force: true });
  }
}

function pageBook(buf) {
  const f = path.join(os.tmpdir(), `desk-monthly-page-${process.pid}-${Date.now()}.xlsx`);
  fs.writeFileSync(f, buf);
  try { return readXlsx(f); } finally { fs.unlinkSync(f); }
}

/** The volume sheet's rows as {label: [cur, prev, year]}. */
function volume(book, name) {
  const s = book.sheets.find((x) => x.name === name);
  assert.ok(s, `a sheet ${name} in ${book.sheets.map((x) => x.name).join(', ')}`);
  const out = {};
  for (const row of s.rows.slice(1)) out[row[0].v] = row.slice(1).map((c) => c && c.v);
  return out;
}

const mailsTo = (addr, text) => S.readMails().filter((m) => S.mailTo(m, addr) && m.subject.includes(text));

async function waitMails(addr, text) {
  if (mailsTo(addr, text).length < 1) {
    await sleep(1500);
    if (mailsTo(addr, text).length < 1) S.schedulerOnce();
  }
  await S.waitFor(() => mailsTo(addr, text).length >= 1, `a mail "${text}" to ${addr}`, {
    timeout: 180000, describe: () => S.readMails().filter((m) => S.mailTo(m, addr)).map((m) => m.subject).join(' | ') || 'none',
  });
  return mailsTo(addr, text);
}

test.after(async () => {
  if (admin) await save([['hour', '6']]); // off, to nobody
});

test('the settings: shown, a bad hour and "on, to nobody" refused on the same form, saved', async () => {
  admin = await A.desk('admin', '127.0.0.1');
  await person('agent', 'agent', 'zh', String(A.TEAMS.training), 1);
  await person('boss', 'director', 'en', '', 2);
  const page = await admin.page('/admin/reports');
  assert.equal(page.status, 200);
  const text = L.text(page.body);
  assert.ok(text.includes('月度报表') && text.includes(`agent ${T}`), text.slice(0, 400));
  assert.match(page.body, /name="hour" type="number" value="6"/);

  let res = await save([['enabled', '1'], ['hour', '24'], ['people', String(ids.agent)]]);
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /0 到 23/);
  assert.match(res.body, new RegExp(`name="people" value="${ids.agent}" checked`), 'the input kept');
  res = await save([['enabled', '1'], ['hour', '0']]);
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /请至少选择一个角色或一个人/);
  assert.doesNotMatch((await admin.page('/admin/reports')).body, /name="enabled" value="1" checked/, 'nothing saved');

  // hour 0: due at any hour of any day (the instant may be a 1st before 06:00)
  res = await save([['enabled', '1'], ['hour', '0'], ['people', String(ids.agent)], ['people', String(ids.boss)]]);
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const saved = (await admin.page('/admin/reports')).body;
  assert.match(saved, /name="enabled" value="1" checked/);
  assert.match(saved, /name="hour" type="number" value="0"/);
  assert.match(saved, new RegExp(`name="people" value="${ids.boss}" checked`));
  assert.doesNotMatch(saved, /name="roles" value="director" checked/);
});

test('each person gets the previous month\'s report once, in their language and scope, the workbook attached', async () => {
  assert.ok(ids.agent, 'the settings test ran');
  const month = previousMonth();
  const [zh] = await waitMails(mail('agent'), `月度报表`);
  const [en] = await waitMails(mail('boss'), 'Monthly report');
  assert.ok(zh.subject.includes(month), zh.subject);
  assert.ok(en.subject.includes(month), en.subject);
  const agent = open(zh), boss = open(en);
  for (const x of [agent, boss]) {
    assert.equal(x.type, 'multipart/mixed');
    assert.deepEqual(x.parts, ['text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    assert.equal(x.filename, `report-${month}.xlsx`);
    assert.ok(!x.book.text.includes('@example.com'), 'no contact details in the workbook');
  }
  assert.ok(agent.text.includes(`/agent/stats?kind=month&at=${month}-01&team=${A.TEAMS.training}`), agent.text);
  assert.ok(agent.text.includes('范围：您所在的团队'), agent.text);
  assert.match(boss.text, new RegExp(`/agent/stats\\?kind=month&at=${month}-01\\s`), 'every team: no team in the link');
  assert.ok(boss.text.includes('for every team'), boss.text);

  // the same figures as the statistics page's workbook for that person and month
  const q = `kind=month&at=${month}-01`;
  const agentPage = pageBook((await desks.agent.get(`/agent/stats.xlsx?${q}`)).raw);
  const bossPage = pageBook((await desks.boss.get(`/agent/stats.xlsx?${q}`)).raw);
  const mine = volume(agent.book, '工单量'), all = volume(boss.book, 'Volume');
  assert.deepEqual(mine, volume(agentPage, '工单量'));
  assert.deepEqual(all, volume(bossPage, 'Volume'));
  assert.ok(all.Created[0] >= mine['新建工单'][0], 'every team holds the agent\'s team');
  assert.ok(agent.text.includes(`新建工单：${mine['新建工单'][0]}（上月 ${mine['新建工单'][1]}）`), agent.text);
  assert.ok(boss.text.includes(`Tickets created: ${all.Created[0]} (previous month: ${all.Created[1]})`), boss.text);
  assert.ok(!agent.book.sheets.some((s) => s.name === '按处理人'), 'no figures per agent for an agent');
  assert.ok(boss.book.sheets.some((s) => s.name === 'Per agent'), 'a director sees them');

  // a second pass: nothing more
  S.schedulerOnce();
  await sleep(2500);
  assert.equal(mailsTo(mail('agent'), '月度报表').length, 1);
  assert.equal(mailsTo(mail('boss'), 'Monthly report').length, 1);
});

test('off: the page says so', async () => {
  const res = await save([['hour', '6']]);
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const page = (await admin.page('/admin/reports')).body;
  assert.doesNotMatch(page, /name="enabled" value="1" checked/);
  assert.doesNotMatch(page, /name="people" value="\d+" checked/);
});
