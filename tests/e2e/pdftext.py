#!/usr/bin/env python3
"""Text checks on circgen's PDFs (used by tests/e2e/pdf.test.sh).

  pdftext.py same PAGE.html DOC.pdf   the PDF and the HTML carry the same text in the
                                      same order, white space and page furniture aside
  pdftext.py seed SEED.txt DOC.pdf DOC.html
                                      every sentence of the seed text is in the PDF
                                      (the HTML tells the PDF's page furniture)
  pdftext.py tagged PAGE.html DOC.pdf the text of the PDF's structure tree (what a screen
                                      reader reads: pdfinfo -struct-text) is the HTML's
                                      text in the same order: nothing left out, no page
                                      furniture inside it
  pdftext.py footnotes PAGE.html DOC.pdf
                                      every footnote of the HTML (its notes section) is
                                      in the PDF on the page of its call, and there once

Footnotes: the HTML gives them as notes at the end of a part (section.footnotes), the
PDF at the foot of the page of their call (and the structure tree where the engine
puts them). "same" and "tagged" compare the text without them, then find each note's
text (number and words) in the PDF text once.

Page furniture is what repeats at the top and the bottom of pages: static content (the running
header "- 2 -" and the document's name; footers such as "1 / 2" and the address
footer, which the HTML carries once, at its end) and a table's header rows repeated
on each page the table runs onto (in the HTML a caption or a row marked data-repeated). A hyphen at the end of a PDF line may
be a hyphenation point: it matches nothing in the HTML.
"""
import html.parser
import re
import subprocess
import sys


class HTMLText(html.parser.HTMLParser):
    """The text of <body>, and separately that of <footer> and <title>."""

    def __init__(self):
        super().__init__()
        self.body, self.footer, self.title, self.captions = [], [], [], []
        self.notes = []      # the text of each footnote of a notes section
        self.calls = []      # (number, the body text before the call)
        self.stack = []      # (tag, attributes)

    def within(self, test):
        return any(test(t, a) for t, a in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in ("br", "meta", "link", "img", "input", "hr"):
            self.stack.append((tag, a))
        if tag == "li" and self.within(lambda t, x: "footnotes" in x.get("class", "").split()):
            self.notes.append("")
        if tag == "tr" and a.get("data-repeated"):
            self.row = len(self.captions)     # the row's whole text, then each cell's
            self.captions.append("")

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        if "style" in tags or "script" in tags:
            return
        if "title" in tags:
            self.title.append(data)
        elif "footer" in tags:
            self.footer.append(data)
        elif self.within(lambda t, x: "footnotes" in x.get("class", "").split()):
            if self.notes:
                self.notes[-1] += data
        elif "body" in tags:
            if self.within(lambda t, x: "fn-ref" in x.get("class", "").split()):
                self.calls.append((data.strip(), squeeze("".join(self.body))))
            self.body.append(data)
            if self.within(lambda t, x: t == "tr" and x.get("data-repeated")):
                self.captions[self.row] += data
                self.captions.append(data)
            elif self.within(lambda t, x: t == "caption" and x.get("data-repeated")):
                self.captions.append(data)


CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def invisible(c):
    return c.isspace() or c in CONTROLS


def squeeze(s):
    """White space and the invisible direction controls (the isolates of a
    right-to-left text, the embeddings pdftotext puts around Arabic letters) removed."""
    return re.sub(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", s)


def pdf_pages(path):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", path], capture_output=True, text=True, check=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-raw", "-f", str(p), "-l", str(p), path, "-"],
                           capture_output=True, text=True, check=True).stdout
            for p in range(1, n + 1)]


def is_furniture(line, furniture):
    return (not squeeze(line) or squeeze(line) in furniture
            or re.fullmatch(r"-\d+-", squeeze(line))
            or re.fullmatch(r"\d+/\d+", squeeze(line)))


def strip_furniture(pages, furniture):
    """Drop the lines of each page that are page furniture: the leading ones
    (region-before, drawn first) and the trailing ones (region-after, drawn
    last)."""
    out = []
    for i, text in enumerate(pages, 1):
        lines = text.replace("\f", "").split("\n")
        while lines:
            while lines and is_furniture(lines[0], furniture):
                lines.pop(0)
            k = furniture_run(lines, furniture, head=True)
            if not k:
                break
            del lines[:k]
        while lines:
            while lines and is_furniture(lines[-1], furniture):
                lines.pop()
            k = furniture_run(lines, furniture, head=False)
            if not k:
                break
            del lines[-k:]
        out.append("\n".join(lines))
    return "\n".join(out)


