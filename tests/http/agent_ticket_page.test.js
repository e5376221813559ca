'use strict';
// The ticket page shows everything about a ticket: customer, category fields,
// priority, deadlines and the thread. Internal notes and findings are marked
// "内部备注" there and never reach the customer: not on the follow page
// (/t/TOKEN) and not in the API's events.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');
const C = require('./clock');

// It looks at times (deadlines are business time from intake): run at the
// three instants of tests/run.sh (clock.js).
C.useTestInstant();

const FILE = 66;
const T = A.tag('TP');
let agent, t;
const REPLY = `${T} 您好，我们已复现该问题，正在处理。`;
const NOTE = `${T} 内部：疑似 3.2 版本回归，勿告知客户`;
const FINDING = `${T} E-4711 导出模块空指针`;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  t = await A.createTicket({
    subject: `${T} 导出报表失败`,
    description: '点击导出后页面报错 500。',
    customer: { name: '李雷', email: `lilei-${T.toLowerCase()}@example.com`, phone: '139' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0'), organisation: `${T} 精密制造` },
    fields: { fault_kind: 'software', symptoms: '导出时报错 500', reproduce: '1. 打开报表 2. 点击导出' },
    product: 'DeskPro 5',
    keywords: '导出,报表',
  });
});

test('the page shows customer, category fields, priority, deadlines and the intake', async () => {
  const p = await agent.ticket(t.number);
  assert.equal(p.res.status, 200);
  assert.match(p.res.headers['content-type'], /text\/html/);
  assert.ok(p.head.includes(t.number) && p.head.includes(`${T} 导出报表失败`), 'number and subject in the heading');
  assert.equal(p.status, 'new');
  assert.equal(p.priority, 'important', 'impact "department" gives 重要');
  assert.ok(p.head.includes('重要') && p.head.includes('产品故障') && p.head.includes('主动监测'), 'priority, category and channel named');
  assert.match(p.text, /客户 李雷/, 'the customer');
  assert.ok(p.text.includes(`${T} 精密制造`), 'the organisation');
  assert.ok(p.text.includes('点击导出后页面报错 500。'), 'the description');
  for (const s of ['故障类型', '软件缺陷', '故障现象', '导出时报错 500', '复现步骤', '1. 打开报表 2. 点击导出', 'DeskPro 5', '导出,报表']) {
    assert.ok(p.text.includes(s), `category field / detail: ${s}`);
  }
  // deadlines: classification, first response and resolution run; acceptance does not
  assert.equal(p.clocks['分类'].state, 'ok');
  assert.match(p.clocks['首次响应'].iso || '', /^\d{4}-\d{2}-\d{2}T/);
  assert.match(p.clocks['解决'].iso || '', /^\d{4}-\d{2}-\d{2}T/);
  // important: resolution 1 working day (450 minutes) of the 5×8 calendar
  const created = S.secs((await S.apiGet(t.number)).created_at);
  assert.equal(Date.parse(p.clocks['解决'].iso) / 1000, S.businessDue(created, 450), 'resolution due 1 working day after intake (important)');
  assert.equal(p.clocks['签收'].iso, undefined, 'no acceptance clock while unassigned');
  assert.match(p.thread, /创建了工单/, 'the thread starts with the creation');
});

