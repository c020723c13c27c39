/* cmd_build.c — `circgen build DIR|FILE... [-o OUTDIR] [-j N]`: every output (PDF and
 * HTML) of every source document found, in parallel worker processes, skipping
 * documents whose outputs are up to date, going on past a failing one.
 *
 * Up to date means: the manifest OUTDIR/.circgen-build records, for the document's
 * outputs, the content hash of everything they are made from: the source, every file
 * of the templates folder, the font configuration and every font file it lists, the
 * emblem and circgen's own program. Font and program files are hashed once and their
 * hashes cached in the manifest by size, time and inode (as git's index does), so a
 * second build reads no font file.
 *
 * Parallelism: fork()ed workers, each a fresh circgen that loads its fonts and
 * compiles its stylesheets once and then renders the documents the parent hands it
 * over a pipe, one at a time (so a long document does not hold up a queue). Workers
 * are forked before the parent touches Pango or libxslt, so no library state or
 * thread is shared. A worker that dies takes only its current document with it. */
#include "commands.h"
#include "base/base.h"
#include "doc/doc.h"
#include "fo/fo.h"
#include "version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>

const char cmd_build_usage[] =
    "usage: circgen build [-o OUTDIR] [-j N] [--force] [--emblem IMAGE] [--templates DIR]\n"
    "                     [--no-form] [--attach-source] [--pdfa] [--parallel A,B] DIR|FILE...\n"
    "\n"
    "Make the PDF and the HTML page of every source document: the FILEs named, and\n"
    "every *.xml file under each DIR whose root element is in a circgen document\n"
    "namespace. The outputs of DOC/LANG.xml go to OUTDIR/DOC/LANG.pdf and .html\n"
    "(DOC: the name of the source's real folder). A file or folder reached by more\n"
    "than one path (symbolic or hard links) is built once; two sources that would\n"
    "write the same outputs are an error, and neither is built.\n"
    "Documents are rendered N at a time. A document whose outputs exist and were\n"
    "made from the same content (source, templates, fonts, emblem, circgen itself:\n"
    "content hashes recorded in OUTDIR/.circgen-build) is not rendered again.\n"
    "A failing document is reported and the build goes on; the summary counts\n"
    "documents, pages and failures. On a terminal a progress line shows the work.\n"
    "\n"
    "options:\n"
    "  -o OUTDIR        where outputs go (default: out)\n"
    "  -j N, --jobs=N   render N documents at a time (default: the number of cores)\n"
    "  --force          render every document, up to date or not\n"
    "  --emblem IMAGE   the letterhead image (PNG or SVG) instead of the placeholder\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  --no-form, --attach-source, --pdfa\n"
    "                   for the PDFs, as in 'circgen pdf' (part of the content hash)\n"
    "  --parallel A,B   also the parallel edition of each document with both language\n"
    "                   versions: OUTDIR/DOC/A+B.pdf and .html (made on every run)\n"
    "  -q, --quiet      no summary\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 every document built, 1 a document is invalid, 2 usage or I/O error\n";

/* Is this file a circgen source document? Only the root element is looked at. */
static gboolean is_source(const char *path)
{
    char buf[4096];
    FILE *f = fopen(path, "rb");
    if (!f)
        return FALSE;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* The document namespace is declared on the root; string catalogs are not sources. */
    return strstr(buf, "\"" CG_NS_PREFIX) && !strstr(buf, "\"" CG_NS_PREFIX "strings\"");
}

