#!/usr/bin/env bash
# All generators over the whole 2026 corpus vs modelling it (`b24spec model`),
# in one hyperfine run; prints the ratio. Goal: gen <= 2x model.
# Every gen run writes all ~8,400 files into a directory of its own that no earlier
# run used: on ext4 creating files right after deleting thousands costs several
# times more (the inode allocator steps over recently freed inodes), which would
# measure the benchmark's clean-up, not the tool. The output is measured on the
# disk under TMPDIR and, where there is one, on tmpfs (/dev/shm): the tool's own work.
# usage: bench/gen.sh [DOCS]   (B24_BIN overrides build/b24spec; RUNS, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
runs=${RUNS:-5}
tmp=$(mktemp -d)
shm=
[ -d /dev/shm ] && [ -w /dev/shm ] && shm=$(mktemp -d -p /dev/shm)
trap 'rm -rf "$tmp" ${shm:+"$shm"}' EXIT
echo 0 >"$tmp/n"
next='echo $(( $(cat '"$tmp"'/n) + 1 )) >'"$tmp"'/n'
cmds=(-n model "$bin model $docs -o $tmp/model.json 2>/dev/null"
      -n gen-disk "$bin gen $docs -o $tmp/out.\$(cat $tmp/n) 2>/dev/null")
[ -n "$shm" ] && cmds+=(-n gen-tmpfs "$bin gen $docs -o $shm/out.\$(cat $tmp/n) 2>/dev/null")
sync
hyperfine --warmup 1 --runs "$runs" --prepare "$next; sync" --export-json "$tmp/h.json" "${cmds[@]}" >&2
node -e '
const r = require(process.argv[1]).results;
const t = Object.fromEntries(r.map((x) => [x.command, x.mean]));
console.log(`b24spec model ${t.model.toFixed(3)} s`);
for (const k of ["gen-disk", "gen-tmpfs"]) if (t[k])
  console.log(`b24spec ${k} ${t[k].toFixed(3)} s, ratio ${(t[k] / t.model).toFixed(2)}x (goal <= 2x)`);
' "$tmp/h.json"
last=$(ls -d "$tmp"/out.* | tail -1)
echo "files: $(find "$last" -type f | wc -l) per run, $(nproc) CPUs" >&2
