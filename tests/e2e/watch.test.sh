#!/bin/sh
# circgen watch: builds, then rebuilds a document's PDF and HTML when its source or a
# string catalog changes, keeps the last good outputs when the source breaks, times
# each rebuild, and stops on --max-rebuilds, on --timeout and on SIGTERM. Every wait
# is bounded (until() polls for at most 60 s; a healthy run takes about a second).
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh

until_() {   # until_ COMMAND: poll COMMAND every 0.05 s, for 60 s at most
    i=0
    while ! eval "$1"; do
        i=$((i + 1)); [ $i -gt 1200 ] && return 1
        sleep 0.05
    done
}
# Watchers are started directly, not through cg(), so that $! is their process; a
# watcher left running (a failed check) is stopped on exit.
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
builds() { grep -c "en.xml: .*en.pdf (.* and .*en.html in [0-9.]* s$" "$tmp/log"; }

mkdir -p "$tmp/src/doc"
cp samples/tsb-circular-50/en.xml "$tmp/src/doc/en.xml"
cp -R templates "$tmp/tpl"
: >"$tmp/log"
$CIRCGEN_RUNNER "$CIRCGEN" watch --templates "$tmp/tpl" -o "$tmp/out" --max-rebuilds 4 --timeout 120 "$tmp/src/doc/en.xml" \
    >"$tmp/log" 2>"$tmp/err" &
pid=$!
pdf="$tmp/out/doc/en.pdf" html="$tmp/out/doc/en.html"

# The first build, then it watches.
until_ 'grep -q "watching 1 document" "$tmp/log"' && ok || ko "watch did not start: $(cat "$tmp/log" "$tmp/err")"
[ -s "$pdf" ] && [ -s "$html" ] && ok || ko "no first outputs"
pdfinfo "$pdf" 2>/dev/null | grep -q '^Pages: *9' && ok || ko "first PDF"

# 1. The source is touched: a rebuild, timed.
cp "$pdf" "$tmp/pdf0"
touch "$tmp/src/doc/en.xml"
until_ '[ "$(builds)" -ge 2 ]' && ok || ko "no rebuild after touching the source: $(cat "$tmp/log")"

# 1b. The source is rewritten in place (truncated, then written): one rebuild, once
#     the file is closed, never of the half-written file.
sed 's|<para id="para-4">|<para id="para-4">Edited. |' "$tmp/src/doc/en.xml" >"$tmp/edited.xml"
cat "$tmp/edited.xml" >"$tmp/src/doc/en.xml"
until_ '[ "$(builds)" -ge 3 ]' && ok || ko "no rebuild after an in-place write: $(cat "$tmp/log")"
[ ! -s "$tmp/err" ] && ok || ko "an in-place write gave diagnostics: $(cat "$tmp/err")"

# 2. A string catalog changes (a copy of the templates): every document is rebuilt
#    with the new wording.
sed -i 's|Yours faithfully,|Yours very faithfully,|' "$tmp/tpl/tsb-circular/strings/en.xml"
until_ '[ "$(builds)" -ge 4 ]' && ok || ko "no rebuild after a string catalog changed: $(cat "$tmp/log")"
grep -q 'the templates changed' "$tmp/log" && ok || ko "the template change is not reported"
pdftotext "$pdf" - 2>/dev/null | grep -q 'Yours very faithfully' && ok || ko "the new wording is not in the PDF"
cp "$pdf" "$tmp/pdf-good"; cp "$html" "$tmp/html-good"

# 3. The source breaks (saved as editors do: a new file renamed over the old one):
#    its diagnostic is printed, the last good outputs stay, and the third rebuild
#    ends the run (the fourth rebuild) with the status of an invalid document.
sed 's|<para id="para-4">|<para id="para-4"><bogus/>|' "$tmp/src/doc/en.xml" >"$tmp/src/doc/.en.xml.new"
mv "$tmp/src/doc/.en.xml.new" "$tmp/src/doc/en.xml"
until_ '! kill -0 $pid 2>/dev/null' && ok || { ko "watch did not stop after 4 rebuilds"; kill $pid; }
wait $pid
rc=$?
[ $rc = 1 ] && ok || ko "watch exit status $rc after a broken source, want 1"
grep -q 'en.xml:[0-9]*:[0-9]*: error: .*bogus' "$tmp/err" && ok || ko "no diagnostic for the broken source: $(cat "$tmp/err")"
grep -q 'en.xml: 1 error; the last good outputs are kept' "$tmp/log" && ok || ko "broken source not reported: $(cat "$tmp/log")"
cmp -s "$pdf" "$tmp/pdf-good" && cmp -s "$html" "$tmp/html-good" && ok || ko "the last good outputs were not kept"
ls -a "$tmp/out/doc" | grep -q '^\.en\.' && ko "a temporary output was left" || ok
grep -q 'stopped after 4 rebuilds' "$tmp/log" && ok || ko "no final line: $(cat "$tmp/log")"

# SIGTERM ends it cleanly, with the status of the last builds (0: all good).
cp samples/tsb-circular-50/en.xml "$tmp/src/doc/en.xml"
: >"$tmp/log2"
$CIRCGEN_RUNNER "$CIRCGEN" watch --templates "$tmp/tpl" -o "$tmp/out2" --timeout 120 "$tmp/src" >"$tmp/log2" 2>"$tmp/err2" &
pid=$!
until_ 'grep -q "watching 1 document" "$tmp/log2"' && ok || ko "watch DIR did not start: $(cat "$tmp/log2" "$tmp/err2")"
[ -s "$tmp/out2/doc/en.pdf" ] && ok || ko "watch DIR: no outputs in OUTDIR/DOC/LANG.pdf"
# A new language version dropped in the folder is picked up.
cp samples/tsb-circular-50/zh.xml "$tmp/src/doc/zh.xml"
until_ '[ -s "$tmp/out2/doc/zh.pdf" ]' && ok || ko "a new source in DIR was not built: $(cat "$tmp/log2")"
kill -TERM $pid
until_ '! kill -0 $pid 2>/dev/null' && ok || { ko "watch did not stop on SIGTERM"; kill -KILL $pid; }
wait $pid
rc=$?
[ $rc = 0 ] && ok || ko "exit status $rc after SIGTERM, want 0"
grep -q 'stopped after' "$tmp/log2" && ok || ko "no final line after SIGTERM"

# --timeout before --max-rebuilds is an error; bad arguments are usage errors.
cg watch --templates "$tmp/tpl" -o "$tmp/out3" --max-rebuilds 1 --timeout 0.5 "$tmp/src/doc/en.xml" >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q 'timed out after 0.5 s with 0 of 1 rebuilds' "$tmp/err" && ok || ko "--timeout: $(cat "$tmp/err")"
cg watch "$tmp/nothing.xml" >/dev/null 2>"$tmp/err"; [ $? = 2 ] && grep -q 'no such file' "$tmp/err" && ok || ko "missing FILE"
cg watch >/dev/null 2>&1; [ $? = 2 ] && ok || ko "watch with no FILE exits 2"
cg watch --max-rebuilds x a.xml >/dev/null 2>&1; [ $? = 2 ] && ok || ko "bad --max-rebuilds exits 2"
cg watch --bogus a.xml >/dev/null 2>&1; [ $? = 2 ] && ok || ko "unknown option exits 2"
cg watch --help | grep -q '^usage: circgen watch' && ok || ko "watch --help"

finish watch
