'use strict';
// Helpers for the SLA / scheduler / outbox tests (tests/http/sla_*.test.js,
// tests/http/outbox_*.test.js), on top of lib.js and agent_lib.js.
//
//   setClock, resetClock, lockClock, unlockClock: clock.js (the stack's
//                              movable clock)
//   waitFor(fn, what, opts)    polls fn until it returns a truthy value
//   schedulerOnce()            one extra pass of build/scheduler --once
//   alertCounts(html)          the "SLA 时限提醒：..." lines of a ticket page
//   readMails(dir)             the RFC 5322 files of a maildir's new/, decoded
//   apiGet(number)             GET /api/v1/tickets/NUMBER (demo key)
//   fresh(role, address)       a newly signed-in Desk (after a big clock jump
//                              the old session has idled out)
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { execFileSync } = require('node:child_process');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

const MIN = 60;
const HOUR = 3600;

/* ---- the shiftable clock: clock.js ---------------------------------------- */

const { setClock, resetClock, clockOffset, lockClock, unlockClock } = C;

/* ---- polling -------------------------------------------------------------- */

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls fn (sync or async) every opts.interval ms (default 200) until it
 * returns a truthy value, which is returned; fails after opts.timeout ms
 * (default 30 s) naming what was awaited and the last value seen.
 */
async function waitFor(fn, what, opts = {}) {
  const timeout = L.slow(opts.timeout || 30000);
  const interval = opts.interval || 200;
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) {
      assert.fail(`timed out after ${timeout} ms waiting for ${what}` +
        (opts.describe ? `; last seen: ${opts.describe()}` : ''));
    }
    await sleep(interval);
  }
}

/* ---- the scheduler ---------------------------------------------------------- */

/** Runs one pass of a second scheduler (build/scheduler --once) against the
 * stack, synchronously; returns what it logged. */
function schedulerOnce(dir = L.TEST_VAR) {
  try {
    return execFileSync(path.join(L.BUILD, 'scheduler'),
      ['-c', path.join(dir, 'desk.hdf'), '--once'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
  } catch (e) {
    assert.fail(`build/scheduler --once failed (status ${e.status}): ${e.stderr || e.message}`);
  }
}

/* ---- SLA alerts on the agent ticket page ---------------------------------- */

/** The Chinese texts of the alerts (templates/lang/agent.zh.hdf L.Agent.Alert). */
const ALERT_TEXT = {
  classify_overdue: '分类已超时',
  accept_overdue: '签收已超过 30 分钟，已提醒主管',
  first_response_warning: '首次响应即将超时',
  first_response_breach: '首次响应已超时',
  resolution_warning: '解决即将超时',
  resolution_breach: '解决已超时',
  update_due: '该向客户更新进展了',
};

/** The SLA lines of a ticket page's history, as texts ("SLA 时限提醒：分类已超时"). */
function alertLines(html) {
  const thread = (html.match(/<ol class="thread">([\s\S]*?)<\/ol>/) || ['', ''])[1];
  const lines = [];
  for (const li of thread.split(/<li\b/).slice(1)) {
    const text = A.strip('<li' + li.split('</li>')[0]).replace(/\s*：\s*/g, '：');
    if (text.startsWith('SLA 时限提醒：')) lines.push(text);
  }
  return lines;
}

/** How many history lines each alert has: {first_response_warning: 1, ...}. */
function alertCounts(html) {
  const lines = alertLines(html);
  const out = {};
  for (const [code, t] of Object.entries(ALERT_TEXT)) {
    out[code] = lines.filter((l) => l.replace(/\s+\d{4}-\d\d-\d\d \d\d:\d\d$/, '') === `SLA 时限提醒：${t}`).length;
  }
  out.total = lines.length;
  return out;
}

/* ---- mail ------------------------------------------------------------------- */

/** Decodes RFC 2047 encoded-words (B and Q, UTF-8) in a header value. */
function decodeWords(v) {
  return v
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, cs, enc, data) => {
      const buf = enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return buf.toString(/utf-?8/i.test(cs) ? 'utf8' : 'latin1');
    });
}

