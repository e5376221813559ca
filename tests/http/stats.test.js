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
// another scope gets 403, and no export holds a customer's contact details.
// Beside them: every SLA clock (classification, acceptance, the 2-hour
// update cadence of the urgent level, three escalations to R&D), the time
// spent in each status, the figures per agent (supervisors only, never in
// the API), and the filters product, organisation, customer tag and agent.
// The urgent level runs on
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
const TAG_NAME = `${T} 重点客户`;
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
const PRODUCT = `${T} 打印服务器`;
const ORG = `${T} 华东电力`;
const extra = { // per ticket: its product, organisation, escalation and R&D's answer
  B12: { escalate: 1 }, // never answered: breached 4 hours on
  B15: { escalate: 1 }, // still running at the end
  B16: { product: PRODUCT, escalate: 20, answer: 60 },
  B17: { product: PRODUCT, organisation: ORG },
  B18: { product: PRODUCT }, B19: { product: PRODUCT }, B20: { product: PRODUCT },
};
function ticket(name, created, { reply, resolve, reopen, again } = {}) {
  steps.push({ t: created, name, what: 'create' });
  const x = extra[name] || {};
  if (x.escalate !== undefined) steps.push({ t: plus(created, x.escalate), name, what: 'escalate' });
  if (x.answer !== undefined) steps.push({ t: plus(created, x.answer), name, what: 'answer' });
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
  // the second month: B1..B10 answered after 5, 10, 14, 20 ... 50 minutes
  // (B8 after 41, its update clock of 2 hours met by a minute), resolved
  // after 20, 40 ... 200
  const replies = [5, 10, 14, 20, 25, 30, 35, 41, 45, 50];
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
    const x = extra[n] || {};
    tk[n] = await A.createTicket({ category: 'usage', impact: 'company', subject: `${T} ${n} 统计`,
      ...(x.product ? { product: x.product } : {}),
      customer: { name: `统计客户${n}`, email: `${low}-${n.toLowerCase()}@example.com`,
        ...(x.organisation ? { organisation: x.organisation } : {}) } });
    await supervisor.must(tk[n].number, 'assign', { agent: 0, team: teamId, reason: `${T} 统计组` });
    await member.must(tk[n].number, 'claim');
  } else if (step.what === 'reply') {
    await member.must(tk[n].number, 'reply', { body: `${T} 已收到` });
  } else if (step.what === 'escalate') {
    await member.must(tk[n].number, 'escalate', { reason: `${T} 需要研发分析`, impact: '全公司' });
  } else if (step.what === 'answer') {
    await supervisor.must(tk[n].number, 'escalation_answer', { plan: `${T} 发布补丁` });
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
  // a customer tag of its own on B18's customer
  admin = await A.desk('admin', '127.0.0.1');
  await admin.page('/admin/tags');
  const tagMade = await post(admin, '/admin/tags', { code: `${low}key`, name_zh: TAG_NAME, name_en: TAG_NAME, color: 'blue' });
  assert.equal(tagMade.status, 303, L.text(tagMade.body).slice(0, 300));
  const hit = (await admin.page(`/admin/tags?q=${encodeURIComponent(`${low}-b18@example.com`)}`)).body
    .match(/<li class="hit" data-id="(\d+)">/);
  assert.ok(hit, "B18's customer");
  await admin.page(`/admin/tags/customers/${hit[1]}`);
  const tagId = option((await supervisor.get(`/agent/stats?${query()}`)).body, 'tag', TAG_NAME);
  const tagged = await post(admin, `/admin/tags/customers/${hit[1]}/add`, { tag: tagId });
  assert.equal(tagged.status, 303);
});

