/* pdf_update.c — see pdf_update.h. Reads the one classic cross-reference table
 * that Cairo writes; a PDF it does not understand is left alone with an error. */
#include "pdf_update.h"

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

/* Does the text [s, end) hold key followed by a delimiter? */
static gboolean has_name(const char *s, const char *end, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = s; p + n < end; p++)
        if (!memcmp(p, key, n) && strchr(" \t\r\n/>", p[n]))
            return TRUE;
    return FALSE;
}

/* An ASCII language tag fit for a PDF string literal. */
static gboolean tag_ok(const char *lang)
{
    if (!lang || !*lang || strlen(lang) > 35)
        return FALSE;
    for (const char *p = lang; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-')
            return FALSE;
    return TRUE;
}

typedef struct {
    const char *buf;
    size_t len;
    const char *entries;        /* the first xref entry (object 0) */
    long size;
} xref;

/* The dictionary of object num: [*open, *endobj) from "<<" to "endobj". */
static gboolean object_dict(const xref *x, long num, const char **open, const char **endobj)
{
    if (num <= 0 || num >= x->size)
        return FALSE;
    const char *e = x->entries + 20 * num;
    if (e[17] != 'n')
        return FALSE;
    long off = strtol(e, NULL, 10);
    char head[32];
    g_snprintf(head, sizeof head, "%ld 0 obj", num);
    if (off <= 0 || (size_t)off >= x->len || strncmp(x->buf + off, head, strlen(head)) != 0)
        return FALSE;
    const char *o = x->buf + off + strlen(head);
    while (*o == ' ' || *o == '\r' || *o == '\n')
        o++;
    const char *end = strstr(o, "endobj");
    if (strncmp(o, "<<", 2) != 0 || !end)
        return FALSE;
    *open = o;
    *endobj = end;
    return TRUE;
}

/* s as a PDF text string: UTF-16BE with a byte order mark, in hex. */
static void append_text_string(GString *u, const char *s)
{
    glong n = 0;
    gunichar2 *w = g_utf8_to_utf16(s, -1, NULL, &n, NULL);
    g_string_append(u, "<FEFF");
    for (glong i = 0; w && i < n; i++)
        g_string_append_printf(u, "%04X", w[i]);
    g_string_append_c(u, '>');
    g_free(w);
}

typedef struct {
    long num, off;
} entry;

static int entry_cmp(const void *a, const void *b)
{
    long x = ((const entry *)a)->num, y = ((const entry *)b)->num;
    return x < y ? -1 : x > y;
}

/* A new version of object num: "<< " + prefix + the old dictionary's rest. */
static void rewrite(GString *u, GArray *ents, size_t base, long num, const char *prefix_fmt,
                    const char *open, const char *endobj, const char *text)
{
    entry e = { num, (long)(base + u->len + 1) };
    g_array_append_val(ents, e);
    g_string_append_printf(u, "\n%ld 0 obj\n<< ", num);
    g_string_append(u, prefix_fmt);
    if (text)
        append_text_string(u, text);
    g_string_append_c(u, ' ');
    g_string_append_len(u, open + 2, endobj - (open + 2));
    g_string_append(u, "endobj\n");
}

int cg_pdf_update(int fd, const char *lang, const GPtrArray *alts, const char *name, cg_diags *d)
{
    gboolean want_lang = tag_ok(lang);
    gboolean want_alts = FALSE;
    for (guint i = 0; alts && i < alts->len; i++)
        if (*(const char *)alts->pdata[i])
            want_alts = TRUE;
    if (!want_lang && !want_alts)
        return 0;   /* nothing to say */
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < 64)
        goto bad;
    size_t len = (size_t)st.st_size;
    char *buf = g_malloc(len + 1);
    if (pread(fd, buf, len, 0) != (ssize_t)len)
        goto bad_free;
    buf[len] = 0;
    const char *sx = rfind(buf, len, "startxref");
    const char *tr = rfind(buf, len, "trailer");
    if (!sx || !tr || tr > sx)
        goto bad_free;
    long xref_off = strtol(sx + 9, NULL, 10);
    long size = dict_int(tr, sx, "/Size");
    long root = dict_int(tr, sx, "/Root");
    long info = dict_int(tr, sx, "/Info");
    if (xref_off <= 0 || (size_t)xref_off >= len || size <= 0 || root <= 0 || root >= size)
        goto bad_free;
    /* "xref\n0 SIZE\n" then 20-byte entries. */
    const char *x = buf + xref_off;
    if (strncmp(x, "xref", 4) != 0)
        goto bad_free;
    const char *line = strchr(x, '\n');
    long first = -1, count = -1;
    if (!line || sscanf(line + 1, "%ld %ld", &first, &count) != 2 || first != 0 || count < size)
        goto bad_free;
    const char *entries = strchr(line + 1, '\n');
    if (!entries || (size_t)(entries + 1 - buf) + 20 * (size_t)size > len)
        goto bad_free;
    xref X = { buf, len, entries + 1, size };

    GString *u = g_string_new(NULL);
    GArray *ents = g_array_new(FALSE, FALSE, sizeof(entry));
    const char *open, *endobj;
    if (want_lang) {
        if (!object_dict(&X, root, &open, &endobj)) {
            g_string_free(u, TRUE);
            g_array_free(ents, TRUE);
            goto bad_free;
        }
        if (!g_strstr_len(open, endobj - open, "/Lang")) {
            char *pre = g_strdup_printf("/Lang (%s)", lang);
            rewrite(u, ents, len, root, pre, open, endobj, NULL);
            g_free(pre);
        }
    }
    if (want_alts) {
        /* Cairo numbers structure elements as they are begun: the Figures in
         * object order are the Figures in the order of alts. */
        GArray *figs = g_array_new(FALSE, FALSE, sizeof(long));
        for (long n = 1; n < size; n++)
            if (object_dict(&X, n, &open, &endobj) && has_name(open, endobj, "/StructElem") &&
                has_name(open, endobj, "/S /Figure"))
                g_array_append_val(figs, n);
        if (figs->len != alts->len)
            cg_diag_add(d, CG_WARNING, name, 0, 0, "the alternate texts of the images are left out "
                        "(%u figures in the PDF's structure, %u images drawn)", figs->len, alts->len);
        else
            for (guint i = 0; i < figs->len; i++) {
                const char *alt = alts->pdata[i];
                long n = g_array_index(figs, long, i);
                if (*alt && object_dict(&X, n, &open, &endobj) && !g_strstr_len(open, endobj - open, "/Alt"))
                    rewrite(u, ents, len, n, "/Alt ", open, endobj, alt);
            }
        g_array_free(figs, TRUE);
    }
    g_free(buf);
    if (!ents->len) {
        g_string_free(u, TRUE);
        g_array_free(ents, TRUE);
        return 0;
    }
    g_array_sort(ents, entry_cmp);
    long newxref = (long)len + (long)u->len;
    g_string_append(u, "xref\n0 1\n0000000000 65535 f \n");
    for (guint i = 0; i < ents->len; i++) {
        const entry *e = &g_array_index(ents, entry, i);
        g_string_append_printf(u, "%ld 1\n%010ld 00000 n \n", e->num, e->off);
    }
    g_array_free(ents, TRUE);
    g_string_append_printf(u, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", size, root);
    if (info > 0)
        g_string_append_printf(u, "   /Info %ld 0 R\n", info);
    g_string_append_printf(u, "   /Prev %ld\n>>\nstartxref\n%ld\n%%%%EOF\n", xref_off, newxref);
    ssize_t w = pwrite(fd, u->str, u->len, (off_t)len);
    gboolean ok = w == (ssize_t)u->len;
    g_string_free(u, TRUE);
    if (!ok) {
        cg_diag_add(d, CG_ERROR, name, 0, 0, "cannot write the PDF: %s", g_strerror(errno));
        return -1;
    }
    return 0;
bad_free:
    g_free(buf);
bad:
    cg_diag_add(d, CG_ERROR, name, 0, 0, "cannot add the document language and alternate texts: "
                "unexpected PDF structure");
    return -1;
}