def furniture_run(lines, furniture, head):
    """The number of lines at the head (or the tail) of a page that together make one
    line of furniture: pdftotext may give a right-to-left line of small type a line
    per letter (the Arabic address footer). 0 if none."""
    for k in range(1, min(len(lines), 400) + 1):
        part = squeeze("".join(lines[:k] if head else lines[-k:]))
        # the running head's "- 2 -" may come on one line with the name after it
        if (k > 1 and (part in furniture or re.fullmatch(r"\d+/\d+|-\d+-", part))) or (head and re.sub(r"^-\d+-", "", part) in furniture
                                             and part != re.sub(r"^-\d+-", "", part)):
            return k
    return 0


def match(pdf, html_text, any_hyphen=False):
    """Compare white-space-free texts; a hyphen before a PDF line end (any hyphen
    with any_hyphen: the structure tree's text has no line ends) is optional.
    Returns None or a description of the first difference."""
    p = []  # (char, optional)
    for i, c in enumerate(pdf):
        if invisible(c):
            continue
        optional = c in "-\u00ad\u2010" and (any_hyphen or pdf[i + 1:i + 2] == "\n")
        p.append((c, optional))
    h = squeeze(html_text)
    i = j = 0
    while i < len(p) and j < len(h):
        c, optional = p[i]
        if any_hyphen and c != h[j] and "\ufffd" in [x for x, _ in p[i:i + 3]]:
            # the last marks read before U+FFFD are the start of the cluster poppler
            # lost (see below)
            while p[i][0] != "\ufffd":
                i += 1
            c = p[i][0]
        if c == "\ufffd" and any_hyphen:
            # poppler's structure text: a nested span with ActualText (Cairo writes one
            # for a cluster it cannot map glyph by glyph: an Arabic letter drawn as two
            # glyphs, fatha and shadda on one letter) ends the element's text there with
            # U+FFFD; poppler does not read the rest of that element (the PDF has it:
            # "same" compares all of it). Skip to where the structure text goes on (the
            # next element), at the nearest place the HTML has it: the order of all
            # the rest is still checked.
            nxt = "".join(x for x, _ in p[i + 1:i + 13]).split("\ufffd")[0][:12]
            k = h.find(nxt, j) if nxt else len(h)
            if k < 0:
                return "U+FFFD in the structure text at HTML char %d, not followed by the HTML's text" % j
            i += 1
            j = k
            continue
        if c == h[j]:
            i += 1
            j += 1
        elif optional:
            i += 1
        else:
            return "differ at HTML char %d: PDF …%s… HTML …%s…" % (
                j, "".join(x for x, _ in p[max(0, i - 30):i + 30]), h[max(0, j - 30):j + 30])
    if i < len(p) or j < len(h):
        return "one text is longer: PDF rest …%s… HTML rest …%s…" % (
            "".join(x for x, _ in p[i:i + 60]), h[j:j + 60])
    return None


def hyphenated(needle):
    """A pattern of needle in white-space-free text where a hyphenation point (a hyphen
    the PDF added inside a word, "gra-tuitement") may stand between any two letters:
    the structure tree's text keeps it and has no line ends to tell it by."""
    return re.compile("[-\u00ad\u2010]?".join(re.escape(c) for c in needle))


def cut(text, needle):
    """text without the first occurrence of needle, white space (and a hyphen
    before a line end, or a hyphenation point inside a word) aside; None when needle
    is not in text."""
    for drop_hyphens in (False, True, None):
        keep = [i for i, c in enumerate(text) if not invisible(c)
                and not (drop_hyphens and c in "-\u00ad\u2010" and text[i + 1:i + 2] == "\n")]
        flat = "".join(text[i] for i in keep)
        if drop_hyphens is None:
            m = hyphenated(needle).search(flat)
            k, n = (m.start(), m.end() - m.start()) if m else (-1, 0)
        else:
            k, n = flat.find(needle), len(needle)
        if k >= 0:
            gone = set(keep[k:k + n])
            return "".join(c for i, c in enumerate(text) if i not in gone)
    return None


def cut_notes(text, parser, where):
    """text without each footnote of the HTML; the problems found."""
    problems = []
    for note in parser.notes:
        n = squeeze(note)
        rest = cut(text, n)
        if rest is None:
            problems.append("footnote not in the %s: %s" % (where, note.strip()[:60]))
        else:
            text = rest
    return text, problems


