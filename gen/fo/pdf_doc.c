/* pdf_doc.c — see pdf_doc.h. */
#include "pdf_doc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    long num, off;
} wentry;

static gboolean is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

static gboolean is_delim(char c)
{
    return is_ws(c) || strchr("()<>[]{}/%", c) != NULL;
}

/* Past white space and comments. */
static const char *skip_ws(const char *s, const char *end)
{
    for (;;) {
        while (s < end && is_ws(*s))
            s++;
        if (s >= end || *s != '%')
            return s;
        while (s < end && *s != '\n' && *s != '\r')
            s++;
    }
}

static const char *skip_value(const char *s, const char *end);

/* A literal string "(...)" from its "(": past its ")". */
static const char *skip_literal(const char *s, const char *end)
{
    int depth = 0;
    for (; s < end; s++) {
        if (*s == '\\')
            s++;
        else if (*s == '(')
            depth++;
        else if (*s == ')' && --depth == 0)
            return s + 1;
    }
    return end;
}

/* The rest of a dictionary or array after its opening, up to its closing (close: '>' or ']'). */
static const char *skip_container(const char *s, const char *end, char close)
{
    for (;;) {
        s = skip_ws(s, end);
        if (s >= end)
            return end;
        if (close == '>' && s + 1 < end && s[0] == '>' && s[1] == '>')
            return s + 2;
        if (close == ']' && *s == ']')
            return s + 1;
        const char *n = skip_value(s, end);
        if (n <= s)
            n = s + 1;
        s = n;
    }
}

/* Past one value (a reference "1 0 R" counts as one). */
static const char *skip_value(const char *s, const char *end)
{
    s = skip_ws(s, end);
    if (s >= end)
        return end;
    if (s + 1 < end && s[0] == '<' && s[1] == '<')
        return skip_container(s + 2, end, '>');
    if (*s == '[')
        return skip_container(s + 1, end, ']');
    if (*s == '(')
        return skip_literal(s, end);
    if (*s == '<') {
        const char *e = memchr(s, '>', end - s);
        return e ? e + 1 : end;
    }
    if (*s == '/') {
        s++;
        while (s < end && !is_delim(*s))
            s++;
        return s;
    }
    const char *t = s;
    while (t < end && !is_delim(*t))
        t++;
    /* "N G R" */
    if (t > s && g_ascii_isdigit(*s)) {
        const char *u = skip_ws(t, end), *v = u;
        while (v < end && g_ascii_isdigit(*v))
            v++;
        if (v > u) {
            const char *w = skip_ws(v, end);
            if (w < end && *w == 'R' && (w + 1 >= end || is_delim(w[1])))
                return w + 1;
        }
    }
    return t > s ? t : s + 1;
}

/* Finds key at the top level of dict: [*k, *v) the key, [*v, *ve) its value. */
static gboolean find_key(const char *dict, const char *key, const char **k, const char **v, const char **ve)
{
    const char *end = dict + strlen(dict), *s = dict;
    size_t kl = strlen(key);
    for (;;) {
        s = skip_ws(s, end);
        if (s >= end || *s != '/')
            return FALSE;
        const char *ks = s;
        const char *kend = skip_value(s, end);
        const char *vs = skip_ws(kend, end);
        const char *vend = skip_value(vs, end);
        if ((size_t)(kend - ks) == kl && !memcmp(ks, key, kl)) {
            *k = ks;
            *v = vs;
            *ve = vend;
            return TRUE;
        }
        if (vend <= s)
            return FALSE;
        s = vend;
    }
}

char *cg_pdf_dict_get(const char *dict, const char *key)
{
    const char *k, *v, *ve;
    if (!dict || !find_key(dict, key, &k, &v, &ve))
        return NULL;
    return g_strndup(v, ve - v);
}

char *cg_pdf_dict_remove(const char *dict, const char *key)
{
    const char *k, *v, *ve;
    if (!find_key(dict, key, &k, &v, &ve))
        return g_strdup(dict);
    return g_strdup_printf("%.*s%s", (int)(k - dict), dict, ve);
}

