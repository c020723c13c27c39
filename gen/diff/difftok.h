/* difftok.h — what the translator diff sees in a text.
 *
 * Two views of the prose of a translatable unit:
 *
 * - Tokens, for the revision diff: words of Latin (and other spaced) scripts,
 *   single characters of Chinese and Japanese (which write no spaces), single
 *   punctuation marks and spaces. Splitting goes by the script of each character,
 *   not by the language of the document, so Latin words inside Chinese text stay
 *   whole.
 *
 * - Facts, for comparing two language versions: the language-independent tokens
 *   of the text (numbers, percentages, Recommendation numbers, document references,
 *   e-mail and web addresses, telephone numbers), each normalised so that the forms
 *   of two languages compare equal: "3-11 December 2025" gives the numbers 3, 11,
 *   12, 2025 as "2025年12月3-11日" does; "1,000" (English) and "1 000" (French)
 *   are both 1000; "+41 22 730 6206" and "+41-22-730-6206" are the same number.
 *
 * Offsets are byte offsets into the text as given plus the base passed in, so that
 * pieces of one unit can be scanned separately and reported in one coordinate system.
 */
#ifndef CG_DIFFTOK_H
#define CG_DIFFTOK_H

#include <glib.h>

typedef struct {
    gsize start, len;
} cg_span;

/* Append the tokens of text[0..len) to out, a GArray of cg_span. */
void cg_tok_split(const char *text, gsize len, gsize base, GArray *out);

typedef enum {
    CG_FACT_NUMBER,
    CG_FACT_PERCENT,
    CG_FACT_REC,
    CG_FACT_DOCREF,
    CG_FACT_EMAIL,
    CG_FACT_URL,
    CG_FACT_PHONE,
    CG_FACT_KINDS
} cg_fact_kind;

/* A short name for the kind: "number", "percentage", "recommendation",
 * "document reference", "e-mail", "web address", "telephone". */
const char *cg_fact_kind_name(cg_fact_kind k);
/* The identifier used in the XML report: "number", "percent", "rec", "docref",
 * "email", "url", "phone". */
const char *cg_fact_kind_id(cg_fact_kind k);

typedef struct {
    cg_fact_kind kind;
    char *norm;          /* normalised form, owned by the array (see cg_facts_new) */
    gsize start, len;    /* where it is written */
} cg_fact;

/* A GArray of cg_fact whose elements free their norm when removed. */
GArray *cg_facts_new(void);

/* Append the facts of text[0..len), written in language lang (BCP 47), to facts.
 * Spelled-out small numbers ("ten", "十") are not facts, but their values are added
 * to spelled (a set of GINT_TO_POINTER(value + 1)) when it is not NULL, so that a
 * caller can forgive "10" on one side when the other spells it out. */
void cg_facts_extract(const char *text, gsize len, gsize base, const char *lang,
                      GArray *facts, GHashTable *spelled);

/* Brackets and quotes: find the first opening mark without its closing mark, or a
 * closing mark without its opening one, in text[0..len). Returns TRUE and sets
 * *at (offset + base) and *mark when there is one. List markers such as "a)" and
 * "1)" are not counted as closing parentheses. */
gboolean cg_brackets_unpaired(const char *text, gsize len, gsize base, gsize *at, gunichar *mark);

/* The class of a bracket or quote mark, the same for the ASCII and full-width
 * forms: '(' for ( ) （ ）, '[' for [ ] 【 】 〔 〕, '"' for " “ ” 「 」 ... 0 if none. */
gunichar cg_bracket_class(gunichar c);

/* Does the language use a decimal comma (fr, es, de, ru, ...)? */
gboolean cg_lang_decimal_comma(const char *lang);

/* The script a text in this language is mainly written in, when it is not Latin
 * (zh: Han, ru: Cyrillic, ar: Arabic ...); G_UNICODE_SCRIPT_LATIN otherwise. */
GUnicodeScript cg_lang_script(const char *lang);

/* Is c written without spaces between words (Han, kana, Thai ...)? */
gboolean cg_char_unspaced(gunichar c);

#endif
