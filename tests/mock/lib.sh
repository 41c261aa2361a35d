# Shared by the mock's shell tests: start the real server on a free port, call it
# with curl, check answers, and always stop every server started (trap on EXIT).
# Usage: B24_BIN=... source lib.sh
set -u
MOCK_TMP=$(mktemp -d)
MOCK_PIDS=()
MOCK_WRAP=() # a command to run the mock under, such as valgrind
PASSED=0
FAILED=0

mock_cleanup() {
  for pid in "${MOCK_PIDS[@]+"${MOCK_PIDS[@]}"}"; do kill -TERM "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$MOCK_TMP"
}
trap mock_cleanup EXIT

# start_mock NAME ARGS...: runs `b24spec mock ARGS`, waits for its first line, and
# sets URL (http://127.0.0.1:PORT) and NAME_PID. `timeout` (which passes SIGTERM
# on) bounds its life should this script itself be killed without its trap.
start_mock() {
  local name=$1
  shift
  timeout 900 "${MOCK_WRAP[@]+"${MOCK_WRAP[@]}"}" "$B24_BIN" mock "$@" >"$MOCK_TMP/$name.out" 2>"$MOCK_TMP/$name.err" &
  local pid=$!
  MOCK_PIDS+=("$pid")
  printf -v "${name}_PID" '%s' "$pid"
  local i
  for i in $(seq 600); do
    # the whole line, newline included: a line read half-written gave an empty or
    # cut URL ("curl: (3) URL using bad/illegal format") under load
    if grep -q '^listening on https\?://.*:[0-9][0-9]*$' "$MOCK_TMP/$name.out" &&
      [ -z "$(tail -c 1 "$MOCK_TMP/$name.out")" ]; then
      URL=$(sed -n 's/^listening on //p' "$MOCK_TMP/$name.out" | head -n 1)
      [ -n "$URL" ] && return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "FATAL: mock $name did not start:" >&2
  cat "$MOCK_TMP/$name.out" "$MOCK_TMP/$name.err" >&2
  exit 1
}

# stop_mock NAME: SIGTERM, and the exit status must be 0.
stop_mock() {
  local pidvar="${1}_PID"
  local pid=${!pidvar}
  kill -TERM "$pid"
  local rc=0
  wait "$pid" || rc=$?
  check "$1 stops cleanly on SIGTERM (exit $rc)" test "$rc" -eq 0
}

# req CURL-ARGS...: sets STATUS, CTYPE and BODY.
req() {
  local meta
  meta=$(curl -sS -g -o "$MOCK_TMP/body" -w '%{http_code} %{content_type}' "$@") || meta="000 "
  STATUS=${meta%% *}
  CTYPE=${meta#* }
  BODY=$(cat "$MOCK_TMP/body" 2>/dev/null)
}

check() {
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then
    PASSED=$((PASSED + 1))
  else
    FAILED=$((FAILED + 1))
    echo "FAIL: $what"
    echo "      status=$STATUS body=${BODY:0:400}"
  fi
}

has() { grep -qF -- "$1" <<<"$BODY"; }
lacks() { ! grep -qF -- "$1" <<<"$BODY"; }
matches() { grep -qE -- "$1" <<<"$BODY"; }

# expect WHAT STATUS [SUBSTRING...]: the last answer has STATUS and each substring.
expect() {
  local what=$1 want=$2
  shift 2
  local ok=1 s
  [ "$STATUS" = "$want" ] || ok=0
  for s in "$@"; do grep -qF -- "$s" <<<"$BODY" || ok=0; done
  check "$what (want $want $*)" test $ok -eq 1
}

finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
