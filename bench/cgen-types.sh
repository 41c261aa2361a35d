#!/usr/bin/env bash
# How typed the generated C of a docs tree is: the share of methods whose result is
# decoded into C values (a scalar, a list, a struct: not only the raw JSON; also counted
# apart: results the docs give as null or empty, nothing to decode), and the share
# of `json_t *` among parameter members (every member of a method's parameter structs
# and of the entity types, `extra` not counted). Goals on the 2026 corpus: >= 90 % and
# <= 5 %. No baseline: these are counts, not timings.
# Usage: bench/cgen-types.sh [DOCS]   (B24_BIN=path/to/b24spec)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${B24_BIN:-build/b24spec}
docs=${1:-../shared/corpus/b24restdocs-2026-08-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" gen "$docs" -o "$tmp/out" --only c 2>/dev/null || test -d "$tmp/out/c" # errors in pages: still generated
python3 - "$tmp/out/c" <<'PY'
import glob, os, re, sys
c = sys.argv[1]
srcs = sorted(glob.glob(os.path.join(c, "src/api/*.c")))
texts = [open(f).read() for f in srcs]
typed = sum(1 for t in texts if "B24_VALUE_NONE" not in t)
empty = sum(1 for t in texts if "B24_VALUE_NONE /* documented as empty */" in t)
member = re.compile(r"^  (?!/)(.*?)(\w+);$")
def members(text, pattern):
    """Declarations of the structs whose type name matches pattern: (json, all)."""
    json_n = total = 0
    for m in re.finditer(r"typedef struct (\w+) \{\n(.*?)\n\} \1;", text, re.S):
        if not re.match(pattern, m.group(1)):
            continue
        for line in m.group(2).split("\n"):
            d = member.match(line)
            if not d or d.group(2) in ("extra", "present", "json") or line.startswith("  size_t n_"):
                continue
            total += 1
            json_n += "json_t *" in d.group(1)
    return json_n, total
pj = pt = 0
for h in sorted(glob.glob(os.path.join(c, "include/b24/api/*.h"))):
    fn = "b24_" + os.path.basename(h)[:-2]
    j, t = members(open(h).read(), re.escape(fn) + r"_params")
    pj, pt = pj + j, pt + t
ej = et = 0
for h in sorted(glob.glob(os.path.join(c, "include/b24/api/types/*.h"))):
    j, t = members(open(h).read(), r"b24_")
    ej, et = ej + j, et + t
n = len(srcs)
print(f"typed results: {typed} of {n} methods decoded ({100.0 * typed / max(n, 1):.1f} %); with the "
      f"{empty} whose docs give the result as empty, {typed + empty} ({100.0 * (typed + empty) / max(n, 1):.1f} %);"
      f" goal >= 90 %")
print(f"json_t * parameter members: {pj + ej} of {pt + et} ({100.0 * (pj + ej) / max(pt + et, 1):.1f} %), goal <= 5 %"
      f" (methods' own structs {pj}/{pt}, entity types {ej}/{et})")
PY
