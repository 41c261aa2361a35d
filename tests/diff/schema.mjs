// b24spec diff --format json validates against docs/diff.schema.json (ajv, strict
// mode): on the edited page pairs, with an accept file, and on the two corpus snapshots.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { compileSchema } from '../ajv2020.mjs';

const [bin, root, corpus] = process.argv.slice(2);
const validate = compileSchema(root, `${root}/docs/diff.schema.json`);
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
