/* cmd_output.c — `circgen html` and `circgen pdf`: one output per source document.
 * The two commands differ only in the renderer and the extension. */
#include "commands.h"
#include "base/base.h"
#include "doc/doc.h"

#include <stdio.h>
#include <string.h>

const char cmd_html_usage[] =
    "usage: circgen html [--templates DIR] [-o OUT] FILE...\n"
    "       circgen html --parallel A.xml B.xml [-o OUT]\n"
    "\n"
    "Make the HTML page of each source document with its type's html.xsl. The\n"
    "document is validated first (as by 'circgen check'); an invalid one makes no\n"
    "output. The page is written atomically: a failed run leaves any earlier file\n"
    "untouched.\n"
    "\n"
    "options:\n"
    "  -o OUT           the output file (one FILE only; '-' for standard output);\n"
    "                   default: FILE with its extension replaced by .html\n"
    "  --parallel       one page of two language versions of one document side by\n"
    "                   side, one table row per unit aligned by id, each cell with its\n"
    "                   language; default OUT: A.parallel.html\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 success, 1 invalid input, 2 usage or I/O error\n";

const char cmd_pdf_usage[] =
    "usage: circgen pdf [--templates DIR] [--emblem IMAGE] [--no-form] [--attach-source]\n"
    "                   [--pdfa] [--fo] [-o OUT] FILE...\n"
    "       circgen pdf --parallel A.xml B.xml [-o OUT]\n"
    "\n"
    "Make the PDF of each source document: its type's fo.xsl turns it into XSL-FO,\n"
    "which circgen's layout engine typesets with the pinned fonts. The document is\n"
    "validated first; an invalid one makes no output. The PDF is written atomically,\n"
    "and the same input always gives the same bytes (the creation date is the\n"
    "document's own, or $SOURCE_DATE_EPOCH).\n"
    "\n"
    "options:\n"
    "  -o OUT           the output file (one FILE only); default: FILE with its\n"
    "                   extension replaced by .pdf (.fo with --fo)\n"
    "  --emblem IMAGE   the letterhead image (PNG or SVG) instead of the placeholder\n"
    "  --no-form        a print edition: the reply form's boxes without form fields\n"
    "                   (by default they are PDF form fields to fill in)\n"
    "  --attach-source  embed the source XML in the PDF (an attached file with\n"
    "                   /AFRelationship /Source; pdfdetach -save gives it back)\n"
    "  --pdfa           meet the PDF/A-3b requirements on what circgen writes: XMP\n"
    "                   metadata, an sRGB output intent (icc-profiles-free), print flags,\n"
    "                   the file identifier (no validator was run: see README)\n"
    "  --parallel       the parallel edition of two language versions of one document:\n"
    "                   side by side, one row per unit aligned by id, each column in its\n"
    "                   own language (no form fields); default OUT: A.parallel.pdf\n"
    "  --fo             write the XSL-FO instead of the PDF (to inspect it, or to\n"
    "                   render it with another FO processor)\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 success, 1 invalid input, 2 usage or I/O error\n";

/* "dir/en.xml" -> "dir/en.EXT" */
char *cg_output_name(const char *input, const char *ext)
{
    const char *slash = strrchr(input, '/');
    const char *dot = strrchr(input, '.');
    size_t stem = (dot && (!slash || dot > slash)) ? (size_t)(dot - input) : strlen(input);
    return g_strdup_printf("%.*s.%s", (int)stem, input, ext);
}

typedef enum { OUT_HTML, OUT_PDF, OUT_FO } out_kind;

static int render_one(out_kind kind, const char *file, const char *out, cg_render_options *ro,
                      cg_diags *d)
{
    int status;
    xmlDocPtr doc = cg_source_load(file, &status, d);
    if (!doc)
        return status;
    switch (kind) {
    case OUT_HTML: status = cg_render_html(doc, out, d); break;
    case OUT_PDF: status = cg_render_pdf(doc, out, ro, d); break;
    case OUT_FO: status = cg_render_fo_text(doc, out, ro, d); break;
    }
    cg_xml_free(doc);
    return status;
}

