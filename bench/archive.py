#!/usr/bin/env python3
"""A synthetic archive of N documents made from the samples, for bench/archive.sh.

Document i is a variant of sample folder i mod S (every document kind the samples
have), written in every language version that sample has (samples/DOC/LANG.xml ->
OUT/DOC-i/LANG.xml): whatever kinds and languages exist are used, none is assumed.
Each variant changes what a real archive varies, the same way in all its language
versions so that they stay aligned:
  - the root's number attribute (when it is a number): 100 + i;
  - every ISO date and date-time attribute shifted by the same number of days
    (i * 37 mod 3650), so dates stay real and ranges stay ordered;
  - its length: elements with an id that have a sibling of the same name (the
    paragraphs of a letter, the drafts of an annex, the items of a list; not the
    root's own children such as annexes) are repeated 1 to 3 times (ids suffixed
    -kK, Recommendation numbers .K) or cut to their first half and last one (LENGTHS).
Every variant is then checked with `circgen check`; one the document's type refuses
is made again with fewer changes (no repetition, then the sample itself with its
number), so that a new kind with rules of its own still gives valid documents.

usage: archive.py CIRCGEN SAMPLES OUT N   prints "DOCS SOURCES KINDS LANG..."
       archive.py --watch DEPTH REPORT CMD...
                                          runs CMD and samples, every 0.1 s, the resident
                                          memory of its descendants DEPTH levels down (1:
                                          its children); writes to REPORT one line per process:
                                          "PID SAMPLES RSS_AT_10% RSS_AT_50% RSS_AT_90% MAX"
                                          (KiB; at 10% of the samples, ...)
"""
import copy
import datetime
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# Lengths, in turn: half the sample (0), the sample (1), twice, three times its
# repeatable parts.
LENGTHS = (0, 1, 1, 2, 0, 1, 3)
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
RECNO = re.compile(r"^[A-Z]+\.[0-9A-Za-z.-]+$")


def shift_date(value, days):
    m = DATE.match(value)
    if not m:
        return value
    try:
        d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return value
    return (d + datetime.timedelta(days=days)).isoformat() + (m.group(4) or "")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def suffix_copy(el, k):
    """A copy of el whose ids (and Recommendation numbers) are those of copy k."""
    c = copy.deepcopy(el)
    for e in c.iter():
        if "id" in e.attrib:
            e.set("id", "%s-k%d" % (e.get("id"), k))
        for a in ("number", "former"):
            if a in e.attrib and RECNO.match(e.get(a)):
                e.set(a, "%s.%d" % (e.get(a), k))
    return c


def repeat(parent, times):
    """Elements with an id and a same-named sibling repeated `times` times in place (the
    outermost such elements only: their copies are whole); times 0: only the first half
    of them and the last kept."""
    kids = list(parent)
    names = [k.tag for k in kids]
    rep = [k for k in kids if "id" in k.attrib and names.count(k.tag) > 1]
    out = []
    seen = {}
    for kid in kids:
        if kid in rep and times == 0:
            seen[kid.tag] = seen.get(kid.tag, 0) + 1
            if (names.count(kid.tag) + 1) // 2 < seen[kid.tag] < names.count(kid.tag):
                continue
        out.append(kid)
        if kid not in rep:
            repeat(kid, times)
            continue
        for k in range(2, times + 1):
            c = suffix_copy(kid, k)
            c.tail = kid.tail
            out.append(c)
    parent[:] = out


def variant(src, i, level):
    """Sample src as document i; level 0: every change, 1: no repetition, 2: number only."""
    tree = ET.parse(src)
    root = tree.getroot()
    if root.get("number", "").isdigit():
        root.set("number", str(100 + i))
    if level < 2:
        days = i * 37 % 3650
        for e in root.iter():
            for a, v in list(e.attrib.items()):
                if DATE.match(v):
                    e.set(a, shift_date(v, days))
    if level < 1:
        for kid in root:        # the root's own parts (annexes, ...) are kept as they are
            repeat(kid, LENGTHS[i % len(LENGTHS)])
    return tree


def namespaces(path):
    """The namespace declarations of a file, so that they are written back as they were."""
    for _, (prefix, uri) in ET.iterparse(path, events=["start-ns"]):
        ET.register_namespace(prefix, uri)


def write(tree, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def refused(circgen, files):
    """The files circgen check refuses."""
    bad = set()
    for n in range(0, len(files), 200):
        chunk = files[n:n + 200]
        r = subprocess.run([circgen, "check"] + chunk, capture_output=True, text=True)
        if r.returncode:
            for f in chunk:
                if f + ":" in r.stderr and f + ": valid" not in r.stdout:
                    bad.add(f)
    return bad


def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def rss(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def watch(cmd):
    import time
    depth, report, cmd = int(cmd[0]), cmd[1], cmd[2:]
    p = subprocess.Popen(cmd)
    seen = {}
    while p.poll() is None:
        level = [p.pid]
        for _ in range(depth):
            level = [c for q in level for c in children(q)]
        for c in level:
            r = rss(c)
            if r is not None:
                seen.setdefault(c, []).append(r)
        time.sleep(0.1)
    with open(report, "w") as f:
        for pid, rs in sorted(seen.items()):
            if len(rs) < 3:
                continue
            at = lambda q: rs[min(len(rs) - 1, int(q * len(rs)))]
            print(pid, len(rs), at(0.1), at(0.5), at(0.9), max(rs), file=f)
    return p.returncode


def main():
    if sys.argv[1] == "--watch":
        sys.exit(watch(sys.argv[2:]))
    circgen, samples, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    docs = []
    for d in sorted(os.listdir(samples)):
        langs = sorted(f for f in os.listdir(os.path.join(samples, d)) if f.endswith(".xml"))
        if langs:
            docs.append((d, [os.path.join(samples, d, f) for f in langs]))
    for _, files in docs:
        for f in files:
            namespaces(f)
    made = {}                   # output file -> (sample file, i)
    for i in range(n):
        name, files = docs[i % len(docs)]
        for f in files:
            path = os.path.join(out, "%s-%04d" % (name, i), os.path.basename(f))
            write(variant(f, i, 0), path)
            made[path] = (f, i)
    todo = sorted(made)
    for level in (1, 2, 3):
        bad = refused(circgen, todo)
        if not bad:
            break
        for path in bad:
            f, i = made[path]
            write(variant(f, i, level) if level < 3 else ET.parse(f), path)
        todo = sorted(bad)
    langs = sorted({os.path.basename(p)[:-4] for p in made})
    print(n, len(made), len(docs), " ".join(langs))


if __name__ == "__main__":
    main()
