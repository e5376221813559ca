'use strict';
// The R&D desk: an escalation goes to an R&D team (a team flagged
// answers_escalations), whose members are mailed once, find it in their
// queue "R&D escalations" (unanswered first by answer deadline, then the
// answered ones; keyset pages), may open that ticket read-only except for
// internal notes and their answer, and never a ticket not escalated to them.
// The ticket page shows the escalation's reason, impact, expected time,
// deadline and clock; the customer's page says it went to R&D and who
// their contact is, without the reasons. The escalation is filed on a
// Friday afternoon, so its 4 business hours run over the weekend.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 236;
const DAY = 86400;
const ZONE = 8 * 3600;
const T = A.tag('RD');
const low = T.toLowerCase();
const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
let agent, supervisor, rnd, rndB, other;
let team, otherTeam;

const { reloadConfig } = require('./routing_lib'); // every worker reloads the catalogue now

/** An R&D team of this file, flagged, with members; its id. */
function rndTeam(code, name, members) {
  A.setupSql(`INSERT INTO teams (code, name_zh, name_en, answers_escalations) VALUES (${q(code)}, ${q(name)}, ${q(name)}, 1)`);
  for (const m of members) {
    A.setupSql(`INSERT INTO agents (login, name, email, role, password_hash, created_at)
      SELECT ${q(m)}, ${q(`研发 ${m}`)}, ${q(`${m}@example.com`)}, 'agent', password_hash, UTC_TIMESTAMP() FROM agents WHERE login = 'agent'`);
    A.setupSql(`INSERT INTO team_members (team_id, agent_id) SELECT t.id, a.id FROM teams t, agents a WHERE t.code = ${q(code)} AND a.login = ${q(m)}`);
  }
  return Number(A.setupSql(`SELECT id FROM teams WHERE code = ${q(code)}`).trim());
}

async function signInAs(login, n) {
  const client = L.client({ localAddress: L.addr(FILE, n) });
  const res = await A.signIn(client, login, L.credentials().AGENT_PASSWORD);
  assert.equal(res.status, 303, `sign-in of ${login}: ${res.status}`);
  const d = new A.Desk(client, login);
  await d.page('/agent/q/mine');
  return d;
}

/** The next Friday 16:30 (Asia/Shanghai) after the stack's now, in seconds. */
function nextFridayAfternoon() {
  const nowS = Math.floor(C.now() / 1000) + DAY;
  const midnight = nowS - ((nowS + ZONE) % DAY);
  const weekday = new Date((midnight + ZONE) * 1000).getUTCDay();
  return midnight + ((5 - weekday + 7) % 7) * DAY + 16 * 3600 + 30 * 60;
}

async function inProgress(subject) {
  const x = await A.createTicket({ subject: `${T} ${subject}` });
  await agent.must(x.number, 'claim');
  await agent.must(x.number, 'status', { to: 'in_progress' });
  return x;
}

