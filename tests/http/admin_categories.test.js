'use strict';
// Admin console, categories (issue 6): a category created through the form
// appears on the portal home and its form on the very next request; edits
// (names, internal only) show there too; a deactivated category leaves the
// portal, the new-ticket forms and the API while its old tickets keep
// showing it; bad forms change nothing; every change is audited.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 205;
const T = A.tag('CT');
const CODE = `ct_${T.toLowerCase()}`;
let admin;
let agent;
const portal = L.client({ localAddress: L.addr(FILE, 3) });

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  agent = await A.desk('agent', L.addr(FILE, 2));
});

/** The list rows: [{id, code, state, public, html}]. */
function catRows(html) {
  return html.split('<tr class="cat-row ').slice(1).map((r) => ({
    id: r.match(/data-id="(\d+)"/)[1],
    code: r.match(/data-code="([^"]*)"/)[1],
    state: r.match(/data-state="(\w+)"/)[1],
    public: r.match(/data-public="(\d)"/)[1],
    html: r.split('</tr>')[0],
  }));
}

function form(extra = {}) {
  return {
    csrf: admin.csrf,
    code: CODE,
    name_zh: `数据迁移 ${T}`,
    name_en: `Data migration ${T}`,
    summary_zh: '旧系统数据导入、格式转换',
    summary_en: 'Importing data from old systems',
    priority: String(A.PRIORITIES.important),
    team: String(A.TEAMS.product),
    is_public: '1',
    sort_order: '90',
    ...extra,
  };
}

/** The portal home's link to /new/CODE (undefined when absent). */
async function homeLink(code) {
  const home = await portal.get('/');
  assert.equal(home.status, 200);
  const m = home.body.match(new RegExp(`<a[^>]*href="/new/${code}"[^>]*>[\\s\\S]*?</a>`));
  return m ? m[0] : undefined;
}

