/* xmlload.c — see xmlload.h.
 *
 * Positions: libxml2 2.9 records only a line per element (the line where the start
 * tag ends). We wrap the SAX2 start-element handler and compute the line and column
 * of the tag's '<' from the parser's input position; attribute values cannot hold a
 * raw '<', so the last '<' before the parser's cursor opens the tag. The positions
 * live in a hash table hung on doc->_private.
 */
#include "xmlload.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

typedef struct { int line, col; } pos;

typedef struct {
    cg_diags *d;
    const char *name;
    GHashTable *pos;          /* xmlNodePtr -> pos* */
    int failed;
    int doctype_line, doctype_col; /* where a DOCTYPE was seen, or 0 */
} load_state;

static xmlExternalEntityLoader default_loader;

static xmlParserInputPtr refusing_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    if (ctxt && ctxt->_private) {
        load_state *st = ctxt->_private;
        if (st && st->d && !st->failed) {
            cg_diag_add(st->d, CG_ERROR, st->name, ctxt->input ? ctxt->input->line : 0,
                        ctxt->input ? ctxt->input->col : 0,
                        "refused to load external resource '%s'", url ? url : (id ? id : "?"));
            st->failed = 1;
        }
        return NULL;
    }
    return default_loader(url, id, ctxt);
}

void cg_xml_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    xmlInitParser();
    default_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(refusing_loader);
}

static void on_error(void *user, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = user;
    load_state *st = ctxt->_private;
    if (!st || err->level == XML_ERR_NONE)
        return;
    if (err->level == XML_ERR_WARNING) {
        cg_diag_add(st->d, CG_WARNING, st->name, err->line, err->int2, "%s", err->message);
        return;
    }
    /* After the first fatal error libxml2 may add consequential ones; keep the first. */
    if (st->failed)
        return;
    st->failed = 1;
    if (err->message && strstr(err->message, "Excessive depth in document")) {
        /* libxml2's wording names an API option the user cannot set. */
        cg_diag_add(st->d, CG_ERROR, st->name, err->line, err->int2,
                    "elements nested more than %u deep: the document is refused", xmlParserMaxDepth);
        return;
    }
    cg_diag_add(st->d, CG_ERROR, st->name, err->line, err->int2, "%s",
                err->message ? err->message : "XML parse error");
}

static void on_entity_decl(void *user, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    xmlParserCtxtPtr ctxt = user;
    load_state *st = ctxt->_private;
    (void)type, (void)public_id, (void)content;
    if (!st->failed) {
        st->failed = 1;
        cg_diag_add(st->d, CG_ERROR, st->name, ctxt->input->line, ctxt->input->col,
                    "entity declaration '%s'%s%s%s is not allowed: circgen reads no DTDs "
                    "and expands no entities", (const char *)name,
                    system_id ? " (external, '" : "", system_id ? (const char *)system_id : "",
                    system_id ? "')" : "");
    }
    xmlStopParser(ctxt);
}

static void on_internal_subset(void *user, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = user;
    load_state *st = ctxt->_private;
    st->doctype_line = ctxt->input->line;
    st->doctype_col = ctxt->input->col;
    xmlSAX2InternalSubset(ctxt, name, external_id, system_id);
}

static int count_chars(const xmlChar *from, const xmlChar *to)
{
    int n = 0;
    for (const xmlChar *p = from; p < to; p++)
        if ((*p & 0xC0) != 0x80)
            n++;
    return n;
}

static void on_start_element(void *user, const xmlChar *localname, const xmlChar *prefix,
                             const xmlChar *uri, int nb_ns, const xmlChar **ns,
                             int nb_attr, int nb_def, const xmlChar **attrs)
{
    xmlParserCtxtPtr ctxt = user;
    load_state *st = ctxt->_private;
    xmlSAX2StartElementNs(ctxt, localname, prefix, uri, nb_ns, ns, nb_attr, nb_def, attrs);
    if (!ctxt->node || !ctxt->input)
        return;
    const xmlChar *base = ctxt->input->base, *cur = ctxt->input->cur, *lt = cur;
    while (lt > base && *lt != '<')
        lt--;
    pos *p = g_new(pos, 1);
    p->line = ctxt->input->line;
    p->col = 0;
    if (*lt == '<') {
        int newlines = 0;
        for (const xmlChar *q = lt; q < cur; q++)
            newlines += *q == '\n';
        p->line -= newlines;
        if (newlines == 0) {
            p->col = ctxt->input->col - count_chars(lt, cur);
        } else {
            const xmlChar *bol = lt;
            while (bol > base && bol[-1] != '\n')
                bol--;
            if (bol > base || ctxt->input->line - newlines == 1)
                p->col = count_chars(bol, lt) + 1;
        }
        if (p->col < 1)
            p->col = 0;
    }
    g_hash_table_insert(st->pos, ctxt->node, p);
}

