// Model v2 on the real docs: entities, list methods, references, evidence from
// examples, deprecation (both snapshots), measured against the pages themselves.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { corpus, method, model, needCorpus, param, root, run } from './lib.mjs';

needCorpus();
const m = model(`${corpus}/b24restdocs-2026-08-21`);
const entity = (name, rest = 1) => {
  const e = m.entities.find((e) => e.name === name && e.rest_version === rest);
  assert.ok(e, `no entity ${name} (REST ${rest})`);
  return e;
};
const roles = (e) => Object.fromEntries(e.methods.filter((x) => x.role !== 'other').map((x) => [x.name, x.role]));
const field = (e, name) => {
  const f = e.fields.find((f) => f.name === name);
  assert.ok(f, `${e.name} has no field ${name}`);
  return f;
};

// Memberships: the add names members under what they belong to and issues no id.
assert.deepEqual([entity('im.chat.user').member_of, entity('im.chat.user').members_param], [['CHAT_ID'], 'USERS']);
assert.equal(entity('im.chat.user').id_key, 'USER_ID');
assert.deepEqual(entity('imbot.v2.Chat.User').member_of, ['botId', 'dialogId']);
assert.deepEqual([entity('crm.activity.binding').member_of, entity('crm.activity.binding').members_param],
  [['activityId'], 'entityId']);
// a text the caller chooses names an object by itself; an add that issues an id is no membership
assert.equal(entity('entity.item.property').member_of, undefined);
assert.equal(entity('task.checklistitem').member_of, undefined);
assert.equal(entity('crm.deal').member_of, undefined);
// a key word's scalar is what the examples send: sale_status.id is a code ("N", "MS")
assert.equal(param(method(m, 'sale.status.get').params, 'id').type.alts[0].base, 'string');
assert.equal(param(method(m, 'sale.status.get').params, 'id').type.alts[0].reference, 'sale_status.id');

// A title copied from a sibling page yields to the method every example calls;
// a file named after the title's method keeps it (its examples were copied).
const renamed = model(`${corpus}/b24restdocs-2025-08-20/api-reference/sale/status/sale-status-get-fields.md`,
  `${corpus}/b24restdocs-2026-08-21/api-reference/crm/outdated/invoice/crm-invoice-user-field-add.md`);
assert.deepEqual(renamed.methods.map((x) => x.name).sort(), ['crm.invoice.userfield.add', 'sale.status.getfields']);

// crm.deal: every field of the crm.deal.fields page, the id key, the roles.
const deal = entity('crm.deal');
assert.equal(deal.id_key, 'id');
assert.equal(deal.id_field, 'ID');
assert.deepEqual(roles(deal), {
  'crm.deal.add': 'add', 'crm.deal.get': 'get', 'crm.deal.update': 'update',
  'crm.deal.delete': 'delete', 'crm.deal.list': 'list', 'crm.deal.fields': 'fields',
});
const described = Object.keys(method(m, 'crm.deal.fields').response.example.result);
assert.ok(described.length >= 40, `crm.deal.fields describes ${described.length} fields`);
for (const name of described) field(deal, name);
// what the fields page states wins; provenance keeps every page
assert.equal(field(deal, 'ID').read_only, true);
assert.equal(field(deal, 'TITLE').read_only, false);
assert.equal(field(deal, 'CONTACT_IDS').multiple, true);
assert.deepEqual(field(deal, 'CURRENCY_ID').sources.map((s) => s.role), ['add', 'get', 'update', 'list', 'fields']);
assert.deepEqual(field(deal, 'CURRENCY_ID').type.alts[0], {
  base: 'string', reference: 'crm_currency', reference_target: 'api-reference/crm/data-types.md#crm_currency' });
assert.equal(method(m, 'crm.deal.get').entity, 'crm.deal');
assert.equal(method(m, 'crm.deal.get').role, 'get');

// tasks.task: classic and REST 3.0 are two entities; the classic one is keyed by taskId.
assert.equal(entity('tasks.task').id_key, 'taskId');
assert.equal(roles(entity('tasks.task'))['tasks.task.getFields'], 'fields');
assert.equal(entity('tasks.task', 3).rest_version, 3);

