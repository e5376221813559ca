'use strict';
// The answer to a COMMIT lost (the database killed or cut off at that very
// moment): the desk must find out what happened before it answers, and
// never say "nothing was stored" about a stored ticket. The stack's
// programs talk to MariaDB through tests/faults/dbproxy.js, which loses the
// answer to one chosen COMMIT (the server commits), or the COMMIT itself
// (the server rolls back), and can keep the database unreachable after.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const crypto = require('node:crypto');
const F = require('./lib');
const { DbProxy } = require('./dbproxy');

let stack;
let proxy;
const tag = `CL${crypto.randomBytes(3).toString('hex')}`;
const subs = [];

test.before(async () => {
  stack = await F.Stack.start('commit', {
    prepare: async (dir) => {
      fs.mkdirSync(path.join(dir, 'run'), { recursive: true });
      proxy = await new DbProxy(path.join(dir, 'run', 'dbproxy.sock'), path.join(dir, 'run', 'mysqld.sock')).listen();
    },
    env: (dir) => ({ DESK_DB_SOCKET: path.join(dir, 'run', 'dbproxy.sock') }),
  });
});
test.after(async () => {
  if (stack) await stack.stop();
  if (proxy) await proxy.close();
});

function apiBody(subject, email) {
  return {
    subject, description: 'commit lost', category: 'fault', impact: 'department', product: 'Storage array',
    customer: { name: 'Commit Lost', email }, fields: { fault_kind: 'hardware', symptoms: 'x', reproduce: 'y' },
  };
}

function ticketsWith(subject) {
  return stack.sql(`SELECT number FROM tickets WHERE subject = '${subject}'`).map((r) => r[0]);
}

async function apiCreate(subject, key) {
  const res = await stack.api('POST', '/api/v1/tickets', apiBody(subject, `${subject.toLowerCase().replace(/\W+/g, '-')}@example.com`),
    { headers: key ? { 'Idempotency-Key': key } : {} });
  return { res, json: F.jsonOf(res) };
}

async function openForm() {
  const res = await stack.get('/new/fault');
  assert.equal(res.status, 200);
  return { cookie: res.headers['set-cookie'].map((c) => c.split(';')[0]).join('; '),
    csrf: F.hidden(res.body, 'csrf'), key: F.hidden(res.body, 'submit_key') };
}

function postForm(form, subject, extra = {}) {
  const fields = {
    csrf: form.csrf, submit_key: form.key, contact_name: '提交中断', email: `${subject.toLowerCase().replace(/\W+/g, '-')}@example.com`,
    product: 'DeskPro 5', subject, description: '提交时数据库中断', impact: 'department',
    cf_fault_kind: 'software', cf_symptoms: 'Error 500', cf_reproduce: '1. open', phone: '13800138000', ...extra,
  };
  return stack.post('/new/fault', { body: F.formBody(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: form.cookie } });
}

test('API: the answer to the COMMIT is lost, the ticket was stored: 201 with that ticket, stored once', async (t) => {
  const subject = `${tag} api-lost`;
  proxy.arm('lose-answer', subject);
  const { res, json } = await apiCreate(subject, `${tag}-1`);
  assert.equal(proxy.hits.length, 1, 'the fault was met');
  assert.equal(res.status, 201, `created, not "nothing was stored": ${res.body}`);
  assert.deepEqual(ticketsWith(subject), [json.number], 'the ticket it names, once');
  assert.equal(json.duplicate, false);
  subs.push({ via: 'api', subject, number: json.number, answers: [] });
  t.diagnostic(`figure: commit answer lost, committed: API answered 201 in ${res.ms} ms`);
});

test('API: the COMMIT itself is lost, nothing was stored: the ticket is created again, 201, stored once', async (t) => {
  const subject = `${tag} api-swallowed`;
  proxy.arm('swallow', subject);
  const { res, json } = await apiCreate(subject, `${tag}-2`);
  assert.equal(proxy.hits.length, 2);
  assert.equal(res.status, 201, res.body);
  assert.deepEqual(ticketsWith(subject), [json.number]);
  subs.push({ via: 'api', subject, number: json.number, answers: [] });
  t.diagnostic(`figure: commit lost, not committed: API answered 201 in ${res.ms} ms`);
});

