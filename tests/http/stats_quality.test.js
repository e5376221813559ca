'use strict';
// The quality sections of the statistics (/agent/stats): a known history of
// six tickets over two calendar months in a team of their own, made through
// the API, the workspace and the portal with the test clock moved to each
// step: a repeat by the same customer and one by the same organisation, a
// follow-up outside the 30-day window, a reopen, a hand-back, an
// escalation, a collaborator, moves between teams and a reassignment, fault
// kinds, subjects with shared words, two answered surveys and one closed
// ticket without an answer. Every quality figure of the second month, its
// previous month and a year earlier is asserted exactly in the page and in
// each CSV table, with the tickets behind the numbers; each quality table
// with the same numbers in the workbook (read with tests/http/xlsx_read.py)
// and in the reports API; and every filter narrows the quality figures and
// their lists. Whatever the day and hour it runs at, the history lies in the
// two months after it.
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

const FILE = 253;
const T = A.tag('SQ');
const low = T.toLowerCase();
const TEAM = `质量组 ${T}`;
const TEAM_B = `=二线组 ${T}`; // a formula-looking name: defused in the CSV
let admin, supervisor, member, memberPassword, teamId, teamB, helperId;
const tk = {};
let m1, m2;

const pad = (n) => String(n).padStart(2, '0');
const day = (mo, d) => `${mo.y}-${pad(mo.m)}-${pad(d)}`;
const at = (mo, d, h, min = 0) => Date.UTC(mo.y, mo.m - 1, d, h, min) / 1000 - 8 * 3600;

async function post(who, url, fields) {
  const form = Array.isArray(fields) ? [['csrf', who.csrf], ...fields] : { csrf: who.csrf, ...fields };
  return who.client.post(url, { form });
}

let signedAt = 0;
async function signInAgain(t) {
  if (t - signedAt < 90 * 60) return;
  supervisor = await A.desk('supervisor', '127.0.0.1');
  assert.equal((await A.signIn(member.client, member.login, memberPassword)).status, 303);
  await member.page('/agent/q/mine');
  signedAt = t;
}

async function step(t) {
  C.setAt(t);
  await signInAgain(t);
  C.setAt(t);
}

const customers = {
  c1: { name: '质量客户一', email: `${low}-c1@example.com`, organisation: `质量集团 ${T}` },
  c2: { name: '质量客户二', email: `${low}-c2@example.com`, organisation: `质量集团 ${T}` },
  c3: { name: '质量客户三', email: `${low}-c3@example.com` },
};

async function create(name, t, who, product, subject) {
  await step(t);
  tk[name] = await A.createTicket({ category: 'usage', impact: 'company', subject, product,
    customer: customers[who] });
  await supervisor.must(tk[name].number, 'assign', { agent: 0, team: teamId, reason: `${T} 质量组` });
  await member.must(tk[name].number, 'claim');
}
const act = (name, action, fields = {}) => member.must(tk[name].number, action, fields);
const status = (name, to) => act(name, 'status', { to, reason: `${T} ${to}` });

async function portalSurvey(name, scores) {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const url = `/t/${tk[name].token}/survey`;
  const page = await c.get(url);
  const res = await c.post(url, { form: { csrf: L.hidden(page.body, 'csrf'), ...scores } });
  assert.equal(res.status, 303, `survey of ${name}`);
}

