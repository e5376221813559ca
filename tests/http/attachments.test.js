'use strict';
// Attachments: several files on the portal form, on replies of both sides and
// through the API; type from content (libmagic) against an allow-list; 10 MB
// each; stored under random names with their SHA-256; served only to people
// who may see the ticket, as downloads with nosniff and a CSP that lets
// nothing run (an SVG or HTML file never runs script); refusals keep the
// typed text and store nothing.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 150;
const T = A.tag('AT');
const STORE = path.join(L.TEST_VAR, 'attachments');

/* ---- files to upload -------------------------------------------------- */

function pngBytes() {
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
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = pngBytes();
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
  + '<script>alert(document.cookie)</script><circle r="5"/></svg>\n');
const HTML = Buffer.from('<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(1)</script></body></html>\n');
const LOG = Buffer.from('2026-11-25 10:00:01 ERROR export failed: timeout\n2026-11-25 10:00:02 INFO retry\n');
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.from('02003e0001000000', 'hex'), Buffer.alloc(200)]);
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

/** multipart/form-data body of fields and files [{field, name, type, data}]. */
function multipart(fields, files = []) {
  const boundary = `----desk${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field || 'files'}"; filename="${f.name}"\r\n`
      + `Content-Type: ${f.type || 'application/octet-stream'}\r\n\r\n`, 'utf8'), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

function postMultipart(client, url, fields, files) {
  const m = multipart(fields, files);
  return client.request('POST', url, { body: m.body, headers: m.headers, allowEarlyClose: true, timeout: 60000 });
}

/** Files in the store (not counting the cgi kit's incoming directory). */
function storedFiles() {
  if (!fs.existsSync(STORE)) return 0;
  return fs.readdirSync(STORE).filter((d) => !d.startsWith('.'))
    .reduce((n, d) => n + fs.readdirSync(path.join(STORE, d)).length, 0);
}

function rows(sql) {
  return A.setupSql(sql).trim().split('\n').filter(Boolean);
}

/** The download links on a page: [{href, name}]. */
function links(html) {
  return [...html.matchAll(/<a href="([^"]*(?:\/file\?id=|\/agent\/files\/)\d+)" download>(?:<span[^>]*><\/span>)?(?:<bdi>)?([^<]*)(?:<\/bdi>)?<\/a>/g)]
    .map((m) => ({ href: m[1].replace(/&amp;/g, '&'), name: A.decode(m[2]) }));
}

async function portalSubmit(client, fields, files) {
  const f = await client.openForm('fault');
  assert.equal(f.res.status, 200);
  assert.match(f.res.body, /enctype="multipart\/form-data"/, 'the form can carry files');
  assert.match(f.res.body, /type="file"[^>]*multiple/, 'several files at once');
  const all = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault'), ...fields };
  return postMultipart(client, '/new/fault', all, files);
}

test('the portal form takes several files; each is listed and downloads intact', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  const res = await portalSubmit(c, { subject: `${T} form files` }, [
    { field: 'files.0', name: 'screen.png', type: 'image/png', data: PNG },
    { field: 'files.1', name: '导出日志.log', type: 'text/plain', data: LOG },
  ]);
  assert.equal(res.status, 303, res.body.slice(0, 300));
  const page = await c.get(res.headers.location);
  const got = links(page.body);
  assert.deepEqual(got.map((l) => l.name).sort(), ['screen.png', '导出日志.log'].sort());
  const png = await c.get(got.find((l) => l.name === 'screen.png').href);
  assert.equal(png.status, 200);
  assert.equal(png.headers['content-type'], 'image/png');
  assert.match(png.headers['content-disposition'], /^inline; /, 'a raster image may be shown');
  assert.equal(png.headers['x-content-type-options'], 'nosniff');
  assert.equal(sha(png.raw), sha(PNG));
  const log = await c.get(got.find((l) => l.name === '导出日志.log').href);
  assert.match(log.headers['content-type'], /^text\/plain/);
  assert.match(log.headers['content-disposition'], /^attachment; filename="[^"]*"; filename\*=UTF-8''%E5%AF%BC%E5%87%BA%E6%97%A5%E5%BF%97\.log$/);
  assert.equal(log.body, LOG.toString());
  const number = L.receiptNumber(page.body);
  const stored = rows(`SELECT a.filename, a.content_type, HEX(a.sha256), a.uploaded_by, e.kind FROM attachments a
    JOIN tickets t ON t.id = a.ticket_id JOIN ticket_events e ON e.id = a.event_id WHERE t.number = '${number}' ORDER BY a.id`);
  assert.equal(stored.length, 2);
  assert.deepEqual(stored[0].split('\t'), ['screen.png', 'image/png', sha(PNG).toUpperCase(), 'customer', 'created']);
  const key = rows(`SELECT storage_key FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.number = '${number}'`)[0];
  assert.match(key, /^[A-Za-z0-9_-]{43}$/, 'stored under a random name');
  assert.ok(fs.existsSync(path.join(STORE, key.slice(0, 2), key)), 'outside the web root, in the store');
});