/** The value of the option named `label` in the page's select `name`. */
function option(html, name, label) {
  const select = html.match(new RegExp(`<select name="${name}">([\\s\\S]*?)</select>`));
  assert.ok(select, `select ${name}`);
  const m = [...select[1].matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)].find((o) => L.text(o[2]) === label);
  assert.ok(m, `option ${label} of ${name}`);
  return m[1];
}

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
    ['分类', '本期', '20', '0', '0', '100.0'], ['分类', '上期', '10', '0', '0', '100.0'],
    ['分类', '去年同期', '0', '0', '0', ''],
    ['签收', '本期', '20', '0', '0', '100.0'], ['签收', '上期', '10', '0', '0', '100.0'],
    ['签收', '去年同期', '0', '0', '0', ''],
    ['首次响应时长', '本期', '9', '10', '1', '47.4'], ['首次响应时长', '上期', '8', '2', '0', '80.0'],
    ['首次响应时长', '去年同期', '0', '0', '0', ''],
    ['进展更新', '本期', '9', '7', '0', '56.3'], ['进展更新', '上期', '8', '1', '0', '88.9'],
    ['进展更新', '去年同期', '0', '0', '0', ''],
    ['解决时长', '本期', '15', '4', '1', '78.9'], ['解决时长', '上期', '8', '2', '0', '80.0'],
    ['解决时长', '去年同期', '0', '0', '0', ''],
    ['研发答复', '本期', '1', '1', '1', '50.0'], ['研发答复', '上期', '0', '0', '0', ''],
    ['研发答复', '去年同期', '0', '0', '0', ''],
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

const CLOCKS = ['classify', 'accept', 'first_response', 'update', 'resolution', 'answer'];

/** The figures of the page, by what the workbook and the JSON hold. */
async function pageFigures() {
  const h = (await supervisor.get(`/agent/stats?${query()}`)).body;
  const vol = {}, times = {}, sla = {};
  for (const f of ['created', 'closed', 'reopened', 'backlog_start', 'backlog_end']) vol[f] = cells(h, 'data-fig', f).slice(1);
  for (const c of ['first_response', 'resolution']) {
    for (const b of ['biz', 'wall']) {
      for (const p of ['cur', 'prev', 'year']) times[`${c}.${b}.${p}`] = cells(h, 'data-time', `${c}.${b}.${p}`).slice(-5);
    }
  }
  for (const c of CLOCKS) {
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
    ['报告', '工单量', '响应与解决时长', 'SLA 达成情况', '每日趋势', '按问题类别', '按优先级', '按渠道', '按团队',
      '时间花在哪里', '按处理人', '按处理人明细', '重复问题与重开', '高频问题', '高频关键词', '跨团队协作',
      '团队间转派', '满意度', '评分分布（本期）', '评分最低的工单']);
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
  assert.equal(sla.length, 1 + 6 * 3);
  const slaClock = { ...clock, 分类: 'classify', 签收: 'accept', 进展更新: 'update', 研发答复: 'answer' };
  for (const row of sla.slice(1)) {
    const key = `${slaClock[row[0].v]}.${per[row[1].v]}`;
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
  // the tables per agent are left out: the figures of people are for supervisors
  assert.deepEqual(doc.tables.map((t) => t.code), ['volume', 'times', 'sla', 'daily', 'category', 'priority', 'channel', 'team', 'status',
    'repeat', 'combos', 'terms', 'cross', 'pairs', 'satisfaction', 'scores', 'lowest']);
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
  assert.equal(table('sla').rows.length, 6 * 3);
  assert.equal(table('sla').rows.find((r) => r.key === 'first_response.cur').rate, 47.4);
  const csvDaily = await csv('daily');
  assert.deepEqual(table('daily').rows.map((r) => [r.day, String(r.created), String(r.closed)]), csvDaily.slice(1));
  assert.deepEqual(table('team').rows, [{ key: `${low}-st`, name: TEAM_NAME, created: 20, closed: 17 }]);

  // one table, in English
  const one = await api(`/api/v1/reports/sla?${query()}&lang=en`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.json().tables.map((t) => t.title), ['SLA compliance']);
  assert.equal(one.json().tables[0].rows.find((r) => r.key === 'first_response.cur').clock, 'First response time');

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

  // the figures per agent are not the reports': a 403 naming why; the filters
  // product, organisation, tag and agent are parameters like the others
  for (const t of ['agent', 'agents']) {
    const r = await api(`/api/v1/reports/${t}?${query()}`);
    assert.equal(r.status, 403, t);
    assert.equal(r.json().error.code, 'insufficient_scope', t);
  }
  const product = option(page.html, 'product', PRODUCT);
  const narrowed = (await api(`/api/v1/reports/volume?${query()}&product=${product}`)).json();
  assert.equal(narrowed.filters.product, Number(product));
  assert.deepEqual(narrowed.tables[0].rows.find((r) => r.key === 'created').cur, 5);
  await bad(`${query()}&agent=x`, 'agent', /agent is not a/);
});

