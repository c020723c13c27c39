/* diff.c — see diff.h.
 *
 * Crying wolf is the failure of translation QA tools, so the checks here lean on
 * what the document knows: facts are compared as sets (a translation may say
 * "Study Group 17" once where the source says it twice), a small number written
 * in digits on one side is forgiven when the other side spells it out ("ten",
 * "十"), dates and other data marked up as data are compared exactly through their
 * values instead of their words, short units (names, acronyms) are never called
 * untranslated, and an unpaired bracket is reported only when the other version
 * does not have the same one (a list marker "a)" copied from the source is not a
 * fault of the translation).
 */
#include "compare.h"
#include "diffseq.h"
#include "difftok.h"

#include <string.h>

const char *cg_finding_kind_id(cg_finding_kind k)
{
    static const char *const ids[] = { "missing", "extra", "moved", "element", "empty",
                                       "untranslated", "fact", "data", "bracket", "text", "field", "term" };
    return k < CG_FIND_KINDS ? ids[k] : "?";
}

/* ---- report building -------------------------------------------------- */

static void finding_free(gpointer p)
{
    cg_finding *f = p;
    g_free(f->what);
    g_free(f->a);
    g_free(f->b);
    g_free(f->message);
    g_free(f);
}

static void seg_free(gpointer p)
{
    cg_seg *s = p;
    g_string_free(s->text, TRUE);
    g_free(s);
}

static void entry_free(gpointer p)
{
    cg_entry *e = p;
    g_free(e->id);
    g_free(e->element);
    g_free(e->place);
    g_ptr_array_unref(e->findings);
    if (e->text_a)
        g_ptr_array_unref(e->text_a);
    if (e->text_b)
        g_ptr_array_unref(e->text_b);
    g_free(e);
}

void cg_report_free(cg_report *r)
{
    if (!r)
        return;
    g_ptr_array_unref(r->entries);
    g_free(r->file_a);
    g_free(r->file_b);
    g_free(r->lang_a);
    g_free(r->lang_b);
    g_free(r);
}

typedef struct {
    cg_report *r;
    const cg_version *a, *b;
    GHashTable *entries;   /* key -> cg_entry* (borrowed from r->entries) */
    const char *name_a, *name_b;   /* short names of the files, for messages */
} ctx;

static cg_entry *entry_get(ctx *c, const char *key, const cg_unit *ua, const cg_unit *ub)
{
    cg_entry *e = g_hash_table_lookup(c->entries, key);
    if (e)
        return e;
    e = g_new0(cg_entry, 1);
    const cg_unit *u = ua ? ua : ub;
    if (u) {
        e->id = g_strdup(u->id);
        e->element = g_strdup(u->element);
        e->place = g_strdup(u->place);
    }
    e->line_a = ua ? ua->line : 0;
    e->line_b = ub ? ub->line : 0;
    e->status = "changed";
    e->findings = g_ptr_array_new_with_free_func(finding_free);
    g_ptr_array_add(c->r->entries, e);
    g_hash_table_insert(c->entries, g_strdup(key), e);
    return e;
}

static void add_finding(ctx *c, cg_entry *e, cg_finding_kind kind, const char *what,
                        const char *a, const char *b, char *message)
{
    cg_finding *f = g_new0(cg_finding, 1);
    f->kind = kind;
    f->what = g_strdup(what);
    f->a = g_strdup(a);
    f->b = g_strdup(b);
    f->message = message;
    g_ptr_array_add(e->findings, f);
    c->r->findings++;
    c->r->by_kind[kind]++;
}

static void seg_add(GPtrArray *segs, cg_seg_kind kind, const char *text, gsize len)
{
    if (!len)
        return;
    if (segs->len) {
        cg_seg *last = segs->pdata[segs->len - 1];
        if (last->kind == kind) {
            g_string_append_len(last->text, text, len);
            return;
        }
    }
    cg_seg *s = g_new0(cg_seg, 1);
    s->kind = kind;
    s->text = g_string_new_len(text, len);
    g_ptr_array_add(segs, s);
}

/* The whole text of a unit as segments, with the byte ranges in marks (a GArray of
 * cg_span, any order) marked and data shown as data. */
