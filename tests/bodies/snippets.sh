#!/usr/bin/env bash
# Table test: each snippet in DIR (*.sh cURL, *.js, *.php; its first line names
# the corpus page it was copied from) read by read_body must print exactly its
# .out file. A line "method-under-test: M" in the snippet passes the page's
# method. Regenerate an .out only after checking the difference by eye:
#   read_body LANG [M] < x.js > x.out
set -u
bin=$1 dir=$2 fail=0 n=0
for f in "$dir"/*.sh "$dir"/*.js "$dir"/*.php; do
  [ -e "$f" ] || continue
  case $f in *.sh) lang=curl ;; *.js) lang=js ;; *.php) lang=php ;; esac
  m=$(sed -n 's/^.*method-under-test: //p' "$f" | head -1)
  got=$("$bin" $lang $m < "$f"); rc=$?
  n=$((n + 1))
  if [ $rc -gt 2 ]; then echo "FAIL $f: exit $rc"; fail=1; continue; fi
  if ! diff -u "${f%.*}.out" <(printf '%s\n' "$got") >/dev/null; then
    echo "FAIL $f:"; diff -u "${f%.*}.out" <(printf '%s\n' "$got") | head -20; fail=1
  fi
done
[ $n -ge 20 ] || { echo "only $n snippets"; fail=1; }
[ $fail = 0 ] && echo "$n snippets read as expected"
exit $fail
