/* paths.c — see paths.h. */
#include "paths.h"
#include "config.h"

#include <glib.h>

static char *templates_dir;

void cg_set_templates_dir(const char *dir)
{
    g_free(templates_dir);
    templates_dir = g_strdup(dir);
}

const char *cg_templates_dir(void)
{
    if (templates_dir)
        return templates_dir;
    const char *env = g_getenv("CIRCGEN_TEMPLATES");
    if (env && *env) {
        templates_dir = g_strdup(env);
        return templates_dir;
    }
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        char *dir = g_path_get_dirname(exe);
        char *cand = g_build_filename(dir, "templates", NULL);
        g_free(dir);
        g_free(exe);
        if (g_file_test(cand, G_FILE_TEST_IS_DIR)) {
            templates_dir = cand;
            return templates_dir;
        }
        g_free(cand);
    }
    templates_dir = g_build_filename(CIRCGEN_DATADIR, "templates", NULL);
    return templates_dir;
}
