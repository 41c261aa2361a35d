// Recall of b24spec lint: defects of known kinds are planted, one at a time, in a
// copy of real corpus pages, and a defect counts as caught when lint reports a
// finding it did not report for the untouched page within a few lines of it.
//
//   node inject.mjs [--per-kind N] [--seed S] [--whole] [--kinds a,b] [--goal 0.95] [--verbose]
//                   [--snapshot b24restdocs-2025-08-20]
//
// B24_BIN is the binary, B24_CORPUS the corpus folder (skipped, exit 77, when
// absent). --whole lints the whole copied root each time (slow) instead of the
// changed page alone; with lint's "one page as in the whole" both agree.
// Prints caught/planted per kind; exits 1 when a kind is under the goal.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const perKind = +opt('--per-kind', 20);
const seed = +opt('--seed', 18);
const whole = args.includes('--whole');
const verbose = args.includes('--verbose');
const goal = +opt('--goal', 0.95);
const onlyKinds = opt('--kinds', '') ? opt('--kinds', '').split(',') : null;
const bin = process.env.B24_BIN;
const corpus = process.env.B24_CORPUS;
const snapshot = opt('--snapshot', 'b24restdocs-2026-08-21');
const src = join(corpus ?? '', snapshot);
if (!corpus || !existsSync(src)) {
  console.log('corpus absent: skipped');
  process.exit(77);
}
const NEAR = 3;

