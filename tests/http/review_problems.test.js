'use strict';
// Problem records (根因分析报告): made from tickets and linked both ways, the
// 5-Why chain and fishbone saved in order, refusals on the same form with the
// input kept, the workflow draft -> in review -> confirmed -> closed with who
// may take each step, the history of every change, keyset pages; and who may
// see and edit a record (owner, participants, managers), with the service
// director made in the admin console. No assertion looks at a time.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 140;
const T = A.tag('PR');
const low = T.toLowerCase().replace(/[^a-z0-9]/g, '');
let admin, supervisor, agent, trainer, director;
let fault; // a fault ticket: the after-sales agent sees it, the trainer does not

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  agent = await A.desk('agent', L.addr(FILE, 3));
  trainer = await A.desk('trainer', L.addr(FILE, 4));
  fault = await A.createTicket({ category: 'fault', subject: `${T} 导出报表失败` });
});

/* ---- helpers -------------------------------------------------------- */

/** The fields of a record as form pairs (participants and responsibility repeat). */
function problemForm(p) {
  const f = [['title', p.title], ['tickets', p.tickets || fault.number]];
  for (const k of ['symptoms', 'impact', 'timeline', 'conclusion', 'workaround', 'permanent_fix', 'party', 'owner']) {
    if (p[k] !== undefined) f.push([k, String(p[k])]);
  }
  (p.whys || []).forEach(([why, because], i) => { f.push([`why_${i + 1}`, why], [`because_${i + 1}`, because]); });
  for (const [k, items] of Object.entries(p.factors || {})) f.push([`f_${k}`, items.join('\n')]);
  for (const r of p.responsibility || []) f.push(['responsibility', r]);
  for (const id of p.participants || []) f.push(['participants', String(id)]);
  if (p.version !== undefined) f.push(['version', String(p.version)]);
  return f;
}

async function post(desk, url, pairs, csrf = true) {
  if (!desk.csrf) await desk.page('/agent/problems');
  const form = csrf ? [['csrf', desk.csrf], ...pairs] : pairs;
  return desk.client.post(url, { form });
}

/** Creates a record as DESK; resolves to its id. */
async function create(desk, p) {
  await desk.page(`/agent/problems/new?tickets=${encodeURIComponent(p.tickets || fault.number)}`);
  const res = await post(desk, '/agent/problems/new', problemForm(p));
  assert.equal(res.status, 303, `create "${p.title}": ${res.status} ${L.text(res.body).slice(0, 400)}`);
  const m = res.headers.location.match(/^\/agent\/problems\/(\d+)\?done=problem_created$/);
  assert.ok(m, res.headers.location);
  return Number(m[1]);
}

/** Saves p over record id as DESK, at the version its edit form shows. */
async function edit(desk, id, p) {
  const form = await desk.page(`/agent/problems/${id}/edit`);
  assert.equal(form.status, 200, `edit form of ${id}: ${form.status}`);
  const version = p.version !== undefined ? p.version : L.hidden(form.body, 'version');
  return post(desk, `/agent/problems/${id}/edit`, problemForm({ ...p, version }));
}

async function act(desk, id, action) {
  await desk.page(`/agent/problems/${id}`);
  return post(desk, `/agent/problems/${id}/act`, [['action', action]]);
}

