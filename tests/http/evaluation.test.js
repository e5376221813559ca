'use strict';
// The requirement evaluation report (需求评估报告) of a customisation
// request: a product manager writes it; work cannot start before the
// customer approves it (the domain refuses the move, from the workspace and
// the API alike); a decline keeps the revision and a revised one is approved
// on the follow page with the customer's name and time; an approval received
// by mail is recorded with its copy; every revision prints on A4.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');
const A = require('./agent_lib');
const C = require('./clock');

C.useTestInstant();

const FILE = 223;
const T = A.tag('EV');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const REPORT = {
  feasibility: 'partly', reasons: `${T} 现有接口支持订单导出，库存同步需新增接口`,
  effort: '12.5', cycle: '20', resources: '后端开发 2 人，测试 1 人，客户 ERP 测试环境',
  risks: '金蝶接口版本差异；客户测试环境就绪时间', schedule: '第1周 接口设计；第2-3周 开发；第4周 联调验收',
};

function multipart(fields, files = []) {
  const boundary = `----desk${crypto.randomBytes(8).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n`
      + 'Content-Type: application/octet-stream\r\n\r\n', 'utf8'), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}

const status = async (n) => (await A.api().api('GET', `/api/v1/tickets/${n}`)).json().status;

/** A customisation request the supervisor claimed (accepted, not started). */
async function request(sup, subject) {
  const x = await A.createTicket({ category: 'customisation', subject: `${T} ${subject}` });
  await sup.must(x.number, 'claim');
  assert.equal(await status(x.number), 'accepted');
  return x;
}

/** The PM's report: POST /act with action=evaluation. */
async function evaluate(pm, number, fields = REPORT) {
  return pm.act(number, 'evaluation', fields);
}

async function decide(token, form, n = 2) {
  const c = L.client({ localAddress: L.addr(FILE, n) });
  const page = await c.get(`/t/${token}`);
  const csrf = L.hidden(page.body, 'csrf');
  const res = await c.post(`/t/${token}/evaluation`, { form: { csrf, ...form } });
  return { c, page, res };
}

