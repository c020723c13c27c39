/* test_diff_tokens.c — token splitting and fact extraction per language. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "diff/difftok.h"

/* "number:3 number:11 ..." for the facts of text in lang. */
static char *facts(const char *text, const char *lang)
{
    GArray *f = cg_facts_new();
    cg_facts_extract(text, strlen(text), 0, lang, f, NULL);
    GString *out = g_string_new("");
    for (guint i = 0; i < f->len; i++) {
        const cg_fact *x = &g_array_index(f, cg_fact, i);
        g_string_append_printf(out, "%s%s:%s", i ? " " : "", cg_fact_kind_id(x->kind), x->norm);
    }
    g_array_unref(f);
    return g_string_free(out, FALSE);
}

static void expect_facts(const char *text, const char *lang, const char *want)
{
    char *got = facts(text, lang);
    if (strcmp(got, want))
        print_error("facts of \"%s\" (%s):\n  got  %s\n  want %s\n", text, lang, got, want);
    assert_string_equal(got, want);
    g_free(got);
}

static char *tokens(const char *text)
{
    GArray *t = g_array_new(FALSE, FALSE, sizeof(cg_span));
    cg_tok_split(text, strlen(text), 0, t);
    GString *out = g_string_new("");
    for (guint i = 0; i < t->len; i++) {
        cg_span s = g_array_index(t, cg_span, i);
        g_string_append_printf(out, "%s%.*s", i ? "|" : "", (int)s.len, text + s.start);
    }
    g_array_unref(t);
    return g_string_free(out, FALSE);
}

static void expect_tokens(const char *text, const char *want)
{
    char *got = tokens(text);
    assert_string_equal(got, want);
    g_free(got);
}

static void test_split_english(void **state)
{
    (void)state;
    expect_tokens("The cat, sat.", "The| |cat|,| |sat|.");
    expect_tokens("ITU-T  X.1062", "ITU|-|T|  |X|.|1062");
    expect_tokens("", "");
}

static void test_split_chinese(void **state)
{
    (void)state;
    expect_tokens("安全人员", "安|全|人|员");
    expect_tokens("ITU-T第17研究组（安全）", "ITU|-|T|第|17|研|究|组|（|安|全|）");
}

static void test_numbers_english(void **state)
{
    (void)state;
    expect_facts("Study Group 17 meets on 3-11 December 2025.", "en",
                 "number:17 number:3 number:11 number:12 number:2025");
    expect_facts("clause 9.4 of Resolution 1", "en", "number:9.4 number:1");
    expect_facts("1,000 members and 2,5 points", "en", "number:1000 number:2 number:5");
    expect_facts("If 70% or more", "en", "percent:70%");
    expect_facts("If 70 per cent or more", "en", "percent:70%");
    expect_facts("the 2nd meeting of SG17", "en", "number:2 number:17");
    expect_facts("at 23:59 hours", "en", "number:23 number:59");
    /* "may" is a month only next to a number */
    expect_facts("Members may reply by 5 May", "en", "number:5 number:5");
    expect_facts("They may reply.", "en", "");
}

static void test_numbers_chinese(void **state)
{
    (void)state;
    expect_facts("2025年12月3-11日在日内瓦召开的ITU-T第17研究组会议", "zh",
                 "number:2025 number:12 number:3 number:11 number:17");
    expect_facts("如果70%或以上的成员国", "zh", "percent:70%");
    expect_facts("第９．４条", "zh", "number:9 number:4");
    expect_facts("（２０２２年，日内瓦）", "zh", "number:2022");
}

static void test_numbers_french(void **state)
{
    (void)state;
    expect_facts("1\xc2\xa0" "000 membres, 9,4 points, 70 %", "fr", "number:1000 number:9.4 percent:70%");
    expect_facts("du 3 au 11 décembre 2025", "fr", "number:3 number:11 number:12 number:2025");
}

