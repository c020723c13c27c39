/* fo_page.c — see fo_page.h. */
#include "fo_page.h"
#include "fo_masters.h"
#include "fo_text.h"
#include "base/base.h"

#include <math.h>
#include <string.h>

char *cg_format_page_number(int n, const char *format)
{
    if (!format || !*format)
        format = "1";
    if (!strcmp(format, "i") || !strcmp(format, "I")) {
        static const char *const r[] = { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i" };
        static const int v[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        if (n <= 0 || n >= 4000)
            return g_strdup_printf("%d", n);
        GString *s = g_string_new(NULL);
        for (int k = 0; k < 13; k++)
            while (n >= v[k]) {
                g_string_append(s, r[k]);
                n -= v[k];
            }
        if (format[0] == 'I')
            for (char *q = s->str; *q; q++)
                *q = g_ascii_toupper(*q);
        return g_string_free(s, FALSE);
    }
    if ((!strcmp(format, "a") || !strcmp(format, "A")) && n > 0) {
        char buf[16];
        int i = 15;
        buf[i] = 0;
        while (n > 0 && i > 0) {
            n--;
            buf[--i] = (char)(format[0] + n % 26);
            n /= 26;
        }
        return g_strdup(buf + i);
    }
    /* "1", "01", "001": zero-padded to the number of digits; in the digits of
     * the token's family (XSLT 1.0 §7.7.1, which XSL 1.1 §7.26.1 follows):
     * "١" gives Arabic-Indic digits, "۱" Extended Arabic-Indic ones. */
    int width = 0;
    gunichar zero = '0';
    if (g_utf8_validate(format, -1, NULL))
        for (const char *f = format; *f; f = g_utf8_next_char(f)) {
            gunichar c = g_utf8_get_char(f);
            int v = g_unichar_digit_value(c);
            if (v >= 0) {
                width++;
                zero = c - (gunichar)v;
            }
        }
    char *ascii = g_strdup_printf("%0*d", MAX(width, 1), n);
    if (zero == '0')
        return ascii;
    GString *s = g_string_new(NULL);
    for (const char *q = ascii; *q; q++)
        g_string_append_unichar(s, g_ascii_isdigit(*q) ? zero + (gunichar)(*q - '0') : (gunichar)*q);
    g_free(ascii);
    return g_string_free(s, FALSE);
}

#define A4_W 595.2756
#define A4_H 841.8898

static void free_ids_entry(gpointer p)
{
    cg_id_pages *ip = p;
    g_free(ip->first_text);
    g_free(ip->last_text);
    g_free(ip);
}

GHashTable *cg_id_table_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, NULL, free_ids_entry);
}

/* Geometry of a simple-page-master. */
typedef struct {
    const cg_fo *spm;
    double pw, ph;
    double cx, cy, cw, ch;      /* content rectangle (inside the page margins) */
    double bx, by, bw, bh;      /* region-body */
    const cg_fo *regions[5];    /* body, before, after, start, end */
    double rx[5], ry[5], rw[5], rh[5];
    int ncol;                   /* column-count of the region-body */
    double gap, colw;           /* column-gap and the width of one column */
    gboolean rtl;               /* rl-tb (the master's or the page-sequence's writing-mode):
                                 * region-start on the right, columns from the right */
} geometry;

static double page_dim(cg_layout *L, const cg_fo *spm, const char *name, double dflt)
{
    const char *v = cg_fo_attr(L->t, spm, name);
    if (!v || !strcmp(v, "auto") || !strcmp(v, "indefinite"))
        return dflt;
    cg_len l;
    if (!cg_parse_length(v, spm->p->i.font_size, &l) || l.rel != 0 || l.abs < 1 || l.abs > 14400) {
        cg_layout_warn_once(L, spm, "invalid %s '%s'; using %.2fpt", name, v, dflt);  /* once, not per page */
        return dflt;
    }
    return l.abs;
}

static double extent_of(cg_layout *L, const cg_fo *r, double limit)
{
    const char *v = cg_fo_attr(L->t, r, "extent");
    if (!v)
        return 0;
    cg_len l;
    if (!cg_parse_length(v, r->p->i.font_size, &l) || l.abs < 0 || l.abs > limit) {
        cg_layout_warn_once(L, r, "invalid extent '%s'; using 0", v);
        return 0;
    }
    return cg_len_resolve(l, limit, NULL);
}

static gboolean precedence_of(cg_layout *L, const cg_fo *r)
{
    const char *v = cg_fo_attr(L->t, r, "precedence");
    return v && !strcmp(v, "true");
}

/* column-count and column-gap of the region-body: columns at least 1pt wide. */
static void columns_of(cg_layout *L, geometry *g)
{
    g->ncol = 1;
    g->gap = 0;
    g->colw = g->bw;
    const cg_fo *rb = g->regions[0];
    const char *cc = rb ? cg_fo_attr(L->t, rb, "column-count") : NULL;
    if (!cc)
        return;
    char *end;
    long n = strtol(cc, &end, 10);
    if (*end || n < 1 || n > 100) {
        cg_layout_warn_once(L, rb, "invalid column-count \"%s\": the body has one column", cc);
        return;
    }
    double gap = 12;
    const char *gv = cg_fo_attr(L->t, rb, "column-gap");
    cg_len l;
    if (gv && cg_parse_length(gv, rb->p->i.font_size, &l))
        gap = MAX(0, cg_len_resolve(l, g->bw, NULL));
    while (n > 1 && (g->bw - (double)(n - 1) * gap) / (double)n < 1)
        n--;
    if (n > 1) {
        g->ncol = (int)n;
        g->gap = gap;
        g->colw = (g->bw - (double)(n - 1) * gap) / (double)n;
    }
}

static void geometry_of(cg_layout *L, const cg_fo *spm, geometry *g)
{
    memset(g, 0, sizeof *g);
    g->spm = spm;
    g->pw = spm ? page_dim(L, spm, "page-width", A4_W) : A4_W;
    g->ph = spm ? page_dim(L, spm, "page-height", A4_H) : A4_H;
    if (!spm) {
        g->cw = g->bw = g->pw;
        g->ch = g->bh = g->ph;
        return;
    }
    const cg_noninherited *n = &spm->p->n;
    double mt = cg_len_resolve(n->margin[CG_BEFORE], g->ph, NULL);
    double mb = cg_len_resolve(n->margin[CG_AFTER], g->ph, NULL);
    double ml = cg_len_resolve(n->margin[cg_side_left(spm->p)], g->pw, NULL);
    double mr = cg_len_resolve(n->margin[cg_side_right(spm->p)], g->pw, NULL);
    g->cx = ml;
    g->cy = mt;
    g->cw = g->pw - ml - mr;
    g->ch = g->ph - mt - mb;
    if (g->cw < 10 || g->ch < 10) {
        cg_xml_diag(L->d, CG_WARNING, spm->xml, "the page margins leave no room; they are ignored");
        g->cx = g->cy = 0;
        g->cw = g->pw;
        g->ch = g->ph;
    }
    for (const cg_fo *r = spm->first; r; r = r->next) {
        int k = r->kind == FO_REGION_BODY ? 0 : r->kind == FO_REGION_BEFORE ? 1 : r->kind == FO_REGION_AFTER ? 2
              : r->kind == FO_REGION_START ? 3 : r->kind == FO_REGION_END ? 4 : -1;
        if (k >= 0)
            g->regions[k] = r;
    }
    double eb = g->regions[1] ? extent_of(L, g->regions[1], g->ch) : 0;
    double ea = g->regions[2] ? extent_of(L, g->regions[2], g->ch) : 0;
    double es = g->regions[3] ? extent_of(L, g->regions[3], g->cw) : 0;
    double ee = g->regions[4] ? extent_of(L, g->regions[4], g->cw) : 0;
    /* precedence (XSL 1.1 §7.27.16): region-before/after with precedence="true"
     * take the corners, across the whole width; with "false" (the initial
     * value) they lie between region-start and region-end, which then run
     * the whole height beside them. */
    gboolean pb = g->regions[1] && precedence_of(L, g->regions[1]);
    gboolean pa = g->regions[2] && precedence_of(L, g->regions[2]);
    double top = pb ? eb : 0, bot = pa ? ea : 0;
    g->rx[1] = pb ? g->cx : g->cx + es; g->ry[1] = g->cy; g->rw[1] = pb ? g->cw : g->cw - es - ee; g->rh[1] = eb;
    g->rx[2] = pa ? g->cx : g->cx + es; g->ry[2] = g->cy + g->ch - ea;
    g->rw[2] = pa ? g->cw : g->cw - es - ee; g->rh[2] = ea;
    g->rx[3] = g->cx; g->ry[3] = g->cy + top; g->rw[3] = es; g->rh[3] = g->ch - top - bot;
    g->rx[4] = g->cx + g->cw - ee; g->ry[4] = g->cy + top; g->rw[4] = ee; g->rh[4] = g->ch - top - bot;
    g->rtl = spm->p->i.rtl || L->seq_rtl || (g->regions[0] && g->regions[0]->p->i.rtl);
    if (g->rtl) {
        /* region-start is on the start side, the right (XSL 1.1 §6.4.14) */
        g->rx[3] = g->cx + g->cw - es;
        g->rx[4] = g->cx;
        if (!pb) g->rx[1] = g->cx + ee;
        if (!pa) g->rx[2] = g->cx + ee;
    }
    g->bx = g->cx;
    g->by = g->cy;
    g->bw = g->cw;
    g->bh = g->ch;
    if (g->regions[0]) {
        const cg_noninherited *bn = &g->regions[0]->p->n;
        double t = cg_len_resolve(bn->margin[CG_BEFORE], g->ch, NULL);
        double b = cg_len_resolve(bn->margin[CG_AFTER], g->ch, NULL);
        double l = cg_len_resolve(bn->margin[cg_side_left(g->regions[0]->p)], g->cw, NULL);
        double r = cg_len_resolve(bn->margin[cg_side_right(g->regions[0]->p)], g->cw, NULL);
        g->bx += l;
        g->by += t;
        g->bw -= l + r;
        g->bh -= t + b;
    } else
        cg_layout_warn_once(L, spm, "simple-page-master without fo:region-body");
    if (g->bw < 10 || g->bh < 10) {
        cg_layout_warn_once(L, spm, "region-body is too small (%.2f x %.2fpt); its margins are ignored", g->bw, g->bh);
        g->bx = g->cx; g->by = g->cy; g->bw = g->cw; g->bh = g->ch;
    }
    g->rx[0] = g->bx; g->ry[0] = g->by; g->rw[0] = g->bw; g->rh[0] = g->bh;
    columns_of(L, g);
}

static const char *region_name(cg_layout *L, const cg_fo *r, int k)
{
    static const char *const dflt[] = { "xsl-region-body", "xsl-region-before", "xsl-region-after",
                                        "xsl-region-start", "xsl-region-end" };
    const char *n = r ? cg_fo_attr(L->t, r, "region-name") : NULL;
    return n ? n : dflt[k];
}

/* ---- placement ----------------------------------------------------------- */

typedef struct {
    cg_layout *L;
    cg_region_out *ro;
    GHashTable *ids;            /* id -> cg_id_pages (this pass) */
    int page_index;
    const char *page_text;
    gboolean tagged;
    GArray *open;               /* int: frag indexes of open blocks */
    double group;               /* space resolution */
    gboolean in_group, started;
    gboolean piece;             /* placing a piece of a footnote split across pages: its
                                 * continued blocks are begun and ended (tags) here too */
} placer;

static void note_id(placer *P, const char *id, double y, gboolean start, gboolean end)
{
    if (!id || !P->ids)
        return;
    cg_id_pages *ip = g_hash_table_lookup(P->ids, id);
    if (!ip) {
        ip = g_new0(cg_id_pages, 1);
        ip->first = ip->last = P->page_index;
        ip->first_text = g_strdup(P->page_text);
        ip->last_text = g_strdup(P->page_text);
        ip->y = y;
        g_hash_table_insert(P->ids, (gpointer)id, ip);
    } else if (end || start) {
        ip->last = P->page_index;
        g_free(ip->last_text);
        ip->last_text = g_strdup(P->page_text);
    }
    if (start) {
        cg_placed d = { PL_DEST, NULL, 0, NULL, id, P->ro->x, y, P->tagged };
        g_array_append_val(P->ro->placed, d);
    }
}

static void place_list(placer *P, const cg_vlist *vl, int from, int to, double x0, double *y);

static void open_frag(placer *P, const cg_block *b, double x0, double y, gboolean first)
{
    cg_frag f = { b, x0 + b->x, y, b->w, y, first, FALSE, (int)P->open->len, FALSE };
    g_array_append_val(P->ro->frags, f);
    int fi = (int)P->ro->frags->len - 1;
    g_array_append_val(P->open, fi);
    if (first || P->piece) {
        cg_placed pl = { PL_START, b, fi, NULL, NULL, x0 + b->x, y, P->tagged };
        g_array_append_val(P->ro->placed, pl);
        if (first)
            note_id(P, b->id, y, TRUE, FALSE);
        else
            g_array_index(P->ro->frags, cg_frag, fi).reopened = TRUE;
    }
}

static void close_frag(placer *P, double y, gboolean last)
{
    if (!P->open->len)
        return;
    int fi = g_array_index(P->open, int, P->open->len - 1);
    g_array_set_size(P->open, P->open->len - 1);
    cg_frag *f = &g_array_index(P->ro->frags, cg_frag, fi);
    f->y1 = y;
    f->last = last;
    if (last || P->piece) {
        cg_placed pl = { PL_END, f->blk, fi, NULL, NULL, f->x, y, P->tagged };
        g_array_append_val(P->ro->placed, pl);
        if (last)
            note_id(P, f->blk->id, y, FALSE, TRUE);
    }
}

