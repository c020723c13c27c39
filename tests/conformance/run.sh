#!/bin/sh
# FOP conformance suite: Apache FOP's own layout testcases rendered by circgen and
# compared with Apache FOP (issue 9).
#
#   sh tests/conformance/run.sh [-j N] [NAME...]   full run (make conformance): render with
#                                                  circgen, compare with FOP, write the report
#   sh tests/conformance/run.sh --check [-j N]     crash-and-hang part only, no FOP, no report
#                                                  (make check, via tests/e2e/conformance.test.sh)
#
# NAME is a testcase name without .xml (default: all of them).
#
# Environment:
#   CIRCGEN             the circgen binary (default ./circgen)
#   CIRCGEN_RUNNER      a command to run it under (valgrind ...), as in tests/e2e/run.sh
#   FOP_TESTCASES       folder holding standard-testcases/ and resources/
#                       (default ../shared/fop-testcases beside the repository)
#   CONFORMANCE_DIR     work folder (default build/conformance; --check uses a temporary one)
#   CONFORMANCE_TIMEOUT seconds per circgen run before it counts as a hang (default 10)
#   FOP                 the FOP command (default fop); run as "fop -r" (relaxed validation:
#                       Debian's FOP 2.8 rejects number-columns-spanning in strict mode)
#   FOP_TIMEOUT         seconds per FOP run (default 120)
#   REPORT_DIR          where REPORT.md and results.tsv go (default out/conformance)
#
# Layout of the work folder (git-ignored, under build/):
#   fo/NAME.fo              the testcase's fo:root, extracted by extract.xsl
#   resources -> FOP_TESTCASES/resources   so that ../resources/images/... in an FO resolves
#                           (the shared images are linked, never copied)
#   circgen/NAME.{pdf,log,res,txt,norm,feat}   circgen's output, stderr, result line,
#                           pdftotext text, normalized text (one line per page), features
#   fop-cache/HASH.{pdf,log,res,txt,norm}      FOP's output for an FO whose SHA-256 is HASH:
#                           made once, reused while the FO is unchanged (the key is the FO
#                           alone: delete the folder after an upgrade of FOP)
#
# A .res file is one line: STATUS EXIT MILLISECONDS PAGES, STATUS one of
#   ok, nonzero (exit 1..127), crash (killed by a signal / exit >= 128), hang (timeout),
#   nopdf (exit 0 but no readable PDF).
set -u

# ---------------------------------------------------------------- settings
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
: "${CIRCGEN:=./circgen}"
: "${FOP_TESTCASES:=$root/../shared/fop-testcases}"
: "${CONFORMANCE_TIMEOUT:=10}"
: "${FOP:=fop}"
: "${FOP_TIMEOUT:=120}"
: "${REPORT_DIR:=out/conformance}"
: "${CIRCGEN_RUNNER:=}"
export CIRCGEN CIRCGEN_RUNNER FOP_TESTCASES CONFORMANCE_TIMEOUT FOP FOP_TIMEOUT REPORT_DIR
# Memory cap for one circgen run (KiB of address space): a runaway layout must not
# take the machine down; running out counts as a crash or an error, not a hang.
: "${CONFORMANCE_ULIMIT_KB:=4000000}"
export CONFORMANCE_ULIMIT_KB

now_ms() { date +%s%3N; }

# Normalized text: pdftotext's output on stdin, one line per page on stdout, with all
# white space removed (ASCII, no-break, Unicode spaces, zero-width space, BOM), soft
# hyphens removed, the Latin ligatures U+FB00-FB06 spelled out, and every run of two or
# more dots (leaders) collapsed to "..".
normalize() {
    LC_ALL=C sed -e 's/\xc2[\xa0\xad]//g' \
        -e 's/\xe2\x80[\x80-\x8b\xaf]//g' -e 's/\xe2\x81\x9f//g' -e 's/\xe3\x80\x80//g' \
        -e 's/\xef\xbb\xbf//g' \
        -e 's/\xef\xac\x80/ff/g' -e 's/\xef\xac\x81/fi/g' -e 's/\xef\xac\x82/fl/g' \
        -e 's/\xef\xac\x83/ffi/g' -e 's/\xef\xac\x84/ffl/g' -e 's/\xef\xac\x85/st/g' \
        -e 's/\xef\xac\x86/st/g' |
    LC_ALL=C tr -d ' \t\n\r\v' | LC_ALL=C tr '\f' '\n' | LC_ALL=C sed 's/\.\.\.*/../g'
}

