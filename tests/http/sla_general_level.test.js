'use strict';
// The shipped general level (一般) keeps the promise the portal makes: a
// first response within 1 working day (the seeds' "24 小时") and a
// resolution within 3 working days, counted on the standard calendar, so
// the resolution never falls due before the first response. A working day
// is the same position of the business clock on the next working day: from
// Tuesday 10:00 the first response is due Wednesday 10:00 and the
// resolution Friday 10:00; a ticket that arrives out of hours (Wednesday
// 23:30, Sunday 03:00) gets the whole next working day(s). Run at the three
// instants of tests/run.sh (clock.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

C.useTestInstant();

const T = A.tag('GL');
const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/* Hand-checked dues (local time) for a ticket made at each named instant
 * (a minute or two after it): first response, resolution. */
const HAND = {
  morning: ['Wed 10:0', 'Fri 10:0'], // Tuesday 10:00
  night: ['Thu 18:00', 'Mon 18:00'], // Wednesday 23:30: Thursday, Friday, Monday
  sunday: ['Mon 18:00', 'Wed 18:00'], // Sunday 03:00
};
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dayAndTime = (s) => `${WEEKDAY[new Date((s + 8 * 3600) * 1000).getUTCDay()]} ${S.local(s).slice(11)}`;

test('a general ticket: first response 1 working day, resolution 3 working days, classification 2 working hours', async () => {
  const x = await A.createTicket({ subject: `${T} general`, impact: 'individual' });
  const t = await S.apiGet(x.number);
  assert.equal(t.priority, 'general', 'impact individual is general');
  const created = S.secs(t.created_at);
  assert.ok(Math.abs(created * 1000 - C.now()) < 120000, `made at the stack's now (${C.instant().name})`);
  const first = S.secs(t.sla.first_response_due_at);
  const resolution = S.secs(t.sla.resolution_due_at);
  assert.equal(t.sla.first_response_due_at, iso(S.businessDue(created, 450)), `1 working day after ${S.local(created)}`);
  assert.equal(t.sla.resolution_due_at, iso(S.businessDue(created, 3 * 450)), `3 working days after ${S.local(created)}`);
  assert.equal(t.sla.classify_due_at, iso(S.businessDue(created, 120)), '2 working hours to classify');
  assert.ok(resolution > first, `the resolution (${S.local(resolution)}) after the first response (${S.local(first)})`);
  const hand = HAND[C.instant().name];
  if (hand) {
    assert.ok(dayAndTime(first).startsWith(hand[0]), `first response ${dayAndTime(first)}, expected ${hand[0]}`);
    assert.ok(dayAndTime(resolution).startsWith(hand[1]), `resolution ${dayAndTime(resolution)}, expected ${hand[1]}`);
  }
});

test('the receipt promises what the ticket gets, and the home page what the levels hold', async () => {
  const c = L.client({ localAddress: L.addr(240, 1) });
  const made = await c.createTicket('usage', { subject: `${T} receipt`, impact: 'individual' });
  const receipt = L.text(made.page.body);
  assert.match(receipt, /我们将在 1 个工作日 ?内首次响应/, 'the first-response promise of a general ticket');
  assert.match(receipt, /我们会在 2 小时 ?内完成分类/, 'the classification promise');
  assert.doesNotMatch(receipt, /24 小时/);

  const home = (await c.get('/')).body;
  const row = (code) => L.text((home.match(new RegExp(`<tr data-level="${code}">[\\s\\S]*?</tr>`)) || [''])[0]).trim();
  assert.match(row('general'), /1 个工作日 3 个工作日$/, `general: ${row('general')}`);
  assert.match(row('urgent'), /15 分钟 4 小时$/, `urgent: ${row('urgent')}`);
  assert.match(row('important'), /2 小时 1 个工作日$/, `important: ${row('important')}`);
  assert.match(row('low'), /1 个工作日 视情况而定$/, `low: ${row('low')}`);
  assert.match(L.text(home), /我们在 2 小时 ?内完成分类/);
  assert.match(L.text(home), /“1 个工作日”即下一个工作日的同一时刻/, 'what a working day means');
});
