'use strict';
// Queues are paged by key: more than 50 tickets in a team give a "next page"
// link (after=...) whose pages hold the rest, with no duplicates and none
// missing; rows come sorted by their next deadline, most urgent first, across
// pages. The page size is the product's (read from the first page).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 65;
const T = A.tag('QP');
const USAGE = 55; // one team, more than 50
const CUSTOM = 10; // another team, for a supervisor's merged view
let supervisor, trainer;
const created = { usage: [], customisation: [], urgent: [] };

test.before(async () => {
  supervisor = await A.desk('supervisor', L.addr(FILE, 1));
  trainer = await A.desk('trainer', L.addr(FILE, 2));
  const jobs = [];
  for (let i = 0; i < USAGE; i++) {
    const urgent = i % 11 === 3; // 5 urgent among the usage tickets
    jobs.push(() => A.createTicket({ category: 'usage', subject: `${T} usage ${i}`, priority: urgent ? 'urgent' : 'general' })
      .then((x) => { created.usage.push(x.number); if (urgent) created.urgent.push(x.number); }));
  }
  for (let i = 0; i < CUSTOM; i++) {
    jobs.push(() => A.createTicket({ category: 'customisation', subject: `${T} custom ${i}`, impact: 'none' })
      .then((x) => created.customisation.push(x.number)));
  }
  for (let i = 0; i < jobs.length; i += 12) await Promise.all(jobs.slice(i, i + 12).map((j) => j()));
});

/** Follows the next links from PATH; returns the pages. */
async function allPages(who, path) {
  const pages = [];
  let next = path;
  while (next && pages.length < 20) {
    const res = await who.get(next);
    assert.equal(res.status, 200, next);
    pages.push({ rows: A.parseRows(res.body), next: A.nextLink(res.body), path: next });
    next = pages[pages.length - 1].next;
  }
  return pages;
}

/** Checks the shape of a walk over TOTAL rows: full pages, then the rest. */
function assertPaged(pages, total, what) {
  const size = pages[0].rows.length;
  assert.ok(size >= 10 && size < total, `${what}: a first page of ${size} rows, not all ${total}`);
  assert.equal(pages.length, Math.ceil(total / size), `${what}: ${total} rows in pages of ${size}`);
  pages.forEach((p, i) => {
    const last = i === pages.length - 1;
    assert.equal(p.rows.length, last ? total - size * (pages.length - 1) : size, `${what}: page ${i + 1} size`);
    if (last) assert.equal(p.next, undefined, `${what}: no link after the last page`);
    else assert.match(p.next || '', /[?&]after=[^&]+/, `${what}: page ${i + 1} links to the next by key`);
  });
}

function assertDueOrder(rows, what) {
  for (let i = 1; i < rows.length; i++) {
    assert.ok(rows[i - 1].due <= rows[i].due,
      `${what}: row ${i} (${rows[i].number} due ${rows[i].due}) comes after ${rows[i - 1].number} due ${rows[i - 1].due}`);
  }
}

test('more than 50 tickets in a team: the next-page links give the rest, no duplicates, none missing', async () => {
  const pages = await allPages(trainer, `/agent/q/unassigned?q=${encodeURIComponent(T)}`);
  assertPaged(pages, USAGE, 'unassigned');
  assert.match(pages[0].next, new RegExp(`q=${encodeURIComponent(T)}`), 'the link keeps the keyword');
  const seen = pages.flatMap((p) => p.rows.map((r) => r.number));
  assert.equal(new Set(seen).size, seen.length, 'no duplicates');
  assert.deepEqual([...seen].sort(), [...created.usage].sort(), 'none missing, none from other teams');
});

test('rows are sorted by next deadline, most urgent first, across pages', async () => {
  const pages = await allPages(trainer, `/agent/q/unassigned?q=${encodeURIComponent(T)}`);
  const rows = pages.flatMap((p) => p.rows);
  assert.ok(rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r.due || '')), 'every row shows its next due time');
  assertDueOrder(rows, 'unassigned');
  assert.deepEqual(rows.slice(0, 5).map((r) => r.number).sort(), [...created.urgent].sort(),
    'the urgent tickets (15 min to first response) come first');
  assert.ok(rows.slice(0, 5).every((r) => r.priority === 'urgent'));
});

test('a supervisor\'s merged view of two teams pages the same way', async () => {
  const pages = await allPages(supervisor, `/agent/q/team?q=${encodeURIComponent(T)}`);
  assertPaged(pages, USAGE + CUSTOM, 'team');
  const seen = pages.flatMap((p) => p.rows.map((r) => r.number));
  assert.equal(new Set(seen).size, seen.length, 'no duplicates');
  assert.deepEqual([...seen].sort(), [...created.usage, ...created.customisation].sort(), 'none missing');
  assertDueOrder(pages.flatMap((p) => p.rows), 'team');
  // a filter carries over the pages too
  const gen = await allPages(supervisor, `/agent/q/team?q=${encodeURIComponent(T)}&priority=${A.PRIORITIES.general}`);
  const n = gen.flatMap((p) => p.rows.map((r) => r.number));
  assert.equal(n.length, USAGE - 5);
  assert.equal(new Set(n).size, n.length);
  assert.ok(gen.flatMap((p) => p.rows).every((r) => r.priority === 'general'));
});

test('a forged or stale cursor does not break the page', async () => {
  for (const after of ['garbage', '0.0', '-5.-5', '99999999999999.1', "1' OR '1'='1"]) {
    const res = await supervisor.get(`/agent/q/team?q=${encodeURIComponent(T)}&after=${encodeURIComponent(after)}`);
    assert.equal(res.status, 200, `after=${after}`);
  }
});
