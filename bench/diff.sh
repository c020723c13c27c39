#!/bin/sh
# Benchmark of `circgen diff`: two versions of Circular 50 scaled 1x, 10x and 100x
# (bench/scale.xsl repeats the letter's paragraphs and the annex's drafts), diffed
# as a revision (English against English edited) and as a translation check (English
# against Chinese). For each size, the best of 3 runs: the whole command, and the
# diff itself (model + compare + output, from CIRCGEN_DIFF_TIMING), which excludes
# parsing and validation (circgen check's work). "per 1x" divides by the size: about
# constant when the time grows linearly.
cd "$(dirname "$0")/.." || exit 2
export CIRCGEN_TEMPLATES="$PWD/templates" CIRCGEN_DIFF_TIMING=1
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
S=samples/tsb-circular-50

now() { date +%s.%N; }
# run A B: prints "total diff" seconds of the fastest of three runs
run() {
    bt="" bd=""
    for _ in 1 2 3; do
        t0=$(now); "$CIRCGEN" diff --format=xml "$1" "$2" >/dev/null 2>"$tmp/err"; rc=$?; t1=$(now)
        [ "$rc" -le 1 ] || { echo "diff failed on $1 $2 (exit $rc): $(cat "$tmp/err")" >&2; exit 1; }
        d=$(awk '/timing:/ { gsub(",", ""); print $8 + $11 + $14 }' "$tmp/err")
        t=$(echo "$t0 $t1" | awk '{ print $2 - $1 }')
        bt=$(echo "$t $bt" | awk '{ print ($2 == "" || $1 < $2) ? $1 : $2 }')
        bd=$(echo "$d $bd" | awk '{ print ($2 == "" || $1 < $2) ? $1 : $2 }')
    done
    echo "$bt $bd"
}

printf '%-12s %5s %9s %9s %9s %9s %9s\n' "mode" "size" "KiB" "total s" "per 1x" "diff s" "per 1x"
for mode in revision translation; do
    for n in 1 10 100; do
        xsltproc --stringparam n "$n" bench/scale.xsl "$S/en.xml" >"$tmp/a.xml" || exit 2
        if [ "$mode" = revision ]; then
            xsltproc --stringparam n "$n" --stringparam edit 1 bench/scale.xsl "$S/en.xml" >"$tmp/b.xml"
        else
            xsltproc --stringparam n "$n" bench/scale.xsl "$S/zh.xml" >"$tmp/b.xml"
        fi
        kib=$(cat "$tmp/a.xml" "$tmp/b.xml" | wc -c | awk '{ printf "%d", $1 / 1024 }')
        set -- $(run "$tmp/a.xml" "$tmp/b.xml")
        echo "$mode $n $kib $1 $2" | awk '{ printf "%-12s %4dx %9d %9.4f %9.5f %9.4f %9.5f\n",
            $1, $2, $3, $4, $4 / $2, $5, $5 / $2 }'
    done
done
