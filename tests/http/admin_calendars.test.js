'use strict';
// Admin console, business calendars (issue 6): a calendar created through
// the form (zone, weekly spans) counts a level's targets; a holiday added
// through the form, and another imported from an iCalendar file (preview,
// then confirm), move the due of the NEXT ticket that would have fallen on
// that day, while old tickets keep theirs. Bad spans, zones, dates and
// malformed files are refused next to the field with the input kept and
// nothing written; a calendar in use cannot be deactivated; every change
// is in the audit log. The calendar and its level are the test's own.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 208;
const T = A.tag('CA');
const SUFFIX = T.toLowerCase().replace(/[^a-z0-9]/g, '');
const CAL_CODE = `cal_${SUFFIX}`.slice(0, 40);
const PRIO_CODE = `tc${SUFFIX}`.slice(0, 30);
const DAY = 86400;
let admin;
let calId;

const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const dateOf = (s) => iso(s).slice(0, 10);
const compact = (d) => d.replace(/-/g, '');

/** start + minutes on a UTC calendar working 00:00-24:00 every day except
 * the holidays (a Set of YYYY-MM-DD). */
function dueAllDay(start, minutes, holidays) {
  let left = minutes * 60;
  let t = start;
  for (let i = 0; i < 4000; i++) {
    const dayStart = Math.floor(t / DAY) * DAY;
    const dayEnd = dayStart + DAY;
    if (!holidays.has(dateOf(dayStart))) {
      if (dayEnd - t >= left) return t + left;
      left -= dayEnd - t;
    }
    t = dayEnd;
  }
  throw new Error('no due');
}

const week = (text) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [`span_${d}`, text]));

function multipart(fields, files = []) {
  const boundary = `----desk${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\n`
      + 'Content-Type: text/calendar\r\n\r\n', 'utf8'), Buffer.from(f.data, 'utf8'), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(ics) {
  await admin.page(`/admin/calendars/${calId}`);
  const m = multipart({ csrf: admin.csrf }, [{ field: 'ics', name: 'holidays.ics', data: ics }]);
  return admin.client.request('POST', `/admin/calendars/${calId}/import`, { body: m.body, headers: m.headers });
}

async function ticket(subject) {
  const x = await A.createTicket({ subject: `${T} ${subject}`, priority: PRIO_CODE });
  return S.apiGet(x.number);
}

async function audit(entity) {
  return L.text((await admin.page(`/admin/audit?entity=${entity}`)).body);
}

function days(html) {
  return html.split('<tr class="day-row"').slice(1).map((r) => ({ date: r.match(/data-date="([\d-]+)"/)[1], kind: r.match(/data-kind="(\w+)"/)[1] }));
}

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
});

test('bad spans, zone and names are refused next to the fields; nothing is created', async () => {
  await admin.page('/admin/calendars');
  const form = { csrf: admin.csrf, code: CAL_CODE, name_zh: '', name_en: 'x', zone: 'Mars/Olympus_Mons', ...week('') };
  form.span_mon = '09:00-12:00, 11:00-13:00';
  form.span_tue = '18:00-09:00';
  form.span_wed = '9 to 5';
  const res = await admin.client.post('/admin/calendars', { form });
  assert.equal(res.status, 422);
  for (const f of ['name_zh', 'zone', 'span_mon', 'span_tue', 'span_wed']) assert.ok(L.hasFieldError(res.body, f), `error next to ${f}`);
  assert.match(L.text(res.body), /重叠|overlap/);
  assert.match(res.body, /name="span_mon"[^>]*value="09:00-12:00, 11:00-13:00"/, 'input kept');
  assert.match(res.body, /name="zone"[^>]*value="Mars\/Olympus_Mons"/);
  const list = await admin.page('/admin/calendars');
  assert.ok(!list.body.includes(CAL_CODE), 'nothing created');
});

