/* diffdoc.c — see diffdoc.h. */
#include "diffdoc.h"
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

#define RULES_NS "urn:circgen:diff-rules"

struct cg_diff_rules {
    GHashTable *prose;    /* element name set */
    GHashTable *labels;   /* element name -> GPtrArray of label_rule, tried in order */
};

/* One <label> rule: its text and the conditions under which it names an element. */
typedef struct {
    char *text;
    char *under;        /* the parent's name must be this (NULL: any) */
    char *under_attr;   /* ... and its attribute under_attr equal under_val */
    char *under_val;
    char *within;       /* an ancestor's name must be this (NULL: any) */
    char *start;        /* the parent's attribute giving the first number ({n}, {a}) */
    char *head;         /* the table's child holding the head rows ({column}) */
    char *alone;        /* the text instead when the element has no namesakes */
} label_rule;

static void label_rule_free(gpointer p)
{
    label_rule *l = p;
    g_free(l->text);
    g_free(l->under);
    g_free(l->under_attr);
    g_free(l->under_val);
    g_free(l->within);
    g_free(l->start);
    g_free(l->head);
    g_free(l->alone);
    g_free(l);
}

cg_diff_rules *cg_diff_rules_new(void)
{
    cg_diff_rules *r = g_new0(cg_diff_rules, 1);
    r->prose = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    r->labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_ptr_array_unref);
    return r;
}

static GPtrArray *rules_for(cg_diff_rules *r, const char *element, gboolean fresh)
{
    GPtrArray *a = fresh ? NULL : g_hash_table_lookup(r->labels, element);
    if (!a) {
        a = g_ptr_array_new_with_free_func(label_rule_free);
        g_hash_table_replace(r->labels, g_strdup(element), a);
    }
    return a;
}

void cg_diff_rules_add(cg_diff_rules *r, const char *element, const char *label)
{
    if (label) {
        label_rule *l = g_new0(label_rule, 1);
        l->text = g_strdup(label);
        g_ptr_array_add(rules_for(r, element, TRUE), l);
    } else {
        g_hash_table_add(r->prose, g_strdup(element));
    }
}

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v && *v ? g_strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

/* A <label> element read; seen: the elements already given rules in this file (the
 * type's file replaces the common rules of an element, a file's rules add up). */
static void add_label(cg_diff_rules *r, xmlNodePtr n, const char *el, GHashTable *seen)
{
    label_rule *l = g_new0(label_rule, 1);
    xmlChar *text = xmlGetProp(n, (const xmlChar *)"text");
    l->text = g_strdup((const char *)text);
    xmlFree(text);
    l->under = prop(n, "under");
    l->within = prop(n, "within");
    l->start = prop(n, "start");
    l->head = prop(n, "head");
    xmlChar *alone = xmlGetProp(n, (const xmlChar *)"alone");
    l->alone = alone ? g_strdup((const char *)alone) : NULL;
    xmlFree(alone);
    char *br = l->under ? strchr(l->under, '[') : NULL;
    char *eq = br ? strchr(br, '=') : NULL;
    if (br && eq && eq[strlen(eq) - 1] == ']') {
        *br = 0;
        *eq = 0;
        eq[strlen(eq + 1)] = 0;
        l->under_attr = g_strdup(br + 1);
        l->under_val = g_strdup(eq + 1);
    }
    gboolean fresh = !g_hash_table_contains(seen, el);
    if (fresh)
        g_hash_table_add(seen, g_strdup(el));
    g_ptr_array_add(rules_for(r, el, fresh), l);
}

gboolean cg_diff_rules_is_prose(const cg_diff_rules *r, const char *element)
{
    return r && element && g_hash_table_contains(r->prose, element);
}

void cg_diff_rules_free(cg_diff_rules *r)
{
    if (!r)
        return;
    g_hash_table_destroy(r->prose);
    g_hash_table_destroy(r->labels);
    g_free(r);
}

