#!/bin/sh
# French, Spanish and Russian on the PDFs, per character (`mutool draw -F stext`,
# checked by tests/e2e/langs.py): French spaces before ; : ! ? » and after «, never a
# line break there; no line starting with a closing mark or ending with an opening
# one; hyphenation only at the break points of the language's Debian patterns; Latin
# and Cyrillic in the Liberation faces. Then dates in each language's form in the
# PDF text, the same characters in the HTML, and only Liberation faces. Besides the
# samples, a stress version of each circular has a paragraph full of marks, with and
# without spaces in the source, so that a missing rule shows as a wrong line break.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh

if ! command -v mutool >/dev/null || ! command -v python3 >/dev/null; then
    echo "langs: mutool or python3 missing (make setup): skipped"; exit 0
fi
for l in fr es ru; do
    [ -n "$(ls /usr/share/hyphen/hyph_${l}*.dic 2>/dev/null)" ] || ko "no hyphenation patterns for $l (make setup installs hyphen-$l)"
done

# The stress paragraph replaces para-4 (the unit keeps its id).
python3 - "$tmp" <<'PY'
import sys, re
tmp = sys.argv[1]
stress = {
    'fr': ('Premièrement : le texte; deuxièmement ; la suite! Vraiment ? Oui?! Voici « un texte » et '
           '«un autre»: il vaut 70 % ou 70%, à 10 MHz sur 5 km; enfin : la question? ') * 9,
    'es': ('¿Se aprueba el texto? ¡Sí! La Comisión pregunta: ¿cuál es el plazo? ¡Atención, '
           'el 70% de las respuestas! «Un texto» (entre paréntesis), y la suite; ') * 9,
    'ru': ('Цель — утверждение текста; вопрос — «какой срок?» (см. ниже), ответ — 70% '
           'Государств-Членов, а также — предложения! ') * 10,
}
for lang, text in stress.items():
    src = open('samples/tsb-circular-50/%s.xml' % lang, encoding='utf-8').read()
    src = re.sub(r'(<para id="para-4">).*?(</para>)', lambda m: m.group(1) + text.strip() + m.group(2), src, flags=re.S)
    open('%s/stress-%s.xml' % (tmp, lang), 'w', encoding='utf-8').write(src)
PY

