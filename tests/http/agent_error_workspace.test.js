'use strict';
// An agent's or admin's error keeps the workspace around it (the top bar
// with the search box, the queue column or the admin menu) and speaks to
// them, not to a customer: a mistyped ticket number, a search for one, a
// search that cannot be run, an unknown page.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 244;
const MISSING = '99999999-9999';
let agent;
let admin;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
  admin = await A.desk('admin', L.addr(FILE, 2));
});

function inWorkspace(res, what) {
  assert.match(res.body, /<nav class="queues"/, `${what}: the queue column`);
  assert.match(res.body, /<form class="search" method="get" action="\/agent\/search"/, `${what}: the top bar's search`);
  assert.match(res.body, /class="card error-card"/, `${what}: the error card`);
  assert.doesNotMatch(L.text(res.body), /跟踪链接|tracking link/, `${what}: not a customer's words`);
}

function searchBoxValue(html) {
  const m = html.match(/<input id="q" name="q" type="search"[^>]*value="([^"]*)"/);
  return m ? m[1] : undefined;
}

test('a mistyped ticket number: 404 in the workspace, the number named and kept in the search box', async () => {
  const res = await agent.get(`/agent/t/${MISSING}`);
  assert.equal(res.status, 404);
  inWorkspace(res, '/agent/t/MISSING');
  assert.match(L.text(res.body), new RegExp(`找不到工单 ${MISSING}`));
  assert.match(L.text(res.body), /请核对编号/, 'says what to do');
  assert.equal(searchBoxValue(res.body), MISSING, 'the number is in the search box to be corrected');
  assert.match(res.body, new RegExp(`href="/agent/q/team\\?q=${MISSING}"`), 'offers a search of the subjects');
  assert.match(res.body, /<nav class="queues"[\s\S]*href="\/agent\/q\/mine"/, 'the queues are one click away');
});

test('searching a number that leads nowhere says so in the workspace', async () => {
  const res = await agent.get(`/agent/search?q=${MISSING}`);
  assert.equal(res.status, 404, 'not an empty queue that looks like "no tickets"');
  inWorkspace(res, 'search');
  assert.match(L.text(res.body), new RegExp(`找不到工单 ${MISSING}`));
  // a ticket that exists still opens at once
  const t = await A.createTicket({ subject: `${A.tag('EW')} 搜索` });
  const found = await agent.get(`/agent/search?q=${t.number}`);
  assert.equal(found.status, 303);
  assert.equal(found.headers.location, `/agent/t/${t.number}`);
});

test('a search that cannot be run says why, in the workspace', async () => {
  const res = await agent.get('/agent/search?q=%FF%FEabc');
  assert.equal(res.status, 422);
  inWorkspace(res, 'bad search');
  assert.match(L.text(res.body), /无法按这段文字搜索/);
  assert.match(L.text(res.body), /无法识别的字符/);
});

test('a search with no match says what was searched, not that the queue is empty', async () => {
  const word = A.tag('nomatch');
  const res = await agent.get(`/agent/search?q=${word}`);
  assert.equal(res.status, 303);
  const page = await agent.get(res.headers.location);
  assert.equal(page.status, 200);
  assert.match(L.text(page.body), new RegExp(`没有与“${word}”相符的工单`));
  assert.doesNotMatch(L.text(page.body), /这个队列里没有工单/);
});

test('an unknown workspace page and an unknown queue: the workspace, in the words of an agent', async () => {
  for (const url of ['/agent/q/bogus', '/agent/nothing-here']) {
    const res = await agent.get(url);
    assert.equal(res.status, 404, url);
    inWorkspace(res, url);
    assert.match(L.text(res.body), /找不到这个页面/, url);
  }
});

test("the admin console's errors keep its menu and speak to the admin", async () => {
  const res = await admin.get('/admin/people/999999');
  assert.equal(res.status, 404);
  assert.match(res.body, /<nav class="queues admin-nav"/, 'the admin menu');
  assert.match(res.body, /<form class="search"/, 'the top bar');
  assert.match(L.text(res.body), /找不到这个页面/);
  assert.doesNotMatch(L.text(res.body), /跟踪链接/);
  assert.match(res.body, /class="button" href="\/admin\/"/, 'back to the console');
});

test('in English too', async () => {
  agent.client.jar.set('lang', 'en');
  try {
    const res = await agent.get(`/agent/t/${MISSING}`);
    assert.equal(res.status, 404);
    assert.match(L.text(res.body), new RegExp(`Ticket not found ${MISSING}`));
    assert.match(L.text(res.body), /Check the number/);
  } finally {
    agent.client.jar.delete('lang');
  }
});
