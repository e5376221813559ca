'use strict';
// Validation: 422, the form again with an error next to each bad field, the
// typed values kept (HTML-escaped), and no ticket created.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(14, 1) });

test('missing required fields: 422, an error next to each, typed values kept', async () => {
  const { res, submitKey, csrf } = await c.submit('fault', {
    contact_name: '', email: '', subject: '', description: '', product: '', impact: '',
    cf_fault_kind: '', cf_symptoms: '', cf_reproduce: '',
    organisation: 'Acme & Sons "Ltd"', keywords: 'kept-value-xyz',
  });
  assert.equal(res.status, 422);
  assert.match(res.headers['content-type'], /text\/html/);
  assert.match(res.body, /class="alert alert-error/, 'summary message at the top');
  for (const name of ['contact_name', 'email', 'subject', 'description', 'product', 'cf_symptoms', 'cf_reproduce']) {
    assert.ok(L.hasFieldError(res.body, name), `error next to ${name}`);
    assert.match(res.body, new RegExp(`<p[^>]*id="e-${name}"[^>]*>[^<]*\\S[^<]*</p>`), `error text next to ${name}`);
  }
  assert.ok(L.hasFieldError(res.body, 'impact'), 'error next to impact');
  assert.ok(L.hasFieldError(res.body, 'cf_fault_kind'), 'error next to cf_fault_kind');
  assert.ok(!L.hasFieldError(res.body, 'organisation'), 'no error on a good optional field');
  assert.match(res.body, /<input[^>]*name="email"[^>]*aria-invalid="true"/);
  // what was typed comes back, escaped
  assert.match(res.body, /name="organisation"[^>]*value="Acme &amp; Sons &quot;Ltd&quot;"/);
  assert.match(res.body, /name="keywords"[^>]*value="kept-value-xyz"/);
  // the form is usable again: same submit key (so a retry is still one ticket), csrf present
  assert.equal(L.hidden(res.body, 'submit_key'), submitKey);
  assert.equal(L.hidden(res.body, 'csrf'), csrf);
});

test('invalid email: 422 with the error on email and the value kept', async () => {
  const { res } = await c.submit('fault', { email: 'not-an-email', subject: '保留的标题' });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'email'));
  assert.match(res.body, /name="email"[^>]*value="not-an-email"/);
  assert.match(res.body, /name="subject"[^>]*value="保留的标题"/);
  assert.ok(!L.hasFieldError(res.body, 'subject'));
});

test('invalid choice: 422 with the error on that field and the other choices kept', async () => {
  const { res } = await c.submit('fault', { impact: 'galaxy', cf_fault_kind: 'hardware' });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'impact'));
  assert.ok(!L.hasFieldError(res.body, 'cf_fault_kind'));
  assert.match(res.body, /name="cf_fault_kind" value="hardware" checked/, 'the good choice stays checked');
});

test('more validation: one-line subject, too long, bad phone, bad date', async () => {
  const c2 = L.client({ localAddress: L.addr(14, 2) });
  const { res } = await c2.submit('fault', {
    subject: 'line one\nline two', contact_name: 'x'.repeat(51), phone: 'call me', started_at: '2026-02-31T10:00',
  });
  assert.equal(res.status, 422);
  for (const n of ['subject', 'contact_name', 'phone', 'started_at']) assert.ok(L.hasFieldError(res.body, n), n);
});

test('a rejected POST creates no ticket', async () => {
  const c3 = L.client({ localAddress: L.addr(14, 3) });
  const first = await c3.createTicket('fault');
  for (const bad of [{ email: 'bad' }, { subject: '' }, { impact: 'nope' }, { cf_symptoms: '' }]) {
    const { res } = await c3.submit('fault', bad);
    assert.equal(res.status, 422, JSON.stringify(bad));
  }
  const second = await c3.createTicket('fault');
  L.assertNext(assert, first.number, second.number);
});

test('the re-rendered form can then be submitted successfully with the same key', async () => {
  const c4 = L.client({ localAddress: L.addr(14, 4) });
  const { res, fields } = await c4.submit('usage', { email: 'oops' });
  assert.equal(res.status, 422);
  const retry = await c4.post('/new/usage', {
    form: { ...fields, email: 'fixed@example.com', csrf: L.hidden(res.body, 'csrf'), submit_key: L.hidden(res.body, 'submit_key') },
  });
  assert.equal(retry.status, 303);
  assert.match(retry.headers.location, /^\/t\/[^?]+\?new=1$/);
});
