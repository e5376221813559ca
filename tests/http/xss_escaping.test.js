'use strict';
// Markup in customer text is shown as text: escaped on the follow page and
// in the re-rendered form, never raw.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(19) });
const SUBJECT = '<script>alert(1)</script>';
const DESCRIPTION = '"><img src=x onerror=alert(1)>';
const NAME = "'><svg onload=alert(1)>";

function assertNoRawMarkup(html) {
  assert.doesNotMatch(html, /<script>alert\(1\)/i, 'no raw <script>');
  assert.doesNotMatch(html, /<img src=x/i, 'no raw <img>');
  assert.doesNotMatch(html, /<svg/i, 'no raw <svg>');
  assert.doesNotMatch(html, /"><img/);
}

test('follow page shows markup from the form escaped', async () => {
  const t = await c.createTicket('fault', {
    subject: SUBJECT, description: DESCRIPTION, contact_name: NAME, cf_symptoms: SUBJECT, product: DESCRIPTION,
  });
  for (const body of [t.page.body, (await c.get(`/t/${t.token}`)).body]) {
    assertNoRawMarkup(body);
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'subject escaped');
    assert.ok(body.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'), 'description escaped');
    assert.ok(body.includes('&lt;svg onload=alert(1)&gt;'), 'name escaped');
  }
});

test('re-rendered form shows typed markup escaped, inside value="..." and <textarea>', async () => {
  const { res } = await c.submit('fault', {
    subject: SUBJECT, description: DESCRIPTION, organisation: DESCRIPTION, email: NAME, cf_reproduce: SUBJECT,
  });
  assert.equal(res.status, 422);
  assertNoRawMarkup(res.body);
  assert.match(res.body, /name="subject"[^>]*value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.match(res.body, /name="organisation"[^>]*value="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;"/);
  assert.match(res.body, /name="email"[^>]*value="&#39;&gt;&lt;svg onload=alert\(1\)&gt;"/);
  assert.ok(res.body.includes('>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>'));
  assert.ok(res.body.includes('>&lt;script&gt;alert(1)&lt;/script&gt;</textarea>'));
});

test('markup sent through the API is escaped on the follow page (subject, description, comment)', async () => {
  const created = await c.api('POST', '/api/v1/tickets', L.apiTicket({
    subject: SUBJECT, description: DESCRIPTION, customer: { name: NAME, email: 'x@example.com' },
  }));
  assert.equal(created.status, 201, created.body);
  const { number, link } = created.json();
  assert.equal((await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: `${SUBJECT}${DESCRIPTION}` })).status, 201);
  const page = await c.get(new URL(link).pathname);
  assert.equal(page.status, 200);
  assertNoRawMarkup(page.body);
  assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'), 'comment escaped');
  // the API itself returns the text as data, unchanged
  assert.equal((await c.api('GET', `/api/v1/tickets/${number}`)).json().subject, SUBJECT);
});

test('markup in the URL path is not reflected raw', async () => {
  const res = await c.get('/t/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  assert.equal(res.status, 404);
  assertNoRawMarkup(res.body);
  const res2 = await c.get('/new/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  assertNoRawMarkup(res2.body);
});
