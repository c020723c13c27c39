/* fo_linebreak.c — see fo_linebreak.h.
 *
 * The total-fit algorithm follows Knuth and Plass, "Breaking Paragraphs into
 * Lines" (1981): active nodes hold the best way found so far to end a line at
 * a breakpoint, per fitness class; each legal breakpoint is tried against
 * every active node; nodes too far back (the line would have to shrink past
 * its limit) are deactivated. Demerits are (line_penalty + badness)^2 plus the
 * penalty squared, plus extra for consecutive flagged breaks and for abrupt
 * changes of fitness class.
 */
#include "fo_linebreak.h"

#include <math.h>

void cg_lb_params_default(cg_lb_params *p, double w)
{
    p->line_width = w;
    p->first_line_width = w;
    p->tolerance = 200;
    p->ragged_stretch = 0;
    p->line_penalty = 10;
    p->flagged_demerits = 3000;
    p->fitness_demerits = 100;
    p->max_total_fit_items = 100000;
}

void cg_lb_result_clear(cg_lb_result *r)
{
    g_free(r->breaks);
    g_free(r->ratios);
    r->breaks = NULL;
    r->ratios = NULL;
    r->n = 0;
}

static gboolean is_forced(const cg_lb_item *it)
{
    return it->type == CG_LB_PENALTY && it->penalty <= -CG_LB_INF;
}

int cg_lb_line_start(const cg_lb_item *items, int n, int b)
{
    int i = b + 1;
    if (b < 0)
        return 0;
    while (i < n && items[i].type != CG_LB_BOX && !is_forced(&items[i]))
        i++;
    return i;
}

void cg_lb_measure(const cg_lb_item *items, int start, int brk, double *w, double *y, double *z)
{
    double W = 0, Y = 0, Z = 0;
    for (int i = start; i < brk; i++) {
        if (items[i].type == CG_LB_PENALTY)
            continue;
        W += items[i].width;
        if (items[i].type == CG_LB_GLUE) {
            Y += items[i].stretch;
            Z += items[i].shrink;
        }
    }
    if (items[brk].type == CG_LB_PENALTY)
        W += items[brk].width;
    *w = W;
    *y = Y;
    *z = Z;
}

static gboolean legal_break(const cg_lb_item *items, int i)
{
    if (items[i].type == CG_LB_PENALTY)
        return items[i].penalty < CG_LB_INF;
    if (items[i].type == CG_LB_GLUE)
        return i > 0 && items[i - 1].type == CG_LB_BOX;
    return FALSE;
}

static double ratio_of(double L, double w, double y, double z)
{
    if (w < L)
        return y > 0 ? (L - w) / y : CG_LB_INF;
    if (w > L)
        return z > 0 ? (L - w) / z : -CG_LB_INF;
    return 0;
}

/* TeX's badness, capped at cap: CG_LB_INF in the normal passes; the
 * emergency pass uses a far higher cap so that very loose lines still
 * compare (a line stretched 5 times is better than one stretched 50 times). */
static double badness_cap(double r, double cap)
{
    if (r < -1)
        return CG_LB_INF;
    double b = 100 * fabs(r) * fabs(r) * fabs(r);
    return b > cap ? cap : b;
}

static double badness(double r)
{
    return badness_cap(r, CG_LB_INF);
}

static int fitness(double r)
{
    if (r < -0.5) return 0;     /* tight */
    if (r <= 0.5) return 1;     /* decent */
    if (r <= 1) return 2;       /* loose */
    return 3;                   /* very loose */
}

typedef struct node node;
struct node {
    int pos;              /* break item index, -1 for the start */
    int line;             /* number of lines ending here */
    int fit;
    double W, Y, Z;       /* sums of the items before the next line's start */
    double demerits;
    gboolean flagged;
    node *prev;
};

/* Sums up to (not including) item i: prefix arrays. */
typedef struct { double *W, *Y, *Z; } sums;

