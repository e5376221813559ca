'use strict';
// Notifications go through the outbox and arrive exactly once.
//  - On the shared test stack: a new ticket with a customer email (portal or
//    API) mails "ticket_created" with the number and the private follow link;
//    an agent's public reply mails "ticket_reply" with its text; an internal
//    note mails nothing. Mails are read from the SMTP catcher's maildir.
//  - Mail server down: a throwaway stack of this file's own, started without
//    an SMTP catcher (conf/dev/run.sh with DESK_SMTP_CATCHER=0), queues the
//    mails of 5 new tickets, retries them with back-off (the scheduler's log
//    names each failed attempt), and once a catcher listens delivers every
//    one exactly once.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 94;
const T = A.tag('OB');
const origin = `${L.BASE.protocol}//${L.BASE.host}`;

/** A customer address of this run. */
const address = (what) => `${T.toLowerCase()}-${what}@example.com`;

/** The mails to addr on the shared stack. */
const mailsTo = (addr) => S.readMails().filter((m) => S.mailTo(m, addr));

/** Waits until addr has at least n mails, then lets one more scheduler pass
 * deliver anything still queued, and returns addr's mails. */
async function settle(addr, n) {
  await S.waitFor(() => mailsTo(addr).length >= n, `${n} mail(s) to ${addr}`, {
    timeout: 60000, describe: () => mailsTo(addr).map((m) => m.subject).join(' | ') || 'none',
  });
  S.schedulerOnce();
  return mailsTo(addr);
}

test('a ticket from the portal: exactly one "ticket_created" mail with the number and the private follow link', async () => {
  const email = address('portal');
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  const x = await c.createTicket('fault', { email, subject: `${T} portal`, contact_name: '门户客户' });
  assert.ok(x.number && x.token, 'the receipt names the ticket and the follow link');
  const got = await settle(email, 1);
  assert.equal(got.length, 1, `one mail to ${email}: ${got.map((m) => m.subject).join(' | ')}`);
  const m = got[0];
  assert.ok(m.subject.includes(`[工单 ${x.number}]`) && m.subject.includes('已受理'), `subject: ${m.subject}`);
  assert.ok(m.body.includes(x.number), 'the body names the ticket');
  assert.ok(m.body.includes(`${origin}/t/${x.token}\n`), `the body holds the follow link ${origin}/t/${x.token}: ${m.body}`);
  assert.ok(m.body.includes('门户客户'), 'addressed by name');
  assert.match(m.messageId, /^<desk\.outbox\.\d+@[^>]+>$/, 'a Message-ID from the outbox id');
});

test('a ticket through the API: exactly one "ticket_created" mail holding the link the API returned', async () => {
  const email = address('api');
  const x = await A.createTicket({ subject: `${T} api`, customer: { name: '接口客户', email } });
  const got = await settle(email, 1);
  assert.equal(got.length, 1, `one mail to ${email}`);
  const m = got[0];
  assert.ok(m.subject.includes(`[工单 ${x.number}]`) && m.subject.includes('已受理'), `subject: ${m.subject}`);
  assert.ok(m.body.includes(x.number), 'the body names the ticket');
  assert.ok(m.body.includes(`${x.link}\n`), `the body holds the link the API returned (${x.link}): ${m.body}`);
});

test('an agent\'s public reply mails "ticket_reply" with the text once; an internal note mails nothing', async () => {
  const email = address('reply');
  const x = await A.createTicket({ subject: `${T} reply`, customer: { name: '回复客户', email } });
  await settle(email, 1);
  const agent = await A.desk('agent', L.addr(FILE, 2));
  await agent.must(x.number, 'claim');
  const note = `${T} 内部备注：客户系统版本较旧，不要告诉客户`;
  const reply = `${T} 您好，请在设置页点击“导出日志”，然后把文件发给我们。`;
  await agent.must(x.number, 'note', { body: note });
  await agent.must(x.number, 'reply', { body: reply });
  const got = await settle(email, 2);
  assert.equal(got.length, 2, `created + reply, nothing for the note: ${got.map((m) => m.subject).join(' | ')}`);
  const replies = got.filter((m) => m.subject.includes('新回复'));
  assert.equal(replies.length, 1, 'one reply mail');
  const m = replies[0];
  assert.ok(m.subject.includes(`[工单 ${x.number}]`), `subject: ${m.subject}`);
  assert.ok(m.body.includes(reply), `the reply text is in the mail: ${m.body}`);
  assert.ok(m.body.includes(`${x.link}\n`), 'with the private follow link');
  assert.ok(!S.readMails().some((mm) => mm.body.includes(note) || mm.subject.includes(note)), 'the internal note is in no mail');
});

/* ---- mail server down ------------------------------------------------------- */

let stack; // {dir, base, smtp, proc, catcher}

async function listening(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

async function freePorts() {
  for (let port = 18980; port < 19180; port += 3) {
    const smtp = port + 25;
    if (await S.portFree(port) && await S.portFree(port + 1) && await S.portFree(smtp)) return { port, smtp };
  }
  throw new Error('no free ports for a throwaway stack');
}

function exited(proc, ms) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    proc.once('exit', () => { clearTimeout(timer); resolve(true); });
  });
}

async function stopStack() {
  if (!stack) return;
  const { proc, catcher, dir } = stack;
  stack = undefined;
  if (catcher) { catcher.kill('SIGTERM'); await exited(catcher, 5000); }
  if (proc) { proc.kill('SIGTERM'); await exited(proc, 20000); }
  fs.rmSync(dir, { recursive: true, force: true });
}

// (the shared stack's clock is never moved here; the throwaway stack's is
// removed with it)
test.after(stopStack);

