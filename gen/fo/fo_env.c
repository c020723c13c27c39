/* fo_env.c — see fo_env.h. */
#include "fo_env.h"
#include "fonts.h"

#include <string.h>

/* Keys of the font metrics cache: a font description and an interned language. */
typedef struct {
    PangoFontDescription *fd;
    const char *lang;
} metrics_key;

static guint metrics_key_hash(gconstpointer p)
{
    const metrics_key *k = p;
    return pango_font_description_hash(k->fd) * 31u + g_direct_hash(k->lang);
}

static gboolean metrics_key_equal(gconstpointer a, gconstpointer b)
{
    const metrics_key *x = a, *y = b;
    return x->lang == y->lang && pango_font_description_equal(x->fd, y->fd);
}

static void metrics_key_free(gpointer p)
{
    metrics_key *k = p;
    pango_font_description_free(k->fd);
    g_free(k);
}

GHashTable *cg_metrics_table_new(void)
{
    return g_hash_table_new_full(metrics_key_hash, metrics_key_equal, metrics_key_free, g_free);
}

void cg_layout_warn_once(cg_layout *L, const cg_fo *fo, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (g_hash_table_contains(L->warned, msg)) {
        g_free(msg);
        return;
    }
    if (fo && fo->kind != FO_TEXT)
        cg_xml_diag(L->d, CG_WARNING, fo->xml, "%s", msg);
    else
        cg_diag_add(L->d, CG_WARNING, L->t->file, 0, 0, "%s", msg);
    g_hash_table_add(L->warned, msg);
}

const char *cg_layout_lang(const cg_props *p, char buf[32])
{
    const char *l = p->i.language, *c = p->i.country;
    if (!l || !*l) {
        buf[0] = 0;
        return buf;
    }
    if ((!c || !*c) && !strcmp(l, "zh"))
        c = "CN";       /* Simplified Chinese unless told otherwise */
    if (c && *c)
        g_snprintf(buf, 32, "%s-%s", l, c);
    else
        g_strlcpy(buf, l, 32);
    return buf;
}

typedef struct { cg_layout *L; const cg_fo *fo; } report_ctx;

static void report_family(void *vctx, cg_severity sev, const char *msg)
{
    report_ctx *rc = vctx;
    if (sev == CG_ERROR) {
        if (rc->fo && rc->fo->kind != FO_TEXT)
            cg_xml_diag(rc->L->d, CG_ERROR, rc->fo->xml, "%s", msg);
        else
            cg_diag_add(rc->L->d, CG_ERROR, rc->L->t->file, 0, 0, "%s", msg);
    } else
        cg_layout_warn_once(rc->L, rc->fo, "%s", msg);
}

PangoFontDescription *cg_layout_font(cg_layout *L, const cg_props *p, const cg_fo *fo)
{
    const char *fam = g_hash_table_lookup(L->families, p->i.font_family);
    if (!fam) {
        report_ctx rc = { L, fo };
        char *list = cg_fonts_family_list(p->i.font_family, report_family, &rc);
        g_hash_table_insert(L->families, g_strdup(p->i.font_family), list);
        fam = list;
    }
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, fam);
    pango_font_description_set_absolute_size(fd, p->i.font_size * PANGO_SCALE);
    pango_font_description_set_weight(fd, (PangoWeight)p->i.font_weight);
    pango_font_description_set_style(fd, p->i.font_style == 1 ? PANGO_STYLE_ITALIC
                                         : p->i.font_style == 2 ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
    return fd;
}

const cg_metrics *cg_layout_metrics(cg_layout *L, const PangoFontDescription *fd, const char *lang)
{
    /* Keyed by the description itself (its string form cost 6% of a long run). */
    metrics_key k = { (PangoFontDescription *)fd, g_intern_string(lang ? lang : "") };
    cg_metrics *m = g_hash_table_lookup(L->metrics, &k);
    if (m)
        return m;
    metrics_key *key = g_new(metrics_key, 1);
    key->fd = pango_font_description_copy(fd);
    key->lang = k.lang;
    m = g_new0(cg_metrics, 1);
    PangoFontMetrics *fm = pango_context_get_metrics(L->ctx, fd,
                                                     lang && *lang ? pango_language_from_string(lang) : NULL);
    m->ascent = pango_font_metrics_get_ascent(fm) / (double)PANGO_SCALE;
    m->descent = pango_font_metrics_get_descent(fm) / (double)PANGO_SCALE;
    m->ul_pos = -pango_font_metrics_get_underline_position(fm) / (double)PANGO_SCALE;
    m->ul_thick = pango_font_metrics_get_underline_thickness(fm) / (double)PANGO_SCALE;
    m->st_pos = pango_font_metrics_get_strikethrough_position(fm) / (double)PANGO_SCALE;
    m->st_thick = pango_font_metrics_get_strikethrough_thickness(fm) / (double)PANGO_SCALE;
    pango_font_metrics_unref(fm);
    if (m->ascent <= 0 && m->descent <= 0) {
        double size = pango_font_description_get_size(fd) / (double)PANGO_SCALE;
        m->ascent = size * 0.8;
        m->descent = size * 0.2;
    }
    g_hash_table_insert(L->metrics, key, m);
    return m;
}
