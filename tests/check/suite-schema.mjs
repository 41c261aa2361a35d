// Validates every file of a generated suite against docs/suite.schema.json with
// ajv (draft 2020-12, strict mode off for the suite's embedded result schemas).
// usage: node suite-schema.mjs SCHEMA SUITE_DIR   (env B24_NODE_MODULES)
// Exit: 0 all valid, 1 a file is not, 77 when the npm tools are not installed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [schemaPath, dir] = process.argv.slice(2);
const nodeModules = process.env.B24_NODE_MODULES || '';
if (!existsSync(path.join(nodeModules, 'ajv'))) {
  console.log('SKIP: ajv is not installed (tools/npm-install.sh)');
  process.exit(77);
}
const require = createRequire(path.join(nodeModules, 'x.js'));
const Ajv2020 = require('ajv/dist/2020').default;
const ajv = new Ajv2020({ strict: false, allErrors: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
const files = ['index.json', 'global.json'];
for (const sub of ['methods', 'sequences'])
  if (existsSync(path.join(dir, sub)))
    for (const f of readdirSync(path.join(dir, sub))) files.push(`${sub}/${f}`);
let bad = 0;
for (const f of files) {
  const doc = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  if (!validate(doc)) {
    if (bad++ < 10) console.error(`${f}: ${ajv.errorsText(validate.errors)}`);
  }
}
console.log(`${files.length} suite files checked, ${bad} invalid`);
process.exit(bad ? 1 : 0);
