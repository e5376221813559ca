'use strict';
// Review meetings are scheduled at least three working days ahead on the
// organiser's business calendar: on a Thursday morning, with the next Monday
// a holiday on that calendar, a meeting on the holiday or on Tuesday is
// refused on the form (input kept, the earliest start said), Wednesday is
// accepted; a supervisor may not give a reason to meet sooner, a director
// may and it is kept; agents do not organise, attendees read the meeting,
// others do not. The stack's clock is placed on a Thursday 10:00 first.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 142;
const T = A.tag('MT');
const low = T.toLowerCase().replace(/[^a-z0-9]/g, '');
const DAY = 86400;
const ZONE = 8 * 3600; // Asia/Shanghai
let admin, supervisor, agent, trainer, director;
let thursday; // seconds: the Thursday 10:00 the stack is placed at

/** "YYYY-MM-DDTHH:MM" in Shanghai of an instant in seconds (datetime-local). */
const local = (s) => new Date((s + ZONE) * 1000).toISOString().slice(0, 16);
const day = (s) => local(s).slice(0, 10);

/** Places the stack on a Thursday and makes the people and the calendar,
 * once (inside the first test: after this file's instant is set). */
let ready;
function setup() {
  if (!ready) ready = setupOnce();
  return ready;
}

async function setupOnce() {
  // the next Thursday 10:00 in Shanghai, at least a day from now (sessions
  // opened after the clock moved: a move of days ends idle ones)
  const nowS = Math.floor(C.now() / 1000) + DAY;
  const midnight = nowS - ((nowS + ZONE) % DAY);
  const weekday = new Date((midnight + ZONE) * 1000).getUTCDay();
  thursday = midnight + ((4 - weekday + 7) % 7) * DAY + 10 * 3600;
  C.setAt(thursday);
  admin = await A.desk('admin', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  agent = await A.desk('agent', L.addr(FILE, 3));
  trainer = await A.desk('trainer', L.addr(FILE, 4));
  // the organiser's calendar: Mon-Fri 09:00-12:00 + 13:30-18:00, the next Monday off
  await admin.page('/admin/calendars');
  const spans = '09:00-12:00, 13:30-18:00';
  const res = await admin.client.post('/admin/calendars', { form: { csrf: admin.csrf, code: `rv_${low}`.slice(0, 40),
    name_zh: `复盘日历 ${T}`, name_en: `Review ${T}`, zone: 'Asia/Shanghai',
    span_mon: spans, span_tue: spans, span_wed: spans, span_thu: spans, span_fri: spans, span_sat: '', span_sun: '' } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const calId = Number(res.headers.location.match(/calendars\/(\d+)/)[1]);
  await admin.page(`/admin/calendars/${calId}`);
  const hol = await admin.client.post(`/admin/calendars/${calId}/days`, { form: { csrf: admin.csrf,
    d_date: day(thursday + 4 * DAY), d_kind: 'holiday', d_name: `${T} 假日` } });
  assert.equal(hol.status, 303, L.text(hol.body).slice(0, 300));
  A.setupSql(`UPDATE agents SET calendar_id = ${calId} WHERE login = 'supervisor'`);
  // a director, made in the admin console; on the desk's first calendar
  await admin.page('/admin/people/new');
  const made = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', `${low}d`],
    ['name', `服务总监 ${T}`], ['role', 'director'], ['language', 'zh'], ['teams', String(A.TEAMS.supervisors)],
    ['password_mode', 'set'], ['password', `Pw-${T}-director`]] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const dc = L.client({ localAddress: L.addr(FILE, 5) });
  assert.equal((await A.signIn(dc, `${low}d`, `Pw-${T}-director`)).status, 303);
  director = new A.Desk(dc, `${low}d`);
  await director.page('/agent/meetings');
}

test.after(() => {
  if (ready) A.setupSql("UPDATE agents SET calendar_id = NULL WHERE login = 'supervisor'");
});

function meetingForm(m) {
  const f = [['kind', m.kind || 'review'], ['title', m.title], ['starts_at', local(m.at)], ['duration', '90'],
    ['location', '3 楼会议室'], ['agenda', '问题回顾\n经验分享\n根因确认\n改进方向']];
  if (m.reason) f.push(['override_reason', m.reason]);
  for (const id of m.attendees || []) f.push(['attendees', String(id)]);
  for (const id of m.teams || []) f.push(['teams', String(id)]);
  return f;
}

async function schedule(desk, m) {
  await desk.page('/agent/meetings/new');
  return desk.client.post('/agent/meetings/new', { form: [['csrf', desk.csrf], ...meetingForm(m)] });
}

test('on a Thursday, a meeting on the holiday Monday or on Tuesday is too soon; Wednesday is three working days ahead', async () => {
  await setup();
  const title = `${T} 报表故障复盘`;
  for (const at of [thursday + 4 * DAY + 4 * 3600, thursday + 5 * DAY + 5 * 3600]) {
    const res = await schedule(supervisor, { title, at, attendees: [A.PEOPLE.agent.id] });
    assert.equal(res.status, 422, `${local(at)} refused`);
    assert.ok(L.hasFieldError(res.body, 'starts_at'));
    assert.ok(L.text(res.body).includes('至少提前 3 个工作日'));
    const earliest = res.body.match(/<time class="earliest" datetime="([^"]+)">([^<]+)<\/time>/);
    assert.ok(earliest, 'the earliest start is said');
    assert.equal(earliest[2], local(thursday + 6 * DAY).replace('T', ' '), 'Friday, Tuesday, Wednesday: Wednesday 10:00');
    assert.ok(res.body.includes(`value="${L.htmlEscape(title)}"`), 'the title is kept');
    assert.ok(res.body.includes(`value="${local(at)}"`), 'the time is kept');
    assert.match(res.body, new RegExp(`name="attendees" value="${A.PEOPLE.agent.id}" checked`));
  }
  C.setAt(thursday); // the rule counts from now: Thursday 10:00 again, seconds later
  const ok = await schedule(supervisor, { title, at: thursday + 6 * DAY, attendees: [A.PEOPLE.agent.id] });
  assert.equal(ok.status, 303, L.text(ok.body).slice(0, 300));
  const id = ok.headers.location.match(/^\/agent\/meetings\/(\d+)\?done=meeting_created$/)[1];
  const page = await supervisor.page(`/agent/meetings/${id}`);
  assert.match(page.body, new RegExp(`class="starts-at" datetime="[^"]+">${local(thursday + 6 * DAY).replace('T', ' ')}<`));
  assert.ok(L.text(page.body).includes(A.PEOPLE.agent.name));
  // the attendee reads it; someone else does not
  assert.equal((await agent.page(`/agent/meetings/${id}`)).status, 200);
  assert.equal((await trainer.page(`/agent/meetings/${id}`)).status, 403);
  assert.ok((await agent.page('/agent/meetings')).body.includes(title));
  assert.ok(!(await trainer.page('/agent/meetings')).body.includes(title));
});

test('only a director may meet sooner, and the reason is kept', async () => {
  await setup();
  const soon = thursday + 1 * DAY + 5 * 3600; // Friday 15:00
  const sup = await schedule(supervisor, { title: `${T} 主管加急`, at: soon, reason: '客户要求' });
  assert.equal(sup.status, 422);
  assert.ok(L.hasFieldError(sup.body, 'override_reason'));
  const plain = await schedule(director, { title: `${T} 总监`, at: soon });
  assert.equal(plain.status, 422, 'without a reason the rule holds for a director too');
  assert.ok(L.hasFieldError(plain.body, 'starts_at'));
  const res = await schedule(director, { title: `${T} 总监加急`, at: soon, reason: 'VIP 客户重大投诉，需次日复盘' });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const page = await director.page(res.headers.location);
  assert.ok(L.text(page.body).includes('VIP 客户重大投诉，需次日复盘'));
  assert.ok(L.text(page.body).includes('已安排会议'));
});

test('a department invited as a whole: the form keeps it, the page lists it, its members read the meeting', async () => {
  await setup();
  const title = `${T} 培训组联合复盘`;
  const soon = await schedule(supervisor, { title, at: thursday + 5 * DAY + 5 * 3600, teams: [A.TEAMS.training] });
  assert.equal(soon.status, 422);
  assert.match(soon.body, new RegExp(`name="teams" value="${A.TEAMS.training}" checked`), 'the department is kept');
  C.setAt(thursday);
  const ok = await schedule(supervisor, { title, at: thursday + 6 * DAY, teams: [A.TEAMS.training] });
  assert.equal(ok.status, 303, L.text(ok.body).slice(0, 300));
  const id = ok.headers.location.match(/^\/agent\/meetings\/(\d+)/)[1];
  const page = await supervisor.page(`/agent/meetings/${id}`);
  const teams = page.body.match(/<section class="doc-part meeting-teams">([\s\S]*?)<\/section>/);
  assert.ok(teams && L.text(teams[1]).includes('参会部门') && L.text(teams[1]).includes('产品培训组'));
  // the trainer, a member, reads it and finds it in their list; an after-sales agent does not
  assert.equal((await trainer.page(`/agent/meetings/${id}`)).status, 200);
  assert.ok((await trainer.page('/agent/meetings')).body.includes(title));
  assert.equal((await agent.page(`/agent/meetings/${id}`)).status, 403);
  // the edit form has it chosen; an unknown department is refused on the form
  const edit = await supervisor.page(`/agent/meetings/${id}/edit`);
  assert.match(edit.body, new RegExp(`name="teams" value="${A.TEAMS.training}" checked`));
  const bad = await schedule(supervisor, { title, at: thursday + 6 * DAY, teams: [999999] });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'teams'));
});

test('agents do not organise meetings; a past time is refused', async () => {
  await setup();
  assert.equal((await agent.page('/agent/meetings/new')).status, 403);
  const res = await agent.client.post('/agent/meetings/new', { form: [['csrf', agent.csrf], ...meetingForm({ title: 'x', at: thursday + 9 * DAY })] });
  assert.equal(res.status, 403);
  const past = await schedule(supervisor, { title: `${T} 过去`, at: thursday - DAY });
  assert.equal(past.status, 422);
  assert.ok(L.hasFieldError(past.body, 'starts_at'));
});
