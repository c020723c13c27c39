/* difftok.c — see difftok.h.
 *
 * Fact extraction runs in passes over the text, each pass masking what it took so
 * that later passes do not see it again: e-mail addresses, then web addresses, then
 * telephone numbers (all of which contain digits that are not numbers of the
 * text), then "runs" — maximal stretches of ASCII letters and digits joined by
 * - / . : , — which are classified as Recommendation numbers (X.1062, X.shcd),
 * document references (SG17-R6, SG17/XY, 4/17) or else split into numbers.
 * Month names next to a number count as the month's number (English, French,
 * Spanish, Russian in its cases, Arabic as ITU writes it), so that dates written out
 * in words compare with dates written in digits. Digits of any script count by their
 * value (Arabic-Indic ٢٠٢٥ is 2025), and the Arabic decimal and thousands separators
 * (٫ ٬) join a number as . and , do.
 */
#include "difftok.h"

#include <string.h>

/* ---- languages -------------------------------------------------------- */

static gboolean lang_is(const char *lang, const char *primary)
{
    if (!lang)
        return FALSE;
    gsize n = strlen(primary);
    return g_ascii_strncasecmp(lang, primary, n) == 0 && (lang[n] == 0 || lang[n] == '-' || lang[n] == '_');
}

gboolean cg_lang_decimal_comma(const char *lang)
{
    static const char *const comma[] = { "fr", "es", "de", "ru", "pt", "it", "nl", "uk", "pl",
                                         "cs", "tr", "id", "vi", "el", "sv", "fi", "da", "nb" };
    for (gsize i = 0; i < G_N_ELEMENTS(comma); i++)
        if (lang_is(lang, comma[i]))
            return TRUE;
    return FALSE;
}

GUnicodeScript cg_lang_script(const char *lang)
{
    static const struct { const char *lang; GUnicodeScript script; } map[] = {
        { "zh", G_UNICODE_SCRIPT_HAN },       { "ja", G_UNICODE_SCRIPT_HAN },
        { "ko", G_UNICODE_SCRIPT_HANGUL },    { "ru", G_UNICODE_SCRIPT_CYRILLIC },
        { "uk", G_UNICODE_SCRIPT_CYRILLIC },  { "ar", G_UNICODE_SCRIPT_ARABIC },
        { "fa", G_UNICODE_SCRIPT_ARABIC },    { "he", G_UNICODE_SCRIPT_HEBREW },
        { "el", G_UNICODE_SCRIPT_GREEK },     { "hi", G_UNICODE_SCRIPT_DEVANAGARI },
        { "th", G_UNICODE_SCRIPT_THAI },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(map); i++)
        if (lang_is(lang, map[i].lang))
            return map[i].script;
    return G_UNICODE_SCRIPT_LATIN;
}

gboolean cg_char_unspaced(gunichar c)
{
    switch (g_unichar_get_script(c)) {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
        return TRUE;
    default:
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F);
    }
}

static gboolean is_space(gunichar c)
{
    return g_unichar_isspace(c) || c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0x3000;
}

/* ---- tokens ----------------------------------------------------------- */

void cg_tok_split(const char *text, gsize len, gsize base, GArray *out)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *start = p;
        gunichar c = g_utf8_get_char(p);
        p = g_utf8_next_char(p);
        if (is_space(c)) {
            while (p < end && is_space(g_utf8_get_char(p)))
                p = g_utf8_next_char(p);
        } else if (!cg_char_unspaced(c) && g_unichar_isalnum(c)) {
            while (p < end) {
                gunichar n = g_utf8_get_char(p);
                if (cg_char_unspaced(n) || !(g_unichar_isalnum(n) || g_unichar_ismark(n)))
                    break;
                p = g_utf8_next_char(p);
            }
        }
        cg_span s = { base + (gsize)(start - text), (gsize)(p - start) };
        g_array_append_val(out, s);
    }
}

/* ---- facts ------------------------------------------------------------ */

const char *cg_fact_kind_name(cg_fact_kind k)
{
    static const char *const names[] = { "number", "percentage", "Recommendation",
                                         "document reference", "e-mail address",
                                         "web address", "telephone number" };
    return k < CG_FACT_KINDS ? names[k] : "?";
}

const char *cg_fact_kind_id(cg_fact_kind k)
{
    static const char *const ids[] = { "number", "percent", "rec", "docref", "email", "url", "phone" };
    return k < CG_FACT_KINDS ? ids[k] : "?";
}

