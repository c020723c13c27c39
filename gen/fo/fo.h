/* fo.h — circgen's XSL-FO engine: an FO document in, a PDF and/or an area dump out.
 *
 * The public header of gen/fo/: the layers above (doc, cli) include this file
 * only; fo uses nothing of circgen but the base (base/base.h). Stages, one file
 * each: fo_tree.c and fo_props.c (objects and properties), fo_env.c (the layout
 * environment and its caches), fo_text.c with fo_breaks.c, fo_cjk.c,
 * fo_hyph.c and fo_linebreak.c (paragraphs into lines), fo_layout.c (blocks,
 * lists, tables), fo_image.c (graphics), fo_area.c (the vertical lists they
 * make), fo_page.c (page masters and pagination), fo_draw.c and fo_embed.c
 * (Cairo drawing, font subsets), pdf_update.c (what Cairo cannot write),
 * fo_dump.c (the area dump), fonts.c (the pinned fonts).
 */
#ifndef CG_FO_H
#define CG_FO_H

#include <stdio.h>
#include <libxml/tree.h>
#include "base/base.h"

typedef struct {
    const char *output;        /* PDF path; NULL: no PDF (dump or check only) */
    /* Instead of a file (output NULL): the PDF bytes go to write(closure, data, len),
     * which returns 0 on success (fuzzing, tests, rendering to memory). A call with
     * data NULL and len 0 means: discard what was written, the PDF starts again. */
    int (*write)(void *closure, const unsigned char *data, unsigned int len);
    void *write_closure;
    FILE *dump;                /* area dump stream, or NULL */
    const char *base_dir;      /* for relative image URIs; NULL: the FO document's folder */
    /* Folders (with their subfolders) images may be read from, NULL-terminated;
     * NULL: base_dir only. Network URIs are always refused. */
    const char *const *read_dirs;
    /* Document information; NULL: from fo:declarations (x:xmpmeta), else none. */
    const char *title, *author, *subject, *keywords, *creator;
    const char *date;          /* creation date, ISO 8601 (YYYY-MM-DD[Thh:mm:ss[Z]]); NULL:
                                  $SOURCE_DATE_EPOCH, else 1970-01-01T00:00:00Z (never the clock) */
    int page_count;            /* out: pages rendered */
} cg_fo_options;

/* Render fo. Warnings and errors go to d (file:line:col where known).
 * Returns 0 on success; 1 when an error was found (no usable fo:root, a pinned
 * font is missing); 2 when the PDF cannot be written (I/O). The PDF is written to a
 * temporary file beside opts->output and renamed into place only when complete:
 * on failure any earlier file at opts->output is left untouched. */
int cg_fo_render(xmlDocPtr fo, cg_fo_options *opts, cg_diags *d);

/* The font configuration file circgen loads instead of the host's (for
 * build's content hashes). Owned by circgen. */
const char *cg_fo_fonts_conf_path(void);

/* Release the engine's process-wide caches (fonts, hyphenation patterns): at
 * exit, for leak checkers. */
void cg_fo_cleanup(void);

#endif
