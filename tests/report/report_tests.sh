#!/usr/bin/env bash
# Tests of `b24spec report` (and of `check --json`, which it reads), on the seed
# pages and on the corpus, in a real browser.
# usage: report_tests.sh CASE   with B24_BIN, B24_ROOT, B24_CORPUS, B24_ARTIFACTS in the environment
set -euo pipefail
: "${B24_BIN:?}" "${B24_ROOT:?}" "${B24_CORPUS:=}" "${B24_ARTIFACTS:=$PWD/test-artifacts}"
BIN=$B24_BIN
ROOT=$B24_ROOT
CASE=${1:?case}
SECRET=r7Lq9ReportSecret42
WORK=$(mktemp -d)
MOCK_PID=
cleanup() {
  if [ -n "$MOCK_PID" ]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
C26=$B24_CORPUS/b24restdocs-2026-08-21
C25=$B24_CORPUS/b24restdocs-2025-08-20
NODE_MODULES=$ROOT/tools/npm/node_modules

need_corpus() { [ -d "$C26" ] && [ -d "$C25" ] || skip "no corpus at $B24_CORPUS"; }
need_browser() {
  [ -d "$NODE_MODULES/playwright-core" ] || skip "playwright-core is not installed (tools/npm-install.sh)"
  [ -x "${B24_CHROMIUM:-/usr/bin/chromium}" ] || skip "no chromium (tools/install-deps.sh installs it)"
}

# run_check DOCS [mock options]: the suite of DOCS against the mock; results in $WORK/check.json
run_check() {
  local docs=$1
  shift
  "$BIN" gen "$docs" -o "$WORK/gen" --only suite 2>/dev/null || fail "gen suite"
  : >"$WORK/mock.out"
  "$BIN" mock "$docs" "$@" --port 0 --webhook "1/$SECRET" >"$WORK/mock.out" 2>"$WORK/mock.err" &
  MOCK_PID=$!
  local i=0
  until grep -q '^listening on ' "$WORK/mock.out"; do
    kill -0 "$MOCK_PID" 2>/dev/null || { cat "$WORK/mock.err" >&2; fail "the mock did not start"; }
    i=$((i + 1)); [ $i -lt 600 ] || fail "the mock did not say where it listens"; sleep 0.1
  done
  local base
  base=$(sed -n 's/^listening on //p' "$WORK/mock.out" | head -1)/rest/1/$SECRET/
  "$BIN" check --url "$base" --suite "$WORK/gen/suite" --allow-writes --allow-unrestorable \
    --json "$WORK/check.json" >"$WORK/check.out" 2>&1 || true
  kill "$MOCK_PID"; wait "$MOCK_PID" 2>/dev/null || true; MOCK_PID=
  [ -s "$WORK/check.json" ] || { cat "$WORK/check.out" >&2; fail "check --json wrote nothing"; }
  if grep -q "$SECRET" "$WORK/check.json"; then fail "the webhook secret is in check --json"; fi
}

# expectations DOCS [OLD]: what the commands themselves say, for the browser test
expectations() {
  local docs=$1 old=${2:-}
  "$BIN" stats "$docs" --json >"$WORK/stats.json" 2>/dev/null
  "$BIN" lint "$docs" --format json --fail-on never -o "$WORK/lint.json" 2>/dev/null || true
  local diff=null
  if [ -n "$old" ]; then
    "$BIN" diff "$old" "$docs" --format json -o "$WORK/diff.json" 2>/dev/null || true
    diff=$(cat "$WORK/diff.json")
  fi
  local check=null
  [ -s "$WORK/check.json" ] && check=$(cat "$WORK/check.json")
  printf '{"stats": %s, "lint": %s, "check": %s, "diff": %s}\n' "$(cat "$WORK/stats.json")" \
    "$(cat "$WORK/lint.json")" "$check" "$diff" >"$WORK/expect.json"
}

browser() {
  mkdir -p "$B24_ARTIFACTS"
  node "$ROOT/tests/report/browser.mjs" "$1" "$WORK/expect.json" "$B24_ARTIFACTS/$2" || fail "browser checks on $1"
  [ -s "$B24_ARTIFACTS/$2" ] || fail "no screenshot"
}

case "$CASE" in
docs_input)
  need_browser
  run_check "$ROOT/docs-input"
  node "$ROOT/tests/report/schema-check.mjs" "$ROOT/docs/check-results.schema.json" "$WORK/check.json" || fail "check --json against its schema"
  "$BIN" report "$ROOT/docs-input" --check "$WORK/check.json" -o "$WORK/report.html" 2>/dev/null || fail "report"
  expectations "$ROOT/docs-input"
  browser "$WORK/report.html" report-docs-input.png
  ;;
