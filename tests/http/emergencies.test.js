'use strict';
// Emergencies (应急处理): a supervisor declares one on tickets and forms its
// team from the problem type's template (admins edit it, audited); a plain
// agent may not declare, and sees an emergency only once on its team. The
// members are mailed when the team is formed and when one is added. Two
// clocks in wall time from the declaration: the preliminary plan within
// 2 hours, the feedback to the customer within 24 hours; each is warned at
// three quarters and alerted at its deadline once, and records met or
// late. Closing with a summary offers a problem record prefilled with the
// emergency's tickets and timeline. The list puts open ones first, in
// keyset pages.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 254;
const MIN = 60;
const HOUR = 3600;
// the outbox may be working off a backlog (an earlier file's clock jump
// raises many alerts at once) on a loaded machine
const MAIL_WAIT = 240000;
const T = A.tag('EM');
const P = A.PEOPLE;
let admin, supervisor, agent;
let t0; // the declaration of the clock emergencies, in seconds
const em = {}; // name -> {id, tickets}

const mails = (login, what) => S.readMails().filter((m) => S.mailTo(m, `${login}@desk.example`) && m.subject.includes(what));

function formAt(html, action) {
  const i = html.indexOf(`action="${action}"`);
  return i < 0 ? '' : html.slice(i, html.indexOf('</form>', i));
}

/** Declares an emergency as d: the response. */
function declare(d, fields) {
  const form = [['csrf', d.csrf], ['title', fields.title], ['category', String(fields.category || 0)],
    ['tickets', fields.tickets], ['lead', String(fields.lead)]];
  for (const m of fields.members || []) form.push(['members', String(m)]);
  return d.client.post('/agent/emergencies/new', { form });
}

async function declared(d, fields) {
  const res = await declare(d, fields);
  assert.equal(res.status, 303, `declare: ${res.status} ${L.text(res.body).slice(0, 300)}`);
  const m = res.headers.location.match(/^\/agent\/emergencies\/(\d+)\?done=emergency_declared$/);
  assert.ok(m, res.headers.location);
  return Number(m[1]);
}

async function act(d, id, what, fields = {}) {
  if (!d.csrf) await d.page('/agent/q/mine');
  return d.client.post(`/agent/emergencies/${id}/act`, { form: { csrf: d.csrf, do: what, ...fields } });
}

async function mustAct(d, id, what, fields = {}) {
  const res = await act(d, id, what, fields);
  assert.equal(res.status, 303, `${what}: ${res.status} ${L.text(res.body).slice(0, 300)}`);
  return res;
}

