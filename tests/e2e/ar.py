#!/usr/bin/env python3
"""Per-character checks of an Arabic PDF (used by tests/e2e/ar.test.sh).

  ar.py DOC.areas DOC.stext [--header=PHONE,E-MAIL,CODE]

DOC.areas is the engine's area dump of the document (circgen fo --dump-areas): it
says which lines make up each justified paragraph (the blocks of the units para-N,
note-N, *-summary-N, *-intro, p-*, ... given by --units) and the paragraph's box;
DOC.stext is `mutool draw -F stext` of its PDF: where each character was drawn. For
every such paragraph: every line but the last flush with both edges of its box
(justified between words), the last flush right and short of the left edge; every
Arabic character in the Arabic face (Amiri), every Latin letter and digit in a
Latin face (Liberation). With --header (a TSB circular's first page; the contact's
telephone number and e-mail address and the circular's code as the source gives them,
without spaces): each value of the header block in its own order from left to right
on the page (the isolates at work), each label (Tel, Fax, E-mail) right of its value,
the Ref/Tel column on the right half of the page and the To list on the left, and
the paragraph numbers at the right edge, right of their text.
"""
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

EPS = 0.6


def arabic(c):
    return '\u0600' <= c <= '\u06ff' or '\ufb50' <= c <= '\ufdff' or '\ufe70' <= c <= '\ufeff'


def latin(c):
    return c.isascii() and c.isalnum()


def read_areas(path, unit_re):
    """[(page, unit, bx0, bx1, [(y, h), ...]), ...] for the justified paragraphs, and
    the label blocks of numbered paragraphs [(page, unit, lx0, lx1, y)]."""
    paras, labels = [], []
    page = 0
    stack = []          # (indent, unit id or None, kind)
    cur = None          # the P block being read: [page, unit, x0, x1, lines, in_label]
    for line in open(path, encoding='utf-8'):
        m = re.match(r'page (\d+)', line)
        if m:
            page = int(m.group(1))
            stack, cur = [], None
            continue
        ind = len(line) - len(line.lstrip(' '))
        while stack and stack[-1][0] >= ind:
            stack.pop()
        b = re.match(r'\s*block (\S+) x=([\d.]+) y=([\d.]+) w=([\d.]+) h=([\d.]+)(?: id=(\S+))?', line)
        if b:
            kind, x, y, w, h, uid = b.groups()
            stack.append((ind, uid, kind))
            cur = None
            if kind == 'P':
                units = [u for _, u, _ in stack if u]
                unit = units[-1] if units else None
                in_label = any(k == 'Lbl' for _, _, k in stack)
                cur = [page, unit, float(x), float(x) + float(w), [], in_label, ind]
                if unit and unit_re.match(unit):
                    (labels if in_label else paras).append(cur)
            continue
        l = re.match(r'\s*line x=([\d.]+) y=([\d.]+) w=([\d.]+) h=([\d.]+)', line)
        if l and cur is not None and ind == cur[6] + 2:
            cur[4].append((float(l.group(2)), float(l.group(4))))
    return paras, labels


def read_stext(path):
    """{page: [(c, x0, x1, baseline y, font name)]}"""
    pages = {}
    for n, pg in enumerate(ET.parse(path).getroot().iter('page'), 1):
        out = pages.setdefault(n, [])
        for font in pg.iter('font'):
            for ch in font.iter('char'):
                q = [float(v) for v in ch.get('quad').split()]
                out.append((ch.get('c'), min(q[0], q[4]), max(q[2], q[6]), float(ch.get('y')), font.get('name')))
    return pages


def on_line(chars, y, h, x0=None, x1=None):
    """The characters drawn on the line box at y (height h), without white space,
    direction controls and combining marks (an Arabic vowel mark has no advance of its
    own: its quad says nothing of the line's extent); between x0 and x1 when given
    (the number of a paragraph is on its first line, outside its box)."""
    return [c for c in chars if y < c[3] <= y + h + 0.01 and not c[0].isspace()
            and c[0] not in '\u2066\u2067\u2068\u2069\u200e\u200f'
            and not unicodedata.category(c[0]).startswith('M')
            and (x0 is None or (c[1] > x0 - 5 and c[2] < x1 + 5))]


