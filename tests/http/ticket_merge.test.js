'use strict';
// Merging a duplicate into the ticket that carries on:
//  - every message, note, work step and attachment of the duplicate is kept
//    and shown on the survivor, marked with the old number, in order (counts
//    and the SHA-256 of every file compared before and after);
//  - the duplicate is closed as merged: off the open queues, never changed
//    again; its agent page leads to the survivor;
//  - the customer is mailed, and their old private link opens the survivor;
//  - the API answers the old number with the survivor ("merged_from"), and
//    refuses writes to it (409 merged);
//  - merging into itself, a merged ticket twice, into a merged or closed
//    ticket, or another customer's ticket is refused with a clear message;
//  - every merge is in the audit log.
// No test here looks at a time of day: the clock is left alone.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 187;
const T = A.tag('MG');
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const KEY = () => ({ Authorization: `Bearer ${L.apiKey()}` });

function png() {
  const crc = (buf) => {
    let c = ~0;
    for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
    return (~c) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]))), chunk('IEND', Buffer.alloc(0))]);
}
const FILES = [
  { name: '重复工单截图.png', data: png() },
  { name: 'merge-export.log', data: Buffer.from(`${T} 2026-11-25 10:00:01 ERROR export failed\n`) },
];

async function upload(number, f) {
  const res = await A.api().request('POST', `/api/v1/tickets/${number}/attachments?filename=${encodeURIComponent(f.name)}`,
    { body: f.data, headers: { ...KEY(), 'Content-Type': 'application/octet-stream' }, cookies: false });
  assert.equal(res.status, 201, res.body);
}

/** The public attachments of a ticket as the API serves them: name -> sha256 of the bytes served. */
async function servedFiles(number) {
  const list = await A.api().api('GET', `/api/v1/tickets/${number}/attachments`);
  assert.equal(list.status, 200, list.body);
  const out = {};
  for (const a of list.json().attachments) {
    const dl = await A.api().request('GET', a.url, { headers: KEY(), cookies: false });
    assert.equal(dl.status, 200, `download ${a.url}`);
    out[a.filename] = sha(dl.raw);
  }
  return out;
}

const apiGet = async (number) => A.api().api('GET', `/api/v1/tickets/${number}`);
const mailsTo = (addr) => S.readMails().filter((m) => S.mailTo(m, addr));

let sup, dup, survivor, email, before, beforeFiles;

test.before(async () => {
  sup = await A.desk('supervisor', L.addr(FILE, 1));
  email = `${T.toLowerCase()}-same@example.com`;
  const customer = { name: '重复报障客户', email };
  dup = await A.createTicket({ subject: `${T} 打印机无法导出（重复）`, description: `${T} 第一次报障的描述`, customer });
  survivor = await A.createTicket({ subject: `${T} 打印机无法导出`, description: `${T} 保留工单的描述`, customer });
  // the duplicate's thread: a comment, two files, a reply, a note, a work step
  const c = await A.api().api('POST', `/api/v1/tickets/${dup.number}/comments`, { body: `${T} 客户补充：三台都不行` });
  assert.equal(c.status, 201, c.body);
  for (const f of FILES) await upload(dup.number, f);
  await sup.must(dup.number, 'claim');
  await sup.must(dup.number, 'status', { to: 'in_progress' });
  await sup.must(dup.number, 'reply', { body: `${T} 工程师回复：正在排查` });
  await sup.must(dup.number, 'note', { body: `${T} 内部备注：疑似驱动问题` });
  await sup.must(dup.number, 'work', { kind: 'step', text: `${T} 工作记录：重装驱动`, old_serial: '', new_serial: '' });
  const b = await apiGet(dup.number);
  assert.equal(b.status, 200);
  before = b.json();
  beforeFiles = await servedFiles(dup.number);
  assert.equal(Object.keys(beforeFiles).length, 2, 'two files before');
});

