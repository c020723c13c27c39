/* fo_dump.c — the area tree as stable text (circgen fo --dump-areas).
 *
 * One line per page, region, block fragment, table row or cell, and line,
 * indented by nesting; lengths in points with two decimals, from the page's
 * top left corner. Golden tests compare these dumps, so the format changes
 * only on purpose:
 *   page 1 number=1 master=first size=595.28x841.89
 *     region xsl-region-body x=56.69 y=56.69 w=481.89 h=728.50
 *       block P x=56.69 y=56.69 w=481.89 h=13.80 [id=...] [continued] [continues]
 *         line x=56.69 y=56.69 w=120.30 h=13.80 "text"
 *         line x=56.69 y=70.49 w=120.30 h=13.80 rtl=418.28..538.58 "text"   (right to left:
 *                                                     where its content is, left to right)
 *           inline x=60.00 y=57.10 w=30.00 h=14.00   (border box of an inline with
 *                                                     borders or padding)
 */
#include "fo_dump.h"
#include "fo_text.h"

#include <string.h>

/* A right-to-left line: where its content lies, left to right (rtl=X0..X1). */
static void put_rtl_extent(FILE *f, const cg_placed *pl)
{
    double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;
    for (int k = 0; k < pl->line->n_pieces; k++) {
        x0 = MIN(x0, pl->line->pieces[k].x);
        x1 = MAX(x1, pl->line->pieces[k].x + pl->line->pieces[k].w);
    }
    if (pl->line->n_pieces)
        fprintf(f, "rtl=%.2f..%.2f ", pl->x + x0, pl->x + x1);
}

static void indent(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputs("  ", f);
}

static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* The text of a line as drawn: pieces in order, a space where glue separated
 * two pieces' characters, numbers resolved. */
static char *line_text(const cg_line *ln, const cg_page *pg, cg_layout *L)
{
    GString *s = g_string_new(NULL);
    int prev_c1 = -1;
    for (int k = 0; k < ln->n_pieces; k++) {
        const cg_piece *pc = &ln->pieces[k];
        if (prev_c1 >= 0 && pc->c0 > prev_c1) {
            char *gap = cg_para_text(ln->para, prev_c1, pc->c0);
            if (strchr(gap, ' '))
                g_string_append_c(s, ' ');
            g_free(gap);
        }
        switch (pc->kind) {
        case PC_GLYPHS:
            if (pc->hyphen)
                g_string_append_c(s, '-');
            else {
                char *t = cg_para_text(ln->para, pc->c0, pc->c1);
                g_string_append(s, t);
                g_free(t);
            }
            break;
        case PC_IMAGE: g_string_append(s, "[image]"); break;
        case PC_LEADER: g_string_append(s, "[leader]"); break;
        case PC_PAGE_NUMBER: g_string_append(s, pg->number_text); break;
        default: {
            cg_id_pages *ip = pc->ref ? g_hash_table_lookup(L->ids, pc->ref) : NULL;
            g_string_append(s, ip ? (pc->kind == PC_CITATION ? ip->first_text : ip->last_text) : "?");
        }
        }
        if (!pc->hyphen)
            prev_c1 = pc->c1;
    }
    return g_string_free(s, FALSE);
}

void cg_dump_page(FILE *f, const cg_page *pg, cg_layout *L)
{
    fprintf(f, "page %d number=%s master=%s size=%.2fx%.2f\n", pg->index + 1, pg->number_text,
            pg->master ? pg->master : "?", pg->w, pg->h);
    for (int r = 0; r < pg->n_regions; r++) {
        const cg_region_out *ro = &pg->regions[r];
        indent(f, 1);
        fprintf(f, "region %s x=%.2f y=%.2f w=%.2f h=%.2f\n", ro->name, ro->x, ro->y, ro->w, ro->h);
        /* Fragments continued from an earlier page come first, at depth 0.. */
        int depth = 2;
        for (guint i = 0; i < ro->frags->len; i++) {
            const cg_frag *fr = &g_array_index(ro->frags, cg_frag, i);
            if (fr->first || fr->reopened)
                continue;
            indent(f, depth++);
            fprintf(f, "block %s x=%.2f y=%.2f w=%.2f h=%.2f%s%s%s continued%s\n",
                    fr->blk->tag ? fr->blk->tag : cg_fo_kind_name(fr->blk->fo->kind),
                    fr->x, fr->y0, fr->w, fr->y1 - fr->y0, fr->blk->id ? " id=" : "",
                    fr->blk->id ? fr->blk->id : "", "", fr->last ? "" : " continues");
        }
        for (guint i = 0; i < ro->placed->len; i++) {
            const cg_placed *pl = &g_array_index(ro->placed, cg_placed, i);
            switch (pl->kind) {
            case PL_START: {
                const cg_frag *fr = &g_array_index(ro->frags, cg_frag, pl->frag);
                indent(f, depth++);
                fprintf(f, "block %s x=%.2f y=%.2f w=%.2f h=%.2f%s%s%s%s%s\n",
                        fr->blk->tag ? fr->blk->tag : cg_fo_kind_name(fr->blk->fo->kind),
                        fr->x, fr->y0, fr->w, fr->y1 - fr->y0, fr->blk->id ? " id=" : "",
                        fr->blk->id ? fr->blk->id : "", pl->tagged ? "" : " artifact",
                        fr->first ? "" : " continued", fr->last ? "" : " continues");
                break;
            }
            case PL_END:
                if (depth > 2)
                    depth--;
                break;
            case PL_LINE: {
                char *t = line_text(pl->line, pg, L);
                indent(f, depth);
                fprintf(f, "line x=%.2f y=%.2f w=%.2f h=%.2f ", pl->x, pl->y, pl->line->used, pl->line->height);
                if (cg_para_rtl(pl->line->para))
                    put_rtl_extent(f, pl);
                put_quoted(f, t);
                fputc('\n', f);
                g_free(t);
                /* inline-level objects with borders or padding: their border boxes */
                for (int k = 0; k < pl->line->n_boxes; k++) {
                    const cg_inline_box *b = &pl->line->boxes[k];
                    indent(f, depth + 1);
                    fprintf(f, "inline x=%.2f y=%.2f w=%.2f h=%.2f\n", pl->x + b->x,
                            pl->y + pl->line->baseline - b->above, b->w, b->above + b->below);
                }
                break;
            }
            case PL_DEST:
                break;
            }
        }
    }
}
