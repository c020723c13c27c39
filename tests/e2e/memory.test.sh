#!/bin/sh
# Peak memory does not depend on how many pages one page-sequence has: the flow
# is laid out as pagination reads it and freed as pages are drawn. The same
# long document (bench/longfo.py, 320 sections, about 250 pages) in one page
# sequence, in one sequence with all sections inside one fo:block (as the
# templates set a letter or an annex), and cut into sequences of 8 sections
# must peak at about the same RSS (before incremental layout, one sequence
# took 2.2 times as much).
# Skipped under sanitizers and valgrind, whose allocators keep freed memory.
. tests/e2e/lib.sh
case "$CIRCGEN" in *sanitize*|*asan*|*ubsan*) echo "memory: sanitizer build: skipped"; exit 0 ;; esac
[ -z "$CIRCGEN_RUNNER" ] || { echo "memory: under $CIRCGEN_RUNNER: skipped"; exit 0; }
command -v python3 >/dev/null || { echo "memory: python3 missing (make setup): skipped"; exit 0; }

# peak PROG ARGS...: peak RSS (KiB) of one run
peak() {
    python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)' "$@"
}
python3 bench/longfo.py 320 >"$tmp/one.fo"
python3 bench/longfo.py 320 0 wrap >"$tmp/wrap.fo"
python3 bench/longfo.py 320 8 >"$tmp/seq.fo"
one=$(peak "$CIRCGEN" fo "$tmp/one.fo" -o "$tmp/one.pdf")
wrap=$(peak "$CIRCGEN" fo "$tmp/wrap.fo" -o "$tmp/wrap.pdf")
seq=$(peak "$CIRCGEN" fo "$tmp/seq.fo" -o "$tmp/seq.pdf")
if [ "$one" -gt 0 ] && [ "$wrap" -gt 0 ] && [ "$seq" -gt 0 ]; then ok; else ko "memory: a run failed"; fi
# one sequence at most 1.3 times the peak of the same content in 40 sequences
if [ "$one" -gt 0 ] && [ $((one * 10)) -le $((seq * 13)) ]; then ok
else ko "memory: one page-sequence peaks at $one KiB, the same content in sequences at $seq KiB"; fi
if [ "$wrap" -gt 0 ] && [ $((wrap * 10)) -le $((seq * 13)) ]; then ok
else ko "memory: one page-sequence in one block peaks at $wrap KiB, the same content in sequences at $seq KiB"; fi
finish memory
