'use strict';
// POST /api/v1/tickets: 201 with {number, link, duplicate:false} and a
// Location header; the link is the ticket's private page.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const C = require('./clock');

// It looks at times (the number's date is the stack's local date): run at the
// three instants of tests/run.sh (clock.js).
C.useTestInstant();

const c = L.client({ localAddress: L.addr(27) });

test('create answers 201 with number, link, duplicate:false and Location', async () => {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'api create basic' }));
  assert.equal(res.status, 201, res.body);
  assert.match(res.headers['content-type'], /^application\/json/);
  const doc = res.json();
  assert.match(doc.number, L.NUMBER_RE);
  assert.equal(L.period(doc.number), L.todayShanghai(new Date(C.now())), 'the date part is the stack\'s local date');
  assert.equal(doc.duplicate, false);
  assert.equal(res.headers.location, `/api/v1/tickets/${doc.number}`);
  const link = new URL(doc.link);
  assert.match(link.pathname, /^\/t\/[A-Za-z0-9_-]{32,}$/);
  assert.ok(!doc.link.includes(doc.number), 'the link is not the number');
  // the link is the customer's page of this ticket
  const page = await c.get(link.pathname);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(doc.number));
  assert.ok(page.body.includes('api create basic'));
  // and the Location can be read
  const read = await c.api('GET', res.headers.location);
  assert.equal(read.status, 200);
  assert.equal(read.json().number, doc.number);
});

test('each category can be created with its own fields', async () => {
  const cases = [
    ['fault', { fault_kind: 'software', symptoms: 's', reproduce: 'r' }],
    ['usage', { question_kind: 'process' }],
    ['complaint', { complaint_kind: 'attitude', event_time: '2026-01-05T10:30' }],
    ['customisation', { request_kind: 'adaptation', business_goal: 'faster invoicing' }],
  ];
  for (const [category, fields] of cases) {
    const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ category, fields }));
    assert.equal(res.status, 201, `${category}: ${res.body}`);
    const doc = (await c.api('GET', `/api/v1/tickets/${res.json().number}`)).json();
    assert.equal(doc.category, category);
    assert.equal(doc.channel, 'api');
  }
});

test('priority given by the caller is used; otherwise it follows the impact', async () => {
  const given = await c.api('POST', '/api/v1/tickets', L.apiTicket({ priority: 'urgent', impact: 'none' }));
  assert.equal(given.status, 201, given.body);
  assert.equal((await c.api('GET', `/api/v1/tickets/${given.json().number}`)).json().priority, 'urgent');
  const derived = await c.api('POST', '/api/v1/tickets', L.apiTicket({ impact: 'company' }));
  assert.equal((await c.api('GET', `/api/v1/tickets/${derived.json().number}`)).json().priority, 'urgent');
  const low = await c.api('POST', '/api/v1/tickets', L.apiTicket({ impact: 'none' }));
  assert.equal((await c.api('GET', `/api/v1/tickets/${low.json().number}`)).json().priority, 'low');
});

test('a customer with a phone and no email is accepted; optional fields are accepted', async () => {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({
    customer: { name: 'Zabbix', phone: '+86 21 5555 0101', organisation: 'Ops' },
    product: 'Storage array', product_version: '7.1', serial_number: 'SN123', keywords: 'disk',
  }));
  assert.equal(res.status, 201, res.body);
});

test('API tickets and portal tickets share one number sequence', async () => {
  const a = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  const p = await c.createTicket('fault');
  const b = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  L.assertNext(assert, a.json().number, p.number);
  L.assertNext(assert, p.number, b.json().number);
});