// user: user.get lists (a FILTER, start, no id); the id key is update's ID.
const user = entity('user');
assert.equal(user.id_key, 'ID');
assert.equal(roles(user)['user.get'], 'list');
assert.equal(roles(user)['user.add'], 'add');
field(user, 'EMAIL');
const userGet = method(m, 'user.get');
assert.equal(userGet.list.filter, 'FILTER');
assert.equal(userGet.list.start, 'start');

// user.userfield: a family of its own.
const uf = entity('user.userfield');
assert.equal(uf.id_key, 'id');
assert.equal(roles(uf)['user.userfield.list'], 'list');

// crm.item: one entity for every type, picked by entityTypeId; fields from the answers.
const item = entity('crm.item');
assert.equal(item.type_param, 'entityTypeId');
assert.equal(item.id_key, 'id');
for (const name of ['id', 'title', 'stageId', 'assignedById']) field(item, name);
const kinds = Object.fromEntries(item.kinds.map((k) => [k.value, k.entity]));
assert.equal(kinds['1'], 'crm.lead');
assert.equal(kinds['2'], 'crm.deal');
assert.equal(kinds['31'], undefined, 'the new invoice is not the outdated crm.invoice');

// Entities for at least 95% of the families with an add and a get or a list.
const crud = m.families.filter((f) => f.methods.some((n) => n.endsWith('.add')) &&
  f.methods.some((n) => /\.(get|list|getList|getlist)$/.test(n)));
const without = crud.filter((f) => !f.entity);
assert.ok(crud.length >= 150, `${crud.length} families with add and get/list`);
assert.ok(without.length <= crud.length * 0.05, `no entity: ${without.map((f) => `${f.name}: ${f.no_entity}`)}`);
console.log(`entities ${m.entities.length}; families with add+get/list ${crud.length}, without an entity ${without.length}`);

// List methods: crm.deal.list's parameters, operators, start=-1 and answer.
const dl = method(m, 'crm.deal.list').list;
assert.equal(dl.filter, 'filter');
assert.equal(dl.order, 'order');
assert.equal(dl.select, 'select');
assert.equal(dl.start, 'start');
for (const op of ['>=', '>', '<=', '<', '@', '!@', '%', '=%', '%=', '=', '!=', '!']) assert.ok(dl.filter_ops.includes(op), op);
assert.equal(dl.start_minus_one, true);
assert.equal(dl.items, 'result');
assert.equal(dl.total, true);
assert.equal(dl.next, true);

// References: dictionary identifiers and object types on identifier parameters.
const leadFields = param(method(m, 'crm.lead.add').params, 'fields').children;
assert.deepEqual(param(leadFields, 'ASSIGNED_BY_ID').type.alts, [{ base: 'integer', reference: 'user' }]);
assert.deepEqual(param(leadFields, 'STATUS_ID').type.alts, [{ base: 'string', reference: 'crm_status' }]);
assert.equal(param(leadFields, 'CURRENCY_ID').type.alts[0].base, 'string');
assert.equal(param(leadFields, 'CURRENCY_ID').type.alts[0].reference, 'crm_currency');
assert.equal(param(leadFields, 'CURRENCY_ID').type.written, 'crm_currency', 'written stays as written');

// Evidence: FILTER of user.get is typed string, the examples send objects;
// PHONE of crm.lead.add is a crm_multifield object, the examples send a list.
const filter = param(userGet.params, 'FILTER');
assert.ok(filter.evidence.types.includes('object'));
assert.equal(filter.evidence.disagrees, true);
const phone = param(leadFields, 'PHONE');
assert.deepEqual(phone.evidence.types, ['array']);
assert.equal(phone.evidence.disagrees, true);
assert.equal(param(leadFields, 'TITLE').evidence.disagrees, undefined);

// Deprecation, both snapshots: counts and replacements on real pages.
const stats = (dir) => JSON.parse(run('stats', '--json', `${corpus}/${dir}`).stdout.toString());
const s26 = stats('b24restdocs-2026-08-21'), s25 = stats('b24restdocs-2025-08-20');
console.log(`deprecated 2026 ${s26.deprecated_methods} (${s26.deprecated_replacement} with a replacement),` +
  ` 2025 ${s25.deprecated_methods} (${s25.deprecated_replacement})`);
