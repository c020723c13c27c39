/* fo_tree.c — see fo_tree.h. */
#include "fo_tree.h"
#include "base/base.h"

#include <string.h>

/* Nesting deeper than this is flattened to text, with a warning: a limit that
 * keeps recursion in later stages bounded. */
#define MAX_DEPTH 200

static const char *const kind_names[FO_KIND_COUNT] = {
    [FO_TEXT] = "#text", [FO_UNKNOWN] = "?", [FO_ROOT] = "root",
    [FO_DECLARATIONS] = "declarations", [FO_LAYOUT_MASTER_SET] = "layout-master-set",
    [FO_SIMPLE_PAGE_MASTER] = "simple-page-master",
    [FO_PAGE_SEQUENCE_MASTER] = "page-sequence-master",
    [FO_SINGLE_PMR] = "single-page-master-reference",
    [FO_REPEATABLE_PMR] = "repeatable-page-master-reference",
    [FO_REPEATABLE_PMA] = "repeatable-page-master-alternatives",
    [FO_CONDITIONAL_PMR] = "conditional-page-master-reference",
    [FO_REGION_BODY] = "region-body", [FO_REGION_BEFORE] = "region-before",
    [FO_REGION_AFTER] = "region-after", [FO_REGION_START] = "region-start",
    [FO_REGION_END] = "region-end", [FO_PAGE_SEQUENCE] = "page-sequence",
    [FO_TITLE] = "title", [FO_FLOW] = "flow", [FO_STATIC_CONTENT] = "static-content",
    [FO_BLOCK] = "block", [FO_BLOCK_CONTAINER] = "block-container", [FO_INLINE] = "inline",
    [FO_WRAPPER] = "wrapper", [FO_CHARACTER] = "character", [FO_BASIC_LINK] = "basic-link",
    [FO_PAGE_NUMBER] = "page-number", [FO_PAGE_NUMBER_CITATION] = "page-number-citation",
    [FO_PAGE_NUMBER_CITATION_LAST] = "page-number-citation-last", [FO_LEADER] = "leader",
    [FO_EXTERNAL_GRAPHIC] = "external-graphic",
    [FO_INSTREAM_FOREIGN_OBJECT] = "instream-foreign-object", [FO_LIST_BLOCK] = "list-block",
    [FO_LIST_ITEM] = "list-item", [FO_LIST_ITEM_LABEL] = "list-item-label",
    [FO_LIST_ITEM_BODY] = "list-item-body", [FO_TABLE_AND_CAPTION] = "table-and-caption",
    [FO_TABLE_CAPTION] = "table-caption", [FO_TABLE] = "table",
    [FO_TABLE_COLUMN] = "table-column", [FO_TABLE_HEADER] = "table-header",
    [FO_TABLE_FOOTER] = "table-footer", [FO_TABLE_BODY] = "table-body",
    [FO_TABLE_ROW] = "table-row", [FO_TABLE_CELL] = "table-cell", [FO_FOOTNOTE] = "footnote",
    [FO_FOOTNOTE_BODY] = "footnote-body", [FO_BOOKMARK_TREE] = "bookmark-tree",
    [FO_BOOKMARK] = "bookmark", [FO_BOOKMARK_TITLE] = "bookmark-title",
    [FO_MARKER] = "marker", [FO_RETRIEVE_MARKER] = "retrieve-marker",
    [FO_INLINE_CONTAINER] = "inline-container", [FO_FLOAT] = "float",
    [FO_BIDI_OVERRIDE] = "bidi-override",
};

const char *cg_fo_kind_name(cg_fo_kind k)
{
    return (k >= 0 && k < FO_KIND_COUNT && kind_names[k]) ? kind_names[k] : "?";
}

static cg_fo_kind kind_of(const char *name)
{
    for (int k = FO_ROOT; k < FO_KIND_COUNT; k++)
        if (kind_names[k] && !strcmp(kind_names[k], name))
            return (cg_fo_kind)k;
    return FO_UNKNOWN;
}

gboolean cg_fo_is_block_level(cg_fo_kind k)
{
    switch (k) {
    case FO_BLOCK: case FO_BLOCK_CONTAINER: case FO_LIST_BLOCK: case FO_LIST_ITEM:
    case FO_TABLE: case FO_TABLE_AND_CAPTION: case FO_TABLE_CAPTION: case FO_FLOAT:
        return TRUE;
    default:
        return FALSE;
    }
}

/* Objects whose margins become indents and spaces (XSL 1.1 §5.3.2). */
static gboolean uses_block_margins(cg_fo_kind k)
{
    return cg_fo_is_block_level(k) || k == FO_LIST_ITEM;
}

/* Objects whose properties may be shared with others: not inline-level ones,
 * whose property pointers tell their spans apart in a paragraph. */
