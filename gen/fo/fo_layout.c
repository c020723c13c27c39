/* fo_layout.c — block-level layout: blocks, block-containers, lists, tables.
 *
 * Every block-level object appends to a vertical list: its space-before, a
 * start marker, a gap for its border and padding before, its content, the gap
 * after, an end marker and its space-after. Between two siblings goes the one
 * penalty where a page may break between them, as strong as the keeps that
 * hold there (keep-with-next of the first, keep-with-previous of the second,
 * keep-together of the parent). Coordinates: x from the start edge of the
 * region (the flow's reference area); y is decided by pagination.
 */
#include "fo_layout.h"
#include "fo_image.h"
#include "fo_text.h"

#include <math.h>
#include <string.h>

#define MAX_BLOCK_DEPTH 120

void cg_layout_init(cg_layout *L, cg_fo_tree *t, cg_diags *d, PangoContext *ctx, const char *base_dir)
{
    memset(L, 0, sizeof *L);
    L->t = t;
    L->d = d;
    L->ctx = ctx;
    L->base_dir = g_strdup(base_dir ? base_dir : ".");
    L->families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    L->metrics = cg_metrics_table_new();
    L->images = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)cg_image_free);
    L->ids = g_hash_table_new(g_str_hash, g_str_equal);
    L->warned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    L->layout_blocks = cg_layout_blocks;
}

void cg_layout_clear(cg_layout *L)
{
    g_free(L->base_dir);
    g_hash_table_destroy(L->families);
    g_hash_table_destroy(L->metrics);
    g_hash_table_destroy(L->images);
    g_hash_table_destroy(L->ids);
    g_hash_table_destroy(L->warned);
}

/* ---- block-level layout ------------------------------------------------ */

/* Where block content is placed: the reference area and the list context. */
typedef struct {
    double base_x, ref_w;
    const cg_list_ctx *list;
} bctx;

static void layout_content(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc);
static void layout_block_level(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc);

static void add_space(cg_vlist *vl, const cg_space *s)
{
    double h = cg_len_resolve(s->opt, 0, NULL);
    if (h == 0 && s->precedence == 0)
        return;
    cg_vitem *it = cg_vlist_add(vl, VI_SPACE);
    it->h = h;
    it->precedence = s->precedence;
    it->retain = s->retain;
}

static void add_penalty(cg_vlist *vl, int pen)
{
    cg_vitem *it = cg_vlist_add(vl, VI_PENALTY);
    it->pen = pen;
}

static void add_break(cg_vlist *vl, int kind)
{
    if (kind == CG_BREAK_AUTO)
        return;
    cg_vitem *it = cg_vlist_add(vl, VI_PENALTY);
    it->pen = CG_PEN_FORCE;
    it->break_kind = kind;      /* CG_BREAK_COLUMN is a page break in one column (fo_page.c) */
}

static void add_gap(cg_vlist *vl, double h)
{
    if (h <= 0)
        return;
    cg_vitem *it = cg_vlist_add(vl, VI_GAP);
    it->h = h;
}

/* Indents of fo in bc: content x and width. */
static void content_box(cg_layout *L, const cg_fo *fo, const bctx *bc, double *x, double *w)
{
    const cg_props *p = fo->p;
    double si = cg_len_resolve(p->i.start_indent, bc->ref_w, bc->list);
    double ei = cg_len_resolve(p->i.end_indent, bc->ref_w, bc->list);
    double cw = bc->ref_w - si - ei;
    if (cw < 1) {
        cg_layout_warn_once(L, fo, "fo:%s has no room (%.2fpt wide after its indents): set at 1pt and overflowing",
                            cg_fo_kind_name(fo->kind), cw);
        cw = 1;
    }
    /* the start edge is the left one in lr-tb, the right one in rl-tb */
    *x = bc->base_x + (p->i.rtl ? ei : si);
    *w = cw;
}

/* Borders as drawn, left and right: the relative ones swapped in rl-tb
 * (cg_block.border holds the physical sides in the lr-tb slots). */
static void physical_borders(const cg_border *rel, gboolean rtl, cg_border *out)
{
    memcpy(out, rel, sizeof(cg_border) * 4);
    if (rtl) {
        out[CG_START] = rel[CG_END];
        out[CG_END] = rel[CG_START];
    }
}

static const char *role_tag(const cg_fo *fo, const char *fallback)
{
    const char *r = fo->p->n.role;
    if (!r)
        return fallback;
    static const char *const known[] = { "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "Div",
        "Span", "Caption", "Quote", "Note", "Code", "Figure", "Formula", "L", "LI", "Lbl",
        "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Link", "Sect", "Art",
        "Part", "BlockQuote", "TOC", "TOCI", "Index", "Reference", "BibEntry", "Title" };
    for (size_t i = 0; i < G_N_ELEMENTS(known); i++)
        if (!strcmp(r, known[i]))
            return known[i];
    return fallback;
}

static cg_block *new_block(cg_vlist *vl, const cg_fo *fo, double cx, double cw, const bctx *bc,
                           const char *tag)
{
    const cg_props *p = fo->p;
    cg_block *b = cg_vlist_alloc(vl, sizeof *b);
    b->fo = fo;
    int left = cg_side_left(p), right = cg_side_right(p);
    double ps = cg_len_resolve(p->n.padding[left], bc->ref_w, NULL);
    double pe = cg_len_resolve(p->n.padding[right], bc->ref_w, NULL);
    b->x = cx - ps - p->n.border[left].width;
    b->w = cw + ps + pe + p->n.border[left].width + p->n.border[right].width;
    physical_borders(p->n.border, p->i.rtl, b->border);
    b->background = p->n.background;
    b->tag = role_tag(fo, tag);
    b->id = fo->id;
    return b;
}

static void pad_gaps(const cg_fo *fo, double ref_w, double *before, double *after)
{
    const cg_props *p = fo->p;
    *before = p->n.border[CG_BEFORE].width + cg_len_resolve(p->n.padding[CG_BEFORE], ref_w, NULL);
    *after = p->n.border[CG_AFTER].width + cg_len_resolve(p->n.padding[CG_AFTER], ref_w, NULL);
}

static gboolean has_block_child(const cg_fo *fo)
{
    for (const cg_fo *c = fo->first; c; c = c->next)
        if (cg_fo_is_block_level(c->kind) || c->kind == FO_LIST_ITEM)
            return TRUE;
    return FALSE;
}

/* Is c laid out as a block in the content of its parent? */
static gboolean is_block_child(const cg_fo *c)
{
    if (cg_fo_is_block_level(c->kind) || c->kind == FO_LIST_ITEM)
        return TRUE;
    /* a wrapper or unknown object holding blocks is transparent */
    if ((c->kind == FO_WRAPPER || c->kind == FO_UNKNOWN) && has_block_child(c))
        return TRUE;
    return FALSE;
}

/* Open a block area in vl: the block, its start marker and the gap of its
 * before-padding and border. *after receives the gap that closes it. */
static cg_block *open_block(cg_vlist *vl, const cg_fo *fo, double cx, double cw, const bctx *bc,
                            const char *role, double *after)
{
    cg_block *b = new_block(vl, fo, cx, cw, bc, role);
    cg_vitem *s = cg_vlist_add(vl, VI_START);
    s->blk = b;
    double before;
    pad_gaps(fo, bc->ref_w, &before, after);
    add_gap(vl, before);
    return b;
}

static void layout_block(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc)
{
    const cg_props *p = fo->p;
    double cx, cw;
    content_box(L, fo, bc, &cx, &cw);
    add_break(vl, p->n.break_before);
    add_space(vl, &p->n.space_before);
    double ga;
    cg_block *b = open_block(vl, fo, cx, cw, bc, has_block_child(fo) ? "Div" : "P", &ga);
    layout_content(L, vl, fo, bc);
    add_gap(vl, ga);
    cg_vitem *e = cg_vlist_add(vl, VI_END);
    e->blk = b;
    add_space(vl, &p->n.space_after);
    add_break(vl, p->n.break_after);
}

/* An offset (top, left, right, bottom) of an absolutely positioned
 * block-container; auto (or invalid): -1. Percentages of base. */
static double abs_offset(cg_layout *L, const cg_fo *fo, const char *name, double base)
{
    const char *v = cg_fo_attr(L->t, fo, name);
    cg_len l;
    if (!v || !strcmp(v, "auto") || !cg_parse_length(v, fo->p->i.font_size, &l))
        return -1;
    return cg_len_resolve(l, base, NULL);
}

/* absolute-position="absolute" (and "fixed", taken as absolute on the page's
 * region): the block-container takes no room in the flow; its content is set
 * at left/top from the containing reference area (XSL 1.1 §7.6.1), its width
 * from width or from left and right. Placed on the page where its place in the
 * flow falls. */
