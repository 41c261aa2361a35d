#!/usr/bin/env bash
# valgrind over model (good, broken and fuzzer-found input) and diff: no leak, no
# invalid access; each exit status as without valgrind.
set -u
vg=$1 bin=$2 root=$3
run() { # expected-rc args...
  local want=$1; shift
  "$vg" -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 "$bin" "$@" >/dev/null 2>"${TMPDIR:-/tmp}/vg.$$"
  local rc=$?
  if [ $rc -ne "$want" ]; then echo "FAIL $* -> rc $rc (want $want)"; grep '==' "${TMPDIR:-/tmp}/vg.$$" | head -20; rm -f "${TMPDIR:-/tmp}/vg.$$"; exit 1; fi
  rm -f "${TMPDIR:-/tmp}/vg.$$"
  echo "ok $*"
}
run 0 model "$root/docs-input"
run 1 model "$root/tests/data/parse/bad"
run 1 model "$root/tests/data/parse/fuzz/see-also-twice.md"   # an include points outside the root
run 0 diff "$root/tests/data/diff/old" "$root/tests/data/diff/new" --format markdown
