/* fo_form.c — see fo_form.h. */
#include "fo_form.h"

#include <string.h>

#define CX_NS "urn:circgen:fo-extensions"

static char *cx_attr(const cg_fo *fo, const char *name)
{
    xmlChar *v = fo && fo->xml ? xmlGetNsProp(fo->xml, (const xmlChar *)name, (const xmlChar *)CX_NS) : NULL;
    if (!v)
        return NULL;
    char *r = g_strstrip(g_strdup((const char *)v));
    xmlFree(v);
    return r;
}

/* Field names: letters, digits, '-', '_' and '.' between parts (no empty part). */
static gboolean name_ok(const char *n)
{
    if (!n || !*n || *n == '.' || n[strlen(n) - 1] == '.' || strstr(n, ".."))
        return FALSE;
    for (const char *p = n; *p; p++)
        if (!g_ascii_isalnum(*p) && !strchr("-_.", *p))
            return FALSE;
    return TRUE;
}

/* The field of fo, its type read; FALSE (with a warning) when it is not a usable one. */
static gboolean read_field(cg_layout *L, const cg_fo *fo, cg_field *f)
{
    char *type = cx_attr(fo, "field");
    if (!type)
        return FALSE;
    gboolean ok = TRUE;
    if (!strcmp(type, "text")) f->type = CG_FIELD_TEXT;
    else if (!strcmp(type, "radio")) f->type = CG_FIELD_RADIO;
    else if (!strcmp(type, "checkbox")) f->type = CG_FIELD_CHECKBOX;
    else {
        cg_layout_warn_once(L, fo, "cx:field=\"%s\" is not a field type (text, radio, checkbox): no field", type);
        ok = FALSE;
    }
    g_free(type);
    if (!ok)
        return FALSE;
    f->name = cx_attr(fo, "field-name");
    if (!name_ok(f->name)) {
        cg_layout_warn_once(L, fo, "cx:field-name=\"%s\" is not a field name (letters, digits, - and _, "
                            "parts joined by dots): no field", f->name ? f->name : "");
        g_free(f->name);
        return FALSE;
    }
    f->value = cx_attr(fo, "field-value");
    if (f->type != CG_FIELD_TEXT && (!f->value || !name_ok(f->value) || strchr(f->value, '.'))) {
        g_free(f->value);
        f->value = g_strdup(f->type == CG_FIELD_CHECKBOX ? "Yes" : "On");
    }
    f->tooltip = cx_attr(fo, "field-tooltip");
    char *ml = cx_attr(fo, "field-multiline");
    f->multiline = ml && !strcmp(ml, "true");
    g_free(ml);
    f->font_size = fo->p->i.font_size;
    f->form_tag = -1;
    return TRUE;
}

gboolean cg_form_field(cg_layout *L, const cg_page *pg, const cg_region_out *ro, const cg_placed *pl, cg_field *f)
{
    if (!pl->blk || !pl->blk->fo || pl->frag < 0 || (guint)pl->frag >= ro->frags->len)
        return FALSE;
    memset(f, 0, sizeof *f);
    if (!read_field(L, pl->blk->fo, f))
        return FALSE;
    const cg_frag *fr = &g_array_index(ro->frags, cg_frag, pl->frag);
    if (!pl->tagged || !fr->first || !fr->last) {
        cg_layout_warn_once(L, pl->blk->fo, "form field '%s' %s: it has no widget", f->name,
                            pl->tagged ? "is split across pages" : "is in static content or a repeated header");
        cg_form_field_clear(f);
        return FALSE;
    }
    /* the padding box: a filled field's background leaves the borders drawn */
    const cg_border *b = pl->blk->border;
    f->page = pg->index;
    f->x0 = fr->x + b[CG_START].width + 0.25;
    f->x1 = fr->x + fr->w - b[CG_END].width - 0.25;
    f->y0 = pg->h - fr->y1 + b[CG_AFTER].width + 0.25;
    f->y1 = pg->h - fr->y0 - b[CG_BEFORE].width - 0.25;
    return TRUE;
}

void cg_form_field_clear(cg_field *f)
{
    g_free(f->name);
    g_free(f->value);
    g_free(f->tooltip);
    f->name = f->value = f->tooltip = NULL;
}

static void clear_field(gpointer p)
{
    cg_form_field_clear(p);
}

GArray *cg_form_fields_new(void)
{
    GArray *a = g_array_new(FALSE, TRUE, sizeof(cg_field));
    g_array_set_clear_func(a, clear_field);
    return a;
}

void cg_form_fields_free(GArray *fields)
{
    if (fields)
        g_array_free(fields, TRUE);
}
