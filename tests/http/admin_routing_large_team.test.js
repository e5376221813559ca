'use strict';
// Dispatch in a team larger than the dispatcher's first allocation (16
// members): every member's skill tags must still be read where the choice
// looks for them. Regression test for lib/desk/dispatch/dispatch.c, which once kept each
// candidate's pointer into a skills buffer that was reallocated as the team
// grew past 16, so the first 16 members looked unskilled (a use after free).
// A team and category of its own (routing_lib.js), like admin_routing_dispatch.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const R = require('./routing_lib');

const FILE = 230;
const T = A.tag('LT');
const MEMBERS = Array.from({ length: 20 }, (_, i) => `m${String(i).padStart(2, '0')}`);
let admin, S;

test.before(async () => {
  // m00 (the first member by id) is the only one with the skill
  S = R.setup(T, { members: MEMBERS, skills: ['hw'], memberSkills: { m00: ['hw'] } });
  admin = await A.desk('admin', L.addr(FILE, 1));
});

test.after(() => R.teardown(S));

const post = (url, form) => admin.client.post(url, { form: [['csrf', admin.csrf], ...form] });

test('a required skill held by the first of 20 members sends the ticket to that member', async () => {
  await admin.page('/admin/routing');
  let res = await post('/admin/routing', [['category', S.code], ['team', S.team], ['skills', S.skills.hw]]);
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  await admin.page(`/admin/routing/teams/${S.team}`);
  res = await post(`/admin/routing/teams/${S.team}`, [['mode', 'least_open'], ['accept_minutes', ''], ['max_open', '']]);
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));

  const created = await A.api().api('POST', '/api/v1/tickets',
    L.apiTicket({ category: S.code, subject: `${T} large team`, fields: {} }));
  assert.equal(created.status, 201, created.body.slice(0, 300));
  const t = await admin.ticket(created.json().number);
  assert.equal(t.res.status, 200);
  assert.equal(t.status, 'assigned', `dispatched, not left waiting: ${t.thread.slice(0, 400)}`);
  assert.ok(t.owner.includes(S.agents.m00.name), `the only skilled member gets it: ${t.owner}`);
});
