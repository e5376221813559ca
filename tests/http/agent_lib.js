'use strict';
// Helpers for the agent workspace tests (tests/http/agent_*.test.js), on top
// of the shared lib.js (client, cookie jar, forms, API).
//
//   signIn(client, login, password)      the login form, with its csrf cookie
//   desk(role, localAddress)             a signed-in Desk (admin, supervisor,
//                                        agent, trainer)
//   Desk#ticket(number)                  the ticket page, parsed
//   Desk#act(number, action, fields)     POST .../act with csrf and version
//   Desk#queue(kind, params)             a queue page, parsed
//   apiTicket / createTicket             tickets through the JSON API
//   setupSql(statement)                  MariaDB, for SETUP ONLY (passwords,
//                                        moving deadlines into the past);
//                                        results are always read over HTTP.
const assert = require('node:assert/strict');
const path = require('node:path');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');
const L = require('./lib');

/* ---- setup through the stack's MariaDB (never to check results) ------- */

function setupSql(statement) {
  return execFileSync('mariadb', ['--no-defaults', `--socket=${path.join(L.TEST_VAR, 'run', 'mysqld.sock')}`,
    '-uroot', '-N', '-B', 'desk', '-e', statement], { encoding: 'utf8' });
}

/** Gives LOGIN the demo agent's password and clears its sign-in counters
 * and usual addresses. */
function sharePassword(login) {
  if (!/^[a-z]+$/.test(login)) throw new Error('bad login');
  setupSql(`UPDATE agents a JOIN (SELECT password_hash h FROM agents WHERE login = 'agent') s
            SET a.password_hash = s.h WHERE a.login = '${login}';
            DELETE FROM signin_throttle WHERE login = '${login}';
            DELETE s FROM signin_sources s JOIN agents a ON a.id = s.agent_id WHERE a.login = '${login}'`);
}

function passwordOf(role) {
  const c = L.credentials();
  switch (role) {
    case 'admin': return c.ADMIN_PASSWORD;
    case 'supervisor': return c.SUPERVISOR_PASSWORD;
    case 'agent': return c.AGENT_PASSWORD;
    case 'trainer': case 'pm': return c.AGENT_PASSWORD; // after sharePassword()
    default: throw new Error(`no such demo person ${role}`);
  }
}

/** Demo people and their display names / team ids. */
const PEOPLE = {
  admin: { name: '系统管理员 王敏', id: 1 },
  supervisor: { name: '服务主管 李强', id: 2 },
  agent: { name: '售后工程师 张伟', id: 3, team: 1 },
  trainer: { name: '培训专员 陈静', id: 4, team: 2 },
  pm: { name: '产品经理 刘洋', id: 5, team: 4 },
};
const TEAMS = { aftersales: 1, training: 2, supervisors: 3, product: 4 };
const CATEGORIES = { fault: 1, usage: 2, complaint: 3, customisation: 4 };
const PRIORITIES = { urgent: 1, important: 2, general: 3, low: 4 };

/* ---- sign-in ------------------------------------------------------------ */

/** Opens the login form and posts it; resolves to the POST response. */
async function signIn(client, login, password, extra = {}) {
  const form = await client.get('/agent/login');
  assert.equal(form.status, 200, 'GET /agent/login');
  const csrf = L.hidden(form.body, 'csrf');
  assert.ok(csrf, 'the login form has a csrf field');
  return client.post('/agent/login', { form: { csrf, back: L.hidden(form.body, 'back') || '/agent/', login, password, ...extra } });
}

function sidCookie(res) {
  return (res.setCookies || []).find((s) => s.startsWith('sid='));
}

/* ---- parsing -------------------------------------------------------------- */

function decode(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}
function strip(html) { return decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim(); }

/** The rows of a queue (or progress) table. */
function parseRows(html) {
  const rows = [];
  const body = html.split('<tbody>')[1];
  if (!body) return rows;
  for (const tr of body.split('</tbody>')[0].split(/<tr\b/).slice(1)) {
    const cells = (tr.match(/<td\b[^>]*>[\s\S]*?<\/td>/g) || []);
    const num = tr.match(/href="\/agent\/t\/([^"]+)"/);
    const due = tr.match(/<span class="sla sla-(\w+)"(?: title="([^"]*)")?/);
    rows.push({
      number: num ? decodeURIComponent(num[1]) : undefined,
      cells: cells.map(strip),
      status: (tr.match(/class="status st-(\w+)"/) || [])[1],
      priority: (tr.match(/class="badge prio-(\w*)"/) || [])[1],
      dueState: due ? due[1] : undefined,
      due: due && due[2] ? decode(due[2]) : undefined,
      met: [...tr.matchAll(/class="met met-(\w+)"/g)].map((m) => m[1]),
      html: tr,
    });
  }
  return rows;
}