static int load_rules_file(cg_diff_rules *r, const char *path, cg_diags *d)
{
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return 0;
    xmlDocPtr doc = cg_xml_read_file(path, d);
    if (!doc)
        return -1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !root->ns || !xmlStrEqual(root->ns->href, (const xmlChar *)RULES_NS)) {
        cg_xml_diag(d, CG_ERROR, root, "diff rules must be in the namespace %s", RULES_NS);
        cg_xml_free(doc);
        return -1;
    }
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *el = xmlGetProp(n, (const xmlChar *)"element");
        xmlChar *text = xmlGetProp(n, (const xmlChar *)"text");
        if (!el) {
            cg_xml_diag(d, CG_WARNING, n, "<%s> without element=\"...\": ignored", n->name);
        } else if (xmlStrEqual(n->name, (const xmlChar *)"prose")) {
            cg_diff_rules_add(r, (const char *)el, NULL);
        } else if (xmlStrEqual(n->name, (const xmlChar *)"label") && text) {
            add_label(r, n, (const char *)el, seen);
        } else {
            cg_xml_diag(d, CG_WARNING, n, "unknown diff rule <%s>: ignored", n->name);
        }
        xmlFree(el);
        xmlFree(text);
    }
    cg_xml_free(doc);
    return 0;
}

cg_diff_rules *cg_diff_rules_load(const char *templates_dir, const char *type_dir, cg_diags *d)
{
    cg_diff_rules *r = cg_diff_rules_new();
    char *common = g_build_filename(templates_dir, "common", "diff-rules.xml", NULL);
    int rc = load_rules_file(r, common, d);
    g_free(common);
    if (rc == 0 && type_dir) {
        char *own = g_build_filename(type_dir, "diff-rules.xml", NULL);
        rc = load_rules_file(r, own, d);
        g_free(own);
    }
    if (rc < 0) {
        cg_diff_rules_free(r);
        return NULL;
    }
    return r;
}

static char *normalized_content(xmlNodePtr n);

/* ---- places ----------------------------------------------------------- */

static const xmlChar *unit_id(xmlNodePtr n)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (xmlStrEqual(a->name, (const xmlChar *)"id") &&
            (!a->ns || xmlStrEqual(a->ns->href, XML_XML_NAMESPACE)) && a->children)
            return a->children->content;
    return NULL;
}

/* While a version is built, positions are cached: computing them for every child of
 * a parent at once keeps the model linear in the size of the document (an annex may
 * hold thousands of drafts). Key: node; value: pos << 32 | count. */
static GHashTable *pos_cache;

static void cache_positions(xmlNodePtr parent)
{
    GHashTable *counts = g_hash_table_new(g_str_hash, g_str_equal);
    for (xmlNodePtr s = parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE)
            continue;
        int c = GPOINTER_TO_INT(g_hash_table_lookup(counts, s->name)) + 1;
        g_hash_table_insert(counts, (gpointer)s->name, GINT_TO_POINTER(c));
        g_hash_table_insert(pos_cache, s, GSIZE_TO_POINTER((gsize)c << 32));
    }
    for (xmlNodePtr s = parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE)
            continue;
        gsize v = GPOINTER_TO_SIZE(g_hash_table_lookup(pos_cache, s));
        v |= (gsize)GPOINTER_TO_INT(g_hash_table_lookup(counts, s->name));
        g_hash_table_insert(pos_cache, s, GSIZE_TO_POINTER(v));
    }
    g_hash_table_destroy(counts);
}

