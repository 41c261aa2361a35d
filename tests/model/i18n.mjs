// A Russian page models the same as its English twin: only text differs.
import assert from 'node:assert/strict';
import { model, root } from './lib.mjs';

const text = new Set(['description', 'title', 'language', 'message', 'access', 'text', 'pages']);
const strip = (o) => Array.isArray(o) ? o.map(strip)
  : o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).filter(([k]) => !text.has(k)).map(([k, v]) => [k, strip(v)]))
  : o;
const en = model(`${root}/tests/data/model/i18n/en`);
const ru = model(`${root}/tests/data/model/i18n/ru`);
assert.equal(en.methods[0].language, 'en');
assert.equal(ru.methods[0].language, 'ru');
assert.equal(ru.methods[0].params[1].children.length, 3, 'the Russian "Параметр fields" section is found');
assert.equal(ru.methods[0].params[1].children[2].variants.length, 2);
assert.equal(ru.methods[0].errors[1].code, '', '"Пустая строка" is the empty code');
assert.deepEqual(strip(ru), strip(en));
console.log('i18n: ok');
