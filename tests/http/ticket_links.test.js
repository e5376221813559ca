'use strict';
// Links between tickets (related, duplicate of, caused by, parent/child):
//  - shown on both sides of the ticket page, each side in its own words
//    (caused by / causes), with the other ticket's number, subject, status;
//  - added and removed by agents who may see both tickets; a ticket one may
//    not see is never shown in the panel, and cannot be linked to;
//  - the same through the API, where a key sees only links to tickets it
//    may see;
//  - every change is audited.
// No test here looks at a time of day: the clock is left alone.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 189;
const T = A.tag('LK');

/** The links panel of a ticket page: [{kind, number, subject, status}]. */
function links(html) {
  const card = (html.split('class="card card-links-panel"')[1] || '').split('</section>')[0];
  return [...card.matchAll(/<li class="ticket-link" data-kind="([^"]*)" data-number="([^"]*)">([\s\S]*?)<\/li>/g)]
    .map((m) => ({ kind: m[1], number: m[2], text: A.strip(m[3]) }));
}

let sup, agent, x, y, z;

test.before(async () => {
  sup = await A.desk('supervisor', L.addr(FILE, 1));
  agent = await A.desk('agent', L.addr(FILE, 2));
  x = await A.createTicket({ subject: `${T} 打印机报错 X` });
  y = await A.createTicket({ subject: `${T} 驱动升级 Y` });
  // a training-team ticket: the after-sales agent may not see it
  z = await A.createTicket({ category: 'usage', subject: `${T} 培训问题 Z` });
});

test('a link shows on both sides in their own words, with number, subject and status', async () => {
  const res = await agent.act(x.number, 'link', { kind: 'caused_by', other: y.number });
  assert.equal(res.status, 303, A.strip(res.body).slice(0, 300));
  const onX = links((await agent.ticket(x.number)).html);
  assert.deepEqual(onX.map((l) => [l.kind, l.number]), [['caused_by', y.number]]);
  assert.ok(onX[0].text.includes(`${T} 驱动升级 Y`), 'the subject');
  assert.ok(onX[0].text.includes('起因于'), 'in words');
  assert.match(onX[0].text, /已提交/, `the status: ${onX[0].text}`);
  const onY = links((await agent.ticket(y.number)).html);
  assert.deepEqual(onY.map((l) => [l.kind, l.number]), [['causes', x.number]], 'the other side, inverted');
  // a child link is its parent's, seen from both ends
  assert.equal((await sup.act(y.number, 'link', { kind: 'child_of', other: x.number })).status, 303);
  assert.ok(links((await sup.ticket(x.number)).html).some((l) => l.kind === 'parent_of' && l.number === y.number));
  assert.ok(links((await sup.ticket(y.number)).html).some((l) => l.kind === 'child_of' && l.number === x.number));
  // twice is refused, and said
  const again = await agent.act(x.number, 'link', { kind: 'caused_by', other: y.number });
  assert.equal(again.status, 422);
  assert.match(A.strip(again.body), /已按此方式关联/);
});

test('a ticket the agent may not see is never shown and cannot be linked', async () => {
  const refused = await agent.act(x.number, 'link', { kind: 'related', other: z.number });
  assert.notEqual(refused.status, 303);
  assert.match(A.strip(refused.body), /没有此编号的工单，或您无权查看/, 'answered like a missing number');
  assert.equal((await sup.act(x.number, 'link', { kind: 'related', other: z.number })).status, 303);
  const supSees = links((await sup.ticket(x.number)).html).map((l) => l.number);
  assert.ok(supSees.includes(z.number), 'the supervisor sees the link to Z');
  const page = (await agent.ticket(x.number)).html;
  assert.ok(!links(page).some((l) => l.number === z.number), 'the agent does not');
  assert.ok(!page.includes(`${T} 培训问题 Z`), 'not even its subject');
  assert.ok(!page.includes(z.number), 'nor its number, not even in the history');
});

test('removing a link removes it from both sides; links to oneself are refused', async () => {
  const res = await agent.act(x.number, 'unlink', { kind: 'caused_by', other: y.number });
  assert.equal(res.status, 303);
  assert.ok(!links((await agent.ticket(x.number)).html).some((l) => l.kind === 'caused_by'));
  assert.ok(!links((await agent.ticket(y.number)).html).some((l) => l.kind === 'causes'));
  const gone = await agent.act(x.number, 'unlink', { kind: 'caused_by', other: y.number });
  assert.equal(gone.status, 404);
  const self = await agent.act(x.number, 'link', { kind: 'related', other: x.number });
  assert.equal(self.status, 422);
  assert.match(A.strip(self.body), /不能关联自身/);
});

test('the API links and unlinks, and shows a key only links to tickets it may see', async () => {
  const api = A.api();
  const res = await api.api('POST', `/api/v1/tickets/${x.number}/links`, { kind: 'duplicate_of', ticket: y.number });
  assert.equal(res.status, 201, res.body);
  assert.ok(res.json().links.some((l) => l.kind === 'duplicate_of' && l.number === y.number && l.subject === `${T} 驱动升级 Y`));
  const fromY = (await api.api('GET', `/api/v1/tickets/${y.number}`)).json();
  assert.ok(fromY.links.some((l) => l.kind === 'duplicated_by' && l.number === x.number), 'the other side');
  const dupl = await api.api('POST', `/api/v1/tickets/${x.number}/links`, { kind: 'duplicate_of', ticket: y.number });
  assert.equal(dupl.status, 409);
  const bad = await api.api('POST', `/api/v1/tickets/${x.number}/links`, { kind: 'sibling_of', ticket: y.number });
  assert.equal(bad.status, 422);
  assert.equal(bad.json().error.field, 'kind');
  const noTicket = await api.api('POST', `/api/v1/tickets/${x.number}/links`, { kind: 'related' });
  assert.equal(noTicket.status, 400);
  // a key that sees only its own tickets: its ticket links to X, which it may not see
  const narrow = L.newApiKey(`${T} narrow`);
  const own = await api.api('POST', '/api/v1/tickets', {
    subject: `${T} 窄权限`, description: 'x', category: 'fault', impact: 'individual', product: 'DeskPro 5', customer: { name: '窄', email: `${T.toLowerCase()}-n@example.com` },
    fields: A.FIELDS.fault,
  }, { key: narrow });
  assert.equal(own.status, 201, own.body);
  const n = own.json().number;
  assert.equal((await sup.act(n, 'link', { kind: 'related', other: x.number })).status, 303);
  const seen = (await api.api('GET', `/api/v1/tickets/${n}`, undefined, { key: narrow })).json();
  assert.deepEqual(seen.links, [], 'no link to a ticket the key may not see');
  const cannot = await api.api('POST', `/api/v1/tickets/${n}/links`, { kind: 'related', ticket: y.number }, { key: narrow });
  assert.equal(cannot.status, 422, 'nor can it link one');
  const rm = await api.api('POST', `/api/v1/tickets/${x.number}/links/remove`, { kind: 'duplicate_of', ticket: y.number });
  assert.equal(rm.status, 200, rm.body);
  assert.ok(!rm.json().links.some((l) => l.kind === 'duplicate_of'));
});

test('every link change is audited', async () => {
  const admin = await A.desk('admin', L.addr(FILE, 3));
  const audit = await admin.page('/admin/audit?entity=ticket');
  assert.equal(audit.status, 200);
  assert.match(audit.body, /data-action="link"/);
  assert.match(audit.body, /data-action="unlink"/);
  assert.ok(audit.body.includes(x.number));
});
