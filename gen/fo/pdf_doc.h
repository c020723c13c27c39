/* pdf_doc.h — reading a finished PDF's objects and appending an incremental
 * update to it (for pdf_extras.c).
 *
 * Reads classic cross-reference tables only (what Cairo writes and
 * pdf_update.c appends), following /Prev through earlier updates; the newest
 * version of each object wins. Dictionaries are handled as text: a value is
 * taken from, removed from or added to a dictionary's text without parsing the
 * rest, which is copied as it was. Generation numbers are always 0. */
#ifndef CG_PDF_DOC_H
#define CG_PDF_DOC_H

#include "base/base.h"

typedef struct {
    char *buf;              /* the whole file */
    size_t len;
    GHashTable *offsets;    /* object number -> offset of "N 0 obj" (GINT_TO_POINTER(off + 1)) */
    long size;              /* the trailer's /Size */
    long root, info;        /* object numbers (info 0: none) */
    long last_xref;         /* offset of the newest cross-reference section */
    char *id;               /* the trailer's /ID value as written, or NULL */
    /* the update being written */
    GString *out;
    GArray *written;        /* object numbers and offsets written (pdf_doc.c) */
} cg_pdfdoc;

/* Reads the PDF of fd; NULL if its structure is not understood. */
cg_pdfdoc *cg_pdfdoc_read(int fd);
void cg_pdfdoc_free(cg_pdfdoc *p);

/* The text of object num's dictionary, without the outer << >> (caller frees), or NULL
 * (no such object, or not a dictionary). */
char *cg_pdfdoc_dict(const cg_pdfdoc *p, long num);

/* The raw text of key's value in a dictionary's inner text (caller frees), or NULL. */
char *cg_pdf_dict_get(const char *dict, const char *key);
/* The object number of a reference value ("12 0 R"), or 0. */
long cg_pdf_ref(const char *value);
/* dict with key and its value removed (caller frees). */
char *cg_pdf_dict_remove(const char *dict, const char *key);
/* The object numbers of an array of references ("[ 1 0 R 2 0 R ]"). */
GArray *cg_pdf_refs(const char *array);

/* A PDF string value (literal or hex; PDFDocEncoding or UTF-16BE) as UTF-8; caller frees. */
char *cg_pdf_string_utf8(const char *value);
/* s as a PDF text string (hex UTF-16BE with a byte order mark) appended to out. */
void cg_pdf_text_string(GString *out, const char *s);
/* s as a PDF literal string of ASCII bytes appended to out (escaped). */
void cg_pdf_literal(GString *out, const char *s, size_t len);

/* A new object number. */
long cg_pdfdoc_new_obj(cg_pdfdoc *p);
/* Writes object num (new or a new version) with body: a dictionary text
 * "<< ... >>" or any object. */
void cg_pdfdoc_put(cg_pdfdoc *p, long num, const char *body);
/* Writes a stream object: dict holds the entries but /Length. */
void cg_pdfdoc_put_stream(cg_pdfdoc *p, long num, const char *dict, const void *data, size_t len);
/* Appends the update's xref and trailer (extra: more trailer entries, or NULL) and
 * writes it at the end of fd. 0, or -1 (errno set). Nothing written when nothing changed. */
int cg_pdfdoc_commit(cg_pdfdoc *p, int fd, const char *extra_trailer);

#endif
