/* pdf_fieldfont.h — the fonts of form field text (for pdf_extras.c).
 *
 * A viewer that fills a field draws the value typed in the field's /DA font, which
 * must therefore hold every character a filler may type, not only those printed:
 * the font program is embedded whole for its scripts (a subset made by glyph
 * would lack the characters typed later), as a Type 0 font with Identity-H
 * encoding, widths and a ToUnicode map of every character it holds. The face is
 * the pinned one found through circgen's fontconfig file (fonts.c). */
#ifndef CG_PDF_FIELDFONT_H
#define CG_PDF_FIELDFONT_H

#include "pdf_doc.h"

/* The fonts of field text for a document in language lang (BCP 47 or NULL):
 * Liberation Sans whole (Latin, Greek, Cyrillic: 0.13 MB compressed); for Chinese
 * instead Noto Sans CJK SC reduced to Latin, Greek, Cyrillic, punctuation, the
 * full-width forms and the hanzi of GB 2312 (2.9 MB; all Unified Ideographs would be
 * 9.5 MB); for Arabic Amiri reduced to the Arabic blocks and ASCII. Writes the font
 * objects; *da gets the resource name of the fields' font (caller frees), the
 * return value the entries of the /DR /Font dictionary (caller frees). NULL when no
 * face is found (the caller falls back to a font by reference). */
char *cg_fieldfont_put(cg_pdfdoc *p, const char *lang, char **da);

#endif
