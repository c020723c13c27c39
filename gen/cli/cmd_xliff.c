/* cmd_xliff.c — `circgen xliff extract | merge`: the translators' XLIFF files. */
#include "commands.h"
#include "base/base.h"
#include "xliff/xliff.h"

#include <stdio.h>
#include <string.h>

const char cmd_xliff_usage[] =
    "usage: circgen xliff extract SOURCE.xml --target-lang LANG [--translation TARGET.xml]\n"
    "                     [--previous OLD-SOURCE.xml] [--format 2.0|1.2] -o FILE.xlf\n"
    "       circgen xliff merge FILE.xlf [--source SOURCE.xml] [--strict] -o TARGET.xml\n"
    "\n"
    "Exchange a document with a translator's CAT tool (Trados, memoQ, OmegaT...) as\n"
    "XLIFF, the OASIS standard: 2.0 by default, or 1.2.\n"
    "\n"
    "extract writes one XLIFF unit per translatable unit of SOURCE (an element with an\n"
    "id and no id below; unit id = that id), in document order and in groups as the\n"
    "document is, each with a note giving its place (\"Annex 1 > X.1062 > summary >\n"
    "p1\"). Inline data (dates, deadlines, Recommendation numbers, references,\n"
    "addresses...) become placeholders that cannot be deleted and that show the value\n"
    "as the source's language formats it (\"23 July 2025\"); emphasis (b, i) becomes\n"
    "paired codes. Codes may be reordered. The file records a hash of SOURCE's units.\n"
    "  --target-lang LANG      the language to translate into (zh, fr, es, ru, ar...)\n"
    "  --translation FILE      an existing language version: its units fill the\n"
    "                          targets (state translated)\n"
    "  --previous FILE         the previous revision of SOURCE: units whose source\n"
    "                          changed since are left to translate (state initial),\n"
    "                          with the old translation as a proposal and a note\n"
    "                          with the word diff of the change\n"
    "  --format 2.0|1.2        XLIFF version (default 2.0)\n"
    "\n"
    "merge writes the language version: SOURCE's structure and data with each unit's\n"
    "text replaced by its target; codes become SOURCE's elements again (attributes\n"
    "from SOURCE, never from the XLIFF), xml:lang is the file's target language; the\n"
    "result is checked as 'circgen check' does. The file is refused, and nothing is\n"
    "written, for: a code that cannot be deleted missing, a code extra, duplicated or\n"
    "unknown, paired codes unbalanced or overlapping, a unit not in SOURCE, markup or\n"
    "entities in a target, invalid UTF-8, a file made for another source or another\n"
    "target language. A unit without a target keeps SOURCE's text (a warning).\n"
    "  --source FILE           the source (default: the file's \"original\", looked\n"
    "                          for beside FILE.xlf, then from the current folder)\n"
    "  --strict                a missing or empty target is an error\n"
    "\n"
    "both:\n"
    "  -o FILE                 the output, written atomically (\"-\": stdout)\n"
    "  --templates DIR         read templates from DIR instead of the default\n"
    "  -h, --help              show this help\n"
    "\n"
    "exit status: 0 success, 1 invalid input or a refused file, 2 usage or I/O error\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("circgen xliff: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(cmd_xliff_usage, stderr);
    return CG_EXIT_ERROR;
}

/* The value of option name at argv[*i] ("--name V" or "--name=V"), or NULL. */
static const char *opt(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n))
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == 0 && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int extract(int argc, char **argv)
{
    cg_xliff_extract_opts o = { .format = CG_XLIFF_20 };
    const char *v, *format = "2.0";
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(cmd_xliff_usage, stdout);
            return CG_EXIT_OK;
        } else if ((v = opt(argc, argv, &i, "--target-lang"))) {
            o.target_lang = v;
        } else if ((v = opt(argc, argv, &i, "--translation"))) {
            o.translation = v;
        } else if ((v = opt(argc, argv, &i, "--previous"))) {
            o.previous = v;
        } else if ((v = opt(argc, argv, &i, "--format"))) {
            format = v;
        } else if ((v = opt(argc, argv, &i, "-o")) || (v = opt(argc, argv, &i, "--output"))) {
            o.out = v;
        } else if ((v = opt(argc, argv, &i, "--templates"))) {
            cg_set_templates_dir(v);
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage_error("unknown option '%s'", argv[i]);
        } else if (o.source) {
            return usage_error("one source only ('%s')", argv[i]);
        } else {
            o.source = argv[i];
        }
    }
    if (!strcmp(format, "1.2"))
        o.format = CG_XLIFF_12;
    else if (strcmp(format, "2.0"))
        return usage_error("--format takes 2.0 or 1.2, not '%s'", format);
    if (!o.source)
        return usage_error("%s", "extract needs a source");
    if (!o.target_lang || !*o.target_lang)
        return usage_error("%s", "extract needs --target-lang LANG");
    if (!g_regex_match_simple("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", o.target_lang, 0, 0))
        return usage_error("--target-lang takes a language tag (zh, fr, pt-BR), not '%s'", o.target_lang);
    if (!o.out)
        return usage_error("%s", "extract needs -o FILE.xlf");
    cg_diags *d = cg_diags_new();
    int status = cg_xliff_extract(&o, d);
    cg_diags_print(d, stderr);
    cg_diags_free(d);
    return status;
}

static int merge(int argc, char **argv)
{
    cg_xliff_merge_opts o = { 0 };
    const char *v;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(cmd_xliff_usage, stdout);
            return CG_EXIT_OK;
        } else if (!strcmp(argv[i], "--strict")) {
            o.strict = TRUE;
        } else if ((v = opt(argc, argv, &i, "--source"))) {
            o.source = v;
        } else if ((v = opt(argc, argv, &i, "-o")) || (v = opt(argc, argv, &i, "--output"))) {
            o.out = v;
        } else if ((v = opt(argc, argv, &i, "--templates"))) {
            cg_set_templates_dir(v);
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage_error("unknown option '%s'", argv[i]);
        } else if (o.xlf) {
            return usage_error("one XLIFF file only ('%s')", argv[i]);
        } else {
            o.xlf = argv[i];
        }
    }
    if (!o.xlf)
        return usage_error("%s", "merge needs an XLIFF file");
    if (!o.out)
        return usage_error("%s", "merge needs -o TARGET.xml");
    cg_diags *d = cg_diags_new();
    int status = cg_xliff_merge(&o, d);
    cg_diags_print(d, stderr);
    cg_diags_free(d);
    return status;
}

int cmd_xliff(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "extract or merge?");
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(cmd_xliff_usage, stdout);
        return CG_EXIT_OK;
    }
    if (!strcmp(argv[1], "extract"))
        return extract(argc, argv);
    if (!strcmp(argv[1], "merge"))
        return merge(argc, argv);
    return usage_error("'%s' is neither extract nor merge", argv[1]);
}
