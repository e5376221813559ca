'use strict';
// Queue filters (category, priority, status, owner, channel, keyword) narrow
// the list and stay selected in the filter form; the dashboard counts in the
// left column follow the person's own queues.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 64;
const T = A.tag('QF');
let supervisor, admin;
const t = {};
const sorted = (a) => [...a].sort();

test.before(async () => {
  supervisor = await A.desk('supervisor', L.addr(FILE, 1));
  admin = await A.desk('admin', L.addr(FILE, 2));
  t.faultUrgent = await A.createTicket({ subject: `${T} alpha fault`, priority: 'urgent' });
  t.faultGeneral = await A.createTicket({ subject: `${T} beta fault`, impact: 'individual' });
  t.usage = await A.createTicket({ category: 'usage', subject: `${T} gamma usage` });
  t.complaint = await A.createTicket({ category: 'complaint', subject: `${T} delta complaint`, impact: 'none' });
  await supervisor.must(t.faultUrgent.number, 'claim');
});

test('without filters the keyword finds all four tickets', async () => {
  const all = await supervisor.numbers('team', { q: T });
  assert.deepEqual(sorted(all), sorted(Object.values(t).map((x) => x.number)));
});

test('category filter', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: T, category: A.CATEGORIES.usage }), [t.usage.number]);
  assert.deepEqual(sorted(await supervisor.numbers('team', { q: T, category: A.CATEGORIES.fault })),
    sorted([t.faultUrgent.number, t.faultGeneral.number]));
  const q = await supervisor.queue('team', { q: T, category: A.CATEGORIES.usage });
  assert.match(q.res.body, new RegExp(`<option value="${A.CATEGORIES.usage}" selected>`), 'the choice stays selected');
});

test('priority filter', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: T, priority: A.PRIORITIES.urgent }), [t.faultUrgent.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: T, priority: A.PRIORITIES.low }), [t.complaint.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: T, priority: A.PRIORITIES.general }), [t.faultGeneral.number]);
});

test('status filter', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: T, status: 'accepted' }), [t.faultUrgent.number]);
  assert.deepEqual(sorted(await supervisor.numbers('team', { q: T, status: 'new' })),
    sorted([t.faultGeneral.number, t.usage.number, t.complaint.number]));
  assert.deepEqual(await supervisor.numbers('team', { q: T, status: 'closed' }), []);
  // an unknown status is ignored, not an error
  const bad = await supervisor.queue('team', { q: T, status: 'bogus' });
  assert.equal(bad.res.status, 200);
  assert.equal(bad.rows.length, 4);
});

test('owner and channel filters; filters combine', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: T, owner: A.PEOPLE.supervisor.id }), [t.faultUrgent.number]);
  assert.equal((await supervisor.numbers('team', { q: T, channel: 6 })).length, 4, 'all came through the API');
  assert.deepEqual(await supervisor.numbers('team', { q: T, channel: 2 }), [], 'none by phone');
  assert.deepEqual(await supervisor.numbers('team', { q: T, category: A.CATEGORIES.fault, priority: A.PRIORITIES.general }),
    [t.faultGeneral.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: T, category: A.CATEGORIES.usage, status: 'accepted' }), []);
});

test('keyword on subject and on the ticket number', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} gamma` }), [t.usage.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: 'delta complaint' }).then((n) => n.filter((x) => x === t.complaint.number)),
    [t.complaint.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: t.faultGeneral.number }), [t.faultGeneral.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: `${T}-none` }), []);
  const q = await supervisor.queue('team', { q: `${T} gamma` });
  assert.match(q.res.body, new RegExp(`<input[^>]*name="q"[^>]*value="${T} gamma"`), 'the keyword stays in the box');
  // the agent's own queue filters too
  assert.deepEqual(await supervisor.numbers('mine', { q: T }), [t.faultUrgent.number]);
  assert.deepEqual(await supervisor.numbers('unassigned', { q: T, category: A.CATEGORIES.complaint }), [t.complaint.number]);
});

// Counts may be cached for a few seconds per worker, but are fresh after
// one's own action: the person whose counts are read first adds a note to a
// scratch ticket, then reads the page.
let scratch;
async function counts(who) {
  if (!scratch) scratch = await A.createTicket({ subject: `${T} scratch` });
  await who.must(scratch.number, 'note', { body: 'refresh' });
  return A.navCounts((await who.get('/agent/q/mine')).body);
}

test('the dashboard counts in the left column follow my queues', async () => {
  const nav = await counts(admin);
  for (const k of ['unassigned', 'mine', 'to_accept', 'at_risk', 'overdue', 'waiting', 'collab', 'team', 'closed']) {
    assert.match(nav[k] || '', /^\d+\+?$/, `a count for ${k}`);
  }
  const x = {};
  for (const name of ['a', 'b', 'c', 'd']) x[name] = await A.createTicket({ subject: `${T} count ${name}` });
  await admin.must(x.a.number, 'claim');
  await admin.must(x.b.number, 'claim');
  await supervisor.must(x.c.number, 'assign', { agent: A.PEOPLE.admin.id, reason: 'count test' });
  await supervisor.must(x.d.number, 'claim');
  await supervisor.must(x.d.number, 'collab_add', { agent: A.PEOPLE.admin.id, role: 'reviewer' });
  const after = await counts(admin);
  const n = (v) => Number(String(v).replace('+', ''));
  assert.equal(n(after.mine), n(nav.mine) + 3, 'mine: two claims and one assignment');
  assert.equal(n(after.to_accept), n(nav.to_accept) + 1, 'to_accept: one assignment');
  assert.equal(n(after.collab), n(nav.collab) + 1, 'collab: one');
  // each count matches its list
  for (const k of ['mine', 'to_accept', 'collab']) {
    if (after[k].endsWith('+')) continue;
    const q = await admin.queue(k);
    if (!q.next) assert.equal(q.rows.length, n(after[k]), `${k}: count = rows`);
  }
  // clean up: resolved tickets leave the admin's personal queues
  await admin.must(x.a.number, 'status', { to: 'resolved' });
  await admin.must(x.b.number, 'status', { to: 'resolved' });
  await admin.must(x.c.number, 'status', { to: 'resolved' });
  await supervisor.must(x.d.number, 'status', { to: 'resolved' });
  const end = await counts(admin);
  assert.equal(n(end.mine), n(nav.mine));
  assert.equal(n(end.to_accept), n(nav.to_accept));
  assert.equal(n(end.collab), n(nav.collab));
});