static int cmp_path(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A source found by the walk: its real path (the document's name in OUTDIR comes from
 * the real folder), and the same relative to the current folder for messages. */
typedef struct {
    char *path, *real;
} source;

static void source_free(gpointer p)
{
    source *s = p;
    g_free(s->path);
    g_free(s->real);
    g_free(s);
}

static int cmp_source(gconstpointer a, gconstpointer b)
{
    return strcmp((*(source *const *)a)->path, (*(source *const *)b)->path);
}

/* The walk: every folder and file is seen once, by device and inode, however many
 * paths (symbolic links back to a parent, links to a sibling, hard links) reach it. */
typedef struct {
    GPtrArray *out;             /* source* */
    GHashTable *seen;           /* "dev:ino" of the folders and files visited */
    cg_diags *d;
    char *cwd;                  /* the real path of the current folder */
} walk;

/* TRUE the first time the object at st is met. */
static gboolean first_visit(walk *w, const GStatBuf *st)
{
    char *key = g_strdup_printf("%llx:%llx", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
    if (g_hash_table_contains(w->seen, key)) {
        g_free(key);
        return FALSE;
    }
    g_hash_table_add(w->seen, key);
    return TRUE;
}

/* The real path of path: that of its folder (known) and its name, unless it is a
 * link or its folder is not known; NULL if it cannot be resolved. */
static char *real_of(const char *path, const char *real_dir, gboolean link)
{
    if (real_dir && !link) {
        char *base = g_path_get_basename(path);
        char *r = g_build_filename(real_dir, base, NULL);
        g_free(base);
        return r;
    }
    char *r = realpath(path, NULL);
    char *g = g_strdup(r);
    free(r);
    return g;
}

static void add_source(walk *w, const char *real)
{
    source *s = g_new(source, 1);
    size_t n = w->cwd ? strlen(w->cwd) : 0;
    /* Named by its real path, relative to the current folder when under it. */
    s->path = g_strdup(n && !strncmp(real, w->cwd, n) && real[n] == '/' ? real + n + 1 : real);
    s->real = g_strdup(real);
    g_ptr_array_add(w->out, s);
}

/* path: named on the command line (real_dir NULL), or an entry of a folder whose real
 * path is real_dir: a folder is walked, a file is a source if named or if it is an
 * .xml file in a circgen namespace. One lstat a file; realpath only for links. */
static void collect(walk *w, const char *path, const char *real_dir)
{
    GStatBuf st;
    gboolean named = real_dir == NULL, link = FALSE;
    if (g_lstat(path, &st) != 0)
        st.st_mode = 0;
    else if (S_ISLNK(st.st_mode)) {
        link = TRUE;
        if (g_stat(path, &st) != 0)
            st.st_mode = 0;
    }
    if (S_ISREG(st.st_mode)) {
        if (!named && (!g_str_has_suffix(path, ".xml") || !is_source(path)))
            return;
        char *real = first_visit(w, &st) ? real_of(path, real_dir, link) : NULL;
        if (real)
            add_source(w, real);
        g_free(real);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (named)
            cg_diag_add(w->d, CG_ERROR, path, 0, 0, "no such file or folder");
        return;
    }
    if (!first_visit(w, &st))
        return;
    GDir *dir = g_dir_open(path, 0, NULL);
    char *real = dir ? real_of(path, real_dir, link) : NULL;
    if (!real) {
        cg_diag_add(w->d, CG_ERROR, path, 0, 0, "cannot read the folder");
        if (dir)
            g_dir_close(dir);
        return;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(dir)))
        if (name[0] != '.')
            g_ptr_array_add(names, g_build_filename(path, name, NULL));
    g_dir_close(dir);
    /* Sorted (by name, not by the pointers' bytes), so that the first of two paths
     * to one file is always the same. */
    g_ptr_array_sort(names, cmp_path);
    for (guint i = 0; i < names->len; i++)
        collect(w, names->pdata[i], real);
    g_ptr_array_free(names, TRUE);
    g_free(real);
}


/* ---- content hashes and the manifest ------------------------------------ */

#define MANIFEST ".circgen-build"

typedef struct {
    GHashTable *docs;           /* key (DOC/LANG) -> "hash pages" */
    GHashTable *files;          /* path -> "size mtime ino hash" (hash cache) */
} manifest;

static void manifest_load(manifest *m, const char *outdir)
{
    m->docs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    m->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    char *path = g_build_filename(outdir, MANIFEST, NULL);
    char *text = NULL;
    if (g_file_get_contents(path, &text, NULL, NULL) && g_str_has_prefix(text, "circgen-build 1\n")) {
        char **lines = g_strsplit(text, "\n", -1);
        for (char **l = lines + 1; *l; l++) {
            /* doc HASH PAGES KEY / file SIZE MTIME INO HASH PATH */
            char **f = g_strsplit(*l, " ", 6);
            guint n = g_strv_length(f);
            if (n == 4 && !strcmp(f[0], "doc"))
                g_hash_table_replace(m->docs, g_strdup(f[3]), g_strdup_printf("%s %s", f[1], f[2]));
            else if (n == 6 && !strcmp(f[0], "file"))
                g_hash_table_replace(m->files, g_strdup(f[5]),
                                     g_strdup_printf("%s %s %s %s", f[1], f[2], f[3], f[4]));
            g_strfreev(f);
        }
        g_strfreev(lines);
    }
    g_free(text);
    g_free(path);
}

static void manifest_save(manifest *m, const char *outdir, GHashTable *used_files)
{
    GString *o = g_string_new("circgen-build 1\n");
    GList *keys = g_list_sort(g_hash_table_get_keys(m->files), (GCompareFunc)(void *)strcmp);
    for (GList *k = keys; k; k = k->next)
        if (g_hash_table_contains(used_files, k->data))
            g_string_append_printf(o, "file %s %s\n", (char *)g_hash_table_lookup(m->files, k->data),
                                   (char *)k->data);
    g_list_free(keys);
    keys = g_list_sort(g_hash_table_get_keys(m->docs), (GCompareFunc)(void *)strcmp);
    for (GList *k = keys; k; k = k->next)
        if (!strchr(k->data, ' ') && !strchr(k->data, '\n'))
            g_string_append_printf(o, "doc %s %s\n", (char *)g_hash_table_lookup(m->docs, k->data),
                                   (char *)k->data);
    g_list_free(keys);
    char *path = g_build_filename(outdir, MANIFEST, NULL);
    cg_diags *d = cg_diags_new();
    if (g_mkdir_with_parents(outdir, 0777) == 0)
        cg_write_file(path, o->str, o->len, d);
    cg_diags_print(d, stderr);
    cg_diags_free(d);
    g_free(path);
    g_string_free(o, TRUE);
}

/* Add a file's content hash to ck, from the cache when its size, time and inode
 * have not changed. The label (the path, or its name inside the templates folder)
 * goes into the hash too. */
static void hash_file(GChecksum *ck, const char *path, const char *label, manifest *m, GHashTable *used,
                      gboolean cache)
{
    g_checksum_update(ck, (const guchar *)label, (gssize)strlen(label) + 1);
    GStatBuf st;
    if (g_stat(path, &st) != 0) {
        g_checksum_update(ck, (const guchar *)"-", 1);
        return;
    }
    char *stamp = g_strdup_printf("%lld %lld.%09ld %llu", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                                  (long)st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
    const char *cached = cache ? g_hash_table_lookup(m->files, path) : NULL;
    size_t sl = strlen(stamp);
    if (cached && !strncmp(cached, stamp, sl) && cached[sl] == ' ') {
        g_checksum_update(ck, (const guchar *)cached + sl + 1, -1);
        g_hash_table_add(used, g_strdup(path));
        g_free(stamp);
        return;
    }
    GChecksum *fc = g_checksum_new(G_CHECKSUM_SHA256);
    FILE *f = fopen(path, "rb");
    if (f) {
        guchar buf[1 << 16];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            g_checksum_update(fc, buf, n);
        fclose(f);
    }
    const char *h = g_checksum_get_string(fc);
    g_checksum_update(ck, (const guchar *)h, -1);
    /* A file changed in the last seconds could change again within the same time stamp:
     * its hash is not cached (as git treats "racily clean" entries). */
    if (cache && st.st_mtim.tv_sec < (gint64)time(NULL) - 2) {
        g_hash_table_replace(m->files, g_strdup(path), g_strdup_printf("%s %s", stamp, h));
        g_hash_table_add(used, g_strdup(path));
    }
    g_checksum_free(fc);
    g_free(stamp);
}

static void hash_tree(GChecksum *ck, const char *dir, const char *top, manifest *m, GHashTable *used)
{
    GDir *gd = g_dir_open(dir, 0, NULL);
    if (!gd)
        return;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(gd)))
        g_ptr_array_add(names, g_build_filename(dir, name, NULL));
    g_dir_close(gd);
    g_ptr_array_sort(names, cmp_path);
    for (guint i = 0; i < names->len; i++) {
        const char *p = names->pdata[i];
        if (g_file_test(p, G_FILE_TEST_IS_DIR))
            hash_tree(ck, p, top, m, used);
        else
            hash_file(ck, p, p + strlen(top), m, used, FALSE);
    }
    g_ptr_array_free(names, TRUE);
}

