/* fo_env.h — the layout environment every layout stage shares: the FO tree,
 * diagnostics, the Pango context of the pinned fonts, the caches of font
 * families, metrics and images, and the page numbers of ids from the previous
 * pass. Set up by cg_layout_init (fo_layout.h); read by paragraph layout
 * (fo_text.c), block layout (fo_layout.c), images (fo_image.c) and drawing.
 */
#ifndef CG_FO_ENV_H
#define CG_FO_ENV_H

#include "fo_area.h"
#include "base/base.h"

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
    gboolean seq_rtl;           /* the page-sequence being paginated is rl-tb (writing-mode
                                 * on fo:page-sequence, XSL 1.1 §6.4.5): its regions mirror */
    int depth;                  /* nesting of block layout (bounded) */
    GHashTable *warned;         /* messages already given (once per run) */
    /* Block-level layout (cg_layout_blocks of fo_layout.c, set by cg_layout_init), for
     * the footnote bodies that paragraphs meet. */
    struct cg_vlist *(*layout_blocks)(struct cg_layout *L, const cg_fo *fo, double w);
} cg_layout;

typedef struct {
    double ascent, descent;     /* positive, in points */
    double ul_pos, ul_thick;    /* underline position (below baseline, positive down) */
    double st_pos, st_thick;    /* strikethrough position (above baseline, positive up) */
} cg_metrics;

/* A new cache for cg_layout_metrics (font description -> cg_metrics). */
GHashTable *cg_metrics_table_new(void);

/* Font metrics of a description (cached). */
const cg_metrics *cg_layout_metrics(cg_layout *L, const PangoFontDescription *fd, const char *lang);

/* A new font description for props (caller frees). Family problems are
 * reported once per family name. */
PangoFontDescription *cg_layout_font(cg_layout *L, const cg_props *p, const cg_fo *fo);

/* The BCP 47 tag of props: language[-COUNTRY], zh -> zh-CN; "" when none. Static buffer. */
const char *cg_layout_lang(const cg_props *p, char buf[32]);

/* Warn once per distinct message. */
void cg_layout_warn_once(cg_layout *L, const cg_fo *fo, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

#endif
