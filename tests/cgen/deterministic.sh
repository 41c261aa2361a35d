#!/bin/sh
# The C stubs of a docs tree, generated twice into two directories, are byte-identical;
# generating a third time over the first writes nothing. Exit 77 when the docs are absent.
# usage: deterministic.sh B24SPEC DOCS WORKDIR
set -eu
b24spec=$1 docs=$2 work=$3
if [ ! -e "$docs" ]; then echo "SKIP: $docs is absent"; exit 77; fi
rm -rf "$work"
mkdir -p "$work"
"$b24spec" gen "$docs" -o "$work/a" --only c 2>/dev/null
"$b24spec" gen "$docs" -o "$work/b" --only c 2>/dev/null
diff -r "$work/a" "$work/b"
again=$("$b24spec" gen "$docs" -o "$work/a" --only c 2>&1 | tail -n 1)
echo "$again"
case "$again" in
  *" 0 written, "*" 0 removed"*) ;;
  *) echo "regenerating rewrote files"; exit 1 ;;
esac
rm -rf "$work"
