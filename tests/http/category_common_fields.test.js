'use strict';
// Which common fields (product, version, serial, impact, start time, error
// message, what was tried, wished date, keywords) a category asks for is
// the admin's choice per category: hidden, optional or required. The
// portal form, the agents' intake and the API all apply it; the portal
// puts every required field before every optional one. Bad choices change
// nothing; changes are audited. The shipped kinds ask for what fits them.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 244;
const T = A.tag('CF');
const CODE = `cf_${T.toLowerCase()}`;
let admin;
let agent;
let catId;
const portal = L.client({ localAddress: L.addr(FILE, 3) });

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  agent = await A.desk('agent', L.addr(FILE, 2));
  await admin.page('/admin/categories');
  const res = await admin.client.post('/admin/categories', {
    form: {
      csrf: admin.csrf, code: CODE, name_zh: '安装调试', name_en: 'Installation', // short: the agents' queue shows it in a narrow column
      summary_zh: '新设备安装、上线调试', summary_en: 'Installing and commissioning',
      priority: String(A.PRIORITIES.general), team: String(A.TEAMS.aftersales), is_public: '1', sort_order: '95',
    },
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  catId = res.headers.location.match(/\/admin\/categories\/(\d+)/)[1];
});

test.after(async () => { // the portal home lists no test category afterwards
  if (!catId) return;
  await admin.page(`/admin/categories/${catId}`);
  await admin.client.post(`/admin/categories/${catId}/deactivate`, { form: { csrf: admin.csrf } });
});

/** The admin page's rows: {field: mode}. */
function modes(html) {
  const out = {};
  for (const m of html.matchAll(/<tr class="common-row[^"]*" data-field="(\w+)" data-mode="(\w+)"/g)) out[m[1]] = m[2];
  return out;
}

/** The portal form's controls in document order: [{name, required}]. */
function controls(html) {
  const form = html.split('<form class="request"')[1].split('</form>')[0];
  const out = [];
  for (const m of form.matchAll(/<(input|textarea)\b([^>]*)>/g)) {
    const name = (m[2].match(/name="([^"]+)"/) || [])[1];
    const type = (m[2].match(/type="([^"]+)"/) || [])[1];
    if (!name || type === 'hidden' || out.some((c) => c.name === name)) continue;
    out.push({ name, required: /\srequired\b/.test(m[2]) });
  }
  return out;
}

const ALL = { product: 'optional', product_version: 'optional', serial_number: 'optional', impact: 'required',
  started_at: 'optional', error_message: 'optional', tried: 'optional', expected_at: 'optional', keywords: 'optional' };

function commonForm(choice) {
  const f = { csrf: admin.csrf };
  for (const [k, v] of Object.entries(choice)) f[`common_${k}`] = v;
  return f;
}

test('a new category starts with the common fields as they were; the admin page shows each with its mode', async () => {
  const page = await admin.page(`/admin/categories/${catId}`);
  assert.equal(page.status, 200);
  assert.match(page.body, new RegExp(`<form method="post" action="/admin/categories/${catId}/common"`));
  assert.deepEqual(modes(page.body), { ...ALL, product: 'required' });
  assert.match(page.body, /name="common_impact" value="required" checked/);
  const form = await portal.get(`/new/${CODE}`);
  assert.equal(form.status, 200);
  const c = controls(form.body);
  assert.ok(c.some((x) => x.name === 'impact' && x.required), 'impact asked and required');
  assert.ok(c.some((x) => x.name === 'error_message'), 'the error message asked');
});

test('a bad choice is refused next to its field and changes nothing', async () => {
  await admin.page(`/admin/categories/${catId}`);
  const res = await admin.client.post(`/admin/categories/${catId}/common`,
    { form: commonForm({ ...ALL, impact: 'hidden', tried: 'sometimes' }) });
  assert.equal(res.status, 422);
  assert.match(res.body, /<tr class="common-row has-error" data-field="tried"/);
  assert.match(res.body, /name="common_impact" value="hidden" checked/, 'the choices made are kept');
  const page = await admin.page(`/admin/categories/${catId}`);
  assert.equal(modes(page.body).impact, 'required', 'nothing stored');
});

test('the admin hides impact, error message and what was tried and requires the serial number', async () => {
  await admin.page(`/admin/categories/${catId}`);
  const choice = { ...ALL, impact: 'hidden', error_message: 'hidden', tried: 'hidden', serial_number: 'required', product: 'required' };
  const res = await admin.client.post(`/admin/categories/${catId}/common`, { form: commonForm(choice) });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.equal(res.headers.location, `/admin/categories/${catId}?done=common_saved`);
  const page = await admin.page(res.headers.location);
  assert.deepEqual(modes(page.body), choice);
  assert.match(L.text(page.body), /通用字段已保存/);
  const again = await admin.client.post(`/admin/categories/${catId}/common`, { form: commonForm(choice) });
  assert.equal(again.headers.location, `/admin/categories/${catId}?done=nothing_changed`);
  const audit = await admin.page(`/admin/audit?entity=category`);
  const row = audit.body.split('<tr class="audit-row"').slice(1).find((r) => r.includes(`#${catId}<`));
  assert.ok(row, 'audited');
  const text = L.text(row.split('</tr>')[0]);
  for (const f of ['影响范围（通用字段） 必填 → 不显示', '错误信息（通用字段） 选填 → 不显示', '已尝试的办法（通用字段） 选填 → 不显示', '序列号（通用字段） 选填 → 必填'])
    assert.ok(text.includes(f), `${f} in ${text}`);
});

test('the portal form shows what the category asks for, every required field before every optional one', async () => {
  const res = await portal.get(`/new/${CODE}`);
  assert.equal(res.status, 200);
  const c = controls(res.body);
  for (const hidden of ['impact', 'error_message', 'tried']) assert.ok(!c.some((x) => x.name === hidden), `${hidden} not on the form`);
  assert.ok(c.find((x) => x.name === 'serial_number').required, 'the serial number is required');
  const lastRequired = c.map((x) => x.required).lastIndexOf(true);
  const firstOptional = c.findIndex((x) => !x.required);
  assert.ok(lastRequired < firstOptional, `required first: ${c.map((x) => `${x.name}${x.required ? '*' : ''}`).join(' ')}`);
  for (const name of ['subject', 'description', 'product', 'serial_number', 'contact_name', 'email'])
    assert.ok(c.find((x) => x.name === name).required, `${name} required`);
  assert.match(res.body, /<details class="more">/, 'the optional part folded');
});

test('the portal refuses a request without the serial number and takes one without impact', async () => {
  const base = { ...L.validFields('x'), impact: undefined, subject: `${T} 新设备安装` };
  const { res } = await portal.submit(CODE, { ...base, serial_number: '' });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'serial_number'), 'the error is next to the serial number');
  assert.ok(!L.hasFieldError(res.body, 'impact'));
  assert.match(res.body, /<details class="more" open>/, 'the optional part is open on a refused form');
  const ok = await portal.createTicket(CODE, { ...base, serial_number: `SN-${T}`, error_message: 'ignored: not asked' });
  const t = await admin.ticket(ok.number);
  assert.equal(t.res.status, 200);
  assert.ok(t.text.includes(`SN-${T}`), 'the serial number is stored');
  assert.ok(!t.text.includes('ignored: not asked'), 'a field the category hides is not taken from its form');
});

