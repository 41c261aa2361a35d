#!/usr/bin/env bash
# Fresh Debian 12, as root: install what b24spec needs, build it, and run the main
# job (generate everything from docs-input/ into generated/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
./build/b24spec gen docs-input -o generated
