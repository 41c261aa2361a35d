#!/usr/bin/env bash
# All generators over the whole 2026 corpus vs modelling it (`b24spec model`),
# in one hyperfine run; prints the ratio. Goal: gen <= 2x model.
# usage: bench/gen.sh [DOCS]   (B24_BIN overrides build/b24spec)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each gen run starts from an empty directory, so every file is written.
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$tmp/h.json" \
  -n model "$bin model $docs -o $tmp/model.json 2>/dev/null" \
  -n gen --prepare "rm -rf $tmp/out" "$bin gen $docs -o $tmp/out 2>/dev/null" >&2
node -e '
const r = require(process.argv[1]).results;
const t = Object.fromEntries(r.map((x) => [x.command, x.mean]));
console.log(`b24spec model ${t.model.toFixed(3)} s, b24spec gen ${t.gen.toFixed(3)} s, ratio ${(t.gen / t.model).toFixed(2)}x (goal <= 2x)`);
' "$tmp/h.json"
echo "files: $(find "$tmp/out" -type f 2>/dev/null | wc -l) (from the last run)" >&2
