/* explain.c — see explain.h. */
#include "explain.h"

#include <math.h>
#include <string.h>

#define MAX_SHOWN 40          /* characters of a value quoted in a message */
#define MAX_DEPTH 400
#define BUDGET 200000         /* element checks per document before giving up */

typedef struct {
    xmlNodePtr node;
    char *text;
    int depth;                /* of the element the message is about */
} xmsg;

typedef struct {
    cg_rng *r;
    long budget;
    gboolean gave_up;
    const rng_model *whole;   /* while the content of an element with branches is */
    const rng_model *branch;  /* checked: its model, and the branch being tried */
} xctx;

static void msg_free(gpointer p)
{
    xmsg *m = p;
    g_free(m->text);
    g_free(m);
}

static void add_msg(GPtrArray *out, xmlNodePtr node, int depth, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

static void add_msg(GPtrArray *out, xmlNodePtr node, int depth, const char *fmt, ...)
{
    xmsg *m = g_new0(xmsg, 1);
    va_list ap;
    va_start(ap, fmt);
    m->text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    m->node = node;
    m->depth = depth;
    g_ptr_array_add(out, m);
}

/* A value as quoted in a message: spaces collapsed, at most MAX_SHOWN characters,
 * characters that are not printable (controls, format characters) as \uXXXX. */
static char *shown(const char *v)
{
    GString *s = g_string_new(NULL);
    int n = 0;
    gboolean space = FALSE;
    if (!g_utf8_validate(v, -1, NULL))
        return g_string_free(s, FALSE);
    for (const char *p = v; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c)) {
            space = s->len > 0;
            continue;
        }
        if (n >= MAX_SHOWN) {
            g_string_append(s, "…");
            break;
        }
        if (space) {
            g_string_append_c(s, ' ');
            n++;
        }
        space = FALSE;
        if (g_unichar_isprint(c))
            g_string_append_unichar(s, c);
        else   /* C1 controls, bidi overrides: shown, never obeyed by the terminal */
            g_string_append_printf(s, "\\u%04X", c);
        n++;
    }
    return g_string_free(s, FALSE);
}

static char *qname(const xmlNs *ns, const xmlChar *name)
{
    if (ns && ns->prefix)
        return g_strdup_printf("%s:%s", ns->prefix, name);
    return g_strdup((const char *)name);
}

static char *tag(xmlNodePtr el)
{
    char *q = qname(el->ns, el->name);
    char *t = g_strdup_printf("<%s>", q);
    g_free(q);
    return t;
}

/* The element with the attribute that tells it from its siblings, if any:
 * <draft number="X.1062">. The first attribute other than id, else id. */
static char *label(xmlNodePtr el)
{
    xmlAttrPtr pick = NULL;
    for (xmlAttrPtr a = el->properties; a && !pick; a = a->next)
        if (!a->ns && !xmlStrEqual(a->name, (const xmlChar *)"id"))
            pick = a;
    if (!pick)
        pick = xmlHasNsProp(el, (const xmlChar *)"id", NULL);
    if (!pick)
        return tag(el);
    xmlChar *v = xmlNodeListGetString(el->doc, pick->children, 1);
    char *s = shown(v ? (const char *)v : "");
    char *q = qname(el->ns, el->name);
    char *l = g_strdup_printf("<%s %s=\"%s\">", q, pick->name, s);
    g_free(q);
    g_free(s);
    xmlFree(v);
    return l;
}

static const xmlChar *ns_of(xmlNodePtr el)
{
    return el->ns ? el->ns->href : (const xmlChar *)"";
}

static void add_unique(GPtrArray *names, const char *name)
{
    for (guint i = 0; i < names->len; i++)
        if (!strcmp(g_ptr_array_index(names, i), name))
            return;
    g_ptr_array_add(names, g_strdup(name));
}

/* "<a>, <b> or <c>" of bare names. */
static char *tags_list(GPtrArray *names, const char *end)
{
    GPtrArray *t = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        g_ptr_array_add(t, strcmp(n, "*") ? g_strdup_printf("<%s>", n) : g_strdup("any element"));
    }
    if (end)
        g_ptr_array_add(t, g_strdup(end));
    char *s = cg_rng_or_list(t);
    g_ptr_array_free(t, TRUE);
    return s;
}

