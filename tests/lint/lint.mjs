// b24spec lint: one case per ctest test (node lint.mjs CASE). Test docs are in
// tests/data/lint: clean/ (no finding at all), bad/ (one page per rule, each
// triggering its rule and nothing else), config/ and suppress/; the seed pages
// and the real corpus (skipped when absent) are linted too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
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
  'error-duplicate': [['error-duplicate-two-columns.md', 91], ['error-duplicate.md', 91]],
  'error-row': [['error-row.md', 91]],
  'error-status-missing': [['error-status-missing.md', 86]],
  'example-json': [['example-json.md', 40]],
  'example-required-missing': [['example-required-mentioned.md', 16], ['example-required-missing.md', 16]],
  'example-unknown-param': [['example-unknown-param.md', 40]],
  'event-example': [['event-example.md', 12]],
  'event-example-schema': [['event-example-schema.md', 16]],
  'event-payload': [['event-payload.md', 9]],
  'family-type-mismatch': [['family-item-update.md', 24], ['family-nested-update.md', 39]],
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
  'response-field-type': [['response-field-type-rowless.md', 58], ['response-field-type.md', 58], ['response-result-type.md', 58]],
  'see-also-missing': [['see-also-missing.md', 95]],
  'stray-directive': [['stray-directive.md', 93]],
  'table-cell-count': [['table-cell-count-lost.md', 91], ['table-cell-count.md', 23]],
  'table-row-duplicate': [['table-row-duplicate.md', 15]],
  'table-row-unclosed': [['table-row-unclosed.md', 28]],
  'table-stray-text': [['table-stray-text.md', 29]],
  'tabs-empty': [['tabs-empty.md', 93]],
  'tabs-single': [['tabs-single.md', 33]],
  'tabs-stray-text': [['tabs-stray-text.md', 35]],
  'title-file-mismatch': [['title-file-mismatch.md', 1]],
  'title-method-name': [['title-method-name.md', 1]],
  'toc-missing-page': [['toc.yaml', 0]],
  'type-ref-missing': [['type-ref-missing.md', 28]],
  'type-unknown': [['type-unknown.md', 26]],
  'type-examples-disagree': [['family-item-update.md', 24], ['response-result-type.md', 69]],
  'identifier-object-type': [['identifier-object-type.md', 16]],
  'type-fields-disagree': [['type-fields-disagree.md', 15]],
  'example-deprecated-method': [['example-deprecated-method.md', 16]],
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
    // test-item-get-catalog-fields.md: a value hint next to a type ("`string` with
    // value `Y/N`"), an object type the page describes below, a file name with the
    // method's words in another order, a required parameter with an alternative.
    const r = run(`${data}/clean`, '--fail-on', 'note');
    assert.equal(r.stdout, '');
    assert.equal(r.status, 0, r.stderr);
  },

  text() {
    const r = run(`${data}/bad`);
    const lines = r.stdout.trim().split('\n');
    for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|note): .+ \[[a-z-]+\]$/, l);
    assert.ok(lines.includes(`${data}/bad/table-row-unclosed.md:28:52: warning: table row ends with |# instead of || [table-row-unclosed]`));
    assert.ok(lines.includes(`${data}/bad/type-unknown.md:26:3: warning: type 'test_stauts' of 'STATUS' is neither a basic type nor in a type dictionary [type-unknown]`));
    // The JSON form has the same findings.
    const json = lintJson(`${data}/bad`).findings;
    assert.equal(json.length, lines.length);
    // GitHub workflow commands: one a finding, same places, notes as notices,
    // '%', CR, LF (and ':' ',' in properties) escaped.
    const gh = run('--format', 'github', `${data}/bad`).stdout.trim().split('\n');
    assert.equal(gh.length, json.length);
    gh.forEach((l, i) => {
      const m = l.match(/^::(error|warning|notice) file=([^,]+)(?:,line=(\d+),col=(\d+))?,title=([a-z-]+)::(.*)$/);
      assert.ok(m, l);
      assert.equal(m[1], json[i].severity === 'note' ? 'notice' : json[i].severity);
      assert.equal(decodeURIComponent(m[2].replace(/%3A/g, ':').replace(/%2C/g, ',')), json[i].file);
      assert.equal(+(m[3] ?? 0), json[i].line); // no line: a finding about the whole file
      assert.equal(m[5], json[i].rule);
      assert.ok(!/[\r\n]/.test(m[6]));
    });
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
    assert.equal(r.stdout, `${data}/config/page.md:3:28: error: link './missing.md' points to missing.md, which does not exist [link-target-missing]\n`);
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
    // Dead links are errors by default; as warnings they pass --fail-on error.
    assert.equal(run(`${data}/suppress`).status, 1);
    const asWarnings = ['--rule', 'link-target-missing=warning', '--rule', 'link-anchor-missing=warning'];
    assert.equal(run(`${data}/suppress`, ...asWarnings).status, 0);
    assert.equal(run(`${data}/suppress`, ...asWarnings, '--fail-on', 'warning').status, 1);
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

  // Exact columns on real pages (1-based bytes): the token a finding is about,
  // in one-line cURL bodies, in JSON examples and in table cells; the line is
  // the one that holds it (a row's type cell is on the row's second line).
  columns() {
    const docs = `${corpus}/b24restdocs-2026-08-21`;
    if (!existsSync(docs)) {
      console.log('corpus absent: skipped');
      process.exit(77);
    }
    const got = lintJson(docs).findings;
    const at = (rule, path, line, column, why) =>
      assert.ok(got.some((f) => f.rule === rule && f.path === `api-reference/${path}` && f.line === line && f.column === column),
        `${rule} at ${path}:${line}:${column} (${why}); there: ${JSON.stringify(got.filter((f) => f.path === `api-reference/${path}`).map((f) => `${f.line}:${f.column} ${f.rule}`))}`);
    // a 568-character one-line body whose object is never closed: where '}' is missing
    at('example-json', 'crm/requisites/universal/crm-requisite-add.md', 235, 566, "'}' expected at the body's closing quote");
    // a duplicate key inside a multi-line response example: the second "description"
    at('example-json', 'tasks/tasks-task-update.md', 269, 13, 'the duplicate key');
    at('example-unknown-param', 'sale/delivery/extra-service/sale-delivery-extra-service-update.md', 291, 124, '"TYPE" in the one-line body');
    at('link-anchor-missing', 'crm/universal/crm-item-add.md', 61, 72, 'the link target #parametr-fields');
    at('type-ref-missing', 'sale/cashbox/sale-cashbox-delete.md', 23, 3, 'the type in the cell on the second line of the row');
    at('family-type-mismatch', 'bizproc/bizproc-workflow-terminate.md', 23, 3, "the cell's type");
    at('response-field-extra', 'tasks/user-actions/tasks-task-start-watch.md', 570, 9, '"time" inside result');
    at('example-deprecated-method', 'tasks/deprecated/task-item/task-item-add.md', 233, 48, 'the method named in the URL');
    // the same columns when the page is linted alone
    const one = lintJson(`${docs}/api-reference/crm/requisites/universal/crm-requisite-add.md`).findings;
    assert.ok(one.some((f) => f.rule === 'example-json' && f.line === 235 && f.column === 566));
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
    // "humanresourses" in the title, every example calls humanresources.employee.search
    assert.ok(has('title-method-name', 'departments/employee/humanresources-employee-search.md', 1));
    assert.ok(has('title-method-name', 'chats/special-operations/im-recent-pin.md', 1)); // titled im.recent
    assert.ok(has('type-ref-missing', 'sale/cashbox/sale-cashbox-delete.md', 23)); // links to a directory
    assert.ok(has('link-anchor-missing', 'crm/universal/crm-item-add.md', 61)); // #parametr-fields
    assert.ok(has('response-field-extra', 'tasks/user-actions/tasks-task-start-watch.md', 570)); // "time" inside result
    assert.ok(has('family-type-mismatch', 'bizproc/bizproc-workflow-terminate.md', 23)); // ID string vs integer
    assert.ok(has('example-unknown-param', 'crm/outdated/invoice/crm-invoice-user-field-add.md', 52)); // a list's "order" sent to an add
    // crm.lead.list documents "order" in a row the table cannot read: that row is the defect
    assert.ok(has('table-cell-count', 'crm/leads/crm-lead-list.md', 70));
    assert.ok(!has('example-unknown-param', 'crm/leads/crm-lead-list.md', 100));
    assert.ok(has('table-row-unclosed', 'crm/contacts/crm-contact-update.md', 60)); // |# ending a row
    // REST 3.0 and classic twins are no duplicates; "1" for an integer is no type error.
    assert.ok(!got.some((f) => f.rule === 'method-duplicate' && f.path.includes('tasks-task-add')));
    assert.ok(!got.some((f) => f.rule === 'response-field-type' && f.path.endsWith('crm-deal-get.md')));
    // Single pages: no findings about other pages.
    const one = lintJson(`${docs}/api-reference/crm/universal/crm-item-add.md`).findings;
    assert.ok(one.every((f) => f.path === 'api-reference/crm/universal/crm-item-add.md'));
    assert.ok(one.some((f) => f.rule === 'link-anchor-missing' && f.line === 61));
    // Pages under sections with _includes/ of their own: the root is still the
    // folder with toc.yaml, so their includes are inside it.
    for (const page of ['chats/im-recent-list.md', 'calendar/calendar-section-add.md', 'widgets/universal/app-url.md']) {
      const r = lintJson(`${docs}/api-reference/${page}`);
      assert.equal(realpathSync(r.root), realpathSync(docs), page);
      assert.ok(!r.findings.some((f) => f.rule.startsWith('include-') || /outside the docs root/.test(f.message)), page);
    }
    const counts = byRule(got);
    console.log(Object.entries(counts).map(([k, v]) => `${k} ${v.length}`).join('\n'));
  },
};

