#!/bin/sh
# circgen xliff: round trips of every language version of every sample through XLIFF
# 2.0 and 1.2 (canonical-XML equal: the rule is tests/xliff/canon.xsl), both OASIS
# schemas (../shared/xliff, beside the repository), translate-toolkit reading the 1.2
# files, units changed since a previous source, and the damaged corpus
# (tests/xliff/EXPECT): each file refused with its message and exit status, leaving
# no output and an existing output untouched.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
XSD=../shared/xliff
root=$PWD
canon() { xsltproc "$root/tests/xliff/canon.xsl" "$1" | xmllint --c14n -; }
valid() {   # valid FORMAT FILE
    if [ "$1" = 1.2 ]; then xsd=$XSD/xliff-core-1.2-strict.xsd; else xsd=$XSD/xliff_core_2.0.xsd; fi
    if [ ! -f "$xsd" ]; then ko "no schema $xsd (../shared/xliff beside the repository)"; return; fi
    if xmllint --noout --schema "$xsd" "$2" 2>"$tmp/xsd"; then ok; else ko "$2 ($1) does not validate: $(cat "$tmp/xsd")"; fi
}

# Help.
cg xliff --help | grep -q 'circgen xliff extract' && ok || ko "xliff --help"
cg help xliff | grep -q 'circgen xliff merge' && ok || ko "help xliff"
cg xliff extract --help | grep -q -- '--target-lang' && ok || ko "xliff extract --help"
cg xliff frobnicate 2>/dev/null; [ $? = 2 ] && ok || ko "xliff frobnicate: exit 2"
cg xliff extract samples/tsb-circular-50/en.xml -o "$tmp/x.xlf" 2>/dev/null; [ $? = 2 ] && ok || ko "extract without --target-lang: exit 2"
cg xliff merge 2>/dev/null; [ $? = 2 ] && ok || ko "merge without file: exit 2"
cg xliff merge tests/xliff/good.xlf -o "$tmp/no/such/dir.xml" 2>/dev/null; [ $? = 2 ] && ok || ko "merge to an unwritable place: exit 2"
cg xliff merge "$tmp/none.xlf" -o "$tmp/x.xml" 2>/dev/null; [ $? = 2 ] && ok || ko "merge of a missing file: exit 2"
cg xliff extract tests/bad/schema-violation.xml --target-lang zh -o "$tmp/x.xlf" 2>/dev/null; [ $? = 1 ] && [ ! -e "$tmp/x.xlf" ] && ok || ko "extract of an invalid source: exit 1, no file"
cg xliff extract samples/tsb-circular-50/en.xml --target-lang zh --format 3.0 -o "$tmp/x.xlf" 2>/dev/null; [ $? = 2 ] && ok || ko "--format 3.0: exit 2"

# Round trips: for every sample, its English source against every language version
# (English itself included), in both formats.
trips=0
for dir in samples/*/; do
    src=$dir/en.xml
    [ -f "$src" ] || src=$(ls "$dir"*.xml | head -n 1)
    for t in "$dir"*.xml; do
        lang=$(xmllint --xpath 'string(/*/@*[local-name()="lang"])' "$t")
        for f in 2.0 1.2; do
            x=$tmp/rt.xlf m=$tmp/rt.xml
            rm -f "$x" "$m"
            if ! cg xliff extract "$src" --target-lang "$lang" --translation "$t" --format $f -o "$x" 2>"$tmp/err"; then
                ko "extract $src --translation $t ($f): $(cat "$tmp/err")"; continue
            fi
            [ -s "$tmp/err" ] && ko "extract $t ($f) warned: $(cat "$tmp/err")"
            valid $f "$x"
            if ! cg xliff merge "$x" --strict -o "$m" 2>"$tmp/err"; then
                ko "merge of $t ($f): $(cat "$tmp/err")"; continue
            fi
            canon "$m" >"$tmp/a.c14n"; canon "$t" >"$tmp/b.c14n"
            if cmp -s "$tmp/a.c14n" "$tmp/b.c14n"; then ok; else ko "round trip of $t ($f) differs: $(diff "$tmp/a.c14n" "$tmp/b.c14n" | head -n 5)"; fi
            if cg diff --color=never "$src" "$m" >"$tmp/diff" 2>&1; then ok; else ko "diff $src merged $t ($f) finds: $(head -n 5 "$tmp/diff")"; fi
            trips=$((trips + 1))
        done
    done