static GPtrArray *segments(const cg_unit *u, GArray *marks, cg_seg_kind plain)
{
    GPtrArray *segs = g_ptr_array_new_with_free_func(seg_free);
    if (!u || !u->leaf)
        return segs;
    gsize n = u->text->len;
    guchar *m = g_malloc0(n + 1);
    for (guint i = 0; marks && i < marks->len; i++) {
        cg_span s = g_array_index(marks, cg_span, i);
        if (s.start < n)
            memset(m + s.start, 1, MIN(s.len, n - s.start));
    }
    for (guint i = 0; i < u->pieces->len; i++) {
        cg_piece p = g_array_index(u->pieces, cg_piece, i);
        const char *t = u->text->str;
        if (p.datum >= 0) {
            seg_add(segs, m[p.start] ? CG_SEG_MARK : (plain == CG_SEG_SAME ? CG_SEG_DATA : plain),
                    t + p.start, p.len);
            continue;
        }
        gsize k = p.start, end = p.start + p.len;
        while (k < end) {
            gsize j = k;
            while (j < end && m[j] == m[k])
                j++;
            seg_add(segs, m[k] ? CG_SEG_MARK : plain, t + k, j - k);
            k = j;
        }
    }
    g_free(m);
    return segs;
}

static void show_texts(cg_entry *e, const cg_unit *ua, const cg_unit *ub, GArray *ma, GArray *mb)
{
    if (e->text_a || e->text_b)
        return;
    e->text_a = ua && ua->leaf ? segments(ua, ma, CG_SEG_SAME) : NULL;
    e->text_b = ub && ub->leaf ? segments(ub, mb, CG_SEG_SAME) : NULL;
}

/* ---- units ------------------------------------------------------------ */

static gboolean is_empty(const cg_unit *u)
{
    return u->leaf && u->text->len == 0;
}

/* Words of letters (of any script) in the prose of u. */
static guint count_words(const cg_unit *u, GUnicodeScript script, guint *in_script)
{
    guint words = 0;
    gboolean in = FALSE;
    *in_script = 0;
    for (guint i = 0; i < u->pieces->len; i++) {
        cg_piece p = g_array_index(u->pieces, cg_piece, i);
        if (p.datum >= 0) {
            in = FALSE;
            continue;
        }
        for (const char *s = u->text->str + p.start; s < u->text->str + p.start + p.len;
             s = g_utf8_next_char(s)) {
            gunichar ch = g_utf8_get_char(s);
            if (g_unichar_get_script(ch) == script && g_unichar_isalpha(ch))
                (*in_script)++;
            if (g_unichar_isalpha(ch) && !cg_char_unspaced(ch)) {
                if (!in)
                    words++;
                in = TRUE;
            } else {
                in = FALSE;
            }
        }
    }
    return words;
}

static char *prose_folded(const cg_unit *u)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < u->pieces->len; i++) {
        cg_piece p = g_array_index(u->pieces, cg_piece, i);
        if (p.datum < 0)
            g_string_append_len(s, u->text->str + p.start, p.len);
        else
            g_string_append(s, ((cg_datum *)u->data->pdata[p.datum])->key);
    }
    char *f = g_utf8_casefold(s->str, s->len);
    g_string_free(s, TRUE);
    return f;
}

/* The facts of a unit's prose (data = FALSE), or of the content of its inline data
 * (data = TRUE: a fact written as plain text on one side and marked up as data on the
 * other is reported once, as data, not twice). */
static GArray *unit_facts(const cg_unit *u, const char *lang, GHashTable *spelled, gboolean data)
{
    GArray *facts = cg_facts_new();
    for (guint i = 0; i < u->pieces->len; i++) {
        cg_piece p = g_array_index(u->pieces, cg_piece, i);
        if ((p.datum < 0) != !data)
            continue;
        cg_facts_extract(u->text->str + p.start, p.len, p.start, lang, facts, spelled);
    }
    return facts;
}

static gboolean forgiven(const cg_fact *f, GHashTable *spelled_other)
{
    if (f->kind != CG_FACT_NUMBER)
        return FALSE;
    char *end;
    long v = strtol(f->norm, &end, 10);
    return *end == 0 && v >= 0 && v <= 100 && g_hash_table_contains(spelled_other, GINT_TO_POINTER(v + 1));
}

/* Facts of one side that the other lacks, per kind; marks their spans. */
static void facts_only(GArray *mine, GArray *other, GArray *other_data, GHashTable *spelled_other,
                       GPtrArray **only, GArray *marks)
{
    GHashTable *have = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < other->len; i++) {
        cg_fact *f = &g_array_index(other, cg_fact, i);
        g_hash_table_add(have, g_strdup_printf("%d:%s", f->kind, f->norm));
    }
    for (guint i = 0; i < other_data->len; i++) {
        cg_fact *f = &g_array_index(other_data, cg_fact, i);
        g_hash_table_add(have, g_strdup_printf("%d:%s", f->kind, f->norm));
    }
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < mine->len; i++) {
        cg_fact *f = &g_array_index(mine, cg_fact, i);
        char *k = g_strdup_printf("%d:%s", f->kind, f->norm);
        if (!g_hash_table_contains(have, k) && !forgiven(f, spelled_other)) {
            cg_span s = { f->start, f->len };
            g_array_append_val(marks, s);
            if (!g_hash_table_contains(seen, k)) {
                g_ptr_array_add(only[f->kind], f->norm);
                g_hash_table_add(seen, k);
                k = NULL;
            }
        }
        g_free(k);
    }
    g_hash_table_destroy(have);
    g_hash_table_destroy(seen);
}

