#!/bin/sh
# Arabic (issue 15 items 3 and 5) on the Arabic versions of the samples, per character
# (`mutool draw -F stext`, checked by tests/e2e/ar.py against the engine's area dump):
# every justified line of a paragraph flush with both edges, the last flush right;
# Arabic letters only in Amiri, Latin letters and digits only in Liberation; on the
# circulars' first page the header block mirrored (each label right of its value, the
# Ref column on the right, To on the left) and the paragraph numbers at the right edge.
# Then: the identifiers intact and in logical order in the text pdftotext extracts,
# the reply form's first column on the right, the running head, /Lang (ar), only the
# pinned faces; the HTML right to left with its identifiers isolated. A left-to-right
# and an unjustified rendering of the same FO must fail the checks (they have teeth).
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh

if ! command -v mutool >/dev/null || ! command -v python3 >/dev/null; then
    echo "ar: mutool or python3 missing (make setup): skipped"; exit 0
fi

render() {   # SRC NAME: NAME.fo, NAME.pdf, NAME.areas, NAME.stext in $tmp
    cg pdf --fo "$1" -o "$tmp/$2.fo" 2>"$tmp/err" &&
    cg fo "$tmp/$2.fo" -o "$tmp/$2.pdf" --dump-areas="$tmp/$2.areas" -q 2>>"$tmp/err" &&
    mutool draw -q -F stext -o "$tmp/$2.stext" "$tmp/$2.pdf" 2>/dev/null
}

for doc in tsb-circular-50 tsb-circular-approval tsb-circular-workshop sg17-ietf-liaison; do
    if render "samples/$doc/ar.xml" "$doc"; then ok; else ko "$doc/ar.xml: $(cat "$tmp/err")"; continue; fi
    case $doc in
        tsb-circular-50) hdr=--header=+41227306206,tsbsg17@itu.int,SG17/XY ;;
        tsb-circular-approval) hdr=--header=+41227305126,tsbsg13@itu.int,SG13/TK ;;
        tsb-circular-workshop) hdr=--header=+41227305866,tsbworkshops@itu.int,TSBWorkshops/AM ;;
        *) hdr= ;;
    esac
    if python3 tests/e2e/ar.py "$tmp/$doc.areas" "$tmp/$doc.stext" $hdr >"$tmp/report"; then ok
    else ko "$doc: $(grep VIOLATION "$tmp/report" | head -5)"; fi
    # The checks saw something: justified paragraphs of several lines, Arabic and Latin.
    set -- $(head -1 "$tmp/report")
    [ "${2:-0}" -ge 3 ] && [ "${6:-0}" -ge 500 ] && [ "${8:-0}" -ge 50 ] && ok || ko "$doc: too little checked: $(head -1 "$tmp/report")"
    case $hdr in --header*) [ "${10:-0}" -ge 4 ] && ok || ko "$doc: paragraph numbers not found: $(head -1 "$tmp/report")" ;; esac
    # Tagged, in Arabic; the pinned faces only (no slanted Amiri: Arabic is set upright).
    qpdf --qdf --object-streams=disable "$tmp/$doc.pdf" "$tmp/q.pdf" 2>/dev/null
    grep -aq "/Lang (ar)" "$tmp/q.pdf" && ok || ko "$doc: no /Lang (ar)"
    pdffonts "$tmp/$doc.pdf" | tail -n +3 >"$tmp/fonts"
    if [ -s "$tmp/fonts" ] && awk '{ if ($1 !~ /^[A-Z]+\+(LiberationSerif(-Bold)?|LiberationSans(-Bold)?|Amiri-Regular|Amiri-Bold)$/) bad=1;
              if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 } END { exit bad }' "$tmp/fonts"
    then ok; else ko "$doc: pdffonts: $(cat "$tmp/fonts")"; fi
    grep -q "+Amiri-Regular" "$tmp/fonts" && ok || ko "$doc: no Amiri in the PDF"
done

