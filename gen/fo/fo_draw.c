/* fo_draw.c — drawing placed pages with Cairo: backgrounds and borders of
 * block fragments, glyph strings (pango_cairo, unrounded positions), images,
 * leaders, decorations, links and destinations, structure tags.
 *
 * Tags: structure elements (P, H1, Table, TD, L, LI, ...) are begun at a
 * block's start marker and ended at its end marker, which may be pages later
 * (Cairo supports that). Static content and repeated table headers and
 * footers are not tagged (pagination artifacts).
 */
#include "fo_draw.h"
#include "fo_embed.h"
#include "fo_form.h"
#include "fo_image.h"
#include "fo_text.h"

#include <math.h>
#include <string.h>

/* Structure tags are begun lazily, just before their first content: Cairo
 * 1.16 rejects a structure element that spans a page break before it has
 * any content, and elements with no content at all are better left out. */
void cg_draw_tag_push(cg_draw *D, const char *tag, const cg_fo *fo)
{
    g_ptr_array_add(D->tag_names, (gpointer)tag);
    cg_tag_state st = { FALSE, fo, -1 };
    g_array_append_val(D->tag_begun, st);
}

/* The element just begun for fo: counted by its tag name, its own xml:lang noted. */
static void note_lang(cg_draw *D, const char *tag, const cg_fo *fo)
{
    int nth = GPOINTER_TO_INT(g_hash_table_lookup(D->tag_counts, tag));
    g_hash_table_insert(D->tag_counts, (gpointer)tag, GINT_TO_POINTER(nth + 1));
    xmlChar *l = fo && fo->xml ? xmlGetNsProp(fo->xml, (const xmlChar *)"lang", XML_XML_NAMESPACE) : NULL;
    if (l && *l) {
        cg_tag_lang tl = { tag, nth, g_strdup((const char *)l) };
        g_array_append_val(D->tag_langs, tl);
    }
    xmlFree(l);
}

void cg_draw_tag_flush(cg_draw *D, cairo_t *cr)
{
    for (guint i = 0; i < D->tag_names->len; i++) {
        cg_tag_state *st = &g_array_index(D->tag_begun, cg_tag_state, i);
        if (st->begun)
            continue;
        const char *tag = D->tag_names->pdata[i];
        cairo_tag_begin(cr, tag, NULL);
        st->begun = TRUE;
        if (D->tag_langs)
            note_lang(D, tag, st->fo);
        if (D->figure_alts && !strcmp(tag, "Figure")) {
            char *alt = cg_draw_alt_text(st->fo);
            st->alt = (int)D->figure_alts->len;
            g_ptr_array_add(D->figure_alts, alt ? alt : g_strdup(""));
        }
    }
}

void cg_draw_tag_pop(cg_draw *D, cairo_t *cr)
{
    guint n = D->tag_names->len;
    if (!n)
        return;
    if (g_array_index(D->tag_begun, cg_tag_state, n - 1).begun)
        cairo_tag_end(cr, D->tag_names->pdata[n - 1]);
    g_ptr_array_set_size(D->tag_names, n - 1);
    g_array_set_size(D->tag_begun, n - 1);
}

static void set_color(cairo_t *cr, cg_color c)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

static void draw_border_side(cairo_t *cr, const cg_border *b, double x0, double y0, double x1, double y1,
                             gboolean vertical)
{
    if (b->width <= 0 || b->style == CG_BS_NONE || b->style == CG_BS_HIDDEN || b->color.a <= 0)
        return;
    set_color(cr, b->color);
    double w = b->width;
    if (b->style == CG_BS_DASHED || b->style == CG_BS_DOTTED) {
        double dash[1] = { b->style == CG_BS_DASHED ? 3 * w : w };
        cairo_save(cr);
        cairo_set_dash(cr, dash, 1, 0);
        cairo_set_line_width(cr, w);
        if (b->style == CG_BS_DOTTED)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        if (vertical) {
            cairo_move_to(cr, x0 + w / 2, y0);
            cairo_line_to(cr, x0 + w / 2, y1);
        } else {
            cairo_move_to(cr, x0, y0 + w / 2);
            cairo_line_to(cr, x1, y0 + w / 2);
        }
        cairo_stroke(cr);
        cairo_restore(cr);
        return;
    }
    if (b->style == CG_BS_DOUBLE && w >= 3) {
        double t = w / 3;
        if (vertical) {
            cairo_rectangle(cr, x0, y0, t, y1 - y0);
            cairo_rectangle(cr, x0 + 2 * t, y0, t, y1 - y0);
        } else {
            cairo_rectangle(cr, x0, y0, x1 - x0, t);
            cairo_rectangle(cr, x0, y0 + 2 * t, x1 - x0, t);
        }
        cairo_fill(cr);
        return;
    }
    if (vertical)
        cairo_rectangle(cr, x0, y0, w, y1 - y0);
    else
        cairo_rectangle(cr, x0, y0, x1 - x0, w);
    cairo_fill(cr);
}

