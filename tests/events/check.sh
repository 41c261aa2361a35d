#!/usr/bin/env bash
# b24spec check --events-listen against the mock: the suite of the CRM companies
# pages, its CRUD sequence run with a receiver bound for ONCRMCOMPANYADD/UPDATE/
# DELETE, every delivery judged; afterwards no handler is left bound, and without
# --allow-writes nothing is bound or caused. Exit 77 when the corpus is absent.
# usage: check.sh B24SPEC CORPUS_ROOT WORKDIR
set -euo pipefail
bin=$1 docs=$2/b24restdocs-2026-08-21/api-reference/crm/companies work=$3
[ -d "$docs" ] || { echo "SKIP: the corpus is absent"; exit 77; }
rm -rf "$work"; mkdir -p "$work"
pages=("$docs"/*.md "$docs"/events/*.md)
"$bin" gen "${pages[@]}" -o "$work/out" --only suite >/dev/null 2>&1
"$bin" mock "${pages[@]}" --port 0 >"$work/mock.out" 2>"$work/mock.err" & mock=$!
trap 'kill $mock 2>/dev/null; wait $mock 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q '^listening on' "$work/mock.out" && break; sleep 0.1; done
base=$(sed -n 's/^listening on //p' "$work/mock.out")/rest/1/mocksecret/
port=$(( 20000 + $$ % 20000 ))
"$bin" check --url "$base" --suite "$work/out/suite" --methods 'crm.company.*' --events-listen 127.0.0.1:$port \
  >"$work/ro.out" 2>&1
grep -q 'need --allow-writes' "$work/ro.out"
"$bin" check --url "$base" --suite "$work/out/suite" --methods 'crm.company.*' --allow-writes \
  --events-listen 127.0.0.1:$port --events-wait 5 >"$work/rw.out" 2>&1 || { cat "$work/rw.out"; exit 1; }
cat "$work/rw.out" | grep -E '^(ok|FAIL|events:)'
grep -q '^ok   ONCRMCOMPANYADD (crm.company.add of [0-9]*): .*payload valid, data.FIELDS.ID = ' "$work/rw.out"
grep -q '^ok   ONCRMCOMPANYDELETE' "$work/rw.out"
grep -Eq '^events: [0-9]+ delivered and valid, 0 failed; 3 handlers bound and unbound' "$work/rw.out"
# nothing left behind
left=$(curl -s "${base}event.get")
[ "$(printf '%s' "$left" | grep -o '"result":\[\]')" = '"result":[]' ] || { echo "still bound: $left"; exit 1; }
echo OK
