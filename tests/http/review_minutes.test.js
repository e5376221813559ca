'use strict';
// The review loop after the meeting, under the movable clock: a review
// meeting is held on a Monday; its minutes are due 2 working days after it
// ends (Wednesday); when still not submitted then, the organiser and the
// director are mailed once. Only the service director approves or returns
// minutes; returned minutes keep both versions, each readable; approval
// publishes them to the departments concerned and turns the measures into
// action items. Actions are listed (mine, due this week, overdue with the
// days over), an overdue one mails its owner and their supervisor once, a
// done action is verified by the organiser with the before and after
// figures kept; the owner may not verify, others may not move it.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');
const S = require('./sla_lib');

C.useTestInstant();

const FILE = 160;
const T = A.tag('MN');
const low = T.toLowerCase().replace(/[^a-z0-9]/g, '');
const DAY = 86400;
const HOUR = 3600;
const ZONE = 8 * 3600; // Asia/Shanghai
const DIRECTOR_MAIL = `${low}-director@example.com`;

/** "YYYY-MM-DDTHH:MM" in Shanghai of an instant in seconds. */
const local = (s) => new Date((s + ZONE) * 1000).toISOString().slice(0, 16);
const day = (s) => local(s).slice(0, 10);

let monday; // the Monday 10:00 the stack is placed at first
let meeting; // the review meeting: {id, at}
let minutesId;
let dirLogin;
const dirPassword = `Pw-${T}-director`;

async function director(n) {
  const c = L.client({ localAddress: L.addr(FILE, 40 + n) });
  assert.equal((await A.signIn(c, dirLogin, dirPassword)).status, 303);
  const d = new A.Desk(c, dirLogin);
  await d.page('/agent/minutes');
  return d;
}

let ready;
function setup() {
  if (!ready) ready = setupOnce();
  return ready;
}

async function setupOnce() {
  const nowS = Math.floor(C.now() / 1000) + DAY;
  const midnight = nowS - ((nowS + ZONE) % DAY);
  const weekday = new Date((midnight + ZONE) * 1000).getUTCDay();
  monday = midnight + ((8 - weekday) % 7) * DAY + 10 * HOUR;
  C.setAt(monday);
  const admin = await A.desk('admin', L.addr(FILE, 1));
  dirLogin = `${low}d`;
  await admin.page('/admin/people/new');
  const made = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', dirLogin],
    ['name', `服务总监 ${T}`], ['email', DIRECTOR_MAIL], ['role', 'director'], ['language', 'zh'],
    ['teams', String(A.TEAMS.supervisors)], ['password_mode', 'set'], ['password', dirPassword]] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  // a review meeting a week ahead, organised by the supervisor
  const sup = await A.desk('supervisor', L.addr(FILE, 2));
  const at = monday + 7 * DAY;
  await sup.page('/agent/meetings/new');
  const res = await sup.client.post('/agent/meetings/new', { form: [['csrf', sup.csrf], ['kind', 'review'],
    ['title', `${T} 支付卡顿复盘`], ['starts_at', local(at)], ['duration', '60'], ['location', '3 楼会议室'],
    ['agenda', '问题回顾\n经验分享'], ['attendees', String(A.PEOPLE.agent.id)]] });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  meeting = { id: Number(res.headers.location.match(/meetings\/(\d+)/)[1]), at };
}

// the meeting's own calendar mails (invitation, reminder, cancellation) are
// tests/http/meeting_calendar.test.js's; here only the minutes' and actions'
const CALENDAR_MAIL = /会议邀请|会议取消|明日会议提醒|Invitation|Cancelled|Tomorrow/;
const mailsAbout = (addr, subjectPart) => S.readMails()
  .filter((m) => S.mailTo(m, addr) && m.subject.includes(subjectPart) && !CALENDAR_MAIL.test(m.subject));

/** Waits for mails, running scheduler passes: after a jump of days, every
 * other file's open tickets raise SLA mails that queue before ours. */
function mailsArrive(check, what) {
  return S.waitFor(() => { if (check()) return true; S.schedulerOnce(); return check(); }, what,
    { timeout: 240000, interval: 500 });
}

