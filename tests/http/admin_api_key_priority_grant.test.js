'use strict';
// The admin API-key page grants "priority:set" on purpose: a checkbox when
// the key is created (off by default), shown in the list (by the scope) and
// on the revoke confirmation, recorded in the audit log; the key then sets priorities at
// once while a key without it files requests.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 182;
const T = A.tag('KG');
let admin;
const api = L.client({ localAddress: L.addr(FILE, 2) });

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
});

function rowOf(html, label) {
  const row = html.split('<tr class="key-row ').slice(1).find((r) => r.includes(`<td class="label">${L.htmlEscape(label)}</td>`));
  return row && { id: row.match(/data-id="(\d+)"/)[1], html: row, text: A.strip(row) };
}

async function create(label, grant) {
  const form = await admin.page('/admin/api-keys');
  assert.match(form.body, /name="set_priority"/, 'the form offers the grant');
  assert.doesNotMatch(form.body, /name="set_priority" value="1"[^>]* checked/, 'off by default');
  const res = await admin.client.post('/admin/api-keys', { form: { csrf: admin.csrf, label, scope: 'own', ...(grant ? { set_priority: '1' } : {}) } });
  assert.equal(res.status, 201, L.text(res.body).slice(0, 200));
  return { key: res.body.match(/<code id="new-key" class="key-text">(dk_[A-Za-z0-9_-]+)<\/code>/)[1], row: rowOf(res.body, label) };
}

test('a key created with the grant shows it; one without says priority needs approval', async () => {
  const granted = await create(`${T} ERP`, true);
  const plain = await create(`${T} shop`, false);
  assert.match(granted.row.text, /priority:set/);
  assert.match(granted.row.html, /title="可直接设置优先级"/);
  assert.doesNotMatch(plain.row.html, /priority:set/);
  const confirm = await admin.page(`/admin/api-keys/${granted.row.id}/revoke`);
  assert.match(A.strip(confirm.body), /优先级 可直接设置优先级 \( priority:set \)/);
  const plainConfirm = await admin.page(`/admin/api-keys/${plain.row.id}/revoke`);
  assert.match(A.strip(plainConfirm.body), /优先级 变更需主管审批/);

  const audit = await admin.page('/admin/audit?entity=api_key');
  assert.match(A.strip(audit.body), /priority:set/, 'the grant is in the audit log');

  // the grant is what the API goes by
  for (const [k, status, priority] of [[granted.key, 200, 'urgent'], [plain.key, 202, 'general']]) {
    const t = await api.api('POST', '/api/v1/tickets', L.apiTicket({ impact: 'individual' }), { key: k });
    const res = await api.api('PATCH', `/api/v1/tickets/${t.json().number}`, { priority: 'urgent', reason: 'line down' }, { key: k });
    assert.equal(res.status, status, res.body);
    assert.equal(res.json().priority, priority);
  }
});

test('the English page names the grant too', async () => {
  await admin.client.get('/lang/en?back=/admin/api-keys');
  const page = await admin.page('/admin/api-keys');
  assert.match(A.strip(page.body), /May set the priority directly \(priority:set\)/);
  await admin.client.get('/lang/zh?back=/admin/api-keys');
});
