/* parallel.c — the parallel edition: two language versions of one document side by side.
 *
 * Each version is made into XSL-FO by its type's fo.xsl in its own language (strings,
 * fonts, typography), with the form fields off (two forms would share field names).
 * The two flows are then aligned: children of the flow are paired by id (the units'
 * ids, the same in every version), id-less ones by position and name between them;
 * a pair of blocks or lists that hold units is aligned again inside, so that rows are
 * units (paragraphs, draft entries) rather than whole annexes. Each pair becomes a row
 * of a two-column table: each cell holds its side's object inside shallow copies of its
 * ancestors (their inherited properties: font, language, alignment), and the root's
 * and flow's inheritable properties; a unit missing on one side is an empty cell with
 * a marker. The first version gives the page masters, static content, bookmarks and
 * metadata, its page masters turned to landscape; the second's ids get the suffix "-b"
 * (its links follow them). The reply form's table is one object: it is paired whole. */
#include "render.h"
#include "transform.h"
#include "fo/fo.h"
#include "base/base.h"

#include <string.h>

#define FO_NS "http://www.w3.org/1999/XSL/Format"

typedef struct {
    xmlDocPtr out;
    xmlNodePtr body;            /* fo:table-body of the rows */
    GHashTable *placed;         /* ids already given to an element of the output */
    GHashTable *ids_b;          /* ids of the second version */
    xmlNodePtr root[2], flow[2];
    int rows, missing[2];
    xmlChar *row_break;         /* a break-before of an ancestor begun in the row being made */
    gboolean html;              /* aligning two HTML pages (cg_render_parallel_html) */
    const char *lang[2];        /* html: the pages' languages */
} par;

static gboolean is_fo(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, FO_NS) &&
           (!name || !strcmp((const char *)n->name, name));
}

static xmlNodePtr fo_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (is_fo(c, name))
            return c;
    return NULL;
}

static const char *id_of(xmlNodePtr n)
{
    xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)"id");
    return a && a->children ? (const char *)a->children->content : NULL;
}

/* Attributes a copied ancestor keeps: inherited ones, not its place, breaks or id. */
static gboolean inherited_attr(const char *name)
{
    static const char *const keep[] = { "font-family", "font-size", "font-weight", "font-style", "line-height",
        "language", "country", "lang", "text-align", "text-align-last", "hyphenate", "color", "writing-mode",
        "start-indent", "end-indent", "cjk-latin-spacing", "provisional-distance-between-starts",
        "provisional-label-separation", "text-indent", "letter-spacing", "word-spacing" };
    for (size_t i = 0; i < G_N_ELEMENTS(keep); i++)
        if (!strcmp(name, keep[i]))
            return TRUE;
    return FALSE;
}

/* A shallow copy of n (in the output's FO namespace) with its inherited attributes only. */
static xmlNodePtr shallow(par *P, xmlNodePtr n)
{
    xmlNodePtr c = xmlNewDocNode(P->out, P->body->ns, n->name, NULL);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *nm = (const char *)a->name;
        if (!inherited_attr(nm))
            continue;
        xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
        xmlSetNsProp(c, a->ns, a->name, v);
        xmlFree(v);
    }
    return c;
}

/* In the second version's copy: ids with "-b", links and citations following them. */
static void rename_b(par *P, xmlNodePtr n)
{
    static const char *const refs[] = { "id", "internal-destination", "ref-id", "ref-id-last" };
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        for (size_t i = 0; i < G_N_ELEMENTS(refs); i++) {
            xmlChar *v = xmlGetNoNsProp(c, (const xmlChar *)refs[i]);
            if (v && (i == 0 || g_hash_table_contains(P->ids_b, v))) {
                char *nv = g_strconcat((const char *)v, "-b", NULL);
                xmlSetProp(c, (const xmlChar *)refs[i], (const xmlChar *)nv);
                g_free(nv);
            }
            xmlFree(v);
        }
        rename_b(P, c->children);
    }
}

static void strip_breaks(xmlNodePtr n)
{
    xmlUnsetProp(n, (const xmlChar *)"break-before");
    xmlUnsetProp(n, (const xmlChar *)"break-after");
}

