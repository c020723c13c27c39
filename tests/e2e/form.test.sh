#!/bin/sh
# The reply form of Circular 50 (Annex 2) as a PDF form, in every language version, tested
# with real readers: qpdf --check; MuPDF (mutool run tests/e2e/form.js) lists every
# field with its name, type and tooltip, fills every one (Chinese text included), saves,
# reopens and reads the values back; poppler (pdftoppm) renders the filled PDF and the
# pixels inside every filled widget differ from the unfilled render (the text and the
# dots show). --no-form gives the print edition: no fields.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1753228800
drafts=$(grep -c '<draft ' samples/tsb-circular-50/en.xml)

for lang in $(ls samples/tsb-circular-50/ | sed -n 's/\.xml$//p'); do
    src=samples/tsb-circular-50/$lang.xml pdf=$tmp/$lang.pdf
    cg pdf "$src" -o "$pdf" && ok || ko "$lang: render"
    out=$(qpdf --check "$pdf" 2>&1) && echo "$out" | grep -q "No syntax or stream encoding errors" &&
        ! echo "$out" | grep -qi warning && ok || ko "$lang: qpdf --check: $out"
    [ "$(pdfinfo "$pdf" | awk '/^Form:/ { print $2 }')" = AcroForm ] && ok || ko "$lang: pdfinfo: no AcroForm"
    mutool run tests/e2e/form.js list "$pdf" >"$tmp/$lang.list" 2>&1 && ok || ko "$lang: mutool list: $(cat "$tmp/$lang.list")"
    # 10 text fields of the sender and signatory; per draft two groups of two radio buttons and a comment field
    n=$(wc -l <"$tmp/$lang.list")
    [ "$n" = $((10 + 5 * drafts)) ] && ok || ko "$lang: $n widgets, not $((10 + 5 * drafts))"
    for f in name title address fax email date signature signatory capacity administration x1062.authorize x1062.option x1062.comments x1631.authorize; do
        grep -q "	$f	" "$tmp/$lang.list" && ok || ko "$lang: no field $f"
    done
    grep -q '	?	' "$tmp/$lang.list" && ko "$lang: a widget without a field name" || ok
    [ "$(grep -c '	radiobutton	Off	' "$tmp/$lang.list")" = $((4 * drafts)) ] && ok || ko "$lang: radio buttons not 4 per draft, all off"
    [ "$(awk -F'	' '$5 == ""' "$tmp/$lang.list" | wc -l)" = 0 ] && ok || ko "$lang: a widget without a tooltip"
    # form structure: a Form element per widget, tab order by structure, own appearances
    [ "$(pdfinfo -struct "$pdf" 2>/dev/null | grep -c '^ *Form')" = "$n" ] && ok || ko "$lang: not one Form structure element per widget"
    qpdf --qdf --object-streams=disable "$pdf" "$tmp/$lang.q.pdf" 2>/dev/null
    grep -aq '/NeedAppearances' "$tmp/$lang.q.pdf" && ko "$lang: NeedAppearances" || ok
    [ "$(grep -ac '/Tabs /S' "$tmp/$lang.q.pdf")" -ge 1 ] && ok || ko "$lang: no /Tabs /S"

    # fill, save, reopen, read back
    text="Filled 中华人民共和国"
    mutool run tests/e2e/form.js fill "$pdf" "$tmp/$lang-filled.pdf" "$text" 2>"$tmp/err" && ok || ko "$lang: fill: $(cat "$tmp/err")"
    mutool run tests/e2e/form.js list "$tmp/$lang-filled.pdf" >"$tmp/$lang.filled" 2>&1 && ok || ko "$lang: relist"
    awk -F'	' -v t="$text" '$3 == "text" && $4 != t " " $2 { bad = 1; print "FAIL: '"$lang"' read back " $2 ": " $4 } END { exit bad }' \
        "$tmp/$lang.filled" && ok || ko "$lang: text values not read back"
    [ "$(awk -F'	' '$2 ~ /authorize$/ && $4 == "authorize"' "$tmp/$lang.filled" | wc -l)" -gt 0 ] &&
    [ "$(awk -F'	' '$2 ~ /authorize$/ && $4 == "not-authorize"' "$tmp/$lang.filled" | wc -l)" -gt 0 ] &&
    [ "$(awk -F'	' '$2 ~ /option$/ && $4 == "Off"' "$tmp/$lang.filled" | wc -l)" = 0 ] && ok || ko "$lang: radio values not read back"
    qpdf --check "$tmp/$lang-filled.pdf" >/dev/null 2>&1 && ok || ko "$lang: the filled PDF fails qpdf --check"

    # the filled PDF as poppler draws it: every text widget and every chosen button changed
    python3 - "$pdf" "$tmp/$lang-filled.pdf" "$tmp/$lang.filled" "$tmp" <<'PY' && ok || ko "$lang: filled widgets look unfilled"
