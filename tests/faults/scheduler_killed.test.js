'use strict';
// The scheduler killed (kill -9) while it delivers mail. The outbox records
// each hand-over to the SMTP server just before the final "." of DATA, so a
// sender that dies is followed by one that knows whether the server may
// have taken the message: a mail is never lost, and a second copy (with the
// same Message-ID) goes out only for a hand-over nobody saw confirmed, which
// the outbox counts (unconfirmed_handovers). The mail server here is
// tests/faults/smtp.js, which can stall at either side of that moment.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const F = require('./lib');
const { SmtpServer } = require('./smtp');

let stack;
let smtp;
let clock = 0; // the stack's clock offset, seconds: moved on to end leases
const tag = `SK${crypto.randomBytes(3).toString('hex')}`;
const extra = []; // tickets created outside the load, for the final check

test.before(async () => {
  stack = await F.Stack.start('scheduler', {
    env: { DESK_SMTP_CATCHER: '0' },
    prepare: async (dir, s) => { smtp = await new SmtpServer(s.smtpPort).up(); },
  });
});
test.after(async () => {
  if (stack) await stack.stop();
  if (smtp) await smtp.down();
});

/** Stops the scheduler (kill -9) and keeps it stopped. */
async function killScheduler({ hold = true } = {}) {
  const pid = stack.pid('scheduler');
  if (hold) stack.hold('scheduler', true);
  process.kill(pid, 'SIGKILL');
  await F.waitFor(() => !F.alive(pid), 'the scheduler to end', { timeout: 10000, interval: 20 });
  return pid;
}

async function createTicket(subject) {
  const res = await stack.api('POST', '/api/v1/tickets', {
    subject, description: 'scheduler killed', category: 'fault', impact: 'department', product: 'Storage array',
    customer: { name: 'Mail Test', email: `${subject.toLowerCase().replace(/\W+/g, '-')}@example.com` },
    fields: { fault_kind: 'hardware', symptoms: 'x', reproduce: 'y' },
  }, { headers: { 'Idempotency-Key': crypto.randomBytes(8).toString('hex') } });
  assert.equal(res.status, 201, res.body);
  const number = F.jsonOf(res).number;
  extra.push({ via: 'api', subject, number, answers: [] });
  return number;
}

function outboxRow(id) {
  const [r] = stack.sql(`SELECT status, handed_over_at IS NOT NULL, unconfirmed_handovers FROM outbox WHERE id = ${Number(id)}`);
  return { status: r[0], handed: r[1] === '1', unconfirmed: Number(r[2]) };
}

const idOf = (messageId) => Number(/^<desk\.outbox\.(\d+)@/.exec(messageId)[1]);

/** Ends every lease by moving the stack's clock on. */
function endLeases(seconds = 300) {
  clock += seconds;
  stack.setClock(clock);
}

test('killed after the final "." was sent, before the answer: recorded as handed over; sent again once, counted, same Message-ID', async (t) => {
  await killScheduler();
  await createTicket(`${tag} dot`);
  smtp.stall('dot');
  stack.hold('scheduler', false);
  await F.waitFor(() => smtp.stalled.length === 1, 'the scheduler to send the message', { timeout: 30000 });
  const { id: messageId } = smtp.stalled[0];
  const id = idOf(messageId);
  assert.deepEqual(outboxRow(id), { status: 'sending', handed: true, unconfirmed: 0 },
    'the hand-over is on record while the server has not answered');
  await killScheduler({ hold: false });
  const t0 = Date.now();
  endLeases();
  await F.waitFor(() => outboxRow(id).status === 'sent', 'the message to be sent again', { timeout: 30000 });
  assert.equal(smtp.copies.get(messageId), 2, 'the server got it twice, under one Message-ID');
  assert.deepEqual(outboxRow(id), { status: 'sent', handed: false, unconfirmed: 1 }, 'the second copy is counted');
  assert.match(stack.log('scheduler'), new RegExp(`message ${id}: its hand-over of \\d+ s ago was never confirmed`));
  t.diagnostic(`figure: scheduler killed awaiting the answer to the final ".": sent again ${Date.now() - t0} ms after its lease ended, the one counted duplicate, same Message-ID`);
});

