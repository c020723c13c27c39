/* cmd_watch.c — `circgen watch FILE|DIR [-o OUTDIR]`: build the PDF and HTML of
 * source documents, then rebuild them whenever a source, a template or a string
 * catalog changes, until stopped (SIGINT, SIGTERM, or the test options).
 *
 * GLib's GFileMonitor watches the folders of the sources and every folder of the
 * templates directory (folders, not files: editors save by writing a new file and
 * renaming it over the old one). Events are gathered for a few milliseconds, so that
 * one save is one rebuild. A change of a source rebuilds that document; a change in
 * the templates forgets every compiled stylesheet and rebuilds every document. The
 * process keeps its fonts and compiled stylesheets between rebuilds, which is what
 * makes a rebuild fast. Outputs are written atomically (render.h): a broken source
 * makes diagnostics and leaves the last good outputs in place. */
#include "commands.h"
#include "base/base.h"
#include "doc/doc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib-unix.h>

const char cmd_watch_usage[] =
    "usage: circgen watch [-o OUTDIR] [--emblem IMAGE] [--templates DIR]\n"
    "                     [--max-rebuilds N] [--timeout SECONDS] FILE|DIR\n"
    "\n"
    "Make the PDF and the HTML page of a source document (FILE), or of every source\n"
    "document under DIR, then watch them: when a source changes, rebuild that\n"
    "document; when a template or a string catalog changes, rebuild every one.\n"
    "Each rebuild prints its diagnostics and how long it took. The outputs of\n"
    "DOC/LANG.xml go to OUTDIR/DOC/LANG.pdf and .html, as with 'circgen build'.\n"
    "They are written atomically: when a source is broken, its diagnostics are\n"
    "printed and the last good outputs stay in place. New sources in DIR's folders\n"
    "are picked up; new folders, the emblem and the fonts are not watched. Stop\n"
    "with Ctrl-C (SIGINT) or SIGTERM.\n"
    "\n"
    "options:\n"
    "  -o OUTDIR          where outputs go (default: out)\n"
    "  --emblem IMAGE     the letterhead image (PNG or SVG) instead of the placeholder\n"
    "  --templates DIR    read document types from DIR instead of the default\n"
    "  --max-rebuilds N   stop after N rebuilds (the first build does not count)\n"
    "  --timeout SECONDS  stop after SECONDS; with --max-rebuilds, an error if fewer\n"
    "                     rebuilds happened by then\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 stopped, the last build of every document good; 1 the last build\n"
    "of a document was invalid; 2 usage or I/O error, or --timeout reached before\n"
    "--max-rebuilds\n";

/* How long events are gathered before a rebuild starts. */
#define SETTLE_MS 20

typedef struct {
    char *src, *dir, *pdf, *html;
    int status;         /* of its last build */
    gboolean dirty;
} wdoc;

typedef struct {
    GMainLoop *loop;
    GPtrArray *docs;        /* wdoc* */
    GPtrArray *monitors;    /* GFileMonitor* */
    GHashTable *src_dirs;   /* folders of sources watched (set of paths) */
    const char *outdir;
    char *templates;
    cg_render_options ro;
    gboolean templates_dirty;
    guint settle_id;
    int rebuilds, max_rebuilds;
    gboolean timed_out;
} watcher;

static void wdoc_free(gpointer p)
{
    wdoc *w = p;
    g_free(w->src); g_free(w->dir); g_free(w->pdf); g_free(w->html);
    g_free(w);
}

/* Is this file a circgen source document? (its root element's namespace) */
static gboolean is_source(const char *path)
{
    char buf[4096];
    FILE *f = fopen(path, "rb");
    if (!f)
        return FALSE;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return strstr(buf, "\"" CG_NS_PREFIX) && !strstr(buf, "\"" CG_NS_PREFIX "strings\"");
}

static wdoc *add_doc(watcher *w, const char *src)
{
    for (guint i = 0; i < w->docs->len; i++) {
        wdoc *d = w->docs->pdata[i];
        if (!strcmp(d->src, src))
            return d;
    }
    wdoc *d = g_new0(wdoc, 1);
    d->src = g_strdup(src);
    char *parent = g_path_get_dirname(src);
    char *docname = g_path_get_basename(parent);
    char *base = g_path_get_basename(src);
    char *stem = g_strndup(base, strcspn(base, "."));
    d->dir = g_build_filename(w->outdir, docname, NULL);
    d->pdf = g_strdup_printf("%s/%s.pdf", d->dir, stem);
    d->html = g_strdup_printf("%s/%s.html", d->dir, stem);
    g_free(parent); g_free(docname); g_free(base); g_free(stem);
    g_ptr_array_add(w->docs, d);
    return d;
}

