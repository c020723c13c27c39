/* fo_image.c — images for fo:external-graphic.
 *
 * PNG through Cairo; JPEG passed through to the PDF as it is (Cairo embeds the
 * JPEG data attached as MIME data; the raster surface is only a stand-in of
 * the right size); SVG through librsvg; GIF, BMP and TIFF through gdk-pixbuf.
 * Intrinsic sizes are taken at the resolution the file records (PNG pHYs,
 * JPEG JFIF density, BMP), else at 72 dpi (one pixel = one point), as Apache
 * FOP's default source resolution; an SVG gives its own size.
 * Network URIs are refused: circgen never fetches anything. Local files are
 * read only when they resolve (symbolic links followed) inside one of the
 * folders the layout allows (L->read_dirs: by default the FO document's
 * folder and its subfolders), and only when they are regular files of at most
 * CG_IMAGE_MAX_BYTES: never a device, a FIFO or a folder. The bytes are read
 * once and decoded from memory.
 */
#include "fo_image.h"
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <librsvg/rsvg.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

void cg_image_free(cg_image *img)
{
    if (!img)
        return;
    if (img->surface)
        cairo_surface_destroy(img->surface);
    if (img->svg)
        g_object_unref(img->svg);
    if (img->drawn)
        cairo_surface_destroy(img->drawn);
    g_free(img->path);
    g_free(img);
}

/* url('x'), url(x), 'x' -> x. Caller frees. */
static char *strip_uri(const char *uri)
{
    char *s = g_strstrip(g_strdup(uri));
    size_t n = strlen(s);
    if (n > 5 && !g_ascii_strncasecmp(s, "url(", 4) && s[n - 1] == ')') {
        memmove(s, s + 4, n - 4);
        s[n - 5] = 0;
        g_strstrip(s);
        n = strlen(s);
    }
    if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0]) {
        s[n - 1] = 0;
        memmove(s, s + 1, n - 1);
    }
    return s;
}

/* url('x'), url(x), 'x' -> x; file: URIs to paths; NULL for other URIs with a
 * scheme. Caller frees. */
static char *uri_to_path(const char *uri, const char *base)
{
    char *s = strip_uri(uri);
    if (!g_ascii_strncasecmp(s, "file:", 5)) {
        char *p = g_filename_from_uri(s, NULL, NULL);
        if (!p) {
            const char *q = s + 5;
            while (q[0] == '/' && q[1] == '/')
                q++;
            p = g_strdup(q);
        }
        g_free(s);
        s = p;
    } else if (strstr(s, "://")) {
        g_free(s);
        return NULL;
    }
    if (!g_path_is_absolute(s)) {
        char *p = g_build_filename(base, s, NULL);
        g_free(s);
        s = p;
    }
    return s;
}

static gboolean jpeg_size(const guchar *d, gsize n, int *w, int *h)
{
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
        return FALSE;
    gsize i = 2;
    while (i + 9 < n) {
        if (d[i] != 0xFF) return FALSE;
        guchar m = d[i + 1];
        gsize len = (gsize)d[i + 2] << 8 | d[i + 3];
        if ((m >= 0xC0 && m <= 0xC3) || (m >= 0xC5 && m <= 0xC7) || (m >= 0xC9 && m <= 0xCB) ||
            (m >= 0xCD && m <= 0xCF)) {
            *h = d[i + 5] << 8 | d[i + 6];
            *w = d[i + 7] << 8 | d[i + 8];
            return *w > 0 && *h > 0;
        }
        i += 2 + len;
    }
    return FALSE;
}