static const char *side_name(ctx *c, int side)
{
    return side == 0 ? c->name_a : c->name_b;
}

static void mark_datum(const cg_unit *u, int index, GArray *marks)
{
    for (guint i = 0; i < u->pieces->len; i++) {
        cg_piece p = g_array_index(u->pieces, cg_piece, i);
        if (p.datum == index) {
            cg_span s = { p.start, p.len };
            g_array_append_val(marks, s);
        }
    }
}

/* Inline data of a unit that the other lacks (compared as sets of keys). Returns the
 * unit's entry when there are findings, else NULL. */
static cg_entry *compare_data(ctx *c, const cg_unit *ua, const cg_unit *ub, GArray *ma, GArray *mb)
{
    cg_entry *e = NULL;
    GHashTable *ka = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *kb = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < ua->data->len; i++)
        g_hash_table_add(ka, ((cg_datum *)ua->data->pdata[i])->key);
    for (guint i = 0; i < ub->data->len; i++)
        g_hash_table_add(kb, ((cg_datum *)ub->data->pdata[i])->key);
    GArray *oa = g_array_new(FALSE, FALSE, sizeof(int)), *ob = g_array_new(FALSE, FALSE, sizeof(int));
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < ua->data->len; i++) {
        cg_datum *x = ua->data->pdata[i];
        if (!g_hash_table_contains(kb, x->key)) {
            mark_datum(ua, (int)i, ma);
            if (g_hash_table_add(seen, x->key)) {
                int k = (int)i;
                g_array_append_val(oa, k);
            }
        }
    }
    for (guint i = 0; i < ub->data->len; i++) {
        cg_datum *x = ub->data->pdata[i];
        if (!g_hash_table_contains(ka, x->key)) {
            mark_datum(ub, (int)i, mb);
            if (g_hash_table_add(seen, x->key)) {
                int k = (int)i;
                g_array_append_val(ob, k);
            }
        }
    }
    if (oa->len || ob->len)
        e = entry_get(c, ua->id, ua, ub);
    /* Pair the differing data of the same element name: "date: X ≠ Y". */
    gboolean *used_b = g_new0(gboolean, ob->len + 1);
    for (guint i = 0; i < oa->len; i++) {
        cg_datum *x = ua->data->pdata[g_array_index(oa, int, i)];
        cg_datum *y = NULL;
        for (guint j = 0; j < ob->len && !y; j++) {
            cg_datum *cand = ub->data->pdata[g_array_index(ob, int, j)];
            if (!used_b[j] && !strcmp(cand->name, x->name)) {
                y = cand;
                used_b[j] = TRUE;
            }
        }
        if (y)
            add_finding(c, e, CG_FIND_DATA, x->name, x->show, y->show,
                        g_strdup_printf("%s differs: %s in %s, %s in %s", x->name, x->show, c->name_a,
                                        y->show, c->name_b));
        else
            add_finding(c, e, CG_FIND_DATA, x->name, x->show, NULL,
                        g_strdup_printf("%s %s is in %s, not in %s", x->name, x->show, c->name_a,
                                        c->name_b));
    }
    for (guint j = 0; j < ob->len; j++) {
        if (used_b[j])
            continue;
        cg_datum *y = ub->data->pdata[g_array_index(ob, int, j)];
        add_finding(c, e, CG_FIND_DATA, y->name, NULL, y->show,
                    g_strdup_printf("%s %s is in %s, not in %s", y->name, y->show, c->name_b, c->name_a));
    }
    g_free(used_b);
    g_array_unref(oa);
    g_array_unref(ob);
    g_hash_table_destroy(seen);
    g_hash_table_destroy(ka);
    g_hash_table_destroy(kb);
    return e;
}

static void char_name(gunichar ch, char out[8])
{
    out[g_unichar_to_utf8(ch, out)] = 0;
}

