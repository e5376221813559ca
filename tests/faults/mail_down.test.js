'use strict';
// The mail server down (its process killed and kept down) under load, then
// back: tickets go on being created, their mails wait in the outbox with
// the failure recorded and a retry planned, and once the server is back
// (the stack's clock moved past the retry) every mail arrives exactly once.
const test = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const F = require('./lib');

let stack;
test.before(async () => { stack = await F.Stack.start('mail'); });
test.after(async () => { if (stack) await stack.stop(); });

function accepts(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => { c.destroy(); resolve(true); });
    c.on('error', () => resolve(false));
  });
}

test('mail server down for 10 s under load, then back: creation goes on, every mail arrives once', async (t) => {
  const load = new F.Load(stack, { api: 2, portal: 1, pause: 20 }).start();
  await F.sleep(2000);
  stack.hold('smtp', true);
  const pid = stack.pid('smtp');
  process.kill(pid, 'SIGKILL');
  await F.waitFor(async () => !(await accepts(stack.smtpPort)), 'the mail server to be down', { timeout: 10000 });
  const t0 = Date.now();
  await F.sleep(10000);
  const t1 = Date.now();
  const during = F.latencies(load, t0, t1);
  const [[waiting, tried]] = stack.sql("SELECT COUNT(*), SUM(attempts > 0 AND last_error IS NOT NULL AND last_error <> '') FROM outbox WHERE status = 'pending'");
  assert.ok(during.n > 20, `tickets were created while the mail server was down: ${during.n}`);
  assert.ok(Number(tried) > 0, `the failures are recorded and retried later: ${tried} of ${waiting} waiting`);

  await load.stop();
  const [[backlog]] = stack.sql("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'");
  stack.hold('smtp', false);
  await F.waitFor(() => accepts(stack.smtpPort), 'the mail server to be back', { timeout: 20000 });
  const t2 = Date.now();
  stack.setClock(600); // past the first retry (1 min, then 2, 4 ...)
  await F.outboxDrained(stack, 90000);
  const drained = Date.now() - t2;
  const facts = F.checkPromises(stack, load);
  t.diagnostic(`figure: mail server down 10 s under load: ${during.n} tickets created meanwhile (p99 ${during.p99} ms), ${waiting} mails waiting (${tried} tried and failed), ` +
    `the ${backlog} undelivered delivered ${drained} ms after the server was back and the retries were due; ${facts.mails} mails, ${facts.duplicates} duplicates, ${facts.acked} tickets, 0 lost`);
});
