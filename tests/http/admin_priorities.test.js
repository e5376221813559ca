'use strict';
// Admin console, priorities & SLA (issue 6): a level created and edited
// through the form changes the first-response due of the NEXT ticket made
// through the API (old tickets keep theirs); overrides per category and per
// customer tag apply to matching new tickets, the most specific winning
// (category + tag > tag > category > the level); a new calendar on the
// level moves the due into business time. Bad input is refused on the same
// form with the input kept and nothing written; every change is audited.
// The tests work on a level of their own, so the seeded levels other test
// files count on never change.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 207;
const T = A.tag('PR');
const CODE = `t${T.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 30);
const NAME = `${T} 测试级别`;
const ALWAYS = 2; // the seeded 7x24 calendar (Asia/Shanghai)
const STANDARD = 1; // Mon-Fri 09:00-12:00, 13:30-18:00 Asia/Shanghai
const CATEGORY_USAGE = A.CATEGORIES ? A.CATEGORIES.usage : 2;
let admin;
let prioId;

const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/** start + minutes on the standard calendar (see sla_business_time.test.js). */
function businessDue(start, minutes) {
  const ZONE = 8 * 3600;
  const SPANS = [[540, 720], [810, 1080]];
  let left = minutes * 60;
  let day = Math.floor((start + ZONE) / 86400);
  for (let i = 0; i < 3660; i++, day++) {
    const weekday = (day + 4) % 7;
    if (weekday === 0 || weekday === 6) continue;
    for (const [a, b] of SPANS) {
      const from = Math.max(start, day * 86400 + a * 60 - ZONE);
      const to = day * 86400 + b * 60 - ZONE;
      if (from >= to) continue;
      if (to - from >= left) return from + left;
      left -= to - from;
    }
  }
  throw new Error('no due');
}

/** A ticket of our level through the API; its API document. */
async function ticket(subject, extra = {}) {
  const x = await A.createTicket({ subject: `${T} ${subject}`, priority: CODE, ...extra });
  const t = await S.apiGet(x.number);
  assert.equal(t.priority, CODE, `${x.number} has our level`);
  return t;
}

function firstDueMinutes(t) {
  return (S.secs(t.sla.first_response_due_at) - S.secs(t.created_at)) / 60;
}

const levelForm = (over = {}) => ({
  name_zh: NAME, name_en: `${T} test level`, rank: '', color: 'orange', calendar: String(ALWAYS),
  classify: '', first_response: '100', resolution: '1000', update: '', warning: '50', ...over,
});

/** The audit rows of entity (text of the page). */
async function audit(entity) {
  return L.text((await admin.page(`/admin/audit?entity=${entity}`)).body);
}

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
});

test('bad input is refused next to the fields, input kept, nothing written', async () => {
  await admin.page('/admin/priorities');
  const res = await admin.client.post('/admin/priorities', {
    form: { csrf: admin.csrf, code: 'Bad Code', ...levelForm({ name_zh: '  ', rank: 'abc', first_response: '0', resolution: '-5', warning: '100', calendar: '999999' }) },
  });
  assert.equal(res.status, 422);
  for (const f of ['code', 'name_zh', 'rank', 'first_response', 'resolution', 'warning']) {
    assert.ok(L.hasFieldError(res.body, f), `an error next to ${f}`);
  }
  assert.match(res.body, /name="first_response"[^>]*value="0"/, 'the input is kept');
  assert.match(res.body, /name="warning"[^>]*value="100"/);
  const list = await admin.page('/admin/priorities');
  assert.ok(!list.body.includes('Bad Code'), 'nothing created');
  // an unknown calendar alone is refused too
  const cal = await admin.client.post('/admin/priorities', { form: { csrf: admin.csrf, code: `${CODE}x`, ...levelForm({ rank: '998', calendar: '999999' }) } });
  assert.equal(cal.status, 422);
  assert.ok(L.hasFieldError(cal.body, 'calendar'));
  assert.ok(!(await audit('priority')).includes(`${CODE}x`), 'no audit row');
});

test('a level created through the form gives new tickets its targets', async () => {
  await admin.page('/admin/priorities');
  let res;
  for (let i = 0; i < 20; i++) { // a free order among the active levels
    const rank = String(100 + Math.floor(Math.random() * 890));
    res = await admin.client.post('/admin/priorities', { form: { csrf: admin.csrf, code: CODE, ...levelForm({ rank }) } });
    if (res.status !== 422 || !L.hasFieldError(res.body, 'rank')) break;
  }
  assert.equal(res.status, 303, `create: ${res.status} ${L.text(res.body).slice(0, 300)}`);
  assert.match(res.headers.location, /\/admin\/priorities\/\d+\?done=priority_created/);
  prioId = res.headers.location.match(/priorities\/(\d+)/)[1];
  const page = await admin.page(`/admin/priorities/${prioId}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /name="first_response"[^>]*value="100"/);

  const t = await ticket('level 100');
  assert.equal(firstDueMinutes(t), 100, '7x24: 100 minutes after intake');
  assert.equal(t.sla.resolution_due_at, iso(S.secs(t.created_at) + 1000 * 60));
  const log = await audit('priority');
  assert.ok(log.includes(NAME), 'the creation is audited');
});

