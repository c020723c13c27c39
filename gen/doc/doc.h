/* doc.h — the document pipeline: document types and their templates
 * (doctype.h), validation (validate.h; the schema read as a tree, rng.h, explains
 * its failures, explain.h: both internal), circgen's sandboxed XSLT (xslt.h,
 * transform.h) and a source to its outputs (render.h).
 *
 * The public header of gen/doc/: the layers above (diff, cli) include this
 * file only. doc uses the layout engine (fo/fo.h) and the base (base/base.h).
 */
#ifndef CG_DOC_H
#define CG_DOC_H

#include "doctype.h"
#include "validate.h"
#include "xslt.h"
#include "transform.h"
#include "render.h"

#endif
