// The requirement evaluation in a browser: the product manager's form (a
// wrong effort comes back with its message and every field kept, then the
// report is sent), the customer's approval on the follow page, and one
// revision printed on A4 without the workspace around it.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/evaluation.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');

const FILE = 225;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const A4 = { width: 794, height: 1123 };
const T = A.tag('EB');

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
  x = await A.createTicket({ category: 'customisation', subject: `${T} 对接金蝶 ERP 订单与库存同步` });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  A.sharePassword('pm');
});

after(async () => {
  if (browser) await browser.close();
});

async function open(t, viewport) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
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

async function signIn(page, login, password) {
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
}

test('the product manager writes the evaluation; a wrong effort is explained, nothing typed is lost', async (t) => {
  const page = await open(t, DESKTOP);
  await signIn(page, 'pm', L.credentials().AGENT_PASSWORD);
  await page.goto(`${BASE}/agent/t/${x.number}`);
  assert.ok(await page.locator('.card-evaluation .eval-wait').isVisible(), 'the ticket says work waits for the approval');
  await page.screenshot({ path: path.join(SHOTS, 'evaluation-ticket.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/evaluation$/), page.click('.card-evaluation a.edit')]);
  await page.check('input[name=feasibility][value=partly]');
  await page.fill('#ev-reasons', '现有接口已支持订单导出；库存同步需新增接口并适配金蝶 K/3 Cloud。');
  await page.fill('#ev-effort', '十二');
  await page.fill('#ev-cycle', '20');
  await page.fill('#ev-resources', '后端开发 2 人、测试 1 人；客户提供 ERP 测试环境与接口账号');
  await page.fill('#ev-risks', '金蝶接口版本差异；客户测试环境就绪时间不确定');
  await page.fill('#ev-schedule', '第 1 周 接口设计与评审\n第 2-3 周 开发\n第 4 周 联调与验收');
  await Promise.all([page.waitForNavigation(), page.click('form.act-evaluation button[type=submit]')]);
  assert.match(await page.locator('#e-effort').textContent(), /请以人天填写工作量/);
  assert.equal(await page.inputValue('#ev-schedule'), '第 1 周 接口设计与评审\n第 2-3 周 开发\n第 4 周 联调与验收');
  assert.ok(await page.isChecked('input[name=feasibility][value=partly]'), 'the choice is kept');
  await page.screenshot({ path: path.join(SHOTS, 'evaluation-form-error.png'), fullPage: true });
  await page.fill('#ev-effort', '12.5');
  await Promise.all([page.waitForNavigation(), page.click('form.act-evaluation button[type=submit]')]);
  await page.goto(`${BASE}/agent/t/${x.number}/evaluation`);
  assert.match(await page.locator('.eval-version').first().textContent(), /版本 1[\s\S]*待客户确认[\s\S]*12\.5/);
  await page.screenshot({ path: path.join(SHOTS, 'evaluation-form.png'), fullPage: true });
});

test('the customer approves it on the follow page, on a phone', async (t) => {
  const page = await open(t, PHONE);
  await page.goto(`${BASE}/t/${x.token}`);
  assert.ok(await page.locator('section.evaluation').isVisible());
  const wide = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  assert.ok(wide, 'no sideways scrolling');
  await page.locator('section.evaluation').screenshot({ path: path.join(SHOTS, 'evaluation-portal.png') });
  await page.fill('#f-eval_name', '周杰');
  await Promise.all([page.waitForNavigation(), page.click('#form-evaluation button[value=approve]')]);
  assert.match(await page.locator('.notice.outcome').textContent(), /需求评估已批准/);
  assert.match(await page.locator('section.evaluation .eval-decision').textContent(), /已批准[\s\S]*周杰/);
  await page.screenshot({ path: path.join(SHOTS, 'evaluation-portal-approved.png'), fullPage: true });
});

test('a revision prints on A4 without the workspace', async (t) => {
  const page = await open(t, DESKTOP);
  await signIn(page, 'supervisor', L.credentials().SUPERVISOR_PASSWORD);
  await page.goto(`${BASE}/agent/t/${x.number}/evaluation`);
  await Promise.all([page.waitForURL(/\/print\?rev=1$/), page.click('#rev-1 a.print')]);
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['header.top', 'header.bar', '.queues', 'footer', '.noprint', 'button'])
    assert.equal(await page.locator(sel).evaluateAll((els) => els.filter((e) => e.offsetParent !== null || getComputedStyle(e).position === 'fixed').length), 0, `${sel} is not printed`);
  const boxes = await page.locator('.eval-print .sign-box').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.equal(boxes.length, 2);
  assert.ok(Math.abs(boxes[0] - boxes[1]) < 2, 'both signature boxes on one line');
  assert.match(await page.locator('.eval-print').textContent(), /需求评估报告[\s\S]*部分可行[\s\S]*12\.5[\s\S]*周杰/);
  await page.screenshot({ path: path.join(SHOTS, 'evaluation-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} A4 pages`);
});
