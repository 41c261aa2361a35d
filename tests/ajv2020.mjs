// ajv (JSON Schema 2020-12, strict) from tools/npm/node_modules, for the tests that
// validate a format against its schema in docs/. Exits 77 (skip) when it is absent.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';

export function compileSchema(root, schemaPath) {
  const npm = `${root}/tools/npm/node_modules`;
  if (!existsSync(`${npm}/ajv`)) {
    if (process.env.CI) throw new Error('tools/npm/node_modules is missing: run tools/npm-install.sh');
    console.log('SKIP: tools/npm/node_modules is absent (tools/npm-install.sh installs it)');
    process.exit(77);
  }
  const require = createRequire(`${npm}/`);
  const Ajv2020 = require('ajv/dist/2020').default;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(schemaPath)));
}