static char *and_list(GPtrArray *names)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++) {
        if (i > 0)
            g_string_append(s, i + 1 == names->len ? " and " : ", ");
        g_string_append(s, g_ptr_array_index(names, i));
    }
    return g_string_free(s, FALSE);
}

static gboolean has_edges(const rng_model *m)
{
    for (guint i = 0; i < m->edges->len; i++)
        if (g_array_index(m->edges, rng_edge, i).elem)
            return TRUE;
    return FALSE;
}

/* The names of the elements that may come next from the states in S. */
static GPtrArray *expected_names(const rng_model *m, const gboolean *S)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < m->edges->len; i++) {
        const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
        if (e->elem && S[e->from])
            cg_rng_pattern_names(e->elem, names);
    }
    return names;
}

static gboolean edge_fits(const rng_edge *e, xmlNodePtr c)
{
    return e->elem && cg_rng_name_matches(e->elem, ns_of(c), c->name);
}

/* ---- attributes ------------------------------------------------------- */

static char *attr_display(xmlAttrPtr a)
{
    return qname(a->ns, a->name);
}

/* The declarations of attribute a in the patterns alts that el may match. */
static GPtrArray *attr_decls(xctx *x, xmlAttrPtr a, GPtrArray *alts)
{
    const xmlChar *ans = a->ns ? a->ns->href : (const xmlChar *)"";
    GPtrArray *pats = g_ptr_array_new();
    for (guint i = 0; i < alts->len; i++) {
        const rng_model *m = cg_rng_model(x->r, g_ptr_array_index(alts, i));
        for (guint k = 0; k < m->attrs->len; k++) {
            rng_attr *d = g_ptr_array_index(m->attrs, k);
            if (xmlStrEqual(d->name, a->name) && xmlStrEqual(d->ns, ans))
                g_ptr_array_add(pats, d->pattern);
        }
    }
    return pats;
}

/* Check the value of a against every declaration of its name; mark them present.
 * Returns FALSE when no declaration has that name. */
static gboolean check_value(xctx *x, xmlNodePtr el, xmlAttrPtr a, const rng_model *m,
                            GPtrArray *alts, gboolean *present, GPtrArray *out, int depth)
{
    const xmlChar *ans = a->ns ? a->ns->href : (const xmlChar *)"";
    xmlNodePtr first = NULL;
    gboolean ok = FALSE;
    xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
    const char *value = v ? (const char *)v : "";
    for (guint k = 0; k < m->attrs->len; k++) {
        rng_attr *d = g_ptr_array_index(m->attrs, k);
        if (!xmlStrEqual(d->name, a->name) || !xmlStrEqual(d->ns, ans))
            continue;
        present[k] = TRUE;
        first = first ? first : d->pattern;
        ok = ok || cg_rng_value_ok(x->r, d->pattern, value);
    }
    if (first && !ok) {
        GPtrArray *pats = attr_decls(x, a, alts);
        char *why = cg_rng_describe(x->r, pats, value), *t = tag(el), *n = attr_display(a);
        g_ptr_array_free(pats, TRUE);
        char *s = shown(value);
        add_msg(out, el, depth, "%s: attribute %s: \"%s\" %s", t, n, s, why);
        g_free(why), g_free(t), g_free(n), g_free(s);
    }
    xmlFree(v);
    return first != NULL;
}