test('a calendar created through the form counts a level\'s targets', async () => {
  await admin.page('/admin/calendars');
  const res = await admin.client.post('/admin/calendars', {
    form: { csrf: admin.csrf, code: CAL_CODE, name_zh: `${T} 全天 UTC`, name_en: `${T} all day UTC`, zone: 'UTC', ...week('00:00-24:00') },
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 400));
  calId = res.headers.location.match(/calendars\/(\d+)/)[1];
  const page = await admin.page(`/admin/calendars/${calId}`);
  assert.match(page.body, /name="span_sat"[^>]*value="00:00-24:00"/);

  // a level of our own on it: 24 h to first response
  await admin.page('/admin/priorities');
  let p;
  for (let i = 0; i < 20; i++) {
    const rank = String(100 + Math.floor(Math.random() * 890));
    p = await admin.client.post('/admin/priorities', {
      form: { csrf: admin.csrf, code: PRIO_CODE, name_zh: `${T} 日历级别`, name_en: `${T} calendar level`, rank, color: 'grey', calendar: calId, classify: '', first_response: '1440', resolution: '', update: '', warning: '80' },
    });
    if (p.status !== 422 || !L.hasFieldError(p.body, 'rank')) break;
  }
  assert.equal(p.status, 303, L.text(p.body).slice(0, 300));
  const t = await ticket('no holiday');
  assert.equal(t.sla.first_response_due_at, iso(S.secs(t.created_at) + 1440 * 60));
  const list = L.text((await admin.page('/admin/calendars')).body);
  assert.ok(list.includes(`${T} 全天 UTC`) && list.includes(`${T} 日历级别`), 'the list shows the calendar and who uses it');
});

let holiday; // the day the first due falls on
let before; // a ticket made before any holiday

test('a holiday added through the form moves the due of the next ticket only', async () => {
  before = await ticket('before the holiday');
  const created = S.secs(before.created_at);
  holiday = dateOf(S.secs(before.sla.first_response_due_at));
  assert.notEqual(holiday, dateOf(created));

  await admin.page(`/admin/calendars/${calId}`);
  const bad = await admin.client.post(`/admin/calendars/${calId}/days`, { form: { csrf: admin.csrf, d_date: '2026-02-30', d_kind: 'holiday', d_name: 'x' } });
  assert.equal(bad.status, 422);
  assert.ok(L.hasFieldError(bad.body, 'd_date'), 'an impossible date is refused');
  assert.match(bad.body, /name="d_date"[^>]*value="2026-02-30"/);

  const res = await admin.client.post(`/admin/calendars/${calId}/days`, { form: { csrf: admin.csrf, d_date: holiday, d_kind: 'holiday', d_name: `${T} 假日` } });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  const page = await admin.page(`/admin/calendars/${calId}?from=${holiday}`);
  assert.deepEqual(days(page.body)[0], { date: holiday, kind: 'holiday' });

  const t = await ticket('after the holiday');
  const c = S.secs(t.created_at);
  assert.equal(t.sla.first_response_due_at, iso(dueAllDay(c, 1440, new Set([holiday]))), 'the holiday is skipped');
  assert.ok(S.secs(t.sla.first_response_due_at) - c > 1440 * 60, 'later than without the holiday');
  assert.equal((await S.apiGet(before.number)).sla.first_response_due_at, before.sla.first_response_due_at, 'the old ticket keeps its due');
  assert.match(await audit('calendar'), new RegExp(`日期 ${holiday} 节假日`));
});

test('malformed iCalendar files are refused with a clear message; nothing is written', async () => {
  let res = await upload('Date,Name\n2026-10-01,National Day\n');
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'ics'));
  assert.match(L.text(res.body), /不是 iCalendar 文件|not an iCalendar file/);
  res = await upload('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260231\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
  assert.equal(res.status, 422);
  assert.match(L.text(res.body), /3.*(日期无效|Invalid date)/, 'the line is named');
  res = await upload('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261001\r\n');
  assert.equal(res.status, 422);
  assert.doesNotMatch(res.body, /id="import-preview"/);
  // a confirm that did not come from a preview
  res = await admin.client.post(`/admin/calendars/${calId}/import-confirm`, { form: { csrf: admin.csrf, items: '2026-13-01\tholiday\tx' } });
  assert.equal(res.status, 422);
  assert.ok(!(await audit('calendar')).includes('2026-13-01'));
});