test('merging keeps every message and attachment of the duplicate on the survivor, marked and in order', async () => {
  const res = await sup.act(dup.number, 'merge', { into: survivor.number, reason: `${T} 同一问题` });
  assert.equal(res.status, 303, A.strip(res.body).slice(0, 300));
  // the survivor through the API: every public event of the duplicate, marked, in order
  const after = (await apiGet(survivor.number)).json();
  const merged = after.events.filter((e) => e.merged_from === dup.number);
  const ids = before.events.map((e) => e.id);
  assert.deepEqual(merged.map((e) => e.id).filter((id) => ids.includes(id)), ids, 'every event, in order');
  for (const e of before.events) {
    const got = merged.find((m) => m.id === e.id);
    assert.equal(got.kind, e.kind);
    if (e.body && e.kind !== 'created') assert.equal(got.body, e.body, `the body of event ${e.id}`);
  }
  const allIds = after.events.map((e) => e.id);
  assert.deepEqual(allIds, [...allIds].sort((a, b) => a - b), 'one thread in the order things happened');
  assert.ok(after.events.some((e) => e.kind === 'merged_from' && e.new === dup.number), 'the merge is on the survivor');
  // the files: the same bytes, served from the survivor
  const files = await servedFiles(survivor.number);
  for (const [name, hash] of Object.entries(beforeFiles)) assert.equal(files[name], hash, `${name}: same SHA-256`);
  for (const f of FILES) assert.equal(files[f.name], sha(f.data), `${f.name}: the bytes uploaded`);
  // the agent page of the survivor: the note and work step too, marked with the old number
  const page = await sup.ticket(survivor.number);
  assert.equal(page.res.status, 200);
  for (const text of ['客户补充：三台都不行', '工程师回复：正在排查', '内部备注：疑似驱动问题', '工作记录：重装驱动', '第一次报障的描述'])
    assert.ok(page.html.includes(`${T} ${text}`), `the survivor's page shows: ${text}`);
  const marks = page.html.match(new RegExp(`class="from-merged" data-from="${dup.number}"`, 'g')) || [];
  assert.ok(marks.length >= 6, `entries marked with the old number (${marks.length})`);
  for (const f of FILES) assert.ok(page.html.includes(A.decode(f.name)) || page.html.includes(f.name), `file ${f.name} listed`);
});

test('the old agent page leads to the survivor; the duplicate is off the open queues and never changes again', async () => {
  const res = await sup.get(`/agent/t/${dup.number}`);
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, `/agent/t/${survivor.number}?merged_from=${dup.number}`);
  const page = await sup.ticket(survivor.number, `?merged_from=${dup.number}`);
  assert.match(page.html, new RegExp(`class="notice merged-notice"[^>]*>[^<]*<code>${dup.number}</code>`), 'says where the agent came from');
  assert.ok(!(await sup.numbers('mine', { q: T })).includes(dup.number), 'the claimed duplicate left "mine"');
  for (const kind of ['at_risk', 'overdue', 'waiting'])
    assert.ok(!(await sup.numbers(kind, { q: T })).includes(dup.number), `no clock runs: not in ${kind}`);
  assert.ok((await sup.numbers('unassigned', { q: T })).includes(survivor.number), 'the survivor is open');
  const again = await sup.act(dup.number, 'note', { body: 'late note', version: 99 });
  assert.notEqual(again.status, 303, 'no change to a merged ticket');
});

test('the customer is mailed, and their old link opens the survivor with both threads', async () => {
  await S.waitFor(() => mailsTo(email).some((m) => m.body.includes(survivor.number) && m.subject.includes(dup.number)),
    'the ticket_merged mail', { timeout: L.slow(60000) });
  const mail = mailsTo(email).find((m) => m.body.includes(survivor.number) && m.subject.includes(dup.number));
  assert.match(mail.subject, /已合并/);
  assert.ok(mail.body.includes(dup.link), 'with the old private link, which still works');
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const page = await c.get(`/t/${dup.token}`);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(survivor.number), 'the survivor\'s number');
  assert.match(page.body, /class="notice merged-notice"/);
  assert.ok(page.body.includes(`${T} 保留工单的描述`), 'the survivor\'s description');
  assert.ok(page.body.includes(`${T} 第一次报障的描述`), 'the duplicate\'s first message');
  assert.ok(page.body.includes(`${T} 工程师回复：正在排查`), 'the public reply');
  assert.ok(!page.body.includes('内部备注'), 'internal notes stay internal');
  const file = page.body.match(/\/t\/[A-Za-z0-9_-]+\/file\?id=(\d+)/);
  assert.ok(file, 'a file link');
  const dl = await c.get(`/t/${dup.token}/file?id=${file[1]}`);
  assert.equal(dl.status, 200, 'a merged ticket\'s file through the old link');
});

