// The R&D desk in a browser, under the movable clock: an agent escalates a
// ticket to an R&D team; a member of that team finds it in "R&D
// escalations" with its reason, impact and answer clock, opens the ticket
// at its escalation card, and answers from it. The customer's page says the
// problem went to R&D and who their contact is. Screenshots for a person
// to look at: $DESK_ROOT/var/screenshots/rnd-*.png.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/rnd_desk.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const L = require('../http/lib');
const A = require('../http/agent_lib');
const C = require('../http/clock');
const { reloadConfig } = require('../http/routing_lib');

C.useTestInstant();

const FILE = 237;
const BASE = L.BASE.origin;
const SHOTS = path.join(L.ROOT, 'var', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const T = A.tag('RB');
const low = T.toLowerCase().replace(/[^a-z0-9]/g, '');
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const member = `${low}m`;

let browser;
let team;
let x; // the escalated ticket

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const code = `rb_${low}`.slice(0, 40);
  A.setupSql(`INSERT INTO teams (code, name_zh, name_en, answers_escalations) VALUES (${q(code)}, '数据库研发组', 'Database R&D', 1)`);
  A.setupSql(`INSERT INTO agents (login, name, email, role, password_hash, created_at)
    SELECT ${q(member)}, '研发工程师 周明', ${q(`${member}@example.com`)}, 'agent', password_hash, UTC_TIMESTAMP() FROM agents WHERE login = 'agent'`);
  A.setupSql(`INSERT INTO team_members (team_id, agent_id) SELECT t.id, a.id FROM teams t, agents a WHERE t.code = ${q(code)} AND a.login = ${q(member)}`);
  team = Number(A.setupSql(`SELECT id FROM teams WHERE code = ${q(code)}`).trim());
  reloadConfig();
  const agent = await A.desk('agent', L.addr(FILE, 1));
  x = await A.createTicket({ subject: `月结报表导出超时 ${T}`, impact: 'company' });
  await agent.must(x.number, 'claim');
  await agent.must(x.number, 'status', { to: 'in_progress' });
  const expected = new Date(C.now() + 3 * 86400000 + 8 * 3600000).toISOString().slice(0, 16);
  await agent.must(x.number, 'escalate', { team, expected,
    reason: '导出接口在数据量超过 50 万行时超时，日志显示数据库查询未走索引，需研发确认是否为 5.2 版本缺陷。',
    impact: '华东区 12 家门店的月结报表无法导出，影响月底对账。' });
  browser = await chromium.launch({
    executablePath: process.env.DESK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

after(async () => {
  if (browser) await browser.close();
  A.setupSql(`UPDATE teams SET active = 0, answers_escalations = 0 WHERE id = ${Number(team)}`);
  A.setupSql(`UPDATE agents SET active = 0 WHERE login = ${q(member)}`);
  reloadConfig();
});

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

test('R&D finds the escalation in its queue, opens the ticket at its card and answers', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/agent/login`);
  await page.fill('#login', member);
  await page.fill('#password', L.credentials().AGENT_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  await page.click('a.t-rnd');
  await page.waitForURL(/\/agent\/rnd/);
  const row = page.locator('table.rnd-queue tbody tr', { hasText: x.number });
  await row.waitFor();
  assert.match(await row.locator('.rnd-reason').innerText(), /未走索引/);
  assert.match(await row.locator('.rnd-impact').innerText(), /12 家门店/);
  assert.match(await row.locator('.rnd-due .sla').innerText(), /^剩余 /, 'the answer clock runs');
  await page.screenshot({ path: path.join(SHOTS, 'rnd-queue.png'), fullPage: true });

  await Promise.all([page.waitForURL(/\/agent\/t\//), row.locator('td.num a').click()]);
  const card = page.locator('#escalation');
  assert.ok(await card.isVisible(), 'the escalation card is on the ticket page');
  const text = await card.innerText();
  for (const s of ['数据库研发组', '等待研发答复', '未走索引', '12 家门店', '答复时限']) assert.ok(text.includes(s), `the card shows ${s}`);
  assert.equal(await page.locator('#reply-body').count(), 0, 'no reply to the customer for R&D');
  await card.screenshot({ path: path.join(SHOTS, 'rnd-escalation-card.png') });
  await page.evaluate(() => window.scrollTo(0, 0)); // the link opened it at the card
  await page.screenshot({ path: path.join(SHOTS, 'rnd-ticket.png'), fullPage: true });

  await card.locator('a[href="#p-answer_escalation"]').click();
  await page.fill('#esc-plan', '确认为 5.2 版本缺陷：补丁 5.2.3 周四发布；临时方案为按门店分批导出。');
  await Promise.all([page.waitForURL(/done=escalation_answer/), page.click('#p-answer_escalation button[type="submit"]')]);
  const answered = await page.locator('#escalation').innerText();
  assert.match(answered, /已答复/);
  assert.match(answered, /补丁 5\.2\.3/);
  await page.locator('#escalation').screenshot({ path: path.join(SHOTS, 'rnd-escalation-answered.png') });
});

test('the customer\'s page says the problem is with R&D and who their contact is', async (t) => {
  const page = await open(t);
  await page.goto(`${BASE}/t/${x.token}`);
  const box = page.locator('section.rnd-notice');
  const text = await box.innerText();
  assert.match(text, /转交我们的研发团队/);
  assert.ok(text.includes(A.PEOPLE.agent.name), 'their contact: the owner');
  assert.ok(!(await page.locator('body').innerText()).includes('未走索引'), 'no internal reason');
  await page.screenshot({ path: path.join(SHOTS, 'rnd-portal.png'), fullPage: true });
});
