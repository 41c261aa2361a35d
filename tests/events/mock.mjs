// The mock's events against real HTTP receivers on loopback: crm.deal.add raises
// ONCRMDEALADD, POSTed form-encoded with data[FIELDS][ID] = the new id; event.unbind
// stops delivery; an offline binding queues for event.offline.get instead; a slow
// handler and a dead one do not hold up the mock's answers; event.test; handler
// URLs off loopback are refused.
// usage: node mock.mjs B24SPEC CORPUS_ROOT (skips, 77, when the corpus is absent)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';

const [bin, corpus] = process.argv.slice(2);
const api = `${corpus}/b24restdocs-2026-08-21/api-reference`;
if (!existsSync(api)) {
  console.log('SKIP: the corpus is absent');
  process.exit(77);
}
const pages = ['crm/deals/crm-deal-add.md', 'crm/deals/crm-deal-get.md', 'crm/deals/crm-deal-update.md',
  'crm/deals/crm-deal-delete.md', 'crm/deals/events/on-crm-deal-add.md',
  'crm/deals/events/on-crm-deal-update.md', 'crm/deals/events/on-crm-deal-delete.md'].map((p) => `${api}/${p}`);
const mock = spawn(bin, ['mock', ...pages, '--port', '0', '--event-timeout', '1500',
  '--application-token', 'apptoken42'], { stdio: ['ignore', 'pipe', 'pipe'] });
let mockLog = '';
mock.stderr.on('data', (d) => { mockLog += d; });
const servers = [];
process.on('exit', () => {
  if (mock.exitCode === null) mock.kill('SIGTERM');
  for (const s of servers) s.close();
});

// A receiver: records every request (method, headers, body, arrival time).
function receiver({ delayMs = 0 } = {}) {
  const got = [];
  const waiters = [];
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      got.push({ method: req.method, type: req.headers['content-type'], body, at: Date.now() });
      for (const w of waiters.splice(0)) w();
      if (delayMs) setTimeout(() => { res.end('late'); }, delayMs).unref();
      else res.end('ok');
    });
  });
  servers.push(srv);
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${srv.address().port}/handler`,
    got,
    // resolves when n requests have arrived, or after ms
    async wait(n, ms) {
      const end = Date.now() + ms;
      while (got.length < n && Date.now() < end)
        await new Promise((r) => { waiters.push(r); setTimeout(r, Math.max(1, end - Date.now())).unref(); });
      return got.length >= n;
    },
  })));
}

async function firstLine() {
  let buf = '';
  for await (const chunk of mock.stdout) {
    buf += chunk;
    const nl = buf.indexOf('\n');
    if (nl >= 0) return buf.slice(0, nl);
  }
  throw new Error(`the mock exited: ${mockLog}`);
}

const line = await firstLine();
const base = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)[1];
const hook = `${base}/rest/1/mocksecret`;
const call = async (method, params, url = hook) => {
  const r = await fetch(`${url}/${method}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  return { status: r.status, ...(await r.json()) };
};
const form = (body) => new URLSearchParams(body);

// Bind, add, receive.
const rx = await receiver();
assert.equal((await call('event.bind', { event: 'ONCRMDEALADD', handler: rx.url })).result, true);
assert.deepEqual((await call('event.get', {})).result.map((b) => [b.event, b.handler, b.offline]),
  [['ONCRMDEALADD', rx.url, 0]]);
const added = await call('crm.deal.add', { fields: { TITLE: 'Event test' } });
const id = String(added.result);
assert.ok(await rx.wait(1, 5000), 'ONCRMDEALADD arrives');
const first = rx.got[0];
assert.equal(first.method, 'POST');
assert.equal(first.type, 'application/x-www-form-urlencoded');
assert.match(first.body, /(^|&)data\[FIELDS\]\[ID\]=/, 'PHP-style keys, brackets as the portal writes them');
const p = form(first.body);
assert.equal(p.get('event'), 'ONCRMDEALADD');
assert.equal(p.get('data[FIELDS][ID]'), id);
assert.equal(p.get('auth[application_token]'), 'apptoken42');
assert.ok(Math.abs(Number(p.get('ts')) - Date.now() / 1000) < 60, 'ts is now');
assert.ok(p.get('event_handler_id'));
console.log(`ONCRMDEALADD for deal ${id}: ${first.body.length} bytes, form-encoded`);