test('several files under one field name all arrive (named by order when the browser sent one name)', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const res = await portalSubmit(c, { subject: `${T} same name` }, [
    { name: 'a.png', data: PNG }, { name: 'b.log', data: LOG }, { name: 'c.png', data: PNG },
  ]);
  assert.equal(res.status, 303);
  const page = await c.get(res.headers.location);
  assert.equal(links(page.body).length, 3, 'none is lost');
});

test('an SVG or HTML file with script is served as a download that cannot run', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const res = await portalSubmit(c, { subject: `${T} svg` }, [
    { field: 'files.0', name: 'diagram.svg', type: 'image/svg+xml', data: SVG },
    { field: 'files.1', name: 'page.html', type: 'text/html', data: HTML },
  ]);
  assert.equal(res.status, 303, res.body.slice(0, 300));
  const page = await c.get(res.headers.location);
  for (const l of links(page.body)) {
    const f = await c.get(l.href);
    assert.equal(f.status, 200);
    assert.equal(f.headers['content-type'], 'application/octet-stream', `${l.name}: never served as markup`);
    assert.match(f.headers['content-disposition'], /^attachment; /, `${l.name}: a download`);
    assert.equal(f.headers['x-content-type-options'], 'nosniff');
    assert.match(f.headers['content-security-policy'], /default-src 'none'/);
    assert.match(f.headers['content-security-policy'], /sandbox/);
  }
  assert.ok(!page.body.includes('<script>alert'), 'the page never echoes file contents');
});

test('an 11 MB file is refused on the same form, the text kept, nothing stored', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  const before = storedFiles();
  const subject = `${T} 大文件 <kept>`;
  const res = await portalSubmit(c, { subject }, [
    { field: 'files.0', name: 'ok.png', data: PNG },
    { field: 'files.1', name: 'huge.bin', data: Buffer.alloc(11 * 1024 * 1024, 0x41) },
  ]);
  assert.equal(res.status, 422);
  assert.match(res.body, /huge\.bin/, 'names the file');
  assert.match(res.body, /超过大小上限/, 'says why');
  assert.ok(res.body.includes(L.htmlEscape(subject)), 'what was typed is kept');
  assert.match(res.body, /请重新选择附件|重新选择/, 'asks to choose the files again');
  assert.equal(storedFiles(), before, 'no file stored, not even the good one');
  assert.equal(rows(`SELECT COUNT(*) FROM tickets WHERE subject = '${subject.replace(/'/g, "''")}'`)[0], '0', 'no ticket');
});

test('an executable is refused by its content, whatever its name', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 5) });
  const before = storedFiles();
  const res = await portalSubmit(c, { subject: `${T} exe` }, [{ name: 'photo.jpg', type: 'image/jpeg', data: ELF }]);
  assert.equal(res.status, 422);
  assert.match(res.body, /不支持此文件类型/);
  assert.equal(storedFiles(), before);
});

test('more files than allowed at once are refused', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 6) });
  const files = [...Array(6).keys()].map((i) => ({ field: `files.${i}`, name: `f${i}.log`, data: LOG }));
  const res = await portalSubmit(c, { subject: `${T} many` }, files);
  assert.equal(res.status, 422);
  assert.match(res.body, /文件太多/);
});

test('a path in the file name is dropped', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 7) });
  const res = await portalSubmit(c, { subject: `${T} path` }, [{ name: '../../etc/passwd.log', data: LOG }]);
  assert.equal(res.status, 303);
  const page = await c.get(res.headers.location);
  assert.deepEqual(links(page.body).map((l) => l.name), ['passwd.log']);
});

