/* pdf_update.c — see pdf_update.h. Reads the one classic cross-reference table
 * that Cairo writes; a PDF it does not understand is left alone with an error. */
#include "pdf_update.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

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

/* ---- the objects of Cairo's file ------------------------------------------ */

/* One object: its text from "<<" (or whatever it starts with) to before "endobj",
 * white space trimmed; a new text when it is changed; stream objects are copied as
 * they are, the others go into object streams. */
typedef struct {
    const char *text;
    size_t len;
    gboolean in_use, stream;
    GString *repl;
} pobj;

typedef struct {
    long num, off;
} entry;

static int entry_off_cmp(const void *a, const void *b)
{
    long x = ((const entry *)a)->off, y = ((const entry *)b)->off;
    return x < y ? -1 : x > y;
}

/* PDF white space as Cairo writes it (not strchr, which also finds a NUL byte). */
static gboolean is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static gboolean ends_with(const char *s, size_t *len, const char *word)
{
    size_t n = strlen(word);
    while (*len && is_ws(s[*len - 1]))
        (*len)--;
    if (*len < n || memcmp(s + *len - n, word, n) != 0)
        return FALSE;
    *len -= n;
    return TRUE;
}

/* Every object in use, found from its xref entry to the next object in the file (Cairo
 * writes them one after the other, the xref table last); FALSE when an entry does not
 * point at its object. */
static gboolean index_objects(const xref *x, long xref_off, pobj *objs, long *first_off)
{
    GArray *ents = g_array_new(FALSE, FALSE, sizeof(entry));
    for (long n = 1; n < x->size; n++) {
        const char *e = x->entries + 20 * n;
        if (e[17] != 'n')
            continue;
        entry en = { n, strtol(e, NULL, 10) };
        g_array_append_val(ents, en);
    }
    g_array_sort(ents, entry_off_cmp);
    gboolean ok = ents->len > 0;
    *first_off = ok ? g_array_index(ents, entry, 0).off : 0;
    for (guint i = 0; ok && i < ents->len; i++) {
        const entry *en = &g_array_index(ents, entry, i);
        long end = i + 1 < ents->len ? g_array_index(ents, entry, i + 1).off : xref_off;
        char head[32];
        int hl = g_snprintf(head, sizeof head, "%ld 0 obj", en->num);
        if (en->off <= 0 || end > xref_off || end - en->off < hl + 6 ||
            strncmp(x->buf + en->off, head, (size_t)hl) != 0) {
            ok = FALSE;
            break;
        }
        pobj *o = &objs[en->num];
        o->text = x->buf + en->off + hl;
        while (o->text < x->buf + end && is_ws(*o->text))
            o->text++;
        o->len = (size_t)(x->buf + end - o->text);
        ok = ends_with(o->text, &o->len, "endobj");
        o->stream = ok && ends_with(o->text, &(size_t){ o->len }, "endstream");
        while (o->len && is_ws(o->text[o->len - 1]))
            o->len--;
        o->in_use = ok;
    }
    g_array_free(ents, TRUE);
    return ok;
}

/* A new version of object num: "<< " + prefix (+ text as a PDF string) + the old
 * dictionary's rest. */
static void rewrite(pobj *objs, long num, const char *prefix, const char *open, const char *endobj,
                    const char *text)
{
    GString *u = g_string_new("<< ");
    g_string_append(u, prefix);
    if (text)
        append_text_string(u, text);
    g_string_append_c(u, ' ');
    g_string_append_len(u, open + 2, endobj - (open + 2));
    while (u->len && is_ws(u->str[u->len - 1]))
        g_string_truncate(u, u->len - 1);
    if (objs[num].repl)
        g_string_free(objs[num].repl, TRUE);
    objs[num].repl = u;
}

/* The catalog's /Lang and the Figures' /Alt, as new versions of those objects. */
static void add_lang_alts(const xref *X, pobj *objs, long root, const char *lang, const GPtrArray *alts,
                          const char *name, cg_diags *d)
{
    const char *open, *endobj;
    if (tag_ok(lang) && object_dict(X, root, &open, &endobj) && !g_strstr_len(open, endobj - open, "/Lang")) {
        char *pre = g_strdup_printf("/Lang (%s)", lang);
        rewrite(objs, root, pre, open, endobj, NULL);
        g_free(pre);
    }
    gboolean want_alts = FALSE;
    for (guint i = 0; alts && i < alts->len; i++)
        if (*(const char *)alts->pdata[i])
            want_alts = TRUE;
    if (!want_alts)
        return;
    /* Cairo numbers structure elements as they are begun: the Figures in
     * object order are the Figures in the order of alts. */
    GArray *figs = g_array_new(FALSE, FALSE, sizeof(long));
    for (long n = 1; n < X->size; n++)
        if (!objs[n].stream && object_dict(X, n, &open, &endobj) && has_name(open, endobj, "/StructElem") &&
            has_name(open, endobj, "/S /Figure"))
            g_array_append_val(figs, n);
    if (figs->len != alts->len)
        cg_diag_add(d, CG_WARNING, name, 0, 0, "the alternate texts of the images are left out "
                    "(%u figures in the PDF's structure, %u images drawn)", figs->len, alts->len);
    else
        for (guint i = 0; i < figs->len; i++) {
            const char *alt = alts->pdata[i];
            long n = g_array_index(figs, long, i);
            if (*alt && object_dict(X, n, &open, &endobj) && !g_strstr_len(open, endobj - open, "/Alt"))
                rewrite(objs, n, "/Alt ", open, endobj, alt);
        }
    g_array_free(figs, TRUE);
}

