'use strict';
// Organisation tags (issue 5 item 6): an admin finds an organisation by the
// start of its name on /admin/tags and tags it; every customer of it then
// carries the tag as if it were their own - a VIP organisation's NEW ticket
// starts one priority level more urgent and shows the VIP chip on its queue
// row, its ticket page and in the customer search; a free tag shows on its
// customers' tickets and drives the SLA overrides by tag. Untagged, the next
// ticket is normal again. Every change is audited; a bad form changes
// nothing; non-admins get 403.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

// It looks at times (an SLA override counts business time): run at the three
// instants of tests/run.sh (clock.js).
C.useTestInstant();

const FILE = 215;
const T = A.tag('OT');
const ORG = `${T} 精密制造有限公司`;
const CODE = `o_${T.toLowerCase()}`.slice(0, 40);
let admin;
let sup;
let orgId;
let vipId;
let freeId;
let rulesBefore; // the rules form as found, when the VIP raise had to be switched on

const mail = (who) => `${T.toLowerCase()}-${who}@example.com`;
const orgTicket = (who, subject, extra = {}) => A.createTicket({
  subject: `${T} ${subject}`, impact: 'individual',
  customer: { name: `${T} ${who}`, email: mail(who), organisation: ORG }, ...extra,
});
const priority = async (number) => (await S.apiGet(number)).priority;

/** The queue row of a ticket (supervisor, team queue, keyword filter). */
async function queueRow(number) {
  const q = await sup.queue('team', { q: T });
  assert.equal(q.res.status, 200);
  const row = q.rows.find((r) => r.number === number);
  assert.ok(row, `ticket ${number} in the queue`);
  return row;
}

const chips = (html, code) => (html.match(new RegExp(`<span class="tag tag-${code}"`, 'g')) || []).length;

