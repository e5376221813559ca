'use strict';
// kill -9 of a program's master under API and portal load: its workers go
// with it (none lives on under PID 1 holding a database connection), and
// the program is back in seconds, under the dev supervisor (conf/dev/run.sh)
// and under the systemd units (conf/systemd, run by
// tests/faults/unit_runner.py as systemd would: PID 1 here is not systemd),
// socket-activated or on its own. Afterwards every acknowledged ticket
// exists once.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const F = require('./lib');

let stack;
let load;
test.before(async () => {
  stack = await F.Stack.start('master');
  load = new F.Load(stack, { api: 3, portal: 2, pause: 10 }).start();
  await F.sleep(2000);
});
test.after(async () => {
  if (load) await load.stop();
  if (stack) await stack.stop();
});

/** When the first answer with a ticket, to a submission through via, that
 * was sent after t arrived (ms), or 0. */
function servedAfter(via, t) {
  let best = 0;
  for (const s of load.subs) {
    if (s.via !== via) continue;
    for (const a of s.answers) {
      const end = a.at + a.ms;
      if (a.at > t && [200, 201, 303].includes(a.status) && (!best || end < best)) best = end;
    }
  }
  return best;
}

/** Answers that were not a ticket, through via, sent in [from, to). */
function failedBetween(via, from, to) {
  let n = 0;
  for (const s of load.subs) {
    if (s.via !== via) continue;
    for (const a of s.answers) if (a.at >= from && a.at < to && ![200, 201, 303].includes(a.status)) n++;
  }
  return n;
}

/** kill -9 of the master whose pid is read by pidOf; the figures. */
async function killMaster(program, pidOf, via) {
  const master = pidOf();
  const workers = F.children(master);
  assert.ok(workers.length > 0, `${program} has workers`);
  const t0 = Date.now();
  process.kill(master, 'SIGKILL');
  await F.waitFor(() => workers.every((w) => !F.alive(w)), `${program}'s workers to end with their master`, { timeout: 15000, interval: 20 });
  const gone = Date.now() - t0;
  await F.waitFor(() => {
    const now = pidOf();
    return now && now !== master && F.alive(now) && F.children(now).length === workers.length;
  }, `${program} to be started again`, { timeout: 30000, interval: 50 });
  const restarted = Date.now() - t0;
  await F.waitFor(() => servedAfter(via, t0 + restarted), `${program} to serve again`, { timeout: 30000, interval: 50 });
  const served = servedAfter(via, t0) - t0;
  await F.sleep(500);
  return { gone, restarted, served, failed: failedBetween(via, t0, t0 + served) };
}

test('dev supervisor: kill -9 of the api and portal masters, three times each: the workers go with them, the program is back in seconds, no connection is left behind', async (t) => {
  await F.sleep(1000);
  const connections = stack.connections();
  const counts = { api: stack.workers('api').length, portal: stack.workers('portal').length };
  const figures = [];
  for (let round = 0; round < 3; round++) {
    for (const program of ['api', 'portal']) {
      figures.push({ program, ...(await killMaster(program, () => stack.pid(program), program)) });
    }
  }
  for (const program of ['api', 'portal']) {
    assert.equal(stack.processes(program).length, 1 + counts[program], `${program}: one master and its ${counts[program]} workers, no orphans`);
  }
  await F.waitFor(() => stack.connections() <= connections, `database connections back to ${connections}`, { timeout: 20000, interval: 200 });
  const worst = (k) => Math.max(...figures.map((f) => f[k]));
  t.diagnostic(`figure: dev supervisor, kill -9 of a master (6 kills): workers gone within ${worst('gone')} ms, ` +
    `master and workers back within ${worst('restarted')} ms (run.sh waits 1, 2, 4 s for a part that keeps dying young), ` +
    `serving again within ${worst('served')} ms; ${figures.reduce((n, f) => n + f.failed, 0)} answers without a ticket meanwhile (each submission sent again); ` +
    `database connections ${stack.connections()} (before: ${connections})`);
});

/** Runs desk-api.service (and desk-api.socket) as systemd would, in place of the stack's api. */
async function underSystemd(socketActivated) {
  stack.hold('api', true);
  const old = stack.pid('api');
  process.kill(old, 'SIGTERM');
  await F.waitFor(() => stack.processes('api').length === 0, 'the supervised api to stop', { timeout: 20000 });
  const sd = path.join(F.ROOT, 'conf', 'systemd');
  const pidFile = path.join(stack.dir, 'run', 'unit-api.pid');
  const args = [path.join(__dirname, 'unit_runner.py'), path.join(sd, 'desk-api.service'), '--pid-file', pidFile,
    '--map', `/usr/local/bin/desk-api=${path.join(F.BUILD, 'api')}`, '--map', `/etc/desk/desk.hdf=${stack.conf}`,
    '--map', `/run/desk/=${path.join(stack.dir, 'run')}/`];
  if (socketActivated) args.push('--socket', path.join(sd, 'desk-api.socket'));
  const out = fs.openSync(path.join(stack.dir, 'log', 'unit-runner.log'), 'a');
  const runner = spawn('/usr/bin/python3', args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const pidOf = () => { try { return Number(fs.readFileSync(pidFile, 'utf8')); } catch { return 0; } };
  try {
    await F.waitFor(() => pidOf() && F.children(pidOf()).length === 8, 'desk-api.service to start its workers', { timeout: 30000 });
    const t0 = Date.now();
    await F.waitFor(() => servedAfter('api', t0), 'the API to serve under the unit', { timeout: 30000 });
    const f = await killMaster('api', pidOf, 'api');
    assert.ok(f.restarted < 15000, `back in seconds: ${f.restarted} ms`);
    return f;
  } finally {
    const ended = new Promise((resolve) => runner.once('exit', resolve));
    runner.kill('SIGTERM');
    await ended;
    await F.waitFor(() => stack.processes('api').length === 0, 'desk-api.service to stop', { timeout: 20000 });
    stack.hold('api', false);
    await F.waitFor(async () => (await stack.get('/api/v1/health', { timeout: 2000 })).status === 200, 'the supervised api', { timeout: 30000 });
  }
}

test('systemd units: kill -9 of desk-api\'s master, socket-activated and on its own: the workers go with it, Restart=on-failure brings it back in seconds', async (t) => {
  const sa = await underSystemd(true);
  t.diagnostic(`figure: systemd unit with desk-api.socket, kill -9 of the master: workers gone within ${sa.gone} ms, back within ${sa.restarted} ms (RestartSec=2), ` +
    `serving within ${sa.served} ms; ${sa.failed} answers without a ticket (the socket stays open: requests wait, none is refused)`);
  const own = await underSystemd(false);
  t.diagnostic(`figure: systemd unit on its own socket, kill -9 of the master: workers gone within ${own.gone} ms, back within ${own.restarted} ms, ` +
    `serving within ${own.served} ms; ${own.failed} answers without a ticket meanwhile (502 JSON, each submission sent again)`);
});

test('afterwards: every acknowledged ticket once, numbers gapless, every mail', async (t) => {
  await load.stop();
  await F.outboxDrained(stack);
  const facts = F.checkPromises(stack, load);
  assert.ok(facts.acked > 50, `the load went on: ${facts.acked}`);
  t.diagnostic(`figure: master kills: ${facts.acked} tickets acknowledged, 0 lost, 0 doubled; answers ${JSON.stringify(load.answerCounts())}; ${facts.mails} mails, ${facts.duplicates} duplicates`);
});
