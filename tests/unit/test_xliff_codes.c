/* test_xliff_codes.c — the inline codes of a unit (xliff/xsource.h) and the rules a
 * target's codes must follow (xliff/xcodes.h): known, once, of the right kind,
 * balanced, not overlapping, none that cannot be deleted missing, reordering allowed;
 * a target rebuilt into the source's own elements. Documents are made in memory. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "xliff/xsource.h"
#include "xliff/xcodes.h"
#include "diff/diff.h"
#include "base/base.h"

typedef struct {
    xmlDocPtr doc;
    cg_diff_rules *rules;
    cg_version *v;
    cg_xunit *u;
} fixture;

/* One unit <p id="u">...</p> with b as the paired (prose) element. */
static void setup_unit(fixture *f, const char *content)
{
    char *xml = g_strdup_printf("<doc xmlns='urn:test' xml:lang='en'><p id='u'>%s</p></doc>", content);
    cg_diags *d = cg_diags_new();
    f->doc = cg_xml_read_memory(xml, strlen(xml), "mem.xml", d);
    cg_diags_free(d);
    g_free(xml);
    assert_non_null(f->doc);
    f->rules = cg_diff_rules_new();
    cg_diff_rules_add(f->rules, "b", NULL);
    cg_diff_rules_add(f->rules, "link", NULL);
    f->v = cg_version_new(f->doc, "mem.xml", f->rules);
    cg_unit *unit = g_hash_table_lookup(f->v->by_id, "u");
    assert_non_null(unit);
    f->u = cg_xunit_new(unit, f->rules, NULL);
}

static void teardown_unit(fixture *f)
{
    cg_xunit_free(f->u);
    cg_version_free(f->v);
    cg_diff_rules_free(f->rules);
    cg_xml_free(f->doc);
}

/* Tokens from a compact form: "text" {ph:ID} {o:ID} {c:ID}. */
static GPtrArray *toks(const char *spec)
{
    GPtrArray *t = cg_xtoks_new();
    const char *p = spec;
    while (*p) {
        if (*p == '{') {
            const char *end = strchr(p, '}');
            char *id = g_strndup(strchr(p, ':') + 1, end - strchr(p, ':') - 1);
            cg_xtok_kind k = p[1] == 'p' ? CG_XT_PH : p[1] == 'o' ? CG_XT_OPEN : CG_XT_CLOSE;
            cg_xtoks_add(t, k, id, NULL);
            g_free(id);
            p = end + 1;
        } else {
            const char *end = strchr(p, '{');
            char *text = end ? g_strndup(p, end - p) : g_strdup(p);
            cg_xtoks_add(t, CG_XT_TEXT, text, NULL);
            p += strlen(text);
            g_free(text);
        }
    }
    return t;
}

/* Check spec against the unit; NULL when accepted, else the message (static copy). */
static const char *check(fixture *f, const char *spec)
{
    static char buf[512];
    GPtrArray *t = toks(spec);
    char *msg = NULL;
    const cg_xtok *at = NULL;
    int rc = cg_xtoks_check(f->u, t, &msg, &at);
    g_ptr_array_unref(t);
    if (rc == 0)
        return NULL;
    g_strlcpy(buf, msg, sizeof buf);
    g_free(msg);
    return buf;
}

static const char UNIT[] = "By <date value='2025-07-23'/>, see <b>the <rec>X.1</rec> text</b> "
                           "and <link href='https://x'>this</link>.";

static void test_codes(void **state)
{
    (void)state;
    fixture f;
    setup_unit(&f, UNIT);
    assert_int_equal(f.u->codes->len, 4);
    const cg_xcode *c1 = f.u->codes->pdata[0], *c2 = f.u->codes->pdata[1],
                   *c3 = f.u->codes->pdata[2], *c4 = f.u->codes->pdata[3];
    assert_string_equal(c1->id, "1");
    assert_false(c1->paired);
    assert_false(c1->can_delete);
    assert_string_equal(c1->data, "<date value=\"2025-07-23\"/>");
    assert_true(c2->paired);
    assert_true(c2->can_delete);           /* b: no attributes */
    assert_string_equal(c2->data, "<b>");
    assert_string_equal(c2->data_end, "</b>");
    assert_false(c3->paired);              /* rec inside b: its own code */
    assert_string_equal(c3->data, "<rec>X.1</rec>");
    assert_true(c4->paired);
    assert_false(c4->can_delete);          /* a labelled link carries its address */
    teardown_unit(&f);
}

