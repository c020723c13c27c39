#!/bin/sh
# Property values beyond the golden dump of tests/fo/value_forms.fo: where the
# colours and the centrally aligned inline end up in the PDF.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1753228800

cg fo tests/fo/value_forms.fo -o "$tmp/v.pdf" -q && ok || ko "value_forms: render"
mutool draw -q -F stext -o "$tmp/v.stext" "$tmp/v.pdf" 2>/dev/null
# alignment-baseline="central" (the middle of the em box) sits higher than
# "middle" (half the x-height above the baseline) for the same 8pt text in 20pt.
python3 - "$tmp/v.stext" <<'PY' && ok || ko "value_forms: central is not above middle"
import sys, xml.etree.ElementTree as ET
ys = {}
for line in ET.parse(sys.argv[1]).getroot().iter("line"):
    for font in line.iter("font"):
        chars = list(font.iter("char"))
        word = "".join(c.get("c") for c in chars)
        for w in ("central", "middle"):
            if w in word:
                ys[w] = float(chars[word.index(w)].get("y"))
sys.exit(0 if len(ys) == 2 and ys["central"] < ys["middle"] - 0.5 else 1)
PY
# rgb-icc(0, 161, 222, ...) draws in its sRGB fallback; palegoldenrod is a colour.
grep -q 'color="#00a1d[de]"' "$tmp/v.stext" && ok || ko "value_forms: rgb-icc fallback colour not used"
pdftoppm -r 20 -f 1 -l 1 "$tmp/v.pdf" "$tmp/p"
python3 - "$tmp"/p-1.ppm <<'PY' && ok || ko "value_forms: no palegoldenrod background"
import sys
# a binary PPM: look for the RGB triple of palegoldenrod (238, 232, 170)
sys.exit(0 if bytes((238, 232, 170)) in open(sys.argv[1], "rb").read() else 1)
PY

finish values
