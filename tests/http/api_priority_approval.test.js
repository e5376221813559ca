'use strict';
// A priority change through the API follows the agents' rule: it is a
// request a supervisor approves (202, the ticket keeps its priority until
// then, GET shows the request's state), unless an admin gave the key the
// "priority:set" grant on purpose, when it applies at once (200).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 181;
const T = A.tag('PA');
const c = L.client({ localAddress: L.addr(FILE, 1) });
let supervisor;

test.before(async () => {
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

async function newTicket(opts = {}, key) {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ impact: 'individual', subject: `${T} ${opts.subject || 'ticket'}` }), { key });
  assert.equal(res.status, 201, res.body);
  return res.json().number;
}
const read = async (n, key) => (await c.api('GET', `/api/v1/tickets/${n}`, undefined, { key })).json();

/** The approvals row of ticket NUMBER: {id, html} or undefined. */
async function approvalRow(number) {
  const ap = await supervisor.page('/agent/approvals');
  assert.equal(ap.status, 200);
  const rows = ap.body.split('<tr>').filter((s) => s.includes(`/agent/t/${number}"`));
  return rows.map((r) => ({ id: r.match(/action="\/agent\/approvals\/(\d+)"/)[1], html: r }));
}

test('without the grant: 202, the priority waits for a supervisor, who approves it', async () => {
  const number = await newTicket({ subject: 'approve' });
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'urgent', reason: '生产线全部停机' });
  assert.equal(res.status, 202, res.body);
  const doc = res.json();
  assert.equal(doc.priority, 'general', 'not changed yet');
  assert.equal(doc.priority_request.priority, 'urgent');
  assert.equal(doc.priority_request.state, 'pending');
  assert.ok(!doc.events.some((e) => e.field === 'priority'), 'no priority change in the history');
  assert.equal((await read(number)).priority, 'general');

  const rows = await approvalRow(number);
  assert.equal(rows.length, 1, 'one request on the approvals page');
  assert.match(A.strip(rows[0].html), /demo monitoring/, 'the API key is named as the requester');
  assert.match(rows[0].html, />API</, 'marked as coming through the API');
  assert.match(A.strip(rows[0].html), /生产线全部停机/);
  const page = await supervisor.ticket(number);
  assert.match(page.text, /生产线全部停机/, 'the ticket page lists the pending request');

  const decide = await supervisor.client.post(`/agent/approvals/${rows[0].id}`, { form: { csrf: supervisor.csrf, decision: 'approve', note: 'ok' } });
  assert.equal(decide.status, 303);
  const after = await read(number);
  assert.equal(after.priority, 'urgent');
  assert.equal(after.priority_request.state, 'approved');
  assert.ok(after.priority_request.decided_at);
  assert.deepEqual(await approvalRow(number), [], 'no longer pending');
});

test('a rejected request leaves the priority as it was and says so', async () => {
  const number = await newTicket({ subject: 'reject' });
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'urgent', reason: 'please' });
  assert.equal(res.status, 202);
  const [row] = await approvalRow(number);
  await supervisor.client.post(`/agent/approvals/${row.id}`, { form: { csrf: supervisor.csrf, decision: 'reject', note: 'not urgent' } });
  const doc = await read(number);
  assert.equal(doc.priority, 'general');
  assert.equal(doc.priority_request.state, 'rejected');
});

test('the same PATCH again while pending is the same request', async () => {
  const number = await newTicket({ subject: 'retry' });
  const a = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'important', reason: 'retry' });
  const b = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'important', reason: 'retry' });
  assert.equal(a.status, 202);
  assert.equal(b.status, 202);
  assert.equal(b.json().priority_request.id, a.json().priority_request.id);
  assert.equal((await approvalRow(number)).length, 1);
});

test('a request needs a reason: 400 naming reason, nothing filed', async () => {
  const number = await newTicket({ subject: 'no reason' });
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'urgent' });
  assert.equal(res.status, 400, res.body);
  assert.equal(res.json().error.code, 'missing_field');
  assert.equal(res.json().error.field, 'reason');
  assert.deepEqual(await approvalRow(number), []);
  assert.equal((await read(number)).priority_request, null);
});

test('status and priority together: the status moves now, the priority waits', async () => {
  const number = await newTicket({ subject: 'both' });
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { status: 'resolved', priority: 'urgent', reason: 'fixed, but it was urgent' });
  assert.equal(res.status, 202, res.body);
  assert.equal(res.json().status, 'resolved');
  assert.equal(res.json().priority, 'general');
  assert.equal(res.json().priority_request.state, 'pending');
});

test('with the priority:set grant the change applies at once', async () => {
  const key = L.newApiKey(`${T} setter`, 'priority:set');
  const number = await newTicket({ subject: 'granted' }, key);
  const res = await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: 'urgent' }, { key });
  assert.equal(res.status, 200, res.body);
  assert.equal(res.json().priority, 'urgent');
  assert.equal(res.json().priority_request, null);
  assert.ok(res.json().events.some((e) => e.field === 'priority' && e.new === 'urgent'));
  assert.deepEqual(await approvalRow(number), []);
});