/** The record page as text and its parts. */
async function record(desk, id) {
  const res = await desk.page(`/agent/problems/${id}`);
  const html = res.body;
  const chain = [...html.matchAll(/<li class="why-step( why-root)?">([\s\S]*?)<\/li>/g)]
    .map((m) => ({ root: !!m[1], text: A.strip(m[2]) }));
  const bones = {};
  for (const m of html.matchAll(/<div class="bone bone-(\w+)">([\s\S]*?)<\/div>/g)) {
    bones[m[1]] = [...m[2].matchAll(/<li><bdi>([\s\S]*?)<\/bdi><\/li>/g)].map((x) => A.decode(x[1]));
  }
  const status = (html.match(/<span class="pstatus ps-(\w+)">/) || [])[1];
  const actions = [...html.matchAll(/class="inline act-(\w+)"/g)].map((m) => m[1]);
  const history = [...html.matchAll(/<span class="ev ev-(\w+)">/g)].map((m) => m[1]);
  const alert = (html.match(/<div class="alert[^"]*" role="alert">([\s\S]*?)<\/div>/) || [])[1];
  return { res, html, text: L.text(html), chain, bones, status, actions, history, alert: alert && A.strip(alert) };
}

const whole = (title) => ({
  title,
  symptoms: '客户导出月度报表时提示“服务器错误”。',
  impact: '华东区 12 家客户无法导出报表。',
  timeline: '09:12 客户首次报障\n09:40 工程师复现',
  whys: [
    ['为什么导出失败？', '导出服务超时。'],
    ['为什么超时？', '报表查询没有走索引。'],
    ['为什么没有索引？', '上线评审没有检查慢查询。'],
  ],
  factors: { people: ['新人不熟悉慢查询排查'], machine: ['报表库磁盘 IO 饱和'], method: ['上线评审无性能检查项', '无回滚预案'] },
  responsibility: ['process_gap', 'system_defect'],
  party: 'internal',
});

/* ---- tests ---------------------------------------------------------- */

test('a supervisor makes a problem record from a ticket; the record and the ticket page link to each other', async () => {
  const form = await supervisor.page(`/agent/problems/new?tickets=${fault.number}`);
  assert.equal(form.status, 200);
  assert.match(form.body, new RegExp(`name="tickets" type="text" value="${fault.number}"`), 'the ticket is filled in');
  const id = await create(supervisor, { title: `${T} 报表导出失败`, participants: [A.PEOPLE.agent.id] });
  const r = await record(supervisor, id);
  assert.equal(r.res.status, 200);
  assert.equal(r.status, 'draft');
  assert.ok(r.text.includes(`${T} 报表导出失败`));
  assert.ok(r.html.includes(`href="/agent/t/${fault.number}"`), 'the record links its ticket');
  assert.ok(r.text.includes(A.PEOPLE.agent.name), 'the participant is listed');
  assert.ok(r.text.includes('售后'), 'with their team');
  const number = `PRB-${String(id).padStart(6, '0')}`;
  const t = await supervisor.ticket(fault.number);
  assert.ok(t.html.includes(`href="/agent/problems/${id}"`), 'the ticket page links the record');
  assert.ok(t.text.includes(number));
  assert.deepEqual(r.history, ['created']);
});

test('bad input comes back on the same form with what was typed kept, and nothing is stored', async () => {
  const title = `${T} 不应保存`;
  await supervisor.page('/agent/problems/new');
  const res = await post(supervisor, '/agent/problems/new', problemForm({
    title, tickets: '20990101-9999',
    whys: [['为什么一？', '因为一'], ['', ''], ['为什么三？', '因为三']],
    factors: { people: ['x'.repeat(301)] },
  }));
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'tickets'), 'unknown ticket said at its field');
  assert.ok(L.hasFieldError(res.body, 'why_2'), 'the gap in the chain said at its level');
  assert.ok(L.hasFieldError(res.body, 'f_people'), 'the overlong factor said at its field');
  assert.ok(res.body.includes(`value="${L.htmlEscape(title)}"`), 'the title is kept');
  assert.ok(res.body.includes('value="为什么三？"'), 'the third level is kept');
  const list = await supervisor.page('/agent/problems');
  assert.ok(!list.body.includes(title), 'nothing was stored');
});

test('a form without its CSRF token is refused, input kept; a ticket one may not see cannot be linked', async () => {
  const title = `${T} 无令牌`;
  const res = await post(supervisor, '/agent/problems/new', problemForm({ title }), false);
  assert.equal(res.status, 422);
  assert.ok(res.body.includes(`value="${L.htmlEscape(title)}"`));
  // the trainer (training team) does not see the fault ticket: it is "unknown"
  await trainer.page('/agent/problems/new');
  const hidden = await post(trainer, '/agent/problems/new', problemForm({ title: `${T} 看不到的工单` }));
  assert.equal(hidden.status, 422);
  assert.ok(L.hasFieldError(hidden.body, 'tickets'));
});

