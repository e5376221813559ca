'use strict';
// Admin console, mail and SMS gateway settings (issue 6):
//  - a bad form is refused field by field, input kept (never the password),
//    nothing saved or audited;
//  - saved, the settings apply without a restart: the "send test" button
//    mails the catcher with the new sender name, and so does the
//    scheduler's next notification;
//  - the SMTP password and the gateway key are never shown again (only
//    "set"), neither in the page nor in the audit log;
//  - a test against a mail server that does not answer shows the error.
// Settings are put back at the end: later test files share the stack.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 213; // shared with contact_key_rotation (addresses 1-2): this file uses 21+
const T = A.tag('GW');
const PAGE = '/admin/notifications/gateway';
const PASSWORD = `pw-${T}-Geheim!`;
const SMS_KEY = `key-${T}-9f8e7d`;
const mailsTo = (addr) => S.readMails().filter((m) => S.mailTo(m, addr));

let admin;
let original; // the form as it was

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 21));
});

/** The text inputs and the STARTTLS box of the settings form. */
function formOf(html) {
  const form = html.split('class="request admin-form gw-form"')[1].split('</form>')[0];
  const out = {};
  for (const m of form.matchAll(/<input id="f-([a-z_]+)" name="\1" type="(?:text|number)" value="([^"]*)"/g)) {
    out[m[1]] = A.decode(m[2]);
  }
  if (/name="starttls" value="1" checked/.test(form)) out.starttls = '1';
  return out;
}

const secretState = (html, name) => (html.match(new RegExp(`secret-(set|unset)" data-secret="${name}"`)) || [])[1];

async function save(fields) {
  await admin.page(PAGE);
  return admin.client.post(PAGE, { form: { csrf: admin.csrf, ...fields } });
}

async function settingAudit() {
  const res = await admin.page('/admin/audit?entity=setting');
  assert.equal(res.status, 200);
  return res;
}

async function sendTest(to) {
  await admin.page(PAGE);
  const res = await admin.client.post(`${PAGE}/test`, { form: { csrf: admin.csrf, test_to: to }, timeout: 60000 });
  assert.equal(res.status, 200, L.text(res.body).slice(0, 300));
  return { res, result: (res.body.match(/data-test="(ok|failed)"/) || [])[1] };
}

test('the form shows the settings in force', async () => {
  const res = await admin.page(PAGE);
  assert.equal(res.status, 200);
  original = formOf(res.body);
  assert.match(original.smtp_url, /^smtp:\/\/127\.0\.0\.1:\d+$/, 'the SMTP catcher of the stack');
  assert.ok(original.from, 'a From address');
  assert.ok(['set', 'unset'].includes(secretState(res.body, 'password')));
  assert.match(res.body, /<input id="f-password" name="password" type="password" value=""/);
  const list = await admin.page('/admin/notifications');
  assert.match(list.body, /href="\/admin\/notifications\/gateway"/, 'a tab of the notifications section');
});

test('a bad form is refused field by field; the password is not sent back; nothing changes', async () => {
  const audit = (await settingAudit()).body.match(/class="audit-row"/g)?.length || 0;
  const res = await save({ ...original, smtp_url: 'ftp://mail.example.com', from: 'not an address',
    timeout: '0', sms_url: 'gopher://x', sms_key_header: 'X Key', password: PASSWORD });
  assert.equal(res.status, 422);
  for (const f of ['smtp_url', 'from', 'timeout', 'sms_url', 'sms_key_header']) {
    assert.ok(L.hasFieldError(res.body, f), `${f} has an error`);
  }
  assert.ok(res.body.includes('value="ftp://mail.example.com"'), 'the input is kept');
  assert.ok(!res.body.includes(PASSWORD), 'the typed password is not echoed');
  const after = await admin.page(PAGE);
  assert.deepEqual(formOf(after.body), original, 'nothing saved');
  assert.equal((await settingAudit()).body.match(/class="audit-row"/g)?.length || 0, audit, 'nothing audited');
});

