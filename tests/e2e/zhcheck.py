#!/usr/bin/env python3
"""Chinese typesetting checks on a PDF's characters (TYPESETTING-ZH.md), for zh.test.sh.

  zhcheck.py stress-fo tests/unit/test_fo_cjk.c > stress.fo
      an FO of the stress paragraphs of the unit test (its PARAS array), justified, one page
      sequence per column width from 96 to 480 pt (20 mm margins, 12 pt)
  zhcheck.py check FILE.stext [--stress]
      per-character positions from `mutool draw -F stext`, checked line by line: line edges
      (items 1-3), Chinese-Latin gaps (7), adjacent full-width marks within 1.5 em (9),
      justified right edges with line-end marks at half width (8, 10), faces (11-13);
      --stress: the stress FO above (its minimums, and opening marks at line starts)

The right margin of every page is 20 mm from its right edge (the circular's body and the
stress FO). Exit status 1 on a violation.
"""
import re
import sys
import xml.etree.ElementTree as ET

NO_START = set("、，．。：；！？）」』”’》〉】〗〕…·～–—%⋯⸺")
NO_END = set("（「『“‘《〈【〖〔／")
OPEN = set("（「『“‘《〈【〖〔")
CLOSE_STOP = set("）」』”’》〉】〗〕、，。．")
# Full-width marks for pairs (item 9): brackets, quotes, and the stop marks of GB/T 15834
# (：；！？ too: in the Simplified Chinese forms their ink is in the left half).
PAUSE = set("：；！？")
MARKS = OPEN | CLOSE_STOP | PAUSE
MARGIN = 56.6929        # 20 mm
# Cairo 1.16 writes glyph positions as TJ adjustments in 1/1000 em and drops
# adjustments under 3 units, so positions in the PDF drift from the engine's by
# up to about 0.1 pt over a line of many small gaps (measured: 0.103 pt at
# 12 pt). The engine's own positions are exact and tests/unit/test_fo_cjk.c
# checks them to 0.01 pt; here the tolerance is 0.01 em (0.12 pt), still far
# below the half em a missing line-end compression or a lost gap would show.
EPS = 0.12
# A Latin letter ending a line keeps the advance it was shaped with, kerned against the
# space the break removed (Liberation Serif "T " -0.22 pt at 12 pt), where the PDF's
# width of the glyph is its plain advance.
KERN = 0.03


def han(c):
    return '\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf'


def latin(c):
    return c < '\u2e80' and c.isalnum()


def stress_fo(c_source):
    src = open(c_source, encoding='utf-8').read()
    body = re.search(r'PARAS\[\] = \{(.*?)\n\};', src, re.S).group(1)
    body = re.sub(r'/\*.*?\*/', '', body, flags=re.S)
    paras, cur = [], ''
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*(,?)', body):
        cur += m.group(1)
        if m.group(2):      # adjacent literals make one string, up to a comma
            paras.append(cur.replace('&', '&amp;').replace('<', '&lt;'))
            cur = ''
    out = ['<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>']
    widths = range(96, 481, 6)
    for w in widths:
        out.append('<fo:simple-page-master master-name="w%d" page-width="%.4fpt" page-height="900pt" '
                   'margin="20mm"><fo:region-body/></fo:simple-page-master>' % (w, w + 2 * MARGIN))
    out.append('</fo:layout-master-set>')
    for w in widths:
        out.append('<fo:page-sequence master-reference="w%d" language="zh" country="CN">'
                   '<fo:flow flow-name="xsl-region-body" font-family="Liberation Serif, Noto Serif CJK SC" '
                   'font-size="12pt" text-align="justify">' % w)
        out.extend('<fo:block space-after="6pt">%s</fo:block>' % p for p in paras)
        out.append('</fo:flow></fo:page-sequence>')
    out.append('</fo:root>')
    return '\n'.join(out) + '\n'


