'use strict';
// A worker stopped in the middle of creating a ticket, holding the day's
// counter row that every creation needs, as a debugger, a hung disk or a
// frozen VM would stop it: the others go on creating tickets within a
// bounded wait (the server ends a transaction left idle; no lock is waited
// on for long), and nothing acknowledged is lost or doubled.
//
// Stopping a process at that very instant cannot be aimed with a signal
// (the row is held for a few milliseconds of each creation), so the stop
// the database sees is made by tests/faults/dbproxy.js: the connection that
// has just taken the counter row goes silent for 20 s. Three api workers
// are also really stopped (SIGSTOP) for those 20 s, wherever they are.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const F = require('./lib');
const { DbProxy } = require('./dbproxy');

const FROZEN_MS = 20000;
let stack;
let proxy;
test.before(async () => {
  stack = await F.Stack.start('stopped', {
    prepare: async (dir) => {
      fs.mkdirSync(path.join(dir, 'run'), { recursive: true });
      proxy = await new DbProxy(path.join(dir, 'run', 'dbproxy.sock'), path.join(dir, 'run', 'mysqld.sock'),
        { watch: 'INSERT INTO ticket_counters' }).listen();
    },
    env: (dir) => ({ DESK_DB_SOCKET: path.join(dir, 'run', 'dbproxy.sock') }),
  });
});
test.after(async () => {
  if (stack) await stack.stop();
  if (proxy) await proxy.close();
});

test('a worker stopped holding the day\'s counter, and 3 more stopped, for 20 s under load: creation by the others goes on; afterwards every acknowledged ticket once', async (t) => {
  const load = new F.Load(stack, { api: 4, portal: 2, pause: 10 }).start();
  await F.sleep(2000);
  const victims = stack.workers('api').slice(0, 3);
  proxy.freezeAfter(FROZEN_MS);
  await F.waitFor(() => proxy.freeze.at, 'a creation to take the counter row', { timeout: 10000, interval: 5 });
  const t0 = proxy.freeze.at;
  for (const pid of victims) process.kill(pid, 'SIGSTOP');
  try {
    await F.sleep(t0 + FROZEN_MS - Date.now());
  } finally {
    for (const pid of victims) process.kill(pid, 'SIGCONT');
  }
  const t1 = Date.now();
  await F.sleep(3000);
  await load.stop();
  const still = F.longestStill(load, t0, t1);
  const during = F.latencies(load, t0, t1);
  await F.outboxDrained(stack);
  const facts = F.checkPromises(stack, load);
  t.diagnostic(`figure: a worker stopped holding the day's counter and 3 of 8 api workers stopped, 20 s under load: ${during.n} tickets created meanwhile by the others, ` +
    `creation stood still at most ${still} ms; latency p50 ${during.p50} ms, p99 ${during.p99} ms, max ${during.max} ms; ` +
    `${facts.acked} acknowledged in all, 0 lost, 0 doubled; answers ${JSON.stringify(load.answerCounts())}`);
  assert.ok(during.n > 50, `tickets were created meanwhile: ${during.n}`);
  assert.ok(still < 12000, `creation stood still ${still} ms`);
});
