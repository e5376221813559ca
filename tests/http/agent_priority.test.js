'use strict';
// Priority changes: an agent's change is a request (priority unchanged) that
// a supervisor approves or rejects from /agent/approvals; only approval
// changes the priority and its deadlines. A supervisor's own change applies
// at once. A reason is required.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

// It looks at times (deadlines are compared with the stack's now): run at the
// three instants of tests/run.sh (clock.js).
C.useTestInstant();

const FILE = 75;
const T = A.tag('PR');
let agent, supervisor;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

/** The approvals row of ticket NUMBER: {id, text} or undefined. */
async function approvalRow(number) {
  const res = await supervisor.page('/agent/approvals');
  assert.equal(res.status, 200);
  const tr = res.body.split('<tr>').find((s) => s.includes(`/agent/t/${number}"`));
  if (!tr) return undefined;
  const id = (tr.match(/action="\/agent\/approvals\/(\d+)"/) || [])[1];
  return { id, text: A.strip(tr), html: tr };
}

async function decide(id, decision, note = '') {
  return supervisor.client.post(`/agent/approvals/${id}`, { form: { csrf: supervisor.csrf, decision, note } });
}

const due = (p) => Date.parse(p.clocks['解决'].iso);

test('an agent\'s request waits for approval; approve changes priority and deadline', async () => {
  const x = await A.createTicket({ subject: `${T} approve` });
  await agent.must(x.number, 'claim');
  const before = await agent.ticket(x.number);
  assert.equal(before.priority, 'important');
  const reason = `${T} 客户生产线停工`;
  const p = await agent.must(x.number, 'priority', { priority: A.PRIORITIES.urgent, reason });
  assert.match(p.flash, /已提交优先级变更/);
  assert.equal(p.priority, 'important', 'the priority is unchanged until approved');
  assert.equal(due(p), due(before), 'the deadline is unchanged');
  assert.ok(p.text.includes('待审批的优先级变更') && p.text.includes(reason), 'the pending request is shown on the ticket');

  const row = await approvalRow(x.number);
  assert.ok(row, 'the request is in the supervisor\'s approvals');
  assert.ok(row.text.includes(reason), 'with its reason');
  assert.ok(row.text.includes(A.PEOPLE.agent.name), 'and who asked');
  assert.match(row.html, /prio-important[\s\S]*prio-urgent/, 'from important to urgent');

  const res = await decide(row.id, 'approve', '同意');
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/agent/approvals?done=approved');
  const flash = await supervisor.get(res.headers.location);
  assert.match(L.text(flash.body), /已批准/);
  assert.equal(await approvalRow(x.number), undefined, 'no longer pending');

  const after = await agent.ticket(x.number);
  assert.equal(after.priority, 'urgent', 'approved: the priority changed');
  assert.ok(due(after) < due(before), 'the resolution deadline moved earlier');
  // urgent runs on the 7×24 calendar: resolution 4 h after intake, exactly
  const left = (due(after) - C.now()) / 3600e3;
  assert.ok(left > 3.9 && left <= 4.01, `urgent: resolution 4 h after intake, ${left.toFixed(2)} h left`);
  assert.ok(after.thread.includes('将优先级改为'), 'the change is in the history');
  assert.ok(!after.text.includes('待审批的优先级变更'));
  // deciding again is refused
  const again = await decide(row.id, 'reject');
  assert.ok([404, 409].includes(again.status), `a decided request cannot be decided again (${again.status})`);
  assert.equal((await agent.ticket(x.number)).priority, 'urgent');
});

test('reject leaves the priority as it was', async () => {
  const x = await A.createTicket({ subject: `${T} reject` });
  await agent.must(x.number, 'claim');
  const before = await agent.ticket(x.number);
  await agent.must(x.number, 'priority', { priority: A.PRIORITIES.low, reason: `${T} 客户不急` });
  const row = await approvalRow(x.number);
  assert.ok(row);
  const res = await decide(row.id, 'reject', '影响面大，不降级');
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/agent/approvals?done=rejected');
  const after = await agent.ticket(x.number);
  assert.equal(after.priority, 'important');
  assert.equal(due(after), due(before));
  assert.ok(after.thread.includes('驳回优先级变更'), 'the rejection is in the history');
  assert.equal(await approvalRow(x.number), undefined);
});

test('a supervisor\'s own change applies directly', async () => {
  const x = await A.createTicket({ subject: `${T} direct` });
  const before = await supervisor.ticket(x.number);
  const p = await supervisor.must(x.number, 'priority', { priority: A.PRIORITIES.urgent, reason: '主管判断' });
  assert.equal(p.priority, 'urgent');
  assert.ok(due(p) < due(before));
  assert.equal(await approvalRow(x.number), undefined, 'no request to approve');
});

test('a reason is required; only supervisors decide', async () => {
  const x = await A.createTicket({ subject: `${T} noreason` });
  await agent.must(x.number, 'claim');
  const res = await agent.act(x.number, 'priority', { priority: A.PRIORITIES.urgent, reason: '' });
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /请填写原因/);
  assert.equal(await approvalRow(x.number), undefined, 'no request filed');
  await agent.must(x.number, 'priority', { priority: A.PRIORITIES.urgent, reason: `${T} 真的很急` });
  const row = await approvalRow(x.number);
  const byAgent = await agent.client.post(`/agent/approvals/${row.id}`, { form: { csrf: agent.csrf, decision: 'approve' } });
  assert.equal(byAgent.status, 403);
  assert.equal((await agent.ticket(x.number)).priority, 'important');
  assert.ok(await approvalRow(x.number), 'still pending');
  await decide(row.id, 'reject'); // clean up
});
