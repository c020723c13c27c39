/* rng.c — see rng.h. */
#include "rng.h"
#include "base/base.h"

#include <string.h>
#include <stdlib.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#define XSD_LIB "http://www.w3.org/2001/XMLSchema-datatypes"
#define XSD_NS "http://www.w3.org/2001/XMLSchema"
#define A_NS "http://relaxng.org/ns/compatibility/annotations/1.0"
#define START_KEY "\001start"
#define MAX_INCLUDES 16
#define MAX_DEPTH 200

struct cg_rng {
    GPtrArray *docs;          /* xmlDocPtr of the schema and its includes */
    GHashTable *defines;      /* name -> GPtrArray of <define> nodes */
    GPtrArray *starts;        /* <start> nodes, or a bare top-level pattern */
    GHashTable *models;       /* <element> node -> rng_model* */
    rng_model *start_model;
    GPtrArray *elements;      /* reachable <element> patterns */
    GHashTable *regexps;      /* pattern text -> xmlRegexpPtr (or NULL if invalid) */
    gboolean unsupported;
};

static gboolean is_rng(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrEqual(n->ns->href, (const xmlChar *)CG_RNG_NS) &&
           (!name || xmlStrEqual(n->name, (const xmlChar *)name));
}

/* The value of an attribute without namespace, or NULL (not copied). */
static const xmlChar *prop(xmlNodePtr n, const char *name)
{
    xmlAttrPtr a = xmlHasNsProp(n, (const xmlChar *)name, NULL);
    return a && a->children ? a->children->content : NULL;
}

/* Nearest ancestor-or-self RELAX NG element carrying attribute name. */
static const xmlChar *inherited(xmlNodePtr n, const char *name, const char *dflt)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        const xmlChar *v = is_rng(n, NULL) ? prop(n, name) : NULL;
        if (v)
            return v;
    }
    return (const xmlChar *)dflt;
}

/* ---- loading ---------------------------------------------------------- */

static void add_define(cg_rng *r, xmlNodePtr def, GHashTable *over)
{
    const xmlChar *name = prop(def, "name");
    if (!name || (over && g_hash_table_contains(over, name)))
        return;
    GPtrArray *list = g_hash_table_lookup(r->defines, name);
    if (!list) {
        list = g_ptr_array_new();
        g_hash_table_insert(r->defines, g_strdup((const char *)name), list);
    }
    g_ptr_array_add(list, def);
}

static void collect_overrides(xmlNodePtr inc, GHashTable *names)
{
    for (xmlNodePtr c = inc->children; c; c = c->next) {
        if (is_rng(c, "define") && prop(c, "name"))
            g_hash_table_add(names, g_strdup((const char *)prop(c, "name")));
        else if (is_rng(c, "start"))
            g_hash_table_add(names, g_strdup(START_KEY));
        else if (is_rng(c, "div"))
            collect_overrides(c, names);
    }
}

static gboolean load_grammar(cg_rng *r, const char *path, const xmlChar *ns, GHashTable *over,
                             int depth, char **why);

static gboolean load_items(cg_rng *r, xmlNodePtr parent, const char *path, GHashTable *over,
                           int depth, char **why);

static gboolean load_include(cg_rng *r, xmlNodePtr inc, const char *path, GHashTable *over,
                             int depth, char **why)
{
    const xmlChar *href = prop(inc, "href");
    if (!href) {
        *why = g_strdup_printf("%s: <include> without href", path);
        return FALSE;
    }
    char *dir = g_path_get_dirname(path);
    char *file = g_path_is_absolute((const char *)href) ? g_strdup((const char *)href)
                                                        : g_build_filename(dir, href, NULL);
    GHashTable *inner = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (over) {
        GHashTableIter it;
        gpointer k;
        g_hash_table_iter_init(&it, over);
        while (g_hash_table_iter_next(&it, &k, NULL))
            g_hash_table_add(inner, g_strdup(k));
    }
    collect_overrides(inc, inner);
    /* The included grammar's names inherit the namespace of the include's place
     * (ns inheritance comes after inclusion), unless its root sets its own. */
    gboolean ok = load_grammar(r, file, inherited(inc, "ns", NULL), inner, depth + 1, why) &&
                  load_items(r, inc, path, over, depth, why);
    g_hash_table_destroy(inner);
    g_free(file);
    g_free(dir);
    return ok;
}

static gboolean load_items(cg_rng *r, xmlNodePtr parent, const char *path, GHashTable *over,
                           int depth, char **why)
{
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (is_rng(c, "define"))
            add_define(r, c, over);
        else if (is_rng(c, "start")) {
            if (!over || !g_hash_table_contains(over, START_KEY))
                g_ptr_array_add(r->starts, c);
        } else if (is_rng(c, "div")) {
            if (!load_items(r, c, path, over, depth, why))
                return FALSE;
        } else if (is_rng(c, "include")) {
            if (!load_include(r, c, path, over, depth, why))
                return FALSE;
        }
    }
    return TRUE;
}

static gboolean load_grammar(cg_rng *r, const char *path, const xmlChar *ns, GHashTable *over,
                             int depth, char **why)
{
    if (depth > MAX_INCLUDES) {
        *why = g_strdup_printf("%s: includes nested more than %d deep", path, MAX_INCLUDES);
        return FALSE;
    }
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = cg_xml_read_file(path, d);
    if (!doc) {
        const cg_diag *first = d->items->len ? g_ptr_array_index(d->items, 0) : NULL;
        *why = first ? cg_diag_format(first) : g_strdup_printf("%s: cannot read", path);
        cg_diags_free(d);
        return FALSE;
    }
    cg_diags_free(d);
    g_ptr_array_add(r->docs, doc);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_rng(root, NULL)) {
        *why = g_strdup_printf("%s: not a RELAX NG schema", path);
        return FALSE;
    }
    if (ns && !prop(root, "ns"))
        xmlSetProp(root, (const xmlChar *)"ns", ns);
    if (!is_rng(root, "grammar")) {
        g_ptr_array_add(r->starts, root);
        return TRUE;
    }
    return load_items(r, root, path, over, depth, why);
}

