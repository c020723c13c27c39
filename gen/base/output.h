/* output.h — atomic output files.
 *
 * Every file circgen writes goes through here: the data is written to a temporary
 * file in the target's folder and renamed over the target only when complete, so a
 * failed run leaves no partial file and never damages an earlier good output.
 */
#ifndef CG_OUTPUT_H
#define CG_OUTPUT_H

#include <stdio.h>
#include "diag.h"

typedef struct cg_output cg_output;

/* May path be written (it does not exist, or is a regular file)? An error in d
 * when it is a directory, a device, a pipe or a socket, which an output renamed
 * into place would replace. */
gboolean cg_output_path_ok(const char *path, cg_diags *d);

/* Open a temporary file beside path. NULL, with an error in d, when the folder is not
 * writable. Write to cg_output_file(); finish with cg_output_commit() or
 * cg_output_abort(), which both release the handle. */
cg_output *cg_output_open(const char *path, cg_diags *d);
FILE *cg_output_file(cg_output *o);
/* Flush, sync and rename into place. Returns 0, or -1 with an error (temp removed). */
int cg_output_commit(cg_output *o, cg_diags *d);
void cg_output_abort(cg_output *o);

/* Write a whole buffer atomically to path ("-" writes to stdout). 0 or -1. */
int cg_write_file(const char *path, const void *data, size_t len, cg_diags *d);

#endif
