'use strict';
// The attachments disk full (a 4 MB tmpfs mounted on the stack's
// Attachments.Dir, filled up) under load: tickets without files go on; a
// portal form with a file is answered 503 with every typed value kept (not
// 400 with the input lost), the API's upload 503, nothing half-stored, and
// the log names the cause (No space left on device); once there is room,
// the same form sent again makes its one ticket with the file.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const F = require('./lib');

let stack;
let filler;
const tag = `DF${crypto.randomBytes(3).toString('hex')}`;

test.before(async () => {
  stack = await F.Stack.start('disk', {
    prepare: (dir) => {
      const mnt = path.join(dir, 'attachments');
      fs.mkdirSync(mnt, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0755', `desk-fault-${path.basename(dir)}`, mnt]);
    },
  });
  filler = path.join(stack.dir, 'attachments', 'filler');
});
test.after(async () => { if (stack) await stack.stop(); });

function fill() {
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 0x5a);
  try { for (;;) fs.writeSync(fd, block); } catch (e) { assert.equal(e.code, 'ENOSPC'); } finally { fs.closeSync(fd); }
}

function multipart(fields, files) {
  const boundary = `----fault${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/plain\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

test('a full attachments disk under load: 503 with the form kept, the cause logged, tickets without files go on; with room again the same form makes its one ticket', async (t) => {
  const load = new F.Load(stack, { api: 2, portal: 1, pause: 20 }).start();
  await F.sleep(1500);
  fill();
  const t0 = Date.now();
  const page = await stack.get('/new/fault');
  const form = { cookie: page.headers['set-cookie'].map((c) => c.split(';')[0]).join('; '),
    csrf: F.hidden(page.body, 'csrf'), key: F.hidden(page.body, 'submit_key') };
  const subject = `${tag} 导出日志附件`;
  const fields = {
    csrf: form.csrf, submit_key: form.key, contact_name: '磁盘已满', email: `${tag.toLowerCase()}@example.com`,
    phone: '13900139000', organisation: '满盘测试有限公司', product: 'DeskPro 5', subject,
    description: '附件盘满时提交的描述', impact: 'department', cf_fault_kind: 'software', cf_symptoms: 'Error 500', cf_reproduce: '1. export',
  };
  const file = { name: 'export.log', data: Buffer.alloc(256 * 1024, 0x41) };
  const logBefore = stack.log('portal').length;
  const send = () => {
    const m = multipart(fields, [file]);
    return stack.post('/new/fault', { body: m.body, headers: { ...m.headers, Cookie: form.cookie } });
  };
  const full = await send();
  assert.equal(full.status, 503, `503, not 400 with the input lost: ${full.status} ${full.body.slice(0, 200)}`);
  assert.ok(!full.body.includes('无法读取该请求'));
  for (const v of [subject, '附件盘满时提交的描述', '13900139000', '满盘测试有限公司', '磁盘已满']) assert.ok(full.body.includes(v), `kept: ${v}`);
  assert.equal(F.hidden(full.body, 'submit_key'), form.key, 'the same submit key');
  assert.equal(stack.sql(`SELECT COUNT(*) FROM tickets WHERE subject = '${subject}'`)[0][0], '0', 'nothing stored');
  const log = stack.logSince('portal', logBefore);
  assert.match(log, /No space left on device/);
  assert.doesNotMatch(log, /Invalid argument/);

  const number = load.acked().find((s) => s.number).number;
  const up = await stack.api('POST', `/api/v1/tickets/${number}/attachments?filename=trace.txt`, undefined,
    { body: Buffer.alloc(256 * 1024, 0x42), headers: { 'Content-Type': 'text/plain' } });
  assert.equal(up.status, 503, up.body);
  assert.equal(F.jsonOf(up).error.code, 'unavailable');
  assert.equal(stack.sql(`SELECT COUNT(*) FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.number = '${number}'`)[0][0], '0');

  await F.sleep(2000);
  const t1 = Date.now();
  fs.rmSync(filler);
  fields.csrf = F.hidden(full.body, 'csrf') || form.csrf;
  const again = await send();
  assert.equal(again.status, 303, again.body.slice(0, 300));
  const [[count, files]] = stack.sql(`SELECT COUNT(DISTINCT t.id), COUNT(a.id) FROM tickets t LEFT JOIN attachments a ON a.ticket_id = t.id WHERE t.subject = '${subject}'`);
  assert.deepEqual([count, files], ['1', '1'], 'one ticket, with its file');
  await load.stop();
  const during = F.latencies(load, t0, t1);
  await F.outboxDrained(stack);
  const facts = F.checkPromises(stack, { subs: [...load.subs, { via: 'portal', subject, token: again.headers.location, answers: [] }] });
  assert.ok(during.n > 10, `tickets without files were created while the disk was full: ${during.n}`);
  t.diagnostic(`figure: attachments disk full: the form with a file answered 503 in ${full.ms} ms with every value kept; ${during.n} tickets without files created meanwhile; ` +
    `${facts.acked} acknowledged in all, 0 lost, 0 doubled`);
});
