'use strict';
// A key sees only the tickets it created: another key's ticket is 404 for
// read, comment and update.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');

const c = L.client({ localAddress: L.addr(33) });

test('a ticket created by another API key is 404', async () => {
  const other = L.newApiKey('other');
  const mine = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'mine' }));
  const theirs = await c.api('POST', '/api/v1/tickets', L.apiTicket({ subject: 'theirs' }), { key: other });
  assert.equal(mine.status, 201);
  assert.equal(theirs.status, 201, theirs.body);
  const m = mine.json().number;
  const t = theirs.json().number;

  // each key reads its own
  assert.equal((await c.api('GET', `/api/v1/tickets/${m}`)).status, 200);
  assert.equal((await c.api('GET', `/api/v1/tickets/${t}`, undefined, { key: other })).status, 200);

  // and not the other's, whatever the method
  for (const [key, number] of [[undefined, t], [other, m]]) {
    const get = await c.api('GET', `/api/v1/tickets/${number}`, undefined, { key });
    assert.equal(get.status, 404);
    assert.equal(get.json().error.code, 'not_found');
    const com = await c.api('POST', `/api/v1/tickets/${number}/comments`, { body: 'sneaky' }, { key });
    assert.equal(com.status, 404);
    const patch = await c.api('PATCH', `/api/v1/tickets/${number}`, { status: 'resolved' }, { key });
    assert.equal(patch.status, 404);
  }
  // nothing was changed through the other key
  const doc = (await c.api('GET', `/api/v1/tickets/${t}`, undefined, { key: other })).json();
  assert.equal(doc.status, 'new');
  assert.ok(!doc.events.some((e) => e.kind === 'comment'));
  const mineDoc = (await c.api('GET', `/api/v1/tickets/${m}`)).json();
  assert.equal(mineDoc.status, 'new');
});

test('the 404 for another key\'s ticket looks exactly like an unknown ticket', async () => {
  const other = L.newApiKey('other-2');
  const theirs = (await c.api('POST', '/api/v1/tickets', L.apiTicket(), { key: other })).json().number;
  const a = await c.api('GET', `/api/v1/tickets/${theirs}`);
  const b = await c.api('GET', '/api/v1/tickets/20000101-0001');
  assert.equal(a.status, b.status);
  assert.deepEqual(a.json(), b.json());
});
