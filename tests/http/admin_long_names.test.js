'use strict';
// Names as long as their columns allow (VARCHAR counts characters; a Chinese
// character is 3 bytes in utf8mb4) come back whole: on the admin pages that
// edit them and in every worker's catalogue (the agents' filters). Regression
// test for buffers sized in characters instead of bytes, which cut a
// priority's 60-character name at 60 bytes (20 Chinese characters) and a
// calendar's, a holiday's, a team's or an admin's 100-character name at 100
// bytes, in the middle of a character. Everything made here is deactivated at
// the end.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 231;
const T = A.tag('LN');
const low = T.toLowerCase();
let admin, prioId, calId, teamId, personId;

/** A name of exactly n characters: the tag, then Chinese characters (3 bytes each). */
const longName = (n, ch = '级') => (T + ch.repeat(n)).slice(0, n);
const valueOf = (html, name) => A.decode((html.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`)) || [])[1] || '');
const post = (url, form) => admin.client.post(url, { form: { csrf: admin.csrf, ...form } });

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
});

// Back to short names before deactivating: later checks (the browser's
// page widths among them) never meet these names, in lists or selects.
test.after(async () => {
  const short = `${T} 短`;
  if (prioId) {
    const page = await admin.page(`/admin/priorities/${prioId}`);
    await post(`/admin/priorities/${prioId}`, {
      name_zh: short, name_en: short, rank: valueOf(page.body, 'rank'), color: 'grey', calendar: '2',
      classify: '', first_response: '600', resolution: '', update: '', warning: '80',
    });
    await post(`/admin/priorities/${prioId}/deactivate`, {});
  }
  if (calId) {
    await post(`/admin/calendars/${calId}/days-remove`, { d_date: '2030-10-01' });
    await post(`/admin/calendars/${calId}`, {
      name_zh: short, name_en: short, zone: 'UTC',
      span_sun: '', span_mon: '09:00-18:00', span_tue: '', span_wed: '', span_thu: '', span_fri: '', span_sat: '',
    });
    await post(`/admin/calendars/${calId}/deactivate`, {});
  }
  if (teamId) {
    await post(`/admin/teams/${teamId}`, { name_zh: short, name_en: short });
    await post(`/admin/teams/${teamId}/deactivate`, {});
  }
  if (personId) {
    await post(`/admin/people/${personId}`, { name: short, email: '', role: 'admin', language: 'zh' });
    await post(`/admin/people/${personId}/deactivate`, {});
  }
});

test('a priority named with all 60 characters keeps them, on its page and in the catalogue', async () => {
  const name = longName(60);
  await admin.page('/admin/priorities');
  let res;
  for (let i = 0; i < 20; i++) { // a free order among the active levels
    const rank = String(100 + Math.floor(Math.random() * 890));
    res = await post('/admin/priorities', {
      code: `p${low}`.slice(0, 40), name_zh: name, name_en: `${T} long`, rank, color: 'grey', calendar: '2',
      classify: '', first_response: '600', resolution: '', update: '', warning: '80',
    });
    if (res.status !== 422 || !L.hasFieldError(res.body, 'rank')) break;
  }
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  prioId = res.headers.location.match(/priorities\/(\d+)/)[1];
  const page = await admin.page(`/admin/priorities/${prioId}`);
  assert.equal(valueOf(page.body, 'name_zh'), name, 'the edit form holds the whole name');
  const progress = await admin.page('/agent/progress');
  assert.equal(progress.status, 200);
  assert.ok(A.decode(progress.body).includes(`>${name}</option>`), 'the catalogue holds the whole name');
  assert.ok(!progress.body.includes('\ufffd'), 'no character cut in two');
});

test('a calendar and a holiday named with all 100 characters keep them', async () => {
  const name = `AB${longName(98, '历')}`; // 2 + 98 x 3 bytes: a byte cut would split a character
  const day = `AB${longName(98, '节')}`;
  await admin.page('/admin/calendars');
  let res = await post('/admin/calendars', {
    code: `c${low}`.slice(0, 40), name_zh: name, name_en: `${T} long`, zone: 'UTC',
    span_sun: '', span_mon: '09:00-18:00', span_tue: '', span_wed: '', span_thu: '', span_fri: '', span_sat: '',
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  calId = res.headers.location.match(/calendars\/(\d+)/)[1];
  let page = await admin.page(`/admin/calendars/${calId}`);
  assert.equal(valueOf(page.body, 'name_zh'), name, 'the edit form holds the whole name');
  res = await post(`/admin/calendars/${calId}/days`, { d_date: '2030-10-01', d_kind: 'holiday', d_name: day });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  page = await admin.page(`/admin/calendars/${calId}?from=2030-01-01`);
  assert.ok(A.decode(page.body).includes(day), 'the days list shows the whole holiday name');
  assert.ok(!page.body.includes('\ufffd'), 'no character cut in two');
  // the same day again is no change (what is read back equals what was written)
  res = await post(`/admin/calendars/${calId}/days`, { d_date: '2030-10-01', d_kind: 'holiday', d_name: day });
  assert.equal(res.status, 303);
  assert.match(res.headers.location, /done=unchanged/);
});

test('a team named with all 100 characters keeps them in the catalogue', async () => {
  const name = `AB${longName(98, '组')}`;
  await admin.page('/admin/teams');
  const res = await post('/admin/teams', { code: `t-${low}`.slice(0, 40), name_zh: name, name_en: `${T} long` });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  teamId = res.headers.location.match(/teams\/(\d+)/)[1];
  const progress = await admin.page('/agent/progress');
  assert.ok(A.decode(progress.body).includes(`>${name}</option>`), 'the team filter shows the whole name');
  assert.ok(!progress.body.includes('\ufffd'), 'no character cut in two');
});

test('an admin named with all 100 characters is named whole in the audit log', async () => {
  const name = `AB${longName(98, '管')}`;
  const login = `ln${low}`.slice(0, 60);
  const password = `Pw-${T}-long`;
  await admin.page('/admin/people/new');
  const res = await admin.client.post('/admin/people', {
    form: [['csrf', admin.csrf], ['login', login], ['name', name], ['email', ''], ['role', 'admin'],
      ['language', 'zh'], ['password_mode', 'set'], ['password', password]],
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  personId = res.headers.location.match(/people\/(\d+)/)[1];
  const client = L.client({ localAddress: L.addr(FILE, 2) });
  assert.equal((await A.signIn(client, login, password)).status, 303);
  const other = new A.Desk(client, login);
  await other.page('/admin/skills');
  const made = await other.client.post('/admin/skills', {
    form: { csrf: other.csrf, code: `s${low}`.slice(0, 40), name_zh: `${T} 技能`, name_en: `${T} skill` },
  });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const log = await admin.page('/admin/audit?entity=skill');
  assert.ok(A.decode(log.body).includes(name), 'the audit log names the admin in full');
  assert.ok(!log.body.includes('\ufffd'), 'no character cut in two');
});
