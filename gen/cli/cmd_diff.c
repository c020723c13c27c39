/* cmd_diff.c — `circgen diff A.xml B.xml`: what differs between two language
 * versions, or between two revisions, of a document. */
#include "commands.h"
#include "base/base.h"
#include "diff/diff.h"
#include "doc/doc.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char cmd_diff_usage[] =
    "usage: circgen diff [OPTIONS] A.xml B.xml\n"
    "\n"
    "Compare two versions of a circgen document. Units (elements with an id) are\n"
    "aligned by id.\n"
    "\n"
    "When the versions are in different languages (xml:lang), check the translation:\n"
    "units missing or extra, empty, untranslated or out of order; numbers, dates,\n"
    "Recommendation numbers, document references, e-mail and web addresses and\n"
    "telephone numbers that one version has and the other lacks; inline data (dates,\n"
    "deadlines, references) that differ; unpaired brackets and quotes; attributes and\n"
    "other data that must be the same in every version.\n"
    "\n"
    "When they are in the same language, show the revision: units added, removed or\n"
    "moved, the text of each changed unit diffed word by word (character by character\n"
    "in Chinese), data changed.\n"
    "\n"
    "options:\n"
    "  --format=FORMAT   text (default), xml (vocabulary: templates/diff/report.rng)\n"
    "                    or html (a side-by-side report for a browser)\n"
    "  --color=WHEN      never, always or auto (default: when stdout is a terminal);\n"
    "                    without colour, text output writes [-deleted-], {+inserted+}\n"
    "                    and >>marked<< tokens\n"
    "  --mode=MODE       translation, revision or auto (default: by xml:lang)\n"
    "  -o FILE           write the report to FILE (atomically) instead of stdout\n"
    "  --templates DIR   read templates from DIR instead of the default\n"
    "  -h, --help        show this help\n"
    "\n"
    "exit status: 0 no findings, 1 findings, 2 error (unreadable or invalid input)\n";

static xmlDocPtr load(const char *path, cg_diags *d)
{
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot read: %s",
                    g_file_test(path, G_FILE_TEST_EXISTS) ? "not a regular file" : g_strerror(ENOENT));
        return NULL;
    }
    xmlDocPtr doc = cg_xml_read_file(path, d);
    if (doc && cg_validate(doc, d) > 0) {
        cg_xml_free(doc);
        return NULL;
    }
    return doc;
}

static gboolean want_color(const char *when)
{
    if (!strcmp(when, "always"))
        return TRUE;
    if (!strcmp(when, "never"))
        return FALSE;
    const char *term = g_getenv("TERM");
    return isatty(STDOUT_FILENO) && !g_getenv("NO_COLOR") && !(term && !strcmp(term, "dumb"));
}

/* The command line of diff. */
typedef struct {
    const char *format, *color, *mode_s, *outfile;
    const char *files[2];
    cg_diff_mode mode;
} diff_opts;

/* The options and the two files; FALSE with the exit status in *status for --help and usage errors. */
static gboolean parse_args(int argc, char **argv, diff_opts *o, int *status)
{
    o->format = "text";
    o->color = "auto";
    o->mode_s = "auto";
    o->outfile = NULL;
    int nfiles = 0;
    *status = CG_EXIT_ERROR;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_diff_usage, stdout);
            *status = CG_EXIT_OK;
            return FALSE;
        } else if (g_str_has_prefix(a, "--format=")) {
            o->format = a + strlen("--format=");
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            o->format = argv[++i];
        } else if (g_str_has_prefix(a, "--color=") || g_str_has_prefix(a, "--colour=")) {
            o->color = strchr(a, '=') + 1;
        } else if (g_str_has_prefix(a, "--mode=")) {
            o->mode_s = a + strlen("--mode=");
        } else if (!strcmp(a, "-o") && i + 1 < argc) {
            o->outfile = argv[++i];
        } else if (g_str_has_prefix(a, "--output=")) {
            o->outfile = a + strlen("--output=");
        } else if (!strcmp(a, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (g_str_has_prefix(a, "--templates=")) {
            cg_set_templates_dir(a + strlen("--templates="));
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen diff: unknown option '%s'\n%s", a, cmd_diff_usage);
            return FALSE;
        } else if (nfiles < 2) {
            o->files[nfiles++] = a;
        } else {
            fprintf(stderr, "circgen diff: more than two files\n%s", cmd_diff_usage);
            return FALSE;
        }
    }
    if (nfiles != 2) {
        fprintf(stderr, "circgen diff: two files needed\n%s", cmd_diff_usage);
        return FALSE;
    }
    return TRUE;
}

