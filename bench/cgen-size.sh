#!/usr/bin/env bash
# What a program calling one generated method carries: the generated C of the 2026
# corpus built as the installed library is (libb24api.a, Release, one object per method),
# a program calling b24_user_current() linked against it and the shared runtime, and,
# as the baseline, the same program calling user.current through b24_call() (no
# generated code). Printed: `size` text of both and their difference, the generated code
# the program pays for. Goal: <= 100 KB.
# Usage: bench/cgen-size.sh [DOCS]   (B24_BIN=path/to/b24spec; CGEN_SIZE_UNITY=1 also
# measures a library built in unity batches, for comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" gen "$docs" -o "$tmp/out" --only c 2>/dev/null || test -d "$tmp/out/c" # errors in pages: still generated

cat >"$tmp/one.c" <<'C'
#include <stdio.h>
#include <b24/api/user_current.h>
int main(int argc, char **argv) {
  b24_client *c = b24_client_new_webhook(argc > 1 ? argv[1] : "http://127.0.0.1:1/rest/1/x/");
  b24_user_current_result r;
  b24_status rc = b24_user_current(c, NULL, &r, NULL);
  printf("%d\n", (int)rc);
  b24_user_current_result_free(&r);
  b24_client_free(c);
  return 0;
}
C
cat >"$tmp/base.c" <<'C'
#include <stdio.h>
#include <b24/client.h>
int main(int argc, char **argv) {
  b24_client *c = b24_client_new_webhook(argc > 1 ? argv[1] : "http://127.0.0.1:1/rest/1/x/");
  json_t *r = NULL;
  b24_status rc = b24_call(c, "user.current", NULL, &r, NULL, NULL);
  printf("%d\n", (int)rc);
  json_decref(r);
  b24_client_free(c);
  return 0;
}
C

# Builds the library (extra cmake arguments) in DIR; prints the program's text size and
# the baseline's.
measure() {
  local dir=$1
  shift
  cmake -S "$tmp/out/c" -B "$dir" -DB24RT_SOURCE_DIR="$root/src/runtime" -DB24API_SHARED=OFF "$@" \
    >/dev/null
  nice cmake --build "$dir" -j2 --target b24api b24rt_shared >/dev/null
  local jansson
  jansson=$(pkg-config --cflags --libs jansson)
  # shellcheck disable=SC2086
  cc -std=c11 -O2 -o "$dir/one" "$tmp/one.c" -I"$tmp/out/c/include" -I"$root/src/runtime" \
    "$dir/libb24api.a" "$dir/b24rt/libb24rt.so" $jansson -Wl,--gc-sections
  # shellcheck disable=SC2086
  cc -std=c11 -O2 -o "$dir/base" "$tmp/base.c" -I"$root/src/runtime" "$dir/b24rt/libb24rt.so" \
    $jansson -Wl,--gc-sections
  local one base
  one=$(size "$dir/one" | awk 'NR == 2 { print $1 }')
  base=$(size "$dir/base" | awk 'NR == 2 { print $1 }')
  echo "$one $base"
}

methods=$(ls "$tmp/out/c/src/api" | grep -c '\.c$')
echo "C stubs of $methods methods ($docs), Release, one program calling b24_user_current()"
read -r one base < <(measure "$tmp/b")
echo "program text $one bytes; baseline (b24_call) $base bytes; generated code linked: $((one - base)) bytes, goal <= 102400"
if [ "${CGEN_SIZE_UNITY:-0}" = 1 ]; then
  read -r one_u base_u < <(measure "$tmp/bu" -DB24API_UNITY=ON)
  echo "unity batches: program text $one_u bytes; generated code linked: $((one_u - base_u)) bytes"
fi
