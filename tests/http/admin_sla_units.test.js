'use strict';
// SLA targets in minutes, hours or working days (admin console, priorities):
// a level's targets are given with their unit and shown as given, on the
// admin pages and on the portal's home page (its promise comes from the
// data); a resolution that could fall due before the first response is
// refused on the same form with a clear message, the input kept and nothing
// written - for a level, for an override laid over its level, and for a
// level whose overrides it would break. Units are compared on the level's
// calendar: 8 hours outlast a working day of the standard calendar (7.5 h)
// but not of the 7x24 one. The shipped levels read as the process documents
// state them. A level of its own; dues are checked relative to intake.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 241;
const T = A.tag('SU');
const CODE = `u${T.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 30);
const STANDARD = 1;
const ALWAYS = 2;
const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
let admin;
let prioId;
let rank;

const form = (over = {}) => ({
  csrf: admin.csrf, code: CODE, name_zh: `${T} 单位级别`, name_en: `${T} unit level`, rank, color: 'blue',
  calendar: String(STANDARD), classify: '', classify_unit: 'minute', first_response: '2', first_response_unit: 'hour',
  resolution: '2', resolution_unit: 'workday', update: '1', update_unit: 'workday', warning: '75', ...over,
});

const selected = (html, name) => ((html.match(new RegExp(`<select id="f-${name}"[\\s\\S]*?</select>`)) || [''])[0]
  .match(/<option value="([^"]*)" selected/) || [])[1];
const errorText = (html, name) => L.text((html.match(new RegExp(`<p class="error" id="e-${name}">[\\s\\S]*?</p>`)) || [''])[0]);
const levelRow = (html, code) => L.text((html.match(new RegExp(`<tr class="prio-row[^"]*"[^>]*data-code="${code}"[\\s\\S]*?</tr>`)) || [''])[0]);

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  rank = String(300 + Math.floor(Math.random() * 600));
});

test('the priorities page explains the units and no longer cites the spec; the shipped levels read as documented', async () => {
  const page = await admin.page('/admin/priorities');
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.body, /SPEC/, 'no "SPEC §2" on the page');
  assert.match(L.text(page.body), /N 个工作日指第 N 个工作日的同一时刻/, 'what a working day means');
  assert.deepEqual(((page.body.match(/<select id="f-first_response_unit"[\s\S]*?<\/select>/) || [''])[0].match(/value="[a-z]+"/g) || []),
    ['value="minute"', 'value="hour"', 'value="workday"'], 'the unit beside the amount');
  assert.match(levelRow(page.body, 'general'), /1 个工作日 3 个工作日/, `general: ${levelRow(page.body, 'general')}`);
  assert.match(levelRow(page.body, 'important'), /2 小时 1 个工作日/);
  assert.match(levelRow(page.body, 'urgent'), /15 分钟 4 小时/);
  assert.match(page.body, /标准工作日 5×8 · 每个工作日 7 小时 30 分钟/, 'the calendar choice says how long its working day is');
});

test('a resolution that could fall due before the first response is refused, input kept, nothing written', async () => {
  await admin.page('/admin/priorities');
  const cases = [
    [{ first_response: '2', first_response_unit: 'workday', resolution: '1', resolution_unit: 'workday' }, '2 working days before 1'],
    [{ first_response: '1440', first_response_unit: 'minute', resolution: '1350', resolution_unit: 'minute' }, 'the old general level'],
    [{ first_response: '8', first_response_unit: 'hour', resolution: '1', resolution_unit: 'workday' }, '8 h outlast a 7.5-hour working day'],
    [{ first_response: '1', first_response_unit: 'workday', resolution: '7', resolution_unit: 'hour' }, 'a working day outlasts 7 h'],
  ];
  for (const [over, why] of cases) {
    const res = await admin.client.post('/admin/priorities', { form: form(over) });
    assert.equal(res.status, 422, why);
    assert.ok(L.hasFieldError(res.body, 'resolution'), `${why}: the error is next to the resolution`);
    assert.match(errorText(res.body, 'resolution'), /解决时限早于首次响应/, `${why}: says what is wrong`);
    assert.match(res.body, new RegExp(`name="first_response"[^>]*value="${over.first_response}"`), `${why}: input kept`);
    assert.equal(selected(res.body, 'first_response_unit'), over.first_response_unit, `${why}: unit kept`);
    assert.equal(selected(res.body, 'resolution_unit'), over.resolution_unit);
  }
  const list = await admin.page('/admin/priorities');
  assert.ok(!list.body.includes(`data-code="${CODE}"`), 'nothing created');
  assert.ok(!L.text((await admin.page('/admin/audit?entity=priority')).body).includes(CODE), 'no audit row');
  // round the clock a working day is 24 hours: 8 hours fit in it
  let ok;
  for (let i = 0; i < 20; i++) { // a free order among the active levels
    ok = await admin.client.post('/admin/priorities', { form: form({ calendar: String(ALWAYS), first_response: '8', first_response_unit: 'hour', resolution: '1', resolution_unit: 'workday' }) });
    if (ok.status !== 422 || !L.hasFieldError(ok.body, 'rank')) break;
    rank = String(300 + Math.floor(Math.random() * 600));
  }
  assert.equal(ok.status, 303, L.text(ok.body).slice(0, 300));
  prioId = ok.headers.location.match(/priorities\/(\d+)/)[1];
});