static gboolean shareable(cg_fo_kind k)
{
    switch (k) {
    case FO_BLOCK: case FO_BLOCK_CONTAINER: case FO_LIST_BLOCK: case FO_LIST_ITEM:
    case FO_LIST_ITEM_LABEL: case FO_LIST_ITEM_BODY: case FO_TABLE: case FO_TABLE_COLUMN:
    case FO_TABLE_HEADER: case FO_TABLE_FOOTER: case FO_TABLE_BODY: case FO_TABLE_ROW: case FO_TABLE_CELL:
        return TRUE;
    default:
        return FALSE;
    }
}

static guint props_hash(gconstpointer p)
{
    const guint8 *b = p;
    guint64 h = 1469598103934665603ull;
    size_t i = 0;
    for (; i + 8 <= sizeof(cg_props); i += 8) {
        guint64 w;
        memcpy(&w, b + i, 8);
        h = (h ^ w) * 1099511628211ull;
    }
    for (; i < sizeof(cg_props); i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return (guint)(h ^ (h >> 32));
}

static gboolean props_equal(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, sizeof(cg_props)) == 0;
}

typedef struct {
    cg_fo_tree *t;
    cg_diags *d;
    GHashTable *warned;        /* element names already reported as unsupported */
} builder;

static cg_fo *node_new(cg_fo_kind k, xmlNodePtr xml, cg_fo *parent)
{
    cg_fo *n = g_new0(cg_fo, 1);
    n->kind = k;
    n->xml = xml;
    n->parent = parent;
    if (parent) {
        if (parent->last)
            parent->last->next = n;
        else
            parent->first = n;
        parent->last = n;
    }
    return n;
}

static void add_text(cg_fo *parent, xmlNodePtr xml, const char *text)
{
    cg_fo *n = node_new(FO_TEXT, xml, parent);
    n->p = parent->p;
    n->text = text;
}

static cg_fo *build(builder *b, cg_fo *parent, xmlNodePtr el, int depth);

/* Deeper than MAX_DEPTH: keep the text, drop the structure. */
static void flatten(builder *b, cg_fo *parent, xmlNodePtr el)
{
    xmlChar *s = xmlNodeGetContent(el);
    if (s) {
        const char *txt = g_string_chunk_insert(b->t->strings, (const char *)s);
        add_text(parent, el, txt);
        xmlFree(s);
    }
}

static void build_children(builder *b, cg_fo *n, xmlNodePtr el, int depth)
{
    for (xmlNodePtr c = el->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content && *c->content)
                add_text(n, c, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE)
            build(b, n, c, depth + 1);
    }
}

static cg_fo *build(builder *b, cg_fo *parent, xmlNodePtr el, int depth)
{
    gboolean is_fo = el->ns && el->ns->href && !strcmp((const char *)el->ns->href, CG_FO_NS);
    if (!is_fo) {
        if (parent && parent->kind != FO_INSTREAM_FOREIGN_OBJECT && parent->kind != FO_DECLARATIONS)
            cg_xml_diag(b->d, CG_WARNING, el, "element '%s' outside the XSL-FO namespace ignored",
                        (const char *)el->name);
        return NULL;
    }
    if (depth > MAX_DEPTH && parent) {
        cg_xml_diag(b->d, CG_WARNING, el,
                    "fo:%s nested more than %d deep: its content is kept as plain text",
                    (const char *)el->name, MAX_DEPTH);
        flatten(b, parent, el);
        return NULL;
    }
    cg_fo_kind k = kind_of((const char *)el->name);
    if (k == FO_UNKNOWN || k == FO_RETRIEVE_MARKER) {
        const char *nm = (const char *)el->name;
        if (!g_hash_table_contains(b->warned, nm)) {
            g_hash_table_add(b->warned, g_strdup(nm));
            cg_xml_diag(b->d, CG_WARNING, el, "unsupported formatting object fo:%s%s", nm,
                        k == FO_RETRIEVE_MARKER ? " ignored" : "; its content is laid out in place");
        }
        if (k == FO_RETRIEVE_MARKER)
            return NULL;
    } else if (k == FO_INLINE_CONTAINER || k == FO_FLOAT) {
        const char *nm = (const char *)el->name;
        if (!g_hash_table_contains(b->warned, nm)) {
            g_hash_table_add(b->warned, g_strdup(nm));
            cg_xml_diag(b->d, CG_WARNING, el,
                        "fo:%s is not supported as such; its content is laid out in place", nm);
        }
    }
    if (k == FO_MARKER)
        return NULL;   /* markers are only shown through retrieve-marker (unsupported) */
    if (k == FO_FOOTNOTE)
        for (const cg_fo *a = parent; a; a = a->parent)
            if (a->kind == FO_FOOTNOTE_BODY) {
                /* XSL 1.1 6.12.3: an error; the page would never show its body. */
                cg_xml_diag(b->d, CG_WARNING, el, "fo:footnote inside a footnote body is not "
                            "allowed: its content is kept as plain text");
                flatten(b, parent, el);
                return NULL;
            }

    cg_fo *n = node_new(k, el, parent);
    cg_prop_ctx ctx = { b->d, el, b->t->strings, (const char *)el->name };
    if (shareable(k)) {
        /* Thousands of table cells, rows and paragraphs compute the same
         * properties: keep one copy of each (zeroed first, so that equal
         * values are equal bytes). */
        cg_props tmp;
        memset(&tmp, 0, sizeof tmp);
        cg_props_compute(&tmp, parent ? parent->p : NULL, el, &ctx, uses_block_margins(k));
        /* label-end() and body-start() are resolved in place by the layout
         * (per list item): such properties stay the object's own. */
        unsigned lf = CG_LEN_LABEL_END | CG_LEN_BODY_START;
        gboolean own = (tmp.i.start_indent.flags & lf) || (tmp.i.end_indent.flags & lf);
        cg_props *shared = own ? NULL : g_hash_table_lookup(b->t->props, &tmp);
        if (own) {
            shared = g_memdup2(&tmp, sizeof tmp);
            g_ptr_array_add(b->t->props_own, shared);
        } else if (!shared) {
            shared = g_memdup2(&tmp, sizeof tmp);
            g_hash_table_add(b->t->props, shared);
        }
        n->p = shared;
    } else {
        /* zeroed: a shared child's properties start as a copy of these, padding
         * included, and are then hashed byte by byte */
        n->p = g_new0(cg_props, 1);
        cg_props_compute(n->p, parent ? parent->p : NULL, el, &ctx, uses_block_margins(k));
    }
    xmlChar *id = xmlGetNoNsProp(el, (const xmlChar *)"id");
    if (id) {
        n->id = g_string_chunk_insert_const(b->t->strings, (const char *)id);
        if (g_hash_table_contains(b->t->ids, n->id))
            cg_xml_diag(b->d, CG_WARNING, el, "duplicate id '%s'", n->id);
        else
            g_hash_table_insert(b->t->ids, (gpointer)n->id, n);
        xmlFree(id);
    }
    if (k == FO_PAGE_NUMBER_CITATION || k == FO_PAGE_NUMBER_CITATION_LAST)
        b->t->has_citations = TRUE;
    if (k == FO_INSTREAM_FOREIGN_OBJECT || k == FO_DECLARATIONS)
        return n;   /* their content is read from the XML by the layout */
    build_children(b, n, el, depth);
    return n;
}

