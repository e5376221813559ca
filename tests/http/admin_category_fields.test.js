'use strict';
// Admin console, a category's own fields (issue 6): a required field added
// through the admin form is on the portal form on the very next request (any
// worker) and enforced there and on the API; choice options are validated;
// deactivating a field or an option takes it off the form while old tickets
// keep showing their values and labels; moving a field reorders the form;
// bad forms change nothing; every change is audited.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 206;
const T = A.tag('CF');
const CODE = `cf_${T.toLowerCase()}`;
let admin;
let catId;
const fieldIds = {};
const customer = L.client({ localAddress: L.addr(FILE, 3) });
const customer2 = L.client({ localAddress: L.addr(FILE, 4) });
const api = L.client({ localAddress: L.addr(FILE, 5) });

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  await admin.page('/admin/categories');
  const res = await admin.client.post('/admin/categories', {
    form: {
      csrf: admin.csrf, code: CODE, name_zh: `现场服务 ${T}`, name_en: `On-site service ${T}`,
      priority: String(A.PRIORITIES.general), team: String(A.TEAMS.aftersales), is_public: '1', sort_order: '95',
    },
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  catId = res.headers.location.match(/\/admin\/categories\/(\d+)/)[1];
});

test.after(async () => {
  // keep the portal tidy for the suites after this one
  if (catId) await admin.client.post(`/admin/categories/${catId}/deactivate`, { form: { csrf: admin.csrf } });
});

/** The field rows of the category page: {name: {id, state}}. */
async function fieldRows() {
  const res = await admin.page(`/admin/categories/${catId}`);
  assert.equal(res.status, 200);
  const out = {};
  for (const r of res.body.split('<tr class="field-row ').slice(1)) {
    out[r.match(/data-name="([^"]*)"/)[1]] = { id: r.match(/data-id="(\d+)"/)[1], state: r.match(/data-state="(\w+)"/)[1] };
  }
  return out;
}

async function addField(fields, status = 303) {
  await admin.page(`/admin/categories/${catId}`);
  const res = await admin.client.post(`/admin/categories/${catId}/fields`, { form: { csrf: admin.csrf, ...fields } });
  assert.equal(res.status, status, `add field ${fields.fname}: ${L.text(res.body).slice(0, 300)}`);
  if (status === 303) {
    assert.equal(res.headers.location, `/admin/categories/${catId}?done=field_added`);
    fieldIds[fields.fname] = (await fieldRows())[fields.fname].id;
  }
  return res;
}

async function post(url, form = {}) {
  const res = await admin.client.post(url, { form: { csrf: admin.csrf, ...form } });
  return res;
}

/** Posts the portal form of the category; resolves to {res, number?}. */
async function submit(client, fields) {
  const f = await client.openForm(CODE);
  assert.equal(f.res.status, 200);
  const res = await client.post(`/new/${CODE}`, {
    form: { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields(CODE, T), ...fields },
  });
  if (res.status !== 303) return { res };
  const page = await client.get(res.headers.location);
  return { res, number: L.receiptNumber(page.body), location: res.headers.location };
}

