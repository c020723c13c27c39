#!/bin/sh
# circgen new and circgen types: every skeleton (templates/TYPE/new/KIND.LANG.xml) of
# every type, kind and language is written as it is and passes circgen check; types
# lists them; -o never overwrites without --force; a bad type, kind or language is a
# clear message and exit 2. templates/schemas.xml names every document type.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh

cg types >"$tmp/types" 2>"$tmp/err" && ok || ko "types: $(cat "$tmp/err")"
n=0
for f in templates/*/new/*.xml; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    type=$(basename "$(dirname "$(dirname "$f")")")
    name=$(basename "$f" .xml); kind=${name%.*}; lang=${name##*.}
    out="$tmp/$type-$kind-$lang.xml"
    if cg new "$type" --kind "$kind" --lang "$lang" -o "$out" 2>"$tmp/err"; then ok; else
        ko "new $type --kind $kind --lang $lang: $(cat "$tmp/err")"; continue; fi
    cmp -s "$f" "$out" && ok || ko "new $type $kind $lang: not the skeleton $f"
    if cg check -q "$out" 2>"$tmp/err"; then ok; else ko "$f does not pass check: $(cat "$tmp/err")"; fi
    grep -q "xml:lang=\"$lang\"" "$out" && ok || ko "$f: its xml:lang is not $lang"
    # It makes a PDF and an HTML page too.
    cg pdf -o "$tmp/x.pdf" "$out" 2>"$tmp/err" && cg html -o "$tmp/x.html" "$out" 2>>"$tmp/err" && ok ||
        ko "$f does not render: $(cat "$tmp/err")"
    # Listed by circgen types: the kind, with its languages, under its type.
    awk -v t="$type" -v k="$kind" -v l="$lang" '
        /^[^ ]/ { cur = $1 } cur == t && $1 == k && index($0, "[") && $0 ~ ("[[ ]" l "[] ]") { found = 1 }
        END { exit !found }' "$tmp/types" && ok || ko "types does not list $type $kind [$lang]"
    # The kind's description is the first line of the skeleton's first comment.
    desc=$(sed -n '2s/^<!-- *//p' "$f")
    [ "$lang" != en ] || grep -qF -- "$desc" "$tmp/types" && ok || ko "types lacks the description of $f"
