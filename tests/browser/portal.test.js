// Browser checks of the customer portal: Debian's headless Chromium driven by
// playwright-core (tests/browser/setup.sh installs it). Screenshots for a
// person to look at go to $DESK_ROOT/var/screenshots/.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_ROOT=$PWD \
//     node --test --test-reporter=tap --test-concurrency=1 tests/browser/
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE = (process.env.DESK_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ROOT = process.env.DESK_ROOT || path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'var', 'screenshots');
const CHROMIUM = process.env.DESK_CHROMIUM || '/usr/bin/chromium';
const NUMBER = /^\d{8}-\d{4}$/;
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };

let browser;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  // chromium.launch gives every run a fresh, temporary user-data-dir of its
  // own (and removes it on close); it refuses a --user-data-dir argument.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic',
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
});

/* A fresh context per test: its own cookies (language, csrf). Any page error
 * or CSP violation fails the test that caused it. */
async function open(t, opts = {}) {
  const { viewport = DESKTOP, ...rest } = opts;
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', ...rest });
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // CSP violations and script errors arrive as console errors; a failed
  // subresource (style, script, icon) is checked by its response instead,
  // since a 422 answer to a refused form is a page, not a failure
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'document' && r.status() >= 400)
      problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // leaving a page cancels what it still loads; that is not a failure
    if (!/ERR_ABORTED/.test(r.failure()?.errorText || ''))
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  t.after(async () => {
    await ctx.close();
    assert.deepEqual(problems, [], 'no script errors or CSP violations');
  });
  return page;
}

/* The Content-Security-Policy allows no inline style or script: the pages
 * must not need any. */
async function noInlineCode(page) {
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('[style], script:not([src])')].map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(inline, [], 'no inline styles or scripts');
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function noHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
}

/* The fault form with every required field and the radio choices; the
 * optional ones are folded after the required ones: unfolded first. */
async function fillFault(page, subject) {
  if (!(await page.locator('details.more').evaluate((d) => d.open))) await page.click('details.more > summary');
  await page.fill('#f-subject', subject);
  await page.fill('#f-description', '从今天上午开始，财务部所有人导出月度报表时都报错 500。\n第二行：影响月底结账。');
  await page.check('input[name="impact"][value="department"]');
  await page.fill('#f-started_at', '2026-11-20T09:30');
  await page.check('input[name="cf_fault_kind"][value="software"]');
  await page.fill('#f-cf_symptoms', '点击“导出”后页面显示 Internal Server Error。');
  await page.fill('#f-cf_reproduce', '1. 登录\n2. 报表 → 月度报表\n3. 点击导出');
  await page.check('input[name="cf_nature"][value="functional"]');
  await page.fill('#f-product', '云财务 ERP');
  await page.fill('#f-product_version', 'V5.2.1');
  await page.fill('#f-contact_name', '王小明');
  await page.fill('#f-organisation', '上海示例贸易有限公司');
  await page.fill('#f-email', 'wang.xiaoming@example.com');
  await page.fill('#f-phone', '+86 21 5555 0100');
  await page.check('input[name="preferred_contact"][value="email"]');
}

/* Submit the form and land on the new ticket; a refusal (422 validation,
 * 429 rate limit) fails here with its status rather than as a timeout. */
async function submit(page) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.click('form.request button[type="submit"]'),
  ]);
  assert.equal(res.status(), 303, `the portal accepts the form (answered ${res.status()})`);
  await page.waitForURL(/\/t\/[^/?]+\?new=1$/);
}

