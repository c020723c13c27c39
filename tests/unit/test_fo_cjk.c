/* Unit tests: Chinese typesetting (issue 5, ../shared/TYPESETTING-ZH.md).
 *
 * Break opportunities of the zh hook on short strings, then a checker that
 * lays out stress paragraphs of every mark at many column widths through
 * the whole engine and walks the fitted lines and their glyph positions,
 * asserting each checklist item (1-12) on every line. The rule lists in
 * this file are the checklist's, written out again on purpose: the engine's
 * own classes are not used to judge it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fo/fo_breaks.h"
#include "fo/fo_layout.h"
#include "fo/fo_text.h"
#include "fo/fonts.h"
#include "base/base.h"

/* ---- break opportunities ------------------------------------------------ */

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

/* Position (in characters) of the first occurrence of needle in text. */
static int pos_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    assert_non_null(p);
    return (int)g_utf8_strlen(text, p - text);
}

static void test_zh_break_rules(void **state)
{
    (void)state;
    int n;
    const char *t = "甲乙·丙丁～戊—己，庚“辛”壬（癸）子／丑";
    cg_brk *b = breaks_of(t, "zh", &n);
    assert_int_equal(b[pos_of(t, "·")].brk, CG_BRK_NONE);     /* Pango allows it */
    assert_int_equal(b[pos_of(t, "～")].brk, CG_BRK_NONE);
    assert_int_equal(b[pos_of(t, "—")].brk, CG_BRK_NONE);
    assert_int_equal(b[pos_of(t, "丑")].brk, CG_BRK_NONE);    /* after ／ */
    assert_int_equal(b[pos_of(t, "“")].brk, CG_BRK_ALLOWED);  /* before “ (LB19 forbids) */
    assert_int_equal(b[pos_of(t, "壬")].brk, CG_BRK_ALLOWED); /* after ” */
    assert_int_equal(b[pos_of(t, "辛")].brk, CG_BRK_NONE);    /* after “ */
    assert_int_equal(b[pos_of(t, "”")].brk, CG_BRK_NONE);     /* before ” */
    assert_int_equal(b[pos_of(t, "癸")].brk, CG_BRK_NONE);    /* after （ */
    g_free(b);
    /* —— and …… never split; breaks around them as the rules allow */
    t = "甲——乙……丙⋯⋯丁";
    b = breaks_of(t, "zh", &n);
    for (int i = 1; i < n; i++) {
        glong len;
        gunichar *c = g_utf8_to_ucs4_fast(t, -1, &len);
        if (c[i] == c[i - 1])
            assert_int_equal(b[i].brk, CG_BRK_NONE);
        g_free(c);
    }
    g_free(b);
    /* the last Chinese character of a paragraph never stands alone */
    t = "甲乙丙丁。";
    b = breaks_of(t, "zh", &n);
    assert_int_equal(b[3].brk, CG_BRK_NONE);
    assert_int_equal(b[2].brk, CG_BRK_ALLOWED);
    g_free(b);
    /* Chinese–Latin glue: 1/4 em, shrinkable to 1/8 em; none across punctuation */
    t = "第17组（X）";
    b = breaks_of(t, "zh", &n);
    assert_true(fabs(b[1].glue_width - 0.25) < 1e-6);
    assert_true(fabs(b[1].glue_shrink - 0.125) < 1e-6);
    assert_true(fabs(b[3].glue_width - 0.25) < 1e-6);
    assert_true(b[pos_of(t, "X")].glue_width == 0);
    assert_true(b[pos_of(t, "X")].glue_stretch > 0);            /* still a justification gap */
    g_free(b);
}

static void test_identifiers_unbroken(void **state)
{
    (void)state;
    const char *ids[] = { "ITU-T", "ITU-R", "ITU-D", "X.1062", "SG17-R6", "X.mt-feature",
                          "tsbsg17@itu.int", "e-mail" };
    const char *langs[] = { "en", "zh" };
    for (size_t l = 0; l < G_N_ELEMENTS(langs); l++)
        for (size_t k = 0; k < G_N_ELEMENTS(ids); k++) {
            char *t = g_strdup_printf("see %s now", ids[k]);
            int n;
            cg_brk *b = breaks_of(t, langs[l], &n);
            int s = 4, e = 4 + (int)g_utf8_strlen(ids[k], -1);
            for (int i = s + 1; i < e; i++)
                if (b[i].brk != CG_BRK_NONE)
                    fail_msg("%s: a break inside %s at %d", langs[l], ids[k], i - s);
            g_free(b);
            g_free(t);
        }
    /* ordinary compounds still break after their hyphen */
    int n;
    cg_brk *b = breaks_of("a well-known rule", "en", &n);
    assert_int_equal(b[7].brk, CG_BRK_ALLOWED);
    g_free(b);
}

