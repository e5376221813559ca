// Browser checks of the agent workspace: Debian's headless Chromium driven by
// playwright-core (tests/browser/setup.sh installs it), the same way as
// portal.test.js. Screenshots for a person to look at go to
// $DESK_ROOT/var/screenshots/agent-*.png.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/agent.test.js
//
// Setup only (never to check results): tickets through the JSON API, and a
// little SQL on the stack's MariaDB to tag customers (VIP, 高频投诉) and to
// move one ticket's deadlines into the past so a breached chip shows. The
// chips it checks are of tickets made here (an urgent one on the 7x24
// calendar two hours overdue, an important one just made): the same at any
// hour, so it runs at real time.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');

const BASE = (process.env.DESK_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ROOT = process.env.DESK_ROOT || path.resolve(__dirname, '..', '..');
const VAR = process.env.DESK_TEST_VAR || path.join(ROOT, 'var');
const SHOTS = path.join(ROOT, 'var', 'screenshots');
const CHROMIUM = process.env.DESK_CHROMIUM || '/usr/bin/chromium';
const DESKTOP = { width: 1280, height: 900 };
const RUN = Date.now().toString(36);
// API requests from a loopback address of their own (nginx limits POSTs per address)
const API_ADDRESS = `127.250.${Math.floor(Math.random() * 250) + 1}.1`;

let browser;
let cred;
// time left or over: days and hours past a day, hours and minutes below
const SPAN = String.raw`(\d+ 天( \d+ 小时)?|\d+ 小时( \d+ 分)?|\d+ 分)`;
const SPAN_LEFT = new RegExp(`^剩余 ${SPAN}$`);
const SPAN_OVER = new RegExp(`^超时 ${SPAN}$`);
const T = {}; // the tickets made for these checks: {number, subject}

/* ---- setup helpers -------------------------------------------------------- */

function credentials() {
  const out = {};
  for (const line of fs.readFileSync(path.join(VAR, 'dev-credentials'), 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

function setupSql(statement) {
  return execFileSync('mariadb', ['--no-defaults', `--socket=${path.join(VAR, 'run', 'mysqld.sock')}`,
    '-uroot', '-N', '-B', 'desk', '-e', statement], { encoding: 'utf8' });
}

function apiCreate(body) {
  const data = Buffer.from(JSON.stringify(body));
  const url = new URL(`${BASE}/api/v1/tickets`);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: API_ADDRESS,
      headers: { 'Content-Type': 'application/json', 'Content-Length': data.length, Authorization: `Bearer ${cred.API_KEY}` },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        if (res.statusCode !== 201) reject(new Error(`API create: ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function ticket(key, category, impact, subject, customer, fields) {
  const j = await apiCreate({
    subject, category, impact, fields, product: '云财务 ERP',
    description: `客户来电反映：${subject}。\n已确认影响日常工作，请尽快处理。`,
    customer: { name: customer, email: `bt-${RUN}-${key}@example.com` },
  });
  T[key] = { number: j.number, subject };
}

function number(n) {
  if (!/^[0-9A-Za-z-]+$/.test(n)) throw new Error(`odd ticket number ${n}`);
  return n;
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  cred = credentials();
  // a few tickets of every kind and priority (impact company..none = urgent..low)
  await ticket('reply', 'fault', 'company', '财务月结报表导出报错 500', '王小明',
    { fault_kind: 'software', symptoms: '点击“导出”后页面显示 Internal Server Error。', reproduce: '1. 登录\n2. 报表 → 月度报表\n3. 点击导出' });
  await ticket('claim', 'usage', 'department', '如何批量导入客户资料', '李娜', { question_kind: 'howto' });
  await ticket('request', 'fault', 'individual', '扫码枪无法识别条码', '陈刚',
    { fault_kind: 'hardware', symptoms: '扫描任何条码都没有反应', reproduce: '仓库 3 号工位扫描入库单' });
  await ticket('complaint', 'complaint', 'none', '工程师上门迟到两小时', '赵丽',
    { complaint_kind: 'slow', event_time: '2026-01-05T10:30' });
  await ticket('custom', 'customisation', 'department', '对接金蝶 ERP 订单同步', '周杰',
    { request_kind: 'integration', business_goal: '订单自动同步到 ERP' });
  await ticket('next', 'fault', 'department', '打印机驱动升级后无法打印', '吴敏',
    { fault_kind: 'software', symptoms: '升级驱动后所有打印任务卡在队列中', reproduce: '1. 升级驱动到 4.0\n2. 打印任意文档' });
  // setup: tags on two customers, one ticket past its deadlines, and the
  // supervisor and the agent free of earlier failed sign-ins
  setupSql(`INSERT IGNORE INTO customer_tags (customer_id, tag_id, source, created_at)
    SELECT t.customer_id, g.id, 'manual', UTC_TIMESTAMP() FROM tickets t, tags g
    WHERE (t.number = '${number(T.reply.number)}' AND g.code = 'vip')
       OR (t.number = '${number(T.claim.number)}' AND g.code = 'frequent_complainer')`);
  setupSql(`UPDATE tickets SET created_at = created_at - INTERVAL 2 HOUR,
    classify_due_at = classify_due_at - INTERVAL 2 HOUR, first_response_due_at = first_response_due_at - INTERVAL 2 HOUR,
    resolution_due_at = resolution_due_at - INTERVAL 2 HOUR, next_due_at = next_due_at - INTERVAL 2 HOUR
    WHERE number = '${number(T.reply.number)}'`);
  setupSql(`DELETE FROM signin_throttle WHERE login IN ('supervisor', 'agent')`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic',
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
});

/* ---- page helpers ----------------------------------------------------------- */

/* A fresh context per test: its own cookies. Any page error, CSP violation
 * or failed subresource fails the test that caused it. */
async function open(t, opts = {}) {
  const { viewport = DESKTOP, ...rest } = opts;
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', ...rest });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'document' && r.status() >= 400)
      problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // a download (the CSV) or a navigation replaced by the next one is not a failure
    if (!/ERR_ABORTED/.test((r.failure() || {}).errorText || '')) problems.push(`request failed: ${r.url()}`);
  });
  t.after(async () => {
    await ctx.close();
    assert.deepEqual(problems, [], 'no script errors or CSP violations');
  });
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `agent-${name}.png`), fullPage: true });
}

/** Signs in through the login form; resolves on the first queue page. */
async function signIn(page, who = 'supervisor') {
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', cred[`${who.toUpperCase()}_USER`] || who);
  await page.fill('#password', cred[`${who.toUpperCase()}_PASSWORD`]);
  await Promise.all([page.waitForURL(/\/agent\/q\/\w+/), page.click('form button[type="submit"]')]);
}

async function rgb(locator, prop) {
  const v = await locator.evaluate((el, p) => getComputedStyle(el)[p], prop);
  const m = v.match(/\d+(\.\d+)?/g);
  assert.ok(m && m.length >= 3, `${prop} is ${v}`);
  return m.slice(0, 3).map(Number);
}

/* WCAG contrast ratio of two sRGB colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function flash(page) {
  const f = page.locator('main .flash[role="status"]');
  assert.ok(await f.isVisible(), 'a confirmation at the top');
  const box = await f.boundingBox();
  const main = await page.locator('main').boundingBox();
  assert.ok(box.y - main.y < 40, `the confirmation is at the top of the page (${box.y - main.y}px down)`);
  return (await f.textContent()).replace(/\s+/g, ' ').trim();
}

/* Neither the page nor its table needs a horizontal scroll bar. */
async function noHorizontalScroll(page) {
  const { scroll, client, table } = await page.evaluate(() => {
    const t = document.querySelector('.table-wrap');
    return {
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      table: t ? [t.scrollWidth, t.clientWidth] : [0, 0],
    };
  });
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
  assert.ok(table[0] <= table[1] + 1, `the table is ${table[0]}px wide in ${table[1]}px`);
}

/* ---- the checks ----------------------------------------------------------- */

test('sign in as the supervisor through the login form', async (t) => {
  const page = await open(t);
  const res = await page.goto(`${BASE}/agent/q/mine`);
  assert.equal(res.status(), 200);
  assert.match(page.url(), /\/agent\/login\?back=/, 'a signed-out visitor is sent to the login form');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  for (const id of ['login', 'password'])
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `#${id} has a label`);
  assert.equal(await page.locator('#password').getAttribute('type'), 'password');
  await shot(page, 'login');

  // a wrong password is answered on the same form, the login kept
  await page.fill('#login', cred.SUPERVISOR_USER);
  await page.fill('#password', 'not-the-password');
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.click('form button[type="submit"]')]);
  assert.match(await page.locator('.alert[role="alert"]').textContent(), /不正确/);
  assert.equal(await page.inputValue('#login'), cred.SUPERVISOR_USER);

  await page.fill('#password', cred.SUPERVISOR_PASSWORD);
  await Promise.all([page.waitForURL(/\/agent\/q\/mine$/), page.click('form button[type="submit"]')]);
  // the top bar: product name, global search, the signed-in person
  assert.match(await page.locator('header.bar .brand').textContent(), /\S/);
  assert.ok(await page.locator('header.bar form[role="search"] input#q').isVisible());
  assert.equal(await page.locator('label[for="q"]').count(), 1, 'the search has a label');
  assert.match(await page.locator('header.bar .who-name').textContent(), /\S/);
  assert.equal((await page.locator('header.bar .role').textContent()).trim(), '主管');
  const cookies = await page.context().cookies();
  const sid = cookies.find((c) => c.name === 'sid');
  assert.ok(sid && sid.httpOnly, 'the session cookie is HttpOnly');
});

test('queue page: the queue column with counts and a dense table', async (t) => {
  const page = await open(t);
  await signIn(page);
  await page.goto(`${BASE}/agent/q/unassigned`);
  // the left column: every queue with its count, the current one marked
  const items = page.locator('nav.queues a.q');
  assert.ok(await items.count() >= 7, 'at least seven queues');
  for (const text of await items.allTextContents())
    assert.match(text.replace(/\s+/g, ' ').trim(), /^\S.* \d+\+?$/, `a queue with its count: ${text}`);
  for (const name of ['待认领', '我的工单', '待签收', '即将超时', '已超时', '等待客户', '团队队列'])
    assert.equal(await items.filter({ hasText: name }).count(), 1, name);
  const current = page.locator('nav.queues a[aria-current="page"]');
  assert.match(await current.textContent(), /待认领/);
  assert.ok(Number((await current.locator('.count').textContent()).replace(/\D/g, '')) >= 4);

  // the table: one dense row per ticket
  const table = page.locator('table.queue');
  const heads = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
  assert.deepEqual(heads, ['编号', '主题', '客户', '类型', '优先级', '状态', '负责人', '下一时限']);
  const rows = table.locator('tbody tr');
  assert.ok(await rows.count() >= 5);
  const heights = await rows.evaluateAll((trs) => trs.slice(0, 10).map((tr) => tr.getBoundingClientRect().height));
  for (const h of heights) assert.ok(h <= 44, `a dense row, ${h}px tall`);
  const font = await rows.first().locator('td.num a').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /mono|Menlo|Consolas/i, `the number is in a monospace font: ${font}`);

  // most urgent first: the minutes left never go down the page
  const left = await rows.evaluateAll((trs) => trs.map((tr) => {
    const c = tr.querySelector('.sla[data-left]');
    return c ? Number(c.getAttribute('data-left')) : Infinity;
  }));
  for (let i = 1; i < left.length; i++) assert.ok(left[i] >= left[i - 1], `row ${i + 1} is not more urgent than row ${i}`);
  for (const [code, name] of [['urgent', '紧急'], ['important', '重要'], ['general', '一般'], ['low', '低']]) {
    const b = page.locator(`table.queue .badge.prio-${code}`);
    if (await b.count() === 0) continue; // not every priority is on the first page
    assert.equal((await b.first().textContent()).trim(), name);
  }
  await noHorizontalScroll(page);
  await shot(page, 'queue');

  // our urgent, breached ticket of a VIP customer
  await page.goto(`${BASE}/agent/q/unassigned?q=${encodeURIComponent(T.reply.number)}`);
  const mine = page.locator('table.queue tbody tr');
  assert.equal(await mine.count(), 1);
  const badge = mine.locator('.badge.prio-urgent');
  assert.equal((await badge.textContent()).trim(), '紧急');
  const [r, g, b] = await rgb(badge, 'backgroundColor');
  assert.ok(r > 150 && g < 90 && b < 60, `紧急 is red, got ${r},${g},${b}`);
  assert.ok(contrast([r, g, b], await rgb(badge, 'color')) >= 4.5, 'the badge text has AA contrast');
  const vip = mine.locator('.tag-vip');
  assert.equal((await vip.textContent()).trim(), 'VIP');
  const [vr, vg, vb] = await rgb(vip, 'backgroundColor');
  assert.ok(vr > 230 && vg > 200 && vb < 220 && vr - vb > 40, `VIP is gold, got ${vr},${vg},${vb}`);
  const chip = mine.locator('.sla.sla-breach');
  assert.match(await chip.textContent(), SPAN_OVER);
  const [cr, cg] = await rgb(chip, 'color');
  assert.ok(cr > 150 && cg < 80, 'a breached chip is red');
  assert.match(await chip.getAttribute('title'), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'the deadline on hover');

  // the frequent complainer's tag is purple; a ticket on track has a green or amber chip
  await page.goto(`${BASE}/agent/q/unassigned?q=${encodeURIComponent(T.claim.number)}`);
  const fc = page.locator('table.queue tbody tr .tag-frequent_complainer');
  assert.equal((await fc.textContent()).trim(), '高频投诉');
  const [pr, pg, pb] = await rgb(fc, 'color');
  assert.ok(pb > pg + 60 && pr > pg, `高频投诉 is purple, got ${pr},${pg},${pb}`);
  assert.equal((await page.locator('table.queue .badge').textContent()).trim(), '重要');
  const onTrack = page.locator('table.queue .sla');
  assert.match(await onTrack.getAttribute('class'), /^sla sla-(ok|warn)$/);
  assert.match(await onTrack.textContent(), SPAN_LEFT);

  // "/" goes to the search; focus is visible
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  const ring = await page.locator('#q').evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(ring, 'none', 'focus is visible');
});

test('a click anywhere on a row opens the ticket', async (t) => {
  const page = await open(t);
  await signIn(page);
  await page.goto(`${BASE}/agent/q/unassigned?q=${encodeURIComponent(T.reply.number)}`);
  const row = page.locator('table.queue tbody tr');
  assert.equal(await row.count(), 1);
  await Promise.all([page.waitForURL(new RegExp(`/agent/t/${T.reply.number}$`)), row.locator('td.subj').click()]);
  assert.equal((await page.locator('.ticket-head h1 code').textContent()).trim(), T.reply.number);
  assert.match(await page.locator('.ticket-head h1').textContent(), /财务月结报表导出报错 500/);
  // the right column: customer, properties, owner, every clock, details
  const props = page.locator('aside.props');
  for (const h of ['客户', '工单属性', '负责人', '时限', '问题详情'])
    assert.equal(await props.locator('h2', { hasText: h }).count(), 1, h);
  assert.equal(await props.locator('dl.clocks .clock').count(), 4, 'classification, acceptance, first response, resolution');
  assert.match(await props.locator('.card-customer').textContent(), /王小明\s*VIP/);
  // the top-bar search opens a ticket by its number
  await page.fill('#q', T.claim.number);
  await Promise.all([page.waitForURL(new RegExp(`/agent/t/${T.claim.number}$`)), page.press('#q', 'Enter')]);
  assert.equal((await page.locator('.ticket-head h1 code').textContent()).trim(), T.claim.number);
});

test('ticket page: a reply and an internal note through the forms', async (t) => {
  const page = await open(t);
  await signIn(page);
  await page.goto(`${BASE}/agent/t/${T.reply.number}`);
  // the nature choices are words, not codes
  const natures = (await page.locator('#cls-nature option').allTextContents()).map((s) => s.trim());
  assert.deepEqual(natures, ['—', '功能', '性能', '兼容性', '使用操作', '咨询疑问']);
  // actions sit above the reply box
  const bar = await page.locator('section.next').boundingBox();
  const box = await page.locator('#reply-body').boundingBox();
  assert.ok(bar.y < box.y, 'the actions are above the reply box');
  // labels for every field of the page's forms
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
      .filter((el) => (!el.labels || el.labels.length === 0) && !el.getAttribute('aria-label'))
      .map((el) => el.name || el.id));
  assert.deepEqual(unlabelled, []);

  const reply = `您好，我们已复现导出报错，今晚发布修复。${RUN}`;
  assert.equal(await page.locator('[role="tab"][aria-selected="true"]').textContent(), '回复客户');
  await page.fill('#reply-body', reply);
  await Promise.all([
    page.waitForURL(new RegExp(`/agent/t/${T.reply.number}\\?done=reply$`)),
    page.click('form.act-reply button[type="submit"]'),
  ]);
  assert.equal(await flash(page), `已回复客户 ${T.reply.number}`);
  const sent = page.locator('ol.thread li.msg-agent', { hasText: reply });
  assert.equal(await sent.count(), 1, 'the reply is in the conversation');
  assert.match(await sent.locator('.meta').textContent(), /回复客户/);
  assert.equal(await page.locator(`#reply-body`).inputValue(), '');

  const note = `内部：问题出在报表服务的导出模板，已通知研发。${RUN}`;
  await page.click('[role="tab"]:has-text("内部备注")');
  assert.ok(await page.locator('#note-body').isVisible());
  assert.ok(!(await page.locator('#reply-body').isVisible()), 'one tab at a time');
  await page.fill('#note-body', note);
  await Promise.all([
    page.waitForURL(new RegExp(`/agent/t/${T.reply.number}\\?done=note$`)),
    page.click('form.act-note button[type="submit"]'),
  ]);
  assert.equal(await flash(page), `已添加内部备注 ${T.reply.number}`);
  const li = page.locator('ol.thread li.msg.note', { hasText: note });
  assert.equal(await li.count(), 1, 'the note is in the conversation');
  assert.equal((await li.locator('.label').textContent()).trim(), '内部备注');
  const [r, g, b] = await rgb(li, 'backgroundColor');
  assert.ok(r >= 245 && g >= 235 && b <= 230 && r - b >= 25, `a pale yellow note, got ${r},${g},${b}`);
  assert.ok(contrast([r, g, b], await rgb(li.locator('.text'), 'color')) >= 4.5, 'note text has AA contrast');
  // system events are small grey lines
  const sys = page.locator('ol.thread li.sys').first();
  assert.ok(parseFloat(await sys.evaluate((el) => getComputedStyle(el).fontSize)) <= 12.5);
  // the first response is done now
  assert.match(await page.locator('.clock', { hasText: '首次响应' }).textContent(), /已完成/);
  await page.locator('.ticket-head').scrollIntoViewIfNeeded();
  await shot(page, 'ticket');
});

test('ticket page: the next step first, a step with a form opens its panel, a reply sets the status', async (t) => {
  const page = await open(t);
  await signIn(page, 'agent');
  const n = T.next.number;
  await page.goto(`${BASE}/agent/t/${n}`);
  // one filled button: the step that moves the ticket on, above the reply box
  const primary = page.locator('section.next .next-bar .primary');
  assert.equal(await primary.count(), 1);
  assert.equal((await primary.textContent()).trim(), '认领工单');
  await Promise.all([page.waitForURL(/\?done=claim$/), primary.click()]);
  assert.equal((await primary.textContent()).trim(), '开始处理');
  await Promise.all([page.waitForURL(/\?done=status$/), primary.click()]);
  assert.match(await page.locator('.ticket-head .status').getAttribute('class'), /st-in_progress/);
  assert.equal((await primary.textContent()).trim(), '提出方案');
  assert.match(await page.locator('section.next .next-say').textContent(), /书面确认/);
  assert.equal(await page.locator('form.act-escalation_answer').count(), 0, 'no R&D answer: nothing is escalated');
  const [barBox, replyBox] = [await page.locator('section.next').boundingBox(), await page.locator('#reply-body').boundingBox()];
  assert.ok(barBox.y < replyBox.y, 'the next step is above the reply box');

  // a step with a form opens a full-width panel with the cursor in its first field
  assert.ok(!(await page.locator('#p-resolve').isVisible()));
  await page.click('section.next a.step-resolve');
  assert.ok(await page.locator('#p-resolve').isVisible());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'resolve-note');
  const panel = await page.locator('#p-resolve').boundingBox();
  assert.ok(panel.width > 500, `a panel, not a 280 px popover (${panel.width}px)`);
  await page.click('#p-resolve a.cancel');
  assert.ok(!(await page.locator('#p-resolve').isVisible()), 'cancel closes it');
  // the rarer steps wait under "more"
  await page.click('section.next details.more > summary');
  assert.deepEqual((await page.locator('section.next details.more .item').allTextContents()).map((x) => x.trim()), ['记录实施步骤', '升级研发']);
  await page.keyboard.press('Escape');
  await shot(page, 'ticket-next');

  // reply and wait for the customer: one submit
  const go = page.locator('#reply-go');
  assert.equal((await go.textContent()).trim(), '回复客户');
  await page.selectOption('#reply-then', 'waiting_customer');
  assert.equal((await go.textContent()).trim(), '回复并设为“等待客户回复”', 'the button says what it will do');
  const ask = `请把打印队列的截图发给我们。${RUN}`;
  await page.fill('#reply-body', ask);
  await Promise.all([page.waitForURL(/\?done=reply_status$/), go.click()]);
  assert.equal(await flash(page), `已回复客户并变更状态 ${n}`);
  assert.match(await page.locator('.ticket-head .status').getAttribute('class'), /st-waiting_customer/);
  assert.equal(await page.locator('ol.thread li.msg-agent', { hasText: ask }).count(), 1);
  assert.match(await page.locator('section.next .next-wait').textContent(), /等待客户回复/);
  assert.equal((await primary.textContent()).trim(), '恢复处理');
  await Promise.all([page.waitForURL(/\?done=status$/), primary.click()]);

  // the solution proposal on its own page
  await Promise.all([page.waitForURL(new RegExp(`/agent/t/${n}/solution$`)), primary.click()]);
  assert.match(await page.locator('h1').textContent(), /提出方案/);
  assert.equal(await page.locator('input[name="delivery"]').count(), 4);
  const form = await page.locator('form.act-propose_solution').boundingBox();
  assert.ok(form.width > 600, `a page-wide form (${form.width}px)`);
  assert.ok(await page.locator('aside.solution-ref', { hasText: '升级驱动后所有打印任务卡在队列中' }).isVisible(), 'the problem beside the form');
  await page.fill('#sol-steps', '1. 远程卸载 4.0 版驱动\n2. 安装 3.2 版驱动');
  await Promise.all([page.waitForURL(/\/act$/), page.click('form.act-propose_solution button[type="submit"]')]);
  assert.ok(await page.locator('#e-expected').isVisible(), 'the missing field says so beside it');
  assert.equal(await page.locator('#sol-steps').inputValue(), '1. 远程卸载 4.0 版驱动\n2. 安装 3.2 版驱动', 'what was typed is kept');
  await shot(page, 'solution');
  await page.check('input[name="delivery"][value="remote"]');
  await page.fill('#sol-expected', '打印恢复正常');
  await page.fill('#sol-risks', '打印队列会被清空');
  await Promise.all([page.waitForURL(/\?done=propose_solution$/), page.click('form.act-propose_solution button[type="submit"]')]);
  assert.match(await page.locator('.ticket-head .status').getAttribute('class'), /st-solution_proposed/);
  assert.match(await page.locator('section.next .next-wait').textContent(), /等待客户确认方案/);
});

