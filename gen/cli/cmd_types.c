/* cmd_types.c — `circgen types`: the document types and their kinds, and the
 * catalogue of skeletons that `circgen new` writes.
 *
 * A document type is a folder templates/TYPE/ with a schema.rng and a stylesheet;
 * its one-line description is the documentation of the schema's root element.
 * Its kinds are the skeletons templates/TYPE/new/KIND.LANG.xml; the description of
 * a kind is the first line of the first comment of its skeleton. No type, kind or
 * language is named in the C code: adding a kind is dropping a file in new/. */
#include "commands.h"
#include "base/base.h"

#include <stdio.h>
#include <string.h>

const char cmd_types_usage[] =
    "usage: circgen types [--templates DIR]\n"
    "\n"
    "List the document types circgen knows, each with its kinds of document and\n"
    "the languages in which 'circgen new' can write a skeleton of that kind. A type\n"
    "is a folder templates/TYPE/; a kind is a file templates/TYPE/new/KIND.LANG.xml.\n"
    "\n"
    "options:\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 success, 2 usage or I/O error\n";

gboolean cg_name_ok(const char *s)
{
    if (!s || !*s || *s == '-')
        return FALSE;
    for (; *s; s++)
        if (!(g_ascii_isalnum(*s) || *s == '-'))
            return FALSE;
    return TRUE;
}

static int cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of dir's entries for which keep(dir/name) holds. */
static GPtrArray *names_in(const char *dir, gboolean (*keep)(const char *path))
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return out;
    const char *name;
    while ((name = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, name, NULL);
        if (name[0] != '.' && keep(path))
            g_ptr_array_add(out, g_strdup(name));
        g_free(path);
    }
    g_dir_close(d);
    g_ptr_array_sort(out, cmp_str);
    return out;
}

static gboolean is_type_dir(const char *path)
{
    char *schema = g_build_filename(path, "schema.rng", NULL);
    char *fo = g_build_filename(path, "fo.xsl", NULL);
    char *html = g_build_filename(path, "html.xsl", NULL);
    gboolean ok = cg_name_ok(strrchr(path, '/') + 1) && g_file_test(schema, G_FILE_TEST_IS_REGULAR) &&
                  (g_file_test(fo, G_FILE_TEST_IS_REGULAR) || g_file_test(html, G_FILE_TEST_IS_REGULAR));
    g_free(schema);
    g_free(fo);
    g_free(html);
    return ok;
}

static gboolean is_skeleton(const char *path)
{
    return g_str_has_suffix(path, ".xml") && g_file_test(path, G_FILE_TEST_IS_REGULAR);
}

static void skeleton_free(gpointer p)
{
    cg_skeleton *s = p;
    g_free(s->type); g_free(s->kind); g_free(s->lang); g_free(s->path);
    g_free(s);
}

/* "consultation.zh.xml" -> kind "consultation", lang "zh"; FALSE when not so named. */
static gboolean parse_name(const char *name, char **kind, char **lang)
{
    char *stem = g_strndup(name, strlen(name) - strlen(".xml"));
    char *dot = strrchr(stem, '.');
    gboolean ok = dot && (*dot = 0, cg_name_ok(stem) && cg_name_ok(dot + 1));
    if (ok) {
        *kind = g_strdup(stem);
        *lang = g_strdup(dot + 1);
    }
    g_free(stem);
    return ok;
}

GPtrArray *cg_types_list(void)
{
    return names_in(cg_templates_dir(), is_type_dir);
}

GPtrArray *cg_skeletons_list(const char *type)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(skeleton_free);
    char *dir = g_build_filename(cg_templates_dir(), type, "new", NULL);
    GPtrArray *files = names_in(dir, is_skeleton);
    for (guint i = 0; i < files->len; i++) {
        cg_skeleton *s = g_new0(cg_skeleton, 1);
        if (!parse_name(files->pdata[i], &s->kind, &s->lang)) {
            g_free(s);
            continue;
        }
        s->type = g_strdup(type);
        s->path = g_build_filename(dir, files->pdata[i], NULL);
        g_ptr_array_add(out, s);
    }
    g_ptr_array_free(files, TRUE);
    g_free(dir);
    return out;
}