static void test_identifiers(void **state)
{
    (void)state;
    expect_facts("ITU-T X.1062 (ex X.shcd) and X.sgc-rcs", "en", "rec:X.1062 rec:X.shcd rec:X.sgc-rcs");
    expect_facts("[SG17-R6] and Collective letter 4/17, ref SG17/XY", "en",
                 "docref:SG17-R6 docref:4/17 docref:SG17/XY");
    expect_facts("原X.shcd）[SG17-R6]", "zh", "rec:X.shcd docref:SG17-R6");
    /* Not identifiers: ITU-T, e.g., a 24-hour period */
    expect_facts("ITU-T, e.g. a 24-hour period, U.S.", "en", "number:24");
    expect_facts("ISO/IEC 27002:2022", "en", "number:27002 number:2022");
}

static void test_addresses(void **state)
{
    (void)state;
    expect_facts("write to tsbsg17@itu.int.", "en", "email:tsbsg17@itu.int");
    expect_facts("电子邮件：TSBSG17@ITU.INT。", "zh", "email:tsbsg17@itu.int");
    expect_facts("see www.itu.int/ipr/.", "en", "url:www.itu.int/ipr");
    expect_facts("链接查阅：https://WWW.ITU.INT/ipr/。", "zh", "url:www.itu.int/ipr");
    expect_facts("Tel: +41 22 730 6206, fax +41-22-730-5853", "en",
                 "phone:+41227306206 phone:+41227305853");
    expect_facts("call +41 (0)22 730 6206", "en", "phone:+41227306206");
}

/* Spanish and Russian dates in words compare with the same dates in digits. */
static void test_numbers_spanish_russian(void **state)
{
    (void)state;
    expect_facts("del 3 al 11 de diciembre de 2025, el 70%", "es",
                 "number:3 number:11 number:12 number:2025 percent:70%");
    expect_facts("23 de julio de 2025", "es", "number:23 number:7 number:2025");
    expect_facts("3–11 декабря 2025 г., 23\xc2\xa0июля 2025\xc2\xa0г.", "ru",
                 "number:3 number:11 number:12 number:2025 number:23 number:7 number:2025");
    expect_facts("в ИЮЛЕ 2025 года, 9,4 пункта", "ru", "number:7 number:2025 number:9.4");
    /* a month name away from any number is a word */
    expect_facts("в июле и в августе", "ru", "");
}

/* Arabic: ITU's month names, "في المائة" and ٪, Arabic-Indic digits by their value, the
 * Arabic decimal and thousands separators; the Arabic comma separates numbers. */
static void test_numbers_arabic(void **state)
{
    (void)state;
    expect_facts("جنيف، 23 يوليو 2025، 3-11 ديسمبر 2025", "ar",
                 "number:23 number:7 number:2025 number:3 number:11 number:12 number:2025");
    expect_facts("نسبة 70 في المائة أو ٧٠٪ أو 70%", "ar", "percent:70% percent:70% percent:70%");
    expect_facts("الفقرة ٩٫٤ و9.4 و١٬٢٣٤", "ar", "number:9.4 number:9.4 number:1234");
    expect_facts("في الساعة 23:59 يوم ٢١ نوفمبر ٢٠٢٥", "ar", "number:23 number:59 number:21 number:11 number:2025");
    expect_facts("الفقرات 3، 4", "ar", "number:3 number:4");
    /* a month name away from any number is a word */
    expect_facts("في يوليو وأغسطس", "ar", "");
}

