/* doctype.c — see doctype.h. */
#include "validate.h"
#include "doctype.h"
#include "base/base.h"
#include "xslt.h"

#include <string.h>
#include <unistd.h>
#include <libxml/xpathInternals.h>
#include <libxslt/transform.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>


/* The errors of one validation; the elements they were reported at. */
typedef struct {
    cg_diags *d;
    GPtrArray *at;
} valid_state;

/* libxml2 follows an error inside an element with "Element X failed to validate
 * content" (or "has extra content") for X and each element around it: a cascade
 * that says nothing more. Such a line is left out when an error was already
 * reported at X or inside it. */
static gboolean is_cascade(const valid_state *vs, xmlNodePtr node, const char *msg)
{
    if (!msg || (!strstr(msg, "failed to validate content") && !strstr(msg, "has extra content")))
        return FALSE;
    for (guint i = 0; i < vs->at->len; i++)
        for (xmlNodePtr n = vs->at->pdata[i]; n; n = n->parent)
            if (n == node)
                return TRUE;
    return FALSE;
}

static void valid_error(void *ctx, xmlErrorPtr err)
{
    valid_state *vs = ctx;
    cg_diags *d = vs->d;
    if (!err || err->level == XML_ERR_NONE)
        return;
    xmlNodePtr node = err->node;
    if (node && node->type == XML_ELEMENT_NODE) {
        if (is_cascade(vs, node, err->message))
            return;
        g_ptr_array_add(vs->at, node);
    }
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
    valid_state vs = { d, g_ptr_array_new() };
    xmlRelaxNGSetValidStructuredErrors(vc, valid_error, &vs);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    g_ptr_array_free(vs.at, TRUE);
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
