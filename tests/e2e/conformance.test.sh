#!/bin/sh
# The crash-and-hang part of the FOP conformance suite (issue 9), run by make check:
# every one of the 440 testcases of ../shared/fop-testcases is rendered with
# ./circgen fo (two at a time, 10 s timeout each, no FOP). A crash (killed by a signal,
# exit >= 128) or a hang fails; a non-zero exit with an error message is allowed.
# The comparison with FOP and the report are make conformance.
if ! ./circgen help fo > /dev/null 2>&1; then
    echo "conformance: SKIPPED: ./circgen has no 'fo' command ('./circgen help fo' fails)"
    exit 0
fi
exec sh tests/conformance/run.sh --check
