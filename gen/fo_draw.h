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
} cg_draw;

void cg_draw_page(cg_draw *D, cairo_t *cr, const cg_page *pg);

#endif