static void translation_pair(ctx *c, const cg_unit *ua, const cg_unit *ub)
{
    cg_entry *e = NULL;
    if (strcmp(ua->element, ub->element)) {
        e = entry_get(c, ua->id, ua, ub);
        add_finding(c, e, CG_FIND_ELEMENT, "element", ua->element, ub->element,
                    g_strdup_printf("id '%s' is a %s in %s but a %s in %s", ua->id, ua->element,
                                    c->name_a, ub->element, c->name_b));
    }
    if (!ua->leaf || !ub->leaf)
        return;
    if (is_empty(ua) != is_empty(ub)) {
        e = entry_get(c, ua->id, ua, ub);
        add_finding(c, e, CG_FIND_EMPTY, NULL, NULL, NULL,
                    g_strdup_printf("empty in %s", side_name(c, is_empty(ua) ? 0 : 1)));
        show_texts(e, ua, ub, NULL, NULL);
        return;
    }
    if (is_empty(ua))
        return;

    /* Untranslated: the same words in both languages, or none in the target's script. */
    guint in_a, in_b;
    GUnicodeScript sa = cg_lang_script(c->r->lang_a), sb = cg_lang_script(c->r->lang_b);
    guint wa = count_words(ua, sa, &in_a), wb = count_words(ub, sb, &in_b);
    char *fa = prose_folded(ua), *fb = prose_folded(ub);
    gboolean same = !strcmp(fa, fb);
    g_free(fa);
    g_free(fb);
    const char *why = NULL;
    int side = 1;
    if (same && wa >= 3)
        why = "the same text in both versions";
    else if (sb != G_UNICODE_SCRIPT_LATIN && sa != sb && in_b == 0 && wb >= 3)
        why = "no text in the script of the language", side = 1;
    else if (sa != G_UNICODE_SCRIPT_LATIN && sa != sb && in_a == 0 && wa >= 3)
        why = "no text in the script of the language", side = 0;
    if (why) {
        e = entry_get(c, ua->id, ua, ub);
        add_finding(c, e, CG_FIND_UNTRANSLATED, NULL, NULL, NULL,
                    same ? g_strdup(why)
                         : g_strdup_printf("in %s: %s (%s)", side_name(c, side), why,
                                           side ? c->r->lang_b : c->r->lang_a));
        show_texts(e, ua, ub, NULL, NULL);
        return;
    }

    /* Facts. */
    GHashTable *spa = g_hash_table_new(NULL, NULL), *spb = g_hash_table_new(NULL, NULL);
    GArray *fa_ = unit_facts(ua, c->r->lang_a, spa, FALSE), *fb_ = unit_facts(ub, c->r->lang_b, spb, FALSE);
    GArray *da_ = unit_facts(ua, c->r->lang_a, NULL, TRUE), *db_ = unit_facts(ub, c->r->lang_b, NULL, TRUE);
    GPtrArray *only_a[CG_FACT_KINDS], *only_b[CG_FACT_KINDS];
    for (int k = 0; k < CG_FACT_KINDS; k++) {
        only_a[k] = g_ptr_array_new();
        only_b[k] = g_ptr_array_new();
    }
    GArray *ma = g_array_new(FALSE, FALSE, sizeof(cg_span)), *mb = g_array_new(FALSE, FALSE, sizeof(cg_span));
    facts_only(fa_, fb_, db_, spb, only_a, ma);
    facts_only(fb_, fa_, da_, spa, only_b, mb);
    for (int k = 0; k < CG_FACT_KINDS; k++) {
        guint n = MAX(only_a[k]->len, only_b[k]->len);
        for (guint i = 0; i < n; i++) {
            const char *x = i < only_a[k]->len ? only_a[k]->pdata[i] : NULL;
            const char *y = i < only_b[k]->len ? only_b[k]->pdata[i] : NULL;
            e = entry_get(c, ua->id, ua, ub);
            char *msg;
            if (x && y)
                msg = g_strdup_printf("%s differs: %s in %s, %s in %s", cg_fact_kind_name(k), x,
                                      c->name_a, y, c->name_b);
            else
                msg = g_strdup_printf("%s %s is in %s, not in %s", cg_fact_kind_name(k), x ? x : y,
                                      x ? c->name_a : c->name_b, x ? c->name_b : c->name_a);
            add_finding(c, e, CG_FIND_FACT, cg_fact_kind_id(k), x, y, msg);
        }
        g_ptr_array_unref(only_a[k]);
        g_ptr_array_unref(only_b[k]);
    }
    g_array_unref(fa_);
    g_array_unref(fb_);
    g_array_unref(da_);
    g_array_unref(db_);
    g_hash_table_destroy(spa);
    g_hash_table_destroy(spb);

    /* Inline data. */
    cg_entry *de = compare_data(c, ua, ub, ma, mb);
    if (de)
        e = de;

    /* Brackets and quotes: unpaired on one side and not the same way on the other. */
    gsize at_a = 0, at_b = 0;
    gunichar ch_a = 0, ch_b = 0;
    gboolean ua_bad = cg_brackets_unpaired(ua->text->str, ua->text->len, 0, &at_a, &ch_a);
    gboolean ub_bad = cg_brackets_unpaired(ub->text->str, ub->text->len, 0, &at_b, &ch_b);
    if (ua_bad && !(ub_bad && cg_bracket_class(ch_a) == cg_bracket_class(ch_b))) {
        char m[8];
        char_name(ch_a, m);
        e = entry_get(c, ua->id, ua, ub);
        add_finding(c, e, CG_FIND_BRACKET, "bracket", m, NULL,
                    g_strdup_printf("unpaired %s in %s", m, c->name_a));
        cg_span s = { at_a, (gsize)g_unichar_to_utf8(ch_a, NULL) };
        g_array_append_val(ma, s);
    }
    if (ub_bad && !(ua_bad && cg_bracket_class(ch_a) == cg_bracket_class(ch_b))) {
        char m[8];
        char_name(ch_b, m);
        e = entry_get(c, ua->id, ua, ub);
        add_finding(c, e, CG_FIND_BRACKET, "bracket", NULL, m,
                    g_strdup_printf("unpaired %s in %s", m, c->name_b));
        cg_span s = { at_b, (gsize)g_unichar_to_utf8(ch_b, NULL) };
        g_array_append_val(mb, s);
    }
    if (e)
        show_texts(e, ua, ub, ma, mb);
    g_array_unref(ma);
    g_array_unref(mb);
}