static void model_free(gpointer p)
{
    rng_model *m = p;
    if (!m)
        return;
    g_array_free(m->edges, TRUE);
    g_ptr_array_free(m->attrs, TRUE);
    g_ptr_array_free(m->data, TRUE);
    g_ptr_array_free(m->musts, TRUE);
    g_ptr_array_free(m->singles, TRUE);
    if (m->branches)
        g_ptr_array_free(m->branches, TRUE);
    g_free(m);
}

static void regexp_free(gpointer p)
{
    if (p)
        xmlRegFreeRegexp(p);
}

cg_rng *cg_rng_load(const char *path, char **why)
{
    cg_rng *r = g_new0(cg_rng, 1);
    r->docs = g_ptr_array_new_with_free_func((GDestroyNotify)cg_xml_free);
    r->defines = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_ptr_array_unref);
    r->starts = g_ptr_array_new();
    r->models = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, model_free);
    r->regexps = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, regexp_free);
    if (!load_grammar(r, path, NULL, NULL, 0, why)) {
        cg_rng_free(r);
        return NULL;
    }
    if (!r->starts->len) {
        *why = g_strdup_printf("%s: the schema has no <start>", path);
        cg_rng_free(r);
        return NULL;
    }
    return r;
}

void cg_rng_free(cg_rng *r)
{
    if (!r)
        return;
    g_hash_table_destroy(r->models);
    model_free(r->start_model);
    if (r->elements)
        g_ptr_array_free(r->elements, TRUE);
    g_hash_table_destroy(r->regexps);
    g_hash_table_destroy(r->defines);
    g_ptr_array_free(r->starts, TRUE);
    g_ptr_array_free(r->docs, TRUE);
    g_free(r);
}

gboolean cg_rng_unsupported(const cg_rng *r)
{
    return r->unsupported;
}

/* ---- content automata ------------------------------------------------- */

typedef struct {
    cg_rng *r;
    rng_model *m;
    int depth;
} compiler;

static int new_state(rng_model *m)
{
    return m->nstates++;
}

static void add_edge(rng_model *m, int from, int to, xmlNodePtr elem)
{
    rng_edge e = { from, to, elem };
    g_array_append_val(m->edges, e);
}

/* The first child of an <element> or <attribute> after its name class. */
static xmlNodePtr content_first(xmlNodePtr pat)
{
    xmlNodePtr c = pat->children;
    if (prop(pat, "name"))
        return c;
    while (c && !is_rng(c, NULL))
        c = c->next;
    return c ? c->next : NULL;
}

static void add_attr(compiler *c, xmlNodePtr p, gboolean required)
{
    rng_attr *a = g_new0(rng_attr, 1);
    a->pattern = p;
    a->required = required;
    const xmlChar *name = prop(p, "name"), *dflt = prop(p, "ns");
    xmlNodePtr at = p;
    if (!name) {   /* <attribute><name>x</name>...: ns inherited as for elements */
        xmlNodePtr nc = p->children;
        while (nc && !is_rng(nc, NULL))
            nc = nc->next;
        if (is_rng(nc, "name") && nc->children && nc->children->type == XML_TEXT_NODE &&
            !nc->children->next) {
            name = nc->children->content;
            dflt = inherited(nc, "ns", "");
            at = nc;
        }
    }
    if (!name || xmlStrchr(name, ' ') || xmlStrchr(name, '\n')) {
        c->m->any_attr = TRUE;   /* a name class: any attribute may be its */
        g_free(a);
        return;
    }
    const xmlChar *colon = xmlStrchr(name, ':');
    if (colon) {
        xmlChar *prefix = xmlStrndup(name, (int)(colon - name));
        xmlNsPtr ns = xmlSearchNs(at->doc, at, prefix);
        xmlFree(prefix);
        a->ns = ns ? ns->href : (const xmlChar *)"?";
        a->name = colon + 1;
    } else {
        a->ns = dflt ? dflt : (const xmlChar *)"";
        a->name = name;
    }
    g_ptr_array_add(c->m->attrs, a);
}

static int compile(compiler *c, xmlNodePtr p, int s, gboolean opt);

static int compile_seq(compiler *c, xmlNodePtr first, int s, gboolean opt)
{
    for (xmlNodePtr n = first; n; n = n->next)
        if (is_rng(n, NULL))
            s = compile(c, n, s, opt);
    return s;
}

static int count_patterns(xmlNodePtr first)
{
    int n = 0;
    for (; first; first = first->next)
        n += is_rng(first, NULL);
    return n;
}

static int compile_ref(compiler *c, xmlNodePtr p, int s, gboolean opt)
{
    const xmlChar *name = prop(p, "name");
    GPtrArray *defs = name ? g_hash_table_lookup(c->r->defines, name) : NULL;
    if (!defs || !defs->len) {
        c->r->unsupported = TRUE;
        return s;
    }
    gboolean choice = FALSE;
    for (guint i = 0; i < defs->len; i++) {
        const xmlChar *comb = prop(g_ptr_array_index(defs, i), "combine");
        choice |= comb && xmlStrEqual(comb, (const xmlChar *)"choice");
    }
    if (!choice || defs->len == 1) {
        for (guint i = 0; i < defs->len; i++)
            s = compile_seq(c, ((xmlNodePtr)g_ptr_array_index(defs, i))->children, s, opt);
        return s;
    }
    int e = new_state(c->m);
    for (guint i = 0; i < defs->len; i++)
        add_edge(c->m, compile_seq(c, ((xmlNodePtr)g_ptr_array_index(defs, i))->children, s, TRUE),
                 e, NULL);
    return e;
}

