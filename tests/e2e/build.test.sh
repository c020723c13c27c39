#!/bin/sh
# circgen build: parallel workers (-j), skipping up-to-date documents by content hash
# (a second run renders nothing; a changed template, source or missing output
# renders again; a touched but unchanged file does not), a failing document in the
# middle of the batch, same bytes with one job or two.
pass=0 fail=0
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
cg() { $CIRCGEN_RUNNER "$CIRCGEN" "$@"; }
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# A tree of six documents; "c3" is schema-invalid and sorts in the middle.
mkdir -p "$tmp/src"
for i in 1 2 3 4 5 6; do
    mkdir -p "$tmp/src/c$i"
    sed "s/number=\"50\"/number=\"5$i\"/" samples/tsb-circular-50/en.xml > "$tmp/src/c$i/en.xml"
done
cp tests/bad/schema-violation.xml "$tmp/src/c3/en.xml"
grep -q 'urn:circgen:' "$tmp/src/c3/en.xml" || ko "the bad document is not a source (fix the test)"

cg build -j 2 "$tmp/src" -o "$tmp/out2" >"$tmp/sum" 2>"$tmp/err"; rc=$?
[ $rc = 1 ] && ok || ko "a failing document: exit $rc, want 1"
grep -q '6 documents: 5 built, 0 up to date, 1 failed' "$tmp/sum" && ok || ko "summary: $(cat "$tmp/sum")"
grep -q 'c3/en.xml' "$tmp/err" && ok || ko "the failing document is named: $(cat "$tmp/err")"
n=$(ls "$tmp"/out2/*/en.pdf 2>/dev/null | wc -l)
[ "$n" = 5 ] && ok || ko "5 PDFs after the failure, found $n"
[ ! -e "$tmp/out2/c3/en.pdf" ] && ok || ko "no PDF for the failing document"
for f in "$tmp"/out2/*/en.pdf; do
    qpdf --check "$f" >/dev/null 2>&1 || { ko "qpdf --check $f"; break; }
done && ok
grep -q 'pages' "$tmp/sum" && ok || ko "summary counts pages"

# One job gives the same bytes as two.
cg build -j 1 "$tmp/src" -o "$tmp/out1" >/dev/null 2>&1
same=1
for f in "$tmp"/out2/*/en.pdf "$tmp"/out2/*/en.html; do
    cmp -s "$f" "$tmp/out1/${f#$tmp/out2/}" || same=0
done
[ $same = 1 ] && ok || ko "-j 1 and -j 2 outputs differ"

# Without the bad document: the second run renders nothing.
rm -rf "$tmp/src/c3"
cg build -j 2 "$tmp/src" -o "$tmp/out" >"$tmp/sum" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '5 documents: 5 built, 0 up to date, 0 failed' "$tmp/sum" && ok || ko "first build: $rc $(cat "$tmp/sum")"
[ -f "$tmp/out/.circgen-build" ] && ok || ko "no manifest"
cg build -j 2 "$tmp/src" -o "$tmp/out" >"$tmp/sum" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '5 documents: 0 built, 5 up to date, 0 failed' "$tmp/sum" && ok || ko "second build: $rc $(cat "$tmp/sum")"

# Touching files without changing them renders nothing (content hashes).
cp -R templates "$tmp/tpl"
sleep 1
touch "$tmp"/src/*/en.xml
cg build --templates "$tmp/tpl" "$tmp/src" -o "$tmp/out" >"$tmp/sum" 2>&1
grep -q '0 built, 5 up to date' "$tmp/sum" && ok || ko "touch only: $(cat "$tmp/sum")"

# A changed template renders everything again.
echo '<!-- changed -->' >> "$tmp/tpl/tsb-circular/fo.xsl"
cg build --templates "$tmp/tpl" "$tmp/src" -o "$tmp/out" >"$tmp/sum" 2>&1
grep -q '5 built, 0 up to date' "$tmp/sum" && ok || ko "changed template: $(cat "$tmp/sum")"

# A changed source, a deleted output: those documents only.
sed -i 's/number="55"/number="75"/' "$tmp/src/c5/en.xml"
rm "$tmp/out/c2/en.html"
cg build --templates "$tmp/tpl" "$tmp/src" -o "$tmp/out" >"$tmp/sum" 2>&1
grep -q '2 built, 3 up to date' "$tmp/sum" && ok || ko "changed source and missing output: $(cat "$tmp/sum")"
[ -f "$tmp/out/c2/en.html" ] && ok || ko "missing output made again"

# --force renders all; bad -j values are usage errors.
cg build --force --templates "$tmp/tpl" "$tmp/src" -o "$tmp/out" >"$tmp/sum" 2>&1
grep -q '5 built, 0 up to date' "$tmp/sum" && ok || ko "--force: $(cat "$tmp/sum")"
for j in 0 x -3; do
    cg build -j "$j" "$tmp/src" -o "$tmp/out" >/dev/null 2>&1; rc=$?
    [ $rc = 2 ] && ok || ko "-j $j: exit $rc, want 2"
done

# Each source once: a link back to a parent folder, a second link to a folder, a
# linked and a hard-linked file reach documents already seen and add nothing.
mkdir -p "$tmp/loop/d1" "$tmp/loop/d2"
cp samples/tsb-circular-50/en.xml "$tmp/loop/d1/en.xml"
sed 's/number="50"/number="52"/' samples/tsb-circular-50/en.xml >"$tmp/loop/d2/en.xml"
ln -s .. "$tmp/loop/d1/up"
ln -s d1 "$tmp/loop/alias"
ln -s ../d1/en.xml "$tmp/loop/d2/zh.xml"
mkdir "$tmp/loop/zz"        # a hard link: the first path of the sorted walk names it
ln "$tmp/loop/d2/en.xml" "$tmp/loop/zz/en.xml" 2>/dev/null || cp "$tmp/loop/d1/en.xml" "$tmp/loop/zz/en.xml"
cg build -j 2 "$tmp/loop" "$tmp/loop/d1" "$tmp/loop/d1/up/d2/en.xml" -o "$tmp/lout" >"$tmp/sum" 2>"$tmp/err"; rc=$?
if [ "$(stat -c %i "$tmp/loop/d2/en.xml")" = "$(stat -c %i "$tmp/loop/zz/en.xml")" ]; then
    [ $rc = 0 ] && grep -q '2 documents: 2 built' "$tmp/sum" && ok || ko "links: exit $rc, want 2 documents: $(cat "$tmp/sum" "$tmp/err")"
fi
[ -f "$tmp/lout/d1/en.pdf" ] && [ -f "$tmp/lout/d2/en.pdf" ] && [ ! -e "$tmp/lout/alias" ] && [ ! -e "$tmp/lout/up" ] && [ ! -e "$tmp/lout/zz" ] &&
    ok || ko "links: outputs named after the real folders: $(cd "$tmp/lout" && find . -name '*.pdf')"

# Two sources that would write the same outputs: an error naming both, neither built,
# the others built; exit 2 as for other input errors.
mkdir -p "$tmp/clash/a/c1" "$tmp/clash/b/c1" "$tmp/clash/c2"
cp samples/tsb-circular-50/en.xml "$tmp/clash/a/c1/en.xml"
sed 's/number="50"/number="51"/' samples/tsb-circular-50/en.xml >"$tmp/clash/b/c1/en.xml"
cp samples/tsb-circular-50/en.xml "$tmp/clash/c2/en.xml"
cg build -j 2 "$tmp/clash" -o "$tmp/cout" >"$tmp/sum" 2>"$tmp/err"; rc=$?
[ $rc = 2 ] && ok || ko "a clash of outputs: exit $rc, want 2"
grep 'a/c1/en.xml' "$tmp/err" | grep -q 'b/c1/en.xml' && ok || ko "the clash names both sources: $(cat "$tmp/err")"
grep -q '3 documents: 1 built, 0 up to date, 2 failed' "$tmp/sum" && ok || ko "clash summary: $(cat "$tmp/sum")"
[ ! -e "$tmp/cout/c1" ] && [ -f "$tmp/cout/c2/en.pdf" ] && ok || ko "clash: neither source built, the other one built"

echo "build: $pass passed, $fail failed"
[ $fail = 0 ]