static void unknown_attr(xmlNodePtr el, xmlAttrPtr a, const rng_model *m, gboolean *present,
                         GPtrArray *out, int depth)
{
    GPtrArray *free_names = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 0; k < m->attrs->len; k++) {
        rng_attr *d = g_ptr_array_index(m->attrs, k);
        const char *name = (const char *)cg_rng_pattern_name(d->pattern);
        add_unique(all, name);
        if (!present[k])
            add_unique(free_names, name);
    }
    char *t = tag(el), *n = attr_display(a);
    const rng_attr *other_ns = NULL;
    for (guint k = 0; k < m->attrs->len && !other_ns; k++) {
        rng_attr *d = g_ptr_array_index(m->attrs, k);
        if (xmlStrEqual(d->name, a->name))
            other_ns = d, present[k] = TRUE;
    }
    if (other_ns) {
        const char *disp = (const char *)cg_rng_pattern_name(other_ns->pattern);
        if (*other_ns->ns && strchr(disp, ':'))   /* lang for xml:lang */
            add_msg(out, el, depth, "%s: attribute %s is not allowed; did you mean %s?", t, n, disp);
        else if (*other_ns->ns)
            add_msg(out, el, depth, "%s: attribute %s is not allowed: it must be in namespace "
                    "\"%s\" (with a prefix bound to it)", t, n, other_ns->ns);
        else
            add_msg(out, el, depth, "%s: attribute %s is not allowed: write it without a prefix, "
                    "%s", t, n, a->name);
        g_free(t), g_free(n);
        g_ptr_array_free(free_names, TRUE);
        g_ptr_array_free(all, TRUE);
        return;
    }
    const char *sugg = cg_rng_closest((const char *)a->name, free_names);
    const char *note = "";
    for (guint k = 0; !sugg && k < m->attrs->len; k++) {
        rng_attr *d = g_ptr_array_index(m->attrs, k);
        if (d->required && !present[k]) {   /* "sent" for "submitted" */
            sugg = (const char *)cg_rng_pattern_name(d->pattern);
            note = " (required, and missing)";
        }
    }
    if (sugg) {
        for (guint k = 0; k < m->attrs->len; k++)
            if (!strcmp((const char *)cg_rng_pattern_name(
                            ((rng_attr *)g_ptr_array_index(m->attrs, k))->pattern), sugg))
                present[k] = TRUE;
        add_msg(out, el, depth, "%s: attribute %s is not allowed; did you mean %s%s?", t, n, sugg,
                note);
    } else if (all->len) {
        char *list = and_list(all);
        add_msg(out, el, depth, "%s: attribute %s is not allowed; allowed: %s", t, n, list);
        g_free(list);
    } else {
        add_msg(out, el, depth, "%s: attribute %s is not allowed; %s takes no attributes", t, n, t);
    }
    g_free(t), g_free(n);
    g_ptr_array_free(free_names, TRUE);
    g_ptr_array_free(all, TRUE);
}

static void check_attrs(xctx *x, xmlNodePtr el, const rng_model *m, GPtrArray *alts,
                        GPtrArray *out, int depth)
{
    gboolean *present = g_new0(gboolean, m->attrs->len + 1);
    GPtrArray *unknown = g_ptr_array_new();
    for (xmlAttrPtr a = el->properties; a; a = a->next)
        if (!check_value(x, el, a, m, alts, present, out, depth) && !m->any_attr)
            g_ptr_array_add(unknown, a);
    for (guint i = 0; i < unknown->len; i++)
        unknown_attr(el, g_ptr_array_index(unknown, i), m, present, out, depth);
    GPtrArray *missing = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 0; k < m->attrs->len; k++) {
        rng_attr *d = g_ptr_array_index(m->attrs, k);
        if (d->required && !present[k])
            add_unique(missing, (const char *)cg_rng_pattern_name(d->pattern));
    }
    if (missing->len) {
        char *t = tag(el), *list = and_list(missing);
        add_msg(out, el, depth, "%s lacks the required attribute%s %s", t,
                missing->len > 1 ? "s" : "", list);
        g_free(t), g_free(list);
    }
    g_ptr_array_free(missing, TRUE);
    g_ptr_array_free(unknown, TRUE);
    g_free(present);
}

/* ---- content ---------------------------------------------------------- */

static void check_element(xctx *x, xmlNodePtr el, xmlNodePtr pat, GPtrArray *alts,
                          GPtrArray *out, int depth);

static double score(GPtrArray *msgs, int depth)
{
    double s = 0;
    for (guint i = 0; i < msgs->len; i++)
        s += ldexp(1.0, -4 * (((xmsg *)g_ptr_array_index(msgs, i))->depth - depth));
    return s;
}

/* Match child c against the edges leaving the states S of m: check it against
 * each pattern it may be, move S along the patterns it fits (or the one it fits
 * best) and add that pattern's messages. FALSE when no edge has its name. */
