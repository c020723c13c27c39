/* xcodes.h — the content of a unit as a stream of tokens (text, placeholders, the
 * start and end of paired codes), the rules a target's codes must follow, and the
 * rebuilding of a unit's element from a target. Private to gen/xliff/.
 */
#ifndef CG_XCODES_H
#define CG_XCODES_H

#include <libxml/tree.h>
#include "xsource.h"

typedef enum { CG_XT_TEXT, CG_XT_PH, CG_XT_OPEN, CG_XT_CLOSE } cg_xtok_kind;

typedef struct {
    cg_xtok_kind kind;
    char *id;            /* code id (PH, OPEN, CLOSE) */
    char *text;          /* TEXT */
    xmlNodePtr at;       /* where it was read (for diagnostics), may be NULL */
} cg_xtok;

/* A new array of cg_xtok* (freed with it). */
GPtrArray *cg_xtoks_new(void);
void cg_xtoks_add(GPtrArray *toks, cg_xtok_kind kind, const char *id_or_text, xmlNodePtr at);
/* Is there no text (other than white space) and no code? */
gboolean cg_xtoks_empty(const GPtrArray *toks);

/* The content of leaf (the source unit's own element, or the same unit in another
 * version) as tokens whose codes are the source unit's u: elements are matched to
 * codes of the same name, equal markup first, then in order; rules (the source's diff
 * rules) say which elements are paired. An element that matches no code is left out
 * (its text kept when it is paired) and reported in d as a warning. */
GPtrArray *cg_xtoks_from_leaf(const cg_diff_rules *rules, const cg_xunit *u, xmlNodePtr leaf,
                              cg_diags *d);

/* Check a target's tokens against its unit's codes: every code id known, used once,
 * of the right kind; paired codes balanced and not overlapping; no code that cannot
 * be deleted missing. Codes may be reordered. Returns 0, or -1 with a message
 * (caller frees) and the token at fault (NULL: the target as a whole). */
int cg_xtoks_check(const cg_xunit *u, const GPtrArray *toks, char **msg, const cg_xtok **at);

/* Replace the content of the unit's element by the (checked) tokens: text as text,
 * each code as the source's own element (moved, not copied: attributes and data come
 * from the source). */
void cg_xtoks_apply(cg_xunit *u, const GPtrArray *toks);

#endif
