/* fo.c — see fo.h: the passes, the PDF file, metadata and outline. */
#include "fo.h"
#include "pdf_update.h"
#include "pdf_extras.h"
#include "fo_form.h"
#include "fo_draw.h"
#include "fo_dump.h"
#include "fo_embed.h"
#include "fonts.h"
#include "fo_hyph.h"
#include "base/base.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
    FILE *dump;
    cg_draw draw;
    int fd;
    int (*write)(void *closure, const unsigned char *data, unsigned int len);
    void *write_closure;
    gboolean write_failed;
    unsigned char *buf;         /* Cairo writes in pieces of a few bytes: one write(2) per 64 KiB */
    size_t buf_len;
} render;

#define WRITE_BUF (1 << 16)

static gboolean write_raw(render *R, const unsigned char *data, size_t len)
{
    if (R->write) {
        if (R->write(R->write_closure, data, len) != 0) {
            R->write_failed = TRUE;
            return FALSE;
        }
        return TRUE;
    }
    while (len > 0) {
        ssize_t n = write(R->fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            R->write_failed = TRUE;
            return FALSE;
        }
        data += n;
        len -= (size_t)n;
    }
    return TRUE;
}

static gboolean write_flush(render *R)
{
    gboolean ok = write_raw(R, R->buf, R->buf_len);
    R->buf_len = 0;
    return ok;
}

static cairo_status_t write_fd(void *closure, const unsigned char *data, unsigned int len)
{
    render *R = closure;
    if (R->buf_len + len > WRITE_BUF && !write_flush(R))
        return CAIRO_STATUS_WRITE_ERROR;
    if (len >= WRITE_BUF)
        return write_raw(R, data, len) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
    memcpy(R->buf + R->buf_len, data, len);
    R->buf_len += len;
    return CAIRO_STATUS_SUCCESS;
}

static void sink(void *ctx, cg_layout *L, const cg_page *pg)
{
    render *R = ctx;
    (void)L;
    if (R->cr) {
        cairo_pdf_surface_set_size(R->surface, pg->w, pg->h);
        cg_draw_page(&R->draw, R->cr, pg);
        cairo_show_page(R->cr);
    }
    if (R->dump)
        cg_dump_page(R->dump, pg, L);
}

/* ---- document information --------------------------------------------- */

static void find_meta(xmlNodePtr n, const char *local, char **out)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!*out && !strcmp((const char *)n->name, local)) {
            xmlChar *c = xmlNodeGetContent(n);
            if (c) {
                char *s = g_strstrip(g_strdup((const char *)c));
                /* collapse white space inside (rdf:Alt/rdf:li layout) */
                GString *o = g_string_new(NULL);
                gboolean sp = FALSE;
                for (const char *q = s; *q; q++) {
                    if (g_ascii_isspace(*q)) sp = TRUE;
                    else {
                        if (sp && o->len) g_string_append_c(o, ' ');
                        sp = FALSE;
                        g_string_append_c(o, *q);
                    }
                }
                g_free(s);
                if (o->len)
                    *out = g_string_free(o, FALSE);
                else
                    g_string_free(o, TRUE);
                xmlFree(c);
            }
        }
        find_meta(n->children, local, out);
    }
}

/* An ISO 8601 date for Cairo's metadata: opts, else SOURCE_DATE_EPOCH, else the
 * document's own date (xmp:CreateDate in fo:declarations), else the epoch; never the
 * clock, so that the same input gives the same bytes. */