static void place_row(placer *P, const cg_row *r, double x0, double y)
{
    open_frag(P, r->blk, x0, y, TRUE);
    for (int k = 0; k < r->n_cells; k++) {
        const cg_cell *c = &r->cells[k];
        double h = r->span_h[k];
        open_frag(P, c->blk, x0, y - c->out_before, TRUE);
        double inner = h - c->border_before - c->pad_before - c->pad_after - c->border_after;
        double off = 0;
        if (c->display_align == CG_DA_CENTER) off = MAX(0, (inner - c->content_h) / 2);
        else if (c->display_align == CG_DA_AFTER) off = MAX(0, inner - c->content_h);
        double cy = y + c->border_before + c->pad_before + off;
        placer sub = *P;
        sub.in_group = FALSE;
        sub.started = FALSE;
        int from = 0, to = (int)c->content->items->len;
        guint base = P->open->len;
        if (c->ranged) {
            /* A piece of a split row: the blocks open at its start go on. */
            from = c->from;
            to = c->to;
            GPtrArray *st = g_ptr_array_new();
            for (int i = 0; i < from; i++) {
                const cg_vitem *it = &g_array_index(c->content->items, cg_vitem, i);
                if (it->kind == VI_START)
                    g_ptr_array_add(st, it->blk);
                else if (it->kind == VI_END && st->len)
                    g_ptr_array_remove_index(st, st->len - 1);
            }
            for (guint i = 0; i < st->len; i++)
                open_frag(&sub, st->pdata[i], x0, cy, FALSE);
            g_ptr_array_free(st, TRUE);
        }
        place_list(&sub, c->content, from, to, x0, &cy);
        while (P->open->len > base)
            close_frag(P, y + h, FALSE);
        close_frag(P, y + h + c->out_after, TRUE);
    }
    close_frag(P, y + r->h, TRUE);
}

/* A space item (space resolution, XSL 1.1 §4.3, as circgen does it): the
 * spaces between two pieces of content take the largest of them, those
 * before the first content (!started) are dropped unless retained. group: the
 * height of the spaces of the run so far; y advances by what they add. */
static void stack_space(const cg_vitem *it, gboolean started, gboolean *in_group, double *group, double *y)
{
    if (!started && !it->retain)
        return;
    if (!*in_group) {
        *in_group = TRUE;
        *group = 0;
    }
    if (it->h > *group) {
        *y += it->h - *group;
        *group = it->h;
    }
}

static void place_item(placer *P, const cg_vitem *it, double x0, double *y)
{
    switch (it->kind) {
    case VI_SPACE:
        stack_space(it, P->started, &P->in_group, &P->group, y);
        return;
    case VI_GAP:
        P->in_group = FALSE;
        P->started = TRUE;
        *y += it->h;
        return;
    case VI_LINE: {
        P->in_group = FALSE;
        P->started = TRUE;
        cg_placed pl = { PL_LINE, NULL, 0, it->line, NULL, x0 + it->line->x, *y, P->tagged };
        g_array_append_val(P->ro->placed, pl);
        if (it->line->ids)
            for (guint i = 0; i < it->line->ids->len; i++)
                note_id(P, it->line->ids->pdata[i], *y, TRUE, TRUE);
        *y += it->h;
        return;
    }
    case VI_START:
        open_frag(P, it->blk, x0, *y, TRUE);
        return;
    case VI_END:
        close_frag(P, *y, TRUE);
        return;
    case VI_ROW:
        P->in_group = FALSE;
        P->started = TRUE;
        place_row(P, it->row, x0, *y);
        *y += it->h;
        return;
    case VI_OVERLAY:
    case VI_BOX: {
        P->in_group = FALSE;
        P->started = TRUE;
        double sy = *y;
        placer sub = *P;
        sub.in_group = FALSE;
        sub.started = FALSE;
        place_list(&sub, it->sub, 0, (int)it->sub->items->len, x0, &sy);
        if (it->kind == VI_BOX)
            *y += it->h;
        return;
    }
    case VI_ABS: {
        double sy = P->ro->y + it->x;
        placer sub = *P;
        sub.in_group = FALSE;
        sub.started = FALSE;
        place_list(&sub, it->sub, 0, (int)it->sub->items->len, x0, &sy);
        return;
    }
    default:
        return;
    }
}

static void place_list(placer *P, const cg_vlist *vl, int from, int to, double x0, double *y)
{
    for (int i = from; i < to; i++)
        place_item(P, &g_array_index(vl->items, cg_vitem, i), x0, y);
}

/* ---- breaking ------------------------------------------------------------ */

/* Items in vl: splitting rows across pages adds some as pagination goes, and
 * the flow is laid out as pagination reads it (at_end asks for more). */
#define NI(vl) ((int)(vl)->items->len)

/* Is pos past the last item of the flow? Lays out more of it when pos is at
 * the end of what is laid out. Whatever looks ahead in the flow asks this, not
 * NI (the end of what is laid out so far), and takes its item pointers again
 * after asking: laying out more may move the items. */
static gboolean at_end(cg_vlist *vl, int pos)
{
    while (pos >= NI(vl))
        if (!vl->more || !vl->more(vl->more_ctx, vl))
            return TRUE;
    return FALSE;
}

static void items_inserted(cg_vlist *vl, int k, int count);

typedef struct {
    int brk;                    /* items [from, brk) go on the page; brk = n: all */
    int next;                   /* first item of the next page */
    int pen;                    /* strength of the chosen break */
    gboolean overflow;          /* an item taller than the page */
    int forced_kind;            /* CG_BREAK_* of a forced break, else 0 */
} page_break;

/* Header and footer heights of the tables open in stack (array of cg_block*). */
static double open_tables_h(GPtrArray *stack, gboolean header)
{
    double h = 0;
    for (guint i = 0; i < stack->len; i++) {
        const cg_block *b = stack->pdata[i];
        if (!b->is_table)
            continue;
        const cg_vlist *v = header ? b->header : b->footer;
        gboolean omit = header ? b->omit_header_at_break : b->omit_footer_at_break;
        if (v && !omit)
            h += cg_vlist_measure(v);
    }
    return h;
}

/* The room the repeated footers of the open tables take below item it: none
 * for the innermost table's when it is a row of that table's own footer, set
 * where the table ends. */
static double footers_below(GPtrArray *stack, const cg_vitem *it)
{
    double h = open_tables_h(stack, FALSE);
    if (it->kind == VI_ROW && it->final_footer)
        for (guint i = stack->len; i-- > 0;) {
            const cg_block *b = stack->pdata[i];
            if (!b->is_table)
                continue;
            if (b->footer && !b->omit_footer_at_break)
                h -= cg_vlist_measure(b->footer);
            break;
        }
    return h;
}

static double footnotes_h(const cg_line *ln)
{
    double h = 0;
    if (ln->footnotes)
        for (guint i = 0; i < ln->footnotes->len; i++)
            h += cg_vlist_measure(ln->footnotes->pdata[i]);
    return h;
}

/* ---- splitting table rows across pages ------------------------------------ */

/* Where a piece of a cell's content [from, to) ends: with hmax < 0, at the
 * first forced break (none: to); else after the content up to the last legal
 * break (penalty 0) at a height at most hmax, or at a forced break met before.
 * Returns the end of the piece; *next is where the rest starts, *h the piece's
 * content height, *forced the break kind of a forced break ending it (else 0). */
static int cell_cut(const cg_vlist *vl, int from, int to, double hmax, int *next, double *h, int *forced)
{
    double y = 0, group = 0, bottom = 0;
    gboolean in_group = FALSE, started = FALSE;
    int best = from, best_next = from;
    double best_h = 0;
    /* A break that only a keep forbids: taken when the cell has no free break
     * before hmax, for then the keep cannot be satisfied anyway. */
    int kept = -1, kept_next = from, kept_pen = CG_PEN_NEVER;
    double kept_h = 0;
    *forced = 0;
    for (int k = from; k < to; k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        switch (it->kind) {
        case VI_SPACE:
            stack_space(it, started, &in_group, &group, &y);
            break;
        case VI_LINE: case VI_GAP: case VI_ROW: case VI_BOX: case VI_OVERLAY: {
            if (it->kind == VI_GAP && it->h <= 0)
                break;
            double b = it->kind == VI_OVERLAY ? MAX(bottom, y + it->h) : y + it->h;
            if (hmax >= 0 && b > hmax + 0.01) {
                if (best == from && kept >= 0) {
                    *next = kept_next;
                    *h = kept_h;
                    return kept;
                }
                *next = best_next;
                *h = best_h;
                return best;
            }
            in_group = FALSE;
            started = TRUE;
            if (it->kind != VI_OVERLAY)
                y += it->h;
            bottom = MAX(bottom, b);
            break;
        }
        case VI_PENALTY:
            if (it->pen == CG_PEN_FORCE) {
                *forced = it->break_kind ? it->break_kind : CG_BREAK_PAGE;
                *next = k + 1;
                *h = bottom;
                return k;
            }
            if (started && it->pen == 0) {
                best = k;
                best_next = k + 1;
                best_h = bottom;
            } else if (started && it->pen > 0 && it->pen < CG_PEN_NEVER && it->pen <= kept_pen) {
                kept = k;
                kept_next = k + 1;
                kept_h = bottom;
                kept_pen = it->pen;
            }
            break;
        default:
            break;
        }
    }
    *next = to;
    *h = bottom;
    return to;
}

/* A copy of a row's or cell's decoration without its border on side (-1: none
 * removed): the pieces of a split row have none at the break. */
static cg_block *block_without(cg_vlist *vl, const cg_block *b, int side)
{
    cg_block *c = cg_vlist_alloc(vl, sizeof *c);
    *c = *b;
    if (side >= 0)
        c->border[side].width = 0;
    return c;
}

static double cell_pre(const cg_cell *c) { return c->cont_before ? 0 : c->border_before + c->pad_before; }
static double cell_post(const cg_cell *c) { return c->cont_after ? 0 : c->pad_after + c->border_after; }

/* The piece of cell cl before a break in it: items [s, cut), content height hh. */
static void cell_piece_before(cg_vlist *vl, cg_cell *ca, const cg_cell *cl, int s, int cut, double hh)
{
    *ca = *cl;
    ca->ranged = TRUE;
    ca->from = s;
    ca->to = cut;
    ca->cont_after = TRUE;
    ca->pad_after = ca->border_after = ca->out_after = 0;
    ca->content_h = hh;
    ca->display_align = CG_DA_BEFORE;
    ca->blk = block_without(vl, cl->blk, CG_AFTER);
}

/* The piece of cell cl after a break in it: items [next, e). */
static void cell_piece_after(cg_vlist *vl, cg_cell *cb, const cg_cell *cl, int next, int e)
{
    *cb = *cl;
    cb->ranged = TRUE;
    cb->from = next;
    cb->to = e;
    cb->cont_before = TRUE;
    cb->pad_before = cb->border_before = cb->out_before = 0;
    cb->content_h = cg_vlist_measure_range(cl->content, next, e);
    cb->display_align = CG_DA_BEFORE;
    cb->blk = block_without(vl, cl->blk, CG_BEFORE);
}

/* May the row at item k of vl be split at all? Not with no cells or a cell
 * spanning rows, nor when tied to the rows around it, nor (unless forced_only
 * or allow_keep) when kept together; *keep: its keep-together. */
static gboolean row_may_split(const cg_vlist *vl, int k, gboolean forced_only, gboolean allow_keep, int *keep)
{
    const cg_row *r = g_array_index(vl->items, cg_vitem, k).row;
    int nc = r->n_cells;
    if (nc == 0)
        return FALSE;
    for (int c = 0; c < nc; c++)
        if (r->cells[c].rows > 1)
            return FALSE;
    /* rows under a cell spanning from above are joined by unbreakable penalties */
    int n = (int)vl->items->len;
    if (k > 0 && g_array_index(vl->items, cg_vitem, k - 1).kind == VI_PENALTY &&
        g_array_index(vl->items, cg_vitem, k - 1).pen >= CG_PEN_NEVER)
        return FALSE;
    if (k + 1 < n && g_array_index(vl->items, cg_vitem, k + 1).kind == VI_PENALTY &&
        g_array_index(vl->items, cg_vitem, k + 1).pen >= CG_PEN_NEVER)
        return FALSE;
    *keep = r->blk && r->blk->fo && r->blk->fo->kind == FO_TABLE_ROW ? r->blk->fo->p->i.keep_together_page : 0;
    if (!forced_only && *keep > 0 && !allow_keep)
        return FALSE;
    return TRUE;
}

/* Where each cell of row r is cut (cut[c], the rest from next[c], hh[c] the
 * first piece's content height): at the highest forced break in a cell, else
 * (not forced_only) within avail. Returns FALSE when the row is not to be
 * split: no forced break (forced_only), no progress, nothing left after the
 * cut, or a cell that cannot begin here (unless allow_keep); *forced_kind:
 * the kind of the forced break it is split at (0: none). */
static gboolean row_cuts(const cg_row *r, double avail, gboolean forced_only, gboolean allow_keep,
                         int *cut, int *next, double *hh, int *forced_kind)
{
    int nc = r->n_cells;
    double hf = G_MAXDOUBLE;
    /* forced breaks first */
    for (int c = 0; c < nc; c++) {
        const cg_cell *cl = &r->cells[c];
        int s = cl->ranged ? cl->from : 0, e = cl->ranged ? cl->to : (int)cl->content->items->len;
        int f;
        cell_cut(cl->content, s, e, -1, &next[c], &hh[c], &f);
        if (f && hh[c] < hf) {
            hf = hh[c];
            *forced_kind = f;
        }
    }
    if (!*forced_kind && forced_only)
        return FALSE;
    gboolean progress = FALSE, all_done = TRUE, stuck = FALSE;
    for (int c = 0; c < nc; c++) {
        const cg_cell *cl = &r->cells[c];
        int s = cl->ranged ? cl->from : 0, e = cl->ranged ? cl->to : (int)cl->content->items->len;
        int f;
        double hmax = *forced_kind ? hf : MAX(0, avail - cell_pre(cl));
        cut[c] = cell_cut(cl->content, s, e, hmax, &next[c], &hh[c], &f);
        if (f && !*forced_kind)
            *forced_kind = f;
        if (cut[c] > s)
            progress = TRUE;
        else if (!*forced_kind && cg_vlist_measure_range(cl->content, s, e) > 0)
            stuck = TRUE;   /* a cell with content that cannot start here */
        if (next[c] < e)
            all_done = FALSE;
    }
    if (stuck && !*forced_kind && !allow_keep)
        return FALSE;
    if (!*forced_kind && (!progress || all_done))
        return FALSE;
    return TRUE;
}

