'use strict';
// Admin console, API keys (issue 6): created through the form, the key is
// shown once and works on the API; revoking it (after a confirmation) makes
// the API answer 401; both changes are in the audit log with who and what,
// which filters by kind, admin and dates and pages by keyset.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 201;
const T = A.tag('AK');
let admin;
let api;

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  api = L.client({ localAddress: L.addr(FILE, 2) });
});

/** The id of the list row whose label is LABEL (undefined when absent). */
function rowOf(html, label) {
  const rows = html.split('<tr class="key-row ').slice(1);
  const row = rows.find((r) => r.includes(`<td class="label">${L.htmlEscape(label)}</td>`));
  if (!row) return undefined;
  return { id: row.match(/data-id="(\d+)"/)[1], state: row.match(/data-state="(\w+)"/)[1], html: row };
}

async function createKey(label, scope) {
  await admin.page('/admin/api-keys');
  const res = await admin.client.post('/admin/api-keys', { form: { csrf: admin.csrf, label, scope } });
  assert.equal(res.status, 201, `create: ${res.status} ${L.text(res.body).slice(0, 300)}`);
  const key = (res.body.match(/<code id="new-key" class="key-text">(dk_[A-Za-z0-9_-]+)<\/code>/) || [])[1];
  assert.ok(key, 'the new key is shown');
  return { key, res };
}

let created; // {key, id, label}

test('an invalid form is refused on the same page, input kept, nothing created', async () => {
  await admin.page('/admin/api-keys');
  const long = `${T} ${'长'.repeat(120)}`;
  const res = await admin.client.post('/admin/api-keys', { form: { csrf: admin.csrf, label: long, scope: 'everything' } });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'label'), 'label too long');
  assert.ok(L.hasFieldError(res.body, 'scope'), 'scope not one of the choices');
  assert.doesNotMatch(res.body, /id="new-key"/);
  const empty = await admin.client.post('/admin/api-keys', { form: { csrf: admin.csrf, label: '  ', scope: 'all' } });
  assert.equal(empty.status, 422);
  assert.ok(L.hasFieldError(empty.body, 'label'));
  assert.match(empty.body, /name="scope" value="all" checked/, 'the chosen scope is kept');
  const list = await admin.page('/admin/api-keys');
  assert.ok(!list.body.includes(T), 'no key was created');
});

test('a key created through the form is shown once and works on the API', async () => {
  const label = `${T} <monitoring> & co`;
  const { key, res } = await createKey(label, 'own');
  assert.match(key, /^dk_[A-Za-z0-9_-]{43}$/);
  assert.match(L.text(res.body), /只显示这一次|shown only this once/);
  const row = rowOf(res.body, label);
  assert.ok(row, 'the new key is in the list');
  assert.equal(row.state, 'active');
  assert.ok(row.html.includes(`${key.slice(0, 8)}…`), 'the list shows the prefix');
  created = { key, id: row.id, label };

  // shown exactly once: the list afterwards has the prefix only
  const again = await admin.page('/admin/api-keys');
  assert.equal(again.status, 200);
  assert.ok(!again.body.includes(key), 'the key text is not shown again');
  assert.ok(rowOf(again.body, label));

  // it works: create a ticket with it, read it back
  const t = await api.api('POST', '/api/v1/tickets', L.apiTicket({ subject: `${T} via admin key` }), { key });
  assert.equal(t.status, 201, t.body.slice(0, 200));
  const read = await api.api('GET', `/api/v1/tickets/${t.json().number}`, undefined, { key });
  assert.equal(read.status, 200);
  // last used is recorded
  const used = rowOf((await admin.page('/admin/api-keys')).body, label);
  assert.doesNotMatch(used.html, /从未使用|never/);
});

