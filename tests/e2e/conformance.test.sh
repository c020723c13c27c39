#!/bin/sh
# The crash-and-hang part of the FOP conformance suite (issue 9), run by make check:
# every one of the 440 testcases of ../shared/fop-testcases is rendered with
# circgen fo (two at a time, 10 s timeout each, no FOP). A crash (killed by a signal,
# exit >= 128, which includes a sanitizer's abort) or a hang fails; a non-zero exit
# with an error message is allowed. The comparison with FOP and the report are
# make conformance (tests/conformance/run.sh).
# Under a CIRCGEN_RUNNER (valgrind), which is some fifty times slower, one testcase in
# twenty is run, with a 120 s timeout.
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
export CIRCGEN
if ! "$CIRCGEN" help fo > /dev/null 2>&1; then
    echo "conformance: SKIPPED: $CIRCGEN has no 'fo' command ('circgen help fo' fails)"
    exit 0
fi
if [ -n "${CIRCGEN_RUNNER:-}" ]; then
    tc="${FOP_TESTCASES:-$PWD/../shared/fop-testcases}/standard-testcases"
    names=$(cd "$tc" 2>/dev/null && ls *.xml | sed 's/\.xml$//' | awk 'NR % 20 == 1')
    [ -n "$names" ] || { echo "conformance: no testcases in $tc"; exit 1; }
    echo "conformance: under '$CIRCGEN_RUNNER': $(echo "$names" | wc -l) of the testcases (one in 20), 120 s each"
    CONFORMANCE_TIMEOUT=120 exec sh tests/conformance/run.sh --check $names
fi
exec sh tests/conformance/run.sh --check
