// The model's JSON reads back into the same model.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { model, root, corpus } from './lib.mjs';
import { existsSync } from 'node:fs';

const inputs = [`${root}/docs-input`, `${root}/tests/data/model/i18n/ru`];
if (corpus && existsSync(`${corpus}/b24restdocs-2026-08-21`)) inputs.push(`${corpus}/b24restdocs-2026-08-21`);
const dir = mkdtempSync(`${tmpdir()}/b24rt-`);
try {
  for (const input of inputs) {
    const a = model(input);
    const file = `${dir}/m.json`;
    writeFileSync(file, JSON.stringify(a));
    const b = model(file);
    assert.deepEqual(b, a, `round trip of ${input}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('roundtrip: ok');