/* Position of n among its element siblings of the same name (1-based); *count: how many. */
static int position(xmlNodePtr n, int *count)
{
    int pos = 0, total = 0;
    if (!n->parent || n->parent->type != XML_ELEMENT_NODE) {
        *count = 1;
        return 1;
    }
    if (pos_cache) {
        gsize v = GPOINTER_TO_SIZE(g_hash_table_lookup(pos_cache, n));
        if (!v) {
            cache_positions(n->parent);
            v = GPOINTER_TO_SIZE(g_hash_table_lookup(pos_cache, n));
        }
        *count = (int)(v & 0xffffffffu);
        return (int)(v >> 32);
    }
    for (xmlNodePtr s = n->parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, n->name))
            continue;
        total++;
        if (s == n)
            pos = total;
    }
    *count = total;
    return pos;
}

static gboolean named(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

/* The first rule of n's element whose conditions n meets; NULL: none. */
static const label_rule *rule_of(xmlNodePtr n, const cg_diff_rules *rules)
{
    GPtrArray *a = rules ? g_hash_table_lookup(rules->labels, n->name) : NULL;
    for (guint i = 0; a && i < a->len; i++) {
        const label_rule *l = a->pdata[i];
        if (l->under && !named(n->parent, l->under))
            continue;
        if (l->under_attr) {
            char *v = prop(n->parent, l->under_attr);
            gboolean eq = v && !strcmp(v, l->under_val);
            g_free(v);
            if (!eq)
                continue;
        }
        if (l->within) {
            xmlNodePtr p = n->parent;
            while (p && p->type == XML_ELEMENT_NODE && !named(p, l->within))
                p = p->parent;
            if (!named(p, l->within))
                continue;
        }
        return l;
    }
    return NULL;
}

static int span(xmlNodePtr cell, const char *attr)
{
    char *v = prop(cell, attr);
    int k = v ? atoi(v) : 1;
    g_free(v);
    return k > 0 ? k : 1;
}

/* The column (1-based) where a cell starts, counting the column and row spans of the
 * rows before it among its row's siblings of the same name. */
static int cell_column(xmlNodePtr cell)
{
    xmlNodePtr row = cell->parent;
    if (!row || !row->parent)
        return 1;
    GArray *busy = g_array_new(FALSE, TRUE, sizeof(int));   /* rows still covered */
    int found = 1;
    for (xmlNodePtr r = row->parent->children; r; r = r->next) {
        if (r->type != XML_ELEMENT_NODE || !xmlStrEqual(r->name, row->name))
            continue;
        guint col = 0;
        for (xmlNodePtr c = r->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            while (col < busy->len && g_array_index(busy, int, col) > 0)
                col++;
            if (c == cell)
                found = (int)col + 1;
            int cs = span(c, "colspan"), rs = span(c, "rowspan");
            if (busy->len < col + cs)
                g_array_set_size(busy, col + cs);
            for (int k = 0; k < cs; k++)
                g_array_index(busy, int, col + k) = rs;
            col += cs;
        }
        if (r == row)
            break;
        for (guint k = 0; k < busy->len; k++)
            if (g_array_index(busy, int, k) > 0)
                g_array_index(busy, int, k)--;
    }
    g_array_free(busy, TRUE);
    return found;
}

/* Whitespace-collapsed text of n, cut after 40 characters. */
static char *short_text(xmlNodePtr n)
{
    char *t = normalized_content(n);
    if (g_utf8_strlen(t, -1) > 40) {
        char *cut = g_utf8_offset_to_pointer(t, 40);
        *cut = 0;
        char *s = g_strconcat(g_strchomp(t), "…", NULL);
        g_free(t);
        return s;
    }
    return t;
}

/* The text of the head cell over col in the first head row of the cell's table:
 * the table is the parent of the cell's row, the head its child named head. */
static char *column_header(xmlNodePtr cell, const char *head, int col)
{
    xmlNodePtr table = cell->parent ? cell->parent->parent : NULL;
    xmlNodePtr h = NULL, hrow = NULL;
    for (xmlNodePtr c = table && head ? table->children : NULL; c && !h; c = c->next)
        if (named(c, head))
            h = c;
    for (xmlNodePtr c = h ? h->children : NULL; c && !hrow; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            hrow = c;
    int at = 1;
    for (xmlNodePtr c = hrow ? hrow->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        int cs = span(c, "colspan");
        if (col >= at && col < at + cs) {
            char *t = short_text(c);
            if (*t)
                return t;
            g_free(t);
            return NULL;
        }
        at += cs;
    }
    return NULL;
}

/* A number as a letter, as xsl:number format="a" writes it: a ... z, aa, ab ... */
static void append_letters(GString *out, int k)
{
    char buf[16];
    int i = sizeof buf - 1;
    buf[i] = 0;
    while (k > 0 && i > 0) {
        k--;
        buf[--i] = (char)('a' + k % 26);
        k /= 26;
    }
    g_string_append(out, buf + i);
}

/* {number}: the positions of n and of its ancestors of the same name ("7.1"). */
static void append_nested(GString *out, xmlNodePtr n)
{
    GArray *nums = g_array_new(FALSE, FALSE, sizeof(int));
    for (xmlNodePtr a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
        if (!xmlStrEqual(a->name, n->name))
            continue;
        int count, pos = position(a, &count);
        g_array_prepend_val(nums, pos);
    }
    for (guint i = 0; i < nums->len; i++)
        g_string_append_printf(out, "%s%d", i ? "." : "", g_array_index(nums, int, i));
    g_array_free(nums, TRUE);
}

/* {call:NAME@ATTR}: the number of the first NAME element whose ATTR is n's id among
 * all NAME elements of the document (a footnote numbered by its call). */
static void append_call(GString *out, xmlNodePtr n, const char *spec)
{
    const xmlChar *id = unit_id(n);
    const char *at = strchr(spec, '@');
    if (!id || !at)
        return;
    char *name = g_strndup(spec, at - spec);
    int k = 0, found = 0;
    xmlNodePtr c = xmlDocGetRootElement(n->doc);
    while (c && !found) {
        if (named(c, name)) {
            k++;
            char *v = prop(c, at + 1);
            if (v && xmlStrEqual((const xmlChar *)v, id))
                found = k;
            g_free(v);
        }
        if (c->children && c->children->type != XML_ENTITY_DECL)
            c = c->children;
        else {
            while (c && !c->next)
                c = c->parent && c->parent->type == XML_ELEMENT_NODE ? c->parent : NULL;
            if (c)
                c = c->next;
        }
    }
    if (found)
        g_string_append_printf(out, "%d", found);
    g_free(name);
}

static void append_field(GString *out, xmlNodePtr n, const label_rule *l, const char *name)
{
    int count, pos = position(n, &count);
    if (!strcmp(name, "n") || !strcmp(name, "a")) {
        char *st = l->start ? prop(n->parent, l->start) : NULL;
        if (st && atoi(st) > 0)
            pos += atoi(st) - 1;
        g_free(st);
        if (name[0] == 'n')
            g_string_append_printf(out, "%d", pos);
        else
            append_letters(out, pos);
    } else if (!strcmp(name, "number")) {
        append_nested(out, n);
    } else if (!strcmp(name, "name")) {
        g_string_append(out, (const char *)n->name);
    } else if (!strcmp(name, "text")) {
        char *t = short_text(n);
        g_string_append(out, t);
        g_free(t);
    } else if (!strcmp(name, "col")) {
        g_string_append_printf(out, "%d", cell_column(n));
    } else if (!strcmp(name, "column")) {
        int col = cell_column(n);
        char *h = column_header(n, l->head, col);
        if (h)
            g_string_append(out, h);
        else
            g_string_append_printf(out, "column %d", col);
        g_free(h);
    } else if (!strncmp(name, "call:", 5)) {
        append_call(out, n, name + 5);
    } else if (name[0] == '@') {
        char *v = prop(n, name + 1);
        if (v)
            g_string_append(out, v);
        g_free(v);
    }
}

static void append_label(GString *out, xmlNodePtr n, const label_rule *l)
{
    if (!l) {
        int count, pos = position(n, &count);
        if (out->len)
            g_string_append(out, " › ");
        g_string_append(out, (const char *)n->name);
        if (count > 1)
            g_string_append_printf(out, " %d", pos);
        return;
    }
    const char *text = l->text;
    if (l->alone) {
        int count;
        position(n, &count);
        if (count == 1)
            text = l->alone;
    }
    if (!*text)
        return;
    if (out->len)
        g_string_append(out, " › ");
    for (const char *p = text; *p; p++) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        if (close) {
            char *name = g_strndup(p + 1, close - p - 1);
            append_field(out, n, l, name);
            g_free(name);
            p = close;
            continue;
        }
        g_string_append_c(out, *p);
    }
}

char *cg_diff_place(xmlNodePtr node, const cg_diff_rules *rules)
{
    GPtrArray *chain = g_ptr_array_new();
    for (xmlNodePtr n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        g_ptr_array_add(chain, n);
    GString *out = g_string_new(NULL);
    /* The root is left out (every place is in it), except for the root itself. */
    guint top = chain->len > 1 ? chain->len - 1 : chain->len;
    for (guint i = top; i-- > 0;) {
        xmlNodePtr n = chain->pdata[i];
        const label_rule *l = rule_of(n, rules);
        /* A level numbered with {number} is named by the deepest of its namesakes
         * in the place ("paragraph 7.1", not "paragraph 7 › paragraph 7.1"). */
        gboolean inner = FALSE;
        for (guint j = 0; l && strstr(l->text, "{number}") && j < i && !inner; j++)
            inner = xmlStrEqual(((xmlNodePtr)chain->pdata[j])->name, n->name);
        if (!inner)
            append_label(out, n, l);
    }
    if (!out->len)
        g_string_append(out, (const char *)node->name);
    g_ptr_array_free(chain, TRUE);
    return g_string_free(out, FALSE);
}

/* ---- units ------------------------------------------------------------ */

static void datum_free(gpointer p)
{
    cg_datum *x = p;
    g_free(x->name);
    g_free(x->key);
    g_free(x->show);
    g_free(x);
}

static void unit_free(gpointer p)
{
    cg_unit *u = p;
    g_free(u->place);
    if (u->text)
        g_string_free(u->text, TRUE);
    if (u->pieces)
        g_array_unref(u->pieces);
    if (u->data)
        g_ptr_array_unref(u->data);
    g_free(u);
}

static void field_free(gpointer p)
{
    cg_field *f = p;
    g_free(f->key);
    g_free(f->anchor);
    g_free(f->place);
    g_free(f->what);
    g_free(f->value);
    g_free(f);
}

/* Collapse whitespace while appending. */
typedef struct {
    cg_unit *u;
    gboolean space;      /* the text ends in a (collapsed) space, or is empty */
    gsize piece_start;
} flat;

static gboolean ws(gunichar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void flat_text(flat *f, const char *s)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (ws(c)) {
            if (!f->space)
                g_string_append_c(f->u->text, ' ');
            f->space = TRUE;
        } else {
            g_string_append_unichar(f->u->text, c);
            f->space = FALSE;
        }
    }
}

static void flat_close_piece(flat *f, int datum)
{
    gsize end = f->u->text->len;
    if (end > f->piece_start || datum >= 0) {
        cg_piece pc = { f->piece_start, end - f->piece_start, datum };
        g_array_append_val(f->u->pieces, pc);
    }
    f->piece_start = end;
}

static char *normalized_content(xmlNodePtr n)
{
    xmlChar *c = xmlNodeGetContent(n);
    char *s = g_strdup(c ? (const char *)c : "");
    xmlFree(c);
    /* collapse whitespace */
    char *w = s;
    gboolean sp = TRUE;
    for (const char *r = s; *r; r++) {
        if (ws((guchar)*r)) {
            if (!sp)
                *w++ = ' ';
            sp = TRUE;
        } else {
            *w++ = *r;
            sp = FALSE;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = 0;
    return s;
}

static gint attr_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* An inline data element; with_content FALSE: its attributes only (those of a prose
 * element such as a link, whose words are compared as text but whose address is data). */
static cg_datum *datum_new(xmlNodePtr n, gboolean with_content)
{
    cg_datum *x = g_new0(cg_datum, 1);
    x->name = g_strdup((const char *)n->name);
    GPtrArray *attrs = g_ptr_array_new_with_free_func(g_free);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        g_ptr_array_add(attrs, g_strdup_printf("%s=%s", a->name, v ? (const char *)v : ""));
        xmlFree(v);
    }
    g_ptr_array_sort(attrs, attr_cmp);
    char *content = with_content ? normalized_content(n) : g_strdup("");
    GString *key = g_string_new(x->name);
    GString *vals = g_string_new(NULL);
    for (guint i = 0; i < attrs->len; i++) {
        const char *kv = attrs->pdata[i];
        g_string_append_printf(key, " %s", kv);
        g_string_append_printf(vals, " %s", strchr(kv, '=') + 1);
    }
    g_string_append_printf(key, "|%s", content);
    x->key = g_string_free(key, FALSE);
    if (*content)
        x->show = g_strdup(content);
    else
        x->show = g_strdup_printf("⟨%s%s⟩", x->name, vals->str);
    g_string_free(vals, TRUE);
    g_free(content);
    g_ptr_array_unref(attrs);
    return x;
}

static void flatten(flat *f, xmlNodePtr n, const cg_diff_rules *rules)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            flat_text(f, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (rules && g_hash_table_contains(rules->prose, c->name)) {
                if (c->properties) {    /* its attributes are data, shown nowhere in the text */
                    flat_close_piece(f, -1);
                    g_ptr_array_add(f->u->data, datum_new(c, FALSE));
                    flat_close_piece(f, (int)f->u->data->len - 1);
                }
                flatten(f, c, rules);
                continue;
            }
            flat_close_piece(f, -1);
            cg_datum *x = datum_new(c, TRUE);
            g_string_append(f->u->text, x->show);
            g_ptr_array_add(f->u->data, x);
            flat_close_piece(f, (int)f->u->data->len - 1);
            f->space = FALSE;
        }
    }
}

