// A review meeting in a browser: the list filtered by kind, the meeting's
// page with its material pack, edit and cancel, and the pack itself on a
// desktop and on A4 (print emulation): the problem record and the ticket's
// thread without the workspace around them, and no contact details.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/meeting_pack.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');

const FILE = 218;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const A4 = { width: 794, height: 1123 };
const T = A.tag('MP');
const EMAIL = `${T.toLowerCase()}-kunde@example.com`;
const PHONE = '13987654321';
const ZONE = 8 * 3600;

let browser;
let id;

/** The stack's clock (other files may have moved it ahead), in seconds. */
function stackNow() {
  let off = 0;
  try { off = Number(fs.readFileSync(path.join(L.TEST_VAR, 'clock-offset'), 'utf8')) || 0; } catch { off = 0; }
  return Math.floor(Date.now() / 1000) + off;
}

async function makeMeeting() {
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  const ticket = await A.createTicket({ subject: `${T} 月度报表导出失败`, customer: { name: '华东电力 王工', email: EMAIL, phone: PHONE } });
  const agent = await A.desk('agent', L.addr(FILE, 2));
  await agent.must(ticket.number, 'claim');
  await agent.must(ticket.number, 'reply', { body: '您好，已定位为报表查询超时，今晚上线修复，明早请再试一次。' });
  await sup.page(`/agent/problems/new?tickets=${ticket.number}`);
  const made = await sup.client.post('/agent/problems/new', { form: [['csrf', sup.csrf], ['title', '月度报表导出失败（华东区）'],
    ['tickets', ticket.number], ['symptoms', '月末导出时提示“服务器错误”。'], ['impact', '华东区 12 家客户无法按时提交月报。'],
    ['why_1', '为什么导出失败？'], ['because_1', '报表查询超时。'], ['why_2', '为什么超时？'], ['because_2', '新版本查询条件未走索引。'],
    ['conclusion', '上线评审缺少性能检查。'], ['workaround', '按周分批导出。'], ['permanent_fix', '补建索引，评审加入慢查询检查。']] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const pid = Number(made.headers.location.match(/problems\/(\d+)/)[1]);
  // a month ahead of the stack's clock, 10:00 in Shanghai: well past the lead rule
  const ahead = stackNow() + 30 * 86400;
  const at = ahead - ((ahead + ZONE) % 86400) + 10 * 3600;
  const local = new Date((at + ZONE) * 1000).toISOString().slice(0, 16);
  await sup.page('/agent/meetings/new');
  const res = await sup.client.post('/agent/meetings/new', { form: [['csrf', sup.csrf], ['kind', 'review'],
    ['title', `${T} 11 月报表故障复盘会`], ['starts_at', local], ['duration', '90'], ['location', '3 楼大会议室'],
    ['agenda', '1. 问题回顾\n2. 经验分享\n3. 根因确认\n4. 改进方向'], ['problems', `PRB-${String(pid).padStart(6, '0')}`],
    ['attendees', String(A.PEOPLE.agent.id)], ['attendees', String(A.PEOPLE.pm.id)]] });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  id = Number(res.headers.location.match(/meetings\/(\d+)/)[1]);
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  await makeMeeting();
});

after(async () => {
  if (browser) await browser.close();
});

async function signedIn(t, login, password) {
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
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  return page;
}

async function noHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
}

test('the list by kind, and the meeting with its pack, edit and cancel', async (t) => {
  const page = await signedIn(t, 'supervisor', L.credentials().SUPERVISOR_PASSWORD);
  await page.goto(`${BASE}/agent/meetings?kind=review`);
  assert.equal(await page.locator('.kind-filter a[aria-current="page"]').textContent(), '复盘会议');
  assert.ok(await page.locator(`a[href="/agent/meetings/${id}"]`).first().isVisible());
  await page.screenshot({ path: path.join(SHOTS, 'meetings-list.png'), fullPage: true });
  await page.goto(`${BASE}/agent/meetings/${id}`);
  assert.equal((await page.locator('.mstatus').first().textContent()).trim(), '已安排');
  for (const href of [`/agent/meetings/${id}/pack`, `/agent/meetings/${id}/edit`])
    assert.ok(await page.locator(`.problem-steps a[href="${href}"]`).isVisible(), href);
  assert.ok(await page.locator('.meeting-cancel summary').isVisible());
  await noHorizontalScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'meeting-desktop.png'), fullPage: true });
});

test('an attendee reads the pack: the record, the ticket thread, no contact details; it prints on A4', async (t) => {
  const page = await signedIn(t, 'agent', L.credentials().AGENT_PASSWORD);
  await page.goto(`${BASE}/agent/meetings/${id}/pack`);
  assert.equal((await page.locator('.meeting-pack h1').textContent()).trim(), '会前资料');
  const text = await page.locator('.meeting-pack').innerText();
  assert.ok(text.includes('月度报表导出失败（华东区）') && text.includes('新版本查询条件未走索引'));
  assert.ok(text.includes('今晚上线修复'), 'the ticket thread');
  assert.ok(!text.includes(EMAIL) && !text.includes(PHONE), 'no contact details');
  await noHorizontalScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'meeting-pack.png'), fullPage: true });
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['header.bar', '.noprint'])
    assert.equal(await page.locator(sel).evaluateAll((els) => els.filter((e) => e.offsetParent !== null).length), 0, `${sel} is not printed`);
  await noHorizontalScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'meeting-pack-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 4, `${pages} A4 pages`);
});
