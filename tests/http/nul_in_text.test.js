'use strict';
// A NUL in what someone typed never cuts their text short without a word:
// the form comes back refused, with a message naming the control character
// and the text kept whole (the NUL shown as U+FFFD where it was) - on the
// portal (urlencoded and multipart forms), in the agent workspace, in the
// admin console, in a search; the API names the member holding \u0000.
// The bytes of uploaded files, NULs and all, arrive untouched.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 124;
const T = A.tag('NU');
const MARK = '\ufffd';

function multipart(fields, files = []) {
  const boundary = `----desk${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`, 'utf8'),
      Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8'), Buffer.from('\r\n'));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field || 'files'}"; filename="${f.name}"\r\n`
      + 'Content-Type: application/octet-stream\r\n\r\n', 'utf8'), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

/* A 64 x 1 PNG of black pixels: its IHDR and pixel rows hold runs of NULs. */
function pngWithZeros() {
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
  const ihdr = Buffer.from([0, 0, 0, 64, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const row = Buffer.alloc(1 + 64 * 3, 0); // filter byte and 64 black pixels, stored uncompressed
  const stored = Buffer.concat([Buffer.from([0x78, 0x01, 0x01]), Buffer.from([row.length & 0xff, row.length >> 8, ~row.length & 0xff, (~row.length >> 8) & 0xff]), row]);
  let a = 1, b = 0;
  for (const x of row) { a = (a + x) % 65521; b = (b + a) % 65521; }
  const adler = Buffer.alloc(4); adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.concat([stored, adler])), chunk('IEND', Buffer.alloc(0))]);
}