static gboolean step(xctx *x, const rng_model *m, gboolean *S, xmlNodePtr c, GPtrArray *out,
                     int depth)
{
    GPtrArray *cands = g_ptr_array_new();
    for (guint i = 0; i < m->edges->len; i++) {
        const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
        if (S[e->from] && edge_fits(e, c) && !g_ptr_array_find(cands, e->elem, NULL))
            g_ptr_array_add(cands, e->elem);
    }
    if (!cands->len) {
        g_ptr_array_free(cands, TRUE);
        return FALSE;
    }
    GHashTable *chosen = g_hash_table_new(g_direct_hash, g_direct_equal);
    GPtrArray *best = NULL;
    xmlNodePtr best_pat = NULL;
    double best_score = INFINITY;
    for (guint i = 0; i < cands->len; i++) {
        GPtrArray *tmp = g_ptr_array_new_with_free_func(msg_free);
        check_element(x, c, g_ptr_array_index(cands, i), cands, tmp, depth);
        double s = score(tmp, depth);
        if (tmp->len == 0)
            g_hash_table_add(chosen, g_ptr_array_index(cands, i));
        if (s < best_score) {
            if (best)
                g_ptr_array_free(best, TRUE);
            best = tmp, best_score = s, best_pat = g_ptr_array_index(cands, i);
        } else {
            g_ptr_array_free(tmp, TRUE);
        }
    }
    if (!g_hash_table_size(chosen)) {
        g_hash_table_add(chosen, best_pat);
        g_ptr_array_extend_and_steal(out, best);
    } else {
        g_ptr_array_free(best, TRUE);
    }
    gboolean *T = g_new0(gboolean, m->nstates);
    for (guint i = 0; i < m->edges->len; i++) {
        const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
        if (S[e->from] && e->elem && g_hash_table_contains(chosen, e->elem))
            T[e->to] = TRUE;
    }
    cg_rng_closure(m, T);
    memcpy(S, T, sizeof(gboolean) * m->nstates);
    g_free(T);
    g_hash_table_destroy(chosen);
    g_ptr_array_free(cands, TRUE);
    return TRUE;
}

static gboolean given_already(xmlNodePtr c)
{
    for (xmlNodePtr p = c->prev; p; p = p->prev)
        if (p->type == XML_ELEMENT_NODE && xmlStrEqual(p->name, c->name) &&
            xmlStrEqual(ns_of(p), ns_of(c)))
            return TRUE;
    return FALSE;
}

/* May an element like c come in m later than the states S (2), or only elsewhere
 * in m (1), or nowhere in m (0)? */
static int fits_later(const rng_model *m, const gboolean *S, xmlNodePtr c)
{
    gboolean *R = g_memdup2(S, sizeof(gboolean) * m->nstates);
    for (gboolean changed = TRUE; changed;) {
        changed = FALSE;
        for (guint i = 0; i < m->edges->len; i++) {
            const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
            if (R[e->from] && !R[e->to])
                R[e->to] = changed = TRUE;
        }
    }
    int fit = 0;
    for (guint i = 0; i < m->edges->len; i++) {
        const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
        if (edge_fits(e, c))
            fit = MAX(fit, R[e->from] ? 2 : 1);
    }
    g_free(R);
    return fit;
}

/* Where else an element of c's name is allowed: "(<x> comes later)" and the like. */
static char *hint(xctx *x, const rng_model *m, const gboolean *S, xmlNodePtr c)
{
    char *t = tag(c), *h = NULL;
    int fit = fits_later(m, S, c);
    if (given_already(c))
        h = g_strdup_printf(" (%s is given already)", t);
    else if (fit == 2)
        h = g_strdup_printf(" (%s comes later)", t);
    else if (fit == 1)
        h = g_strdup_printf(" (%s comes earlier)", t);
    GPtrArray *elems = cg_rng_elements(x->r), *parents = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < elems->len && !h && parents->len <= 3; i++) {
        const rng_model *pm = cg_rng_model(x->r, g_ptr_array_index(elems, i));
        for (guint j = 0; j < pm->edges->len; j++)
            if (edge_fits(&g_array_index(pm->edges, rng_edge, j), c))
                cg_rng_pattern_names(g_ptr_array_index(elems, i), parents);
    }
    if (!h && parents->len && parents->len <= 3) {
        char *list = tags_list(parents, NULL);
        h = g_strdup_printf(" (%s belongs in %s)", t, list);
        g_free(list);
    }
    g_ptr_array_free(parents, TRUE);
    g_free(t);
    return h ? h : g_strdup("");
}

