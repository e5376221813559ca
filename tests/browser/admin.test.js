// Browser checks of the admin console (issue 6): Debian's headless Chromium
// driven by playwright-core, like agent.test.js. Screenshots for a person to
// look at go to $DESK_ROOT/var/screenshots/admin-*.png.
//
//   DESK_BASE_URL=http://127.0.0.1:18080 DESK_TEST_VAR=/tmp/desk-test.X \
//     DESK_ROOT=$PWD node --test tests/browser/admin.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');

const BASE = (process.env.DESK_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ROOT = process.env.DESK_ROOT || path.resolve(__dirname, '..', '..');
const VAR = process.env.DESK_TEST_VAR || path.join(ROOT, 'var');
const SHOTS = path.join(ROOT, 'var', 'screenshots');
const CHROMIUM = process.env.DESK_CHROMIUM || '/usr/bin/chromium';
const DESKTOP = { width: 1366, height: 900 };
const RUN = Date.now().toString(36);

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

function setupSql(statement) {
  return execFileSync('mariadb', ['--no-defaults', `--socket=${path.join(VAR, 'run', 'mysqld.sock')}`,
    '-uroot', '-N', '-B', 'desk', '-e', statement], { encoding: 'utf8' });
}

before(async () => {
  cred = credentials();
  fs.mkdirSync(SHOTS, { recursive: true });
  setupSql(`DELETE FROM signin_throttle WHERE login IN ('admin', 'agent')`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
});

after(async () => {
  if (browser) await browser.close();
});

/* A fresh context per test; any page error, CSP violation or failed
 * subresource fails the test. */
async function open(t, opts = {}) {
  const { viewport = DESKTOP, ...rest } = opts;
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', ...rest });
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
    assert.deepEqual(problems, [], 'no script errors or CSP violations');
  });
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `admin-${name}.png`), fullPage: true });
}

async function signIn(page, who, back = '/admin/') {
  await page.goto(`${BASE}${back}`); // signed out: to the login form, coming back here
  await page.waitForURL(/\/agent\/login/);
  await page.fill('#login', cred[`${who.toUpperCase()}_USER`] || who);
  await page.fill('#password', cred[`${who.toUpperCase()}_PASSWORD`]);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
}

async function noHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
}

test('the admin home lists every section; the ones not built yet are not links', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin');
  assert.equal(new URL(page.url()).pathname, '/admin/');
  assert.equal(await page.locator('.sections > li').count(), 12);
  const built = await page.locator('.sections > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // the sections built so far (each page module adds its own)
  for (const href of ['/admin/api-keys', '/admin/audit', '/admin/routing', '/admin/reports', '/admin/workaround']) assert.ok(built.includes(href), href);
  const soon = page.locator('.sections > li.is-soon');
  assert.equal(await soon.count(), 12 - built.length);
  assert.equal(await soon.locator('a').count(), 0, 'no broken links');
  assert.ok(await page.locator('.admin-link[aria-current]').isVisible(), 'the Admin link in the top bar');
  await noHorizontalScroll(page);
  await shot(page, 'home');
});

test('the monthly report settings: the form, its choices, and an error beside its field', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/reports');
  assert.equal(await page.locator('h1').innerText(), '月度报表');
  assert.ok(await page.locator('input[name="hour"]').isVisible());
  assert.ok(await page.locator('input[name="roles"][value="director"]').isVisible());
  assert.ok(await page.locator('input[name="people"]').count() >= 3, 'the active people as choices');
  await noHorizontalScroll(page);
  await shot(page, 'reports');
  // on, to nobody: refused beside the roles, nothing saved
  await page.locator('input[name="enabled"]').check();
  const chosen = page.locator('input[name="roles"]:checked, input[name="people"]:checked');
  while (await chosen.count()) await chosen.first().uncheck();
  await Promise.all([page.waitForNavigation(), page.click('.reports-form button[type="submit"]')]);
  assert.ok(await page.locator('#e-roles').isVisible(), 'the error beside the roles');
  assert.ok(await page.locator('input[name="enabled"]').isChecked(), 'the input kept');
  await shot(page, 'reports-error');
});

