/* fo_hyph.h — hyphenation points through libhyphen, with the patterns of
 * Debian's hyphen-* packages (/usr/share/hyphen/hyph_LANG*.dic): hyphen-en-us,
 * hyphen-fr, hyphen-es, hyphen-ru. Chinese, Japanese, Korean and Arabic are never
 * hyphenated. */
#ifndef CG_FO_HYPH_H
#define CG_FO_HYPH_H

#include <glib.h>

/* Mark hyphenation points in word chars[0..n) (letters only): pts[i] = TRUE
 * when the word may break before character i. push/remain are the minimum
 * characters before and after a break. Returns FALSE (pts untouched) when no
 * patterns exist for lang (the FO's language, lower case: "en", "fr" ...).
 * Each language's patterns load once. */
gboolean cg_hyphenate(const char *lang, const gunichar *chars, int n, int push, int remain,
                      gboolean *pts);

/* Is a pattern file available for lang? */
gboolean cg_hyph_available(const char *lang);

void cg_hyph_cleanup(void);

#endif