/* ---- building ------------------------------------------------------------- */

static double seconds_since(gint64 t0)
{
    return (double)(g_get_monotonic_time() - t0) / 1e6;
}

static void build_doc(watcher *w, wdoc *d)
{
    gint64 t0 = g_get_monotonic_time();
    cg_diags *diags = cg_diags_new();
    int s;
    xmlDocPtr doc = cg_source_load(d->src, &s, diags);
    gboolean pdf_done = FALSE;
    int pages = 0;
    if (doc) {
        if (g_mkdir_with_parents(d->dir, 0777) != 0) {
            cg_diag_add(diags, CG_ERROR, d->dir, 0, 0, "cannot create the folder: %s", g_strerror(errno));
            s = CG_EXIT_ERROR;
        } else {
            cg_render_options ro = w->ro;
            s = cg_render_pdf(doc, d->pdf, &ro, diags);
            pdf_done = s == CG_EXIT_OK;
            if (pdf_done) {
                pages = ro.pages;
                s = cg_render_html(doc, d->html, diags);
            }
        }
        cg_xml_free(doc);
    }
    cg_diags_print(diags, stderr);
    fflush(stderr);
    double secs = seconds_since(t0);
    if (s == CG_EXIT_OK)
        printf("circgen watch: %s: %s (%d page%s) and %s in %.3f s\n", d->src, d->pdf, pages,
               pages == 1 ? "" : "s", d->html, secs);
    else if (pdf_done)
        printf("circgen watch: %s: %s made, the HTML failed; the last good %s is kept (%.3f s)\n",
               d->src, d->pdf, d->html, secs);
    else
        printf("circgen watch: %s: %d error%s; the last good outputs are kept (%.3f s)\n", d->src,
               diags->errors, diags->errors == 1 ? "" : "s", secs);
    fflush(stdout);
    cg_diags_free(diags);
    d->status = s;
    d->dirty = FALSE;
}

/* The templates changed: forget every compiled stylesheet and schema. */
static void reload_templates(watcher *w)
{
    cg_doctype_cleanup();   /* also forgets the templates directory: set it again */
    cg_set_templates_dir(w->templates);
    for (guint i = 0; i < w->docs->len; i++)
        ((wdoc *)w->docs->pdata[i])->dirty = TRUE;
    w->templates_dirty = FALSE;
}

static gboolean rebuild(gpointer data)
{
    watcher *w = data;
    w->settle_id = 0;
    gint64 t0 = g_get_monotonic_time();
    if (w->templates_dirty) {
        printf("circgen watch: the templates changed\n");
        reload_templates(w);
    }
    int n = 0;
    for (guint i = 0; i < w->docs->len; i++) {
        wdoc *d = w->docs->pdata[i];
        if (d->dirty) {
            build_doc(w, d);
            n++;
        }
    }
    w->rebuilds++;
    if (n > 1)
        printf("circgen watch: rebuild %d: %d documents in %.3f s\n", w->rebuilds, n, seconds_since(t0));
    fflush(stdout);
    if (w->max_rebuilds > 0 && w->rebuilds >= w->max_rebuilds)
        g_main_loop_quit(w->loop);
    return G_SOURCE_REMOVE;
}

static void schedule(watcher *w)
{
    if (w->settle_id)
        g_source_remove(w->settle_id);
    w->settle_id = g_timeout_add(SETTLE_MS, rebuild, w);
}

/* ---- watching ------------------------------------------------------------- */

/* Editors' temporary and backup files, and circgen's own temporaries, are not inputs. */
static gboolean ignored(GFile *f)
{
    if (!f)
        return TRUE;
    char *base = g_file_get_basename(f);
    gboolean skip = !base || base[0] == '.' || base[0] == '#' || g_str_has_suffix(base, "~") ||
                    g_str_has_suffix(base, ".swp");
    g_free(base);
    return skip;
}

/* A file is complete when it is closed (CHANGES_DONE_HINT) or renamed into place;
 * CREATED and CHANGED come while it is being written, so they are not acted on. */
static gboolean relevant(GFileMonitorEvent ev)
{
    return ev == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || ev == G_FILE_MONITOR_EVENT_DELETED ||
           ev == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || ev == G_FILE_MONITOR_EVENT_MOVED_IN ||
           ev == G_FILE_MONITOR_EVENT_MOVED_OUT || ev == G_FILE_MONITOR_EVENT_RENAMED;
}

