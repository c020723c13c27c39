/* doctype.c — see doctype.h. */
#include "doctype.h"
#include "rng.h"
#include "base/base.h"
#include "xslt.h"

#include <string.h>
#include <unistd.h>
#include <libxml/xpathInternals.h>
#include <libxslt/transform.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>
static GHashTable *doctypes;   /* name -> cg_doctype* */


static void doctype_free(gpointer p)
{
    cg_doctype *t = p;
    if (!t)
        return;
    if (t->schema)
        xmlRelaxNGFree(t->schema);
    if (t->checks)
        xsltFreeStylesheet(t->checks);
    if (t->sheets)
        g_hash_table_destroy(t->sheets);
    cg_rng_free(t->rng);
    g_free(t->name);
    g_free(t->dir);
    g_free(t);
}

void cg_doctype_cleanup(void)
{
    if (doctypes)
        g_hash_table_destroy(doctypes);
    doctypes = NULL;
    cg_set_templates_dir(NULL);   /* forget the templates directory too */
}

static cg_diags *schema_diags;
static const char *schema_file;

static void schema_error(void *ctx G_GNUC_UNUSED, xmlErrorPtr err)
{
    if (!schema_diags || !err || err->level == XML_ERR_NONE)
        return;
    cg_diag_add(schema_diags, err->level == XML_ERR_WARNING ? CG_WARNING : CG_ERROR,
                err->file ? err->file : schema_file, err->line, 0, "%s", err->message);
}

static gboolean type_name_ok(const char *s)
{
    if (!*s)
        return FALSE;
    for (; *s; s++)
        if (!(g_ascii_islower(*s) || g_ascii_isdigit(*s) || *s == '-'))
            return FALSE;
    return TRUE;
}

/* Read the schema with circgen's loader (a GNU-style message when it is not
 * well-formed), then compile it with libxml2, which reads the includes. Of
 * libxml2's complaints only the first is kept: the rest follow from it (a missing
 * include leaves every reference into it undefined). */
static xmlRelaxNGPtr load_schema(const char *rng, cg_diags *d)
{
    xmlDocPtr doc = cg_xml_read_file(rng, d);
    if (!doc)
        return NULL;
    cg_diags *errs = cg_diags_new();
    schema_diags = errs;
    schema_file = rng;
    xmlSetStructuredErrorFunc(NULL, schema_error);   /* the includes' I/O errors too */
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(doc);
    xmlRelaxNGSetParserStructuredErrors(pc, schema_error, NULL);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    schema_diags = NULL;
    gboolean first = TRUE;
    for (guint i = 0; i < errs->items->len; i++) {
        const cg_diag *g = g_ptr_array_index(errs->items, i);
        if (g->severity == CG_ERROR && !first)
            continue;
        cg_diag_add(d, g->severity, g->file, g->line, g->col, "%s", g->message);
        first = first && g->severity != CG_ERROR;
    }
    cg_diags_free(errs);
    cg_xml_free(doc);
    return schema;
}

/* The document type in the templates directory whose name is closest to name. */
static char *similar_type(const char *name)
{
    GDir *dir = g_dir_open(cg_templates_dir(), 0, NULL);
    if (!dir)
        return NULL;
    GPtrArray *types = g_ptr_array_new_with_free_func(g_free);
    for (const char *e; (e = g_dir_read_name(dir));) {
        char *rng = g_build_filename(cg_templates_dir(), e, "schema.rng", NULL);
        if (type_name_ok(e) && g_file_test(rng, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add(types, g_strdup(e));
        g_free(rng);
    }
    g_dir_close(dir);
    const char *best = cg_rng_closest(name, types);
    char *s = g_strdup(best);
    g_ptr_array_free(types, TRUE);
    return s;
}

cg_doctype *cg_doctype_lookup(xmlDocPtr doc, cg_diags *d)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *uri = root && root->ns ? (const char *)root->ns->href : NULL;
    if (!uri || !g_str_has_prefix(uri, CG_NS_PREFIX) || !type_name_ok(uri + strlen(CG_NS_PREFIX))) {
        cg_xml_diag(d, CG_ERROR, root,
                    "root element '%s' is not in a circgen document namespace "
                    "(expected xmlns=\"urn:circgen:TYPE\", such as urn:circgen:tsb-circular)",
                    root ? (const char *)root->name : "");
        return NULL;
    }
    const char *name = uri + strlen(CG_NS_PREFIX);
    if (!doctypes)
        doctypes = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, doctype_free);
    cg_doctype *t = g_hash_table_lookup(doctypes, name);
    if (t)
        return t;

    char *dir = g_build_filename(cg_templates_dir(), name, NULL);
    char *rng = g_build_filename(dir, "schema.rng", NULL);
    if (!g_file_test(rng, G_FILE_TEST_IS_REGULAR)) {
        char *sugg = similar_type(name);
        cg_xml_diag(d, CG_ERROR, root, "unknown document type '%s'%s%s%s (no %s)", name,
                    sugg ? "; did you mean xmlns=\"" CG_NS_PREFIX : "", sugg ? sugg : "",
                    sugg ? "\"?" : "", rng);
        g_free(sugg);
        g_free(dir);
        g_free(rng);
        return NULL;
    }
    t = g_new0(cg_doctype, 1);
    t->name = g_strdup(name);
    t->dir = dir;
    t->sheets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)xsltFreeStylesheet);

    t->schema = load_schema(rng, d);
    if (!t->schema) {
        cg_diag_add(d, CG_ERROR, rng, 0, 0, "cannot load the schema of document type '%s'", name);
        g_free(rng);
        doctype_free(t);
        return NULL;
    }
    g_free(rng);

    char *chk = g_build_filename(dir, "checks.xsl", NULL);
    if (g_file_test(chk, G_FILE_TEST_IS_REGULAR)) {
        t->checks = cg_xslt_load(chk, d);
        if (!t->checks) {
            g_free(chk);
            doctype_free(t);
            return NULL;
        }
    }
    g_free(chk);
    g_hash_table_insert(doctypes, t->name, t);
    return t;
}

xsltStylesheetPtr cg_doctype_stylesheet(cg_doctype *t, const char *name, cg_diags *d)
{
    xsltStylesheetPtr ss = g_hash_table_lookup(t->sheets, name);
    if (ss)
        return ss;
    char *path = g_build_filename(t->dir, name, NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "document type '%s' has no %s", t->name, name);
        g_free(path);
        return NULL;
    }
    ss = cg_xslt_load(path, d);
    g_free(path);
    if (ss)
        g_hash_table_insert(t->sheets, g_strdup(name), ss);
    return ss;
}

/* ---- validation ------------------------------------------------------- */