/** The page's clocks: {plan, feedback} each {due (s), state, met}. */
async function clocks(d, id) {
  const res = await d.get(`/agent/emergencies/${id}`);
  assert.equal(res.status, 200);
  const out = {};
  for (const [k, cls] of [['plan', 0], ['feedback', 1]]) {
    const block = res.body.split('<div class="em-clock')[cls + 1].split('</div>')[0];
    out[k] = {
      met: (block.match(/^ em-(\w+)/) || [])[1],
      due: S.secs((block.match(/class="em-due" datetime="([^"]+)"/) || [])[1]),
      state: (block.match(/class="sla sla-(\w+)"/) || [])[1],
    };
  }
  return { ...out, html: res.body, text: L.text(res.body) };
}

test.before(async () => {
  await S.sleep(100);
  admin = await A.desk('admin', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  agent = await A.desk('agent', L.addr(FILE, 3));
});

test('only managers declare; the admin edits the problem type\'s team template (audited) and the form is prefilled from it', async () => {
  assert.equal((await agent.get('/agent/emergencies/new')).status, 403, 'a plain agent may not open the form');
  const x = await A.createTicket({ subject: `${T} 批量导出失败` });
  const refused = await declare(agent, { title: `${T} 不应成立`, tickets: x.number, lead: P.agent.id });
  assert.equal(refused.status, 403, 'nor declare');
  assert.ok(!(await supervisor.get('/agent/emergencies')).body.includes('不应成立'), 'nothing was declared');
  assert.ok(!(await agent.ticket(x.number)).html.includes('/agent/emergencies/new'), 'no declare link for a plain agent');

  // the template of the fault type: lead 培训专员, members 工程师 and 产品经理
  const edit = await admin.page(`/admin/emergency-teams/${A.CATEGORIES.fault}`);
  assert.equal(edit.status, 200);
  const saved = await admin.client.post(`/admin/emergency-teams/${A.CATEGORIES.fault}`, {
    form: [['csrf', admin.csrf], ['lead', String(P.trainer.id)], ['members', String(P.agent.id)], ['members', String(P.pm.id)]],
  });
  assert.equal(saved.status, 303, L.text(saved.body).slice(0, 300));
  const list = L.text((await admin.get('/admin/emergency-teams')).body);
  assert.ok(list.includes(P.trainer.name) && list.includes(P.pm.name), `the list shows the team: ${list.slice(0, 600)}`);
  const audit = L.text((await admin.get('/admin/audit')).body);
  assert.match(audit, /应急小组模板/, 'the change is in the audit log');
  assert.equal((await supervisor.get(`/admin/emergency-teams/${A.CATEGORIES.fault}`)).status, 403, 'admins only');

  // the supervisor declares from the ticket page: the form carries the ticket and the template's team
  const page = await supervisor.ticket(x.number);
  const link = (page.html.match(/href="(\/agent\/emergencies\/new\?tickets=[^"]+)"/) || [])[1];
  assert.ok(link, 'the ticket page offers to declare an emergency');
  const form = (await supervisor.page(link.replace(/&amp;/g, '&'))).body;
  const post = formAt(form, '/agent/emergencies/new" class');
  assert.ok(form.includes(`value="${x.number}"`), 'the ticket is filled in');
  assert.match(form, new RegExp(`<option value="${P.trainer.id}" selected>`), 'the lead from the template');
  for (const m of [P.agent.id, P.pm.id]) assert.match(form, new RegExp(`name="members" value="${m}" checked`), `member ${m} from the template`);
  assert.doesNotMatch(form, new RegExp(`name="members" value="${P.supervisor.id}" checked`));
  assert.ok(post !== undefined);
  // another type has no template: nobody is prefilled
  const usage = (await supervisor.page(`/agent/emergencies/new?tickets=${x.number}&category=${A.CATEGORIES.usage}`)).body;
  assert.doesNotMatch(usage, /name="members" value="\d+" checked/);
});

test('the team is formed: members are mailed, the ticket shows its emergency, outsiders see nothing until added', async () => {
  const x = await A.createTicket({ subject: `${T} 门店收银全部离线` });
  const y = await A.createTicket({ subject: `${T} 收银同步失败` });
  const title = `${T} 收银系统大面积故障`;
  const id = await declared(supervisor, { title, category: A.CATEGORIES.fault, tickets: `${x.number}, ${y.number}`, lead: P.trainer.id, members: [P.pm.id] });
  t0 = Math.floor(C.now() / 1000);
  em.main = { id, tickets: [x.number, y.number], title };
  await S.waitFor(() => mails('trainer', title).length >= 1 && mails('pm', title).length >= 1, 'the team mails', { timeout: MAIL_WAIT });
  const lead = mails('trainer', title)[0];
  assert.match(lead.subject, /应急小组/);
  assert.ok(lead.body.includes(`/agent/emergencies/${id}`), 'the mail links the emergency');
  assert.match(lead.body, /组长/);
  assert.equal(mails('agent', title).length, 0, 'not to someone off the team');

  const page = await supervisor.get(`/agent/emergencies/${id}`);
  assert.equal(page.status, 200);
  const text = L.text(page.body);
  for (const s of [title, x.number, y.number, P.trainer.name, P.pm.name]) assert.ok(text.includes(s), `the page shows ${s}`);
  assert.ok(!page.body.includes('@example.com'), 'no customer contact on the page');
  // the ticket page names it
  const tp = await supervisor.ticket(x.number);
  assert.match(tp.html, new RegExp(`<section class="card card-emergency"[\\s\\S]*?href="/agent/emergencies/${id}"`));

  // the team opens the emergency's tickets (to read and add internal notes, as R&D an
  // escalation's): the lead is in another team than the tickets'
  const trainer = await A.desk('trainer', L.addr(FILE, 10));
  assert.equal((await trainer.ticket(x.number)).res.status, 200, 'the lead opens the emergency\'s ticket');
  await trainer.must(x.number, 'note', { body: `${T} 应急组长的内部备注` });
  const apart = await A.createTicket({ subject: `${T} 与应急无关的工单` });
  assert.equal((await trainer.ticket(apart.number)).res.status, 404, 'not a ticket outside the emergency');

  // a plain agent off the team: answered as missing, and not in their list
  assert.equal((await agent.get(`/agent/emergencies/${id}`)).status, 404);
  assert.equal((await act(agent, id, 'note', { note: 'x' })).status, 404);
  assert.ok(!(await agent.get('/agent/emergencies')).body.includes(title));
  assert.ok(!(await agent.ticket(x.number)).html.includes(`/agent/emergencies/${id}`), 'nor on the ticket page');
  // added later: mailed once, then sees and acts
  await mustAct(supervisor, id, 'member', { member: P.agent.id });
  await S.waitFor(() => mails('agent', title).length >= 1, 'the new member\'s mail', { timeout: MAIL_WAIT });
  assert.equal((await agent.get(`/agent/emergencies/${id}`)).status, 200);
  assert.ok((await agent.get('/agent/emergencies')).body.includes(title));
  const again = await act(supervisor, id, 'member', { member: P.agent.id });
  assert.equal(again.status, 422, 'added twice is refused');
  // another ticket added later
  const z = await A.createTicket({ subject: `${T} 第三家门店` });
  await mustAct(agent, id, 'ticket', { ticket: z.number });
  em.main.tickets.push(z.number);
  assert.ok((await agent.get(`/agent/emergencies/${id}`)).body.includes(z.number));
  await S.sleep(2500);
  assert.equal(mails('agent', title).length, 1, 'one mail per member');
  assert.equal(mails('trainer', title).length, 1, 'one mail per member');
});

test('the 2-hour plan clock: met when written in time; otherwise warned, then breached, alerted once each', async () => {
  assert.ok(em.main, 'the emergency of the test before');
  const late = `${T} 方案超时`;
  const x = await A.createTicket({ subject: `${T} 另一事件` });
  em.late = { id: await declared(supervisor, { title: late, tickets: x.number, lead: P.trainer.id, members: [P.pm.id] }), title: late };
  const start = Math.floor(C.now() / 1000);
  const c = await clocks(supervisor, em.main.id);
  assert.ok(Math.abs(c.plan.due - (t0 + 2 * HOUR)) <= 5, `plan due 2 h after the declaration (wall time): ${c.plan.due - t0}`);
  assert.ok(Math.abs(c.feedback.due - (t0 + 24 * HOUR)) <= 5, `feedback due 24 h after: ${c.feedback.due - t0}`);
  assert.equal(c.plan.met, 'pending');
  assert.ok(['ok', 'warn'].includes(c.plan.state), `the plan clock runs: ${c.plan.state}`);

  // one hour later the main emergency's plan is written: met
  C.setAt(t0 + HOUR);
  const sup = await S.fresh('supervisor', L.addr(FILE, 4));
  await mustAct(sup, em.main.id, 'plan', { plan: `初步方案：切换备用线路 ${T}` });
  await mustAct(sup, em.main.id, 'plan', { plan: `初步方案 v2：切换备用线路并回滚补丁 ${T}` });
  const m = await clocks(sup, em.main.id);
  assert.equal(m.plan.met, 'met');
  assert.ok(m.text.includes('回滚补丁'), 'the latest version shows');
  assert.match(m.html, /<details class="em-versions">[\s\S]*切换备用线路 /, 'the earlier version is kept');

  // at 1 h 35 the late one is warned, once, to its team
  C.setAt(start + 95 * MIN);
  await S.waitFor(() => mails('trainer', `初步处理方案即将到期：${late}`).length >= 1, 'the plan warning', { timeout: MAIL_WAIT });
  assert.equal(mails('pm', `初步处理方案即将到期：${late}`).length, 1);
  // at 2 h 01 breached, once
  C.setAt(start + 2 * HOUR + MIN);
  await S.waitFor(() => mails('trainer', `初步处理方案已超时：${late}`).length >= 1, 'the plan breach', { timeout: MAIL_WAIT });
  await S.sleep(3000); // the scheduler passes every second
  assert.equal(mails('trainer', `初步处理方案已超时：${late}`).length, 1, 'alerted once');
  assert.equal(mails('trainer', `初步处理方案即将到期：${late}`).length, 1, 'warned once');
  assert.equal(mails('trainer', `初步处理方案已超时：${em.main.title}`).length, 0, 'no alert for the plan written in time');
  const sup2 = await S.fresh('supervisor', L.addr(FILE, 5));
  let l = await clocks(sup2, em.late.id);
  assert.equal(l.plan.state, 'breach', 'the page shows it overdue');
  assert.equal((l.html.match(/ev-plan_breach/g) || []).length, 1, 'once on the timeline');
  assert.equal((l.html.match(/ev-plan_warning/g) || []).length, 1);
  await mustAct(sup2, em.late.id, 'plan', { plan: '迟到的方案' });
  l = await clocks(sup2, em.late.id);
  assert.equal(l.plan.met, 'breached', 'written late: recorded as late');
});

test('the 24-hour feedback clock: recorded in time is met; otherwise warned at 18 h and alerted at 24 h, once each', async () => {
  assert.ok(em.late, 'the emergencies of the tests before');
  C.setAt(t0 + 10 * HOUR);
  const sup = await S.fresh('supervisor', L.addr(FILE, 6));
  await mustAct(sup, em.main.id, 'feedback', { feedback: '已电话告知客户：两小时内恢复收银' });
  assert.equal((await clocks(sup, em.main.id)).feedback.met, 'met');
  C.setAt(t0 + 18 * HOUR + 5 * MIN);
  await S.waitFor(() => mails('pm', `客户反馈即将到期：${em.late.title}`).length >= 1, 'the feedback warning', { timeout: MAIL_WAIT });
  C.setAt(t0 + 24 * HOUR + 5 * MIN);
  await S.waitFor(() => mails('pm', `客户反馈已超时：${em.late.title}`).length >= 1, 'the feedback breach', { timeout: MAIL_WAIT });
  await S.sleep(3000);
  assert.equal(mails('pm', `客户反馈已超时：${em.late.title}`).length, 1, 'alerted once');
  assert.equal(mails('pm', `客户反馈即将到期：${em.late.title}`).length, 1, 'warned once');
  assert.equal(mails('pm', `客户反馈已超时：${em.main.title}`).length, 0, 'none for the one met');
  const sup2 = await S.fresh('supervisor', L.addr(FILE, 7));
  assert.equal((await clocks(sup2, em.late.id)).feedback.state, 'breach');
});

test('closed with a summary: a problem record starts prefilled from its tickets and timeline', async () => {
  assert.ok(em.main, 'the emergency of the tests before');
  const sup = await S.fresh('supervisor', L.addr(FILE, 8));
  await mustAct(sup, em.main.id, 'task', { task: `通知全部门店切换线路 ${T}`, owner: P.pm.id });
  let page = (await sup.get(`/agent/emergencies/${em.main.id}`)).body;
  const task = page.match(/name="task_id" value="(\d+)"/)[1];
  await mustAct(sup, em.main.id, 'task_done', { task_id: task });
  assert.match((await sup.get(`/agent/emergencies/${em.main.id}`)).body, /em-task is-done/);
  const noted = await act(sup, em.main.id, 'note', { note: '' });
  assert.equal(noted.status, 422, 'an empty note is refused');
  assert.match(noted.body, /<textarea id="f-plan"[^>]*>初步方案 v2/, 'the plan box still holds the current plan');
  const early = (await sup.page(`/agent/problems/new?src=emergency&emergency=${em.main.id}`)).body;
  assert.doesNotMatch(early, /value="应急事件：/, 'no problem record from an open emergency');
  const refused = await act(sup, em.main.id, 'close', { summary: '' });
  assert.equal(refused.status, 422, 'a summary is required');
  await mustAct(sup, em.main.id, 'close', { summary: `根因：补丁 5.2 与收银驱动冲突 ${T}` });
  page = (await sup.get(`/agent/emergencies/${em.main.id}`)).body;
  assert.match(L.text(page), /已结束/);
  assert.equal((await act(sup, em.main.id, 'note', { note: '关闭后' })).status, 422, 'closed: read-only');
  const link = (page.match(/href="(\/agent\/problems\/new\?src=emergency&amp;emergency=\d+)"/) || [])[1];
  assert.ok(link, 'closing offers a problem record');
  const form = (await sup.page(link.replace(/&amp;/g, '&'))).body;
  const value = (n) => L.text((form.match(new RegExp(`<input[^>]*name="${n}"[^>]*value="([^"]*)"`)) || [])[1] || '');
  assert.equal(value('title'), `应急事件：${em.main.title}`);
  assert.deepEqual(value('tickets').split(' ').sort(), [...em.main.tickets].sort());
  const timeline = L.text((form.match(/<textarea[^>]*name="timeline"[^>]*>([\s\S]*?)<\/textarea>/) || [])[1] || '');
  for (const s of ['启动应急处理', '保存处理方案', '向客户反馈', '补丁 5.2 与收银驱动冲突']) assert.ok(timeline.includes(s), `the timeline holds ${s}: ${timeline}`);
  const saved = await sup.client.post('/agent/problems/new', {
    form: [['csrf', sup.csrf], ['src', 'emergency'], ['emergency', String(em.main.id)], ['title', value('title')],
      ['tickets', value('tickets')], ['timeline', timeline], ['owner', String(P.supervisor.id)]],
  });
  assert.equal(saved.status, 303, L.text(saved.body).slice(0, 400));
  const pid = saved.headers.location.match(/^\/agent\/problems\/(\d+)/)[1];
  const after = (await sup.get(`/agent/emergencies/${em.main.id}`)).body;
  assert.ok(after.includes(`href="/agent/problems/${pid}"`), 'the emergency links its problem record');
  assert.ok(!after.includes('em-start-problem'), 'and offers no second one');
});

test('the list: open ones first, newest first, keyset pages without gaps or repeats', async () => {
  // setup only: 30 more emergencies, 12 of them closed
  const values = [];
  for (let i = 0; i < 30; i++) {
    values.push(`('${T} 列表 ${i}', ${i < 12 ? 0 : 1}, ${P.trainer.id}, ${P.supervisor.id}, UTC_TIMESTAMP() - INTERVAL ${i} MINUTE,
      UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), NULL)`);
  }
  A.setupSql(`INSERT INTO emergencies (title, is_open, lead_id, declared_by, declared_at, plan_warn_at, plan_due_at,
    feedback_warn_at, feedback_due_at, next_alert_at) VALUES ${values.join(',')}`);
  const sup = await S.fresh('supervisor', L.addr(FILE, 9));
  let url = '/agent/emergencies';
  const rows = [];
  for (let pages = 0; url && pages < 100; pages++) {
    const res = await sup.get(url);
    assert.equal(res.status, 200);
    for (const tr of res.body.split('<tr class="em-row').slice(1)) {
      rows.push({ id: Number(tr.match(/data-id="(\d+)"/)[1]), open: /^ is-open/.test(tr), title: L.text((tr.match(/<bdi>([^<]*)<\/bdi>/) || [])[1] || '') });
    }
    const next = res.body.match(/<a rel="next" href="([^"]+)"/);
    url = next ? next[1].replace(/&amp;/g, '&') : null;
  }
  const ids = rows.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'no repeats across pages');
  const firstClosed = rows.findIndex((r) => !r.open);
  assert.ok(rows.slice(firstClosed).every((r) => !r.open), 'open ones first');
  for (let i = 0; i < 30; i++) assert.ok(rows.some((r) => r.title === `${T} 列表 ${i}`), `row ${i} is listed`);
  const mine = rows.filter((r) => r.title.startsWith(`${T} 列表`)).map((r) => r.title);
  const want = [...Array(18).keys()].map((i) => `${T} 列表 ${i + 12}`).concat([...Array(12).keys()].map((i) => `${T} 列表 ${i}`));
  assert.deepEqual(mine, want, 'newest first within each part');
  assert.equal((await sup.get('/agent/emergencies?after=o:1:1')).status, 400, 'a cursor not ours');
});