test('the agents\' intake asks for the same fields', async () => {
  const form = await agent.page(`/agent/new?category=${CODE}`);
  assert.equal(form.status, 200);
  assert.ok(!/name="impact"/.test(form.body), 'no impact');
  assert.match(form.body, /<input id="f-serial_number" name="serial_number"[^>]* required/);
  const post = (extra) => agent.client.post('/agent/new', {
    form: {
      csrf: agent.csrf, category: CODE, channel: 'phone', contact_name: '安装客户', email: `cf-${T.toLowerCase()}@example.com`,
      subject: `${T} 电话登记`, description: '客户来电预约安装。', product: 'P-300', ...extra,
    },
  });
  const bad = await post({});
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'serial_number'));
  const ok = await post({ serial_number: `SN-A-${T}`, expected_at: '2026-12-20T09:00' });
  assert.equal(ok.status, 303, L.text(ok.body).slice(0, 300));
});

test('the API requires the serial number for this category and still takes a hidden field', async () => {
  const body = (extra) => ({
    subject: `${T} API 安装`, description: 'from the ERP', category: CODE, product: 'P-300',
    customer: { name: 'ERP', email: `erp-${T.toLowerCase()}@example.com` }, ...extra,
  });
  const none = await portal.api('POST', '/api/v1/tickets', body({}));
  assert.equal(none.status, 400);
  assert.equal(none.json().error.code, 'missing_field');
  assert.equal(none.json().error.field, 'serial_number');
  const bad = await portal.api('POST', '/api/v1/tickets', body({ serial_number: 'SN-1', started_at: 'yesterday' }));
  assert.equal(bad.status, 422);
  assert.equal(bad.json().error.field, 'started_at');
  const ok = await portal.api('POST', '/api/v1/tickets', body({ serial_number: `SN-B-${T}`, impact: 'company', tried: '重启过' }));
  assert.equal(ok.status, 201, ok.body);
  const t = await admin.ticket(ok.json().number);
  assert.equal(t.priority, 'urgent', 'the impact an integrator sends still counts');
  assert.ok(t.text.includes('重启过'), 'what was tried is stored');
});

test('the shipped kinds ask for what fits them', async () => {
  const complaint = controls((await portal.get('/new/complaint')).body);
  for (const n of ['error_message', 'tried', 'serial_number']) assert.ok(!complaint.some((x) => x.name === n), `complaint: no ${n}`);
  assert.ok(!complaint.find((x) => x.name === 'product').required, 'complaint: product optional');
  const usage = controls((await portal.get('/new/usage')).body);
  assert.ok(!usage.find((x) => x.name === 'impact').required, 'usage: impact optional');
  const fault = controls((await portal.get('/new/fault')).body);
  for (const n of ['product', 'impact']) assert.ok(fault.find((x) => x.name === n).required, `fault: ${n} required`);
});