long cg_pdf_ref(const char *value)
{
    if (!value)
        return 0;
    char *e;
    long n = strtol(value, &e, 10);
    long g = strtol(e, &e, 10);
    while (is_ws(*e) && *e)
        e++;
    return n > 0 && g == 0 && *e == 'R' ? n : 0;
}

GArray *cg_pdf_refs(const char *array)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(long));
    if (!array)
        return a;
    const char *end = array + strlen(array), *s = skip_ws(array, end);
    if (s < end && *s == '[')
        s++;
    for (;;) {
        s = skip_ws(s, end);
        if (s >= end || *s == ']')
            break;
        const char *n = skip_value(s, end);
        char *tok = g_strndup(s, n - s);
        long r = cg_pdf_ref(tok);
        g_free(tok);
        if (r)
            g_array_append_val(a, r);
        if (n <= s)
            break;
        s = n;
    }
    return a;
}

/* ---- strings --------------------------------------------------------------- */

static GByteArray *literal_bytes(const char *s, const char *end)
{
    GByteArray *b = g_byte_array_new();
    int depth = 0;
    for (s++; s < end; s++) {
        guint8 c = (guint8)*s;
        if (c == '\\' && s + 1 < end) {
            char e = *++s;
            const char *map = "n\nr\rt\tb\bf\f(())\\\\";
            const char *m = strchr(map, e);
            if (e >= '0' && e <= '7') {
                int v = 0, n = 0;
                while (n < 3 && s < end && *s >= '0' && *s <= '7')
                    v = v * 8 + (*s++ - '0'), n++;
                s--;
                c = (guint8)v;
            } else if (e == '\r' || e == '\n') {
                if (e == '\r' && s + 1 < end && s[1] == '\n')
                    s++;
                continue;
            } else if (m && ((m - map) % 2) == 0)
                c = (guint8)m[1];
            else
                c = (guint8)e;
        } else if (c == '(')
            depth++;
        else if (c == ')' && depth-- == 0)
            break;
        g_byte_array_append(b, &c, 1);
    }
    return b;
}

static GByteArray *hex_bytes(const char *s, const char *end)
{
    GByteArray *b = g_byte_array_new();
    int hi = -1;
    for (s++; s < end && *s != '>'; s++) {
        if (!g_ascii_isxdigit(*s))
            continue;
        int v = g_ascii_xdigit_value(*s);
        if (hi < 0)
            hi = v;
        else {
            guint8 c = (guint8)(hi * 16 + v);
            g_byte_array_append(b, &c, 1);
            hi = -1;
        }
    }
    if (hi >= 0) {
        guint8 c = (guint8)(hi * 16);
        g_byte_array_append(b, &c, 1);
    }
    return b;
}

char *cg_pdf_string_utf8(const char *value)
{
    if (!value)
        return NULL;
    const char *end = value + strlen(value), *s = skip_ws(value, end);
    GByteArray *b;
    if (*s == '(')
        b = literal_bytes(s, end);
    else if (*s == '<')
        b = hex_bytes(s, end);
    else
        return NULL;
    char *r;
    if (b->len >= 2 && b->data[0] == 0xFE && b->data[1] == 0xFF)
        r = g_convert((const char *)b->data + 2, b->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
    else   /* PDFDocEncoding: Latin-1 for what circgen's sources put here */
        r = g_convert((const char *)b->data, b->len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
    g_byte_array_free(b, TRUE);
    return r ? r : g_strdup("");
}

void cg_pdf_text_string(GString *out, const char *s)
{
    glong n = 0;
    gunichar2 *w = g_utf8_to_utf16(s ? s : "", -1, NULL, &n, NULL);
    g_string_append(out, "<FEFF");
    for (glong i = 0; w && i < n; i++)
        g_string_append_printf(out, "%04X", w[i]);
    g_string_append_c(out, '>');
    g_free(w);
}

void cg_pdf_literal(GString *out, const char *s, size_t len)
{
    g_string_append_c(out, '(');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '(' || c == ')' || c == '\\')
            g_string_append_printf(out, "\\%c", c);
        else if (c < 32 || c > 126)
            g_string_append_printf(out, "\\%03o", c);
        else
            g_string_append_c(out, (char)c);
    }
    g_string_append_c(out, ')');
}

