'use strict';
// SLA alerts fire once, at the right time, whatever the number of schedulers.
// The test stack's clock is shifted through $DESK_TEST_VAR/clock-offset (read
// by every program); the stack's scheduler passes every second, and
// build/scheduler --once plays a restarted and a second scheduler. Alerts are
// read where people see them (the agent ticket page's history) and in the
// mails the SMTP catcher keeps ($DESK_TEST_VAR/mail/new).
//
// Urgent (impact company) runs on the 7x24 calendar: first response 15 min
// (warning at 75 %), classification 120 min after intake; acceptance is due
// 30 min after an assignment.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

const FILE = 91;
const T = A.tag('SA');
const { MIN } = S;
const SUPERVISORS = ['supervisor@desk.example', 'admin@desk.example'];
const ASSIGNEE = 'agent@desk.example';

// the clock starts at the instant of this run (clock.js: tests/run.sh runs
// the file at three) and moves from there
C.useTestInstant();

/** The clock relative to a ticket's creation: the offset that makes "now"
 * created + seconds (the tickets are created with the offset at 0). */
function at(ticket, seconds) {
  S.setClock((ticket.created + seconds * 1000 - Date.now()) / 1000);
}

async function counts(desk, number) {
  const p = await desk.ticket(number);
  assert.equal(p.res.status, 200, `GET /agent/t/${number}`);
  return S.alertCounts(p.html);
}

/** Polls the ticket page until the alert has at least one line. */
async function waitAlert(desk, number, code) {
  let last;
  await S.waitFor(async () => (last = await counts(desk, number))[code] >= 1,
    `${code} on ${number}`, { describe: () => JSON.stringify(last) });
  return last;
}

/** Mails about ticket NUMBER to ADDR whose subject matches what and whose
 * subject or body names the clock (in words or by its code). */
function mails(number, addr, what, clock) {
  return S.readMails().filter((m) => S.mailTo(m, addr) && m.subject.includes(`[工单 ${number}]`) &&
    what.test(m.subject) && (!clock || clock.test(m.subject) || clock.test(m.body)));
}

const WARN = /即将超时/;
const BREACH = /已超时/;
const FIRST = /首次响应|first_response/;
const CLASSIFY = /分类|classify/;

let firstResponseMails; // the warning and breach mails of the first test, for the content test
let reminderMail; // the acceptance reminder of the acceptance test, for its content test

