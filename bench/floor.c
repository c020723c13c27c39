/* floor.c — the benchmark's floor: a bare Pango/Cairo program that draws a text
 * file with PangoLayout onto an A4 PDF surface, page after page, and nothing else
 * (no XML, no XSLT, no layout engine). circgen on the same text should be within
 * 1.5x of it.  usage: floor TEXT.txt OUT.pdf [FONT]  (FONTCONFIG_FILE picks fonts) */
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: floor TEXT.txt OUT.pdf [FONT]\n");
        return 2;
    }
    char *text = NULL;
    if (!g_file_get_contents(argv[1], &text, NULL, NULL))
        return 2;
    const double W = 595.2756, H = 841.8898, M = 56.7;
    cairo_surface_t *s = cairo_pdf_surface_create(argv[2], W, H);
    cairo_t *cr = cairo_create(s);
    PangoFontMap *fm = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72.0);
    PangoContext *ctx = pango_font_map_create_context(fm);
    PangoLayout *lay = pango_layout_new(ctx);
    PangoFontDescription *fd = pango_font_description_from_string(argc > 3 ? argv[3] : "Noto Serif CJK SC 12");
    pango_layout_set_font_description(lay, fd);
    pango_layout_set_width(lay, (int)((W - 2 * M) * PANGO_SCALE));
    pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(lay, text, -1);
    PangoLayoutIter *it = pango_layout_get_iter(lay);
    double top = 0;                 /* layout y at the top of the current page */
    int pages = 1;
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        double y0 = r.y / (double)PANGO_SCALE, y1 = (r.y + r.height) / (double)PANGO_SCALE;
        if (y1 - top > H - 2 * M) {
            cairo_show_page(cr);
            pages++;
            top = y0;
        }
        cairo_move_to(cr, M + r.x / (double)PANGO_SCALE,
                      M + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE - top);
        pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? 0 : 1;
    cairo_surface_destroy(s);
    printf("%d pages\n", pages);
    pango_font_description_free(fd);
    g_object_unref(lay);
    g_object_unref(ctx);
    g_object_unref(fm);
    g_free(text);
    return rc;
}
