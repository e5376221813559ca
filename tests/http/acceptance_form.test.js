'use strict';
// The service acceptance form (服务验收单) is a document, not a text dump:
// the customer's organisation, the product and its serial number, the
// engineer, the service dates (reported, resolved, signed), the confirmed
// solution, the work log (steps, replaced parts with their serials), the
// result and signature lines for both sides; labels in the reader's
// language; archived as signed; linked from the closed ticket's page on the
// portal and in the workspace; printable on A4.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 245;
const T = A.tag('AF');
const ORG = `${T} 华东精密制造有限公司`;
const customer = L.client({ localAddress: L.addr(FILE, 2) });
const english = L.client({ localAddress: L.addr(FILE, 3) });
let sup;
let x;

const CJK = /[\u3400-\u9fff\uff08\uff09\uff1a]/;

/** The label texts (<dt>, <th>, headings, signature captions) of the form. */
function labels(html) {
  const doc = html.split('<article class="card signed-form doc">')[1].split('</article>')[0];
  return [...doc.matchAll(/<(dt|th|h1|h2|p class="sign-who"|span class="doc-label")[^>]*>([\s\S]*?)<\/(dt|th|h1|h2|p|span)>/g)]
    .map((m) => L.text(m[2]).trim()).filter(Boolean);
}

test.before(async () => {
  x = await A.createTicket({
    subject: `${T} 打印机卡纸`, product: 'LaserJet M607',
    customer: { name: '王小明', email: `af-${T.toLowerCase()}@example.com`, organisation: ORG },
  });
  sup = await A.desk('supervisor', L.addr(FILE, 1));
  await sup.must(x.number, 'claim');
  await sup.must(x.number, 'status', { to: 'in_progress' });
  await sup.must(x.number, 'work', { kind: 'backup', text: `${T} 更换前备份打印机配置`, old_serial: '', new_serial: '' });
  await sup.must(x.number, 'work', { kind: 'part_replaced', text: `${T} 更换定影组件`, old_serial: 'FU-OLD-001', new_serial: 'FU-NEW-778' });
  await sup.must(x.number, 'propose_solution', { delivery: 'onsite', steps: `${T} 上门更换定影组件`, expected: '打印恢复正常', risks: '停机约 1 小时' });
  const page = await customer.get(`/t/${x.token}`);
  const confirm = await customer.post(`/t/${x.token}/confirm`, { form: { csrf: L.hidden(page.body, 'csrf'), confirm_name: '王经理' } });
  assert.equal(confirm.status, 303);
  await sup.must(x.number, 'status', { to: 'resolved', reason: `${T} 打印测试 50 页正常` });
});

test('before signing, the follow page shows the whole form to check', async () => {
  const page = await customer.get(`/t/${x.token}`);
  const form = page.body.split('<div class="acceptance-form doc doc-inline">')[1].split('<form')[0];
  const text = L.text(form);
  for (const part of [ORG, 'LaserJet M607', A.PEOPLE.supervisor.name, `${T} 上门更换定影组件`, '上门服务', '王经理',
    `${T} 打印测试 50 页正常`, `${T} 更换前备份打印机配置`, '升级前备份', '更换部件', 'FU-OLD-001', 'FU-NEW-778', '报修时间', '解决时间'])
    assert.ok(text.includes(part), `the form shows ${part}`);
  assert.ok(!text.includes('签字'), 'no signature lines before it is signed');
});

test('signed: the archived form has every part, the three dates and both signature lines', async () => {
  const page = await customer.get(`/t/${x.token}`);
  const res = await customer.post(`/t/${x.token}/accept`, { form: { csrf: L.hidden(page.body, 'csrf'), result: 'accepted', remarks: `${T} 现场验收通过`, signed_name: '李主任' } });
  assert.equal(res.status, 303);
  const signed = await customer.get(`/t/${x.token}/acceptance`);
  assert.equal(signed.status, 200);
  const text = L.text(signed.body);
  for (const part of ['服务验收单', x.number, ORG, '王小明', 'LaserJet M607', '产品故障', A.PEOPLE.supervisor.name,
    `${T} 打印机卡纸`, `${T} 上门更换定影组件`, '王经理', `${T} 打印测试 50 页正常`, `${T} 更换定影组件`,
    'FU-OLD-001 → FU-NEW-778', '通过验收', `${T} 现场验收通过`, '李主任'])
    assert.ok(text.includes(part), `the signed form shows ${part}`);
  for (const label of ['客户单位', '联系人', '产品及版本', '序列号', '服务工程师', '报修时间', '解决时间', '签署时间', '处理记录', '验收结果'])
    assert.ok(labels(signed.body).includes(label), `labelled ${label}`);
  const doc = signed.body.split('<article class="card signed-form doc">')[1];
  const times = [...doc.matchAll(/<time[^>]*datetime="(\d{4}-\d\d-\d\dT[^"]+)"/g)];
  assert.ok(times.length >= 5, 'reported, resolved, signed, the confirmation and the work steps carry their times');
  const sign = doc.split('<div class="doc-sign">')[1];
  assert.ok(sign, 'a signature block');
  assert.equal((sign.match(/class="sign-box"/g) || []).length, 2, 'two sides sign');
  assert.equal((sign.match(/class="sign-line"/g) || []).length, 4, 'a signature and a date line on each side');
  assert.match(L.text(sign), /客户（验收方） 李主任/);
  assert.ok(L.text(sign).includes(`服务方 ${A.PEOPLE.supervisor.name}`));
});