/* ---- revision --------------------------------------------------------- */

typedef struct {
    GArray *spans;   /* cg_span per token */
    GArray *ids;     /* int per token */
} toks;

static void tokenize(const cg_unit *u, GHashTable *intern, toks *t)
{
    t->spans = g_array_new(FALSE, FALSE, sizeof(cg_span));
    t->ids = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint i = 0; i < u->pieces->len; i++) {
        cg_piece p = g_array_index(u->pieces, cg_piece, i);
        guint first = t->spans->len;
        if (p.datum >= 0) {
            cg_span s = { p.start, p.len };
            g_array_append_val(t->spans, s);
        } else {
            cg_tok_split(u->text->str + p.start, p.len, p.start, t->spans);
        }
        for (guint k = first; k < t->spans->len; k++) {
            cg_span s = g_array_index(t->spans, cg_span, k);
            char *key = p.datum >= 0 ? g_strconcat("\x01", ((cg_datum *)u->data->pdata[p.datum])->key, NULL)
                                     : g_strndup(u->text->str + s.start, s.len);
            gpointer v;
            int id;
            if (g_hash_table_lookup_extended(intern, key, NULL, &v)) {
                id = GPOINTER_TO_INT(v);
                g_free(key);
            } else {
                id = (int)g_hash_table_size(intern) + 1;
                g_hash_table_insert(intern, key, GINT_TO_POINTER(id));
            }
            g_array_append_val(t->ids, id);
        }
    }
}

static gboolean span_is_space(const cg_unit *u, cg_span s)
{
    return s.len > 0 && (u->text->str[s.start] == ' ');
}

