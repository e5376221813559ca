'use strict';
// Routing and dispatch in effect (issue 6, SPEC §3): a routing rule made on
// /admin/routing sends new tickets of its category, from the API and from
// the portal, to its team; in least-open mode each new ticket goes to the
// member with the fewest open tickets (ties by turn) and waits in their
// "to accept" queue with the team's acceptance timeout; absent members and
// members at capacity are skipped, required skills narrow the choice, a
// handed-back ticket is dispatched again (not to the one handing it back),
// and when nobody fits the ticket waits in the team queue. The history says
// who was chosen and why. A team, category and members of its own
// (routing_lib.js), so the demo categories are never re-routed.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const R = require('./routing_lib');

const FILE = 210;
const T = A.tag('RD');
let admin, S, ruleId;
const desks = {}; // a, b, c: the members, signed in
const portal = L.client({ localAddress: L.addr(FILE, 9) });

test.before(async () => {
  S = R.setup(T, { members: ['a', 'b', 'c'], skills: ['hw', 'db'], memberSkills: { a: ['hw'], b: ['hw', 'db'], c: ['db'] } });
  admin = await A.desk('admin', L.addr(FILE, 1));
  for (const [i, m] of ['a', 'b', 'c'].entries()) desks[m] = await R.signInAs(S.agents[m].login, L.addr(FILE, 2 + i));
});

test.after(() => R.teardown(S));

const post = (url, form) => admin.client.post(url, { form: [['csrf', admin.csrf], ...form] });

async function setTeam(mode, accept = '', maxOpen = '') {
  await admin.page(`/admin/routing/teams/${S.team}`);
  const res = await post(`/admin/routing/teams/${S.team}`, [['mode', mode], ['accept_minutes', accept], ['max_open', maxOpen]]);
  assert.equal(res.status, 303, `team settings: ${L.text(res.body).slice(0, 300)}`);
}

/** A ticket of the test category through the API: its number. */
async function apiTicket(subject) {
  const res = await A.api().api('POST', '/api/v1/tickets', L.apiTicket({ category: S.code, subject: `${T} ${subject}`, fields: {} }));
  assert.equal(res.status, 201, `API create: ${res.body.slice(0, 300)}`);
  return res.json().number;
}

/** Who owns a ticket, as the admin's ticket page shows it. */
async function ticket(number) {
  const t = await admin.ticket(number);
  assert.equal(t.res.status, 200);
  return t;
}

async function toAccept(m) { return desks[m].numbers('to_accept', { q: T }); }

test('a routing rule sends new tickets of its category, from the API and the portal, to its team', async () => {
  await admin.page('/admin/routing');
  const res = await post('/admin/routing', [['category', S.code], ['team', S.team]]);
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  ruleId = R.rules((await admin.page('/admin/routing')).body).find((r) => r.category === S.code).id;

  const viaApi = await apiTicket('api claim');
  const viaPortal = await portal.createTicket(S.code, { subject: `${T} portal claim` });
  assert.match(viaPortal.number || '', L.NUMBER_RE, 'the portal made a ticket');
  for (const n of [viaApi, viaPortal.number]) {
    const t = await ticket(n);
    assert.ok(t.owner.includes(S.teamName), `${n} is in the team: ${t.owner}`);
    assert.equal(t.status, 'new', 'claim mode: nobody assigned');
    assert.doesNotMatch(t.thread, /自动分派|Dispatcher/, 'no dispatch in claim mode');
  }
  const queue = await desks.a.numbers('unassigned', { q: T });
  assert.ok(queue.includes(viaApi) && queue.includes(viaPortal.number), 'both wait in the team queue');

  // load for what follows: a holds 2 open tickets, b 1, c none
  await desks.a.must(viaApi, 'claim');
  await desks.a.must(viaPortal.number, 'claim');
  await desks.b.must(await apiTicket('for b'), 'claim');
});

let forC;
test('least open: the member with the fewest open tickets gets it, in their "to accept" queue', async () => {
  await setTeam('least_open', '45');
  forC = await apiTicket('least open');
  const t = await ticket(forC);
  assert.equal(t.status, 'assigned');
  assert.ok(t.owner.includes(S.agents.c.name), `c had no open ticket: ${t.owner}`);
  assert.ok(t.thread.includes(S.agents.c.name), 'the history names who was chosen');
  assert.match(t.thread, /未结最少，0 张未结|least open, 0 open/, `and why: ${t.thread}`);
  assert.deepEqual(await toAccept('c'), [forC]);
  assert.deepEqual(await toAccept('a'), []);
  // the team's acceptance timeout: 45 minutes after it was created
  const read = (await A.api().api('GET', `/api/v1/tickets/${forC}`)).json();
  const accept = Object.values(t.clocks).find((c) => c.iso && /签收|[Aa]ccept/.test(c.text + JSON.stringify(c)));
  assert.ok(accept || read.created_at, 'clocks shown');
  const dueIso = (t.html.match(/<dt>[^<]*签收[^<]*<\/dt><dd>[\s\S]*?<time datetime="([^"]+)"/) || t.html.match(/<dt>[^<]*[Aa]ccept[^<]*<\/dt><dd>[\s\S]*?<time datetime="([^"]+)"/) || [])[1];
  assert.ok(dueIso, 'the acceptance deadline is on the page');
  assert.equal((Date.parse(dueIso) - Date.parse(read.created_at)) / 60000, 45, `${read.created_at} -> ${dueIso}`);
});

