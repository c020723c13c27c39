/* rng.h — a document type's RELAX NG schema read as an XML tree, to explain
 * why a document fails it.
 *
 * libxml2 validates; this module only explains. It reads schema.rng and its
 * includes (with their overriding defines) as plain XML, and compiles the content
 * of each <element> pattern into a small automaton over child element names
 * (rng_model): which children may come in which order, whether text may appear,
 * which attributes are allowed or required, and the datatypes of values. Values
 * are checked with libxml2's own XML Schema datatypes and regular expressions.
 *
 * What a value should look like is read from the schema: the values of a choice,
 * the XML Schema type, the pattern, and optional annotations in the namespace
 * CG_RNG_ANNOT_NS on a <define>, <attribute>, <element> or <data>:
 *   cg:what="a date" cg:form="YYYY-MM-DD" cg:example="2025-08-18"
 * which give "... is not a date; write YYYY-MM-DD, e.g. 2025-08-18".
 *
 * Constructs the explainer does not model (nested grammars, parentRef,
 * externalRef) mark the schema unsupported; interleave is read as "these, in any
 * order" (rng_model.approx): the caller then falls back to libxml2's message.
 */
#ifndef CG_RNG_H
#define CG_RNG_H

#include <libxml/tree.h>
#include <glib.h>

#define CG_RNG_NS "http://relaxng.org/ns/structure/1.0"
#define CG_RNG_ANNOT_NS "urn:circgen:schema-annotations"

/* One allowed attribute of an element pattern. */
typedef struct {
    const xmlChar *name;     /* local name; NULL for a wildcard (anyName, nsName) */
    const xmlChar *ns;       /* namespace URI, "" for none */
    gboolean required;
    xmlNodePtr pattern;      /* the <attribute> node */
} rng_attr;

/* One transition of a content automaton: elem is the <element> pattern taken,
 * NULL for an epsilon move. */
typedef struct {
    int from, to;
    xmlNodePtr elem;
} rng_edge;

typedef struct {
    int nstates, start, accept;
    GArray *edges;           /* of rng_edge */
    GPtrArray *attrs;        /* of rng_attr* */
    GPtrArray *data;         /* <data>/<value>/<list> nodes: simple content, if any */
    gboolean text;           /* text may appear among the children */
    gboolean any_attr;       /* an attribute wildcard allows others */
    gboolean approx;         /* interleave read as "in any order" */
    GPtrArray *musts;        /* <element> patterns an interleave requires */
    GPtrArray *singles;      /* <element> patterns an interleave allows once */
    GPtrArray *branches;     /* of rng_model*: when the content is a choice whose
                                branches differ in required attributes or text
                                (para: text with an id, or a container without),
                                each branch on its own; else NULL */
} rng_model;

typedef struct cg_rng cg_rng;

/* Read the schema at path (and its includes) as XML. NULL, with a reason in *why
 * (to free), when it cannot be read. */
cg_rng *cg_rng_load(const char *path, char **why);
void cg_rng_free(cg_rng *r);

/* Does the schema use a construct the explainer does not model? */
gboolean cg_rng_unsupported(const cg_rng *r);

/* The automaton of the start pattern (its edges are the allowed root elements). */
rng_model *cg_rng_start(cg_rng *r);

/* The automaton of an <element> pattern's content (kept by r). */
rng_model *cg_rng_model(cg_rng *r, xmlNodePtr elem);

/* Every <element> pattern reachable from the start (kept by r). */
GPtrArray *cg_rng_elements(cg_rng *r);

/* Does the name class of an <element> or <attribute> pattern match ns:local? */
gboolean cg_rng_name_matches(xmlNodePtr pat, const xmlChar *ns, const xmlChar *local);

/* The display name of a pattern ("para", "xml:lang"; "*" for a wildcard). */
const xmlChar *cg_rng_pattern_name(xmlNodePtr pat);

/* Add to out (of g_strdup'ed strings, kept unique) the names a pattern's name class
 * allows: "note" and "remark" for <choice><name>note</name><name>remark</name>. */
void cg_rng_pattern_names(xmlNodePtr pat, GPtrArray *out);

/* The set of states reachable from the states marked in set (size nstates) by
 * epsilon moves, marked in place. */
void cg_rng_closure(const rng_model *m, gboolean *set);

/* Does value match one of the alternatives of the content of pattern p (an
 * <attribute>, or the data list of a model)? */
gboolean cg_rng_value_ok(cg_rng *r, xmlNodePtr p, const char *value);
gboolean cg_rng_data_ok(cg_rng *r, const rng_model *m, const char *value);

/* When the simple content of m is a <list>: its first token that the list does not
 * allow (caller frees), or NULL. */
char *cg_rng_bad_token(cg_rng *r, const rng_model *m, const char *value);

/* What the value of <attribute> patterns (one, or the same attribute in the
 * several patterns an element may match), or the text of an <element> pattern of
 * simple content, should be, as a phrase to follow `"VALUE" `: "is not a date;
 * write YYYY-MM-DD, e.g. 2025-08-18", "is not allowed; write new or revised".
 * Caller frees. */
char *cg_rng_describe(cg_rng *r, GPtrArray *pats, const char *value);

/* "a", "a or b", "a, b or c" (items are strings). Caller frees. */
char *cg_rng_or_list(GPtrArray *items);

/* Edit distance (insertions, deletions, substitutions, transpositions), bytes. */
int cg_rng_distance(const char *a, const char *b);

/* The candidate closest to word when it is close enough to be a likely slip
 * (case, a letter or two, a prefix), or NULL. */
const char *cg_rng_closest(const char *word, GPtrArray *candidates);

#endif