test('first response: nothing before 75 %, one warning at 75 %, one breach at 15 min, never again (restarted and second schedulers, later passes); classification overdue at 2 h', { timeout: L.slow(180000) }, async () => {
  const x = await S.urgentTicket(`${T} first response`);
  const due = S.secs(x.api.sla.first_response_due_at);
  assert.equal(due, x.created / 1000 + 15 * MIN, 'first response due 15 min after intake (7x24)');
  assert.equal(S.secs(x.api.sla.classify_due_at), x.created / 1000 + 120 * MIN, 'classification due 2 h after intake (7x24)');
  let sup = await S.fresh('supervisor', L.addr(FILE, 1));

  // 10 minutes in: a full pass of a second scheduler raises nothing
  at(x, 10 * MIN);
  S.schedulerOnce();
  let c = await counts(sup, x.number);
  assert.equal(c.total, 0, `no SLA line 10 min in: ${JSON.stringify(c)}`);

  // 11.5 minutes in (75 % of 15 min is 11.25): one warning
  at(x, 11.5 * MIN);
  c = await waitAlert(sup, x.number, 'first_response_warning');
  assert.equal(c.first_response_warning, 1, 'exactly one warning');
  assert.equal(c.first_response_breach, 0, 'no breach before the due');
  assert.equal(c.total, 1, `nothing else: ${JSON.stringify(c)}`);

  // 15.5 minutes in: one breach
  at(x, 15.5 * MIN);
  c = await waitAlert(sup, x.number, 'first_response_breach');
  assert.deepEqual([c.first_response_warning, c.first_response_breach, c.total], [1, 1, 2], JSON.stringify(c));

  // a restarted scheduler and a second copy raise nothing again
  S.schedulerOnce();
  S.schedulerOnce();
  c = await counts(sup, x.number);
  assert.deepEqual([c.first_response_warning, c.first_response_breach, c.total], [1, 1, 2],
    `after two extra scheduler passes: ${JSON.stringify(c)}`);

  // 119 minutes in: still no classification alert, still one of each
  at(x, 119 * MIN);
  sup = await S.fresh('supervisor', L.addr(FILE, 2)); // the old session has idled out
  S.schedulerOnce();
  c = await counts(sup, x.number);
  assert.equal(c.classify_overdue, 0, 'classification not overdue at 119 min');
  assert.deepEqual([c.first_response_warning, c.first_response_breach, c.total], [1, 1, 2], JSON.stringify(c));

  // 121 minutes in: classification overdue (the ticket is still new), raised by
  // the running scheduler: proof that it made passes at this clock too
  at(x, 121 * MIN);
  await waitAlert(sup, x.number, 'classify_overdue');
  S.schedulerOnce();
  S.schedulerOnce();
  c = await counts(sup, x.number);
  assert.deepEqual(
    [c.first_response_warning, c.first_response_breach, c.classify_overdue, c.total], [1, 1, 1, 3],
    `each alert exactly once after passes at 11.5, 15.5, 119 and 121 min: ${JSON.stringify(c)}`);
  const p = await sup.ticket(x.number);
  assert.match(p.html, /<li class="sys sys-sla">/, 'the alerts are grey system lines of the history');

  // the mails: each alert once to each supervisor (the ticket has no owner)
  const expected = () => SUPERVISORS.every((a) => mails(x.number, a, WARN, FIRST).length >= 1 &&
    mails(x.number, a, BREACH, FIRST).length >= 1 && mails(x.number, a, BREACH, CLASSIFY).length >= 1);
  await S.waitFor(expected, `the warning and breach mails of ${x.number} to ${SUPERVISORS}`, {
    timeout: 60000,
    describe: () => S.readMails().filter((m) => m.subject.includes(x.number)).map((m) => `${m.to}: ${m.subject}`).join(' | '),
  });
  S.schedulerOnce(); // one more delivery pass: anything still queued would go now
  for (const a of SUPERVISORS) {
    assert.equal(mails(x.number, a, WARN, FIRST).length, 1, `one first-response warning mail to ${a}`);
    assert.equal(mails(x.number, a, BREACH, FIRST).length, 1, `one first-response breach mail to ${a}`);
    assert.equal(mails(x.number, a, BREACH, CLASSIFY).length, 1, `one classification mail to ${a}`);
  }
  const all = S.readMails().filter((m) => m.subject.includes(`[工单 ${x.number}]`));
  const ids = all.map((m) => m.messageId);
  assert.equal(new Set(ids).size, ids.length, 'no Message-ID twice');
  assert.equal(all.filter((m) => SUPERVISORS.some((a) => S.mailTo(m, a))).length, 6,
    `six alert mails in all to the supervisors: ${all.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`);
  firstResponseMails = {
    number: x.number,
    due,
    warn: mails(x.number, 'supervisor@desk.example', WARN, FIRST)[0],
    breach: mails(x.number, 'supervisor@desk.example', BREACH, FIRST)[0],
  };
});

test('the alert mails say which clock and when it is due, in words', async (t) => {
  if (!firstResponseMails) return t.skip('the first test did not get that far');
  const { number, due, warn, breach } = firstResponseMails;
  const local = (s) => new Date((s + 8 * 3600) * 1000).toISOString().slice(0, 16).replace('T', ' ');
  const problems = [];
  for (const [name, m] of [['warning', warn], ['breach', breach]]) {
    const check = (ok, what) => { if (!ok) problems.push(`${name}: ${what}`); };
    check(m.body.includes(number), 'the body names the ticket');
    check(m.body.includes(`/agent/t/${number}`), 'a link to the agent page');
    check(/时限：首次响应\n/.test(m.body), 'the body names the clock in words ("时限：首次响应"), not by an internal code');
    check(/首次响应/.test(m.subject), `the subject names the clock in words: "${m.subject}"`);
    check(m.body.includes(`到期时间：${local(due)}`), `the due time shown is the first-response deadline ${local(due)} (Asia/Shanghai)`);
    check(!/工程师：/.test(m.body), 'an unowned ticket names no engineer (the recipient is not its engineer)');
  }
  assert.deepEqual(problems, [], `what the supervisor's mails say:\n--- warning\n${warn.subject}\n${warn.body}\n--- breach\n${breach.subject}\n${breach.body}`);
});