/** The R&D queue's rows: {number, due (iso), state, answered, text}. */
function rndRows(html) {
  const body = (html.split('<tbody>')[1] || '').split('</tbody>')[0];
  return body.split(/<tr\b/).slice(1).map((tr) => ({
    number: decodeURIComponent((tr.match(/href="\/agent\/t\/([^"#]+)/) || [])[1] || ''),
    due: (tr.match(/<time class="rnd-due-at" datetime="([^"]*)"/) || [])[1],
    state: (tr.match(/<span class="sla sla-(\w+)"/) || [])[1],
    answered: /is-answered/.test(tr),
    text: A.strip(tr),
  }));
}

/** The escalation card of a ticket page, as text, and its deadline. */
function escalationCard(html) {
  const card = (html.match(/<section class="card card-escalation[\s\S]*?<\/section>/) || [''])[0];
  return { text: A.strip(card), due: (card.match(/class="esc-due">[\s\S]*?<time datetime="([^"]*)"/) || [])[1], html: card };
}

const rndMails = (login, number) => S.readMails().filter((m) => S.mailTo(m, `${login}@example.com`) &&
  m.subject.includes(number) && m.subject.includes('升级到研发'));

let escalated; // the ticket escalated on Friday afternoon

test.before(async () => {
  // the programs see a new clock file by its mtime, whose clock ticks coarsely:
  // not within milliseconds of the file instant's own write
  await S.sleep(100);
  C.setAt(nextFridayAfternoon()); // before signing in: sessions idle out when the clock jumps
  team = rndTeam(`rd_${low}`.slice(0, 40), `研发测试组 ${T}`, [`${low}a`, `${low}b`]);
  otherTeam = rndTeam(`rdo_${low}`.slice(0, 40), `另一研发组 ${T}`, [`${low}o`]);
  reloadConfig();
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  rnd = await signInAs(`${low}a`, 3);
  rndB = await signInAs(`${low}b`, 4);
  other = await signInAs(`${low}o`, 5);
});

test.after(() => {
  A.setupSql(`UPDATE teams SET active = 0, answers_escalations = 0 WHERE id IN (${team}, ${otherTeam})`);
  A.setupSql(`UPDATE agents SET active = 0 WHERE login IN (${q(`${low}a`)}, ${q(`${low}b`)}, ${q(`${low}o`)})`);
  reloadConfig();
});

test('escalated on a Friday afternoon: each R&D member is mailed once; the queue shows it with its Monday deadline', async () => {
  const x = await inProgress('friday');
  escalated = x;
  const p = await agent.ticket(x.number);
  assert.match(p.html, /<select id="esc-team" name="team">/, 'with several R&D teams the form asks which');
  const expected = S.local(Math.floor(C.now() / 1000) + 3 * DAY).replace(' ', 'T');
  // a time not in the browser's shape is refused on the form, everything typed kept, nothing escalated
  const bad = await agent.act(x.number, 'escalate', { reason: `导出接口超时 ${T}`, impact: '全部 12 家门店', expected: '2027-02-30T25:00', team });
  assert.equal(bad.status, 422);
  assert.equal(A.textarea(bad.body, 'esc-reason'), `导出接口超时 ${T}`, 'the reason is kept');
  assert.match(bad.body, /id="esc-expected" name="expected" type="datetime-local" value="2027-02-30T25:00"/, 'the time typed is kept');
  assert.match(bad.body, new RegExp(`<option value="${team}" selected>`), 'the team chosen stays chosen');
  assert.ok(!escalationCard((await agent.ticket(x.number)).html).html, 'nothing was escalated');
  const after = await agent.must(x.number, 'escalate', { reason: `导出接口超时 ${T}`, impact: '全部 12 家门店', expected, team });
  // the ticket page shows the escalation
  const card = escalationCard(after.html);
  assert.ok(card.html, 'the ticket page has the escalation card');
  for (const s of [`导出接口超时 ${T}`, '全部 12 家门店', `研发测试组 ${T}`, '等待研发答复', expected.replace('T', ' ')]) {
    assert.ok(card.text.includes(s), `the card shows ${s}: ${card.text}`);
  }
  const asked = S.secs((card.html.match(/<time datetime="([^"]*)">/) || [])[1]);
  const due = S.businessDue(asked, 240);
  assert.equal(new Date((due + ZONE) * 1000).getUTCDay(), 1,
    `four business hours from Friday 16:30 end on Monday: asked ${S.local(asked)}, due ${S.local(due)}`);
  assert.equal(S.secs(card.due), due, 'the card shows the answer deadline in business time');

  // mailed once to each member, and to nobody outside the team
  await S.waitFor(() => rndMails(`${low}a`, x.number).length >= 1 && rndMails(`${low}b`, x.number).length >= 1,
    'the R&D mails', { timeout: 60000 });
  await agent.must(x.number, 'note', { body: `内部备注 ${T}` });
  await S.sleep(2500); // the scheduler sends every second: a second mail would be out by now
  assert.equal(rndMails(`${low}a`, x.number).length, 1, 'one mail per member');
  assert.equal(rndMails(`${low}b`, x.number).length, 1, 'one mail per member');
  assert.equal(rndMails(`${low}o`, x.number).length, 0, 'not to another R&D team');
  const mail = rndMails(`${low}a`, x.number)[0];
  assert.ok(mail.body.includes(`/agent/t/${x.number}`), 'the mail links to the ticket');
  assert.ok(mail.body.includes(S.local(due)), `the mail gives the deadline ${S.local(due)}`);

  // in the team's queue, with reason, impact, the deadline and the time left
  const page = await rnd.get('/agent/rnd');
  assert.equal(page.status, 200);
  const row = rndRows(page.body).find((r) => r.number === x.number);
  assert.ok(row, 'the escalation is in the R&D queue');
  assert.equal(S.secs(row.due), due);
  assert.equal(row.state, 'ok', 'its clock runs');
  for (const s of [`导出接口超时 ${T}`, '全部 12 家门店', expected.replace('T', ' ')]) assert.ok(row.text.includes(s), `the row shows ${s}`);
  assert.match(row.text, /剩余/, 'with the time left');
  const otherQueue = await other.get('/agent/rnd');
  assert.ok(!rndRows(otherQueue.body).some((r) => r.number === x.number), 'not in another R&D team\'s queue');
  assert.match(page.body, /href="\/agent\/rnd" class="t t-rnd" aria-current="page"/, 'the workspace links the R&D queue');
});

test('R&D opens the escalated ticket read-only: internal notes and the answer, no reply, no field changes, no contacts', async () => {
  assert.ok(escalated, 'the escalation of the first test');
  const x = escalated;
  const p = await rndB.ticket(x.number);
  assert.equal(p.res.status, 200, 'R&D may open a ticket escalated to them');
  assert.ok(p.forms.includes('escalation_answer'), 'the answer form');
  assert.ok(p.forms.includes('note'), 'the internal note form');
  for (const f of ['reply', 'status', 'escalate', 'priority', 'work', 'reveal', 'classify']) assert.ok(!p.forms.includes(f), `no ${f} form`);
  assert.ok(!p.html.includes(x.body.customer.email), 'no customer address on the page');
  for (const [action, fields] of [['reply', { body: `不应发出 ${T}` }], ['status', { to: 'waiting_customer' }],
    ['classify', { category: A.CATEGORIES.usage }], ['escalate', { reason: 'x', impact: 'y' }], ['reveal', {}]]) {
    const res = await rndB.act(x.number, action, fields);
    assert.equal(res.status, 403, `${action} is refused: ${res.status}`);
  }
  const still = await agent.ticket(x.number);
  assert.ok(!still.thread.includes(`不应发出 ${T}`), 'no reply was recorded');
  assert.equal(still.status, 'in_progress');
  const note = await rndB.must(x.number, 'note', { body: `研发备注：复现中 ${T}` });
  assert.ok(note.thread.includes(`研发备注：复现中 ${T}`), 'the note is on the ticket');
  const answered = await rndB.must(x.number, 'escalation_answer', { plan: `补丁 5.2.1 周二发布 ${T}` });
  const card = escalationCard(answered.html);
  assert.ok(card.text.includes('已答复') && card.text.includes(`补丁 5.2.1 周二发布 ${T}`), `answered: ${card.text}`);
  assert.ok(card.html.includes('met-met'), 'answered within its time');
  // answered: after the waiting ones in the queue
  const rows = rndRows((await rnd.get('/agent/rnd')).body);
  const mine = rows.find((r) => r.number === x.number);
  assert.ok(mine && mine.answered, 'listed as answered');
  assert.ok(rows.findIndex((r) => r.answered) >= rows.filter((r) => !r.answered).length, 'answered ones come after the waiting ones');
  const c = await L.client({ localAddress: L.addr(FILE, 9) }).get(`/t/${x.token}`);
  const text = L.text(c.body);
  assert.ok(!text.includes('补丁 5.2.1') && !text.includes('研发备注') && !text.includes('导出接口超时'), 'the customer sees no internal detail');
});

test('R&D cannot open a ticket not escalated to their team; the R&D queue is theirs and the supervisors\'', async () => {
  const plain = await inProgress('not escalated');
  assert.equal((await rnd.ticket(plain.number)).res.status, 404, 'not escalated: answered as missing');
  assert.equal((await rnd.act(plain.number, 'note', { version: 1 })).status, 404, 'no note either');
  const elsewhere = await inProgress('other team');
  await agent.must(elsewhere.number, 'escalate', { reason: `别的组 ${T}`, impact: '一台', team: otherTeam });
  assert.equal((await rnd.ticket(elsewhere.number)).res.status, 404, 'escalated to another R&D team');
  assert.equal((await other.ticket(elsewhere.number)).res.status, 200, 'that team opens it');
  assert.equal((await other.act(elsewhere.number, 'escalation_answer', { plan: '错组' })).status, 303, 'and answers it');
  assert.equal((await agent.get('/agent/rnd')).status, 404, 'no R&D queue for the front line');
  assert.ok(!(await agent.get('/agent/q/mine')).body.includes('t-rnd'), 'nor a link to it');
  const sup = await supervisor.get(`/agent/rnd?team=${team}`);
  assert.equal(sup.status, 200, 'supervisors read every R&D queue');
  assert.equal((await rnd.get(`/agent/rnd?team=${otherTeam}`)).status, 404, 'a member reads only their own');
});

test('the customer\'s page says the problem went to R&D and who their contact is, without the reasons', async () => {
  const x = await inProgress('customer page');
  const before = L.text((await L.client({ localAddress: L.addr(FILE, 10) }).get(`/t/${x.token}`)).body);
  assert.ok(!before.includes('研发团队处理中'), 'nothing before the escalation');
  await agent.must(x.number, 'escalate', { reason: `内部原因 ${T}`, impact: `内部影响 ${T}`, team });
  const res = await L.client({ localAddress: L.addr(FILE, 10) }).get(`/t/${x.token}`);
  assert.equal(res.status, 200);
  const box = L.text((res.body.match(/<section class="card rnd-notice"[\s\S]*?<\/section>/) || [''])[0]);
  assert.match(box, /研发团队处理中/);
  assert.match(box, /您的问题已于 .+ 转交我们的研发团队/);
  assert.ok(box.includes(`您的联系人仍是 ${A.PEOPLE.agent.name}`), `the owner is the contact: ${box}`);
  const all = L.text(res.body);
  assert.ok(!all.includes(`内部原因 ${T}`) && !all.includes(`内部影响 ${T}`), 'no reason or impact');
  await rnd.must(x.number, 'escalation_answer', { plan: `方案 ${T}` });
  const later = L.text((await L.client({ localAddress: L.addr(FILE, 10) }).get(`/t/${x.token}`)).body);
  assert.match(later, /研发已给出处理方案/, 'answered: the page says so');
  assert.ok(!later.includes(`方案 ${T}`), 'not the plan itself');
});

test('the R&D queue pages by key: waiting by deadline first, then the answered ones, latest first', async () => {
  const code = `rdp_${low}`.slice(0, 40);
  const pageTeam = rndTeam(code, `分页研发组 ${T}`, [`${low}p`]);
  reloadConfig();
  const reader = await signInAs(`${low}p`, 6);
  const tickets = [];
  for (let i = 0; i < 3; i++) tickets.push(await A.createTicket({ subject: `${T} paging ${i}` }));
  const ids = tickets.map((t) => Number(A.setupSql(`SELECT id FROM tickets WHERE number = ${q(t.number)}`).trim()));
  const base = Math.floor(C.now() / 1000);
  const values = [];
  for (let i = 0; i < 33; i++) {
    const due = C.sqlTime((base + 3600 + (i % 11) * 600) * 1000); // ties on the deadline, broken by id
    const answered = i >= 28 ? C.sqlTime((base - 3600 + i * 60) * 1000) : null;
    values.push(`(${ids[i % 3]}, ${A.PEOPLE.agent.id}, ${pageTeam}, ${q(`分页 ${i}`)}, '一台', ${q(due)}, ${answered ? q(answered) : 'NULL'}, ${answered ? A.PEOPLE.agent.id : 'NULL'}, ${answered ? "'已答'" : 'NULL'}, UTC_TIMESTAMP())`);
  }
  A.setupSql(`INSERT INTO ticket_escalations (ticket_id, requested_by, team_id, reason, impact, answer_due_at, answered_at, answered_by, answer, created_at) VALUES ${values.join(', ')}`);
  const first = await reader.get('/agent/rnd');
  assert.equal(first.status, 200);
  const rows1 = rndRows(first.body);
  assert.equal(rows1.length, 30, 'a page holds 30');
  const link = A.nextLink(first.body);
  assert.ok(link, 'a next page');
  const second = await reader.get(link);
  assert.equal(second.status, 200, `${link}: ${A.strip(second.body).slice(0, 300)}`);
  const rows2 = rndRows(second.body);
  assert.equal(rows2.length, 3, `${link}: ${rows2.map((r) => r.text).join(' | ')}`);
  const all = [...rows1, ...rows2];
  const waiting = all.filter((r) => !r.answered);
  assert.equal(waiting.length, 28);
  assert.ok(all.slice(0, 28).every((r) => !r.answered), 'every waiting one before every answered one');
  const dues = waiting.map((r) => S.secs(r.due));
  assert.deepEqual(dues, [...dues].sort((a, b) => a - b), 'waiting ones by deadline');
  const reasons = all.map((r) => (r.text.match(/分页 (\d+)/) || [])[1]);
  assert.equal(new Set(reasons).size, 33, 'no row twice, none left out');
  assert.deepEqual(reasons.slice(28), ['32', '31', '30', '29', '28'], 'answered ones latest first');
  A.setupSql(`UPDATE teams SET active = 0, answers_escalations = 0 WHERE id = ${pageTeam}`);
  A.setupSql(`UPDATE agents SET active = 0 WHERE login = ${q(`${low}p`)}`);
  reloadConfig();
});

test('an admin makes a team an R&D team on its page, and the escalation form offers it', async () => {
  const admin = await A.desk('admin', L.addr(FILE, 7));
  const code = `rdf_${low}`.slice(0, 40);
  A.setupSql(`INSERT INTO teams (code, name_zh, name_en) VALUES (${q(code)}, ${q(`标记研发组 ${T}`)}, ${q(`Flagged ${T}`)})`);
  const id = Number(A.setupSql(`SELECT id FROM teams WHERE code = ${q(code)}`).trim());
  reloadConfig();
  const x = await inProgress('flag');
  const offered = async () => (await agent.ticket(x.number)).html.includes(`<option value="${id}">标记研发组 ${T}</option>`);
  assert.ok(!(await offered()), 'not an R&D team yet');
  const page = await admin.page(`/admin/teams/${id}`);
  assert.match(page.body, /name="rnd" value="1">/, 'the flag is on the team page, off');
  const set = async (on) => {
    const form = { csrf: admin.csrf, name_zh: `标记研发组 ${T}`, name_en: `Flagged ${T}` };
    if (on) form.rnd = '1';
    const res = await admin.client.post(`/admin/teams/${id}`, { form });
    assert.equal(res.status, 303, L.text(res.body).slice(0, 200));
  };
  await set(true);
  assert.match((await admin.page(`/admin/teams/${id}`)).body, /name="rnd" value="1" checked>/);
  assert.ok(await offered(), 'the escalation form offers the new R&D team');
  await set(false);
  assert.ok(!(await offered()), 'unflagged: no longer offered');
  A.setupSql(`UPDATE teams SET active = 0 WHERE id = ${id}`);
  reloadConfig();
});
