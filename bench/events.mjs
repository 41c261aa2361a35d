// The mock's event delivery under load: 64 connections writing (crm.deal.add)
// for a few seconds, first with no handler bound (the plain request rate), then
// with one handler bound on loopback: the write rate then, the events delivered
// per second, and the latency from a write's answer to the handler's receipt of
// its event (p50, p99; negative when the event beats the answer). The same Node
// driver measures both phases, so the ratio is of the mock alone.
// usage: node bench/events.mjs B24SPEC CORPUS_ROOT [SECONDS]
import { spawn } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';

const [bin, corpus, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg || 5);
const CONNECTIONS = 64;
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
// One POST over the keep-alive pool; resolves with the answer's JSON.
const post = (url, body, type) => new Promise((resolve, reject) => {
  const rq = request(url, { method: 'POST', agent, headers: { 'Content-Type': type } }, (res) => {
    let text = '';
    res.on('data', (c) => { text += c; });
    res.on('end', () => resolve(JSON.parse(text)));
  });
  rq.on('error', reject);
  rq.end(body);
});
const api = `${corpus}/b24restdocs-2026-08-21/api-reference/crm/deals`;
const pages = ['crm-deal-add.md', 'crm-deal-get.md', 'crm-deal-update.md', 'crm-deal-delete.md',
  'events/on-crm-deal-add.md'].map((p) => `${api}/${p}`);
const mock = spawn(bin, ['mock', ...pages, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => mock.kill('SIGTERM'));
const base = await new Promise((resolve) => {
  let buf = '';
  mock.stdout.on('data', (d) => {
    buf += d;
    const m = /listening on (\S+)/.exec(buf);
    if (m) resolve(m[1]);
  });
});
const hook = `${base}/rest/1/mocksecret`;

const receipts = new Map();
const rxProc = spawn(process.execPath, [new URL('./events-receiver.mjs', import.meta.url).pathname],
  { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => rxProc.kill('SIGTERM'));
const handler = await new Promise((resolve) => {
  let buf = '';
  rxProc.stdout.on('data', (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const [a, b] = line.split(' ');
      if (a === 'listening') resolve(`http://127.0.0.1:${b}/h`);
      else receipts.set(a, Number(b));
    }
  });
});
const wallNow = () => performance.timeOrigin + performance.now();

async function phase() {
  const answers = new Map();
  const end = wallNow() + seconds * 1000;
  let writes = 0;
  const body = JSON.stringify({ fields: { TITLE: 'bench' } });
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (wallNow() < end) {
      const j = await post(`${hook}/crm.deal.add`, body, 'application/json');
      answers.set(String(j.result), wallNow());
      writes++;
    }
  }));
  return { writes, answers, rate: writes / seconds };
}

const quantile = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const plain = await phase();
await post(`${hook}/event.bind`, new URLSearchParams({ event: 'ONCRMDEALADD', handler }).toString(),
  'application/x-www-form-urlencoded');
receipts.clear();
const t0 = wallNow();
const bound = await phase();
// let the queue drain (at most 5 s)
for (let i = 0; i < 100 && receipts.size < bound.writes; i++) await new Promise((r) => setTimeout(r, 50));
const drained = wallNow();
const lat = [];
for (const [id, at] of bound.answers) if (receipts.has(id)) lat.push(receipts.get(id) - at);
lat.sort((a, b) => a - b);
const delivered = lat.length;
console.log(`plain: ${plain.rate.toFixed(0)} writes/s (${CONNECTIONS} connections, ${seconds} s)`);
console.log(`bound: ${bound.rate.toFixed(0)} writes/s, ratio to plain ${(bound.rate / plain.rate).toFixed(2)}`);
console.log(`events: ${delivered} of ${bound.writes} delivered, ${(delivered / ((drained - t0) / 1000)).toFixed(0)} events/s ` +
  `(${(delivered / bound.writes * 100).toFixed(1)}%; the rest dropped at the full queue or still queued)`);
console.log(`latency answer -> receipt: p50 ${quantile(lat, 0.5).toFixed(2)} ms, p99 ${quantile(lat, 0.99).toFixed(2)} ms`);
rxProc.kill('SIGTERM');
mock.kill('SIGTERM');
