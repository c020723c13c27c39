#!/usr/bin/env python3
"""A long XSL-FO document for the benchmark: PAGES sections of about a page each
(a heading, paragraphs of English text, a table with a repeated header), running
header with the page number, in one page sequence (or, with PER > 0, in page
sequences of PER sections each; with "wrap", each sequence's sections inside one
fo:block, as circgen's templates set a letter or an annex). The FO subset both
circgen and Apache FOP read. usage: longfo.py SECTIONS [PER [wrap]] > long.fo"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
per = int(sys.argv[2]) if len(sys.argv) > 2 else 0
wrap = len(sys.argv) > 3 and sys.argv[3] == "wrap"
words = ("the draft Recommendation specifies security requirements for telecommunication "
         "networks and services including identity management trust frameworks and the "
         "protection of personally identifiable information in cloud computing environments "
         "Member States are invited to indicate whether they authorize Study Group 17 to "
         "consider the text for approval at its next meeting").split()

def para(seed, count):
    return " ".join(words[(seed * 7 + k * 3) % len(words)] for k in range(count)).capitalize() + "."

o = sys.stdout
o.write('<?xml version="1.0" encoding="UTF-8"?>\n')
o.write('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Liberation Serif" '
        'font-size="11pt" line-height="1.3" language="en">\n')
o.write('<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" '
        'page-height="297mm" margin="20mm"><fo:region-body margin-top="12mm" margin-bottom="10mm"/>'
        '<fo:region-before extent="10mm"/><fo:region-after extent="8mm"/></fo:simple-page-master>'
        '</fo:layout-master-set>\n')
def open_sequence():
    o.write('<fo:page-sequence master-reference="p">\n')
    o.write('<fo:static-content flow-name="xsl-region-before"><fo:block text-align="center" '
        'font-size="9pt">- <fo:page-number/> -</fo:block></fo:static-content>\n')
    o.write('<fo:static-content flow-name="xsl-region-after"><fo:block text-align="center" '
        'font-size="8pt" font-family="Liberation Sans">International Telecommunication Union, '
        'Place des Nations, CH-1211 Geneva 20</fo:block></fo:static-content>\n')
    o.write('<fo:flow flow-name="xsl-region-body">\n')
    if wrap:
        o.write('<fo:block>\n')

def close_sequence(last=False):
    if wrap:
        o.write('</fo:block>\n')
    o.write('</fo:flow></fo:page-sequence>' + ('' if last else '\n'))

open_sequence()
for s in range(n):
    if per and s and s % per == 0:
        close_sequence()
        open_sequence()
    o.write('<fo:block font-family="Liberation Sans" font-weight="bold" font-size="13pt" '
            'space-before="6pt" space-after="4pt" keep-with-next="always">%d Section %d</fo:block>\n' % (s + 1, s + 1))
    for p in range(3):
        o.write('<fo:block space-after="4pt" text-align="justify">%s</fo:block>\n' % para(s * 3 + p, 45))
    o.write('<fo:table table-layout="fixed" width="100%" border-collapse="separate" space-after="6pt">'
            '<fo:table-column column-width="15mm"/><fo:table-column column-width="35mm"/>'
            '<fo:table-column column-width="proportional-column-width(1)"/>'
            '<fo:table-column column-width="25mm"/>\n<fo:table-header><fo:table-row font-weight="bold">')
    for h in ("No.", "Document", "Title", "Status"):
        o.write('<fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block>%s</fo:block></fo:table-cell>' % h)
    o.write('</fo:table-row></fo:table-header>\n<fo:table-body>\n')
    for r in range(10):
        o.write('<fo:table-row>')
        cells = ("%d.%d" % (s + 1, r + 1), "X.%d" % (1000 + (s * 10 + r) % 900),
                 para(s + r, 8), "approved" if (s + r) % 3 else "pending")
        for c in cells:
            o.write('<fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block>%s</fo:block></fo:table-cell>' % c)
        o.write('</fo:table-row>\n')
    o.write('</fo:table-body></fo:table>\n')
close_sequence(True)
o.write('</fo:root>\n')
