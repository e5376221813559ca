'use strict';
// Intake by agents: search an existing customer (created earlier through the
// API) by email, register a phone ticket on their behalf with the category's
// form; validation errors answer 422 and keep what was typed.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 76;
const T = A.tag('IN');
const EMAIL = `zsf-${T.toLowerCase()}@example.com`;
// letters only: a query with 5 digits or more is looked up as a phone number
const NAME = `张三丰${T.replace(/\d/g, (d) => 'abcdefghij'[d])}`;
let agent, supervisor, earlier;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  earlier = await A.createTicket({ subject: `${T} earlier`, customer: { name: NAME, email: EMAIL, organisation: `${T} 武当机械` } });
});

/** The intake form for category fault and (optionally) a chosen customer. */
async function openForm(params) {
  const res = await agent.page(`/agent/new?${new URLSearchParams(params)}`);
  assert.equal(res.status, 200);
  return res;
}

function faultForm(extra = {}) {
  return {
    csrf: agent.csrf, category: 'fault', channel: 'phone', contact_name: NAME, subject: `${T} 电话报修：打印机卡纸`,
    description: '客户来电：设备型号 P-300 频繁卡纸。', impact: 'department', product: 'P-300',
    cf_fault_kind: 'hardware', cf_symptoms: '卡纸', cf_reproduce: '连续打印 20 页',
    ...extra,
  };
}

