/* Unit tests: FO property parsing — units, expressions, shorthands,
 * inheritance, percentages, bad values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "fo/fo_tree.h"
#include "base/base.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 0.01)

static void test_units(void **state)
{
    (void)state;
    cg_len l;
    assert_true(cg_parse_length("1in", 12, &l)); NEAR(l.abs, 72);
    assert_true(cg_parse_length("25.4mm", 12, &l)); NEAR(l.abs, 72);
    assert_true(cg_parse_length("2.54cm", 12, &l)); NEAR(l.abs, 72);
    assert_true(cg_parse_length("6pc", 12, &l)); NEAR(l.abs, 72);
    assert_true(cg_parse_length("72pt", 12, &l)); NEAR(l.abs, 72);
    assert_true(cg_parse_length("10px", 12, &l)); NEAR(l.abs, 10);
    assert_true(cg_parse_length("1.5em", 10, &l)); NEAR(l.abs, 15);
    assert_true(cg_parse_length("50%", 12, &l)); NEAR(l.rel, 0.5); NEAR(l.abs, 0);
    assert_true(cg_parse_length("0", 12, &l)); NEAR(l.abs, 0);
    assert_true(cg_parse_length("-3pt", 12, &l)); NEAR(l.abs, -3);
}

static void test_expressions(void **state)
{
    (void)state;
    cg_len l;
    assert_true(cg_parse_length("100% - 2cm", 12, &l));
    NEAR(l.rel, 1); NEAR(l.abs, -72 / 2.54 * 2);
    NEAR(cg_len_resolve(l, 400, NULL), 400 - 56.69);
    assert_true(cg_parse_length("2 * 5pt + (1in div 2)", 12, &l)); NEAR(l.abs, 46);
    assert_true(cg_parse_length("body-start()", 12, &l));
    assert_true(l.flags & CG_LEN_BODY_START);
    cg_list_ctx lc = { 400, 10, 24, 6 };
    NEAR(cg_len_resolve(l, 400, &lc), 34);
    assert_true(cg_parse_length("label-end()", 12, &l));
    NEAR(cg_len_resolve(l, 400, &lc), 400 - (10 + 24 - 6));
    assert_true(cg_parse_length("proportional-column-width(3)", 12, &l));
    assert_true(l.flags & CG_LEN_PROPORTIONAL); NEAR(l.abs, 3);
}

static void test_bad_lengths(void **state)
{
    (void)state;
    cg_len l = { 7, 0, 0 };
    assert_false(cg_parse_length("abc", 12, &l));
    assert_false(cg_parse_length("12qq", 12, &l));
    assert_false(cg_parse_length("12", 12, &l));        /* a number is not a length */
    assert_false(cg_parse_length("(1pt", 12, &l));
    assert_false(cg_parse_length("1e999pt", 12, &l));
    assert_false(cg_parse_length("", 12, &l));
    NEAR(l.abs, 7);                                      /* untouched */
}

static void test_colors(void **state)
{
    (void)state;
    cg_color c;
    assert_true(cg_parse_color("#f00", &c)); NEAR(c.r, 1); NEAR(c.g, 0);
    assert_true(cg_parse_color("#0000FF", &c)); NEAR(c.b, 1);
    assert_true(cg_parse_color("rgb(0, 128, 255)", &c)); NEAR(c.g, 128 / 255.0);
    assert_true(cg_parse_color("navy", &c)); NEAR(c.b, 128 / 255.0);
    assert_true(cg_parse_color("transparent", &c)); NEAR(c.a, 0);
    /* every CSS3 / SVG keyword, case-insensitively: first, last and in between */
    assert_true(cg_parse_color("aliceblue", &c)); NEAR(c.r, 240 / 255.0); NEAR(c.b, 1);
    assert_true(cg_parse_color("yellowgreen", &c)); NEAR(c.r, 154 / 255.0); NEAR(c.g, 205 / 255.0);
    assert_true(cg_parse_color("PaleGoldenrod", &c)); NEAR(c.r, 238 / 255.0); NEAR(c.b, 170 / 255.0);
    assert_true(cg_parse_color("grey", &c)); NEAR(c.r, 128 / 255.0);
    assert_true(cg_parse_color("green", &c)); NEAR(c.r, 0); NEAR(c.g, 128 / 255.0);
    assert_true(cg_parse_color("greenyellow", &c)); NEAR(c.r, 173 / 255.0);
    assert_true(cg_parse_color("lightgoldenrodyellow", &c)); NEAR(c.b, 210 / 255.0);
    assert_false(cg_parse_color("palegolden", &c));
    /* rgb-icc(): the sRGB fallback, the profile being unavailable (XSL 1.1 §5.10.2) */
    assert_true(cg_parse_color("rgb-icc(0, 161, 222, #CMYK, 0.85, 0.19, 0, 0)", &c));
    NEAR(c.r, 0); NEAR(c.g, 161 / 255.0); NEAR(c.b, 222 / 255.0);
    assert_false(cg_parse_color("rgb-icc(0, 161, 222)", &c));
    assert_false(cg_parse_color("rgb(0, 161, 222, #CMYK)", &c));
    assert_false(cg_parse_color("#12345", &c));
    assert_false(cg_parse_color("nocolour", &c));
}

