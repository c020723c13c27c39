/* diffseq.c — see diffseq.h.
 *
 * The recursion follows Myers' linear-space scheme: strip the common prefix and
 * suffix, find the middle snake of the rest by searching forward from the top-left
 * corner and backward from the bottom-right corner at the same time, and recurse on
 * the two halves on either side of it. Deleted elements of a and inserted elements
 * of b are marked in two flag arrays; the script is read off the flags at the end,
 * which pairs the unmarked elements of a and b in order.
 */
#include "diffseq.h"

#include <string.h>

typedef struct {
    const int *a, *b;
    gssize *fdiag, *bdiag;     /* furthest x on each diagonal k = x - y, offset by nb + 1 */
    gboolean *a_del, *b_ins;
    gssize too_expensive;
} ctx;

/* Find the middle snake of a[xoff..xlim) and b[yoff..ylim), both non-empty, whose
 * first and last elements differ; set *xmid, *ymid to a point on it. */
static void middle_snake(ctx *c, gssize xoff, gssize xlim, gssize yoff, gssize ylim,
                         gssize *xmid, gssize *ymid)
{
    gssize *fd = c->fdiag, *bd = c->bdiag;
    const int *xv = c->a, *yv = c->b;
    const gssize dmin = xoff - ylim, dmax = xlim - yoff;
    const gssize fmid = xoff - yoff, bmid = xlim - ylim;
    gssize fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    const gboolean odd = (fmid - bmid) & 1;

    fd[fmid] = xoff;
    bd[bmid] = xlim;
    for (gssize cost = 1;; cost++) {
        /* Forward: extend the furthest-reaching paths by one edit. */
        if (fmin > dmin)
            fd[--fmin - 1] = -1;
        else
            ++fmin;
        if (fmax < dmax)
            fd[++fmax + 1] = -1;
        else
            --fmax;
        for (gssize d = fmax; d >= fmin; d -= 2) {
            gssize tlo = fd[d - 1], thi = fd[d + 1];
            gssize x = tlo >= thi ? tlo + 1 : thi;
            gssize y = x - d;
            while (x < xlim && y < ylim && xv[x] == yv[y])
                x++, y++;
            fd[d] = x;
            if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
                *xmid = x;
                *ymid = y;
                return;
            }
        }
        /* Backward. */
        if (bmin > dmin)
            bd[--bmin - 1] = G_MAXSSIZE;
        else
            ++bmin;
        if (bmax < dmax)
            bd[++bmax + 1] = G_MAXSSIZE;
        else
            --bmax;
        for (gssize d = bmax; d >= bmin; d -= 2) {
            gssize tlo = bd[d - 1], thi = bd[d + 1];
            gssize x = tlo < thi ? tlo : thi - 1;
            gssize y = x - d;
            while (xoff < x && yoff < y && xv[x - 1] == yv[y - 1])
                x--, y--;
            bd[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
                *xmid = x;
                *ymid = y;
                return;
            }
        }
        if (cost < c->too_expensive)
            continue;
        /* Too expensive: split at the point furthest from its corner, forward or
         * backward. Not minimal, but bounded. */
        gssize fxybest = -1, fxbest = xoff;
        for (gssize d = fmax; d >= fmin; d -= 2) {
            gssize x = MIN(fd[d], xlim), y = x - d;
            if (ylim < y)
                x = ylim + d, y = ylim;
            if (fxybest < x + y)
                fxybest = x + y, fxbest = x;
        }
        gssize bxybest = G_MAXSSIZE, bxbest = xlim;
        for (gssize d = bmax; d >= bmin; d -= 2) {
            gssize x = MAX(xoff, bd[d]), y = x - d;
            if (y < yoff)
                x = yoff + d, y = yoff;
            if (x + y < bxybest)
                bxybest = x + y, bxbest = x;
        }
        if ((xlim + ylim) - bxybest < fxybest - (xoff + yoff)) {
            *xmid = fxbest;
            *ymid = fxybest - fxbest;
        } else {
            *xmid = bxbest;
            *ymid = bxybest - bxbest;
        }
        return;
    }
}

