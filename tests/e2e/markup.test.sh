#!/bin/sh
# The shared block markup (templates/common/block.rng) in the PDF and the HTML, on the
# test source tests/data/markup/en.xml (a table over three pages, spans, nested lists,
# sub-paragraphs, a footnote, a figure) and the samples that use it
# (samples/tsb-circular-workshop, samples/tsb-circular-approval): numbering of
# sub-paragraphs, header rows repeated on every page of a table, footnotes at the foot
# of the page of their call, tagged structure (L/LI/Lbl/LBody, Table/TR/TH/TD, Note,
# headings, Figure with /Alt, Caption), semantic HTML, times formatted per language,
# the checks of the markup, and clean translation diffs of the new samples.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1753228800

cg build tests/data/markup samples/tsb-circular-workshop samples/tsb-circular-approval -o "$tmp/out" -q 2>"$tmp/log" \
    && ok || ko "build: $(cat "$tmp/log")"
pdf=$tmp/out/markup/en.pdf html=$tmp/out/markup/en.html
w=$tmp/out/tsb-circular-workshop

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
page_text() { pdftotext -raw -f "$2" -l "$2" "$1" -; }

# Same text in PDF and HTML, in the structure tree too; the footnote on its page.
for f in "$tmp/out/markup/en" "$w/en" "$w/zh"; do
    python3 tests/e2e/pdftext.py same "$f.html" "$f.pdf" && ok || ko "$f: PDF and HTML text differ"
    python3 tests/e2e/pdftext.py tagged "$f.html" "$f.pdf" && ok || ko "$f: structure tree and HTML text differ"
    python3 tests/e2e/pdftext.py footnotes "$f.html" "$f.pdf" >"$tmp/fn" && ok || ko "$f: $(cat "$tmp/fn")"
done
grep -q 'footnotes: 1 checked' "$tmp/fn" && ok || ko "the workshop's footnote was not checked: $(cat "$tmp/fn")"

# Sub-paragraphs are numbered by the templates, at the start of their lines.
pdftotext -raw "$w/en.pdf" - >"$tmp/w.txt"
for n in 6 7 7.1 7.2 8; do
    grep -q "^$n " "$tmp/w.txt" && ok || ko "workshop en: no paragraph $n"
done
pdftotext -raw "$w/zh.pdf" - | grep -q '^7\.2 进入瑞士' && ok || ko "workshop zh: no paragraph 7.2"
pdftotext -raw "$pdf" - >"$tmp/m.txt"
for n in 2.1 2.2 2.2.1; do grep -q "^$n " "$tmp/m.txt" && ok || ko "markup: no paragraph $n"; done
grep -q '^1\. first numbered item;' "$tmp/m.txt" && grep -q '^– a nested item;' "$tmp/m.txt" && ok || ko "markup: list labels"

grep -q '^c) third letter;$' "$tmp/m.txt" && grep -q '^d) fourth letter\.$' "$tmp/m.txt" && ok || ko "markup: a lettered list from start=3 in a cell"
# Bookmarks of general annexes and their first-level headings; keywords from the subject.
mutool show "$w/en.pdf" outline >"$tmp/outline" 2>/dev/null
grep -q '"Annex 2"' "$tmp/outline" && grep -q '"Access to ITU premises"' "$tmp/outline" && ok || ko "workshop: outline: $(cat "$tmp/outline")"
pdfinfo "$tmp/out/tsb-circular-approval/en.pdf" | grep -q '^Keywords: *ITU-T Y.3061, ITU-T Y.3108, .*ITU-T Y.3531$' && ok || ko "approval: keywords from the subject"

# The footnote's text is on page 1, with its call, once; its number is the call's.
page_text "$pdf" 1 | grep -q '^1 The text of the footnote, at the foot of page one\.$' && ok || ko "markup: footnote not at the foot of page 1"
# ... below the whole body of the page (after its last line, "Annexes: 1").
page_text "$pdf" 1 | grep -B1 '^1 The text of the footnote' | head -1 | grep -q '^Annexes: 1$' && ok || ko "markup: footnote not below the body of page 1"
[ "$(grep -c 'The text of the footnote' "$tmp/m.txt")" = 1 ] && ok || ko "markup: the footnote is set more than once"
page_text "$w/en.pdf" 2 | grep -q 'Registration requires an ITU user account' && ok || ko "workshop en: footnote not on page 2"
page_text "$w/en.pdf" 2 | tr -d ' \n' | grep -q 'onlineregistrationform1assoonaspossible' && ok || ko "workshop en: footnote call not on page 2"