static void after_break_sums(const cg_lb_item *items, int n, int b, const sums *s,
                             double *W, double *Y, double *Z)
{
    int start = cg_lb_line_start(items, n, b);
    *W = s->W[start];
    *Y = s->Y[start];
    *Z = s->Z[start];
}

static gboolean total_fit(const cg_lb_item *items, int n, const cg_lb_params *p,
                          double tolerance, cg_lb_result *out)
{
    double cap = tolerance > CG_LB_INF - 1 ? 1e8 : CG_LB_INF;
    sums s = { g_new(double, n + 1), g_new(double, n + 1), g_new(double, n + 1) };
    s.W[0] = s.Y[0] = s.Z[0] = 0;
    for (int i = 0; i < n; i++) {
        double w = items[i].type == CG_LB_PENALTY ? 0 : items[i].width;
        s.W[i + 1] = s.W[i] + w;
        s.Y[i + 1] = s.Y[i] + (items[i].type == CG_LB_GLUE ? items[i].stretch : 0);
        s.Z[i + 1] = s.Z[i] + (items[i].type == CG_LB_GLUE ? items[i].shrink : 0);
    }
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);   /* owns every node */
    GPtrArray *active = g_ptr_array_new();
    node *start = g_new0(node, 1);
    start->pos = -1;
    start->fit = 1;
    after_break_sums(items, n, -1, &s, &start->W, &start->Y, &start->Z);
    g_ptr_array_add(all, start);
    g_ptr_array_add(active, start);
    node *final = NULL;

    for (int b = 0; b < n && active->len; b++) {
        if (!legal_break(items, b))
            continue;
        const cg_lb_item *it = &items[b];
        double pen = it->type == CG_LB_PENALTY ? it->penalty : 0;
        gboolean flag = it->type == CG_LB_PENALTY && it->flagged;
        node *best[4] = { NULL };
        double best_d[4] = { INFINITY, INFINITY, INFINITY, INFINITY };
        double best_r[4] = { 0 };
        for (guint k = 0; k < active->len;) {
            node *a = active->pdata[k];
            double L = a->line == 0 ? p->first_line_width : p->line_width;
            double w = s.W[b] - a->W + (it->type == CG_LB_PENALTY ? it->width : 0);
            double y = s.Y[b] - a->Y + p->ragged_stretch;
            double z = s.Z[b] - a->Z;
            double r = ratio_of(L, w, y, z);
            gboolean deactivate = r < -1 || is_forced(it);
            if (r >= -1 && badness(r) <= tolerance) {
                double bad = badness_cap(r, cap);
                double d = p->line_penalty + bad;
                d = d * d;
                if (pen >= 0)
                    d += pen * pen;
                else if (pen > -CG_LB_INF)
                    d -= pen * pen;
                if (flag && a->flagged)
                    d += p->flagged_demerits;
                int f = fitness(r);
                if (abs(f - a->fit) > 1)
                    d += p->fitness_demerits;
                d += a->demerits;
                if (d < best_d[f]) {
                    best_d[f] = d;
                    best[f] = a;
                    best_r[f] = r;
                }
            }
            if (deactivate)
                g_ptr_array_remove_index(active, k);
            else
                k++;
        }
        double min_d = INFINITY;
        for (int f = 0; f < 4; f++)
            min_d = MIN(min_d, best_d[f]);
        for (int f = 0; f < 4; f++) {
            if (!best[f] || best_d[f] > min_d + p->fitness_demerits)
                continue;
            node *nn = g_new0(node, 1);
            nn->pos = b;
            nn->line = best[f]->line + 1;
            nn->fit = f;
            nn->demerits = best_d[f];
            nn->flagged = flag;
            nn->prev = best[f];
            (void)best_r;
            after_break_sums(items, n, b, &s, &nn->W, &nn->Y, &nn->Z);
            g_ptr_array_add(all, nn);
            g_ptr_array_add(active, nn);
            if (b == n - 1 && (!final || nn->demerits < final->demerits))
                final = nn;
        }
    }
    gboolean ok = final != NULL;
    if (ok) {
        int lines = final->line;
        out->n = lines;
        out->breaks = g_new(int, lines);
        out->ratios = g_new(double, lines);
        for (node *x = final; x->prev; x = x->prev)
            out->breaks[x->line - 1] = x->pos;
        int prev = -1;
        for (int l = 0; l < lines; l++) {
            int st = cg_lb_line_start(items, n, prev);
            double w, y, z;
            cg_lb_measure(items, st, out->breaks[l], &w, &y, &z);
            double L = l == 0 ? p->first_line_width : p->line_width;
            double r = ratio_of(L, w, y, z);
            out->ratios[l] = CLAMP(r, -1, CG_LB_INF);
            prev = out->breaks[l];
        }
        out->greedy = FALSE;
        out->overfull = 0;
    }
    g_ptr_array_free(active, TRUE);
    g_ptr_array_free(all, TRUE);
    g_free(s.W);
    g_free(s.Y);
    g_free(s.Z);
    return ok;
}

