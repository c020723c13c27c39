/* test_diff_terms.c — the ITU term base (templates/common/terms/terms.xml): terms found
 * by words with stems and case, or by characters; the translation check reports a
 * term swapped in one unit of a copy of zh.xml, and the shipped versions give none. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "base/base.h"

static cg_terms *terms;

static int setup(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    const char *dir = getenv("CIRCGEN_TEMPLATES") ? getenv("CIRCGEN_TEMPLATES") : "templates";
    terms = cg_terms_load(dir, d);
    cg_diags_free(d);
    return terms ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    cg_terms_free(terms);
    return 0;
}

/* The concepts found in text, as "id=found" joined by ", ". */
static char *found(const char *text, const char *lang)
{
    GPtrArray *h = cg_terms_find(terms, text, lang, NULL);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < h->len; i++) {
        const cg_term_hit *x = h->pdata[i];
        g_string_append_printf(s, "%s%s=%s", i ? ", " : "", x->concept, x->found);
    }
    g_ptr_array_unref(h);
    return g_string_free(s, FALSE);
}

static void expect_found(const char *text, const char *lang, const char *want)
{
    char *got = found(text, lang);
    assert_string_equal(got, want);
    g_free(got);
}

static void test_base(void **state)
{
    (void)state;
    assert_true(cg_terms_concepts(terms) >= 40);
}

static void test_matching(void **state)
{
    (void)state;
    expect_found("Member States are invited", "en", "member-state=Member States");
    expect_found("the question of time", "en", "");                   /* case="exact" */
    expect_found("under study in Question 4/17", "en", "question=Question");
    expect_found("Les États Membres sont invités", "fr", "member-state=États Membres");
    expect_found("des projets de Recommandation", "fr",
                 "recommendation=Recommandation, draft-recommendation=projets de Recommandation");
    expect_found("Государствам-Членам предлагается", "ru", "member-state=Государствам-Членам");
    expect_found("请各成员国于", "zh-CN", "member-state=成员国");
    expect_found("ويُرجى من الدول الأعضاء", "ar", "member-state=الدول الأعضاء");
}

static cg_version *version(const char *path, xmlDocPtr *doc)
{
    cg_diags *d = cg_diags_new();
    *doc = cg_xml_read_file(path, d);
    cg_diags_free(d);
    assert_non_null(*doc);
    return cg_version_new(*doc, path, NULL);
}

static void test_samples(void **state)
{
    (void)state;
    xmlDocPtr de, dz;
    cg_version *en = version("samples/tsb-circular-50/en.xml", &de);
    cg_version *zh = version("samples/tsb-circular-50/zh.xml", &dz);
    GPtrArray *f = cg_terms_check(terms, en, zh);
    for (guint i = 0; i < f->len; i++)
        print_message("%s: %s\n", ((cg_term_finding *)f->pdata[i])->a->id,
                      ((cg_term_finding *)f->pdata[i])->message);
    assert_int_equal(f->len, 0);
    g_ptr_array_unref(f);
    /* A term swapped in one unit of a copy of zh.xml: 成员国 (Member States) -> 会员国. */
    cg_unit *u = g_hash_table_lookup(zh->by_id, "to-1");
    char **parts = g_strsplit(u->text->str, "成员国", -1);
    char *swapped = g_strjoinv("会员国", parts);
    g_string_assign(u->text, swapped);
    g_free(swapped);
    g_strfreev(parts);
    f = cg_terms_check(terms, en, zh);
    assert_int_equal(f->len, 1);
    const cg_term_finding *x = f->pdata[0];
    assert_string_equal(x->a->id, "to-1");
    assert_string_equal(x->message, "term: 'Member States' → expected '成员国' in zh.xml");
    g_ptr_array_unref(f);
    cg_version_free(en);
    cg_version_free(zh);
    cg_xml_free(de);
    cg_xml_free(dz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base),
        cmocka_unit_test(test_matching),
        cmocka_unit_test(test_samples),
    };
    return cmocka_run_group_tests_name("diff terms", tests, setup, teardown);
}
