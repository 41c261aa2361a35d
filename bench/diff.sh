#!/usr/bin/env bash
# Diffing the two corpus snapshots vs modelling the newer one, in one hyperfine run.
# Goal: <= 2.2x.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
c=${1:-../shared/corpus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hyperfine --warmup 1 --runs 5 --export-json "$tmp/h.json" \
  -n model "$bin model $c/b24restdocs-2026-08-21 -o $tmp/m.json 2>/dev/null" \
  -n diff "$bin diff $c/b24restdocs-2025-08-20 $c/b24restdocs-2026-08-21 -o $tmp/d.txt 2>/dev/null" >&2
node -e '
const r = require(process.argv[1]).results;
const t = Object.fromEntries(r.map((x) => [x.command, x.mean]));
console.log(`model ${t.model.toFixed(3)} s, diff ${t.diff.toFixed(3)} s, ratio ${(t.diff / t.model).toFixed(2)}x (goal <= 2.2x)`);
' "$tmp/h.json"