/** The minutes form's fields: texts, one department row, measures. */
function minutesForm(desk, o) {
  const f = [['csrf', desk.csrf], ['meeting', String(meeting.id)], ['version', String(o.version || '')],
    ['review', o.review || '支付成功后页面卡顿 2 小时，客户投诉 37 起'],
    ['root_causes', o.causes], ['directions', '优化发布流程；增加监控告警；培训一线话术'],
    ['d1_team', String(A.TEAMS.aftersales)], ['d1_highlights', '15 分钟内响应'], ['d1_shortcomings', '升级研发延迟']];
  (o.measures || []).forEach((m, i) => {
    const p = `m${i + 1}_`;
    f.push([`${p}title`, m.title], [`${p}target`, m.target || ''], [`${p}resources`, m.resources || ''],
      [`${p}team`, String(m.team)], [`${p}owner`, String(m.owner)], [`${p}due`, m.due]);
  });
  return f;
}

test('minutes can only be written once the meeting was held; late minutes alert the organiser and the director once', async () => {
  await setup();
  C.setAt(meeting.at - HOUR);
  let sup = await A.desk('supervisor', L.addr(FILE, 3));
  await sup.page(`/agent/meetings/${meeting.id}`);
  const early = await sup.client.post('/agent/minutes/new', { form: minutesForm(sup, { causes: '发布未灰度' }) });
  assert.equal(early.status, 422, 'not held yet');
  assert.ok(L.text(early.body).includes('会议尚未召开'));
  // the meeting ends at 11:00; the minutes are due Wednesday 11:00
  C.setAt(meeting.at + HOUR + 10 * 60);
  sup = await A.desk('supervisor', L.addr(FILE, 4));
  const agentDesk = await A.desk('agent', L.addr(FILE, 5));
  const trainer = await A.desk('trainer', L.addr(FILE, 6));
  assert.equal((await trainer.client.get(`/agent/minutes/new?meeting=${meeting.id}`)).status, 403, 'only the organiser writes');
  assert.equal((await agentDesk.client.get(`/agent/minutes/new?meeting=${meeting.id}`)).status, 403);
  await S.waitFor(async () => {
    if (/\/agent\/minutes\/\d+/.test((await sup.page(`/agent/meetings/${meeting.id}`)).body)) return true;
    S.schedulerOnce();
    return false;
  }, 'the scheduler opens the minutes of the ended meeting', { timeout: 120000, interval: 500 });
  const page = await sup.page(`/agent/meetings/${meeting.id}`);
  minutesId = Number(page.body.match(/href="\/agent\/minutes\/(\d+)"/)[1]);
  const due = page.body.match(/m-minutes[^]*?<time datetime="[^"]+">([^<]+)<\/time>/);
  assert.equal(due[1], local(meeting.at + 2 * DAY + HOUR).replace('T', ' '), 'due Wednesday 11:00');
  // a draft saved in time does not count as submitted
  const saved = await sup.client.post('/agent/minutes/new', { form: minutesForm(sup, { causes: '' }) });
  assert.equal(saved.status, 303, L.text(saved.body).slice(0, 300));
  assert.equal(saved.headers.location, `/agent/minutes/${minutesId}?done=minutes_saved`);
  S.schedulerOnce();
  assert.equal(mailsAbout('supervisor@desk.example', T).length, 0, 'not late yet');
  C.setAt(meeting.at + 2 * DAY + HOUR + 5 * 60); // Wednesday 11:05
  await mailsArrive(() => mailsAbout('supervisor@desk.example', `${T} 支付卡顿复盘`).length >= 1
    && mailsAbout(DIRECTOR_MAIL, `${T} 支付卡顿复盘`).length >= 1, 'the late-minutes mails');
  S.schedulerOnce();
  S.schedulerOnce();
  await S.sleep(2500);
  for (const to of ['supervisor@desk.example', DIRECTOR_MAIL]) {
    const got = mailsAbout(to, `${T} 支付卡顿复盘`);
    assert.equal(got.length, 1, `one mail to ${to}`);
    assert.match(got[0].subject, /会议纪要逾期/);
    assert.ok(got[0].body.includes(`/agent/minutes/${minutesId}`));
  }
  assert.equal(mailsAbout('agent@desk.example', `${T} 支付卡顿复盘`).length, 0, 'attendees are not alerted');
  sup = await A.desk('supervisor', L.addr(FILE, 13)); // the clock moved two days: a new session
  const list = await sup.page('/agent/minutes?view=mine');
  assert.match(list.body, new RegExp(`minutes-row is-overdue">[^]*?/agent/minutes/${minutesId}"`), 'late minutes are red');
});

