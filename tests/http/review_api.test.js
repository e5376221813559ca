'use strict';
// Drill records and the review loop over the JSON API. A supervisor records
// a quarterly drill with its findings and a follow-up action, which is an
// action item like any other (in the owner's list); agents do not record
// drills; a drill dated in the future is refused on the form, input kept.
// GET /api/v1/review/{problems,meetings,actions}[/ID] answers a key with the
// "review" grant (made in the admin console's key form) and refuses one
// without it (403) and a call without a key (401). The clock is set first:
// deadlines are dates.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 161;
const T = A.tag('RA');
const DAY = 86400;
const ZONE = 8 * 3600;
const day = (s) => new Date((s + ZONE) * 1000).toISOString().slice(0, 10);

let sup, admin, owner, reviewKey, plainKey, drillId, problemId, meetingId;

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  sup = await A.desk('supervisor', L.addr(FILE, 2));
  owner = await A.desk('agent', L.addr(FILE, 3));
});

function drillForm(desk, d) {
  return [['csrf', desk.csrf], ['held_on', d.held_on], ['title', d.title], ['scenario', d.scenario || ''],
    ['participants', '客服一组 8 人，技术支持 2 人'], ['findings', '热线排队超过 15 分钟，知识库缺少停机话术'],
    ['m1_title', d.action || ''], ['m1_target', d.action ? '话术覆盖 100% 一线人员' : ''], ['m1_resources', ''],
    ['m1_team', d.action ? String(A.TEAMS.aftersales) : ''], ['m1_owner', d.action ? String(A.PEOPLE.agent.id) : ''],
    ['m1_start', d.start || ''], ['m1_due', d.action ? d.due : '']];
}

test('a drill record with findings; its follow-up action is an action item like any other', async () => {
  const today = Math.floor(C.now() / 1000);
  assert.equal((await owner.client.get('/agent/drills/new')).status, 403, 'agents do not record drills');
  await sup.page('/agent/drills/new');
  const future = await sup.client.post('/agent/drills/new', { form: drillForm(sup, { held_on: day(today + 3 * DAY), title: `${T} 未来演练`, scenario: 'x' }) });
  assert.equal(future.status, 422);
  assert.ok(L.hasFieldError(future.body, 'held_on'));
  assert.ok(future.body.includes(`value="${T} 未来演练"`), 'input kept');
  const late = await sup.client.post('/agent/drills/new', { form: drillForm(sup, { held_on: day(today), title: `${T} 第四季度应急演练`,
    scenario: '核心系统宕机 2 小时，热线激增', action: `${T} 编写停机应急话术`, start: day(today + 20 * DAY), due: day(today + 14 * DAY) }) });
  assert.equal(late.status, 422, 'a start after the deadline is refused');
  assert.ok(L.hasFieldError(late.body, 'm1_start'));
  assert.ok(late.body.includes(`value="${day(today + 20 * DAY)}"`), 'the start is kept');
  const res = await sup.client.post('/agent/drills/new', { form: drillForm(sup, { held_on: day(today), title: `${T} 第四季度应急演练`,
    scenario: '核心系统宕机 2 小时，热线激增', action: `${T} 编写停机应急话术`, start: day(today + 3 * DAY), due: day(today + 14 * DAY) }) });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 400));
  drillId = Number(res.headers.location.match(/^\/agent\/drills\/(\d+)\?done=drill_created$/)[1]);
  const page = await owner.page(`/agent/drills/${drillId}`);
  assert.equal(page.status, 200);
  const text = L.text(page.body);
  for (const s of ['核心系统宕机 2 小时', '热线排队超过 15 分钟', '客服一组 8 人', `${T} 编写停机应急话术`]) assert.ok(text.includes(s), s);
  assert.ok((await owner.page('/agent/drills')).body.includes(`/agent/drills/${drillId}"`));
  const mine = await owner.page('/agent/actions?view=mine');
  assert.ok(L.text(mine.body).includes(`${T} 编写停机应急话术`), 'in the owner\'s actions');
  // the start written on the drill is the action's
  const actionId = page.body.match(/href="\/agent\/actions\/(\d+)"/)[1];
  const action = await owner.page(`/agent/actions/${actionId}`);
  assert.match(L.text(action.body), new RegExp(`(Starts|开始)[^]{0,40}${day(today + 3 * DAY)}`));
});

