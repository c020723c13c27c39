#!/usr/bin/env python3
"""parallel_check.py PAR.pdf A.fo B.fo — every unit of both versions is in its column of
the parallel edition: the text of each leaf unit (an element with an id holding no other
id) of A's XSL-FO in the left halves of the pages, B's in the right halves (pdftotext -bbox,
white space and hyphens aside). Prints the counts; exits 1 if a unit is missing."""
import re, subprocess, sys
import xml.etree.ElementTree as ET

pdf, fos = sys.argv[1], sys.argv[2:4]
F = "{http://www.w3.org/1999/XSL/Format}"
pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout)[1])


def norm(s):
    return re.sub(r"[\s\-\u00ad]+", "", s)


# A4 landscape: the words of each page (pdftotext -bbox) in the region body of its page
# master (which leaves out the page furniture), the left column's starting left of
# 421 pt, where the columns meet
import html
cols, flows = [[], []], [[], []]
for p in range(1, pages + 1):
    out = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    y0, y1 = (30, 520) if p == 1 else (72, 560)
    words = [[], []]
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>', out):
        x, y, w = float(m[1]), float(m[2]), html.unescape(m[3])
        if y0 <= y <= y1:
            words[0 if x < 421 else 1].append((y, x, w))
            flows[0 if x < 421 else 1].append(w)
    for c in range(2):
        # in reading order: lines (words within 3 pt of the line's first), each left to right
        line, top = [], None
        for y, x, w in sorted(words[c]) + [(1e9, 0, "")]:
            if top is not None and y - top > 3:
                cols[c] += [w2 for _, w2 in sorted(line)]
                line, top = [], None
            if top is None:
                top = y
            line.append((x, w))
# a unit is there when its text is in the column read in pdftotext's order or in line order
cols = [norm("".join(c)) + "|" + norm("".join(f)) for c, f in zip(cols, flows)]
bad = 0
for side, fo in enumerate(fos):
    flow = ET.parse(fo).getroot().find(".//" + F + "flow")
    units = [e for e in flow.iter() if e.get("id") is not None and
             not any(d.get("id") is not None for d in e.iter() if d is not e)]
    missing = [e.get("id") for e in units if norm("".join(e.itertext())) not in cols[side]]
    print(f"{fo}: {len(units)} units, {len(missing)} missing in column {side + 1}", " ".join(missing[:10]))
    bad += len(missing)
sys.exit(1 if bad else 0)
