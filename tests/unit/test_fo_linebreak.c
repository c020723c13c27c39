/* Unit tests: break opportunities (fo_breaks.c, fo_hyph.c) and line fitting
 * (fo_linebreak.c): total fit against first fit, forced breaks, the fallback
 * for words wider than the line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "fo/fo_breaks.h"
#include "fo/fo_hyph.h"
#include "fo/fo_linebreak.h"

/* Words of the given widths separated by justifiable spaces, then fill and end. */
static GArray *paragraph(const double *words, int n, double space)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(cg_lb_item));
    for (int i = 0; i < n; i++) {
        if (i) {
            cg_lb_item g = { CG_LB_GLUE, FALSE, space, space / 2, space / 3, 0 };
            g_array_append_val(a, g);
        }
        cg_lb_item b = { CG_LB_BOX, FALSE, words[i], 0, 0, 0 };
        g_array_append_val(a, b);
    }
    cg_lb_item nobreak = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
    cg_lb_item fill = { CG_LB_GLUE, FALSE, 0, CG_LB_FIL, 0, 0 };
    cg_lb_item end = { CG_LB_PENALTY, FALSE, 0, 0, 0, -CG_LB_INF };
    g_array_append_val(a, nobreak);
    g_array_append_val(a, fill);
    g_array_append_val(a, end);
    return a;
}

/* The loosest line but the last: how far spacing strays from natural. */
static double loosest(const cg_lb_result *r)
{
    double m = 0;
    for (int l = 0; l + 1 < r->n; l++)
        m = MAX(m, fabs(r->ratios[l]));
    return m;
}

/* A known paragraph: the words of "In accordance with Resolution of the World
 * Telecommunication Standardization Assembly the Director of the Bureau hereby
 * announces that ten draft Recommendations have been determined and are ready
 * for consultation of Member States", 5pt per letter, 3.33pt spaces; at 420pt
 * first fit leaves a line stretched to twice its spaces, total fit none beyond 1. */
static const char sentence[] =
    "In accordance with Resolution of the World Telecommunication Standardization Assembly "
    "the Director of the Bureau hereby announces that ten draft Recommendations have been "
    "determined and are ready for consultation of Member States";
static double words[64];
static int n_words;

static int setup(void **state)
{
    (void)state;
    char **w = g_strsplit(sentence, " ", -1);
    for (n_words = 0; w[n_words]; n_words++)
        words[n_words] = 5.0 * (double)strlen(w[n_words]);
    g_strfreev(w);
    return 0;
}

static void test_total_fit_beats_greedy(void **state)
{
    (void)state;
    GArray *a = paragraph(words, n_words, 3.33);
    cg_lb_params p;
    cg_lb_params_default(&p, 420);
    cg_lb_result kp, gr;
    cg_linebreak(&g_array_index(a, cg_lb_item, 0), (int)a->len, &p, &kp);
    cg_linebreak_greedy(&g_array_index(a, cg_lb_item, 0), (int)a->len, &p, &gr);
    assert_false(kp.greedy);
    assert_true(gr.greedy);
    /* Every line fits its measure in both... */
    for (int l = 0; l < kp.n; l++)
        assert_true(kp.ratios[l] >= -1);
    /* ...but total fit spreads the spacing more evenly. */
    print_message("loosest line: total fit %.3f, first fit %.3f\n", loosest(&kp), loosest(&gr));
    assert_true(loosest(&kp) < 1.1);
    assert_true(loosest(&gr) > 2.0);
    /* the last break is the paragraph end */
    assert_int_equal(kp.breaks[kp.n - 1], (int)a->len - 1);
    cg_lb_result_clear(&kp);
    cg_lb_result_clear(&gr);
    g_array_free(a, TRUE);
}

