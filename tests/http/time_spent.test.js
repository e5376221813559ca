'use strict';
// Time spent: a reply, a note and a work step may carry the minutes spent
// (whole minutes, 1 to 1440; a wrong figure is refused on the form with the
// text kept); the ticket shows the total per person; the progress table and
// its CSV carry the ticket's total; the statistics the total per agent.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 224;
const T = A.tag('TS');

function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') q = false; else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** {name: minutes} of the ticket page's time-spent card. */
function spent(html) {
  const out = {};
  for (const m of html.matchAll(/<tr class="spent-person"><th scope="row"><bdi>([^<]*)<\/bdi><\/th><td data-minutes="(\d+)"/g)) out[m[1]] = Number(m[2]);
  const total = html.match(/class="spent-total" data-minutes="(\d+)"/);
  return { people: out, total: total ? Number(total[1]) : undefined };
}

test('minutes on replies, notes and work steps add up per person, in the table and its CSV', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  const agent = await A.desk('agent', L.addr(FILE, 2));
  const x = await A.createTicket({ subject: `${T} minutes` });
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'collab_add', { agent: A.PEOPLE.agent.id, role: '协助排查' });

  await sup.must(x.number, 'reply', { body: `${T} 已远程查看日志`, minutes: '30' });
  await sup.must(x.number, 'note', { body: `${T} 内部记录`, minutes: '15' });
  await agent.must(x.number, 'work', { kind: 'step', text: `${T} 重建索引`, old_serial: '', new_serial: '', minutes: '45' });
  await agent.must(x.number, 'note', { body: `${T} 无耗时的备注` });

  const bad = await sup.act(x.number, 'reply', { body: `${T} 保留的回复`, minutes: '90分钟' });
  assert.equal(bad.status, 422, 'a figure that is no whole number is refused');
  assert.match(A.strip(bad.body), /耗时须为 1 至 1440 的整数分钟/);
  assert.ok(bad.body.includes(`${T} 保留的回复`) && bad.body.includes('value="90分钟"'), 'the reply and the figure are kept');
  const big = await sup.act(x.number, 'work', { kind: 'step', text: 'x', minutes: '2000' });
  assert.equal(big.status, 422, 'more than a day in one entry is refused');

  const page = await sup.ticket(x.number);
  const s = spent(page.html);
  assert.deepEqual(s.people, { [A.PEOPLE.supervisor.name]: 45, [A.PEOPLE.agent.name]: 45 });
  assert.equal(s.total, 90);
  assert.match(A.strip(page.html), /工时 .*合计 1 小时 30 分/);

  const table = await sup.page(`/agent/progress?owner=${A.PEOPLE.supervisor.id}`);
  const row = A.parseRows(table.body).find((r) => r.number === x.number);
  assert.ok(row, 'the ticket is in the progress table');
  assert.match(row.html, /data-minutes="90"/);

  const csv = await sup.get(`/agent/progress.csv?owner=${A.PEOPLE.supervisor.id}`);
  const rows = parseCsv(csv.raw.subarray(3).toString('utf8'));
  const col = rows[0].indexOf('耗时（分钟）');
  assert.ok(col > 0, `the CSV has the column: ${rows[0].join(',')}`);
  const line = rows.find((r) => r[0] === x.number);
  assert.equal(line[col], '90');
  assert.ok(rows.slice(1).filter((r) => r.length > 1).every((r) => r.length === rows[0].length), 'every line has every column');

  const stats = await sup.get('/agent/stats?kind=week');
  assert.equal(stats.status, 200);
  const mine = (name) => {
    const m = stats.body.match(new RegExp(`<tr data-agent="${name}">[\\s\\S]*?class="n spent" data-minutes="(\\d+)"`));
    return m ? Number(m[1]) : undefined;
  };
  assert.ok(mine(A.PEOPLE.supervisor.name) >= 45, 'the statistics count the supervisor\'s minutes of the week');
  assert.ok(mine(A.PEOPLE.agent.name) >= 45, 'and the collaborator\'s, who owns no ticket');
});
