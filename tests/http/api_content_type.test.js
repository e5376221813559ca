'use strict';
// The API reads JSON bodies only: a POST or PATCH whose Content-Type is not
// application/json (a form, text, none at all, another charset) is 415
// unsupported_media_type, and nothing is stored. Parameters and case are
// allowed; an attachment upload (the body is the file) is not JSON and is
// not held to it.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(175) });
const KEY = () => ({ Authorization: `Bearer ${L.apiKey()}` });

function send(method, path, body, contentType) {
  const headers = KEY();
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  return c.request(method, path, { headers, body, cookies: false });
}

function assert415(res) {
  assert.equal(res.status, 415, res.body);
  const err = res.json().error;
  assert.equal(err.code, 'unsupported_media_type');
  assert.match(err.message, /application\/json/);
}

const BAD = [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
  'application/jsonp', 'application/json-seq', 'application/json; charset=latin1', 'text/json'];

test('create with a wrong Content-Type: 415, nothing stored', async () => {
  const body = JSON.stringify(L.apiTicket());
  const a = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  for (const ct of BAD) assert415(await send('POST', '/api/v1/tickets', body, ct));
  const b = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json().number;
  L.assertNext(assert, a, b);
});

test('comment and PATCH with a wrong Content-Type: 415, nothing changed', async () => {
  const { number } = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json();
  for (const ct of BAD) {
    assert415(await send('POST', `/api/v1/tickets/${number}/comments`, JSON.stringify({ body: 'form comment' }), ct));
    assert415(await send('PATCH', `/api/v1/tickets/${number}`, JSON.stringify({ status: 'resolved' }), ct));
  }
  const doc = (await c.api('GET', `/api/v1/tickets/${number}`)).json();
  assert.equal(doc.status, 'new');
  assert.ok(!doc.events.some((e) => e.body === 'form comment'));
});

test('application/json with parameters or in capitals is JSON', async () => {
  const body = JSON.stringify(L.apiTicket());
  for (const ct of ['application/json; charset=utf-8', 'Application/JSON', 'application/json;charset="UTF-8"', 'application/json ; charset=UTF-8']) {
    const res = await send('POST', '/api/v1/tickets', body, ct);
    assert.equal(res.status, 201, `${ct}: ${res.body}`);
  }
});

test('an attachment upload keeps taking the file as the body', async () => {
  const { number } = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json();
  const res = await send('POST', `/api/v1/tickets/${number}/attachments?filename=log.txt`, 'line one\nline two\n', 'text/plain');
  assert.equal(res.status, 201, res.body);
});

test('GET needs no Content-Type', async () => {
  const { number } = (await c.api('POST', '/api/v1/tickets', L.apiTicket())).json();
  assert.equal((await c.request('GET', `/api/v1/tickets/${number}`, { headers: KEY(), cookies: false })).status, 200);
});
