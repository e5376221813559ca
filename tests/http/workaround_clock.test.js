'use strict';
// The temporary workaround (临时解决方案) and its "within 1 working day"
// clock, on the movable clock. The admins' rule (here: urgent tickets and
// complaints) gives a ticket the clock at intake, counted in business time
// on its calendar: a complaint filed on a Friday afternoon is due on Monday
// afternoon; a plain fault gets none, until the rule covers long
// resolutions or its priority is raised. The clock shows on the ticket page,
// as a badge in the queue and on the customer's follow page; the scheduler
// warns before the deadline and alerts at it, once each; sending the
// workaround puts it on the thread, mails the customer and stops the clock
// (met or missed recorded).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');
const { reloadConfig } = require('./routing_lib');

C.useTestInstant();

const FILE = 233;
const DAY = 86400;
const ZONE = 8 * 3600;
const T = A.tag('WA');
const CLOCK = '临时方案';
let agent, admin; // agent: the supervisor, who may work every team's tickets

/** The next Friday 16:30 (Asia/Shanghai) after the stack's now, in seconds. */
function nextFridayAfternoon() {
  const nowS = Math.floor(C.now() / 1000) + DAY;
  const midnight = nowS - ((nowS + ZONE) % DAY);
  const weekday = new Date((midnight + ZONE) * 1000).getUTCDay();
  return midnight + ((5 - weekday + 7) % 7) * DAY + 16 * 3600 + 30 * 60;
}

/** Saves the rule on the admin console: {priorities: [], categories: [], long}. */
async function saveRule({ priorities = [], categories = [], long = false }) {
  await admin.page('/admin/workaround');
  const form = [['csrf', admin.csrf]];
  for (const p of priorities) form.push(['priorities', p]);
  for (const c of categories) form.push(['categories', c]);
  if (long) form.push(['long_resolution', '1']);
  const res = await admin.client.post('/admin/workaround', { form });
  assert.equal(res.status, 303, `saving the rule: ${res.status} ${A.strip(res.body || '').slice(0, 200)}`);
  reloadConfig(); // every program takes the rule now
  await S.sleep(300);
}

async function claimed(opts) {
  const x = await A.createTicket({ ...opts, subject: `${T} ${opts.subject}` });
  await agent.must(x.number, 'claim');
  return x;
}

const followPage = async (x) => (await L.client({ localAddress: L.addr(FILE, 9) }).get(`/t/${x.token}`)).body;
const notice = (html) => A.strip((html.match(/<section class="card workaround-notice"[\s\S]*?<\/section>/) || [''])[0]);
const queueRow = async (d, number) => (await d.queue('mine', { q: number })).rows.find((r) => r.number === number);
const badge = (row) => (row.html.match(/<span class="wa-badge wa-(\w+)"/) || [])[1];
const history = (p) => S.alertLines(p.html).join(' | ');
const countOf = (p, text) => S.alertLines(p.html).filter((l) => l.includes(text)).length;
const clockMails = (number, kind) => S.readMails().filter((m) => m.subject.includes(number) &&
  m.subject.includes(kind) && m.subject.includes('临时解决方案'));

let complaint, fault, urgent;

test.before(async () => {
  await S.sleep(100);
  C.setAt(nextFridayAfternoon()); // before signing in: sessions idle out when the clock jumps
  admin = await A.desk('admin', L.addr(FILE, 1));
  agent = await A.desk('supervisor', L.addr(FILE, 2));
  await saveRule({ priorities: ['urgent'], categories: ['complaint'] });
});

test.after(async () => {
  if (admin) {
    admin = await S.fresh('admin', L.addr(FILE, 5));
    await saveRule({});
  }
});

test('the rule is an audited admin setting', async () => {
  const page = (await admin.page('/admin/workaround')).body;
  assert.match(page, /name="categories" value="complaint" checked/, 'complaints are in the rule');
  assert.match(page, /name="priorities" value="urgent" checked/, 'urgent tickets too');
  assert.doesNotMatch(page, /name="long_resolution" value="1" checked/);
  const audit = A.strip((await admin.page('/admin/audit?entity=setting')).body);
  assert.ok(audit.includes('Workaround.Categories') && audit.includes('complaint'), 'the change is audited');
});