void cg_linebreak_greedy(const cg_lb_item *items, int n, const cg_lb_params *p, cg_lb_result *out)
{
    GArray *br = g_array_new(FALSE, FALSE, sizeof(int));
    GArray *ra = g_array_new(FALSE, FALSE, sizeof(double));
    int overfull = 0;
    int start = cg_lb_line_start(items, n, -1);
    while (start < n) {
        double L = br->len == 0 ? p->first_line_width : p->line_width;
        int last_fit = -1;        /* last legal break whose line fits (with shrink) */
        int chosen = -1;
        double w = 0, z = 0;
        for (int i = start; i < n; i++) {
            const cg_lb_item *it = &items[i];
            if (legal_break(items, i) && i > start) {
                double lw = w + (it->type == CG_LB_PENALTY ? it->width : 0);
                if (lw - z <= L + 1e-9)
                    last_fit = i;
                else {
                    chosen = last_fit >= 0 ? last_fit : i;   /* nothing fits: overflow */
                    if (last_fit < 0)
                        overfull++;
                    break;
                }
                if (is_forced(it)) {
                    chosen = i;
                    break;
                }
            } else if (is_forced(it)) {      /* a forced break at the line start */
                chosen = i;
                break;
            }
            if (it->type != CG_LB_PENALTY) {
                w += it->width;
                if (it->type == CG_LB_GLUE)
                    z += it->shrink;
            }
        }
        if (chosen < 0)
            chosen = last_fit >= 0 ? last_fit : n - 1;
        double lw, y, zz;
        cg_lb_measure(items, start, chosen, &lw, &y, &zz);
        double r = ratio_of(L, lw, y + p->ragged_stretch, zz);
        r = CLAMP(r, -1, CG_LB_INF);
        g_array_append_val(br, chosen);
        g_array_append_val(ra, r);
        if (chosen >= n - 1)
            break;
        start = cg_lb_line_start(items, n, chosen);
    }
    out->n = (int)br->len;
    out->breaks = (int *)g_array_free(br, FALSE);
    out->ratios = (double *)g_array_free(ra, FALSE);
    out->greedy = TRUE;
    out->overfull = overfull;
}

void cg_linebreak(const cg_lb_item *items, int n, const cg_lb_params *p, cg_lb_result *out)
{
    out->breaks = NULL;
    out->ratios = NULL;
    out->n = 0;
    out->greedy = FALSE;
    out->overfull = 0;
    if (n <= 0)
        return;
    if (n <= p->max_total_fit_items) {
        if (total_fit(items, n, p, p->tolerance, out))
            return;
        if (total_fit(items, n, p, CG_LB_INF, out))
            return;
    }
    cg_linebreak_greedy(items, n, p, out);
}
