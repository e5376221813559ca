'use strict';
// Solution confirmation (方案确认): the agent proposes steps, expected result,
// risks and how it is delivered; the customer's follow page asks for a
// written confirmation (their name) or a question; confirming moves the
// ticket to execution and keeps who confirmed; a question sends it back.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 95;
const T = A.tag('SO');

async function proposed(subject) {
  const x = await A.createTicket({ subject: `${T} ${subject}` });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'propose_solution', {
    delivery: 'remote', steps: `${T} 1. 备份数据库 2. 安装补丁 5.2.1`, expected: '导出报表恢复正常', risks: '安装期间服务中断约 10 分钟',
  });
  return { ...x, sup };
}

const status = async (n) => (await A.api().api('GET', `/api/v1/tickets/${n}`)).json().status;

test('the customer confirms the proposal in writing; the ticket goes to execution', async () => {
  const x = await proposed('confirm');
  assert.equal(await status(x.number), 'solution_proposed');
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${x.token}`);
  assert.match(page.body, /请确认处理方案/);
  assert.ok(page.body.includes('安装补丁 5.2.1') && page.body.includes('远程协助'), 'the proposal as proposed');
  const csrf = L.hidden(page.body, 'csrf');
  const empty = await c.post(`/t/${x.token}/confirm`, { form: { csrf, confirm_name: '' } });
  assert.equal(empty.status, 422, 'a confirmation needs a name');
  const ok = await c.post(`/t/${x.token}/confirm`, { form: { csrf, confirm_name: '王经理' } });
  assert.equal(ok.status, 303);
  const after = await c.get(ok.headers.location);
  assert.match(after.body, /您已确认方案/);
  assert.equal(await status(x.number), 'in_execution');
  const p = await x.sup.ticket(x.number);
  assert.match(A.strip(p.res.body), /书面确认了方案，签名：\s*王经理/);
});

test('a question instead sends the ticket back to in progress with the message in the thread', async () => {
  const x = await proposed('question');
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const page = await c.get(`/t/${x.token}`);
  const csrf = L.hidden(page.body, 'csrf');
  const res = await c.post(`/t/${x.token}/question`, { form: { csrf, question: `${T} 补丁需要重启服务器吗？` } });
  assert.equal(res.status, 303);
  assert.equal(await status(x.number), 'in_progress');
  const p = await x.sup.ticket(x.number);
  assert.ok(p.res.body.includes('补丁需要重启服务器吗？'), 'the question reaches the agent');
  const again = await c.get(`/t/${x.token}`);
  assert.ok(!/请确认处理方案/.test(again.body), 'nothing left to confirm');
});
