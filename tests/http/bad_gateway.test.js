'use strict';
// When a program does not answer, nginx answers for it: under /api/ with the
// API's JSON error (never nginx's HTML page), elsewhere with a page in the
// portal's look that says whether a form may have been saved and that
// sending it again is safe. Each program's socket is moved away for a
// moment (nginx then cannot connect: 502) and put back.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const L = require('./lib');

const FILE = 251;
const RUN = path.join(L.TEST_VAR, 'run');

/** Runs fn while PROGRAM's socket is away, then puts it back. */
async function withoutSocket(program, fn) {
  const sock = path.join(RUN, `${program}.sock`);
  const away = `${sock}.away`;
  fs.renameSync(sock, away);
  try {
    return await fn();
  } finally {
    fs.renameSync(away, sock);
  }
}

test('the API not answering: 502 with the API\'s JSON error, which says sending again with the key is safe', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  const res = await withoutSocket('api', () => c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'bad gateway' }),
    { headers: { 'Idempotency-Key': `bad-gateway-${Date.now()}` } }));
  assert.equal(res.status, 502);
  assert.match(res.headers['content-type'], /^application\/json/, `JSON, not nginx's page: ${res.headers['content-type']}`);
  const err = res.json().error;
  assert.equal(err.code, 'bad_gateway');
  assert.equal(err.field, null);
  assert.match(err.message, /may or may not/, 'it does not claim that nothing was done');
  assert.match(err.message, /Idempotency-Key/, 'it says how to send again safely');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  const back = await c.api('GET', '/api/v1/health');
  assert.equal(back.status, 200, 'and the API answers again once it is back');
});

test('the portal not answering: 502 with a page in the portal\'s look, in both languages, saying that sending the form again is safe', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const res = await withoutSocket('portal', () => c.get('/new/fault'));
  assert.equal(res.status, 502);
  assert.match(res.headers['content-type'], /^text\/html/);
  assert.ok(!/nginx/i.test(res.body), 'not nginx\'s own page');
  assert.match(res.body, /<link rel="stylesheet" href="\/static\/portal\.css">/, 'the portal\'s style');
  const text = L.text(res.body);
  assert.match(text, /服务正在恢复/);
  assert.match(text, /不会重复创建工单/, 'sending the form again is safe');
  assert.match(text, /never creates a second ticket/);
  assert.match(res.headers['content-security-policy'] || '', /default-src 'none'/);
  assert.equal((await c.get('/health')).status, 200, 'and the portal answers again once it is back');
});

test('the workspace not answering: the same page, not nginx\'s', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const res = await withoutSocket('agent', () => c.get('/agent/login'));
  assert.equal(res.status, 502);
  assert.match(L.text(res.body), /服务正在恢复/);
});
