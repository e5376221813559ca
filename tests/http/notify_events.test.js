'use strict';
// Which events mail whom, beyond intake and replies:
//  - resolving a ticket mails the customer "ticket_resolved" once;
//  - a supervisor's assignment mails the assignee "new_assignment" once;
//  - messages that could not be sent are listed for admins only, who can
//    send them again (/agent/outbox).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 97;
const T = A.tag('NE');
const address = (what) => `${T.toLowerCase()}-${what}@example.com`;
const mailsTo = (addr) => S.readMails().filter((m) => S.mailTo(m, addr));

async function settle(addr, n) {
  await S.waitFor(() => mailsTo(addr).length >= n, `${n} mail(s) to ${addr}`, { timeout: L.slow(60000) });
  S.schedulerOnce();
  return mailsTo(addr);
}

test('resolving a ticket mails the customer "ticket_resolved" once, with the summary', async () => {
  const email = address('resolved');
  const x = await A.createTicket({ subject: `${T} resolve`, customer: { name: '解决客户', email } });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'status', { to: 'resolved', reason: `${T} 已更换主板并完成测试` });
  const got = await settle(email, 2);
  const resolved = got.filter((m) => m.subject.includes(x.number) && !m.subject.includes('已受理'));
  assert.equal(resolved.length, 1, `one more mail after the created one: ${got.map((m) => m.subject).join(' | ')}`);
  assert.ok(resolved[0].body.includes('已更换主板并完成测试'), `the summary is in the mail: ${resolved[0].body}`);
  assert.ok(resolved[0].body.includes(x.link), 'with the private follow link');
});

test('an assignment mails the assignee "new_assignment" once; a claim mails nobody', async () => {
  const before = mailsTo('agent@desk.example').length;
  const x = await A.createTicket({ subject: `${T} assign` });
  const sup = await A.desk('supervisor', L.addr(FILE, 2));
  await sup.must(x.number, 'assign', { agent: A.PEOPLE.agent.id, reason: `${T} 熟悉该客户` });
  await S.waitFor(() => mailsTo('agent@desk.example').length > before, 'the assignment mail', { timeout: L.slow(60000) });
  S.schedulerOnce();
  const mine = mailsTo('agent@desk.example').filter((m) => m.subject.includes(x.number));
  assert.equal(mine.length, 1, `one mail to the assignee: ${mine.map((m) => m.subject).join(' | ')}`);
  assert.ok(mine[0].body.includes(`/agent/t/${x.number}`), 'with the link into the workspace');
  assert.ok(!mine[0].body.includes('熟悉该客户'), 'the internal reason stays out of the mail');
});

test('failed notifications are an admin page: agents and supervisors get 403', async () => {
  const admin = await A.desk('admin', L.addr(FILE, 3));
  const page = await admin.page('/agent/outbox');
  assert.equal(page.status, 200);
  assert.match(page.body, /发送失败的通知/);
  for (const role of ['agent', 'supervisor']) {
    const d = await A.desk(role, L.addr(FILE, role === 'agent' ? 4 : 5));
    const res = await d.page('/agent/outbox');
    assert.equal(res.status, 403, `${role}: 403`);
  }
});

test('a customer who prefers the phone also gets a text message; without a gateway it fails at once and an admin sees it and can queue it again', async () => {
  const phone = `139${String(Date.now()).slice(-8)}`;
  const c = L.client({ localAddress: L.addr(FILE, 6) });
  const x = await c.createTicket('fault', { email: address('sms'), phone, preferred_contact: 'phone', subject: `${T} sms` });
  assert.ok(x.number, 'the ticket was created');
  const admin = await A.desk('admin', L.addr(FILE, 7));
  let page;
  await S.waitFor(async () => {
    page = await admin.page('/agent/outbox');
    return page.body.includes(phone);
  }, 'the failed text message on the admin page', { timeout: L.slow(30000) });
  assert.match(page.body, /ticket_created \(sms\)/, 'named as the intake message, by SMS');
  const id = (page.body.match(new RegExp(`/agent/outbox/(\\d+)/retry"[^]*?`)) || [])[1];
  assert.ok(id, 'a retry button');
  const res = await admin.client.post(`/agent/outbox/${id}/retry`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 303);
  assert.match(res.headers.location, /done=retry/);
});
