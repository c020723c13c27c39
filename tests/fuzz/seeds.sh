#!/bin/sh
# Makes the seed corpora of the fuzz harnesses from the samples and test files, into
# build/fuzz/seed-NAME (NAME as in tests/fuzz/fuzz_NAME.c).
set -e
cd "$(dirname "$0")/../.."
out=build/fuzz
rm -rf $out/seed-source $out/seed-diff $out/seed-xliff
mkdir -p $out/seed-source $out/seed-diff $out/seed-fo $out/seed-xliff
for f in samples/*/*.xml tests/data/*.xml tests/bad/*.xml tests/diff/*.xml templates/*/strings/*.xml; do
    [ -f "$f" ] && cp "$f" "$out/seed-source/$(echo "$f" | tr / _)"
done
i=0
for f in tests/diff/*.xml samples/tsb-circular-50/zh.xml samples/tsb-circular-50/en.xml; do
    [ -f "$f" ] || continue
    i=$((i + 1))
    { cat samples/tsb-circular-50/en.xml; printf '\000'; cat "$f"; } > "$out/seed-diff/pair-$i"
done
for f in tests/fo/*.fo; do
    [ -f "$f" ] && cp "$f" "$out/seed-fo/"
done
# Small seeds of one structure each (tests/fuzz/seeds/HARNESS-*): in a few hundred
# bytes, erasing or renaming a whole element is a likely mutation, which it is not in
# the large test files (a layout-master-set left without its simple-page-master was
# never reached from those in 300 s; from these it was in under 150 s).
for f in tests/fuzz/seeds/fo-*; do
    [ -f "$f" ] && cp "$f" "$out/seed-fo/"
done
# XLIFF files for tests/xliff/source.xml: the good ones and the damaged corpus.
for f in tests/xliff/*.xlf; do
    [ -f "$f" ] && cp "$f" "$out/seed-xliff/"
done
exit 0
