/* fo_draw.h — drawing placed pages on a Cairo context (see fo_draw.c). */
#ifndef CG_FO_DRAW_H
#define CG_FO_DRAW_H

#include "fo_page.h"

typedef struct {
    gboolean begun;             /* begun in Cairo yet? */
    const cg_fo *fo;            /* the FO the element stands for (alternate text), or NULL */
    int alt;                    /* a Figure's index in figure_alts, or -1 */
} cg_tag_state;

/* A structure element whose FO has its own xml:lang: the nth element begun with its
 * tag name gets /Lang (written by pdf_extras.c: Cairo 1.16 has no API for it). */
typedef struct {
    const char *tag;
    int nth;
    char *lang;
} cg_tag_lang;

typedef struct {
    cg_layout *L;
    const cg_page *page;        /* set by cg_draw_page */
    gboolean tags;              /* emit structure tags */
    gboolean tagged_links;      /* emit link annotations */
    GHashTable *dests;          /* ids that links or bookmarks target (set), or NULL */
    GHashTable *dests_done;     /* ids already given a destination */
    GHashTable *ids_now;        /* ids placed so far in this pass (fallback for citations) */
    GHashTable *mixed;          /* cg_fo* -> 1 + (has both own text and child elements), lazily */
    GPtrArray *tag_names;       /* open structure elements (const char*) */
    GArray *tag_begun;          /* cg_tag_state per open element */
    struct cg_embed *emb;       /* subset fonts (fo_embed.h), or NULL: Pango draws */
    GPtrArray *figure_alts;     /* char*: the alternate text ("" if none) of each Figure
                                 * element (images, role="Figure") in the order begun, for
                                 * cg_pdf_update; or NULL */
    GArray *fields;             /* cg_field (fo_form.h): the form fields drawn, or NULL: none */
    int form_tags;              /* Form structure elements begun for them */
    GArray *tag_langs;          /* cg_tag_lang, or NULL */
    GHashTable *tag_counts;     /* tag name -> elements begun with it (for tag_langs) */
} cg_draw;

/* Structure tags (see fo_draw.c): push at a block's start (fo: the FO it stands
 * for, or NULL), flush before drawing content, pop at its end. */
void cg_draw_tag_push(cg_draw *D, const char *tag, const cg_fo *fo);
void cg_draw_tag_flush(cg_draw *D, cairo_t *cr);
void cg_draw_tag_pop(cg_draw *D, cairo_t *cr);

void cg_draw_page(cg_draw *D, cairo_t *cr, const cg_page *pg);

/* s escaped for a Cairo tag attribute value in single quotes (links, outline
 * destinations). Caller frees. */
char *cg_draw_attr_escape(const char *s);

/* An image's alternate text: fox:alt-text (Apache FOP's extension, so FO written
 * for FOP keeps it) or cx:alt-text (circgen's), or NULL. Caller frees. */
char *cg_draw_alt_text(const cg_fo *fo);

#endif
