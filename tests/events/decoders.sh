#!/bin/sh
# The event decoders of the whole 2026 corpus: generated, compiled with -Werror with
# the test driver against the runtime, and run on every payload example (see
# decode_examples.c), under valgrind too when VALGRIND is given. Exit 77 when the
# corpus is absent.
# usage: decoders.sh B24SPEC CORPUS_DOCS WORKDIR RUNTIME_SRC LIBB24RT CC "CFLAGS" [VALGRIND]
set -eu
b24spec=$1 docs=$2 work=$3 rtsrc=$4 librt=$5 cc=$6 cflags=$7 valgrind=${8:-}
here=$(dirname "$0")
if [ ! -e "$docs" ]; then echo "SKIP: $docs is absent"; exit 77; fi
rm -rf "$work"
mkdir -p "$work"
"$b24spec" model "$docs" -o "$work/model.json" 2>/dev/null
"$b24spec" lint "$docs" --format json --fail-on never -o "$work/lint.json" 2>/dev/null
"$b24spec" gen "$docs" -o "$work/out" --only c >/dev/null 2>&1
# shellcheck disable=SC2086
$cc -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -Wall -Wextra -Wpedantic -Wshadow -Werror $cflags -I"$work/out/c/events/include" \
  -I"$rtsrc" -o "$work/decode_examples" "$here/decode_examples.c" "$work/out/c/events/src/"*.c \
  "$librt" $(pkg-config --libs jansson libcurl) -lm
echo "compiled $(ls "$work/out/c/events/src" | wc -l) decoder sources"
if [ -n "$valgrind" ]; then
  "$valgrind" --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    "$work/decode_examples" "$work/model.json" "$work/lint.json"
else
  "$work/decode_examples" "$work/model.json" "$work/lint.json"
fi
rm -rf "$work"
