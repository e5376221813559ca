'use strict';
// Contact key rotation (README "Rotating the contact key"):
// `deskctl rotate-contact-key` creates the next contact key and re-seals every
// sealed email/phone (customer_contacts, tickets, outbox) and every blind
// index with it, while the running programs go on serving. Sessions, API keys
// and follow links do not depend on the contact key and keep working.
//
// This test reads the raw rows with the mariadb client on purpose: what it
// checks is what is stored (sealed values changed, no plaintext anywhere).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 213;
const T = A.tag('KR');
const NAME = `轮换客户${T}`;
const DESKCTL = path.join(L.BUILD, 'deskctl');
const CONFIG = path.join(L.TEST_VAR, 'desk.hdf');
const KEY_DIR = path.join(L.TEST_VAR, 'secrets', 'contact-keys');
const phone = () => '139' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
const emailOf = (who) => `${who}-${T.toLowerCase()}@example.com`;

const raw = (sql) => A.setupSql(sql).trim();
const rotate = () => execFileSync(DESKCTL, ['-c', CONFIG, 'rotate-contact-key'], { encoding: 'utf8' });
const keyFiles = () => (fs.existsSync(KEY_DIR) ? fs.readdirSync(KEY_DIR).filter((f) => /^\d+\.key$/.test(f)).sort() : []);

let agent, portal, viaPortal, viaApi, extraKey, keysTicket;

/** Hex of every sealed value and index of our tickets, their contacts and their messages. */
function sealedRows() {
  const ids = [viaPortal.id, viaApi.id].join(',');
  const out = raw(`
    SELECT CONCAT('c', id), HEX(value_sealed), HEX(value_bidx) FROM customer_contacts
      WHERE customer_id IN (SELECT customer_id FROM tickets WHERE id IN (${ids}))
    UNION ALL SELECT CONCAT('t', id), HEX(contact_email_sealed), HEX(contact_phone_sealed) FROM tickets WHERE id IN (${ids})
    UNION ALL SELECT CONCAT('o', id), HEX(recipient_sealed), '' FROM outbox WHERE ticket_id IN (${ids})`);
  const rows = {};
  for (const line of out.split('\n')) {
    const [id, a, b] = line.split('\t');
    rows[id] = [a, b];
  }
  return rows;
}

function ticketId(number) {
  const id = raw(`SELECT id FROM tickets WHERE number = '${number.replace(/[^0-9A-Za-z-]/g, '')}'`);
  assert.match(id, /^\d+$/, `ticket ${number} in the database`);
  return Number(id);
}

async function searchHits(q) {
  const res = await agent.page(`/agent/new?${new URLSearchParams({ q })}`);
  assert.equal(res.status, 200);
  return A.strip((res.body.match(/<ul class="hits">([\s\S]*?)<\/ul>/) || ['', ''])[1]);
}

async function revealed(t) {
  const res = await agent.act(t.number, 'reveal', { version: 0 });
  assert.equal(res.status, 303, `reveal ${t.number}`);
  return (await agent.ticket(t.number)).html;
}

