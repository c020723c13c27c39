#!/bin/sh
# mkman.sh CIRCGEN — write the manual page circgen(1), in roff, to standard output.
#
# The page is made from the program's own help: 'circgen --help' gives the
# synopsis, the description and the list of commands, 'circgen help COMMAND' the
# section of each command (the usage strings of gen/cli/cmd_*.c). So the manual
# and --help cannot disagree. Run by make (build/circgen.1) and by
# tests/e2e/man.test.sh.
set -eu
prog=${1:?usage: mkman.sh CIRCGEN}
version=$("$prog" --version | sed 's/^circgen //')
commands=$("$prog" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')

# roff from help text: paragraphs, "  -x, --opt ARG   text" items, usage lines.
# mode=top: the text of 'circgen --help'; mode=cmd: the text of one command.
to_roff() {
    awk -v mode="$1" '
    function esc(s) { gsub(/\\/, "\\e", s); if (s ~ /^[.'\'']/) s = "\\&" s; return s }
    function opt(s) { s = esc(s); gsub(/-/, "\\-", s); return s }
    function flush_item() { if (tag != "") { print ".TP"; print "\\fB" opt(tag) "\\fR"; if (desc != "") print desc } tag = ""; desc = "" }
    BEGIN { in_usage = 0; tag = ""; desc = ""; para = 0 }
    /^usage: / {
        sub(/^usage: /, ""); if (mode == "top") { skip_usage = 1; next }
        print ".nf"; print "\\fB" opt($0) "\\fR"; in_usage = 1; next }
    in_usage && /^[ \t]/ { sub(/^[ \t]+/, "      "); print "\\fB" opt($0) "\\fR"; next }
    in_usage { print ".fi"; in_usage = 0 }
    skip_usage && /^[ \t]/ { next }
    { skip_usage = 0 }
    /^$/ { flush_item(); para = 1; next }
    mode == "top" && /^commands:/ { flush_item(); print ".SH COMMANDS"; para = 0; cmds = 1; next }
    mode == "top" && cmds && /^  [a-z]/ {
        name = $1; sub(/^  [a-z]+ +/, ""); print ".TP"; print "\\fBcircgen " name "\\fR"; print esc($0); next }
    mode == "top" && cmds { cmds = 0 }
    /^[A-Za-z][A-Za-z ]*:$/ { flush_item(); print ".PP"; print "\\fB" esc($0) "\\fR"; para = 0; next }
    /^  +-/ && !/^     / {
        flush_item(); s = $0; sub(/^ +/, "", s)
        if (match(s, /   */)) { tag = substr(s, 1, RSTART - 1); desc = esc(substr(s, RSTART + RLENGTH)) }
        else { tag = s; desc = "" }
        next }
    /^     / && tag != "" { s = $0; sub(/^ +/, "", s); desc = (desc == "" ? esc(s) : desc "\n" esc(s)); next }
    { flush_item(); if (para) { print ".PP"; para = 0 } print esc($0) }
    END { flush_item(); if (in_usage) print ".fi" }'
}

cat <<EOF
.\\" circgen(1) — made by gen/cli/mkman.sh from circgen's --help texts; do not edit.
.TH CIRCGEN 1 "" "circgen $version" "User Commands"
.SH NAME
circgen \\- official documents of the ITU Telecommunication Standardization Bureau from structured XML
.SH SYNOPSIS
.nf
\\fBcircgen\\fR [\\fB\\-\\-version\\fR] [\\fB\\-\\-help\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]
\\fBcircgen help\\fR \\fICOMMAND\\fR
.fi
.SH DESCRIPTION
EOF
"$prog" --help | to_roff top
for c in $commands; do
    printf '.SH "CIRCGEN %s"\n' "$(echo "$c" | tr a-z A-Z)"
    "$prog" help "$c" | to_roff cmd
done
cat <<'EOF'
.SH EXIT STATUS
0 success; 1 the input is invalid (for \fBdiff\fR: findings); 2 usage or I/O error.
Each command above gives its own detail.
.SH ENVIRONMENT
.TP
.B CIRCGEN_TEMPLATES
the templates directory (document types, schemas, stylesheets, string catalogs,
skeletons); default: \fItemplates/\fR beside the program, else the installed one.
.TP
.B SOURCE_DATE_EPOCH
the creation date written into PDFs whose source gives none.
.SH FILES
.TP
.I templates/TYPE/
a document type: \fIschema.rng\fR, \fIchecks.xsl\fR, \fIfo.xsl\fR, \fIhtml.xsl\fR,
\fIstrings/LANG.xml\fR, and the skeletons \fInew/KIND.LANG.xml\fR of \fBcircgen new\fR.
.TP
.I templates/schemas.xml
locating rules that map each document namespace to its schema, for XML editors.
EOF
