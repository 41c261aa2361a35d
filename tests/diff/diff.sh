#!/usr/bin/env bash
# b24spec diff: every change kind on a page pair (against a reviewed golden output),
# the three formats, --fail-on, the seed's ACTIVE param, and the two corpus snapshots.
set -u
. "$(dirname "$0")/lib.sh"
d=tests/data/diff
"$bin" diff $d/old $d/new >"$tmp/text"; rc=$?
check text-golden 'diff -u $d/expected.txt "$tmp/text" && [ $rc -eq 0 ]'
"$bin" diff $d/old $d/new --format markdown >"$tmp/md"
check markdown-golden 'diff -u $d/expected.md "$tmp/md"'
"$bin" diff $d/old $d/new --format json >"$tmp/json"
check json 'node -e "
const j = JSON.parse(require(\"fs\").readFileSync(process.argv[1]));
const k = (x) => j.changes.filter((c) => c.kind === x);
if (j.version !== 2 || j.summary.breaking !== 6 || j.summary[\"doc-fix\"] !== 1 || j.summary.compatible !== 4 || j.summary.note !== 3) throw new Error(JSON.stringify(j.summary));
const req = k(\"param-added\").find((c) => c.path === \"mode\");
if (req.tier !== \"breaking\" || req.new.line !== 20 || req.old !== null || req.id !== \"param-added:demo.item.update:mode\") throw new Error(JSON.stringify(req));
const en = k(\"enum-removed\")[0];
if (en.path !== \"fields.KIND\" || en.old.value !== \"number\" || en.old.line !== 29 || en.id !== \"enum-removed:demo.item.update:fields.KIND=number\") throw new Error(JSON.stringify(en));
if (j.changes.some((c) => (c.old && c.old.file.startsWith(\"/\")) || (c.new && c.new.file.startsWith(\"/\")))) throw new Error(\"absolute path\");
" "$tmp/json"'
"$bin" diff $d/old $d/new --fail-on breaking >/dev/null; rc=$?
check fail-on-breaking '[ $rc -eq 1 ]'
"$bin" diff $d/old $d/new >/dev/null; rc=$?
check fail-on-default-never '[ $rc -eq 0 ]'
"$bin" diff $d/new $d/new --fail-on breaking >"$tmp/same"; rc=$?
check no-changes '[ $rc -eq 0 ] && [ "$(cat "$tmp/same")" = "0 breaking, 0 removed-after-deprecation, 0 doc-fix, 0 deprecated, 0 compatible, 0 note; 0 accepted; 0 input errors" ]'
"$bin" diff $d/old >/dev/null 2>&1; rc=$?
check usage '[ $rc -eq 2 ]'
# A model file works as well as a docs root, and gives the same answer.
"$bin" model $d/old -o "$tmp/old.json" 2>/dev/null
"$bin" diff "$tmp/old.json" $d/new >"$tmp/text2"
check model-input 'diff <(sed "s|^[^:]*:[0-9]*: ||; s| (was .*)||" "$tmp/text") <(sed "s|^[^:]*:[0-9]*: ||; s| (was .*)||" "$tmp/text2")'
if [ -d "$corpus/b24restdocs-2026-08-21" ]; then
  "$bin" diff docs-input/api-reference/user/user-update.md "$corpus/b24restdocs-2026-08-21/api-reference/user/user-update.md" >"$tmp/seed" 2>/dev/null
  check seed-active 'grep -q "^api-reference/user/user-update.md:[0-9]*: compatible: user.update: optional param .ACTIVE. added \[param-added\]" "$tmp/seed" && [ $(wc -l <"$tmp/seed") -eq 2 ]'
  "$bin" diff "$corpus/b24restdocs-2025-08-20" "$corpus/b24restdocs-2026-08-21" --format json >"$tmp/c1" 2>/dev/null
  "$bin" diff "$corpus/b24restdocs-2025-08-20" "$corpus/b24restdocs-2026-08-21" --format json >"$tmp/c2" 2>/dev/null
  check corpus-deterministic 'cmp -s "$tmp/c1" "$tmp/c2"'
  check corpus-kinds 'node -e "
const j = JSON.parse(require(\"fs\").readFileSync(process.argv[1]));
const n = (k) => j.changes.filter((c) => c.kind === k).length;
for (const k of [\"method-added\", \"method-removed\", \"param-added\", \"param-removed\", \"param-required\", \"scope-added\", \"field-added\", \"error-added\"])
  if (n(k) === 0) throw new Error(k);
const r = j.changes.find((c) => c.method === \"catalog.catalog.add\" && c.kind === \"method-removed\");
if (!r || r.tier !== \"breaking\") throw new Error(\"catalog.catalog.add\");
const s = j.changes.find((c) => c.method === \"crm.documentgenerator.document.add\" && c.kind === \"scope-added\");
if (!s || s.new.value !== \"crm\") throw new Error(\"scope\");
" "$tmp/c1"'
else
  echo "skip corpus checks: ../shared/corpus is absent"
fi
exit $fail
