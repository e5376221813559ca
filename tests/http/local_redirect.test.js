'use strict';
// Every return path (?back= of the language switch and of the agent sign-in)
// is a plain local path: browsers drop TAB, CR and LF inside a URL, so
// "/\t/evil.example/" would take them to //evil.example/. Anything that is
// not made of the characters of a URI path goes to the start page instead.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 121;

// what a browser would do with the Location header: drop TAB, CR and LF,
// then resolve against the site
function browserTarget(location) {
  return new URL(location.replace(/[\t\r\n]/g, ''), 'http://desk.example/');
}

const SNEAKY = [
  '/%09/evil.example/', '/%0a/evil.example/', '/%0d/evil.example/', '/%09%09/evil.example',
  '/%01/evil.example/', '/%7f/evil.example/', '/%00/evil.example/', '/%20/evil.example/',
  '/%5c/evil.example/', '/%5C%5Cevil.example', '/%e3%80%80/evil.example/', '/%C2%85/evil.example/',
];

test('the language switch sends nobody to another site, whatever control character hides in back', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 1) });
  for (const back of SNEAKY) {
    const res = await c.get(`/lang/en?back=${back}`);
    assert.equal(res.status, 303, back);
    const loc = res.headers.location;
    assert.equal(browserTarget(loc).host, 'desk.example', `back=${back} sent the browser to ${loc}`);
    assert.equal(loc, '/', `back=${back}: refused, so the start page (got ${JSON.stringify(loc)})`);
  }
});

test('plain local paths still go back where they came from', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 2) });
  for (const back of ['/new/fault', '/t/AbC-_x9?new=1', '/agent/q/team?q=%E6%89%93%E5%8D%B0', '/']) {
    const res = await c.get(`/lang/zh?back=${encodeURIComponent(back)}`);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, back);
  }
});

test('the agent sign-in keeps only a plain local back, in the form and after signing in', async () => {
  const c = L.client({ localAddress: L.addr(FILE, 3) });
  const form = await c.get('/agent/login?back=/agent/%09/evil.example/');
  assert.equal(form.status, 200);
  assert.equal(L.hidden(form.body, 'back'), '/agent/', 'the refused path is not carried in the form');
  const res = await A.signIn(c, 'agent', A.passwordOf('agent'), { back: '/agent/\t/evil.example/' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.location, '/agent/');
});