test('the clock starts by the rule: a complaint filed on Friday afternoon is due on Monday; a plain fault gets none', async () => {
  complaint = await claimed({ category: 'complaint', subject: 'complaint' });
  fault = await claimed({ category: 'fault', subject: 'fault' });
  urgent = await claimed({ category: 'fault', subject: 'urgent', impact: 'company' });
  const created = S.secs((await S.apiGet(complaint.number)).created_at);
  const p = await agent.ticket(complaint.number);
  const clock = p.clocks[CLOCK];
  assert.ok(clock, `the ticket page shows the workaround clock: ${JSON.stringify(p.clocks)}`);
  const due = S.businessDue(created, 450); // one working day of the standard calendar
  assert.equal(new Date((due + ZONE) * 1000).getUTCDay(), 1, `due on Monday: ${S.local(due)}`);
  assert.equal(S.secs(clock.iso), due, `one working day after ${S.local(created)} is ${S.local(due)}`);
  assert.equal(clock.state, 'ok');
  assert.match(p.html, /class="next-clock wa-clock"/, 'beside the next steps too');
  assert.ok(p.forms.includes('workaround'), 'the send form');

  const u = await agent.ticket(urgent.number);
  assert.ok(u.clocks[CLOCK], 'an urgent ticket gets it');
  const uc = S.secs((await S.apiGet(urgent.number)).created_at);
  assert.equal(S.secs(u.clocks[CLOCK].iso), uc + DAY, 'on the 7x24 calendar of urgent tickets, a day later');

  const f = await agent.ticket(fault.number);
  assert.ok(!f.clocks[CLOCK], 'a plain fault has no workaround clock');
  assert.doesNotMatch(f.html, /wa-clock/);

  // the queue: a badge on the rows with a running clock only
  assert.equal(badge(await queueRow(agent, complaint.number)), 'ok', 'the queue row has the badge');
  assert.equal(badge(await queueRow(agent, fault.number)), undefined, 'none on the plain fault');

  // the customer's follow page says by when
  const box = notice(await followPage(complaint));
  assert.ok(box.includes('我们将在此时间前向您提供临时解决方案') && box.includes(S.local(due)), `follow page: ${box}`);
  assert.equal(notice(await followPage(fault)), '', 'nothing for the plain fault');
});

test('raising a ticket to urgent starts its clock; a rule on long resolutions covers plain faults', async () => {
  const x = await claimed({ category: 'fault', subject: 'raised' });
  assert.ok(!(await agent.ticket(x.number)).clocks[CLOCK]);
  const sup = await S.fresh('supervisor', L.addr(FILE, 3));
  await sup.must(x.number, 'priority', { priority: A.PRIORITIES.urgent, reason: `影响扩大 ${T}` });
  assert.ok((await agent.ticket(x.number)).clocks[CLOCK], 'urgent now: the clock runs');

  await saveRule({ priorities: ['urgent'], categories: ['complaint'], long: true });
  const y = await claimed({ category: 'fault', subject: 'long', priority: 'general' });
  assert.equal((await S.apiGet(y.number)).priority, 'general');
  assert.ok((await agent.ticket(y.number)).clocks[CLOCK], 'general: resolved within 3 working days, longer than one: the clock runs');
  const z = await claimed({ category: 'fault', subject: 'one day', priority: 'important' });
  assert.ok(!(await agent.ticket(z.number)).clocks[CLOCK], 'important: resolved within one working day: no workaround clock');
  await saveRule({ priorities: ['urgent'], categories: ['complaint'] });
});

