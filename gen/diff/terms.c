/* terms.c — see terms.h. */
#include "terms.h"
#include "base/base.h"

#include <string.h>

#define TERMS_NS "urn:circgen:terms"

typedef struct {
    char *lang;          /* primary subtag */
    char *text;          /* as written */
    char *show;          /* as shown to people: stems with … */
    gboolean exact;
    GPtrArray *words;    /* words mode: of char*, folded unless exact, * kept */
    char *folded;        /* characters mode: the folded text */
} term;

typedef struct {
    char *id, *note;
    GPtrArray *terms;    /* of term* */
} concept;

struct cg_terms {
    GPtrArray *concepts;     /* of concept* */
    GHashTable *by_chars;    /* languages matched by characters */
    GHashTable *masters;     /* languages of the master text (<master lang>); empty: any */
};

static char *primary(const char *lang)
{
    const char *dash = strchr(lang, '-');
    char *p = dash ? g_strndup(lang, dash - lang) : g_strdup(lang);
    char *l = g_ascii_strdown(p, -1);
    g_free(p);
    return l;
}

static gboolean word_char(gunichar c)
{
    return g_unichar_isalnum(c) || g_unichar_ismark(c) || c == '*';
}

/* The words of s (runs of letters, digits and marks), with their byte spans. */
static GPtrArray *words(const char *s, gboolean fold, GArray *spans, gboolean stars)
{
    GPtrArray *w = g_ptr_array_new_with_free_func(g_free);
    const char *p = s;
    while (*p) {
        gunichar c = g_utf8_get_char(p);
        if (!word_char(c) || (c == '*' && !stars)) {
            p = g_utf8_next_char(p);
            continue;
        }
        const char *start = p;
        while (*p && word_char(g_utf8_get_char(p)) && (stars || g_utf8_get_char(p) != '*'))
            p = g_utf8_next_char(p);
        g_ptr_array_add(w, fold ? g_utf8_casefold(start, p - start) : g_strndup(start, p - start));
        if (spans) {
            gsize span[2] = { (gsize)(start - s), (gsize)(p - s) };
            g_array_append_vals(spans, span, 2);
        }
    }
    return w;
}

static void term_free(gpointer p)
{
    term *t = p;
    g_free(t->lang);
    g_free(t->text);
    g_free(t->show);
    g_free(t->folded);
    if (t->words)
        g_ptr_array_unref(t->words);
    g_free(t);
}

static void concept_free(gpointer p)
{
    concept *c = p;
    g_free(c->id);
    g_free(c->note);
    g_ptr_array_unref(c->terms);
    g_free(c);
}

void cg_terms_free(cg_terms *t)
{
    if (!t)
        return;
    g_ptr_array_unref(t->concepts);
    g_hash_table_destroy(t->by_chars);
    g_hash_table_destroy(t->masters);
    g_free(t);
}

gboolean cg_terms_is_master(const cg_terms *t, const char *lang)
{
    if (!g_hash_table_size(t->masters))
        return TRUE;
    char *p = primary(lang ? lang : "");
    gboolean yes = g_hash_table_contains(t->masters, p);
    g_free(p);
    return yes;
}

guint cg_terms_concepts(const cg_terms *t)
{
    return t ? t->concepts->len : 0;
}

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v ? g_strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static gboolean in_ns(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)TERMS_NS) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

/* The text as the languages matched by characters compare it: case folded, without
 * Arabic vowel signs and tatweel (U+064B-U+065F, U+0670, U+0640: the same word with
 * or without its shadda), and the article after the preposition li- written as it
 * stands alone (word-initial "لل" as "ال": للاتحاد holds الاتحاد). */
static char *fold_chars(const char *s)
{
    char *f = g_utf8_casefold(s, -1);
    GString *out = g_string_sized_new(strlen(f));
    gunichar prev = ' ';
    for (const char *p = f; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
            continue;
        gboolean start = !g_unichar_isalnum(prev) && !(prev >= 0x064B && prev <= 0x065F);
        if (start && c == 0x0644 && g_utf8_get_char(g_utf8_next_char(p)) == 0x0644)
            c = 0x0627;   /* the first lam of li + al- */
        g_string_append_unichar(out, c);
        prev = c;
    }
    g_free(f);
    return g_string_free(out, FALSE);
}

static term *term_new(cg_terms *t, xmlNodePtr n)
{
    char *lang = prop(n, "lang"), *c = prop(n, "case");
    xmlChar *text = xmlNodeGetContent(n);
    term *x = g_new0(term, 1);
    x->lang = primary(lang ? lang : "");
    x->text = g_strstrip(g_strdup(text ? (const char *)text : ""));
    x->exact = c && !strcmp(c, "exact");
    GString *show = g_string_new(NULL);
    for (const char *p = x->text; *p; p++) {
        if (*p == '*')
            g_string_append(show, "…");
        else
            g_string_append_c(show, *p);
    }
    x->show = g_string_free(show, FALSE);
    if (g_hash_table_contains(t->by_chars, x->lang))
        x->folded = x->exact ? g_strdup(x->text) : fold_chars(x->text);
    else
        x->words = words(x->text, !x->exact, NULL, TRUE);
    g_free(lang);
    g_free(c);
    xmlFree(text);
    return x;
}

