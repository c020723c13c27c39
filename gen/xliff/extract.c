/* extract.c — a source document to XLIFF 2.0 or 1.2 (see xliff.h). */
#include "xliff.h"
#include "xsource.h"
#include "xcodes.h"
#include "diff/diff.h"

#include <string.h>

#define MTC_NS "urn:oasis:names:tc:xliff:matches:2.0"
#define GLS_NS "urn:oasis:names:tc:xliff:glossary:2.0"
#define HASH_NOTE "circgen-source-hash"

typedef struct {
    const cg_xliff_extract_opts *o;
    gboolean v12;
    cg_xsource *s;
    cg_xsource *tr;          /* the existing translation, or NULL */
    cg_xsource *prev;        /* the previous source, or NULL */
    cg_report *rev;          /* prev -> s as a revision */
    GHashTable *rev_by_id;   /* unit id -> cg_entry* */
    GHashTable *has_leaf;    /* elements with a leaf unit below */
    cg_terms *terms;         /* the ITU term base (may be empty) */
    xmlDocPtr out;
    xmlNsPtr ns;
    guint groups;
    cg_diags *d;
} extractor;

/* ---- building the tree, indented by hand (mixed content must not be touched) --- */

static void indent(xmlNodePtr parent, int depth)
{
    char buf[64] = "\n";
    int n = depth * 2 < 60 ? depth * 2 : 60;
    memset(buf + 1, ' ', n);
    buf[n + 1] = 0;
    xmlAddChild(parent, xmlNewDocText(parent->doc, (const xmlChar *)buf));
}

static xmlNodePtr block(extractor *x, xmlNodePtr parent, const char *name, int depth)
{
    indent(parent, depth);
    return xmlNewChild(parent, x->ns, (const xmlChar *)name, NULL);
}

static xmlNodePtr text_child(extractor *x, xmlNodePtr parent, const char *name, int depth,
                             const char *text)
{
    xmlNodePtr n = block(x, parent, name, depth);
    xmlAddChild(n, xmlNewDocText(x->out, (const xmlChar *)text));
    return n;
}