def read_html(html_path):
    parser = HTMLText()
    parser.feed(open(html_path, encoding="utf-8").read())
    footer_lines = {squeeze(x) for x in "".join(parser.footer).split("\n") if x.strip()}
    footer_parts = {squeeze(x) for x in parser.footer if x.strip()}
    # A table's header row, repeated at the top of each page it runs onto.
    captions = {squeeze(x) for x in parser.captions if x.strip()}
    return parser, footer_lines | footer_parts | captions | {squeeze("".join(parser.title))}


def cmd_same(html_path, pdf_path):
    parser, furniture = read_html(html_path)
    pdf = strip_furniture(pdf_pages(pdf_path), furniture)
    pdf, problems = cut_notes(pdf, parser, "PDF")
    problem = problems[0] if problems else match(pdf, "".join(parser.body))
    if problem:
        print("%s vs %s: %s" % (pdf_path, html_path, problem))
        return 1
    return 0


def cmd_tagged(html_path, pdf_path):
    parser, _ = read_html(html_path)
    tree = subprocess.run(["pdfinfo", "-struct-text", pdf_path],
                          capture_output=True, text=True, check=True).stdout
    if not tree.startswith("Document"):
        print("%s: no structure tree" % pdf_path)
        return 1
    text = "\n".join(m.group(1) for m in re.finditer(r'^\s*"(.*)"\s*$', tree, re.M))
    text, problems = cut_notes(text, parser, "structure tree")
    problem = problems[0] if problems else match(text, "".join(parser.body), any_hyphen=True)
    if problem:
        print("%s structure tree vs %s: %s" % (pdf_path, html_path, problem))
        return 1
    return 0


def cmd_footnotes(html_path, pdf_path):
    parser, _ = read_html(html_path)
    pages = [squeeze(p) for p in pdf_pages(pdf_path)]
    if len(parser.notes) != len(parser.calls):
        print("%s: %d footnotes but %d calls" % (html_path, len(parser.notes), len(parser.calls)))
        return 1
    status = 0
    for note, (number, before) in zip(parser.notes, parser.calls):
        n = hyphenated(squeeze(note))
        on = [i for i, p in enumerate(pages, 1) if n.search(p)]
        if len(on) != 1 or len(n.findall(pages[on[0] - 1])) != 1:
            print("%s: footnote %s is on pages %s, not on one page once" % (pdf_path, number, on))
            status = 1
            continue
        call = before[-12:] + number
        if call not in pages[on[0] - 1]:
            print("%s: footnote %s is on page %d, its call (…%s) is not" % (pdf_path, number, on[0], call))
            status = 1
    print("footnotes: %d checked" % len(parser.notes))
    return status


def cmd_seed(seed_path, pdf_path, html_path):
    parser, furniture = read_html(html_path)
    pages = pdf_pages(pdf_path)
    # The first page's address footer is text of the seed too: keep page 1 whole.
    pdf = squeeze(pages[0] + strip_furniture(pages[1:], furniture))
    seed = open(seed_path, encoding="utf-8").read()
    # Word-processor residue, not text: bookmarks, image descriptions, check boxes.
    seed = re.sub(r"\[bookmark: [^\]]*\]", "", seed)
    seed = re.sub(r"\[image: [^\]]*\]", "", seed, flags=re.S)
    seed = seed.replace("|_|", "").replace("\u20dd", "○")
    missing, checked = [], 0
    for sentence in re.split(r"(?<=[。！？；])|\n", seed):
        s = squeeze(sentence).strip("-_")
        if len(s) < 2:
            continue
        checked += 1
        if s not in pdf:
            missing.append(s)
    for s in missing:
        print("not in %s: %s" % (pdf_path, s))
    print("seed: %d sentences checked, %d missing" % (checked, len(missing)))
    return 1 if missing else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["same"] and len(sys.argv) == 4:
        sys.exit(cmd_same(sys.argv[2], sys.argv[3]))
    if sys.argv[1:2] == ["tagged"] and len(sys.argv) == 4:
        sys.exit(cmd_tagged(sys.argv[2], sys.argv[3]))
    if sys.argv[1:2] == ["footnotes"] and len(sys.argv) == 4:
        sys.exit(cmd_footnotes(sys.argv[2], sys.argv[3]))
    if sys.argv[1:2] == ["seed"] and len(sys.argv) == 5:
        sys.exit(cmd_seed(sys.argv[2], sys.argv[3], sys.argv[4]))
    sys.exit(__doc__)
