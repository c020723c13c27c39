/* diffout.c — see diffout.h. */
#include "diffout.h"
#include "doc/doc.h"

#include <string.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

/* ---- text ------------------------------------------------------------- */

#define C_RESET "\033[0m"
#define C_BOLD  "\033[1m"
#define C_DIM   "\033[2m"
#define C_DEL   "\033[31;9m"
#define C_INS   "\033[32;4m"
#define C_MARK  "\033[1;7m"
#define C_DATA  "\033[36m"
#define C_KIND  "\033[33m"

static const char *side_label(const cg_report *r, int side)
{
    if (r->mode == CG_DIFF_REVISION)
        return side ? "new" : "old";
    const char *l = side ? r->lang_b : r->lang_a;
    return *l ? l : (side ? "b" : "a");
}

static void write_segs(GString *out, const GPtrArray *segs, gboolean color)
{
    for (guint i = 0; i < segs->len; i++) {
        const cg_seg *s = segs->pdata[i];
        const char *t = s->text->str;
        switch (s->kind) {
        case CG_SEG_SAME:
            g_string_append(out, t);
            break;
        case CG_SEG_DATA:
            if (color)
                g_string_append_printf(out, C_DATA "%s" C_RESET, t);
            else
                g_string_append(out, t);
            break;
        case CG_SEG_DEL:
            if (color)
                g_string_append_printf(out, C_DEL "%s" C_RESET, t);
            else
                g_string_append_printf(out, "[-%s-]", t);
            break;
        case CG_SEG_INS:
            if (color)
                g_string_append_printf(out, C_INS "%s" C_RESET, t);
            else
                g_string_append_printf(out, "{+%s+}", t);
            break;
        case CG_SEG_MARK:
            if (color)
                g_string_append_printf(out, C_MARK "%s" C_RESET, t);
            else
                g_string_append_printf(out, ">>%s<<", t);
            break;
        }
    }
}

static char *short_name(const char *path)
{
    return g_path_get_basename(path);
}

void cg_report_write_text(const cg_report *r, GString *out, gboolean color)
{
    char *na = short_name(r->file_a), *nb = short_name(r->file_b);
    const char *b0 = color ? C_BOLD : "", *b1 = color ? C_RESET : "";
    const char *d0 = color ? C_DIM : "", *k0 = color ? C_KIND : "";
    if (r->mode == CG_DIFF_TRANSLATION)
        g_string_append_printf(out, "%scircgen diff%s: translation check, %s (%s) against %s (%s)\n",
                               b0, b1, r->file_a, r->lang_a, r->file_b, r->lang_b);
    else
        g_string_append_printf(out, "%scircgen diff%s: revision, %s (old) to %s (new)\n", b0, b1,
                               r->file_a, r->file_b);
    guint with_id = 0;
    for (guint i = 0; i < r->entries->len; i++) {
        const cg_entry *e = r->entries->pdata[i];
        g_string_append_c(out, '\n');
        if (e->id) {
            with_id++;
            g_string_append_printf(out, "%s%s%s · %s", b0, e->id, b1, e->place);
        } else {
            g_string_append_printf(out, "%s%s%s", b0, e->place, b1);
        }
        g_string_append(out, d0);
        if (e->line_a)
            g_string_append_printf(out, " · %s:%d", na, e->line_a);
        if (e->line_b)
            g_string_append_printf(out, " · %s:%d", nb, e->line_b);
        g_string_append_printf(out, "%s\n", color ? C_RESET : "");
        for (guint j = 0; j < e->findings->len; j++) {
            const cg_finding *f = e->findings->pdata[j];
            g_string_append_printf(out, "  %s%s%s: %s\n", k0, cg_finding_kind_id(f->kind), b1, f->message);
        }
        for (int side = 0; side < 2; side++) {
            const GPtrArray *segs = side ? e->text_b : e->text_a;
            if (!segs)
                continue;
            g_string_append_printf(out, "  %s%-3s│%s ", d0, side_label(r, side), color ? C_RESET : "");
            write_segs(out, segs, color);
            g_string_append_c(out, '\n');
        }
    }
    if (r->findings == 0)
        g_string_append_printf(out, "\nno findings (%u units in %s, %u in %s)\n", r->units_a, na,
                               r->units_b, nb);
    else
        g_string_append_printf(out, "\n%u finding%s in %u place%s (%u units in %s, %u in %s)\n",
                               r->findings, r->findings > 1 ? "s" : "", r->entries->len,
                               r->entries->len > 1 ? "s" : "", r->units_a, na, r->units_b, nb);
    (void)with_id;
    g_free(na);
    g_free(nb);
}

/* ---- XML -------------------------------------------------------------- */

static void set_int(xmlNodePtr n, const char *name, long v)
{
    char buf[32];
    g_snprintf(buf, sizeof buf, "%ld", v);
    xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)buf);
}

static void set_str(xmlNodePtr n, const char *name, const char *v)
{
    if (v)
        xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)v);
}

