/* transform.h — running a document type's stylesheets (html.xsl, fo.xsl) on a source.
 *
 * Every transformation runs in a sandbox: libxslt may not write files, create
 * folders or use the network, and may read only inside the templates folder and the
 * source document's folder (document() included). Every document it loads is parsed
 * by circgen's safe parser (no DTD, no entities, no network).
 */
#ifndef CG_TRANSFORM_H
#define CG_TRANSFORM_H

#include <libxml/tree.h>
#include "base/base.h"
#include "doctype.h"

/* Apply templates/TYPE/NAME (e.g. "html.xsl") to doc. params is a NULL-terminated
 * list of name, value pairs of string parameters (values are plain strings, not
 * XPath). Returns the result document (free with xmlFreeDoc), or NULL with errors. */
xmlDocPtr cg_transform(xmlDocPtr doc, const char *name, const char **params, cg_diags *d);

/* Serialize a result as its stylesheet's xsl:output says. Caller frees *out (g_free). */
int cg_transform_serialize(xmlDocPtr result, xmlDocPtr doc, const char *name,
                           char **out, size_t *len, cg_diags *d);

#endif
