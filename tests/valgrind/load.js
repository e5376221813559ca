'use strict';
// Mixed requests for tests/valgrind/run.sh: the portal (pages, a form sent
// wrong and right, a ticket's page, a reply, an unknown path), the JSON API
// (tickets created, read, commented, a broken body, an unknown ticket) and
// the agent workspace (queues, a ticket, a search), in rounds, until COUNT
// requests are done. Prints one JSON line: requests per program and per
// status. Every request must get an answer; statuses are the program's own.
//
//   node tests/valgrind/load.js COUNT       (DESK_BASE_URL, DESK_TEST_VAR)
const L = require('../http/lib');
const A = require('../http/agent_lib');

const want = Number(process.argv[2] || 1000);
const counts = { portal: 0, api: 0, agent: 0, statuses: {} };
let done = 0;

async function hit(prog, p) {
  const res = await p;
  counts[prog]++;
  counts.statuses[res.status] = (counts.statuses[res.status] || 0) + 1;
  done++;
  if (res.status >= 500) throw new Error(`${prog}: ${res.status} ${res.body.slice(0, 200)}`);
  return res;
}

/** The demo agent, signed in once: the password hash takes minutes under
 * valgrind, hence the long wait. */
async function signedInAgent() {
  const c = L.client({ localAddress: '127.0.0.1' });
  const form = await c.get('/agent/login');
  const res = await c.post('/agent/login', {
    form: { csrf: L.hidden(form.body, 'csrf'), back: '/agent/', login: 'agent', password: A.passwordOf('agent') },
    timeout: 900000,
  });
  if (res.status !== 303) throw new Error(`sign-in: ${res.status}`);
  return new A.Desk(c, 'agent');
}

async function main() {
  const portal = L.client({ localAddress: '127.0.0.1' });
  const api = L.client({ localAddress: '127.0.0.1' });
  const agent = await signedInAgent();
  let round = 0;
  let token;
  let number;
  while (done < want) {
    round++;
    const mark = `VG${round}`;
    await hit('portal', portal.get('/'));
    const f = await portal.openForm('fault');
    counts.portal++; done++;
    const fields = { csrf: f.csrf, submit_key: f.submitKey, ...L.validFields('fault', mark) };
    await hit('portal', portal.post('/new/fault', { form: { ...fields, subject: '' } }));
    if (round % 5 === 1) {
      const res = await hit('portal', portal.post('/new/fault', { form: fields }));
      if (res.status === 303) token = L.tokenOf(res.headers.location);
    }
    if (token) {
      const page = await hit('portal', portal.get(`/t/${token}`));
      const csrf = L.hidden(page.body, 'csrf');
      if (round % 4 === 0 && csrf) {
        await hit('portal', portal.post(`/t/${token}/reply`, { form: { csrf, body: `补充 ${mark}` } }));
      }
    }
    await hit('portal', portal.get(`/t/nosuchtoken${round}`));
    await hit('portal', portal.get('/lost'));

    await hit('api', api.api('GET', '/api/v1/health'));
    if (round % 3 === 1) {
      const res = await hit('api', api.api('POST', '/api/v1/tickets', L.apiTicket({ subject: `API ${mark}` })));
      if (res.status === 201) number = res.json().number;
    }
    await hit('api', api.api('POST', '/api/v1/tickets', undefined, { body: '{"subject": "broken' }));
    if (number) {
      await hit('api', api.api('GET', `/api/v1/tickets/${number}`));
      if (round % 2 === 0) {
        await hit('api', api.api('POST', `/api/v1/tickets/${number}/comments`, { body: `comment ${mark}` }));
      }
    }
    await hit('api', api.api('GET', '/api/v1/tickets/19700101-0000'));

    await hit('agent', agent.page('/agent/q/mine'));
    if (number) await hit('agent', agent.page(`/agent/t/${encodeURIComponent(number)}`));
    await hit('agent', agent.page(`/agent/search?q=${encodeURIComponent(mark)}`));
  }
  console.log(JSON.stringify(counts));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  console.log(JSON.stringify(counts));
  process.exit(1);
});
