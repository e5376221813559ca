'use strict';
// Which customer a new ticket is filed under, whichever way it comes in
// (portal, agent intake, API): the e-mail decides first. A phone number
// that matches a customer known by another e-mail is somebody else sharing
// it (a switchboard, a family phone): a new customer, not the other
// person's organisation, tags and complaint count. A phone match with no
// e-mail on either side is the same customer; only an agent links a new
// e-mail to a known customer, by choosing them on the intake form.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 183;
const T = A.tag('CM');
const lc = T.toLowerCase();
const portal = L.client({ localAddress: L.addr(FILE, 1) });
let agent, supervisor;

const phone = (n) => `+86 21 ${String(Date.now() % 1e4).padStart(4, '0')} ${String(n).padStart(4, '0')}${String(Math.floor(Math.random() * 90) + 10)}`;
const PHONE_A = phone(1);
const PHONE_C = phone(3);

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 2));
  supervisor = await A.desk('supervisor', L.addr(FILE, 3));
});

/** Files a portal request; returns the agent's view of the new ticket. */
async function viaPortal(fields) {
  const t = await portal.createTicket('usage', { subject: `${T} ${fields.contact_name}`, ...fields });
  assert.ok(t.number, 'created');
  return supervisor.ticket(t.number);
}

async function viaApi(customer, subject) {
  const res = await A.api().api('POST', '/api/v1/tickets', L.apiTicket({ subject: `${T} ${subject}`, customer }));
  assert.equal(res.status, 201, res.body);
  return supervisor.ticket(res.json().number);
}

async function viaIntake(fields) {
  await agent.page('/agent/new?category=usage');
  const res = await agent.client.post('/agent/new', {
    form: {
      csrf: agent.csrf, category: 'usage', channel: 'phone', subject: `${T} ${fields.contact_name}`,
      description: '电话登记。', impact: 'individual', product: 'DeskPro 5', cf_question_kind: 'howto', ...fields,
    },
  });
  assert.equal(res.status, 303, L.text(res.body).slice(0, 300));
  return supervisor.ticket(res.headers.location.match(/\/agent\/t\/([^?]+)/)[1]);
}

const customerOf = (page) => A.strip((page.html.match(/<p class="cust-line"><strong>([\s\S]*?)<\/strong>/) || ['', ''])[1]);
const orgOf = (page) => A.strip((page.html.match(/<p class="org">([\s\S]*?)<\/p>/) || ['', ''])[1]);

let first;
test('the first request makes customer 甲 with their organisation', async () => {
  first = await viaPortal({ contact_name: `甲 ${T}`, email: `jia-${lc}@example.com`, phone: PHONE_A, organisation: `${T} 甲公司` });
  assert.equal(customerOf(first), `甲 ${T}`);
  assert.equal(orgOf(first), `${T} 甲公司`);
});

test('portal: a new e-mail with 甲\'s phone is a new customer, not 甲', async () => {
  const p = await viaPortal({ contact_name: `乙 ${T}`, email: `yi-${lc}@example.com`, phone: PHONE_A, organisation: `${T} 乙公司` });
  assert.equal(customerOf(p), `乙 ${T}`, 'filed under the new person');
  assert.equal(orgOf(p), `${T} 乙公司`, 'with their own organisation');
  // and 乙 is 乙 from then on, by e-mail
  const again = await viaPortal({ contact_name: `乙 again ${T}`, email: `yi-${lc}@example.com` });
  assert.equal(customerOf(again), `乙 ${T}`);
});

test('API and agent intake follow the same rule', async () => {
  const api = await viaApi({ name: `丁 ${T}`, email: `ding-${lc}@example.com`, phone: PHONE_A, organisation: `${T} 丁公司` }, 'api');
  assert.equal(customerOf(api), `丁 ${T}`);
  assert.equal(orgOf(api), `${T} 丁公司`);
  const intake = await viaIntake({ contact_name: `戊 ${T}`, email: `wu-${lc}@example.com`, phone: PHONE_A, organisation: `${T} 戊公司` });
  assert.equal(customerOf(intake), `戊 ${T}`);
  assert.equal(orgOf(intake), `${T} 戊公司`);
});

test('甲\'s e-mail with another phone is still 甲; 甲\'s phone alone is 甲', async () => {
  const byEmail = await viaApi({ name: `甲 from the office ${T}`, email: `JIA-${lc}@example.com`, phone: phone(9) }, 'jia email');
  assert.equal(customerOf(byEmail), `甲 ${T}`);
  const byPhone = await viaIntake({ contact_name: `甲 calling ${T}`, phone: PHONE_A });
  assert.equal(customerOf(byPhone), `甲 ${T}`, 'a phone alone, nobody else claims it');
  assert.equal(orgOf(byPhone), `${T} 甲公司`);
});

test('a customer known by phone only is matched by that phone when an e-mail comes', async () => {
  const c = await viaIntake({ contact_name: `丙 ${T}`, phone: PHONE_C, organisation: `${T} 丙公司` });
  assert.equal(customerOf(c), `丙 ${T}`);
  const later = await viaPortal({ contact_name: `丙 online ${T}`, email: `bing-${lc}@example.com`, phone: PHONE_C });
  assert.equal(customerOf(later), `丙 ${T}`, 'no e-mail on file to contradict it');
});

test('an agent links a new e-mail to 甲 by choosing 甲 on the intake form', async () => {
  const found = await agent.page(`/agent/new?category=usage&q=${encodeURIComponent(`jia-${lc}@example.com`)}`);
  const id = found.body.match(/href="\/agent\/new\?customer_id=(\d+)/)[1];
  const linked = await viaIntake({ customer_id: id, contact_name: `甲 ${T}`, email: `jia.home-${lc}@example.com` });
  assert.equal(customerOf(linked), `甲 ${T}`);
  // from then on that e-mail is 甲's, on every channel
  const p = await viaPortal({ contact_name: `甲 at home ${T}`, email: `jia.home-${lc}@example.com` });
  assert.equal(customerOf(p), `甲 ${T}`);
  assert.equal(orgOf(p), `${T} 甲公司`);
  const search = await agent.page(`/agent/new?q=${encodeURIComponent(`jia.home-${lc}@example.com`)}`);
  assert.ok(A.strip(search.body).includes(`甲 ${T}`), 'the customer search finds 甲 by the linked e-mail');
});
