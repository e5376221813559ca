'use strict';
// An e-mail address is checked by the same rule on every channel as the
// outbox uses to send: one with non-ASCII characters (用户@example.com) or a
// character a domain cannot hold passed the form, then the ticket's
// confirmation mail was refused inside the transaction and the whole
// request failed as 503 "try again". Now it is refused on the form (portal,
// agent intake) or as a 422 naming customer.email (API); nothing is stored.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 184;
const T = A.tag('ES');
const BAD = ['用户@example.com', 'zhang@例子.中国', 'zhang@exa_mple.com'];

test('portal: refused next to the e-mail field, input kept', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  for (const email of BAD) {
    const { res } = await c.submit('usage', { email, subject: `${T} portal` });
    assert.equal(res.status, 422, `${email}: ${res.status}`);
    assert.ok(L.hasFieldError(res.body, 'email'), `${email}: the e-mail field has the error`);
  }
});

test('agent intake: refused next to the e-mail field', async () => {
  const agent = await A.desk('agent', L.addr(FILE, 2));
  await agent.page('/agent/new?category=usage');
  for (const email of BAD) {
    const res = await agent.client.post('/agent/new', {
      form: {
        csrf: agent.csrf, category: 'usage', channel: 'phone', contact_name: `${T} 客户`, email,
        subject: `${T} intake`, description: 'x', impact: 'individual', product: 'P', cf_question_kind: 'howto',
      },
    });
    assert.equal(res.status, 422, `${email}: ${res.status}`);
    assert.ok(L.hasFieldError(res.body, 'email'));
  }
  const sup = await A.desk('supervisor', L.addr(FILE, 3));
  assert.deepEqual(await sup.numbers('team', { q: T }), [], 'nothing was stored');
});

test('API: 422 naming customer.email', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 4) });
  for (const email of BAD) {
    const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ customer: { name: 'n', email } }));
    assert.equal(res.status, 422, `${email}: ${res.body}`);
    assert.equal(res.json().error.field, 'customer.email');
  }
});

test('an ASCII address, internationalised domain written as xn--, is taken', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 5) });
  const res = await c.api('POST', '/api/v1/tickets', L.apiTicket({ customer: { name: 'n', email: 'zhang@xn--fsqu00a.xn--fiqs8s' } }));
  assert.equal(res.status, 201, res.body);
});
