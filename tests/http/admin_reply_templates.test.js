'use strict';
// Admin console, reply templates (话术模板, SPEC §4): an admin writes one with
// placeholders (an unknown placeholder is refused, nothing created); on a
// ticket in its language the agent sees it above the reply box, filled in
// with that ticket's customer, number and summary and the agent's own name;
// switched off, it is no longer offered. Every change is in the audit log.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 214; // shared with admin_notifications (addresses 1-3): this file uses 10+
const T = A.tag('RT');
const BASE = '/admin/notifications/replies';
const TITLE = `${T} 请提供日志`;
const BODY = '{customer}您好，我是{agent}。\r\n关于工单 {number}（{subject}），请把设置页“导出日志”生成的文件发给我们。';

let admin;
let sup;
let id;
let ticket; // the Chinese ticket the templates are offered on

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 10));
  sup = await A.desk('supervisor', L.addr(FILE, 11));
});

const rowsOf = (html) => html.split('<tr class="reply-row ').slice(1).map((r) => ({
  id: r.match(/data-id="(\d+)"/)[1], state: r.match(/data-state="(\w+)"/)[1], text: A.strip(r.split('</tr>')[0]),
}));

async function audits() {
  const res = await admin.page('/admin/audit?entity=reply_template');
  assert.equal(res.status, 200);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => A.strip(r.split('</tr>')[0]));
}

/** The reply templates offered on a ticket page: [{title, text}]. */
async function offered(number) {
  const page = await sup.page(`/agent/t/${number}`);
  assert.equal(page.status, 200);
  return page.body.split('<li class="reply-tpl"').slice(1).map((li) => ({
    title: A.strip(li.match(/<strong>([^]*?)<\/strong>/)[1]),
    text: A.decode(li.match(/<pre class="reply-tpl-text">([^]*?)<\/pre>/)[1]),
  }));
}

test('an unknown placeholder is refused next to the body; nothing is created', async () => {
  await admin.page(BASE);
  const before = (await audits()).length;
  const res = await admin.client.post(BASE, { form: { csrf: admin.csrf, title: TITLE, language: 'zh', body: '{客户名}您好' } });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'body'));
  assert.match(A.strip(res.body.match(/<p class="error" id="e-body">([^]*?)<\/p>/)[1]), /\{客户名\}/);
  assert.ok(res.body.includes(`value="${L.htmlEscape(TITLE)}"`), 'input kept');
  assert.ok(!rowsOf((await admin.page(BASE)).body).some((r) => r.text.includes(TITLE)), 'not created');
  assert.equal((await audits()).length, before);
});

test('created, it is offered on a Chinese ticket, filled in for that ticket and agent', async () => {
  await admin.page(BASE);
  const res = await admin.client.post(BASE, { form: { csrf: admin.csrf, title: TITLE, language: 'zh', body: BODY } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const m = res.headers.location.match(/^\/admin\/notifications\/replies\/(\d+)\?done=reply_created$/);
  assert.ok(m, res.headers.location);
  id = m[1];
  const page = await admin.page(res.headers.location);
  assert.match(page.body, /class="flash"/);
  assert.match(A.decode(page.body.match(/<pre class="mail-body reply-preview">([^]*?)<\/pre>/)[1]),
    new RegExp(`^张三您好，我是${A.PEOPLE.admin.name}。\n关于工单 20261125-0042`), 'the preview for a sample ticket');
  assert.ok((await audits())[0].includes(TITLE), 'audited');

  const x = await A.createTicket({ subject: `${T} 打印机卡纸`, customer: { name: '模板客户', email: `${T.toLowerCase()}@example.com` } });
  await sup.must(x.number, 'claim');
  const mine = (await offered(x.number)).find((r) => r.title === TITLE);
  assert.ok(mine, 'offered above the reply box');
  assert.equal(mine.text, `模板客户您好，我是${A.PEOPLE.supervisor.name}。\n关于工单 ${x.number}（${T} 打印机卡纸），请把设置页“导出日志”生成的文件发给我们。`);
  ticket = x;
});

test('edited and switched off: the change is audited and the ticket page no longer offers it', async () => {
  await admin.page(`${BASE}/${id}`);
  const en = await admin.client.post(`${BASE}/${id}`, { form: { csrf: admin.csrf, title: TITLE, language: 'en', body: 'Dear {customer}, please send us the logs of {number}.' } });
  assert.equal(en.status, 303);
  assert.ok(!(await offered(ticket.number)).some((r) => r.title === TITLE), 'an English template is not offered on a Chinese ticket');
  const back = await admin.client.post(`${BASE}/${id}`, { form: { csrf: admin.csrf, title: TITLE, language: 'zh', body: BODY } });
  assert.equal(back.status, 303);
  assert.ok((await offered(ticket.number)).some((r) => r.title === TITLE));

  const off = await admin.client.post(`${BASE}/${id}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(off.status, 303);
  assert.match(off.headers.location, /done=reply_off$/);
  const row = rowsOf((await admin.page(BASE)).body).find((r) => r.id === id);
  assert.equal(row.state, 'inactive', 'still listed, switched off');
  assert.ok(!(await offered(ticket.number)).some((r) => r.title === TITLE), 'no longer offered');
  const rows = await audits();
  assert.match(rows[0], /停用|deactivate/);
  assert.ok(rows.some((r) => r.includes('语言 中文 → English')), 'the language change is audited');
  assert.equal((await admin.page(`${BASE}/999999999`)).status, 404);
});
