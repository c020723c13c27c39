/* cmd_check.c — `circgen check FILE...`: parse and validate source documents. */
#include "commands.h"
#include "base/base.h"
#include "doc/doc.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

const char cmd_check_usage[] =
    "usage: circgen check [--templates DIR] [-q] FILE...\n"
    "\n"
    "Validate circgen source documents. Each FILE is parsed with no network access,\n"
    "no DTD and no entities, validated against the RELAX NG schema of its document\n"
    "type (the namespace urn:circgen:TYPE of its root element names the folder\n"
    "templates/TYPE/), then checked for what a schema cannot express: ids unique,\n"
    "every reference resolved, dates real, the stated counts matching.\n"
    "\n"
    "Diagnostics go to stderr as FILE:LINE:COL: error: MESSAGE.\n"
    "\n"
    "options:\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  -q, --quiet      print nothing for valid files\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 all files valid, 1 a file is invalid, 2 usage or I/O error\n";

int cmd_check(int argc, char **argv)
{
    int quiet = 0, nfiles = 0, status = CG_EXIT_OK;
    char **files = g_new0(char *, argc + 1);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_check_usage, stdout);
            g_free(files);
            return CG_EXIT_OK;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
        } else if (!strcmp(a, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (g_str_has_prefix(a, "--templates=")) {
            cg_set_templates_dir(a + strlen("--templates="));
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen check: unknown option '%s'\n%s", a, cmd_check_usage);
            g_free(files);
            return CG_EXIT_ERROR;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, "circgen check: no input files\n%s", cmd_check_usage);
        g_free(files);
        return CG_EXIT_ERROR;
    }
    for (int i = 0; i < nfiles; i++) {
        cg_diags *d = cg_diags_new();
        int file_status = CG_EXIT_OK;
        if (!g_file_test(files[i], G_FILE_TEST_EXISTS)) {
            cg_diag_add(d, CG_ERROR, files[i], 0, 0, "cannot read: %s", g_strerror(ENOENT));
            file_status = CG_EXIT_ERROR;
        } else {
            xmlDocPtr doc = cg_xml_read_file(files[i], d);
            if (!doc) {
                file_status = g_file_test(files[i], G_FILE_TEST_IS_REGULAR) ? CG_EXIT_INVALID
                                                                             : CG_EXIT_ERROR;
            } else {
                if (cg_validate(doc, d) > 0)
                    file_status = CG_EXIT_INVALID;
                cg_xml_free(doc);
            }
        }
        cg_diags_print(d, stderr);
        if (file_status == CG_EXIT_OK && !quiet)
            printf("%s: valid\n", files[i]);
        if (file_status > status)
            status = file_status;
        cg_diags_free(d);
    }
    g_free(files);
    return status;
}