/* The two pieces of row r with its cells cut at cut[] (going on from next[]):
 * *pa before the break, *pb after it, their heights set (the second taking
 * what the row is taller than both); *a_empty, *b_empty: no content in the
 * piece. */
static void row_pieces(cg_vlist *vl, const cg_row *r, const int *cut, const int *next, const double *hh,
                       cg_row **pa, cg_row **pb, gboolean *a_empty, gboolean *b_empty)
{
    int nc = r->n_cells;
    cg_row *a = cg_vlist_alloc(vl, sizeof *a), *b = cg_vlist_alloc(vl, sizeof *b);
    *a = *r;
    *b = *r;
    a->cells = cg_vlist_alloc(vl, sizeof(cg_cell) * (size_t)nc);
    b->cells = cg_vlist_alloc(vl, sizeof(cg_cell) * (size_t)nc);
    a->span_h = cg_vlist_alloc(vl, sizeof(double) * (size_t)nc);
    b->span_h = cg_vlist_alloc(vl, sizeof(double) * (size_t)nc);
    a->cont_after = TRUE;
    b->cont_before = TRUE;
    a->blk = block_without(vl, r->blk, CG_AFTER);
    b->blk = block_without(vl, r->blk, CG_BEFORE);
    double ha = 0, hb = 0;
    *a_empty = *b_empty = TRUE;
    for (int c = 0; c < nc; c++) {
        const cg_cell *cl = &r->cells[c];
        int s = cl->ranged ? cl->from : 0, e = cl->ranged ? cl->to : (int)cl->content->items->len;
        cg_cell *ca = &a->cells[c], *cb = &b->cells[c];
        cell_piece_before(vl, ca, cl, s, cut[c], hh[c]);
        cell_piece_after(vl, cb, cl, next[c], e);
        ha = MAX(ha, cell_pre(ca) + ca->content_h);
        hb = MAX(hb, cb->content_h + cell_post(cb));
        if (cut[c] > s)
            *a_empty = FALSE;
        if (next[c] < e)
            *b_empty = FALSE;
    }
    if (r->h > ha + hb)
        hb = r->h - ha;
    a->h = ha;
    b->h = hb;
    for (int c = 0; c < nc; c++) {
        a->span_h[c] = ha;
        b->span_h[c] = hb;
    }
    *pa = a;
    *pb = b;
}

/* A forced break before any content of row r at item k: the penalty pen,
 * then the piece after it (b, item ib) with the row's before edge back,
 * as tall as the row and its cells need. */
static void row_break_before(cg_vlist *vl, int k, const cg_row *r, cg_row *b, cg_vitem ib, cg_vitem pen)
{
    int nc = r->n_cells;
    double hb = b->h, ha;
    b->cont_before = FALSE;
    b->blk = block_without(vl, r->blk, -1);
    for (int c = 0; c < nc; c++) {
        b->cells[c].blk = block_without(vl, r->cells[c].blk, r->cells[c].cont_after ? CG_AFTER : -1);
        b->cells[c].cont_before = r->cells[c].cont_before;
        b->cells[c].pad_before = r->cells[c].pad_before;
        b->cells[c].border_before = r->cells[c].border_before;
        b->cells[c].out_before = r->cells[c].out_before;
    }
    ib.h = b->h = MAX(hb, r->h);
    for (int c = 0; c < nc; c++) {
        b->span_h[c] = b->h;
        ha = cell_pre(&b->cells[c]) + b->cells[c].content_h + cell_post(&b->cells[c]);
        if (ha > b->h) {
            b->h = ib.h = ha;
            for (int d = 0; d < nc; d++)
                b->span_h[d] = ha;
        }
    }
    g_array_index(vl->items, cg_vitem, k) = pen;
    g_array_insert_val(vl->items, (guint)k + 1, ib);
}

/* A forced break after all content of row r at item k: the piece before it
 * (a, item ia) with the row's after edge back, as tall as the row and its
 * cells need, then the penalty pen. */
static void row_break_after(cg_vlist *vl, int k, const cg_row *r, cg_row *a, cg_vitem ia, cg_vitem pen)
{
    int nc = r->n_cells;
    double ha = a->h;
    a->cont_after = FALSE;
    a->blk = block_without(vl, r->blk, -1);
    for (int c = 0; c < nc; c++) {
        a->cells[c].blk = block_without(vl, r->cells[c].blk, r->cells[c].cont_before ? CG_BEFORE : -1);
        a->cells[c].cont_after = r->cells[c].cont_after;
        a->cells[c].pad_after = r->cells[c].pad_after;
        a->cells[c].border_after = r->cells[c].border_after;
        a->cells[c].out_after = r->cells[c].out_after;
        ha = MAX(ha, cell_pre(&a->cells[c]) + a->cells[c].content_h + cell_post(&a->cells[c]));
    }
    ia.h = a->h = MAX(ha, r->h);
    for (int c = 0; c < nc; c++)
        a->span_h[c] = a->h;
    g_array_index(vl->items, cg_vitem, k) = ia;
    g_array_insert_val(vl->items, (guint)k + 1, pen);
}

/* Split the row at item k of vl in two pieces: at the first forced break in a
 * cell (forced_only), else so that the first piece is at most avail tall.
 * The pieces replace the row, with a penalty between them. Returns FALSE when
 * the row cannot (spanning cells, a keep) or need not be split. */
static gboolean split_row(cg_vlist *vl, int k, double avail, gboolean forced_only, gboolean allow_keep)
{
    cg_vitem row_it = g_array_index(vl->items, cg_vitem, k);
    const cg_row *r = row_it.row;
    int nc = r->n_cells, keep = 0;
    if (!row_may_split(vl, k, forced_only, allow_keep, &keep))
        return FALSE;
    int *cut = g_new0(int, nc), *next = g_new0(int, nc);
    double *hh = g_new0(double, nc);
    int forced_kind = 0;
    gboolean split = row_cuts(r, avail, forced_only, allow_keep, cut, next, hh, &forced_kind);
    if (split) {
        cg_row *a, *b;
        gboolean a_empty, b_empty;
        row_pieces(vl, r, cut, next, hh, &a, &b, &a_empty, &b_empty);
        cg_vitem pen = { 0 };
        pen.kind = VI_PENALTY;
        pen.pen = forced_kind ? CG_PEN_FORCE : keep;
        pen.break_kind = forced_kind;
        cg_vitem ia = row_it, ib = row_it;
        ia.row = a;
        ia.h = a->h;
        ib.row = b;
        ib.h = b->h;
        if (forced_kind && a_empty) {
            /* the break comes before any content of the row */
            row_break_before(vl, k, r, b, ib, pen);
        } else if (forced_kind && b_empty) {
            row_break_after(vl, k, r, a, ia, pen);
        } else {
            g_array_index(vl->items, cg_vitem, k) = ia;
            g_array_insert_val(vl->items, (guint)k + 1, pen);
            g_array_insert_val(vl->items, (guint)k + 2, ib);
        }
    }
    g_free(cut); g_free(next); g_free(hh);
    return split;
}

/* ---- rows tied by a spanning cell ----------------------------------------- */

/* Is item k a penalty between rows tied by a cell spanning them? */
static gboolean is_tie(const cg_vlist *vl, int k)
{
    if (k < 0 || k >= (int)vl->items->len)
        return FALSE;
    const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
    return it->kind == VI_PENALTY && it->span_tie && it->pen >= CG_PEN_NEVER;
}

static gboolean is_row(const cg_vlist *vl, int k)
{
    return k >= 0 && k < (int)vl->items->len && g_array_index(vl->items, cg_vitem, k).kind == VI_ROW;
}

/* The row item tied to row item k, before it (dir -1) or after it (dir 1),
 * with only penalties between (the tie, forced breaks of the rows), else -1;
 * *tie: the tie's index. */
static int tied_row(const cg_vlist *vl, int k, int dir, int *tie)
{
    int t = -1;
    for (int j = k + dir; j >= 0 && j < (int)vl->items->len; j += dir) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, j);
        if (it->kind == VI_ROW) {
            if (t < 0)
                return -1;
            if (tie)
                *tie = t;
            return j;
        }
        if (it->kind != VI_PENALTY)
            return -1;
        if (is_tie(vl, j))
            t = j;
    }
    return -1;
}

static int cell_x_cmp(const void *a, const void *b)
{
    const cg_cell *x = a, *y = b;
    return x->x < y->x ? -1 : x->x > y->x;
}

/* A crossing cell of a group being broken: the cell c of the group's row i,
 * cut at items [cut, next). */
typedef struct {
    int i, c, s, e, cut, next;
    double hh;
} cross_cell;

/* The rows tied by spanning cells (a row group) being broken. */
typedef struct {
    GArray *K;                  /* their row items */
    int r, m;                   /* the row item broken at is the r-th of m */
    cg_row **R;                 /* their rows */
    double *Y;                  /* each row's top from the first's (Y[m]: all their height) */
    int keep;                   /* the strongest keep holding them together */
    int tie_r;                  /* the tie between row r and the row before (-1: none) */
} row_group;

/* The group that row item k belongs to, from item from on (rows on earlier
 * pages are done with: a group cut there overflowed), into G; FALSE (nothing
 * kept) when row k is tied to no other row there. */
static gboolean group_collect(cg_vlist *vl, int k, int from, row_group *G)
{
    GArray *K = g_array_new(FALSE, FALSE, sizeof(int));
    int j = k;
    while ((j = tied_row(vl, j, -1, NULL)) >= from)
        g_array_prepend_val(K, j);
    int r = (int)K->len;
    j = k;
    do
        g_array_append_val(K, j);
    while ((j = tied_row(vl, j, 1, NULL)) >= 0);
    int m = (int)K->len;
    if (m < 2) {
        g_array_free(K, TRUE);
        return FALSE;
    }
    cg_row **R = g_new0(cg_row *, m);
    double *Y = g_new0(double, m + 1);
    int keep = 0, tie_r = -1;
    for (int i = 0; i < m; i++) {
        R[i] = g_array_index(vl->items, cg_vitem, g_array_index(K, int, i)).row;
        Y[i + 1] = Y[i] + R[i]->h;
        const cg_block *rb = R[i]->blk;
        if (rb && rb->fo && rb->fo->kind == FO_TABLE_ROW)
            keep = MAX(keep, rb->fo->p->i.keep_together_page);
        int t;
        if (i > 0 && tied_row(vl, g_array_index(K, int, i), -1, &t) >= 0) {
            keep = MAX(keep, g_array_index(vl->items, cg_vitem, t).span_pen);
            if (i == r)
                tie_r = t;
        }
    }
    G->K = K;
    G->r = r;
    G->m = m;
    G->R = R;
    G->Y = Y;
    G->keep = keep;
    G->tie_r = tie_r;
    return TRUE;
}

static void group_free(row_group *G)
{
    g_array_free(G->K, TRUE);
    g_free(G->R);
    g_free(G->Y);
}

/* Where the group breaks and which cells cross the break, cut there (into
 * cross): inside row r with room (*mid, when room >= 0) or before row r.
 * FALSE when it is not broken: all fits, or row r's cells cannot begin in the
 * room and there is no row before it to break before (unless allow_keep and
 * some cell progresses). */
static gboolean group_cut_cells(const row_group *G, double room, gboolean allow_keep, int forced_kind,
                                GArray *cross, gboolean *pmid)
{
    int r = G->r;
    cg_row **R = G->R;
    const double *Y = G->Y;
    /* Inside row r, at height H from the group's top. */
    double H = Y[r] + room;
    gboolean mid = room >= 0, progress = FALSE, all_done = TRUE, stuck = FALSE;
    if (!mid && r == 0)
        return FALSE;
    for (int pass = 0; pass < 2; pass++) {
        g_array_set_size(cross, 0);
        for (int i = 0; i <= r; i++)
            for (int c = 0; c < R[i]->n_cells; c++) {
                const cg_cell *cl = &R[i]->cells[c];
                int end = i + MAX(1, cl->rows);
                if (mid ? end <= r : (i == r || end <= r))
                    continue;
                cross_cell x = { i, c, cl->ranged ? cl->from : 0, 0, 0, 0, 0 };
                x.e = cl->ranged ? cl->to : (int)cl->content->items->len;
                int f;
                double hmax = MAX(0, (mid ? H : Y[r]) - Y[i] - cell_pre(cl));
                x.cut = cell_cut(cl->content, x.s, x.e, hmax, &x.next, &x.hh, &f);
                if (x.cut > x.s)
                    progress = TRUE;
                else if (i == r && cg_vlist_measure_range(cl->content, x.s, x.e) > 0)
                    stuck = TRUE;   /* a cell of row r that cannot begin in the room */
                if (x.next < x.e)
                    all_done = FALSE;
                g_array_append_val(cross, x);
            }
        if (!mid)
            break;
        if (all_done)
            return FALSE;   /* all fits: the rows are only taller than their content */
        if (forced_kind || (progress && !stuck))
            break;
        if (r > 0) {
            mid = FALSE;    /* break before row r instead */
            continue;
        }
        if (!progress || !allow_keep)
            return FALSE;
        break;
    }
    *pmid = mid;
    return TRUE;
}

/* The pieces before the break: rows [0, r) with their crossing cells cut
 * (*pRn: a copy of each such row, NULL for the others), and in a break inside
 * row r (mid), the piece of row r before it, returned, of height *pha (else
 * NULL, *pha 0). */
