#!/bin/sh
# Archive scale (issue 19, part 2): a synthetic archive of ARCHIVE_DOCS documents
# (1,000) made from the samples by bench/archive.py, in every kind and language the
# samples have, built by `circgen build -j 2` into build/archive/: a full build
# (--force, PDF + HTML; median of RUNS runs; wall, CPU, and the resident memory of
# each worker process sampled every 0.1 s from /proc), a rebuild with nothing
# changed and a rebuild after one unit of one document is edited (medians of 5).
# Goals on 2 cores: 1,000 documents x 6 languages in 5 minutes (scaled from the
# sources that exist), an edit rebuilt in 0.2 s, workers' memory flat over the run.
# Prints its table and writes it to build/bench/archive.md.
cd "$(dirname "$0")/.." || exit 2
export CIRCGEN_TEMPLATES="$PWD/templates" SOURCE_DATE_EPOCH=0
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
RUNS="${RUNS:-3}"
DOCS="${ARCHIVE_DOCS:-1000}"
A=build/archive
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p build/bench
rm -rf "$A"
set -- $(python3 bench/archive.py "$CIRCGEN" samples "$A/src" "$DOCS") || exit 1
docs=$1 sources=$2 kinds=$3; shift 3; langs="$*"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Full builds: wall, user+sys CPU, and the workers' memory over each run.
: >"$tmp/full"
for r in $(seq "$RUNS"); do
    python3 bench/archive.py --watch 2 "$tmp/rss.$r" /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" \
        "$CIRCGEN" build --force -j 2 "$A/src" -o "$A/out" >"$tmp/sum" 2>"$tmp/err" ||
        { echo "archive: build failed: $(tail -3 "$tmp/err")" >&2; exit 1; }
    grep -q "$sources documents: $sources built" "$tmp/sum" ||
        { echo "archive: build: $(cat "$tmp/sum") $(tail -3 "$tmp/err")" >&2; exit 1; }
    cat "$tmp/t" >>"$tmp/full"
done
pages=$(awk '/^doc / { p += $3 } END { print p }' "$A/out/.circgen-build")
wall=$(cut -d' ' -f1 "$tmp/full" | median)
cpu=$(awk '{ print $2 + $3 }' "$tmp/full" | median)

# Rebuilds with nothing changed.
: >"$tmp/noop"
for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e" -o "$tmp/t" "$CIRCGEN" build -j 2 "$A/src" -o "$A/out" >"$tmp/sum" 2>&1
    grep -q "0 built, $sources up to date" "$tmp/sum" || { echo "archive: no-change rebuild: $(cat "$tmp/sum")" >&2; exit 1; }
    cat "$tmp/t" >>"$tmp/noop"
done
noop=$(median <"$tmp/noop")

# One unit of one document edited, five times: the middle source of the archive,
# its first unit with text (an element with an id whose text is not empty).
edit=$(find "$A/src" -name '*.xml' | sort | awk -v n="$sources" 'NR == int(n / 2) + 1')
: >"$tmp/edit"
for k in 1 2 3 4 5; do
    python3 - "$edit" "$k" <<'PY'
import re, sys
path, k = sys.argv[1], sys.argv[2]
s = open(path, encoding="utf-8").read()
m = re.search(r'<[a-z-]+ id="[^"]+"[^>]*>(?=[^<\s])', s)
s = s[:m.end()] + "(edit %s) " % k + s[m.end():]
open(path, "w", encoding="utf-8").write(s)
PY
    /usr/bin/time -f "%e" -o "$tmp/t" "$CIRCGEN" build -j 2 "$A/src" -o "$A/out" >"$tmp/sum" 2>&1
    grep -q "1 built, $((sources - 1)) up to date" "$tmp/sum" || { echo "archive: edit rebuild: $(cat "$tmp/sum")" >&2; exit 1; }
    cat "$tmp/t" >>"$tmp/edit"
done
editt=$(median <"$tmp/edit")
editpages=$(pdfinfo "$A/out/$(basename "$(dirname "$edit")")/$(basename "$edit" .xml).pdf" | awk '/^Pages:/ { print $2 }')

# Workers' memory: per worker of the median run, RSS at 10%, 50%, 90% of its life, peak.
out=build/bench/archive.md
{
echo "## Archive scale: $docs documents, circgen build -j 2 (bench/archive.sh)"
echo
echo "Synthetic archive made from the samples (bench/archive.py): $docs documents of $kinds kinds,"
echo "$sources sources in the languages the samples have ($langs), $pages pages; numbers, dates"
echo "and lengths (half to three times the sample) varied. PDF + HTML of each source."
echo "Load average at start: $load0; at end: $(cut -d' ' -f1-3 /proc/loadavg). Medians of $RUNS full builds, 5 rebuilds."
echo
echo "| work | wall | CPU (user+sys) | per source | scaled to 1,000 x 6 languages (6,000 sources) | goal |"
echo "|---|---|---|---|---|---|"
echo "$wall $cpu $sources" | awk '{ printf "| full build, --force | %.1f s | %.1f s | %.1f ms wall | %.0f s wall (CPU / 2 cores: %.0f s) | 300 s |\n", $1, $2, 1000 * $1 / $3, $1 * 6000 / $3, $2 * 6000 / $3 / 2 }'
echo "| rebuild, nothing changed | $noop s | | | | |"
echo "| rebuild after one unit of one document is edited ($editpages p) | $editt s | | | | 0.2 s |"
echo
echo "Resident memory of each worker over the median full build (KiB, sampled every 0.1 s):"
echo
echo "| worker | samples | at 10% | at 50% | at 90% | peak |"
echo "|---|---|---|---|---|---|"
r=$(for r in $(seq "$RUNS"); do echo "$(sed -n "${r}p" "$tmp/full" | cut -d' ' -f1) $r"; done | sort -g | awk '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }')
awk '{ printf "| %d | %d | %d | %d | %d | %d |\n", NR, $2, $3, $4, $5, $6 }' "$tmp/rss.$r"
} >"$out"
cat "$out"