test('home: four kinds of problem, promises and the language switch', async (t) => {
  const page = await open(t);
  const res = await page.goto(`${BASE}/`);
  assert.equal(res.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  const kinds = page.locator('ul.kinds a.kind');
  assert.equal(await kinds.count(), 4);
  for (const name of ['产品故障', '使用咨询', '服务投诉', '定制需求'])
    assert.equal(await kinds.filter({ hasText: name }).count(), 1, name);
  assert.ok(await page.locator('header .lang a[aria-current]').filter({ hasText: '中文' }).isVisible());
  assert.ok(await page.locator('header .lang a', { hasText: 'English' }).isVisible());
  // the promise is visible: response time per priority, service hours per channel
  assert.ok((await page.locator('.levels tbody tr').count()) >= 1);
  assert.ok((await page.locator('.channels dt').count()) >= 1);
  await noInlineCode(page);
  await shot(page, 'home');
});

test('fault request: fill the form, submit, see the number and the private link', async (t) => {
  const page = await open(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${BASE}/`);
  await Promise.all([page.waitForURL(/\/new\/fault$/), page.click('a.kind:has-text("产品故障")')]);
  assert.equal(await page.locator('h1').first().textContent(), '产品故障');
  // required fields are marked, every input has a label
  assert.ok(await page.locator('label[for="f-subject"] .req').count() === 1);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('form.request input:not([type=hidden]), form.request textarea')]
      .filter((el) => !el.labels || el.labels.length === 0).map((el) => el.name));
  assert.deepEqual(unlabelled, []);
  await noInlineCode(page);
  await shot(page, 'form');

  const subject = `浏览器检查 ${Date.now()} <b>不是粗体</b>`;
  await fillFault(page, subject);
  await submit(page);

  const number = (await page.locator('#ticket-number').textContent()).trim();
  assert.match(number, NUMBER);
  const link = page.locator('#follow-link');
  const href = await link.getAttribute('href');
  assert.match(href, /\/t\/[A-Za-z0-9_-]{20,}$/);
  assert.ok(!href.includes(number), 'the private link does not contain the number');
  assert.equal((await link.textContent()).trim(), href);
  assert.match(await page.locator('.receipt').textContent(), /产品故障/);
  assert.match(await page.locator('.receipt').textContent(), /小时|分钟/);
  // the promised first response in words, and its deadline
  assert.match(await page.locator('.promise-line').textContent(), /\d+ (小时|分钟)/);
  assert.match(await page.locator('.receipt-facts').textContent(), /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // the number is the most prominent text on the page
  const size = await page.locator('#ticket-number').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 32, `ticket number is ${size}px`);
  await shot(page, 'result');
  // with JavaScript on, the copy button is offered and copies the number
  const copy = page.locator('button.copy[data-copy="ticket-number"]');
  assert.ok(await copy.isVisible());
  await copy.click();
  await page.waitForFunction(() => document.querySelector('button.copy.done'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), number);

  // the follow link shows the same ticket, the subject as text, a timeline
  const follow = new URL(href).pathname;
  await page.goto(`${BASE}${follow}`);
  assert.match(await page.locator('h1').first().textContent(), new RegExp(number));
  assert.ok((await page.locator('body').textContent()).includes('<b>不是粗体</b>'));
  assert.equal(await page.locator('main b').count(), 0);
  assert.equal(await page.locator('ol.timeline li').count(), 6);
  assert.equal(await page.locator('ol.timeline li[aria-current="step"]').count(), 1);
  await shot(page, 'ticket');
});

test('empty required fields: the server answers with errors next to them, input kept', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/new/fault`);
  // get past the browser's own checks: this is about the server's answer
  await page.evaluate(() => {
    const f = document.querySelector('form.request');
    f.noValidate = true;
    f.querySelectorAll('[required]').forEach((el) => el.removeAttribute('required'));
  });
  const kept = '只填了这一项：描述里的中文 & <符号>';
  await page.fill('#f-description', kept);
  await page.fill('#f-email', 'not-an-email');
  await page.click('details.more > summary');
  await page.fill('#f-organisation', '保留的单位名称');
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('form.request button[type="submit"]'),
  ]);
  assert.equal(res.status(), 422);
  await page.waitForSelector('#error-summary');

  assert.ok(await page.locator('.alert-error').isVisible(), 'a summary at the top');
  for (const f of ['subject', 'contact_name', 'product', 'cf_symptoms', 'cf_reproduce']) {
    const err = page.locator(`#e-${f}`);
    assert.ok(await err.isVisible(), `error shown for ${f}`);
    assert.match(await err.textContent(), /必填/);
    // next to its field: inside the same field block, and the input points at it
    assert.equal(await page.locator(`.field.has-error:has(#f-${f}) #e-${f}`).count(), 1, f);
    assert.equal(await page.locator(`#f-${f}`).getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator(`#f-${f}`).getAttribute('aria-describedby'), new RegExp(`\\be-${f}\\b`));
    const input = await page.locator(`#f-${f}`).boundingBox();
    const below = await err.boundingBox();
    assert.ok(below.y >= input.y + input.height && below.y - (input.y + input.height) < 24,
      `the error for ${f} sits right under its input`);
    const color = await err.evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = color.match(/\d+/g).map(Number);
    assert.ok(r > 150 && g < 80 && b < 80, `error text is red, got ${color}`);
  }
  assert.match(await page.locator('#e-email').textContent(), /邮箱/);
  assert.equal(await page.locator('.choice.has-error:has(input[name="impact"]) .error').count(), 1);
  assert.equal(await page.locator('.choice.has-error:has(input[name="cf_fault_kind"]) .error').count(), 1);
  assert.equal(await page.inputValue('#f-description'), kept);
  assert.equal(await page.inputValue('#f-email'), 'not-an-email');
  assert.equal(await page.inputValue('#f-organisation'), '保留的单位名称');
  assert.equal(await page.locator('#f-description:not([aria-invalid])').count(), 1);
  await shot(page, 'form-errors');

  // fixing the errors on the same page then succeeds
  await page.evaluate(() => {
    document.querySelector('form.request').noValidate = true;
  });
  await fillFault(page, '改正后提交');
  await submit(page);
  assert.match((await page.locator('#ticket-number').textContent()).trim(), NUMBER);
});

