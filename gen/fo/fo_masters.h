/* fo_masters.h — page masters: the layout-master-set checked before
 * pagination, and the simple-page-master chosen for each page of a
 * page-sequence (directly, or through a page-sequence-master's sub-sequences
 * and conditions: page-position, odd-or-even, blank-or-not-blank).
 */
#ifndef CG_FO_MASTERS_H
#define CG_FO_MASTERS_H

#include "fo_env.h"

/* Every reference to a master resolves: the layout-master-set holds a
 * simple-page-master, each page-sequence's master-reference names a page
 * master, each page-sequence-master's references name simple-page-masters.
 * Adds an error at the element for each that does not; returns their number
 * (pagination must not start when it is not 0). */
int cg_masters_check(cg_layout *L);

/* Master selection, exposed for tests: the simple-page-master for page
 * index i (0-based in the sequence) of sequence ps, with page number num. */
const cg_fo *cg_select_master(cg_layout *L, const cg_fo *ps, int i, int num, gboolean last,
                              gboolean blank);

#endif
