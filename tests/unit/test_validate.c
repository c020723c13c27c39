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


/* ---- the explainer (gen/doc/explain.c) against libxml2 ---------------- */

static void collect_elements(xmlNodePtr n, GPtrArray *out)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) {
            g_ptr_array_add(out, n);
            collect_elements(n->children, out);
        }
}

static xmlNodePtr prev_element(xmlNodePtr n)
{
    for (n = n->prev; n && n->type != XML_ELEMENT_NODE; n = n->prev)
        ;
    return n;
}

/* Apply mutation kind k to element e (or to its first attribute): FALSE when it
 * does not apply. */
static gboolean mutate(xmlNodePtr e, int k)
{
    xmlAttrPtr a = e->properties;
    switch (k) {
    case 0: if (!e->parent || e->parent->type != XML_ELEMENT_NODE) return FALSE;
            xmlUnlinkNode(e); xmlFreeNode(e); return TRUE;
    case 1: { char *n = g_strconcat((const char *)e->name, "x", NULL);
              xmlNodeSetName(e, (const xmlChar *)n); g_free(n); return TRUE; }
    case 2: { xmlNodePtr t = xmlNewDocText(e->doc, (const xmlChar *)"stray text");
              if (e->children) xmlAddPrevSibling(e->children, t); else xmlAddChild(e, t);
              return TRUE; }
    case 3: if (!e->parent || e->parent->type != XML_ELEMENT_NODE) return FALSE;
            xmlAddNextSibling(e, xmlDocCopyNode(e, e->doc, 1)); return TRUE;
    case 4: { xmlNodePtr p = prev_element(e);
              if (!p || xmlStrEqual(p->name, e->name)) return FALSE;
              xmlUnlinkNode(e); xmlAddPrevSibling(p, e); return TRUE; }
    case 5: if (!a) return FALSE;
            xmlRemoveProp(a); return TRUE;
    case 6: if (!a) return FALSE;
            xmlNodeSetContent((xmlNodePtr)a, (const xmlChar *)"?! 18/08/2025"); return TRUE;
    case 7: xmlNewProp(e, (const xmlChar *)"bogus", (const xmlChar *)"1"); return TRUE;
    case 8: { xmlNodePtr c = xmlNewDocNode(e->doc, e->ns, (const xmlChar *)"b", NULL);
              xmlAddChild(e, c); return TRUE; }
    }
    /* Then, for the attributes in turn: remove, a local date, one letter more, empty. */
    k -= 9;
    for (int j = 0; a && j < k / 4; j++)
        a = a->next;
    if (!a)
        return FALSE;
    xmlChar *v = xmlNodeListGetString(e->doc, a->children, 1);
    char *more = g_strconcat(v ? (const char *)v : "", "x", NULL);
    const char *values[] = { NULL, "18/08/2025", more, "" };
    if (k % 4 == 0)
        xmlRemoveProp(a);
    else
        xmlNodeSetContent((xmlNodePtr)a, (const xmlChar *)values[k % 4]);
    g_free(more);
    xmlFree(v);
    return TRUE;
}

/* Every mutation of every element of file: no message when libxml2 finds the
 * result valid, exactly one (one mistake, one message) when it does not. */
static int explainer_disagreements(const char *file, guint stride, int *runs)
{
    int bad = 0;
    cg_diags *d0 = cg_diags_new();
    xmlDocPtr doc0 = cg_xml_read_file(file, d0);
    assert_non_null(doc0);
    GPtrArray *els = g_ptr_array_new();
    collect_elements(xmlDocGetRootElement(doc0), els);
    guint n = els->len;
    g_ptr_array_free(els, TRUE);
    cg_xml_free(doc0);
    cg_diags_free(d0);
    for (guint i = 0; i < n; i += stride)
        for (int k = 0; k < 9 + 4 * 8; k++) {
            cg_diags *d = cg_diags_new();
            xmlDocPtr doc = cg_xml_read_file(file, d);
            GPtrArray *all = g_ptr_array_new();
            collect_elements(xmlDocGetRootElement(doc), all);
            xmlNodePtr e = g_ptr_array_index(all, i);
            char *what = g_strdup_printf("%s: element %u <%s>, mutation %d", file, i, e->name, k);
            if (mutate(e, k)) {
                /* As written to a file and read again, like a user's document. */
                xmlChar *buf = NULL;
                int len = 0;
                xmlDocDumpMemory(doc, &buf, &len);
                xmlDocPtr again = cg_xml_read_memory((const char *)buf, len, file, d);
                xmlFree(buf);
                assert_non_null(again);
                gboolean valid = FALSE;
                int msgs = cg_validate_explain(again, &valid, d);
                cg_xml_free(again);
                (*runs)++;
                if (getenv("CG_EXPLAIN_DUMP") && msgs > 0) {
                    fprintf(stderr, "== %s (%d)\n", what, msgs);
                    cg_diags_print(d, stderr);
                }
                if (valid ? msgs != 0 : msgs != 1) {
                    fprintf(stderr, "%s: libxml2 says %s, the explainer gives %d message(s)\n",
                            what, valid ? "valid" : "invalid", msgs);
                    cg_diags_print(d, stderr);
                    bad++;
                }
            }
            g_free(what);
            g_ptr_array_free(all, TRUE);
            cg_xml_free(doc);
            cg_diags_free(d);
        }
    return bad;
}

