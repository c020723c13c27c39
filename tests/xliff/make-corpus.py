#!/usr/bin/env python3
"""Makes the damaged XLIFF corpus of tests/xliff/ from good.xlf and good-1.2.xlf
(circgen xliff extract source.xml --target-lang zh --translation target.xml, in this
folder). Each damaged file is the good one with one fault; EXPECT lists, for each,
the exit status and the diagnostic of circgen xliff merge. Run it again (from this
folder) after changing source.xml or target.xml, and check the diff of EXPECT."""
import re
import sys

good = open('good.xlf', encoding='utf-8').read()
good12 = open('good-1.2.xlf', encoding='utf-8').read()
out = []   # (name, status, message, args)


def unit(text, uid):
    """The span of one unit's XML in text."""
    m = re.search(r'<(unit|trans-unit) id="%s".*?</\1>' % re.escape(uid), text, re.S)
    assert m, uid
    return m.start(), m.end()


def target(text, uid):
    a, b = unit(text, uid)
    m = re.search(r'<target[^>]*>(.*?)</target>', text[a:b], re.S)
    assert m, uid
    return a + m.start(1), a + m.end(1)


def edit_target(text, uid, fn):
    a, b = target(text, uid)
    new = fn(text[a:b])
    assert new != text[a:b], uid
    return text[:a] + new + text[b:]


def line_col(text, needle):
    i = text.index(needle)
    line = text.count('\n', 0, i) + 1
    col = i - (text.rfind('\n', 0, i) + 1) + 1
    return line, col


def write(name, text, status, message, args='', binary=None):
    data = binary if binary is not None else text.encode('utf-8')
    open(name, 'wb').write(data)
    out.append((name, status, message, args))


def at(text, needle):
    """file:line:col: of the element whose start tag is needle's first occurrence."""
    line, col = line_col(text, needle)
    return '%d:%d: error: ' % (line, col)


PH2 = re.compile(r'<ph id="2"[^>]*/>')