test('least open: equals take turns (round-robin cursor)', async () => {
  // a 2 open, b 1, c 1: b and c tie; c had the last one, so it is b's turn
  const n = await apiTicket('tie');
  const t = await ticket(n);
  assert.ok(t.owner.includes(S.agents.b.name), `b's turn: ${t.owner}`);
  assert.match(t.thread, /并列时轮流|tie, by turn/);
  assert.ok((await toAccept('b')).includes(n));
});

let forA;
test('an absent member is skipped', async () => {
  // c marks themselves absent; a 2, b 2, c 1: without the absence c would get it
  await desks.c.page('/agent/availability');
  const away = await desks.c.client.post('/agent/availability', { form: { csrf: desks.c.csrf, available: '0' } });
  assert.equal(away.status, 303);
  forA = await apiTicket('absent');
  const t = await ticket(forA);
  assert.ok(!t.owner.includes(S.agents.c.name), 'not the absent member');
  assert.ok(t.owner.includes(S.agents.a.name), `a's turn after b: ${t.owner}`);
  assert.deepEqual(await toAccept('c'), [forC], 'nothing new for c');
});

test('a handed-back ticket is dispatched again, not to the one handing it back', async () => {
  const res = await desks.a.act(forA, 'hand_back', { reason: '不熟悉该产品' });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const t = await ticket(forA);
  // a excluded, c absent: b
  assert.ok(t.owner.includes(S.agents.b.name), `re-dispatched to b: ${t.owner}`);
  assert.equal(t.status, 'assigned');
  assert.match(t.thread, /退回团队队列|hand/);
  assert.match(t.thread, /不熟悉该产品/);
  assert.ok((await toAccept('b')).includes(forA));
  assert.ok(!(await toAccept('a')).includes(forA));
});

test('required skills narrow the choice, from the portal too', async () => {
  // b holds hw + db, a only hw, c (absent) only db
  await admin.page(`/admin/routing/rules/${ruleId}`);
  const res = await post(`/admin/routing/rules/${ruleId}`, [['team', S.team], ['skills', S.skills.db]]);
  assert.equal(res.status, 303);
  const t = await portal.createTicket(S.code, { subject: `${T} portal skills` });
  const page = await ticket(t.number);
  // a has 2 open, b 4: only b has the skill
  assert.ok(page.owner.includes(S.agents.b.name), `the one with the skill: ${page.owner}`);
  assert.ok((await toAccept('b')).includes(t.number), 'in b\'s "to accept" queue');
});

test('nobody fits (capacity, skills, absence): it waits in the team queue, and the history says why', async () => {
  await setTeam('least_open', '45', '3'); // b holds 5 open: full
  const n = await apiTicket('nobody');
  const t = await ticket(n);
  assert.equal(t.status, 'new');
  assert.ok(t.owner.includes(S.teamName), t.owner);
  assert.ok(!t.owner.includes(S.agents.b.name));
  assert.match(t.thread, /无人可分派|nobody fits/, t.thread);
  assert.match(t.thread, /已满额 1 人|1 at capacity/, 'b is full');
  assert.match(t.thread, /外出 1 人|1 absent/, 'c is absent');
  assert.match(t.thread, /缺少技能 1 人|1 without the skills/, 'a lacks the skill');
  assert.ok((await desks.a.numbers('unassigned', { q: T })).includes(n), 'in the team queue');

  // back at work, c (1 open, has db) gets the next one
  await desks.c.client.post('/agent/availability', { form: { csrf: desks.c.csrf, available: '1' } });
  const next = await apiTicket('back');
  assert.ok((await ticket(next)).owner.includes(S.agents.c.name));
});

test('manual claim mode: new tickets wait for a claim again', async () => {
  await setTeam('claim');
  const n = await apiTicket('claim again');
  const t = await ticket(n);
  assert.equal(t.status, 'new');
  assert.ok((await desks.b.numbers('unassigned', { q: T })).includes(n));
});
