/* merge.c — a returned XLIFF file to a language version of its source (see xliff.h). */
#include "xliff.h"
#include "xsource.h"
#include "xcodes.h"
#include "doc/doc.h"

#include <string.h>

#define HASH_NOTE "circgen-source-hash"

typedef struct {
    char *id;
    xmlNodePtr node;       /* the unit / trans-unit */
    xmlNodePtr target;     /* its (first) target */
    GPtrArray *toks;       /* the target, NULL when missing or incomplete */
} xitem;

typedef struct {
    const char *name;      /* the XLIFF file, for diagnostics */
    const char *raw;
    size_t len;
    xmlDocPtr x;
    gboolean v12;
    const xmlChar *ns;
    char *src_lang, *trg_lang, *original, *hash;
    xmlNodePtr file, hash_at;
    GPtrArray *items;      /* of xitem* */
    GHashTable *by_id;     /* id -> xitem* */
    GHashTable *rids;      /* 1.2: rid of a <bpt>/<bx> -> its id (the code) */
    int errors;
    cg_diags *d;
} reader;

static void item_free(gpointer p)
{
    xitem *it = p;
    g_free(it->id);
    if (it->toks)
        g_ptr_array_unref(it->toks);
    g_free(it);
}

static void reader_clear(reader *r)
{
    if (r->items)
        g_ptr_array_unref(r->items);
    if (r->by_id)
        g_hash_table_destroy(r->by_id);
    if (r->rids)
        g_hash_table_destroy(r->rids);
    if (r->x)
        cg_xml_free(r->x);
    g_free(r->src_lang);
    g_free(r->trg_lang);
    g_free(r->original);
    g_free(r->hash);
}