static void layout_abs_block_container(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc)
{
    const cg_props *p = fo->p;
    double left = abs_offset(L, fo, "left", bc->ref_w), right = abs_offset(L, fo, "right", bc->ref_w);
    double top = abs_offset(L, fo, "top", 0);
    /* left and right are physical; so are ps, pe, bs, be here (left, right) */
    double ps = cg_len_resolve(p->n.padding[cg_side_left(p)], bc->ref_w, NULL);
    double pe = cg_len_resolve(p->n.padding[cg_side_right(p)], bc->ref_w, NULL);
    double bs = p->n.border[cg_side_left(p)].width, be = p->n.border[cg_side_right(p)].width;
    double cw = -1;
    if (!(p->n.width.flags & CG_LEN_AUTO))
        cw = cg_len_resolve(p->n.width, bc->ref_w, NULL);
    if (cw <= 0)
        cw = bc->ref_w - MAX(left, 0) - MAX(right, 0) - ps - pe - bs - be;
    if (cw < 1)
        cw = 1;
    /* right given, or neither in rl-tb (the start edge is the right one) */
    if (left < 0 && (right >= 0 || p->i.rtl))
        left = bc->ref_w - MAX(right, 0) - cw - ps - pe - bs - be;
    double cx = bc->base_x + MAX(left, 0) + bs + ps;
    cg_vlist *sub = cg_vlist_new();
    g_ptr_array_add(vl->owned_lists, sub);
    double ga;
    cg_block *b = open_block(sub, fo, cx, cw, bc, "Div", &ga);
    bctx inner = { cx, cw, NULL };
    cg_vlist *content = cg_vlist_new();
    g_ptr_array_add(sub->owned_lists, content);
    layout_content(L, content, fo, &inner);
    double ch = cg_vlist_measure(content);
    double h = ch;
    if (!(p->n.height.flags & CG_LEN_AUTO))
        h = MAX(cg_len_resolve(p->n.height, 0, NULL), 0);
    double off = 0;
    if (p->n.display_align == CG_DA_CENTER) off = MAX(0, (h - ch) / 2);
    else if (p->n.display_align == CG_DA_AFTER) off = MAX(0, h - ch);
    add_gap(sub, off);
    cg_vitem *bx = cg_vlist_add(sub, VI_BOX);
    bx->sub = content;
    bx->h = MAX(h - off, 0);
    add_gap(sub, ga);
    cg_vitem *e = cg_vlist_add(sub, VI_END);
    e->blk = b;
    cg_vitem *ab = cg_vlist_add(vl, VI_ABS);
    ab->sub = sub;
    ab->x = MAX(top, 0);
}

static void layout_block_container(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc)
{
    const cg_props *p = fo->p;
    double cx, cw;
    content_box(L, fo, bc, &cx, &cw);
    if (!(p->n.width.flags & CG_LEN_AUTO)) {
        double w = cg_len_resolve(p->n.width, bc->ref_w, NULL);
        if (w > 0) {
            if (p->i.rtl)
                cx += cw - w;   /* set against the start edge, the right one */
            cw = w;
        }
    }
    const char *abs = cg_fo_attr(L->t, fo, "absolute-position");
    if (abs && (!strcmp(abs, "absolute") || !strcmp(abs, "fixed"))) {
        layout_abs_block_container(L, vl, fo, bc);
        return;
    }
    if (abs && strcmp(abs, "auto"))
        cg_layout_warn_once(L, fo, "absolute-position=\"%s\" is not supported: the block-container is laid out in the flow", abs);
    add_break(vl, p->n.break_before);
    add_space(vl, &p->n.space_before);
    double ga;
    cg_block *b = open_block(vl, fo, cx, cw, bc, "Div", &ga);
    /* A new reference area: its content's indents are measured from it. */
    bctx inner = { cx, cw, NULL };
    if (!(p->n.height.flags & CG_LEN_AUTO)) {
        double h = cg_len_resolve(p->n.height, 0, NULL);
        cg_vlist *sub = cg_vlist_new();
        layout_content(L, sub, fo, &inner);
        double ch = cg_vlist_measure(sub);
        if (ch > h + 0.01)
            cg_xml_diag(L->d, CG_WARNING, fo->xml,
                        "the content of this fo:block-container (%.2fpt) is taller than its height (%.2fpt): it overflows",
                        ch, h);
        double off = 0;
        if (p->n.display_align == CG_DA_CENTER) off = MAX(0, (h - ch) / 2);
        else if (p->n.display_align == CG_DA_AFTER) off = MAX(0, h - ch);
        add_gap(vl, off);
        cg_vitem *bx = cg_vlist_add(vl, VI_BOX);
        bx->sub = sub;
        bx->h = h - off;
        g_ptr_array_add(vl->owned_lists, sub);
    } else
        layout_content(L, vl, fo, &inner);
    add_gap(vl, ga);
    cg_vitem *e = cg_vlist_add(vl, VI_END);
    e->blk = b;
    add_space(vl, &p->n.space_after);
    add_break(vl, p->n.break_after);
}

/* ---- lists --------------------------------------------------------------- */

/* label-end() and body-start() are evaluated where they are specified, and
 * descendants inherit the resulting length (XSL 1.1 §5.1.4: the computed
 * value is inherited). Resolve them in the label's or body's subtree with this
 * item's list context, stopping at nested list-items, which resolve their own.
 * The tree is changed in place; layout is the only reader of these values and
 * always resolves them with the same widths. */
static void freeze_list_functions(cg_fo *fo, const cg_list_ctx *lc, int depth, gboolean nested,
                                  gboolean keep_start, gboolean keep_end)
{
    if (fo->kind == FO_TEXT || depth > 200)
        return;
    /* Inside a nested list-item, an indent given explicitly (label-end() on an
     * inner label, say) belongs to the inner list: it and what inherits it
     * are left for the inner item to resolve. */
    nested = nested || (fo->kind == FO_LIST_ITEM && depth > 1);
    if (nested && fo->p->n.start_indent_set)
        keep_start = TRUE;
    if (nested && fo->p->n.end_indent_set)
        keep_end = TRUE;
    cg_len *ls[2] = { &fo->p->i.start_indent, &fo->p->i.end_indent };
    gboolean keep[2] = { keep_start, keep_end };
    for (int k = 0; k < 2; k++) {
        unsigned fl = ls[k]->flags & (CG_LEN_LABEL_END | CG_LEN_BODY_START);
        if (fl && !keep[k]) {
            cg_len f = { 0, 0, fl };
            ls[k]->abs += cg_len_resolve(f, 0, lc);
            ls[k]->flags &= ~fl;
        }
    }
    for (cg_fo *c = fo->first; c; c = c->next)
        freeze_list_functions(c, lc, depth + 1, nested, keep_start, keep_end);
}

/* The first baseline of items [from, len) of vl, from their top; -1 if no line. */
static double first_baseline(const cg_vlist *vl, int from)
{
    for (int i = from; i < (int)vl->items->len; i++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, i);
        if (it->kind == VI_LINE)
            return cg_vlist_measure_range(vl, from, i) + it->line->baseline;
        if (it->kind == VI_ROW || it->kind == VI_BOX || it->kind == VI_OVERLAY)
            return -1;          /* a table or container first: aligned on the tops */
    }
    return -1;
}

/* relative-align="baseline" (XSL 1.1 §7.14.13): the first lines of the label
 * and the body on one baseline (a label in a Latin face beside Arabic text, say,
 * whose lines differ in height), the one above moved down by a gap. */
static void align_baselines(cg_vlist *vl, cg_vlist *lv, int body_from)
{
    double lb = first_baseline(lv, 0), bb = first_baseline(vl, body_from);
    if (lb < 0 || bb < 0 || fabs(lb - bb) < 0.005)
        return;
    cg_vitem gap = { 0 };
    gap.kind = VI_GAP;
    gap.h = fabs(lb - bb);
    if (lb < bb)
        g_array_insert_val(lv->items, 1, gap);      /* after the label's start marker */
    else
        g_array_insert_val(vl->items, (guint)body_from + 1, gap);
}

