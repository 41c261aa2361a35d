#!/usr/bin/env bash
# Every test: npm tools into the repo (pinned, from the lock file), a build, ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x tools/npm-install.sh ]; then tools/npm-install.sh; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j"$(nproc)" "$@"