/* The documentation of the schema's root element (start/element/a:documentation). */
char *cg_type_description(const char *type)
{
    char *path = g_build_filename(cg_templates_dir(), type, "schema.rng", NULL);
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = cg_xml_read_file(path, d);
    cg_diags_free(d);
    g_free(path);
    char *text = NULL;
    xmlNodePtr n = doc ? xmlDocGetRootElement(doc) : NULL;
    const char *const steps[] = { "start", "element", "documentation" };
    for (int i = 0; n && i < 3; i++) {
        xmlNodePtr c = n->children;
        while (c && !(c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, steps[i])))
            c = c->next;
        n = c;
    }
    if (n) {
        xmlChar *s = xmlNodeGetContent(n);
        text = g_strstrip(g_strdup((const char *)s));
        xmlFree(s);
    }
    if (doc)
        cg_xml_free(doc);
    return text ? text : g_strdup("");
}

/* The first line of the skeleton's first comment. */
char *cg_skeleton_description(const char *path)
{
    char *buf = NULL;
    if (!g_file_get_contents(path, &buf, NULL, NULL))
        return g_strdup("");
    char *c = strstr(buf, "<!--");
    char *text = g_strdup("");
    if (c) {
        c += 4;
        size_t n = strcspn(c, "\n");
        char *end = g_strstr_len(c, (gssize)n, "-->");
        g_free(text);
        text = g_strstrip(g_strndup(c, end ? (size_t)(end - c) : n));
    }
    g_free(buf);
    return text;
}

/* One line per kind: its name, its languages and its description (taken from the
 * English skeleton when there is one, else from the first). */
static void print_kinds(GPtrArray *sk)
{
    for (guint i = 0; i < sk->len;) {
        cg_skeleton *first = sk->pdata[i];
        GString *langs = g_string_new(NULL);
        const char *described = first->path;
        guint j = i;
        for (; j < sk->len && !strcmp(((cg_skeleton *)sk->pdata[j])->kind, first->kind); j++) {
            cg_skeleton *s = sk->pdata[j];
            g_string_append_printf(langs, "%s%s", j > i ? " " : "", s->lang);
            if (!strcmp(s->lang, "en"))
                described = s->path;
        }
        char *desc = cg_skeleton_description(described);
        printf("  %-18s %s [%s]\n", first->kind, desc, langs->str);
        g_free(desc);
        g_string_free(langs, TRUE);
        i = j;
    }
}

int cmd_types(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(cmd_types_usage, stdout);
            return CG_EXIT_OK;
        } else if (!strcmp(argv[i], "--templates") && i + 1 < argc) {
            cg_set_templates_dir(argv[++i]);
        } else {
            fprintf(stderr, "circgen types: unknown argument '%s'\n%s", argv[i], cmd_types_usage);
            return CG_EXIT_ERROR;
        }
    }
    GPtrArray *types = cg_types_list();
    if (types->len == 0) {
        fprintf(stderr, "circgen types: no document types in %s\n", cg_templates_dir());
        g_ptr_array_free(types, TRUE);
        return CG_EXIT_ERROR;
    }
    for (guint i = 0; i < types->len; i++) {
        const char *type = types->pdata[i];
        char *desc = cg_type_description(type);
        printf("%-20s %s\n", type, desc);
        g_free(desc);
        GPtrArray *sk = cg_skeletons_list(type);
        if (sk->len == 0)
            printf("  (no skeletons: add templates/%s/new/KIND.LANG.xml)\n", type);
        print_kinds(sk);
        g_ptr_array_free(sk, TRUE);
    }
    g_ptr_array_free(types, TRUE);
    return CG_EXIT_OK;
}
