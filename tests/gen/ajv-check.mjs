// Compiles every generated JSON Schema with ajv (draft 2020-12, strict mode) and
// validates the docs' own examples against them: cURL request bodies (less
// `auth`) against <method>.params.json, response examples against
// <method>.result.json. An example that does not validate is a place where the
// docs' table and the docs' example disagree: it is listed, not hidden by
// loosening the schema.
//
// usage: node ajv-check.mjs DOCS [--strict-examples] [--max-listed N] [--compare-c BIN]
//   --compare-c: BIN (validate_examples) gives the C validator's verdicts, which
//   must be the same as ajv's
//   env B24_BIN (b24spec), B24_NODE_MODULES (tools/npm/node_modules)
// Exit: 0 ok, 1 a schema does not compile (or, with --strict-examples, an
// example does not validate), 77 when the npm tools are not installed (outside CI).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const docs = args.find((a, i) => !a.startsWith('--') && !['--max-listed', '--compare-c'].includes(args[i - 1]));
const strictExamples = args.includes('--strict-examples');
const maxIdx = args.indexOf('--max-listed');
const maxListed = maxIdx >= 0 ? Number(args[maxIdx + 1]) : Infinity;
const cmpIdx = args.indexOf('--compare-c');
const compareWith = cmpIdx >= 0 ? args[cmpIdx + 1] : null;
const bin = process.env.B24_BIN;
const nodeModules = process.env.B24_NODE_MODULES;

if (!existsSync(path.join(nodeModules, 'ajv'))) {
  // CI installs the tools (tools/test.sh); elsewhere they may not be there yet.
  console.log(`${process.env.CI ? 'FAIL' : 'SKIP'}: ${nodeModules} has no ajv (run tools/npm-install.sh)`);
  process.exit(process.env.CI ? 1 : 77);
}
const require = createRequire(path.join(nodeModules, 'x.js'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const out = mkdtempSync(path.join(tmpdir(), 'b24-ajv-'));
try {
  execFileSync(bin, ['gen', docs, '-o', out, '--only', 'schemas'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const model = JSON.parse(execFileSync(bin, ['model', docs], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));
  process.exitCode = check(path.join(out, 'schemas'), model);
} finally {
  rmSync(out, { recursive: true, force: true });
}

function check(dir, model) {
  // strict: unknown keywords, ignored keywords and type mistakes are errors;
  // union types ("type": ["integer", "string"]) are how the schemas say "a
  // number, or the string classic REST sends", so they are allowed; so are
  // documented keys that a pattern covers too (UF_BLOG_POST_FILE beside UF_*:
  // the key has its own row, the pattern stands for the portal's other fields).
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allowMatchingProperties: true, allErrors: true });
  addFormats(ajv);
  const validators = new Map();
  let compileErrors = 0;
  // the event payload schemas (schemas/events/) compile under the same rules
  const eventsDir = path.join(dir, 'events');
  const eventFiles = existsSync(eventsDir) ? readdirSync(eventsDir).sort().map((f) => path.join('events', f)) : [];
  for (const f of [...readdirSync(dir).filter((f) => f.endsWith('.json')).sort(), ...eventFiles]) {
    try {
      validators.set(f, ajv.compile(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
    } catch (e) {
      compileErrors++;
      console.log(`COMPILE ERROR ${f}: ${e.message}`);
    }
  }
  const stem = (m) => m.name + (m.rest_version === 3 ? '.v3' : '');
  const defects = [];
  let checked = 0;
  const validate = (file, value, where, what) => {
    const v = validators.get(file);
    if (!v) return;
    checked++;
    if (v(value)) return;
    const why = v.errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    defects.push(`${where}: ${what} does not match ${file}: ${why}`);
  };
  for (const m of model.methods) {
    for (const ex of m.examples || []) {
      if (!ex.curl || !ex.body || typeof ex.body !== 'object' || Array.isArray(ex.body)) continue;
      const { auth, ...body } = ex.body;
      validate(`${stem(m)}.params.json`, body, `${m.source}:${ex.line}`, `${ex.lang} request body`);
    }
    const r = m.response || {};
    if (r.example && typeof r.example === 'object' && !Array.isArray(r.example) && !('error' in r.example))
      validate(`${stem(m)}.result.json`, r.example, `${m.source}:${r.example_line}`, 'response example');
  }
  console.log(`ajv: ${validators.size} schemas compiled in strict mode, ${compileErrors} failed`);
  console.log(`examples: ${checked} checked, ${defects.length} do not validate (documentation defects):`);
  for (const d of defects.slice(0, maxListed)) console.log(`  ${d}`);
  if (defects.length > maxListed) console.log(`  ... and ${defects.length - maxListed} more`);
  if (compareWith) {
    // The C validator (util/jsonschema.c) must agree with ajv on every example.
    const key = (d) => d.split(' does not match ')[0].split(': ')[0] + ' ' + d.split(' does not match ')[1].split(':')[0];
    const ajvSet = new Set(defects.map(key));
    const cOut = execFileSync(compareWith, [docs], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    const cSet = new Set(cOut.toString().split('\n').filter(Boolean));
    const onlyAjv = [...ajvSet].filter((x) => !cSet.has(x));
    const onlyC = [...cSet].filter((x) => !ajvSet.has(x));
    console.log(`C validator: ${cSet.size} do not validate; disagreements with ajv: ${onlyAjv.length + onlyC.length}`);
    for (const x of onlyAjv.slice(0, 20)) console.log(`  ajv rejects, C accepts: ${x}`);
    for (const x of onlyC.slice(0, 20)) console.log(`  C rejects, ajv accepts: ${x}`);
    if (onlyAjv.length || onlyC.length) return 1;
  }
  if (compileErrors) return 1;
  if (strictExamples && defects.length) return 1;
  return 0;
}
