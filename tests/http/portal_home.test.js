'use strict';
// GET / : the four kinds of problem with their form links, the channels'
// service hours and the response-time promise.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(10) });

test('home page lists the four categories with links to their forms', async () => {
  const res = await c.get('/');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^text\/html; charset=utf-8/i);
  const kinds = { fault: '产品故障', usage: '使用咨询', complaint: '服务投诉', customisation: '定制需求' };
  for (const [code, name] of Object.entries(kinds)) {
    const link = new RegExp(`<a[^>]*href="/new/${code}"[^>]*>[\\s\\S]*?</a>`);
    const m = res.body.match(link);
    assert.ok(m, `link to /new/${code}`);
    assert.ok(m[0].includes(name), `link /new/${code} is labelled ${name}`);
  }
});

test('home page shows each channel with its service hours', async () => {
  const res = await c.get('/');
  assert.equal(res.status, 200);
  for (const [channel, hours] of [
    ['网页自助', '7×24 小时受理'],
    ['服务热线', '工作日 09:00–18:00'],
    ['电子邮件', '7×24'],
  ]) {
    assert.ok(L.text(res.body).includes(`${channel} ${hours}`), `${channel} with its hours`);
  }
});

test('home page states the promises by priority, as the levels hold them', async () => {
  const body = (await c.get('/')).body;
  const t = L.text(body);
  assert.match(t, /我们在 2 小时 ?内完成分类/, 'classification within 2 hours (SLA.ClassifyMinutes)');
  for (const level of ['紧急', '重要', '一般', '低']) assert.ok(t.includes(level), `priority ${level}`);
  const row = (code) => L.text((body.match(new RegExp(`<tr data-level="${code}">[\\s\\S]*?</tr>`)) || [''])[0]).trim();
  assert.match(row('urgent'), /15 分钟 4 小时$/, 'urgent: 15 minutes, 4 hours');
  assert.match(row('general'), /1 个工作日 3 个工作日$/, 'general: 1 working day (24 h), 3 working days');
  assert.doesNotMatch(row('general'), /24 小时/, 'not 24 working hours (3.2 days)');
});
