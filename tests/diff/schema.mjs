// b24spec diff --format json validates against docs/diff.schema.json (ajv, strict
// mode): on the edited page pairs, with an accept file, and on the two corpus snapshots.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const [bin, root, corpus] = process.argv.slice(2);
const npm = `${root}/tools/npm/node_modules`;
if (!existsSync(`${npm}/ajv`)) {
  if (process.env.CI) throw new Error('tools/npm/node_modules is missing: run tools/npm-install.sh');
  console.log('SKIP: tools/npm/node_modules is absent (tools/npm-install.sh installs it)');
  process.exit(77);
}
const require = createRequire(`${npm}/`);
const Ajv2020 = require('ajv/dist/2020').default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(`${root}/docs/diff.schema.json`)));
const d = `${root}/tests/data`;
const runs = [
  [`${d}/diff/old`, `${d}/diff/new`],
  [`${d}/diff-real/old`, `${d}/diff-real/new`, '--accept', `${d}/diff-real/accept.yaml`, '--today', '2026-09-01'],
];
if (corpus && existsSync(`${corpus}/b24restdocs-2026-08-21`))
  runs.push([`${corpus}/b24restdocs-2025-08-20`, `${corpus}/b24restdocs-2026-08-21`]);
for (const args of runs) {
  if (!existsSync(args[0])) continue;
  const out = execFileSync(bin, ['diff', ...args, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  const j = JSON.parse(out);
  if (!validate(j)) {
    console.error(args.join(' '), JSON.stringify(validate.errors.slice(0, 5), null, 1));
    process.exit(1);
  }
  if (!j.changes.length) throw new Error(`${args[0]}: no changes`);
  console.log(`${args[0]}: ${j.changes.length} changes valid`);
}
