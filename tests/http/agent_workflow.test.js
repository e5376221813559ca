'use strict';
// Status changes follow the workflow: accepted -> in_progress ->
// waiting_customer -> in_progress -> solution_proposed -> in_execution ->
// resolved -> closed, and reopen closed -> in_progress. Illegal moves are
// refused with 422 and a clear message, and change nothing.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 72;
const T = A.tag('WF');
let agent, supervisor;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

/** The target states offered in the status form. */
function offered(html) {
  const f = html.match(/<form[^>]*class="act act-status"[\s\S]*?<\/form>/);
  return f ? [...f[0].matchAll(/<option value="(\w+)"/g)].map((m) => m[1]) : [];
}

test('the whole way from accepted to closed, and reopen', async () => {
  const x = await A.createTicket({ subject: `${T} path` });
  let p = await agent.must(x.number, 'claim');
  assert.equal(p.status, 'accepted');
  const steps = [
    ['in_progress', '已开始处理'], ['waiting_customer', '等客户提供日志'], ['in_progress', ''],
    ['solution_proposed', '建议升级'], ['in_execution', '客户已确认'], ['resolved', '升级完成'],
    ['closed', '客户验收'], ['in_progress', '客户反馈问题复现'],
  ];
  for (const [to, reason] of steps) {
    assert.ok(offered(p.html).includes(to), `${p.status} -> ${to} is offered`);
    p = await agent.must(x.number, 'status', { to, reason });
    assert.match(p.flash, /已变更状态/);
    assert.equal(p.status, to, `now ${to}`);
    if (reason) assert.ok(p.thread.includes(reason), `the reason "${reason}" is in the history`);
  }
  // every change is in the history with who did it
  const changes = p.threadHtml.split('<li').filter((li) => /将状态改为/.test(li));
  assert.ok(changes.length >= steps.length, `${changes.length} status changes recorded`);
  assert.ok(changes.every((li) => A.strip(li).includes(A.PEOPLE.agent.name)));
  // resolution clock: stopped while resolved/closed, running again after reopen
  assert.ok(p.clocks['解决'].iso, 'the resolution clock runs again after the reopen');
  // the reopened ticket is open work again
  assert.ok((await agent.numbers('mine', { q: T })).includes(x.number), 'back in mine');
  assert.ok(!(await agent.numbers('closed', { q: T })).includes(x.number), 'not in closed any more');
});

test('illegal transitions are refused with 422 and a clear message; nothing changes', async () => {
  const x = await A.createTicket({ subject: `${T} illegal` });
  // new -> closed
  const res = await supervisor.act(x.number, 'status', { to: 'closed' });
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /当前状态下不能进行这个操作/);
  let p = await supervisor.ticket(x.number);
  assert.equal(p.status, 'new');
  assert.ok(!offered(p.html).includes('closed'), 'closed is not offered for a new ticket');
  await agent.must(x.number, 'claim');
  for (const to of ['closed', 'in_execution', 'new', 'waiting_customer', 'solution_proposed']) {
    const r = await agent.act(x.number, 'status', { to });
    assert.equal(r.status, 422, `accepted -> ${to}`);
    assert.match(L.text(r.body), /当前状态下不能进行这个操作/);
  }
  p = await agent.ticket(x.number);
  assert.equal(p.status, 'accepted');
  assert.ok(!p.thread.includes('将状态改为 已关闭'));
  // an unknown status is invalid input
  const bogus = await agent.act(x.number, 'status', { to: 'vanished' });
  assert.equal(bogus.status, 422);
  // resolved -> waiting_customer is not a step either
  await agent.must(x.number, 'status', { to: 'resolved' });
  const back = await agent.act(x.number, 'status', { to: 'waiting_customer' });
  assert.equal(back.status, 422);
  assert.equal((await agent.ticket(x.number)).status, 'resolved');
});

test('only someone who works on the ticket changes its status', async () => {
  const x = await A.createTicket({ subject: `${T} notmine` });
  await supervisor.must(x.number, 'claim');
  const p = await agent.ticket(x.number);
  assert.equal(offered(p.html).length, 0, 'no status form for a team member who is not owner');
  const res = await agent.act(x.number, 'status', { to: 'in_progress' });
  assert.equal(res.status, 403);
  assert.equal((await supervisor.ticket(x.number)).status, 'accepted');
});
