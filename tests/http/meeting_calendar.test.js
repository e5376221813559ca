'use strict';
// A meeting's calendar mail and its life after scheduling, on the movable
// clock (placed on a Thursday 10:00 in Shanghai, the next Monday a holiday
// on the organiser's calendar):
//  - scheduling mails each attendee, in their language, a multipart mail
//    whose text/calendar part (METHOD:REQUEST) Python's standard library
//    parses: UID, SEQUENCE 0, DTSTART with TZID Asia/Shanghai and a
//    VTIMEZONE, the right local time, organiser and attendees, the agenda;
//  - an edit to the holiday Monday or to Tuesday is refused (the rule is
//    checked again, across the weekend and the holiday), to Thursday it is
//    saved: the attendee left gets SEQUENCE 1 with the new time, the one
//    removed a METHOD:CANCEL;
//  - a cancelled meeting mails METHOD:CANCEL with the reason; a reason is
//    required;
//  - the day before, the scheduler reminds each attendee once, and never of
//    the cancelled meeting;
//  - the material pack: attendees and the organiser read it (the ticket's
//    thread, the problem record), it shows no contact details, others get
//    403, an unknown meeting 404;
//  - held only after the start; the list filters by kind.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');
const S = require('./sla_lib');

C.useTestInstant();

const FILE = 216;
const T = A.tag('MC');
const low = T.toLowerCase().replace(/[^a-z0-9]/g, '');
const DAY = 86400;
const ZONE = 8 * 3600; // Asia/Shanghai
const mail = (who) => `${low}-${who}@example.com`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let admin, organiser, attendeeZh, attendeeEn, trainer;
let ids = {}; // person ids by name
let thursday;
let ticket, problemNumber;
const CUSTOMER_EMAIL = `${low}-kunde@example.com`;
const CUSTOMER_PHONE = '13912345678';

const local = (s) => new Date((s + ZONE) * 1000).toISOString().slice(0, 16);
const day = (s) => local(s).slice(0, 10);

/** A person made in the admin console, signed in; resolves to a Desk. */
async function person(name, role, language, n) {
  await admin.page('/admin/people/new');
  const login = `${low}${name}`;
  const res = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', login],
    ['name', `${name} ${T}`], ['email', mail(name)], ['role', role], ['language', language],
    ['teams', String(role === 'agent' ? A.TEAMS.aftersales : A.TEAMS.supervisors)],
    ['password_mode', 'set'], ['password', `Pw-${T}-${name}`]] });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  ids[name] = Number(A.setupSql(`SELECT id FROM agents WHERE login = '${login}'`).trim());
  return signIn(name, n);
}