/* The element that a branch of an interleave is, wrapped at most in `wrapper`
 * elements (or group) and references with one definition: "oneOrMore" gives the
 * element the branch requires, "optional" the element it allows once. */
static xmlNodePtr branch_element(cg_rng *r, xmlNodePtr n, const char *wrapper, int depth)
{
    if (depth > 8)
        return NULL;
    if (is_rng(n, "element"))
        return n;
    xmlNodePtr only = NULL;
    if (is_rng(n, wrapper) || is_rng(n, "group")) {
        only = n->children;
    } else if (is_rng(n, "ref") && prop(n, "name")) {
        GPtrArray *defs = g_hash_table_lookup(r->defines, prop(n, "name"));
        only = defs && defs->len == 1 ? ((xmlNodePtr)g_ptr_array_index(defs, 0))->children : NULL;
    }
    if (!only || count_patterns(only) != 1)
        return NULL;
    while (!is_rng(only, NULL))
        only = only->next;
    return branch_element(r, only, wrapper, depth + 1);
}

static xmlNodePtr required_element(cg_rng *r, xmlNodePtr n, int depth)
{
    return branch_element(r, n, "oneOrMore", depth);
}

static xmlNodePtr single_element(cg_rng *r, xmlNodePtr n, int depth)
{
    return branch_element(r, n, "optional", depth);
}

/* Thompson's construction: the automaton of pattern p from state s; returns the
 * state where it ends. opt: attributes met here are optional. */
static int compile(compiler *c, xmlNodePtr p, int s, gboolean opt)
{
    rng_model *m = c->m;
    const char *k = (const char *)p->name;
    int e = s;
    if (++c->depth > MAX_DEPTH) {
        c->r->unsupported = TRUE;
    } else if (!strcmp(k, "element")) {
        e = new_state(m);
        add_edge(m, s, e, p);
    } else if (!strcmp(k, "attribute")) {
        add_attr(c, p, !opt);
    } else if (!strcmp(k, "text")) {
        m->text = TRUE;
    } else if (!strcmp(k, "data") || !strcmp(k, "value") || !strcmp(k, "list")) {
        g_ptr_array_add(m->data, p);
    } else if (!strcmp(k, "notAllowed")) {
        e = new_state(m);
    } else if (!strcmp(k, "group")) {
        e = compile_seq(c, p->children, s, opt);
    } else if (!strcmp(k, "choice")) {
        gboolean alt = opt || count_patterns(p->children) > 1;
        e = new_state(m);
        for (xmlNodePtr n = p->children; n; n = n->next)
            if (is_rng(n, NULL))
                add_edge(m, compile(c, n, s, alt), e, NULL);
    } else if (!strcmp(k, "optional")) {
        e = compile_seq(c, p->children, s, TRUE);
        add_edge(m, s, e, NULL);
    } else if (!strcmp(k, "zeroOrMore") || !strcmp(k, "oneOrMore")) {
        int a = new_state(m);
        add_edge(m, s, a, NULL);
        int b = compile_seq(c, p->children, a, opt || k[0] == 'z');
        add_edge(m, b, a, NULL);
        e = k[0] == 'z' ? a : b;
    } else if (!strcmp(k, "interleave")) {
        m->approx = TRUE;
        e = new_state(m);
        add_edge(m, s, e, NULL);
        for (xmlNodePtr n = p->children; n; n = n->next)
            if (is_rng(n, NULL)) {
                add_edge(m, compile(c, n, e, opt), e, NULL);
                xmlNodePtr must = opt ? NULL : required_element(c->r, n, 0);
                if (must)
                    g_ptr_array_add(m->musts, must);
                xmlNodePtr once = single_element(c->r, n, 0);
                if (once)
                    g_ptr_array_add(m->singles, once);
            }
    } else if (!strcmp(k, "mixed")) {
        m->text = TRUE;
        e = compile_seq(c, p->children, s, opt);
    } else if (!strcmp(k, "ref")) {
        e = compile_ref(c, p, s, opt);
    } else if (!strcmp(k, "parentRef") || !strcmp(k, "externalRef") || !strcmp(k, "grammar")) {
        c->r->unsupported = TRUE;
    }
    c->depth--;
    return e;
}

static rng_model *model_new(void)
{
    rng_model *m = g_new0(rng_model, 1);
    m->edges = g_array_new(FALSE, FALSE, sizeof(rng_edge));
    m->attrs = g_ptr_array_new_with_free_func(g_free);
    m->data = g_ptr_array_new();
    m->musts = g_ptr_array_new();
    m->singles = g_ptr_array_new();
    return m;
}

/* The <choice> that pattern n is (directly, through a group of one pattern or a
 * reference to a single define), or NULL. */
static xmlNodePtr as_choice(cg_rng *r, xmlNodePtr n, int depth)
{
    if (depth > 8)
        return NULL;
    if (is_rng(n, "choice"))
        return count_patterns(n->children) > 1 ? n : NULL;
    xmlNodePtr only = NULL;
    if (is_rng(n, "group")) {
        only = n->children;
    } else if (is_rng(n, "ref") && prop(n, "name")) {
        GPtrArray *defs = g_hash_table_lookup(r->defines, prop(n, "name"));
        only = defs && defs->len == 1 ? ((xmlNodePtr)g_ptr_array_index(defs, 0))->children : NULL;
    }
    if (!only || count_patterns(only) != 1)
        return NULL;
    while (!is_rng(only, NULL))
        only = only->next;
    return as_choice(r, only, depth + 1);
}

