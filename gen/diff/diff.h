/* diff.h — the translators' diff: two versions of a document read into aligned
 * units (diffdoc.h), compared (compare.h: two language versions, or two
 * revisions of one) into a report, written for a terminal, as XML or as HTML
 * (diffout.h); the ITU term base (terms.h). Tokens and facts (difftok.h) and sequence alignment (diffseq.h)
 * are its private helpers.
 *
 * The public header of gen/diff/: the command layer includes this file only.
 * diff uses the document pipeline (doc/doc.h) and the base (base/base.h).
 */
#ifndef CG_DIFF_H
#define CG_DIFF_H

#include "diffdoc.h"
#include "compare.h"
#include "diffout.h"
#include "terms.h"

#endif