static void layout_list_item(cg_layout *L, cg_vlist *vl, const cg_fo *item, const bctx *bc,
                             const cg_fo *list)
{
    const cg_props *p = item->p;
    (void)list;
    cg_list_ctx lc = { bc->ref_w, cg_len_resolve(p->i.start_indent, bc->ref_w, bc->list),
                       cg_len_resolve(p->i.pdbs, bc->ref_w, NULL), cg_len_resolve(p->i.pls, bc->ref_w, NULL) };
    bctx ibc = { bc->base_x, bc->ref_w, &lc };
    double cx, cw;
    content_box(L, item, bc, &cx, &cw);
    add_break(vl, p->n.break_before);
    add_space(vl, &p->n.space_before);
    double ga;
    cg_block *b = open_block(vl, item, cx, cw, bc, "LI", &ga);
    const cg_fo *label = cg_fo_child(item, FO_LIST_ITEM_LABEL);
    const cg_fo *body = cg_fo_child(item, FO_LIST_ITEM_BODY);
    for (cg_fo *c = item->first; c; c = c->next)
        if (c->kind == FO_LIST_ITEM_LABEL || c->kind == FO_LIST_ITEM_BODY)
            freeze_list_functions(c, &lc, 1, FALSE, FALSE, FALSE);
    double lh = 0;
    cg_vlist *lv = NULL;
    if (label) {
        lv = cg_vlist_new();
        cg_block *lb = new_block(lv, label, cx, cw, bc, "Lbl");
        cg_vitem *ls = cg_vlist_add(lv, VI_START);
        ls->blk = lb;
        layout_content(L, lv, label, &ibc);
        cg_vitem *le = cg_vlist_add(lv, VI_END);
        le->blk = lb;
        lh = cg_vlist_measure(lv);
        cg_vitem *ov = cg_vlist_add(vl, VI_OVERLAY);
        ov->sub = lv;
        ov->h = lh;
        g_ptr_array_add(vl->owned_lists, lv);
    } else
        cg_xml_diag(L->d, CG_WARNING, item->xml, "fo:list-item without fo:list-item-label");
    guint body_from = vl->items->len;
    if (body) {
        cg_block *bb = new_block(vl, body, cx, cw, bc, "LBody");
        cg_vitem *bs = cg_vlist_add(vl, VI_START);
        bs->blk = bb;
        layout_content(L, vl, body, &ibc);
        cg_vitem *be = cg_vlist_add(vl, VI_END);
        be->blk = bb;
        if (lv && p->i.relative_baseline) {
            align_baselines(vl, lv, (int)body_from);
            lh = cg_vlist_measure(lv);
            g_array_index(vl->items, cg_vitem, body_from - 1).h = lh;   /* the overlay */
        }
    } else
        cg_xml_diag(L->d, CG_WARNING, item->xml, "fo:list-item without fo:list-item-body");
    /* No page break beside the label: the label is drawn with the body's first lines. */
    double y = 0;
    gboolean started = FALSE;
    for (guint i = body_from; i < vl->items->len; i++) {
        cg_vitem *it = &g_array_index(vl->items, cg_vitem, i);
        if (it->kind == VI_PENALTY && y < lh - 0.01 && it->pen != CG_PEN_FORCE)
            it->pen = MAX(it->pen, CG_KEEP_ALWAYS);
        if (it->kind == VI_LINE || it->kind == VI_GAP || it->kind == VI_ROW || it->kind == VI_BOX) {
            y += it->h;
            started = TRUE;
        } else if (it->kind == VI_SPACE && started)
            y += it->h;
    }
    if (y < lh)
        add_gap(vl, lh - y);
    add_gap(vl, ga);
    cg_vitem *e = cg_vlist_add(vl, VI_END);
    e->blk = b;
    add_space(vl, &p->n.space_after);
    add_break(vl, p->n.break_after);
}

static void layout_list_block(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc)
{
    const cg_props *p = fo->p;
    double cx, cw;
    content_box(L, fo, bc, &cx, &cw);
    add_break(vl, p->n.break_before);
    add_space(vl, &p->n.space_before);
    double ga;
    cg_block *b = open_block(vl, fo, cx, cw, bc, "L", &ga);
    int prev_keep = 0;
    gboolean have_prev = FALSE;
    for (const cg_fo *c = fo->first; c; c = c->next) {
        if (c->kind == FO_TEXT)
            continue;
        if (c->kind != FO_LIST_ITEM) {
            cg_layout_warn_once(L, c, "fo:%s is not allowed in fo:list-block; laid out as a block",
                                cg_fo_kind_name(c->kind));
        }
        if (have_prev)
            add_penalty(vl, MAX(MAX(prev_keep, c->p->n.keep_with_previous_page), p->i.keep_together_page));
        if (c->kind == FO_LIST_ITEM)
            layout_list_item(L, vl, c, bc, fo);
        else
            layout_block_level(L, vl, c, bc);
        prev_keep = c->p->n.keep_with_next_page;
        have_prev = TRUE;
    }
    add_gap(vl, ga);
    cg_vitem *e = cg_vlist_add(vl, VI_END);
    e->blk = b;
    add_space(vl, &p->n.space_after);
    add_break(vl, p->n.break_after);
}

/* ---- tables -------------------------------------------------------------- */

typedef struct {
    double *w;
    int n;
    double sep_i, sep_b;        /* separate border model: border-separation (between cells) */
    gboolean rtl;               /* rl-tb: the first column on the right (XSL 1.1 §6.7.3) */
} columns;

static int int_attr(cg_layout *L, const cg_fo *fo, const char *name, int dflt, int max)
{
    const char *v = cg_fo_attr(L->t, fo, name);
    if (!v)
        return dflt;
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < 1) {
        cg_xml_diag(L->d, CG_WARNING, fo->xml, "invalid value '%s' for '%s' ignored", v, name);
        return dflt;
    }
    if (n > max) {
        cg_xml_diag(L->d, CG_WARNING, fo->xml, "'%s' = %ld is too large; using %d", name, n, max);
        return max;
    }
    return (int)n;
}

#define MAX_COLUMNS 1000

/* The columns' widths; implicit: their number when the table has no
 * fo:table-column (each then takes an equal share). */
static columns table_columns(cg_layout *L, const cg_fo *table, double tw, int implicit)
{
    GArray *spec = g_array_new(FALSE, TRUE, sizeof(cg_len));
    for (const cg_fo *c = table->first; c; c = c->next) {
        if (c->kind != FO_TABLE_COLUMN)
            continue;
        int rep = int_attr(L, c, "number-columns-repeated", 1, MAX_COLUMNS);
        int num = int_attr(L, c, "column-number", (int)spec->len + 1, MAX_COLUMNS);
        cg_len l = { 0, 0, CG_LEN_PROPORTIONAL };
        l.abs = 1;
        const char *cwv = cg_fo_attr(L->t, c, "column-width");
        if (cwv && strcmp(cwv, "auto")) {
            cg_len v;
            if (cg_parse_length(cwv, c->p->i.font_size, &v) && v.abs >= 0 && v.rel >= 0 &&
                v.abs < CG_MAX_LENGTH)
                l = v;
            else
                cg_xml_diag(L->d, CG_WARNING, c->xml, "invalid column-width '%s'; the column shares the free width", cwv);
        }
        for (int r = 0; r < rep; r++) {
            int idx = num - 1 + r;
            if (idx >= MAX_COLUMNS)
                break;
            if ((int)spec->len <= idx)
                g_array_set_size(spec, (guint)idx + 1);
            g_array_index(spec, cg_len, idx) = l;
        }
    }
    int n = (int)spec->len;
    if (n == 0) {
        n = MAX(1, implicit);
        g_array_set_size(spec, (guint)n);
        for (int i = 0; i < n; i++)
            g_array_index(spec, cg_len, i) = (cg_len){ 1, 0, CG_LEN_PROPORTIONAL };
    }
    columns cols = { g_new0(double, n), n, 0, 0, FALSE };
    double fixed = 0, units = 0;
    for (int i = 0; i < n; i++) {
        cg_len l = g_array_index(spec, cg_len, i);
        if (l.flags & CG_LEN_PROPORTIONAL) {
            units += l.abs;
            fixed += 0;
        } else if (l.flags == 0 && l.abs == 0 && l.rel == 0) {
            /* a gap in column-number: treat as one proportional unit */
            g_array_index(spec, cg_len, i) = (cg_len){ 1, 0, CG_LEN_PROPORTIONAL };
            units += 1;
        } else
            fixed += cg_len_resolve(l, tw, NULL);
    }
    double free_w = MAX(0, tw - fixed);
    if (fixed > tw + 0.01)
        cg_xml_diag(L->d, CG_WARNING, table->xml,
                    "the columns of this table (%.2fpt) are wider than the table (%.2fpt): it overflows",
                    fixed, tw);
    for (int i = 0; i < n; i++) {
        cg_len l = g_array_index(spec, cg_len, i);
        if (l.flags & CG_LEN_PROPORTIONAL)
            cols.w[i] = units > 0 ? free_w * l.abs / units : 0;
        else
            cols.w[i] = cg_len_resolve(l, tw, NULL);
    }
    g_array_free(spec, TRUE);
    return cols;
}

typedef struct {
    const cg_fo *fo;
    int col, cols, rows;
} cell_pos;

/* One row of a section's grid: its fo:table-row (NULL for cells without one)
 * and the positions of the cells that start in it. */
typedef struct {
    const cg_fo *fo;
    GArray *cps;                /* of cell_pos */
} grid_row;

static void grid_row_free(gpointer p)
{
    grid_row *g = p;
    g_array_free(g->cps, TRUE);
    g_free(g);
}

typedef struct {
    cg_row *row;
    const cg_fo *fo;            /* table-row, or NULL for cells without one */
    int keep_next, keep_prev;
} row_build;

/* The rows of a table-header, -footer or -body and the columns of their
 * cells: rows are fo:table-row children, or runs of cells split by
 * starts-row/ends-row; a cell takes the first column free of the cells
 * spanning from the rows above. Spans are cut at the section's end. */
