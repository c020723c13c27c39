/* fonts.h — circgen's pinned fonts: one fontconfig configuration, one font map.
 *
 * circgen never uses the host's fontconfig setup. fonts/fonts.conf (beside the
 * templates folder, see fonts_conf_path()) lists the Debian font folders and the
 * aliases of the generic families; it is loaded once per process.
 * Families are checked by name: a pinned family whose package is missing is an
 * error naming the Debian package; an unknown family is a warning, never a
 * silent fallback.
 */
#ifndef CG_FONTS_H
#define CG_FONTS_H

#include <pango/pangocairo.h>
#include "base/base.h"

/* The process-wide font map (lookup: do not unref), loading fonts.conf on the
 * first call. NULL, with an error in d, when the configuration cannot be loaded. */
PangoFontMap *cg_fonts_map(cg_diags *d);

/* Path of the fonts.conf in use (owned by circgen): $CIRCGEN_FONTS_CONF, else
 * fonts/fonts.conf beside the templates folder, beside the executable, or in
 * the installed data folder. */
const char *cg_fonts_conf_path(void);

/* A new PangoContext on the pinned font map for PDF output: resolution 72 (one
 * Pango unit = 1/1024 pt), unrounded glyph positions, language lang (a BCP 47
 * tag such as "en" or "zh-CN"; NULL for none). Caller unrefs. NULL if the map
 * cannot be loaded (error in d). */
PangoContext *cg_fonts_context(const char *lang, cg_diags *d);

typedef enum {
    CG_FAMILY_OK,        /* installed under that exact name, or a generic family */
    CG_FAMILY_ALIAS,     /* a base-14 name mapped to a metric-compatible face */
    CG_FAMILY_MISSING,   /* a pinned family whose Debian package is not installed */
    CG_FAMILY_UNKNOWN    /* not a family circgen knows */
} cg_family_status;

/* Check one family name. For CG_FAMILY_MISSING, *package (if not NULL) is set
 * to the Debian package that provides it (static string). */
cg_family_status cg_fonts_family_status(const char *family, const char **package);

/* Turn an XSL font-family value ("'Liberation Serif', serif") into a Pango
 * family list ("Liberation Serif,serif"), dropping unknown names. Problems are
 * reported through report(ctx, severity, message) (message is temporary).
 * Returns a new string (caller frees); never empty: "serif" if nothing is left. */
char *cg_fonts_family_list(const char *fo_value,
                           void (*report)(void *ctx, cg_severity sev, const char *msg),
                           void *ctx);

/* The pinned face that sets script (Arabic: Amiri; Han: Noto Serif CJK SC)
 * when it is missing: TRUE with its family and Debian package (static
 * strings); FALSE when it is installed or the script has no face of its own. */
gboolean cg_fonts_script_face_missing(PangoScript script, const char **family, const char **package);

/* Release the font map and configuration (for leak checkers, at exit). */
void cg_fonts_cleanup(void);

#endif