cg_terms *cg_terms_load_file(const char *path, cg_diags *d)
{
    cg_terms *t = g_new0(cg_terms, 1);
    t->concepts = g_ptr_array_new_with_free_func(concept_free);
    t->by_chars = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    t->masters = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return t;
    xmlDocPtr doc = cg_xml_read_file(path, d);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !in_ns(root, "terms")) {
        if (doc)
            cg_xml_diag(d, CG_ERROR, root, "a term base must be <terms> in the namespace %s", TERMS_NS);
        cg_xml_free(doc);
        cg_terms_free(t);
        return NULL;
    }
    for (xmlNodePtr n = root->children; n; n = n->next) {
        char *lang = in_ns(n, "match") ? prop(n, "lang") : NULL, *by = lang ? prop(n, "by") : NULL;
        if (by && !strcmp(by, "characters"))
            g_hash_table_add(t->by_chars, primary(lang));
        g_free(lang);
        g_free(by);
        char *master = in_ns(n, "master") ? prop(n, "lang") : NULL;
        if (master)
            g_hash_table_add(t->masters, primary(master));
        g_free(master);
    }
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (!in_ns(n, "concept"))
            continue;
        concept *c = g_new0(concept, 1);
        c->id = prop(n, "id");
        c->terms = g_ptr_array_new_with_free_func(term_free);
        for (xmlNodePtr m = n->children; m; m = m->next) {
            if (in_ns(m, "term")) {
                g_ptr_array_add(c->terms, term_new(t, m));
            } else if (in_ns(m, "note") && !c->note) {
                xmlChar *s = xmlNodeGetContent(m);
                c->note = g_strdup(s ? (const char *)s : "");
                xmlFree(s);
            }
        }
        if (!c->id)
            c->id = g_strdup_printf("concept-%u", t->concepts->len + 1);
        g_ptr_array_add(t->concepts, c);
    }
    cg_xml_free(doc);
    return t;
}

cg_terms *cg_terms_load(const char *templates_dir, cg_diags *d)
{
    char *path = g_build_filename(templates_dir, "common", "terms", "terms.xml", NULL);
    cg_terms *t = cg_terms_load_file(path, d);
    g_free(path);
    return t;
}

/* ---- finding terms in a text ------------------------------------------------- */

typedef struct {
    const char *text;
    GPtrArray *raw, *folded;   /* words */
    GArray *spans;             /* start, end of each word */
    char *folded_text;
} prepared;

static void prepare(prepared *p, const char *text)
{
    p->text = text;
    p->spans = g_array_new(FALSE, FALSE, sizeof(gsize));
    p->raw = words(text, FALSE, p->spans, FALSE);
    p->folded = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < p->raw->len; i++)
        g_ptr_array_add(p->folded, g_utf8_casefold(p->raw->pdata[i], -1));
    p->folded_text = fold_chars(text);
}

static void prepared_clear(prepared *p)
{
    g_ptr_array_unref(p->raw);
    g_ptr_array_unref(p->folded);
    g_array_unref(p->spans);
    g_free(p->folded_text);
}

static gboolean word_matches(const char *pattern, const char *word)
{
    size_t n = strlen(pattern);
    if (n && pattern[n - 1] == '*')
        return !strncmp(pattern, word, n - 1);
    return !strcmp(pattern, word);
}

/* Are words i and i + 1 of the prepared text one compound, joined by a hyphen
 * ("ITU-T", "Государствами-Членами")? */
static gboolean joined(const prepared *p, guint i)
{
    if (i + 1 >= p->raw->len)
        return FALSE;
    gsize end = g_array_index(p->spans, gsize, 2 * i + 1);
    gsize next = g_array_index(p->spans, gsize, 2 * (i + 1));
    const char *gap = p->text + end;
    gsize len = next - end;
    return (len == 1 && *gap == '-') || (len == 3 && !strncmp(gap, "\xe2\x80\x91", 3));
}

/* Where term occurs in the prepared text: the matched text (caller frees) or NULL.
 * A term written case="exact" (an abbreviation, a name) matches whole compounds
 * only: ITU is not found in ITU-T. Other terms match inside them too: семинар* is
 * found in Семинар-практикум. */
