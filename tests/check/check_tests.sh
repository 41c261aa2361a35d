#!/usr/bin/env bash
# Tests of the conformance suite (b24spec gen --only suite) and its runner
# (b24spec check), against the real mock portal (b24spec mock).
# usage: check_tests.sh CASE   with B24_BIN, B24_ROOT, B24_CORPUS, B24_STUB in the environment
set -euo pipefail
: "${B24_BIN:?}" "${B24_ROOT:?}" "${B24_CORPUS:=}"
BIN=$B24_BIN
ROOT=$B24_ROOT
CASE=${1:?case}
SECRET=k9Xq2mWebhookSecret77
TOKEN=oauthTokenZ81x5QpLm0
WORK=$(mktemp -d)
MOCK_PID=
cleanup() {
  if [ -n "$MOCK_PID" ]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }

FAMILY=$ROOT/tests/data/check/family
CORPUS26=$B24_CORPUS/b24restdocs-2026-08-21

# gen_suite DOCS DIR: the suite for DOCS under DIR/suite
gen_suite() {
  "$BIN" gen "$1" -o "$2" --only suite 2>"$WORK/gen.err" || { cat "$WORK/gen.err" >&2; fail "gen $1"; }
}

# start_mock DOCS [mock options]: serves DOCS; sets BASE to the webhook base URL
start_mock() {
  local out=$WORK/mock.out
  : >"$out"
  "$BIN" mock "$@" --port 0 --webhook "1/$SECRET" --oauth-token "$TOKEN" >"$out" 2>"$WORK/mock.err" &
  MOCK_PID=$!
  local i=0
  until grep -q '^listening on ' "$out"; do
    kill -0 "$MOCK_PID" 2>/dev/null || { cat "$WORK/mock.err" >&2; fail "the mock did not start"; }
    i=$((i + 1))
    [ $i -lt 600 ] || fail "the mock did not say where it listens"
    sleep 0.1
  done
  ORIGIN=$(sed -n 's/^listening on //p' "$out" | head -1)
  BASE=$ORIGIN/rest/1/$SECRET/
}

stop_mock() {
  kill "$MOCK_PID" 2>/dev/null || true
  wait "$MOCK_PID" 2>/dev/null || true
  MOCK_PID=
}

# check [options]: runs the suite in $SUITE against $BASE; output in $WORK/out, $WORK/err; status in RC
check() {
  RC=0
  "$BIN" check --url "$BASE" --suite "$SUITE" "$@" >"$WORK/out" 2>"$WORK/err" || RC=$?
}

# call METHOD JSON: one request to the mock, the answer on stdout
call() {
  curl -sS -H 'Content-Type: application/json' -d "$2" "$BASE$1"
}

# The whole suite for DOCS passes against the mock serving DOCS.
passes_against_mock() {
  SUITE=$WORK/gen/suite
  gen_suite "$1" "$WORK/gen"
  start_mock "$1"
  check --allow-writes --allow-unrestorable --jobs 4 --tap
  [ "$RC" = 0 ] || { cat "$WORK/err" >&2; fail "the suite for $1 does not pass against the mock (status $RC)"; }
  grep -q '^b24spec check: .* 0 failed, 0 skipped' "$WORK/err" || { tail -3 "$WORK/err" >&2; fail "not every test ran and passed"; }
}

# Which check each mock fault must trip: the promise it breaks.
expected_checks() {
  case $1 in
    wrong-status) echo status_code ;;
    missing-result-field) echo "result_schema envelope" ;;
    wrong-field-type) echo result_schema ;;
    undocumented-error) echo error_code_documented ;;
    skip-required-check) echo invalid_input_rejected ;;
    skip-type-check) echo invalid_input_rejected ;;
    no-time) echo envelope ;;
    wrong-content-type) echo content_type ;;
    ignore-auth) echo auth_not_ignored ;;
    lose-writes) echo read_after_write ;;
    keep-one-old-value) echo read_after_write ;;
    batch-ignores-halt) echo batch ;;
    list-ignores-start) echo list_paging ;;
    list-wrong-total) echo list_paging ;;
    list-drops-next) echo list_paging ;;
    list-ignores-filter) echo list_filter ;;
    list-ignores-select) echo list_select ;;
    error-status-200) echo "invalid_input_rejected status_code" ;;
    accept-out-of-enum) echo constraint_rejected ;;
    *) echo "" ;;
  esac
}