static void fault(reader *r, xmlNodePtr at, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static void fault(reader *r, xmlNodePtr at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (at)
        cg_xml_diag(r->d, CG_ERROR, at, "%s", msg);
    else
        cg_diag_add(r->d, CG_ERROR, r->name, 0, 0, "%s", msg);
    g_free(msg);
    r->errors++;
}

/* ---- before parsing: bytes --------------------------------------------------- */

/* The id of the unit whose start tag comes last in the first limit bytes of the raw
 * file (which need not end in a NUL): every read stays below raw + limit. */
static char *unit_before(const char *raw, size_t limit)
{
    const char *end = raw + limit, *best = NULL;
    for (const char *p = raw; p < end; p++) {
        p = memchr(p, '<', end - p);
        if (!p)
            break;
        size_t left = end - p;
        if ((left >= 5 && !memcmp(p, "<unit", 5)) || (left >= 11 && !memcmp(p, "<trans-unit", 11)))
            best = p;
    }
    if (!best)
        return NULL;
    const char *gt = memchr(best, '>', end - best);
    const char *stop = gt ? gt : end;
    const char *id = g_strstr_len(best, stop - best, " id=\"");
    if (!id || id + 5 >= stop)
        return NULL;
    id += 5;
    const char *q = memchr(id, '"', stop - id);
    return q ? g_strndup(id, q - id) : NULL;
}

static size_t offset_of_line(const char *raw, size_t len, int line)
{
    size_t off = 0;
    for (int l = 1; l < line && off < len; off++)
        if (raw[off] == '\n')
            l++;
    return off;
}

static int check_utf8(reader *r)
{
    const char *end;
    if (g_utf8_validate(r->raw, (gssize)r->len, &end))
        return 0;
    size_t off = end - r->raw;
    int line = 1, col = 1;
    for (size_t i = 0; i < off; i++) {
        if (r->raw[i] == '\n')
            line++, col = 1;
        else if (((unsigned char)r->raw[i] & 0xc0) != 0x80)
            col++;
    }
    char *unit = unit_before(r->raw, off);
    cg_diag_add(r->d, CG_ERROR, r->name, line, col, "invalid UTF-8 (byte 0x%02x)%s%s%s",
                (unsigned char)*end, unit ? " in unit '" : "", unit ? unit : "", unit ? "'" : "");
    g_free(unit);
    return -1;
}

static int parse(reader *r)
{
    if (check_utf8(r))
        return -1;
    guint before = r->d->items->len;
    r->x = cg_xml_read_memory(r->raw, r->len, r->name, r->d);
    if (r->x)
        return 0;
    /* Name the unit of each parser error (an entity reference in a target...). */
    for (guint i = before; i < r->d->items->len; i++) {
        cg_diag *g = r->d->items->pdata[i];
        char *unit = g->line > 0 ? unit_before(r->raw, offset_of_line(r->raw, r->len, g->line + 1))
                                 : NULL;
        if (unit) {
            char *m = g_strdup_printf("%s (in unit '%s')", g->message, unit);
            g_free(g->message);
            g->message = m;
        }
        g_free(unit);
    }
    return -1;
}

/* ---- the structure of the file ------------------------------------------------ */

static gboolean is(const reader *r, xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, r->ns) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v ? g_strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static const char *inline_kind(const reader *r, xmlNodePtr c, cg_xtok_kind *kind,
                               const char **attr)
{
    static const struct { const char *name; int v12; cg_xtok_kind kind; const char *attr; } tab[] = {
        { "ph", 2, CG_XT_PH, "id" },      { "pc", 0, CG_XT_OPEN, "id" },
        { "sc", 0, CG_XT_OPEN, "id" },    { "ec", 0, CG_XT_CLOSE, "startRef" },
        { "x", 1, CG_XT_PH, "id" },       { "g", 1, CG_XT_OPEN, "id" },
        { "bpt", 1, CG_XT_OPEN, "id" },   { "ept", 1, CG_XT_CLOSE, "id" },
        { "bx", 1, CG_XT_OPEN, "id" },    { "ex", 1, CG_XT_CLOSE, "id" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(tab); i++)
        if ((tab[i].v12 == 2 || tab[i].v12 == r->v12) && xmlStrEqual(c->name, (const xmlChar *)tab[i].name)) {
            *kind = tab[i].kind;
            *attr = tab[i].attr;
            return tab[i].name;
        }
    return NULL;
}

/* The inline content of a target as tokens; markup that is not an XLIFF inline code
 * is refused. */
static int read_inline(reader *r, const char *uid, xmlNodePtr n, GPtrArray *toks)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            cg_xtoks_add(toks, CG_XT_TEXT, (const char *)c->content, NULL);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) {
            fault(r, n, "unit '%s': the target holds a %s: only text and XLIFF inline codes are "
                  "allowed", uid, c->type == XML_COMMENT_NODE ? "comment" : "processing instruction or entity");
            return -1;
        }
        cg_xtok_kind kind;
        const char *attr;
        gboolean ours = c->ns && xmlStrEqual(c->ns->href, r->ns);
        if (ours && (xmlStrEqual(c->name, (const xmlChar *)"mrk") ||
                     xmlStrEqual(c->name, (const xmlChar *)"sm") || xmlStrEqual(c->name, (const xmlChar *)"em"))) {
            if (read_inline(r, uid, c, toks))   /* annotations: their content counts */
                return -1;
            continue;
        }
        if (!ours || !inline_kind(r, c, &kind, &attr)) {
            fault(r, c, "unit '%s': the target holds markup <%s>%s%s%s: only text and XLIFF inline "
                  "codes are allowed", uid, c->name, c->ns ? " (namespace " : "",
                  c->ns ? (const char *)c->ns->href : "", c->ns ? ")" : "");
            return -1;
        }
        char *id = prop(c, attr), *rid = r->v12 ? prop(c, "rid") : NULL;
        if (!id && kind == CG_XT_CLOSE && !r->v12)
            id = prop(c, "id");
        if (rid && id && kind == CG_XT_OPEN)   /* 1.2: <ept rid> names its <bpt> by rid */
            g_hash_table_replace(r->rids, g_strdup(rid), g_strdup(id));
        else if (rid && kind == CG_XT_CLOSE && g_hash_table_contains(r->rids, rid)) {
            g_free(id);
            id = g_strdup(g_hash_table_lookup(r->rids, rid));
        }
        g_free(rid);
        if (!id) {
            fault(r, c, "unit '%s': <%s> without %s", uid, c->name, attr);
            return -1;
        }
        cg_xtoks_add(toks, kind, id, c);
        int rc = 0;
        if (kind == CG_XT_OPEN && (xmlStrEqual(c->name, (const xmlChar *)"pc") ||
                                   xmlStrEqual(c->name, (const xmlChar *)"g"))) {
            rc = read_inline(r, uid, c, toks);
            cg_xtoks_add(toks, CG_XT_CLOSE, id, c);
        }
        g_free(id);
        if (rc)
            return -1;
    }
    return 0;
}

