#!/bin/sh
# Hostile inputs for the FO engine and the whole pipeline (issue 7): every input of
# tests/hostile/EXPECT (made by tests/hostile/gen.sh) either renders, with its warning,
# or fails with its message and exit status; none crashes (signal), hangs (timeout) or
# exhausts memory (ulimit -v; ASan's own RSS limit under ASan). Under valgrind the big
# inputs are made smaller (HOSTILE_SCALE).
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
CIRCGEN="${CIRCGEN:-$PWD/circgen}"
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1753228800
case "$CIRCGEN_RUNNER" in
*valgrind*) : "${HOSTILE_SCALE:=20}"; limit=300 ;;
*) : "${HOSTILE_SCALE:=1}"; limit=${HOSTILE_TIMEOUT:-60} ;;
esac
export HOSTILE_SCALE
# Memory: 4 GB of address space, except for ASan builds (their shadow memory needs
# terabytes of address space: ASan's own RSS limit stands in) and valgrind.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=4096"
vlimit="ulimit -v 4194304;"
if [ -n "$CIRCGEN_RUNNER" ] || ! sh -c "ulimit -v 4194304; \"$CIRCGEN\" --version" >/dev/null 2>&1; then vlimit=""; fi
# bounded CMD...: runs circgen with a time and memory limit; exit status as circgen's,
# 124 on timeout, 128+N on a signal.
bounded() { sh -c "$vlimit exec timeout -k 5 $limit $CIRCGEN_RUNNER \"\$@\"" sh "$CIRCGEN" "$@" </dev/null; }
crashed() { [ "$1" -ge 124 ]; }

sh tests/hostile/gen.sh "$tmp/h" || { echo "FAIL: tests/hostile/gen.sh"; exit 1; }
docs=$tmp/h/docs

