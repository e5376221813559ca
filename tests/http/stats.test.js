'use strict';
// The statistics (/agent/stats): a known history of 30 tickets over two
// calendar months, made through the API and the workspace with the test
// clock moved to each step (answered and resolved after known minutes,
// SLA clocks met, breached and still running, a reopen, a ticket open across
// the month's start), all in a team of its own; then every figure of the
// second month, of its previous month and of the same month a year earlier
// asserted exactly in the page, in each CSV table, in the .xlsx workbook
// (read with Python's standard library, tests/http/xlsx_read.py) and in the
// API's JSON (a key of scope reports), the numbers opening their tickets,
// and the scope: an agent sees only their own team's figures, a key of
// another scope gets 403, and no export holds a customer's contact details. The urgent level runs on
// the 7x24 calendar, so business time equals wall time here (the domain's
// tests, tests/unit/db_test_stats.c, tell the two apart). Whatever the day and
// hour it runs at, the history lies in the two months after it.
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

const FILE = 252;
const T = A.tag('ST');
const low = T.toLowerCase();
const TEAM_NAME = `=统计组 ${T}`; // a formula-looking name: defused in the CSV
let admin, supervisor, member, memberPassword, teamId;
const tk = {}; // name -> {number}
let m1, m2; // {y, m}: the two months of the history, in Asia/Shanghai

const pad = (n) => String(n).padStart(2, '0');
const day = (mo, d) => `${mo.y}-${pad(mo.m)}-${pad(d)}`;
/** Seconds of a local (UTC+8) time in month mo. */
const at = (mo, d, h, min = 0) => Date.UTC(mo.y, mo.m - 1, d, h, min) / 1000 - 8 * 3600;
const plus = (t, minutes) => t + minutes * 60;

async function post(who, url, fields) {
  const form = Array.isArray(fields) ? [['csrf', who.csrf], ...fields] : { csrf: who.csrf, ...fields };
  return who.client.post(url, { form });
}

/* ---- the history ---------------------------------------------------------- */

const steps = []; // {t, name, what, ...}, run in time order
function ticket(name, created, { reply, resolve, reopen, again } = {}) {
  steps.push({ t: created, name, what: 'create' });
  if (reply !== undefined) steps.push({ t: plus(created, reply), name, what: 'reply' });
  if (resolve !== undefined) steps.push({ t: plus(created, resolve), name, what: 'resolve' });
  if (reopen !== undefined) steps.push({ t: plus(created, reopen), name, what: 'reopen' });
  if (again !== undefined) steps.push({ t: plus(created, again), name, what: 'resolve' });
}

function plan() {
  // the first month: eight answered in 10 minutes and resolved in an hour,
  // one answered in 28 and resolved in 258 (both late), one never touched
  for (let i = 1; i <= 8; i++) ticket(`A${i}`, at(m1, i + 1, 10), { reply: 10, resolve: 60 });
  ticket('A9', at(m1, 20, 10));
  ticket('A10', at(m1, 21, 10), { reply: 28, resolve: 258 });
  // the second month: B1..B10 answered after 5, 10, 14, 20 ... 50 minutes,
  // resolved after 20, 40 ... 200
  const replies = [5, 10, 14, 20, 25, 30, 35, 40, 45, 50];
  for (let i = 1; i <= 10; i++) ticket(`B${i}`, at(m2, i + 1, 9), { reply: replies[i - 1], resolve: 20 * i });
  // resolved, reopened the next morning and resolved again 24 h 57 min after creation
  ticket('B11', at(m2, 12, 9), { reply: 8, resolve: 40, reopen: 24 * 60, again: 24 * 60 + 57 });
  for (let i = 12; i <= 14; i++) ticket(`B${i}`, at(m2, 14, 9)); // never touched
  for (let i = 16; i <= 20; i++) ticket(`B${i}`, at(m2, 15, 10), { reply: 14, resolve: 239 });
  ticket('B15', at(m2, 20, 11, 55)); // still running at the end
  steps.sort((a, b) => a.t - b.t);
}

// Sessions end after two idle hours (Session.IdleMinutes) and twelve in
// all: each step of the history signs in again after a jump of the clock.
let signedAt = 0, lastStep = 0;
async function signInAgain(t) {
  if (t - lastStep < 90 * 60 && t - signedAt < 11 * 3600) return;
  supervisor = await A.desk('supervisor', '127.0.0.1');
  assert.equal((await A.signIn(member.client, member.login, memberPassword)).status, 303);
  await member.page('/agent/q/mine');
  signedAt = t;
}