done
[ "$trips" -ge 6 ] && ok || ko "only $trips round trips"

# Units and groups: one unit per translatable unit, in document order, with places.
S=samples/tsb-circular-50
cg xliff extract $S/en.xml --target-lang zh --translation $S/zh.xml -o "$tmp/c.xlf" 2>/dev/null
units=$(grep -c '<unit ' "$tmp/c.xlf")
leaves=$(xsltproc tests/xliff/leaves.xsl $S/en.xml)
[ "$units" = "$(echo "$leaves" | wc -l)" ] && ok || ko "$units units, want $(echo "$leaves" | wc -l)"
[ "$(grep -o '<unit id="[^"]*"' "$tmp/c.xlf" | sed 's/.*id="//; s/"//')" = "$leaves" ] && ok || ko "units not in document order"
grep -q '<note category="location">Annex 1 › X.1062 › summary</note>' "$tmp/c.xlf" && ok || ko "no place note for the group of X.1062's summary"
grep -q '<note category="location">letter › paragraph 3</note>' "$tmp/c.xlf" && ok || ko "no place note for para-3"
# Places of the block markup as the reader sees them (the diff's places, the same
# rules): a sub-paragraph by its number, a cell by its column's header (spans
# counted), body rows counted, lettered items from the list's start, a footnote by its
# call, a heading by its text, a question by its number.
cg xliff extract tests/data/markup/en.xml --target-lang zh -o "$tmp/m.xlf" 2>/dev/null
cg xliff extract samples/tsb-circular-questionnaire/en.xml --target-lang zh -o "$tmp/q.xlf" 2>/dev/null
cg xliff extract samples/tsb-circular-approval/zh.xml --target-lang en -o "$tmp/a.xlf" 2>/dev/null
for want in "m|letter › paragraph 2.1" "m|letter › paragraph 2.2.1" "m|letter › paragraph 2.2 › ¶1" \
            "m|letter › footnote 1" "m|Annex 1 › heading “Documents”" \
            "m|Annex 1 › table › row 1 › No." "m|Annex 1 › table › row 1 › Source" \
            "m|Annex 1 › table › row 2 › Document" "m|Annex 1 › table › row 3 › Document › list › item c)" \
            "m|Annex 1 › table › head › column 2" "m|letter › paragraph 2 › list › item 2 › list › item 1" \
            "q|Annex 1 › question 2 › option 3" "q|Annex 1 › question 5 › hint" \
            "a|Annex 1 › table › row 3 › 标题"; do
    f=${want%%|*} place=${want#*|}
    grep -qF "<note category=\"location\">$place</note>" "$tmp/$f.xlf" && ok || ko "no place note '$place' in $f.xlf"
done
grep -q 'category="location">[^<]*paragraph [0-9]* › paragraph' "$tmp/m.xlf" && ko "a sub-paragraph named under its parent" || ok
grep -q 'category="location">[^<]*› cell' "$tmp/m.xlf" && ko "a cell named 'cell'" || ok
grep -q 'disp="23:59 hours UTC on 21 November 2025"' "$tmp/c.xlf" && ok || ko "deadline not shown formatted"
grep -q 'disp="3-11 December 2025"' "$tmp/c.xlf" && ok || ko "date range not shown formatted"
grep -q 'canDelete="no" dataRef="d1" disp="A.5"' "$tmp/c.xlf" && ok || ko "rec not a non-deletable placeholder"
# The unit's ITU terms (templates/common/terms/) in the glossary module.
grep -q '<gls:term source="ITU term base (circgen)">Member States</gls:term>' "$tmp/c.xlf" && ok || ko "no glossary entry for Member States"
grep -q '<gls:translation>成员国</gls:translation>' "$tmp/c.xlf" && ok || ko "no Chinese equivalent of Member States"
cg xliff extract $S/zh.xml --target-lang en -o "$tmp/zh.xlf" 2>/dev/null
grep -q 'disp="2025年12月3-11日"' "$tmp/zh.xlf" && ok || ko "Chinese source: date range not in Chinese"
grep -q '<target' "$tmp/zh.xlf" && ko "targets without --translation" || ok

# translate-toolkit reads the 1.2 file: one PO entry per unit; pofilter and po2xliff work on it.
if command -v xliff2po >/dev/null 2>&1; then
    cg xliff extract $S/en.xml --target-lang zh --translation $S/zh.xml --format 1.2 -o "$tmp/c12.xlf"
    xliff2po --progress=none "$tmp/c12.xlf" "$tmp/c.po" 2>"$tmp/err" && ok || ko "xliff2po: $(cat "$tmp/err")"
    entries=$(grep -c '^msgid ' "$tmp/c.po"); tu=$(grep -c '<trans-unit ' "$tmp/c12.xlf")
    [ "$entries" = $((tu + 1)) ] && ok || ko "xliff2po: $entries PO entries (with the header) for $tu units"
    grep -q '^#: para-3$' "$tmp/c.po" && ok || ko "xliff2po: no entry for para-3"
    pofilter --progress=none "$tmp/c.po" "$tmp/f.po" 2>"$tmp/err" && ok || ko "pofilter: $(cat "$tmp/err")"
    po2xliff --progress=none "$tmp/c.po" "$tmp/back.xlf" 2>"$tmp/err" && [ "$(grep '<trans-unit' "$tmp/back.xlf" | grep -vc 'x-gettext-domain-header')" = "$tu" ] && ok || ko "po2xliff: $(cat "$tmp/err")"
else
    ko "xliff2po is not installed (Debian package translate-toolkit: make setup)"
fi

# --previous: the units whose source changed are to translate again, the old
# translation a proposal, the change in a note; the others keep their targets.
sed 's/intends to apply the traditional/intends to use the traditional/; s/>Seizo Onoe</>S. Onoe</' $S/en.xml >"$tmp/old.xml"
for f in 2.0 1.2; do
    cg xliff extract $S/en.xml --target-lang zh --translation $S/zh.xml --previous "$tmp/old.xml" --format $f -o "$tmp/p.xlf" 2>"$tmp/err" && ok || ko "--previous ($f): $(cat "$tmp/err")"
    valid $f "$tmp/p.xlf"
    grep -q 'was: .*\[-use-\].*now: .*{+apply+}' "$tmp/p.xlf" && ok || ko "--previous ($f): no word diff note"
    grep -q 'was: \[-S\.-\] Onoe; now: {+Seizo+} Onoe' "$tmp/p.xlf" && ok || ko "--previous ($f): no note for signer-name"
done
[ "$(grep -c 'state="initial"' "$tmp/p.xlf")" = 0 ] && ok || ko "1.2: state initial"
cg xliff extract $S/en.xml --target-lang zh --translation $S/zh.xml --previous "$tmp/old.xml" -o "$tmp/p.xlf"
[ "$(grep -c '<segment id="s1" state="initial">' "$tmp/p.xlf")" = 2 ] && ok || ko "2.0: two units should be initial"
[ "$(grep -c '<segment state="translated">' "$tmp/p.xlf")" = $((units - 2)) ] && ok || ko "2.0: the unchanged units should keep their targets"
grep -q '<mtc:target>\|<target>尾上诚藏</target>' "$tmp/p.xlf" && ok || ko "2.0: the old translation of signer-name is not a proposal"
# Merging it keeps the source's text of the two units, with a warning each; --strict refuses.
cg xliff merge "$tmp/p.xlf" -o "$tmp/pm.xml" 2>"$tmp/err" && ok || ko "merge with untranslated units: $(cat "$tmp/err")"
[ "$(grep -c "warning: unit '.*' has no target" "$tmp/err")" = 2 ] && ok || ko "two warnings expected: $(cat "$tmp/err")"
grep -q 'Seizo Onoe' "$tmp/pm.xml" && ok || ko "the source's text of signer-name is not kept"
cg xliff merge "$tmp/p.xlf" --strict -o "$tmp/pm2.xml" 2>/dev/null; [ $? = 1 ] && [ ! -e "$tmp/pm2.xml" ] && ok || ko "--strict should refuse"

# A file for another source is refused, and so is the corpus of damaged files.
cg xliff merge "$tmp/c.xlf" --source tests/xliff/source.xml -o "$tmp/o.xml" 2>"$tmp/err"
[ $? = 1 ] && grep -q 'made for another source' "$tmp/err" && ok || ko "another source: $(cat "$tmp/err")"
cd tests/xliff || exit 2
cg xliff merge good.xlf --strict -o "$tmp/good.xml" 2>"$tmp/err" && ok || ko "good.xlf: $(cat "$tmp/err")"
canon "$tmp/good.xml" >"$tmp/a.c14n"; canon target.xml >"$tmp/b.c14n"
cmp -s "$tmp/a.c14n" "$tmp/b.c14n" && ok || ko "good.xlf does not give target.xml"
cg xliff merge good-1.2.xlf --strict -o "$tmp/good12.xml" 2>"$tmp/err" && ok || ko "good-1.2.xlf: $(cat "$tmp/err")"
# What CAT tools do to codes is accepted: a paired code as start and end codes (2.0
# sc/ec; 1.2 bpt/ept linked by rid), annotations (mrk) around text.
sed 's|<pc id="1" dataRefStart="d1" dataRefEnd="d1e" type="fmt" subType="cg:i">最新</pc>|<sc id="1"/>最<mrk id="m1" translate="yes">新</mrk><ec startRef="1"/>|' good.xlf >"$tmp/sc.xlf"
grep -q '<sc id="1"/>最' "$tmp/sc.xlf" || ko "sc.xlf not made"
cg xliff merge "$tmp/sc.xlf" --source source.xml --strict -o "$tmp/sc.xml" 2>"$tmp/err" && canon "$tmp/sc.xml" | cmp -s - "$tmp/b.c14n" && ok || ko "sc/ec and mrk: $(cat "$tmp/err")"
sed 's|<g id="1" ctype="x-i">最新</g>|<bpt id="1" rid="r1">\&lt;i\&gt;</bpt>最新<ept id="9" rid="r1">\&lt;/i\&gt;</ept>|' good-1.2.xlf >"$tmp/rid.xlf"
grep -q '<bpt id="1" rid="r1">' "$tmp/rid.xlf" || ko "rid.xlf not made"
cg xliff merge "$tmp/rid.xlf" --source source.xml --strict -o "$tmp/rid.xml" 2>"$tmp/err" && canon "$tmp/rid.xml" | cmp -s - "$tmp/b.c14n" && ok || ko "bpt/ept with rid: $(cat "$tmp/err")"
# A region of the file's language on a target is the same language.
sed 's|<target>拟议|<target xml:lang="zh-CN">拟议|' good.xlf >"$tmp/zhcn.xlf"
cg xliff merge "$tmp/zhcn.xlf" --source source.xml -o "$tmp/zhcn.xml" 2>"$tmp/err" && grep -q 'zh-CN' "$tmp/zhcn.xlf" && ok || ko "target xml:lang zh-CN in a zh file: $(cat "$tmp/err")"
n=0
while IFS='|' read -r file want msg args; do
    case "$file" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    echo KEEP >"$tmp/existing.xml"
    rm -rf "$tmp/outdir"; mkdir "$tmp/outdir"
    cg xliff merge "$file" $args -o "$tmp/existing.xml" >/dev/null 2>"$tmp/err"
    got=$?
    cg xliff merge "$file" $args -o "$tmp/outdir/new.xml" >/dev/null 2>/dev/null
    if [ "$got" != "$want" ]; then
        ko "$file: exit $got, want $want: $(cat "$tmp/err")"
    elif ! grep -qF -- "$msg" "$tmp/err"; then
        ko "$file: diagnostic missing: $msg; got: $(cat "$tmp/err")"
    elif ! grep -F -- "$msg" "$tmp/err" | head -n 1 | grep -q "^$file:[0-9][0-9]*:[0-9][0-9]*: error: "; then
        ko "$file: the diagnostic names no file:line:col: $(grep -F -- "$msg" "$tmp/err")"
    elif [ "$(cat "$tmp/existing.xml")" != KEEP ]; then
        ko "$file: the existing output was changed"
    elif [ -n "$(ls -A "$tmp/outdir")" ]; then
        ko "$file: left $(ls -A "$tmp/outdir")"
    else ok; fi
done < EXPECT
[ "$n" -ge 20 ] && ok || ko "only $n damaged files"
for f in *.xlf; do
    case "$f" in good*.xlf) continue ;; esac
    grep -q "^$f|" EXPECT || ko "$f is not listed in tests/xliff/EXPECT"
done
# The entity of xxe.xlf is never read.
if cg xliff merge xxe.xlf -o "$tmp/x.xml" 2>&1 | grep -q 'root:'; then ko "xxe.xlf leaked /etc/passwd"; else ok; fi
cd ../..

finish xliff