test('revoking asks first, then the API answers 401 with that key', async () => {
  assert.ok(created, 'the previous test created a key');
  const confirm = await admin.page(`/admin/api-keys/${created.id}/revoke`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.body, new RegExp(`action="/admin/api-keys/${created.id}/revoke"`));
  assert.ok(confirm.body.includes(L.htmlEscape(created.label)));
  // the GET changed nothing
  const still = await api.api('GET', '/api/v1/tickets/19700101-0000', undefined, { key: created.key });
  assert.equal(still.status, 404, 'the key still works before the POST');

  const res = await admin.client.post(`/admin/api-keys/${created.id}/revoke`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/admin/api-keys?done=revoked');
  const page = await admin.page(res.headers.location);
  assert.match(page.body, /class="flash"/);
  assert.equal(rowOf(page.body, created.label).state, 'revoked');

  const refused = await api.api('GET', '/api/v1/tickets/19700101-0000', undefined, { key: created.key });
  assert.equal(refused.status, 401);
  const create = await api.api('POST', '/api/v1/tickets', L.apiTicket({}), { key: created.key });
  assert.equal(create.status, 401);

  // revoking again changes nothing and records nothing
  const twice = await admin.client.post(`/admin/api-keys/${created.id}/revoke`, { form: { csrf: admin.csrf } });
  assert.equal(twice.status, 303);
  assert.equal(twice.headers.location, '/admin/api-keys?done=already_revoked');
  const unknown = await admin.client.post('/admin/api-keys/99999999/revoke', { form: { csrf: admin.csrf } });
  assert.equal(unknown.status, 404);
});

/** Audit rows of the page: [{id, entity, entityId, action, text, iso}]. */
function auditRows(html) {
  return html.split('<tr class="audit-row"').slice(1).map((r) => ({
    id: r.match(/data-id="(\d+)"/)[1],
    entity: r.match(/data-entity="([^"]*)"/)[1],
    action: r.match(/data-action="([^"]*)"/)[1],
    entityId: (r.match(/<code>#([^<]*)<\/code>/) || [])[1],
    iso: r.match(/datetime="([^"]+)"/)[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

test('the audit log lists both changes: who, what, from what to what', async () => {
  assert.ok(created);
  const res = await admin.page('/admin/audit?entity=api_key');
  assert.equal(res.status, 200);
  const rows = auditRows(res.body).filter((r) => r.entityId === created.id);
  assert.deepEqual(rows.map((r) => r.action), ['revoke', 'create'], 'newest first, once each');
  for (const r of rows) assert.ok(r.text.includes(A.PEOPLE.admin.name), `who: ${r.text}`);
  assert.ok(rows[0].text.includes('状态 有效 → 已吊销'), rows[0].text);
  assert.ok(rows[1].text.includes(`名称 ${created.label}`), rows[1].text);
  assert.ok(rows[1].text.includes('范围 仅自己的工单'), rows[1].text);
  assert.ok(!res.body.includes(created.key), 'the key text is never in the audit log');
  assert.ok(res.body.includes(`>${created.key.slice(0, 8)}<`), 'its prefix is');
});

test('audit filters: kind, admin, date range', async () => {
  const mine = (html) => auditRows(html).filter((r) => r.entityId === created.id).length;
  const base = await admin.page('/admin/audit');
  const row = auditRows(base.body).find((r) => r.entityId === created.id && r.entity === 'api_key');
  assert.ok(row, 'unfiltered list has the row');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(row.iso));
  const dayBefore = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.parse(row.iso) - 86400e3));
  const q = async (qs) => { const r = await admin.page(`/admin/audit?${qs}`); assert.equal(r.status, 200, qs); return mine(r.body); };
  assert.equal(await q(`agent=${A.PEOPLE.admin.id}`), 2);
  assert.equal(await q(`agent=${A.PEOPLE.supervisor.id}`), 0);
  assert.equal(await q('entity=setting'), 0);
  assert.equal(await q(`entity=api_key&agent=${A.PEOPLE.admin.id}&from=${day}&to=${day}`), 2);
  assert.equal(await q(`from=${day}`), 2);
  assert.equal(await q(`to=${dayBefore}`), 0);
  assert.equal(await q(`from=${day}&to=${dayBefore}`), 0);
  const bad = await admin.page('/admin/audit?from=yesterday');
  assert.equal(bad.status, 422);
  assert.match(bad.body, /role="alert"/);
  assert.match(bad.body, /value="yesterday"/, 'the input is kept');
});

test('audit pages by keyset: every row once, newest first', async () => {
  // setup only: 120 rows of a kind of their own
  const id = T.toLowerCase();
  A.setupSql(`INSERT INTO audit_log (at, agent_id, ip, entity, entity_id, action, changes)
    SELECT UTC_TIMESTAMP(), 1, '127.0.0.1', 'paging_test', '${id}', 'update', JSON_OBJECT('n', JSON_ARRAY(seq, seq + 1))
    FROM seq_1_to_120`);
  const seen = [];
  let url = '/admin/audit?entity=paging_test';
  for (let i = 0; url && i < 10; i++) {
    const res = await admin.page(url);
    assert.equal(res.status, 200);
    const rows = auditRows(res.body).filter((r) => r.entityId === id);
    assert.ok(rows.length <= 50);
    seen.push(...rows.map((r) => Number(r.id)));
    const next = res.body.match(/<p class="pager"><a href="([^"]+)"/);
    url = next ? next[1].replace(/&amp;/g, '&') : null;
    if (url) assert.doesNotMatch(url, /offset/i);
  }
  assert.equal(seen.length, 120);
  assert.equal(new Set(seen).size, 120, 'no row twice');
  assert.deepEqual(seen, [...seen].sort((a, b) => b - a), 'newest first');
});
