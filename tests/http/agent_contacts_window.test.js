'use strict';
// Revealed contact details stay on the ticket page of whoever revealed them
// for Contacts.ShowMinutes (15), with no second history entry; after that
// the reveal button is back and a new reveal is a new record. At the three
// instants of tests/run.sh (clock.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 244;
const T = A.tag('CW');
const MIN = 60;
let agent;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
});

const reveals = (p) => p.threadHtml.split('<li').filter((li) => li.includes('查看了联系方式'));

test('revealed contacts hide again after 15 minutes; showing them again is a new record', async () => {
  const x = await A.createTicket({ subject: `${T} window`, customer: { name: '韩梅梅', email: `win-${T.toLowerCase()}@example.com`, phone: '13900000000' } });
  const start = C.clockOffset();
  assert.equal((await agent.act(x.number, 'reveal', { version: 0 })).status, 303);
  C.setClock(start + 14 * MIN);
  assert.ok((await agent.ticket(x.number)).html.includes(x.body.customer.email), 'still shown after 14 minutes');
  C.setClock(start + 16 * MIN);
  const later = await agent.ticket(x.number);
  assert.ok(!later.html.includes(x.body.customer.email), 'hidden after 16 minutes');
  assert.ok(later.forms.includes('reveal'), 'the reveal button is back');
  assert.equal(reveals(later).length, 1, 'loading the page recorded nothing');
  assert.equal((await agent.act(x.number, 'reveal', { version: 0 })).status, 303);
  const again = await agent.ticket(x.number);
  assert.ok(again.html.includes(x.body.customer.email));
  assert.equal(reveals(again).length, 2, 'the second reveal is recorded');
});