static gboolean has_id_below(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (unit_id(c) || has_id_below(c)))
            return TRUE;
    return FALSE;
}

static void make_leaf(cg_unit *u, const cg_diff_rules *rules)
{
    u->leaf = TRUE;
    u->text = g_string_new(NULL);
    u->pieces = g_array_new(FALSE, FALSE, sizeof(cg_piece));
    u->data = g_ptr_array_new_with_free_func(datum_free);
    flat f = { u, TRUE, 0 };
    flatten(&f, u->node, rules);
    /* Drop a trailing space, shortening the last prose piece. */
    if (u->text->len && u->text->str[u->text->len - 1] == ' ' &&
        (f.piece_start < u->text->len)) {
        g_string_truncate(u->text, u->text->len - 1);
    }
    flat_close_piece(&f, -1);
}

/* ---- fields ----------------------------------------------------------- */

typedef struct {
    cg_version *v;
    const cg_diff_rules *rules;
    guint field_order;
} walker;

static void add_field(walker *w, xmlNodePtr n, const char *anchor, const char *path,
                      const char *what, char *value)
{
    cg_field *f = g_new0(cg_field, 1);
    f->anchor = g_strdup(anchor);
    f->key = g_strdup_printf("%s%s%s%s", anchor ? "#" : "", anchor ? anchor : "", path,
                             what[0] == '@' ? "/" : "");
    if (what[0] == '@') {
        char *k = g_strconcat(f->key, what, NULL);
        g_free(f->key);
        f->key = k;
    }
    f->place = cg_diff_place(n, w->rules);
    f->what = g_strdup(what);
    f->value = value;
    f->line = cg_xml_line(n);
    f->order = w->field_order++;
    if (g_hash_table_contains(w->v->by_key, f->key)) {
        field_free(f);   /* cannot happen: paths are unique */
        return;
    }
    g_ptr_array_add(w->v->fields, f);
    g_hash_table_insert(w->v->by_key, f->key, f);
}