def page_rows(page):
    chars = []
    for font in page.iter('font'):
        name, size = font.get('name'), float(font.get('size'))
        for ch in font.iter('char'):
            q = [float(v) for v in ch.get('quad').split()]
            chars.append(dict(c=ch.get('c'), x=float(ch.get('x')), y=round(float(ch.get('y')), 1),
                              w=q[2] - q[0], font=name, size=size))
    rows = {}
    for ch in chars:
        rows.setdefault(ch['y'], []).append(ch)
    ys = sorted(rows)
    for k, y in enumerate(ys):
        row = sorted(rows[y], key=lambda ch: ch['x'])
        # the row before a gap wider than a line (space-after, or the page's end)
        # ends a paragraph; the row after one starts one
        first = None if k == 0 else y - ys[k - 1] > 17     # None: the page's first row
        last = k + 1 == len(ys) or ys[k + 1] - y > 17
        # split at gaps wider than 1.5 em (columns, list labels)
        segs, cur = [], [row[0]]
        for a, b in zip(row, row[1:]):
            if b['x'] - (a['x'] + a['w']) > 1.5 * a['size']:
                segs.append(cur)
                cur = []
            cur.append(b)
        segs.append(cur)
        for seg in segs:
            seg = [ch for ch in seg if ch['c'].strip()]
            if seg and any(han(ch['c']) for ch in seg):
                yield y, seg, first, last