async function auditRows(entity) {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  assert.equal(res.status, 200);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => ({
    id: Number(r.match(/data-id="(\d+)"/)[1]),
    action: r.match(/data-action="([^"]*)"/)[1],
    entityId: (r.match(/<code>#([^<]*)<\/code>/) || [])[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

async function orgPost(action, tag) {
  await admin.page(`/admin/tags/organisations/${orgId}`);
  return admin.client.post(`/admin/tags/organisations/${orgId}/${action}`, { form: { csrf: admin.csrf, tag: String(tag) } });
}

/** The rules form's [name, value] pairs, as admin_tags.test.js reads them. */
function rulesOf(html) {
  const form = html.split('action="/admin/tags/rules"')[1].split('</form>')[0];
  const pairs = ['complaint_count', 'complaint_days'].map((n) => [n, form.match(new RegExp(`name="${n}"[^>]*value="([^"]*)"`))[1]]);
  for (const m of form.matchAll(/name="complaint_categories" value="([^"]+)" checked/g)) pairs.push(['complaint_categories', m[1]]);
  if (/name="vip_raises" value="1" checked/.test(form)) pairs.push(['vip_raises', '1']);
  return pairs;
}

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  sup = await A.desk('supervisor', L.addr(FILE, 2));
  const page = await admin.page('/admin/tags');
  assert.equal(page.status, 200);
  vipId = page.body.match(/<tr class="tag-row [^"]*" data-id="(\d+)" data-code="vip"/)[1];
  const rules = rulesOf(page.body);
  if (!rules.some(([n]) => n === 'vip_raises')) { // the default is on; a leftover must not decide
    rulesBefore = rules;
    const on = await admin.client.post('/admin/tags/rules', { form: [['csrf', admin.csrf], ...rules, ['vip_raises', '1']] });
    assert.equal(on.status, 303);
  }
});

test.after(async () => {
  if (rulesBefore) {
    await admin.page('/admin/tags');
    await admin.client.post('/admin/tags/rules', { form: [['csrf', admin.csrf], ...rulesBefore] });
  }
});

let before; // a ticket from before the organisation was tagged

test('an organisation is found by the start of its name and tagged VIP through the form, audited', async () => {
  before = await orgTicket('first', 'before vip');
  assert.equal(await priority(before.number), 'general', 'an individual impact is general');
  assert.equal(chips((await queueRow(before.number)).html, 'vip'), 0);

  const search = await admin.page(`/admin/tags?org=${encodeURIComponent(T.toLowerCase())}`);
  assert.equal(search.status, 200);
  const hit = search.body.match(/<li class="hit org-hit" data-id="(\d+)">[\s\S]*?<\/li>/);
  assert.ok(hit, 'found by the start of its name, whatever the case');
  assert.ok(hit[0].includes(L.htmlEscape(ORG)));
  orgId = hit[1];
  const literal = await admin.page(`/admin/tags?org=${encodeURIComponent(`%${T}`)}`);
  assert.doesNotMatch(literal.body, /<li class="hit org-hit"/, 'a % in the search is taken literally');
  assert.match(literal.body, /id="f-org"[^>]*value="%/, 'the search is kept');

  const page = await admin.page(`/admin/tags/organisations/${orgId}`);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(`<h1>${L.htmlEscape(ORG)}</h1>`));
  assert.match(page.body, /<span class="org-customers">1<\/span>/, 'its customers counted');
  assert.match(page.body, new RegExp(`name="tag" value="${vipId}" required`));

  const add = await orgPost('add', vipId);
  assert.equal(add.status, 303, L.text(add.body).slice(0, 300));
  assert.equal(add.headers.location, `/admin/tags/organisations/${orgId}?done=organisation_tagged`);
  const after = await admin.page(add.headers.location);
  assert.match(after.body, /<li class="on-tag" data-code="vip">/);
  assert.doesNotMatch(after.body, new RegExp(`name="tag" value="${vipId}" required`), 'no longer offered');
  const rows = (await auditRows('organisation')).filter((r) => r.entityId === orgId);
  assert.equal(rows[0].action, 'tag');
  assert.ok(rows[0].text.includes('vip') && rows[0].text.includes(ORG), rows[0].text);
});

test('a NEW ticket from any customer of the VIP organisation starts more urgent and shows the VIP chip', async () => {
  assert.ok(orgId);
  const vip = await orgTicket('second', 'as vip');
  assert.equal(await priority(vip.number), 'important', 'one level more urgent than general');
  const row = await queueRow(vip.number);
  assert.equal(row.priority, 'important');
  assert.equal(chips(row.html, 'vip'), 1, 'the VIP chip on the queue row');
  const page = await sup.ticket(vip.number);
  assert.equal(chips(page.html, 'vip'), 1, 'and on the ticket page');
  const old = await queueRow(before.number);
  assert.equal(chips(old.html, 'vip'), 1, 'the customers\' earlier tickets show it too');
  assert.equal(old.priority, 'general', 'but keep their priority');

  // the customer search (admin and intake) shows it; the customer's page says where it comes from
  const found = await admin.page(`/admin/tags?q=${encodeURIComponent(mail('second'))}`);
  const hit = found.body.match(/<li class="hit" data-id="(\d+)">[\s\S]*?<\/li>/);
  assert.ok(hit && chips(hit[0], 'vip') === 1, 'VIP in the customer search');
  const cust = await admin.page(`/admin/tags/customers/${hit[1]}`);
  assert.match(cust.body, new RegExp(`href="/admin/tags/organisations/${orgId}"`));
  assert.match(cust.body, /<div class="org-tags">[\s\S]*?tag-vip/, 'listed as from the organisation');

  // a customer who is VIP themselves too: one chip, not two
  const own = await admin.client.post(`/admin/tags/customers/${hit[1]}/add`, { form: { csrf: admin.csrf, tag: vipId } });
  assert.equal(own.status, 303);
  assert.equal(chips((await queueRow(vip.number)).html, 'vip'), 1, 'no duplicate chip');
  const rm = await admin.client.post(`/admin/tags/customers/${hit[1]}/remove`, { form: { csrf: admin.csrf, tag: vipId } });
  assert.equal(rm.status, 303);

  // someone outside the organisation is not affected
  const other = await A.createTicket({ subject: `${T} outsider`, impact: 'individual', customer: { name: `${T} outsider`, email: mail('outsider') } });
  assert.equal(await priority(other.number), 'general');
  assert.equal(chips((await queueRow(other.number)).html, 'vip'), 0);
});

test('a bad form changes nothing', async () => {
  assert.ok(orgId);
  const last = (await auditRows('organisation'))[0]?.id;
  for (const tag of ['999999', '', 'vip']) {
    const res = await orgPost('add', tag);
    assert.equal(res.status, 422, `tag=${tag}`);
    assert.match(res.body, /<p class="error" id="e-tag"/, 'a clear message');
  }
  const gone = await admin.client.post('/admin/tags/organisations/99999999/add', { form: { csrf: admin.csrf, tag: vipId } });
  assert.equal(gone.status, 404);
  assert.equal((await admin.page('/admin/tags/organisations/abc')).status, 404);
  const stale = await admin.client.post(`/admin/tags/organisations/${orgId}/remove`, { form: { csrf: 'wrong', tag: vipId } });
  assert.equal(stale.status, 422, 'a wrong CSRF token');
  assert.equal((await auditRows('organisation'))[0]?.id, last, 'no audit row');
  const page = await admin.page(`/admin/tags/organisations/${orgId}`);
  assert.equal((page.body.match(/<li class="on-tag"/g) || []).length, 1, 'still VIP only');
});

test('non-admins get 403 on the organisation pages, and nothing changes', async () => {
  assert.ok(orgId);
  const agent = await A.desk('agent', L.addr(FILE, 3));
  for (const d of [sup, agent]) {
    assert.equal((await d.page(`/admin/tags/organisations/${orgId}`)).status, 403);
    assert.equal((await d.page(`/admin/tags?org=${encodeURIComponent(T)}`)).status, 403);
    const res = await d.client.post(`/admin/tags/organisations/${orgId}/remove`, { form: { csrf: d.csrf, tag: vipId } });
    assert.equal(res.status, 403);
  }
  assert.match((await admin.page(`/admin/tags/organisations/${orgId}`)).body, /data-code="vip"/, 'still tagged');
});

test('untagged, the next ticket is normal again', async () => {
  assert.ok(orgId);
  const rm = await orgPost('remove', vipId);
  assert.equal(rm.status, 303);
  assert.equal(rm.headers.location, `/admin/tags/organisations/${orgId}?done=organisation_untagged`);
  const next = await orgTicket('third', 'after vip');
  assert.equal(await priority(next.number), 'general');
  assert.equal(chips((await queueRow(next.number)).html, 'vip'), 0);
  const rows = (await auditRows('organisation')).filter((r) => r.entityId === orgId);
  assert.equal(rows[0].action, 'untag');
});

test('a free tag on the organisation shows on its customers\' tickets and drives the SLA override by tag', async () => {
  assert.ok(orgId);
  await admin.page('/admin/tags');
  const made = await admin.client.post('/admin/tags', { form: { csrf: admin.csrf, code: CODE, name_zh: `${T} 战略客户`, name_en: `${T} Strategic`, color: 'blue' } });
  assert.equal(made.status, 303);
  freeId = (await admin.page('/admin/tags')).body.match(new RegExp(`data-id="(\\d+)" data-code="${CODE}"`))[1];
  assert.equal((await orgPost('add', freeId)).status, 303);

  // an SLA override for the tag on the general level (setup: its id)
  const general = A.setupSql("SELECT id FROM priorities WHERE code = 'general'").trim();
  await admin.page(`/admin/priorities/${general}`);
  const pol = await admin.client.post(`/admin/priorities/${general}/policies`, { form: { csrf: admin.csrf, p_category: '', p_tag: freeId, p_calendar: '', p_classify: '', p_first_response: '7', p_resolution: '', p_update: '', p_warning: '' } });
  assert.equal(pol.status, 303, L.text(pol.body).slice(0, 300));
  try {
    const t = await orgTicket('fourth', 'strategic');
    const row = await queueRow(t.number);
    assert.match(row.html, new RegExp(`<span class="tag tag-${CODE}" data-color="blue">${T} 战略客户</span>`));
    assert.equal(chips(row.html, 'vip'), 0, 'VIP is gone');
    assert.ok((await sup.ticket(t.number)).html.includes(`tag-${CODE}`), 'on the ticket page');
    const api = await S.apiGet(t.number);
    assert.equal(api.priority, 'general', 'a free tag does not raise the priority');
    assert.equal(S.secs(api.sla.first_response_due_at), S.businessDue(S.secs(api.created_at), 7),
      'the tag\'s SLA override applies: 7 working minutes on the standard calendar');
    const other = await A.createTicket({ subject: `${T} outsider two`, impact: 'individual', customer: { name: `${T} outsider`, email: mail('outsider') } });
    assert.equal(chips((await queueRow(other.number)).html, CODE), 0, 'not on others\' tickets');

    // deactivated: shown nowhere, as for customers
    assert.equal((await admin.client.post(`/admin/tags/${freeId}/deactivate`, { form: { csrf: admin.csrf } })).status, 303);
    assert.equal(chips((await queueRow(t.number)).html, CODE), 0, 'a deactivated tag is hidden');
  } finally {
    const list = (await admin.page(`/admin/priorities/${general}`)).body;
    const row = list.split('<tr class="policy-row ').slice(1).find((r) => r.includes(CODE) || r.includes(`${T} 战略客户`) || r.includes(`${T} Strategic`));
    if (row) await admin.client.post(`/admin/sla-policies/${row.match(/data-id="(\d+)"/)[1]}/deactivate`, { form: { csrf: admin.csrf } });
  }
});