test('replies carry files both ways; internal notes\' files stay with the agents; links never cross tickets', async () => {
  const x = await A.createTicket({ subject: `${T} replies` });
  const y = await A.createTicket({ subject: `${T} other` });
  const sup = await A.desk('supervisor', L.addr(FILE, 10));
  await sup.must(x.number, 'claim');
  let t = await sup.ticket(x.number);
  const agentReply = await postMultipart(sup.client, `/agent/t/${x.number}/act`,
    { csrf: sup.csrf, version: t.version, action: 'reply', body: `${T} 请查看附件中的补丁说明` },
    [{ name: 'patch-notes.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') }]);
  assert.equal(agentReply.status, 303, A.strip(agentReply.body).slice(0, 300));
  t = await sup.ticket(x.number);
  const note = await postMultipart(sup.client, `/agent/t/${x.number}/act`,
    { csrf: sup.csrf, version: t.version, action: 'note', body: `${T} 内部：服务器日志` },
    [{ name: 'server-internal.log', data: LOG }]);
  assert.equal(note.status, 303);

  const c = L.client({ localAddress: L.addr(FILE, 11) });
  let page = await c.get(`/t/${x.token}`);
  let mine = links(page.body);
  assert.deepEqual(mine.map((l) => l.name), ['patch-notes.pdf'], 'the customer sees the reply\'s file, not the note\'s');
  const pdf = await c.get(mine[0].href);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(pdf.headers['content-disposition'], /^attachment; /);

  const agentLinks = links((await sup.ticket(x.number)).html);
  const internal = agentLinks.find((l) => l.name === 'server-internal.log');
  assert.ok(internal, 'the agent sees the note\'s file');
  const internalId = internal.href.split('/').pop();
  assert.equal((await c.get(`/t/${x.token}/file?id=${internalId}`)).status, 404, 'not through the customer\'s link');
  assert.equal((await c.get(`/t/${y.token}/file?id=${mine[0].href.split('=').pop()}`)).status, 404,
    'the link of ticket B never opens a file of ticket A');

  const reply = await postMultipart(c, `/t/${x.token}/reply`, { csrf: L.hidden(page.body, 'csrf'), body: `${T} 截图如下` },
    [{ field: 'files.0', name: '现场截图.png', data: PNG }]);
  assert.equal(reply.status, 303);
  const seen = links((await sup.ticket(x.number)).html).find((l) => l.name === '现场截图.png');
  assert.ok(seen, 'the agent sees the customer\'s file');
  const img = await sup.client.get(seen.href);
  assert.equal(img.status, 200);
  assert.equal(sha(img.raw), sha(PNG));

  const other = await A.desk('trainer', L.addr(FILE, 12));
  assert.equal((await other.client.get(seen.href)).status, 404, 'an agent outside the ticket\'s team cannot fetch it');
  assert.equal((await L.client({ localAddress: L.addr(FILE, 13) }).get(seen.href)).status, 303, 'signed out: to the sign-in');
});

test('an agent\'s refused file keeps the reply text and stores nothing', async () => {
  const x = await A.createTicket({ subject: `${T} agent refused` });
  const sup = await A.desk('supervisor', L.addr(FILE, 14));
  await sup.must(x.number, 'claim');
  const t = await sup.ticket(x.number);
  const before = storedFiles();
  const res = await postMultipart(sup.client, `/agent/t/${x.number}/act`,
    { csrf: sup.csrf, version: t.version, action: 'reply', body: `${T} 这段回复要保留` },
    [{ name: 'tool.exe', data: ELF }]);
  assert.equal(res.status, 422);
  assert.match(res.body, /tool\.exe/);
  assert.ok(res.body.includes(`${T} 这段回复要保留`), 'the text is kept');
  assert.equal(storedFiles(), before);
  const doc = (await A.api().api('GET', `/api/v1/tickets/${x.number}`)).json();
  assert.ok(!JSON.stringify(doc).includes('这段回复要保留'), 'no reply recorded');
});