test('targets are stored and shown with their unit; the portal promises what the level holds; tickets get them', async () => {
  const res = await admin.client.post(`/admin/priorities/${prioId}`, { form: form() });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const page = await admin.page(`/admin/priorities/${prioId}`);
  assert.match(page.body, /name="first_response"[^>]*value="2"/);
  assert.equal(selected(page.body, 'first_response_unit'), 'hour');
  assert.equal(selected(page.body, 'resolution_unit'), 'workday');
  assert.equal(selected(page.body, 'update_unit'), 'workday');
  assert.match(levelRow((await admin.page('/admin/priorities')).body, CODE), /2 小时 2 个工作日 1 个工作日/);
  assert.match(L.text((await admin.page('/admin/audit?entity=priority')).body), /首次响应时限 \d+ 小时 → 2 小时/, 'audited with the unit, in words');

  const home = (await L.client({ localAddress: L.addr(FILE, 2) }).get('/')).body;
  const row = L.text((home.match(new RegExp(`<tr data-level="${CODE}">[\\s\\S]*?</tr>`)) || [''])[0]).trim();
  assert.match(row, /2 小时 2 个工作日$/, `the portal's promise comes from the level: ${row}`);

  const x = await A.createTicket({ subject: `${T} units`, priority: CODE });
  const t = await S.apiGet(x.number);
  const created = S.secs(t.created_at);
  assert.equal(t.sla.first_response_due_at, iso(S.businessDue(created, 120)), '2 working hours');
  assert.equal(t.sla.resolution_due_at, iso(S.businessDue(created, 2 * 450)), '2 working days');
  A.setupSql(`UPDATE tickets SET priority_id = (SELECT id FROM priorities WHERE code = 'general') WHERE number = '${x.number}'`);
});

test('an override laid over its level is checked the same way, and so is a level against its overrides', async () => {
  await admin.page(`/admin/priorities/${prioId}`);
  const tagId = A.setupSql("SELECT id FROM tags WHERE code = 'vip'").trim();
  const add = (fields) => admin.client.post(`/admin/priorities/${prioId}/policies`, { form: {
    csrf: admin.csrf, p_category: '', p_tag: tagId, p_calendar: '', p_classify: '', p_first_response: '', p_resolution: '',
    p_update: '', p_warning: '', ...fields } });
  let res = await add({ p_first_response: '3', p_first_response_unit: 'workday' });
  assert.equal(res.status, 422, 'first response 3 working days, the level\'s resolution 2');
  assert.match(errorText(res.body, 'p_first_response'), /解决时限早于首次响应/);
  assert.equal(selected(res.body, 'p_first_response_unit'), 'workday', 'unit kept');
  res = await add({ p_resolution: '1', p_resolution_unit: 'hour' });
  assert.equal(res.status, 422, 'resolution 1 hour, the level\'s first response 2 hours');
  assert.ok(L.hasFieldError(res.body, 'p_resolution'));
  res = await add({ p_resolution: '4', p_resolution_unit: 'hour' });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));

  // the level's first response may not now outlast the override's 4 hours
  res = await admin.client.post(`/admin/priorities/${prioId}`, { form: form({ first_response: '5', first_response_unit: 'hour' }) });
  assert.equal(res.status, 422);
  assert.match(errorText(res.body, 'resolution'), /例外规则/, 'names the override as the reason');
  assert.match((await admin.page(`/admin/priorities/${prioId}`)).body, /name="first_response"[^>]*value="2"/, 'nothing written');
});

test.after(async () => {
  if (!prioId) return;
  await admin.page(`/admin/priorities/${prioId}`);
  await admin.client.post(`/admin/priorities/${prioId}/deactivate`, { form: { csrf: admin.csrf } });
});