async function history() {
  // the previous month: P1 resolved on the 3rd
  await create('P1', at(m1, 3, 10), 'c3', 'X1', '打印机卡纸');
  await step(at(m1, 3, 11));
  await status('P1', 'resolved');
  // Q1 (fault kind: functional) resolved and closed on the 2nd: the customer
  // answers 2/3/4; Q2 by the same customer three days later, closed, 5/5/5
  // by phone; Q3 of the same organisation on the 20th (both repeats)
  await create('Q1', at(m2, 2, 9), 'c1', 'DeskPro 5', '打印机无法连接');
  await act('Q1', 'classify', { category: await usageId(), nature: 'functional' });
  await step(at(m2, 2, 10));
  await status('Q1', 'resolved');
  await step(at(m2, 2, 10, 30));
  await status('Q1', 'closed');
  await portalSurvey('Q1', { resolution: '2', speed: '3', attitude: '4', suggestions: `${T} 处理太慢`, unmet_needs: '=希望远程协助' });
  await create('Q2', at(m2, 5, 9), 'c1', 'DeskPro 5', '打印机无法连接网络');
  await act('Q2', 'classify', { category: await usageId(), nature: 'functional' });
  await step(at(m2, 5, 10));
  await status('Q2', 'resolved');
  await status('Q2', 'closed');
  admin = await A.desk('admin', '127.0.0.1');
  const res = await admin.act(tk.Q2.number, 'survey_phone', { resolution: 5, speed: 5, attitude: 5, suggestions: `${T} 很满意` });
  assert.equal(res.status, 303);
  // Q4: more than 30 days after P1 (same customer and product: no repeat);
  // handed back, claimed again, escalated, a collaborator; resolved,
  // reopened, resolved again and closed without a survey answer
  await create('Q4', at(m2, 6, 9), 'c3', 'X1', '扫描仪无法启动');
  await act('Q4', 'hand_back', { reason: `${T} 不是我的专长` });
  await act('Q4', 'claim');
  await act('Q4', 'escalate', { reason: `${T} 需要研发`, impact: '单台设备' });
  await act('Q4', 'collab_add', { agent: helperId, role: '协助排查' });
  await step(at(m2, 6, 12));
  await status('Q4', 'resolved');
  // Q5 before Q4's last resolution: not a repeat of it; moved to the second
  // team and back and reassigned (three assignments after the member owned it)
  await create('Q5', at(m2, 6, 14), 'c3', 'X1', 'DeskPro 报表导出失败');
  await supervisor.must(tk.Q5.number, 'assign', { agent: 0, team: teamB, reason: `${T} 转二线` });
  await supervisor.must(tk.Q5.number, 'assign', { agent: 0, team: teamId, reason: `${T} 转回` });
  await act('Q5', 'claim');
  await supervisor.must(tk.Q5.number, 'assign', { agent: helperId, team: teamId, reason: `${T} 改派` });
  await step(at(m2, 7, 9));
  await status('Q4', 'in_progress');
  await step(at(m2, 7, 10));
  await status('Q4', 'resolved');
  await status('Q4', 'closed');
  await create('Q3', at(m2, 20, 9), 'c2', 'DeskPro 5', '打印机卡纸');
}

let usage;
async function usageId() {
  if (!usage) {
    const page = (await member.page(`/agent/t/${tk.Q1.number}`)).body;
    usage = page.match(/<option value="(\d+)"[^>]*>使用咨询<\/option>/)[1];
  }
  return usage;
}

async function addPerson(login, name, teams) {
  await admin.page('/admin/people/new');
  const made = await post(admin, '/admin/people', [['login', login], ['name', name], ['role', 'agent'],
    ['language', 'zh'], ...teams.map((t) => ['teams', t]), ['password_mode', 'set'], ['password', memberPassword]]);
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  return made.headers.location.match(/people\/(\d+)/)[1];
}

test.before(async () => {
  admin = await A.desk('admin', '127.0.0.1');
  supervisor = await A.desk('supervisor', '127.0.0.1');
  for (const [code, name] of [['sq', TEAM], ['sqb', TEAM_B]]) {
    const res = await post(admin, '/admin/teams', { code: `${low}-${code}`, name_zh: name, name_en: name });
    assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
    const id = res.headers.location.match(/teams\/(\d+)/)[1];
    if (code === 'sq') teamId = id; else teamB = id;
  }
  memberPassword = `Pw-${T}-quality`;
  await addPerson(`${low}m`, `质量员 ${T}`, [teamId]);
  helperId = await addPerson(`${low}h`, `协助员 ${T}`, [teamId]);
  const client = L.client({ localAddress: '127.0.0.1' });
  assert.equal((await A.signIn(client, `${low}m`, memberPassword)).status, 303);
  member = new A.Desk(client, `${low}m`);
  await member.page('/agent/q/mine');
  const local = new Date((C.instant().at + 8 * 3600) * 1000);
  const next = (y, m) => (m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 });
  m1 = next(local.getUTCFullYear(), local.getUTCMonth() + 1);
  m2 = next(m1.y, m1.m);
  await history();
  signedAt = 0;
  await step(at(m2, 21, 12));
});

const query = (extra = '') => `kind=month&at=${day(m2, 1)}&team=${teamId}${extra}`;

