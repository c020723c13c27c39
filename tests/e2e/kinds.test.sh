#!/bin/sh
# Kinds of document beyond the consultation: the questionnaire annex of a TSB circular
# (samples/tsb-circular-questionnaire), the collective-letter document type
# (samples/collective-letter-sg17), and a fifth kind written from the README and
# "circgen new" alone (tests/data/fifth-kind: a circular establishing a Focus Group
# and calling for experts). Each is checked, built, has the same text in PDF and HTML,
# diffs clean between its languages; the questionnaire is a form of tick boxes and
# lines (PDF) and fieldsets with labelled fields (HTML); the table of deadlines is
# sorted and worded by the templates; the checks of both catch what a schema cannot.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1753228800

q=samples/tsb-circular-questionnaire cl=samples/collective-letter-sg17 f=tests/data/fifth-kind
for d in $q $cl $f; do
    cg check -q "$d/en.xml" "$d/zh.xml" 2>"$tmp/err" && ok || ko "check $d: $(cat "$tmp/err")"
    cg diff --color=never "$d/en.xml" "$d/zh.xml" >"$tmp/diff" 2>&1 && ok || ko "diff $d en zh: $(cat "$tmp/diff")"
    cg diff --color=never "$d/zh.xml" "$d/en.xml" >"$tmp/diff" 2>&1 && ok || ko "diff $d zh en: $(cat "$tmp/diff")"
done
cg build $q $cl $f -o "$tmp/out" -q 2>"$tmp/log" && ok || ko "build: $(cat "$tmp/log")"
for d in tsb-circular-questionnaire collective-letter-sg17 fifth-kind; do
    for l in en zh; do
        b=$tmp/out/$d/$l
        [ -s "$b.pdf" ] && [ -s "$b.html" ] && ok || ko "$d/$l: no PDF or HTML"
        python3 tests/e2e/pdftext.py same "$b.html" "$b.pdf" && ok || ko "$d/$l: PDF and HTML text differ"
        python3 tests/e2e/pdftext.py tagged "$b.html" "$b.pdf" && ok || ko "$d/$l: structure tree and HTML text differ"
        python3 tests/e2e/pdftext.py footnotes "$b.html" "$b.pdf" >"$tmp/fn" && ok || ko "$d/$l: $(cat "$tmp/fn")"
        qpdf --check "$b.pdf" >/dev/null 2>&1 && ok || ko "$d/$l: qpdf --check"
    done
done

# The questionnaire: questions numbered by the templates, the hint of each kind, the
# respondent's fields, Yes/No from the strings, the return line with the deadline.
pdftotext -raw "$tmp/out/tsb-circular-questionnaire/en.pdf" - >"$tmp/q.txt"
for n in 1 2 3 4 5 6 7 8; do grep -q "^$n\. " "$tmp/q.txt" && ok || ko "questionnaire: no question $n"; done
grep -q '(tick one box)' "$tmp/q.txt" && grep -q '(tick all that apply)' "$tmp/q.txt" && ok || ko "questionnaire: hints"
grep -q '^Member State or organization:$' "$tmp/q.txt" && grep -q '^Yes$' "$tmp/q.txt" && grep -q '^No$' "$tmp/q.txt" && ok ||
    ko "questionnaire: respondent fields or Yes/No"
grep -q 'explain why under question 8\.' "$tmp/q.txt" && ok || ko "questionnaire: question-ref is not 'question 8'"
tr '\n' ' ' <"$tmp/q.txt" | grep -q 'by 23:59 hours UTC on 15 May 2026\.' && ok || ko "questionnaire: return line"
pdftotext -raw "$tmp/out/tsb-circular-questionnaire/zh.pdf" - | tr -d ' \n' | grep -q '请于2026年5月15日协调世界时23时59分之前将填妥的问卷发送至tsbsg2@itu.int' && ok ||
    ko "questionnaire zh: return line"
