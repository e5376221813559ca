'use strict';
// Every POST of the workspace needs the session's csrf token: without it (or
// with a forged one, or another session's) the answer is 422 and nothing
// changes.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 78;
const T = A.tag('CS');
let agent, supervisor, other;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  other = await A.desk('agent', L.addr(FILE, 3)); // the same person, another session
});

const BAD = {
  missing: () => undefined,
  empty: () => '',
  forged: () => 'A'.repeat(43),
  'another session\'s': () => other.csrf,
};

async function post(who, path, form, kind) {
  const f = { ...form };
  const v = BAD[kind]();
  if (v === undefined) delete f.csrf; else f.csrf = v;
  return who.client.post(path, { form: f });
}

test('csrf tokens differ per session', async () => {
  assert.ok(agent.csrf && other.csrf);
  assert.notEqual(agent.csrf, other.csrf);
});

test('ticket actions without a valid csrf answer 422 and change nothing', async () => {
  const x = await A.createTicket({ subject: `${T} actions` });
  const y = await A.createTicket({ subject: `${T} owned` });
  await agent.must(y.number, 'claim');
  const cases = [
    ['agent', x, 'claim', {}],
    ['agent', y, 'reply', { body: `${T} forged reply` }],
    ['agent', y, 'note', { body: `${T} forged note` }],
    ['agent', y, 'finding', { kind: 'fault_code', text: `${T} forged finding` }],
    ['agent', y, 'status', { to: 'resolved' }],
    ['agent', y, 'hand_back', { reason: `${T} forged` }],
    ['agent', y, 'collab_add', { agent: A.PEOPLE.trainer.id, role: 'forged' }],
    ['agent', y, 'priority', { priority: A.PRIORITIES.urgent, reason: `${T} forged` }],
    ['agent', x, 'classify', { category: A.CATEGORIES.usage }],
    ['supervisor', x, 'assign', { agent: A.PEOPLE.agent.id, reason: `${T} forged` }],
  ];
  // nginx allows 60 POSTs at once per address: each kind of bad token gets
  // its own sessions (and addresses)
  let n = 10;
  for (const kind of Object.keys(BAD)) {
    const as = { agent: await A.desk('agent', L.addr(FILE, n++)), supervisor: await A.desk('supervisor', L.addr(FILE, n++)) };
    for (const [who, tk, action, fields] of cases) {
      const res = await post(as[who], `/agent/t/${tk.number}/act`, { csrf: 'x', version: 0, action, ...fields }, kind);
      assert.equal(res.status, 422, `${action} with ${kind} csrf`);
      assert.match(L.text(res.body), /页面已过期/, 'says the page expired');
    }
  }
  const px = await supervisor.ticket(x.number);
  assert.equal(px.status, 'new');
  assert.match(px.owner, /未分配/);
  assert.ok(px.head.includes('产品故障'), 'not re-classified');
  const py = await supervisor.ticket(y.number);
  assert.equal(py.status, 'accepted');
  assert.equal(py.priority, 'important');
  assert.ok(py.owner.startsWith(A.PEOPLE.agent.name));
  assert.ok(!py.text.includes('forged'), 'no forged text stored anywhere');
  assert.ok(!/<ul class="collabs">/.test(py.html), 'no collaborator added');
});

test('reveal without csrf shows no contacts and records nothing', async () => {
  const email = `csrf-${T.toLowerCase()}@example.com`;
  const x = await A.createTicket({ subject: `${T} reveal`, customer: { name: '客户', email } });
  const res = await post(agent, `/agent/t/${x.number}/act`, { version: 0, action: 'reveal' }, 'missing');
  assert.equal(res.status, 422);
  assert.ok(!res.body.includes(email));
  assert.ok(!(await agent.ticket(x.number)).thread.includes('查看了联系方式'));
});

test('approvals and intake need the csrf token too', async () => {
  // a pending request that a forged decision must not touch
  const x = await A.createTicket({ subject: `${T} approval` });
  await agent.must(x.number, 'claim');
  await agent.must(x.number, 'priority', { priority: A.PRIORITIES.urgent, reason: `${T} csrf` });
  const ap = await supervisor.page('/agent/approvals');
  const tr = ap.body.split('<tr>').find((s) => s.includes(`/agent/t/${x.number}"`));
  const id = tr.match(/action="\/agent\/approvals\/(\d+)"/)[1];
  for (const kind of Object.keys(BAD)) {
    const res = await post(supervisor, `/agent/approvals/${id}`, { decision: 'approve' }, kind);
    assert.equal(res.status, 422, `approval with ${kind} csrf`);
  }
  assert.equal((await agent.ticket(x.number)).priority, 'important', 'not approved');
  assert.ok((await supervisor.page('/agent/approvals')).body.includes(`/agent/approvals/${id}"`), 'still pending');

  await agent.page('/agent/new?category=fault');
  const intake = {
    category: 'fault', channel: 'phone', contact_name: '客户', email: `in-${T.toLowerCase()}@example.com`,
    subject: `${T} forged intake`, description: 'x', impact: 'department', product: 'P',
    cf_fault_kind: 'hardware', cf_symptoms: 'x', cf_reproduce: 'x',
  };
  for (const kind of Object.keys(BAD)) {
    const res = await post(agent, '/agent/new', intake, kind);
    assert.equal(res.status, 422, `intake with ${kind} csrf`);
  }
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} forged intake` }), [], 'no ticket registered');
});

test('sign-out without the csrf token answers 422 and does not end the session (no cross-site logout)', async () => {
  for (const kind of Object.keys(BAD)) {
    // "another session's" token is other's own here: use agent's instead
    const res = kind === 'another session\'s'
      ? await other.client.post('/agent/logout', { form: { csrf: agent.csrf } })
      : await post(other, '/agent/logout', {}, kind);
    assert.equal(res.status, 422, `logout with ${kind} csrf`);
    const still = await other.get('/agent/q/mine');
    assert.equal(still.status, 200, `the session survives a logout with ${kind} csrf`);
  }
});

test('sign-in without the login csrf pair answers 422 and opens no session', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  await c.get('/agent/login');
  const res = await c.post('/agent/login', { form: { login: 'agent', password: A.passwordOf('agent') } });
  assert.equal(res.status, 422);
  assert.equal(A.sidCookie(res), undefined);
  const forged = await c.post('/agent/login', { form: { csrf: 'B'.repeat(43), login: 'agent', password: A.passwordOf('agent') } });
  assert.equal(forged.status, 422);
  assert.equal(A.sidCookie(forged), undefined);
});