test('portal: the answer to the COMMIT is lost: the follow page of the one stored ticket', async () => {
  const subject = `${tag} portal-lost`;
  const form = await openForm();
  proxy.arm('lose-answer', subject);
  const res = await postForm(form, subject);
  assert.equal(proxy.hits.length, 3);
  assert.equal(res.status, 303, `taken to the ticket: ${res.status} ${F.PORTAL_SAVE_FAILED}? ${res.body.includes(F.PORTAL_SAVE_FAILED)}`);
  assert.equal(ticketsWith(subject).length, 1);
  subs.push({ via: 'portal', subject, token: res.headers.location, answers: [] });
});

test('the database stays away after the lost answer: the API says 503 outcome_unknown and the portal that it cannot tell yet, the form kept (never "nothing was stored"); the same request again finds the one stored ticket', async (t) => {
  const apiSubject = `${tag} api-unknown`;
  const portalSubject = `${tag} portal-unknown`;
  const key = `${tag}-4`;
  const form = await openForm();
  proxy.arm('lose-answer', [apiSubject, portalSubject], { blackoutMs: 18000 });
  const [{ res, json }, page] = await Promise.all([apiCreate(apiSubject, key),
    postForm(form, portalSubject, { organisation: '中断测试有限公司' })]);
  assert.equal(proxy.hits.length, 5, 'both met the fault');

  assert.equal(res.status, 503, res.body);
  assert.equal(json.error.code, 'outcome_unknown');
  assert.doesNotMatch(json.error.message, /nothing was stored/);
  assert.match(json.error.message, /may have been stored/);
  assert.match(json.error.message, /same Idempotency-Key/);
  const stored = ticketsWith(apiSubject);
  assert.equal(stored.length, 1, 'it was stored');
  t.diagnostic(`figure: database away after a lost commit answer: API 503 outcome_unknown after ${res.ms} ms, portal 503 after ${page.ms} ms`);

  assert.equal(page.status, 503);
  assert.ok(page.body.includes(F.PORTAL_SAVE_UNKNOWN), 'says it cannot tell yet');
  assert.ok(!page.body.includes(F.PORTAL_SAVE_FAILED), 'never "no ticket was created"');
  for (const v of [portalSubject, '提交时数据库中断', '13800138000', '中断测试有限公司']) assert.ok(page.body.includes(v), `kept: ${v}`);
  assert.equal(F.hidden(page.body, 'submit_key'), form.key, 'the same submit key, so sending again is safe');
  assert.equal(ticketsWith(portalSubject).length, 1, 'it was stored');

  await F.waitFor(() => Date.now() > proxy.blackoutUntil, 'the end of the blackout', { timeout: 30000 });
  const again = await apiCreate(apiSubject, key);
  assert.equal(again.res.status, 200, again.res.body);
  assert.equal(again.json.number, stored[0], 'the stored ticket');
  assert.equal(again.json.duplicate, true);
  assert.deepEqual(ticketsWith(apiSubject), stored, 'still once');
  subs.push({ via: 'api', subject: apiSubject, number: stored[0], answers: [] });
  const resent = await postForm({ ...form, csrf: F.hidden(page.body, 'csrf') || form.csrf }, portalSubject);
  assert.equal(resent.status, 303, resent.body.slice(0, 300));
  assert.equal(ticketsWith(portalSubject).length, 1, 'still once');
  subs.push({ via: 'portal', subject: portalSubject, token: resent.headers.location, answers: [] });
});

test('afterwards: each ticket once, numbers gapless, creation events and mails', async (t) => {
  // a mail whose sent record was lost with the database waits for its
  // lease (70 s) to be sent again: the stack's clock moves past it
  stack.setClock(120);
  await F.outboxDrained(stack);
  const facts = F.checkPromises(stack, { subs });
  t.diagnostic(`figure: commit lost: ${facts.acked} tickets acknowledged, ${facts.tickets} stored, ${facts.mails} mails, ${facts.duplicates} duplicates`);
});
