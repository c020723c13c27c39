#!/usr/bin/env python3
"""A mail merge: N one-page letters, each its own page sequence with the letterhead
image (LOGO, an SVG or PNG file; the Typst file reads it from its own folder), a letterhead text, the place and date, an addressee
of its own, a subject, two short paragraphs with an e-mail and a web link, the
closing and the signature; an address footer on every page. Writes the XSL-FO for
circgen (and FOP) and its twin in Typst: the same text in the same fonts, sizes and
image size, one letter a page (bench/mailmerge.sh compares the PDFs).

usage: mailmerge.py N LOGO OUT.fo OUT.typ
       mailmerge.py --png OUT.png      writes a 256x256 RGBA PNG letterhead image"""
import os
import struct
import sys
import zlib

NAMES = ["Ana Silva", "Jan Kowalski", "Amina Diallo", "Kenji Sato", "Olga Petrova", "Luis Garcia",
         "Fatima Haddad", "Pierre Martin", "Mei Chen", "John Smith", "Nadia Rahman", "Erik Larsen"]
PLACES = ["Ministry of Communications", "National Regulatory Authority", "Telecom Operator Ltd",
          "University of Technology", "Standards Institute", "Digital Agency"]
CITIES = ["Lisbon", "Warsaw", "Dakar", "Tokyo", "Moscow", "Madrid", "Beirut", "Paris", "Beijing",
          "London", "Dhaka", "Oslo"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FOOTER = "International Telecommunication Union \u2022 Place des Nations \u2022 CH-1211 Geneva 20 \u2022 Switzerland"
FOOTER2 = "Tel: +41 22 730 5111 \u2022 Fax: +41 22 733 7256 \u2022 E-mail: itumail@itu.int \u2022 www.itu.int"


def letter(i):
    name = NAMES[i % len(NAMES)]
    return {
        "date": "%d %s 2026" % (1 + i % 28, MONTHS[i % 12]),
        "to": ["%s" % name, PLACES[i % len(PLACES)], "%d Avenue of Nations" % (10 + i), CITIES[i % len(CITIES)]],
        "ref": "TSB/L%04d" % i,
        "subject": "Invitation to the ITU-T Study Group %d meeting, session %d" % (2 + i % 19, 1 + i % 7),
        "dear": "Dear %s," % name,
        "paras": [
            ("I have the honour to invite you to the meeting of Study Group %d, to be held at ITU "
             "headquarters in Geneva. Registration is open on the web site; the agenda, the "
             "documents and the practical information for delegates are there as well. Your "
             "reference for all correspondence is %s." % (2 + i % 19, "TSB/L%04d" % i)),
            ("Questions about this meeting may be sent to the secretariat at ", "tsbsg%d@itu.int" % (2 + i % 19),
             ", and the latest information is at ", "www.itu.int/go/tsg%d" % (2 + i % 19),
             ". I look forward to your participation."),
        ],
        "sign": ["Seizo Onoe", "Director of the Telecommunication Standardization Bureau"],
    }


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fo(n, logo):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions" '
           'font-family="Liberation Serif" font-size="12pt" line-height="1.3" language="en" xml:lang="en">',
           '<fo:layout-master-set><fo:simple-page-master master-name="letter" page-width="210mm" page-height="297mm" '
           'margin-top="12mm" margin-bottom="10mm" margin-left="20mm" margin-right="20mm">'
           '<fo:region-body margin-bottom="18mm"/><fo:region-after extent="14mm"/></fo:simple-page-master>'
           '</fo:layout-master-set>']
    for i in range(n):
        L = letter(i)
        p2 = L["paras"][1]
        out.append(
            '<fo:page-sequence master-reference="letter">'
            '<fo:static-content flow-name="xsl-region-after">'
            '<fo:block font-family="Liberation Sans" font-size="8pt" line-height="1.35" text-align="center" role="Artifact">'
            '<fo:block>%s</fo:block><fo:block>%s</fo:block></fo:block></fo:static-content>'
            '<fo:flow flow-name="xsl-region-body">'
            '<fo:block space-after="6mm"><fo:external-graphic src="url(\'%s\')" content-width="18mm" content-height="18mm" '
            'fox:alt-text="Emblem"/></fo:block>'
            '<fo:block font-family="Liberation Sans" font-size="14pt" font-weight="bold" role="H1">International Telecommunication Union</fo:block>'
            '<fo:block font-family="Liberation Sans" font-size="10pt" space-after="6mm">Telecommunication Standardization Bureau</fo:block>'
            '<fo:block text-align="end" space-after="6mm">Geneva, %s</fo:block>'
            '%s'
            '<fo:block space-before="6mm" space-after="6mm">Ref: %s</fo:block>'
            '<fo:block font-weight="bold" space-after="6mm">Subject: %s</fo:block>'
            '<fo:block space-after="4mm">%s</fo:block>'
            '<fo:block space-after="4mm" text-align="justify">%s</fo:block>'
            '<fo:block space-after="4mm" text-align="justify">%s<fo:basic-link external-destination="url(\'mailto:%s\')">%s</fo:basic-link>'
            '%s<fo:basic-link external-destination="url(\'https://%s\')">%s</fo:basic-link>%s</fo:block>'
            '<fo:block space-before="4mm" space-after="12mm">Yours faithfully,</fo:block>'
            '<fo:block>%s</fo:block><fo:block>%s</fo:block>'
            '</fo:flow></fo:page-sequence>'
            % (esc(FOOTER), esc(FOOTER2), logo, L["date"],
               "".join("<fo:block>%s</fo:block>" % esc(t) for t in L["to"]), L["ref"], esc(L["subject"]),
               esc(L["dear"]), esc(L["paras"][0]), esc(p2[0]), p2[1], p2[1], esc(p2[2]), p2[3], p2[3], esc(p2[4]),
               esc(L["sign"][0]), esc(L["sign"][1])))
    out.append("</fo:root>")
    return "\n".join(out) + "\n"


