'use strict';
// The customer replies on the follow page: the message joins the thread (and
// the agent's page), a ticket waiting on the customer goes back to in
// progress, an empty reply keeps the page with a message, no CSRF no reply.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 96;
const T = A.tag('PR');

test('a customer reply joins the thread and ends the wait on the customer', async () => {
  const x = await A.createTicket({ subject: `${T} reply` });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'status', { to: 'waiting_customer' });
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${x.token}`);
  const csrf = L.hidden(page.body, 'csrf');
  assert.ok(csrf, 'the follow page carries a reply form');
  const text = `${T} 已按要求重启服务，问题依旧 <b>x</b>`;
  const res = await c.post(`/t/${x.token}/reply`, { form: { csrf, body: text } });
  assert.equal(res.status, 303);
  const after = await c.get(res.headers.location);
  assert.match(after.body, /已发送/);
  assert.ok(after.body.includes(`${T} 已按要求重启服务，问题依旧 &lt;b&gt;x&lt;/b&gt;`), 'the message, escaped, in the thread');
  const doc = (await A.api().api('GET', `/api/v1/tickets/${x.number}`)).json();
  assert.equal(doc.status, 'in_progress', 'back with the desk');
  const p = await sup.ticket(x.number);
  assert.ok(p.res.body.includes('已按要求重启服务'), 'the agent sees it');
});

test('an empty reply or one without the csrf field changes nothing', async () => {
  const x = await A.createTicket({ subject: `${T} empty` });
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const page = await c.get(`/t/${x.token}`);
  const csrf = L.hidden(page.body, 'csrf');
  const empty = await c.post(`/t/${x.token}/reply`, { form: { csrf, body: '  ' } });
  assert.equal(empty.status, 422);
  assert.match(empty.body, /此项必填/);
  const forged = await c.post(`/t/${x.token}/reply`, { form: { body: `${T} forged` } });
  assert.equal(forged.status, 422);
  assert.ok(forged.body.includes(`${T} forged`), 'the typed text is kept');
  const doc = (await A.api().api('GET', `/api/v1/tickets/${x.number}`)).json();
  assert.ok(!doc.events.some((e) => e.kind === 'comment'), 'no message was recorded');
});