cg_fo_tree *cg_fo_tree_new(xmlDocPtr doc, cg_diags *d)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    const char *url = doc && doc->URL ? (const char *)doc->URL : NULL;
    if (!root || !root->ns || strcmp((const char *)root->ns->href, CG_FO_NS) ||
        strcmp((const char *)root->name, "root")) {
        cg_diag_add(d, CG_ERROR, url, root ? cg_xml_line(root) : 0, root ? cg_xml_column(root) : 0,
                    "the document element is not fo:root (namespace %s)", CG_FO_NS);
        return NULL;
    }
    cg_fo_tree *t = g_new0(cg_fo_tree, 1);
    t->doc = doc;
    t->file = g_strdup(url);
    t->strings = g_string_chunk_new(4096);
    t->ids = g_hash_table_new(g_str_hash, g_str_equal);
    t->props = g_hash_table_new_full(props_hash, props_equal, g_free, NULL);
    t->props_own = g_ptr_array_new_with_free_func(g_free);
    builder b = { t, d, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL) };
    t->root = build(&b, NULL, root, 0);
    g_hash_table_destroy(b.warned);
    return t;
}

static void free_nodes(cg_fo *n)
{
    /* Iterative over siblings, recursive over depth (bounded by MAX_DEPTH). */
    while (n) {
        cg_fo *next = n->next;
        free_nodes(n->first);
        if (n->kind != FO_TEXT && !shareable(n->kind))
            g_free(n->p);
        g_free(n);
        n = next;
    }
}

void cg_fo_tree_free(cg_fo_tree *t)
{
    if (!t)
        return;
    free_nodes(t->root);
    g_hash_table_destroy(t->props);
    g_ptr_array_free(t->props_own, TRUE);
    g_hash_table_destroy(t->ids);
    g_string_chunk_free(t->strings);
    g_free(t->file);
    g_free(t);
}

const char *cg_fo_attr(const cg_fo_tree *t, const cg_fo *fo, const char *name)
{
    if (!fo || fo->kind == FO_TEXT)
        return NULL;
    xmlChar *v = xmlGetNoNsProp(fo->xml, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = g_strstrip(g_strdup((const char *)v));
    xmlFree(v);
    const char *r = g_string_chunk_insert_const(t->strings, s);
    g_free(s);
    return r;
}

cg_fo *cg_fo_child(const cg_fo *fo, cg_fo_kind k)
{
    for (cg_fo *c = fo ? fo->first : NULL; c; c = c->next)
        if (c->kind == k)
            return c;
    return NULL;
}
