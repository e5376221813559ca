'use strict';
// The pages the web server answers itself (429 from the POST limit, 413)
// have the portal's header (the brand with its logo, inside .top-in, as
// templates/layout.cs draws it), may load that logo, and explain calmly:
// the submission was not processed, wait a minute and send again - without
// telling the person they did something wrong.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const FILE = 246;

function headerOk(html, what) {
  assert.match(html, /<header class="top">\s*<div class="top-in">\s*<a class="brand" href="\/"><span class="logo" aria-hidden="true"><\/span><span class="brand-name">[^<]+<\/span><\/a>/,
    `${what}: the header of every portal page`);
  assert.match(html, /<link rel="stylesheet" href="\/static\/portal.css">/, `${what}: the portal's style`);
  assert.match(html, /<meta name="viewport"/, `${what}: fits a phone`);
}

test('the 429 page: the portal header, may show the logo, calm words in both languages', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  let limited;
  for (let i = 0; i < 40 && !limited; i++) {
    const res = await c.post('/new/fault', { form: { subject: `static ${i}` } });
    if (res.status === 429) limited = res;
  }
  assert.ok(limited, 'a 429 was answered');
  headerOk(limited.body, '429');
  assert.match(limited.headers['content-security-policy'], /img-src 'self'/, 'the logo (a CSS image) may load');
  const text = L.text(limited.body);
  assert.match(text, /没有被处理/, 'says the submission was not processed');
  assert.match(text, /一分钟/, 'and how long to wait');
  assert.match(text, /was not processed/);
  assert.doesNotMatch(text, /您在短时间内提交了太多次|You have submitted too often|过于频繁/, 'does not blame the person');
});

test('the 413 page: the same header, says nothing was saved', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const res = await c.get('/static/errors/413.html');
  assert.equal(res.status, 200);
  headerOk(res.body, '413');
  assert.match(L.text(res.body), /没有被保存/);
  assert.match(L.text(res.body), /nothing was saved/);
});
