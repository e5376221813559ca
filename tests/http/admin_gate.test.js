'use strict';
// The admin console's gate (issue 6): only admins reach /admin. A signed-in
// agent or supervisor gets 403 (an HTML page in the agent frame) on every
// admin URL - GET or POST, known or unknown - and nothing changes; a signed-
// out visitor is sent to sign in; an admin's POST without the right CSRF
// token is refused with nothing changed.
// Pages added later: put their URLs in URLS.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 200;

const URLS = [
  ['GET', '/admin/'],
  ['GET', '/admin/portal'],
  ['POST', '/admin/portal'],
  ['POST', '/admin/portal/logo'],
  ['POST', '/admin/portal/logo/remove'],
  ['GET', '/admin/tags'],
  ['GET', '/admin/tags?q=tester%40example.com'],
  ['POST', '/admin/tags'],
  ['POST', '/admin/tags/rules'],
  ['GET', '/admin/tags/1'],
  ['POST', '/admin/tags/1'],
  ['POST', '/admin/tags/1/deactivate'],
  ['POST', '/admin/tags/1/activate'],
  ['POST', '/admin/tags/999999/deactivate'],
  ['GET', '/admin/tags/customers/1'],
  ['POST', '/admin/tags/customers/1/add'],
  ['POST', '/admin/tags/customers/1/remove'],
  ['POST', '/admin/tags/customers/999999/remove'],
  ['GET', '/admin/tags?org=Acme'],
  ['GET', '/admin/tags/organisations/1'],
  ['POST', '/admin/tags/organisations/1/add'],
  ['POST', '/admin/tags/organisations/1/remove'],
  ['POST', '/admin/tags/organisations/999999/add'],
  ['GET', '/admin/api-keys'],
  ['POST', '/admin/api-keys'],
  ['GET', '/admin/api-keys/1/revoke'],
  ['POST', '/admin/api-keys/1/revoke'],
  ['GET', '/admin/audit'],
  ['GET', '/admin/audit?entity=api_key'],
  ['GET', '/admin/workaround'],
  ['POST', '/admin/workaround'],
  ['GET', '/admin/no-such-page'],
  ['POST', '/admin/no-such-page'],
  ['PUT', '/admin/api-keys'],
  ['DELETE', '/admin/api-keys/1'],
  ['GET', '/admin/people/1/edit'],
  ['POST', '/admin/settings'],
  ['GET', '/admin/routing'],
  ['POST', '/admin/routing'],
  ['GET', '/admin/routing/rules/1'],
  ['POST', '/admin/routing/rules/1'],
  ['POST', '/admin/routing/rules/1/deactivate'],
  ['POST', '/admin/routing/rules/1/activate'],
  ['GET', '/admin/routing/teams/1'],
  ['POST', '/admin/routing/teams/1'],
  ['POST', '/admin/routing/agents/3/availability'],
  ['GET', '/admin/routing/rules/999999'],
  ['POST', '/admin/routing/rules/999999/deactivate'],
  ['POST', '/admin/routing/teams/999999'],
  ['GET', '/admin/people'],
  ['POST', '/admin/people'],
  ['GET', '/admin/people/new'],
  ['POST', '/admin/people/contact-roles'],
  ['GET', '/admin/people/3'],
  ['POST', '/admin/people/3'],
  ['GET', '/admin/people/3/deactivate'],
  ['POST', '/admin/people/3/deactivate'],
  ['POST', '/admin/people/3/activate'],
  ['GET', '/admin/people/3/password'],
  ['POST', '/admin/people/3/password'],
  ['POST', '/admin/people/3/unlock'],
  ['POST', '/admin/people/999999/unlock'],
  ['GET', '/admin/teams'],
  ['POST', '/admin/teams'],
  ['GET', '/admin/teams/1'],
  ['POST', '/admin/teams/1'],
  ['GET', '/admin/teams/1/deactivate'],
  ['POST', '/admin/teams/1/deactivate'],
  ['POST', '/admin/teams/1/activate'],
  ['POST', '/admin/teams/1/members'],
  ['POST', '/admin/teams/1/remove'],
  ['POST', '/admin/teams/999999/members'],
  ['GET', '/admin/skills'],
  ['POST', '/admin/skills'],
  ['GET', '/admin/skills/1'],
  ['POST', '/admin/skills/1'],
  ['GET', '/admin/skills/1/deactivate'],
  ['POST', '/admin/skills/1/deactivate'],
  ['POST', '/admin/skills/1/activate'],
  ['GET', '/admin/priorities'],
  ['POST', '/admin/priorities'],
  ['GET', '/admin/priorities/1'],
  ['POST', '/admin/priorities/1'],
  ['POST', '/admin/priorities/1/deactivate'],
  ['POST', '/admin/priorities/1/activate'],
  ['POST', '/admin/priorities/1/policies'],
  ['GET', '/admin/priorities/999999'],
  ['GET', '/admin/sla-policies/1'],
  ['POST', '/admin/sla-policies/1'],
  ['POST', '/admin/sla-policies/999999/deactivate'],
  ['POST', '/admin/sla-policies/1/activate'],
  ['GET', '/admin/calendars'],
  ['POST', '/admin/calendars'],
  ['GET', '/admin/calendars/1'],
  ['POST', '/admin/calendars/1'],
  ['POST', '/admin/calendars/1/deactivate'],
  ['POST', '/admin/calendars/1/activate'],
  ['POST', '/admin/calendars/1/days'],
  ['POST', '/admin/calendars/1/days-remove'],
  ['POST', '/admin/calendars/1/import'],
  ['POST', '/admin/calendars/1/import-confirm'],
  ['GET', '/admin/calendars/999999'],
  ['GET', '/admin/categories'],
  ['POST', '/admin/categories'],
  ['GET', '/admin/categories/1'],
  ['POST', '/admin/categories/1'],
  ['POST', '/admin/categories/1/deactivate'],
  ['POST', '/admin/categories/1/activate'],
  ['POST', '/admin/categories/1/fields'],
  ['GET', '/admin/categories/999999'],
  ['GET', '/admin/fields/1'],
  ['POST', '/admin/fields/1'],
  ['POST', '/admin/fields/1/up'],
  ['POST', '/admin/fields/1/down'],
  ['POST', '/admin/fields/1/deactivate'],
  ['POST', '/admin/fields/1/activate'],
  ['POST', '/admin/fields/1/options'],
  ['POST', '/admin/fields/999999/deactivate'],
  ['POST', '/admin/options/1/deactivate'],
  ['POST', '/admin/options/1/activate'],
  ['GET', '/admin/notifications'],
  ['GET', '/admin/notifications/templates/ticket_created.zh'],
  ['POST', '/admin/notifications/templates/ticket_created.zh'],
  ['POST', '/admin/notifications/templates/ticket_created.zh/deactivate'],
  ['POST', '/admin/notifications/templates/ticket_created.zh/activate'],
  ['GET', '/admin/notifications/templates/no_such.zh'],
  ['GET', '/admin/notifications/gateway'],
  ['POST', '/admin/notifications/gateway'],
  ['POST', '/admin/notifications/gateway/test'],
  ['POST', '/admin/notifications/gateway/test-sms'],
  ['GET', '/admin/notifications/replies'],
  ['POST', '/admin/notifications/replies'],
  ['GET', '/admin/notifications/replies/1'],
  ['POST', '/admin/notifications/replies/1'],
  ['POST', '/admin/notifications/replies/1/deactivate'],
  ['POST', '/admin/notifications/replies/999999/activate'],
];