static void test_explainer_agrees(void **state)
{
    (void)state;
    /* Every element of each file, or every stride-th: every second of the larger
     * samples, every seventh of the shared markup's test document
     * (tests/data/markup/en.xml holds each construct many times); about 10 s. */
    const struct { const char *file; guint stride; } files[] = {
        { "samples/tsb-circular-50/en.xml", 1 }, { "samples/tsb-circular-50/zh.xml", 1 },
        { "samples/sg17-ietf-liaison/en.xml", 1 }, { "tests/data/minimal.xml", 1 },
        { "templates/tsb-circular/strings/en.xml", 1 },
        { "samples/tsb-circular-approval/en.xml", 1 }, { "samples/tsb-circular-workshop/en.xml", 2 },
        { "samples/tsb-circular-questionnaire/en.xml", 1 }, { "samples/collective-letter-sg17/en.xml", 2 },
        { "tests/data/markup/en.xml", 7 }, { NULL, 0 } };
    int bad = 0, runs = 0;
    for (int i = 0; files[i].file; i++)
        bad += explainer_disagreements(files[i].file, files[i].stride, &runs);
    fprintf(stderr, "explainer: %d mutated documents, %d disagreements with libxml2\n", runs, bad);
    assert_int_equal(bad, 0);
}

/* Two mutations at once, drawn at random (fixed seed) from those of minimal.xml:
 * no message for a valid result, one or two for an invalid one (never a cascade). */
static void test_explainer_two_mistakes(void **state)
{
    (void)state;
    GRand *rnd = g_rand_new_with_seed(14);
    int runs = 0, bad = 0;
    for (int n = 0; n < 3000; n++) {
        cg_diags *d = cg_diags_new();
        xmlDocPtr doc = cg_xml_read_file("tests/data/minimal.xml", d);
        gboolean applied = TRUE;
        for (int m = 0; m < 2 && applied; m++) {
            applied = FALSE;
            for (int tries = 0; tries < 20 && !applied; tries++) {
                GPtrArray *all = g_ptr_array_new();
                collect_elements(xmlDocGetRootElement(doc), all);
                xmlNodePtr e = g_ptr_array_index(all, g_rand_int_range(rnd, 0, all->len));
                int k = g_rand_int_range(rnd, 0, 9 + 4 * 2);   /* attributes: the first two */
                applied = mutate(e, k);
                g_ptr_array_free(all, TRUE);
            }
        }
        if (applied) {
            xmlChar *buf = NULL;
            int len = 0;
            xmlDocDumpMemory(doc, &buf, &len);
            xmlDocPtr again = cg_xml_read_memory((const char *)buf, len, "two.xml", d);
            xmlFree(buf);
            gboolean valid = FALSE;
            int msgs = again ? cg_validate_explain(again, &valid, d) : 0;
            runs++;
            if (again && (valid ? msgs != 0 : msgs < 1 || msgs > 2)) {
                fprintf(stderr, "two mistakes: libxml2 says %s, %d message(s):\n",
                        valid ? "valid" : "invalid", msgs);
                cg_diags_print(d, stderr);
                bad++;
            }
            cg_xml_free(again);
        }
        cg_xml_free(doc);
        cg_diags_free(d);
    }
    g_rand_free(rnd);
    fprintf(stderr, "explainer: %d documents with two mutations, %d wrong counts\n", runs, bad);
    assert_int_equal(bad, 0);
}

