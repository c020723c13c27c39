/* fo_breaks.h — where a paragraph may break, and what gaps lie between characters.
 *
 * Pango's log attributes (UAX #14) give the base; then a per-language hook
 * corrects them (issue 5 adds the clreq line-edge rules for Chinese there) and
 * may put stretchable glue between characters (inter-character gaps for CJK
 * justification, Chinese–Latin spacing). Hyphenation points come from
 * fo_hyph.h. The line fitter sees none of this: fo_text.c turns the result
 * into boxes, glue and penalties.
 */
#ifndef CG_FO_BREAKS_H
#define CG_FO_BREAKS_H

#include <pango/pango.h>

enum { CG_BRK_NONE, CG_BRK_ALLOWED, CG_BRK_MANDATORY };

/* One entry per character position i (0..n): about the gap before character i. */
typedef struct {
    guint8 brk;            /* CG_BRK_*: may a line break before character i? */
    guint8 hyphen;         /* a hyphenation point before character i */
    guint8 white;          /* character i is white space */
    /* Glue before character i, in em of the surrounding text. */
    float glue_width, glue_stretch, glue_shrink;
} cg_brk;

/* Options of the paragraph that the rules depend on. */
typedef struct {
    const char *lang;              /* "en", "zh", ... ("" when unknown) */
    gboolean cjk_latin_spacing;    /* cx:cjk-latin-spacing (used by the zh hook) */
    float cjk_latin_em;            /* its width in em (1/4 for "auto") */
    gboolean all_breaks;           /* keep every break of UAX #14: no identifier rules */
} cg_brk_opts;

/* A per-language correction: may change brk and the glue fields of out[0..n]. */
typedef void (*cg_breaks_hook)(const gunichar *chars, int n, const PangoLogAttr *la,
                               const cg_brk_opts *o, cg_brk *out);

/* Fill out[0..n] for the n characters of text (UTF-8, len bytes): Pango's
 * break opportunities, corrected in every language so that identifiers
 * (ITU-T, X.1062, SG17-R6, e-mail addresses) never break inside; then the
 * hook registered for o->lang (built in for "zh": fo_cjk.h), or the default
 * CJK rules. chars[0..n) are the characters of text (computed by the caller). */
void cg_breaks_find(const char *text, int len, const gunichar *chars, int n,
                    const cg_brk_opts *o, cg_brk *out);

/* Register hook for a language ("zh"); NULL restores the default. */
void cg_breaks_set_hook(const char *lang, cg_breaks_hook hook);

/* Forbid breaks inside identifiers in chars[0..n) (part of cg_breaks_find). */
void cg_breaks_identifiers(const gunichar *chars, int n, cg_brk *out);

/* Is c a CJK ideograph, kana, hangul or CJK punctuation (full-width)? */
gboolean cg_is_cjk(gunichar c);

#endif
