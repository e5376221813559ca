// A problem record (根因分析报告) in a browser: reached from its ticket's
// page, read on a desktop as the paper form it replaces (the 5-Why chain
// ending in the root cause, the fishbone with its six bones around the spine,
// the responsibility ticks, signature lines), its edit form, and on A4 (print
// emulation) a clean form without the workspace around it, the field grid in
// three columns, both signature boxes side by side, at most two pages.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/problem_record.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');

const FILE = 141;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const A4 = { width: 794, height: 1123 }; // 210 x 297 mm at 96 dpi
const T = A.tag('PB');

let browser;
let ticket;
let id;

/** A whole analysis, made over HTTP as the supervisor. */
async function makeRecord() {
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  ticket = await A.createTicket({ subject: `${T} 月度报表导出失败`, product: 'DeskPro 5' });
  await sup.page(`/agent/problems/new?tickets=${ticket.number}`);
  const form = [['csrf', sup.csrf], ['title', '月度报表导出失败（华东区）'], ['tickets', ticket.number],
    ['symptoms', '客户在月末导出月度报表时页面提示“服务器错误”，重试仍失败。'],
    ['impact', '华东区 12 家客户无法按时提交月报；其中 2 家为 VIP 客户。'],
    ['timeline', '12-01 09:12 客户首次报障\n12-01 09:40 工程师复现\n12-01 11:05 临时改为分批导出\n12-02 16:30 索引上线，恢复正常'],
    ['why_1', '为什么导出失败？'], ['because_1', '导出服务调用报表查询超时（30 秒）。'],
    ['why_2', '为什么查询超时？'], ['because_2', '月末数据量翻倍，查询没有走索引，全表扫描。'],
    ['why_3', '为什么没有索引？'], ['because_3', '新版本调整了查询条件，索引未同步调整。'],
    ['why_4', '为什么上线前没发现？'], ['because_4', '上线评审没有慢查询与性能检查项。'],
    ['f_people', '新人不熟悉慢查询排查\n值班工程师未及时升级'], ['f_machine', '报表库磁盘 IO 饱和'],
    ['f_material', '测试数据量远小于生产'], ['f_method', '上线评审无性能检查项\n无回滚预案'],
    ['f_environment', '月末业务高峰'], ['f_measurement', '没有导出耗时的监控告警'],
    ['responsibility', 'process_gap'], ['responsibility', 'system_defect'], ['party', 'internal'],
    ['conclusion', '根本原因是上线评审缺少性能检查，导致查询条件调整后索引失效未被发现。'],
    ['workaround', '按周分批导出，客服主动告知客户。'],
    ['permanent_fix', '补建复合索引；上线评审清单加入慢查询检查；导出耗时超过 10 秒告警。'],
    ['participants', String(A.PEOPLE.agent.id)], ['participants', String(A.PEOPLE.pm.id)]];
  const res = await sup.client.post('/agent/problems/new', { form });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  id = Number(res.headers.location.match(/problems\/(\d+)/)[1]);
  await sup.page(`/agent/problems/${id}`);
  const sub = await sup.client.post(`/agent/problems/${id}/act`, { form: { csrf: sup.csrf, action: 'submit' } });
  assert.equal(sub.status, 303);
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  await makeRecord();
});

after(async () => {
  if (browser) await browser.close();
});

async function signedIn(t, locale = 'zh-CN') {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale });
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
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', 'supervisor');
  await page.fill('#password', L.credentials().SUPERVISOR_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  return page;
}

async function noHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
}

test('from the ticket page to its problem record, read as a form on a desktop', async (t) => {
  const page = await signedIn(t);
  await page.goto(`${BASE}/agent/t/${ticket.number}`);
  const link = page.locator(`.card-problems a[href="/agent/problems/${id}"]`);
  assert.ok(await link.isVisible(), 'the ticket page shows its problem');
  await Promise.all([page.waitForURL(new RegExp(`/agent/problems/${id}$`)), link.click()]);
  assert.equal((await page.locator('.problem-doc h1').textContent()).trim(), '根因分析报告');
  await noHorizontalScroll(page);
  // the chain ends in the root cause, drawn apart
  const steps = page.locator('.why-chain .why-step');
  assert.equal(await steps.count(), 4);
  assert.ok((await page.locator('.why-root .why-a').textContent()).includes('上线评审没有慢查询'));
  // the fishbone: 人 机 料 above the spine, 法 环 测 below, the head at the right
  const box = async (sel) => page.locator(sel).boundingBox();
  const [people, method, spine, head] = [await box('.bone-people'), await box('.bone-method'), await box('.spine'), await box('.fish-head')];
  assert.ok(people.y + people.height <= spine.y + 4 && method.y >= spine.y - 4, 'bones on both sides of the spine');
  assert.ok(head.x >= spine.x + spine.width - 4, 'the head at the end of the spine');
  // the next step of a supervisor on a record in review is the most visible button
  assert.ok(await page.locator('.problem-steps form.act-confirm button.primary').isVisible());
  await page.screenshot({ path: path.join(SHOTS, 'problem-desktop.png'), fullPage: true });
});

test('the edit form holds the whole analysis', async (t) => {
  const page = await signedIn(t);
  await page.goto(`${BASE}/agent/problems/${id}/edit`);
  assert.equal(await page.inputValue('#f-because_4'), '上线评审没有慢查询与性能检查项。');
  assert.ok((await page.inputValue('#f-f_method')).includes('无回滚预案'));
  assert.ok(await page.isChecked('input[name="responsibility"][value="process_gap"]'));
  assert.ok(await page.isChecked(`input[name="participants"][value="${A.PEOPLE.pm.id}"]`));
  await noHorizontalScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'problem-edit.png'), fullPage: true });
});

test('it prints on A4 as a clean form, in Chinese and in English', async (t) => {
  for (const locale of ['zh-CN', 'en']) {
    const page = await signedIn(t, locale);
    await page.goto(`${BASE}/agent/problems/${id}`);
    if (locale === 'en') assert.equal((await page.locator('.problem-doc h1').textContent()).trim(), 'Problem record');
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['header.bar', '.queues', '.noprint', 'button'])
      assert.equal(await page.locator(sel).evaluateAll((els) => els.filter((e) => e.offsetParent !== null).length), 0, `${sel} is not printed`);
    await noHorizontalScroll(page);
    const cols = await page.locator('.problem-doc .doc-grid').evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
    assert.equal(cols, 3, 'the fields in three columns');
    const boxes = await page.locator('.problem-doc .sign-box').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    assert.equal(boxes.length, 2);
    assert.ok(Math.abs(boxes[0] - boxes[1]) < 2, 'both signature boxes on one line');
    const name = locale === 'en' ? 'problem-en' : 'problem';
    await page.screenshot({ path: path.join(SHOTS, `${name}-print.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 2, `${pages} A4 pages`);
    fs.writeFileSync(path.join(SHOTS, `${name}.pdf`), pdf);
  }
});
