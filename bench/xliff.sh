#!/bin/sh
# Benchmark of `circgen xliff`: Circular 50 scaled 1x, 10x and 100x (bench/scale.xsl
# repeats the letter's paragraphs and the annex's drafts), English extracted with the
# Chinese version as translation (XLIFF 2.0), then merged back into the Chinese
# version. For each size, the best of 3 runs of each command; "per 1x" divides by
# the size: about constant when the time grows linearly. Both commands include
# reading and validating their documents (circgen check's work); merge also checks
# its result.
cd "$(dirname "$0")/.." || exit 2
export CIRCGEN_TEMPLATES="$PWD/templates"
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
S=samples/tsb-circular-50

# best COMMAND...: "wall cpu" seconds of the fastest of three runs (cpu: user + system
# time of the process, which other load on the machine disturbs less than wall time).
best() {
    python3 - "$@" <<'PY' || exit 1
import resource, subprocess, sys, time
best = None
for _ in range(3):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit('failed: %s: %s' % (' '.join(sys.argv[1:]), p.stderr.decode()))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if best is None or cpu < best[1]:
        best = (wall, cpu)
print('%.4f %.4f' % best)
PY
}

printf '%5s %6s %6s %9s %9s %9s %9s %9s %9s\n' "size" "units" "KiB" "extract" "cpu s" "per 1x" "merge" "cpu s" "per 1x"
for n in 1 10 100; do
    xsltproc --stringparam n "$n" bench/scale.xsl "$S/en.xml" >"$tmp/en.xml" || exit 2
    xsltproc --stringparam n "$n" bench/scale.xsl "$S/zh.xml" >"$tmp/zh.xml" || exit 2
    te=$(best "$CIRCGEN" xliff extract "$tmp/en.xml" --target-lang zh --translation "$tmp/zh.xml" -o "$tmp/x.xlf") || exit 1
    tm=$(best "$CIRCGEN" xliff merge "$tmp/x.xlf" --strict -o "$tmp/m.xml") || exit 1
    units=$(grep -c '<unit ' "$tmp/x.xlf")
    kib=$(wc -c <"$tmp/x.xlf" | awk '{ printf "%d", $1 / 1024 }')
    echo "$n $units $kib $te $tm" | awk '{ printf "%4dx %6d %6d %8.3fs %9.4f %9.5f %8.3fs %9.4f %9.5f\n",
        $1, $2, $3, $4, $5, $5 / $1, $6, $7, $7 / $1 }'
done
