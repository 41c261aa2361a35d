// b24spec lint: one case per ctest test (node lint.mjs CASE). Test docs are in
// tests/data/lint: clean/ (no finding at all), bad/ (one page per rule, each
// triggering its rule and nothing else), config/ and suppress/; the seed pages
// and the real corpus (skipped when absent) are linted too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.B24_BIN;
const root = process.env.B24_ROOT;
const corpus = process.env.B24_CORPUS;
const data = join(root, 'tests/data/lint');
process.chdir(root);

const run = (...args) => {
  const r = spawnSync(bin, ['lint', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return r;
};
const lintJson = (...args) => {
  const r = run('--format', 'json', ...args);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return { ...JSON.parse(r.stdout), status: r.status };
};
const byRule = (findings) => {
  const m = {};
  for (const f of findings) (m[f.rule] ??= []).push([f.path, f.line]);
  return m;
};
const listRules = () =>
  run('--list-rules').stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);

// Where each rule fires in tests/data/lint/bad: exactly there and nowhere else.
const expected = {
  'encoding': [['encoding-page.md', 7]],
  'error-duplicate': [['error-duplicate.md', 91]],
  'error-row': [['error-row.md', 91]],
  'error-status-missing': [['error-status-missing.md', 86]],
  'example-json': [['example-json.md', 40]],
  'example-required-missing': [['example-required-missing.md', 16]],
  'example-unknown-param': [['example-unknown-param.md', 40]],
  'event-example': [['event-example.md', 12]],
  'event-example-schema': [['event-example-schema.md', 12]],
  'event-payload': [['event-payload.md', 9]],
  'family-type-mismatch': [['family-item-update.md', 23]],
  'if-condition': [['if-condition.md', 93]],
  'include-cycle': [['_includes/cycle-b.md', 3]],
  'include-missing': [['include-missing.md', 11]],
  'include-outside-root': [['include-outside-root.md', 11]],
  'include-syntax': [['include-syntax.md', 11]],
  'link-anchor-missing': [['link-anchor-missing.md', 7]],
  'link-target-missing': [['link-target-missing.md', 7]],
  'method-duplicate': [['same-method-get.md', 1]],
  'nesting': [['nesting.md', 140]],
  'param-duplicate': [['param-duplicate.md', 29]],
  'param-name': [['param-name.md', 29]],
  'param-section-unmatched': [['param-section-unmatched.md', 31]],
  'response-field-extra': [['response-field-extra.md', 58]],
  'response-field-missing': [['response-field-missing.md', 72]],
  'response-field-type': [['response-field-type.md', 58]],
  'see-also-missing': [['see-also-missing.md', 95]],
  'stray-directive': [['stray-directive.md', 93]],
  'table-cell-count': [['table-cell-count.md', 23]],
  'table-row-unclosed': [['table-row-unclosed.md', 28]],
  'table-stray-text': [['table-stray-text.md', 29]],
  'tabs-empty': [['tabs-empty.md', 93]],
  'tabs-single': [['tabs-single.md', 33]],
  'tabs-stray-text': [['tabs-stray-text.md', 35]],
  'title-file-mismatch': [['title-file-mismatch.md', 1]],
  'toc-missing-page': [['toc.yaml', 0]],
  'type-ref-missing': [['type-ref-missing.md', 27]],
  'type-unknown': [['type-unknown.md', 25]],
  'unterminated-block': [['unterminated-block.md', 93]],
};
// Rules about the run itself, not the docs: exercised by the exit-code case.
const operational = new Set(['io', 'page-too-large', 'input', 'model-json']);

const cases = {
  rules() {
    const got = lintJson(`${data}/bad`);
    assert.deepEqual(byRule(got.findings), expected);
    for (const id of listRules())
      if (!operational.has(id)) assert.ok(expected[id], `rule ${id} has no triggering test page`);
    assert.equal(got.status, 1, 'include errors make the exit status 1');
  },

  clean() {
    // test-item-update.md splices a shell variable into its body and abbreviates its
    // response with "...": no example-json; it states its error status as "HTTP Code".
    const r = run(`${data}/clean`, '--fail-on', 'note');
    assert.equal(r.stdout, '');
    assert.equal(r.status, 0, r.stderr);
  },

  text() {
    const r = run(`${data}/bad`);
    const lines = r.stdout.trim().split('\n');
    for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|note): .+ \[[a-z-]+\]$/, l);
    assert.ok(lines.includes(`${data}/bad/table-row-unclosed.md:28:52: warning: table row ends with |# instead of || [table-row-unclosed]`));
    assert.ok(lines.includes(`${data}/bad/type-unknown.md:25:1: warning: type 'test_stauts' of 'STATUS' is neither a basic type nor in a type dictionary [type-unknown]`));
    // The JSON form has the same findings.
    assert.equal(lintJson(`${data}/bad`).findings.length, lines.length);
  },

  sarif() {
    const jestSarif = join(root, 'tools/npm/node_modules/@microsoft/jest-sarif');
    assert.ok(existsSync(jestSarif), 'tools/npm is not installed (tools/npm-install.sh)');
    // The official SARIF 2.1.0 schema is draft-04: validated with the ajv (6) that
    // @microsoft/jest-sarif itself uses, as that package does.
    const req = createRequire(join(jestSarif, 'package.json'));
    const Ajv = req('ajv');
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true, validateSchema: false });
    ajv.addMetaSchema(req('ajv/lib/refs/json-schema-draft-04.json'));
    const validate = ajv.compile(req('./lib/schemas/sarif-2.1.0-rtm.5.json'));
    const r = run('--format', 'sarif', `${data}/bad`);
    const log = JSON.parse(r.stdout);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    assert.equal(log.version, '2.1.0');
    const runs = log.runs[0];
    assert.equal(runs.originalUriBaseIds.DOCROOT.uri, `file://${realpathSync(`${data}/bad`)}/`);
    const rules = runs.tool.driver.rules.map((x) => x.id);
    assert.deepEqual(rules, listRules());
    // Each result: the JSON finding's file (relative to the root) and line.
    const json = lintJson(`${data}/bad`).findings;
    assert.equal(runs.results.length, json.length);
    runs.results.forEach((res, i) => {
      const loc = res.locations[0].physicalLocation;
      assert.equal(res.ruleId, json[i].rule);
      assert.equal(rules[res.ruleIndex], res.ruleId);
      assert.equal(res.level, json[i].severity);
      assert.equal(loc.artifactLocation.uriBaseId, 'DOCROOT');
      assert.equal(decodeURIComponent(loc.artifactLocation.uri), json[i].path);
      if (json[i].line > 0) assert.equal(loc.region.startLine, json[i].line);
      else assert.equal(loc.region, undefined);
    });
    assert.ok(runs.results.some((x) => x.locations[0].physicalLocation.artifactLocation.uri === '_includes/cycle-b.md'));
    // A clean root is a valid log with no results.
    const clean = JSON.parse(run('--format', 'sarif', `${data}/clean`).stdout);
    assert.ok(validate(clean));
    assert.deepEqual(clean.runs[0].results, []);
  },

  config() {
    // .b24spec.yaml in the root: link-anchor-missing off, link-target-missing an
    // error, ignored/ left out.
    let r = run(`${data}/config`);
    assert.equal(r.stdout, `${data}/config/page.md:3:1: error: link './missing.md' points to missing.md, which does not exist [link-target-missing]\n`);
    assert.equal(r.status, 1);
    // --rule comes after the file.
    r = run(`${data}/config`, '--rule', 'link-target-missing=note');
    assert.match(r.stdout, /: note: .*\[link-target-missing\]/);
    assert.equal(r.status, 0);
    // --config names another file (an empty one: every default back).
    const dir = mkdtempSync(join(tmpdir(), 'b24lint-'));
    try {
      writeFileSync(join(dir, 'empty.yaml'), '# nothing\n');
      r = run(`${data}/config`, '--config', join(dir, 'empty.yaml'));
      assert.equal(r.stdout.trim().split('\n').length, 4, r.stdout);
      writeFileSync(join(dir, 'bad.yaml'), 'rules:\n  no-such-rule: off\n');
      r = run(`${data}/config`, '--config', join(dir, 'bad.yaml'));
      assert.equal(r.status, 2);
      assert.match(r.stderr, /bad\.yaml:2: unknown rule 'no-such-rule'/);
      writeFileSync(join(dir, 'level.yaml'), 'rules:\n  type-unknown: loud\n');
      r = run(`${data}/config`, '--config', join(dir, 'level.yaml'));
      assert.equal(r.status, 2);
      assert.match(r.stderr, /level\.yaml:2: .*'loud'/);
      writeFileSync(join(dir, 'syntax.yaml'), 'rules: [\n');
      assert.equal(run(`${data}/config`, '--config', join(dir, 'syntax.yaml')).status, 2);
    } finally {
      rmSync(dir, { recursive: true });
    }
  },

  suppress() {
    const want = [['links.md', 8], ['links.md', 10]];
    const got = lintJson(`${data}/suppress`).findings.map((f) => [f.path, f.line]);
    assert.deepEqual(got, want);
    // The suppressions travel in the model: lint of the model's JSON agrees.
    const dir = mkdtempSync(join(tmpdir(), 'b24lint-'));
    try {
      const m = spawnSync(bin, ['model', `${data}/suppress`, '-o', join(dir, 'm.json')], { encoding: 'utf8' });
      assert.equal(m.status, 0, m.stderr);
      const model = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
      assert.deepEqual(model.pages[0].suppressions, [
        { line: 4, rules: ['link-target-missing'] }, { line: 6, rules: [] },
        { line: 8, rules: ['link-anchor-missing'] }, { line: 16, rules: ['link-target-missing', 'type-unknown'] }]);
      assert.deepEqual(lintJson(join(dir, 'm.json')).findings.map((f) => [f.path, f.line]), want);
    } finally {
      rmSync(dir, { recursive: true });
    }
  },

  exit() {
    assert.equal(run(`${data}/bad`).status, 1); // errors, --fail-on error
    assert.equal(run(`${data}/bad`, '--fail-on', 'never').status, 0);
    assert.equal(run(`${data}/suppress`).status, 0); // warnings only
    assert.equal(run(`${data}/suppress`, '--fail-on', 'warning').status, 1);
    const missing = run(`${data}/no-such-dir`);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no-such-dir.*no such file or directory \[input\]/);
    assert.equal(run('--bogus', `${data}/clean`).status, 2);
    assert.equal(run('--format', 'xml', `${data}/clean`).status, 2);
    assert.equal(run('--fail-on', 'sometimes', `${data}/clean`).status, 2);
    assert.equal(run('--rule', 'nope=off', `${data}/clean`).status, 2);
    assert.equal(run().status, 2);
    const list = run('--list-rules');
    assert.equal(list.status, 0);
    assert.ok(listRules().length >= 40);
  },

  seed() {
    // The seed pages: the stray `- ||` text of user.userfield.update, and no
    // finding of the model rules on what the seed documents correctly.
    const got = byRule(lintJson(join(root, 'docs-input')).findings);
    const page = 'api-reference/user/userfields/user-userfield-update.md';
    assert.deepEqual(got['table-stray-text'], [[page, 46], [page, 50]]);
    for (const rule of ['title-file-mismatch', 'method-duplicate', 'family-type-mismatch', 'type-ref-missing'])
      assert.equal(got[rule], undefined, rule);
  },

  corpus() {
    const docs = `${corpus}/b24restdocs-2026-08-21`;
    if (!existsSync(docs)) {
      console.log('corpus absent: skipped');
      process.exit(77);
    }
    const got = lintJson(docs).findings;
    const has = (rule, path, line) =>
      got.some((f) => f.rule === rule && f.path === `api-reference/${path}` && f.line === line);
    // Real defects, each checked by hand against the page.
    assert.ok(has('title-file-mismatch', 'departments/employee/humanresources-employee-search.md', 1)); // "humanresourses"
    assert.ok(has('type-ref-missing', 'sale/cashbox/sale-cashbox-delete.md', 22)); // links to a directory
    assert.ok(has('link-anchor-missing', 'crm/universal/crm-item-add.md', 61)); // #parametr-fields
    assert.ok(has('response-field-extra', 'tasks/user-actions/tasks-task-start-watch.md', 570)); // "time" inside result
    assert.ok(has('family-type-mismatch', 'bizproc/bizproc-workflow-terminate.md', 22)); // ID string vs integer
    assert.ok(has('example-unknown-param', 'crm/leads/crm-lead-list.md', 100)); // "order" not in the table
    assert.ok(has('table-row-unclosed', 'crm/contacts/crm-contact-update.md', 60)); // |# ending a row
    // REST 3.0 and classic twins are no duplicates; "1" for an integer is no type error.
    assert.ok(!got.some((f) => f.rule === 'method-duplicate' && f.path.includes('tasks-task-add')));
    assert.ok(!got.some((f) => f.rule === 'response-field-type' && f.path.endsWith('crm-deal-get.md')));
    // Single pages: no findings about pages or dictionaries the model did not read.
    const one = lintJson(`${docs}/api-reference/crm/universal/crm-item-add.md`).findings;
    assert.ok(!one.some((f) => ['type-unknown', 'link-target-missing', 'see-also-missing'].includes(f.rule)));
    assert.ok(one.some((f) => f.rule === 'link-anchor-missing' && f.line === 61));
    const counts = byRule(got);
    console.log(Object.entries(counts).map(([k, v]) => `${k} ${v.length}`).join('\n'));
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
cases[name]();
console.log(`lint.${name}: ok`);