test('API keys: create (shown once, copy button), then revoke after a confirmation', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/api-keys');
  const label = `ERP 订单同步 ${RUN}`;
  await page.fill('#f-label', label);
  await page.check('input[name="scope"][value="all"]');
  await Promise.all([page.waitForNavigation(), page.click('.form-card button[type="submit"]')]);
  const key = (await page.locator('#new-key').textContent()).trim();
  assert.match(key, /^dk_/);
  assert.ok(await page.locator('button.copy').isVisible(), 'the copy button shows with JavaScript on');
  await noHorizontalScroll(page);
  await shot(page, 'api-keys-created');

  const row = page.locator('tr.key-row', { hasText: label });
  await Promise.all([page.waitForNavigation(), row.locator('a', { hasText: '吊销' }).click()]);
  assert.match(page.url(), /\/admin\/api-keys\/\d+\/revoke$/);
  await shot(page, 'api-keys-revoke');
  await Promise.all([page.waitForNavigation(), page.click('.confirm-form button.danger')]);
  assert.match(await page.locator('main .flash').textContent(), /已吊销/);
  assert.equal(await page.locator('tr.key-row[data-state="revoked"]', { hasText: label }).count(), 1);
  assert.equal(await page.locator(`text=${key}`).count(), 0, 'the key is not shown again');
  await shot(page, 'api-keys');
});

test('the audit log shows who changed what, with filters', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/audit');
  await page.selectOption('select[name="entity"]', 'api_key');
  await Promise.all([page.waitForNavigation(), page.click('.audit-filters button[type="submit"]')]);
  const first = page.locator('tr.audit-row').first();
  assert.match(await first.textContent(), /系统管理员/);
  assert.ok(await first.locator('ins').count() >= 1, 'new values are marked');
  await noHorizontalScroll(page);
  await shot(page, 'audit');
});

test('routing: the rules and how each team dispatches; a team with its members; errors next to the field', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/routing');
  assert.ok(await page.locator('tr.rule-row[data-category="fault"]').isVisible());
  assert.ok(await page.locator('tr.team-row[data-code="aftersales"]').isVisible());
  await noHorizontalScroll(page);
  await shot(page, 'routing');
  // a refused setting: the error next to the field, the input kept, nothing saved
  await page.goto(`${BASE}/admin/routing/teams/1`);
  await page.check('input[name="mode"][value="least_open"]');
  await page.fill('#f-accept_minutes', '0');
  await Promise.all([page.waitForNavigation(), page.click('.form-card button[type="submit"]')]);
  assert.ok(await page.locator('#e-accept_minutes').isVisible(), 'the error is next to the field');
  assert.equal(await page.inputValue('#f-accept_minutes'), '0', 'input kept');
  assert.ok(await page.locator('input[name="mode"][value="least_open"]').isChecked(), 'choice kept');
  await noHorizontalScroll(page);
  await shot(page, 'routing-team');
  await page.goto(`${BASE}/admin/routing/rules/1`);
  assert.ok(await page.locator('input[name="team"][value="1"]').isChecked());
  await noHorizontalScroll(page);
  await shot(page, 'routing-rule');
});

test('an agent who opens /admin sees a clear 403 page in the workspace', async (t) => {
  const page = await open(t);
  await signIn(page, 'agent', '/admin/api-keys');
  assert.equal(await page.locator('.error-card').count(), 1);
  assert.equal(await page.locator('.admin-link').count(), 0);
  assert.equal(await page.locator('.admin-nav').count(), 0);
  await shot(page, 'forbidden');
});

