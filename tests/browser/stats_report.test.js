// Browser checks of the after-sales analysis report (/agent/stats/reports/ID)
// in Debian's headless Chromium: saved from the statistics page with its
// button, it renders with no script error or CSP violation and nothing from
// outside; the analyst's conclusions are written and kept with their line
// breaks; on paper (print emulation, A4) the workspace around it, the tools
// and the form are gone, each sheet ends in a page break, the charts are
// drawn and the signature line is there; the report is in the list. It
// creates a ticket through the API, so this month has figures; it looks at
// no time. Screenshots: $DESK_ROOT/var/screenshots/agent-stats-report.png
// (screen) and agent-stats-report-a4.png (print, A4 width).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE = (process.env.DESK_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ROOT = process.env.DESK_ROOT || path.resolve(__dirname, '..', '..');
const VAR = process.env.DESK_TEST_VAR || path.join(ROOT, 'var');
const SHOTS = path.join(ROOT, 'var', 'screenshots');
const CHROMIUM = process.env.DESK_CHROMIUM || '/usr/bin/chromium';
const API_ADDRESS = `127.248.${Math.floor(Math.random() * 250) + 1}.1`;
const A4 = { width: 794, height: 1123 }; // 210 x 297 mm at 96 dpi
let browser;
let cred;

function credentials() {
  const out = {};
  for (const line of fs.readFileSync(path.join(VAR, 'dev-credentials'), 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

function apiCreate(body) {
  const data = Buffer.from(JSON.stringify(body));
  const url = new URL(`${BASE}/api/v1/tickets`);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      localAddress: API_ADDRESS, headers: { 'Content-Type': 'application/json', 'Content-Length': data.length,
        Authorization: `Bearer ${cred.API_KEY}` } }, (res) => {
      let s = '';
      res.on('data', (c) => { s += c; });
      res.on('end', () => (res.statusCode === 201 ? resolve(JSON.parse(s)) : reject(new Error(`${res.statusCode} ${s}`))));
    });
    req.on('error', reject);
    req.end(data);
  });
}

before(async () => {
  cred = credentials();
  fs.mkdirSync(SHOTS, { recursive: true });
  await apiCreate({ subject: '分析报告浏览器检查', description: '浏览器检查', category: 'usage', impact: 'department',
    product: 'DeskPro 5', customer: { name: '报告检查客户', email: `report-${Date.now()}@example.com` },
    fields: { question_kind: 'howto' } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'] });
});

after(async () => { if (browser) await browser.close(); });

test('the analysis report: saved from the statistics page, concluded, printed on A4', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(BASE)) problems.push(`outside request: ${r.url()}`); });
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', cred.SUPERVISOR_USER);
  await page.fill('#password', cred.SUPERVISOR_PASSWORD);
  await Promise.all([page.waitForURL(/\/agent\/q\/\w+/), page.click('form button[type="submit"]')]);
  await page.goto(`${BASE}/agent/stats`);
  const live = Number(await page.locator('tr[data-fig="created"] td').first().innerText());
  assert.ok(live >= 1, `created ${live}`);
  await Promise.all([page.waitForURL(/\/agent\/stats\/reports\/\d+\?done=made$/), page.click('form.stats-save button')]);
  assert.equal(await page.locator('h1').innerText(), '售后问题分析报告');
  assert.equal(await page.locator('#t-volume tr[data-row="created"] td').first().innerText(), String(live));
  for (const id of ['h-trend', 'h-sla', 'h-status']) {
    const box = await page.locator(`svg[role="img"][aria-labelledby="${id}"]`).boundingBox();
    assert.ok(box && box.width > 300 && box.height > 40, `${id} chart drawn`);
  }
  await page.fill('#f-conclusions', '一、本月工单量平稳，使用咨询占多数。\n二、首次响应超时集中在夜间，建议增加夜班值守。\n三、下月复盘会议跟进知识库补充。');
  await page.check('input[name="status"][value="final"]');
  await Promise.all([page.waitForURL(/done=saved/), page.click('form.conclusions-form button[type="submit"]')]);
  const kept = await page.locator('#conclusions-text').innerText();
  assert.equal(kept.split('\n').length, 3, 'line breaks kept');
  assert.ok(await page.locator('button[data-print]').isVisible(), 'the print button');
  await page.screenshot({ path: path.join(SHOTS, 'agent-stats-report.png'), fullPage: true });

  // on paper: A4 sheets, nothing of the workspace around them
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['header.bar', 'nav.queues', '.report-tools', 'form.conclusions-form']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} not printed`);
  }
  assert.ok(await page.locator('.signature').isVisible(), 'the signature line');
  const breaks = await page.locator('.report .sheet').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
  assert.ok(breaks.length >= 3, 'sheets');
  assert.deepEqual(breaks.slice(0, -1), breaks.slice(0, -1).map(() => 'page'), 'a page break after each sheet');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= A4.width, `no sideways overflow on A4 (${width})`);
  await page.screenshot({ path: path.join(SHOTS, 'agent-stats-report-a4.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // the list holds it
  const id = page.url().match(/reports\/(\d+)/)[1];
  await page.goto(`${BASE}/agent/stats/reports`);
  assert.ok(await page.locator(`tr[data-snapshot="${id}"]`).isVisible());
  assert.deepEqual(problems, [], 'no script errors, CSP violations or outside requests');
  await ctx.close();
});