done
[ "$n" -ge 3 ] && ok || ko "only $n skeletons"
# The language versions of one kind are translations of each other: same ids, same
# data, so circgen diff finds nothing between the English and each other one.
for f in templates/*/new/*.en.xml; do
    for g in "${f%.en.xml}".*.xml; do
        [ "$g" = "$f" ] && continue
        cg diff --color=never "$f" "$g" >"$tmp/diff" 2>&1 && ok || ko "diff $f $g: $(cat "$tmp/diff")"
    done
done
# The ones the README promises.
for t in "tsb-circular consultation en" "tsb-circular consultation zh" "liaison-statement default en" \
         "tsb-circular approval en" "tsb-circular approval zh" "tsb-circular workshop en" "tsb-circular workshop zh" \
         "tsb-circular questionnaire en" "tsb-circular questionnaire zh" \
         "collective-letter default en" "collective-letter default zh"; do
    set -- $t
    [ -f "templates/$1/new/$2.$3.xml" ] && ok || ko "no skeleton $1 $2 $3"
done
# Every type in circgen types has a one-line description.
grep -q '^tsb-circular  *A TSB circular' "$tmp/types" && ok || ko "types: tsb-circular description"
grep -q '^collective-letter  *A TSB collective letter' "$tmp/types" && ok || ko "types: collective-letter description"

# Defaults: --lang en; the only kind, or the kind named default; a type of several
# kinds and no default (tsb-circular) asks for --kind.
cg new tsb-circular --kind consultation >"$tmp/d.xml" && cmp -s "$tmp/d.xml" templates/tsb-circular/new/consultation.en.xml && ok ||
    ko "new tsb-circular --kind consultation: not the English consultation"
cg new collective-letter --lang zh | cmp -s - templates/collective-letter/new/default.zh.xml && ok ||
    ko "new collective-letter --lang zh: not the default kind"
cg new liaison-statement | cmp -s - templates/liaison-statement/new/default.en.xml && ok ||
    ko "new liaison-statement: not the default kind"

# -o does not overwrite; --force does; the file is untouched after a refusal.
echo keep >"$tmp/exists.xml"
cg new tsb-circular --kind consultation -o "$tmp/exists.xml" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'exists; use --force' "$tmp/err" && [ "$(cat "$tmp/exists.xml")" = keep ] && ok ||
    ko "-o overwrote an existing file: $(cat "$tmp/err")"
cg new tsb-circular --kind consultation -o "$tmp/exists.xml" --force && cg check -q "$tmp/exists.xml" && ok || ko "--force"
cg new tsb-circular --kind consultation -o "$tmp/no/such/dir/x.xml" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'cannot write' "$tmp/err" && ok || ko "unwritable -o: $(cat "$tmp/err")"

# Bad type, kind, language: exit 2, a message saying what exists.
expect2() {   # expect2 WANT-IN-MESSAGE ARGS...
    want=$1; shift
    cg "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ $rc = 2 ] && grep -qF -- "$want" "$tmp/err" && [ ! -s "$tmp/out" ] && ok ||
        ko "circgen $*: exit $rc, want 2 and '$want'; got: $(cat "$tmp/err")"
}
expect2 "no document type 'circullar'; the types are: collective-letter, liaison-statement, tsb-circular" new circullar
expect2 "tsb-circular has no kind 'invitation'; its kinds are: approval, consultation, questionnaire, workshop" new tsb-circular --kind invitation
expect2 "in language 'fr'; it exists in: en, zh" new tsb-circular --kind workshop --lang fr
expect2 "several kinds; choose one with --kind: approval, consultation, questionnaire, workshop" new tsb-circular
expect2 "in language 'zh'; it exists in: en" new liaison-statement --lang zh
expect2 "is not a name" new ../tsb-circular
expect2 "is not a name" new tsb-circular --lang ../../x
expect2 "no document type given" new
expect2 "missing value of '--kind'" new tsb-circular --kind
expect2 "unknown option '--bogus'" new tsb-circular --bogus
expect2 "unexpected argument 'x'" new tsb-circular x
expect2 "unknown argument" types --bogus
# A type with one kind uses it; a second kind, without a default, makes it ask for
# --kind (in a copy of the templates).
cp -R templates "$tmp/tpl"
cp "$tmp/tpl/liaison-statement/new/default.en.xml" "$tmp/tpl/liaison-statement/new/only.en.xml"
rm "$tmp/tpl/liaison-statement/new/default.en.xml"
cg new --templates "$tmp/tpl" liaison-statement | cmp -s - templates/liaison-statement/new/default.en.xml && ok ||
    ko "a type's only kind is not the default"
cp "$tmp/tpl/liaison-statement/new/only.en.xml" "$tmp/tpl/liaison-statement/new/other.en.xml"
expect2 "several kinds; choose one with --kind: only, other" new --templates "$tmp/tpl" liaison-statement
cp "$tmp/tpl/tsb-circular/new/consultation.en.xml" "$tmp/tpl/tsb-circular/new/other.en.xml"
# A kind is a file: dropping one in new/ adds it, with no change to the program.
cg types --templates "$tmp/tpl" | grep -q '^  other ' && ok || ko "a dropped-in kind is not listed"

# --help of the new commands.
cg new --help | grep -q '^usage: circgen new TYPE' && ok || ko "new --help"
cg types --help | grep -q '^usage: circgen types' && ok || ko "types --help"
cg help new | grep -q -- '--kind KIND' && ok || ko "help new"
cg --help | grep -q '^  new ' && cg --help | grep -q '^  types ' && cg --help | grep -q '^  watch ' && ok ||
    ko "--help lists new, types and watch"

# Editors: schemas.xml is well-formed nXML locating rules with a rule for every type,
# naming the compact syntax beside the type's schema.rng.
xmllint --noout templates/schemas.xml 2>"$tmp/err" && ok || ko "schemas.xml: $(cat "$tmp/err")"
grep -q 'xmlns="http://thaiopensource.com/ns/locating-rules/1.0"' templates/schemas.xml && ok ||
    ko "schemas.xml is not in the locating-rules namespace"
for t in $(awk '/^[^ ]/ { print $1 }' "$tmp/types"); do
    grep -qF "<namespace ns=\"urn:circgen:$t\" uri=\"$t/schema.rnc\"/>" templates/schemas.xml && ok ||
        ko "schemas.xml has no rule for $t"
    [ -f "templates/$t/schema.rng" ] && ok || ko "templates/$t/schema.rng is missing"
done

finish new
