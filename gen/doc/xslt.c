/* xslt.c — see xslt.h. */
#include "xslt.h"

#include <string.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/transform.h>
#include <libxslt/extensions.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

/* ---- dates ------------------------------------------------------------ */

static int days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

static gboolean digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!g_ascii_isdigit(s[i]))
            return FALSE;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return TRUE;
}

gboolean cg_valid_iso_date(const char *s)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return FALSE;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return FALSE;
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

gboolean cg_valid_iso_datetime(const char *s)
{
    int h, mi, sec = 0;
    if (!s || strlen(s) < 16 || s[10] != 'T')
        return FALSE;
    char date[11];
    memcpy(date, s, 10);
    date[10] = 0;
    if (!cg_valid_iso_date(date))
        return FALSE;
    if (!digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi))
        return FALSE;
    size_t len = strlen(s);
    if (len == 19) {
        if (s[16] != ':' || !digits(s + 17, 2, &sec))
            return FALSE;
    } else if (len != 16) {
        return FALSE;
    }
    return h <= 23 && mi <= 59 && sec <= 59;
}

/* ---- XSLT extension functions ---------------------------------------- */

/* cg:locate(node-set) -> "line:col" of the first node, "" when unknown. */
static void fn_locate(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlXPathObjectPtr obj = valuePop(ctxt);
    char buf[64] = "";
    if (obj && obj->type == XPATH_NODESET && obj->nodesetval && obj->nodesetval->nodeNr > 0) {
        xmlNodePtr n = obj->nodesetval->nodeTab[0];
        if (n->type == XML_ATTRIBUTE_NODE)
            n = n->parent;
        g_snprintf(buf, sizeof buf, "%d:%d", cg_xml_line(n), cg_xml_column(n));
    }
    xmlXPathFreeObject(obj);
    valuePush(ctxt, xmlXPathNewCString(buf));
}

static void fn_valid_date(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *s = xmlXPathPopString(ctxt);
    valuePush(ctxt, xmlXPathNewBoolean(cg_valid_iso_date((const char *)s)));
    xmlFree(s);
}

static void fn_valid_datetime(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *s = xmlXPathPopString(ctxt);
    valuePush(ctxt, xmlXPathNewBoolean(cg_valid_iso_datetime((const char *)s)));
    xmlFree(s);
}

void cg_xslt_register(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    exsltRegisterAll();
    xsltRegisterExtModuleFunction((const xmlChar *)"locate", (const xmlChar *)CG_XSLT_NS, fn_locate);
    xsltRegisterExtModuleFunction((const xmlChar *)"valid-date", (const xmlChar *)CG_XSLT_NS,
                                  fn_valid_date);
    xsltRegisterExtModuleFunction((const xmlChar *)"valid-datetime", (const xmlChar *)CG_XSLT_NS,
                                  fn_valid_datetime);
}

xsltStylesheetPtr cg_xslt_load(const char *path, cg_diags *d)
{
    cg_transform_init();
    xmlDocPtr doc = cg_xml_read_file(path, d);
    if (!doc)
        return NULL;
    /* The stylesheet owns the document from here; drop our position table. */
    g_hash_table_destroy(doc->_private);
    doc->_private = NULL;
    cg_xslt_messages_begin(d, path);
    xsltStylesheetPtr ss = xsltParseStylesheetDoc(doc);
    cg_xslt_messages_end();
    if (!ss) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "cannot compile stylesheet");
        xmlFreeDoc(doc);
        return NULL;
    }
    if (ss->errors) {
        cg_diag_add(d, CG_ERROR, path, 0, 0, "stylesheet has %d error(s)", ss->errors);
        xsltFreeStylesheet(ss);
        return NULL;
    }
    return ss;
}

/* ---- document types --------------------------------------------------- */

/* ---- the safe loader and libxslt's messages ------------------------- */

/* Diagnostics of the transformation under way (libxslt's callbacks carry no user data
 * of ours). circgen transforms one document at a time per thread. */
static __thread cg_diags *current_diags;
static __thread const char *current_file;

/* libxslt's loader for xsl:include/import and document(): circgen's safe parser. */
static xmlDocPtr safe_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                             xsltLoadType type)
{
    (void)options, (void)ctxt, (void)type;
    cg_diags *tmp = NULL, *d = current_diags;
    if (!d)
        d = tmp = cg_diags_new();
    char *path = NULL;
    if (!strncmp((const char *)uri, "file://", 7))
        path = g_filename_from_uri((const char *)uri, NULL, NULL);
    else if (!strstr((const char *)uri, "://"))
        path = g_strdup((const char *)uri);
    xmlDocPtr doc = NULL;
    if (!path)
        cg_diag_add(d, CG_ERROR, (const char *)uri, 0, 0, "refused to load: not a local file");
    else
        doc = cg_xml_read_file_dict(path, dict, d);
    g_free(path);
    if (tmp) {
        cg_diags_print(tmp, stderr);
        cg_diags_free(tmp);
    }
    return doc;
}

void cg_transform_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    cg_xml_init();
    cg_xslt_register();
    xsltSetLoaderFunc(safe_loader);
}

static void xslt_message(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    if (!current_diags)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_strstrip(msg);
    if (*msg)
        cg_diag_add(current_diags, CG_ERROR, current_file, 0, 0, "%s", msg);
    g_free(msg);
}

typedef struct { cg_diags *d; const char *file; } saved_messages;
static __thread saved_messages saved[8];
static __thread int nsaved;

void cg_xslt_messages_begin(cg_diags *d, const char *file)
{
    if (nsaved < (int)G_N_ELEMENTS(saved))
        saved[nsaved] = (saved_messages){ current_diags, current_file };
    nsaved++;
    current_diags = d;
    current_file = file;
    xsltSetGenericErrorFunc(NULL, xslt_message);
}

void cg_xslt_messages_end(void)
{
    nsaved--;
    if (nsaved >= 0 && nsaved < (int)G_N_ELEMENTS(saved)) {
        current_diags = saved[nsaved].d;
        current_file = saved[nsaved].file;
    }
    if (!current_diags)
        xsltSetGenericErrorFunc(NULL, NULL);
}

cg_diags *cg_xslt_current_diags(void)
{
    return current_diags;
}