static void fact_clear(gpointer p)
{
    g_free(((cg_fact *)p)->norm);
}

GArray *cg_facts_new(void)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(cg_fact));
    g_array_set_clear_func(a, fact_clear);
    return a;
}

typedef struct {
    const char *text;
    gsize len, base;
    guchar *mask;        /* bytes taken by an earlier pass */
    GArray *facts;
} scan;

static void add_fact(scan *s, cg_fact_kind kind, char *norm, gsize start, gsize end)
{
    cg_fact f = { kind, norm, s->base + start, end - start };
    g_array_append_val(s->facts, f);
    memset(s->mask + start, 1, end - start);
}

static gboolean ascii_alnum_at(const scan *s, gssize i)
{
    return i >= 0 && (gsize)i < s->len && g_ascii_isalnum(s->text[i]);
}

static void pass_emails(scan *s)
{
    for (gsize i = 0; i < s->len; i++) {
        if (s->text[i] != '@' || s->mask[i])
            continue;
        gsize l = i, r = i + 1;
        while (l > 0 && !s->mask[l - 1] &&
               (g_ascii_isalnum(s->text[l - 1]) || strchr("._%+-", s->text[l - 1])))
            l--;
        while (r < s->len && (g_ascii_isalnum(s->text[r]) || s->text[r] == '.' || s->text[r] == '-'))
            r++;
        while (r > i + 1 && (s->text[r - 1] == '.' || s->text[r - 1] == '-'))
            r--;
        while (l < i && s->text[l] == '.')
            l++;
        const char *dot = g_strrstr_len(s->text + i + 1, r - i - 1, ".");
        if (l == i || !dot)
            continue;
        gsize tld = 0;
        for (const char *t = dot + 1; t < s->text + r && g_ascii_isalpha(*t); t++)
            tld++;
        if (tld < 2 || dot + 1 + tld != s->text + r)
            continue;
        add_fact(s, CG_FACT_EMAIL, g_ascii_strdown(s->text + l, r - l), l, r);
        i = r - 1;
    }
}

static void pass_urls(scan *s)
{
    static const char *const starts[] = { "https://", "http://", "ftp://", "www." };
    for (gsize i = 0; i < s->len; i++) {
        if (s->mask[i] || ascii_alnum_at(s, (gssize)i - 1) || (i > 0 && s->text[i - 1] == '.'))
            continue;
        gsize k;
        for (k = 0; k < G_N_ELEMENTS(starts); k++)
            if (s->len - i > strlen(starts[k]) &&
                g_ascii_strncasecmp(s->text + i, starts[k], strlen(starts[k])) == 0)
                break;
        if (k == G_N_ELEMENTS(starts))
            continue;
        gsize r = i;
        while (r < s->len && (guchar)s->text[r] > 0x20 && (guchar)s->text[r] < 0x7F && !s->mask[r] &&
               !strchr("<>\"'`", s->text[r]))
            r++;
        while (r > i && strchr(".,;:!?)]}", s->text[r - 1]))
            r--;
        /* Normalise: no scheme, host in lower case, no trailing slash. */
        const char *u = s->text + i;
        gsize ulen = r - i;
        for (gsize j = 0; j < 3; j++)
            if (g_ascii_strncasecmp(u, starts[j], strlen(starts[j])) == 0) {
                u += strlen(starts[j]);
                ulen -= strlen(starts[j]);
                break;
            }
        while (ulen > 0 && u[ulen - 1] == '/')
            ulen--;
        if (ulen < 4)
            continue;
        const char *slash = memchr(u, '/', ulen);
        gsize host = slash ? (gsize)(slash - u) : ulen;
        char *h = g_ascii_strdown(u, host);
        char *rest = g_strndup(u + host, ulen - host);
        char *norm = g_strconcat(h, rest, NULL);
        g_free(h);
        g_free(rest);
        add_fact(s, CG_FACT_URL, norm, i, r);
        i = r - 1;
    }
}

