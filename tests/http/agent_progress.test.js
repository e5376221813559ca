'use strict';
// The progress tracking table (问题处理进度跟踪表): tickets with owner,
// deadlines and met / missed markers, filterable; exported as CSV in UTF-8
// with a BOM, a Chinese header, one line per ticket, and formula cells
// defused with a leading quote. Met / missed depend on the time: run at the
// three instants of tests/run.sh (clock.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 77;
const T = A.tag('PG');
const PM = A.PEOPLE.pm.id; // only this file gives tickets to pm: owner=pm isolates them
let supervisor, agent;
const t = {};
const SUBJ = {
  formula: `=1+1 ${T} formula`,
  chinese: `${T} 中文主题：报表导出"乱码"，逗号`,
  overdue: `${T} overdue`,
  done: `${T} done`,
};

test.before(async () => {
  supervisor = await A.desk('supervisor', L.addr(FILE, 1));
  agent = await A.desk('agent', L.addr(FILE, 2));
  for (const [k, subject] of Object.entries(SUBJ)) {
    t[k] = await A.createTicket({ category: 'customisation', subject, customer: { name: `客户${k}甲`, email: `${k}-${T.toLowerCase()}@example.com` } });
    await supervisor.must(t[k].number, 'assign', { agent: PM, team: 0, reason: '进度表测试' });
  }
  // setup: the overdue ticket made 27 hours ago, its first response an hour
  // overdue, its resolution still running (whatever the day and hour)
  const ago = (h) => `'${C.sqlTime(C.now() - h * 3600e3)}'`;
  A.setupSql(`UPDATE tickets SET created_at = ${ago(27)}, classify_due_at = ${ago(25)},
    accept_due_at = ${ago(26.5)}, first_response_due_at = ${ago(1)}, resolution_due_at = ${ago(-5)},
    next_due_at = ${ago(1)} WHERE number = '${t.overdue.number}'`);
  // the "done" ticket: answered and resolved in time
  await supervisor.must(t.done.number, 'reply', { body: '已处理' });
  await supervisor.must(t.done.number, 'status', { to: 'resolved' });
});

/** All rows of the progress table for QUERY, following its pages. */
async function progressRows(who, query) {
  const rows = [];
  let next = `/agent/progress?${query}`;
  for (let i = 0; next && i < 50; i++) {
    const res = await who.get(next);
    assert.equal(res.status, 200, next);
    rows.push(...A.parseRows(res.body));
    next = A.nextLink(res.body);
  }
  return rows;
}

