'use strict';
// A solution confirmation that reaches the desk outside the portal: the agent
// records who confirmed and how, with the copy of the email or signed paper
// attached (a call needs a note); the ticket moves to execution exactly as a
// portal confirmation does. And a customer may ask to close an open ticket.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 151;
const T = A.tag('CR');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

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

async function record(desk, number, fields, files) {
  const t = await desk.ticket(number);
  const m = multipart({ csrf: desk.csrf, version: t.version, action: 'record_confirmation', ...fields }, files);
  return desk.client.request('POST', `/agent/t/${number}/act`, { body: m.body, headers: m.headers });
}

async function proposed(desk, subject) {
  const x = await A.createTicket({ subject });
  await desk.must(x.number, 'claim');
  await desk.must(x.number, 'status', { to: 'in_progress' });
  await desk.must(x.number, 'propose_solution', {
    delivery: 'remote', steps: '1. 远程连接 2. 安装补丁', expected: '导出恢复正常', risks: '需重启服务约 5 分钟',
  });
  return x;
}

const status = async (number) => (await A.api().api('GET', `/api/v1/tickets/${number}`)).json().status;

test('a confirmation by email is recorded with its copy and moves the ticket to execution', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 1));
  const x = await proposed(sup, `${T} email`);
  const page = await sup.ticket(x.number);
  assert.match(page.html, /登记客户确认/, 'the action is offered while the plan waits');

  const bare = await record(sup, x.number, { via: 'email', name: '王经理', note: '' }, []);
  assert.equal(bare.status, 422, 'a written confirmation needs its copy');
  assert.match(A.strip(bare.body), /副本/);
  assert.equal(await status(x.number), 'solution_proposed', 'nothing changed');

  const res = await record(sup, x.number, { via: 'email', name: '王经理', note: '11月25日邮件回复同意' },
    [{ name: '客户确认邮件.pdf', data: PDF }]);
  assert.equal(res.status, 303, A.strip(res.body).slice(0, 300));
  assert.equal(await status(x.number), 'in_execution');
  const row = A.setupSql(`SELECT s.state, s.confirmed_name, s.confirmed_via, s.recorded_by, s.confirmed_text = s.proposal_text
    FROM ticket_solutions s JOIN tickets t ON t.id = s.ticket_id WHERE t.number = '${x.number}'`).trim().split('\t');
  assert.deepEqual(row, ['confirmed', '王经理', 'email', String(A.PEOPLE.supervisor.id), '1']);
  const file = A.setupSql(`SELECT a.filename, e.kind FROM attachments a JOIN ticket_events e ON e.id = a.event_id
    JOIN tickets t ON t.id = a.ticket_id WHERE t.number = '${x.number}'`).trim();
  assert.equal(file, '客户确认邮件.pdf\tsolution_confirmed', 'the copy is kept on the confirmation');
  const after = await sup.ticket(x.number);
  assert.match(A.strip(after.html), /客户已确认方案 王经理 · 邮件回复/);
  assert.match(after.html, /客户确认邮件\.pdf/);
  const customer = await L.client({ localAddress: L.addr(FILE, 2) }).get(`/t/${x.token}`);
  assert.match(A.strip(customer.body), /客户已确认方案: 王经理 · 邮件回复/, 'the customer sees it was recorded');
});

test('a confirmation by phone needs a note of the call; nothing waits once confirmed', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 3));
  const x = await proposed(sup, `${T} phone`);
  const bare = await record(sup, x.number, { via: 'phone', name: '赵工', note: '' }, []);
  assert.equal(bare.status, 422);
  const ok = await record(sup, x.number, { via: 'phone', name: '赵工', note: '10:05 来电确认，同意周五实施' }, []);
  assert.equal(ok.status, 303);
  assert.equal(await status(x.number), 'in_execution');
  const again = await record(sup, x.number, { via: 'phone', name: '赵工', note: '再次' }, []);
  assert.notEqual(again.status, 303, 'nothing is left to confirm');
});

test('another team\'s agent cannot record a confirmation', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 4));
  const x = await proposed(sup, `${T} forbidden`);
  const other = await A.desk('trainer', L.addr(FILE, 5));
  await other.page('/agent/q/mine');
  const m = multipart({ csrf: other.csrf, version: 0, action: 'record_confirmation', via: 'phone', name: 'x', note: 'y' });
  const res = await other.client.request('POST', `/agent/t/${x.number}/act`, { body: m.body, headers: m.headers });
  assert.notEqual(res.status, 303);
  assert.equal(await status(x.number), 'solution_proposed');
});

test('the customer asks to close an open ticket; the owner sees it in the thread', async () => {
  const sup = await A.desk('supervisor', L.addr(FILE, 6));
  const x = await A.createTicket({ subject: `${T} close` });
  await sup.must(x.number, 'claim');
  const c = L.client({ localAddress: L.addr(FILE, 7) });
  const page = await c.get(`/t/${x.token}`);
  assert.match(page.body, /申请关闭工单/);
  const csrf = L.hidden(page.body, 'csrf');
  const none = await c.post(`/t/${x.token}/close`, { form: { close_reason: 'x' } });
  assert.equal(none.status, 422, 'no csrf, no request');
  const res = await c.post(`/t/${x.token}/close`, { form: { csrf, close_reason: `${T} 重启后已恢复，可以关闭` } });
  assert.equal(res.status, 303);
  const after = await c.get(res.headers.location);
  assert.match(after.body, /已收到您的关闭申请/);
  const agentPage = await sup.ticket(x.number);
  assert.match(A.strip(agentPage.html), new RegExp(`客户申请关闭 .* ${T} 重启后已恢复，可以关闭`));
});
