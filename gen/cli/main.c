/* main.c — the circgen program: dispatch to subcommands in the style of git. */
#include "commands.h"
#include "doc/doc.h"
#include "version.h"

#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxslt/xsltutils.h>

const cg_command cg_commands[] = {
    { "check", cmd_check, "validate source documents against their schema and checks",
      cmd_check_usage },
    { "build", cmd_build, "make every output of the documents in folders", cmd_build_usage },
    { "pdf", cmd_pdf, "make the PDF of source documents", cmd_pdf_usage },
    { "html", cmd_html, "make the HTML page of source documents", cmd_html_usage },
    { "diff", cmd_diff, "compare two language versions, or two revisions, of a document",
      cmd_diff_usage },
    { "new", cmd_new, "write the skeleton of a new source document", cmd_new_usage },
    { "types", cmd_types, "list the document types and their kinds", cmd_types_usage },
    { "watch", cmd_watch, "rebuild PDF and HTML whenever a source or template changes",
      cmd_watch_usage },
    { "xliff", cmd_xliff, "XLIFF files for translators: extract, and merge the returned file",
      cmd_xliff_usage },
    { "fo", cmd_fo, "render an XSL-FO file to PDF with circgen's layout engine", cmd_fo_usage },
    { NULL, NULL, NULL, NULL },
};

static void usage(FILE *out)
{
    fputs("usage: circgen [--version] [--help] COMMAND [ARGS]\n\n"
          "circgen produces official multilingual circulars: PDF and HTML for each\n"
          "language version, and a diff for translators.\n\ncommands:\n", out);
    for (const cg_command *c = cg_commands; c->name; c++)
        fprintf(out, "  %-8s %s\n", c->name, c->summary);
    fputs("\n'circgen help COMMAND' or 'circgen COMMAND --help' describes a command.\n", out);
}

static const cg_command *find(const char *name)
{
    for (const cg_command *c = cg_commands; c->name; c++)
        if (!strcmp(c->name, name))
            return c;
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CG_EXIT_ERROR;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return CG_EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("circgen %s\n", CIRCGEN_VERSION);
        return CG_EXIT_OK;
    }
    if (!strcmp(cmd, "help")) {
        if (argc < 3) {
            usage(stdout);
            return CG_EXIT_OK;
        }
        const cg_command *c = find(argv[2]);
        if (!c) {
            fprintf(stderr, "circgen: no such command '%s'\n", argv[2]);
            return CG_EXIT_ERROR;
        }
        fputs(c->usage, stdout);
        return CG_EXIT_OK;
    }
    const cg_command *c = find(cmd);
    if (!c) {
        fprintf(stderr, "circgen: '%s' is not a circgen command; see 'circgen --help'\n", cmd);
        return CG_EXIT_ERROR;
    }
    int rc = c->run(argc - 1, argv + 1);
    cg_doctype_cleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
    return rc;
}
