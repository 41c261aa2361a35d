#!/usr/bin/env bash
# Requests per second of `b24spec mock` vs Prism (`prism mock` on the generated
# OpenAPI document) on the seed methods, measured with wrk in the same run, same
# load (POST JSON bodies taken from the docs' examples, user.update and
# user.userfield.update in turn). Prints both figures and the ratio (goal >= 20x).
# usage: bench/mock-rps.sh [SECONDS] [CONNECTIONS]   (env B24_BIN, B24_OPENAPI)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
conns=${2:-64}
bin=${B24_BIN:-build/b24spec}
prism=tools/npm/node_modules/.bin/prism
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]+"${pids[@]}"}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
for tool in wrk curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
[ -x "$prism" ] || { echo "needs $prism (tools/npm-install.sh)" >&2; exit 1; }
openapi=${B24_OPENAPI:-generated/openapi.json}
if [ ! -f "$openapi" ]; then
  "$bin" gen docs-input -o "$tmp/gen" --only openapi 2>/dev/null
  openapi=$tmp/gen/openapi.json
fi

# One wrk script for both servers; PREFIX is the path before the method name.
cat >"$tmp/seed.lua" <<'LUA'
local prefix = os.getenv("PREFIX")
local calls = {
  {"user.update", '{"ID":1,"NAME":"Administrator","LAST_NAME":"SomeLastName"}'},
  {"user.userfield.update", '{"id":1,"fields":{"SORT":150,"MANDATORY":"N","EDIT_FORM_LABEL":"Label"}}'},
}
local i = 0
request = function()
  i = i + 1
  local c = calls[(i % #calls) + 1]
  return wrk.format("POST", prefix .. c[1], {["Content-Type"] = "application/json"}, c[2])
end
LUA

wait_for() { # URL: until it answers at all
  for _ in $(seq 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "server at $1 did not start" >&2
  exit 1
}

# run NAME BASE-URL PATH-PREFIX: wrk, then "rps non2xx socket-errors" into $tmp/NAME.
run() {
  PREFIX=$3 wrk -t2 -c"$conns" -d"${secs}s" -s "$tmp/seed.lua" "$2" >"$tmp/$1.wrk" 2>&1 || true
  local rps non2xx sock
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/$1.wrk")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$tmp/$1.wrk")
  sock=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' "$tmp/$1.wrk")
  echo "${rps:-0} ${non2xx:-0} ${sock:-0}" >"$tmp/$1"
  echo "$1: $(grep -E 'Requests/sec|Latency|Non-2xx|Socket errors' "$tmp/$1.wrk" | tr -s ' ' | paste -sd ';')" >&2
}

"$bin" mock docs-input --port 0 >"$tmp/mock.out" 2>/dev/null &
pids+=($!)
for _ in $(seq 300); do grep -q '^listening on' "$tmp/mock.out" && break; sleep 0.1; done
mock_url=$(sed -n '1s/^listening on //p' "$tmp/mock.out")
run mock "$mock_url" /rest/1/mocksecret/

port=$(( 20000 + RANDOM % 20000 ))
"$prism" mock -h 127.0.0.1 -p "$port" "$openapi" >"$tmp/prism.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port/"
run prism "http://127.0.0.1:$port" /

read -r m_rps m_bad m_sock <"$tmp/mock"
read -r p_rps p_bad p_sock <"$tmp/prism"
node -e '
const [m, p, mb, ms, pb, ps, c, s] = process.argv.slice(1);
console.log(`mock ${(+m).toFixed(0)} req/s (non-2xx ${mb}, socket errors ${ms}); ` +
  `prism ${(+p).toFixed(0)} req/s (non-2xx ${pb}, socket errors ${ps}); ` +
  `ratio ${(m / p).toFixed(1)}x (goal >= 20x); wrk -t2 -c${c} -d${s}s`);
' "$m_rps" "$p_rps" "$m_bad" "$m_sock" "$p_bad" "$p_sock" "$conns" "$secs"
