'use strict';
// Admin console, portal settings (issue 6): what is saved on /admin/portal
// shows on the portal at once, on every worker: the name and welcome text,
// the colours (a stylesheet, never inline), the public categories (an
// unticked one leaves the home page and its form answers 404), the ticket
// number format (the next ticket's number), the logo (PNG served with safe
// headers; SVG refused) and the submission limit per browser and per address. A bad
// form changes nothing and keeps the input; every change is audited.
// Everything is put back as it was at the end.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 211;
const T = A.tag('PS');
let admin;
let original; // the form as it was, to put back

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n');

/** The settings form's current values, as [name, value] pairs. */
function formOf(html) {
  const form = html.split('action="/admin/portal" class="request admin-form portal-form"')[1].split('</form>')[0];
  const pairs = [];
  for (const name of ['name_zh', 'name_en', 'primary_color', 'accent_color', 'submit_limit', 'submit_address_limit', 'submit_window']) {
    const m = form.match(new RegExp(`<input id="f-${name}" name="${name}"[^>]*value="([^"]*)"`));
    assert.ok(m, `field ${name}`);
    pairs.push([name, A.decode(m[1])]);
  }
  for (const name of ['welcome_zh', 'welcome_en']) pairs.push([name, A.textarea(form, `f-${name}`) || '']);
  const fmt = form.match(/name="number_format" value="([^"]+)" checked/);
  pairs.push(['number_format', fmt ? fmt[1] : '']);
  for (const m of form.matchAll(/name="public" value="([^"]+)" checked/g)) pairs.push(['public', m[1]]);
  return pairs;
}

/** The form with some fields replaced (public: an array of codes). */
function withChanges(pairs, changes) {
  const out = pairs.filter(([k]) => !(k in changes));
  for (const [k, v] of Object.entries(changes)) {
    if (Array.isArray(v)) for (const x of v) out.push([k, x]);
    else out.push([k, v]);
  }
  return out;
}

async function save(changes) {
  const page = await admin.page('/admin/portal');
  assert.equal(page.status, 200);
  const form = withChanges(formOf(page.body), changes);
  return admin.client.post('/admin/portal', { form: [['csrf', admin.csrf], ...form] });
}

async function mustSave(changes) {
  const res = await save(changes);
  assert.equal(res.status, 303, `save: ${res.status} ${L.text(res.body).slice(0, 400)}`);
  assert.match(res.headers.location, /^\/admin\/portal\?done=portal_(saved|unchanged)$/);
  return res;
}