function cells(html, key) {
  const m = html.match(new RegExp(`<tr data-q="${key.replace(/[.]/g, '\\.')}">([\\s\\S]*?)</tr>`));
  assert.ok(m, `row ${key}`);
  return [...m[1].matchAll(/<t[dh](?! class="act")[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => L.text(c[1]).trim());
}
function rows(html, prefix) {
  return [...html.matchAll(new RegExp(`<tr data-q="${prefix}[^"]*">([\\s\\S]*?)</tr>`, 'g'))]
    .map((m) => [...m[1].matchAll(/<t[dh](?! class="act")[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => L.text(c[1]).trim()));
}

test('the quality figures of the month, beside the previous month and a year earlier', async () => {
  const res = await supervisor.get(`/agent/stats?${query()}`);
  assert.equal(res.status, 200);
  const h = res.body;
  // repeats: Q1 and Q2 of the three resolved (Q4's follow-up came before its
  // last resolution; P1's more than 30 days after); one of four resolutions reopened
  assert.match(L.text(h), /重复判定窗口 30 天/);
  assert.deepEqual(cells(h, 'repeated.cur').slice(1), ['本期', '2', '3', '66.7%']);
  assert.deepEqual(cells(h, 'repeated.prev').slice(1), ['上期', '0', '1', '0.0%']);
  assert.deepEqual(cells(h, 'repeated.year').slice(1), ['去年同期', '0', '0', '—']);
  assert.deepEqual(cells(h, 'reopened_after.cur').slice(1), ['本期', '1', '4', '25.0%']);
  assert.deepEqual(cells(h, 'reopened_after.prev').slice(1), ['上期', '0', '1', '0.0%']);
  // category x product x fault kind: count, previous, a year earlier, change
  assert.deepEqual(rows(h, 'combo.'), [
    ['使用咨询', 'DeskPro 5', '功能', '2', '0', '0', '+2'],
    ['使用咨询', 'X1', '未定性质', '2', '1', '0', '+1'],
    ['使用咨询', 'DeskPro 5', '未定性质', '1', '0', '0', '+1'],
  ]);
  // keywords: character bigrams; by tickets, then in code point order
  const terms = rows(h, 'term.');
  assert.equal(terms.length, 20);
  assert.deepEqual(terms.slice(0, 7), [
    ['印机', '3', '1', '0', '+2'], ['打印', '3', '1', '0', '+2'], ['无法', '3', '0', '0', '+3'],
    ['机无', '2', '0', '0', '+2'], ['法连', '2', '0', '0', '+2'], ['连接', '2', '0', '0', '+2'],
    ['deskpro', '1', '0', '0', '+1'],
  ]);
  assert.deepEqual(cells(h, 'term.deskpro').slice(1), ['1', '0', '0', '+1']);
  // cross-team work over the five tickets created in the month
  assert.deepEqual(cells(h, 'cross.reassigned.cur').slice(1), ['本期', '5', '1', '3', '0.60']);
  assert.deepEqual(cells(h, 'cross.handed_back.cur').slice(1), ['本期', '5', '1', '1', '0.20']);
  assert.deepEqual(cells(h, 'cross.escalated.cur').slice(1), ['本期', '5', '1', '1', '0.20']);
  assert.deepEqual(cells(h, 'cross.collaborated.cur').slice(1), ['本期', '5', '1', '1', '0.20']);
  assert.deepEqual(cells(h, 'cross.reassigned.prev').slice(1), ['上期', '1', '0', '0', '0.00']);
  assert.deepEqual(cells(h, 'cross.escalated.year').slice(1), ['去年同期', '0', '0', '0', '—']);
  const moved = cells(h, 'cross.transferred.cur').slice(1);
  const pairs = rows(h, 'pair.');
  assert.ok(pairs.some((r) => r[0] === TEAM && r[1] === TEAM_B && r[2] === '1'), JSON.stringify(pairs));
  assert.ok(pairs.some((r) => r[0] === TEAM_B && r[1] === TEAM && r[2] === '1'), JSON.stringify(pairs));
  pairInitial = pairs.filter((r) => r[1] === TEAM);
  const intoTeam = pairs.filter((r) => r[1] === TEAM && r[0] !== TEAM_B);
  // each ticket came from its category's team (if any) into ours
  const fromElsewhere = intoTeam.reduce((s, r) => s + Number(r[2]), 0);
  assert.deepEqual(moved, ['本期', '5', String(fromElsewhere ? 5 : 1), String(fromElsewhere + 2),
    ((fromElsewhere + 2) / 5).toFixed(2)]);
  // satisfaction over the three closed: two answered
  assert.deepEqual(cells(h, 'sat.cur'), ['本期', '3', '2', '66.7%', '3.50', '4.00', '4.50']);
  assert.deepEqual(cells(h, 'sat.prev'), ['上期', '0', '0', '—', '—', '—', '—']);
  assert.deepEqual(cells(h, 'dist.resolution'), ['解决效果', '0', '1', '0', '0', '1']);
  assert.deepEqual(cells(h, 'dist.speed'), ['响应速度', '0', '0', '1', '0', '1']);
  assert.deepEqual(cells(h, 'dist.attitude'), ['服务态度', '0', '0', '0', '1', '1']);
  const lowest = rows(h, 'low.');
  assert.deepEqual(lowest, [
    [tk.Q1.number, '打印机无法连接', '2', '3', '4', `${T} 处理太慢`, '=希望远程协助'],
    [tk.Q2.number, '打印机无法连接网络', '5', '5', '5', `${T} 很满意`, ''],
  ]);
  assert.ok(!h.includes('@example.com'), 'no contact details');
  // the charts: SVG drawn by the template, nothing from outside
  assert.match(h, /<svg[^>]*aria-labelledby="h-repeat"/);
  assert.match(h, /<svg[^>]*aria-labelledby="h-scores"/);
  assert.ok(!/(src|href)="(https?:)?\/\//.test(h), 'no external script, font or CDN');
});
let pairInitial;

function parseCsv(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'UTF-8 with a BOM');
  return text.slice(1).trim().split('\r\n').map((line) => [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)|(?<=,)(?=,|$)|^(?=,)/g)]
    .map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2] !== undefined ? m[2] : '')));
}