test('killed before the message was given (DATA unanswered): not recorded as handed over; sent again once, no duplicate', async () => {
  await killScheduler();
  await createTicket(`${tag} data`);
  smtp.stall('data');
  stack.hold('scheduler', false);
  await F.waitFor(() => smtp.stalled.length === 2, 'the scheduler to begin the message', { timeout: 30000 });
  const [[id]] = stack.sql("SELECT id FROM outbox WHERE status = 'sending'");
  assert.deepEqual(outboxRow(id), { status: 'sending', handed: false, unconfirmed: 0 });
  await killScheduler({ hold: false });
  endLeases();
  await F.waitFor(() => outboxRow(id).status === 'sent', 'the message to be sent again', { timeout: 30000 });
  assert.equal(smtp.copies.get(`<desk.outbox.${id}@localhost>`), 1, 'once');
  assert.equal(outboxRow(id).unconfirmed, 0);
});

test('the mail server keeps the message and dies before answering its final ".": sent again, the second copy counted, same Message-ID', async () => {
  await killScheduler();
  await createTicket(`${tag} drop`);
  smtp.stall('drop');
  stack.hold('scheduler', false);
  await F.waitFor(() => smtp.stalled.length === 3, 'the scheduler to send the message', { timeout: 30000 });
  const { id: messageId } = smtp.stalled[2];
  const id = idOf(messageId);
  await F.waitFor(() => outboxRow(id).status !== 'sending', 'the scheduler to record the unanswered hand-over', { timeout: 30000 });
  assert.deepEqual(outboxRow(id), { status: 'pending', handed: false, unconfirmed: 1 },
    'a hand-over whose answer never came is counted as unconfirmed: the server may have kept the message');
  assert.match(stack.log('scheduler'), new RegExp(`message ${id} \\(email\\) was handed over but the server's answer never came`));
  endLeases(); // past the retry
  await F.waitFor(() => outboxRow(id).status === 'sent', 'the message to be sent again', { timeout: 30000 });
  assert.equal(smtp.copies.get(messageId), 2, 'the server got it twice, under one Message-ID');
  assert.deepEqual(outboxRow(id), { status: 'sent', handed: false, unconfirmed: 1 }, 'the second copy is counted');
});

test('six kills of the scheduler while it delivers the mails of a load: every mail arrives, a second copy only where counted', async (t) => {
  await killScheduler();
  const load = new F.Load(stack, { api: 3, portal: 1 }).start();
  // at least 4 s and 200 queued mails (a loaded machine creates fewer per second)
  const loadStart = Date.now();
  await F.waitFor(() => Date.now() - loadStart >= 4000 &&
    Number(stack.sql("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")[0][0]) >= 200,
  'the load to queue 200 mails', { timeout: 40000, interval: 250 });
  await load.stop();
  const [[queued]] = stack.sql("SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
  smtp.delayMs = 3;
  const before = smtp.total();
  stack.hold('scheduler', false);
  let kills = 0;
  for (let i = 0; i < 6; i++) {
    await F.waitFor(() => F.alive(stack.pid('scheduler')) && smtp.total() > before + 10 * i, 'the scheduler to deliver', { timeout: 30000, interval: 20 });
    await F.sleep(150 + Math.floor(Math.random() * 400));
    await killScheduler();
    kills++;
    stack.hold('scheduler', false);
  }
  endLeases();
  const t0 = Date.now();
  await F.outboxDrained(stack, 90000);
  const facts = F.checkPromises(stack, { subs: [...load.subs, ...extra] }, { mails: smtp.copies });
  const [[unconfirmed]] = stack.sql('SELECT COALESCE(SUM(unconfirmed_handovers), 0) FROM outbox');
  t.diagnostic(`figure: ${kills} kills of the scheduler delivering ${queued} queued mails: ${facts.mails} mails, every one arrived; ` +
    `${facts.duplicates} second copies (same Message-ID), ${unconfirmed} hand-overs unconfirmed; the rest delivered within ${Date.now() - t0} ms of the leases' end`);
  assert.ok(Number(queued) > 100, `mails were queued: ${queued}`);
});