static void compare(ctx *c, gssize xoff, gssize xlim, gssize yoff, gssize ylim)
{
    for (;;) {
        while (xoff < xlim && yoff < ylim && c->a[xoff] == c->b[yoff])
            xoff++, yoff++;
        while (xoff < xlim && yoff < ylim && c->a[xlim - 1] == c->b[ylim - 1])
            xlim--, ylim--;
        if (xoff == xlim) {
            for (gssize y = yoff; y < ylim; y++)
                c->b_ins[y] = TRUE;
            return;
        }
        if (yoff == ylim) {
            for (gssize x = xoff; x < xlim; x++)
                c->a_del[x] = TRUE;
            return;
        }
        gssize xmid, ymid;
        middle_snake(c, xoff, xlim, yoff, ylim, &xmid, &ymid);
        if ((xmid == xoff && ymid == yoff) || (xmid == xlim && ymid == ylim)) {
            /* No progress (only possible after the cost bound): give up on this part. */
            for (gssize x = xoff; x < xlim; x++)
                c->a_del[x] = TRUE;
            for (gssize y = yoff; y < ylim; y++)
                c->b_ins[y] = TRUE;
            return;
        }
        /* Recurse on the smaller half, loop on the other: bounded stack depth. */
        if ((xmid - xoff) + (ymid - yoff) < (xlim - xmid) + (ylim - ymid)) {
            compare(c, xoff, xmid, yoff, ymid);
            xoff = xmid, yoff = ymid;
        } else {
            compare(c, xmid, xlim, ymid, ylim);
            xlim = xmid, ylim = ymid;
        }
    }
}

static void push(GArray *s, cg_edit_kind kind, gsize a_pos, gsize b_pos)
{
    if (s->len) {
        cg_edit *last = &g_array_index(s, cg_edit, s->len - 1);
        if (last->kind == kind) {
            last->len++;
            return;
        }
    }
    cg_edit e = { kind, a_pos, b_pos, 1 };
    g_array_append_val(s, e);
}

GArray *cg_seq_diff(const int *a, gsize na, const int *b, gsize nb, int max_cost)
{
    GArray *script = g_array_new(FALSE, FALSE, sizeof(cg_edit));
    ctx c = { .a = a, .b = b };
    c.a_del = g_new0(gboolean, na + 1);
    c.b_ins = g_new0(gboolean, nb + 1);
    if (na && nb) {
        gsize diags = na + nb + 3;
        c.fdiag = g_new(gssize, diags);
        c.bdiag = g_new(gssize, diags);
        c.fdiag += nb + 1;
        c.bdiag += nb + 1;
        if (max_cost > 0) {
            c.too_expensive = max_cost;
        } else {
            gssize te = 1;
            for (gsize n = diags; n; n >>= 2)
                te <<= 1;
            c.too_expensive = MAX(4096, te);
        }
    }
    compare(&c, 0, (gssize)na, 0, (gssize)nb);
    if (c.fdiag) {
        g_free(c.fdiag - (nb + 1));
        g_free(c.bdiag - (nb + 1));
    }

    /* Read the script off the flags: deletions of a change before its insertions. */
    gsize x = 0, y = 0;
    while (x < na || y < nb) {
        if (x < na && c.a_del[x]) {
            push(script, CG_EDIT_DELETE, x, y);
            x++;
        } else if (y < nb && c.b_ins[y]) {
            push(script, CG_EDIT_INSERT, x, y);
            y++;
        } else {
            push(script, CG_EDIT_EQUAL, x, y);
            x++, y++;
        }
    }
    g_free(c.a_del);
    g_free(c.b_ins);
    return script;
}

gsize cg_seq_cost(const GArray *script)
{
    gsize n = 0;
    for (guint i = 0; i < script->len; i++) {
        const cg_edit *e = &g_array_index(script, cg_edit, i);
        if (e->kind != CG_EDIT_EQUAL)
            n += e->len;
    }
    return n;
}

gsize cg_seq_lis(const int *v, gsize n, gboolean *keep)
{
    if (n == 0)
        return 0;
    /* tail[k]: index of the smallest last element of an increasing run of length k+1. */
    gsize *tail = g_new(gsize, n), *prev = g_new(gsize, n);
    gsize len = 0;
    for (gsize i = 0; i < n; i++) {
        gsize lo = 0, hi = len;
        while (lo < hi) {
            gsize mid = (lo + hi) / 2;
            if (v[tail[mid]] < v[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[i] = lo ? tail[lo - 1] : G_MAXSIZE;
        tail[lo] = i;
        if (lo == len)
            len++;
        keep[i] = FALSE;
    }
    for (gsize i = tail[len - 1], k = len; k > 0; k--) {
        keep[i] = TRUE;
        i = prev[i];
    }
    g_free(tail);
    g_free(prev);
    return len;
}
