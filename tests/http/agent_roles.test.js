'use strict';
// Roles decide what each person sees and does, checked on the server: an
// agent of the after-sales team sees fault tickets, not another team's ticket
// (404 by URL, no action on it); an agent cannot assign or open approvals; a
// supervisor sees every queue and every ticket.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 62;
const T = A.tag('RO');
let agent, supervisor, trainer;
const t = {};

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  trainer = await A.desk('trainer', L.addr(FILE, 3));
  for (const category of ['fault', 'usage', 'complaint', 'customisation']) {
    t[category] = await A.createTicket({ category, subject: `${T} ${category}` });
  }
});

test('an after-sales agent sees fault tickets in unassigned, not other teams\' tickets', async () => {
  const q = await agent.queue('unassigned', { q: T });
  assert.equal(q.res.status, 200);
  const numbers = q.rows.map((r) => r.number);
  assert.deepEqual(numbers, [t.fault.number], 'only the fault ticket of this test');
  const team = await agent.numbers('team', { q: T });
  assert.deepEqual(team, [t.fault.number]);
  // asking for another team's queue by URL does not widen the view
  const other = await agent.numbers('team', { q: T, team: A.TEAMS.training });
  assert.deepEqual(other, []);
  const all = await agent.numbers('unassigned', { q: T, team: A.TEAMS.supervisors });
  assert.deepEqual(all, []);
});

test('an agent gets 404 on another team\'s ticket page, the same as a missing ticket', async () => {
  for (const cat of ['usage', 'complaint', 'customisation']) {
    const p = await agent.ticket(t[cat].number);
    assert.equal(p.res.status, 404, `${cat} ticket is not shown`);
    assert.ok(!p.html.includes(`${T} ${cat}`), 'the subject does not leak');
  }
  const missing = await agent.ticket('20000101-9999');
  assert.equal(missing.res.status, 404);
  // the training agent in turn does not see the fault ticket
  assert.equal((await trainer.ticket(t.fault.number)).res.status, 404);
  assert.equal((await trainer.ticket(t.usage.number)).res.status, 200);
});

test('an agent cannot act on another team\'s ticket; nothing changes', async () => {
  const n = t.usage.number;
  for (const [action, fields] of [
    ['claim', {}], ['note', { body: `${T} sneaky note` }], ['reply', { body: `${T} sneaky reply` }],
    ['status', { to: 'resolved' }], ['reveal', {}], ['hand_back', { reason: 'x' }],
    ['classify', { category: A.CATEGORIES.fault }], ['priority', { priority: A.PRIORITIES.urgent, reason: 'x' }],
  ]) {
    const res = await agent.act(n, action, { version: 0, ...fields });
    assert.equal(res.status, 404, `${action} on an invisible ticket`);
    assert.ok(!res.body.includes(`${T} usage`), 'the page shows nothing of it');
  }
  const seen = await supervisor.ticket(n);
  assert.equal(seen.status, 'new', 'still new');
  assert.match(seen.owner, /未分配/, 'still without owner');
  assert.ok(!seen.text.includes('sneaky'), 'no note or reply was stored');
  assert.equal(seen.priority, 'important', 'priority unchanged');
  assert.ok(!seen.text.includes('查看了联系方式'), 'no reveal was recorded');
});

test('an agent cannot assign (403) even on an own-team ticket, and gets 403 on approvals', async () => {
  const n = t.fault.number;
  const page = await agent.ticket(n);
  assert.equal(page.res.status, 200);
  assert.ok(!page.forms.includes('assign'), 'no assign form for agents');
  const res = await agent.act(n, 'assign', { agent: A.PEOPLE.agent.id, reason: `${T} self-assign` });
  assert.equal(res.status, 403);
  assert.match(L.text(res.body), /没有权限/);
  assert.ok(A.parseTicket(res.body).head.includes(n), 'the ticket page is shown again with the message');
  const after = await agent.ticket(n);
  assert.equal(after.status, 'new');
  assert.match(after.owner, /未分配/);
  const ap = await agent.get('/agent/approvals');
  assert.equal(ap.status, 403);
  assert.ok(!/<a href="\/agent\/approvals"/.test((await agent.get('/agent/q/mine')).body), 'no approvals link for agents');
  // deciding by URL is refused too
  const dec = await agent.client.post('/agent/approvals/1', { form: { csrf: agent.csrf, decision: 'approve' } });
  assert.equal(dec.status, 403);
});

test('a supervisor sees every queue and every ticket', async () => {
  const team = await supervisor.numbers('team', { q: T });
  assert.deepEqual(new Set(team), new Set(Object.values(t).map((x) => x.number)), 'all four teams merged');
  const un = await supervisor.numbers('unassigned', { q: T });
  assert.equal(un.length, 4);
  for (const kind of ['unassigned', 'mine', 'to_accept', 'team', 'collab', 'waiting', 'at_risk', 'overdue', 'closed']) {
    const q = await supervisor.queue(kind);
    assert.equal(q.res.status, 200, kind);
  }
  for (const x of Object.values(t)) {
    const p = await supervisor.ticket(x.number);
    assert.equal(p.res.status, 200, x.number);
    assert.ok(p.forms.includes('claim'), 'a supervisor may claim any unowned ticket');
  }
  const ap = await supervisor.get('/agent/approvals');
  assert.equal(ap.status, 200);
  assert.ok(/<a href="\/agent\/approvals"/.test(ap.body), 'the approvals link is in the menu');
  // per-team filter works for a supervisor
  const training = await supervisor.numbers('team', { q: T, team: A.TEAMS.training });
  assert.deepEqual(training, [t.usage.number]);
});

test('the top-bar search opens a visible ticket by number, and never another team\'s', async () => {
  const own = await agent.get(`/agent/search?q=${t.fault.number}`);
  assert.equal(own.status, 303);
  assert.equal(own.headers.location, `/agent/t/${t.fault.number}`);
  const other = await agent.get(`/agent/search?q=${t.usage.number}`);
  assert.equal(other.status, 404, 'no way to another team\'s ticket');
  assert.ok(!other.body.includes(`${T} usage`), 'nothing of it is shown');
  const missing = await agent.get('/agent/search?q=20000101-0001');
  const card = (res, n) => L.text(res.body.split('class="card error-card"')[1].split('</section>')[0]).split(n).join('N');
  assert.equal(card(other, t.usage.number), card(missing, '20000101-0001'), 'answered exactly like a number that does not exist');
  const sup = await supervisor.get(`/agent/search?q=${t.usage.number}`);
  assert.equal(sup.headers.location, `/agent/t/${t.usage.number}`, 'a supervisor goes straight to it');
});
