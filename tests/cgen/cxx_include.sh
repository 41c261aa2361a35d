#!/bin/sh
# C++ includes the generated headers: every header of the stubs of DOCS (b24/api.h), in
# one C++ translation unit, with CXX (g++ by default) -std=c++11 -Wall -Wextra -Wpedantic
# -Werror, and the inline batch, paging and filter helpers called. Exit 77 (skip) when
# the docs or the compiler are absent.
# usage: cxx_include.sh B24SPEC DOCS WORKDIR RUNTIME_INCLUDE_DIR [CXX]
set -eu
b24spec=$1 docs=$2 work=$3 rtinc=$4 cxx=${5:-g++}
if [ ! -e "$docs" ]; then echo "SKIP: $docs is absent"; exit 77; fi
if ! command -v "$cxx" >/dev/null 2>&1; then echo "SKIP: no $cxx"; exit 77; fi
rm -rf "$work"
mkdir -p "$work"
"$b24spec" gen "$docs" -o "$work/out" --only c 2>/dev/null
cat >"$work/all.cpp" <<'CPP'
#include <b24/api.h>

int main() {
  b24_list_cursor cursor = B24_LIST_CURSOR_INIT;
  return b24_list_more(&cursor) ? 0 : 1;
}
CPP
pkg=$(pkg-config --cflags jansson)
# shellcheck disable=SC2086
"$cxx" -std=c++11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$work/out/c/include" \
  -I"$rtinc" $pkg "$work/all.cpp"
echo "$(ls "$work/out/c/include/b24/api" | wc -l) headers compile as C++ with $cxx"
rm -rf "$work"
