'use strict';
// Limits are counted in characters, not bytes, and are the same whichever
// way a ticket comes in (portal form, agent intake, API). Nothing is cut
// without a word: what is over a limit is refused with the limit and its
// length, and what is within it is stored and shown whole (no fixed byte
// buffer cuts a Chinese text in the middle of a character).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 125;
const T = A.tag('LL');
const zh = (n, ch = '测') => ch.repeat(n);
const subject = (n) => `${T}${zh(n - T.length)}`; // n characters in all

let sup, agent;
test.before(async () => {
  sup = await A.desk('supervisor', L.addr(FILE, 1));
  agent = await A.desk('agent', L.addr(FILE, 2));
});

/** The value of the category field LABEL on the agent's ticket page. */
async function fieldValue(number, label) {
  const t = await sup.ticket(number);
  return A.dd(t.html, label);
}

test('API: a category field of 3,000 Chinese characters (9,000 bytes) is stored whole', async () => {
  const symptoms = `${T} ${zh(3000, '卡')}`;
  const res = await A.api().api('POST', '/api/v1/tickets', L.apiTicket({
    subject: `${T} long field`, fields: { fault_kind: 'hardware', symptoms, reproduce: 'n/a' },
  }));
  assert.equal(res.status, 201, `API: ${res.body.slice(0, 200)}`);
  assert.equal(await fieldValue(res.json().number, '故障现象'), symptoms, 'every character arrived');
});

test('API: the field limit is 5,000 characters whatever their bytes; over it says by how much', async () => {
  const emoji = '\u{1F5A8}'.repeat(5000); // 5,000 characters, 20,000 bytes
  const ok = await A.api().api('POST', '/api/v1/tickets', L.apiTicket({
    subject: `${T} emoji`, fields: { fault_kind: 'hardware', symptoms: emoji, reproduce: 'n/a' },
  }));
  assert.equal(ok.status, 201, ok.body.slice(0, 200));
  assert.equal([...await fieldValue(ok.json().number, '故障现象')].length, 5000);
  const over = await A.api().api('POST', '/api/v1/tickets', L.apiTicket({
    subject: `${T} too long`, fields: { fault_kind: 'hardware', symptoms: zh(5001), reproduce: 'n/a' },
  }));
  assert.equal(over.status, 422);
  const err = over.json().error;
  assert.equal(err.field, 'fields.symptoms');
  assert.match(err.message, /longer than 5000 characters \(it has 5001\)/);
});

/* ---- one limit, three ways in ---------------------------------------- */

async function viaPortal(subj) {
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const { res } = await c.submit('fault', { subject: subj });
  return res;
}

async function viaIntake(subj) {
  await agent.page('/agent/new?category=fault');
  return agent.client.post('/agent/new', {
    form: {
      csrf: agent.csrf, category: 'fault', channel: 'phone', contact_name: '来电客户', phone: '13800138000',
      subject: subj, description: '电话报修。', impact: 'department', product: 'P-300',
      cf_fault_kind: 'hardware', cf_symptoms: '卡纸', cf_reproduce: '打印',
    },
  });
}

function viaApi(subj) {
  return A.api().api('POST', '/api/v1/tickets', L.apiTicket({ subject: subj }));
}

test('the subject limit is 100 characters on the portal, in the intake and in the API alike', async () => {
  const fits = subject(100);
  assert.equal([...fits].length, 100);
  assert.ok(Buffer.byteLength(fits) > 250, 'well over 100 bytes');
  assert.equal((await viaPortal(fits)).status, 303, 'portal takes 100 characters');
  assert.equal((await viaIntake(fits)).status, 303, 'intake takes 100 characters');
  assert.equal((await viaApi(fits)).status, 201, 'API takes 100 characters');

  const over = subject(101);
  const portal = await viaPortal(over);
  assert.equal(portal.status, 422, 'portal refuses 101');
  assert.ok(L.hasFieldError(portal.body, 'subject'));
  assert.match(L.text(portal.body), /现在是 101 个字，最多 100 个字/, 'the portal says the limit and the length');
  const intake = await viaIntake(over);
  assert.equal(intake.status, 422, 'intake refuses 101');
  assert.match(A.strip(intake.body), /现在是 101 个字，最多 100 个字/);
  const api = await viaApi(over);
  assert.equal(api.status, 422, 'API refuses 101');
  assert.match(api.json().error.message, /subject is longer than 100 characters \(it has 101\)/);
});

test('the forms tell the browser the limit without letting it cut pasted text', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  const form = await c.get('/new/fault');
  assert.doesNotMatch(form.body, /maxlength=/, 'no maxlength: a browser cuts a paste at it without a word');
  assert.match(form.body, /name="subject"[^>]*data-maxchars="100"/);
  assert.match(form.body, /name="description"[^>]*data-maxchars="10000"/);
  assert.match(form.body, /<script src="\/static\/textlimit.js"><\/script>/);
});

test('a long Chinese search is searched whole, and one over the limit is refused with a message', async () => {
  const word = zh(40, '检'); // 120 bytes
  const x = await A.createTicket({ subject: `${T} ${word} 报错` });
  assert.deepEqual(await sup.numbers('team', { q: `${T} ${word}` }), [x.number], 'found by its whole 40-character keyword');
  const res = await sup.get(`/agent/q/team?q=${encodeURIComponent(zh(101))}`);
  assert.equal(res.status, 200);
  assert.match(A.strip(res.body), /现在是 101 个字，最多 100 个字.*未按此搜索/);
});

test('serial numbers of 100 Chinese characters in the work log show whole', async () => {
  const x = await A.createTicket({ subject: `${T} serials` });
  await sup.must(x.number, 'claim');
  const oldSerial = zh(100, '旧');
  const newSerial = zh(100, '新');
  const t = await sup.must(x.number, 'work', { kind: 'part_replaced', text: `${T} 更换主板`, old_serial: oldSerial, new_serial: newSerial });
  const text = A.strip(t.html);
  assert.ok(text.includes(oldSerial) && text.includes(newSerial), 'both serials in full');
});

test('an agent reply over its limit is refused with the numbers; the text is kept', async () => {
  const x = await A.createTicket({ subject: `${T} long reply` });
  await sup.must(x.number, 'claim');
  const body = zh(20001, '长');
  const res = await sup.act(x.number, 'reply', { body });
  assert.equal(res.status, 422);
  assert.match(A.strip(res.body), /现在是 20001 个字，最多 20000 个字/);
  assert.equal(A.textarea(res.body, 'reply-body'), body, 'the reply is still in its box');
});
