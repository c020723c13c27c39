/* test_diff_align.c — the document model (units, text, data, fields, places) and the
 * alignment of two versions: missing, extra, moved, facts, data, revisions. Documents
 * are made in memory; no type's templates are needed (the model is generic). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <glib/gstdio.h>

#include "diff/diff.h"
#include "diff/diffdoc.h"
#include "base/base.h"

static cg_diff_rules *rules(void)
{
    cg_diff_rules *r = cg_diff_rules_new();
    cg_diff_rules_add(r, "b", NULL);
    cg_diff_rules_add(r, "para", "paragraph {n}");
    cg_diff_rules_add(r, "item", "{@code}");
    cg_diff_rules_add(r, "group", "");
    return r;
}

static xmlDocPtr doc(const char *lang, const char *body)
{
    char *xml = g_strdup_printf("<doc xmlns='urn:test' xml:lang='%s' n='5'>%s</doc>", lang, body);
    cg_diags *d = cg_diags_new();
    xmlDocPtr x = cg_xml_read_memory(xml, strlen(xml), "mem.xml", d);
    cg_diags_free(d);
    g_free(xml);
    assert_non_null(x);
    return x;
}

typedef struct {
    xmlDocPtr da, db;
    cg_version *a, *b;
    cg_report *r;
    cg_diff_rules *rules;
} pair;

static void compare(pair *p, const char *la, const char *a, const char *lb, const char *b)
{
    p->rules = rules();
    p->da = doc(la, a);
    p->db = doc(lb, b);
    p->a = cg_version_new(p->da, "a.xml", p->rules);
    p->b = cg_version_new(p->db, "b.xml", p->rules);
    p->r = cg_diff_versions(p->a, p->b, CG_DIFF_AUTO);
}

static void release(pair *p)
{
    cg_report_free(p->r);
    cg_version_free(p->a);
    cg_version_free(p->b);
    cg_xml_free(p->da);
    cg_xml_free(p->db);
    cg_diff_rules_free(p->rules);
}

/* "kind:id kind:id ..." of the report's findings, in order. */
static char *summary(const cg_report *r)
{
    GString *s = g_string_new("");
    for (guint i = 0; i < r->entries->len; i++) {
        const cg_entry *e = r->entries->pdata[i];
        for (guint j = 0; j < e->findings->len; j++) {
            const cg_finding *f = e->findings->pdata[j];
            g_string_append_printf(s, "%s%s:%s", s->len ? " " : "", cg_finding_kind_id(f->kind),
                                   e->id ? e->id : e->place);
        }
    }
    return g_string_free(s, FALSE);
}

static void expect(const char *la, const char *a, const char *lb, const char *b, const char *want)
{
    pair p;
    compare(&p, la, a, lb, b);
    char *got = summary(p.r);
    if (strcmp(got, want))
        print_error("got  %s\nwant %s\n", got, want);
    assert_string_equal(got, want);
    g_free(got);
    release(&p);
}

static void test_model(void **state)
{
    (void)state;
    cg_diff_rules *r = rules();
    xmlDocPtr x = doc("en", "<sec id='s1'><para id='p1'>  Hello <b>bold</b>\n  world <date value='2025-01-02'/> "
                            "on <rec>X.1062</rec>.  </para><para id='p2'/></sec>"
                            "<group><item id='i1' code='X.1'><t id='t1'>Title</t></item></group>"
                            "<contact><phone>+41 22</phone></contact>");
    cg_version *v = cg_version_new(x, "m.xml", r);
    assert_string_equal(v->lang, "en");
    assert_int_equal(v->units->len, 5);
    cg_unit *s1 = g_hash_table_lookup(v->by_id, "s1"), *p1 = g_hash_table_lookup(v->by_id, "p1");
    assert_false(s1->leaf);
    assert_true(p1->leaf);
    assert_string_equal(p1->text->str, "Hello bold world ⟨date 2025-01-02⟩ on X.1062.");
    assert_int_equal(p1->data->len, 2);
    assert_string_equal(((cg_datum *)p1->data->pdata[0])->key, "date value=2025-01-02|");
    assert_string_equal(((cg_datum *)p1->data->pdata[1])->key, "rec|X.1062");
    assert_string_equal(p1->place, "sec › paragraph 1");
    cg_unit *p2 = g_hash_table_lookup(v->by_id, "p2");
    assert_string_equal(p2->place, "sec › paragraph 2");
    assert_int_equal(p2->text->len, 0);
    cg_unit *t1 = g_hash_table_lookup(v->by_id, "t1");
    assert_string_equal(t1->place, "X.1 › t");    /* group left out, item named by @code */
    /* Fields: root attribute, item attribute, data text outside units. */
    assert_non_null(g_hash_table_lookup(v->by_key, "/doc/@n"));
    assert_non_null(g_hash_table_lookup(v->by_key, "#i1/@code"));
    cg_field *ph = g_hash_table_lookup(v->by_key, "/doc/contact/phone");
    assert_non_null(ph);
    assert_string_equal(ph->value, "+41 22");
    cg_version_free(v);
    cg_xml_free(x);
    cg_diff_rules_free(r);
}

