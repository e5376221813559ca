'use strict';
// kill -9 of workers under API and portal load: a worker killed in the
// middle of a request loses that request (nginx answers 502, and the
// client's same submission sent again is answered with its one ticket); its
// master starts another at once; nothing acknowledged is lost or doubled.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const F = require('./lib');

/** CPU time (ticks) a process has used. */
function cpuTicks(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch { return 0; }
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
    // the busiest: requests go to few of the idle workers, so a worker
    // picked at random is seldom in the middle of one
    const victim = before.map((pid) => [pid, cpuTicks(pid)]).sort((a, b) => b[1] - a[1])[0][0];
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
    `${answers['502'] || 0} answers 502 (each followed by the same submission, answered with its one ticket), ` +
    `0 lost, 0 doubled; a killed worker replaced within ${replace} ms; answers ${JSON.stringify(answers)}`);
  const l = F.latencies(load);
  t.diagnostic(`figure: kill -9 of workers: creation latency p50 ${l.p50} ms, p99 ${l.p99} ms; ${facts.mails} mails, ${facts.duplicates} duplicates`);
});