async function signIn(name, n) {
  const c = L.client({ localAddress: L.addr(FILE, n) });
  assert.equal((await A.signIn(c, `${low}${name}`, `Pw-${T}-${name}`)).status, 303);
  const d = new A.Desk(c, `${low}${name}`);
  await d.page('/agent/meetings');
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
  thursday = midnight + ((4 - weekday + 7) % 7) * DAY + 10 * 3600;
  C.setAt(thursday);
  admin = await A.desk('admin', L.addr(FILE, 1));
  trainer = await A.desk('trainer', L.addr(FILE, 2));
  organiser = await person('org', 'supervisor', 'zh', 3);
  attendeeZh = await person('zh', 'agent', 'zh', 4);
  attendeeEn = await person('en', 'agent', 'en', 5);
  // the organiser's calendar: Mon-Fri 09:00-18:00, the next Monday off
  await admin.page('/admin/calendars');
  const spans = '09:00-12:00, 13:30-18:00';
  const res = await admin.client.post('/admin/calendars', { form: { csrf: admin.csrf, code: `mc_${low}`.slice(0, 40),
    name_zh: `会议日历 ${T}`, name_en: `Meetings ${T}`, zone: 'Asia/Shanghai',
    span_mon: spans, span_tue: spans, span_wed: spans, span_thu: spans, span_fri: spans, span_sat: '', span_sun: '' } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const calId = Number(res.headers.location.match(/calendars\/(\d+)/)[1]);
  await admin.page(`/admin/calendars/${calId}`);
  const hol = await admin.client.post(`/admin/calendars/${calId}/days`, { form: { csrf: admin.csrf,
    d_date: day(thursday + 4 * DAY), d_kind: 'holiday', d_name: `${T} 假日` } });
  assert.equal(hol.status, 303, L.text(hol.body).slice(0, 300));
  A.setupSql(`UPDATE agents SET calendar_id = ${calId} WHERE id = ${ids.org}`);
  // a ticket with the customer's contact details, a reply, and a record made from it
  ticket = await A.createTicket({ subject: `${T} 报表导出失败`, customer: { name: '华东客户', email: CUSTOMER_EMAIL, phone: CUSTOMER_PHONE } });
  const agent = await A.desk('agent', L.addr(FILE, 6));
  await agent.must(ticket.number, 'claim');
  await agent.must(ticket.number, 'reply', { body: `${T} 请提供导出日志` });
  await organiser.page(`/agent/problems/new?tickets=${ticket.number}`);
  const made = await organiser.client.post('/agent/problems/new', { form: [['csrf', organiser.csrf],
    ['title', `${T} 报表导出根因`], ['tickets', ticket.number], ['symptoms', '导出超时'],
    ['why_1', '为什么超时'], ['because_1', '查询未走索引']] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 400));
  const pid = Number(made.headers.location.match(/problems\/(\d+)/)[1]);
  problemNumber = `PRB-${String(pid).padStart(6, '0')}`;
}

test.after(() => {
  if (ready) A.setupSql(`UPDATE agents SET calendar_id = NULL WHERE login LIKE '${low}%'`);
});

function meetingForm(m) {
  const f = [['kind', m.kind || 'review'], ['title', m.title], ['starts_at', local(m.at)], ['duration', '90'],
    ['location', '3 楼会议室'], ['agenda', m.agenda || '问题回顾; 经验分享, 根因确认\n改进方向'], ['problems', m.problems || '']];
  for (const id of m.attendees || []) f.push(['attendees', String(id)]);
  if (m.version !== undefined) f.push(['version', String(m.version)]);
  return f;
}

async function schedule(m) {
  await organiser.page('/agent/meetings/new');
  const res = await organiser.client.post('/agent/meetings/new', { form: [['csrf', organiser.csrf], ...meetingForm(m)] });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 400));
  return Number(res.headers.location.match(/meetings\/(\d+)/)[1]);
}

async function editForm(id) {
  const page = await organiser.page(`/agent/meetings/${id}/edit`);
  assert.equal(page.status, 200);
  return Number(L.hidden(page.body, 'version'));
}

/** The mails to addr whose subject holds text. */
const mailsTo = (addr, text) => S.readMails().filter((m) => S.mailTo(m, addr) && m.subject.includes(text));

/** Waits for addr's mails. Moving the clock days ahead makes every mail
 * other files queued for later due at once: one pass of the scheduler of
 * our own helps the stack's through that backlog. */
async function waitMails(addr, text, n) {
  if (mailsTo(addr, text).length < n) {
    await sleep(1500);
    if (mailsTo(addr, text).length < n) S.schedulerOnce();
  }
  await S.waitFor(() => mailsTo(addr, text).length >= n, `${n} mail(s) "${text}" to ${addr}`, {
    timeout: 180000, describe: () => S.readMails().filter((m) => S.mailTo(m, addr)).map((m) => m.subject).join(' | ') || 'none',
  });
  return mailsTo(addr, text);
}

/* Python's standard library reads the raw mail: the MIME structure, the
 * calendar part, its unfolded properties, and the start as an instant
 * (TZID through zoneinfo, or UTC). */
