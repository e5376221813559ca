'use strict';
// Invalid UTF-8 is refused with a clear error: 422 and an error on the field
// in the portal; 400 or 422 (never 201) in the API. Nothing is stored.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(20) });
const BAD = {
  'C3 28 (bad continuation)': Buffer.from([0x61, 0xc3, 0x28, 0x62]),
  'FF': Buffer.from([0x61, 0xff, 0x62]),
  'C0 AF (overlong /)': Buffer.from([0xc0, 0xaf]),
  'ED A0 80 (surrogate)': Buffer.from([0xed, 0xa0, 0x80]),
  'E6 89 (truncated)': Buffer.from([0xe6, 0x89]),
};

test('portal: invalid UTF-8 in a field gives 422 with an error on that field', async (t) => {
  const first = await c.createTicket('fault');
  const fields = ['subject', 'description', 'contact_name', 'cf_symptoms'];
  let i = 0;
  for (const [label, bytes] of Object.entries(BAD)) {
    const field = fields[i++ % fields.length];
    await t.test(`${label} in ${field}`, async () => {
      const { res } = await c.submit('fault', { [field]: bytes });
      assert.equal(res.status, 422);
      assert.ok(L.hasFieldError(res.body, field), `error next to ${field}`);
      assert.match(res.body, /无效字符|UTF-8/, 'the error says what is wrong');
      assert.ok(!L.hasFieldError(res.body, 'email'), 'other fields are fine');
    });
  }
  const next = await c.createTicket('fault');
  L.assertNext(assert, first.number, next.number, 'no ticket stored');
});

test('portal: the re-rendered form is itself valid UTF-8 (the bad bytes are not echoed)', async () => {
  const { res } = await c.submit('fault', { subject: BAD.FF, description: Buffer.concat([Buffer.from('好'), BAD['C3 28 (bad continuation)']]) });
  assert.equal(res.status, 422);
  const valid = Buffer.from(res.raw.toString('utf8'), 'utf8').equals(res.raw);
  assert.ok(valid, 'response body is valid UTF-8');
});

function assertRefused(res) {
  assert.ok([400, 422].includes(res.status), `400 or 422, got ${res.status}: ${res.body}`);
  assert.match(res.headers['content-type'], /^application\/json/);
  const err = res.json().error;
  assert.ok(err && typeof err.code === 'string' && typeof err.message === 'string');
  if (res.status === 400) assert.equal(err.code, 'bad_json');
}

test('API: raw invalid UTF-8 bytes inside a JSON string are refused', async (t) => {
  const before = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  for (const [label, bytes] of Object.entries(BAD)) {
    await t.test(label, async () => {
      const doc = Buffer.from(JSON.stringify(L.apiTicket({ subject: '@@' })), 'utf8');
      const at = doc.indexOf('@@');
      const body = Buffer.concat([doc.subarray(0, at), bytes, doc.subarray(at + 2)]);
      assertRefused(await c.api('POST', '/api/v1/tickets', undefined, { body }));
    });
  }
  await t.test('lone surrogate escape \\ud800', async () => {
    const body = JSON.stringify(L.apiTicket({ subject: '@@' })).replace('@@', '\\ud800x');
    assertRefused(await c.api('POST', '/api/v1/tickets', undefined, { body }));
  });
  await t.test('NUL escape \\u0000', async () => {
    const body = JSON.stringify(L.apiTicket({ subject: '@@' })).replace('@@', 'a\\u0000b');
    const res = await c.api('POST', '/api/v1/tickets', undefined, { body });
    assertRefused(res);
  });
  await t.test('invalid bytes in a comment', async () => {
    const body = Buffer.concat([Buffer.from('{"body":"a'), BAD.FF, Buffer.from('"}')]);
    assertRefused(await c.api('POST', `/api/v1/tickets/${before}/comments`, undefined, { body }));
  });
  const after = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  L.assertNext(assert, before, after, 'no ticket stored');
});
