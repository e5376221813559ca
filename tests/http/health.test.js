'use strict';
// Health checks for load balancers (they also ping the database).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(24) });

test('GET /health answers 200 ok', async () => {
  const res = await c.get('/health');
  assert.equal(res.status, 200);
  assert.equal(res.body.trim(), 'ok');
  assert.match(res.headers['content-type'], /^text\/plain/);
});

test('GET /api/v1/health answers 200 {"status":"ok"} without a key', async () => {
  const res = await c.get('/api/v1/health');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^application\/json/);
  assert.deepEqual(res.json(), { status: 'ok' });
});

test('health answers are not cached', async () => {
  const res = await c.get('/health');
  assert.match(res.headers['cache-control'] || '', /no-store|no-cache/);
});