static char *creation_date(const char *opt, const char *doc_date, cg_diags *d)
{
    if (opt && *opt)
        return g_strdup(opt);
    const char *sde = g_getenv("SOURCE_DATE_EPOCH");
    if ((!sde || !*sde) && doc_date && *doc_date)
        return g_strdup(doc_date);
    time_t t = 0;
    if (sde && *sde) {
        char *end;
        long long v = g_ascii_strtoll(sde, &end, 10);
        if (*end || v < 0)
            cg_diag_add(d, CG_WARNING, NULL, 0, 0, "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored", sde);
        else
            t = (time_t)v;
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return g_strdup(buf);
}

static void set_metadata(cairo_surface_t *s, cg_fo_tree *t, const cg_fo_options *o, cg_diags *d)
{
    char *title = NULL, *author = NULL, *subject = NULL, *keywords = NULL, *creator = NULL;
    char *doc_date = NULL;
    const cg_fo *decl = cg_fo_child(t->root, FO_DECLARATIONS);
    if (decl) {
        find_meta(decl->xml->children, "title", &title);
        find_meta(decl->xml->children, "creator", &author);
        find_meta(decl->xml->children, "description", &subject);
        find_meta(decl->xml->children, "Keywords", &keywords);
        find_meta(decl->xml->children, "CreatorTool", &creator);
        find_meta(decl->xml->children, "CreateDate", &doc_date);
    }
    struct { cairo_pdf_metadata_t k; const char *opt; char *from_doc; const char *dflt; } m[] = {
        { CAIRO_PDF_METADATA_TITLE, o->title, title, NULL },
        { CAIRO_PDF_METADATA_AUTHOR, o->author, author, NULL },
        { CAIRO_PDF_METADATA_SUBJECT, o->subject, subject, NULL },
        { CAIRO_PDF_METADATA_KEYWORDS, o->keywords, keywords, NULL },
        { CAIRO_PDF_METADATA_CREATOR, o->creator, creator, "circgen" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(m); i++) {
        const char *v = m[i].opt ? m[i].opt : m[i].from_doc ? m[i].from_doc : m[i].dflt;
        if (v)
            cairo_pdf_surface_set_metadata(s, m[i].k, v);
        g_free(m[i].from_doc);
    }
    char *date = creation_date(o->date, doc_date, d);
    g_free(doc_date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
    g_free(date);
}

/* The document's language for the PDF catalog: fo:root's xml:lang, else its language
 * and country properties ("zh" + "CN" -> "zh-CN"). NULL when none. Caller frees. */
static char *document_lang(const cg_fo_tree *t)
{
    xmlChar *l = xmlNodeGetLang(t->root->xml);
    if (l) {
        char *r = g_strdup((const char *)l);
        xmlFree(l);
        return r;
    }
    const char *lang = cg_fo_attr(t, t->root, "language");
    const char *country = cg_fo_attr(t, t->root, "country");
    if (!lang || !*lang || !strcmp(lang, "none"))
        return NULL;
    if (country && *country && strcmp(country, "none"))
        return g_strdup_printf("%s-%s", lang, country);
    return g_strdup(lang);
}

/* ---- outline and link targets ------------------------------------------ */

static void collect_dests(const cg_fo_tree *t, const cg_fo *fo, GHashTable *set)
{
    for (const cg_fo *c = fo; c; c = c->next) {
        if (c->kind == FO_BASIC_LINK || c->kind == FO_BOOKMARK) {
            const char *id = cg_fo_attr(t, c, "internal-destination");
            if (id && g_hash_table_contains(t->ids, id))
                g_hash_table_add(set, (gpointer)id);
        }
        if (c->first)
            collect_dests(t, c->first, set);
    }
}

static void add_bookmarks(cairo_surface_t *s, cg_layout *L, const cg_fo *parent, int parent_id, int depth)
{
    for (const cg_fo *b = parent->first; b; b = b->next) {
        if (b->kind != FO_BOOKMARK)
            continue;
        const cg_fo *tt = cg_fo_child(b, FO_BOOKMARK_TITLE);
        char *title = NULL;
        if (tt) {
            xmlChar *c = xmlNodeGetContent(tt->xml);
            title = g_strstrip(g_strdup(c ? (const char *)c : ""));
            xmlFree(c);
        }
        const char *id = cg_fo_attr(L->t, b, "internal-destination");
        const char *uri = cg_fo_attr(L->t, b, "external-destination");
        char *attr = NULL;
        if (id && g_hash_table_contains(L->t->ids, id)) {
            char *e = cg_draw_attr_escape(id);
            attr = g_strdup_printf("dest='%s'", e);
            g_free(e);
        } else if (uri) {
            char *e = cg_draw_attr_escape(uri);
            attr = g_strdup_printf("uri='%s'", e);
            g_free(e);
        } else
            cg_xml_diag(L->d, CG_WARNING, b->xml, "fo:bookmark target '%s' does not exist; the bookmark goes nowhere",
                        id ? id : "");
        const char *st = cg_fo_attr(L->t, b, "starting-state");
        int flags = st && !strcmp(st, "show") ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0;
        int me = cairo_pdf_surface_add_outline(s, parent_id, title && *title ? title : "(untitled)",
                                               attr ? attr : "", (cairo_pdf_outline_flags_t)flags);
        g_free(attr);
        g_free(title);
        if (depth < 50)
            add_bookmarks(s, L, b, me, depth + 1);
    }
}

static const char *doc_lang(const cg_fo_tree *t, char buf[32])
{
    const cg_fo *ps = cg_fo_child(t->root, FO_PAGE_SEQUENCE);
    const cg_props *p = ps ? ps->p : t->root->p;
    return cg_layout_lang(p, buf);
}

/* The directories the document may read from: opts->read_dirs and base, resolved; NULL-terminated. */
static char **read_dirs_for(const cg_fo_options *opts, const char *base)
{
    GPtrArray *rd = g_ptr_array_new();
    for (const char *const *r = opts->read_dirs ? opts->read_dirs : NULL; r && *r; r++) {
        char *real = realpath(*r, NULL);
        if (real) {
            g_ptr_array_add(rd, g_strdup(real));
            free(real);
        }
    }
    char *rb = realpath(base, NULL);
    if (rb) {
        g_ptr_array_add(rd, g_strdup(rb));
        free(rb);
    }
    g_ptr_array_add(rd, NULL);
    return (char **)g_ptr_array_free(rd, FALSE);
}

/* Passes before the drawing one: at most this many. */
#define MAX_ID_PASSES 5

/* Do the two tables give every id the same pages (the same numbers)? */
static gboolean same_pages(GHashTable *a, GHashTable *b)
{
    if (g_hash_table_size(a) != g_hash_table_size(b))
        return FALSE;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, a);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const cg_id_pages *x = v, *y = g_hash_table_lookup(b, k);
        if (!y || x->first != y->first || x->last != y->last ||
            g_strcmp0(x->first_text, y->first_text) || g_strcmp0(x->last_text, y->last_text))
            return FALSE;
    }
    return TRUE;
}

/* Passes before the drawing one (only when citations exist): where every id
 * lands, found quietly, the first with numbers of two digits' width, each
 * next with the numbers the last found, until no id moves (a fixed point:
 * the numbers drawn are those of the pages the ids are on). A number of
 * another width can move text across a page break and so move an id; the
 * passes are bounded (MAX_ID_PASSES): numbers that never settle (a citation
 * whose own width moves its target back and forth) are drawn as the last
 * pass found them, with a warning. */
static void locate_ids(cg_layout *L)
{
    cg_diags *saved = L->d;
    gboolean settled = FALSE;
    for (int pass = 0; pass < MAX_ID_PASSES && !settled; pass++) {
        GHashTable *ids1 = cg_id_table_new();
        cg_diags *quiet = cg_diags_new();       /* the drawing pass reports the same problems */
        L->d = quiet;
        cg_paginate(L, NULL, NULL, ids1);
        L->d = saved;
        cg_diags_free(quiet);
        settled = pass > 0 && same_pages(L->ids, ids1);
        g_hash_table_destroy(L->ids);
        L->ids = ids1;
        g_hash_table_remove_all(L->warned);
        g_hash_table_remove_all(L->families);
    }
    if (!settled)
        cg_diag_add(L->d, CG_WARNING, L->t->file, 0, 0, "page-number citations did not settle after %d "
                    "passes (a number's width moves what it cites): the last pass's numbers are used",
                    MAX_ID_PASSES);
}

/* Where the PDF goes: a temporary file beside opts->output (its name in *tmp), or opts->write;
 * 0, or 2 when the temporary file cannot be made. */
static int open_output(render *R, const cg_fo_options *opts, cg_diags *d, char **tmp)
{
    if (opts->output) {
        if (!cg_output_path_ok(opts->output, d))
            return 2;
        char *dir = g_path_get_dirname(opts->output);
        char *name = g_path_get_basename(opts->output);
        *tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, name);
        g_free(dir);
        g_free(name);
        R->fd = g_mkstemp(*tmp);
        if (R->fd < 0) {
            cg_diag_add(d, CG_ERROR, opts->output, 0, 0, "cannot write here: %s", g_strerror(errno));
            g_free(*tmp);
            *tmp = NULL;
            return 2;
        }
    } else if (opts->write) {
        R->write = opts->write;
        R->write_closure = opts->write_closure;
    }
    return 0;
}