test('people: the list, a new account with a generated password shown once, teams and skill tags', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/people');
  assert.ok(await page.locator('tr.person-row[data-login="agent"]').isVisible());
  await noHorizontalScroll(page);
  await shot(page, 'people');

  // a team of its own (the demo teams are left to the dispatch tests)
  await page.goto(`${BASE}/admin/teams`);
  await page.fill('#f-code', `field-${RUN}`);
  await page.fill('#f-name_zh', `现场服务组 ${RUN}`);
  await page.fill('#f-name_en', `Field service ${RUN}`);
  await Promise.all([page.waitForNavigation(), page.click('.form-card button[type="submit"]')]);
  const teamUrl = page.url();
  assert.match(teamUrl, /\/admin\/teams\/\d+\?done=team_created$/);
  const teamId = teamUrl.match(/teams\/(\d+)/)[1];
  await page.goto(`${BASE}/admin/teams`);
  await noHorizontalScroll(page);
  await shot(page, 'teams');

  await page.goto(`${BASE}/admin/people/new`);
  await page.fill('#f-login', `lin.${RUN}`);
  await Promise.all([page.waitForNavigation(), page.click('.person-form button[type="submit"]')]);
  assert.ok(await page.locator('#e-name').isVisible(), 'the error is next to the field');
  assert.equal(await page.inputValue('#f-login'), `lin.${RUN}`, 'input kept');
  await shot(page, 'people-errors');
  await page.fill('#f-name', `售后工程师 林峰 ${RUN}`);
  await page.fill('#f-email', `lin.${RUN}@example.com`);
  await page.check(`input[name="teams"][value="${teamId}"]`);
  await page.check('#f-contacts');
  await Promise.all([page.waitForNavigation(), page.click('.person-form button[type="submit"]')]);
  const pw = (await page.locator('#new-password').textContent()).trim();
  assert.match(pw, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  assert.ok(await page.locator('.new-password button.copy').isVisible(), 'a copy button');
  assert.ok(await page.locator('.account-card').isVisible());
  await noHorizontalScroll(page);
  await shot(page, 'people-created');

  await page.goto(`${BASE}/admin/teams/${teamId}`);
  assert.equal(await page.locator(`tr.member-row[data-login="lin.${RUN}"]`).count(), 1, 'listed as a member');
  await noHorizontalScroll(page);
  await shot(page, 'team');
  await page.goto(`${BASE}/admin/skills`);
  await page.fill('#f-code', `db-${RUN}`);
  await page.fill('#f-name_zh', '数据库');
  await page.fill('#f-name_en', 'Databases');
  await Promise.all([page.waitForNavigation(), page.click('.form-card button[type="submit"]')]);
  assert.match(await page.locator('main .flash').textContent(), /已创建技能标签/);
  await noHorizontalScroll(page);
  await shot(page, 'skills');
});

test('portal settings and customer tags: the forms, an error next to a field, the portal styled from its settings', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/portal');
  assert.match(await page.inputValue('#f-primary_color'), /^#[0-9a-f]{6}$/);
  assert.ok(await page.locator('input[name="public"]').count() >= 4, 'one box per category');
  assert.ok(await page.locator('input[type="file"][name="logo"]').isVisible());
  assert.ok(await page.locator('.portal-preview .pp-btn').isVisible(), 'the preview');
  await noHorizontalScroll(page);
  await shot(page, 'portal');
  const kept = await page.inputValue('#f-primary_color');
  await page.fill('#f-primary_color', '#ffee00'); // too light for white text: refused
  await Promise.all([page.waitForNavigation(), page.click('.portal-form .form-foot button[type="submit"]')]);
  assert.ok(await page.locator('#e-primary_color').isVisible(), 'the error is next to the field');
  assert.equal(await page.inputValue('#f-primary_color'), '#ffee00', 'input kept');
  await shot(page, 'portal-errors');
  // the portal loads its theme stylesheet without any CSP complaint
  await page.goto(`${BASE}/`);
  const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim());
  assert.equal(brand.toLowerCase(), kept, 'the primary colour in force');

  await page.goto(`${BASE}/admin/tags?q=${encodeURIComponent('tester@example.com')}`);
  assert.ok(await page.locator('tr.tag-row[data-code="vip"]').isVisible());
  assert.ok(await page.locator('form.rules-form').isVisible());
  await noHorizontalScroll(page);
  await shot(page, 'tags');
  const hit = page.locator('li.hit a').first();
  if (await hit.count()) {
    await Promise.all([page.waitForNavigation(), hit.click()]);
    assert.match(page.url(), /\/admin\/tags\/customers\/\d+$/);
    await noHorizontalScroll(page);
    await shot(page, 'tags-customer');
  }
});