/* Do two language tags name one language: equal, or one a region or script of the
 * other ("zh" and "zh-CN")? */
static gboolean same_lang(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), n = na < nb ? na : nb;
    if (g_ascii_strncasecmp(a, b, n))
        return FALSE;
    return na == nb || (na > nb ? a[n] : b[n]) == '-';
}

/* The target of a unit: its language checked, its content as tokens. */
static int read_target(reader *r, const char *uid, xmlNodePtr target, GPtrArray *toks)
{
    xmlChar *lang = xmlNodeGetLang(target);
    if (lang && r->trg_lang && !same_lang((const char *)lang, r->trg_lang)) {
        fault(r, target, "unit '%s': the target's language is '%s', the file's is '%s'", uid,
              lang, r->trg_lang);
        xmlFree(lang);
        return -1;
    }
    xmlFree(lang);
    return read_inline(r, uid, target, toks);
}

/* 2.0: segments and ignorables in order; a segment without a target leaves the unit
 * without one. 1.2: the one target. */
static void read_unit(reader *r, xmlNodePtr unit, xitem *it)
{
    GPtrArray *toks = cg_xtoks_new();
    gboolean complete = TRUE, any = FALSE;
    int rc = 0;
    for (xmlNodePtr c = unit->children; c && rc == 0; c = c->next) {
        gboolean seg = !r->v12 && is(r, c, "segment"), ign = !r->v12 && is(r, c, "ignorable");
        if (r->v12 && is(r, c, "target")) {
            any = TRUE;
            it->target = it->target ? it->target : c;
            rc = read_target(r, it->id, c, toks);
        }
        if (!seg && !ign)
            continue;
        xmlNodePtr src = NULL, tgt = NULL;
        for (xmlNodePtr s = c->children; s; s = s->next) {
            if (is(r, s, "source"))
                src = s;
            else if (is(r, s, "target"))
                tgt = s;
        }
        if (tgt) {
            any = TRUE;
            it->target = it->target ? it->target : tgt;
            rc = read_target(r, it->id, tgt, toks);
        } else if (ign && src) {
            rc = read_inline(r, it->id, src, toks);
        } else {
            complete = FALSE;
        }
    }
    if (rc == 0 && any && complete && !cg_xtoks_empty(toks))
        it->toks = toks;
    else
        g_ptr_array_unref(toks);
}

static void read_units(reader *r, xmlNodePtr parent)
{
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (is(r, c, "group") || (r->v12 && is(r, c, "body"))) {
            read_units(r, c);
            continue;
        }
        if (!is(r, c, r->v12 ? "trans-unit" : "unit"))
            continue;
        char *id = prop(c, "id");
        if (!id) {
            fault(r, c, "a <%s> without id", c->name);
            continue;
        }
        xitem *prev = g_hash_table_lookup(r->by_id, id);
        if (prev) {
            fault(r, c, "unit '%s' appears twice (first at line %d)", id, cg_xml_line(prev->node));
            g_free(id);
            continue;
        }
        xitem *it = g_new0(xitem, 1);
        it->id = id;
        it->node = c;
        g_ptr_array_add(r->items, it);
        g_hash_table_insert(r->by_id, it->id, it);
        read_unit(r, c, it);
    }
}

static void read_hash(reader *r, xmlNodePtr parent)
{
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (is(r, c, "notes") || is(r, c, "header")) {
            read_hash(r, c);
        } else if (is(r, c, "note") && !r->hash) {
            char *kind = prop(c, r->v12 ? "from" : "category");
            if (kind && !strcmp(kind, HASH_NOTE)) {
                xmlChar *t = xmlNodeGetContent(c);
                r->hash = g_strstrip(g_strdup(t ? (const char *)t : ""));
                r->hash_at = c;
                xmlFree(t);
            }
            g_free(kind);
        }
    }
}