static void draw_frag(cairo_t *cr, const cg_frag *f)
{
    const cg_block *b = f->blk;
    double x = f->x, y = f->y0, w = f->w, h = f->y1 - f->y0;
    if (h <= 0 && !(f->first && f->last))
        return;
    if (b->background.a > 0 && w > 0 && h > 0) {
        set_color(cr, b->background);
        cairo_rectangle(cr, x, y, w, h);
        cairo_fill(cr);
    }
    if (f->first)
        draw_border_side(cr, &b->border[CG_BEFORE], x, y, x + w, y, FALSE);
    if (f->last)
        draw_border_side(cr, &b->border[CG_AFTER], x, y + h - b->border[CG_AFTER].width, x + w, 0, FALSE);
    draw_border_side(cr, &b->border[CG_START], x, y, 0, y + h, TRUE);
    draw_border_side(cr, &b->border[CG_END], x + w - b->border[CG_END].width, y, 0, y + h, TRUE);
}

char *cg_draw_attr_escape(const char *s)
{
    GString *o = g_string_new(NULL);
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            g_string_append_c(o, '\\');
        g_string_append_c(o, *s);
    }
    return g_string_free(o, FALSE);
}

/* A laid-out line of a PangoLayout, run by run, through the subset fonts when
 * they can draw it (see fo_embed.h). */
static void show_layout_line(cairo_t *cr, cg_draw *D, PangoLayoutLine *ll, double x, double base)
{
    const char *text = pango_layout_get_text(ll->layout);
    for (GSList *r = ll->runs; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        if (!cg_embed_show(D->emb, cr, run->item->analysis.font, run->glyphs, text + run->item->offset,
                           run->item->length, x, base)) {
            cairo_move_to(cr, x, base);
            pango_cairo_show_glyph_item(cr, text, run);
        }
        x += pango_glyph_string_get_width(run->glyphs) / (double)PANGO_SCALE;
    }
}

static void draw_text_at(cairo_t *cr, cg_draw *D, const cg_span *sp, const char *text, double x, double base)
{
    PangoLayout *lay = pango_layout_new(D->L->ctx);
    pango_layout_set_font_description(lay, sp->font);
    pango_layout_set_text(lay, text, -1);
    PangoLayoutLine *ll = pango_layout_get_line_readonly(lay, 0);
    if (ll)
        show_layout_line(cr, D, ll, x, base);
    g_object_unref(lay);
}

static const char *resolve_number(cg_draw *D, const cg_piece *pc)
{
    if (pc->kind == PC_PAGE_NUMBER)
        return D->page->number_text;
    cg_id_pages *ip = pc->ref ? g_hash_table_lookup(D->L->ids, pc->ref) : NULL;
    if (!ip && pc->ref && D->ids_now)
        ip = g_hash_table_lookup(D->ids_now, pc->ref);
    if (!ip)
        return "?";
    return pc->kind == PC_CITATION ? ip->first_text : ip->last_text;
}

/* Is the piece nothing but bidi controls (LRM, RLM, the embeddings, overrides and
 * isolates of U+202A-U+202E and U+2066-U+2069)? They order the line and have no
 * glyph: drawn, Cairo writes each as an empty marked-content span with ActualText,
 * which ends the text of the structure element around it for readers (poppler's
 * structure text lost all that followed an isolate). */