test('work waits for the approved evaluation; a decline, a revision, then the customer approves', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  const pm = await A.desk('pm', L.addr(FILE, 3));
  const x = await request(sup, '对接金蝶 ERP');

  const early = await sup.act(x.number, 'status', { to: 'in_progress' });
  assert.equal(early.status, 422, 'no work before an approved evaluation');
  assert.match(A.strip(early.body), /须经客户批准需求评估后方可开始开发/);
  const api = await A.api().api('PATCH', `/api/v1/tickets/${x.number}`, { status: 'in_progress' });
  assert.equal(api.status, 422, 'the API may not start it either');
  assert.equal(api.json().error.code, 'approval_required');
  assert.equal(await status(x.number), 'accepted');

  const notPm = await evaluate(sup, x.number);
  assert.equal(notPm.status, 403, 'only a product manager writes it');

  const bad = await evaluate(pm, x.number, { ...REPORT, effort: '十二', cycle: '0' });
  assert.equal(bad.status, 422);
  assert.match(A.strip(bad.body), /请以人天填写工作量/);
  assert.match(A.strip(bad.body), /请以整数天填写开发周期/);
  assert.ok(bad.body.includes(REPORT.reasons) && bad.body.includes(REPORT.schedule), 'what was typed is kept');

  const one = await evaluate(pm, x.number);
  assert.equal(one.status, 303, A.strip(one.body).slice(0, 300));
  assert.equal((await sup.act(x.number, 'status', { to: 'in_progress' })).status, 422, 'pending is not approved');

  const portal = await (L.client({ localAddress: L.addr(FILE, 2) })).get(`/t/${x.token}`);
  assert.match(A.strip(portal.body), /需求评估报告 \(版本 1\)/);
  assert.ok(A.strip(portal.body).includes('部分可行') && portal.body.includes('12.5'), 'the report as written');

  const noName = await decide(x.token, { decision: 'approve', eval_name: '' });
  assert.equal(noName.res.status, 422, 'a decision needs the name');
  const declined = await decide(x.token, { decision: 'decline', eval_name: '周杰', eval_reason: '工期太长，请压缩到三周' });
  assert.equal(declined.res.status, 303);
  assert.equal((await sup.act(x.number, 'status', { to: 'in_progress' })).status, 422, 'declined is not approved');

  const two = await evaluate(pm, x.number, { ...REPORT, feasibility: 'feasible', effort: '10', cycle: '15', schedule: '第1周 设计；第2-3周 开发联调' });
  assert.equal(two.status, 303);
  const approved = await decide(x.token, { decision: 'approve', eval_name: '周杰' });
  assert.equal(approved.res.status, 303);
  const after = await approved.c.get(approved.res.headers.location);
  assert.match(A.strip(after.body), /需求评估已批准/);
  const iso = after.body.match(/class="eval-decision decision-approved">[\s\S]*?<time datetime="([^"]+)"/);
  assert.ok(iso, 'the decision time is shown');
  assert.ok(Math.abs(Date.parse(iso[1]) - C.now()) < 5 * 60 * 1000, `decided at the stack's now: ${iso[1]}`);
  const again = await decide(x.token, { decision: 'decline', eval_name: '周杰' });
  assert.equal(again.res.status, 409, 'nothing waits for a decision any more');

  await sup.must(x.number, 'status', { to: 'in_progress' });
  assert.equal(await status(x.number), 'in_progress');

  const page = await sup.page(`/agent/t/${x.number}/evaluation`);
  const text = A.strip(page.body);
  assert.match(text, /版本 2 已批准/);
  assert.match(text, /版本 1 已拒绝/);
  assert.match(text, /工期太长，请压缩到三周/);
  assert.match(text, /确认人 周杰/);
  const print = await sup.page(`/agent/t/${x.number}/evaluation/print?rev=1`);
  assert.equal(print.status, 200);
  assert.match(A.strip(print.body), /需求评估报告/);
  assert.ok(print.body.includes('12.5') && print.body.includes('doc.css'), 'revision 1 as a document');
  const late = await evaluate(pm, x.number);
  assert.equal(late.status, 422, 'no revision after the approval');
});

test('an approval received by mail is recorded with its copy; then work may start', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 4));
  const pm = await A.desk('pm', L.addr(FILE, 5));
  const x = await request(sup, 'mail');
  assert.equal((await evaluate(pm, x.number)).status, 303);
  const send = async (files) => {
    const t = await sup.ticket(x.number);
    const m = multipart({ csrf: sup.csrf, version: t.version, action: 'evaluation_mail', decision: 'approve', name: '王经理', note: '12月7日邮件回复同意' }, files);
    return sup.client.request('POST', `/agent/t/${x.number}/act`, { body: m.body, headers: m.headers });
  };
  const bare = await send([]);
  assert.equal(bare.status, 422, 'a mail approval needs its copy');
  assert.equal((await sup.act(x.number, 'status', { to: 'in_progress' })).status, 422);
  const ok = await send([{ name: '客户批准邮件.pdf', data: PDF }]);
  assert.equal(ok.status, 303, A.strip(ok.body).slice(0, 300));
  const page = await sup.page(`/agent/t/${x.number}/evaluation`);
  assert.match(A.strip(page.body), /确认人 王经理 · \S+ \S+ · 邮件确认，登记人 服务主管 李强/);
  const t = await sup.ticket(x.number);
  assert.ok(t.html.includes('客户批准邮件.pdf'), 'the copy is attached to the ticket');
  await sup.must(x.number, 'status', { to: 'in_progress' });
});

test('other categories start work as before', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 6));
  const x = await A.createTicket({ subject: `${T} fault` });
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  const t = await sup.ticket(x.number);
  assert.ok(!t.html.includes('card-evaluation'), 'no evaluation card on a fault');
});