# The table runs over several pages; every page with its rows starts with its head row.
rows_pages=0 head_pages=0
for p in $(seq 1 "$(pages "$pdf")"); do
    page_text "$pdf" "$p" >"$tmp/p.txt"
    grep -q 'of the meeting, row' "$tmp/p.txt" || continue
    rows_pages=$((rows_pages + 1))
    grep -q '^No\. Document Source$' "$tmp/p.txt" && head_pages=$((head_pages + 1))
done
[ "$rows_pages" -ge 3 ] && ok || ko "markup: the long table is on $rows_pages pages, not 3 or more"
[ "$head_pages" = "$rows_pages" ] && ok || ko "markup: the head row is on $head_pages of the $rows_pages pages of the table"
# Spans: the cell over two columns and the one over two rows are there once.
[ "$(grep -c 'A cell over two columns' "$tmp/m.txt")" = 1 ] && ok || ko "markup: column span"

# Tagged structure: lists, tables (the head row tagged once, not per page), the
# footnote, headings, the figure with its alternate text, captions.
pdfinfo -struct-text "$pdf" >"$tmp/tree" 2>/dev/null
for role in L LI Lbl LBody Table TR TH TD Note H1 H2 H3 Figure Caption; do
    grep -q "^ *$role\( (block)\| (inline)\)\?$" "$tmp/tree" && ok || ko "markup: no $role in the structure tree"
done
[ "$(grep -c '^ *TH$' "$tmp/tree")" = 3 ] && ok || ko "markup: $(grep -c '^ *TH$' "$tmp/tree") TH elements, not 3 (one head row of 3 cells)"
grep -A1 '^ *Note' "$tmp/tree" | grep -q 'Thetextofthefootnote' && ok || ko "markup: the Note holds no footnote text"
qpdf --qdf --object-streams=disable "$pdf" "$tmp/q.pdf" 2>/dev/null
python3 - "$tmp/q.pdf" <<'PY' && ok || ko "markup: the figure has no /Alt with its alternate text"
import re, sys
data = open(sys.argv[1], "rb").read()
alts = [bytes.fromhex(h.decode()).decode("utf-16") for h in re.findall(rb"/Alt <([0-9a-fA-F]+)>", data)]
sys.exit(0 if "A red dot on a white ground" in alts else 1)
PY
pdfinfo -struct-text "$w/en.pdf" >"$tmp/wtree" 2>/dev/null
for role in L LI Table TH TD Note H2 H3; do
    grep -q "^ *$role\( (block)\| (inline)\)\?$" "$tmp/wtree" && ok || ko "workshop: no $role in the structure tree"
done
# Links: the labelled link's address.
grep -a -q '/URI (https://www.itu.int/go/quantum-safe-2026/register)' "$(qpdf --qdf --object-streams=disable "$w/en.pdf" "$tmp/wq.pdf" 2>/dev/null; echo "$tmp/wq.pdf")" \
    && ok || ko "workshop: no link to the registration form"

# Semantic HTML.
grep -q '<ol class="list number">' "$html" && grep -q '<ul class="list dash">' "$html" && ok || ko "markup html: ol/ul"
grep -q '<caption id="t-caption">Documents of the meeting</caption>' "$html" && ok || ko "markup html: caption"
grep -q '<thead><tr data-repeated="page-top"><th scope="col" id="t-h-n" class="align-end">No.</th>' "$html" && ok || ko "markup html: thead"
grep -q '<td id="r0-span" colspan="2"' "$html" && grep -q '<td id="r0-down" rowspan="2">' "$html" && ok || ko "markup html: spans"
grep -q '<col style="width: 12.5%">' "$html" && ok || ko "markup html: column widths as proportions"
grep -q '<a href="#fn-a" id="call-fn-a" role="doc-noteref">1</a>' "$html" && grep -q '<li id="fn-a" role="doc-endnote">' "$html" \
    && grep -q 'href="#call-fn-a" class="fn-back" role="doc-backlink" aria-label="Back to the text"' "$html" && ok || ko "markup html: footnote links both ways"