/* The hash of everything but the source that outputs are made from. Fontconfig
 * alone (no Pango) lists the font files, so forking workers later is safe. */
static char *inputs_hash(const char *emblem, const cg_render_options *ro, manifest *m, GHashTable *used)
{
    GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(ck, (const guchar *)CIRCGEN_VERSION, -1);
    char *pdf_opts = g_strconcat(ro->no_form ? "no-form " : "", ro->attach_source ? "attach-source " : "",
                                 ro->pdfa ? "pdfa" : "", NULL);   /* "" (no change) without them */
    g_checksum_update(ck, (const guchar *)pdf_opts, -1);
    g_free(pdf_opts);
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe)
        hash_file(ck, exe, "circgen", m, used, TRUE);
    g_free(exe);
    hash_tree(ck, cg_templates_dir(), cg_templates_dir(), m, used);
    const char *conf = cg_fo_fonts_conf_path();
    hash_file(ck, conf, "fonts.conf", m, used, FALSE);
    FcConfig *cfg = FcConfigCreate();
    if (FcConfigParseAndLoad(cfg, (const FcChar8 *)conf, FcTrue) && FcConfigBuildFonts(cfg)) {
        FcFontSet *fs = FcConfigGetFonts(cfg, FcSetSystem);
        GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
        GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
        for (int i = 0; fs && i < fs->nfont; i++) {
            FcChar8 *file;
            if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
                !g_hash_table_contains(seen, file)) {
                char *c = g_strdup((const char *)file);
                g_hash_table_add(seen, c);
                g_ptr_array_add(files, c);
            }
        }
        g_ptr_array_sort(files, cmp_path);
        for (guint i = 0; i < files->len; i++)
            hash_file(ck, files->pdata[i], files->pdata[i], m, used, TRUE);
        g_hash_table_destroy(seen);
        g_ptr_array_free(files, TRUE);
    }
    FcConfigDestroy(cfg);
    if (emblem)
        hash_file(ck, emblem, "emblem", m, used, FALSE);
    char *h = g_strdup(g_checksum_get_string(ck));
    g_checksum_free(ck);
    return h;
}

