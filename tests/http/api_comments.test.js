'use strict';
// POST /api/v1/tickets/NUMBER/comments: 201 and the comment in the events
// (and on the customer's page).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(30) });

test('a comment answers 201 and appears in the events', async () => {
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket());
  const { number, link } = created.json();
  const body = 'Disk replaced; monitoring shows 40% usage now.\nSecond line.';
  const res = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body });
  assert.equal(res.status, 201, res.body);
  assert.match(res.headers['content-type'], /^application\/json/);
  assert.equal(res.json().number, number);
  const doc = (await c.api('GET', `/api/v1/tickets/${number}`)).json();
  const comments = doc.events.filter((e) => e.kind === 'comment');
  assert.equal(comments.length, 1);
  assert.equal(comments[0].body, body);
  assert.equal(comments[0].actor_type, 'api');
  assert.match(comments[0].at, /^\d{4}-\d\d-\d\dT/);
  // a second comment is appended after the first
  await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: 'second' });
  const events = (await c.api('GET', `/api/v1/tickets/${number}`)).json().events.filter((e) => e.kind === 'comment');
  assert.deepEqual(events.map((e) => e.body), [body, 'second']);
  // the customer sees it on the private page
  const page = await c.get(new URL(link).pathname);
  assert.ok(page.body.includes('Disk replaced; monitoring shows 40% usage now.'));
});

test('comment errors: missing body 400, bad type 422, unknown ticket 404, no key 401', async () => {
  const { number } = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json();
  const missing = await c.api('POST', `/api/v1/tickets/${number}/comments`, {});
  assert.equal(missing.status, 400);
  assert.equal(missing.json().error.code, 'missing_field');
  assert.equal(missing.json().error.field, 'body');
  const empty = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: '' });
  assert.equal(empty.status, 400);
  const typed = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: 42 });
  assert.equal(typed.status, 422);
  assert.equal(typed.json().error.field, 'body');
  const unknown = await c.api('POST', '/api/v1/tickets/20000101-0001/comments', { body: 'x' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json().error.code, 'not_found');
  const nokey = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: 'x' }, { key: null });
  assert.equal(nokey.status, 401);
  const bad = await c.api('POST', `/api/v1/tickets/${number}/comments`, undefined, { body: '{"body": ' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json().error.code, 'bad_json');
  const doc = (await c.api('GET', `/api/v1/tickets/${number}`)).json();
  assert.equal(doc.events.filter((e) => e.kind === 'comment').length, 0, 'nothing stored');
});