static void pass_phones(scan *s)
{
    for (gsize i = 0; i + 1 < s->len; i++) {
        if (s->mask[i] || s->text[i] != '+' || !g_ascii_isdigit(s->text[i + 1]) ||
            ascii_alnum_at(s, (gssize)i - 1))
            continue;
        GString *norm = g_string_new("+");
        gsize r = i + 1, last = r;
        while (r < s->len) {
            if (g_ascii_isdigit(s->text[r])) {
                g_string_append_c(norm, s->text[r]);
                last = ++r;
            } else if (strchr(" -.", s->text[r]) && r + 1 < s->len && g_ascii_isdigit(s->text[r + 1])) {
                r++;
            } else if (s->text[r] == ' ' && r + 1 < s->len && s->text[r + 1] == '(') {
                r++;
            } else if (s->text[r] == '(' && r + 2 < s->len && s->text[r + 1] == '0' && s->text[r + 2] == ')') {
                r += 3;   /* the "(0)" of national dialling is not part of the number */
                if (r < s->len && s->text[r] == ' ')
                    r++;
            } else {
                break;
            }
        }
        if (norm->len >= 8 && !ascii_alnum_at(s, (gssize)last))
            add_fact(s, CG_FACT_PHONE, g_string_free(norm, FALSE), i, last);
        else
            g_string_free(norm, TRUE);
    }
}

/* A run: ASCII letters and digits (any decimal digit, as its ASCII value) joined by
 * single separators. chars[k] is the ASCII form of the k-th character; offs[k] its
 * byte offset. */
typedef struct {
    gsize start, end;
    GString *chars;
    GArray *offs;        /* of gsize, one per char, plus the end offset */
    gboolean letters, digits, upper, dash_or_slash;
} run;

static int digit_at(const scan *s, gsize i, gsize *next)
{
    if (i >= s->len || s->mask[i])
        return -1;
    gunichar c = g_utf8_get_char(s->text + i);
    int v = g_unichar_digit_value(c);
    if (v >= 0 && next)
        *next = (gsize)(g_utf8_next_char(s->text + i) - s->text);
    return v;
}

static gboolean run_char_at(const scan *s, gsize i, char *ascii, gsize *next)
{
    if (i >= s->len || s->mask[i])
        return FALSE;
    if (g_ascii_isalpha(s->text[i])) {
        *ascii = s->text[i];
        *next = i + 1;
        return TRUE;
    }
    int v = digit_at(s, i, next);
    if (v >= 0) {
        *ascii = (char)('0' + v);
        return TRUE;
    }
    /* Other letters of spaced scripts (é, ж) belong to words; stand-ins keep the case. */
    gunichar c = g_utf8_get_char(s->text + i);
    if ((guchar)s->text[i] >= 0x80 && g_unichar_isalpha(c) && !cg_char_unspaced(c)) {
        *ascii = g_unichar_isupper(c) ? 'A' : 'a';
        *next = (gsize)(g_utf8_next_char(s->text + i) - s->text);
        return TRUE;
    }
    return FALSE;
}

/* Between an Arabic letter and a digit (either way round): the end of a run. An Arabic
 * word and a number are never one identifier, and the conjunction و and the
 * prepositions ب and ل are written joined to the number after them ("و9.4"). */
static gboolean arabic_digit_seam(const scan *s, GArray *offs, gsize i, char next_ascii)
{
    if (!offs->len)
        return FALSE;
    gunichar prev = g_utf8_get_char(s->text + g_array_index(offs, gsize, offs->len - 1));
    gunichar next = g_utf8_get_char(s->text + i);
    gboolean prev_ar = g_unichar_get_script(prev) == G_UNICODE_SCRIPT_ARABIC && g_unichar_isalpha(prev);
    gboolean next_ar = g_unichar_get_script(next) == G_UNICODE_SCRIPT_ARABIC && g_unichar_isalpha(next);
    return (prev_ar && g_ascii_isdigit(next_ascii)) || (next_ar && g_unichar_digit_value(prev) >= 0);
}

