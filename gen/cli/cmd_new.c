/* cmd_new.c — `circgen new TYPE [--kind KIND] [--lang LANG] [-o FILE]`: write the
 * skeleton of a document, templates/TYPE/new/KIND.LANG.xml, as it stands (its
 * comments are the author's instructions). The skeletons are listed by cmd_types.c. */
#include "commands.h"
#include "base/base.h"

#include <stdio.h>
#include <string.h>

const char cmd_new_usage[] =
    "usage: circgen new TYPE [--kind KIND] [--lang LANG] [-o FILE [--force]]\n"
    "\n"
    "Write the skeleton of a new source document of type TYPE: every element an\n"
    "author needs for that kind of document, with comments that explain each one\n"
    "and placeholder text that says what to write. The skeleton passes 'circgen\n"
    "check' as written. 'circgen types' lists the types, their kinds and the\n"
    "languages of their skeletons (the files templates/TYPE/new/KIND.LANG.xml).\n"
    "\n"
    "options:\n"
    "  --kind KIND      the kind of document (default: the kind named 'default', or\n"
    "                   the type's only kind)\n"
    "  --lang LANG      the language of the version, its xml:lang and placeholder\n"
    "                   text (default: en)\n"
    "  -o FILE          write to FILE (atomically) instead of standard output; an\n"
    "                   existing FILE is not overwritten\n"
    "  --force          with -o: overwrite an existing FILE\n"
    "  --templates DIR  read document types from DIR instead of the default\n"
    "  -h, --help       show this help\n"
    "\n"
    "exit status: 0 success, 2 usage or I/O error (no such type, kind or language,\n"
    "or FILE exists)\n";

/* "a, b, c" of the distinct values of one field of the skeletons. */
static char *join_field(GPtrArray *sk, gboolean kinds, const char *kind)
{
    GString *s = g_string_new(NULL);
    const char *last = NULL;
    for (guint i = 0; i < sk->len; i++) {
        cg_skeleton *k = sk->pdata[i];
        const char *v = kinds ? k->kind : k->lang;
        if ((kind && strcmp(k->kind, kind)) || (last && !strcmp(last, v)))
            continue;
        g_string_append_printf(s, "%s%s", s->len ? ", " : "", v);
        last = v;
    }
    return g_string_free(s, FALSE);
}

static char *join_types(void)
{
    GPtrArray *types = cg_types_list();
    g_ptr_array_add(types, NULL);
    char *s = g_strjoinv(", ", (char **)types->pdata);
    g_ptr_array_free(types, TRUE);
    return s;
}

static gboolean has_kind(GPtrArray *sk, const char *kind)
{
    for (guint i = 0; i < sk->len; i++)
        if (!strcmp(((cg_skeleton *)sk->pdata[i])->kind, kind))
            return TRUE;
    return FALSE;
}

/* The kind to use when none is asked for; NULL (with a message) when it is not clear. */
static const char *default_kind(const char *type, GPtrArray *sk)
{
    if (has_kind(sk, "default"))
        return "default";
    char *kinds = join_field(sk, TRUE, NULL);
    const char *only = strchr(kinds, ',') ? NULL : ((cg_skeleton *)sk->pdata[0])->kind;
    if (!only)
        fprintf(stderr, "circgen new: %s has several kinds; choose one with --kind: %s\n", type, kinds);
    g_free(kinds);
    return only;
}