/* The one pattern of an element's content (*top) that is a choice, beside
 * attributes (optional or not): the choice, or NULL when there is none or more. */
static xmlNodePtr content_choice(cg_rng *r, xmlNodePtr first, xmlNodePtr *top)
{
    xmlNodePtr found = NULL;
    for (xmlNodePtr n = first; n; n = n->next) {
        if (!is_rng(n, NULL))
            continue;
        xmlNodePtr ch = as_choice(r, n, 0);
        if (ch && found)
            return NULL;
        if (ch)
            found = ch, *top = n;
        else if (!is_rng(n, "attribute") && !is_rng(n, "optional"))
            return NULL;
    }
    return found;
}

/* Does a require an attribute that b does not? */
static gboolean requires_more(const rng_model *a, const rng_model *b)
{
    for (guint i = 0; i < a->attrs->len; i++) {
        const rng_attr *x = g_ptr_array_index(a->attrs, i);
        gboolean also = FALSE;
        for (guint k = 0; x->required && x->name && k < b->attrs->len && !also; k++) {
            const rng_attr *y = g_ptr_array_index(b->attrs, k);
            also = y->required && y->name && xmlStrEqual(x->name, y->name) &&
                   xmlStrEqual(x->ns, y->ns);
        }
        if (x->required && x->name && !also)
            return TRUE;
    }
    return FALSE;
}

/* Do two automata differ in whether text is allowed or in a required attribute? */
static gboolean blurred(const rng_model *a, const rng_model *b)
{
    return a->text != b->text || requires_more(a, b) || requires_more(b, a);
}

/* The branches of a content that is a choice (beside attributes), each as its own
 * automaton with those attributes, when the branches differ in what the merged
 * automaton blurs: a required attribute (optional once merged) or whether text is
 * allowed. NULL otherwise. */
static GPtrArray *compile_branches(cg_rng *r, xmlNodePtr elem)
{
    xmlNodePtr top = NULL, choice = content_choice(r, content_first(elem), &top);
    if (!choice)
        return NULL;
    GPtrArray *bs = g_ptr_array_new_with_free_func(model_free);
    gboolean differ = FALSE;
    for (xmlNodePtr n = choice->children; n; n = n->next) {
        if (!is_rng(n, NULL))
            continue;
        rng_model *b = model_new();
        compiler c = { r, b, 0 };
        int e = b->start = new_state(b);
        for (xmlNodePtr k = content_first(elem); k; k = k->next)   /* the choice taken as n */
            if (is_rng(k, NULL))
                e = compile(&c, k == top ? n : k, e, FALSE);
        b->accept = e;
        differ |= bs->len && blurred(g_ptr_array_index(bs, 0), b);
        g_ptr_array_add(bs, b);
    }
    if (!differ) {
        g_ptr_array_free(bs, TRUE);
        return NULL;
    }
    return bs;
}

rng_model *cg_rng_model(cg_rng *r, xmlNodePtr elem)
{
    rng_model *m = g_hash_table_lookup(r->models, elem);
    if (m)
        return m;
    m = model_new();
    compiler c = { r, m, 0 };
    m->start = new_state(m);
    m->accept = compile_seq(&c, content_first(elem), m->start, FALSE);
    g_hash_table_insert(r->models, elem, m);
    m->branches = compile_branches(r, elem);
    return m;
}

rng_model *cg_rng_start(cg_rng *r)
{
    if (r->start_model)
        return r->start_model;
    rng_model *m = r->start_model = model_new();
    compiler c = { r, m, 0 };
    m->start = new_state(m);
    m->accept = new_state(m);
    for (guint i = 0; i < r->starts->len; i++) {
        xmlNodePtr s = g_ptr_array_index(r->starts, i);
        int e = is_rng(s, "start") ? compile_seq(&c, s->children, m->start, TRUE)
                                   : compile(&c, s, m->start, TRUE);
        add_edge(m, e, m->accept, NULL);
    }
    return m;
}

static void collect_elements(cg_rng *r, rng_model *m, GHashTable *seen)
{
    for (guint i = 0; i < m->edges->len; i++) {
        xmlNodePtr el = g_array_index(m->edges, rng_edge, i).elem;
        if (!el || g_hash_table_contains(seen, el))
            continue;
        g_hash_table_add(seen, el);
        g_ptr_array_add(r->elements, el);
        collect_elements(r, cg_rng_model(r, el), seen);
    }
}

GPtrArray *cg_rng_elements(cg_rng *r)
{
    if (!r->elements) {
        r->elements = g_ptr_array_new();
        GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
        collect_elements(r, cg_rng_start(r), seen);
        g_hash_table_destroy(seen);
    }
    return r->elements;
}

void cg_rng_closure(const rng_model *m, gboolean *set)
{
    gboolean changed = TRUE;
    while (changed) {
        changed = FALSE;
        for (guint i = 0; i < m->edges->len; i++) {
            const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
            if (!e->elem && set[e->from] && !set[e->to])
                set[e->to] = changed = TRUE;
        }
    }
}

/* ---- names ------------------------------------------------------------ */

static gboolean qname_matches(xmlNodePtr at, const xmlChar *qname, const xmlChar *dflt_ns,
                              const xmlChar *ns, const xmlChar *local)
{
    const xmlChar *colon = xmlStrchr(qname, ':');
    if (colon) {
        xmlChar *prefix = xmlStrndup(qname, (int)(colon - qname));
        xmlNsPtr n = xmlSearchNs(at->doc, at, prefix);
        xmlFree(prefix);
        return n && xmlStrEqual(n->href, ns) && xmlStrEqual(colon + 1, local);
    }
    return xmlStrEqual(dflt_ns, ns) && xmlStrEqual(qname, local);
}

