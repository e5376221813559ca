'use strict';
// The resolution clock stops while the ticket waits on the customer: no
// resolution warning or breach while it waits, even long past the original
// due; back in progress, the due is the original one plus the time spent
// waiting, and the alerts fire only then. A second urgent ticket left alone
// from the same moment is the control: its resolution warning (3 h) and
// breach (4 h) prove that the stack's scheduler made passes at those clocks.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

const FILE = 92;
const T = A.tag('SP');
const { MIN } = S;

// the clock starts at the instant of this run (clock.js: tests/run.sh runs
// the file at three) and moves from there
C.useTestInstant();

let n = 0;
/** A signed-in agent and supervisor from fresh addresses (after a clock jump
 * the old sessions have idled out). */
async function people() {
  n += 2;
  return { agent: await S.fresh('agent', L.addr(FILE, n - 1)), sup: await S.fresh('supervisor', L.addr(FILE, n)) };
}

async function counts(desk, number) {
  const p = await desk.ticket(number);
  assert.equal(p.res.status, 200, `GET /agent/t/${number}`);
  return S.alertCounts(p.html);
}

async function waitAlert(desk, number, code) {
  let last;
  await S.waitFor(async () => (last = await counts(desk, number))[code] >= 1,
    `${code} on ${number}`, { describe: () => JSON.stringify(last) });
  return last;
}

test('waiting on the customer stops the resolution clock; the due moves by the time waited', { timeout: L.slow(180000) }, async () => {
  const x = await S.urgentTicket(`${T} waits`);
  const control = await S.urgentTicket(`${T} control`);
  const T0 = x.created / 1000;
  // the offset that makes "now" T0 + seconds
  const at = (seconds) => S.setClock(T0 + seconds - Date.now() / 1000);
  let { agent, sup } = await people();

  await agent.must(x.number, 'claim');
  await agent.must(x.number, 'status', { to: 'in_progress', reason: `${T} 开始处理` });
  let t = await S.apiGet(x.number);
  const due0 = S.secs(t.sla.resolution_due_at);
  assert.equal(due0, T0 + 240 * MIN, 'resolution due 4 h after intake on the 7x24 calendar');

  let p = await agent.must(x.number, 'status', { to: 'waiting_customer', reason: `${T} 等客户提供日志` });
  assert.equal(p.status, 'waiting_customer');
  const clock = p.clocks['解决'];
  assert.ok(clock, `the resolution clock is shown: ${JSON.stringify(p.clocks)}`);
  assert.equal(clock.state, 'paused', `shown as paused: ${JSON.stringify(clock)}`);
  assert.match(clock.text, /已暂停/);
  assert.match(p.html, /<span class="sla sla-paused">已暂停<\/span>/);

  // 100 min: the first-response breach (no reply yet) shows the scheduler passed
  at(100 * MIN);
  ({ agent, sup } = await people());
  await waitAlert(sup, x.number, 'first_response_breach');
  let c = await counts(sup, x.number);
  assert.equal(c.resolution_warning + c.resolution_breach, 0, `no resolution alert while waiting: ${JSON.stringify(c)}`);

  // 185 min: past the original warning (3 h); the control warns, the waiting one does not
  at(185 * MIN);
  ({ agent, sup } = await people());
  await waitAlert(sup, control.number, 'resolution_warning');
  S.schedulerOnce();
  c = await counts(sup, x.number);
  assert.equal(c.resolution_warning + c.resolution_breach, 0, `no resolution warning while waiting: ${JSON.stringify(c)}`);
  p = await sup.ticket(x.number);
  assert.equal(p.clocks['解决'].state, 'paused', 'still paused');

  // 250 min: past the original due (4 h); the control breaches, the waiting one does not
  at(250 * MIN);
  ({ agent, sup } = await people());
  await waitAlert(sup, control.number, 'resolution_breach');
  S.schedulerOnce();
  S.schedulerOnce();
  c = await counts(sup, x.number);
  assert.equal(c.resolution_warning + c.resolution_breach, 0, `no resolution alert while waiting, 10 min past the original due: ${JSON.stringify(c)}`);

  // back to work: the due is the original one plus the time waited
  p = await agent.must(x.number, 'status', { to: 'in_progress', reason: `${T} 客户已回复` });
  t = await S.apiGet(x.number);
  const moves = t.events.filter((e) => e.kind === 'status');
  const paused = moves.find((e) => e.new === 'waiting_customer');
  const resumed = moves.slice(moves.indexOf(paused) + 1).find((e) => e.new === 'in_progress');
  assert.ok(paused && resumed, `the status changes are in the API's events: ${JSON.stringify(moves)}`);
  const waited = S.secs(resumed.at) - S.secs(paused.at);
  assert.ok(waited > 245 * MIN && waited < 255 * MIN, `waited about 250 min, got ${waited / 60}`);
  const due1 = S.secs(t.sla.resolution_due_at);
  assert.equal(due1, due0 + waited,
    `resolution due = original due ${new Date(due0 * 1000).toISOString()} + ${waited} s waited, got ${t.sla.resolution_due_at}`);
  assert.notEqual(p.clocks['解决'].state, 'paused', 'the clock runs again');
  assert.equal(S.secs(p.clocks['解决'].iso), due1, 'the agent page shows the same due');
  c = await counts(sup, x.number);
  assert.equal(c.resolution_warning + c.resolution_breach, 0, 'resuming raises nothing by itself');

  // 2 min before the new due: the warning (75 % of the running time) but no breach
  S.setClock(due1 - 2 * MIN - Date.now() / 1000);
  ({ agent, sup } = await people());
  await waitAlert(sup, x.number, 'resolution_warning');
  S.schedulerOnce();
  c = await counts(sup, x.number);
  assert.equal(c.resolution_breach, 0, `no breach before the moved due: ${JSON.stringify(c)}`);

  // 1 min after the new due: one breach, and it stays one
  S.setClock(due1 + 1 * MIN - Date.now() / 1000);
  await waitAlert(sup, x.number, 'resolution_breach');
  S.schedulerOnce();
  S.schedulerOnce();
  c = await counts(sup, x.number);
  assert.deepEqual([c.resolution_warning, c.resolution_breach], [1, 1], `each exactly once: ${JSON.stringify(c)}`);
  S.resetClock();
});
