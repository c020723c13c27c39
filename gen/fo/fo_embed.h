/* fo_embed.h — lean font embedding: CFF fonts (Noto CJK) are subset with
 * HarfBuzz to the characters of the document (desubroutinized; glyph ids are
 * mapped through the subset plan when drawing) before Cairo embeds them, so the
 * PDF carries a few hundred glyphs and no unused subroutines (Cairo 1.16 alone embeds about 590 KB of Noto Serif
 * CJK SC for 630 characters).
 *
 * Pango still shapes with the full font; drawing goes through cg_embed_show(), which draws the glyphs with a Cairo face made from
 * the subset font. Anything it cannot do exactly (a glyph not in the subset,
 * synthetic bold or oblique, a TrueType font that Cairo already subsets
 * well) returns FALSE and the caller draws with Pango as before. */
#ifndef CG_FO_EMBED_H
#define CG_FO_EMBED_H

#include <pango/pangocairo.h>
#include <libxml/tree.h>

typedef struct cg_embed cg_embed;

/* The characters every text node and attribute of the FO document may put on a
 * page (plus case variants and what the engine generates: digits, dots,
 * hyphens). NULL if subsetting is disabled (CIRCGEN_NO_SUBSET set). */
cg_embed *cg_embed_new(xmlDocPtr fo);
void cg_embed_free(cg_embed *e);

/* Draw glyphs (a run of font, shaped as Pango did) at (x, y) on the baseline,
 * with the text they came from (utf8, len bytes; log_clusters relative to it,
 * left to right) or text NULL for glyphs without text. FALSE: nothing drawn. */
gboolean cg_embed_show(cg_embed *e, cairo_t *cr, PangoFont *font, const PangoGlyphString *gs,
                       const char *text, int len, double x, double y);

/* The same, queued: consecutive runs of one font are drawn by one Cairo call
 * (fewer operations for Cairo's PDF analysis and output) when the queue is
 * flushed, with the source then current; flush before changing the source,
 * tags or anything drawn otherwise. FALSE: nothing queued. */
gboolean cg_embed_add(cg_embed *e, cairo_t *cr, PangoFont *font, const PangoGlyphString *gs,
                      const char *text, int len, double x, double y);
void cg_embed_flush(cg_embed *e, cairo_t *cr);

#endif
