'use strict';
// GET /api/v1/tickets/NUMBER: status, category, priority, channel, times,
// SLA due times, events.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const S = require('./sla_lib');
const C = require('./clock');

// It looks at times (created_at is the stack's now): run at the three instants
// of tests/run.sh (clock.js).
C.useTestInstant();

const c = L.client({ localAddress: L.addr(29) });
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

test('read answers 200 with status, category, priority, channel, created_at, sla and events', async () => {
  const t0 = C.now();
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'read me', impact: 'department' }));
  assert.equal(created.status, 201);
  const { number } = created.json();
  const res = await c.api('GET', `/api/v1/tickets/${number}`);
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^application\/json/);
  const doc = res.json();
  assert.equal(doc.number, number);
  assert.equal(doc.status, 'new');
  assert.equal(doc.category, 'fault');
  assert.equal(doc.priority, 'important');
  assert.equal(doc.channel, 'api');
  assert.equal(doc.subject, 'read me');
  assert.match(doc.created_at, ISO);
  const created_at = Date.parse(doc.created_at);
  assert.ok(Math.abs(created_at - t0) < 120000, `created_at ${doc.created_at} is now`);
  assert.equal(typeof doc.sla, 'object');
  for (const k of ['classify_due_at', 'first_response_due_at', 'resolution_due_at']) {
    assert.match(doc.sla[k] || '', ISO, `sla.${k}`);
    assert.ok(Date.parse(doc.sla[k]) > created_at, `sla.${k} after creation`);
  }
  // classification within 2 business hours of intake (the standard calendar)
  const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  assert.equal(doc.sla.classify_due_at, iso(S.businessDue(created_at / 1000, 120)), 'classified within 2 business hours');
  assert.ok(Date.parse(doc.sla.resolution_due_at) >= Date.parse(doc.sla.first_response_due_at));
  assert.ok(Array.isArray(doc.events));
  const ev = doc.events.find((e) => e.kind === 'created');
  assert.ok(ev, 'a created event');
  assert.equal(ev.actor_type, 'api');
  assert.match(ev.at, ISO);
  assert.equal(ev.new, 'new');
});

test('the SLA follows the priority: urgent first response is 15 minutes after creation', async () => {
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket({ priority: 'urgent' }));
  const doc = (await c.api('GET', `/api/v1/tickets/${created.json().number}`)).json();
  assert.equal(doc.priority, 'urgent');
  const diff = Date.parse(doc.sla.first_response_due_at) - Date.parse(doc.created_at);
  assert.equal(diff, 15 * 60 * 1000);
});

test('unknown, malformed and portal tickets answer 404 for this key', async () => {
  for (const n of ['20000101-0001', '99999999-9999', 'abc', '%27%20OR%201%3D1', 'x'.repeat(200)]) {
    const res = await c.api('GET', `/api/v1/tickets/${n}`);
    assert.equal(res.status, 404, n);
    assert.equal(res.json().error.code, 'not_found');
  }
  // a ticket from the portal was not created by this key
  const portal = await c.createTicket('usage');
  const res = await c.api('GET', `/api/v1/tickets/${portal.number}`);
  assert.equal(res.status, 404);
});
