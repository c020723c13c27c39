/* pdf_extras.c — see pdf_extras.h. */
#include "pdf_extras.h"
#include "pdf_doc.h"
#include "fo_form.h"
#include "fo_draw.h"
#include "pdf_fieldfont.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    cg_pdfdoc *p;
    const cg_pdf_extras *x;
    GString *catalog_add;       /* entries added to the catalog */
    GPtrArray *catalog_drop;    /* keys replaced (const char*) */
    GArray *pages;              /* object numbers of the pages, in order */
    GHashTable *annots_add;     /* page index -> GString of widget references */
    gboolean tabs_by_structure; /* the widgets are in the structure tree: /Tabs /S, else /R */
    cg_diags *d;
    const char *name;           /* the output, for messages */
    char *da_font;              /* the resource name of the field text's font, once written */
} ctx;

/* ---- pages and structure ------------------------------------------------------ */

static void collect_pages(ctx *c, long node, int depth)
{
    char *d = cg_pdfdoc_dict(c->p, node);
    if (!d || depth > 30) {
        g_free(d);
        return;
    }
    char *type = cg_pdf_dict_get(d, "/Type");
    if (type && !strcmp(type, "/Page"))
        g_array_append_val(c->pages, node);
    else {
        char *kids = cg_pdf_dict_get(d, "/Kids");
        GArray *k = cg_pdf_refs(kids);
        for (guint i = 0; i < k->len; i++)
            collect_pages(c, g_array_index(k, long, i), depth + 1);
        g_array_free(k, TRUE);
        g_free(kids);
    }
    g_free(type);
    g_free(d);
}

/* Objects whose dictionary holds /Type type and, if given, key with value, in number order. */
static GArray *objects_where(const cg_pdfdoc *p, const char *type, const char *key, const char *value)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(long));
    for (long n = 1; n < p->size; n++) {
        if (!g_hash_table_contains(p->offsets, GINT_TO_POINTER(n)))
            continue;
        char *d = cg_pdfdoc_dict(p, n);
        char *t = d ? cg_pdf_dict_get(d, "/Type") : NULL;
        gboolean ok = t && !strcmp(t, type);
        if (ok && key) {
            char *v = cg_pdf_dict_get(d, key);
            ok = v && !strcmp(v, value);
            g_free(v);
        }
        if (ok)
            g_array_append_val(a, n);
        g_free(t);
        g_free(d);
    }
    return a;
}

/* ---- appearance streams -------------------------------------------------------- */

static long put_form_xobject(cg_pdfdoc *p, double w, double h, const char *ops)
{
    long n = cg_pdfdoc_new_obj(p);
    char *dict = g_strdup_printf("/Type /XObject /Subtype /Form /BBox [ 0 0 %.3f %.3f ] /Resources << >>", w, h);
    cg_pdfdoc_put_stream(p, n, dict, ops, strlen(ops));
    g_free(dict);
    return n;
}