# pdftotext: the identifiers intact (white space aside: it may break a line inside one).
flat() { pdftotext "$1" - | LC_ALL=C sed 's/\xe2\x80[\x8e\x8f\xaa-\xae]//g; s/\xe2\x81[\xa6-\xa9]//g' | tr -d ' \n'; }
f=$(flat "$tmp/tsb-circular-50.pdf")
for s in "ITU-TX.1062" "SG17-R6" "SG17-R15" "tsbsg17@itu.int" "tsbdir@itu.int" "+41227306206" "+41-22-730-5853" \
         "www.itu.int/ipr/" "4/17" "ISO/IEC27002:2022" "b-GSMARCC.07" "X.mt-integrity" "SG17/XY" "itumail@itu.int"; do
    case "$f" in *"$s"*) ok ;; *) ko "tsb-circular-50: pdftotext lacks '$s'" ;; esac
done
# ... and the Arabic words around them in logical order (pdftotext places the numbers and
# brackets of a right-to-left line by its own reckoning: compared without them).
g=$(printf '%s' "$f" | tr -d '0-9()[]')
for s in "جنيف،يوليو" "الرسالةالمعممةلمكتبتقييسالاتصالات" "الملحقبالرسالةالمعممةلمكتبتقييسالاتصالات" \
         "المزمععقدهفيجنيففيالفترة" "فيموعدأقصاهالساعة" "وإذاكانتنسبةفيالمائةأوأكثر"; do
    case "$g" in *"$s"*) ok ;; *) ko "tsb-circular-50: pdftotext lacks '$s' in logical order" ;; esac
done
f=$(flat "$tmp/tsb-circular-approval.pdf")
for s in "ITU-TY.3061" "tsbsg13@itu.int" "www.itu.int/ipr/" "+41227305126"; do
    case "$f" in *"$s"*) ok ;; *) ko "tsb-circular-approval: pdftotext lacks '$s'" ;; esac
done
f=$(flat "$tmp/sg17-ietf-liaison.pdf")
for s in "TheIESG<iesg@ietf.org>" "ScottMansfield<Scott.Mansfield@Ericsson.com>" "CG-AISEC-STRAT"; do
    case "$f" in *"$s"*) ok ;; *) ko "sg17-ietf-liaison: pdftotext lacks '$s'" ;; esac
done

# The reply form (Annex 2 of Circular 50) mirrored: on each line that holds a draft's row
# label and the text of its first option, the label (its Latin number) right of the text.
python3 - "$tmp/tsb-circular-50.stext" >"$tmp/reply" <<'PY'
import sys, xml.etree.ElementTree as ET
rows, n = {}, 0
for page in ET.parse(sys.argv[1]).getroot().iter('page'):
    n += 1
    for ch in page.iter('char'):
        q = [float(v) for v in ch.get('quad').split()]
        rows.setdefault((n, round(float(ch.get('y')), 1)), []).append((ch.get('c'), q[0], q[2]))
checked = bad = 0
for key, row in rows.items():
    s = ''.join(c for c, _, _ in sorted(row, key=lambda t: -t[1]))
    if 'تأذن' not in s.replace(' ', '') and 'تأذ' not in s:
        continue
    lat = [c for c in row if c[0] == 'X']
    ar = [c for c in row if '\u0600' <= c[0] <= '\u06ff']
    if not lat:
        continue
    checked += 1
    if min(x0 for _, x0, _ in lat) < max(x1 for c, x0, x1 in ar if x1 < 400) if [1 for c, x0, x1 in ar if x1 < 400] else True:
        bad += 1
print('rows %d bad %d' % (checked, bad))
PY
grep -q "^rows 10 bad 0" "$tmp/reply" && ok || ko "reply form not mirrored (first column on the right): $(cat "$tmp/reply")"