static void set(xmlNodePtr n, const char *name, const char *value)
{
    xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

/* ---- inline content ------------------------------------------------------- */

static void emit_code(extractor *x, xmlNodePtr el, const cg_xcode *c, gboolean refs)
{
    char *sub = g_strdup_printf("%s%s", x->v12 ? "x-" : "cg:", c->node->name);
    if (x->v12) {
        set(el, "id", c->id);
        set(el, "ctype", sub);
        if (!c->paired) {
            set(el, "equiv-text", c->disp);
            xmlAddChild(el, xmlNewDocText(x->out, (const xmlChar *)c->data));
        }
        g_free(sub);
        return;
    }
    set(el, "id", c->id);
    if (!c->can_delete)
        set(el, "canDelete", "no");
    char *ref = g_strdup_printf("d%s", c->id);
    char *ref_end = g_strdup_printf("d%se", c->id);
    if (c->paired) {
        if (refs) {
            set(el, "dataRefStart", ref);
            set(el, "dataRefEnd", ref_end);
        }
        set(el, "type", "fmt");
    } else {
        if (refs)
            set(el, "dataRef", ref);
        set(el, "disp", c->disp);
        set(el, "equiv", c->disp);
        set(el, "type", "other");
    }
    set(el, "subType", sub);
    g_free(ref);
    g_free(ref_end);
    g_free(sub);
}

/* Append tokens to el (a source or target) as text and inline codes. */
static void emit_tokens(extractor *x, xmlNodePtr el, const cg_xunit *u, const GPtrArray *toks,
                        gboolean refs)
{
    GPtrArray *stack = g_ptr_array_new();
    g_ptr_array_add(stack, el);
    for (guint i = 0; i < toks->len; i++) {
        const cg_xtok *t = toks->pdata[i];
        xmlNodePtr top = stack->pdata[stack->len - 1];
        if (t->kind == CG_XT_TEXT) {
            xmlAddChild(top, xmlNewDocText(x->out, (const xmlChar *)t->text));
        } else if (t->kind == CG_XT_CLOSE) {
            if (stack->len > 1)
                g_ptr_array_remove_index(stack, stack->len - 1);
        } else {
            const cg_xcode *c = g_hash_table_lookup(u->by_id, t->id);
            const char *name = t->kind == CG_XT_PH ? "ph" : x->v12 ? "g" : "pc";
            xmlNodePtr n = xmlNewChild(top, x->ns, (const xmlChar *)name, NULL);
            emit_code(x, n, c, refs);
            if (t->kind == CG_XT_OPEN)
                g_ptr_array_add(stack, n);
        }
    }
    g_ptr_array_free(stack, TRUE);
}

static void emit_original_data(extractor *x, xmlNodePtr unit, const cg_xunit *u, int depth)
{
    if (!u->codes->len)
        return;
    xmlNodePtr od = block(x, unit, "originalData", depth);
    for (guint i = 0; i < u->codes->len; i++) {
        const cg_xcode *c = u->codes->pdata[i];
        char *id = g_strdup_printf("d%s", c->id);
        set(text_child(x, od, "data", depth + 1, c->data), "id", id);
        g_free(id);
        if (c->paired) {
            id = g_strdup_printf("d%se", c->id);
            set(text_child(x, od, "data", depth + 1, c->data_end), "id", id);
            g_free(id);
        }
    }
    indent(od, depth);
}

/* ---- revisions ------------------------------------------------------------ */

/* Shared text longer than CONTEXT characters is cut to its ends (" … "). */
#define CONTEXT 24

static void append_same(GString *s, const char *t, gboolean first, gboolean last)
{
    glong n = g_utf8_strlen(t, -1);
    if (n <= 2 * CONTEXT + 3) {
        g_string_append(s, t);
        return;
    }
    if (!first)
        g_string_append_len(s, t, g_utf8_offset_to_pointer(t, CONTEXT) - t);
    g_string_append(s, "…");
    if (!last)
        g_string_append(s, g_utf8_offset_to_pointer(t, n - CONTEXT));
}

static void append_segs(GString *s, const GPtrArray *segs)
{
    for (guint i = 0; i < segs->len; i++) {
        const cg_seg *g = segs->pdata[i];
        if (g->kind == CG_SEG_DEL)
            g_string_append_printf(s, "[-%s-]", g->text->str);
        else if (g->kind == CG_SEG_INS)
            g_string_append_printf(s, "{+%s+}", g->text->str);
        else
            append_same(s, g->text->str, i == 0, i + 1 == segs->len);
    }
}

/* "changed since the previous source: was: ... [-old-] ...; now: ... {+new+} ...",
 * from the revision diff (circgen diff --mode=revision). */
static char *change_note(extractor *x, const char *id)
{
    const cg_entry *e = x->rev_by_id ? g_hash_table_lookup(x->rev_by_id, id) : NULL;
    if (!e || !e->text_a || !e->text_b)
        return g_strdup(g_hash_table_contains(x->prev->by_id, id)
                            ? "changed since the previous source"
                            : "new since the previous source");
    GString *s = g_string_new("changed since the previous source: was: ");
    append_segs(s, e->text_a);
    g_string_append(s, "; now: ");
    append_segs(s, e->text_b);
    return g_string_free(s, FALSE);
}

static gboolean unit_changed(extractor *x, const cg_xunit *u)
{
    const cg_xunit *old = g_hash_table_lookup(x->prev->by_id, u->unit->id);
    if (!old)
        return TRUE;
    if (strcmp(old->unit->text->str, u->unit->text->str) ||
        old->unit->data->len != u->unit->data->len)
        return TRUE;
    for (guint i = 0; i < u->unit->data->len; i++)
        if (strcmp(((cg_datum *)old->unit->data->pdata[i])->key,
                   ((cg_datum *)u->unit->data->pdata[i])->key))
            return TRUE;
    return FALSE;
}

/* The previous translation of a changed unit, as a proposal (2.0: a match of the
 * translation candidates module; 1.2: an alt-trans). */
static void emit_proposal(extractor *x, xmlNodePtr unit, const cg_xunit *u, int depth)
{
    const cg_xunit *old_t = g_hash_table_lookup(x->tr->by_id, u->unit->id);
    const cg_xunit *old_s = g_hash_table_lookup(x->prev->by_id, u->unit->id);
    if (!old_t)
        return;
    cg_diags *quiet = cg_diags_new();
    GPtrArray *ts = cg_xtoks_from_leaf(x->s->rules, u, old_t->unit->node, quiet);
    GPtrArray *ss = old_s ? cg_xtoks_from_leaf(x->s->rules, u, old_s->unit->node, quiet) : NULL;
    xmlNodePtr m;
    int inner = depth + 1;
    if (x->v12) {
        m = block(x, unit, "alt-trans", depth);
        set(m, "origin", "previous-translation");
    } else {
        indent(unit, depth);
        xmlNsPtr mtc = xmlSearchNsByHref(x->out, unit, (const xmlChar *)MTC_NS);
        xmlNodePtr ms = xmlNewChild(unit, mtc, (const xmlChar *)"matches", NULL);
        if (!mtc)
            xmlSetNs(ms, xmlNewNs(ms, (const xmlChar *)MTC_NS, (const xmlChar *)"mtc"));
        indent(ms, depth + 1);
        m = xmlNewChild(ms, ms->ns, (const xmlChar *)"match", NULL);
        set(m, "ref", "#s1");
        set(m, "origin", "previous translation");
        inner = depth + 2;
    }
    if (ss)
        emit_tokens(x, block(x, m, "source", inner), u, ss, FALSE);
    emit_tokens(x, block(x, m, "target", inner), u, ts, FALSE);
    indent(m, inner - 1);
    if (!x->v12)
        indent(m->parent, depth);
    g_ptr_array_unref(ts);
    if (ss)
        g_ptr_array_unref(ss);
    cg_diags_free(quiet);
}

/* The unit's terms of the ITU term base with their equivalents in the target
 * language, in XLIFF 2.0's glossary module, for the CAT tool to show. */
static void emit_glossary(extractor *x, xmlNodePtr unit, const cg_xunit *u, int depth)
{
    GPtrArray *hits = cg_terms_find(x->terms, u->unit->text->str, x->s->lang, x->o->target_lang);
    if (hits->len) {
        indent(unit, depth);
        xmlNodePtr g = xmlNewChild(unit, NULL, (const xmlChar *)"glossary", NULL);
        xmlNsPtr ns = xmlNewNs(g, (const xmlChar *)GLS_NS, (const xmlChar *)"gls");
        xmlSetNs(g, ns);
        for (guint i = 0; i < hits->len; i++) {
            const cg_term_hit *h = hits->pdata[i];
            indent(g, depth + 1);
            xmlNodePtr e = xmlNewChild(g, ns, (const xmlChar *)"glossEntry", NULL);
            indent(e, depth + 2);
            xmlNodePtr t = xmlNewTextChild(e, ns, (const xmlChar *)"term", (const xmlChar *)h->found);
            set(t, "source", "ITU term base (circgen)");
            for (guint j = 0; j < h->equivalents->len; j++) {
                indent(e, depth + 2);
                xmlNewTextChild(e, ns, (const xmlChar *)"translation", (const xmlChar *)h->equivalents->pdata[j]);
            }
            if (h->note) {
                indent(e, depth + 2);
                xmlNewTextChild(e, ns, (const xmlChar *)"definition", (const xmlChar *)h->note);
            }
            indent(e, depth + 1);
        }
        indent(g, depth);
    }
    g_ptr_array_unref(hits);
}

/* ---- units and groups ----------------------------------------------------- */

static xmlNodePtr note(extractor *x, xmlNodePtr parent, int depth, const char *kind,
                       const char *text)
{
    xmlNodePtr n = text_child(x, parent, "note", depth, text);
    set(n, x->v12 ? "from" : "category", kind);
    return n;
}

static void emit_unit(extractor *x, xmlNodePtr parent, int depth, cg_xunit *u)
{
    const char *id = u->unit->id;
    xmlNodePtr unit = block(x, parent, x->v12 ? "trans-unit" : "unit", depth);
    set(unit, "id", id);
    set(unit, x->v12 ? "resname" : "name", u->unit->element);
    xmlNodeSetSpacePreserve(unit, 1);
    gboolean changed = x->prev && unit_changed(x, u);
    const cg_xunit *t = x->tr ? g_hash_table_lookup(x->tr->by_id, id) : NULL;
    GPtrArray *src = cg_xtoks_from_leaf(x->s->rules, u, u->unit->node, x->d);
    GPtrArray *tgt = t && !changed ? cg_xtoks_from_leaf(x->s->rules, u, t->unit->node, x->d) : NULL;
    char *why = changed ? change_note(x, id) : NULL;
    if (x->v12) {
        emit_tokens(x, block(x, unit, "source", depth + 1), u, src, TRUE);
        if (tgt) {
            xmlNodePtr tn = block(x, unit, "target", depth + 1);
            set(tn, "state", "translated");
            emit_tokens(x, tn, u, tgt, TRUE);
        }
        note(x, unit, depth + 1, "location", u->unit->place);
        if (why)
            note(x, unit, depth + 1, "changes", why);
        if (changed && x->tr)
            emit_proposal(x, unit, u, depth + 1);
    } else {
        if (changed && x->tr)
            emit_proposal(x, unit, u, depth + 1);
        emit_glossary(x, unit, u, depth + 1);
        xmlNodePtr notes = block(x, unit, "notes", depth + 1);
        note(x, notes, depth + 2, "location", u->unit->place);
        if (why)
            note(x, notes, depth + 2, "changes", why);
        indent(notes, depth + 1);
        emit_original_data(x, unit, u, depth + 1);
        xmlNodePtr seg = block(x, unit, "segment", depth + 1);
        if (changed && x->tr)
            set(seg, "id", "s1");
        set(seg, "state", tgt ? "translated" : "initial");
        emit_tokens(x, block(x, seg, "source", depth + 2), u, src, TRUE);
        if (tgt)
            emit_tokens(x, block(x, seg, "target", depth + 2), u, tgt, TRUE);
        indent(seg, depth + 1);
    }
    indent(unit, depth);
    g_free(why);
    g_ptr_array_unref(src);
    if (tgt)
        g_ptr_array_unref(tgt);
}

static void emit_tree(extractor *x, xmlNodePtr parent, int depth, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        cg_xunit *u = g_hash_table_lookup(x->s->by_node, c);
        if (u) {
            emit_unit(x, parent, depth, u);
            continue;
        }
        if (!g_hash_table_contains(x->has_leaf, c))
            continue;
        xmlNodePtr g = block(x, parent, "group", depth);
        xmlChar *id = xmlGetProp(c, (const xmlChar *)"id");
        char *gid = id ? g_strdup((const char *)id) : g_strdup_printf("g:%u", ++x->groups);
        set(g, "id", gid);
        set(g, x->v12 ? "resname" : "name", (const char *)c->name);
        char *place = cg_diff_place(c, x->s->rules);
        if (x->v12) {
            note(x, g, depth + 1, "location", place);
        } else {
            xmlNodePtr notes = block(x, g, "notes", depth + 1);
            note(x, notes, depth + 2, "location", place);
            indent(notes, depth + 1);
        }
        emit_tree(x, g, depth + 1, c);
        indent(g, depth);
        g_free(place);
        g_free(gid);
        xmlFree(id);
    }
}

