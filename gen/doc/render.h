/* render.h — a source document to its outputs: the steps every output command shares
 * (read safely, validate, transform with the type's stylesheet, write atomically). */
#ifndef CG_RENDER_H
#define CG_RENDER_H

#include <libxml/tree.h>
#include "base/base.h"

typedef struct {
    const char *emblem;   /* letterhead image for the PDF; NULL: the type's placeholder */
    gboolean no_form;     /* the reply form without form fields (stylesheet parameter form='no') */
    gboolean attach_source;  /* the source file embedded in the PDF (/AFRelationship /Source) */
    gboolean pdfa;        /* the PDF/A-3b requirements on what circgen writes */
    gboolean parallel;    /* (cli) two sources to one parallel edition */
    int pages;            /* out: pages of the PDF */
} cg_render_options;

/* Read and validate a source. NULL with diagnostics when unreadable or invalid;
 * *status is set to the exit status (1 invalid, 2 I/O). Free with cg_xml_free(). */
xmlDocPtr cg_source_load(const char *file, int *status, cg_diags *d);

/* Write the HTML page / the PDF of a loaded, valid source to out. Return 0, or an exit
 * status (1 the templates rejected the document, 2 cannot write). */
int cg_render_html(xmlDocPtr doc, const char *out, cg_diags *d);
int cg_render_pdf(xmlDocPtr doc, const char *out, cg_render_options *opts, cg_diags *d);

/* The parallel edition: the PDFs of two language versions of one document side by side
 * (parallel.c), one table row per unit aligned by id. */
int cg_render_parallel_pdf(xmlDocPtr a, xmlDocPtr b, const char *out, cg_render_options *opts, cg_diags *d);

/* The same for HTML: one page, a table of two columns (each td with its lang). */
int cg_render_parallel_html(xmlDocPtr a, xmlDocPtr b, const char *out, cg_diags *d);

/* The HTML page of a source as a document (the type's html.xsl), or NULL with errors. */
xmlDocPtr cg_render_html_doc(xmlDocPtr doc, cg_diags *d);

/* The XSL-FO of a source (the type's fo.xsl); *typedir: the type's folder (kept by the
 * type registry). NULL with errors. */
xmlDocPtr cg_render_fo_doc(xmlDocPtr doc, cg_render_options *opts, const char **typedir, cg_diags *d);

/* The XSL-FO of a source as a string (for `circgen pdf --fo`). */
int cg_render_fo_text(xmlDocPtr doc, const char *out, cg_render_options *opts, cg_diags *d);

#endif
