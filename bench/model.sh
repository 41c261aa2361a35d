#!/usr/bin/env bash
# Modelling the whole 2026 corpus vs bare cmark rendering the same pages, in one
# hyperfine run; prints the ratio and b24spec's peak memory. Goal: <= 1.5x, <= 100 MB.
# b24spec reads pages on every CPU; the one-thread run (B24_JOBS=1) and the CPU
# time (user + system) are printed too, so that the ratio says what it measures.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The pages the model reads: every .md outside _ directories.
find "$docs" -name '*.md' -not -path '*/_*' | sort >"$tmp/files"
hyperfine --warmup 2 --runs 10 --export-json "$tmp/h.json" \
  -n cmark "xargs cmark < $tmp/files > /dev/null" \
  -n b24spec-model "$bin model $docs -o $tmp/model.json 2>/dev/null" \
  -n b24spec-model-1-thread "B24_JOBS=1 $bin model $docs -o $tmp/model.json 2>/dev/null" >&2
node -e '
const r = require(process.argv[1]).results;
const t = Object.fromEntries(r.map((x) => [x.command, x.mean]));
const cpu = Object.fromEntries(r.map((x) => [x.command, x.user + x.system]));
const m = "b24spec-model", m1 = "b24spec-model-1-thread";
console.log(`wall: cmark ${t.cmark.toFixed(3)} s, b24spec model ${t[m].toFixed(3)} s, ratio ${(t[m] / t.cmark).toFixed(2)}x (goal <= 1.5x)`);
console.log(`one thread: b24spec model ${t[m1].toFixed(3)} s, ratio ${(t[m1] / t.cmark).toFixed(2)}x`);
console.log(`cpu (user+sys): cmark ${cpu.cmark.toFixed(3)} s, b24spec model ${cpu[m].toFixed(3)} s (${(cpu[m] / cpu.cmark).toFixed(2)}x), one thread ${cpu[m1].toFixed(3)} s (${(cpu[m1] / cpu.cmark).toFixed(2)}x)`);
' "$tmp/h.json"
/usr/bin/time -f "peak memory %M KB (goal <= 102400 KB)" "$bin" model "$docs" -o "$tmp/model.json" 2>&1 >/dev/null | tail -1
