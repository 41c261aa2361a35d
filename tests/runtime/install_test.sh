#!/bin/sh
# Installs the runtime component into a temporary prefix with `cmake --install`, then
# builds a tiny program against it using only pkg-config, strictly, and runs it: once
# against the shared library and once statically against libb24rt.a.
# usage: install_test.sh BUILD_DIR PROBE_SOURCE [EXTRA_CFLAGS]
set -eu
build_dir=$1 probe=$2 extra=${3:-}
cc=${CC:-cc}
prefix=$(mktemp -d /tmp/b24rt-install-XXXXXX)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build_dir" --prefix "$prefix" --component runtime >"$prefix/install.log"
pc=$(find "$prefix" -name b24rt.pc)
test -n "$pc" || { echo "FAIL: b24rt.pc not installed"; exit 1; }
for h in batch.h client.h decode.h export.h list.h optional.h params.h stub.h; do
  test -f "$prefix/include/b24/$h" || { echo "FAIL: include/b24/$h not installed"; exit 1; }
done
libdir=$(dirname "$(dirname "$pc")")
test -f "$libdir/libb24rt.a" || { echo "FAIL: libb24rt.a not installed"; exit 1; }
test -e "$libdir/libb24rt.so" || { echo "FAIL: libb24rt.so not installed"; exit 1; }

export PKG_CONFIG_PATH="$(dirname "$pc")"
flags=$(pkg-config --cflags --libs b24rt)
echo "pkg-config --cflags --libs b24rt: $flags"
# shellcheck disable=SC2086
$cc -std=c11 -Wall -Wextra -Wpedantic -Werror $extra -o "$prefix/probe" "$probe" $flags
# No LD_LIBRARY_PATH: the rpath b24rt.pc gives must find the library in this prefix.
env -u LD_LIBRARY_PATH "$prefix/probe"
# The program must have used the installed shared library, not some other copy.
so=$(env -u LD_LIBRARY_PATH ldd "$prefix/probe" | awk '/libb24rt\.so/ { print $3 }')
[ -n "$so" ] && [ "$(readlink -f "$so")" = "$(readlink -f "$libdir/libb24rt.so")" ] ||
  { echo "FAIL: probe is not linked against the installed libb24rt.so (got '$so')"; exit 1; }

# Static libb24rt.a with the shared system libraries it needs: the ones b24rt.pc names
# in Requires and Requires.private (Debian ships no static libcurl dependencies).
static_flags=$(pkg-config --cflags b24rt)
deps="$(pkg-config --print-requires b24rt) $(pkg-config --print-requires-private b24rt)"
# shellcheck disable=SC2086
static_libs=$(pkg-config --libs $deps)
# shellcheck disable=SC2086
$cc -std=c11 -Wall -Wextra -Wpedantic -Werror $extra $static_flags -o "$prefix/probe-static" \
  "$probe" "$libdir/libb24rt.a" $static_libs -lm
"$prefix/probe-static"
echo "install test passed"
