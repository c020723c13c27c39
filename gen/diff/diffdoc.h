/* diffdoc.h — a source document as the translator diff sees it.
 *
 * Nothing here knows a document type. The model is derived from the markup:
 *
 * - A unit is an element with an id attribute. Ids are the same in every language
 *   version, so units align by id. A unit with no descendant that has an id holds
 *   translatable text (a paragraph, a title, an addressee): it is a "leaf". Other
 *   units (an annex, a draft) only group.
 * - The text of a leaf is its mixed content with whitespace collapsed. Inline
 *   elements are data (a date, a Recommendation number, an e-mail address) unless the
 *   diff rules call them prose (b, i); each data element becomes a datum, shown in
 *   the text as its content, or as ⟨name values⟩ when it is empty.
 * - Fields are the language-independent values outside the text: every attribute
 *   (except id and xml:lang) and the text of elements outside any leaf unit (the
 *   contact's telephone number). A field's key is the id of its nearest unit plus the
 *   path below it, so fields align across versions without ids of their own.
 * - The place of an element is a readable path ("Annex 1 › X.1128 › summary › ¶2")
 *   made from element names and positions, with labels from the diff rules.
 *
 * Diff rules: templates/common/diff-rules.xml, then templates/TYPE/diff-rules.xml
 * (namespace urn:circgen:diff-rules, schema templates/diff/rules.rng), both optional:
 *   <prose element="b"/>                  content of b is text of the language
 *   <label element="p" text="¶{n}"/>     {n}: position among siblings of the same
 *                                         name; {@attr}: an attribute's value;
 *                                         text="" leaves the level out of places
 *   <label element="para" text="paragraph {number}"/>   nested numbers ("7.1")
 *   <label element="cell" head="head" text="{column}"/>  the column's header text
 *   <label element="item" under="list[type=letter]" start="start" text="item {a})"/>
 *   <label element="footnote" text="footnote {call:footnote-ref@ref}"/>
 *   The rules of an element are tried in order; the first whose conditions (under:
 *   the parent, within: an ancestor) hold names it. templates/diff/rules.rng lists
 *   every placeholder ({text}, {col} too).
 */
#ifndef CG_DIFFDOC_H
#define CG_DIFFDOC_H

#include <libxml/tree.h>
#include "base/base.h"

typedef struct cg_diff_rules cg_diff_rules;

/* Load the rules for a document type's folder (type_dir may be NULL: common rules
 * only). Missing files are not an error; a malformed one is. Free with
 * cg_diff_rules_free(). */
cg_diff_rules *cg_diff_rules_load(const char *templates_dir, const char *type_dir, cg_diags *d);
void cg_diff_rules_free(cg_diff_rules *r);
/* Add a rule by hand (tests): label is NULL for a prose element. */
cg_diff_rules *cg_diff_rules_new(void);
void cg_diff_rules_add(cg_diff_rules *r, const char *element, const char *label);
/* Is the content of element text of the language (a <prose> rule)? r may be NULL. */
gboolean cg_diff_rules_is_prose(const cg_diff_rules *r, const char *element);

/* A piece of a unit's text: prose (datum < 0) or one datum. */
typedef struct {
    gsize start, len;
    int datum;
} cg_piece;

typedef struct {
    char *name;          /* element name */
    char *key;           /* name, sorted attributes and content: equal keys, equal data */
    char *show;          /* how it is shown in the text */
} cg_datum;

typedef struct {
    const char *id;      /* borrowed from the document */
    xmlNodePtr node;
    const char *element; /* borrowed */
    char *place;
    int line;
    guint order;         /* position among all units, in document order */
    gboolean leaf;
    GString *text;       /* leaves: the text, whitespace collapsed; data shown */
    GArray *pieces;      /* leaves: of cg_piece, covering text in order */
    GPtrArray *data;     /* leaves: of cg_datum*, in order */
} cg_unit;

typedef struct {
    char *key;           /* "#x1062/@number", "/circular/contact/phone" */
    char *anchor;        /* id of the nearest unit at or above, NULL at top level */
    char *place;         /* place of the element */
    char *what;          /* "@number" for an attribute, the element name for text */
    char *value;
    int line;
    guint order;         /* document order among fields */
} cg_field;

typedef struct {
    xmlDocPtr doc;       /* borrowed */
    char *file;
    char *lang;          /* xml:lang of the root, "" when none */
    GPtrArray *units;    /* of cg_unit*, document order */
    GHashTable *by_id;   /* id -> cg_unit* */
    GPtrArray *fields;   /* of cg_field* */
    GHashTable *by_key;  /* field key -> cg_field* */
} cg_version;

/* Build the model of doc. The document must outlive it. Free with cg_version_free().
 * Not reentrant: it uses a cache of element positions while it runs. */
cg_version *cg_version_new(xmlDocPtr doc, const char *file, const cg_diff_rules *rules);
void cg_version_free(cg_version *v);

/* The place of any element of a document ("letter › paragraph 3"). Caller frees. */
char *cg_diff_place(xmlNodePtr node, const cg_diff_rules *rules);

#endif
