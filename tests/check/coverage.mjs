// Coverage of a generated suite, measured independently of the generator: from
// the model (what the docs document) and the suite's files (what it sends).
//   node coverage.mjs MODEL.json SUITE_DIR [--min-success P] [--min-paths P] [--min-sequences P]
// Prints the figures; exits 1 when one is under its minimum (percent).
import { readFileSync, existsSync } from 'node:fs';

const [modelPath, suiteDir, ...rest] = process.argv.slice(2);
const min = {};
for (let i = 0; i < rest.length; i += 2) min[rest[i].replace(/^--min-/, '')] = Number(rest[i + 1]);
const model = JSON.parse(readFileSync(modelPath, 'utf8'));
const index = JSON.parse(readFileSync(`${suiteDir}/index.json`, 'utf8'));

// every documented parameter path of a method: "fields", "fields.TITLE", ...
function paths(params, prefix, out) {
  for (const p of params || []) {
    if (p.wildcard || p.name === 'auth') continue;
    const path = prefix ? `${prefix}.${p.name}` : p.name;
    out.push(path);
    paths(p.children, path, out);
    for (const v of p.variants || []) paths(v.children, path, out);
  }
  return out;
}
// whether body holds a value at path (keys without case; arrays: any element)
function holds(v, segs) {
  if (!segs.length) return v !== undefined;
  if (Array.isArray(v)) return v.some((e) => holds(e, segs));
  if (!v || typeof v !== 'object') return false;
  const k = Object.keys(v).find((k) => k.toLowerCase() === segs[0].toLowerCase());
  return k !== undefined && holds(v[k], segs.slice(1));
}

const files = new Map(index.methods.map((m) => [`${m.method}|${m.rest_version}`, m.file]));
let methods = 0, withSuccess = 0, nPaths = 0, sentPaths = 0, nNested = 0, sentNested = 0;
const missing = [];
for (const m of model.methods) {
  methods++;
  const file = files.get(`${m.name}|${m.rest_version}`);
  const doc = file ? JSON.parse(readFileSync(`${suiteDir}/${file}`, 'utf8')) : { cases: [] };
  const ok = doc.cases.filter((c) => c.expect === 'success' && c.auth === 'portal');
  if (ok.length) withSuccess++;
  else missing.push(m.name);
  for (const p of paths(m.params, '', [])) {
    const nested = p.includes('.');
    const sent = ok.some((c) => holds(c.request.body, p.split('.')));
    nPaths++, sentPaths += sent;
    if (nested) nNested++, sentNested += sent;
  }
}
// families with an add, a get or list, and a delete (same prefix and REST version)
const fams = new Map();
for (const m of model.methods) {
  const i = m.name.lastIndexOf('.');
  if (i < 0) continue;
  const key = `${m.name.slice(0, i)}|${m.rest_version}`;
  const verb = m.name.slice(i + 1).toLowerCase();
  if (!fams.has(key)) fams.set(key, new Set());
  fams.get(key).add(verb);
}
const seqs = new Set(index.sequences.map((s) => `${s.family}|${s.rest_version}`));
let eligible = 0, withSeq = 0;
const noSeq = [];
for (const [key, verbs] of fams) {
  if (!(verbs.has('add') && (verbs.has('get') || verbs.has('list')) && verbs.has('delete'))) continue;
  eligible++;
  if (seqs.has(key)) withSeq++;
  else noSeq.push(key.split('|')[0]);
}
const pct = (a, b) => (b ? (100 * a) / b : 100);
const fig = {
  success: pct(withSuccess, methods),
  paths: pct(sentPaths, nPaths),
  sequences: pct(withSeq, eligible),
};
console.log(`methods with a success case: ${withSuccess}/${methods} (${fig.success.toFixed(1)}%)`);
console.log(`documented parameter paths sent: ${sentPaths}/${nPaths} (${fig.paths.toFixed(1)}%), nested ${sentNested}/${nNested} (${pct(sentNested, nNested).toFixed(1)}%)`);
console.log(`families (add, get or list, delete) with a sequence: ${withSeq}/${eligible} (${fig.sequences.toFixed(1)}%)`);
if (process.env.B24_COVERAGE_VERBOSE) {
  console.log('without a success case:', missing.join(' '));
  console.log('families without a sequence:', noSeq.join(' '));
}
let bad = 0;
for (const [k, v] of Object.entries(min))
  if (fig[k] === undefined) { console.error(`unknown figure ${k}`); bad = 1; }
  else if (fig[k] < v) { console.error(`FAIL: ${k} ${fig[k].toFixed(1)}% < ${v}%`); bad = 1; }
process.exit(bad);