let agent, supervisor, admin;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  admin = await A.desk('admin', L.addr(FILE, 3));
});

/** Count of API keys on the first page of the admin list, and audit rows. */
async function snapshot() {
  const keys = await admin.page('/admin/api-keys');
  assert.equal(keys.status, 200);
  const audit = await admin.page('/admin/audit');
  assert.equal(audit.status, 200);
  return {
    keys: (keys.body.match(/class="key-row /g) || []).length,
    revoked: (keys.body.match(/data-state="revoked"/g) || []).length,
    audit: (audit.body.match(/class="audit-row"/g) || []).length,
    firstAudit: (audit.body.match(/class="audit-row" data-id="(\d+)"/) || [])[1],
  };
}

for (const role of ['agent', 'supervisor']) {
  test(`a signed-in ${role} gets 403 on every admin URL, any method, and nothing changes`, async () => {
    const who = role === 'agent' ? agent : supervisor;
    const before = await snapshot();
    let posts = 0;
    for (const [method, url] of URLS) {
      // nginx lets one address send 60 quick POSTs: spread them over a few
      if (method === 'POST') who.client.localAddress = L.addr(FILE, (role === 'agent' ? 20 : 40) + Math.floor(posts++ / 40));
      const form = method === 'POST' ? { csrf: who.csrf, label: `gate ${role}`, scope: 'all' } : undefined;
      const res = await who.client.request(method, url, form ? { form } : {});
      assert.equal(res.status, 403, `${role} ${method} ${url}`);
      if (method !== 'HEAD') {
        assert.match(res.headers['content-type'], /text\/html/, `${method} ${url} is an HTML page`);
        assert.match(res.body, /class="card error-card"/, `${method} ${url}: the error page`);
        assert.match(res.body, /class="bar"/, `${method} ${url}: in the agent frame`);
        assert.doesNotMatch(res.body, /admin-nav/, 'no admin side bar for a non-admin');
      }
    }
    assert.deepEqual(await snapshot(), before, 'no key, no audit row');
  });

  test(`the ${role}'s top bar has no Admin link`, async () => {
    const who = role === 'agent' ? agent : supervisor;
    const res = await who.page('/agent/q/mine');
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.body, /href="\/admin\/"/);
  });
}

test('an admin sees the Admin link and reaches the console', async () => {
  const q = await admin.page('/agent/q/mine');
  assert.match(q.body, /<a class="admin-link" href="\/admin\/"/);
  const home = await admin.page('/admin/');
  assert.equal(home.status, 200);
  assert.match(home.body, /admin-nav/);
});

test('signed out: every admin URL sends to sign-in (GET comes back after it)', async () => {
  const anon = L.client({ localAddress: L.addr(FILE, 4) });
  let posts = 0;
  for (const [method, url] of URLS) {
    if (method === 'POST') anon.localAddress = L.addr(FILE, 60 + Math.floor(posts++ / 40));
    const res = await anon.request(method, url, method === 'POST' ? { form: { label: 'x' } } : {});
    assert.equal(res.status, 303, `${method} ${url}`);
    assert.match(res.headers.location, /\/agent\/login\?back=/);
    if (method === 'GET') assert.ok(res.headers.location.endsWith(`back=${url.split('?')[0]}`), res.headers.location);
  }
  // /admin without the slash: nginx sends to /admin/
  const bare = await anon.get('/admin');
  assert.equal(bare.status, 301);
  assert.match(bare.headers.location, /\/admin\/$/);
});

test('after signing in from the redirect, the admin lands back on the admin page', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 5) });
  const form = await c.get('/agent/login?back=/admin/audit');
  const csrf = L.hidden(form.body, 'csrf');
  const res = await c.post('/agent/login', { form: { csrf, back: L.hidden(form.body, 'back'), login: 'admin', password: A.passwordOf('admin') } });
  assert.equal(res.status, 303);
  assert.ok(res.headers.location.endsWith('/admin/audit'), res.headers.location);
});