/* One side of a row: the object inside copies of its ancestors (chain), or a marker. */
static xmlNodePtr cell(par *P, int side, GPtrArray *chain, xmlNodePtr n)
{
    xmlNodePtr tc = xmlNewDocNode(P->out, NULL, (const xmlChar *)"table-cell", NULL);
    xmlSetNs(tc, P->body->ns);
    xmlSetProp(tc, (const xmlChar *)"padding", (const xmlChar *)"2pt 4pt");
    xmlNodePtr outer = shallow(P, P->root[side]);     /* the root's and flow's properties */
    xmlNodeSetName(outer, (const xmlChar *)"block");
    xmlNodePtr fl = shallow(P, P->flow[side]);
    for (xmlAttrPtr a = fl->properties; a; a = a->next) {
        xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
        xmlSetNsProp(outer, a->ns, a->name, v);
        xmlFree(v);
    }
    xmlFreeNode(fl);
    xmlAddChild(tc, outer);
    if (!n) {
        xmlNodePtr m = xmlNewDocNode(P->out, outer->ns, (const xmlChar *)"block", (const xmlChar *)"\xe2\x80\x94");
        xmlSetProp(m, (const xmlChar *)"color", (const xmlChar *)"#808080");
        xmlSetProp(m, (const xmlChar *)"text-align", (const xmlChar *)"center");
        xmlAddChild(outer, m);
        P->missing[side]++;
        return tc;
    }
    xmlNodePtr at = outer;
    for (guint i = 0; i < chain->len; i++) {
        xmlNodePtr anc = chain->pdata[i];
        xmlNodePtr w = shallow(P, anc);
        const char *id = id_of(anc);
        if (id && side == 0 && !g_hash_table_contains(P->placed, id)) {
            xmlSetProp(w, (const xmlChar *)"id", (const xmlChar *)id);
            g_hash_table_add(P->placed, g_strdup(id));
            if (!P->row_break)      /* an annex's new page: its first row's */
                P->row_break = xmlGetNoNsProp(anc, (const xmlChar *)"break-before");
        } else if (id && side == 1) {
            char *bid = g_strconcat(id, "-b", NULL);
            if (!g_hash_table_contains(P->placed, bid)) {
                xmlSetProp(w, (const xmlChar *)"id", (const xmlChar *)bid);
                g_hash_table_add(P->placed, bid);
            } else
                g_free(bid);
        }
        xmlAddChild(at, w);
        at = w;
    }
    xmlNodePtr copy = xmlDocCopyNode(n, P->out, 1);
    strip_breaks(copy);
    if (side == 1)
        rename_b(P, copy);
    xmlAddChild(at, copy);
    return tc;
}

static void html_row(par *P, GPtrArray *ca, xmlNodePtr a, GPtrArray *cb, xmlNodePtr b);

static void row(par *P, GPtrArray *ca, xmlNodePtr a, GPtrArray *cb, xmlNodePtr b)
{
    if (P->html) {
        html_row(P, ca, a, cb, b);
        return;
    }
    xmlNodePtr tr = xmlNewDocNode(P->out, P->body->ns, (const xmlChar *)"table-row", NULL);
    xmlAddChild(tr, cell(P, 0, ca, a));
    xmlAddChild(tr, cell(P, 1, cb, b));
    xmlChar *own = a ? xmlGetNoNsProp(a, (const xmlChar *)"break-before") : NULL;
    if (P->row_break || own)
        xmlSetProp(tr, (const xmlChar *)"break-before", P->row_break ? P->row_break : own);
    xmlFree(own);
    xmlFree(P->row_break);
    P->row_break = NULL;
    xmlAddChild(P->body, tr);
    P->rows++;
}

static gboolean is_html(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && (!name || !strcmp((const char *)n->name, name));
}

static gboolean holds_units(par *P, xmlNodePtr n)
{
    static const char *const html_groups[] = { "article", "section", "div", "ul", "ol", "header", "main" };
    gboolean group = FALSE;
    for (size_t i = 0; P->html && i < G_N_ELEMENTS(html_groups); i++)
        group = group || is_html(n, html_groups[i]);
    if (!P->html)
        group = is_fo(n, "block") || is_fo(n, "list-block") || is_fo(n, "block-container");
    if (!group)
        return FALSE;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && id_of(c))
            return TRUE;
    return FALSE;
}