# The running head from page 2: "- 2 -" and the circular's name.
pdftotext -f 2 -l 2 "$tmp/tsb-circular-50.pdf" - | head -3 | LC_ALL=C sed 's/\xe2\x80[\x8e\x8f\xaa-\xae]//g' | tr -d ' \n' | grep -q -- "-2" && ok || ko "running head page number"
pdftotext -f 2 -l 2 "$tmp/tsb-circular-50.pdf" - | tr -d ' \n' | grep -q "50" && ok || ko "running head name"

# The checks have teeth: the same FO left to right, then set ragged, must fail them.
sed 's/writing-mode="rl-tb"/writing-mode="lr-tb"/' "$tmp/tsb-circular-50.fo" >"$tmp/ltr.fo"
sed 's/text-align="justify"/text-align="start"/g' "$tmp/tsb-circular-50.fo" >"$tmp/ragged.fo"
for v in ltr ragged; do
    cg fo "$tmp/$v.fo" -o "$tmp/$v.pdf" --dump-areas="$tmp/$v.areas" -q 2>/dev/null
    mutool draw -q -F stext -o "$tmp/$v.stext" "$tmp/$v.pdf" 2>/dev/null
    python3 tests/e2e/ar.py "$tmp/$v.areas" "$tmp/$v.stext" --header=+41227306206,tsbsg17@itu.int,SG17/XY >"$tmp/report" && ko "ar.py passes a $v rendering" || ok
done
grep -q "not justified" "$tmp/report" && ok || ko "ar.py does not see unjustified lines"
# ... and without the isolates and embeddings of the identifiers: the telephone numbers
# of the header block out of order on the page.
sed 's/ unicode-bidi="isolate"//g; s/ unicode-bidi="embed"//g' "$tmp/tsb-circular-50.fo" >"$tmp/noiso.fo"
cg fo "$tmp/noiso.fo" -o "$tmp/noiso.pdf" --dump-areas="$tmp/noiso.areas" -q 2>/dev/null
mutool draw -q -F stext -o "$tmp/noiso.stext" "$tmp/noiso.pdf" 2>/dev/null
python3 tests/e2e/ar.py "$tmp/noiso.areas" "$tmp/noiso.stext" --header=+41227306206,tsbsg17@itu.int,SG17/XY >"$tmp/report"
grep -q "+41227306206 reads .*not kept in its order" "$tmp/report" && ok || ko "ar.py does not see a telephone number out of order: $(grep VIOLATION "$tmp/report" | head -3)"

# The HTML: right to left, in Arabic, identifiers isolated left to right; the CSS in
# logical properties only (one stylesheet for both directions).
for doc in tsb-circular-50 sg17-ietf-liaison; do
    cg html "samples/$doc/ar.xml" -o "$tmp/$doc.html" 2>"$tmp/err" && ok || ko "$doc html: $(cat "$tmp/err")"
    grep -q '<html lang="ar" dir="rtl"' "$tmp/$doc.html" && ok || ko "$doc html: no lang=ar dir=rtl: $(grep -o '<html[^>]*>' "$tmp/$doc.html")"
done
grep -q '<bdi dir="ltr">SG17-R6</bdi>' "$tmp/tsb-circular-50.html" && ok || ko "html: SG17-R6 not isolated"
grep -q '<a href="mailto:tsbdir@itu.int" dir="ltr">' "$tmp/tsb-circular-50.html" && ok || ko "html: e-mail address not left to right"
grep -q '<bdi dir="ltr">The IESG &lt;<a' "$tmp/sg17-ietf-liaison.html" && ok || ko "html: liaison contact not isolated"
cg html samples/tsb-circular-50/en.xml -o "$tmp/en.html" && ! grep -q '<bdi' "$tmp/en.html" && ok || ko "html: isolates in a left-to-right page"
grep -n -E '(padding|margin|border)-(left|right)|text-align: *(left|right)|float: *(left|right)' templates/*/html.css >"$tmp/phys"
[ ! -s "$tmp/phys" ] && ok || ko "physical left/right in the CSS: $(cat "$tmp/phys")"

finish ar
