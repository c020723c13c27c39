#!/bin/sh
# circgen diff: every case of tests/diff/EXPECT gets its exit status and its finding;
# the output formats are what they say (XML valid against templates/diff/report.rng,
# HTML5 with its doctype, colour only when asked for); usage errors exit 2.
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
cg() { $CIRCGEN_RUNNER "$CIRCGEN" "$@"; }
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
en=samples/tsb-circular-50/en.xml zh=samples/tsb-circular-50/zh.xml

while IFS='|' read -r a b want msg; do
    case "$a" in ''|'#'*) continue ;; esac
    cg diff --color=never "$a" "$b" >"$tmp/out" 2>&1
    got=$?
    if [ "$got" != "$want" ]; then
        ko "diff $a $b: exit $got, want $want; output: $(head -c 2000 "$tmp/out")"
    elif ! grep -qF -- "$msg" "$tmp/out"; then
        ko "diff $a $b: missing '$msg'; got: $(head -c 2000 "$tmp/out")"
    else ok; fi
done < tests/diff/EXPECT

# XML: valid against its schema, and says the same as the text.
cg diff --format=xml "$en" tests/diff/number-zh.xml >"$tmp/r.xml"
[ $? = 1 ] && ok || ko "--format=xml: exit status"
if command -v xmllint >/dev/null 2>&1; then
    if xmllint --noout --relaxng templates/diff/report.rng "$tmp/r.xml" 2>"$tmp/err"; then ok
    else ko "report XML is not valid: $(cat "$tmp/err")"; fi
    cg diff --format=xml "$en" "$zh" >"$tmp/clean.xml"
    xmllint --noout --relaxng templates/diff/report.rng "$tmp/clean.xml" 2>/dev/null && ok || ko "clean report XML invalid"
    cg diff --format=xml "$en" tests/diff/revision-en.xml >"$tmp/rev.xml"
    xmllint --noout --relaxng templates/diff/report.rng "$tmp/rev.xml" 2>/dev/null && ok || ko "revision report XML invalid"
    grep -q '<del>one</del>' "$tmp/rev.xml" && ok || ko "revision XML lacks <del>one</del>"
    for f in templates/common/diff-rules.xml templates/*/diff-rules.xml; do
        xmllint --noout --relaxng templates/diff/rules.rng "$f" 2>/dev/null && ok || ko "$f invalid"
    done
fi
grep -q 'kind="fact" what="percent" a="70%" b="80%"' "$tmp/r.xml" && ok || ko "XML finding attributes"

# HTML: written atomically with -o, an HTML5 document with the findings in it.
cg diff --format=html -o "$tmp/r.html" "$en" tests/diff/number-zh.xml
[ $? = 1 ] && ok || ko "--format=html: exit status"
head -1 "$tmp/r.html" | grep -q '^<!DOCTYPE html>$' && ok || ko "HTML doctype"
grep -q '<mark>80%</mark>' "$tmp/r.html" && ok || ko "HTML marks the differing number"
if command -v tidy >/dev/null 2>&1; then
    if tidy -q -e "$tmp/r.html" >"$tmp/tidy" 2>&1; then ok; else ko "tidy: $(cat "$tmp/tidy")"; fi
fi
cg diff --format=html "$en" "$zh" | grep -q 'No findings' && ok || ko "clean HTML report"

# Colour: only when asked for (stdout is not a terminal here).
esc=$(printf '\033')
cg diff "$en" tests/diff/number-zh.xml | grep -q "$esc" && ko "colour when not a terminal" || ok
cg diff --color=always "$en" tests/diff/number-zh.xml | grep -q "$esc" && ok || ko "no colour with --color=always"

# Usage errors.
cg diff "$en" >/dev/null 2>&1; [ $? = 2 ] && ok || ko "one file: exit 2"
cg diff --format=pdf "$en" "$zh" >/dev/null 2>&1; [ $? = 2 ] && ok || ko "bad format: exit 2"
cg diff --color=sometimes "$en" "$zh" >/dev/null 2>&1; [ $? = 2 ] && ok || ko "bad colour: exit 2"
cg diff --help | grep -q 'usage: circgen diff' && ok || ko "--help"

echo "diff: $pass passed, $fail failed"
[ "$fail" = 0 ]
