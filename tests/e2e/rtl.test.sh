#!/bin/sh
# Right to left (writing-mode="rl-tb", issue 19 item 1, issue 15 item 3) on the PDF of
# tests/fo/rtl_block.fo: per-character positions from `mutool draw -F stext`: every
# line of the justified Arabic paragraph flush with both edges of the body (the first
# with its text-indent on the right), the last flush right; Arabic letters only in the
# pinned Arabic face (Amiri), Latin letters and digits only in the Latin face; the text
# from pdftotext in logical order with the identifiers intact.
pass=0 fail=0
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
cg() { $CIRCGEN_RUNNER "$CIRCGEN" "$@"; }
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if ! command -v mutool >/dev/null || ! command -v python3 >/dev/null; then
    echo "rtl: mutool or python3 missing (make setup): skipped"; exit 0
fi
fo=tests/fo/rtl_block.fo
if cg fo "$fo" -o "$tmp/b.pdf" 2>"$tmp/err"; then ok; else ko "fo $fo: $(cat "$tmp/err")"; fi
mutool draw -q -F stext -o "$tmp/b.stext" "$tmp/b.pdf" 2>/dev/null && ok || ko "mutool draw -F stext failed"

pdffonts "$tmp/b.pdf" | tail -n +3 >"$tmp/fonts"
if awk '{ if ($1 !~ /^[A-Z]+\+(LiberationSerif|Amiri-Regular)$/) bad=1;
          if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 }
        END { exit bad }' "$tmp/fonts"; then ok; else ko "pdffonts: a face other than Liberation Serif and Amiri, or not embedded: $(cat "$tmp/fonts")"; fi

# The justified paragraph is the block whose lines start below y = 100 (rtl_block.fo:
# body from x 20 to 280, text-indent 12pt).
python3 - "$tmp/b.stext" >"$tmp/report" <<'PY'
import sys, xml.etree.ElementTree as ET
LEFT, RIGHT, INDENT, EPS = 20.0, 280.0, 12.0, 0.3
def arabic(c): return '\u0600' <= c <= '\u06ff' or '\ufb50' <= c <= '\ufeff'
def latin(c): return c.isascii() and c.isalnum()
viol, n_lines, n_ar, n_la = [], 0, 0, 0
doc = ET.parse(sys.argv[1]).getroot()
rows = {}
for font in doc.iter('font'):
    for ch in font.iter('char'):
        c = ch.get('c')
        q = [float(v) for v in ch.get('quad').split()]
        if arabic(c):
            n_ar += 1
            if not font.get('name').startswith('Amiri'):
                viol.append('Arabic %r in %s' % (c, font.get('name')))
        elif latin(c):
            n_la += 1
            if not font.get('name').startswith('Liberation'):
                viol.append('Latin %r in %s' % (c, font.get('name')))
        y = round(float(ch.get('y')))
        if y > 100 and not c.isspace():
            rows.setdefault(y, []).append((q[0], q[2]))
ys = sorted(rows)
for i, y in enumerate(ys):
    x0, x1 = min(a for a, b in rows[y]), max(b for a, b in rows[y])
    n_lines += 1
    right = RIGHT - (INDENT if i == 0 else 0)
    if abs(x1 - right) > EPS:
        viol.append('line %d (y %d) ends at %.2f, not flush right (%.2f)' % (i + 1, y, x1, right))
    if i < len(ys) - 1 and abs(x0 - LEFT) > EPS:
        viol.append('line %d (y %d) starts at %.2f, not flush left (justified)' % (i + 1, y, x0))
    if i == len(ys) - 1 and x0 < LEFT + 20:
        viol.append('last line reaches %.2f: justified instead of flush right' % x0)
print('lines %d arabic %d latin %d' % (n_lines, n_ar, n_la))
for v in viol: print('VIOLATION', v)
PY
grep -q "^lines 5 " "$tmp/report" && ok || ko "expected 5 lines of the justified paragraph: $(head -1 "$tmp/report")"
grep -q VIOLATION "$tmp/report" && ko "$(grep VIOLATION "$tmp/report" | head -5)" || ok

# pdftotext: logical order, identifiers intact (its direction marks U+202A-U+202E dropped,
# white space removed: the URL is broken across two lines).
txt=$(pdftotext "$tmp/b.pdf" - | LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g')
flat=$(printf '%s' "$txt" | tr -d ' \n')
for s in "يسرّني أن أدعو الدول الأعضاء إلى النظر في مشروع التوصية" "SG17-R6" "tsbsg17@itu.int" "ITU-T" "X.1062"; do
    case "$txt" in *"$s"*) ok ;; *) ko "pdftotext lacks '$s' in logical order" ;; esac
