#!/bin/sh
# Chinese typesetting on the PDF of the Chinese Circular 50 and of the stress
# paragraphs of the unit test (issues 5 and 15, ../shared/TYPESETTING-ZH.md):
# per-character positions from `mutool draw -F stext` (Debian mupdf-tools),
# checked line by line by tests/e2e/zhcheck.py: line edges (items 1-3),
# Chinese-Latin gaps (7), pairs of marks (9), justified right edges with
# line-end marks at half width (8, 10), faces (11-13).
pass=0 fail=0
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
cg() { $CIRCGEN_RUNNER "$CIRCGEN" "$@"; }
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if ! command -v mutool >/dev/null || ! command -v python3 >/dev/null; then
    echo "zh: mutool or python3 missing (make setup): skipped"; exit 0
fi
src=samples/tsb-circular-50/zh.xml
if cg pdf "$src" -o "$tmp/zh.pdf" 2>"$tmp/err"; then ok; else ko "pdf $src: $(cat "$tmp/err")"; fi
mutool draw -q -F stext -o "$tmp/zh.stext" "$tmp/zh.pdf" 2>/dev/null && ok || ko "mutool draw -F stext failed"

# 13: only the pinned faces, embedded and subset, with a Unicode map; no Type 3.
pdffonts "$tmp/zh.pdf" | tail -n +3 >"$tmp/fonts"
if awk '{ if ($1 !~ /^[A-Z]+\+(LiberationSerif|LiberationSans|LiberationMono|NotoSerifCJKsc|NotoSansCJKsc)(-|$)/) bad=1;
          if ($0 ~ /Type 3/) bad=1; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 }
        END { exit bad }' "$tmp/fonts"; then ok; else ko "pdffonts: an unpinned, unembedded or Type 3 face: $(cat "$tmp/fonts")"; fi

python3 tests/e2e/zhcheck.py check "$tmp/zh.stext" >"$tmp/report"
rc=$?
cat "$tmp/report"
[ $rc = 0 ] && ok || ko "zh pdf: Chinese typesetting violations (above)"

# The same checks on the stress paragraphs of tests/unit/test_fo_cjk.c (every pair of
# adjacent marks, identifiers, doubled dashes), justified at 65 column widths; there
# every pair of marks within 1.5 em, opening marks at line starts in half width.
python3 tests/e2e/zhcheck.py stress-fo tests/unit/test_fo_cjk.c >"$tmp/stress.fo"
cg fo "$tmp/stress.fo" -o "$tmp/stress.pdf" -q 2>"$tmp/err" && ok || ko "stress fo: $(cat "$tmp/err")"
mutool draw -q -F stext -o "$tmp/stress.stext" "$tmp/stress.pdf" 2>/dev/null && ok || ko "mutool draw -F stext failed (stress)"
python3 tests/e2e/zhcheck.py check "$tmp/stress.stext" --stress >"$tmp/report"
rc=$?
sed 's/^zh pdf:/zh stress pdf:/' "$tmp/report"
[ $rc = 0 ] && ok || ko "zh stress pdf: Chinese typesetting violations (above)"

# 7: cx:cjk-latin-spacing="none" removes the Chinese-Latin gap; a length sets it.
fo() {
    cat >"$tmp/s.fo" <<FO
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:cx="urn:circgen:fo-extensions"><fo:layout-master-set>
<fo:simple-page-master master-name="p" page-width="300pt" page-height="200pt" margin="20pt"><fo:region-body/></fo:simple-page-master>
</fo:layout-master-set><fo:page-sequence master-reference="p" language="zh" country="CN"><fo:flow flow-name="xsl-region-body"
 font-family="Liberation Serif, Noto Serif CJK SC" font-size="12pt"><fo:block $1>第17研究组</fo:block></fo:flow></fo:page-sequence></fo:root>
FO
    cg fo "$tmp/s.fo" -o "$tmp/s.pdf" -q && mutool draw -q -F stext -o - "$tmp/s.pdf" 2>/dev/null |
      python3 -c 'import sys, xml.etree.ElementTree as E
x = {c.get("c"): float(c.get("x")) for c in E.parse(sys.stdin).getroot().iter("char")}
print(round(x["1"] - x["\u7b2c"] - 12, 3))'
}
g=$(fo ""); case $g in 3|3.0*|2.99*) ok ;; *) ko "default Chinese-Latin gap $g pt, want 3 (1/4 em)" ;; esac
g=$(fo 'cx:cjk-latin-spacing="none"'); case $g in 0|0.0*|-0.0*) ok ;; *) ko "cx:cjk-latin-spacing=none: gap $g pt, want 0" ;; esac
g=$(fo 'cx:cjk-latin-spacing="2pt"'); case $g in 2|2.0*|1.99*) ok ;; *) ko "cx:cjk-latin-spacing=2pt: gap $g pt, want 2" ;; esac

echo "zh: $pass passed, $fail failed"
[ $fail = 0 ]
