/* Unit tests: layout and pagination through the whole engine, checked on
 * the area dump — keeps, widows and orphans, table columns and header
 * repetition, page-master selection, page-number citations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "fo/fo.h"
#include "fo/fo_page.h"
#include "fo/fonts.h"
#include "base/base.h"

#define HEAD \
    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>" \
    "<fo:simple-page-master master-name='p' page-width='200pt' page-height='%s'>" \
    "<fo:region-body/></fo:simple-page-master>%s</fo:layout-master-set>"

/* Render FO (with the page height) and return the area dump. Caller frees. */
static char *dump_of(const char *page_h, const char *masters, const char *seq, cg_diags *d)
{
    char *head = g_strdup_printf(HEAD, page_h, masters);
    char *src = g_strconcat(head, seq, "</fo:root>", NULL);
    g_free(head);
    xmlDocPtr doc = cg_xml_read_memory(src, strlen(src), "t.fo", d);
    g_free(src);
    assert_non_null(doc);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cg_fo_options o = { 0 };
    o.dump = f;
    int rc = cg_fo_render(doc, &o, d);
    fclose(f);
    cg_xml_free(doc);
    assert_int_equal(rc, 0);
    return buf;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* The page (1-based) on which needle first appears in the dump. */
static int page_of(const char *dump, const char *needle)
{
    const char *at = strstr(dump, needle);
    if (!at)
        return 0;
    int page = 0;
    for (const char *p = dump; p && p < at; p = strchr(p, '\n')) {
        if (*p == '\n') p++;
        if (!strncmp(p, "page ", 5) && p < at)
            page++;
    }
    return page;
}

#define SEQ(body) "<fo:page-sequence master-reference='p'><fo:flow flow-name='xsl-region-body' " \
                  "font-family='Liberation Serif' font-size='10pt' line-height='12pt'>" body "</fo:flow></fo:page-sequence>"

/* Page number formats: the digits of the token's family (XSLT 1.0 §7.7.1). */
static void test_page_number_formats(void **state)
{
    (void)state;
    static const struct { int n; const char *fmt, *want; } cases[] = {
        { 7, "1", "7" }, { 7, "01", "07" }, { 14, "i", "xiv" }, { 28, "A", "AB" },
        { 12, "\u0661", "\u0661\u0662" },             /* Arabic-Indic: ١٢ */
        { 3, "\u06f0\u06f1", "\u06f0\u06f3" },       /* Extended Arabic-Indic, padded: ۰۳ */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = cg_format_page_number(cases[i].n, cases[i].fmt);
        assert_string_equal(s, cases[i].want);
        g_free(s);
    }
}

static void test_pages_flow(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    /* 60pt pages hold 5 lines of 12pt; 12 one-line blocks take 3 pages. */
    GString *b = g_string_new(NULL);
    for (int i = 1; i <= 12; i++)
        g_string_append_printf(b, "<fo:block>line %d</fo:block>", i);
    char *seq = g_strdup_printf(SEQ("%s"), b->str);
    char *dump = dump_of("60pt", "", seq, d);
    assert_int_equal(count(dump, "\npage ") + (strncmp(dump, "page ", 5) == 0), 3);
    assert_int_equal(page_of(dump, "\"line 5\""), 1);
    assert_int_equal(page_of(dump, "\"line 6\""), 2);
    assert_int_equal(page_of(dump, "\"line 12\""), 3);
    free(dump);
    g_free(seq);
    g_string_free(b, TRUE);
    cg_diags_free(d);
}

static void test_keep_with_next(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    /* line 4 is kept with the heading-like block 5: both go to page 2 */
    char *dump = dump_of("60pt", "", SEQ(
        "<fo:block>l1</fo:block><fo:block>l2</fo:block><fo:block>l3</fo:block>"
        "<fo:block>l4</fo:block><fo:block keep-with-next='always'>l5</fo:block><fo:block>l6</fo:block>"), d);
    assert_int_equal(page_of(dump, "\"l4\""), 1);
    assert_int_equal(page_of(dump, "\"l5\""), 2);
    assert_int_equal(page_of(dump, "\"l6\""), 2);
    free(dump);
    cg_diags_free(d);
}

static void test_keep_together_and_impossible_keep(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    char *dump = dump_of("60pt", "", SEQ(
        "<fo:block>a1</fo:block><fo:block>a2</fo:block>"
        "<fo:block keep-together.within-page='always'>k1<fo:block>k2</fo:block><fo:block>k3</fo:block><fo:block>k4</fo:block></fo:block>"), d);
    assert_int_equal(page_of(dump, "\"a2\""), 1);
    assert_int_equal(page_of(dump, "\"k1\""), 2);     /* moved whole to the next page */
    assert_int_equal(page_of(dump, "\"k4\""), 2);
    free(dump);
    /* taller than a page: the keep cannot hold; content is placed anyway, with a warning */
    GString *b = g_string_new("<fo:block keep-together='always'>");
    for (int i = 1; i <= 8; i++)
        g_string_append_printf(b, "<fo:block>t%d</fo:block>", i);
    g_string_append(b, "</fo:block>");
    char *seq = g_strdup_printf(SEQ("%s"), b->str);
    dump = dump_of("60pt", "", seq, d);
    assert_int_equal(page_of(dump, "\"t8\""), 2);
    assert_true(cg_diags_contain(d, "could not be satisfied"));
    free(dump);
    g_free(seq);
    g_string_free(b, TRUE);
    cg_diags_free(d);
}

static void test_widows_orphans(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    /* 3 one-line blocks, then a 4-line paragraph on 6-line pages (72pt): with
     * widows=1 its last line is left alone on page 2; widows=N moves N lines. */
    const char *para = "<fo:block widows='%d' orphans='1' text-align='start'>aaaa bbbb cccc dddd eeee "
                       "ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz "
                       "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj</fo:block>";
    for (int widows = 1; widows <= 3; widows++) {
        char *p = g_strdup_printf(para, widows);
        char *seq = g_strdup_printf(SEQ("<fo:block>1</fo:block><fo:block>2</fo:block><fo:block>3</fo:block>%s"), p);
        char *dump = dump_of("72pt", "", seq, d);
        /* lines of page 2 */
        const char *p2 = strstr(dump, "page 2 ");
        assert_non_null(p2);
        int on2 = count(p2, "line x=");
        assert_int_equal(on2, widows);
        free(dump);
        g_free(seq);
        g_free(p);
    }
    cg_diags_free(d);
}

static void test_break_before_and_page_masters(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    const char *masters =
        "<fo:simple-page-master master-name='first' page-width='200pt' page-height='100pt'><fo:region-body/></fo:simple-page-master>"
        "<fo:simple-page-master master-name='rest' page-width='200pt' page-height='100pt'><fo:region-body/></fo:simple-page-master>"
        "<fo:simple-page-master master-name='last' page-width='200pt' page-height='100pt'><fo:region-body/></fo:simple-page-master>"
        "<fo:page-sequence-master master-name='letter'><fo:repeatable-page-master-alternatives>"
        "<fo:conditional-page-master-reference master-reference='first' page-position='first'/>"
        "<fo:conditional-page-master-reference master-reference='last' page-position='last'/>"
        "<fo:conditional-page-master-reference master-reference='rest' page-position='rest'/>"
        "</fo:repeatable-page-master-alternatives></fo:page-sequence-master>";
    char *dump = dump_of("60pt", masters,
        "<fo:page-sequence master-reference='letter'><fo:flow flow-name='xsl-region-body'>"
        "<fo:block>one</fo:block><fo:block break-before='page'>two</fo:block>"
        "<fo:block break-before='page'>three</fo:block></fo:flow></fo:page-sequence>", d);
    assert_non_null(strstr(dump, "page 1 number=1 master=first"));
    assert_non_null(strstr(dump, "page 2 number=2 master=rest"));
    assert_non_null(strstr(dump, "page 3 number=3 master=last"));
    assert_int_equal(page_of(dump, "\"three\""), 3);
    free(dump);
    /* odd-or-even and single-page-master-reference */
    const char *m2 =
        "<fo:simple-page-master master-name='odd' page-width='200pt' page-height='100pt'><fo:region-body/></fo:simple-page-master>"
        "<fo:simple-page-master master-name='even' page-width='200pt' page-height='100pt'><fo:region-body/></fo:simple-page-master>"
        "<fo:simple-page-master master-name='cover' page-width='200pt' page-height='100pt'><fo:region-body/></fo:simple-page-master>"
        "<fo:page-sequence-master master-name='book'><fo:single-page-master-reference master-reference='cover'/>"
        "<fo:repeatable-page-master-alternatives>"
        "<fo:conditional-page-master-reference master-reference='odd' odd-or-even='odd'/>"
        "<fo:conditional-page-master-reference master-reference='even' odd-or-even='even'/>"
        "</fo:repeatable-page-master-alternatives></fo:page-sequence-master>";
    dump = dump_of("60pt", m2,
        "<fo:page-sequence master-reference='book' initial-page-number='5'><fo:flow flow-name='xsl-region-body'>"
        "<fo:block>a</fo:block><fo:block break-before='page'>b</fo:block><fo:block break-before='page'>c</fo:block>"
        "</fo:flow></fo:page-sequence>", d);
    assert_non_null(strstr(dump, "page 1 number=5 master=cover"));
    assert_non_null(strstr(dump, "page 2 number=6 master=even"));
    assert_non_null(strstr(dump, "page 3 number=7 master=odd"));
    free(dump);
    cg_diags_free(d);
}

static void test_table_columns_and_header(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    GString *rows = g_string_new(NULL);
    for (int i = 1; i <= 10; i++)
        g_string_append_printf(rows, "<fo:table-row><fo:table-cell><fo:block>r%d</fo:block></fo:table-cell>"
                                     "<fo:table-cell><fo:block>x</fo:block></fo:table-cell>"
                                     "<fo:table-cell><fo:block>y</fo:block></fo:table-cell></fo:table-row>", i);
    char *seq = g_strdup_printf(SEQ(
        "<fo:table><fo:table-column column-width='50pt'/>"
        "<fo:table-column column-width='proportional-column-width(1)'/>"
        "<fo:table-column column-width='proportional-column-width(2)'/>"
        "<fo:table-header><fo:table-row><fo:table-cell><fo:block>Head</fo:block></fo:table-cell>"
        "<fo:table-cell><fo:block>H2</fo:block></fo:table-cell><fo:table-cell><fo:block>H3</fo:block></fo:table-cell>"
        "</fo:table-row></fo:table-header><fo:table-body>%s</fo:table-body></fo:table>"), rows->str);
    char *dump = dump_of("60pt", "", seq, d);
    /* 200pt wide: 50 fixed, then 150 shared 1:2 */
    assert_non_null(strstr(dump, "block TH x=0.00 y=0.00 w=50.00"));
    assert_non_null(strstr(dump, "block TH x=50.00 y=0.00 w=50.00"));
    assert_non_null(strstr(dump, "block TH x=100.00 y=0.00 w=100.00"));
    /* 5 rows a page: header + 4 body rows; the header repeats on every page */
    int pages = count(dump, "page ");
    assert_int_equal(pages, 3);
    assert_int_equal(count(dump, "\"Head\""), 3);
    /* the two repetitions are artifacts: TR, 3 cells and their 3 blocks each */
    assert_int_equal(count(dump, "artifact"), 2 * 7);
    assert_int_equal(page_of(dump, "\"r4\""), 1);
    assert_int_equal(page_of(dump, "\"r5\""), 2);
    free(dump);
    g_free(seq);
    g_string_free(rows, TRUE);
    cg_diags_free(d);
}

static void test_citations(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    char *dump = dump_of("60pt", "", SEQ(
        "<fo:block>see <fo:page-number-citation ref-id='x'/> to <fo:page-number-citation-last ref-id='x'/></fo:block>"
        "<fo:block break-before='page' id='x'>target<fo:block break-before='page'>more</fo:block></fo:block>"
        "<fo:block>page <fo:page-number/></fo:block>"), d);
    assert_non_null(strstr(dump, "\"see 2 to 3\""));
    assert_non_null(strstr(dump, "\"page 3\""));
    free(dump);
    cg_diags_free(d);
}

static void test_nothing_lost_on_overflow(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    /* a word wider than the column and an image taller than the page */
    char *dump = dump_of("60pt", "", SEQ(
        "<fo:block>Supercalifragilisticexpialidociousnessessessessessessess end</fo:block>"
        "<fo:block-container height='500pt'><fo:block>tall</fo:block></fo:block-container>"
        "<fo:block>after</fo:block>"), d);
    assert_non_null(strstr(dump, "Supercalifragilistic"));
    assert_non_null(strstr(dump, "\"end\""));
    assert_non_null(strstr(dump, "\"tall\""));
    assert_non_null(strstr(dump, "\"after\""));
    assert_true(cg_diags_contain(d, "wider than the line"));
    assert_true(cg_diags_contain(d, "overflow"));
    free(dump);
    cg_diags_free(d);
}

/* Regression: an inherited body-start() is the outer list's value, not
 * re-evaluated against a nested list (Circular 50's "To:" list). */
static void test_nested_list_indents(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    char *dump = dump_of("200pt", "", SEQ(
        "<fo:list-block provisional-distance-between-starts='40pt' provisional-label-separation='3pt'>"
        "<fo:list-item><fo:list-item-label end-indent='label-end()'><fo:block>To:</fo:block></fo:list-item-label>"
        "<fo:list-item-body start-indent='body-start()'>"
        "  <fo:list-block provisional-distance-between-starts='10pt' provisional-label-separation='2pt'>"
        "  <fo:list-item><fo:list-item-label end-indent='label-end()'><fo:block>-</fo:block></fo:list-item-label>"
        "  <fo:list-item-body start-indent='body-start()'><fo:block>inner</fo:block></fo:list-item-body></fo:list-item>"
        "  </fo:list-block></fo:list-item-body></fo:list-item></fo:list-block>"), d);
    /* outer label 0..37, outer body from 40; inner label 40..48, inner body from 50 */
    assert_non_null(strstr(dump, "block P x=0.00 y=0.00 w=37.00"));
    assert_non_null(strstr(dump, "block P x=40.00 y=0.00 w=8.00"));
    assert_non_null(strstr(dump, "block P x=50.00 y=0.00 w=150.00"));
    assert_false(cg_diags_contain(d, "no room"));
    free(dump);
    cg_diags_free(d);
}

/* The flow fed to pagination piece by piece (cg_flow_feed) makes the items
 * of the flow laid out whole, and comes in pieces: blocks holding blocks are
 * opened and their children laid out one at a time. */
static void test_flow_fed_in_pieces(void **state)
{
    (void)state;
    cg_diags *d = cg_diags_new();
    GString *b = g_string_new(NULL);
    g_string_append(b, "<fo:block id='outer' border='1pt solid black' padding='3pt' space-before='5pt' "
                       "keep-together.within-page='3'>");
    for (int i = 1; i <= 6; i++)
        g_string_append_printf(b, "<fo:block id='b%d' space-after='2pt' keep-with-next='%s'>"
                               "paragraph %d with words enough to take two lines or so at this width</fo:block>",
                               i, i == 2 ? "always" : "auto", i);
    g_string_append(b, "<fo:block space-before='4pt'>inner<fo:block break-before='page'>nested</fo:block>"
                       "tail</fo:block>"
                       "<fo:table table-layout='fixed' width='100%'><fo:table-column column-width='50%'/>"
                       "<fo:table-column column-width='50%'/><fo:table-header><fo:table-row><fo:table-cell>"
                       "<fo:block>head</fo:block></fo:table-cell><fo:table-cell><fo:block>er</fo:block>"
                       "</fo:table-cell></fo:table-row></fo:table-header><fo:table-body><fo:table-row>"
                       "<fo:table-cell><fo:block>a</fo:block></fo:table-cell><fo:table-cell><fo:block>b"
                       "</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>"
                       "<fo:list-block><fo:list-item><fo:list-item-label end-indent='label-end()'><fo:block>1."
                       "</fo:block></fo:list-item-label><fo:list-item-body start-indent='body-start()'><fo:block>"
                       "item</fo:block></fo:list-item-body></fo:list-item></fo:list-block>"
                       "loose <fo:inline font-weight='bold'>text</fo:inline></fo:block><fo:block>last</fo:block>");
    char *head = g_strdup_printf(HEAD, "100pt", "");
    char *src = g_strdup_printf("%s" SEQ("%s") "</fo:root>", head, b->str);
    g_free(head);
    g_string_free(b, TRUE);
    xmlDocPtr doc = cg_xml_read_memory(src, strlen(src), "t.fo", d);
    g_free(src);
    assert_non_null(doc);
    cg_fo_tree *t = cg_fo_tree_new(doc, d);
    assert_non_null(t);
    PangoContext *ctx = cg_fonts_context("en", d);
    assert_non_null(ctx);
    cg_layout L;
    cg_layout_init(&L, t, d, ctx, ".");
    const cg_fo *flow = cg_fo_child(cg_fo_child(t->root, FO_PAGE_SEQUENCE), FO_FLOW);
    cg_vlist *whole = cg_layout_blocks(&L, flow, 200);
    cg_vlist *fed = cg_vlist_new();
    cg_flow_feed *f = cg_flow_feed_new(&L, flow, 200, 200);
    int pieces = 0;
    guint first = 0;
    while (cg_flow_feed_next(f, fed)) {
        if (!pieces)
            first = fed->items->len;
        pieces++;
    }
    /* the outer block opened; its six paragraphs; the block holding a block
     * opened, "inner", the nested block, "tail", closed; the table; the list;
     * the loose text; the outer block closed; the last block */
    assert_int_equal(pieces, 1 + 6 + 5 + 1 + 1 + 1 + 1 + 1);
    assert_true(first > 0 && first < 6);
    assert_int_equal(fed->items->len, whole->items->len);
    for (guint i = 0; i < whole->items->len; i++) {
        const cg_vitem *a = &g_array_index(whole->items, cg_vitem, i);
        const cg_vitem *c = &g_array_index(fed->items, cg_vitem, i);
        assert_int_equal(a->kind, c->kind);
        assert_int_equal(a->pen, c->pen);
        assert_int_equal(a->break_kind, c->break_kind);
        assert_true(fabs(a->h - c->h) < 1e-9);
        if (a->kind == VI_START || a->kind == VI_END) {
            assert_ptr_equal(a->blk->fo, c->blk->fo);
            assert_true(fabs(a->blk->x - c->blk->x) < 1e-9 && fabs(a->blk->w - c->blk->w) < 1e-9);
            assert_true((a->blk->tag == NULL) == (c->blk->tag == NULL));
            if (a->blk->tag)
                assert_string_equal(a->blk->tag, c->blk->tag);
        }
        if (a->kind == VI_LINE)
            assert_int_equal(a->line->c1 - a->line->c0, c->line->c1 - c->line->c0);
    }
    cg_vlist_free(fed);
    cg_flow_feed_free(f);       /* after the list: it owns the blocks it opened */
    cg_vlist_free(whole);
    cg_layout_clear(&L);
    g_object_unref(ctx);
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    cg_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_number_formats),
        cmocka_unit_test(test_pages_flow),
        cmocka_unit_test(test_keep_with_next),
        cmocka_unit_test(test_keep_together_and_impossible_keep),
        cmocka_unit_test(test_widows_orphans),
        cmocka_unit_test(test_break_before_and_page_masters),
        cmocka_unit_test(test_table_columns_and_header),
        cmocka_unit_test(test_citations),
        cmocka_unit_test(test_nothing_lost_on_overflow),
        cmocka_unit_test(test_nested_list_indents),
        cmocka_unit_test(test_flow_fed_in_pieces),
    };
    int rc = cmocka_run_group_tests_name("fo_layout", tests, NULL, NULL);
    cg_fonts_cleanup();
    return rc;
}