/* The source as the file names it ("original"): relative to the folder of the output,
 * so that merge finds it beside the file wherever it is run from. */
static char *original(const cg_xliff_extract_opts *o)
{
    if (!strcmp(o->out, "-"))
        return g_strdup(o->source);
    char *src = g_canonicalize_filename(o->source, NULL);
    char *out = g_canonicalize_filename(o->out, NULL);
    char *dir = g_path_get_dirname(out);
    char **a = g_strsplit(src, "/", -1), **b = g_strsplit(dir, "/", -1);
    guint i = 0;
    while (a[i] && b[i] && !strcmp(a[i], b[i]))
        i++;
    GString *rel = g_string_new(NULL);
    for (guint j = i; b[j]; j++)
        if (*b[j])
            g_string_append(rel, "../");
    for (guint j = i; a[j]; j++)
        g_string_append_printf(rel, "%s%s", a[j], a[j + 1] ? "/" : "");
    g_strfreev(a);
    g_strfreev(b);
    g_free(src);
    g_free(out);
    g_free(dir);
    return g_string_free(rel, FALSE);
}

static xmlNodePtr emit_file(extractor *x)
{
    const cg_xliff_extract_opts *o = x->o;
    x->out = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"xliff");
    xmlDocSetRootElement(x->out, root);
    x->ns = xmlNewNs(root, (const xmlChar *)(x->v12 ? CG_XLIFF12_NS : CG_XLIFF20_NS), NULL);
    xmlSetNs(root, x->ns);
    set(root, "version", x->v12 ? "1.2" : "2.0");
    if (!x->v12) {
        set(root, "srcLang", x->s->lang);
        set(root, "trgLang", o->target_lang);
    }
    xmlNodePtr file = block(x, root, "file", 1), body;
    char *orig = original(o);
    set(file, "original", orig);
    g_free(orig);
    if (x->v12) {
        set(file, "source-language", x->s->lang);
        set(file, "target-language", o->target_lang);
        set(file, "datatype", "xml");
        xmlNodePtr header = block(x, file, "header", 2);
        note(x, header, 3, HASH_NOTE, x->s->hash);
        indent(header, 2);
        body = block(x, file, "body", 2);
    } else {
        set(file, "id", "f1");
        xmlNodePtr notes = block(x, file, "notes", 2);
        set(note(x, notes, 3, HASH_NOTE, x->s->hash), "id", "source-hash");
        indent(notes, 2);
        body = file;
    }
    emit_tree(x, body, x->v12 ? 3 : 2, xmlDocGetRootElement(x->s->doc));
    if (x->v12) {
        indent(body, 2);
    }
    indent(file, 1);
    indent(root, 0);
    return root;
}

