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

#include "fo_brk.h"


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


#endif
