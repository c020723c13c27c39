/* fo_layout.h — laying out formatting objects into vertical lists (fo_area.h).
 *
 * fo_text.c turns the inline content of a block into a paragraph: characters,
 * runs of properties, inline objects; shapes it once with Pango; asks
 * fo_breaks.c where it may break and fo_linebreak.c where it should; and makes
 * lines. fo_layout.c does the blocks: indents, spaces, borders, lists, tables,
 * block-containers, graphics and the keeps between them.
 *
 * Layout happens at a fixed width (the region's): pagination (fo_page.c)
 * only chooses where the list is cut into pages, and asks for the flow's
 * content one child of the fo:flow at a time (cg_flow_feed).
 */
#ifndef CG_FO_LAYOUT_H
#define CG_FO_LAYOUT_H

#include "fo_env.h"

/* Set up and release the environment (ctx is borrowed; the rest owned). */
void cg_layout_init(cg_layout *L, cg_fo_tree *t, cg_diags *d, PangoContext *ctx,
                    const char *base_dir);
void cg_layout_clear(cg_layout *L);

/* Lay out the block-level content of fo (a flow, static-content, footnote-body,
 * table-cell, ...) at content width w. Returns a new list (caller frees). */
cg_vlist *cg_layout_blocks(cg_layout *L, const cg_fo *fo, double w);

/* Lay out a flow as pagination asks for it, at column width col_w (its
 * children with span="all" at the body's width full_w, each run of them
 * between VI_SPAN markers; col_w == full_w: one column). Each call of
 * cg_flow_feed_next appends to vl the next child of the flow (a block-level
 * object, or a run of inline content set as one paragraph) with the penalty
 * before it, and returns FALSE when nothing is left; a child is laid out
 * whole, however many pages it takes. */
typedef struct cg_flow_feed cg_flow_feed;
cg_flow_feed *cg_flow_feed_new(cg_layout *L, const cg_fo *flow, double col_w, double full_w);
gboolean cg_flow_feed_next(cg_flow_feed *f, cg_vlist *vl);
void cg_flow_feed_free(cg_flow_feed *f);

#endif
