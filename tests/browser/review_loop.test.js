// The review loop after the meeting in a browser, under the movable clock:
// the organiser writes the minutes of a held review meeting from its page
// and submits them; the service director finds them awaiting approval and
// approves them (the most visible button); the measure is now the owner's
// action, which they start and finish; the organiser verifies it against a
// figure (before and after kept). The minutes print on A4 as the paper form
// (表4) in Chinese and English, the action list as the plan (表5).
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/review_loop.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');
const C = require('../http/clock');

C.useTestInstant();

const FILE = 163;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const A4 = { width: 794, height: 1123 };
const T = A.tag('RL');
const low = T.toLowerCase().replace(/[^a-z0-9]/g, '');
const DAY = 86400;
const ZONE = 8 * 3600;
const day = (s) => new Date((s + ZONE) * 1000).toISOString().slice(0, 10);

let browser;
let meetingId;
let minutesId;
let actionId;
const dirLogin = `${low}d`;
const dirPassword = `Pw-${T}-director`;
const title = `${T} 支付卡顿复盘会`;
const measure = `${T} 一线人员新话术培训`;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

after(async () => {
  if (browser) await browser.close();
});

/** A director and a review meeting a week ahead; then the clock just after it. */
let ready;
function setup() {
  if (!ready) ready = (async () => {
    const admin = await A.desk('admin', L.addr(FILE, 1));
    await admin.page('/admin/people/new');
    const made = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', dirLogin],
      ['name', `服务总监 赵敏`], ['email', `${low}-dir@example.com`], ['role', 'director'], ['language', 'zh'],
      ['teams', String(A.TEAMS.supervisors)], ['password_mode', 'set'], ['password', dirPassword]] });
    assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
    const sup = await A.desk('supervisor', L.addr(FILE, 2));
    const at = Math.floor(C.now() / 1000) + 7 * DAY;
    await sup.page('/agent/meetings/new');
    const res = await sup.client.post('/agent/meetings/new', { form: [['csrf', sup.csrf], ['kind', 'review'], ['title', title],
      ['starts_at', new Date((at + ZONE) * 1000).toISOString().slice(0, 16)], ['duration', '90'], ['location', '3 楼会议室'],
      ['agenda', '问题回顾\n经验分享\n根因确认\n改进方向'], ['attendees', String(A.PEOPLE.agent.id)]] });
    assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
    meetingId = Number(res.headers.location.match(/meetings\/(\d+)/)[1]);
    C.setAt(at + 2 * 3600);
  })();
  return ready;
}

async function signedIn(t, login, password, opts = {}) {
  const ctx = await browser.newContext({ viewport: opts.viewport || DESKTOP, locale: opts.en ? 'en' : 'zh-CN' });
  if (opts.en) await ctx.addCookies([{ name: 'lang', value: 'en', url: BASE }]);
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

const cred = () => L.credentials();

test('the organiser writes the minutes from the meeting page and submits them', async (t) => {
  await setup();
  const page = await signedIn(t, 'supervisor', cred().SUPERVISOR_PASSWORD);
  await page.goto(`${BASE}/agent/meetings/${meetingId}`);
  // once the scheduler opened the minutes (the meeting ended), the button leads to them
  for (let i = 0; i < 40 && !(await page.locator('.m-minutes a[href^="/agent/minutes/"]:not([href*="new"])').count()); i++) {
    await page.waitForTimeout(250);
    await page.reload();
  }
  await Promise.all([page.waitForURL(/\/agent\/minutes\/\d+$/), page.click('.m-minutes a.button.primary')]);
  assert.ok(await page.locator('.problem-steps .pstatus', { hasText: '草稿' }).isVisible());
  await Promise.all([page.waitForURL(/\/agent\/minutes\/\d+\/edit$/), page.click('.problem-steps a.button.primary')]);
  await page.fill('#f-review', '12 月 1 日支付成功后页面卡顿约 2 小时，37 位客户投诉；工程师 15 分钟内响应，临时切换到备用通道。');
  await page.selectOption('#f-d1_team', String(A.TEAMS.aftersales));
  await page.fill('#f-d1_highlights', '15 分钟内响应，主动外呼 VIP 客户');
  await page.fill('#f-d1_shortcomings', '升级研发晚了 40 分钟');
  await page.fill('#f-root_causes', '发布检查单缺少灰度项，值班人员跳过了灰度验证。');
  await page.fill('#f-directions', '优化发布流程；增加支付耗时告警；培训一线新话术。');
  await page.fill('#f-m1_title', measure);
  await page.fill('#f-m1_target', '覆盖 100% 一线人员');
  await page.fill('#f-m1_resources', '培训讲师 1 名，2 课时');
  await page.selectOption('#f-m1_team', String(A.TEAMS.aftersales));
  await page.selectOption('#f-m1_owner', String(A.PEOPLE.agent.id));
  await page.fill('#f-m1_start', day(Math.floor(C.now() / 1000) + 2 * DAY));
  await page.fill('#f-m1_due', day(Math.floor(C.now() / 1000) + 10 * DAY));
  await noHorizontalScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'minutes-edit.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/agent\/minutes\/\d+\?done=minutes_saved/), page.click('form.minutes-form button.primary')]);
  minutesId = Number(page.url().match(/minutes\/(\d+)/)[1]);
  assert.ok(await page.locator('.act-submit button.primary').isVisible(), 'submitting is the next step');
  await Promise.all([page.waitForURL(/done=minutes_submit/), page.click('.act-submit button')]);
  assert.equal((await page.locator('.problem-steps .pstatus').textContent()).trim(), '待总监审批');
  await page.screenshot({ path: path.join(SHOTS, 'minutes-submitted.png'), fullPage: true });
});

test('the director finds them awaiting approval and approves them', async (t) => {
  await setup();
  assert.ok(minutesId);
  const page = await signedIn(t, dirLogin, dirPassword);
  await page.goto(`${BASE}/agent/minutes`);
  const row = page.locator(`.minutes-row a[href="/agent/minutes/${minutesId}"]`);
  assert.ok(await row.isVisible(), 'awaiting my approval');
  await page.screenshot({ path: path.join(SHOTS, 'minutes-awaiting.png'), fullPage: true });
  await Promise.all([page.waitForURL(new RegExp(`/agent/minutes/${minutesId}$`)), row.click()]);
  assert.ok(await page.locator('.act-approve button.primary').isVisible(), 'approving is the most visible step');
  assert.ok(await page.locator('.return-form').isVisible(), 'returning with a comment is offered');
  await Promise.all([page.waitForURL(/done=minutes_approve/), page.click('.act-approve button')]);
  assert.equal((await page.locator('.problem-steps .pstatus').textContent()).trim(), '已审批');
  const link = page.locator('.m-actions a', { hasText: measure });
  actionId = Number((await link.getAttribute('href')).match(/actions\/(\d+)/)[1]);
  await noHorizontalScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'minutes-approved.png'), fullPage: true });
});

