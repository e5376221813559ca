'use strict';
// Who may see customers' contact details, by role: an admin ticks a role on
// /admin/people and everyone of it may reveal contacts (recorded as every
// reveal is), on their next request; unticking takes it back. The change is
// audited; non-admins cannot make it.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 217;
const T = A.tag('CRL');

async function setRoles(admin, roles) {
  await admin.page('/admin/people');
  const form = { csrf: admin.csrf };
  for (const r of roles) form[`role_${r}`] = '1';
  const res = await admin.client.post('/admin/people/contact-roles', { form });
  assert.equal(res.status, 303, `save roles: ${res.status}`);
  return res;
}

test('ticking the agent role lets every agent reveal contacts; unticking takes it back', async (t) => {
  const admin = await A.desk('admin', L.addr(FILE, 1));
  const trainer = await A.desk('trainer', L.addr(FILE, 2));
  const email = `crl-${T.toLowerCase()}@example.com`;
  const usage = await A.createTicket({ category: 'usage', subject: `${T} usage`, customer: { name: '林涛', email } });
  t.after(async () => { await setRoles(admin, []); });

  const before = await trainer.act(usage.number, 'reveal', { version: 0 });
  assert.equal(before.status, 403, 'an agent without the right is refused');

  const list = await admin.page('/admin/people');
  assert.match(list.body, /按角色查看联系方式/);
  assert.match(list.body, /name="role_agent" value="1">/, 'unticked to begin with');
  await setRoles(admin, ['agent']);
  const saved = await admin.page('/admin/people');
  assert.match(saved.body, /name="role_agent" value="1" checked>/);

  const p = await trainer.ticket(usage.number);
  assert.ok(p.forms.includes('reveal'), 'the reveal button appears on the next page');
  const shown = await trainer.act(usage.number, 'reveal', { version: 0 });
  assert.equal(shown.status, 303);
  assert.ok((await trainer.ticket(usage.number)).html.includes(email), 'the contact is shown');
  const thread = await admin.ticket(usage.number);
  assert.ok(thread.thread.includes('查看了联系方式'), 'the reveal is recorded');

  const audit = await admin.page('/admin/audit?entity=setting');
  assert.ok(A.strip(audit.body).includes('可查看联系方式的角色'), 'the change is in the audit log');

  await setRoles(admin, []);
  const after = await trainer.act(usage.number, 'reveal', { version: 0 });
  assert.equal(after.status, 403, 'unticked: refused again');
});

test('agents and supervisors cannot change it', async () => {
  for (const [role, n] of [['agent', 3], ['supervisor', 4]]) {
    const d = await A.desk(role, L.addr(FILE, n));
    const res = await d.client.post('/admin/people/contact-roles', { form: { csrf: d.csrf, role_agent: '1' } });
    assert.equal(res.status, 403, `${role}: 403`);
  }
  const admin = await A.desk('admin', L.addr(FILE, 5));
  const list = await admin.page('/admin/people');
  assert.match(list.body, /name="role_agent" value="1">/, 'still unticked');
});
