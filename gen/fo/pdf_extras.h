/* pdf_extras.h — the second incremental update: what a PDF needs to be an
 * official document and Cairo 1.16 cannot write. Appended after pdf_update.c's
 * update, through pdf_doc.c:
 *   - form fields: the widgets of cg_field (fo_form.h) with their own appearance
 *     streams (empty for text, a dot or a tick for buttons, on and off states),
 *     the print flag, the field hierarchy by dotted names, /TU tooltips, the
 *     /AcroForm dictionary with /DA and /DR fonts for the field text (Helvetica;
 *     for Chinese, Adobe's STSong-Light by reference, UniGB-UCS2-H), each page's
 *     /Annots in reading order with /Tabs /S, and each widget linked (OBJR,
 *     /StructParent) to the Form element fo_form.c began for it;
 *   - the source attached: an embedded file with its MIME type, size, dates and
 *     MD5, /AFRelationship /Source, in /EmbeddedFiles and the catalog's /AF;
 *   - PDF/A-3b's requirements on what circgen writes: XMP metadata (pdfaid part 3,
 *     conformance B) consistent with a rewritten Info dictionary, an sRGB
 *     OutputIntent with the ICC profile embedded, the print flag on every
 *     annotation, and the trailer's /ID;
 *   - /Lang on the structure elements of FOs with their own xml:lang (the columns of
 *     the parallel edition). */
#ifndef CG_PDF_EXTRAS_H
#define CG_PDF_EXTRAS_H

#include "base/base.h"

typedef struct {
    const GArray *fields;       /* cg_field, or NULL */
    int form_tags;              /* Form structure elements begun (0: untagged) */
    const char *lang;           /* the document's language (BCP 47), or NULL */
    const char *attach_name;    /* file name of the attached source, or NULL: none */
    const void *attach_data;
    size_t attach_len;
    const char *attach_mime;    /* e.g. "application/xml" */
    gboolean pdfa;
    const char *icc_path;       /* sRGB ICC profile for pdfa */
    const GArray *tag_langs;    /* cg_tag_lang (fo_draw.h): /Lang of structure elements, or NULL */
} cg_pdf_extras;

/* Nothing to do: returns 0 at once. Else appends the update to fd; 0, or -1 with an
 * error in d (name: the output, for messages). */
int cg_pdf_extras_write(int fd, const cg_pdf_extras *x, const char *name, cg_diags *d);
/* Has x anything to write (fields, an attachment, PDF/A, languages of columns)? */
gboolean cg_pdf_extras_needed(const cg_pdf_extras *x);

/* The default sRGB profile (Debian package icc-profiles-free). */
#define CG_SRGB_ICC "/usr/share/color/icc/sRGB.icc"

#endif