static GArray *find_runs(scan *s, gboolean decimal_comma)
{
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(run));
    gsize i = 0;
    while (i < s->len) {
        char ch;
        gsize next;
        if (!run_char_at(s, i, &ch, &next)) {
            i++;
            continue;
        }
        run r = { .start = i, .chars = g_string_new(NULL), .offs = g_array_new(FALSE, FALSE, sizeof(gsize)) };
        for (;;) {
            g_string_append_c(r.chars, ch);
            g_array_append_val(r.offs, i);
            if (g_ascii_isalpha(ch)) {
                r.letters = TRUE;
                r.upper |= g_ascii_isupper(ch);
            } else {
                r.digits = TRUE;
            }
            i = next;
            if (run_char_at(s, i, &ch, &next) && !arabic_digit_seam(s, r.offs, i, ch))
                continue;
            /* The Arabic decimal and thousands separators (U+066B, U+066C, two bytes)
               between digits: as . and , (the language's rules then read them). */
            if (i + 2 < s->len && !s->mask[i] && (guchar)s->text[i] == 0xD9 &&
                ((guchar)s->text[i + 1] == 0xAB || (guchar)s->text[i + 1] == 0xAC) &&
                g_ascii_isdigit(r.chars->str[r.chars->len - 1]) && digit_at(s, i + 2, NULL) >= 0) {
                g_string_append_c(r.chars, (guchar)s->text[i + 1] == 0xAB ? '.' : ',');
                g_array_append_val(r.offs, i);
                i += 2;
                run_char_at(s, i, &ch, &next);
                continue;
            }
            /* A separator joins the run when an alphanumeric follows it. */
            if (i < s->len && !s->mask[i] && strchr("-/.:,", s->text[i]) && s->text[i] &&
                run_char_at(s, i + 1, &ch, &next)) {
                char sep = s->text[i];
                gboolean prev_digit = g_ascii_isdigit(r.chars->str[r.chars->len - 1]);
                if (sep == ',' && !(prev_digit && g_ascii_isdigit(ch)))
                    break;
                if (sep == '-' || sep == '/')
                    r.dash_or_slash = TRUE;
                g_string_append_c(r.chars, sep);
                g_array_append_val(r.offs, i);
                i++;
                continue;
            }
            /* Thousands groups separated by a no-break space (1 000 in French). */
            if (decimal_comma && i + 2 < s->len && g_ascii_isdigit(r.chars->str[r.chars->len - 1])) {
                gunichar sp = g_utf8_get_char(s->text + i);
                if (sp == 0xA0 || sp == 0x202F) {
                    gsize j = (gsize)(g_utf8_next_char(s->text + i) - s->text), k = j, n = 0;
                    while (k < s->len && g_ascii_isdigit(s->text[k]))
                        k++, n++;
                    if (n == 3 && !ascii_alnum_at(s, (gssize)k)) {
                        g_string_append_c(r.chars, ' ');
                        g_array_append_val(r.offs, i);
                        i = j;
                        run_char_at(s, i, &ch, &next);
                        continue;
                    }
                }
            }
            break;
        }
        r.end = i;
        g_array_append_val(r.offs, i);
        g_array_append_val(runs, r);
    }
    return runs;
}

static void runs_free(GArray *runs)
{
    for (guint i = 0; i < runs->len; i++) {
        run *r = &g_array_index(runs, run, i);
        g_string_free(r->chars, TRUE);
        g_array_unref(r->offs);
    }
    g_array_unref(runs);
}

/* Is the run a Recommendation number: X.1062, Q.1741.9, X.shcd, X.sgc-rcs? */
static gboolean is_rec(const char *c)
{
    if (!g_ascii_isupper(c[0]) || c[1] != '.')
        return FALSE;
    const char *p = c + 2;
    if (g_ascii_isdigit(*p)) {
        for (; *p; p++)
            if (!g_ascii_isdigit(*p) && !(*p == '.' && g_ascii_isdigit(p[1])))
                return FALSE;
        return TRUE;
    }
    if (!g_ascii_islower(*p))
        return FALSE;
    for (; *p; p++)
        if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || (*p == '-' && g_ascii_isalnum(p[1]))))
            return FALSE;
    return TRUE;
}

static const char *const month_names[] = {
    /* index % 12 + 1 is the month. English, French, Spanish: */
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
    /* Russian: nominative, genitive ("23 июля"), prepositional ("в июле"). */
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
    "октябрь", "ноябрь", "декабрь",
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
    "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
    "октябре", "ноябре", "декабре",
    /* Arabic, as ITU's Arabic documents name the months; then the Egyptian spellings
       of June and July (يونيه, يوليه) and the Maghreb names some texts use. */
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
    "أكتوبر", "نوفمبر", "ديسمبر",
    "جانفي", "فيفري", "مارس", "إبريل", "ماي", "يونيه", "يوليه", "أوت", "شتنبر",
    "أكتوبر", "نونبر", "دجنبر",
};

/* The word text[0..len) in lower case (Unicode case folding, so ИЮЛЯ is июля). */
static char *word_fold(const char *word, gsize len)
{
    return g_utf8_casefold(word, (gssize)len);
}

static int month_of(const char *word, gsize len)
{
    char *w = word_fold(word, len);
    int m = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(month_names) && !m; i++)
        if (!strcmp(w, month_names[i]))
            m = (int)(i % 12) + 1;
    if (m == 0 && !strcmp(w, "setiembre"))   /* the other Spanish spelling */
        m = 9;
    g_free(w);
    return m;
}

