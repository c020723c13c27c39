/* commands.h — the subcommands of the circgen program.
 *
 * Each returns the process exit status. Conventions for every command:
 *   0 success, 1 the input is invalid (or, for diff, findings), 2 usage or I/O error.
 */
#ifndef CG_COMMANDS_H
#define CG_COMMANDS_H

#include "base/base.h"   /* CG_EXIT_OK, CG_EXIT_INVALID, CG_EXIT_ERROR */

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);   /* argv[0] is the command name */
    const char *summary;                 /* one line for `circgen --help` */
    const char *usage;                   /* full text for `circgen help NAME` */
} cg_command;

int cmd_check(int argc, char **argv);
extern const char cmd_check_usage[];
int cmd_fo(int argc, char **argv);
extern const char cmd_fo_usage[];

int cmd_html(int argc, char **argv);
extern const char cmd_html_usage[];
int cmd_build(int argc, char **argv);
extern const char cmd_build_usage[];
int cmd_pdf(int argc, char **argv);
extern const char cmd_pdf_usage[];

int cmd_diff(int argc, char **argv);
extern const char cmd_diff_usage[];

int cmd_new(int argc, char **argv);
extern const char cmd_new_usage[];
int cmd_types(int argc, char **argv);
extern const char cmd_types_usage[];
int cmd_watch(int argc, char **argv);
extern const char cmd_watch_usage[];

/* The skeletons of `circgen new` (cmd_types.c): templates/TYPE/new/KIND.LANG.xml. */
typedef struct {
    char *type, *kind, *lang;   /* "tsb-circular", "consultation", "zh" */
    char *path;                 /* the file */
} cg_skeleton;
/* Is s a name of a type, kind or language (letters, digits, '-'; no path)? */
gboolean cg_name_ok(const char *s);
/* The document types (folders of the templates directory with a schema and a
 * stylesheet), sorted; an array of char*, freed with g_ptr_array_free(a, TRUE). */
GPtrArray *cg_types_list(void);
/* The skeletons of one type, sorted by kind then language (cg_skeleton*; free the array). */
GPtrArray *cg_skeletons_list(const char *type);
/* One-line descriptions: of a type (its schema's root element documentation) and of a
 * skeleton (the first line of its first comment). Caller frees; "" when none. */
char *cg_type_description(const char *type);
char *cg_skeleton_description(const char *path);
int cmd_xliff(int argc, char **argv);
extern const char cmd_xliff_usage[];

/* "dir/en.xml" -> "dir/en.EXT" (caller frees). */
char *cg_output_name(const char *input, const char *ext);

/* The command table, ending with a zeroed entry. */
extern const cg_command cg_commands[];

#endif
