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

test('home page states the first-response promise by priority', async () => {
  const t = L.text((await c.get('/')).body);
  assert.match(t, /2 ?小时/, 'classification within 2 hours');
  for (const level of ['紧急', '重要', '一般', '低']) assert.ok(t.includes(level), `priority ${level}`);
  assert.match(t, /15 分钟/, 'urgent: 15 minutes');
  assert.match(t, /24 小时/, 'general: 24 hours');
});
