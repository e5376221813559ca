'use strict';
// GET /new/KIND : the common fields, the category's own required fields,
// hidden csrf + submit_key, and the csrf cookie.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(11) });

function control(html, name) {
  return html.match(new RegExp(`<(input|textarea)[^>]*name="${name}"[^>]*>`, 'g')) || [];
}

test('fault form shows the common fields and its own required fields', async () => {
  const res = await c.get('/new/fault');
  assert.equal(res.status, 200);
  assert.match(res.body, /<form[^>]*method="post"[^>]*action="\/new\/fault"/);
  for (const name of ['contact_name', 'email', 'phone', 'organisation', 'product', 'product_version',
    'serial_number', 'subject', 'description', 'impact', 'started_at', 'tried', 'error_message',
    'expected_at', 'preferred_contact']) {
    assert.ok(control(res.body, name).length > 0, `field ${name} present`);
  }
  const kinds = control(res.body, 'cf_fault_kind');
  assert.deepEqual(kinds.map((k) => k.match(/value="([^"]*)"/)[1]), ['hardware', 'software', 'malfunction']);
  assert.ok(kinds.every((k) => / required/.test(k)), 'fault kind is required');
  for (const name of ['cf_symptoms', 'cf_reproduce']) {
    const [ctl] = control(res.body, name);
    assert.ok(ctl, `${name} present`);
    assert.match(ctl, / required/, `${name} marked required`);
  }
  // fields of other categories are not on this form
  assert.equal(control(res.body, 'cf_question_kind').length, 0);
  assert.equal(control(res.body, 'cf_business_goal').length, 0);
});

test('each category form carries its own fields', async () => {
  const own = {
    usage: ['cf_question_kind'],
    complaint: ['cf_complaint_kind', 'cf_event_time'],
    customisation: ['cf_request_kind', 'cf_business_goal'],
  };
  for (const [kind, names] of Object.entries(own)) {
    const res = await c.get(`/new/${kind}`);
    assert.equal(res.status, 200, kind);
    for (const n of names) {
      const ctl = control(res.body, n);
      assert.ok(ctl.length > 0, `${kind}: ${n}`);
      assert.match(ctl[0], / required/, `${kind}: ${n} required`);
    }
    assert.equal(control(res.body, 'cf_symptoms').length, 0, `${kind} has no fault fields`);
  }
});

test('form carries hidden csrf and submit_key, and sets an HttpOnly SameSite csrf cookie', async () => {
  const fresh = L.client({ localAddress: L.addr(11, 2) });
  const res = await fresh.get('/new/fault');
  const csrf = L.hidden(res.body, 'csrf');
  const key = L.hidden(res.body, 'submit_key');
  assert.match(res.body, /<input type="hidden" name="csrf"/);
  assert.match(res.body, /<input type="hidden" name="submit_key"/);
  assert.ok(csrf && csrf.length >= 32, 'csrf token is long and random');
  assert.ok(key && key.length >= 32, 'submit_key is long and random');
  const cookie = res.setCookies.find((s) => s.startsWith('csrf='));
  assert.ok(cookie, 'csrf cookie set');
  assert.equal(cookie.split(';')[0], `csrf=${csrf}`, 'cookie equals the hidden field');
  assert.match(cookie, /;\s*HttpOnly/i);
  assert.match(cookie, /;\s*SameSite=(Strict|Lax)/i);
  // each form view gets a new submit key; the csrf cookie is kept
  const again = await fresh.get('/new/fault');
  assert.notEqual(L.hidden(again.body, 'submit_key'), key);
  assert.equal(L.hidden(again.body, 'csrf'), csrf);
});

test('unknown category answers 404', async () => {
  const res = await c.get('/new/nosuchkind');
  assert.equal(res.status, 404);
  assert.match(res.headers['content-type'], /text\/html/);
});
