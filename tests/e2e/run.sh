#!/bin/sh
# Runs every end-to-end test script tests/e2e/*.test.sh from the repository root.
# Each script exits 0 on success and prints its own "N passed, N failed" line.
cd "$(dirname "$0")/../.." || exit 2
export CIRCGEN_TEMPLATES="$PWD/templates"
# The program under test (a sanitizer build, say) and a wrapper to run it under
# (valgrind). Scripts call it through their cg() function.
export CIRCGEN="${CIRCGEN:-$PWD/circgen}"
export CIRCGEN_RUNNER="${CIRCGEN_RUNNER:-}"
status=0
for t in tests/e2e/*.test.sh; do
    [ -e "$t" ] || continue
    sh "$t" || status=1
done
exit $status