test('priorities & SLA and business calendars: targets, an override form, a holiday import with its preview', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/priorities');
  assert.ok(await page.locator('tr.prio-row').count() >= 4, 'the levels are listed');
  await noHorizontalScroll(page);
  await shot(page, 'priorities');
  // a refused edit of a seeded level: the error next to the field, nothing saved
  await page.goto(`${BASE}/admin/priorities/3`);
  await page.fill('#f-warning', '0');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/priorities/3"] button[type="submit"]')]);
  assert.ok(await page.locator('#e-warning').isVisible(), 'the error is next to the field');
  assert.equal(await page.inputValue('#f-warning'), '0', 'input kept');
  await noHorizontalScroll(page);
  await shot(page, 'priority');

  await page.goto(`${BASE}/admin/calendars`);
  await page.fill('#f-code', `cal_b${RUN}`);
  await page.fill('#f-name_zh', `上海办公室 ${RUN}`);
  await page.fill('#f-name_en', `Shanghai office ${RUN}`);
  await page.fill('#f-span_sat', '09:00-12:00');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/calendars"] button[type="submit"]')]);
  assert.match(await page.locator('main .flash').textContent(), /已创建工作日历/);
  await page.fill('#f-d_date', '2099-05-01');
  await page.fill('#f-d_name', '劳动节');
  await Promise.all([page.waitForNavigation(), page.click('.day-form button[type="submit"]')]);
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20991001', 'DTEND;VALUE=DATE:20991008',
    'SUMMARY:国庆节', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20990926', 'SUMMARY:国庆节 补班', 'END:VEVENT',
    'END:VCALENDAR', ''].join('\r\n');
  await page.setInputFiles('#f-ics', { name: 'holidays-2099.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/import"] button[type="submit"]')]);
  assert.equal(await page.locator('tr.preview-row').count(), 8, 'seven holidays and a make-up day in the preview');
  await noHorizontalScroll(page);
  await shot(page, 'calendar-import');
  await Promise.all([page.waitForNavigation(), page.click('#import-preview button.primary')]);
  assert.match(await page.locator('main .flash').textContent(), /已导入/);
  await page.goto(`${page.url().split('?')[0]}?from=2099-01-01`);
  assert.equal(await page.locator('tr.day-row').count(), 9);
  await shot(page, 'calendar');
  await page.goto(`${BASE}/admin/calendars`);
  await noHorizontalScroll(page);
  await shot(page, 'calendars');
});

test('categories: the list, a new category with a choice field, the portal-form preview, a field page', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/categories');
  assert.ok(await page.locator('tr.cat-row[data-code="fault"]').isVisible());
  await noHorizontalScroll(page);
  await shot(page, 'categories');
  const code = `bt_${RUN}`;
  await page.fill('#f-code', code);
  await page.fill('#f-name_zh', '上门安装');
  await page.fill('#f-name_en', 'On-site installation');
  await page.fill('#f-summary_zh', '设备安装、调试与培训');
  await page.fill('#f-summary_en', 'Installing, tuning and training on site');
  await Promise.all([page.waitForNavigation(), page.click('.form-card button[type="submit"]')]);
  assert.match(page.url(), /\/admin\/categories\/\d+\?done=category_created$/);
  // a refused field: the error next to it, the input kept
  await page.fill('#f-fname', 'Bad Name');
  await page.fill('#f-flabel_zh', '安装地点');
  await Promise.all([page.waitForNavigation(), page.click('#add-field button[type="submit"]')]);
  assert.ok(await page.locator('#e-fname').isVisible(), 'the error is next to the field');
  assert.ok(await page.locator('#e-flabel_en').isVisible());
  assert.equal(await page.inputValue('#f-flabel_zh'), '安装地点', 'input kept');
  await page.fill('#f-fname', 'site_kind');
  await page.selectOption('#f-ftype', 'choice');
  await page.fill('#f-flabel_en', 'Kind of site');
  await page.fill('#f-fhelp_zh', '工程师据此准备工具。');
  await page.check('#f-frequired');
  await page.fill('#f-foptions', 'office | 办公室 | Office\nfactory | 工厂车间 | Factory floor\nlab | 实验室 | Laboratory');
  await Promise.all([page.waitForNavigation(), page.click('#add-field button[type="submit"]')]);
  assert.match(page.url(), /done=field_added$/);
  await page.fill('#f-fname', 'floor_plan');
  await page.fill('#f-flabel_zh', '现场说明');
  await page.fill('#f-flabel_en', 'About the site');
  await page.selectOption('#f-ftype', 'longtext');
  await Promise.all([page.waitForNavigation(), page.click('#add-field button[type="submit"]')]);
  assert.equal(await page.locator('tr.field-row').count(), 2);
  assert.ok(await page.locator('#preview input[name="cf_site_kind"][value="factory"]').isVisible(), 'the preview shows the options');
  await noHorizontalScroll(page);
  await shot(page, 'category');
  await Promise.all([page.waitForNavigation(), page.locator('tr.field-row[data-name="site_kind"] a', { hasText: '编辑' }).click()]);
  assert.equal(await page.locator('tr.option-row').count(), 3);
  await noHorizontalScroll(page);
  await shot(page, 'category-field');
  // tidy: off the portal again
  await page.goto(`${BASE}/admin/categories`);
  await Promise.all([page.waitForNavigation(), page.locator(`tr.cat-row[data-code="${code}"] a.button`).click()]);
  await Promise.all([page.waitForNavigation(), page.click('.state-box button')]);
  assert.match(page.url(), /done=category_deactivated$/);
});