# The form's fixed wording overridden per document (the fifth kind's expression of
# interest): respondent-label for "Respondent", return-note for the return line, in
# the PDF and the HTML of both languages, and not printed twice.
for l in en zh; do
    b=$tmp/out/fifth-kind/$l
    case $l in en) lab=Applicant note='Please send your expression of interest to tsbfgaiag@itu.int by 23:59 hours UTC on 29 May 2026' std='Respondent|Please return the completed';;
               zh) lab=申请方 note='请在2026年5月29日协调世界时23时59分之前将参加意向表发送至tsbfgaiag@itu.int' std='答复方|将填妥的问卷';; esac
    pdftotext -raw "$b.pdf" - | tr -d '\n' | sed 's/  */ /g' >"$tmp/fk.txt"
    [ "$l" = zh ] && tr -d ' ' <"$tmp/fk.txt" >"$tmp/fk2.txt" && mv "$tmp/fk2.txt" "$tmp/fk.txt" && note=$(printf %s "$note" | tr -d ' ')
    [ "$(grep -o "$lab" "$tmp/fk.txt" | wc -l)" = 1 ] && ok || ko "fifth kind $l: respondent-label not printed once"
    grep -qF "$note" "$tmp/fk.txt" && ok || ko "fifth kind $l: return-note not printed"
    grep -Eq "$std" "$tmp/fk.txt" && ko "fifth kind $l: the strings' wording printed beside the overrides" || ok
    grep -q "<legend>$lab</legend>" "$b.html" && ok || ko "fifth kind $l: respondent-label not the HTML legend"
done

# A return-note names the reply-to's address and deadline, no others.
sed 's|<email>tsbfgaiag@itu.int</email> by|<email>tsbfg@itu.int</email> by|' $f/en.xml >"$tmp/rn.xml"
cg check "$tmp/rn.xml" 2>"$tmp/err" >/dev/null && ko "a return-note naming another address accepted" ||
    grep -q "rn.xml:[0-9]*:[0-9]*: error: <return-note> names the address tsbfg@itu.int, not the reply-to's tsbfgaiag@itu.int" "$tmp/err" && ok || ko "return-note address: $(cat "$tmp/err")"
sed 's|by <deadline at="2026-05-29T23:59"|by <deadline at="2026-05-30T23:59"|' $f/en.xml >"$tmp/rn.xml"
cg check "$tmp/rn.xml" 2>"$tmp/err" >/dev/null && ko "a return-note with another deadline accepted" ||
    grep -q "error: <return-note>: <deadline at=\"2026-05-30T23:59\"> is not the reply-to's deadline (2026-05-29T23:59)" "$tmp/err" && ok || ko "return-note deadline: $(cat "$tmp/err")"

# The HTML is a form: one fieldset with a legend per question and for the respondent;
# radio buttons for choice and yes-no, check boxes for multiple, text areas; every
# input and text area has a label or an accessible name.
h=$tmp/out/tsb-circular-questionnaire/en.html
python3 - "$h" <<'PY' && ok || ko "questionnaire HTML form"
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.fs = s.legends = 0; s.inputs = []; s.labels = set(); s.types = {}
    def handle_starttag(s, t, a):
        a = dict(a)
        if t == "form": s.form = True
        if t == "fieldset": s.fs += 1
        if t == "legend": s.legends += 1
        if t == "label": s.labels.add(a.get("for"))
        if t in ("input", "textarea") and a.get("type") != "submit":
            s.inputs.append(a); s.types.setdefault(a.get("name"), set()).add(a.get("type", t))
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
errs = []
if p.fs != 9 or p.legends != 9: errs.append(f"{p.fs} fieldsets, {p.legends} legends, not 9")
for i in p.inputs:
    if not (i.get("id") in p.labels or i.get("aria-label")): errs.append(f"unlabelled field {i}")
