'use strict';
// The ticket page points to the next step: the steps that fit the status,
// the likely one first as the one filled button, what the ticket waits for;
// nothing that skips the workflow's own forms (no "in execution" before the
// customer confirmed, no "closed" offered as the next thing after resolved,
// no R&D answer without an open escalation). A reply may carry a status
// change: one submit, one transaction. The solution proposal is a page of
// its own with every field's error beside it.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 241;
const T = A.tag('NX');
let agent, supervisor;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
});

/** The next-step card: its steps in order ({code, primary, to}), the wait
 * line, and the status a reply may set. */
function next(html) {
  const card = (html.match(/<section class="next"[\s\S]*?<\/section>\s*<section class="composer"/) || [''])[0];
  const bar = (card.split('<div class="next-bar">')[1] || '').split(/<section class="panel|<\/section>/)[0];
  const steps = [...bar.matchAll(/class="(?:button )?step-(\w+)([^"]*)"/g)].map((m) => ({ code: m[1], primary: /\bprimary\b/.test(m[2]) }));
  for (const m of bar.matchAll(/<form[^>]*class="act act-(claim|accept)"[\s\S]*?<button type="submit" class="([^"]*)"/g)) {
    steps.push({ code: m[1], primary: /\bprimary\b/.test(m[2]) });
  }
  const wait = card.match(/<p class="next-wait wait-(\w+)">([^<]*)<\/p>/);
  const then = (html.match(/<select id="reply-then" name="then">([\s\S]*?)<\/select>/) || ['', ''])[1];
  return {
    html: card,
    steps,
    primary: steps.filter((s) => s.primary).map((s) => s.code),
    wait: wait ? wait[1] : undefined,
    waitText: wait ? A.decode(wait[2]) : undefined,
    replyTo: [...then.matchAll(/<option value="(\w+)"/g)].map((m) => m[1]),
    statusForms: [...html.matchAll(/<form[^>]*class="act act-status"[\s\S]*?<\/form>/g)].map((f) => (f[0].match(/name="to" value="(\w+)"/) || [])[1]),
  };
}

async function inProgress(subject) {
  const x = await A.createTicket({ subject: `${T} ${subject}` });
  await agent.must(x.number, 'claim');
  await agent.must(x.number, 'status', { to: 'in_progress' });
  return x;
}

test('unowned: claim is the one next step; assigned to me: accept', async () => {
  const x = await A.createTicket({ subject: `${T} new` });
  let n = next((await agent.ticket(x.number)).html);
  assert.deepEqual(n.primary, ['claim']);
  assert.equal(n.replyTo.length, 0, 'no reply status before anyone owns it');
  await supervisor.must(x.number, 'assign', { agent: A.PEOPLE.agent.id, team: 0, reason: '请处理' });
  n = next((await agent.ticket(x.number)).html);
  assert.deepEqual(n.primary, ['accept']);
  n = next((await supervisor.ticket(x.number)).html);
  assert.equal(n.wait, 'owner_accept', 'others see who holds the next move');
});

test('in progress: propose a solution first, on its own page; no R&D answer without an escalation', async () => {
  const x = await inProgress('in progress');
  const p = await agent.ticket(x.number);
  const n = next(p.html);
  assert.equal(n.steps[0].code, 'propose');
  assert.deepEqual(n.primary, ['propose'], 'one filled button: the likely next step');
  assert.match(n.html, new RegExp(`href="/agent/t/${x.number}/solution"`), 'the proposal has a page of its own');
  assert.ok(!p.forms.includes('propose_solution'), 'no proposal popover on the ticket page');
  for (const s of ['resolve', 'wait_customer', 'wait_third_party']) assert.ok(n.steps.some((v) => v.code === s), s);
  assert.ok(!p.forms.includes('escalation_answer'), 'no R&D answer form: nothing is escalated');
  assert.ok(!(await supervisor.ticket(x.number)).forms.includes('escalation_answer'), 'not for a supervisor either');
  assert.deepEqual(n.replyTo, ['waiting_customer', 'waiting_third_party', 'resolved'], 'asking the customer first');
  for (const s of ['closed', 'in_execution', 'solution_proposed', 'assigned', 'classified']) {
    assert.ok(!n.replyTo.includes(s), `a reply never sets ${s}`);
    assert.ok(!n.statusForms.includes(s), `no status form to ${s}`);
  }
});

test('a reply carries a status change in one submit; a refused status sends no reply', async () => {
  const x = await inProgress('reply and wait');
  const body = `请提供导出时的日志文件，谢谢。${T}`;
  const p = await agent.ticket(x.number);
  const res = await agent.act(x.number, 'reply', { body, then: 'waiting_customer', version: p.version });
  assert.equal(res.status, 303, A.strip(res.body).slice(0, 200));
  assert.equal(res.headers.location, `/agent/t/${x.number}?done=reply_status`);
  const after = await agent.ticket(x.number, '?done=reply_status');
  assert.equal(after.status, 'waiting_customer');
  assert.ok(after.thread.includes(body), 'the reply is in the thread');
  assert.match(after.flash, /已回复客户并变更状态/);
  const followUp = await L.client({ localAddress: L.addr(FILE, 3) }).get(`/t/${x.token}`);
  assert.ok(L.text(followUp.body).includes(body), 'the customer sees the reply');

  // a status the workflow refuses: neither the reply nor the status is saved, the text is kept
  const other = `这条回复不应发出 ${T}`;
  const bad = await agent.act(x.number, 'reply', { body: other, then: 'closed' });
  assert.equal(bad.status, 422);
  assert.equal(A.textarea(bad.body, 'reply-body'), other, 'the typed reply is kept');
  const still = await agent.ticket(x.number);
  assert.equal(still.status, 'waiting_customer');
  assert.ok(!still.thread.includes(other), 'the reply was not sent');
  const unknown = await agent.act(x.number, 'reply', { body: other, then: 'vanished' });
  assert.equal(unknown.status, 422);
});