/* ---- every clock, where time goes, per agent, the new filters ------------- */

test('every SLA clock the desk keeps, with the breaches behind the numbers', async () => {
  const h = (await supervisor.get(`/agent/stats?${query()}`)).body;
  // met, breached, running, compliance
  assert.deepEqual(cells(h, 'data-sla', 'classify.cur').slice(-4), ['20', '0', '0', '100.0%']);
  assert.deepEqual(cells(h, 'data-sla', 'accept.prev').slice(-4), ['10', '0', '0', '100.0%']);
  // the urgent level's updates every 2 hours: B9, B10 (resolved 135 and 150
  // minutes after the answer) and B16..B20 (225) late, A10 (230) the month before
  assert.deepEqual(cells(h, 'data-sla', 'update.cur').slice(-4), ['9', '7', '0', '56.3%']);
  assert.deepEqual(cells(h, 'data-sla', 'update.prev').slice(-4), ['8', '1', '0', '88.9%']);
  assert.deepEqual(cells(h, 'data-sla', 'answer.cur').slice(-4), ['1', '1', '1', '50.0%']);
  assert.deepEqual(cells(h, 'data-sla', 'answer.year').slice(-4), ['0', '0', '0', '—']);
  assert.deepEqual(await behind('up_breached'), numbers('B9', 'B10', ...range('B', 16, 20)));
  assert.deepEqual(await behind('up_breached', 'prev'), numbers('A10'));
  assert.deepEqual(await behind('ans_met'), numbers('B16'));
  assert.deepEqual(await behind('ans_breached'), numbers('B12'));
  assert.deepEqual(await behind('ans_running'), numbers('B15'));
  assert.deepEqual(await behind('cl_breached'), []);
});

test('where time goes: the time in each status of the tickets resolved in the month', async () => {
  const h = (await supervisor.get(`/agent/stats?${query()}`)).body;
  // 16 resolved: accepted until resolved (20 ... 200 minutes, 40, 5 x 239),
  // B11 resolved for 23 h 20 min before its reopening, then 57 min in progress
  assert.deepEqual(cells(h, 'data-status', 'accepted').slice(1), ['16', '38 小时 55 分', '2 小时 26 分', '61.6%']);
  assert.deepEqual(cells(h, 'data-status', 'resolved').slice(1), ['1', '23 小时 20 分', '23 小时 20 分', '36.9%']);
  assert.deepEqual(cells(h, 'data-status', 'in_progress').slice(1), ['1', '57 分', '57 分', '1.5%']);
  // a few seconds new before the claim: no ticket stayed a minute
  assert.deepEqual(cells(h, 'data-status', 'new').slice(1, 3), ['0', '0 分']);
  assert.deepEqual(cells(h, 'data-status', 'waiting_customer').slice(1), ['0', '0 分', '0 分', '0.0%']);
  // the stages that delay most come first
  const order = [...h.matchAll(/<tr data-status="([a-z_]+)">/g)].map((m) => m[1]);
  assert.deepEqual(order.slice(0, 3), ['accepted', 'resolved', 'in_progress']);
  assert.deepEqual(await behind('in_resolved'), numbers('B11'));
  assert.deepEqual(await behind('in_accepted'), numbers(...range('B', 1, 11), ...range('B', 16, 20)));
  const rows = await csv('status');
  assert.deepEqual(rows[0], ['状态', '工单数', '合计(分钟)', '平均(分钟)', '占比(%)']);
  const row = (name) => rows.find((r) => r[0] === name);
  // the CSV keeps tenths of a minute; the spans were made by requests a few
  // real seconds apart (the movable clock moves with real time between them,
  // more seconds under load), so a total may miss its whole minutes by a few
  // tenths: 2334.8 for 2335 under load
  const near = (got, want, by) => assert.ok(Math.abs(Number(got) - want) <= by, `${got} ≈ ${want}`);
  const acc = row('已签收');
  assert.equal(acc[1], '16');
  near(acc[2], 2335, 1), near(acc[3], 145.9, 0.11), near(acc[4], 61.6, 0.11);
  const res = row('已解决');
  assert.equal(res[1], '1');
  near(res[2], 1400, 1), near(res[3], 1400, 1), near(res[4], 36.9, 0.11);
  assert.equal(rows.length, 11);
});

