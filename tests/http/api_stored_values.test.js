'use strict';
// The API checks each value as it will be stored, by the portal's rules: an
// e-mail with CR LF after it (checked trimmed, stored as sent, then refused
// by the outbox: a 503 that integrators retry for ever) is a 422 naming
// customer.email; so are a phone that is not one and a name or subject of
// two lines. Free text is stored without the white space around it.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(174) });

function assertRefused(res, field, pattern) {
  assert.equal(res.status, 422, res.body);
  const err = res.json().error;
  assert.equal(err.code, 'invalid_value');
  assert.equal(err.field, field);
  assert.ok(err.message.startsWith(field), `the message names ${field}: ${err.message}`);
  if (pattern) assert.match(err.message, pattern);
}

const cases = [
  ['an e-mail ending in CR LF', { customer: { name: 'n', email: 'crlf@example.com\r\n' } }, 'customer.email', /white space/],
  ['an e-mail with a leading space', { customer: { name: 'n', email: ' lead@example.com' } }, 'customer.email', /white space/],
  ['an e-mail with a header after it', { customer: { name: 'n', email: 'a@example.com\r\nBcc: b@example.com' } }, 'customer.email'],
  ['a phone that is not one', { customer: { name: 'n', phone: 'call me maybe' } }, 'customer.phone', /phone/],
  ['a name of two lines', { customer: { name: 'Ops\r\nBcc: x@example.com', email: 'ops@example.com' } }, 'customer.name', /single line/],
  ['a subject of two lines', { subject: 'Disk full\nSecond line' }, 'subject', /single line/],
  ['an organisation of two lines', { customer: { name: 'n', email: 'o@example.com', organisation: 'A\nB' } }, 'customer.organisation'],
  ['a product of two lines', { product: 'ERP\r\n5' }, 'product'],
];

for (const [what, overrides, field, pattern] of cases) {
  test(`${what}: 422 naming ${field}, nothing stored`, async () => {
    const a = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
    assertRefused(await c.api('POST', '/api/v1/tickets', L.apiTicket(overrides)), field, pattern);
    const b = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
    L.assertNext(assert, a, b, 'the refused request created no ticket');
  });
}

test('free text is stored without the white space around it', async () => {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({
    subject: '  磁盘告警 db-1  ',
    description: '\n  /data 97%\r\n',
    customer: { name: ' 运维监控 ', email: 'ops@example.com' },
  }));
  assert.equal(res.status, 201, res.body);
  const doc = (await c.api('GET', `/api/v1/tickets/${res.json().number}`)).json();
  assert.equal(doc.subject, '磁盘告警 db-1');
  assert.equal(doc.description, '/data 97%');
});

test('a valid e-mail and phone are taken as they are', async () => {
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ customer: { name: 'n', email: 'Valid.Person@example.com', phone: '+86 21 5555 0100' } }));
  assert.equal(res.status, 201, res.body);
});
