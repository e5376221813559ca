'use strict';
// A problem record opened from a high-frequency row of the statistics: three
// tickets of one category x product x fault kind in a team of their own,
// made in the month after the test instant; the supervisor opens a problem
// record from the row's button, the form comes filled (title from the row,
// the row's tickets, the period in the timeline, where it came from and the
// limit of linked tickets), the record is saved with its origin, and each
// ticket's page shows the record. The origin is read again by the desk on
// saving; a form without its CSRF token saves nothing; an agent outside the
// team may not open the row; the keyword rows have the button too.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const T = A.tag('PS');
const low = T.toLowerCase();
const PRODUCT = `根因产品 ${T}`;
let admin, supervisor, member, memberPassword, teamId, m1;
const numbers = [];

const pad = (n) => String(n).padStart(2, '0');
const day = (mo, d) => `${mo.y}-${pad(mo.m)}-${pad(d)}`;
const at = (mo, d, h, min = 0) => Date.UTC(mo.y, mo.m - 1, d, h, min) / 1000 - 8 * 3600;
const decode = (s) => s.replace(/&amp;/g, '&');

async function post(who, url, fields) {
  return who.client.post(url, { form: { csrf: who.csrf, ...fields } });
}

async function step(t) {
  C.setAt(t);
  supervisor = await A.desk('supervisor', '127.0.0.1');
  assert.equal((await A.signIn(member.client, member.login, memberPassword)).status, 303);
  await member.page('/agent/q/mine');
  C.setAt(t);
}

test.before(async () => {
  admin = await A.desk('admin', '127.0.0.1');
  const res = await post(admin, '/admin/teams', { code: `${low}-ps`, name_zh: `根因组 ${T}`, name_en: `RCA ${T}` });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  teamId = res.headers.location.match(/teams\/(\d+)/)[1];
  memberPassword = `Pw-${T}-origin`;
  await admin.page('/admin/people/new');
  const made = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', `${low}m`],
    ['name', `根因员 ${T}`], ['role', 'agent'], ['language', 'zh'], ['teams', teamId], ['password_mode', 'set'],
    ['password', memberPassword]] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const client = L.client({ localAddress: '127.0.0.1' });
  member = new A.Desk(client, `${low}m`);
  const local = new Date((C.instant().at + 8 * 3600) * 1000);
  m1 = local.getUTCMonth() === 11 ? { y: local.getUTCFullYear() + 1, m: 1 } : { y: local.getUTCFullYear(), m: local.getUTCMonth() + 2 };
  for (let i = 0; i < 3; i++) {
    await step(at(m1, 3 + i, 10));
    const tk = await A.createTicket({ category: 'usage', product: PRODUCT, subject: `${T} 扫描仪驱动安装失败 ${i}`,
      customer: { name: '根因客户', email: `${low}-${i}@example.com` } });
    await supervisor.must(tk.number, 'assign', { agent: 0, team: teamId, reason: `${T} 根因组` });
    await member.must(tk.number, 'claim');
    const page = (await member.page(`/agent/t/${tk.number}`)).body;
    const usage = page.match(/<option value="(\d+)"[^>]*>使用咨询<\/option>/)[1];
    await member.must(tk.number, 'classify', { category: usage, nature: 'functional' });
    numbers.push(tk.number);
  }
  await step(at(m1, 20, 12));
});

const query = () => `kind=month&at=${day(m1, 1)}&team=${teamId}`;

/** The "open a problem" link of the statistics' row whose text has `has`. */
async function rowLink(who, prefix, has) {
  const res = await who.get(`/agent/stats?${query()}`);
  assert.equal(res.status, 200);
  const rows = [...res.body.matchAll(new RegExp(`<tr data-q="${prefix}[^"]*">([\\s\\S]*?)</tr>`, 'g'))].map((m) => m[1]);
  const row = rows.find((r) => L.text(r).includes(has));
  assert.ok(row, `a ${prefix} row with ${has}`);
  const m = row.match(/<a class="button small" href="([^"]+)"[^>]*>立案分析<\/a>/);
  assert.ok(m, 'the row has its button');
  return decode(m[1]);
}

