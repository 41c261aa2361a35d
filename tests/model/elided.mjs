// Answer examples that are JSON but for what their writers elided: read as they
// mean them, on the real pages, while lint still says the text is not JSON.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { corpus, method, model, needCorpus, run } from './lib.mjs';

needCorpus();
const api = `${corpus}/b24restdocs-2026-08-21/api-reference`;
const pages = {
  dots: `${api}/calendar/resource/calendar-resource-list.md`, // `...` as an object's members
  comment: `${api}/catalog/document/catalog-document-list.md`, // `// ...other documents` between items
  comma: `${api}/calendar/calendar-section-get.md`, // `}` then `{` on the next line, no comma
  backslash: `${api}/log/log-blogpost-get.md`, // "Bitrix\Main\UserField"
  newline: `${api}/note/document/note-document-get.md`, // a raw line break inside a string
  duplicate: `${api}/tasks/tasks-task-update.md`, // a key twice: a defect, not an elision
};
const m = model(...Object.values(pages));
const answer = (name) => method(m, name).response;

let r = answer('calendar.resource.list');
assert.match(r.example_error, /line 10: string or '}' expected/);
assert.deepEqual(r.example.result, [{ ID: '198', NAME: 'Resource name', CREATED_BY: '1' }, { ID: '199' }]);

r = answer('catalog.document.list');
assert.deepEqual(r.example.result.documents.map((d) => d.id), [1, 7, 105]);
assert.equal(r.example.total, 143);

r = answer('calendar.section.get');
assert.deepEqual(r.example.result.map((s) => s.ID), ['190', '191', '192']);

r = answer('log.blogpost.get');
const text = JSON.stringify(r.example);
assert.ok(text.includes('"Bitrix\\\\Main\\\\UserField\\\\Types\\\\FileType"'), 'the backslashes are kept as written');

r = answer('note.document.get');
assert.equal(r.example.result.item.id, 42);
assert.match(r.example.result.item.markdown, /^\n\n# Chapter 1/);

// A page that shows the result alone: the model keeps it as the portal sends it.
const bare = model(`${api}/sonet-group/scrum/epic/tasks-api-scrum-epic-add.md`);
r = method(bare, 'tasks.api.scrum.epic.add').response;
assert.equal(r.example_bare, true);
assert.equal(r.example.result.id, 4);
assert.equal(r.example.id, undefined);

// A duplicate key is an error of the page: no example is made up from it.
r = method(m, 'tasks.task.update').response;
assert.equal(r.example, undefined);
assert.match(r.example_error, /duplicate object key/);
assert.ok(r.example_text.length > 0);

// lint still tells the writer where the text breaks JSON, from the pages and from
// a model file alike; an example abbreviated on purpose ("...") it lets be, as before.
const tmp = mkdtempSync(`${tmpdir()}/elided-`);
const file = `${tmp}/model.json`;
assert.equal(run('model', pages.backslash, pages.dots, '-o', file).status, 0);
for (const input of [[pages.backslash, pages.dots], [file]]) {
  const lint = run('lint', ...input, '--fail-on', 'never');
  const out = lint.stdout.toString();
  assert.match(out, /log-blogpost-get\.md:\d+:\d+: error: response example is not JSON: invalid escape.*\[example-json\]/, out);
  assert.doesNotMatch(out, /calendar-resource-list\.md.*example-json/);
}
rmSync(tmp, { recursive: true });
console.log('ok: elided answer examples');
