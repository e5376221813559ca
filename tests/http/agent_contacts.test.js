'use strict';
// Contact details (email, phone) are not on the ticket page until someone
// allowed to see them (can_see_contacts) asks with action=reveal; the reveal
// is recorded in the ticket's history (查看了联系方式) and is internal. The
// POST redirects to the page (a refresh posts nothing again), which shows
// that person what they revealed, recorded once (the 15-minute window:
// agent_contacts_window.test.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 67;
const T = A.tag('CT');
const phone = () => '137' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
let agent, supervisor, trainer, fault, usage;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  supervisor = await A.desk('supervisor', L.addr(FILE, 2));
  trainer = await A.desk('trainer', L.addr(FILE, 3));
  fault = await A.createTicket({ subject: `${T} fault`, customer: { name: '韩梅梅', email: `hmm-${T.toLowerCase()}@example.com`, phone: phone() } });
  usage = await A.createTicket({ category: 'usage', subject: `${T} usage`, customer: { name: '林涛', email: `lt-${T.toLowerCase()}@example.com`, phone: phone() } });
});

const contacts = (x) => [x.body.customer.email, x.body.customer.phone];

test('the ticket page does not carry the contact details', async () => {
  for (const who of [agent, supervisor]) {
    const p = await who.ticket(fault.number);
    assert.equal(p.res.status, 200);
    for (const v of contacts(fault)) assert.ok(!p.html.includes(v), `${who.login}: ${v} not in the page`);
    assert.ok(p.forms.includes('reveal'), 'a reveal button for people allowed to see contacts');
  }
  const q = await agent.queue('unassigned', { q: T });
  for (const v of contacts(fault)) assert.ok(!q.res.body.includes(v), 'not in the queue either');
});

const reveals = (p) => p.threadHtml.split('<li').filter((li) => li.includes('查看了联系方式'));

test('reveal: recorded, then a redirect; reloads show them and record nothing more', async () => {
  const res = await agent.act(fault.number, 'reveal', { version: 0 });
  assert.equal(res.status, 303, 'the POST answers with a redirect');
  assert.equal(res.headers.location, `/agent/t/${fault.number}?done=reveal`);
  for (const v of contacts(fault)) assert.ok(!res.body.includes(v), 'not in the redirect itself');
  const shown = await agent.ticket(fault.number, '?done=reveal');
  assert.equal(shown.res.status, 200);
  for (const v of contacts(fault)) assert.ok(shown.html.includes(v), `${v} shown after reveal`);
  assert.match(shown.res.headers['cache-control'] || '', /no-store/, 'the page with contacts is not cached');
  assert.match(shown.flash, /已显示联系方式/);
  assert.ok(!shown.forms.includes('reveal'), 'no reveal button while they are shown');
  for (let i = 0; i < 2; i++) {
    const again = await agent.ticket(fault.number);
    for (const v of contacts(fault)) assert.ok(again.html.includes(v), 'a reload keeps them shown');
  }
  const p = await supervisor.ticket(fault.number);
  for (const v of contacts(fault)) assert.ok(!p.html.includes(v), 'only to whoever revealed them');
  const items = reveals(p);
  assert.equal(items.length, 1, 'recorded once, however often the page is loaded');
  assert.ok(A.strip(items[0]).includes(A.PEOPLE.agent.name), 'with who revealed');
  // a supervisor's reveal is recorded too
  const s = await supervisor.act(fault.number, 'reveal', { version: 0 });
  assert.equal(s.status, 303);
  const p2 = await supervisor.ticket(fault.number);
  for (const v of contacts(fault)) assert.ok(p2.html.includes(v));
  assert.equal(reveals(p2).length, 2);
  assert.ok(A.strip(reveals(p2)[1]).includes(A.PEOPLE.supervisor.name));
});

test('the reveal record is internal: not on the follow page, not in the API', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  const page = await c.get(`/t/${fault.token}`);
  assert.equal(page.status, 200);
  assert.ok(!L.text(page.body).includes('查看了联系方式'));
  assert.ok(!/contact_revealed/.test(page.body));
  const api = await A.api().api('GET', `/api/v1/tickets/${fault.number}`);
  assert.ok(!api.json().events.some((e) => e.kind === 'contact_revealed'));
});

test('someone without can_see_contacts gets no button and no contacts, and nothing is recorded', async () => {
  const p = await trainer.ticket(usage.number);
  assert.equal(p.res.status, 200);
  assert.ok(!p.forms.includes('reveal'), 'no reveal button for the trainer');
  const res = await trainer.act(usage.number, 'reveal', { version: 0 });
  for (const v of contacts(usage)) assert.ok(!res.body.includes(v), `${v} stays hidden`);
  const after = await supervisor.ticket(usage.number);
  assert.ok(!after.thread.includes('查看了联系方式'), 'a refused reveal is not recorded as a reveal');
  assert.equal(res.status, 403, 'the refused reveal answers 403 like every forbidden action');
});
