/* build_parallel.c — circgen build --parallel A,B: the parallel editions of a build. */
#include "commands.h"
#include "base/base.h"
#include "doc/doc.h"

#include <string.h>
#include <glib/gstdio.h>

/* One document's parallel PDF and HTML page; the worst exit status. */
static int build_one(const char *fa, const char *fb, const char *outdir, const char *doc, const char *la,
                     const char *lb, const cg_render_options *ro0, cg_diags *d)
{
    int status;
    xmlDocPtr a = cg_source_load(fa, &status, d), b = a ? cg_source_load(fb, &status, d) : NULL;
    if (a && b) {
        char *dir = g_build_filename(outdir, doc, NULL);
        g_mkdir_with_parents(dir, 0755);
        char *base = g_strdup_printf("%s/%s+%s", dir, la, lb);
        char *pdf = g_strconcat(base, ".pdf", NULL), *html = g_strconcat(base, ".html", NULL);
        cg_render_options ro = *ro0;
        status = cg_render_parallel_pdf(a, b, pdf, &ro, d);
        int s2 = cg_render_parallel_html(a, b, html, d);
        status = MAX(status, s2);
        g_free(pdf); g_free(html); g_free(base); g_free(dir);
    }
    if (a)
        cg_xml_free(a);
    if (b)
        cg_xml_free(b);
    return status;
}

int cg_build_parallel(GPtrArray *files, const char *outdir, const char *langs, const cg_render_options *ro,
                      cg_diags *d)
{
    char **l = g_strsplit(langs, ",", -1);
    int status = CG_EXIT_OK;
    if (g_strv_length(l) != 2 || !*l[0] || !*l[1] || strchr(l[0], '/') || strchr(l[1], '/')) {
        cg_diag_add(d, CG_ERROR, NULL, 0, 0, "--parallel takes two languages, e.g. en,zh (not '%s')", langs);
        g_strfreev(l);
        return CG_EXIT_ERROR;
    }
    char *want = g_strconcat(l[0], ".xml", NULL);

    for (guint i = 0; i < files->len; i++) {
        const char *fa = files->pdata[i];
        char *name = g_path_get_basename(fa);
        if (!strcmp(name, want)) {
            char *dir = g_path_get_dirname(fa);
            char *fb = g_strdup_printf("%s/%s.xml", dir, l[1]);
            char *doc = g_path_get_basename(dir);
            if (g_file_test(fb, G_FILE_TEST_IS_REGULAR)) {
                int s = build_one(fa, fb, outdir, doc, l[0], l[1], ro, d);
                status = MAX(status, s);
            }
            g_free(fb); g_free(doc); g_free(dir);
        }
        g_free(name);
    }
    g_free(want);
    g_strfreev(l);
    return status;
}