/* A new PDF surface and its drawing state, tagged or not. */
static void begin_pdf(render *R, cg_layout *L, cg_fo_tree *t, xmlDocPtr doc, const cg_fo_options *opts,
                      cg_diags *d, gboolean tagged)
{
    R->surface = cairo_pdf_surface_create_for_stream(write_fd, R, 595.2756, 841.8898);
    cairo_pdf_surface_restrict_to_version(R->surface, CAIRO_PDF_VERSION_1_5);
    set_metadata(R->surface, t, opts, d);
    R->cr = cairo_create(R->surface);
    R->draw.L = L;
    R->draw.tags = tagged;
    R->draw.tagged_links = tagged;
    R->draw.dests = g_hash_table_new(g_str_hash, g_str_equal);
    R->draw.dests_done = g_hash_table_new(g_str_hash, g_str_equal);
    collect_dests(t, t->root, R->draw.dests);
    R->draw.emb = cg_embed_new(doc);
    R->draw.tag_names = g_ptr_array_new();
    R->draw.tag_begun = g_array_new(FALSE, FALSE, sizeof(cg_tag_state));
    R->draw.figure_alts = g_ptr_array_new_with_free_func(g_free);
    R->draw.mixed = g_hash_table_new(NULL, NULL);
    R->draw.fields = opts->no_form ? NULL : cg_form_fields_new();
    R->draw.tag_langs = g_array_new(FALSE, FALSE, sizeof(cg_tag_lang));
    R->draw.tag_counts = g_hash_table_new(g_str_hash, g_str_equal);
    cg_draw_tag_push(&R->draw, "Document", NULL);
}

