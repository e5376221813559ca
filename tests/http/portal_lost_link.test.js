'use strict';
// A lost private link is mailed again when the number and the address match;
// the answer is the same either way, so the form reveals nothing.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const S = require('./sla_lib');

const FILE = 92;
const T = A.tag('LL');

test('the right number and address get the link again; a wrong pair gets the same answer and no mail', async () => {
  const email = `${T.toLowerCase()}-lost@example.com`;
  const x = await A.createTicket({ subject: `${T} lost`, customer: { name: '遗失客户', email } });
  const mails = () => S.readMails().filter((m) => S.mailTo(m, email));
  await S.waitFor(() => mails().length >= 1, 'the intake mail', { timeout: 30000 });
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  const form = await c.get('/lost');
  assert.equal(form.status, 200);
  const csrf = L.hidden(form.body, 'csrf');
  const wrong = await c.post('/lost', { form: { csrf, number: x.number, email: 'someone-else@example.com' } });
  const right = await c.post('/lost', { form: { csrf, number: x.number, email: email.toUpperCase() } });
  assert.equal(wrong.status, 303);
  assert.equal(right.status, 303);
  assert.equal(wrong.headers.location, right.headers.location, 'the same answer either way');
  await S.waitFor(() => mails().length >= 2, 'the link mailed again', { timeout: 30000 });
  const again = mails().filter((m) => m.body.includes(x.link));
  assert.equal(again.length, 2, 'intake mail and the resent link');
  assert.ok(!S.readMails().some((m) => S.mailTo(m, 'someone-else@example.com')), 'nothing to the wrong address');
  const page = await c.get(right.headers.location);
  assert.match(page.body, /如果工单编号和邮箱匹配/);
});