async function auditRows(entity) {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => ({
    action: r.match(/data-action="([^"]*)"/)[1],
    entityId: (r.match(/<code>#([^<]*)<\/code>/) || [])[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

const old = {}; // tickets made before later changes

test('fields added through the form: a choice with its options and a text', async () => {
  await addField({
    fname: 'device_kind', ftype: 'choice', flabel_zh: '设备类型', flabel_en: 'Kind of device',
    fhelp_zh: '请选择设备类型。', fhelp_en: 'Pick the kind of device.', frequired: '1',
    foptions: 'printer | 打印机 | Printer\nscanner｜扫描仪｜Scanner\n\n',
  });
  await addField({ fname: 'asset_tag', ftype: 'text', flabel_zh: '资产编号', flabel_en: 'Asset tag', fmax: '20' });
  const form = await customer.get(`/new/${CODE}`);
  assert.equal(form.status, 200);
  assert.match(form.body, /name="cf_device_kind" value="printer"/);
  assert.match(form.body, /name="cf_device_kind" value="scanner"/);
  assert.ok(L.text(form.body).includes('扫描仪'));
  assert.match(form.body, /name="cf_asset_tag"[^>]*data-maxchars="20"/);
  // the admin page previews the same form
  const page = await admin.page(`/admin/categories/${catId}`);
  const preview = page.body.split('id="preview"')[1] || '';
  assert.match(preview, /name="cf_device_kind" value="scanner"/, 'the preview shows the options');
  assert.match(preview, /<fieldset disabled/, 'and cannot be sent');

  const t = await submit(customer, { cf_device_kind: 'scanner', cf_asset_tag: 'A-17' });
  assert.equal(t.res.status, 303, L.text(t.res.body).slice(0, 300));
  old.scanner = t.number;
  const p = await admin.ticket(t.number);
  assert.equal(A.dd(p.html, '设备类型'), '扫描仪', 'a choice shows by its label');
  assert.equal(A.dd(p.html, '资产编号'), 'A-17');
});

test('a new required field is on the portal form at the very next request, and enforced', async () => {
  await addField({
    fname: 'site_address', ftype: 'longtext', flabel_zh: `上门地址 ${T}`, flabel_en: `Site address ${T}`,
    fhelp_zh: '工程师上门的详细地址', fhelp_en: 'Where the engineer should go', frequired: '1',
  });
  for (let i = 0; i < 8; i++) { // a new connection each time: any worker
    const form = await customer.get(`/new/${CODE}`);
    assert.equal(form.status, 200);
    assert.match(form.body, /<textarea id="f-cf_site_address" name="cf_site_address"[^>]* required/, `request ${i}`);
    assert.ok(form.body.includes(`上门地址 ${T}`));
  }
  const missing = await submit(customer, { cf_device_kind: 'printer', cf_asset_tag: 'B-2' });
  assert.equal(missing.res.status, 422);
  assert.ok(L.hasFieldError(missing.res.body, 'cf_site_address'), 'the error is next to the new field');
  assert.ok(!L.hasFieldError(missing.res.body, 'cf_device_kind'));
  assert.match(missing.res.body, /name="cf_asset_tag"[^>]*value="B-2"/, 'the input is kept');

  const ok = await submit(customer, { cf_device_kind: 'printer', cf_site_address: '上海市浦东新区 1 号楼 3 层' });
  assert.equal(ok.res.status, 303);
  old.address = ok.number;
  old.addressLink = ok.location;
  const p = await admin.ticket(ok.number);
  assert.equal(A.dd(p.html, `上门地址 ${T}`), '上海市浦东新区 1 号楼 3 层', 'the value on the agent ticket page');
});

test('the API enforces the same fields and options', async () => {
  const body = (fields) => L.apiTicket({ category: CODE, fields });
  const none = await api.api('POST', '/api/v1/tickets', body({ device_kind: 'printer' }));
  assert.equal(none.status, 422);
  assert.match(none.body, /site_address/);
  const bad = await api.api('POST', '/api/v1/tickets', body({ device_kind: 'fax', site_address: 'x' }));
  assert.equal(bad.status, 422);
  assert.match(bad.body, /device_kind/);
  const ok = await api.api('POST', '/api/v1/tickets', body({ device_kind: 'printer', site_address: 'Building 7' }));
  assert.equal(ok.status, 201, ok.body);
});

test('choice fields take only their options', async () => {
  const t = await submit(customer2, { cf_device_kind: 'fax', cf_site_address: 'x' });
  assert.equal(t.res.status, 422);
  assert.ok(L.hasFieldError(t.res.body, 'cf_device_kind'));
});

test('a deactivated field leaves the form; old tickets keep its label and value', async () => {
  const id = fieldIds.site_address;
  const res = await post(`/admin/fields/${id}/deactivate`);
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/admin/categories/${catId}?done=field_deactivated`);
  assert.equal((await fieldRows()).site_address.state, 'inactive');
  const form = await customer.get(`/new/${CODE}`);
  assert.doesNotMatch(form.body, /cf_site_address/, 'no longer on the form');
  const t = await submit(customer2, { cf_device_kind: 'printer' });
  assert.equal(t.res.status, 303, 'and no longer required');
  const p = await admin.ticket(old.address);
  assert.equal(A.dd(p.html, `上门地址 ${T}`), '上海市浦东新区 1 号楼 3 层', 'the old ticket still shows it');
  const follow = await customer.get(old.addressLink);
  assert.equal(follow.status, 200);
  assert.ok(L.text(follow.body).includes(`上门地址 ${T} 上海市浦东新区 1 号楼 3 层`), 'so does the customer\'s page');
});

test('options: add one, deactivate one (old values keep their label), never the last', async () => {
  const fid = fieldIds.device_kind;
  await admin.page(`/admin/fields/${fid}`);
  const bad = await post(`/admin/fields/${fid}/options`, { ocode: 'Plotter!', olabel_zh: '', olabel_en: 'Plotter' });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'ocode'));
  assert.ok(L.hasFieldError(bad.body, 'olabel_zh'));
  assert.match(bad.body, /value="Plotter"/, 'input kept');
  const dup = await post(`/admin/fields/${fid}/options`, { ocode: 'printer', olabel_zh: '打印机2', olabel_en: 'Printer 2' });
  assert.equal(dup.status, 422);
  assert.ok(L.hasFieldError(dup.body, 'ocode'));
  const add = await post(`/admin/fields/${fid}/options`, { ocode: 'plotter', olabel_zh: '绘图仪', olabel_en: 'Plotter' });
  assert.equal(add.status, 303);
  assert.equal(add.headers.location, `/admin/fields/${fid}?done=option_added`);
  assert.match((await customer.get(`/new/${CODE}`)).body, /name="cf_device_kind" value="plotter"/);

  const page = await admin.page(`/admin/fields/${fid}`);
  const optId = (code) => page.body.match(new RegExp(`<tr class="option-row[^"]*" data-id="(\\d+)" data-code="${code}"`))[1];
  const off = await post(`/admin/options/${optId('scanner')}/deactivate`);
  assert.equal(off.status, 303);
  const form = await customer.get(`/new/${CODE}`);
  assert.doesNotMatch(form.body, /value="scanner"/, 'no longer offered');
  const t = await submit(customer2, { cf_device_kind: 'scanner' });
  assert.equal(t.res.status, 422, 'and refused');
  assert.ok(L.hasFieldError(t.res.body, 'cf_device_kind'));
  const p = await admin.ticket(old.scanner);
  assert.equal(A.dd(p.html, '设备类型'), '扫描仪', 'the old ticket keeps the label of its value');

  // down to one option: that one cannot go
  assert.equal((await post(`/admin/options/${optId('plotter')}/deactivate`)).status, 303);
  const last = await post(`/admin/options/${optId('printer')}/deactivate`);
  assert.equal(last.status, 422);
  assert.match(L.text(last.body), /最后一个启用的选项|last active option/);
  assert.match((await customer.get(`/new/${CODE}`)).body, /name="cf_device_kind" value="printer"/, 'still offered');
});

const order = (html) => [...html.matchAll(/name="cf_(\w+)"/g)].map((m) => m[1]).filter((n, i, a) => a.indexOf(n) === i);

test('moving a field reorders the category\'s fields; the portal keeps required ones before optional ones', async () => {
  const listed = async () => Object.entries(await fieldRows()).filter(([, f]) => f.state === 'active').map(([n]) => n);
  assert.deepEqual(await listed(), ['device_kind', 'asset_tag']);
  assert.deepEqual(order((await customer.get(`/new/${CODE}`)).body), ['device_kind', 'asset_tag']);
  const up = await post(`/admin/fields/${fieldIds.asset_tag}/up`);
  assert.equal(up.status, 303);
  assert.equal(up.headers.location, `/admin/categories/${catId}?done=field_moved`);
  assert.deepEqual(await listed(), ['asset_tag', 'device_kind']);
  // asset_tag is optional, device_kind required: on the form the required part comes first
  assert.deepEqual(order((await customer.get(`/new/${CODE}`)).body), ['device_kind', 'asset_tag']);
  // already first: nothing changes, nothing recorded
  const again = await post(`/admin/fields/${fieldIds.asset_tag}/up`);
  assert.equal(again.headers.location, `/admin/categories/${catId}?done=nothing_changed`);
  await post(`/admin/fields/${fieldIds.asset_tag}/down`);
  assert.deepEqual(await listed(), ['device_kind', 'asset_tag']);
});

test('a yes/no field: required means ticked, shown as yes', async () => {
  await addField({ fname: 'power_off_ok', ftype: 'bool', flabel_zh: '同意断电检修', flabel_en: 'Power-off agreed', frequired: '1' });
  const form = await customer2.get(`/new/${CODE}`);
  assert.match(form.body, /type="checkbox" id="f-cf_power_off_ok" name="cf_power_off_ok" value="1"/);
  const no = await submit(customer2, { cf_device_kind: 'printer' });
  assert.equal(no.res.status, 422);
  assert.ok(L.hasFieldError(no.res.body, 'cf_power_off_ok'));
  const yes = await submit(customer2, { cf_device_kind: 'printer', cf_power_off_ok: '1' });
  assert.equal(yes.res.status, 303);
  assert.equal(A.dd((await admin.ticket(yes.number)).html, '同意断电检修'), '是');
});

test('moving a required field reorders the required part of the portal form', async () => {
  const fields = await fieldRows();
  const id = fields.power_off_ok.id;
  assert.deepEqual(order((await customer.get(`/new/${CODE}`)).body), ['device_kind', 'power_off_ok', 'asset_tag']);
  await post(`/admin/fields/${id}/up`);
  await post(`/admin/fields/${id}/up`);
  assert.deepEqual(order((await customer.get(`/new/${CODE}`)).body), ['power_off_ok', 'device_kind', 'asset_tag']);
  await post(`/admin/fields/${id}/down`);
  await post(`/admin/fields/${id}/down`);
  assert.deepEqual(order((await customer.get(`/new/${CODE}`)).body), ['device_kind', 'power_off_ok', 'asset_tag']);
});

test('a multiple-choice field: several options, shown by their labels', async () => {
  await addField({ fname: 'parts', ftype: 'multichoice', flabel_zh: '涉及部件', flabel_en: 'Parts', foptions: 'drum | 硒鼓 | Drum\nfuser | 定影器 | Fuser\ntray | 纸盒 | Tray' });
  const f = await customer2.openForm(CODE);
  const base = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields(CODE, T), cf_device_kind: 'printer', cf_power_off_ok: '1' };
  const pairs = [...Object.entries(base), ['cf_parts', 'drum'], ['cf_parts', 'tray']];
  const res = await customer2.post(`/new/${CODE}`, { form: pairs });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const number = L.receiptNumber((await customer2.get(res.headers.location)).body);
  assert.equal(A.dd((await admin.ticket(number)).html, '涉及部件'), '硒鼓、纸盒');
  const bad = await customer2.post(`/new/${CODE}`, { form: [...Object.entries({ ...base, submit_key: f.submitKey + 'x' }), ['cf_parts', 'drum'], ['cf_parts', 'wheel']] });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'cf_parts'));
});

