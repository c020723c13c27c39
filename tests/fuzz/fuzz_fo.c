/* libFuzzer harness: the XSL-FO engine. The input is an FO document, laid out,
 * paginated and drawn into a PDF kept in memory (and its area dump written to
 * /dev/null), as `circgen fo` would. Images are looked up in tests/fo/ (run from
 * the worktree root), so that the seeds' logo.svg is found. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "fo/fo.h"
#include "fo/fonts.h"
#include "fo/fo_hyph.h"
#include "base/base.h"

static int count(void *closure, const unsigned char *data, unsigned int len)
{
    (void)data;
    *(size_t *)closure += len;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null;
    if (!null) {
        if (!getenv("CIRCGEN_TEMPLATES"))
            setenv("CIRCGEN_TEMPLATES", "templates", 0);
        if (!getenv("SOURCE_DATE_EPOCH"))
            setenv("SOURCE_DATE_EPOCH", "0", 0);
        null = fopen("/dev/null", "w");
    }
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = cg_xml_read_memory((const char *)data, size, "fuzz.fo", d);
    if (doc) {
        size_t bytes = 0;
        cg_fo_options o = { 0 };
        o.write = count;
        o.write_closure = &bytes;
        o.dump = null;
        o.base_dir = "tests/fo";
        cg_fo_render(doc, &o, d);
        cg_xml_free(doc);
    }
    cg_diags_free(d);
    return 0;
}
