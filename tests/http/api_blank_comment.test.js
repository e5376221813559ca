'use strict';
// A comment of white space only is refused with 422 naming body (an empty
// string stays 400 missing_field); nothing joins the thread. Whitespace-only
// subjects and descriptions of new tickets are refused the same way.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(178) });

test('a whitespace-only comment: 422 body, nothing added', async () => {
  const { number } = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json();
  for (const body of ['   ', '\n\n', ' \t\r\n ']) {
    const res = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body });
    assert.equal(res.status, 422, JSON.stringify(body));
    const err = res.json().error;
    assert.equal(err.code, 'invalid_value');
    assert.equal(err.field, 'body');
    assert.match(err.message, /white space/);
  }
  const empty = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: '' });
  assert.equal(empty.status, 400);
  assert.equal(empty.json().error.code, 'missing_field');
  const doc = (await c.api('GET', `/api/v1/tickets/${number}`)).json();
  assert.ok(!doc.events.some((e) => e.kind === 'comment'), 'no comment stored');
});

test('a comment is stored without the white space around it', async () => {
  const { number } = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json();
  const res = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: '\n  已扩容到 2 TB。\n  ' });
  assert.equal(res.status, 201, res.body);
  const doc = (await c.api('GET', `/api/v1/tickets/${number}`)).json();
  assert.equal(doc.events.find((e) => e.kind === 'comment').body, '已扩容到 2 TB。');
});

test('whitespace-only subject or description: 422', async () => {
  for (const [member, v] of [['subject', '   '], ['description', '\n\t ']]) {
    const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ [member]: v }));
    assert.equal(res.status, 422, res.body);
    assert.equal(res.json().error.field, member);
  }
});