const PY = String.raw`
import email, json, sys, zoneinfo, datetime
from email import policy
msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
out = {'type': msg.get_content_type(), 'parts': [], 'message_id': msg['Message-ID']}
for part in msg.walk():
    if part.is_multipart():
        continue
    out['parts'].append(part.get_content_type())
    if part.get_content_type() == 'text/plain':
        out['text'] = part.get_content()
    if part.get_content_type() != 'text/calendar':
        continue
    raw = part.get_payload(decode=True)
    out['method_param'] = part.get_param('method')
    out['filename'] = part.get_filename()
    lines = raw.split(b'\r\n')
    out['crlf'] = raw.count(b'\n') == raw.count(b'\r\n')
    out['longest'] = max(len(l) for l in lines)
    text = raw.decode('utf-8').replace('\r\n ', '').replace('\r\n\t', '')
    props, stack, tzid = [], [], None
    for line in text.split('\r\n'):
        if not line:
            continue
        name_params, _, value = line.partition(':')
        name, *params = name_params.split(';')
        if name == 'BEGIN': stack.append(value); continue
        if name == 'END': assert stack.pop() == value; continue
        props.append({'in': stack[-1], 'name': name, 'params': params, 'value': value})
    assert not stack
    ev = [p for p in props if p['in'] == 'VEVENT']
    get = lambda n: [p for p in ev if p['name'] == n]
    start = get('DTSTART')[0]
    tz = [p.split('=', 1)[1] for p in start['params'] if p.startswith('TZID=')]
    if tz:
        when = datetime.datetime.strptime(start['value'], '%Y%m%dT%H%M%S').replace(tzinfo=zoneinfo.ZoneInfo(tz[0]))
    else:
        when = datetime.datetime.strptime(start['value'], '%Y%m%dT%H%M%SZ').replace(tzinfo=datetime.timezone.utc)
    out['cal'] = {
        'method': [p['value'] for p in props if p['in'] == 'VCALENDAR' and p['name'] == 'METHOD'][0],
        'tzid': tz[0] if tz else None,
        'vtimezone': [p['value'] for p in props if p['in'] == 'VTIMEZONE' and p['name'] == 'TZID'],
        'start_local': start['value'], 'start_epoch': int(when.timestamp()),
        'uid': get('UID')[0]['value'], 'sequence': int(get('SEQUENCE')[0]['value']),
        'status': get('STATUS')[0]['value'], 'summary': get('SUMMARY')[0]['value'],
        'description': get('DESCRIPTION')[0]['value'] if get('DESCRIPTION') else '',
        'organizer': get('ORGANIZER')[0]['value'],
        'attendees': sorted(p['value'] for p in get('ATTENDEE')),
        'dtstamp': get('DTSTAMP')[0]['value'],
    }
print(json.dumps(out))
`;

function calendarOf(m) {
  const file = path.join(L.TEST_VAR, 'mail', 'new', m.file);
  return JSON.parse(execFileSync('python3', ['-c', PY, file], { encoding: 'utf8' }));
}

let first; // the meeting of the first tests

test('scheduling mails each attendee an invitation whose .ics Python reads, at the right local time', async () => {
  await setup();
  C.setAt(thursday);
  const at = thursday + 6 * DAY; // Wednesday 10:00, three working days ahead
  const title = `${T} 报表故障复盘`;
  first = { id: await schedule({ title, at, attendees: [ids.zh, ids.en], problems: problemNumber }), title, at };
  const [zh] = await waitMails(mail('zh'), title, 1);
  const [en] = await waitMails(mail('en'), title, 1);
  assert.ok(zh.subject.includes('会议邀请'), zh.subject);
  assert.ok(en.subject.includes('Invitation'), en.subject);
  for (const m of [zh, en]) {
    const x = calendarOf(m);
    assert.equal(x.type, 'multipart/mixed');
    assert.deepEqual(x.parts, ['text/plain', 'text/calendar']);
    assert.match(x.message_id, /^<desk\.outbox\.\d+@[^>]+>$/);
    assert.equal(x.method_param, 'REQUEST');
    assert.equal(x.filename, 'invite.ics');
    assert.ok(x.crlf, 'CRLF line ends');
    assert.ok(x.longest <= 75, `lines folded at 75 octets (${x.longest})`);
    const c = x.cal;
    assert.equal(c.method, 'REQUEST');
    assert.equal(c.tzid, 'Asia/Shanghai');
    assert.deepEqual(c.vtimezone, ['Asia/Shanghai']);
    assert.equal(c.start_local, `${day(at).replace(/-/g, '')}T100000`, 'Wednesday 10:00 local');
    assert.equal(c.start_epoch, at, 'the same instant');
    assert.equal(c.sequence, 0);
    assert.equal(c.status, 'CONFIRMED');
    assert.equal(c.summary, title);
    assert.match(c.uid, new RegExp(`^desk-meeting-${first.id}@`));
    assert.equal(c.organizer, `mailto:${mail('org')}`);
    assert.deepEqual(c.attendees, [`mailto:${mail('en')}`, `mailto:${mail('zh')}`]);
    assert.ok(c.description.startsWith('问题回顾\\; 经验分享\\, 根因确认\\n改进方向'), c.description);
    assert.ok(c.description.includes(`/agent/meetings/${first.id}/pack`));
  }
  const text = calendarOf(zh).text;
  assert.ok(text.includes('3 楼会议室') && text.includes(`${day(at)} 10:00`), text);
});

