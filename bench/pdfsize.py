#!/usr/bin/env python3
"""PDF size against the anchor (issue 8): the same file with each embedded font
replaced by what HarfBuzz's subsetter makes of the same characters.

usage: pdfsize.py FILE.pdf
Prints: total bytes, bytes of embedded font programs (as stored), the anchor
(the rest of the file + hb-subset of each font to the characters its ToUnicode
map lists, deflated), and the ratio. The font file of each embedded font is
found with fc-match on its family and style through circgen's fonts.conf."""
import base64, json, os, re, subprocess, sys, tempfile, zlib

def objects(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", "--json-stream-data=inline",
                          "--decode-level=generalized", path], capture_output=True, check=False)
    return json.loads(out.stdout)["qpdf"][1]

def ref(v):
    return v if isinstance(v, str) and v.endswith(" R") else None

def unicodes(cmap):
    s = set()
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for _, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            b = bytes.fromhex(dst.decode())
            s.update(ord(c) for c in b.decode("utf-16-be", "ignore"))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            d0 = int(dst, 16)
            for k in range(int(hi, 16) - int(lo, 16) + 1):
                s.add(d0 + k)
    return s

def main():
    path = sys.argv[1]
    total = os.path.getsize(path)
    objs = objects(path)
    def get(r):
        return objs.get("obj:" + r, {})
    fonts_bytes = 0
    anchor_fonts = 0
    rows = []
    for key, o in objs.items():
        v = o.get("value") or {}
        if not isinstance(v, dict) or v.get("/Type") != "/Font" or "/ToUnicode" not in v:
            continue
        desc_font = v
        if v.get("/Subtype") == "/Type0":
            desc_font = get(v["/DescendantFonts"][0])["value"]
        fd = get(desc_font["/FontDescriptor"])["value"]
        ffkey = next((k for k in ("/FontFile3", "/FontFile2", "/FontFile") if k in fd), None)
        if not ffkey:
            continue
        ff_ref = fd[ffkey]
        stored = len(base64.b64decode(get(ff_ref)["stream"]["data"]))  # decoded size
        # the stored (compressed) size: recompress the decoded data as Cairo does
        raw = base64.b64decode(get(ff_ref)["stream"]["data"])
        stored = len(zlib.compress(raw, 6))
        tu = base64.b64decode(get(v["/ToUnicode"])["stream"]["data"])
        chars = unicodes(tu)
        name = fd["/FontName"].split("+")[-1]
        m = re.match(r"/?([A-Za-z]+?)(CJK\w\w)?-?(Bold|Italic|BoldItalic|Regular)?$", name)
        fam = fd.get("/FontFamily", "")
        fam = fam[2:] if fam.startswith("u:") else fam
        style = "Bold" if "Bold" in name else "Regular"
        if "Italic" in name:
            style = "Bold Italic" if "Bold" in name else "Italic"
        pat = f"{fam}:style={style}"
        env = dict(os.environ)
        fm = subprocess.run(["fc-match", "-f", "%{file}\n%{index}", pat], capture_output=True, text=True, env=env).stdout.split("\n")
        with tempfile.TemporaryDirectory() as t:
            out = os.path.join(t, "sub")
            u = ",".join("%X" % c for c in sorted(chars)) or "20"
            subprocess.run(["hb-subset", f"--font-file={fm[0]}", f"--face-index={fm[1]}", f"--unicodes={u}", "--layout-features=", "-o", out],
                           check=True, capture_output=True)
            # only the outline table goes into a PDF: CFF, or glyf+loca(+head/hhea/hmtx/maxp for TrueType)
            tables = subprocess.run(["python3", "-c", TABLES, out], capture_output=True, text=True).stdout.split()
            sub = sum(int(x) for x in tables)
        fonts_bytes += stored
        anchor_fonts += sub
        rows.append((fd["/FontName"], len(chars), stored, sub))
    rest = total - fonts_bytes
    anchor = rest + anchor_fonts
    for r in rows:
        print("  %-34s %5d chars  embedded %8d  hb-subset %8d" % r)
    print("total %d fonts %d rest %d anchor %d ratio %.2f" % (total, fonts_bytes, rest, anchor, total / anchor))

# Deflated size of the tables of an OpenType file that a PDF embeds.
TABLES = r'''
import struct, sys, zlib
d = open(sys.argv[1], "rb").read()
n = struct.unpack(">H", d[4:6])[0]
t = {}
for i in range(n):
    tag, _, off, ln = struct.unpack(">4sIII", d[12 + 16 * i: 28 + 16 * i])
    t[tag] = d[off:off + ln]
if b"CFF " in t:
    print(len(zlib.compress(t[b"CFF "], 6)))
else:
    keep = [b"glyf", b"loca", b"head", b"hhea", b"hmtx", b"maxp", b"cvt ", b"fpgm", b"prep"]
    print(len(zlib.compress(b"".join(t.get(k, b"") for k in keep), 6)))
'''

if __name__ == "__main__":
    main()
