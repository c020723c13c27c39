/* xsource.c — see xsource.h. */
#include "xsource.h"
#include "doc/doc.h"

#include <string.h>

static void code_free(gpointer p)
{
    cg_xcode *c = p;
    g_free(c->id);
    g_free(c->disp);
    g_free(c->data);
    g_free(c->data_end);
    g_free(c->key);
    g_free(c);
}

void cg_xunit_free(cg_xunit *u)
{
    if (!u)
        return;
    g_ptr_array_unref(u->codes);
    g_hash_table_destroy(u->by_id);
    g_free(u);
}

static void xunit_free(gpointer p)
{
    cg_xunit_free(p);
}

void cg_xsource_free(cg_xsource *s)
{
    if (!s)
        return;
    if (s->units)
        g_ptr_array_unref(s->units);
    if (s->by_id)
        g_hash_table_destroy(s->by_id);
    if (s->by_node)
        g_hash_table_destroy(s->by_node);
    cg_version_free(s->v);
    cg_diff_rules_free(s->rules);
    if (s->doc)
        cg_xml_free(s->doc);
    g_free(s->file);
    g_free(s->lang);
    g_free(s->type_name);
    g_free(s->hash);
    g_free(s);
}

/* "<name a="v" ...>" of an element, without namespace declarations. */
static char *start_tag(xmlNodePtr el, gboolean empty)
{
    GString *s = g_string_new("<");
    g_string_append(s, (const char *)el->name);
    for (xmlAttrPtr a = el->properties; a; a = a->next) {
        xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
        char *esc = g_markup_escape_text(v ? (const char *)v : "", -1);
        g_string_append_printf(s, " %s%s%s=\"%s\"", a->ns && a->ns->prefix ? (const char *)a->ns->prefix : "",
                               a->ns && a->ns->prefix ? ":" : "", a->name, esc);
        g_free(esc);
        xmlFree(v);
    }
    g_string_append(s, empty ? "/>" : ">");
    return g_string_free(s, FALSE);
}

/* The original markup of a placeholder: the element as written, content included. */
static char *element_markup(xmlNodePtr el)
{
    if (!el->children)
        return start_tag(el, TRUE);
    GString *s = g_string_new(NULL);
    char *st = start_tag(el, FALSE);
    g_string_append(s, st);
    g_free(st);
    xmlBufferPtr buf = xmlBufferCreate();
    for (xmlNodePtr c = el->children; c; c = c->next)
        xmlNodeDump(buf, el->doc, c, 0, 0);
    g_string_append(s, (const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    g_string_append_printf(s, "</%s>", el->name);
    return g_string_free(s, FALSE);
}

char *cg_xcode_key(xmlNodePtr el, gboolean paired)
{
    return paired ? start_tag(el, FALSE) : element_markup(el);
}

static guint count_elements(xmlNodePtr n)
{
    guint k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            k += 1 + count_elements(c);
    return k;
}

/* The codes of a leaf, in document order. values: the formatted values of every
 * element below the leaf in document order (from xliff.xsl), or NULL; *k counts them. */
static void collect_codes(const cg_diff_rules *rules, cg_xunit *u, xmlNodePtr n, GPtrArray *values,
                          guint *k)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        guint index = (*k)++;
        cg_xcode *x = g_new0(cg_xcode, 1);
        x->id = g_strdup_printf("%u", u->codes->len + 1);
        x->node = c;
        x->paired = cg_diff_rules_is_prose(rules, (const char *)c->name);
        x->can_delete = x->paired && !c->properties;
        if (values && index < values->len)
            x->disp = g_strdup(values->pdata[index]);
        if (x->paired) {
            x->data = start_tag(c, FALSE);
            x->data_end = g_strdup_printf("</%s>", c->name);
            x->key = g_strdup(x->data);
        } else {
            x->data = element_markup(c);
            x->key = g_strdup(x->data);
        }
        if (!x->disp || !*x->disp) {
            g_free(x->disp);
            x->disp = g_strdup(x->paired ? (const char *)c->name : x->data);
        }
        g_ptr_array_add(u->codes, x);
        g_hash_table_insert(u->by_id, x->id, x);
        if (x->paired)
            collect_codes(rules, u, c, values, k);
        else
            *k += count_elements(c);
    }
}

cg_xunit *cg_xunit_new(cg_unit *unit, const cg_diff_rules *rules, GPtrArray *values)
{
    cg_xunit *u = g_new0(cg_xunit, 1);
    u->unit = unit;
    u->codes = g_ptr_array_new_with_free_func(code_free);
    u->by_id = g_hash_table_new(g_str_hash, g_str_equal);
    guint k = 0;
    collect_codes(rules, u, unit->node, values, &k);
    return u;
}

/* The values of the codes: templates/TYPE/xliff.xsl gives, for every leaf unit,
 * <u id="..."><v>value</v>...</u> with one v per element below it in document order. */
