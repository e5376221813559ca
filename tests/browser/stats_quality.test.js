// Browser checks of the quality sections of the statistics page
// (/agent/stats): repeats, frequent problems and keywords, cross-team work
// and satisfaction render with no script error and nothing from outside;
// each chart is an SVG image with an accessible name beside a table with
// column headers; the keywords of two tickets made here through the API
// appear, their number is a link reached with the keyboard and opens the
// tickets behind it. It looks at no time (this month, whatever it is).
// The screenshot goes to $DESK_ROOT/var/screenshots/agent-stats-quality.png.
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
const WORD = `zq${Date.now().toString(36)}`; // a keyword of these tickets only
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
  for (const n of [1, 2]) {
    await apiCreate({ subject: `${WORD} 打印机无法连接 ${n}`, description: '浏览器检查', category: 'usage',
      impact: 'department', product: 'DeskPro 5', customer: { name: '质量检查客户', email: `quality-${Date.now()}-${n}@example.com` },
      fields: { question_kind: 'howto' } });
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'] });
});

after(async () => { if (browser) await browser.close(); });

test('the quality sections: charts with their tables, keywords as links', async () => {
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
  for (const [h, name] of [['h-repeat', '重复问题与重开'], ['h-frequent', '高频问题'], ['h-cross', '跨团队协作'], ['h-sat', '满意度']]) {
    assert.equal(await page.locator(`#${h}`).innerText(), name);
  }
  for (const id of ['h-repeat', 'h-frequent', 'h-terms', 'h-cross', 'h-scores']) {
    const svg = page.locator(`svg[role="img"][aria-labelledby="${id}"]`);
    assert.ok(await svg.isVisible(), `${id} chart`);
    const box = await svg.boundingBox();
    assert.ok(box.width > 200 && box.height > 40, `${id} chart drawn`);
  }
  for (const t of ['t-repeat', 't-combos', 't-terms', 't-cross', 't-satisfaction', 't-scores']) {
    assert.ok(await page.locator(`#${t} thead th[scope="col"]`).count() >= 3, `${t} headers`);
    assert.equal(await page.locator(`#${t} caption`).count(), 1, `${t} caption`);
  }
  // this month's keywords hold this run's word, in at least the two tickets
  const row = page.locator(`#t-terms tr[data-q="term.${WORD}"]`);
  await page.locator('#h-frequent').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'agent-stats-quality.png'), fullPage: true });
  if (await row.count()) { // in the top twenty unless other runs' words crowd it out
    const link = row.locator('td a.num-link').first();
    assert.ok(Number(await link.innerText()) >= 2);
    await link.focus();
    assert.equal(await link.evaluate((el) => el === document.activeElement), true);
    await Promise.all([page.waitForURL(/\/agent\/stats\/quality\/tickets\?qfig=term/), page.keyboard.press('Enter')]);
  } else {
    await page.goto(`${BASE}/agent/stats/quality/tickets?qfig=term&of=cur&term=${WORD}`);
  }
  assert.match(await page.locator('h1').innerText(), new RegExp(`含该关键词的工单 · ${WORD}`));
  assert.ok(await page.locator('table.stats-tickets tbody tr').count() >= 2, 'the tickets behind the number');
  assert.deepEqual(problems, [], 'no script errors, CSP violations or outside requests');
  await ctx.close();
});
