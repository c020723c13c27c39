/* pdf_lang.h — the document language (/Lang) of a finished PDF.
 *
 * Cairo 1.16 has no API for the catalog's /Lang entry, which screen readers and
 * accessibility checkers need. This appends an incremental update (a new catalog
 * object, an xref section and a trailer pointing back at the old one), which every
 * PDF reader applies, leaving Cairo's bytes untouched before it. */
#ifndef CG_PDF_LANG_H
#define CG_PDF_LANG_H

#include "diag.h"

/* fd: the PDF, open for reading and writing. lang: a BCP 47 tag ("zh-CN").
 * Returns 0, or -1 with an error in d (the file is then unusable). */
int cg_pdf_set_lang(int fd, const char *lang, const char *name, cg_diags *d);

#endif
