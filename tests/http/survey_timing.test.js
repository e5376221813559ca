'use strict';
// When the satisfaction survey opens: at closure. The closed ticket's follow
// page offers it at once, and the invitation mail goes 24 h after closure
// (SPEC: within 24 h) to whoever has not answered by then - never to a
// customer who already has. The stack's clock is moved past the 24 hours
// (clock.js); run at the three instants of tests/run.sh.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 242;
const T = A.tag('ST');
const HOUR = 3600;

/** A ticket closed now by the supervisor; its customer's address. */
async function closedTicket(who) {
  const email = `${T.toLowerCase()}-${who}@example.com`;
  const x = await A.createTicket({ subject: `${T} ${who}`, customer: { name: `${T} ${who}`, email } });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'status', { to: 'resolved' });
  await sup.must(x.number, 'status', { to: 'closed' });
  const t = await S.apiGet(x.number);
  assert.equal(t.status, 'closed');
  return { ...x, email, closed: C.now() / 1000 };
}

const invitations = (x) => S.readMails().filter((m) => S.mailTo(m, x.email) && m.body.includes(`/t/${x.token}/survey`));

let waiting;
let answered;

test('at closure the follow page offers the survey and the survey takes an answer', async () => {
  waiting = await closedTicket('waiting');
  answered = await closedTicket('answered');
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${answered.token}`);
  assert.equal(page.status, 200);
  assert.match(page.body, new RegExp(`<a class="button primary" href="/t/${answered.token}/survey">`), 'a link to the survey on the closed ticket');
  const survey = await c.get(`/t/${answered.token}/survey`);
  assert.match(survey.body, /name="resolution"/, 'the form is open right after closure');
  const res = await c.post(`/t/${answered.token}/survey`, { form: { csrf: L.hidden(survey.body, 'csrf'), resolution: '5', speed: '5', attitude: '4' } });
  assert.equal(res.status, 303);
  const after = await c.get(`/t/${answered.token}`);
  assert.match(L.text(after.body), /已经完成了回访/, 'the follow page says it was answered');
  assert.doesNotMatch(after.body, new RegExp(`href="/t/${answered.token}/survey"`));
});

test('24 hours after closure the invitation goes to whoever has not answered, and only to them', { timeout: L.slow(120000) }, async () => {
  assert.ok(waiting && answered);
  C.setAt(waiting.closed + 23 * HOUR + 50 * 60);
  S.schedulerOnce();
  assert.equal(invitations(waiting).length, 0, 'no invitation before 24 hours');

  C.setAt(answered.closed + 24 * HOUR + 60);
  await S.waitFor(() => invitations(waiting).length >= 1, `the invitation to ${waiting.email}`, { timeout: L.slow(60000) });
  S.schedulerOnce();
  assert.equal(invitations(waiting).length, 1, 'one invitation');
  assert.equal(invitations(answered).length, 0, 'none to the customer who answered at closure');
  const sup = await S.fresh('supervisor', L.addr(FILE, 3));
  const text = (p) => L.text(p.html);
  assert.match(text(await sup.ticket(waiting.number)), /已向客户发送满意度回访邀请/, 'the invitation is in the history');
  assert.doesNotMatch(text(await sup.ticket(answered.number)), /已向客户发送满意度回访邀请/, 'no invitation line for the answered one');
  C.resetClock();
});
