'use strict';
// kill -9 of workers under API and portal load, each in the middle of a
// request: a worker killed so loses that request (nginx answers 502, and the
// client's same submission sent again is answered with its one ticket); its
// master starts another at once; nothing acknowledged is lost or doubled.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const F = require('./lib');

/** Whether a worker is serving a request: blocked anywhere but in accept(). */
function inRequest(pid) {
  let call;
  try { call = fs.readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0]; } catch { return false; }
  return call !== '43' && call !== '288'; // accept, accept4 (x86-64)
}

let stack;
test.before(async () => { stack = await F.Stack.start('workers'); });
test.after(async () => { if (stack) await stack.stop(); });

test('kill -9 of api and portal workers under load: every acknowledged ticket once, the workers replaced', async (t) => {
  const load = new F.Load(stack, { api: 4, portal: 2 }).start();
  await F.sleep(2000);
  const kills = [];
  for (let i = 0; i < 10; i++) {
    const program = i % 2 ? 'portal' : 'api';
    const before = stack.workers(program);
    // one in the middle of a request (not waiting in accept()), so that a
    // request is lost with it
    const victim = await F.waitFor(() => before.find(inRequest), `an ${program} worker in a request`, { timeout: 5000, interval: 1 });
    const t0 = Date.now();
    process.kill(victim, 'SIGKILL');
    const ms = await F.waitFor(() => {
      const now = stack.workers(program);
      return !now.includes(victim) && now.length === before.length && Date.now() - t0 + 1;
    }, `${program}'s master to replace worker ${victim}`, { timeout: 10000, interval: 10 });
    kills.push({ program, ms });
    await F.sleep(1000);
  }
  await F.sleep(1000);
  await load.stop();
  await F.outboxDrained(stack);
  const facts = F.checkPromises(stack, load);
  assert.ok(facts.acked > 50, `the load went on: ${facts.acked} tickets acknowledged`);
  const answers = load.answerCounts();
  const replace = Math.max(...kills.map((k) => k.ms));
  t.diagnostic(`figure: kill -9 of 10 workers (5 api, 5 portal) in 12 s: ${facts.acked} tickets acknowledged, ` +
    `${(answers['502'] || 0) + (answers['502 bad_gateway'] || 0)} requests lost with their worker (502; each submission sent again and answered with its one ticket), ` +
    `0 lost, 0 doubled; a killed worker replaced within ${replace} ms; answers ${JSON.stringify(answers)}`);
  const l = F.latencies(load);
  t.diagnostic(`figure: kill -9 of workers: creation latency p50 ${l.p50} ms, p99 ${l.p99} ms; ${facts.mails} mails, ${facts.duplicates} duplicates`);
});
