/* fo_embed.c — see fo_embed.h. */
#include "fo_embed.h"

#include <string.h>
#include <hb.h>
#include <hb-subset.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-font.h>

/* One font file (and face index): its subset as a Cairo face, and which glyph
 * ids the subset kept. cf NULL: not subset (TrueType, or subsetting failed). */
typedef struct {
    cairo_font_face_t *cf;
    hb_subset_plan_t *plan;
    const hb_map_t *kept;       /* Pango's (the full font's) glyph id -> the subset's */
} face_entry;

struct cg_embed {
    hb_set_t *unicodes;
    /* Runs queued by cg_embed_add(), drawn by one Cairo call in cg_embed_flush(). */
    cairo_scaled_font_t *q_sf;
    GArray *q_glyphs;           /* cairo_glyph_t */
    GArray *q_clusters;         /* cairo_text_cluster_t */
    GString *q_text;
    gboolean q_with_text;
    GHashTable *faces;          /* "file\nindex" -> face_entry */
    GHashTable *fonts;          /* PangoFont (ref) -> font_entry */
};

typedef struct {
    face_entry *face;           /* NULL: not subset (glyph ids are Pango's) */
    cairo_scaled_font_t *sf;    /* NULL: draw with Pango */
} font_entry;

static FT_Library ft_lib;       /* one per process, never freed */

typedef struct {
    FT_Face face;
    hb_blob_t *blob;            /* the subset font's bytes, which the FT face reads */
} ft_holder;

static cairo_user_data_key_t holder_key;

static void holder_free(void *p)
{
    ft_holder *h = p;
    FT_Done_Face(h->face);
    hb_blob_destroy(h->blob);
    g_free(h);
}

static void add_char(hb_set_t *s, gunichar c)
{
    hb_set_add(s, c);
    hb_set_add(s, g_unichar_toupper(c));
    hb_set_add(s, g_unichar_tolower(c));
    hb_set_add(s, g_unichar_totitle(c));
}

/* seen: a bitmap of the BMP characters already added with their variants
 * (the same set results; the case mappings are looked up once a character). */
static void add_utf8(hb_set_t *s, guint8 *seen, const xmlChar *t)
{
    const char *p = (const char *)t;
    if (!p || !g_utf8_validate(p, -1, NULL))
        return;
    for (; *p; p = g_utf8_next_char(p)) {
        gunichar c = (guchar)*p < 0x80 ? (gunichar)(guchar)*p : g_utf8_get_char(p);
        if (c < 0x10000) {
            if (seen[c >> 3] & (1u << (c & 7)))
                continue;
            seen[c >> 3] |= (guint8)(1u << (c & 7));
        }
        add_char(s, c);
    }
}

static void walk(hb_set_t *s, guint8 *seen, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            add_utf8(s, seen, n->content);
        else if (n->type == XML_ELEMENT_NODE) {
            for (xmlAttrPtr a = n->properties; a; a = a->next)
                if (a->children && a->children->type == XML_TEXT_NODE)
                    add_utf8(s, seen, a->children->content);
            walk(s, seen, n->children);
        }
    }
}

cg_embed *cg_embed_new(xmlDocPtr fo)
{
    const char *off = g_getenv("CIRCGEN_NO_SUBSET");
    if (off && *off)
        return NULL;
    if (!ft_lib && FT_Init_FreeType(&ft_lib) != 0)
        return NULL;
    cg_embed *e = g_new0(cg_embed, 1);
    e->unicodes = hb_set_create();
    /* What the engine generates: page numbers (also roman), leader dots,
     * hyphens, '?' for an unresolved citation; the ASCII range covers them. */
    hb_set_add_range(e->unicodes, 0x20, 0x7e);
    static const gunichar extra[] = { 0xa0, 0xad, 0x2010, 0x2011, 0x2013, 0x2014, 0x2026, 0x3000 };
    for (size_t i = 0; i < G_N_ELEMENTS(extra); i++)
        hb_set_add(e->unicodes, extra[i]);
    guint8 *seen = g_malloc0(0x10000 / 8);
    walk(e->unicodes, seen, xmlDocGetRootElement(fo));
    g_free(seen);
    e->q_glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
    e->q_clusters = g_array_new(FALSE, FALSE, sizeof(cairo_text_cluster_t));
    e->q_text = g_string_new(NULL);
    e->faces = g_hash_table_new(g_str_hash, g_str_equal);
    e->fonts = g_hash_table_new(g_direct_hash, g_direct_equal);
    return e;
}

