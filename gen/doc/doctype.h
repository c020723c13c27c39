/* doctype.h — document types: where their templates live.
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
#include "base/base.h"

#define CG_NS_PREFIX "urn:circgen:"

typedef struct {
    char *name;                 /* "tsb-circular" */
    char *dir;                  /* ".../templates/tsb-circular" */
    xmlRelaxNGPtr schema;
    xsltStylesheetPtr checks;   /* NULL when the type has no checks.xsl */
    GHashTable *sheets;         /* file name -> compiled xsltStylesheetPtr */
    struct cg_rng *rng;         /* the schema as a tree, to explain failures (rng.h);
                                   read on the first invalid document */
    gboolean rng_tried;
} cg_doctype;

/* The document type of doc, loaded once per process and kept (lookup: do not free).
 * NULL, with an error in d, when the root names no known type or its files are bad. */
cg_doctype *cg_doctype_lookup(xmlDocPtr doc, cg_diags *d);

/* The compiled stylesheet templates/TYPE/name, compiled on first use and kept with
 * the type (lookup: do not free). NULL, with errors, when missing or broken. */
xsltStylesheetPtr cg_doctype_stylesheet(cg_doctype *t, const char *name, cg_diags *d);

/* Release every cached document type (at exit, for leak checkers). */
void cg_doctype_cleanup(void);

#endif
