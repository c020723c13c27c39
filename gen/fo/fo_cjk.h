/* fo_cjk.h — Chinese typesetting rules (clreq, GB/T 15834) for the engine.
 *
 * Character classes for the line-edge rules and punctuation compression, the
 * break hook for language "zh" (registered as the built-in rule for zh by
 * fo_breaks.c), and the context rule that decides when an ambiguous-width mark
 * (“ ” ‘ ’ · — …) belongs to Chinese text and so is set from the Chinese face.
 */
#ifndef CG_FO_CJK_H
#define CG_FO_CJK_H

#include "fo_brk.h"

/* Is c a CJK ideograph, kana, hangul or CJK punctuation (full-width)? */
gboolean cg_is_cjk(gunichar c);

/* Punctuation classes for compression (full-width marks of the Chinese face). */
typedef enum {
    CG_PUNCT_NONE,
    CG_PUNCT_OPEN,      /* （「『“‘《〈【〖〔［｛: ink in the right half */
    CG_PUNCT_CLOSE,     /* ）」』”’》〉】〗〕］｝: ink in the left half */
    CG_PUNCT_STOP,      /* 、，。．: ink in the left half (GB style) */
    CG_PUNCT_PAUSE      /* ：；！？: ink in the left half too (Simplified Chinese forms);
                         * compressed before another mark, but kept full width at a line
                         * end (TYPESETTING-ZH.md item 10 names only the marks above) */
} cg_punct_class;

cg_punct_class cg_cjk_punct_class(gunichar c);

/* Punctuation compression of two adjacent full-width marks of classes a, b
 * (clreq 3.1.6, GB/T 15834): 1 when the first gives up its blank right half
 * (a closing, stop or pause mark before any mark), 2 when the second gives up
 * its blank left half (an opening mark after an opening mark), else 0. Either
 * way the pair takes 1.5 em. */
int cg_cjk_pair_compress(cg_punct_class a, cg_punct_class b);

/* Is the blank half of a full-width mark of class k on its left (opening
 * marks) rather than on its right (closing, stop, pause)? */
gboolean cg_cjk_blank_left(cg_punct_class k);

/* A Han ideograph (or kana, hangul, bopomofo): a "Chinese character" for the
 * spacing and last-line rules; not punctuation, not full-width Latin. */
gboolean cg_cjk_is_han(gunichar c);

/* A Latin (or Greek, Cyrillic) letter or a digit, not full-width. */
gboolean cg_cjk_is_latin_alnum(gunichar c);

/* May not start a line (clreq: closing, pausing and stop marks, dashes,
 * ellipses, interpuncts, connectors, %). */
gboolean cg_cjk_no_start(gunichar c);

/* May not end a line (opening marks, full-width solidus). */
gboolean cg_cjk_no_end(gunichar c);

/* Dashes and ellipses that are doubled in Chinese (—— …… ⋯⋯) and must not split. */
gboolean cg_cjk_is_doubled_mark(gunichar c);

/* Is chars[i], one of “ ” ‘ ’ · — …, inside Chinese text (the nearest non-space
 * character before or after it is CJK)? Such marks take the Chinese face. */
gboolean cg_cjk_mark_in_chinese(const gunichar *chars, int n, int i);

/* Stretch of inter-character glue in Chinese text, in em. */
#define CG_CJK_STRETCH 0.125f

/* The break hook for "zh" (see fo_breaks.h for the contract). */
void cg_cjk_zh_hook(const gunichar *chars, int n, const PangoLogAttr *la,
                    const cg_brk_opts *o, cg_brk *out);

#endif
