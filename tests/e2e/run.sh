#!/bin/sh
# Runs every end-to-end test script tests/e2e/*.test.sh from the repository root,
# E2E_JOBS at a time (default 2, the cores of the project's machines). Each script
# exits 0 on success and prints its own "N passed, N failed" line; the output of
# each is printed whole, in the scripts' order, when all have run.
cd "$(dirname "$0")/../.." || exit 2
export CIRCGEN_TEMPLATES="$PWD/templates"
# The program under test (a sanitizer build, say) and a wrapper to run it under
# (valgrind). Scripts call it through their cg() function.
export CIRCGEN="${CIRCGEN:-$PWD/circgen}"
export CIRCGEN_RUNNER="${CIRCGEN_RUNNER:-}"
jobs=${E2E_JOBS:-2}
out=$(mktemp -d) || exit 2
trap 'rm -rf "$out"' EXIT
ls tests/e2e/*.test.sh 2>/dev/null |
    xargs -P "$jobs" -I{} sh -c 'n=$(basename "$1" .test.sh); sh "$1" >"$2/$n.out" 2>&1; echo $? >"$2/$n.rc"' sh {} "$out"
status=0
for t in tests/e2e/*.test.sh; do
    [ -e "$t" ] || continue
    n=$(basename "$t" .test.sh)
    cat "$out/$n.out" 2>/dev/null
    rc=$(cat "$out/$n.rc" 2>/dev/null || echo 2)
    if [ "$rc" != 0 ]; then
        echo "e2e: $t exited $rc"
        status=1
    fi
done
exit $status