test('the API answers the old number with the survivor and refuses writes to it', async () => {
  const res = await apiGet(dup.number);
  assert.equal(res.status, 200);
  const j = res.json();
  assert.equal(j.number, survivor.number);
  assert.equal(j.merged_from, dup.number);
  const c = await A.api().api('POST', `/api/v1/tickets/${dup.number}/comments`, { body: 'late' });
  assert.equal(c.status, 409);
  assert.equal(c.json().error.code, 'merged');
  assert.ok(c.json().error.message.includes(survivor.number), c.body);
  const p = await A.api().api('PATCH', `/api/v1/tickets/${dup.number}`, { status: 'in_progress' });
  assert.equal(p.status, 409);
});

test('refusals: into itself, twice, into a merged or closed ticket, another customer\'s ticket', async () => {
  const other = await A.createTicket({ subject: `${T} 别的客户`, customer: { name: '另一客户', email: `${T.toLowerCase()}-other@example.com` } });
  const third = await A.createTicket({ subject: `${T} 第三张`, customer: { name: '重复报障客户', email } });
  const refused = async (number, into, text) => {
    const res = await sup.act(number, 'merge', { into });
    assert.equal(res.status, 422, `${number} into ${into}: ${res.status}`);
    assert.ok(A.strip(res.body).includes(text), `says: ${text} — ${A.strip(res.body).slice(0, 400)}`);
  };
  await refused(survivor.number, survivor.number, '不能合并到自身');
  await refused(third.number, dup.number, '已合并到另一工单');
  await refused(other.number, survivor.number, '属于另一位客户');
  await refused(third.number, 'NO-SUCH-1', '没有此编号的工单');
  // the API says the same, as 409 merge_refused
  const self = await A.api().api('POST', `/api/v1/tickets/${survivor.number}/merge`, { into: survivor.number });
  assert.equal(self.status, 409);
  assert.equal(self.json().error.code, 'merge_refused');
  const cross = await A.api().api('POST', `/api/v1/tickets/${other.number}/merge`, { into: survivor.number });
  assert.equal(cross.status, 409);
  assert.match(cross.json().error.message, /another customer/);
  const missing = await A.api().api('POST', `/api/v1/tickets/${other.number}/merge`, {});
  assert.equal(missing.status, 400);
  assert.equal(missing.json().error.field, 'into');
  // a closed ticket takes no merge
  await sup.must(third.number, 'claim');
  await sup.must(third.number, 'status', { to: 'in_progress' });
  await sup.must(third.number, 'status', { to: 'resolved', reason: 'done' });
  A.setupSql(`UPDATE tickets SET status = 'closed', is_open = 0 WHERE number = '${third.number}'`);
  const late = await A.createTicket({ subject: `${T} 第四张`, customer: { name: '重复报障客户', email } });
  await refused(late.number, third.number, '已关闭');
  // nothing changed by the refusals: the other customer's ticket is still its own
  assert.equal((await apiGet(other.number)).json().number, other.number);
});

test('the API merges too, and the merge is in the audit log', async () => {
  const a = await A.createTicket({ subject: `${T} API 重复`, customer: { name: '重复报障客户', email } });
  const res = await A.api().api('POST', `/api/v1/tickets/${a.number}/merge`, { into: survivor.number, reason: `${T} API` });
  assert.equal(res.status, 200, res.body);
  assert.equal(res.json().number, survivor.number);
  assert.equal(res.json().merged_from, a.number);
  const admin = await A.desk('admin', L.addr(FILE, 3));
  const audit = await admin.page('/admin/audit?entity=ticket');
  assert.equal(audit.status, 200);
  for (const n of [dup.number, a.number]) assert.ok(audit.body.includes(n), `the merge of ${n} is audited`);
  assert.match(audit.body, /data-action="merge"/);
});
