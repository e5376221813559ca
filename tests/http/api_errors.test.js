'use strict';
// API errors: the right status and {"error": {"code", "message", "field"}}.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(32) });

function assertError(res, status, code, field) {
  assert.equal(res.status, status, res.body);
  assert.match(res.headers['content-type'] || '', /^application\/json/);
  const doc = res.json();
  assert.deepEqual(Object.keys(doc), ['error']);
  const err = doc.error;
  assert.equal(err.code, code);
  assert.equal(typeof err.message, 'string');
  assert.ok(err.message.length > 0);
  assert.ok('field' in err, 'field member present');
  if (field !== undefined) assert.equal(err.field, field);
  assert.doesNotMatch(res.body, /SQL|mysql|mariadb|errno|stack/i, 'no internals');
}

test('400 bad_json: malformed JSON, not an object, empty body', async () => {
  for (const body of ['{', '{"subject": "x",}', 'not json', '[1,2]', '"str"', '', '{"a":1}{"b":2}', '{"subject":"a","subject":"b"}']) {
    assertError(await c.api('POST', '/api/v1/tickets', undefined, { body }), 400, 'bad_json');
  }
});

test('400 missing_field names the field', async () => {
  const base = L.apiTicket();
  const cases = [
    [{ ...base, subject: undefined }, 'subject'],
    [{ ...base, description: undefined }, 'description'],
    [{ ...base, category: undefined }, 'category'],
    [{ ...base, subject: '' }, 'subject'],
    [{ ...base, customer: { email: 'a@example.com' } }, 'customer.name'],
    [{ ...base, customer: { name: 'n' } }, 'customer.email'],
  ];
  for (const [body, field] of cases) {
    const res = await c.api('POST', '/api/v1/tickets', body);
    assertError(res, 400, 'missing_field', field);
    assert.match(res.json().error.message, new RegExp(field.split('.').pop()));
  }
});

test('401 unauthorized: no key, wrong key, wrong scheme', async () => {
  const body = L.apiTicket();
  for (const headers of [{}, { Authorization: 'Bearer dk_wrong' }, { Authorization: `Bearer ${L.apiKey()}x` },
    { Authorization: `Basic ${Buffer.from(`x:${L.apiKey()}`).toString('base64')}` }, { Authorization: 'Bearer ' },
    { Authorization: L.apiKey() }]) {
    const res = await c.api('POST', '/api/v1/tickets', body, { key: null, headers });
    assertError(res, 401, 'unauthorized');
    assert.match(res.headers['www-authenticate'] || '', /^Bearer/);
  }
  assertError(await c.api('GET', '/api/v1/tickets/20000101-0001', undefined, { key: null }), 401, 'unauthorized');
  assertError(await c.api('PATCH', '/api/v1/tickets/20000101-0001', { status: 'resolved' }, { key: 'dk_nope' }), 401, 'unauthorized');
});

test('401 comes before body errors (a bad body from an unknown caller is still 401)', async () => {
  assertError(await c.api('POST', '/api/v1/tickets', undefined, { body: '{', key: null }), 401, 'unauthorized');
});

test('404 unknown ticket and unknown endpoint; 405 wrong method', async () => {
  assertError(await c.api('GET', '/api/v1/tickets/20000101-0001'), 404, 'not_found');
  assertError(await c.api('GET', '/api/v1/nothing-here'), 404, 'not_found');
  assertError(await c.api('GET', '/api/v2/tickets'), 404, 'not_found');
  assertError(await c.api('DELETE', '/api/v1/tickets/20000101-0001'), 405, 'method_not_allowed');
  assertError(await c.api('GET', '/api/v1/tickets'), 405, 'method_not_allowed');
});

test('413 too_large', async () => {
  const body = JSON.stringify(L.apiTicket({ description: 'x'.repeat(1024 * 1024 + 1) }));
  assertError(await c.api('POST', '/api/v1/tickets', undefined, { body }), 413, 'too_large');
});

test('422 invalid_value names the field', async () => {
  const base = L.apiTicket();
  const cases = [
    [{ ...base, category: 'astrology' }, 'category'],
    [{ ...base, priority: 'whenever' }, 'priority'],
    [{ ...base, customer: { name: 'n', email: 'not-an-email' } }, 'customer.email'],
    [{ ...base, impact: 'galaxy' }, 'impact'],
    [{ ...base, subject: 12345 }, 'subject'],
    [{ ...base, subject: 'x'.repeat(101) }, 'subject'],
    [{ ...base, fields: { fault_kind: 'volcano', symptoms: 's', reproduce: 'r' } }, 'fault_kind'],
    [{ ...base, fields: { symptoms: 's', reproduce: 'r' } }, 'fault_kind'],
    [{ ...base, category: 'complaint', fields: { complaint_kind: 'slow', event_time: 'yesterday' } }, 'event_time'],
  ];
  for (const [body, field] of cases) {
    const res = await c.api('POST', '/api/v1/tickets', body);
    assertError(res, 422, 'invalid_value');
    assert.match(String(res.json().error.field), new RegExp(`(^|\\.)${field}$`), JSON.stringify(body).slice(0, 120));
  }
});

test('rejected creations store nothing', async () => {
  const a = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  await c.api('POST', '/api/v1/tickets', L.apiTicket({ category: 'astrology' }));
  await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: undefined }));
  await c.api('POST', '/api/v1/tickets', undefined, { body: '{' });
  await c.api('POST', '/api/v1/tickets', L.apiTicket({ customer: { name: 'n', email: 'bad' } }));
  const b = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  L.assertNext(assert, a, b);
});