def main():
    areas, stext = sys.argv[1], sys.argv[2]
    header = None
    for a in sys.argv[3:]:
        if a.startswith('--header='):
            header = a[len('--header='):].split(',')
    unit_re = re.compile(r'^(para-[\d-]+|note-\d+|.*-summary-\d+|body-\d+|.*-intro|venue-\d+|travel-\d+|hotel-\d+|visa-\d+)$')
    paras, labels = read_areas(areas, unit_re)
    pages = read_stext(stext)
    viol = []
    n_par = n_lines = n_ar = n_la = 0
    for pg in pages.values():
        for c, x0, x1, y, font in pg:
            if arabic(c):
                n_ar += 1
                if not font.startswith('Amiri'):
                    viol.append('Arabic %r in %s' % (c, font))
            elif latin(c):
                n_la += 1
                if not font.startswith('Liberation'):
                    viol.append('Latin %r in %s' % (c, font))
    for page, unit, bx0, bx1, lines, _, _ in paras:
        if len(lines) < 2:
            continue
        n_par += 1
        for i, (y, h) in enumerate(lines):
            cs = on_line(pages.get(page, []), y, h, bx0, bx1)
            if not cs:
                viol.append('%s line %d (page %d, y %.1f): no characters' % (unit, i + 1, page, y))
                continue
            n_lines += 1
            x0, x1 = min(c[1] for c in cs), max(c[2] for c in cs)
            if abs(x1 - bx1) > EPS:
                viol.append('%s line %d (page %d): ends at %.2f, not flush right (%.2f)' % (unit, i + 1, page, x1, bx1))
            last = i == len(lines) - 1
            if not last and abs(x0 - bx0) > EPS:
                viol.append('%s line %d (page %d): starts at %.2f, not flush left (%.2f): not justified' % (unit, i + 1, page, x0, bx0))
            if last and x0 < bx0 + 2:
                viol.append('%s last line (page %d) reaches %.2f: stretched to the left edge' % (unit, page, x0))
    if header:
        p1 = pages.get(1, [])
        def row_of(text):
            """The characters on the baseline of the first occurrence of text."""
            flat = [c for c in p1 if not c[0].isspace()]
            want = text.replace(' ', '')
            ys = sorted(set(round(c[3], 1) for c in flat))
            for yy in ys:
                row = [c for c in flat if abs(c[3] - yy) < 0.2]
                s = ''.join(c[0] for c in row)
                if want in s:
                    return row
            return None
        phone, email, code = header
        for value, label in ((phone, 'الهاتف'), ('+41227305853', 'الفاكس'), (email, 'البريد'), (code, None)):
            row = row_of(value)
            if not row:
                viol.append('header: %s not found on page 1' % value)
                continue
            v = [c for c in row if c[0].isascii()]
            lab = [c for c in row if arabic(c[0]) and c[1] > 297.64] if label else []
            if label and (not lab or min(c[1] for c in lab) < max(c[2] for c in v)):
                viol.append('header: the label of %s is not right of its value' % value)
            vis = ''.join(c[0] for c in sorted(v, key=lambda c: c[1]) if c[1] > 297.64)
            if value not in vis:
                viol.append('header: %s reads %r from left to right on the page: not kept in its order' % (value, vis))
            if min(c[1] for c in v) < 297.64:
                viol.append('header: %s is not in the right-hand column' % value)
        to = row_of('إدارات')
        if not to or max(c[2] for c in to) > 297.64:
            viol.append('header: the To list is not in the left-hand column')
        for page, unit, lx0, lx1, lines, _, _ in labels:
            cs = [c for c in pages.get(page, []) if lines and lines[0][0] < c[3] <= lines[0][0] + lines[0][1] + 0.01]
            digits = [c for c in cs if c[0].isdigit() and c[1] >= lx0 - EPS and c[2] <= lx1 + EPS]
            body = [c for c in cs if arabic(c[0])]
            if not digits or abs(max(c[2] for c in digits) - 538.58) > EPS or (body and max(c[2] for c in body) > min(c[1] for c in digits)):
                viol.append('paragraph number of %s not at the right edge, right of its text' % unit)
    print('paragraphs %d lines %d arabic %d latin %d labels %d' % (n_par, n_lines, n_ar, n_la, len(labels)))
    for v in viol:
        print('VIOLATION', v)
    return 1 if viol else 0


if __name__ == '__main__':
    sys.exit(main())
