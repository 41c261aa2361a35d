// Real model output validates against docs/model.schema.json (ajv, strict mode).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { corpus, model, root } from './lib.mjs';

const npm = `${root}/tools/npm/node_modules`;
if (!existsSync(`${npm}/ajv`)) {
  if (process.env.CI) throw new Error('tools/npm/node_modules is missing: run tools/npm-install.sh');
  console.log('SKIP: tools/npm/node_modules is absent (tools/npm-install.sh installs it)');
  process.exit(77);
}
const require = createRequire(`${npm}/`);
const Ajv2020 = require('ajv/dist/2020').default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(`${root}/docs/model.schema.json`)));
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