static GPtrArray *elements(par *P, xmlNodePtr n)
{
    GPtrArray *a = g_ptr_array_new();
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (P->html ? is_html(c, NULL) : is_fo(c, NULL))
            g_ptr_array_add(a, c);
    return a;
}

/* Index of the element with id in list from i, or -1. */
static int find_id(GPtrArray *list, guint from, const char *id)
{
    for (guint k = from; id && k < list->len; k++) {
        const char *o = id_of(list->pdata[k]);
        if (o && !strcmp(o, id))
            return (int)k;
    }
    return -1;
}

static void align(par *P, xmlNodePtr pa, xmlNodePtr pb, GPtrArray *cha, GPtrArray *chb, int depth);

static void pair(par *P, xmlNodePtr a, xmlNodePtr b, GPtrArray *cha, GPtrArray *chb, int depth)
{
    if (depth < 20 && holds_units(P, a) && holds_units(P, b) && !strcmp((const char *)a->name, (const char *)b->name)) {
        g_ptr_array_add(cha, a);
        g_ptr_array_add(chb, b);
        align(P, a, b, cha, chb, depth + 1);
        g_ptr_array_set_size(cha, cha->len - 1);
        g_ptr_array_set_size(chb, chb->len - 1);
    } else
        row(P, cha, a, chb, b);
}

/* The children of pa and pb as rows: by id, id-less ones by position and name. */
static void align(par *P, xmlNodePtr pa, xmlNodePtr pb, GPtrArray *cha, GPtrArray *chb, int depth)
{
    GPtrArray *ca = elements(P, pa), *cb = elements(P, pb);
    guint i = 0, j = 0;
    while (i < ca->len || j < cb->len) {
        xmlNodePtr a = i < ca->len ? ca->pdata[i] : NULL, b = j < cb->len ? cb->pdata[j] : NULL;
        const char *ia = a ? id_of(a) : NULL, *ib = b ? id_of(b) : NULL;
        int k;
        if (a && b && ((ia && ib && !strcmp(ia, ib)) || (!ia && !ib && !strcmp((const char *)a->name, (const char *)b->name)))) {
            pair(P, a, b, cha, chb, depth);
            i++, j++;
        } else if (a && ia && (k = find_id(cb, j, ia)) >= 0) {
            for (; j < (guint)k; j++)       /* the second's units before it: not in the first */
                row(P, cha, NULL, chb, cb->pdata[j]);
        } else if (b && ib && (k = find_id(ca, i, ib)) >= 0) {
            for (; i < (guint)k; i++)
                row(P, cha, ca->pdata[i], chb, NULL);
        } else if (a && (ia || !b)) {
            row(P, cha, a, chb, NULL);
            i++;
        } else {
            row(P, cha, NULL, chb, b);
            j++;
        }
    }
    g_ptr_array_free(ca, TRUE);
    g_ptr_array_free(cb, TRUE);
}

static void collect_ids(xmlNodePtr n, GHashTable *ids)
{
    for (xmlNodePtr c = n; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            const char *id = id_of(c);
            if (id)
                g_hash_table_add(ids, g_strdup(id));
            collect_ids(c->children, ids);
        }
}

/* Two columns want the width of a landscape page: the page masters turned. */
static void landscape(xmlNodePtr masters)
{
    for (xmlNodePtr m = masters->children; m; m = m->next) {
        if (!is_fo(m, "simple-page-master"))
            continue;
        xmlChar *w = xmlGetNoNsProp(m, (const xmlChar *)"page-width");
        xmlChar *h = xmlGetNoNsProp(m, (const xmlChar *)"page-height");
        if (w && h) {
            xmlSetProp(m, (const xmlChar *)"page-width", h);
            xmlSetProp(m, (const xmlChar *)"page-height", w);
        }
        xmlFree(w);
        xmlFree(h);
    }
}

/* The output document: the first version's root, masters, declarations, bookmarks and
 * page-sequence with its static content, and a flow of one two-column table. */
