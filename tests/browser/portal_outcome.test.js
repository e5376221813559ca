// The outcome of a customer's action on the follow page is where their eye
// is: on a phone (390x844) the page that comes back after a reply, a
// question, a confirmation, a close request or a signature shows its
// confirmation inside the first screen, and a refused form shows what to
// fix there too (with a link down to the field), not 2,000 px below.
//
// Setup through the JSON API and the agent workspace over HTTP
// (tests/http/agent_lib.js); the customer's side in headless Chromium.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/portal_outcome.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');

const FILE = 243;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const PHONE = { width: 390, height: 844 };
const T = A.tag('OC');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;
let sup;
let x; // the ticket: {number, token}
let page;
const problems = [];

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  // a long page, as customers have it: a proposal to confirm above a conversation
  x = await A.createTicket({ subject: `${T} 打印机卡纸`, description: '打印到第二页就卡纸。\n'.repeat(12) });
  sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  for (let i = 1; i <= 4; i++) await sup.must(x.number, 'reply', { body: `${T} 第 ${i} 次答复：请提供更多信息。\n`.repeat(4) });
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await propose('第一次');
});

after(async () => {
  if (browser) await browser.close();
});

async function propose(what) {
  await sup.must(x.number, 'propose_solution', {
    delivery: 'onsite', steps: `${what}：1. 上门检查\n2. 更换定影组件\n3. 打印测试页`,
    expected: '打印恢复正常', risks: '更换期间打印机停用约 1 小时',
  });
}

/* Fills a form on the follow page and sends it with its button; nginx
 * limits POSTs per address (a 429 never reaches the portal): waited out. */
async function send(fill, button, expect) {
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${BASE}/t/${x.token}`);
    await fill();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      page.click(button),
    ]);
    if (res.status() === 429 && attempt < 4) { await sleep(2500 * (attempt + 1)); continue; }
    assert.equal(res.status(), expect, `POST ${new URL(res.url()).pathname}`);
    await page.waitForLoadState('load');
    return res;
  }
}

/* The element is inside the visible screen, as the page opened. */
async function inView(selector, text) {
  const loc = page.locator(selector).filter({ hasText: text });
  assert.equal(await loc.count(), 1, `one ${selector} saying ${text}`);
  const r = await loc.evaluate((e) => {
    const b = e.getBoundingClientRect();
    return { top: Math.round(b.top), bottom: Math.round(b.bottom), height: innerHeight, scroll: scrollY };
  });
  assert.ok(r.top >= 0 && r.bottom <= r.height,
    `${selector} "${text}" is at ${r.top}..${r.bottom}px (scrolled ${r.scroll}) in a ${r.height}px screen`);
}

test('a reply sent from the bottom of a long page is confirmed in the first screen', async () => {
  await send(async () => {
    await page.fill('#f-body', `${T} 明天上午可以上门吗？`);
  }, 'form.reply button[type="submit"]', 303);
  assert.match(page.url(), /\?sent=1$/);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height > 2 * PHONE.height, `a long page (${height}px)`);
  await inView('p.notice[role="status"]', '已发送');
  await page.screenshot({ path: path.join(SHOTS, 'portal-outcome-reply-phone.png') });
});

test('a refused reply says so in the first screen, with a link to the field', async () => {
  await send(async () => {
    await page.evaluate(() => { document.querySelector('form.reply').noValidate = true; });
    await page.fill('#f-body', '   ');
  }, 'form.reply button[type="submit"]', 422);
  await inView('.alert-error[role="alert"]', '您的回复还没有发送');
  const link = page.locator('.alert-error[role="alert"] a[href="#f-body"]');
  assert.equal(await link.count(), 1, 'a link to the reply box');
  await page.screenshot({ path: path.join(SHOTS, 'portal-outcome-refused-phone.png') });
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'f-body');
  assert.equal(await page.locator('#f-body').getAttribute('aria-invalid'), 'true', 'the error is next to the field too');
});

test('a question about the proposal, then its confirmation: both confirmed in the first screen', async () => {
  await send(async () => {
    await page.click('section.solution details > summary');
    await page.fill('#f-question', `${T} 需要停机多久？`);
  }, 'form[action$="/question"] button[type="submit"]', 303);
  await inView('p.notice[role="status"]', '已发送');
  await propose('第二次');
  await send(async () => page.fill('#f-confirm_name', '王经理'), 'form[action$="/confirm"] button[type="submit"]', 303);
  assert.match(page.url(), /\?confirmed=1$/);
  await inView('p.notice[role="status"]', '您已确认方案');
});

test('a close request is confirmed in the first screen', async () => {
  await send(async () => {
    await page.click('details.close-ask > summary');
    await page.fill('#f-close_reason', `${T} 问题已经自行恢复`);
  }, 'form[action$="/close"] button[type="submit"]', 303);
  assert.match(page.url(), /\?close=1$/);
  await inView('p.notice[role="status"]', '');
});

test('the signed acceptance form is confirmed in the first screen, with the link to print it', async () => {
  await sup.must(x.number, 'status', { to: 'resolved', reason: `${T} 已更换定影组件` });
  await send(async () => {
    await page.check('input[name="result"][value="accepted"]');
    await page.fill('#f-signed_name', '王经理');
  }, 'form[action$="/accept"] button[type="submit"]', 303);
  await inView('p.notice[role="status"]', '已收到您的验收签署');
  assert.equal(await page.locator('p.notice[role="status"] a[href$="/acceptance"]').count(), 1);
  assert.deepEqual(problems, [], 'no script errors or CSP violations');
});
