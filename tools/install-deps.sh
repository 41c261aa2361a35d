#!/usr/bin/env bash
# The Debian 12 packages b24spec builds and tests with (as root; idempotent).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
pkgs=(build-essential cmake pkg-config git libcmark-dev cmark libyaml-dev libjansson-dev
      libcurl4-openssl-dev libssl-dev libmicrohttpd-dev libgnutls28-dev clang libclang-rt-dev valgrind
      hyperfine wrk openssl curl ca-certificates nodejs libxml2-utils chromium)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
# Debian's nodejs comes without npm; NodeSource's brings its own.
command -v npm >/dev/null 2>&1 || apt-get install -y -qq npm
