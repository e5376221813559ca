'use strict';
// Shared helpers for the black-box HTTP tests (Node 20 built-ins only).
//
// Environment:
//   DESK_BASE_URL   the stack under test, e.g. http://127.0.0.1:18080
//   DESK_TEST_VAR   its var directory (dev-credentials, desk.hdf)
//   DESK_ROOT       the repository
//   DESK_BUILD      where its programs are, inside it (default build; make
//                   test-sanitize: build-san)
//
// nginx limits POSTs per client address (30/min, burst 20), so every test
// file sends from its own loopback addresses: addr(FILE, N, G) =
// 127.FILE.(2*RUN+G).N, where RUN is picked at random per process so that
// running the suite again within a minute starts with fresh limits.
// Every 127.x.y.z address is loopback on Linux, no setup needed.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const BASE = new URL(process.env.DESK_BASE_URL || 'http://127.0.0.1:8080');
const TEST_VAR = process.env.DESK_TEST_VAR || path.join(__dirname, '..', '..', 'var');
const ROOT = process.env.DESK_ROOT || path.join(__dirname, '..', '..');
const BUILD = path.resolve(ROOT, process.env.DESK_BUILD || 'build');

const RUN = Math.floor(Math.random() * 127);

/** ms stretched by DESK_TEST_SLOW (make test-sanitize: 3), for the waits on
 * the scheduler's work: the sanitized programs are slower. */
function slow(ms) {
  return ms * Number(process.env.DESK_TEST_SLOW || 1);
}

/** A loopback source address of its own: 127.<file>.<2*RUN+group>.<n>, group 0 or 1. */
function addr(file, n = 1, group = 0) {
  if (file < 1 || file > 254 || n < 1 || n > 254 || (group !== 0 && group !== 1)) throw new Error('bad address');
  return `127.${file}.${2 * RUN + group}.${n}`;
}