test('notifications: the events, a text previewed for a sample ticket (an unknown placeholder refused), the mail gateway', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/notifications');
  assert.equal(await page.locator('tr.event-row').count(), 14);
  assert.equal(await page.locator('tr.event-row[data-kind="ticket_merged"]').count(), 1, 'the customer\'s mail on a merge');
  assert.equal(await page.locator('tr.event-row[data-kind="escalation_request"]').count(), 1, 'the R&D team\'s mail on an escalation');
  await noHorizontalScroll(page);
  await shot(page, 'notifications');
  await Promise.all([page.waitForNavigation(), page.locator('tr.event-row[data-kind="ticket_resolved"] td[data-lang="zh"] a').click()]);
  assert.ok(await page.locator('.mail-box.is-shipped').isVisible(), 'the built-in text for the sample ticket');
  await page.fill('#f-subject', '[工单 {number}] 已为您解决：{subject}');
  await page.fill('#f-body', '{customer}，您好：\n\n您的工单 {number} 已由{agent}解决：\n\n{body}\n\n如问题仍在，请打开 {link} 告诉我们。\n\n{site} {sitename}');
  await Promise.all([page.waitForNavigation(), page.click('button[name="op"][value="preview"]')]);
  assert.ok(await page.locator('#e-body').isVisible(), 'the unknown placeholder is named next to the body');
  assert.match(await page.locator('#e-body').textContent(), /\{sitename\}/);
  await page.fill('#f-body', (await page.inputValue('#f-body')).replace(' {sitename}', ''));
  await Promise.all([page.waitForNavigation(), page.click('button[name="op"][value="preview"]')]);
  const preview = await page.locator('.mail-box.is-preview .mail-body').textContent();
  assert.match(preview, /^张三，您好：/);
  assert.doesNotMatch(preview, /\{[a-z_]+\}/);
  await noHorizontalScroll(page);
  await shot(page, 'notification');
  await page.goto(`${BASE}/admin/notifications/gateway`);
  assert.ok(await page.locator('#f-smtp_url').isVisible());
  assert.equal(await page.inputValue('#f-password'), '', 'a password is never filled in');
  await noHorizontalScroll(page);
  await shot(page, 'mail-gateway');
});

test('reply templates: one written by an admin is inserted into a ticket\'s reply box, filled in', async (t) => {
  const page = await open(t);
  await signIn(page, 'admin', '/admin/notifications/replies');
  const title = `请提供截图 ${RUN}`;
  await page.fill('#f-title', title);
  await page.check('input[name="language"][value="zh"]');
  await page.fill('#f-body', '{customer}您好：\n为了尽快定位问题（工单 {number}），请把出错时的完整截图发给我们。\n{agent}');
  await Promise.all([page.waitForNavigation(), page.click('.form-card button[type="submit"]')]);
  assert.match(page.url(), /\/admin\/notifications\/replies\/\d+\?done=reply_created$/);
  assert.match(await page.locator('.reply-preview').textContent(), /^张三您好：/);
  await noHorizontalScroll(page);
  await shot(page, 'reply-template');
  await page.goto(`${BASE}/admin/notifications/replies`);
  await shot(page, 'reply-templates');
  // on a new Chinese ticket: claim it, open the templates, insert one
  const res = await fetch(`${BASE}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${cred.API_KEY}` },
    body: JSON.stringify({ subject: `登录页白屏 ${RUN}`, description: '打开登录页后一片空白。', category: 'usage',
      impact: 'individual', product: 'DeskPro 5', customer: { name: '孙悦', email: `bt-${RUN}-reply@example.com` }, fields: { question_kind: 'howto' } }),
  });
  assert.equal(res.status, 201);
  const { number } = await res.json();
  await page.goto(`${BASE}/agent/t/${number}`);
  await Promise.all([page.waitForNavigation(), page.click('form.act-claim button[type="submit"]')]);
  await page.locator('.reply-tpls > summary').click();
  const item = page.locator('.reply-tpl', { hasText: title });
  await shot(page, 'reply-insert');
  await item.locator('button.reply-insert').click();
  const text = await page.inputValue('#reply-body');
  assert.match(text, new RegExp(`工单 ${number}`), text);
  assert.doesNotMatch(text, /\{[a-z]+\}/);
  // tidy: switch it off again
  await page.goto(`${BASE}/admin/notifications/replies`);
  await Promise.all([page.waitForNavigation(), page.locator('tr.reply-row', { hasText: title }).locator('a.label').click()]);
  await Promise.all([page.waitForNavigation(), page.click('.state-box button')]);
  assert.match(page.url(), /done=reply_off$/);
});
