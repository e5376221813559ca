'use strict';
// Time left and time over read in days and hours once they pass a day
// ("剩余 3 天 5 小时", "超时 30 天 2 小时"), never as hundreds of hours: on
// the progress tracking table, which also names each ticket's subject and
// shows every running deadline's time left or over, on the queue and
// ticket chips, in English, and in the SLA breach mail. At the three
// instants of tests/run.sh (clock.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 242;
const T = A.tag('DU');
const DAY = 24 * 3600;
/** A day or more written as hours ("77 小时", "9577 h"): what days and hours replace. */
const dayInHours = (text) => [...text.matchAll(/(\d+) (?:小时|h\b)/g)].some((m) => Number(m[1]) >= 24);
let x, late;

/** The progress table's row of a ticket (owner filter: its owner). */
async function progressRow(desk, number, query = '') {
  const res = await desk.get(`/agent/progress?${query}`);
  assert.equal(res.status, 200);
  const row = A.parseRows(res.body).find((r) => r.number === number);
  assert.ok(row, `${number} on the progress table`);
  return row;
}

test('a fresh ticket: subject on the table, every running deadline with its time left in days and hours', async () => {
  const agent = await S.fresh('agent', L.addr(FILE, 1));
  // 一般 (individual impact): three working days to resolve, more than a day ahead at any hour
  x = await A.createTicket({ subject: `${T} 会员积分同步延迟`, impact: 'individual' });
  late = await A.createTicket({ subject: `${T} 打印机驱动升级后无法打印`, impact: 'individual' });
  await agent.must(late.number, 'claim');
  const row = await progressRow(agent, x.number);
  assert.match(row.cells[1], new RegExp(`^${T} 会员积分同步延迟 测试客户 · 产品故障$`), 'the subject, with its customer and category');
  const resolution = row.cells[7];
  assert.match(resolution, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'the deadline');
  assert.match(resolution, /剩余 \d+ 天( \d+ 小时)?$/, `a day or more left reads in days: ${resolution}`);
  assert.ok(!dayInHours(resolution), resolution);
  assert.ok(!/进行中/.test(row.html), 'no bare "in progress" without the time left');
  const page = await agent.ticket(x.number);
  assert.match(page.clocks['解决'].text, /剩余 \d+ 天/, 'the ticket page\'s chip too');
});

test('12 days later: overdue in days on the table, the queue, the ticket and in English; a late resolution says how late', { timeout: 120000 }, async () => {
  C.setClock(C.clockOffset() + 12 * DAY);
  const agent = await S.fresh('agent', L.addr(FILE, 2));
  const row = await progressRow(agent, x.number);
  for (const i of [6, 7]) {
    assert.match(row.cells[i], /超时 \d+ 天( \d+ 小时)?$/, `over by days: ${row.cells[i]}`);
    assert.ok(!dayInHours(row.cells[i]), row.cells[i]);
  }
  assert.equal(row.dueState, 'breach');
  const q = await agent.queue('team', { q: T });
  const chip = q.rows.find((r) => r.number === x.number).html.match(/<span class="sla sla-breach"[^>]*>([^<]*)<\/span>/);
  assert.ok(chip, 'a red chip in the queue');
  assert.match(chip[1], /^超时 \d+ 天( \d+ 小时)?$/);
  const page = await agent.ticket(x.number);
  assert.match(page.clocks['解决'].text, /超时 \d+ 天/);

  await agent.get('/lang/en?back=/agent/progress');
  const en = await progressRow(agent, x.number);
  assert.match(en.cells[7], /overdue \d+ d( \d+ h)?$/, `in English: ${en.cells[7]}`);
  await agent.get('/lang/zh?back=/agent/progress');

  // resolved now, a month late: met or not, and by how much
  await agent.must(late.number, 'status', { to: 'in_progress' });
  await agent.must(late.number, 'reply', { body: '已处理' });
  await agent.must(late.number, 'status', { to: 'resolved', reason: '驱动回退' });
  const done = await progressRow(agent, late.number);
  assert.deepEqual(done.met, ['missed', 'missed']);
  assert.match(done.cells[7], /未达成 · 超时 \d+ 天/, done.cells[7]);
});

test('the breach mail says how long in days and hours', { timeout: 120000 }, async () => {
  let mail;
  await S.waitFor(() => (mail = S.readMails().find((m) => m.subject.includes(`[工单 ${x.number}]`) && /已超时/.test(m.subject) && /已超时：/.test(m.body))),
    `a breach mail about ${x.number}`, { timeout: 90000 });
  const over = mail.body.match(/已超时：([^\n]*)/)[1];
  assert.match(over, /^\d+ 天( \d+ 小时)?$/, `over: ${over}`);
});