/** The "next page" link of a queue page, decoded, or undefined. */
function nextLink(html) {
  const m = html.match(/<p class="pager"><a href="([^"]+)"/);
  return m ? decode(m[1]) : undefined;
}

/** The queue counts of the left column: {unassigned: '3', ...}. */
function navCounts(html) {
  const out = {};
  const nav = (html.match(/<nav class="queues"[\s\S]*?<\/nav>/) || [''])[0];
  for (const m of nav.matchAll(/href="\/agent\/q\/(\w+)"[^>]*>[\s\S]*?<span class="count[^"]*">([^<]*)<\/span>/g)) out[m[1]] = decode(m[2]);
  return out;
}

/** What a ticket page shows. */
function parseTicket(html) {
  const head = (html.match(/<div class="ticket-head">[\s\S]*?<\/div>/) || [''])[0];
  const ownerCard = (html.match(/<section class="card card-owner">\s*<h2>[^<]*<\/h2>\s*<p>([\s\S]*?)<\/p>/) ||
    html.match(/<h2>负责人<\/h2>\s*<p>([\s\S]*?)<\/p>/) || ['', ''])[1];
  const thread = (html.match(/<ol class="thread">([\s\S]*?)<\/ol>/) || ['', ''])[1];
  const flash = html.match(/<div class="flash" role="status">([\s\S]*?)<\/div>/);
  const alert = html.match(/<div class="alert" role="alert">([\s\S]*?)<\/div>/);
  const clocks = {};
  const dl = (html.match(/<dl class="clocks">([\s\S]*?)<\/dl>/) || ['', ''])[1];
  for (const m of dl.matchAll(/<dt>([^<]*)<\/dt><dd>([\s\S]*?)<\/dd>/g)) {
    const t = m[2].match(/<time datetime="([^"]*)">/);
    const st = m[2].match(/class="sla sla-(\w+)"/);
    clocks[decode(m[1])] = { text: strip(m[2]), iso: t ? t[1] : undefined, state: st ? st[1] : undefined };
  }
  return {
    version: L.hidden(html, 'version'),
    status: (head.match(/class="status st-(\w+)"/) || [])[1],
    priority: (head.match(/class="badge prio-(\w*)"/) || [])[1],
    head: strip(head),
    owner: strip(ownerCard),
    thread: strip(thread),
    threadHtml: thread,
    flash: flash ? strip(flash[1]) : undefined,
    alert: alert ? strip(alert[1]) : undefined,
    clocks,
    text: strip(html.replace(/<script[\s\S]*?<\/script>/g, '')),
    forms: [...html.matchAll(/<form[^>]*class="act act-(\w+)"/g)].map((m) => m[1]),
    nature: dd(html, '问题性质'),
  };
}

/** The value of the first <dt>LABEL</dt><dd>...</dd> pair (text). */
function dd(html, label) {
  const m = html.match(new RegExp(`<dt>${label}</dt>\\s*<dd[^>]*>([\\s\\S]*?)</dd>`));
  return m ? strip(m[1]) : undefined;
}

/** The content of textarea ID (decoded). */
function textarea(html, id) {
  const m = html.match(new RegExp(`<textarea[^>]*id="${id}"[^>]*>([\\s\\S]*?)</textarea>`));
  return m ? decode(m[1]) : undefined;
}

/** The value of the input NAME inside the form of act-ACTION. */
function formInput(html, action, name) {
  const f = html.match(new RegExp(`<form[^>]*class="act act-${action}"[\\s\\S]*?</form>`));
  if (!f) return undefined;
  const m = f[0].match(new RegExp(`<input[^>]*name="${name}"[^>]*>`));
  if (!m) return undefined;
  const v = m[0].match(/value="([^"]*)"/);
  return v ? decode(v[1]) : '';
}

/* ---- a signed-in person ---------------------------------------------- */

class Desk {
  constructor(client, login) {
    this.client = client;
    this.login = login;
    this.csrf = undefined;
  }

  get(p) { return this.client.get(p); }

  /** GET a page and remember its csrf token. */
  async page(p) {
    const res = await this.client.get(p);
    const c = L.hidden(res.body, 'csrf');
    if (c) this.csrf = c;
    return res;
  }

  /** The ticket page: {res, ...parseTicket}. */
  async ticket(number, query = '') {
    const res = await this.page(`/agent/t/${encodeURIComponent(number)}${query}`);
    return { res, html: res.body, ...parseTicket(res.body) };
  }

