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

/** The target states the page offers: its status forms (steps and panels). */
function offered(html) {
  return [...html.matchAll(/<form[^>]*class="act act-status"[^>]*>[\s\S]*?<\/form>/g)]
    .map((f) => (f[0].match(/name="to" value="(\w+)"/) || [])[1]).filter(Boolean);
}

test('the whole way from accepted to closed, and reopen', async () => {
  const x = await A.createTicket({ subject: `${T} path` });
  let p = await agent.must(x.number, 'claim');
  assert.equal(p.status, 'accepted');
  const move = async (to, reason) => {
    assert.ok(offered(p.html).includes(to), `${p.status} -> ${to} is offered (offers ${offered(p.html).join(', ')})`);
    p = await agent.must(x.number, 'status', { to, reason });
    assert.match(p.flash, /已变更状态/);
    assert.equal(p.status, to, `now ${to}`);
    if (reason) assert.ok(p.thread.includes(reason), `the reason "${reason}" is in the history`);
  };
  await move('in_progress', '已开始处理');
  await move('waiting_customer', '等客户提供日志');
  await move('in_progress', '');
  // a solution goes to the customer through its own form, and comes back confirmed
  p = await agent.must(x.number, 'propose_solution', { delivery: 'patch', steps: '安装补丁 5.2.1', expected: '导出恢复', risks: '服务中断 10 分钟' });
  assert.equal(p.status, 'solution_proposed');
  assert.ok(!offered(p.html).includes('in_execution'), 'execution waits for the customer\'s confirmation');
  p = await agent.must(x.number, 'record_confirmation', { via: 'phone', name: '王先生', note: '电话确认同意升级' });
  assert.equal(p.status, 'in_execution');
  await move('resolved', '升级完成');
  await move('closed', '远程验证通过');
  await move('in_progress', '客户反馈问题复现');
  // every change is in the history with who did it
  const changes = p.threadHtml.split('<li').filter((li) => /将状态改为/.test(li));
  assert.ok(changes.length >= 9, `${changes.length} status changes recorded`);
  assert.ok(changes.every((li) => A.strip(li).includes(A.PEOPLE.agent.name)));
  // resolution clock: stopped while resolved/closed, running again after reopen
  assert.ok(p.clocks['解决'].iso, 'the resolution clock runs again after the reopen');
  // the reopened ticket is open work again
  assert.ok((await agent.numbers('mine', { q: T })).includes(x.number), 'back in mine');
  assert.ok(!(await agent.numbers('closed', { q: T })).includes(x.number), 'not in closed any more');
});

test('a proposal and its confirmation have forms of their own: no bare status change skips them', async () => {
  const x = await A.createTicket({ subject: `${T} own forms` });
  await agent.must(x.number, 'claim');
  await agent.must(x.number, 'status', { to: 'in_progress' });
  const bare = await agent.act(x.number, 'status', { to: 'solution_proposed' });
  assert.equal(bare.status, 422, 'a proposal without its content is refused');
  await agent.must(x.number, 'propose_solution', { delivery: 'remote', steps: '远程修复', expected: '恢复', risks: '无' });
  const skip = await agent.act(x.number, 'status', { to: 'in_execution' });
  assert.equal(skip.status, 422, 'execution without the customer\'s confirmation is refused');
  assert.match(L.text(skip.body), /当前状态下不能进行这个操作/);
  assert.equal((await agent.ticket(x.number)).status, 'solution_proposed');
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
