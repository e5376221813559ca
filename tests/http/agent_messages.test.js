'use strict';
// Reply (public, reaches the customer's follow page), internal note, and
// findings by kind. Invalid input answers 422 and keeps what was typed;
// someone who may not work on the ticket cannot reply.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 69;
const T = A.tag('MS');
let agent, supervisor;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

/** The textarea inside the form of act-ACTION. */
function formTextarea(html, action) {
  const f = html.match(new RegExp(`<form[^>]*class="act act-${action}"[\\s\\S]*?</form>`));
  const m = f && f[0].match(/<textarea[^>]*>([\s\S]*?)<\/textarea>/);
  return m ? A.decode(m[1]) : undefined;
}

test('a reply is public: the customer sees it on the follow page; the first response is recorded', async () => {
  const x = await A.createTicket({ subject: `${T} reply` });
  await agent.must(x.number, 'claim');
  const text = `${T} 请升级到 5.2.1 版本后重试。`;
  const p = await agent.must(x.number, 'reply', { body: text });
  assert.match(p.flash, /已回复客户/);
  const item = p.threadHtml.split('<li').find((li) => li.includes(text));
  assert.ok(item, 'the reply is in the thread');
  assert.match(item, /class="msg msg-agent"/);
  assert.ok(A.strip(item).includes(A.PEOPLE.agent.name));
  assert.match(p.clocks['首次响应'].text, /已完成/, 'first response done');
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const follow = await c.get(`/t/${x.token}`);
  assert.equal(follow.status, 200);
  assert.ok(L.text(follow.body).includes(text), 'the customer sees the reply');
});

test('an empty or too long reply answers 422, keeps the text, and saves nothing', async () => {
  const x = await A.createTicket({ subject: `${T} empty` });
  await agent.must(x.number, 'claim');
  const empty = await agent.act(x.number, 'reply', { body: '' });
  assert.equal(empty.status, 422);
  assert.match(L.text(empty.body), /请检查填写的内容/);
  const long = `${T} ` + '很长'.repeat(10001);
  const res = await agent.act(x.number, 'reply', { body: long });
  assert.equal(res.status, 422);
  assert.equal(A.textarea(res.body, 'reply-body'), long, 'the typed reply is kept');
  const p = await agent.ticket(x.number);
  assert.ok(!p.thread.includes(T + ' 很长'), 'nothing stored');
  assert.notEqual(p.clocks['首次响应'].state, 'done', 'no first response');
});

test('an internal note: any team member may add one; the text is kept when it fails', async () => {
  const x = await A.createTicket({ subject: `${T} note` });
  await supervisor.must(x.number, 'claim');
  // the agent is in the ticket's team but not its owner: a note is fine
  const note = `${T} 备注：客户上周也报过类似问题`;
  const p = await agent.must(x.number, 'note', { body: note });
  assert.match(p.flash, /已添加内部备注/);
  const item = p.threadHtml.split('<li').find((li) => li.includes(note));
  assert.match(A.strip(item), /内部备注/);
  // ...but not a reply to the customer
  const reply = await agent.act(x.number, 'reply', { body: `${T} not mine to answer` });
  assert.equal(reply.status, 403);
  assert.ok(!(await supervisor.ticket(x.number)).thread.includes('not mine to answer'));
  // a too long note is refused with the text kept
  const long = 'N'.repeat(20001);
  const bad = await agent.act(x.number, 'note', { body: long });
  assert.equal(bad.status, 422);
  assert.equal(A.textarea(bad.body, 'note-body'), long);
});

test('findings by kind are recorded and labelled; an unknown kind is refused with the text kept', async () => {
  const x = await A.createTicket({ subject: `${T} findings` });
  await agent.must(x.number, 'claim');
  const kinds = {
    fault_code: '故障码', error_log: '错误日志', reproduction: '复现步骤', operation_path: '客户操作路径',
    knowledge_gap: '知识盲点', course_of_events: '核实的经过', responsible_party: '责任方',
  };
  for (const [kind, label] of Object.entries(kinds)) {
    const text = `${T} ${kind} detail`;
    const p = await agent.must(x.number, 'finding', { kind, text });
    assert.match(p.flash, /已记录分析/);
    const item = p.threadHtml.split('<li').find((li) => li.includes(text));
    assert.ok(item, `${kind} recorded`);
    assert.ok(A.strip(item).includes(`分析记录: ${label}`), `${kind} labelled ${label}`);
  }
  const typed = `${T} E-1234 in module X`;
  const bad = await agent.act(x.number, 'finding', { kind: 'horoscope', text: typed });
  assert.equal(bad.status, 422);
  assert.equal(formTextarea(bad.body, 'finding'), typed, 'the typed finding is kept');
  const empty = await agent.act(x.number, 'finding', { kind: 'fault_code', text: '' });
  assert.equal(empty.status, 422);
  assert.ok(!(await agent.ticket(x.number)).thread.includes(typed));
  // findings are internal
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  const follow = await c.get(`/t/${x.token}`);
  assert.ok(!follow.body.includes(`${T} fault_code detail`), 'not shown to the customer');
});

test('an unknown action answers 422 and changes nothing', async () => {
  const x = await A.createTicket({ subject: `${T} unknown` });
  const res = await agent.act(x.number, 'delete_everything', {});
  assert.equal(res.status, 422);
  assert.equal((await agent.ticket(x.number)).status, 'new');
  const missing = await agent.act('20000101-0001', 'note', { version: 0, body: 'x' });
  assert.equal(missing.status, 404, 'an unknown ticket');
});
