'use strict';
// Admin console, notification texts (issue 6): an admin's own subject and
// body for the "ticket received" mail in Chinese, with placeholders:
//  - the preview fills them for a sample ticket and saves nothing;
//  - an unknown placeholder is refused next to the field, input kept,
//    nothing saved, nothing audited;
//  - saved (audited, config version bumped), the next ticket opened on the
//    portal gets the admin's text, filled with its own facts, in the mail
//    the SMTP catcher receives;
//  - switched off, the next ticket gets the built-in text again.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 214;
const T = A.tag('NT');
const URL = '/admin/notifications/templates/ticket_created.zh';
const address = (what) => `${T.toLowerCase()}-${what}@example.com`;
const mailsTo = (addr) => S.readMails().filter((m) => S.mailTo(m, addr));

let admin;

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
});

/** The ticket_created.zh state on the page: none, on or off. */
const stateOf = (html) => (html.match(/class="tpl-status" data-state="(\w+)"/) || [])[1];

/** The text of an element of class CLS (first), tags stripped. */
function textOf(html, cls) {
  const m = html.match(new RegExp(`<[a-z]+ class="${cls}"[^>]*>([^]*?)</(p|pre)>`));
  return m ? A.decode(m[1].replace(/<[^>]+>/g, '')).trim() : undefined;
}

async function auditRows() {
  const res = await admin.page('/admin/audit?entity=mail_template');
  assert.equal(res.status, 200);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => A.strip(r.split('</tr>')[0]));
}

async function version() {
  const home = await admin.page('/admin/');
  return Number((home.body.match(/class="version">[^<]*<code>(\d+)<\/code>/) || [])[1]);
}

async function mailOf(email) {
  await S.waitFor(() => mailsTo(email).length >= 1, `the mail to ${email}`, { timeout: L.slow(60000) });
  const got = mailsTo(email);
  assert.equal(got.length, 1, `one mail to ${email}: ${got.map((m) => m.subject).join(' | ')}`);
  return got[0];
}

const subject = `[工单 {number}] ${T} 我们收到了：{subject}`;
const body = `{customer}，您好！\n\n${T} 您的工单 {number}（{category}，{priority}）已登记，首次响应不晚于 {due}。\n\n跟进：{link}\n\n{site}`;

test('the overview lists every event in both languages', async () => {
  const res = await admin.page('/admin/notifications');
  assert.equal(res.status, 200);
  for (const kind of ['ticket_created', 'ticket_reply', 'ticket_resolved', 'survey_invitation',
    'solution_to_confirm', 'acceptance_request', 'new_assignment', 'sla_warning', 'sla_breach',
    'progress_update', 'escalation_due', 'acceptance_reminder', 'ticket_merged']) {
    assert.match(res.body, new RegExp(`data-kind="${kind}"`), kind);
    assert.ok(res.body.includes(`href="/admin/notifications/templates/${kind}.zh"`), `${kind}.zh`);
    assert.ok(res.body.includes(`href="/admin/notifications/templates/${kind}.en"`), `${kind}.en`);
  }
  const form = await admin.page(URL);
  assert.equal(form.status, 200);
  assert.match(form.body, /<code>\{number\}<\/code>/, 'the placeholders are listed');
  assert.match(form.body, /<code>\{due\}<\/code>/);
  assert.doesNotMatch(form.body, /<code>\{survey_link\}<\/code>/, 'only those of this event');
  const shipped = form.body.split('class="mail-box is-shipped"')[1];
  assert.match(textOf(shipped, 'mail-subject'), /已受理/, 'the built-in text, for the sample ticket');
  for (const bad of ['/admin/notifications/templates/ticket_created.fr', '/admin/notifications/templates/no_such.zh',
    '/admin/notifications/templates/ticket_created']) {
    assert.equal((await admin.page(bad)).status, 404, bad);
  }
});

test('the preview fills the placeholders for a sample ticket and saves nothing', async () => {
  const before = await admin.page(URL);
  const audits = (await auditRows()).length;
  const res = await admin.client.post(URL, { form: { csrf: admin.csrf, op: 'preview', subject, body } });
  assert.equal(res.status, 200, L.text(res.body).slice(0, 300));
  const box = res.body.split('class="mail-box is-preview"')[1];
  assert.ok(box, 'a preview is shown');
  const pSubject = textOf(box, 'mail-subject');
  const pBody = textOf(box, 'mail-body');
  assert.match(pSubject, new RegExp(`\\[工单 \\d{8}-0042\\] ${T} 我们收到了：打印机打印第二页时卡纸`), pSubject);
  assert.match(pBody, /^张三，您好！/, pBody);
  assert.match(pBody, /首次响应不晚于 \d{4}-\d\d-\d\d \d\d:\d\d/);
  assert.match(pBody, /跟进：http[^\s]*\/t\/SAMPLE-private-link/);
  assert.doesNotMatch(pBody, /\{[a-z_]+\}/, 'no placeholder left');
  assert.ok(res.body.includes(`value="${L.htmlEscape(subject)}"`), 'the subject is kept in the form');
  const after = await admin.page(URL);
  assert.equal(stateOf(after.body), stateOf(before.body), 'nothing saved');
  assert.equal((await auditRows()).length, audits, 'nothing audited');
});

