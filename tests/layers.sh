#!/bin/sh
# layers.sh — keeps the structure of gen/ as gen/README.md draws it.
#
#   sh tests/layers.sh [GEN_DIR [BUILD_DIR]]   check (default gen/ and build/)
#   sh tests/layers.sh --self-test             prove that each rule can fail
#
# Rules:
#  1. gen/ holds one folder per subsystem, in layers from the bottom up:
#         base  fo  doc  diff  xliff  cli
#     A file includes its own folder's headers by their plain name ("fo_page.h"),
#     and another subsystem only through that subsystem's public header
#     ("base/base.h", "fo/fo.h", ...), and only a subsystem below its own.
#  2. No cycle between files: neither of includes (file A includes B's header
#     while B includes A's), nor of use (A calls a function of B that calls
#     back into A), read from the symbols of the built objects when BUILD_DIR
#     holds them (nm).
#  3. No function longer than MAX_FUNC lines (a brace-depth scan: a function
#     runs from the line of its opening brace at depth 0 to its closing brace).
# Exit status 0 when every rule holds, 1 with one line per violation.

MAX_FUNC=120
LAYERS="base fo doc diff xliff cli"
# Functions allowed past MAX_FUNC, as FILE:NAME, with the reason. Being split
# into named steps now (one branch per file); this list goes when they land.
LONG_OK="cli/cmd_build.c:cmd_build cli/cmd_diff.c:cmd_diff diff/compare.c:cg_diff_versions
 fo/fo.c:cg_fo_render fo/fo_draw.c:draw_line fo/fo_layout.c:layout_table fo/fo_page.c:split_row
 fo/fo_page.c:split_group fo/fo_page.c:find_break fo/fo_page.c:paginate_sequence
 fo/fo_props.c:cg_props_compute fo/fo_text.c:collect_fo fo/fo_text.c:shape fo/fo_text.c:build_items
 fo/fo_text.c:line_boxes fo/fo_text.c:make_line fo/fo_text.c:cg_para_layout"

root=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = --self-test ]; then
    tmp=$(mktemp -d) || exit 2
    trap 'rm -rf "$tmp"' EXIT
    fails=0
    try() {   # try PATTERN WHAT: the check must fail on $tmp/gen with a line matching PATTERN
        sh "$0" "$tmp/gen" "$tmp/none" >"$tmp/out" 2>&1 && rc=0 || rc=$?
        if [ $rc = 1 ] && grep -q "$1" "$tmp/out"; then
            echo "layers self-test: caught $2: $(grep "$1" "$tmp/out" | head -n 1)"
        else
            echo "layers self-test: FAILED to catch $2 (exit $rc)"; fails=$((fails + 1))
        fi
        rm -rf "$tmp/gen"
    }
    fresh() { rm -rf "$tmp/gen"; cp -R "$root/gen" "$tmp/gen"; }
    fresh; sed -i '1a #include "cli/commands.h"' "$tmp/gen/fo/fo_page.c"; try 'fo_page.c:2: .*cli is above fo' "an upward include"
    fresh; sed -i '1a #include "doc/doctype.h"' "$tmp/gen/diff/diffout.c"; try 'diffout.c:2: .*private to doc' "a private header across subsystems"
    fresh; sed -i '1a #include "fo_text.h"' "$tmp/gen/fo/fo_env.h"; try 'cycle of includes.*fo/fo_env' "an include cycle"
    fresh; { echo 'int too_long(void)'; echo '{'; i=0
             while [ $i -lt $((MAX_FUNC + 5)) ]; do echo '    (void)0;'; i=$((i + 1)); done
             echo '}'; } >>"$tmp/gen/base/diag.c"; try 'diag.c:[0-9]*: too_long' "a function over $MAX_FUNC lines"
    # a cycle of use: two objects that call each other (without a shared header)
    mkdir -p "$tmp/gen/base" "$tmp/obj/base"
    echo 'int cg_b(int); int cg_a(int n) { return n ? cg_b(n - 1) : 0; }' >"$tmp/gen/base/a.c"
    echo 'int cg_a(int); int cg_b(int n) { return n ? cg_a(n - 1) : 1; }' >"$tmp/gen/base/b.c"
    cc -c -o "$tmp/obj/base/a.o" "$tmp/gen/base/a.c" && cc -c -o "$tmp/obj/base/b.o" "$tmp/gen/base/b.c"
    sh "$0" "$tmp/gen" "$tmp/obj" >"$tmp/out" 2>&1 && rc=0 || rc=$?
    if [ $rc = 1 ] && grep -q 'cycle of uses.*base/a' "$tmp/out"; then
        echo "layers self-test: caught a cycle of use: $(grep 'cycle of uses' "$tmp/out")"
    else echo "layers self-test: FAILED to catch a cycle of use (exit $rc)"; fails=$((fails + 1)); fi
    echo "layers self-test: $((5 - fails)) passed, $fails failed"
    [ $fails = 0 ]
    exit
fi

gen=${1:-$root/gen}
build=${2:-$root/build}
bad=0
fail() { echo "layers: $*"; bad=$((bad + 1)); }

rank() {   # rank NAME: position of a subsystem in the layers, 0 when none
    r=1
    for l in $LAYERS; do [ "$l" = "$1" ] && { echo $r; return; }; r=$((r + 1)); done
    echo 0
}

