/* doctype.h — document types: where their templates live, and validation.
 *
 * A source document's type is named by the namespace of its root element,
 * "urn:circgen:TYPE", and TYPE is the name of a folder in the templates
 * directory holding schema.rng (RELAX NG), optionally checks.xsl (the checks a
 * schema cannot make), fo.xsl, html.xsl and strings/. Adding a document type is
 * adding such a folder: the C code knows no type by name.
 */
#ifndef CG_DOCTYPE_H
#define CG_DOCTYPE_H

#include <libxml/tree.h>
#include <libxml/relaxng.h>
#include <libxslt/xsltInternals.h>
#include "diag.h"

#define CG_NS_PREFIX "urn:circgen:"
#define CG_XSLT_NS   "urn:circgen:xslt"   /* circgen's XSLT extension functions */

typedef struct {
    char *name;                 /* "tsb-circular" */
    char *dir;                  /* ".../templates/tsb-circular" */
    xmlRelaxNGPtr schema;
    xsltStylesheetPtr checks;   /* NULL when the type has no checks.xsl */
    GHashTable *sheets;         /* file name -> compiled xsltStylesheetPtr */
} cg_doctype;

/* The templates directory: $CIRCGEN_TEMPLATES, else templates/ beside the
 * executable, else the installed data directory. The string is owned by circgen. */
const char *cg_templates_dir(void);
void cg_set_templates_dir(const char *dir);

/* The document type of doc, loaded once per process and kept (lookup: do not free).
 * NULL, with an error in d, when the root names no known type or its files are bad. */
cg_doctype *cg_doctype_lookup(xmlDocPtr doc, cg_diags *d);

/* The compiled stylesheet templates/TYPE/name, compiled on first use and kept with
 * the type (lookup: do not free). NULL, with errors, when missing or broken. */
xsltStylesheetPtr cg_doctype_stylesheet(cg_doctype *t, const char *name, cg_diags *d);

/* Validate doc: schema, then ids unique and references resolved, then the type's
 * checks.xsl. Returns the number of errors added to d. */
int cg_validate(xmlDocPtr doc, cg_diags *d);

/* Register circgen's XSLT extension functions (cg:locate, cg:valid-date, ...).
 * Safe to call more than once. */
void cg_xslt_register(void);

/* Load and compile a stylesheet with circgen's safe parser. NULL on error. */
xsltStylesheetPtr cg_xslt_load(const char *path, cg_diags *d);

/* Release every cached document type (at exit, for leak checkers). */
void cg_doctype_cleanup(void);

/* Is s a real calendar date in the form YYYY-MM-DD? */
gboolean cg_valid_iso_date(const char *s);
/* Is s a real date and time YYYY-MM-DDThh:mm[:ss]? */
gboolean cg_valid_iso_datetime(const char *s);

#endif
