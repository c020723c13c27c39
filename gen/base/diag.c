/* diag.c — see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

static void diag_free(gpointer p)
{
    cg_diag *d = p;
    g_free(d->file);
    g_free(d->message);
    g_free(d);
}

cg_diags *cg_diags_new(void)
{
    cg_diags *d = g_new0(cg_diags, 1);
    d->items = g_ptr_array_new_with_free_func(diag_free);
    return d;
}

void cg_diags_free(cg_diags *d)
{
    if (!d)
        return;
    g_ptr_array_free(d->items, TRUE);
    g_free(d);
}

static const char *sev_name(cg_severity s)
{
    switch (s) {
    case CG_NOTE: return "note";
    case CG_WARNING: return "warning";
    default: return "error";
    }
}

char *cg_diag_format(const cg_diag *diag)
{
    GString *s = g_string_new(NULL);
    if (diag->file) {
        g_string_append(s, diag->file);
        if (diag->line > 0) {
            g_string_append_printf(s, ":%d", diag->line);
            if (diag->col > 0)
                g_string_append_printf(s, ":%d", diag->col);
        }
        g_string_append(s, ": ");
    } else {
        g_string_append(s, "circgen: ");
    }
    g_string_append_printf(s, "%s: %s", sev_name(diag->severity), diag->message);
    return g_string_free(s, FALSE);
}

void cg_diag_addv(cg_diags *d, cg_severity sev, const char *file, int line, int col,
                  const char *fmt, va_list ap)
{
    cg_diag *diag = g_new0(cg_diag, 1);
    diag->file = g_strdup(file);
    diag->line = line > 0 ? line : 0;
    diag->col = col > 0 ? col : 0;
    diag->severity = sev;
    diag->message = g_strdup_vprintf(fmt, ap);
    /* Messages are one line: libxml2 ends its own with a newline. */
    g_strchomp(diag->message);
    for (char *p = diag->message; *p; p++)
        if (*p == '\n')
            *p = ' ';
    if (sev == CG_ERROR)
        d->errors++;
    else if (sev == CG_WARNING)
        d->warnings++;
    g_ptr_array_add(d->items, diag);
}

void cg_diag_add(cg_diags *d, cg_severity sev, const char *file, int line, int col,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cg_diag_addv(d, sev, file, line, col, fmt, ap);
    va_end(ap);
}

void cg_diags_print(cg_diags *d, FILE *out)
{
    for (guint i = d->printed; i < d->items->len; i++) {
        char *s = cg_diag_format(g_ptr_array_index(d->items, i));
        fprintf(out, "%s\n", s);
        g_free(s);
    }
    d->printed = d->items->len;
}

gboolean cg_diags_contain(const cg_diags *d, const char *needle)
{
    for (guint i = 0; i < d->items->len; i++) {
        char *s = cg_diag_format(g_ptr_array_index(d->items, i));
        gboolean hit = strstr(s, needle) != NULL;
        g_free(s);
        if (hit)
            return TRUE;
    }
    return FALSE;
}