test('per agent, for supervisors only: resolved, median first response and resolution', async () => {
  const h = (await supervisor.get(`/agent/stats?${query()}`)).body;
  const name = `统计员 ${T}`;
  assert.deepEqual(cells(h, 'data-agent', name).slice(1), ['20', '17', '14 分', '14 分', '2 小时 40 分', '2 小时 40 分', '—']); // no time logged
  assert.deepEqual(await csv('agent'), [['处理人', '新建', '解决'], [name, '20', '17']]);
  const rows = await csv('agents');
  assert.deepEqual(rows[1].slice(0, 4), [name, '20', '17', '16']);
  assert.equal(rows[1][6], '16');
  [rows[1][4], rows[1][5]].forEach((v) => assert.ok(Math.abs(Number(v) - 14) <= 0.11, v));
  [rows[1][7], rows[1][8]].forEach((v) => assert.ok(Math.abs(Number(v) - 160) <= 0.11, v));
  assert.equal(rows.length, 2);
  // the member of the team sees the team's figures but nobody's per agent
  const mine = await member.get(`/agent/stats?${query()}`);
  assert.equal(mine.status, 200);
  assert.ok(!mine.body.includes('id="h-agents"') && !mine.body.includes('id="t-agent"'), 'no figures per agent');
  assert.ok(!mine.body.includes('<select name="agent">'), 'no agent filter');
  for (const t of ['agents', 'agent']) {
    assert.equal((await member.get(`/agent/stats.csv?table=${t}&${query()}`)).status, 403, t);
  }
  const memberId = option(h, 'agent', name);
  assert.equal((await member.get(`/agent/stats?${query(`&agent=${Number(memberId) + 1}`)}`)).status, 403);
  assert.equal((await member.get(`/agent/stats?${query(`&agent=${memberId}`)}`)).status, 200);
});

test('the filters product, organisation, customer tag and agent narrow every figure and list', async () => {
  const page = (await supervisor.get(`/agent/stats?${query()}`)).body;
  const product = option(page, 'product', PRODUCT);
  const tag = option(page, 'tag', TAG_NAME);
  const agent = option(page, 'agent', `统计员 ${T}`);
  const org = (await admin.page(`/admin/tags?org=${encodeURIComponent(ORG.toLowerCase())}`)).body
    .match(/<li class="hit org-hit" data-id="(\d+)">/)[1];
  const cases = [
    [`&product=${product}`, ['5', '5'], range('B', 16, 20), ['1', '0', '0', '100.0%']],
    [`&organisation=${org}`, ['1', '1'], ['B17'], ['0', '0', '0', '—']],
    [`&tag=${tag}`, ['1', '1'], ['B18'], ['0', '0', '0', '—']],
    [`&agent=${agent}`, ['20', '17'], range('B', 1, 20), ['1', '1', '1', '50.0%']],
  ];
  for (const [f, [created, closed], list, answer] of cases) {
    const res = await supervisor.get(`/agent/stats?${query(f)}`);
    assert.equal(res.status, 200, f);
    assert.deepEqual(cells(res.body, 'data-fig', 'created').slice(1, 2), [created], f);
    assert.deepEqual(cells(res.body, 'data-fig', 'closed').slice(1, 2), [closed], f);
    assert.deepEqual(cells(res.body, 'data-sla', 'answer.cur').slice(-4), answer, f);
    assert.deepEqual(await behind('created', 'cur', f), numbers(...list), f);
    // the page keeps the filter in its links and its form
    assert.match(res.body, new RegExp(`${f.slice(1)}(&amp;|")`), `${f} carried in the links`);
    const [name, id] = f.slice(1).split('=');
    const chosen = res.body.match(new RegExp(`<select name="${name}">[\\s\\S]*?</select>`))[0];
    assert.match(chosen, new RegExp(`<option value="${id}" selected>`), `${name} shown as chosen`);
    const vol = await csv('volume', f);
    assert.deepEqual(vol[1].slice(0, 2), ['新建工单', created], f);
  }
  // a product's resolutions: 5 x 239 minutes
  const p = (await supervisor.get(`/agent/stats?${query(`&product=${product}`)}`)).body;
  assert.deepEqual(cells(p, 'data-time', 'resolution.wall.cur').slice(-5),
    ['5', '3 小时 59 分', '3 小时 59 分', '3 小时 59 分', '3 小时 59 分']);
});
