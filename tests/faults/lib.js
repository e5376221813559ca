'use strict';
// Fault tests (tests/faults/*.test.js, `make test-faults`): each starts a
// throwaway stack of its own with conf/dev/run.sh (its own datadir under
// /tmp, ports in 19200-19990), puts it under load from API and portal
// clients, breaks one part of it, and afterwards checks what the desk
// promises (README "Reliability"):
//   - every acknowledged ticket (API 201/200, portal 303) exists exactly
//     once, under the number the client was given;
//   - no answer said "nothing was stored" for a ticket that was stored;
//   - ticket numbers are unique and gapless in each period;
//   - every ticket has its creation event and its "ticket_created" mail,
//     and every mail reached the mail server (a second copy only where the
//     outbox recorded a hand-over it never saw confirmed).
// Figures (recovery times, failed answers) are reported with
// t.diagnostic() as "figure: ..." lines, which tests/faults/run.sh collects.
//
// DESK_FAULT_ROOT runs the stacks from another checkout's build and
// conf/dev/run.sh; DESK_FAULT_BUILD runs this checkout's conf/dev/run.sh with
// the programs of another build directory (to see these tests fail on a
// build without the fixes).
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');

const ROOT = process.env.DESK_FAULT_ROOT || path.join(__dirname, '..', '..');
const BUILD = process.env.DESK_FAULT_BUILD || path.join(ROOT, 'build');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; fails after timeout ms. */
async function waitFor(fn, what, { timeout = 30000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) assert.fail(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A port P with P, P+1 and P+25 free, in 19200-19990. */
async function freePorts() {
  const start = 19200 + 30 * Math.floor(Math.random() * 26);
  for (let i = 0; i < 27; i++) {
    const port = 19200 + ((start - 19200 + 30 * i) % 780);
    if (await portFree(port) && await portFree(port + 1) && await portFree(port + 25)) return port;
  }
  throw new Error('no free ports for a throwaway stack in 19200-19990');
}

/* ---- processes ----------------------------------------------------------- */

function procStatus(pid) {
  try { return fs.readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { return ''; }
}

/** Whether pid is a running process (not gone, not a zombie). */
function alive(pid) {
  const st = procStatus(pid);
  return st !== '' && !/^State:\s+Z/m.test(st);
}

/** The living children of pid. */
function children(pid) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = procStatus(d);
    const m = /^PPid:\s+(\d+)/m.exec(st);
    if (m && Number(m[1]) === pid && !/^State:\s+Z/m.test(st)) out.push(Number(d));
  }
  return out;
}

/** Every living process whose command line names file (a program of a stack). */
function processesOf(binary, confPath) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd;
    try { cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (cmd[0] === binary && cmd.includes(confPath) && alive(d)) out.push(Number(d));
  }
  return out;
}

/* ---- HTTP ----------------------------------------------------------------- */

/** One request; resolves {status (0 on a network error), headers, body, ms, error}. */
function request(base, method, p, { json, body, headers = {}, key, timeout = 40000 } = {}) {
  const u = new URL(base);
  const h = { ...headers };
  let data = null;
  if (json !== undefined) { data = Buffer.from(JSON.stringify(json)); h['Content-Type'] = 'application/json'; }
  else if (body !== undefined) data = Buffer.isBuffer(body) ? body : Buffer.from(body);
  if (data) h['Content-Length'] = data.length;
  else if (method === 'POST') h['Content-Length'] = 0;
  if (key) h.Authorization = `Bearer ${key}`;
  const t0 = Date.now();
  return new Promise((resolve) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: p, headers: h, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers,
        body: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - t0, start: t0 }));
      res.on('error', (e) => resolve({ status: 0, error: e.message, body: '', ms: Date.now() - t0, start: t0 }));
    });
    req.setTimeout(timeout, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: e.message, body: '', ms: Date.now() - t0, start: t0 }));
    if (data) req.end(data); else req.end();
  });
}

function jsonOf(res) { try { return JSON.parse(res.body); } catch { return null; } }

