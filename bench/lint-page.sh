#!/usr/bin/env bash
# `b24spec lint` of single pages inside the 2026 corpus root, as a pre-commit hook
# runs it: the page is modelled with its context (type dictionaries, link targets,
# sibling methods) so that it gets what a lint of the whole root says of it.
# Baseline in the same run: `b24spec model` of the page alone (no context).
# Goal: one page at most 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
pages=${PAGES:-"api-reference/crm/universal/crm-item-add.md api-reference/user/userfields/user-userfield-update.md api-reference/chats/im-recent-list.md"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=()
for p in $pages; do
  n=$(basename "$p" .md)
  # -N runs without a shell: no redirections (hyperfine discards the output);
  # a page with errors makes `model` exit 1, which is no failure of the bench
  args+=(-n "lint $n" "$bin lint --fail-on never $docs/$p")
  args+=(-n "model $n" "$bin model $docs/$p -o $tmp/m.json")
done
hyperfine --warmup 3 --runs ${RUNS:-20} -N -i --export-json "$tmp/h.json" "${args[@]}" >&2
node -e '
const r = require(process.argv[1]).results;
const t = Object.fromEntries(r.map((x) => [x.command, x]));
let worst = 0;
for (const [name, x] of Object.entries(t)) {
  if (!name.startsWith("lint ")) continue;
  const base = t[name.replace(/^lint/, "model")];
  worst = Math.max(worst, x.mean);
  console.log(`${name.slice(5)}: lint ${(x.mean * 1000).toFixed(1)} ms (median ${(x.median * 1000).toFixed(1)}), the page alone modelled ${(base.mean * 1000).toFixed(1)} ms, ratio ${(x.mean / base.mean).toFixed(2)}x`);
}
console.log(`slowest page: ${(worst * 1000).toFixed(1)} ms (goal <= 50 ms)`);
' "$tmp/h.json"