/* Pass 2: every page to the sink; the second, untagged run is quiet. */
static void paginate_pages(render *R, cg_layout *L, cg_fo_options *opts, GHashTable *ids2, gboolean tagged)
{
    cg_diags *quiet = tagged ? NULL : cg_diags_new();  /* a second, untagged run */
    cg_diags *saved = L->d;
    if (quiet)
        L->d = quiet;
    opts->page_count = cg_paginate(L, sink, R, ids2);
    L->d = saved;
    cg_diags_free(quiet);
}

/* Closes the structure tree, adds the outline and finishes the surface; Cairo's status. */
static cairo_status_t close_pdf(render *R, cg_layout *L, const cg_fo_tree *t)
{
    while (R->draw.tag_names->len)
        cg_draw_tag_pop(&R->draw, R->cr);
    g_ptr_array_free(R->draw.tag_names, TRUE);
    g_array_free(R->draw.tag_begun, TRUE);
    const cg_fo *bt = cg_fo_child(t->root, FO_BOOKMARK_TREE);
    if (bt)
        add_bookmarks(R->surface, L, bt, CAIRO_PDF_OUTLINE_ROOT, 0);
    cairo_status_t st = cairo_status(R->cr);
    cairo_destroy(R->cr);
    cairo_surface_finish(R->surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(R->surface);
    cairo_surface_destroy(R->surface);
    return st;
}

/* The embedded files, figure alternates and mixed-content set of the drawing state, freed. */
static void free_draw_rest(render *R)
{
    cg_embed_free(R->draw.emb);
    g_ptr_array_free(R->draw.figure_alts, TRUE);
    g_hash_table_destroy(R->draw.mixed);
    cg_form_fields_free(R->draw.fields);
    for (guint i = 0; R->draw.tag_langs && i < R->draw.tag_langs->len; i++)
        g_free(g_array_index(R->draw.tag_langs, cg_tag_lang, i).lang);
    if (R->draw.tag_langs)
        g_array_free(R->draw.tag_langs, TRUE);
    if (R->draw.tag_counts)
        g_hash_table_destroy(R->draw.tag_counts);
}

/* Cairo rejected the structure tags: warns, empties the output for an untagged run;
 * 0 to run again, 2 when the output cannot be emptied. */
static int restart_untagged(render *R, const cg_fo_options *opts, cg_diags *d, GHashTable *ids2)
{
    /* Cairo 1.16 rejects the structure tree when a tagged element's only
     * content on a page lies wholly outside the page (enormous or
     * misplaced content, already warned about): write the PDF again,
     * untagged, rather than fail. */
    cg_diag_add(d, CG_WARNING, opts->output, 0, 0, "Cairo rejected the structure tags "
                "(content set outside the page): the PDF is written untagged");
    g_hash_table_destroy(R->draw.dests);
    g_hash_table_destroy(R->draw.dests_done);
    g_hash_table_destroy(ids2);
    R->buf_len = 0;              /* what the first run left unwritten */
    if (R->fd >= 0 ? ftruncate(R->fd, 0) != 0 || lseek(R->fd, 0, SEEK_SET) != 0
                   : R->write(R->write_closure, NULL, 0) != 0) {
        cg_diag_add(d, CG_ERROR, opts->output, 0, 0, "cannot write the PDF: %s", g_strerror(errno));
        close(R->fd);
        R->fd = -1;
        free_draw_rest(R);
        return 2;
    }
    free_draw_rest(R);
    memset(&R->draw, 0, sizeof R->draw);
    R->surface = NULL;
    R->cr = NULL;
    R->dump = NULL;              /* written once, by the first run */
    return 0;
}

/* What the update after Cairo's file holds (pdf_extras.h): form fields, the
 * attached source, PDF/A, the languages of columns. */
static void fill_extras(cg_pdf_extras *x, render *R, const cg_fo_options *opts, const char *lang, gboolean tagged)
{
    memset(x, 0, sizeof *x);
    x->fields = R->draw.fields;
    x->form_tags = tagged ? R->draw.form_tags : 0;
    x->lang = lang;
    x->attach_name = opts->attach_name;
    x->attach_data = opts->attach_data;
    x->attach_len = opts->attach_len;
    x->attach_mime = opts->attach_mime ? opts->attach_mime : "application/xml";
    x->pdfa = opts->pdfa;
    x->icc_path = opts->icc_profile;
    x->tag_langs = tagged ? R->draw.tag_langs : NULL;
}

/* The rest of the PDF to the output, then the catalog update and fsync of a file; 0 or 2. */
static int finish_output(render *R, const cg_fo_tree *t, const cg_fo_options *opts, cg_diags *d,
                         cairo_status_t st, gboolean tagged)
{
    int rc = 0;
    if (!R->write_failed)
        write_flush(R);
    if (st != CAIRO_STATUS_SUCCESS || R->write_failed) {
        cg_diag_add(d, CG_ERROR, opts->output, 0, 0, "cannot write the PDF: %s",
                    R->write_failed ? g_strerror(errno) : cairo_status_to_string(st));
        rc = 2;
    }
    if (R->fd >= 0) {
        if (!rc) {
            char *lang = document_lang(t);
            cg_pdf_extras x;
            fill_extras(&x, R, opts, lang, tagged);
            /* packed into object streams unless an update follows (it reads classic tables) */
            if (cg_pdf_update(R->fd, lang, tagged ? R->draw.figure_alts : NULL, !cg_pdf_extras_needed(&x),
                              opts->output, d) != 0 ||
                cg_pdf_extras_write(R->fd, &x, opts->output, d) != 0)
                rc = 2;
            g_free(lang);
        }
        if (fsync(R->fd) != 0 && !rc) {
            cg_diag_add(d, CG_ERROR, opts->output, 0, 0, "cannot write the PDF: %s", g_strerror(errno));
            rc = 2;
        }
        close(R->fd);
        R->fd = -1;
    }
    return rc;
}

/* Lays out and draws the document (again untagged if Cairo rejects the tags); 0 or 2. */
static int write_pdf(render *R, cg_layout *L, cg_fo_tree *t, xmlDocPtr doc, cg_fo_options *opts, cg_diags *d)
{
    gboolean tagged = TRUE;
    for (;;) {
        if (opts->output || opts->write)
            begin_pdf(R, L, t, doc, opts, d, tagged);
        GHashTable *ids2 = cg_id_table_new();
        R->draw.ids_now = ids2;
        paginate_pages(R, L, opts, ids2, tagged);
        int rc = 0;
        if (R->cr) {
            cairo_status_t st = close_pdf(R, L, t);
            if (st == CAIRO_STATUS_TAG_ERROR && tagged && !R->write_failed) {
                if (restart_untagged(R, opts, d, ids2) != 0)
                    return 2;
                tagged = FALSE;
                continue;
            }
            rc = finish_output(R, t, opts, d, st, tagged);
            g_hash_table_destroy(R->draw.dests);
            g_hash_table_destroy(R->draw.dests_done);
            free_draw_rest(R);
        }
        g_hash_table_destroy(ids2);
        return rc;
    }
}

/* The temporary file renamed to opts->output when all went well, else removed; the final status. */
static int commit_output(const char *tmp, const cg_fo_options *opts, cg_diags *d, int rc)
{
    if (rc == 0 && g_rename(tmp, opts->output) != 0) {
        cg_diag_add(d, CG_ERROR, opts->output, 0, 0, "cannot write the PDF: %s", g_strerror(errno));
        rc = 2;
    }
    if (rc != 0)
        g_unlink(tmp);
    else
        g_chmod(opts->output, 0644);
    return rc;
}

int cg_fo_render(xmlDocPtr doc, cg_fo_options *opts, cg_diags *d)
{
    int errors_before = d->errors;
    cg_fo_tree *t = cg_fo_tree_new(doc, d);
    if (!t)
        return 1;
    char lbuf[32];
    PangoContext *ctx = cg_fonts_context(doc_lang(t, lbuf), d);
    if (!ctx) {
        cg_fo_tree_free(t);
        return 1;
    }
    char *base = opts->base_dir ? g_strdup(opts->base_dir)
               : doc->URL ? g_path_get_dirname((const char *)doc->URL) : g_strdup(".");
    cg_layout L;
    cg_layout_init(&L, t, d, ctx, base);
    L.read_dirs = read_dirs_for(opts, base);
    g_free(base);

    if (t->has_citations)
        locate_ids(&L);

    render R = { 0 };
    R.fd = -1;
    R.dump = opts->dump;
    char *tmp = NULL;
    int rc = open_output(&R, opts, d, &tmp);
    if (rc == 0) {
        if (opts->output || opts->write)
            R.buf = g_malloc(WRITE_BUF);
        rc = write_pdf(&R, &L, t, doc, opts, d);
        g_free(R.buf);
        if (d->errors > errors_before && rc == 0)
            rc = 1;
        if (tmp)
            rc = commit_output(tmp, opts, d, rc);
    }
    g_free(tmp);
    g_strfreev(L.read_dirs);
    L.read_dirs = NULL;
    cg_layout_clear(&L);
    g_object_unref(ctx);
    cg_fo_tree_free(t);
    return rc;
}

const char *cg_fo_fonts_conf_path(void)
{
    return cg_fonts_conf_path();
}

void cg_fo_cleanup(void)
{
    cg_fonts_cleanup();
    cg_hyph_cleanup();
}