static xmlNodePtr skeleton(par *P, xmlNodePtr ra, xmlNodePtr psa, xmlNodePtr flow_a)
{
    P->out = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlDocCopyNode(ra, P->out, 2);
    xmlDocSetRootElement(P->out, root);
    for (xmlNodePtr c = ra->children; c; c = c->next)
        if (is_fo(c, "layout-master-set") || is_fo(c, "declarations") || is_fo(c, "bookmark-tree")) {
            xmlNodePtr m = xmlAddChild(root, xmlDocCopyNode(c, P->out, 1));
            if (is_fo(m, "layout-master-set"))
                landscape(m);
        }
    xmlNodePtr ps = xmlDocCopyNode(psa, P->out, 2);
    xmlAddChild(root, ps);
    for (xmlNodePtr c = psa->children; c; c = c->next)
        if (is_fo(c, "static-content") || is_fo(c, "title"))
            xmlAddChild(ps, xmlDocCopyNode(c, P->out, 1));
    xmlNodePtr fl = xmlDocCopyNode(flow_a, P->out, 2);
    xmlAddChild(ps, fl);
    xmlNodePtr tb = xmlNewDocNode(P->out, root->ns, (const xmlChar *)"table", NULL);
    xmlSetProp(tb, (const xmlChar *)"table-layout", (const xmlChar *)"fixed");
    xmlSetProp(tb, (const xmlChar *)"width", (const xmlChar *)"100%");
    xmlAddChild(fl, tb);
    for (int k = 0; k < 2; k++) {
        xmlNodePtr col = xmlNewDocNode(P->out, root->ns, (const xmlChar *)"table-column", NULL);
        xmlSetProp(col, (const xmlChar *)"column-width", (const xmlChar *)"proportional-column-width(1)");
        xmlAddChild(tb, col);
    }
    P->body = xmlNewDocNode(P->out, root->ns, (const xmlChar *)"table-body", NULL);
    xmlAddChild(tb, P->body);
    return root;
}

/* The merged FO of two versions' FO, or NULL with an error. */
/* A length in points halved ("4pt" -> "2pt"); other units and keywords as they are. */
static char *half_pt(const char *v)
{
    char *end = NULL;
    double x = g_ascii_strtod(v, &end);
    if (end == v || strcmp(end, "pt"))
        return g_strdup(v);
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strconcat(g_ascii_formatd(buf, sizeof buf, "%g", x / 2), "pt", NULL);
}

/* A cell's side paddings halved: padding "A" -> "A A/2", "A B ..." -> B (and D) halved. */
static void halve_side_padding(xmlNodePtr cell)
{
    xmlChar *pad = xmlGetProp(cell, BAD_CAST "padding");
    if (pad) {
        char **t = g_strsplit_set(g_strstrip((char *)pad), " ", -1);
        int n = (int)g_strv_length(t);
        if (n >= 1 && n <= 4) {
            GString *v = g_string_new(NULL);
            for (int i = 0; i < (n == 1 ? 2 : n); i++) {
                char *x = (i % 2 == 1) ? half_pt(t[n == 1 ? 0 : i]) : g_strdup(t[n == 1 ? 0 : i]);
                g_string_append_printf(v, "%s%s", i ? " " : "", x);
                g_free(x);
            }
            xmlSetProp(cell, BAD_CAST "padding", BAD_CAST v->str);
            g_string_free(v, TRUE);
        }
        g_strfreev(t);
        xmlFree(pad);
    }
    static const char *const sides[] = { "padding-left", "padding-right", "padding-start", "padding-end" };
    for (size_t i = 0; i < G_N_ELEMENTS(sides); i++) {
        xmlChar *v = xmlGetProp(cell, BAD_CAST sides[i]);
        if (v) {
            char *h = half_pt((const char *)v);
            xmlSetProp(cell, BAD_CAST sides[i], BAD_CAST h);
            g_free(h);
            xmlFree(v);
        }
    }
}

/* The tables of a version in a column half as wide as a page: the cells' side paddings
 * halved and, in a language with hyphenation patterns, words hyphenated in them, so
 * that a narrow column's words ("Recommendation", a bold heading of two hanzi) stay
 * inside its padding. */
static void narrow_cells(xmlNodePtr n, gboolean hyphenate)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_fo(c, "table-cell")) {
            halve_side_padding(c);
            if (hyphenate && !xmlHasProp(c, BAD_CAST "hyphenate"))
                xmlSetProp(c, BAD_CAST "hyphenate", BAD_CAST "true");
        }
        narrow_cells(c, hyphenate);
    }
}

