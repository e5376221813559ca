'use strict';
// A note or reply refused because the page's csrf token expired comes back
// on the same page with the typed text still in its box and a message that
// says nothing was saved; nothing is stored until it is sent again.
const test = require('node:test');
const assert = require('node:assert/strict');
const L = require('./lib');
const A = require('./agent_lib');

const FILE = 172;
const T = A.tag('CK');
let agent;

test.before(async () => {
  agent = await A.desk('agent', L.addr(FILE, 1));
});

for (const [action, box] of [['note', 'note-body'], ['reply', 'reply-body']]) {
  test(`a ${action} with a stale csrf token keeps its text`, async () => {
    const x = await A.createTicket({ subject: `${T} ${action}` });
    await agent.must(x.number, 'claim');
    const typed = `${T} 第一行 <b>not markup</b>\n第二行：客户说 50% 的导出失败`;
    const res = await agent.act(x.number, action, { body: typed, csrf: 'B'.repeat(43) });
    assert.equal(res.status, 422);
    assert.equal(A.textarea(res.body, box), typed, 'the text is back in its box');
    assert.match(L.text(res.body), /页面已过期/);
    assert.match(L.text(res.body), /内容已保留/, 'the message says the text was kept');
    assert.ok(!(await agent.ticket(x.number)).thread.includes(T), 'nothing stored');
    // sent again from the page it came back on, it is saved
    const again = await agent.act(x.number, action, { body: A.textarea(res.body, box) });
    assert.equal(again.status, 303);
    assert.ok((await agent.ticket(x.number)).thread.includes(`${T} 第一行`));
  });
}

test('a reason typed into a refused assign or priority form is kept too', async () => {
  const x = await A.createTicket({ subject: `${T} reason` });
  await agent.must(x.number, 'claim');
  const res = await agent.act(x.number, 'priority', { priority: A.PRIORITIES.urgent, reason: `${T} 全厂停线`, csrf: '' });
  assert.equal(res.status, 422);
  assert.equal(A.formInput(res.body, 'priority', 'reason'), `${T} 全厂停线`);
});
