// Every page layout since 2024: pages of our own writing, one per layout, modelled
// exactly (tests/data/model/layouts); the same layouts on real pages of both
// snapshots; and the reader's goal, measured on each snapshot from the pages' own
// text: of the method pages with a parameter table, at least 99% have parameters.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { bin, corpus, method, model, param, root } from './lib.mjs';

// A parameter tree in one line: name, * required, [alternatives], ~ wildcard,
// :types, =example, @since, {children}.
const tree = (ps) => ps.map((p) => p.name + (p.required ? '*' : '') +
  (p.alternatives ? `[${p.alternatives}]` : '') + (p.wildcard ? '~' : '') + ':' +
  p.type.alts.map((a) => a.base).join('|') + (p.example ? `=${p.example}` : '') +
  (p.since ? `@${p.since}` : '') + (p.children ? `{${tree(p.children)}}` : '')).join(' ');
const errors = (x) => x.errors.map((e) => [e.status, e.code, e.message ?? null]);

// ---- our own pages ----
const dir = `${root}/tests/data/model/layouts`;
const r = spawnSync(bin, ['model', dir], { maxBuffer: 1 << 28 });
assert.equal(r.status, 0, r.stderr.toString());
const own = JSON.parse(r.stdout.toString());

// "We are still updating this page": the table right after the intro, no heading;
// Example and Revision columns; `unknown` is untyped; ^*^ inside the bold; a scope
// list in one code span; an "Error Text" column; a quoted status line with no number.
const chat = method(own, 'demo.chat.add');
assert.deepEqual(chat.scope, ['demo', 'im']);
assert.equal(chat.params_line, 15);
assert.equal(tree(chat.params), 'TYPE:=CHAT@18 USERS*:=Array(1,2)@18 OWNER_ID:=39');
assert.deepEqual(errors(chat), [[0, 'USERS_EMPTY', 'Participants are not given']]);

// "Parameter / Type" misnamed "Method"; "Available since"; IBLOCK_CODE/IBLOCK_ID one
// parameter; `$mode` names mode; EVENT_... is a pattern; an error table of texts only.
const del = method(own, 'demo.list.delete');
assert.equal(tree(del.params), 'IBLOCK_CODE*[IBLOCK_CODE,IBLOCK_ID]:@21.0.0 mode:string EVENT_...~:string');
assert.deepEqual(errors(del), [[0, '', 'Access denied']]);

