'use strict';
// Names and subjects people type may hold right-to-left text or direction
// overrides (U+202E); shown in the portal and the agent pages they are
// isolated (<bdi>), so they can never turn the text around them. File
// names are refused when they hold a control, direction or invisible
// character ("invoice\u202egnp.html" looks like "invoicelmth.png"),
// with a clear message, on the portal, in the workspace and in the API.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 126;
const T = A.tag('BD');
const RLO = '\u202e';
const SUBJECT = `${T} 发票 ${RLO}gnp.exe 打不开`;
const NAME = `客户${RLO}甲乙 ${T}`;

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
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

function multipart(fields, files = []) {
  const boundary = `----desk${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n`
      + 'Content-Type: image/png\r\n\r\n', 'utf8'), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

/** Every place text is shown in html (not an attribute value, a <title>,
 * a text box or a table cell of its own) sits right inside a <bdi>. */
function assertIsolated(html, text, where) {
  let at = html.indexOf(text);
  assert.ok(at >= 0, `${where}: ${JSON.stringify(text)} is on the page`);
  for (; at >= 0; at = html.indexOf(text, at + 1)) {
    const before = html.slice(Math.max(0, at - 400), at);
    const ok = before.endsWith('<bdi>') || /="[^"<>]*$/.test(before) ||
      /<(title|textarea|td)\b[^>]*>[^<]*$/.test(before);
    assert.ok(ok, `${where}: not isolated at ...${before.slice(-80)}[${text}]`);
  }
}

let made;
test.before(async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  made = await c.createTicket('fault', { subject: SUBJECT, contact_name: NAME, email: `${T.toLowerCase()}@example.com` });
  made.client = c;
});

test('the follow page isolates the subject and the names', async () => {
  const page = await made.client.get(`/t/${made.token}`);
  assertIsolated(page.body, SUBJECT, 'follow page');
  assertIsolated(page.body, NAME, 'follow page');
});

test('the agent queue and ticket page isolate the subject and the customer\'s name', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 2));
  const q = await sup.queue('team', { q: T });
  assert.ok(q.rows.some((r) => r.number === made.number), 'listed');
  assertIsolated(q.res.body, NAME, 'queue');
  const t = await sup.ticket(made.number);
  assertIsolated(t.html, SUBJECT, 'ticket page');
  assertIsolated(t.html, NAME, 'ticket page');
});

const BAD_NAMES = {
  'a right-to-left override': `invoice${RLO}gnp.html.png`,
  'a left-to-right isolate': 'scan\u2066.png',
  'a zero-width space': 'scan\u200b.png',
  'a byte order mark': '\ufeffscan.png',
  'a tab': 'scan\t1.png',
};

test('file names with control, direction or invisible characters are refused on the portal, the text kept', async () => {
  const page = await made.client.get(`/t/${made.token}`);
  const csrf = L.hidden(page.body, 'csrf');
  for (const [what, name] of Object.entries(BAD_NAMES)) {
    const m = multipart({ csrf, body: `${T} 截图` }, [{ name, data: png() }]);
    const res = await made.client.request('POST', `/t/${made.token}/reply`, { body: m.body, headers: m.headers });
    assert.equal(res.status, 422, what);
    assert.match(L.text(res.body), /文件名中有控制字符、文字方向控制字符或不可见字符/, what);
    assert.ok(!res.body.includes(name), `${what}: the name is not shown as it came`);
    assert.match(res.body, /“<bdi>[^<]*\ufffd[^<]*<\/bdi>”/, `${what}: shown with the character marked, isolated`);
    assert.equal(A.textarea(res.body, 'f-body'), `${T} 截图`);
  }
  const fine = multipart({ csrf, body: `${T} 截图` }, [{ name: '现场截图 (最终).png', data: png() }]);
  const ok = await made.client.request('POST', `/t/${made.token}/reply`, { body: fine.body, headers: fine.headers });
  assert.equal(ok.status, 303, 'a plain name is taken');
  const after = await made.client.get(ok.headers.location);
  assert.match(after.body, /download><bdi>现场截图 \(最终\)\.png<\/bdi><\/a>/, 'shown isolated');
});

test('the API refuses such file names, naming the filename parameter', async () => {
  const x = await A.createTicket({ subject: `${T} api file` });
  for (const [what, name] of Object.entries(BAD_NAMES)) {
    const res = await A.api().request('POST', `/api/v1/tickets/${x.number}/attachments?filename=${encodeURIComponent(name)}`, {
      body: png(), headers: { Authorization: `Bearer ${L.apiKey()}`, 'Content-Type': 'image/png' }, cookies: false,
    });
    assert.equal(res.status, 422, what);
    assert.equal(res.json().error.field, 'filename', what);
    assert.match(res.json().error.message, /file name/, what);
  }
  const list = await A.api().api('GET', `/api/v1/tickets/${x.number}/attachments`);
  assert.deepEqual(list.json().attachments, [], 'nothing stored');
});

test('a file name over 200 characters is refused, not cut', async () => {
  const x = await A.createTicket({ subject: `${T} long name` });
  const name = `${'报'.repeat(201)}.png`;
  const res = await A.api().request('POST', `/api/v1/tickets/${x.number}/attachments?filename=${encodeURIComponent(name)}`, {
    body: png(), headers: { Authorization: `Bearer ${L.apiKey()}`, 'Content-Type': 'image/png' }, cookies: false,
  });
  assert.equal(res.status, 422);
  assert.match(res.json().error.message, /longer than 200 characters/);
  const fits = `${'报'.repeat(196)}.png`;
  const ok = await A.api().request('POST', `/api/v1/tickets/${x.number}/attachments?filename=${encodeURIComponent(fits)}`, {
    body: png(), headers: { Authorization: `Bearer ${L.apiKey()}`, 'Content-Type': 'image/png' }, cookies: false,
  });
  assert.equal(ok.status, 201);
  assert.equal(ok.json().filename, fits, 'stored whole');
  const list = await A.api().api('GET', `/api/v1/tickets/${x.number}/attachments`);
  const file = await A.api().request('GET', list.json().attachments[0].url, { headers: { Authorization: `Bearer ${L.apiKey()}` }, cookies: false });
  assert.equal(file.status, 200);
  assert.ok(decodeURIComponent(file.headers['content-disposition'].split("UTF-8''")[1]) === fits, 'downloads under its whole name');
});
