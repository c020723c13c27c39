#!/bin/sh
# The PDF's structure tree, what a screen reader reads (tests/fo/figures.fo):
# images are Figure elements with their alternate text (/Alt, written after
# Cairo by gen/pdf_update.c); text beside links and images is kept (in Spans:
# Cairo 1.16 drops the own text of an element that has child elements); a
# paragraph continued on the next page keeps all its text and none of the
# running header drawn in between. (The samples: tests/e2e/pdf.test.sh.)
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1753228800

pdf=$tmp/figures.pdf
cg fo tests/fo/figures.fo -o "$pdf" -q && ok || ko "figures: render"
qpdf --check "$pdf" >/dev/null 2>&1 && ok || ko "figures: qpdf --check"
[ "$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')" = 2 ] && ok || ko "figures: not two pages"
pdfinfo -struct-text "$pdf" >"$tmp/tree" 2>/dev/null
tree=$(tr -d ' \n' <"$tmp/tree")

# Three images, three Figures; no Figure inside a Figure (role="Figure" block).
[ "$(grep -c '^ *Figure$' "$tmp/tree")" = 3 ] && ok || ko "figures: not 3 Figure elements: $(cat "$tmp/tree")"
awk '/^ *Figure$/ { if (prev) found = 1; prev = 1; next } { prev = 0 } END { exit !found }' "$tmp/tree" &&
    ko "figures: a Figure in a Figure" || ok

# Alternate texts, in document order: fox:alt-text, cx:alt-text, none.
qpdf --qdf --object-streams=disable "$pdf" "$tmp/q.pdf" 2>/dev/null
alts=$(python3 - "$tmp/q.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
print("|".join(bytes.fromhex(h.decode()).decode("utf-16") for h in re.findall(rb"/Alt <([0-9a-fA-F]+)>", data)))
PY
)
[ "$alts" = "Logo of the bureau|A red dot" ] && ok || ko "figures: alternate texts are «$alts»"

# Text beside an image and a link is in the tree, in order.
case "$tree" in
    *'"Beforethepicture"'*Figure*'"andafterit,witha"'*Link*'"link"'*'"attheend."'*) ok ;;
    *) ko "figures: text around the image and the link is not in the tree: $tree" ;;
esac
# The continued paragraph: all its words, and no running header anywhere.
words=$(grep '^ *"' "$tmp/tree" | tr -d ' "\n')
case "$words" in
    *Thisparagraphislongenoughtorunfromthefirstpageontothesecondone*andthenitendsherewiththesewords.Alastparagraph.) ok ;;
    *) ko "figures: the continued paragraph's text is not whole: $words" ;;
esac
case "$words" in
    *Runningheader*) ko "figures: the running header is inside the structure tree: $words" ;;
    *) ok ;;
esac

# A letterhead SVG on each of five one-page letters (bench/mailmerge.py): drawn once as a
# Form XObject that the later pages refer to, each still a Figure with its alternate
# text; the links and the text of every letter kept.
cp templates/tsb-circular/emblem.svg "$tmp/emblem.svg"      # beside the FO: a folder circgen reads
python3 bench/mailmerge.py 5 "$tmp/emblem.svg" "$tmp/mm.fo" "$tmp/mm.typ"
cg fo "$tmp/mm.fo" -o "$tmp/mm.pdf" -q && ok || ko "letters: render"
qpdf --check "$tmp/mm.pdf" >/dev/null 2>&1 && ok || ko "letters: qpdf --check"
pdfinfo "$tmp/mm.pdf" | grep -q '^Tagged: *yes' && ok || ko "letters: not tagged"
[ "$(pdfinfo -struct-text "$tmp/mm.pdf" 2>/dev/null | grep -c '^ *Figure$')" = 5 ] && ok || ko "letters: not 5 Figures"
qpdf --qdf --object-streams=disable "$tmp/mm.pdf" "$tmp/mmq.pdf" 2>/dev/null
[ "$(grep -a -c '/Subtype /Form' "$tmp/mmq.pdf")" = 1 ] && ok || ko "letters: the emblem is not one Form XObject"
[ "$(grep -a -c '/Alt <' "$tmp/mmq.pdf")" = 5 ] && ok || ko "letters: not 5 alternate texts"
[ "$(grep -a -c '/URI (' "$tmp/mmq.pdf")" = 10 ] && ok || ko "letters: not 10 links"
[ "$(pdftotext "$tmp/mm.pdf" - | grep -c '^Yours faithfully,$')" = 5 ] && ok || ko "letters: text"

finish tagged