async function makeKey(label, review) {
  await admin.page('/admin/api-keys');
  const form = [['csrf', admin.csrf], ['label', label], ['scope', 'own']];
  if (review) form.push(['review', '1']);
  const res = await admin.client.post('/admin/api-keys', { form });
  assert.equal(res.status, 201, L.text(res.body).slice(0, 300));
  const key = res.body.match(/dk_[A-Za-z0-9_-]{43}/);
  assert.ok(key, 'the new key is shown once');
  return key[0];
}

test('the admin console offers the review grant; the key list shows it', async () => {
  const form = await admin.page('/admin/api-keys');
  assert.match(form.body, /name="review" value="1"/);
  reviewKey = await makeKey(`${T} 复盘看板`, true);
  plainKey = await makeKey(`${T} 工单接口`, false);
  const list = await admin.page('/admin/api-keys');
  const row = list.body.split('<tr').find((r) => r.includes(`${T} 复盘看板`));
  assert.match(row, /grant-review/);
  assert.doesNotMatch(list.body.split('<tr').find((r) => r.includes(`${T} 工单接口`)), /grant-review/);
});

test('GET /api/v1/review/... with the review grant; refused without it', async () => {
  // a problem record and a meeting to read
  const fault = await A.createTicket({ category: 'fault', subject: `${T} 支付页面卡顿` });
  await sup.page(`/agent/problems/new?tickets=${fault.number}`);
  const p = await sup.client.post('/agent/problems/new', { form: [['csrf', sup.csrf], ['title', `${T} 支付卡顿根因`],
    ['tickets', fault.number], ['symptoms', '支付后白屏'], ['why_1', '为什么卡顿？'], ['because_1', '接口超时'],
    ['responsibility', 'process_gap'], ['responsibility', 'system_defect'], ['party', 'third_party']] });
  assert.equal(p.status, 303, L.text(p.body).slice(0, 300));
  problemId = Number(p.headers.location.match(/problems\/(\d+)/)[1]);
  const at = Math.floor(C.now() / 1000) + 8 * DAY;
  await sup.page('/agent/meetings/new');
  const m = await sup.client.post('/agent/meetings/new', { form: [['csrf', sup.csrf], ['kind', 'review'], ['title', `${T} 复盘会`],
    ['starts_at', new Date((at + ZONE) * 1000).toISOString().slice(0, 16)], ['duration', '60'], ['agenda', '问题回顾'],
    ['problems', `PRB-${String(problemId).padStart(6, '0')}`], ['attendees', String(A.PEOPLE.agent.id)],
    ['teams', String(A.TEAMS.training)]] });
  assert.equal(m.status, 303, L.text(m.body).slice(0, 300));
  meetingId = Number(m.headers.location.match(/meetings\/(\d+)/)[1]);

  const api = L.client();
  const get = (path, key) => api.api('GET', path, undefined, { key });
  for (const what of ['problems', 'meetings', 'actions']) {
    const none = await get(`/api/v1/review/${what}`, null);
    assert.equal(none.status, 401, `${what} without a key`);
    const plain = await get(`/api/v1/review/${what}`, plainKey);
    assert.equal(plain.status, 403, `${what} without the grant`);
    assert.equal(plain.json().error.code, 'forbidden');
    const ok = await get(`/api/v1/review/${what}`, reviewKey);
    assert.equal(ok.status, 200, `${what} with the grant`);
    assert.ok(Array.isArray(ok.json().items));
  }
  const problems = (await get('/api/v1/review/problems', reviewKey)).json().items;
  assert.ok(problems.some((x) => x.id === problemId && x.title === `${T} 支付卡顿根因` && x.status === 'draft'));
  const problem = (await get(`/api/v1/review/problems/${problemId}`, reviewKey)).json();
  assert.equal(problem.number, `PRB-${String(problemId).padStart(6, '0')}`);
  assert.deepEqual(problem.tickets, [fault.number]);
  assert.deepEqual(problem.five_whys, [{ why: '为什么卡顿？', because: '接口超时' }]);
  assert.equal(problem.symptoms, '支付后白屏');
  const meeting = (await get(`/api/v1/review/meetings/${meetingId}`, reviewKey)).json();
  assert.equal(meeting.title, `${T} 复盘会`);
  assert.equal(meeting.kind, 'review');
  assert.deepEqual(meeting.problems, [problem.number]);
  assert.ok(meeting.attendees.some((x) => x.id === A.PEOPLE.agent.id));
  assert.equal(meeting.minutes, null, 'no minutes before it is held');
  // responsibility, party and origin; departments in the language asked for;
  // a director's override and who gave it
  assert.deepEqual(problem.responsibility, ['process_gap', 'system_defect']);
  assert.equal(problem.responsible_party, 'third_party');
  assert.deepEqual(problem.origin, { kind: 'tickets' });
  A.setupSql(`UPDATE problems SET origin = 'stats_term', origin_key = '卡顿', origin_first = '2026-11-01',
    origin_last = '2026-11-30', origin_behind = 3, origin_query = 'term=卡顿' WHERE id = ${problemId}`);
  const fromStats = (await get(`/api/v1/review/problems/${problemId}`, reviewKey)).json();
  assert.deepEqual(fromStats.origin, { kind: 'stats_term', key: '卡顿', first_day: '2026-11-01', last_day: '2026-11-30',
    tickets_behind: 3, query: 'term=卡顿' });
  assert.ok(problems.find((x) => x.id === problemId).responsibility.includes('process_gap'), 'in the list too');
  assert.equal(meeting.override, null, 'no exception to the lead rule');
  assert.deepEqual(meeting.departments, [{ id: A.TEAMS.training, name: '产品培训组' }]);
  const en = (await get(`/api/v1/review/meetings/${meetingId}?lang=en`, reviewKey)).json();
  assert.deepEqual(en.departments, [{ id: A.TEAMS.training, name: 'Training specialists' }]);
  assert.equal(en.attendees.find((x) => x.id === A.PEOPLE.agent.id).departments, 'After-sales engineers');
  assert.equal((await get(`/api/v1/review/meetings/${meetingId}?lang=fr`, reviewKey)).status, 400);
  A.setupSql(`UPDATE review_meetings SET override_reason = 'VIP 客户投诉', override_by = ${A.PEOPLE.supervisor.id} WHERE id = ${meetingId}`);
  const over = (await get(`/api/v1/review/meetings/${meetingId}`, reviewKey)).json().override;
  assert.equal(over.reason, 'VIP 客户投诉');
  assert.deepEqual(over.by, { id: A.PEOPLE.supervisor.id, name: A.PEOPLE.supervisor.name });
  const actions = (await get('/api/v1/review/actions', reviewKey)).json().items;
  const mine = actions.find((x) => x.title === `${T} 编写停机应急话术`);
  assert.ok(mine, 'the drill\'s action is listed');
  const action = (await get(`/api/v1/review/actions/${mine.id}`, reviewKey)).json();
  assert.equal(action.drill_id, drillId);
  assert.equal(action.target, '话术覆盖 100% 一线人员');
  assert.equal(action.status, 'not_started');
  assert.equal(action.verification, null);
  assert.equal(action.department, '售后工程师组');
  assert.equal((await get(`/api/v1/review/actions/${mine.id}?lang=en`, reviewKey)).json().department, 'After-sales engineers');
  const enList = (await get('/api/v1/review/actions?lang=en', reviewKey)).json().items;
  assert.equal(enList.find((x) => x.id === mine.id).department, 'After-sales engineers');
  assert.equal((await get('/api/v1/review/actions/999999999', reviewKey)).status, 404);
  assert.equal((await get(`/api/v1/review/actions/${mine.id}`, plainKey)).status, 403);
  assert.equal((await get('/api/v1/review/actions?before=abc', reviewKey)).status, 400);
});