static const struct { const char *word; int value; } number_words[] = {
    { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
    { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
    { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 },
    { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 },
    { "forty", 40 }, { "fifty", 50 }, { "hundred", 100 }, { "first", 1 }, { "second", 2 },
    { "third", 3 }, { "fourth", 4 }, { "fifth", 5 }, { "tenth", 10 },
    { "un", 1 }, { "une", 1 }, { "deux", 2 }, { "trois", 3 }, { "quatre", 4 }, { "cinq", 5 },
    { "sept", 7 }, { "huit", 8 }, { "neuf", 9 }, { "dix", 10 }, { "onze", 11 }, { "douze", 12 },
    { "vingt", 20 }, { "trente", 30 }, { "cent", 100 }, { "premier", 1 }, { "première", 1 },
    { "deuxième", 2 }, { "troisième", 3 }, { "quatrième", 4 }, { "dixième", 10 },
    { "uno", 1 }, { "una", 1 }, { "dos", 2 }, { "tres", 3 }, { "cuatro", 4 }, { "cinco", 5 },
    { "seis", 6 }, { "siete", 7 }, { "ocho", 8 }, { "nueve", 9 }, { "diez", 10 }, { "once", 11 },
    { "doce", 12 }, { "veinte", 20 }, { "treinta", 30 }, { "cien", 100 }, { "primero", 1 },
    { "primera", 1 }, { "segundo", 2 }, { "segunda", 2 }, { "tercero", 3 }, { "tercera", 3 },
    { "cuarto", 4 }, { "cuarta", 4 }, { "décimo", 10 },
    /* Russian, with the cases a count takes ("четыре этапа", "в четырех этапах"). */
    { "один", 1 }, { "одна", 1 }, { "одно", 1 }, { "одного", 1 }, { "одной", 1 }, { "одну", 1 },
    { "два", 2 }, { "две", 2 }, { "двух", 2 }, { "три", 3 }, { "трех", 3 }, { "трёх", 3 },
    { "четыре", 4 }, { "четырех", 4 }, { "четырёх", 4 }, { "пять", 5 }, { "пяти", 5 },
    { "шесть", 6 }, { "шести", 6 }, { "семь", 7 }, { "семи", 7 }, { "восемь", 8 }, { "восьми", 8 },
    { "девять", 9 }, { "девяти", 9 }, { "десять", 10 }, { "десяти", 10 }, { "двадцать", 20 },
    { "сто", 100 }, { "первый", 1 }, { "первая", 1 }, { "второй", 2 }, { "вторая", 2 },
    { "третий", 3 }, { "третья", 3 },
    /* Arabic: the counts of a text ("أربع مراحل", "جلسة واحدة"), masculine and feminine. */
    { "واحد", 1 }, { "واحدة", 1 }, { "اثنان", 2 }, { "اثنين", 2 }, { "اثنتان", 2 }, { "اثنتين", 2 },
    { "ثلاث", 3 }, { "ثلاثة", 3 }, { "أربع", 4 }, { "أربعة", 4 }, { "خمس", 5 }, { "خمسة", 5 },
    { "ست", 6 }, { "ستة", 6 }, { "سبع", 7 }, { "سبعة", 7 }, { "ثماني", 8 }, { "ثمانية", 8 },
    { "تسع", 9 }, { "تسعة", 9 }, { "عشر", 10 }, { "عشرة", 10 }, { "عشرون", 20 }, { "عشرين", 20 },
    { "مائة", 100 }, { "مئة", 100 }, { "الأول", 1 }, { "الأولى", 1 }, { "الثاني", 2 },
    { "الثانية", 2 }, { "الثالث", 3 }, { "الثالثة", 3 },
};

/* Add the value of a spelled-out number word text[0..len) to spelled. */
static void add_spelled(const char *word, gsize len, GHashTable *spelled)
{
    char *w = word_fold(word, len);
    for (gsize k = 0; k < G_N_ELEMENTS(number_words); k++)
        if (!strcmp(w, number_words[k].word))
            g_hash_table_add(spelled, GINT_TO_POINTER(number_words[k].value + 1));
    g_free(w);
}

/* "09" -> "9"; keeps "0". */
static char *strip_zeros(const char *d, gsize n)
{
    while (n > 1 && d[0] == '0' && g_ascii_isdigit(d[1]))
        d++, n--;
    return g_strndup(d, n);
}

/* Is "per cent" (or a translation of it) written after offset i? */
static gboolean percent_after(const scan *s, gsize i, gsize *end)
{
    static const char *const words[] = { "%", "％", " %", "\xc2\xa0%", "\xe2\x80\xaf%", " per cent",
                                         " percent", " pour cent", " por ciento", " pour-cent",
                                         "٪", " ٪", " في المائة", " في المئة", " بالمائة", " بالمئة" };
    for (gsize k = 0; k < G_N_ELEMENTS(words); k++) {
        gsize n = strlen(words[k]);
        if (i + n <= s->len && g_ascii_strncasecmp(s->text + i, words[k], n) == 0 &&
            !ascii_alnum_at(s, (gssize)(i + n))) {
            *end = i + n;
            return TRUE;
        }
    }
    return FALSE;
}

/* Add the numbers of one part of a run (between - / : separators). */
static void add_numbers(scan *s, const run *r, gsize from, gsize to, gboolean decimal_comma)
{
    const char *c = r->chars->str;
    const gsize *offs = (const gsize *)r->offs->data;
    gboolean letters = FALSE;
    for (gsize k = from; k < to; k++)
        letters |= g_ascii_isalpha(c[k]);
    if (letters) {
        /* SG17, 2nd, RCC.07: each group of digits is a number. */
        for (gsize k = from; k < to;) {
            if (!g_ascii_isdigit(c[k])) {
                k++;
                continue;
            }
            gsize e = k;
            while (e < to && g_ascii_isdigit(c[e]))
                e++;
            cg_fact f = { CG_FACT_NUMBER, strip_zeros(c + k, e - k), s->base + offs[k], offs[e] - offs[k] };
            g_array_append_val(s->facts, f);
            k = e;
        }
        return;
    }
    /* Digits with . , and thousands spaces: one number, read by the language's rules. */
    GString *n = g_string_new(NULL);
    gboolean ok = TRUE;
    for (gsize k = from; k < to; k++) {
        char ch = c[k];
        if (g_ascii_isdigit(ch)) {
            g_string_append_c(n, ch);
            continue;
        }
        gsize group = 0;
        for (gsize j = k + 1; j < to && g_ascii_isdigit(c[j]); j++)
            group++;
        gboolean thousands_sep = decimal_comma ? (ch == '.' || ch == ' ') : ch == ',';
        gboolean decimal_sep = decimal_comma ? ch == ',' : ch == '.';
        if (thousands_sep && group == 3)
            continue;
        if (decimal_sep || ch == '.') {
            g_string_append_c(n, '.');
            continue;
        }
        ok = FALSE;   /* "1,2" in English: two numbers */
        break;
    }
    if (!ok) {
        g_string_free(n, TRUE);
        for (gsize k = from; k < to;) {
            gsize e = k;
            while (e < to && g_ascii_isdigit(c[e]))
                e++;
            if (e > k) {
                cg_fact f = { CG_FACT_NUMBER, strip_zeros(c + k, e - k), s->base + offs[k], offs[e] - offs[k] };
                g_array_append_val(s->facts, f);
            }
            k = e + 1;
        }
        return;
    }
    char *norm = strip_zeros(n->str, n->len);
    g_string_free(n, TRUE);
    gsize end = offs[to], pend;
    cg_fact_kind kind = CG_FACT_NUMBER;
    if (to == r->chars->len && percent_after(s, end, &pend)) {
        kind = CG_FACT_PERCENT;
        char *p = g_strconcat(norm, "%", NULL);
        g_free(norm);
        norm = p;
        end = pend;
    }
    cg_fact f = { kind, norm, s->base + offs[from], end - offs[from] };
    g_array_append_val(s->facts, f);
}

/* Only spaces, commas and dots between offsets a and b, or the "de" of a Spanish
 * date ("23 de julio de 2025")? */
static gboolean close_gap(const scan *s, gsize a, gsize b)
{
    if (b < a || b - a > 6)
        return FALSE;
    GString *letters = g_string_new(NULL);
    gboolean ok = TRUE;
    for (gsize i = a; i < b && ok; i++) {
        if (g_ascii_isalpha(s->text[i]))
            g_string_append_c(letters, g_ascii_tolower(s->text[i]));
        else if (!strchr(" ,.", s->text[i]) && !((guchar)s->text[i] >= 0x80))
            ok = FALSE;
    }
    if (letters->len)
        ok = ok && (!strcmp(letters->str, "de") || !strcmp(letters->str, "del")) &&
             (b - a) - letters->len >= 2;
    else
        ok = ok && b - a <= 4;
    g_string_free(letters, TRUE);
    return ok;
}

/* Is run r the "de" or "del" of a Spanish date? */
static gboolean date_particle(const scan *s, const run *r)
{
    gsize n = r->end - r->start;
    return (n == 2 || n == 3) && r->letters && !r->digits &&
           (g_ascii_strncasecmp(s->text + r->start, "de", 2) == 0 &&
            (n == 2 || g_ascii_tolower(s->text[r->start + 2]) == 'l'));
}

/* The run of digits next to run i, skipping a date particle: step -1 before, +1 after. */
static const run *digits_near(const scan *s, GArray *runs, guint i, int step)
{
    gint j = (gint)i + step;
    if (j >= 0 && (guint)j < runs->len && date_particle(s, &g_array_index(runs, run, j)))
        j += step;
    if (j < 0 || (guint)j >= runs->len)
        return NULL;
    const run *r = &g_array_index(runs, run, j);
    return r->digits && !r->letters ? r : NULL;
}

static void classify_runs(scan *s, GArray *runs, gboolean decimal_comma, GHashTable *spelled)
{
    for (guint i = 0; i < runs->len; i++) {
        run *r = &g_array_index(runs, run, i);
        const char *c = r->chars->str;
        gsize n = r->chars->len;
        if (is_rec(c)) {
            cg_fact f = { CG_FACT_REC, g_strdup(c), s->base + r->start, r->end - r->start };
            g_array_append_val(s->facts, f);
            continue;
        }
        if (r->letters && !r->digits) {
            int m = month_of(s->text + r->start, r->end - r->start);
            if (m) {
                const run *prev = digits_near(s, runs, i, -1);
                const run *next = digits_near(s, runs, i, +1);
                if ((prev && close_gap(s, prev->end, r->start)) || (next && close_gap(s, r->end, next->start))) {
                    cg_fact f = { CG_FACT_NUMBER, g_strdup_printf("%d", m), s->base + r->start,
                                  r->end - r->start };
                    g_array_append_val(s->facts, f);
                    continue;
                }
            }
            if (spelled)
                add_spelled(s->text + r->start, r->end - r->start, spelled);
            continue;
        }
        if (!r->digits)
            continue;
        gboolean slash = strchr(c, '/') != NULL;
        if ((r->upper && r->dash_or_slash) || (!r->letters && slash)) {
            cg_fact f = { CG_FACT_DOCREF, g_ascii_strup(c, n), s->base + r->start, r->end - r->start };
            g_array_append_val(s->facts, f);
            continue;
        }
        /* Numbers: split at - / : (ranges, times, ISO dates). */
        for (gsize k = 0; k < n;) {
            gsize e = k;
            while (e < n && !strchr("-/:", c[e]))
                e++;
            if (e > k)
                add_numbers(s, r, k, e, decimal_comma);
            k = e + 1;
        }
    }
}

/* Chinese numerals: 一 二 ... 十 百 两 〇; adds the value of each run to spelled. */
static void chinese_numerals(const char *text, gsize len, GHashTable *spelled)
{
    static const gunichar digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                       0x516D, 0x4E03, 0x516B, 0x4E5D };   /* 〇一二三四五六七八九 */
    const char *p = text, *end = text + len;
    int value = 0, cur = -1;
    gboolean in = FALSE;
    while (p <= end) {
        gunichar c = p < end ? g_utf8_get_char(p) : 0;
        int d = -1;
        for (int k = 0; k < 10; k++)
            if (c == digits[k])
                d = k;
        if (c == 0x4E24)   /* 两 */
            d = 2;
        if (d >= 0) {
            cur = d;
            in = TRUE;
        } else if (c == 0x5341 || c == 0x767E) {   /* 十 百 */
            int mul = c == 0x5341 ? 10 : 100;
            value += (cur < 0 ? 1 : cur) * mul;
            cur = -1;
            in = TRUE;
        } else {
            if (in) {
                value += cur < 0 ? 0 : cur;
                g_hash_table_add(spelled, GINT_TO_POINTER(value + 1));
            }
            value = 0, cur = -1, in = FALSE;
        }
        if (p == end)
            break;
        p = g_utf8_next_char(p);
    }
}

static gint fact_cmp(gconstpointer a, gconstpointer b, gpointer unused)
{
    (void)unused;
    const cg_fact *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

void cg_facts_extract(const char *text, gsize len, gsize base, const char *lang,
                      GArray *facts, GHashTable *spelled)
{
    scan s = { text, len, base, g_malloc0(len + 1), facts };
    guint first = facts->len;
    gboolean dc = cg_lang_decimal_comma(lang);
    pass_emails(&s);
    pass_urls(&s);
    pass_phones(&s);
    GArray *runs = find_runs(&s, dc);
    classify_runs(&s, runs, dc, spelled);
    runs_free(runs);
    if (spelled)
        chinese_numerals(text, len, spelled);
    g_free(s.mask);
    if (facts->len > first + 1)
        g_qsort_with_data((cg_fact *)facts->data + first, facts->len - first, sizeof(cg_fact),
                          fact_cmp, NULL);
}

/* ---- brackets --------------------------------------------------------- */

static const struct { gunichar open, close, cls; } pairs[] = {
    { '(', ')', '(' },       { 0xFF08, 0xFF09, '(' },   /* （ ） */
    { '[', ']', '[' },       { 0x3010, 0x3011, '[' },   /* 【 】 */
    { 0x3014, 0x3015, '[' }, { 0xFF3B, 0xFF3D, '[' },   /* 〔 〕 ［ ］ */
    { '{', '}', '{' },       { 0xFF5B, 0xFF5D, '{' },
    { 0x300A, 0x300B, '<' }, { 0x3008, 0x3009, '<' },   /* 《 》 〈 〉 */
    { 0x201C, 0x201D, '"' }, { 0x300C, 0x300D, '"' },   /* “ ” 「 」 */
    { 0x300E, 0x300F, '"' }, { 0x00AB, 0x00BB, '"' },   /* 『 』 « » */
};

gunichar cg_bracket_class(gunichar c)
{
    if (c == '"')
        return '"';
    for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++)
        if (c == pairs[i].open || c == pairs[i].close)
            return pairs[i].cls;
    return 0;
}

/* "a)", "1)", "iv)" at the start of a word: a list marker, not a closing bracket. */
static gboolean list_marker(const char *text, const char *close)
{
    const char *p = close;
    int n = 0;
    while (p > text && g_ascii_isalnum(p[-1]) && n < 4)
        p--, n++;
    if (n == 0 || n > 3 || (p > text && !g_ascii_isspace(p[-1]) && (guchar)p[-1] < 0x80))
        return FALSE;
    if (n == 1)
        return TRUE;
    for (const char *q = p; q < close; q++)
        if (!g_ascii_isdigit(*q) && !strchr("ivx", *q))
            return FALSE;
    return TRUE;
}

gboolean cg_brackets_unpaired(const char *text, gsize len, gsize base, gsize *at, gunichar *mark)
{
    GArray *stack = g_array_new(FALSE, FALSE, sizeof(gsize));   /* offsets of open marks */
    gssize quote = -1;   /* offset of an open ASCII double quote */
    gboolean found = FALSE;
    const char *p = text, *end = text + len;
    while (p < end && !found) {
        gunichar c = g_utf8_get_char(p);
        gsize off = (gsize)(p - text);
        if (c == '"') {
            quote = quote < 0 ? (gssize)off : -1;
        } else {
            for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++) {
                if (c == pairs[i].open) {
                    g_array_append_val(stack, off);
                    break;
                }
                if (c == pairs[i].close) {
                    gboolean open = stack->len &&
                                    cg_bracket_class(g_utf8_get_char(text + g_array_index(stack, gsize,
                                                     stack->len - 1))) == pairs[i].cls;
                    if (!open && c == ')' && list_marker(text, p))
                        break;
                    if (stack->len == 0) {
                        *at = base + off, *mark = c, found = TRUE;
                        break;
                    }
                    gsize top = g_array_index(stack, gsize, stack->len - 1);
                    if (g_utf8_get_char(text + top) != pairs[i].open) {
                        *at = base + top, *mark = g_utf8_get_char(text + top), found = TRUE;
                        break;
                    }
                    g_array_set_size(stack, stack->len - 1);
                    break;
                }
            }
        }
        p = g_utf8_next_char(p);
    }
    if (!found && stack->len) {
        gsize top = g_array_index(stack, gsize, 0);
        *at = base + top, *mark = g_utf8_get_char(text + top), found = TRUE;
    }
    if (!found && quote >= 0) {
        *at = base + (gsize)quote, *mark = '"', found = TRUE;
    }
    g_array_unref(stack);
    return found;
}
