// The mock called by Node's fetch, as a JS integration would call a portal:
// JSON and URLSearchParams bodies, webhook and OAuth, many calls at once.
// usage: node fetch.mjs B24SPEC DOCS
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import assert from 'node:assert/strict';

const [bin, docs] = process.argv.slice(2);
const server = spawn(bin, ['mock', docs, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const stopServer = () => { if (server.exitCode === null) server.kill('SIGTERM'); };
process.on('exit', stopServer);

let passed = 0, failed = 0;
async function test(name, fn) {
  try { await fn(); passed++; }
  catch (e) { failed++; console.log(`FAIL: ${name}\n      ${e.message.split('\n').join('\n      ')}`); }
}

async function firstLine() {
  let buf = '';
  for await (const chunk of server.stdout) {
    buf += chunk;
    const nl = buf.indexOf('\n');
    if (nl >= 0) return buf.slice(0, nl);
  }
  throw new Error('the mock exited before printing its address');
}

const timeKeys = ['start', 'finish', 'duration', 'processing', 'date_start', 'date_finish', 'operating'];

try {
  const line = await firstLine();
  const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  assert.ok(m, `first line: ${line}`);
  const base = m[1];
  const hook = `${base}/rest/1/mocksecret`;
  const postJson = (url, body) => fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  await test('JSON body over a webhook', async () => {
    const r = await postJson(`${hook}/user.update.json`, { ID: 1, NAME: 'Ann' });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    const j = await r.json();
    assert.equal(j.result, true);
    assert.deepEqual(Object.keys(j.time), timeKeys);
    assert.ok(Math.abs(j.time.start - Date.now() / 1000) < 60, 'time.start is now');
    assert.ok(j.time.finish >= j.time.start);
  });

  await test('URLSearchParams body with nested keys (as BX24.js encodes them)', async () => {
    const body = new URLSearchParams({ id: '5', 'fields[SORT]': '100', 'fields[MANDATORY]': 'N' });
    const r = await fetch(`${hook}/user.userfield.update`, { method: 'POST', body });
    assert.equal(r.status, 200);
    assert.equal((await r.json()).result, true);
  });

  await test('nested form value of the wrong type gets a documented error', async () => {
    const body = new URLSearchParams({ id: '5', 'fields[SORT]': 'many' });
    const r = await fetch(`${hook}/user.userfield.update`, { method: 'POST', body });
    assert.equal(r.status, 400);
    assert.deepEqual(await r.json(), { error: '', error_description: 'ID is not defined or invalid' });
  });

  await test('OAuth token in the body', async () => {
    const r = await postJson(`${base}/rest/user.update`, { ID: 1, auth: 'mocktoken' });
    assert.equal(r.status, 200);
  });

  await test('OAuth with a wrong token', async () => {
    const r = await postJson(`${base}/rest/user.update`, { ID: 1, auth: 'nope' });
    assert.equal(r.status, 401);
    assert.deepEqual(await r.json(), { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' });
  });

  await test('unknown method', async () => {
    const r = await postJson(`${hook}/user.fly`, {});
    assert.equal(r.status, 404);
    assert.equal((await r.json()).error, 'ERROR_METHOD_NOT_FOUND');
  });

  await test('missing required ID: the documented error', async () => {
    const r = await fetch(`${hook}/user.update?NAME=x`);
    assert.equal(r.status, 400);
    assert.equal((await r.json()).error, 'ERROR_CORE');
  });

  await test('500 calls at once all answered', async () => {
    const calls = Array.from({ length: 500 }, (_, i) => postJson(`${hook}/user.update`, { ID: i + 1 })
      .then(async r => [r.status, (await r.json()).result]));
    const answers = await Promise.all(calls);
    assert.ok(answers.every(([s, res]) => s === 200 && res === true));
  });
} catch (e) {
  failed++;
  console.log(`FAIL: ${e.message}`);
} finally {
  stopServer();
  const [code] = server.exitCode === null ? await once(server, 'exit') : [server.exitCode];
  if (code !== 0) { failed++; console.log(`FAIL: the mock exited with ${code} on SIGTERM`); }
  else passed++;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
