'use strict';
// The acceptance reminder's history line names the timeout that ran out:
// a team whose acceptance timeout is 45 minutes gets "签收已超过 45 分钟"
// (not the desk default's 30), raised at 45 minutes, not at 30. A team of
// its own (routing_lib.js); the stack's clock is moved (clock.js) and the
// file runs at the three instants of tests/run.sh.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const R = require('./routing_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 243;
const T = A.tag('AT');
const MIN = 60;
let team;

test.after(() => R.teardown(team));

const acceptLines = (html) => S.alertLines(html).filter((l) => l.includes('签收'));

test('a team with a 45-minute acceptance timeout: the alert comes at 45 minutes and says 45', { timeout: L.slow(120000) }, async () => {
  team = R.setup(T, { members: ['a'] });
  const admin = await A.desk('admin', L.addr(FILE, 1));
  await admin.page(`/admin/routing/teams/${team.team}`);
  const set = await admin.client.post(`/admin/routing/teams/${team.team}`, { form: [['csrf', admin.csrf], ['mode', 'claim'], ['accept_minutes', '45'], ['max_open', '']] });
  assert.equal(set.status, 303, L.text(set.body).slice(0, 300));

  const x = await A.createTicket({ subject: `${T} late` });
  const sup = await A.desk('supervisor', L.addr(FILE, 2));
  const p = await sup.must(x.number, 'assign', { agent: team.agents.a.id, team: team.team, reason: `${T} 指定处理` });
  assert.equal(p.status, 'assigned');
  const due = Date.parse(p.clocks['签收'].iso) / 1000;
  const assigned = due - 45 * MIN;
  assert.ok(Math.abs(assigned * 1000 - C.now()) < 60000, 'acceptance due 45 minutes after the assignment');

  C.setAt(assigned + 31 * MIN);
  S.schedulerOnce();
  assert.deepEqual(acceptLines((await sup.ticket(x.number)).html), [], 'not overdue at 31 minutes');

  C.setAt(assigned + 46 * MIN);
  let lines = [];
  await S.waitFor(async () => (lines = acceptLines((await sup.ticket(x.number)).html)).length >= 1,
    `the acceptance alert of ${x.number}`, { describe: () => JSON.stringify(lines) });
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^SLA 时限提醒：签收已超过 45 分钟，已提醒主管/, lines[0]);
  assert.doesNotMatch(lines[0], /30 分钟/);
  C.resetClock();
});
