// Emergencies in a browser: an admin sets the fault type's team template;
// a supervisor declares an emergency from a ticket page (the form comes
// prefilled with that team), writes the plan, adds a task and closes it.
// Screenshots for a person to look at: $DESK_ROOT/var/screenshots/emergency-*.png.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/emergencies.test.js
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

const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const T = A.tag('EB');

let browser;
let x;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  x = await A.createTicket({ subject: `全部门店收银终端无法登录 ${T}`, impact: 'company' });
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

async function open(t, login, password) {
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

test('the admin sets the fault type\'s emergency team', async (t) => {
  const page = await open(t, 'admin', L.credentials().ADMIN_PASSWORD);
  await page.goto(`${BASE}/admin/emergency-teams/${A.CATEGORIES.fault}`);
  await page.selectOption('#f-lead', String(A.PEOPLE.trainer.id));
  for (const p of [A.PEOPLE.agent, A.PEOPLE.pm]) await page.check(`input[name="members"][value="${p.id}"]`);
  await page.uncheck(`input[name="members"][value="${A.PEOPLE.supervisor.id}"]`);
  await Promise.all([page.waitForURL(/done=emergency_team_saved/), page.click('.emergency-team-form button[type="submit"]')]);
  await page.screenshot({ path: path.join(SHOTS, 'emergency-admin-team.png'), fullPage: true });
  await page.goto(`${BASE}/admin/emergency-teams`);
  const row = await page.locator(`tr.et-row[data-id="${A.CATEGORIES.fault}"]`).innerText();
  assert.ok(row.includes(A.PEOPLE.trainer.name) && row.includes(A.PEOPLE.pm.name), row);
  await page.screenshot({ path: path.join(SHOTS, 'emergency-admin-teams.png'), fullPage: true });
});

test('a supervisor declares from the ticket, writes the plan, adds a task and closes it', async (t) => {
  const page = await open(t, 'supervisor', L.credentials().SUPERVISOR_PASSWORD);
  await page.goto(`${BASE}/agent/t/${x.number}`);
  await Promise.all([page.waitForURL(/\/agent\/emergencies\/new/), page.click('.card-emergency a.edit')]);
  assert.equal(await page.locator('#f-lead').inputValue(), String(A.PEOPLE.trainer.id), 'the lead from the template');
  assert.ok(await page.locator(`input[name="members"][value="${A.PEOPLE.pm.id}"]`).isChecked());
  await page.fill('#f-title', `华东区收银大面积故障 ${T}`);
  await page.screenshot({ path: path.join(SHOTS, 'emergency-declare.png'), fullPage: true });
  await Promise.all([page.waitForURL(/done=emergency_declared/), page.click('.emergency-form button[type="submit"]')]);
  await page.fill('#f-plan', '1. 门店切换离线收银模式；\n2. 回滚 5.2 补丁至 5.1.8；\n3. 每 30 分钟向客户同步进展。');
  await Promise.all([page.waitForURL(/done=emergency_saved/), page.click('#plan button[type="submit"]')]);
  await page.fill('#f-task', '通知华东区 12 家门店切换离线模式');
  await page.selectOption('#f-owner', String(A.PEOPLE.pm.id));
  await Promise.all([page.waitForURL(/done=emergency_saved/), page.click('#tasks button[type="submit"]')]);
  await page.fill('#f-note', '已确认故障由 5.2 补丁与收银驱动冲突引起。');
  await Promise.all([page.waitForURL(/done=emergency_saved/), page.click('#timeline button[type="submit"]')]);
  const clocks = await page.locator('.card-em-clocks').innerText();
  assert.match(clocks, /按时完成/, 'the plan was written in time');
  assert.match(await page.locator('#team').innerText(), new RegExp(A.PEOPLE.trainer.name));
  await page.screenshot({ path: path.join(SHOTS, 'emergency-page.png'), fullPage: true });
  await page.fill('#f-summary', '补丁回滚后全部门店恢复；根因为 5.2 补丁与收银驱动不兼容。');
  await Promise.all([page.waitForURL(/done=emergency_closed/), page.click('#close button[type="submit"]')]);
  assert.ok(await page.locator('a.em-start-problem').isVisible(), 'closing offers a problem record');
  await page.screenshot({ path: path.join(SHOTS, 'emergency-closed.png'), fullPage: true });
  await page.goto(`${BASE}/agent/emergencies`);
  await page.screenshot({ path: path.join(SHOTS, 'emergency-list.png'), fullPage: true });
});
