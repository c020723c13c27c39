/* diag.h — diagnostics collected per run and printed in GNU style.
 *
 * Every message has a file and, where one is known, a line and a column:
 *     file:line:col: error: message
 * Stages add diagnostics to a cg_diags list; the command prints them once.
 */
#ifndef CG_DIAG_H
#define CG_DIAG_H

#include <stdio.h>
#include <glib.h>

/* Exit statuses of every command: 0 success, 1 the input is invalid (for diff:
 * findings), 2 usage or I/O error. */
#define CG_EXIT_OK 0
#define CG_EXIT_INVALID 1
#define CG_EXIT_ERROR 2

typedef enum { CG_NOTE, CG_WARNING, CG_ERROR } cg_severity;

typedef struct {
    char *file;          /* may be NULL */
    int line, col;       /* 0 when unknown */
    cg_severity severity;
    char *message;
} cg_diag;

typedef struct {
    GPtrArray *items;    /* of cg_diag* */
    int errors, warnings;
    guint printed;       /* how many cg_diags_print() has already written */
} cg_diags;

/* Create an empty list. The caller owns it and releases it with cg_diags_free(). */
cg_diags *cg_diags_new(void);
void cg_diags_free(cg_diags *d);

void cg_diag_add(cg_diags *d, cg_severity sev, const char *file, int line, int col,
                 const char *fmt, ...) G_GNUC_PRINTF(6, 7);
void cg_diag_addv(cg_diags *d, cg_severity sev, const char *file, int line, int col,
                  const char *fmt, va_list ap);

/* Format one diagnostic as "file:line:col: error: message". Caller frees. */
char *cg_diag_format(const cg_diag *diag);

/* Print every diagnostic not yet printed, in the order added. */
void cg_diags_print(cg_diags *d, FILE *out);

/* Does any diagnostic's text contain needle? (used by tests) */
gboolean cg_diags_contain(const cg_diags *d, const char *needle);

#endif