import subprocess, sys
empty, filled, listing, tmp = sys.argv[1:5]
def ppm(pdf, page, tag):
    base = f"{tmp}/{tag}"
    subprocess.run(["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), "-singlefile", pdf, base], check=True)
    d = open(base + ".ppm", "rb").read()
    parts = d.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    return w, h, parts[3]
rows = [l.rstrip("\n").split("\t") for l in open(listing, encoding="utf-8")]
chosen = {}
for r in rows:
    if r[2] == "radiobutton":
        chosen.setdefault((r[1], r[3]), 0)
bad, cache = [], {}
seen = {}
for r in rows:
    page, name, typ, value, rect = int(r[0]), r[1], r[2], r[3], list(map(int, r[5].split()))
    if typ == "radiobutton":
        # the n-th button of a group whose value is the n-th value is the chosen one: compare all,
        # and require that each group has exactly one changed button
        pass
    for pdf, tag in ((empty, "e"), (filled, "f")):
        if (tag, page) not in cache:
            cache[(tag, page)] = ppm(pdf, page, f"{tag}{page}")
    w, h, e = cache[("e", page)]
    _, _, f = cache[("f", page)]
    x0, y0, x1, y1 = max(rect[0] + 1, 0), max(rect[1] + 1, 0), min(rect[2] - 1, w), min(rect[3] - 1, h)
    changed = sum(1 for y in range(y0, y1) for x in range(x0, x1)
                  if e[3 * (y * w + x):3 * (y * w + x) + 3] != f[3 * (y * w + x):3 * (y * w + x) + 3])
    if typ == "text" and changed < 10:
        bad.append(f"{name}: {changed} pixels changed")
    if typ == "radiobutton":
        seen.setdefault(name, []).append(changed)
for name, ch in seen.items():
    if sum(1 for c in ch if c >= 4) != 1:
        bad.append(f"{name}: changed pixels per button {ch}, not one button ticked")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY

    # the field fonts: values filled, MuPDF's appearances (its own unembedded base-14 fonts) taken
    # away, so that poppler draws each value itself in the /DA font of /DR, circgen's embedded one
    # (form.js fill-dr); poppler finds every character of the version's scripts there (it says
    # "couldn't find a font" otherwise) and the form pages change. Latin, Greek and Cyrillic in
    # every version (Liberation Sans whole); Chinese in the Chinese (Noto Sans CJK SC, GB 2312);
    # Arabic in an Arabic one (Amiri).
    case $lang in
        zh) vals="Привет 中华人民共和国 Ωμ ABC" ;;
        ar) vals="مرحبا بكم ABC" ;;
        *)  vals="Привет ЖЩЯ Ωμέγα Ärger" ;;
    esac
    mutool run tests/e2e/form.js fill-dr "$pdf" "$tmp/$lang-dr.pdf" "$vals" 2>"$tmp/err" && ok || ko "$lang: fill-dr: $(cat "$tmp/err")"
    pg=$(head -1 "$tmp/$lang.list" | cut -f1)
    pdftoppm -r 72 -f "$pg" -l "$pg" -singlefile "$tmp/$lang-dr.pdf" "$tmp/$lang-dr" 2>"$tmp/dr.err"
    grep "couldn't find a font" "$tmp/dr.err" | sort -u >"$tmp/dr.missing"
    [ ! -s "$tmp/dr.missing" ] && ok || ko "$lang: field font lacks: $(tr '\n' ' ' <"$tmp/dr.missing")"
    pdftoppm -r 72 -f "$pg" -l "$pg" -singlefile "$pdf" "$tmp/$lang-e" 2>/dev/null
    ! cmp -s "$tmp/$lang-dr.ppm" "$tmp/$lang-e.ppm" && ok || ko "$lang: the values drawn by poppler do not show"
    # the field fonts are embedded (a font program in the descriptor of every /DR font)
    qpdf --qdf --object-streams=disable "$pdf" "$tmp/$lang.q2.pdf" 2>/dev/null
    [ "$(grep -ac '/FontFile[23] ' "$tmp/$lang.q2.pdf")" -gt 0 ] && ! grep -aq '/BaseFont /Helvetica\|STSong' "$tmp/$lang.q2.pdf" &&
        ok || ko "$lang: field fonts not embedded"