/* ---- reading ----------------------------------------------------------------- */

static const char *rfind(const char *buf, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (!memcmp(buf + i, needle, n))
            return buf + i;
    return NULL;
}

/* One cross-reference section at off (into p->offsets, older entries not replacing
 * newer ones); the offset of the previous section, 0 if none, -1 on error. */
static long read_section(cg_pdfdoc *p, long off, gboolean newest)
{
    if (off <= 0 || (size_t)off >= p->len || strncmp(p->buf + off, "xref", 4))
        return -1;
    const char *s = p->buf + off + 4, *end = p->buf + p->len;
    for (;;) {
        s = skip_ws(s, end);
        if (s + 7 <= end && !strncmp(s, "trailer", 7))
            break;
        char *e;
        long first = strtol(s, &e, 10), count = strtol(e, &e, 10);
        if (e == s || first < 0 || count < 0 || count > 10000000)
            return -1;
        s = skip_ws(e, end);
        if (s + 20 * count > end)
            return -1;
        for (long i = 0; i < count; i++, s += 20) {
            long num = first + i;
            if (s[17] == 'n' && !g_hash_table_contains(p->offsets, GINT_TO_POINTER(num)))
                g_hash_table_insert(p->offsets, GINT_TO_POINTER(num),
                                    GINT_TO_POINTER(strtol(s, NULL, 10) + 1));
        }
    }
    const char *d = strstr(s, "<<");
    if (!d)
        return -1;
    const char *de = skip_value(d, end);
    char *trailer = g_strndup(d + 2, de - d - 4 > 0 ? de - d - 4 : 0);
    if (newest) {
        char *v = cg_pdf_dict_get(trailer, "/Size");
        p->size = v ? strtol(v, NULL, 10) : 0;
        g_free(v);
        v = cg_pdf_dict_get(trailer, "/Root");
        p->root = cg_pdf_ref(v);
        g_free(v);
        v = cg_pdf_dict_get(trailer, "/Info");
        p->info = cg_pdf_ref(v);
        g_free(v);
        p->id = cg_pdf_dict_get(trailer, "/ID");
    }
    char *prev = cg_pdf_dict_get(trailer, "/Prev");
    long r = prev ? strtol(prev, NULL, 10) : 0;
    g_free(prev);
    g_free(trailer);
    return r;
}

cg_pdfdoc *cg_pdfdoc_read(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < 64 || st.st_size > (off_t)G_MAXINT32)
        return NULL;
    cg_pdfdoc *p = g_new0(cg_pdfdoc, 1);
    p->len = (size_t)st.st_size;
    p->buf = g_malloc(p->len + 1);
    p->offsets = g_hash_table_new(NULL, NULL);
    if (pread(fd, p->buf, p->len, 0) != (ssize_t)p->len)
        goto bad;
    p->buf[p->len] = 0;
    const char *sx = rfind(p->buf, p->len, "startxref");
    if (!sx)
        goto bad;
    p->last_xref = strtol(sx + 9, NULL, 10);
    long off = p->last_xref;
    for (int n = 0; off > 0 && n < 100; n++)
        off = read_section(p, off, n == 0);
    if (off < 0 || p->size <= 0 || p->root <= 0)
        goto bad;
    p->out = g_string_new(NULL);
    p->written = g_array_new(FALSE, FALSE, sizeof(wentry));
    return p;
bad:
    cg_pdfdoc_free(p);
    return NULL;
}

void cg_pdfdoc_free(cg_pdfdoc *p)
{
    if (!p)
        return;
    g_free(p->buf);
    g_hash_table_destroy(p->offsets);
    g_free(p->id);
    if (p->out)
        g_string_free(p->out, TRUE);
    if (p->written)
        g_array_free(p->written, TRUE);
    g_free(p);
}

