#!/usr/bin/env bash
# Compile time of the C stubs of the whole 2026 corpus (about 1,660 methods), built as
# the b24api library through the generated c/CMakeLists.txt with -j2, -O0 and warnings
# as errors (as the cgen.corpus.compile tests do), with gcc and with clang. Goal: <= 60 s
# wall on this 2-core machine. Baseline measured in the same run with the same compiler
# and flags: the b24rt runtime library (src/runtime). Printed: wall and CPU seconds, and
# the ratio stubs / runtime, and the load average before each build: on a machine other
# work shares, wall time grows with it and the CPU seconds are the figure to compare.
# The library is built as it is installed: one compiler run per method file (and per
# entity type). Usage: bench/cgen-compile.sh [DOCS]   (B24_BIN=path/to/b24spec;
# CGEN_BENCH_UNITY=1 also times the build in unity batches, for comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
flags="-O0 -Wall -Wextra -Wpedantic -Wshadow -Werror"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" gen "$docs" -o "$tmp/out" --only c 2>/dev/null || test -d "$tmp/out/c" # errors in pages: still generated
methods=$(ls "$tmp/out/c/src/api" | grep -c '\.c$')

# Seconds (wall, CPU) of one command, as "W C".
timed() {
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || {
    cat "$tmp/err" >&2
    return 1
  }
  awk '{ printf "%.1f %.1f\n", $1, $2 + $3 }' "$tmp/time"
}

# Configure DIR with compiler CC and extra cmake arguments, then time its build.
build_time() {
  local src=$1 dir=$2 cc=$3
  shift 3
  cmake -S "$src" -B "$dir" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_C_FLAGS="$flags" "$@" >/dev/null
  timed cmake --build "$dir" -j2 --target "$target"
}

# The 1-minute load average.
load() { cut -d' ' -f1 /proc/loadavg; }

# The runtime alone, as a project of its own (it expects its parent to find jansson/curl).
mkdir -p "$tmp/rt"
cat >"$tmp/rt/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.16)
project(b24rt_bench VERSION 0.1.0 LANGUAGES C)
find_package(PkgConfig REQUIRED)
pkg_check_modules(JANSSON REQUIRED IMPORTED_TARGET jansson)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
add_subdirectory($root/src/runtime b24rt)
EOF

echo "C stubs of $methods methods ($docs), -j2, $flags"
for cc in gcc clang; do
  command -v "$cc" >/dev/null || { echo "$cc: not installed"; continue; }
  target=b24rt
  read -r rt_wall rt_cpu < <(build_time "$tmp/rt" "$tmp/b-rt-$cc" "$cc")
  target=b24api
  before=$(load)
  read -r wall cpu < <(build_time "$tmp/out/c" "$tmp/b-$cc" "$cc" -DB24RT_INCLUDE_DIR="$root/src/runtime")
  ratio=$(awk -v a="$wall" -v b="$rt_wall" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }')
  echo "$cc: stubs ${wall} s wall (${cpu} s CPU), goal <= 60 s; runtime baseline ${rt_wall} s wall (${rt_cpu} s CPU); ratio ${ratio}x; load before ${before}"
  if [ "${CGEN_BENCH_UNITY:-0}" = 1 ]; then
    read -r u_wall u_cpu < <(build_time "$tmp/out/c" "$tmp/b-u-$cc" "$cc" \
      -DB24RT_INCLUDE_DIR="$root/src/runtime" -DB24API_UNITY=ON)
    echo "$cc: in unity batches ${u_wall} s wall (${u_cpu} s CPU)"
  fi
done