done
# (pdftotext doubles the space before a number in Arabic text: compared without spaces)
case "$flat" in *"مسافةالبداية٣٠ومسافةالنهاية٦٠"*) ok ;; *) ko "pdftotext: Arabic-Indic numbers out of order" ;; esac
case "$flat" in *"https://www.itu.int/go/tsg17"*) ok ;; *) ko "pdftotext: URL not intact" ;; esac
case "$flat" in *"العنوانtsbsg17@itu.intأوعبرالموقعhttps://www.itu.int/go/tsg17قبل"*) ok ;;
    *) ko "pdftotext: identifiers not in logical order among the Arabic words" ;; esac

# Lists and tables mirrored, by the characters' positions: in rtl_list.fo the labels "1" and
# "2" right of their bodies (at the right edge, 280), in rtl_table.fo the first column
# (المرجع) right of the second (TSB Circular 50) and the To column on the left.
for f in rtl_list rtl_table; do
    cg fo "tests/fo/$f.fo" -o "$tmp/$f.pdf" 2>"$tmp/err" && ok || ko "fo $f: $(cat "$tmp/err")"
    mutool draw -q -F stext -o "$tmp/$f.stext" "$tmp/$f.pdf" 2>/dev/null
done
python3 - "$tmp/rtl_list.stext" "$tmp/rtl_table.stext" >"$tmp/mirror" <<'PY'
import sys, xml.etree.ElementTree as ET
def chars(path):
    out = []
    for ch in ET.parse(path).getroot().iter('char'):
        q = [float(v) for v in ch.get('quad').split()]
        out.append((ch.get('c'), q[0], q[2], float(ch.get('y'))))
    return out
def arabic(c): return '\u0600' <= c <= '\u06ff'
L = chars(sys.argv[1])
for label in '12':
    c = next(x for x in L if x[0] == label)
    # relative-align="baseline": the body's first line on the label's baseline
    body = [x for x in L if abs(x[3] - c[3]) < 0.05 and arabic(x[0])]
    if abs(c[2] - 280) > 0.3 or not body or max(b[2] for b in body) > c[1]:
        print('VIOLATION label %s at %.2f..%.2f, not on the right of its body on its baseline' % (label, c[1], c[2]))
T = chars(sys.argv[2])
t = next(x for x in T if x[0] == 'T')
row = [x for x in T if abs(x[3] - t[3]) < 0.05]
lat = [x for x in row if x[0].isascii() and x[0].isalnum()]
ar = [x for x in row if arabic(x[0])]
if not lat or min(x[1] for x in lat) < 140 or max(x[2] for x in lat) > 250:
    print('VIOLATION the second column is not 140..250')
if not any(x[1] >= 250 for x in ar) or not any(x[2] <= 140 for x in ar) or any(140 < x[1] < 250 for x in ar):
    print('VIOLATION the first column is not on the right and the third on the left')
print('checked')
PY
grep -q checked "$tmp/mirror" && ! grep -q VIOLATION "$tmp/mirror" && ok || ko "mirroring: $(cat "$tmp/mirror")"

# Tagged, with the document's language (fo:root language="ar").
pdfinfo "$tmp/b.pdf" | grep -q "^Tagged: *yes" && ok || ko "not tagged"
qpdf --qdf --object-streams=disable "$tmp/b.pdf" "$tmp/bq.pdf" 2>/dev/null
grep -aq "/Lang (ar)" "$tmp/bq.pdf" && ok || ko "no /Lang (ar)"

# The content stream in logical order (what mutool's text, copy and the tagged reading order
# read, unlike pdftotext, which sorts by position): the words of each line and the
# shadda after its letter.
st=$(mutool draw -q -F text -o - "$tmp/b.pdf" 2>/dev/null | tr -d ' \n')
case "$st" in *"يسرّنيأنأدعوالدولالأعضاءإلىالنظرفيمشروعالتوصية"*"ماإذاكانتتوافق"*) ok ;;
    *) ko "content stream not in logical order: $(printf '%s' "$st" | head -c 200)" ;; esac

# templates/common/l10n.xsl: the direction of each language, for the FO root's writing-mode
# and the HTML root's dir (English and Chinese left to right, Arabic right to left).
cat > "$tmp/dir.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="$PWD/templates/common/l10n.xsl"/>
  <xsl:param name="lang"/>
  <xsl:variable name="strings" select="/.."/>
  <xsl:output method="text"/>
  <xsl:template match="/"><xsl:value-of select="concat(\$dir, ' ', \$writing-mode)"/></xsl:template>
</xsl:stylesheet>
XSL
echo '<x/>' > "$tmp/x.xml"
for c in "en ltr lr-tb" "zh ltr lr-tb" "fr ltr lr-tb" "ar rtl rl-tb" "ar-EG rtl rl-tb"; do
    set -- $c
    got=$(xsltproc --stringparam lang "$1" "$tmp/dir.xsl" "$tmp/x.xml" 2>&1)
    [ "$got" = "$2 $3" ] && ok || ko "l10n.xsl direction of '$1': '$got', expected '$2 $3'"
done

echo "rtl: $pass passed, $fail failed"
[ "$fail" = 0 ]
