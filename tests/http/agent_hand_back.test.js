'use strict';
// An owner hands a ticket back to the team queue with a reason: it loses its
// owner and is back in unassigned. No reason, or not the owner: refused.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 70;
const T = A.tag('HB');
let agent, supervisor;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

test('hand back with a reason: no owner, back in unassigned, reason in the history', async () => {
  const x = await A.createTicket({ subject: `${T} back` });
  await agent.must(x.number, 'claim');
  await agent.must(x.number, 'status', { to: 'in_progress' });
  assert.ok(!(await agent.numbers('unassigned', { q: T })).includes(x.number));
  const reason = `${T} 需要硬件工程师处理`;
  const p = await agent.must(x.number, 'hand_back', { reason });
  assert.match(p.flash, /已退回团队队列/);
  assert.match(p.owner, /未分配/);
  assert.ok(p.owner.includes('售后工程师组'), 'stays in the team');
  assert.equal(p.status, 'classified');
  assert.ok(p.thread.includes(reason), 'reason recorded');
  assert.ok(p.thread.includes('退回团队队列'));
  assert.ok(p.forms.includes('claim'), 'claimable again');
  assert.ok((await agent.numbers('unassigned', { q: T })).includes(x.number), 'back in unassigned');
  assert.ok(!(await agent.numbers('mine', { q: T })).includes(x.number), 'not mine any more');
  // and it can be claimed again
  const again = await agent.must(x.number, 'claim');
  assert.equal(again.status, 'accepted');
});

test('hand back without a reason answers 422 and changes nothing', async () => {
  const x = await A.createTicket({ subject: `${T} noreason` });
  await agent.must(x.number, 'claim');
  for (const reason of ['', '  ']) {
    const res = await agent.act(x.number, 'hand_back', { reason });
    assert.equal(res.status, 422);
    assert.match(L.text(res.body), /请填写原因/);
  }
  const p = await agent.ticket(x.number);
  assert.ok(p.owner.startsWith(A.PEOPLE.agent.name), 'still mine');
  assert.equal(p.status, 'accepted');
});

test('only the owner hands back', async () => {
  const x = await A.createTicket({ subject: `${T} notowner` });
  await supervisor.must(x.number, 'claim');
  const p = await agent.ticket(x.number);
  assert.ok(!p.forms.includes('hand_back'), 'no hand-back form for a non-owner');
  const res = await agent.act(x.number, 'hand_back', { reason: 'not mine' });
  assert.equal(res.status, 403);
  const after = await supervisor.ticket(x.number);
  assert.ok(after.owner.startsWith(A.PEOPLE.supervisor.name));
  assert.equal(after.status, 'accepted');
  // an unowned ticket cannot be handed back either
  const y = await A.createTicket({ subject: `${T} unowned` });
  assert.equal((await agent.act(y.number, 'hand_back', { reason: 'x' })).status, 403);
});