static GPtrArray *section_grid(cg_layout *L, const cg_fo *sec, int ncol)
{
    GPtrArray *grid = g_ptr_array_new_with_free_func(grid_row_free);
    int *busy = g_new0(int, ncol);          /* rows still covered by a span from above */
    const cg_fo *c = sec->first;
    while (c) {
        if (c->kind == FO_TEXT) { c = c->next; continue; }
        const cg_fo *row_fo = NULL;
        const cg_fo *cells_from = NULL, *cells_stop = NULL;
        if (c->kind == FO_TABLE_ROW) {
            row_fo = c;
            cells_from = c->first;
            cells_stop = NULL;
            c = c->next;
        } else if (c->kind == FO_TABLE_CELL) {
            cells_from = c;
            const cg_fo *q = c;
            for (; q; q = q->next) {
                if (q != c && q->kind == FO_TABLE_CELL) {
                    const char *sr = cg_fo_attr(L->t, q, "starts-row");
                    if (sr && !strcmp(sr, "true"))
                        break;
                }
                const char *er = q->kind == FO_TABLE_CELL ? cg_fo_attr(L->t, q, "ends-row") : NULL;
                if (er && !strcmp(er, "true")) {
                    q = q->next;
                    break;
                }
            }
            cells_stop = q;
            c = q;
        } else {
            cg_layout_warn_once(L, c, "fo:%s is not allowed here and is ignored", cg_fo_kind_name(c->kind));
            c = c->next;
            continue;
        }
        GArray *cps = g_array_new(FALSE, FALSE, sizeof(cell_pos));
        int col = 0;
        for (const cg_fo *q = cells_from; q && q != cells_stop; q = q->next) {
            if (q->kind != FO_TABLE_CELL) {
                if (q->kind != FO_TEXT)
                    cg_layout_warn_once(L, q, "fo:%s is not allowed in a table row and is ignored",
                                        cg_fo_kind_name(q->kind));
                continue;
            }
            int cn = int_attr(L, q, "column-number", 0, MAX_COLUMNS);
            if (cn > 0)
                col = cn - 1;
            while (col < ncol && busy[col] > 0)
                col++;
            cell_pos cp = { q, col, int_attr(L, q, "number-columns-spanned", 1, MAX_COLUMNS),
                            int_attr(L, q, "number-rows-spanned", 1, 10000) };
            if (col >= ncol) {
                cg_xml_diag(L->d, CG_WARNING, q->xml,
                            "this table-cell lies beyond the table's %d column%s: it is set in the last column",
                            ncol, ncol == 1 ? "" : "s");
                cp.col = ncol - 1;
                cp.cols = 1;
            }
            if (cp.col + cp.cols > ncol)
                cp.cols = ncol - cp.col;
            g_array_append_val(cps, cp);
            for (int k = cp.col; k < cp.col + cp.cols; k++)
                busy[k] = MAX(busy[k], cp.rows);
            col = cp.col + cp.cols;
        }
        grid_row *g = g_new0(grid_row, 1);
        g->fo = row_fo;
        g->cps = cps;
        g_ptr_array_add(grid, g);
        for (int k = 0; k < ncol; k++)
            if (busy[k] > 0)
                busy[k]--;
    }
    g_free(busy);
    for (guint i = 0; i < grid->len; i++) {
        grid_row *g = grid->pdata[i];
        for (guint k = 0; k < g->cps->len; k++) {
            cell_pos *cp = &g_array_index(g->cps, cell_pos, k);
            cp->rows = MIN(cp->rows, (int)(grid->len - i));
        }
    }
    return grid;
}

/* ---- collapsed borders (border-collapse="collapse") ----
 * XSL 1.1 §7.26.1 and CSS2 §17.6.2: each edge between two cells, or between a
 * cell and the table's edge, has one border, chosen among those of the cells,
 * rows, row groups (header, body, footer), columns and the table that meet
 * there: hidden suppresses it, then the wider wins, then the style (double,
 * solid, dashed, dotted, ridge, outset, groove, inset), then the object (cell,
 * row, row group, column, table). The border is centred on the grid line: half
 * of it lies in each cell. Each cell keeps, for each side, the winner over its
 * whole side (the widest of those along it). */

typedef struct {
    const cell_pos *cp;
    int r0;                     /* first grid row */
} grid_cell;

typedef struct {
    int nrow, ncol;
    const grid_cell **at;       /* nrow * ncol: the cell over each slot, or NULL */
    const cg_fo **row_fo;       /* per grid row: the fo:table-row, or NULL */
    const cg_fo **sec;          /* per grid row: its header, body or footer */
    const cg_fo **col_fo;       /* per column: its fo:table-column, or NULL */
    const cg_fo *table;
} table_grid;

static int style_rank(int s)
{
    switch (s) {
    case CG_BS_DOUBLE: return 8;
    case CG_BS_SOLID: return 7;
    case CG_BS_DASHED: return 6;
    case CG_BS_DOTTED: return 5;
    case CG_BS_RIDGE: return 4;
    case CG_BS_OUTSET: return 3;
    case CG_BS_GROOVE: return 2;
    case CG_BS_INSET: return 1;
    default: return 0;
    }
}

enum { PREC_TABLE = 1, PREC_COLUMN, PREC_GROUP, PREC_ROW, PREC_CELL };

typedef struct {
    cg_border b;
    int prec;
    gboolean hidden;
} border_pick;

static void pick_border(border_pick *w, const cg_fo *fo, int side, int prec)
{
    if (!fo)
        return;
    const cg_border *c = &fo->p->n.border[side];
    if (c->style == CG_BS_HIDDEN) {
        w->hidden = TRUE;
        return;
    }
    if (c->style == CG_BS_NONE || c->width <= 0)
        return;
    double d = c->width - w->b.width;
    if (w->b.width <= 0 || d > 1e-9 ||
        (fabs(d) <= 1e-9 && (style_rank(c->style) > style_rank(w->b.style) ||
                             (style_rank(c->style) == style_rank(w->b.style) && prec > w->prec)))) {
        w->b = *c;
        w->prec = prec;
    }
}

static const cg_fo *grid_cell_fo(const table_grid *G, int r, int c)
{
    if (r < 0 || r >= G->nrow || c < 0 || c >= G->ncol)
        return NULL;
    const grid_cell *gc = G->at[r * G->ncol + c];
    return gc ? gc->cp->fo : NULL;
}

/* The border on the before side of grid row r (r = nrow: after the last row)
 * over column c. */
static border_pick horizontal_edge(const table_grid *G, int r, int c)
{
    border_pick w = { { 0 }, 0, FALSE };
    if (r > 0) {
        pick_border(&w, grid_cell_fo(G, r - 1, c), CG_AFTER, PREC_CELL);
        pick_border(&w, G->row_fo[r - 1], CG_AFTER, PREC_ROW);
        if (r == G->nrow || G->sec[r] != G->sec[r - 1])
            pick_border(&w, G->sec[r - 1], CG_AFTER, PREC_GROUP);
    }
    if (r < G->nrow) {
        pick_border(&w, grid_cell_fo(G, r, c), CG_BEFORE, PREC_CELL);
        pick_border(&w, G->row_fo[r], CG_BEFORE, PREC_ROW);
        if (r == 0 || G->sec[r] != G->sec[r - 1])
            pick_border(&w, G->sec[r], CG_BEFORE, PREC_GROUP);
    }
    if (r == 0 || r == G->nrow) {
        int side = r == 0 ? CG_BEFORE : CG_AFTER;
        pick_border(&w, G->col_fo[c], side, PREC_COLUMN);
        pick_border(&w, G->table, side, PREC_TABLE);
    }
    return w;
}

/* The border on the start side of column c (c = ncol: after the last column)
 * in grid row r. */
static border_pick vertical_edge(const table_grid *G, int r, int c)
{
    border_pick w = { { 0 }, 0, FALSE };
    if (c > 0) {
        pick_border(&w, grid_cell_fo(G, r, c - 1), CG_END, PREC_CELL);
        pick_border(&w, G->col_fo[c - 1], CG_END, PREC_COLUMN);
    }
    if (c < G->ncol) {
        pick_border(&w, grid_cell_fo(G, r, c), CG_START, PREC_CELL);
        pick_border(&w, G->col_fo[c], CG_START, PREC_COLUMN);
    }
    if (c == 0 || c == G->ncol) {
        int side = c == 0 ? CG_START : CG_END;
        pick_border(&w, G->row_fo[r], side, PREC_ROW);
        pick_border(&w, G->sec[r], side, PREC_GROUP);
        pick_border(&w, G->table, side, PREC_TABLE);
    }
    return w;
}

static void widest(cg_border *into, const border_pick *w)
{
    if (w->hidden)
        return;
    if (w->b.width > into->width + 1e-9 ||
        (into->width <= 0 && w->b.style != CG_BS_NONE))
        *into = w->b;
}

/* The fo:table-column over each column (NULL where none). */
static const cg_fo **column_fos(cg_layout *L, const cg_fo *table, int ncol)
{
    const cg_fo **cf = g_new0(const cg_fo *, ncol);
    int next = 1;
    for (const cg_fo *c = table->first; c; c = c->next) {
        if (c->kind != FO_TABLE_COLUMN)
            continue;
        int rep = int_attr(L, c, "number-columns-repeated", 1, MAX_COLUMNS);
        int num = int_attr(L, c, "column-number", next, MAX_COLUMNS);
        for (int r = 0; r < rep; r++)
            if (num - 1 + r < ncol)
                cf[num - 1 + r] = c;
        next = num + rep;
    }
    return cf;
}

/* Collapsed borders of every cell of the table: cell fo -> cg_border[4]
 * (widths are whole borders; each cell has half of each). grids: the grids
 * of the sections in order (header, bodies, footer), secs their FOs. */