# Rule 1 — folders and includes; and the edges of the include graph for rule 2.
edges=$(mktemp) || exit 2
uses=$(mktemp) || exit 2
trap 'rm -f "$edges" "$uses"' EXIT
for f in "$gen"/*; do
    [ -d "$f" ] || { case $f in *.md) ;; *) fail "$f: gen/ holds only subsystem folders (and README.md)";; esac; continue; }
    [ "$(rank "$(basename "$f")")" = 0 ] && fail "$f: not a subsystem named in tests/layers.sh"
done
for file in "$gen"/*/*.c "$gen"/*/*.h; do
    [ -f "$file" ] || continue
    sub=$(basename "$(dirname "$file")")
    me=$(rank "$sub")
    stem=$sub/$(basename "$file" | sed 's/\.[ch]$//')
    grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" |
    sed 's/^\([0-9]*\):.*"\(.*\)".*/\1 \2/' >"$uses.inc"
    while read -r line inc; do
        where="${file#$gen/}:$line"
        case $inc in
        config.h) ;;   # generated by the Makefile into build/
        */*/*) fail "$where: #include \"$inc\": name a subsystem's public header as SUB/SUB.h" ;;
        */*)
            s=${inc%%/*} h=${inc#*/}
            them=$(rank "$s")
            if [ "$them" = 0 ]; then fail "$where: #include \"$inc\": no subsystem '$s'"
            elif [ "$s" = "$sub" ]; then fail "$where: #include \"$inc\": inside $sub/ write \"$h\""
            elif [ "$them" -gt "$me" ]; then fail "$where: #include \"$inc\": $s is above $sub (layers, bottom up: $LAYERS)"
            elif [ "$h" != "$s.h" ]; then fail "$where: #include \"$inc\": $s/$h is private to $s/; include \"$s/$s.h\""
            fi ;;
        *)
            if [ -f "$(dirname "$file")/$inc" ]; then
                to=$sub/$(echo "$inc" | sed 's/\.h$//')
                [ "$to" != "$stem" ] && echo "$stem $to" >>"$edges"
            else fail "$where: #include \"$inc\": no such header in $sub/"; fi ;;
        esac
    done <"$uses.inc"
    rm -f "$uses.inc"
done

# Rule 2 — cycles. tsort names the files of a cycle on standard error.
cycle_check() {   # cycle_check KIND FILE-OF-EDGES
    out=$(tsort "$2" 2>&1 >/dev/null) || true
    if [ -n "$out" ]; then
        fail "cycle of ${1}s between files: $(echo "$out" | grep -v 'input contains a loop' | sed 's/^tsort: //' | tr '\n' ' ')"
    fi
}
cycle_check include "$edges"
if ls "$build"/*/*.o >/dev/null 2>&1; then
    # who defines each global function or variable, then who uses it
    for o in "$build"/*/*.o; do
        n=${o#$build/}; n=${n%.o}
        [ -f "$gen/$n.c" ] || continue
        nm "$o" | awk -v n="$n" '$2 ~ /^[TDBR]$/ { print "D", $3, n } $1 == "U" { print "U", $2, n }'
    done | awk '$1 == "D" { def[$2] = $3 } $1 == "U" { use[NR] = $2 " " $3 }
                END { for (k in use) { split(use[k], u, " "); if ((u[1] in def) && def[u[1]] != u[2]) print u[2], def[u[1]] } }' |
        sort -u >"$uses"
    cycle_check use "$uses"
fi

# Rule 3 — function length.
for file in "$gen"/*/*.c; do
    [ -f "$file" ] || continue
    awk -v lim=$MAX_FUNC -v name="${file#$gen/}" '
    { line = $0
      if (incomment) { if (line ~ /\*\//) { sub(/.*\*\//, "", line); incomment = 0 } else next }
      gsub(/\\./, "", line); gsub(/"[^"]*"/, "\"\"", line); gsub(/'"'"'[^'"'"']*'"'"'/, "0", line)
      gsub(/\/\*.*\*\//, "", line); sub(/\/\/.*/, "", line)
      if (line ~ /\/\*/) { sub(/\/\*.*/, "", line); incomment = 1 }
      if (depth == 0 && line ~ /^[A-Za-z_].*\(/) { header = line }
      n = length(line)
      for (i = 1; i <= n; i++) {
          c = substr(line, i, 1)
          if (c == "{") { if (depth == 0) { start = FNR; fn = header; isfn = (header ~ /\)[[:space:]]*$/ || header ~ /,[[:space:]]*$/ || header ~ /\($/) && header !~ /=/ } depth++ }
          else if (c == "}") { depth--; if (depth == 0 && start) {
              if (isfn && FNR - start + 1 > lim) {
                  f = fn; sub(/\(.*/, "", f); sub(/.*[ *]/, "", f)
                  printf "%s:%d: %s: %d lines (limit %d)\n", name, start, f, FNR - start + 1, lim }
              start = 0; header = "" } }
      }
    }' "$file"
done >"$uses.long"
while IFS= read -r l; do
    f=$(echo "$l" | sed 's/^\([^:]*\):[0-9]*: \([^:]*\):.*/\1:\2/')
    case " $(echo $LONG_OK) " in *" $f "*) ;; *) fail "$l: split it into named steps" ;; esac
done <"$uses.long"
rm -f "$uses.long"

if [ $bad = 0 ]; then
    n=$(echo $LONG_OK | wc -w)
    echo "layers: $LAYERS; includes downward through public headers, no cycle, no function over $MAX_FUNC lines ($n listed exceptions)"
    exit 0
fi
echo "layers: $bad violation(s)"
exit 1
