// Real model output validates against docs/model.schema.json (ajv, strict mode).
import { existsSync } from 'node:fs';
import { corpus, model, root } from './lib.mjs';
import { compileSchema } from '../ajv2020.mjs';

const validate = compileSchema(root, `${root}/docs/model.schema.json`);
const inputs = [`${root}/docs-input`, `${root}/tests/data/model/i18n/ru`];
if (corpus && existsSync(`${corpus}/b24restdocs-2026-08-21`))
  inputs.push(`${corpus}/b24restdocs-2026-08-21`, `${corpus}/b24restdocs-2025-08-20`);
for (const input of inputs) {
  let m;
  try { m = model(input); } catch (e) { m = JSON.parse(e.stdout.toString()); } // 2025 has include errors: exit 1
  if (!validate(m)) {
    console.error(input, JSON.stringify(validate.errors.slice(0, 5), null, 1));
    process.exit(1);
  }
  console.log(`${input}: ${m.methods.length} methods valid`);
}
