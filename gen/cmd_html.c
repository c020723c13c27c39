/* cmd_html.c — `circgen html FILE... [-o OUT]`: a source document as an HTML page. */
#include "commands.h"
#include "diag.h"
#include "doctype.h"
#include "output.h"
#include "transform.h"
#include "xmlload.h"

#include <stdio.h>
#include <string.h>

const char cmd_html_usage[] =
    "usage: circgen html [--templates DIR] [-o OUT] FILE...\n"
    "\n"
    "Make the HTML page of each source document with its type's html.xsl. The\n"
    "document is validated first (as by 'circgen check'); an invalid one makes no\n"
    "output. The page is written atomically: a failed run leaves any earlier file\n"
    "untouched.\n"
    "\n"
    "options:\n"
    "  -o OUT           the output file (one FILE only; '-' for standard output);\n"
    "                   default: FILE with its extension replaced by .html\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 success, 1 invalid input, 2 usage or I/O error\n";

/* "dir/en.xml" -> "dir/en.EXT" */
char *cg_output_name(const char *input, const char *ext)
{
    const char *slash = strrchr(input, '/');
    const char *dot = strrchr(input, '.');
    size_t stem = (dot && (!slash || dot > slash)) ? (size_t)(dot - input) : strlen(input);
    return g_strdup_printf("%.*s.%s", (int)stem, input, ext);
}

/* Render one file; returns an exit status. */
static int html_one(const char *file, const char *out, cg_diags *d)
{
    xmlDocPtr doc = cg_xml_read_file(file, d);
    if (!doc)
        return g_file_test(file, G_FILE_TEST_IS_REGULAR) ? CG_EXIT_INVALID : CG_EXIT_ERROR;
    int status = CG_EXIT_OK;
    if (cg_validate(doc, d) > 0) {
        status = CG_EXIT_INVALID;
        goto done;
    }
    cg_doctype *t = cg_doctype_lookup(doc, d);
    char *css_path = g_build_filename(t->dir, "html.css", NULL);
    char *css = NULL;
    if (g_file_test(css_path, G_FILE_TEST_EXISTS) && !g_file_get_contents(css_path, &css, NULL, NULL))
        cg_diag_add(d, CG_WARNING, css_path, 0, 0, "cannot read the stylesheet; the page has no CSS");
    g_free(css_path);
    const char *params[] = { "css", css ? css : "", NULL };
    xmlDocPtr res = cg_transform(doc, "html.xsl", params, d);
    g_free(css);
    if (!res) {
        status = CG_EXIT_INVALID;
        goto done;
    }
    char *buf = NULL;
    size_t len = 0;
    if (cg_transform_serialize(res, doc, "html.xsl", &buf, &len, d) != 0 ||
        cg_write_file(out, buf, len, d) != 0)
        status = CG_EXIT_ERROR;
    g_free(buf);
    xmlFreeDoc(res);
done:
    cg_xml_free(doc);
    return status;
}

int cmd_html(int argc, char **argv)
{
    const char *out = NULL;
    GPtrArray *files = g_ptr_array_new();
    int status = CG_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_html_usage, stdout);
            g_ptr_array_free(files, TRUE);
            return CG_EXIT_OK;
        } else if (!strcmp(a, "-o") && i + 1 < argc) {
            out = argv[++i];
        } else if (!strcmp(a, "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "circgen html: unknown option '%s'\n%s", a, cmd_html_usage);
            g_ptr_array_free(files, TRUE);
            return CG_EXIT_ERROR;
        } else {
            g_ptr_array_add(files, argv[i]);
        }
    }
    if (files->len == 0 || (out && files->len > 1)) {
        fprintf(stderr, "circgen html: %s\n%s",
                files->len ? "-o takes one input file" : "no input files", cmd_html_usage);
        g_ptr_array_free(files, TRUE);
        return CG_EXIT_ERROR;
    }
    for (guint i = 0; i < files->len; i++) {
        const char *file = files->pdata[i];
        char *target = out ? g_strdup(out) : cg_output_name(file, "html");
        cg_diags *d = cg_diags_new();
        int s = html_one(file, target, d);
        cg_diags_print(d, stderr);
        cg_diags_free(d);
        g_free(target);
        if (s > status)
            status = s;
    }
    g_ptr_array_free(files, TRUE);
    return status;
}