# 1. A placeholder that cannot be deleted is missing.
t = edit_target(good, 'para-3', lambda s: PH2.sub('', s, 1))
write('missing-code.xlf', t, 1, "unit 'para-3': the target lacks the code 2 (<deadline> \"23:59 hours UTC on 21 November 2025\"), which cannot be deleted")
# 2. A code id the source unit does not have.
t = edit_target(good, 'para-2', lambda s: s.replace('。', '<ph id="9"/>。'))
write('unknown-code.xlf', t, 1, at(t, '<ph id="9"/>') + "unit 'para-2': code '9' is not a code of the source unit")
# 3. A code twice.
t = edit_target(good, 'note-1', lambda s: re.sub(r'(<ph id="1"[^>]*/>)', r'\1\1', s, 1))
write('duplicate-code.xlf', t, 1, "unit 'note-1': code 1 (<rec>) appears more than once in the target")
# 4. An extra code: a placeholder of the source written as a paired code.
t = edit_target(good, 'note-1', lambda s: re.sub(r'<ph id="1"[^>]*/>', '<pc id="1">A.5</pc>', s, 1))
write('wrong-kind.xlf', t, 1, at(t, '<pc id="1">A.5') + "unit 'note-1': code 1 (<rec>) is a placeholder in the source, not a paired code")
# 5-7. Paired codes unbalanced or overlapping (start and end codes).
t = edit_target(good, 'para-4', lambda s: re.sub(r'<pc id="1"[^>]*>(.*?)</pc>', r'<sc id="1"/>\1', s, 1))
write('unclosed-code.xlf', t, 1, at(t, '<sc id="1"/>') + "unit 'para-4': paired code 1 (<b>) is opened but never closed")
t = edit_target(good, 'para-4', lambda s: re.sub(r'<pc id="1"[^>]*>(.*?)</pc>', r'\1<ec startRef="1"/>', s, 1))
write('unopened-code.xlf', t, 1, at(t, '<ec startRef="1"/>') + "unit 'para-4': paired code 1 (<b>) is closed but not opened")
t = edit_target(good, 'para-4', lambda s: re.sub(r'<pc id="2"[^>]*>(.*?)</pc>', r'<sc id="2"/>\1<ec startRef="2"/>', s, 1))
t = edit_target(t, 'para-4', lambda s: re.sub(r'<pc id="1"[^>]*>(.*?)</pc>', r'<sc id="1"/>\1<ec startRef="1"/>', s, 1))
a, b = target(t, 'para-4')
seg = t[a:b].replace('<ec startRef="1"/>', '', 1).replace('<ec startRef="2"/>', '<ec startRef="1"/><ec startRef="2"/>', 1)
seg = seg.replace('<sc id="2"/>', '', 1).replace('<sc id="1"/>', '<sc id="1"/><sc id="2"/>', 1)
seg = seg.replace('<ec startRef="1"/><ec startRef="2"/>', '<ec startRef="2"/>', 1)
i = seg.index('<sc id="2"/>') + len('<sc id="2"/>') + 3
seg = seg[:i] + '<ec startRef="1"/>' + seg[i:]
t = t[:a] + seg + t[b:]
write('overlapping-codes.xlf', t, 1, at(t, '<ec startRef="1"/>') + "unit 'para-4': paired codes 2 and 1 overlap")
# 8. A unit id that is not in the source.
t = good.replace('<unit id="para-2"', '<unit id="para-99"', 1)
write('unknown-unit.xlf', t, 1, at(t, '<unit id="para-99"') + "unit 'para-99' is not a unit of")
# 9. A group's id as a unit.
t = good.replace('<unit id="place"', '<unit id="annex-1"', 1)
write('group-as-unit.xlf', t, 1, at(t, '<unit id="annex-1"') + "unit 'annex-1' is a group in")
# 10. A unit twice.
a, b = unit(good, 'para-2')
t = good[:b] + '\n      ' + good[a:b] + good[b:]
write('duplicate-unit.xlf', t, 1, "unit 'para-2' appears twice (first at line %d)" % line_col(good, '<unit id="para-2"')[0])
# 11-14. Markup and entities in a target.
t = edit_target(good, 'para-2', lambda s: s.replace('。', '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>。'))
write('script.xlf', t, 1, at(t, '<script') + "unit 'para-2': the target holds markup <script> (namespace http://www.w3.org/1999/xhtml)")
t = edit_target(good, 'para-2', lambda s: s.replace('。', '<para xmlns="urn:circgen:tsb-circular" id="x">!</para>。'))
write('source-markup.xlf', t, 1, at(t, '<para xmlns') + "unit 'para-2': the target holds markup <para> (namespace urn:circgen:tsb-circular)")
t = edit_target(good, 'para-2', lambda s: s.replace('。', '<?php echo 1; ?>。'))
write('processing-instruction.xlf', t, 1, "unit 'para-2': the target holds a processing instruction")
t = good.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                 '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', 1)
t = edit_target(t, 'para-2', lambda s: s.replace('。', '&xxe;。'))
write('xxe.xlf', t, 1, "entity declaration 'xxe' (external, 'file:///etc/passwd') is not allowed")
t = edit_target(good, 'para-2', lambda s: s.replace('。', '&nbsp;。'))
write('undefined-entity.xlf', t, 1, "(in unit 'para-2')")
t = good.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                 '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xliff SYSTEM "http://example.com/xliff.dtd">\n', 1)
write('doctype.xlf', t, 1, 'a DOCTYPE declaration is not allowed')
# 15. Invalid UTF-8 in a target.
t = edit_target(good, 'para-2', lambda s: s.replace('。', 'INVALID。'))
line, col = line_col(t, 'INVALID')
write('invalid-utf8.xlf', t, 1, "%d:%d: error: invalid UTF-8 (byte 0xff) in unit 'para-2'" % (line, col),
      binary=t.encode('utf-8').replace(b'INVALID', b'\xff\xfe', 1))
