#!/usr/bin/env python3
"""Per-character checks of French, Spanish and Russian PDFs (tests/e2e/langs.test.sh).

usage: langs.py LANG FILE.stext FILE.html [--min-hyphenated N]

Reads the characters of `mutool draw -F stext` with their positions, groups them into
lines (one baseline, split where a gap wider than 1.5 em separates columns or a list
label from its body) and checks what the language's typography asks for:

  fr  no line starts with ; : ! ? » % or ends with «; a narrow space (a space of
      0.2 em: U+202F in Liberation, which the PDF's text maps to a space) before
      every ; : ! ? », after every «; a space before every % after a number.
  es  no line starts with a closing mark or ends with an opening one (¿ ¡ « ( [).
  ru  the same, and no line starts with an em dash.
  all every hyphenated line end (a - after a letter, the word going on at the start
      of the next line of the same column, not a hyphen of the text itself) is a
      break point of the language's Debian patterns (Liang's algorithm on
      /usr/share/hyphen/hyph_LANG*.dic), and there are at least N of them (3);
      Latin and Cyrillic letters only in the Liberation faces.

Prints one line per violation and a summary; exit status 1 on a violation."""
import glob
import html as htmlmod
import re
import sys
import xml.etree.ElementTree as ET

lang, stext, html_path = sys.argv[1:4]
min_hyph = int(sys.argv[5]) if sys.argv[4:5] == ['--min-hyphenated'] else 3

CLOSING = set(')]}»”’,.;:!?…%')
OPENING = set('([{«“„¿¡')
HIGH = set(';:!?')


def load_patterns(lang):
    files = sorted(glob.glob('/usr/share/hyphen/hyph_%s_*.dic' % lang) +
                   glob.glob('/usr/share/hyphen/hyph_%s.dic' % lang))
    usual = {'fr': 'FR', 'es': 'ES', 'ru': 'RU'}.get(lang)
    pick = [f for f in files if f.endswith('_%s_%s.dic' % (lang, usual))] or files
    if not pick:
        return None
    raw = open(pick[0], 'rb').read()
    enc = raw.split(b'\n', 1)[0].strip().decode('ascii', 'replace')
    text = raw.decode({'KOI8-R': 'koi8_r', 'ISO8859-1': 'latin-1'}.get(enc, 'utf-8'), 'replace')
    lines = [l.strip() for l in text.split('\n')[1:]]
    if 'NEXTLEVEL' in lines:          # the first level is for compounds and elisions
        lines = lines[lines.index('NEXTLEVEL') + 1:]
    pats = {}
    for l in lines:
        if not l or l.startswith('%') or '/' in l or re.match(r'^[A-Z]+(\s|$)', l):
            continue
        letters = re.sub(r'\d', '', l)
        digits = [0] * (len(letters) + 1)
        i = 0
        for ch in l:
            if ch.isdigit():
                digits[i] = int(ch)
            else:
                i += 1
        pats[letters] = digits
    return pats


def break_points(pats, word):
    w = '.' + word.lower() + '.'
    v = [0] * (len(w) + 1)
    for i in range(len(w)):
        for j in range(i + 1, len(w) + 1):
            p = pats.get(w[i:j])
            if p:
                for k, d in enumerate(p):
                    v[i + k] = max(v[i + k], d)
    # v[k + 1] is the value between word[k - 1] and word[k]
    return {k for k in range(2, len(word) - 1) if v[k + 1] % 2 == 1}


doc = ET.parse(stext).getroot()
html_text = htmlmod.unescape(re.sub(r'<[^>]+>', ' ', open(html_path, encoding='utf-8').read()))
viol = []
stats = dict(lines=0, marks=0, hyphenated=0, faces=0)
segs_by_page = []
for pn, page in enumerate(doc.iter('page'), 1):
    chars = []
    for font in page.iter('font'):
        name, size = font.get('name'), float(font.get('size'))
        for ch in font.iter('char'):
            q = [float(v) for v in ch.get('quad').split()]
            chars.append(dict(c=ch.get('c'), x=float(ch.get('x')), y=round(float(ch.get('y')), 1),
                              w=q[2] - q[0], font=name, size=size))
    for ch in chars:
        c = ch['c']
        if c.isalpha() and ('\u0041' <= c <= '\u024f' or '\u0400' <= c <= '\u04ff'):
            stats['faces'] += 1
            if not ch['font'].startswith('Liberation'):
                viol.append('page %d: %s in the face %s' % (pn, c, ch['font']))
    rows = {}
    for ch in chars:
        rows.setdefault(ch['y'], []).append(ch)
    segs = []
    for y in sorted(rows):
        row = sorted(rows[y], key=lambda ch: ch['x'])
        cur = [row[0]]
        for a, b in zip(row, row[1:]):
            if b['x'] - (a['x'] + a['w']) > 1.5 * a['size']:
                segs.append(cur)
                cur = []
            cur.append(b)
        segs.append(cur)
    segs = [s for s in segs if ''.join(ch['c'] for ch in s).strip()]
    segs_by_page.append((pn, segs))

