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

int cmd_diff(int argc, char **argv)
{
    const char *format = "text", *color = "auto", *mode_s = "auto", *outfile = NULL;
    const char *files[2];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_diff_usage, stdout);
            return CG_EXIT_OK;
        } else if (g_str_has_prefix(a, "--format=")) {
            format = a + strlen("--format=");
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            format = argv[++i];
        } else if (g_str_has_prefix(a, "--color=") || g_str_has_prefix(a, "--colour=")) {
            color = strchr(a, '=') + 1;
        } else if (g_str_has_prefix(a, "--mode=")) {
            mode_s = a + strlen("--mode=");
        } else if (!strcmp(a, "-o") && i + 1 < argc) {
            outfile = argv[++i];
        } else if (g_str_has_prefix(a, "--output=")) {
            outfile = a + strlen("--output=");
        } else if (!strcmp(a, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (g_str_has_prefix(a, "--templates=")) {
            cg_set_templates_dir(a + strlen("--templates="));
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen diff: unknown option '%s'\n%s", a, cmd_diff_usage);
            return CG_EXIT_ERROR;
        } else if (nfiles < 2) {
            files[nfiles++] = a;
        } else {
            fprintf(stderr, "circgen diff: more than two files\n%s", cmd_diff_usage);
            return CG_EXIT_ERROR;
        }
    }
    if (nfiles != 2) {
        fprintf(stderr, "circgen diff: two files needed\n%s", cmd_diff_usage);
        return CG_EXIT_ERROR;
    }
    if (strcmp(format, "text") && strcmp(format, "xml") && strcmp(format, "html")) {
        fprintf(stderr, "circgen diff: unknown format '%s' (text, xml or html)\n", format);
        return CG_EXIT_ERROR;
    }
    if (strcmp(color, "never") && strcmp(color, "always") && strcmp(color, "auto")) {
        fprintf(stderr, "circgen diff: --color takes never, always or auto, not '%s'\n", color);
        return CG_EXIT_ERROR;
    }
    cg_diff_mode mode;
    if (!strcmp(mode_s, "auto"))
        mode = CG_DIFF_AUTO;
    else if (!strcmp(mode_s, "translation"))
        mode = CG_DIFF_TRANSLATION;
    else if (!strcmp(mode_s, "revision"))
        mode = CG_DIFF_REVISION;
    else {
        fprintf(stderr, "circgen diff: --mode takes translation, revision or auto, not '%s'\n", mode_s);
        return CG_EXIT_ERROR;
    }

    /* CIRCGEN_DIFF_TIMING=1: the time of each stage on stderr (for bench/diff.sh). */
    gboolean timing = g_getenv("CIRCGEN_DIFF_TIMING") != NULL;
    gint64 t0 = g_get_monotonic_time(), t1 = t0, t2 = t0, t3 = t0;
    int status = CG_EXIT_ERROR;
    cg_diags *d = cg_diags_new();
    xmlDocPtr da = load(files[0], d);
    xmlDocPtr db = load(files[1], d);
    cg_diff_rules *rules = NULL;
    cg_version *va = NULL, *vb = NULL;
    cg_report *r = NULL;
    if (!da || !db)
        goto out;
    cg_doctype *ta = cg_doctype_lookup(da, d), *tb = cg_doctype_lookup(db, d);
    if (!ta || !tb)
        goto out;
    if (ta != tb) {
        cg_diag_add(d, CG_ERROR, files[1], 0, 0, "a document of type '%s' cannot be compared with "
                    "one of type '%s' (%s)", tb->name, ta->name, files[0]);
        goto out;
    }
    rules = cg_diff_rules_load(cg_templates_dir(), ta->dir, d);
    if (!rules)
        goto out;
    t1 = g_get_monotonic_time();
    va = cg_version_new(da, files[0], rules);
    vb = cg_version_new(db, files[1], rules);
    t2 = g_get_monotonic_time();
    r = cg_diff_versions(va, vb, mode);
    t3 = g_get_monotonic_time();

    char *buf = NULL;
    gsize len = 0;
    if (!strcmp(format, "text")) {
        GString *s = g_string_new(NULL);
        cg_report_write_text(r, s, outfile && strcmp(outfile, "-") ? !strcmp(color, "always")
                                                                    : want_color(color));
        len = s->len;
        buf = g_string_free(s, FALSE);
    } else if (!strcmp(format, "xml")) {
        xmlDocPtr x = cg_report_to_xml(r);
        xmlChar *mem = NULL;
        int n = 0;
        xmlDocDumpFormatMemoryEnc(x, &mem, &n, "UTF-8", 1);
        buf = g_strndup((const char *)mem, n);
        len = (gsize)n;
        xmlFree(mem);
        xmlFreeDoc(x);
    } else {
        buf = cg_report_to_html(r, &len, d);
    }
    if (buf) {
        int rc = cg_write_file(outfile ? outfile : "-", buf, len, d);
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
