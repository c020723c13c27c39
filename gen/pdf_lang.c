/* pdf_lang.c — see pdf_lang.h. Reads the classic cross-reference table that Cairo
 * writes; a PDF it does not understand is left alone with an error. */
#include "pdf_lang.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *rfind(const char *buf, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (!memcmp(buf + i, needle, n))
            return buf + i;
    return NULL;
}

/* The integer after key in the dictionary text [s, end), or -1. */
static long dict_int(const char *s, const char *end, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = s; p + n < end; p++)
        if (!memcmp(p, key, n) && (p[n] == ' ' || p[n] == '\n' || p[n] == '\r'))
            return strtol(p + n, NULL, 10);
    return -1;
}

/* A PDF string literal for an ASCII language tag. */
static gboolean tag_ok(const char *lang)
{
    if (!lang || !*lang || strlen(lang) > 35)
        return FALSE;
    for (const char *p = lang; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-')
            return FALSE;
    return TRUE;
}

int cg_pdf_set_lang(int fd, const char *lang, const char *name, cg_diags *d)
{
    if (!tag_ok(lang))
        return 0;   /* no language, or not a tag: nothing to say */
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < 64)
        goto bad;
    size_t len = (size_t)st.st_size;
    char *buf = g_malloc(len + 1);
    if (pread(fd, buf, len, 0) != (ssize_t)len) {
        g_free(buf);
        goto bad;
    }
    buf[len] = 0;
    const char *sx = rfind(buf, len, "startxref");
    const char *tr = rfind(buf, len, "trailer");
    if (!sx || !tr || tr > sx) {
        g_free(buf);
        goto bad;
    }
    long xref = strtol(sx + 9, NULL, 10);
    long size = dict_int(tr, sx, "/Size");
    long root = dict_int(tr, sx, "/Root");
    long info = dict_int(tr, sx, "/Info");
    if (xref <= 0 || (size_t)xref >= len || size <= 0 || root <= 0 || root >= size) {
        g_free(buf);
        goto bad;
    }
    /* The catalog's offset from the xref table: "xref\n0 SIZE\n" then 20-byte entries. */
    const char *x = buf + xref;
    if (strncmp(x, "xref", 4) != 0) {
        g_free(buf);
        goto bad;
    }
    const char *line = strchr(x, '\n');
    long first = -1, count = -1;
    if (!line || sscanf(line + 1, "%ld %ld", &first, &count) != 2 || first != 0 || count < size) {
        g_free(buf);
        goto bad;
    }
    const char *entries = strchr(line + 1, '\n');
    if (!entries || (size_t)(entries + 1 - buf) + 20 * (size_t)(root + 1) > len) {
        g_free(buf);
        goto bad;
    }
    long off = strtol(entries + 1 + 20 * root, NULL, 10);
    char head[32];
    g_snprintf(head, sizeof head, "%ld 0 obj", root);
    if (off <= 0 || (size_t)off >= len || strncmp(buf + off, head, strlen(head)) != 0) {
        g_free(buf);
        goto bad;
    }
    const char *open = strstr(buf + off, "<<");
    const char *endobj = strstr(buf + off, "endobj");
    if (!open || !endobj || open > endobj) {
        g_free(buf);
        goto bad;
    }
    /* Already has a language: done. */
    if (g_strstr_len(open, endobj - open, "/Lang")) {
        g_free(buf);
        return 0;
    }
    GString *u = g_string_new(NULL);
    long newoff = (long)len + 1;
    g_string_append_printf(u, "\n%ld 0 obj\n<< /Lang (%s) ", root, lang);
    g_string_append_len(u, open + 2, endobj - (open + 2));
    g_string_append(u, "endobj\n");
    long newxref = (long)len + (long)u->len;
    g_string_append_printf(u, "xref\n0 1\n0000000000 65535 f \n%ld 1\n%010ld 00000 n \n", root, newoff);
    g_string_append_printf(u, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", size, root);
    if (info > 0)
        g_string_append_printf(u, "   /Info %ld 0 R\n", info);
    g_string_append_printf(u, "   /Prev %ld\n>>\nstartxref\n%ld\n%%%%EOF\n", xref, newxref);
    g_free(buf);
    ssize_t w = pwrite(fd, u->str, u->len, (off_t)len);
    gboolean ok = w == (ssize_t)u->len;
    g_string_free(u, TRUE);
    if (!ok) {
        cg_diag_add(d, CG_ERROR, name, 0, 0, "cannot write the PDF: %s", g_strerror(errno));
        return -1;
    }
    return 0;
bad:
    cg_diag_add(d, CG_ERROR, name, 0, 0, "cannot add the document language: unexpected PDF structure");
    return -1;
}