test('claim a ticket from the unassigned queue', async (t) => {
  const page = await open(t);
  await signIn(page);
  await page.goto(`${BASE}/agent/q/unassigned?q=${encodeURIComponent(T.claim.number)}`);
  await Promise.all([
    page.waitForURL(new RegExp(`/agent/t/${T.claim.number}$`)),
    page.click(`table.queue a[href="/agent/t/${T.claim.number}"]`),
  ]);
  assert.match(await page.locator('.card-owner p').first().textContent(), /未分配/);
  await Promise.all([
    page.waitForURL(new RegExp(`/agent/t/${T.claim.number}\\?done=claim$`)),
    page.click('form.act-claim button[type="submit"]'),
  ]);
  assert.equal(await flash(page), `已认领工单 ${T.claim.number}`);
  const me = (await page.locator('header.bar .who-name').textContent()).trim();
  assert.match(await page.locator('.card-owner p').first().textContent(), new RegExp(me));
  assert.equal(await page.locator('form.act-claim').count(), 0, 'nothing left to claim');
  assert.equal(await page.locator('ol.thread li.sys', { hasText: '认领了工单' }).count(), 1);
  // it left the unassigned queue and is in mine
  await page.goto(`${BASE}/agent/q/unassigned?q=${encodeURIComponent(T.claim.number)}`);
  assert.ok(await page.locator('p.empty').isVisible());
  await page.goto(`${BASE}/agent/q/mine?q=${encodeURIComponent(T.claim.number)}`);
  assert.equal(await page.locator(`table.queue a[href="/agent/t/${T.claim.number}"]`).count(), 1);
});