test('waiting on the customer: resume is first, and a reply may resume too', async () => {
  const x = await inProgress('resume');
  await agent.must(x.number, 'status', { to: 'waiting_customer' });
  const n = next((await agent.ticket(x.number)).html);
  assert.equal(n.wait, 'customer');
  assert.deepEqual(n.primary, ['resume']);
  assert.ok(n.replyTo.includes('in_progress'));
  const res = await agent.act(x.number, 'reply', { body: `日志已收到 ${T}`, then: 'in_progress' });
  assert.equal(res.status, 303);
  assert.equal((await agent.ticket(x.number)).status, 'in_progress');
});

test('solution proposed: waits for the customer; recording a confirmation is the step, never a bare "in execution"', async () => {
  const x = await inProgress('proposed');
  await agent.must(x.number, 'propose_solution', { delivery: 'remote', steps: '远程重装驱动', expected: '恢复打印', risks: '打印队列清空' });
  const n = next((await agent.ticket(x.number)).html);
  assert.equal(n.wait, 'confirmation');
  assert.match(n.waitText, /等待客户确认方案/);
  assert.equal(n.steps[0].code, 'record_confirmation');
  assert.deepEqual(n.primary, [], 'the customer\'s move: nothing pushed');
  assert.ok(!n.statusForms.includes('in_execution') && !n.replyTo.includes('in_execution'), 'no way around the confirmation');
});

test('resolved: waits for the acceptance form; closing without it is an explained choice, never the next step', async () => {
  const x = await inProgress('resolved');
  await agent.must(x.number, 'status', { to: 'resolved', reason: '已修复' });
  const p = await agent.ticket(x.number);
  const n = next(p.html);
  assert.equal(n.wait, 'acceptance');
  assert.match(n.waitText, /服务验收单/);
  assert.deepEqual(n.primary, [], 'nothing pushed: the customer signs next');
  assert.notEqual(n.steps[0].code, 'close');
  assert.ok(!n.replyTo.includes('closed'), 'a reply never closes');
  assert.deepEqual(n.replyTo, ['in_progress']);
  const panel = p.html.match(/<section class="panel[^"]*" id="p-close"[\s\S]*?<\/section>/);
  assert.ok(panel, 'closing has a panel of its own');
  assert.match(A.strip(panel[0]), /远程测试或数据核对/, 'which says when to use it');
  assert.match(panel[0], /name="reason"[^>]*required/, 'with its grounds required');
});

test('escalated: R&D\'s answer is the supervisor\'s next step while it is open, and gone once answered', async () => {
  const x = await inProgress('escalated');
  await agent.must(x.number, 'escalate', { reason: '接口超时', impact: '全部门店' });
  let n = next((await agent.ticket(x.number)).html);
  assert.equal(n.wait, 'rnd', 'the front line sees it waits for R&D');
  assert.ok(!n.steps.some((s) => s.code === 'escalate'), 'no second escalation while one is open');
  const s = await supervisor.ticket(x.number);
  n = next(s.html);
  assert.deepEqual(n.primary, ['answer_escalation']);
  assert.ok(s.forms.includes('escalation_answer'));
  assert.match(A.strip(n.html), /研发答复 剩余/, 'with its deadline');
  await supervisor.must(x.number, 'escalation_answer', { plan: '升级网关超时配置' });
  const after = await supervisor.ticket(x.number);
  assert.ok(!after.forms.includes('escalation_answer'), 'answered: the form is gone');
});

test('the solution page: four ways to deliver, every error beside its field, input kept', async () => {
  const x = await inProgress('solution page');
  const page = await agent.get(`/agent/t/${x.number}/solution`);
  assert.equal(page.status, 200);
  assert.equal((page.body.match(/<input type="radio" name="delivery"/g) || []).length, 4);
  for (const id of ['sol-steps', 'sol-expected', 'sol-risks']) assert.match(page.body, new RegExp(`<label for="${id}">`), `${id} labelled`);
  const t = A.parseTicket(page.body);
  const steps = `1. 备份 2. 安装补丁 ${T}`;
  const bad = await agent.act(x.number, 'propose_solution', { delivery: 'patch', steps, expected: '', risks: '', version: t.version });
  assert.equal(bad.status, 422);
  assert.match(bad.body, /class="act act-propose_solution/, 'back on the solution page');
  assert.ok(L.hasFieldError(bad.body, 'expected') && L.hasFieldError(bad.body, 'risks'), 'each empty field has its error');
  assert.ok(!L.hasFieldError(bad.body, 'steps'));
  assert.equal(A.textarea(bad.body, 'sol-steps'), steps, 'the steps are kept');
  assert.match(bad.body, /value="patch" required checked/, 'the chosen way is kept');
  const ok = await agent.act(x.number, 'propose_solution', { delivery: 'patch', steps, expected: '导出恢复', risks: '停机 10 分钟', version: t.version });
  assert.equal(ok.status, 303);
  assert.equal((await agent.ticket(x.number)).status, 'solution_proposed');
  const again = await agent.get(`/agent/t/${x.number}/solution`);
  assert.equal(again.status, 200);
  assert.ok(!/class="act act-propose_solution/.test(again.body), 'no second proposal while one waits');
  assert.match(L.text(again.body), /不能提出方案/);
});
