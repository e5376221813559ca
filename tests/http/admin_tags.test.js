'use strict';
// Admin console, customer tags (issue 6): free tags are created, renamed,
// recoloured and deactivated through the forms (system tags only renamed);
// an admin finds a customer by exact email and tags them, and the tag shows
// with its name and colour on their tickets in the agent queue; the
// automatic rule's threshold, window, counted categories and the VIP
// priority raise are settings: lowering the threshold tags the customer at
// the next complaint. Bad forms change nothing; every change is audited.
// The rules are put back as they were at the end.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 212;
const T = A.tag('TG');
const CODE = `ka_${T.toLowerCase()}`.slice(0, 40);
let admin;
let sup;
let rulesBefore; // [name, value] pairs of the rules form as found

/** The rows of the tag list: [{id, code, state, html}]. */
function tagRows(html) {
  return html.split('<tr class="tag-row ').slice(1).map((r) => ({
    id: r.match(/data-id="(\d+)"/)[1],
    code: r.match(/data-code="([^"]+)"/)[1],
    state: r.match(/data-state="(\w+)"/)[1],
    html: r.split('</tr>')[0],
  }));
}

function rulesOf(html) {
  const form = html.split('action="/admin/tags/rules"')[1].split('</form>')[0];
  const pairs = [];
  for (const name of ['complaint_count', 'complaint_days']) {
    pairs.push([name, form.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))[1]]);
  }
  for (const m of form.matchAll(/name="complaint_categories" value="([^"]+)" checked/g)) pairs.push(['complaint_categories', m[1]]);
  if (/name="vip_raises" value="1" checked/.test(form)) pairs.push(['vip_raises', '1']);
  return pairs;
}

async function postRules(pairs) {
  await admin.page('/admin/tags');
  return admin.client.post('/admin/tags/rules', { form: [['csrf', admin.csrf], ...pairs] });
}