static cairo_surface_t *surface_from_pixbuf(GdkPixbuf *pb)
{
    int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
    int nch = gdk_pixbuf_get_n_channels(pb), rs = gdk_pixbuf_get_rowstride(pb);
    gboolean alpha = gdk_pixbuf_get_has_alpha(pb);
    const guchar *px = gdk_pixbuf_read_pixels(pb);
    cairo_surface_t *s = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s))
        return s;
    cairo_surface_flush(s);
    guchar *dst = cairo_image_surface_get_data(s);
    int ds = cairo_image_surface_get_stride(s);
    for (int y = 0; y < h; y++) {
        const guchar *sp = px + (gsize)y * rs;
        guint32 *dp = (guint32 *)(dst + (gsize)y * ds);
        for (int x = 0; x < w; x++, sp += nch) {
            guint a = alpha ? sp[3] : 255;
            guint r = sp[0] * a / 255, g = sp[1] * a / 255, b = sp[2] * a / 255;
            dp[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

/* The resolution a raster file records (PNG pHYs in pixels per metre, JPEG
 * JFIF density in dots per inch or per cm, BMP pixels per metre): FALSE when
 * it records none. Values within half a dot of 72 dpi are 72 (the metre
 * units round 72 dpi to 2834 or 2835). */
static gboolean file_dpi(const guchar *d, gsize n, double *dx, double *dy)
{
    double x = 0, y = 0;
    if (n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8)) {
        for (gsize i = 8; i + 12 <= n;) {
            guint32 len = (guint32)d[i] << 24 | (guint32)d[i + 1] << 16 | (guint32)d[i + 2] << 8 | d[i + 3];
            if (!memcmp(d + i + 4, "IDAT", 4) || len > n)
                break;
            if (!memcmp(d + i + 4, "pHYs", 4) && len >= 9 && i + 17 <= n && d[i + 16] == 1) {
                x = ((guint32)d[i + 8] << 24 | (guint32)d[i + 9] << 16 | (guint32)d[i + 10] << 8 | d[i + 11]) * 0.0254;
                y = ((guint32)d[i + 12] << 24 | (guint32)d[i + 13] << 16 | (guint32)d[i + 14] << 8 | d[i + 15]) * 0.0254;
                break;
            }
            i += 12 + (gsize)len;
        }
    } else if (n >= 20 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF && d[3] == 0xE0 &&
               !memcmp(d + 6, "JFIF", 5)) {
        double f = d[13] == 1 ? 1 : d[13] == 2 ? 2.54 : 0;
        x = f * (d[14] << 8 | d[15]);
        y = f * (d[16] << 8 | d[17]);
    } else if (n >= 46 && d[0] == 'B' && d[1] == 'M') {
        x = (gint32)((guint32)d[38] | (guint32)d[39] << 8 | (guint32)d[40] << 16 | (guint32)d[41] << 24) * 0.0254;
        y = (gint32)((guint32)d[42] | (guint32)d[43] << 8 | (guint32)d[44] << 16 | (guint32)d[45] << 24) * 0.0254;
    }
    if (x < 1 || y < 1 || x > 100000 || y > 100000)
        return FALSE;
    *dx = fabs(x - 72) < 0.5 ? 72 : x;
    *dy = fabs(y - 72) < 0.5 ? 72 : y;
    return TRUE;
}

#define CG_IMAGE_MAX_BYTES (64u * 1024u * 1024u)

/* The bytes of the regular file path (already resolved), or NULL with *why. */
static gchar *read_image_file(const char *path, gsize *len, char **why)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *why = g_strdup(g_strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *why = g_strdup("not a regular file");
        close(fd);
        return NULL;
    }
    if ((unsigned long long)st.st_size > CG_IMAGE_MAX_BYTES) {
        *why = g_strdup_printf("larger than %u MB", CG_IMAGE_MAX_BYTES / (1024u * 1024u));
        close(fd);
        return NULL;
    }
    gsize n = (gsize)st.st_size, got = 0;
    gchar *data = g_malloc(n + 1);
    while (got < n) {
        ssize_t r = read(fd, data + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (gsize)r;
    }
    close(fd);
    data[got] = 0;
    *len = got;
    return data;
}

typedef struct { const guchar *d; gsize n, at; } mem_reader;

static cairo_status_t read_mem(void *closure, unsigned char *out, unsigned int len)
{
    mem_reader *m = closure;
    if (m->n - m->at < len)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(out, m->d + m->at, len);
    m->at += len;
    return CAIRO_STATUS_SUCCESS;
}

/* An image from its bytes (data, NUL-terminated, taken over); path names it
 * (its suffix may tell SVG). NULL with *why. */
static cg_image *load_data(gchar *data, gsize len, const char *path, char **why)
{
    GError *err = NULL;
    cg_image *img = g_new0(cg_image, 1);
    img->path = g_strdup(path);
    const guchar *d = (const guchar *)data;
    int w, h;
    if (len >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8)) {
        mem_reader m = { d, len, 0 };
        img->surface = cairo_image_surface_create_from_png_stream(read_mem, &m);
        if (cairo_surface_status(img->surface)) {
            *why = g_strdup("a damaged PNG file");
            goto fail;
        }
        img->w = cairo_image_surface_get_width(img->surface);
        img->h = cairo_image_surface_get_height(img->surface);
    } else if (jpeg_size(d, len, &w, &h)) {
        /* The PDF gets the JPEG bytes; the surface holds the size only. */
        img->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        if (cairo_surface_status(img->surface)) {
            *why = g_strdup("a JPEG too large to use");
            goto fail;
        }
        cairo_surface_set_mime_data(img->surface, CAIRO_MIME_TYPE_JPEG, (const unsigned char *)data,
                                    len, g_free, data);
        data = NULL;
        img->w = w;
        img->h = h;
    } else if (g_str_has_suffix(path, ".svg") || g_str_has_suffix(path, ".svgz") ||
               (len > 5 && (strstr(data, "<svg") != NULL))) {
        RsvgHandle *hd = rsvg_handle_new_from_data(d, len, &err);
        if (!hd) {
            *why = g_strdup(err ? err->message : "not an SVG image");
            if (err) g_error_free(err);
            goto fail;
        }
        rsvg_handle_set_dpi(hd, 72);
        gdouble sw = 0, sh = 0;
        if (!rsvg_handle_get_intrinsic_size_in_pixels(hd, &sw, &sh) || sw <= 0 || sh <= 0) {
            RsvgRectangle vb = { 0 };
            gboolean has_vb = FALSE, hw, hh;
            RsvgLength lw, lh;
            rsvg_handle_get_intrinsic_dimensions(hd, &hw, &lw, &hh, &lh, &has_vb, &vb);
            sw = has_vb ? vb.width : 100;
            sh = has_vb ? vb.height : 100;
        }
        img->svg = hd;
        img->w = sw;
        img->h = sh;
    } else {
        GdkPixbufLoader *ld = gdk_pixbuf_loader_new();
        gboolean wrote = gdk_pixbuf_loader_write(ld, d, len, &err);
        gboolean closed = gdk_pixbuf_loader_close(ld, wrote ? &err : NULL);
        GdkPixbuf *pb = wrote && closed ? gdk_pixbuf_loader_get_pixbuf(ld) : NULL;
        if (pb)
            g_object_ref(pb);
        g_object_unref(ld);
        if (!pb) {
            *why = g_strdup_printf("not an image circgen can read (%s)", err ? err->message : "unknown format");
            if (err) g_error_free(err);
            goto fail;
        }
        img->surface = surface_from_pixbuf(pb);
        img->w = gdk_pixbuf_get_width(pb);
        img->h = gdk_pixbuf_get_height(pb);
        g_object_unref(pb);
    }
    double dx, dy;
    if (!img->svg && file_dpi(d, len, &dx, &dy)) {
        /* the file's resolution gives its size, as in FOP */
        img->w *= 72 / dx;
        img->h *= 72 / dy;
    }
    g_free(data);
    return img;
fail:
    g_free(data);
    cg_image_free(img);
    return NULL;
}

static cg_image *load(const char *path, char **why)
{
    gsize len = 0;
    gchar *data = read_image_file(path, &len, why);
    return data ? load_data(data, len, path, why) : NULL;
}

/* The bytes of an RFC 2397 data: URI (s after "data:"): "[mediatype][;base64],data",
 * percent-encoded. NUL-terminated; NULL with *why. *svg: the media type says SVG. */
static gchar *data_uri_bytes(const char *s, gsize *len, gboolean *svg, char **why)
{
    const char *comma = strchr(s, ',');
    if (!comma) {
        *why = g_strdup("a data: URI without a comma");
        return NULL;
    }
    char *head = g_ascii_strdown(s, comma - s);
    gboolean b64 = g_str_has_suffix(head, ";base64");
    *svg = strstr(head, "image/svg+xml") != NULL;
    g_free(head);
    GBytes *raw = g_uri_unescape_bytes(comma + 1, -1, NULL, NULL);
    if (!raw) {
        *why = g_strdup("a data: URI with a bad percent escape");
        return NULL;
    }
    gsize n = 0;
    const char *p = g_bytes_get_data(raw, &n);
    gchar *out;
    if (b64) {
        /* white space is allowed inside the base64 text */
        GString *t = g_string_sized_new(n);
        for (gsize i = 0; i < n; i++)
            if (!g_ascii_isspace(p[i]))
                g_string_append_c(t, p[i]);
        gsize m = 0;
        guchar *dec = t->len % 4 == 0 ? g_base64_decode(t->str, &m) : NULL;
        g_string_free(t, TRUE);
        if (!dec || !m) {
            g_free(dec);
            g_bytes_unref(raw);
            *why = g_strdup("a data: URI whose base64 text does not decode");
            return NULL;
        }
        out = g_realloc(dec, m + 1);
        n = m;
    } else {
        out = g_malloc(n + 1);
        memcpy(out, p, n);
    }
    g_bytes_unref(raw);
    if (n > CG_IMAGE_MAX_BYTES) {
        g_free(out);
        *why = g_strdup_printf("larger than %u MB", CG_IMAGE_MAX_BYTES / (1024u * 1024u));
        return NULL;
    }
    out[n] = 0;
    *len = n;
    return out;
}

/* An image given inline as a data: URI (nothing is read from disk), cached by
 * a hash of the URI. */
static cg_image *data_image(cg_layout *L, const cg_fo *fo, const char *uri, const char *s)
{
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, s, -1);
    char *key = g_strconcat("data:", sum, NULL);
    g_free(sum);
    if (g_hash_table_contains(L->images, key)) {
        cg_image *img = g_hash_table_lookup(L->images, key);
        if (!img)
            cg_xml_diag(L->d, CG_WARNING, fo->xml, "image data: URI cannot be used: an empty box is set");
        g_free(key);
        return img;
    }
    gsize len = 0;
    gboolean svg = FALSE;
    char *why = NULL;
    gchar *data = data_uri_bytes(s + 5, &len, &svg, &why);
    cg_image *img = data ? load_data(data, len, svg ? "data.svg" : "data", &why) : NULL;
    if (!img) {
        cg_xml_diag(L->d, CG_WARNING, fo->xml, "image '%.40s%s' cannot be used (%s): an empty box is set",
                    uri, strlen(uri) > 40 ? "..." : "", why ? why : "unknown error");
        g_free(why);
    }
    g_hash_table_insert(L->images, key, img);
    return img;
}

