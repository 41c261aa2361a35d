#!/usr/bin/env bash
# Regeneration touches only what changed: after one parameter description of
# user.userfield.update changes, only that method's files and the shared documents
# that list every method may be rewritten; after its page is deleted, its files go.
set -u
bin=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/docs-input" "$tmp/docs"
out=$tmp/out
# Files every method's change may touch: they list or index all methods.
shared='^(manifest\.json|openapi\.json|suite/index\.json|c/include/b24/api\.h|c/CMakeLists\.txt)$'
mine='user[._-]userfield[._-]update'
snapshot() { (cd "$out" && find . -type f -printf '%P %i %T@\n' | sort) >"$1"; }

"$bin" gen "$tmp/docs" -o "$out" 2>/dev/null || { echo "FAIL first gen"; exit 1; }
snapshot "$tmp/s1"
[ "$(grep -cE "$mine" "$tmp/s1")" -gt 0 ] || { echo "FAIL no files for user.userfield.update"; exit 1; }

page=$tmp/docs/api-reference/user/userfields/user-userfield-update.md
sed -i 's/| Sorting order ||/| Sorting order of the field in lists ||/' "$page"
grep -q 'Sorting order of the field in lists' "$page" || { echo "FAIL could not edit the page"; exit 1; }
"$bin" gen "$tmp/docs" -o "$out" 2>"$tmp/log" || { echo "FAIL second gen"; cat "$tmp/log"; exit 1; }
snapshot "$tmp/s2"
# Lines that differ (inode or mtime changed, or file appeared/disappeared).
changed=$(diff "$tmp/s1" "$tmp/s2" | sed -n 's/^[<>] \([^ ]*\) .*/\1/p' | sort -u)
fail=0
[ -n "$changed" ] || { echo "FAIL nothing was rewritten"; fail=1; }
for f in $changed; do
  if ! [[ $f =~ $mine ]] && ! [[ $f =~ $shared ]]; then echo "FAIL $f was rewritten"; fail=1; fi
done
echo "rewritten: $(echo $changed)"
grep -qE "written, [0-9]+ unchanged, 0 removed" "$tmp/log" || { echo "FAIL report: $(cat "$tmp/log")"; fail=1; }

# Unchanged docs: nothing rewritten at all.
"$bin" gen "$tmp/docs" -o "$out" 2>"$tmp/log"
snapshot "$tmp/s3"
cmp -s "$tmp/s2" "$tmp/s3" || { echo "FAIL an unchanged run rewrote files"; diff "$tmp/s2" "$tmp/s3" | head; fail=1; }

rm "$page"
"$bin" gen "$tmp/docs" -o "$out" 2>"$tmp/log"
snapshot "$tmp/s4"
if grep -qE "$mine" "$tmp/s4"; then echo "FAIL files of a deleted page remain:"; grep -E "$mine" "$tmp/s4"; fail=1; fi
grep -q 'user.update' "$tmp/s4" || { echo "FAIL user.update files vanished"; fail=1; }
exit $fail
