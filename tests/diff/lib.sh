# Shared by the diff test scripts: arguments, a temporary directory, and check NAME
# CONDITION, which prints ok/FAIL and remembers a failure in $fail.
bin=$1 root=$2 corpus=$3
cd "$root" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok $1"; else echo "FAIL $1"; fail=1; fi; }