static gboolean requires_attr(const rng_model *m, const rng_attr *a)
{
    for (guint i = 0; i < m->attrs->len; i++) {
        const rng_attr *b = g_ptr_array_index(m->attrs, i);
        if (b->required && b->name && xmlStrEqual(a->name, b->name) && xmlStrEqual(a->ns, b->ns))
            return TRUE;
    }
    return FALSE;
}

static gboolean has_text(xmlNodePtr el);

static xmlNodePtr first_element(xmlNodePtr el)
{
    xmlNodePtr c = el->children;
    while (c && c->type != XML_ELEMENT_NODE)
        c = c->next;
    return c;
}

/* What el would have to change to be written as branch o of its content rather
 * than branch m, as phrases: its text, the attributes m requires and o does not
 * (or the reverse), its first element. */
static void branch_differences(xmlNodePtr el, const rng_model *m, const rng_model *o,
                               GPtrArray *parts)
{
    if (has_text(el) && !o->text)
        g_ptr_array_add(parts, g_strdup("without text of its own"));
    for (int pass = 0; pass < 2; pass++) {
        const rng_model *a = pass ? o : m, *b = pass ? m : o;
        for (guint i = 0; i < a->attrs->len; i++) {
            const rng_attr *at = g_ptr_array_index(a->attrs, i);
            gboolean has = xmlHasNsProp(el, at->name, *at->ns ? at->ns : NULL) != NULL;
            if (at->required && at->name && !requires_attr(b, at) && has == !pass)
                g_ptr_array_add(parts, g_strdup_printf("%s the attribute %s", pass ? "with" : "without",
                                                       cg_rng_pattern_name(at->pattern)));
        }
    }
    gboolean *S = g_new0(gboolean, o->nstates);
    S[o->start] = TRUE;
    cg_rng_closure(o, S);
    GPtrArray *names = expected_names(o, S);
    xmlNodePtr first = first_element(el);
    gboolean starts_well = FALSE;
    for (guint i = 0; first && i < o->edges->len; i++) {
        const rng_edge *e = &g_array_index(o->edges, rng_edge, i);
        starts_well |= S[e->from] && edge_fits(e, first);
    }
    if (names->len && !starts_well) {
        char *list = tags_list(names, NULL);
        g_ptr_array_add(parts, g_strdup_printf("beginning with %s", list));
        g_free(list);
    }
    g_ptr_array_free(names, TRUE);
    g_free(S);
}

/* When c has no place in branch m of el's content but another branch allows it:
 * " (a <para> holds <para> only when written without text of its own, ...)". */
static char *other_form(const xctx *x, xmlNodePtr el, const rng_model *m, xmlNodePtr c)
{
    if (!el || !x->whole || x->branch != m)
        return NULL;
    for (guint i = 0; i < x->whole->branches->len; i++) {
        const rng_model *o = g_ptr_array_index(x->whole->branches, i);
        gboolean fits = FALSE;
        for (guint k = 0; o != m && k < o->edges->len && !fits; k++)
            fits = edge_fits(&g_array_index(o->edges, rng_edge, k), c);
        if (!fits)
            continue;
        GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
        branch_differences(el, m, o, parts);
        if (!parts->len) {
            g_ptr_array_free(parts, TRUE);
            continue;
        }
        char *t = tag(el), *ct = tag(c), *how = and_list(parts);
        char *h = g_strdup_printf(" (a %s holds %s only when written %s)", t, ct, how);
        g_free(t), g_free(ct), g_free(how);
        g_ptr_array_free(parts, TRUE);
        return h;
    }
    return NULL;
}

