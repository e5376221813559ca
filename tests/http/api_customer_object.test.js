'use strict';
// `customer` is an object (name, email, phone, organisation); a string, an
// array, a number or true is refused with 422 naming customer, never
// ignored. The same for `fields`.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(176) });

for (const [member, values] of [['customer', ['ops@example.com', ['Ops', 'ops@example.com'], 42, true]],
  ['fields', ['hardware', [{ fault_kind: 'hardware' }], 7, false]]]) {
  test(`a ${member} that is not an object: 422 naming ${member}, nothing stored`, async () => {
    const a = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
    for (const v of values) {
      const body = L.apiTicket({ [member]: v });
      if (member === 'customer') Object.assign(body, { name: 'Ops', email: 'ops@example.com' }); // the old fallback
      const res = await c.api('POST', '/api/v1/tickets', body);
      assert.equal(res.status, 422, `${JSON.stringify(v)}: ${res.body}`);
      const err = res.json().error;
      assert.equal(err.code, 'invalid_value');
      assert.equal(err.field, member);
      assert.match(err.message, /object/);
    }
    const b = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
    L.assertNext(assert, a, b);
  });
}