def check_gaps(seg, where, stats, viol):
    hh = [b['x'] - (a['x'] + a['size']) for a, b in zip(seg, seg[1:]) if han(a['c']) and han(b['c'])]
    if not hh:  # no two ideographs side by side: the gaps between an ideograph and a mark
        hh = [b['x'] - (a['x'] + a['w']) for a, b in zip(seg, seg[1:])
              if (han(a['c']) and b['c'] in MARKS) or (a['c'] in MARKS and han(b['c']))]
    gap0 = sorted(hh)[len(hh) // 2] if hh else 0.0
    for a, b in zip(seg, seg[1:]):
        gap = b['x'] - (a['x'] + a['w'])
        em = max(a['size'], b['size'])
        if (han(a['c']) and latin(b['c'])) or (latin(a['c']) and han(b['c'])):
            stats['cjk_latin'] += 1
            if gap < 0.125 * em - EPS or gap > 0.25 * em + gap0 + EPS:
                viol.append('Chinese-Latin gap %.2f pt (%s%s): %s' % (gap, a['c'], b['c'], where))
        if a['c'] in MARKS and b['c'] in MARKS:
            # two adjacent marks take at most 1.5 em, justified or not (no space
            # is added between them)
            stats['pairs'] += 1
            ext = b['x'] + b['w'] - a['x']
            if ext > 1.5 * em + EPS:
                viol.append('marks %s%s take %.2f em: %s' % (a['c'], b['c'], ext / em, where))
            else:
                stats['pairs_ok'] += 1


def check_right(seg, right_margin, para_end, where, stats, viol):
    last = seg[-1]
    right = last['x'] + last['w']
    if last['c'] in CLOSE_STOP and last['w'] > 0.9 * last['size']:
        right = last['x'] + last['size'] / 2    # a line-end mark keeps its left half
    elif last['c'] in PAUSE and abs(last['x'] + last['size'] / 2 - right_margin) < EPS:
        right = last['x'] + last['size'] / 2    # half given to the opening mark after it
    elif latin(last['c']) and right_margin < right <= right_margin + KERN * last['size']:
        right = right_margin
    if para_end and right < right_margin + EPS:
        return      # a paragraph's last line (stress FO): ragged
    if right > right_margin + EPS:
        viol.append('line passes the right margin by %.3f pt: %s' % (right - right_margin, where))
    elif abs(right - right_margin) < 1.5:
        stats['justified'] += 1
        if last['c'] in CLOSE_STOP:
            stats['end_marks'] += 1
        if abs(right - right_margin) > EPS:
            viol.append('right edge %.3f, not %.3f: %s' % (right, right_margin, where))


def check_start(seg, para_start, where, stats, viol):
    """Stress FO only: every line starts at the left margin; an opening mark there is set in
    full width on a paragraph's first line, in half width (its blank left half off the
    line) on the lines after a break."""
    first = seg[0]
    x = first['x']
    if first['c'] in OPEN and para_start is None and abs(x - MARGIN) < EPS:
        stats['open_full'] += 1     # a page's first row: it may start the paragraph
    elif first['c'] in OPEN and not para_start:
        if abs(x - (MARGIN - first['size'] / 2)) > EPS:
            viol.append('opening mark at a line start at %.3f, not in half width at %.3f: %s' %
                        (x, MARGIN - first['size'] / 2, where))
        else:
            stats['open_half'] += 1
    elif abs(x - MARGIN) > EPS:
        viol.append('line starts at %.3f, not at the margin %.3f: %s' % (x, MARGIN, where))
    elif first['c'] in OPEN:
        stats['open_full'] += 1


def check(stext, stress):
    viol = []
    stats = dict(lines=0, justified=0, cjk_latin=0, pairs=0, pairs_ok=0, end_marks=0, han_faces=0,
                 open_half=0, open_full=0)
    doc = ET.parse(stext).getroot()
    for pn, page in enumerate(doc.iter('page'), 1):
        right_margin = float(page.get('width')) - MARGIN
        for y, seg, para_start, para_end in page_rows(page):
            stats['lines'] += 1
            text = ''.join(ch['c'] for ch in seg)
            where = 'page %d y=%.1f "%s"' % (pn, y, text)
            label = len(seg) > 1 and seg[1]['x'] - (seg[0]['x'] + seg[0]['w']) > 0.4 * seg[0]['size']
            if seg[0]['c'] in NO_START and not label:
                viol.append('line starts with ' + seg[0]['c'] + ': ' + where)
            if seg[-1]['c'] in NO_END:
                viol.append('line ends with ' + seg[-1]['c'] + ': ' + where)
            check_gaps(seg, where, stats, viol)
            for ch in seg:
                if han(ch['c']) or (ch['c'] in MARKS):
                    stats['han_faces'] += 1
                    if not re.match(r'Noto(Serif|Sans)CJKsc', ch['font']):
                        viol.append('%s from %s: %s' % (ch['c'], ch['font'], where))
            check_right(seg, right_margin, stress and para_end, where, stats, viol)
            if stress:
                check_start(seg, para_start, where, stats, viol)
    pct = 100.0 * stats['pairs_ok'] / stats['pairs'] if stats['pairs'] else 100.0
    print(('zh pdf: %(lines)d Chinese lines checked, %(justified)d at the right margin '
           '(%(end_marks)d ending with a half-width mark), %(cjk_latin)d Chinese-Latin gaps, '
           '%(pairs)d mark pairs (%(pairs_ok)d within 1.5 em, ' % stats) + '%.1f%%), ' % pct +
          ('%(open_half)d opening marks at a line start in half width, %(open_full)d in full, '
           '%(han_faces)d Chinese faces' % stats) + '; violations: %d' % len(viol))
    for v in viol[:int(__import__("os").environ.get("ZHMAX", "30"))]:
        print('  ' + v)
    bad = viol or stats['lines'] < 100 or stats['justified'] < 20 or stats['end_marks'] < 1
    if stress:
        bad = bad or stats['pairs'] < 1000 or stats['open_half'] < 10
    else:
        bad = bad or stats['cjk_latin'] < 50
    return 1 if bad else 0


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == 'stress-fo':
        sys.stdout.write(stress_fo(sys.argv[2]))
        sys.exit(0)
    if len(sys.argv) in (3, 4) and sys.argv[1] == 'check':
        sys.exit(check(sys.argv[2], '--stress' in sys.argv[3:]))
    sys.exit(__doc__)
