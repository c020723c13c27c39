/* fo_linebreak.h — fitting a paragraph into lines: Knuth–Plass total fit over
 * boxes, glue and penalties, with a greedy fallback.
 *
 * The model is general: glue may stand between any two boxes (word spaces,
 * Chinese inter-character gaps, Chinese–Latin spacing, leaders), each with its
 * own stretch and shrink. This file knows nothing of text, fonts or Pango: the
 * caller turns a paragraph into items and the chosen breaks back into lines.
 *
 * A legal break is a glue item preceded by a box, or a penalty below
 * CG_LB_INF. Penalties at or below -CG_LB_INF force a break. After a break, the
 * next line starts at the first box or forced penalty (glue and penalties at a
 * line start are discarded).
 */
#ifndef CG_FO_LINEBREAK_H
#define CG_FO_LINEBREAK_H

#include <glib.h>

#define CG_LB_INF 10000.0
#define CG_LB_FIL 1e7          /* stretch of fill glue (last line) */

typedef enum { CG_LB_BOX, CG_LB_GLUE, CG_LB_PENALTY } cg_lb_type;

typedef struct {
    cg_lb_type type;
    gboolean flagged;          /* penalty: a hyphen break (consecutive ones cost more) */
    double width;              /* box and glue width; penalty: width added if broken here */
    double stretch, shrink;    /* glue only */
    double penalty;            /* penalty only */
} cg_lb_item;

typedef struct {
    double line_width;         /* available width of every line after the first */
    double first_line_width;   /* of the first line (text-indent is a box, not this) */
    double tolerance;          /* largest badness accepted in the first pass (e.g. 200) */
    double ragged_stretch;     /* stretch added to every line: > 0 for ragged (non-justified) text */
    double line_penalty;       /* TeX \linepenalty, 10 */
    double flagged_demerits;   /* two hyphenated lines in a row, 3000 */
    double fitness_demerits;   /* adjacent lines of very different tightness, 100 */
    int max_total_fit_items;   /* longer paragraphs go straight to the greedy fitter */
} cg_lb_params;

typedef struct {
    int *breaks;               /* item index of each line's break; the last is the paragraph end */
    double *ratios;            /* adjustment ratio of each line (-1..+inf; 0 when natural) */
    int n;                     /* number of lines */
    gboolean greedy;           /* the greedy fallback was used */
    int overfull;              /* lines wider than their measure (greedy only) */
} cg_lb_result;

/* Sensible defaults for width w. */
void cg_lb_params_default(cg_lb_params *p, double w);

/* Choose breaks for items[0..n). The list must end with a forced penalty (the
 * caller appends, as TeX does, a penalty CG_LB_INF, fill glue, and the forced
 * penalty: without the first, a break at the fill glue would be legal). Fills *out (free with cg_lb_result_clear).
 * Total fit is tried with the tolerance, then with a large one; if no set of
 * feasible breaks exists (a box wider than the line) or the paragraph is longer
 * than max_total_fit_items, lines are filled greedily and boxes wider than the
 * line are put on a line of their own, overflowing (counted in out->overfull). */
void cg_linebreak(const cg_lb_item *items, int n, const cg_lb_params *p, cg_lb_result *out);

/* The greedy fitter alone (first-fit), for tests and comparison. */
void cg_linebreak_greedy(const cg_lb_item *items, int n, const cg_lb_params *p, cg_lb_result *out);

void cg_lb_result_clear(cg_lb_result *r);

/* Index of the first item of the line that follows a break at b (skips glue
 * and non-forced penalties); n if none. Use -1 for the paragraph start. */
int cg_lb_line_start(const cg_lb_item *items, int n, int b);

/* Natural width, stretch and shrink of the line [start, brk). */
void cg_lb_measure(const cg_lb_item *items, int start, int brk, double *w, double *y, double *z);

#endif