/** Every field of the new form as the page fills it. */
function formOf(html) {
  const form = html.match(/<form class="request problem-form"[\s\S]*?<\/form>/)[0];
  const f = [];
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) if (m[1] !== 'csrf') f.push([m[1], L.text(m[2])]);
  f.push(['title', L.text(form.match(/<input[^>]*name="title"[^>]*value="([^"]*)"/)[1])]);
  f.push(['tickets', L.text(form.match(/<input[^>]*name="tickets"[^>]*value="([^"]*)"/)[1])]);
  f.push(['timeline', L.text(form.match(/<textarea[^>]*name="timeline"[^>]*>([\s\S]*?)<\/textarea>/)[1])]);
  return f;
}

test('a high-frequency row opens a problem record with its tickets, its period and where it came from', async () => {
  const link = await rowLink(supervisor, 'combo.', PRODUCT);
  assert.match(link, /^\/agent\/problems\/new\?src=stats&/);
  const page = await supervisor.page(link);
  assert.equal(page.status, 200);
  const fields = formOf(page.body);
  const get = (k) => fields.find((x) => x[0] === k)[1];
  assert.equal(get('title'), `高频问题：使用咨询 · ${PRODUCT} · 功能`);
  assert.deepEqual(get('tickets').split(' ').sort(), [...numbers].sort());
  assert.match(get('timeline'), new RegExp(`${day(m1, 1)} – ${day(m1, new Date(Date.UTC(m1.y, m1.m, 0)).getUTCDate())}`));
  const origin = L.text(page.body.match(/<aside class="origin-note"[\s\S]*?<\/aside>/)[0]).replace(/\s+/g, '');
  assert.match(origin, /该行工单3张，已关联3张（每份报告最多关联20张）/);
  assert.ok(!page.body.includes('@example.com'), 'no contact details');

  // without its CSRF token nothing is saved
  const bad = await supervisor.client.post('/agent/problems/new', { form: fields });
  assert.equal(bad.status, 422);
  for (const n of numbers) assert.ok(!(await supervisor.get(`/agent/t/${n}`)).body.includes('PRB-'), 'no record yet');

  const saved = await supervisor.client.post('/agent/problems/new', { form: [['csrf', supervisor.csrf], ...fields] });
  assert.equal(saved.status, 303, L.text(saved.body).slice(0, 400));
  const where = saved.headers.location;
  assert.match(where, /^\/agent\/problems\/\d+\?done=problem_created$/);
  const rec = (await supervisor.get(where)).body;
  const number = L.text(rec).match(/PRB-\d{6}/)[0];
  const note = L.text(rec.match(/<aside class="origin-note"[\s\S]*?<\/aside>/)[0]).replace(/\s+/g, '');
  assert.ok(note.includes(`统计分析的高频问题组合«使用咨询·${PRODUCT.replace(/\s+/g, '')}·功能»`), note);
  assert.ok(note.includes(`统计周期${day(m1, 1)}–`), note);
  assert.match(note, /该行工单3张，已关联3张/);
  const all = decode(rec.match(/href="(\/agent\/stats\/quality\/tickets\?[^"]+)"/)[1]);
  const drill = (await supervisor.get(all)).body;
  for (const n of numbers) assert.ok(drill.includes(n), `the row's list holds ${n}`);
  for (const n of numbers) assert.ok(rec.includes(`/agent/t/${encodeURIComponent(n)}`), `the record links ${n}`);
  // both ways: each ticket's page shows the record
  for (const n of numbers) {
    const t = (await member.get(`/agent/t/${n}`)).body;
    assert.ok(t.includes(number), `${n} shows ${number}`);
  }
});

test('the row is read again on saving: a key that names no row is refused', async () => {
  const link = await rowLink(supervisor, 'combo.', PRODUCT);
  const page = await supervisor.page(link);
  const fields = formOf(page.body).map(([k, v]) => [k, k === 'nature' ? 'nonsense' : v]);
  const res = await supervisor.client.post('/agent/problems/new', { form: [['csrf', supervisor.csrf], ...fields] });
  assert.equal(res.status, 422);
  assert.ok(!res.headers.location);
  // a product the period has no ticket of names no row either
  const other = formOf(page.body).map(([k, v]) => [k, k === 'cprod' ? `${v} 其他` : v]);
  const none = await supervisor.client.post('/agent/problems/new', { form: [['csrf', supervisor.csrf], ...other] });
  assert.equal(none.status, 422);
  assert.ok(!none.headers.location);
});

test('a keyword row opens the form too; an agent outside the team may not open the row', async () => {
  const link = await rowLink(supervisor, 'term.', '扫描');
  const page = await supervisor.page(link);
  assert.equal(page.status, 200);
  assert.match(L.text(page.body), /统计分析的高频关键词/);
  const tickets = formOf(page.body).find((x) => x[0] === 'tickets')[1].split(' ');
  assert.deepEqual([...tickets].sort(), [...numbers].sort());
  const agent = await A.desk('agent', '127.0.0.1');
  assert.equal((await agent.get(link)).status, 403);
  // the member of the team may, from their own statistics
  const own = await rowLink(member, 'combo.', PRODUCT);
  assert.equal((await member.get(own)).status, 200);
});
