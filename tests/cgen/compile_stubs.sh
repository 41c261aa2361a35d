#!/bin/sh
# Generates the C stubs of a docs tree and compiles them as the b24api library with one
# compiler, warnings as errors, through the generated c/CMakeLists.txt (headers-only
# runtime: B24RT_INCLUDE_DIR). Exit 77 (skip) when the docs or the compiler are absent.
# usage: compile_stubs.sh B24SPEC DOCS WORKDIR CC RUNTIME_INCLUDE_DIR
set -eu
b24spec=$1 docs=$2 work=$3 cc=$4 rtinc=$5
if [ ! -e "$docs" ]; then echo "SKIP: $docs is absent"; exit 77; fi
if ! command -v "$cc" >/dev/null 2>&1; then echo "SKIP: no $cc"; exit 77; fi
rm -rf "$work"
mkdir -p "$work"
"$b24spec" gen "$docs" -o "$work/out" --only c
cmake -S "$work/out/c" -B "$work/build" -DCMAKE_C_COMPILER="$cc" -DB24RT_INCLUDE_DIR="$rtinc" -DB24API_UNITY=ON -DB24API_SHARED=OFF \
  -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="-O0 -Wall -Wextra -Wpedantic -Wshadow -Werror" >/dev/null
cmake --build "$work/build" -j2
methods=$(ls "$work/out/c/src/api" | wc -l)
echo "compiled the stubs of $methods methods with $cc"
rm -rf "$work"