test('an edit is held to the rule again (weekend and holiday); a saved one mails SEQUENCE 1, and a CANCEL to who was removed', async () => {
  await setup();
  C.setAt(thursday + 630); // 10:10:30, the earliest start is counted from (to the minute)
  const version = await editForm(first.id);
  for (const at of [thursday + 4 * DAY + 4 * 3600, thursday + 5 * DAY + 5 * 3600]) { // the holiday Monday, Tuesday
    const res = await organiser.client.post(`/agent/meetings/${first.id}/edit`, { form: [['csrf', organiser.csrf],
      ...meetingForm({ title: first.title, at, attendees: [ids.zh], problems: problemNumber, version })] });
    assert.equal(res.status, 422, `${local(at)} refused`);
    assert.ok(L.hasFieldError(res.body, 'starts_at'));
    const earliest = res.body.match(/<time class="earliest" datetime="[^"]+">([^<]+)<\/time>/);
    assert.equal(earliest[1], `${day(thursday + 6 * DAY)} 10:10`, 'Friday, Tuesday, Wednesday');
    assert.ok(res.body.includes(`value="${local(at)}"`), 'the time typed is kept');
  }
  const moved = thursday + 7 * DAY + 4 * 3600; // Thursday 14:00
  const res = await organiser.client.post(`/agent/meetings/${first.id}/edit`, { form: [['csrf', organiser.csrf],
    ...meetingForm({ title: first.title, at: moved, attendees: [ids.zh], problems: problemNumber, version })] });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 400));
  first.at = moved;
  const got = await waitMails(mail('zh'), first.title, 2);
  const update = got.map(calendarOf).find((x) => x.cal && x.cal.sequence === 1);
  assert.ok(update, 'a second invitation');
  assert.equal(update.cal.method, 'REQUEST');
  assert.equal(update.cal.start_local, `${day(moved).replace(/-/g, '')}T140000`);
  assert.equal(update.cal.start_epoch, moved);
  assert.deepEqual(update.cal.attendees, [`mailto:${mail('zh')}`]);
  const [gone] = await waitMails(mail('en'), 'Cancelled', 1);
  const c = calendarOf(gone);
  assert.equal(c.method_param, 'CANCEL');
  assert.equal(c.cal.method, 'CANCEL');
  assert.equal(c.cal.sequence, 1);
  assert.equal(c.cal.uid, calendarOf(mailsTo(mail('en'), 'Invitation')[0]).cal.uid, 'the same event');
  // the history and the page
  const page = await organiser.page(`/agent/meetings/${first.id}`);
  assert.ok(L.text(page.body).includes('修改了会议'));
  assert.ok(page.body.includes(`${day(moved)} 14:00`));
});