static GHashTable *collapse_borders(cg_layout *L, const cg_fo *table, int ncol,
                                    GPtrArray *grids, const cg_fo **secs)
{
    table_grid G = { 0, ncol, NULL, NULL, NULL, NULL, table };
    for (guint s = 0; s < grids->len; s++)
        G.nrow += (int)((GPtrArray *)grids->pdata[s])->len;
    G.at = g_new0(const grid_cell *, (size_t)MAX(1, G.nrow) * (size_t)ncol);
    G.row_fo = g_new0(const cg_fo *, MAX(1, G.nrow));
    G.sec = g_new0(const cg_fo *, MAX(1, G.nrow));
    G.col_fo = column_fos(L, table, ncol);
    GArray *cells = g_array_new(FALSE, FALSE, sizeof(grid_cell));
    int r = 0;
    for (guint s = 0; s < grids->len; s++) {
        GPtrArray *grid = grids->pdata[s];
        for (guint i = 0; i < grid->len; i++, r++) {
            grid_row *g = grid->pdata[i];
            G.row_fo[r] = g->fo;
            G.sec[r] = secs[s];
            for (guint k = 0; k < g->cps->len; k++) {
                grid_cell gc = { &g_array_index(g->cps, cell_pos, k), r };
                g_array_append_val(cells, gc);
            }
        }
    }
    /* the slots (after filling cells, whose array no longer moves) */
    for (guint i = 0; i < cells->len; i++) {
        const grid_cell *gc = &g_array_index(cells, grid_cell, i);
        for (int rr = gc->r0; rr < gc->r0 + gc->cp->rows && rr < G.nrow; rr++)
            for (int cc = gc->cp->col; cc < gc->cp->col + gc->cp->cols; cc++)
                if (!G.at[rr * ncol + cc])
                    G.at[rr * ncol + cc] = gc;
    }
    GHashTable *res = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    for (guint i = 0; i < cells->len; i++) {
        const grid_cell *gc = &g_array_index(cells, grid_cell, i);
        const cell_pos *cp = gc->cp;
        int r1 = MIN(gc->r0 + cp->rows, G.nrow);
        cg_border *b = g_new0(cg_border, 4);
        for (int cc = cp->col; cc < cp->col + cp->cols; cc++) {
            border_pick w = horizontal_edge(&G, gc->r0, cc);
            widest(&b[CG_BEFORE], &w);
            w = horizontal_edge(&G, r1, cc);
            widest(&b[CG_AFTER], &w);
        }
        for (int rr = gc->r0; rr < r1; rr++) {
            border_pick w = vertical_edge(&G, rr, cp->col);
            widest(&b[CG_START], &w);
            w = vertical_edge(&G, rr, cp->col + cp->cols);
            widest(&b[CG_END], &w);
        }
        g_hash_table_insert(res, (gpointer)cp->fo, b);
    }
    g_array_free(cells, TRUE);
    g_free(G.at);
    g_free(G.row_fo);
    g_free(G.sec);
    g_free(G.col_fo);
    return res;
}

/* Lay out one cell's content and decoration into a cg_cell. collapsed: the
 * cell's collapsed borders (half of each is the cell's), or NULL in the
 * separate border model, where half of the border-separation lies on each
 * side of the cell, inside its columns and rows (as in Apache FOP). */
static void make_cell(cg_layout *L, cg_vlist *owner, cg_cell *cell, const cell_pos *cp,
                      const columns *cols, double table_x, gboolean header,
                      const cg_border *collapsed)
{
    const cg_fo *fo = cp->fo;
    const cg_props *p = fo->p;
    double x = table_x, w = 0, tw = 0;
    for (int i = 0; i < cp->col && i < cols->n; i++)
        x += cols->w[i];
    for (int i = cp->col; i < cp->col + cp->cols && i < cols->n; i++)
        w += cols->w[i];
    for (int i = 0; i < cols->n; i++)
        tw += cols->w[i];
    if (cols->rtl)      /* columns progress from the right */
        x = table_x + tw - (x - table_x) - w;
    cell->x = x;
    cell->w = w;
    cell->rows = cp->rows;
    /* physical sides: the grid's and the cell's start is the right in rl-tb */
    cg_border bd[4];
    physical_borders(collapsed ? collapsed : p->n.border, cols->rtl, bd);
    double k = collapsed ? 0.5 : 1;
    /* the border box: collapsed, half a border beyond the grid lines; separate,
     * half the border-separation inside them */
    double si = collapsed ? 0 : MIN(cols->sep_i / 2, w / 2);
    double sb = collapsed ? 0 : cols->sep_b / 2;
    double bx = collapsed ? x - k * bd[CG_START].width : x + si;
    double bw = collapsed ? w + k * (bd[CG_START].width + bd[CG_END].width) : w - 2 * si;
    double ps = cg_len_resolve(p->n.padding[cols->rtl ? CG_END : CG_START], w, NULL);
    double pe = cg_len_resolve(p->n.padding[cols->rtl ? CG_START : CG_END], w, NULL);
    double cx = bx + bd[CG_START].width + ps, cw = bw - bd[CG_START].width - ps - pe - bd[CG_END].width;
    if (cw < 1)
        cw = 1;
    cell->border_before = sb + k * bd[CG_BEFORE].width;
    cell->border_after = sb + k * bd[CG_AFTER].width;
    cell->out_before = collapsed ? cell->border_before : -sb;
    cell->out_after = collapsed ? cell->border_after : -sb;
    cell->pad_before = cg_len_resolve(p->n.padding[CG_BEFORE], w, NULL);
    cell->pad_after = cg_len_resolve(p->n.padding[CG_AFTER], w, NULL);
    cell->display_align = p->n.display_align;
    cg_block *b = cg_vlist_alloc(owner, sizeof *b);
    b->fo = fo;
    b->x = bx;
    b->w = bw;
    memcpy(b->border, bd, sizeof b->border);
    b->background = p->n.background;
    b->tag = role_tag(fo, header ? "TH" : "TD");
    b->id = fo->id;
    cell->blk = b;
    /* The cell is a reference area for its content, as in Apache FOP. */
    bctx inner = { cx, cw, NULL };
    cell->content = cg_vlist_new();
    g_ptr_array_add(owner->owned_lists, cell->content);
    layout_content(L, cell->content, fo, &inner);
    cell->content_h = cg_vlist_measure(cell->content);
}

/* Build the rows of a table-header, -footer or -body from its grid. */
static GPtrArray *section_rows(cg_layout *L, cg_vlist *owner, const cg_fo *sec, GPtrArray *grid,
                               const columns *cols, double table_x, gboolean header,
                               GHashTable *collapsed)
{
    GPtrArray *rows = g_ptr_array_new_with_free_func(g_free);
    int ncol = cols->n;
    for (guint gi = 0; gi < grid->len; gi++) {
        const grid_row *g = grid->pdata[gi];
        const cg_fo *row_fo = g->fo;
        GArray *cps = g->cps;
        row_build *rb = g_new0(row_build, 1);
        cg_row *r = cg_vlist_alloc(owner, sizeof *r);
        r->n_cells = (int)cps->len;
        r->cells = cg_vlist_alloc(owner, sizeof(cg_cell) * MAX(1, cps->len));
        r->span_h = cg_vlist_alloc(owner, sizeof(double) * MAX(1, cps->len));
        double h = 0;
        for (guint k = 0; k < cps->len; k++) {
            cell_pos *cp = &g_array_index(cps, cell_pos, k);
            make_cell(L, owner, &r->cells[k], cp, cols, table_x, header,
                      collapsed ? g_hash_table_lookup(collapsed, cp->fo) : NULL);
            cg_cell *cl = &r->cells[k];
            double ch = cl->border_before + cl->pad_before + cl->content_h + cl->pad_after + cl->border_after;
            const cg_props *cpp = cp->fo->p;
            if (!(cpp->n.height.flags & CG_LEN_AUTO))
                ch = MAX(ch, cg_len_resolve(cpp->n.height, 0, NULL));
            r->span_h[k] = ch;       /* for now: the needed height */
            if (cp->rows == 1)
                h = MAX(h, ch);
        }
        if (row_fo && !(row_fo->p->n.height.flags & CG_LEN_AUTO))
            h = MAX(h, cg_len_resolve(row_fo->p->n.height, 0, NULL));
        r->h = h;
        cg_block *rbk = cg_vlist_alloc(owner, sizeof *rbk);
        rbk->fo = row_fo ? row_fo : sec;
        rbk->tag = "TR";
        rbk->x = table_x;
        for (int i = 0; i < ncol; i++)
            rbk->w += cols->w[i];
        if (row_fo) {
            rbk->background = row_fo->p->n.background;
            rbk->id = row_fo->id;
        }
        r->blk = rbk;
        rb->row = r;
        rb->fo = row_fo;
        if (row_fo) {
            rb->keep_next = row_fo->p->n.keep_with_next_page;
            rb->keep_prev = row_fo->p->n.keep_with_previous_page;
        }
        g_ptr_array_add(rows, rb);
    }
    /* Spanning cells: the rows they span must together be tall enough. */
    for (guint i = 0; i < rows->len; i++) {
        row_build *rb = rows->pdata[i];
        for (int k = 0; k < rb->row->n_cells; k++) {
            cg_cell *cl = &rb->row->cells[k];
            int span = MIN(cl->rows, (int)(rows->len - i));
            cl->rows = span;
            if (span <= 1) {
                rb->row->span_h[k] = rb->row->h;
                continue;
            }
            double need = rb->row->span_h[k], have = 0;
            for (int j = 0; j < span; j++)
                have += ((row_build *)rows->pdata[i + j])->row->h;
            if (have < need)
                ((row_build *)rows->pdata[i + span - 1])->row->h += need - have;
        }
    }
    for (guint i = 0; i < rows->len; i++) {
        row_build *rb = rows->pdata[i];
        for (int k = 0; k < rb->row->n_cells; k++) {
            cg_cell *cl = &rb->row->cells[k];
            double hh = 0;
            for (int j = 0; j < cl->rows; j++)
                hh += ((row_build *)rows->pdata[i + j])->row->h;
            rb->row->span_h[k] = hh;
        }
    }
    return rows;
}

