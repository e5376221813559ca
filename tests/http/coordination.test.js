'use strict';
// The weekly coordination view (/agent/coordination): five tickets of two
// teams of their own, made the week before the chosen week W and moved,
// escalated, resolved and analysed at known instants, with two moves on
// each side of W's Monday 00:00 (Asia/Shanghai): the exact figures per team
// for W and for the week before, every number opening its tickets, and an
// agent seeing only their own team. Whatever the day it runs at, the weeks
// lie after the test instant.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const T = A.tag('CO');
const low = T.toLowerCase();
let admin, supervisor, member, memberPassword, teamX, teamY;
const tk = {};
let w0; // W's Monday 00:00 local, in seconds
const DAY = 86400;

const pad = (n) => String(n).padStart(2, '0');
function localDay(t) {
  const d = new Date((t + 8 * 3600) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

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

async function team(code, name) {
  const res = await post(admin, '/admin/teams', { code: `${low}-${code}`, name_zh: name, name_en: name });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  return res.headers.location.match(/teams\/(\d+)/)[1];
}

const move = (name, to) => supervisor.must(tk[name].number, 'assign', { agent: 0, team: to, reason: `${T} 转交` });

test.before(async () => {
  admin = await A.desk('admin', '127.0.0.1');
  teamX = await team('x', `协调甲 ${T}`);
  teamY = await team('y', `协调乙 ${T}`);
  memberPassword = `Pw-${T}-coord`;
  await admin.page('/admin/people/new');
  const made = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', `${low}m`],
    ['name', `协调员 ${T}`], ['role', 'agent'], ['language', 'zh'], ['teams', teamX], ['password_mode', 'set'],
    ['password', memberPassword]] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  member = new A.Desk(L.client({ localAddress: '127.0.0.1' }), `${low}m`);
  // W-1: the first Monday after the instant; W the one after it
  const inst = C.instant().at;
  const localMidnight = Math.floor((inst + 8 * 3600) / DAY) * DAY - 8 * 3600;
  const weekday = new Date((inst + 8 * 3600) * 1000).getUTCDay();
  const prevMonday = localMidnight + ((8 - weekday) % 7 || 7) * DAY;
  w0 = prevMonday + 7 * DAY;
  // the week before: five tickets in X, low priority (no resolution clock)
  for (const [i, name] of ['A', 'B', 'C', 'D', 'E'].entries()) {
    await step(prevMonday + DAY + 10 * 3600 + i * 60);
    tk[name] = await A.createTicket({ category: 'usage', subject: `${T} 协调 ${name}`,
      customer: { name: '协调客户', email: `${low}-${name}@example.com` } });
    await move(name, teamX);
    await supervisor.must(tk[name].number, 'priority', { priority: A.PRIORITIES.low, reason: `${T} 不急` });
    await member.must(tk[name].number, 'claim');
  }
  // A leaves X in W-1's last seconds, B in W's first (the stack's clock is
  // placed to within a second)
  await step(w0 - 2);
  await move('A', teamY);
  await step(w0 + 1);
  await move('B', teamY);
  // C: urgent (resolution due 4 hours after it was made: long past) and escalated
  await step(w0 + DAY + 10 * 3600);
  await supervisor.must(tk.C.number, 'priority', { priority: A.PRIORITIES.urgent, reason: `${T} 全线停产` });
  await member.must(tk.C.number, 'escalate', { reason: `${T} 需要研发`, impact: '全部设备' });
  // D resolved; a problem record on E
  await step(w0 + 2 * DAY + 10 * 3600);
  await member.must(tk.D.number, 'status', { to: 'resolved', reason: `${T} 已解决` });
  await member.page('/agent/problems/new');
  const p = await post(member, '/agent/problems/new', { title: `${T} 协调分析`, tickets: tk.E.number });
  assert.equal(p.status, 303, L.text(p.body).slice(0, 300));
  // looked at on W+1's Wednesday
  await step(w0 + 9 * DAY + 12 * 3600);
});

function teamRow(html, id) {
  const m = html.match(new RegExp(`<tr data-team="${id}">([\\s\\S]*?)</tr>`));
  if (!m) return undefined;
  return [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => L.text(c[1]).trim());
}

const FIGS = ['open', 'overdue', 'escalations', 'handed_over', 'received', 'problems', 'actions'];

test('the exact figures per team for the week, the week boundary on Monday 00:00 local', async () => {
  const res = await supervisor.get(`/agent/coordination?at=${localDay(w0 + 3 * DAY)}`);
  assert.equal(res.status, 200);
  const h = res.body;
  assert.match(L.text(h), new RegExp(`${localDay(w0)} – ${localDay(w0 + 6 * DAY)}`));
  const x = teamRow(h, teamX);
  const y = teamRow(h, teamY);
  // X: C and E open, C overdue and waiting for R&D, B handed over, E's record
  assert.deepEqual(x, [`协调甲 ${T}`, '2', '1', '1', '1', '0', '1', '0']);
  // Y: A and B open; only B came in during W
  assert.deepEqual(y, [`协调乙 ${T}`, '2', '0', '0', '0', '1', '0', '0']);
  // the week before: A's move at 23:59:58 on Sunday is there
  const before = (await supervisor.get(`/agent/coordination?at=${localDay(w0 - 7 * DAY)}`)).body;
  const yb = teamRow(before, teamY);
  assert.equal(yb[FIGS.indexOf('received') + 1], '1');
  assert.equal(yb[FIGS.indexOf('handed_over') + 1], '0');
  assert.ok(!h.includes('@example.com'), 'no contact details');
});

async function drill(who, fig, teamId, at) {
  const res = await who.get(`/agent/coordination/tickets?fig=${fig}&team=${teamId}&at=${at}`);
  assert.equal(res.status, 200, `${fig} of ${teamId}`);
  return [...res.body.matchAll(/<td class="num"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]).sort();
}

test('every ticket number opens the tickets behind it', async () => {
  const at = localDay(w0);
  const h = (await supervisor.get(`/agent/coordination?at=${at}`)).body;
  assert.ok(h.includes(`/agent/coordination/tickets?fig=handed_over&amp;team=${teamX}&amp;at=${at}`));
  assert.deepEqual(await drill(supervisor, 'open', teamX, at), [tk.C.number, tk.E.number].sort());
  assert.deepEqual(await drill(supervisor, 'overdue', teamX, at), [tk.C.number]);
  assert.deepEqual(await drill(supervisor, 'escalations', teamX, at), [tk.C.number]);
  assert.deepEqual(await drill(supervisor, 'handed_over', teamX, at), [tk.B.number]);
  assert.deepEqual(await drill(supervisor, 'received', teamY, at), [tk.B.number]);
  assert.deepEqual(await drill(supervisor, 'open', teamY, at), [tk.A.number, tk.B.number].sort());
  assert.deepEqual(await drill(supervisor, 'received', teamY, localDay(w0 - 7 * DAY)), [tk.A.number]);
});

test('an agent sees only their own teams', async () => {
  const at = localDay(w0);
  const res = await member.get(`/agent/coordination?at=${at}`);
  assert.equal(res.status, 200);
  assert.ok(teamRow(res.body, teamX), 'their team');
  assert.equal(teamRow(res.body, teamY), undefined, 'not another team');
  assert.ok(!res.body.includes('data-team="total"'));
  assert.equal((await member.get(`/agent/coordination/tickets?fig=open&team=${teamY}&at=${at}`)).status, 403);
  assert.deepEqual(await drill(member, 'open', teamX, at), [tk.C.number, tk.E.number].sort());
});

test('a weekly coordination meeting links the view of the week before it, and its pack holds the table', async () => {
  const starts = w0 + 3 * 7 * DAY + DAY + 10 * 3600; // a Tuesday 10:00, some working days ahead
  const d = new Date((starts + 8 * 3600) * 1000);
  const local = `${localDay(starts)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  await supervisor.page('/agent/meetings/new');
  const res = await supervisor.client.post('/agent/meetings/new', { form: [['csrf', supervisor.csrf], ['kind', 'weekly'],
    ['title', `${T} 周协调会`], ['starts_at', local], ['duration', '60'], ['location', '2 楼'], ['agenda', '各团队进展']] });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 400));
  const id = res.headers.location.match(/meetings\/(\d+)/)[1];
  const page = (await supervisor.get(`/agent/meetings/${id}`)).body;
  const week = localDay(starts - 7 * DAY);
  assert.ok(page.includes(`href="/agent/coordination?at=${week}"`), 'the meeting links its week');
  const pack = (await supervisor.get(`/agent/meetings/${id}/pack`)).body;
  assert.match(pack, /<table class="stats-table coord-table" id="t-coord">/);
  // that week has not begun: the figures stand now, with no moves in it
  assert.deepEqual(teamRow(pack, teamX), [`协调甲 ${T}`, '2', '1', '1', '0', '0', '1', '0']);
  assert.ok(!pack.includes('@example.com'), 'no contact details');
});