static gboolean hyphenated_lang(xmlNodePtr root)
{
    static const char *const langs[] = { "en", "fr", "es", "ru" };
    xmlChar *l = root ? xmlNodeGetLang(root) : NULL;
    gboolean yes = FALSE;
    for (size_t i = 0; l && i < G_N_ELEMENTS(langs); i++)
        yes |= !g_ascii_strncasecmp((const char *)l, langs[i], 2) && (l[2] == 0 || l[2] == '-');
    xmlFree(l);
    return yes;
}

static xmlDocPtr merge(xmlDocPtr fa, xmlDocPtr fb, cg_diags *d, par *P)
{
    xmlNodePtr ra = xmlDocGetRootElement(fa), rb = xmlDocGetRootElement(fb);
    xmlNodePtr psa = fo_child(ra, "page-sequence"), psb = fo_child(rb, "page-sequence");
    xmlNodePtr fla = NULL, flb = NULL;
    for (xmlNodePtr c = psa ? psa->children : NULL; c; c = c->next)
        if (is_fo(c, "flow")) fla = c;
    for (xmlNodePtr c = psb ? psb->children : NULL; c; c = c->next)
        if (is_fo(c, "flow")) flb = c;
    if (!fla || !flb) {
        cg_diag_add(d, CG_ERROR, NULL, 0, 0, "--parallel: a version's XSL-FO has no page-sequence with a flow");
        return NULL;
    }
    P->root[0] = ra, P->root[1] = rb, P->flow[0] = fla, P->flow[1] = flb;
    narrow_cells(fla, hyphenated_lang(ra));
    narrow_cells(flb, hyphenated_lang(rb));
    skeleton(P, ra, psa, fla);
    collect_ids(flb, P->ids_b);
    GPtrArray *cha = g_ptr_array_new(), *chb = g_ptr_array_new();
    align(P, fla, flb, cha, chb, 0);
    g_ptr_array_free(cha, TRUE);
    g_ptr_array_free(chb, TRUE);
    return P->out;
}

/* A version in a right-to-left language (its root's xml:lang): set on the right. */
static gboolean rtl_doc(xmlDocPtr doc)
{
    static const char *const rtl[] = { "ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "syr" };
    xmlNodePtr r = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlChar *lang = r ? xmlNodeGetLang(r) : NULL;
    gboolean yes = FALSE;
    for (size_t i = 0; lang && i < G_N_ELEMENTS(rtl); i++) {
        size_t n = strlen(rtl[i]);
        yes |= !g_ascii_strncasecmp((const char *)lang, rtl[i], n) && (lang[n] == 0 || lang[n] == '-');
    }
    xmlFree(lang);
    return yes;
}

/* A right-to-left version first and a left-to-right one second: exchanged, so that the
 * right-to-left column stands on the right (the left-to-right version's masters, running
 * header and bookmarks then frame the pages). */
static void rtl_on_the_right(xmlDocPtr *a, xmlDocPtr *b)
{
    if (rtl_doc(*a) && !rtl_doc(*b)) {
        xmlDocPtr t = *a;
        *a = *b;
        *b = t;
    }
}

int cg_render_parallel_pdf(xmlDocPtr a, xmlDocPtr b, const char *out, cg_render_options *opts, cg_diags *d)
{
    rtl_on_the_right(&a, &b);
    cg_render_options ro = opts ? *opts : (cg_render_options){ 0 };
    ro.no_form = TRUE;
    const char *dir_a = NULL, *dir_b = NULL;
    xmlDocPtr fa = cg_render_fo_doc(a, &ro, &dir_a, d);
    xmlDocPtr fb = fa ? cg_render_fo_doc(b, &ro, &dir_b, d) : NULL;
    if (!fa || !fb || strcmp(dir_a, dir_b)) {
        if (fa && fb)
            cg_diag_add(d, CG_ERROR, NULL, 0, 0, "--parallel: the two documents are of different types");
        xmlFreeDoc(fa);
        xmlFreeDoc(fb);
        return CG_EXIT_INVALID;
    }
    par P = { 0 };
    P.placed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    P.ids_b = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    xmlDocPtr fo = merge(fa, fb, d, &P);
    int rc = CG_EXIT_INVALID;
    if (fo) {
        cg_fo_options fopts = { 0 };
        fopts.output = out;
        fopts.base_dir = dir_a;
        char *emblem_dir = opts && opts->emblem ? g_path_get_dirname(opts->emblem) : NULL;
        /* images: the templates, the sources' folders (figures), the emblem's */
        char *src_a = a->URL ? g_path_get_dirname((const char *)a->URL) : g_strdup(".");
        char *src_b = b->URL ? g_path_get_dirname((const char *)b->URL) : g_strdup(".");
        const char *read_dirs[] = { dir_a, src_a, src_b, emblem_dir, NULL };
        fopts.read_dirs = read_dirs;
        fopts.pdfa = ro.pdfa;
        rc = cg_fo_render(fo, &fopts, d) == 0 ? CG_EXIT_OK : CG_EXIT_ERROR;
        if (opts)
            opts->pages = fopts.page_count;
        g_free(emblem_dir);
        g_free(src_a);
        g_free(src_b);
        xmlFreeDoc(fo);
    }
    g_hash_table_destroy(P.placed);
    g_hash_table_destroy(P.ids_b);
    xmlFreeDoc(fa);
    xmlFreeDoc(fb);
    return rc;
}

/* ---- HTML ------------------------------------------------------------------------ */

/* A shallow copy of an HTML element: its class (the page's CSS), lang and dir. */
static xmlNodePtr html_shallow(par *P, xmlNodePtr n)
{
    xmlNodePtr c = xmlNewDocNode(P->out, NULL, n->name, NULL);
    static const char *const keep[] = { "class", "lang", "dir" };
    for (size_t i = 0; i < G_N_ELEMENTS(keep); i++) {
        xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)keep[i]);
        if (v)
            xmlSetProp(c, (const xmlChar *)keep[i], v);
        xmlFree(v);
    }
    return c;
}

