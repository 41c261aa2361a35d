// The seed pages modelled exactly.
import assert from 'node:assert/strict';
import { model, method, param, root } from './lib.mjs';

const m = model(`${root}/docs-input`);
assert.equal(m.version, 2);
assert.deepEqual(m.methods.map((x) => x.name), ['user.update', 'user.userfield.update']);

// user.update: 51 params, only ID required, every one typed as the table says.
const u = method(m, 'user.update');
assert.equal(u.source, 'api-reference/user/user-update.md');
assert.equal(u.line, 1);
assert.deepEqual(u.scope, ['user']);
assert.equal(u.access, 'administrator');
assert.equal(u.rest_version, 1);
assert.equal(u.params.length, 51);
assert.deepEqual(u.params.filter((p) => p.required).map((p) => p.name), ['ID']);
assert.deepEqual(param(u.params, 'ID').type, { written: 'integer', alts: [{ base: 'integer' }] });
assert.equal(param(u.params, 'ID').line, 16);
for (const n of ['PERSONAL_PHOTO', 'WORK_LOGO']) assert.equal(param(u.params, n).type.written, 'array');
assert.equal(u.params.filter((p) => p.type.written === 'string').length, 48);
assert.equal(param(u.params, 'UF_PHONE_INNER').description, 'Internal phone');
// Response, errors, examples.
assert.equal(u.response.status, 200);
assert.equal(u.response.example.result, true);
assert.equal(u.response.example.time.date_start, '2024-07-24T07:53:01+00:00');
assert.deepEqual(u.response.fields.map((f) => [f.name, f.type.written]), [['result', 'boolean'], ['time', 'time']]);
assert.deepEqual(u.errors.map((e) => [e.status, e.code, e.message ?? null]), [
  [400, 'ERROR_CORE', 'access_denied'], [400, 'ERROR_CORE', 'access_denied'], [400, 'ERROR_CORE', '']]);
assert.equal(u.errors[1].description, 'User does not have permission to call the method');
assert.equal(u.system_errors.length, 15);
assert.deepEqual(u.system_errors.find((e) => e.code === 'QUERY_LIMIT_EXCEEDED'),
  { status: 503, code: 'QUERY_LIMIT_EXCEEDED', message: 'Too many requests',
    description: "Requests arrived faster than the portal's rate limit allows", source: '_includes/system-errors.md', line: 14 });
assert.deepEqual(u.examples.map((e) => [e.lang, e.auth ?? null]),
  [['cURL (Webhook)', 'webhook'], ['cURL (OAuth)', 'oauth'], ['JS', null], ['PHP', null]]);
assert.deepEqual(u.examples[0].body, { ID: 1, NAME: 'Administrator', LAST_NAME: 'SomeLastName' });
assert.equal(u.examples[1].body.auth, '**put_access_token_here**');
assert.equal(u.examples[0].http_method, 'POST');
assert.match(u.examples[0].url, /\/rest\/\*\*put_your_user_id_here\*\*\/\*\*put_your_webhook_here\*\*\/user\.update$/);
assert.deepEqual(u.see_also.map((l) => l.target), ['user-add', 'user-get', 'user-current', 'user-search', 'user-fields']
  .map((n) => `api-reference/user/${n}.md`));

// user.userfield.update: id and fields; fields' children; SETTINGS per field type.
const f = method(m, 'user.userfield.update');
assert.deepEqual(f.params.map((p) => [p.name, p.type.written, p.required]), [['id', 'integer', true], ['fields', 'object', false]]);
const fields = param(f.params, 'fields');
assert.deepEqual(fields.children.map((c) => c.name), ['XML_ID', 'SORT', 'MANDATORY', 'SHOW_FILTER', 'SHOW_IN_LIST',
  'EDIT_IN_LIST', 'IS_SEARCHABLE', 'SETTINGS', 'EDIT_FORM_LABEL', 'LIST_COLUMN_LABEL', 'LIST_FILTER_LABEL',
  'ERROR_MESSAGE', 'HELP_MESSAGE']);
assert.deepEqual(param(fields.children, 'MANDATORY').enum, ['Y', 'N']);
assert.equal(param(fields.children, 'EDIT_IN_LIST').type.written, 'boolean');
const settings = param(fields.children, 'SETTINGS');
const variants = Object.fromEntries(settings.variants.map((v) => [v.name,
  v.children.map((c) => [c.name, c.type.written, c.default ?? null, c.enum ?? null])]));
assert.deepEqual(Object.keys(variants), ['string', 'integer', 'double', 'boolean', 'datetime', 'enumeration',
  'iblock_section|iblock_element', 'crm_status', 'crm']);
assert.deepEqual(settings.variants[6].keys, ['iblock_section', 'iblock_element']);
assert.deepEqual(variants.string, [['DEFAULT_VALUE', 'string', "''", null], ['ROWS', 'integer', '1', null]]);
assert.deepEqual(variants.double, [['DEFAULT_VALUE', 'double', null, null], ['PRECISION', 'integer', '2', null]]);
assert.deepEqual(variants.boolean, [['DEFAULT_VALUE', 'integer', '0', null],
  ['DISPLAY', 'string', 'CHECKBOX', ['CHECKBOX', 'RADIO', 'DROPDOWN']]]);
assert.deepEqual(variants.enumeration, [['DISPLAY', 'string', 'LIST', ['LIST', 'UI', 'CHECKBOX', 'DIALOG']],
  ['LIST_HEIGHT', '', '1', null]]);
assert.deepEqual(variants.crm.map((c) => [c[0], c[2]]), [['LEAD', 'N'], ['CONTACT', 'N'], ['COMPANY', 'N'], ['DEAL', 'N']]);
assert.equal(variants['iblock_section|iblock_element'].length, 6);
assert.deepEqual(f.errors.map((e) => [e.status, e.code, e.message]),
  [[400, '', 'Access denied.'], [400, '', 'ID is not defined or invalid']]);
assert.deepEqual(f.examples[0].body, { id: 42, fields: { SORT: 150, LIST_FILTER_LABEL: 'New Title', LIST_COLUMN_LABEL: 'New List Title' } });
assert.equal(f.response.status, 200);
assert.equal(f.response.example.result, true);
console.log('seed model: ok');