static char *occurs(const term *x, const prepared *p)
{
    if (x->folded) {
        const char *hay = x->exact ? p->text : p->folded_text;
        return *x->folded && strstr(hay, x->folded) ? g_strdup(x->text) : NULL;
    }
    guint n = x->words->len;
    GPtrArray *w = x->exact ? p->raw : p->folded;
    for (guint i = 0; n && i + n <= w->len; i++) {
        guint k = 0;
        while (k < n && word_matches(x->words->pdata[k], w->pdata[i + k]))
            k++;
        if (k == n && (!x->exact || (!(i > 0 && joined(p, i - 1)) && !joined(p, i + n - 1)))) {
            gsize start = g_array_index(p->spans, gsize, 2 * i);
            gsize end = g_array_index(p->spans, gsize, 2 * (i + n - 1) + 1);
            return g_strndup(p->text + start, end - start);
        }
    }
    return NULL;
}

static void hit_free(gpointer p)
{
    cg_term_hit *h = p;
    g_free(h->found);
    if (h->equivalents)
        g_ptr_array_unref(h->equivalents);
    g_free(h);
}

static GPtrArray *find_prepared(const cg_terms *t, const prepared *p, const char *lang,
                                const char *lang_b)
{
    GPtrArray *hits = g_ptr_array_new_with_free_func(hit_free);
    for (guint i = 0; t && i < t->concepts->len; i++) {
        const concept *c = t->concepts->pdata[i];
        char *found = NULL;
        for (guint j = 0; j < c->terms->len && !found; j++) {
            const term *x = c->terms->pdata[j];
            if (!strcmp(x->lang, lang))
                found = occurs(x, p);
        }
        if (!found)
            continue;
        cg_term_hit *h = g_new0(cg_term_hit, 1);
        h->concept = c->id;
        h->note = c->note;
        h->found = found;
        h->equivalents = g_ptr_array_new();
        for (guint j = 0; lang_b && j < c->terms->len; j++) {
            const term *x = c->terms->pdata[j];
            if (!strcmp(x->lang, lang_b))
                g_ptr_array_add(h->equivalents, x->show);
        }
        g_ptr_array_add(hits, h);
    }
    return hits;
}

GPtrArray *cg_terms_find(const cg_terms *t, const char *text, const char *lang,
                         const char *lang_b)
{
    prepared p;
    prepare(&p, text);
    char *la = primary(lang), *lb = lang_b ? primary(lang_b) : NULL;
    GPtrArray *hits = find_prepared(t, &p, la, lb);
    g_free(la);
    g_free(lb);
    prepared_clear(&p);
    return hits;
}

static const concept *concept_by_id(const cg_terms *t, const char *id)
{
    for (guint i = 0; i < t->concepts->len; i++)
        if (!strcmp(((const concept *)t->concepts->pdata[i])->id, id))
            return t->concepts->pdata[i];
    return NULL;
}

static void finding_free(gpointer p)
{
    cg_term_finding *f = p;
    g_free(f->message);
    g_free(f);
}

/* The findings of one pair of units. */
static void check_pair(const cg_terms *t, const cg_unit *ua, const cg_unit *ub, const char *la,
                       const char *lb, const char *file_b, GPtrArray *out)
{
    prepared pa, pb;
    prepare(&pa, ua->text->str);
    GPtrArray *hits = find_prepared(t, &pa, la, lb);
    if (hits->len)
        prepare(&pb, ub->text->str);
    for (guint i = 0; i < hits->len; i++) {
        const cg_term_hit *h = hits->pdata[i];
        const concept *c = concept_by_id(t, h->concept);
        gboolean has = !h->equivalents->len;   /* no term in that language: nothing to check */
        for (guint j = 0; j < c->terms->len && !has; j++) {
            const term *x = c->terms->pdata[j];
            char *m = !strcmp(x->lang, lb) ? occurs(x, &pb) : NULL;
            has = m != NULL;
            g_free(m);
        }
        if (has)
            continue;
        cg_term_finding *f = g_new0(cg_term_finding, 1);
        f->a = ua;
        f->b = ub;
        GString *exp = g_string_new(NULL);
        for (guint j = 0; j < h->equivalents->len && j < 3; j++)
            g_string_append_printf(exp, "%s'%s'", j ? " or " : "", (const char *)h->equivalents->pdata[j]);
        f->message = g_strdup_printf("term: '%s' → expected %s in %s", h->found, exp->str, file_b);
        g_string_free(exp, TRUE);
        g_ptr_array_add(out, f);
    }
    if (hits->len)
        prepared_clear(&pb);
    g_ptr_array_unref(hits);
    prepared_clear(&pa);
}

GPtrArray *cg_terms_check(const cg_terms *t, const cg_version *a, const cg_version *b)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(finding_free);
    char *la = primary(a->lang), *lb = primary(b->lang);
    char *file_b = g_path_get_basename(b->file ? b->file : "");
    for (guint i = 0; t && strcmp(la, lb) && i < a->units->len; i++) {
        const cg_unit *ua = a->units->pdata[i];
        const cg_unit *ub = g_hash_table_lookup(b->by_id, ua->id);
        if (ua->leaf && ub && ub->leaf)
            check_pair(t, ua, ub, la, lb, file_b, out);
    }
    g_free(file_b);
    g_free(la);
    g_free(lb);
    return out;
}
