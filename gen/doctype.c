/* doctype.c — see doctype.h. */
#include "doctype.h"
#include "xmlload.h"
#include "config.h"
#include "transform.h"

#include <string.h>
#include <unistd.h>
#include <libxml/xpathInternals.h>
#include <libxslt/transform.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

static char *templates_dir;
static GHashTable *doctypes;   /* name -> cg_doctype* */

void cg_set_templates_dir(const char *dir)
{
    g_free(templates_dir);
    templates_dir = g_strdup(dir);
}

const char *cg_templates_dir(void)
{
    if (templates_dir)
        return templates_dir;
    const char *env = g_getenv("CIRCGEN_TEMPLATES");
    if (env && *env) {
        templates_dir = g_strdup(env);
        return templates_dir;
    }
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        char *dir = g_path_get_dirname(exe);
        char *cand = g_build_filename(dir, "templates", NULL);
        g_free(dir);
        g_free(exe);
        if (g_file_test(cand, G_FILE_TEST_IS_DIR)) {
            templates_dir = cand;
            return templates_dir;
        }
        g_free(cand);
    }
    templates_dir = g_build_filename(CIRCGEN_DATADIR, "templates", NULL);
    return templates_dir;
}

/* ---- dates ------------------------------------------------------------ */

static int days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

static gboolean digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!g_ascii_isdigit(s[i]))
            return FALSE;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return TRUE;
}

gboolean cg_valid_iso_date(const char *s)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return FALSE;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return FALSE;
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

gboolean cg_valid_iso_datetime(const char *s)
{
    int h, mi, sec = 0;
    if (!s || strlen(s) < 16 || s[10] != 'T')
        return FALSE;
    char date[11];
    memcpy(date, s, 10);
    date[10] = 0;
    if (!cg_valid_iso_date(date))
        return FALSE;
    if (!digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi))
        return FALSE;
    size_t len = strlen(s);
    if (len == 19) {
        if (s[16] != ':' || !digits(s + 17, 2, &sec))
            return FALSE;
    } else if (len != 16) {
        return FALSE;
    }
    return h <= 23 && mi <= 59 && sec <= 59;
}

/* ---- XSLT extension functions ---------------------------------------- */

/* cg:locate(node-set) -> "line:col" of the first node, "" when unknown. */
static void fn_locate(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlXPathObjectPtr obj = valuePop(ctxt);
    char buf[64] = "";
    if (obj && obj->type == XPATH_NODESET && obj->nodesetval && obj->nodesetval->nodeNr > 0) {
        xmlNodePtr n = obj->nodesetval->nodeTab[0];
        if (n->type == XML_ATTRIBUTE_NODE)
            n = n->parent;
        g_snprintf(buf, sizeof buf, "%d:%d", cg_xml_line(n), cg_xml_column(n));
    }
    xmlXPathFreeObject(obj);
    valuePush(ctxt, xmlXPathNewCString(buf));
}

static void fn_valid_date(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *s = xmlXPathPopString(ctxt);
    valuePush(ctxt, xmlXPathNewBoolean(cg_valid_iso_date((const char *)s)));
    xmlFree(s);
}

static void fn_valid_datetime(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *s = xmlXPathPopString(ctxt);
    valuePush(ctxt, xmlXPathNewBoolean(cg_valid_iso_datetime((const char *)s)));
    xmlFree(s);
}

void cg_xslt_register(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    exsltRegisterAll();
    xsltRegisterExtModuleFunction((const xmlChar *)"locate", (const xmlChar *)CG_XSLT_NS, fn_locate);
    xsltRegisterExtModuleFunction((const xmlChar *)"valid-date", (const xmlChar *)CG_XSLT_NS,
                                  fn_valid_date);
    xsltRegisterExtModuleFunction((const xmlChar *)"valid-datetime", (const xmlChar *)CG_XSLT_NS,
                                  fn_valid_datetime);
}

xsltStylesheetPtr cg_xslt_load(const char *path, cg_diags *d)
{
    cg_transform_init();
    xmlDocPtr doc = cg_xml_read_file(path, d);
    if (!doc)
        return NULL;
    /* The stylesheet owns the document from here; drop our position table. */
    g_hash_table_destroy(doc->_private);
    doc->_private = NULL;
    cg_xslt_messages_begin(d, path);
    xsltStylesheetPtr ss = xsltParseStylesheetDoc(doc);
    cg_xslt_messages_end();
    if (!ss) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot compile stylesheet");
        xmlFreeDoc(doc);
        return NULL;
    }
    if (ss->errors) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "stylesheet has %d error(s)", ss->errors);
        xsltFreeStylesheet(ss);
        return NULL;
    }
    return ss;
}

/* ---- document types --------------------------------------------------- */

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
    g_free(t->name);
    g_free(t->dir);
    g_free(t);
}