grep -q '<figure><img src="dot.png" alt="A red dot on a white ground" id="fig-alt" style="width: 20%"><figcaption id="fig-caption">' "$html" && ok || ko "markup html: figure"
grep -q '<h2 id="h-1">Documents</h2>' "$html" && grep -q '<h3 id="h-2">After the table</h3>' "$html" && ok || ko "markup html: headings"
grep -q '<a href="https://www.itu.int/">labelled link</a>' "$html" && ok || ko "markup html: labelled link"

# A line break where an address needs one.
grep -q 'Write to:<br>Place des Nations<br>CH-1211 Geneva 20</p>' "$html" && ok || ko "markup html: line breaks"
grep -A2 'Write to:$' "$tmp/m.txt" | tr '\n' '|' | grep -q 'Write to:|Place des Nations|CH-1211 Geneva 20|' && ok || ko "markup pdf: line breaks"

# Times, per language, from l10n.xsl.
grep -q 'from 09:00 to 09:30–12:00 (Geneva time)' "$html" && ok || ko "markup: time and zoned time range"
grep -q '08:30–09:30' "$w/en.html" && grep -q '08:30–09:30' "$w/zh.html" && ok || ko "workshop: programme times"
grep -q '23:59 hours Geneva time on 31 March 2026' "$w/en.html" && ok || ko "workshop en: registration deadline"
grep -q '2026年3月31日日内瓦时间23时59分' "$w/zh.html" && ok || ko "workshop zh: registration deadline"
# The annexes line counts the annexes; none, no line.
grep -q '<p class="annexes">Annexes: 2</p>' "$w/en.html" && ok || ko "workshop: Annexes: 2"
sed 's|<annex id="annex-1">|<!--|; s|</annex>|-->|' tests/data/markup/en.xml >"$tmp/none.xml"
cg html "$tmp/none.xml" -o "$tmp/none.html" 2>"$tmp/err" && ! grep -q 'class="annexes"' "$tmp/none.html" && ok || ko "no annexes: an Annexes line: $(cat "$tmp/err")"

# Translation diffs of the new samples are clean.
for s in tsb-circular-workshop tsb-circular-approval; do
    cg diff "samples/$s/en.xml" "samples/$s/zh.xml" >"$tmp/diff" 2>&1 && ok || ko "$s: diff findings: $(cat "$tmp/diff")"
done

