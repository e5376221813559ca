'use strict';
// An id in an admin path is read one way for every page: a number far past
// any row (more digits than a 64-bit integer holds) gets the very answer an
// unknown id gets, on the pages whose own id parsers once had no overflow
// guard (teams, routing rules and teams, people, skill tags, API keys) and
// on those that had one.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 251;
let admin;

test.before(async () => {
  admin = await A.desk('admin', L.addr(FILE, 1));
});

const pages = [
  '/admin/teams/ID',
  '/admin/routing/rules/ID',
  '/admin/routing/teams/ID',
  '/admin/people/ID',
  '/admin/skills/ID',
  '/admin/api-keys/ID/revoke',
  '/admin/categories/ID',
  '/admin/priorities/ID',
];
const unknown = '999999999';
const huge = ['9223372036854775808', '18446744073709551617', '99999999999999999999999', '1000000000000000000'];

/** What a person sees of an answer: its status and the error card (the
 * frame around it shows queue counts, which other tests move). */
function answer(res) {
  const card = res.body.split('<section class="card error-card"')[1] || '';
  return { status: res.status, error: (card.match(/data-error="([^"]*)"/) || [])[1],
           text: L.text(card.split('</section>')[0]) };
}

for (const page of pages) {
  test(`${page}: a huge id is answered as an unknown one`, async () => {
    const want = answer(await admin.page(page.replace('ID', unknown)));
    assert.equal(want.status, 404, `${page} with an unknown id`);
    assert.equal(want.error, 'not_found');
    for (const id of huge) {
      const got = answer(await admin.page(page.replace('ID', id)));
      assert.deepEqual(got, want, `${page} with ${id}`);
    }
  });
}

test('a huge id posted to a form is answered as an unknown one', async () => {
  const post = (id) => admin.client.post(`/admin/teams/${id}`, { form: { csrf: admin.csrf, name_zh: 'x', name_en: 'x' } });
  const want = answer(await post(unknown));
  assert.equal(want.status, 404);
  assert.equal(want.error, 'not_found');
  for (const id of huge) assert.deepEqual(answer(await post(id)), want, id);
});
