#!/bin/sh
# End-to-end tests of `circgen fo`: golden area dumps of tests/fo/*.fo, and
# checks on the PDF (text, fonts, structure, metadata, reproducibility,
# atomic writing). UPDATE=1 rewrites the golden dumps (review the diff!).
cd "$(dirname "$0")/../.." || exit 2
CG="$CIRCGEN_RUNNER ${CIRCGEN:-$PWD/circgen}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
export SOURCE_DATE_EPOCH=1753228800   # 2025-07-23

# 1. Golden area dumps.
for fo in tests/fo/*.fo; do
    name=$(basename "$fo" .fo)
    golden=tests/fo/$name.areas
    if ! $CG fo "$fo" --dump-areas="$tmp/$name.areas" -q; then
        bad "$name: circgen fo failed"
        continue
    fi
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$tmp/$name.areas" "$golden"
        echo "updated $golden"
        ok
    elif [ ! -f "$golden" ]; then
        bad "$name: no golden dump $golden (run with UPDATE=1)"
    elif cmp -s "$tmp/$name.areas" "$golden"; then
        ok
    else
        bad "$name: area dump differs from $golden"
        diff -u "$golden" "$tmp/$name.areas" | head -20
    fi
done

# 2. The PDF of the letter: text, fonts, structure, metadata.
pdf=$tmp/letter.pdf
if $CG fo tests/fo/letter.fo -o "$pdf" -q --title "Circular 50" --author TSB; then ok; else bad "letter: render"; fi
qpdf --check "$pdf" >/dev/null 2>&1 && ok || bad "letter: qpdf --check"
txt=$(pdftotext "$pdf" - 2>/dev/null)
for s in "Telecommunication Standardization Bureau" "First item with some longer text" "Page 1 of 2" "Page 2 of 2" "See page 2."; do
    case "$txt" in *"$s"*) ok ;; *) bad "letter: pdftotext lacks '$s'" ;; esac
done
# every font embedded, subset, with a Unicode map; only the pinned faces
fonts=$(pdffonts "$pdf" | tail -n +3)
[ -n "$fonts" ] && ok || bad "letter: no fonts"
echo "$fonts" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") exit 1 }' && ok || bad "letter: a font is not embedded+subset+unicode: $fonts"
echo "$fonts" | awk '{ print $1 }' | grep -qv -e '+Liberation' -e '+NotoSerifCJKsc' -e '+NotoSansCJKsc' && bad "letter: unpinned font: $fonts" || ok
info=$(pdfinfo "$pdf")
echo "$info" | grep -q "^Title: *Circular 50" && ok || bad "letter: title"
echo "$info" | grep -q "^Author: *TSB" && ok || bad "letter: author"
echo "$info" | grep -q "^Creator: *circgen" && ok || bad "letter: creator"
echo "$info" | grep -q "^Tagged: *yes" && ok || bad "letter: not tagged"
echo "$info" | grep -q "^Pages: *2" && ok || bad "letter: page count"
echo "$info" | grep -q "^CreationDate:.*2025" && ok || bad "letter: creation date from SOURCE_DATE_EPOCH"
qpdf --qdf --object-streams=disable "$pdf" "$tmp/q.pdf" 2>/dev/null
grep -aq "/URI (https://www.itu.int/)" "$tmp/q.pdf" && ok || bad "letter: external link"
grep -aq "/Outlines" "$tmp/q.pdf" && grep -aq "(Section 2)" "$tmp/q.pdf" && ok || bad "letter: outline"
grep -aq "/S /H1" "$tmp/q.pdf" && grep -aq "/S /Table" "$tmp/q.pdf" && grep -aq "/S /LI" "$tmp/q.pdf" && ok || bad "letter: structure tags"

# 3. Chinese text comes back from the PDF (white space stripped: see TYPESETTING-ZH.md).
$CG fo tests/fo/zh.fo -o "$tmp/zh.pdf" -q && ok || bad "zh: render"
pdftotext "$tmp/zh.pdf" - | tr -d ' \n' | grep -q "十项ITU-T建议草案，现征求成员国意见" && ok || bad "zh: text"
pdffonts "$tmp/zh.pdf" | grep -q "NotoSerifCJKsc" && ok || bad "zh: Noto Serif CJK SC"
pdffonts "$tmp/zh.pdf" | grep -q -e "CJKjp" -e "CJKkr" -e "CJKtc" && bad "zh: a non-SC CJK face" || ok

# leader-pattern="use-content" repeats its content: x is 12pt wide at 24pt, three in 36pt.
$CG fo tests/fo/leader_content.fo -o "$tmp/lc.pdf" -q && ok || bad "leader_content: render"
pdftotext "$tmp/lc.pdf" - | tr -d ' \n' | grep -q "^xxxend" && ok || bad "leader_content: content not repeated three times"

# A leader-only line before a forced page break: the tagged PDF is written.
$CG fo tests/fo/inline_block_break.fo -o "$tmp/ib.pdf" -q 2>/dev/null && ok || bad "inline_block_break: PDF not written"

# The regions are drawn in FOP's order: before, start, body, end, after (each page).
$CG fo tests/fo/region_order.fo -o "$tmp/ro.pdf" -q && ok || bad "region_order: render"
ro=$(pdftotext -raw "$tmp/ro.pdf" - | tr -d ' \n\f')
case "$ro" in
    BEFORESTARTbodyone*fifteenENDAFTERBEFORESTARTsixteen*twentytwoENDAFTER) ok ;;
    *) bad "region_order: regions drawn out of order: $ro" ;;
esac
# ... and the static content drawn after the body stays out of the structure tree.
pdfinfo -struct-text "$tmp/ro.pdf" 2>/dev/null | grep -q -e BEFORE -e START -e END -e AFTER &&
    bad "region_order: static content in the structure tree" || ok

# 4. Reproducible: two renders are byte-identical.
$CG fo tests/fo/letter.fo -o "$tmp/again.pdf" -q --title "Circular 50" --author TSB
cmp -s "$pdf" "$tmp/again.pdf" && ok || bad "letter: two renders differ"
SOURCE_DATE_EPOCH=1 $CG fo tests/fo/letter.fo -o "$tmp/other.pdf" -q --title "Circular 50" --author TSB
cmp -s "$pdf" "$tmp/other.pdf" && bad "letter: the date does not reach the PDF" || ok

# 5. Atomic writing: a failed render leaves an earlier output untouched and no temporary file.
cp "$pdf" "$tmp/keep.pdf"
printf '<notfo/>' > "$tmp/bad.fo"
if $CG fo "$tmp/bad.fo" -o "$tmp/keep.pdf" -q 2>/dev/null; then bad "bad fo: exit 0"; else ok; fi
cmp -s "$pdf" "$tmp/keep.pdf" && ok || bad "bad fo: earlier output damaged"
[ -z "$(ls -A "$tmp" | grep '^\.')" ] && ok || bad "bad fo: temporary file left"
if $CG fo tests/fo/letter.fo -o /nonexistent-dir/x.pdf -q 2>"$tmp/err"; then bad "unwritable: exit 0"; else ok; fi
grep -q "cannot write" "$tmp/err" && ok || bad "unwritable: no clear message"

# 6. A missing pinned font is a clear error naming the Debian package.
sed 's/Liberation Serif/Liberation Serif,Noto Serif CJK SC/' tests/fo/letter.fo > "$tmp/l2.fo"
mkdir -p "$tmp/nofonts" && printf '<?xml version="1.0"?><fontconfig><dir>%s</dir></fontconfig>\n' "$tmp/nofonts" > "$tmp/empty.conf"
if CIRCGEN_FONTS_CONF="$tmp/empty.conf" $CG fo "$tmp/l2.fo" -o "$tmp/nf.pdf" 2>"$tmp/err"; then bad "missing font: exit 0"; else ok; fi
grep -q "fonts-liberation2" "$tmp/err" && ok || bad "missing font: package not named"
[ ! -e "$tmp/nf.pdf" ] && ok || bad "missing font: output written"
# Arabic text without the pinned Arabic face: an error naming its package (not DejaVu Sans).
sed '/fonts-hosny-amiri<\/dir>/d' fonts/fonts.conf > "$tmp/noarabic.conf"
if CIRCGEN_FONTS_CONF="$tmp/noarabic.conf" $CG fo tests/fo/arabic.fo -o "$tmp/na.pdf" 2>"$tmp/err"; then bad "missing Arabic face: exit 0"; else ok; fi
grep -q "'Amiri'.*fonts-hosny-amiri" "$tmp/err" && ok || bad "missing Arabic face: package not named: $(cat "$tmp/err")"
[ ! -e "$tmp/na.pdf" ] && ok || bad "missing Arabic face: output written"

# 7. Inline backgrounds: the aqua of the fo:inline of inline_block_props.fo
# under its two pieces of text and under the block nested in it.
if $CG fo tests/fo/inline_block_props.fo -o "$tmp/ibp.pdf" -q; then ok; else bad "inline background: render"; fi
qpdf --qdf --object-streams=disable "$tmp/ibp.pdf" "$tmp/ibpq.pdf" 2>/dev/null
n=$(grep -ac "0 1 1 rg" "$tmp/ibpq.pdf")
[ "${n:-0}" -ge 3 ] && ok || bad "inline background: $n aqua fills, expected 3"

# 8. Arabic is set in the pinned Arabic face (Amiri), Latin in the Latin face, both
#    embedded and subset; the text comes back in logical order.
if $CG fo tests/fo/arabic.fo -o "$tmp/ar.pdf" -q; then ok; else bad "arabic: render"; fi
pdffonts "$tmp/ar.pdf" 2>/dev/null | grep -q "+Amiri-Regular " && ok || bad "arabic: no Amiri in the PDF"
pdffonts "$tmp/ar.pdf" 2>/dev/null | grep -q "DejaVu" && bad "arabic: DejaVu Sans used" || ok
# (pdftotext marks its direction runs with U+202A-U+202C: dropped)
ar=$(pdftotext "$tmp/ar.pdf" - | LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g')
case "$ar" in *"يرحب بكم بنك"*"Bank"*"لتقديم خدمات"*) ok ;; *) bad "arabic: text not in logical order: $ar" ;; esac

# 9. vertical-align on a block leaves its own text on the baseline: 'block'
# (10pt) and 'big' (20pt) share one, so their boxes' bottoms differ by the
# difference of their descents (about 2pt), not 0 as if 'block' stood on
# the line's bottom.
if $CG fo tests/fo/vertical_align.fo -o "$tmp/va.pdf" -q; then ok; else bad "vertical-align: render"; fi
d=$(pdftotext -bbox "$tmp/va.pdf" - 2>/dev/null | awk -F'"' '/>block</ { b = $8 } />big</ { g = $8 } END { printf "%.2f", g - b }')
awk -v d="$d" 'BEGIN { exit !(d > 1 && d < 3) }' && ok || bad "vertical-align: block text moved (descent gap $d)"

# 10. Borders and padding of inlines (inline_border.fo): drawn (the red
# borders of 'boxed' and of the nested inline, the yellow background of
# 'boxed'), and taking room: 'after' starts 6pt padding + 2pt border + a
# space after 'boxed'; 'nine' goes to the next line, after its 30pt padding
# and 2pt border.
if $CG fo tests/fo/inline_border.fo -o "$tmp/ib.pdf" -q; then ok; else bad "inline border: render"; fi
qpdf --qdf --object-streams=disable "$tmp/ib.pdf" "$tmp/ibq.pdf" 2>/dev/null
n=$(grep -ac "1 0 0 rg" "$tmp/ibq.pdf")
[ "${n:-0}" -ge 2 ] && ok || bad "inline border: $n red border fills, expected 2"
grep -aq "1 1 0 rg" "$tmp/ibq.pdf" && ok || bad "inline border: no yellow background"
bb=$(pdftotext -bbox "$tmp/ib.pdf" - 2>/dev/null)
d=$(echo "$bb" | awk -F'"' '/>boxed</ { b = $6 } />after</ { a = $2 } END { printf "%.2f", a - b }')
awk -v d="$d" 'BEGIN { exit !(d > 10 && d < 11.5) }' && ok || bad "inline border: 'after' not moved by the end border and padding (gap $d)"
x=$(echo "$bb" | awk -F'"' '/>nine</ { printf "%.2f %.2f", $2, $4 }')
y8=$(echo "$bb" | awk -F'"' '/>eight</ { printf "%.2f", $4 }')
echo "$x $y8" | awk '{ exit !($1 > 41.5 && $1 < 42.5 && $2 > $3 + 5) }' && ok || bad "inline border: 'nine' not on the next line after its start padding ($x, eight at $y8)"

# 11. Rows tied by a spanning cell break across pages: every line of every cell
# of rowspan_break.fo is on some page of the PDF (none lost past a page bottom).
if $CG fo tests/fo/rowspan_break.fo -o "$tmp/rs.pdf" -q; then ok; else bad "rowspan_break: render"; fi
pdftotext "$tmp/rs.pdf" - 2>/dev/null | tr -s ' \f' '\n\n' | sort -u >"$tmp/rs.txt"
missing=0
for w in $(sed -n 's/.*<fo:block[^>]*>\([^<]*\)<\/fo:block>.*/\1/p' tests/fo/rowspan_break.fo); do
    grep -qxF "$w" "$tmp/rs.txt" || { missing=$((missing + 1)); echo "rowspan_break: '$w' not in the PDF"; }
done
[ "$missing" = 0 ] && ok || bad "rowspan_break: $missing lines missing from the PDF"
[ "$(pdfinfo "$tmp/rs.pdf" | awk '/^Pages:/ { print $2 }')" = 9 ] && ok || bad "rowspan_break: page count"

echo "fo: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
