/* diffout.h — writing a diff report: text for a terminal, XML for tools, HTML for
 * people (made from the XML by templates/diff/report.xsl).
 *
 * The XML vocabulary (namespace urn:circgen:diff) is documented by its schema,
 * templates/diff/report.rng.
 */
#ifndef CG_DIFFOUT_H
#define CG_DIFFOUT_H

#include <libxml/tree.h>
#include "base/base.h"
#include "compare.h"

#define CG_DIFF_NS "urn:circgen:diff"

/* Append the report as text to out. With color, ANSI escapes mark the differences;
 * without, deletions are written [-so-], insertions {+so+} and marked tokens >>so<<. */
void cg_report_write_text(const cg_report *r, GString *out, gboolean color);

/* The report as an XML document (free with xmlFreeDoc). */
xmlDocPtr cg_report_to_xml(const cg_report *r);

/* The HTML report: templates/diff/report.xsl applied to the XML. Returns a new
 * string (g_free), or NULL with errors in d. */
char *cg_report_to_html(const cg_report *r, gsize *len, cg_diags *d);

#endif