pats = load_patterns(lang)
for pn, segs in segs_by_page:
    for si, seg in enumerate(segs):
        text = ''.join(ch['c'] for ch in seg)
        where = 'page %d y=%.1f "%s"' % (pn, seg[0]['y'], text.strip())
        stats['lines'] += 1
        ink = [ch for ch in seg if ch['c'].strip()]
        first, last = ink[0]['c'], ink[-1]['c']
        if first in CLOSING:
            viol.append('line starts with %s: %s' % (first, where))
        if last in OPENING:
            viol.append('line ends with %s: %s' % (last, where))
        if lang == 'ru' and first == '—':
            viol.append('line starts with an em dash: %s' % where)
        if lang == 'fr':
            for i, ch in enumerate(seg):
                c = ch['c']
                if c in HIGH or c == '»' or c == '%':
                    before = seg[i - 1] if i > 0 else None
                    if c in HIGH and before is not None and before['c'] in HIGH:
                        continue                       # ?!
                    if c in HIGH and before is not None and before['c'].isdigit() and i + 1 < len(seg) and seg[i + 1]['c'].isdigit():
                        continue                       # 23:59
                    stats['marks'] += 1
                    if c == '%':
                        if i < 2 or not seg[i - 2]['c'].isdigit() or before['c'] != ' ':
                            viol.append('no space before %%: %s' % where)
                        continue
                    if before is None or before['c'] != ' ' or abs(before['w'] - 0.2 * before['size']) > 0.02 * before['size']:
                        got = 'none' if before is None or before['c'] != ' ' else '%.2f em' % (before['w'] / before['size'])
                        viol.append('%s without a narrow space before it (%s): %s' % (c, got, where))
                if c == '«':
                    stats['marks'] += 1
                    after = seg[i + 1] if i + 1 < len(seg) else None
                    if after is None or after['c'] != ' ' or abs(after['w'] - 0.2 * after['size']) > 0.02 * after['size']:
                        viol.append('« without a narrow space after it: %s' % where)
        # Hyphenation: "...infor-" then "mation..." at the start of the next line of the column.
        if pats is None or len(ink) < 2 or last != '-' or not ink[-2]['c'].isalpha():
            continue
        x0 = seg[0]['x']
        nxt = [s for s in segs[si + 1:] if s[0]['y'] > seg[0]['y'] and abs(s[0]['x'] - x0) < 1.0
               and s[0]['y'] - seg[0]['y'] < 3 * seg[0]['size']]
        if not nxt:
            continue
        head = re.match(r'\w+', ''.join(ch['c'] for ch in nxt[0]).strip())
        tail = re.search(r'(\w+)-$', text.rstrip())
        if not head or not tail:
            continue
        frag, rest = tail.group(1), head.group(0)
        if (frag + '-' + rest) in html_text or (frag + '‑' + rest) in html_text:
            continue                                   # a hyphen of the text itself
        stats['hyphenated'] += 1
        word = frag + rest
        if len(frag) not in break_points(pats, word):
            viol.append('hyphenation %s-%s is not a break point of the %s patterns: %s' % (frag, rest, lang, where))

if pats is not None and stats['hyphenated'] < min_hyph:
    viol.append('only %d hyphenated words (hyphenation off?)' % stats['hyphenated'])
if lang == 'fr' and stats['marks'] == 0:
    viol.append('no ; : ! ? « » % at all')
for v in viol[:40]:
    print(v)
print('%s: %d lines, %d French marks, %d hyphenated words checked, %d letters in Liberation faces, %d violations'
      % (lang, stats['lines'], stats['marks'], stats['hyphenated'], stats['faces'], len(viol)))
sys.exit(1 if viol else 0)
