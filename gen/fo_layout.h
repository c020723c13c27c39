/* fo_layout.h — laying out formatting objects into vertical lists (fo_area.h).
 *
 * fo_text.c turns the inline content of a block into a paragraph: characters,
 * runs of properties, inline objects; shapes it once with Pango; asks
 * fo_breaks.c where it may break and fo_linebreak.c where it should; and makes
 * lines. fo_layout.c does the blocks: indents, spaces, borders, lists, tables,
 * block-containers, graphics and the keeps between them.
 *
 * Layout happens at a fixed width (the region's): pagination (fo_page.c)
 * only chooses where the list is cut into pages, and asks for the flow's
 * content one child of the fo:flow at a time (cg_flow_feed).
 */
#ifndef CG_FO_LAYOUT_H
#define CG_FO_LAYOUT_H

#include "fo_area.h"
#include "diag.h"

/* Page numbers of ids, from pagination (for page-number-citation). */
typedef struct {
    int first, last;            /* page indexes (0-based over the document) */
    char *first_text, *last_text;  /* formatted page numbers */
    double y;                   /* position on the first page, from the top (PDF links) */
} cg_id_pages;

typedef struct cg_layout {
    cg_fo_tree *t;
    cg_diags *d;
    PangoContext *ctx;          /* the pinned fonts at 72 dpi */
    char *base_dir;             /* for relative image URIs */
    char **read_dirs;           /* resolved folders images may be read from (NULL-terminated;
                                   NULL: base_dir); set and freed by cg_fo_render */
    GHashTable *families;       /* FO font-family value -> Pango family list (owned strings) */
    GHashTable *metrics;        /* font description string -> cg_metrics* */
    GHashTable *images;         /* resolved path -> cg_image* (NULL for failures) */
    GHashTable *ids;            /* id -> cg_id_pages* from the previous pass, or empty */
    const char *page_number;    /* formatted current page number in static content, else NULL */
    double footnote_width;      /* width of the region-body, for footnote bodies */
    int depth;                  /* nesting of block layout (bounded) */
    GHashTable *warned;         /* messages already given (once per run) */
} cg_layout;

typedef struct {
    double ascent, descent;     /* positive, in points */
    double ul_pos, ul_thick;    /* underline position (below baseline, positive down) */
    double st_pos, st_thick;    /* strikethrough position (above baseline, positive up) */
} cg_metrics;

/* Set up and release the environment (ctx is borrowed; the rest owned). */
void cg_layout_init(cg_layout *L, cg_fo_tree *t, cg_diags *d, PangoContext *ctx,
                    const char *base_dir);
void cg_layout_clear(cg_layout *L);

/* Lay out the block-level content of fo (a flow, static-content, footnote-body,
 * table-cell, ...) at content width w. Returns a new list (caller frees). */
cg_vlist *cg_layout_blocks(cg_layout *L, const cg_fo *fo, double w);

/* Lay out a flow as pagination asks for it, at column width col_w (its
 * children with span="all" at the body's width full_w, each run of them
 * between VI_SPAN markers; col_w == full_w: one column). Each call of
 * cg_flow_feed_next appends to vl the next child of the flow (a block-level
 * object, or a run of inline content set as one paragraph) with the penalty
 * before it, and returns FALSE when nothing is left; a child is laid out
 * whole, however many pages it takes. */
typedef struct cg_flow_feed cg_flow_feed;
cg_flow_feed *cg_flow_feed_new(cg_layout *L, const cg_fo *flow, double col_w, double full_w);
gboolean cg_flow_feed_next(cg_flow_feed *f, cg_vlist *vl);
void cg_flow_feed_free(cg_flow_feed *f);

/* ---- fo_text.c ---- */

/* Collect the inline content of the children [first, stop) of block (stop NULL:
 * to the end) into a new paragraph; NULL when there is nothing to set (only
 * white space). Block-level objects met inside inlines become forced breaks. */
/* Characters drawn with no glyph of their own, which letter-spacing skips. */
gboolean cg_invisible_char(gunichar c);
cg_para *cg_para_collect(cg_layout *L, const cg_fo *block, const cg_fo *first, const cg_fo *stop);
/* Inline content interrupted by blocks nested in its inlines (XSL 1.1 §4.7.2:
 * a block inside an fo:inline ends the line before it and makes a block area
 * of its own): segment k of [first, stop) is the content between the
 * (k-1)-th and the k-th nested block, which *nested receives (NULL after the
 * last segment). NULL when the segment has nothing to set; the FOs with an
 * id that start in it are then appended to lost_ids (if not NULL). */
cg_para *cg_para_collect_segment(cg_layout *L, const cg_fo *block, const cg_fo *first,
                                 const cg_fo *stop, int k, const cg_fo **nested, GPtrArray *lost_ids);

/* Shape the paragraph, fit it into lines of width w starting at x (from the
 * reference area's start edge), and append the lines with the penalties
 * between them (keeps, widows, orphans) to vl, which takes ownership of para. */
void cg_para_layout(cg_layout *L, cg_para *para, cg_vlist *vl, double x, double w);

/* Font metrics of a description (cached). */
const cg_metrics *cg_layout_metrics(cg_layout *L, const PangoFontDescription *fd, const char *lang);

/* A new font description for props (caller frees). Family problems are
 * reported once per family name. */
PangoFontDescription *cg_layout_font(cg_layout *L, const cg_props *p, const cg_fo *fo);

/* The BCP 47 tag of props: language[-COUNTRY], zh -> zh-CN; "" when none. Static buffer. */
const char *cg_layout_lang(const cg_props *p, char buf[32]);

/* Text of a paragraph's characters [c0, c1) for dumps: object characters are
 * shown as "[image]" etc. Caller frees. */
char *cg_para_text(const cg_para *para, int c0, int c1);

/* Drawing support (fo_pdf.c): the Pango items and the text. */
const char *cg_para_utf8(const cg_para *para);
PangoItem *cg_para_item(const cg_para *para, int item, PangoGlyphString **glyphs);
PangoGlyphString *cg_para_hyphen(const cg_para *para, int item);
const cg_span *cg_para_span(const cg_para *para, int span);
double cg_para_letter_spacing(const cg_para *para, int span);
int cg_para_char_byte(const cg_para *para, int c);
/* The FO of the inline object (image, leader, page number...) at character c, or NULL. */
const cg_fo *cg_para_obj_fo(const cg_para *para, int c);

/* Warn once per distinct message. */
void cg_layout_warn_once(cg_layout *L, const cg_fo *fo, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* ---- fo_image.c ---- */
struct cg_image {
    char *path;
    double w, h;                /* intrinsic size in points */
    cairo_surface_t *surface;   /* raster images */
    void *svg;                  /* RsvgHandle* for SVG */
};
/* Load (once per path) the image uri relative to base; NULL with a warning at
 * fo when it is missing or not an image. Owned by L. */
cg_image *cg_image_get(cg_layout *L, const cg_fo *fo, const char *uri);
void cg_image_free(cg_image *img);
/* Draw img scaled to w x h with its top left corner at (x, y). */
void cg_image_draw(cairo_t *cr, cg_image *img, double x, double y, double w, double h);

/* Format page number n per the page-sequence's format ("1", "01", "i", "I", "a", "A").
 * Caller frees. */
char *cg_format_page_number(int n, const char *format);

#endif