/** Parses CSV text (RFC 4180 quoting) into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('the table lists the tickets with owner, deadlines and met / missed markers', async () => {
  const res = await supervisor.get(`/agent/progress?owner=${PM}`);
  assert.equal(res.status, 200);
  assert.match(L.text(res.body), /问题处理进度跟踪表/);
  const rows = await progressRows(supervisor, `owner=${PM}`);
  const by = (k) => rows.find((r) => r.number === t[k].number);
  for (const k of Object.keys(SUBJ)) assert.ok(by(k), `${k} listed`);
  const f = by('formula');
  assert.equal(f.cells[4], A.PEOPLE.pm.name, 'owner column');
  assert.equal(f.cells[1], `${SUBJ.formula} 客户formula甲 · 定制需求`, 'subject, with the customer and category under it');
  assert.match(f.cells[6], /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'first response deadline shown');
  assert.match(f.cells[7], /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'resolution deadline shown');
  assert.deepEqual(f.met, [], 'running deadlines show the time left, not a verdict');
  assert.match(f.cells[6], /剩余 /);
  assert.match(by('overdue').cells[6], /超时 \d/, 'a passed first-response deadline shows how long it is over');
  assert.equal(by('overdue').dueState, 'breach');
  assert.deepEqual(by('done').met, ['met', 'met'], 'answered and resolved in time: met');
  assert.ok(L.text(by('done').html).includes('达成'));
});

test('filters by status and category narrow the table', async () => {
  const resolved = await progressRows(supervisor, `owner=${PM}&status=resolved`);
  assert.ok(resolved.some((r) => r.number === t.done.number));
  assert.ok(resolved.every((r) => r.status === 'resolved'), 'only resolved rows');
  assert.ok(!resolved.some((r) => r.number === t.formula.number));
  const assigned = await progressRows(supervisor, `owner=${PM}&status=assigned`);
  assert.ok(assigned.every((r) => r.status === 'assigned'));
  for (const k of ['formula', 'chinese', 'overdue']) assert.ok(assigned.some((r) => r.number === t[k].number), k);
  assert.ok(!assigned.some((r) => r.number === t.done.number));
  const fault = await progressRows(supervisor, `owner=${PM}&category=${A.CATEGORIES.fault}`);
  assert.ok(!fault.some((r) => Object.values(t).some((x) => x.number === r.number)), 'no customisation ticket under fault');
  const custom = await progressRows(supervisor, `owner=${PM}&category=${A.CATEGORIES.customisation}`);
  assert.equal(custom.length, (await progressRows(supervisor, `owner=${PM}`)).length);
});

test('the CSV: text/csv, UTF-8 BOM, Chinese header, one line per ticket, Chinese round-trips', async () => {
  const res = await supervisor.get(`/agent/progress.csv?owner=${PM}`);
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^text\/csv/);
  assert.match(res.headers['content-type'], /charset=utf-8/i);
  assert.match(res.headers['content-disposition'] || '', /attachment/);
  assert.deepEqual([...res.raw.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'starts with the UTF-8 BOM');
  const text = res.raw.subarray(3).toString('utf8');
  const rows = parseCsv(text);
  const header = rows[0];
  assert.equal(header[0], '编号');
  assert.ok(header.includes('客户') && header.includes('负责人') && header.includes('解决时限'), `Chinese header: ${header.join(',')}`);
  const body = rows.slice(1).filter((r) => r.length > 1);
  assert.ok(body.every((r) => r.length === header.length), 'every line has every column');
  const html = await progressRows(supervisor, `owner=${PM}`);
  assert.equal(body.length, html.length, 'one line per ticket of the table');
  const numbers = body.map((r) => r[0]);
  assert.equal(new Set(numbers).size, numbers.length, 'no ticket twice');
  for (const k of Object.keys(SUBJ)) assert.equal(numbers.filter((n) => n === t[k].number).length, 1, `${k} once`);
  const chinese = body.find((r) => r[0] === t.chinese.number);
  assert.equal(chinese[2], SUBJ.chinese, 'Chinese, quotes and commas round-trip');
  assert.equal(chinese[1], '客户chinese甲');
  assert.equal(chinese[6], A.PEOPLE.pm.name);
  assert.equal(chinese[3], '定制需求');
  const done = body.find((r) => r[0] === t.done.number);
  assert.equal(done[header.indexOf('首次响应达成')], '达成');
  const over = body.find((r) => r[0] === t.overdue.number);
  assert.equal(over[header.indexOf('首次响应达成')], '未达成');
});

test('a cell starting with = is prefixed with \' (no formula injection)', async () => {
  const res = await supervisor.get(`/agent/progress.csv?owner=${PM}&status=assigned`);
  const rows = parseCsv(res.raw.subarray(3).toString('utf8'));
  const f = rows.find((r) => r[0] === t.formula.number);
  assert.ok(f, 'the formula ticket is in the CSV');
  assert.equal(f[2], `'${SUBJ.formula}`, 'the subject is defused');
  assert.ok(rows.every((r) => r.every((c) => !/^[=+\-@]/.test(c))), 'no cell starts with = + - @');
});

test('an agent\'s table and CSV cover their own teams only', async () => {
  const rows = await progressRows(agent, `owner=${PM}`);
  assert.ok(!rows.some((r) => Object.values(t).some((x) => x.number === r.number)), 'no product-team ticket for an after-sales agent');
  const csv = await agent.get(`/agent/progress.csv?owner=${PM}&team=${A.TEAMS.product}`);
  assert.equal(csv.status, 200);
  assert.ok(!Object.values(t).some((x) => csv.body.includes(x.number)), 'not by asking for the team either');
});