test('a bad field form is refused next to each field, input kept, nothing written', async () => {
  const auditBefore = (await auditRows('category_field')).length;
  const res = await addField({ fname: 'Bad-Name', ftype: 'choice', flabel_zh: '型号', flabel_en: '', fmax: '5', foptions: '' }, 422);
  for (const f of ['fname', 'flabel_en', 'foptions']) assert.ok(L.hasFieldError(res.body, f), `error next to ${f}`);
  assert.ok(!L.hasFieldError(res.body, 'flabel_zh'));
  assert.match(res.body, /id="f-fname" name="fname" type="text" value="Bad-Name"/, 'input kept');
  const lines = await addField({ fname: 'model', ftype: 'multichoice', flabel_zh: '型号', flabel_en: 'Model', foptions: 'a | 甲 | A\nb | 乙\n' }, 422);
  assert.ok(L.hasFieldError(lines.body, 'foptions'));
  assert.match(L.text(lines.body), /第 2 行|Line 2/);
  assert.match(lines.body, /a \| 甲 \| A\nb \| 乙/, 'the options text is kept');
  const dup = await addField({ fname: 'asset_tag', ftype: 'text', flabel_zh: '重复', flabel_en: 'Again' }, 422);
  assert.ok(L.hasFieldError(dup.body, 'fname'));
  const badType = await addField({ fname: 'x1', ftype: 'file', flabel_zh: '文件', flabel_en: 'File' }, 422);
  assert.ok(L.hasFieldError(badType.body, 'ftype'));
  assert.ok(!('model' in await fieldRows()), 'nothing created');
  assert.equal((await auditRows('category_field')).length, auditBefore, 'no audit row');
});