/* The second page's ids with "-b", its links to them following. */
static void html_rename_b(par *P, xmlNodePtr n)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *v = xmlGetNoNsProp(c, (const xmlChar *)"id");
        if (v) {
            char *nv = g_strconcat((const char *)v, "-b", NULL);
            xmlSetProp(c, (const xmlChar *)"id", (const xmlChar *)nv);
            g_free(nv);
        }
        xmlFree(v);
        v = xmlGetNoNsProp(c, (const xmlChar *)"href");
        if (v && v[0] == '#' && g_hash_table_contains(P->ids_b, v + 1)) {
            char *nv = g_strconcat((const char *)v, "-b", NULL);
            xmlSetProp(c, (const xmlChar *)"href", (const xmlChar *)nv);
            g_free(nv);
        }
        xmlFree(v);
        html_rename_b(P, c->children);
    }
}

static xmlNodePtr html_cell(par *P, int side, GPtrArray *chain, xmlNodePtr n)
{
    xmlNodePtr td = xmlNewDocNode(P->out, NULL, (const xmlChar *)"td", NULL);
    xmlSetProp(td, (const xmlChar *)"lang", (const xmlChar *)P->lang[side]);
    if (!n) {
        xmlSetProp(td, (const xmlChar *)"class", (const xmlChar *)"missing");
        xmlNewTextChild(td, NULL, (const xmlChar *)"span", (const xmlChar *)"\xe2\x80\x94");
        P->missing[side]++;
        return td;
    }
    xmlNodePtr at = td;
    for (guint i = 0; i < chain->len; i++) {
        xmlNodePtr anc = chain->pdata[i], w = html_shallow(P, anc);
        const char *id = id_of(anc);
        char *cid = id ? (side ? g_strconcat(id, "-b", NULL) : g_strdup(id)) : NULL;
        if (cid && !g_hash_table_contains(P->placed, cid)) {
            xmlSetProp(w, (const xmlChar *)"id", (const xmlChar *)cid);
            g_hash_table_add(P->placed, cid);
        } else
            g_free(cid);
        xmlAddChild(at, w);
        at = w;
    }
    xmlNodePtr copy = xmlDocCopyNode(n, P->out, 1);
    if (side == 1)
        html_rename_b(P, copy);
    xmlAddChild(at, copy);
    return td;
}