assert.ok(s26.deprecated_methods >= 170 && s26.deprecated_methods <= 300, `2026: ${s26.deprecated_methods}`);
assert.ok(s26.deprecated_replacement >= 150, `2026 replacements: ${s26.deprecated_replacement}`);
assert.ok(s25.deprecated_methods >= 100, `2025: ${s25.deprecated_methods}`);
assert.equal(s26.refs_object_ids_unresolved, 0);
const dep = (name) => method(m, name).deprecated;
assert.equal(dep('crm.deal.add').replacement, 'crm.item.add');
assert.equal(dep('crm.catalog.fields').replacement, 'catalog.catalog.getFields');
assert.equal(dep('crm.catalog.fields').kind, 'note');
assert.equal(dep('task.item.renew').replacement, 'tasks.task.renew');
assert.equal(dep('crm.item.add'), undefined);
assert.equal(dep('tasks.task.add'), undefined);

// The lint rules over these (model file in: only the model rules run).
const dir = mkdtempSync(`${tmpdir()}/b24entities-`);
try {
  writeFileSync(`${dir}/m.json`, JSON.stringify(m));
  const r = run('lint', `${dir}/m.json`, '--format', 'json', '--fail-on', 'never');
  assert.equal(r.status, 0, r.stderr.toString());
  const found = JSON.parse(r.stdout.toString()).findings;
  const of = (rule, path) => found.filter((f) => f.rule === rule && f.path.endsWith(path));
  assert.ok(of('type-examples-disagree', 'user/user-get.md').some((f) => f.message.startsWith('FILTER of user.get')));
  assert.ok(of('type-examples-disagree', 'crm/leads/crm-lead-add.md').some((f) => f.message.startsWith('PHONE of crm.lead.add')));
  assert.ok(of('identifier-object-type', 'crm/quote/crm-quote-update.md').some((f) => f.message.startsWith('CURRENCY_ID')));
  assert.ok(of('example-deprecated-method', 'crm/outdated/products/crm-product-property-add.md')
    .some((f) => f.message.includes('calls crm.catalog.list, which is deprecated: use catalog.catalog.list')));
  assert.equal(of('type-examples-disagree', 'crm/leads/crm-lead-add.md').filter((f) => f.message.startsWith('TITLE ')).length, 0);

  // Schemas follow references and evidence: the docs' own examples validate
  // (CURRENCY_ID "USD", "PHONE": [{"VALUE": ...}], FILTER an object), and a
  // FILTER string still does.
  const npm = `${root}/tools/npm/node_modules`;
  if (existsSync(`${npm}/ajv`)) {
    const api = `${corpus}/b24restdocs-2026-08-21/api-reference`;
    const g = run('gen', `${api}/user/user-get.md`, `${api}/crm/leads/crm-lead-add.md`, `${api}/crm/data-types.md`,
      `${api}/data-types.md`, '-o', `${dir}/gen`);
    assert.equal(g.status, 0, g.stderr.toString());
    const Ajv2020 = createRequire(`${npm}/`)('ajv/dist/2020').default;
    const ajv = new Ajv2020({ strict: false });
    const check = (name, body, valid = true) => {
      const validate = ajv.compile(JSON.parse(readFileSync(`${dir}/gen/schemas/${name}.params.json`)));
      assert.equal(validate(body), valid, `${name} ${JSON.stringify(body)}: ${JSON.stringify(validate.errors)}`);
    };
    const bodies = (name) => method(m, name).examples.filter((e) => e.curl && e.body).map((e) => e.body);
    assert.ok(bodies('crm.lead.add').length && bodies('user.get').length);
    for (const b of bodies('crm.lead.add')) check('crm.lead.add', b);
    for (const b of bodies('user.get')) check('user.get', b);
    check('crm.lead.add', { fields: { CURRENCY_ID: 'EUR', PHONE: [{ VALUE: '555', VALUE_TYPE: 'WORK' }] } });
    check('user.get', { FILTER: 'ACTIVE' });
    check('user.get', { FILTER: 5 }, false);
    check('crm.lead.add', { fields: { PHONE: 'x' } }, false);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('entities: ok');