async function run(step) {
  C.setAt(step.t);
  await signInAgain(step.t);
  C.setAt(step.t); // signing in took a moment
  lastStep = step.t;
  const n = step.name;
  if (step.what === 'create') {
    tk[n] = await A.createTicket({ category: 'usage', impact: 'company', subject: `${T} ${n} 统计`,
      customer: { name: `统计客户${n}`, email: `${low}-${n.toLowerCase()}@example.com` } });
    await supervisor.must(tk[n].number, 'assign', { agent: 0, team: teamId, reason: `${T} 统计组` });
    await member.must(tk[n].number, 'claim');
  } else if (step.what === 'reply') {
    await member.must(tk[n].number, 'reply', { body: `${T} 已收到` });
  } else if (step.what === 'resolve') {
    await member.must(tk[n].number, 'status', { to: 'resolved', reason: `${T} 已解决` });
  } else {
    await member.must(tk[n].number, 'status', { to: 'in_progress', reason: `${T} 客户反馈仍有问题` });
  }
}

test.before(async () => {
  admin = await A.desk('admin', '127.0.0.1');
  supervisor = await A.desk('supervisor', '127.0.0.1');
  const res = await post(admin, '/admin/teams', { code: `${low}-st`, name_zh: TEAM_NAME, name_en: TEAM_NAME });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  teamId = res.headers.location.match(/teams\/(\d+)/)[1];
  await admin.page('/admin/people/new');
  const password = `Pw-${T}-stats`;
  memberPassword = password;
  const made = await post(admin, '/admin/people', [['login', `${low}m`], ['name', `统计员 ${T}`], ['role', 'agent'],
    ['language', 'zh'], ['teams', teamId], ['password_mode', 'set'], ['password', password]]);
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const client = L.client({ localAddress: '127.0.0.1' });
  assert.equal((await A.signIn(client, `${low}m`, password)).status, 303);
  member = new A.Desk(client, `${low}m`);
  await member.page('/agent/q/mine');

  // the two calendar months after this run's instant (UTC+8)
  const local = new Date((C.instant().at + 8 * 3600) * 1000);
  const next = (y, m) => (m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 });
  m1 = next(local.getUTCFullYear(), local.getUTCMonth() + 1);
  m2 = next(m1.y, m1.m);
  plan();
  for (const s of steps) await run(s);
  C.setAt(at(m2, 20, 12)); // the end: B15's clocks still run
  lastStep = 0;
  await signInAgain(at(m2, 20, 12));
});

const query = (extra = '') => `kind=month&at=${day(m2, 1)}&team=${teamId}${extra}`;

/* ---- reading the page ----------------------------------------------------- */

function cells(html, attr, key) {
  const m = html.match(new RegExp(`<tr ${attr}="${key.replace(/\./g, '\\.')}">([\\s\\S]*?)</tr>`));
  assert.ok(m, `row ${attr}=${key}`);
  return [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => L.text(c[1]).trim());
}