for l in fr es ru; do
    for src in samples/tsb-circular-50/$l.xml samples/sg17-ietf-liaison/$l.xml "$tmp/stress-$l.xml"; do
        name=$(basename "$(dirname "$src")")-$l
        case "$src" in "$tmp"/*) name=stress-$l ;; esac
        if cg pdf "$src" -o "$tmp/$name.pdf" 2>"$tmp/err" && cg html "$src" -o "$tmp/$name.html" 2>>"$tmp/err"; then ok
        else ko "$src: $(cat "$tmp/err")"; continue; fi
        mutool draw -q -F stext -o "$tmp/$name.stext" "$tmp/$name.pdf" 2>/dev/null || { ko "$name: mutool draw -F stext"; continue; }
        min=3
        case "$name" in sg17-*) min=1 ;; stress-*) min=0 ;; esac
        if python3 tests/e2e/langs.py "$l" "$tmp/$name.stext" "$tmp/$name.html" --min-hyphenated $min >"$tmp/report"; then ok
        else ko "$name: $(cat "$tmp/report")"; fi
        # Fonts: the Liberation faces only (Latin and Cyrillic), embedded, subset, with a
        # Unicode map.
        pdffonts "$tmp/$name.pdf" | tail -n +3 >"$tmp/fonts"
        if [ -s "$tmp/fonts" ] && awk '{ if ($1 !~ /^[A-Z]+\+(LiberationSerif|LiberationSans)(-|$)/) bad=1;
                  if ($0 ~ /Type 3/) bad=1; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 }
                END { exit bad }' "$tmp/fonts"; then ok; else ko "$name: pdffonts: $(cat "$tmp/fonts")"; fi
    done
done

# The stress paragraphs did test something: the marks are there, in number.
for l in fr es ru; do
    n=$(pdftotext "$tmp/stress-$l.pdf" - | tr -cd ';:!?«»¿¡—' | wc -m)
    [ "$n" -gt 60 ] && ok || ko "stress-$l: only $n marks in the PDF"
done

# Dates in each language's form, in the PDF text (lines joined, hyphenation undone,
# no-break spaces as spaces).
pdftext() {
    pdftotext -raw "$1" - | python3 -c '
import sys, re
t = sys.stdin.read().replace("\u00a0", " ").replace("\u202f", " ")
t = re.sub(r"(\w)-\n(\w)", r"\1\2", t)
print(re.sub(r"\s+", " ", t))'
}
has() {  # has FILE.pdf TEXT...
    f=$1; shift
    pdftext "$f" >"$tmp/text"
    for want in "$@"; do
        grep -qF -- "$want" "$tmp/text" && ok || ko "$(basename "$f"): no \"$want\" in the PDF text"
    done
}
has "$tmp/tsb-circular-50-fr.pdf" "Genève, le 23 juillet 2025" "(Genève, 3-11 décembre 2025)" \
    "au plus tard le 21 novembre 2025 à 23 h 59 (UTC)" "Si 70 % au moins" "Annexe 1 (de la Circulaire TSB 50)" \
    "Madame, Monsieur," "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée."
has "$tmp/tsb-circular-50-es.pdf" "Ginebra, 23 de julio de 2025" "(Ginebra, del 3 al 11 de diciembre de 2025)" \
    "a más tardar a las 23.59 horas (UTC) del 21 de noviembre de 2025" "Anexo 2 (a la Circular TSB 50)" \
    "Muy Señora mía/Muy Señor mío:" "Atentamente,"
has "$tmp/tsb-circular-50-ru.pdf" "Женева, 23 июля 2025 г." "(Женева, 3–11 декабря 2025 г.)" \
    "не позднее 23 час. 59 мин. (UTC) 21 ноября 2025 г." "Приложение 1 (к Циркуляру 50 БСЭ)" \
    "Уважаемая госпожа, уважаемый господин," "С уважением,"
has "$tmp/sg17-ietf-liaison-fr.pdf" "30 janvier 2026" "Genève, 8-17 avril 2025," "9 mars 2026"
has "$tmp/sg17-ietf-liaison-es.pdf" "30 de enero de 2026" "Ginebra del 8 al 17 de abril de 2025" "9 de marzo de 2026"
has "$tmp/sg17-ietf-liaison-ru.pdf" "30 января 2026 г." "Женеве 8–17 апреля 2025 г." "9 марта 2026 г."
# A Russian date that ends a sentence brings its own full stop ("2025 г.", not "г..").
pdftext "$tmp/tsb-circular-50-ru.pdf" | grep -q 'г\.\.' && ko "ru: a date followed by a second full stop" || ok
# The first of the month in French.
sed 's/date="2025-07-23"/date="2025-07-01"/' samples/tsb-circular-50/fr.xml >"$tmp/first.xml"
cg pdf "$tmp/first.xml" -o "$tmp/first.pdf" 2>/dev/null
has "$tmp/first.pdf" "Genève, le 1er juillet 2025"

# The formatter itself (templates/common/l10n.xsl) on the catalogs of each language:
# numbers, percentages, the first of the month, ranges over two months and two years
# (no-break spaces shown as spaces, then checked in French).
if command -v xsltproc >/dev/null; then
    cat >"$tmp/l10n.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:s="urn:circgen:strings">
  <xsl:include href="$PWD/templates/common/l10n.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="lang"/>
  <xsl:variable name="strings" select="document(concat('$PWD/templates/tsb-circular/strings/', \$lang, '.xml'))/s:strings"/>
  <xsl:template name="line-break"/>
  <xsl:template match="/">
    <xsl:call-template name="format-number"><xsl:with-param name="n" select="'1234567.5'"/></xsl:call-template>|<xsl:call-template name="format-number"><xsl:with-param name="n" select="'2025'"/></xsl:call-template>|<xsl:call-template name="format-percent"><xsl:with-param name="n" select="'70'"/></xsl:call-template>|<xsl:call-template name="format-date"><xsl:with-param name="iso" select="'2025-07-01'"/></xsl:call-template>|<xsl:call-template name="format-date-range"><xsl:with-param name="from" select="'2025-11-28'"/><xsl:with-param name="to" select="'2025-12-02'"/></xsl:call-template>|<xsl:call-template name="format-date-range"><xsl:with-param name="from" select="'2025-12-29'"/><xsl:with-param name="to" select="'2026-01-02'"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
XSL
    echo '<x/>' >"$tmp/x.xml"
    for want in \
        "en|1,234,567.5|2025|70%|1 July 2025|28 November - 2 December 2025|29 December 2025 - 2 January 2026" \
        "fr|1 234 567,5|2025|70 %|1er juillet 2025|28 novembre - 2 décembre 2025|29 décembre 2025 - 2 janvier 2026" \
        "es|1 234 567,5|2025|70%|1 de julio de 2025|del 28 de noviembre al 2 de diciembre de 2025|del 29 de diciembre de 2025 al 2 de enero de 2026" \
        "ru|1 234 567,5|2025|70%|1 июля 2025 г.|28 ноября – 2 декабря 2025 г.|29 декабря 2025 г. – 2 января 2026 г."; do
        l=${want%%|*}
        got=$(xsltproc --stringparam lang "$l" "$tmp/l10n.xsl" "$tmp/x.xml" 2>&1 |
              python3 -c 'import sys; print(sys.stdin.read().replace("\u00a0", " ").replace("\u202f", " ").strip())')
        [ "$l|$got" = "$want" ] && ok || ko "l10n.xsl $l: got '$got', want '${want#*|}'"
    done
    nnbsp=$(printf '\342\200\257') nbsp=$(printf '\302\240')
    xsltproc --stringparam lang fr "$tmp/l10n.xsl" "$tmp/x.xml" | grep -q "^1${nnbsp}234${nnbsp}567,5|2025|70${nbsp}%|1er${nbsp}juillet" \
        && ok || ko "l10n.xsl fr: the no-break spaces of 1 234 567,5, 70 % and 1er juillet"
fi

# The document language in the PDF catalog.
for l in fr es ru; do
    qpdf --qdf --object-streams=disable "$tmp/tsb-circular-50-$l.pdf" "$tmp/q.pdf" 2>/dev/null
    grep -a -q "/Lang ($l)" "$tmp/q.pdf" && ok || ko "$l: no /Lang ($l) in the PDF"
done

# The HTML has the same characters: U+202F before the French marks, U+00A0 before %
# and the Russian em dash.
nnbsp=$(printf '\342\200\257') nbsp=$(printf '\302\240')
grep -q "Objet${nnbsp}:" "$tmp/tsb-circular-50-fr.html" && ok || ko "fr HTML: no narrow no-break space in 'Objet :'"
grep -q "70${nbsp}%" "$tmp/tsb-circular-50-fr.html" && ok || ko "fr HTML: no no-break space in '70 %'"
grep -q "«${nnbsp}Stratégie" "$tmp/sg17-ietf-liaison-fr.html" && ok || ko "fr HTML: no narrow no-break space after «"
grep -q "сегодняшний день" "$tmp/sg17-ietf-liaison-ru.html" && ok || ko "ru HTML text"
grep -q "Цель${nbsp}— утверждение" "$tmp/stress-ru.html" && ok || ko "ru HTML: no no-break space before the em dash"
grep -q " —" "$tmp/stress-ru.html" && ko "ru HTML: an em dash after a breaking space" || ok
# A plain space or none in the source: the same narrow space in the output.
grep -q "Premièrement${nnbsp}: le texte${nnbsp}; deuxièmement${nnbsp};" "$tmp/stress-fr.html" && ok || ko "fr HTML: stress marks"
grep -q "«${nnbsp}un autre${nnbsp}»${nnbsp}:" "$tmp/stress-fr.html" && ok || ko "fr HTML: «un autre»:"
grep -q "10${nbsp}MHz sur 5${nbsp}km" "$tmp/stress-fr.html" && ok || ko "fr HTML: number and unit"
# English and Chinese are left alone.
cg html samples/tsb-circular-50/en.xml -o "$tmp/en.html"
grep -q "$nnbsp" "$tmp/en.html" && ko "en HTML has a narrow no-break space" || ok

finish langs