static void on_template_event(GFileMonitor *m G_GNUC_UNUSED, GFile *f, GFile *other,
                              GFileMonitorEvent ev, gpointer data)
{
    watcher *w = data;
    if (!relevant(ev) || (ignored(f) && ignored(other)))
        return;
    w->templates_dirty = TRUE;
    schedule(w);
}

/* A source folder's file: a known source, or (in a watched DIR) a new one. */
static void source_touched(watcher *w, GFile *f)
{
    if (ignored(f))
        return;
    char *path = g_file_get_path(f);
    if (!path || !g_str_has_suffix(path, ".xml")) {
        g_free(path);
        return;
    }
    for (guint i = 0; i < w->docs->len; i++) {
        wdoc *d = w->docs->pdata[i];
        char *p = g_canonicalize_filename(d->src, NULL);
        if (!strcmp(p, path)) {
            d->dirty = TRUE;
            schedule(w);
        }
        g_free(p);
    }
    char *dir = g_path_get_dirname(path);
    if (g_hash_table_contains(w->src_dirs, dir) && g_file_test(path, G_FILE_TEST_IS_REGULAR) &&
        is_source(path)) {
        wdoc *d = add_doc(w, path);
        if (!d->dirty) {
            d->dirty = TRUE;
            schedule(w);
        }
    }
    g_free(dir);
    g_free(path);
}

static void on_source_event(GFileMonitor *m G_GNUC_UNUSED, GFile *f, GFile *other,
                            GFileMonitorEvent ev, gpointer data)
{
    if (!relevant(ev))
        return;
    source_touched(data, f);
    if (other)
        source_touched(data, other);
}

static gboolean monitor_dir(watcher *w, const char *dir, GCallback cb)
{
    GFile *f = g_file_new_for_path(dir);
    GError *err = NULL;
    GFileMonitor *m = g_file_monitor_directory(f, G_FILE_MONITOR_WATCH_MOVES, NULL, &err);
    g_object_unref(f);
    if (!m) {
        fprintf(stderr, "circgen watch: %s: cannot watch: %s\n", dir, err->message);
        g_error_free(err);
        return FALSE;
    }
    g_signal_connect(m, "changed", cb, w);
    g_ptr_array_add(w->monitors, m);
    return TRUE;
}

/* Watch dir and every folder under it; with sources, also collect the sources. */
static gboolean watch_tree(watcher *w, const char *dir, gboolean sources)
{
    if (!monitor_dir(w, dir, sources ? G_CALLBACK(on_source_event) : G_CALLBACK(on_template_event)))
        return FALSE;
    if (sources)
        g_hash_table_add(w->src_dirs, g_canonicalize_filename(dir, NULL));
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return FALSE;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (name[0] != '.')
            g_ptr_array_add(names, g_build_filename(dir, name, NULL));
    g_dir_close(d);
    g_ptr_array_sort(names, (GCompareFunc)(void *)g_strcmp0);
    gboolean ok = TRUE;
    for (guint i = 0; i < names->len && ok; i++) {
        const char *p = names->pdata[i];
        if (g_file_test(p, G_FILE_TEST_IS_DIR))
            ok = watch_tree(w, p, sources);
        else if (sources && g_str_has_suffix(p, ".xml") && is_source(p))
            add_doc(w, p);
    }
    g_ptr_array_free(names, TRUE);
    return ok;
}

static gboolean on_signal(gpointer data)
{
    watcher *w = data;
    g_main_loop_quit(w->loop);
    return G_SOURCE_CONTINUE;
}

static gboolean on_timeout(gpointer data)
{
    watcher *w = data;
    w->timed_out = TRUE;
    g_main_loop_quit(w->loop);
    return G_SOURCE_REMOVE;
}

/* ---- the command ---------------------------------------------------------- */

typedef struct {
    const char *target, *outdir;
    int max_rebuilds;
    double timeout;
} watch_args;

