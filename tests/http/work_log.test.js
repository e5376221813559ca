'use strict';
// The work log (SPEC §5): an agent logs steps and replaced parts with their
// serial numbers; both sides see them in the thread, and the acceptance form
// the customer signs lists them under the work done, archived as signed.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 152;
const T = A.tag('WL');

test('replaced parts and steps are logged, shown to the customer and listed on the acceptance form', async () => {
  const x = await A.createTicket({ subject: `${T} parts` });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'work', { kind: 'backup', text: `${T} 升级前备份数据库`, old_serial: '', new_serial: '' });
  const t = await sup.must(x.number, 'work', { kind: 'part_replaced', text: `${T} 更换电源模块`, old_serial: 'PSU-OLD-001', new_serial: 'PSU-NEW-778' });
  assert.match(A.strip(t.html), new RegExp(`更换部件 .*${T} 更换电源模块 序列号 PSU-OLD-001 → PSU-NEW-778`));

  const bad = await sup.act(x.number, 'work', { kind: 'teleport', text: 'x' });
  assert.equal(bad.status, 422, 'an unknown kind is refused');
  const empty = await sup.act(x.number, 'work', { kind: 'step', text: '  ' });
  assert.equal(empty.status, 422, 'what was done is required');

  await sup.must(x.number, 'status', { to: 'resolved', reason: `${T} 已恢复供电` });
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${x.token}`);
  const text = A.strip(page.body);
  assert.match(text, new RegExp(`更换部件: ${T} 更换电源模块 序列号 PSU-OLD-001 → PSU-NEW-778`), 'in the customer\'s thread');
  const form = A.strip(page.body.split('<div class="acceptance-form')[1].split('<form')[0]);
  assert.ok(form.includes(`${T} 已恢复供电`) && form.includes(`升级前备份 ${T} 升级前备份数据库`), 'the form lists the note and the steps');
  assert.match(form, new RegExp(`更换部件 ${T} 更换电源模块 \\([^)]*\\) PSU-OLD-001 → PSU-NEW-778`), 'with the serial numbers');
  const csrf = L.hidden(page.body, 'csrf');
  const res = await c.post(`/t/${x.token}/accept`, { form: { csrf, result: 'accepted', signed_name: '周工' } });
  assert.equal(res.status, 303);
  const printed = await c.get(`/t/${x.token}/acceptance`);
  assert.ok(printed.body.includes('PSU-NEW-778'), 'archived as signed');
});

test('an agent outside the ticket\'s team cannot log work', async () => {
  const x = await A.createTicket({ subject: `${T} other` });
  const other = await A.desk('trainer', L.addr(FILE, 3));
  const res = await other.act(x.number, 'work', { kind: 'step', text: 'x', version: 0 });
  assert.notEqual(res.status, 303);
});