test('only the service director approves; returned minutes keep both versions; approval makes action items and tells the departments', async () => {
  await setup();
  assert.ok(minutesId, 'the first test opened the minutes');
  const today = Math.floor(C.now() / 1000);
  const sup = await A.desk('supervisor', L.addr(FILE, 7));
  const admin = await A.desk('admin', L.addr(FILE, 8));
  const dir = await director(1);
  const measures = [
    { title: `${T} 一线话术培训`, target: '覆盖 100% 一线人员', resources: '培训讲师 1 名', team: A.TEAMS.supervisors, owner: A.PEOPLE.agent.id, due: day(today + 2 * DAY) },
    { title: `${T} 发布灰度检查`, target: '发布事故为 0', team: A.TEAMS.supervisors, owner: A.PEOPLE.agent.id, due: day(today + 9 * DAY) },
  ];
  let form = await sup.page(`/agent/minutes/${minutesId}/edit`);
  assert.equal(form.status, 200);
  let version = L.hidden(form.body, 'version');
  // a measure without an owner is refused next to it, input kept
  const bad = await sup.client.post(`/agent/minutes/${minutesId}/edit`, { form: minutesForm(sup, { version, causes: '发布未灰度',
    measures: [{ ...measures[0], owner: '' }] }) });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'm1_owner'));
  assert.ok(bad.body.includes(`value="${measures[0].title}"`));
  const v1 = await sup.client.post(`/agent/minutes/${minutesId}/edit`, { form: minutesForm(sup, { version, causes: '发布未做灰度验证', measures }) });
  assert.equal(v1.status, 303, L.text(v1.body).slice(0, 400));
  const act = async (desk, action, extra = []) => {
    const p = await desk.page(`/agent/minutes/${minutesId}`);
    return desk.client.post(`/agent/minutes/${minutesId}/act`, { form: [['csrf', desk.csrf], ['action', action], ['version', L.hidden(p.body, 'version') || ''], ...extra] });
  };
  assert.equal((await act(sup, 'submit')).status, 303);
  const awaiting = await dir.page('/agent/minutes?view=awaiting');
  assert.ok(awaiting.body.includes(`/agent/minutes/${minutesId}"`), `awaiting the director: ${L.text(awaiting.body).slice(0, 600)}`);
  assert.ok(!(await sup.page('/agent/minutes?view=awaiting')).body.includes(`/agent/minutes/${minutesId}"`), 'a supervisor approves nothing');
  assert.equal((await act(sup, 'approve')).status, 403, 'the organiser may not approve');
  assert.equal((await act(admin, 'approve')).status, 403, 'an admin may not approve');
  const noComment = await act(dir, 'return');
  assert.equal(noComment.status, 422);
  assert.ok(L.hasFieldError(noComment.body, 'comment'));
  assert.equal((await act(dir, 'return', [['comment', '请补充根因：为何灰度检查被跳过']])).status, 303);
  form = await sup.page(`/agent/minutes/${minutesId}/edit`);
  version = L.hidden(form.body, 'version');
  assert.ok(form.body.includes('发布未做灰度验证'), 'the form holds the returned text');
  const v2 = await sup.client.post(`/agent/minutes/${minutesId}/edit`, { form: minutesForm(sup, { version, causes: '发布检查单缺少灰度项，值班人员跳过了灰度', measures }) });
  assert.equal(v2.status, 303);
  assert.equal((await act(sup, 'submit')).status, 303);
  assert.equal((await act(dir, 'approve')).status, 303);
  assert.equal((await act(dir, 'approve')).status, 422, 'approved once');
  const page = await dir.page(`/agent/minutes/${minutesId}`);
  const versions = page.body.split('<tr class="version').slice(1);
  assert.equal(versions.length, 2, 'both versions kept');
  assert.match(versions[0], /v-returned[^]*请补充根因：为何灰度检查被跳过/);
  assert.match(versions[1], /v-approved/);
  const old = await dir.page(`/agent/minutes/${minutesId}?v=1`);
  assert.ok(old.body.includes('发布未做灰度验证') && !old.body.includes('值班人员跳过了灰度'), 'version 1 as submitted');
  const cur = await dir.page(`/agent/minutes/${minutesId}?v=2`);
  assert.ok(cur.body.includes('值班人员跳过了灰度'));
  assert.ok(L.text(page.body).includes('一线话术培训') && L.text(page.body).includes('覆盖 100% 一线人员'));
  const actions = page.body.split('class="action-row').slice(1);
  assert.equal(actions.length, 2, 'each measure is an action');
  assert.ok(!(await dir.page('/agent/minutes?view=awaiting')).body.includes(`/agent/minutes/${minutesId}"`));
  assert.ok((await sup.client.get(`/agent/minutes/${minutesId}/edit`)).status === 403, 'approved minutes are read only');
  // published to the departments named: aftersales (the agent) and supervisors
  await mailsArrive(() => mailsAbout('agent@desk.example', `${T} 支付卡顿复盘`).length >= 1, 'the publication mail');
  const pub = mailsAbout('agent@desk.example', `${T} 支付卡顿复盘`);
  assert.equal(pub.length, 1);
  assert.match(pub[0].subject, /会议纪要已发布/);
  // the history and the audit trail
  assert.ok(L.text(page.body).includes('退回修改') && L.text(page.body).includes('审批通过并发布'));
  const audit = (await admin.page('/admin/audit?entity=minutes')).body.split('<tr class="audit-row"').slice(1)
    .map((r) => A.strip(r.split('</tr>')[0])).filter((r) => r.includes(`${T} 支付卡顿复盘`));
  assert.ok(audit.length >= 6, `every change audited: ${audit.length}`);
});

