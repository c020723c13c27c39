/* libFuzzer harness: the translator diff. The input is split at its first NUL byte
 * into two documents A and B; each that is valid is diffed against the other, and
 * against the shipped English sample, in every mode, and every report is written. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "diff/diff.h"
#include "diff/diffdoc.h"
#include "diff/diffout.h"
#include "doc/doc.h"
#include "base/base.h"

static void run(xmlDocPtr a, xmlDocPtr b, const cg_diff_rules *rules)
{
    cg_version *va = cg_version_new(a, "a.xml", rules);
    cg_version *vb = cg_version_new(b, "b.xml", rules);
    if (va && vb) {
        cg_diff_mode modes[] = { CG_DIFF_AUTO, CG_DIFF_TRANSLATION, CG_DIFF_REVISION };
        for (size_t i = 0; i < sizeof modes / sizeof *modes; i++) {
            cg_report *r = cg_diff_versions(va, vb, modes[i]);
            GString *s = g_string_new(NULL);
            cg_report_write_text(r, s, i == 1);
            g_string_free(s, TRUE);
            xmlDocPtr x = cg_report_to_xml(r);
            xmlFreeDoc(x);
            cg_report_free(r);
        }
    }
    cg_version_free(va);
    cg_version_free(vb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cg_diff_rules *rules;
    static xmlDocPtr sample;
    if (!rules) {
        cg_diags *d = cg_diags_new();
        const char *dir = getenv("CIRCGEN_TEMPLATES") ? getenv("CIRCGEN_TEMPLATES") : "templates";
        char *type_dir = g_build_filename(dir, "tsb-circular", NULL);
        rules = cg_diff_rules_load(dir, type_dir, d);
        g_free(type_dir);
        sample = cg_xml_read_file("samples/tsb-circular-50/en.xml", d);
        cg_diags_free(d);
        if (!rules)
            rules = cg_diff_rules_new();
    }
    const uint8_t *nul = memchr(data, 0, size);
    size_t la = nul ? (size_t)(nul - data) : size;
    cg_diags *d = cg_diags_new();
    /* As `circgen diff` does, only valid documents are compared. */
    xmlDocPtr a = cg_xml_read_memory((const char *)data, la, "a.xml", d);
    xmlDocPtr b = nul ? cg_xml_read_memory((const char *)nul + 1, size - la - 1, "b.xml", d) : NULL;
    if (a && cg_validate(a, d) > 0) {
        cg_xml_free(a);
        a = NULL;
    }
    if (b && cg_validate(b, d) > 0) {
        cg_xml_free(b);
        b = NULL;
    }
    if (a && b)
        run(a, b, rules);
    if (a && sample) {
        run(a, sample, rules);
        run(sample, a, rules);
    }
    cg_xml_free(a);
    cg_xml_free(b);
    cg_diags_free(d);
    return 0;
}
