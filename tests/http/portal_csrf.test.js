'use strict';
// CSRF: the form's hidden csrf must equal the csrf cookie. Otherwise 422,
// the form again, and no ticket.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(15, 1) });

async function attempt(mutate) {
  const cl = L.client({ localAddress: L.addr(15, 2) });
  const f = await cl.openForm('fault');
  const fields = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault', 'csrf') };
  const opts = { form: fields, headers: {} };
  mutate(opts, cl, f);
  return cl.post('/new/fault', opts);
}

function assertRejected(res) {
  assert.equal(res.status, 422);
  assert.match(res.body, /<form[^>]*action="\/new\/fault"/, 'form re-rendered');
  assert.match(res.body, /class="alert alert-error/, 'message shown');
  assert.equal(res.headers.location, undefined, 'no redirect');
  // the values are kept so the customer can just submit again
  assert.match(res.body, /name="subject"[^>]*value="HTTP test fault csrf"/);
  // a new usable csrf is on the page
  assert.ok(L.hidden(res.body, 'csrf'));
}

test('CSRF failures answer 422 and create no ticket', async (t) => {
  const first = await c.createTicket('fault');

  await t.test('no csrf cookie', async () => {
    assertRejected(await attempt((o, cl) => { cl.jar.delete('csrf'); }));
  });
  await t.test('no csrf field', async () => {
    assertRejected(await attempt((o) => { delete o.form.csrf; }));
  });
  await t.test('neither cookie nor field', async () => {
    assertRejected(await attempt((o, cl) => { cl.jar.delete('csrf'); delete o.form.csrf; }));
  });
  await t.test('field does not match cookie', async () => {
    assertRejected(await attempt((o) => { o.form.csrf = o.form.csrf.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')); }));
  });
  await t.test('cookie from another visitor', async () => {
    const other = L.client({ localAddress: L.addr(15, 3) });
    await other.get('/new/fault');
    assertRejected(await attempt((o, cl) => { cl.jar.set('csrf', other.jar.get('csrf')); }));
  });
  await t.test('empty cookie and empty field', async () => {
    assertRejected(await attempt((o, cl) => { o.form.csrf = ''; o.headers.Cookie = 'csrf='; }));
  });
  await t.test('no submit_key', async () => {
    assertRejected(await attempt((o) => { delete o.form.submit_key; }));
  });

  const second = await c.createTicket('fault');
  L.assertNext(assert, first.number, second.number, 'no ticket was created by the rejected posts');
});
