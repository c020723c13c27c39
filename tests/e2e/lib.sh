# Shared by the end-to-end scripts: sourced from the repository root.
#   cg ARGS...   run the program under test ($CIRCGEN, under $CIRCGEN_RUNNER if set)
#   ok / ko MSG  count a passed / failed check (ko prints MSG)
#   finish NAME  print "NAME: N passed, N failed" and exit non-zero on a failure
#   $tmp         a scratch folder, removed on exit
pass=0 fail=0
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
cg() { $CIRCGEN_RUNNER "$CIRCGEN" "$@"; }
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() { echo "$1: $pass passed, $fail failed"; [ "$fail" = 0 ]; exit $?; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