static gboolean class_matches(xmlNodePtr nc, const xmlChar *ns, const xmlChar *local)
{
    if (is_rng(nc, "name")) {
        xmlChar *q = xmlNodeGetContent(nc);
        xmlChar *t = q ? (xmlChar *)g_strstrip((char *)q) : NULL;
        gboolean ok = t && qname_matches(nc, t, inherited(nc, "ns", ""), ns, local);
        xmlFree(q);
        return ok;
    }
    gboolean any = is_rng(nc, "anyName");
    if (any || is_rng(nc, "nsName")) {
        if (!any && !xmlStrEqual(inherited(nc, "ns", ""), ns))
            return FALSE;
        for (xmlNodePtr e = nc->children; e; e = e->next)
            if (is_rng(e, "except"))
                for (xmlNodePtr x = e->children; x; x = x->next)
                    if (is_rng(x, NULL) && class_matches(x, ns, local))
                        return FALSE;
        return TRUE;
    }
    if (is_rng(nc, "choice"))
        for (xmlNodePtr x = nc->children; x; x = x->next)
            if (is_rng(x, NULL) && class_matches(x, ns, local))
                return TRUE;
    return FALSE;
}

gboolean cg_rng_name_matches(xmlNodePtr pat, const xmlChar *ns, const xmlChar *local)
{
    if (!ns)
        ns = (const xmlChar *)"";
    const xmlChar *name = prop(pat, "name");
    if (name) {
        gboolean attr = xmlStrEqual(pat->name, (const xmlChar *)"attribute");
        const xmlChar *dflt = attr ? (prop(pat, "ns") ? prop(pat, "ns") : (const xmlChar *)"")
                                   : inherited(pat, "ns", "");
        return qname_matches(pat, name, dflt, ns, local);
    }
    xmlNodePtr nc = pat->children;
    while (nc && !is_rng(nc, NULL))
        nc = nc->next;
    return nc && class_matches(nc, ns, local);
}

static void class_names(xmlNodePtr nc, GPtrArray *out, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    if (is_rng(nc, "name")) {
        xmlChar *q = xmlNodeGetContent(nc);
        char *t = g_strstrip(g_strdup(q ? (const char *)q : ""));
        xmlFree(q);
        for (guint i = 0; i < out->len; i++)
            if (!strcmp(g_ptr_array_index(out, i), t))
                *t = 0;
        if (*t)
            g_ptr_array_add(out, t);
        else
            g_free(t);
    } else if (is_rng(nc, "choice")) {
        for (xmlNodePtr x = nc->children; x; x = x->next)
            class_names(x, out, depth + 1);
    } else if (is_rng(nc, NULL)) {
        gboolean seen = FALSE;
        for (guint i = 0; i < out->len; i++)
            seen |= !strcmp(g_ptr_array_index(out, i), "*");
        if (!seen)
            g_ptr_array_add(out, g_strdup("*"));
    }
}

void cg_rng_pattern_names(xmlNodePtr pat, GPtrArray *out)
{
    const xmlChar *name = prop(pat, "name");
    if (name) {
        for (guint i = 0; i < out->len; i++)
            if (!strcmp(g_ptr_array_index(out, i), (const char *)name))
                return;
        g_ptr_array_add(out, g_strdup((const char *)name));
        return;
    }
    xmlNodePtr nc = pat->children;
    while (nc && !is_rng(nc, NULL))
        nc = nc->next;
    class_names(nc, out, 0);
}

const xmlChar *cg_rng_pattern_name(xmlNodePtr pat)
{
    const xmlChar *name = prop(pat, "name");
    if (name)
        return name;
    xmlNodePtr nc = pat->children;
    while (nc && !is_rng(nc, NULL))
        nc = nc->next;
    if (is_rng(nc, "name") && nc->children && nc->children->content)
        return nc->children->content;
    return (const xmlChar *)"*";
}

/* ---- values ----------------------------------------------------------- */

static char *normalize(const char *s)
{
    GString *o = g_string_new(NULL);
    gboolean space = FALSE;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = o->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(o, ' ');
        space = FALSE;
        g_string_append_c(o, *s);
    }
    return g_string_free(o, FALSE);
}

static gboolean is_xsd(xmlNodePtr p)
{
    return xmlStrEqual(inherited(p, "datatypeLibrary", ""), (const xmlChar *)XSD_LIB);
}

/* Types whose value is compared as written: string (built-in or XML Schema). */
static gboolean keeps_spaces(xmlNodePtr p)
{
    const xmlChar *type = prop(p, "type");
    if (!type)
        return FALSE;
    return xmlStrEqual(type, (const xmlChar *)"string") ||
           (is_xsd(p) && xmlStrEqual(type, (const xmlChar *)"normalizedString"));
}

static gboolean regexp_ok(cg_rng *r, const xmlChar *pattern, const char *value)
{
    xmlRegexpPtr re;
    if (!g_hash_table_lookup_extended(r->regexps, pattern, NULL, (gpointer *)&re)) {
        re = xmlRegexpCompile(pattern);
        g_hash_table_insert(r->regexps, g_strdup((const char *)pattern), re);
    }
    return !re || xmlRegexpExec(re, (const xmlChar *)value) == 1;
}

static gboolean pattern_ok(cg_rng *r, xmlNodePtr p, const char *value, int depth);

