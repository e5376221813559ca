'use strict';
// Customer tags: the third complaint within 90 days tags the customer 高频投诉
// automatically (explained on hover in the queues and on the ticket page); a
// VIP customer's ticket starts one priority level more urgent.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 99;
const T = A.tag('CT');

const complaint = (email, n) => A.createTicket({
  category: 'complaint', subject: `${T} complaint ${n}`, customer: { name: '投诉客户', email },
});

test('the third complaint in 90 days tags the customer 高频投诉, with the rule on hover', async () => {
  const email = `${T.toLowerCase()}-complains@example.com`;
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  const first = await complaint(email, 1);
  await complaint(email, 2);
  let page = await sup.ticket(first.number);
  assert.ok(!page.res.body.includes('tag-frequent_complainer'), 'two complaints: no tag yet');
  const third = await complaint(email, 3);
  page = await sup.ticket(third.number);
  assert.match(page.res.body, /tag-frequent_complainer"[^>]*title="[^"]*90[^"]*3[^"]*"/, 'tagged, with the rule as the title');
  const q = await sup.page(`/agent/q/team?q=${encodeURIComponent(`${T} complaint`)}`);
  assert.match(q.body, /tag-frequent_complainer/, 'the tag shows on the queue rows');
});

test('a VIP customer\'s ticket starts one level more urgent', async () => {
  const email = `${T.toLowerCase()}-vip@example.com`;
  const plain = await A.createTicket({ subject: `${T} before vip`, impact: 'individual', customer: { name: '贵宾客户', email } });
  A.setupSql(`INSERT IGNORE INTO customer_tags (customer_id, tag_id, source, created_at)
    SELECT t.customer_id, g.id, 'manual', UTC_TIMESTAMP() FROM tickets t, tags g
    WHERE t.number = '${plain.number}' AND g.code = 'vip'`);
  const vip = await A.createTicket({ subject: `${T} vip`, impact: 'individual', customer: { name: '贵宾客户', email } });
  const api = A.api();
  const a = (await api.api('GET', `/api/v1/tickets/${plain.number}`)).json();
  const b = (await api.api('GET', `/api/v1/tickets/${vip.number}`)).json();
  assert.equal(a.priority, 'general', 'an individual impact is general');
  assert.equal(b.priority, 'important', 'the same for a VIP starts important');
});
