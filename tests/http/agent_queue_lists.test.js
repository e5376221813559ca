'use strict';
// Each queue answers 200 with the right tickets: unassigned, mine, to_accept,
// team, collab, waiting, at_risk, overdue, closed. Every ticket of this file
// carries a tag in its subject and the lists are read with q=TAG, so tickets
// of other tests do not matter. at_risk and overdue depend on the time: the
// file runs at the three instants of tests/run.sh (clock.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 63;
const T = A.tag('QL');
let agent, supervisor, trainer;
const t = {};

async function make(name, opts = {}) {
  t[name] = await A.createTicket({ subject: `${T} ${name}`, ...opts });
  return t[name];
}
const nums = (...names) => names.map((n) => t[n].number).sort();
const sorted = (a) => [...a].sort();

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  trainer = await A.desk('trainer', L.addr(FILE, 3));
  for (const name of ['plain', 'claimed', 'assigned', 'collab', 'waiting', 'closed', 'resolved', 'overdue', 'closedFirst']) await make(name);
  await make('urgent', { priority: 'urgent' });
  await make('calm', { priority: 'general', impact: 'individual' });
});

test('unassigned lists the team\'s tickets without owner; a claim moves the ticket to mine', async () => {
  const before = await agent.numbers('unassigned', { q: T });
  assert.ok(before.includes(t.claimed.number), 'in unassigned before the claim');
  assert.ok(!(await agent.numbers('mine', { q: T })).includes(t.claimed.number));
  const page = await agent.must(t.claimed.number, 'claim');
  assert.equal(page.status, 'accepted');
  const after = await agent.queue('unassigned', { q: T });
  assert.ok(!after.rows.some((r) => r.number === t.claimed.number), 'left unassigned');
  const mine = await agent.queue('mine', { q: T });
  const row = mine.rows.find((r) => r.number === t.claimed.number);
  assert.ok(row, 'now in mine');
  assert.equal(row.status, 'accepted');
  assert.equal(row.cells[6], A.PEOPLE.agent.name, 'owner column');
  assert.equal(row.cells[1], `${T} claimed`, 'subject column');
  assert.equal(row.cells[2], '测试客户', 'customer column');
  assert.equal(row.cells[3], '产品故障', 'category column');
  assert.equal(row.priority, 'important');
  assert.ok(row.dueState && row.due, 'next due time shown');
});

test('to_accept lists what a supervisor assigned to me; it is also in mine', async () => {
  await supervisor.must(t.assigned.number, 'assign', { agent: A.PEOPLE.agent.id, reason: `${T} please take it` });
  const q = await agent.queue('to_accept', { q: T });
  assert.equal(q.res.status, 200);
  assert.deepEqual(q.rows.map((r) => r.number), [t.assigned.number]);
  assert.equal(q.rows[0].status, 'assigned');
  assert.ok((await agent.numbers('mine', { q: T })).includes(t.assigned.number));
  assert.ok(!(await agent.numbers('unassigned', { q: T })).includes(t.assigned.number));
  // accepting it empties to_accept
  await agent.must(t.assigned.number, 'accept');
  assert.deepEqual(await agent.numbers('to_accept', { q: T }), []);
});

test('collab lists the tickets I help on', async () => {
  await agent.must(t.collab.number, 'claim');
  assert.deepEqual(await trainer.numbers('collab', { q: T }), []);
  await agent.must(t.collab.number, 'collab_add', { agent: A.PEOPLE.trainer.id, role: '培训顾问' });
  const q = await trainer.queue('collab', { q: T });
  assert.equal(q.res.status, 200);
  assert.deepEqual(q.rows.map((r) => r.number), [t.collab.number]);
  assert.deepEqual(await agent.numbers('collab', { q: T }), [], 'the owner is not a collaborator');
});

test('waiting lists tickets waiting on the customer', async () => {
  await agent.must(t.waiting.number, 'claim');
  await agent.must(t.waiting.number, 'status', { to: 'in_progress' });
  assert.deepEqual(await agent.numbers('waiting', { q: T }), []);
  await agent.must(t.waiting.number, 'status', { to: 'waiting_customer', reason: '等客户提供日志' });
  const q = await agent.queue('waiting', { q: T });
  assert.deepEqual(q.rows.map((r) => r.number), [t.waiting.number]);
  assert.equal(q.rows[0].status, 'waiting_customer');
  // back in progress: it leaves the queue
  await agent.must(t.waiting.number, 'status', { to: 'in_progress' });
  assert.deepEqual(await agent.numbers('waiting', { q: T }), []);
  await agent.must(t.waiting.number, 'status', { to: 'waiting_customer' });
});