static void walk(walker *w, xmlNodePtr n, const char *anchor, const char *path, gboolean in_leaf)
{
    const xmlChar *id = unit_id(n);
    char *mypath;
    if (id) {
        anchor = (const char *)id;
        mypath = g_strdup("");
        cg_unit *u = g_new0(cg_unit, 1);
        u->id = (const char *)id;
        u->node = n;
        u->element = (const char *)n->name;
        u->place = cg_diff_place(n, w->rules);
        u->line = cg_xml_line(n);
        u->order = w->v->units->len;
        if (!g_hash_table_contains(w->v->by_id, u->id)) {
            g_ptr_array_add(w->v->units, u);
            g_hash_table_insert(w->v->by_id, (gpointer)u->id, u);
            if (!has_id_below(n)) {
                make_leaf(u, w->rules);
                in_leaf = TRUE;
            }
        } else {
            unit_free(u);   /* duplicate id: validation reports it */
        }
    } else {
        int count, pos = position(n, &count);
        mypath = count > 1 ? g_strdup_printf("%s/%s[%d]", path, n->name, pos)
                           : g_strdup_printf("%s/%s", path, n->name);
    }
    /* Attributes: language-independent data (inline data elements of a leaf are data
     * of the leaf, compared with its text). */
    if (!in_leaf || id) {
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            if (xmlStrEqual(a->name, (const xmlChar *)"id") ||
                (a->ns && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE)))
                continue;
            xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
            char *what = g_strdup_printf("@%s", a->name);
            add_field(w, n, anchor, mypath, what, g_strdup(v ? (const char *)v : ""));
            g_free(what);
            xmlFree(v);
        }
    }
    if (!in_leaf) {
        gboolean text = FALSE;
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE && c->content) {
                for (const xmlChar *p = c->content; *p; p++)
                    if (!ws(*p))
                        text = TRUE;
            }
        if (text)
            add_field(w, n, anchor, mypath, (const char *)n->name, normalized_content(n));
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                walk(w, c, anchor, mypath, FALSE);
    }
    g_free(mypath);
}

