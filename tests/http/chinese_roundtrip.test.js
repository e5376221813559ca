'use strict';
// Chinese text (and 4-byte characters) goes through form, database and page
// unchanged, and through the API.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(18) });
const SUBJECT = '打印机无法连接：错误代码 E-102（紧急）😀';
const DESCRIPTION = '自上周一起，财务部的三台打印机全部无法连接。\n已尝试重启路由器，问题依旧。𠀀𪚥 «引号» ‘单引号’';
const SYMPTOMS = '屏幕显示“连接超时”，指示灯闪烁红色。';

test('Chinese subject and description come back exactly on the follow page', async () => {
  const t = await c.createTicket('fault', {
    subject: SUBJECT, description: DESCRIPTION, contact_name: '张三', cf_symptoms: SYMPTOMS, product: '财务系统 V3',
  });
  assert.match(t.number || '', L.NUMBER_RE);
  const page = await c.get(`/t/${t.token}`);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(`<strong><bdi>${SUBJECT}</bdi></strong>`), 'subject exact, isolated from the text around it');
  assert.ok(page.body.includes(`<div class="text">${DESCRIPTION}</div>`), 'description exact, line break kept');
  assert.ok(page.body.includes(SYMPTOMS), 'category field exact');
  assert.ok(page.body.includes('张三'), 'contact name in the history');
  assert.ok(page.body.includes('财务系统 V3'));
});

test('Chinese typed values are kept when the form is re-rendered', async () => {
  const { res } = await c.submit('fault', { subject: SUBJECT, description: DESCRIPTION, email: '无效' });
  assert.equal(res.status, 422);
  assert.ok(res.body.includes(`value="${SUBJECT}"`));
  assert.ok(res.body.includes(`>${DESCRIPTION}</textarea>`));
  assert.ok(res.body.includes('value="无效"'));
});

test('Chinese text round-trips through the API (create, read, comment, follow page)', async () => {
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket({
    subject: SUBJECT, description: DESCRIPTION, customer: { name: '监控平台', email: 'mon@example.com', organisation: '华东精密制造有限公司' },
  }));
  assert.equal(created.status, 201, created.body);
  const { number, link } = created.json();
  const read = await c.api('GET', `/api/v1/tickets/${number}`);
  assert.equal(read.status, 200);
  const doc = read.json();
  assert.equal(doc.subject, SUBJECT);
  if ('description' in doc) assert.equal(doc.description, DESCRIPTION);
  const comment = '已更换主板，序列号 SN-甲乙丙-001。请确认。';
  assert.equal((await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: comment })).status, 201);
  const events = (await c.api('GET', `/api/v1/tickets/${number}`)).json().events;
  assert.ok(events.some((e) => e.kind === 'comment' && e.body === comment), 'comment exact in events');
  const page = await c.get(new URL(link).pathname);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(SUBJECT));
  assert.ok(page.body.includes(`<div class="text">${DESCRIPTION}</div>`), 'API description exact on the follow page');
  assert.ok(page.body.includes(comment));
});

test('Chinese in JSON \\u escapes is stored as the characters', async () => {
  const raw = '{"subject":"\\u6253\\u5370\\u673a \\ud83d\\ude00","description":"\\u63cf\\u8ff0","category":"usage",'
    + '"customer":{"name":"\\u674e\\u56db","email":"li@example.com"},"fields":{"question_kind":"howto"}}';
  const created = await c.api('POST', '/api/v1/tickets', undefined, { body: raw });
  assert.equal(created.status, 201, created.body);
  const doc = (await c.api('GET', `/api/v1/tickets/${created.json().number}`)).json();
  assert.equal(doc.subject, '打印机 😀');
});