static void test_forced_break(void **state)
{
    (void)state;
    const double w[] = { 3, 3 };
    GArray *a = paragraph(w, 2, 1);
    /* a forced break between the two words: two lines although both fit in one */
    cg_lb_item fill = { CG_LB_GLUE, FALSE, 0, CG_LB_FIL, 0, 0 };
    cg_lb_item force = { CG_LB_PENALTY, FALSE, 0, 0, 0, -CG_LB_INF };
    cg_lb_item nob = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
    g_array_insert_val(a, 1, force);
    g_array_insert_val(a, 1, fill);
    g_array_insert_val(a, 1, nob);
    cg_lb_params p;
    cg_lb_params_default(&p, 100);
    cg_lb_result r;
    cg_linebreak(&g_array_index(a, cg_lb_item, 0), (int)a->len, &p, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.breaks[0], 3);
    cg_lb_result_clear(&r);
    g_array_free(a, TRUE);
}

static void test_overlong_word_fallback(void **state)
{
    (void)state;
    const double w[] = { 3, 3, 50, 3, 3 };
    GArray *a = paragraph(w, 5, 1);
    cg_lb_params p;
    cg_lb_params_default(&p, 10);
    cg_lb_result r;
    cg_linebreak(&g_array_index(a, cg_lb_item, 0), (int)a->len, &p, &r);
    assert_true(r.greedy);                 /* no feasible total fit */
    assert_int_equal(r.overfull, 1);
    assert_int_equal(r.n, 3);              /* "3 3" / "50" / "3 3": nothing lost */
    const cg_lb_item *it = &g_array_index(a, cg_lb_item, 0);
    int start = cg_lb_line_start(it, (int)a->len, r.breaks[0]);
    assert_int_equal(start, 4);            /* the long word starts line 2 */
    assert_int_equal(r.breaks[1], 5);      /* and ends it */
    cg_lb_result_clear(&r);
    g_array_free(a, TRUE);
}

static void test_ragged_prefers_even_lines(void **state)
{
    (void)state;
    GArray *a = paragraph(words, n_words, 3.33);
    for (guint i = 0; i < a->len; i++) {        /* no stretch in spaces: ragged */
        cg_lb_item *it = &g_array_index(a, cg_lb_item, i);
        if (it->type == CG_LB_GLUE && it->stretch < CG_LB_FIL) { it->stretch = 0; it->shrink = 0; }
    }
    cg_lb_params p;
    cg_lb_params_default(&p, 300);
    p.ragged_stretch = 36;
    cg_lb_result r;
    cg_linebreak(&g_array_index(a, cg_lb_item, 0), (int)a->len, &p, &r);
    assert_false(r.greedy);
    const cg_lb_item *it = &g_array_index(a, cg_lb_item, 0);
    int prev = -1;
    for (int l = 0; l < r.n; l++) {              /* no line wider than the measure */
        double w, y, z;
        int st = cg_lb_line_start(it, (int)a->len, prev);
        cg_lb_measure(it, st, r.breaks[l], &w, &y, &z);
        assert_true(w <= 300 + 1e-9);
        prev = r.breaks[l];
    }
    cg_lb_result_clear(&r);
    g_array_free(a, TRUE);
}

static cg_brk *breaks_of(const char *text, const char *lang, int *n)
{
    glong len;
    gunichar *chars = g_utf8_to_ucs4_fast(text, -1, &len);
    cg_brk *b = g_new0(cg_brk, len + 1);
    cg_brk_opts o = { lang, TRUE, 0.25f, FALSE };
    cg_breaks_find(text, (int)strlen(text), chars, (int)len, &o, b);
    g_free(chars);
    *n = (int)len;
    return b;
}

static void test_break_opportunities(void **state)
{
    (void)state;
    int n;
    cg_brk *b = breaks_of("two words", "en", &n);
    assert_int_equal(b[0].brk, CG_BRK_NONE);
    assert_int_equal(b[1].brk, CG_BRK_NONE);     /* inside a word */
    assert_int_equal(b[4].brk, CG_BRK_ALLOWED);  /* after the space */
    assert_true(b[3].white);
    g_free(b);
    /* between ideographs: allowed, with stretchable glue for justification */
    b = breaks_of("中文排版", "zh", &n);
    assert_int_equal(n, 4);
    assert_int_equal(b[1].brk, CG_BRK_ALLOWED);
    assert_true(b[1].glue_stretch > 0);
    g_free(b);
    /* never before a closing mark (UAX #14 as Pango gives it) */
    b = breaks_of("中文。", "zh", &n);
    assert_int_equal(b[2].brk, CG_BRK_NONE);
    g_free(b);
}

