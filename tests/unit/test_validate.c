/* Unit tests: validation of source documents (schema, generic checks, type checks).
 * Run from the repository root with CIRCGEN_TEMPLATES set (make check does both). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "base/base.h"
#include "doc/doc.h"

static char *minimal;   /* tests/data/minimal.xml */

/* Validate the minimal document with one substitution applied; return the diagnostics. */
static cg_diags *validate_with(const char *from, const char *to)
{
    cg_diags *d = cg_diags_new();
    char *text = g_strdup(minimal);
    if (from) {
        char *at = strstr(text, from);
        assert_non_null(at);
        GString *s = g_string_new_len(text, at - text);
        g_string_append(s, to);
        g_string_append(s, at + strlen(from));
        g_free(text);
        text = g_string_free(s, FALSE);
    }
    xmlDocPtr doc = cg_xml_read_memory(text, strlen(text), "t.xml", d);
    assert_non_null(doc);
    cg_validate(doc, d);
    cg_xml_free(doc);
    g_free(text);
    return d;
}

static void test_samples_valid(void **state)
{
    (void)state;
    const char *files[] = { "samples/tsb-circular-50/zh.xml", "samples/tsb-circular-50/en.xml",
                            "templates/tsb-circular/strings/en.xml",
                            "templates/tsb-circular/strings/zh.xml", NULL };
    for (int i = 0; files[i]; i++) {
        cg_diags *d = cg_diags_new();
        xmlDocPtr doc = cg_xml_read_file(files[i], d);
        assert_non_null(doc);
        assert_int_equal(cg_validate(doc, d), 0);
        cg_diags_print(d, stderr);
        assert_int_equal(d->errors, 0);
        cg_xml_free(doc);
        cg_diags_free(d);
    }
}

static void test_minimal_valid(void **state)
{
    (void)state;
    cg_diags *d = validate_with(NULL, NULL);
    cg_diags_print(d, stderr);
    assert_int_equal(d->errors, 0);
    cg_diags_free(d);
}

static void test_schema_violation(void **state)
{
    (void)state;
    cg_diags *d = validate_with("<letter>", "<letter><bogus/>");
    assert_true(d->errors > 0);
    assert_true(cg_diags_contain(d, "t.xml:13:"));
    assert_true(cg_diags_contain(d, "bogus"));
    cg_diags_free(d);
}

static void test_duplicate_id(void **state)
{
    (void)state;
    cg_diags *d = validate_with("<p id=\"e1-summary-1\">", "<p id=\"para-1\">");
    assert_true(cg_diags_contain(d, "duplicate id 'para-1' on <p> (first used on <para> at line 14)"));
    cg_diags_free(d);
}

static void test_dangling_ref(void **state)
{
    (void)state;
    cg_diags *d = validate_with("ref=\"annex-1\"", "ref=\"annex-3\"");
    assert_int_equal(d->errors, 1);
    assert_true(cg_diags_contain(d, "t.xml:14:27: error: <annex-ref ref=\"annex-3\">"));
    cg_diags_free(d);
}

static void test_dates_real(void **state)
{
    (void)state;
    cg_diags *d = validate_with("date=\"2024-02-29\"", "date=\"2023-02-29\"");
    assert_int_equal(d->errors, 1);
    assert_true(cg_diags_contain(d, "no such date"));
    cg_diags_free(d);
    /* A date of the right shape but the wrong form fails the schema. */
    d = validate_with("date=\"2024-02-29\"", "date=\"29.02.2024\"");
    assert_true(d->errors > 0);
    cg_diags_free(d);
}

static void test_annex_count(void **state)
{
    (void)state;
    cg_diags *d = validate_with("annexes=\"1\"", "annexes=\"0\"");
    assert_true(cg_diags_contain(d, "announces 0 annex(es)"));
    cg_diags_free(d);
}

static void test_drafts_status_exists(void **state)
{
    (void)state;
    cg_diags *d = validate_with("<drafts status=\"new\"/></subject>", "<drafts status=\"revised\"/></subject>");
    assert_true(cg_diags_contain(d, "<drafts status=\"revised\">: the document has no draft with that status"));
    cg_diags_free(d);
}

static void test_unknown_type(void **state)
{
    (void)state;
    cg_diags *d = validate_with("urn:circgen:tsb-circular", "urn:circgen:../../etc");
    assert_true(cg_diags_contain(d, "not in a circgen document namespace"));
    cg_diags_free(d);
}

int main(void)
{
    gsize len;
    if (!g_file_get_contents("tests/data/minimal.xml", &minimal, &len, NULL)) {
        fprintf(stderr, "run from the repository root\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples_valid),
        cmocka_unit_test(test_minimal_valid),
        cmocka_unit_test(test_schema_violation),
        cmocka_unit_test(test_duplicate_id),
        cmocka_unit_test(test_dangling_ref),
        cmocka_unit_test(test_dates_real),
        cmocka_unit_test(test_annex_count),
        cmocka_unit_test(test_drafts_status_exists),
        cmocka_unit_test(test_unknown_type),
    };
    int rc = cmocka_run_group_tests_name("validate", tests, NULL, NULL);
    cg_doctype_cleanup();
    g_free(minimal);
    return rc;
}