static void test_spelled(void **state)
{
    (void)state;
    GHashTable *sp = g_hash_table_new(NULL, NULL);
    GArray *f = cg_facts_new();
    const char *en = "ten draft Recommendations in four stages";
    cg_facts_extract(en, strlen(en), 0, "en", f, sp);
    assert_int_equal(f->len, 0);
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(10 + 1)));
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(4 + 1)));
    g_hash_table_remove_all(sp);
    const char *zh = "通过四个阶段运行，十项建议书，二十三";
    cg_facts_extract(zh, strlen(zh), 0, "zh", f, sp);
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(4 + 1)));
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(10 + 1)));
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(23 + 1)));
    g_hash_table_remove_all(sp);
    const char *ru = "в четыре этапа, Десять проектов";
    cg_facts_extract(ru, strlen(ru), 0, "ru", f, sp);
    assert_int_equal(f->len, 0);
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(4 + 1)));
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(10 + 1)));
    g_hash_table_remove_all(sp);
    g_hash_table_remove_all(sp);
    const char *ar = "عبر أربع مراحل، جلسة عامة واحدة";
    cg_facts_extract(ar, strlen(ar), 0, "ar", f, sp);
    assert_int_equal(f->len, 0);
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(4 + 1)));
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(1 + 1)));
    g_hash_table_remove_all(sp);
    const char *fr = "en quatre étapes, onze projets";
    cg_facts_extract(fr, strlen(fr), 0, "fr", f, sp);
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(4 + 1)));
    assert_true(g_hash_table_contains(sp, GINT_TO_POINTER(11 + 1)));
    g_array_unref(f);
    g_hash_table_destroy(sp);
}

static void test_offsets(void **state)
{
    (void)state;
    GArray *f = cg_facts_new();
    const char *t = "第17组";
    cg_facts_extract(t, strlen(t), 100, "zh", f, NULL);
    assert_int_equal(f->len, 1);
    assert_int_equal(g_array_index(f, cg_fact, 0).start, 103);
    assert_int_equal(g_array_index(f, cg_fact, 0).len, 2);
    g_array_unref(f);
}

static void expect_brackets(const char *text, gboolean unpaired, gunichar want)
{
    gsize at;
    gunichar mark = 0;
    gboolean got = cg_brackets_unpaired(text, strlen(text), 0, &at, &mark);
    if (got != unpaired)
        print_error("brackets of \"%s\": expected %s\n", text, unpaired ? "unpaired" : "paired");
    assert_int_equal(got, unpaired);
    if (unpaired)
        assert_int_equal(mark, want);
}

static void test_brackets(void **state)
{
    (void)state;
    expect_brackets("a (b) [c] {d}", FALSE, 0);
    expect_brackets("知识产权（IPR）声明", FALSE, 0);
    expect_brackets("知识产权（IPR声明", TRUE, 0xFF08);
    expect_brackets("IPR) statements", TRUE, ')');
    expect_brackets("steps: a) download, b) install, 1) run, iv) pay", FALSE, 0);
    expect_brackets("“quoted", TRUE, 0x201C);
    expect_brackets("say \"hi\" and \"bye", TRUE, '"');
    expect_brackets("【见附件】", FALSE, 0);
    expect_brackets("(a]", TRUE, '(');
    assert_int_equal(cg_bracket_class(0xFF08), '(');
    assert_int_equal(cg_bracket_class(0x3010), '[');
}

static void test_languages(void **state)
{
    (void)state;
    assert_true(cg_lang_decimal_comma("fr"));
    assert_true(cg_lang_decimal_comma("es-ES"));
    assert_false(cg_lang_decimal_comma("en"));
    assert_false(cg_lang_decimal_comma("zh-Hans"));
    assert_int_equal(cg_lang_script("zh"), G_UNICODE_SCRIPT_HAN);
    assert_int_equal(cg_lang_script("ru"), G_UNICODE_SCRIPT_CYRILLIC);
    assert_int_equal(cg_lang_script("fr"), G_UNICODE_SCRIPT_LATIN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_english),
        cmocka_unit_test(test_split_chinese),
        cmocka_unit_test(test_numbers_english),
        cmocka_unit_test(test_numbers_chinese),
        cmocka_unit_test(test_numbers_french),
        cmocka_unit_test(test_numbers_spanish_russian),
        cmocka_unit_test(test_numbers_arabic),
        cmocka_unit_test(test_identifiers),
        cmocka_unit_test(test_addresses),
        cmocka_unit_test(test_spelled),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_brackets),
        cmocka_unit_test(test_languages),
    };
    return cmocka_run_group_tests_name("diff_tokens", tests, NULL, NULL);
}