# Pages of a PDF (empty when it cannot be read).
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# Text of a PDF, by pdftotext in two orders:
#   $2.txt, $2.norm   content order (-raw: the order the engine draws the text in; no
#                     column guessing, no joining of hyphenated lines) -- the text measure
#   $2.ltxt, $2.lnorm physical layout order (-layout: line by line down the page), which
#                     also shows text set in the wrong place (columns, absolute positions)
# .txt files hold pages separated by form feeds, as pdftotext writes them; .norm files the
# normalized text, exactly one line per page ($3 pages).
TEXT_VERSION=2
pdf_text() {
    pdftotext -raw -enc UTF-8 "$1" "$2.txt" 2>/dev/null || : > "$2.txt"
    pdftotext -layout -enc UTF-8 "$1" "$2.ltxt" 2>/dev/null || : > "$2.ltxt"
    for x in "" l; do
        normalize < "$2.${x}txt" |
        awk -v n="$3" 'NR <= n { print } END { for (i = NR + 1; i <= n; i++) print "" }' > "$2.${x}norm"
    done
    echo "$TEXT_VERSION" > "$2.textv"
}

# Features circgen reports as unsupported, from its diagnostics on stdin: one per line,
# "object fo:NAME", "property NAME", "value PROP=VALUE", "limit WHAT" (a documented
# limitation of the engine), "font NAME" (a family circgen does not have), or
# "other MESSAGE" for a warning about something unsupported that none of the patterns
# knows (so a new message is never lost). Matches the warning texts of gen/fo_*.c.
features() {
    sed -n \
        -e "s/.*unsupported formatting object fo:\([A-Za-z0-9_-]*\).*/object fo:\1/p" -e t \
        -e "s/.*warning: fo:\([A-Za-z0-9_-]*\) is not supported.*/object fo:\1/p" -e t \
        -e "s/.*element '\([^']*\)' outside the XSL-FO namespace.*/object (foreign) \1/p" -e t \
        -e "s/.*unsupported extension property '\([^']*\)'.*/property \1/p" -e t \
        -e "s/.*unsupported property '\([^']*\)'.*/property \1/p" -e t \
        -e "s/.*\(invalid\|unsupported\) value '\([^']*\)' for \(property \)\{0,1\}'\([^']*\)'.*/value \4=\2/p" -e t \
        -e "s/.*warning: column-count=\"[^\"]*\" is not supported.*/value column-count>1/p" -e t \
        -e "s/.*warning: \([a-z-]*\)=\"\([^\"]*\)\" is not supported.*/value \1=\2/p" -e t \
        -e "s/.*unsupported function '\([^'(]*\).*/function \1/p" -e t \
        -e "s/.*warning: region-body widths differ between the page masters.*/limit region-body width changing within a page-sequence/p" -e t \
        -e "s/.*warning: fo:block inside an inline is set as its text.*/limit fo:block inside fo:inline/p" -e t \
        -e "s/.*warning: image '[^']*data:.*/value src=data: URI/p" -e t \
        -e "s/.*warning: image '[^']*' is not a local file.*/value src=remote URI/p" -e t \
        -e "s/.*warning: image '[^']*\.\([A-Za-z0-9]*\)[)\"]*' cannot be used (not an image circgen can read.*/value image format .\1/p" -e t \
        -e "s/.*warning: font family '\([^']*\)' is not one of circgen's pinned fonts.*/font \1/p" -e t \
        -e "s/^[^ ]*:[0-9]*:[0-9]*: warning: \(.*\(unsupported\|not supported\).*\)/other \1/p" |
    LC_ALL=C sort -u
}

