/* xcodes.c — see xcodes.h. */
#include "xcodes.h"

#include <string.h>

static void tok_free(gpointer p)
{
    cg_xtok *t = p;
    g_free(t->id);
    g_free(t->text);
    g_free(t);
}

GPtrArray *cg_xtoks_new(void)
{
    return g_ptr_array_new_with_free_func(tok_free);
}

void cg_xtoks_add(GPtrArray *toks, cg_xtok_kind kind, const char *id_or_text, xmlNodePtr at)
{
    if (kind == CG_XT_TEXT && toks->len) {
        cg_xtok *last = toks->pdata[toks->len - 1];
        if (last->kind == CG_XT_TEXT) {
            char *joined = g_strconcat(last->text, id_or_text, NULL);
            g_free(last->text);
            last->text = joined;
            return;
        }
    }
    cg_xtok *t = g_new0(cg_xtok, 1);
    t->kind = kind;
    if (kind == CG_XT_TEXT)
        t->text = g_strdup(id_or_text);
    else
        t->id = g_strdup(id_or_text);
    t->at = at;
    g_ptr_array_add(toks, t);
}

gboolean cg_xtoks_empty(const GPtrArray *toks)
{
    for (guint i = 0; i < toks->len; i++) {
        const cg_xtok *t = toks->pdata[i];
        if (t->kind != CG_XT_TEXT)
            return FALSE;
        for (const char *p = t->text; *p; p++)
            if (!g_ascii_isspace(*p))
                return FALSE;
    }
    return TRUE;
}

/* ---- another version's leaf as tokens ----------------------------------- */

typedef struct {
    const cg_diff_rules *rules;
    const cg_xunit *u;
    GHashTable *used;    /* cg_xcode* set */
    cg_diags *d;
} leaf_walk;

static const cg_xcode *match_code(leaf_walk *w, xmlNodePtr el, gboolean paired, const char *key)
{
    const cg_xcode *same_name = NULL;
    for (guint i = 0; i < w->u->codes->len; i++) {
        const cg_xcode *c = w->u->codes->pdata[i];
        if (c->paired != paired || g_hash_table_contains(w->used, c) ||
            !xmlStrEqual(c->node->name, el->name))
            continue;
        if (c->node == el || !strcmp(c->key, key))
            return c;
        if (!same_name)
            same_name = c;
    }
    return same_name;
}

static void walk_leaf(leaf_walk *w, xmlNodePtr n, GPtrArray *toks)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            cg_xtoks_add(toks, CG_XT_TEXT, (const char *)c->content, NULL);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        gboolean paired = cg_diff_rules_is_prose(w->rules, (const char *)c->name);
        const cg_xcode *code = NULL;
        for (guint i = 0; i < w->u->codes->len && !code; i++)   /* the source itself */
            if (((const cg_xcode *)w->u->codes->pdata[i])->node == c)
                code = w->u->codes->pdata[i];
        if (!code) {
            char *k = cg_xcode_key(c, paired);
            code = match_code(w, c, paired, k);
            if (code && strcmp(code->key, k))
                cg_xml_diag(w->d, CG_WARNING, c, "unit '%s': <%s> differs from the source's "
                            "(%s): the source's is used", w->u->unit->id, c->name, code->data);
            g_free(k);
        }
        if (!code) {
            cg_xml_diag(w->d, CG_WARNING, c, "unit '%s': <%s> matches no inline element of the "
                        "source: left out of the target", w->u->unit->id, c->name);
            if (paired)
                walk_leaf(w, c, toks);
            continue;
        }
        g_hash_table_add(w->used, (gpointer)code);
        if (!code->paired) {
            cg_xtoks_add(toks, CG_XT_PH, code->id, c);
            continue;
        }
        cg_xtoks_add(toks, CG_XT_OPEN, code->id, c);
        walk_leaf(w, c, toks);
        cg_xtoks_add(toks, CG_XT_CLOSE, code->id, c);
    }
}

GPtrArray *cg_xtoks_from_leaf(const cg_diff_rules *rules, const cg_xunit *u, xmlNodePtr leaf,
                              cg_diags *d)
{
    leaf_walk w = { rules, u, g_hash_table_new(NULL, NULL), d };
    GPtrArray *toks = cg_xtoks_new();
    walk_leaf(&w, leaf, toks);
    g_hash_table_destroy(w.used);
    return toks;
}

/* ---- the rules of a target ---------------------------------------------- */

static const char *code_name(const cg_xcode *c)
{
    return (const char *)c->node->name;
}

/* Missing codes that cannot be deleted, once the tokens are otherwise right. */
static int check_missing(const cg_xunit *u, GHashTable *seen, char **msg)
{
    GString *missing = NULL;
    for (guint i = 0; i < u->codes->len; i++) {
        const cg_xcode *c = u->codes->pdata[i];
        if (c->can_delete || g_hash_table_contains(seen, c->id))
            continue;
        if (!missing)
            missing = g_string_new(NULL);
        else
            g_string_append(missing, ", ");
        g_string_append_printf(missing, "%s (<%s> \"%s\")", c->id, code_name(c), c->disp);
    }
    if (!missing)
        return 0;
    *msg = g_strdup_printf("unit '%s': the target lacks the code%s %s, which cannot be deleted",
                           u->unit->id, strchr(missing->str, ',') ? "s" : "", missing->str);
    g_string_free(missing, TRUE);
    return -1;
}

