#!/bin/sh
# circgen pdf and build on the samples: PDF and HTML carry the same text; the Chinese
# PDF has every sentence of the seed; only the pinned fonts, embedded and subset with
# Unicode maps; a sound PDF file; outline, links, metadata, tags; byte-identical on a
# second run; golden area dumps (tests/golden/, UPDATE=1 rewrites them).
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
unset SOURCE_DATE_EPOCH

cg build samples -o "$tmp/out" >"$tmp/build.log" 2>&1; rc=$?
[ $rc = 0 ] && ok || ko "build samples: exit $rc: $(cat "$tmp/build.log")"
# Every sample (each DOC/LANG.xml), each to a PDF and an HTML page.
n=$(ls samples/*/*.xml | wc -l)
grep -q "circgen build: $n documents: $n built, 0 up to date, 0 failed; [0-9]* pages, $((2 * n)) outputs" "$tmp/build.log" && ok || ko "build summary: $(cat "$tmp/build.log")"

for pdf in "$tmp"/out/*/*.pdf; do
    name=${pdf#"$tmp/out/"}
    html=${pdf%.pdf}.html
    # Same words in the same order as the HTML.
    python3 tests/e2e/pdftext.py same "$html" "$pdf" && ok || ko "$name: PDF and HTML text differ"
    # What a screen reader reads (the structure tree): the same text, none left out
    # (paragraphs with links, continued paragraphs), no running header inside it.
    python3 tests/e2e/pdftext.py tagged "$html" "$pdf" && ok || ko "$name: structure tree text and HTML text differ"
    # Footnotes (the HTML's notes) at the foot of the page of their call, once.
    python3 tests/e2e/pdftext.py footnotes "$html" "$pdf" >/dev/null && ok || ko "$name: $(python3 tests/e2e/pdftext.py footnotes "$html" "$pdf")"
    # Fonts: pinned faces only, each embedded, subset, with a Unicode map; no Type 3.
    pdffonts "$pdf" | tail -n +3 > "$tmp/fonts"
    [ -s "$tmp/fonts" ] && ok || ko "$name: no fonts"
    bad=$(awk '{ n = NF; if ($(n-4) != "yes" || $(n-3) != "yes" || $(n-2) != "yes") print $1 }' "$tmp/fonts")
    [ -z "$bad" ] && ok || ko "$name: fonts not embedded/subset/unicode: $bad"
    others=$(awk '{print $1}' "$tmp/fonts" | sed 's/^[A-Z]*+//' | grep -v -E '^(LiberationSerif|LiberationSans|NotoSerifCJKsc|NotoSansCJKsc)(-[A-Za-z]+)?$|^Amiri-(Regular|Bold)$')
    [ -z "$others" ] && ok || ko "$name: unpinned fonts: $others"
    grep -q 'Type 3' "$tmp/fonts" && ko "$name: Type 3 font" || ok
    # A sound file, tagged, with metadata and an outline.
    qpdf --check "$pdf" >/dev/null 2>&1 && ok || ko "$name: qpdf --check"
    pdfinfo "$pdf" > "$tmp/info"
    grep -q '^Tagged: *yes' "$tmp/info" && ok || ko "$name: not tagged"
    grep -q '^Title: *[^ ]' "$tmp/info" && ok || ko "$name: no title"
    grep -q '^Creator: *circgen' "$tmp/info" && ok || ko "$name: creator"
    [ -n "$(mutool show "$pdf" outline 2>/dev/null)" ] && ok || ko "$name: no outline"
    qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf" 2>/dev/null
    grep -a -q '/URI (mailto:' "$tmp/qdf.pdf" && ok || ko "$name: no mailto link"
    # Packed: every object but the streams in object streams, one cross-reference stream,
    # no incremental update left (pdf_update.c); a PDF with form fields instead has its
    # objects in place and one update after them (pdf_extras.c reads classic tables).
    qpdf --show-xref "$pdf" >"$tmp/xref" 2>&1
    if grep -a -q '/AcroForm' "$tmp/qdf.pdf"; then
        [ "$(grep -a -c 'startxref' "$pdf")" = 2 ] && ok || ko "$name: a form PDF not Cairo's file plus one update"
    else
        grep -q 'compressed' "$tmp/xref" && ! grep -q 'uncompressed.*StructElem' "$tmp/xref" && ok || ko "$name: no object streams"
        [ "$(grep -a -c 'startxref' "$pdf")" = 1 ] && grep -a -q '/Type /XRef' "$pdf" && ok || ko "$name: not one cross-reference stream"
    fi
    mutool show "$pdf" trailer 2>/dev/null | grep -q '/Root' && ok || ko "$name: mutool cannot read the trailer"
done

# The circular: metadata from the source, bookmarks for the letter, each draft, each annex.
pdfinfo "$tmp/out/tsb-circular-50/en.pdf" > "$tmp/info"
grep -q '^Keywords: *ITU-T X.1062, .*ITU-T X.1631' "$tmp/info" && ok || ko "keywords"
grep -q '^Title: *Consultation of Member States' "$tmp/info" && ok || ko "title from the subject"
grep -q '^CreationDate: *Wed Jul 23 .* 2025' "$tmp/info" && ok || ko "creation date from the document"
mutool show "$tmp/out/tsb-circular-50/en.pdf" outline > "$tmp/outline"
[ "$(grep -c '"ITU-T X\.' "$tmp/outline")" = 10 ] && ok || ko "ten draft bookmarks"
grep -q '"Annex 1"' "$tmp/outline" && grep -q '"Annex 2"' "$tmp/outline" && grep -q '"TSB Circular 50"' "$tmp/outline" && ok || ko "letter and annex bookmarks"
qpdf --qdf --object-streams=disable "$tmp/out/tsb-circular-50/zh.pdf" "$tmp/qdf.pdf" 2>/dev/null
grep -a -q '/URI (https://www.itu.int/ipr/)' "$tmp/qdf.pdf" && ok || ko "web link"
# The document language in the catalog (added to Cairo's output by an incremental update).
grep -a -q '/Lang (zh-CN)' "$tmp/qdf.pdf" && ok || ko "zh: /Lang zh-CN"
qpdf --qdf --object-streams=disable "$tmp/out/tsb-circular-50/en.pdf" "$tmp/qdf-en.pdf" 2>/dev/null
grep -a -q '/Lang (en)' "$tmp/qdf-en.pdf" && ok || ko "en: /Lang en"
# Each annex starts on a new page; the running header from page 2.
pdftotext -raw -f 3 -l 3 "$tmp/out/tsb-circular-50/en.pdf" - | head -3 | grep -q '^- 3 -$' && ok || ko "running header"
pdftotext -raw "$tmp/out/tsb-circular-50/en.pdf" - | grep -q 'Annex 1 (to TSB Circular 50)' && ok || ko "annex heading"
pdftotext -raw "$tmp/out/tsb-circular-50/zh.pdf" - | tr -d ' ' | grep -q '附件：2件' && ok || ko "zh annexes line"

# The Chinese PDF has every sentence of the seed.
seed=../shared/seeds/003_c6d43222e3479f2e.txt
if [ -f "$seed" ]; then
    python3 tests/e2e/pdftext.py seed "$seed" "$tmp/out/tsb-circular-50/zh.pdf" "$tmp/out/tsb-circular-50/zh.html" >"$tmp/seed" \
        && ok || ko "seed sentences missing: $(cat "$tmp/seed")"
else
    echo "note: $seed not found; the seed test did not run"
fi

# Byte-identical output for the same input, whatever the clock.
cg build samples -o "$tmp/again" -q 2>/dev/null
for f in tsb-circular-50/en.pdf tsb-circular-50/zh.pdf sg17-ietf-liaison/en.pdf tsb-circular-50/zh.html \
         tsb-circular-workshop/zh.pdf tsb-circular-approval/en.pdf tsb-circular-questionnaire/zh.pdf \
         tsb-circular-questionnaire/en.html collective-letter-sg17/en.pdf collective-letter-sg17/zh.html; do
    cmp -s "$tmp/out/$f" "$tmp/again/$f" && ok || ko "$f differs between two runs"
done

# Golden area dumps of the samples (the layout as numbers: a change shows in review).
for src in samples/*/*.xml; do
    doc=$(basename "$(dirname "$src")"); lang=$(basename "$src" .xml)
    gold="tests/golden/$doc-$lang.areas"
    cg pdf --fo "$src" -o "$tmp/g.fo" && cg fo "$tmp/g.fo" --dump-areas="$tmp/g.areas" -q 2>/dev/null
    if [ -n "$UPDATE" ]; then cp "$tmp/g.areas" "$gold"; ok
    elif cmp -s "$tmp/g.areas" "$gold"; then ok
    else ko "$gold differs (UPDATE=1 rewrites): $(diff "$gold" "$tmp/g.areas" | head -5)"; fi
done

# Errors: an invalid source makes no PDF and leaves an earlier one alone.
cp "$tmp/out/tsb-circular-50/en.pdf" "$tmp/keep.pdf"
cg pdf tests/bad/duplicate-id.xml -o "$tmp/keep.pdf" 2>/dev/null; rc=$?
[ $rc = 1 ] && cmp -s "$tmp/keep.pdf" "$tmp/out/tsb-circular-50/en.pdf" && ok || ko "invalid source: exit $rc or output damaged"
cg pdf --emblem /nonexistent.png samples/tsb-circular-50/en.xml -o "$tmp/e.pdf" 2>"$tmp/err"; rc=$?
[ $rc != 0 ] && grep -q 'nonexistent.png' "$tmp/err" && ok || ko "missing emblem: exit $rc"
# A build goes on past a failing document and reports it.
mkdir -p "$tmp/tree/a" "$tmp/tree/b"
cp samples/tsb-circular-50/en.xml "$tmp/tree/a/en.xml"; cp tests/bad/dangling-ref.xml "$tmp/tree/b/en.xml"
cg build "$tmp/tree" -o "$tmp/tree-out" >"$tmp/log" 2>&1; rc=$?
[ $rc = 1 ] && [ -s "$tmp/tree-out/a/en.pdf" ] && grep -q '2 documents: 1 built, 0 up to date, 1 failed' "$tmp/log" && grep -q 'annex-9' "$tmp/log" && ok || ko "build past a failure: exit $rc: $(cat "$tmp/log")"

finish pdf
