#!/usr/bin/env python3
"""pdfa_check.py PDF JSON — checks, one by one, the clauses of ISO 19005-3 (PDF/A-3,
level b) that concern what circgen writes, on the file and on its `qpdf --json
--json-stream-data=inline` dump. Prints one line per clause: "ok CLAUSE: what" or
"FAIL CLAUSE: what: why"; exits 1 if any fails. This is not a PDF/A validator: only
these clauses are checked (no validator is packaged in Debian 12)."""
import base64, re, sys, json

raw = open(sys.argv[1], "rb").read()
doc = json.load(open(sys.argv[2]))
objs = doc["qpdf"][1]
results = []


def check(clause, what, cond, why=""):
    results.append((bool(cond), clause, what, why))


def obj(ref):
    """The value (dict, array...) of a reference, or the value itself."""
    if isinstance(ref, str) and re.fullmatch(r"\d+ \d+ R", ref):
        o = objs.get("obj:" + ref)
        if o is None:
            return None
        return o.get("value", o.get("stream"))
    return ref


def sdict(o):
    o = obj(o)
    return o["dict"] if isinstance(o, dict) and "dict" in o and "data" in o else o


def sdata(o):
    o = obj(o)
    return base64.b64decode(o["data"]) if isinstance(o, dict) and "data" in o else None


def text(v):
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        b = bytes.fromhex(v[2:])
        return b[2:].decode("utf-16-be") if b[:2] == b"\xfe\xff" else b.decode("latin-1")
    return v


def all_values():
    for k, o in objs.items():
        if not k.startswith("obj:"):
            continue
        v = o.get("value", o.get("stream", {}).get("dict"))
        yield k, v


def walk(v):
    if isinstance(v, dict):
        yield v
        for x in v.values():
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)


trailer = objs["trailer"]["value"]
root = obj(trailer["/Root"])

# 6.1.2 File header
check("6.1.2", "header %PDF-1.n (n <= 7) and a comment of four bytes above 127",
      re.match(rb"%PDF-1\.[0-7][\r\n]+%[\x80-\xff]{4}", raw))
# 6.1.3 File trailer
check("6.1.3", "trailer /ID with two strings", isinstance(trailer.get("/ID"), list) and len(trailer["/ID"]) == 2)
check("6.1.3", "no /Encrypt in the trailer", "/Encrypt" not in trailer)
check("6.1.3", "nothing after the last %%EOF but an end of line", re.search(rb"%%EOF\r?\n?$", raw))

# 6.2.3 Output intent
ois = [obj(o) for o in obj(root.get("/OutputIntents", [])) or []]
pdfa_oi = [o for o in ois if o.get("/S") == "/GTS_PDFA1"]
check("6.2.3", "an OutputIntent /GTS_PDFA1 with an embedded ICC profile (/N 3, 'acsp')",
      len(pdfa_oi) == 1 and sdict(pdfa_oi[0].get("/DestOutputProfile", "")) and
      sdict(pdfa_oi[0]["/DestOutputProfile"]).get("/N") == 3 and
      (sdata(pdfa_oi[0]["/DestOutputProfile"]) or b"")[36:40] == b"acsp")

# 6.2.11.4 Fonts used in content (pages, their XObjects, annotation appearances) embedded,
# with widths for every code of a simple font.
def fonts_of(resources, seen):
    res = sdict(resources) or {}
    for f in (sdict(res.get("/Font", {})) or {}).values():
        yield f
    for x in (sdict(res.get("/XObject", {})) or {}).values():
        if x in seen:
            continue
        seen.add(x)
        d = sdict(x)
        if d and d.get("/Subtype") == "/Form" and "/Resources" in d:
            yield from fonts_of(d["/Resources"], seen)


used, seen = [], set()
for p in doc["pages"]:
    pg = obj(p["object"])
    used += list(fonts_of(pg.get("/Resources", {}), seen))
    for a in obj(pg.get("/Annots", [])) or []:
        ad = obj(a)
        for ap in (obj(ad.get("/AP", {})) or {}).values():
            aps = [ap] if re.fullmatch(r"\d+ \d+ R", str(ap)) and "data" in (obj(ap) or {}) else list((obj(ap) or {}).values())
            for s in aps:
                used += list(fonts_of((sdict(s) or {}).get("/Resources", {}), seen))
