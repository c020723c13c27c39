/* cmd_fo.c — `circgen fo IN.fo -o OUT.pdf [--dump-areas[=FILE]]`. */
#include "commands.h"
#include "fo/fo.h"
#include "base/base.h"

#include <stdio.h>
#include <string.h>
#include <errno.h>

const char cmd_fo_usage[] =
    "usage: circgen fo IN.fo [-o OUT.pdf] [--dump-areas[=FILE]] [options]\n"
    "\n"
    "Render an XSL-FO document with circgen's own layout engine.\n"
    "\n"
    "  -o, --output FILE      write the PDF to FILE (atomically: a temporary file\n"
    "                         is renamed into place only when complete)\n"
    "  --dump-areas[=FILE]    print the area tree (pages, regions, blocks, lines with\n"
    "                         position, width and text) to FILE or standard output\n"
    "  --title T, --author A, --subject S, --keywords K, --creator C\n"
    "                         document information (default: from fo:declarations)\n"
    "  --date DATE            creation date, ISO 8601 (default: SOURCE_DATE_EPOCH,\n"
    "                         else 1970-01-01; never the clock)\n"
    "  --allow-read DIR       images may also be read from DIR and its subfolders\n"
    "                         (default: only the FO file's folder and its subfolders;\n"
    "                         network URIs are always refused); may be repeated\n"
    "  --no-form              cx:field boxes drawn without form fields\n"
    "  --pdfa                 the PDF/A-3b requirements on what circgen writes (see\n"
    "                         'circgen pdf --help')\n"
    "  -q, --quiet            print errors only\n"
    "\n"
    "Exit status: 0 rendered (maybe with warnings), 1 the FO cannot be rendered,\n"
    "2 usage or I/O error.\n";

static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (!strcmp(argv[*i], name)) {
        if (*i + 1 >= argc)
            return NULL;
        return argv[++*i];
    }
    return NULL;
}

int cmd_fo(int argc, char **argv)
{
    const char *in = NULL, *out = NULL, *dump = NULL;
    gboolean want_dump = FALSE, quiet = FALSE;
    cg_fo_options o = { 0 };
    GPtrArray *allow = g_ptr_array_new();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_fo_usage, stdout);
            g_ptr_array_free(allow, TRUE);
            return CG_EXIT_OK;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output") || !strncmp(a, "--output=", 9)) {
            if (!strncmp(a, "--output=", 9))
                out = a + 9;
            else if (i + 1 < argc)
                out = argv[++i];
            else {
                fprintf(stderr, "circgen fo: %s needs a file name\n", a);
                g_ptr_array_free(allow, TRUE);
                return CG_EXIT_ERROR;
            }
        } else if (!strcmp(a, "--dump-areas")) {
            want_dump = TRUE;
        } else if (!strncmp(a, "--dump-areas=", 13)) {
            want_dump = TRUE;
            dump = a + 13;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = TRUE;
        } else if (!strcmp(a, "--no-form")) {
            o.no_form = TRUE;
        } else if (!strcmp(a, "--pdfa")) {
            o.pdfa = TRUE;
        } else if ((v = opt_value(argc, argv, &i, "--title"))) o.title = v;
        else if ((v = opt_value(argc, argv, &i, "--author"))) o.author = v;
        else if ((v = opt_value(argc, argv, &i, "--subject"))) o.subject = v;
        else if ((v = opt_value(argc, argv, &i, "--keywords"))) o.keywords = v;
        else if ((v = opt_value(argc, argv, &i, "--creator"))) o.creator = v;
        else if ((v = opt_value(argc, argv, &i, "--date"))) o.date = v;
        else if ((v = opt_value(argc, argv, &i, "--allow-read"))) g_ptr_array_add(allow, (gpointer)v);
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen fo: unknown option '%s'\n%s", a, cmd_fo_usage);
            g_ptr_array_free(allow, TRUE);
            return CG_EXIT_ERROR;
        } else if (!in)
            in = a;
        else {
            fprintf(stderr, "circgen fo: one input file only\n");
            g_ptr_array_free(allow, TRUE);
            return CG_EXIT_ERROR;
        }
    }
    if (!in || (!out && !want_dump)) {
        fputs(cmd_fo_usage, stderr);
        g_ptr_array_free(allow, TRUE);
        return CG_EXIT_ERROR;
    }
    g_ptr_array_add(allow, NULL);
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = cg_xml_read_file(in, d);
    int rc = CG_EXIT_OK;
    FILE *df = NULL;
    if (!doc)
        rc = CG_EXIT_INVALID;
    else {
        if (want_dump) {
            df = dump && strcmp(dump, "-") ? fopen(dump, "w") : stdout;
            if (!df) {
                fprintf(stderr, "circgen fo: cannot write %s: %s\n", dump, g_strerror(errno));
                cg_xml_free(doc);
                cg_diags_free(d);
                g_ptr_array_free(allow, TRUE);
                return CG_EXIT_ERROR;
            }
        }
        o.output = out;
        o.dump = df;
        o.read_dirs = allow->len > 1 ? (const char *const *)allow->pdata : NULL;
        int r = cg_fo_render(doc, &o, d);
        if (r != 0)
            rc = r == 2 ? CG_EXIT_ERROR : CG_EXIT_INVALID;
        if (df && df != stdout && fclose(df) != 0) {
            fprintf(stderr, "circgen fo: cannot write %s\n", dump);
            rc = CG_EXIT_ERROR;
        }
        cg_xml_free(doc);
    }
    if (quiet) {
        for (guint i = 0; i < d->items->len; i++) {
            cg_diag *x = d->items->pdata[i];
            if (x->severity == CG_ERROR) {
                char *s = cg_diag_format(x);
                fprintf(stderr, "%s\n", s);
                g_free(s);
            }
        }
    } else
        cg_diags_print(d, stderr);
    cg_diags_free(d);
    g_ptr_array_free(allow, TRUE);
    cg_fo_cleanup();
    return rc;
}