  /** POST an action. fields.version: undefined = read it from the page now. */
  async act(number, action, fields = {}) {
    const f = { ...fields };
    if (f.version === undefined) {
      const t = await this.ticket(number);
      assert.equal(t.res.status, 200, `GET ticket ${number} before ${action}`);
      f.version = t.version;
    }
    if (!this.csrf) await this.page('/agent/q/mine');
    const form = { csrf: this.csrf, action, ...f };
    if (fields.csrf === null) delete form.csrf;
    return this.client.post(`/agent/t/${encodeURIComponent(number)}/act`, { form });
  }

  /** An action that must succeed: 303 to ?done=ACTION; resolves to the page after it. */
  async must(number, action, fields = {}) {
    const res = await this.act(number, action, fields);
    assert.equal(res.status, 303, `${this.login} ${action} on ${number}: expected 303, got ${res.status}: ${errorOf(res.body)}`);
    assert.equal(res.headers.location, `/agent/t/${number}?done=${action}`);
    const t = await this.ticket(number, `?done=${action}`);
    assert.equal(t.res.status, 200);
    return t;
  }

  /** A queue page: {res, rows, next, counts}. */
  async queue(kind, params = {}) {
    const qs = new URLSearchParams(params).toString();
    const res = await this.page(`/agent/q/${kind}${qs ? '?' + qs : ''}`);
    return { res, rows: parseRows(res.body), next: nextLink(res.body), counts: navCounts(res.body) };
  }

  /** Numbers of a queue (first page) filtered by keyword q. */
  async numbers(kind, params = {}) {
    const q = await this.queue(kind, params);
    assert.equal(q.res.status, 200, `GET /agent/q/${kind}`);
    return q.rows.map((r) => r.number);
  }
}

function errorOf(html) {
  const t = parseTicket(html || '');
  return t.alert || (html || '').slice(0, 200);
}

/** A signed-in Desk for a demo person from its own address. */
async function desk(role, localAddress) {
  if (role === 'trainer' || role === 'pm') sharePassword(role);
  const client = L.client({ localAddress });
  const res = await signIn(client, role, passwordOf(role));
  assert.equal(res.status, 303, `sign-in of ${role}: ${res.status} ${strip(res.body).slice(0, 200)}`);
  const d = new Desk(client, role);
  await d.page('/agent/q/mine');
  assert.ok(d.csrf, `${role}: the page carries a csrf token`);
  return d;
}

/* ---- tickets through the API ----------------------------------------- */

let apiClient;
function api() {
  if (!apiClient) apiClient = L.client({ localAddress: '127.0.0.1' });
  return apiClient;
}

/** A unique marker for subjects (keyword filters keep tests apart). */
function tag(prefix = 'AG') {
  return `${prefix}${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
}

const FIELDS = {
  fault: { fault_kind: 'software', symptoms: 'Export fails', reproduce: '1. open 2. export' },
  usage: { question_kind: 'howto' },
  complaint: { complaint_kind: 'slow', event_time: '2026-01-05T10:30' },
  customisation: { request_kind: 'integration', business_goal: 'Sync orders to ERP' },
};

/**
 * Creates a ticket through the API: createTicket({category, subject, impact,
 * customer, fields, ...}). Resolves to {number, link, token, body}.
 */
async function createTicket(opts = {}) {
  const category = opts.category || 'fault';
  const body = {
    subject: opts.subject || `agent test ${tag()}`,
    description: opts.description || 'Created by the agent workspace tests.',
    category,
    impact: opts.impact || 'department',
    product: 'DeskPro 5',
    customer: opts.customer || { name: '测试客户', email: `c-${tag().toLowerCase()}@example.com` },
    fields: opts.fields || FIELDS[category],
  };
  for (const k of ['priority', 'product', 'keywords', 'error_message']) if (opts[k] !== undefined) body[k] = opts[k];
  const res = await api().api('POST', '/api/v1/tickets', body);
  assert.equal(res.status, 201, `API create: ${res.status} ${res.body.slice(0, 300)}`);
  const j = res.json();
  const token = new URL(j.link).pathname.replace(/^\/t\//, '');
  return { number: j.number, link: j.link, token, body };
}

module.exports = {
  setupSql, sharePassword, passwordOf, PEOPLE, TEAMS, CATEGORIES, PRIORITIES,
  signIn, sidCookie, parseRows, nextLink, navCounts, parseTicket, textarea, formInput,
  strip, decode, dd, Desk, desk, api, tag, createTicket, FIELDS,
};
