/* test_diff_seq.c — Myers' diff and the longest increasing subsequence. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "diff/diffseq.h"

/* Apply a script to a and check that it yields b, and that it is well formed. */
static void check_script(const int *a, gsize na, const int *b, gsize nb, GArray *s)
{
    gsize x = 0, y = 0;
    for (guint i = 0; i < s->len; i++) {
        const cg_edit *e = &g_array_index(s, cg_edit, i);
        assert_true(e->len > 0);
        assert_int_equal(e->a_pos, x);
        assert_int_equal(e->b_pos, y);
        if (i > 0)
            assert_int_not_equal(g_array_index(s, cg_edit, i - 1).kind, e->kind);
        switch (e->kind) {
        case CG_EDIT_EQUAL:
            for (gsize k = 0; k < e->len; k++)
                assert_int_equal(a[x + k], b[y + k]);
            x += e->len, y += e->len;
            break;
        case CG_EDIT_DELETE:
            x += e->len;
            break;
        case CG_EDIT_INSERT:
            y += e->len;
            break;
        }
    }
    assert_int_equal(x, na);
    assert_int_equal(y, nb);
}

static gsize lcs_length(const int *a, gsize na, const int *b, gsize nb)
{
    gsize *row = g_new0(gsize, (na + 1) * (nb + 1));
    for (gsize i = 1; i <= na; i++)
        for (gsize j = 1; j <= nb; j++) {
            gsize *r = &row[i * (nb + 1) + j];
            if (a[i - 1] == b[j - 1])
                *r = row[(i - 1) * (nb + 1) + j - 1] + 1;
            else
                *r = MAX(row[(i - 1) * (nb + 1) + j], row[i * (nb + 1) + j - 1]);
        }
    gsize n = row[na * (nb + 1) + nb];
    g_free(row);
    return n;
}

static GArray *diff_str(const char *sa, const char *sb)
{
    gsize na = strlen(sa), nb = strlen(sb);
    int *a = g_new(int, na + 1), *b = g_new(int, nb + 1);
    for (gsize i = 0; i < na; i++) a[i] = sa[i];
    for (gsize i = 0; i < nb; i++) b[i] = sb[i];
    GArray *s = cg_seq_diff(a, na, b, nb, 0);
    check_script(a, na, b, nb, s);
    assert_int_equal(cg_seq_cost(s), na + nb - 2 * lcs_length(a, na, b, nb));
    g_free(a);
    g_free(b);
    return s;
}

/* Render a script as a string: "=3 -1 +2" ... */
static char *script_str(GArray *s)
{
    GString *out = g_string_new("");
    for (guint i = 0; i < s->len; i++) {
        const cg_edit *e = &g_array_index(s, cg_edit, i);
        g_string_append_printf(out, "%s%c%zu", i ? " " : "",
                               e->kind == CG_EDIT_EQUAL ? '=' : e->kind == CG_EDIT_DELETE ? '-' : '+',
                               (size_t)e->len);
    }
    return g_string_free(out, FALSE);
}

static void expect(const char *a, const char *b, const char *want)
{
    GArray *s = diff_str(a, b);
    char *got = script_str(s);
    assert_string_equal(got, want);
    g_free(got);
    g_array_unref(s);
}

static void test_empty(void **state)
{
    (void)state;
    expect("", "", "");
    expect("abc", "", "-3");
    expect("", "abc", "+3");
}

static void test_identical(void **state)
{
    (void)state;
    expect("abcdef", "abcdef", "=6");
    expect("a", "a", "=1");
}

static void test_completely_different(void **state)
{
    (void)state;
    expect("abc", "xyz", "-3 +3");
    expect("aaaa", "bb", "-4 +2");
}