static gboolean facets_ok(cg_rng *r, xmlNodePtr p, const char *v)
{
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (is_rng(c, "except")) {
            for (xmlNodePtr x = c->children; x; x = x->next)
                if (is_rng(x, NULL) && pattern_ok(r, x, v, 1))
                    return FALSE;
            continue;
        }
        if (!is_rng(c, "param") || !prop(c, "name"))
            continue;
        const char *name = (const char *)prop(c, "name");
        xmlChar *arg = xmlNodeGetContent(c);
        long n = arg ? strtol((const char *)arg, NULL, 10) : 0;
        long len = g_utf8_validate(v, -1, NULL) ? g_utf8_strlen(v, -1) : (long)strlen(v);
        gboolean ok = TRUE;
        if (!strcmp(name, "pattern"))
            ok = arg && regexp_ok(r, arg, v);
        else if (!strcmp(name, "minLength"))
            ok = len >= n;
        else if (!strcmp(name, "maxLength"))
            ok = len <= n;
        else if (!strcmp(name, "length"))
            ok = len == n;
        xmlFree(arg);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

static gboolean data_ok(cg_rng *r, xmlNodePtr p, const char *value)
{
    const xmlChar *type = prop(p, "type");
    char *v = keeps_spaces(p) ? g_strdup(value) : normalize(value);
    gboolean ok = TRUE;
    if (type && is_xsd(p)) {
        xmlSchemaTypePtr t = xmlSchemaGetPredefinedType(type, (const xmlChar *)XSD_NS);
        xmlSchemaValPtr val = NULL;
        if (t && xmlSchemaValPredefTypeNode(t, (const xmlChar *)value, &val, NULL) != 0)
            ok = FALSE;
        if (val)
            xmlSchemaFreeValue(val);
    }
    ok = ok && facets_ok(r, p, v);
    g_free(v);
    return ok;
}

/* Equal as values of an XML Schema type other than the string types (1 and 01 as
 * integers)? -1 when either is no such value. */
static int xsd_equal(xmlNodePtr p, const char *a, const char *b)
{
    const xmlChar *type = prop(p, "type");
    if (!type || !is_xsd(p) || xmlStrEqual(type, (const xmlChar *)"string") ||
        xmlStrEqual(type, (const xmlChar *)"normalizedString") ||
        xmlStrEqual(type, (const xmlChar *)"token"))
        return -1;
    xmlSchemaTypePtr t = xmlSchemaGetPredefinedType(type, (const xmlChar *)XSD_NS);
    xmlSchemaValPtr va = NULL, vb = NULL;
    int eq = -1;
    if (t && xmlSchemaValPredefTypeNode(t, (const xmlChar *)a, &va, NULL) == 0 &&
        xmlSchemaValPredefTypeNode(t, (const xmlChar *)b, &vb, NULL) == 0 && va && vb)
        eq = xmlSchemaCompareValues(va, vb) == 0;
    if (va)
        xmlSchemaFreeValue(va);
    if (vb)
        xmlSchemaFreeValue(vb);
    return eq;
}

static gboolean value_equal(xmlNodePtr p, const char *value)
{
    xmlChar *want = xmlNodeGetContent(p);
    gboolean eq;
    int x = xsd_equal(p, want ? (const char *)want : "", value);
    if (x >= 0) {
        eq = x;
    } else if (keeps_spaces(p)) {
        eq = !strcmp(want ? (const char *)want : "", value);
    } else {
        char *a = normalize(want ? (const char *)want : ""), *b = normalize(value);
        eq = !strcmp(a, b);
        g_free(a);
        g_free(b);
    }
    xmlFree(want);
    return eq;
}

static gboolean seq_ok(cg_rng *r, xmlNodePtr first, const char *value, int depth)
{
    int n = count_patterns(first);
    if (n == 0)
        return TRUE;
    if (n > 1)
        return TRUE;   /* a group of values: not modelled, accepted */
    for (; first; first = first->next)
        if (is_rng(first, NULL))
            return pattern_ok(r, first, value, depth);
    return TRUE;
}

/* Does token match one of the values or datatypes inside a <list>? (How many
 * tokens a list takes is not modelled.) */
static gboolean token_ok(cg_rng *r, xmlNodePtr p, const char *tok, int depth, gboolean *leaves)
{
    if (depth > MAX_DEPTH)
        return TRUE;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (!is_rng(c, NULL))
            continue;
        if (is_rng(c, "data") || is_rng(c, "value")) {
            *leaves = TRUE;
            if (is_rng(c, "data") ? data_ok(r, c, tok) : value_equal(c, tok))
                return TRUE;
        } else if (is_rng(c, "ref") && prop(c, "name")) {
            GPtrArray *defs = g_hash_table_lookup(r->defines, prop(c, "name"));
            for (guint i = 0; defs && i < defs->len; i++)
                if (token_ok(r, g_ptr_array_index(defs, i), tok, depth + 1, leaves))
                    return TRUE;
        } else if (token_ok(r, c, tok, depth + 1, leaves)) {
            return TRUE;
        }
    }
    return FALSE;
}

/* The first token of value that a <list> does not allow (caller frees), or NULL. */
static char *list_bad_token(cg_rng *r, xmlNodePtr list, const char *value)
{
    char *v = normalize(value), *bad = NULL;
    char **toks = g_strsplit(v, " ", -1);
    for (int i = 0; toks[i] && !bad; i++) {
        gboolean leaves = FALSE;
        if (*toks[i] && !token_ok(r, list, toks[i], 0, &leaves) && leaves)
            bad = g_strdup(toks[i]);
    }
    g_strfreev(toks);
    g_free(v);
    return bad;
}

char *cg_rng_bad_token(cg_rng *r, const rng_model *m, const char *value)
{
    for (guint i = 0; i < m->data->len; i++) {
        xmlNodePtr p = g_ptr_array_index(m->data, i);
        if (is_rng(p, "list"))
            return list_bad_token(r, p, value);
    }
    return NULL;
}

