/* xmlload.h — the one way circgen reads XML (sources, FO, templates, strings).
 *
 * Every document is parsed with no network access, no DTD loading and no entity
 * substitution. An entity declaration is refused outright: circgen's formats need
 * none, and refusing them closes the door on external entities and entity bombs.
 * Input must be well-formed UTF-8. Element positions (line and column of the '<'
 * of each start tag) are recorded so that later stages can report file:line:col.
 */
#ifndef CG_XMLLOAD_H
#define CG_XMLLOAD_H

#include <libxml/tree.h>
#include "diag.h"

/* Largest input file accepted, in bytes. */
#define CG_XML_MAX_BYTES (256u * 1024u * 1024u)

/* Parse the file at path. Returns a new document, or NULL after adding an error
 * (file:line:col where the parser gives one) to d. Free with cg_xml_free(). */
xmlDocPtr cg_xml_read_file(const char *path, cg_diags *d);

/* The same for a buffer; name is used in diagnostics and as the base URL. */
xmlDocPtr cg_xml_read_memory(const char *buf, size_t len, const char *name, cg_diags *d);

/* The same, parsing into dict (shared with a stylesheet) and keeping no positions:
 * for documents that libxslt loads and frees itself. */
xmlDocPtr cg_xml_read_file_dict(const char *path, xmlDictPtr dict, cg_diags *d);

/* Release a document read by the functions above. */
void cg_xml_free(xmlDocPtr doc);

/* Line and column of an element's start tag; the column is 0 when unknown
 * (for nodes not made by cg_xml_read_*). */
int cg_xml_line(xmlNodePtr node);
int cg_xml_column(xmlNodePtr node);

/* Add a diagnostic located at node (file from the node's document). */
void cg_xml_diag(cg_diags *d, cg_severity sev, xmlNodePtr node, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

/* Install circgen's entity loader, which refuses every load made on behalf of a
 * cg_xml_read_* call. Called once by the functions above; safe to call again. */
void cg_xml_init(void);

#endif
