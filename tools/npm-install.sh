#!/usr/bin/env bash
# The Node tools the tests use (tools/npm/package.json, exact versions from
# tools/npm/package-lock.json), installed into tools/npm/node_modules: never
# globally. Idempotent: nothing is done when node_modules was installed from the
# same lock file.
#
# --ignore-scripts: the only install script among these packages is
# @quobix/vacuum's, which downloads the vacuum binary from a release page
# outside the npm registry; machines that reach only the registries cannot run
# it, and `npm ci` would fail as a whole. The vacuum tests skip when its binary
# is absent (put one at tools/npm/node_modules/@quobix/vacuum/bin/vacuum, or set
# B24_VACUUM, to run them); Spectral lints the same document meanwhile.
set -euo pipefail
cd "$(dirname "$0")/npm"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm-install: npm is not installed (tools/install-deps.sh installs it)" >&2
  exit 1
fi
stamp=node_modules/.b24-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