/* Is the resolved path inside dir (resolved) or one of its subfolders? */
static gboolean inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n && dir[n - 1] == '/')
        n--;
    return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == 0);
}

cg_image *cg_image_get(cg_layout *L, const cg_fo *fo, const char *uri)
{
    char *inner = strip_uri(uri);
    if (!g_ascii_strncasecmp(inner, "data:", 5)) {
        cg_image *img = data_image(L, fo, uri, inner);
        g_free(inner);
        return img;
    }
    g_free(inner);
    char *given = uri_to_path(uri, L->base_dir);
    if (!given) {
        cg_xml_diag(L->d, CG_WARNING, fo->xml, "image '%s' is not a local file (circgen fetches nothing): an empty box is set", uri);
        return NULL;
    }
    char *real = realpath(given, NULL);
    if (!real) {
        cg_xml_diag(L->d, CG_WARNING, fo->xml, "image '%s' cannot be used (%s: %s): an empty box is set",
                    uri, given, g_strerror(errno));
        g_free(given);
        return NULL;
    }
    g_free(given);
    char *path = g_strdup(real);
    free(real);
    gboolean ok = FALSE;
    if (L->read_dirs) {
        for (char **r = L->read_dirs; *r && !ok; r++)
            ok = inside(path, *r);
    } else {
        char *b = realpath(L->base_dir, NULL);
        ok = b && inside(path, b);
        free(b);
    }
    if (!ok) {
        cg_layout_warn_once(L, fo, "image '%s' (%s) is outside the folders circgen may read images from: "
                            "an empty box is set", uri, path);
        g_free(path);
        return NULL;
    }
    if (g_hash_table_contains(L->images, path)) {
        cg_image *img = g_hash_table_lookup(L->images, path);
        if (!img)
            cg_xml_diag(L->d, CG_WARNING, fo->xml, "image '%s' cannot be used: an empty box is set", uri);
        g_free(path);
        return img;
    }
    char *why = NULL;
    cg_image *img = load(path, &why);
    if (!img) {
        cg_xml_diag(L->d, CG_WARNING, fo->xml, "image '%s' cannot be used (%s): an empty box is set",
                    uri, why ? why : "unknown error");
        g_free(why);
    }
    g_hash_table_insert(L->images, path, img);
    return img;
}