static int parse_args(int argc, char **argv, watch_args *a, watcher *w)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        char *end = NULL;
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            fputs(cmd_watch_usage, stdout);
            return -1;
        } else if (!strcmp(s, "-o") && i + 1 < argc) {
            a->outdir = argv[++i];
        } else if (!strcmp(s, "--emblem") && i + 1 < argc) {
            w->ro.emblem = argv[++i];
        } else if (!strcmp(s, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (!strcmp(s, "--max-rebuilds") && i + 1 < argc) {
            a->max_rebuilds = (int)strtol(argv[++i], &end, 10);
            if (*end || a->max_rebuilds < 1)
                goto bad;
        } else if (!strcmp(s, "--timeout") && i + 1 < argc) {
            a->timeout = g_ascii_strtod(argv[++i], &end);
            if (*end || !(a->timeout > 0))
                goto bad;
        } else if ((s[0] == '-' && s[1]) || a->target) {
            fprintf(stderr, "circgen watch: %s '%s'\n%s", a->target && s[0] != '-' ? "one FILE or DIR only, not"
                    : "unknown option", s, cmd_watch_usage);
            return CG_EXIT_ERROR;
        } else {
            a->target = s;
        }
        continue;
    bad:
        fprintf(stderr, "circgen watch: %s needs a positive number, not '%s'\n", s, argv[i]);
        return CG_EXIT_ERROR;
    }
    if (!a->target) {
        fprintf(stderr, "circgen watch: no FILE or DIR to watch\n%s", cmd_watch_usage);
        return CG_EXIT_ERROR;
    }
    return 0;
}

/* Set up the monitors and the documents; 0, or an exit status. */
static int setup(watcher *w, const char *target)
{
    if (g_file_test(target, G_FILE_TEST_IS_DIR)) {
        if (!watch_tree(w, target, TRUE))
            return CG_EXIT_ERROR;
        if (w->docs->len == 0) {
            fprintf(stderr, "circgen watch: %s: no source documents found\n", target);
            return CG_EXIT_ERROR;
        }
    } else if (g_file_test(target, G_FILE_TEST_IS_REGULAR)) {
        char *dir = g_path_get_dirname(target);
        gboolean ok = monitor_dir(w, dir, G_CALLBACK(on_source_event));
        g_free(dir);
        if (!ok)
            return CG_EXIT_ERROR;
        add_doc(w, target);
    } else {
        fprintf(stderr, "circgen watch: %s: no such file or folder\n", target);
        return CG_EXIT_ERROR;
    }
    if (!g_file_test(w->templates, G_FILE_TEST_IS_DIR)) {
        fprintf(stderr, "circgen watch: %s: no templates folder\n", w->templates);
        return CG_EXIT_ERROR;
    }
    return watch_tree(w, w->templates, FALSE) ? 0 : CG_EXIT_ERROR;
}

static int run(watcher *w, const watch_args *a)
{
    int rc = setup(w, a->target);
    if (rc)
        return rc;
    for (guint i = 0; i < w->docs->len; i++)
        build_doc(w, w->docs->pdata[i]);
    printf("circgen watch: watching %u document%s and the templates in %s; stop with Ctrl-C\n",
           w->docs->len, w->docs->len == 1 ? "" : "s", w->templates);
    fflush(stdout);
    g_unix_signal_add(SIGINT, on_signal, w);
    g_unix_signal_add(SIGTERM, on_signal, w);
    if (a->timeout > 0)
        g_timeout_add((guint)(a->timeout * 1000), on_timeout, w);
    g_main_loop_run(w->loop);
    for (guint i = 0; i < w->docs->len; i++) {
        int s = ((wdoc *)w->docs->pdata[i])->status;
        rc = s > rc ? s : rc;
    }
    if (w->timed_out && w->max_rebuilds > 0 && w->rebuilds < w->max_rebuilds) {
        fprintf(stderr, "circgen watch: timed out after %g s with %d of %d rebuilds\n", a->timeout,
                w->rebuilds, w->max_rebuilds);
        rc = CG_EXIT_ERROR;
    }
    printf("circgen watch: stopped after %d rebuild%s\n", w->rebuilds, w->rebuilds == 1 ? "" : "s");
    return rc;
}

int cmd_watch(int argc, char **argv)
{
    watcher w = { 0 };
    watch_args a = { .outdir = "out" };
    int rc = parse_args(argc, argv, &a, &w);
    if (rc)
        return rc < 0 ? CG_EXIT_OK : rc;
    w.outdir = a.outdir;
    w.max_rebuilds = a.max_rebuilds;
    w.templates = g_strdup(cg_templates_dir());
    w.docs = g_ptr_array_new_with_free_func(wdoc_free);
    w.monitors = g_ptr_array_new_with_free_func(g_object_unref);
    w.src_dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    w.loop = g_main_loop_new(NULL, FALSE);
    rc = run(&w, &a);
    g_main_loop_unref(w.loop);
    g_ptr_array_free(w.monitors, TRUE);
    g_ptr_array_free(w.docs, TRUE);
    g_hash_table_destroy(w.src_dirs);
    g_free(w.templates);
    return rc;
}