test('an admin POST without or with a wrong CSRF token is refused and changes nothing', async () => {
  const before = await snapshot();
  const label = `csrf ${A.tag()}`;
  const none = await admin.client.post('/admin/api-keys', { form: { label, scope: 'own' } });
  assert.equal(none.status, 422);
  const wrong = await admin.client.post('/admin/api-keys', { form: { csrf: 'x'.repeat(admin.csrf.length), label, scope: 'own' } });
  assert.equal(wrong.status, 422);
  const other = await admin.client.post('/admin/api-keys', { form: { csrf: agent.csrf, label, scope: 'own' } });
  assert.equal(other.status, 422, "another session's token is not this one's");
  const revoke = await admin.client.post('/admin/api-keys/1/revoke', { form: {} });
  assert.equal(revoke.status, 422);
  for (const r of [none, wrong, other, revoke]) assert.doesNotMatch(r.body, /dk_[A-Za-z0-9_-]{20,}/);
  assert.deepEqual(await snapshot(), before);
  const list = await admin.page('/admin/api-keys');
  assert.ok(!list.body.includes(label));
  // the demo key (id 1) still works - the refused revoke did nothing: an
  // unknown ticket is 404 for a valid key (401 for a refused one)
  const api = await L.client({ localAddress: L.addr(FILE, 6) }).api('GET', '/api/v1/tickets/19700101-0000');
  assert.equal(api.status, 404);
});
