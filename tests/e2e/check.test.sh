#!/bin/sh
# circgen check: the samples and string catalogs are valid; every file of the broken
# corpus (tests/bad/EXPECT) gets its file:line:col diagnostic and exit status; no
# external content is ever read.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh

for f in samples/*/*.xml templates/*/strings/*.xml tests/data/*.xml; do
    if cg check -q "$f" 2>"$tmp/err"; then ok; else ko "$f should be valid: $(cat "$tmp/err")"; fi
done

cd tests/bad || exit 2
n=0
while IFS='|' read -r file want msg; do
    case "$file" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    cg check "$file" >/dev/null 2>"$tmp/err"
    got=$?
    if [ "$got" != "$want" ]; then
        ko "$file: exit $got, want $want"
    elif ! grep -qF -- "$msg" "$tmp/err"; then
        ko "$file: diagnostic missing: $msg; got: $(cat "$tmp/err")"
    else ok; fi
done < EXPECT
# One message per mistake: as many error lines as the file has lines in EXPECT
# (no follow-up lines such as libxml2's "failed to validate content").
for file in $(grep -v '^#' EXPECT | cut -d'|' -f1 | sort -u); do
    want=$(grep -c "^$file|" EXPECT)
    got=$(cg check "$file" 2>&1 >/dev/null | grep -c ': error: ')
    if [ "$got" = "$want" ]; then ok; else ko "$file: $got error lines, want $want: $(cg check "$file" 2>&1 >/dev/null)"; fi
done
# Every corpus file is listed in EXPECT.
for f in *.xml; do grep -q "^$f|" EXPECT || ko "$f is not listed in tests/bad/EXPECT"; done

# No external content is read: the secret never reaches the output, and the process
# never opens the file (checked with strace where it is installed).
if cg check xxe-file.xml 2>&1 | grep -q CIRCGEN-SECRET; then ko "xxe-file.xml leaked"; else ok; fi
if command -v strace >/dev/null 2>&1; then
    strace -f -e trace=open,openat -o "$tmp/trace" "$CIRCGEN" check xxe-file.xml >/dev/null 2>&1
    if grep -q 'secret.txt' "$tmp/trace"; then ko "xxe-file.xml: secret.txt was opened"; else ok; fi
    strace -f -e trace=connect,socket -o "$tmp/trace" "$CIRCGEN" check xxe-network.xml >/dev/null 2>&1
    if grep -qE 'connect\(' "$tmp/trace"; then ko "xxe-network.xml: a connection was made"; else ok; fi
fi
cd ../..

# Hostile input to the schema step: one clear message each, bounded in time and
# memory (the generated files are large; they are made here, not kept in tests/bad).
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1] + '/'
base = open('tests/data/minimal.xml').read()
def put(name, a, b):
    open(t + name, 'w').write(base.replace(a, b, 1))
put('deep.xml', 'See <annex-ref', 'See ' + '<b>' * 240 + '<date value="1/2/2024"/>' + '</b>' * 240 + ' <annex-ref')
put('deeper.xml', 'See <annex-ref', 'See ' + '<b>' * 300 + '</b>' * 300 + ' <annex-ref')
put('huge-attr.xml', 'code="SG2/AB"', 'code="SG2/' + 'A' * 1000000 + ' "')
put('huge-text.xml', '<phone>+41 22 730 0000</phone>', '<phone>+41 ' + '2' * 1000000 + 'x</phone>')
put('many.xml', '<para id="para-1">', ''.join('<para id="p%d">x</para>' % i for i in range(100000)) + '<para>')
put('many-bad.xml', '<para id="para-1">', '<para>x</para>' * 20000 + '<para id="para-1">')
PY
hostile() {   # file, expected substring, expected number of error lines
    # One limit per ulimit call (dash); no address-space limit under AddressSanitizer,
    # whose shadow memory is a huge reservation (make asan/sanitize set ASAN_OPTIONS).
    ( ulimit -t 20; [ -n "${ASAN_OPTIONS:-}" ] || ulimit -v 2000000; cg check "$tmp/$1" ) >/dev/null 2>"$tmp/err"
    got=$?
    lines=$(grep -c ': error: ' "$tmp/err")
    if [ "$got" != 1 ]; then ko "$1: exit $got, want 1: $(head -c 300 "$tmp/err")"
    elif ! grep -qF -- "$2" "$tmp/err"; then ko "$1: missing '$2'; got: $(head -c 300 "$tmp/err")"
    elif [ "$lines" != "$3" ]; then ko "$1: $lines error lines, want $3"
    else ok; fi
}
hostile deep.xml 'deep.xml:14:747: error: <date>: attribute value: "1/2/2024" is not a date' 1
hostile deeper.xml 'error: elements nested more than 256 deep' 1
hostile huge-attr.xml 'error: <circular>: attribute code: "SG2/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…" does not have the form' 1
hostile huge-text.xml 'error: <phone>: "+41 222222222222222222222222222222222222…" is not an international telephone number' 1
hostile many.xml 'error: <para> lacks the required attribute id' 1
hostile many-bad.xml 'error: <para> lacks the required attribute id' 20000

# A schema that cannot be found or read: a clear message, no crash.
CIRCGEN_TEMPLATES=/nonexistent cg check tests/data/minimal.xml >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -qF "unknown document type 'tsb-circular' (no /nonexistent/tsb-circular/schema.rng)" "$tmp/err" \
    && ok || ko "no templates: $(cat "$tmp/err")"
cp -r templates "$tmp/t"
printf '<grammar' >"$tmp/t/tsb-circular/schema.rng"
CIRCGEN_TEMPLATES="$tmp/t" cg check tests/data/minimal.xml >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -qF "schema.rng:1:9: error: Couldn't find end of Start Tag" "$tmp/err" \
    && grep -qF "error: cannot load the schema of document type 'tsb-circular'" "$tmp/err" \
    && [ "$(grep -c ': error: ' "$tmp/err")" = 2 ] && ok || ko "broken schema: $(cat "$tmp/err")"
cp templates/tsb-circular/schema.rng "$tmp/t/tsb-circular/schema.rng"
for inc in inline block; do   # each shared grammar the schema includes, missing in turn
    mv "$tmp/t/common/$inc.rng" "$tmp/t/common/$inc.rng.away"
    at=$(grep -n "href=\"../common/$inc.rng\"" templates/tsb-circular/schema.rng | cut -d: -f1)
    CIRCGEN_TEMPLATES="$tmp/t" cg check tests/data/minimal.xml >/dev/null 2>"$tmp/err"
    [ $? = 1 ] && [ -n "$at" ] \
        && grep -qF "schema.rng:$at: error: xmlRelaxNG: could not load $tmp/t/common/$inc.rng" "$tmp/err" \
        && grep -qF "error: cannot load the schema of document type 'tsb-circular'" "$tmp/err" \
        && [ "$(grep -c ': error: ' "$tmp/err")" = 2 ] && ok || ko "missing include $inc.rng: $(cat "$tmp/err")"
    mv "$tmp/t/common/$inc.rng.away" "$tmp/t/common/$inc.rng"
done

# Command line: help, version, usage errors.
cg --version | grep -q '^circgen [0-9]' && ok || ko "--version"
cg --help | grep -q 'check' && ok || ko "--help lists check"
cg help check | grep -q 'exit status' && ok || ko "help check"
cg check --help | grep -q 'usage: circgen check' && ok || ko "check --help"
cg check >/dev/null 2>&1; [ $? = 2 ] && ok || ko "check with no file exits 2"
cg check --bogus x.xml >/dev/null 2>&1; [ $? = 2 ] && ok || ko "unknown option exits 2"
cg frobnicate >/dev/null 2>&1; [ $? = 2 ] && ok || ko "unknown command exits 2"
# A directory is an I/O error, not an invalid document.
cg check tests >/dev/null 2>&1; [ $? = 2 ] && ok || ko "a directory exits 2"
# Mixed: one valid and one invalid file gives 1, and both are reported.
cg check tests/data/minimal.xml tests/bad/dangling-ref.xml >"$tmp/out" 2>"$tmp/err"
[ $? = 1 ] && grep -q 'minimal.xml: valid' "$tmp/out" && grep -q 'annex-9' "$tmp/err" && ok || ko "mixed files"

finish check