/* ---- one document -------------------------------------------------------- */

typedef struct {
    char *file, *dir, *pdf, *html, *key;
    char *hash;                 /* inputs + source; NULL if the source is unreadable */
    gboolean skip;              /* up to date */
    int status, pages, outputs;
    gboolean done;
} job;

static void job_free(gpointer p)
{
    job *j = p;
    g_free(j->file); g_free(j->dir); g_free(j->pdf); g_free(j->html); g_free(j->key); g_free(j->hash);
    g_free(j);
}

/* The job of a source: its outputs are named after the real folder and file, and its
 * hash is that of the other inputs and the source's content (from the manifest's cache
 * when the file's size, time and inode are those recorded). */
static job *job_new(const source *src, const char *outdir, const char *inputs, manifest *m, GHashTable *used)
{
    job *j = g_new0(job, 1);
    j->file = g_strdup(src->path);
    char *parent = g_path_get_dirname(src->real);
    char *docname = g_path_get_basename(parent);
    char *base = g_path_get_basename(src->real);
    char *stem = g_strndup(base, strcspn(base, "."));
    j->dir = g_build_filename(outdir, docname, NULL);
    j->pdf = g_strdup_printf("%s/%s.pdf", j->dir, stem);
    j->html = g_strdup_printf("%s/%s.html", j->dir, stem);
    j->key = g_strdup_printf("%s/%s", docname, stem);
    if (access(src->real, R_OK) == 0) {      /* a regular file: the walk saw it */
        GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
        g_checksum_update(ck, (const guchar *)inputs, -1);
        hash_file(ck, src->real, "source", m, used, TRUE);
        j->hash = g_strdup(g_checksum_get_string(ck));
        g_checksum_free(ck);
    }
    g_free(parent); g_free(docname); g_free(base); g_free(stem);
    return j;
}

static void run_job(job *j, const cg_render_options *ro0, cg_diags *d)
{
    cg_render_options ro = *ro0;
    int s;
    j->pages = j->outputs = 0;
    xmlDocPtr doc = cg_source_load(j->file, &s, d);
    if (doc) {
        if (g_mkdir_with_parents(j->dir, 0777) != 0) {
            cg_diag_add(d, CG_ERROR, j->dir, 0, 0, "cannot create the folder: %s", g_strerror(errno));
            s = CG_EXIT_ERROR;
        } else {
            ro.pages = 0;
            s = cg_render_pdf(doc, j->pdf, &ro, d);
            if (s == CG_EXIT_OK) {
                j->pages = ro.pages;
                j->outputs++;
                s = cg_render_html(doc, j->html, d);
                if (s == CG_EXIT_OK)
                    j->outputs++;
            }
        }
        cg_xml_free(doc);
    }
    j->status = s;
}

/* ---- worker processes ----------------------------------------------------- */

typedef struct {
    gint32 index, status, pages, outputs;
    guint32 diag_len;
} result_msg;

typedef struct {
    pid_t pid;
    int task_fd, result_fd;
    int current;                /* job index in progress, or -1 */
} worker;

