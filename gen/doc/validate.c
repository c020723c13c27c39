/* validate.c — see validate.h. */
#include "validate.h"
#include "doctype.h"
#include "explain.h"
#include "base/base.h"
#include "xslt.h"

#include <string.h>
#include <unistd.h>
#include <libxml/xpathInternals.h>
#include <libxslt/transform.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>


static void valid_error(void *ctx, xmlErrorPtr err)
{
    cg_diags *d = ctx;
    if (!d || !err || err->level == XML_ERR_NONE)
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

/* The schema as a tree, read once per type; NULL when it cannot be read (the
 * reason is kept for the fallback message). */
static cg_rng *type_rng(cg_doctype *t)
{
    if (!t->rng_tried) {
        t->rng_tried = TRUE;
        char *path = g_build_filename(t->dir, "schema.rng", NULL);
        char *why = NULL;
        t->rng = cg_rng_load(path, &why);
        g_free(why);
        g_free(path);
    }
    return t->rng;
}

/* libxml2 found doc invalid: say why in circgen's words, or, when the explainer
 * finds nothing, with libxml2's first message (not its follow-up lines). */
static void explain_invalid(cg_doctype *t, xmlDocPtr doc, cg_diags *lx, cg_diags *d)
{
    if (cg_explain(type_rng(t), doc, d) > 0)
        return;
    const cg_diag *pick = NULL;
    for (guint i = 0; i < lx->items->len; i++) {
        const cg_diag *g = g_ptr_array_index(lx->items, i);
        if (g->severity != CG_ERROR)
            continue;
        gboolean vague = strstr(g->message, "failed to validate") || strstr(g->message, "extra content");
        if (!pick || (!vague && (strstr(pick->message, "failed to validate") ||
                                 strstr(pick->message, "extra content"))))
            pick = g;
    }
    if (pick) {
        cg_diag_add(d, CG_ERROR, pick->file, pick->line, pick->col, "%s", pick->message);
        return;
    }
    cg_diag_add(d, CG_ERROR, (const char *)doc->URL, 0, 0,
                "document does not match the schema of '%s'", t->name);
}

int cg_validate(xmlDocPtr doc, cg_diags *d)
{
    int before = d->errors;
    cg_doctype *t = cg_doctype_lookup(doc, d);
    if (!t)
        return d->errors - before;

    cg_diags *lx = cg_diags_new();
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(t->schema);
    xmlRelaxNGSetValidStructuredErrors(vc, valid_error, lx);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    if (rc != 0) {
        explain_invalid(t, doc, lx, d);
        cg_diags_free(lx);
        return d->errors - before;
    }
    for (guint i = 0; i < lx->items->len; i++) {   /* warnings of a valid document */
        const cg_diag *g = g_ptr_array_index(lx->items, i);
        cg_diag_add(d, g->severity, g->file, g->line, g->col, "%s", g->message);
    }
    cg_diags_free(lx);

    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    collect_ids(xmlDocGetRootElement(doc), ids, d);
    check_refs(xmlDocGetRootElement(doc), ids, d);
    g_hash_table_destroy(ids);

    if (t->checks)
        run_checks(t, doc, d);
    return d->errors - before;
}

int cg_validate_explain(xmlDocPtr doc, gboolean *valid, cg_diags *d)
{
    cg_doctype *t = cg_doctype_lookup(doc, d);
    if (!t)
        return -1;
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(t->schema);
    xmlRelaxNGSetValidStructuredErrors(vc, valid_error, NULL);
    *valid = xmlRelaxNGValidateDoc(vc, doc) == 0;
    xmlRelaxNGFreeValidCtxt(vc);
    return cg_explain(type_rng(t), doc, d);
}
