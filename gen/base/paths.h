/* paths.h — where circgen finds its data: the templates directory.
 *
 * $CIRCGEN_TEMPLATES, else templates/ beside the executable, else the installed
 * data directory (the Makefile's PREFIX, in build/config.h).
 */
#ifndef CG_PATHS_H
#define CG_PATHS_H

/* The templates directory. The string is owned by circgen. */
const char *cg_templates_dir(void);
/* Use dir from now on (a copy is kept). */
void cg_set_templates_dir(const char *dir);

#endif