static gboolean write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        p += n;
        len -= (size_t)n;
    }
    return TRUE;
}

static gboolean read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        p += n;
        len -= (size_t)n;
    }
    return TRUE;
}

static G_GNUC_NORETURN void worker_main(int task_fd, int result_fd, GPtrArray *jobs, const cg_render_options *ro)
{
    gint32 index;
    while (read_all(task_fd, &index, sizeof index)) {
        job *j = jobs->pdata[index];
        cg_diags *d = cg_diags_new();
        run_job(j, ro, d);
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (f) {
            cg_diags_print(d, f);
            fclose(f);
        }
        cg_diags_free(d);
        result_msg r = { index, j->status, j->pages, j->outputs, (guint32)len };
        gboolean ok = write_all(result_fd, &r, sizeof r) && (!len || write_all(result_fd, text, len));
        free(text);
        if (!ok)
            break;
    }
    fflush(NULL);
    _exit(0);
}

static gboolean spawn(worker *w, GPtrArray *jobs, const cg_render_options *ro, worker *all, int nw)
{
    int tp[2], rp[2];
    if (pipe(tp) != 0)
        return FALSE;
    if (pipe(rp) != 0) {
        close(tp[0]); close(tp[1]);
        return FALSE;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(tp[0]); close(tp[1]); close(rp[0]); close(rp[1]);
        return FALSE;
    }
    if (pid == 0) {
        close(tp[1]);
        close(rp[0]);
        for (int k = 0; k < nw; k++)       /* the other workers' pipes */
            if (&all[k] != w && all[k].pid > 0) {
                close(all[k].task_fd);
                close(all[k].result_fd);
            }
        worker_main(tp[0], rp[1], jobs, ro);
    }
    close(tp[0]);
    close(rp[1]);
    w->pid = pid;
    w->task_fd = tp[1];
    w->result_fd = rp[0];
    w->current = -1;
    return TRUE;
}

static void worker_stop(worker *w)
{
    if (w->pid <= 0)
        return;
    if (w->task_fd >= 0)
        close(w->task_fd);
    close(w->result_fd);
    int st;
    while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    w->task_fd = w->result_fd = -1;
}

/* ---- the command ------------------------------------------------------------ */

typedef struct {
    gboolean tty;
    guint finished, total;
    int pages, outputs, failed, built;
} progress;

static void report(progress *pg, job *j, const char *diags)
{
    pg->finished++;
    if (pg->tty)
        fprintf(stderr, "\r\033[K");
    if (diags && *diags)
        fputs(diags, stderr);
    if (j->status != CG_EXIT_OK)
        pg->failed++;
    else
        pg->built++;
    pg->pages += j->pages;
    pg->outputs += j->outputs;
    if (pg->tty) {
        fprintf(stderr, "[%u/%u] %s", pg->finished, pg->total, j->file);
        fflush(stderr);
    }
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* The command line of build. */
typedef struct {
    const char *outdir;
    int quiet, njobs;
    gboolean force;
    cg_render_options ro;
    GPtrArray *args;            /* the DIRs and FILEs, borrowed from argv */
    const char *parallel;       /* --parallel A,B, or NULL */
} build_opts;

/* A -j value: a number of jobs from 1 to 1024; FALSE (after the message) otherwise. */
static gboolean parse_jobs(const char *jv, int *njobs)
{
    char *end;
    long v = strtol(jv, &end, 10);
    if (*end || v < 1 || v > 1024) {
        fprintf(stderr, "circgen build: -j wants a number of jobs from 1 to 1024, not '%s'\n", jv);
        return FALSE;
    }
    *njobs = (int)v;
    return TRUE;
}

/* The options and inputs; FALSE with the exit status in *status for --help and usage errors. */
static gboolean parse_args(int argc, char **argv, build_opts *o, int *status)
{
    o->outdir = "out";
    o->quiet = 0;
    o->njobs = default_jobs();
    o->force = FALSE;
    memset(&o->ro, 0, sizeof o->ro);
    o->args = g_ptr_array_new();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *jv = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_build_usage, stdout);
            g_ptr_array_free(o->args, TRUE);
            *status = CG_EXIT_OK;
            return FALSE;
        } else if (!strcmp(a, "-o") && i + 1 < argc) {
            o->outdir = argv[++i];
        } else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs")) && i + 1 < argc) {
            jv = argv[++i];
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            jv = a + 2;
        } else if (!strncmp(a, "--jobs=", 7)) {
            jv = a + 7;
        } else if (!strcmp(a, "--force")) {
            o->force = TRUE;
        } else if (!strcmp(a, "--emblem") && i + 1 < argc) {
            o->ro.emblem = argv[++i];
        } else if (!strcmp(a, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (!strcmp(a, "--parallel") && i + 1 < argc) {
            o->parallel = argv[++i];
        } else if (!strcmp(a, "--no-form") || !strcmp(a, "--attach-source") || !strcmp(a, "--pdfa")) {
            *(a[2] == 'n' ? &o->ro.no_form : a[2] == 'a' ? &o->ro.attach_source : &o->ro.pdfa) = TRUE;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen build: unknown option '%s'\n%s", a, cmd_build_usage);
            g_ptr_array_free(o->args, TRUE);
            *status = CG_EXIT_ERROR;
            return FALSE;
        } else {
            g_ptr_array_add(o->args, argv[i]);
        }
        if (jv && !parse_jobs(jv, &o->njobs)) {
            g_ptr_array_free(o->args, TRUE);
            *status = CG_EXIT_ERROR;
            return FALSE;
        }
    }
    if (o->args->len == 0) {
        fprintf(stderr, "circgen build: no input\n%s", cmd_build_usage);
        g_ptr_array_free(o->args, TRUE);
        *status = CG_EXIT_ERROR;
        return FALSE;
    }
    return TRUE;
}

