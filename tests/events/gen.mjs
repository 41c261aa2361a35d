// Generated event artefacts: a payload schema per event (schemas/events/), and
// OpenAPI `webhooks` whose bodies point at the same schemas.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, needCorpus, run } from '../model/lib.mjs';

needCorpus();
const out = mkdtempSync(join(tmpdir(), 'b24-events-'));
try {
  const r = run('gen', `${corpus}/b24restdocs-2026-08-21`, '-o', out, '--only', 'schemas,openapi');
  assert.equal(r.status, 0, r.stderr.toString());
  const s = JSON.parse(readFileSync(join(out, 'schemas/events/ONCRMDEALADD.json')));
  assert.equal(s.title, 'ONCRMDEALADD payload');
  assert.deepEqual(Object.keys(s.properties), ['event', 'event_handler_id', 'data', 'ts', 'auth']);
  assert.ok(s.properties.data.properties.FIELDS.properties.ID);
  assert.ok(s.properties.auth.required.includes('application_token'));
  const doc = JSON.parse(readFileSync(join(out, 'openapi.json')));
  const hook = doc.webhooks.ONCRMDEALADD.post;
  assert.equal(hook.requestBody.content['application/x-www-form-urlencoded'].schema.$ref,
    '#/components/schemas/event.ONCRMDEALADD');
  assert.ok(doc.components.schemas['event.ONCRMDEALADD'].properties.auth);
  assert.equal(doc.webhooks.CRM_XXX_DETAIL_TAB.post.tags[0], 'placements');
  assert.ok(doc.webhooks.ONTASKADD);
  assert.ok(!doc.webhooks['BackgroundCallCard::initialized'], 'JS events are no webhooks');
  assert.ok(Object.keys(doc.webhooks).length >= 200);
  console.log(`${Object.keys(doc.webhooks).length} webhooks`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
