/* fo_tree.h — the formatting-object tree: FO elements with computed properties.
 *
 * Built from an XSL-FO document (read by cg_xml_read_file or produced by
 * libxslt). Elements outside the FO namespace are skipped with a warning,
 * except inside fo:instream-foreign-object and fo:declarations. Unsupported FO
 * elements are reported; their content is kept where that makes sense (fo:float
 * and fo:inline-container are laid out as their content) so nothing is lost.
 * The tree owns its nodes and strings; the XML document must outlive it.
 */
#ifndef CG_FO_TREE_H
#define CG_FO_TREE_H

#include "fo_props.h"

#define CG_FO_NS "http://www.w3.org/1999/XSL/Format"
#define CG_FOX_NS "urn:circgen:fo-extensions"

typedef enum {
    FO_TEXT,            /* character data: text points into the XML node */
    FO_UNKNOWN,         /* an unsupported FO element laid out as its content */
    FO_ROOT, FO_DECLARATIONS, FO_LAYOUT_MASTER_SET, FO_SIMPLE_PAGE_MASTER,
    FO_PAGE_SEQUENCE_MASTER, FO_SINGLE_PMR, FO_REPEATABLE_PMR, FO_REPEATABLE_PMA,
    FO_CONDITIONAL_PMR, FO_REGION_BODY, FO_REGION_BEFORE, FO_REGION_AFTER,
    FO_REGION_START, FO_REGION_END, FO_PAGE_SEQUENCE, FO_TITLE, FO_FLOW,
    FO_STATIC_CONTENT, FO_BLOCK, FO_BLOCK_CONTAINER, FO_INLINE, FO_WRAPPER,
    FO_CHARACTER, FO_BASIC_LINK, FO_PAGE_NUMBER, FO_PAGE_NUMBER_CITATION,
    FO_PAGE_NUMBER_CITATION_LAST, FO_LEADER, FO_EXTERNAL_GRAPHIC,
    FO_INSTREAM_FOREIGN_OBJECT, FO_LIST_BLOCK, FO_LIST_ITEM, FO_LIST_ITEM_LABEL,
    FO_LIST_ITEM_BODY, FO_TABLE_AND_CAPTION, FO_TABLE_CAPTION, FO_TABLE, FO_TABLE_COLUMN,
    FO_TABLE_HEADER, FO_TABLE_FOOTER, FO_TABLE_BODY, FO_TABLE_ROW, FO_TABLE_CELL,
    FO_FOOTNOTE, FO_FOOTNOTE_BODY, FO_BOOKMARK_TREE, FO_BOOKMARK, FO_BOOKMARK_TITLE,
    FO_MARKER, FO_RETRIEVE_MARKER, FO_INLINE_CONTAINER, FO_FLOAT, FO_BIDI_OVERRIDE,
    FO_KIND_COUNT
} cg_fo_kind;

typedef struct cg_fo cg_fo;
struct cg_fo {
    cg_fo_kind kind;
    xmlNodePtr xml;               /* the element or text node */
    cg_fo *parent, *first, *last, *next;
    cg_props *p;                  /* computed properties; text nodes share the parent's */
    const char *text;             /* FO_TEXT: the characters (owned by the XML doc) */
    const char *id;               /* the id attribute, or NULL (owned by the tree) */
};

typedef struct {
    cg_fo *root;
    xmlDocPtr doc;                /* borrowed */
    char *file;                   /* for diagnostics; may be NULL */
    GStringChunk *strings;        /* interned property strings */
    GHashTable *ids;              /* id -> cg_fo* (borrowed) */
    gboolean has_citations;       /* page-number-citation(-last) present */
    GHashTable *props;            /* shared computed properties of block-level and table
                                   * objects (cg_props*, owned): equal ones are stored once */
    GPtrArray *props_own;         /* those of them that stay an object's own (owned) */
} cg_fo_tree;

/* Build the tree of doc. Problems (unsupported objects and properties, bad
 * values, an fo:root missing) are added to d. Returns NULL only when the
 * document has no fo:root element (an error is added). Free with cg_fo_tree_free(). */
cg_fo_tree *cg_fo_tree_new(xmlDocPtr doc, cg_diags *d);
void cg_fo_tree_free(cg_fo_tree *t);

/* "block" for FO_BLOCK, ... */
const char *cg_fo_kind_name(cg_fo_kind k);

/* An attribute of the node's element, or NULL (owned by the tree: interned). */
const char *cg_fo_attr(const cg_fo_tree *t, const cg_fo *fo, const char *name);

/* First child of kind k, or NULL. */
cg_fo *cg_fo_child(const cg_fo *fo, cg_fo_kind k);

/* Is k laid out as a block-level object (in a block's content)? */
gboolean cg_fo_is_block_level(cg_fo_kind k);

#endif