/* The values of --format, --color and --mode (the mode into o->mode); FALSE after the message. */
static gboolean check_values(diff_opts *o)
{
    if (strcmp(o->format, "text") && strcmp(o->format, "xml") && strcmp(o->format, "html")) {
        fprintf(stderr, "circgen diff: unknown format '%s' (text, xml or html)\n", o->format);
        return FALSE;
    }
    if (strcmp(o->color, "never") && strcmp(o->color, "always") && strcmp(o->color, "auto")) {
        fprintf(stderr, "circgen diff: --color takes never, always or auto, not '%s'\n", o->color);
        return FALSE;
    }
    if (!strcmp(o->mode_s, "auto"))
        o->mode = CG_DIFF_AUTO;
    else if (!strcmp(o->mode_s, "translation"))
        o->mode = CG_DIFF_TRANSLATION;
    else if (!strcmp(o->mode_s, "revision"))
        o->mode = CG_DIFF_REVISION;
    else {
        fprintf(stderr, "circgen diff: --mode takes translation, revision or auto, not '%s'\n", o->mode_s);
        return FALSE;
    }
    return TRUE;
}

/* Both documents (each loaded and validated) and, when they are of one type, its comparison
 * rules; NULL rules when either is unusable (said in d). */
static cg_diff_rules *load_pair(const char *const files[2], xmlDocPtr *da, xmlDocPtr *db, cg_diags *d)
{
    *da = load(files[0], d);
    *db = load(files[1], d);
    if (!*da || !*db)
        return NULL;
    cg_doctype *ta = cg_doctype_lookup(*da, d), *tb = cg_doctype_lookup(*db, d);
    if (!ta || !tb)
        return NULL;
    if (ta != tb) {
        cg_diag_add(d, CG_ERROR, files[1], 0, 0, "a document of type '%s' cannot be compared with "
                    "one of type '%s' (%s)", tb->name, ta->name, files[0]);
        return NULL;
    }
    return cg_diff_rules_load(cg_templates_dir(), ta->dir, d);
}

/* The report in the format asked for, its length in *len; NULL when it cannot be made. */
static char *format_report(const cg_report *r, const diff_opts *o, gsize *len, cg_diags *d)
{
    char *buf = NULL;
    *len = 0;
    if (!strcmp(o->format, "text")) {
        GString *s = g_string_new(NULL);
        cg_report_write_text(r, s, o->outfile && strcmp(o->outfile, "-") ? !strcmp(o->color, "always")
                                                                          : want_color(o->color));
        *len = s->len;
        buf = g_string_free(s, FALSE);
    } else if (!strcmp(o->format, "xml")) {
        xmlDocPtr x = cg_report_to_xml(r);
        xmlChar *mem = NULL;
        int n = 0;
        xmlDocDumpFormatMemoryEnc(x, &mem, &n, "UTF-8", 1);
        buf = g_strndup((const char *)mem, n);
        *len = (gsize)n;
        xmlFree(mem);
        xmlFreeDoc(x);
    } else {
        buf = cg_report_to_html(r, len, d);
    }
    return buf;
}

int cmd_diff(int argc, char **argv)
{
    diff_opts o;
    int status;
    if (!parse_args(argc, argv, &o, &status))
        return status;
    if (!check_values(&o))
        return CG_EXIT_ERROR;

    /* CIRCGEN_DIFF_TIMING=1: the time of each stage on stderr (for bench/diff.sh). */
    gboolean timing = g_getenv("CIRCGEN_DIFF_TIMING") != NULL;
    gint64 t0 = g_get_monotonic_time(), t1 = t0, t2 = t0, t3 = t0;
    status = CG_EXIT_ERROR;
    cg_diags *d = cg_diags_new();
    xmlDocPtr da, db;
    cg_diff_rules *rules = load_pair(o.files, &da, &db, d);
    cg_version *va = NULL, *vb = NULL;
    cg_report *r = NULL;
    if (!rules)
        goto out;
    t1 = g_get_monotonic_time();
    va = cg_version_new(da, o.files[0], rules);
    vb = cg_version_new(db, o.files[1], rules);
    t2 = g_get_monotonic_time();
    cg_terms *terms = cg_terms_load(cg_templates_dir(), d);
    if (!terms)
        goto out;
    r = cg_diff_versions_terms(va, vb, o.mode, terms);
    cg_terms_free(terms);
    t3 = g_get_monotonic_time();

    gsize len;
    char *buf = format_report(r, &o, &len, d);
    if (buf) {
        int rc = cg_write_file(o.outfile ? o.outfile : "-", buf, len, d);
        if (rc == 0)
            status = r->findings ? CG_EXIT_INVALID : CG_EXIT_OK;
        g_free(buf);
    }
    if (timing)
        fprintf(stderr, "circgen diff timing: load+validate %.4f s, model %.4f s, compare %.4f s, "
                "output %.4f s\n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                (g_get_monotonic_time() - t3) / 1e6);
out:
    cg_diags_print(d, stderr);
    cg_report_free(r);
    cg_version_free(va);
    cg_version_free(vb);
    cg_diff_rules_free(rules);
    if (da)
        cg_xml_free(da);
    if (db)
        cg_xml_free(db);
    cg_diags_free(d);
    return status;
}