# the fonts of the form's field text (/DR of the AcroForm): a viewer draws typed values in
# them, so they are content fonts too; and the /DA of the form and of every field names one
form = obj(root.get("/AcroForm", {})) or {}
dr_fonts = sdict((sdict(form.get("/DR", {})) or {}).get("/Font", {})) or {}
used += list(dr_fonts.values())
da_bad = []
for k, v in all_values():
    da = v.get("/DA") if isinstance(v, dict) else None
    if isinstance(da, str):
        m = re.search(r"/([^\s/()]+)\s+[\d.]+\s+Tf", da)   # qpdf writes "u:/Name 10 Tf 0 g"
        if not m or "/" + m.group(1) not in dr_fonts:
            da_bad.append(f"{k}: /DA {da} not a font of /DR")
if form:
    check("6.2.11.4", f"the form's {len(dr_fonts)} field fonts (/DR) hold every font a /DA names",
          dr_fonts and not da_bad, "; ".join(da_bad[:5]))
bad = []
for f in set(used):
    d = sdict(f)
    st = d.get("/Subtype")
    if st == "/Type3":
        continue
    fd_owner = sdict(d["/DescendantFonts"][0]) if st == "/Type0" else d
    fd = sdict(fd_owner.get("/FontDescriptor", {})) or {}
    if not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        bad.append(f"{f} {d.get('/BaseFont')} not embedded")
    if st in ("/Type1", "/TrueType") and len(d.get("/Widths", [])) != d.get("/LastChar", -1) - d.get("/FirstChar", 0) + 1:
        bad.append(f"{f} widths do not cover FirstChar..LastChar")
    if st == "/Type0" and "/W" not in fd_owner and "/DW" not in fd_owner:
        bad.append(f"{f} CID font without /W or /DW")
check("6.2.11.4", f"the {len(set(used))} fonts used in content and in the form's /DR are embedded, widths for every code", not bad, "; ".join(bad))

# 6.3 Annotations
annots = [(k, v) for k, v in all_values() if isinstance(v, dict) and v.get("/Type") == "/Annot" or
          isinstance(v, dict) and v.get("/Subtype") == "/Widget"]
noprint = [k for k, v in annots if not (int(v.get("/F", 0)) & 4) or int(v.get("/F", 0)) & (1 | 2 | 32 | 256)]
check("6.3.2", f"the {len(annots)} annotations have the print flag, none hidden or invisible", not noprint, " ".join(noprint[:5]))
noap = [k for k, v in annots if v.get("/Subtype") not in ("/Link", "/Popup") and "/N" not in (obj(v.get("/AP", {})) or {})]
check("6.3.3", "every annotation but links has a normal appearance (/AP /N)", not noap, " ".join(noap[:5]))
btn = []
for k, v in annots:
    if v.get("/Subtype") != "/Widget":
        continue
    ft = v.get("/FT") or (obj(v.get("/Parent", "")) or {}).get("/FT")
    n = obj((obj(v.get("/AP", {})) or {}).get("/N"))
    if ft == "/Btn" and not (isinstance(n, dict) and "dict" not in n and "/AS" in v):
        btn.append(k)
check("6.3.3", "button widgets: /AP /N a dictionary of states and /AS", not btn, " ".join(btn[:5]))

# 6.4.1 Interactive forms
af = obj(root.get("/AcroForm", {})) or {}
check("6.4.1", "no /NeedAppearances true, no XFA in /AcroForm", af.get("/NeedAppearances") is not True and "/XFA" not in af)

# 6.5 / 6.6.1 Actions: no JavaScript, Launch or other forbidden action; no /AA
forbidden = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide", "/SetOCGState",
             "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript"}
