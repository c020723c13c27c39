/* fo_markers.c — see fo_markers.h. */
#include "fo_markers.h"

#include <string.h>

typedef struct {
    const cg_fo *fo;
    int page;
    const cg_fo *seq;
    gboolean first, last;
} mark_area;

struct cg_marks {
    GArray *areas;              /* mark_area, in page order then area-tree order */
};

typedef enum { POS_FIRST_START, POS_FIRST_ANY, POS_LAST_START, POS_LAST_END } retrieve_pos;
typedef enum { BOUND_PAGE, BOUND_SEQUENCE, BOUND_DOCUMENT } retrieve_bound;

cg_marks *cg_marks_new(void)
{
    cg_marks *m = g_new0(cg_marks, 1);
    m->areas = g_array_new(FALSE, FALSE, sizeof(mark_area));
    return m;
}

void cg_marks_free(cg_marks *m)
{
    if (!m)
        return;
    g_array_free(m->areas, TRUE);
    g_free(m);
}

int cg_marks_add(cg_marks *m, const cg_fo *fo, int page, const cg_fo *seq, gboolean first, gboolean last)
{
    mark_area a = { fo, page, seq, first, last };
    g_array_append_val(m->areas, a);
    return (int)m->areas->len - 1;
}

void cg_marks_set_last(cg_marks *m, int entry, gboolean last)
{
    if (entry >= 0 && entry < (int)m->areas->len)
        g_array_index(m->areas, mark_area, entry).last = last;
}

/* The marker of class cls among fo's, or NULL. */
static const cg_fo *marker_of(const cg_fo *fo, const char *cls)
{
    for (const cg_fo *mk = fo->markers; mk; mk = mk->next)
        if (!strcmp(mk->text, cls))
            return mk;
    return NULL;
}

/* The first entry of page: areas are logged page after page. */
static int page_begin(const cg_marks *m, int page)
{
    int lo = 0, hi = (int)m->areas->len;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (g_array_index(m->areas, mark_area, mid).page < page)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* On the page whose entries are [from, to): the marker of class cls that
 * position chooses, or NULL. */
static const cg_fo *on_page(const cg_marks *m, int from, int to, const char *cls, retrieve_pos pos)
{
    gboolean forward = pos == POS_FIRST_START || pos == POS_FIRST_ANY;
    for (int k = 0; k < to - from; k++) {
        const mark_area *a = &g_array_index(m->areas, mark_area, forward ? from + k : to - 1 - k);
        if ((pos == POS_FIRST_START || pos == POS_LAST_START) && !a->first)
            continue;
        if (pos == POS_LAST_END && !a->last)
            continue;
        const cg_fo *mk = marker_of(a->fo, cls);
        if (mk)
            return mk;
    }
    return NULL;
}

/* Before the page that starts at entry from: the nearest earlier page (of seq
 * unless the boundary is the document) with a marker of class cls, and its
 * last area with is-last, else its last area. */
static const cg_fo *before_page(const cg_marks *m, int from, const char *cls, const cg_fo *seq,
                                retrieve_bound bound)
{
    int k = from - 1;
    while (k >= 0) {
        const mark_area *a = &g_array_index(m->areas, mark_area, k);
        if (bound == BOUND_SEQUENCE && a->seq != seq)
            return NULL;
        int start = page_begin(m, a->page);
        const cg_fo *mk = on_page(m, start, k + 1, cls, POS_LAST_END);
        for (int j = k; j >= start && !mk; j--)
            mk = marker_of(g_array_index(m->areas, mark_area, j).fo, cls);
        if (mk)
            return mk;
        k = start - 1;
    }
    return NULL;
}

static retrieve_pos position_of(const char *v)
{
    if (v && !strcmp(v, "first-starting-within-page")) return POS_FIRST_START;
    if (v && !strcmp(v, "first-including-carryover")) return POS_FIRST_ANY;
    if (v && !strcmp(v, "last-starting-within-page")) return POS_LAST_START;
    return POS_LAST_END;
}

static retrieve_bound boundary_of(const char *v)
{
    if (v && !strcmp(v, "page")) return BOUND_PAGE;
    if (v && !strcmp(v, "document")) return BOUND_DOCUMENT;
    return BOUND_SEQUENCE;
}

/* What the retrieve-marker rm shows on page. */
static const cg_fo *retrieved(const cg_marks *m, cg_fo_tree *t, const cg_fo *rm, int page, const cg_fo *seq)
{
    const char *cls = cg_fo_attr(t, rm, "retrieve-class-name");
    if (!cls)
        return NULL;
    int from = page_begin(m, page), to = page_begin(m, page + 1);
    const cg_fo *mk = on_page(m, from, to, cls, position_of(cg_fo_attr(t, rm, "retrieve-position")));
    retrieve_bound bound = boundary_of(cg_fo_attr(t, rm, "retrieve-boundary"));
    if (!mk && bound != BOUND_PAGE)
        mk = before_page(m, from, cls, seq, bound);
    return mk;
}

static void resolve_in(cg_marks *m, cg_fo_tree *t, cg_fo *n, int page, const cg_fo *seq)
{
    for (cg_fo *c = n->first; c; c = c->next) {
        if (c->kind == FO_RETRIEVE_MARKER)
            cg_fo_retrieve(t, c, retrieved(m, t, c, page, seq));
        else if (c->kind != FO_TEXT)
            resolve_in(m, t, c, page, seq);
    }
}

void cg_marks_resolve(cg_marks *m, cg_fo_tree *t, const cg_fo *sc, int page, const cg_fo *seq)
{
    if (sc && t->has_markers)
        resolve_in(m, t, (cg_fo *)sc, page, seq);
}