/* Places as the reader sees them, from rules with conditions and placeholders
 * (written here as a common diff-rules.xml, loaded as circgen loads it). */
static void test_places(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("cg-places-XXXXXX", NULL);
    char *common = g_build_filename(dir, "common", NULL);
    g_mkdir_with_parents(common, 0700);
    char *file = g_build_filename(common, "diff-rules.xml", NULL);
    const char *xml =
        "<diff-rules xmlns='urn:circgen:diff-rules'>"
        "<label element='para' text='paragraph {number}'/>"
        "<label element='item' under='list[type=letter]' start='start' text='item {a})'/>"
        "<label element='item' text='item {n}'/>"
        "<label element='row' under='table' text='row {n}'/>"
        "<label element='row' under='head' text='row {n}' alone=''/>"
        "<label element='cell' within='head' text='column {col}'/>"
        "<label element='cell' head='head' text='{column}'/>"
        "<label element='footnote' text='footnote {call:footnote-ref@ref}'/>"
        "<label element='heading' text='heading “{text}”'/>"
        "</diff-rules>";
    assert_true(g_file_set_contents(file, xml, -1, NULL));
    cg_diags *d = cg_diags_new();
    cg_diff_rules *r = cg_diff_rules_load(dir, NULL, d);
    assert_non_null(r);
    xmlDocPtr x = doc("en",
        "<letter><para><p id='a'>x<footnote-ref ref='f2'/><footnote-ref ref='f1'/></p>"
        "<para id='b'>y</para><para><para id='c'>z</para></para></para>"
        "<footnote id='f1'>one</footnote><footnote id='f2'>two</footnote>"
        "<list type='letter' start='3'><item id='i1'>c</item><item id='i2'>d</item></list>"
        "<list type='bullet'><item id='i3'>e</item></list></letter>"
        "<heading id='h'>Practical information</heading>"
        "<table><head><row><cell id='h1'>No.</cell><cell id='h2'>Title</cell><cell id='h3'>Status</cell></row></head>"
        "<row><cell id='r1' rowspan='2'>1</cell><cell id='r1b' colspan='2'>span</cell></row>"
        "<row><cell id='r2'>T</cell><cell id='r2b'>S</cell></row></table>");
    cg_version *v = cg_version_new(x, "p.xml", r);
    const char *want[][2] = {
        { "a", "letter › paragraph 1 › p" }, { "b", "letter › paragraph 1.1" },
        { "c", "letter › paragraph 1.2.1" }, { "f1", "letter › footnote 2" },
        { "f2", "letter › footnote 1" }, { "i1", "letter › list 1 › item c)" },
        { "i2", "letter › list 1 › item d)" }, { "i3", "letter › list 2 › item 1" },
        { "h", "heading “Practical information”" }, { "h2", "table › head › column 2" },
        { "r1", "table › row 1 › No." }, { "r1b", "table › row 1 › Title" },
        { "r2", "table › row 2 › Title" }, { "r2b", "table › row 2 › Status" },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        cg_unit *u = g_hash_table_lookup(v->by_id, want[i][0]);
        assert_non_null(u);
        assert_string_equal(u->place, want[i][1]);
    }
    cg_version_free(v);
    cg_xml_free(x);
    cg_diff_rules_free(r);
    cg_diags_free(d);
    g_unlink(file);
    g_rmdir(common);
    g_rmdir(dir);
    g_free(file);
    g_free(common);
    g_free(dir);
}