test('an unknown placeholder is refused next to the field: input kept, nothing saved', async () => {
  const before = await admin.page(URL);
  const audits = (await auditRows()).length;
  const v = await version();
  const badBody = `${body}\n负责工程师：{agnet}`;
  const res = await admin.client.post(URL, { form: { csrf: admin.csrf, op: 'save', subject, body: badBody } });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'body'), 'the body field has the error');
  assert.ok(!L.hasFieldError(res.body, 'subject'), 'the subject is fine');
  const err = A.strip(res.body.match(/<p class="error" id="e-body">([^]*?)<\/p>/)[1]);
  assert.match(err, /未知的占位符 \{agnet\}/, err);
  assert.ok(res.body.includes('负责工程师：{agnet}</textarea>'), 'the input is kept');
  const sub = await admin.client.post(URL, { form: { csrf: admin.csrf, op: 'preview', subject: '{Number}', body } });
  assert.equal(sub.status, 422, 'the preview refuses it too');
  assert.ok(L.hasFieldError(sub.body, 'subject'));
  const after = await admin.page(URL);
  assert.equal(stateOf(after.body), stateOf(before.body));
  assert.ok(!after.body.includes('{agnet}'), 'not stored');
  assert.equal((await auditRows()).length, audits, 'no audit row');
  assert.equal(await version(), v, 'the configuration version did not move');
});

test('saved, the next portal ticket gets the admin\'s text, filled with its own facts', async () => {
  const v = await version();
  const res = await admin.client.post(URL, { form: { csrf: admin.csrf, op: 'save', subject, body } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.equal(res.headers.location, `${URL}?done=template_saved`);
  let page = await admin.page(res.headers.location);
  assert.match(page.body, /class="flash"/);
  if (stateOf(page.body) === 'off') { // switched off by an earlier run of this file
    const on = await admin.client.post(`${URL}/activate`, { form: { csrf: admin.csrf } });
    assert.equal(on.status, 303);
    page = await admin.page(URL);
  }
  assert.equal(stateOf(page.body), 'on');
  assert.ok(await version() > v, 'the configuration version was bumped');
  const list = await admin.page('/admin/notifications');
  assert.match(list.body, /data-kind="ticket_created"[^]*?data-lang="zh" data-state="on"/);

  // audited: who, what, the text from what to what
  const row = (await auditRows()).find((r) => r.includes(`${T} 我们收到了`));
  assert.ok(row, 'an audit row with the new text');
  assert.ok(row.includes(A.PEOPLE.admin.name), row);
  assert.ok(row.includes('ticket_created.zh'), row);
  assert.ok(row.includes(`${T} 我们收到了`), row);

  const email = address('custom');
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const x = await c.createTicket('fault', { email, subject: `${T} 打印机`, contact_name: '自定义客户' });
  const m = await mailOf(email);
  assert.equal(m.subject, `[工单 ${x.number}] ${T} 我们收到了：${T} 打印机`);
  assert.ok(m.body.startsWith('自定义客户，您好！\n'), m.body);
  assert.ok(m.body.includes(`${T} 您的工单 ${x.number}（`), m.body);
  assert.match(m.body, /首次响应不晚于 \d{4}-\d\d-\d\d \d\d:\d\d。/);
  assert.ok(m.body.includes(`跟进：${L.BASE.protocol}//${L.BASE.host}/t/${x.token}\n`), m.body);
  assert.doesNotMatch(m.body, /\{[a-z_]+\}/);
  assert.doesNotMatch(m.body, /我们已收到您的服务请求/, 'not the built-in text');
});

test('switched off, the next ticket gets the built-in text again', async () => {
  await admin.page(URL);
  const res = await admin.client.post(`${URL}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `${URL}?done=template_off`);
  const page = await admin.page(URL);
  assert.equal(stateOf(page.body), 'off');
  assert.ok(page.body.includes(`${T} 我们收到了`), 'the saved text is kept');
  const row = (await auditRows())[0];
  assert.match(row, /停用|deactivate/, row);
  assert.match(row, /启用 是 → 否/, row);

  const email = address('shipped');
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const x = await c.createTicket('fault', { email, subject: `${T} 又一台打印机`, contact_name: '默认客户' });
  const m = await mailOf(email);
  assert.ok(m.subject.includes(`[工单 ${x.number}] 已受理`), m.subject);
  assert.ok(!m.subject.includes('我们收到了'), m.subject);
  assert.ok(m.body.includes('我们已收到您的服务请求'), m.body);

  // switching off twice changes nothing and records nothing
  const audits = (await auditRows()).length;
  const twice = await admin.client.post(`${URL}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(twice.headers.location, `${URL}?done=template_unchanged`);
  assert.equal((await auditRows()).length, audits);
  const none = await admin.client.post('/admin/notifications/templates/escalation_due.en/activate', { form: { csrf: admin.csrf } });
  assert.ok([303, 404].includes(none.status), 'activating a text never saved');
});
