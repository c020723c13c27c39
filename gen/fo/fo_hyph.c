/* fo_hyph.c — see fo_hyph.h. */
#include "fo_hyph.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

#define EN_DICT "/usr/share/hyphen/hyph_en_US.dic"

static HyphenDict *en_dict;
static gboolean en_tried;

static HyphenDict *dict_for(const char *lang)
{
    if (!lang || strcmp(lang, "en"))
        return NULL;
    if (!en_tried) {
        en_tried = TRUE;
        const char *p = g_getenv("CIRCGEN_HYPH_EN");
        en_dict = hnj_hyphen_load(p && *p ? p : EN_DICT);
    }
    return en_dict;
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
    if (en_dict)
        hnj_hyphen_free(en_dict);
    en_dict = NULL;
    en_tried = FALSE;
}