test('an .ics import shows a preview, then moves the next due', async () => {
  const next = dateOf(Date.parse(`${holiday}T00:00:00Z`) / 1000 + DAY);
  const ics = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//desk test//holidays//ZH',
    'BEGIN:VEVENT', `UID:a-${T}`, `DTSTART;VALUE=DATE:${compact(next)}`, `DTEND;VALUE=DATE:${compact(dateOf(Date.parse(`${next}T00:00:00Z`) / 1000 + DAY))}`, `SUMMARY:${T} 导入假日`, 'END:VEVENT',
    'BEGIN:VEVENT', `UID:b-${T}`, `DTSTART;VALUE=DATE:${compact(holiday)}`, `SUMMARY:${T} 假日`, 'END:VEVENT',
    'BEGIN:VEVENT', `UID:c-${T}`, 'DTSTART;VALUE=DATE:21990103', 'SUMMARY:春节 补班', 'END:VEVENT',
    'BEGIN:VEVENT', `UID:d-${T}`, 'DTSTART:21990105T090000Z', 'DTEND:21990105T100000Z', 'SUMMARY:meeting', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
  const res = await upload(ics);
  assert.equal(res.status, 200, L.text(res.body).slice(0, 400));
  assert.match(res.body, /id="import-preview"/);
  const rows = res.body.split('<tr class="preview-row ').slice(1).map((r) => ({
    date: r.match(/data-date="([\d-]+)"/)[1], kind: r.match(/data-kind="(\w+)"/)[1], status: r.match(/data-status="(\w+)"/)[1],
  }));
  assert.deepEqual(rows, [
    { date: holiday, kind: 'holiday', status: 'same' },
    { date: next, kind: 'holiday', status: 'new' },
    { date: '2199-01-03', kind: 'workday', status: 'new' },
  ]);
  // the preview wrote nothing yet
  const t0 = await ticket('during the preview');
  assert.equal(t0.sla.first_response_due_at, iso(dueAllDay(S.secs(t0.created_at), 1440, new Set([holiday]))));

  const items = L.decodeHtml ? L.decodeHtml(res.body.match(/name="items" value="([^"]*)"/)[1])
    : res.body.match(/name="items" value="([^"]*)"/)[1].replace(/&#10;/g, '\n').replace(/&#9;/g, '\t').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const ok = await admin.client.post(`/admin/calendars/${calId}/import-confirm`, { form: { csrf: admin.csrf, items } });
  assert.equal(ok.status, 303, L.text(ok.body).slice(0, 400));
  assert.match(ok.headers.location, /done=imported/);

  const t = await ticket('after the import');
  const c = S.secs(t.created_at);
  assert.equal(t.sla.first_response_due_at, iso(dueAllDay(c, 1440, new Set([holiday, next]))), 'both holidays are skipped');
  assert.equal((await S.apiGet(before.number)).sla.first_response_due_at, before.sla.first_response_due_at, 'the old ticket keeps its due');
  const page = await admin.page(`/admin/calendars/${calId}?from=${holiday}`);
  const listed = days(page.body);
  assert.deepEqual(listed.slice(0, 2).map((d) => d.date), [holiday, next]);
  assert.ok(listed.some((d) => d.date === '2199-01-03' && d.kind === 'workday'), 'the make-up day is imported as a working day');
  const log = await audit('calendar');
  assert.match(log, /导入|import/);
  assert.ok(log.includes(`日期 ${next}`), log.slice(0, 400));
  // importing the same file again changes nothing
  const again = await upload(ics);
  assert.doesNotMatch(again.body, /data-status="new"/);
});

test('a calendar in use cannot be deactivated', async () => {
  await admin.page(`/admin/calendars/${calId}`);
  const res = await admin.client.post(`/admin/calendars/${calId}/deactivate`, { form: { csrf: admin.csrf } });
  assert.equal(res.status, 409);
  assert.match(L.text(res.body), /仍有启用的优先级|still uses this calendar/);
  assert.match((await admin.page(`/admin/calendars/${calId}`)).body, /id="cal-state" data-state="active"/);
});
