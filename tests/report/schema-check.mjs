// Validates a JSON document against a JSON Schema (draft 2020-12) with ajv in
// strict mode: the documented formats (docs/*.schema.json) against what the tool
// writes. usage: node schema-check.mjs SCHEMA.json DATA.json
// Exit: 0 valid, 1 invalid (errors listed), 77 when the npm tools are absent.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const nodeModules = process.env.B24_NODE_MODULES || path.join(here, '../../tools/npm/node_modules');
if (!existsSync(path.join(nodeModules, 'ajv'))) {
  console.error('SKIP: ajv is not installed (tools/npm-install.sh)');
  process.exit(77);
}
const require = createRequire(path.join(nodeModules, 'x.js'));
const Ajv2020 = require('ajv/dist/2020').default;
const [schemaPath, dataPath] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
if (!validate(JSON.parse(readFileSync(dataPath, 'utf8')))) {
  for (const e of validate.errors.slice(0, 20)) console.error(`${dataPath}: ${e.instancePath || '/'} ${e.message}`);
  process.exit(1);
}
console.log(`${dataPath}: valid against ${path.basename(schemaPath)}`);