corpus)
  need_corpus
  need_browser
  # failures to show: the mock answers one field with the wrong type
  run_check "$C26" --fault wrong-field-type
  grep -q '"outcome": "fail"' "$WORK/check.json" || fail "the faulty mock caused no failure"
  node "$ROOT/tests/report/schema-check.mjs" "$ROOT/docs/check-results.schema.json" "$WORK/check.json" || fail "check --json against its schema"
  "$BIN" report "$C26" --check "$WORK/check.json" --diff "$C25" -o "$WORK/report.html" 2>/dev/null || fail "report"
  size=$(stat -c %s "$WORK/report.html")
  [ "$size" -lt 10000000 ] || fail "the corpus report is $size bytes, over 10 MB"
  expectations "$C26" "$C25"
  browser "$WORK/report.html" report-corpus.png
  ;;
deterministic)
  # same inputs, same bytes (and no absolute path of this machine in the page)
  need_corpus
  run_check "$ROOT/docs-input"
  "$BIN" report "$ROOT/docs-input" --check "$WORK/check.json" --diff "$C25/api-reference/user" -o "$WORK/a.html" 2>/dev/null
  B24_JOBS=1 "$BIN" report "$ROOT/docs-input" --check "$WORK/check.json" --diff "$C25/api-reference/user" -o "$WORK/b.html" 2>/dev/null
  cmp "$WORK/a.html" "$WORK/b.html" || fail "two reports of the same inputs differ"
  if grep -q "$WORK" "$WORK/a.html"; then fail "the page names the temporary directory"; fi
  ;;
bad_input)
  # a results file that is not JSON: file:line:col, exit 1, the old page kept
  echo '{"version": 1, "results": [' >"$WORK/bad.json"
  echo keep >"$WORK/report.html"
  rc=0
  "$BIN" report "$ROOT/docs-input" --check "$WORK/bad.json" -o "$WORK/report.html" 2>"$WORK/err" || rc=$?
  [ "$rc" = 1 ] || fail "exit $rc on a broken results file"
  grep -q "bad.json:[0-9]*:[0-9]*: error" "$WORK/err" || { cat "$WORK/err" >&2; fail "no file:line:col message"; }
  [ "$(cat "$WORK/report.html")" = keep ] || fail "the earlier page was overwritten"
  # JSON, but not check results
  echo '{"findings": []}' >"$WORK/other.json"
  rc=0
  "$BIN" report "$ROOT/docs-input" --check "$WORK/other.json" -o "$WORK/report.html" 2>"$WORK/err" || rc=$?
  [ "$rc" = 1 ] && grep -q "check results" "$WORK/err" || { cat "$WORK/err" >&2; fail "results of another kind accepted (exit $rc)"; }
  rc=0
  "$BIN" report 2>/dev/null || rc=$?
  [ "$rc" = 2 ] || fail "exit $rc without DOCS"
  ;;
valgrind)
  # memcheck over a report with every section, text that must be escaped included
  command -v valgrind >/dev/null || skip "no valgrind"
  need_corpus
  printf '%s\n' '{"version": 1, "summary": {"tests": 1, "passed": 0, "failed": 1, "skipped": 0, "requests": 1, "seconds": 0.1},' \
    '"results": [{"id": "user.update/x", "group": "user.update", "title": "<script>alert(1)</script>", "outcome": "fail",' \
    '"failures": [{"check": "envelope", "message": "a & b"}], "reproduce": "curl -d x"}]}' >"$WORK/c.json"
  valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 "$BIN" report "$ROOT/docs-input" \
    --check "$WORK/c.json" --diff "$C25/api-reference/user" -o "$WORK/r.html" 2>"$WORK/vg.err" || { cat "$WORK/vg.err" >&2; fail "valgrind"; }
  grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$WORK/r.html" || fail "a result's title is not escaped"
  if grep -q '<script>alert' "$WORK/r.html"; then fail "markup from the results reached the page"; fi
  ;;
*) fail "unknown case $CASE" ;;
esac
echo "ok: $CASE"