test('mobile 390x844: no horizontal scroll, large touch targets', async (t) => {
  const page = await open(t, { viewport: MOBILE, isMobile: true, hasTouch: true });
  await page.goto(`${BASE}/`);
  await noHorizontalScroll(page);
  const heights = await page.locator('a.kind').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().height));
  assert.equal(heights.length, 4);
  for (const h of heights) assert.ok(h >= 44, `kind link is ${h}px tall`);
  const lang = await page.locator('header .lang a').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().height));
  for (const h of lang) assert.ok(h >= 40, `language link is ${h}px tall`);
  const switchBox = await page.locator('header .lang').boundingBox();
  assert.ok(switchBox.y < 40 && switchBox.x + switchBox.width <= MOBILE.width, 'the language switch is at the top');
  await shot(page, 'home-mobile');

  await page.goto(`${BASE}/new/fault`);
  await noHorizontalScroll(page);
  const submitBox = await page.locator('form.request button[type="submit"]').boundingBox();
  assert.ok(submitBox.height >= 44 && submitBox.width >= 300, 'a wide submit button');
  const options = await page.locator('.opt').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().height));
  for (const h of options) assert.ok(h >= 44, `a choice is ${h}px tall`);
  await shot(page, 'form-mobile');

  // the result page fits too, long private link included
  await fillFault(page, '手机上提交');
  await submit(page);
  assert.match((await page.locator('#ticket-number').textContent()).trim(), NUMBER);
  await noHorizontalScroll(page);
  await shot(page, 'result-mobile');
});

test('language switch: English strings, kept in a cookie', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/new/usage`);
  await Promise.all([page.waitForURL(/\/new\/usage$/), page.click('header .lang a:has-text("English")')]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('form.request button[type="submit"]').textContent(), /[A-Za-z]/);
  await page.goto(`${BASE}/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const text = await page.locator('main').textContent();
  assert.ok(!/[\u4e00-\u9fff]/.test(text), 'no Chinese left on the English home page');
  assert.equal(await page.locator('a.kind').count(), 4);
  assert.ok(await page.locator('header .lang a[aria-current]').filter({ hasText: 'English' }).isVisible());
  await shot(page, 'home-en');

  await Promise.all([page.waitForURL(`${BASE}/`), page.click('header .lang a:has-text("中文")')]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
});

test('JavaScript off: the form still submits', async (t) => {
  const page = await open(t, { javaScriptEnabled: false });
  await page.goto(`${BASE}/`);
  await Promise.all([page.waitForURL(/\/new\/fault$/), page.click('a.kind:has-text("产品故障")')]);
  await fillFault(page, '没有 JavaScript 也能提交');
  await submit(page);
  assert.match((await page.locator('#ticket-number').textContent()).trim(), NUMBER);
  assert.match(await page.locator('#follow-link').getAttribute('href'), /\/t\//);
  // the copy button needs JavaScript, so it stays hidden
  assert.equal(await page.locator('button.copy:visible').count(), 0);
});

test('attachments: several files picked at once all arrive with their names; an image shows as a thumbnail', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/new/fault`);
  await fillFault(page, `附件检查 ${Date.now()}`);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077'
    + '53de0000000c4944415478da63f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex');
  await page.setInputFiles('#f-files', [
    { name: '报错截图.png', mimeType: 'image/png', buffer: png },
    { name: 'export.log', mimeType: 'text/plain', buffer: Buffer.from('10:00 ERROR export failed\n') },
  ]);
  await shot(page, 'form-attachments');
  await submit(page);
  await page.goto(await page.locator('#follow-link').getAttribute('href'));
  const names = await page.locator('ul.files li a').allTextContents();
  assert.deepEqual(names.sort(), ['export.log', '报错截图.png'].sort(), 'both names kept (one field per file on submit)');
  const thumb = page.locator('ul.files img.thumb');
  assert.equal(await thumb.count(), 1);
  await thumb.evaluate((img) => img.decode());
  assert.equal(await thumb.evaluate((img) => img.naturalWidth), 1, 'the image loads from the ticket\'s own link');
  await shot(page, 'ticket-attachments');
});