static cg_row *group_before(cg_vlist *vl, const row_group *G, const GArray *cross, gboolean mid, double *pha,
                            cg_row ***pRn)
{
    int r = G->r;
    cg_row **R = G->R;
    const double *Y = G->Y;
    cg_row *A = NULL;
    double ha = 0;
    if (mid) {
        A = cg_vlist_alloc(vl, sizeof *A);
        *A = *R[r];
        A->cells = cg_vlist_alloc(vl, sizeof(cg_cell) * (size_t)MAX(1, R[r]->n_cells));
        A->span_h = cg_vlist_alloc(vl, sizeof(double) * (size_t)MAX(1, R[r]->n_cells));
        A->cont_after = TRUE;
        A->blk = block_without(vl, R[r]->blk, CG_AFTER);
        for (guint j = 0; j < cross->len; j++) {
            const cross_cell *x = &g_array_index(cross, cross_cell, j);
            ha = MAX(ha, Y[x->i] + cell_pre(&R[x->i]->cells[x->c]) + x->hh - Y[r]);
        }
    }
    cg_row **Rn = g_new0(cg_row *, r + 1);
    for (guint j = 0; j < cross->len; j++) {
        const cross_cell *x = &g_array_index(cross, cross_cell, j);
        const cg_cell *cl = &R[x->i]->cells[x->c];
        cg_cell *ca;
        if (x->i == r) {
            ca = &A->cells[x->c];
        } else {
            if (!Rn[x->i]) {
                cg_row *cp = cg_vlist_alloc(vl, sizeof *cp);
                *cp = *R[x->i];
                cp->cells = cg_vlist_alloc(vl, sizeof(cg_cell) * (size_t)MAX(1, cp->n_cells));
                cp->span_h = cg_vlist_alloc(vl, sizeof(double) * (size_t)MAX(1, cp->n_cells));
                memcpy(cp->cells, R[x->i]->cells, sizeof(cg_cell) * (size_t)cp->n_cells);
                memcpy(cp->span_h, R[x->i]->span_h, sizeof(double) * (size_t)cp->n_cells);
                /* a cell of it goes on after the break: its content is still needed */
                cp->cont_after = TRUE;
                Rn[x->i] = cp;
            }
            ca = &Rn[x->i]->cells[x->c];
            Rn[x->i]->span_h[x->c] = Y[r] + ha - Y[x->i];
        }
        cell_piece_before(vl, ca, cl, x->s, x->cut, x->hh);
        ca->rows = r - x->i + (mid ? 1 : 0);
    }
    if (mid) {
        A->h = ha;
        for (int c = 0; c < A->n_cells; c++)
            A->span_h[c] = ha;
    }
    *pRn = Rn;
    *pha = ha;
    return A;
}

/* The piece after the break: row r (its piece after a break inside it, mid,
 * the piece before being ha tall) with the spanning cells going on in it, as
 * tall as its cells need beyond the rows they span after it. */
static cg_row *group_after(cg_vlist *vl, const row_group *G, const GArray *cross, gboolean mid, double ha)
{
    int r = G->r, m = G->m;
    cg_row **R = G->R;
    cg_row *B = cg_vlist_alloc(vl, sizeof *B);
    *B = *R[r];
    int nb = 0;
    for (guint j = 0; j < cross->len; j++)
        if (g_array_index(cross, cross_cell, j).i < r)
            nb++;
    nb += R[r]->n_cells;
    B->n_cells = nb;
    B->cells = cg_vlist_alloc(vl, sizeof(cg_cell) * (size_t)MAX(1, nb));
    B->span_h = cg_vlist_alloc(vl, sizeof(double) * (size_t)MAX(1, nb));
    int bi = 0;
    if (mid) {
        B->cont_before = TRUE;
        B->blk = block_without(vl, R[r]->blk, CG_BEFORE);
    } else {
        memcpy(B->cells, R[r]->cells, sizeof(cg_cell) * (size_t)R[r]->n_cells);
        bi = R[r]->n_cells;
    }
    for (guint j = 0; j < cross->len; j++) {
        const cross_cell *x = &g_array_index(cross, cross_cell, j);
        const cg_cell *cl = &R[x->i]->cells[x->c];
        cg_cell *cb = &B->cells[bi++];
        cell_piece_after(vl, cb, cl, x->next, x->e);
        cb->rows = x->i + MAX(1, cl->rows) - r;
    }
    qsort(B->cells, (size_t)nb, sizeof(cg_cell), cell_x_cmp);
    double hb = mid ? MAX(0, R[r]->h - ha) : R[r]->h;
    for (int c = 0; c < nb; c++) {
        const cg_cell *cb = &B->cells[c];
        double need = cell_pre(cb) + cb->content_h + cell_post(cb);
        for (int t = r + 1; t < r + cb->rows && t < m; t++)
            need -= R[t]->h;
        hb = MAX(hb, need);
    }
    B->h = hb;
    for (int c = 0; c < nb; c++) {
        double sh = hb;
        for (int t = r + 1; t < r + B->cells[c].rows && t < m; t++)
            sh += R[t]->h;
        B->span_h[c] = sh;
    }
    return B;
}

/* The pieces in place of the group's rows: Rn[i] for each row i before row
 * item k that has one (freed); in place of row k, inside it (mid), the piece
 * A before the break, a penalty and the piece B after it (returns 1); else
 * B, the tie before it becoming the break (returns how far back the row
 * before is). */
static int group_replace(cg_vlist *vl, int k, const row_group *G, cg_row **Rn, cg_row *A, double ha, cg_row *B,
                         gboolean mid, int forced_kind)
{
    for (int i = 0; i < G->r; i++)
        if (Rn[i])
            g_array_index(vl->items, cg_vitem, g_array_index(G->K, int, i)).row = Rn[i];
    g_free(Rn);
    cg_vitem ib = g_array_index(vl->items, cg_vitem, k);
    ib.row = B;
    ib.h = B->h;
    if (mid) {
        cg_vitem ia = ib, pen = { 0 };
        ia.row = A;
        ia.h = ha;
        pen.kind = VI_PENALTY;
        pen.pen = forced_kind ? CG_PEN_FORCE : G->keep;
        pen.break_kind = forced_kind;
        g_array_index(vl->items, cg_vitem, k) = ia;
        g_array_insert_val(vl->items, (guint)k + 1, pen);
        g_array_insert_val(vl->items, (guint)k + 2, ib);
        return 1;
    }
    g_array_index(vl->items, cg_vitem, k) = ib;
    cg_vitem *t = &g_array_index(vl->items, cg_vitem, G->tie_r);
    t->span_tie = FALSE;
    t->pen = forced_kind ? CG_PEN_FORCE : t->span_pen;
    t->break_kind = forced_kind;
    return k - g_array_index(G->K, int, G->r - 1);
}

/* Break the rows tied by spanning cells (a row group) that row item k belongs
 * to, with room for row k of its height: inside row k (every cell reaching
 * into it cut there, the spanning ones going on in a piece of row k after the
 * break), else, when row k's own cells cannot begin in the room, between row
 * k and the row before it (the cells spanning both cut at that row boundary
 * and going on in row k). The tied rows are broken only when the room is too
 * small for them and no keep holds them together, unless (allow_keep) they
 * begin the page or are taller than a page (avail) and would else overflow.
 * With room < 0, the group is broken between row k and the row before, as a
 * forced break there demands. Returns 0 when nothing was done, else how many
 * items pagination goes back to go on: 1 when row k was split in two pieces
 * (it goes on at k), more when the break is now allowed before k (it goes on
 * just after the row before). The group is taken from item from on (the
 * page's first item). forced_kind: the break is a forced one of that kind (a
 * cell's), made whatever the keeps and the cells' room. */
static int split_group(cg_vlist *vl, int k, int from, double room, double avail, gboolean allow_keep,
                       int forced_kind)
{
    row_group G;
    if (!group_collect(vl, k, from, &G))
        return 0;
    GArray *cross = g_array_new(FALSE, FALSE, sizeof(cross_cell));
    int ret = 0;
    gboolean mid = FALSE;
    /* kept together, and they fit on a page: not broken */
    gboolean kept = !forced_kind && G.keep > 0 && !allow_keep && G.Y[G.m] <= avail + 0.01;
    if (!kept && group_cut_cells(&G, room, allow_keep, forced_kind, cross, &mid)) {
        double ha;
        cg_row **Rn;
        cg_row *A = group_before(vl, &G, cross, mid, &ha, &Rn);
        cg_row *B = group_after(vl, &G, cross, mid, ha);
        ret = group_replace(vl, k, &G, Rn, A, ha, B, mid, forced_kind);
    }
    group_free(&G);
    g_array_free(cross, TRUE);
    return ret;
}

/* A forced break in a cell of the rows tied to row item k that falls inside
 * row k (the highest such in the cells reaching into it): the group is broken
 * there, inside row k or just before it (split_group). */
static int group_forced(cg_vlist *vl, int k, int from, double avail)
{
    if (tied_row(vl, k, -1, NULL) < from && tied_row(vl, k, 1, NULL) < 0)
        return 0;
    GPtrArray *rows = g_ptr_array_new();
    int j = k;
    g_ptr_array_add(rows, g_array_index(vl->items, cg_vitem, k).row);
    while ((j = tied_row(vl, j, -1, NULL)) >= from)
        g_ptr_array_insert(rows, 0, g_array_index(vl->items, cg_vitem, j).row);
    int r = (int)rows->len - 1;
    double top = 0, H = G_MAXDOUBLE;
    int kind = 0;
    for (int i = 0; i <= r; i++) {
        const cg_row *R = rows->pdata[i];
        for (int c = 0; c < R->n_cells; c++) {
            const cg_cell *cl = &R->cells[c];
            if (i + MAX(1, cl->rows) <= r)
                continue;       /* ends before row k */
            int s = cl->ranged ? cl->from : 0, e = cl->ranged ? cl->to : (int)cl->content->items->len;
            int next, f;
            double hh;
            cell_cut(cl->content, s, e, -1, &next, &hh, &f);
            if (f && top + cell_pre(cl) + hh < H) {
                H = top + cell_pre(cl) + hh;
                kind = f;
            }
        }
        if (i < r)
            top += R->h;
    }
    const cg_row *Rk = rows->pdata[r];
    g_ptr_array_free(rows, TRUE);
    if (!kind || H >= top + Rk->h - 0.01)
        return 0;       /* none, or not before row k's end (the next row's matter) */
    if (H <= top + 0.01)
        return r > 0 ? split_group(vl, k, from, -1, avail, TRUE, kind) : 0;
    return split_group(vl, k, from, H - top, avail, TRUE, kind);
}

/* Does a cell of the row hold a forced break? */
static gboolean row_has_forced(const cg_row *r)
{
    for (int c = 0; c < r->n_cells; c++) {
        const cg_cell *cl = &r->cells[c];
        int s = cl->ranged ? cl->from : 0, e = cl->ranged ? cl->to : (int)cl->content->items->len;
        for (int k = s; k < e; k++) {
            const cg_vitem *it = &g_array_index(cl->content->items, cg_vitem, k);
            if (it->kind == VI_PENALTY && it->pen == CG_PEN_FORCE)
                return TRUE;
        }
    }
    return FALSE;
}

/* A forced break at item k after the last row of a table body, with only the
 * table's footer (and ends, gaps, spaces) after it: the index just after the
 * table's end, else -1. */
static int table_end_after(const cg_vlist *vl, int k)
{
    int n = (int)vl->items->len;
    gboolean body_ended = FALSE, any_row_before = FALSE;
    for (int j = k - 1; j >= 0; j--) {
        cg_vkind kd = g_array_index(vl->items, cg_vitem, j).kind;
        if (kd == VI_ROW) { any_row_before = TRUE; break; }
        if (kd != VI_PENALTY && kd != VI_SPACE)
            break;
    }
    if (!any_row_before)
        return -1;
    for (int j = k + 1; j < n; j++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, j);
        switch (it->kind) {
        case VI_END:
            if (it->blk->is_table)
                return j + 1;
            body_ended = TRUE;
            break;
        case VI_ROW:
            if (!body_ended)
                return -1;
            break;
        case VI_SPACE: case VI_GAP:
            break;
        case VI_PENALTY:
            if (it->pen == CG_PEN_FORCE)
                return -1;
            break;
        default:
            return -1;
        }
    }
    return -1;
}

/* Do only the ends of blocks (and spaces, penalties) follow item k? A forced
 * break there (break-after of the last block) has no next area to push onto
 * a new page (XSL 1.1 §7.20.1): no empty page is made for the ends. */
static gboolean only_ends_after(cg_vlist *vl, int k)
{
    for (int j = k + 1; !at_end(vl, j); j++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, j);
        if (it->kind != VI_END && it->kind != VI_SPACE && it->kind != VI_PENALTY)
            return FALSE;
    }
    return TRUE;
}

/* Footnotes cited in nested lists (table cells, list-item labels and bodies,
 * block-containers) of item it, appended to out when not NULL; returns their
 * height. */
static double nested_footnotes(const cg_vitem *it, GPtrArray *out, int depth);

static double list_footnotes(const cg_vlist *vl, int from, int to, GPtrArray *out, int depth)
{
    double h = 0;
    for (int k = from; k < to; k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        if (it->kind == VI_LINE && it->line->footnotes) {
            h += footnotes_h(it->line);
            if (out)
                for (guint f = 0; f < it->line->footnotes->len; f++)
                    g_ptr_array_add(out, it->line->footnotes->pdata[f]);
        } else
            h += nested_footnotes(it, out, depth);
    }
    return h;
}

/* A footnote cited in a table cell, with how far down the row its line is. */
typedef struct {
    double y;
    int cell, seq;
    gpointer fn;
} cell_fn;

