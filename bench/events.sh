#!/usr/bin/env bash
# Events delivered per second by the mock under 64 writing connections, and the
# latency from a write's answer to the handler's receipt (p50, p99), against the
# mock's plain write rate measured in the same run (bench/events.mjs).
# usage: bash bench/events.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
exec node bench/events.mjs build/b24spec ../shared/corpus "${1:-5}"