// each quality table as the report's other tables: /agent/stats.csv?table=
const csvTables = {};
async function csv(table, extra = '') {
  const res = await supervisor.get(`/agent/stats.csv?table=${table}&${query(extra)}`);
  assert.equal(res.status, 200, table);
  assert.match(res.headers['content-type'], /^text\/csv; charset=utf-8/);
  assert.match(res.headers['content-disposition'], new RegExp(`stats-${table}-${day(m2, 1)}`));
  assert.ok(!res.body.includes('@example.com'), 'no contact details');
  const parsed = parseCsv(res.body);
  if (!extra) csvTables[table] = parsed;
  return parsed;
}

test('each quality table as CSV, with the same numbers', async () => {
  assert.deepEqual(await csv('repeat'), [
    ['指标', '周期', '工单数', '基数', '比例(%)'],
    ['重复问题', '本期', '2', '3', '66.7'], ['重复问题', '上期', '0', '1', '0.0'], ['重复问题', '去年同期', '0', '0', ''],
    ['解决后重开', '本期', '1', '4', '25.0'], ['解决后重开', '上期', '0', '1', '0.0'], ['解决后重开', '去年同期', '0', '0', ''],
  ]);
  assert.deepEqual(await csv('combos'), [
    ['问题类别', '产品', '问题性质', '本期', '上期', '去年同期', '较上期'],
    ['使用咨询', 'DeskPro 5', '功能', '2', '0', '0', '2'],
    ['使用咨询', 'X1', '', '2', '1', '0', '1'],
    ['使用咨询', 'DeskPro 5', '', '1', '0', '0', '1'],
  ]);
  const terms = await csv('terms');
  assert.equal(terms.length, 21);
  assert.deepEqual(terms.find((r) => r[0] === '无法'), ['无法', '3', '0', '0', '3']);
  const cross = await csv('cross');
  assert.deepEqual(cross[0], ['指标', '周期', '新建工单', '工单数', '次数', '每单次数']);
  assert.deepEqual(cross.find((r) => r[0] === '升级研发' && r[1] === '本期'), ['升级研发', '本期', '5', '1', '1', '0.20']);
  assert.deepEqual(cross.find((r) => r[0] === '改派' && r[1] === '本期'), ['改派', '本期', '5', '1', '3', '0.60']);
  assert.equal(cross.length, 16);
  const pairs = await csv('pairs');
  assert.deepEqual(pairs[0], ['转出团队', '转入团队', '本期', '上期', '去年同期']);
  // the second team's name looks like a formula: a leading apostrophe keeps it text
  assert.ok(pairs.some((r) => r[0] === `'${TEAM_B}` && r[1] === TEAM && r[2] === '1'), JSON.stringify(pairs));
  assert.equal(pairs.length - 1, pairInitial.length + 1);
  assert.deepEqual(await csv('satisfaction'), [
    ['周期', '已关闭', '已回访', '回访率(%)', '解决效果', '响应速度', '服务态度'],
    ['本期', '3', '2', '66.7', '3.50', '4.00', '4.50'], ['上期', '0', '0', '', '', '', ''],
    ['去年同期', '0', '0', '', '', '', ''],
  ]);
  assert.deepEqual(await csv('scores'), [
    ['评分项', '1分', '2分', '3分', '4分', '5分'],
    ['解决效果', '0', '1', '0', '0', '1'], ['响应速度', '0', '0', '1', '0', '1'], ['服务态度', '0', '0', '0', '1', '1'],
  ]);
  assert.deepEqual(await csv('lowest'), [
    ['工单号', '标题', '解决效果', '响应速度', '服务态度', '意见建议', '未满足的需求'],
    [tk.Q1.number, '打印机无法连接', '2', '3', '4', `${T} 处理太慢`, "'=希望远程协助"],
    [tk.Q2.number, '打印机无法连接网络', '5', '5', '5', `${T} 很满意`, ''],
  ]);
});

