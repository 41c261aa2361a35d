#!/usr/bin/env bash
# Lints the OpenAPI document generated from DOCS with one linter; passes when the
# linter reports no error (warnings are printed, not fatal).
# usage: lint.sh redocly|spectral|vacuum B24SPEC DOCS
# Exit 77 (skip) when DOCS is absent, or when the linter is not installed and
# $CI is unset (CI installs the npm tools through tools/test.sh). vacuum's npm
# package fetches its binary from outside the npm registry at install time,
# which tools/npm-install.sh does not do (see there): without a binary at
# node_modules/@quobix/vacuum/bin/vacuum or $B24_VACUUM it skips, in CI too.
set -uo pipefail
tool=$1 bin=$2 docs=$3
here=$(cd "$(dirname "$0")" && pwd)
nm=$here/../../tools/npm/node_modules
skip() { echo "SKIP: $*"; exit 77; }
[ -e "$docs" ] || skip "$docs is absent"
case $tool in
  redocly) cmd=("$nm/.bin/redocly" lint --config "$here/redocly.yaml" --format=summary) ;;
  spectral) cmd=("$nm/.bin/spectral" lint --ruleset "$here/spectral.yaml" --fail-severity=error) ;;
  vacuum)
    vac=${B24_VACUUM:-$nm/@quobix/vacuum/bin/vacuum}
    [ -x "$vac" ] || skip "no vacuum binary ($vac): its npm package downloads it outside the registry"
    cmd=("$vac" lint --details) ;;
  *) echo "unknown linter $tool" >&2; exit 2 ;;
esac
if [ "$tool" != vacuum ] && [ ! -x "${cmd[0]}" ]; then
  [ -n "${CI:-}" ] && { echo "FAIL: ${cmd[0]} is not installed"; exit 1; }
  skip "${cmd[0]} is not installed (run tools/npm-install.sh)"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" gen "$docs" -o "$out" --only openapi 2>"$out.err" || { cat "$out.err"; rm -f "$out.err"; exit 1; }
rm -f "$out.err"
log=$out/lint.log
"${cmd[@]}" "$out/openapi.json" >"$log" 2>&1
rc=$?
grep -v '║\|╔\|╚' "$log" | tail -40
if [ $rc -ne 0 ]; then echo "FAIL: $tool reports errors (exit $rc)"; exit 1; fi
echo "OK: $tool: no errors"