static int hook_calls;
static void test_hook(const gunichar *chars, int n, const PangoLogAttr *la, const cg_brk_opts *o, cg_brk *out)
{
    (void)chars; (void)la; (void)o;
    hook_calls++;
    for (int i = 0; i <= n; i++)
        out[i].brk = CG_BRK_NONE;
}

static void test_language_hook(void **state)
{
    (void)state;
    cg_breaks_set_hook("xx", test_hook);
    int n;
    cg_brk *b = breaks_of("a b", "xx", &n);
    assert_int_equal(hook_calls, 1);
    assert_int_equal(b[2].brk, CG_BRK_NONE);     /* the hook's correction holds */
    g_free(b);
    b = breaks_of("a b", "en", &n);              /* other languages: untouched */
    assert_int_equal(b[2].brk, CG_BRK_ALLOWED);
    g_free(b);
    cg_breaks_set_hook("xx", NULL);
}

static void test_hyphenation(void **state)
{
    (void)state;
    if (!cg_hyph_available("en"))
        skip();
    const char *w = "hyphenation";
    gunichar chars[16];
    for (int i = 0; w[i]; i++)
        chars[i] = (gunichar)w[i];
    gboolean pts[16] = { 0 };
    assert_true(cg_hyphenate("en", chars, 11, 2, 3, pts));
    assert_true(pts[2]);                         /* hy-phen-ation */
    assert_true(pts[6]);
    assert_false(pts[1]);
    assert_false(cg_hyphenate("zh", chars, 11, 2, 3, pts));   /* never Chinese */
    assert_false(cg_hyphenate("xx", chars, 11, 2, 3, pts));   /* no patterns */
}

/* Break points of w (UTF-8) in language lang as "té-lé-com-mu-ni-ca-tions". */
static char *hyphenated(const char *lang, const char *w)
{
    glong n = 0;
    gunichar *chars = g_utf8_to_ucs4_fast(w, -1, &n);
    gboolean pts[64] = { 0 };
    GString *out = g_string_new(NULL);
    if (cg_hyphenate(lang, chars, (int)n, 2, 2, pts))
        for (glong i = 0; i < n; i++) {
            if (pts[i])
                g_string_append_c(out, '-');
            g_string_append_unichar(out, chars[i]);
        }
    g_free(chars);
    return g_string_free(out, FALSE);
}

/* Debian's French (UTF-8), Spanish and Russian (KOI8-R) patterns: points counted in
 * characters, not bytes, whatever the file's encoding. */
static void test_hyphenation_languages(void **state)
{
    (void)state;
    static const struct { const char *lang, *word, *want; } cases[] = {
        { "fr", "télécommunications", "té-lé-com-mu-ni-ca-tions" },
        { "fr", "approbation", "ap-pro-ba-tion" },
        { "es", "telecomunicaciones", "te-le-co-mu-ni-ca-cio-nes" },
        { "es", "recomendación", "re-co-men-da-ción" },
        { "ru", "электросвязи", "элек-тро-свя-зи" },
        { "ru", "Рекомендации", "Ре-коменда-ции" },   /* as the patterns have it */
        { "ru", "безопасности", "без-опас-но-сти" },
    };
    int run = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        if (!cg_hyph_available(cases[i].lang))
            continue;
        char *got = hyphenated(cases[i].lang, cases[i].word);
        assert_string_equal(got, cases[i].want);
        g_free(got);
        run++;
    }
    if (!run)
        skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_total_fit_beats_greedy),
        cmocka_unit_test(test_forced_break),
        cmocka_unit_test(test_overlong_word_fallback),
        cmocka_unit_test(test_ragged_prefers_even_lines),
        cmocka_unit_test(test_break_opportunities),
        cmocka_unit_test(test_language_hook),
        cmocka_unit_test(test_hyphenation),
        cmocka_unit_test(test_hyphenation_languages),
    };
    int rc = cmocka_run_group_tests_name("fo_linebreak", tests, setup, NULL);
    cg_hyph_cleanup();
    return rc;
}