// One page as in the whole: lint of single pages gives for them exactly what the
// lint of the whole root gives (a seeded sample of pages with findings, pages
// without, and pages under sections with _includes/ of their own), on both
// snapshots.
cases.alone = () => {
  if (!existsSync(`${corpus}/b24restdocs-2026-08-21`)) {
    console.log('corpus absent: skipped');
    process.exit(77);
  }
  const show = (f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
  for (const snap of ['b24restdocs-2026-08-21', 'b24restdocs-2025-08-20']) {
    const docs = `${corpus}/${snap}`;
    const all = lintJson('--fail-on', 'never', docs).findings;
    const pages = spawnSync('find', [docs, '-name', '*.md', '-not', '-path', '*/_*'], { encoding: 'utf8' })
      .stdout.trim().split('\n').map((p) => p.slice(docs.length + 1)).sort();
    let seed = 18;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const draw = (a, n) => a.map((x) => [rnd(), x]).sort((x, y) => x[0] - y[0]).slice(0, n).map((x) => x[1]);
    const flagged = [...new Set(all.map((f) => f.path))].filter((p) => pages.includes(p));
    const sample = [...draw(flagged, 12), ...draw(pages, 5), 'api-reference/chats/im-recent-list.md',
      'api-reference/calendar/calendar-section-add.md', 'api-reference/widgets/universal/app-url.md',
      'api-reference/user/userfields/user-userfield-update.md'].filter((p) => pages.includes(p));
    for (const p of sample) {
      const want = all.filter((f) => f.path === p).map(show);
      const got = lintJson('--fail-on', 'never', `${docs}/${p}`).findings.map(show);
      assert.deepEqual(got, want, `${snap}/${p}`);
    }
    // Several pages at once: the same, for each of them.
    const two = sample.slice(0, 2);
    assert.deepEqual(lintJson('--fail-on', 'never', ...two.map((p) => `${docs}/${p}`)).findings.map(show),
      all.filter((f) => two.includes(f.path)).map(show));
  }
};

// The baseline: written, it accepts every finding (exit 0); read back, nothing
// is new. Lines moving leave its entries matched; a defect fixed is told as
// fixed; a new one (also one more of an accepted kind) fails.
cases.baseline = () => {
  const dir = mkdtempSync(join(tmpdir(), 'b24lint-'));
  try {
    const docs = join(dir, 'bad');
    cpSync(`${data}/bad`, docs, { recursive: true });
    const bl = join(dir, 'baseline.json');
    let r = run(docs, '--write-baseline', bl);
    assert.equal(r.status, 0, r.stderr);
    const saved = JSON.parse(readFileSync(bl, 'utf8'));
    assert.equal(saved.version, 1);
    assert.equal(saved.findings.length, lintJson('--fail-on', 'never', docs).findings.length);
    for (const e of saved.findings) assert.match(e.fingerprint, /^[0-9a-f]{16}$/);
    r = run(docs, '--baseline', bl, '--fail-on', 'note');
    assert.equal(r.stdout, '');
    assert.equal(r.status, 0, r.stderr);
    // Lines move: three lines above every finding of a page.
    const page = join(docs, 'response-field-missing.md');
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('\n', '\n\nA new paragraph.\n\n'));
    r = run(docs, '--baseline', bl, '--fail-on', 'note');
    assert.equal(r.stdout, '', 'moved findings are still the baseline\'s');
    assert.equal(r.status, 0);
    // Fixed: the duplicated error row removed.
    const dup = join(docs, 'error-duplicate.md');
    const row = '|| `ERR_TITLE` | Title is empty | The title was not given ||\n';
    writeFileSync(dup, readFileSync(dup, 'utf8').replace(row + row, row));
    r = run(docs, '--baseline', bl);
    assert.match(r.stderr, /error-duplicate\.md:91:1: note: fixed since the baseline: error code 'ERR_TITLE' is listed twice .*\[error-duplicate\]/);
    assert.match(r.stderr, /1 fixed, 0 new/);
    // New: a dead link (an error) fails, and only it is reported.
    writeFileSync(page, readFileSync(page, 'utf8') + '\nSee [nothing](./no-such-page.md).\n');
    r = lintJson('--baseline', bl, docs);
    assert.deepEqual(r.findings.map((f) => f.rule), ['link-target-missing']);
    assert.equal(r.status, 1);
    // A baseline that is not one: exit 2 naming the file.
    writeFileSync(bl, '{"version": 1, "findings": [}');
    r = run(docs, '--baseline', bl);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /baseline\.json:1:\d+: baseline is not JSON/);
    assert.equal(run(docs, '--baseline', bl, '--write-baseline', bl).status, 2);
  } finally {
    rmSync(dir, { recursive: true });
  }
};