async function auditRows(entity) {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  assert.equal(res.status, 200);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => ({
    action: r.match(/data-action="([^"]*)"/)[1],
    entityId: (r.match(/<code>#([^<]*)<\/code>/) || [])[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

let catId;

test('a bad form is refused next to each field, input kept, nothing written', async () => {
  await admin.page('/admin/categories');
  const auditBefore = (await auditRows('category')).length;
  const res = await admin.client.post('/admin/categories', {
    form: form({ code: 'Bad Code!', name_en: '  ', priority: '999', sort_order: '12345' }),
  });
  assert.equal(res.status, 422);
  for (const f of ['code', 'name_en', 'priority', 'sort_order']) assert.ok(L.hasFieldError(res.body, f), `error next to ${f}`);
  assert.ok(!L.hasFieldError(res.body, 'name_zh'), 'no error on a good field');
  assert.match(res.body, /role="alert"/);
  assert.ok(res.body.includes(`value="${L.htmlEscape(`数据迁移 ${T}`)}"`), 'the input is kept');
  assert.ok(res.body.includes('value="Bad Code!"'), 'even the bad input is kept');
  // 21 Chinese characters: more than a name may hold
  const long = await admin.client.post('/admin/categories', { form: form({ name_zh: '长'.repeat(21) }) });
  assert.equal(long.status, 422);
  assert.ok(L.hasFieldError(long.body, 'name_zh'));
  const list = await admin.page('/admin/categories');
  assert.ok(!catRows(list.body).some((r) => r.code === CODE), 'nothing created');
  assert.equal((await auditRows('category')).length, auditBefore, 'no audit row');
  assert.equal(await homeLink(CODE), undefined);
});

test('a category created through the form is on the portal home and has its form at once', async () => {
  await admin.page('/admin/categories');
  const res = await admin.client.post('/admin/categories', { form: form() });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const m = res.headers.location.match(/^\/admin\/categories\/(\d+)\?done=category_created$/);
  assert.ok(m, res.headers.location);
  catId = m[1];
  const page = await admin.page(res.headers.location);
  assert.equal(page.status, 200);
  assert.match(page.body, /class="flash"/);
  assert.match(page.body, new RegExp(`action="/admin/categories/${catId}/fields"`), 'the add-field form');
  assert.match(page.body, new RegExp(`href="/new/${CODE}"`), 'a link to the portal form');

  const row = catRows((await admin.page('/admin/categories')).body).find((r) => r.code === CODE);
  assert.ok(row, 'listed');
  assert.equal(row.state, 'active');
  assert.ok(row.html.includes('产品经理组'), 'its team');
  assert.ok(row.html.includes('重要'), 'its priority');

  // the very next request to the portal (any worker) offers it
  const link = await homeLink(CODE);
  assert.ok(link, 'on the portal home');
  assert.ok(L.text(link).includes(`数据迁移 ${T}`) && L.text(link).includes('旧系统数据导入'), link);
  for (let i = 0; i < 6; i++) { // a fresh connection each time: several workers
    const f = await portal.get(`/new/${CODE}`);
    assert.equal(f.status, 200, `GET /new/${CODE} #${i}`);
  }
  // a ticket of that category through the portal goes to its team with its priority
  const t = await portal.createTicket(CODE);
  assert.match(t.number, L.NUMBER_RE);
  const page2 = await admin.ticket(t.number);
  assert.equal(page2.res.status, 200);
  assert.ok(page2.text.includes(`数据迁移 ${T}`), 'the ticket shows its category');
  assert.equal(page2.priority, 'important');
  created.number = t.number;
  created.location = t.location;
});
const created = {};

test('the same code twice is refused', async () => {
  await admin.page('/admin/categories');
  const res = await admin.client.post('/admin/categories', { form: form({ name_zh: `重复 ${T}` }) });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'code'));
  assert.match(L.text(res.body), /已被使用|already used/);
  const rows = catRows((await admin.page('/admin/categories')).body).filter((r) => r.code === CODE);
  assert.equal(rows.length, 1);
});

test('edits show on the portal; internal only leaves the portal but not the agents', async () => {
  assert.ok(catId);
  await admin.page(`/admin/categories/${catId}`);
  const res = await admin.client.post(`/admin/categories/${catId}`, {
    form: form({ name_zh: `数据迁移与导入 ${T}`, is_public: undefined }),
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/admin/categories/${catId}?done=category_saved`);
  assert.equal(await homeLink(CODE), undefined, 'internal: not on the portal home');
  assert.equal((await portal.get(`/new/${CODE}`)).status, 404);
  const intake = await agent.page(`/agent/new?category=${CODE}`);
  assert.equal(intake.status, 200);
  assert.ok(intake.body.includes(`<option value="${CODE}" selected>`), 'agents still create tickets of it');
  // saving the same again records nothing
  const again = await admin.client.post(`/admin/categories/${catId}`, {
    form: form({ name_zh: `数据迁移与导入 ${T}`, is_public: undefined }),
  });
  assert.equal(again.headers.location, `/admin/categories/${catId}?done=nothing_changed`);

  const back = await admin.client.post(`/admin/categories/${catId}`, { form: form({ name_zh: `数据迁移与导入 ${T}` }) });
  assert.equal(back.status, 303);
  const link = await homeLink(CODE);
  assert.ok(link && L.text(link).includes(`数据迁移与导入 ${T}`), 'public again, with the new name');
  const audit = (await auditRows('category')).filter((r) => r.entityId === catId);
  assert.deepEqual(audit.map((r) => r.action), ['update', 'update', 'create']);
  assert.ok(audit[1].text.includes(`名称（中文） 数据迁移 ${T} → 数据迁移与导入 ${T}`), audit[1].text);
  assert.ok(audit[1].text.includes('在门户提供 是 → 否'), audit[1].text);
  assert.ok(audit[0].text.includes('在门户提供 否 → 是'), audit[0].text);
  assert.ok(audit[2].text.includes(A.PEOPLE.admin.name), 'who');
});

test('a deactivated category leaves the portal, the forms and the API; old tickets keep it', async () => {
  assert.ok(catId && created.number);
  await admin.page(`/admin/categories/${catId}`);
  const res = await admin.client.post(`/admin/categories/${catId}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/admin/categories/${catId}?done=category_deactivated`);
  const page = await admin.page(res.headers.location);
  assert.match(page.body, /id="cat-state" data-state="inactive"/);

  assert.equal(await homeLink(CODE), undefined, 'not on the portal home');
  assert.equal((await portal.get(`/new/${CODE}`)).status, 404, 'no portal form');
  const intake = await agent.page('/agent/new');
  assert.ok(!intake.body.includes(`<option value="${CODE}"`), 'not offered to agents');
  const api = await portal.api('POST', '/api/v1/tickets', L.apiTicket({ category: CODE, fields: {} }));
  assert.equal(api.status, 422, 'the API refuses it');
  assert.match(api.body, /category/);

  // the old ticket still shows its category, to agents and to the customer
  const t = await admin.ticket(created.number);
  assert.equal(t.res.status, 200);
  assert.ok(t.text.includes(`数据迁移与导入 ${T}`), 'the agent ticket page keeps the category name');
  const follow = await portal.get(created.location);
  assert.equal(follow.status, 200);
  assert.ok(L.text(follow.body).includes(`数据迁移与导入 ${T}`), 'so does the customer\'s follow page');

  // nor can a ticket be reclassified into it
  const other = await A.createTicket({ category: 'usage' });
  const moved = await admin.act(other.number, 'classify', { category: catId });
  assert.notEqual(moved.status, 303, 'refused');
  assert.ok(!(await admin.ticket(other.number)).text.includes(`数据迁移与导入 ${T}`), 'the category did not change');

  const row = catRows((await admin.page('/admin/categories')).body).find((r) => r.code === CODE);
  assert.equal(row.state, 'inactive', 'still listed, as deactivated');
  const audit = (await auditRows('category')).filter((r) => r.entityId === catId);
  assert.equal(audit[0].action, 'deactivate');
  assert.ok(audit[0].text.includes('启用 是 → 否'), audit[0].text);

  // activate and deactivate again: back on the portal in between
  const on = await admin.client.post(`/admin/categories/${catId}/activate`, { form: { csrf: admin.csrf } });
  assert.equal(on.headers.location, `/admin/categories/${catId}?done=category_activated`);
  assert.ok(await homeLink(CODE), 'back on the portal');
  const off = await admin.client.post(`/admin/categories/${catId}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(off.status, 303);
  assert.equal(await homeLink(CODE), undefined);
});

test('unknown ids are 404, a POST without the token changes nothing', async () => {
  assert.equal((await admin.page('/admin/categories/99999999')).status, 404);
  assert.equal((await admin.page('/admin/categories/abc')).status, 404);
  assert.equal((await admin.page('/admin/fields/99999999')).status, 404);
  const res = await admin.client.post(`/admin/categories/${catId}/activate`, { form: { csrf: 'wrong' } });
  assert.equal(res.status, 422);
  const row = catRows((await admin.page('/admin/categories')).body).find((r) => r.code === CODE);
  assert.equal(row.state, 'inactive');
});