test('search finds the existing customer by email (and by name prefix)', async () => {
  const res = await openForm({ q: EMAIL, category: 'fault' });
  const hits = (res.body.match(/<ul class="hits">([\s\S]*?)<\/ul>/) || ['', ''])[1];
  assert.ok(A.strip(hits).includes(NAME), 'the customer is found by email');
  assert.ok(A.strip(hits).includes(`${T} 武当机械`), 'with the organisation');
  assert.match(hits, /href="\/agent\/new\?customer_id=\d+/, 'a link to use them');
  const byName = await openForm({ q: NAME.slice(0, -2) });
  assert.ok(A.strip(byName.body).includes(NAME), 'found by name too');
  const none = await openForm({ q: `nobody-${T.toLowerCase()}@example.com` });
  assert.match(L.text(none.body), /没有找到客户/);
});

test('register a phone ticket for the found customer: channel phone, their customer, done=created', async () => {
  const found = await openForm({ q: EMAIL, category: 'fault' });
  const link = A.decode(found.body.match(/href="(\/agent\/new\?customer_id=\d+[^"]*)"/)[1]);
  const customerId = new URL(link, 'http://x').searchParams.get('customer_id');
  const form = await openForm(Object.fromEntries(new URL(link, 'http://x').searchParams));
  assert.equal(L.hidden(form.body, 'customer_id'), customerId, 'the chosen customer is carried by the form');
  assert.ok(L.text(form.body).includes(NAME), 'the chosen customer is named');
  const res = await agent.client.post('/agent/new', { form: faultForm({ customer_id: customerId }) });
  assert.equal(res.status, 303, `intake: ${res.status} ${L.text(res.body).slice(0, 300)}`);
  const m = res.headers.location.match(/^\/agent\/t\/(\d{8}-\d{4,})\?done=created$/);
  assert.ok(m, `redirects to the new ticket with done=created: ${res.headers.location}`);
  const p = await agent.ticket(m[1], '?done=created');
  assert.equal(p.res.status, 200);
  assert.match(p.flash, /已登记工单/);
  assert.ok(p.head.includes('服务热线'), `channel phone: ${p.head}`);
  assert.ok(p.head.includes('产品故障'));
  assert.ok(p.text.includes(`客户 ${NAME}`), 'the existing customer');
  assert.ok(p.text.includes(`${T} 武当机械`), 'with their organisation');
  assert.ok(p.text.includes('硬件损坏') || p.text.includes('卡纸'), 'category fields stored');
  assert.ok(p.thread.includes(A.PEOPLE.agent.name), 'created by the agent');
  // the phone filter finds it, and it is in the team's unassigned queue
  assert.deepEqual(await agent.numbers('team', { q: T, channel: 2 }), [m[1]]);
  // the customer's earlier ticket and the new one share the customer
  const e = await supervisor.ticket(earlier.number);
  assert.ok(e.text.includes(`客户 ${NAME}`));
});

test('validation errors answer 422, show the errors and keep the input; nothing is created', async () => {
  await openForm({ category: 'fault' });
  const typedDescription = `${T} 客户描述：<很重要> 的内容 & 细节`;
  const res = await agent.client.post('/agent/new', {
    form: faultForm({ subject: '', email: 'not-an-email', description: typedDescription, cf_symptoms: '', contact_name: `${T} 新客户` }),
  });
  assert.equal(res.status, 422);
  for (const f of ['subject', 'email', 'cf_symptoms']) assert.ok(L.hasFieldError(res.body, f), `error shown for ${f}`);
  const ta = res.body.match(/<textarea[^>]*name="description"[^>]*>([\s\S]*?)<\/textarea>/);
  assert.equal(A.decode(ta[1]), typedDescription, 'the description is kept');
  assert.match(res.body, /name="email"[^>]*value="not-an-email"/, 'the bad email is shown back to fix');
  assert.match(res.body, new RegExp(`name="contact_name"[^>]*value="${T} 新客户"`));
  assert.match(res.body, /name="channel" value="phone" checked/, 'the channel choice is kept');
  // no contact at all
  const none = await agent.client.post('/agent/new', { form: faultForm({ subject: `${T} nocontact` }) });
  assert.equal(none.status, 422);
  assert.match(L.text(none.body), /请至少填写邮箱或电话之一/);
  // a bad channel
  const ch = await agent.client.post('/agent/new', { form: faultForm({ channel: 'pigeon', email: EMAIL }) });
  assert.equal(ch.status, 422);
  assert.ok(L.hasFieldError(ch.body, 'channel'));
  // nothing was registered
  assert.deepEqual(await agent.numbers('team', { q: `${T} nocontact` }), []);
  assert.equal((await supervisor.numbers('team', { q: `${T} 电话报修` })).length, 1, 'only the ticket registered above');
});

test('a new customer by walk-in with a phone number only', async () => {
  await openForm({ category: 'usage' });
  const phone = '136' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const res = await agent.client.post('/agent/new', {
    form: {
      csrf: agent.csrf, category: 'usage', channel: 'walk_in', contact_name: `${T} 到访客户`, phone,
      subject: `${T} 现场咨询报表用法`, description: '到访咨询。', impact: 'individual', product: 'DeskPro 5',
      cf_question_kind: 'howto',
    },
  });
  assert.equal(res.status, 303);
  const number = res.headers.location.match(/\/agent\/t\/([^?]+)/)[1];
  const p = await supervisor.ticket(number);
  assert.ok(p.head.includes('现场受理'), 'channel walk-in');
  assert.ok(p.head.includes('使用咨询'));
  assert.ok(p.owner.includes('产品培训组'), 'routed to the training team');
  assert.equal((await supervisor.act(number, 'reveal', { version: 0 })).status, 303);
  assert.ok((await supervisor.ticket(number)).html.includes(phone), 'the phone number was stored (revealed)');
});

test('the agent who registers a ticket for another team sees its confirmation page', async () => {
  await openForm({ category: 'complaint' });
  const res = await agent.client.post('/agent/new', {
    form: {
      csrf: agent.csrf, category: 'complaint', channel: 'phone', contact_name: `${T} 投诉客户`, email: `cp-${T.toLowerCase()}@example.com`,
      subject: `${T} 电话投诉：响应太慢`, description: '客户来电投诉。', impact: 'individual', product: 'DeskPro 5',
      cf_complaint_kind: 'slow', cf_event_time: '2026-01-05T10:30',
    },
  });
  assert.equal(res.status, 303, `intake: ${res.status} ${L.text(res.body).slice(0, 200)}`);
  const m = res.headers.location.match(/^\/agent\/t\/([^?]+)\?done=created$/);
  assert.ok(m);
  assert.ok((await supervisor.ticket(m[1])).owner.includes('服务主管组'), 'routed to the supervisors');
  const page = await agent.get(res.headers.location);
  assert.equal(page.status, 200, 'the confirmation after "success" must not be a 404 page');
  assert.match(L.text(page.body), /已登记工单/);
});

test('an unknown customer_id is refused as invalid input (422), keeping the input', async () => {
  await openForm({ category: 'fault' });
  const typed = `${T} 描述保留`;
  const res = await agent.client.post('/agent/new', { form: faultForm({ customer_id: '99999999', description: typed, subject: `${T} ghost customer` }) });
  assert.equal(res.status, 422, 'a forged customer is a validation error, not "service unavailable"');
  assert.ok(res.body.includes(typed), 'input kept');
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} ghost customer` }), []);
});
