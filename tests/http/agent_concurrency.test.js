'use strict';
// Two people on the same ticket never lose each other's change: each action
// carries the version the page showed; the second one, made on a stale
// version, answers 409 with "reload", keeps the typed text, and saves nothing.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 74;
const T = A.tag('CC');
let first, second, supervisor;

test.before(async () => {
  first = await A.desk('agent', L.addr(FILE, 1));
  second = await A.desk('agent', L.addr(FILE, 2)); // the same person in another browser
  supervisor = await A.desk('supervisor', L.addr(FILE, 3));
});

test('the second reply on a stale version gets 409, keeps its text, and is not saved', async () => {
  const x = await A.createTicket({ subject: `${T} replies` });
  await first.must(x.number, 'claim');
  const a = await first.ticket(x.number);
  const b = await second.ticket(x.number);
  assert.equal(a.version, b.version, 'both loaded the same version');
  const one = `${T} 第一位的回复`;
  const two = `${T} 第二位的回复，不应丢失输入`;
  const r1 = await first.act(x.number, 'reply', { version: a.version, body: one });
  assert.equal(r1.status, 303, 'the first action succeeds');
  const r2 = await second.act(x.number, 'reply', { version: b.version, body: two });
  assert.equal(r2.status, 409, 'the second is told the ticket changed');
  const page = A.parseTicket(r2.body);
  assert.match(page.alert || '', /刚被其他人修改过/, 'the message says someone else changed it');
  assert.match(page.alert || '', /查看最新内容/, 'and to reload');
  assert.equal(A.textarea(r2.body, 'reply-body'), two, 'the typed reply is still in the textarea');
  assert.ok(page.thread.includes(one), 'the page already shows the other change');
  assert.ok(Number(page.version) > Number(b.version), 'with the new version, ready for a retry');
  // nothing of the second was saved, anywhere
  const now = await supervisor.ticket(x.number);
  assert.ok(now.thread.includes(one));
  assert.ok(!now.thread.includes(two), 'the stale reply was not stored');
  const follow = await L.client({ localAddress: L.addr(FILE, 4) }).get(`/t/${x.token}`);
  assert.ok(!follow.body.includes(two), 'not sent to the customer');
  // a retry on the version of the re-rendered page succeeds
  const retry = await second.act(x.number, 'reply', { version: page.version, body: two });
  assert.equal(retry.status, 303);
  assert.ok((await supervisor.ticket(x.number)).thread.includes(two));
});

test('stale status change and note: 409, nothing changes, the note text is kept', async () => {
  const x = await A.createTicket({ subject: `${T} status` });
  await first.must(x.number, 'claim');
  const v = (await second.ticket(x.number)).version;
  await first.must(x.number, 'status', { to: 'in_progress' });
  const s = await second.act(x.number, 'status', { version: v, to: 'resolved', reason: 'stale' });
  assert.equal(s.status, 409);
  const note = `${T} 过期页面上的备注`;
  const n = await second.act(x.number, 'note', { version: v, body: note });
  assert.equal(n.status, 409);
  assert.equal(A.textarea(n.body, 'note-body'), note, 'the typed note is kept');
  const p = await supervisor.ticket(x.number);
  assert.equal(p.status, 'in_progress', 'the stale status change did not apply');
  assert.ok(!p.thread.includes(note));
});

test('two actions at the same moment on the same version: exactly one wins', async () => {
  const x = await A.createTicket({ subject: `${T} race` });
  await first.must(x.number, 'claim');
  const v = (await first.ticket(x.number)).version;
  const texts = [`${T} race A`, `${T} race B`];
  const [ra, rb] = await Promise.all([
    first.act(x.number, 'reply', { version: v, body: texts[0] }),
    second.act(x.number, 'reply', { version: v, body: texts[1] }),
  ]);
  assert.deepEqual([ra.status, rb.status].sort(), [303, 409], `one 303 and one 409, got ${ra.status}/${rb.status}`);
  const p = await supervisor.ticket(x.number);
  const stored = texts.filter((t) => p.thread.includes(t));
  assert.equal(stored.length, 1, 'exactly one reply stored');
  // and two claims racing on an unowned ticket: one owner
  const y = await A.createTicket({ subject: `${T} claim race` });
  const vy = (await supervisor.ticket(y.number)).version;
  const claims = await Promise.all([first.act(y.number, 'claim', { version: vy }), supervisor.act(y.number, 'claim', { version: vy })]);
  assert.equal(claims.filter((r) => r.status === 303).length, 1, 'exactly one claim succeeds');
  const after = await supervisor.ticket(y.number);
  assert.equal(after.thread.split('认领了工单').length - 1, 1, 'one claim in the history');
});
