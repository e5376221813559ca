'use strict';
// Language switch: /lang/CODE?back=PATH sets a cookie and goes back; pages
// follow the cookie; no open redirect.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

test('Chinese is the default', async () => {
  const c = L.client({ localAddress: L.addr(25) });
  const res = await c.get('/new/fault');
  assert.match(res.body, /<html lang="zh-CN">/);
  assert.match(res.body, /提交请求/);
});

test('/lang/en?back=/new/fault: 303 back, cookie lang=en, then English pages', async () => {
  const c = L.client({ localAddress: L.addr(25) });
  const res = await c.get('/lang/en?back=/new/fault');
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/new/fault');
  const cookie = res.setCookies.find((s) => s.startsWith('lang='));
  assert.ok(cookie, 'lang cookie set');
  assert.equal(cookie.split(';')[0], 'lang=en');
  const form = await c.get('/new/fault');
  assert.match(form.body, /<html lang="en">/);
  assert.match(form.body, /Submit request/);
  assert.doesNotMatch(form.body, /提交请求/);
  assert.match(form.body, /Product fault/);
  const home = await c.get('/');
  assert.match(home.body, /Usage question/);
  assert.match(home.body, /Open 24\/7/, 'channel hours in English');
  // errors and the receipt are English too
  const { res: bad } = await c.submit('fault', { email: 'bad' });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /valid email/i);
  assert.doesNotMatch(bad.body, /电子邮箱/);
  const t = await c.createTicket('fault');
  assert.match(t.page.body, /received your request/i);
  assert.match(t.page.body, /<strong[^>]*>\s*2 ?(h|hours?)\s*<\/strong>/);
  // and back to Chinese
  const zh = await c.get('/lang/zh?back=/');
  assert.equal(zh.status, 303);
  assert.equal(zh.headers.location, '/');
  assert.match((await c.get('/new/fault')).body, /提交请求/);
});

test('a lang cookie set by hand is honoured', async () => {
  const c = L.client({ localAddress: L.addr(25) });
  const res = await c.get('/', { headers: { Cookie: 'lang=en' } });
  assert.match(res.body, /Submit a service request/);
});

test('no open redirect: back must be a local path', async () => {
  const c = L.client({ localAddress: L.addr(25) });
  for (const back of ['//evil.com', '//evil.com/x', 'https://evil.com/', 'http:evil.com', '/\\evil.com',
    'evil.com', '%2F%2Fevil.com', '/%0d%0aSet-Cookie:x=1']) {
    const res = await c.get(`/lang/en?back=${back.startsWith('%') ? back : encodeURIComponent(back)}`);
    assert.equal(res.status, 303, back);
    const loc = res.headers.location;
    assert.ok(loc === '/' || (/^\/[^/\\]/.test(loc) && !/evil/.test(loc)), `back=${back} went to ${loc}`);
    assert.ok(!res.setCookies.some((s) => s.startsWith('x=')), 'no header injection');
  }
  const res = await c.get('/lang/en?back=' + encodeURIComponent('//evil.com'));
  assert.equal(res.headers.location, '/');
  const none = await c.get('/lang/en');
  assert.equal(none.status, 303);
  assert.equal(none.headers.location, '/');
});
