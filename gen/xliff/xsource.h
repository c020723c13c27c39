/* xsource.h — a source document as XLIFF sees it: its translatable units (the
 * diff's leaves), the inline codes of each, the formatted value of each code, and
 * the hash of the units that a file records. Private to gen/xliff/.
 *
 * Codes are numbered "1", "2"... in document order within a unit. An inline element
 * whose content is text of the language (a <prose> element of the diff rules) is a
 * paired code and its content holds further codes; any other inline element is a
 * placeholder for data and holds none. A paired code without attributes (b, i) may be
 * deleted; one with attributes (a labelled link) and every placeholder may not.
 */
#ifndef CG_XSOURCE_H
#define CG_XSOURCE_H

#include <libxml/tree.h>
#include "base/base.h"
#include "diff/diff.h"

typedef struct {
    char *id;            /* "1", "2", ... */
    xmlNodePtr node;     /* the element of the source */
    gboolean paired;
    gboolean can_delete;
    char *disp;          /* the value as the source's language shows it (placeholders) */
    char *data;          /* the original markup: the whole element, or a start tag */
    char *data_end;      /* paired: the end tag */
    char *key;           /* name, attributes and (placeholders) content: for matching */
} cg_xcode;

typedef struct {
    cg_unit *unit;       /* of the diff's model: id, element, place, text */
    GPtrArray *codes;    /* of cg_xcode*, document order */
    GHashTable *by_id;   /* code id -> cg_xcode* */
} cg_xunit;

/* The codes of a leaf unit of a model made with rules; values: the formatted value
 * of every element below the unit in document order, or NULL. */
cg_xunit *cg_xunit_new(cg_unit *unit, const cg_diff_rules *rules, GPtrArray *values);
void cg_xunit_free(cg_xunit *u);

typedef struct {
    xmlDocPtr doc;           /* owned */
    char *file;
    char *lang;
    char *type_name;
    cg_diff_rules *rules;
    cg_version *v;
    GPtrArray *units;        /* of cg_xunit*, the leaves in document order */
    GHashTable *by_id;       /* unit id -> cg_xunit* (leaves) */
    GHashTable *by_node;     /* element -> cg_xunit* */
    char *hash;              /* "sha256:..." of the units */
} cg_xsource;

/* Read and validate a source file, or take doc (owned from then on; NULL: read
 * file). With values, run templates/TYPE/xliff.xsl for the codes' values. NULL with
 * diagnostics and *status set when the source is unreadable or invalid. */
cg_xsource *cg_xsource_load(const char *file, xmlDocPtr doc, gboolean values, int *status,
                            cg_diags *d);
void cg_xsource_free(cg_xsource *s);

/* The matching key of an inline element: its start tag (paired) or its whole
 * markup (a placeholder), as written in originalData. Caller frees. */
char *cg_xcode_key(xmlNodePtr el, gboolean paired);

/* Hash of a model's units: ids, elements, text and data, in order. Caller frees. */
char *cg_xsource_hash(const cg_version *v);

#endif