/** What must keep working whatever key sealed the rows. */
async function assertDeskWorks(label) {
  for (const t of [viaPortal, viaApi]) {
    const body = await revealed(t);
    assert.ok(body.includes(t.email), `${label}: the ticket page reveals ${t.email}`);
    assert.ok(body.includes(t.phone), `${label}: and ${t.phone}`);
    const follow = await portal.get(`/t/${t.token}`);
    assert.equal(follow.status, 200, `${label}: the follow link of ${t.number} opens`);
    assert.ok(follow.body.includes(t.number));
  }
  assert.ok((await searchHits(viaApi.email)).includes(NAME), `${label}: search by exact email finds the customer`);
  assert.ok((await searchHits(viaApi.email.toUpperCase())).includes(NAME), `${label}: in any case`);
  assert.ok((await searchHits(viaPortal.phone)).includes(`${NAME}P`), `${label}: search by phone too`);
  for (const [key, number] of [[undefined, viaApi.number], [extraKey, keysTicket]]) {
    const res = await A.api().api('GET', `/api/v1/tickets/${number}`, undefined, { key });
    assert.equal(res.status, 200, `${label}: an API key made before the rotation still works`);
  }
  const queue = await agent.queue('unassigned', { q: T });
  assert.equal(queue.res.status, 200, `${label}: the agent's session from before is still valid`);
}

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  portal = L.client({ localAddress: L.addr(FILE, 2) });
  const p = { email: emailOf('portal'), phone: phone() };
  const made = await portal.createTicket('fault', { ...p, contact_name: `${NAME}P`, subject: `${T} via portal` });
  viaPortal = { ...p, number: made.number, token: made.token };
  const a = { email: emailOf('api'), phone: phone() };
  const created = await A.createTicket({ subject: `${T} via api`, customer: { name: NAME, ...a } });
  viaApi = { ...a, number: created.number, token: created.token };
  viaPortal.id = ticketId(viaPortal.number);
  viaApi.id = ticketId(viaApi.number);
  extraKey = L.newApiKey(`rotation test ${T}`);
  const own = await A.api().api('POST', '/api/v1/tickets', L.apiTicket({ subject: `${T} by its own key` }), { key: extraKey });
  assert.equal(own.status, 201, own.body);
  keysTicket = own.json().number;
});

let first; // the rows before the first rotation

test('rotation re-seals every contact value and index, and the desk keeps working', async () => {
  first = sealedRows();
  assert.ok(Object.keys(first).filter((k) => k[0] === 'c').length >= 4, 'two emails and two phones in customer_contacts');
  assert.ok(Object.keys(first).some((k) => k[0] === 'o'), 'the acknowledgement mails are in the outbox');
  const before = keyFiles();
  const out = rotate();
  const m = out.match(/created contact key (\d+)/);
  assert.ok(m, `a new key: ${out}`);
  assert.deepEqual(keyFiles(), [...before, `${m[1]}.key`].sort(), 'one new key file');
  assert.equal(fs.statSync(path.join(KEY_DIR, `${m[1]}.key`)).mode & 0o777, 0o600);
  assert.match(out, /^customer_contacts +\d+ rows read, \d+ re-sealed/m);
  assert.match(out, new RegExp(`every sealed contact value now uses contact key ${m[1]}`));
  const after = sealedRows();
  assert.deepEqual(Object.keys(after).sort(), Object.keys(first).sort());
  for (const [id, [a, b]] of Object.entries(first)) {
    assert.notEqual(after[id][0], a, `${id}: the sealed value changed`);
    if (id[0] !== 'o' && b !== 'NULL') assert.notEqual(after[id][1], b, `${id}: ${id[0] === 'c' ? 'the blind index' : 'the phone'} changed`);
  }
  await assertDeskWorks('after the rotation');
});