/* Child c of el (NULL for the root) has no place in the states S of m. */
static void unexpected(xctx *x, xmlNodePtr el, const rng_model *m, const gboolean *S,
                       xmlNodePtr c, GPtrArray *out, int depth)
{
    GPtrArray *names = expected_names(m, S);
    char *t = tag(c), *where = el ? g_strdup("here") : g_strdup("as the root element");
    const char *sugg = cg_rng_closest((const char *)c->name, names);
    GString *s = g_string_new(NULL);
    g_string_printf(s, "%s is not allowed %s", t, where);
    gboolean same_name = FALSE;
    for (guint i = 0; i < names->len; i++)
        same_name |= xmlStrEqual(g_ptr_array_index(names, i), c->name);
    if (same_name) {
        g_string_append_printf(s, ": it is in %s%s%s, not in the namespace of the document",
                               c->ns ? "namespace \"" : "no namespace",
                               c->ns ? (const char *)c->ns->href : "", c->ns ? "\"" : "");
    } else if (sugg) {
        g_string_append_printf(s, "; did you mean <%s>?", sugg);
    }
    char *end = el && S[m->accept] ? g_strdup_printf("the end of <%s>", el->name) : NULL;
    if (names->len) {
        char *list = tags_list(names, end);
        g_string_append_printf(s, "%s expected: %s", sugg && !same_name ? "" : ";", list);
        g_free(list);
    } else if (el) {
        g_string_append_printf(s, "; <%s> %s", el->name,
                               has_edges(m) ? "can hold nothing more here"
                               : m->text ? "holds only text" : "must be empty");
    }
    if (!sugg && !same_name) {
        char *h = other_form(x, el, m, c);
        h = h ? h : hint(x, m, S, c);
        g_string_append(s, h);
        g_free(h);
    }
    add_msg(out, c, depth, "%s", s->str);
    g_string_free(s, TRUE);
    g_free(end), g_free(t), g_free(where);
    g_ptr_array_free(names, TRUE);
}

/* The elements that may come first on the shortest ways from the states S to a
 * target state (the end of the content when c is NULL, else a state where an
 * element like c may come). */
static GPtrArray *missing_names(const rng_model *m, const gboolean *S, xmlNodePtr c)
{
    int n = m->nstates, *dist = g_new(int, n);
    for (int i = 0; i < n; i++)
        dist[i] = !c && i == m->accept ? 0 : G_MAXINT / 2;
    for (guint i = 0; c && i < m->edges->len; i++) {
        const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
        if (edge_fits(e, c))
            dist[e->from] = 0;
    }
    for (gboolean changed = TRUE; changed;) {
        changed = FALSE;
        for (guint i = 0; i < m->edges->len; i++) {
            const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
            int d = dist[e->to] + (e->elem ? 1 : 0);
            if (d < dist[e->from])
                dist[e->from] = d, changed = TRUE;
        }
    }
    int best = G_MAXINT / 2;
    for (int i = 0; i < n; i++)
        if (S[i])
            best = MIN(best, dist[i]);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; best > 0 && i < m->edges->len; i++) {
        const rng_edge *e = &g_array_index(m->edges, rng_edge, i);
        if (e->elem && S[e->from] && dist[e->to] + 1 == best)
            cg_rng_pattern_names(e->elem, names);
    }
    g_free(dist);
    return names;
}

/* el's content ends in S, which does not accept (c NULL), or goes on with c, which
 * may only come later: say what is missing, after prev or before c. */
static void lacks(xmlNodePtr el, const rng_model *m, const gboolean *S, xmlNodePtr prev,
                  xmlNodePtr c, GPtrArray *out, int depth)
{
    GPtrArray *names = missing_names(m, S, c);
    char *l = label(el);
    if (!names->len) {
        add_msg(out, el, depth, "%s is incomplete", l);
    } else {
        char *list = tags_list(names, NULL);
        char *at = prev ? tag(prev) : c ? tag(c) : NULL;
        add_msg(out, c ? c : el, depth, "%s lacks %s%s%s", l, list,
                prev ? " after " : c ? " before " : "", at ? at : "");
        g_free(at);
        g_free(list);
    }
    g_free(l);
    g_ptr_array_free(names, TRUE);
}

/* c may come later in el: is what comes first missing (TRUE), or is it further
 * on among c's following siblings, so that c is out of order? */
static gboolean is_gap(const rng_model *m, const gboolean *S, xmlNodePtr c)
{
    GPtrArray *names = missing_names(m, S, c);
    gboolean gap = names->len > 0;
    for (xmlNodePtr n = c->next; n && gap; n = n->next)
        for (guint i = 0; n->type == XML_ELEMENT_NODE && i < names->len; i++)
            if (xmlStrEqual(n->name, g_ptr_array_index(names, i)))
                gap = FALSE;
    g_ptr_array_free(names, TRUE);
    return gap;
}