done
# the questionnaire annex: the respondent's lines, a text field per text question and per
# "other, please specify", a radio group per choice and yes-no question (value the option's
# id, or yes/no), a check box per option of a multiple choice; names from the ids, tooltips
# the question and the option in the document's language; filled, read back, drawn
for src in samples/tsb-circular-questionnaire/*.xml; do
    lang=$(basename "$src" .xml) pdf=$tmp/q-$lang.pdf
    cg pdf "$src" -o "$pdf" && ok || ko "questionnaire $lang: render"
    qpdf --check "$pdf" >/dev/null 2>&1 && ok || ko "questionnaire $lang: qpdf --check"
    mutool run tests/e2e/form.js list "$pdf" >"$tmp/q-$lang.list" 2>&1 && ok || ko "questionnaire $lang: list"
    for q in $(sed -n 's/.*<question id="\([^"]*\)" type="\([^"]*\)".*/\1:\2/p' "$src"); do
        id=${q%%:*} type=${q#*:}
        case $type in
            text) n=$(awk -F'	' -v f="$id" '$2 == f && $3 == "text"' "$tmp/q-$lang.list" | wc -l); [ "$n" = 1 ] ;;
            yes-no) [ "$(awk -F'	' -v f="$id" '$2 == f && $3 == "radiobutton"' "$tmp/q-$lang.list" | wc -l)" = 2 ] ;;
            choice) [ "$(awk -F'	' -v f="$id" '$2 == f && $3 == "radiobutton"' "$tmp/q-$lang.list" | wc -l)" = \
                      "$(grep -c "<option id=\"$id-" "$src")" ] ;;
            multiple) [ "$(awk -F'	' -v f="$id" 'index($2, f ".") == 1 && $3 == "checkbox"' "$tmp/q-$lang.list" | wc -l)" = \
                        "$(grep -c "<option id=\"$id-" "$src")" ] ;;
        esac && ok || ko "questionnaire $lang: question $id ($type) has not its fields"
    done
    for f in respondent.state respondent.name respondent.email; do
        grep -q "	$f	text	" "$tmp/q-$lang.list" && ok || ko "questionnaire $lang: no field $f"
    done
    for o in $(sed -n 's/.*<option id="\([^"]*\)" specify="yes".*/\1/p' "$src"); do
        grep -q "	$o-specify	text	" "$tmp/q-$lang.list" && ok || ko "questionnaire $lang: no field $o-specify"
    done
    [ "$(awk -F'	' '$5 == ""' "$tmp/q-$lang.list" | wc -l)" = 0 ] && ok || ko "questionnaire $lang: a widget without a tooltip"
    [ "$(pdfinfo -struct "$pdf" 2>/dev/null | grep -c '^ *Form')" = "$(wc -l <"$tmp/q-$lang.list")" ] && ok ||
        ko "questionnaire $lang: not one Form structure element per widget"
    mutool run tests/e2e/form.js fill "$pdf" "$tmp/q-$lang-f.pdf" "Réponse 答复" 2>"$tmp/err" &&
        mutool run tests/e2e/form.js list "$tmp/q-$lang-f.pdf" >"$tmp/q-$lang.filled" && ok || ko "questionnaire $lang: fill: $(cat "$tmp/err")"
    awk -F'	' '($3 == "text" && $4 != "Réponse 答复 " $2) || ($3 == "checkbox" && $4 != "Yes") { bad = 1; print "FAIL: " $2 ": " $4 } END { exit bad }' \
        "$tmp/q-$lang.filled" && ok || ko "questionnaire $lang: text or check box values not read back"
    [ "$(awk -F'	' '$3 == "radiobutton" && $4 == "Off"' "$tmp/q-$lang.filled" | wc -l)" = 0 ] && ok || ko "questionnaire $lang: a radio group left Off"
    qpdf --check "$tmp/q-$lang-f.pdf" >/dev/null 2>&1 && ok || ko "questionnaire $lang: the filled PDF fails qpdf --check"
    vals="Ответ Réponse"; [ "$lang" = zh ] && vals="答复 Ответ"
    mutool run tests/e2e/form.js fill-dr "$pdf" "$tmp/q-$lang-dr.pdf" "$vals" 2>/dev/null &&
        pdftoppm -r 72 -f 2 -l 2 -singlefile "$tmp/q-$lang-dr.pdf" "$tmp/q-$lang-dr" 2>"$tmp/dr.err" &&
        ! grep -q "couldn't find a font" "$tmp/dr.err" && ok || ko "questionnaire $lang: field font lacks: $(grep "couldn't" "$tmp/dr.err" | sort -u)"
    cg pdf --no-form "$src" -o "$tmp/q-$lang-print.pdf" &&
        [ "$(pdfinfo "$tmp/q-$lang-print.pdf" | awk '/^Form:/ { print $2 }')" = none ] && ok || ko "questionnaire $lang: --no-form"
