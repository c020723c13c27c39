/* diffseq.h — minimal edit scripts between two sequences of integers.
 *
 * The translator diff turns the text of a unit into a sequence of tokens (words,
 * or characters for Chinese), interns each token as an integer, and asks this
 * module for a shortest edit script. The algorithm is Myers' O(ND) difference
 * algorithm with the linear-space "middle snake" refinement (E. W. Myers, "An
 * O(ND) Difference Algorithm and Its Variations", Algorithmica 1, 1986): time
 * O((N+M)·D), memory O(N+M), where D is the size of the edit script.
 *
 * When D grows very large (two long texts that have little in common) the search
 * is bounded: past a cost limit, a split point is taken from the furthest-reaching
 * path found so far, as GNU diff does. The script is then still a correct edit
 * script, but may be a little longer than the minimum. Pass max_cost = 0 for the
 * default limit (at least 4096, growing with the square root of N+M) or
 * CG_SEQ_MINIMAL to never give up minimality.
 *
 * The module also finds a longest increasing subsequence, which the diff uses to
 * tell which units moved: the units in the LIS of their new positions stayed,
 * every other common unit moved.
 */
#ifndef CG_DIFFSEQ_H
#define CG_DIFFSEQ_H

#include <glib.h>

#define CG_SEQ_MINIMAL G_MAXINT

typedef enum { CG_EDIT_EQUAL, CG_EDIT_DELETE, CG_EDIT_INSERT } cg_edit_kind;

/* One run of the edit script. EQUAL: a[a_pos..a_pos+len) equals b[b_pos..b_pos+len);
 * DELETE: a[a_pos..a_pos+len) is not in b (b_pos is where it would be);
 * INSERT: b[b_pos..b_pos+len) is not in a (a_pos is where it goes). */
typedef struct {
    cg_edit_kind kind;
    gsize a_pos, b_pos, len;
} cg_edit;

/* The edit script turning a[0..na) into b[0..nb), as runs in order; within a
 * change, the DELETE run comes before the INSERT run. Adjacent runs never have the
 * same kind. Returns a new GArray of cg_edit; the caller frees it with
 * g_array_unref(). Either array may be NULL when its length is 0. */
GArray *cg_seq_diff(const int *a, gsize na, const int *b, gsize nb, int max_cost);

/* Number of deleted plus inserted elements of an edit script. */
gsize cg_seq_cost(const GArray *script);

/* Mark a longest strictly increasing subsequence of v[0..n): keep[i] is set to TRUE
 * for the elements in it, FALSE for the others. O(n log n). Returns its length. */
gsize cg_seq_lis(const int *v, gsize n, gboolean *keep);

#endif