/* The "on" look of a button: a dot (radio) or a tick (check box), black. */
static char *button_on_ops(cg_field_type t, double w, double h)
{
    double m = MIN(w, h);
    if (t == CG_FIELD_RADIO) {
        double r = m * 0.2, cx = w / 2, cy = h / 2, k = r * 0.5523;
        return g_strdup_printf("0 g %.3f %.3f m %.3f %.3f %.3f %.3f %.3f %.3f c %.3f %.3f %.3f %.3f %.3f %.3f c "
                               "%.3f %.3f %.3f %.3f %.3f %.3f c %.3f %.3f %.3f %.3f %.3f %.3f c f\n",
                               cx + r, cy, cx + r, cy + k, cx + k, cy + r, cx, cy + r,
                               cx - k, cy + r, cx - r, cy + k, cx - r, cy,
                               cx - r, cy - k, cx - k, cy - r, cx, cy - r,
                               cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    }
    return g_strdup_printf("0 g 0 G %.3f w 1 J 1 j %.3f %.3f m %.3f %.3f l %.3f %.3f l S\n", m * 0.12,
                           w * 0.2, h * 0.52, w * 0.42, h * 0.25, w * 0.8, h * 0.78);
}

/* ---- fields -------------------------------------------------------------------- */

typedef struct node {
    char *partial;
    long obj;
    struct node *parent;
    GPtrArray *kids;            /* struct node* */
    GString *kid_refs;          /* widget references of a radio group, or of a field's kids */
    const cg_field *radio;      /* a radio group: its first button */
    GString *body;              /* a terminal field merged with its widget: its entries */
} node;

static node *node_new(const char *partial, node *parent, cg_pdfdoc *p)
{
    node *n = g_new0(node, 1);
    n->partial = g_strdup(partial);
    n->parent = parent;
    n->obj = cg_pdfdoc_new_obj(p);
    n->kids = g_ptr_array_new();
    n->kid_refs = g_string_new(NULL);
    if (parent)
        g_ptr_array_add(parent->kids, n);
    return n;
}

static node *child_named(node *parent, GPtrArray *roots, const char *partial)
{
    GPtrArray *list = parent ? parent->kids : roots;
    for (guint i = 0; i < list->len; i++)
        if (!strcmp(((node *)list->pdata[i])->partial, partial))
            return list->pdata[i];
    return NULL;
}

/* The node of a full name, made with its ancestors as needed. */
static node *node_for(ctx *c, GPtrArray *roots, const char *full)
{
    char **parts = g_strsplit(full, ".", -1);
    node *cur = NULL;
    for (int i = 0; parts[i]; i++) {
        node *n = child_named(cur, roots, parts[i]);
        if (!n) {
            n = node_new(parts[i], cur, c->p);
            if (!cur)
                g_ptr_array_add(roots, n);
        }
        cur = n;
    }
    g_strfreev(parts);
    return cur;
}

static const char *field_font(const ctx *c)
{
    if (c->da_font)
        return c->da_font;
    return c->x->lang && !g_ascii_strncasecmp(c->x->lang, "zh", 2) ? "CGSong" : "Helv";
}

/* The widget entries shared by every type: annotation, rectangle, page, print flag. */
static void widget_common(ctx *c, GString *s, const cg_field *f, long page_obj, long struct_parent)
{
    g_string_append_printf(s, "/Type /Annot /Subtype /Widget /Rect [ %.3f %.3f %.3f %.3f ] /P %ld 0 R /F 4 "
                           "/Border [ 0 0 0 ] ", f->x0, f->y0, f->x1, f->y1, page_obj);
    if (struct_parent >= 0)
        g_string_append_printf(s, "/StructParent %ld ", struct_parent);
    (void)c;
}

/* One field's widget written (or, merged with its field, its entries kept in its node). */
static long put_widget(ctx *c, GPtrArray *roots, const cg_field *f, long page_obj, long struct_parent)
{
    double w = f->x1 - f->x0, h = f->y1 - f->y0;
    node *n = node_for(c, roots, f->name);
    GString *s = g_string_new("<< ");
    widget_common(c, s, f, page_obj, struct_parent);
    long wobj;
    if (f->type == CG_FIELD_TEXT || f->type == CG_FIELD_CHECKBOX) {
        if (n->body || n->radio || n->kids->len) {
            g_string_free(s, TRUE);
            return -1;       /* a name used twice */
        }
        wobj = n->obj;
        if (f->type == CG_FIELD_TEXT) {
            long ap = put_form_xobject(c->p, w, h, "/Tx BMC EMC\n");
            double fs = f->multiline ? MIN(f->font_size, 11) : MIN(f->font_size, MAX(h * 0.7, 4));
            /* a white background: the filled field covers the placeholder printed under it */
            g_string_append_printf(s, "/FT /Tx /Ff %d /DA (/%s %.1f Tf 0 g) /MK << /BG [ 1 ] >> /AP << /N %ld 0 R >> ",
                                   f->multiline ? 4096 : 0, field_font(c), fs, ap);
            g_string_append(s, "/V ");
            cg_pdf_text_string(s, f->value ? f->value : "");
        } else {
            char *on = button_on_ops(f->type, w, h);
            long ap_on = put_form_xobject(c->p, w, h, on), ap_off = put_form_xobject(c->p, w, h, "");
            g_free(on);
            g_string_append_printf(s, "/FT /Btn /V /Off /AS /Off /MK << /CA (4) >> "
                                   "/AP << /N << /%s %ld 0 R /Off %ld 0 R >> >> ", f->value, ap_on, ap_off);
        }
        n->body = s;
        return wobj;
    }
    /* a radio button: a widget of its group's field */
    if (n->body || (n->kids->len && !n->radio)) {
        g_string_free(s, TRUE);
        return -1;
    }
    if (!n->radio)
        n->radio = f;
    wobj = cg_pdfdoc_new_obj(c->p);
    char *on = button_on_ops(f->type, w, h);
    long ap_on = put_form_xobject(c->p, w, h, on), ap_off = put_form_xobject(c->p, w, h, "");
    g_free(on);
    g_string_append_printf(s, "/Parent %ld 0 R /AS /Off /MK << /CA (l) >> "
                           "/AP << /N << /%s %ld 0 R /Off %ld 0 R >> >> ", n->obj, f->value, ap_on, ap_off);
    if (f->tooltip) {
        g_string_append(s, "/TU ");
        cg_pdf_text_string(s, f->tooltip);
    }
    g_string_append(s, ">>");
    cg_pdfdoc_put(c->p, wobj, s->str);
    g_string_free(s, TRUE);
    g_string_append_printf(n->kid_refs, "%ld 0 R ", wobj);
    return wobj;
}

/* The field nodes written, depth first; the tooltip of a merged field is added here. */
static void put_nodes(ctx *c, GPtrArray *list, node *parent, GHashTable *tips)
{
    for (guint i = 0; i < list->len; i++) {
        node *n = list->pdata[i];
        GString *s = n->body ? n->body : g_string_new("<< ");
        g_string_append(s, "/T ");
        cg_pdf_text_string(s, n->partial);
        g_string_append_c(s, ' ');
        const char *tip = g_hash_table_lookup(tips, n);
        if (tip && !n->radio) {
            g_string_append(s, "/TU ");
            cg_pdf_text_string(s, tip);
            g_string_append_c(s, ' ');
        }
        if (parent)
            g_string_append_printf(s, "/Parent %ld 0 R ", parent->obj);
        if (n->radio)
            g_string_append_printf(s, "/FT /Btn /Ff 49152 /V /Off /Kids [ %s] ", n->kid_refs->str);
        else if (n->kids->len) {
            g_string_append(s, "/Kids [ ");
            for (guint k = 0; k < n->kids->len; k++)
                g_string_append_printf(s, "%ld 0 R ", ((node *)n->kids->pdata[k])->obj);
            g_string_append(s, "] ");
        }
        if (n->radio && tip) {
            g_string_append(s, "/TU ");
            cg_pdf_text_string(s, tip);
        }
        g_string_append(s, ">>");
        cg_pdfdoc_put(c->p, n->obj, s->str);
        g_string_free(s, TRUE);
        put_nodes(c, n->kids, n, tips);
    }
}

static void free_nodes(GPtrArray *list)
{
    for (guint i = 0; i < list->len; i++) {
        node *n = list->pdata[i];
        free_nodes(n->kids);
        g_ptr_array_free(n->kids, TRUE);
        g_string_free(n->kid_refs, TRUE);
        g_free(n->partial);
        g_free(n);
    }
}

/* The next key of the structure parent tree, or -1 when it cannot be extended. */
static long parent_tree_next(ctx *c, long *tree_obj, char **nums)
{
    char *cat = cg_pdfdoc_dict(c->p, c->p->root);
    char *str = cat ? cg_pdf_dict_get(cat, "/StructTreeRoot") : NULL;
    char *root = cg_pdfdoc_dict(c->p, cg_pdf_ref(str));
    char *pt = root ? cg_pdf_dict_get(root, "/ParentTree") : NULL;
    *tree_obj = cg_pdf_ref(pt);
    char *tree = *tree_obj ? cg_pdfdoc_dict(c->p, *tree_obj) : NULL;
    *nums = tree ? cg_pdf_dict_get(tree, "/Nums") : NULL;
    long next = -1;
    if (*nums && !(tree && strstr(tree, "/Kids"))) {
        /* [ k v k v ... ]: the keys are the even tokens; the largest + 1 */
        next = 0;
        char **tok = g_strsplit_set(*nums, " \n\r[]", -1);
        int idx = 0;
        for (int i = 0; tok[i]; i++) {
            if (!*tok[i])
                continue;
            if (!strcmp(tok[i], "R")) { idx = 0; continue; }
            if (idx == 0) next = MAX(next, strtol(tok[i], NULL, 10) + 1);
            idx = idx == 0 ? 1 : idx == 1 ? 2 : 2;
        }
        g_strfreev(tok);
    }
    g_free(cat); g_free(str); g_free(root); g_free(pt); g_free(tree);
    return next;
}

/* The Form elements linked to their widgets and the parent tree extended; FALSE if not possible. */
static gboolean link_structure(ctx *c, const GArray *forms, const long *widget_of, const GArray *fields)
{
    long tree_obj;
    char *nums = NULL;
    long next = parent_tree_next(c, &tree_obj, &nums);
    if (next < 0) {
        g_free(nums);
        return FALSE;
    }
    GString *add = g_string_new(NULL);
    for (guint i = 0; i < fields->len; i++) {
        const cg_field *f = &g_array_index(fields, cg_field, i);
        if (widget_of[i] <= 0 || f->form_tag < 0 || (guint)f->form_tag >= forms->len)
            continue;
        long el = g_array_index(forms, long, f->form_tag);
        char *d = cg_pdfdoc_dict(c->p, el);
        char *rest = d ? cg_pdf_dict_remove(d, "/K") : NULL;
        char *body = g_strdup_printf("<< /K << /Type /OBJR /Obj %ld 0 R /Pg %ld 0 R >> %s>>", widget_of[i],
                                     g_array_index(c->pages, long, f->page), rest ? rest : "");
        cg_pdfdoc_put(c->p, el, body);
        g_free(body); g_free(rest); g_free(d);
        g_string_append_printf(add, "%ld %ld 0 R ", next + (long)i, el);
    }
    char *inner = g_strndup(nums, strrchr(nums, ']') - nums);
    char *tree = g_strdup_printf("<< /Nums %s %s] >>", inner, add->str);
    cg_pdfdoc_put(c->p, tree_obj, tree);
    g_free(tree); g_free(inner); g_free(nums);
    g_string_free(add, TRUE);
    return TRUE;
}

/* The fonts of the field text (/DR): the pinned face of the language embedded
 * (pdf_fieldfont.c); when none is found, Helvetica and for Chinese Adobe's
 * STSong-Light by reference. */
static char *form_fonts(ctx *c)
{
    char *embedded = cg_fieldfont_put(c->p, c->x->lang, &c->da_font);
    if (embedded)
        return embedded;
    long helv = cg_pdfdoc_new_obj(c->p);
    cg_pdfdoc_put(c->p, helv, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    GString *fonts = g_string_new(NULL);
    g_string_append_printf(fonts, "/Helv %ld 0 R ", helv);
    if (!strcmp(field_font(c), "CGSong")) {
        long song = cg_pdfdoc_new_obj(c->p);
        cg_pdfdoc_put(c->p, song, "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                      "/DescendantFonts [ << /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 "
                      "/W [ 1 95 500 814 939 500 7712 7716 500 ] "
                      "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
                      "/FontBBox [ -25 -254 1000 880 ] /ItalicAngle 0 /Ascent 880 /Descent -120 "
                      "/CapHeight 626 /StemV 93 >> >> ] >>");
        g_string_append_printf(fonts, "/CGSong %ld 0 R ", song);
    }
    return g_string_free(fonts, FALSE);
}

/* The form: widgets, fields, page /Annots, structure links and /AcroForm. */
static void write_form(ctx *c)
{
    const GArray *fields = c->x->fields;
    GArray *forms = objects_where(c->p, "/StructElem", "/S", "/Form");
    long tree_obj;
    char *nums = NULL;
    long next = c->x->form_tags > 0 && (int)forms->len == c->x->form_tags ? parent_tree_next(c, &tree_obj, &nums) : -1;
    g_free(nums);
    gboolean tagged = next >= 0;
    char *fonts = form_fonts(c);
    GPtrArray *roots = g_ptr_array_new();
    GHashTable *tips = g_hash_table_new(NULL, NULL);
    long *widget_of = g_new0(long, fields->len + 1);
    for (guint i = 0; i < fields->len; i++) {
        const cg_field *f = &g_array_index(fields, cg_field, i);
        if (f->page < 0 || (guint)f->page >= c->pages->len)
            continue;
        long pg = g_array_index(c->pages, long, f->page);
        long w = put_widget(c, roots, f, pg, tagged && f->form_tag >= 0 ? next + (long)i : -1);
        if (w < 0) {
            cg_diag_add(c->d, CG_WARNING, c->name, 0, 0, "form field '%s' is named twice (or is a group of "
                        "another type): its second widget is left out", f->name);
            continue;
        }
        widget_of[i] = w;
        node *n = node_for(c, roots, f->name);
        if (f->tooltip && !g_hash_table_contains(tips, n))
            g_hash_table_insert(tips, n, f->tooltip);
        GString *a = g_hash_table_lookup(c->annots_add, GINT_TO_POINTER(f->page + 1));
        if (!a) {
            a = g_string_new(NULL);
            g_hash_table_insert(c->annots_add, GINT_TO_POINTER(f->page + 1), a);
        }
        g_string_append_printf(a, "%ld 0 R ", w);
    }
    put_nodes(c, roots, NULL, tips);
    if (tagged)
        link_structure(c, forms, widget_of, fields);
    g_string_append_printf(c->catalog_add, "/AcroForm << /DA (/%s 10 Tf 0 g) /DR << /Font << %s>> >> /Fields [ ",
                           field_font(c), fonts);
    g_free(fonts);
    for (guint i = 0; i < roots->len; i++)
        g_string_append_printf(c->catalog_add, "%ld 0 R ", ((node *)roots->pdata[i])->obj);
    g_string_append(c->catalog_add, "] >> ");
    g_ptr_array_add(c->catalog_drop, "/AcroForm");
    free_nodes(roots);
    g_ptr_array_free(roots, TRUE);
    g_hash_table_destroy(tips);
    g_free(widget_of);
    g_array_free(forms, TRUE);
    c->tabs_by_structure = tagged;
}

/* Each page with widgets: its /Annots extended (links first, as Cairo wrote them), /Tabs. */
static void write_pages(ctx *c)
{
    for (guint i = 0; i < c->pages->len; i++) {
        GString *add = g_hash_table_lookup(c->annots_add, GINT_TO_POINTER(i + 1));
        if (!add)
            continue;
        long pg = g_array_index(c->pages, long, i);
        char *d = cg_pdfdoc_dict(c->p, pg);
        if (!d)
            continue;
        char *old = cg_pdf_dict_get(d, "/Annots");
        GString *refs = g_string_new(NULL);
        GArray *o = cg_pdf_refs(old);
        for (guint k = 0; k < o->len; k++)
            g_string_append_printf(refs, "%ld 0 R ", g_array_index(o, long, k));
        g_array_free(o, TRUE);
        char *r1 = cg_pdf_dict_remove(d, "/Annots");
        char *r2 = cg_pdf_dict_remove(r1, "/Tabs");
        char *body = g_strdup_printf("<< /Annots [ %s%s] /Tabs /%s %s>>", refs->str, add->str,
                                     c->tabs_by_structure ? "S" : "R", r2);
        cg_pdfdoc_put(c->p, pg, body);
        g_free(body); g_free(r1); g_free(r2); g_free(old); g_free(d);
        g_string_free(refs, TRUE);
    }
}

/* ---- dates ------------------------------------------------------------------- */

/* A PDF date value of the Info dictionary ("(D:20250723000000Z)", Cairo 1.16 writes it
 * without "D:") as its digits and zone: *digits "YYYYMMDDHHmmSS", *zone "Z", "+01'00'" or "". */
static void parse_pdf_date(const char *raw, char digits[15], char zone[8])
{
    char *s = cg_pdf_string_utf8(raw);
    const char *p = s ? s : "";
    if (!strncmp(p, "D:", 2))
        p += 2;
    memcpy(digits, "19700101000000", 15);
    for (int i = 0; i < 14 && g_ascii_isdigit(p[i]); i++)
        digits[i] = p[i];
    while (g_ascii_isdigit(*p))
        p++;
    zone[0] = 0;
    if (*p == 'Z')
        strcpy(zone, "Z");
    else if ((*p == '+' || *p == '-') && strlen(p) >= 3) {
        char hh[3] = { p[1], p[2], 0 }, mm[3] = { '0', '0', 0 };
        if (p[3] == '\'' && g_ascii_isdigit(p[4]) && g_ascii_isdigit(p[5]))
            mm[0] = p[4], mm[1] = p[5];
        g_snprintf(zone, 8, "%c%s'%s'", *p, hh, mm);
    }
    g_free(s);
}

static char *pdf_date(const char *digits, const char *zone)
{
    return g_strdup_printf("D:%s%s", digits, zone);
}

static char *xmp_date(const char *d, const char *zone)
{
    char z[8] = "";
    if (!strcmp(zone, "Z"))
        strcpy(z, "Z");
    else if (*zone)
        g_snprintf(z, sizeof z, "%c%c%c:%c%c", zone[0], zone[1], zone[2], zone[4], zone[5]);
    return g_strdup_printf("%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s", d, d + 4, d + 6, d + 8, d + 10, d + 12, z);
}

/* The creation date of the Info dictionary, as digits and zone. */
static void info_date(ctx *c, char digits[15], char zone[8])
{
    char *info = c->p->info ? cg_pdfdoc_dict(c->p, c->p->info) : NULL;
    char *raw = info ? cg_pdf_dict_get(info, "/CreationDate") : NULL;
    parse_pdf_date(raw, digits, zone);
    g_free(raw);
    g_free(info);
}

/* ---- the source attached --------------------------------------------------------- */

static void write_attachment(ctx *c)
{
    const cg_pdf_extras *x = c->x;
    char digits[15], zone[8];
    info_date(c, digits, zone);
    char *date = pdf_date(digits, zone);
    char *md5 = g_compute_checksum_for_data(G_CHECKSUM_MD5, x->attach_data, x->attach_len);
    char *mime = g_strdup(x->attach_mime ? x->attach_mime : "application/octet-stream");
    GString *mn = g_string_new(NULL);   /* the MIME type as a name: '/' as #2F */
    for (const char *q = mime; *q; q++)
        if (g_ascii_isalnum(*q) || strchr("-+.", *q)) g_string_append_c(mn, *q);
        else g_string_append_printf(mn, "#%02X", (unsigned char)*q);
    long ef = cg_pdfdoc_new_obj(c->p), fs = cg_pdfdoc_new_obj(c->p);
    char *efd = g_strdup_printf("/Type /EmbeddedFile /Subtype /%s /Params << /Size %zu /CreationDate (%s) "
                                "/ModDate (%s) /CheckSum <%s> >>", mn->str, x->attach_len, date, date, md5);
    cg_pdfdoc_put_stream(c->p, ef, efd, x->attach_data, x->attach_len);
    GString *f = g_string_new("<< /Type /Filespec /F ");
    cg_pdf_literal(f, x->attach_name, strlen(x->attach_name));
    g_string_append(f, " /UF ");
    cg_pdf_text_string(f, x->attach_name);
    g_string_append(f, " /Desc ");
    cg_pdf_text_string(f, "Source XML of this document (circgen)");
    g_string_append_printf(f, " /AFRelationship /Source /EF << /F %ld 0 R /UF %ld 0 R >> >>", ef, ef);
    cg_pdfdoc_put(c->p, fs, f->str);
    /* /EmbeddedFiles in the catalog's name dictionary */
    GString *tree = g_string_new("/EmbeddedFiles << /Names [ ");
    cg_pdf_literal(tree, x->attach_name, strlen(x->attach_name));
    g_string_append_printf(tree, " %ld 0 R ] >> ", fs);
    char *cat = cg_pdfdoc_dict(c->p, c->p->root);
    char *names = cat ? cg_pdf_dict_get(cat, "/Names") : NULL;
    long nobj = cg_pdf_ref(names);
    char *nd = nobj ? cg_pdfdoc_dict(c->p, nobj) : names && names[0] == '<' ? g_strndup(names + 2, strlen(names) - 4) : g_strdup("");
    char *rest = cg_pdf_dict_remove(nd ? nd : "", "/EmbeddedFiles");
    char *body = g_strdup_printf("<< %s%s >>", tree->str, rest);
    if (nobj)
        cg_pdfdoc_put(c->p, nobj, body);
    else {
        g_string_append_printf(c->catalog_add, "/Names %s ", body);
        g_ptr_array_add(c->catalog_drop, "/Names");
    }
    g_string_append_printf(c->catalog_add, "/AF [ %ld 0 R ] ", fs);
    g_ptr_array_add(c->catalog_drop, "/AF");
    g_free(body); g_free(rest); g_free(nd); g_free(names); g_free(cat);
    g_string_free(tree, TRUE); g_string_free(f, TRUE); g_string_free(mn, TRUE);
    g_free(efd); g_free(mime); g_free(md5); g_free(date);
}

/* ---- PDF/A-3b ------------------------------------------------------------------ */

static const char *const info_keys[] = { "/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer" };

static void xmp_prop(GString *x, const char *el, const char *v, const char *wrap)
{
    if (!v)
        return;
    char *e = g_markup_escape_text(v, -1);
    if (wrap)
        g_string_append_printf(x, "   <%s><rdf:%s><rdf:li%s>%s</rdf:li></rdf:%s></%s>\n", el, wrap,
                               !strcmp(wrap, "Alt") ? " xml:lang=\"x-default\"" : "", e, wrap, el);
    else
        g_string_append_printf(x, "   <%s>%s</%s>\n", el, e, el);
    g_free(e);
}

/* The XMP packet of the Info values v (indexed as info_keys) and dates. */
static char *xmp_packet(char *const v[6], const char *created, const char *modified)
{
    GString *x = g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "      xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "      xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        "   <pdfaid:part>3</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"
        "   <dc:format>application/pdf</dc:format>\n");
    xmp_prop(x, "dc:title", v[0], "Alt");
    xmp_prop(x, "dc:creator", v[1], "Seq");
    xmp_prop(x, "dc:description", v[2], "Alt");
    xmp_prop(x, "pdf:Keywords", v[3], NULL);
    xmp_prop(x, "xmp:CreatorTool", v[4], NULL);
    xmp_prop(x, "pdf:Producer", v[5], NULL);
    xmp_prop(x, "xmp:CreateDate", created, NULL);
    xmp_prop(x, "xmp:ModifyDate", modified, NULL);
    xmp_prop(x, "xmp:MetadataDate", modified, NULL);
    g_string_append(x, "  </rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
    for (int i = 0; i < 20; i++)    /* padding for in-place edits, as XMP recommends */
        g_string_append(x, "                                                                                \n");
    g_string_append(x, "<?xpacket end=\"w\"?>");
    return g_string_free(x, FALSE);
}

/* A new Info dictionary (text strings, dates with "D:") and the XMP saying the same. */
static void write_metadata(ctx *c)
{
    char *info = c->p->info ? cg_pdfdoc_dict(c->p, c->p->info) : g_strdup("");
    char *v[6];
    GString *ni = g_string_new("<< ");
    for (int i = 0; i < 6; i++) {
        char *raw = cg_pdf_dict_get(info, info_keys[i]);
        v[i] = raw ? cg_pdf_string_utf8(raw) : NULL;
        g_free(raw);
        if (v[i]) {
            g_string_append_printf(ni, "%s ", info_keys[i]);
            cg_pdf_text_string(ni, v[i]);
            g_string_append(ni, "\n   ");
        }
    }
    char digits[15], zone[8], mdigits[15], mzone[8];
    char *craw = cg_pdf_dict_get(info, "/CreationDate");
    parse_pdf_date(craw, digits, zone);
    g_free(craw);
    char *mraw = cg_pdf_dict_get(info, "/ModDate");
    if (mraw)
        parse_pdf_date(mraw, mdigits, mzone);
    else
        memcpy(mdigits, digits, 15), memcpy(mzone, zone, 8);
    g_free(mraw);
    char *cd = pdf_date(digits, zone), *md = pdf_date(mdigits, mzone);
    g_string_append_printf(ni, "/CreationDate (%s)\n   /ModDate (%s) >>", cd, md);
    if (!c->p->info)
        c->p->info = cg_pdfdoc_new_obj(c->p);
    cg_pdfdoc_put(c->p, c->p->info, ni->str);
    char *xc = xmp_date(digits, zone), *xm = xmp_date(mdigits, mzone);
    char *xmp = xmp_packet(v, xc, xm);
    long meta = cg_pdfdoc_new_obj(c->p);
    cg_pdfdoc_put_stream(c->p, meta, "/Type /Metadata /Subtype /XML", xmp, strlen(xmp));
    g_string_append_printf(c->catalog_add, "/Metadata %ld 0 R ", meta);
    g_ptr_array_add(c->catalog_drop, "/Metadata");
    for (int i = 0; i < 6; i++)
        g_free(v[i]);
    g_free(xmp); g_free(xc); g_free(xm); g_free(cd); g_free(md); g_free(info);
    g_string_free(ni, TRUE);
}

/* Every annotation Cairo wrote (links) gets the print flag. */
static void print_flags(ctx *c)
{
    GArray *an = objects_where(c->p, "/Annot", NULL, NULL);
    for (guint i = 0; i < an->len; i++) {
        long n = g_array_index(an, long, i);
        char *d = cg_pdfdoc_dict(c->p, n);
        char *rest = cg_pdf_dict_remove(d, "/F");
        char *body = g_strdup_printf("<< /F 4 %s>>", rest);
        cg_pdfdoc_put(c->p, n, body);
        g_free(body); g_free(rest); g_free(d);
    }
    g_array_free(an, TRUE);
}

static int write_pdfa(ctx *c, const char *name, cg_diags *d)
{
    const char *icc = c->x->icc_path ? c->x->icc_path : CG_SRGB_ICC;
    gchar *prof = NULL;
    gsize plen = 0;
    if (!g_file_get_contents(icc, &prof, &plen, NULL) || plen < 128 || memcmp(prof + 36, "acsp", 4)) {
        cg_diag_add(d, CG_ERROR, name, 0, 0, "--pdfa: cannot read the sRGB ICC profile %s (Debian package "
                    "icc-profiles-free)", icc);
        g_free(prof);
        return -1;
    }
    long io = cg_pdfdoc_new_obj(c->p);
    cg_pdfdoc_put_stream(c->p, io, "/N 3", prof, plen);
    g_free(prof);
    g_string_append_printf(c->catalog_add, "/OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1 "
                           "/OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) "
                           "/RegistryName (http://www.color.org) /DestOutputProfile %ld 0 R >> ] ", io);
    g_ptr_array_add(c->catalog_drop, "/OutputIntents");
    write_metadata(c);
    print_flags(c);
    return 0;
}

/* ---- languages of structure elements ------------------------------------------- */

static gboolean lang_ok(const char *l)
{
    if (!l || !*l || strlen(l) > 35)
        return FALSE;
    for (const char *p = l; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-')
            return FALSE;
    return TRUE;
}

/* /Lang on the nth element of each tag name (Cairo numbers them as they are begun). */
static void write_langs(ctx *c, const char *name, cg_diags *d)
{
    GHashTable *by_tag = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    for (guint i = 0; i < c->x->tag_langs->len; i++) {
        const cg_tag_lang *t = &g_array_index(c->x->tag_langs, cg_tag_lang, i);
        if (!lang_ok(t->lang))
            continue;
        GArray *els = g_hash_table_lookup(by_tag, t->tag);
        if (!els) {
            char *s = g_strconcat("/", t->tag, NULL);
            els = objects_where(c->p, "/StructElem", "/S", s);
            g_free(s);
            g_hash_table_insert(by_tag, g_strdup(t->tag), els);
        }
        if ((guint)t->nth >= els->len) {
            cg_diag_add(d, CG_WARNING, name, 0, 0, "the language of a %s structure element is left out "
                        "(%u in the PDF)", t->tag, els->len);
            continue;
        }
        long n = g_array_index(els, long, t->nth);
        char *dict = cg_pdfdoc_dict(c->p, n);
        if (dict && !strstr(dict, "/Lang")) {
            char *body = g_strdup_printf("<< /Lang (%s) %s>>", t->lang, dict);
            cg_pdfdoc_put(c->p, n, body);
            g_free(body);
        }
        g_free(dict);
    }
    g_hash_table_destroy(by_tag);
}

/* ---- the update ------------------------------------------------------------------ */

static void free_gstring(gpointer s)
{
    g_string_free(s, TRUE);
}

static void write_catalog(ctx *c)
{
    char *cat = cg_pdfdoc_dict(c->p, c->p->root);
    char *rest = g_strdup(cat ? cat : "");
    for (guint i = 0; i < c->catalog_drop->len; i++) {
        char *r = cg_pdf_dict_remove(rest, c->catalog_drop->pdata[i]);
        g_free(rest);
        rest = r;
    }
    char *body = g_strdup_printf("<< %s%s>>", c->catalog_add->str, rest);
    cg_pdfdoc_put(c->p, c->p->root, body);
    g_free(body); g_free(rest); g_free(cat);
}

gboolean cg_pdf_extras_needed(const cg_pdf_extras *x)
{
    gboolean form = x->fields && x->fields->len, langs = x->tag_langs && x->tag_langs->len;
    return form || x->attach_name || x->pdfa || langs;
}

int cg_pdf_extras_write(int fd, const cg_pdf_extras *x, const char *name, cg_diags *d)
{
    if (!cg_pdf_extras_needed(x))
        return 0;
    gboolean form = x->fields && x->fields->len, langs = x->tag_langs && x->tag_langs->len;
    cg_pdfdoc *p = cg_pdfdoc_read(fd);
    if (!p) {
        cg_diag_add(d, CG_ERROR, name, 0, 0, "cannot add the form, attachment or PDF/A metadata: "
                    "unexpected PDF structure");
        return -1;
    }
    ctx c = { p, x, g_string_new(NULL), g_ptr_array_new(), g_array_new(FALSE, FALSE, sizeof(long)),
              g_hash_table_new_full(NULL, NULL, NULL, free_gstring), FALSE, d, name, NULL };
    char *cat = cg_pdfdoc_dict(p, p->root);
    char *pages = cat ? cg_pdf_dict_get(cat, "/Pages") : NULL;
    collect_pages(&c, cg_pdf_ref(pages), 0);
    g_free(pages);
    g_free(cat);
    int rc = 0;
    if (form)
        write_form(&c);
    write_pages(&c);
    if (langs)
        write_langs(&c, name, d);
    if (x->attach_name)
        write_attachment(&c);
    if (x->pdfa)
        rc = write_pdfa(&c, name, d);
    char *id = NULL;
    if (!rc) {
        write_catalog(&c);
        /* The file identifier: from the bytes before this update (the same input, the same /ID). */
        char *h = g_compute_checksum_for_data(G_CHECKSUM_MD5, (const guchar *)p->buf, p->len);
        id = p->id ? g_strdup_printf("/ID %s", p->id) : g_strdup_printf("/ID [ <%s> <%s> ]", h, h);
        g_free(h);
        if (cg_pdfdoc_commit(p, fd, id) != 0) {
            cg_diag_add(d, CG_ERROR, name, 0, 0, "cannot write the PDF: %s", g_strerror(errno));
            rc = -1;
        }
    }
    g_free(id);
    g_free(c.da_font);
    g_string_free(c.catalog_add, TRUE);
    g_ptr_array_free(c.catalog_drop, TRUE);
    g_array_free(c.pages, TRUE);
    g_hash_table_destroy(c.annots_add);
    cg_pdfdoc_free(p);
    return rc;
}
