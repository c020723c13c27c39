#!/bin/sh
# Runs every end-to-end test script tests/e2e/*.test.sh from the repository root.
# Each script exits 0 on success and prints its own "N passed, N failed" line.
cd "$(dirname "$0")/../.." || exit 2
export CIRCGEN_TEMPLATES="$PWD/templates"
status=0
for t in tests/e2e/*.test.sh; do
    [ -e "$t" ] || continue
    sh "$t" || status=1
done
exit $status