# 16-17. Made for another source; no hash.
t = re.sub(r'sha256:[0-9a-f]{8}', 'sha256:00000000', good, 1)
write('other-source.xlf', t, 1, at(t, '<note category="circgen-source-hash"') + "the file was made for another source")
t = re.sub(r'\s*<note category="circgen-source-hash"[^<]*</note>', '\n      <note category="comment">none</note>', good, 1)
write('no-hash.xlf', t, 1, "the file records no hash of its source")
# 18-19. Languages.
t = edit_target(good, 'para-2', lambda s: s)  if False else good
a, b = target(good, 'para-2')
i = good.rfind('<target', 0, a)
t = good[:i] + '<target xml:lang="fr"' + good[i + len('<target'):]
write('target-lang.xlf', t, 1, at(t, '<target xml:lang="fr"') + "unit 'para-2': the target's language is 'fr', the file's is 'zh'")
t = good.replace('srcLang="en"', 'srcLang="fr"', 1)
write('source-lang.xlf', t, 1, "the file's source language is 'fr', source.xml is in 'en'")
t = good.replace(' trgLang="zh"', '', 1)
write('no-target-lang.xlf', t, 1, "the file names no target language (trgLang)")
# 20-22. Not XLIFF, not well-formed, two files.
t = good.replace('urn:oasis:names:tc:xliff:document:2.0', 'urn:example:not-xliff', 1)
write('not-xliff.xlf', t, 1, "not an XLIFF 2.0 or 1.2 file")
t = edit_target(good, 'para-2', lambda s: s.replace('。', '<b>。'))
write('not-well-formed.xlf', t, 1, "(in unit 'para-2')")
i = good.index('</xliff>')
f = good[good.index('  <file'):good.index('</file>') + len('</file>')]
t = good[:i] + f.replace('id="f1"', 'id="f2"', 1) + '\n' + good[i:]
write('two-files.xlf', t, 1, "more than one <file>")
t = edit_target(good, 'para-2', lambda s: s.replace('。', '<cp hex="0001"/>。'))
write('code-point.xlf', t, 1, at(t, '<cp hex') + "unit 'para-2': the target holds markup <cp>")
# 23. Missing and empty targets: kept with a warning, refused with --strict.
t = edit_target(good, 'para-2', lambda s: '')
write('empty-target-strict.xlf', t, 1, "unit 'para-2' has no target (or an empty one) (--strict)", '--strict')
# 24-26. XLIFF 1.2.
t = edit_target(good12, 'para-3', lambda s: re.sub(r'<ph id="2".*?</ph>', '', s, 1))
write('v12-missing-code.xlf', t, 1, "unit 'para-3': the target lacks the code 2 (<deadline>")
t = edit_target(good12, 'note-2', lambda s: re.sub(r'<g id="1"[^>]*>(.*?)</g>', r'<bpt id="1">[</bpt>\1', s, 1))
write('v12-unclosed-code.xlf', t, 1, "unit 'note-2': paired code 1 (<i>) is opened but never closed")
t = edit_target(good12, 'para-2', lambda s: s.replace('。', '<x id="7"/>。'))
write('v12-unknown-code.xlf', t, 1, at(t, '<x id="7"/>') + "unit 'para-2': code '7' is not a code of the source unit")
t = good12.replace('target-language="zh"', 'target-language="zh"', 1)
a, b = target(good12, 'para-2')
i = good12.rfind('<target', 0, a)
t = good12[:i] + '<target xml:lang="ru"' + good12[i + len('<target'):]
write('v12-target-lang.xlf', t, 1, "unit 'para-2': the target's language is 'ru', the file's is 'zh'")
t = good12.replace('<trans-unit id="para-2"', '<trans-unit id="nowhere"', 1)
write('v12-unknown-unit.xlf', t, 1, "unit 'nowhere' is not a unit of")

with open('EXPECT', 'w', encoding='utf-8') as e:
    e.write('# The damaged XLIFF corpus (made by make-corpus.py): one line per file,\n'
            '# "file|exit status|expected diagnostic|extra arguments of circgen xliff merge".\n'
            '# The diagnostic is a substring of stderr; when it starts with LINE:COL it follows\n'
            '# the file name. No file may leave an output.\n')
    for name, status, msg, args in out:
        if re.match(r'\d+:\d+: ', msg):
            msg = name + ':' + msg
        e.write('%s|%d|%s|%s\n' % (name, status, msg, args))
print('%d damaged files' % len(out), file=sys.stderr)