void cg_embed_free(cg_embed *e)
{
    if (!e)
        return;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, e->fonts);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        font_entry *fe = v;
        if (fe->sf)
            cairo_scaled_font_destroy(fe->sf);
        g_free(fe);
        g_object_unref(k);
    }
    g_hash_table_destroy(e->fonts);
    g_hash_table_iter_init(&it, e->faces);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        face_entry *fa = v;
        if (fa->cf)
            cairo_font_face_destroy(fa->cf);
        if (fa->plan)
            hb_subset_plan_destroy(fa->plan);
        g_free(fa);
        g_free(k);
    }
    g_hash_table_destroy(e->faces);
    hb_set_destroy(e->unicodes);
    g_array_free(e->q_glyphs, TRUE);
    g_array_free(e->q_clusters, TRUE);
    g_string_free(e->q_text, TRUE);
    g_free(e);
}

/* Subset one CFF-flavoured font file to the document's characters. */
static face_entry *make_face(cg_embed *e, const char *file, int index)
{
    face_entry *fa = g_new0(face_entry, 1);
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
    if (!blob)
        return fa;
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    hb_blob_destroy(blob);
    hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
    gboolean is_cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    hb_subset_input_t *in = is_cff ? hb_subset_input_create_or_fail() : NULL;
    if (!in) {
        hb_face_destroy(face);
        return fa;
    }
    hb_set_union(hb_subset_input_unicode_set(in), e->unicodes);
    /* Glyph ids are renumbered (drawing maps them through the plan): a font that
     * kept all 65,535 ids of a CJK face would cost FreeType and Cairo a pass over
     * the empty ones. Without subroutines, Cairo's own subset of it is smallest. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE);
    /* Cairo reads only the outlines and a few metrics tables; positioning and
     * colour tables need not be subset at all. */
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    static const char *const dropped[] = { "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx",
                                           "DSIG", "MATH", "COLR", "CPAL", "SVG ", "meta" };
    for (size_t i = 0; i < G_N_ELEMENTS(dropped); i++)
        hb_set_add(drop, hb_tag_from_string(dropped[i], 4));
    /* GSUB still closes the glyph set over the substitutions Pango may apply,
     * but nothing reads it from the subset: copied, not subset (a fifth of
     * the time of a CJK subset went into rewriting it). */
    hb_set_add(hb_subset_input_set(in, HB_SUBSET_SETS_NO_SUBSET_TABLE_TAG), HB_TAG('G', 'S', 'U', 'B'));
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    hb_subset_input_destroy(in);
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    hb_face_destroy(face);
    if (!sub) {
        if (plan)
            hb_subset_plan_destroy(plan);
        return fa;
    }
    hb_blob_t *bytes = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    unsigned len = 0;
    const char *data = hb_blob_get_data(bytes, &len);
    FT_Face ftf = NULL;
    if (!len || FT_New_Memory_Face(ft_lib, (const FT_Byte *)data, (FT_Long)len, 0, &ftf) != 0) {
        hb_blob_destroy(bytes);
        hb_subset_plan_destroy(plan);
        return fa;
    }
    cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(ftf, 0);
    ft_holder *h = g_new(ft_holder, 1);
    h->face = ftf;
    h->blob = bytes;
    if (cairo_font_face_status(cf) != CAIRO_STATUS_SUCCESS ||
        cairo_font_face_set_user_data(cf, &holder_key, h, holder_free) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cf);
        holder_free(h);
        hb_subset_plan_destroy(plan);
        return fa;
    }
    fa->cf = cf;
    fa->plan = plan;
    fa->kept = hb_subset_plan_old_to_new_glyph_mapping(plan);
    return fa;
}

static void lookup_subset(cg_embed *e, PangoFont *font, font_entry *fe);

/* A font not subset here is drawn with Pango's own scaled font (as
 * pango_cairo_show_glyph_item() would), so that its runs can be queued too. */
static font_entry *lookup(cg_embed *e, PangoFont *font)
{
    font_entry *fe = g_hash_table_lookup(e->fonts, font);
    if (fe)
        return fe;
    fe = g_new0(font_entry, 1);
    g_hash_table_insert(e->fonts, g_object_ref(font), fe);
    lookup_subset(e, font, fe);
    if (!fe->sf && PANGO_IS_CAIRO_FONT(font)) {
        cairo_scaled_font_t *psf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
        if (psf && cairo_scaled_font_status(psf) == CAIRO_STATUS_SUCCESS) {
            fe->face = NULL;
            fe->sf = cairo_scaled_font_reference(psf);
        }
    }
    return fe;
}