/** The actions of a list page: [{id, title, overdue}]. */
function rows(html) {
  return html.split('<tr class="action-row').slice(1).map((r) => ({
    id: Number((r.match(/data-id="(\d+)"/) || [])[1]),
    title: A.decode(((r.match(/<bdi>([^<]*)<\/bdi><\/a>/) || [])[1]) || ''),
    over: (r.match(/class="chip red overdue">([^<]*)</) || [])[1],
  }));
}

function multipart(fields, files) {
  const boundary = `----desk${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/plain\r\n\r\n`, 'utf8'),
      Buffer.from(f.data, 'utf8'), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

test('actions: lists, progress with evidence, verification with before and after figures, an overdue action mailed once', async () => {
  await setup();
  const owner = await A.desk('agent', L.addr(FILE, 9));
  const sup = await A.desk('supervisor', L.addr(FILE, 10));
  const trainer = await A.desk('trainer', L.addr(FILE, 11));
  const mine = rows((await owner.page('/agent/actions?view=mine')).body).filter((r) => r.title.startsWith(T));
  assert.equal(mine.length, 2, 'both actions are the agent\'s');
  const training = mine.find((r) => r.title.includes('一线话术培训'));
  const release = mine.find((r) => r.title.includes('发布灰度检查'));
  const week = rows((await owner.page('/agent/actions?view=week')).body).map((r) => r.id);
  assert.ok(week.includes(training.id) && !week.includes(release.id), 'due this week: Friday, not the week after');
  const step = async (desk, id, s, extra = []) => {
    const p = await desk.page(`/agent/actions/${id}`);
    return desk.client.post(`/agent/actions/${id}/step`, { form: [['csrf', desk.csrf], ['step', s], ['version', L.hidden(p.body, 'version') || ''], ...extra] });
  };
  assert.equal((await trainer.client.get(`/agent/actions/${training.id}`)).status, 403, 'another department does not see it');
  assert.equal((await step(trainer, training.id, 'start')).status, 403, 'nor move it');
  assert.equal((await step(owner, training.id, 'start')).status, 303);
  await owner.page(`/agent/actions/${training.id}`);
  const up = multipart([['csrf', owner.csrf], ['note', '已完成两场培训，签到表附后']], [{ name: '签到表.txt', data: '张伟 签到\n陈静 签到\n' }]);
  const noted = await owner.client.request('POST', `/agent/actions/${training.id}/note`, { body: up.body, headers: up.headers });
  assert.equal(noted.status, 303, L.text(noted.body).slice(0, 300));
  let page = await owner.page(`/agent/actions/${training.id}`);
  const file = page.body.match(/href="\/agent\/evidence\/(\d+)"><bdi>签到表.txt<\/bdi>/);
  assert.ok(file, 'the evidence file is listed');
  const got = await owner.client.get(`/agent/evidence/${file[1]}`);
  assert.equal(got.status, 200);
  assert.ok(got.body.includes('张伟 签到'));
  assert.equal((await step(owner, training.id, 'finish')).status, 303);
  assert.equal((await step(owner, training.id, 'verify', [['figure', '一线培训覆盖率'], ['before', '40%'], ['after', '100%']])).status, 403,
    'the owner does not verify their own work');
  const half = await step(sup, training.id, 'verify', [['figure', '一线培训覆盖率'], ['before', '40%']]);
  assert.equal(half.status, 422, 'a figure needs both values');
  assert.ok(L.hasFieldError(half.body, 'after'));
  assert.equal((await step(sup, training.id, 'verify', [['figure', '一线培训覆盖率'], ['before', '40%'], ['after', '100%']])).status, 303);
  page = await owner.page(`/agent/actions/${training.id}`);
  assert.match(page.body, /class="a-before"><span class="text"><bdi>40%<\/bdi>/);
  assert.match(page.body, /class="a-after"><span class="text"><bdi>100%<\/bdi>/);
  assert.match(page.body, /class="a-figure"><span class="text"><bdi>一线培训覆盖率<\/bdi>/);
  const hist = L.text(page.body.split('doc-history')[1]);
  for (const s of ['开始执行', '上传证明材料', '已完成两场培训', '标记完成', '验证通过']) assert.ok(hist.includes(s), s);
  assert.equal((await step(sup, training.id, 'cancel', [['reason', '不需要了']])).status, 422, 'a verified action is closed');
  // the release check runs past its deadline
  const dueS = Math.floor(C.now() / 1000) + 10 * DAY;
  C.setAt(dueS);
  const owner2 = await A.desk('agent', L.addr(FILE, 12));
  await mailsArrive(() => mailsAbout('agent@desk.example', `${T} 发布灰度检查`).length >= 1
    && mailsAbout('supervisor@desk.example', `${T} 发布灰度检查`).length >= 1, 'the overdue mails');
  S.schedulerOnce();
  S.schedulerOnce();
  await S.sleep(2500);
  for (const to of ['agent@desk.example', 'supervisor@desk.example']) {
    const m = mailsAbout(to, `${T} 发布灰度检查`);
    assert.equal(m.length, 1, `one overdue mail to ${to}`);
    assert.match(m[0].subject, /行动项逾期/);
  }
  assert.equal(mailsAbout('trainer@desk.example', `${T} 发布灰度检查`).length, 0);
  const overdue = rows((await owner2.page('/agent/actions?view=overdue')).body);
  const late = overdue.find((r) => r.id === release.id);
  assert.ok(late, 'listed as overdue');
  assert.match(late.over, /逾期 \d+ 天/);
  assert.ok(!overdue.some((r) => r.id === training.id), 'a verified action is not overdue');
  const sup2 = await A.desk('supervisor', L.addr(FILE, 14));
  const cancel = await step(sup2, release.id, 'cancel', []);
  assert.equal(cancel.status, 422, 'cancelling needs a reason');
  assert.ok(L.hasFieldError(cancel.body, 'reason'));
  assert.equal((await step(sup2, release.id, 'cancel', [['reason', '并入发布流程改造项目']])).status, 303);
  const gone = await owner2.page(`/agent/actions/${release.id}`);
  assert.match(L.text(gone.body), /已取消: 并入发布流程改造项目/);
  assert.ok(!rows((await owner2.page('/agent/actions?view=overdue')).body).some((r) => r.id === release.id), 'a cancelled action is not overdue');
});