static void test_accepts(void **state)
{
    (void)state;
    fixture f;
    setup_unit(&f, UNIT);
    assert_null(check(&f, "Bis {ph:1}, {o:2}der {ph:3} Text{c:2} und {o:4}das{c:4}."));
    /* reordered, and b (deletable) left out */
    assert_null(check(&f, "{o:4}das{c:4} {ph:3} vor {ph:1}"));
    /* nesting changed: the placeholder moved out of the paired code */
    assert_null(check(&f, "{ph:3}{o:2}x{c:2}{ph:1}{o:4}y{c:4}"));
    teardown_unit(&f);
}

static void test_refuses(void **state)
{
    (void)state;
    fixture f;
    setup_unit(&f, UNIT);
    const char *m;
    m = check(&f, "{o:2}x{c:2}{ph:3}{o:4}y{c:4}");
    assert_non_null(strstr(m, "lacks the code 1 (<date>"));
    m = check(&f, "{ph:1}{ph:3}{o:4}y{c:4}{ph:9}");
    assert_non_null(strstr(m, "code '9' is not a code"));
    m = check(&f, "{ph:1}{ph:1}{ph:3}{o:4}y{c:4}");
    assert_non_null(strstr(m, "code 1 (<date>) appears more than once"));
    m = check(&f, "{o:1}x{c:1}{ph:3}{o:4}y{c:4}");
    assert_non_null(strstr(m, "is a placeholder in the source, not a paired code"));
    m = check(&f, "{ph:1}{ph:2}{ph:3}{o:4}y{c:4}");
    assert_non_null(strstr(m, "is a paired code in the source, not a placeholder"));
    m = check(&f, "{ph:1}{ph:3}{o:4}y");
    assert_non_null(strstr(m, "paired code 4 (<link>) is opened but never closed"));
    m = check(&f, "{ph:1}{ph:3}y{c:4}");
    assert_non_null(strstr(m, "paired code 4 (<link>) is closed but not opened"));
    m = check(&f, "{ph:1}{ph:3}{o:2}a{o:4}b{c:2}c{c:4}");
    assert_non_null(strstr(m, "paired codes 4 and 2 overlap"));
    m = check(&f, "{ph:1}{ph:3}");
    assert_non_null(strstr(m, "lacks the code 4 (<link>"));
    teardown_unit(&f);
}

static void test_apply(void **state)
{
    (void)state;
    fixture f;
    setup_unit(&f, UNIT);
    GPtrArray *t = toks("{o:4}das{c:4} & {ph:3} <vor> {ph:1}");
    char *msg = NULL;
    const cg_xtok *at = NULL;
    assert_int_equal(cg_xtoks_check(f.u, t, &msg, &at), 0);
    cg_xtoks_apply(f.u, t);
    g_ptr_array_unref(t);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, f.doc, f.u->unit->node, 0, 0);
    assert_string_equal((const char *)xmlBufferContent(buf),
                        "<p id=\"u\"><link href=\"https://x\">das</link> &amp; <rec>X.1</rec> "
                        "&lt;vor&gt; <date value=\"2025-07-23\"/></p>");
    xmlBufferFree(buf);
    teardown_unit(&f);
}

static void test_from_leaf(void **state)
{
    (void)state;
    fixture f;
    setup_unit(&f, UNIT);
    /* Another version of the unit: elements matched by name, equal markup first. */
    const char *zh = "<p xmlns='urn:test' id='u'><link href='https://x'>此</link><rec>X.1</rec>"
                     "<b>文</b><date value='2025-07-23'/></p>";
    cg_diags *d = cg_diags_new();
    xmlDocPtr other = cg_xml_read_memory(zh, strlen(zh), "zh.xml", d);
    GPtrArray *t = cg_xtoks_from_leaf(f.rules, f.u, xmlDocGetRootElement(other), d);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < t->len; i++) {
        const cg_xtok *k = t->pdata[i];
        if (k->kind == CG_XT_TEXT)
            g_string_append(s, k->text);
        else
            g_string_append_printf(s, "{%s:%s}", k->kind == CG_XT_PH ? "ph" : k->kind == CG_XT_OPEN ? "o" : "c", k->id);
    }
    assert_string_equal(s->str, "{o:4}此{c:4}{ph:3}{o:2}文{c:2}{ph:1}");
    assert_int_equal(d->warnings, 0);
    g_string_free(s, TRUE);
    g_ptr_array_unref(t);
    cg_xml_free(other);
    cg_diags_free(d);
    teardown_unit(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_accepts),
        cmocka_unit_test(test_refuses),
        cmocka_unit_test(test_apply),
        cmocka_unit_test(test_from_leaf),
    };
    return cmocka_run_group_tests_name("xliff codes", tests, NULL, NULL);
}