async function behind(fig, of = 'cur', extra = '') {
  const res = await supervisor.get(`/agent/stats/quality/tickets?qfig=${fig}&of=${of}&${query(extra)}`);
  assert.equal(res.status, 200, fig);
  assert.ok(!res.body.includes('@example.com'), 'no contact details');
  return A.parseRows(res.body).map((r) => r.number).sort();
}
const numbers = (...names) => names.map((n) => tk[n].number).sort();

test('every quality number opens the tickets behind it', async () => {
  const page = (await supervisor.get(`/agent/stats?${query()}`)).body;
  const link = page.match(/href="(\/agent\/stats\/quality\/tickets\?qfig=term&amp;of=cur&amp;[^"]+term=%E6%97%A0%E6%B3%95)"/);
  assert.ok(link, 'the link of a keyword');
  const followed = await supervisor.get(link[1].replace(/&amp;/g, '&'));
  assert.equal(followed.status, 200);
  assert.match(followed.body, /含该关键词的工单 · <bdi>无法<\/bdi>/);
  assert.deepEqual(A.parseRows(followed.body).map((r) => r.number).sort(), numbers('Q1', 'Q2', 'Q4'));
  assert.deepEqual(await behind('repeated'), numbers('Q1', 'Q2'));
  assert.deepEqual(await behind('reopened_after'), numbers('Q4'));
  assert.deepEqual(await behind('reassigned'), numbers('Q5'));
  assert.deepEqual(await behind('handed_back'), numbers('Q4'));
  assert.deepEqual(await behind('escalated'), numbers('Q4'));
  assert.deepEqual(await behind('collaborated'), numbers('Q4'));
  assert.deepEqual(await behind('pair', 'cur', `&from=${teamB}&to=${teamId}`), numbers('Q5'));
  assert.deepEqual(await behind('closed_q'), numbers('Q1', 'Q2', 'Q4'));
  assert.deepEqual(await behind('answered'), numbers('Q1', 'Q2'));
  assert.deepEqual(await behind('score', 'cur', '&dim=speed&score=3'), numbers('Q1'));
  assert.deepEqual(await behind('combo', 'cur', `&ccat=${usage}&cprod=X1&nature=`), numbers('Q4', 'Q5'));
  assert.deepEqual(await behind('combo', 'prev', `&ccat=${usage}&cprod=X1&nature=`), numbers('P1'));
  assert.deepEqual(await behind('term', 'prev', `&term=${encodeURIComponent('卡纸')}`), numbers('P1'));
  assert.deepEqual(await behind('repeated', 'year'), []);
  // what is not a figure, a score or a fault kind is refused
  assert.equal((await supervisor.get(`/agent/stats/quality/tickets?qfig=all&${query()}`)).status, 422);
  assert.equal((await supervisor.get(`/agent/stats/quality/tickets?qfig=score&dim=speed&score=9&${query()}`)).status, 422);
  assert.equal((await supervisor.get(`/agent/stats/quality.csv?qtable=secrets&${query()}`)).status, 422);
  assert.equal((await supervisor.get(`/agent/stats.csv?table=secrets&${query()}`)).status, 422);
});