test('the API takes one file per request, lists and serves them, only for its own tickets', async () => {
  const x = await A.createTicket({ subject: `${T} api` });
  const api = A.api();
  const up = await api.request('POST', `/api/v1/tickets/${x.number}/attachments?filename=${encodeURIComponent('监控截图.png')}`,
    { body: PNG, headers: { Authorization: `Bearer ${L.apiKey()}`, 'Content-Type': 'application/octet-stream' }, cookies: false });
  assert.equal(up.status, 201, up.body);
  const j = up.json();
  assert.equal(j.filename, '监控截图.png');
  assert.equal(j.content_type, 'image/png');
  assert.equal(j.sha256, sha(PNG));
  const list = (await api.api('GET', `/api/v1/tickets/${x.number}/attachments`)).json();
  assert.equal(list.attachments.length, 1);
  const dl = await api.request('GET', list.attachments[0].url, { headers: { Authorization: `Bearer ${L.apiKey()}` }, cookies: false });
  assert.equal(dl.status, 200);
  assert.equal(sha(dl.raw), sha(PNG));

  const svg = await api.request('POST', `/api/v1/tickets/${x.number}/attachments?filename=x.svg`,
    { body: SVG, headers: { Authorization: `Bearer ${L.apiKey()}` }, cookies: false });
  assert.equal(svg.status, 201);
  const bad = await api.request('POST', `/api/v1/tickets/${x.number}/attachments?filename=a.bin`,
    { body: ELF, headers: { Authorization: `Bearer ${L.apiKey()}` }, cookies: false });
  assert.equal(bad.status, 422);
  assert.equal(bad.json().error.code, 'invalid_file');
  const big = await api.request('POST', `/api/v1/tickets/${x.number}/attachments?filename=big.log`,
    { body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), headers: { Authorization: `Bearer ${L.apiKey()}` }, cookies: false, allowEarlyClose: true });
  assert.equal(big.status, 413);

  const narrow = L.newApiKey(`${T} narrow`);
  const other = await api.request('GET', list.attachments[0].url, { headers: { Authorization: `Bearer ${narrow}` }, cookies: false });
  assert.equal(other.status, 404, 'a key that may not see the ticket gets nothing');
  const c = L.client({ localAddress: L.addr(FILE, 15) });
  const page = await c.get(`/t/${x.token}`);
  assert.deepEqual(links(page.body).map((l) => l.name).sort(), ['x.svg', '监控截图.png'].sort(), 'the customer sees the API\'s files');
});

test('deskctl sweep-attachments removes stored files no message recorded, and only those', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 16) });
  const res = await portalSubmit(c, { subject: `${T} sweep` }, [{ field: 'files.0', name: 'kept.log', data: LOG }]);
  assert.equal(res.status, 303);
  const key = rows(`SELECT a.storage_key FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.subject = '${T} sweep'`)[0];
  const kept = path.join(STORE, key.slice(0, 2), key);
  const orphanKey = `zz${crypto.randomBytes(31).toString('base64url').slice(0, 41)}`;
  fs.mkdirSync(path.join(STORE, 'zz'), { recursive: true });
  const orphan = path.join(STORE, 'zz', orphanKey);
  const fresh = path.join(STORE, 'zz', `zz${crypto.randomBytes(31).toString('base64url').slice(0, 41)}`);
  fs.writeFileSync(orphan, 'left by a worker that died before its commit');
  fs.writeFileSync(fresh, 'an upload whose message is still being saved');
  const old = new Date(Date.now() - 3 * 86400 * 1000);
  fs.utimesSync(orphan, old, old);
  fs.utimesSync(kept, old, old);
  const out = require('node:child_process').execFileSync(path.join(L.BUILD, 'deskctl'),
    ['-c', path.join(L.TEST_VAR, 'desk.hdf'), 'sweep-attachments', '24'], { encoding: 'utf8' });
  assert.match(out, /[1-9]\d* unrecorded file\(s\) removed/);
  assert.ok(!fs.existsSync(orphan), 'the unrecorded old file is gone');
  assert.ok(fs.existsSync(kept), 'a recorded file stays, however old');
  assert.ok(fs.existsSync(fresh), 'a recent unrecorded file stays (its message may be committing)');
  fs.unlinkSync(fresh);
  const page = await c.get(res.headers.location);
  const link = links(page.body)[0];
  assert.equal((await c.get(link.href)).status, 200, 'the recorded file still downloads');
});
