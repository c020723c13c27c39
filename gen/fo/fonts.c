/* fonts.c — see fonts.h. */
#include "fonts.h"
#include "base/base.h"
#include "config.h"

#include <string.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

static PangoFontMap *font_map;     /* created once, kept for the process */
static FcConfig *fc_config;
static GHashTable *families;       /* lower-case family name -> itself */
static char *conf_path;

/* Families circgen pins, with the package that installs them. */
static const struct { const char *family, *package; } pinned[] = {
    { "Liberation Serif", "fonts-liberation2" },
    { "Liberation Sans", "fonts-liberation2" },
    { "Liberation Mono", "fonts-liberation2" },
    { "Noto Serif CJK SC", "fonts-noto-cjk" },
    { "Noto Sans CJK SC", "fonts-noto-cjk" },
    { "Amiri", "fonts-hosny-amiri" },         /* Arabic script */
    { "DejaVu Sans", "fonts-dejavu-core" },   /* the last fallback (Hebrew, Greek extended...) */
};

/* Names mapped by fonts.conf onto a pinned face (keep in step with the file). */
static const char *const aliases[] = {
    "Times", "Times Roman", "Times-Roman", "Times New Roman", "Helvetica", "Arial",
    "Courier", "Courier New",
};

static const char *const generics[] = {
    "serif", "sans-serif", "sans", "monospace",
};

static char *try_conf(const char *dir)
{
    if (!dir)
        return NULL;
    char *p = g_build_filename(dir, "fonts", "fonts.conf", NULL);
    if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
        return p;
    g_free(p);
    return NULL;
}

const char *cg_fonts_conf_path(void)
{
    if (conf_path)
        return conf_path;
    const char *env = g_getenv("CIRCGEN_FONTS_CONF");
    if (env && *env) {
        conf_path = g_strdup(env);
        return conf_path;
    }
    char *tdir = g_path_get_dirname(cg_templates_dir());
    conf_path = try_conf(tdir);
    g_free(tdir);
    if (!conf_path)
        conf_path = try_conf(g_getenv("CIRCGEN_ROOT"));
    if (!conf_path) {
        char *exe = g_file_read_link("/proc/self/exe", NULL);
        if (exe) {
            char *dir = g_path_get_dirname(exe);
            conf_path = try_conf(dir);
            if (!conf_path) {            /* test binaries live in build/tests/ */
                char *up = g_build_filename(dir, "..", "..", NULL);
                conf_path = try_conf(up);
                g_free(up);
            }
            g_free(dir);
            g_free(exe);
        }
    }
    if (!conf_path)
        conf_path = g_build_filename(CIRCGEN_DATADIR, "fonts", "fonts.conf", NULL);
    return conf_path;
}

PangoFontMap *cg_fonts_map(cg_diags *d)
{
    if (font_map)
        return font_map;
    const char *path = cg_fonts_conf_path();
    FcConfig *cfg = FcConfigCreate();
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR) ||
        !FcConfigParseAndLoad(cfg, (const FcChar8 *)path, FcTrue) || !FcConfigBuildFonts(cfg)) {
        cg_diag_add(d, CG_ERROR, path, 0, 0,
                    "cannot load the font configuration (set CIRCGEN_FONTS_CONF or install circgen's fonts/ folder)");
        FcConfigDestroy(cfg);
        return NULL;
    }
    /* The pinned configuration is also fontconfig's current one: Pango's font map
     * calls FcInit() (in a thread of its own), which would otherwise load the
     * host's whole configuration and font list, unused (2% of a one-document
     * build), and any default lookup (Cairo, librsvg) sees only the pinned fonts. */
    FcConfigSetCurrent(cfg);
    PangoFontMap *fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!fm || !PANGO_IS_FC_FONT_MAP(fm)) {
        cg_diag_add(d, CG_ERROR, NULL, 0, 0, "Pango has no fontconfig font map");
        if (fm)
            g_object_unref(fm);
        FcConfigDestroy(cfg);
        return NULL;
    }
    /* The font map takes its own reference to cfg. */
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), cfg);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72.0);
    fc_config = cfg;
    font_map = fm;

    families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    PangoFontFamily **fams = NULL;
    int n = 0;
    pango_font_map_list_families(fm, &fams, &n);
    for (int i = 0; i < n; i++) {
        char *k = g_utf8_casefold(pango_font_family_get_name(fams[i]), -1);
        g_hash_table_replace(families, k, k);
    }
    g_free(fams);
    return font_map;
}

PangoContext *cg_fonts_context(const char *lang, cg_diags *d)
{
    PangoFontMap *fm = cg_fonts_map(d);
    if (!fm)
        return NULL;
    PangoContext *ctx = pango_font_map_create_context(fm);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    /* Hinting would move glyphs to device pixels: wrong for PDF. */
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(ctx, 72.0);
    if (lang && *lang)
        pango_context_set_language(ctx, pango_language_from_string(lang));
    return ctx;
}

