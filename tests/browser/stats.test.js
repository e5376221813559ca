// Browser checks of the statistics page (/agent/stats) in Debian's headless
// Chromium: it renders with no script error or CSP violation and nothing
// from outside, each chart is an SVG image with an accessible name beside a
// table of its numbers with column and row headers, every number is a link
// reached with the keyboard, the first opens the tickets behind it, and the
// print view leaves the filters and export links out; the workbook link
// downloads the whole report as an .xlsx file. The sections of every SLA
// clock, of the time in each status and, for a supervisor, per agent are
// there with their tables, the filter bar offers product, organisation,
// customer tag and agent, and the screen's styles are in force. It creates two
// tickets through the API, so this month has figures; it looks at no time.
// The screenshot goes to $DESK_ROOT/var/screenshots/agent-stats.png.
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
const API_ADDRESS = `127.249.${Math.floor(Math.random() * 250) + 1}.1`;
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
  for (const [category, fields] of [['usage', { question_kind: 'howto' }],
    ['fault', { fault_kind: 'software', symptoms: '导出失败', reproduce: '1. 打开 2. 导出' }]]) {
    await apiCreate({ subject: `统计页浏览器检查 ${category}`, description: '浏览器检查', category, impact: 'department', product: 'DeskPro 5',
      customer: { name: '统计检查客户', email: `stats-${Date.now()}-${category}@example.com` }, fields });
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'] });
});

after(async () => { if (browser) await browser.close(); });

test('the statistics page: charts with their tables, numbers as links, printable', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
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
  await page.click('a.t-stats');
  await page.waitForURL(/\/agent\/stats$/);
  assert.equal(await page.locator('h1').innerText(), '统计分析');
  // the created figure of this month counts the two tickets made above
  const created = Number(await page.locator('tr[data-fig="created"] td').first().innerText());
  assert.ok(created >= 2, `created ${created}`);
  // each chart an image with a name, beside a table with headers
  for (const id of ['h-trend', 'h-sla', 'h-status']) {
    const svg = page.locator(`svg[role="img"][aria-labelledby="${id}"]`);
    assert.ok(await svg.isVisible(), `${id} chart`);
    const box = await svg.boundingBox();
    assert.ok(box.width > 300 && box.height > 40, `${id} chart drawn`);
  }
  assert.ok(await page.locator('#t-daily thead th[scope="col"]').count() >= 3);
  assert.ok(await page.locator('#t-volume tbody th[scope="row"]').count() === 5);
  assert.ok(await page.locator('#t-category caption').count() === 1);
  assert.equal(await page.locator('#t-sla tbody tr').count(), 18, 'six clocks, three periods each');
  assert.equal(await page.locator('#t-status tbody th[scope="row"]').count(), 10);
  assert.ok(await page.locator('#t-agents thead th[scope="col"]').count() >= 7, 'per agent, for a supervisor');
  for (const name of ['product', 'organisation', 'tag', 'agent']) {
    assert.ok(await page.locator(`form.stats-filters select[name="${name}"]`).isVisible(), `filter ${name}`);
  }
  // the screen's styles: the figures are cards in a grid, not bare text
  assert.equal(await page.locator('.kpis').evaluate((el) => getComputedStyle(el).display), 'grid');
  // numbers are links, reached with the keyboard
  const link = page.locator('tr[data-fig="created"] td a.num-link').first();
  await link.focus();
  assert.equal(await link.evaluate((el) => el === document.activeElement), true);
  await page.screenshot({ path: path.join(SHOTS, 'agent-stats.png'), fullPage: true });
  // the whole report as a workbook (a zip file), downloaded from the page
  const xlsx = page.locator('a.button.xlsx');
  assert.equal((await xlsx.innerText()).trim(), '下载 Excel 报表');
  const [download] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
  assert.match(download.suggestedFilename(), /^stats-report-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.xlsx$/);
  assert.equal(fs.readFileSync(await download.path()).subarray(0, 2).toString('latin1'), 'PK');
  // print: no filters or export links
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('form.stats-filters').isVisible(), false);
  assert.equal(await page.locator('.section-head .csv').first().isVisible(), false);
  assert.equal(await page.locator('a.button.xlsx').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await Promise.all([page.waitForURL(/\/agent\/stats\/tickets\?fig=created/), link.click()]);
  assert.ok(await page.locator('table.stats-tickets tbody tr').count() >= 2, 'the tickets behind the number');
  assert.deepEqual(problems, [], 'no script errors, CSP violations or outside requests');
  await ctx.close();
});
