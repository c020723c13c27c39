/* fo_breaks.c — see fo_breaks.h. */
#include "fo_breaks.h"
#include "fo_cjk.h"

#include <string.h>

/* The default rules: between two CJK characters where a break is allowed, a
 * gap that can stretch (so justified CJK text spreads its slack evenly rather
 * than into the few spaces). The stretch is small against a space's so that
 * mixed lines still prefer word spaces; issue 5 refines this for Chinese. */
static void default_hook(const gunichar *chars, int n, const PangoLogAttr *la,
                         const cg_brk_opts *o, cg_brk *out)
{
    (void)la;
    (void)o;
    for (int i = 1; i < n; i++) {
        if (out[i].brk != CG_BRK_ALLOWED || out[i].white || out[i - 1].white)
            continue;
        if (cg_is_cjk(chars[i - 1]) || cg_is_cjk(chars[i])) {
            out[i].glue_width = 0;
            out[i].glue_stretch = 0.15f;
            out[i].glue_shrink = 0;
        }
    }
}

typedef struct { char lang[8]; cg_breaks_hook hook; } hook_entry;
static hook_entry hooks[16];
static int n_hooks;

void cg_breaks_set_hook(const char *lang, cg_breaks_hook hook)
{
    for (int i = 0; i < n_hooks; i++)
        if (!strcmp(hooks[i].lang, lang)) {
            hooks[i].hook = hook;
            return;
        }
    if (n_hooks < (int)G_N_ELEMENTS(hooks)) {
        g_strlcpy(hooks[n_hooks].lang, lang, sizeof hooks[n_hooks].lang);
        hooks[n_hooks++].hook = hook;
    }
}

static cg_breaks_hook hook_for(const char *lang)
{
    for (int i = 0; i < n_hooks; i++)
        if (lang && !strcmp(hooks[i].lang, lang) && hooks[i].hook)
            return hooks[i].hook;
    if (lang && !strcmp(lang, "zh"))
        return cg_cjk_zh_hook;
    return default_hook;
}

/* A character of a Latin token: letters, digits and the connectors of
 * identifiers, addresses and numbers. */
static gboolean token_char(gunichar c)
{
    return cg_cjk_is_latin_alnum(c) || c == '-' || c == '.' || c == '@' || c == '_' ||
           c == '/' || c == ':' || c == '+' || c == 0x2010 || c == 0x2011;
}

static gboolean is_hyphen(gunichar c)
{
    return c == '-' || c == 0x2010;
}

/* Letters (and digits) of the hyphen-separated part of tok around position p. */
static int part_len(const gunichar *c, int from, int to)
{
    int k = 0;
    for (int i = from; i < to; i++)
        if (cg_cjk_is_latin_alnum(c[i]))
            k++;
    return k;
}

void cg_breaks_identifiers(const gunichar *chars, int n, cg_brk *out)
{
    for (int i = 0; i < n;) {
        if (!token_char(chars[i])) {
            i++;
            continue;
        }
        int j = i;
        gboolean at = FALSE, ident = FALSE;
        while (j < n && token_char(chars[j])) {
            if (chars[j] == '@')
                at = TRUE;
            if (g_unichar_isdigit(chars[j]) || chars[j] == '.' || chars[j] == '_' ||
                (j > i && g_unichar_isupper(chars[j])))
                ident = TRUE;
            j++;
        }
        /* trailing sentence punctuation is not part of the token */
        int e = j;
        while (e > i && (chars[e - 1] == '.' || chars[e - 1] == ':'))
            e--;
        if (at) {
            /* an e-mail address: never broken */
            for (int k = i + 1; k < e; k++)
                if (out[k].brk == CG_BRK_ALLOWED)
                    out[k].brk = CG_BRK_NONE;
        } else {
            /* inside an identifier: no break after its dots (X.|1062) */
            if (ident)
                for (int k = i + 1; k < e; k++)
                    if (chars[k - 1] == '.' && out[k].brk == CG_BRK_ALLOWED)
                        out[k].brk = CG_BRK_NONE;
            /* after a hyphen: only between two ordinary words of 3+ letters
             * ("well-known", not ITU-T, SG17-R6, X.mt-feature, e-mail) */
            int seg = i;
            for (int k = i; k < e; k++) {
                if (!is_hyphen(chars[k]))
                    continue;
                int nx = k + 1;
                while (nx < e && !is_hyphen(chars[nx]))
                    nx++;
                if (k + 1 < e && out[k + 1].brk == CG_BRK_ALLOWED &&
                    (ident || part_len(chars, seg, k) < 3 || part_len(chars, k + 1, nx) < 3))
                    out[k + 1].brk = CG_BRK_NONE;
                seg = k + 1;
            }
        }
        i = j;
    }
}

void cg_breaks_find(const char *text, int len, const gunichar *chars, int n,
                    const cg_brk_opts *o, cg_brk *out)
{
    PangoLogAttr *la = g_new0(PangoLogAttr, n + 1);
    PangoLanguage *lang = pango_language_from_string(o->lang && *o->lang ? o->lang : NULL);
    pango_get_log_attrs(text, len, -1, lang, la, n + 1);
    for (int i = 0; i <= n; i++) {
        out[i].brk = la[i].is_mandatory_break ? CG_BRK_MANDATORY
                   : la[i].is_line_break ? CG_BRK_ALLOWED : CG_BRK_NONE;
        out[i].hyphen = 0;
        out[i].white = i < n && la[i].is_white;
        out[i].cursor = la[i].is_cursor_position;
        out[i].glue_width = out[i].glue_stretch = out[i].glue_shrink = 0;
    }
    out[0].brk = CG_BRK_NONE;   /* never before the first character */
    if (!o->all_breaks)
        cg_breaks_identifiers(chars, n, out);
    hook_for(o->lang)(chars, n, la, o, out);
    g_free(la);
}