char *cg_pdfdoc_dict(const cg_pdfdoc *p, long num)
{
    long off = GPOINTER_TO_INT(g_hash_table_lookup(p->offsets, GINT_TO_POINTER(num))) - 1;
    if (off < 0 || (size_t)off >= p->len)
        return NULL;
    char head[32];
    g_snprintf(head, sizeof head, "%ld 0 obj", num);
    if (strncmp(p->buf + off, head, strlen(head)))
        return NULL;
    const char *end = p->buf + p->len;
    const char *s = skip_ws(p->buf + off + strlen(head), end);
    if (s + 2 > end || s[0] != '<' || s[1] != '<')
        return NULL;
    const char *e = skip_value(s, end);
    if (e - s < 4)
        return NULL;
    return g_strndup(s + 2, e - s - 4);
}

/* ---- writing ----------------------------------------------------------------- */

long cg_pdfdoc_new_obj(cg_pdfdoc *p)
{
    return p->size++;
}

static void begin_obj(cg_pdfdoc *p, long num)
{
    wentry e = { num, (long)(p->len + p->out->len + 1) };
    g_array_append_val(p->written, e);
    g_string_append_printf(p->out, "\n%ld 0 obj\n", num);
}

void cg_pdfdoc_put(cg_pdfdoc *p, long num, const char *body)
{
    begin_obj(p, num);
    g_string_append(p->out, body);
    g_string_append(p->out, "\nendobj\n");
}

void cg_pdfdoc_put_stream(cg_pdfdoc *p, long num, const char *dict, const void *data, size_t len)
{
    begin_obj(p, num);
    g_string_append_printf(p->out, "<< %s /Length %zu >>\nstream\n", dict, len);
    g_string_append_len(p->out, data, (gssize)len);
    g_string_append(p->out, "\nendstream\nendobj\n");
}

static int cmp_entry(const void *a, const void *b)
{
    long x = ((const wentry *)a)->num, y = ((const wentry *)b)->num;
    return x < y ? -1 : x > y;
}

int cg_pdfdoc_commit(cg_pdfdoc *p, int fd, const char *extra_trailer)
{
    if (!p->written->len)
        return 0;
    g_array_sort(p->written, cmp_entry);
    long xref = (long)(p->len + p->out->len);
    g_string_append(p->out, "xref\n0 1\n0000000000 65535 f \n");
    for (guint i = 0; i < p->written->len;) {
        /* consecutive numbers in one subsection; a number written twice: the last one */
        guint j = i;
        while (j + 1 < p->written->len && g_array_index(p->written, wentry, j + 1).num <=
                                              g_array_index(p->written, wentry, j).num + 1)
            j++;
        long first = g_array_index(p->written, wentry, i).num;
        long last = g_array_index(p->written, wentry, j).num;
        g_string_append_printf(p->out, "%ld %ld\n", first, last - first + 1);
        for (long n = first; n <= last; n++) {
            long off = 0;
            for (guint k = i; k <= j; k++)
                if (g_array_index(p->written, wentry, k).num == n)
                    off = g_array_index(p->written, wentry, k).off;
            g_string_append_printf(p->out, "%010ld 00000 n \n", off);
        }
        i = j + 1;
    }
    g_string_append_printf(p->out, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", p->size, p->root);
    if (p->info > 0)
        g_string_append_printf(p->out, "   /Info %ld 0 R\n", p->info);
    if (extra_trailer)
        g_string_append_printf(p->out, "   %s\n", extra_trailer);
    else if (p->id)
        g_string_append_printf(p->out, "   /ID %s\n", p->id);
    g_string_append_printf(p->out, "   /Prev %ld\n>>\nstartxref\n%ld\n%%%%EOF\n", p->last_xref, xref);
    ssize_t w = pwrite(fd, p->out->str, p->out->len, (off_t)p->len);
    return w == (ssize_t)p->out->len ? 0 : -1;
}
