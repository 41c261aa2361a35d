#!/bin/sh
# The generated C as a user gets it: installs the runtime (cmake --install --component
# runtime) and the generated b24api project into a temporary prefix, checks what was
# installed (headers, libb24api.a and .so, b24api.pc, the CMake package, Release by
# default), builds PROGRAM against the installed package with pkg-config and with
# find_package(b24api), and runs both against the mock portal of the same docs (the
# pkg-config build under valgrind when VALGRIND is given). Prints the size of the
# program's code. Exit 77 (skip) when the docs are absent.
# EXTRA_CFLAGS go to every compile and link (a sanitizer build's runtime needs them).
# usage: install_api.sh B24SPEC BUILD_DIR DOCS WORKDIR PROGRAM [VALGRIND]
set -eu
b24spec=$1 build_dir=$2 docs=$3 work=$4 program=$5 valgrind=${6:-}
cc=${CC:-cc}
extra=${EXTRA_CFLAGS:-}
if [ ! -e "$docs" ]; then echo "SKIP: $docs is absent"; exit 77; fi
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
mock_pid=
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build_dir" --prefix "$prefix" --component runtime >/dev/null
"$b24spec" gen "$docs" -o "$work/out" --only c 2>/dev/null
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cmake -S "$work/out/c" -B "$work/api" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_C_FLAGS="-Wall -Wextra -Wpedantic -Werror $extra" -DCMAKE_SHARED_LINKER_FLAGS="$extra" \
  >/dev/null
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$work/api/CMakeCache.txt" || fail "not Release by default"
cmake --build "$work/api" -j2 >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "build"; }
cmake --install "$work/api" --prefix "$prefix" >/dev/null
for f in include/b24/api.h include/b24/api_support.h lib/libb24api.a lib/libb24api.so \
         lib/pkgconfig/b24api.pc lib/cmake/b24api/b24apiConfig.cmake \
         lib/cmake/b24api/b24apiConfigVersion.cmake lib/cmake/b24api/b24apiTargets.cmake; do
  test -e "$prefix/$f" || fail "$f not installed"
done
ls "$prefix/include/b24/api" | grep -q '\.h$' || fail "no method headers installed"

# With pkg-config, and with CMake's find_package.
# shellcheck disable=SC2046
# shellcheck disable=SC2086
$cc -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror $extra -o "$work/prog" "$program" \
  $(pkg-config --cflags --libs b24api)
mkdir -p "$work/cm"
cat >"$work/cm/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.16)
project(program C)
find_package(b24api REQUIRED)
add_executable(prog $program)
target_link_libraries(prog PRIVATE b24api::b24api)
CM
cmake -S "$work/cm" -B "$work/cm/build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$work/cm/build" >/dev/null
text=$(size "$work/prog" | awk 'NR == 2 { print $1 }')
echo "program code (size text): $text bytes"

"$b24spec" mock "$docs" --port 0 >"$work/mock.log" 2>"$work/mock.err" &
mock_pid=$!
url=
for _ in $(seq 1 200); do
  url=$(sed -n 's|^listening on \(http://[^ ]*\).*|\1|p' "$work/mock.log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/mock.err"; fail "the mock did not start"; }
webhook="${url%/}/rest/1/mocksecret/"
if [ -n "$valgrind" ]; then
  env -u LD_LIBRARY_PATH "$valgrind" --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    "$work/prog" "$webhook" || fail "the program (pkg-config build, valgrind)"
else
  env -u LD_LIBRARY_PATH "$work/prog" "$webhook" || fail "the program (pkg-config build)"
fi
env -u LD_LIBRARY_PATH "$work/cm/build/prog" "$webhook" >/dev/null || fail "the program (CMake build)"
echo "installed package test passed"
rm -rf "$work"
