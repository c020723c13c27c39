#!/bin/sh
# PDF size per page and speed on a mail merge (issue 19, parts 3 and 4): LETTERS
# one-page letters (500), each its own page sequence with the letterhead image, an
# addressee, a subject, two paragraphs with an e-mail and a web link, the closing
# and the address footer (bench/mailmerge.py), with an SVG letterhead (the
# templates' placeholder emblem) and with a PNG one (256x256 RGBA). circgen renders
# the FO, Apache FOP the same FO (same fonts, build/fop.xconf from compare.sh's
# recipe), Typst the twin .typ (same text, fonts, sizes, image size; tagged PDF).
# Size: bytes a page; time: wall of the whole process, median of RUNS runs.
# Prints its table and writes it to build/bench/mailmerge.md.
cd "$(dirname "$0")/.." || exit 2
export SOURCE_DATE_EPOCH=0
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
RUNS="${RUNS:-3}"
N="${LETTERS:-500}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for t in fop node qpdf pdfinfo; do
    command -v $t >/dev/null || { echo "bench: $t missing (make bench-setup)" >&2; exit 2; }
done
[ -d build/typst/node_modules ] || { echo "bench: Typst missing in build/typst (make bench-setup)" >&2; exit 2; }
mkdir -p build/bench
cat >"$tmp/fop.xconf" <<XCONF
<?xml version="1.0"?>
<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>
  <directory>/usr/share/fonts/truetype/liberation2</directory>
  <directory>/usr/share/fonts/opentype/noto</directory>
</fonts></renderer></renderers></fop>
XCONF
FOP="fop -q -r -c $tmp/fop.xconf"
cp templates/tsb-circular/emblem.svg "$tmp/logo.svg"
python3 bench/mailmerge.py --png "$tmp/logo.png"
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# wall CMD...: the median wall seconds of RUNS runs
wall() {
    : >"$tmp/w"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e" -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" ||
            { echo "bench: failed: $* $(tail -3 "$tmp/err")" >&2; exit 1; }
        cat "$tmp/t" >>"$tmp/w"
    done
    median <"$tmp/w"
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
tagged() { pdfinfo "$1" 2>/dev/null | awk '/^Tagged:/ { print $2 }'; }

out=build/bench/mailmerge.md
{
echo "## Mail merge: $N one-page letters with a letterhead image (bench/mailmerge.sh)"
echo
echo "Each letter its own page sequence: letterhead image (18 mm), heading, addressee, subject, two"
echo "paragraphs with an e-mail and a web link, closing, address footer. Same text, fonts, sizes in"
echo "each tool (Typst: bench/mailmerge.py's twin). Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Wall time of the whole process, median of $RUNS runs; ratio = other / circgen."
echo
echo "| letterhead | tool | pages | tagged | bytes | bytes a page | size ratio | wall | time ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
} >"$out"
for logo in svg png; do
    python3 bench/mailmerge.py "$N" "$tmp/logo.$logo" "$tmp/m.fo" "$tmp/m.typ"
    cw=$(wall "$CIRCGEN" fo "$tmp/m.fo" -o "$tmp/c.pdf" -q)
    tw=$(cd "$tmp" && RUNS=1 wall node "$OLDPWD/bench/typst.js" m.typ t.pdf)
    fw=$(wall $FOP -fo "$tmp/m.fo" -pdf "$tmp/f.pdf")
    qpdf --check "$tmp/c.pdf" >/dev/null 2>&1 || { echo "bench: circgen's PDF fails qpdf --check" >&2; exit 1; }
    cb=$(stat -c %s "$tmp/c.pdf")
    for t in circgen Typst FOP; do
        case $t in circgen) f=$tmp/c.pdf w=$cw ;; Typst) f=$tmp/t.pdf w=$tw ;; FOP) f=$tmp/f.pdf w=$fw ;; esac
        b=$(stat -c %s "$f") p=$(pages "$f")
        echo "$logo $t $p $(tagged "$f") $b $cb $w $cw" | awk '{ printf "| %s | %s | %d | %s | %d | %.0f | %.2fx | %.2f s | %.1fx |\n",
            toupper($1), $2, $3, $4, $5, $5 / $3, $5 / $6, $7, ($8 > 0 ? $7 / $8 : 0) }' >>"$out"
    done
done
{
echo
echo "Typst's wall time is one process: Node start-up, font loading and one compile"
echo "(bench/typst.js with RUNS=1). FOP's PDF is untagged (no accessibility option given)."
} >>"$out"
cat "$out"