test('the owner starts and finishes the action; the organiser verifies it against a figure', async (t) => {
  await setup();
  assert.ok(actionId);
  const owner = await signedIn(t, 'agent', cred().AGENT_PASSWORD);
  await owner.goto(`${BASE}/agent/actions?view=mine`);
  await Promise.all([owner.waitForURL(new RegExp(`/agent/actions/${actionId}$`)), owner.click(`a[href="/agent/actions/${actionId}"]`)]);
  await Promise.all([owner.waitForURL(/done=action_start/), owner.click('.step-start button.primary')]);
  await owner.fill('#f-note', '已完成两场培训，签到表见附件');
  await Promise.all([owner.waitForURL(/done=action_note/), owner.click('.note-form button')]);
  await Promise.all([owner.waitForURL(/done=action_finish/), owner.click('.step-finish button.primary')]);
  assert.equal(await owner.locator('.verify-form').count(), 0, 'the owner does not verify');
  const sup = await signedIn(t, 'supervisor', cred().SUPERVISOR_PASSWORD);
  await sup.goto(`${BASE}/agent/actions?view=verify`);
  await Promise.all([sup.waitForURL(new RegExp(`/agent/actions/${actionId}$`)), sup.click(`a[href="/agent/actions/${actionId}"]`)]);
  await sup.fill('#f-figure', '一线培训覆盖率');
  await sup.fill('#f-before', '40%');
  await sup.fill('#f-after', '100%');
  await Promise.all([sup.waitForURL(/done=action_verify/), sup.click('.verify-form button.primary')]);
  assert.equal((await sup.locator('.a-before').textContent()).trim(), '40%');
  assert.equal((await sup.locator('.a-after').textContent()).trim(), '100%');
  await noHorizontalScroll(sup);
  await sup.screenshot({ path: path.join(SHOTS, 'action-verified.png'), fullPage: true });
});

test('minutes and the plan print on A4, in Chinese and in English', async (t) => {
  await setup();
  assert.ok(minutesId);
  for (const en of [false, true]) {
    const page = await signedIn(t, dirLogin, dirPassword, { viewport: A4, en });
    await page.goto(`${BASE}/agent/minutes/${minutesId}`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.queues').isVisible(), false, 'no workspace around the form');
    assert.equal(await page.locator('.problem-steps').isVisible(), false, 'no buttons on paper');
    assert.ok(await page.locator('.doc-sign').isVisible(), 'signature lines');
    assert.equal((await page.locator('.minutes-doc h1').textContent()).trim(), en ? 'Review meeting minutes' : '复盘会议纪要');
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(SHOTS, `minutes-a4-${en ? 'en' : 'zh'}.png`), fullPage: true });
    // the plan (表5) on A4 turned sideways: target, resources, start,
    // deadline, status and the verification's before and after
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: A4.height, height: A4.width });
    await page.goto(`${BASE}/agent/actions?view=all`);
    assert.equal(await page.locator('.p-target').first().isVisible(), false, 'the list on screen stays short');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.actions-table').isVisible());
    assert.ok(await page.locator('.plan-head').isVisible(), 'the plan says what it is');
    const row = page.locator(`.action-row[data-id="${actionId}"]`);
    assert.equal((await row.locator('.p-target').textContent()).trim(), '覆盖 100% 一线人员');
    assert.equal((await row.locator('.p-resources').textContent()).trim(), '培训讲师 1 名，2 课时');
    assert.match((await row.locator('.p-start').textContent()).trim(), /^\d{4}-\d{2}-\d{2}$/);
    assert.match(await row.locator('.p-verify').textContent(), /一线培训覆盖率[^]*40%[^]*100%/);
    await noHorizontalScroll(page);
    await page.screenshot({ path: path.join(SHOTS, `actions-a4-${en ? 'en' : 'zh'}.png`), fullPage: true });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    assert.ok(box, 'a page size in the PDF');
    assert.ok(Math.abs(Number(box[1]) - 842) < 2 && Math.abs(Number(box[2]) - 595) < 2, `A4 landscape, not ${box[1]} x ${box[2]}`);
    await page.setViewportSize(A4);
  }
});
