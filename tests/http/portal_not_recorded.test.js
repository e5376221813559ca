'use strict';
// The customer is never thanked for something that was not stored: a
// signature on a ticket that is not awaiting acceptance, a confirmation or
// a question with no proposal pending, a close request on a resolved or
// closed ticket (another tab, a second click, an old page) answer 409 on
// the follow page, saying that nothing was recorded and why; typed text is
// kept.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 122;
const T = A.tag('NR');
const status = async (n) => (await A.api().api('GET', `/api/v1/tickets/${n}`)).json().status;
const events = async (n) => (await A.api().api('GET', `/api/v1/tickets/${n}`)).json().events.map((e) => e.kind);

async function follow(x, n) {
  const c = L.client({ localAddress: L.addr(FILE, n) });
  const page = await c.get(`/t/${x.token}`);
  assert.equal(page.status, 200);
  return { c, csrf: L.hidden(page.body, 'csrf') };
}

function notRecorded(res, why) {
  assert.equal(res.status, 409, `expected 409, got ${res.status} ${res.headers.location || ''}`);
  assert.equal(res.headers.location, undefined, 'no redirect to a thank-you page');
  const text = L.text(res.body);
  assert.match(text, /未记录任何内容/);
  assert.match(text, why);
  assert.doesNotMatch(text, /已收到您的验收签署|您已确认方案|已收到您的关闭申请/, 'no thanks');
}

test('signing the acceptance form of a ticket that is not resolved records nothing and says so', async () => {
  const x = await A.createTicket({ subject: `${T} sign early` });
  const { c, csrf } = await follow(x, 1);
  const before = await events(x.number);
  const res = await c.post(`/t/${x.token}/accept`, { form: { csrf, result: 'accepted', signed_name: '李主任' } });
  notRecorded(res, /不在等待验收/);
  assert.match(L.text(res.body), /当前状态：\s*已提交/, 'the current status is named');
  assert.equal(await status(x.number), 'new');
  assert.deepEqual(await events(x.number), before, 'no event was added');
});

test('confirming or questioning when no proposal is pending records nothing; the question is kept', async () => {
  const x = await A.createTicket({ subject: `${T} confirm early` });
  const { c, csrf } = await follow(x, 2);
  const conf = await c.post(`/t/${x.token}/confirm`, { form: { csrf, confirm_name: '王经理' } });
  notRecorded(conf, /没有等待您确认的方案/);
  const q = `${T} 补丁需要重启服务器吗？`;
  const ask = await c.post(`/t/${x.token}/question`, { form: { csrf, question: q } });
  notRecorded(ask, /没有等待确认的方案/);
  assert.equal(A.textarea(ask.body, 'f-body'), q, 'the question waits in the reply box');
  assert.equal(await status(x.number), 'new');
  assert.deepEqual(await events(x.number), ['created']);
});

test('a second signature (another tab) is not thanked again; the first one stands', async () => {
  const x = await A.createTicket({ subject: `${T} sign twice` });
  const sup = await A.desk('supervisor', L.addr(FILE, 3));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'status', { to: 'resolved', reason: `${T} 已更换电源` });
  const { c, csrf } = await follow(x, 4);
  const first = await c.post(`/t/${x.token}/accept`, { form: { csrf, result: 'accepted', signed_name: '李主任' } });
  assert.equal(first.status, 303);
  assert.match(first.headers.location, /\?signed=1$/);
  const second = await c.post(`/t/${x.token}/accept`, { form: { csrf, result: 'rejected', remarks: '还是不行', signed_name: '李主任' } });
  notRecorded(second, /不在等待验收/);
  assert.match(L.text(second.body), /当前状态：\s*已关闭/);
  assert.equal(await status(x.number), 'closed', 'the second answer reopened nothing');
});

test('asking to close a resolved ticket records nothing and points to the acceptance form', async () => {
  const x = await A.createTicket({ subject: `${T} close resolved` });
  const sup = await A.desk('supervisor', L.addr(FILE, 5));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'status', { to: 'resolved', reason: `${T} 已处理` });
  const { c, csrf } = await follow(x, 6);
  const before = await events(x.number);
  const res = await c.post(`/t/${x.token}/close`, { form: { csrf, close_reason: `${T} 不用了` } });
  notRecorded(res, /已解决或已关闭/);
  assert.match(res.body, /服务验收单/, 'the acceptance form is on the page');
  assert.deepEqual(await events(x.number), before);
});
