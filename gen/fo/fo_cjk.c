/* fo_cjk.c — see fo_cjk.h.
 *
 * The line-edge classes follow clreq §3.1.7 ("Prohibition rules for line
 * start and line end") and GB/T 15834-2011 §5; the character lists are those
 * of TYPESETTING-ZH.md items 1 and 2, plus their ASCII and full-width
 * relatives.
 */
#include "fo_cjk.h"

gboolean cg_is_cjk(gunichar c)
{
    return (c >= 0x2E80 && c <= 0x2FDF) ||    /* radicals */
           (c >= 0x3000 && c <= 0x303F) ||    /* CJK symbols and punctuation */
           (c >= 0x3040 && c <= 0x30FF) ||    /* kana */
           (c >= 0x3100 && c <= 0x31BF) ||    /* bopomofo */
           (c >= 0x3400 && c <= 0x4DBF) ||    /* extension A */
           (c >= 0x4E00 && c <= 0x9FFF) ||    /* unified ideographs */
           (c >= 0xAC00 && c <= 0xD7AF) ||    /* hangul */
           (c >= 0xF900 && c <= 0xFAFF) ||    /* compatibility ideographs */
           (c >= 0xFE30 && c <= 0xFE4F) ||    /* compatibility forms */
           (c >= 0xFF00 && c <= 0xFFEF) ||    /* full-width forms */
           (c >= 0x20000 && c <= 0x3FFFF);    /* supplementary ideographs */
}

cg_punct_class cg_cjk_punct_class(gunichar c)
{
    switch (c) {
    case 0xFF08: case 0x300C: case 0x300E: case 0x201C: case 0x2018: case 0x300A:
    case 0x3008: case 0x3010: case 0x3016: case 0x3014: case 0xFF3B: case 0xFF5B:
    case 0x3018: case 0x301A:
        return CG_PUNCT_OPEN;
    case 0xFF09: case 0x300D: case 0x300F: case 0x201D: case 0x2019: case 0x300B:
    case 0x3009: case 0x3011: case 0x3017: case 0x3015: case 0xFF3D: case 0xFF5D:
    case 0x3019: case 0x301B:
        return CG_PUNCT_CLOSE;
    case 0x3001: case 0xFF0C: case 0x3002: case 0xFF0E:
        return CG_PUNCT_STOP;
    case 0xFF1A: case 0xFF1B: case 0xFF01: case 0xFF1F:
        return CG_PUNCT_PAUSE;
    default:
        return CG_PUNCT_NONE;
    }
}

int cg_cjk_pair_compress(cg_punct_class a, cg_punct_class b)
{
    if (a == CG_PUNCT_NONE || b == CG_PUNCT_NONE)
        return 0;
    if (a == CG_PUNCT_CLOSE || a == CG_PUNCT_STOP || a == CG_PUNCT_PAUSE)
        return 1;       /* ：“ ，“ 。“ ”（ ”） 》” ）。: the first mark's right half */
    if (a == CG_PUNCT_OPEN && b == CG_PUNCT_OPEN)
        return 2;       /* （“ 《〈: the second mark's left half */
    return 0;
}

gboolean cg_cjk_blank_left(cg_punct_class k)
{
    return k == CG_PUNCT_OPEN;
}

/* Two adjacent full-width marks: justification puts no space between them
 * (their pair stays within 1.5 em), the slack goes to the other gaps. */
static gboolean mark_pair(gunichar a, gunichar b)
{
    return cg_cjk_punct_class(a) != CG_PUNCT_NONE && cg_cjk_punct_class(b) != CG_PUNCT_NONE;
}