test('the old CSV address of a quality table leads to the report\'s', async () => {
  const res = await supervisor.get(`/agent/stats/quality.csv?qtable=satisfaction&${query()}`);
  assert.equal(res.status, 303);
  const to = res.headers.location;
  assert.match(to, /^\/agent\/stats\.csv\?table=satisfaction&kind=month&/);
  assert.match(to, new RegExp(`&team=${teamId}&`));
  const followed = await supervisor.get(to);
  assert.equal(followed.status, 200);
  assert.deepEqual(parseCsv(followed.body)[1], ['本期', '3', '2', '66.7', '3.50', '4.00', '4.50']);
});

const QUALITY = ['repeat', 'combos', 'terms', 'cross', 'pairs', 'satisfaction', 'scores', 'lowest'];
const SHEETS = ['重复问题与重开', '高频问题', '高频关键词', '跨团队协作', '团队间转派', '满意度', '评分分布（本期）', '评分最低的工单'];
// a CSV cell that would start a formula has a leading apostrophe; the
// workbook and the JSON hold the text itself
const plain = (rows) => rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '')));

function readXlsx(buf) {
  const f = path.join(os.tmpdir(), `desk-quality-${process.pid}-${Date.now()}.xlsx`);
  fs.writeFileSync(f, buf);
  try {
    return JSON.parse(execFileSync('python3', [path.join(__dirname, 'xlsx_read.py'), f], { encoding: 'utf8' }));
  } finally {
    fs.unlinkSync(f);
  }
}

/** A workbook cell as the CSV writes it. */
function xlsxText(c) {
  if (!c) return '';
  if (c.type === 's') return c.v;
  if (c.fmt === '0.0%') return (c.v * 100).toFixed(1);
  if (c.fmt === '0.00') return c.v.toFixed(2);
  return String(c.v);
}

test('each quality table is a sheet of the workbook with the numbers of the page and its CSV', async () => {
  if (!csvTables.lowest) for (const t of QUALITY) await csv(t);
  const res = await supervisor.get(`/agent/stats.xlsx?${query()}`);
  assert.equal(res.status, 200);
  const book = readXlsx(res.raw);
  assert.ok(!book.text.includes('@example.com'), 'no contact details');
  assert.deepEqual(book.sheets.map((s) => s.name).slice(-SHEETS.length), SHEETS);
  QUALITY.forEach((t, i) => {
    const sheet = book.sheets.find((s) => s.name === SHEETS[i]);
    assert.ok(sheet.rows.flat().every((c) => !c || !c.formula), `${t}: no formula`);
    const rows = sheet.rows.map((r) => Array.from({ length: csvTables[t][0].length }, (_, k) => xlsxText(r[k])));
    // the header without the CSV's unit: the cells carry their format
    assert.deepEqual(rows[0], csvTables[t][0].map((h) => h.replace(/\(%\)$/, '')), t);
    assert.deepEqual(rows.slice(1), plain(csvTables[t]).slice(1), t);
  });
  // numbers as numbers: a rate as a fraction shown as a percentage, a mean to a hundredth
  const sat = book.sheets.find((s) => s.name === '满意度').rows[1];
  assert.deepEqual([sat[3].type, sat[3].v, sat[3].fmt], ['n', 0.667, '0.0%']);
  assert.deepEqual([sat[4].v, sat[4].fmt], [3.5, '0.00']);
});

/** A JSON cell as the CSV writes it. */
function jsonText(col, v) {
  if (v === null) return '';
  if (col.kind === 'percent') return v.toFixed(1);
  if (col.kind === 'decimal') return v.toFixed(2);
  return String(v);
}

let reportsKey;
async function report(table, extra = '') {
  if (!reportsKey) {
    admin = await A.desk('admin', '127.0.0.1');
    await admin.page('/admin/api-keys');
    const made = await admin.client.post('/admin/api-keys', { form: { csrf: admin.csrf, label: `${T} 质量`, scope: 'reports' } });
    assert.equal(made.status, 201);
    reportsKey = made.body.match(/<code id="new-key" class="key-text">(dk_[A-Za-z0-9_-]+)<\/code>/)[1];
  }
  const res = await supervisor.client.api('GET', `/api/v1/reports/${table}?${query(extra)}`, undefined, { key: reportsKey });
  assert.equal(res.status, 200, res.body);
  assert.ok(!res.body.includes('@example.com'), 'no contact details');
  return res.json();
}

