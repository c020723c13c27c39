#!/usr/bin/env python3
"""parallel_html_check.py PAR.html A.html B.html — every unit of both pages is in its column
of the parallel page: the text of each leaf unit (an element with an id holding no other
id) of A's page in the first cells (td lang=A's language) of the rows of table.parallel,
B's in the second; ids unique. Exits 1 on a missing unit or a duplicate id."""
import html.parser, re, sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.kids = tag, dict(attrs), parent, []

    def text(self):
        return "".join(k if isinstance(k, str) else k.text() for k in self.kids)

    def iter(self):
        yield self
        for k in self.kids:
            if not isinstance(k, str):
                yield from k.iter()


class Tree(html.parser.HTMLParser):
    def __init__(self, data):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", [], None)
        self.feed(data)

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.kids.append(data)


def norm(s):
    return re.sub(r"\s+", "", s)


par = Tree(open(sys.argv[1], encoding="utf-8").read()).root
table = next(n for n in par.iter() if n.tag == "table" and n.attrs.get("class") == "parallel")
rows = [n for n in table.kids if not isinstance(n, str) and n.tag == "tbody"][0].kids
rows = [r for r in rows if not isinstance(r, str) and r.tag == "tr"]
cols = ["", ""]
for r in rows:
    tds = [k for k in r.kids if not isinstance(k, str) and k.tag == "td"]
    for i in range(2):
        cols[i] += norm(tds[i].text())
ids = [n.attrs["id"] for n in par.iter() if "id" in n.attrs]
bad = len(ids) - len(set(ids))
print(f"{len(rows)} rows, {bad} duplicate ids")
for side, page in enumerate(sys.argv[2:4]):
    root = Tree(open(page, encoding="utf-8").read()).root
    body = next(n for n in root.iter() if n.tag == "body")
    units = [n for n in body.iter() if "id" in n.attrs and not any("id" in d.attrs for d in n.iter() if d is not n)]
    missing = [u.attrs["id"] for u in units if norm(u.text()) not in cols[side]]
    print(f"{page}: {len(units)} units, {len(missing)} missing in column {side + 1}", " ".join(missing[:10]))
    bad += len(missing)
sys.exit(1 if bad else 0)
