/* pdf_fieldfont.c — see pdf_fieldfont.h. */
#include "pdf_fieldfont.h"
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <hb.h>
#include <hb-subset.h>
#include <string.h>

/* The file and face index of family through circgen's pinned configuration. */
static char *face_file(const char *family, int *index)
{
    FcConfig *cfg = FcConfigCreate();
    const char *conf = cg_fonts_conf_path();
    char *file = NULL;
    if (conf && FcConfigParseAndLoad(cfg, (const FcChar8 *)conf, FcTrue) && FcConfigBuildFonts(cfg)) {
        FcPattern *pat = FcPatternCreate();
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
        FcPatternAddInteger(pat, FC_WEIGHT, FC_WEIGHT_REGULAR);
        FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
        FcConfigSubstitute(cfg, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult r;
        FcPattern *m = FcFontMatch(cfg, pat, &r);
        FcChar8 *fam = NULL, *f = NULL;
        if (m && FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch && !strcmp((char *)fam, family) &&
            FcPatternGetString(m, FC_FILE, 0, &f) == FcResultMatch) {
            file = g_strdup((const char *)f);
            if (FcPatternGetInteger(m, FC_INDEX, 0, index) != FcResultMatch)
                *index = 0;
        }
        if (m)
            FcPatternDestroy(m);
        FcPatternDestroy(pat);
    }
    FcConfigDestroy(cfg);
    return file;
}

static GBytes *deflate(const char *data, size_t len)
{
    GConverter *z = G_CONVERTER(g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9));
    GByteArray *out = g_byte_array_new();
    char buf[65536];
    size_t in_pos = 0;
    for (;;) {
        gsize r = 0, w = 0;
        GConverterResult res = g_converter_convert(z, data + in_pos, len - in_pos, buf, sizeof buf,
                                                   G_CONVERTER_INPUT_AT_END, &r, &w, NULL);
        in_pos += r;
        g_byte_array_append(out, (guint8 *)buf, (guint)w);
        if (res == G_CONVERTER_FINISHED || res == G_CONVERTER_ERROR)
            break;
    }
    g_object_unref(z);
    return g_byte_array_free_to_bytes(out);
}

static void put_deflated(cg_pdfdoc *p, long n, const char *dict, const char *data, size_t len)
{
    GBytes *b = deflate(data, len);
    gsize bl;
    const void *bd = g_bytes_get_data(b, &bl);
    char *d = g_strdup_printf("%s /Filter /FlateDecode", dict);
    cg_pdfdoc_put_stream(p, n, d, bd, bl);
    g_free(d);
    g_bytes_unref(b);
}

/* The face reduced to the characters of ranges (pairs of code points, 0-terminated;
 * NULL: the whole face), glyph ids kept, as one font file (a face of a collection
 * comes out alone). */
static void add_gb2312(hb_set_t *u)
{
    /* the rows of symbols (1-9) and of hanzi (16-87) of GB 2312, through iconv */
    for (int row = 0xA1; row <= 0xF7; row++) {
        if (row > 0xA9 && row < 0xB0)
            continue;
        for (int col = 0xA1; col <= 0xFE; col++) {
            char in[2] = { (char)row, (char)col };
            char *u8 = g_convert(in, 2, "UTF-8", "GB2312", NULL, NULL, NULL);
            if (u8 && *u8)
                hb_set_add(u, g_utf8_get_char(u8));
            g_free(u8);
        }
    }
}

static hb_blob_t *face_program(hb_face_t *face, const hb_codepoint_t *ranges, gboolean gb2312)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_t *u = hb_subset_input_unicode_set(in);
    if (ranges)
        for (int i = 0; ranges[i]; i += 2)
            hb_set_add_range(u, ranges[i], ranges[i + 1]);
    else
        hb_set_invert(u);       /* every character */
    if (gb2312)
        add_gb2312(u);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING |
                                      HB_SUBSET_FLAGS_NAME_LEGACY | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    if (!sub)
        return NULL;
    hb_blob_t *b = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    return b;
}

/* /W of every glyph (1000 per em) and the ToUnicode CMap of the face's characters. */
static void widths_and_cmap(hb_face_t *face, GString *w, GString *cmap)
{
    hb_font_t *font = hb_font_create(face);
    unsigned upem = hb_face_get_upem(face);
    unsigned n = hb_face_get_glyph_count(face);
    g_string_append(w, "[ 0 [ ");
    for (unsigned g = 0; g < n; g++)
        g_string_append_printf(w, "%d ", (int)(hb_font_get_glyph_h_advance(font, g) * 1000.0 / upem + 0.5));
    g_string_append(w, "] ]");
    hb_set_t *chars = hb_set_create();
    hb_face_collect_unicodes(face, chars);
    GString *body = g_string_new(NULL);
    GHashTable *seen = g_hash_table_new(NULL, NULL);
    int count = 0;
    hb_codepoint_t key = HB_SET_VALUE_INVALID, val;
    GString *chunk = g_string_new(NULL);
    while (hb_set_next(chars, &key)) {
        if (!hb_font_get_nominal_glyph(font, key, &val) || !val || val > 0xFFFF || key > 0x10FFFF ||
            g_hash_table_contains(seen, GUINT_TO_POINTER(val)))
            continue;
        g_hash_table_add(seen, GUINT_TO_POINTER(val));
        if (key < 0x10000)
            g_string_append_printf(chunk, "<%04X> <%04X>\n", val, key);
        else
            g_string_append_printf(chunk, "<%04X> <%04X%04X>\n", val, 0xD800 + ((key - 0x10000) >> 10),
                                   0xDC00 + ((key - 0x10000) & 0x3FF));
        if (++count == 100) {
            g_string_append_printf(body, "%d beginbfchar\n%sendbfchar\n", count, chunk->str);
            g_string_truncate(chunk, 0);
            count = 0;
        }
    }
    if (count)
        g_string_append_printf(body, "%d beginbfchar\n%sendbfchar\n", count, chunk->str);
    g_string_append_printf(cmap, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                           "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                           "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n%s"
                           "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n", body->str);
    g_string_free(chunk, TRUE);
    g_string_free(body, TRUE);
    g_hash_table_destroy(seen);
    hb_set_destroy(chars);
    hb_font_destroy(font);
}

