'use strict';
// Deadlines of the standard calendar are counted in business time
// (Mon-Fri 09:00-12:00 and 13:30-18:00 Asia/Shanghai, no holidays in the
// seed data): the API's dues are checked against an independent computation
// from the ticket's created_at. A priority change recomputes the deadlines
// from intake under the new level. The tickets are made at the instant of
// this run (clock.js: tests/run.sh runs the file on a weekday morning, a
// weekday night and a Sunday).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

C.useTestInstant();

const T = A.tag('SB');
const ZONE = 8 * 3600; // Asia/Shanghai: UTC+8 all year (no daylight saving since 1991)
const SPANS = [[9 * 60, 12 * 60], [13 * 60 + 30, 18 * 60]]; // minutes after local midnight
const WORKDAYS = new Set([1, 2, 3, 4, 5]); // Monday .. Friday

/** start (seconds since the epoch) + minutes of business time on the
 * standard calendar: the earliest instant with exactly that much working
 * time in [start, due). Walks local days and their spans. */
function businessDue(start, minutes) {
  let left = minutes * 60;
  let day = Math.floor((start + ZONE) / 86400); // local date, days since 1970-01-01
  for (let i = 0; i < 3660; i++, day++) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    if (!WORKDAYS.has(weekday)) continue;
    for (const [a, b] of SPANS) {
      const from = Math.max(start, day * 86400 + a * 60 - ZONE);
      const to = day * 86400 + b * 60 - ZONE;
      if (from >= to) continue;
      if (to - from >= left) return from + left;
      left -= to - from;
    }
  }
  throw new Error('no due within ten years');
}

const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

test('the independent computation itself, on hand-checked cases', () => {
  const utc = (s) => Date.parse(s) / 1000;
  // Wed 2026-11-25 10:15:20 +08 + 120 min: 104m40s before lunch, the rest after 13:30
  assert.equal(iso(businessDue(utc('2026-11-25T02:15:20Z'), 120)), '2026-11-25T05:45:20Z');
  // Fri 17:00 +08 + 120 min: one hour on Friday, one on Monday
  assert.equal(iso(businessDue(utc('2026-11-27T09:00:00Z'), 120)), '2026-11-30T02:00:00Z');
  // Sat 23:00 +08: counting starts Monday 09:00
  assert.equal(iso(businessDue(utc('2026-11-28T15:00:00Z'), 120)), '2026-11-30T03:00:00Z');
  // budget used up exactly at 18:00 is 18:00, not Monday 09:00
  assert.equal(iso(businessDue(utc('2026-11-27T08:00:00Z'), 120)), '2026-11-27T10:00:00Z');
  // 1440 business minutes = 3 days of 450 min + 90 min
  assert.equal(iso(businessDue(utc('2026-11-23T01:00:00Z'), 1440)), '2026-11-26T02:30:00Z');
});

test('an important ticket: classification, first response and resolution dues in business time', async () => {
  const x = await A.createTicket({ subject: `${T} important`, impact: 'department' });
  const t = await S.apiGet(x.number);
  assert.equal(t.priority, 'important', 'impact department makes it important');
  const created = S.secs(t.created_at);
  assert.equal(t.sla.first_response_due_at, iso(businessDue(created, 120)),
    `first response: 120 business minutes after ${t.created_at}`);
  assert.equal(t.sla.classify_due_at, iso(businessDue(created, 120)),
    `classification: 120 business minutes after ${t.created_at}`);
  assert.equal(t.sla.resolution_due_at, iso(businessDue(created, 450)),
    `resolution: 1 working day (450 business minutes) after ${t.created_at}`);
  // the agent page shows the same instants
  const sup = await A.desk('supervisor', L.addr(93, 1));
  const p = await sup.ticket(x.number);
  assert.equal(p.clocks['首次响应'].iso, t.sla.first_response_due_at, 'the agent page shows the same first-response due');
  assert.equal(p.clocks['解决'].iso, t.sla.resolution_due_at, 'the agent page shows the same resolution due');
});

test('a priority change recomputes the deadlines from intake under the new level', async () => {
  const x = await A.createTicket({ subject: `${T} upgrade`, impact: 'department' });
  const before = await S.apiGet(x.number);
  const created = S.secs(before.created_at);
  assert.equal(before.sla.first_response_due_at, iso(businessDue(created, 120)));

  // a key allowed to set priorities at once (others file a request: api_priority_approval.test.js)
  const key = L.newApiKey(`${T} priority setter`, 'all', 'priority:set');
  const res = await A.api().api('PATCH', `/api/v1/tickets/${x.number}`, { priority: 'urgent', reason: `${T} 生产线停机` }, { key });
  assert.equal(res.status, 200, `PATCH priority: ${res.status} ${res.body.slice(0, 200)}`);
  const up = res.json();
  assert.equal(up.priority, 'urgent');
  assert.equal(up.created_at, before.created_at, 'intake unchanged');
  assert.equal(up.sla.first_response_due_at, iso(created + 15 * 60), 'urgent: first response 15 min after intake (7x24)');
  assert.equal(up.sla.resolution_due_at, iso(created + 240 * 60), 'urgent: resolution 4 h after intake (7x24)');
  const again = await S.apiGet(x.number);
  assert.deepEqual(again.sla, up.sla, 'stored, not only answered');
  assert.ok(again.events.some((e) => e.kind === 'priority' && e.new === 'urgent'), 'the change is in the history');

  // and back: the business-time dues from intake again
  const down = await A.api().api('PATCH', `/api/v1/tickets/${x.number}`, { priority: 'important', reason: `${T} 已恢复部分生产` }, { key });
  assert.equal(down.status, 200);
  assert.equal(down.json().sla.first_response_due_at, iso(businessDue(created, 120)), 'important again: 120 business minutes');
  assert.equal(down.json().sla.resolution_due_at, iso(businessDue(created, 450)), 'important again: 1 working day');
});