static gboolean pattern_ok(cg_rng *r, xmlNodePtr p, const char *value, int depth)
{
    const char *k = (const char *)p->name;
    if (depth > MAX_DEPTH)
        return TRUE;
    if (!strcmp(k, "data"))
        return data_ok(r, p, value);
    if (!strcmp(k, "value"))
        return value_equal(p, value);
    if (!strcmp(k, "empty"))
        return !*value;
    if (!strcmp(k, "notAllowed"))
        return FALSE;
    if (!strcmp(k, "choice")) {
        for (xmlNodePtr c = p->children; c; c = c->next)
            if (is_rng(c, NULL) && pattern_ok(r, c, value, depth + 1))
                return TRUE;
        return FALSE;
    }
    if (!strcmp(k, "optional"))
        return !*value || seq_ok(r, p->children, value, depth + 1);
    if (!strcmp(k, "group"))
        return seq_ok(r, p->children, value, depth + 1);
    if (!strcmp(k, "ref")) {
        GPtrArray *defs = prop(p, "name") ? g_hash_table_lookup(r->defines, prop(p, "name")) : NULL;
        for (guint i = 0; defs && i < defs->len; i++)
            if (seq_ok(r, ((xmlNodePtr)g_ptr_array_index(defs, i))->children, value, depth + 1))
                return TRUE;
        return !defs;
    }
    if (!strcmp(k, "list"))
        return !list_bad_token(r, p, value);
    return TRUE;   /* text and the rest: accepted */
}

gboolean cg_rng_value_ok(cg_rng *r, xmlNodePtr p, const char *value)
{
    return seq_ok(r, content_first(p), value, 0);
}

gboolean cg_rng_data_ok(cg_rng *r, const rng_model *m, const char *value)
{
    for (guint i = 0; i < m->data->len; i++)
        if (pattern_ok(r, g_ptr_array_index(m->data, i), value, 0))
            return TRUE;
    return m->data->len == 0;
}

/* ---- what a value should be ------------------------------------------- */

typedef struct {
    const xmlChar *what, *form, *example;   /* from annotations or the type table */
    GPtrArray *values;                      /* of xmlChar*, the values of a choice */
    const xmlChar *type;
    xmlChar *pattern;
    long min_length;
} desc;

static const struct {
    const char *type, *what, *form, *example;
} builtin[] = {
    { "date", "a date", "YYYY-MM-DD", "2025-08-18" },
    { "dateTime", "a date and time", "YYYY-MM-DDThh:mm:ss", "2025-11-21T23:59:00" },
    { "time", "a time of day", "hh:mm:ss", "14:30:00" },
    { "gYear", "a year", "YYYY", "2025" },
    { "positiveInteger", "a positive whole number", "digits only", "50" },
    { "nonNegativeInteger", "a whole number", "digits only", "2" },
    { "integer", "a whole number", "digits, with - before a negative number", "-3" },
    { "decimal", "a number", "digits, with . before the decimals", "2.5" },
    { "NCName", "a name", "a letter or _ first, then letters, digits, -, _ or ., "
                "with no spaces and no colon", "para-1" },
    { "ID", "a name", "a letter or _ first, then letters, digits, -, _ or ., "
            "with no spaces and no colon", "para-1" },
    { "IDREF", "a name", "a letter or _ first, then letters, digits, -, _ or ., "
               "with no spaces and no colon", "annex-1" },
    { "language", "a language tag", "a BCP 47 tag", "en" },
    { "anyURI", "a web address", "the address with no spaces", "https://www.itu.int/" },
    { "boolean", "true or false", "true or false", NULL },
};

static gboolean annotated(xmlNodePtr n, desc *d)
{
    xmlAttrPtr a = xmlHasNsProp(n, (const xmlChar *)"what", (const xmlChar *)CG_RNG_ANNOT_NS);
    if (!a || !a->children)
        return FALSE;
    d->what = a->children->content;
    a = xmlHasNsProp(n, (const xmlChar *)"form", (const xmlChar *)CG_RNG_ANNOT_NS);
    d->form = a && a->children ? a->children->content : NULL;
    a = xmlHasNsProp(n, (const xmlChar *)"example", (const xmlChar *)CG_RNG_ANNOT_NS);
    d->example = a && a->children ? a->children->content : NULL;
    return TRUE;
}

static void describe_data(xmlNodePtr p, desc *d)
{
    if (!d->type)
        d->type = prop(p, "type") && is_xsd(p) ? prop(p, "type") : (const xmlChar *)"";
    for (xmlNodePtr c = p->children; c; c = c->next) {
        const xmlChar *name = is_rng(c, "param") ? prop(c, "name") : NULL;
        if (name && xmlStrEqual(name, (const xmlChar *)"pattern") && !d->pattern)
            d->pattern = xmlNodeGetContent(c);
        if (name && xmlStrEqual(name, (const xmlChar *)"minLength")) {
            xmlChar *v = xmlNodeGetContent(c);
            d->min_length = v ? strtol((const char *)v, NULL, 10) : 0;
            xmlFree(v);
        }
    }
}