/* file with one or two substitutions; the diagnostics of circgen check. */
static cg_diags *validate_file_with(const char *file, const char *from, const char *to,
                                    const char *from2, const char *to2)
{
    char *text;
    gsize len;
    assert_true(g_file_get_contents(file, &text, &len, NULL));
    const char *f[2] = { from, from2 }, *t[2] = { to, to2 };
    for (int i = 0; i < 2; i++) {
        if (!f[i])
            continue;
        char *at = strstr(text, f[i]);
        assert_non_null(at);
        GString *s = g_string_new_len(text, at - text);
        g_string_append(s, t[i]);
        g_string_append(s, at + strlen(f[i]));
        g_free(text);
        text = g_string_free(s, FALSE);
    }
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = cg_xml_read_memory(text, strlen(text), "en.xml", d);
    assert_non_null(doc);
    cg_validate(doc, d);
    cg_xml_free(doc);
    g_free(text);
    return d;
}

/* Circular 50 with one or two substitutions. */
static cg_diags *validate_sample(const char *from, const char *to, const char *from2,
                                 const char *to2)
{
    return validate_file_with("samples/tsb-circular-50/en.xml", from, to, from2, to2);
}

static void assert_only(cg_diags *d, const char *msg)
{
    if (d->errors != 1 || !cg_diags_contain(d, msg)) {
        cg_diags_print(d, stderr);
        fail_msg("want exactly: %s", msg);
    }
    cg_diags_free(d);
}

/* The messages of issue 14, on Circular 50 itself. */
static void test_issue_messages(void **state)
{
    (void)state;
    assert_only(validate_sample("date=\"2025-07-23\"", "date=\"18/08/2025\"", NULL, NULL),
                "en.xml:4:1: error: <circular>: attribute date: \"18/08/2025\" is not a date; "
                "write YYYY-MM-DD, e.g. 2025-08-18");
    assert_only(validate_sample("<para id=\"para-2\">", "<para>", NULL, NULL),
                "error: <para> lacks the required attribute id");
    assert_only(validate_sample("<addressee id=\"to-1\">Administrations of ITU Member States</addressee>",
                                "<adressee id=\"to-1\">Administrations of ITU Member States</adressee>",
                                NULL, NULL),
                "en.xml:13:5: error: <adressee> is not allowed here; did you mean <addressee>? "
                "expected: <addressee>");
    char *text;
    assert_true(g_file_get_contents("samples/tsb-circular-50/en.xml", &text, NULL, NULL));
    char *sum = strstr(strstr(text, "number=\"X.1062\""), "<summary>");
    char *end = strstr(sum, "</summary>") + strlen("</summary>");
    char *summary = g_strndup(sum, end - sum);
    assert_only(validate_sample(summary, "", NULL, NULL),
                "error: <draft number=\"X.1062\"> lacks <summary> after <title>");
    /* A subject without <drafts/> and a real error: the real error only (libxml2
     * also said "Expecting element subject, got copy"). */
    char *subj = strstr(text, "<subject id=\"subject\">");
    char *subj_end = strstr(subj, "</subject>") + strlen("</subject>");
    char *subject = g_strndup(subj, subj_end - subj);
    assert_only(validate_sample(subject, "<subject id=\"subject\">Consultation on ten drafts</subject>",
                                "<addressee id=\"copy-3\">ITU Academia</addressee>",
                                "<adressee id=\"copy-3\">ITU Academia</adressee>"),
                "error: <adressee> is not allowed here; did you mean <addressee>?");
    g_free(subject);
    g_free(summary);
    g_free(text);
}

/* The two forms of a para, item or cell (text with an id, or a container without):
 * each mistake explained by the form the element is nearest to. */
static void test_block_forms(void **state)
{
    (void)state;
    const char *m = "tests/data/markup/en.xml";
    assert_only(validate_file_with(m, "<para id=\"para-2-2-1\">", "<para>", NULL, NULL),
                "error: <para> lacks the required attribute id");
    assert_only(validate_file_with(m, "<item id=\"r0c-1\">", "<item>", NULL, NULL),
                "error: <item> lacks the required attribute id");
    assert_only(validate_file_with(m, "<p id=\"para-2\">A paragraph with sub-paragraphs and a list:</p>",
                                   "A paragraph with sub-paragraphs and a list:", NULL, NULL),
                "error: <para>: text is not allowed here (\"A paragraph with sub-paragraphs and a li…\"); "
                "expected: <p>, <list>, <table>, <footnote> or <figure>");
    assert_only(validate_file_with(m, "<para>\n      <p id=\"para-2\">",
                                   "<para id=\"para-x\">\n      <p id=\"para-2\">", NULL, NULL),
                "(a <para> holds <p> only when written without the attribute id)");
    cg_diags *d = validate_file_with(m, "<para id=\"para-2-2-1\">", "<para>",
                                     "<item id=\"r0c-1\">", "<item>");
    if (d->errors != 2 || !cg_diags_contain(d, "<para> lacks the required attribute id") ||
        !cg_diags_contain(d, "<item> lacks the required attribute id")) {
        cg_diags_print(d, stderr);
        fail_msg("want the two missing ids");
    }
    cg_diags_free(d);
}