done

# any FO: a text field, a multi-line one, a radio group, a check box; no widget (a warning)
# for a field in static content, an unknown type or a bad name
cg fo tests/fo/fields.fo -o "$tmp/fields.pdf" 2>"$tmp/fields.err" && ok || ko "fields.fo: render"
[ "$(grep -c 'warning: .*no \(widget\|field\)' "$tmp/fields.err")" = 3 ] && ok || ko "fields.fo: warnings: $(cat "$tmp/fields.err")"
mutool run tests/e2e/form.js fill "$tmp/fields.pdf" "$tmp/fields-f.pdf" "x" &&
    mutool run tests/e2e/form.js list "$tmp/fields-f.pdf" | cut -f 2-4 >"$tmp/fields.list" && ok || ko "fields.fo: fill"
printf 'person.name\ttext\tx person.name\nperson.remarks\ttext\tx person.remarks\nvote\tradiobutton\tyes\nvote\tradiobutton\tyes\nagree\tcheckbox\tYes\n' |
    cmp -s - "$tmp/fields.list" && ok || ko "fields.fo: values read back: $(cat "$tmp/fields.list")"
cg fo tests/fo/fields.fo -o "$tmp/fields-print.pdf" --no-form 2>/dev/null &&
    [ "$(pdfinfo "$tmp/fields-print.pdf" | awk '/^Form:/ { print $2 }')" = none ] && ok || ko "fo --no-form"

# the tooltips in the document's language
grep -q '授权第17研究组考虑批准该案文' "$tmp/zh.list" && ok || ko "zh: tooltips not in Chinese"
grep -q 'authorizes Study Group 17' "$tmp/en.list" && ok || ko "en: tooltips not in English"
for l in fr es ru; do
    [ ! -e samples/tsb-circular-50/$l.xml ] && continue
    grep -q 'Commission d.études 17\|Comisión de Estudio 17\|17-ю Исследовательскую' "$tmp/$l.list" && ok || ko "$l: tooltips not in its language"
done

# the print edition
cg pdf --no-form samples/tsb-circular-50/en.xml -o "$tmp/print.pdf" && ok || ko "--no-form: render"
[ "$(pdfinfo "$tmp/print.pdf" | awk '/^Form:/ { print $2 }')" = none ] && ok || ko "--no-form: the PDF has a form"
# the same input, the same bytes
cg pdf samples/tsb-circular-50/zh.xml -o "$tmp/zh2.pdf" && cmp -s "$tmp/zh.pdf" "$tmp/zh2.pdf" && ok || ko "zh: two runs differ"
finish form