static void describe_pat(cg_rng *r, xmlNodePtr p, desc *d, int depth)
{
    const char *k = (const char *)p->name;
    if (depth > MAX_DEPTH || d->what || !is_rng(p, NULL) || annotated(p, d))
        return;
    if (!strcmp(k, "value")) {
        xmlChar *v = xmlNodeGetContent(p);
        for (guint i = 0; v && i < d->values->len; i++)
            if (xmlStrEqual(g_ptr_array_index(d->values, i), v))
                xmlFree(v), v = NULL;
        if (v)
            g_ptr_array_add(d->values, v);
    } else if (!strcmp(k, "data")) {
        describe_data(p, d);
    } else if (!strcmp(k, "ref")) {
        GPtrArray *defs = prop(p, "name") ? g_hash_table_lookup(r->defines, prop(p, "name")) : NULL;
        for (guint i = 0; defs && i < defs->len && !d->what; i++) {
            xmlNodePtr def = g_ptr_array_index(defs, i);
            if (!annotated(def, d))
                for (xmlNodePtr c = def->children; c; c = c->next)
                    describe_pat(r, c, d, depth + 1);
        }
    } else if (strcmp(k, "element") && strcmp(k, "attribute")) {
        for (xmlNodePtr c = p->children; c; c = c->next)
            describe_pat(r, c, d, depth + 1);
    }
}

static void describe_type(desc *d)
{
    for (size_t i = 0; !d->what && d->type && i < G_N_ELEMENTS(builtin); i++)
        if (!strcmp((const char *)d->type, builtin[i].type)) {
            d->what = (const xmlChar *)builtin[i].what;
            d->form = (const xmlChar *)builtin[i].form;
            d->example = (const xmlChar *)builtin[i].example;
        }
}

static void append_what(GString *s, const desc *d)
{
    g_string_append_printf(s, "is not %s", d->what);
    if (d->form)
        g_string_append_printf(s, "; write %s", d->form);
    if (d->example)
        g_string_append_printf(s, "%s %s", d->form ? ", e.g." : "; e.g.", d->example);
}

/* The schema's own words for the first of pats that has an a:documentation. */
static void append_doc(GString *s, GPtrArray *pats)
{
    for (guint i = 0; i < pats->len; i++)
        for (xmlNodePtr c = ((xmlNodePtr)g_ptr_array_index(pats, i))->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && c->ns &&
                xmlStrEqual(c->ns->href, (const xmlChar *)A_NS) &&
                xmlStrEqual(c->name, (const xmlChar *)"documentation")) {
                xmlChar *text = xmlNodeGetContent(c);
                char *n = normalize(text ? (const char *)text : "");
                if (*n)
                    g_string_append_printf(s, "; the schema says: %s", n);
                g_free(n);
                xmlFree(text);
                return;
            }
}

char *cg_rng_describe(cg_rng *r, GPtrArray *pats, const char *value)
{
    desc d = { 0 };
    d.values = g_ptr_array_new_with_free_func(xmlFree);
    for (guint i = 0; i < pats->len && !d.what; i++) {
        xmlNodePtr pat = g_ptr_array_index(pats, i);
        if (!annotated(pat, &d))
            for (xmlNodePtr c = content_first(pat); c; c = c->next)
                describe_pat(r, c, &d, 0);
    }
    if (!d.pattern)
        describe_type(&d);
    GString *s = g_string_new(NULL);
    if (d.values->len) {
        char *list = cg_rng_or_list(d.values);
        g_string_append_printf(s, "is not allowed; write %s", list);
        g_free(list);
        if (d.what)
            g_string_append_printf(s, ", or %s", d.what);
    } else if (d.what) {
        append_what(s, &d);
    } else if (d.min_length > 0 && g_utf8_strlen(value, -1) < d.min_length) {
        g_string_append_printf(s, "is too short: write at least %ld character%s", d.min_length,
                               d.min_length == 1 ? "" : "s");
    } else if (d.pattern) {
        g_string_append_printf(s, "does not have the form the schema requires (pattern %s)",
                               d.pattern);
        append_doc(s, pats);
    } else {
        g_string_append(s, "is not allowed here");
        append_doc(s, pats);
    }
    xmlFree(d.pattern);
    g_ptr_array_free(d.values, TRUE);
    return g_string_free(s, FALSE);
}

/* ---- words ------------------------------------------------------------ */

char *cg_rng_or_list(GPtrArray *items)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < items->len; i++) {
        if (i > 0)
            g_string_append(s, i + 1 == items->len ? " or " : ", ");
        g_string_append(s, g_ptr_array_index(items, i));
    }
    return g_string_free(s, FALSE);
}

int cg_rng_distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 64 || lb > 64)
        return 1000;
    int d[65][65];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = MIN(d[i - 1][j] + 1, MIN(d[i][j - 1] + 1, d[i - 1][j - 1] + cost));
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = MIN(v, d[i - 2][j - 2] + 1);
            d[i][j] = v;
        }
    return d[la][lb];
}

const char *cg_rng_closest(const char *word, GPtrArray *candidates)
{
    const char *best = NULL;
    int bestd = 1000;
    char *w = g_ascii_strdown(word, -1);
    for (guint i = 0; i < candidates->len; i++) {
        const char *c = g_ptr_array_index(candidates, i);
        char *lc = g_ascii_strdown(c, -1);
        size_t lw = strlen(w), ll = strlen(lc);
        int limit = ll <= 3 ? 1 : ll <= 8 ? 2 : 3;
        int d = cg_rng_distance(w, lc);
        const char *colon = strchr(lc, ':');
        if (colon && !strchr(w, ':'))   /* "lang" for "xml:lang" */
            d = MIN(d, cg_rng_distance(w, colon + 1) + 1);
        size_t shorter = MIN(lw, ll);
        if (d > limit && shorter >= 3 && (g_str_has_prefix(w, lc) || g_str_has_prefix(lc, w)))
            d = limit;   /* "paragraph" for "para", "sum" for "summary" */
        if (d >= (int)MAX(lw, ll))
            d = 1000;   /* nothing in common: <b> is no slip for <p> */
        if (d <= limit && d < bestd) {
            best = c;
            bestd = d;
        }
        g_free(lc);
    }
    g_free(w);
    return best;
}
