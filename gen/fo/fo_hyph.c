/* fo_hyph.c — see fo_hyph.h. */
#include "fo_hyph.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

#define HYPH_DIR "/usr/share/hyphen"

/* One pattern file per primary language, loaded on first use. */
typedef struct {
    char lang[8];
    HyphenDict *dict;    /* NULL when the language has no patterns */
} hyph_entry;

static GArray *dicts;    /* of hyph_entry */

/* Languages written without hyphenation (Chinese, Japanese, Korean, Arabic, Thai ...):
 * never looked up, whatever /usr/share/hyphen holds. */
static gboolean never_hyphenated(const char *lang)
{
    static const char *const none[] = { "zh", "ja", "ko", "ar", "fa", "he", "th" };
    for (gsize i = 0; i < G_N_ELEMENTS(none); i++)
        if (!strcmp(lang, none[i]))
            return TRUE;
    return FALSE;
}

/* The pattern file of lang: $CIRCGEN_HYPH_<LANG> (CIRCGEN_HYPH_EN ...) when set, else
 * hyph_<lang>_<COUNTRY>.dic of Debian's hyphen-* packages for the language's usual
 * country (en_US, fr_FR, es_ES, ru_RU ...), else hyph_<lang>.dic, else the first
 * hyph_<lang>_*.dic in name order. NULL when there is none. */
static char *dict_path(const char *lang)
{
    char *up = g_ascii_strup(lang, -1);
    char *var = g_strconcat("CIRCGEN_HYPH_", up, NULL);
    const char *env = g_getenv(var);
    g_free(var);
    if (env && *env) {
        g_free(up);
        return g_strdup(env);
    }
    static const struct { const char *lang, *country; } usual[] = {
        { "en", "US" }, { "fr", "FR" }, { "es", "ES" }, { "ru", "RU" }, { "de", "DE" },
        { "pt", "PT" }, { "it", "IT" }, { "nl", "NL" },
    };
    char *path = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(usual) && !path; i++)
        if (!strcmp(lang, usual[i].lang))
            path = g_strdup_printf(HYPH_DIR "/hyph_%s_%s.dic", lang, usual[i].country);
    if (!path || !g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_free(path);
        path = g_strdup_printf(HYPH_DIR "/hyph_%s.dic", lang);
    }
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_free(path);
        path = NULL;
        GDir *dir = g_dir_open(HYPH_DIR, 0, NULL);
        char *prefix = g_strdup_printf("hyph_%s_", lang);
        char *best = NULL;
        for (const char *f; dir && (f = g_dir_read_name(dir));)
            if (g_str_has_prefix(f, prefix) && g_str_has_suffix(f, ".dic") && (!best || strcmp(f, best) < 0)) {
                g_free(best);
                best = g_strdup(f);
            }
        if (best)
            path = g_build_filename(HYPH_DIR, best, NULL);
        g_free(best);
        g_free(prefix);
        if (dir)
            g_dir_close(dir);
    }
    g_free(up);
    return path;
}

static HyphenDict *dict_for(const char *lang)
{
    if (!lang || !*lang || strlen(lang) >= sizeof ((hyph_entry *)0)->lang || never_hyphenated(lang))
        return NULL;
    if (!dicts)
        dicts = g_array_new(FALSE, TRUE, sizeof(hyph_entry));
    for (guint i = 0; i < dicts->len; i++) {
        hyph_entry *e = &g_array_index(dicts, hyph_entry, i);
        if (!strcmp(e->lang, lang))
            return e->dict;
    }
    hyph_entry e = { "", NULL };
    g_strlcpy(e.lang, lang, sizeof e.lang);
    char *path = dict_path(lang);
    if (path)
        e.dict = hnj_hyphen_load(path);
    g_free(path);
    g_array_append_val(dicts, e);
    return e.dict;
}

gboolean cg_hyph_available(const char *lang)
{
    return dict_for(lang) != NULL;
}

/* The word in the dictionary's encoding, lower case: UTF-8 (hyph_fr.dic) or an 8-bit
 * set (hyph_ru_RU.dic is KOI8-R), one byte per character. NULL when a character
 * has no place in it. */
static char *dict_word(const HyphenDict *dict, const gunichar *chars, int n, gsize *len)
{
    GString *w = g_string_new(NULL);
    for (int i = 0; i < n; i++)
        g_string_append_unichar(w, g_unichar_tolower(chars[i]));
    if (dict->utf8 || !g_ascii_strcasecmp(dict->cset, "UTF-8")) {
        *len = w->len;
        return g_string_free(w, FALSE);
    }
    gsize out = 0;
    char *conv = g_convert(w->str, (gssize)w->len, dict->cset, "UTF-8", NULL, &out, NULL);
    g_string_free(w, TRUE);
    if (conv && out != (gsize)n) {
        g_free(conv);
        conv = NULL;
    }
    *len = out;
    return conv;
}

gboolean cg_hyphenate(const char *lang, const gunichar *chars, int n, int push, int remain,
                      gboolean *pts)
{
    HyphenDict *dict = dict_for(lang);
    if (!dict || n < push + remain || n > 100)
        return FALSE;
    gsize len = 0;
    char *w = dict_word(dict, chars, n, &len);
    if (!w)
        return FALSE;
    char *hyph = g_malloc0(len + 5);
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    int rc = hnj_hyphen_hyphenate2(dict, w, (int)len, hyph, NULL, &rep, &pos, &cut);
    /* hyph[i] odd: a break after character i (libhyphen counts characters, not bytes,
     * in a UTF-8 dictionary; an 8-bit one has a byte per character). */
    for (int i = 0; rc == 0 && i + 1 < n; i++) {
        if (!(hyph[i] & 1) || (rep && rep[i]))
            continue;
        if (i + 1 >= push && n - (i + 1) >= remain)
            pts[i + 1] = TRUE;
    }
    if (rep) {
        for (gsize i = 0; i < len; i++)   /* moved entries are NULL after libhyphen's norm */
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    g_free(hyph);
    g_free(w);
    return rc == 0;
}

void cg_hyph_cleanup(void)
{
    for (guint i = 0; dicts && i < dicts->len; i++) {
        hyph_entry *e = &g_array_index(dicts, hyph_entry, i);
        if (e->dict)
            hnj_hyphen_free(e->dict);
    }
    if (dicts)
        g_array_unref(dicts);
    dicts = NULL;
}
