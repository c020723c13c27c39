/* validate.h — is a source document valid for its type?
 *
 * The type's RELAX NG schema first, then what a schema cannot say (ids unique,
 * references resolved), then the type's checks.xsl. libxml2 decides whether a
 * document matches its schema; when it does not, explain.h says why, one message
 * per mistake, from the schema itself (libxml2's first message is the fallback).
 */
#ifndef CG_VALIDATE_H
#define CG_VALIDATE_H

#include <libxml/tree.h>
#include "base/base.h"

/* Validate doc: schema, then ids unique and references resolved, then the type's
 * checks.xsl. Returns the number of errors added to d. */
int cg_validate(xmlDocPtr doc, cg_diags *d);

/* The schema step alone, for tests: *valid is libxml2's verdict, and d gets the
 * explainer's messages (explain.h) whatever that verdict. Returns how many it
 * added, or -1 when doc has no known type. */
int cg_validate_explain(xmlDocPtr doc, gboolean *valid, cg_diags *d);

#endif
