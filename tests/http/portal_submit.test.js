'use strict';
// A valid POST /new/fault: 303 to /t/TOKEN?new=1; that page shows the
// number (YYYYMMDD-NNNN, Asia/Shanghai date), the category and the promised
// first-response time of the priority.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const C = require('./clock');

// It looks at times (the number's date is the stack's local date): run at the
// three instants of tests/run.sh (clock.js).
C.useTestInstant();

const c = L.client({ localAddress: L.addr(12) });

test('valid fault submission redirects to the private link and shows the receipt', async () => {
  const before = L.todayShanghai(new Date(C.now()));
  const { res } = await c.submit('fault');
  const after = L.todayShanghai(new Date(C.now()));
  assert.equal(res.status, 303, res.body.slice(0, 300));
  const loc = res.headers.location;
  assert.match(loc, /^\/t\/[A-Za-z0-9_-]{20,}\?new=1$/);
  const page = await c.get(loc);
  assert.equal(page.status, 200);
  const number = L.receiptNumber(page.body);
  assert.match(number || '', L.NUMBER_RE, 'ticket number YYYYMMDD-NNNN');
  assert.ok([before, after].includes(L.period(number)), `date part ${L.period(number)} is today in Asia/Shanghai (${before})`);
  const text = L.text(page.body);
  assert.ok(text.includes('产品故障'), 'category shown');
  // impact "department" -> priority important -> first response 2 hours
  assert.match(page.body, /<strong[^>]*>\s*2 小时\s*<\/strong>/, 'promised first-response time');
  assert.ok(text.includes('重要'), 'priority shown');
  // the private link is on the page
  assert.ok(page.body.includes(`/t/${L.tokenOf(loc)}`), 'follow link shown');
});

test('promised first response follows the impact: company -> urgent, 15 minutes', async () => {
  const t = await c.createTicket('fault', { impact: 'company' });
  assert.match(t.page.body, /<strong[^>]*>\s*15 分钟\s*<\/strong>/);
  assert.ok(L.text(t.page.body).includes('紧急'));
});

test('without ?new=1 the follow page shows the ticket, not the receipt', async () => {
  const t = await c.createTicket('fault', { subject: 'plain follow view' });
  const page = await c.get(`/t/${t.token}`);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(t.number));
  assert.match(page.body, /plain follow view/);
  assert.doesNotMatch(page.body, /id="received"/);
});

test('the submitted values appear on the follow page', async () => {
  const t = await c.createTicket('fault', {
    subject: 'Printer on fire', product: 'LaserJet X', cf_symptoms: 'smoke and flames', cf_reproduce: 'print 3 pages',
  });
  const text = L.text(t.page.body);
  for (const s of ['Printer on fire', 'LaserJet X', 'smoke and flames', 'print 3 pages', '软件缺陷'])
    assert.ok(text.includes(s), s);
});
