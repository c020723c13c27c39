/* fo_page.h — pagination: page masters, cutting the flow into pages, and
 * placing each page's content at its final position.
 *
 * Design: the flow of a page-sequence is laid out into a vertical list
 * (fo_area.h) as pagination reads it, a piece at a time; pages are filled
 * greedily, each taking the longest run of items that fits and ending at the
 * best legal break (a penalty with no keep, else the weakest keep, else —
 * when nothing fits — after the first item, which then overflows with a
 * warning). So pagination always progresses and never loses content.
 * Footnotes go at the bottom of the page that cites them, under the
 * xsl-footnote-separator; as in FOP, one that does not fit is split between
 * its lines and its rest (with the footnotes after it) carried over to the
 * next pages, ahead of the footnotes cited there. Each finished page is
 * handed to a sink (the PDF writer, the area dump) and freed with the pieces
 * of the flow it finished (not while footnotes are carried over): memory
 * holds the flow's pieces on the open page (one may be long: a table is laid
 * out whole) and one page, however long the page-sequence.
 */
#ifndef CG_FO_PAGE_H
#define CG_FO_PAGE_H

#include "fo_layout.h"

typedef enum { PL_START, PL_END, PL_LINE, PL_DEST } cg_pl_kind;

/* One placed thing, in page coordinates (points from the top left corner). */
typedef struct {
    cg_pl_kind kind;
    const cg_block *blk;        /* START, END */
    int frag;                   /* START: index into the region's frags */
    const cg_line *line;        /* LINE */
    const char *id;             /* DEST: an id placed here */
    double x, y;                /* LINE: line box top left; DEST: position */
    gboolean tagged;            /* FALSE for artifacts (static content, repeated headers) */
} cg_placed;

/* The part of a block on one page: background and borders are drawn from these. */
typedef struct {
    const cg_block *blk;
    double x, y0, w, y1;
    gboolean first, last;       /* the block starts / ends on this page */
    int depth;
    gboolean reopened;          /* continued, yet begun by a PL_START here (the pieces of a
                                 * footnote split across pages are tagged page by page) */
} cg_frag;

typedef struct {
    const char *name;           /* region-name */
    const cg_fo *region;        /* the region FO (background) */
    double x, y, w, h;          /* viewport on the page */
    GArray *placed;             /* cg_placed */
    GArray *frags;              /* cg_frag */
} cg_region_out;

typedef struct {
    int index;                  /* 0-based over the document */
    int number;
    char *number_text;
    const char *master;
    double w, h;
    cg_region_out regions[6];
    int n_regions;
} cg_page;

typedef void (*cg_page_sink)(void *ctx, cg_layout *L, const cg_page *pg);

/* Paginate every page-sequence of L's tree, calling sink (may be NULL) for each
 * page. ids_out (id -> cg_id_pages*, owned by the table: create it with
 * cg_id_table_new) receives where each id landed. Returns the page count. */
int cg_paginate(cg_layout *L, cg_page_sink sink, void *ctx, GHashTable *ids_out);

GHashTable *cg_id_table_new(void);


/* Format page number n per the page-sequence's format ("1", "01", "i", "I", "a", "A").
 * Caller frees. */
char *cg_format_page_number(int n, const char *format);


#endif