// ---- seeded randomness ----
let state = seed >>> 0;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shuffle = (a) => {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const pick = (a) => a[Math.floor(rand() * a.length)];

// ---- reading a page's structure (enough to place a defect) ----

// Lines inside code fences, and the fences themselves: [{start, end, info}].
function fences(lines) {
  const out = [];
  let open = null;
  lines.forEach((l, i) => {
    const m = l.match(/^\s*(```+)\s*([\w+-]*)/);
    if (!m) return;
    if (!open) open = { start: i, info: m[2], ticks: m[1].length };
    else if (m[1].length >= open.ticks && !m[2]) {
      out.push({ ...open, end: i });
      open = null;
    }
  });
  return out;
}
const inFence = (fs, i) => fs.some((f) => i >= f.start && i <= f.end);

function headings(lines, fs) {
  const out = [];
  lines.forEach((l, i) => {
    const m = l.match(/^(#{1,6})\s+(.*)/);
    if (m && !inFence(fs, i)) out.push({ line: i, level: m[1].length, text: m[2] });
  });
  return out;
}

// Top-level #| tables and their rows: [{start, end, rows: [{start, end, text}]}].
function tables(lines, fs) {
  const out = [];
  let t = null, row = null, depth = 0;
  lines.forEach((l, i) => {
    if (inFence(fs, i)) return;
    const s = l.trim();
    if (s.startsWith('#|')) {
      depth++;
      if (depth === 1) t = { start: i, rows: [] };
      return;
    }
    if (s.startsWith('|#')) {
      depth--;
      if (depth === 0 && t) {
        t.end = i;
        out.push(t);
        t = null;
        row = null;
      }
      return;
    }
    if (depth !== 1 || !t) return;
    if (!row && s.startsWith('||')) row = { start: i, text: '' };
    if (row) {
      row.text += (row.text ? '\n' : '') + l;
      if (s.endsWith('||') && (s.length > 2 || i > row.start)) {
        row.end = i;
        t.rows.push(row);
        row = null;
      }
    }
  });
  return out;
}

// Cells of a row: split at '|' outside backticks and brackets.
function cells(text) {
  const s = text.trim().replace(/^\|\|/, '').replace(/\|\|$/, '');
  const out = [];
  let cur = '', tick = false, br = 0;
  for (const ch of s) {
    if (ch === '`') tick = !tick;
    if (!tick && ch === '[') br++;
    if (!tick && ch === ']') br = Math.max(0, br - 1);
    if (ch === '|' && !tick && !br) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const rowName = (row) => {
  const m = row.text.match(/^\s*\|\|\s*\*\*`?([A-Za-z_][\w.\[\]-]*)`?\*\*(\*?)/);
  return m ? { name: m[1], required: m[2] === '*' || /^\s*\|\|\s*\*\*[^*]+\*\*\s*\\?\*/.test(row.text) } : null;
};
const rowType = (row) => {
  const first = cells(row.text)[0] ?? '';
  const m = first.match(/`([a-z_]+(?:\[\])?)`/);
  return m ? m[1] : null;
};
// Every type the row's first cell names (`integer` \| `object`).
const rowTypes = (row) => [...(cells(row.text)[0] ?? '').matchAll(/`([a-z_]+(?:\[\])?)`/g)].map((m) => m[1]);

function sectionAfter(hs, lines, re) {
  const h = hs.find((x) => re.test(x.text));
  if (!h) return null;
  const next = hs.find((x) => x.line > h.line && x.level <= h.level);
  return { start: h.line, end: next ? next.line : lines.length, level: h.level };
}

function responseExample(lines, fs, hs) {
  const sec = sectionAfter(hs, lines, /^(Response Handling|Обработка ответа)/i);
  if (!sec) return null;
  const f = fs.find((x) => x.start > sec.start && x.start < sec.end && /json|^$/.test(x.info));
  if (!f) return null;
  const body = lines.slice(f.start + 1, f.end).join('\n');
  try {
    return { ...f, json: JSON.parse(body) };
  } catch {
    return null;
  }
}

function returnedTable(lines, fs, hs) {
  const sec = sectionAfter(hs, lines, /^(Returned Data|Возвращаемые данные)/i);
  if (!sec) return null;
  return tables(lines, fs).find((t) => t.start > sec.start && t.start < sec.end) ?? null;
}

function paramTable(lines, fs, hs) {
  const sec = sectionAfter(hs, lines, /^(Method Parameters|Parameters|Параметры метода)/i);
  if (!sec) return null;
  return tables(lines, fs).find((t) => t.start > sec.start && t.start < sec.end) ?? null;
}

// One-line cURL -d bodies that are JSON: [{line, col, text, json}].
function curlBodies(lines, fs) {
  const out = [];
  for (const f of fs) {
    if (!/bash|shell|sh|curl/.test(f.info)) continue;
    for (let i = f.start + 1; i < f.end; i++) {
      const m = lines[i].match(/-d\s+'(\{.*\})'/);
      if (!m) continue;
      try {
        out.push({ line: i, col: lines[i].indexOf(m[1]), text: m[1], json: JSON.parse(m[1]) });
      } catch { /* not JSON already */ }
    }
  }
  return out;
}

// ---- the defect kinds: page lines -> {lines (changed page), at: [0-based lines]} or null ----

const basicTypes = ['integer', 'string', 'boolean', 'double', 'datetime', 'date', 'object', 'array'];
const otherType = (t) => ({ integer: 'string', string: 'integer', boolean: 'integer', double: 'string',
  datetime: 'integer', date: 'integer', object: 'integer', array: 'integer' })[t];

const replaceLine = (L, i, s) => {
  const c = L.slice();
  c[i] = s;
  return c;
};

function jsonCurlKey(L, ctx, mode) {
  const bodies = curlBodies(L, ctx.fs).filter((b) => Object.keys(b.json).some((k) => k !== 'auth'));
  if (!bodies.length) return null;
  const b = pick(bodies);
  const line = L[b.line];
  if (mode === 'break') {
    // delete the ':' after one key (anywhere in the body)
    const colons = [...b.text.matchAll(/"\s*:/g)].map((m) => b.col + m.index + m[0].length - 1);
    if (!colons.length) return null;
    const at = pick(colons);
    return { lines: replaceLine(L, b.line, line.slice(0, at) + line.slice(at + 1)), at: [b.line] };
  }
  return null;
}

const kinds = {
  // Broken JSON in a one-line cURL body (a ':' dropped).
  'json-body'(L, ctx) {
    return jsonCurlKey(L, ctx, 'break');
  },
  // A multi-line response example with a comma dropped between members.
  'json-response'(L, ctx) {
    const ex = responseExample(L, ctx.fs, ctx.hs);
    if (!ex) return null;
    const cand = [];
    for (let i = ex.start + 1; i < ex.end - 1; i++)
      if (/,\s*$/.test(L[i]) && /^\s*"/.test(L[i + 1])) cand.push(i);
    if (!cand.length) return null;
    const i = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(/,\s*$/, '')), at: [i, i + 1] };
  },
  // A relative link to a page that exists, pointed at one that does not.
  'link-dead'(L, ctx) {
    const cand = [];
    L.forEach((l, i) => {
      if (inFence(ctx.fs, i)) return;
      for (const m of l.matchAll(/\]\(((?:\.\.?\/)?[\w./-]+?)\.md(#[\w-]*)?\)/g))
        if (existsSync(join(dirname(ctx.file), `${m[1]}.md`)) && !m[1].includes('_includes')) cand.push([i, m]);
    });
    if (!cand.length) return null;
    const [i, m] = pick(cand);
    const l = L[i];
    const at = m.index + 2 + m[1].length;
    return { lines: replaceLine(L, i, l.slice(0, at) + '-gone' + l.slice(at)), at: [i] };
  },
  // A link to an anchor of this page, or of another, that is misspelt.
  'anchor-dead'(L, ctx) {
    const cand = [];
    L.forEach((l, i) => {
      if (inFence(ctx.fs, i)) return;
      for (const m of l.matchAll(/\]\(([\w./-]*)#([\w-]+)\)/g)) {
        const target = m[1] ? join(dirname(ctx.file), m[1]) : ctx.file;
        if (m[1] && (!m[1].endsWith('.md') || !existsSync(target))) continue;
        if (ctx.before.some((f) => f.line === i + 1 && /anchor/.test(f.rule))) continue;
        cand.push([i, m]);
      }
    });
    if (!cand.length) return null;
    const [i, m] = pick(cand);
    const at = m.index + m[0].length - 1;
    return { lines: replaceLine(L, i, L[i].slice(0, at) + 'x' + L[i].slice(at)), at: [i] };
  },
  // An include whose fragment path is misspelt.
  'include-missing'(L, ctx) {
    const cand = [];
    L.forEach((l, i) => {
      if (/\{%\s*include[^%]*\]\([^)]+\.md\)/.test(l) && !inFence(ctx.fs, i)) cand.push(i);
    });
    if (!cand.length) return null;
    const i = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(/\.md\)/, '-gone.md)')), at: [i] };
  },
  // A row whose closing || is forgotten (not the last row of its table).
  'row-unclosed'(L, ctx) {
    const cand = [];
    for (const t of tables(L, ctx.fs))
      for (let r = 1; r < t.rows.length - 1; r++) {
        const row = t.rows[r];
        if (row.end > row.start) cand.push(row.end);
      }
    if (!cand.length) return null;
    const i = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(/\s*\|\|\s*$/, '')), at: [i, i + 1] };
  },
  // "- ||": a list mark before a row, which turns the row into stray text.
  'row-list-mark'(L, ctx) {
    const cand = [];
    for (const t of tables(L, ctx.fs)) for (let r = 1; r < t.rows.length; r++) cand.push(t.rows[r].start);
    if (!cand.length) return null;
    const i = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(/^(\s*)\|\|/, '$1- ||')), at: [i] };
  },
  // Two cells of a row of a three-column table run together (a '|' lost).
  'cell-lost'(L, ctx) {
    const cand = [];
    for (const t of tables(L, ctx.fs)) {
      if (!t.rows.length || cells(t.rows[0].text).length !== 3) continue;
      for (let r = 1; r < t.rows.length; r++) {
        const row = t.rows[r];
        if (row.start === row.end && cells(row.text).length === 3) cand.push(row.start);
      }
    }
    if (!cand.length) return null;
    const i = pick(cand);
    const cs = cells(L[i]);
    // drop the separator between the 2nd and 3rd cell
    const head = L[i].match(/^\s*\|\|/)[0];
    const s = `${head}${cs[0]}|${cs[1]} ${cs[2]}||`;
    return { lines: replaceLine(L, i, s), at: [i] };
  },
  // A {% list tabs %} whose {% endlist %} is lost.
  'endlist-lost'(L, ctx) {
    const cand = [];
    L.forEach((l, i) => {
      if (/^\s*\{%\s*endlist\s*%\}\s*$/.test(l) && !inFence(ctx.fs, i)) cand.push(i);
    });
    if (!cand.length) return null;
    const i = pick(cand);
    let open = i;
    while (open > 0 && !/\{%\s*list tabs/.test(L[open])) open--;
    return { lines: replaceLine(L, i, ''), at: [i, open] };
  },
  // A {% note %} whose opening is lost: its {% endnote %} is stray.
  'note-open-lost'(L, ctx) {
    const cand = [];
    L.forEach((l, i) => {
      if (/^\s*\{%\s*note\b.*%\}\s*$/.test(l) && !inFence(ctx.fs, i)) cand.push(i);
    });
    if (!cand.length) return null;
    const i = pick(cand);
    let end = i;
    while (end < L.length - 1 && !/\{%\s*endnote/.test(L[end])) end++;
    return { lines: replaceLine(L, i, ''), at: [i, end] };
  },
  // A basic type misspelt in a parameter row.
  'type-typo'(L, ctx) {
    const t = paramTable(L, ctx.fs, ctx.hs);
    if (!t) return null;
    const cand = [];
    for (const row of t.rows.slice(1))
      for (let i = row.start; i <= row.end; i++) if (/`(integer|string|boolean)`/.test(L[i])) cand.push(i);
    if (!cand.length) return null;
    const i = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(/`(integer|string|boolean)`/, (m, w) => `\`${w.slice(0, -2)}${w.at(-1)}${w.at(-2)}\``)), at: [i] };
  },
  // A parameter row written twice.
  'param-twice'(L, ctx) {
    const t = paramTable(L, ctx.fs, ctx.hs);
    if (!t || t.rows.length < 2) return null;
    const rows = t.rows.slice(1).filter((r) => rowName(r));
    if (!rows.length) return null;
    const row = pick(rows);
    const copy = L.slice(row.start, row.end + 1);
    const out = [...L.slice(0, row.end + 1), ...copy, ...L.slice(row.end + 1)];
    return { lines: out, at: [row.end + 1], shifted: row.end + 1 };
  },
  // A cURL body sends a key that the parameter table does not list.
  'example-unknown-key'(L, ctx) {
    const t = paramTable(L, ctx.fs, ctx.hs);
    const bodies = curlBodies(L, ctx.fs);
    if (!t || !bodies.length) return null;
    const b = pick(bodies);
    const j = { ...b.json, UNDOCUMENTED_KEY: 1 };
    const l = L[b.line];
    return { lines: replaceLine(L, b.line, l.slice(0, b.col) + JSON.stringify(j) + l.slice(b.col + b.text.length)), at: [b.line] };
  },
  // A required parameter that no cURL body sends any more.
  'required-unsent'(L, ctx) {
    return requiredUnsent(L, ctx, false);
  },
  // The same, for a parameter whose name another row's text mentions.
  'required-unsent-mentioned'(L, ctx) {
    return requiredUnsent(L, ctx, true);
  },
  // A response example value of another type than Returned Data says.
  'response-type'(L, ctx) {
    return responseType(L, ctx, (res) => res.hasResult);
  },
  // The same where Returned Data has no `result` row (crm.status.get).
  'response-type-no-result-row'(L, ctx) {
    return responseType(L, ctx, (res) => !res.hasResult);
  },
  // The value of `result` itself of another type than its row says.
  'result-type'(L, ctx) {
    const ex = responseExample(L, ctx.fs, ctx.hs);
    const t = returnedTable(L, ctx.fs, ctx.hs);
    if (!ex || !t || !('result' in ex.json)) return null;
    const row = t.rows.find((r) => rowName(r)?.name === 'result');
    if (!row) return null;
    const type = rowType(row);
    const v = ex.json.result;
    let repl;
    if ((type === 'boolean' || type === 'integer') && (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string')) repl = '{"unexpected": 1}';
    else if ((type === 'object' || type === 'array') && (v && typeof v === 'object')) repl = '"text"';
    else return null;
    // a value another alternative of the row allows is no defect (`integer` \| `object`)
    const others = rowTypes(row);
    if (repl.startsWith('{') ? others.some((x) => x === 'object' || x === 'array' || x.endsWith('[]'))
      : others.some((x) => x === 'string' || x === 'text')) return null;
    for (let i = ex.start + 1; i < ex.end; i++) {
      const m = L[i].match(/^(\s*"result"\s*:\s*)(true|false|-?\d+(?:\.\d+)?|"[^"]*")(\s*,?\s*)$/);
      if (m) return { lines: replaceLine(L, i, m[1] + repl + m[3]), at: [i, row.start] };
      const o = L[i].match(/^(\s*"result"\s*:\s*)[[{]\s*$/);
      if (o && repl === '"text"') {
        // replace the whole value: from here to its closing bracket
        let depth = 0, k = i;
        for (; k < ex.end; k++) {
          for (const ch of L[k]) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
          if (depth === 0) break;
        }
        const tail = L[k].match(/[}\]](\s*,?\s*)$/);
        const out = [...L.slice(0, i), o[1] + repl + (tail ? tail[1] : ''), ...L.slice(k + 1)];
        // the row below the example moves up by the lines the value lost
        const rowAt = row.start > k ? row.start - (k - i) : row.start;
        return { lines: out, at: [i, rowAt], shifted: i + 1 };
      }
    }
    return null;
  },
  // The response example has a field in result that Returned Data does not document.
  'response-extra'(L, ctx) {
    const ex = responseExample(L, ctx.fs, ctx.hs);
    const t = returnedTable(L, ctx.fs, ctx.hs);
    if (!ex || !t || !ex.json.result || typeof ex.json.result !== 'object' || Array.isArray(ex.json.result)) return null;
    const names = new Set(t.rows.map((r) => rowName(r)?.name).filter(Boolean));
    if (Object.keys(ex.json.result).filter((k) => names.has(k)).length < 2) return null;
    for (let i = ex.start + 1; i < ex.end; i++)
      if (/^\s*"result"\s*:\s*\{\s*$/.test(L[i])) {
        const ind = (L[i + 1].match(/^\s*/) ?? [''])[0];
        return { lines: [...L.slice(0, i + 1), `${ind}"UNDOCUMENTED_FIELD": "1",`, ...L.slice(i + 1)], at: [i + 1], shifted: i + 1 };
      }
    return null;
  },
  // A documented field dropped from a single-object response example.
  'response-missing'(L, ctx) {
    const ex = responseExample(L, ctx.fs, ctx.hs);
    const t = returnedTable(L, ctx.fs, ctx.hs);
    if (!ex || !t || !ex.json.result || typeof ex.json.result !== 'object' || Array.isArray(ex.json.result)) return null;
    const rows = new Map(t.rows.map((r) => [rowName(r)?.name, r]).filter(([n]) => n));
    const keys = Object.keys(ex.json.result);
    if (keys.filter((k) => rows.has(k)).length < 3) return null;
    const cand = [];
    let inResult = false, depth = 0;
    for (let i = ex.start + 1; i < ex.end; i++) {
      if (/^\s*"result"\s*:\s*\{\s*$/.test(L[i])) {
        inResult = true;
        depth = 0;
        continue;
      }
      if (!inResult) continue;
      const m = L[i].match(/^\s*"([^"]+)"\s*:\s*(?:"[^"]*"|-?[\d.]+|true|false|null)\s*,\s*$/);
      if (depth === 0 && m && rows.has(m[1]) && !/if |only|when /i.test(rows.get(m[1]).text)) cand.push([i, rows.get(m[1]).start]);
      for (const ch of L[i]) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
      if (depth < 0) break;
    }
    if (!cand.length) return null;
    const [i, row] = pick(cand);
    return { lines: [...L.slice(0, i), ...L.slice(i + 1)], at: [i, row > i ? row - 1 : row], shifted: i };
  },
  // An error row written twice, in three-column tables.
  'error-twice'(L, ctx) {
    return errorTwice(L, ctx, 3);
  },
  // ... and in two-column `Code | Description` tables.
  'error-twice-two-columns'(L, ctx) {
    return errorTwice(L, ctx, 2);
  },
  // The method name in the title misspelt.
  'title-typo'(L, ctx) {
    const m = L[0].match(/^#\s+.*?\b([a-z][\w]*(?:\.[\w]+)+)\s*$/);
    if (!m || !ctx.method) return null;
    const name = m[1];
    const last = name.lastIndexOf('.');
    const seg = name.slice(last + 1);
    if (seg.length < 3) return null;
    const typo = name.slice(0, last + 1) + seg.slice(0, 1) + seg.slice(2, 3) + seg.slice(1, 2) + seg.slice(3);
    if (typo === name) return null;
    return { lines: replaceLine(L, 0, L[0].slice(0, m.index + m[0].length - m[1].length - (m[0].length - m[0].trimEnd().length)) + typo), at: [0] };
  },
  // A parameter of an *.update page typed unlike the same parameter of its *.add
  // sibling, at any depth (user.userfield.update SETTINGS.PRECISION).
  'family-type'(L, ctx) {
    if (!/-update\.md$/.test(ctx.file) || !ctx.method) return null;
    const addFile = ctx.file.replace(/-update\.md$/, '-add.md');
    if (!existsSync(addFile)) return null;
    const addText = readFileSync(addFile, 'utf8');
    const cand = [];
    for (const t of tables(L, ctx.fs).concat(nestedTables(L, ctx.fs))) {
      const sec = ctx.hs.filter((h) => h.line < t.start).at(-1);
      if (sec && /Returned|Response|Error|Возвращ|Ошибк/i.test(sec.text)) continue;
      for (const row of t.rows.slice(1)) {
        const n = rowName(row);
        const type = rowType(row);
        if (!n || !type || !otherType(type) || !addText.includes(`**${n.name}**`)) continue;
        // `integer` \| `string` turned into `string` \| `string` still says string
        if (rowTypes(row).includes(otherType(type))) continue;
        if (/^(filter|order|sort|select|start|limit)$/i.test(n.name)) continue;
        for (let i = row.start; i <= row.end; i++) if (L[i].includes(`\`${type}\``)) cand.push([i, type]);
      }
    }
    if (!cand.length) return null;
    const [i, type] = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(`\`${type}\``, `\`${otherType(type)}\``)), at: [i] };
  },
  // A "Continue Learning" link to a page that does not exist.
  'see-also-dead'(L, ctx) {
    const sec = sectionAfter(ctx.hs, L, /^(Continue Learning|Продолжите изучение)/i);
    if (!sec) return null;
    const cand = [];
    for (let i = sec.start + 1; i < sec.end; i++) if (/\]\([\w./-]+\.md\)/.test(L[i])) cand.push(i);
    if (!cand.length) return null;
    const i = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(/\.md\)/, '-gone.md)')), at: [i] };
  },
  // A type link to an object anchor that does not exist.
  'type-link-dead'(L, ctx) {
    const cand = [];
    L.forEach((l, i) => {
      if (!inFence(ctx.fs, i) && /\[`\w+(?:\[\])?`\]\([\w./-]*#[\w-]+\)/.test(l)) cand.push(i);
    });
    if (!cand.length) return null;
    const i = pick(cand);
    return { lines: replaceLine(L, i, L[i].replace(/(\[`\w+(?:\[\])?`\]\([\w./-]*#[\w-]+)\)/, '$1-gone)')), at: [i] };
  },
};

// Tables nested inside a cell or under "Parameter X" sections (indented #|).
function nestedTables(L, fs) {
  const out = [];
  L.forEach((l, i) => {
    if (/^\s+#\|/.test(l) && !inFence(fs, i)) {
      const ind = l.match(/^\s*/)[0];
      const sub = L.map((x) => (x.startsWith(ind) ? x.slice(ind.length) : '\u0000'));
      let end = i;
      while (end < L.length && !/^\s*\|#/.test(L[end])) end++;
      const t = tables(sub.slice(0, end + 1).map((x, k) => (k < i ? '' : x)), []).find((x) => x.start === i);
      if (t) out.push(t);
    }
  });
  return out;
}

function requiredUnsent(L, ctx, mentioned) {
  const t = paramTable(L, ctx.fs, ctx.hs);
  const bodies = curlBodies(L, ctx.fs);
  if (!t || !bodies.length) return null;
  const rows = t.rows.slice(1).map((r) => [r, rowName(r)]).filter(([, n]) => n && n.required && !n.name.includes('.'));
  const cand = rows.filter(([r, n]) => {
    const others = t.rows.filter((x) => x !== r).map((x) => x.text).join('\n');
    const isMentioned = new RegExp(`\\b${n.name}\\b`).test(others);
    if (mentioned !== isMentioned) return false;
    if (/\b(or|either|one of|if)\b|или|если/i.test(r.text)) return false; // a real alternative
    return bodies.every((b) => Object.keys(b.json).some((k) => k.toLowerCase() === n.name.toLowerCase()));
  });
  if (!cand.length) return null;
  const [row, n] = pick(cand);
  // every cURL body of the page loses the key
  let out = L.slice();
  for (const b of bodies) {
    const j = Object.fromEntries(Object.entries(b.json).filter(([k]) => k.toLowerCase() !== n.name.toLowerCase()));
    const l = out[b.line];
    out[b.line] = l.slice(0, b.col) + JSON.stringify(j) + l.slice(b.col + b.text.length);
  }
  if (curlBodiesAll(L, ctx.fs) > bodies.length) return null; // multi-line bodies would still send it
  return { lines: out, at: [row.start, ...bodies.map((b) => b.line)] };
}

// Every -d body of the page, one-line or not.
function curlBodiesAll(L, fs) {
  let n = 0;
  for (const f of fs) {
    if (!/bash|shell|sh|curl/.test(f.info)) continue;
    for (let i = f.start + 1; i < f.end; i++) if (/-d\s+'/.test(L[i])) n++;
  }
  return n;
}

function responseType(L, ctx, want) {
  const ex = responseExample(L, ctx.fs, ctx.hs);
  const t = returnedTable(L, ctx.fs, ctx.hs);
  if (!ex || !t || !ex.json.result || typeof ex.json.result !== 'object' || Array.isArray(ex.json.result)) return null;
  const rows = new Map(t.rows.map((r) => [rowName(r)?.name, r]).filter(([n]) => n));
  if (!want({ hasResult: rows.has('result') })) return null;
  const cand = [];
  let inResult = false, depth = 0;
  for (let i = ex.start + 1; i < ex.end; i++) {
    if (/^\s*"result"\s*:\s*\{\s*$/.test(L[i])) {
      inResult = true;
      continue;
    }
    if (!inResult) continue;
    const m = L[i].match(/^(\s*"([^"]+)"\s*:\s*)("[^"]*"|-?[\d.]+|true|false)(\s*,?\s*)$/);
    const row = m && depth === 0 ? rows.get(m[2]) : null;
    const type = row && rowType(row);
    if (row && (type === 'integer' || type === 'string' || type === 'boolean' || type === 'datetime' || type === 'double'))
      cand.push([i, m, row]);
    for (const ch of L[i]) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
    if (depth < 0) break;
  }
  if (!cand.length) return null;
  const [i, m, row] = pick(cand);
  return { lines: replaceLine(L, i, `${m[1]}{"unexpected": 1}${m[4]}`), at: [i, row.start] };
}

function errorTwice(L, ctx, columns) {
  const sec = sectionAfter(ctx.hs, L, /^(Error Handling|Обработка ошибок)/i);
  if (!sec) return null;
  const cand = [];
  for (const t of tables(L, ctx.fs)) {
    if (t.start < sec.start || t.start > sec.end || !t.rows.length) continue;
    if (cells(t.rows[0].text).length !== columns) continue;
    for (const r of t.rows.slice(1)) if (/`[^`]+`/.test(cells(r.text)[0])) cand.push(r);
  }
  if (!cand.length) return null;
  const r = pick(cand);
  const copy = L.slice(r.start, r.end + 1);
  return { lines: [...L.slice(0, r.end + 1), ...copy, ...L.slice(r.end + 1)], at: [r.end + 1], shifted: r.end + 1 };
}

// ---- running lint ----

function lint(root, rel) {
  const target = whole ? root : join(root, rel);
  const r = spawnSync(bin, ['lint', '--format', 'json', '--fail-on', 'never', target], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`lint ${target}: exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout).findings.filter((f) => f.path === rel);
}

const key = (f) => `${f.rule}\u0000${f.message.replace(/\d+/g, '#')}`;

// Findings of `after` that `before` does not have (as a multiset, lines ignored).
function fresh(before, after) {
  const count = new Map();
  for (const f of before) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  return after.filter((f) => {
    const n = count.get(key(f)) ?? 0;
    if (n > 0) {
      count.set(key(f), n - 1);
      return false;
    }
    return true;
  });
}

function walk(dir, base, out) {
  for (const e of readdirSync(dir)) {
    if (e.startsWith('.') || e.startsWith('_')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, base, out);
    else if (e.endsWith('.md')) out.push(relative(base, p));
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'b24inject-'));
const root = join(work, snapshot);
try {
  cpSync(src, root, { recursive: true });
  const pages = walk(join(root, 'api-reference'), root, []).sort();
  const results = {};
  const missed = {};
  const beforeCache = new Map();
  for (const kind of Object.keys(kinds)) {
    if (onlyKinds && !onlyKinds.includes(kind)) continue;
    results[kind] = { planted: 0, caught: 0 };
    missed[kind] = [];
    for (const rel of shuffle(pages.slice())) {
      if (results[kind].planted >= perKind) break;
      // Event pages are linted by rules of their own (issue 16): not planted in.
      if (/(^|\/)(events?\/|on-[\w-]+\.md$)/.test(rel)) continue;
      const file = join(root, rel);
      const text = readFileSync(file, 'utf8');
      const L = text.split('\n');
      const fs = fences(L);
      const hs = headings(L, fs);
      if (!beforeCache.has(rel)) beforeCache.set(rel, lint(root, rel));
      const before = beforeCache.get(rel);
      const method = /\b[a-z]\w*\.\w+/.test(L[0] ?? '');
      const ctx = { file, fs, hs, before, method };
      const inj = kinds[kind](L, ctx);
      if (!inj) continue;
      writeFileSync(file, inj.lines.join('\n'));
      let after;
      try {
        after = lint(root, rel);
      } finally {
        writeFileSync(file, text);
      }
      const news = fresh(before, after);
      const hit = news.some((f) => inj.at.some((a) => Math.abs(f.line - (a + 1)) <= NEAR));
      results[kind].planted++;
      if (hit) results[kind].caught++;
      else missed[kind].push(`${rel}:${inj.at.map((a) => a + 1).join(',')}${news.length ? ` (reported elsewhere: ${news.map((f) => `${f.line} ${f.rule}`).join('; ')})` : ''}`);
    }
    if (verbose) console.error(`${kind}: ${results[kind].caught}/${results[kind].planted}`);
  }
  let ok = true, planted = 0, caught = 0;
  console.log(`seed ${seed}, ${perKind} per kind, ${whole ? 'whole root' : 'the page alone'} linted, ${snapshot}`);
  for (const [kind, r] of Object.entries(results)) {
    const share = r.planted ? r.caught / r.planted : 0;
    planted += r.planted;
    caught += r.caught;
    const bad = !r.planted || share < goal;
    if (bad) ok = false;
    console.log(`${kind.padEnd(28)} ${String(r.caught).padStart(3)}/${String(r.planted).padEnd(3)} ${(100 * share).toFixed(0).padStart(3)}%${bad ? '  <- under the goal' : ''}`);
    if (verbose || bad) for (const m of missed[kind]) console.log(`    missed ${m}`);
  }
  console.log(`all                          ${caught}/${planted} ${(100 * caught / planted).toFixed(1)}%`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