/* Build a tree from FO text; the caller frees both. */
static cg_fo_tree *tree_of(const char *body, xmlDocPtr *doc, cg_diags *d)
{
    char *src = g_strdup_printf(
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' xmlns:cx='urn:circgen:fo-extensions'>%s</fo:root>",
        body);
    *doc = cg_xml_read_memory(src, strlen(src), "t.fo", d);
    g_free(src);
    assert_non_null(*doc);
    cg_fo_tree *t = cg_fo_tree_new(*doc, d);
    assert_non_null(t);
    return t;
}

static const cg_fo *by_id(cg_fo_tree *t, const char *id)
{
    const cg_fo *f = g_hash_table_lookup(t->ids, id);
    assert_non_null(f);
    return f;
}

static void test_inheritance(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc;
    cg_fo_tree *t = tree_of(
        "<fo:block id='a' font-size='20pt' color='red' space-before='5pt' text-align='center'>"
        "  <fo:block id='b' font-size='50%' margin-left='1em'>"
        "    <fo:block id='c' line-height='1.5'/>"
        "  </fo:block>"
        "</fo:block>", &doc, d);
    const cg_fo *a = by_id(t, "a"), *b = by_id(t, "b"), *c = by_id(t, "c");
    NEAR(a->p->i.font_size, 20);
    NEAR(b->p->i.font_size, 10);                /* % of the parent's font-size */
    NEAR(c->p->i.font_size, 10);                /* inherited */
    NEAR(c->p->i.color.r, 1);                   /* color is inherited */
    assert_int_equal(c->p->i.text_align, CG_ALIGN_CENTER);
    NEAR(a->p->n.space_before.opt.abs, 5);
    NEAR(b->p->n.space_before.opt.abs, 0);      /* space-before is not inherited */
    NEAR(b->p->i.start_indent.abs, 10);         /* margin-left = 1em of 10pt -> start-indent */
    NEAR(c->p->i.start_indent.abs, 10);         /* start-indent is inherited */
    assert_true(c->p->i.lh_is_factor);
    NEAR(c->p->i.line_height, 1.5);
    assert_int_equal(d->warnings, 0);
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    cg_diags_free(d);
}

static void test_shorthands(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc;
    cg_fo_tree *t = tree_of(
        "<fo:block id='a' padding='1pt 2pt 3pt' border='2pt solid blue' border-left-width='4pt'"
        "  border-start-style='none' keep-with-next='always' white-space='pre' cx:role='H2'"
        "  keep-together.within-page='5' page-break-before='always'/>", &doc, d);
    const cg_fo *a = by_id(t, "a");
    NEAR(a->p->n.padding[CG_BEFORE].abs, 1);
    NEAR(a->p->n.padding[CG_END].abs, 2);
    NEAR(a->p->n.padding[CG_AFTER].abs, 3);
    NEAR(a->p->n.padding[CG_START].abs, 2);
    NEAR(a->p->n.border[CG_BEFORE].width, 2);
    NEAR(a->p->n.border[CG_BEFORE].color.b, 1);
    /* the relative border-start-style wins over the absolute border-left-width: no border */
    NEAR(a->p->n.border[CG_START].width, 0);
    assert_int_equal(a->p->n.keep_with_next_page, CG_KEEP_ALWAYS);
    assert_int_equal(a->p->i.keep_together_page, 5);
    assert_int_equal(a->p->n.break_before, CG_BREAK_PAGE);
    assert_int_equal(a->p->i.linefeed_treatment, CG_LF_PRESERVE);
    assert_false(a->p->i.white_space_collapse);
    assert_string_equal(a->p->n.role, "H2");
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    cg_diags_free(d);
}

/* rl-tb (XSL 1.1 §5.3.1): right is the start and left the end, for the absolute
 * properties and the four-value shorthands; the relative ones win as in lr-tb;
 * writing-mode on the element itself maps its own sides; direction and
 * unicode-bidi are read. */