test('each quality table in the reports API with the numbers of the page and its CSV', async () => {
  if (!csvTables.lowest) for (const t of QUALITY) await csv(t);
  const doc = await report('summary');
  assert.deepEqual(doc.tables.map((t) => t.code).slice(-QUALITY.length), QUALITY);
  for (const t of QUALITY) {
    const table = doc.tables.find((x) => x.code === t);
    const rows = table.rows.map((r) => table.columns.map((c) => jsonText(c, r[c.code])));
    assert.deepEqual([table.columns.map((c) => c.label), ...rows].slice(1), plain(csvTables[t]).slice(1), t);
  }
  const sat = doc.tables.find((x) => x.code === 'satisfaction');
  assert.deepEqual(sat.rows[0], { key: 'cur', period: '本期', closed: 3, answered: 2, rate: 66.7, resolution: 3.5, speed: 4, attitude: 4.5 });
  assert.deepEqual(sat.columns.map((c) => c.kind), ['text', 'count', 'count', 'percent', 'decimal', 'decimal', 'decimal']);
  const repeat = doc.tables.find((x) => x.code === 'repeat');
  assert.deepEqual(repeat.rows.find((r) => r.key === 'repeated.cur'), { key: 'repeated.cur', figure: '重复问题', period: '本期', tickets: 2, of: 3, rate: 66.7 });
  const terms = doc.tables.find((x) => x.code === 'terms');
  assert.deepEqual(terms.rows.find((r) => r.key === '无法'), { key: '无法', term: '无法', cur: 3, prev: 0, year: 0, change: 3 });
  // one table, in English
  const one = await report('lowest', '&lang=en');
  assert.deepEqual(one.tables.map((t) => t.title), ['Lowest scored tickets']);
  assert.deepEqual(one.tables[0].rows.map((r) => r.key), [tk.Q1.number, tk.Q2.number]);
  assert.equal(one.tables[0].rows[0].unmet_needs, '=希望远程协助');
});

/** The value of the option named `label` in the page's select `name`. */
function option(html, name, label) {
  const select = html.match(new RegExp(`<select name="${name}">([\\s\\S]*?)</select>`));
  assert.ok(select, `select ${name}`);
  const m = [...select[1].matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)].find((o) => L.text(o[2]) === label);
  assert.ok(m, `option ${label} of ${name}`);
  return m[1];
}

