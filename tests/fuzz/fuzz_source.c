/* libFuzzer harness: the source loader and every check of `circgen check`.
 * Input bytes are parsed as a source document and validated against its type;
 * an invalid one also goes through the schema explainer (gen/doc/explain.c). */
#include <stdint.h>
#include <stdlib.h>
#include "doc/doc.h"
#include "base/base.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init) {
        init = 1;
        if (!getenv("CIRCGEN_TEMPLATES"))
            setenv("CIRCGEN_TEMPLATES", "templates", 0);
    }
    cg_diags *d = cg_diags_new();
    xmlDocPtr doc = cg_xml_read_memory((const char *)data, size, "fuzz.xml", d);
    if (doc) {
        cg_validate(doc, d);
        cg_xml_free(doc);
    }
    cg_diags_free(d);
    return 0;
}