static void test_rl_tb_sides(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc;
    cg_fo_tree *t = tree_of(
        "<fo:block writing-mode='rl-tb' id='a' padding='1pt 2pt 3pt 4pt' margin-right='5pt'"
        "  border-left='1pt solid black' border-right-width='3pt' border-right-style='solid'>"
        "<fo:block id='b' padding-left='6pt' padding-end='7pt' margin-left='8pt'/>"
        "<fo:inline id='c' direction='ltr' unicode-bidi='bidi-override'>x</fo:inline></fo:block>", &doc, d);
    const cg_fo *a = by_id(t, "a"), *b = by_id(t, "b"), *c = by_id(t, "c");
    assert_true(a->p->i.rtl);
    NEAR(a->p->n.padding[CG_START].abs, 2);     /* right */
    NEAR(a->p->n.padding[CG_END].abs, 4);       /* left */
    NEAR(a->p->n.border[CG_START].width, 3);
    NEAR(a->p->n.border[CG_END].width, 1);
    NEAR(a->p->i.start_indent.abs, 5 + 2 + 3);  /* margin-right + padding + border, the start */
    assert_int_equal(cg_side_left(a->p), CG_END);
    assert_int_equal(cg_side_right(a->p), CG_START);
    assert_true(b->p->i.rtl);                    /* inherited */
    NEAR(b->p->n.padding[CG_END].abs, 7);       /* padding-end wins over padding-left */
    NEAR(b->p->i.end_indent.abs, 8 + 7);
    assert_int_equal(c->p->i.direction, CG_DIR_LTR);
    assert_int_equal(c->p->n.unicode_bidi, CG_UBIDI_OVERRIDE);
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    cg_diags_free(d);
}

/* padding-*.conditionality and border-*-width.conditionality: discard by
 * default, retain when asked (inline borders kept where the inline is broken). */
static void test_conditionality(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc;
    cg_fo_tree *t = tree_of(
        "<fo:block id='a'><fo:inline id='i' border='1pt solid' padding-start='2pt'"
        "  padding-start.conditionality='retain' border-end-width.conditionality='retain'"
        "  padding-end.conditionality='discard'>x</fo:inline></fo:block>", &doc, d);
    const cg_fo *i = by_id(t, "i"), *a = by_id(t, "a");
    assert_true(i->p->n.padding_retain[CG_START]);
    assert_false(i->p->n.padding_retain[CG_END]);
    assert_true(i->p->n.border_retain[CG_END]);
    assert_false(i->p->n.border_retain[CG_START]);
    assert_false(a->p->n.border_retain[CG_END]);    /* not inherited */
    assert_int_equal(d->warnings, 0);
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    cg_diags_free(d);
}

static void test_bad_values_warn(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc;
    cg_fo_tree *t = tree_of(
        "<fo:block id='a' font-size='huge' space-before='-1e400pt' color='nope' frobnicate='1'"
        "  padding-left='-3pt' width='99999999pt'><fo:frob/></fo:block>"
        "<fo:block id='z' font-size='0pt'/><fo:block id='y' font-size='100000pt'/>", &doc, d);
    const cg_fo *a = by_id(t, "a");
    NEAR(a->p->i.font_size, 12);                 /* fallback: inherited */
    NEAR(a->p->n.padding[CG_START].abs, 0);      /* negative padding refused */
    NEAR(by_id(t, "z")->p->i.font_size, 0.1);
    NEAR(by_id(t, "y")->p->i.font_size, 10000);
    assert_true(cg_diags_contain(d, "invalid value 'huge' for property 'font-size'"));
    assert_true(cg_diags_contain(d, "unsupported property 'frobnicate'"));
    assert_true(cg_diags_contain(d, "unsupported formatting object fo:frob"));
    assert_true(cg_diags_contain(d, "invalid value 'nope' for property 'color'"));
    /* warnings carry file:line:col */
    char *s = cg_diag_format(d->items->pdata[0]);
    assert_non_null(strstr(s, "t.fo:1:"));
    g_free(s);
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    cg_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_expressions),
        cmocka_unit_test(test_bad_lengths),
        cmocka_unit_test(test_colors),
        cmocka_unit_test(test_inheritance),
        cmocka_unit_test(test_shorthands),
        cmocka_unit_test(test_rl_tb_sides),
        cmocka_unit_test(test_conditionality),
        cmocka_unit_test(test_bad_values_warn),
    };
    return cmocka_run_group_tests_name("fo_props", tests, NULL, NULL);
}