test('editing a field changes its label and help on the form; every change is audited', async () => {
  const fid = fieldIds.device_kind;
  await admin.page(`/admin/fields/${fid}`);
  const bad = await post(`/admin/fields/${fid}`, { flabel_zh: '', flabel_en: 'Device', frequired: '1' });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'flabel_zh'));
  const res = await post(`/admin/fields/${fid}`, { flabel_zh: '设备种类', flabel_en: 'Device', fhelp_zh: '选一个', fhelp_en: 'Pick one', frequired: '1' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/admin/categories/${catId}?done=field_saved`);
  const form = await customer.get(`/new/${CODE}`);
  assert.ok(L.text(form.body).includes('设备种类') && L.text(form.body).includes('选一个'));

  const rows = await auditRows('category_field');
  const mine = (id) => rows.filter((r) => r.entityId === id).map((r) => r.action);
  assert.deepEqual(mine(fid), ['update', 'create']);
  assert.deepEqual(mine(fieldIds.site_address), ['deactivate', 'create']);
  assert.deepEqual(mine(fieldIds.asset_tag), ['update', 'update', 'create'], 'moves');
  const edit = rows.find((r) => r.entityId === fid && r.action === 'update');
  assert.ok(edit.text.includes('名称（中文） 设备类型 → 设备种类'), edit.text);
  assert.ok(edit.text.includes(A.PEOPLE.admin.name));
  const created = rows.find((r) => r.entityId === fid && r.action === 'create');
  assert.ok(created.text.includes('printer|打印机|Printer; scanner|扫描仪|Scanner'), created.text);
  const opts = (await auditRows('category_field_option')).map((r) => r.action);
  assert.ok(opts.includes('create') && opts.includes('deactivate'));
});

test('an internal-only category keeps its fields on the agents\' new-ticket form', async () => {
  await admin.page(`/admin/categories/${catId}`);
  const res = await post(`/admin/categories/${catId}`, {
    code: CODE, name_zh: `现场服务 ${T}`, name_en: `On-site service ${T}`,
    priority: String(A.PRIORITIES.general), team: String(A.TEAMS.aftersales), sort_order: '95',
  });
  assert.equal(res.status, 303);
  assert.equal((await customer.get(`/new/${CODE}`)).status, 404, 'not on the portal');
  const agent = await A.desk('agent', L.addr(FILE, 2));
  const intake = await agent.page(`/agent/new?category=${CODE}`);
  assert.equal(intake.status, 200);
  assert.match(intake.body, /name="cf_device_kind" value="printer"/, 'its choice field');
  assert.match(intake.body, /type="checkbox" id="f-cf_power_off_ok"/, 'its yes/no field as a checkbox');
});

test('a choice field comes back on the form only with an option', async () => {
  const fid = fieldIds.device_kind;
  assert.equal((await post(`/admin/fields/${fid}/deactivate`)).status, 303);
  const page = await admin.page(`/admin/fields/${fid}`);
  const printer = page.body.match(/<tr class="option-row[^"]*" data-id="(\d+)" data-code="printer" data-state="active"/)[1];
  // the field is off the form: its last option may go now
  assert.equal((await post(`/admin/options/${printer}/deactivate`)).status, 303);
  const refused = await post(`/admin/fields/${fid}/activate`);
  assert.equal(refused.status, 422);
  assert.match(L.text(refused.body), /至少需要一个启用的选项|at least one active option/);
  assert.equal((await fieldRows()).device_kind.state, 'inactive', 'nothing changed');
  assert.equal((await post(`/admin/options/${printer}/activate`)).status, 303);
  const back = await post(`/admin/fields/${fid}/activate`);
  assert.equal(back.headers.location, `/admin/categories/${catId}?done=field_activated`);
  assert.equal((await fieldRows()).device_kind.state, 'active');
});