test('every figure of the month, beside the previous month and a year earlier', async () => {
  const res = await supervisor.get(`/agent/stats?${query()}`);
  assert.equal(res.status, 200);
  const h = res.body;
  assert.match(L.text(h), new RegExp(`本期 ${day(m2, 1)} – ${m2.y}-${pad(m2.m)}-\\d\\d`));
  // figure: this month, previous month, a year earlier
  assert.deepEqual(cells(h, 'data-fig', 'created').slice(1), ['20', '10', '0']);
  assert.deepEqual(cells(h, 'data-fig', 'closed').slice(1), ['17', '9', '0']);
  assert.deepEqual(cells(h, 'data-fig', 'reopened').slice(1), ['1', '0', '0']);
  assert.deepEqual(cells(h, 'data-fig', 'backlog_start').slice(1), ['1', '0', '0']);
  assert.deepEqual(cells(h, 'data-fig', 'backlog_end').slice(1), ['5', '1', '0']);
  // n, mean, median, p90, max; business time = wall time on the 7x24 calendar
  for (const basis of ['biz', 'wall']) {
    assert.deepEqual(cells(h, 'data-time', `first_response.${basis}.cur`).slice(-5),
      ['16', '22 分', '14 分', '45 分', '50 分'], `first response ${basis}`);
    assert.deepEqual(cells(h, 'data-time', `first_response.${basis}.prev`).slice(-5),
      ['9', '12 分', '10 分', '28 分', '28 分']);
    assert.deepEqual(cells(h, 'data-time', `first_response.${basis}.year`).slice(-5), ['0', '—', '—', '—', '—']);
    assert.deepEqual(cells(h, 'data-time', `resolution.${basis}.cur`).slice(-5),
      ['16', '3 小时 57 分', '2 小时 40 分', '3 小时 59 分', '24 小时 57 分'], `resolution ${basis}`);
    assert.deepEqual(cells(h, 'data-time', `resolution.${basis}.prev`).slice(-5),
      ['9', '1 小时 22 分', '1 小时', '4 小时 18 分', '4 小时 18 分']);
  }
  // met, breached, running, compliance
  assert.deepEqual(cells(h, 'data-sla', 'first_response.cur').slice(-4), ['9', '10', '1', '47.4%']);
  assert.deepEqual(cells(h, 'data-sla', 'first_response.prev').slice(-4), ['8', '2', '0', '80.0%']);
  assert.deepEqual(cells(h, 'data-sla', 'first_response.year').slice(-4), ['0', '0', '0', '—']);
  assert.deepEqual(cells(h, 'data-sla', 'resolution.cur').slice(-4), ['15', '4', '1', '78.9%']);
  assert.deepEqual(cells(h, 'data-sla', 'resolution.prev').slice(-4), ['8', '2', '0', '80.0%']);
  // the charts: one bar a day of the month, in SVG, and no outside resource
  assert.equal((h.match(/<rect class="s-created" x=/g) || []).length, new Date(Date.UTC(m2.y, m2.m, 0)).getUTCDate());
  assert.ok(!/(src|href)="(https?:)?\/\//.test(h), 'no external script, font or CDN');
});

function parseCsv(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'UTF-8 with a BOM');
  return text.slice(1).trim().split('\r\n').map((line) => [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)]
    .map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2])));
}

async function csv(table, extra = '') {
  const res = await supervisor.get(`/agent/stats.csv?table=${table}&${query(extra)}`);
  assert.equal(res.status, 200, table);
  assert.match(res.headers['content-type'], /^text\/csv; charset=utf-8/);
  assert.match(res.headers['content-disposition'], new RegExp(`stats-${table}-${day(m2, 1)}`));
  assert.ok(!res.body.includes('@example.com'), 'no contact details');
  return parseCsv(res.body);
}

test('each table as CSV, with the same numbers', async () => {
  assert.deepEqual(await csv('volume'), [
    ['指标', '本期', '上期', '去年同期'],
    ['新建工单', '20', '10', '0'], ['解决', '17', '9', '0'], ['重新打开', '1', '0', '0'],
    ['期初积压', '1', '0', '0'], ['期末积压', '5', '1', '0'],
  ]);
  const times = await csv('times');
  assert.deepEqual(times[0], ['指标', '口径', '周期', '工单数', '平均(分钟)', '中位数(分钟)', '90分位(分钟)', '最长(分钟)']);
  // counts exactly; minutes to the tenth, give or take one (each step of
  // the history lands within a few seconds of its instant under load)
  const row = (f, b, p) => {
    const r = times.find((x) => x[0] === f && x[1] === b && x[2] === p).slice(3);
    return { n: r[0], minutes: r.slice(1).map(Number) };
  };
  const same = (got, n, minutes) => {
    assert.equal(got.n, n);
    got.minutes.forEach((v, i) => assert.ok(Math.abs(v - minutes[i]) <= 0.11, `${v} ≈ ${minutes[i]}`));
  };
  for (const b of ['工作时间', '自然时间']) {
    same(row('首次响应时长', b, '本期'), '16', [22, 14, 45, 50]);
    same(row('首次响应时长', b, '上期'), '9', [12, 10, 28, 28]);
    same(row('首次响应时长', b, '去年同期'), '0', [0, 0, 0, 0]);
    same(row('解决时长', b, '本期'), '16', [237, 160, 239, 1497]);
    same(row('解决时长', b, '上期'), '9', [82, 60, 258, 258]);
  }
  assert.equal(times.length, 13);
  assert.deepEqual(await csv('sla'), [
    ['时钟', '周期', '达成', '超时', '进行中', '达成率(%)'],
    ['首次响应时长', '本期', '9', '10', '1', '47.4'], ['首次响应时长', '上期', '8', '2', '0', '80.0'],
    ['首次响应时长', '去年同期', '0', '0', '0', ''],
    ['解决时长', '本期', '15', '4', '1', '78.9'], ['解决时长', '上期', '8', '2', '0', '80.0'],
    ['解决时长', '去年同期', '0', '0', '0', ''],
  ]);
  const daily = await csv('daily');
  const days = new Date(Date.UTC(m2.y, m2.m, 0)).getUTCDate();
  assert.equal(daily.length, days + 1);
  const want = {}; // day -> [created, resolved]
  for (let d = 2; d <= 11; d++) want[d] = ['1', '1'];
  Object.assign(want, { 12: ['1', '1'], 13: ['0', '1'], 14: ['3', '0'], 15: ['5', '5'], 20: ['1', '0'] });
  for (let d = 1; d <= days; d++) assert.deepEqual(daily[d], [day(m2, d), ...(want[d] || ['0', '0'])], `day ${d}`);
  // the team's name looks like a formula: a leading apostrophe keeps it text
  assert.deepEqual(await csv('team'), [['团队', '新建', '解决'], [`'${TEAM_NAME}`, '20', '17']]);
  assert.deepEqual(await csv('category'), [['问题类别', '新建', '解决'], ['使用咨询', '20', '17']]);
  assert.deepEqual(await csv('priority'), [['优先级', '新建', '解决'], ['紧急', '20', '17']]);
});

