/* fo_area.h — what the layout produces and pagination consumes.
 *
 * A flow is laid out, at the width of its region, into a vertical list
 * (cg_vlist) in the manner of TeX's and FOP's element lists: lines, gaps
 * (borders and padding), spaces (discarded at page edges, adjacent ones
 * resolved to the largest), penalties (the only places a page may break, with
 * the strength of the keeps that hold there), block start/end markers (for
 * backgrounds, borders, ids and tags), table rows (unbreakable, each cell
 * holding its own vertical list) and overlays (list-item labels beside the
 * first lines of their body).
 *
 * Ownership: a cg_vlist owns its items and everything they point to (lines,
 * blocks, rows, paragraphs and nested lists) through its pool; free the whole
 * list with cg_vlist_free(). Nothing is freed item by item.
 */
#ifndef CG_FO_AREA_H
#define CG_FO_AREA_H

#include <pango/pangocairo.h>
#include "fo_tree.h"

typedef struct cg_vlist cg_vlist;
typedef struct cg_para cg_para;
typedef struct cg_image cg_image;

/* Penalty strengths between items: 0 free, 1..CG_KEEP_ALWAYS keeps (relaxed
 * when nothing else fits), CG_PEN_NEVER (never broken: inside a row span,
 * unless the tied rows do not fit (span_tie), a label's height), CG_PEN_FORCE
 * a forced page break. */
#define CG_PEN_NEVER (2 * CG_KEEP_ALWAYS)
#define CG_PEN_FORCE (-1)

typedef enum { PC_GLYPHS, PC_IMAGE, PC_LEADER, PC_PAGE_NUMBER, PC_CITATION, PC_CITATION_LAST } cg_piece_kind;

/* Properties of a run of inline content (one per inline FO in a paragraph). */
typedef struct {
    const cg_props *p;
    const char *link_uri;       /* basic-link external-destination, or NULL */
    const char *link_dest;      /* basic-link internal-destination, or NULL */
    PangoFontDescription *font; /* owned by the paragraph */
    double shift;               /* baseline shift, up positive */
    const char *leader_text;    /* leader-pattern="use-content" of text only: the text repeated
                                 * (owned by the paragraph's pool), else NULL */
    cg_color background;        /* of the innermost inline around the run that has one
                                 * (alpha 0: none) */
    int valign;                 /* CG_VALIGN_* of an inline-level FO (baseline for a block's own text) */
} cg_span;

typedef struct {
    cg_piece_kind kind;
    double x, w;                /* from the line's start edge */
    int span;                   /* index into para->spans */
    int item;                   /* PC_GLYPHS: index of the Pango item */
    int g0, g1;                 /* PC_GLYPHS: glyph range [g0, g1) in that item */
    int c0, c1;                 /* character range in para (for text dumps) */
    gboolean hyphen;            /* PC_GLYPHS: the line's hyphen (shaped apart) */
    cg_image *img;              /* PC_IMAGE */
    double img_h;
    const char *ref;            /* PC_CITATION*: the ref-id */
    double shift;               /* baseline of the piece above the line's, in points (baseline-shift,
                                 * vertical-align) */
    double img_pb_before, img_pb_after;  /* PC_IMAGE: its border and padding before (above) and
                                 * after (below) the image, which stand on the baseline with
                                 * it (CSS2 §10.8: a replaced element's box makes the line) */
} cg_piece;

/* An inline-level FO with borders or padding (XSL 1.1 §4.6, CSS2 §8.6) as
 * placed on one line: its border box around its pieces, the start and end
 * border and padding (unbreakable width in the line) only on the line where
 * the inline starts or ends (unless conditionality="retain" keeps them where
 * it is broken); the before and after ones around its font's
 * ascent and descent, not changing the line's height. */
typedef struct {
    double x, w;                /* border box, from the line's start edge (as pieces) */
    double above, below;        /* border box above and below the line's baseline */
    cg_border border[4];        /* widths 0 on the sides where the inline is broken */
    double pad[4];              /* padding, 0 on those sides */
    cg_color background;        /* of the padding box (alpha 0: none) */
} cg_inline_box;

typedef struct {
    double x;                   /* start edge of the line area, from the reference x */
    double width;               /* available width (measure) */
    double used;                /* width of the content after alignment spacing */
    double height, baseline;    /* line-height box; baseline from its top */
    cg_para *para;
    cg_piece *pieces;
    int n_pieces;
    int c0, c1;                 /* characters of the paragraph on this line */
    GPtrArray *footnotes;       /* cg_vlist* of footnote bodies cited on the line, or NULL */
    GPtrArray *ids;             /* const char* ids of inline objects starting here, or NULL */
    GPtrArray *marks;           /* inline objects with fo:marker children whose first or last
                                 * character is here (CG_LINE_MARK), or NULL */
    cg_inline_box *boxes;       /* inlines with borders or padding on the line, outer ones
                                 * first (NULL if none) */
    int n_boxes;
} cg_line;

/* An entry of cg_line.marks: the object, and whether its last character (not
 * its first) is on the line. */
#define CG_LINE_MARK(fo, end) ((gpointer)((guintptr)(fo) | ((end) ? 1u : 0u)))
#define CG_LINE_MARK_FO(p) ((const cg_fo *)((guintptr)(p) & ~(guintptr)1))
#define CG_LINE_MARK_END(p) (((guintptr)(p) & 1u) != 0)

