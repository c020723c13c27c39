/* libFuzzer harness: circgen xliff merge. The input is a returned XLIFF file, merged
 * against tests/xliff/source.xml (the source of the seeds: tests/xliff/*.xlf, whose
 * hash matches), strictly and not; a merged result is parsed back. Nothing may crash,
 * leak or hang, whatever the damage. */
#include <stdint.h>
#include <stdlib.h>
#include "xliff/xliff.h"
#include "base/base.h"

#define SOURCE "tests/xliff/source.xml"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int strict = 0; strict < 2; strict++) {
        cg_diags *d = cg_diags_new();
        char *out = NULL;
        size_t len = 0;
        int rc = cg_xliff_merge_buffer((const char *)data, size, "fuzz.xlf", SOURCE, strict,
                                       &out, &len, d);
        if (rc == CG_EXIT_OK) {
            xmlDocPtr back = cg_xml_read_memory(out, len, "merged.xml", d);
            if (!back)
                abort();   /* a merge must write well-formed XML */
            cg_xml_free(back);
        }
        g_free(out);
        cg_diags_free(d);
    }
    return 0;
}
