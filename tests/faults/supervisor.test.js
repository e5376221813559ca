'use strict';
// make run (conf/dev/run.sh) supervises what it starts: each part killed
// (kill -9) under load is started again and the restart logged, the rest
// keeps serving meanwhile, and a part that keeps dying young is restarted
// after 1, 2, 4 ... s.
const test = require('node:test');
const assert = require('node:assert/strict');
const F = require('./lib');

let stack;
let load;
test.before(async () => {
  stack = await F.Stack.start('supervisor');
  load = new F.Load(stack, { api: 2, portal: 1, pause: 20 }).start();
  await F.sleep(1500);
});
test.after(async () => {
  if (load) await load.stop();
  if (stack) await stack.stop();
});

const restarts = (part) => (stack.stackLog().match(new RegExp(`run\\.sh: ${part} exited \\(status \\d+ after \\d+ s\\); starting it again in \\d+ s`, 'g')) || []).length;

/** kill -9 of a part; waits for the supervisor to start it again; ms. */
async function killPart(part, ready) {
  const pid = stack.pid(part);
  const logged = restarts(part);
  assert.ok(F.alive(pid), `${part} runs`);
  const t0 = Date.now();
  process.kill(pid, 'SIGKILL');
  await F.waitFor(async () => {
    const now = stack.pid(part);
    return now !== pid && F.alive(now) && (!ready || await ready());
  }, `${part} to be started again`, { timeout: 40000, interval: 50 });
  const ms = Date.now() - t0;
  assert.equal(restarts(part), logged + 1, `the restart of ${part} is logged`);
  return ms;
}

test('each part killed under load is started again, logged, while the rest keeps serving', async (t) => {
  const figures = {};
  const t0 = Date.now();
  figures.smtp = await killPart('smtp');
  figures.scheduler = await killPart('scheduler');
  figures.agent = await killPart('agent', async () => (await stack.get('/agent/login', { timeout: 3000 })).status === 200);
  figures.admin = await killPart('admin', async () => (await stack.get('/admin/', { timeout: 3000 })).status < 500);
  const t1 = Date.now();
  figures.nginx = await killPart('nginx', async () => (await stack.get('/health', { timeout: 2000 })).status === 200);
  const still = F.longestStill(load, t0, t1);
  t.diagnostic(`figure: dev supervisor, kill -9 of one part under load, back after: ${Object.entries(figures).map(([k, v]) => `${k} ${v} ms`).join(', ')} ` +
    `(1 s delay included); ticket creation stood still at most ${still} ms while the mail catcher, the scheduler, the agent and admin programs were restarted`);
  assert.ok(still < 3000, `the API and portal kept serving: stood still ${still} ms`);
});

test('a part that keeps dying young is started again after a delay that doubles', async () => {
  await F.sleep(500);
  for (let i = 0; i < 3; i++) await killPart('scheduler');
  const delays = [...stack.stackLog().matchAll(/run\.sh: scheduler exited \(status \d+ after \d+ s\); starting it again in (\d+) s/g)].map((m) => Number(m[1]));
  const [a, b, c] = delays.slice(-3);
  assert.ok(b === Math.min(2 * a, 30) && c === Math.min(2 * b, 30), `the delay doubles: ${delays.join(', ')} s`);
});

test('afterwards: every acknowledged ticket once, numbers gapless, every mail', async (t) => {
  await load.stop();
  await F.outboxDrained(stack, 90000);
  const facts = F.checkPromises(stack, load);
  const log = stack.log('scheduler');
  const unanswered = (log.match(/was handed over but the server's answer never came/g) || []).length;
  const abandoned = (log.match(/its hand-over of \d+ s ago was never confirmed/g) || []).length;
  t.diagnostic(`figure: supervisor: ${facts.acked} tickets acknowledged, 0 lost, 0 doubled; ${facts.mails} mails, ${facts.duplicates} second copies (same Message-ID) ` +
    `on ${facts.unconfirmed} unconfirmed hand-overs (${unanswered} final "." unanswered as the catcher was killed, ${abandoned} left by a killed scheduler); ` +
    `answers ${JSON.stringify(load.answerCounts())}`);
});