/* The skeleton asked for, or NULL after a message saying what exists. */
static const cg_skeleton *find_skeleton(const char *type, const char *kind, const char *lang,
                                        GPtrArray *sk)
{
    GPtrArray *types = cg_types_list();
    gboolean known = FALSE;
    for (guint i = 0; i < types->len; i++)
        known |= !strcmp(types->pdata[i], type);
    g_ptr_array_free(types, TRUE);
    if (!known) {
        char *all = join_types();
        fprintf(stderr, "circgen new: no document type '%s'; the types are: %s (see 'circgen types')\n",
                type, all);
        g_free(all);
        return NULL;
    }
    if (sk->len == 0) {
        fprintf(stderr, "circgen new: %s has no skeletons (add templates/%s/new/KIND.LANG.xml)\n",
                type, type);
        return NULL;
    }
    if (!kind && !(kind = default_kind(type, sk)))
        return NULL;
    if (!has_kind(sk, kind)) {
        char *kinds = join_field(sk, TRUE, NULL);
        fprintf(stderr, "circgen new: %s has no kind '%s'; its kinds are: %s\n", type, kind, kinds);
        g_free(kinds);
        return NULL;
    }
    for (guint i = 0; i < sk->len; i++) {
        const cg_skeleton *s = sk->pdata[i];
        if (!strcmp(s->kind, kind) && !strcmp(s->lang, lang))
            return s;
    }
    char *langs = join_field(sk, FALSE, kind);
    fprintf(stderr, "circgen new: no skeleton of %s (kind %s) in language '%s'; it exists in: %s\n",
            type, kind, lang, langs);
    g_free(langs);
    return NULL;
}

static int write_skeleton(const cg_skeleton *s, const char *out, gboolean force)
{
    if (out && strcmp(out, "-") && !force && g_file_test(out, G_FILE_TEST_EXISTS)) {
        fprintf(stderr, "circgen new: %s exists; use --force to overwrite it\n", out);
        return CG_EXIT_ERROR;
    }
    char *data = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_get_contents(s->path, &data, &len, &err)) {
        fprintf(stderr, "circgen new: %s\n", err->message);
        g_error_free(err);
        return CG_EXIT_ERROR;
    }
    cg_diags *d = cg_diags_new();
    int rc = cg_write_file(out ? out : "-", data, len, d) == 0 ? CG_EXIT_OK : CG_EXIT_ERROR;
    cg_diags_print(d, stderr);
    cg_diags_free(d);
    g_free(data);
    return rc;
}

/* --name VALUE or --name=VALUE at argv[*i]; NULL when argv[*i] is not that option. */
static const char *option_value(const char *name, int argc, char **argv, int *i, gboolean *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n))
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n])
        return NULL;
    if (*i + 1 >= argc) {
        *missing = TRUE;
        return NULL;
    }
    return argv[++*i];
}

int cmd_new(int argc, char **argv)
{
    const char *type = NULL, *kind = NULL, *lang = "en", *out = NULL, *v;
    gboolean force = FALSE, missing = FALSE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cmd_new_usage, stdout);
            return CG_EXIT_OK;
        } else if ((v = option_value("--kind", argc, argv, &i, &missing))) {
            kind = v;
        } else if ((v = option_value("--lang", argc, argv, &i, &missing))) {
            lang = v;
        } else if ((v = option_value("-o", argc, argv, &i, &missing))) {
            out = v;
        } else if ((v = option_value("--templates", argc, argv, &i, &missing))) {
            cg_set_templates_dir(v);
        } else if (!strcmp(a, "--force")) {
            force = TRUE;
        } else if (missing || (a[0] == '-' && a[1]) || type) {
            fprintf(stderr, "circgen new: %s '%s'\n%s",
                    missing ? "missing value of" : type && a[0] != '-' ? "unexpected argument" : "unknown option",
                    a, cmd_new_usage);
            return CG_EXIT_ERROR;
        } else {
            type = a;
        }
    }
    if (!type) {
        fprintf(stderr, "circgen new: no document type given (see 'circgen types')\n%s", cmd_new_usage);
        return CG_EXIT_ERROR;
    }
    if (!cg_name_ok(type) || (kind && !cg_name_ok(kind)) || !cg_name_ok(lang)) {
        const char *bad = !cg_name_ok(type) ? type : kind && !cg_name_ok(kind) ? kind : lang;
        fprintf(stderr, "circgen new: '%s' is not a name of a type, kind or language "
                        "(letters, digits and '-'); see 'circgen types'\n", bad);
        return CG_EXIT_ERROR;
    }
    GPtrArray *sk = cg_skeletons_list(type);
    const cg_skeleton *s = find_skeleton(type, kind, lang, sk);
    int rc = s ? write_skeleton(s, out, force) : CG_EXIT_ERROR;
    g_ptr_array_free(sk, TRUE);
    return rc;
}