static void revision_pair(ctx *c, const cg_unit *ua, const cg_unit *ub)
{
    if (strcmp(ua->element, ub->element)) {
        cg_entry *e = entry_get(c, ua->id, ua, ub);
        add_finding(c, e, CG_FIND_ELEMENT, "element", ua->element, ub->element,
                    g_strdup_printf("id '%s' was a %s, is now a %s", ua->id, ua->element, ub->element));
    }
    if (!ua->leaf || !ub->leaf)
        return;
    if (!strcmp(ua->text->str, ub->text->str) && ua->data->len == ub->data->len) {
        gboolean same = TRUE;
        for (guint i = 0; i < ua->data->len && same; i++)
            same = !strcmp(((cg_datum *)ua->data->pdata[i])->key, ((cg_datum *)ub->data->pdata[i])->key);
        if (same)
            return;
    }
    GHashTable *intern = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    toks ta, tb;
    tokenize(ua, intern, &ta);
    tokenize(ub, intern, &tb);
    GArray *script = cg_seq_diff((const int *)ta.ids->data, ta.ids->len, (const int *)tb.ids->data,
                                 tb.ids->len, 0);
    /* A run of spaces between two changes joins them: "[-a b-]" reads better than
     * "[-a-] [-b-]". */
    gboolean *joined = g_new0(gboolean, script->len + 1);
    for (guint i = 1; i + 1 < script->len; i++) {
        cg_edit *e = &g_array_index(script, cg_edit, i);
        joined[i] = e->kind == CG_EDIT_EQUAL && e->len == 1 &&
                    span_is_space(ua, g_array_index(ta.spans, cg_span, e->a_pos));
    }
    cg_entry *e = entry_get(c, ua->id, ua, ub);
    e->text_a = g_ptr_array_new_with_free_func(seg_free);
    e->text_b = g_ptr_array_new_with_free_func(seg_free);
    guint del = 0, ins = 0;
    for (guint i = 0; i < script->len; i++) {
        cg_edit *ed = &g_array_index(script, cg_edit, i);
        for (gsize k = 0; k < ed->len; k++) {
            if (ed->kind == CG_EDIT_EQUAL) {
                cg_span sa = g_array_index(ta.spans, cg_span, ed->a_pos + k);
                cg_span sb = g_array_index(tb.spans, cg_span, ed->b_pos + k);
                gboolean j = joined[i];
                seg_add(e->text_a, j ? CG_SEG_DEL : CG_SEG_SAME, ua->text->str + sa.start, sa.len);
                seg_add(e->text_b, j ? CG_SEG_INS : CG_SEG_SAME, ub->text->str + sb.start, sb.len);
            } else if (ed->kind == CG_EDIT_DELETE) {
                cg_span sa = g_array_index(ta.spans, cg_span, ed->a_pos + k);
                seg_add(e->text_a, CG_SEG_DEL, ua->text->str + sa.start, sa.len);
                if (!span_is_space(ua, sa))
                    del++;
            } else {
                cg_span sb = g_array_index(tb.spans, cg_span, ed->b_pos + k);
                seg_add(e->text_b, CG_SEG_INS, ub->text->str + sb.start, sb.len);
                if (!span_is_space(ub, sb))
                    ins++;
            }
        }
    }
    if (del || ins) {
        const char *unit = cg_char_unspaced(g_utf8_get_char(ua->text->str)) ? "token" : "word";
        char *msg;
        if (del && ins)
            msg = g_strdup_printf("text changed: %u %s%s deleted, %u inserted", del, unit, del > 1 ? "s" : "", ins);
        else if (del)
            msg = g_strdup_printf("text changed: %u %s%s deleted", del, unit, del > 1 ? "s" : "");
        else
            msg = g_strdup_printf("text changed: %u %s%s inserted", ins, unit, ins > 1 ? "s" : "");
        char da[16], db[16];
        g_snprintf(da, sizeof da, "%u", del);
        g_snprintf(db, sizeof db, "%u", ins);
        add_finding(c, e, CG_FIND_TEXT, NULL, da, db, msg);
    }
    g_free(joined);
    g_array_unref(script);
    g_array_unref(ta.spans);
    g_array_unref(ta.ids);
    g_array_unref(tb.spans);
    g_array_unref(tb.ids);
    g_hash_table_destroy(intern);
    /* Changed inline data, said in words too. */
    GArray *ma = g_array_new(FALSE, FALSE, sizeof(cg_span)), *mb = g_array_new(FALSE, FALSE, sizeof(cg_span));
    compare_data(c, ua, ub, ma, mb);
    g_array_unref(ma);
    g_array_unref(mb);
}

/* ---- the whole document ----------------------------------------------- */

static gint entry_cmp(gconstpointer x, gconstpointer y)
{
    const cg_entry *a = *(const cg_entry *const *)x, *b = *(const cg_entry *const *)y;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return (a->sub > b->sub) - (a->sub < b->sub);
}

static char *basename_of(const char *path)
{
    return g_path_get_basename(path);
}

/* Position of every unit of b in a's order, for sorting and for moves. */
static double *positions_in_a(const cg_version *a, const cg_version *b)
{
    double *pos_b = g_new(double, b->units->len + 1);
    double last = -0.5;
    for (guint i = 0; i < b->units->len; i++) {
        const cg_unit *ub = b->units->pdata[i];
        const cg_unit *ua = g_hash_table_lookup(a->by_id, ub->id);
        pos_b[i] = ua ? (last = ua->order) : last + 0.5;
    }
    return pos_b;
}

