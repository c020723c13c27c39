/* terms.h — the ITU term base (templates/common/terms/terms.xml, schema terms.rng):
 * concepts with their terms in the six languages, found in the text of units.
 *
 * A term is found in a text by words (the default: the text is cut into words of
 * letters and digits; a term word ending in * is a stem and matches every word that
 * begins with it; case is ignored unless the term says case="exact") or, for the
 * languages the base lists with <match by="characters"/> (Chinese, Arabic), as a
 * string. Languages are compared by their primary subtag ("zh-CN" is "zh").
 *
 * The translation check: a unit whose source holds a term of a concept and whose
 * translation holds none of the concept's terms in its language is a finding
 * ("term: 'Member States' → expected '成员国'"). circgen xliff extract lists each
 * unit's terms in XLIFF 2.0's glossary module.
 */
#ifndef CG_DIFF_TERMS_H
#define CG_DIFF_TERMS_H

#include "diffdoc.h"

typedef struct cg_terms cg_terms;

/* The term base of a templates folder (common/terms/terms.xml). A missing file gives
 * an empty base; a malformed one NULL with errors in d. */
cg_terms *cg_terms_load(const char *templates_dir, cg_diags *d);
cg_terms *cg_terms_load_file(const char *path, cg_diags *d);
void cg_terms_free(cg_terms *t);
guint cg_terms_concepts(const cg_terms *t);
/* Is lang a language of the master text (<master lang="en"/> in the base; every
 * language when it names none)? The translation check runs from the master only:
 * the variants listed are those of translations of it. */
gboolean cg_terms_is_master(const cg_terms *t, const char *lang);

typedef struct {
    const char *concept;     /* its id */
    const char *note;        /* what it is (may be NULL) */
    char *found;             /* the words of the text that matched */
    GPtrArray *equivalents;  /* of char*: the concept's terms in the other language, as shown */
} cg_term_hit;

/* The concepts whose terms in lang occur in text, in the base's order, each with its
 * terms in lang_b (NULL: none wanted). Returns an array of cg_term_hit* (free with
 * g_ptr_array_unref). */
GPtrArray *cg_terms_find(const cg_terms *t, const char *text, const char *lang,
                         const char *lang_b);

typedef struct {
    const cg_unit *a, *b;    /* the aligned units */
    char *message;           /* "term: 'Member States' → expected '成员国' in zh.xml" */
} cg_term_finding;

/* The term findings of two language versions, for every leaf unit aligned by id, in
 * a's order. Returns an array of cg_term_finding* (free with g_ptr_array_unref). */
GPtrArray *cg_terms_check(const cg_terms *t, const cg_version *a, const cg_version *b);

#endif