/* circgen pdf --parallel A.xml B.xml [-o OUT] */
static int run_parallel(out_kind kind, GPtrArray *files, const char *out, cg_render_options *ro, const char *usage)
{
    if (files->len != 2 || kind == OUT_FO) {
        fprintf(stderr, "circgen %s: --parallel takes two input files (and no --fo)\n%s",
                kind == OUT_HTML ? "html" : "pdf", usage);
        return CG_EXIT_ERROR;
    }
    cg_diags *d = cg_diags_new();
    int status;
    xmlDocPtr a = cg_source_load(files->pdata[0], &status, d), b = NULL;
    if (a)
        b = cg_source_load(files->pdata[1], &status, d);
    if (a && b) {
        char *target = out ? g_strdup(out) : cg_output_name(files->pdata[0],
                                                            kind == OUT_HTML ? "parallel.html" : "parallel.pdf");
        status = kind == OUT_HTML ? cg_render_parallel_html(a, b, target, d)
                                  : cg_render_parallel_pdf(a, b, target, ro, d);
        g_free(target);
    }
    cg_diags_print(d, stderr);
    cg_diags_free(d);
    if (a)
        cg_xml_free(a);
    if (b)
        cg_xml_free(b);
    return status;
}

static int run(out_kind kind, const char *usage, int argc, char **argv)
{
    const char *out = NULL, *cmd = argv[0];
    cg_render_options ro = { 0 };
    GPtrArray *files = g_ptr_array_new();
    int status = CG_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            g_ptr_array_free(files, TRUE);
            return CG_EXIT_OK;
        } else if (!strcmp(a, "-o") && i + 1 < argc) {
            out = argv[++i];
        } else if (!strcmp(a, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (kind != OUT_HTML && !strcmp(a, "--emblem") && i + 1 < argc) {
            ro.emblem = argv[++i];
        } else if (kind != OUT_HTML && !strcmp(a, "--no-form")) {
            ro.no_form = TRUE;
        } else if (kind != OUT_HTML && !strcmp(a, "--attach-source")) {
            ro.attach_source = TRUE;
        } else if (kind != OUT_FO && !strcmp(a, "--parallel")) {
            ro.parallel = TRUE;
        } else if (kind != OUT_HTML && !strcmp(a, "--pdfa")) {
            ro.pdfa = TRUE;
        } else if (kind != OUT_HTML && !strcmp(a, "--fo")) {
            kind = OUT_FO;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen %s: unknown option '%s'\n%s", cmd, a, usage);
            g_ptr_array_free(files, TRUE);
            return CG_EXIT_ERROR;
        } else {
            g_ptr_array_add(files, argv[i]);
        }
    }
    if (files->len == 0 || (out && files->len > 1 && !ro.parallel)) {
        fprintf(stderr, "circgen %s: %s\n%s", cmd,
                files->len ? "-o takes one input file" : "no input files", usage);
        g_ptr_array_free(files, TRUE);
        return CG_EXIT_ERROR;
    }
    if (ro.parallel) {
        status = run_parallel(kind, files, out, &ro, usage);
        g_ptr_array_free(files, TRUE);
        return status;
    }
    static const char *const ext[] = { "html", "pdf", "fo" };
    for (guint i = 0; i < files->len; i++) {
        const char *file = files->pdata[i];
        char *target = out ? g_strdup(out) : cg_output_name(file, ext[kind]);
        cg_diags *d = cg_diags_new();
        int s = render_one(kind, file, target, &ro, d);
        cg_diags_print(d, stderr);
        cg_diags_free(d);
        g_free(target);
        if (s > status)
            status = s;
    }
    g_ptr_array_free(files, TRUE);
    return status;
}

int cmd_html(int argc, char **argv)
{
    return run(OUT_HTML, cmd_html_usage, argc, argv);
}

int cmd_pdf(int argc, char **argv)
{
    return run(OUT_PDF, cmd_pdf_usage, argc, argv);
}
