#!/bin/sh
# The manual page circgen(1): made by gen/cli/mkman.sh from the program's own help
# texts, it renders with man -l without a warning and has a section for every
# command, with every option of that command's --help.
cd "$(dirname "$0")/../.." || exit 2
. tests/e2e/lib.sh

sh gen/cli/mkman.sh "$CIRCGEN" >"$tmp/circgen.1" 2>"$tmp/err" && [ -s "$tmp/circgen.1" ] && ok ||
    ko "mkman.sh: $(cat "$tmp/err")"
if command -v man >/dev/null 2>&1; then
    MANWIDTH=100 man --warnings -l "$tmp/circgen.1" >"$tmp/page" 2>"$tmp/warn" && ok || ko "man -l failed"
    [ ! -s "$tmp/warn" ] && ok || ko "man -l warns: $(cat "$tmp/warn")"
    page="$tmp/page"
else
    ko "man is not installed (make setup installs man-db)"
    page="$tmp/circgen.1"
fi
grep -q '^NAME' "$page" && grep -q '^SYNOPSIS' "$page" && grep -q '^ENVIRONMENT' "$page" && ok ||
    ko "the page lacks NAME, SYNOPSIS or ENVIRONMENT"
for c in $(cg --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
    C=$(echo "$c" | tr a-z A-Z)
    grep -q "^CIRCGEN $C\$" "$page" && ok || ko "no section for circgen $c"
    # Every option tag of the command's help is an item of its section.
    cg help "$c" | sed -n 's/^  \(-[^ ]*\).*/\1/p' | sed 's/,$//' | while read -r o; do
        sed -n "/^CIRCGEN $C\$/,/^CIRCGEN /p" "$page" | grep -qF -- "$o" || echo "$o"
    done >"$tmp/missing"
    [ ! -s "$tmp/missing" ] && ok || ko "circgen $c: options missing from the page: $(cat "$tmp/missing")"
done
# The built page (make man) is this one.
if [ -f build/circgen.1 ] && [ "$CIRCGEN" = "$PWD/circgen" ]; then
    cmp -s build/circgen.1 "$tmp/circgen.1" && ok || ko "build/circgen.1 is stale (make man)"
fi

finish man