async function audit(entity) {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  assert.equal(res.status, 200);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => ({
    id: Number(r.match(/data-id="(\d+)"/)[1]),
    action: r.match(/data-action="([^"]*)"/)[1],
    entityId: (r.match(/<code>#([^<]*)<\/code>/) || [])[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

/** The queue row of a ticket (supervisor, team queue, keyword filter). */
async function queueRow(number, keyword) {
  const q = await sup.queue('team', { q: keyword });
  assert.equal(q.res.status, 200);
  const row = q.rows.find((r) => r.number === number);
  assert.ok(row, `ticket ${number} in the queue`);
  return row;
}

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  sup = await A.desk('supervisor', L.addr(FILE, 2));
  const page = await admin.page('/admin/tags');
  assert.equal(page.status, 200);
  rulesBefore = rulesOf(page.body);
});

test.after(async () => {
  if (admin && rulesBefore) await postRules(rulesBefore);
});

test('the list has the system tags, which cannot be deactivated', async () => {
  const res = await admin.page('/admin/tags');
  assert.match(res.body, /<h1>(客户标签|Customer tags)<\/h1>/);
  const rows = tagRows(res.body);
  const vip = rows.find((r) => r.code === 'vip');
  const fc = rows.find((r) => r.code === 'frequent_complainer');
  assert.ok(vip && fc, 'VIP and 高频投诉 listed');
  assert.match(vip.html, /tag-c-gold/);
  assert.match(fc.html, /高频投诉|Frequent complainer/);
  const edit = await admin.page(`/admin/tags/${vip.id}`);
  assert.equal(edit.status, 200);
  assert.doesNotMatch(edit.body, /\/deactivate"/, 'no deactivate button');
  const refused = await admin.client.post(`/admin/tags/${vip.id}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(refused.status, 409);
  assert.equal(tagRows((await admin.page('/admin/tags')).body).find((r) => r.code === 'vip').state, 'active');
  assert.equal((await admin.page('/admin/tags/999999')).status, 404);
});

test('a bad new tag is refused next to each field, input kept, nothing created', async () => {
  await admin.page('/admin/tags');
  const res = await admin.client.post('/admin/tags', { form: { csrf: admin.csrf, code: 'Key-Account', name_zh: '', name_en: `${T} kept`, color: 'pink' } });
  assert.equal(res.status, 422);
  for (const f of ['code', 'name_zh', 'color']) assert.ok(L.hasFieldError(res.body, f), `error next to ${f}`);
  assert.match(res.body, /name="code" type="text" value="Key-Account"/);
  assert.ok(res.body.includes(`${T} kept`));
  const dup = await admin.client.post('/admin/tags', { form: { csrf: admin.csrf, code: 'vip', name_zh: `${T} 重复`, name_en: 'Dup', color: 'blue' } });
  assert.equal(dup.status, 422);
  assert.ok(L.hasFieldError(dup.body, 'code'));
  const list = await admin.page('/admin/tags');
  assert.ok(!list.body.includes(T), 'nothing created');
});

let tagId;
const email = `${T.toLowerCase()}-key@example.com`;
let ticket;

test('a free tag is created, renamed and recoloured, each change audited', async () => {
  await admin.page('/admin/tags');
  const res = await admin.client.post('/admin/tags', { form: { csrf: admin.csrf, code: CODE, name_zh: `${T} 重点客户`, name_en: `${T} Key account`, color: 'blue' } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.equal(res.headers.location, '/admin/tags?done=tag_created');
  const row = tagRows((await admin.page(res.headers.location)).body).find((r) => r.code === CODE);
  assert.ok(row, 'listed');
  assert.match(row.html, /tag-c-blue/);
  tagId = row.id;
  const bad = await admin.client.post(`/admin/tags/${tagId}`, { form: { csrf: admin.csrf, name_zh: '', name_en: 'x', color: 'green' } });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'name_zh'));
  const ok = await admin.client.post(`/admin/tags/${tagId}`, { form: { csrf: admin.csrf, name_zh: `${T} 大客户`, name_en: `${T} Major account`, color: 'green' } });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.location, '/admin/tags?done=tag_saved');
  const rows = (await audit('tag')).filter((r) => r.entityId === tagId);
  assert.deepEqual(rows.map((r) => r.action), ['update', 'create']);
  assert.ok(rows[0].text.includes(`${T} 重点客户`) && rows[0].text.includes(`${T} 大客户`), rows[0].text);
  assert.ok(rows[0].text.includes('blue') && rows[0].text.includes('green'));
});

test('a customer found by exact email gets the tag; it shows on their tickets in the queue', async () => {
  assert.ok(tagId);
  ticket = await A.createTicket({ subject: `${T} key account ticket`, customer: { name: `${T} 客户`, email } });
  let row = await queueRow(ticket.number, T);
  assert.doesNotMatch(row.html, new RegExp(`tag-${CODE}`));
  const search = await admin.page(`/admin/tags?q=${encodeURIComponent(email.toUpperCase())}`);
  assert.equal(search.status, 200);
  const hit = search.body.match(/<li class="hit" data-id="(\d+)">/);
  assert.ok(hit, 'found by exact email');
  assert.ok(search.body.includes(`${T} 客户`));
  const none = await admin.page(`/admin/tags?q=${encodeURIComponent(`nobody-${email}`)}`);
  assert.doesNotMatch(none.body, /<li class="hit"/);
  const customer = hit[1];
  const page = await admin.page(`/admin/tags/customers/${customer}`);
  assert.equal(page.status, 200);
  assert.match(page.body, new RegExp(`name="tag" value="${tagId}"`));
  const add = await admin.client.post(`/admin/tags/customers/${customer}/add`, { form: { csrf: admin.csrf, tag: tagId } });
  assert.equal(add.status, 303);
  assert.equal(add.headers.location, `/admin/tags/customers/${customer}?done=customer_tagged`);
  const after = await admin.page(add.headers.location);
  assert.match(after.body, new RegExp(`<li class="on-tag" data-code="${CODE}">`));
  assert.doesNotMatch(after.body, new RegExp(`name="tag" value="${tagId}" required`), 'no longer offered');

  row = await queueRow(ticket.number, T);
  assert.match(row.html, new RegExp(`<span class="tag tag-${CODE}" data-color="green">${T} 大客户</span>`), 'name and colour in the queue');
  const t = await sup.ticket(ticket.number);
  assert.ok(t.html.includes(`${T} 大客户`), 'and on the ticket page');
  const rows = (await audit('customer')).filter((r) => r.entityId === customer);
  assert.equal(rows[0].action, 'tag');
  assert.ok(rows[0].text.includes(CODE));

  // deactivated: shown nowhere, no longer given; reactivated: back
  const off = await admin.client.post(`/admin/tags/${tagId}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(off.status, 303);
  row = await queueRow(ticket.number, T);
  assert.doesNotMatch(row.html, new RegExp(`tag-${CODE}`), 'a deactivated tag is not shown');
  const cust = await admin.page(`/admin/tags/customers/${customer}`);
  assert.doesNotMatch(cust.body, new RegExp(`name="tag" value="${tagId}" required`), 'not offered');
  const on = await admin.client.post(`/admin/tags/${tagId}/activate`, { form: { csrf: admin.csrf } });
  assert.equal(on.status, 303);
  assert.match((await queueRow(ticket.number, T)).html, new RegExp(`tag-${CODE}`));

  // removed from the customer: gone from their tickets
  const rm = await admin.client.post(`/admin/tags/customers/${customer}/remove`, { form: { csrf: admin.csrf, tag: tagId } });
  assert.equal(rm.status, 303);
  assert.doesNotMatch((await queueRow(ticket.number, T)).html, new RegExp(`tag-${CODE}`));
  const unknown = await admin.client.post('/admin/tags/customers/99999999/add', { form: { csrf: admin.csrf, tag: tagId } });
  assert.equal(unknown.status, 404);
});

test('bad rules are refused, input kept, nothing changed', async () => {
  const before = (await audit('setting'))[0];
  const res = await postRules([['complaint_count', '0'], ['complaint_days', 'ninety']]);
  assert.equal(res.status, 422);
  for (const f of ['complaint_count', 'complaint_days', 'complaint_categories']) assert.ok(L.hasFieldError(res.body, f), f);
  assert.match(res.body, /name="complaint_days"[^>]*value="ninety"/);
  assert.equal((await audit('setting'))[0]?.id, before?.id, 'no audit row');
});

const complaint = (addr, n) => A.createTicket({
  category: 'complaint', subject: `${T} complaint ${n}`, customer: { name: `${T} 投诉`, email: addr },
});

test('lowering the complainer threshold tags the customer at the next complaint', async () => {
  const addr = `${T.toLowerCase()}-complains@example.com`;
  const first = await complaint(addr, 1);
  let row = await queueRow(first.number, `${T} complaint`);
  assert.doesNotMatch(row.html, /tag-frequent_complainer/, 'one complaint of three: no tag');
  const set = await postRules([['complaint_count', '2'], ['complaint_days', '30'], ['complaint_categories', 'complaint'], ['vip_raises', '1']]);
  assert.equal(set.status, 303);
  assert.equal(set.headers.location, '/admin/tags?done=rules_saved');
  const second = await complaint(addr, 2);
  row = await queueRow(second.number, `${T} complaint`);
  assert.match(row.html, /tag-frequent_complainer"[^>]*title="[^"]*30[^"]*2[^"]*"/, 'tagged; the hover names the new rule');
  const rows = (await audit('setting')).filter((r) => r.entityId === 'Tags.ComplaintCount');
  assert.ok(rows[0].text.includes('2'), rows[0].text);
});

test('the counted categories and the VIP raise are settings too', async () => {
  const addr = `${T.toLowerCase()}-faults@example.com`;
  await postRules([['complaint_count', '1'], ['complaint_days', '90'], ['complaint_categories', 'complaint'], ['vip_raises', '1']]);
  const fault = await A.createTicket({ subject: `${T} fault only`, impact: 'individual', customer: { name: `${T} 故障`, email: addr } });
  assert.doesNotMatch((await queueRow(fault.number, `${T} fault only`)).html, /tag-frequent_complainer/, 'a fault does not count');
  await postRules([['complaint_count', '1'], ['complaint_days', '90'], ['complaint_categories', 'complaint'], ['complaint_categories', 'fault'], ['vip_raises', '1']]);
  const again = await A.createTicket({ subject: `${T} fault counted`, impact: 'individual', customer: { name: `${T} 故障`, email: addr } });
  assert.match((await queueRow(again.number, `${T} fault counted`)).html, /tag-frequent_complainer/, 'now faults count');

  // VIP raise off: a VIP's ticket keeps the priority of its impact
  const vipMail = `${T.toLowerCase()}-vip@example.com`;
  const plain = await A.createTicket({ subject: `${T} vip before`, impact: 'individual', customer: { name: `${T} 贵宾`, email: vipMail } });
  const hit = (await admin.page(`/admin/tags?q=${encodeURIComponent(vipMail)}`)).body.match(/<li class="hit" data-id="(\d+)">/);
  const vip = tagRows((await admin.page('/admin/tags')).body).find((r) => r.code === 'vip');
  const add = await admin.client.post(`/admin/tags/customers/${hit[1]}/add`, { form: { csrf: admin.csrf, tag: vip.id } });
  assert.equal(add.status, 303);
  const raised = await A.createTicket({ subject: `${T} vip on`, impact: 'individual', customer: { name: `${T} 贵宾`, email: vipMail } });
  await postRules([['complaint_count', '3'], ['complaint_days', '90'], ['complaint_categories', 'complaint']]);
  const kept = await A.createTicket({ subject: `${T} vip off`, impact: 'individual', customer: { name: `${T} 贵宾`, email: vipMail } });
  const prio = async (n) => (await A.api().api('GET', `/api/v1/tickets/${n}`)).json().priority;
  assert.equal(await prio(plain.number), 'general');
  assert.equal(await prio(raised.number), 'important', 'VIP raise on');
  assert.equal(await prio(kept.number), 'general', 'VIP raise off');
});
