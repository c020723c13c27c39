/* diff.h — comparing two versions of a document: the findings of `circgen diff`.
 *
 * Two language versions (different xml:lang) are compared as a translation check:
 * units missing, extra, empty, untranslated or out of order; in each pair of aligned
 * units, the language-independent facts of the text (numbers, Recommendation
 * numbers, references, addresses, telephone numbers) and the inline data; unpaired
 * brackets and quotes; fields (attributes, data outside the text) that differ.
 *
 * Two revisions of one language are compared as a revision: units added, removed
 * or moved, the text of each changed unit diffed word by word (character by
 * character in Chinese), fields changed.
 *
 * The result is a report: entries, one per unit (or per place of a field outside
 * units) that has findings, in document order, each with its findings and the two
 * texts cut into segments that mark the differences. Renderers (diffout.c) print it
 * as text or XML; the HTML report is made from the XML by templates/diff/report.xsl.
 */
#ifndef CG_DIFF_COMPARE_H
#define CG_DIFF_COMPARE_H

#include "diffdoc.h"
#include "terms.h"

typedef enum { CG_DIFF_AUTO, CG_DIFF_TRANSLATION, CG_DIFF_REVISION } cg_diff_mode;

/* Kinds of finding; cg_finding_kind_id() gives the name used in the XML report. */
typedef enum {
    CG_FIND_MISSING,      /* unit in A, not in B (revision: removed) */
    CG_FIND_EXTRA,        /* unit in B, not in A (revision: added) */
    CG_FIND_MOVED,        /* unit in another order */
    CG_FIND_ELEMENT,      /* same id on different elements */
    CG_FIND_EMPTY,        /* unit empty on one side only */
    CG_FIND_UNTRANSLATED, /* same text in both languages, or none of the target's script */
    CG_FIND_FACT,         /* a number, reference, address ... on one side only */
    CG_FIND_DATA,         /* inline data on one side only, or different */
    CG_FIND_BRACKET,      /* unpaired bracket or quote */
    CG_FIND_TEXT,         /* revision: the text changed */
    CG_FIND_FIELD,        /* an attribute or data value differs, or is on one side only */
    CG_FIND_TERM,         /* a term of the term base in A, none of its equivalents in B */
    CG_FIND_KINDS
} cg_finding_kind;

const char *cg_finding_kind_id(cg_finding_kind k);

typedef struct {
    cg_finding_kind kind;
    char *what;      /* the fact kind ("number"), the field ("@date"), the element ... or NULL */
    char *a, *b;     /* the value on each side, NULL when absent */
    char *message;   /* one line, for people */
} cg_finding;

typedef enum { CG_SEG_SAME, CG_SEG_DEL, CG_SEG_INS, CG_SEG_MARK, CG_SEG_DATA } cg_seg_kind;

typedef struct {
    cg_seg_kind kind;    /* DEL only in a's text, INS only in b's; MARK: a finding's token */
    GString *text;
} cg_seg;

typedef struct {
    char *id;            /* the unit's id, NULL for a field outside units */
    char *element;
    char *place;
    int line_a, line_b;  /* 0 when not on that side */
    const char *status;  /* "missing" "extra" "moved" "changed" */
    GPtrArray *findings; /* of cg_finding* */
    GPtrArray *text_a, *text_b;   /* of cg_seg*, NULL when not shown */
    double pos, sub;     /* sort keys: document order */
} cg_entry;

typedef struct {
    cg_diff_mode mode;
    char *file_a, *file_b, *lang_a, *lang_b;
    GPtrArray *entries;  /* of cg_entry* */
    guint findings;
    guint units_a, units_b;
    guint by_kind[CG_FIND_KINDS];
} cg_report;

/* Compare two versions. mode AUTO: translation when the languages differ, else
 * revision. Returns a new report; free with cg_report_free(). */
cg_report *cg_diff_versions(const cg_version *a, const cg_version *b, cg_diff_mode mode);
/* The same, and in translation mode the term check of the term base (NULL: none):
 * a unit whose A text holds a term and whose B text none of its equivalents. */
cg_report *cg_diff_versions_terms(const cg_version *a, const cg_version *b, cg_diff_mode mode,
                                  const cg_terms *terms);
void cg_report_free(cg_report *r);

#endif