test('approvals: an agent asks for a priority change, the supervisor sees it', async (t) => {
  // the agent claims a ticket of their team and asks for 紧急
  const agent = await open(t);
  await signIn(agent, 'agent');
  assert.equal((await agent.locator('header.bar .role').textContent()).trim(), '坐席');
  assert.equal(await agent.locator('a[href="/agent/approvals"]').count(), 0, 'no approvals for agents');
  await agent.goto(`${BASE}/agent/t/${T.request.number}`);
  await Promise.all([agent.waitForURL(/\?done=claim$/), agent.click('form.act-claim button[type="submit"]')]);
  await agent.click('.card-props a[href="#p-priority"]');
  assert.ok(await agent.locator('#prio-to').isVisible(), 'the priority panel opens beside the priority');
  await agent.selectOption('#prio-to', { label: '紧急' });
  await agent.fill('#prio-reason', '仓库停工，影响当天全部入库');
  await Promise.all([agent.waitForURL(/\?done=priority$/), agent.click('form.act-priority button[type="submit"]')]);
  assert.equal(await flash(agent), `已提交优先级变更 ${T.request.number}`);
  assert.equal(await agent.locator('.ticket-head .badge').getAttribute('class'), 'badge prio-general', 'unchanged until approved');

  const page = await open(t);
  await signIn(page);
  await page.click('nav.queues a[href="/agent/approvals"]');
  await page.waitForURL(/\/agent\/approvals$/);
  const row = page.locator('table.approvals tbody tr', { has: page.locator(`a[href="/agent/t/${T.request.number}"]`) });
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /一般\s*→\s*紧急/);
  assert.match(await row.textContent(), /仓库停工/);
  assert.ok(await row.locator('button[value="approve"]').isVisible());
  assert.ok(await row.locator('button[value="reject"]').isVisible());
  await shot(page, 'approvals');
});