static gboolean blank(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return FALSE;
    return TRUE;
}

static void text_not_allowed(xmlNodePtr el, const rng_model *m, const gboolean *S,
                             xmlNodePtr text, GPtrArray *out, int depth)
{
    char *t = tag(el), *s = shown((const char *)text->content);
    GPtrArray *names = expected_names(m, S);
    if (!has_edges(m)) {
        add_msg(out, el, depth, "%s must be empty; text is not allowed in it (\"%s\")", t, s);
    } else if (names->len) {
        char *list = tags_list(names, NULL);
        add_msg(out, el, depth, "%s: text is not allowed here (\"%s\"); expected: %s", t, s, list);
        g_free(list);
    } else {
        add_msg(out, el, depth, "%s: text is not allowed here (\"%s\")", t, s);
    }
    g_ptr_array_free(names, TRUE);
    g_free(t), g_free(s);
}

/* Is c a second element that an interleave allows once (rng_model.singles)? */
static gboolean repeated_single(const rng_model *m, xmlNodePtr c)
{
    for (guint i = 0; i < m->singles->len; i++) {
        xmlNodePtr once = g_ptr_array_index(m->singles, i);
        if (!cg_rng_name_matches(once, ns_of(c), c->name))
            continue;
        for (xmlNodePtr p = c->prev; p; p = p->prev)
            if (p->type == XML_ELEMENT_NODE && cg_rng_name_matches(once, ns_of(p), p->name))
                return TRUE;
    }
    return FALSE;
}

/* The elements an interleave requires (rng_model.musts) that el does not hold. */
static void lacks_interleaved(xmlNodePtr el, const rng_model *m, GPtrArray *out, int depth)
{
    for (guint i = 0; i < m->musts->len; i++) {
        xmlNodePtr must = g_ptr_array_index(m->musts, i);
        gboolean found = FALSE;
        for (xmlNodePtr c = el->children; c && !found; c = c->next)
            found = c->type == XML_ELEMENT_NODE && cg_rng_name_matches(must, ns_of(c), c->name);
        if (!found) {
            char *l = label(el);
            add_msg(out, el, depth, "%s lacks <%s>", l, cg_rng_pattern_name(must));
            g_free(l);
            return;
        }
    }
}

static void check_content(xctx *x, xmlNodePtr el, const rng_model *m, GPtrArray *out, int depth)
{
    gboolean *S = g_new0(gboolean, m->nstates);
    S[m->start] = TRUE;
    cg_rng_closure(m, S);
    xmlNodePtr prev = NULL;
    for (xmlNodePtr c = el->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!m->text && !m->data->len && !blank(c->content)) {
                text_not_allowed(el, m, S, c, out, depth);
                goto done;
            }
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (repeated_single(m, c)) {
            char *t = tag(c), *p = tag(el);
            add_msg(out, c, depth + 1, "%s is not allowed here: %s holds only one %s", t, p, t);
            g_free(t), g_free(p);
            goto done;
        }
        if (!step(x, m, S, c, out, depth + 1)) {
            if (!given_already(c) && fits_later(m, S, c) == 2 && is_gap(m, S, c))
                lacks(el, m, S, prev, c, out, depth);
            else
                unexpected(x, el, m, S, c, out, depth + 1);
            goto done;
        }
        prev = c;
    }
    if (!S[m->accept])
        lacks(el, m, S, prev, NULL, out, depth);
    else
        lacks_interleaved(el, m, out, depth);
done:
    g_free(S);
}

/* An element of simple content: a value such as a telephone number. */
static void check_simple(xctx *x, xmlNodePtr el, xmlNodePtr pat, const rng_model *m,
                         GPtrArray *out, int depth)
{
    for (xmlNodePtr c = el->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            char *t = tag(c), *p = tag(el);
            add_msg(out, c, depth + 1, "%s is not allowed here; %s holds only text", t, p);
            g_free(t), g_free(p);
            return;
        }
    xmlChar *v = xmlNodeGetContent(el);
    char *bad = cg_rng_bad_token(x->r, m, v ? (const char *)v : "");
    const char *value = bad ? bad : v ? (const char *)v : "";
    if (bad || !cg_rng_data_ok(x->r, m, value)) {
        GPtrArray *pats = g_ptr_array_new();
        g_ptr_array_add(pats, pat);
        char *why = cg_rng_describe(x->r, pats, value), *t = tag(el), *s = shown(value);
        g_ptr_array_free(pats, TRUE);
        add_msg(out, el, depth, "%s: \"%s\" %s", t, s, why);
        g_free(why), g_free(t), g_free(s);
    }
    g_free(bad);
    xmlFree(v);
}