static int cell_fn_cmp(gconstpointer a, gconstpointer b)
{
    const cell_fn *x = a, *y = b;
    if (x->y != y->y)
        return x->y < y->y ? -1 : 1;
    if (x->cell != y->cell)
        return x->cell < y->cell ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static double nested_footnotes(const cg_vitem *it, GPtrArray *out, int depth)
{
    if (depth > 64)
        return 0;
    double h = 0;
    if (it->kind == VI_ROW && out) {
        /* The footnotes of a row in the order of their lines down the row
         * (as FOP), not cell after cell. */
        GArray *found = g_array_new(FALSE, FALSE, sizeof(cell_fn));
        GPtrArray *sub = g_ptr_array_new();
        int seq = 0;
        for (int c = 0; c < it->row->n_cells; c++) {
            const cg_cell *cl = &it->row->cells[c];
            int s = cl->ranged ? cl->from : 0, e = cl->ranged ? cl->to : (int)cl->content->items->len;
            double y = 0;
            for (int k = s; k < e; k++) {
                const cg_vitem *ci = &g_array_index(cl->content->items, cg_vitem, k);
                g_ptr_array_set_size(sub, 0);
                if (ci->kind == VI_LINE && ci->line->footnotes)
                    for (guint f = 0; f < ci->line->footnotes->len; f++)
                        g_ptr_array_add(sub, ci->line->footnotes->pdata[f]);
                else if (ci->kind != VI_LINE)
                    nested_footnotes(ci, sub, depth + 1);
                for (guint f = 0; f < sub->len; f++) {
                    cell_fn cf = { y, c, seq++, sub->pdata[f] };
                    g_array_append_val(found, cf);
                }
                if (ci->kind == VI_LINE || ci->kind == VI_GAP || ci->kind == VI_ROW ||
                    ci->kind == VI_BOX || ci->kind == VI_SPACE)
                    y += ci->h;
            }
        }
        g_array_sort(found, cell_fn_cmp);
        for (guint f = 0; f < found->len; f++) {
            const cell_fn *cf = &g_array_index(found, cell_fn, f);
            g_ptr_array_add(out, cf->fn);
            h += cg_vlist_measure(cf->fn);
        }
        g_ptr_array_free(sub, TRUE);
        g_array_free(found, TRUE);
    } else if (it->kind == VI_ROW) {
        for (int c = 0; c < it->row->n_cells; c++) {
            const cg_cell *cl = &it->row->cells[c];
            int s = cl->ranged ? cl->from : 0, e = cl->ranged ? cl->to : (int)cl->content->items->len;
            h += list_footnotes(cl->content, s, e, out, depth + 1);
        }
    } else if ((it->kind == VI_OVERLAY || it->kind == VI_BOX || it->kind == VI_ABS) && it->sub)
        h += list_footnotes(it->sub, 0, (int)it->sub->items->len, out, depth + 1);
    return h;
}

/* ---- footnotes ----------------------------------------------------------- */

/* A footnote body still to be placed, from its item from on: a footnote that
 * does not fit goes on at the bottom of the next page, before the footnotes
 * cited there (as in FOP), so that none is ever lost. */
typedef struct {
    const cg_vlist *vl;
    int from;
} fn_part;

/* What breaking a page needs to know of footnotes: those carried over from
 * earlier pages and the height of the footnote separator. */
typedef struct {
    double pending_h;           /* height of the footnotes carried over */
    double pending_first;       /* height of the first piece of the first of them */
    double sep_h;               /* the xsl-footnote-separator on this page (0: none) */
} fn_ctx;

/* Height of the first piece of footnote body vl from item from: up to its
 * first legal break, else all of it. */
static double fn_first_piece(const cg_vlist *vl, int from)
{
    double y = 0, group = 0, bottom = 0;
    gboolean in_group = FALSE, started = FALSE;
    for (int k = from; k < (int)vl->items->len; k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        switch (it->kind) {
        case VI_SPACE:
            stack_space(it, started, &in_group, &group, &y);
            break;
        case VI_LINE: case VI_GAP: case VI_ROW: case VI_BOX: case VI_OVERLAY:
            if (it->kind == VI_GAP && it->h <= 0)
                break;
            bottom = MAX(bottom, y + it->h);
            if (it->kind != VI_OVERLAY)
                y += it->h;
            in_group = FALSE;
            started = TRUE;
            break;
        case VI_PENALTY:
            if (started && it->pen < CG_PEN_NEVER)
                return bottom;
            break;
        default:
            break;
        }
    }
    return bottom;
}

/* The least room the footnotes of a page need at a break (with the separator):
 * all of those carried over and of those cited before the last legal break,
 * except that (FOP's rules) at the first legal break of a page the carried-over
 * ones may be split or deferred (then only their first piece must fit), and
 * the footnotes cited since the last legal break may be split (only the first
 * piece of the first of them must fit). */
static double fn_need(const fn_ctx *fc, gboolean first_break, double prev, double new_h, double new_first)
{
    double old_h = fc ? fc->pending_h : 0, need;
    if (first_break && old_h > 0)
        need = fc->pending_first;
    else if (new_h > 0)
        need = old_h + prev + new_first;
    else
        need = old_h + prev;
    return need > 0 ? need + (fc ? fc->sep_h : 0) : 0;
}

/* The footnotes cited in item it (on a line or in nested lists), into out
 * (emptied first); returns their height. */
static double item_footnotes(const cg_vitem *it, GPtrArray *out)
{
    g_ptr_array_set_size(out, 0);
    if (it->kind == VI_LINE) {
        if (it->line->footnotes)
            for (guint f = 0; f < it->line->footnotes->len; f++)
                g_ptr_array_add(out, it->line->footnotes->pdata[f]);
    } else if (it->kind != VI_GAP && nested_footnotes(it, NULL, 0) > 0)
        nested_footnotes(it, out, 0);
    double h = 0;
    for (guint f = 0; f < out->len; f++)
        h += cg_vlist_measure(out->pdata[f]);
    return h;
}

/* The state of the search for a page's best break (find_break). */
typedef struct {
    cg_vlist *vl;
    int from;                   /* the page's first item */
    int n;                      /* the items known laid out */
    double avail;
    const fn_ctx *fc;
    GPtrArray *stack;           /* the blocks open */
    GPtrArray *itf;             /* the footnotes of an item */
    double y, group, content_y;
    /* footnotes cited on the page before the last legal break, and since */
    double fn_prev, fn_new, new_first;
    gboolean first_break, in_group, started;
    gboolean group_started;     /* started, at the first of the rows tied to this one */
    int best, best_pen;
    page_break r;
} break_scan;

/* Rows break across pages: at forced breaks in their cells, and where they
 * do not fit. Returns how many items the search goes back when the row at
 * item k was split (then it goes on there), else 0. */
static int scan_row_split(break_scan *S, int k, const cg_vitem *it)
{
    cg_vlist *vl = S->vl;
    double fn = fn_need(S->fc, S->first_break, S->fn_prev, S->fn_new, S->new_first);
    double room = S->avail - S->y - fn - footers_below(S->stack, it);
    int back = 0;
    gboolean over = S->y + it->h + fn + footers_below(S->stack, it) > S->avail + 0.01;
    if (tied_row(vl, k, -1, NULL) < S->from)
        S->group_started = S->started;  /* the first tied row on the page */
    if (row_has_forced(it->row) && split_row(vl, k, 0, TRUE, TRUE))
        back = 1;
    else if ((back = group_forced(vl, k, S->from, S->avail)) > 0)
        ;   /* rows tied by a spanning cell: at a forced break in a cell */
    /* a keep-together row taller than a whole page can never be
     * kept: split it rather than lose what overflows */
    else if (over && room > 1 && split_row(vl, k, room, FALSE, !S->started || it->h > S->avail))
        back = 1;
    else if (over)
        /* rows tied by a spanning cell: likewise as a whole (between
         * them even with no room left) */
        back = split_group(vl, k, S->from, MAX(0, room), S->avail, !S->group_started, 0);
    if (back > 0) {
        items_inserted(vl, k, NI(vl) - S->n);
        S->n = (int)vl->items->len;
    }
    return back;
}

/* An item that takes room (line, gap, row, box, overlay) at item *pk: it goes
 * on the page when it fits with its footnotes; else the page breaks at the
 * best break seen, or before it (returns TRUE, S->r set). A row split, or a
 * break made before it between tied rows, sets *pk where the search goes on. */
static gboolean scan_box(break_scan *S, int *pk, const cg_vitem *it)
{
    int k = *pk;
    if (it->kind == VI_GAP && it->h <= 0)
        return FALSE;
    if (it->kind == VI_ROW) {
        int back = scan_row_split(S, k, it);
        if (back > 0) {
            *pk = k - back;
            return FALSE;
        }
    }
    double item_fn = item_footnotes(it, S->itf);
    double item_new = S->fn_new + item_fn;
    double item_first = S->fn_new > 0 ? S->new_first : S->itf->len ? fn_first_piece(S->itf->pdata[0], 0) : 0;
    double need = fn_need(S->fc, S->first_break, S->fn_prev, item_new, item_first);
    double bottom = S->y + it->h;
    if (bottom + need + footers_below(S->stack, it) > S->avail + 0.01 && S->started) {
        int back;
        if (S->best < 0 && it->kind == VI_ROW &&
            (back = split_group(S->vl, k, S->from, -1, S->avail, TRUE, 0)) > 0) {
            /* no break before this row on the page, and it is tied to
             * the row before: break between them, not inside a cell */
            *pk = k - back;
            return FALSE;
        }
        /* Overflow: cut at the best break seen. */
        if (S->best >= 0) {
            S->r.brk = S->best;
            S->r.pen = S->best_pen;
        } else {
            S->r.brk = k;       /* no legal break: cut before this item anyway */
            S->r.pen = CG_PEN_NEVER;
        }
        return TRUE;
    }
    S->in_group = FALSE;
    if (it->kind != VI_OVERLAY)
        S->y = bottom;
    S->content_y = MAX(S->content_y, bottom);
    S->fn_new = item_new;
    S->new_first = item_first;
    if (!S->started && bottom > S->avail + 0.01)
        S->r.overflow = TRUE;
    S->started = TRUE;
    return FALSE;
}

/* An absolutely placed item: content on this page, though it takes no room;
 * but the footnotes cited in it take room at the bottom of the page. */
static void scan_abs(break_scan *S, const cg_vitem *it)
{
    S->started = TRUE;
    double abs_fn = item_footnotes(it, S->itf);
    if (abs_fn > 0) {
        if (S->fn_new <= 0)
            S->new_first = fn_first_piece(S->itf->pdata[0], 0);
        S->fn_new += abs_fn;
    }
}

/* A forced break at item *pk: between rows tied by a spanning cell, the cell
 * is cut there and goes on in the row after; after a table's last row, it is
 * moved after the table (the search going on from *pk); with only the ends of
 * blocks after it, none; else the page breaks there (returns TRUE, S->r set). */
static gboolean scan_forced(break_scan *S, int *pk, const cg_vitem *it)
{
    cg_vlist *vl = S->vl;
    int k = *pk;
    if (S->started) {
        int kr = k + 1;
        while (kr < NI(vl) && g_array_index(vl->items, cg_vitem, kr).kind == VI_PENALTY)
            kr++;
        if (is_row(vl, kr) && tied_row(vl, kr, -1, NULL) >= 0 &&
            split_group(vl, kr, S->from, -1, S->avail, TRUE, 0) > 0) {
            *pk = k - 1;
            return FALSE;
        }
    }
    int to = table_end_after(vl, k);
    if (to > k) {
        /* a break after the last row takes effect after the table */
        cg_vitem pen = *it;
        g_array_remove_index(vl->items, (guint)k);
        g_array_insert_val(vl->items, (guint)to - 1, pen);
        *pk = k - 1;
        return FALSE;
    }
    gboolean ends = S->started && only_ends_after(vl, k);
    /* only_ends_after may have laid out more of the flow: the items moved */
    it = &g_array_index(vl->items, cg_vitem, k);
    S->n = NI(vl);
    if (S->started && !ends) {
        S->r.brk = k;
        S->r.pen = 0;
        S->r.forced_kind = it->break_kind;
        return TRUE;
    }
    return FALSE;
}

/* A legal break (penalty it at item k, not forced): past it the footnotes
 * cited before it are no longer new; when what comes before it fits, it is
 * the best break so far unless its keep is stronger (among equals, the later). */
static void scan_legal(break_scan *S, int k, const cg_vitem *it)
{
    if (!S->started || it->pen >= CG_PEN_NEVER)
        return;
    gboolean fits = S->content_y + fn_need(S->fc, S->first_break, S->fn_prev, S->fn_new, S->new_first) +
                    open_tables_h(S->stack, FALSE) <= S->avail + 0.01;
    /* past a legal break, the footnotes cited before it are no longer new */
    S->first_break = FALSE;
    S->fn_prev += S->fn_new;
    S->fn_new = S->new_first = 0;
    if (!fits)
        return;
    /* Prefer weaker keeps; among equals, the later break. */
    if (it->pen <= S->best_pen || S->best_pen > 0) {
        if (it->pen <= S->best_pen) {
            S->best = k;
            S->best_pen = it->pen;
        }
    }
}

/* The best break of a page (or column) from item from in height avail, with
 * the footnotes cited on it and those carried over (fc, may be NULL). */
static page_break find_break(cg_vlist *vl, int from, double avail, GPtrArray *open_at_start, const fn_ctx *fc)
{
    break_scan S = { 0 };
    S.vl = vl;
    S.from = from;
    S.n = (int)vl->items->len;
    S.avail = avail;
    S.fc = fc;
    S.stack = g_ptr_array_new();
    for (guint i = 0; i < open_at_start->len; i++)
        g_ptr_array_add(S.stack, open_at_start->pdata[i]);
    S.y = open_tables_h(S.stack, TRUE);
    S.group = 0;
    S.content_y = S.y;
    S.first_break = TRUE;
    S.itf = g_ptr_array_new();
    S.best = -1;
    S.best_pen = G_MAXINT;
    S.r = (page_break){ S.n, S.n, 0, FALSE, 0 };
    for (int k = from;; k++) {
        if (k >= S.n) {
            if (at_end(vl, k))
                break;
            S.n = NI(vl);
        }
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        switch (it->kind) {
        case VI_SPACE:
            stack_space(it, S.started, &S.in_group, &S.group, &S.y);
            break;
        case VI_LINE: case VI_GAP: case VI_ROW: case VI_BOX: case VI_OVERLAY:
            if (scan_box(&S, &k, it))
                goto done;
            break;
        case VI_START:
            g_ptr_array_add(S.stack, it->blk);
            break;
        case VI_END:
            if (S.stack->len)
                g_ptr_array_remove_index(S.stack, S.stack->len - 1);
            break;
        case VI_ABS:
            scan_abs(&S, it);
            break;
        case VI_SPAN:
            S.r.brk = k;        /* the span changes: the caller goes on below */
            S.r.pen = 0;
            goto done;
        case VI_PENALTY:
            if (it->pen == CG_PEN_FORCE) {
                if (scan_forced(&S, &k, it))
                    goto done;
            } else
                scan_legal(&S, k, it);
            break;
        }
    }
    S.n = NI(vl);
    S.r.brk = S.n;
done:
    S.r.next = S.r.brk < S.n ? S.r.brk + 1 : S.n;
    if (S.r.brk < S.n && g_array_index(vl->items, cg_vitem, S.r.brk).kind != VI_PENALTY)
        S.r.next = S.r.brk;
    g_ptr_array_free(S.stack, TRUE);
    g_ptr_array_free(S.itf, TRUE);
    return S.r;
}

/* ---- the page loop ------------------------------------------------------- */

typedef struct {
    cg_layout *L;
    cg_page_sink sink;
    void *ctx;
    GHashTable *ids;
    int page_index;             /* document-wide */
} pager;

static void region_init(cg_region_out *ro, const char *name, const cg_fo *r, double x, double y, double w, double h)
{
    ro->name = name;
    ro->region = r;
    ro->x = x;
    ro->y = y;
    ro->w = w;
    ro->h = h;
    ro->placed = g_array_new(FALSE, FALSE, sizeof(cg_placed));
    ro->frags = g_array_new(FALSE, FALSE, sizeof(cg_frag));
}

static const cg_fo *static_for(const cg_fo *ps, cg_layout *L, const char *name)
{
    for (const cg_fo *c = ps->first; c; c = c->next)
        if (c->kind == FO_STATIC_CONTENT) {
            const char *fn = cg_fo_attr(L->t, c, "flow-name");
            if (fn && !strcmp(fn, name))
                return c;
        }
    return NULL;
}

/* Lay out and place the static content of the side regions of a page. Their
 * vertical lists are returned in keep (freed after the page is drawn). */
static void place_static(pager *G, const cg_fo *ps, const geometry *g, cg_page *pg, GPtrArray *keep)
{
    cg_layout *L = G->L;
    for (int k = 1; k < 5; k++) {
        if (!g->regions[k])
            continue;
        const char *name = region_name(L, g->regions[k], k);
        const cg_fo *sc = static_for(ps, L, name);
        cg_region_out *ro = &pg->regions[pg->n_regions++];
        region_init(ro, name, g->regions[k], g->rx[k], g->ry[k], g->rw[k], g->rh[k]);
        if (!sc)
            continue;
        L->page_number = pg->number_text;
        cg_vlist *vl = cg_layout_blocks(L, sc, g->rw[k]);
        L->page_number = NULL;
        g_ptr_array_add(keep, vl);
        double h = vl->height;
        double y = g->ry[k];
        int da = g->regions[k]->p->i.display_align;
        if (da == CG_DA_CENTER) y += MAX(0, (g->rh[k] - h) / 2);
        else if (da == CG_DA_AFTER) y += MAX(0, g->rh[k] - h);
        placer P = { L, ro, NULL, pg->index, pg->number_text, FALSE, g_array_new(FALSE, FALSE, sizeof(int)), 0, FALSE, FALSE, FALSE };
        place_list(&P, vl, 0, (int)vl->items->len, g->rx[k], &y);
        while (P.open->len)
            close_frag(&P, y, TRUE);
        g_array_free(P.open, TRUE);
    }
}

static void page_free(cg_page *pg)
{
    for (int k = 0; k < pg->n_regions; k++) {
        g_array_free(pg->regions[k].placed, TRUE);
        g_array_free(pg->regions[k].frags, TRUE);
    }
    g_free(pg->number_text);
}

static int initial_number(cg_layout *L, const cg_fo *ps, int next)
{
    const char *v = cg_fo_attr(L->t, ps, "initial-page-number");
    if (!v || !strcmp(v, "auto"))
        return next;
    if (!strcmp(v, "auto-odd"))
        return next % 2 ? next : next + 1;
    if (!strcmp(v, "auto-even"))
        return next % 2 ? next + 1 : next;
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < 0 || n > 1000000000) {
        cg_xml_diag(L->d, CG_WARNING, ps->xml, "invalid initial-page-number '%s' ignored", v);
        return next;
    }
    return (int)n;
}