/** Parses one RFC 5322 message: {headers (lower-case names), subject, to, messageId, body}. */
function parseMail(raw) {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const rawBody = m ? text.slice(m.index + m[0].length) : '';
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      const k = line.slice(0, i).trim().toLowerCase();
      const v = Buffer.from(line.slice(i + 1).trim(), 'latin1').toString('utf8');
      headers[k] = headers[k] === undefined ? v : `${headers[k]}\n${v}`;
    }
  }
  const cte = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  let body;
  if (cte === 'base64') body = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (cte === 'quoted-printable') {
    body = Buffer.from(rawBody.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (x, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  } else body = Buffer.from(rawBody, 'latin1').toString('utf8');
  body = body.replace(/\r\n/g, '\n');
  return {
    headers,
    subject: decodeWords(headers.subject || ''),
    to: headers.to || '',
    messageId: headers['message-id'] || '',
    body,
  };
}

const parsed = new Map(); // a maildir file never changes once in new/: parse it once

/** Every mail in DIR/new (default: the stack's catcher), parsed, with its file name. */
function readMails(dir = path.join(L.TEST_VAR, 'mail')) {
  const nd = path.join(dir, 'new');
  let names = [];
  try { names = fs.readdirSync(nd); } catch { return []; }
  const out = [];
  for (const f of names) {
    const full = path.join(nd, f);
    let m = parsed.get(full);
    if (!m) {
      let raw;
      try { raw = fs.readFileSync(full); } catch { continue; }
      m = { file: f, ...parseMail(raw) };
      parsed.set(full, m);
    }
    out.push(m);
  }
  return out;
}

/** Whether a parsed mail is addressed to addr (the To: header). */
function mailTo(m, addr) {
  return m.to.toLowerCase().split(/[,\s<>]+/).includes(addr.toLowerCase());
}

/* ---- API and people ------------------------------------------------------------ */

/** GET /api/v1/tickets/NUMBER with the demo key: the parsed document. */
async function apiGet(number) {
  const res = await A.api().api('GET', `/api/v1/tickets/${encodeURIComponent(number)}`);
  assert.equal(res.status, 200, `GET /api/v1/tickets/${number}: ${res.status} ${res.body.slice(0, 200)}`);
  return res.json();
}

/** A newly signed-in Desk for a demo person. */
function fresh(role, address) { return A.desk(role, address); }

/** An urgent ticket (impact company: the 7x24 calendar) through the API. */
async function urgentTicket(subject, extra = {}) {
  const x = await A.createTicket({ subject, impact: 'company', ...extra });
  const t = await apiGet(x.number);
  assert.equal(t.priority, 'urgent', `impact company makes ${x.number} urgent`);
  return { ...x, created: Date.parse(t.created_at), api: t };
}

/* ---- the seeded standard calendar, computed independently ------------------ */

const ZONE = 8 * 3600; // Asia/Shanghai: UTC+8 all year
const SPANS = [[9 * 60, 12 * 60], [13 * 60 + 30, 18 * 60]]; // minutes after local midnight

/** start (seconds since the epoch) + minutes of working time on the seeded
 * standard calendar (Mon-Fri 09:00-12:00 and 13:30-18:00 Asia/Shanghai, no
 * holidays): the earliest instant with exactly that much working time in
 * [start, due). Every working day there holds 450 minutes, so N working
 * days from any instant are businessDue(start, N * 450). */
function businessDue(start, minutes) {
  let left = minutes * 60;
  let day = Math.floor((start + ZONE) / 86400); // local date, days since 1970-01-01
  for (let i = 0; i < 3660; i++, day++) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    if (weekday === 0 || weekday === 6) continue;
    for (const [a, b] of SPANS) {
      const from = Math.max(start, day * 86400 + a * 60 - ZONE);
      const to = day * 86400 + b * 60 - ZONE;
      if (from >= to) continue;
      if (to - from >= left) return from + left;
      left -= to - from;
    }
  }
  throw new Error('no due within ten years');
}

/** "2026-12-02 10:00" (Asia/Shanghai) of an instant in seconds. */
function local(seconds) {
  return new Date((seconds + ZONE) * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Seconds since the epoch of an ISO instant. */
function secs(iso) { return Math.round(Date.parse(iso) / 1000); }

/* ---- a throwaway stack of one's own ----------------------------------------------- */

/** Plain HTTP against any base URL (for a stack other than DESK_BASE_URL). */
function request(base, method, p, { json, key, timeout = 20000 } = {}) {
  const u = new URL(base);
  const body = json === undefined ? null : Buffer.from(JSON.stringify(json), 'utf8');
  const headers = {};
  if (body) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = body.length; }
  if (key) headers.Authorization = `Bearer ${key}`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: p, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode, headers: res.headers, body: text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.setTimeout(timeout, () => req.destroy(new Error(`timeout: ${method} ${p}`)));
    req.on('error', reject);
    if (body) req.end(body); else req.end();
  });
}

/** Whether nothing listens on 127.0.0.1:port (and the port can be bound). */
function portFree(port) {
  return new Promise((resolve) => {
    const s = require('node:net').createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

module.exports = {
  MIN, HOUR, setClock, resetClock, clockOffset, lockClock, unlockClock, sleep, waitFor, schedulerOnce,
  ALERT_TEXT, alertLines, alertCounts, decodeWords, parseMail, readMails, mailTo,
  apiGet, fresh, urgentTicket, secs, request, portFree, businessDue, local,
};
