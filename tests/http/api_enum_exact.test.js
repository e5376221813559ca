'use strict';
// Codes are taken exactly as listed: a category, priority, impact, status or
// a category field's choice with white space around it is a 422 naming the
// member (an impact " company " used to pass the check trimmed and fail in
// the database as a 503), and nothing is stored or changed.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(177) });

function assertRefused(res, field) {
  assert.equal(res.status, 422, res.body);
  const err = res.json().error;
  assert.equal(err.code, 'invalid_value');
  assert.equal(err.field, field);
}

test('create: padded codes are refused', async () => {
  const cases = [
    [{ category: ' fault' }, 'category'],
    [{ category: 'fault\n' }, 'category'],
    [{ priority: 'urgent ' }, 'priority'],
    [{ impact: ' company ' }, 'impact'],
    [{ impact: 'department\t' }, 'impact'],
    [{ fields: { fault_kind: ' hardware', symptoms: 's', reproduce: 'r' } }, 'fields.fault_kind'],
    [{ category: 'complaint', fields: { complaint_kind: 'slow', event_time: ' 2026-01-05T10:30' } }, 'fields.event_time'],
  ];
  const a = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  for (const [o, field] of cases) {
    const res = await c.api('POST', '/api/v1/tickets', L.apiTicket(o));
    assertRefused(res, field);
    assert.match(res.json().error.message, /white space/);
  }
  const b = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  L.assertNext(assert, a, b);
});

test('PATCH: padded status or priority is refused and nothing changes', async () => {
  const { number } = (await c.api('POST', '/api/v1/tickets', L.apiTicket({ impact: 'individual' }))).json();
  assertRefused(await c.api('PATCH', `/api/v1/tickets/${number}`, { status: ' resolved' }), 'status');
  assertRefused(await c.api('PATCH', `/api/v1/tickets/${number}`, { status: 'resolved\r\n' }), 'status');
  assertRefused(await c.api('PATCH', `/api/v1/tickets/${number}`, { priority: ' urgent', reason: 'x' }), 'priority');
  const doc = (await c.api('GET', `/api/v1/tickets/${number}`)).json();
  assert.equal(doc.status, 'new');
  assert.equal(doc.priority, 'general');
});

test('the exact codes are accepted', async () => {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ impact: 'company', priority: 'important' }));
  assert.equal(res.status, 201, res.body);
  assert.equal((await c.api('GET', `/api/v1/tickets/${res.json().number}`)).json().priority, 'important');
});