# Every fault the mock lists makes the suite for DOCS fail, naming the check.
faults_detected() {
  SUITE=$WORK/gen/suite
  gen_suite "$1" "$WORK/gen"
  local faults
  faults=$("$BIN" mock --list-faults)
  [ -n "$faults" ] || fail "the mock lists no faults"
  for f in $faults; do
    local want
    want=$(expected_checks "$f")
    [ -n "$want" ] || fail "fault $f is not in this test's table: say which check it breaks"
    start_mock "$1" --fault "$f"
    check --allow-writes --allow-unrestorable --jobs 4
    stop_mock
    [ "$RC" = 1 ] || fail "fault $f: the suite passed (status $RC)"
    local line hit=
    line=$(grep '^failed checks:' "$WORK/out" || true)
    for c in $want; do
      if grep -q " $c (" <<<"$line"; then hit=1; fi
    done
    [ -n "$hit" ] || fail "fault $f: expected a failure of [$want], got: $line"
    echo "fault $f -> $line"
  done
}

case $CASE in
  generated_current)
    # generated/suite is what the tool makes of docs-input today
    gen_suite "$ROOT/docs-input" "$WORK/gen"
    diff -r "$ROOT/generated/suite" "$WORK/gen/suite" >"$WORK/diff" ||
      { head -40 "$WORK/diff" >&2; fail "generated/suite is stale: run b24spec gen docs-input and copy suite/"; }
    ;;

  docs_input_passes) passes_against_mock "$ROOT/docs-input" ;;
  family_passes)
    passes_against_mock "$FAMILY"
    # the CRUD sequence ran through, cleanup not needed
    for s in add get update get_updated delete get_deleted update_deleted; do
      grep -q "^ok [0-9]* - crud/demo.item/$s\$" "$WORK/out" || fail "step $s of crud/demo.item did not pass"
    done
    ;;
  corpus_passes)
    [ -d "$CORPUS26" ] || skip "no corpus at $CORPUS26"
    "$BIN" model "$CORPUS26" -o "$WORK/model.json" 2>/dev/null || true
    [ -s "$WORK/model.json" ] || fail "cannot model the corpus"
    passes_against_mock "$WORK/model.json"
    ;;

  coverage_corpus)
    # the goals of the suite on the corpus, measured from the model and the suite's files
    [ -d "$CORPUS26" ] || skip "no corpus at $CORPUS26"
    command -v node >/dev/null || skip "node is not installed"
    "$BIN" model "$CORPUS26" -o "$WORK/model.json" 2>/dev/null || true
    gen_suite "$WORK/model.json" "$WORK/gen"
    node "$ROOT/tests/check/coverage.mjs" "$WORK/model.json" "$WORK/gen/suite" \
      --min-success 99 --min-paths 98 --min-sequences 95 || fail "the suite's coverage fell under its goals"
    ;;

  seed)
    # synthesized values come from the seed written into the suite: the same seed
    # gives the same bytes, another seed other values
    gen_suite "$FAMILY" "$WORK/a"
    "$BIN" gen "$FAMILY" -o "$WORK/b" --only suite --seed 1 2>/dev/null || fail "gen --seed 1"
    "$BIN" gen "$FAMILY" -o "$WORK/c" --only suite --seed 77 2>/dev/null || fail "gen --seed 77"
    diff -r "$WORK/a/suite" "$WORK/b/suite" >/dev/null || fail "the default seed is not 1"
    grep -q '"seed": 77' "$WORK/c/suite/index.json" || fail "the seed is not written into index.json"
    ! diff -q "$WORK/a/suite/methods/demo.item.update.json" "$WORK/c/suite/methods/demo.item.update.json" >/dev/null ||
      fail "another seed gave the same synthesized values"
    grep -q '"kind": "synthesized"' "$WORK/a/suite/methods/demo.item.update.json" || fail "no synthesized case"
    RC=0; "$BIN" gen "$FAMILY" -o "$WORK/d" --only suite --seed -3 2>"$WORK/err" || RC=$?
    [ "$RC" = 2 ] && grep -q -- '--seed takes a number' "$WORK/err" || fail "a bad seed was accepted"
    ;;

  suite_schema)
    # every file of a generated suite validates against docs/suite.schema.json
    command -v node >/dev/null || skip "node is not installed"
    validate_suite() {
      local rc=0
      B24_NODE_MODULES=$ROOT/tools/npm/node_modules node "$ROOT/tests/check/suite-schema.mjs" \
        "$ROOT/docs/suite.schema.json" "$1" || rc=$?
      [ "$rc" = 77 ] && skip "ajv is not installed (tools/npm-install.sh)"
      [ "$rc" = 0 ] || fail "$1 does not match docs/suite.schema.json"
    }
    gen_suite "$FAMILY" "$WORK/family"
    validate_suite "$WORK/family/suite"
    validate_suite "$ROOT/generated/suite"
    if [ -d "$CORPUS26" ]; then
      "$BIN" model "$CORPUS26" -o "$WORK/model.json" 2>/dev/null || true
      gen_suite "$WORK/model.json" "$WORK/corpus"
      validate_suite "$WORK/corpus/suite"
    fi
    ;;

  constraints_corpus)
    # the wrong_format cases of the corpus (issue 15): a date or date-time
    # parameter given text that is no date, naming the format it breaks; the
    # mock refuses that text but takes the portal's other date spellings, and a
    # mock that accepts every value its schemas refuse fails each case on
    # constraint_rejected
    [ -d "$CORPUS26" ] || skip "no corpus at $CORPUS26"
    "$BIN" model "$CORPUS26" -o "$WORK/model.json" 2>/dev/null || true
    SUITE=$WORK/gen/suite
    gen_suite "$WORK/model.json" "$WORK/gen"
    n=$(cat "$SUITE"/methods/*.json | grep -c '"kind": "wrong_format"' || true)
    n_date=$(cat "$SUITE"/methods/*.json | grep -c '"format": "date"' || true)
    n_time=$(cat "$SUITE"/methods/*.json | grep -c '"format": "date-time"' || true)
    echo "wrong_format cases: $n ($n_date date, $n_time date-time)"
    [ "$n" -ge 80 ] && [ "$n_date" -ge 15 ] && [ "$n_time" -ge 60 ] && [ $((n_date + n_time)) = "$n" ] ||
      fail "expected some 93 wrong_format cases, each naming format date or date-time"
    grep -q '"id": "calendar.accessibility.get/wrong_format/from"' "$SUITE/methods/calendar.accessibility.get.json" ||
      fail "calendar.accessibility.get (from: date) has no wrong_format case"
    methods=$(grep -l '"kind": "wrong_format"' "$SUITE"/methods/*.json | xargs -n1 basename | sed 's/\.json$//' | paste -sd,)
    start_mock "$WORK/model.json"
    refused() { call calendar.accessibility.get "{\"from\": \"$1\", \"to\": \"2024-12-20\", \"users\": [1]}" | grep -q '"error"'; }
    # what PHP's strtotime refuses too, and what it takes (php -r 'var_dump(strtotime("..."));')
    for bad in b24spec-not-a-date 2024-13-45 2024-06-20T25:00:00 20.13.2024; do
      refused "$bad" || fail "the mock took \"$bad\" for a date"
    done
    for good in 2024-06-20 2024-06-20T10:00:00 "2024-06-20 10:00" 2024-06-20T10:00:00+03:00 20.06.2024 06/20/2024; do
      ! refused "$good" || fail "the mock refused the date \"$good\""
    done
    check --methods "$methods" --allow-writes --allow-unrestorable --jobs 4 --tap
    [ "$RC" = 0 ] || { grep -A3 '^not ok' "$WORK/out" | head -20 >&2; fail "the methods with wrong_format cases do not pass against the mock"; }
    [ "$(grep -c '^ok [0-9]* - .*/wrong_format/' "$WORK/out")" = "$n" ] || fail "not every wrong_format case ran and passed"
    stop_mock
    start_mock "$WORK/model.json" --fault skip-type-check
    check --methods "$methods" --allow-writes --allow-unrestorable --jobs 4
    stop_mock
    [ "$RC" = 1 ] || fail "a mock that accepts invalid values passed"
    [ "$(grep -c '^FAIL .*/wrong_format/' "$WORK/out")" = "$n" ] || fail "not every wrong_format case failed against a mock that accepts any value"
    [ "$(grep -A1 '^FAIL .*/wrong_format/' "$WORK/out" | grep -c '^  \[constraint_rejected\]')" = "$n" ] ||
      fail "a wrong_format case failed on another check than constraint_rejected"
    ;;

  faults_family) faults_detected "$FAMILY" ;;
  faults_corpus)
    [ -d "$CORPUS26" ] || skip "no corpus at $CORPUS26"
    "$BIN" model "$CORPUS26" -o "$WORK/model.json" 2>/dev/null || true
    faults_detected "$WORK/model.json"
    ;;

  ci_output)
    # JUnit XML and TAP, with passes, failures and skips in them
    command -v xmllint >/dev/null || skip "xmllint (libxml2-utils) is not installed"
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    start_mock "$FAMILY" --fault wrong-status
    check --junit "$WORK/junit.xml" --tap
    [ "$RC" = 1 ] || fail "a faulty mock passed"
    xmllint --noout "$WORK/junit.xml" || fail "JUnit XML is not well-formed"
    tests=$(sed -n 's/^<testsuites [^>]* tests="\([0-9]*\)".*/\1/p' "$WORK/junit.xml")
    cases=$(grep -c '<testcase ' "$WORK/junit.xml")
    [ "$tests" = "$cases" ] || fail "JUnit says $tests tests, holds $cases"
    grep -q '<failure type="status_code' "$WORK/junit.xml" || fail "no status_code failure in JUnit"
    grep -q '<skipped message="changes data' "$WORK/junit.xml" || fail "no skipped write case in JUnit"
    # TAP 13: a plan, consecutive numbers, a YAML block under each failure
    awk '
      NR == 1 { if ($0 != "TAP version 13") { print "no version line"; bad = 1 } next }
      NR == 2 { if ($0 !~ /^1\.\.[0-9]+$/) { print "no plan"; bad = 1 } plan = substr($0, 4) + 0; next }
      /^(not )?ok [0-9]+ - / { n++; num = ($1 == "not") ? $3 : $2; if (num != n) { print "test " n " numbered " num; bad = 1 }
                               if ($1 == "not") { want_yaml = 1; fails++ } else want_yaml = 0; next }
      /^  ---$/ { if (!want_yaml) { print "YAML block without a failure at line " NR; bad = 1 } inyaml = 1; next }
      /^  \.\.\.$/ { inyaml = 0; want_yaml = 0; next }
      { if (!inyaml) { print "stray line " NR ": " $0; bad = 1 } }
      END { if (n != plan) { print "plan " plan ", tests " n; bad = 1 } if (!fails) { print "no failures"; bad = 1 } exit bad }
    ' "$WORK/out" || fail "TAP is not well-formed"
    grep -q ' # SKIP changes data' "$WORK/out" || fail "no SKIP directive in TAP"
    ;;

  shard)
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    "$BIN" check --suite "$SUITE" --list | sort >"$WORK/all"
    [ -s "$WORK/all" ] || fail "nothing listed"
    : >"$WORK/union"
    for i in 1 2 3 4; do
      "$BIN" check --suite "$SUITE" --list --shard "$i/4" >>"$WORK/union"
    done
    sort "$WORK/union" >"$WORK/union.sorted"
    cmp -s "$WORK/all" "$WORK/union.sorted" || fail "the union of the shards is not the whole suite"
    [ "$(sort -u "$WORK/union" | wc -l)" = "$(wc -l <"$WORK/union")" ] || fail "shards overlap"
    # and the shards, run, report the same tests as the whole run
    start_mock "$FAMILY"
    check --allow-writes --tap
    grep -E '^(not )?ok ' "$WORK/out" | sed 's/^[a-z ]*[0-9]* - //' | sort >"$WORK/whole.ids"
    : >"$WORK/shard.ids"
    for i in 1 2 3 4; do
      check --allow-writes --tap --shard "$i/4"
      grep -E '^(not )?ok ' "$WORK/out" | sed 's/^[a-z ]*[0-9]* - //' >>"$WORK/shard.ids"
    done
    sort "$WORK/shard.ids" | cmp -s - "$WORK/whole.ids" || fail "sharded runs report other tests than the whole run"
    ;;

  redaction)
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    start_mock "$FAMILY" --fault wrong-status
    check --allow-writes --allow-unrestorable --junit "$WORK/junit.xml" --tap
    [ "$RC" = 1 ] || fail "a faulty mock passed"
    ! grep -q "$SECRET" "$WORK/out" "$WORK/err" "$WORK/junit.xml" || fail "the webhook secret was printed"
    grep -q "reproduce: curl .*/rest/1/\*\*\*/demo.item" "$WORK/err" || fail "no redacted reproduce command"
    grep -q 'replace \*\*\* with your webhook secret' "$WORK/err" || fail "no hint what *** stands for"
    # OAuth: the token goes in the body; never printed either
    BASE=$ORIGIN/rest/
    check --auth "$TOKEN" --allow-writes --allow-unrestorable --junit "$WORK/junit2.xml"
    [ "$RC" = 1 ] || fail "a faulty mock passed (OAuth)"
    ! grep -q "$TOKEN" "$WORK/out" "$WORK/err" "$WORK/junit2.xml" || fail "the token was printed"
    grep -q '"auth":"\*\*\*"' "$WORK/out" || fail "no redacted token in reproduce commands"
    grep -q 'replace \*\*\* with your access token' "$WORK/out" || fail "no hint what *** stands for (OAuth)"
    stop_mock
    # and against a mock without faults, OAuth passes
    start_mock "$FAMILY"
    BASE=$ORIGIN/rest/
    check --auth "$TOKEN" --allow-writes --allow-unrestorable
    [ "$RC" = 0 ] || { cat "$WORK/out" >&2; fail "OAuth run failed"; }
    ;;

  read_only)
    # By default nothing that writes is sent: every write test is skipped, and
    # the mock's store never saw an add (its list still answers the docs' example).
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    start_mock "$FAMILY"
    check --tap
    [ "$RC" = 0 ] || fail "read-only run failed"
    "$BIN" check --suite "$SUITE" --list >"$WORK/list"
    grep -q ' read$' "$WORK/list" && grep -q ' write$' "$WORK/list" || fail "the list lacks read or write units"
    while read -r id mode; do
      if [ "$mode" = write ]; then
        grep -E "^ok [0-9]+ - $id(/[a-z_]+)? # SKIP changes data" "$WORK/out" >/dev/null || fail "write unit $id was not skipped"
      else
        grep -E "^ok [0-9]+ - $id\$" "$WORK/out" >/dev/null || fail "read unit $id did not run and pass"
      fi
    done <"$WORK/list"
    call demo.item.list '{}' | grep -q '"TITLE":"First item"' || fail "the store changed"
    ;;

  restore)
    # With --allow-writes, an update is read first and written back afterwards,
    # and an add is deleted again: the portal ends as it began.
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    start_mock "$FAMILY"
    id=$(call demo.item.add '{"fields":{"TITLE":"Original","SORT":5,"ACTIVE":"N"}}' | sed -n 's/.*"result":\([0-9]*\).*/\1/p')
    [ -n "$id" ] || fail "cannot add an item"
    # aim the suite's update cases at that item
    sed -i "s/\"id\": 42\b/\"id\": $id/" "$SUITE/methods/demo.item.update.json"
    check --allow-writes --methods demo.item.update --tap
    [ "$RC" = 0 ] || { cat "$WORK/out" >&2; fail "the update cases failed"; }
    grep -q '^ok [0-9]* - demo.item.update/example/1$' "$WORK/out" || fail "the update example did not run"
    got=$(call demo.item.get "{\"id\":$id}")
    grep -q '"TITLE":"Original"' <<<"$got" && grep -q '"SORT":"\?5"\?' <<<"$got" ||
      fail "the item was not restored: $got"
    check --allow-writes --methods demo.item.add --tap
    [ "$RC" = 0 ] || { cat "$WORK/out" >&2; fail "the add cases failed"; }
    grep -q '^ok [0-9]* - demo.item.add/example/1$' "$WORK/out" || fail "the add example did not run"
    n=$(call demo.item.list '{}' | grep -o '"ID":' | wc -l)
    [ "$n" = 1 ] || fail "the store holds $n items after the add cases, not the 1 this test added"
    ;;

  checks_switch)
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    start_mock "$FAMILY" --fault wrong-content-type
    check --checks all,-content_type
    [ "$RC" = 0 ] || fail "with content_type off, a wrong content type still failed"
    check --checks content_type
    [ "$RC" = 1 ] || fail "content_type alone did not catch a wrong content type"
    grep -q '^failed checks: content_type ([0-9]*)$' "$WORK/out" || fail "other checks ran: $(tail -1 "$WORK/out")"
    check --checks content_typo
    [ "$RC" = 2 ] && grep -q 'unknown check "content_typo"' "$WORK/err" || fail "a bad check name was not refused"
    [ "$("$BIN" check --list-checks | wc -l)" = 17 ] || fail "--list-checks does not list 17 checks"
    ;;

  usage)
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    BASE=http://127.0.0.1:9/rest/1/x/
    for bad in "--shard 0/4" "--shard 5/4" "--shard 1/0" "--jobs 0" "--rate fast" "--timeout -1"; do
      # shellcheck disable=SC2086
      check $bad
      [ "$RC" = 2 ] || fail "$bad was accepted"
    done
    RC=0; "$BIN" check --suite "$SUITE" >/dev/null 2>&1 || RC=$?
    [ "$RC" = 2 ] || fail "no --url was accepted"
    BASE=http://127.0.0.1:9/rest/
    check
    [ "$RC" = 2 ] && grep -q 'no USER/SECRET' "$WORK/err" || fail "a URL without a webhook secret and no token was accepted"
    BASE=http://127.0.0.1:9/rest/1/x/
    SUITE=$WORK/nowhere
    check
    [ "$RC" = 2 ] && grep -q "$WORK/nowhere/index.json" "$WORK/err" || fail "a missing suite was not named"
    mkdir -p "$WORK/broken" && echo '{"methods": [' >"$WORK/broken/index.json"
    SUITE=$WORK/broken
    check
    [ "$RC" = 2 ] && grep -q "broken/index.json:" "$WORK/err" || fail "a broken index.json was not reported with its line"
    ;;

  transport)
    # Backoff on 503 QUERY_LIMIT_EXCEEDED, and timeouts, against a stub server.
    : "${B24_STUB:?}"
    SUITE=$WORK/gen/suite
    gen_suite "$ROOT/docs-input" "$WORK/gen"
    : >"$WORK/stub.out" # not the last stub's "listening on" line
    "$B24_STUB" limit 3 >"$WORK/stub.out" 2>&1 &
    MOCK_PID=$!
    until grep -q '^listening on ' "$WORK/stub.out"; do sleep 0.05; done
    ORIGIN=$(sed -n 's/^listening on //p' "$WORK/stub.out")
    BASE=$ORIGIN/rest/1/$SECRET/
    check --checks not_server_error --methods user.update --jobs 2 --allow-writes --allow-unrestorable
    [ "$RC" = 0 ] || { cat "$WORK/out" >&2; fail "rate-limited answers were not retried"; }
    tests=$(sed -n 's/^b24spec check: \([0-9]*\) tests.*/\1/p' "$WORK/out")
    sent=$(sed -n 's/.*(\([0-9]*\) requests.*/\1/p' "$WORK/out")
    [ "$sent" = $((tests + 3)) ] || fail "$tests tests, $sent requests: expected 3 retries"
    stop_mock
    : >"$WORK/stub.out" # not the last stub's "listening on" line
    "$B24_STUB" hang >"$WORK/stub.out" 2>&1 &
    MOCK_PID=$!
    until grep -q '^listening on ' "$WORK/stub.out"; do sleep 0.05; done
    ORIGIN=$(sed -n 's/^listening on //p' "$WORK/stub.out")
    BASE=$ORIGIN/rest/1/$SECRET/
    check --methods user.update --timeout 0.2 --checks all --allow-writes --allow-unrestorable
    [ "$RC" = 1 ] || fail "a server that never answers passed"
    grep -q '\[not_server_error\] no answer: .*timed out' "$WORK/out" || fail "a timeout was not reported as such"
    stop_mock
    # The plain-HTTP client's framing: chunked answers, a server closing after each
    # answer, and kept-alive connections the server dropped while idle (resent once).
    for mode in chunked close idle; do
      : >"$WORK/stub.out" # not the last stub's "listening on" line
      "$B24_STUB" $mode >"$WORK/stub.out" 2>&1 &
      MOCK_PID=$!
      until grep -q '^listening on ' "$WORK/stub.out"; do sleep 0.05; done
      ORIGIN=$(sed -n 's/^listening on //p' "$WORK/stub.out")
      BASE=$ORIGIN/rest/1/$SECRET/
      if [ $mode = idle ]; then
        check --checks not_server_error,envelope --methods user.update --shard 1/20 --rate 0.6 --jobs 1 \
          --allow-writes --allow-unrestorable
      else
        check --checks not_server_error,envelope --methods user.update --jobs 4 --allow-writes --allow-unrestorable
      fi
      [ "$RC" = 0 ] || { cat "$WORK/out" >&2; fail "$mode: answers were not read whole"; }
      tests=$(sed -n 's/^b24spec check: \([0-9]*\) tests.*/\1/p' "$WORK/out")
      sent=$(sed -n 's/.*(\([0-9]*\) requests.*/\1/p' "$WORK/out")
      [ "$tests" -ge 2 ] && [ "$sent" = "$tests" ] || fail "$mode: $tests tests, $sent requests"
      stop_mock
    done
    ;;

  valgrind)
    # the runner under valgrind: no invalid access, nothing definitely lost
    command -v valgrind >/dev/null || skip "valgrind is not installed"
    SUITE=$WORK/gen/suite
    gen_suite "$FAMILY" "$WORK/gen"
    start_mock "$FAMILY" --fault wrong-status
    RC=0
    valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --show-leak-kinds=definite,indirect "$BIN" check --url "$BASE" --suite "$SUITE" --allow-writes \
      --allow-unrestorable --jobs 3 --tap --junit "$WORK/junit.xml" >"$WORK/out" 2>"$WORK/err" || RC=$?
    [ "$RC" = 1 ] || { cat "$WORK/err" >&2; fail "valgrind: status $RC (99: memory errors)"; }
    ;;

  *) fail "unknown case $CASE" ;;
esac
echo "ok: $CASE"
