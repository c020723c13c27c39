/* Unit tests: pdf_doc.c, the PDF reader and update writer behind the form, the attached
 * source and PDF/A (dictionaries as text, strings, chained cross-reference sections). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fo/pdf_doc.h"

static void test_dict_get(void **state)
{
    (void)state;
    const char *d = " /Type /Page % a comment with /Annots\n /Parent 1 0 R /Annots [ 3 0 R 4 0 R ]"
                    " /Group << /S /Transparency /Nested << /A (x) >> >> /T (a \\) b (c)) /U <FEFF0041> /N 12 ";
    char *v = cg_pdf_dict_get(d, "/Type");
    assert_string_equal(v, "/Page");
    g_free(v);
    v = cg_pdf_dict_get(d, "/Annots");
    assert_string_equal(v, "[ 3 0 R 4 0 R ]");
    GArray *r = cg_pdf_refs(v);
    assert_int_equal(r->len, 2);
    assert_int_equal(g_array_index(r, long, 1), 4);
    g_array_free(r, TRUE);
    g_free(v);
    v = cg_pdf_dict_get(d, "/Parent");
    assert_int_equal(cg_pdf_ref(v), 1);
    g_free(v);
    v = cg_pdf_dict_get(d, "/Group");
    assert_string_equal(v, "<< /S /Transparency /Nested << /A (x) >> >>");
    g_free(v);
    assert_null(cg_pdf_dict_get(d, "/S"));       /* not at the top level */
    assert_null(cg_pdf_dict_get(d, "/Annot"));   /* a prefix of a key is not the key */
    v = cg_pdf_dict_get(d, "/T");
    char *u = cg_pdf_string_utf8(v);
    assert_string_equal(u, "a ) b (c)");
    g_free(u);
    g_free(v);
    v = cg_pdf_dict_get(d, "/U");
    u = cg_pdf_string_utf8(v);
    assert_string_equal(u, "A");
    g_free(u);
    g_free(v);
    v = cg_pdf_dict_get(d, "/N");
    assert_string_equal(v, "12");
    assert_int_equal(cg_pdf_ref(v), 0);
    g_free(v);
}

static void test_dict_remove(void **state)
{
    (void)state;
    char *r = cg_pdf_dict_remove("/A 1 /Annots [ 2 0 R ] /B (x)", "/Annots");
    assert_string_equal(r, "/A 1  /B (x)");
    g_free(r);
    r = cg_pdf_dict_remove("/A 1", "/Z");
    assert_string_equal(r, "/A 1");
    g_free(r);
}

static void test_strings(void **state)
{
    (void)state;
    GString *s = g_string_new(NULL);
    cg_pdf_text_string(s, "中A");
    assert_string_equal(s->str, "<FEFF4E2D0041>");
    char *u = cg_pdf_string_utf8(s->str);
    assert_string_equal(u, "中A");
    g_free(u);
    g_string_truncate(s, 0);
    cg_pdf_literal(s, "a(b)\\\n", 6);
    assert_string_equal(s->str, "(a\\(b\\)\\\\\\012)");
    u = cg_pdf_string_utf8(s->str);
    assert_string_equal(u, "a(b)\\\n");
    g_free(u);
    g_string_free(s, TRUE);
    u = cg_pdf_string_utf8("(caf\\351)");          /* PDFDocEncoding */
    assert_string_equal(u, "café");
    g_free(u);
}

/* A small PDF, an update of it by pdf_doc, and a second update reading the first. */
static void test_update_chain(void **state)
{
    (void)state;
    GString *pdf = g_string_new("%PDF-1.5\n%\xb5\xed\xae\xfb\n");
    long off[3];
    off[1] = (long)pdf->len;
    g_string_append(pdf, "1 0 obj\n<< /Type /Pages /Kids [ 2 0 R ] /Count 1 >>\nendobj\n");
    off[2] = (long)pdf->len;
    g_string_append(pdf, "2 0 obj\n<< /Type /Page /Parent 1 0 R >>\nendobj\n");
    long cat = (long)pdf->len;
    g_string_append(pdf, "3 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n");
    long xref = (long)pdf->len;
    g_string_append_printf(pdf, "xref\n0 4\n0000000000 65535 f \n%010ld 00000 n \n%010ld 00000 n \n%010ld 00000 n \n"
                           "trailer\n<< /Size 4 /Root 3 0 R >>\nstartxref\n%ld\n%%%%EOF\n", off[1], off[2], cat, xref);
    char path[] = "/tmp/cg-pdfdoc-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, pdf->str, pdf->len), (ssize_t)pdf->len);
    cg_pdfdoc *p = cg_pdfdoc_read(fd);
    assert_non_null(p);
    assert_int_equal(p->root, 3);
    char *d = cg_pdfdoc_dict(p, 2);
    assert_non_null(strstr(d, "/Parent 1 0 R"));
    g_free(d);
    long n = cg_pdfdoc_new_obj(p);
    assert_int_equal(n, 4);
    cg_pdfdoc_put(p, n, "<< /Hello (world) >>");
    cg_pdfdoc_put(p, 2, "<< /Type /Page /Parent 1 0 R /Annots [ 4 0 R ] >>");
    assert_int_equal(cg_pdfdoc_commit(p, fd, "/ID [ <00> <00> ]"), 0);
    cg_pdfdoc_free(p);
    /* the second reading sees the new versions through the chain */
    p = cg_pdfdoc_read(fd);
    assert_non_null(p);
    assert_int_equal(p->size, 5);
    assert_string_equal(p->id, "[ <00> <00> ]");
    d = cg_pdfdoc_dict(p, 2);
    assert_non_null(strstr(d, "/Annots [ 4 0 R ]"));
    g_free(d);
    d = cg_pdfdoc_dict(p, 4);
    assert_non_null(strstr(d, "/Hello (world)"));
    g_free(d);
    d = cg_pdfdoc_dict(p, 3);
    assert_non_null(strstr(d, "/Catalog"));
    g_free(d);
    assert_null(cg_pdfdoc_dict(p, 9));
    cg_pdfdoc_free(p);
    close(fd);
    unlink(path);
    g_string_free(pdf, TRUE);
}

static void test_not_a_pdf(void **state)
{
    (void)state;
    char path[] = "/tmp/cg-pdfdoc-XXXXXX";
    int fd = mkstemp(path);
    const char junk[] = "%PDF-1.5\nthis is not a PDF at all, no cross-reference table here\nstartxref\n12\n%%EOF\n";
    assert_int_equal(write(fd, junk, sizeof junk - 1), (ssize_t)(sizeof junk - 1));
    assert_null(cg_pdfdoc_read(fd));
    close(fd);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict_get),
        cmocka_unit_test(test_dict_remove),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_update_chain),
        cmocka_unit_test(test_not_a_pdf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
