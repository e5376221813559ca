'use strict';
// Classification: a new ticket becomes classified; changing its category
// re-routes it to that category's team; the nature is recorded; invalid
// choices are refused.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 73;
const T = A.tag('CL');
let agent, supervisor, trainer;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  trainer = await A.desk('trainer', L.addr(FILE, 3));
});

test('a category change re-routes the ticket to the new category\'s team', async () => {
  const x = await A.createTicket({ subject: `${T} reroute` });
  assert.ok((await agent.numbers('unassigned', { q: T })).includes(x.number));
  const p = await supervisor.must(x.number, 'classify', { category: A.CATEGORIES.usage, nature: 'usage' });
  assert.match(p.flash, /已完成分类/);
  assert.equal(p.status, 'classified', 'new -> classified');
  assert.ok(p.head.includes('使用咨询'), 'the new category is shown');
  assert.ok(p.owner.includes('产品培训组'), `now in the training team: ${p.owner}`);
  assert.ok(p.thread.includes('将类型改为'), 'the change is in the history');
  assert.ok(['usage', '使用操作'].includes(p.nature), `nature recorded: ${p.nature}`);
  assert.ok((await trainer.numbers('unassigned', { q: T })).includes(x.number), 'in the training queue');
  assert.ok(!(await agent.numbers('unassigned', { q: T })).includes(x.number), 'left the after-sales queue');
  assert.equal((await agent.ticket(x.number)).res.status, 404, 'the after-sales agent no longer sees it');
});

test('an agent classifies within their team; the nature alone keeps the team', async () => {
  const x = await A.createTicket({ subject: `${T} nature` });
  const p = await agent.must(x.number, 'classify', { category: A.CATEGORIES.fault, nature: 'performance' });
  assert.equal(p.status, 'classified');
  assert.ok(p.owner.includes('售后工程师组'), 'team unchanged');
  assert.ok(['performance', '性能'].includes(p.nature), `nature recorded: ${p.nature}`);
  assert.ok(!p.thread.includes('将类型改为'), 'no category change recorded');
  // an agent re-routing a ticket away: accepted, and it then leaves their sight
  const y = await A.createTicket({ subject: `${T} agent reroute` });
  const res = await agent.act(y.number, 'classify', { category: A.CATEGORIES.customisation, nature: '' });
  assert.equal(res.status, 303);
  const s = await supervisor.ticket(y.number);
  assert.ok(s.owner.includes('产品经理组'), s.owner);
  assert.ok(s.head.includes('定制需求'));
});

test('an unknown category or nature is refused with 422 and nothing changes', async () => {
  const x = await A.createTicket({ subject: `${T} invalid` });
  const badCat = await supervisor.act(x.number, 'classify', { category: 999, nature: '' });
  assert.equal(badCat.status, 422);
  const badNature = await supervisor.act(x.number, 'classify', { category: A.CATEGORIES.usage, nature: 'astrology' });
  assert.equal(badNature.status, 422);
  const p = await supervisor.ticket(x.number);
  assert.equal(p.status, 'new');
  assert.ok(p.head.includes('产品故障'));
  assert.ok(p.owner.includes('售后工程师组'));
});