function multipart(fields, file) {
  const boundary = `----deskTest${Date.now()}`;
  const parts = [];
  for (const [k, v] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

async function uploadLogo(name, type, data) {
  await admin.page('/admin/portal');
  const m = multipart([['csrf', admin.csrf]], { field: 'logo', name, type, data });
  return admin.client.post('/admin/portal/logo', m);
}

/** Audit rows of entity (first page): [{entityId, action, text}]. */
async function audit(entity) {
  const res = await admin.page(`/admin/audit?entity=${entity}`);
  assert.equal(res.status, 200);
  return res.body.split('<tr class="audit-row"').slice(1).map((r) => ({
    id: Number(r.match(/data-id="(\d+)"/)[1]),
    action: r.match(/data-action="([^"]*)"/)[1],
    entityId: (r.match(/<code>#([^<]*)<\/code>/) || [])[1],
    text: L.text(r.split('</tr>')[0]),
  }));
}

/** n portal clients from addresses of their own, each a fresh connection. */
const visitors = (n, lang) => Array.from({ length: n }, (_, i) => {
  const c = L.client({ localAddress: L.addr(FILE, 20 + i) });
  if (lang) c.jar.set('lang', lang);
  return c;
});

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
  const page = await admin.page('/admin/portal');
  assert.equal(page.status, 200);
  original = formOf(page.body);
});

test.after(async () => {
  if (!admin || !original) return;
  await admin.page('/admin/portal');
  await admin.client.post('/admin/portal', { form: [['csrf', admin.csrf], ...original] });
  await admin.client.post('/admin/portal/logo/remove', { form: { csrf: admin.csrf } });
});

test('the page shows the settings in force, with the two number formats', async () => {
  const res = await admin.page('/admin/portal');
  assert.equal(res.status, 200);
  assert.match(res.body, /<h1>(门户设置|Portal settings)<\/h1>/);
  const f = Object.fromEntries(original.filter(([k]) => k !== 'public'));
  assert.match(f.primary_color, /^#[0-9a-f]{6}$/);
  assert.ok(['YYYYMMDD-NNNN', 'YYYYMMNNNN'].includes(f.number_format), f.number_format);
  assert.match(res.body, /name="number_format" value="YYYYMMDD-NNNN"/);
  assert.match(res.body, /name="number_format" value="YYYYMMNNNN"/);
  const pub = original.filter(([k]) => k === 'public').map(([, v]) => v);
  for (const code of ['fault', 'usage', 'complaint', 'customisation']) assert.ok(pub.includes(code), `${code} is public`);
  assert.match(res.body, /enctype="multipart\/form-data"/);
});

test('a bad form is refused next to each field, input kept, nothing written', async () => {
  const before = (await audit('setting'))[0];
  const res = await save({
    name_zh: '', primary_color: '#12345g', accent_color: 'blue', submit_limit: '-1', submit_window: '0',
    number_format: 'NNNN', public: [], welcome_zh: `${T} 不应保存`,
  });
  assert.equal(res.status, 422);
  for (const f of ['name_zh', 'primary_color', 'accent_color', 'submit_limit', 'submit_window', 'number_format', 'public']) {
    assert.ok(L.hasFieldError(res.body, f), `error next to ${f}`);
  }
  assert.match(res.body, /role="alert"/);
  assert.match(res.body, /name="primary_color" type="text" value="#12345g"/, 'bad colour kept');
  assert.ok(res.body.includes(`${T} 不应保存`), 'welcome text kept');
  // a colour white text cannot be read on
  const light = await save({ primary_color: '#ffee00' });
  assert.equal(light.status, 422);
  assert.ok(L.hasFieldError(light.body, 'primary_color'));
  assert.match(L.text(light.body), /4\.5:1/);
  assert.equal((await audit('setting'))[0]?.id, before?.id, 'no audit row');
  const home = await L.client({ localAddress: L.addr(FILE, 2) }).get('/');
  assert.ok(!home.body.includes(T), 'the portal is unchanged');
});

test('a new name and welcome text show on the portal at once, on every worker, in both languages', async () => {
  const zh = `${T} 售后服务门户`;
  const en = `${T} Support Portal`;
  const welcome = `${T} 欢迎！<b>不是标签</b> & 请选择问题类型。`;
  const res = await mustSave({ name_zh: zh, name_en: en, welcome_zh: welcome, welcome_en: `${T} Welcome, pick a kind.` });
  assert.equal(res.headers.location, '/admin/portal?done=portal_saved');
  const flash = await admin.page(res.headers.location);
  assert.match(flash.body, /class="flash"/);
  // eight fresh connections, spread over the workers
  const pages = await Promise.all(visitors(8).map((c) => c.get('/')));
  for (const p of pages) {
    assert.equal(p.status, 200);
    assert.ok(p.body.includes(`<span class="brand-name">${L.htmlEscape(zh)}</span>`), 'the name in the top bar');
    assert.ok(p.body.includes(`<p class="lead">${L.htmlEscape(welcome)}</p>`), 'the welcome text, escaped');
    assert.ok(p.body.includes(`<title>`) && p.body.includes(L.htmlEscape(zh)), 'the title');
  }
  const enPages = await Promise.all(visitors(4, 'en').map((c) => c.get('/new/fault')));
  for (const p of enPages) assert.ok(p.body.includes(L.htmlEscape(en)), 'the English name on another page');
  // recorded: who, which setting, old -> new
  const rows = (await audit('setting')).filter((r) => r.entityId === 'Site.Name');
  assert.ok(rows.length >= 1);
  assert.ok(rows[0].text.includes(zh) && rows[0].text.includes(A.PEOPLE.admin.name), rows[0].text);
  // saving the same again changes nothing and records nothing
  const again = await mustSave({});
  assert.equal(again.headers.location, '/admin/portal?done=portal_unchanged');
});

test('colours go out as a stylesheet of custom properties, never inline', async () => {
  await mustSave({ primary_color: '#7A1F5C', accent_color: '#e67e22' });
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const css = await c.get('/brand/theme.css');
  assert.equal(css.status, 200);
  assert.match(css.headers['content-type'], /^text\/css/);
  assert.equal(css.headers['x-content-type-options'], 'nosniff');
  assert.match(css.body, /--brand: #7a1f5c;/, 'stored lower-case');
  assert.match(css.body, /--brand-dark: #[0-9a-f]{6};/);
  assert.match(css.body, /--accent: #e67e22;/);
  const home = await c.get('/');
  assert.match(home.body, /<link rel="stylesheet" href="\/brand\/theme.css">/);
  assert.doesNotMatch(home.body, /style=/, 'no inline style');
  assert.match(home.headers['content-security-policy'], /style-src 'self'/);
  const page = await admin.page('/admin/portal');
  assert.match(page.body, /name="primary_color" type="text" value="#7a1f5c"/);
});

test('an unticked category leaves the portal: gone from the home page, its form 404', async () => {
  const pub = original.filter(([k]) => k === 'public').map(([, v]) => v);
  await mustSave({ public: pub.filter((c) => c !== 'usage') });
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  for (let i = 0; i < 4; i++) {
    const home = await L.client({ localAddress: L.addr(FILE, 30 + i) }).get('/');
    assert.doesNotMatch(home.body, /href="\/new\/usage"/, 'not offered');
    assert.match(home.body, /href="\/new\/fault"/);
  }
  assert.equal((await c.get('/new/usage')).status, 404);
  const f = await c.openForm('fault');
  const post = await c.post('/new/usage', { form: { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('usage', T) } });
  assert.equal(post.status, 404, 'nor can it be submitted');
  const rows = (await audit('category')).filter((r) => r.entityId === String(A.CATEGORIES.usage));
  assert.ok(rows[0] && /在门户提供 是 → 否/.test(rows[0].text), `audited: ${rows[0] && rows[0].text}`);
  // agents still see it for intake, and ticking it again brings it back
  await mustSave({ public: pub });
  assert.equal((await c.get('/new/usage')).status, 200);
  assert.match((await c.get('/')).body, /href="\/new\/usage"/);
});

test('the number format applies to the next ticket; numbers never repeat', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 5) });
  const before = await c.createTicket('fault', { subject: `${T} before` });
  assert.match(before.number, L.NUMBER_RE);
  await mustSave({ number_format: 'YYYYMMNNNN' });
  const monthly = await c.createTicket('fault', { subject: `${T} monthly` });
  assert.match(monthly.number, /^\d{10}$/, `monthly number: ${monthly.number}`);
  assert.equal(monthly.number.slice(0, 6), L.period(before.number).slice(0, 6), 'this month');
  const api = await A.api().api('POST', '/api/v1/tickets', L.apiTicket({ subject: `${T} monthly api` }));
  assert.equal(api.status, 201);
  assert.match(api.json().number, /^\d{10}$/, 'the API follows too');
  await mustSave({ number_format: 'YYYYMMDD-NNNN' });
  const daily = await c.createTicket('fault', { subject: `${T} daily` });
  assert.match(daily.number, L.NUMBER_RE);
  assert.equal(L.serial(daily.number), L.serial(before.number) + 1, 'the daily count goes on');
  assert.equal(new Set([before.number, monthly.number, api.json().number, daily.number]).size, 4);
  const rows = (await audit('setting')).filter((r) => r.entityId === 'Desk.TicketNumberFormat');
  assert.ok(rows.length >= 2);
});

test('a new submission window is audited as a duration', async () => {
  const before = Number(original.find(([k]) => k === 'submit_window')[1]);
  const minutes = before === 90 ? 150 : 90;
  await mustSave({ submit_window: String(minutes) });
  const rows = (await audit('setting')).filter((r) => r.entityId === 'Portal.SubmitWindowMinutes');
  const words = minutes === 90 ? /1 (小时|hour) 30 (分钟|minutes)/ : /2 (小时|hours) 30 (分钟|minutes)/;
  assert.ok(rows[0] && words.test(rows[0].text), `audited: ${rows[0] && rows[0].text}`);
});

test('the two submission limits are audited by their own names: per browser and per address', async () => {
  const value = (k) => original.find(([n]) => n === k)[1];
  const perBrowser = Number(value('submit_limit')) === 40 ? 41 : 40;
  const perAddress = value('submit_address_limit') === '400' ? '401' : '400';
  await mustSave({ submit_limit: String(perBrowser), submit_address_limit: perAddress });
  const rows = await audit('setting');
  const row = (key) => rows.find((r) => r.entityId === key);
  assert.ok(row('Portal.SubmitLimit'), 'the per-browser limit is audited');
  assert.match(row('Portal.SubmitLimit').text, /每个浏览器的提交次数上限|Submissions per browser at most/);
  assert.ok(row('Portal.SubmitAddressLimit'), 'the per-address limit is audited');
  assert.match(row('Portal.SubmitAddressLimit').text, /每个地址的提交次数上限|Submissions per address at most/);
});

test('a PNG logo is served at a fixed URL with safe headers; an SVG is refused', async () => {
  const ok = await uploadLogo('logo.png', 'image/png', PNG);
  assert.equal(ok.status, 303, L.text(ok.body).slice(0, 300));
  assert.equal(ok.headers.location, '/admin/portal?done=logo_saved');
  const c = L.client({ localAddress: L.addr(FILE, 6) });
  const logo = await c.get('/brand/logo');
  assert.equal(logo.status, 200);
  assert.equal(logo.headers['content-type'], 'image/png');
  assert.equal(logo.headers['x-content-type-options'], 'nosniff');
  assert.match(logo.headers['content-security-policy'], /default-src 'none'/);
  assert.ok(logo.raw.equals(PNG), 'the same bytes');
  assert.match((await c.get('/brand/theme.css')).body, /\.logo \{ background-image: url\("\/brand\/logo"\); \}/);
  const page = await admin.page('/admin/portal');
  assert.match(page.body, /<img src="\/brand\/logo"/);

  // an SVG (scripts) is refused, whatever name and type the browser claims
  for (const [name, type] of [['logo.svg', 'image/svg+xml'], ['logo.png', 'image/png']]) {
    const bad = await uploadLogo(name, type, SVG);
    assert.equal(bad.status, 422, `${name} ${type}`);
    assert.ok(L.hasFieldError(bad.body, 'logo'));
    assert.match(L.text(bad.body), /SVG/);
  }
  const none = await uploadLogo('', 'application/octet-stream', Buffer.alloc(0));
  assert.equal(none.status, 422);
  const still = await c.get('/brand/logo');
  assert.ok(still.raw.equals(PNG), 'the PNG is still the logo');
  const rows = (await audit('setting')).filter((r) => r.entityId === 'Portal.Logo');
  assert.ok(rows[0] && rows[0].text.includes('image/png'), 'audited with its type');

  const removed = await admin.client.post('/admin/portal/logo/remove', { form: { csrf: admin.csrf } });
  assert.equal(removed.status, 303);
  assert.equal((await c.get('/brand/logo')).status, 404);
  assert.doesNotMatch((await c.get('/brand/theme.css')).body, /brand\/logo/);
});

test('the submission limit counts per browser across workers, with a ceiling per address', async () => {
  // setup: these addresses and browsers start with no submissions counted (a rerun on the same stack)
  A.setupSql(`DELETE FROM portal_rate WHERE client LIKE 'b:%' OR client IN ('${[7, 8, 9, 10].map((n) => L.addr(FILE, n)).join("','")}')`);
  await mustSave({ submit_limit: '2', submit_window: '60', submit_address_limit: '' });
  const one = L.client({ localAddress: L.addr(FILE, 7) });
  const other = L.client({ localAddress: L.addr(FILE, 8) });
  const first = await one.submit('fault', { subject: `${T} limit 1` });
  const second = await one.submit('fault', { subject: `${T} limit 2` });
  assert.equal(first.res.status, 303);
  assert.equal(second.res.status, 303);
  const third = await one.submit('fault', { subject: `${T} limit 3` });
  assert.equal(third.res.status, 429);
  assert.match(L.text(third.res.body), /暂未处理|not sent yet/);
  assert.ok(third.res.body.includes(`${T} limit 3`), 'the input is kept');
  // a colleague behind the same office address has an allowance of their own
  const colleague = L.client({ localAddress: L.addr(FILE, 7) });
  assert.equal((await colleague.submit('fault', { subject: `${T} colleague` })).res.status, 303, "a colleague's first ticket goes through");
  // parallel attempts from one more browser: exactly two get through
  const busy = L.client({ localAddress: L.addr(FILE, 9) });
  await busy.openForm('usage'); // its cookie first, so that every attempt is the same browser
  const many = await Promise.all(Array.from({ length: 5 }, (_, i) => busy.submit('usage', { subject: `${T} burst ${i}` })));
  assert.equal(many.filter((r) => r.res.status === 303).length, 2, many.map((r) => r.res.status).join(','));
  assert.equal((await other.submit('fault', { subject: `${T} other address` })).res.status, 303);

  // the ceiling per address: browsers with new cookies do not get past it
  await mustSave({ submit_limit: '2', submit_window: '60', submit_address_limit: '3' });
  const office = [];
  for (let i = 0; i < 4; i++) {
    office.push((await L.client({ localAddress: L.addr(FILE, 10) }).submit('fault', { subject: `${T} office ${i}` })).res.status);
  }
  assert.deepEqual(office, [303, 303, 303, 429], 'three from the address, then the ceiling');
  await mustSave({ submit_limit: '0', submit_address_limit: '' });
  assert.equal((await one.submit('fault', { subject: `${T} limit off` })).res.status, 303, 'no limit of our own');
});
