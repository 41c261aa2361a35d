#!/usr/bin/env bash
# Soak: wrk with 64 connections for 60 s against `b24spec mock` on the seed
# methods (valid calls, calls with a missing parameter, bad credentials, form
# bodies: every answer path but the store, whose growth is by design). Prints the
# request count, errors (socket errors; answers other than the expected status)
# and the server's RSS before and after (goal: 0 errors, flat memory).
# usage: bench/mock-soak.sh [SECONDS] [CONNECTIONS]   (env B24_BIN)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
conns=${2:-64}
bin=${B24_BIN:-build/b24spec}
tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "needs wrk" >&2; exit 1; }

# The calls, each with the status the mock must answer.
cat >"$tmp/soak.lua" <<'LUA'
local json = {["Content-Type"] = "application/json"}
local form = {["Content-Type"] = "application/x-www-form-urlencoded"}
local calls = {
  {"/rest/1/mocksecret/user.update", json, '{"ID":1,"NAME":"Administrator"}', 200},
  {"/rest/1/mocksecret/user.userfield.update", form, 'id=1&fields[SORT]=150&fields[LIST][]=a&fields[LIST][]=b', 200},
  {"/rest/user.update", json, '{"ID":1,"auth":"mocktoken"}', 200},
  {"/rest/1/mocksecret/user.update", json, '{"NAME":"no id"}', 400},
  {"/rest/1/mocksecret/user.userfield.update", json, '{"id":"x"}', 400},
  {"/rest/1/wrong/user.update", json, '{"ID":1}', 401},
  {"/rest/1/mocksecret/user.none", json, '{}', 404},
}
local i = 0
wrong = 0 -- global, so that done() can read each thread's count
local threads = {}
setup = function(thread) table.insert(threads, thread) end
request = function()
  i = i + 1
  local c = calls[(i % #calls) + 1]
  return wrk.format("POST", c[1], c[2], c[3])
end
-- wrk does not tell which request an answer belongs to: count answers whose
-- status is none of those the calls above must get.
response = function(status)
  if status ~= 200 and status ~= 400 and status ~= 401 and status ~= 404 then wrong = wrong + 1 end
end
done = function(summary)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("wrong") end
  io.write(string.format("unexpected statuses %d\n", total))
end
LUA

"$bin" mock docs-input --port 0 >"$tmp/mock.out" 2>/dev/null &
pid=$!
for _ in $(seq 300); do grep -q '^listening on' "$tmp/mock.out" && break; sleep 0.1; done
url=$(sed -n '1s/^listening on //p' "$tmp/mock.out")
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
# Warm up (thread pool, connection pools, schema cache), then measure.
wrk -t2 -c"$conns" -d2s -s "$tmp/soak.lua" "$url" >/dev/null 2>&1
before=$(rss)
wrk -t2 -c"$conns" -d"${secs}s" -s "$tmp/soak.lua" "$url" >"$tmp/wrk.txt" 2>&1
after=$(rss)
reqs=$(awk '/requests in/ {print $1}' "$tmp/wrk.txt")
sock=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' "$tmp/wrk.txt")
wrong=$(awk '/unexpected statuses/ {print $3}' "$tmp/wrk.txt")
rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk.txt")
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=
echo "soak ${secs}s, ${conns} connections: ${reqs:-0} requests (${rps:-0} req/s), socket errors ${sock:-0}, unexpected statuses ${wrong:-?}; RSS before ${before} KB, after ${after} KB (change $((after - before)) KB); exit on SIGTERM ${rc}"