test('no plaintext email or phone in any raw row of any table', () => {
  const dump = execFileSync('mariadb-dump', ['--no-defaults', `--socket=${path.join(L.TEST_VAR, 'run', 'mysqld.sock')}`,
    '-uroot', '--hex-blob', '--skip-extended-insert', 'desk'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.ok(dump.includes('INSERT INTO `customer_contacts`'), 'the dump has the rows');
  for (const t of [viaPortal, viaApi]) {
    for (const v of [t.email, t.phone]) {
      assert.ok(!dump.toLowerCase().includes(v.toLowerCase()), `${v} is nowhere in clear`);
      const hex = Buffer.from(v).toString('hex').toUpperCase();
      assert.ok(!dump.includes(hex), `${v} is nowhere in a binary column either`);
    }
  }
});

test('a new ticket from a known email joins the customer found under the new key', async () => {
  const again = await A.createTicket({ subject: `${T} again`, customer: { name: '另一个名字', email: viaApi.email.toUpperCase() } });
  const ids = raw(`SELECT customer_id FROM tickets WHERE id IN (${viaApi.id}, ${ticketId(again.number)})`).split('\n');
  assert.equal(ids.length, 2);
  assert.equal(ids[0], ids[1], 'the same customer, no duplicate');
});

test('an interrupted rotation: rows under the older key still work, and a second run finishes them', async () => {
  // what a run stopped half-way leaves: some rows still under the previous key
  const c = Object.keys(first).find((k) => k[0] === 'c' && raw(`SELECT kind FROM customer_contacts WHERE id = ${k.slice(1)}`) === 'email' &&
    raw(`SELECT customer_id FROM customer_contacts WHERE id = ${k.slice(1)}`) === raw(`SELECT customer_id FROM tickets WHERE id = ${viaApi.id}`));
  assert.ok(c, 'the API customer has an email contact row');
  const t = `t${viaApi.id}`;
  raw(`UPDATE customer_contacts SET value_sealed = UNHEX('${first[c][0]}'), value_bidx = UNHEX('${first[c][1]}') WHERE id = ${c.slice(1)}`);
  raw(`UPDATE tickets SET contact_email_sealed = UNHEX('${first[t][0]}'), contact_phone_sealed = UNHEX('${first[t][1]}') WHERE id = ${viaApi.id}`);
  await assertDeskWorks('half-way through a rotation');
  const files = keyFiles();
  const out = rotate();
  assert.match(out, /resuming the rotation to contact key \d+/, out);
  assert.doesNotMatch(out, /created contact key/);
  assert.deepEqual(keyFiles(), files, 'no new key when one is unfinished');
  assert.match(out, /^customer_contacts +\d+ rows read, 1 re-sealed/m);
  assert.match(out, /^tickets +\d+ rows read, 1 re-sealed/m);
  assert.match(out, /every sealed contact value now uses contact key/);
  const now = sealedRows();
  assert.notEqual(now[c][0], first[c][0]);
  assert.notEqual(now[c][1], first[c][1], 'the index is recomputed');
  await assertDeskWorks('after the resumed rotation');
});

test('the programs keep serving while a rotation runs; then the older key files may go', async () => {
  const child = spawn(DESKCTL, ['-c', CONFIG, 'rotate-contact-key']);
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const done = new Promise((resolve) => child.on('close', resolve));
  let running = true;
  done.then(() => { running = false; });
  const during = [];
  while (running && during.length < 8) {
    const p = phone();
    const made = await A.createTicket({ subject: `${T} during`, customer: { name: `${NAME}D`, email: emailOf(`during${during.length}`), phone: p } });
    during.push({ ...made, email: made.body.customer.email, phone: p });
    const t = [viaPortal, viaApi][during.length % 2];
    assert.ok((await revealed(t)).includes(t.email), `during the rotation: ${t.number} reveals its email`);
    assert.equal((await portal.get(`/t/${t.token}`)).status, 200, 'during the rotation: the follow link opens');
    assert.ok((await searchHits(t.email)).includes(NAME), 'during the rotation: search by email finds the customer');
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(await done, 0, out);
  assert.ok(during.length >= 2, 'requests were served while it ran');
  const m = out.match(/created contact key (\d+)/);
  assert.ok(m, out);
  assert.match(out, new RegExp(`every sealed contact value now uses contact key ${m[1]}`));
  for (const t of during) {
    const body = await revealed(t);
    assert.ok(body.includes(t.email) && body.includes(t.phone), `${t.number} made during the rotation reveals its contacts`);
  }
  // the command names the older files that may go, and deletes none
  const removable = [...out.matchAll(/(\S+\/(\d+)\.key) any more: it may be removed/g)].map((x) => x[1]);
  assert.ok(removable.length >= 1, `names the older key files: ${out}`);
  assert.match(out, /never deletes key files/);
  for (const f of removable) {
    assert.ok(fs.existsSync(f), `${f} is still there`);
    assert.notEqual(path.basename(f), `${m[1]}.key`);
    fs.unlinkSync(f);
  }
  assert.deepEqual(keyFiles(), [`${m[1]}.key`]);
  await assertDeskWorks('with only the newest key file left');
  const last = during[during.length - 1];
  const body = await revealed(last);
  assert.ok(body.includes(last.email));
});