test('the 5-Why chain and the fishbone are saved in order, the last answer shown as the root cause, the edit in the history', async () => {
  const id = await create(supervisor, { title: `${T} 根因链` });
  const res = await edit(supervisor, id, whole(`${T} 根因链`));
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  assert.equal(res.headers.location, `/agent/problems/${id}?done=problem_saved`);
  const r = await record(supervisor, id);
  assert.equal(r.chain.length, 3);
  assert.ok(r.chain[0].text.includes('为什么导出失败？') && r.chain[0].text.includes('导出服务超时。'));
  assert.deepEqual(r.chain.map((c) => c.root), [false, false, true], 'the last level is the root cause');
  assert.ok(r.chain[2].text.includes('上线评审没有检查慢查询。'));
  assert.deepEqual(r.bones.method, ['上线评审无性能检查项', '无回滚预案']);
  assert.deepEqual(r.bones.machine, ['报表库磁盘 IO 饱和']);
  assert.deepEqual(r.bones.environment, []);
  assert.match(r.html, /class="doc-check on"><span class="box" aria-hidden="true">✓<\/span>流程漏洞/);
  assert.match(r.html, /class="doc-check"><span class="box" aria-hidden="true"><\/span>人员操作失误/);
  assert.deepEqual(r.history, ['created', 'edited']);
  // saving the same again changes nothing and records nothing
  const again = await edit(supervisor, id, whole(`${T} 根因链`));
  assert.equal(again.headers.location, `/agent/problems/${id}?done=problem_unchanged`);
  assert.deepEqual((await record(supervisor, id)).history, ['created', 'edited']);
  // and the edit form shows what is stored
  const form = await supervisor.page(`/agent/problems/${id}/edit`);
  assert.ok(form.body.includes('value="报表查询没有走索引。"'));
  assert.ok(A.textarea(form.body, 'f-f_method').includes('无回滚预案'));
});

test('an edit made on an older version is refused as stale, with what was typed kept', async () => {
  const id = await create(supervisor, { title: `${T} 并发编辑` });
  const form = await supervisor.page(`/agent/problems/${id}/edit`);
  const old = L.hidden(form.body, 'version');
  assert.equal((await edit(supervisor, id, { title: `${T} 并发编辑 甲` })).status, 303);
  const res = await post(supervisor, `/agent/problems/${id}/edit`, problemForm({ title: `${T} 并发编辑 乙`, version: old }));
  assert.equal(res.status, 422);
  assert.ok(res.body.includes(`value="${L.htmlEscape(`${T} 并发编辑 乙`)}"`));
  assert.ok(L.text(res.body).includes('别人已保存'));
  assert.ok((await record(supervisor, id)).text.includes(`${T} 并发编辑 甲`));
});