static void lookup_subset(cg_embed *e, PangoFont *font, font_entry *fe)
{
    if (!PANGO_IS_FC_FONT(font) || !PANGO_IS_CAIRO_FONT(font))
        return;
    FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL;
    int index = 0;
    FcBool b = FcFalse;
    FcMatrix *mx = NULL;
    if (!pat || FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
        return;
    FcPatternGetInteger(pat, FC_INDEX, 0, &index);
    /* Synthetic styles are Cairo's own work on Pango's face: leave them to Pango. */
    if ((FcPatternGetBool(pat, FC_EMBOLDEN, 0, &b) == FcResultMatch && b) ||
        (FcPatternGetMatrix(pat, FC_MATRIX, 0, &mx) == FcResultMatch && mx &&
         (mx->xx != 1 || mx->xy != 0 || mx->yx != 0 || mx->yy != 1)))
        return;
    char *key = g_strdup_printf("%s\n%d", (const char *)file, index);
    face_entry *fa = g_hash_table_lookup(e->faces, key);
    if (!fa) {
        fa = make_face(e, (const char *)file, index);
        g_hash_table_insert(e->faces, key, fa);
    } else
        g_free(key);
    if (!fa->cf)
        return;
    cairo_scaled_font_t *psf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (!psf)
        return;
    cairo_matrix_t fm, ctm;
    cairo_scaled_font_get_font_matrix(psf, &fm);
    cairo_scaled_font_get_ctm(psf, &ctm);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_scaled_font_get_font_options(psf, fo);
    cairo_scaled_font_t *sf = cairo_scaled_font_create(fa->cf, &fm, &ctm, fo);
    cairo_font_options_destroy(fo);
    if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS) {
        cairo_scaled_font_destroy(sf);
        return;
    }
    fe->face = fa;
    fe->sf = sf;
    return;
}