/** application/x-www-form-urlencoded */
function formBody(fields) {
  return Object.entries(fields).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

function hidden(html, name) {
  const m = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`));
  const v = m && m[0].match(/value="([^"]*)"/);
  return v ? v[1] : undefined;
}

/* ---- a throwaway stack ---------------------------------------------------- */

class Stack {
  /**
   * Starts conf/dev/run.sh in a new directory. opts.env adds to its
   * environment (an object, or a function of the directory);
   * opts.prepare(dir) runs before it starts (a tmpfs to mount, a proxy to
   * start).
   */
  static async start(name, opts = {}) {
    const port = await freePorts();
    const dir = fs.mkdtempSync(`/tmp/desk-fault-${name}-`);
    const template = process.env.DESK_FAULT_TEMPLATE;
    if (template) copyTemplate(template, dir);
    const s = new Stack(name, dir, port);
    if (opts.prepare) await opts.prepare(dir, s);
    const out = fs.openSync(path.join(dir, 'stack.log'), 'a');
    s.proc = spawn('bash', [path.join(ROOT, 'conf', 'dev', 'run.sh')], {
      env: {
        ...process.env, DESK_VAR: dir, PORT: String(port), DESK_ACCESS_LOG: 'off', DESK_TEST_CLOCK: '1',
        DESK_SCHEDULER_SECONDS: '1', DESK_RATE_EXEMPT: '127.0.0.1', DESK_BUFFER_POOL: '64M',
        DESK_WORKERS: '4', DESK_API_WORKERS: '8', DESK_ADMIN_WORKERS: '1', DESK_BUILD: BUILD,
        ...(typeof opts.env === 'function' ? opts.env(dir) : opts.env || {}),
      },
      stdio: ['ignore', out, out],
      detached: true,
    });
    fs.closeSync(out);
    // tests/faults/run.sh stops what a file killed by its time limit left
    if (process.env.DESK_FAULT_STACKS) fs.appendFileSync(process.env.DESK_FAULT_STACKS, `${s.proc.pid} ${dir}\n`);
    s.exited = new Promise((resolve) => s.proc.once('exit', (code, sig) => resolve({ code, sig })));
    await waitFor(async () => {
      if (s.proc.exitCode !== null) assert.fail(`the stack stopped: ${s.stackLog().slice(-1500)}`);
      return (await s.get('/api/v1/health', { timeout: 2000 })).status === 200 &&
        (await s.get('/health', { timeout: 2000 })).status === 200;
    }, `a throwaway stack on ${s.base}`, { timeout: 90000, interval: 250 });
    s.key = fs.readFileSync(path.join(dir, 'dev-credentials'), 'utf8').match(/^API_KEY=(.+)$/m)[1].trim();
    return s;
  }

  constructor(name, dir, port) {
    this.name = name;
    this.dir = dir;
    this.port = port;
    this.smtpPort = port + 25;
    this.base = `http://127.0.0.1:${port}`;
    this.conf = path.join(dir, 'desk.hdf');
  }

  get(p, opts = {}) { return request(this.base, 'GET', p, opts); }
  post(p, opts = {}) { return request(this.base, 'POST', p, opts); }
  api(method, p, json, opts = {}) { return request(this.base, method, p, { json, key: this.key, ...opts }); }

  /** Rows (arrays of strings) of a query run as root in the stack's database. */
  sql(q) {
    const out = execFileSync('mariadb', ['--no-defaults', `--socket=${path.join(this.dir, 'run', 'mysqld.sock')}`,
      '-uroot', '-N', '-B', 'desk', '-e', q], { encoding: 'utf8', timeout: 30000 });
    return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
  }

  /** The pid of a part's process (conf/dev/run.sh writes run/NAME.pid). */
  pid(part) {
    try { return Number(fs.readFileSync(path.join(this.dir, 'run', `${part}.pid`), 'utf8')); } catch { return 0; }
  }

  /** The workers of a program: the children of its master. */
  workers(program) { return children(this.pid(program)); }

  /** Every living process of a program's binary for this stack (master, workers, orphans). */
  processes(program) { return processesOf(path.join(BUILD, program), this.conf); }

  /** Keeps a part stopped while held (conf/dev/run.sh: run/hold/NAME). */
  hold(part, on) {
    const f = path.join(this.dir, 'run', 'hold', part);
    if (on) fs.writeFileSync(f, ''); else fs.rmSync(f, { force: true });
  }

  log(part) {
    try { return fs.readFileSync(path.join(this.dir, 'log', `${part}.log`), 'utf8'); } catch { return ''; }
  }

  /** Lines in the programs' logs (log/*.log but MariaDB's and nginx's):
   * {requests: one per request served, other: the rest}. */
  logLines() {
    const n = { requests: 0, other: 0 };
    for (const f of fs.readdirSync(path.join(this.dir, 'log'))) {
      if (!f.endsWith('.log') || /^(mariadb|nginx|smtp)/.test(f)) continue;
      for (const line of fs.readFileSync(path.join(this.dir, 'log', f), 'utf8').split('\n')) {
        if (line === '') continue;
        if (/ info req=\S+ [A-Z]+ \S+ \d{3} /.test(line)) n.requests++; else n.other++;
      }
    }
    return n;
  }

  /** The log lines of a program's log after byte offset from. */
  logSince(part, from) { return this.log(part).slice(from); }

  stackLog() {
    try { return fs.readFileSync(path.join(this.dir, 'stack.log'), 'utf8'); } catch { return ''; }
  }

  /** Database connections of the desk's user, as MariaDB counts them. */
  connections() {
    return Number(this.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'desk'")[0][0]);
  }

  /** Moves the stack's clock (Clock.OffsetFile) seconds from real time. */
  setClock(seconds) {
    const file = path.join(this.dir, 'clock-offset');
    fs.writeFileSync(`${file}.tmp`, `${Math.round(seconds)}\n`);
    fs.renameSync(`${file}.tmp`, file);
  }

  /** Waits until the stack answers its health checks again; the ms it took. */
  async backUp(timeout = 60000) {
    const t0 = Date.now();
    await waitFor(async () => (await this.get('/api/v1/health', { timeout: 2000 })).status === 200 &&
      (await this.get('/health', { timeout: 2000 })).status === 200, 'the stack to answer again', { timeout, interval: 50 });
    return Date.now() - t0;
  }

  /** Stops the stack (SIGTERM to run.sh, which stops every part) and removes
   * its directory (kept with DESK_FAULT_KEEP=1). */
  async stop({ keep = Boolean(process.env.DESK_FAULT_KEEP) } = {}) {
    // a test that failed half-way leaves its load running: end it
    for (const load of Load.all) if (load.stack === this) load.running = false;
    if (this.proc && this.proc.exitCode === null && this.proc.signalCode === null) {
      try { process.kill(this.proc.pid, 'SIGTERM'); } catch { /* gone */ }
      let timer;
      const done = await Promise.race([this.exited,
        new Promise((resolve) => { timer = setTimeout(() => resolve(null), 40000); })]);
      clearTimeout(timer);
      if (!done) { try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* gone */ } }
    }
    for (const prog of ['portal', 'api', 'agent', 'admin', 'hello', 'scheduler']) {
      for (const pid of this.processes(prog)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    }
    const mnt = path.join(this.dir, 'attachments');
    try { execFileSync('mountpoint', ['-q', mnt]); execFileSync('umount', [mnt]); } catch { /* not mounted */ }
    if (!keep) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A stack's directory after its first start (MariaDB initialised, schema
 * migrated, demo data, keys), stopped cleanly: tests/faults/run.sh makes one
 * and each stack starts from a copy of it (DESK_FAULT_TEMPLATE), which saves
 * each one the ten seconds of initialising and migrating.
 */
async function makeTemplate(dir) {
  const s = await Stack.start('template');
  await s.stop({ keep: true });
  // Stack.start made its own directory; the template is that one
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(s.dir, dir);
}

function copyTemplate(from, to) {
  execFileSync('cp', ['-a', `${from}/.`, to]);
  for (const d of ['run', 'log', 'mail/new', 'mail/cur', 'nginx/tmp']) {
    fs.rmSync(path.join(to, d), { recursive: true, force: true });
  }
  for (const f of ['desk.hdf', 'config.stamp', 'clock-offset', 'stack.log']) fs.rmSync(path.join(to, f), { force: true });
}

/* ---- load ---------------------------------------------------------------- */

const PORTAL_SAVE_FAILED = '未创建任何工单'; // zh.hdf Err.save_failed: "no ticket was created"
const PORTAL_SAVE_UNKNOWN = '暂时无法确认'; // Err.save_unknown

/**
 * Clients creating tickets, as a careful integrator and a patient person
 * would: each submission has its own subject, customer address and key
 * (Idempotency-Key; the portal form's submit key); an answer that leaves
 * the outcome open (no answer, 502, 504, 503 outcome_unknown, the portal's
 * "cannot tell") is followed by the same submission again, with the same
 * key, until it is answered; "nothing was stored" (503 unavailable, the
 * portal's "no ticket was created") ends the submission, to be checked
 * against the database afterwards. opts: api, portal (client counts), pause
 * (ms between submissions of one client).
 */
class Load {
  constructor(stack, { api = 4, portal = 2, pause = 0, tag, maxMs = 120000 } = {}) {
    Load.all.push(this);
    this.stack = stack;
    this.maxMs = maxMs; // no load runs longer, whatever happens to its test
    this.tag = tag || `F${crypto.randomBytes(3).toString('hex')}`;
    this.counts = { api, portal };
    this.pause = pause;
    this.subs = [];
    this.running = false;
    this.loops = [];
  }

  start() {
    this.running = true;
    this.deadline = Date.now() + this.maxMs;
    for (let i = 0; i < this.counts.api; i++) this.loops.push(this.loop('api', i));
    for (let i = 0; i < this.counts.portal; i++) this.loops.push(this.loop('portal', i));
    return this;
  }

  /** Stops new submissions and waits for those in flight to be answered. */
  async stop() {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
    return this;
  }

  /** Submissions answered with a ticket (their count grows while the load runs). */
  acked() { return this.subs.filter((s) => s.number || s.token); }

  async loop(via, i) {
    for (let n = 0; this.running && Date.now() < this.deadline; n++) {
      const sub = {
        via, subject: `${this.tag} ${via} c${i} n${n}`, email: `${this.tag}-${via}${i}-${n}@example.com`.toLowerCase(),
        key: crypto.randomBytes(12).toString('hex'), answers: [],
      };
      this.subs.push(sub);
      await (via === 'api' ? this.submitApi(sub) : this.submitPortal(sub));
      if (this.pause) await sleep(this.pause);
    }
  }

  /** An answer that leaves the outcome open: send the same submission again. */
  static open(status) { return status === 0 || status === 502 || status === 504; }

  async submitApi(sub) {
    const body = {
      subject: sub.subject, description: `fault test ${this.tag}`, category: 'fault', impact: 'department',
      product: 'Storage array', customer: { name: 'Fault Test', email: sub.email },
      fields: { fault_kind: 'hardware', symptoms: 'disk full', reproduce: 'n/a' },
    };
    for (let attempt = 0; attempt < 60; attempt++) {
      const res = await this.stack.api('POST', '/api/v1/tickets', body, { headers: { 'Idempotency-Key': sub.key } });
      const j = jsonOf(res);
      const code = j && j.error ? j.error.code : null;
      sub.answers.push({ status: res.status, code, ms: res.ms, at: res.start });
      if ((res.status === 201 || res.status === 200) && j && j.number) { sub.number = j.number; return; }
      if (res.status === 503 && code === 'unavailable') { sub.nothingStored = true; await sleep(100); return; }
      if (!(Load.open(res.status) || (res.status === 503 && code === 'outcome_unknown') || res.status === 429)) {
        sub.refused = `${res.status} ${res.body.slice(0, 200)}`;
        return;
      }
      await sleep(200);
    }
  }

  async submitPortal(sub) {
    let form;
    for (let attempt = 0; attempt < 60 && !form; attempt++) {
      const res = await this.stack.get('/new/fault');
      const cookie = (res.headers && res.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
      if (res.status === 200 && hidden(res.body, 'csrf')) form = { cookie, csrf: hidden(res.body, 'csrf'), key: hidden(res.body, 'submit_key') };
      else await sleep(200);
    }
    if (!form) { sub.refused = 'the form did not open'; return; }
    sub.key = form.key;
    const fields = {
      csrf: form.csrf, submit_key: form.key, contact_name: '故障测试', email: sub.email, product: 'DeskPro 5',
      subject: sub.subject, description: `fault test ${this.tag}`, impact: 'department',
      cf_fault_kind: 'software', cf_symptoms: 'Error 500', cf_reproduce: '1. open 2. export',
    };
    for (let attempt = 0; attempt < 60; attempt++) {
      const res = await this.stack.post('/new/fault', {
        body: formBody(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: form.cookie },
      });
      sub.answers.push({ status: res.status, ms: res.ms, at: res.start });
      if (res.status === 303) { sub.token = /^\/t\/([^?]+)/.exec(res.headers.location)[1]; return; }
      if (res.status === 503 && res.body.includes(PORTAL_SAVE_FAILED)) { sub.nothingStored = true; await sleep(100); return; }
      if (!(Load.open(res.status) || (res.status === 503 && res.body.includes(PORTAL_SAVE_UNKNOWN)))) {
        sub.refused = `${res.status} ${res.body.slice(0, 200)}`;
        return;
      }
      await sleep(200);
    }
  }

  /** Counts of the answers: {status or status/code: n}. */
  answerCounts() {
    const out = {};
    for (const s of this.subs) for (const a of s.answers) {
      const k = a.code ? `${a.status} ${a.code}` : String(a.status);
      out[k] = (out[k] || 0) + 1;
    }
    return out;
  }
}

Load.all = [];

/* ---- mail ----------------------------------------------------------------- */

/** The Message-IDs of the mails in a maildir's new/, with how often each came. */
function maildirIds(dir) {
  const out = new Map();
  let names = [];
  try { names = fs.readdirSync(path.join(dir, 'new')); } catch { return out; }
  for (const f of names) {
    let head;
    try { head = fs.readFileSync(path.join(dir, 'new', f), 'latin1').split(/\r?\n\r?\n/)[0]; } catch { continue; }
    const m = /^Message-ID:\s*(<[^>]+>)/mi.exec(head);
    if (m) out.set(m[1], (out.get(m[1]) || 0) + 1);
  }
  return out;
}

/* ---- the promises ------------------------------------------------------------ */

/** The scheduler's log lines about outbox message id (at most 4). */
function outboxLogLines(stack, id) {
  const re = new RegExp(`outbox: message ${Number(id)}\\b`);
  return stack.log('scheduler').split('\n').filter((l) => re.test(l)).slice(-4);
}

/** One outbox row, told as a failure message needs it. */
function outboxStory(stack, r) {
  const lines = outboxLogLines(stack, r.id);
  return `outbox ${r.id} (${r.kind}${r.number ? ` of ticket ${r.number}` : ''}): status ${r.status} after ${r.attempts} attempt(s), ` +
    `${r.unconfirmed} unconfirmed hand-over(s)${r.lastError ? `, last error "${r.lastError}"` : ''}` +
    (lines.length ? `; scheduler log: ${lines.map((l) => JSON.stringify(l)).join(' | ')}` : '; nothing about it in the scheduler log');
}

/** Waits until the outbox holds nothing that is due or being sent; when it
 * does not, fails naming what is left and why. */
async function outboxDrained(stack, timeout = 60000) {
  const left = () => stack.sql("SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= UTC_TIMESTAMP() + INTERVAL 1 DAY")[0][0];
  try {
    await waitFor(() => left() === '0', 'the outbox to be delivered', { timeout, interval: 250 });
  } catch (e) {
    const rows = outboxRows(stack, "o.status IN ('pending', 'sending')").slice(0, 5);
    assert.fail(`promise broken: every mail is delivered within the outbox's bounded time: after ${timeout} ms ${left()} undelivered, e.g. ` +
      rows.map((r) => `${outboxStory(stack, r)}, next attempt ${r.next} (now ${r.now})`).join('; '));
  }
}

/** Outbox rows (with their ticket's number) matching where. */
function outboxRows(stack, where = '1') {
  return stack.sql(`SELECT o.id, o.kind, COALESCE(t.number, ''), o.status, o.attempts, COALESCE(o.unconfirmed_handovers, 0),
      REPLACE(REPLACE(COALESCE(o.last_error, ''), '\t', ' '), '\n', ' '), o.next_attempt_at, UTC_TIMESTAMP()
    FROM outbox o LEFT JOIN tickets t ON t.id = o.ticket_id WHERE ${where} ORDER BY o.id`).map((r) => ({
    id: Number(r[0]), kind: r[1], number: r[2], status: r[3], attempts: Number(r[4]), unconfirmed: Number(r[5]),
    lastError: r[6], next: r[7], now: r[8],
  }));
}

/* The promises checkPromises holds the stack to, each named in the message
 * of a failure together with the tickets and mails that broke it. */
const PROMISE = {
  acked: 'an acknowledged submission is stored exactly once, under the number the client was given',
  nothingStored: 'no answer says "nothing was stored" about a stored ticket',
  open: 'a submission left open is stored at most once',
  refused: 'no submission of the load is refused',
  numbers: 'ticket numbers are unique and gapless from 1 in each period',
  created: 'each ticket has exactly one creation event',
  queued: 'each ticket of the load has exactly one ticket_created mail queued',
  sent: 'every queued mail is delivered (status sent)',
  arrived: 'every mail reached the mail server',
  once: 'a mail arrives twice only where its row counts an unconfirmed hand-over (a second copy per count at most)',
};

/**
 * Checks every promise against the database and the mail server, and
 * returns the facts found; fails with one message naming each promise
 * broken and, for each, the submissions, tickets and mails that broke it
 * (answers, outbox row, the scheduler's log lines about it). mails: a Map of
 * Message-ID -> copies received (default: the stack's catcher); checkMail
 * false skips the mail checks.
 */
function checkPromises(stack, load, { mails, checkMail = true } = {}) {
  const broken = new Map(); // promise -> details
  const breach = (promise, detail) => {
    if (!broken.has(promise)) broken.set(promise, []);
    broken.get(promise).push(detail);
  };
  const rows = stack.sql(`SELECT t.id, t.number, t.subject, t.submit_key,
      (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'created'),
      (SELECT COUNT(*) FROM outbox o WHERE o.ticket_id = t.id AND o.kind = 'ticket_created')
    FROM tickets t`);
  const bySubject = new Map();
  for (const r of rows) {
    const list = bySubject.get(r[2]) || [];
    list.push({ id: r[0], number: r[1], key: r[3], created: Number(r[4]), mails: Number(r[5]) });
    bySubject.set(r[2], list);
  }
  const answers = (s) => JSON.stringify(s.answers.map((a) => (a.code ? `${a.status} ${a.code}` : a.status)));
  const facts = { tickets: rows.length, acked: 0, nothingStored: 0, open: 0 };
  for (const s of load.subs) {
    const got = bySubject.get(s.subject) || [];
    const stored = `stored ${got.length} time(s)${got.length ? ` as ${got.map((t) => t.number).join(', ')}` : ''}`;
    if (s.number || s.token) {
      facts.acked++;
      if (got.length !== 1) breach(PROMISE.acked, `${s.via} "${s.subject}" acknowledged as ${s.number || s.token}, ${stored}; answers ${answers(s)}`);
      else if (s.number && got[0].number !== s.number) breach(PROMISE.acked, `${s.via} "${s.subject}" was given ${s.number}, stored as ${got[0].number}`);
    } else if (s.nothingStored) {
      facts.nothingStored++;
      if (got.length !== 0) breach(PROMISE.nothingStored, `${s.via} "${s.subject}" was answered "nothing was stored", ${stored}; answers ${answers(s)}`);
    } else {
      facts.open++;
      if (got.length > 1) breach(PROMISE.open, `${s.via} "${s.subject}" ${stored}; answers ${answers(s)}`);
    }
    if (s.refused) breach(PROMISE.refused, `${s.via} "${s.subject}": ${s.refused}`);
  }
  const periods = new Map();
  for (const r of rows) {
    const m = /^(.*\D)(\d+)$/.exec(r[1]);
    if (!m) { breach(PROMISE.numbers, `ticket ${r[0]} has no number of the form PREFIX + digits: "${r[1]}"`); continue; }
    const list = periods.get(m[1]) || [];
    list.push(Number(m[2]));
    periods.set(m[1], list);
  }
  for (const [p, list] of periods) {
    list.sort((a, b) => a - b);
    const missing = [];
    const doubled = [];
    for (let i = 0, want = 1; i < list.length; i++) {
      if (i > 0 && list[i] === list[i - 1]) { doubled.push(list[i]); continue; }
      while (want < list[i] && missing.length < 20) missing.push(want++);
      want = list[i] + 1;
    }
    if (missing.length) breach(PROMISE.numbers, `period ${p}: sequence numbers missing ${missing.join(', ')} (${list.length} tickets, highest ${list[list.length - 1]})`);
    if (doubled.length) breach(PROMISE.numbers, `period ${p}: sequence numbers given twice ${doubled.join(', ')}`);
  }
  for (const r of rows) if (Number(r[4]) !== 1) breach(PROMISE.created, `ticket ${r[1]} ("${r[2]}") has ${r[4]} creation events`);
  for (const s of load.subs) {
    for (const t of bySubject.get(s.subject) || []) {
      if (t.mails !== 1) breach(PROMISE.queued, `ticket ${t.number} ("${s.subject}") has ${t.mails} ticket_created mails queued`);
    }
  }
  if (checkMail) {
    const got = mails || maildirIds(path.join(stack.dir, 'mail'));
    const out = outboxRows(stack);
    const domain = 'localhost';
    facts.mails = out.length;
    facts.duplicates = 0;
    facts.unconfirmed = 0;
    for (const r of out) {
      const copies = got.get(`<desk.outbox.${r.id}@${domain}>`) || 0;
      facts.unconfirmed += r.unconfirmed;
      if (r.status !== 'sent') breach(PROMISE.sent, outboxStory(stack, r));
      if (copies < 1) breach(PROMISE.arrived, `${outboxStory(stack, r)}; 0 copies arrived`);
      if (copies - 1 > r.unconfirmed) breach(PROMISE.once, `${outboxStory(stack, r)}; ${copies} copies arrived, under one Message-ID`);
      facts.duplicates += Math.max(0, copies - 1);
    }
  }
  if (broken.size) {
    const text = [...broken].map(([promise, details]) => `promise broken: ${promise}: ${details.length} case(s): ` +
      `${details.slice(0, 5).join('; ')}${details.length > 5 ? `; and ${details.length - 5} more` : ''}`);
    assert.fail(text.join('\n'));
  }
  return facts;
}

/** Per-phase latency figures of the successful answers of a load. */
function latencies(load, from = 0, to = Infinity) {
  const ms = [];
  for (const s of load.subs) for (const a of s.answers) {
    if (a.at >= from && a.at < to && (a.status === 201 || a.status === 200 || a.status === 303)) ms.push(a.ms);
  }
  ms.sort((a, b) => a - b);
  const q = (f) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(f * ms.length))] : 0);
  return { n: ms.length, p50: q(0.5), p99: q(0.99), max: ms.length ? ms[ms.length - 1] : 0 };
}