test('new ticket form: find the customer, pick the kind, labelled fields', async (t) => {
  const page = await open(t);
  await signIn(page);
  await page.click('nav.queues a[href="/agent/new"]');
  await page.waitForURL(/\/agent\/new$/);
  assert.equal(await page.locator('ol.steps > li').count(), 2, 'find the customer, then pick the kind');
  await page.fill('#cq', '王小明');
  await Promise.all([page.waitForURL(/\/agent\/new\?q=/), page.click('form.search-customer button[type="submit"]')]);
  const hits = page.locator('ul.hits li');
  assert.ok(await hits.count() >= 1, 'the customer is found');
  await page.selectOption('#cat', 'fault');
  await Promise.all([page.waitForURL(/category=fault/), page.click('form.category-pick button[type="submit"]')]);
  const form = page.locator('form.request');
  assert.ok(await form.isVisible());
  assert.equal(await page.locator('ol.steps > li').count(), 3);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('form.request input:not([type=hidden]), form.request textarea, form.request select')]
      .filter((el) => !el.labels || el.labels.length === 0).map((el) => el.name));
  assert.deepEqual(unlabelled, []);
  for (const f of ['contact_name', 'subject', 'description', 'product'])
    assert.equal(await page.locator(`label[for="f-${f}"] .req`).count(), 1, `${f} is marked required`);
  assert.equal(await page.locator('input[name="channel"]').count(), 5);
  assert.equal(await page.locator('input[name="impact"]').count(), 4);
  await shot(page, 'new');
});