static void emit_rows(cg_vlist *vl, GPtrArray *rows, const cg_fo *table, int keep_together,
                      gboolean penalties)
{
    int span_left = 0;
    for (guint i = 0; i < rows->len; i++) {
        row_build *rb = rows->pdata[i];
        if (i > 0 && penalties) {
            row_build *pr = rows->pdata[i - 1];
            int pen = MAX(MAX(pr->keep_next, rb->keep_prev), keep_together);
            gboolean tie = span_left > 0 && pen < CG_PEN_NEVER;
            if (span_left > 0)
                pen = CG_PEN_NEVER;
            add_penalty(vl, pen);
            if (tie) {
                /* broken only when the tied rows do not fit (fo_page.c split_group) */
                cg_vitem *t = &g_array_index(vl->items, cg_vitem, vl->items->len - 1);
                t->span_tie = TRUE;
                t->span_pen = MAX(MAX(pr->keep_next, rb->keep_prev), keep_together);
            }
        }
        if (span_left > 0)
            span_left--;
        for (int k = 0; k < rb->row->n_cells; k++)
            span_left = MAX(span_left, rb->row->cells[k].rows - 1);
        if (rb->fo && rb->fo->p->n.break_before != CG_BREAK_AUTO && penalties)
            add_break(vl, rb->fo->p->n.break_before);
        cg_vitem *it = cg_vlist_add(vl, VI_ROW);
        it->row = rb->row;
        it->h = rb->row->h;
        it->table = table;
        if (rb->fo && rb->fo->p->n.break_after != CG_BREAK_AUTO && penalties)
            add_break(vl, rb->fo->p->n.break_after);
    }
}

/* The collapsed borders around the table's edge rows: the widest half of the
 * before borders of the first row's cells (first) or of the after borders of
 * the cells that end at the last row: the table takes that much room before
 * and after its rows (CSS2 §17.6.2: the table's border width is half the
 * widest collapsed border on that side). */
static double edge_half(GHashTable *collapsed, GPtrArray *grid, gboolean first)
{
    double m = 0;
    if (!grid->len)
        return 0;
    if (first) {
        const grid_row *g = grid->pdata[0];
        for (guint k = 0; k < g->cps->len; k++) {
            const cg_border *b = g_hash_table_lookup(collapsed, g_array_index(g->cps, cell_pos, k).fo);
            if (b)
                m = MAX(m, b[CG_BEFORE].width / 2);
        }
        return m;
    }
    for (guint i = 0; i < grid->len; i++) {
        const grid_row *g = grid->pdata[i];
        for (guint k = 0; k < g->cps->len; k++) {
            const cell_pos *cp = &g_array_index(g->cps, cell_pos, k);
            const cg_border *b = g_hash_table_lookup(collapsed, cp->fo);
            if (b && i + (guint)cp->rows == grid->len)
                m = MAX(m, b[CG_AFTER].width / 2);
        }
    }
    return m;
}

/* The grids of the table's sections in the order of their rows (header,
 * bodies, footer), into grids, and the sections into secs; children a table
 * does not allow are warned of and ignored. */
static void table_grids(cg_layout *L, const cg_fo *fo, const cg_fo *hdr, const cg_fo *ftr, int gridcols,
                        GPtrArray *grids, GPtrArray *secs)
{
    if (hdr) {
        g_ptr_array_add(grids, section_grid(L, hdr, gridcols));
        g_ptr_array_add(secs, (gpointer)hdr);
    }
    for (const cg_fo *c = fo->first; c; c = c->next) {
        if (c->kind == FO_TABLE_BODY) {
            g_ptr_array_add(grids, section_grid(L, c, gridcols));
            g_ptr_array_add(secs, (gpointer)c);
        } else if (c->kind != FO_TEXT && c->kind != FO_TABLE_COLUMN && c->kind != FO_TABLE_HEADER &&
                   c->kind != FO_TABLE_FOOTER)
            cg_layout_warn_once(L, c, "fo:%s is not allowed in fo:table and is ignored",
                                cg_fo_kind_name(c->kind));
    }
    if (ftr) {
        g_ptr_array_add(grids, section_grid(L, ftr, gridcols));
        g_ptr_array_add(secs, (gpointer)ftr);
    }
}

/* How many columns a table without fo:table-column has: as many as its
 * widest row needs (at least one). */
static int implicit_columns(GPtrArray *grids)
{
    int n = 1;
    for (guint s = 0; s < grids->len; s++) {
        GPtrArray *grid = grids->pdata[s];
        for (guint i = 0; i < grid->len; i++) {
            const grid_row *g = grid->pdata[i];
            for (guint k = 0; k < g->cps->len; k++) {
                const cell_pos *cp = &g_array_index(g->cps, cell_pos, k);
                n = MAX(n, cp->col + cp->cols);
            }
        }
    }
    return n;
}

/* Collapsed: how much room the table takes before (*gb) and after (*ga) its
 * rows inside its own border, and outside it (*out_b, *out_a): half the
 * widest collapsed border of its first and last rows in all. */
static void collapsed_edges(const cg_props *p, GHashTable *collapsed, GPtrArray *grids, double *gb, double *ga,
                            double *out_b, double *out_a)
{
    for (guint i = 0; i < grids->len; i++)
        if (((GPtrArray *)grids->pdata[i])->len) {
            *gb = edge_half(collapsed, grids->pdata[i], TRUE);
            break;
        }
    for (guint i = grids->len; i-- > 0;)
        if (((GPtrArray *)grids->pdata[i])->len) {
            *ga = edge_half(collapsed, grids->pdata[i], FALSE);
            break;
        }
    *out_b = MAX(0, *gb - p->n.border[CG_BEFORE].width / 2);
    *out_a = MAX(0, *ga - p->n.border[CG_AFTER].width / 2);
    *gb -= *out_b;
    *ga -= *out_a;
}

/* What the steps that emit a table's sections share. */
typedef struct {
    cg_layout *L;
    cg_vlist *vl;
    const cg_fo *fo;
    const bctx *bc;
    const columns *cols;
    double cx, tw;
    gboolean collapse;
    GHashTable *collapsed;          /* the collapsed borders of the cells (collapse) */
} table_emit;

/* The table's block, with whether its header and footer are omitted at
 * breaks, and its start marker. */
static cg_block *table_start(const table_emit *T)
{
    cg_block *b = new_block(T->vl, T->fo, T->cx, T->tw, T->bc, "Table");
    b->is_table = TRUE;
    const char *oh = cg_fo_attr(T->L->t, T->fo, "table-omit-header-at-break");
    const char *of = cg_fo_attr(T->L->t, T->fo, "table-omit-footer-at-break");
    b->omit_header_at_break = oh && !strcmp(oh, "true");
    b->omit_footer_at_break = of && !strcmp(of, "true");
    cg_vitem *s = cg_vlist_add(T->vl, VI_START);
    s->blk = b;
    return b;
}

/* The header's rows as they first appear (tagged), and a copy of them for
 * repetition (b->header); a keep after them, for a header alone at a page end
 * helps no one. */
static void emit_header(const table_emit *T, cg_block *b, const cg_fo *hdr, GPtrArray *grid)
{
    GPtrArray *rows = section_rows(T->L, T->vl, hdr, grid, T->cols, T->cx, TRUE, T->collapsed);
    emit_rows(T->vl, rows, T->fo, CG_PEN_NEVER, TRUE);
    cg_vlist *h = cg_vlist_new();
    emit_rows(h, rows, T->fo, CG_PEN_NEVER, FALSE);
    g_ptr_array_add(T->vl->owned_lists, h);
    b->header = h;
    g_ptr_array_free(rows, TRUE);
    add_penalty(T->vl, CG_KEEP_ALWAYS);
}

/* The bodies' rows, each body in its block (collapsed: without borders of its
 * own), the table's keep-together between bodies; *gi: the index of the first
 * body's grid, advanced past the bodies. */
