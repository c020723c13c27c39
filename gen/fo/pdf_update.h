/* pdf_update.h — what Cairo 1.16 cannot write, added to a finished PDF.
 *
 * Cairo 1.16 has no API for the catalog's /Lang entry (the document language,
 * which screen readers and accessibility checkers need) nor for the /Alt entry
 * of a Figure structure element (an image's alternate text), and it writes every
 * object on its own with a classic cross-reference table (about 20 bytes an
 * object, and every structure element, link and page dictionary uncompressed:
 * half of a tagged letter's bytes). This writes the file again: the catalog and
 * Figure elements with those entries, the stream objects as Cairo wrote them, all
 * other objects in deflated object streams and a cross-reference stream (PDF 1.5).
 * Object numbers are Cairo's, so no reference changes. */
#ifndef CG_PDF_UPDATE_H
#define CG_PDF_UPDATE_H

#include "base/base.h"

/* fd: the PDF, open for reading and writing; rewritten in place. lang: a BCP 47 tag ("zh-CN") or
 * NULL. alts: the alternate texts (char*, "" for none) of the Figure structure
 * elements in the order they were begun, or NULL. Returns 0, or -1 with an
 * error in d (the file is then unusable). A count of Figure elements that differs
 * from alts->len leaves them alone, with a warning. packed: object streams and a
 * cross-reference stream; FALSE: every object in place and a classic table, for a
 * file that pdf_extras.h updates afterwards. */
int cg_pdf_update(int fd, const char *lang, const GPtrArray *alts, gboolean packed, const char *name,
                  cg_diags *d);

#endif
