'use strict';
// The queue search takes % and _ as the characters themselves, not as LIKE
// wildcards: "50%" finds "50% off" only, "a_c" finds "a_c" and not "abc".
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 171;
const T = A.tag('QL');
let supervisor;
const t = {};
const sorted = (a) => [...a].sort();

test.before(async () => {
  supervisor = await A.desk('supervisor', L.addr(FILE, 1));
  t.percent = await A.createTicket({ subject: `${T} 50% of exports fail` });
  t.digits = await A.createTicket({ subject: `${T} 500 exports fail` });
  t.underscore = await A.createTicket({ subject: `${T} job_x stalls` });
  t.letter = await A.createTicket({ subject: `${T} jobax stalls` });
  t.backslash = await A.createTicket({ subject: `${T} path C:\\data full` });
});

test('the marker alone finds all five', async () => {
  assert.equal((await supervisor.numbers('team', { q: T })).length, 5);
});

test('% is a percent sign', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} 50%` }), [t.percent.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} 5%0` }), [], 'no wildcard between 5 and 0');
  assert.deepEqual(await supervisor.numbers('team', { q: '%' + T }), [], 'a leading % matches no subject starting with the marker');
});

test('_ is an underscore', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} job_x` }), [t.underscore.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} job_` }), [t.underscore.number]);
  assert.deepEqual(await supervisor.numbers('team', { q: `${T} jo_ax` }), [], 'no single-character wildcard');
});

test('a backslash is a backslash', async () => {
  assert.deepEqual(await supervisor.numbers('team', { q: 'C:\\data' }).then((n) => n.filter((x) => x === t.backslash.number)),
    [t.backslash.number]);
  assert.deepEqual(sorted(await supervisor.numbers('team', { q: `${T} path C:\\d` })), [t.backslash.number]);
});
