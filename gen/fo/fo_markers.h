/* fo_markers.h — fo:marker and fo:retrieve-marker (XSL 1.1 §6.13.5, §6.13.6).
 *
 * Pagination logs, page by page, the areas of the flow's objects that carry
 * markers (cg_marks_add: whether the area is the object's first, is-first, and
 * its last, is-last). Before a page's static content is laid out,
 * cg_marks_resolve gives each fo:retrieve-marker in it the content of the
 * marker it retrieves:
 *   - retrieve-position: first-starting-within-page (the first area of the page
 *     with is-first), first-including-carryover (the first area of the page),
 *     last-starting-within-page (the last with is-first), last-ending-within-page
 *     (the last with is-last; the default);
 *   - when the page has none, retrieve-boundary: page (nothing),
 *     page-sequence (the nearest earlier page of the sequence that has one) or
 *     document (the nearest earlier page), taking that page's last area with
 *     is-last, or its last area.
 * Areas are in the order of the area tree (pre-order: a block before the blocks
 * in it). An inline object's areas are its first and last lines.
 */
#ifndef CG_FO_MARKERS_H
#define CG_FO_MARKERS_H

#include "fo_tree.h"

typedef struct cg_marks cg_marks;

cg_marks *cg_marks_new(void);
void cg_marks_free(cg_marks *m);

/* An area of fo (which has markers) on page (document-wide index) of
 * sequence seq. Returns the entry's index (cg_marks_set_last). */
int cg_marks_add(cg_marks *m, const cg_fo *fo, int page, const cg_fo *seq, gboolean first, gboolean last);
void cg_marks_set_last(cg_marks *m, int entry, gboolean last);

/* Give the retrieve-markers in sc (a static-content) what they retrieve on
 * page of sequence seq. */
void cg_marks_resolve(cg_marks *m, cg_fo_tree *t, const cg_fo *sc, int page, const cg_fo *seq);

#endif