/** The ticket numbers behind a number of the page, following its pages. */
async function behind(fig, of = 'cur', extra = '') {
  let next = `/agent/stats/tickets?fig=${fig}&of=${of}&${query(extra)}`;
  const out = [];
  for (let i = 0; next && i < 10; i++) {
    const res = await supervisor.get(next);
    assert.equal(res.status, 200, next);
    assert.ok(!res.body.includes('@example.com'), 'no contact details');
    out.push(...A.parseRows(res.body).map((r) => r.number));
    const m = res.body.match(/<p class="pager"><a href="([^"]+)"/);
    next = m && m[1].replace(/&amp;/g, '&');
  }
  return out.sort();
}
const numbers = (...names) => names.map((n) => tk[n].number).sort();
const range = (p, a, b) => Array.from({ length: b - a + 1 }, (_, i) => `${p}${a + i}`);

test('every number opens the tickets behind it', async () => {
  const page = (await supervisor.get(`/agent/stats?${query()}`)).body;
  const link = page.match(/href="(\/agent\/stats\/tickets\?fig=fr_breached&amp;of=cur&amp;[^"]+)"/);
  assert.ok(link && link[1].includes(`team=${teamId}&amp;`), 'the link of a number');
  const followed = await supervisor.get(link[1].replace(/&amp;/g, '&'));
  assert.equal(followed.status, 200, 'the link as the page wrote it');
  assert.deepEqual(A.parseRows(followed.body).map((r) => r.number).sort(),
    numbers(...range('B', 4, 10), 'B12', 'B13', 'B14'));
  assert.deepEqual(await behind('created'), numbers(...range('B', 1, 20)));
  assert.deepEqual(await behind('closed'), numbers(...range('B', 1, 11), ...range('B', 16, 20)));
  assert.deepEqual(await behind('reopened'), numbers('B11'));
  assert.deepEqual(await behind('backlog_start'), numbers('A9'));
  assert.deepEqual(await behind('backlog_end'), numbers('A9', 'B12', 'B13', 'B14', 'B15'));
  assert.deepEqual(await behind('fr_breached'), numbers(...range('B', 4, 10), 'B12', 'B13', 'B14'));
  assert.deepEqual(await behind('fr_running'), numbers('B15'));
  assert.deepEqual(await behind('res_breached'), numbers('B11', 'B12', 'B13', 'B14'));
  assert.deepEqual(await behind('resolved', 'prev'), numbers(...range('A', 1, 8), 'A10'));
  assert.deepEqual(await behind('created', 'year'), []);
  // a filter narrows the list: no ticket of the history came by phone
  const phone = (await supervisor.get('/agent/q/mine')).body.match(/<option value="(\d+)">电话<\/option>/);
  if (phone) assert.deepEqual(await behind('created', 'cur', `&channel=${phone[1]}`), []);
});