test('saved: secrets sealed and never shown, each change audited, the test mail uses the new settings at once', async () => {
  const name = `${T} 服务台`;
  const res = await save({ ...original, from_name: name, password: PASSWORD, sms_key: SMS_KEY });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.equal(res.headers.location, `${PAGE}?done=gateway_saved`);
  const page = await admin.page(res.headers.location);
  assert.equal(formOf(page.body).from_name, name);
  assert.equal(secretState(page.body, 'password'), 'set');
  assert.equal(secretState(page.body, 'sms_key'), 'set');
  assert.ok(!page.body.includes(PASSWORD) && !page.body.includes(SMS_KEY), 'no secret in the page');

  const audit = await settingAudit();
  assert.ok(!audit.body.includes(PASSWORD) && !audit.body.includes(SMS_KEY), 'no secret in the audit log');
  const rows = audit.body.split('<tr class="audit-row"').slice(1).map((r) => A.strip(r.split('</tr>')[0]));
  const fromRow = rows.find((r) => r.includes('发件人名称') && r.includes(name));
  assert.ok(fromRow && fromRow.includes(A.PEOPLE.admin.name), `the from name, old → new: ${fromRow}`);
  assert.ok(rows.some((r) => r.includes('SMTP 密码 已更改')), 'the password change is recorded');
  assert.ok(rows.some((r) => r.includes('短信密钥 已更改')), 'the key change is recorded');

  // the agent's worker sends with the new name, without a restart
  const to = `${T.toLowerCase()}-test@example.com`;
  const { res: sent, result } = await sendTest(to);
  assert.equal(result, 'ok', L.text(sent.body).slice(0, 400));
  await S.waitFor(() => mailsTo(to).length === 1, `the test mail to ${to}`);
  const m = mailsTo(to)[0];
  assert.match(m.subject, /测试邮件/);
  assert.ok(decodeFrom(m.headers.from).includes(name), `From: ${m.headers.from}`);

  // and so does the scheduler, for the next notification
  const email = `${T.toLowerCase()}-ticket@example.com`;
  const c = L.client({ localAddress: L.addr(FILE, 22) });
  const x = await c.createTicket('fault', { email, subject: `${T} gateway`, contact_name: '网关客户' });
  await S.waitFor(() => mailsTo(email).length === 1, `the ticket mail to ${email}`, { timeout: 60000 });
  const n = mailsTo(email)[0];
  assert.ok(n.subject.includes(x.number));
  assert.ok(decodeFrom(n.headers.from).includes(name), `the scheduler's From: ${n.headers.from}`);
});

/** A From header with RFC 2047 words decoded. */
function decodeFrom(v) {
  return (v || '').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (x, b) => Buffer.from(b, 'base64').toString('utf8'));
}

test('a test against a mail server that does not answer shows the SMTP error', async () => {
  const down = await save({ ...formOf((await admin.page(PAGE)).body), smtp_url: 'smtp://127.0.0.1:9', timeout: '5' });
  assert.equal(down.status, 303);
  try {
    const { res, result } = await sendTest(`${T.toLowerCase()}-down@example.com`);
    assert.equal(result, 'failed');
    const err = A.strip(res.body.match(/<code class="smtp-error">([^]*?)<\/code>/)[1]);
    assert.match(err, /SMTP.*(connect|Connection refused)/i, err);
    const bad = await admin.client.post(`${PAGE}/test`, { form: { csrf: admin.csrf, test_to: 'nobody' } });
    assert.equal(bad.status, 422);
    assert.ok(L.hasFieldError(bad.body, 'test_to'));
  } finally {
    const back = await save({ ...formOf((await admin.page(PAGE)).body), smtp_url: original.smtp_url,
      timeout: original.timeout });
    assert.equal(back.status, 303);
  }
});

test('put back: sender name restored, secrets cleared (audited as such)', async () => {
  const res = await save({ ...original, password_clear: '1', sms_key_clear: '1' });
  assert.equal(res.status, 303);
  const page = await admin.page(PAGE);
  assert.deepEqual(formOf(page.body), original);
  assert.equal(secretState(page.body, 'password'), 'unset');
  assert.equal(secretState(page.body, 'sms_key'), 'unset');
  const again = await save({ ...original });
  assert.equal(again.headers.location, `${PAGE}?done=gateway_unchanged`, 'nothing left to change');
});