/* ---- filling a page: bands of one column or several ---------------------- */

/* Update the stack of open blocks (cg_block*) over items [from, to). */
static void advance_open(const cg_vlist *vl, int from, int to, GPtrArray *open)
{
    for (int k = from; k < to; k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        if (it->kind == VI_START)
            g_ptr_array_add(open, it->blk);
        else if (it->kind == VI_END && open->len)
            g_ptr_array_remove_index(open, open->len - 1);
    }
}

static GPtrArray *copy_stack(GPtrArray *a)
{
    GPtrArray *c = g_ptr_array_sized_new(a->len);
    for (guint i = 0; i < a->len; i++)
        g_ptr_array_add(c, a->pdata[i]);
    return c;
}

/* Place items [from, to) at (x, *y) as one column of the page: the blocks open
 * at its start continue, with their tables' headers repeated; the footers of
 * tables still open at its end are repeated. open follows the items; footnotes
 * cited are appended to fns (may be NULL). */
static void place_column(placer *Pp, const cg_vlist *vl, int from, int to, GPtrArray *open,
                         double x, double *y, GPtrArray *fns)
{
    int n = (int)vl->items->len;
    placer P = *Pp;
    P.open = g_array_new(FALSE, FALSE, sizeof(int));
    P.in_group = FALSE;
    P.started = FALSE;
    for (guint k = 0; k < open->len; k++)
        open_frag(&P, open->pdata[k], x, *y, FALSE);
    for (guint k = 0; k < open->len; k++) {
        const cg_block *b = open->pdata[k];
        if (b->is_table && b->header && !b->omit_header_at_break) {
            placer H = P;
            H.tagged = FALSE;
            H.started = FALSE;
            H.in_group = FALSE;
            place_list(&H, b->header, 0, (int)b->header->items->len, x, y);
            P.started = TRUE;
        }
    }
    for (int k = from; k < to; k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        if (it->kind == VI_START)
            g_ptr_array_add(open, it->blk);
        else if (it->kind == VI_END && open->len)
            g_ptr_array_remove_index(open, open->len - 1);
        else if (it->kind == VI_LINE && it->line->footnotes && fns)
            for (guint f = 0; f < it->line->footnotes->len; f++)
                g_ptr_array_add(fns, it->line->footnotes->pdata[f]);
        else if (fns && (it->kind == VI_ROW || it->kind == VI_OVERLAY || it->kind == VI_BOX ||
                         it->kind == VI_ABS))
            nested_footnotes(it, fns, 0);
        place_item(&P, it, x, y);
    }
    /* Repeated footers of tables still open, innermost last. */
    if (to < n && g_array_index(vl->items, cg_vitem, to).kind != VI_SPAN)
        for (guint k = 0; k < open->len; k++) {
            const cg_block *b = open->pdata[k];
            if (b->is_table && b->footer && !b->omit_footer_at_break) {
                placer F = P;
                F.tagged = FALSE;
                F.in_group = FALSE;
                place_list(&F, b->footer, 0, (int)b->footer->items->len, x, y);
            }
        }
    while (P.open->len)
        close_frag(&P, *y, FALSE);
    g_array_free(P.open, TRUE);
}

/* State of the flow between pages. */
typedef struct {
    int pos;                    /* next item */
    gboolean in_all;            /* multi-column flows: span="all" content at pos */
    GPtrArray *open;            /* cg_block* open at pos */
} flow_state;

/* Does the column content from pos up to the next span change fit in ncol
 * columns of height h? */
static gboolean columns_fit(cg_vlist *vl, int pos, GPtrArray *open0, int ncol, double h)
{
    GPtrArray *open = copy_stack(open0);
    gboolean fit = FALSE;
    for (int c = 0; c < ncol && !at_end(vl, pos); c++) {
        page_break br = find_break(vl, pos, h, open, NULL);
        if (br.overflow)
            break;
        advance_open(vl, pos, br.next, open);
        pos = br.next;
        if (at_end(vl, pos) || g_array_index(vl->items, cg_vitem, pos).kind == VI_SPAN) {
            fit = TRUE;
            break;
        }
        if (br.forced_kind && br.forced_kind != CG_BREAK_COLUMN)
            break;
    }
    g_ptr_array_free(open, TRUE);
    return fit;
}

/* The least height (within 0.05pt) at which the content from pos up to the
 * next change of span fits in ncol columns; hi: a height at which it fits. */