test('scope: an agent sees their own team only; the period and filters are checked', async () => {
  const agent = await A.desk('agent', L.addr(FILE, 1)); // the after-sales team
  const own = await agent.get('/agent/stats');
  assert.equal(own.status, 200);
  assert.ok(!own.body.includes(TEAM_NAME), 'another team is not offered');
  assert.match(own.body, /<select name="team"><option value="1" selected>/);
  for (const url of [`/agent/stats?${query()}`, `/agent/stats.csv?table=volume&${query()}`,
    `/agent/stats.xlsx?${query()}`, `/agent/stats/tickets?fig=created&of=cur&${query()}`]) {
    assert.equal((await agent.get(url)).status, 403, url);
  }
  // the member of the team sees its figures
  const mine = await member.get(`/agent/stats?${query()}`);
  assert.equal(mine.status, 200);
  assert.equal((await member.get(`/agent/stats.xlsx?${query()}`)).status, 200, 'their own team\'s workbook');
  assert.deepEqual(cells(mine.body, 'data-fig', 'created').slice(1), ['20', '10', '0']);
  // a period that is not one, an unknown table or figure
  assert.equal((await supervisor.get('/agent/stats?kind=range&at=2027-03-10&until=2027-03-01')).status, 422);
  assert.equal((await supervisor.get(`/agent/stats.csv?table=secrets&${query()}`)).status, 422);
  assert.equal((await supervisor.get(`/agent/stats/tickets?fig=everything&${query()}`)).status, 422);
  assert.equal((await supervisor.get(`/agent/stats?${query()}&team=1e3`)).status, 422);
});

/* ---- the workbook and the API ------------------------------------------------ */

/** The page's duration of s seconds, as the template writes it. */
function dur(s) {
  const min = Math.floor((s + 30) / 60), h = Math.floor(min / 60), m = min % 60;
  return h > 0 ? `${h} 小时${m > 0 ? ` ${m} 分` : ''}` : `${m} 分`;
}
/** An .xlsx date serial as YYYY-MM-DD. */
const serialDay = (v) => new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000).toISOString().slice(0, 10);

function readXlsx(buf) {
  const f = path.join(os.tmpdir(), `desk-stats-${process.pid}-${Date.now()}.xlsx`);
  fs.writeFileSync(f, buf);
  try {
    return JSON.parse(execFileSync('python3', [path.join(__dirname, 'xlsx_read.py'), f], { encoding: 'utf8' }));
  } finally {
    fs.unlinkSync(f);
  }
}

/** The figures of the page, by what the workbook and the JSON hold. */
async function pageFigures() {
  const h = (await supervisor.get(`/agent/stats?${query()}`)).body;
  const vol = {}, times = {}, sla = {};
  for (const f of ['created', 'closed', 'reopened', 'backlog_start', 'backlog_end']) vol[f] = cells(h, 'data-fig', f).slice(1);
  for (const c of ['first_response', 'resolution']) {
    for (const b of ['biz', 'wall']) {
      for (const p of ['cur', 'prev', 'year']) times[`${c}.${b}.${p}`] = cells(h, 'data-time', `${c}.${b}.${p}`).slice(-5);
    }
    for (const p of ['cur', 'prev', 'year']) sla[`${c}.${p}`] = cells(h, 'data-sla', `${c}.${p}`).slice(-4);
  }
  const per = L.text(h).match(/本期 (\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)/);
  return { vol, times, sla, first: per[1], last: per[2], html: h };
}

let workbookSeconds; // "first_response.biz.cur" -> [mean, median, p90, max] in the workbook

