'use strict';
// A supervisor's assignment to a team that is not in the catalogue (made up,
// or deactivated) is answered 422 on the ticket page with a message naming
// the team field and the reason kept; it used to reach the database's
// foreign key and come back as 503 "try again". Nothing changes.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 173;
const T = A.tag('AT');
let supervisor;

test.before(async () => {
  supervisor = await A.desk('supervisor', L.addr(FILE, 1));
});

for (const [what, fields] of [
  ['a team id that does not exist', { team: 999999 }],
  ['an agent with a team id that does not exist', { agent: A.PEOPLE.agent.id, team: 999999 }],
  ['a negative team id', { team: -3 }],
]) {
  test(`assign to ${what}: 422, the team named, nothing changed`, async () => {
    const x = await A.createTicket({ subject: `${T} ${what}` });
    const before = await supervisor.ticket(x.number);
    const reason = `${T} 转交给专门团队`;
    const res = await supervisor.act(x.number, 'assign', { ...fields, reason });
    assert.equal(res.status, 422, A.parseTicket(res.body).alert);
    const page = A.parseTicket(res.body);
    assert.match(page.alert, /团队/, 'the message names the team field');
    assert.equal(A.formInput(res.body, 'assign', 'reason'), reason, 'the reason is kept');
    const after = await supervisor.ticket(x.number);
    assert.equal(after.status, before.status);
    assert.equal(after.owner, before.owner);
    assert.equal(after.version, before.version, 'nothing was written');
  });
}

test('assign to a real team still works', async () => {
  const x = await A.createTicket({ subject: `${T} real` });
  const t = await supervisor.must(x.number, 'assign', { team: A.TEAMS.training, reason: `${T} training` });
  assert.equal(t.res.status, 200);
});