static xmlDocPtr parse(const char *buf, size_t len, const char *name, xmlDictPtr dict, cg_diags *d)
{
    cg_xml_init();
    if (len > CG_XML_MAX_BYTES) {
        cg_diag_add(d, CG_ERROR, name, 0, 0, "file is too large (%zu bytes; the limit is %u)",
                    len, CG_XML_MAX_BYTES);
        return NULL;
    }
    if (len > INT_MAX) /* xmlCtxtReadMemory takes an int */
        return NULL;
    if (len == 0) {
        cg_diag_add(d, CG_ERROR, name, 0, 0, "the file is empty: not an XML document");
        return NULL;
    }
    load_state st = { d, name, g_hash_table_new_full(NULL, NULL, NULL, g_free), 0, 0, 0 };
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
    if (!ctxt) {
        g_hash_table_destroy(st.pos);
        cg_diag_add(d, CG_ERROR, name, 0, 0, "out of memory");
        return NULL;
    }
    /* Not set: XML_PARSE_NOENT (substitution), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
     * XML_PARSE_XINCLUDE, XML_PARSE_HUGE (keeps libxml2's depth and size limits). */
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    if (dict) {
        /* libxslt wants the documents it loads to share the stylesheet's dictionary. */
        if (ctxt->dict)
            xmlDictFree(ctxt->dict);
        ctxt->dict = dict;
        xmlDictReference(dict);
        /* The context interned these in its own dictionary, now gone. */
        ctxt->str_xml = xmlDictLookup(dict, BAD_CAST "xml", 3);
        ctxt->str_xmlns = xmlDictLookup(dict, BAD_CAST "xmlns", 5);
        ctxt->str_xml_ns = xmlDictLookup(dict, XML_XML_NAMESPACE, 36);
    }
    ctxt->_private = &st;
    ctxt->sax->serror = on_error;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    ctxt->sax->entityDecl = on_entity_decl;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->startElementNs = on_start_element;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
    if (ctxt->input && !ctxt->input->filename)
        ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)name);
    xmlParseDocument(ctxt);
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (doc && !doc->URL)
        doc->URL = xmlStrdup((const xmlChar *)name);
    int ok = doc && ctxt->wellFormed && !st.failed;
    if (!ok && !st.failed)
        cg_diag_add(d, CG_ERROR, name, 0, 0, "not a well-formed XML document");
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
    if (!ok) {
        if (doc)
            xmlFreeDoc(doc);
        g_hash_table_destroy(st.pos);
        return NULL;
    }
    /* Entity references left unexpanded would silently drop text: refuse them. */
    if (doc->intSubset || doc->extSubset) {
        cg_diag_add(d, CG_ERROR, name, st.doctype_line, st.doctype_col,
                    "a DOCTYPE declaration is not allowed: circgen reads no DTDs");
        xmlFreeDoc(doc);
        g_hash_table_destroy(st.pos);
        return NULL;
    }
    doc->_private = st.pos;
    return doc;
}

xmlDocPtr cg_xml_read_memory(const char *buf, size_t len, const char *name, cg_diags *d)
{
    return parse(buf, len, name, NULL, d);
}

static xmlDocPtr read_file(const char *path, xmlDictPtr dict, cg_diags *d)
{
    char *buf = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(path, &buf, &len, &err)) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot read: %s", err->message);
        g_error_free(err);
        return NULL;
    }
    xmlDocPtr doc = parse(buf, len, path, dict, d);
    g_free(buf);
    return doc;
}

xmlDocPtr cg_xml_read_file(const char *path, cg_diags *d)
{
    return read_file(path, NULL, d);
}

xmlDocPtr cg_xml_read_file_dict(const char *path, xmlDictPtr dict, cg_diags *d)
{
    xmlDocPtr doc = read_file(path, dict, d);
    if (doc) {
        /* Documents handed to libxslt are freed by it with xmlFreeDoc(). */
        g_hash_table_destroy(doc->_private);
        doc->_private = NULL;
    }
    return doc;
}

void cg_xml_free(xmlDocPtr doc)
{
    if (!doc)
        return;
    if (doc->_private)
        g_hash_table_destroy(doc->_private);
    doc->_private = NULL;
    xmlFreeDoc(doc);
}

static pos *lookup(xmlNodePtr node)
{
    if (!node || !node->doc || !node->doc->_private)
        return NULL;
    return g_hash_table_lookup(node->doc->_private, node);
}

int cg_xml_line(xmlNodePtr node)
{
    pos *p = lookup(node);
    if (p)
        return p->line;
    return node ? (int)xmlGetLineNo(node) : 0;
}

int cg_xml_column(xmlNodePtr node)
{
    pos *p = lookup(node);
    return p ? p->col : 0;
}

void cg_xml_diag(cg_diags *d, cg_severity sev, xmlNodePtr node, const char *fmt, ...)
{
    va_list ap;
    const char *file = node && node->doc && node->doc->URL ? (const char *)node->doc->URL : NULL;
    int line = 0, col = 0;
    if (node && node->type == XML_ATTRIBUTE_NODE)
        node = node->parent;
    if (node) {
        line = cg_xml_line(node);
        col = cg_xml_column(node);
    }
    va_start(ap, fmt);
    cg_diag_addv(d, sev, file, line, col, fmt, ap);
    va_end(ap);
}
