/* cmd_build.c — `circgen build DIR|FILE... [-o OUTDIR]`: every output (PDF and HTML)
 * of every source document found, going on past a failing one. */
#include "commands.h"
#include "diag.h"
#include "doctype.h"
#include "render.h"
#include "xmlload.h"

#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

const char cmd_build_usage[] =
    "usage: circgen build [-o OUTDIR] [--emblem IMAGE] [--templates DIR] DIR|FILE...\n"
    "\n"
    "Make the PDF and the HTML page of every source document: the FILEs named, and\n"
    "every *.xml file under each DIR whose root element is in a circgen document\n"
    "namespace. The outputs of DOC/LANG.xml go to OUTDIR/DOC/LANG.pdf and .html.\n"
    "A failing document is reported and the build goes on; the summary counts\n"
    "documents, pages and failures. On a terminal a progress line shows the work.\n"
    "\n"
    "options:\n"
    "  -o OUTDIR        where outputs go (default: out)\n"
    "  --emblem IMAGE   the letterhead image (PNG or SVG) instead of the placeholder\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  -q, --quiet      no summary\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 every document built, 1 a document is invalid, 2 usage or I/O error\n";

/* Is this file a circgen source document? Only the root element is looked at. */
static gboolean is_source(const char *path)
{
    char buf[4096];
    FILE *f = fopen(path, "rb");
    if (!f)
        return FALSE;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* The document namespace is declared on the root; string catalogs are not sources. */
    return strstr(buf, "\"" CG_NS_PREFIX) && !strstr(buf, "\"" CG_NS_PREFIX "strings\"");
}

static void collect(const char *path, GPtrArray *out, cg_diags *d)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        GDir *dir = g_dir_open(path, 0, NULL);
        if (!dir) {
            cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot read the folder");
            return;
        }
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        const char *name;
        while ((name = g_dir_read_name(dir)))
            if (name[0] != '.')
                g_ptr_array_add(names, g_build_filename(path, name, NULL));
        g_dir_close(dir);
        /* Sorted, so that builds and their reports are in a stable order. */
        g_ptr_array_sort(names, (GCompareFunc)(void *)g_strcmp0);
        for (guint i = 0; i < names->len; i++) {
            const char *p = names->pdata[i];
            if (g_file_test(p, G_FILE_TEST_IS_DIR) || (g_str_has_suffix(p, ".xml") && is_source(p)))
                collect(p, out, d);
        }
        g_ptr_array_free(names, TRUE);
    } else if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_ptr_array_add(out, g_strdup(path));
    } else {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "no such file or folder");
    }
}

static int cmp_path(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int cmd_build(int argc, char **argv)
{
    const char *outdir = "out";
    int quiet = 0;
    cg_render_options ro = { 0 };
    GPtrArray *args = g_ptr_array_new();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_build_usage, stdout);
            g_ptr_array_free(args, TRUE);
            return CG_EXIT_OK;
        } else if (!strcmp(a, "-o") && i + 1 < argc) {
            outdir = argv[++i];
        } else if (!strcmp(a, "--emblem") && i + 1 < argc) {
            ro.emblem = argv[++i];
        } else if (!strcmp(a, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen build: unknown option '%s'\n%s", a, cmd_build_usage);
            g_ptr_array_free(args, TRUE);
            return CG_EXIT_ERROR;
        } else {
            g_ptr_array_add(args, argv[i]);
        }
    }
    if (args->len == 0) {
        fprintf(stderr, "circgen build: no input\n%s", cmd_build_usage);
        g_ptr_array_free(args, TRUE);
        return CG_EXIT_ERROR;
    }
    int status = CG_EXIT_OK;
    cg_diags *d = cg_diags_new();
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < args->len; i++)
        collect(args->pdata[i], files, d);
    g_ptr_array_sort(files, cmp_path);
    if (d->errors)
        status = CG_EXIT_ERROR;
    cg_diags_print(d, stderr);

    gboolean tty = isatty(fileno(stderr));
    gint64 start = g_get_monotonic_time();
    int pages = 0, failed = 0, outputs = 0;
    for (guint i = 0; i < files->len; i++) {
        const char *file = files->pdata[i];
        if (tty)
            fprintf(stderr, "\r\033[K[%u/%u] %s", i + 1, files->len, file);
        char *parent = g_path_get_dirname(file);
        char *docname = g_path_get_basename(parent);
        char *base = g_path_get_basename(file);
        char *stem = g_strndup(base, strcspn(base, "."));
        char *dir = g_build_filename(outdir, docname, NULL);
        char *pdf = g_strdup_printf("%s/%s.pdf", dir, stem);
        char *html = g_strdup_printf("%s/%s.html", dir, stem);
        int s;
        xmlDocPtr doc = cg_source_load(file, &s, d);
        if (doc) {
            if (g_mkdir_with_parents(dir, 0777) != 0) {
                cg_diag_add(d, CG_ERROR, dir, 0, 0, "cannot create the folder: %s", g_strerror(errno));
                s = CG_EXIT_ERROR;
            } else {
                ro.pages = 0;
                s = cg_render_pdf(doc, pdf, &ro, d);
                if (s == CG_EXIT_OK) {
                    pages += ro.pages;
                    outputs++;
                    s = cg_render_html(doc, html, d);
                    if (s == CG_EXIT_OK)
                        outputs++;
                }
            }
            cg_xml_free(doc);
        }
        if (s != CG_EXIT_OK)
            failed++;
        if (s > status)
            status = s;
        if (tty && d->printed < d->items->len)
            fprintf(stderr, "\r\033[K");
        cg_diags_print(d, stderr);
        g_free(parent); g_free(docname); g_free(base); g_free(stem);
        g_free(dir); g_free(pdf); g_free(html);
    }
    if (tty)
        fprintf(stderr, "\r\033[K");
    if (!quiet)
        printf("circgen build: %u documents, %d pages, %d outputs, %d failed, %.2f s\n",
               files->len, pages, outputs, failed, (g_get_monotonic_time() - start) / 1e6);
    cg_diags_free(d);
    g_ptr_array_free(files, TRUE);
    g_ptr_array_free(args, TRUE);
    return status;
}