static int read_structure(reader *r)
{
    xmlNodePtr root = xmlDocGetRootElement(r->x);
    const xmlChar *href = root && root->ns ? root->ns->href : NULL;
    if (!root || !xmlStrEqual(root->name, (const xmlChar *)"xliff") || !href ||
        (!xmlStrEqual(href, (const xmlChar *)CG_XLIFF20_NS) && !xmlStrEqual(href, (const xmlChar *)CG_XLIFF12_NS))) {
        fault(r, root, "not an XLIFF 2.0 or 1.2 file (the root must be <xliff> in the namespace %s "
              "or %s)", CG_XLIFF20_NS, CG_XLIFF12_NS);
        return -1;
    }
    r->ns = href;
    r->v12 = xmlStrEqual(href, (const xmlChar *)CG_XLIFF12_NS);
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (is(r, c, "file")) {
            if (r->file) {
                fault(r, c, "more than one <file>: circgen writes one per source document");
                return -1;
            }
            r->file = c;
        }
    if (!r->file) {
        fault(r, root, "no <file>");
        return -1;
    }
    xmlNodePtr langs = r->v12 ? r->file : root;
    r->src_lang = prop(langs, r->v12 ? "source-language" : "srcLang");
    r->trg_lang = prop(langs, r->v12 ? "target-language" : "trgLang");
    r->original = prop(r->file, "original");
    if (!r->trg_lang) {
        fault(r, langs, "the file names no target language (%s)", r->v12 ? "target-language" : "trgLang");
        return -1;
    }
    r->items = g_ptr_array_new_with_free_func(item_free);
    r->by_id = g_hash_table_new(g_str_hash, g_str_equal);
    r->rids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    read_hash(r, r->file);
    read_units(r, r->file);
    return r->errors ? -1 : 0;
}

/* ---- against the source ------------------------------------------------------- */

static char *source_path(const reader *r, const char *given)
{
    if (given)
        return g_strdup(given);
    if (!r->original)
        return NULL;
    if (g_path_is_absolute(r->original))
        return g_strdup(r->original);
    char *dir = g_path_get_dirname(r->name);
    char *p = strcmp(dir, ".") ? g_build_filename(dir, r->original, NULL) : g_strdup(r->original);
    g_free(dir);
    if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
        return p;
    g_free(p);
    return g_strdup(r->original);
}

static void check_file(reader *r, const cg_xsource *s)
{
    xmlNodePtr langs = r->v12 ? r->file : xmlDocGetRootElement(r->x);
    if (!r->src_lang || g_ascii_strcasecmp(r->src_lang, s->lang))
        fault(r, langs, "the file's source language is '%s', %s is in '%s'",
              r->src_lang ? r->src_lang : "", s->file, s->lang);
    if (!r->hash)
        fault(r, r->file, "the file records no hash of its source (a note '%s'): not made by "
              "circgen xliff extract", HASH_NOTE);
    else if (strcmp(r->hash, s->hash))
        fault(r, r->hash_at, "the file was made for another source: it records the source hash "
              "%s, %s has %s", r->hash, s->file, s->hash);
}

static void check_units(reader *r, const cg_xsource *s)
{
    for (guint i = 0; i < r->items->len; i++) {
        xitem *it = r->items->pdata[i];
        cg_xunit *u = g_hash_table_lookup(s->by_id, it->id);
        if (!u) {
            if (g_hash_table_contains(s->v->by_id, it->id))
                fault(r, it->node, "unit '%s' is a group in %s, not a translatable unit", it->id, s->file);
            else
                fault(r, it->node, "unit '%s' is not a unit of %s", it->id, s->file);
            continue;
        }
        if (!it->toks)
            continue;
        char *msg = NULL;
        const cg_xtok *at = NULL;
        if (cg_xtoks_check(u, it->toks, &msg, &at)) {
            fault(r, at && at->at ? at->at : it->target ? it->target : it->node, "%s", msg);
            g_free(msg);
        }
    }
}

