#!/usr/bin/env bash
# Broken input gives a clear diagnostic naming file and line, a non-zero exit where
# the input is in error, and never a crash.
set -u
bin=$1 data=$2 tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # name expected-rc pattern -- command...
  local name=$1 want=$2 pat=$3; shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ $rc -ge 128 ]; then echo "FAIL $name: crashed (rc $rc)"; cat "$tmp/err"; fail=1; return; fi
  if [ "$want" != any ] && [ $rc -ne "$want" ]; then echo "FAIL $name: rc $rc, want $want"; cat "$tmp/err"; fail=1; return; fi
  if ! grep -Eq -- "$pat" "$tmp/err"; then echo "FAIL $name: no diagnostic matching /$pat/"; cat "$tmp/err"; fail=1; return; fi
  echo "ok $name"
}
d=$data/bad
expect unterminated-table 0 'pages/unterminated-table\.md:7:1: warning: #\| table is never closed by \|# \[unterminated-block\]' -- "$bin" model "$d/pages/unterminated-table.md"
expect cell-count 0 'pages/cell-count\.md:10:1: warning: table row has 1 cell, the header has 2.*\[table-cell-count\]' -- "$bin" model "$d/pages/cell-count.md"
expect missing-include 1 'pages/missing-include\.md:5:1: error: include target .*does-not-exist\.md. not found \[include-missing\]' -- "$bin" model "$d/pages/missing-include.md"
expect outside-include 1 'pages/outside-include\.md:5:1: error: include .* points outside the docs root \[include-outside-root\]' -- "$bin" model "$d/pages/outside-include.md"
expect include-cycle 1 '_includes/cycle-b\.md:3:1: error: include cycle: pages/cycle\.md -> _includes/cycle-a\.md -> _includes/cycle-b\.md -> _includes/cycle-a\.md \[include-cycle\]' -- "$bin" model "$d/pages/cycle.md"
expect invalid-utf8 0 'pages/invalid-utf8\.md:5:22: warning: invalid UTF-8 byte 0xFF' -- "$bin" model "$d/pages/invalid-utf8.md"
expect toc-missing 1 'bad/toc\.yaml:1:1: warning: a table of contents lists .pages/nope\.md.' -- "$bin" model "$d"
expect no-such-input 1 'nope\.md:1:1: error: no such file or directory \[input\]' -- "$bin" model "$tmp/nope.md"
# Binary garbage: deterministic bytes with NULs and every byte value.
mkdir -p "$tmp/garbage"
head -c 300000 /dev/zero | tr '\0' '\377' >"$tmp/garbage/g.md"
for i in $(seq 0 255); do printf "\\$(printf %03o $i)#|||{%% list tabs %%}\n- x\n"; done >>"$tmp/garbage/g.md"
expect binary-garbage any 'g\.md:1:1: warning: invalid UTF-8 byte 0xFF' -- "$bin" model "$tmp/garbage/g.md"
# A 50 MB page is refused with a clear diagnostic; a 5 MB one (40x the largest real
# page) is modelled in full.
mkdir -p "$tmp/big"
page() { # rows
  echo '# Big Page test.big'; echo; echo '> Scope: [`test`](x.md)'; echo; echo '## Method Parameters'; echo
  echo '#|'; echo '|| **Name**'; echo '`type` | **Description** ||'
  awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "|| **F%d**\n[`string`](../data-types.md) | A description with `code` and a [link](x.md) that goes on ||\n", i }'
  echo '|#'
}
page 500000 >"$tmp/big/huge.md"
size=$(stat -c %s "$tmp/big/huge.md")
[ "$size" -gt 50000000 ] || { echo "FAIL huge page is only $size bytes"; fail=1; }
expect huge-page 1 'huge\.md:1:1: error: page is [0-9]+ bytes, more than the 8 MiB a page may have; it is not read \[page-too-large\]' -- "$bin" model "$tmp/big/huge.md"
page 50000 >"$tmp/big/big.md"
"$bin" stats --json "$tmp/big/big.md" >"$tmp/big.json" 2>"$tmp/err" || { echo "FAIL big page"; cat "$tmp/err"; fail=1; }
grep -q '"params": 50000,' "$tmp/big.json" && echo "ok big-page" || { echo "FAIL big page: $(cat "$tmp/big.json")"; fail=1; }
exit $fail