test('in English every label is English', async () => {
  await english.get('/lang/en?back=/');
  const signed = await english.get(`/t/${x.token}/acceptance`);
  assert.equal(signed.status, 200);
  const l = labels(signed.body);
  for (const label of ['Service acceptance form', 'Customer organisation', 'Service engineer', 'Reported', 'Resolved',
    'Signed at', 'Problem description', 'Solution', 'Work done', 'Result', 'Service provider'])
    assert.ok(l.includes(label), `labelled ${label}: ${l.join(' | ')}`);
  const chinese = l.filter((s) => CJK.test(s));
  assert.deepEqual(chinese, [], 'no Chinese label on the English page');
  const text = L.text(signed.body);
  for (const v of ['Part replaced', 'Backup before upgrade', 'On-site visit', 'Accepted', 'Product fault'])
    assert.ok(text.includes(v), `coded values in English: ${v}`);
  assert.ok(text.includes(`${T} 更换定影组件`), 'what people wrote stays as written');
});

test('the form is archived as signed: a later change of the organisation does not alter it', async () => {
  A.setupSql(`UPDATE organisations SET name = '${T} 改名后的公司' WHERE name = '${ORG}'`);
  const signed = await customer.get(`/t/${x.token}/acceptance`);
  assert.ok(L.text(signed.body).includes(ORG), 'the name as it was when signed');
  assert.ok(!L.text(signed.body).includes('改名后的公司'));
});

test('the closed ticket links to its signed form, on the portal and in the workspace', async () => {
  const follow = await customer.get(`/t/${x.token}`);
  assert.match(follow.body, new RegExp(`<p class="archived-form">[\\s\\S]*?href="/t/${x.token}/acceptance"`));
  const t = await sup.ticket(x.number);
  assert.equal(t.res.status, 200);
  assert.match(t.html, new RegExp(`href="/agent/t/${x.number}/acceptance"`));
  const page = await sup.page(`/agent/t/${x.number}/acceptance`);
  assert.equal(page.status, 200);
  for (const part of [ORG, 'FU-OLD-001 → FU-NEW-778', '李主任', '服务方']) assert.ok(L.text(page.body).includes(part), part);
  assert.match(page.body, /<link rel="stylesheet" href="\/static\/doc\.css">/);
  // not for an agent who may not see the ticket, nor for a ticket never signed
  const trainer = await A.desk('trainer', L.addr(FILE, 4));
  assert.equal((await trainer.page(`/agent/t/${x.number}/acceptance`)).status, 404);
  const open = await A.createTicket({ subject: `${T} open` });
  assert.equal((await sup.page(`/agent/t/${open.number}/acceptance`)).status, 404);
  assert.equal((await customer.get(`/t/${open.token}/acceptance`)).status, 404);
  assert.ok(!(await customer.get(`/t/${open.token}`)).body.includes('archived-form'));
});

test('the print stylesheet sets A4 and keeps the parts together', async () => {
  const css = await customer.get('/static/doc.css');
  assert.equal(css.status, 200);
  const print = css.body.split('@media print')[1] || '';
  assert.match(print, /@page\s*{\s*size:\s*A4/);
  assert.match(print, /\.doc-sign[^}]*break-inside:\s*avoid/);
  const page = await customer.get(`/t/${x.token}/acceptance`);
  assert.match(page.body, /<link rel="stylesheet" href="\/static\/doc\.css">/);
  assert.match(page.body, /<p class="noprint doc-actions">/, 'the back link and the print button are not printed');
});

test('a form signed before documents were kept still shows as it was signed', async () => {
  const y = await A.createTicket({ subject: `${T} legacy` });
  await sup.must(y.number, 'claim');
  await sup.must(y.number, 'status', { to: 'in_progress' });
  await sup.must(y.number, 'status', { to: 'resolved', reason: `${T} 旧版验收` });
  const page = await customer.get(`/t/${y.token}`);
  await customer.post(`/t/${y.token}/accept`, { form: { csrf: L.hidden(page.body, 'csrf'), result: 'accepted', signed_name: '张三' } });
  A.setupSql(`UPDATE ticket_acceptances a JOIN tickets t ON t.id = a.ticket_id SET a.form_json = NULL WHERE t.number = '${y.number}'`);
  const signed = await customer.get(`/t/${y.token}/acceptance`);
  assert.equal(signed.status, 200);
  const text = L.text(signed.body);
  assert.ok(text.includes(`${T} 旧版验收`) && text.includes('张三') && text.includes('通过验收'), text.slice(0, 400));
});
