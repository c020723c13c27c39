/* output.c — see output.h. */
#include "output.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cg_output {
    char *path;
    char *tmp;
    FILE *f;
};

gboolean cg_output_path_ok(const char *path, cg_diags *d)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return TRUE;
    cg_diag_add(d, CG_ERROR, path, 0, 0, S_ISDIR(st.st_mode) ? "cannot write: is a directory"
                : "cannot write: not a regular file (a device, pipe or socket); outputs are "
                  "written to a new file that replaces the old one");
    return FALSE;
}

cg_output *cg_output_open(const char *path, cg_diags *d)
{
    if (!cg_output_path_ok(path, d))
        return NULL;
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *tmpl = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    g_free(dir);
    g_free(base);
    int fd = g_mkstemp(tmpl);
    if (fd < 0) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot write: %s", g_strerror(errno));
        g_free(tmpl);
        return NULL;
    }
    /* mkstemp makes 0600; outputs are ordinary files (0666 less the umask). */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    cg_output *o = g_new0(cg_output, 1);
    o->path = g_strdup(path);
    o->tmp = tmpl;
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot write: %s", g_strerror(errno));
        close(fd);
        cg_output_abort(o);
        return NULL;
    }
    return o;
}

FILE *cg_output_file(cg_output *o)
{
    return o->f;
}

static void release(cg_output *o)
{
    g_free(o->path);
    g_free(o->tmp);
    g_free(o);
}

void cg_output_abort(cg_output *o)
{
    if (!o)
        return;
    if (o->f)
        fclose(o->f);
    unlink(o->tmp);
    release(o);
}

int cg_output_commit(cg_output *o, cg_diags *d)
{
    int err = 0;
    if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0)
        err = errno ? errno : EIO;
    if (fclose(o->f) != 0 && !err)
        err = errno;
    o->f = NULL;
    if (!err && rename(o->tmp, o->path) != 0)
        err = errno;
    if (err) {
        cg_diag_add(d, CG_ERROR, o->path, 0, 0, "cannot write: %s", g_strerror(err));
        unlink(o->tmp);
        release(o);
        return -1;
    }
    release(o);
    return 0;
}

int cg_write_file(const char *path, const void *data, size_t len, cg_diags *d)
{
    if (!strcmp(path, "-")) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            cg_diag_add(d, CG_ERROR, NULL, 0, 0, "cannot write to standard output: %s",
                        g_strerror(errno));
            return -1;
        }
        return 0;
    }
    cg_output *o = cg_output_open(path, d);
    if (!o)
        return -1;
    if (len && fwrite(data, 1, len, o->f) != len) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot write: %s", g_strerror(errno));
        cg_output_abort(o);
        return -1;
    }
    return cg_output_commit(o, d);
}
