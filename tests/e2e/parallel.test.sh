#!/bin/sh
# The parallel edition (circgen pdf/html --parallel A.xml B.xml): Circular 50 en||zh holds
# every unit of both versions, each in its column, tagged with its language (/Lang on
# each cell's structure element; tests/e2e/parallel_check.py reads
# the columns' words with pdftotext -bbox and finds the text of every leaf unit of each
# version's XSL-FO); a unit missing on one side leaves an empty cell with a marker;
# the same input gives the same bytes; two documents of different types are refused.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1753228800
c=samples/tsb-circular-50

cg pdf --parallel $c/en.xml $c/zh.xml -o "$tmp/p.pdf" 2>"$tmp/err" && ok || ko "render: $(cat "$tmp/err")"
qpdf --check "$tmp/p.pdf" >"$tmp/check" 2>&1 && ! grep -qi warning "$tmp/check" && ok || ko "qpdf --check: $(cat "$tmp/check")"
pdfinfo "$tmp/p.pdf" | grep -q "^Page size: *841.89 x 595.276" && ok || ko "not A4 landscape"
[ "$(pdfinfo "$tmp/p.pdf" | awk '/^Form:/ { print $2 }')" = none ] && ok || ko "form fields in the parallel edition"
cg pdf --fo --no-form $c/en.xml -o "$tmp/en.fo" && cg pdf --fo --no-form $c/zh.xml -o "$tmp/zh.fo" && ok || ko "the versions' FO"
python3 tests/e2e/parallel_check.py "$tmp/p.pdf" "$tmp/en.fo" "$tmp/zh.fo" >"$tmp/units" && ok || ko "units: $(cat "$tmp/units")"
cg pdf --parallel $c/en.xml $c/zh.xml -o "$tmp/p2.pdf" 2>/dev/null && cmp -s "$tmp/p.pdf" "$tmp/p2.pdf" && ok || ko "two runs differ"

# each column's structure elements in its language: /Lang on every cell's outer element
qpdf --qdf --object-streams=disable "$tmp/p.pdf" "$tmp/q.pdf" 2>/dev/null
en=$(grep -ac '^ */Lang (en)' "$tmp/q.pdf") zh=$(grep -ac '^ */Lang (zh-CN)' "$tmp/q.pdf")
[ "$zh" -ge 50 ] && [ "$en" = $((zh + 1)) ] && ok || ko "/Lang: $en en (with the catalog's), $zh zh-CN"

# a unit missing in the second version: the first's is there, beside a marker
mkdir -p "$tmp/m" && grep -v 'id="note-2"' $c/zh.xml >"$tmp/m/zh.xml"
cg check "$tmp/m/zh.xml" >/dev/null 2>&1 && ok || ko "the shortened version is not valid"
cg pdf --parallel $c/en.xml "$tmp/m/zh.xml" -o "$tmp/m.pdf" 2>/dev/null && ok || ko "render with a missing unit"
cg pdf --fo --no-form "$tmp/m/zh.xml" -o "$tmp/m/zh.fo"
python3 tests/e2e/parallel_check.py "$tmp/m.pdf" "$tmp/en.fo" "$tmp/m/zh.fo" >/dev/null && ok || ko "units with a missing one"
full=$(pdftotext "$tmp/p.pdf" - | grep -c '^—$') short=$(pdftotext "$tmp/m.pdf" - | grep -c '^—$')
[ "$short" -gt "$full" ] && ok || ko "no marker for the missing unit ($full, $short)"

# the HTML page: every unit in its column, cells with their language, ids unique, valid
cg html --parallel $c/en.xml $c/zh.xml -o "$tmp/p.html" && ok || ko "html --parallel"
cg html $c/en.xml -o "$tmp/en.html" && cg html $c/zh.xml -o "$tmp/zh.html"
python3 tests/e2e/parallel_html_check.py "$tmp/p.html" "$tmp/en.html" "$tmp/zh.html" >"$tmp/hunits" && ok || ko "html units: $(cat "$tmp/hunits")"
[ "$(grep -o '<td lang="zh-CN"' "$tmp/p.html" | wc -l)" = "$(grep -o '<td lang="en"' "$tmp/p.html" | wc -l)" ] && ok || ko "html: cells without their language"
tidy -q -e "$tmp/p.html" >"$tmp/tidy" 2>&1; [ $? -lt 2 ] && ok || ko "html: tidy errors: $(grep -i error "$tmp/tidy" | head -3)"
cg html --parallel $c/en.xml "$tmp/m/zh.xml" -o "$tmp/m.html" && grep -q 'class="missing"' "$tmp/m.html" && ok || ko "html: no marker for a missing unit"