test('the whole report as a workbook: a sheet per table, numbers as numbers, the page\'s figures', async () => {
  const page = await pageFigures();
  const link = page.html.match(/<a class="button xlsx" href="([^"]+)"/);
  assert.ok(link, 'the page links its workbook');
  const res = await supervisor.get(link[1].replace(/&amp;/g, '&'));
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(res.headers['content-disposition'], new RegExp(`attachment; filename="stats-report-${day(m2, 1)}-`));
  const book = readXlsx(res.raw);
  assert.ok(!book.text.includes('@example.com') && !book.text.includes('统计客户'), 'no contact details');
  assert.deepEqual(book.sheets.map((s) => s.name),
    ['报告', '工单量', '响应与解决时长', 'SLA 达成情况', '每日趋势', '按问题类别', '按优先级', '按渠道', '按团队']);
  const sheet = (name) => book.sheets.find((s) => s.name === name).rows;
  for (const s of book.sheets.slice(1)) {
    assert.ok(s.rows[0].every((c) => c.type === 's' && c.bold), `${s.name}: a bold header`);
    assert.ok(s.rows.flat().every((c) => !c || !c.formula), `${s.name}: no formula`);
  }
  // the cover: the three periods as dates
  const cover = sheet('报告');
  assert.equal(cover[0][0].v, '售后问题分析报告');
  assert.equal(cover[3][0].v, '本期');
  assert.equal(cover[3][1].fmt, 'yyyy-mm-dd');
  assert.deepEqual([serialDay(cover[3][1].v), serialDay(cover[3][2].v)], [page.first, page.last]);
  // volume: numbers, equal to the page's
  const vol = sheet('工单量');
  assert.deepEqual(vol[0].map((c) => c.v), ['指标', '本期', '上期', '去年同期']);
  assert.equal(vol.length, 6);
  for (const row of vol.slice(1)) {
    const code = Object.keys(page.vol).find((k) => cells(page.html, 'data-fig', k)[0] === row[0].v);
    assert.ok(code, row[0].v);
    assert.ok(row.slice(1).every((c) => c.type === 'n' && c.fmt === '0'));
    assert.deepEqual(row.slice(1).map((c) => String(c.v)), page.vol[code], code);
  }
  // times: n a number, durations numbers of days shown as [h]:mm:ss
  const times = sheet('响应与解决时长');
  assert.equal(times.length, 13);
  workbookSeconds = {};
  const clock = { 首次响应时长: 'first_response', 解决时长: 'resolution' };
  const basis = { 工作时间: 'biz', 自然时间: 'wall' };
  const per = { 本期: 'cur', 上期: 'prev', 去年同期: 'year' };
  for (const row of times.slice(1)) {
    const key = `${clock[row[0].v]}.${basis[row[1].v]}.${per[row[2].v]}`;
    const want = page.times[key];
    assert.ok(want, key);
    assert.equal(String(row[3].v), want[0], `${key} n`);
    if (want[0] === '0') {
      assert.ok(row.slice(4).every((c) => !c), `${key}: no time over no tickets`);
      continue;
    }
    assert.ok(row.slice(4).every((c) => c.type === 'n' && c.fmt === '[h]:mm:ss'), key);
    const seconds = row.slice(4).map((c) => Math.round(c.v * 86400));
    assert.deepEqual(seconds.map(dur), want.slice(1), key);
    workbookSeconds[key] = seconds;
  }
  // SLA: counts, and compliance a fraction shown as a percentage
  const sla = sheet('SLA 达成情况');
  for (const row of sla.slice(1)) {
    const key = `${clock[row[0].v]}.${per[row[1].v]}`;
    const want = page.sla[key];
    assert.deepEqual(row.slice(2, 5).map((c) => String(c.v)), want.slice(0, 3), key);
    if (want[3] === '—') assert.ok(!row[5], key);
    else {
      assert.equal(row[5].fmt, '0.0%');
      assert.equal(`${(row[5].v * 100).toFixed(1)}%`, want[3], key);
    }
  }
  // the days are dates
  const daily = sheet('每日趋势');
  const csvDaily = await csv('daily');
  assert.equal(daily.length, csvDaily.length);
  daily.slice(1).forEach((row, i) => {
    assert.equal(row[0].fmt, 'yyyy-mm-dd');
    assert.deepEqual([serialDay(row[0].v), String(row[1].v), String(row[2].v)], csvDaily[i + 1]);
  });
  // Chinese names as text, a formula-looking one too
  assert.deepEqual(sheet('按团队').slice(1).map((r) => r.map((c) => c.v)), [[TEAM_NAME, 20, 17]]);
  assert.equal(sheet('按团队')[1][0].type, 's');
  assert.deepEqual(sheet('按问题类别').slice(1).map((r) => r.map((c) => c.v)), [['使用咨询', 20, 17]]);
});