const inputValue = (html, name) => {
  const m = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`));
  const v = m && m[0].match(/value="([^"]*)"/);
  return v ? A.decode(v[1]) : undefined;
};

test('portal form (urlencoded): a NUL in the subject is refused by name, the subject kept whole', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  const first = await c.createTicket('fault');
  const { res } = await c.submit('fault', { subject: Buffer.from(`${T} 打印机\0卡纸`), description: `${T} 说明` });
  assert.equal(res.status, 422, 'refused, not stored as "打印机"');
  assert.ok(L.hasFieldError(res.body, 'subject'), 'the error is next to the subject');
  assert.match(L.text(res.body), /控制字符/);
  assert.equal(inputValue(res.body, 'subject'), `${T} 打印机${MARK}卡纸`, 'the whole subject comes back, the NUL marked');
  assert.equal(A.textarea(res.body, 'f-description'), `${T} 说明`, 'the other fields are kept');
  const next = await c.createTicket('fault');
  L.assertNext(assert, first.number, next.number, 'no ticket stored');
});

test('portal form (multipart, as browsers send it): a NUL in the description is refused, the text kept', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const f = await c.openForm('fault');
  const fields = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault'), subject: `${T} multipart`, description: `第一行\0第二行 ${T}` };
  const m = multipart(fields);
  const res = await c.request('POST', '/new/fault', { body: m.body, headers: m.headers });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'description'));
  assert.equal(A.textarea(res.body, 'f-description'), `第一行${MARK}第二行 ${T}`);
});

test('the NUL bytes of an uploaded file arrive intact', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const x = await c.createTicket('fault', { subject: `${T} files` });
  const page = await c.get(`/t/${x.token}`);
  const csrf = L.hidden(page.body, 'csrf');
  const data = pngWithZeros();
  assert.ok(data.includes(Buffer.alloc(8, 0)), 'the file holds NUL bytes');
  const good = multipart({ csrf, body: `${T} 截图` }, [{ name: 'screen.png', data }]);
  const ok = await c.request('POST', `/t/${x.token}/reply`, { body: good.body, headers: good.headers });
  assert.equal(ok.status, 303);
  const after = await c.get(ok.headers.location);
  const href = after.body.match(/<a href="([^"]*\/file\?id=\d+)" download>/)[1].replace(/&amp;/g, '&');
  const file = await c.get(href);
  assert.ok(file.raw.equals(data), 'the file downloads byte for byte, its NULs too');
});

test('a NUL in a file name is refused, the reply kept', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 7) });
  const x = await c.createTicket('fault', { subject: `${T} file name` });
  const page = await c.get(`/t/${x.token}`);
  const csrf = L.hidden(page.body, 'csrf');
  const bad = multipart({ csrf, body: `${T} 附件` }, [{ name: 'report\0.html.png', data: pngWithZeros() }]);
  const refused = await c.request('POST', `/t/${x.token}/reply`, { body: bad.body, headers: bad.headers });
  assert.equal(refused.status, 422);
  assert.match(L.text(refused.body), /文件名中有控制字符/);
  assert.equal(A.textarea(refused.body, 'f-body'), `${T} 附件`, 'the reply text is kept');
});

test('agent reply: a NUL is refused with a message that says so; the reply stays in its box', async () => {
  const x = await A.createTicket({ subject: `${T} agent` });
  const sup = await A.desk('supervisor', L.addr(FILE, 4));
  await sup.must(x.number, 'claim');
  const res = await sup.act(x.number, 'reply', { body: Buffer.from(`${T} 已重启\0服务`) });
  assert.equal(res.status, 422);
  assert.match(A.strip(res.body), /控制字符/);
  assert.equal(A.textarea(res.body, 'reply-body'), `${T} 已重启${MARK}服务`);
  const t = await sup.ticket(x.number);
  assert.ok(!t.html.includes(`${T} 已重启`), 'nothing was stored');
});

test('admin console: a NUL in a tag name is refused next to the field', async () => {
  const admin = await A.desk('admin', L.addr(FILE, 5));
  await admin.page('/admin/tags');
  const res = await admin.client.post('/admin/tags', { form: { csrf: admin.csrf, code: `nul_${T.toLowerCase()}`.slice(0, 40), name_zh: Buffer.from(`${T} 重点\0客户`), name_en: `${T} key`, color: 'blue' } });
  assert.equal(res.status, 422);
  assert.ok(L.hasFieldError(res.body, 'name_zh'));
  assert.match(L.text(res.body), /控制字符/);
  assert.ok(res.body.includes(`${T} 重点${MARK}客户`), 'the name is kept, the NUL marked');
  assert.ok(!(await admin.page('/admin/tags')).body.includes(`${T} key`), 'nothing created');
});

test('a NUL in a search is not searched for, and the page says why', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 6));
  const res = await sup.get(`/agent/q/team?q=${encodeURIComponent(T)}%00x`);
  assert.equal(res.status, 200);
  assert.match(A.strip(res.body), /控制字符.*未按此搜索/);
});

test('API: a \\u0000 inside a string is refused naming the member, nothing stored', async () => {
  const api = A.api();
  const before = (await api.api('POST', '/api/v1/tickets', L.apiTicket({ subject: `${T} before` }))).json().number;
  const body = JSON.stringify(L.apiTicket({ subject: `${T} 打印机@@卡纸` })).replace('@@', '\\u0000');
  const res = await api.api('POST', '/api/v1/tickets', undefined, { body });
  assert.equal(res.status, 422);
  const err = res.json().error;
  assert.equal(err.field, 'subject');
  assert.match(err.message, /NUL/);
  const inField = JSON.stringify(L.apiTicket({ fields: { fault_kind: 'hardware', symptoms: 'a@@b', reproduce: 'n/a' } })).replace('@@', '\\u0000');
  const r2 = await api.api('POST', '/api/v1/tickets', undefined, { body: inField });
  assert.equal(r2.status, 422);
  assert.equal(r2.json().error.field, 'fields.symptoms');
  const after = (await api.api('POST', '/api/v1/tickets', L.apiTicket({ subject: `${T} after` }))).json().number;
  L.assertNext(assert, before, after, 'no ticket stored');
});
