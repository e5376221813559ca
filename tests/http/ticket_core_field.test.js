'use strict';
// A core ticket field declared by one row of the table (customer_ref, the
// customer's own reference, 客户单号): it goes in through the portal form,
// the agents' intake and the API (customer_reference), within its limit, and
// comes back on the customer's page, the agents' ticket page and the API's
// JSON.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 252;
const T = A.tag('CR');
let portal, supervisor, agent;

test.before(async () => {
  portal = L.client({ localAddress: L.addr(FILE, 1) });
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  agent = await A.desk('agent', L.addr(FILE, 3));
});

/** The customer's reference as the agents' ticket page shows it. */
async function onAgentPage(number) {
  const res = await supervisor.page(`/agent/t/${encodeURIComponent(number)}`);
  assert.equal(res.status, 200);
  return A.dd(res.body, '客户单号');
}

test('the portal form asks for it, optional, with its limit; it comes back everywhere', async () => {
  const form = await portal.openForm('fault');
  assert.match(form.res.body, /<label for="f-customer_ref">客户单号<\/label>/);
  assert.match(form.res.body, /<input id="f-customer_ref" name="customer_ref" type="text" value="" data-maxchars="64"/);
  assert.doesNotMatch(form.res.body, /name="customer_ref"[^>]*required/, 'optional');
  const ref = `PO-${T} 订单`;
  const made = await portal.createTicket('fault', { customer_ref: ref, subject: `${T} portal` });
  assert.equal(A.dd(made.page.body, '客户单号'), ref, 'the customer sees it on the ticket page');
  assert.equal(await onAgentPage(made.number), ref, 'the agents see it');
});

test('over its limit the portal form says so next to it and keeps the text', async () => {
  const long = 'R'.repeat(65);
  const { res } = await portal.submit('fault', { customer_ref: long });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'customer_ref'), 'the error is next to the field');
  assert.match(res.body, new RegExp(`name="customer_ref" type="text" value="${long}"`), 'input kept');
  assert.match(res.body, /href="#f-customer_ref"><strong>客户单号<\/strong>/, 'listed in the summary');
});

test('an agent registers it with a phone request', async () => {
  const res = await agent.client.post('/agent/new', {
    form: {
      csrf: agent.csrf, category: 'fault', channel: 'phone', contact_name: '赵客户',
      phone: '13800138000', subject: `${T} 电话报修`, description: '客户来电报修。',
      impact: 'individual', product: 'P-300', cf_fault_kind: 'hardware', cf_symptoms: '卡纸',
      cf_reproduce: '打印', customer_ref: `HT-${T}`,
    },
  });
  assert.equal(res.status, 303, `intake: ${res.status} ${L.text(res.body).slice(0, 300)}`);
  const number = res.headers.location.match(/\/agent\/t\/([^?]+)/)[1];
  assert.equal(await onAgentPage(number), `HT-${T}`);
  const page = await agent.page('/agent/new?category=fault');
  assert.match(page.body, /name="customer_ref"/, 'the intake form has it');
});

test('the API takes customer_reference, checks it by its rule and reads it back', async () => {
  const api = L.client();
  const res = await api.api('POST', '/api/v1/tickets', L.apiTicket({ customer_reference: `CRM-${T}` }));
  assert.equal(res.status, 201, res.body);
  const number = res.json().number;
  const read = (await api.api('GET', `/api/v1/tickets/${number}`)).json();
  assert.equal(read.customer_reference, `CRM-${T}`);
  const token = new URL(res.json().link).pathname;
  const page = await portal.get(token);
  assert.equal(A.dd(page.body, '客户单号'), `CRM-${T}`, 'the customer sees what their system sent');
  const bad = await api.api('POST', '/api/v1/tickets', L.apiTicket({ customer_reference: 42 }));
  assert.equal(bad.status, 422);
  assert.equal(bad.json().error.field, 'customer_reference');
  const long = await api.api('POST', '/api/v1/tickets', L.apiTicket({ customer_reference: 'x'.repeat(65) }));
  assert.equal(long.status, 422);
  assert.match(long.json().error.message, /longer than 64 characters/);
  const none = await api.api('POST', '/api/v1/tickets', L.apiTicket());
  const plain = (await api.api('GET', `/api/v1/tickets/${none.json().number}`)).json();
  assert.equal(plain.customer_reference, '', 'none given: an empty string, never another type');
});