/* Two sources whose outputs would have the same path: an error naming both; neither
 * is built. The number of sources in such a clash. */
static int find_clashes(GPtrArray *jobs, const char *outdir, cg_diags *d)
{
    int n = 0;
    GHashTable *first = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < jobs->len; i++) {
        job *j = jobs->pdata[i];
        job *o = g_hash_table_lookup(first, j->key);
        if (!o) {
            g_hash_table_insert(first, j->key, j);
            continue;
        }
        cg_diag_add(d, CG_ERROR, j->file, 0, 0, "its outputs %s/%s.{pdf,html} would replace those of %s",
                    outdir, j->key, o->file);
        n += o->status == CG_EXIT_OK ? 2 : 1;
        o->status = j->status = CG_EXIT_ERROR;
        o->done = j->done = TRUE;
    }
    g_hash_table_destroy(first);
    return n;
}

/* What is up to date: a job for every source in jobs, the indexes of those to build in todo;
 * the number up to date. Sources that clash are counted in *clashes and not built. */
static int plan_jobs(GPtrArray *files, const char *outdir, const char *inputs, manifest *m, GHashTable *used,
                     gboolean force, GPtrArray *jobs, GArray *todo, int *clashes, cg_diags *d)
{
    int skipped = 0;
    for (guint i = 0; i < files->len; i++)
        g_ptr_array_add(jobs, job_new(files->pdata[i], outdir, inputs, m, used));
    *clashes = find_clashes(jobs, outdir, d);
    for (guint i = 0; i < jobs->len; i++) {
        job *j = jobs->pdata[i];
        const char *rec = g_hash_table_lookup(m->docs, j->key);
        size_t hl = j->hash ? strlen(j->hash) : 0;
        if (j->done) {
            g_hash_table_remove(m->docs, j->key);
        } else if (!force && j->hash && rec && !strncmp(rec, j->hash, hl) && rec[hl] == ' ' &&
            g_file_test(j->pdf, G_FILE_TEST_IS_REGULAR) && g_file_test(j->html, G_FILE_TEST_IS_REGULAR)) {
            j->skip = TRUE;
            skipped++;
        } else {
            /* Not up to date until it has been built again. */
            g_hash_table_remove(m->docs, j->key);
            gint32 k = (gint32)i;
            g_array_append_val(todo, k);
        }
    }
    return skipped;
}

/* One job at a time, in this process. */
static void run_serial(GPtrArray *jobs, GArray *todo, const cg_render_options *ro, cg_diags *d, progress *pg)
{
    for (guint t = 0; t < todo->len; t++) {
        job *j = jobs->pdata[g_array_index(todo, gint32, t)];
        if (pg->tty) {
            fprintf(stderr, "\r\033[K[%u/%u] %s", pg->finished + 1, pg->total, j->file);
            fflush(stderr);
        }
        run_job(j, ro, d);
        j->done = TRUE;
        if (pg->tty && d->printed < d->items->len)
            fprintf(stderr, "\r\033[K");
        cg_diags_print(d, stderr);
        pg->finished++;
        if (j->status != CG_EXIT_OK)
            pg->failed++;
        else
            pg->built++;
        pg->pages += j->pages;
        pg->outputs += j->outputs;
    }
}