static void xml_segs(xmlNodePtr parent, xmlNsPtr ns, const GPtrArray *segs, const char *side)
{
    xmlNodePtr t = xmlNewChild(parent, ns, (const xmlChar *)"text", NULL);
    set_str(t, "side", side);
    for (guint i = 0; i < segs->len; i++) {
        const cg_seg *s = segs->pdata[i];
        static const char *const names[] = { NULL, "del", "ins", "mark", "data" };
        if (s->kind == CG_SEG_SAME) {
            xmlAddChild(t, xmlNewTextLen((const xmlChar *)s->text->str, (int)s->text->len));
        } else {
            xmlNodePtr m = xmlNewChild(t, ns, (const xmlChar *)names[s->kind], NULL);
            xmlAddChild(m, xmlNewTextLen((const xmlChar *)s->text->str, (int)s->text->len));
        }
    }
}

xmlDocPtr cg_report_to_xml(const cg_report *r)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"diff");
    xmlNsPtr ns = xmlNewNs(root, (const xmlChar *)CG_DIFF_NS, NULL);
    xmlSetNs(root, ns);
    xmlDocSetRootElement(doc, root);
    set_str(root, "mode", r->mode == CG_DIFF_REVISION ? "revision" : "translation");
    set_int(root, "findings", r->findings);
    set_int(root, "places", r->entries->len);
    for (int side = 0; side < 2; side++) {
        xmlNodePtr v = xmlNewChild(root, ns, (const xmlChar *)"version", NULL);
        set_str(v, "side", side ? "b" : "a");
        set_str(v, "file", side ? r->file_b : r->file_a);
        set_str(v, "lang", side ? r->lang_b : r->lang_a);
        set_int(v, "units", side ? r->units_b : r->units_a);
    }
    for (int k = 0; k < CG_FIND_KINDS; k++) {
        if (!r->by_kind[k])
            continue;
        xmlNodePtr c = xmlNewChild(root, ns, (const xmlChar *)"count", NULL);
        set_str(c, "kind", cg_finding_kind_id(k));
        set_int(c, "findings", r->by_kind[k]);
    }
    for (guint i = 0; i < r->entries->len; i++) {
        const cg_entry *e = r->entries->pdata[i];
        xmlNodePtr en = xmlNewChild(root, ns, (const xmlChar *)"entry", NULL);
        set_str(en, "id", e->id);
        set_str(en, "element", e->element);
        set_str(en, "place", e->place);
        set_str(en, "status", e->status);
        if (e->line_a)
            set_int(en, "line-a", e->line_a);
        if (e->line_b)
            set_int(en, "line-b", e->line_b);
        for (guint j = 0; j < e->findings->len; j++) {
            const cg_finding *f = e->findings->pdata[j];
            xmlNodePtr fn = xmlNewChild(en, ns, (const xmlChar *)"finding", NULL);
            set_str(fn, "kind", cg_finding_kind_id(f->kind));
            set_str(fn, "what", f->what);
            set_str(fn, "a", f->a);
            set_str(fn, "b", f->b);
            xmlAddChild(fn, xmlNewText((const xmlChar *)f->message));
        }
        if (e->text_a)
            xml_segs(en, ns, e->text_a, "a");
        if (e->text_b)
            xml_segs(en, ns, e->text_b, "b");
    }
    return doc;
}

/* ---- HTML ------------------------------------------------------------- */

static int refuse(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec, (void)value;
    if (ctxt)
        ctxt->state = XSLT_STATE_STOPPED;
    return 0;
}

char *cg_report_to_html(const cg_report *r, gsize *len, cg_diags *d)
{
    char *path = g_build_filename(cg_templates_dir(), "diff", "report.xsl", NULL);
    xsltStylesheetPtr ss = cg_xslt_load(path, d);
    g_free(path);
    if (!ss)
        return NULL;
    xmlDocPtr xml = cg_report_to_xml(r);
    /* The report needs no file and no network. */
    xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, refuse);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, refuse);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, refuse);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, refuse);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, refuse);
    xsltTransformContextPtr tc = xsltNewTransformContext(ss, xml);
    xsltSetCtxtSecurityPrefs(sec, tc);
    xmlDocPtr res = xsltApplyStylesheetUser(ss, xml, NULL, NULL, NULL, tc);
    char *html = NULL;
    if (!res || tc->state != XSLT_STATE_OK) {
        cg_diag_add(d, CG_ERROR, NULL, 0, 0, "the diff report stylesheet failed");
    } else {
        xmlChar *buf = NULL;
        int n = 0;
        if (xsltSaveResultToString(&buf, &n, res, ss) == 0 && buf) {
            html = g_strndup((const char *)buf, n);
            *len = (gsize)n;
        } else {
            cg_diag_add(d, CG_ERROR, NULL, 0, 0, "cannot serialize the diff report");
        }
        xmlFree(buf);
    }
    if (res)
        xmlFreeDoc(res);
    xsltFreeTransformContext(tc);
    xsltFreeSecurityPrefs(sec);
    xmlFreeDoc(xml);
    xsltFreeStylesheet(ss);
    return html;
}
