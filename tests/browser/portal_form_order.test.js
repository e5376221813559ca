// The request form on a phone (390x844): every required field comes before
// every optional one, the optional fields are folded under one summary
// after them (the attachments stay in sight), and the form is far shorter
// than the 4,500 px it was; a customer completes it without unfolding
// anything. The admin's per-category choice of common fields is a table of
// radio buttons with accessible names.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/portal_form_order.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');

const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

after(async () => {
  if (browser) await browser.close();
});

async function open(t, viewport) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  t.after(async () => {
    await ctx.close();
    assert.deepEqual(problems, [], 'no script errors or CSP violations');
  });
  return page;
}

/* The form's controls in document order, one per name: required or not
 * (a radio group is required when its fieldset says so). */
function controlsInOrder(page) {
  return page.evaluate(() => {
    const seen = new Set();
    const out = [];
    for (const el of document.querySelectorAll('form.request input, form.request textarea, form.request select')) {
      if (el.type === 'hidden' || seen.has(el.name)) continue;
      seen.add(el.name);
      const group = el.closest('fieldset.choice');
      const required = el.required || el.getAttribute('aria-required') === 'true' ||
        (group && group.getAttribute('aria-required') === 'true');
      out.push({ name: el.name, required: !!required });
    }
    return out;
  });
}

for (const kind of ['fault', 'complaint', 'customisation']) {
  test(`${kind}: on a phone every required field precedes every optional one, the rest folded`, async (t) => {
    const page = await open(t, PHONE);
    const res = await page.goto(`${BASE}/new/${kind}`);
    assert.equal(res.status(), 200);
    const c = await controlsInOrder(page);
    const lastRequired = c.map((x) => x.required).lastIndexOf(true);
    const firstOptional = c.findIndex((x) => !x.required);
    assert.ok(lastRequired >= 0 && firstOptional > lastRequired,
      `required fields first: ${c.map((x) => `${x.name}${x.required ? '*' : ''}`).join(' ')}`);
    assert.equal(await page.locator('details.more').evaluate((d) => d.open), false, 'the optional part is folded');
    for (const x of c.filter((y) => y.required)) {
      assert.ok(await page.locator(`[name="${x.name}"]`).first().isVisible(), `${x.name} can be filled without unfolding`);
    }
    assert.ok(await page.locator('#f-files').isVisible(), 'attachments stay in sight');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 3200, `the form is ${height}px long on a phone`);
    await page.screenshot({ path: path.join(SHOTS, `portal-form-${kind}-phone.png`), fullPage: true });
    await page.click('details.more > summary');
    assert.ok(await page.locator('#f-organisation').isVisible(), 'unfolded: the optional fields');
    await page.screenshot({ path: path.join(SHOTS, `portal-form-${kind}-phone-open.png`), fullPage: true });
  });
}

test('fault: a customer sends the form without unfolding the optional part', async (t) => {
  const page = await open(t, PHONE);
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${BASE}/new/fault`);
    await page.fill('#f-subject', `手机提交 ${Date.now()}`);
    await page.fill('#f-description', '打印机卡纸。');
    await page.check('input[name="impact"][value="individual"]');
    await page.check('input[name="cf_fault_kind"][value="hardware"]');
    await page.fill('#f-cf_symptoms', '第二页卡纸');
    await page.fill('#f-cf_reproduce', '连续打印两页');
    await page.fill('#f-product', 'LaserJet M607');
    await page.fill('#f-contact_name', '王小明');
    await page.fill('#f-email', 'wang.phone@example.com');
    const [r] = await Promise.all([
      page.waitForResponse((x) => x.request().method() === 'POST' && x.request().isNavigationRequest()),
      page.click('form.request button[type="submit"]'),
    ]);
    if (r.status() === 429 && attempt < 4) { await sleep(2500 * (attempt + 1)); continue; }
    assert.equal(r.status(), 303);
    break;
  }
  await page.waitForURL(/\/t\/[^/?]+\?new=1$/);
});

test('desktop: the form and the admin\'s choice of common fields', async (t) => {
  const page = await open(t, DESKTOP);
  await page.goto(`${BASE}/new/fault`);
  await page.screenshot({ path: path.join(SHOTS, 'portal-form-fault-desktop.png'), fullPage: true });
  const cred = L.credentials();
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', 'admin');
  await page.fill('#password', cred.ADMIN_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  await page.goto(`${BASE}/admin/categories/1`);
  const rows = page.locator('table.common-table tbody tr');
  assert.equal(await rows.count(), 9, 'one row per common field');
  const radio = page.getByRole('radio', { name: '影响范围: 必填' });
  assert.equal(await radio.count(), 1, 'each choice has an accessible name');
  assert.ok(await radio.isChecked(), 'a fault requires the impact');
  await page.screenshot({ path: path.join(SHOTS, 'admin-category-common.png'), fullPage: true });
});