test('reply, internal note and finding appear in the thread; notes are marked 内部备注', async () => {
  await agent.must(t.number, 'claim');
  const r = await agent.must(t.number, 'reply', { body: REPLY });
  assert.match(r.flash, /已回复客户/);
  const n = await agent.must(t.number, 'note', { body: NOTE });
  assert.match(n.flash, /已添加内部备注/);
  const f = await agent.must(t.number, 'finding', { kind: 'fault_code', text: FINDING });
  assert.match(f.flash, /已记录分析/);
  const p = await agent.ticket(t.number);
  assert.ok(p.thread.includes(REPLY) && p.thread.includes(NOTE) && p.thread.includes(FINDING));
  const noteItem = p.threadHtml.split('<li').find((li) => li.includes(NOTE));
  assert.match(noteItem, /class="msg note"/);
  assert.match(A.strip(noteItem), /内部备注/, 'the note carries the 内部备注 label');
  const replyItem = p.threadHtml.split('<li').find((li) => li.includes(REPLY));
  assert.doesNotMatch(A.strip(replyItem), /内部备注/, 'a reply is not marked internal');
  const findingItem = p.threadHtml.split('<li').find((li) => li.includes(FINDING));
  assert.match(A.strip(findingItem), /分析记录: 故障码/);
  assert.ok(p.thread.includes('认领了工单'), 'the claim is in the history');
  assert.ok(p.thread.includes(A.PEOPLE.agent.name), 'with who did it');
  assert.equal(p.clocks['首次响应'].state, 'done', 'first response done');
  assert.match(p.clocks['首次响应'].text, /已完成/);
});

test('the customer\'s follow page shows the reply but never the note or the finding', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${t.token}`);
  assert.equal(page.status, 200);
  const text = L.text(page.body);
  assert.ok(text.includes(t.number));
  assert.ok(text.includes(REPLY), 'the public reply is shown to the customer');
  assert.ok(!page.body.includes(NOTE) && !text.includes(NOTE), 'no internal note');
  assert.ok(!page.body.includes(FINDING), 'no finding');
  assert.ok(!text.includes('内部备注') && !text.includes('疑似'), 'nothing internal');
});

test('the API events never carry the note or the finding', async () => {
  const res = await A.api().api('GET', `/api/v1/tickets/${t.number}`);
  assert.equal(res.status, 200);
  const j = res.json();
  assert.ok(Array.isArray(j.events));
  assert.ok(!res.body.includes(NOTE), 'no note in the API answer');
  assert.ok(!res.body.includes(FINDING), 'no finding in the API answer');
  assert.ok(!j.events.some((e) => e.kind === 'note' || e.kind === 'finding'), 'no internal event kinds');
  assert.ok(j.events.some((e) => e.body === REPLY), 'the reply is there');
});

test('markup in a note is shown as text, not run', async () => {
  const evil = `${T} <img src=x onerror=alert(1)><script>alert(2)</script>`;
  await agent.must(t.number, 'note', { body: evil });
  const p = await agent.ticket(t.number);
  assert.ok(!p.html.includes('<img src=x onerror') && !p.html.includes('<script>alert(2)'), 'escaped');
  assert.ok(p.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
});

test('reassignment and hand-back reasons are internal: not on the follow page, not in the API', async () => {
  const supervisor = await A.desk('supervisor', L.addr(FILE, 3));
  const x = await A.createTicket({ subject: `${T} reasons` });
  const assignReason = `${T} 内部：张工更熟悉这个客户`;
  const handBackReason = `${T} 内部：需要硬件组`;
  await supervisor.must(x.number, 'assign', { agent: A.PEOPLE.agent.id, reason: assignReason });
  await agent.must(x.number, 'accept');
  await agent.must(x.number, 'hand_back', { reason: handBackReason });
  const p = await agent.ticket(x.number);
  assert.ok(p.thread.includes(assignReason) && p.thread.includes(handBackReason), 'the agents see both reasons');
  const follow = await L.client({ localAddress: L.addr(FILE, 4) }).get(`/t/${x.token}`);
  assert.equal(follow.status, 200);
  assert.ok(!follow.body.includes(assignReason), 'the reassignment reason is not shown to the customer');
  assert.ok(!follow.body.includes(handBackReason), 'the hand-back reason is not shown to the customer');
  const api = await A.api().api('GET', `/api/v1/tickets/${x.number}`);
  assert.ok(!api.body.includes(assignReason) && !api.body.includes(handBackReason), 'nor to other systems');
});