/* One face as a Type 0 font object; its number, or 0. */
static long put_face(cg_pdfdoc *p, const char *family, const hb_codepoint_t *ranges, gboolean gb2312)
{
    int index = 0;
    char *file = face_file(family, &index);
    if (!file)
        return 0;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
    g_free(file);
    if (!blob)
        return 0;
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    hb_blob_destroy(blob);
    hb_blob_t *prog = face_program(face, ranges, gb2312);
    hb_face_t *pface = prog ? hb_face_create(prog, 0) : NULL;
    long font = 0;
    if (pface && hb_face_get_glyph_count(pface) > 0) {
        gboolean cff = hb_face_reference_table(pface, HB_TAG('C', 'F', 'F', ' ')) != hb_blob_get_empty();
        unsigned plen;
        const char *pdata = hb_blob_get_data(prog, &plen);
        GString *w = g_string_new(NULL), *cmap = g_string_new(NULL);
        widths_and_cmap(pface, w, cmap);
        hb_font_t *hf = hb_font_create(pface);
        hb_font_extents_t ext;
        hb_font_get_h_extents(hf, &ext);
        double k = 1000.0 / hb_face_get_upem(pface);
        hb_font_destroy(hf);
        char *base = g_strdelimit(g_strdup(family), " ", '-');
        long ff = cg_pdfdoc_new_obj(p), tu = cg_pdfdoc_new_obj(p), fd = cg_pdfdoc_new_obj(p);
        put_deflated(p, ff, cff ? "/Subtype /OpenType" : "", pdata, plen);
        put_deflated(p, tu, "", cmap->str, cmap->len);
        char *fdd = g_strdup_printf("<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [ -1000 %d 2000 %d ] "
                                    "/ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /%s %ld 0 R >>",
                                    base, (int)(ext.descender * k), (int)(ext.ascender * k), (int)(ext.ascender * k),
                                    (int)(ext.descender * k), (int)(ext.ascender * k * 0.8),
                                    cff ? "FontFile3" : "FontFile2", ff);
        cg_pdfdoc_put(p, fd, fdd);
        font = cg_pdfdoc_new_obj(p);
        char *fo = g_strdup_printf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
                                   "/DescendantFonts [ << /Type /Font /Subtype /%s /BaseFont /%s "
                                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                                   "/FontDescriptor %ld 0 R /W %s %s>> ] /ToUnicode %ld 0 R >>",
                                   base, cff ? "CIDFontType0" : "CIDFontType2", base, fd, w->str,
                                   cff ? "" : "/CIDToGIDMap /Identity ", tu);
        cg_pdfdoc_put(p, font, fo);
        g_free(fo); g_free(fdd); g_free(base);
        g_string_free(w, TRUE);
        g_string_free(cmap, TRUE);
    }
    if (pface)
        hb_face_destroy(pface);
    if (prog)
        hb_blob_destroy(prog);
    hb_face_destroy(face);
    return font;
}

/* Chinese: Latin, Greek, Cyrillic, general punctuation, CJK punctuation and the full-width forms;
 * the hanzi of GB 2312 (add_gb2312) rather than all 20 992 Unified Ideographs (9.9 MB). */
static const hb_codepoint_t cjk_ranges[] = {
    0x20, 0x7E, 0xA0, 0x24F, 0x370, 0x4FF, 0x2000, 0x206F, 0x3000, 0x303F, 0xFE30, 0xFE4F, 0xFF00, 0xFFEF, 0,
};
/* Arabic: the Arabic blocks and the presentation forms, with ASCII. */
static const hb_codepoint_t arabic_ranges[] = {
    0x20, 0x7E, 0xA0, 0xFF, 0x600, 0x6FF, 0x750, 0x77F, 0x8A0, 0x8FF, 0x2000, 0x206F, 0xFB50, 0xFDFF,
    0xFE70, 0xFEFF, 0,
};

char *cg_fieldfont_put(cg_pdfdoc *p, const char *lang, char **da)
{
    gboolean zh = lang && !g_ascii_strncasecmp(lang, "zh", 2), ar = lang && !g_ascii_strncasecmp(lang, "ar", 2);
    /* one face per version, for its language: poppler draws no character from another
     * font of /DR (an Amiri in every version would add 0.2 MB for nothing there) */
    long latin = zh || ar ? 0 : put_face(p, "Liberation Sans", NULL, FALSE);
    long han = zh ? put_face(p, "Noto Sans CJK SC", cjk_ranges, TRUE) : 0;
    long arabic = ar ? put_face(p, "Amiri", arabic_ranges, FALSE) : 0;
    long first = ar && arabic ? arabic : zh ? han : latin;
    if (!first)
        return NULL;
    *da = g_strdup(first == arabic ? "CGArabic" : first == han ? "CGHan" : "CGLatin");
    GString *dr = g_string_new(NULL);
    if (latin)
        g_string_append_printf(dr, "/CGLatin %ld 0 R ", latin);
    if (han)
        g_string_append_printf(dr, "/CGHan %ld 0 R ", han);
    if (arabic)
        g_string_append_printf(dr, "/CGArabic %ld 0 R ", arabic);
    return g_string_free(dr, FALSE);
}