# ---------------------------------------------------------------- one testcase
# circgen renders fo/NAME.fo; writes circgen/NAME.*
render_one() {
    n=$1 D=$CONFORMANCE_DIR
    fo="$D/fo/$n.fo" o="$D/circgen/$n"
    rm -f "$o.pdf" "$o.txt" "$o.norm" "$o.ltxt" "$o.lnorm" "$o.textv"
    if [ ! -f "$fo" ]; then
        echo "nofo 0 0 0" > "$o.res"; : > "$o.log"; : > "$o.feat"; return 0
    fi
    t0=$(now_ms)
    # The redirections stay inside the subshell: dash drops those written after a
    # subshell inside a redirected group. The outer 2>/dev/null silences the shell's
    # own "Segmentation fault" notice.
    # No address-space cap under a sanitizer or a runner: they reserve terabytes.
    ( [ -z "${ASAN_OPTIONS:-}$CIRCGEN_RUNNER" ] && ulimit -v "$CONFORMANCE_ULIMIT_KB" 2>/dev/null
      exec timeout -k 2 "$CONFORMANCE_TIMEOUT" $CIRCGEN_RUNNER "$CIRCGEN" fo "$fo" -o "$o.pdf" \
          > "$o.log" 2>&1 < /dev/null ) 2>/dev/null
    rc=$?
    t1=$(now_ms)
    ms=$((t1 - t0))
    if [ "$rc" = 124 ] || [ "$ms" -ge $((CONFORMANCE_TIMEOUT * 1000)) ]; then st=hang
    elif [ "$rc" -ge 128 ]; then st=crash
    elif [ "$rc" != 0 ]; then st=nonzero
    else st=ok; fi
    pages=0
    if [ "${CONFORMANCE_MODE:-full}" = full ]; then
        features < "$o.log" > "$o.feat"
        if [ -s "$o.pdf" ]; then
            pages=$(pdf_pages "$o.pdf")
            if [ -n "$pages" ]; then pdf_text "$o.pdf" "$o" "$pages"
            else pages=0; fi
        fi
        [ "$st" = ok ] && [ "$pages" = 0 ] && st=nopdf
    fi
    echo "$st $rc $ms $pages" > "$o.res"
    case $st in
        crash|hang) echo "$st: $n (exit $rc, $ms ms)" ;;
    esac
    return 0
}

# FOP renders fo/NAME.fo into the cache, unless the cache already holds this FO.
fop_one() {
    n=$1 D=$CONFORMANCE_DIR
    fo="$D/fo/$n.fo"
    [ -f "$fo" ] || return 0
    h=$(sha256sum < "$fo" | cut -c1-64)
    c="$D/fop-cache/$h"
    if [ -f "$c.res" ]; then
        # Cached; only the text is made again when its format changed.
        [ "$(cat "$c.textv" 2>/dev/null)" = "$TEXT_VERSION" ] && return 0
        read -r _ _ _ pages < "$c.res"
        [ -s "$c.pdf" ] && [ "$pages" != 0 ] && pdf_text "$c.pdf" "$c" "$pages"
        echo "$TEXT_VERSION" > "$c.textv"
        return 0
    fi
    t0=$(now_ms)
    timeout -k 5 "$FOP_TIMEOUT" $FOP -r -fo "$fo" -pdf "$c.tmp.pdf" > "$c.log" 2>&1 < /dev/null
    rc=$?
    t1=$(now_ms)
    st=ok pages=0
    if [ "$rc" = 124 ]; then st=hang
    elif [ "$rc" != 0 ]; then st=nonzero; fi
    if [ -s "$c.tmp.pdf" ]; then
        mv "$c.tmp.pdf" "$c.pdf"
        pages=$(pdf_pages "$c.pdf")
        if [ -n "$pages" ]; then pdf_text "$c.pdf" "$c" "$pages"; else pages=0; fi
    fi
    rm -f "$c.tmp.pdf"
    [ "$st" = ok ] && [ "$pages" = 0 ] && st=nopdf
    echo "$TEXT_VERSION" > "$c.textv"
    echo "$n" > "$c.name"
    echo "$st $rc $((t1 - t0)) $pages" > "$c.res.tmp" && mv "$c.res.tmp" "$c.res"
    echo "fop: $n ($st, $pages pages)"
}

case "${1:-}" in
    --render-one) shift; for n; do render_one "$n"; done; exit 0 ;;
    --fop-one) shift; for n; do fop_one "$n"; done; exit 0 ;;
esac

# ---------------------------------------------------------------- arguments
mode=full jobs=2
while [ $# -gt 0 ]; do
    case $1 in
        --check) mode=check ;;
        -j) jobs=$2; shift ;;
        -j*) jobs=${1#-j} ;;
        -h|--help) sed -n '2,35p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
CONFORMANCE_MODE=$mode
export CONFORMANCE_MODE