void cg_doctype_cleanup(void)
{
    if (doctypes)
        g_hash_table_destroy(doctypes);
    doctypes = NULL;
    g_free(templates_dir);
    templates_dir = NULL;
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
        cg_xml_diag(d, CG_ERROR, root, "unknown document type '%s' (no %s)", name, rng);
        g_free(dir);
        g_free(rng);
        return NULL;
    }
    t = g_new0(cg_doctype, 1);
    t->name = g_strdup(name);
    t->dir = dir;
    t->sheets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)xsltFreeStylesheet);

    schema_diags = d;
    schema_file = rng;
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng);
    xmlRelaxNGSetParserStructuredErrors(pc, schema_error, NULL);
    t->schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    schema_diags = NULL;
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

static void valid_error(void *ctx, xmlErrorPtr err)
{
    cg_diags *d = ctx;
    if (!err || err->level == XML_ERR_NONE)
        return;
    xmlNodePtr node = err->node;
    cg_severity sev = err->level == XML_ERR_WARNING ? CG_WARNING : CG_ERROR;
    if (node && node->type == XML_ELEMENT_NODE)
        cg_xml_diag(d, sev, node, "%s", err->message);
    else
        cg_diag_add(d, sev, err->file, err->line, 0, "%s", err->message);
}

static const xmlChar *node_id(xmlNodePtr n)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (xmlStrEqual(a->name, (const xmlChar *)"id") &&
            (!a->ns || xmlStrEqual(a->ns->href, XML_XML_NAMESPACE)) && a->children)
            return a->children->content;
    return NULL;
}

static void collect_ids(xmlNodePtr n, GHashTable *ids, cg_diags *d)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const xmlChar *id = node_id(n);
        if (id) {
            xmlNodePtr first = g_hash_table_lookup(ids, id);
            if (first) {
                cg_xml_diag(d, CG_ERROR, n, "duplicate id '%s' on <%s> (first used on <%s> at line %d)",
                            id, n->name, first->name, cg_xml_line(first));
            } else {
                g_hash_table_insert(ids, (gpointer)id, n);
            }
        }
        collect_ids(n->children, ids, d);
    }
}

static void check_refs(xmlNodePtr n, GHashTable *ids, cg_diags *d)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            if (a->ns || !a->children || !xmlStrEqual(a->name, (const xmlChar *)"ref"))
                continue;
            const xmlChar *v = a->children->content;
            if (!g_hash_table_lookup(ids, v))
                cg_xml_diag(d, CG_ERROR, n, "<%s ref=\"%s\">: no element has id '%s'", n->name, v, v);
        }
        check_refs(n->children, ids, d);
    }
}

static int run_checks(cg_doctype *t, xmlDocPtr doc, cg_diags *d)
{
    int before = d->errors;
    cg_xslt_messages_begin(d, (const char *)doc->URL);
    xsltTransformContextPtr tc = xsltNewTransformContext(t->checks, doc);
    xmlDocPtr res = xsltApplyStylesheetUser(t->checks, doc, NULL, NULL, NULL, tc);
    xsltFreeTransformContext(tc);
    cg_xslt_messages_end();
    if (!res) {
        cg_diag_add(d, CG_ERROR, (const char *)doc->URL, 0, 0, "the checks of type '%s' failed to run",
                    t->name);
        return d->errors - before;
    }
    xmlNodePtr root = xmlDocGetRootElement(res);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        cg_severity sev = xmlStrEqual(n->name, (const xmlChar *)"warning") ? CG_WARNING : CG_ERROR;
        xmlChar *at = xmlGetProp(n, (const xmlChar *)"at");
        xmlChar *msg = xmlNodeGetContent(n);
        int line = 0, col = 0;
        if (at)
            sscanf((const char *)at, "%d:%d", &line, &col);
        cg_diag_add(d, sev, (const char *)doc->URL, line, col, "%s", msg ? (const char *)msg : "");
        xmlFree(at);
        xmlFree(msg);
    }
    xmlFreeDoc(res);
    return d->errors - before;
}

int cg_validate(xmlDocPtr doc, cg_diags *d)
{
    int before = d->errors;
    cg_doctype *t = cg_doctype_lookup(doc, d);
    if (!t)
        return d->errors - before;

    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(t->schema);
    xmlRelaxNGSetValidStructuredErrors(vc, valid_error, d);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    if (rc != 0) {
        if (d->errors == before)
            cg_diag_add(d, CG_ERROR, (const char *)doc->URL, 0, 0,
                        "document does not match the schema of '%s'", t->name);
        return d->errors - before;
    }

    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    collect_ids(xmlDocGetRootElement(doc), ids, d);
    check_refs(xmlDocGetRootElement(doc), ids, d);
    g_hash_table_destroy(ids);

    if (t->checks)
        run_checks(t, doc, d);
    return d->errors - before;
}