static double balanced_height(cg_vlist *vl, int pos, GPtrArray *open, int ncol, double hi)
{
    double lo = 0;
    for (int it = 0; it < 24 && hi - lo > 0.05; it++) {
        double mid = (lo + hi) / 2;
        if (columns_fit(vl, pos, open, ncol, mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* Fill the body of one page from st, in bands: span="all" content (or all
 * content of a one-column body) across the body, column content in columns,
 * the columns before a change to span="all" balanced. P NULL: a dry run
 * (only st moves). Returns the break that ended the page. */
static page_break fill_page(placer *P, cg_vlist *vl, const geometry *g, flow_state *st,
                            GPtrArray *fns, const fn_ctx *fc)
{
    page_break last = { NI(vl), NI(vl), 0, FALSE, 0 };
    gboolean overflow = FALSE;
    double y = g->by;
    double band_fn = 0;         /* footnotes cited in the bands above: the room they take */
    cg_region_out scratch;
    placer dry;
    if (!P) {
        memset(&scratch, 0, sizeof scratch);
        scratch.placed = g_array_new(FALSE, FALSE, sizeof(cg_placed));
        scratch.frags = g_array_new(FALSE, FALSE, sizeof(cg_frag));
        memset(&dry, 0, sizeof dry);
        dry.ro = &scratch;
        P = &dry;
    }
    for (;;) {
        while (!at_end(vl, st->pos) && g_array_index(vl->items, cg_vitem, st->pos).kind == VI_SPAN) {
            st->in_all = g_array_index(vl->items, cg_vitem, st->pos).pen != 0;
            st->pos++;
        }
        if (at_end(vl, st->pos))
            break;
        double avail = g->bh - (y - g->by) - band_fn;
        if (band_fn > 0 && fc && fc->pending_h <= 0)
            avail -= fc->sep_h;
        gboolean first_band = y <= g->by + 0.001;
        int band_from = st->pos;
        int ncol = st->in_all ? 1 : g->ncol;
        double h = avail;
        gboolean balance = FALSE;
        if (ncol > 1 && columns_fit(vl, st->pos, st->open, ncol, avail)) {
            /* All fits before the span changes (or the flow ends): balance
             * the columns when span="all" content follows. */
            int k = st->pos;
            while (!at_end(vl, k) && g_array_index(vl->items, cg_vitem, k).kind != VI_SPAN)
                k++;
            if (!at_end(vl, k)) {
                h = balanced_height(vl, st->pos, st->open, ncol, avail);
                balance = TRUE;
            }
        }
        double bottom = y;
        gboolean page_ends = FALSE, band_ends = FALSE;
        for (int c = 0; c < ncol && !at_end(vl, st->pos); c++) {
            /* Balancing: each column is filled only as far as lets the columns
             * after it share the rest evenly (the first ones are not filled to
             * the brim at the expense of the last), as in Apache FOP. */
            if (balance && c > 0)
                h = balanced_height(vl, st->pos, st->open, ncol - c, h);
            page_break br = find_break(vl, st->pos, h, st->open, fc);
            if (br.overflow && !first_band && c == 0) {
                /* Not even the first item fits below the bands above. */
                last = br;
                last.brk = last.next = st->pos;
                last.overflow = FALSE;
                page_ends = TRUE;
                break;
            }
            overflow |= br.overflow;
            double cy = y;
            /* columns progress from the start edge: the right one in rl-tb */
            int vc = g->rtl ? ncol - 1 - c : c;
            double cx = g->bx + (ncol > 1 ? (double)vc * (g->colw + g->gap) : 0);
            place_column(P, vl, st->pos, br.brk, st->open, cx, &cy, fns);
            if (br.next > br.brk)
                advance_open(vl, br.brk, br.next, st->open);
            bottom = MAX(bottom, cy);
            st->pos = br.next;
            last = br;
            if (at_end(vl, st->pos) || g_array_index(vl->items, cg_vitem, st->pos).kind == VI_SPAN) {
                band_ends = TRUE;
                break;
            }
            if (br.forced_kind && !(br.forced_kind == CG_BREAK_COLUMN && ncol > 1)) {
                page_ends = TRUE;
                break;
            }
        }
        if (page_ends || !band_ends || at_end(vl, st->pos))
            break;
        y = bottom;
        band_fn += list_footnotes(vl, band_from, st->pos, NULL, 0);
    }
    if (P == &dry) {
        g_array_free(scratch.placed, TRUE);
        g_array_free(scratch.frags, TRUE);
    }
    last.overflow = overflow;
    if (last.forced_kind == CG_BREAK_COLUMN)
        last.forced_kind = CG_BREAK_PAGE;
    return last;
}

/* The flow is laid out as pagination reads it, a piece at a time
 * (cg_flow_feed: a child of the flow, or of a block holding blocks, laid out
 * whole; or the opening or closing of such a block), and what finished pages
 * needed is freed:
 *
 * - the paragraphs (text, glyphs) of the flow's lines and the contents of its
 *   table rows once every page that shows them is drawn (release_done), so
 *   that a child spanning many pages (a long table) is freed as it goes;
 * - whole pieces once pagination has gone past them: their items are
 *   removed from the front of the list with all they own (drop_done), so
 *   that memory follows the open pages, not the whole page sequence.
 *
 * Items before pos never move (row splitting inserts after it); a
 * paragraph's lines are consecutive, and the pieces of a split row follow
 * one another (all but the last are cont_after). Blocks open at pos belong to
 * the piece that holds pos (pieces laid out whole are balanced), or to the
 * feed (the blocks it opened, kept until the page-sequence ends). Indexes below are
 * absolute: counted from the start of the flow, before anything was dropped. */
typedef struct {
    int items, owned, paras, lists, arrays;   /* lengths of vl's arrays */
} flow_mark;

typedef struct {
    cg_flow_feed *feed;         /* owns the blocks open across children: freed after vl */
    gboolean done;              /* the whole flow is laid out */
    GArray *marks;              /* flow_mark at the end of each child laid out, oldest first */
    flow_mark base;             /* what was dropped from the front of vl's arrays */
} flow_src;

static void mark_now(const cg_vlist *vl, const flow_src *F, flow_mark *m)
{
    m->items = (int)vl->items->len + F->base.items;
    m->owned = (int)vl->owned->len + F->base.owned;
    m->paras = (int)vl->owned_paras->len + F->base.paras;
    m->lists = (int)vl->owned_lists->len + F->base.lists;
    m->arrays = (int)vl->owned_arrays->len + F->base.arrays;
}

static gboolean flow_more(void *ctx, cg_vlist *vl)
{
    flow_src *F = ctx;
    if (F->done || !F->feed || !cg_flow_feed_next(F->feed, vl)) {
        F->done = TRUE;
        return FALSE;
    }
    flow_mark m;
    mark_now(vl, F, &m);
    g_array_append_val(F->marks, m);
    return TRUE;
}

/* Row splitting inserted count items after item k of the flow. */
static void items_inserted(cg_vlist *vl, int k, int count)
{
    flow_src *F = vl->more == flow_more ? vl->more_ctx : NULL;
    if (!F || count <= 0)
        return;
    for (guint i = 0; i < F->marks->len; i++) {
        flow_mark *m = &g_array_index(F->marks, flow_mark, i);
        if (m->items > k + F->base.items)
            m->items += count;
    }
}

typedef struct {
    int upto;                   /* items before it are released */
    int scanned;                /* items before it were looked at for table headers */
    int reg_paras, reg_lists;   /* owned paragraphs and lists registered below */
    GHashTable *paras;          /* cg_para* -> absolute index + 1 in vl->owned_paras */
    GHashTable *lists;          /* cg_vlist* -> absolute index + 1 in vl->owned_lists */
} releaser;

static void release_init(releaser *R)
{
    memset(R, 0, sizeof *R);
    R->paras = g_hash_table_new(g_direct_hash, g_direct_equal);
    R->lists = g_hash_table_new(g_direct_hash, g_direct_equal);
}

static void release_clear(releaser *R)
{
    g_hash_table_destroy(R->paras);
    g_hash_table_destroy(R->lists);
}

/* Register what was laid out since the last call. */
static void release_scan(releaser *R, const cg_vlist *vl, const flow_mark *base)
{
    for (int i = R->reg_paras - base->paras; i < (int)vl->owned_paras->len; i++)
        g_hash_table_insert(R->paras, vl->owned_paras->pdata[i], GINT_TO_POINTER(i + base->paras + 1));
    R->reg_paras = (int)vl->owned_paras->len + base->paras;
    for (int i = R->reg_lists - base->lists; i < (int)vl->owned_lists->len; i++)
        g_hash_table_insert(R->lists, vl->owned_lists->pdata[i], GINT_TO_POINTER(i + base->lists + 1));
    R->reg_lists = (int)vl->owned_lists->len + base->lists;
    /* Table headers and footers are repeated on later pages: the rows that show
     * them first share their cells' contents. */
    for (int k = MAX(0, R->scanned - base->items); k < NI(vl); k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        if (it->kind != VI_START || !it->blk || !it->blk->is_table)
            continue;
        const cg_vlist *hf[2] = { it->blk->header, it->blk->footer };
        for (int h = 0; h < 2; h++)
            for (int j = 0; hf[h] && j < (int)hf[h]->items->len; j++) {
                const cg_vitem *r = &g_array_index(hf[h]->items, cg_vitem, j);
                if (r->kind == VI_ROW && r->row)
                    for (int c = 0; c < r->row->n_cells; c++)
                        g_hash_table_remove(R->lists, r->row->cells[c].content);
            }
    }
    R->scanned = NI(vl) + base->items;
}

static void release_done(releaser *R, cg_vlist *vl, const flow_mark *base, int pos)
{
    release_scan(R, vl, base);
    const cg_para *keep = NULL;
    for (int k = pos; k < NI(vl); k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        if (it->kind == VI_LINE) {
            keep = it->line->para;
            break;
        }
        if (it->kind == VI_ROW || it->kind == VI_OVERLAY || it->kind == VI_BOX)
            break;
    }
    for (int k = MAX(0, R->upto - base->items); k < pos && k < NI(vl); k++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, k);
        if (it->kind == VI_LINE && it->line->para && it->line->para != keep) {
            int i = GPOINTER_TO_INT(g_hash_table_lookup(R->paras, it->line->para)) - 1 - base->paras;
            if (i >= 0) {
                g_hash_table_remove(R->paras, it->line->para);
                cg_para_free(vl->owned_paras->pdata[i]);
                vl->owned_paras->pdata[i] = NULL;
            }
        } else if (it->kind == VI_ROW && it->row && !it->row->cont_after) {
            for (int c = 0; c < it->row->n_cells; c++) {
                cg_vlist *cv = it->row->cells[c].content;
                int i = cv ? GPOINTER_TO_INT(g_hash_table_lookup(R->lists, cv)) - 1 - base->lists : -1;
                if (i >= 0) {
                    g_hash_table_remove(R->lists, cv);
                    cg_vlist_free(cv);
                    vl->owned_lists->pdata[i] = NULL;
                }
            }
        }
    }
    if (pos + base->items > R->upto)
        R->upto = pos + base->items;
}

/* Drop the children of the flow that end at or before item *pos (a page
 * boundary, its page drawn) with everything they own; *pos follows. */
static void drop_done(flow_src *F, releaser *R, cg_vlist *vl, int *pos)
{
    guint n = 0;
    while (n < F->marks->len && g_array_index(F->marks, flow_mark, n).items <= *pos + F->base.items)
        n++;
    if (!n)
        return;
    flow_mark m = g_array_index(F->marks, flow_mark, n - 1);
    g_array_remove_range(F->marks, 0, n);
    for (int i = 0; i < m.paras - F->base.paras; i++)
        if (vl->owned_paras->pdata[i])
            g_hash_table_remove(R->paras, vl->owned_paras->pdata[i]);
    for (int i = 0; i < m.lists - F->base.lists; i++)
        if (vl->owned_lists->pdata[i])
            g_hash_table_remove(R->lists, vl->owned_lists->pdata[i]);
    int d = m.items - F->base.items;
    g_array_remove_range(vl->items, 0, (guint)d);
    g_ptr_array_remove_range(vl->owned_arrays, 0, (guint)(m.arrays - F->base.arrays));
    g_ptr_array_remove_range(vl->owned_lists, 0, (guint)(m.lists - F->base.lists));
    g_ptr_array_remove_range(vl->owned_paras, 0, (guint)(m.paras - F->base.paras));
    g_ptr_array_remove_range(vl->owned, 0, (guint)(m.owned - F->base.owned));
    F->base = m;
    *pos -= d;
}

/* Returns the number the next page-sequence would start with. */
/* force-page-count (XSL 1.1 §7.27.6) of page-sequence ps, which has n pages
 * ending with number last: TRUE when one blank page must be added. auto
 * follows the next page-sequence's initial-page-number (odd: end on even). */
static gboolean force_blank_page(cg_layout *L, const cg_fo *ps, int n, int last)
{
    const char *v = cg_fo_attr(L->t, ps, "force-page-count");
    if (!v || !strcmp(v, "auto")) {
        const cg_fo *nx = ps->next;
        while (nx && nx->kind != FO_PAGE_SEQUENCE)
            nx = nx->next;
        const char *ip = nx ? cg_fo_attr(L->t, nx, "initial-page-number") : NULL;
        if (!ip || !strcmp(ip, "auto"))
            return FALSE;
        int next_odd;
        if (!strcmp(ip, "auto-odd"))
            next_odd = 1;
        else if (!strcmp(ip, "auto-even"))
            next_odd = 0;
        else {
            char *end;
            long k = strtol(ip, &end, 10);
            if (*end || k < 0)
                return FALSE;
            next_odd = (int)(k % 2);
        }
        /* the next sequence starts odd: this one ends on an even page */
        return next_odd ? last % 2 != 0 : last % 2 == 0;
    }
    if (!strcmp(v, "even")) return n % 2 != 0;
    if (!strcmp(v, "odd")) return n % 2 == 0;
    if (!strcmp(v, "end-on-even")) return last % 2 != 0;
    if (!strcmp(v, "end-on-odd")) return last % 2 == 0;
    return FALSE;
}

/* Footnotes carried over to the next page: their height and the height of
 * the first piece of the first of them. */
static void pending_ctx(const GArray *pending, fn_ctx *fc)
{
    fc->pending_h = fc->pending_first = 0;
    for (guint i = 0; i < pending->len; i++) {
        const fn_part *fp = &g_array_index(pending, fn_part, i);
        fc->pending_h += cg_vlist_measure_range(fp->vl, fp->from, (int)fp->vl->items->len);
    }
    if (pending->len) {
        const fn_part *fp = &g_array_index(pending, fn_part, 0);
        fc->pending_first = fn_first_piece(fp->vl, fp->from);
    }
}

/* Items [from, to) of footnote body vl at (x, *y): a piece of a footnote split
 * across pages has the blocks open at its ends continued (without borders
 * there), each piece tagged on its own page. */
static void place_fn_piece(placer *P, const cg_vlist *vl, int from, int to, double x, double *y)
{
    int n = (int)vl->items->len;
    placer FN = *P;
    FN.in_group = FALSE;
    FN.started = FALSE;
    FN.piece = from > 0 || to < n;
    guint base = FN.open->len;
    if (from > 0) {
        GPtrArray *st = g_ptr_array_new();
        for (int i = 0; i < from; i++) {
            const cg_vitem *it = &g_array_index(vl->items, cg_vitem, i);
            if (it->kind == VI_START)
                g_ptr_array_add(st, it->blk);
            else if (it->kind == VI_END && st->len)
                g_ptr_array_remove_index(st, st->len - 1);
        }
        for (guint i = 0; i < st->len; i++)
            open_frag(&FN, st->pdata[i], x, *y, FALSE);
        g_ptr_array_free(st, TRUE);
    }
    double y0 = *y;
    place_list(&FN, vl, from, to, x, y);
    *y = y0 + cg_vlist_measure_range(vl, from, to);
    while (FN.open->len > base)
        close_frag(&FN, *y, to >= n);
}

/* Place the footnotes of a page at the bottom of its body, below its content
 * (which ends at y), under the separator sep (may be NULL): first those
 * carried over (pending), then those cited on the page (fns), in order, as
 * far as they fit, a footnote being split at a legal break between its lines;
 * the rest stays in pending, in order, for the next pages. On a page with no
 * other content at least one piece is placed (overflowing if it must), so
 * that the footnote pages that follow the flow always progress. */
static void place_footnotes(placer *P, const geometry *g, double y, GArray *pending, GPtrArray *fns,
                            const cg_vlist *sep)
{
    for (guint f = 0; f < fns->len; f++) {
        fn_part fp = { fns->pdata[f], 0 };
        g_array_append_val(pending, fp);
    }
    if (!pending->len)
        return;
    double sep_h = sep ? sep->height : 0;
    double room = g->by + g->bh - y - sep_h;
    gboolean empty = y <= g->by + 0.01;
    /* How much of each part fits: parts [0, whole) whole, then part `whole`
     * up to item cut_to (when cut_to > its from; the rest from cut_next). */
    double used = 0;
    guint whole = 0;
    int cut_to = -1, cut_next = -1;
    for (; whole < pending->len; whole++) {
        const fn_part *fp = &g_array_index(pending, fn_part, whole);
        int n = (int)fp->vl->items->len;
        double full = cg_vlist_measure_range(fp->vl, fp->from, n);
        if (used + full <= room + 0.01) {
            used += full;
            continue;
        }
        int next, forced;
        double h;
        int to = cell_cut(fp->vl, fp->from, n, MAX(0, room - used), &next, &h, &forced);
        if (to <= fp->from && empty && whole == 0) {
            /* nothing fits on an empty page: its first piece overflows */
            to = cell_cut(fp->vl, fp->from, n, fn_first_piece(fp->vl, fp->from), &next, &h, &forced);
            if (to <= fp->from)
                to = next = n;
        }
        if (to > fp->from) {
            cut_to = to;
            cut_next = next;
            used += cg_vlist_measure_range(fp->vl, fp->from, to);
        }
        break;
    }
    if (whole == 0 && cut_to < 0)
        return;                 /* none fits: all wait for the next page */
    double fy = MAX(y, g->by + g->bh - sep_h - used);
    if (sep) {
        placer S = *P;
        S.tagged = FALSE;
        S.in_group = FALSE;
        S.started = FALSE;
        guint base = S.open->len;
        double y0 = fy;
        place_list(&S, sep, 0, (int)sep->items->len, g->bx, &fy);
        fy = y0 + sep_h;
        while (S.open->len > base)
            close_frag(&S, fy, TRUE);
    }
    for (guint i = 0; i < whole; i++) {
        const fn_part *fp = &g_array_index(pending, fn_part, i);
        place_fn_piece(P, fp->vl, fp->from, (int)fp->vl->items->len, g->bx, &fy);
    }
    if (cut_to >= 0) {
        fn_part *fp = &g_array_index(pending, fn_part, whole);
        place_fn_piece(P, fp->vl, fp->from, cut_to, g->bx, &fy);
        fp->from = cut_next;
        if (fp->from >= (int)fp->vl->items->len)
            whole++;
    }
    g_array_remove_range(pending, 0, whole);
}

/* The flow's flow-name names region (default xsl-region-body), or names the
 * region-body of no page master at all (then it flows into every body). */
static gboolean flow_maps_to(cg_layout *L, const cg_fo *flow, const char *region)
{
    const char *fn = cg_fo_attr(L->t, flow, "flow-name");
    if (!fn || !region || !strcmp(fn, region))
        return TRUE;
    const cg_fo *lms = cg_fo_child(L->t->root, FO_LAYOUT_MASTER_SET);
    for (const cg_fo *c = lms ? lms->first : NULL; c; c = c->next) {
        const cg_fo *rb = c->kind == FO_SIMPLE_PAGE_MASTER ? cg_fo_child(c, FO_REGION_BODY) : NULL;
        if (rb && !strcmp(fn, region_name(L, rb, 0)))
            return FALSE;
    }
    return TRUE;
}

/* A page-sequence being paginated: what its pages share. */
typedef struct {
    pager *G;
    cg_layout *L;
    const cg_fo *ps, *flow;
    const char *format;
    geometry g0;                /* the first page that takes the flow */
    double width;               /* the flow's width: g0's region-body's */
    cg_vlist *vl;
    flow_src fsrc;
    flow_state st;
    releaser rel;
    int i, number;              /* the page's index in the sequence, its number */
    gboolean blank_next, trailing_last;
    int unmapped_run;           /* pages in a row whose region-body is not the flow's */
    /* footnotes that did not fit on their page, placed on the next ones */
    GArray *pending;
    const cg_fo *sep_fo;
} sequence;

/* The geometry of the first page that takes the flow (*g0): the flow is set
 * at its width; leading pages whose region-body is another (a cover page)
 * get none of it. */
static void first_flow_geometry(cg_layout *L, const cg_fo *ps, const cg_fo *flow, int number, geometry *g0)
{
    geometry_of(L, cg_select_master(L, ps, 0, number, FALSE, FALSE), g0);
    for (int k = 1; flow && k < 8 && !flow_maps_to(L, flow, region_name(L, g0->regions[0], 0)); k++)
        geometry_of(L, cg_select_master(L, ps, k, number + k, FALSE, FALSE), g0);
}

/* The page's master (returned) and geometry (*g), the flow's columns kept at
 * the first page's. If the rest fits on this page, it is the last; its master
 * may differ: that one when the rest fits on it too, else *last_unused. */
static const cg_fo *page_geometry(sequence *S, geometry *g, gboolean *last_unused)
{
    cg_layout *L = S->L;
    const cg_fo *spm = cg_select_master(L, S->ps, S->i, S->number, S->trailing_last, S->blank_next);
    *last_unused = FALSE;
    geometry_of(L, spm, g);
    if (g->ncol != S->g0.ncol || fabs(g->colw - S->g0.colw) > 0.5) {
        /* The flow is set at the first page's column width. */
        g->ncol = S->g0.ncol;
        g->colw = S->g0.colw;
        g->gap = S->g0.gap;
    }
    if (S->blank_next)
        return spm;
    const cg_fo *lspm = cg_select_master(L, S->ps, S->i, S->number, TRUE, FALSE);
    if (lspm == spm)
        return spm;
    fn_ctx dfc = { 0, 0, 0 };
    pending_ctx(S->pending, &dfc);
    flow_state t = { S->st.pos, S->st.in_all, copy_stack(S->st.open) };
    fill_page(NULL, S->vl, g, &t, NULL, &dfc);
    /* (footnotes carried over taller than the body need more pages) */
    if (at_end(S->vl, t.pos) && dfc.pending_h <= g->bh) {
        geometry gl;
        geometry_of(L, lspm, &gl);
        gl.ncol = g->ncol; gl.colw = g->colw; gl.gap = g->gap;
        flow_state u = { S->st.pos, S->st.in_all, copy_stack(S->st.open) };
        fill_page(NULL, S->vl, &gl, &u, NULL, &dfc);
        if (at_end(S->vl, u.pos)) {
            *g = gl;
            spm = lspm;
        } else
            *last_unused = TRUE;
        g_ptr_array_free(u.open, TRUE);
    }
    g_ptr_array_free(t.open, TRUE);
    return spm;
}

/* The page pg of master spm: its index, number and size, and its body region
 * (returned). */
static cg_region_out *page_start(sequence *S, cg_page *pg, const cg_fo *spm, const geometry *g)
{
    cg_layout *L = S->L;
    pg->index = S->G->page_index;
    pg->number = S->number;
    pg->number_text = cg_format_page_number(S->number, S->format);
    pg->master = spm ? cg_fo_attr(L->t, spm, "master-name") : "default";
    pg->w = g->pw;
    pg->h = g->ph;
    cg_region_out *body = &pg->regions[pg->n_regions++];
    region_init(body, region_name(L, g->regions[0], 0), g->regions[0], g->bx, g->by, g->bw, g->bh);
    return body;
}

/* Warns when the page's body overflowed, or its break went against a keep or
 * split what must not break. */
static void warn_break(sequence *S, const page_break *br, const geometry *g, const cg_page *pg)
{
    cg_layout *L = S->L;
    if (br->overflow)
        cg_layout_warn_once(L, S->flow, "content taller than the page body (%.2fpt) is set overflowing on page %s",
                            g->bh, pg->number_text);
    else if (br->pen > 0 && br->pen < CG_PEN_NEVER && br->brk < NI(S->vl))
        cg_layout_warn_once(L, S->flow, "a keep (keep-together, keep-with-next/previous, widows or orphans) "
                            "could not be satisfied at the end of page %s", pg->number_text);
    else if (br->pen >= CG_PEN_NEVER && br->brk < NI(S->vl))
        cg_layout_warn_once(L, S->flow, "content that must not break was split at the end of page %s",
                            pg->number_text);
}

/* Where the content placed in the body region ends (at least at by). */
static double body_bottom(const cg_region_out *body, double by)
{
    double y = by;
    for (guint k = 0; k < body->placed->len; k++) {
        const cg_placed *pl = &g_array_index(body->placed, cg_placed, k);
        if (pl->kind == PL_LINE)
            y = MAX(y, pl->y + pl->line->height);
    }
    for (guint k = 0; k < body->frags->len; k++)
        y = MAX(y, g_array_index(body->frags, cg_frag, k).y1);
    return y;
}

/* The page's content: the body (continued blocks, repeated headers, items,
 * footers) and the footnotes at its bottom, unless the page is blank or its
 * region-body is not the flow's, then the static regions; the page goes to
 * the sink. Returns the break the body ends at. */
static page_break page_content(sequence *S, cg_page *pg, cg_region_out *body, const geometry *g)
{
    cg_layout *L = S->L;
    placer P = { L, body, S->G->ids, pg->index, pg->number_text, TRUE,
                 g_array_new(FALSE, FALSE, sizeof(int)), 0, FALSE, FALSE, FALSE };
    /* the page-sequence's id spans all its pages (page-number-citation-last) */
    note_id(&P, S->ps->id, g->by, S->i == 0, TRUE);
    GPtrArray *fns = g_ptr_array_new();
    page_break br = { S->st.pos, S->st.pos, 0, FALSE, 0 };
    /* A page whose region-body is not the flow's gets none of it (FOP:
     * simple-page-master_unmapped_flow-name); a few in a row at most. */
    gboolean unmapped = S->flow && !S->blank_next && S->unmapped_run < 8 &&
                        !flow_maps_to(L, S->flow, region_name(L, g->regions[0], 0));
    S->unmapped_run = unmapped ? S->unmapped_run + 1 : 0;
    /* The footnote separator, laid out on each page (it may hold its number). */
    GPtrArray *keep = g_ptr_array_new_with_free_func((GDestroyNotify)cg_vlist_free);
    cg_vlist *sep = NULL;
    if (S->sep_fo) {
        L->page_number = pg->number_text;
        sep = cg_layout_blocks(L, S->sep_fo, g->bw);
        L->page_number = NULL;
        g_ptr_array_add(keep, sep);
    }
    fn_ctx fc = { 0, 0, sep ? sep->height : 0 };
    pending_ctx(S->pending, &fc);
    if (!S->blank_next && !unmapped)
        br = fill_page(&P, S->vl, g, &S->st, fns, &fc);
    warn_break(S, &br, g, pg);
    double y = body_bottom(body, g->by);
    /* Footnotes at the bottom of the body. */
    if (!S->blank_next && !unmapped)    /* blank pages and others' bodies take none */
        place_footnotes(&P, g, y, S->pending, fns, sep);
    g_ptr_array_free(fns, TRUE);
    g_array_free(P.open, TRUE);

    place_static(S->G, S->ps, g, pg, keep);
    if (S->G->sink)
        S->G->sink(S->G->ctx, L, pg);
    page_free(pg);
    g_ptr_array_free(keep, TRUE);
    return br;
}

/* The sequence's next page (blank when S->blank_next), made and handed to the
 * sink, and what the flow no longer needs released. Returns the break its
 * body ends at; *last_unused: as page_geometry. */
static page_break sequence_page(sequence *S, gboolean *last_unused)
{
    cg_layout *L = S->L;
    geometry g;
    const cg_fo *spm = page_geometry(S, &g, last_unused);
    if (fabs(g.bw - S->width) > 0.5 && !S->blank_next && S->flow &&
        flow_maps_to(L, S->flow, region_name(L, g.regions[0], 0)))
        cg_layout_warn_once(L, spm, "region-body widths differ between the page masters of a page-sequence; "
                            "the flow is set at the width of the first page (%.2fpt)", S->width);
    cg_page pg = { 0 };
    cg_region_out *body = page_start(S, &pg, spm, &g);
    page_break br = page_content(S, &pg, body, &g);
    if (!S->pending->len) {     /* a footnote carried over may be a table cell's */
        release_done(&S->rel, S->vl, &S->fsrc.base, S->st.pos);
        drop_done(&S->fsrc, &S->rel, S->vl, &S->st.pos);
    }
    return br;
}

/* Whether a blank page comes next (S->blank_next), after a page that was not
 * blank and whose body ended at break br: even-page / odd-page breaks may
 * need one first; the sequence's force-page-count may; and when the rest did
 * not fit on the page-position="last" master (last_unused), as FOP does, the
 * sequence ends with one more (empty) page of that master (not after a first
 * page: FOP then keeps the first page as the last). */
static void next_blank(sequence *S, const page_break *br, gboolean last_unused)
{
    if (br->forced_kind == CG_BREAK_EVEN_PAGE && S->number % 2 != 0)
        S->blank_next = TRUE;
    else if (br->forced_kind == CG_BREAK_ODD_PAGE && S->number % 2 == 0)
        S->blank_next = TRUE;
    if (at_end(S->vl, S->st.pos) && !S->pending->len && !S->blank_next &&
        force_blank_page(S->L, S->ps, S->i, S->number - 1))
        S->blank_next = TRUE;
    if (at_end(S->vl, S->st.pos) && !S->pending->len && !S->blank_next && last_unused && S->i > 1)
        S->blank_next = S->trailing_last = TRUE;
}

static int paginate_sequence(pager *G, const cg_fo *ps, int first_number)
{
    cg_layout *L = G->L;
    sequence S = { 0 };
    S.G = G;
    S.L = L;
    S.ps = ps;
    S.format = cg_fo_attr(L->t, ps, "format");
    S.flow = cg_fo_child(ps, FO_FLOW);
    S.number = initial_number(L, ps, first_number);
    L->seq_rtl = ps->p->i.rtl;
    first_flow_geometry(L, ps, S.flow, S.number, &S.g0);
    S.width = S.g0.bw;
    S.vl = cg_vlist_new();
    S.fsrc = (flow_src){ S.flow ? cg_flow_feed_new(L, S.flow, S.g0.colw, S.g0.bw) : NULL, FALSE,
                         g_array_new(FALSE, FALSE, sizeof(flow_mark)), { 0, 0, 0, 0, 0 } };
    S.vl->more = flow_more;
    S.vl->more_ctx = &S.fsrc;
    if (!S.flow)
        cg_xml_diag(L->d, CG_WARNING, ps->xml, "fo:page-sequence without fo:flow: one empty page");
    S.i = 0;
    S.st = (flow_state){ 0, FALSE, g_ptr_array_new() };
    release_init(&S.rel);
    S.blank_next = S.trailing_last = FALSE;
    S.unmapped_run = 0;
    S.pending = g_array_new(FALSE, FALSE, sizeof(fn_part));
    S.sep_fo = static_for(ps, L, "xsl-footnote-separator");
    do {
        gboolean last_unused;
        page_break br = sequence_page(&S, &last_unused);
        G->page_index++;
        S.i++;
        S.number++;
        if (S.blank_next) {
            S.blank_next = FALSE;
            continue;
        }
        next_blank(&S, &br, last_unused);
    } while (!at_end(S.vl, S.st.pos) || S.blank_next || S.pending->len);
    g_array_free(S.pending, TRUE);
    g_ptr_array_free(S.st.open, TRUE);
    release_clear(&S.rel);
    cg_vlist_free(S.vl);
    cg_flow_feed_free(S.fsrc.feed);
    g_array_free(S.fsrc.marks, TRUE);
    return S.number;
}

int cg_paginate(cg_layout *L, cg_page_sink sink, void *ctx, GHashTable *ids_out)
{
    pager G = { L, sink, ctx, ids_out, 0 };
    if (cg_masters_check(L))
        return 0;   /* no page can be laid out without its master */
    int number = 1;
    gboolean any = FALSE;
    for (const cg_fo *c = L->t->root->first; c; c = c->next)
        if (c->kind == FO_PAGE_SEQUENCE) {
            number = paginate_sequence(&G, c, number);
            any = TRUE;
        }
    if (!any)
        cg_diag_add(L->d, CG_WARNING, L->t->file, 0, 0, "the document has no fo:page-sequence: no pages");
    return G.page_index;
}