/* Every unit of a: missing in b (removed), else compared with its counterpart. */
static void compare_units(ctx *c, gboolean rev)
{
    const cg_version *a = c->a, *b = c->b;
    for (guint i = 0; i < a->units->len; i++) {
        const cg_unit *ua = a->units->pdata[i];
        const cg_unit *ub = g_hash_table_lookup(b->by_id, ua->id);
        if (!ub) {
            cg_entry *e = entry_get(c, ua->id, ua, NULL);
            e->status = rev ? "removed" : "missing";
            add_finding(c, e, CG_FIND_MISSING, ua->element, NULL, NULL,
                        rev ? g_strdup_printf("removed (not in %s)", c->name_b)
                            : g_strdup_printf("missing in %s", c->name_b));
            e->text_a = ua->leaf ? segments(ua, NULL, rev ? CG_SEG_DEL : CG_SEG_SAME) : NULL;
            continue;
        }
        if (rev)
            revision_pair(c, ua, ub);
        else
            translation_pair(c, ua, ub);
    }
}

/* The units of b that a has not: extra (added). */
static void extra_units(ctx *c, gboolean rev)
{
    const cg_version *a = c->a, *b = c->b;
    for (guint i = 0; i < b->units->len; i++) {
        const cg_unit *ub = b->units->pdata[i];
        if (g_hash_table_contains(a->by_id, ub->id))
            continue;
        cg_entry *e = entry_get(c, ub->id, NULL, ub);
        e->status = rev ? "added" : "extra";
        add_finding(c, e, CG_FIND_EXTRA, ub->element, NULL, NULL,
                    rev ? g_strdup_printf("added (not in %s)", c->name_a)
                        : g_strdup_printf("not in %s", c->name_a));
        e->text_b = ub->leaf ? segments(ub, NULL, rev ? CG_SEG_INS : CG_SEG_SAME) : NULL;
    }
}

/* Moves: the leaves common to both, in b's order, numbered by a's order; those
 * outside a longest increasing subsequence moved. */
static void find_moves(ctx *c)
{
    const cg_version *a = c->a, *b = c->b;
    GArray *common = g_array_new(FALSE, FALSE, sizeof(int));
    GPtrArray *common_b = g_ptr_array_new();
    for (guint i = 0; i < b->units->len; i++) {
        const cg_unit *ub = b->units->pdata[i];
        const cg_unit *ua = g_hash_table_lookup(a->by_id, ub->id);
        if (ua && ua->leaf && ub->leaf) {
            int o = (int)ua->order;
            g_array_append_val(common, o);
            g_ptr_array_add(common_b, (gpointer)ub);
        }
    }
    gboolean *keep = g_new0(gboolean, common->len + 1);
    cg_seq_lis((const int *)common->data, common->len, keep);
    for (guint i = 0; i < common->len; i++) {
        if (keep[i])
            continue;
        const cg_unit *ub = common_b->pdata[i];
        const cg_unit *ua = g_hash_table_lookup(a->by_id, ub->id);
        const cg_unit *prev = i > 0 ? common_b->pdata[i - 1] : NULL;
        cg_entry *e = entry_get(c, ub->id, ua, ub);
        if (!e->findings->len)
            e->status = "moved";
        add_finding(c, e, CG_FIND_MOVED, NULL, ua->place, ub->place,
                    prev ? g_strdup_printf("in %s it comes after %s (%s)", c->name_b, prev->id, prev->place)
                         : g_strdup_printf("in %s it comes first", c->name_b));
        if (!e->text_a && !e->text_b)
            show_texts(e, ua, ub, NULL, NULL);
    }
    g_free(keep);
    g_array_unref(common);
    g_ptr_array_unref(common_b);
}

/* The entry a field's finding goes in: its unit's, else one of its own by place. */
static cg_entry *field_entry(ctx *c, int side, const cg_field *f, const cg_field *g)
{
    const cg_unit *ua = f->anchor ? g_hash_table_lookup(c->a->by_id, f->anchor) : NULL;
    const cg_unit *ub = f->anchor ? g_hash_table_lookup(c->b->by_id, f->anchor) : NULL;
    cg_entry *e;
    if (f->anchor) {
        e = entry_get(c, f->anchor, ua, ub);
    } else {
        char *key = g_strconcat("\x01", f->place, NULL);
        gboolean fresh = !g_hash_table_contains(c->entries, key);
        e = entry_get(c, key, NULL, NULL);
        if (fresh) {
            e->place = g_strdup(f->place);
            e->pos = -1;
            e->sub = f->order;
            e->line_a = side ? 0 : f->line;
            e->line_b = side ? f->line : (g ? g->line : 0);
        }
        g_free(key);
    }
    return e;
}

