#!/bin/sh
# circgen html: every sample makes a valid HTML5 page with the expected structure;
# outputs are atomic; the XSLT sandbox refuses reads outside the allowed folders,
# network access and writes.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh

for f in samples/*/*.xml; do
    name=$(echo "$f" | tr '/' '_')
    out="$tmp/$name.html"
    if cg html "$f" -o "$out" 2>"$tmp/err"; then ok; else ko "html $f: $(cat "$tmp/err")"; continue; fi
    # Valid HTML: tidy reports no errors (exit 2 means errors; warnings are allowed).
    tidy -q -e "$out" >"$tmp/tidy" 2>&1; rc=$?
    [ $rc -lt 2 ] && ok || ko "$f: tidy errors: $(grep -i error "$tmp/tidy" | head -3)"
    lang=$(sed -n 's/.*xml:lang="\([a-z]*\)".*/\1/p' "$f" | head -1)
    case $lang in zh) want='lang="zh-CN"' ;; *) want="lang=\"$lang\"" ;; esac
    grep -q "<html $want" "$out" && ok || ko "$f: html element lacks $want"
    grep -q 'href="mailto:' "$out" && ok || ko "$f: no mailto link"
    # Every unit id of the source is an id in the page.
    missing=0
    for id in $(grep -o ' id="[^"]*"' "$f" | sed 's/ id="\(.*\)"/\1/'); do
        grep -q "id=\"$id\"" "$out" || { missing=1; ko "$f: unit $id missing from the HTML"; break; }
    done
    [ $missing = 0 ] && ok
done

# The reply form is an accessible table: caption, row headers with scope.
cg html samples/tsb-circular-50/en.xml -o "$tmp/en.html"
grep -q '<caption data-repeated="page-top">Please select one of the two boxes</caption>' "$tmp/en.html" && ok || ko "reply form caption"
[ "$(grep -o '<th scope="rowgroup" rowspan="2">' "$tmp/en.html" | wc -l)" = 10 ] && ok || ko "ten row headers in the reply form"
# Dates, ranges and deadlines are formatted per language in one place.
grep -q 'Geneva, 23 July 2025' "$tmp/en.html" && ok || ko "en date of issue"
grep -q '3-11 December 2025' "$tmp/en.html" && ok || ko "en date range"
grep -q '23:59 hours UTC on 21 November 2025' "$tmp/en.html" && ok || ko "en deadline"
cg html samples/tsb-circular-50/zh.xml -o "$tmp/zh.html"
grep -q '2025年7月23日，日内瓦' "$tmp/zh.html" && ok || ko "zh date of issue"
grep -q '2025年12月3-11日' "$tmp/zh.html" && ok || ko "zh date range"
grep -q '2025年11月21日协调世界时23时59分' "$tmp/zh.html" && ok || ko "zh deadline"
grep -q 'X.1753（原X.gdsml）、X.1649（原X.sgmc）新建议书草案和经修订的ITU-T X.1250和X.1631建议书' "$tmp/zh.html" && ok || ko "zh draft lists"
grep -q 'text-autospace' "$tmp/zh.html" && ok || ko "zh stylesheet has text-autospace"

# Atomic output: an invalid input makes no output and leaves an earlier one untouched.
cp "$tmp/en.html" "$tmp/keep.html"
cg html tests/bad/dangling-ref.xml -o "$tmp/keep.html" 2>/dev/null; rc=$?
[ $rc = 1 ] && ok || ko "invalid input: exit $rc, want 1"
cmp -s "$tmp/en.html" "$tmp/keep.html" && ok || ko "earlier output damaged"
cg html tests/bad/dangling-ref.xml -o "$tmp/new.html" 2>/dev/null
[ ! -e "$tmp/new.html" ] && ok || ko "invalid input left an output"
[ -z "$(ls -A "$tmp" | grep '^\.')" ] && ok || ko "temporary files left behind"
# An unwritable target is a clear error with exit 2.
cg html samples/tsb-circular-50/en.xml -o /nonexistent/dir/x.html 2>"$tmp/err"; rc=$?
[ $rc = 2 ] && grep -q '/nonexistent/dir/x.html: error: cannot write' "$tmp/err" && ok || ko "unwritable target: exit $rc, $(cat "$tmp/err")"
cg html samples/tsb-circular-50/en.xml -o "$tmp" 2>"$tmp/err"; rc=$?
[ $rc = 2 ] && grep -q 'is a directory' "$tmp/err" && ok || ko "directory target: exit $rc"
# Default output name: beside the input, extension replaced.
cp samples/tsb-circular-50/en.xml "$tmp/doc.xml"
cg html "$tmp/doc.xml" && [ -s "$tmp/doc.html" ] && ok || ko "default output name"

# The sandbox.
mkdir -p "$tmp/sb"
try() { printf '<doc xmlns="urn:circgen:hostile" try="%s">%s</doc>\n' "$1" "$2" > "$tmp/sb/$1.xml"
        cg html --templates tests/templates "$tmp/sb/$1.xml" -o "$tmp/sb/$1.html" 2>"$tmp/sb/$1.err"; }
try read-outside; rc=$?
[ $rc = 1 ] && grep -q "tried to read '.*/etc/passwd'" "$tmp/sb/read-outside.err" && ok || ko "read outside: exit $rc $(cat "$tmp/sb/read-outside.err")"
try read-network; rc=$?
[ $rc = 1 ] && grep -q "network" "$tmp/sb/read-network.err" && ok || ko "read network: exit $rc $(cat "$tmp/sb/read-network.err")"
try write "$tmp/sb/pwned.txt"; rc=$?
[ $rc = 1 ] && [ ! -e "$tmp/sb/pwned.txt" ] && ok || ko "write: exit $rc $(cat "$tmp/sb/write.err")"
echo '<x>beside</x>' > "$tmp/sb/beside.xml"
try read-beside; rc=$?
[ $rc = 0 ] && grep -q 'beside' "$tmp/sb/read-beside.html" && ok || ko "read beside the document: exit $rc $(cat "$tmp/sb/read-beside.err")"

finish html