/* A block's decoration and identity, shared by its start and end markers. */
typedef struct {
    const cg_fo *fo;
    double x, w;                /* border box, from the reference x */
    cg_border border[4];
    cg_color background;
    const char *tag;            /* structure tag (P, H1, Table, TR, TD, L, LI, Figure...), or NULL */
    const char *id;
    gboolean is_table;
    cg_vlist *header, *footer;  /* tables: rows repeated at page breaks (NULL if none) */
    gboolean omit_header_at_break, omit_footer_at_break;
} cg_block;

typedef struct {
    double x, w;                /* border box of the cell, from the reference x */
    int rows;                   /* number-rows-spanned */
    cg_vlist *content;
    double content_h;
    double pad_before, pad_after, border_before, border_after;
    double out_before, out_after;   /* collapsed borders: the border box reaches this far
                                     * beyond the row's grid lines (half a border) */
    cg_block *blk;              /* decoration (background, borders) and tag */
    int display_align;
    /* A row split across pages (fo_page.c) places part of each cell: items
     * [from, to) of content when ranged; cont_before / cont_after say the
     * cell goes on from a piece before / into a piece after (no border there). */
    gboolean ranged, cont_before, cont_after;
    int from, to;
} cg_cell;

typedef struct {
    double h;                   /* height of this row (spanning cells may reach further) */
    cg_cell *cells;
    int n_cells;
    double *span_h;             /* per cell: height of the rows it spans (set by the table) */
    cg_block *blk;              /* the TR tag */
    gboolean cont_before, cont_after;   /* a piece of a row split across pages (cont_after
                                         * too: a row holding the piece of a spanning cell
                                         * that goes on after a page break) */
} cg_row;

typedef enum {
    VI_LINE, VI_SPACE, VI_PENALTY, VI_START, VI_END, VI_GAP, VI_ROW, VI_OVERLAY, VI_BOX,
    VI_ABS,                     /* absolutely positioned block-container: sub placed at x, y from
                                 * the region's top, taking no room in the flow */
    VI_SPAN                     /* multi-column flows: the span changes here; pen 1: span="all"
                                 * content (laid out at the body's width) follows, 0: column
                                 * content follows */
} cg_vkind;

typedef struct {
    cg_vkind kind;
    int pen;                    /* VI_PENALTY: strength, or CG_PEN_FORCE */
    int break_kind;             /* VI_PENALTY forced: CG_BREAK_PAGE / EVEN / ODD */
    double h;                   /* LINE, GAP, ROW, BOX: height; SPACE: optimum; OVERLAY: sub height */
    int precedence;             /* VI_SPACE */
    double squeeze;             /* VI_BOX: the part of their shrink the spaces of sub give up
                                 * (content taller than a fixed height, 0..1) */
    double shrink;              /* VI_SPACE: how much less than its optimum it may be
                                 * (optimum - minimum, XSL 1.1 §4.3): pagination takes it
                                 * from the spaces of a page that would not fit otherwise */
    gboolean retain;            /* VI_SPACE: conditionality retain */
    double x;                   /* OVERLAY, BOX: offset of the sub-list; VI_ABS: y from the region top */
    cg_line *line;
    cg_block *blk;              /* START, END */
    cg_row *row;
    cg_vlist *sub;              /* OVERLAY, BOX */
    const cg_fo *table;         /* VI_ROW of a table body: the table (header repetition) */
    gboolean final_footer;      /* VI_ROW of a table's footer where the table ends (its
                                 * room is not reserved again for a repeated footer) */
    gboolean span_tie;          /* VI_PENALTY of CG_PEN_NEVER between table-body rows tied by
                                 * a cell spanning them: pagination breaks the rows apart
                                 * there (cutting the cell) when they do not fit on a page */
    int span_pen;               /* span_tie: the strength of the break once allowed (keeps) */
} cg_vitem;

struct cg_vlist {
    GArray *items;              /* of cg_vitem */
    GPtrArray *owned_lists;     /* nested cg_vlist* freed with this one */
    GPtrArray *owned_paras;     /* cg_para* */
    GPtrArray *owned;           /* plain g_malloc'd blocks (lines, rows, blocks...) */
    GPtrArray *owned_arrays;    /* GPtrArray* (line footnotes, ids and marks) */
    double height;              /* natural height (for nested lists; 0 until measured) */
    /* A flow laid out as pagination reads it (fo_page.c): more appends the
     * next items and returns TRUE, or returns FALSE at the end (NULL: the
     * list is complete). */
    gboolean (*more)(void *ctx, cg_vlist *vl);
    void *more_ctx;
};

cg_vlist *cg_vlist_new(void);
void cg_vlist_free(cg_vlist *vl);
cg_vitem *cg_vlist_add(cg_vlist *vl, cg_vkind kind);
/* Allocate n zeroed bytes owned by vl. */
void *cg_vlist_alloc(cg_vlist *vl, size_t n);
/* Natural height of the whole list, as placed at the top of a region. */
double cg_vlist_measure(const cg_vlist *vl);
/* The same for items [from, to). */
double cg_vlist_measure_range(const cg_vlist *vl, int from, int to);
/* How much shorter the spaces of vl may make it (the shrink of the space
 * that counts in each run of spaces, cg_vitem.shrink). */
double cg_vlist_shrink(const cg_vlist *vl);

/* Free a paragraph (called by cg_vlist_free). */
void cg_para_free(cg_para *p);

#endif