test('the workflow: submit needs a whole analysis; agents neither confirm nor return; a director confirms; closing needs the permanent fix', async () => {
  // the service director, made in the admin console like any role
  await admin.page('/admin/people/new');
  const made = await admin.client.post('/admin/people', { form: [['csrf', admin.csrf], ['login', `${low}dir`],
    ['name', `服务总监 ${T}`], ['role', 'director'], ['language', 'zh'], ['teams', String(A.TEAMS.supervisors)],
    ['password_mode', 'set'], ['password', `Pw-${T}-director`]] });
  assert.equal(made.status, 303, L.text(made.body).slice(0, 300));
  const dc = L.client({ localAddress: L.addr(FILE, 5) });
  assert.equal((await A.signIn(dc, `${low}dir`, `Pw-${T}-director`)).status, 303);
  director = new A.Desk(dc, `${low}dir`);
  const home = await director.page('/agent/q/mine');
  assert.ok(L.text(home.body).includes('服务总监'), 'the top bar names the role');

  const id = await create(agent, { tickets: fault.number, title: `${T} 流程` });
  let r = await record(agent, id);
  assert.deepEqual(r.actions, ['submit'], 'the owner may only submit a draft');
  let res = await act(agent, id, 'submit');
  assert.equal(res.status, 422, 'an empty analysis is not submitted');
  assert.ok(L.text(res.body).includes('至少要有一层 5-Why'), 'the record says what is missing');
  assert.equal((await record(agent, id)).status, 'draft');
  assert.equal((await edit(agent, id, whole(`${T} 流程`))).status, 303);
  res = await act(agent, id, 'submit');
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/agent/problems/${id}?done=problem_submit`);
  assert.equal((await act(agent, id, 'confirm')).status, 403, 'an agent does not confirm their own analysis');
  assert.equal((await act(agent, id, 'return')).status, 403);
  r = await record(director, id);
  assert.equal(r.res.status, 200, 'the director sees every record');
  assert.deepEqual(r.actions.sort(), ['confirm', 'return']);
  assert.equal((await act(director, id, 'confirm')).status, 422, 'no conclusion yet');
  assert.equal((await edit(director, id, { ...whole(`${T} 流程`), conclusion: '评审流程缺少性能检查。' })).status, 303);
  res = await act(director, id, 'confirm');
  assert.equal(res.status, 303);
  assert.equal((await record(agent, id)).status, 'confirmed');
  assert.equal((await act(agent, id, 'close')).status, 422, 'no permanent fix yet');
  assert.equal((await edit(agent, id, { ...whole(`${T} 流程`), conclusion: '评审流程缺少性能检查。', permanent_fix: '上线评审加入慢查询检查。' })).status, 303);
  assert.equal((await act(agent, id, 'close')).status, 303);
  r = await record(agent, id);
  assert.equal(r.status, 'closed');
  assert.deepEqual(r.history, ['created', 'edited', 'submit', 'edited', 'confirm', 'edited', 'close']);
  assert.ok(!r.html.includes(`/agent/problems/${id}/edit"`), 'a closed record offers no edit');
  assert.equal((await agent.page(`/agent/problems/${id}/edit`)).status, 403);
  assert.equal((await act(agent, id, 'submit')).status, 422, 'no step leads out of closed');
  // every change is in the audit trail too
  const audit = await admin.page(`/admin/audit?entity=problem`);
  assert.ok(L.text(audit.body).includes(`PRB-${String(id).padStart(6, '0')}`));
});

test('who sees a record: its owner, participants and managers; nobody else, by URL or in the list', async () => {
  const id = await create(supervisor, { title: `${T} 可见性`, participants: [A.PEOPLE.agent.id] });
  // the participant reads and edits it
  assert.equal((await record(agent, id)).res.status, 200);
  const mine = { title: `${T} 可见性`, symptoms: '参与人补充的现象', participants: [A.PEOPLE.agent.id] };
  assert.equal((await edit(agent, id, mine)).status, 303);
  assert.ok((await agent.page('/agent/problems')).body.includes(`${T} 可见性`));
  // someone not on it sees nothing and changes nothing
  assert.equal((await trainer.page(`/agent/problems/${id}`)).status, 403);
  assert.equal((await trainer.page(`/agent/problems/${id}/edit`)).status, 403);
  await trainer.page('/agent/problems');
  assert.equal((await post(trainer, `/agent/problems/${id}/edit`, problemForm({ title: 'x', version: 1 }))).status, 403);
  assert.equal((await post(trainer, `/agent/problems/${id}/act`, [['action', 'submit']])).status, 403);
  assert.ok(!(await trainer.page('/agent/problems')).body.includes(`${T} 可见性`));
  // a participant may not hand the record to someone else
  const res = await edit(agent, id, { ...mine, owner: A.PEOPLE.agent.id });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'owner'));
  assert.equal((await supervisor.page('/agent/problems/999999999')).status, 404);
});

test('the list pages by keyset: a full page, then the next from below its last row, no row twice', async () => {
  for (let i = 0; i < 26; i++) await create(supervisor, { title: `${T} 列表 ${i}` });
  const ids = (html) => [...html.matchAll(/<td class="c-num"><a href="\/agent\/problems\/(\d+)">/g)].map((m) => Number(m[1]));
  const first = await supervisor.page('/agent/problems');
  const a = ids(first.body);
  assert.equal(a.length, 25);
  assert.deepEqual([...a].sort((x, y) => y - x), a, 'newest first');
  const next = A.nextLink(first.body);
  assert.ok(next && next.startsWith('/agent/problems?before='), next);
  assert.equal(Number(next.split('=')[1]), a[24]);
  const b = ids((await supervisor.page(next)).body);
  assert.ok(b.length > 0 && b.every((x) => x < a[24]));
  // by status: drafts only
  const drafts = await supervisor.page('/agent/problems?status=closed');
  assert.ok(!drafts.body.includes(`${T} 列表`));
});