/** Per outbox message id, the highest failed attempt in the throwaway stack's scheduler log. */
function failedAttempts(dir) {
  let log = '';
  try { log = fs.readFileSync(path.join(dir, 'log', 'scheduler.log'), 'utf8'); } catch { /* not yet */ }
  const out = new Map();
  for (const m of log.matchAll(/outbox: message (\d+) \(email\) attempt (\d+) failed, will retry/g)) {
    out.set(m[1], Math.max(out.get(m[1]) || 0, Number(m[2])));
  }
  return out;
}

test('mail server down: nothing is lost, the mails are retried with back-off, and each arrives exactly once when the server is back', { timeout: 120000 }, async () => {
  const { port, smtp } = await freePorts();
  const dir = fs.mkdtempSync('/tmp/desk-outbox-');
  const log = fs.openSync(path.join(dir, 'stack.log'), 'a');
  const proc = spawn('bash', [path.join(L.ROOT, 'conf', 'dev', 'run.sh')], {
    env: {
      ...process.env, DESK_VAR: dir, PORT: String(port), DESK_SMTP_CATCHER: '0', DESK_SMTP_PORT: String(smtp),
      DESK_TEST_CLOCK: '1', DESK_SCHEDULER_SECONDS: '1', DESK_ACCESS_LOG: 'off',
      DESK_WORKERS: '2', DESK_API_WORKERS: '2', DESK_BUFFER_POOL: '32M',
    },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  stack = { dir, base, smtp, proc };
  await S.waitFor(async () => {
    if (proc.exitCode !== null) assert.fail(`the throwaway stack stopped: ${fs.readFileSync(path.join(dir, 'stack.log'), 'utf8').slice(-800)}`);
    try { return (await S.request(base, 'GET', '/api/v1/health', { timeout: 2000 })).status === 200; } catch { return false; }
  }, `a throwaway stack on ${base}`, { timeout: 60000, interval: 250 });
  const key = fs.readFileSync(path.join(dir, 'dev-credentials'), 'utf8').match(/^API_KEY=(.+)$/m)[1].trim();
  assert.equal(await listening(smtp), false, `nothing listens on the SMTP port ${smtp}`);

  // five tickets, each with a customer to mail
  const tickets = [];
  for (let i = 1; i <= 5; i++) {
    const email = address(`down${i}`);
    const res = await S.request(base, 'POST', '/api/v1/tickets', {
      key, json: L.apiTicket({ subject: `${T} down ${i}`, customer: { name: `客户${i}`, email } }),
    });
    assert.equal(res.status, 201, `create ${i}: ${res.body}`);
    tickets.push({ number: res.json().number, email });
  }

  // every message fails its first attempt and is kept for later
  await S.waitFor(() => [...failedAttempts(dir).values()].filter((a) => a >= 1).length >= 5,
    'five failed first attempts in the scheduler log', { describe: () => JSON.stringify([...failedAttempts(dir)]) });
  const ids = [...failedAttempts(dir).keys()];
  assert.equal(ids.length, 5, `five messages in the outbox, each tried: ${ids}`);
  // retried after the back-off (1 min, then 2 min), not before
  S.setClock(30, dir);
  S.schedulerOnce(dir);
  assert.ok([...failedAttempts(dir).values()].every((a) => a === 1), 'no second attempt within the first minute');
  S.setClock(90, dir);
  await S.waitFor(() => ids.every((id) => failedAttempts(dir).get(id) >= 2), 'second attempts after a minute',
    { describe: () => JSON.stringify([...failedAttempts(dir)]) });
  S.setClock(4 * 60, dir);
  await S.waitFor(() => ids.every((id) => failedAttempts(dir).get(id) >= 3), 'third attempts after two more minutes',
    { describe: () => JSON.stringify([...failedAttempts(dir)]) });
  const maildir = path.join(dir, 'caught');
  assert.equal(S.readMails(path.join(dir, 'mail')).length, 0, 'no mail anywhere yet');

  // the mail server comes back
  const catcher = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${smtp}`,
    '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: 'ignore' });
  stack.catcher = catcher;
  await S.waitFor(() => listening(smtp), `an SMTP catcher on ${smtp}`, { timeout: 20000 });
  S.setClock(10 * 60, dir); // past the third back-off (4 min)
  const caught = () => S.readMails(maildir);
  await S.waitFor(() => caught().length >= 5, 'five mails at the catcher', {
    describe: () => `${caught().length} caught; attempts ${JSON.stringify([...failedAttempts(dir)])}`,
  });
  // more passes, later clocks: nothing is sent again (the customers' mails;
  // moving the clock hours ahead may also raise SLA warnings to agents)
  S.schedulerOnce(dir);
  S.setClock(3 * 3600, dir);
  S.schedulerOnce(dir);
  S.schedulerOnce(dir);
  const got = caught().filter((m) => tickets.some((t) => S.mailTo(m, t.email)));
  assert.equal(got.length, 5, `exactly five mails: ${got.map((m) => `${m.to} ${m.subject}`).join(' | ')}`);
  assert.equal(new Set(got.map((m) => m.messageId)).size, 5, `distinct Message-IDs: ${got.map((m) => m.messageId)}`);
  for (const t of tickets) {
    const mine = got.filter((m) => S.mailTo(m, t.email));
    assert.equal(mine.length, 1, `one mail to ${t.email}`);
    assert.ok(mine[0].subject.includes(`[工单 ${t.number}]`) && mine[0].subject.includes('已受理'), `the ticket_created mail of ${t.number}: ${mine[0].subject}`);
    assert.ok(mine[0].body.includes(t.number));
  }
  await stopStack();
});
