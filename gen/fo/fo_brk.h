/* fo_brk.h — the types of break opportunities: what fo_breaks.c finds for each
 * gap between characters, and the per-language hooks (fo_cjk.c for Chinese)
 * that correct it. Shared by the two sides so that neither includes the other.
 */
#ifndef CG_FO_BRK_H
#define CG_FO_BRK_H

#include <pango/pango.h>

enum { CG_BRK_NONE, CG_BRK_ALLOWED, CG_BRK_MANDATORY };

/* One entry per character position i (0..n): about the gap before character i. */
typedef struct {
    guint8 brk;            /* CG_BRK_*: may a line break before character i? */
    guint8 hyphen;         /* a hyphenation point before character i */
    guint8 white;          /* character i is white space */
    guint8 cursor;         /* a grapheme boundary before character i (Pango's
                            * is_cursor_position): where a word wider than the line
                            * may be broken as a last resort */
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

#endif
