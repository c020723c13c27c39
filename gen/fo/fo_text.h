/* fo_text.h — paragraphs: the inline content of a block collected into
 * characters, runs of properties and inline objects, shaped once with Pango,
 * broken into lines (fo_breaks.h where it may break, fo_linebreak.h where it
 * should) and appended to a vertical list as lines with the penalties between
 * them. Drawing reads the shaped items back through the accessors below.
 */
#ifndef CG_FO_TEXT_H
#define CG_FO_TEXT_H

#include "fo_env.h"

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
/* Is the paragraph's base direction right to left (writing-mode rl-tb)? */
gboolean cg_para_rtl(const cg_para *para);
/* The FO of the inline object (image, leader, page number...) at character c, or NULL. */
const cg_fo *cg_para_obj_fo(const cg_para *para, int c);

#endif
