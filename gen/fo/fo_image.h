/* fo_image.h — external graphics: loaded once per path (PNG, JPEG, SVG and the
 * formats of gdk-pixbuf), only from the folders circgen may read, and drawn
 * with Cairo.
 */
#ifndef CG_FO_IMAGE_H
#define CG_FO_IMAGE_H

#include <cairo.h>
#include "fo_env.h"

struct cg_image {
    char *path;
    double w, h;                /* intrinsic size in points */
    cairo_surface_t *surface;   /* raster images */
    void *svg;                  /* RsvgHandle* for SVG */
    int shown;                  /* times drawn */
    cairo_surface_t *drawn;     /* an SVG shown more than once, drawn at its size into a
                                 * recording surface: one Form XObject in the PDF */
};
/* Load (once per path) the image uri relative to base; NULL with a warning at
 * fo when it is missing or not an image. Owned by L. */
cg_image *cg_image_get(cg_layout *L, const cg_fo *fo, const char *uri);
void cg_image_free(cg_image *img);
/* Draw img scaled to w x h with its top left corner at (x, y). */
void cg_image_draw(cairo_t *cr, cg_image *img, double x, double y, double w, double h);

#endif
