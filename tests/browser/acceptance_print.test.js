// The signed service acceptance form in a browser: readable on a phone
// without sideways scrolling, and on paper (print emulation at A4 width) a
// clean form: no site frame or buttons, the field grid in three columns,
// both signature boxes side by side, on no more than two A4 pages. The
// agents' copy prints the same way without the workspace around it.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/acceptance_print.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');

const FILE = 246;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const A4 = { width: 794, height: 1123 }; // 210 x 297 mm at 96 dpi
const T = A.tag('AP');

let browser;
let x;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  x = await A.createTicket({
    subject: `${T} 打印机卡纸无法出纸`, product: 'LaserJet M607',
    customer: { name: '王小明', email: `ap-${T.toLowerCase()}@example.com`, organisation: '上海示例贸易有限公司' },
  });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'work', { kind: 'backup', text: '更换前备份打印机配置', old_serial: '', new_serial: '' });
  await sup.must(x.number, 'work', { kind: 'part_replaced', text: '更换定影组件', old_serial: 'FU-OLD-001', new_serial: 'FU-NEW-778' });
  await sup.must(x.number, 'status', { to: 'resolved', reason: '已更换定影组件，打印测试 50 页正常' });
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${x.token}`);
  const res = await c.post(`/t/${x.token}/accept`, { form: { csrf: L.hidden(page.body, 'csrf'), result: 'accepted', remarks: '现场验收通过', signed_name: '王小明' } });
  assert.equal(res.status, 303);
});

after(async () => {
  if (browser) await browser.close();
});

async function open(t, viewport, locale = 'zh-CN') {
  const ctx = await browser.newContext({ viewport, locale });
  if (locale === 'en') await ctx.addCookies([{ name: 'lang', value: 'en', url: BASE }]);
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

async function noHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
}

/* On paper: no frame, the grid in three columns, the signatures side by side. */
async function printsCleanly(page, name) {
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['header.top', 'header.bar', '.queues', 'footer', '.noprint', 'button'])
    assert.equal(await page.locator(sel).evaluateAll((els) => els.filter((e) => e.offsetParent !== null || getComputedStyle(e).position === 'fixed').length), 0, `${sel} is not printed`);
  await noHorizontalScroll(page);
  const cols = await page.locator('.signed-form .doc-grid').evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
  assert.equal(cols, 3, 'the fields in three columns');
  const boxes = await page.locator('.signed-form .sign-box').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.equal(boxes.length, 2);
  assert.ok(Math.abs(boxes[0] - boxes[1]) < 2, 'both signature boxes on one line');
  await page.screenshot({ path: path.join(SHOTS, `${name}-print.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} A4 pages`);
  fs.writeFileSync(path.join(SHOTS, `${name}.pdf`), pdf);
}

test('on a phone the signed form reads without sideways scrolling', async (t) => {
  const page = await open(t, PHONE);
  await page.goto(`${BASE}/t/${x.token}/acceptance`);
  assert.ok(await page.locator('article.signed-form').isVisible());
  await noHorizontalScroll(page);
  assert.ok(await page.locator('.doc-work tr.work-part_replaced').isVisible());
  await page.screenshot({ path: path.join(SHOTS, 'acceptance-phone.png'), fullPage: true });
});

test('the customer prints it on A4', async (t) => {
  const page = await open(t, DESKTOP);
  await page.goto(`${BASE}/t/${x.token}/acceptance`);
  assert.ok(await page.locator('button[data-print]').isVisible(), 'a print button with JavaScript on');
  await page.screenshot({ path: path.join(SHOTS, 'acceptance-desktop.png'), fullPage: true });
  await printsCleanly(page, 'acceptance');
});

test('in English, and from the workspace, it prints the same', async (t) => {
  const page = await open(t, DESKTOP, 'en');
  await page.goto(`${BASE}/t/${x.token}/acceptance`);
  assert.equal((await page.locator('.signed-form h1').textContent()).trim(), 'Service acceptance form');
  await page.screenshot({ path: path.join(SHOTS, 'acceptance-desktop-en.png'), fullPage: true });
  const agent = await open(t, DESKTOP);
  await agent.goto(`${BASE}/agent/login`);
  await agent.fill('#login', 'supervisor');
  await agent.fill('#password', L.credentials().SUPERVISOR_PASSWORD);
  await Promise.all([agent.waitForNavigation(), agent.click('form button[type="submit"]')]);
  await agent.goto(`${BASE}/agent/t/${x.number}`);
  await Promise.all([agent.waitForURL(/\/acceptance$/), agent.click('.archived-form a')]);
  await agent.screenshot({ path: path.join(SHOTS, 'acceptance-agent.png'), fullPage: true });
  await printsCleanly(agent, 'acceptance-agent');
});
