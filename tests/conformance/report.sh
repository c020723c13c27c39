#!/bin/sh
# Writes out/conformance/REPORT.md and out/conformance/results.tsv from the results that
# run.sh left in $CONFORMANCE_DIR (circgen/NAME.*, fop-cache/HASH.*), for the testcases
# named on the command line, and prints the report without its long tables.
# Called by run.sh; can be rerun alone (sh tests/conformance/report.sh NAME...) to
# rebuild the report without rendering again (CONFORMANCE_DIR as for run.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${CONFORMANCE_DIR:=$root/build/conformance}"
: "${REPORT_DIR:=out/conformance}"
: "${CIRCGEN:=./circgen}"
: "${CONFORMANCE_WALL_MS:=}"
D=$CONFORMANCE_DIR
dev="$here/fop-deviations.txt"
leftout="$here/left-out.txt"
mkdir -p "$REPORT_DIR" || exit 2
if [ $# = 0 ]; then
    set -- $(cd "$D/fo" && ls *.fo 2>/dev/null | sed 's/\.fo$//')
fi

tsv="$REPORT_DIR/results.tsv"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# FOP deviations: "NAME: reason" lines (see the file's header).
sed -n 's/^\([A-Za-z0-9_.-]*\):[[:space:]]*\(.*\)$/\1\t\2/p' "$dev" 2>/dev/null > "$tmp/dev"
# Unsupported features left out on purpose: "FEATURE<TAB>reason" lines.
grep -v '^#' "$leftout" 2>/dev/null | grep '	' > "$tmp/leftout"

# ---------------------------------------------------------------- one row per testcase
printf 'name\tstatus\texit\tms\tpages\tfop_status\tfop_pages\tpages_equal\ttext_equal\tpage_text_equal\tcontent_order_equal\tlayout_order_equal\tunsupported\tfop_deviation\tdifference_kind\tfirst_difference\terror\n' > "$tsv"
for n; do
    c="$D/circgen/$n"
    st=missing rc=- ms=0 pages=0
    [ -f "$c.res" ] && read -r st rc ms pages < "$c.res"
    fst=missing fpages=0 h=
    if [ -f "$D/fo/$n.fo" ]; then
        h=$(sha256sum < "$D/fo/$n.fo" | cut -c1-64)
        [ -f "$D/fop-cache/$h.res" ] && read -r fst _ _ fpages < "$D/fop-cache/$h.res"
    fi
    f="$D/fop-cache/$h"
    peq=no teq=no pteq=no rteq=no lteq=no diff= kind=
    if [ "$fst" != ok ]; then
        peq=n/a teq=n/a pteq=n/a rteq=n/a lteq=n/a
    elif [ "$st" = ok ]; then
        [ "$pages" = "$fpages" ] && peq=yes
        # Content order (-raw) first, then layout order (-layout): the text is equal when
        # it is equal in either order, since each order has artefacts the other has not
        # (-raw: FOP draws row-spanning cells in its own order; -layout:
        # lines of neighbouring cells interleave by fractions of a point).
        tr -d '\n' < "$c.norm" > "$tmp/a"; tr -d '\n' < "$f.norm" > "$tmp/b"
        tr -d '\n' < "$c.lnorm" > "$tmp/la"; tr -d '\n' < "$f.lnorm" > "$tmp/lb"
        cmp -s "$tmp/a" "$tmp/b" && rteq=yes
        cmp -s "$tmp/la" "$tmp/lb" && lteq=yes
        if [ $rteq = yes ] || [ $lteq = yes ]; then teq=yes
        else
            # Kind of difference, from the characters alone (bytes, in fact): the same
            # ones in another order, some missing from circgen's, some extra, or both.
            LC_ALL=C fold -w1 "$tmp/a" | LC_ALL=C sort > "$tmp/sa"
            LC_ALL=C fold -w1 "$tmp/b" | LC_ALL=C sort > "$tmp/sb"
            extra=$(LC_ALL=C comm -23 "$tmp/sa" "$tmp/sb" | wc -l)
            lost=$(LC_ALL=C comm -13 "$tmp/sa" "$tmp/sb" | wc -l)
            if [ "$extra$lost" = 00 ]; then kind="order"
            elif [ "$extra" = 0 ]; then kind="missing $lost"
            elif [ "$lost" = 0 ]; then kind="extra $extra"
            else kind="differs +$extra -$lost"; fi
            # First difference (content order), 30 bytes of context each side, on one line.
            diff=$(LC_ALL=C awk 'NR == FNR { a = a $0; next } { b = b $0 }
                END { n = length(a) < length(b) ? length(a) : length(b)
                      for (i = 1; i <= n && substr(a, i, 1) == substr(b, i, 1); i++) ;
                      s = i > 30 ? i - 30 : 1
                      printf "at %d: circgen «%s» FOP «%s»", i, substr(a, s, i - s + 40), substr(b, s, i - s + 40) }' \
                "$tmp/a" "$tmp/b" | tr '\t|`' '  '"'")
        fi
        if [ "$peq" = yes ]; then
            { cmp -s "$c.norm" "$f.norm" || cmp -s "$c.lnorm" "$f.lnorm"; } && pteq=yes
        fi
    fi
    nfeat=0; [ -f "$c.feat" ] && nfeat=$(wc -l < "$c.feat")
    dv=no; grep -q "^$n	" "$tmp/dev" && dv=yes
    err=
    case $st in
        crash|hang)
            err=$(tail -n 1 "$c.log" 2>/dev/null | sed -e 's/^[^ ]*:[0-9]*:[0-9]*: //' -e 's/^[^ ]*\.fo: //' | tr '\t|`' '  '"'" | cut -c1-120)
            if [ "$st" = hang ]; then err="hang (killed after the timeout); last output: $err"
            else err="killed by signal $(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128))); last output: $err"; fi ;;
        nonzero|nopdf)
            err=$(grep -m1 -i 'error\|fatal\|abort\|assert' "$c.log" 2>/dev/null || tail -n 1 "$c.log" 2>/dev/null)
            err=$(printf '%s' "$err" | sed -e 's/^[^ ]*:[0-9]*:[0-9]*: //' -e 's/^[^ ]*\.fo: //' | tr '\t|`' '  '"'" | cut -c1-160) ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$n" "$st" "$rc" "$ms" "$pages" "$fst" "$fpages" "$peq" "$teq" "$pteq" "$rteq" "$lteq" "$nfeat" "$dv" "$kind" "$diff" "$err" >> "$tsv"
done

# Unsupported features: how many testcases use each, with up to three examples.
for n; do
    [ -f "$D/circgen/$n.feat" ] && sed "s/\$/	$n/" "$D/circgen/$n.feat"
done | LC_ALL=C sort -t '	' -k1,1 -k2,2 | awk -F '\t' '
    $1 != f { if (f != "") print c "\t" f "\t" ex; f = $1; c = 0; ex = "" }
    { c++; if (c <= 3) ex = ex (c > 1 ? ", " : "") $2 }
    END { if (f != "") print c "\t" f "\t" ex }' | sort -t '	' -k1,1nr -k2,2 > "$tmp/feat"

# ---------------------------------------------------------------- REPORT.md
ver=$("$CIRCGEN" --version 2>/dev/null | head -n 1)
fopver=$(dpkg-query -W -f='${Version}' fop 2>/dev/null)
commit=$(git rev-parse --short HEAD 2>/dev/null)
awk -F '\t' -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" -v ver="$ver" -v fopver="$fopver" \
    -v commit="$commit" -v wall="$CONFORMANCE_WALL_MS" -v featfile="$tmp/feat" \
    -v devfile="$tmp/dev" -v leftfile="$tmp/leftout" '
function pct(a, b) { return b ? sprintf("%.1f%%", 100 * a / b) : "-" }
function out(s) { print s }
NR == 1 { next }
{
    N++; name[N] = $1; st[N] = $2; rc[N] = $3; ms[N] = $4; pg[N] = $5; fst[N] = $6; fpg[N] = $7
    peq[N] = $8; teq[N] = $9; pteq[N] = $10; rteq[N] = $11; lteq[N] = $12; nf[N] = $13; dv[N] = $14
    kd[N] = $15; df[N] = $16; er[N] = $17
    if ($15 != "") { split($15, w, " "); kinds[w[1]]++; kindex[w[1]] = kindex[w[1]] (kinds[w[1]] <= 4 ? (kinds[w[1]] > 1 ? ", " : "") $1 : "") }
    if ($8 == "no") { if ($5 + 0 > $7 + 0) pmore++; else pfewer++ }
    cnt[$2]++; totms += $4
    if ($6 == "ok") fopok++; else fopbad++
    if ($8 == "yes") npeq++
    if ($9 == "yes") nteq++
    if ($10 == "yes") npteq++
    if ($11 == "yes") nrteq++
    if ($12 == "yes") nlteq++
    if ($9 != "yes" && $14 == "yes") ndev++
    if ($9 == "yes" && $8 == "yes") nboth++
    if ($17 != "") { e = $17; gsub(/[0-9]+(\.[0-9]+)?/, "N", e); errs[e]++; if (!(e in errex)) errex[e] = $1 }
}
END {
    out("# circgen FOP conformance report")
    out("")
    out("Generated " date " by `make conformance` (tests/conformance/run.sh), " ver \
        (commit != "" ? ", commit " commit : "") ".")
    out("Testcases: Apache FOP layout-engine testcases (../shared/fop-testcases/standard-testcases), " \
        "each testcase\x27s fo:root rendered with `circgen fo` (10 s timeout each) and with Apache FOP " \
        fopver " run as `fop -r` (relaxed validation: in strict mode this FOP rejects " \
        "number-columns-spanning with \"Invalid property encountered\").")
    out("Text is compared as pdftotext gives it, with all white space removed, soft hyphens removed, " \
        "ligatures fi/fl/ff... spelled out and every run of two or more dots (leaders) collapsed. " \
        "The text is taken in two orders: content order (`pdftotext -raw`, the order the engine draws " \
        "the text in) and layout order (`pdftotext -layout`, line by line down each page); both avoid " \
        "pdftotext\x27s default column guessing and its joining of hyphenated lines. A testcase\x27s text " \
        "is equal to FOP\x27s when it is equal in either order (each order has artefacts the other has " \
        "not: FOP draws row-spanning cells in its own order; lines of neighbouring " \
        "cells interleave by fractions of a point). Equality in layout order alone is the strictest " \
        "measure: it also catches text set in the wrong place (columns, absolute positions).")
    out("")
    out("## Totals")
    out("")
    out("| measure | count | of " N " |")
    out("|---|---:|---:|")
    out("| crashes (signal, exit >= 128) | " cnt["crash"] + 0 " | " pct(cnt["crash"], N) " |")
    out("| hangs (over 10 s) | " cnt["hang"] + 0 " | " pct(cnt["hang"], N) " |")
    out("| non-zero exits (error message, no PDF) | " cnt["nonzero"] + 0 " | " pct(cnt["nonzero"], N) " |")
    out("| exit 0 but no readable PDF | " cnt["nopdf"] + 0 " | " pct(cnt["nopdf"], N) " |")
    out("| rendered (exit 0, PDF) | " cnt["ok"] + 0 " | " pct(cnt["ok"], N) " |")
    out("| **text equal to FOP (whole document)** | " nteq + 0 " | " pct(nteq, N) " |")
    out("| text equal to FOP page by page | " npteq + 0 " | " pct(npteq, N) " |")
    out("| text equal in content order (-raw) | " nrteq + 0 " | " pct(nrteq, N) " |")
    out("| text equal in layout order (-layout) | " nlteq + 0 " | " pct(nlteq, N) " |")
    out("| **page count equal to FOP** | " npeq + 0 " | " pct(npeq, N) " |")
    out("| text and page count equal | " nboth + 0 " | " pct(nboth, N) " |")
    out("| text differs, documented FOP deviation (see below) | " ndev + 0 " | " pct(ndev, N) " |")
    out("| text equal or FOP deviation | " nteq + ndev " | " pct(nteq + ndev, N) " |")
    out("| FOP reference missing (FOP failed on the FO) | " fopbad + 0 " | " pct(fopbad, N) " |")
    out("")
    out("Page count differs: circgen has more pages on " pmore + 0 ", fewer on " pfewer + 0 ".")
    out("")
    out("Kinds of text difference (from the characters alone): **missing**, circgen lacks characters " \
        "FOP has (text lost, or not generated); **extra**, circgen has characters FOP has not; " \
        "**differs**, both; **order**, the same characters in another order (placement, line or page order).")
    out("")
    out("| kind | testcases | examples |")
    out("|---|---:|---|")
    split("missing extra differs order", kn, " ")
    for (k = 1; k <= 4; k++) out("| " kn[k] " | " kinds[kn[k]] + 0 " | " kindex[kn[k]] " |")
    out("")
    out(sprintf("circgen time: %.1f s in all (sum of runs), %.3f s per testcase on average" \
        (wall != "" ? sprintf(", %.1f s wall clock", wall / 1000) : "") ".", totms / 1000, N ? totms / 1000 / N : 0))
    out("")
    out("## Unsupported features, by number of testcases using them")
    out("")
    out("From circgen\x27s warnings (unsupported formatting objects, properties, values).")
    out("")
    out("Features left unsupported on purpose carry the reason (tests/conformance/left-out.txt).")
    out("")
    out("| testcases | feature | examples | why it is left out |")
    out("|---:|---|---|---|")
    nfe = 0
    while ((getline l < leftfile) > 0) { split(l, a, "\t"); why[a[1]] = a[2] }
    while ((getline l < featfile) > 0) { split(l, a, "\t"); nfe++; out("| " a[1] " | `" a[2] "` | " a[3] " | " why[a[2]] " |") }
    if (!nfe) out("| 0 | (none reported) | |")
    out("")
    out("## Errors of the non-zero exits and crashes, grouped")
    out("")
    if (length(errs) == 0) out("None.")
    else {
        out("| testcases | message (numbers as N) | example |")
        out("|---:|---|---|")
        fflush()
        cmd = "sort -t \"|\" -k2,2nr"
        for (e in errs) print "| " errs[e] " | " e " | " errex[e] " |" | cmd
        close(cmd)
    }
    out("")
    out("## FOP deviations")
    out("")
    out("Testcases where FOP is wrong and circgen right by XSL 1.1, written by hand in " \
        "tests/conformance/fop-deviations.txt (one \"NAME: reason\" line each).")
    out("")
    nd = 0
    while ((getline l < devfile) > 0) { split(l, a, "\t"); nd++; out("- **" a[1] "**: " a[2]) }
    if (!nd) out("None recorded yet.")
    out("")
    print "## Per testcase"
    print ""
    print "Status: ok, nonzero (error exit), crash, hang, nopdf (exit 0 without a PDF). " \
          "Pages: circgen / FOP. Text: whole document (in either order), page by page, whole document " \
          "in content order and in layout order. Unsupp.: unsupported features warned about."
    print ""
    print "| testcase | status | pages | pages equal | text equal | per page | content order | layout order | ms | unsupp. |"
    print "|---|---|---:|---|---|---|---|---|---:|---:|"
    for (i = 1; i <= N; i++) {
        s = st[i]; if (s != "ok") s = "**" s "**" (rc[i] != "-" && rc[i] != 0 ? " (" rc[i] ")" : "")
        if (dv[i] == "yes") s = s " (FOP deviation)"
        print "| " name[i] " | " s " | " pg[i] " / " (fst[i] == "ok" ? fpg[i] : fst[i]) " | " peq[i] " | " teq[i] " | " pteq[i] " | " rteq[i] " | " lteq[i] " | " ms[i] " | " nf[i] " |"
    }
    print ""
    print "## First text difference"
    print ""
    print "For each rendered testcase whose text differs from FOP\x27s in both orders: the position " \
          "(in bytes of the normalized text, content order) and the text around it."
    print ""
    for (i = 1; i <= N; i++) if (df[i] != "") print "- " name[i] " (" kd[i] "): " df[i]
    print ""
    print "## Error messages"
    print ""
    for (i = 1; i <= N; i++) if (er[i] != "") print "- " name[i] " (" st[i] "): " er[i]
}' "$tsv" > "$REPORT_DIR/REPORT.md"

# Print the report without the long per-testcase parts (they are in the file).
sed '/^## Per testcase/,$d' "$REPORT_DIR/REPORT.md"
echo "Full report: $REPORT_DIR/REPORT.md (per-testcase table, first text differences, error messages); data: $tsv"