test('the scheduler warns before the deadline and alerts at it, once each; the ticket page and the queue follow', async () => {
  assert.ok(complaint, 'the complaint of the earlier test');
  const p0 = await agent.ticket(complaint.number);
  const due = S.secs(p0.clocks[CLOCK].iso);
  C.setAt(due - 10 * 60); // past the warning share, before the deadline
  agent = await S.fresh('supervisor', L.addr(FILE, 4));
  await S.waitFor(async () => countOf(await agent.ticket(complaint.number), '临时解决方案即将到期') === 1,
    'the workaround warning in the history', { timeout: 60000 });
  let p = await agent.ticket(complaint.number);
  assert.equal(countOf(p, '临时解决方案已超时'), 0, `no breach before the deadline: ${history(p)}`);
  assert.equal(p.clocks[CLOCK].state, 'warn', 'the clock shows the warning');
  assert.equal(badge(await queueRow(agent, complaint.number)), 'warn');
  await S.waitFor(() => clockMails(complaint.number, '即将超时').length >= 1, 'the warning mail', { timeout: 60000 });

  C.setAt(due + 60);
  agent = await S.fresh('supervisor', L.addr(FILE, 4));
  await S.waitFor(async () => countOf(await agent.ticket(complaint.number), '临时解决方案已超时') === 1,
    'the workaround breach in the history', { timeout: 60000 });
  await S.waitFor(() => clockMails(complaint.number, '已超时').length >= 1, 'the breach mail', { timeout: 60000 });
  S.schedulerOnce(); // a second scheduler raises nothing again
  await S.sleep(2500); // the stack's scheduler runs every second
  p = await agent.ticket(complaint.number);
  assert.equal(countOf(p, '临时解决方案即将到期'), 1, `one warning: ${history(p)}`);
  assert.equal(countOf(p, '临时解决方案已超时'), 1, `one breach: ${history(p)}`);
  assert.equal(clockMails(complaint.number, '即将超时').length, 1, 'one warning mail');
  assert.equal(clockMails(complaint.number, '已超时').length, 1, 'one breach mail');
  assert.equal(p.clocks[CLOCK].state, 'breach');
  assert.equal(badge(await queueRow(agent, complaint.number)), 'breach');
  assert.match(notice(await followPage(complaint)), /临时解决方案正在准备中/, 'the customer page says it is late');
});

test('sending the workaround stops the clock (missed, late), puts it on the thread and mails the customer', async () => {
  const measures = `请先切换到备用导出通道 ${T}`;
  const refused = await agent.act(complaint.number, 'workaround', { measures: '' });
  assert.notEqual(refused.status, 303, 'measures are required');
  const p = await agent.must(complaint.number, 'workaround', {
    measures, compensation: `赠送一个月服务期 ${T}`, fix_expected: '2030-01-15T18:00' });
  assert.ok(p.thread.includes(measures) && p.thread.includes('赠送一个月服务期'), 'on the thread');
  assert.ok(p.thread.includes('超时发送'), `recorded as sent late: ${p.thread.slice(0, 300)}`);
  const clock = p.clocks[CLOCK];
  assert.equal(clock.state, 'done', 'the clock no longer runs');
  assert.match(clock.text, /超时发送|未达成|超时/, `missed recorded: ${clock.text}`);
  assert.match(p.html, /class="met met-missed"/);
  assert.equal(badge(await queueRow(agent, complaint.number)), undefined, 'no badge any more');

  const page = await followPage(complaint);
  const box = notice(page);
  for (const s of [measures, `赠送一个月服务期 ${T}`, '2030-01-15 18:00']) assert.ok(box.includes(s), `the customer sees ${s}: ${box}`);
  assert.ok(A.strip(page).includes(measures), 'and on the conversation');
  await S.waitFor(() => S.readMails().some((m) => S.mailTo(m, complaint.body.customer.email) &&
    m.body.includes(measures)), 'the workaround mailed to the customer', { timeout: 60000 });

  // no alert after it stopped, whatever the time
  C.setAt(Math.floor(C.now() / 1000) + 3 * DAY);
  S.schedulerOnce();
  const later = await (await S.fresh('supervisor', L.addr(FILE, 6))).ticket(complaint.number);
  assert.equal(countOf(later, '临时解决方案已超时'), 1, 'still one breach');
});

test('a workaround sent in time is recorded as met', async () => {
  agent = await S.fresh('supervisor', L.addr(FILE, 7)); // the clock jumped: a new session
  const x = await claimed({ category: 'complaint', subject: 'in time' });
  const p = await agent.must(x.number, 'workaround', { measures: `临时改用手工对账 ${T}` });
  assert.match(p.html, /class="met met-met"/, 'met');
  assert.ok(p.thread.includes('按时发送'));
  assert.equal(p.clocks[CLOCK].state, 'done', 'stopped');
  const box = notice(await followPage(x));
  assert.ok(box.includes(`临时改用手工对账 ${T}`) && box.includes('待定'), `no fix date: to be announced: ${box}`);
});