function credentials() {
  const text = fs.readFileSync(path.join(TEST_VAR, 'dev-credentials'), 'utf8');
  const out = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

let cachedKey;
function apiKey() {
  if (!cachedKey) cachedKey = credentials().API_KEY;
  if (!cachedKey) throw new Error(`no API_KEY in ${TEST_VAR}/dev-credentials`);
  return cachedKey;
}

/** Creates another API key (label, grants such as 'all' or 'priority:set')
 * with deskctl; returns the key text. */
function newApiKey(label, ...grants) {
  const out = execFileSync(path.join(BUILD, 'deskctl'),
    ['-c', path.join(TEST_VAR, 'desk.hdf'), 'api-key', label, ...grants], { encoding: 'utf8' });
  const m = out.match(/dk_[A-Za-z0-9_-]+/);
  if (!m) throw new Error(`deskctl api-key printed no key: ${out}`);
  return m[0];
}

/** Percent-encodes a value; a Buffer is encoded byte by byte (raw bytes). */
function encodeValue(v) {
  if (Buffer.isBuffer(v)) {
    let s = '';
    for (const b of v) {
      const c = String.fromCharCode(b);
      s += /[A-Za-z0-9._~-]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return s;
  }
  return encodeURIComponent(String(v)).replace(/%20/g, '+');
}

/** application/x-www-form-urlencoded from an object or [name, value] pairs. */
function formEncode(fields) {
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  return pairs
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeValue(v)}`)
    .join('&');
}

class Client {
  /** opts.localAddress: the source address of every request. */
  constructor(opts = {}) {
    this.localAddress = opts.localAddress;
    this.jar = new Map();
  }

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  storeCookies(setCookies) {
    for (const sc of setCookies || []) {
      const first = sc.split(';')[0];
      const i = first.indexOf('=');
      if (i < 0) continue;
      const name = first.slice(0, i).trim();
      const value = first.slice(i + 1).trim();
      if (/;\s*max-age=0\b/i.test(sc) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  /**
   * request(method, path, opts): opts.headers, opts.form (object or pairs),
   * opts.json (any value, serialised), opts.body (string or Buffer, raw),
   * opts.cookies (false: send none), opts.timeout (ms).
   * Resolves to {status, headers, body, raw, json(), setCookies}.
   */
  request(method, urlPath, opts = {}) {
    const headers = { ...(opts.headers || {}) };
    let body = null;
    if (opts.form !== undefined) {
      body = Buffer.from(formEncode(opts.form), 'latin1');
      headers['Content-Type'] = headers['Content-Type'] || 'application/x-www-form-urlencoded';
    } else if (opts.json !== undefined) {
      body = Buffer.from(JSON.stringify(opts.json), 'utf8');
      headers['Content-Type'] = headers['Content-Type'] || 'application/json';
    } else if (opts.body !== undefined) {
      body = Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, 'utf8');
    }
    if (body) headers['Content-Length'] = body.length;
    else if (method === 'POST' || method === 'PATCH') headers['Content-Length'] = 0;
    if (opts.cookies !== false && this.jar.size && !headers.Cookie) headers.Cookie = this.cookieHeader();
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: BASE.hostname,
        port: BASE.port || 80,
        method,
        path: urlPath,
        headers,
        agent: false,
        localAddress: this.localAddress,
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const setCookies = res.headers['set-cookie'] || [];
          this.storeCookies(setCookies);
          const text = raw.toString('utf8');
          resolve({
            status: res.statusCode,
            headers: res.headers,
            raw,
            body: text,
            setCookies,
            json() {
              try { return JSON.parse(text); } catch (e) {
                throw new Error(`not JSON (status ${res.statusCode}): ${text.slice(0, 300)}`);
              }
            },
          });
        });
        res.on('error', reject);
      });
      req.setTimeout(opts.timeout || 20000, () => req.destroy(new Error(`timeout: ${method} ${urlPath}`)));
      req.on('error', (e) => {
        // the server may answer (413) and close before reading a large body
        if (opts.allowEarlyClose && (e.code === 'EPIPE' || e.code === 'ECONNRESET')) return;
        reject(e);
      });
      if (body) req.end(body); else req.end();
    });
  }

  get(p, opts) { return this.request('GET', p, opts); }
  post(p, opts) { return this.request('POST', p, opts); }

  /** Portal form page: GET /new/KIND; returns {res, csrf, submitKey}. */
  async openForm(kind) {
    const res = await this.get(`/new/${kind}`);
    return { res, csrf: hidden(res.body, 'csrf'), submitKey: hidden(res.body, 'submit_key') };
  }

  /** Opens the form and posts it with fields (defaults + overrides). */
  async submit(kind, overrides = {}) {
    const f = await this.openForm(kind);
    if (f.res.status !== 200) throw new Error(`GET /new/${kind} answered ${f.res.status}`);
    const fields = { csrf: f.csrf, submit_key: f.submitKey, ...validFields(kind), ...overrides };
    const res = await this.post(`/new/${kind}`, { form: fields });
    return { res, fields, csrf: f.csrf, submitKey: f.submitKey };
  }

  /** A valid submission, followed to its page; returns {number, token, page}. */
  async createTicket(kind = 'fault', overrides = {}) {
    const { res } = await this.submit(kind, overrides);
    if (res.status !== 303) throw new Error(`POST /new/${kind} answered ${res.status}: ${res.body.slice(0, 500)}`);
    const loc = res.headers.location;
    const page = await this.get(loc);
    return { number: receiptNumber(page.body), token: tokenOf(loc), location: loc, page };
  }

  /** JSON API call with the demo key unless opts.key is given (null: no header). */
  api(method, p, json, opts = {}) {
    const headers = { ...(opts.headers || {}) };
    const key = opts.key === undefined ? apiKey() : opts.key;
    if (key !== null) headers.Authorization = `Bearer ${key}`;
    const o = { headers, cookies: false };
    if (json !== undefined) o.json = json;
    if (opts.body !== undefined) { o.body = opts.body; headers['Content-Type'] = 'application/json'; }
    return this.request(method, p, o);
  }
}

function client(opts) { return new Client(opts); }

/** The value of the hidden input NAME in html. */
function hidden(html, name) {
  const re = new RegExp(`<input[^>]*name="${name}"[^>]*>`);
  const m = html.match(re);
  if (!m) return undefined;
  const v = m[0].match(/value="([^"]*)"/);
  return v ? v[1] : undefined;
}

/** The ticket number on a receipt or follow page. */
function receiptNumber(html) {
  const m = html.match(/<code[^>]*\bid="ticket-number"[^>]*>\s*([^<\s]+)\s*<\/code>/) ||
    html.match(/<code[^>]*>\s*(\d{6,8}-?\d{3,})\s*<\/code>/);
  return m ? m[1] : undefined;
}

function tokenOf(location) {
  const m = /^\/t\/([^?]+)/.exec(location || '');
  return m ? m[1] : undefined;
}

/** Today in the desk's time zone as YYYYMMDD. */
function todayShanghai(d = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(d);
  const get = (t) => parts.find((p) => p.type === t).value;
  return `${get('year')}${get('month')}${get('day')}`;
}

const NUMBER_RE = /^(\d{8})-(\d{4,})$/;
function serial(number) {
  const m = NUMBER_RE.exec(number || '');
  if (!m) throw new Error(`not a ticket number: ${number}`);
  return Number(m[2]);
}
function period(number) {
  const m = NUMBER_RE.exec(number || '');
  return m ? m[1] : undefined;
}

/** Asserts that b is the ticket right after a (same day), i.e. nothing was created in between. */
function assertNext(assert, a, b, msg) {
  assert.equal(period(b), period(a), `same day (${a} / ${b})`);
  assert.equal(serial(b), serial(a) + 1, msg || `${b} should follow ${a} directly`);
}

/** Valid form fields for each portal category. */
function validFields(kind, tag = '') {
  const common = {
    contact_name: '测试用户',
    email: 'tester@example.com',
    product: 'DeskPro 5',
    subject: `HTTP test ${kind} ${tag}`.trim(),
    description: 'Something happened during the automated test.',
    impact: 'department',
  };
  switch (kind) {
    case 'fault':
      return { ...common, cf_fault_kind: 'software', cf_symptoms: 'Error 500 on export', cf_reproduce: '1. open 2. export' };
    case 'usage':
      return { ...common, impact: 'individual', cf_question_kind: 'howto' };
    case 'complaint':
      return { ...common, cf_complaint_kind: 'slow', cf_event_time: '2026-01-05T10:30' };
    case 'customisation':
      return { ...common, impact: 'none', cf_request_kind: 'integration', cf_business_goal: 'Sync orders to ERP' };
    default:
      return common;
  }
}

/** A valid API creation body. */
function apiTicket(overrides = {}) {
  return {
    subject: 'Monitoring alert: disk full',
    description: 'Disk usage 98% on host db-1',
    category: 'fault',
    impact: 'department',
    product: 'Storage array',
    customer: { name: 'Monitoring', email: 'ops@example.com' },
    fields: { fault_kind: 'hardware', symptoms: 'disk full', reproduce: 'n/a' },
    ...overrides,
  };
}

/** The visible text of a page: tags dropped, common entities decoded, spaces collapsed. */
function text(html) {
  return html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

/** Whether the form page shows an error message next to field NAME. */
function hasFieldError(html, name) {
  // <p class="error" id="e-NAME"> (any attribute order); or, for choice
  // fields, a <p class="error"> inside the fieldset holding inputs named NAME.
  const tags = html.match(/<p\b[^>]*>/g) || [];
  if (tags.some((t) => /\bclass="[^"]*\berror\b[^"]*"/.test(t) && t.includes(`id="e-${name}"`))) return true;
  const fs = html.split(/<fieldset/).find((chunk) => chunk.includes(`name="${name}"`) && /class="field choice/.test(chunk));
  return !!fs && /<p class="error"/.test(fs.split('</fieldset>')[0]);
}

/** Attribute-safe HTML escape as ClearSilver's html escaping does it. */
function htmlEscape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

module.exports = {
  BASE, TEST_VAR, ROOT, BUILD, slow, addr, client, credentials, apiKey, newApiKey, formEncode,
  hidden, receiptNumber, tokenOf, todayShanghai, serial, period, assertNext,
  validFields, apiTicket, hasFieldError, htmlEscape, text, NUMBER_RE,
};