static int check_token(const cg_xunit *u, const cg_xtok *t, GHashTable *seen, GPtrArray *stack,
                       char **msg)
{
    const char *uid = u->unit->id;
    const cg_xcode *c = g_hash_table_lookup(u->by_id, t->id);
    if (!c) {
        *msg = g_strdup_printf("unit '%s': code '%s' is not a code of the source unit", uid, t->id);
        return -1;
    }
    gboolean paired = t->kind != CG_XT_PH;
    if (paired != c->paired) {
        *msg = g_strdup_printf("unit '%s': code %s (<%s>) is a %s in the source, not a %s", uid,
                               t->id, code_name(c), c->paired ? "paired code" : "placeholder",
                               paired ? "paired code" : "placeholder");
        return -1;
    }
    if (t->kind == CG_XT_CLOSE) {
        const char *top = stack->len ? stack->pdata[stack->len - 1] : NULL;
        if (top && !strcmp(top, t->id)) {
            g_ptr_array_remove_index(stack, stack->len - 1);
            return 0;
        }
        for (guint i = 0; i < stack->len; i++)
            if (!strcmp(stack->pdata[i], t->id)) {
                *msg = g_strdup_printf("unit '%s': paired codes %s and %s overlap", uid, top, t->id);
                return -1;
            }
        *msg = g_strdup_printf("unit '%s': paired code %s (<%s>) is closed but not opened", uid,
                               t->id, code_name(c));
        return -1;
    }
    if (g_hash_table_contains(seen, t->id)) {
        *msg = g_strdup_printf("unit '%s': code %s (<%s>) appears more than once in the target",
                               uid, t->id, code_name(c));
        return -1;
    }
    g_hash_table_add(seen, t->id);
    if (t->kind == CG_XT_OPEN)
        g_ptr_array_add(stack, t->id);
    return 0;
}

int cg_xtoks_check(const cg_xunit *u, const GPtrArray *toks, char **msg, const cg_xtok **at)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *stack = g_ptr_array_new();
    int rc = 0;
    *at = NULL;
    for (guint i = 0; i < toks->len && rc == 0; i++) {
        const cg_xtok *t = toks->pdata[i];
        if (t->kind == CG_XT_TEXT)
            continue;
        rc = check_token(u, t, seen, stack, msg);
        if (rc)
            *at = t;
    }
    if (rc == 0 && stack->len) {
        const char *id = stack->pdata[stack->len - 1];
        const cg_xcode *c = g_hash_table_lookup(u->by_id, id);
        *msg = g_strdup_printf("unit '%s': paired code %s (<%s>) is opened but never closed",
                               u->unit->id, id, code_name(c));
        for (guint i = 0; i < toks->len; i++) {
            const cg_xtok *t = toks->pdata[i];
            if (t->kind == CG_XT_OPEN && !strcmp(t->id, id))
                *at = t;
        }
        rc = -1;
    }
    if (rc == 0)
        rc = check_missing(u, seen, msg);
    g_ptr_array_free(stack, TRUE);
    g_hash_table_destroy(seen);
    return rc;
}

/* ---- rebuilding the unit ------------------------------------------------ */

static void detach_children(xmlNodePtr n, GHashTable *codes)
{
    xmlNodePtr c = n->children;
    while (c) {
        xmlNodePtr next = c->next;
        xmlUnlinkNode(c);
        if (!g_hash_table_contains(codes, c))
            xmlFreeNode(c);
        c = next;
    }
}

void cg_xtoks_apply(cg_xunit *u, const GPtrArray *toks)
{
    xmlNodePtr leaf = u->unit->node;
    GHashTable *codes = g_hash_table_new(NULL, NULL);
    for (guint i = 0; i < u->codes->len; i++)
        g_hash_table_add(codes, ((cg_xcode *)u->codes->pdata[i])->node);
    detach_children(leaf, codes);
    for (guint i = 0; i < u->codes->len; i++) {
        cg_xcode *c = u->codes->pdata[i];
        if (c->paired)
            detach_children(c->node, codes);
    }
    GHashTable *placed = g_hash_table_new(NULL, NULL);
    GPtrArray *stack = g_ptr_array_new();
    g_ptr_array_add(stack, leaf);
    for (guint i = 0; i < toks->len; i++) {
        const cg_xtok *t = toks->pdata[i];
        xmlNodePtr top = stack->pdata[stack->len - 1];
        if (t->kind == CG_XT_TEXT) {
            xmlAddChild(top, xmlNewDocText(leaf->doc, (const xmlChar *)t->text));
            continue;
        }
        cg_xcode *c = g_hash_table_lookup(u->by_id, t->id);
        if (t->kind == CG_XT_CLOSE) {
            g_ptr_array_remove_index(stack, stack->len - 1);
            continue;
        }
        xmlAddChild(top, c->node);
        g_hash_table_add(placed, c->node);
        if (t->kind == CG_XT_OPEN)
            g_ptr_array_add(stack, c->node);
    }
    /* Codes the target left out (deletable ones) go; nested codes were detached. */
    for (guint i = 0; i < u->codes->len; i++) {
        cg_xcode *c = u->codes->pdata[i];
        if (!g_hash_table_contains(placed, c->node))
            xmlFreeNode(c->node);
        c->node = NULL;
    }
    g_ptr_array_free(stack, TRUE);
    g_hash_table_destroy(placed);
    g_hash_table_destroy(codes);
}
