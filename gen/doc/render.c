/* render.c — see render.h. */
#include "render.h"
#include "validate.h"
#include "doctype.h"
#include "fo/fo.h"
#include "base/base.h"
#include "transform.h"

#include <string.h>

xmlDocPtr cg_source_load(const char *file, int *status, cg_diags *d)
{
    xmlDocPtr doc = cg_xml_read_file(file, d);
    if (!doc) {
        *status = g_file_test(file, G_FILE_TEST_IS_REGULAR) ? CG_EXIT_INVALID : CG_EXIT_ERROR;
        return NULL;
    }
    if (cg_validate(doc, d) > 0) {
        cg_xml_free(doc);
        *status = CG_EXIT_INVALID;
        return NULL;
    }
    *status = CG_EXIT_OK;
    return doc;
}

/* Serialize a stylesheet's result as its xsl:output says and write it atomically. */
static int write_result(xmlDocPtr res, xmlDocPtr doc, const char *sheet, const char *out,
                        cg_diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    int status = CG_EXIT_OK;
    if (cg_transform_serialize(res, doc, sheet, &buf, &len, d) != 0 ||
        cg_write_file(out, buf, len, d) != 0)
        status = CG_EXIT_ERROR;
    g_free(buf);
    return status;
}

int cg_render_html(xmlDocPtr doc, const char *out, cg_diags *d)
{
    cg_doctype *t = cg_doctype_lookup(doc, d);
    if (!t)
        return CG_EXIT_INVALID;
    char *css_path = g_build_filename(t->dir, "html.css", NULL);
    char *css = NULL;
    if (g_file_test(css_path, G_FILE_TEST_EXISTS) && !g_file_get_contents(css_path, &css, NULL, NULL))
        cg_diag_add(d, CG_WARNING, css_path, 0, 0, "cannot read the stylesheet; the page has no CSS");
    g_free(css_path);
    const char *params[] = { "css", css ? css : "", NULL };
    xmlDocPtr res = cg_transform(doc, "html.xsl", params, d);
    g_free(css);
    if (!res)
        return CG_EXIT_INVALID;
    int status = write_result(res, doc, "html.xsl", out, d);
    xmlFreeDoc(res);
    return status;
}

/* The folder of a source document (figures' images are there), canonical. */
static char *source_dir(xmlDocPtr doc)
{
    const char *url = doc && doc->URL ? (const char *)doc->URL : NULL;
    char *dir = url ? g_path_get_dirname(url) : g_strdup(".");
    char *canon = g_canonicalize_filename(dir, NULL);
    g_free(dir);
    return canon;
}

/* The FO of a source: the type's fo.xsl with its folder (for images), the source's
 * folder (for figures) and the emblem. */
static xmlDocPtr make_fo(xmlDocPtr doc, cg_render_options *opts, cg_doctype **type, cg_diags *d)
{
    cg_doctype *t = cg_doctype_lookup(doc, d);
    if (!t)
        return NULL;
    *type = t;
    char *typedir = g_canonicalize_filename(t->dir, NULL);
    char *emblem = NULL;
    if (opts && opts->emblem) {
        if (!g_file_test(opts->emblem, G_FILE_TEST_IS_REGULAR)) {
            cg_diag_add(d, CG_ERROR, opts->emblem, 0, 0, "cannot read the emblem image");
            g_free(typedir);
            return NULL;
        }
        emblem = g_canonicalize_filename(opts->emblem, NULL);
    }
    char *srcdir = source_dir(doc);
    const char *params[] = { "typedir", typedir, "srcdir", srcdir, emblem ? "emblem" : NULL, emblem, NULL };
    xmlDocPtr fo = cg_transform(doc, "fo.xsl", params, d);
    g_free(typedir);
    g_free(srcdir);
    g_free(emblem);
    return fo;
}

int cg_render_pdf(xmlDocPtr doc, const char *out, cg_render_options *opts, cg_diags *d)
{
    cg_doctype *t = NULL;
    xmlDocPtr fo = make_fo(doc, opts, &t, d);
    if (!fo)
        return CG_EXIT_INVALID;
    cg_fo_options fopts = { 0 };
    fopts.output = out;
    fopts.base_dir = t->dir;
    /* Images come from the template folder, the source's folder (figures) and the
     * emblem given on the command line. */
    char *src_dir = source_dir(doc);
    char *emblem_dir = opts && opts->emblem ? g_path_get_dirname(opts->emblem) : NULL;
    const char *read_dirs[] = { t->dir, src_dir, emblem_dir, NULL };
    fopts.read_dirs = read_dirs;
    int rc = cg_fo_render(fo, &fopts, d);
    g_free(src_dir);
    g_free(emblem_dir);
    if (opts)
        opts->pages = fopts.page_count;
    xmlFreeDoc(fo);
    return rc == 0 ? CG_EXIT_OK : CG_EXIT_ERROR;
}

int cg_render_fo_text(xmlDocPtr doc, const char *out, cg_render_options *opts, cg_diags *d)
{
    cg_doctype *t = NULL;
    xmlDocPtr fo = make_fo(doc, opts, &t, d);
    if (!fo)
        return CG_EXIT_INVALID;
    int status = write_result(fo, doc, "fo.xsl", out, d);
    xmlFreeDoc(fo);
    return status;
}