test('a changed first-response target applies to the next ticket; old tickets keep theirs', async () => {
  const old = await ticket('before the change');
  assert.equal(firstDueMinutes(old), 100);
  const cur = (await admin.page(`/admin/priorities/${prioId}`)).body.match(/name="rank"[^>]*value="(\d+)"/)[1];
  // a bad edit first: refused, nothing changes
  const bad = await admin.client.post(`/admin/priorities/${prioId}`, { form: { csrf: admin.csrf, ...levelForm({ rank: cur, first_response: '0', warning: '0' }) } });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'first_response'));
  assert.ok(L.hasFieldError(bad.body, 'warning'));
  assert.equal(firstDueMinutes(await ticket('after a refused edit')), 100, 'the refused edit changed nothing');

  const res = await admin.client.post(`/admin/priorities/${prioId}`, { form: { csrf: admin.csrf, ...levelForm({ rank: cur, first_response: '30' }) } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.match(res.headers.location, /done=priority_saved/);
  const t = await ticket('after the change');
  assert.equal(firstDueMinutes(t), 30, 'the next ticket gets the new target');
  const again = await S.apiGet(old.number);
  assert.equal(again.sla.first_response_due_at, old.sla.first_response_due_at, 'the old ticket keeps its due');
  const log = await audit('priority');
  assert.match(log, /首次响应时限\s*100 分钟\s*→\s*30 分钟/, 'audited old -> new, with the unit in words');
});

test('overrides per category and customer tag: the most specific wins', async () => {
  const page = await admin.page(`/admin/priorities/${prioId}`);
  assert.equal(page.status, 200);
  const add = (fields) => admin.client.post(`/admin/priorities/${prioId}/policies`, { form: { csrf: admin.csrf, p_category: '', p_tag: '', p_calendar: '', p_classify: '', p_first_response: '', p_resolution: '', p_update: '', p_warning: '', ...fields } });
  const tagId = A.setupSql("SELECT id FROM tags WHERE code = 'vip'").trim();

  // refused: no scope; nothing to override; bad minutes
  let res = await add({ p_first_response: '45' });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'p_category'), 'a scope is needed');
  res = await add({ p_category: String(CATEGORY_USAGE) });
  assert.equal(res.status, 422, 'nothing to override');
  res = await add({ p_category: String(CATEGORY_USAGE), p_first_response: '-1', p_warning: '120' });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'p_first_response'));
  assert.ok(L.hasFieldError(res.body, 'p_warning'));
  assert.match(res.body, /name="p_warning"[^>]*value="120"/, 'input kept');

  res = await add({ p_category: String(CATEGORY_USAGE), p_first_response: '45' });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  res = await add({ p_tag: tagId, p_first_response: '20' });
  assert.equal(res.status, 303);
  res = await add({ p_category: String(CATEGORY_USAGE), p_tag: tagId, p_first_response: '10' });
  assert.equal(res.status, 303);
  res = await add({ p_category: String(CATEGORY_USAGE), p_first_response: '50' });
  assert.equal(res.status, 422, 'one override per scope');
  assert.ok(L.hasFieldError(res.body, 'p_category'));

  // a VIP customer: tagged after a first ticket (setup)
  const email = `${T.toLowerCase()}-vip@example.com`;
  const first = await ticket('vip to be', { customer: { name: '贵宾', email } });
  A.setupSql(`INSERT IGNORE INTO customer_tags (customer_id, tag_id, source, created_at)
    SELECT t.customer_id, ${Number(tagId)}, 'manual', UTC_TIMESTAMP() FROM tickets t WHERE t.number = '${first.number}'`);
  const vip = { customer: { name: '贵宾', email } };

  assert.equal(firstDueMinutes(await ticket('fault plain')), 30, 'no override: the level');
  assert.equal(firstDueMinutes(await ticket('usage plain', { category: 'usage' })), 45, 'category override');
  assert.equal(firstDueMinutes(await ticket('fault vip', vip)), 20, 'tag override');
  assert.equal(firstDueMinutes(await ticket('usage vip', { category: 'usage', ...vip })), 10, 'category + tag override');
  assert.equal(firstDueMinutes(await S.apiGet(first.number)), 30, 'the ticket from before keeps its due');

  // deactivating the category + tag override: the tag one applies
  const list = (await admin.page(`/admin/priorities/${prioId}`)).body;
  const rows = list.split('<tr class="policy-row ').slice(1);
  assert.equal(rows.length, 3);
  const both = rows.find((r) => r.includes('10 分钟') || r.includes('10 minutes'));
  const pid = both.match(/data-id="(\d+)"/)[1];
  res = await admin.client.post(`/admin/sla-policies/${pid}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 303);
  assert.equal(firstDueMinutes(await ticket('usage vip later', { category: 'usage', ...vip })), 20, 'the tag override now');
  // and editing one through its own page
  await admin.page(`/admin/sla-policies/${pid}`);
  res = await admin.client.post(`/admin/sla-policies/${pid}`, { form: { csrf: admin.csrf, p_category: String(CATEGORY_USAGE), p_tag: tagId, p_first_response: '0' } });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'p_first_response'));
  const log = await audit('sla_policy');
  assert.ok(log.includes(`${CODE} / usage / vip`), 'overrides are audited with their scope');
});

test('a new calendar on the level counts the next ticket in business time', async () => {
  const body = (await admin.page(`/admin/priorities/${prioId}`)).body;
  const rank = body.match(/name="rank"[^>]*value="(\d+)"/)[1];
  const res = await admin.client.post(`/admin/priorities/${prioId}`, { form: { csrf: admin.csrf, ...levelForm({ rank, first_response: '30', calendar: String(STANDARD) }) } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const t = await ticket('standard calendar');
  assert.equal(t.sla.first_response_due_at, iso(businessDue(S.secs(t.created_at), 30)), 'counted on Mon-Fri working hours');
});

test('a level in use cannot be deactivated', async () => {
  await admin.page(`/admin/priorities/${prioId}`);
  const res = await admin.client.post(`/admin/priorities/${prioId}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 409);
  assert.match(L.text(res.body), /未关闭的工单|Open tickets/);
  const page = await admin.page(`/admin/priorities/${prioId}`);
  assert.match(page.body, /data-state="active"/);
});
