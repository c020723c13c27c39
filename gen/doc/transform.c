/* transform.c — see transform.h. */
#include "transform.h"
#include "xslt.h"
#include "base/base.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>


/* ---- the sandbox ------------------------------------------------------ */

typedef struct {
    char *roots[2];   /* real paths of the folders that may be read */
} sandbox;

static char *real_dir(const char *path)
{
    char buf[PATH_MAX];
    return realpath(path, buf) ? g_strdup(buf) : NULL;
}

static gboolean under(const char *path, const char *root)
{
    size_t n = strlen(root);
    return root && !strncmp(path, root, n) && (path[n] == '/' || path[n] == 0);
}

static int forbid(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec;
    if (cg_xslt_current_diags())
        cg_diag_add(cg_xslt_current_diags(), CG_ERROR, NULL, 0, 0,
                    "the stylesheet tried to write or use the network ('%s'): refused",
                    value ? value : "");
    if (ctxt)
        ctxt->state = XSLT_STATE_STOPPED;
    return 0;
}

static int check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec;
    sandbox *sb = ctxt ? ctxt->_private : NULL;
    if (!sb)
        return 1;   /* compiling the stylesheet itself: its includes are in templates/ */
    char *path = NULL;
    if (!strncmp(value, "file://", 7))
        path = g_filename_from_uri(value, NULL, NULL);
    else if (!strstr(value, "://"))
        path = g_strdup(value);
    int ok = 0;
    if (path) {
        /* The file may not exist: resolve its folder. */
        char *dir = g_path_get_dirname(path);
        char *rdir = real_dir(dir);
        if (rdir)
            ok = under(rdir, sb->roots[0]) || under(rdir, sb->roots[1]);
        g_free(dir);
        g_free(rdir);
    }
    if (!ok && cg_xslt_current_diags())
        cg_diag_add(cg_xslt_current_diags(), CG_ERROR, NULL, 0, 0,
                    "the stylesheet tried to read '%s', outside the templates and the "
                    "document's folder: refused", value);
    g_free(path);
    return ok;
}

static xsltSecurityPrefsPtr sandbox_prefs(void)
{
    static xsltSecurityPrefsPtr prefs;
    if (!prefs) {
        prefs = xsltNewSecurityPrefs();
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, forbid);
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, forbid);
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, forbid);
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, forbid);
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, check_read);
    }
    return prefs;
}

/* ---- running ---------------------------------------------------------- */


xmlDocPtr cg_transform(xmlDocPtr doc, const char *name, const char **params, cg_diags *d)
{
    cg_transform_init();
    cg_doctype *t = cg_doctype_lookup(doc, d);
    if (!t)
        return NULL;
    xsltStylesheetPtr ss = cg_doctype_stylesheet(t, name, d);
    if (!ss)
        return NULL;

    /* String parameters are passed as XPath string literals. */
    GPtrArray *xp = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; params && params[i] && params[i + 1]; i += 2) {
        g_ptr_array_add(xp, g_strdup(params[i]));
        const char *v = params[i + 1];
        if (!strchr(v, '\'')) {
            g_ptr_array_add(xp, g_strdup_printf("'%s'", v));
        } else if (!strchr(v, '"')) {
            g_ptr_array_add(xp, g_strdup_printf("\"%s\"", v));
        } else {
            cg_diag_add(d, CG_ERROR, NULL, 0, 0, "parameter '%s' holds both kinds of quote", params[i]);
            g_ptr_array_free(xp, TRUE);
            return NULL;
        }
    }
    g_ptr_array_add(xp, NULL);

    sandbox sb = { { real_dir(cg_templates_dir()), NULL } };
    if (doc->URL) {
        char *dir = g_path_get_dirname((const char *)doc->URL);
        sb.roots[1] = real_dir(dir);
        g_free(dir);
    }
    cg_xslt_messages_begin(d, NULL);
    xsltTransformContextPtr tc = xsltNewTransformContext(ss, doc);
    xmlDocPtr res = NULL;
    if (tc) {
        tc->_private = &sb;
        xsltSetCtxtSecurityPrefs(sandbox_prefs(), tc);
        /* Bound recursion: a hostile or buggy stylesheet must not exhaust the stack. */
        tc->maxTemplateDepth = 3000;
        int before = d->errors;
        res = xsltApplyStylesheetUser(ss, doc, (const char **)xp->pdata, NULL, NULL, tc);
        if (res && (tc->state != XSLT_STATE_OK || d->errors > before)) {
            xmlFreeDoc(res);
            res = NULL;
        }
        xsltFreeTransformContext(tc);
    }
    cg_xslt_messages_end();
    if (!res && d->errors == 0)
        cg_diag_add(d, CG_ERROR, (const char *)doc->URL, 0, 0, "%s/%s failed", t->name, name);
    else if (!res)
        cg_diag_add(d, CG_NOTE, (const char *)doc->URL, 0, 0, "while applying %s/%s", t->name, name);
    g_free(sb.roots[0]);
    g_free(sb.roots[1]);
    g_ptr_array_free(xp, TRUE);
    return res;
}

int cg_transform_serialize(xmlDocPtr result, xmlDocPtr doc, const char *name, char **out,
                           size_t *len, cg_diags *d)
{
    cg_doctype *t = cg_doctype_lookup(doc, d);
    xsltStylesheetPtr ss = t ? cg_doctype_stylesheet(t, name, d) : NULL;
    xmlChar *buf = NULL;
    int n = 0;
    if (!ss || xsltSaveResultToString(&buf, &n, result, ss) != 0) {
        cg_diag_add(d, CG_ERROR, NULL, 0, 0, "cannot serialize the result of %s", name);
        return -1;
    }
    *out = g_strndup((const char *)buf, n);
    *len = n;
    xmlFree(buf);
    return 0;
}