test('the same figures as JSON for a key of scope reports; other keys get 403, bad parameters 400', async () => {
  // the admin console's key form offers the scope (signed in again: the
  // history moved the clock past the first session's end)
  admin = await A.desk('admin', '127.0.0.1');
  await admin.page('/admin/api-keys');
  const made = await admin.client.post('/admin/api-keys', { form: { csrf: admin.csrf, label: `${T} BI`, scope: 'reports' } });
  assert.equal(made.status, 201);
  const key = made.body.match(/<code id="new-key" class="key-text">(dk_[A-Za-z0-9_-]+)<\/code>/)[1];
  const api = (p, k = key) => supervisor.client.api('GET', p, undefined, { key: k });

  const res = await api(`/api/v1/reports/summary?${query()}`);
  assert.equal(res.status, 200, res.body);
  assert.match(res.headers['content-type'], /^application\/json/);
  assert.ok(!res.body.includes('@example.com') && !res.body.includes('统计客户'), 'no contact details');
  const doc = res.json();
  assert.equal(doc.report, 'summary');
  assert.match(doc.units.seconds, /seconds/);
  assert.deepEqual([doc.periods.cur.kind, doc.periods.cur.first], ['month', day(m2, 1)]);
  assert.equal(doc.filters.team, Number(teamId));
  assert.deepEqual(doc.tables.map((t) => t.code), ['volume', 'times', 'sla', 'daily', 'category', 'priority', 'channel', 'team']);
  const table = (code) => doc.tables.find((t) => t.code === code);
  const page = await pageFigures();
  for (const row of table('volume').rows) {
    assert.deepEqual([row.cur, row.prev, row.year].map(String), page.vol[row.key], row.key);
  }
  const times = table('times');
  assert.deepEqual(times.columns.filter((c) => c.unit === 'seconds').map((c) => c.code), ['mean', 'median', 'p90', 'max']);
  for (const row of times.rows) {
    const want = page.times[row.key];
    assert.equal(String(row.n), want[0], row.key);
    const s = [row.mean, row.median, row.p90, row.max];
    if (row.n === 0) assert.deepEqual(s, [null, null, null, null]);
    else {
      assert.deepEqual(s.map(dur), want.slice(1), row.key);
      assert.deepEqual(s, workbookSeconds[row.key], `${row.key}: the workbook's seconds`);
    }
  }
  for (const row of table('sla').rows) {
    const want = page.sla[row.key];
    assert.deepEqual([row.met, row.breached, row.running].map(String), want.slice(0, 3), row.key);
    assert.equal(row.rate === null ? '—' : `${row.rate.toFixed(1)}%`, want[3], row.key);
  }
  assert.equal(table('sla').rows[0].rate, 47.4);
  const csvDaily = await csv('daily');
  assert.deepEqual(table('daily').rows.map((r) => [r.day, String(r.created), String(r.closed)]), csvDaily.slice(1));
  assert.deepEqual(table('team').rows, [{ key: `${low}-st`, name: TEAM_NAME, created: 20, closed: 17 }]);

  // one table, in English
  const one = await api(`/api/v1/reports/sla?${query()}&lang=en`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.json().tables.map((t) => t.title), ['SLA compliance']);
  assert.equal(one.json().tables[0].rows[0].clock, 'First response time');

  // scope: a key of another scope, and the reports key on the tickets
  for (const other of [L.apiKey(), L.newApiKey(`${T} all`, 'all')]) {
    const r = await api(`/api/v1/reports/summary?${query()}`, other);
    assert.equal(r.status, 403);
    assert.equal(r.json().error.code, 'insufficient_scope');
  }
  const ticket = await api(`/api/v1/tickets/${tk.B1.number}`);
  assert.equal(ticket.status, 403);
  assert.equal((await supervisor.client.api('POST', '/api/v1/tickets', L.apiTicket(), { key })).status, 403);
  assert.equal((await api(`/api/v1/reports/summary?${query()}`, null)).status, 401);

  // bad parameters: a clear 400 naming the parameter
  const bad = async (qs, field, message) => {
    const r = await api(`/api/v1/reports/summary?${qs}`);
    assert.equal(r.status, 400, qs);
    assert.deepEqual([r.json().error.code, r.json().error.field], ['bad_parameter', field], qs);
    assert.match(r.json().error.message, message, qs);
  };
  await bad('kind=moon', 'kind', /kind must be one of week, month, quarter, year, range/);
  await bad(`${query()}&team=abc`, 'team', /team is not a/);
  await bad('at=2027-02-30', 'at', /at is not a date/);
  await bad('kind=range&at=2027-03-10&until=2027-03-01', 'until', /period/);
  await bad('month=2027-02', 'month', /month is not a parameter/);
  assert.equal((await api(`/api/v1/reports/secrets?${query()}`)).status, 404);
});