static void test_identical(void **state)
{
    (void)state;
    const char *d = "<para id='p1'>Study Group 17 meets on <date value='2025-12-03'/>.</para>";
    expect("en", d, "en", d, "");
    expect("en", "<para id='p1'>Study Group 17 meets in three weeks.</para>", "zh",
           "<para id='p1'>第17研究组将在三周后开会。</para>", "");
}

static void test_missing_extra(void **state)
{
    (void)state;
    expect("en", "<para id='p1'>One two three.</para><para id='p2'>Four five six.</para>",
           "zh", "<para id='p1'>一二三。</para><para id='p3'>四五六。</para>",
           "extra:p3 missing:p2");   /* p3 sits right after p1 */
}

static void test_moved(void **state)
{
    (void)state;
    expect("en", "<para id='a'>A</para><para id='b'>B</para><para id='c'>C</para><para id='d'>D</para>",
           "en", "<para id='a'>A</para><para id='c'>C</para><para id='d'>D</para><para id='b'>B</para>",
           "moved:b");
}

static void test_facts(void **state)
{
    (void)state;
    /* a number changed, a spelled-out number forgiven, a date in words against digits */
    expect("en", "<para id='p'>If 70% reply within 10 days, by 3 December 2025.</para>", "zh",
           "<para id='p'>如果80%在十天内于2025年12月3日答复。</para>", "fact:p");
    expect("en", "<para id='p'>Write to a@itu.int or call +41 22 730 6206.</para>", "zh",
           "<para id='p'>请写信至b@itu.int或致电+41 22 730 6206。</para>", "fact:p");
    expect("en", "<para id='p'>See [SG17-R6] and X.1062.</para>", "zh",
           "<para id='p'>见[SG17-R7]和X.1062。</para>", "fact:p");
}

static void test_data_and_fields(void **state)
{
    (void)state;
    expect("en", "<para id='p' k='1'>By <date value='2025-01-02'/> at the latest.</para>", "zh",
           "<para id='p' k='2'>最迟于<date value='2025-01-03'/>。</para>", "data:p field:p");
}

static void test_untranslated_empty(void **state)
{
    (void)state;
    expect("en", "<para id='p'>This text was not translated at all.</para><para id='q'>Text.</para>", "zh",
           "<para id='p'>This text was not translated at all.</para><para id='q'></para>",
           "untranslated:p empty:q");
    /* Short units that read the same (names, acronyms) are not flagged. */
    expect("en", "<para id='p'>Seizo Onoe</para>", "fr", "<para id='p'>Seizo Onoe</para>", "");
}

static void test_revision(void **state)
{
    (void)state;
    pair p;
    compare(&p, "en", "<para id='p'>The cat sat on the mat.</para>", "en",
            "<para id='p'>The black cat sat on a mat.</para>");
    assert_int_equal(p.r->mode, CG_DIFF_REVISION);
    assert_int_equal(p.r->findings, 1);
    const cg_entry *e = p.r->entries->pdata[0];
    const cg_finding *f = e->findings->pdata[0];
    assert_int_equal(f->kind, CG_FIND_TEXT);
    assert_string_equal(f->a, "1");   /* "the" deleted */
    assert_string_equal(f->b, "2");   /* "black", "a" inserted */
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < e->text_b->len; i++) {
        const cg_seg *g = e->text_b->pdata[i];
        g_string_append_printf(s, g->kind == CG_SEG_INS ? "{%s}" : "%s", g->text->str);
    }
    assert_string_equal(s->str, "The {black }cat sat on {a} mat.");
    g_string_free(s, TRUE);
    release(&p);
    /* Chinese: character by character */
    compare(&p, "zh", "<para id='p'>本建议书概述了多云。</para>", "zh", "<para id='p'>本建议书概述多云。</para>");
    f = ((cg_entry *)p.r->entries->pdata[0])->findings->pdata[0];
    assert_string_equal(f->a, "1");
    assert_string_equal(f->b, "0");
    release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_missing_extra),
        cmocka_unit_test(test_moved),
        cmocka_unit_test(test_facts),
        cmocka_unit_test(test_data_and_fields),
        cmocka_unit_test(test_untranslated_empty),
        cmocka_unit_test(test_revision),
    };
    return cmocka_run_group_tests_name("diff_align", tests, NULL, NULL);
}