gboolean cg_cjk_is_han(gunichar c)
{
    return (c >= 0x2E80 && c <= 0x2FDF) || c == 0x3005 || c == 0x3007 ||
           (c >= 0x3040 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
           (c >= 0x3100 && c <= 0x31BF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

gboolean cg_cjk_is_latin_alnum(gunichar c)
{
    return c < 0x2E80 && g_unichar_isalnum(c);
}

gboolean cg_cjk_no_start(gunichar c)
{
    switch (c) {
    case 0x3001: case 0xFF0C: case 0xFF0E: case 0x3002: case 0xFF1A: case 0xFF1B:
    case 0xFF01: case 0xFF1F: case 0xFF09: case 0x300D: case 0x300F: case 0x201D:
    case 0x2019: case 0x300B: case 0x3009: case 0x3011: case 0x3017: case 0x3015:
    case 0xFF3D: case 0xFF5D: case 0x3019: case 0x301B: case 0x301E: case 0x301F:
    case 0x2026: case 0x2025: case 0x22EF: case 0x00B7: case 0x30FB: case 0x2027:
    case 0xFF5E: case 0x301C: case 0x2013: case 0x2014: case 0x2015: case 0x2E3A:
    case 0x2E3B: case '%': case 0xFF05: case 0x2030: case 0x2103: case 0x2109:
    case ',': case '.': case ':': case ';': case '!': case '?': case ')': case ']':
    case '}': case 0xFE50: case 0xFE51: case 0xFE52: case 0xFE54: case 0xFE55:
    case 0xFE56: case 0xFE57: case 0x3005: case 0x30FC:
        return TRUE;
    default:
        return FALSE;
    }
}

gboolean cg_cjk_no_end(gunichar c)
{
    switch (c) {
    case 0xFF08: case 0x300C: case 0x300E: case 0x201C: case 0x2018: case 0x300A:
    case 0x3008: case 0x3010: case 0x3016: case 0x3014: case 0xFF3B: case 0xFF5B:
    case 0x3018: case 0x301A: case 0x301D: case 0xFF0F: case '(': case '[': case '{':
        return TRUE;
    default:
        return FALSE;
    }
}

gboolean cg_cjk_is_doubled_mark(gunichar c)
{
    return c == 0x2014 || c == 0x2E3A || c == 0x2E3B || c == 0x2026 || c == 0x22EF ||
           c == 0x2015;
}

static gboolean is_ambiguous_mark(gunichar c)
{
    return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00B7 ||
           c == 0x2014 || c == 0x2026;   /* —— and …… of Chinese text: full width, centred */
}

gboolean cg_cjk_mark_in_chinese(const gunichar *chars, int n, int i)
{
    if (i < 0 || i >= n || !is_ambiguous_mark(chars[i]))
        return FALSE;
    /* The nearest neighbours that are not themselves such marks or spaces. */
    for (int k = i - 1; k >= 0; k--) {
        if (is_ambiguous_mark(chars[k]))
            continue;
        if (chars[k] == ' ' || chars[k] == '\n')
            break;
        if (cg_is_cjk(chars[k]))
            return TRUE;
        break;
    }
    for (int k = i + 1; k < n; k++) {
        if (is_ambiguous_mark(chars[k]))
            continue;
        if (chars[k] == ' ' || chars[k] == '\n')
            break;
        return cg_is_cjk(chars[k]);
    }
    return FALSE;
}

/* A character of Chinese text for glue: CJK, or a mark set from the Chinese face. */
static gboolean chinese_at(const gunichar *chars, int n, int i)
{
    return cg_is_cjk(chars[i]) || cg_cjk_mark_in_chinese(chars, n, i);
}

static gboolean is_object_or_break(gunichar c)
{
    return c == 0xFFFC || c == '\n' || c == 0x200B;
}

/* No paragraph (nor line-feed-separated part of one) ends with a line holding
 * a single Chinese character: keep the last Han character, with the marks
 * attached to it, on the line before. */
static void no_lonely_last_char(const gunichar *chars, int n, cg_brk *out)
{
    int e = n;
    while (e > 0) {
        int k = e - 1;
        while (k >= 0 && !cg_cjk_is_han(chars[k]) && chars[k] != '\n' && chars[k] != ' ' &&
               chars[k] != 0xFFFC && (cg_cjk_punct_class(chars[k]) != CG_PUNCT_NONE ||
                                      cg_cjk_no_start(chars[k])))
            k--;
        if (k > 0 && cg_cjk_is_han(chars[k])) {
            int j = k;
            if (out[j].brk == CG_BRK_ALLOWED)
                out[j].brk = CG_BRK_NONE;
            while (j > 0 && cg_cjk_no_end(chars[j - 1])) {
                j--;
                if (out[j].brk == CG_BRK_ALLOWED)
                    out[j].brk = CG_BRK_NONE;
            }
            /* a space before it would still allow the break: mark it too */
            if (j > 0 && chars[j - 1] == ' ')
                out[j].brk = CG_BRK_NONE;
        }
        /* the previous forced line end */
        int m = e - 1;
        while (m >= 0 && chars[m] != '\n')
            m--;
        e = m;
    }
}

void cg_cjk_zh_hook(const gunichar *chars, int n, const PangoLogAttr *la,
                    const cg_brk_opts *o, cg_brk *out)
{
    (void)la;
    for (int i = 1; i < n; i++) {
        if (out[i].brk == CG_BRK_MANDATORY || out[i].white || out[i - 1].white)
            continue;
        gunichar a = chars[i - 1], b = chars[i];
        /* UAX #14 (LB19) forbids breaks around “ ” ‘ ’; clreq allows a break
         * before an opening quote and after a closing one in Chinese text. */
        if ((b == 0x201C || b == 0x2018) && cg_is_cjk(a) && !cg_cjk_no_end(a))
            out[i].brk = CG_BRK_ALLOWED;
        if ((a == 0x201D || a == 0x2019) && (cg_is_cjk(b) || b == 0x201C || b == 0x2018) &&
            cg_cjk_mark_in_chinese(chars, n, i - 1))
            out[i].brk = CG_BRK_ALLOWED;
        if (cg_cjk_no_start(b) || cg_cjk_no_end(a))
            out[i].brk = CG_BRK_NONE;
        if (cg_cjk_is_doubled_mark(a) && a == b)
            out[i].brk = CG_BRK_NONE;
    }
    no_lonely_last_char(chars, n, out);

    /* Glue: 1/4 em between Han and Latin letters or digits (shrinkable to
     * 1/8 em), and a stretchable zero gap between all other neighbours in
     * Chinese text, so that justification spreads its slack evenly; none
     * between two adjacent full-width marks. (fo_text.c adds the blank halves
     * of full-width marks as shrink, once it knows their widths.) */
    float sp = o->cjk_latin_spacing ? o->cjk_latin_em : 0;
    for (int i = 1; i < n; i++) {
        gunichar a = chars[i - 1], b = chars[i];
        if (out[i].white || out[i - 1].white || is_object_or_break(a) || is_object_or_break(b) ||
            out[i].brk == CG_BRK_MANDATORY)
            continue;
        if (cg_cjk_is_doubled_mark(a) && a == b)
            continue;
        if ((cg_cjk_is_han(a) && cg_cjk_is_latin_alnum(b)) ||
            (cg_cjk_is_latin_alnum(a) && cg_cjk_is_han(b))) {
            out[i].glue_width = sp;
            out[i].glue_stretch = CG_CJK_STRETCH;
            out[i].glue_shrink = sp / 2;
        } else if (chinese_at(chars, n, i - 1) || chinese_at(chars, n, i)) {
            out[i].glue_width = 0;
            out[i].glue_stretch = mark_pair(a, b) ? 0 : CG_CJK_STRETCH;
            out[i].glue_shrink = 0;
        }
    }
}
