/* fo_area.c — see fo_area.h. */
#include "fo_area.h"

static void free_list(gpointer p) { cg_vlist_free(p); }
static void free_array(gpointer p) { g_ptr_array_free(p, TRUE); }

cg_vlist *cg_vlist_new(void)
{
    cg_vlist *vl = g_new0(cg_vlist, 1);
    vl->items = g_array_new(FALSE, TRUE, sizeof(cg_vitem));
    vl->owned_lists = g_ptr_array_new_with_free_func(free_list);
    vl->owned_paras = g_ptr_array_new();   /* fo_text.c sets its free function */
    vl->owned = g_ptr_array_new_with_free_func(g_free);
    vl->owned_arrays = g_ptr_array_new_with_free_func(free_array);
    return vl;
}

void cg_vlist_free(cg_vlist *vl)
{
    if (!vl)
        return;
    g_array_free(vl->items, TRUE);
    g_ptr_array_free(vl->owned_arrays, TRUE);
    g_ptr_array_free(vl->owned_lists, TRUE);
    g_ptr_array_free(vl->owned_paras, TRUE);
    g_ptr_array_free(vl->owned, TRUE);
    g_free(vl);
}

cg_vitem *cg_vlist_add(cg_vlist *vl, cg_vkind kind)
{
    cg_vitem it = { 0 };
    it.kind = kind;
    g_array_append_val(vl->items, it);
    return &g_array_index(vl->items, cg_vitem, vl->items->len - 1);
}

void *cg_vlist_alloc(cg_vlist *vl, size_t n)
{
    void *p = g_malloc0(n);
    g_ptr_array_add(vl->owned, p);
    return p;
}

double cg_vlist_measure(const cg_vlist *vl)
{
    return cg_vlist_measure_range(vl, 0, (int)vl->items->len);
}

double cg_vlist_shrink(const cg_vlist *vl)
{
    double total = 0, group = 0, group_shrink = 0;
    gboolean in_group = FALSE, started = FALSE;
    for (guint i = 0; i < vl->items->len; i++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, i);
        if (it->kind == VI_SPACE) {
            if (!started && !it->retain)
                continue;
            if (!in_group) {
                in_group = TRUE;
                group = group_shrink = 0;
            }
            if (it->h > group) {
                total += it->shrink - group_shrink;
                group = it->h;
                group_shrink = it->shrink;
            }
        } else if (it->kind == VI_LINE || it->kind == VI_ROW || it->kind == VI_BOX ||
                   it->kind == VI_OVERLAY || (it->kind == VI_GAP && it->h > 0)) {
            in_group = FALSE;
            started = TRUE;
        }
    }
    return total;
}

double cg_vlist_measure_range(const cg_vlist *vl, int from, int to)
{
    double y = 0, bottom = 0;
    double group = 0;           /* largest space of the current run of spaces */
    gboolean in_group = FALSE, started = FALSE;
    for (int i = from; i < to; i++) {
        const cg_vitem *it = &g_array_index(vl->items, cg_vitem, i);
        switch (it->kind) {
        case VI_SPACE:
            if (!started && !it->retain)
                break;          /* discarded at the start of an area */
            if (!in_group) {
                in_group = TRUE;
                group = 0;
            }
            if (it->h > group) {
                y += it->h - group;
                group = it->h;
            }
            break;
        case VI_LINE: case VI_GAP: case VI_ROW: case VI_BOX:
            if (it->h <= 0 && it->kind == VI_GAP)
                break;
            in_group = FALSE;
            started = TRUE;
            y += it->h;
            bottom = y;
            break;
        case VI_OVERLAY:
            started = TRUE;
            in_group = FALSE;
            bottom = MAX(bottom, y + it->h);
            break;
        default:
            break;
        }
    }
    return MAX(bottom, 0);   /* trailing spaces are discarded at the end */
}