n=0
while IFS='|' read -r file want msg; do
    case "$file" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    pdf=$tmp/out/${file%.fo}.pdf
    mkdir -p "$tmp/out"
    (cd "$docs" && bounded fo "$file" -o "$pdf") 2>"$tmp/err"
    rc=$?
    if crashed $rc; then
        ko "$file: crashed, hung or ran out of memory (exit $rc): $(tail -n 3 "$tmp/err")"
        continue
    fi
    if [ "$want" = ok ]; then
        if [ $rc != 0 ]; then ko "$file: exit $rc, want 0: $(grep error "$tmp/err" | head -3)"; continue; fi
        if ! qpdf --check "$pdf" >/dev/null 2>&1; then ko "$file: not a valid PDF"; continue; fi
    else
        if [ $rc != "$want" ]; then ko "$file: exit $rc, want $want"; continue; fi
        if [ -e "$pdf" ]; then ko "$file: a PDF was written"; continue; fi
    fi
    if [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
        ko "$file: message missing: $msg; got: $(head -n 3 "$tmp/err")"
        continue
    fi
    ok
done < tests/hostile/EXPECT
for f in "$docs"/*.fo; do
    grep -q "^$(basename "$f")|" tests/hostile/EXPECT || ko "$(basename "$f") is not listed in tests/hostile/EXPECT"
done

# Content is placed: text after the hostile parts comes back from the PDF.
for f in long-word-in-text font-size-100000 image-_dev_zero image-fifo length-abc; do
    pdftotext "$tmp/out/$f.pdf" - 2>/dev/null | grep -q -e end -e after -e deep && ok || ko "$f: the text after is missing"
done
pdftotext "$tmp/out/zh-closing-punctuation.pdf" - 2>/dev/null | grep -q '文字' && ok || ko "zh-closing-punctuation: text missing"
# An invalid page size is reported once, not on every page.
(cd "$docs" && bounded fo length-abc.fo -o "$tmp/once.pdf") 2>"$tmp/err"
[ "$(grep -c "invalid page-width 'abc'" "$tmp/err")" = 1 ] && ok || ko "invalid page-width reported more than once"
# No secret leaks, no read outside the folder (strace where installed), no connection.
for f in xxe-file image-link_out_svg; do
    grep -q CIRCGEN-SECRET "$tmp/err" && ko "$f: secret leaked" || ok
done
if command -v strace >/dev/null 2>&1 && [ -z "$CIRCGEN_RUNNER" ]; then
    for f in xxe-file image-link_out_svg image-___outside_logo_svg image-_etc_passwd image-_dev_zero \
             image-svg-external image-svg-external-entity; do
        (cd "$docs" && strace -f -e trace=open,openat -o "$tmp/trace" "$CIRCGEN" fo $f.fo -o "$tmp/s.pdf" >/dev/null 2>&1)
        grep -q -e 'secret.txt' -e 'outside/logo.svg' -e '/etc/passwd' -e '/dev/zero' "$tmp/trace" && ko "$f: a file outside the folder was opened" || ok
    done
    for f in image-http___127_0_0_1_9_x_png image-svg-external xxe-network; do
        (cd "$docs" && strace -f -e trace=connect -o "$tmp/trace" "$CIRCGEN" fo $f.fo -o "$tmp/s.pdf" >/dev/null 2>&1)
        grep -q 'connect(' "$tmp/trace" && ko "$f: a connection was made" || ok
    done
fi
# --allow-read widens the folders images come from (FOP test cases use ../resources).
(cd "$docs" && bounded fo image-___outside_logo_svg.fo --allow-read .. -o "$tmp/allow.pdf") 2>"$tmp/err"
[ $? = 0 ] && ! grep -q "outside the folders" "$tmp/err" && ok || ko "--allow-read ..: $(cat "$tmp/err")"

# An empty file: a clear error, not "out of memory".
: > "$tmp/empty.fo"
bounded fo "$tmp/empty.fo" -o "$tmp/empty.pdf" 2>"$tmp/err"; rc=$?
[ $rc = 1 ] && grep -q "the file is empty" "$tmp/err" && ok || ko "empty file: exit $rc: $(cat "$tmp/err")"

# A missing font: a clear error naming the package, no PDF.
CIRCGEN_FONTS_CONF=$tmp/h/empty-fonts.conf bounded fo "$docs/deep-tables.fo" -o "$tmp/nofont.pdf" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && grep -q "fonts-liberation2" "$tmp/err" && [ ! -e "$tmp/nofont.pdf" ] && ok || ko "missing font: exit $rc: $(head -n 2 "$tmp/err")"

# An unwritable output: a missing folder, a read-only folder, a folder as the file.
bounded fo "$docs/deep-tables.fo" -o /nonexistent-dir/x.pdf 2>"$tmp/err"; rc=$?
[ $rc = 2 ] && grep -q "cannot write" "$tmp/err" && ok || ko "unwritable (no folder): exit $rc"
mkdir -p "$tmp/ro"; chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
    bounded fo "$docs/deep-tables.fo" -o "$tmp/ro/x.pdf" 2>"$tmp/err"; rc=$?
    [ $rc = 2 ] && grep -q "cannot write" "$tmp/err" && ok || ko "unwritable (read-only folder): exit $rc"
fi
chmod 755 "$tmp/ro"
mkdir -p "$tmp/dir.pdf"
bounded fo "$docs/deep-tables.fo" -o "$tmp/dir.pdf" 2>"$tmp/err"; rc=$?
[ $rc = 2 ] && grep -q "cannot write" "$tmp/err" && ok || ko "output is a folder: exit $rc: $(cat "$tmp/err")"
[ -z "$(ls -A "$tmp" | grep '^\.')" ] && ok || ko "temporary files left behind"
# A device or pipe as the output: refused (a file renamed into place would replace
# it), the device untouched; for fo (its own writer) and for pdf and html (base/output.c).
mkfifo "$tmp/pipe.pdf" 2>/dev/null || true
for target in /dev/full "$tmp/pipe.pdf"; do
    [ -e "$target" ] || continue
    for cmd in "fo $docs/deep-tables.fo" "pdf samples/tsb-circular-50/en.xml" "html samples/tsb-circular-50/en.xml"; do
        bounded $cmd -o "$target" 2>"$tmp/err"; rc=$?
        [ $rc = 2 ] && grep -q "not a regular file" "$tmp/err" && { [ -c "$target" ] || [ -p "$target" ]; } && ok ||
            ko "output to $target (${cmd%% *}): exit $rc, $(ls -la "$target"): $(head -n 1 "$tmp/err")"
    done
done
rm -f "$tmp/pipe.pdf"
# A full disk (where /dev/full exists): the write fails cleanly.
if [ -w /dev/full ]; then
    bounded fo "$docs/deep-tables.fo" --dump-areas=/dev/full 2>"$tmp/err"; rc=$?
    [ $rc != 0 ] && ! crashed $rc && ok || ko "dump to /dev/full: exit $rc"
fi

# The whole pipeline: a source with a 300,000-character word, 5,000 closing marks in
# Chinese, and one nested 100,000 deep.
src=samples/tsb-circular-50/en.xml
if [ -f "$src" ]; then
    # the word is read from a file: a 300,000-byte argument exceeds the kernel's limit
    awk -v n=$((300000 / HOSTILE_SCALE)) 'BEGIN { for (i = 0; i < n; i++) printf "x"; print "" }' > "$tmp/word"
    awk -v wf="$tmp/word" 'BEGIN { getline w < wf } !done && /<para[ >]/ { sub(/<para([^>]*)>/, "&" w " "); done = 1 } { print }' "$src" > "$tmp/long.xml"
    bounded pdf "$tmp/long.xml" -o "$tmp/long.pdf" 2>"$tmp/err"; rc=$?
    [ $rc = 0 ] && pdftotext "$tmp/long.pdf" - | grep -q xxxxxxxxxx && ok || ko "pipeline, long word: exit $rc: $(grep -v warning "$tmp/err" | head -n 3)"
    awk -v n=$((5000 / HOSTILE_SCALE)) 'BEGIN { for (i = 0; i < n; i++) printf "。"; print "" }' > "$tmp/punct"
    awk -v wf="$tmp/punct" 'BEGIN { getline w < wf } !done && /<para[ >]/ { sub(/<para([^>]*)>/, "&" w); done = 1 } { print }' samples/tsb-circular-50/zh.xml > "$tmp/punct.xml"
    bounded pdf "$tmp/punct.xml" -o "$tmp/punct.pdf" 2>"$tmp/err"; rc=$?
    [ $rc = 0 ] && pdftotext "$tmp/punct.pdf" - | grep -q '。。。。' && ok || ko "pipeline, closing marks: exit $rc: $(grep -v warning "$tmp/err" | head -n 3)"
    { sed -n '1,/<para[ >]/p' "$src" | sed '$d'
      awk -v n=$((100000 / HOSTILE_SCALE)) 'BEGIN { for (i = 0; i < n; i++) printf "<emph>"; for (i = 0; i < n; i++) printf "</emph>"; print "" }'
      sed -n '/<para[ >]/,$p' "$src"; } > "$tmp/deep.xml"
    bounded pdf "$tmp/deep.xml" -o "$tmp/deep.pdf" 2>"$tmp/err"; rc=$?
    [ $rc = 1 ] && grep -q "nested more than 256 deep" "$tmp/err" && [ ! -e "$tmp/deep.pdf" ] && ok || ko "pipeline, deep: exit $rc: $(head -n 2 "$tmp/err")"
fi

# Fuzzing regressions: every input in tests/fuzz/regressions/NAME-* is replayed
# (fo: rendered; source: checked; xliff: merged), bounded; none may crash or hang.
for f in tests/fuzz/regressions/*; do
    [ -f "$f" ] || continue
    case $(basename "$f") in
    fo-*) (cd "$tmp" && bounded fo "$OLDPWD/$f" -o "$tmp/r.pdf") >/dev/null 2>&1 ;;
    source-*) bounded check "$f" >/dev/null 2>&1 ;;
    xliff-*) bounded xliff merge "$f" --source tests/xliff/source.xml -o "$tmp/r.xml" >/dev/null 2>&1 ;;
    *) continue ;;
    esac
    rc=$?
    crashed $rc && ko "regression $f: exit $rc" || ok
done

echo "hostile: $pass passed, $fail failed ($n inputs)"
[ "$fail" -eq 0 ]