// A title without the method's name, the scope from an included fragment, "Returned
// Data" as an H2 of its own, and "Object result" nested under result.
const prof = method(own, 'demoprofile');
assert.deepEqual(prof.scope, ['demo']);
assert.equal(prof.access, 'any user');
assert.deepEqual(prof.params, []);
assert.equal(tree(prof.response.fields), 'result:object{ID:string NAME:string} time:time');
const lint = spawnSync(bin, ['lint', dir]).stdout.toString() + spawnSync(bin, ['lint', dir]).stderr.toString();
assert.match(lint, /demo-included-scope\.md:1:1: warning: the title does not name the method; 'demoprofile' is taken from the examples' URLs and the intro \[title-method-name\]/);

// Two ways of calling (by identifier, by code): their union, required only where both
// require it; "## Parameter fields {#fields}" as an H2 nests under fields.
const upd = method(own, 'demo.item.update');
assert.equal(tree(upd.params), 'id:integer fields*:object{TITLE*:string SORT:integer} code:string');

// Either alternative satisfies the schema's required.
const g = spawnSync(bin, ['gen', dir, '-o', `${process.env.TMPDIR ?? '/tmp'}/b24-layouts-${process.pid}`]);
assert.equal(g.status, 0, g.stderr.toString());
const schema = JSON.parse(readFileSync(`${process.env.TMPDIR ?? '/tmp'}/b24-layouts-${process.pid}/schemas/demo.list.delete.params.json`));
assert.deepEqual(Object.keys(schema.properties).sort(), ['IBLOCK_CODE', 'IBLOCK_ID', 'mode']);
assert.deepEqual(schema.allOf, [{ anyOf: [{ required: ['IBLOCK_CODE'] }, { required: ['IBLOCK_ID'] }] }]);
assert.equal(schema.required, undefined);
spawnSync('rm', ['-rf', `${process.env.TMPDIR ?? '/tmp'}/b24-layouts-${process.pid}`]);

// B24_CORPUS is always set (to ../shared/corpus); a clean clone elsewhere has none there
if (!corpus || !existsSync(`${corpus}/b24restdocs-2026-08-21`)) {
  console.log('layouts: own pages ok; SKIP the corpus (absent)');
  process.exit(0);
}

// ---- the same layouts on real pages ----
const old = `${corpus}/b24restdocs-2025-08-20/api-reference`;
const cur = `${corpus}/b24restdocs-2026-08-21`;
const m25 = model(`${old}/chats/im-chat-add.md`, `${old}/disk/folder/disk-folder-get-external-link.md`,
  `${old}/landing/page/methods/landing-landing-delete.md`,
  `${old}/telephony/telephony-external-call-search-crm-entities.md`, `${old}/common/users/profile.md`,
  `${old}/lists/elements/lists-element-add.md`, `${old}/crm/leads/crm-lead-list.md`,
  `${old}/crm/requisites/universal/crm-requisite-add.md`,
  `${old}/chats/outdated/create-app/imbot-app-register.md`, `${old}/telephony/voximplant-statistic-get.md`,
  `${old}/catalog/price/catalog-price-get-fields.md`);
const ica = method(m25, 'im.chat.add');
assert.deepEqual(param(ica.params, 'TYPE'), { ...param(ica.params, 'TYPE'), example: 'CHAT', since: '18', required: false });
assert.equal(param(ica.params, 'USERS').required, true);
assert.deepEqual(param(ica.params, 'USERS').type.alts, []);
assert.deepEqual(method(m25, 'disk.folder.getExternalLink').params.map((p) => p.name), ['id']);
assert.deepEqual(method(m25, 'landing.landing.delete').params.map((p) => p.name), ['lid']);
const tel = method(m25, 'telephony.externalCall.searchCrmEntities');
assert.deepEqual(tel.scope, ['telephony']);
assert.deepEqual(tel.params.map((p) => [p.name, p.required]), [['PHONE_NUMBER', true]]);
assert.equal(method(m25, 'profile').response.example.result.ID !== undefined, true);
assert.deepEqual(param(method(m25, 'lists.element.add').params, 'IBLOCK_CODE').alternatives, ['IBLOCK_CODE', 'IBLOCK_ID']);
assert.deepEqual(errors(method(m25, 'crm.lead.list')), [[0, '', 'Access denied']]);
const req = param(method(m25, 'crm.requisite.add').params, 'fields');
assert.ok(req.children.length > 60 && param(req.children, 'ENTITY_TYPE_ID').required, tree([req]).slice(0, 200));
const bot = method(m25, 'imbot.app.register');
for (const n of ['BOT_ID', 'CODE', 'JS_METHOD', 'IFRAME']) param(bot.params, n); // JS command and IFRAME sets
const vox = method(m25, 'voximplant.statistic.get');
assert.deepEqual(vox.params.map((p) => p.name), ['FILTER', 'SORT', 'ORDER']);
assert.ok(vox.response.fields.some((f) => f.name === 'CALL_ID'));
const price = method(m25, 'catalog.price.getFields');
assert.ok(param(price.response.fields, 'catalogGroupId').required);

// batch, on both snapshots: cmd and halt; its answer's result object nests (2026).
for (const page of [`${old}/how-to-call-rest-api/batch.md`, `${cur}/settings/how-to-call-rest-api/batch.md`]) {
  const b = method(model(page), 'batch');
  assert.deepEqual(b.params.map((p) => p.name).sort(), ['cmd', 'halt']);
  const res = param(b.response.fields, 'result');
  if (page.startsWith(old)) continue; // the 2025 page describes result as a whole
  for (const k of ['result', 'result_error', 'result_total', 'result_next', 'result_time']) param(res.children, k);
}
const vote = method(model(`${cur}/api-reference/vote/vote.attachedvote.get.md`), 'vote.AttachedVote.get');
// three ways of calling it, each with its own required parameters: none is required in all
assert.ok(vote.params.length >= 3 && vote.params.every((p) => !p.required), tree(vote.params));

// ---- the goal, per snapshot ----
// A method page "has a parameter table" when, before any heading of results,
// errors or examples, a table's header names parameters (read from the page's
// text, not from the model).
const hasParamTable = (text) => {
  for (const [i, l] of text.split('\n').entries()) {
    if (/^#+ /.test(l) && /return|response|fields|возвращ|ответ|error|ошибк|example|пример/i.test(l)) return false;
    if (l.trim().startsWith('#|')) {
      const h = text.split('\n').slice(i + 1, i + 3).join(' ');
      return /\*\*(Parameter|Параметр|Name|Название)/i.test(h);
    }
  }
  return false;
};
for (const snap of ['b24restdocs-2025-08-20', 'b24restdocs-2026-08-21']) {
  // the snapshots have broken includes: the model is written, the exit is 1
  const m = JSON.parse(spawnSync(bin, ['model', `${corpus}/${snap}`], { maxBuffer: 1 << 30 }).stdout.toString());
  let pages = 0, read = 0;
  const missed = [];
  for (const x of m.methods) {
    if (!hasParamTable(readFileSync(`${corpus}/${snap}/${x.source}`, 'utf8'))) continue;
    pages++;
    if (x.params.length) read++;
    else missed.push(x.source);
  }
  const share = read / pages;
  console.log(`${snap}: ${read} of ${pages} method pages with a parameter table have parameters (${(100 * share).toFixed(2)}%)`);
  assert.ok(share >= 0.99, missed.join('\n'));
  const methodPages = m.pages.filter((p) => p.kind === 'method').length;
  assert.ok(methodPages >= (snap.includes('2025') ? 1451 : 1674), `${snap}: ${methodPages} method pages`);
}
console.log('layouts: ok');
