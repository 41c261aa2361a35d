#!/usr/bin/env bash
# `b24spec lint` on the whole 2026 corpus vs `b24spec model` on the same corpus, in
# one hyperfine run; prints the ratio. Goal: lint <= 1.2x model (lint models the
# docs too, then runs its rules instead of writing the JSON).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hyperfine --warmup 2 --runs 10 --export-json "$tmp/h.json" \
  -n model "$bin model $docs -o $tmp/model.json 2>/dev/null" \
  -n lint "$bin lint --fail-on never $docs > $tmp/lint.txt" >&2
node -e '
const r = require(process.argv[1]).results;
const t = Object.fromEntries(r.map((x) => [x.command, x.mean]));
console.log(`b24spec model ${t.model.toFixed(3)} s, b24spec lint ${t.lint.toFixed(3)} s, ratio ${(t.lint / t.model).toFixed(2)}x (goal <= 1.2x)`);
' "$tmp/h.json"
echo "findings: $(wc -l < "$tmp/lint.txt")"
