/* xslt.h — circgen's libxslt set-up: the safe loader, the extension functions,
 * compiling stylesheets, and libxslt's messages as diagnostics.
 *
 * Every stylesheet and every document a stylesheet loads (xsl:include,
 * document()) is parsed by circgen's safe parser (no DTD, no entities, no
 * network). circgen's extension functions live in the namespace CG_XSLT_NS.
 */
#ifndef CG_XSLT_H
#define CG_XSLT_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>
#include "base/base.h"

#define CG_XSLT_NS   "urn:circgen:xslt"   /* circgen's XSLT extension functions */

/* Register circgen's XSLT extension functions (cg:locate, cg:valid-date, ...).
 * Safe to call more than once. */
void cg_xslt_register(void);

/* Install the safe loader for stylesheets and documents and register the
 * extension functions (idempotent). */
void cg_transform_init(void);

/* Load and compile a stylesheet with circgen's safe parser. NULL on error. */
xsltStylesheetPtr cg_xslt_load(const char *path, cg_diags *d);

/* Collect libxslt's messages (compile errors, xsl:message, runtime errors) as errors
 * in d, located at file, until cg_xslt_messages_end(). Calls nest. */
void cg_xslt_messages_begin(cg_diags *d, const char *file);
void cg_xslt_messages_end(void);
/* The diagnostics messages go to now (NULL outside begin/end). */
cg_diags *cg_xslt_current_diags(void);

/* Is s a real calendar date in the form YYYY-MM-DD? */
gboolean cg_valid_iso_date(const char *s);
/* Is s a real date and time YYYY-MM-DDThh:mm[:ss]? */
gboolean cg_valid_iso_datetime(const char *s);

#endif