/* ---- the command ------------------------------------------------------------ */

static cg_xsource *load_other(extractor *x, const char *file, int *status)
{
    cg_xsource *o = cg_xsource_load(file, NULL, FALSE, status, x->d);
    if (o && strcmp(o->type_name, x->s->type_name)) {
        cg_diag_add(x->d, CG_ERROR, file, 0, 0, "a document of type '%s', not '%s' as %s",
                    o->type_name, x->s->type_name, x->o->source);
        cg_xsource_free(o);
        *status = CG_EXIT_INVALID;
        return NULL;
    }
    return o;
}

static void mark_leaf_ancestors(extractor *x)
{
    x->has_leaf = g_hash_table_new(NULL, NULL);
    for (guint i = 0; i < x->s->units->len; i++) {
        const cg_xunit *u = x->s->units->pdata[i];
        for (xmlNodePtr p = u->unit->node->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
            if (g_hash_table_contains(x->has_leaf, p))
                break;
            g_hash_table_add(x->has_leaf, p);
        }
    }
}

static int load_inputs(extractor *x)
{
    int status = CG_EXIT_OK;
    x->s = cg_xsource_load(x->o->source, NULL, TRUE, &status, x->d);
    if (!x->s)
        return status;
    if (!x->v12 && !(x->terms = cg_terms_load(cg_templates_dir(), x->d)))
        return CG_EXIT_ERROR;
    if (x->o->translation && !(x->tr = load_other(x, x->o->translation, &status)))
        return status;
    if (x->tr && strcmp(x->tr->lang, x->o->target_lang))
        cg_diag_add(x->d, CG_WARNING, x->o->translation, 0, 0, "the translation is in '%s', "
                    "not in the target language '%s'", x->tr->lang, x->o->target_lang);
    if (x->o->previous) {
        if (!(x->prev = load_other(x, x->o->previous, &status)))
            return status;
        x->rev = cg_diff_versions(x->prev->v, x->s->v, CG_DIFF_REVISION);
        x->rev_by_id = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < x->rev->entries->len; i++) {
            cg_entry *e = x->rev->entries->pdata[i];
            if (e->id)
                g_hash_table_insert(x->rev_by_id, e->id, e);
        }
    }
    return CG_EXIT_OK;
}

int cg_xliff_extract(const cg_xliff_extract_opts *o, cg_diags *d)
{
    extractor x = { .o = o, .v12 = o->format == CG_XLIFF_12, .d = d };
    int status = load_inputs(&x);
    if (status == CG_EXIT_OK) {
        mark_leaf_ancestors(&x);
        emit_file(&x);
        xmlChar *mem = NULL;
        int len = 0;
        xmlDocDumpMemoryEnc(x.out, &mem, &len, "UTF-8");
        if (cg_write_file(o->out, mem, (size_t)len, d) != 0)
            status = CG_EXIT_ERROR;
        xmlFree(mem);
        xmlFreeDoc(x.out);
        g_hash_table_destroy(x.has_leaf);
    }
    if (x.rev_by_id)
        g_hash_table_destroy(x.rev_by_id);
    cg_report_free(x.rev);
    cg_terms_free(x.terms);
    cg_xsource_free(x.prev);
    cg_xsource_free(x.tr);
    cg_xsource_free(x.s);
    return status;
}