def tq(s):
    """A Typst string literal."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typ(n, logo):
    out = ['#set document(title: "Letters")',
           '#set page(paper: "a4", margin: (top: 12mm, bottom: 28mm, left: 20mm, right: 20mm), '
           'footer: align(center, text(font: "Liberation Sans", size: 8pt)[#%s \\ #%s]))' % (tq(FOOTER), tq(FOOTER2)),
           # line boxes from ascender to descender, 0.19 em apart: circgen's line-height 1.3
           '#set text(font: "Liberation Serif", size: 12pt, lang: "en", top-edge: "ascender", bottom-edge: "descender")',
           '#set par(leading: 0.19em, spacing: 0.19em)',
           '#set block(spacing: 0.19em)',
           '#show heading: set text(font: "Liberation Sans", size: 14pt, weight: "bold")',
           '#show heading: set block(spacing: 0pt)',
           '#let logo = read(%s, encoding: none)' % tq(os.path.basename(logo))]
    for i in range(n):
        L = letter(i)
        p2 = L["paras"][1]
        if i:
            out.append("#pagebreak()")
        out.append(
            '#block(below: 6mm, image(logo, width: 18mm, height: 18mm, alt: "Emblem"))\n'
            '#heading(level: 1, outlined: false)[International Telecommunication Union]\n'
            '#block(below: 6mm, text(font: "Liberation Sans", size: 10pt)[Telecommunication Standardization Bureau])\n'
            '#block(below: 6mm, width: 100%%, align(right)[#%s])\n'
            '%s\n'
            '#block(above: 6mm, below: 6mm)[#%s]\n'
            '#block(below: 6mm, strong[#%s])\n'
            '#block(below: 4mm)[#%s]\n'
            '#block(below: 4mm, par(justify: true)[#%s])\n'
            '#block(below: 4mm, par(justify: true)[#%s#link(%s)[#%s]#%s#link(%s)[#%s]#%s])\n'
            '#block(above: 4mm, below: 12mm)[Yours faithfully,]\n'
            '#block[#%s]\n#block[#%s]'
            % (tq("Geneva, " + L["date"]),
               "\n".join("#block[#%s]" % tq(t) for t in L["to"]), tq("Ref: " + L["ref"]),
               tq("Subject: " + L["subject"]), tq(L["dear"]), tq(L["paras"][0]),
               tq(p2[0]), tq("mailto:" + p2[1]), tq(p2[1]), tq(p2[2]), tq("https://" + p2[3]), tq(p2[3]),
               tq(p2[4]), tq(L["sign"][0]), tq(L["sign"][1])))
    return "\n".join(out) + "\n"


def png(path):
    """A 256x256 RGBA emblem: two rings and a cross in ITU blue on transparency."""
    w = h = 256
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            dx, dy = x - 127.5, y - 127.5
            r = (dx * dx + dy * dy) ** 0.5
            on = abs(r - 116) < 6 or abs(r - 76) < 4 or (r < 122 and (abs(dx) < 3 or abs(dy) < 3))
            row += bytes((0, 0x62, 0x9b, 255)) if on else bytes((255, 255, 255, 0))
        rows.append(bytes(row))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)


def main():
    if sys.argv[1] == "--png":
        png(sys.argv[2])
        return
    n, logo = int(sys.argv[1]), sys.argv[2]
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(fo(n, logo))
    with open(sys.argv[4], "w", encoding="utf-8") as f:
        f.write(typ(n, logo))


if __name__ == "__main__":
    main()