/* Fields: those that differ or are on one side only (a's side compares, b's adds its own). */
static void compare_fields(ctx *c)
{
    const cg_version *a = c->a, *b = c->b;
    for (int side = 0; side < 2; side++) {
        const cg_version *x = side ? b : a, *y = side ? a : b;
        for (guint i = 0; i < x->fields->len; i++) {
            const cg_field *f = x->fields->pdata[i];
            const cg_field *g = g_hash_table_lookup(y->by_key, f->key);
            if (side == 1 && g)
                continue;   /* compared from a's side */
            if (g && !strcmp(f->value, g->value))
                continue;
            /* A field of a unit missing on the other side: the unit is reported. */
            if (!g && f->anchor && !g_hash_table_contains(y->by_id, f->anchor))
                continue;
            cg_entry *e = field_entry(c, side, f, g);
            const char *va = side ? NULL : f->value, *vb = side ? f->value : (g ? g->value : NULL);
            char *msg;
            if (va && vb)
                msg = g_strdup_printf("%s differs: %s in %s, %s in %s", f->what, va, c->name_a, vb, c->name_b);
            else
                msg = g_strdup_printf("%s %s is in %s, not in %s", f->what, va ? va : vb,
                                      va ? c->name_a : c->name_b, va ? c->name_b : c->name_a);
            add_finding(c, e, CG_FIND_FIELD, f->what, va, vb, msg);
        }
    }
}

/* Order the entries as the documents are. */
static void order_entries(cg_report *r, const cg_version *a, const cg_version *b, const double *pos_b)
{
    for (guint i = 0; i < r->entries->len; i++) {
        cg_entry *e = r->entries->pdata[i];
        if (!e->id)
            continue;
        const cg_unit *ua = g_hash_table_lookup(a->by_id, e->id);
        if (ua) {
            e->pos = ua->order;
            e->sub = 0;
        } else {
            const cg_unit *ub = g_hash_table_lookup(b->by_id, e->id);
            e->pos = pos_b[ub->order];
            e->sub = ub->order;
        }
    }
    g_ptr_array_sort(r->entries, entry_cmp);
}

/* Term findings (translation mode): each under its unit's entry. */
static void term_findings(ctx *c, const cg_terms *terms)
{
    GPtrArray *tf = cg_terms_check(terms, c->a, c->b);
    for (guint i = 0; i < tf->len; i++) {
        const cg_term_finding *f = tf->pdata[i];
        cg_entry *e = entry_get(c, f->a->id, f->a, f->b);
        const char *m = f->message;   /* the report prints the kind before the message */
        if (g_str_has_prefix(m, "term: "))
            m += strlen("term: ");
        add_finding(c, e, CG_FIND_TERM, "term", NULL, NULL, g_strdup(m));
    }
    g_ptr_array_unref(tf);
}

cg_report *cg_diff_versions(const cg_version *a, const cg_version *b, cg_diff_mode mode)
{
    return cg_diff_versions_terms(a, b, mode, NULL);
}

cg_report *cg_diff_versions_terms(const cg_version *a, const cg_version *b, cg_diff_mode mode,
                                  const cg_terms *terms)
{
    cg_report *r = g_new0(cg_report, 1);
    if (mode == CG_DIFF_AUTO)
        mode = g_ascii_strcasecmp(a->lang, b->lang) ? CG_DIFF_TRANSLATION : CG_DIFF_REVISION;
    r->mode = mode;
    r->file_a = g_strdup(a->file);
    r->file_b = g_strdup(b->file);
    r->lang_a = g_strdup(a->lang);
    r->lang_b = g_strdup(b->lang);
    r->entries = g_ptr_array_new_with_free_func(entry_free);
    gboolean rev = mode == CG_DIFF_REVISION;
    ctx c = { r, a, b, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), NULL, NULL };
    char *na = basename_of(a->file), *nb = basename_of(b->file);
    if (!strcmp(na, nb)) {
        g_free(na);
        g_free(nb);
        na = g_strdup(a->file);
        nb = g_strdup(b->file);
    }
    c.name_a = na;
    c.name_b = nb;

    double *pos_b = positions_in_a(a, b);
    compare_units(&c, rev);
    extra_units(&c, rev);
    find_moves(&c);
    compare_fields(&c);
    if (terms && !rev && cg_terms_is_master(terms, a->lang))
        term_findings(&c, terms);
    order_entries(r, a, b, pos_b);
    r->units_a = a->units->len;
    r->units_b = b->units->len;
    g_free(pos_b);
    g_hash_table_destroy(c.entries);
    g_free(na);
    g_free(nb);
    return r;
}
