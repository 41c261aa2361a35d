#!/usr/bin/env bash
# Cases per second of `b24spec check` against the mock, vs wrk's raw requests per
# second on the same mock, same connection count, in the same run. The suite is
# the 2026 corpus's (one pass a round) when the corpus is there, else
# docs-input's run 50 times a round.
# Each round has a mock of its own, fresh: wrk's replay adds what the suite
# adds and, with nothing to undo it, leaves it (about a hundred objects per
# entity in a second). On one mock for every round, each round's lists were a
# hundred objects longer than the last, longer than the suite ever makes them,
# and code-keyed sequences failed on what wrk had left.
# Prints each round's figures and the median round's ratio (goal >= 80%).
# usage: bench/check-rate.sh [JOBS] [WRK_SECONDS] [ROUNDS]   (env B24_BIN, B24_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-8}
secs=${2:-1}
rounds=${3:-15}
bin=${B24_BIN:-build/b24spec}
corpus=${B24_CORPUS:-../shared/corpus}/b24restdocs-2026-08-21
secret=benchSecret123
wrk_threads=2
tmp=$(mktemp -d)
mock_pid=
cleanup() {
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "needs wrk" >&2; exit 1; }

if [ -d "$corpus" ]; then
  "$bin" model "$corpus" -o "$tmp/model.json" 2>/dev/null || true
  docs=$tmp/model.json
  repeat=1 # a pass takes about half a second, as long as wrk's default second
else
  docs=docs-input
  repeat=50
fi
"$bin" gen "$docs" -o "$tmp/gen" --only suite 2>/dev/null

# mock_start: a fresh mock on a port of its own; sets origin and base.
mock_start() {
  : >"$tmp/mock.out"
  "$bin" mock "$docs" --port 0 --webhook "1/$secret" >"$tmp/mock.out" 2>/dev/null &
  mock_pid=$!
  until grep -qs '^listening on ' "$tmp/mock.out"; do sleep 0.1; done
  origin=$(sed -n 's/^listening on //p' "$tmp/mock.out")
  base=$origin/rest/1/$secret/
}
mock_stop() {
  kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null || true
  mock_pid=
}
mock_start

# wrk's request list: the suite's own requests (its --dry-run, secrets put back),
# replayed in a loop on as many connections as the runner has jobs. Each wrk
# thread has a Lua state of its own: thread k of T sends requests k, k+T, ...,
# so that together they walk the whole list as the runner walks the suite. (With
# a counter each from 0, both threads sent the same requests, and a second of
# them covered only the list's beginning: another mix than the runner's.)
"$bin" check --url "$base" --suite "$tmp/gen/suite" --dry-run | sed "s|/\*\*\*/|/$secret/|" |
  awk -F'\t' -v origin="$origin" '{ sub(origin, "", $2); print $2 "\t" $3 }' >"$tmp/requests.tsv"
mock_stop
cat >"$tmp/req.lua" <<LUA
local reqs = {}
for line in io.lines("$tmp/requests.tsv") do
  local path, body = line:match("^([^\t]*)\t(.*)$")
  reqs[#reqs + 1] = wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end
local threads = 0
setup = function(thread)
  thread:set("k", threads)
  threads = threads + 1
end
local i
request = function()
  i = (i or k - $wrk_threads) + $wrk_threads
  return reqs[(i % #reqs) + 1]
end
LUA

# runner_once: every case, writes included (the mock is throwaway); "tests requests
# seconds failed", the seconds the runner's own, from its first request to its
# last answer.
runner_once() {
  local t=0 q=0 s=0 f=0 line
  for _ in $(seq "$repeat"); do
    "$bin" check --url "$base" --suite "$tmp/gen/suite" --allow-writes --allow-unrestorable \
      --jobs "$jobs" >"$tmp/check.out" 2>&1 || true
    line=$(grep '^b24spec check:' "$tmp/check.out")
    t=$((t + $(sed -n 's/^b24spec check: \([0-9]*\) tests.*/\1/p' <<<"$line")))
    q=$((q + $(sed -n 's/.*(\([0-9]*\) requests.*/\1/p' <<<"$line")))
    f=$((f + $(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$line")))
    s=$(awk -v a="$s" -v b="$(sed -n 's/.*requests, \([0-9.]*\) s).*/\1/p' <<<"$line")" 'BEGIN {print a + b}')
  done
  echo "$t $q $s $f"
}

# A round: a fresh mock, one pass to warm it (it builds each method's schemas
# on first use; the runner undoes what it changes, so the store is as empty
# after it), the runner's measured pass, then wrk at once: this machine's speed
# drifts by tens of percent over seconds, and a ratio of two figures taken side
# by side cancels most of it. The headline is the median round's ratio.
: >"$tmp/rounds"
for round in $(seq "$rounds"); do
  mock_start
  runner_once >/dev/null
  read -r t q s f < <(runner_once)
  grep -A3 '^FAIL' "$tmp/check.out" >"$tmp/round-fails" || true
  wrk -t"$wrk_threads" -c"$jobs" -d"${secs}s" -s "$tmp/req.lua" "$origin" >"$tmp/wrk.out" 2>&1
  mock_stop
  w=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk.out")
  [ "$f" = 0 ] || { echo "round $round: the runner's pass had $f failed tests:" && head -20 "$tmp/round-fails"; } >&2
  awk -v r="$round" -v t="$t" -v q="$q" -v s="$s" -v w="$w" 'BEGIN {
    printf "round %d: runner %.0f cases/s (%.0f requests/s), wrk %.0f requests/s: %.0f%%\n", r, t / s, q / s, w, 100 * t / s / w
  }' | tee -a "$tmp/rounds"
done

sort -t: -k3 -n "$tmp/rounds" | awk -v j="$jobs" '{ line[NR] = $0 } END {
  m = line[int((NR + 1) / 2)]
  sub(/^round [0-9]+: /, "", m)
  printf "median round (--jobs %d, wrk -c%d): %s\n", j, j, m
  split(m, f, ": ")
  printf "ratio:  cases/s vs wrk requests/s = %s (goal >= 80%%), the median of %d rounds\n", f[length(f)], NR
}'
