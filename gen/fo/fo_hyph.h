/* fo_hyph.h — hyphenation points for English words through libhyphen, with
 * the patterns of Debian's hyphen-en-us (/usr/share/hyphen/hyph_en_US.dic). */
#ifndef CG_FO_HYPH_H
#define CG_FO_HYPH_H

#include <glib.h>

/* Mark hyphenation points in word chars[0..n) (letters only): pts[i] = TRUE
 * when the word may break before character i. push/remain are the minimum
 * characters before and after a break. Returns FALSE (pts untouched) when no
 * patterns exist for lang; only "en" is supported. Patterns load once. */
gboolean cg_hyphenate(const char *lang, const gunichar *chars, int n, int push, int remain,
                      gboolean *pts);

/* Is a pattern file available for lang? */
gboolean cg_hyph_available(const char *lang);

void cg_hyph_cleanup(void);

#endif
