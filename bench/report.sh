#!/usr/bin/env bash
# The report page of the 2026 corpus (with a check run of the suite against the
# mock and the diff from 2025) in Debian's chromium: its size, and its median
# load time against a baseline page of the same size that is one <pre> of text,
# loaded in the same run. Goals: under 10 MB, loaded in under 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
c26=${1:-../shared/corpus/b24restdocs-2026-08-21}
c25=${2:-../shared/corpus/b24restdocs-2025-08-20}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" gen "$c26" -o "$tmp/gen" --only suite 2>/dev/null
"$bin" mock "$c26" --port 0 --webhook 1/benchsecret01 --fault wrong-field-type >"$tmp/mock.out" 2>/dev/null &
pid=$!
until grep -q '^listening on ' "$tmp/mock.out"; do sleep 0.1; done
base=$(sed -n 's/^listening on //p' "$tmp/mock.out")/rest/1/benchsecret01/
"$bin" check --url "$base" --suite "$tmp/gen/suite" --json "$tmp/check.json" >/dev/null 2>&1 || true
kill $pid; wait $pid 2>/dev/null || true; pid=
start=$(date +%s.%N)
"$bin" report "$c26" --check "$tmp/check.json" --diff "$c25" -o "$tmp/report.html" 2>/dev/null
end=$(date +%s.%N)
size=$(stat -c %s "$tmp/report.html")
# the baseline: as many bytes of escaped text in one <pre>, no table, no script
{ echo '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>baseline</title><pre>'
  sed 's/&/\&amp;/g; s/</\&lt;/g' "$tmp/report.html"; echo '</pre></html>'; } >"$tmp/baseline.html"
r=$(node bench/report-load.mjs "$tmp/report.html")
b=$(node bench/report-load.mjs "$tmp/baseline.html")
node -e '
const [r, b, size, secs] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2]), +process.argv[3], +process.argv[4]];
console.log(`report page: ${(size / 1e6).toFixed(2)} MB (goal < 10 MB), made in ${secs.toFixed(2)} s`);
console.log(`load: report ${r.load_ms.toFixed(0)} ms, baseline ${b.load_ms.toFixed(0)} ms, ratio ${(r.load_ms / b.load_ms).toFixed(2)}x (goal: report < 2000 ms)`);
console.log(`first paint: report ${r.paint_ms.toFixed(0)} ms, baseline ${b.paint_ms.toFixed(0)} ms`);
' "$r" "$b" "$size" "$(echo "$end - $start" | bc)"
