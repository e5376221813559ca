// Merging and linking in a browser: a supervisor links a ticket from the
// links card, then merges a duplicate into it from the merge panel; the
// old number's page opens the survivor, whose thread shows the
// duplicate's messages and files marked with the old number, and whose
// links card shows the linked ticket's number, subject and status. The
// customer's old link opens the survivor. No time is looked at.
// Screenshots for a person to look at: $DESK_ROOT/var/screenshots/merge-*.png.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/ticket_merge.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');

const FILE = 238;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const T = A.tag('MB');
const LOG = Buffer.from(`${T} 2026-11-25 10:00:01 ERROR 导出失败：连接超时\n`);

let browser, dup, keep, cause;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const customer = { name: '华东门店 王经理', email: `${T.toLowerCase()}@example.com` };
  dup = await A.createTicket({ subject: `月结报表导出失败（再次提交）${T}`, description: '第二次提交：月结报表还是导不出来，附上日志。', customer });
  keep = await A.createTicket({ subject: `月结报表导出失败 ${T}`, description: '月结报表导出时报错，12 家门店都受影响。', customer });
  cause = await A.createTicket({ subject: `报表服务升级到 5.2 ${T}`, description: '计划内升级。' });
  const up = await A.api().request('POST', `/api/v1/tickets/${dup.number}/attachments?filename=export.log`,
    { body: LOG, headers: { Authorization: `Bearer ${L.apiKey()}`, 'Content-Type': 'application/octet-stream' }, cookies: false });
  assert.equal(up.status, 201, up.body);
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(dup.number, 'claim');
  await sup.must(dup.number, 'status', { to: 'in_progress' });
  await sup.must(dup.number, 'reply', { body: '收到，正在查看日志。' });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

after(async () => { if (browser) await browser.close(); });

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

test('a supervisor links a ticket, merges the duplicate, and lands on the survivor with both threads', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', 'supervisor');
  await page.fill('#password', L.credentials().SUPERVISOR_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);

  await page.goto(`${BASE}/agent/t/${keep.number}`);
  await page.click('#links a[href="#p-link"]');
  await page.selectOption('#ln-kind', 'caused_by');
  await page.fill('#ln-other', cause.number);
  await Promise.all([page.waitForURL(/done=link/), page.click('#p-link button[type="submit"]')]);
  const link = page.locator('#links li.ticket-link', { hasText: cause.number });
  assert.match(await link.innerText(), /起因于/);
  assert.match(await link.innerText(), /报表服务升级到 5\.2/);

  await page.goto(`${BASE}/agent/t/${dup.number}`);
  await page.click('#links a[href="#p-merge"]');
  await page.fill('#mg-into', keep.number);
  await page.fill('#mg-reason', '同一客户重复提交');
  await Promise.all([page.waitForURL(new RegExp(`/agent/t/${keep.number}\\?merged_from=`)), page.click('#p-merge button[type="submit"]')]);
  assert.match(await page.locator('.merged-notice').innerText(), new RegExp(dup.number));
  const thread = page.locator('ol.thread');
  const marked = thread.locator(`.from-merged[data-from="${dup.number}"]`);
  assert.ok(await marked.count() >= 3, 'the duplicate\'s entries are marked');
  const text = await thread.innerText();
  for (const s of ['第二次提交：月结报表还是导不出来', '收到，正在查看日志。', 'export.log']) assert.ok(text.includes(s), `the thread shows ${s}`);
  await page.screenshot({ path: path.join(SHOTS, 'merge-survivor.png'), fullPage: true });
  await page.locator('#links').screenshot({ path: path.join(SHOTS, 'merge-links-card.png') });

  await page.goto(`${BASE}/agent/t/${cause.number}`);
  const back = page.locator('#links li.ticket-link', { hasText: keep.number });
  assert.match(await back.innerText(), /导致/, 'the other side, in its words');
  await page.locator('#links').screenshot({ path: path.join(SHOTS, 'merge-links-other-side.png') });
});

test('the customer\'s old link opens the survivor, saying so', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/t/${dup.token}`);
  assert.match(await page.locator('.merged-notice').innerText(), new RegExp(`${dup.number}[\\s\\S]*${keep.number}`));
  const body = await page.locator('body').innerText();
  assert.ok(body.includes('第二次提交：月结报表还是导不出来'), 'their first message is there');
  assert.ok(body.includes('12 家门店都受影响'), 'and the survivor\'s');
  await page.screenshot({ path: path.join(SHOTS, 'merge-portal.png'), fullPage: true });
});
