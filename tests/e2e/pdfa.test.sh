#!/bin/sh
# --attach-source and --pdfa on Circular 50 (en, zh) and the liaison statement.
# The source attached: listed by pdfdetach -list, saved byte-identical by pdfdetach
# -save, /AFRelationship /Source, MIME type application/xml; output reproducible.
# PDF/A-3b: no validator is packaged in Debian 12, so tests/e2e/pdfa_check.py checks,
# one by one, the clauses of ISO 19005-3 that concern what circgen writes, on
# qpdf --json; it prints the list of clauses it checks (and nothing more is claimed):
#   6.1.2 header; 6.1.3 trailer /ID, no /Encrypt, end of file; 6.2.3 sRGB OutputIntent
#   with its ICC profile; 6.2.11.4 fonts used in content and the form's field fonts (/DR, every /DA's font among them) embedded, widths for every code;
#   6.3.2 print flag on every annotation; 6.3.3 appearance streams (button states);
#   6.4.1 no NeedAppearances or XFA; 6.6.1 no JavaScript, Launch or other forbidden
#   actions, no /AA; 6.2.9 no external content; 6.6.2.1 XMP metadata stream; 6.6.4
#   pdfaid part 3, conformance B; 6.6.3 Info equal to XMP; 6.8 embedded files as
#   associated files (/AF, /AFRelationship, MIME type, /ModDate).
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1753228800

for src in samples/tsb-circular-50/en.xml samples/tsb-circular-50/zh.xml samples/sg17-ietf-liaison/en.xml; do
    t=$(echo "$src" | tr / _) pdf=$tmp/$t.pdf
    cg pdf --attach-source --pdfa "$src" -o "$pdf" && ok || ko "$src: render"
    qpdf --check "$pdf" >"$tmp/check" 2>&1 && ! grep -qi warning "$tmp/check" && ok || ko "$src: qpdf --check: $(cat "$tmp/check")"
    pdfdetach -list "$pdf" >"$tmp/list" 2>&1
    [ "$(sed -n 2p "$tmp/list")" = "1: $(basename "$src")" ] && ok || ko "$src: pdfdetach -list: $(cat "$tmp/list")"
    pdfdetach -save 1 -o "$tmp/$t.xml" "$pdf" && cmp -s "$tmp/$t.xml" "$src" && ok || ko "$src: attachment not byte-identical"
    qpdf --json --json-stream-data=inline "$pdf" >"$tmp/$t.json" 2>/dev/null
    python3 - "$tmp/$t.json" "$src" <<'PY' && ok || ko "$src: attachment's dictionary"
import json, os, sys, hashlib
d = json.load(open(sys.argv[1])); objs = d["qpdf"][1]
src = open(sys.argv[2], "rb").read()
specs = [v["value"] for v in objs.values() if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Filespec"]
assert len(specs) == 1 and specs[0]["/AFRelationship"] == "/Source", specs
ef = objs["obj:" + specs[0]["/EF"]["/F"]]["stream"]["dict"]
assert ef["/Subtype"] == "/application/xml", ef     # written /application#2Fxml
p = ef["/Params"]
assert p["/Size"] == len(src) and p["/CheckSum"] == "b:" + hashlib.md5(src).hexdigest(), p
assert p["/ModDate"] == p["/CreationDate"] == "u:D:20250723000000Z", p   # SOURCE_DATE_EPOCH
PY
    python3 tests/e2e/pdfa_check.py "$pdf" "$tmp/$t.json" >"$tmp/$t.clauses" && ok || ko "$src: PDF/A clauses: $(grep FAIL "$tmp/$t.clauses")"
    cg pdf --attach-source --pdfa "$src" -o "$tmp/again.pdf" && cmp -s "$pdf" "$tmp/again.pdf" && ok || ko "$src: two runs differ"
done
# the checks can fail: a PDF without --pdfa fails the metadata and output intent clauses
cg pdf samples/tsb-circular-50/en.xml -o "$tmp/plain.pdf"
qpdf --json --json-stream-data=inline "$tmp/plain.pdf" >"$tmp/plain.json" 2>/dev/null
python3 tests/e2e/pdfa_check.py "$tmp/plain.pdf" "$tmp/plain.json" >"$tmp/plain.clauses" && ko "a plain PDF passes every clause" || ok
grep -q "FAIL 6.2.3" "$tmp/plain.clauses" && grep -q "FAIL 6.6.4" "$tmp/plain.clauses" && ok || ko "plain PDF: $(cat "$tmp/plain.clauses")"
grep -aq '/Subtype /application#2Fxml' "$pdf" && ok || ko "MIME type not written as /application#2Fxml"
# a circgen build option
cg build --help | grep -q -- "--attach-source" && ok || ko "build --help: no --attach-source"
mkdir -p "$tmp/b/doc" && cp samples/tsb-circular-50/en.xml "$tmp/b/doc/en.xml"
cg build -q --attach-source "$tmp/b" -o "$tmp/bo" && pdfdetach -list "$tmp/bo/doc/en.pdf" | grep -q "1: en.xml" && ok || ko "build --attach-source"
finish pdfa