found = []
for k, v in all_values():
    for d in walk(v):
        if d.get("/S") in forbidden or "/JS" in d:
            found.append(f"{k} {d.get('/S')}")
        if "/AA" in d:
            found.append(f"{k} /AA")
names = obj(root.get("/Names", {})) or {}
check("6.6.1", "no JavaScript, Launch or other forbidden actions, no /AA, no JavaScript name tree",
      not found and "/JavaScript" not in names, " ".join(found[:5]))

# 6.2.9 / 6.2.10 External content: no reference XObjects, OPI, streams in external files, GoToR
ext = []
for k, v in all_values():
    for d in walk(v):
        if "/OPI" in d or "/Ref" in d and d.get("/Subtype") == "/Form" or d.get("/S") == "/GoToR":
            ext.append(k)
    o = objs[k]
    if "stream" in o and any(x in o["stream"]["dict"] for x in ("/F", "/FFilter", "/FDecodeParms")):
        ext.append(k + " (external stream)")
check("6.2.9", "no external content (reference XObjects, OPI, external streams, GoToR)", not ext, " ".join(ext[:5]))

# 6.6.2 Metadata: an XMP stream, unfiltered, with pdfaid part 3 / B, saying what Info says
meta = root.get("/Metadata")
md = sdict(meta) or {}
xmp = (sdata(meta) or b"").decode("utf-8", "replace")
check("6.6.2.1", "catalog /Metadata: an unfiltered XMP stream (/Type /Metadata /Subtype /XML)",
      md.get("/Type") == "/Metadata" and md.get("/Subtype") == "/XML" and "/Filter" not in md and "<x:xmpmeta" in xmp)
check("6.6.4", "XMP pdfaid:part 3 and pdfaid:conformance B",
      "<pdfaid:part>3</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp)


def xmp_value(el):
    m = re.search(rf"<{el}>(?:<rdf:(?:Alt|Seq|Bag)><rdf:li[^>]*>)?(.*?)<", xmp, re.S)
    if not m:
        return None
    return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def xmp_of_pdf_date(d):
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'\d\d'?)?", d or "")
    if not m:
        return None
    z = m.group(7) or ""
    z = "Z" if z == "Z" else (z[:3] + ":" + z[4:6] if z else "")
    return f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}{z}"


info = obj(trailer.get("/Info", {})) or {}
pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
         ("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer")]
diff = [f"{k} != {x}" for k, x in pairs if k in info and text(info[k]) != xmp_value(x)]
diff += [f"{k} != {x}" for k, x in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate"))
         if k in info and xmp_of_pdf_date(text(info[k])) != xmp_value(x)]
check("6.6.3", f"the {len(info)} Info entries equal their XMP properties (dates as D:... dates)", info and not diff, "; ".join(diff))

# 6.8 Embedded files: associated files with AFRelationship, MIME type and ModDate
af_list = [obj(a) for a in obj(root.get("/AF", [])) or []]
ef_names = obj(names.get("/EmbeddedFiles", {})) or {}
listed = obj(ef_names.get("/Names", [])) or []
specs = [obj(listed[i + 1]) for i in range(0, len(listed), 2)]
bad = []
for s in specs:
    if not all(k in s for k in ("/F", "/UF", "/AFRelationship")):
        bad.append("filespec without /F, /UF or /AFRelationship")
    if s not in af_list:
        bad.append("filespec not in the catalog's /AF")
    ef = sdict((obj(s.get("/EF", {})) or {}).get("/F"))
    if not ef or "/Subtype" not in ef or "/ModDate" not in (obj(ef.get("/Params", {})) or {}):
        bad.append("embedded file stream without /Subtype (MIME) or /Params /ModDate")
check("6.8", f"the {len(specs)} embedded files: /F, /UF, /AFRelationship, in /AF, MIME type, /ModDate",
      not bad, "; ".join(bad))

failed = 0
for good, clause, what, why in results:
    print(("ok   " if good else "FAIL ") + clause + ": " + what + ("" if good else ": " + (why or "no")))
    failed += not good
sys.exit(1 if failed else 0)