static gboolean has_text(xmlNodePtr el)
{
    for (xmlNodePtr c = el->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && !blank(c->content))
            return TRUE;
    return FALSE;
}

/* How far the messages of a branch let el get: the line of the first one. */
static long reached(GPtrArray *msgs)
{
    long line = G_MAXLONG;
    for (guint i = 0; i < msgs->len; i++)
        line = MIN(line, xmlGetLineNo(((xmsg *)g_ptr_array_index(msgs, i))->node));
    return line;
}

/* el's content is a choice of branches that differ in attributes or text (m's
 * branches): explain it by the branch it fits best, the one with the fewest and
 * deepest messages, then one that allows text when el has text (and none when it
 * has none), then the one whose first message comes furthest into el. */
static void check_branches(xctx *x, xmlNodePtr el, const rng_model *m, GPtrArray *alts,
                           GPtrArray *out, int depth)
{
    gboolean text = has_text(el);
    GPtrArray *best = NULL;
    double best_score = INFINITY;
    long best_reach = 0;
    gboolean best_fit = FALSE;
    for (guint i = 0; i < m->branches->len; i++) {
        const rng_model *b = g_ptr_array_index(m->branches, i);
        GPtrArray *tmp = g_ptr_array_new_with_free_func(msg_free);
        check_attrs(x, el, b, alts, tmp, depth);
        const rng_model *whole = x->whole, *branch = x->branch;
        x->whole = m, x->branch = b;
        check_content(x, el, b, tmp, depth);
        x->whole = whole, x->branch = branch;
        double s = score(tmp, depth);
        gboolean fit = text == (b->text || b->data->len);
        long reach = reached(tmp);
        if (s < best_score ||
            (s == best_score && (fit > best_fit || (fit == best_fit && reach > best_reach)))) {
            if (best)
                g_ptr_array_free(best, TRUE);
            best = tmp, best_score = s, best_reach = reach, best_fit = fit;
        } else {
            g_ptr_array_free(tmp, TRUE);
        }
        if (!best->len)
            break;
    }
    g_ptr_array_extend_and_steal(out, best);
}

/* Check el against pattern pat, one of the patterns alts it may match here. */
static void check_element(xctx *x, xmlNodePtr el, xmlNodePtr pat, GPtrArray *alts,
                          GPtrArray *out, int depth)
{
    if (--x->budget < 0 || depth > MAX_DEPTH) {
        x->gave_up = TRUE;
        return;
    }
    const rng_model *m = cg_rng_model(x->r, pat);
    if (m->branches)
        check_branches(x, el, m, alts, out, depth);
    else if (check_attrs(x, el, m, alts, out, depth), !has_edges(m) && m->data->len)
        check_simple(x, el, pat, m, out, depth);
    else
        check_content(x, el, m, out, depth);
}

int cg_explain(cg_rng *r, xmlDocPtr doc, cg_diags *d)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!r || !root || cg_rng_unsupported(r))
        return 0;
    xctx x = { r, BUDGET, FALSE, NULL, NULL };
    GPtrArray *out = g_ptr_array_new_with_free_func(msg_free);
    const rng_model *m = cg_rng_start(r);
    gboolean *S = g_new0(gboolean, m->nstates);
    S[m->start] = TRUE;
    cg_rng_closure(m, S);
    if (!step(&x, m, S, root, out, 0))
        unexpected(&x, NULL, m, S, root, out, 0);
    g_free(S);
    int n = 0;
    if (!x.gave_up && !cg_rng_unsupported(r))
        for (guint i = 0; i < out->len; i++, n++) {
            xmsg *msg = g_ptr_array_index(out, i);
            cg_xml_diag(d, CG_ERROR, msg->node, "%s", msg->text);
        }
    g_ptr_array_free(out, TRUE);
    return n;
}