static gboolean bidi_controls_only(const cg_para *pa, const cg_piece *pc)
{
    const char *t = cg_para_utf8(pa);
    int b0 = cg_para_char_byte(pa, pc->c0), b1 = cg_para_char_byte(pa, pc->c1);
    if (b1 <= b0)
        return FALSE;
    for (const char *q = t + b0; q < t + b1; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        if (!(c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
            return FALSE;
    }
    return TRUE;
}

/* batch: queue the glyphs (cg_embed_add) when they can be; the caller flushes. */
static void draw_glyphs(cairo_t *cr, cg_draw *D, const cg_line *ln, const cg_piece *pc, double x, double base,
                        gboolean batch)
{
    const cg_para *pa = ln->para;
    PangoGlyphString *gs = NULL;
    PangoItem *it = cg_para_item(pa, pc->item, &gs);
    if (!it)
        return;
    if (!batch || pc->hyphen)
        cg_embed_flush(D->emb, cr);
    if (pc->hyphen) {
        PangoGlyphString *hg = cg_para_hyphen(pa, pc->item);
        if (hg && it->analysis.font && !cg_embed_show(D->emb, cr, it->analysis.font, hg, NULL, 0, x, base)) {
            cairo_move_to(cr, x, base);
            pango_cairo_show_glyph_string(cr, it->analysis.font, hg);
        }
        return;
    }
    if (pc->g1 <= pc->g0 || !it->analysis.font || bidi_controls_only(pa, pc))
        return;
    /* A glyph item covering just this piece: its own item and glyph string. */
    int n = pc->g1 - pc->g0;
    PangoGlyphString *sub = pango_glyph_string_new();
    pango_glyph_string_set_size(sub, n);
    memcpy(sub->glyphs, gs->glyphs + pc->g0, sizeof(PangoGlyphInfo) * (size_t)n);
    int b0 = cg_para_char_byte(pa, pc->c0), b1 = cg_para_char_byte(pa, pc->c1);
    for (int g = 0; g < n; g++)
        sub->log_clusters[g] = gs->log_clusters[pc->g0 + g] - (b0 - it->offset);
    double ls = cg_para_letter_spacing(pa, pc->span);
    if (ls != 0)
        for (int g = 0; g < n; g++)
            if ((g + 1 == n || sub->log_clusters[g + 1] != sub->log_clusters[g]) &&
                !(sub->log_clusters[g] >= 0 && sub->log_clusters[g] < b1 - b0 &&
                  cg_invisible_char(g_utf8_get_char(cg_para_utf8(pa) + b0 + sub->log_clusters[g]))))
                sub->glyphs[g].geometry.width += (int)lround(ls * PANGO_SCALE);
    /* Right-to-left runs are drawn in visual order from their start; their
     * clusters run backward (fo_embed.c maps them from the last glyph). */
    gboolean rtl = it->analysis.level % 2, ok = TRUE;
    for (int g = 0; g < n && ok; g++)
        if (sub->log_clusters[g] < 0 || sub->log_clusters[g] >= b1 - b0 ||
            (g > 0 && (rtl ? sub->log_clusters[g] > sub->log_clusters[g - 1]
                           : sub->log_clusters[g] < sub->log_clusters[g - 1])))
            ok = FALSE;
    if (batch && ok && cg_embed_add(D->emb, cr, it->analysis.font, sub, cg_para_utf8(pa) + b0, b1 - b0, x, base)) {
        pango_glyph_string_free(sub);
        return;
    }
    if (cg_embed_show(D->emb, cr, it->analysis.font, sub, ok ? cg_para_utf8(pa) + b0 : NULL, b1 - b0, x, base)) {
        pango_glyph_string_free(sub);
        return;
    }
    cairo_move_to(cr, x, base);
    if (ok && !rtl) {
        /* With the text: the PDF maps each cluster back to its characters. */
        PangoItem *si = pango_item_copy(it);
        si->offset = b0;
        si->length = b1 - b0;
        si->num_chars = (int)g_utf8_strlen(cg_para_utf8(pa) + b0, b1 - b0);
        PangoGlyphItem gi = { si, sub, 0, 0, 0 };
        pango_cairo_show_glyph_item(cr, cg_para_utf8(pa), &gi);
        pango_item_free(si);
    } else
        pango_cairo_show_glyph_string(cr, it->analysis.font, sub);
    pango_glyph_string_free(sub);
}

/* leader-pattern="use-content": the text repeated as often as it fits, each
 * copy taking the leader's inline borders and padding as FOP does. */
static void draw_leader_content(cairo_t *cr, cg_draw *D, const cg_span *sp, double x, double w, double base)
{
    const cg_props *p = sp->p;
    PangoLayout *lay = pango_layout_new(D->L->ctx);
    pango_layout_set_font_description(lay, sp->font);
    pango_layout_set_text(lay, sp->leader_text, -1);
    PangoRectangle lr;
    pango_layout_get_extents(lay, NULL, &lr);
    double tw = lr.width / (double)PANGO_SCALE;
    double bp = p->n.border[CG_START].width + p->n.border[CG_END].width +
                cg_len_resolve(p->n.padding[CG_START], w, NULL) + cg_len_resolve(p->n.padding[CG_END], w, NULL);
    PangoLayoutLine *ll = pango_layout_get_line_readonly(lay, 0);
    set_color(cr, p->i.color);
    if (tw > 0.1 && ll) {
        int n = (int)floor((w - bp + 0.01) / (tw + bp));
        for (int k = 0; k < n && k < 10000; k++)
            show_layout_line(cr, D, ll, x + bp / 2 + k * (tw + bp) + (bp > 0 ? bp / 2 : 0), base);
    }
    g_object_unref(lay);
}

static void draw_leader(cairo_t *cr, cg_draw *D, const cg_span *sp, double x, double w, double base)
{
    const cg_props *p = sp->p;
    if (w <= 0)
        return;
    if (p->i.leader_pattern == CG_LEADER_RULE) {
        double t = p->i.rule_thickness;
        double y = base - p->i.font_size * 0.25;
        set_color(cr, p->i.color);
        if (p->i.rule_style == CG_BS_DOTTED || p->i.rule_style == CG_BS_DASHED) {
            double dash[1] = { p->i.rule_style == CG_BS_DASHED ? 3 * t : t };
            cairo_save(cr);
            cairo_set_dash(cr, dash, 1, 0);
            cairo_set_line_width(cr, t);
            cairo_move_to(cr, x, y);
            cairo_line_to(cr, x + w, y);
            cairo_stroke(cr);
            cairo_restore(cr);
        } else {
            cairo_rectangle(cr, x, y - t / 2, w, t);
            cairo_fill(cr);
        }
    } else if (p->i.leader_pattern == CG_LEADER_USE_CONTENT && sp->leader_text) {
        draw_leader_content(cr, D, sp, x, w, base);
    } else if (p->i.leader_pattern == CG_LEADER_DOTS) {
        PangoLayout *lay = pango_layout_new(D->L->ctx);
        pango_layout_set_font_description(lay, sp->font);
        pango_layout_set_text(lay, ".", -1);
        PangoRectangle lr;
        pango_layout_get_extents(lay, NULL, &lr);
        double dw = lr.width / (double)PANGO_SCALE;
        double pw = cg_len_resolve(p->i.leader_pattern_width, w, NULL);
        if (pw < dw)
            pw = dw;
        PangoLayoutLine *ll = pango_layout_get_line_readonly(lay, 0);
        set_color(cr, p->i.color);
        /* Align the dots on a grid from the line start so that columns match. */
        if (pw > 0.1 && ll)
            for (double dx = ceil(x / pw) * pw; dx + dw <= x + w + 0.01; dx += pw)
                show_layout_line(cr, D, ll, dx, base);
        g_object_unref(lay);
    }
}

/* A line that draws something: not only leaders of pattern space (a
 * structure element begun for nothing must not span a page break, see
 * cg_draw_tag_push). */
static gboolean line_has_marks(const cg_line *ln)
{
    for (int k = 0; k < ln->n_pieces; k++) {
        const cg_piece *pc = &ln->pieces[k];
        if (pc->kind != PC_LEADER ||
            cg_para_span(ln->para, pc->span)->p->i.leader_pattern != CG_LEADER_SPACE)
            return TRUE;
    }
    return FALSE;
}

/* Cairo 1.16 writes a structure element's kids as either its child elements or
 * its own marked content, never both: the text of a paragraph that also holds a
 * link, an image or a nested block would be left out of the structure tree. The
 * own text of such an element is therefore set in Span elements of its own.
 * scan_mixed: does fo's content (through inlines) hold text (bit 1) and child
 * elements (bit 2)? */
static int scan_mixed(const cg_fo *fo, int depth)
{
    int r = 0;
    for (const cg_fo *c = fo->first; c && r != 3 && depth < 64; c = c->next) {
        switch (c->kind) {
        case FO_TEXT:
            for (const char *t = c->text; t && *t; t++)
                if (!g_ascii_isspace(*t)) {
                    r |= 1;
                    break;
                }
            break;
        case FO_BASIC_LINK:
        case FO_EXTERNAL_GRAPHIC:
            r |= 2;
            break;
        case FO_FOOTNOTE_BODY:
        case FO_MARKER:
            break;
        case FO_CHARACTER:
        case FO_PAGE_NUMBER:
        case FO_PAGE_NUMBER_CITATION:
        case FO_PAGE_NUMBER_CITATION_LAST:
        case FO_LEADER:
            r |= 1 | scan_mixed(c, depth + 1);
            break;
        default:
            if (cg_fo_is_block_level(c->kind) || c->kind == FO_LIST_ITEM || c->kind == FO_TABLE_ROW ||
                c->kind == FO_TABLE_CELL)
                r |= 2;
            else
                r |= scan_mixed(c, depth + 1);
            break;
        }
    }
    return r;
}

static gboolean tag_is_mixed(cg_draw *D)
{
    guint n = D->tag_begun->len;
    const cg_fo *fo = n ? g_array_index(D->tag_begun, cg_tag_state, n - 1).fo : NULL;
    if (!fo || !D->mixed)
        return FALSE;
    int v = GPOINTER_TO_INT(g_hash_table_lookup(D->mixed, fo));
    if (!v) {
        v = 1 + (scan_mixed(fo, 0) == 3);
        g_hash_table_insert(D->mixed, (gpointer)fo, GINT_TO_POINTER(v));
    }
    return v == 2;
}

/* The state of the pieces of one line: own text in Spans, the Span open, the colour queued. */
typedef struct {
    gboolean spans, in_span;
    cg_color color;
    gboolean have_color;
} line_state;

/* Inlines with borders or padding: the background over the padding box
 * (outer inlines first, under the inner ones) */
static void draw_box_backgrounds(cairo_t *cr, const cg_placed *pl, double base)
{
    const cg_line *ln = pl->line;
    for (int k = 0; k < ln->n_boxes; k++) {
        const cg_inline_box *ib = &ln->boxes[k];
        if (ib->background.a <= 0)
            continue;
        double x0 = pl->x + ib->x + ib->border[CG_START].width;
        double x1 = pl->x + ib->x + ib->w - ib->border[CG_END].width;
        double y0 = base - ib->above + ib->border[CG_BEFORE].width;
        double y1 = base + ib->below - ib->border[CG_AFTER].width;
        if (x1 > x0 && y1 > y0) {
            set_color(cr, ib->background);
            cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
            cairo_fill(cr);
        }
    }
}

/* Backgrounds of inlines first: each piece over its font's ascent and
 * descent, joined to the next piece of the same background across the
 * space between them. */
static void draw_piece_backgrounds(cairo_t *cr, cg_draw *D, const cg_placed *pl, double base)
{
    const cg_line *ln = pl->line;
    for (int k = 0; k < ln->n_pieces; k++) {
        const cg_piece *pc = &ln->pieces[k];
        const cg_span *sp = cg_para_span(ln->para, pc->span);
        if (sp->background.a <= 0 || !sp->p->i.visible)
            continue;
        char lbuf[32];
        const cg_metrics *m = cg_layout_metrics(D->L, sp->font, cg_layout_lang(sp->p, lbuf));
        double x0 = pl->x + pc->x, x1 = x0 + pc->w;
        if (k + 1 < ln->n_pieces) {
            const cg_piece *nx = &ln->pieces[k + 1];
            const cg_span *ns = cg_para_span(ln->para, nx->span);
            if (!memcmp(&ns->background, &sp->background, sizeof sp->background) && nx->x > pc->x + pc->w)
                x1 = pl->x + nx->x;
        }
        double top = base - pc->shift - m->ascent;
        set_color(cr, sp->background);
        cairo_rectangle(cr, x0, top, x1 - x0, m->ascent + m->descent);
        cairo_fill(cr);
    }
}

/* then their borders, each side as a block's (open where the inline is
 * broken across lines: those sides have width 0) */
static void draw_box_borders(cairo_t *cr, const cg_placed *pl, double base)
{
    const cg_line *ln = pl->line;
    for (int k = 0; k < ln->n_boxes; k++) {
        const cg_inline_box *ib = &ln->boxes[k];
        double x = pl->x + ib->x, w = ib->w, y = base - ib->above, h = ib->above + ib->below;
        draw_border_side(cr, &ib->border[CG_BEFORE], x, y, x + w, y, FALSE);
        draw_border_side(cr, &ib->border[CG_AFTER], x, y + h - ib->border[CG_AFTER].width, x + w, 0, FALSE);
        draw_border_side(cr, &ib->border[CG_START], x, y, 0, y + h, TRUE);
        draw_border_side(cr, &ib->border[CG_END], x + w - ib->border[CG_END].width, y, 0, y + h, TRUE);
    }
}

/* Opens a Span before the element's own text and closes it before a link or an image. */
static void switch_span(cairo_t *cr, cg_draw *D, line_state *S, gboolean own)
{
    if (own && !S->in_span) {
        cg_embed_flush(D->emb, cr);
        cg_draw_tag_push(D, "Span", NULL);
        cg_draw_tag_flush(D, cr);
        S->in_span = TRUE;
    } else if (!own && S->in_span) {
        cg_embed_flush(D->emb, cr);
        cg_draw_tag_pop(D, cr);
        S->in_span = FALSE;
    }
}

/* Begins the link tag of a piece; FALSE when its internal destination does not exist. */
static gboolean begin_link(cairo_t *cr, cg_draw *D, const cg_placed *pl, const cg_piece *pc,
                           const cg_span *sp, double x)
{
    const char *target = sp->link_uri ? sp->link_uri : sp->link_dest;
    char *esc = cg_draw_attr_escape(target);
    double h = pl->line->height;
    char *attr;
    if (sp->link_uri)
        attr = g_strdup_printf("uri='%s' rect=[%.3f %.3f %.3f %.3f]", esc, x, pl->y, pc->w, h);
    else if (g_hash_table_contains(D->L->t->ids, sp->link_dest))
        attr = g_strdup_printf("dest='%s' rect=[%.3f %.3f %.3f %.3f]", esc, x, pl->y, pc->w, h);
    else
        attr = NULL;
    g_free(esc);
    if (attr) {
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
        g_free(attr);
        return TRUE;
    }
    return FALSE;
}

/* An image piece: a Figure of the structure (or the alternate text of the Figure around it)
 * in the body, untagged elsewhere, a grey frame when the image is missing. */
static void draw_image_piece(cairo_t *cr, cg_draw *D, const cg_placed *pl, const cg_piece *pc, double x, double b)
{
    const cg_line *ln = pl->line;
    b -= pc->img_pb_after;      /* standing on its after border and padding */
    if (pc->img && pl->tagged && D->tags) {
        /* An image of the body is a Figure of the structure, with its
         * alternate text (see cg_draw_tag_flush); in a block that is a
         * Figure already (role="Figure"), it gives that one its text.
         * Static content stays untagged. */
        const cg_fo *gfo = cg_para_obj_fo(ln->para, pc->c0);
        guint n = D->tag_begun->len;
        cg_tag_state *top = n ? &g_array_index(D->tag_begun, cg_tag_state, n - 1) : NULL;
        if (top && top->alt >= 0 && D->figure_alts &&
            !*(const char *)D->figure_alts->pdata[top->alt]) {
            char *alt = cg_draw_alt_text(gfo);
            if (alt) {
                g_free(D->figure_alts->pdata[top->alt]);
                D->figure_alts->pdata[top->alt] = alt;
            }
            cg_image_draw(cr, pc->img, x, b - pc->img_h, pc->w, pc->img_h);
            return;
        }
        cg_draw_tag_push(D, "Figure", gfo);
        cg_draw_tag_flush(D, cr);
        cg_image_draw(cr, pc->img, x, b - pc->img_h, pc->w, pc->img_h);
        cg_draw_tag_pop(D, cr);
    } else if (pc->img)
        cg_image_draw(cr, pc->img, x, b - pc->img_h, pc->w, pc->img_h);
    else {
        /* a visible placeholder for a missing image */
        cairo_save(cr);
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr, 0.5);
        cairo_rectangle(cr, x + 0.25, b - pc->img_h + 0.25, MAX(0, pc->w - 0.5), MAX(0, pc->img_h - 0.5));
        cairo_stroke(cr);
        cairo_restore(cr);
    }
}

/* Underline, line-through and overline of a piece, in its colour. */
static void draw_decoration(cairo_t *cr, cg_draw *D, const cg_span *sp, const cg_piece *pc, double x, double b)
{
    const cg_props *p = sp->p;
    char lbuf[32];
    const cg_metrics *m = cg_layout_metrics(D->L, sp->font, cg_layout_lang(p, lbuf));
    set_color(cr, p->i.color);
    double t = MAX(m->ul_thick, 0.3);
    if (p->i.text_decoration & CG_TD_UNDERLINE)
        cairo_rectangle(cr, x, b + m->ul_pos - t / 2, pc->w, t);
    if (p->i.text_decoration & CG_TD_LINE_THROUGH)
        cairo_rectangle(cr, x, b - m->st_pos - MAX(m->st_thick, 0.3) / 2, pc->w, MAX(m->st_thick, 0.3));
    if (p->i.text_decoration & CG_TD_OVERLINE)
        cairo_rectangle(cr, x, b - m->ascent, pc->w, t);
    cairo_fill(cr);
}

/* One piece of the line: its Span, link, content and decoration. */
static void draw_piece(cairo_t *cr, cg_draw *D, const cg_placed *pl, const cg_piece *pc, double base, line_state *S)
{
    const cg_line *ln = pl->line;
    const cg_span *sp = cg_para_span(ln->para, pc->span);
    const cg_props *p = sp->p;
    if (!p->i.visible)
        return;
    double x = pl->x + pc->x, b = base - pc->shift;
    gboolean link = (sp->link_uri || sp->link_dest) && D->tagged_links;
    /* Plain glyph pieces of one colour are queued and drawn together. */
    gboolean batch = pc->kind == PC_GLYPHS && !pc->hyphen && !link && !p->i.text_decoration;
    if (!batch || !S->have_color || memcmp(&S->color, &p->i.color, sizeof S->color))
        cg_embed_flush(D->emb, cr);
    if (S->spans)
        switch_span(cr, D, S, !link && !(pc->kind == PC_IMAGE && pc->img));
    S->color = p->i.color;
    S->have_color = TRUE;
    if (link)
        link = begin_link(cr, D, pl, pc, sp, x);
    set_color(cr, p->i.color);
    switch (pc->kind) {
    case PC_GLYPHS:
        draw_glyphs(cr, D, ln, pc, x, b, batch);
        break;
    case PC_IMAGE:
        draw_image_piece(cr, D, pl, pc, x, b);
        break;
    case PC_LEADER:
        draw_leader(cr, D, sp, x, pc->w, b);
        break;
    default:
        draw_text_at(cr, D, sp, resolve_number(D, pc), x, b);
        break;
    }
    if (p->i.text_decoration && pc->kind != PC_IMAGE)
        draw_decoration(cr, D, sp, pc, x, b);
    if (link)
        cairo_tag_end(cr, CAIRO_TAG_LINK);
}

static const cg_line *sort_line;   /* logical_order's comparison (drawing is single-threaded) */

static int by_char(const void *a, const void *b)
{
    const cg_piece *pa = &sort_line->pieces[*(const int *)a], *pb = &sort_line->pieces[*(const int *)b];
    if (pa->c0 != pb->c0)
        return pa->c0 < pb->c0 ? -1 : 1;
    return *(const int *)a - *(const int *)b;
}

/* The pieces of ln by their first character, or NULL when they are in that order. */
static int *logical_order(const cg_line *ln)
{
    int k = 1;
    while (k < ln->n_pieces && ln->pieces[k].c0 >= ln->pieces[k - 1].c0)
        k++;
    if (k >= ln->n_pieces)
        return NULL;
    int *ord = g_new(int, ln->n_pieces);
    for (int i = 0; i < ln->n_pieces; i++)
        ord[i] = i;
    sort_line = ln;
    qsort(ord, (size_t)ln->n_pieces, sizeof *ord, by_char);
    return ord;
}

static void draw_line(cairo_t *cr, cg_draw *D, const cg_placed *pl)
{
    /* own text of an element with child elements goes in Spans (see scan_mixed) */
    line_state S = { 0 };
    S.spans = pl->tagged && D->tags && tag_is_mixed(D);
    const cg_line *ln = pl->line;
    double base = pl->y + ln->baseline;
    draw_box_backgrounds(cr, pl, base);
    draw_piece_backgrounds(cr, D, pl, base);
    draw_box_borders(cr, pl, base);
    /* In the order of the text (the pieces of a bidi line are in visual order):
     * the content stream, and so the tagged reading order, reads logically. */
    int *ord = logical_order(ln);
    for (int k = 0; k < ln->n_pieces; k++)
        draw_piece(cr, D, pl, &ln->pieces[ord ? ord[k] : k], base, &S);
    g_free(ord);
    cg_embed_flush(D->emb, cr);
    if (S.in_span)
        cg_draw_tag_pop(D, cr);
}

/* A form field's block (fo_form.h): its widget recorded and, tagged, an empty Form
 * element where it is read, inside the open elements. */
static void form_field(cg_draw *D, cairo_t *cr, const cg_region_out *ro, const cg_placed *pl)
{
    cg_field f;
    if (!cg_form_field(D->L, D->page, ro, pl, &f))
        return;
    f.form_tag = -1;
    if (D->tags) {
        cg_draw_tag_flush(D, cr);
        cairo_tag_begin(cr, "Form", NULL);
        cairo_tag_end(cr, "Form");
        f.form_tag = D->form_tags++;
    }
    g_array_append_val(D->fields, f);
}

static void draw_region(cairo_t *cr, cg_draw *D, const cg_region_out *ro)
{
    if (ro->region && ro->region->p->n.background.a > 0) {
        set_color(cr, ro->region->p->n.background);
        cairo_rectangle(cr, ro->x, ro->y, ro->w, ro->h);
        cairo_fill(cr);
    }
    /* Backgrounds and borders first, outer blocks before inner ones. */
    for (guint i = 0; i < ro->frags->len; i++)
        draw_frag(cr, &g_array_index(ro->frags, cg_frag, i));
    for (guint i = 0; i < ro->placed->len; i++) {
        const cg_placed *pl = &g_array_index(ro->placed, cg_placed, i);
        switch (pl->kind) {
        case PL_START:
            if (D->fields)
                form_field(D, cr, ro, pl);
            if (pl->tagged && D->tags && pl->blk->tag)
                cg_draw_tag_push(D, pl->blk->tag, pl->blk->fo);
            break;
        case PL_END:
            if (pl->tagged && D->tags && pl->blk->tag)
                cg_draw_tag_pop(D, cr);
            break;
        case PL_LINE:
            if (pl->tagged && line_has_marks(pl->line))
                cg_draw_tag_flush(D, cr);
            draw_line(cr, D, pl);
            break;
        case PL_DEST:
            if (pl->tagged && D->dests && g_hash_table_contains(D->dests, pl->id) &&
                !g_hash_table_contains(D->dests_done, pl->id)) {
                char *esc = cg_draw_attr_escape(pl->id);
                char *attr = g_strdup_printf("name='%s' x=%.3f y=%.3f", esc, pl->x, pl->y);
                cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
                cairo_tag_end(cr, CAIRO_TAG_DEST);
                g_hash_table_add(D->dests_done, (gpointer)pl->id);
                g_free(attr);
                g_free(esc);
            }
            break;
        }
    }
}

char *cg_draw_alt_text(const cg_fo *fo)
{
    if (!fo || !fo->xml)
        return NULL;
    xmlChar *v = xmlGetNsProp(fo->xml, (const xmlChar *)"alt-text",
                              (const xmlChar *)"http://xmlgraphics.apache.org/fop/extensions");
    if (!v)
        v = xmlGetNsProp(fo->xml, (const xmlChar *)"alt-text", (const xmlChar *)"urn:circgen:fo-extensions");
    if (!v)
        return NULL;
    char *r = g_strstrip(g_strdup((const char *)v));
    xmlFree(v);
    return r;
}

/* Elements still open at the end of the page's body go on to the next page:
 * their own text is set in Spans too (see scan_mixed), so that what is drawn
 * while they are open but is not theirs (static content, footnotes, the next
 * page's header: Cairo 1.16 has no artifacts) stays out of the structure tree. */
static void mark_continued(cg_draw *D, const cg_region_out *body)
{
    GPtrArray *open = g_ptr_array_new();
    for (guint i = 0; i < D->tag_begun->len; i++)
        g_ptr_array_add(open, (gpointer)g_array_index(D->tag_begun, cg_tag_state, i).fo);
    for (guint i = 0; i < body->placed->len; i++) {
        const cg_placed *pl = &g_array_index(body->placed, cg_placed, i);
        if (!pl->tagged || !pl->blk || !pl->blk->tag)
            continue;
        if (pl->kind == PL_START)
            g_ptr_array_add(open, (gpointer)pl->blk->fo);
        else if (pl->kind == PL_END && open->len)
            g_ptr_array_set_size(open, open->len - 1);
    }
    for (guint i = 0; i < open->len; i++)
        if (open->pdata[i])
            g_hash_table_insert(D->mixed, open->pdata[i], GINT_TO_POINTER(2));
    g_ptr_array_free(open, TRUE);
}

void cg_draw_page(cg_draw *D, cairo_t *cr, const cg_page *pg)
{
    D->page = pg;
    if (D->tags && D->mixed && pg->n_regions)
        mark_continued(D, &pg->regions[0]);
    /* The regions in the order of XSL 1.1 §6.4.13-§6.4.14's page areas as
     * FOP draws them (and as they are read): region-before, region-start,
     * region-body (with its footnotes), region-end, region-after. Static
     * content is untagged: drawn while body elements that go on to the next
     * page are open, it stays out of the structure tree because their own
     * text is in Spans (mark_continued). */
    static const cg_fo_kind order[] = { FO_REGION_BEFORE, FO_REGION_START, FO_REGION_BODY,
                                        FO_REGION_END, FO_REGION_AFTER };
    gboolean done[G_N_ELEMENTS(pg->regions)] = { FALSE };
    for (size_t o = 0; o < G_N_ELEMENTS(order); o++)
        for (int k = 0; k < pg->n_regions; k++) {
            const cg_region_out *ro = &pg->regions[k];
            cg_fo_kind kind = ro->region ? ro->region->kind : k == 0 ? FO_REGION_BODY : FO_REGION_BEFORE;
            if (!done[k] && kind == order[o]) {
                draw_region(cr, D, ro);
                done[k] = TRUE;
            }
        }
    for (int k = 0; k < pg->n_regions; k++)
        if (!done[k])
            draw_region(cr, D, &pg->regions[k]);
}