static gboolean in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!g_ascii_strcasecmp(name, list[i]))
            return TRUE;
    return FALSE;
}

cg_family_status cg_fonts_family_status(const char *family, const char **package)
{
    if (in_list(family, generics, G_N_ELEMENTS(generics)))
        return CG_FAMILY_OK;
    if (in_list(family, aliases, G_N_ELEMENTS(aliases)))
        return CG_FAMILY_ALIAS;
    char *k = g_utf8_casefold(family, -1);
    gboolean have = families && g_hash_table_contains(families, k);
    g_free(k);
    if (have)
        return CG_FAMILY_OK;
    for (size_t i = 0; i < G_N_ELEMENTS(pinned); i++)
        if (!g_ascii_strcasecmp(family, pinned[i].family)) {
            if (package)
                *package = pinned[i].package;
            return CG_FAMILY_MISSING;
        }
    /* Other Noto CJK and Liberation faces come from the same packages. */
    if (!g_ascii_strncasecmp(family, "Noto ", 5) && strstr(family, "CJK")) {
        if (package)
            *package = "fonts-noto-cjk";
        return CG_FAMILY_UNKNOWN;
    }
    return CG_FAMILY_UNKNOWN;
}

gboolean cg_fonts_script_face_missing(PangoScript script, const char **family, const char **package)
{
    static const struct { PangoScript script; const char *family; } faces[] = {
        { PANGO_SCRIPT_ARABIC, "Amiri" },
        { PANGO_SCRIPT_HAN, "Noto Serif CJK SC" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(faces); i++)
        if (faces[i].script == script) {
            const char *pkg = NULL;
            if (cg_fonts_family_status(faces[i].family, &pkg) != CG_FAMILY_MISSING)
                return FALSE;
            *family = faces[i].family;
            *package = pkg;
            return TRUE;
        }
    return FALSE;
}

char *cg_fonts_family_list(const char *fo_value,
                           void (*report)(void *ctx, cg_severity sev, const char *msg), void *ctx)
{
    GString *out = g_string_new(NULL);
    char **parts = g_strsplit(fo_value ? fo_value : "", ",", -1);
    for (char **p = parts; *p; p++) {
        char *name = g_strstrip(*p);
        size_t len = strlen(name);
        if (len >= 2 && (name[0] == '\'' || name[0] == '"') && name[len - 1] == name[0]) {
            name[len - 1] = 0;
            name++;
        }
        if (!*name)
            continue;
        const char *pkg = NULL;
        cg_family_status st = cg_fonts_family_status(name, &pkg);
        if (st == CG_FAMILY_MISSING || st == CG_FAMILY_UNKNOWN) {
            char *msg;
            if (st == CG_FAMILY_MISSING)
                msg = g_strdup_printf("font family '%s' is not installed (Debian package %s)", name, pkg);
            else
                msg = g_strdup_printf("font family '%s' is not one of circgen's pinned fonts; "
                                      "the next family in the list (or serif) is used", name);
            if (report)
                report(ctx, st == CG_FAMILY_MISSING ? CG_ERROR : CG_WARNING, msg);
            g_free(msg);
            continue;
        }
        /* Pango splits family lists at commas; names with commas cannot occur. */
        if (out->len)
            g_string_append_c(out, ',');
        g_string_append(out, name);
    }
    g_strfreev(parts);
    /* End every list with a generic family, so that characters the named
     * faces lack fall back to the pinned Chinese face of the same style
     * (never to whatever fontconfig would sort first, such as a Japanese face). */
    gboolean has_generic = FALSE, sans = FALSE;
    char **names = g_strsplit(out->str, ",", -1);
    for (char **n = names; *n; n++) {
        if (in_list(*n, generics, G_N_ELEMENTS(generics)))
            has_generic = TRUE;
        if (strstr(*n, "Sans") || strstr(*n, "sans") || !g_ascii_strcasecmp(*n, "Helvetica") ||
            !g_ascii_strcasecmp(*n, "Arial") || strstr(*n, "Mono") || !g_ascii_strcasecmp(*n, "Courier"))
            sans = TRUE;
    }
    g_strfreev(names);
    if (!has_generic) {
        if (out->len)
            g_string_append_c(out, ',');
        g_string_append(out, sans ? "sans-serif" : "serif");
    }
    return g_string_free(out, FALSE);
}

void cg_fonts_cleanup(void)
{
    if (font_map)
        g_object_unref(font_map);
    font_map = NULL;
    if (fc_config)
        FcConfigDestroy(fc_config);
    fc_config = NULL;
    if (families)
        g_hash_table_destroy(families);
    families = NULL;
    g_free(conf_path);
    conf_path = NULL;
}