// Once: a second add is a second event, not a repeat of the first.
await call('crm.deal.add', { fields: { TITLE: 'Second' } });
assert.ok(await rx.wait(2, 5000));
assert.notEqual(form(rx.got[1].body).get('data[FIELDS][ID]'), id);

// Unbind stops delivery.
assert.equal((await call('event.unbind', { event: 'ONCRMDEALADD', handler: rx.url })).result.count, 1);
await call('crm.deal.add', { fields: { TITLE: 'Unheard' } });
assert.equal(await rx.wait(3, 1000), false, 'no delivery after event.unbind');
assert.equal(rx.got.length, 2);

// Offline: queued, read once with event.offline.get, cleared.
assert.equal((await call('event.bind', { event: 'ONCRMDEALUPDATE', event_type: 'offline' })).result, true);
await call('crm.deal.update', { id: Number(id), fields: { TITLE: 'Changed' } });
const off = (await call('event.offline.get', { clear: 0 })).result;
assert.equal(off.events.length, 1);
assert.equal(off.events[0].EVENT_NAME, 'ONCRMDEALUPDATE');
assert.equal(off.events[0].EVENT_DATA.FIELDS.ID, id);
assert.ok(off.process_id);
assert.equal((await call('event.offline.list', {})).result[0].PROCESS_ID, off.process_id);
assert.equal((await call('event.offline.clear', { process_id: off.process_id })).result, true);
assert.equal((await call('event.offline.get', {})).result.events.length, 0);

// A slow handler (answers after 10 s; the mock gives up after 1.5 s) and a dead
// one (nothing listens): every write is answered at once all the same.
const slow = await receiver({ delayMs: 10000 });
const deadPort = await (async () => { const r = await receiver(); const port = new URL(r.url).port; servers.pop().close(); return port; })();
await call('event.bind', { event: 'ONCRMDEALADD', handler: slow.url });
await call('event.bind', { event: 'ONCRMDEALADD', handler: `http://127.0.0.1:${deadPort}/gone` });
const rx2 = await receiver();
await call('event.bind', { event: 'ONCRMDEALADD', handler: rx2.url });
let worst = 0;
for (let i = 0; i < 20; i++) {
  const t0 = Date.now();
  const r = await call('crm.deal.add', { fields: { TITLE: `Busy ${i}` } });
  worst = Math.max(worst, Date.now() - t0);
  assert.equal(r.status, 200);
}
assert.ok(worst < 1000, `a write waited ${worst} ms for a handler`);
assert.ok(await rx2.wait(20, 10000), 'the good handler still gets every event');
assert.ok(await slow.wait(1, 5000), 'the slow handler was called');
console.log(`20 writes with a slow and a dead handler bound: the slowest answer took ${worst} ms`);

// event.test: OAuth only; ONAPPTEST with the call's params under data.QUERY.
const t = await receiver();
await call('event.bind', { event: 'ONAPPTEST', handler: t.url });
assert.equal((await call('event.test', { any: 'data' })).status, 401, 'not over a webhook');
assert.equal((await call('event.test', { any: 'data', auth: 'mocktoken' }, `${base}/rest`)).result, 1);
assert.ok(await t.wait(1, 5000));
assert.equal(form(t.got[0].body).get('data[QUERY][any]'), 'data');

// Handler URLs: one off loopback is bound (as the docs' examples do) but sent
// nothing; unknown events are refused.
assert.equal((await call('event.bind', { event: 'ONCRMDEALADD', handler: 'http://example.com/h' })).result, true);
assert.equal((await call('event.bind', { event: 'ONNOSUCHEVENT', handler: rx.url })).error, 'ERROR_EVENT_NOT_FOUND');

mock.kill('SIGTERM');
await new Promise((r) => mock.on('exit', r));
assert.match(mockLog, /event to http:\/\/127\.0\.0\.1:\d+\/gone failed: .* \(not retried\)/, 'a failure is logged');
assert.match(mockLog, /http:\/\/example\.com\/h is bound for ONCRMDEALADD but gets no events/);
assert.doesNotMatch(mockLog, /event to http:\/\/example\.com/, 'nothing is sent off loopback');
// Under a ThreadSanitizer build the mock's reports would be here.
assert.doesNotMatch(mockLog, /ThreadSanitizer|AddressSanitizer|runtime error/, mockLog);
console.log('OK');
process.exit(0); // the slow receiver's connection would keep Node alive
