'use strict';
// Collaborators: the owner (or a supervisor) adds helpers with a stated role
// and removes them; a collaborator from another team then sees and works on
// the ticket and finds it in their collab queue; one primary owner stays.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 71;
const T = A.tag('CB');
let agent, supervisor, trainer;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  trainer = await A.desk('trainer', L.addr(FILE, 3));
});

test('add a collaborator with a role; they see it, work on it, and find it in collab; remove ends it', async () => {
  const x = await A.createTicket({ subject: `${T} collab` });
  await agent.must(x.number, 'claim');
  assert.equal((await trainer.ticket(x.number)).res.status, 404, 'another team: not visible before');
  const p = await agent.must(x.number, 'collab_add', { agent: A.PEOPLE.trainer.id, role: '培训顾问' });
  assert.match(p.flash, /已添加协作人/);
  const collabs = (p.html.match(/<ul class="collabs">([\s\S]*?)<\/ul>/) || ['', ''])[1];
  assert.ok(A.strip(collabs).includes(`${A.PEOPLE.trainer.name} (培训顾问)`), 'listed with the role');
  assert.ok(p.owner.startsWith(A.PEOPLE.agent.name), 'the owner stays the primary owner');
  assert.ok(p.thread.includes('添加协作人'));

  const seen = await trainer.ticket(x.number);
  assert.equal(seen.res.status, 200, 'the collaborator sees the ticket');
  assert.ok(seen.forms.includes('reply'), 'and may work on it');
  await trainer.must(x.number, 'note', { body: `${T} 培训视角的备注` });
  await trainer.must(x.number, 'reply', { body: `${T} 培训专员的回复` });
  assert.deepEqual(await trainer.numbers('collab', { q: T }), [x.number]);

  // a collaborator may not add or remove others
  const add = await trainer.act(x.number, 'collab_add', { agent: A.PEOPLE.pm.id, role: 'x' });
  assert.equal(add.status, 403);

  const r = await agent.must(x.number, 'collab_remove', { agent: A.PEOPLE.trainer.id });
  assert.match(r.flash, /已移除协作人/);
  assert.ok(!/<ul class="collabs">/.test(r.html) || !A.strip(r.html.match(/<ul class="collabs">[\s\S]*?<\/ul>/)[0]).includes(A.PEOPLE.trainer.name));
  assert.ok(r.thread.includes('移除协作人'));
  assert.equal((await trainer.ticket(x.number)).res.status, 404, 'no longer visible to them');
  assert.deepEqual(await trainer.numbers('collab', { q: T }), []);
  const note = await trainer.act(x.number, 'note', { version: 0, body: 'late note' });
  assert.equal(note.status, 404);
});

test('a role is required; the owner cannot be their own collaborator; unknown people are refused', async () => {
  const x = await A.createTicket({ subject: `${T} rules` });
  await agent.must(x.number, 'claim');
  const noRole = await agent.act(x.number, 'collab_add', { agent: A.PEOPLE.trainer.id, role: '' });
  assert.equal(noRole.status, 422);
  const self = await agent.act(x.number, 'collab_add', { agent: A.PEOPLE.agent.id, role: 'myself' });
  assert.equal(self.status, 422);
  const nobody = await agent.act(x.number, 'collab_add', { agent: 999999, role: 'ghost' });
  assert.equal(nobody.status, 422);
  assert.match(L.text(nobody.body), /找不到该人员/);
  const p = await agent.ticket(x.number);
  assert.ok(!/<ul class="collabs">/.test(p.html), 'no collaborators were added');
});

test('a supervisor may add collaborators to any ticket; a team member who is not owner may not', async () => {
  const x = await A.createTicket({ subject: `${T} supervisor` });
  await supervisor.must(x.number, 'claim');
  const res = await agent.act(x.number, 'collab_add', { agent: A.PEOPLE.trainer.id, role: 'x' });
  assert.equal(res.status, 403, 'the agent is in the team but not the owner');
  const y = await A.createTicket({ subject: `${T} supervisor2` });
  await agent.must(y.number, 'claim');
  await supervisor.must(y.number, 'collab_add', { agent: A.PEOPLE.trainer.id, role: '复核' });
  assert.equal((await trainer.ticket(y.number)).res.status, 200);
});
