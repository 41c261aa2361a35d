// Example request bodies on both snapshots of the real docs: counts that must
// not regress, and the pages whose bodies were lost to shell splices before.
import assert from 'node:assert/strict';
import { corpus, model, needCorpus, stats } from '../model/lib.mjs';

needCorpus();
// Measured when the readers landed (before: curl_bodies_not_json 84 and 71, no JS/PHP bodies).
const floors = {
  'b24restdocs-2026-08-21': { curl_bodies: 3205, js_bodies: 4779, php_bodies: 3251 },
  'b24restdocs-2025-08-20': { curl_bodies: 1701, js_bodies: 1316, php_bodies: 986 },
};
const ceilings = {
  'b24restdocs-2026-08-21': { curl_bodies_not_json: 40, js_bodies_not_json: 2, php_bodies_not_json: 18 },
  'b24restdocs-2025-08-20': { curl_bodies_not_json: 29, js_bodies_not_json: 6, php_bodies_not_json: 10 },
};
for (const dir of Object.keys(floors)) {
  const s = stats(dir);
  for (const [k, v] of Object.entries(floors[dir])) assert.ok(s[k] >= v, `${dir}: ${k} ${s[k]} < ${v}`);
  for (const [k, v] of Object.entries(ceilings[dir])) assert.ok(s[k] <= v, `${dir}: ${k} ${s[k]} > ${v}`);
  assert.ok(s.bodies_nonliteral > 0, `${dir}: no body has a value kept as text`);
}

const byLang = (x, lang) => x.examples.find((e) => e.lang === lang);
for (const snap of ['b24restdocs-2026-08-21', 'b24restdocs-2025-08-20']) {
  const api = `${corpus}/${snap}/api-reference`;
  const m = model(`${api}/crm/deals/crm-deal-add.md`, `${api}/crm/deals/crm-deal-list.md`,
    `${api}/tasks/tasks-task-list.md`);
  const get = (name) => m.methods.find((x) => x.name === name && x.source.endsWith(`${name.replaceAll('.', '-')}.md`));
  // crm.deal.add: '"$(date --iso-8601=seconds)"' spliced into the -d body
  const add = get('crm.deal.add');
  const hook = byLang(add, 'cURL (Webhook)');
  assert.equal(hook.body_from, 'curl');
  assert.equal(hook.body.FIELDS.BEGINDATE, '$(date --iso-8601=seconds)', snap);
  assert.deepEqual(hook.body_nonliteral, ['/FIELDS/BEGINDATE', '/FIELDS/CLOSEDATE']);
  assert.deepEqual(hook.body.FIELDS.CONTACT_IDS, [84, 83]);
  // crm.deal.list: the date in FILTER, the rest literal
  const list = get('crm.deal.list');
  const lhook = byLang(list, 'cURL (Webhook)');
  assert.match(lhook.body.FILTER['>DATE_CREATE'], /^\$\(date --date='-6 months' \+%Y-%m-%d\)$/);
  assert.equal(lhook.body.FILTER['@ASSIGNED_BY_ID'].length, 2);
  // Its JS and PHP tabs: the same request, their variable kept as text
  const js = list.examples.filter((e) => e.body_from === 'js');
  assert.ok(js.length >= 1, snap);
  for (const e of js) {
    assert.equal(e.call_method, 'crm.deal.list');
    assert.equal(e.body.filter.TYPE_ID, 'COMPLEX');
    assert.deepEqual(e.body_nonliteral, ['/filter/>DATE_CREATE']);
  }
  const php = list.examples.find((e) => e.body_from === 'php');
  assert.deepEqual((php.body.FILTER ?? php.body.filter)['@ASSIGNED_BY_ID'], [1, 6]);
  // tasks.task.list: every tab with a body; in 2026 the cURL one has the date splice
  const tl = get('tasks.task.list');
  for (const e of tl.examples.filter((e) => e.curl || e.body_from === 'js')) assert.ok(e.body, `${snap} ${e.lang}`);
}

// Legacy pages (2025) have only JS and PHP examples: they get bodies now.
const old = `${corpus}/b24restdocs-2025-08-20/api-reference`;
const legacy = model(`${old}/crm/leads/custom-form/crm-lead-details-configuration-reset.md`,
  `${old}/vote/vote.attachedvote.vote.md`);
const reset = legacy.methods.find((x) => x.name === 'crm.lead.details.configuration.reset');
assert.ok(!reset.examples.some((e) => e.curl));
assert.deepEqual(reset.examples.find((e) => e.body_from === 'js').body, { scope: 'P', userId: 1 });
const vote = legacy.methods.find((x) => x.name === 'vote.AttachedVote.vote');
const vjs = vote.examples.find((e) => e.body_from === 'js');
assert.equal(vjs.body.attachId, '**put_attach_id**');
assert.deepEqual(vjs.body.ballot, { 1: ['2', '3'], 2: ['5'] });
console.log('bodies: corpus counts and pages as expected');