# build --parallel en,zh: beside DOC/en and DOC/zh, DOC/en+zh.pdf and .html
cg build -q --parallel en,zh samples -o "$tmp/bo" && [ -s "$tmp/bo/tsb-circular-50/en+zh.pdf" ] &&
    [ -s "$tmp/bo/tsb-circular-50/en+zh.html" ] && ok || ko "build --parallel"
# a document without one of the two languages gets no parallel edition
cg build -q --parallel en,fr samples -o "$tmp/bf" && [ -s "$tmp/bf/tsb-circular-50/en+fr.pdf" ] &&
    [ ! -e "$tmp/bf/collective-letter-sg17/en+fr.pdf" ] && ok || ko "build --parallel en,fr: a document without fr"
cmp -s "$tmp/bo/tsb-circular-50/en+zh.pdf" "$tmp/p.pdf" && ok || ko "build --parallel: not the PDF of pdf --parallel"
cg build -q --parallel en samples -o "$tmp/bo" 2>/dev/null; [ $? = 2 ] && ok || ko "build --parallel en: not exit 2"

# usage
# narrow cells (a table's column halved): no line set past a cell's padding in any pair of
# versions of the samples (the cells' side paddings halved, hyphenation in cells)
for d in samples/*/; do
    for b in zh fr es ru; do
        [ -f $d/en.xml ] && [ -f $d/$b.xml ] || continue
        cg pdf --parallel $d/en.xml $d/$b.xml -o "$tmp/n.pdf" 2>"$tmp/err"
        ! grep -q "could not be fitted\|taller than the page body" "$tmp/err" && ok || ko "$d en+$b: $(grep 'fitted\|taller' "$tmp/err")"
    done
done

# the right-to-left version on the right, whichever is given first: Circular 50 in Arabic
# (samples/tsb-circular-50/ar.xml when it exists; else a stand-in: the English version as
# xml:lang="ar" with an Arabic word in its first paragraph, and the Arabic catalog or,
# without one, the English catalog as Arabic, in a copy of the templates)
mkdir -p "$tmp/ar" && cp -r templates "$tmp/ar/templates"
if [ -f $c/ar.xml ]; then
    cp $c/ar.xml "$tmp/ar/ar.xml"; word=$(sed -n 's/.*<para id="para-1">\([^ <]*\).*/\1/p' $c/ar.xml | head -1)
else
    sed 's/xml:lang="en"/xml:lang="ar"/; s/<para id="para-1">/<para id="para-1">مرحبا /' $c/en.xml >"$tmp/ar/ar.xml"; word=مرحبا
fi
cp $c/*.png $c/*.svg "$tmp/ar/" 2>/dev/null
[ -f templates/tsb-circular/strings/ar.xml ] ||
    sed 's/xml:lang="en"/xml:lang="ar"/' templates/tsb-circular/strings/en.xml >"$tmp/ar/templates/tsb-circular/strings/ar.xml"
for order in "ar en" "en ar"; do
    set -- $order
    f1=$tmp/ar/$1.xml f2=$tmp/ar/$2.xml; [ "$1" = en ] && f1=$c/en.xml; [ "$2" = en ] && f2=$c/en.xml
    cg pdf --templates "$tmp/ar/templates" --parallel "$f1" "$f2" -o "$tmp/ar/p.pdf" 2>"$tmp/err" && ok || ko "$order: render: $(cat "$tmp/err")"
    # the Arabic word's place: in the right half of the landscape page
    x=$(pdftotext -bbox "$tmp/ar/p.pdf" - 2>/dev/null | python3 -c '
import re, sys, unicodedata
w = sys.argv[1]
for m in re.finditer(r"<word xMin=\"([\d.]+)\"[^>]*>([^<]*)</word>", sys.stdin.read()):
    if m.group(2) and (m.group(2) in w or w in m.group(2)):
        print(int(float(m.group(1)))); break' "$word")
    [ -n "$x" ] && [ "$x" -gt 421 ] && ok || ko "$order: the Arabic column not on the right (word at x=$x)"
done

cg pdf --parallel $c/en.xml 2>/dev/null; [ $? = 2 ] && ok || ko "one file: not exit 2"
cg pdf --parallel $c/en.xml samples/sg17-ietf-liaison/en.xml -o "$tmp/x.pdf" 2>"$tmp/err"; [ $? = 1 ] &&
    grep -q "different types" "$tmp/err" && [ ! -e "$tmp/x.pdf" ] && ok || ko "different types: $(cat "$tmp/err")"
finish parallel