let second;
test('a cancelled meeting mails METHOD:CANCEL with the reason; a reason is required', async () => {
  await setup();
  C.setAt(thursday + 1200);
  const title = `${T} 周协调会`;
  second = await schedule({ kind: 'weekly', title, at: thursday + 7 * DAY + 6 * 3600, attendees: [ids.zh] });
  await waitMails(mail('zh'), title, 1);
  const page = await organiser.page(`/agent/meetings/${second}`);
  const version = L.hidden(page.body, 'version');
  const empty = await organiser.client.post(`/agent/meetings/${second}/cancel`, { form: { csrf: organiser.csrf, version, reason: '' } });
  assert.equal(empty.status, 422);
  assert.ok(L.hasFieldError(empty.body, 'reason'));
  const res = await organiser.client.post(`/agent/meetings/${second}/cancel`, { form: { csrf: organiser.csrf, version, reason: '客户临时调整，改期另行通知' } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const [m] = await waitMails(mail('zh'), '会议取消', 1);
  assert.ok(m.subject.includes(title));
  const x = calendarOf(m);
  assert.ok(x.text.includes('客户临时调整，改期另行通知'), x.text);
  assert.equal(x.cal.method, 'CANCEL');
  assert.equal(x.cal.status, 'CANCELLED');
  assert.equal(x.cal.sequence, 1);
  const after = await organiser.page(`/agent/meetings/${second}`);
  assert.ok(L.text(after.body).includes('已取消'));
  assert.ok(!after.body.includes(`/agent/meetings/${second}/edit`), 'no edit once cancelled');
  const again = await organiser.client.post(`/agent/meetings/${second}/edit`, { form: [['csrf', organiser.csrf],
    ...meetingForm({ title, at: thursday + 8 * DAY, attendees: [ids.zh], version: Number(version) + 1 })] });
  assert.equal(again.status, 422, 'a cancelled meeting is not edited');
});

test('the list shows each kind and filters by it', async () => {
  await setup();
  const weekly = await organiser.page('/agent/meetings?kind=weekly');
  assert.ok(weekly.body.includes(`/agent/meetings/${second}"`));
  assert.ok(!weekly.body.includes(`/agent/meetings/${first.id}"`));
  const review = await organiser.page('/agent/meetings?kind=review');
  assert.ok(review.body.includes(`/agent/meetings/${first.id}"`));
  assert.ok(!review.body.includes(`/agent/meetings/${second}"`));
  const all = await organiser.page('/agent/meetings');
  assert.ok(all.body.includes(`/agent/meetings/${first.id}"`) && all.body.includes(`/agent/meetings/${second}"`));
  assert.ok(L.text(all.body).includes('周协调会') && L.text(all.body).includes('已取消'));
});

test('the material pack: attendees read the ticket and the record, without contact details; others do not', async () => {
  await setup();
  const pack = await attendeeZh.page(`/agent/meetings/${first.id}/pack`);
  assert.equal(pack.status, 200);
  const text = L.text(pack.body);
  assert.ok(text.includes(ticket.number), 'the linked ticket');
  assert.ok(text.includes(`${T} 请提供导出日志`), 'its thread');
  assert.ok(text.includes(`${T} 报表导出根因`) && text.includes('查询未走索引'), 'the problem record');
  assert.ok(text.includes('华东客户'));
  for (const p of [pack, await organiser.page(`/agent/meetings/${first.id}/pack`)]) {
    assert.ok(!p.body.includes(CUSTOMER_EMAIL), 'no e-mail');
    assert.ok(!p.body.includes(CUSTOMER_PHONE), 'no phone');
  }
  assert.equal((await trainer.page(`/agent/meetings/${first.id}/pack`)).status, 403);
  assert.equal((await attendeeEn.page(`/agent/meetings/${first.id}/pack`)).status, 403, 'removed from the meeting');
  assert.equal((await attendeeZh.page('/agent/meetings/999999999/pack')).status, 404);
});

test('the day before, each attendee is reminded once, and never of a cancelled meeting', async () => {
  await setup();
  C.setAt(thursday + 6 * DAY + 9 * 3600); // Wednesday 19:00: 19 hours before Thursday 14:00
  S.schedulerOnce();
  const [r] = await waitMails(mail('zh'), '明日会议提醒', 1);
  assert.ok(r.subject.includes(first.title), r.subject);
  S.schedulerOnce();
  C.setAt(thursday + 6 * DAY + 12 * 3600);
  S.schedulerOnce();
  S.schedulerOnce();
  const reminders = mailsTo(mail('zh'), '明日会议提醒');
  assert.equal(reminders.length, 1, reminders.map((m) => m.subject).join(' | '));
  assert.equal(mailsTo(mail('en'), 'Tomorrow').length, 0, 'not to someone removed');
});

test('a meeting is marked held only once it has started', async () => {
  await setup();
  C.setAt(thursday + 6 * DAY + 12 * 3600);
  organiser = await signIn('org', 3);
  const page = await organiser.page(`/agent/meetings/${first.id}`);
  const version = L.hidden(page.body, 'version');
  const early = await organiser.client.post(`/agent/meetings/${first.id}/held`, { form: { csrf: organiser.csrf, version } });
  assert.equal(early.status, 422);
  C.setAt(first.at + 3 * 3600);
  organiser = await signIn('org', 3);
  const now = await organiser.page(`/agent/meetings/${first.id}`);
  const res = await organiser.client.post(`/agent/meetings/${first.id}/held`, { form: { csrf: organiser.csrf, version: L.hidden(now.body, 'version') } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const after = await organiser.page(`/agent/meetings/${first.id}`);
  assert.ok(L.text(after.body).includes('已召开') && L.text(after.body).includes('记录会议已召开'));
  const audit = await (await A.desk('admin', L.addr(FILE, 1))).page('/admin/audit?entity=meeting');
  assert.match(audit.body, /data-action="held"/);
  assert.match(audit.body, /data-action="cancel"/);
  assert.match(audit.body, /data-action="update"/);
});