cg_version *cg_version_new(xmlDocPtr doc, const char *file, const cg_diff_rules *rules)
{
    cg_version *v = g_new0(cg_version, 1);
    v->doc = doc;
    v->file = g_strdup(file);
    v->units = g_ptr_array_new_with_free_func(unit_free);
    v->by_id = g_hash_table_new(g_str_hash, g_str_equal);
    v->fields = g_ptr_array_new_with_free_func(field_free);
    v->by_key = g_hash_table_new(g_str_hash, g_str_equal);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlChar *lang = root ? xmlNodeGetLang(root) : NULL;
    v->lang = g_strdup(lang ? (const char *)lang : "");
    xmlFree(lang);
    if (root) {
        walker w = { v, rules, 0 };
        pos_cache = g_hash_table_new(NULL, NULL);
        walk(&w, root, NULL, "", FALSE);
        g_hash_table_destroy(pos_cache);
        pos_cache = NULL;
    }
    return v;
}

void cg_version_free(cg_version *v)
{
    if (!v)
        return;
    g_hash_table_destroy(v->by_id);
    g_hash_table_destroy(v->by_key);
    g_ptr_array_unref(v->units);
    g_ptr_array_unref(v->fields);
    g_free(v->file);
    g_free(v->lang);
    g_free(v);
}
