/* fo_form.h — form fields (AcroForm) from circgen's FO extension.
 *
 * A block-level FO (in practice an fo:block-container with a width, a height
 * and a border) carrying cx:field="text|radio|checkbox" is a form field: the
 * engine lays it out and draws it as any box (its border and background are
 * the field's look on paper), and its border box on the page becomes the
 * rectangle of a widget annotation, written by pdf_extras.c. Its attributes:
 *   cx:field-name     the field's fully qualified name ("administration",
 *                     "x1062.authorize": dots make the hierarchy); radio buttons
 *                     of one group share it
 *   cx:field-value    a radio button's or check box's "on" value ("authorize");
 *                     a text field's initial value
 *   cx:field-tooltip  the tooltip (/TU), in the document's language
 *   cx:field-multiline="true"  a text field of several lines
 * A field split across pages, or one in static content, has no widget (a
 * warning). While drawing, the fields are collected in cg_draw's fields and,
 * when tagged, each gets an empty Form structure element where it stands in
 * the content, which pdf_extras.c links to its widget. */
#ifndef CG_FO_FORM_H
#define CG_FO_FORM_H

#include "fo_page.h"

typedef enum { CG_FIELD_TEXT, CG_FIELD_RADIO, CG_FIELD_CHECKBOX } cg_field_type;

typedef struct {
    int page;                   /* 0-based page index */
    double x0, y0, x1, y1;      /* the rectangle in PDF coordinates (origin bottom left) */
    cg_field_type type;
    char *name, *value, *tooltip;
    gboolean multiline;
    double font_size;           /* of the FO, for the text's /DA */
    int form_tag;               /* index of its Form structure element, or -1 */
} cg_field;

/* The field of a block's start marker on page pg, if it is one (TRUE, *f filled; free its
 * strings with the array, or cg_form_field_clear). A field that cannot have a widget
 * is warned about (FALSE). Called by fo_draw.c for each PL_START. */
gboolean cg_form_field(cg_layout *L, const cg_page *pg, const cg_region_out *ro, const cg_placed *pl, cg_field *f);
void cg_form_field_clear(cg_field *f);

/* A new, empty list of fields for cg_draw (free with cg_form_fields_free). */
GArray *cg_form_fields_new(void);
void cg_form_fields_free(GArray *fields);

#endif