test('progress table loads and the CSV link is there', async (t) => {
  const page = await open(t);
  await signIn(page);
  await page.click('nav.queues a[href="/agent/progress"]');
  await page.waitForURL(/\/agent\/progress$/);
  assert.equal((await page.locator('h1').textContent()).trim(), '问题处理进度跟踪表');
  const rows = page.locator('table.progress tbody tr');
  assert.ok(await rows.count() >= 5);
  // newest first: the tickets made for these checks are on the first page
  for (const n of [T.claim.number, T.request.number, T.complaint.number, T.custom.number])
    assert.equal(await page.locator(`table.progress a[href="/agent/t/${n}"]`).count(), 1, n);
  const row = rows.filter({ has: page.locator(`a[href="/agent/t/${T.custom.number}"]`) });
  assert.equal(await row.locator('td.deadline').count(), 2, 'first response and resolution');
  assert.equal(await row.locator('td.subj .subj-text').textContent(), T.custom.subject, 'the subject');
  for (const chip of await row.locator('td.deadline .sla').all()) assert.match(await chip.textContent(), SPAN_LEFT, 'a running deadline with its time left');
  const csv = page.locator('a[href^="/agent/progress.csv"]');
  assert.ok(await csv.isVisible());
  assert.match(await csv.textContent(), /CSV/);
  const res = await page.request.get(new URL(await csv.getAttribute('href'), BASE).href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /^text\/csv/);
  const body = await res.body();
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  assert.ok(body.toString('utf8').includes(T.reply.number));
  await noHorizontalScroll(page);
  await shot(page, 'progress');
});