void cg_image_draw(cairo_t *cr, cg_image *img, double x, double y, double w, double h)
{
    if (!img || img->w <= 0 || img->h <= 0 || w <= 0 || h <= 0)
        return;
    /* Beyond Cairo's fixed-point range (far off any page), or on a failed context: not drawn. */
    if (!(w < 1e6 && h < 1e6 && fabs(x) < 1e6 && fabs(y) < 1e6) || cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    if (img->svg && !img->shown++) {
        /* The first time, drawn in place: an image shown once costs no XObject.
         * render_document keeps aspect by the SVG's own preserveAspectRatio; scale instead. */
        cairo_scale(cr, w / img->w, h / img->h);
        RsvgRectangle vp = { 0, 0, img->w, img->h };
        rsvg_handle_render_document(img->svg, cr, &vp, NULL);
    } else if (img->svg) {
        /* Shown again (a letterhead on each of a thousand letters): drawn once into a
         * recording surface, which Cairo writes as one Form XObject that every later
         * page refers to, instead of the drawing again on each page. Clipped to the
         * image's box: Cairo 1.16 rejects the structure tags around a recording
         * surface painted unclipped. */
        if (!img->drawn) {
            cairo_rectangle_t box = { 0, 0, img->w, img->h };
            img->drawn = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
            cairo_t *rc = cairo_create(img->drawn);
            RsvgRectangle vp = { 0, 0, img->w, img->h };
            rsvg_handle_render_document(img->svg, rc, &vp, NULL);
            cairo_destroy(rc);
        }
        cairo_rectangle(cr, 0, 0, w, h);
        cairo_clip(cr);
        cairo_scale(cr, w / img->w, h / img->h);
        cairo_set_source_surface(cr, img->drawn, 0, 0);
        cairo_paint(cr);
    } else {
        cairo_rectangle(cr, 0, 0, w, h);
        cairo_clip(cr);
        cairo_scale(cr, w / img->w, h / img->h);
        cairo_set_source_surface(cr, img->surface, 0, 0);
        cairo_paint(cr);
    }
    cairo_restore(cr);
}
