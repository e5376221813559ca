'use strict';
// Claim (认领) makes the ticket accepted with me as owner; a supervisor
// assigns with a mandatory reason, which starts the 30-minute acceptance
// deadline; the assignee accepts (签收). Refusals keep what was typed.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

// It looks at times (the acceptance deadline is 30 minutes of wall time from
// the stack's now): run at the three instants of tests/run.sh (clock.js).
C.useTestInstant();

const FILE = 68;
const T = A.tag('CA');
let agent, supervisor, trainer;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  trainer = await A.desk('trainer', L.addr(FILE, 3));
});

test('claim: the ticket becomes accepted and mine; nobody else can claim it then', async () => {
  const x = await A.createTicket({ subject: `${T} claim` });
  const before = await agent.ticket(x.number);
  assert.ok(before.forms.includes('claim'), 'a claim button on an unowned ticket');
  const p = await agent.must(x.number, 'claim');
  assert.match(p.flash, /已认领工单/, 'confirmation shown');
  assert.ok(p.flash.includes(x.number));
  assert.equal(p.status, 'accepted');
  assert.ok(p.owner.startsWith(A.PEOPLE.agent.name), `owner is me: ${p.owner}`);
  assert.ok(p.owner.includes('售后工程师组'), 'team kept');
  assert.ok(p.thread.includes('认领了工单'));
  assert.ok(!p.forms.includes('claim'), 'no claim button any more');
  assert.ok(p.forms.includes('reply') && p.forms.includes('status'), 'the owner may work on it');
  // the supervisor (who could claim unowned tickets) cannot take it by claiming
  const s = await supervisor.ticket(x.number);
  assert.ok(!s.forms.includes('claim'));
  const res = await supervisor.act(x.number, 'claim');
  assert.ok([403, 409].includes(res.status), `second claim refused, got ${res.status}`);
  const after = await agent.ticket(x.number);
  assert.ok(after.owner.startsWith(A.PEOPLE.agent.name), 'still mine');
});

test('assign needs a reason: missing -> 422 and nothing changes; a refused assign keeps the typed reason', async () => {
  const x = await A.createTicket({ subject: `${T} assign` });
  const missing = await supervisor.act(x.number, 'assign', { agent: A.PEOPLE.agent.id, team: 0, reason: '' });
  assert.equal(missing.status, 422);
  assert.match(L.text(missing.body), /请填写原因/);
  const blank = await supervisor.act(x.number, 'assign', { agent: A.PEOPLE.agent.id, team: 0, reason: '   ' });
  assert.equal(blank.status, 422, 'blanks are no reason');
  let p = await supervisor.ticket(x.number);
  assert.equal(p.status, 'new');
  assert.match(p.owner, /未分配/);
  const typed = `${T} 客户点名要求张工处理`;
  const bad = await supervisor.act(x.number, 'assign', { agent: 999999, team: 0, reason: typed });
  assert.equal(bad.status, 422);
  assert.match(L.text(bad.body), /找不到该人员/);
  assert.equal(A.formInput(bad.body, 'assign', 'reason'), typed, 'the typed reason is kept');
  p = await supervisor.ticket(x.number);
  assert.equal(p.status, 'new');
  assert.ok(!p.thread.includes(typed), 'nothing recorded');

  // with a reason: assigned, and the acceptance deadline runs (30 min)
  const ok = await supervisor.must(x.number, 'assign', { agent: A.PEOPLE.agent.id, team: 0, reason: typed });
  assert.match(ok.flash, /已改派工单/);
  assert.equal(ok.status, 'assigned');
  assert.ok(ok.owner.startsWith(A.PEOPLE.agent.name));
  const clock = ok.clocks['签收'];
  assert.ok(clock && clock.iso, 'the acceptance deadline is shown');
  const minutes = (Date.parse(clock.iso) - C.now()) / 60e3;
  assert.ok(minutes > 28 && minutes <= 30.5, `due in about 30 minutes, got ${minutes.toFixed(1)}`);
  assert.ok(ok.thread.includes(typed), 'the reason is in the history');
  assert.ok(ok.thread.includes('改派给'), 'the assignment is in the history');

  // accept: only the assignee
  const sp = await supervisor.ticket(x.number);
  assert.ok(!sp.forms.includes('accept'), 'no accept button for others');
  const notMine = await supervisor.act(x.number, 'accept');
  assert.equal(notMine.status, 403);
  assert.equal((await trainer.act(x.number, 'accept', { version: 0 })).status, 404, 'another team cannot even see it');
  const ap = await agent.ticket(x.number);
  assert.ok(ap.forms.includes('accept'), 'the assignee has an accept button');
  const acc = await agent.must(x.number, 'accept');
  assert.match(acc.flash, /已签收工单/);
  assert.equal(acc.status, 'accepted');
  assert.equal(acc.clocks['签收'].state, 'done', 'the acceptance clock is done');
  assert.ok(!acc.forms.includes('accept'));
});

test('assign to a team only: back to that team\'s queue without owner', async () => {
  const x = await A.createTicket({ subject: `${T} to team` });
  await agent.must(x.number, 'claim');
  const p = await supervisor.must(x.number, 'assign', { agent: 0, team: A.TEAMS.training, reason: '属于使用咨询' });
  assert.equal(p.status, 'classified');
  assert.match(p.owner, /未分配/);
  assert.ok(p.owner.includes('产品培训组'), p.owner);
  assert.ok((await trainer.numbers('unassigned', { q: T })).includes(x.number), 'in the training team\'s unassigned queue');
  assert.equal((await agent.ticket(x.number)).res.status, 404, 'the previous owner no longer sees it');
});

test('reassigning to another person: the new owner must accept', async () => {
  const x = await A.createTicket({ category: 'usage', subject: `${T} reassign` });
  await trainer.must(x.number, 'claim');
  const p = await supervisor.must(x.number, 'assign', { agent: A.PEOPLE.agent.id, team: A.TEAMS.aftersales, reason: '需要工程师' });
  assert.equal(p.status, 'assigned');
  assert.ok(p.owner.startsWith(A.PEOPLE.agent.name));
  assert.ok(p.owner.includes('售后工程师组'));
  assert.ok((await agent.numbers('to_accept', { q: T })).includes(x.number));
  assert.ok(!(await trainer.numbers('mine', { q: T })).includes(x.number), 'gone from the old owner');
});