test('closed lists closed tickets, most recent first; they leave the open queues', async () => {
  // the newer ticket is closed first, the older one a second later
  await agent.must(t.closedFirst.number, 'claim');
  await agent.must(t.closedFirst.number, 'status', { to: 'resolved' });
  await agent.must(t.closedFirst.number, 'status', { to: 'closed' });
  await new Promise((r) => setTimeout(r, 1100));
  await agent.must(t.closed.number, 'claim');
  await agent.must(t.closed.number, 'status', { to: 'in_progress' });
  await agent.must(t.closed.number, 'status', { to: 'resolved' });
  await agent.must(t.closed.number, 'status', { to: 'closed' });
  const q = await agent.queue('closed', { q: T });
  assert.equal(q.res.status, 200);
  assert.ok(q.rows.some((r) => r.number === t.closed.number), 'closed ticket listed');
  const row = q.rows.find((r) => r.number === t.closed.number);
  assert.equal(row.status, 'closed');
  const order = q.rows.map((r) => r.number).filter((n) => n === t.closed.number || n === t.closedFirst.number);
  assert.deepEqual(order, [t.closed.number, t.closedFirst.number], 'the most recently closed comes first');
  assert.match(row.cells[7], /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'closing time shown');
  for (const kind of ['mine', 'team', 'unassigned']) {
    assert.ok(!(await agent.numbers(kind, { q: T })).includes(t.closed.number), `not in ${kind}`);
  }
});

test('closed ("resolved or closed", lib/desk/queue.h) also lists resolved tickets', async () => {
  await agent.must(t.resolved.number, 'claim');
  await agent.must(t.resolved.number, 'status', { to: 'resolved', reason: 'duplicate' });
  const closed = await agent.numbers('closed', { q: T });
  assert.ok(!(await agent.numbers('mine', { q: T })).includes(t.resolved.number), 'not open any more');
  assert.ok(closed.includes(t.resolved.number), 'a resolved ticket is in the closed queue');
});

test('at_risk lists tickets due soon; overdue lists tickets past a deadline', async () => {
  await agent.must(t.urgent.number, 'claim'); // urgent: first response due in 15 min
  await agent.must(t.calm.number, 'claim'); // general: nothing due within 2 h
  // setup: move the overdue ticket's clocks ten days into the past (dues are
  // in business time, so a few hours may still lie ahead of now)
  A.setupSql(`UPDATE tickets SET created_at = created_at - INTERVAL 10 DAY,
    classify_due_at = classify_due_at - INTERVAL 10 DAY,
    first_response_due_at = first_response_due_at - INTERVAL 10 DAY,
    resolution_due_at = resolution_due_at - INTERVAL 10 DAY,
    next_due_at = next_due_at - INTERVAL 10 DAY WHERE number = '${t.overdue.number}'`);
  const risk = await agent.queue('at_risk', { q: T });
  assert.equal(risk.res.status, 200);
  const rn = risk.rows.map((r) => r.number);
  assert.ok(rn.includes(t.urgent.number), 'urgent ticket is at risk');
  assert.ok(!rn.includes(t.calm.number), 'the general ticket is not');
  assert.ok(!rn.includes(t.overdue.number), 'an overdue ticket is not "at risk" but overdue');
  const urgentRow = risk.rows.find((r) => r.number === t.urgent.number);
  assert.equal(urgentRow.dueState, 'warn');
  const over = await agent.queue('overdue', { q: T });
  assert.equal(over.res.status, 200);
  assert.deepEqual(over.rows.map((r) => r.number), [t.overdue.number]);
  assert.equal(over.rows[0].dueState, 'breach');
  assert.match(over.rows[0].cells[7], /超时/);
});

test('team lists every open ticket of my teams', async () => {
  const team = await agent.numbers('team', { q: T });
  assert.deepEqual(sorted(team), nums('plain', 'claimed', 'assigned', 'collab', 'waiting', 'overdue', 'urgent', 'calm'));
  const mine = await agent.numbers('mine', { q: T });
  assert.deepEqual(sorted(mine), nums('claimed', 'assigned', 'collab', 'waiting', 'urgent', 'calm'));
  const un = await agent.numbers('unassigned', { q: T });
  assert.deepEqual(sorted(un), nums('plain', 'overdue'));
});

test('unknown queues answer 404', async () => {
  assert.equal((await agent.get('/agent/q/nothing')).status, 404);
  assert.equal((await agent.get('/agent/q/')).status, 404);
});

test('rows show the customer\'s VIP / frequent-complainer tags, and so does the ticket page', async () => {
  // setup: tag the customer of the "plain" ticket
  A.setupSql(`INSERT IGNORE INTO customer_tags (customer_id, tag_id, created_at)
    SELECT t.customer_id, g.id, UTC_TIMESTAMP() FROM tickets t JOIN tags g ON g.code IN ('vip', 'frequent_complainer')
    WHERE t.number = '${t.plain.number}'`);
  const q = await agent.queue('unassigned', { q: T });
  const row = q.rows.find((r) => r.number === t.plain.number);
  assert.ok(row, 'listed');
  assert.match(row.html, /class="tag tag-vip"/);
  assert.match(row.cells[2], /VIP/);
  assert.match(row.cells[2], /高频投诉/);
  const p = await agent.ticket(t.plain.number);
  assert.match(p.html, /class="tag tag-vip"/);
  assert.match(p.html, /class="tag tag-frequent_complainer"/);
});