// --fix: the defects with one safe correction (a dead anchor that names one
// heading in other letters, a list mark before a row, rows not closed) are
// corrected in place; --dry-run writes the same as a diff that patch applies;
// a second lint has none of them, and nothing else changed.
cases.fix = () => {
  const dir = mkdtempSync(join(tmpdir(), 'b24lint-'));
  try {
    const a = join(dir, 'a'), b = join(dir, 'b');
    cpSync(`${data}/fix`, a, { recursive: true });
    cpSync(`${data}/fix`, b, { recursive: true });
    const before = lintJson('--fail-on', 'never', a).findings;
    assert.equal(before.length, 5);
    const diff = run(a, '--fix', '--dry-run');
    assert.equal(diff.status, 0, diff.stderr);
    assert.match(diff.stderr, /4 corrections proposed/);
    assert.equal(readFileSync(join(a, 'fix-item-add.md'), 'utf8'), readFileSync(join(b, 'fix-item-add.md'), 'utf8'), 'a dry run writes nothing');
    assert.match(diff.stdout, /^--- a\/fix-item-add\.md\n\+\+\+ b\/fix-item-add\.md\n@@ -4,7 \+4,7 @@\n/);
    assert.ok(diff.stdout.includes('-- || **OWNER**\n+|| **OWNER**\n'));
    assert.ok(diff.stdout.includes('-`string` | Title\n+`string` | Title ||\n'));
    assert.ok(diff.stdout.includes('+`integer` | Sort order ||\n+|#\n'));
    const fixed = lintJson('--fix', a);
    // What is left: the dead anchor with no heading to go to.
    assert.deepEqual(fixed.findings.map((f) => [f.rule, f.line]), [['link-anchor-missing', 8]]);
    assert.deepEqual(lintJson('--fail-on', 'never', a).findings.map((f) => [f.rule, f.line]), [['link-anchor-missing', 8]]);
    const p = spawnSync('patch', ['-p1', '-s', '-d', b], { input: diff.stdout, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    assert.equal(readFileSync(join(a, 'fix-item-add.md'), 'utf8'), readFileSync(join(b, 'fix-item-add.md'), 'utf8'));
    // Nothing else moved: the page is the same but for the four lines.
    const lines = (d) => readFileSync(join(d, 'fix-item-add.md'), 'utf8').split('\n');
    const orig = readFileSync(`${data}/fix/fix-item-add.md`, 'utf8').split('\n');
    assert.equal(lines(a).length, orig.length + 1); // "||" and "|#" on lines of their own
    assert.equal(run('--dry-run', a).status, 2);
  } finally {
    rmSync(dir, { recursive: true });
  }
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
cases[name]();
console.log(`lint.${name}: ok`);