# The checks of the markup (common/block-checks.xsl).
bad() {  # NAME SED-SCRIPT EXPECTED-MESSAGE
    mkdir -p "$tmp/bad"
    sed "$2" tests/data/markup/en.xml >"$tmp/bad/$1.xml"
    cg check "$tmp/bad/$1.xml" 2>"$tmp/err" >/dev/null; rc=$?
    [ $rc = 1 ] && grep -q "$3" "$tmp/err" && ok || ko "$1: exit $rc, $(cat "$tmp/err")"
}
bad uncalled 's|<footnote-ref ref="fn-a"/>||' '<footnote id="fn-a"> is never called'
bad twice 's|call<footnote-ref ref="fn-a"/>|call<footnote-ref ref="fn-a"/><footnote-ref ref="fn-a"/>|' 'is called 2 times'
bad not-a-footnote 's|<footnote-ref ref="fn-a"/>|<footnote-ref ref="para-1"/>|' 'points to a <para>, not to a footnote'
bad backwards 's|from="09:30" to="12:00"|from="12:00" to="09:30"|' 'the range ends before it starts'
bad wide-row 's|<cell id="r7-src">Source 7</cell>|<cell id="r7-src">Source 7</cell><cell id="r7-x">x</cell>|' '<row> 11 of the table has 4 column(s)'
bad no-code 's| code="TSB/XY"||' '<circular> lacks the required attribute code'
# One line for a wrong element inside a paragraph, none of libxml2's follow-up lines.
sed 's|<para id="para-1">|<para id="para-1"><bogus/>|' tests/data/markup/en.xml >"$tmp/bogus.xml"
cg check "$tmp/bogus.xml" 2>"$tmp/err" >/dev/null
[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q 'bogus.xml:[0-9]*:[0-9]*: error: <bogus> is not allowed here; expected: ' "$tmp/err" \
    && ok || ko "a wrong element: not one line: $(cat "$tmp/err")"
for code in "SG17/XY" "TSB Events/MA" "TSB Workshops/AM" "COM 17/XY" "TSB/XY" "TSB/FG-AIAG" "SG17/XY2" "TSB/FG-AI4H-1"; do
    sed "s|code=\"TSB/XY\"|code=\"$code\"|" tests/data/markup/en.xml >"$tmp/code.xml"
    cg check -q "$tmp/code.xml" 2>"$tmp/err" && ok || ko "reference code $code refused: $(cat "$tmp/err")"
done
sed 's|code="TSB/XY"|code="tsb xy"|' tests/data/markup/en.xml >"$tmp/code.xml"
cg check -q "$tmp/code.xml" 2>/dev/null && ko "reference code 'tsb xy' accepted" || ok
for code in "TSB/FG-" "TSB/-FG" "TSB/fg-aiag"; do
    sed "s|code=\"TSB/XY\"|code=\"$code\"|" tests/data/markup/en.xml >"$tmp/code.xml"
    cg check -q "$tmp/code.xml" 2>/dev/null && ko "reference code '$code' accepted" || ok
done
# The collective letter takes the same forms.
cl=samples/collective-letter-sg17/en.xml
for code in "TSB/FG-AIAG" "SG17/XY" "COM 17/XY"; do
    sed "s|code=\"[^\"]*\"|code=\"$code\"|" "$cl" >"$tmp/cl-code.xml"
    cg check -q "$tmp/cl-code.xml" 2>"$tmp/err" && ok || ko "collective letter: reference code $code refused: $(cat "$tmp/err")"
done

# Tables inside indented blocks (tests/data/indented-table: in a numbered paragraph,
# a sub-paragraph, a list item): a cell's text starts at the table's edge plus its
# border and padding (4.5pt), not at the enclosing indent added once more, and the
# table ends at the right margin, not beyond it.
it=tests/data/indented-table/en.xml
cg pdf --fo "$it" -o "$tmp/it.fo" 2>"$tmp/err" && ok || ko "indented tables: no FO: $(cat "$tmp/err")"
cg fo "$tmp/it.fo" -o "$tmp/it.pdf" --dump-areas="$tmp/it.dump" 2>/dev/null && ok || ko "indented tables: fo failed"
python3 - "$tmp/it.dump" <<'PY' >"$tmp/itr" && ok || ko "indented tables: $(cat "$tmp/itr")"
import re, sys
lines = open(sys.argv[1]).read().split("\n")
xs = lambda l: float(re.search(r' x=([0-9.]+)', l).group(1))
ws = lambda l: float(re.search(r' w=([0-9.]+)', l).group(1))
table = None; bad = []; seen = 0
for l in lines:
    if "block Table " in l:
        table = l
    m = re.search(r'line x=([0-9.]+) .*"(PARAXA|SUBPXA|ITEMXA)"', l)
    if m and table:
        seen += 1
        off = float(m.group(1)) - xs(table)
        if abs(off - 4.5) > 0.3:
            bad.append("%s at %.2f from its table's edge, want 4.5" % (m.group(2), off))
        if xs(table) + ws(table) > 538.58 + 0.5:
            bad.append("the table of %s ends at %.2f, past the margin 538.58" % (m.group(2), xs(table) + ws(table)))
        if xs(table) < 80:
            bad.append("the table of %s at x=%.2f, not indented" % (m.group(2), xs(table)))
if seen != 3:
    bad.append("%d of the 3 first cells found" % seen)
print("; ".join(bad)); sys.exit(1 if bad else 0)
PY

finish markup
