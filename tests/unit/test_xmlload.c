/* Unit tests: the safe XML loader (positions, refusals, encodings) and date checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "base/base.h"
#include "doc/doc.h"

static xmlDocPtr load(const char *text, cg_diags *d)
{
    return cg_xml_read_memory(text, strlen(text), "mem.xml", d);
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (n = n->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name))
            return n;
    return NULL;
}

static void test_positions(void **state)
{
    (void)state;
    const char *text = "<?xml version=\"1.0\"?>\n"
                       "<a>\n"
                       "  <b x=\"1\"/>  <c/>\n"
                       "\xe4\xb8\xad\xe6\x96\x87<d/>\n"        /* two Chinese characters, then <d/> */
                       "  <e\n     y=\"2\"\n  >t</e>\n"          /* a start tag over three lines */
                       "</a>\n";
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = load(text, d);
    assert_non_null(doc);
    assert_int_equal(d->errors, 0);
    xmlNodePtr a = xmlDocGetRootElement(doc);
    assert_int_equal(cg_xml_line(a), 2);
    assert_int_equal(cg_xml_column(a), 1);
    assert_int_equal(cg_xml_line(child(a, "b")), 3);
    assert_int_equal(cg_xml_column(child(a, "b")), 3);
    assert_int_equal(cg_xml_column(child(a, "c")), 15);
    /* Columns count characters, not bytes. */
    assert_int_equal(cg_xml_line(child(a, "d")), 4);
    assert_int_equal(cg_xml_column(child(a, "d")), 3);
    /* A start tag over several lines is located at its '<'. */
    assert_int_equal(cg_xml_line(child(a, "e")), 5);
    assert_int_equal(cg_xml_column(child(a, "e")), 3);
    cg_xml_free(doc);
    cg_diags_free(d);
}

static void test_diag_at_node(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = load("<a>\n <b/></a>", d);
    cg_xml_diag(d, CG_ERROR, child(xmlDocGetRootElement(doc), "b"), "bad <%s>", "b");
    assert_true(cg_diags_contain(d, "mem.xml:2:2: error: bad <b>"));
    cg_xml_free(doc);
    cg_diags_free(d);
}

static void test_not_well_formed(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    assert_null(load("<a>\n<b></a>", d));
    assert_int_equal(d->errors, 1);  /* only the first error, no cascade */
    assert_true(cg_diags_contain(d, "mem.xml:2:"));
    assert_true(cg_diags_contain(d, "mismatch"));
    cg_diags_free(d);
}

static void test_entity_declarations_refused(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    assert_null(load("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", d));
    assert_true(cg_diags_contain(d, "entity declaration 'x'"));
    cg_diags_free(d);

    d = cg_diags_new();
    assert_null(load("<!DOCTYPE a [<!ENTITY x SYSTEM \"/etc/passwd\">]><a>&x;</a>", d));
    assert_true(cg_diags_contain(d, "(external, '/etc/passwd')"));
    cg_diags_free(d);
}

static void test_doctype_refused(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    assert_null(load("<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"a.dtd\">\n<a/>", d));
    assert_true(cg_diags_contain(d, "mem.xml:2:"));
    assert_true(cg_diags_contain(d, "DOCTYPE declaration is not allowed"));
    cg_diags_free(d);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    assert_null(load("<a>\nok \xff</a>", d));
    assert_true(cg_diags_contain(d, "mem.xml:2:"));
    assert_true(cg_diags_contain(d, "UTF-8"));
    cg_diags_free(d);
}

static void test_deep_nesting_bounded(void **state)
{
    (void)state;
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 100000; i++)
        g_string_append(s, "<a>");
    cg_diags *d = cg_diags_new();
    assert_null(cg_xml_read_memory(s->str, s->len, "deep.xml", d));
    assert_true(cg_diags_contain(d, "deep.xml:1:"));
    g_string_free(s, TRUE);
    cg_diags_free(d);
}

static void test_missing_file(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    assert_null(cg_xml_read_file("/nonexistent/x.xml", d));
    assert_true(cg_diags_contain(d, "/nonexistent/x.xml: error: cannot read"));
    cg_diags_free(d);
}

static void test_dates(void **state)
{
    (void)state;
    assert_true(cg_valid_iso_date("2025-07-23"));
    assert_true(cg_valid_iso_date("2024-02-29"));
    assert_true(cg_valid_iso_date("2000-02-29"));
    assert_false(cg_valid_iso_date("1900-02-29"));
    assert_false(cg_valid_iso_date("2023-02-29"));
    assert_false(cg_valid_iso_date("2025-04-31"));
    assert_false(cg_valid_iso_date("2025-13-01"));
    assert_false(cg_valid_iso_date("2025-00-10"));
    assert_false(cg_valid_iso_date("2025-7-23"));
    assert_false(cg_valid_iso_date("2025-07-23x"));
    assert_false(cg_valid_iso_date(""));
    assert_true(cg_valid_iso_datetime("2025-11-21T23:59"));
    assert_true(cg_valid_iso_datetime("2025-11-21T00:00:59"));
    assert_false(cg_valid_iso_datetime("2025-11-21T24:00"));
    assert_false(cg_valid_iso_datetime("2025-11-21T12:60"));
    assert_false(cg_valid_iso_datetime("2025-11-31T12:00"));
    assert_false(cg_valid_iso_datetime("2025-11-21 12:00"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_diag_at_node),
        cmocka_unit_test(test_not_well_formed),
        cmocka_unit_test(test_entity_declarations_refused),
        cmocka_unit_test(test_doctype_refused),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_deep_nesting_bounded),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_dates),
    };
    return cmocka_run_group_tests_name("xmlload", tests, NULL, NULL);
}
