// The temporary workaround in a browser, under the movable clock: a
// complaint falls under the admins' rule and shows its "workaround within
// 1 working day" clock on the ticket page, as a badge in the queue and on
// the customer's follow page; the supervisor sends the workaround from the
// ticket's card and the customer reads it. Screenshots for a person to look
// at: $DESK_ROOT/var/screenshots/workaround-*.png.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/workaround.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');
const C = require('../http/clock');
const { reloadConfig } = require('../http/routing_lib');

C.useTestInstant();

const FILE = 234;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const T = A.tag('WB');

let browser;
let admin;
let x; // the complaint

async function saveRule(categories) {
  await admin.page('/admin/workaround');
  const form = [['csrf', admin.csrf], ...categories.map((c) => ['categories', c])];
  assert.equal((await admin.client.post('/admin/workaround', { form })).status, 303);
  reloadConfig();
  await new Promise((r) => setTimeout(r, 300));
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  admin = await A.desk('admin', L.addr(FILE, 1));
  await saveRule(['complaint']);
  const sup = await A.desk('supervisor', L.addr(FILE, 2));
  x = await A.createTicket({ category: 'complaint', subject: `门店收银系统频繁掉线，投诉处理进度 ${T}`,
    customer: { name: '李晓华', email: `wb-${T.toLowerCase()}@example.com`, organisation: '杭州示例连锁超市' } });
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (admin) await saveRule([]);
});

async function open(t) {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'document' && r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  t.after(async () => {
    await ctx.close();
    assert.deepEqual(problems, [], 'no script errors, CSP violations or missing resources');
  });
  return page;
}

test('the clock on the queue and the ticket page; the workaround sent from its card', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', 'supervisor');
  await page.fill('#password', L.credentials().SUPERVISOR_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  await page.goto(`${BASE}/agent/q/mine`);
  const row = page.locator('table tbody tr', { hasText: x.number });
  await row.waitFor();
  const badge = row.locator('.wa-badge');
  assert.ok(await badge.isVisible(), 'the queue row shows the workaround badge');
  assert.match(await badge.innerText(), /临.*剩余/, 'with the time left');
  await page.screenshot({ path: path.join(SHOTS, 'workaround-queue.png'), fullPage: true });

  await Promise.all([page.waitForURL(/\/agent\/t\//), row.locator('td.num a').click()]);
  const clocks = await page.locator('.card-clocks').innerText();
  assert.match(clocks, /临时方案/, 'among the clocks');
  assert.ok(await page.locator('.wa-clock').isVisible(), 'beside the next steps');
  const card = page.locator('#workaround');
  assert.match(await card.innerText(), /尚未发送临时解决方案/);
  await page.screenshot({ path: path.join(SHOTS, 'workaround-ticket.png'), fullPage: true });

  const customer = await page.context().newPage();
  await customer.goto(`${BASE}/t/${x.token}`);
  assert.match(await customer.locator('section.workaround-notice').innerText(), /我们将在此时间前向您提供临时解决方案/,
    'the follow page says by when');
  await customer.screenshot({ path: path.join(SHOTS, 'workaround-portal-due.png'), fullPage: true });
  await customer.close();

  await card.locator('a[href="#p-workaround"]').click();
  await page.fill('#wa-measures', '在收银台启用离线收银模式，网络恢复后自动补传交易；我方工程师已远程调整心跳间隔。');
  await page.fill('#wa-comp', '免除本月服务费的 20%。');
  await page.fill('#wa-fix', '2030-01-15T18:00');
  await page.locator('#p-workaround').screenshot({ path: path.join(SHOTS, 'workaround-form.png') });
  await Promise.all([page.waitForURL(/done=workaround/), page.click('#p-workaround button[type="submit"]')]);
  const sent = await page.locator('#workaround').innerText();
  assert.match(sent, /离线收银模式/);
  assert.match(sent, /按时发送/);
  await page.screenshot({ path: path.join(SHOTS, 'workaround-sent.png'), fullPage: true });
});

test('the customer reads the workaround on the follow page', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/t/${x.token}`);
  const box = page.locator('section.workaround-notice');
  const text = await box.innerText();
  assert.match(text, /离线收银模式/);
  assert.match(text, /免除本月服务费/);
  assert.match(text, /2030-01-15 18:00/);
  await page.screenshot({ path: path.join(SHOTS, 'workaround-portal.png'), fullPage: true });
});
