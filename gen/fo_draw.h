/* fo_draw.h — drawing placed pages on a Cairo context (see fo_draw.c). */
#ifndef CG_FO_DRAW_H
#define CG_FO_DRAW_H

#include "fo_page.h"

typedef struct {
    cg_layout *L;
    const cg_page *page;        /* set by cg_draw_page */
    gboolean tags;              /* emit structure tags */
    gboolean tagged_links;      /* emit link annotations */
    GHashTable *dests;          /* ids that links or bookmarks target (set), or NULL */
    GHashTable *dests_done;     /* ids already given a destination */
    GHashTable *ids_now;        /* ids placed so far in this pass (fallback for citations) */
    GPtrArray *tag_names;       /* open structure elements (const char*) */
    GArray *tag_begun;          /* gboolean per open element: begun in Cairo yet? */
    struct cg_embed *emb;       /* subset fonts (fo_embed.h), or NULL: Pango draws */
} cg_draw;

/* Structure tags (see fo_draw.c): push at a block's start, flush before
 * drawing content, pop at its end. */
void cg_draw_tag_push(cg_draw *D, const char *tag);
void cg_draw_tag_flush(cg_draw *D, cairo_t *cr);
void cg_draw_tag_pop(cg_draw *D, cairo_t *cr);

void cg_draw_page(cg_draw *D, cairo_t *cr, const cg_page *pg);

/* s escaped for a Cairo tag attribute value in single quotes (links, outline
 * destinations). Caller frees. */
char *cg_draw_attr_escape(const char *s);

#endif
