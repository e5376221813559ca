'use strict';
// Configuration without restart (issue 6, lib/desk/confver.h): workers keep the
// catalogue they loaded - a database change that bypassed the console is not
// re-read per request - and a change made through the admin console (one
// agent worker) is seen on the very next request by every worker of the
// portal and of the agent program.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 202;
const T = A.tag('RL');
const ROUNDS = 24; // several requests per program: 4 workers each on the dev stack
let admin;
let original;

/** Any admin change bumps the configuration version: here, a new API key. */
async function adminChange(label) {
  await admin.page('/admin/api-keys');
  const res = await admin.client.post('/admin/api-keys', { form: { csrf: admin.csrf, label, scope: 'own' } });
  assert.equal(res.status, 201);
}

function restore() {
  A.setupSql(`UPDATE categories SET name_zh = '${original.replace(/'/g, "''")}' WHERE code = 'usage'`);
}

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  original = A.setupSql("SELECT name_zh FROM categories WHERE code = 'usage'").trim();
  await adminChange(`${T} start`); // every worker starts from the database's state
});

test.after(async () => {
  restore();
  await adminChange(`${T} end`);
});

/** The name of the usage category on ROUNDS portal home pages (and who served them). */
async function portalNames() {
  const names = [];
  const ids = [];
  for (let i = 0; i < ROUNDS; i++) {
    const c = L.client({ localAddress: L.addr(FILE, 10 + (i % 8)) });
    const res = await c.get('/');
    assert.equal(res.status, 200);
    const m = res.body.match(/class="kind kind-usage"[\s\S]*?<strong>([^<]*)<\/strong>/);
    names.push(m && m[1]);
    ids.push(res.headers['x-request-id']);
  }
  return { names, ids };
}

async function agentNames() {
  const names = [];
  for (let i = 0; i < ROUNDS / 2; i++) {
    const res = await admin.get('/agent/new');
    assert.equal(res.status, 200);
    const m = res.body.match(/<option value="usage"[^>]*>([^<]*)<\/option>/);
    names.push(m && m[1]);
  }
  return names;
}

/** The pids of the workers that served these request ids (from the program's log). */
function workersOf(program, ids) {
  const log = fs.readFileSync(path.join(L.TEST_VAR, 'log', `${program}.log`), 'utf8');
  const pids = new Set();
  for (const id of ids) {
    const m = log.match(new RegExp(`${program}\\[(\\d+)\\][^\\n]*req=${id}`));
    if (m) pids.add(m[1]);
  }
  return pids;
}

/** Portal.Workers of the stack under test. */
function portalWorkers() {
  const hdf = fs.readFileSync(path.join(L.TEST_VAR, 'desk.hdf'), 'utf8');
  const m = hdf.match(/Portal \{[^}]*Workers = (\d+)/);
  return m ? Number(m[1]) : 4;
}

/** Requests until every portal worker has served one since the last change
 * (a worker idle since then reloads on its next request, as it should). */
async function warmPortal() {
  const want = portalWorkers();
  const ids = [];
  for (let i = 0; i < 400; i++) {
    const res = await L.client({ localAddress: L.addr(FILE, 10 + (i % 8)) }).get('/');
    ids.push(res.headers['x-request-id']);
    if (i % 8 === 7 && workersOf('portal', ids).size >= want) return;
  }
  assert.fail('could not reach every portal worker');
}

test('a change made on one admin page is seen by every worker on the next request', async () => {
  const renamed = `${original} ${T}`;
  await warmPortal();
  // a change that bypassed the console: no version bump, so no worker reloads
  A.setupSql(`UPDATE categories SET name_zh = '${renamed}' WHERE code = 'usage'`);
  const stale = await portalNames();
  assert.deepEqual(new Set(stale.names), new Set([original]), 'workers keep what they loaded');
  assert.ok(workersOf('portal', stale.ids).size >= 2, 'the requests reached several portal workers');

  await adminChange(`${T} reload`);

  const fresh = await portalNames();
  assert.deepEqual(fresh.names, Array(ROUNDS).fill(renamed), 'every portal request after the change');
  const served = workersOf('portal', fresh.ids);
  assert.ok(served.size >= 2, `several portal workers (${served.size})`);
  assert.deepEqual(await agentNames(), Array(ROUNDS / 2).fill(renamed), 'every agent request too');
});

test('the change back is seen the same way', async () => {
  restore();
  const list = await admin.page('/admin/api-keys');
  const id = list.body.split('<tr class="key-row ').slice(1).find((r) => r.includes(`${T} reload`)).match(/data-id="(\d+)"/)[1];
  const res = await admin.client.post(`/admin/api-keys/${id}/revoke`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 303);
  const back = await portalNames();
  assert.deepEqual(back.names, Array(ROUNDS).fill(original));
});
