'use strict';
// The other three categories can be submitted, and each one's own required
// field is reported when missing.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const cases = [
  { kind: 'usage', name: '使用咨询', required: ['cf_question_kind'], bad: { cf_question_kind: 'gossip' } },
  { kind: 'complaint', name: '服务投诉', required: ['cf_complaint_kind', 'cf_event_time'], bad: { cf_event_time: 'yesterday' } },
  { kind: 'customisation', name: '定制需求', required: ['cf_request_kind', 'cf_business_goal'], bad: { cf_request_kind: 'magic' } },
  { kind: 'fault', name: '产品故障', required: ['cf_fault_kind', 'cf_symptoms', 'cf_reproduce'], bad: { cf_fault_kind: 'other' } },
];

cases.forEach((k, i) => {
  const c = L.client({ localAddress: L.addr(13, i + 1) });

  test(`${k.kind}: a valid submission creates a ticket of that category`, async () => {
    const t = await c.createTicket(k.kind);
    assert.match(t.number || '', L.NUMBER_RE);
    assert.ok(L.text(t.page.body).includes(k.name), `category ${k.name} on the receipt`);
  });

  test(`${k.kind}: each missing own field is reported (422)`, async () => {
    const missing = Object.fromEntries(k.required.map((n) => [n, '']));
    const { res } = await c.submit(k.kind, missing);
    assert.equal(res.status, 422);
    for (const n of k.required) assert.ok(L.hasFieldError(res.body, n), `error next to ${n}`);
    assert.ok(!L.hasFieldError(res.body, 'subject'), 'no error on a good field');
  });

  test(`${k.kind}: an invalid value of its own field is reported (422)`, async () => {
    const { res } = await c.submit(k.kind, k.bad);
    assert.equal(res.status, 422);
    const [name] = Object.keys(k.bad);
    assert.ok(L.hasFieldError(res.body, name), `error next to ${name}`);
  });
});
