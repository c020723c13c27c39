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
