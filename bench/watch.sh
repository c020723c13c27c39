#!/bin/sh
# Benchmark of `circgen watch`: how long after a one-paragraph edit of TSB Circular 50
# (samples/tsb-circular-50/en.xml, 9 pages) its new PDF is in place. The watcher runs
# on a copy; each of 5 edits rewrites paragraph 4 (as an editor saves: sed -i writes a
# new file and renames it over the old one), and the clock stops when the PDF's inode
# changes (circgen renames the finished PDF into place), polled every 2 ms. Printed:
# edit-to-PDF wall time (best and median of 5, which includes the watcher's 20 ms of
# gathering events), the rebuild time the watcher itself reports (PDF and HTML, from
# the validated source), and for comparison a cold `circgen pdf` of the same file
# (a new process: fonts and stylesheets loaded again).
cd "$(dirname "$0")/.." || exit 2
export CIRCGEN_TEMPLATES="$PWD/templates"
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
N=5

now() { date +%s.%N; }
wait_for() {   # wait_for COMMAND: poll every 2 ms, 30 s at most
    i=0
    while ! eval "$1"; do i=$((i + 1)); [ $i -gt 15000 ] && return 1; sleep 0.002; done
}
mkdir -p "$tmp/src/doc"
cp samples/tsb-circular-50/en.xml "$tmp/src/doc/en.xml"
pdf="$tmp/out/doc/en.pdf"
: >"$tmp/log"
"$CIRCGEN" watch -o "$tmp/out" --max-rebuilds $N --timeout 120 "$tmp/src/doc/en.xml" >"$tmp/log" 2>"$tmp/err" &
pid=$!
wait_for 'grep -q watching "$tmp/log"' || { echo "watch did not start: $(cat "$tmp/err")" >&2; exit 1; }

: >"$tmp/times"
for k in $(seq $N); do
    ino=$(stat -c %i "$pdf")
    t0=$(now)
    sed -i "s|<para id=\"para-4\">|<para id=\"para-4\">Edit $k. |" "$tmp/src/doc/en.xml"
    wait_for '[ "$(stat -c %i "$pdf" 2>/dev/null)" != "$ino" ]' || { echo "no new PDF after edit $k" >&2; exit 1; }
    t1=$(now)
    echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }' >>"$tmp/times"
    wait_for '[ "$(grep -c " in [0-9.]* s$" "$tmp/log")" -gt '"$k"' ]' || exit 1
done
wait "$pid"; pid=
[ -n "$BENCH_VERBOSE" ] && { cat "$tmp/times"; cat "$tmp/log"; } >&2
pdftotext "$pdf" - | grep -q "Edit $N\." || { echo "the last edit is not in the PDF" >&2; exit 1; }
own=$(grep ' in [0-9.]* s$' "$tmp/log" | tail -n $N | sed 's/.* in \([0-9.]*\) s$/\1/' | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f %.3f", a[1], a[int((NR + 1) / 2)] }')
wall=$(sort -n "$tmp/times" | awk '{ a[NR] = $1 } END { printf "%.3f %.3f", a[1], a[int((NR + 1) / 2)] }')
cold=""
for _ in 1 2 3; do
    t0=$(now); "$CIRCGEN" pdf -o "$tmp/cold.pdf" "$tmp/src/doc/en.xml" || exit 1; t1=$(now)
    cold="$cold $(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }')"
done
cold=$(echo $cold | tr ' ' '\n' | sort -n | head -1)
set -- $wall $own
printf '%-44s %8s %8s\n' "TSB Circular 50 (en, 9 pages), $N edits" "best s" "median s"
printf '%-44s %8s %8s\n' "edit -> new PDF in place (watch)" "$1" "$2"
printf '%-44s %8s %8s\n' "the watcher's rebuild (PDF and HTML)" "$3" "$4"
printf '%-44s %8s\n' "cold circgen pdf, a new process (best of 3)" "$cold"
