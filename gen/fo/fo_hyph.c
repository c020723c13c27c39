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

gboolean cg_hyphenate(const char *lang, const gunichar *chars, int n, int push, int remain,
                      gboolean *pts)
{
    HyphenDict *dict = dict_for(lang);
    if (!dict || n < push + remain || n > 100)
        return FALSE;
    /* The dictionary is UTF-8 and lower case; work on a lower-cased copy. */
    GString *w = g_string_new(NULL);
    int *byte_to_char = g_new(int, (size_t)n * 6 + 1);
    for (int i = 0; i < n; i++) {
        char buf[6];
        int l = g_unichar_to_utf8(g_unichar_tolower(chars[i]), buf);
        for (int k = 0; k < l; k++)
            byte_to_char[w->len + (gsize)k] = i;
        g_string_append_len(w, buf, l);
    }
    char *hyph = g_malloc0(w->len + 5);
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    int rc = hnj_hyphen_hyphenate2(dict, w->str, (int)w->len, hyph, NULL, &rep, &pos, &cut);
    if (rc == 0) {
        for (gsize b = 0; b + 1 < w->len; b++) {
            if (!(hyph[b] & 1) || (rep && rep[b]))
                continue;
            /* A break after byte b: before the character that starts at b+1. */
            int ci = byte_to_char[b + 1];
            if (byte_to_char[b] == ci)
                continue;       /* inside a multi-byte character */
            if (ci >= push && n - ci >= remain)
                pts[ci] = TRUE;
        }
    }
    if (rep) {
        for (gsize b = 0; b < w->len; b++)
            free(rep[b]);
        free(rep);
    }
    free(pos);
    free(cut);
    g_free(hyph);
    g_free(byte_to_char);
    g_string_free(w, TRUE);
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
