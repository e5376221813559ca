'use strict';
// The audit log reads like the forms it records: field names are labels in
// the page's language (填写提示（英文）, not help_en), coded values are words
// (分派方式 手动认领 → 最少未结优先, not dispatch_mode claim -> least_open),
// minutes are durations, and a new thing lists what it was given: its blank
// fields are not changes.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 243;
const T = A.tag('AL');
const low = T.toLowerCase();
let admin, catId, teamId;

async function post(url, form) {
  return admin.client.post(url, { form: { csrf: admin.csrf, ...form } });
}

/** The rows of /admin/audit for an entity: {id, action, entityId, changes: [{field, label, text}], text}. */
async function auditRows(entity, lang = '') {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  assert.equal(res.status, 200);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => {
    const row = r.split('</tr>')[0];
    return {
      action: row.match(/data-action="([^"]*)"/)[1],
      entityId: (row.match(/<code>#([^<]*)<\/code>/) || [])[1],
      changes: [...row.matchAll(/<div class="diff-row" data-field="([^"]*)"><dt>([^<]*)<\/dt><dd>([\s\S]*?)<\/dd><\/div>/g)]
        .map((m) => ({ field: A.decode(m[1]), label: A.decode(m[2]), text: A.strip(m[3]) })),
      text: L.text(row),
      lang,
    };
  });
}

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  await admin.page('/admin/categories');
  const res = await post('/admin/categories', {
    code: `al_${low}`.slice(0, 40), name_zh: `审计标签 ${T}`, name_en: `Audit labels ${T}`,
    priority: String(A.PRIORITIES.general), team: String(A.TEAMS.aftersales), is_public: '0', sort_order: '96',
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  catId = res.headers.location.match(/\/admin\/categories\/(\d+)/)[1];
  await admin.page('/admin/teams');
  const team = await post('/admin/teams', { code: `${low}-al`.slice(0, 40), name_zh: `审计组 ${T}`, name_en: `Audit team ${T}` });
  assert.equal(team.status, 303, L.text(team.body).slice(0, 300));
  teamId = team.headers.location.match(/\/admin\/teams\/(\d+)/)[1];
});

test.after(async () => {
  if (catId) await post(`/admin/categories/${catId}/deactivate`, {});
  if (teamId) await post(`/admin/teams/${teamId}/deactivate`, {});
});

test('a new field lists what it was given, under labels; its blank help is no change', async () => {
  await admin.page(`/admin/categories/${catId}`);
  const res = await post(`/admin/categories/${catId}/fields`, {
    fname: 'serial', ftype: 'text', flabel_zh: `序列号 ${T}`, flabel_en: `Serial ${T}`,
    fhelp_zh: '机身背面的条码', fhelp_en: '', fmax: '40',
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const row = (await auditRows('category_field')).find((r) => r.action === 'create' && r.text.includes(`序列号 ${T}`));
  assert.ok(row, 'the creation is in the log');
  const fields = row.changes.map((c) => c.field);
  assert.ok(!fields.includes('help_en'), `the blank English help is not listed: ${fields.join(', ')}`);
  assert.ok(row.changes.every((c) => c.text !== '' && !/（无）|\(none\)/.test(c.text)), 'no empty values on a creation');
  const help = row.changes.find((c) => c.field === 'help_zh');
  assert.equal(help.label, '填写提示（中文）');
  assert.equal(help.text, '机身背面的条码', 'a new value alone, without an arrow from nothing');
  assert.equal(row.changes.find((c) => c.field === 'type').text, '单行文本', 'the field type in words');
  assert.ok(!row.changes.some((c) => /^[a-z_]+$/.test(c.label)), `no raw keys as labels: ${row.changes.map((c) => c.label).join(', ')}`);
});

test('a team\'s dispatch mode reads as words, in Chinese and in English', async () => {
  const url = `/admin/routing/teams/${teamId}`;
  await admin.page(url);
  const res = await post(url, { mode: 'least_open', accept_minutes: '90', max_open: '' });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const row = (await auditRows('team')).find((r) => r.entityId === teamId && r.changes.some((c) => c.field === 'dispatch_mode'));
  assert.ok(row, 'the change is in the log');
  const mode = row.changes.find((c) => c.field === 'dispatch_mode');
  assert.equal(mode.label, '分派方式');
  assert.match(mode.text, /^手动认领\s*→\s*最少未结优先$/);
  const accept = row.changes.find((c) => c.field === 'accept_minutes');
  assert.equal(accept.label, '签收时限');
  assert.match(accept.text, /1 小时 30 分钟$/, 'minutes as a duration');
  assert.ok(!row.text.includes('least_open') && !row.text.includes('dispatch_mode'), row.text);

  await admin.client.get('/lang/en?back=/admin/audit');
  try {
    const en = (await auditRows('team', 'en')).find((r) => r.entityId === teamId && r.changes.some((c) => c.field === 'dispatch_mode'));
    const m = en.changes.find((c) => c.field === 'dispatch_mode');
    assert.equal(m.label, 'Dispatch mode');
    assert.match(m.text, /^Claimed by members\s*→\s*Fewest open first$/);
    assert.match(en.changes.find((c) => c.field === 'accept_minutes').text, /1 hour 30 minutes$/);
  } finally {
    await admin.client.get('/lang/zh?back=/admin/audit');
  }
});

test('a setting is named, not keyed, and its roles are words', async (t) => {
  const roles = async (list) => {
    await admin.page('/admin/people');
    const form = {};
    for (const r of list) form[`role_${r}`] = '1';
    const res = await post('/admin/people/contact-roles', form);
    assert.equal(res.status, 303, `contact roles: ${res.status}`);
  };
  t.after(() => roles([]));
  await roles(['agent', 'supervisor']);
  const row = (await auditRows('setting'))[0];
  assert.ok(row.text.includes('可查看联系方式的角色'), `the setting is named: ${row.text}`);
  const change = row.changes.find((c) => c.field === 'roles');
  assert.equal(change.label, '角色');
  assert.equal(change.text, '坐席、主管');
});

test('a category\'s common field reads as the field and its mode in words', async () => {
  const page = await admin.page(`/admin/categories/${catId}`);
  const modes = {};
  for (const m of page.body.matchAll(/<tr class="common-row[^"]*" data-field="(\w+)" data-mode="(\w+)"/g)) modes[m[1]] = m[2];
  assert.ok(modes.serial_number, 'the common fields are on the page');
  const form = {};
  for (const [k, v] of Object.entries(modes)) form[`common_${k}`] = v;
  form.common_serial_number = modes.serial_number === 'hidden' ? 'required' : 'hidden';
  const res = await post(`/admin/categories/${catId}/common`, form);
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const row = (await auditRows('category')).find((r) => r.entityId === catId && r.changes.some((c) => c.field === 'serial_number'));
  assert.ok(row, 'the change is in the log');
  const change = row.changes.find((c) => c.field === 'serial_number');
  assert.equal(change.label, '序列号（通用字段）');
  const words = { hidden: '不显示', optional: '选填', required: '必填' };
  assert.equal(change.text, `${words[modes.serial_number]} → ${words[form.common_serial_number]}`);
});
