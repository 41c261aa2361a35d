// The real docs: counts that must not regress, and tricky pages in detail.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { bin, corpus, model, method, needCorpus, param, run } from './lib.mjs';

needCorpus();
const stats = (dir) => {
  const r = run('stats', '--json', `${corpus}/${dir}`);
  assert.equal(r.status, 0, r.stderr.toString());
  return JSON.parse(r.stdout.toString());
};
// Floors measured when the reader of every layout landed; a drop is a regression, a rise is welcome.
const floors = {
  'b24restdocs-2026-08-21': { pages: 2655, method_pages: 1677, methods: 1671, params: 8065, params_typed: 7930,
    result_fields: 6245, curl_bodies: 3230, responses: 1539 },
  'b24restdocs-2025-08-20': { pages: 2435, method_pages: 1463, methods: 1462, params: 5654, params_typed: 4413,
    result_fields: 2825, curl_bodies: 1734, responses: 862 },
};
// The reader of every layout (model v2) reads pages that were skipped before, and
// their examples with them: two and one more responses are not JSON. Answers that
// are JSON but for their elisions ("...", "// more") are read since: what is left
// unread has a defect of its own (a duplicate key, `{ {`, prose, print_r).
const ceilings = {
  'b24restdocs-2026-08-21': { rows_unparsed: 1, curl_bodies_not_json: 40, responses_not_json: 6 },
  'b24restdocs-2025-08-20': { rows_unparsed: 1, curl_bodies_not_json: 29, responses_not_json: 31 },
};
for (const dir of Object.keys(floors)) {
  const s = stats(dir);
  for (const [k, v] of Object.entries(floors[dir])) assert.ok(s[k] >= v, `${dir}: ${k} ${s[k]} < ${v}`);
  for (const [k, v] of Object.entries(ceilings[dir])) assert.ok(s[k] <= v, `${dir}: ${k} ${s[k]} > ${v}`);
  console.log(dir, JSON.stringify(s));
}

const api = `${corpus}/b24restdocs-2026-08-21/api-reference`;
const m = model(`${api}/crm/universal/crm-item-update.md`, `${api}/tasks/tasks-task-add-rest-v3.md`,
  `${api}/user/user-current.md`, `${api}/tasks/tasks-task-add.md`);

// crm.item.update: fields vary by entity type, keyed by entityTypeId.
const item = method(m, 'crm.item.update');
assert.deepEqual(item.params.map((p) => [p.name, p.required]),
  [['entityTypeId', true], ['id', true], ['fields', true], ['useOriginalUfNames', false]]);
const fields = param(item.params, 'fields');
assert.equal(fields.variant_key, 'entityTypeId');
assert.deepEqual(fields.variants.map((v) => [v.name, v.keys]),
  [['Lead', ['1']], ['Deal', ['2']], ['Contact', ['3']], ['Company', ['4']], ['Estimate', ['7']], ['Invoice', ['31']], ['SPA', ['SPA']]]);
assert.equal(param(fields.variants[0].children, 'honorific').type.written, 'crm_status');
assert.deepEqual(param(item.params, 'useOriginalUfNames').enum, ['Y', 'N']);
assert.equal(param(item.params, 'useOriginalUfNames').default, 'N');
// Its error table has a Status column: each row its own status.
assert.deepEqual(item.errors.slice(0, 2).map((e) => [e.status, e.code]), [[403, 'allowed_only_intranet_user'], [400, 'NOT_FOUND']]);
assert.equal(item.examples.filter((e) => e.curl && e.body).length, 2);

// REST 3.0 tasks.task.add next to the classic one of the same name.
const twins = m.methods.filter((x) => x.name === 'tasks.task.add');
assert.deepEqual(twins.map((x) => [x.source.replace(/.*\//, ''), x.rest_version]),
  [['tasks-task-add-rest-v3.md', 3], ['tasks-task-add.md', 1]]);
const v3 = twins[0];
assert.deepEqual(param(v3.params, 'fields').children.slice(0, 3).map((p) => [p.name, p.required]),
  [['title', true], ['creatorId', true], ['responsibleId', true]]);
assert.equal(v3.errors[0].code, 'BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION');
assert.match(v3.examples[0].url, /\/rest\/api\//);

// user.current: no parameters at all, yet a full response.
const cur = method(m, 'user.current');
assert.deepEqual(cur.params, []);
assert.equal(cur.response.status, 200);
assert.ok(cur.response.example.result.ID);

// Pages are read on several threads; the model and the diagnostics must not
// depend on how many. The 2025 snapshot has diagnostics in shared fragments
// (parsed once, by whichever page gets there first) and broken includes.
const byThreads = (jobs) => spawnSync(bin, ['model', `${corpus}/b24restdocs-2025-08-20`],
  { maxBuffer: 1 << 30, env: { ...process.env, B24_JOBS: String(jobs) } });
const one = byThreads(1), four = byThreads(4);
assert.ok(one.stdout.length > 1e6);
assert.ok(one.stdout.equals(four.stdout), 'the model differs between 1 and 4 threads');
assert.equal(four.stderr.toString(), one.stderr.toString());
// A missing include is reported at every page that includes it, at its line.
const missing = one.stderr.toString().split('\n').filter((l) => l.endsWith('[include-missing]'));
assert.ok(missing.length >= 14, missing.join('\n'));
assert.ok(missing.some((l) => l.includes('common/users/standard-method-info.md:62:1: error:')), missing.join('\n'));
console.log('corpus: ok');
