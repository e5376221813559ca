'use strict';
// PATCH /api/v1/tickets/NUMBER: status (legal transitions only) and
// priority (at once for a key granted priority:set); answers the ticket.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(31) });

async function newTicket(extra) {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket(extra));
  assert.equal(res.status, 201);
  return res.json();
}
const read = async (n) => (await c.api('GET', `/api/v1/tickets/${n}`)).json();
let setterKey;
const setter = () => (setterKey = setterKey || L.newApiKey('api_update priority setter', 'priority:set'));

test('PATCH status resolved with a reason: 200, status resolved, event recorded', async () => {
  const { number, link } = await newTicket();
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { status: 'resolved', reason: 'alert cleared' });
  assert.equal(res.status, 200, res.body);
  assert.match(res.headers['content-type'], /^application\/json/);
  const doc = res.json();
  assert.equal(doc.number, number);
  assert.equal(doc.status, 'resolved');
  const ev = doc.events.find((e) => e.field === 'status' && e.new === 'resolved');
  assert.ok(ev, 'status event');
  assert.equal(ev.old, 'new');
  assert.equal(ev.body, 'alert cleared');
  assert.equal((await read(number)).status, 'resolved');
  const page = await c.get(new URL(link).pathname);
  assert.match(page.body, /status-resolved/, 'the customer page shows the new status');
  // resolved -> closed is allowed
  const closed = await c.api('PATCH', `/api/v1/tickets/${number}`, { status: 'closed' });
  assert.equal(closed.status, 200);
  assert.equal(closed.json().status, 'closed');
});

test('PATCH priority urgent changes the priority and its deadlines (a key granted priority:set)', async () => {
  // without the grant it is a request a supervisor approves: api_priority_approval.test.js
  const key = setter();
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket({ impact: 'individual' }), { key });
  assert.equal(created.status, 201);
  const { number } = created.json();
  const read = async (n) => (await c.api('GET', `/api/v1/tickets/${n}`, undefined, { key })).json();
  const before = await read(number);
  assert.equal(before.priority, 'general');
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'urgent', reason: 'core system down' }, { key });
  assert.equal(res.status, 200, res.body);
  const doc = res.json();
  assert.equal(doc.priority, 'urgent');
  assert.equal(doc.status, 'new', 'status unchanged');
  assert.equal(Date.parse(doc.sla.first_response_due_at) - Date.parse(doc.created_at), 15 * 60 * 1000);
  assert.ok(doc.events.some((e) => e.field === 'priority' && e.old === 'general' && e.new === 'urgent'));
  assert.equal((await read(number)).priority, 'urgent');
});

test('illegal transitions answer 422 invalid_transition and change nothing', async () => {
  const { number } = await newTicket();
  for (const status of ['closed', 'accepted', 'in_progress', 'waiting_customer']) {
    const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { status });
    assert.equal(res.status, 422, `${status}: ${res.body}`);
    const err = res.json().error;
    assert.equal(err.code, 'invalid_transition');
    assert.equal(err.field, 'status');
  }
  const doc = await read(number);
  assert.equal(doc.status, 'new');
  assert.ok(!doc.events.some((e) => e.field === 'status' && e.new !== 'new'), 'no status event');
});

test('a rejected PATCH changes nothing, even the priority sent with it', async () => {
  const { number } = await newTicket({ impact: 'individual' });
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'urgent', status: 'closed' });
  assert.equal(res.status, 422);
  assert.equal(res.json().error.code, 'invalid_transition');
  const doc = await read(number);
  assert.equal(doc.priority, 'general', 'priority unchanged after the failed request');
  assert.equal(doc.status, 'new');
});

test('PATCH value errors: unknown status 422, unknown priority 422, nothing given 400, unknown ticket 404', async () => {
  const { number } = await newTicket();
  const cases = [
    [{ status: 'done' }, 422, 'invalid_value', 'status'],
    [{ priority: 'whenever' }, 422, 'invalid_value', 'priority'],
    [{ status: 7 }, 422, 'invalid_value', 'status'],
    [{}, 400, 'missing_field', 'status'],
    [{ reason: 'only a reason' }, 400, 'missing_field', 'status'],
  ];
  for (const [body, status, code, field] of cases) {
    const res = await c.api('PATCH', `/api/v1/tickets/${number}`, body);
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(res.json().error.code, code, JSON.stringify(body));
    assert.equal(res.json().error.field, field, JSON.stringify(body));
  }
  const unknown = await c.api('PATCH', '/api/v1/tickets/20000101-0001', { status: 'resolved' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json().error.code, 'not_found');
  const doc = await read(number);
  assert.equal(doc.status, 'new');
  assert.equal(doc.priority, 'important');
});
