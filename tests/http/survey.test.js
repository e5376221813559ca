'use strict';
// The satisfaction survey (SPEC §7): the link opens a page and only a POST
// answers (a mail scanner opening the link answers nothing); scores 1-5 for
// resolution, speed and attitude plus free text; one answer per ticket; a
// thanks page; a colleague may record a phone answer, the handler may not.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 98;
const T = A.tag('SV');

/** A closed ticket created through the API; the supervisor handled it. */
async function closedTicket(subject) {
  const x = await A.createTicket({ subject: `${T} ${subject}` });
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'status', { to: 'resolved' });
  await sup.must(x.number, 'status', { to: 'closed' });
  return { ...x, sup };
}

test('opening the survey link answers nothing; a POST records one answer; a second changes nothing', async () => {
  const x = await closedTicket('portal');
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  const url = `/t/${x.token}/survey`;
  for (let i = 0; i < 3; i++) {
    const res = await c.get(url);
    assert.equal(res.status, 200);
    assert.match(res.body, /满意度回访/);
    assert.match(res.body, /name="resolution"/, 'the form is still open after GETs');
  }
  const page = await c.get(url);
  const csrf = L.hidden(page.body, 'csrf');
  const bad = await c.post(url, { form: { csrf, resolution: '9', speed: '4', attitude: '5' } });
  assert.equal(bad.status, 422, 'a score outside 1-5 is refused');
  const ok = await c.post(url, { form: { csrf, resolution: '5', speed: '4', attitude: '5', suggestions: `${T} 工程师很专业`, unmet_needs: '希望提供中文手册' } });
  assert.equal(ok.status, 303);
  const thanks = await c.get(ok.headers.location);
  assert.match(thanks.body, /感谢您的评价/);
  const again = await c.post(url, { form: { csrf, resolution: '1', speed: '1', attitude: '1' } });
  assert.equal(again.status, 303, 'a second answer is not an error for the customer');
  const after = await c.get(url);
  assert.match(after.body, /已经完成了回访/, 'the page says it was answered');
  // the agent page shows the first answer only
  const p = await x.sup.ticket(x.number);
  assert.match(p.res.body, /5\/4\/5/, 'the recorded scores');
  assert.ok(p.res.body.includes('希望提供中文手册'), 'and the needs not met');
  assert.ok(!p.res.body.includes('1/1/1'), 'the second answer was not recorded');
});

test('the survey is open only once the ticket is closed', async () => {
  const x = await A.createTicket({ subject: `${T} open` });
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const page = await c.get(`/t/${x.token}/survey`);
  assert.equal(page.status, 200);
  assert.match(page.body, /工单关闭后才能评价/);
  assert.ok(!/name="resolution"/.test(page.body), 'no form yet');
});

test('a phone answer is recorded by a colleague, never by the handler', async () => {
  const x = await closedTicket('phone');
  const own = await x.sup.act(x.number, 'survey_phone', { resolution: 4, speed: 4, attitude: 4 });
  assert.equal(own.status, 403, 'the handler cannot survey their own work');
  const admin = await A.desk('admin', L.addr(FILE, 4));
  const res = await admin.act(x.number, 'survey_phone', { resolution: 3, speed: 4, attitude: 5, suggestions: `${T} 电话回访` });
  assert.equal(res.status, 303, `a colleague records it: ${res.status}`);
  const twice = await admin.act(x.number, 'survey_phone', { resolution: 1, speed: 1, attitude: 1 });
  assert.equal(twice.status, 422, 'one answer per ticket');
  const p = await admin.ticket(x.number);
  assert.match(p.res.body, /3\/4\/5/);
});