test('JavaScript off: the forms still work', async (t) => {
  const page = await open(t, { javaScriptEnabled: false });
  await signIn(page);
  await page.goto(`${BASE}/agent/q/team?q=${encodeURIComponent(T.complaint.number)}`);
  await Promise.all([
    page.waitForURL(new RegExp(`/agent/t/${T.complaint.number}$`)),
    page.click(`table.queue a[href="/agent/t/${T.complaint.number}"]`),
  ]);
  // no tabs: every form of the reply box is on the page
  for (const id of ['reply-body', 'note-body', 'finding-text']) assert.ok(await page.locator(`#${id}`).isVisible(), id);
  assert.equal(await page.locator('[role="tablist"]').count(), 0);
  const note = `无脚本时的内部备注 ${RUN}`;
  await page.fill('#note-body', note);
  await Promise.all([page.waitForURL(/\?done=note$/), page.click('form.act-note button[type="submit"]')]);
  assert.equal(await flash(page), `已添加内部备注 ${T.complaint.number}`);
  assert.equal(await page.locator('ol.thread li.msg.note', { hasText: note }).count(), 1);
  // a step's panel opens without script too (its link targets it)
  assert.ok(!(await page.locator('#cls-category').isVisible()), 'closed to begin with');
  await page.click('.card-props a[href="#p-classify"]');
  assert.ok(await page.locator('#cls-category').isVisible());
});

test('sign out ends the session', async (t) => {
  const page = await open(t);
  await signIn(page);
  await Promise.all([page.waitForURL(/\/agent\/login$/), page.click('header.bar form.signout button')]);
  assert.ok(await page.locator('#login').isVisible());
  await page.goto(`${BASE}/agent/q/mine`);
  assert.match(page.url(), /\/agent\/login\?back=/, 'the old session no longer opens the queues');
});
