'use strict';
// The service acceptance form (服务验收单): a resolved ticket asks the
// customer to sign; accepted closes it; not accepted (with remarks) reopens
// it to its owner; the signed form is archived and the thread says so.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 93;
const T = A.tag('AC');
const status = async (n) => (await A.api().api('GET', `/api/v1/tickets/${n}`)).json().status;

async function resolved(subject) {
  const x = await A.createTicket({ subject: `${T} ${subject}` });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'status', { to: 'resolved', reason: `${T} 更换了电源模块，序列号 SN-778` });
  return { ...x, sup };
}

test('the customer signs "accepted": the ticket closes and the thread records the signature', async () => {
  const x = await resolved('accept');
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${x.token}`);
  assert.match(page.body, /服务验收单/);
  assert.ok(page.body.includes('更换了电源模块，序列号 SN-778'), 'the work done is on the form');
  const csrf = L.hidden(page.body, 'csrf');
  const res = await c.post(`/t/${x.token}/accept`, { form: { csrf, result: 'accepted', signed_name: '李主任' } });
  assert.equal(res.status, 303);
  assert.equal(await status(x.number), 'closed');
  const after = await c.get(res.headers.location);
  assert.match(after.body, /已收到您的验收签署/);
  assert.match(L.text(after.body), /李主任\s*签署了验收单：通过/);
  const printed = await c.get(`/t/${x.token}/acceptance`);
  assert.equal(printed.status, 200, 'the signed form is archived for printing');
  assert.ok(printed.body.includes('更换了电源模块，序列号 SN-778') && printed.body.includes('李主任'), 'as signed');
  assert.match(printed.body, /通过验收/);
});

test('"not accepted" needs remarks, then reopens the ticket to its owner', async () => {
  const x = await resolved('reject');
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const page = await c.get(`/t/${x.token}`);
  const csrf = L.hidden(page.body, 'csrf');
  const bare = await c.post(`/t/${x.token}/accept`, { form: { csrf, result: 'rejected', signed_name: '李主任' } });
  assert.equal(bare.status, 422, 'remarks are required to reject');
  assert.equal(await status(x.number), 'resolved');
  const res = await c.post(`/t/${x.token}/accept`, { form: { csrf, result: 'rejected', remarks: `${T} 设备仍然间歇性断电`, signed_name: '李主任' } });
  assert.equal(res.status, 303);
  assert.equal(await status(x.number), 'in_progress');
  const p = await x.sup.ticket(x.number);
  assert.ok(p.res.body.includes('设备仍然间歇性断电'), 'the owner sees why');
  assert.match(p.res.body, /验收未通过，重新打开/);
  assert.ok(!/李主任\s*验收未通过，重新打开：?\s*李主任/.test(A.strip(p.res.body)), 'the signer is named once');
});
