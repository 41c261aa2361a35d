// The events of the real docs: every page with a payload table modelled with it,
// the auth fragment at its own lines, names as the portal sends them, who raises
// what, and the lint findings for examples the tables do not describe.
import assert from 'node:assert/strict';
import { corpus, needCorpus, run } from '../model/lib.mjs';

needCorpus();
for (const [dir, floor] of [['b24restdocs-2026-08-21', 242], ['b24restdocs-2025-08-20', 1]]) {
  // the 2025 snapshot has broken includes (exit 1); its model is written all the same
  const m = JSON.parse(run('model', `${corpus}/${dir}`).stdout.toString());
  const pages = m.pages.filter((p) => p.kind === 'event');
  assert.equal(m.events.length, pages.length, `${dir}: one event per event page`);
  const withPayload = m.events.filter((e) => e.payload.length);
  const withExample = m.events.filter((e) => e.example && e.example.json !== undefined);
  console.log(dir, `${pages.length} event pages, ${withPayload.length} with a payload table,`,
    `${withExample.length} examples read, ${m.events.filter((e) => e.raised_by.length).length} raised by a method`);
  assert.ok(withPayload.length >= floor, `${dir}: ${withPayload.length} events with a payload < ${floor}`);
  if (dir !== 'b24restdocs-2026-08-21') continue;
  // without a table: the example's keys, the paths the prose names, or "receives no data"
  const from = (k) => m.events.filter((e) => e.payload_from === k).map((e) => e.name);
  const documented = m.events.filter((e) => e.payload.length || e.payload_from === 'none');
  console.log(`${documented.length} of ${m.events.length} event pages say what the handler receives`,
    JSON.stringify({ example: from('example').length, text: from('text').length, none: from('none') }));
  assert.ok(documented.length >= 240, `${documented.length} event pages with a payload`);
  const lead = m.events.find((e) => e.name === 'ONCRMLEADADD' && e.payload_from === 'example');
  assert.deepEqual(lead.payload.map((p) => p.name), ['event', 'data']);
  assert.equal(lead.payload[1].children[0].children[0].name, 'ID');
  const quote = m.events.find((e) => e.source.endsWith('crm/quote/events/index.md'));
  assert.equal(quote.payload_from, 'text');
  assert.deepEqual(quote.payload[0].children[0].children.map((p) => p.name), ['ID']);
  assert.deepEqual(from('none'), ['BI_ANALYTICS_MENU']);

  assert.ok(withExample.length >= 220, `examples read: ${withExample.length}`);
  const deal = m.events.find((e) => e.name === 'ONCRMDEALADD');
  assert.equal(deal.written, 'onCrmDealAdd');
  assert.equal(deal.kind, 'event');
  assert.deepEqual(deal.scope, ['crm']);
  assert.equal(deal.subscribers, 'any user');
  assert.deepEqual(deal.payload.map((p) => p.name), ['event', 'event_handler_id', 'data', 'ts', 'auth']);
  const fields = deal.payload[2].children[0];
  assert.equal(fields.name, 'FIELDS');
  assert.deepEqual(fields.children.map((p) => [p.name, p.type.written]), [['ID', 'integer']]);
  const auth = deal.payload[4].children;
  const token = auth.find((p) => p.name === 'application_token');
  assert.equal(token.source, '_includes/auth-params-in-events.md');
  assert.equal(token.required, true);
  assert.ok(token.line > 1);
  assert.equal(deal.example.json.data.FIELDS.ID, '6641');
  assert.deepEqual(deal.raised_by, [{ method: 'crm.deal.add', action: 'add', via: 'family', id_key: 'data.FIELDS.ID' }]);
  // Dotted names and placements; a print_r dump read into JSON; a JS callback.
  assert.ok(m.events.find((e) => e.name === 'CATALOG.PRODUCT.ON.ADD'));
  const tab = m.events.find((e) => e.name === 'CRM_XXX_DETAIL_TAB');
  assert.equal(tab.kind, 'placement');
  assert.equal(tab.example.lang, 'php');
  assert.equal(tab.example.json.PLACEMENT, 'CRM_DEAL_DETAIL_TAB');
  assert.ok(tab.payload.find((p) => p.name === 'PLACEMENT_OPTIONS').children.length);
  const js = m.events.find((e) => e.name === 'BackgroundCallCard::initialized');
  assert.equal(js.kind, 'js');
  assert.equal(js.example.json.CALL_ID, 'E45D40253D1C2D2F.1774588815.822533');
  assert.ok(js.payload.length > 5);
  assert.ok(m.events.find((e) => e.name === 'ONTASKADD').raised_by.some((r) => r.method === 'tasks.task.add'));

  // Every example read either fits its table or is a doc defect lint names.
  const lint = run('lint', '--format', 'json', `${corpus}/${dir}`);
  const findings = JSON.parse(lint.stdout.toString());
  const list = Array.isArray(findings) ? findings : findings.findings;
  const defects = list.filter((f) => f.rule === 'event-example-schema');
  console.log(`${defects.length} payload examples that do not fit their table`);
  // (the rule's own trigger is tests/data/lint/bad/event-example-schema.md; the corpus may have none)
  assert.ok(defects.length <= 20, `event-example-schema: ${defects.length}`);
  assert.ok(!defects.some((f) => f.file.endsWith('on-crm-deal-add.md')));
}