/* ---- the packed file -------------------------------------------------------- */

/* Objects per object stream: enough for deflate to find the repetitions of the
 * structure elements, few enough that a reader decompresses little for one object. */
#define OBJSTM_MAX 200

/* deflated data as a stream object "num 0 obj << dict /Length N /Filter /FlateDecode >> stream". */
static gboolean put_stream(GString *out, long num, const char *dict, const guchar *data, size_t len)
{
    uLongf zl = compressBound(len);
    guchar *z = g_malloc(zl);
    /* zlib's default level: level 9 saved 0.3-0.7% of the file for 10% more time on a
     * mail merge of 100 letters. */
    gboolean ok = compress2(z, &zl, data, len, 6) == Z_OK;
    if (ok) {
        g_string_append_printf(out, "%ld 0 obj\n<< %s /Length %lu /Filter /FlateDecode >>\nstream\n", num, dict,
                               (unsigned long)zl);
        g_string_append_len(out, (const char *)z, (gssize)zl);
        g_string_append(out, "\nendstream\nendobj\n");
    }
    g_free(z);
    return ok;
}

typedef struct {
    guchar type;
    guint32 f2;
    guint16 f3;
} xentry;

/* The non-stream objects [from, to) of objs (at most OBJSTM_MAX) as object stream num. */
static gboolean put_objstm(GString *out, long num, const pobj *objs, const long *nums, guint from, guint to,
                           xentry *xe)
{
    GString *head = g_string_new(NULL), *body = g_string_new(NULL);
    for (guint i = from; i < to; i++) {
        const pobj *o = &objs[nums[i]];
        g_string_append_printf(head, "%ld %lu ", nums[i], (unsigned long)body->len);
        if (o->repl)
            g_string_append_len(body, o->repl->str, (gssize)o->repl->len);
        else
            g_string_append_len(body, o->text, (gssize)o->len);
        g_string_append_c(body, '\n');
        xe[nums[i]] = (xentry){ 2, (guint32)num, (guint16)(i - from) };
    }
    char *dict = g_strdup_printf("/Type /ObjStm /N %u /First %lu", to - from, (unsigned long)head->len);
    g_string_append_len(head, body->str, (gssize)body->len);
    gboolean ok = put_stream(out, num, dict, (const guchar *)head->str, head->len);
    g_free(dict);
    g_string_free(head, TRUE);
    g_string_free(body, TRUE);
    return ok;
}

/* The cross-reference stream (object num, at the end of out) with the trailer's keys. */
static gboolean put_xref_stream(GString *out, long num, xentry *xe, long root, long info, const char *id)
{
    xe[num] = (xentry){ 1, (guint32)out->len, 0 };
    GByteArray *t = g_byte_array_new();
    for (long n = 0; n <= num; n++) {
        guchar e[7] = { xe[n].type, (guchar)(xe[n].f2 >> 24), (guchar)(xe[n].f2 >> 16), (guchar)(xe[n].f2 >> 8),
                        (guchar)xe[n].f2, (guchar)(xe[n].f3 >> 8), (guchar)xe[n].f3 };
        g_byte_array_append(t, e, sizeof e);
    }
    GString *dict = g_string_new(NULL);
    g_string_append_printf(dict, "/Type /XRef /Size %ld /W [1 4 2] /Root %ld 0 R", num + 1, root);
    if (info > 0)
        g_string_append_printf(dict, " /Info %ld 0 R", info);
    if (id)
        g_string_append_printf(dict, " /ID %s", id);
    long at = (long)out->len;
    gboolean ok = put_stream(out, num, dict->str, t->data, t->len);
    g_string_append_printf(out, "startxref\n%ld\n%%%%EOF\n", at);
    g_string_free(dict, TRUE);
    g_byte_array_free(t, TRUE);
    return ok;
}

/* The whole file again: Cairo's header, its stream objects as they were, the other
 * objects in deflated object streams, a cross-reference stream (PDF 1.5). */