/* The constructs the shipped schemas do not use yet (interleave, mixed, combine,
 * div, include overrides, name classes, lists, wildcards): a test type in
 * tests/templates/rng-features. */
static cg_diags *validate_features(const char *from, const char *to)
{
    char *text;
    assert_true(g_file_get_contents("tests/templates/rng-features/valid.xml", &text, NULL, NULL));
    if (from) {
        char *at = strstr(text, from);
        assert_non_null(at);
        GString *s = g_string_new_len(text, at - text);
        g_string_append(s, to);
        g_string_append(s, at + strlen(from));
        g_free(text);
        text = g_string_free(s, FALSE);
    }
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = cg_xml_read_memory(text, strlen(text), "f.xml", d);
    assert_non_null(doc);
    cg_validate(doc, d);
    cg_xml_free(doc);
    g_free(text);
    return d;
}

static void test_schema_features(void **state)
{
    (void)state;
    char *old = g_strdup(g_getenv("CIRCGEN_TEMPLATES"));
    cg_doctype_cleanup();
    g_setenv("CIRCGEN_TEMPLATES", "tests/templates", TRUE);
    cg_diags *d = validate_features(NULL, NULL);
    cg_diags_print(d, stderr);
    assert_int_equal(d->errors, 0);
    cg_diags_free(d);
    assert_only(validate_features("<title>T</title>", ""), "f.xml:3:3: error: <head> lacks <title>");
    assert_only(validate_features("</head>", "<subtitle>S</subtitle><subtitle>S</subtitle></head>"),
                "<subtitle> is not allowed here: <head> holds only one <subtitle>");
    assert_only(validate_features("<remark level=\"high\">R</remark>",
                                  "<remarks level=\"high\">R</remarks>"),
                "<remarks> is not allowed here; did you mean <remark>? expected: <p>, <note>, "
                "<remark>, <ext> or the end of <body>");
    assert_only(validate_features("a b c", "a 1 c"), "error: <tags>: \"1\" is not a name");
    assert_only(validate_features("kind=\"two\"", "kind=\"never\""),
                "error: <doc>: attribute kind: \"never\" is not allowed; write one or two");
    assert_only(validate_features("lang=\"fr\"", "lang=\"fr_CH\""),
                "error: <doc>: attribute lang: \"fr_CH\" is not a language tag");
    assert_only(validate_features("lang=\"fr\"", "lng=\"fr\""),
                "error: <doc>: attribute lng is not allowed; did you mean lang?");
    assert_only(validate_features("lang=\"fr\"", "xmlns:f=\"urn:circgen:rng-features\" f:lang=\"fr\""),
                "error: <doc>: attribute f:lang is not allowed: write it without a prefix, lang");
    assert_only(validate_features("level=\"high\">R", "level=\"High\">R"),
                "error: <remark>: attribute level: \"High\" is not allowed; write high");
    assert_only(validate_features("<em>text</em>", "<b>text</b>"),
                "error: <b> is not allowed here; expected: <em> or the end of <p>");
    int runs = 0;
    assert_int_equal(explainer_disagreements("tests/templates/rng-features/valid.xml", 1, &runs), 0);
    cg_doctype_cleanup();
    g_setenv("CIRCGEN_TEMPLATES", old, TRUE);
    g_free(old);
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
        cmocka_unit_test(test_issue_messages),
        cmocka_unit_test(test_block_forms),
        cmocka_unit_test(test_explainer_agrees),
        cmocka_unit_test(test_explainer_two_mistakes),
        cmocka_unit_test(test_schema_features),
    };
    int rc = cmocka_run_group_tests_name("validate", tests, NULL, NULL);
    cg_doctype_cleanup();
    g_free(minimal);
    return rc;
}