/* Are the n bytes at t only bidi controls (LRM, RLM, U+202A-U+202E, U+2066-U+2069)? */
static gboolean only_bidi_controls(const char *t, int n)
{
    for (const char *q = t; q < t + n; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        if (!(c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
            return FALSE;
    }
    return TRUE;
}

/* Check a run and append its glyphs (and clusters and text) to the queue. */
static gboolean queue(cg_embed *e, cairo_t *cr, PangoFont *font, const PangoGlyphString *gs,
                      const char *text, int len, double x, double y)
{
    if (!e || !font || !gs || gs->num_glyphs <= 0)
        return FALSE;
    font_entry *fe = lookup(e, font);
    if (!fe->sf)
        return FALSE;
    int n = gs->num_glyphs;
    for (int i = 0; i < n; i++) {
        PangoGlyph g = gs->glyphs[i].glyph;
        if (g == PANGO_GLYPH_EMPTY)
            continue;
        if ((g & PANGO_GLYPH_UNKNOWN_FLAG) || (fe->face && !hb_map_has(fe->face->kept, g)))
            return FALSE;
    }
    gboolean back = FALSE;
    if (text) {
        /* Clusters in logical order within the text: left to right, or (a
         * right-to-left run, glyphs in visual order) right to left. */
        gboolean fwd = TRUE, bwd = TRUE;
        for (int i = 0; i < n; i++) {
            if (gs->log_clusters[i] < 0 || gs->log_clusters[i] >= len)
                return FALSE;
            if (i > 0 && gs->log_clusters[i] < gs->log_clusters[i - 1])
                fwd = FALSE;
            if (i > 0 && gs->log_clusters[i] > gs->log_clusters[i - 1])
                bwd = FALSE;
        }
        if (!fwd && !bwd)
            return FALSE;
        back = !fwd;
    }
    /* One Cairo call draws one font, with text for all its glyphs or none. */
    if (e->q_glyphs->len && (e->q_sf != fe->sf || e->q_with_text != (text != NULL)))
        cg_embed_flush(e, cr);
    e->q_sf = fe->sf;
    e->q_with_text = text != NULL;
    guint cbase = e->q_clusters->len;
    /* Glyphs go to the PDF in the order of the text: a right-to-left run (its
     * glyphs in visual order) from its last glyph, each at its own position.
     * Text extraction then reads the characters in logical order, with each
     * combining mark (shadda, harakat) after its letter. */
    double *gx = g_new(double, n + 1);
    gx[0] = 0;
    for (int i = 0; i < n; i++)
        gx[i + 1] = gx[i] + gs->glyphs[i].geometry.width;
    for (int k = 0; k < n; k++) {
        int i = back ? n - 1 - k : k, st = back ? -1 : 1;
        const PangoGlyphInfo *gi = &gs->glyphs[i];
        gboolean starts = text && (k == 0 || gs->log_clusters[i] != gs->log_clusters[i - st]);
        if (starts) {
            int next = len;
            for (int j = i + st; j >= 0 && j < n; j += st)
                if (gs->log_clusters[j] != gs->log_clusters[i]) {
                    next = gs->log_clusters[j];
                    break;
                }
            cairo_text_cluster_t c = { next - gs->log_clusters[i], 0 };
            g_array_append_val(e->q_clusters, c);
        }
        if (gi->glyph != PANGO_GLYPH_EMPTY) {
            cairo_glyph_t g;
            g.index = fe->face ? hb_map_get(fe->face->kept, gi->glyph) : gi->glyph;
            g.x = x + (gx[i] + gi->geometry.x_offset) / PANGO_SCALE;
            g.y = y + gi->geometry.y_offset / (double)PANGO_SCALE;
            g_array_append_val(e->q_glyphs, g);
            if (text)
                g_array_index(e->q_clusters, cairo_text_cluster_t, e->q_clusters->len - 1).num_glyphs++;
        }
    }
    g_free(gx);
    if (text) {
        /* Bytes before the first cluster belong to it. */
        int first = gs->log_clusters[back ? n - 1 : 0];
        if (e->q_clusters->len > cbase && first > 0)
            g_array_index(e->q_clusters, cairo_text_cluster_t, cbase).num_bytes += first;
        /* A cluster of neither bytes nor glyphs is invalid for Cairo; one of bidi
           controls alone (an isolate's U+2066, no glyph) is left out with its bytes:
           Cairo would write it as an empty span with ActualText, which ends the text
           of the structure element around it for readers. The clusters follow the
           text, so the text is what the kept clusters cover. */
        guint k = cbase;
        int pos = 0;
        for (guint i = cbase; i < e->q_clusters->len; i++) {
            cairo_text_cluster_t c = g_array_index(e->q_clusters, cairo_text_cluster_t, i);
            gboolean controls = c.num_glyphs == 0 && c.num_bytes > 0 && pos + c.num_bytes <= len &&
                                only_bidi_controls(text + pos, c.num_bytes);
            if ((c.num_bytes || c.num_glyphs) && !controls) {
                g_string_append_len(e->q_text, text + pos, MIN(c.num_bytes, len - pos));
                g_array_index(e->q_clusters, cairo_text_cluster_t, k++) = c;
            }
            pos += c.num_bytes;
        }
        g_array_set_size(e->q_clusters, k);
        if (pos < len)
            g_string_append_len(e->q_text, text + pos, len - pos);
    }
    return TRUE;
}

void cg_embed_flush(cg_embed *e, cairo_t *cr)
{
    if (!e || !e->q_glyphs->len) {
        if (e) {
            g_array_set_size(e->q_clusters, 0);
            g_string_truncate(e->q_text, 0);
        }
        return;
    }
    cairo_set_scaled_font(cr, e->q_sf);
    if (e->q_with_text)
        cairo_show_text_glyphs(cr, e->q_text->str, (int)e->q_text->len,
                               (const cairo_glyph_t *)(void *)e->q_glyphs->data, (int)e->q_glyphs->len,
                               (const cairo_text_cluster_t *)(void *)e->q_clusters->data,
                               (int)e->q_clusters->len, 0);
    else
        cairo_show_glyphs(cr, (const cairo_glyph_t *)(void *)e->q_glyphs->data, (int)e->q_glyphs->len);
    g_array_set_size(e->q_glyphs, 0);
    g_array_set_size(e->q_clusters, 0);
    g_string_truncate(e->q_text, 0);
}

gboolean cg_embed_add(cg_embed *e, cairo_t *cr, PangoFont *font, const PangoGlyphString *gs,
                      const char *text, int len, double x, double y)
{
    return queue(e, cr, font, gs, text, len, x, y);
}

gboolean cg_embed_show(cg_embed *e, cairo_t *cr, PangoFont *font, const PangoGlyphString *gs,
                       const char *text, int len, double x, double y)
{
    cg_embed_flush(e, cr);
    if (!queue(e, cr, font, gs, text, len, x, y))
        return FALSE;
    cg_embed_flush(e, cr);
    return TRUE;
}
