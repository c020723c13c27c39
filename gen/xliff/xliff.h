/* xliff.h — the translators' files: a source document to XLIFF (2.0 or 1.2) and a
 * returned XLIFF file back to a language version of the document.
 *
 * extract: one XLIFF unit per translatable unit of the source (the diff's leaves,
 * diff/diff.h: an element with an id and no id below), unit id = the element's id,
 * in document order, in groups that follow the document's elements; a note gives
 * the unit's place. Inline elements become inline codes: the elements whose content
 * is text of the language (the <prose> elements of the diff rules, b and i) are
 * paired codes (<pc>, 1.2 <g>), every other inline element is data, a placeholder
 * (<ph>) that cannot be deleted. Each code shows the value of its element as the
 * source's language formats it (templates/TYPE/xliff.xsl, which uses
 * templates/common/l10n.xsl). The file records a hash of the source's units.
 *
 * merge: the source with the text of each unit replaced by its target; codes become
 * the source's elements again (their attributes and content come from the source,
 * never from the XLIFF). A damaged file is refused as a whole, with one diagnostic
 * per fault naming the unit.
 *
 * The public header of gen/xliff/: the command layer includes this file only.
 * xliff uses the diff (diff/diff.h), the document pipeline (doc/doc.h) and the base.
 */
#ifndef CG_XLIFF_H
#define CG_XLIFF_H

#include <libxml/tree.h>
#include "base/base.h"

#define CG_XLIFF20_NS "urn:oasis:names:tc:xliff:document:2.0"
#define CG_XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"

typedef enum { CG_XLIFF_20, CG_XLIFF_12 } cg_xliff_format;

typedef struct {
    const char *source;       /* SOURCE.xml */
    const char *target_lang;  /* the language to translate into */
    const char *translation;  /* an existing language version: targets (or NULL) */
    const char *previous;     /* the previous revision of the source (or NULL) */
    cg_xliff_format format;
    const char *out;          /* FILE.xlf, written atomically ("-": stdout) */
} cg_xliff_extract_opts;

/* Write the XLIFF file of a source. Returns an exit status (0, 1 invalid input,
 * 2 I/O error) with diagnostics in d. */
int cg_xliff_extract(const cg_xliff_extract_opts *o, cg_diags *d);

typedef struct {
    const char *xlf;          /* FILE.xlf */
    const char *source;       /* SOURCE.xml, or NULL: the file's "original" */
    const char *out;          /* TARGET.xml, written atomically only when all is well */
    gboolean strict;          /* a missing or empty target is an error, not a warning */
} cg_xliff_merge_opts;

/* Merge a returned XLIFF file into a language version. Exit status as above:
 * 1 when the file is refused (nothing is written). */
int cg_xliff_merge(const cg_xliff_merge_opts *o, cg_diags *d);

/* The same on an XLIFF file in memory (name for diagnostics) against a source file;
 * on success *out (g_free) holds the merged document. For tests and fuzzing. */
int cg_xliff_merge_buffer(const char *buf, size_t len, const char *name, const char *source,
                          gboolean strict, char **out, size_t *out_len, cg_diags *d);

#endif