/** The longest time (ms) within [from, to] with no successful answer
 * arriving: how long creation stood still. */
function longestStill(load, from, to) {
  const ends = [];
  for (const s of load.subs) for (const a of s.answers) {
    const end = a.at + a.ms;
    if (end >= from && end <= to && (a.status === 201 || a.status === 200 || a.status === 303)) ends.push(end);
  }
  ends.sort((a, b) => a - b);
  let last = from;
  let worst = 0;
  for (const e of ends) { worst = Math.max(worst, e - last); last = e; }
  return Math.max(worst, to - last);
}

/** The first successful answer that started after t (ms), or null. */
function firstSuccessAfter(load, t) {
  let best = null;
  for (const s of load.subs) for (const a of s.answers) {
    if (a.at >= t && (a.status === 201 || a.status === 200 || a.status === 303) && (!best || a.at + a.ms < best)) best = a.at + a.ms;
  }
  return best;
}

module.exports = {
  ROOT, BUILD, longestStill, sleep, waitFor, freePorts, portFree, alive, children, request, jsonOf, formBody, hidden,
  Stack, Load, makeTemplate, maildirIds, outboxDrained, checkPromises, latencies, firstSuccessAfter,
  PORTAL_SAVE_FAILED, PORTAL_SAVE_UNKNOWN,
};