static void emit_bodies(const table_emit *T, GPtrArray *grids, guint *gi)
{
    const cg_props *p = T->fo->p;
    gboolean first_body = TRUE;
    for (const cg_fo *c = T->fo->first; c; c = c->next) {
        if (c->kind != FO_TABLE_BODY)
            continue;
        if (!first_body)
            add_penalty(T->vl, p->i.keep_together_page);
        first_body = FALSE;
        cg_block *bb = new_block(T->vl, c, T->cx, T->tw, T->bc, "TBody");
        if (T->collapse) {
            /* its borders are collapsed into those of its cells */
            memset(bb->border, 0, sizeof bb->border);
            bb->x = T->cx;
            bb->w = T->tw;
        }
        cg_vitem *bs2 = cg_vlist_add(T->vl, VI_START);
        bs2->blk = bb;
        GPtrArray *rows = section_rows(T->L, T->vl, c, grids->pdata[(*gi)++], T->cols, T->cx, FALSE, T->collapsed);
        emit_rows(T->vl, rows, T->fo, p->i.keep_together_page, TRUE);
        g_ptr_array_free(rows, TRUE);
        cg_vitem *be2 = cg_vlist_add(T->vl, VI_END);
        be2->blk = bb;
    }
}

/* The footer: a copy of its rows for repetition (b->footer), then after a
 * keep its rows as they last appear (tagged, marked final_footer). */
static void emit_footer(const table_emit *T, cg_block *b, const cg_fo *ftr, GPtrArray *grid)
{
    cg_vlist *vl = T->vl;
    GPtrArray *rows = section_rows(T->L, vl, ftr, grid, T->cols, T->cx, FALSE, T->collapsed);
    cg_vlist *f = cg_vlist_new();
    emit_rows(f, rows, T->fo, CG_PEN_NEVER, FALSE);
    g_ptr_array_add(vl->owned_lists, f);
    b->footer = f;
    add_penalty(vl, CG_KEEP_ALWAYS);
    guint first = vl->items->len;
    emit_rows(vl, rows, T->fo, CG_PEN_NEVER, TRUE);
    for (guint i = first; i < vl->items->len; i++)
        g_array_index(vl->items, cg_vitem, i).final_footer = TRUE;
    g_ptr_array_free(rows, TRUE);
}

static void layout_table(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc)
{
    const cg_props *p = fo->p;
    double cx, cw;
    content_box(L, fo, bc, &cx, &cw);
    double tw = cw;
    if (!(p->n.width.flags & CG_LEN_AUTO)) {
        double w = cg_len_resolve(p->n.width, bc->ref_w, NULL);
        if (w > 0)
            tw = w;
    }
    if (p->i.rtl)
        cx += cw - tw;          /* set against the start edge, the right one */
    /* Without fo:table-column, the table has as many columns as its widest
     * row needs (XSL 1.1 §6.7.4 and CSS2 §17.5: the grid holds every cell),
     * as in Apache FOP. */
    gboolean implicit = !cg_fo_child(fo, FO_TABLE_COLUMN);
    columns cols = { NULL, 0, 0, 0, FALSE };
    if (!implicit)
        cols = table_columns(L, fo, tw, 0);
    int gridcols = implicit ? MAX_COLUMNS : cols.n;
    gboolean collapse = p->i.border_collapse;
    /* the grids of the sections, in the order of the rows: header, bodies, footer */
    const cg_fo *hdr = cg_fo_child(fo, FO_TABLE_HEADER);
    const cg_fo *ftr = cg_fo_child(fo, FO_TABLE_FOOTER);
    GPtrArray *grids = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *secs = g_ptr_array_new();
    table_grids(L, fo, hdr, ftr, gridcols, grids, secs);
    if (implicit)
        cols = table_columns(L, fo, tw, implicit_columns(grids));
    cols.rtl = p->i.rtl;
    if (!collapse) {
        cols.sep_i = p->i.border_spacing;
        cols.sep_b = p->i.border_spacing_b;
    }
    GHashTable *collapsed = collapse ? collapse_borders(L, fo, cols.n, grids, (const cg_fo **)secs->pdata) : NULL;
    /* Collapsed: the table's own border is drawn centred on the grid's outer
     * lines (the cells' collapsed borders, never narrower, cover it where
     * there are cells); the table takes half the widest collapsed border on
     * each of its before and after sides (CSS2 §17.6.2) and has no padding. */
    double gb = 0, ga = 0, out_b = 0, out_a = 0;
    if (collapse)
        collapsed_edges(p, collapsed, grids, &gb, &ga, &out_b, &out_a);
    add_break(vl, p->n.break_before);
    add_space(vl, &p->n.space_before);
    add_gap(vl, out_b);
    table_emit T = { L, vl, fo, bc, &cols, cx, tw, collapse, collapsed };
    cg_block *b = table_start(&T);
    if (collapse) {
        b->x = cx - p->n.border[cg_side_left(p)].width / 2;
        b->w = tw + (p->n.border[CG_START].width + p->n.border[CG_END].width) / 2;
    } else
        pad_gaps(fo, bc->ref_w, &gb, &ga);
    add_gap(vl, gb);
    guint gi = 0;
    if (hdr)
        emit_header(&T, b, hdr, grids->pdata[gi++]);
    emit_bodies(&T, grids, &gi);
    if (ftr)
        emit_footer(&T, b, ftr, grids->pdata[gi++]);
    add_gap(vl, ga);
    cg_vitem *e = cg_vlist_add(vl, VI_END);
    e->blk = b;
    add_gap(vl, out_a);
    add_space(vl, &p->n.space_after);
    add_break(vl, p->n.break_after);
    if (collapsed)
        g_hash_table_destroy(collapsed);
    g_ptr_array_free(secs, TRUE);
    g_ptr_array_free(grids, TRUE);
    g_free(cols.w);
}

/* ---- dispatch ------------------------------------------------------------ */

/* An undecorated, untagged block marker carrying fo's id (a wrapper's, or an
 * inline's that sets nothing): pagination records where it lands. Returns
 * the block for the end marker (add_id_end). */
static cg_block *add_id_start(cg_vlist *vl, const cg_fo *fo)
{
    cg_block *b = cg_vlist_alloc(vl, sizeof *b);
    b->fo = fo;
    b->id = fo->id;
    cg_vitem *it = cg_vlist_add(vl, VI_START);
    it->blk = b;
    return b;
}

static void add_id_end(cg_vlist *vl, cg_block *b)
{
    cg_vitem *it = cg_vlist_add(vl, VI_END);
    it->blk = b;
}

static void add_id_markers_in(cg_vlist *vl, const cg_fo *from, const cg_fo *stop, int depth)
{
    for (const cg_fo *c = from; c && c != stop; c = c->next) {
        if (c->id)
            add_id_end(vl, add_id_start(vl, c));
        if (depth < 32)
            add_id_markers_in(vl, c->first, NULL, depth + 1);
    }
}

static void layout_block_level(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc)
{
    if (L->depth > MAX_BLOCK_DEPTH) {
        cg_layout_warn_once(L, fo, "blocks nested more than %d deep: the deeper content is set as a plain paragraph",
                            MAX_BLOCK_DEPTH);
        cg_para *pa = cg_para_collect(L, fo, fo->first, NULL);
        if (pa) {
            double x, w;
            content_box(L, fo, bc, &x, &w);
            cg_para_layout(L, pa, vl, x, w);
        }
        return;
    }
    L->depth++;
    switch (fo->kind) {
    case FO_BLOCK_CONTAINER: layout_block_container(L, vl, fo, bc); break;
    case FO_LIST_BLOCK: layout_list_block(L, vl, fo, bc); break;
    case FO_LIST_ITEM: layout_list_item(L, vl, fo, bc, fo->parent); break;
    case FO_TABLE: layout_table(L, vl, fo, bc); break;
    case FO_TABLE_AND_CAPTION: case FO_TABLE_CAPTION:
    case FO_WRAPPER: case FO_UNKNOWN:
        if (fo->id) {
            cg_block *ib = add_id_start(vl, fo);
            layout_content(L, vl, fo, bc);
            add_id_end(vl, ib);
        } else
            layout_content(L, vl, fo, bc);
        break;
    default: layout_block(L, vl, fo, bc); break;
    }
    L->depth--;
}

static gboolean spans_all(cg_layout *L, const cg_fo *c)
{
    const char *sp = (c->kind == FO_BLOCK || c->kind == FO_BLOCK_CONTAINER) ? cg_fo_attr(L->t, c, "span") : NULL;
    return sp && !strcmp(sp, "all");
}

static void add_span_marker(cg_vlist *vl, gboolean all)
{
    cg_vitem *it = cg_vlist_add(vl, VI_SPAN);
    it->pen = all;
}

/* Laying out the children of a block-level object one at a time: each step
 * sets one block-level child, or one run of inline children as a paragraph,
 * with the penalty that joins it to what came before. */
typedef struct {
    const cg_fo *fo, *c;        /* the parent and its next child */
    bctx bc, all;
    gboolean has_all;           /* a flow set in columns: all is the span="all" context */
    int prev_keep, keep_together;
    gboolean have_prev, in_all;
} spans_state;

static void spans_init(spans_state *S, const cg_fo *fo, const bctx *bc, const bctx *all)
{
    memset(S, 0, sizeof *S);
    S->fo = fo;
    S->c = fo->first;
    S->bc = *bc;
    if (all) {
        S->all = *all;
        S->has_all = TRUE;
    }
    S->keep_together = fo->p->i.keep_together_page;
}