static void html_row(par *P, GPtrArray *ca, xmlNodePtr a, GPtrArray *cb, xmlNodePtr b)
{
    xmlNodePtr tr = xmlNewDocNode(P->out, NULL, (const xmlChar *)"tr", NULL);
    xmlAddChild(tr, html_cell(P, 0, ca, a));
    xmlAddChild(tr, html_cell(P, 1, cb, b));
    xmlAddChild(P->body, tr);
    P->rows++;
}

static xmlNodePtr find_el(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (is_html(c, name))
            return c;
        xmlNodePtr r = c->type == XML_ELEMENT_NODE ? find_el(c->children, name) : NULL;
        if (r)
            return r;
    }
    return NULL;
}

/* The first page with its body replaced by the table of rows. */
static gboolean html_merge(par *P, xmlDocPtr ha, xmlDocPtr hb)
{
    xmlNodePtr ba = find_el(ha->children, "body"), bb = find_el(hb->children, "body");
    xmlNodePtr ra = find_el(ha->children, "html"), rb = find_el(hb->children, "html");
    if (!ba || !bb || !ra || !rb)
        return FALSE;
    P->out = xmlCopyDoc(ha, 1);
    xmlNodePtr body = find_el(P->out->children, "body"), head = find_el(P->out->children, "head");
    xmlNodePtr c;
    while ((c = body->children)) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    xmlChar *la = xmlGetNoNsProp(ra, (const xmlChar *)"lang"), *lb = xmlGetNoNsProp(rb, (const xmlChar *)"lang");
    P->lang[0] = g_strdup(la ? (const char *)la : "");
    P->lang[1] = g_strdup(lb ? (const char *)lb : "");
    xmlFree(la);
    xmlFree(lb);
    if (head)
        xmlNewTextChild(head, NULL, (const xmlChar *)"style", (const xmlChar *)
            "table.parallel{width:100%;border-collapse:collapse}"
            "table.parallel>tbody>tr>td{width:50%;vertical-align:top;padding:0 1em}"
            "table.parallel td.missing{text-align:center;color:#808080}");
    xmlNodePtr tb = xmlNewChild(body, NULL, (const xmlChar *)"table", NULL);
    xmlSetProp(tb, (const xmlChar *)"class", (const xmlChar *)"parallel");
    P->body = xmlNewChild(tb, NULL, (const xmlChar *)"tbody", NULL);
    collect_ids(bb->children, P->ids_b);
    GPtrArray *cha = g_ptr_array_new(), *chb = g_ptr_array_new();
    align(P, ba, bb, cha, chb, 0);
    g_ptr_array_free(cha, TRUE);
    g_ptr_array_free(chb, TRUE);
    return TRUE;
}

int cg_render_parallel_html(xmlDocPtr a, xmlDocPtr b, const char *out, cg_diags *d)
{
    rtl_on_the_right(&a, &b);
    xmlDocPtr ha = cg_render_html_doc(a, d);
    xmlDocPtr hb = ha ? cg_render_html_doc(b, d) : NULL;
    int rc = CG_EXIT_INVALID;
    par P = { 0 };
    P.html = TRUE;
    P.placed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    P.ids_b = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    xmlNodePtr ra = xmlDocGetRootElement(a), rb = xmlDocGetRootElement(b);
    if (ha && hb && (!ra->ns || !rb->ns || strcmp((const char *)ra->ns->href, (const char *)rb->ns->href)))
        cg_diag_add(d, CG_ERROR, NULL, 0, 0, "--parallel: the two documents are of different types");
    else if (ha && hb && html_merge(&P, ha, hb)) {
        char *buf = NULL;
        size_t len = 0;
        rc = cg_transform_serialize(P.out, a, "html.xsl", &buf, &len, d) == 0 &&
             cg_write_file(out, buf, len, d) == 0 ? CG_EXIT_OK : CG_EXIT_ERROR;
        g_free(buf);
    }
    if (P.out)
        xmlFreeDoc(P.out);
    g_free((char *)P.lang[0]);
    g_free((char *)P.lang[1]);
    g_hash_table_destroy(P.placed);
    g_hash_table_destroy(P.ids_b);
    xmlFreeDoc(ha);
    xmlFreeDoc(hb);
    return rc;
}