want = {"q-range": {"radio"}, "q-format": {"radio"}, "q-users": {"checkbox"}, "q-issues": {"textarea"}, "q-format-other-specify": {"text"}}
for k, v in want.items():
    if p.types.get(k) != v: errs.append(f"{k}: {p.types.get(k)}, want {v}")
print("\n".join(errs)); sys.exit(1 if errs else 0)
PY
grep -q '<form class="questionnaire" method="post" enctype="text/plain" action="mailto:tsbsg2@itu.int">' "$h" && ok || ko "questionnaire: form action"
grep -q '<textarea name="q-issues" rows="5"' "$h" && ok || ko "questionnaire: text area rows from lines"

# The collective letter: its name in Ref and the running header, the annex heading,
# the table of deadlines sorted by date with the strings' wording.
pdftotext -raw "$tmp/out/collective-letter-sg17/en.pdf" - >"$tmp/cl.txt"
grep -q 'TSB Collective letter 3/17' "$tmp/cl.txt" && ok || ko "collective letter: name"
pdftotext -raw -f 2 -l 2 "$tmp/out/collective-letter-sg17/en.pdf" - | head -2 | tr '\n' ' ' | grep -q '^- 2 - TSB Collective letter 3/17' && ok || ko "collective letter: running header"
grep -q '^Annex 1 (to TSB Collective letter 3/17)$' "$tmp/cl.txt" && ok || ko "collective letter: annex heading"
grep -E '^(6 July 2026|20 July 2026|3 August 2026|23:59 hours UTC on 20)' "$tmp/cl.txt" | cut -c1-12 | tr '\n' '|' >"$tmp/order"
[ "$(cat "$tmp/order")" = "6 July 2026 |20 July 2026|3 August 202|23:59 hours |" ] && ok || ko "collective letter: deadlines not sorted: $(cat "$tmp/order")"
grep -q 'Submission of requests for fellowships' "$tmp/cl.txt" && ok || ko "collective letter: deadline wording"
pdftotext -raw "$tmp/out/collective-letter-sg17/zh.pdf" - | tr -d ' \n' | grep -q '电信标准化局第3/17号集体函' && ok || ko "collective letter zh: name"
pdfinfo "$tmp/out/collective-letter-sg17/en.pdf" | grep -q '^Keywords: *ITU-T Study Group 17$' && ok || ko "collective letter: keywords"
mutool show "$tmp/out/collective-letter-sg17/en.pdf" outline 2>/dev/null | grep -q '"Annex 2"' && ok || ko "collective letter: outline"

# The checks of the questionnaire and of the collective letter.
bad() {   # bad SOURCE SED-SCRIPT WANT-IN-MESSAGE
    sed "$2" "$1" >"$tmp/bad.xml"
    cg check "$tmp/bad.xml" >"$tmp/out.txt" 2>&1
    rc=$?
    [ $rc = 1 ] && grep -qF -- "$3" "$tmp/out.txt" && ok || ko "check of '$2': exit $rc, want 1 and '$3'; got: $(cat "$tmp/out.txt")"
}
bad $q/en.xml '/<option id="q-users-mvno"/,/<option id="q-users-ent"/d' \
    '<question id="q-users" type="multiple"> has 1 option(s): a choice needs at least two <option>'
bad $q/en.xml 's|<text id="q-range-text">\(.*\)</text>|<text id="q-range-text">\1</text><option id="x-1">Maybe</option>|' \
    '<question id="q-range" type="yes-no"> has <option> elements: its answers Yes and No come from the strings'
bad $q/en.xml 's|<question id="q-format" type="choice">|<question id="q-format" type="choice" lines="3">|' \
    '<question id="q-format" type="choice">: lines="3" is for questions of type "text" only'
bad $q/en.xml 's|<option id="q-format-e212">|<option id="q-format-e212" specify="yes">|' \
    'a second option with specify="yes"'
bad $q/en.xml 's|>Not known<|>More than 20%<|' \
    'the option "More than 20%" is given twice'