/* The penalty that joins block-level child c to what came before it. */
static void join_penalty(cg_vlist *vl, const spans_state *S, const cg_fo *c)
{
    if (S->have_prev)
        add_penalty(vl, MAX(MAX(S->prev_keep, c->p->n.keep_with_previous_page), S->keep_together));
}

/* Before block-level child c: the switch into or out of span="all" and the
 * joining penalty; the context to lay c out in. */
static const bctx *step_open(cg_layout *L, cg_vlist *vl, spans_state *S, const cg_fo *c)
{
    gboolean a = S->has_all && spans_all(L, c);
    if (a != S->in_all) {
        add_span_marker(vl, a);
        S->in_all = a;
    }
    join_penalty(vl, S, c);
    return a ? &S->all : &S->bc;
}

/* One step; FALSE when no child is left. */
static gboolean spans_step(cg_layout *L, cg_vlist *vl, spans_state *S)
{
    const cg_fo *c = S->c, *fo = S->fo;
    if (!c)
        return FALSE;
    if (is_block_child(c)) {
        layout_block_level(L, vl, c, step_open(L, vl, S, c));
        S->prev_keep = c->p->n.keep_with_next_page;
        S->have_prev = TRUE;
        S->c = c->next;
        return TRUE;
    }
    const cg_fo *stop = c;
    while (stop && !is_block_child(stop))
        stop = stop->next;
    /* The inline content, in segments between the blocks nested in its
     * inlines, each of which is a block area of its own. */
    const cg_fo *nested = NULL;
    GPtrArray *lost = g_ptr_array_new();
    for (int k = 0; k == 0 || nested; k++) {
        g_ptr_array_set_size(lost, 0);
        cg_para *pa = cg_para_collect_segment(L, fo, c, stop, k, &nested, lost);
        if (!pa && k == 0 && !nested)
            add_id_markers_in(vl, c, stop, 0);    /* ids of empty inlines still land */
        else
            for (guint i = 0; i < lost->len; i++)
                add_id_end(vl, add_id_start(vl, g_ptr_array_index(lost, i)));
        if (S->in_all && (pa || nested)) {
            add_span_marker(vl, FALSE);
            S->in_all = FALSE;
        }
        if (pa) {
            if (S->have_prev)
                add_penalty(vl, MAX(S->prev_keep, S->keep_together));
            double x, w;
            content_box(L, fo, &S->bc, &x, &w);
            cg_para_layout(L, pa, vl, x, w);
            S->prev_keep = 0;
            S->have_prev = TRUE;
        }
        if (nested) {
            join_penalty(vl, S, nested);
            /* the background of the inline around it, over the width of the lines */
            const cg_fo *bgi = NULL;
            for (const cg_fo *a = nested->parent; a && a != fo && !bgi; a = a->parent)
                if (a->p->n.background.a > 0)
                    bgi = a;
            cg_block *ib = NULL;
            if (bgi) {
                ib = cg_vlist_alloc(vl, sizeof *ib);
                memset(ib, 0, sizeof *ib);
                ib->fo = bgi;
                content_box(L, fo, &S->bc, &ib->x, &ib->w);
                ib->background = bgi->p->n.background;
                cg_vitem *st = cg_vlist_add(vl, VI_START);
                st->blk = ib;
            }
            layout_block_level(L, vl, nested, &S->bc);
            if (ib) {
                cg_vitem *en = cg_vlist_add(vl, VI_END);
                en->blk = ib;
            }
            S->prev_keep = nested->p->n.keep_with_next_page;
            S->have_prev = TRUE;
        }
    }
    g_ptr_array_free(lost, TRUE);
    S->c = stop;
    return TRUE;
}

/* Lay out the children of fo into vl at bc's width. With all (a flow set in
 * columns), children with span="all" are set at all's width, between span
 * markers that tell pagination where the columns stop and start again. */
static void layout_content_spans(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc,
                                 const bctx *all)
{
    spans_state S;
    spans_init(&S, fo, bc, all);
    while (spans_step(L, vl, &S))
        ;
}

static void layout_content(cg_layout *L, cg_vlist *vl, const cg_fo *fo, const bctx *bc)
{
    layout_content_spans(L, vl, fo, bc, NULL);
}

cg_vlist *cg_layout_blocks(cg_layout *L, const cg_fo *fo, double w)
{
    cg_vlist *vl = cg_vlist_new();
    bctx bc = { 0, w, NULL };
    double saved = L->footnote_width;
    if (fo->kind == FO_FLOW)
        L->footnote_width = w;
    layout_content(L, vl, fo, &bc);
    L->footnote_width = saved;
    vl->height = cg_vlist_measure(vl);
    return vl;
}

/* A block being laid out child by child: what closes it comes when its
 * children are done. */
typedef struct {
    spans_state S;              /* its children */
    const cg_fo *fo;            /* the block; NULL for the flow */
    cg_block *b;
    double after;               /* the gap of its after-padding and border */
} feed_frame;

struct cg_flow_feed {
    cg_layout *L;
    GArray *frames;             /* feed_frame: [0] the flow, then the blocks open */
    cg_vlist *pool;             /* owns the cg_block of the blocks opened here: they outlive
                                 * the items pagination drops while the block goes on */
    double footnote_width;
};

/* Blocks holding blocks are opened and their children laid out one at a
 * time (a document is often one block per part, each many pages long);
 * other children are laid out whole. Bounded nesting: deeper blocks whole. */
#define FEED_MAX_FRAMES 16

cg_flow_feed *cg_flow_feed_new(cg_layout *L, const cg_fo *flow, double col_w, double full_w)
{
    cg_flow_feed *f = g_new0(cg_flow_feed, 1);
    f->L = L;
    f->frames = g_array_new(FALSE, TRUE, sizeof(feed_frame));
    f->pool = cg_vlist_new();
    feed_frame fr = { 0 };
    bctx col = { 0, col_w, NULL }, all = { 0, full_w, NULL };
    spans_init(&fr.S, flow, &col, fabs(col_w - full_w) < 0.01 ? NULL : &all);
    g_array_append_val(f->frames, fr);
    f->footnote_width = full_w;     /* footnotes span the body, below all columns */
    return f;
}

/* One step of the innermost open block: open a child block holding blocks,
 * lay out one other child, or close the block when its children are done.
 * The items are those layout_block_level would make for the whole. */
static gboolean feed_step(cg_flow_feed *f, cg_vlist *vl)
{
    cg_layout *L = f->L;
    feed_frame *top = &g_array_index(f->frames, feed_frame, f->frames->len - 1);
    spans_state *S = &top->S;
    const cg_fo *c = S->c;
    if (!c) {
        if (f->frames->len == 1)
            return FALSE;
        const cg_fo *fo = top->fo;
        add_gap(vl, top->after);
        cg_vitem *e = cg_vlist_add(vl, VI_END);
        e->blk = top->b;
        add_space(vl, &fo->p->n.space_after);
        add_break(vl, fo->p->n.break_after);
        g_array_set_size(f->frames, f->frames->len - 1);
        S = &g_array_index(f->frames, feed_frame, f->frames->len - 1).S;
        S->prev_keep = fo->p->n.keep_with_next_page;
        S->have_prev = TRUE;
        S->c = fo->next;
        return TRUE;
    }
    /* layout_block_level: the depth is that of the blocks open */
    int depth = (int)f->frames->len - 1;
    if (c->kind != FO_BLOCK || !has_block_child(c) || f->frames->len >= FEED_MAX_FRAMES ||
        depth > MAX_BLOCK_DEPTH) {
        L->depth = depth;
        gboolean r = spans_step(L, vl, S);
        L->depth = 0;
        return r;
    }
    const bctx *bc = step_open(L, vl, S, c);
    /* layout_block, up to its content */
    feed_frame fr = { 0 };
    double cx, cw;
    content_box(L, c, bc, &cx, &cw);
    add_break(vl, c->p->n.break_before);
    add_space(vl, &c->p->n.space_before);
    fr.b = open_block(vl, c, cx, cw, bc, "Div", &fr.after);
    /* the block belongs to the pool, not to the items that pagination drops */
    g_assert(vl->owned->len && vl->owned->pdata[vl->owned->len - 1] == fr.b);
    g_ptr_array_add(f->pool->owned, g_ptr_array_steal_index(vl->owned, vl->owned->len - 1));
    fr.fo = c;
    spans_init(&fr.S, c, bc, NULL);
    g_array_append_val(f->frames, fr);
    return TRUE;
}

gboolean cg_flow_feed_next(cg_flow_feed *f, cg_vlist *vl)
{
    guint n = vl->items->len;
    double saved = f->L->footnote_width;
    int saved_depth = f->L->depth;
    f->L->footnote_width = f->footnote_width;
    gboolean more = TRUE;
    while (vl->items->len == n && (more = feed_step(f, vl)))
        ;
    f->L->footnote_width = saved;
    f->L->depth = saved_depth;
    return more;
}

void cg_flow_feed_free(cg_flow_feed *f)
{
    if (!f)
        return;
    g_array_free(f->frames, TRUE);
    cg_vlist_free(f->pool);
    g_free(f);
}
