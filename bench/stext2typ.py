#!/usr/bin/env python3
"""Turn a circgen PDF's text (mutool draw -F stext) into a Typst document with the
same characters in the same fonts, weights and sizes, line by line: the "same
content in Typst" of the PDF size comparison (bench/compare.sh). Layout differs
(Typst sets its own lines and pages); the glyph sets of each font, which decide
the size of the embedded subsets, are the same.

usage: stext2typ.py FILE.stext > FILE.typ"""
import sys
import xml.etree.ElementTree as ET

# PDF base font name -> (Typst family, weight); italics are not used by the circulars'
# Chinese text, an italic run is kept upright rather than dropped.
FACES = {
    "LiberationSans": ("Liberation Sans", "regular"),
    "LiberationSans-Bold": ("Liberation Sans", "bold"),
    "LiberationSerif": ("Liberation Serif", "regular"),
    "LiberationSerif-Bold": ("Liberation Serif", "bold"),
    "LiberationSerif-Italic": ("Liberation Serif", "regular"),
    "NotoSansCJKsc-Regular": ("Noto Sans CJK SC", "regular"),
    "NotoSansCJKsc-Bold": ("Noto Sans CJK SC", "bold"),
    "NotoSerifCJKsc-Regular": ("Noto Serif CJK SC", "regular"),
    "NotoSerifCJKsc-Bold": ("Noto Serif CJK SC", "bold"),
}
SPECIAL = set('\\[]#*_`$<>@/=-+~"\'')


def escape(s):
    return "".join("\\" + ch if ch in SPECIAL else ch for ch in s)


def main():
    out = ['#set page(paper: "a4", margin: 2cm)', '#set text(lang: "zh", region: "cn")']
    pages = list(ET.parse(sys.argv[1]).getroot().iter("page"))
    for n, page in enumerate(pages):
        for line in page.iter("line"):
            runs = []
            for font in line.iter("font"):
                name = font.get("name").split("+")[-1]
                if name not in FACES:
                    sys.exit("stext2typ: no Typst face for PDF font %s" % name)
                family, weight = FACES[name]
                text = "".join(c.get("c") for c in font.iter("char"))
                if text.strip():
                    runs.append('#text(font: "%s", weight: "%s", size: %spt)[%s]'
                                % (family, weight, font.get("size"), escape(text)))
            if runs:
                out.append("".join(runs) + "\n")
        if n + 1 < len(pages):
            out.append("#pagebreak()")
    print("\n".join(out))


if __name__ == "__main__":
    main()