bad $q/en.xml 's|<question-ref ref="q-comments"/>|<question-ref ref="h-plan"/>|' \
    '<question-ref ref="h-plan"> points to a <heading>, not to a question'
bad $cl/en.xml 's|<due what="visa" date="2026-07-20"/>|<due what="visa" date="2026-09-02"/>|' \
    '<due what="visa">: the deadline (2026-09-02) is not before the meeting starts (2026-09-01, the date-range of the subject)'
bad $cl/en.xml 's|<due what="visa" date="2026-07-20"/>|<due what="fellowships" date="2026-07-20"/>|' \
    '<due what="fellowships"> is given twice'
bad $cl/en.xml 's|<due what="visa" date="2026-07-20"/>|<due what="visa" date="2026-07-20" at="2026-07-20T12:00" zone="UTC"/>|' \
    '<due what="visa"> needs one of date="YYYY-MM-DD" or at="YYYY-MM-DDThh:mm"'
bad $cl/en.xml 's|<due what="contributions" at="2026-08-20T23:59" zone="UTC"/>|<due what="contributions" at="2026-08-20T23:59"/>|' \
    'lacks its zone'
bad $cl/en.xml 's|<due what="visa" date="2026-07-20"/>|<due what="other" date="2026-07-20"/>|' \
    '<due what="other"> says what is due in its text, with an id'
bad $cl/en.xml 's|<due what="visa" date="2026-07-20"/>|<due what="visa" date="2026-07-20">Visas</due>|' \
    '<due what="visa"> takes its wording from the strings'
bad $cl/en.xml 's|Geneva, <date-range from="2026-09-01" to="2026-09-09"/></subject>|Geneva, September 2026</subject>|' \
    '<subject> gives no dates'
# A deadline of one's own ("other") is a unit: its words and its date in the table.
sed 's|<due what="visa" date="2026-07-20"/>|&<due what="other" id="due-hotel" date="2026-08-01">Booking of hotel rooms at the ITU rate</due>|' \
    $cl/en.xml >"$tmp/other.xml"
cg check -q "$tmp/other.xml" && cg pdf "$tmp/other.xml" -o "$tmp/other.pdf" && ok || ko "a due of what=other"
pdftotext -raw "$tmp/other.pdf" - | grep -q '^1 August 2026 Booking of hotel rooms at the ITU rate$' && ok || ko "the other deadline's row"

# XLIFF: the Chinese version through a CAT tool's file and back is the Chinese version.
for d in $q $cl $f; do
    cg xliff extract "$d/en.xml" --target-lang zh --translation "$d/zh.xml" -o "$tmp/x.xlf" 2>"$tmp/err" &&
        cg xliff merge "$tmp/x.xlf" --source "$d/en.xml" -o "$tmp/x-zh.xml" 2>>"$tmp/err" &&
        cg diff --color=never "$tmp/x-zh.xml" "$d/zh.xml" >>"$tmp/err" 2>&1 && ok || ko "xliff round trip of $d: $(cat "$tmp/err")"
done

# The catalogs of French, Spanish and Russian have every string of the new markup:
# the English sources relabelled render (a missing string stops the templates).
for l in fr es ru; do
    for d in $q $cl; do
        sed "s/xml:lang=\"en\"/xml:lang=\"$l\"/" "$d/en.xml" >"$tmp/$l.xml"
        cg pdf "$tmp/$l.xml" -o "$tmp/$l.pdf" 2>"$tmp/err" && cg html "$tmp/$l.xml" -o "$tmp/$l.html" 2>>"$tmp/err" && ok ||
            ko "$d as $l: $(cat "$tmp/err")"
    done
done
pdftotext -raw "$tmp/ru.pdf" - | grep -q '^Приложение 1 (к Коллективному письму 3/17 БСЭ)$' && ok || ko "ru: annex heading of the collective letter"
pdftotext -raw "$tmp/fr.pdf" - | grep -q '^20 août 2026' && ok || ko "fr: the contributions deadline"

finish kinds