/* ---- the line checker ----------------------------------------------------- */

/* Checklist items 1 and 2, as written there. */
static const char NO_START[] = "、，．。：；！？）」』”’》〉】〗〕…·～–—%⋯⸺";
static const char NO_END[] = "（「『“‘《〈【〖〔／";
static const char CLOSE_STOP[] = "）」』”’》〉】〗〕、，。．";
static const char OPENING[] = "（「『“‘《〈【〖〔";
/* Item 9's full-width marks: brackets, quotes and the stop marks of GB/T 15834
 * (：；！？ too: their Simplified Chinese forms have the ink in the left half). */
static const char FULL_MARKS[] = "（「『“‘《〈【〖〔）」』”’》〉】〗〕、，。．：；！？";

static gboolean in_set(const char *set, gunichar c)
{
    for (const char *p = set; *p; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) == c)
            return TRUE;
    return FALSE;
}

static gboolean han(gunichar c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static gboolean latin(gunichar c)
{
    return c < 0x2E80 && g_unichar_isalnum(c);
}

/* Stress paragraphs (written for this test): every mark of the checklist,
 * the doubled dashes and ellipses, quotes in Chinese text, identifiers. */
static const char *const PARAS[] = {
    "国际电信联盟（ITU）于2025年发布了第17研究组（SG17）的报告。报告指出：“安全是一切的基础”，"
    "各成员国应当重视。有关ITU-T X.1062建议书的意见，请发送至tsbsg17@itu.int；截止日期为2025年11月21日。",
    "《国际电信规则》〈草案〉【摘要】〖附件〗〔第3号〕这些书名号和括号都不能出现在行末，"
    "也不能让闭合符号出现在行首！真的吗？是的，确实如此。我们再写一句：规则（草案）。",
    "他说：“我们需要更多时间……”然后停了下来——大家都沉默了⋯⋯会议继续进行。「引号」『双引号』"
    "‘单引号’也要处理好，例如‘SG17-R6’文件和ITU-R的决议，他说，“好”。",
    "约70%的成员国表示支持，其余～30%表示反对；少数成员国（如甲、乙、丙）弃权．数据来源："
    "第4/17号集体函／附件1。诺贝尔·和平奖，2025–2026年度⸺最后一句话到此为止。",
    "这是一个测试段落，用于检查最后一行不会只剩一个汉字，即使在很多不同的栏宽下也是如此。",
    /* pairs of adjacent marks: a closing or stop mark before an opening one,
     * opening after opening, closing after closing (issue 15) */
    "主席宣布：“会议现在开始。”随后又说，“请各位代表发言。”“我们支持这项提案”（见附件1）。"
    "乙代表认为（“草案”第3条）需要修改，并引用了《〈国际电信规则〉》一书和“《公约》”的原文。“以上。”",
    "代表问道：“这是最后的版本吗？”主席答：“是的！”他又说：“请参阅【附件】（第4号）、“术语表”"
    "和「定义」「范围」两节；「『注』」等内容。”文件编号为“SG17-R6”，截止日期为“2025年11月21日”；"
    "“逾期不候”。",
    "根据《公约》（第1条）：“各国享有主权。”据此，（《宪章》第2条）与（“规则”）都适用；"
    "见〔注〕〖说明〗【另】和‘单引号’（‘甲’）。请回复：《答复表》（附件2）；“是”或“否”！“完”？（注）“完”。",
};

/* The pairs of adjacent marks that the stress paragraphs must set side by
 * side (on one line) at some width: a closing, stop or pause mark before an
 * opening one, opening after opening, closing after closing, and others. */
static const char *const PAIRS[] = {
    "：“", "，“", "。“", "”（", "）“", "；“", "、“", "！“", "」「", "】（", "》（", "〗【",
    "（“", "《〈", "“《", "（《", "（‘", "「『",
    "〉》", "》”", "”）", "’）", "』」", "”“",
    "）。", "”，", "。”", "！”", "？”", "）、", "）：", "”；",
};

typedef struct {
    int seen[G_N_ELEMENTS(PAIRS)];     /* how often each of PAIRS was checked */
    int lines, violations, paras;
    int quote_start, quote_end;        /* lines starting with “ / ending with ” (item 4) */
    int cjk_latin_gaps, pairs, end_marks, justified, fonts;
    int open_half;                     /* opening marks at a line start set in half width */
    int shrunk;                        /* justified lines fitted by compressing punctuation */
} tally;

static void violation(tally *T, const char *what, int w, const char *line)
{
    T->violations++;
    if (T->violations <= 20)
        print_error("width %d: %s: \"%s\"\n", w, what, line);
}

/* Per character of a line: pen x (from the line's start edge), advance, font family. */
typedef struct {
    gunichar c;
    int idx;
    double x, adv;
    char family[64];
} gch;

static int line_glyphs(const cg_line *ln, gch *out, int max)
{
    const cg_para *pa = ln->para;
    int k = 0;
    for (int p = 0; p < ln->n_pieces; p++) {
        const cg_piece *pc = &ln->pieces[p];
        if (pc->kind != PC_GLYPHS || pc->hyphen)
            continue;
        PangoGlyphString *gs;
        PangoItem *it = cg_para_item(pa, pc->item, &gs);
        const char *fam = "";
        PangoFontDescription *fd = it->analysis.font ? pango_font_describe(it->analysis.font) : NULL;
        if (fd)
            fam = pango_font_description_get_family(fd);
        double x = pc->x;
        const char *text = cg_para_utf8(pa);
        for (int g = pc->g0; g < pc->g1 && k < max; g++) {
            int byte = it->offset + gs->log_clusters[g];
            double adv = gs->glyphs[g].geometry.width / (double)PANGO_SCALE;
            if (g > pc->g0 && gs->log_clusters[g] == gs->log_clusters[g - 1]) {
                out[k - 1].adv += adv;
            } else {
                out[k].c = g_utf8_get_char(text + byte);
                out[k].idx = (int)g_utf8_strlen(text, byte);
                out[k].x = x;
                out[k].adv = adv;
                g_strlcpy(out[k].family, fam ? fam : "", sizeof out[k].family);
                k++;
            }
            x += adv;
        }
        if (fd)
            pango_font_description_free(fd);
    }
    return k;
}

#define EPS 0.01

/* The start of line l: no space before its first character; an opening
 * mark there in half width (its blank left half off the line) when the
 * breaker started the line inside text (not a paragraph's first line, nor
 * after a space). */
static void check_line_start(tally *T, const cg_line *ln, int l, const gch *g, int w, const char *txt)
{
    const cg_para *pa = ln->para;
    char *before = l > 0 && g[0].idx > 0 ? cg_para_text(pa, g[0].idx - 1, g[0].idx) : g_strdup(" ");
    gboolean inside = !g_unichar_isspace(g_utf8_get_char(before));
    g_free(before);
    if (in_set(OPENING, g[0].c) && inside && g[0].adv > 0.9 * 12) {
        if (fabs(g[0].x + g[0].adv / 2) > EPS)
            violation(T, "opening mark at a line start not in half width", w, txt);
        else
            T->open_half++;
    } else if (fabs(g[0].x) > EPS)
        violation(T, "space at the line start", w, txt);
}

/* Two adjacent full-width marks a, b (item 9): at most 1.5 em from the
 * first's start to the second's end, justified or not; a negative gap (the
 * line fitted by compressing punctuation) only into a blank half. */
static void check_mark_pair(tally *T, const gch *a, const gch *b, double em, int w, const char *txt)
{
    T->pairs++;
    for (size_t k = 0; k < G_N_ELEMENTS(PAIRS); k++)
        if (g_utf8_get_char(PAIRS[k]) == a->c && g_utf8_get_char(g_utf8_next_char(PAIRS[k])) == b->c)
            T->seen[k]++;
    if (b->x + b->adv - a->x > 1.5 * em + EPS)
        violation(T, "two marks wider than 1.5 em", w, txt);
    if (a->adv + b->adv > 1.5 * em + EPS)
        violation(T, "two marks of more than 1.5 em of advance", w, txt);
}

/* A gap into a mark's blank half (punctuation compressed to fit the line):
 * never more than that half, so no ink overlaps. Returns whether the gap
 * was compressed. */
static gboolean check_compressed(tally *T, const gch *a, const gch *b, double gap, int w, const char *txt)
{
    if (gap > -EPS)
        return FALSE;
    double room = 0;
    if (in_set(FULL_MARKS, a->c) && !in_set(OPENING, a->c) && a->adv > 0.9 * 12)
        room += a->adv / 2;
    if (in_set(OPENING, b->c) && b->adv > 0.9 * 12)
        room += b->adv / 2;
    if (gap < -room - EPS)
        violation(T, "a gap narrower than the blank halves of the marks around it", w, txt);
    return TRUE;
}

/* Check one paragraph's lines (items 1-12); em is the font size. */
static void check_para(tally *T, cg_line **lines, int nl, double em, int w, gboolean justified)
{
    const cg_para *pa = lines[0]->para;
    T->paras++;
    for (int l = 0; l < nl; l++) {
        const cg_line *ln = lines[l];
        gboolean last = l == nl - 1;
        char *txt = cg_para_text(pa, ln->c0, ln->c1);
        gch g[512];
        int n = line_glyphs(ln, g, 512);
        T->lines++;
        if (n == 0) {
            g_free(txt);
            continue;
        }
        /* 1, 2, 3: line edges */
        if (l > 0 && in_set(NO_START, g[0].c))
            violation(T, "line starts with a no-start mark", w, txt);
        if (!last && in_set(NO_END, g[n - 1].c))
            violation(T, "line ends with an opening mark", w, txt);
        if (l > 0) {
            gch prev[512];
            int pn = line_glyphs(lines[l - 1], prev, 512);
            if (pn && prev[pn - 1].c == g[0].c && (g[0].c == 0x2014 || g[0].c == 0x2026 || g[0].c == 0x22EF))
                violation(T, "a doubled dash or ellipsis split", w, txt);
        }
        if (l > 0 && g[0].c == 0x201C)
            T->quote_start++;
        if (!last && g[n - 1].c == 0x201D)
            T->quote_end++;
        /* 6: the last line is never one Chinese character */
        if (last && nl > 1) {
            int h = 0, other = 0;
            for (int i = 0; i < n; i++) {
                if (han(g[i].c)) h++;
                else if (!in_set(FULL_MARKS, g[i].c) && !in_set(NO_START, g[i].c)) other++;
            }
            if (h == 1 && other == 0)
                violation(T, "last line of one Chinese character", w, txt);
        }
        /* no line passes the measure (a last line too: shrunk if fitted so) */
        if (ln->used > ln->width + EPS)
            violation(T, "line wider than the measure", w, txt);
        /* 7: no glue at the line start; a half-width opening mark there */
        check_line_start(T, ln, l, g, w, txt);
        /* 7, 8, 9: gaps between neighbours */
        double cjk_gap = -1;
        gboolean compressed = FALSE;
        for (int i = 1; i < n; i++) {
            if (g[i].idx != g[i - 1].idx + 1)
                continue;   /* a space between them */
            double gap = g[i].x - (g[i - 1].x + g[i - 1].adv);
            gunichar a = g[i - 1].c, b = g[i].c;
            if ((han(a) && latin(b)) || (latin(a) && han(b))) {
                T->cjk_latin_gaps++;
                if (gap < 0.125 * em - EPS)
                    violation(T, "Chinese-Latin gap below 1/8 em", w, txt);
                if (!justified && fabs(gap - 0.25 * em) > EPS)
                    violation(T, "Chinese-Latin gap not 1/4 em", w, txt);
            } else if (latin(a) && latin(b)) {
                if (fabs(gap) > EPS)
                    violation(T, "letter spacing inside a Latin word", w, txt);
            } else if (!(han(a) && han(b)) && check_compressed(T, &g[i - 1], &g[i], gap, w, txt)) {
                compressed = TRUE;
            } else if (han(a) && han(b)) {
                if (cjk_gap < 0)
                    cjk_gap = gap;
                else if (fabs(gap - cjk_gap) > EPS && !last)
                    violation(T, "uneven gaps between Chinese characters", w, txt);
            }
            if (in_set(FULL_MARKS, a) && in_set(FULL_MARKS, b))
                check_mark_pair(T, &g[i - 1], &g[i], em, w, txt);
        }
        if (compressed) {
            T->shrunk++;
            if (!justified || cjk_gap > EPS || fabs(ln->used - ln->width) > EPS)
                violation(T, "punctuation compressed in a line that is not shrunk", w, txt);
        }
        /* Chinese–Latin gaps: 1/4 em plus the same stretch as the Chinese gaps */
        if (justified && !last && cjk_gap >= 0)
            for (int i = 1; i < n; i++) {
                if (g[i].idx != g[i - 1].idx + 1)
                    continue;
                gunichar a = g[i - 1].c, b = g[i].c;
                double gap = g[i].x - (g[i - 1].x + g[i - 1].adv);
                if (((han(a) && latin(b)) || (latin(a) && han(b))) && cjk_gap > EPS &&
                    fabs(gap - (0.25 * em + cjk_gap)) > EPS)
                    violation(T, "Chinese-Latin gap not spread like the others", w, txt);
            }
        /* 8, 10: justified lines end at the margin; a line-end mark keeps half */
        if (justified && !last) {
            T->justified++;
            double right = g[n - 1].x + g[n - 1].adv;
            if (in_set(CLOSE_STOP, g[n - 1].c) && g[n - 1].adv > 0.75 * em) {
                right -= g[n - 1].adv / 2;
                T->end_marks++;
            } else if (in_set(CLOSE_STOP, g[n - 1].c))
                T->end_marks++;
            if (fabs(right - ln->width) > EPS)
                violation(T, "justified line not at the right margin", w, txt);
            if (fabs(ln->used - ln->width) > EPS)
                violation(T, "justified line width differs from the measure", w, txt);
        }
        /* 11, 12: faces */
        for (int i = 0; i < n; i++) {
            gunichar c = g[i].c;
            gboolean zh_face = han(c) || in_set(FULL_MARKS, c) || c == 0x00B7 ||
                               c == 0x2014 || c == 0x2026;
            if (zh_face && strcmp(g[i].family, "Noto Serif CJK SC"))
                violation(T, "Chinese character or mark not from Noto Serif CJK SC", w, txt);
            else if (latin(c) && strcmp(g[i].family, "Liberation Serif"))
                violation(T, "Latin character not from Liberation Serif", w, txt);
            else
                T->fonts++;
        }
        g_free(txt);
    }
}

#define FO_HEAD \
    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' xmlns:cx='urn:circgen:fo-extensions'>" \
    "<fo:layout-master-set><fo:simple-page-master master-name='p' page-width='600pt' page-height='800pt'>" \
    "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>" \
    "<fo:page-sequence master-reference='p' language='zh' country='CN'><fo:flow flow-name='xsl-region-body' " \
    "font-family='Liberation Serif, Noto Serif CJK SC' font-size='12pt' text-align='%s'>"

/* Lay out PARAS at width w and check every line. */
static void check_width(tally *T, double w, const char *align)
{
    cg_diags *d = cg_diags_new();
    GString *src = g_string_new(NULL);
    g_string_append_printf(src, FO_HEAD, align);
    for (size_t i = 0; i < G_N_ELEMENTS(PARAS); i++)
        g_string_append_printf(src, "<fo:block>%s</fo:block>", PARAS[i]);
    g_string_append(src, "</fo:flow></fo:page-sequence></fo:root>");
    xmlDocPtr doc = cg_xml_read_memory(src->str, src->len, "t.fo", d);
    assert_non_null(doc);
    cg_fo_tree *t = cg_fo_tree_new(doc, d);
    assert_non_null(t);
    PangoContext *ctx = cg_fonts_context("zh-CN", d);
    assert_non_null(ctx);
    cg_layout L;
    cg_layout_init(&L, t, d, ctx, ".");
    const cg_fo *ps = cg_fo_child(t->root, FO_PAGE_SEQUENCE);
    const cg_fo *flow = cg_fo_child(ps, FO_FLOW);
    cg_vlist *vl = cg_layout_blocks(&L, flow, w);
    GPtrArray *lines = g_ptr_array_new();
    for (guint i = 0; i <= vl->items->len; i++) {
        cg_line *ln = NULL;
        if (i < vl->items->len) {
            cg_vitem *it = &g_array_index(vl->items, cg_vitem, i);
            if (it->kind != VI_LINE)
                continue;
            ln = it->line;
        }
        if (lines->len && (!ln || ln->para != ((cg_line *)lines->pdata[0])->para)) {
            check_para(T, (cg_line **)lines->pdata, (int)lines->len, 12, (int)w,
                       !strcmp(align, "justify"));
            g_ptr_array_set_size(lines, 0);
        }
        if (ln)
            g_ptr_array_add(lines, ln);
    }
    g_ptr_array_free(lines, TRUE);
    cg_vlist_free(vl);
    cg_layout_clear(&L);
    g_object_unref(ctx);
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    assert_int_equal(d->errors, 0);
    cg_diags_free(d);
    g_string_free(src, TRUE);
}

static void test_checker_all_widths(void **state)
{
    (void)state;
    tally T = { 0 };
    int widths = 0;
    for (double w = 96; w <= 480; w += 2.5, widths++) {
        check_width(&T, w, "justify");
        if (widths % 4 == 0)
            check_width(&T, w, "start");
    }
    printf("zh checker: %d widths, %d paragraphs, %d lines checked, %d justified lines, "
           "%d Chinese-Latin gaps, %d mark pairs, %d line-end marks, %d glyph faces, "
           "%d lines starting with \xe2\x80\x9c, %d ending with \xe2\x80\x9d, "
           "%d opening marks at a line start in half width, %d lines shrunk by compressing "
           "punctuation; violations: %d\n",
           widths, T.paras, T.lines, T.justified, T.cjk_latin_gaps, T.pairs, T.end_marks,
           T.fonts, T.quote_start, T.quote_end, T.open_half, T.shrunk, T.violations);
    assert_int_equal(T.violations, 0);
    assert_true(T.lines > 1000);
    assert_true(T.quote_start > 0);     /* item 4: breaks before “ and after ” happen */
    assert_true(T.quote_end > 0);
    assert_true(T.end_marks > 0);
    assert_true(T.pairs > 0);
    for (size_t k = 0; k < G_N_ELEMENTS(PAIRS); k++)
        if (!T.seen[k])
            fail_msg("the pair %s never set side by side in the stress paragraphs", PAIRS[k]);
    assert_true(T.open_half > 0);       /* opening marks at line starts in half width */
    assert_true(T.shrunk > 0);          /* lines fitted by compressing their punctuation */
}

/* The lines of one justified paragraph of text at width w: their number,
 * and the used width of the first. */
static int lines_of(const char *text, double w, double *used0)
{
    cg_diags *d = cg_diags_new();
    GString *src = g_string_new(NULL);
    g_string_append_printf(src, FO_HEAD, "justify");
    g_string_append_printf(src, "<fo:block>%s</fo:block></fo:flow></fo:page-sequence></fo:root>", text);
    xmlDocPtr doc = cg_xml_read_memory(src->str, src->len, "t.fo", d);
    cg_fo_tree *t = cg_fo_tree_new(doc, d);
    PangoContext *ctx = cg_fonts_context("zh-CN", d);
    cg_layout L;
    cg_layout_init(&L, t, d, ctx, ".");
    const cg_fo *flow = cg_fo_child(cg_fo_child(t->root, FO_PAGE_SEQUENCE), FO_FLOW);
    cg_vlist *vl = cg_layout_blocks(&L, flow, w);
    int n = 0;
    for (guint i = 0; i < vl->items->len; i++) {
        cg_vitem *it = &g_array_index(vl->items, cg_vitem, i);
        if (it->kind == VI_LINE && n++ == 0)
            *used0 = it->line->used;
    }
    cg_vlist_free(vl);
    cg_layout_clear(&L);
    g_object_unref(ctx);
    cg_fo_tree_free(t);
    cg_xml_free(doc);
    cg_diags_free(d);
    g_string_free(src, TRUE);
    return n;
}

/* A line is fitted by compressing its punctuation before the breaker takes
 * a worse break: 20 em of text with three commas (1.5 em of blank halves)
 * in 19 em is one line, shrunk to the measure, not 17 characters stretched
 * by 2 em and a last line of three. */
static void test_punctuation_shrinks_to_fit(void **state)
{
    (void)state;
    double used = 0;
    int n = lines_of("甲乙丙丁，戊己庚辛，壬癸子丑，寅卯辰巳。", 19 * 12, &used);
    assert_int_equal(n, 1);
    assert_true(fabs(used - 19 * 12) < EPS);
    /* with no marks to compress, the same text breaks */
    assert_int_equal(lines_of("甲乙丙丁戊戊己庚辛辛壬癸子丑丑寅卯辰巳。", 19 * 12, &used), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zh_break_rules),
        cmocka_unit_test(test_identifiers_unbroken),
        cmocka_unit_test(test_checker_all_widths),
        cmocka_unit_test(test_punctuation_shrinks_to_fit),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    cg_fonts_cleanup();
    return rc;
}