static void test_known_scripts(void **state)
{
    (void)state;
    /* Myers' paper: ABCABBA -> CBABAC has D = 5. */
    GArray *s = diff_str("ABCABBA", "CBABAC");
    assert_int_equal(cg_seq_cost(s), 5);
    g_array_unref(s);
    expect("the cat sat", "the bat sat", "=4 -1 +1 =6");
    expect("abcd", "abxcd", "=2 +1 =2");
    expect("abxcd", "abcd", "=2 -1 =2");
    expect("xabc", "abc", "-1 =3");
    expect("abc", "abcx", "=3 +1");
}

static void test_random_against_lcs(void **state)
{
    (void)state;
    GRand *r = g_rand_new_with_seed(42);
    for (int iter = 0; iter < 2000; iter++) {
        gsize na = g_rand_int_range(r, 0, 40), nb = g_rand_int_range(r, 0, 40);
        int alpha = g_rand_int_range(r, 1, 6);
        char *sa = g_new0(char, na + 1), *sb = g_new0(char, nb + 1);
        for (gsize i = 0; i < na; i++) sa[i] = 'a' + g_rand_int_range(r, 0, alpha);
        for (gsize i = 0; i < nb; i++) sb[i] = 'a' + g_rand_int_range(r, 0, alpha);
        g_array_unref(diff_str(sa, sb));
        g_free(sa);
        g_free(sb);
    }
    g_rand_free(r);
}

/* Past the cost bound the script stays correct, only possibly longer. */
static void test_bounded_cost(void **state)
{
    (void)state;
    GRand *r = g_rand_new_with_seed(7);
    gsize n = 3000;
    int *a = g_new(int, n), *b = g_new(int, n);
    for (gsize i = 0; i < n; i++) {
        a[i] = g_rand_int_range(r, 0, 50);
        b[i] = g_rand_int_range(r, 0, 50);
    }
    GArray *s = cg_seq_diff(a, n, b, n, 16);
    check_script(a, n, b, n, s);
    assert_true(cg_seq_cost(s) >= 2 * n - 2 * lcs_length(a, n, b, n));
    g_array_unref(s);
    s = cg_seq_diff(a, n, b, n, CG_SEQ_MINIMAL);
    check_script(a, n, b, n, s);
    assert_int_equal(cg_seq_cost(s), 2 * n - 2 * lcs_length(a, n, b, n));
    g_array_unref(s);
    g_free(a);
    g_free(b);
    g_rand_free(r);
}

/* A long text with a few edits: must be quick (D small) and minimal. */
static void test_large_few_edits(void **state)
{
    (void)state;
    gsize n = 200000;
    int *a = g_new(int, n), *b = g_new(int, n);
    for (gsize i = 0; i < n; i++)
        a[i] = b[i] = (int)(i % 1000);
    b[10] = -1;
    b[n / 2] = -2;
    b[n - 3] = -3;
    GArray *s = cg_seq_diff(a, n, b, n, 0);
    check_script(a, n, b, n, s);
    assert_int_equal(cg_seq_cost(s), 6);
    g_array_unref(s);
    g_free(a);
    g_free(b);
}

static void test_lis(void **state)
{
    (void)state;
    int v[] = { 0, 1, 5, 2, 3, 4, 6 };
    gboolean keep[7];
    assert_int_equal(cg_seq_lis(v, 7, keep), 6);
    assert_false(keep[2]);
    for (int i = 0; i < 7; i++)
        if (i != 2)
            assert_true(keep[i]);
    int w[] = { 3, 2, 1 };
    gboolean k3[3];
    assert_int_equal(cg_seq_lis(w, 3, k3), 1);
    assert_int_equal(cg_seq_lis(NULL, 0, NULL), 0);
    int id[] = { 0, 1, 2, 3 };
    gboolean k4[4];
    assert_int_equal(cg_seq_lis(id, 4, k4), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_completely_different),
        cmocka_unit_test(test_known_scripts),
        cmocka_unit_test(test_random_against_lcs),
        cmocka_unit_test(test_bounded_cost),
        cmocka_unit_test(test_large_few_edits),
        cmocka_unit_test(test_lis),
    };
    return cmocka_run_group_tests_name("diff_seq", tests, NULL, NULL);
}