static GHashTable *code_values(xmlDocPtr doc, cg_diags *d)
{
    xmlDocPtr r = cg_transform(doc, "xliff.xsl", NULL, d);
    if (!r)
        return NULL;
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_ptr_array_unref);
    xmlNodePtr root = xmlDocGetRootElement(r);
    for (xmlNodePtr u = root ? root->children : NULL; u; u = u->next) {
        if (u->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *id = xmlGetProp(u, (const xmlChar *)"id");
        GPtrArray *vals = g_ptr_array_new_with_free_func(g_free);
        for (xmlNodePtr v = u->children; v; v = v->next) {
            if (v->type != XML_ELEMENT_NODE)
                continue;
            xmlChar *c = xmlNodeGetContent(v);
            g_ptr_array_add(vals, g_strdup(c ? (const char *)c : ""));
            xmlFree(c);
        }
        if (id)
            g_hash_table_replace(t, g_strdup((const char *)id), vals);
        else
            g_ptr_array_unref(vals);
        xmlFree(id);
    }
    xmlFreeDoc(r);
    return t;
}

char *cg_xsource_hash(const cg_version *v)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)v->lang, -1);
    for (guint i = 0; i < v->units->len; i++) {
        const cg_unit *u = v->units->pdata[i];
        g_checksum_update(sum, (const guchar *)"\036", 1);
        g_checksum_update(sum, (const guchar *)u->id, -1);
        g_checksum_update(sum, (const guchar *)"\037", 1);
        g_checksum_update(sum, (const guchar *)u->element, -1);
        if (!u->leaf)
            continue;
        g_checksum_update(sum, (const guchar *)"\037", 1);
        g_checksum_update(sum, (const guchar *)u->text->str, u->text->len);
        for (guint j = 0; j < u->data->len; j++) {
            const cg_datum *x = u->data->pdata[j];
            g_checksum_update(sum, (const guchar *)"\037", 1);
            g_checksum_update(sum, (const guchar *)x->key, -1);
        }
    }
    char *h = g_strdup_printf("sha256:%s", g_checksum_get_string(sum));
    g_checksum_free(sum);
    return h;
}

/* The model's hash, and the markup of every code of every unit: paired codes (b, i)
 * are text to the diff, but a file made before one was added is for another source. */
static char *units_hash(const cg_xsource *s)
{
    char *h = cg_xsource_hash(s->v);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)h, -1);
    for (guint i = 0; i < s->units->len; i++) {
        const cg_xunit *u = s->units->pdata[i];
        for (guint j = 0; j < u->codes->len; j++) {
            const cg_xcode *c = u->codes->pdata[j];
            g_checksum_update(sum, (const guchar *)"\036", 1);
            g_checksum_update(sum, (const guchar *)c->key, -1);
        }
    }
    char *out = g_strdup_printf("sha256:%s", g_checksum_get_string(sum));
    g_checksum_free(sum);
    g_free(h);
    return out;
}

static int build(cg_xsource *s, gboolean values, cg_diags *d)
{
    cg_doctype *t = cg_doctype_lookup(s->doc, d);
    if (!t)
        return CG_EXIT_INVALID;
    s->type_name = g_strdup(t->name);
    s->rules = cg_diff_rules_load(cg_templates_dir(), t->dir, d);
    if (!s->rules)
        return CG_EXIT_ERROR;
    GHashTable *vals = NULL;
    char *sheet = g_build_filename(t->dir, "xliff.xsl", NULL);
    if (values && !g_file_test(sheet, G_FILE_TEST_IS_REGULAR)) {
        cg_diag_add(d, CG_WARNING, sheet, 0, 0, "missing: inline codes show their markup, not "
                    "their values (see templates/tsb-circular/xliff.xsl)");
        values = FALSE;
    }
    g_free(sheet);
    if (values && !(vals = code_values(s->doc, d)))
        return CG_EXIT_INVALID;
    s->v = cg_version_new(s->doc, s->file, s->rules);
    s->lang = g_strdup(s->v->lang);
    s->units = g_ptr_array_new_with_free_func(xunit_free);
    s->by_id = g_hash_table_new(g_str_hash, g_str_equal);
    s->by_node = g_hash_table_new(NULL, NULL);
    for (guint i = 0; i < s->v->units->len; i++) {
        cg_unit *cu = s->v->units->pdata[i];
        if (!cu->leaf)
            continue;
        cg_xunit *u = cg_xunit_new(cu, s->rules, vals ? g_hash_table_lookup(vals, cu->id) : NULL);
        g_ptr_array_add(s->units, u);
        g_hash_table_insert(s->by_id, (gpointer)cu->id, u);
        g_hash_table_insert(s->by_node, cu->node, u);
    }
    if (vals)
        g_hash_table_destroy(vals);
    s->hash = units_hash(s);
    return CG_EXIT_OK;
}

cg_xsource *cg_xsource_load(const char *file, xmlDocPtr doc, gboolean values, int *status,
                            cg_diags *d)
{
    if (!doc) {
        doc = cg_source_load(file, status, d);
        if (!doc)
            return NULL;
    } else if (cg_validate(doc, d) > 0) {
        cg_xml_free(doc);
        *status = CG_EXIT_INVALID;
        return NULL;
    }
    cg_xsource *s = g_new0(cg_xsource, 1);
    s->doc = doc;
    s->file = g_strdup(file);
    *status = build(s, values, d);
    if (*status != CG_EXIT_OK) {
        cg_xsource_free(s);
        return NULL;
    }
    return s;
}