tc="$FOP_TESTCASES/standard-testcases"
if ! ls "$tc"/*.xml > /dev/null 2>&1; then
    echo "conformance: no testcases in $tc (set FOP_TESTCASES)" >&2
    exit 2
fi
if [ ! -x "$CIRCGEN" ] && ! command -v "$CIRCGEN" > /dev/null 2>&1; then
    echo "conformance: $CIRCGEN not found (build it with make, or set CIRCGEN)" >&2
    exit 2
fi
if ! "$CIRCGEN" help fo > /dev/null 2>&1; then
    echo "conformance: '$CIRCGEN fo' does not exist ('$CIRCGEN help fo' fails)" >&2
    exit 3
fi

if [ "$mode" = check ]; then
    tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/circgen-conformance.XXXXXX") || exit 2
    trap 'rm -rf "$tmpdir"' EXIT
    trap 'exit 130' INT TERM
    : "${CONFORMANCE_DIR:=$tmpdir}"
else
    : "${CONFORMANCE_DIR:=build/conformance}"
fi
case $CONFORMANCE_DIR in /*) ;; *) CONFORMANCE_DIR=$root/$CONFORMANCE_DIR ;; esac
export CONFORMANCE_DIR
D=$CONFORMANCE_DIR
mkdir -p "$D/fo" "$D/circgen" "$D/fop-cache" || exit 2
ln -sfn "$(cd "$FOP_TESTCASES/resources" && pwd)" "$D/resources"

# The testcases to run.
if [ $# -gt 0 ]; then
    names=$(for n; do n=$(basename "$n" .xml); echo "$n"; done)
else
    names=$(cd "$tc" && ls *.xml | sed 's/\.xml$//')
fi
for n in $names; do
    [ -f "$tc/$n.xml" ] || { echo "conformance: no testcase $tc/$n.xml" >&2; exit 2; }
done
total=$(echo "$names" | wc -l)

# ---------------------------------------------------------------- extract
{
    printf '<list out="%s/fo/">\n' "$D"
    for n in $names; do printf '<t name="%s" src="%s/%s.xml"/>\n' "$n" "$tc" "$n"; done
    echo '</list>'
} > "$D/list.xml"
for n in $names; do rm -f "$D/fo/$n.fo"; done
xsltproc --nonet "$here/extract.xsl" "$D/list.xml" || { echo "conformance: extraction failed" >&2; exit 2; }

# ---------------------------------------------------------------- render with circgen
echo "conformance: rendering $total testcases with $CIRCGEN fo ($jobs at a time, ${CONFORMANCE_TIMEOUT} s each)"
t0=$(now_ms)
echo "$names" | xargs -P "$jobs" -n 8 sh "$0" --render-one
t1=$(now_ms)
wall=$((t1 - t0))

if [ "$mode" = check ]; then
    pass=0 fail=0
    for n in $names; do
        read -r st rc ms pages < "$D/circgen/$n.res" || st=missing
        case $st in
            crash|hang|missing) fail=$((fail + 1))
                echo "FAIL: $n: $st (exit ${rc:-?}, ${ms:-?} ms): $(tail -n 3 "$D/circgen/$n.log" 2>/dev/null | sed "s|^$D/fo/||" | tr '\n' ' ')" ;;
            nofo) fail=$((fail + 1)); echo "FAIL: $n: no fo:root extracted" ;;
            *) pass=$((pass + 1)) ;;
        esac
    done
    echo "conformance (crash and hang, $((wall / 1000)).$(printf '%03d' $((wall % 1000))) s): $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
fi

# ---------------------------------------------------------------- reference: FOP
if ! command -v "${FOP%% *}" > /dev/null 2>&1; then
    echo "conformance: $FOP not found: install the Debian package fop (make setup)" >&2
    exit 2
fi
missing=$(for n in $names; do
    [ -f "$D/fo/$n.fo" ] || continue
    h=$(sha256sum < "$D/fo/$n.fo" | cut -c1-64)
    [ -f "$D/fop-cache/$h.res" ] && [ "$(cat "$D/fop-cache/$h.textv" 2>/dev/null)" = "$TEXT_VERSION" ] ||
        echo "$n"
done)
if [ -n "$missing" ]; then
    echo "conformance: FOP reference for $(echo "$missing" | wc -l) testcases into $D/fop-cache (made once, about 1 s each; reused while the FO is unchanged)"
    echo "$missing" | xargs -P "$jobs" -n 4 sh "$0" --fop-one
fi

# ---------------------------------------------------------------- report
CONFORMANCE_WALL_MS=$wall sh "$here/report.sh" $names