static GString *pack(const xref *X, const pobj *objs, long first_off, long root, long info, const char *id)
{
    GString *out = g_string_new_len(X->buf, first_off);
    long nstm = 0;
    long *nums = g_new(long, X->size);
    guint n = 0;
    for (long i = 1; i < X->size; i++)
        if (objs[i].in_use && !objs[i].stream)
            nums[n++] = i;
    nstm = (n + OBJSTM_MAX - 1) / OBJSTM_MAX;
    long total = X->size + nstm + 1;
    xentry *xe = g_new0(xentry, total);
    xe[0] = (xentry){ 0, 0, 65535 };
    gboolean ok = TRUE;
    for (long i = 1; i < X->size; i++)
        if (objs[i].in_use && objs[i].stream) {
            xe[i] = (xentry){ 1, (guint32)out->len, 0 };
            g_string_append_printf(out, "%ld 0 obj\n", i);
            g_string_append_len(out, objs[i].text, (gssize)objs[i].len);
            g_string_append(out, "\nendobj\n");
        }
    for (long k = 0; ok && k < nstm; k++) {
        guint from = (guint)(k * OBJSTM_MAX), to = MIN(n, from + OBJSTM_MAX);
        xe[X->size + k] = (xentry){ 1, (guint32)out->len, 0 };
        ok = put_objstm(out, X->size + k, objs, nums, from, to, xe);
    }
    ok = ok && out->len < G_MAXUINT32 && put_xref_stream(out, total - 1, xe, root, info, id);
    g_free(xe);
    g_free(nums);
    if (!ok) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return out;
}

/* The whole file again with every object in place and a classic cross-reference
 * table: for a file that gets an incremental update after this one (form fields,
 * an attachment, PDF/A: pdf_extras.h reads classic tables only). */
static GString *pack_classic(const xref *X, const pobj *objs, long first_off, long root, long info,
                             const char *id)
{
    GString *out = g_string_new_len(X->buf, first_off);
    long *off = g_new0(long, X->size);
    for (long i = 1; i < X->size; i++) {
        if (!objs[i].in_use)
            continue;
        off[i] = (long)out->len;
        g_string_append_printf(out, "%ld 0 obj\n", i);
        if (objs[i].repl)
            g_string_append_len(out, objs[i].repl->str, (gssize)objs[i].repl->len);
        else
            g_string_append_len(out, objs[i].text, (gssize)objs[i].len);
        g_string_append(out, "\nendobj\n");
    }
    long at = (long)out->len;
    g_string_append_printf(out, "xref\n0 %ld\n0000000000 65535 f \n", X->size);
    for (long i = 1; i < X->size; i++)
        g_string_append_printf(out, objs[i].in_use ? "%010ld 00000 n \n" : "%010ld 00000 f \n", off[i]);
    g_string_append_printf(out, "trailer\n<< /Size %ld /Root %ld 0 R", X->size, root);
    if (info > 0)
        g_string_append_printf(out, " /Info %ld 0 R", info);
    if (id)
        g_string_append_printf(out, " /ID %s", id);
    g_string_append_printf(out, " >>\nstartxref\n%ld\n%%%%EOF\n", at);
    g_free(off);
    return out;
}

/* The trailer's /ID array ("[<...> <...>]"), or NULL. */
static char *trailer_id(const char *tr, const char *sx)
{
    const char *p = g_strstr_len(tr, sx - tr, "/ID");
    const char *e = p ? memchr(p, ']', (size_t)(sx - p)) : NULL;
    const char *b = p ? memchr(p, '[', (size_t)(sx - p)) : NULL;
    return b && e && b < e ? g_strndup(b, (gsize)(e + 1 - b)) : NULL;
}

int cg_pdf_update(int fd, const char *lang, const GPtrArray *alts, gboolean packed, const char *name,
                  cg_diags *d)
{
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
    if (!sx || !tr || tr > sx || strncmp(buf, "%PDF-1.", 7) != 0)
        goto bad_free;
    long xref_off = strtol(sx + 9, NULL, 10);
    long size = dict_int(tr, sx, "/Size");
    long root = dict_int(tr, sx, "/Root");
    long info = dict_int(tr, sx, "/Info");
    if (xref_off <= 0 || (size_t)xref_off >= len || size <= 0 || root <= 0 || root >= size ||
        info >= size || dict_int(tr, sx, "/Prev") >= 0 || dict_int(tr, sx, "/Encrypt") >= 0)
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
    pobj *objs = g_new0(pobj, size);
    long first_off = 0;
    GString *out = NULL;
    if (index_objects(&X, xref_off, objs, &first_off) && objs[root].in_use && !objs[root].stream) {
        add_lang_alts(&X, objs, root, lang, alts, name, d);
        char *id = trailer_id(tr, sx);
        out = packed ? pack(&X, objs, first_off, root, info, id)
                     : pack_classic(&X, objs, first_off, root, info, id);
        g_free(id);
    }
    for (long n = 0; n < size; n++)
        if (objs[n].repl)
            g_string_free(objs[n].repl, TRUE);
    g_free(objs);
    g_free(buf);
    if (!out)
        goto bad;
    /* Object streams are PDF 1.5: Cairo's header says 1.5 or later, else it is raised. */
    if (packed && out->str[7] < '5')
        out->str[7] = '5';
    gboolean ok = pwrite(fd, out->str, out->len, 0) == (ssize_t)out->len && ftruncate(fd, (off_t)out->len) == 0;
    g_string_free(out, TRUE);
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