/* The worker processes and the jobs they are handed. */
typedef struct {
    GPtrArray *jobs;
    GArray *todo;
    const cg_render_options *ro;
    progress *pg;
    worker *w;
    int nw;
    guint next;                 /* the next job of todo to hand out */
    int live;
} pool;

/* Hands the next job to worker k; FALSE when none is left. */
static gboolean give_next(pool *P, int k)
{
    if (P->next >= P->todo->len)
        return FALSE;
    gint32 idx = g_array_index(P->todo, gint32, P->next++);
    P->w[k].current = idx;
    write_all(P->w[k].task_fd, &idx, sizeof idx);
    return TRUE;
}

/* Worker k has gone (at its end, or killed by a document): its job failed; a new worker
 * takes the next job. */
static void worker_gone(pool *P, int k)
{
    worker *w = P->w;
    int cur = w[k].current;
    pid_t pid = w[k].pid;
    int st = 0;
    if (w[k].task_fd >= 0)
        close(w[k].task_fd);
    close(w[k].result_fd);
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    w[k].pid = 0;
    w[k].task_fd = w[k].result_fd = -1;
    P->live--;
    if (cur >= 0) {
        job *j = P->jobs->pdata[cur];
        j->status = CG_EXIT_ERROR;
        j->done = TRUE;
        char *msg = g_strdup_printf("%s: error: the process rendering it died (%s)\n", j->file,
                                    WIFSIGNALED(st) ? g_strsignal(WTERMSIG(st)) : "exit");
        report(P->pg, j, msg);
        g_free(msg);
        if (P->next < P->todo->len && spawn(&w[k], P->jobs, P->ro, w, P->nw)) {
            P->live++;
            give_next(P, k);
        }
    }
}

/* Worker k has something to say: its job's result, reported, and the next job; or its end. */
static void worker_result(pool *P, int k)
{
    worker *w = P->w;
    result_msg r;
    char *text = NULL;
    gboolean ok = read_all(w[k].result_fd, &r, sizeof r) && r.index == w[k].current;
    if (ok && r.diag_len) {
        text = g_malloc(r.diag_len + 1);
        ok = read_all(w[k].result_fd, text, r.diag_len);
        text[ok ? r.diag_len : 0] = 0;
    }
    if (ok) {
        job *j = P->jobs->pdata[r.index];
        j->status = r.status;
        j->pages = r.pages;
        j->outputs = r.outputs;
        j->done = TRUE;
        report(P->pg, j, text);
        w[k].current = -1;
        if (!give_next(P, k) && w[k].task_fd >= 0) {
            close(w[k].task_fd);
            w[k].task_fd = -1;
        }
    } else
        worker_gone(P, k);
    g_free(text);
}