/* Units without a target keep the source's text: each is reported. */
static void check_missing(reader *r, const cg_xsource *s, gboolean strict)
{
    guint kept = 0;
    for (guint i = 0; i < s->units->len; i++) {
        const cg_xunit *u = s->units->pdata[i];
        xitem *it = g_hash_table_lookup(r->by_id, u->unit->id);
        if ((it && it->toks) || (!u->codes->len && !u->unit->text->len))
            continue;   /* translated, or empty in the source too */
        const char *why = it ? "has no target (or an empty one)" : "is not in the file";
        kept++;
        if (strict) {
            fault(r, it ? it->node : NULL, "unit '%s' %s (--strict)", u->unit->id, why);
        } else if (it) {
            cg_xml_diag(r->d, CG_WARNING, it->node, "unit '%s' %s: the source's text is kept",
                        u->unit->id, why);
        } else {
            cg_diag_add(r->d, CG_WARNING, r->name, 0, 0, "unit '%s' %s: the source's text is kept",
                        u->unit->id, why);
        }
    }
    if (kept && !strict)
        cg_diag_add(r->d, CG_NOTE, r->name, 0, 0, "%u of %u units keep the source's text", kept,
                    s->units->len);
}

static void drop_comments(xmlNodePtr n)
{
    xmlNodePtr c = n->children;
    while (c) {
        xmlNodePtr next = c->next;
        if (c->type == XML_COMMENT_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            drop_comments(c);
        }
        c = next;
    }
}

/* The merged document: targets in place, xml:lang set, the source's comments (in its
 * language) left out; then checked as `circgen check` does. */
static int build_output(reader *r, cg_xsource *s, char **out, size_t *out_len)
{
    for (guint i = 0; i < s->units->len; i++) {
        cg_xunit *u = s->units->pdata[i];
        xitem *it = g_hash_table_lookup(r->by_id, u->unit->id);
        if (it && it->toks)
            cg_xtoks_apply(u, it->toks);
    }
    xmlNodeSetLang(xmlDocGetRootElement(s->doc), (const xmlChar *)r->trg_lang);
    drop_comments((xmlNodePtr)s->doc);
    if (cg_validate(s->doc, r->d) > 0) {
        cg_diag_add(r->d, CG_ERROR, r->name, 0, 0, "the merged document is not valid: nothing written");
        return CG_EXIT_INVALID;
    }
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(s->doc, &mem, &len, "UTF-8");
    *out = g_strndup((const char *)mem, len);
    *out_len = (size_t)len;
    xmlFree(mem);
    return CG_EXIT_OK;
}

int cg_xliff_merge_buffer(const char *buf, size_t len, const char *name, const char *source,
                          gboolean strict, char **out, size_t *out_len, cg_diags *d)
{
    reader r = { .name = name, .raw = buf, .len = len, .d = d };
    cg_xsource *s = NULL;
    int status = CG_EXIT_INVALID;
    *out = NULL;
    if (parse(&r) || read_structure(&r))
        goto done;
    char *path = source_path(&r, source);
    if (!path) {
        fault(&r, r.file, "no --source given and the file names no original");
        goto done;
    }
    s = cg_xsource_load(path, NULL, TRUE, &status, d);
    g_free(path);
    if (!s)
        goto done;
    status = CG_EXIT_INVALID;
    check_file(&r, s);
    if (r.errors)
        goto done;
    check_units(&r, s);
    check_missing(&r, s, strict);
    if (r.errors)
        goto done;
    status = build_output(&r, s, out, out_len);
done:
    if (r.errors)
        cg_diag_add(d, CG_ERROR, name, 0, 0, "refused: %d error%s, nothing written", r.errors,
                    r.errors == 1 ? "" : "s");
    cg_xsource_free(s);
    reader_clear(&r);
    return status;
}

int cg_xliff_merge(const cg_xliff_merge_opts *o, cg_diags *d)
{
    char *buf = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(o->xlf, &buf, &len, &err)) {
        cg_diag_add(d, CG_ERROR, o->xlf, 0, 0, "cannot read: %s", err->message);
        g_error_free(err);
        return CG_EXIT_ERROR;
    }
    if (len > CG_XML_MAX_BYTES) {
        cg_diag_add(d, CG_ERROR, o->xlf, 0, 0, "larger than %u bytes", CG_XML_MAX_BYTES);
        g_free(buf);
        return CG_EXIT_INVALID;
    }
    char *out = NULL;
    size_t out_len = 0;
    int status = cg_xliff_merge_buffer(buf, len, o->xlf, o->source, o->strict, &out, &out_len, d);
    g_free(buf);
    if (status == CG_EXIT_OK && cg_write_file(o->out, out, out_len, d) != 0)
        status = CG_EXIT_ERROR;
    g_free(out);
    return status;
}