test('acceptance: not accepted 30 min after assignment -> one accept_overdue alert and one reminder to the supervisors; accepted in time -> none', { timeout: L.slow(120000) }, async () => {
  S.resetClock();
  const late = await S.urgentTicket(`${T} accept late`);
  const early = await S.urgentTicket(`${T} accept early`);
  const sup = await S.fresh('supervisor', L.addr(FILE, 3));
  const agent = await S.fresh('agent', L.addr(FILE, 4));
  for (const x of [late, early]) {
    const p = await sup.must(x.number, 'assign', { agent: A.PEOPLE.agent.id, team: 0, reason: `${T} 指定处理` });
    assert.equal(p.status, 'assigned');
    x.assigned = Date.parse(p.clocks['签收'].iso) - 30 * MIN * 1000;
    assert.ok(Math.abs(x.assigned - C.now()) < 60000, 'acceptance due 30 min after the assignment');
  }

  // 20 minutes after: the early one is accepted
  at(late, 20 * MIN);
  const acc = await agent.must(early.number, 'accept');
  assert.equal(acc.status, 'accepted');

  // 29 minutes after the assignment: not overdue yet
  S.setClock((late.assigned + 29 * MIN * 1000 - Date.now()) / 1000);
  S.schedulerOnce();
  assert.equal((await counts(sup, late.number)).accept_overdue, 0, 'not overdue at 29 min');

  // 31 minutes after: overdue, once
  S.setClock((late.assigned + 31 * MIN * 1000 - Date.now()) / 1000);
  await waitAlert(sup, late.number, 'accept_overdue');
  S.schedulerOnce();
  S.schedulerOnce();
  assert.equal((await counts(sup, late.number)).accept_overdue, 1, 'exactly one accept_overdue line');
  assert.equal((await counts(sup, early.number)).accept_overdue, 0, 'none for the ticket accepted in time');

  // the reminder: once to each supervisor and to the assignee
  const reminders = (number, a) => mails(number, a, /分派后未受理/);
  await S.waitFor(() => [...SUPERVISORS, ASSIGNEE].every((a) => reminders(late.number, a).length >= 1),
    `acceptance reminders of ${late.number}`, {
      timeout: 60000,
      describe: () => S.readMails().filter((m) => m.subject.includes(late.number)).map((m) => `${m.to}: ${m.subject}`).join(' | '),
    });
  S.schedulerOnce();
  for (const a of SUPERVISORS) assert.equal(reminders(late.number, a).length, 1, `one acceptance reminder to ${a}`);
  assert.equal(reminders(late.number, ASSIGNEE).length, 1, 'one acceptance reminder to the assignee');
  for (const a of [...SUPERVISORS, ASSIGNEE]) {
    assert.equal(reminders(early.number, a).length, 0, `no reminder about the ticket accepted in time to ${a}`);
  }
  reminderMail = { m: reminders(late.number, 'supervisor@desk.example')[0], number: late.number, due: late.assigned + 30 * MIN * 1000 };
  S.resetClock();
});

test('the acceptance reminder names the assignee and the acceptance deadline', async (t) => {
  if (!reminderMail) return t.skip('the acceptance test did not get that far');
  const { m, number, due } = reminderMail;
  const local = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');
  const problems = [];
  if (!m.body.includes(number)) problems.push('the reminder names the ticket');
  if (!m.body.includes(`分派给：${A.PEOPLE.agent.name}`)) {
    problems.push(`the reminder to the supervisor names the assignee ("分派给：${A.PEOPLE.agent.name}")`);
  }
  if (!m.body.includes(`受理：不晚于 ${local(due)}`)) problems.push(`the reminder gives the acceptance deadline ("受理：不晚于 ${local(due)}")`);
  assert.deepEqual(problems, [], `the supervisor's reminder:\n${m.subject}\n${m.body}`);
});