/* Results from the workers until none is left. */
static void poll_workers(pool *P)
{
    struct pollfd *pf = g_new(struct pollfd, P->nw);
    while (P->live) {
        for (int k = 0; k < P->nw; k++) {
            pf[k].fd = P->w[k].pid > 0 ? P->w[k].result_fd : -1;
            pf[k].events = POLLIN;
            pf[k].revents = 0;
        }
        if (poll(pf, (nfds_t)P->nw, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int k = 0; k < P->nw; k++)
            if (pf[k].revents)
                worker_result(P, k);
    }
    g_free(pf);
}

/* njobs worker processes at a time; FALSE when none could be started. */
/* The parallel editions (--parallel A,B) of the sources found (source*). */
static int build_parallel_editions(GPtrArray *files, const build_opts *o, cg_diags *d)
{
    GPtrArray *paths = g_ptr_array_new();
    for (guint i = 0; i < files->len; i++)
        g_ptr_array_add(paths, ((source *)files->pdata[i])->path);
    int st = cg_build_parallel(paths, o->outdir, o->parallel, &o->ro, d);
    g_ptr_array_free(paths, TRUE);
    return st;
}

static gboolean run_parallel(GPtrArray *jobs, GArray *todo, const cg_render_options *ro, cg_diags *d,
                             progress *pg, int njobs)
{
    gboolean started = TRUE;
    /* Diagnostics come back through the pipes; SIGPIPE must not kill us. */
    signal(SIGPIPE, SIG_IGN);
    pool P = { jobs, todo, ro, pg, g_new0(worker, njobs), njobs, 0, 0 };
    for (int k = 0; k < njobs; k++) {
        P.w[k].task_fd = P.w[k].result_fd = -1;
        if (spawn(&P.w[k], jobs, ro, P.w, njobs))
            P.live++;
    }
    if (!P.live) {
        cg_diag_add(d, CG_ERROR, NULL, 0, 0, "cannot start worker processes: %s", g_strerror(errno));
        started = FALSE;
    }
    /* hand out one document to each worker, then one more on each result */
    for (int k = 0; k < njobs; k++) {
        if (P.w[k].pid <= 0)
            continue;
        if (!give_next(&P, k)) {
            close(P.w[k].task_fd);
            P.w[k].task_fd = -1;
        }
    }
    poll_workers(&P);
    for (int k = 0; k < njobs; k++)
        worker_stop(&P.w[k]);
    g_free(P.w);
    /* Documents no worker could take (none started, or all died). */
    for (guint t = 0; t < todo->len; t++) {
        job *j = jobs->pdata[g_array_index(todo, gint32, t)];
        if (!j->done) {
            j->status = CG_EXIT_ERROR;
            pg->failed++;
        }
    }
    return started;
}

/* The worst status of the jobs built, and the manifest's record of those built well. */
static int record_jobs(GPtrArray *jobs, manifest *m, int status)
{
    for (guint i = 0; i < jobs->len; i++) {
        job *j = jobs->pdata[i];
        if (j->skip)
            continue;
        if (j->status > status)
            status = j->status;
        if (j->done && j->status == CG_EXIT_OK && j->hash)
            g_hash_table_replace(m->docs, g_strdup(j->key), g_strdup_printf("%s %d", j->hash, j->pages));
    }
    return status;
}

int cmd_build(int argc, char **argv)
{
    build_opts o;
    int status = CG_EXIT_OK;
    if (!parse_args(argc, argv, &o, &status))
        return status;
    int njobs = o.njobs;
    cg_diags *d = cg_diags_new();
    GPtrArray *files = g_ptr_array_new_with_free_func(source_free);
    walk w = { files, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), d, realpath(".", NULL) };
    for (guint i = 0; i < o.args->len; i++)
        collect(&w, o.args->pdata[i], NULL);
    g_hash_table_destroy(w.seen);
    free(w.cwd);
    g_ptr_array_sort(files, cmp_source);
    if (d->errors)
        status = CG_EXIT_ERROR;
    cg_diags_print(d, stderr);
    gint64 start = g_get_monotonic_time();

    /* What is up to date. */
    manifest m;
    manifest_load(&m, o.outdir);
    GHashTable *used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char *inputs = inputs_hash(o.ro.emblem, &o.ro, &m, used);
    GPtrArray *jobs = g_ptr_array_new_with_free_func(job_free);
    GArray *todo = g_array_new(FALSE, FALSE, sizeof(gint32));
    int clashes = 0;
    int skipped = plan_jobs(files, o.outdir, inputs, &m, used, o.force, jobs, todo, &clashes, d);
    cg_diags_print(d, stderr);
    if (njobs > (int)todo->len)
        njobs = todo->len ? (int)todo->len : 1;

    progress pg = { isatty(fileno(stderr)), 0, todo->len, 0, 0, clashes, 0 };
    if (njobs <= 1)
        run_serial(jobs, todo, &o.ro, d, &pg);
    else if (!run_parallel(jobs, todo, &o.ro, d, &pg, njobs))
        status = CG_EXIT_ERROR;
    if (pg.tty)
        fprintf(stderr, "\r\033[K");
    status = record_jobs(jobs, &m, status);
    manifest_save(&m, o.outdir, used);
    int ps = o.parallel ? build_parallel_editions(files, &o, d) : CG_EXIT_OK;
    status = MAX(status, ps);
    cg_diags_print(d, stderr);
    if (!o.quiet)
        printf("circgen build: %u documents: %d built, %d up to date, %d failed; %d pages, %d outputs; "
               "%d jobs; %.2f s\n",
               files->len, pg.built, skipped, pg.failed, pg.pages, pg.outputs, njobs,
               (g_get_monotonic_time() - start) / 1e6);
    g_free(inputs);
    g_array_free(todo, TRUE);
    g_ptr_array_free(jobs, TRUE);
    g_hash_table_destroy(used);
    g_hash_table_destroy(m.docs);
    g_hash_table_destroy(m.files);
    cg_diags_free(d);
    g_ptr_array_free(files, TRUE);
    g_ptr_array_free(o.args, TRUE);
    return status;
}