test('the filters product, organisation, customer tag and agent narrow every quality figure and list', async () => {
  // a customer tag of its own on the third customer's (P1, Q4, Q5)
  admin = await A.desk('admin', '127.0.0.1');
  await admin.page('/admin/tags');
  const tagName = `${T} 质量标签`;
  const tagMade = await post(admin, '/admin/tags', { code: `${low}q`, name_zh: tagName, name_en: tagName, color: 'blue' });
  assert.equal(tagMade.status, 303, L.text(tagMade.body).slice(0, 300));
  const hit = (await admin.page(`/admin/tags?q=${encodeURIComponent(customers.c3.email)}`)).body
    .match(/<li class="hit" data-id="(\d+)">/);
  assert.ok(hit, 'the third customer');
  await admin.page(`/admin/tags/customers/${hit[1]}`);
  const page = (await supervisor.get(`/agent/stats?${query()}`)).body;
  const tag = option(page, 'tag', tagName);
  assert.equal((await post(admin, `/admin/tags/customers/${hit[1]}/add`, { tag })).status, 303);
  const product = option(page, 'product', 'DeskPro 5');
  const org = (await admin.page(`/admin/tags?org=${encodeURIComponent(customers.c1.organisation.toLowerCase())}`)).body
    .match(/<li class="hit org-hit" data-id="(\d+)">/)[1];
  // each filter: a figure of the page (the whole team's in the comments),
  // the tickets behind one, the same figure in the CSV and in the JSON
  const cases = [
    // repeats: Q1 and Q2 of the two DeskPro 5 tickets resolved (2 of 3 in all)
    { f: `&product=${product}`, row: 'repeated.cur', page: ['本期', '2', '2', '100.0%'],
      fig: 'repeated', list: ['Q1', 'Q2'], table: 'repeat', key: 'repeated.cur',
      csv: ['重复问题', '本期', '2', '2', '100.0'], json: { tickets: 2, of: 2, rate: 100 } },
    // satisfaction: Q1 and Q2 closed and answered (2 of 3 in all)
    { f: `&organisation=${org}`, row: 'sat.cur', page: ['2', '2', '100.0%', '3.50', '4.00', '4.50'],
      fig: 'closed_q', list: ['Q1', 'Q2'], table: 'satisfaction', key: 'cur',
      csv: ['本期', '2', '2', '100.0', '3.50', '4.00', '4.50'], json: { closed: 2, answered: 2, rate: 100 } },
    // reopens: one of Q4's two resolutions (1 of 4 in all)
    { f: `&tag=${tag}`, row: 'reopened_after.cur', page: ['本期', '1', '2', '50.0%'],
      fig: 'closed_q', list: ['Q4'], table: 'repeat', key: 'reopened_after.cur',
      csv: ['解决后重开', '本期', '1', '2', '50.0'], json: { tickets: 1, of: 2, rate: 50 } },
    // reassignments: Q5 is the helper's, reassigned three times (of 5 created in all)
    { f: `&agent=${helperId}`, row: 'cross.reassigned.cur', page: ['本期', '1', '1', '3', '3.00'],
      fig: 'reassigned', list: ['Q5'], table: 'cross', key: 'reassigned.cur',
      csv: ['改派', '本期', '1', '1', '3', '3.00'], json: { created: 1, tickets: 1, times: 3, per_ticket: 3 } },
  ];
  for (const c of cases) {
    const res = await supervisor.get(`/agent/stats?${query(c.f)}`);
    assert.equal(res.status, 200, c.f);
    assert.deepEqual(cells(res.body, c.row).slice(1), c.page, c.f);
    assert.deepEqual(await behind(c.fig, 'cur', c.f), numbers(...c.list), c.f);
    const table = await csv(c.table, c.f);
    assert.ok(table.some((r) => r.join() === c.csv.join()), `${c.f}: ${JSON.stringify(table)}`);
    const row = (await report(c.table, c.f)).tables[0].rows.find((r) => r.key === c.key);
    for (const [k, v] of Object.entries(c.json)) assert.equal(row[k], v, `${c.f} ${k}`);
  }
  // the rankings: the product's combinations only; the tag's keywords
  const p = (await supervisor.get(`/agent/stats?${query(`&product=${product}`)}`)).body;
  assert.deepEqual(rows(p, 'combo.'), [
    ['使用咨询', 'DeskPro 5', '功能', '2', '0', '0', '+2'],
    ['使用咨询', 'DeskPro 5', '未定性质', '1', '0', '0', '+1'],
  ]);
  const t = (await supervisor.get(`/agent/stats?${query(`&tag=${tag}`)}`)).body;
  assert.deepEqual(cells(t, 'term.无法').slice(1), ['1', '0', '0', '+1']);
  assert.deepEqual(cells(t, 'cross.handed_back.cur').slice(1), ['本期', '2', '1', '1', '0.50']);
  // an agent may not look at another agent's figures
  assert.equal((await member.get(`/agent/stats?${query(`&agent=${helperId}`)}`)).status, 403);
});

test('scope: another team\'s quality figures answer 403; the member sees their own', async () => {
  const agent = await A.desk('agent', L.addr(FILE, 1));
  for (const url of [`/agent/stats/quality.csv?qtable=repeat&${query()}`,
    `/agent/stats/quality/tickets?qfig=answered&of=cur&${query()}`]) {
    assert.equal((await agent.get(url)).status, 403, url);
  }
  const mine = await member.get(`/agent/stats?${query()}`);
  assert.equal(mine.status, 200);
  assert.deepEqual(cells(mine.body, 'sat.cur'), ['本期', '3', '2', '66.7%', '3.50', '4.00', '4.50']);
});

test('the repeat window is an admin setting: 10 days leave Q3 (15 days after Q2) out', async () => {
  admin = await A.desk('admin', '127.0.0.1');
  const rulesPage = await admin.page('/admin/tags');
  assert.match(rulesPage.body, /name="repeat_days"[^>]*value="30"/);
  const rules = (days) => {
    const form = [['csrf', admin.csrf], ['complaint_count', '3'], ['complaint_days', '90'],
      ['complaint_categories', 'complaint'], ['vip_raises', '1'], ['repeat_days', days]];
    return admin.client.post('/admin/tags/rules', { form });
  };
  const bad = await rules('0');
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'repeat_days'));
  try {
    assert.equal((await rules('10')).status, 303);
    const h = (await supervisor.get(`/agent/stats?${query()}`)).body;
    assert.match(L.text(h), /重复判定窗口 10 天/);
    assert.deepEqual(cells(h, 'repeated.cur').slice(1), ['本期', '1', '3', '33.3%']);
    assert.deepEqual(await behind('repeated'), numbers('Q1'));
  } finally {
    assert.equal((await rules('30')).status, 303);
  }
});
