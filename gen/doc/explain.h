/* explain.h — why a document fails its schema, in words a new user can act on.
 *
 * Called when libxml2's RELAX NG validation has failed. Walks the document from
 * the root, following the schema's content automata (rng.h): each child element
 * is matched against the patterns allowed at its place (when several are, such as
 * the kinds of <annex>, against each, keeping the one it fits best; an element
 * whose content is a choice of forms that differ in required attributes or text,
 * such as <para> written as text with an id or as a container without, by the form
 * it fits best, likewise), so that the
 * message is given at the innermost element that is wrong, once, with what the
 * schema expects there:
 *   <circular>: attribute date: "18/08/2025" is not a date; write YYYY-MM-DD, e.g. 2025-08-18
 *   <para> lacks the required attribute id
 *   <adressee> is not allowed here; did you mean <addressee>? expected: <addressee>
 *   <draft number="X.1062"> lacks <summary> after <title>
 * An element's own mistakes stop the walk of its content; its parent gets no
 * follow-up message.
 */
#ifndef CG_EXPLAIN_H
#define CG_EXPLAIN_H

#include <libxml/tree.h>
#include "base/base.h"
#include "rng.h"

/* Add to d one error per mistake found in doc against schema r. Returns the
 * number added; 0 when the explainer finds nothing (or gives up: a construct it
 * does not model, too much work), so that the caller keeps libxml2's message. */
int cg_explain(cg_rng *r, xmlDocPtr doc, cg_diags *d);

#endif
