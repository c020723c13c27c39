/* fo_props.c — see fo_props.h.
 *
 * Attributes are applied in three rounds so that the more specific wins:
 * shorthands (margin, border, padding, ...) first, then absolute properties
 * (margin-top, border-left-width), then relative ones (space-before,
 * border-start-width, start-indent). font-size is computed before everything
 * else because em lengths depend on it.
 */
#include "fo_props.h"
#include "base/base.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>

#define EXT_NS "urn:circgen:fo-extensions"

double cg_len_resolve(cg_len l, double base, const cg_list_ctx *lc)
{
    double v = l.abs + l.rel * base;
    if (lc) {
        /* XSL 1.1 §7.29.x: body-start() = start-indent + pdbs;
         * label-end() = ref width - (start-indent + pdbs - pls). */
        if (l.flags & CG_LEN_BODY_START)
            v += lc->start_indent + lc->pdbs;
        if (l.flags & CG_LEN_LABEL_END)
            v += lc->ref_width - (lc->start_indent + lc->pdbs - lc->pls);
    }
    if (!isfinite(v))
        v = 0;
    return v;
}

/* ---- expressions --------------------------------------------------------- */

typedef struct {
    const char *s;
    double em;
    gboolean ok;
} lexer;

typedef struct {
    double abs, rel;
    unsigned flags;
    gboolean number;      /* dimensionless */
} val;

static void skip_ws(lexer *lx)
{
    while (*lx->s == ' ' || *lx->s == '\t' || *lx->s == '\n' || *lx->s == '\r')
        lx->s++;
}

static val expr(lexer *lx, int depth);

static double unit_factor(const char *u, size_t n, double em, gboolean *ok)
{
    *ok = TRUE;
    if (n == 0) return 0;
    if (n == 2 && !strncmp(u, "pt", 2)) return 1;
    if (n == 2 && !strncmp(u, "mm", 2)) return 72.0 / 25.4;
    if (n == 2 && !strncmp(u, "cm", 2)) return 72.0 / 2.54;
    if (n == 2 && !strncmp(u, "in", 2)) return 72.0;
    if (n == 2 && !strncmp(u, "pc", 2)) return 12.0;
    /* px at 72 dpi, as Apache FOP's default source resolution. */
    if (n == 2 && !strncmp(u, "px", 2)) return 1.0;
    if (n == 2 && !strncmp(u, "em", 2)) return em;
    *ok = FALSE;
    return 0;
}

static val primary(lexer *lx, int depth)
{
    val v = { 0, 0, 0, TRUE };
    skip_ws(lx);
    if (depth > 32) {
        lx->ok = FALSE;
        return v;
    }
    const char *s = lx->s;
    if (*s == '(') {
        lx->s++;
        v = expr(lx, depth + 1);
        skip_ws(lx);
        if (*lx->s != ')')
            lx->ok = FALSE;
        else
            lx->s++;
        return v;
    }
    if (*s == '-' || *s == '+') {
        lx->s++;
        v = primary(lx, depth + 1);
        if (*s == '-') {
            v.abs = -v.abs;
            v.rel = -v.rel;
            if (v.flags & (CG_LEN_LABEL_END | CG_LEN_BODY_START))
                lx->ok = FALSE;     /* -label-end() makes no sense */
        }
        return v;
    }
    if (g_ascii_isdigit(*s) || (*s == '.' && g_ascii_isdigit(s[1]))) {
        char *end;
        double num = g_ascii_strtod(s, &end);
        const char *u = end;
        size_t n = 0;
        while (g_ascii_isalpha(u[n]))
            n++;
        if (u[n] == '%') {
            lx->s = u + 1;
            v.number = FALSE;
            v.rel = num / 100.0;
            return v;
        }
        if (n == 0) {
            lx->s = end;
            v.abs = num;
            return v;
        }
        gboolean ok;
        double f = unit_factor(u, n, lx->em, &ok);
        if (!ok)
            lx->ok = FALSE;
        lx->s = u + n;
        v.number = FALSE;
        v.abs = num * f;
        return v;
    }
    if (g_ascii_isalpha(*s)) {
        const char *p = s;
        while (g_ascii_isalnum(*p) || *p == '-')
            p++;
        size_t n = (size_t)(p - s);
        const char *q = p;
        while (*q == ' ')
            q++;
        if (*q != '(') {
            lx->ok = FALSE;
            return v;
        }
        lx->s = q + 1;
        skip_ws(lx);
        val arg = { 0, 0, 0, TRUE };
        gboolean has_arg = FALSE;
        if (*lx->s != ')') {
            arg = expr(lx, depth + 1);
            has_arg = TRUE;
            skip_ws(lx);
        }
        if (*lx->s != ')') {
            lx->ok = FALSE;
            return v;
        }
        lx->s++;
        v.number = FALSE;
        if (n == 9 && !strncmp(s, "label-end", 9) && !has_arg)
            v.flags = CG_LEN_LABEL_END;
        else if (n == 10 && !strncmp(s, "body-start", 10) && !has_arg)
            v.flags = CG_LEN_BODY_START;
        else if (n == 25 && !strncmp(s, "proportional-column-width", 25) && has_arg && arg.number) {
            v.flags = CG_LEN_PROPORTIONAL;
            v.abs = arg.abs;
        } else if ((n == 3 && !strncmp(s, "abs", 3)) && has_arg) {
            v = arg;
            v.abs = fabs(v.abs);
        } else
            lx->ok = FALSE;
        return v;
    }
    lx->ok = FALSE;
    return v;
}

static val term(lexer *lx, int depth)
{
    val a = primary(lx, depth);
    for (;;) {
        skip_ws(lx);
        if (*lx->s == '*' || !strncmp(lx->s, "div", 3)) {
            gboolean mul = *lx->s == '*';
            lx->s += mul ? 1 : 3;
            val b = primary(lx, depth + 1);
            if (mul && a.number) {             /* n * length */
                double f = a.abs;
                a = b;
                a.abs *= f;
                a.rel *= f;
            } else if (b.number && (mul || b.abs != 0)) {
                double f = mul ? b.abs : 1.0 / b.abs;
                a.abs *= f;
                a.rel *= f;
            } else
                lx->ok = FALSE;
        } else
            return a;
    }
}

static val expr(lexer *lx, int depth)
{
    val a = term(lx, depth);
    for (;;) {
        skip_ws(lx);
        if (*lx->s != '+' && *lx->s != '-')
            return a;
        int sign = *lx->s == '-' ? -1 : 1;
        lx->s++;
        val b = term(lx, depth + 1);
        if (sign < 0 && (b.flags & (CG_LEN_LABEL_END | CG_LEN_BODY_START)))
            lx->ok = FALSE;
        if (a.number != b.number && !(a.abs == 0 && a.rel == 0 && a.number))
            lx->ok = FALSE;
        a.abs += sign * b.abs;
        a.rel += sign * b.rel;
        a.flags |= b.flags;
        a.number = a.number && b.number;
    }
}

/* Parse s as a length or number expression. */
static gboolean parse_val(const char *s, double em, val *out)
{
    lexer lx = { s, em, TRUE };
    val v = expr(&lx, 0);
    skip_ws(&lx);
    if (!lx.ok || *lx.s || !isfinite(v.abs) || !isfinite(v.rel))
        return FALSE;
    *out = v;
    return TRUE;
}

static gboolean parse_length(const char *s, double font_size, cg_len *out);

gboolean cg_parse_length(const char *s, double font_size, cg_len *out)
{
    /* Parsed into a zeroed value, padding included: computed properties are
     * hashed and compared byte by byte to share them (fo_tree.c). On failure
     * *out is left untouched. */
    cg_len l;
    memset(&l, 0, sizeof l);
    if (!parse_length(s, font_size, &l))
        return FALSE;
    memcpy(out, &l, sizeof l);
    return TRUE;
}

static gboolean parse_length(const char *s, double font_size, cg_len *out)
{
    if (!s)
        return FALSE;
    while (*s == ' ')
        s++;
    if (!strcmp(s, "auto")) {
        out->abs = out->rel = 0;
        out->flags = CG_LEN_AUTO;
        return TRUE;
    }
    val v;
    if (!parse_val(s, font_size, &v))
        return FALSE;
    /* A bare 0 is a length; other bare numbers are not (except for
     * proportional-column-width(), handled above). */
    if (v.number && v.abs != 0)
        return FALSE;
    out->abs = v.abs;
    out->rel = v.rel;
    out->flags = v.flags;
    return TRUE;
}

/* ---- colours ------------------------------------------------------------- */

/* The colour keywords of CSS3 / SVG 1.1 (XSL 1.1 §5.11 <color> takes CSS's), sorted. */
static const struct { const char *name; unsigned rgb; } colors[] = {
    { "aliceblue", 0xf0f8ff }, { "antiquewhite", 0xfaebd7 }, { "aqua", 0x00ffff },
    { "aquamarine", 0x7fffd4 }, { "azure", 0xf0ffff }, { "beige", 0xf5f5dc },
    { "bisque", 0xffe4c4 }, { "black", 0x000000 }, { "blanchedalmond", 0xffebcd },
    { "blue", 0x0000ff }, { "blueviolet", 0x8a2be2 }, { "brown", 0xa52a2a },
    { "burlywood", 0xdeb887 }, { "cadetblue", 0x5f9ea0 }, { "chartreuse", 0x7fff00 },
    { "chocolate", 0xd2691e }, { "coral", 0xff7f50 }, { "cornflowerblue", 0x6495ed },
    { "cornsilk", 0xfff8dc }, { "crimson", 0xdc143c }, { "cyan", 0x00ffff },
    { "darkblue", 0x00008b }, { "darkcyan", 0x008b8b }, { "darkgoldenrod", 0xb8860b },
    { "darkgray", 0xa9a9a9 }, { "darkgreen", 0x006400 }, { "darkgrey", 0xa9a9a9 },
    { "darkkhaki", 0xbdb76b }, { "darkmagenta", 0x8b008b }, { "darkolivegreen", 0x556b2f },
    { "darkorange", 0xff8c00 }, { "darkorchid", 0x9932cc }, { "darkred", 0x8b0000 },
    { "darksalmon", 0xe9967a }, { "darkseagreen", 0x8fbc8f }, { "darkslateblue", 0x483d8b },
    { "darkslategray", 0x2f4f4f }, { "darkslategrey", 0x2f4f4f }, { "darkturquoise", 0x00ced1 },
    { "darkviolet", 0x9400d3 }, { "deeppink", 0xff1493 }, { "deepskyblue", 0x00bfff },
    { "dimgray", 0x696969 }, { "dimgrey", 0x696969 }, { "dodgerblue", 0x1e90ff },
    { "firebrick", 0xb22222 }, { "floralwhite", 0xfffaf0 }, { "forestgreen", 0x228b22 },
    { "fuchsia", 0xff00ff }, { "gainsboro", 0xdcdcdc }, { "ghostwhite", 0xf8f8ff },
    { "gold", 0xffd700 }, { "goldenrod", 0xdaa520 }, { "gray", 0x808080 },
    { "green", 0x008000 }, { "greenyellow", 0xadff2f }, { "grey", 0x808080 },
    { "honeydew", 0xf0fff0 }, { "hotpink", 0xff69b4 }, { "indianred", 0xcd5c5c },
    { "indigo", 0x4b0082 }, { "ivory", 0xfffff0 }, { "khaki", 0xf0e68c },
    { "lavender", 0xe6e6fa }, { "lavenderblush", 0xfff0f5 }, { "lawngreen", 0x7cfc00 },
    { "lemonchiffon", 0xfffacd }, { "lightblue", 0xadd8e6 }, { "lightcoral", 0xf08080 },
    { "lightcyan", 0xe0ffff }, { "lightgoldenrodyellow", 0xfafad2 }, { "lightgray", 0xd3d3d3 },
    { "lightgreen", 0x90ee90 }, { "lightgrey", 0xd3d3d3 }, { "lightpink", 0xffb6c1 },
    { "lightsalmon", 0xffa07a }, { "lightseagreen", 0x20b2aa }, { "lightskyblue", 0x87cefa },
    { "lightslategray", 0x778899 }, { "lightslategrey", 0x778899 },
    { "lightsteelblue", 0xb0c4de }, { "lightyellow", 0xffffe0 }, { "lime", 0x00ff00 },
    { "limegreen", 0x32cd32 }, { "linen", 0xfaf0e6 }, { "magenta", 0xff00ff },
    { "maroon", 0x800000 }, { "mediumaquamarine", 0x66cdaa }, { "mediumblue", 0x0000cd },
    { "mediumorchid", 0xba55d3 }, { "mediumpurple", 0x9370db }, { "mediumseagreen", 0x3cb371 },
    { "mediumslateblue", 0x7b68ee }, { "mediumspringgreen", 0x00fa9a },
    { "mediumturquoise", 0x48d1cc }, { "mediumvioletred", 0xc71585 },
    { "midnightblue", 0x191970 }, { "mintcream", 0xf5fffa }, { "mistyrose", 0xffe4e1 },
    { "moccasin", 0xffe4b5 }, { "navajowhite", 0xffdead }, { "navy", 0x000080 },
    { "oldlace", 0xfdf5e6 }, { "olive", 0x808000 }, { "olivedrab", 0x6b8e23 },
    { "orange", 0xffa500 }, { "orangered", 0xff4500 }, { "orchid", 0xda70d6 },
    { "palegoldenrod", 0xeee8aa }, { "palegreen", 0x98fb98 }, { "paleturquoise", 0xafeeee },
    { "palevioletred", 0xdb7093 }, { "papayawhip", 0xffefd5 }, { "peachpuff", 0xffdab9 },
    { "peru", 0xcd853f }, { "pink", 0xffc0cb }, { "plum", 0xdda0dd },
    { "powderblue", 0xb0e0e6 }, { "purple", 0x800080 }, { "red", 0xff0000 },
    { "rosybrown", 0xbc8f8f }, { "royalblue", 0x4169e1 }, { "saddlebrown", 0x8b4513 },
    { "salmon", 0xfa8072 }, { "sandybrown", 0xf4a460 }, { "seagreen", 0x2e8b57 },
    { "seashell", 0xfff5ee }, { "sienna", 0xa0522d }, { "silver", 0xc0c0c0 },
    { "skyblue", 0x87ceeb }, { "slateblue", 0x6a5acd }, { "slategray", 0x708090 },
    { "slategrey", 0x708090 }, { "snow", 0xfffafa }, { "springgreen", 0x00ff7f },
    { "steelblue", 0x4682b4 }, { "tan", 0xd2b48c }, { "teal", 0x008080 },
    { "thistle", 0xd8bfd8 }, { "tomato", 0xff6347 }, { "turquoise", 0x40e0d0 },
    { "violet", 0xee82ee }, { "wheat", 0xf5deb3 }, { "white", 0xffffff },
    { "whitesmoke", 0xf5f5f5 }, { "yellow", 0xffff00 }, { "yellowgreen", 0x9acd32 },
};

gboolean cg_parse_color(const char *s, cg_color *out)
{
    if (!s)
        return FALSE;
    while (*s == ' ')
        s++;
    if (!strcmp(s, "transparent")) {
        *out = (cg_color){ 0, 0, 0, 0 };
        return TRUE;
    }
    if (*s == '#') {
        size_t n = strlen(s + 1);
        unsigned v = 0;
        for (size_t i = 1; i <= n; i++) {
            if (!g_ascii_isxdigit(s[i]))
                return FALSE;
            v = v * 16 + (unsigned)g_ascii_xdigit_value(s[i]);
            if (i > 8)
                return FALSE;
        }
        if (n == 3)
            v = ((v >> 8 & 15) * 0x110000) | ((v >> 4 & 15) * 0x1100) | ((v & 15) * 0x11);
        else if (n != 6)
            return FALSE;
        *out = (cg_color){ (v >> 16 & 255) / 255.0, (v >> 8 & 255) / 255.0, (v & 255) / 255.0, 1 };
        return TRUE;
    }
    /* rgb-icc(R, G, B, profile, values...): XSL 1.1 §5.10.2 uses the sRGB
     * fallback (the first three numbers) when the ICC profile is not available,
     * and circgen draws in sRGB only. */
    gboolean icc = !strncmp(s, "rgb-icc(", 8);
    if (!strncmp(s, "rgb(", 4) || icc) {
        double c[3];
        const char *p = s + (icc ? 8 : 4);
        for (int i = 0; i < 3; i++) {
            char *end;
            c[i] = g_ascii_strtod(p, &end);
            if (end == p)
                return FALSE;
            p = end;
            while (*p == ' ')
                p++;
            if (*p == '%') {
                c[i] *= 2.55;
                p++;
            }
            while (*p == ' ')
                p++;
            if (i < 2 && *p++ != ',')
                return FALSE;
        }
        if (icc ? *p != ',' || !strchr(p, ')') : *p != ')')
            return FALSE;
        for (int i = 0; i < 3; i++)
            c[i] = CLAMP(c[i], 0, 255) / 255.0;
        *out = (cg_color){ c[0], c[1], c[2], 1 };
        return TRUE;
    }
    size_t lo = 0, hi = G_N_ELEMENTS(colors);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = g_ascii_strcasecmp(s, colors[mid].name);
        if (!c) {
            unsigned v = colors[mid].rgb;
            *out = (cg_color){ (v >> 16 & 255) / 255.0, (v >> 8 & 255) / 255.0, (v & 255) / 255.0, 1 };
            return TRUE;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return FALSE;
}

/* ---- initial values ------------------------------------------------------ */

void cg_props_init(cg_props *p)
{
    memset(p, 0, sizeof *p);
    cg_inherited *i = &p->i;
    /* XSL 1.1 §7.9.2 leaves the initial font-family to the implementation:
     * sans-serif, as FOP, for whose FO files a face of Helvetica's metrics
     * (Liberation Sans) breaks lines where theirs do; circgen's templates
     * name their faces. */
    i->font_family = "sans-serif";
    i->font_size = 12;
    i->font_weight = 400;
    i->color = (cg_color){ 0, 0, 0, 1 };
    i->lh_is_factor = TRUE;
    i->line_height = 1.2;            /* "normal" */
    i->text_align = CG_ALIGN_START;
    i->text_align_last = CG_ALIGN_RELATIVE;
    i->hyph_push = 2;
    i->hyph_remain = 2;
    i->hyph_char = '-';
    i->language = "";
    i->country = "";
    i->linefeed_treatment = CG_LF_TREAT_AS_SPACE;
    i->white_space_treatment = CG_WST_IGNORE_IF_SURROUNDING_LF;
    i->white_space_collapse = TRUE;
    i->wrap = TRUE;
    i->widows = 2;
    i->orphans = 2;
    i->pdbs = (cg_len){ 24, 0, 0 };
    i->pls = (cg_len){ 6, 0, 0 };
    i->leader_pattern = CG_LEADER_SPACE;
    i->leader_min = (cg_len){ 0, 0, 0 };
    i->leader_opt = (cg_len){ 12, 0, 0 };
    i->leader_max = (cg_len){ 0, 1, 0 };
    i->rule_thickness = 1;
    i->rule_style = CG_BS_SOLID;
    i->leader_pattern_width = (cg_len){ 0, 0, 0 };
    i->visible = TRUE;
    i->border_collapse = TRUE;
    i->cjk_latin_spacing = CG_CJK_SPACING_AUTO;

    cg_noninherited *n = &p->n;
    for (int k = 0; k < 4; k++)
        n->border[k].color = i->color;   /* border colour defaults to color; see compute */
    n->space_before.max = n->space_after.max = (cg_len){ 0, 0, 0 };
    n->width = n->height = (cg_len){ 0, 0, CG_LEN_AUTO };
    n->content_width = n->content_height = (cg_len){ 0, 0, CG_LEN_AUTO };
}

/* ---- the property table -------------------------------------------------- */

typedef struct prop_def prop_def;
typedef gboolean (*prop_fn)(cg_props *p, const cg_props *parent, const prop_def *def,
                            const char *v, cg_prop_ctx *ctx);

struct prop_def {
    const char *name;
    int round;           /* 0 shorthands, 1 absolute, 2 relative/other */
    prop_fn fn;
    int arg;             /* side or selector */
};

static cg_len *side_len(cg_len *arr, int side) { return &arr[side]; }

static gboolean len_nonneg(const char *v, double em, cg_len *out, gboolean allow_auto)
{
    cg_len l;
    if (!cg_parse_length(v, em, &l))
        return FALSE;
    if ((l.flags & CG_LEN_AUTO) && !allow_auto)
        return FALSE;
    if (l.abs < 0 || l.rel < 0 || l.abs > CG_MAX_LENGTH)
        return FALSE;
    *out = l;
    return TRUE;
}

static gboolean len_any(const char *v, double em, cg_len *out)
{
    cg_len l;
    if (!cg_parse_length(v, em, &l) || (l.flags & CG_LEN_AUTO))
        return FALSE;
    if (fabs(l.abs) > CG_MAX_LENGTH || fabs(l.rel) > 100)
        return FALSE;
    *out = l;
    return TRUE;
}

static int keyword(const char *v, const char *const *words, int n)
{
    for (int k = 0; k < n; k++)
        if (words[k] && !strcmp(v, words[k]))
            return k;
    return -1;
}
#define KW(v, ...) ({ static const char *const w_[] = { __VA_ARGS__ }; keyword(v, w_, G_N_ELEMENTS(w_)); })

static double em_of(const cg_props *p) { return p->i.font_size; }

/* padding-*: arg = side */
static gboolean f_padding(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                          cg_prop_ctx *c)
{
    (void)par; (void)c;
    return len_nonneg(v, em_of(p), side_len(p->n.padding, d->arg), FALSE);
}

static gboolean f_margin(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                         cg_prop_ctx *c)
{
    (void)par; (void)c;
    cg_len l;
    if (!strcmp(v, "auto"))
        l = (cg_len){ 0, 0, 0 };
    else if (!len_any(v, em_of(p), &l))
        return FALSE;
    p->n.margin[d->arg] = l;
    p->n.margin_set[d->arg] = TRUE;
    return TRUE;
}

static gboolean parse_border_width(const char *v, double em, double *out)
{
    int k = KW(v, "thin", "medium", "thick");
    if (k >= 0) {
        *out = k == 0 ? 0.5 : k == 1 ? 1 : 2;
        return TRUE;
    }
    cg_len l;
    if (!len_nonneg(v, em, &l, FALSE) || l.rel != 0)
        return FALSE;
    *out = l.abs;
    return TRUE;
}

static int parse_border_style(const char *v)
{
    return KW(v, "none", "hidden", "solid", "dashed", "dotted", "double", "groove", "ridge",
              "inset", "outset");
}

static gboolean f_border_width(cg_props *p, const cg_props *par, const prop_def *d,
                               const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    const char *dot = strchr(d->name, '.');
    (void)dot;
    return parse_border_width(v, em_of(p), &p->n.border[d->arg].width);
}

static gboolean f_border_style(cg_props *p, const cg_props *par, const prop_def *d,
                               const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    int s = parse_border_style(v);
    if (s < 0)
        return FALSE;
    p->n.border[d->arg].style = s;
    return TRUE;
}

static gboolean f_border_color(cg_props *p, const cg_props *par, const prop_def *d,
                               const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    return cg_parse_color(v, &p->n.border[d->arg].color);
}

/* Split a shorthand value into words, keeping rgb(...) together. */
static char **split_words(const char *v, int *n)
{
    GPtrArray *a = g_ptr_array_new();
    const char *s = v;
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        if (!*s)
            break;
        const char *start = s;
        int depth = 0;
        while (*s && (depth > 0 || (*s != ' ' && *s != '\t' && *s != '\n'))) {
            if (*s == '(')
                depth++;
            else if (*s == ')')
                depth--;
            s++;
        }
        g_ptr_array_add(a, g_strndup(start, (gsize)(s - start)));
    }
    *n = (int)a->len;
    g_ptr_array_add(a, NULL);
    return (char **)g_ptr_array_free(a, FALSE);
}

/* border, border-top, border-start ...: arg = side, or -1 for all four. */
static gboolean f_border(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                         cg_prop_ctx *c)
{
    (void)par; (void)c;
    int n;
    char **w = split_words(v, &n);
    cg_border b = { 1, CG_BS_NONE, p->i.color };   /* width medium */
    gboolean ok = n > 0;
    for (int k = 0; k < n && ok; k++) {
        int s = parse_border_style(w[k]);
        double wd;
        cg_color col;
        if (s >= 0)
            b.style = s;
        else if (parse_border_width(w[k], em_of(p), &wd))
            b.width = wd;
        else if (cg_parse_color(w[k], &col))
            b.color = col;
        else
            ok = FALSE;
    }
    g_strfreev(w);
    if (!ok)
        return FALSE;
    for (int s = 0; s < 4; s++)
        if (d->arg < 0 || d->arg == s)
            p->n.border[s] = b;
    return TRUE;
}

/* Four-value shorthands: margin, padding, border-width/style/color. arg selects. */
enum { SH_MARGIN, SH_PADDING, SH_BWIDTH, SH_BSTYLE, SH_BCOLOR };
static gboolean f_four(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    int n;
    char **w = split_words(v, &n);
    gboolean ok = n >= 1 && n <= 4;
    /* CSS order: top right bottom left = before end after start for lr-tb;
     * in rl-tb right is the start and left the end (XSL 1.1 §5.3.1). */
    static const int idx[5][4] = { { 0 }, { 0, 0, 0, 0 }, { 0, 1, 0, 1 }, { 0, 1, 2, 1 }, { 0, 1, 2, 3 } };
    for (int s = 0; s < 4 && ok; s++) {
        prop_def one = { d->name, 0, NULL, s };
        int css = p->i.rtl && (s == CG_START || s == CG_END) ? (s == CG_START ? CG_END : CG_START) : s;
        const char *word = w[idx[n][css]];
        switch (d->arg) {
        case SH_MARGIN: ok = f_margin(p, par, &one, word, c); break;
        case SH_PADDING: ok = f_padding(p, par, &one, word, c); break;
        case SH_BWIDTH: ok = f_border_width(p, par, &one, word, c); break;
        case SH_BSTYLE: ok = f_border_style(p, par, &one, word, c); break;
        default: ok = f_border_color(p, par, &one, word, c); break;
        }
    }
    g_strfreev(w);
    return ok;
}

/* space-before, space-after, and their .minimum/.optimum/.maximum/.precedence/
 * .conditionality components. arg: 0 before, 1 after. */
static gboolean f_space(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                        cg_prop_ctx *c)
{
    (void)par; (void)c;
    cg_space *sp = d->arg ? &p->n.space_after : &p->n.space_before;
    const char *comp = strchr(d->name, '.');
    if (!comp) {
        /* "6pt" or a space-specifier shorthand isn't allowed in XSL 1.1 besides
         * the length; margins use it too. */
        cg_len l;
        if (!len_any(v, em_of(p), &l) || l.rel != 0)
            return FALSE;
        sp->min = sp->opt = sp->max = l;
        return TRUE;
    }
    comp++;
    if (!strcmp(comp, "precedence")) {
        if (!strcmp(v, "force")) {
            sp->precedence = G_MAXINT;
            return TRUE;
        }
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || end == v)
            return FALSE;
        sp->precedence = (int)CLAMP(n, -1000000, 1000000);
        return TRUE;
    }
    if (!strcmp(comp, "conditionality")) {
        int k = KW(v, "discard", "retain");
        if (k < 0)
            return FALSE;
        sp->retain = k == 1;
        return TRUE;
    }
    cg_len l;
    if (!len_any(v, em_of(p), &l) || l.rel != 0)
        return FALSE;
    if (!strcmp(comp, "minimum"))
        sp->min = l;
    else if (!strcmp(comp, "optimum"))
        sp->opt = l;
    else if (!strcmp(comp, "maximum"))
        sp->max = l;
    else
        return FALSE;
    return TRUE;
}

/* Keep values: auto | always | integer. arg: 0 together, 1 next, 2 previous.
 * The property name may carry .within-page / .within-column / .within-line. */
static gboolean parse_keep(const char *v, int *out)
{
    if (!strcmp(v, "auto")) { *out = 0; return TRUE; }
    if (!strcmp(v, "always")) { *out = CG_KEEP_ALWAYS; return TRUE; }
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || end == v || n < 1)
        return FALSE;
    *out = (int)MIN(n, CG_KEEP_ALWAYS - 1);
    return TRUE;
}

static gboolean f_keep(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    (void)par; (void)c;
    int k;
    if (!parse_keep(v, &k))
        return FALSE;
    const char *comp = strchr(d->name, '.');
    gboolean line = comp && !strcmp(comp, ".within-line");
    if (line)
        return TRUE;        /* lines never break inside an inline anyway */
    gboolean column = comp && !strcmp(comp, ".within-column");
    switch (d->arg) {
    case 0:
        if (column) p->i.keep_together_column = k;
        else p->i.keep_together_page = k;
        break;
    case 1:
        /* Single column regions: within-column acts as within-page. */
        p->n.keep_with_next_page = MAX(p->n.keep_with_next_page, k);
        if (!column) p->n.keep_with_next_page = k;
        break;
    default:
        p->n.keep_with_previous_page = MAX(p->n.keep_with_previous_page, k);
        if (!column) p->n.keep_with_previous_page = k;
        break;
    }
    return TRUE;
}

static gboolean f_break(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                        cg_prop_ctx *c)
{
    (void)par; (void)c;
    int k = KW(v, "auto", "page", "column", "even-page", "odd-page");
    if (k < 0)
        return FALSE;
    if (d->arg) p->n.break_after = k;
    else p->n.break_before = k;
    return TRUE;
}

/* CSS-style page-break-before/after (XSL 1.1 §7.31.x shorthands). */
static gboolean f_page_break(cg_props *p, const cg_props *par, const prop_def *d,
                             const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    int k = KW(v, "auto", "always", "avoid", "left", "right");
    if (k < 0)
        return FALSE;
    if (d->arg == 2) {                     /* page-break-inside */
        if (k == 2) p->i.keep_together_page = CG_KEEP_ALWAYS;
        return k == 0 || k == 2;
    }
    int br = k == 1 ? CG_BREAK_PAGE : k == 3 ? CG_BREAK_EVEN_PAGE : k == 4 ? CG_BREAK_ODD_PAGE : CG_BREAK_AUTO;
    if (d->arg) {
        p->n.break_after = br;
        if (k == 2) p->n.keep_with_next_page = CG_KEEP_ALWAYS;
    } else {
        p->n.break_before = br;
        if (k == 2) p->n.keep_with_previous_page = CG_KEEP_ALWAYS;
    }
    return TRUE;
}

static gboolean f_font_family(cg_props *p, const cg_props *par, const prop_def *d,
                              const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d;
    if (!*v)
        return FALSE;
    p->i.font_family = g_string_chunk_insert_const(c->strings, v);
    return TRUE;
}

static gboolean f_font_weight(cg_props *p, const cg_props *par, const prop_def *d,
                              const char *v, cg_prop_ctx *c)
{
    (void)d; (void)c;
    int w = par ? par->i.font_weight : 400;
    if (!strcmp(v, "normal")) w = 400;
    else if (!strcmp(v, "bold")) w = 700;
    else if (!strcmp(v, "bolder")) w = MIN(900, w + 300);
    else if (!strcmp(v, "lighter")) w = MAX(100, w - 300);
    else {
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || n < 100 || n > 900)
            return FALSE;
        w = (int)n;
    }
    p->i.font_weight = w;
    return TRUE;
}

static gboolean f_font_style(cg_props *p, const cg_props *par, const prop_def *d,
                             const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "normal", "italic", "oblique", "backslant");
    if (k < 0)
        return FALSE;
    p->i.font_style = k == 3 ? 2 : k;
    return TRUE;
}

static gboolean f_font_variant(cg_props *p, const cg_props *par, const prop_def *d,
                               const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "normal", "small-caps");
    if (k < 0)
        return FALSE;
    p->i.small_caps = k == 1;
    return TRUE;
}

static gboolean f_color(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                        cg_prop_ctx *c)
{
    (void)par; (void)c;
    cg_color col;
    if (!cg_parse_color(v, &col))
        return FALSE;
    if (d->arg) p->n.background = col;
    else p->i.color = col;
    return TRUE;
}

static gboolean f_line_height(cg_props *p, const cg_props *par, const prop_def *d,
                              const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    if (!strcmp(v, "normal")) {
        p->i.lh_is_factor = TRUE;
        p->i.line_height = 1.2;
        return TRUE;
    }
    val x;
    if (!parse_val(v, em_of(p), &x) || x.flags)
        return FALSE;
    if (x.number) {
        if (x.abs < 0 || x.abs > 1000) return FALSE;
        p->i.lh_is_factor = TRUE;
        p->i.line_height = x.abs;
    } else {
        double pt = x.abs + x.rel * p->i.font_size;
        if (pt < 0 || pt > CG_MAX_LENGTH) return FALSE;
        p->i.lh_is_factor = FALSE;
        p->i.line_height = pt;
    }
    return TRUE;
}

static gboolean f_text_align(cg_props *p, const cg_props *par, const prop_def *d,
                             const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    int k = KW(v, "start", "end", "left", "right", "center", "justify", "relative", "inside", "outside");
    if (k == 7) k = CG_ALIGN_START;
    if (k == 8) k = CG_ALIGN_END;
    if (k < 0 || (k == CG_ALIGN_RELATIVE && !d->arg))
        return FALSE;
    if (d->arg) p->i.text_align_last = k;
    else p->i.text_align = k;
    return TRUE;
}

/* Inherited lengths: arg selects the slot. Percentages stay relative. */
enum { IL_TEXT_INDENT, IL_LAST_LINE_END_INDENT, IL_START, IL_END, IL_PDBS, IL_PLS };
static gboolean f_inh_len(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                          cg_prop_ctx *c)
{
    (void)par; (void)c;
    cg_len l;
    if (!len_any(v, em_of(p), &l))
        return FALSE;
    if ((l.flags & (CG_LEN_LABEL_END | CG_LEN_BODY_START)) && d->arg != IL_START && d->arg != IL_END)
        return FALSE;
    switch (d->arg) {
    case IL_TEXT_INDENT: p->i.text_indent = l; break;
    case IL_LAST_LINE_END_INDENT: p->i.last_line_end_indent = l; break;
    case IL_START: p->i.start_indent = l; p->n.start_indent_set = TRUE; break;
    case IL_END: p->i.end_indent = l; p->n.end_indent_set = TRUE; break;
    case IL_PDBS: p->i.pdbs = l; break;
    default: p->i.pls = l; break;
    }
    return TRUE;
}

static gboolean f_spacing(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                          cg_prop_ctx *c)
{
    (void)par; (void)c;
    double out = 0;
    if (strcmp(v, "normal")) {
        cg_len l;
        if (!len_any(v, em_of(p), &l) || l.rel != 0 || fabs(l.abs) > 1000)
            return FALSE;
        out = l.abs;
    }
    if (d->arg) p->i.word_spacing = out;
    else p->i.letter_spacing = out;
    return TRUE;
}

static gboolean f_bool(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    (void)par; (void)c;
    int k = KW(v, "false", "true");
    if (k < 0)
        return FALSE;
    switch (d->arg) {
    case 0: p->i.hyphenate = k; break;
    default: p->i.white_space_collapse = k; break;
    }
    return TRUE;
}

/* line-stacking-strategy (XSL 1.1 §7.16.6): "font-height" sets every line at
 * the block's nominal line height; "max-height" and "line-height" let taller
 * inline content (each with its half-leading) make the line taller. */
static gboolean f_line_stacking(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                                cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "max-height", "font-height", "line-height");
    if (k < 0)
        return FALSE;
    p->i.lss_font_height = k == 1;
    return TRUE;
}

/* cx:cjk-latin-spacing: "auto" (1/4 em), "none", a length, or true/false. */
static gboolean f_cjk_spacing(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                              cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "auto", "true", "none", "false");
    if (k >= 0) {
        p->i.cjk_latin_spacing = k < 2 ? CG_CJK_SPACING_AUTO : 0;
        return TRUE;
    }
    cg_len l;
    if (!len_any(v, em_of(p), &l) || l.rel != 0 || l.abs < 0 || l.abs > 1000)
        return FALSE;
    p->i.cjk_latin_spacing = l.abs;
    return TRUE;
}

static gboolean f_int(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                      cg_prop_ctx *c)
{
    (void)par; (void)c;
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || end == v || n < 0 || n > 1000)
        return FALSE;
    switch (d->arg) {
    case 0: p->i.widows = (int)MAX(n, 1); break;
    case 1: p->i.orphans = (int)MAX(n, 1); break;
    case 2: p->i.hyph_push = (int)MAX(n, 1); break;
    default: p->i.hyph_remain = (int)MAX(n, 1); break;
    }
    return TRUE;
}

static gboolean f_lang(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    (void)par;
    if (!strcmp(v, "none")) v = "";
    for (const char *s = v; *s; s++)
        if (!g_ascii_isalnum(*s) && *s != '-' && *s != '_')
            return FALSE;
    if (d->arg == 2) {                      /* xml:lang = language-country */
        const char *dash = strpbrk(v, "-_");
        char *lang = g_ascii_strdown(v, dash ? dash - v : -1);
        p->i.language = g_string_chunk_insert_const(c->strings, lang);
        g_free(lang);
        if (dash) {
            char *cc = g_ascii_strup(dash + 1, -1);
            p->i.country = g_string_chunk_insert_const(c->strings, cc);
            g_free(cc);
        }
        return TRUE;
    }
    char *low = d->arg ? g_ascii_strup(v, -1) : g_ascii_strdown(v, -1);
    if (d->arg) p->i.country = g_string_chunk_insert_const(c->strings, low);
    else p->i.language = g_string_chunk_insert_const(c->strings, low);
    g_free(low);
    return TRUE;
}

static gboolean f_linefeed(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                           cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "treat-as-space", "preserve", "ignore", "treat-as-zero-width-space");
    if (k < 0) return FALSE;
    p->i.linefeed_treatment = k;
    return TRUE;
}

static gboolean f_ws_treatment(cg_props *p, const cg_props *par, const prop_def *d,
                               const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "ignore-if-surrounding-linefeed", "preserve", "ignore",
               "ignore-if-before-linefeed", "ignore-if-after-linefeed");
    if (k < 0) return FALSE;
    p->i.white_space_treatment = k;
    return TRUE;
}

/* white-space (XSL 1.1 §7.31.23 shorthand, CSS values). */
static gboolean f_white_space(cg_props *p, const cg_props *par, const prop_def *d,
                              const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "normal", "pre", "nowrap", "pre-wrap", "pre-line");
    if (k < 0) return FALSE;
    gboolean pre = k == 1 || k == 3;
    p->i.linefeed_treatment = (pre || k == 4) ? CG_LF_PRESERVE : CG_LF_TREAT_AS_SPACE;
    p->i.white_space_collapse = !pre;
    p->i.white_space_treatment = pre ? CG_WST_PRESERVE : CG_WST_IGNORE_IF_SURROUNDING_LF;
    p->i.wrap = k != 1 && k != 2;
    return TRUE;
}

static gboolean f_wrap(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "wrap", "no-wrap");
    if (k < 0) return FALSE;
    p->i.wrap = k == 0;
    return TRUE;
}

static gboolean f_leader_pattern(cg_props *p, const cg_props *par, const prop_def *d,
                                 const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "space", "rule", "dots", "use-content");
    if (k < 0) return FALSE;
    p->i.leader_pattern = k;
    return TRUE;
}

static gboolean f_leader_length(cg_props *p, const cg_props *par, const prop_def *d,
                                const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    cg_len l;
    if (!len_nonneg(v, em_of(p), &l, FALSE))
        return FALSE;
    const char *comp = strchr(d->name, '.');
    if (!comp) { p->i.leader_min = p->i.leader_opt = p->i.leader_max = l; return TRUE; }
    if (!strcmp(comp, ".minimum")) p->i.leader_min = l;
    else if (!strcmp(comp, ".optimum")) p->i.leader_opt = l;
    else if (!strcmp(comp, ".maximum")) p->i.leader_max = l;
    else return FALSE;
    return TRUE;
}

static gboolean f_rule(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    (void)par; (void)c;
    if (d->arg == 0) {
        cg_len l;
        if (!len_nonneg(v, em_of(p), &l, FALSE) || l.rel != 0) return FALSE;
        p->i.rule_thickness = l.abs;
        return TRUE;
    }
    if (d->arg == 2) {
        cg_len l;
        if (!strcmp(v, "use-font-metrics")) { p->i.leader_pattern_width = (cg_len){ 0, 0, 0 }; return TRUE; }
        if (!len_nonneg(v, em_of(p), &l, FALSE)) return FALSE;
        p->i.leader_pattern_width = l;
        return TRUE;
    }
    int s = parse_border_style(v);
    if (s < 0) return FALSE;
    p->i.rule_style = s;
    return TRUE;
}

static gboolean f_text_decoration(cg_props *p, const cg_props *par, const prop_def *d,
                                  const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int n;
    char **w = split_words(v, &n);
    int td = p->i.text_decoration;
    gboolean ok = n > 0;
    for (int k = 0; k < n && ok; k++) {
        int x = KW(w[k], "none", "underline", "no-underline", "overline", "no-overline",
                   "line-through", "no-line-through", "blink", "no-blink");
        switch (x) {
        case 0: td = 0; break;
        case 1: td |= CG_TD_UNDERLINE; break;
        case 2: td &= ~CG_TD_UNDERLINE; break;
        case 3: td |= CG_TD_OVERLINE; break;
        case 4: td &= ~CG_TD_OVERLINE; break;
        case 5: td |= CG_TD_LINE_THROUGH; break;
        case 6: td &= ~CG_TD_LINE_THROUGH; break;
        case 7: case 8: break;
        default: ok = FALSE;
        }
    }
    g_strfreev(w);
    if (ok) p->i.text_decoration = td;
    return ok;
}

static gboolean f_baseline_shift(cg_props *p, const cg_props *par, const prop_def *d,
                                 const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    int k = KW(v, "baseline", "super", "sub");
    if (k >= 0) {
        p->n.baseline_shift = k;
        if (d->arg)
            p->n.valign = CG_VALIGN_BASELINE;
        return TRUE;
    }
    if (d->arg) {
        /* vertical-align (XSL 1.1 §7.14.10): top, middle, bottom, text-top and
         * text-bottom set alignment-baseline before-edge, middle, after-edge,
         * text-before-edge, text-after-edge, with no baseline shift */
        static const int va[] = { CG_VALIGN_TOP, CG_VALIGN_MIDDLE, CG_VALIGN_BOTTOM,
                                  CG_VALIGN_TEXT_TOP, CG_VALIGN_TEXT_BOTTOM };
        k = KW(v, "top", "middle", "bottom", "text-top", "text-bottom");
        if (k >= 0) {
            p->n.valign = va[k];
            p->n.baseline_shift = CG_BSHIFT_BASELINE;
            return TRUE;
        }
    }
    cg_len l;
    if (!len_any(v, em_of(p), &l)) return FALSE;
    /* Percentages refer to the line-height of the parent. */
    p->n.baseline_shift = CG_BSHIFT_LENGTH;
    p->n.baseline_shift_len = l;
    if (d->arg)
        p->n.valign = CG_VALIGN_BASELINE;
    return TRUE;
}

/* alignment-baseline: the baselines circgen places by (the others: baseline) */
static gboolean f_alignment_baseline(cg_props *p, const cg_props *par, const prop_def *d,
                                     const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    static const int va[] = { CG_VALIGN_BASELINE, CG_VALIGN_BASELINE, CG_VALIGN_BASELINE,
                              CG_VALIGN_BASELINE, CG_VALIGN_BASELINE, CG_VALIGN_BASELINE,
                              CG_VALIGN_TOP, CG_VALIGN_TEXT_TOP, CG_VALIGN_MIDDLE,
                              CG_VALIGN_BOTTOM, CG_VALIGN_TEXT_BOTTOM, CG_VALIGN_CENTRAL };
    int k = KW(v, "auto", "baseline", "alphabetic", "ideographic", "hanging", "mathematical",
               "before-edge", "text-before-edge", "middle", "after-edge", "text-after-edge",
               "central");
    if (k < 0)
        return FALSE;
    p->n.valign = va[k];
    return TRUE;
}

/* width, height, ipd, bpd, content-width/height. arg: 0 width 1 height 2 cw 3 ch */
static gboolean f_dimension(cg_props *p, const cg_props *par, const prop_def *d,
                            const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    cg_len l;
    const char *comp = strchr(d->name, '.');
    if (comp && strcmp(comp, ".optimum") && strcmp(comp, ".minimum") && strcmp(comp, ".maximum"))
        return FALSE;
    if (comp && strcmp(comp, ".optimum"))
        return TRUE;    /* min/max of ranges are accepted and not used */
    /* flag 16: scale to the viewport; abs 0 scale-to-fit, 1 down only, 2 up only */
    if (d->arg >= 2 && !strcmp(v, "scale-to-fit"))
        l = (cg_len){ 0, 1, 16 };
    else if (d->arg >= 2 && !strcmp(v, "scale-down-to-fit"))
        l = (cg_len){ 1, 1, 16 };
    else if (d->arg >= 2 && !strcmp(v, "scale-up-to-fit"))
        l = (cg_len){ 2, 1, 16 };
    else if (!len_nonneg(v, em_of(p), &l, TRUE))
        return FALSE;
    switch (d->arg) {
    case 0: p->n.width = l; break;
    case 1: p->n.height = l; break;
    case 2: p->n.content_width = l; break;
    default: p->n.content_height = l; break;
    }
    return TRUE;
}

static gboolean f_scaling(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                          cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "uniform", "non-uniform");
    if (k < 0) return FALSE;
    p->n.scaling = k;
    return TRUE;
}

static gboolean f_display_align(cg_props *p, const cg_props *par, const prop_def *d,
                                const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "auto", "before", "center", "after");
    if (k < 0) return FALSE;
    p->i.display_align = k;
    p->n.display_align = k;
    return TRUE;
}

static gboolean f_visibility(cg_props *p, const cg_props *par, const prop_def *d,
                             const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "visible", "hidden", "collapse");
    if (k < 0) return FALSE;
    p->i.visible = k == 0;
    return TRUE;
}

static gboolean f_text_transform(cg_props *p, const cg_props *par, const prop_def *d,
                                 const char *v, cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    int k = KW(v, "none", "uppercase", "lowercase", "capitalize");
    if (k < 0) return FALSE;
    p->i.text_transform = k;
    return TRUE;
}

/* border-collapse (arg 0); border-separation / border-spacing (arg 1): one
 * length for both directions, or two (inline-progression-direction, then
 * block-progression-direction), as CSS2 border-spacing; and the components
 * border-separation.inline-progression-direction (arg 2) and
 * .block-progression-direction (arg 3). */
static gboolean f_border_collapse(cg_props *p, const cg_props *par, const prop_def *d,
                                  const char *v, cg_prop_ctx *c)
{
    (void)par; (void)c;
    if (d->arg) {
        cg_len l[2];
        int n;
        char **w = split_words(v, &n);
        gboolean ok = n >= 1 && n <= (d->arg == 1 ? 2 : 1);
        for (int i = 0; ok && i < n; i++)
            ok = len_nonneg(w[i], em_of(p), &l[i], FALSE) && l[i].rel == 0;
        g_strfreev(w);
        if (!ok)
            return FALSE;
        if (d->arg == 1) {
            p->i.border_spacing = l[0].abs;
            p->i.border_spacing_b = l[n - 1].abs;
        } else if (d->arg == 2)
            p->i.border_spacing = l[0].abs;
        else
            p->i.border_spacing_b = l[0].abs;
        return TRUE;
    }
    int k = KW(v, "collapse", "separate", "collapse-with-precedence");
    if (k < 0) return FALSE;
    p->i.border_collapse = k != 1;
    return TRUE;
}

static gboolean f_role(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    (void)par; (void)d;
    p->n.role = g_string_chunk_insert_const(c->strings, v);
    return TRUE;
}

static gboolean f_hyph_char(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                            cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    if (!g_utf8_validate(v, -1, NULL) || g_utf8_strlen(v, -1) != 1) return FALSE;
    p->i.hyph_char = g_utf8_get_char(v);
    return TRUE;
}

/* padding-*.conditionality and border-*-width.conditionality (arg: side). */
static gboolean f_conditionality(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                                 cg_prop_ctx *c)
{
    (void)par; (void)c;
    int k = KW(v, "discard", "retain");
    if (k < 0)
        return FALSE;
    gboolean *arr = !strncmp(d->name, "padding", 7) ? p->n.padding_retain : p->n.border_retain;
    arr[d->arg] = k == 1;
    return TRUE;
}

/* Accepted, recognised, with no effect in circgen's subset (documented). */
static gboolean f_ignore(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                         cg_prop_ctx *c)
{
    (void)p; (void)par; (void)d; (void)v; (void)c;
    return TRUE;
}

/* writing-mode: rl-tb and rl set lines right to left; the vertical modes
 * (tb-rl...) are taken as lr-tb. */
static gboolean f_writing_mode(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                               cg_prop_ctx *c)
{
    (void)par; (void)d; (void)c;
    p->i.rtl = !strcmp(v, "rl-tb") || !strcmp(v, "rl");
    return TRUE;
}

/* direction (arg 0) and unicode-bidi (arg 1): explicit embeddings and
 * overrides of inline content (XSL 1.1 §5.8, §7.29.1, §7.29.3); relative-align
 * (arg 2, XSL 1.1 §7.14.13). */
static gboolean f_bidi(cg_props *p, const cg_props *par, const prop_def *d, const char *v,
                       cg_prop_ctx *c)
{
    (void)par; (void)c;
    if (d->arg == 2) {
        int k = KW(v, "before", "baseline");
        if (k < 0) return FALSE;
        p->i.relative_baseline = k == 1;
        return TRUE;
    }
    if (d->arg == 0) {
        int k = KW(v, "ltr", "rtl");
        if (k < 0) return FALSE;
        p->i.direction = k == 0 ? CG_DIR_LTR : CG_DIR_RTL;
        return TRUE;
    }
    int k = KW(v, "normal", "embed", "bidi-override", "isolate");
    if (k < 0) return FALSE;
    p->n.unicode_bidi = k;
    return TRUE;
}

#define SIDES(prefix, round, fn) \
    { prefix "top", round, fn, CG_BEFORE }, { prefix "right", round, fn, CG_END }, \
    { prefix "bottom", round, fn, CG_AFTER }, { prefix "left", round, fn, CG_START }
#define RSIDES(prefix, suffix, fn) \
    { prefix "before" suffix, 2, fn, CG_BEFORE }, { prefix "end" suffix, 2, fn, CG_END }, \
    { prefix "after" suffix, 2, fn, CG_AFTER }, { prefix "start" suffix, 2, fn, CG_START }
#define ASIDES(prefix, suffix, fn) \
    { prefix "top" suffix, 1, fn, CG_BEFORE }, { prefix "right" suffix, 1, fn, CG_END }, \
    { prefix "bottom" suffix, 1, fn, CG_AFTER }, { prefix "left" suffix, 1, fn, CG_START }

static const prop_def props[] = {
    { "margin", 0, f_four, SH_MARGIN },
    { "padding", 0, f_four, SH_PADDING },
    { "border-width", 0, f_four, SH_BWIDTH },
    { "border-style", 0, f_four, SH_BSTYLE },
    { "border-color", 0, f_four, SH_BCOLOR },
    { "border", 0, f_border, -1 },
    { "white-space", 0, f_white_space, 0 },
    { "page-break-before", 0, f_page_break, 0 },
    { "page-break-after", 0, f_page_break, 1 },
    { "page-break-inside", 0, f_page_break, 2 },
    SIDES("margin-", 1, f_margin),
    ASIDES("padding-", "", f_padding),
    ASIDES("border-", "", f_border),
    ASIDES("border-", "-width", f_border_width),
    ASIDES("border-", "-style", f_border_style),
    ASIDES("border-", "-color", f_border_color),
    RSIDES("padding-", "", f_padding),
    RSIDES("border-", "", f_border),
    RSIDES("border-", "-width", f_border_width),
    RSIDES("border-", "-style", f_border_style),
    RSIDES("border-", "-color", f_border_color),
    RSIDES("padding-", ".length", f_padding),
    RSIDES("border-", "-width.length", f_border_width),
    RSIDES("padding-", ".conditionality", f_conditionality),
    RSIDES("border-", "-width.conditionality", f_conditionality),
    { "space-before", 2, f_space, 0 },
    { "space-before.minimum", 2, f_space, 0 },
    { "space-before.optimum", 2, f_space, 0 },
    { "space-before.maximum", 2, f_space, 0 },
    { "space-before.precedence", 2, f_space, 0 },
    { "space-before.conditionality", 2, f_space, 0 },
    { "space-after", 2, f_space, 1 },
    { "space-after.minimum", 2, f_space, 1 },
    { "space-after.optimum", 2, f_space, 1 },
    { "space-after.maximum", 2, f_space, 1 },
    { "space-after.precedence", 2, f_space, 1 },
    { "space-after.conditionality", 2, f_space, 1 },
    { "start-indent", 2, f_inh_len, IL_START },
    { "end-indent", 2, f_inh_len, IL_END },
    { "text-indent", 2, f_inh_len, IL_TEXT_INDENT },
    { "last-line-end-indent", 2, f_inh_len, IL_LAST_LINE_END_INDENT },
    { "provisional-distance-between-starts", 2, f_inh_len, IL_PDBS },
    { "provisional-label-separation", 2, f_inh_len, IL_PLS },
    { "keep-together", 2, f_keep, 0 },
    { "keep-together.within-page", 2, f_keep, 0 },
    { "keep-together.within-column", 2, f_keep, 0 },
    { "keep-together.within-line", 2, f_keep, 0 },
    { "keep-with-next", 2, f_keep, 1 },
    { "keep-with-next.within-page", 2, f_keep, 1 },
    { "keep-with-next.within-column", 2, f_keep, 1 },
    { "keep-with-next.within-line", 2, f_keep, 1 },
    { "keep-with-previous", 2, f_keep, 2 },
    { "keep-with-previous.within-page", 2, f_keep, 2 },
    { "keep-with-previous.within-column", 2, f_keep, 2 },
    { "keep-with-previous.within-line", 2, f_keep, 2 },
    { "break-before", 2, f_break, 0 },
    { "break-after", 2, f_break, 1 },
    { "font-family", 2, f_font_family, 0 },
    { "font-weight", 2, f_font_weight, 0 },
    { "font-style", 2, f_font_style, 0 },
    { "font-variant", 2, f_font_variant, 0 },
    { "color", 2, f_color, 0 },
    { "background-color", 2, f_color, 1 },
    { "line-height", 2, f_line_height, 0 },
    { "text-align", 2, f_text_align, 0 },
    { "text-align-last", 2, f_text_align, 1 },
    { "letter-spacing", 2, f_spacing, 0 },
    { "letter-spacing.optimum", 2, f_spacing, 0 },
    { "word-spacing.optimum", 2, f_spacing, 1 },
    { "word-spacing", 2, f_spacing, 1 },
    { "hyphenate", 2, f_bool, 0 },
    { "white-space-collapse", 2, f_bool, 1 },
    { "widows", 2, f_int, 0 },
    { "orphans", 2, f_int, 1 },
    { "hyphenation-push-character-count", 2, f_int, 2 },
    { "hyphenation-remain-character-count", 2, f_int, 3 },
    { "hyphenation-character", 2, f_hyph_char, 0 },
    { "language", 2, f_lang, 0 },
    { "country", 2, f_lang, 1 },
    { "xml:lang", 2, f_lang, 2 },
    { "linefeed-treatment", 2, f_linefeed, 0 },
    { "white-space-treatment", 2, f_ws_treatment, 0 },
    { "wrap-option", 2, f_wrap, 0 },
    { "leader-pattern", 2, f_leader_pattern, 0 },
    { "leader-length", 2, f_leader_length, 0 },
    { "leader-length.minimum", 2, f_leader_length, 0 },
    { "leader-length.optimum", 2, f_leader_length, 0 },
    { "leader-length.maximum", 2, f_leader_length, 0 },
    { "leader-pattern-width", 2, f_rule, 2 },
    { "rule-thickness", 2, f_rule, 0 },
    { "rule-style", 2, f_rule, 1 },
    { "text-decoration", 2, f_text_decoration, 0 },
    { "baseline-shift", 2, f_baseline_shift, 0 },
    { "vertical-align", 2, f_baseline_shift, 1 },
    { "width", 2, f_dimension, 0 },
    { "height", 2, f_dimension, 1 },
    { "inline-progression-dimension", 2, f_dimension, 0 },
    { "inline-progression-dimension.optimum", 2, f_dimension, 0 },
    { "inline-progression-dimension.minimum", 2, f_dimension, 0 },
    { "inline-progression-dimension.maximum", 2, f_dimension, 0 },
    { "block-progression-dimension", 2, f_dimension, 1 },
    { "block-progression-dimension.optimum", 2, f_dimension, 1 },
    { "block-progression-dimension.minimum", 2, f_dimension, 1 },
    { "block-progression-dimension.maximum", 2, f_dimension, 1 },
    { "content-width", 2, f_dimension, 2 },
    { "content-height", 2, f_dimension, 3 },
    { "scaling", 2, f_scaling, 0 },
    { "display-align", 2, f_display_align, 0 },
    { "visibility", 2, f_visibility, 0 },
    { "text-transform", 2, f_text_transform, 0 },
    { "border-collapse", 2, f_border_collapse, 0 },
    { "border-separation", 2, f_border_collapse, 1 },
    { "border-spacing", 2, f_border_collapse, 1 },
    { "border-separation.inline-progression-direction", 2, f_border_collapse, 2 },
    { "border-separation.block-progression-direction", 2, f_border_collapse, 3 },
    { "role", 2, f_role, 0 },
    { "cx:role", 2, f_role, 0 },
    { "cx:cjk-latin-spacing", 2, f_cjk_spacing, 0 },
    /* rl-tb / rl: right-to-left lines; vertical modes are not supported. */
    { "writing-mode", 2, f_writing_mode, 0 },
    { "relative-position", 2, f_ignore, 0 },
    { "overflow", 2, f_ignore, 0 },
    { "font-selection-strategy", 2, f_ignore, 0 },
    { "line-stacking-strategy", 2, f_line_stacking, 0 },
    { "line-height-shift-adjustment", 2, f_ignore, 0 },
    { "alignment-baseline", 2, f_alignment_baseline, 0 },
    { "dominant-baseline", 2, f_ignore, 0 },
    { "alignment-adjust", 2, f_ignore, 0 },
    { "score-spaces", 2, f_ignore, 0 },
    { "text-altitude", 2, f_ignore, 0 },
    { "text-depth", 2, f_ignore, 0 },
    { "table-omit-header-at-break", 2, f_ignore, 0 },
    { "table-omit-footer-at-break", 2, f_ignore, 0 },
    { "empty-cells", 2, f_ignore, 0 },
    { "border-before-precedence", 2, f_ignore, 0 },
    { "border-after-precedence", 2, f_ignore, 0 },
    { "border-start-precedence", 2, f_ignore, 0 },
    { "border-end-precedence", 2, f_ignore, 0 },
    { "intrusion-displace", 2, f_ignore, 0 },
    { "hyphenation-keep", 2, f_ignore, 0 },
    { "hyphenation-ladder-count", 2, f_ignore, 0 },
    { "font-stretch", 2, f_ignore, 0 },
    { "font-size-adjust", 2, f_ignore, 0 },
    { "clip", 2, f_ignore, 0 },
    { "span", 2, f_ignore, 0 },
    { "destination-placement-offset", 2, f_ignore, 0 },
    { "show-destination", 2, f_ignore, 0 },
    { "indicate-destination", 2, f_ignore, 0 },
    { "target-presentation-context", 2, f_ignore, 0 },
    { "target-processing-context", 2, f_ignore, 0 },
    { "target-stylesheet", 2, f_ignore, 0 },
    { "auto-restore", 2, f_ignore, 0 },
    { "starting-state", 2, f_ignore, 0 },
    { "source-document", 2, f_ignore, 0 },
    { "text-shadow", 2, f_ignore, 0 },
    { "treat-as-word-space", 2, f_ignore, 0 },
    { "suppress-at-line-break", 2, f_ignore, 0 },
    { "glyph-orientation-horizontal", 2, f_ignore, 0 },
    { "glyph-orientation-vertical", 2, f_ignore, 0 },
    { "relative-align", 2, f_bidi, 2 },
    { "direction", 2, f_bidi, 0 },
    { "unicode-bidi", 2, f_bidi, 1 },
    { "script", 2, f_ignore, 0 },
    { "z-index", 2, f_ignore, 0 },
    { "force-page-count", 2, f_ignore, 0 },
    { "reference-orientation", 2, f_ignore, 0 },
    { "content-type", 2, f_ignore, 0 },
    { "media-usage", 2, f_ignore, 0 },
};

/* Attributes that select or name things rather than style them: read by the
 * FO tree builder or layout for the objects that use them. */
static const char *const layout_attrs[] = {
    "id", "master-name", "master-reference", "page-position", "odd-or-even", "blank-or-not-blank",
    "maximum-repeats", "region-name", "extent", "precedence", "flow-name",
    "initial-page-number", "page-width", "page-height", "src", "ref-id", "ref-id-last",
    "internal-destination", "external-destination", "number-columns-spanned",
    "number-rows-spanned", "column-number", "column-width", "number-columns-repeated",
    "table-layout", "character", "format", "grouping-separator", "grouping-size",
    "letter-value", "absolute-position", "top", "left", "bottom", "right",
    "column-count", "column-gap", "text-align", "ends-row", "starts-row",
    "background-image", "background-repeat", "background-position",
    "background-position-horizontal", "background-position-vertical", "background-attachment",
    "fox:alt-text", "role", "cx:alt-text", "retrieve-class-name", "retrieve-position",
    "retrieve-boundary", "marker-class-name", "provisional-distance-between-starts",
    "show-destination", "merge-pages-across-index-key-references",
    "initial-page-number", "force-page-count", "display-align",
};

gboolean cg_props_is_layout_attr(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(layout_attrs); i++)
        if (!strcmp(name, layout_attrs[i]))
            return TRUE;
    return FALSE;
}

static GHashTable *prop_index;   /* name -> prop_def*, built once */

static const prop_def *find_prop(const char *name)
{
    if (!prop_index) {
        GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
        for (size_t i = 0; i < G_N_ELEMENTS(props); i++)
            g_hash_table_insert(h, (gpointer)props[i].name, (gpointer)&props[i]);
        prop_index = h;
    }
    return g_hash_table_lookup(prop_index, name);
}

/* ---- computing ----------------------------------------------------------- */

static gboolean font_size_value(const char *v, double parent, double *out)
{
    static const struct { const char *k; double f; } abs_sizes[] = {
        { "xx-small", 7 }, { "x-small", 8.3 }, { "small", 10 }, { "medium", 12 },
        { "large", 14.4 }, { "x-large", 17.3 }, { "xx-large", 20.7 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(abs_sizes); i++)
        if (!strcmp(v, abs_sizes[i].k)) { *out = abs_sizes[i].f; return TRUE; }
    if (!strcmp(v, "larger")) { *out = parent * 1.2; return TRUE; }
    if (!strcmp(v, "smaller")) { *out = parent / 1.2; return TRUE; }
    cg_len l;
    if (!cg_parse_length(v, parent, &l) || l.flags)
        return FALSE;
    *out = l.abs + l.rel * parent;
    return TRUE;
}

static void warn(cg_prop_ctx *c, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void warn(cg_prop_ctx *c, const char *fmt, ...)
{
    if (!c->d)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    cg_xml_diag(c->d, CG_WARNING, c->node, "%s", msg);
    g_free(msg);
}

/* A number without a unit (other than 0), such as font-size="36". XSL 1.1
 * §5.11 requires a unit for a length; where the property takes a length,
 * circgen reads the number as points, as Apache FOP does (pixels at its 72
 * dpi), and warns. */
static gboolean bare_number(const char *v)
{
    char *end;
    if (!*v || g_ascii_isalpha(*v))
        return FALSE;
    double d = g_ascii_strtod(v, &end);
    return end != v && !*end && d != 0 && isfinite(d);
}

static void warn_unitless(cg_prop_ctx *c, const char *v, const char *name)
{
    warn(c, "value '%s' for property '%s' on fo:%s has no unit: taken as %spt "
         "(XSL 1.1 §5.11 requires a unit)", v, name, c->fo_name, v);
}

/* The attribute's name as written in FO: prefix:name for namespaced ones. */
static char *attr_name(xmlAttrPtr a)
{
    if (a->ns && a->ns->href) {
        if (!strcmp((const char *)a->ns->href, EXT_NS))
            return g_strconcat("cx:", (const char *)a->name, NULL);
        if (!strcmp((const char *)a->ns->href, "http://www.w3.org/XML/1998/namespace"))
            return g_strconcat("xml:", (const char *)a->name, NULL);
        return g_strconcat(a->ns->prefix ? (const char *)a->ns->prefix : "?", ":",
                           (const char *)a->name, NULL);
    }
    return g_strdup((const char *)a->name);
}

/* font-size first: em lengths of every other property refer to it. */
static void compute_font_size(cg_props *p, xmlNodePtr el, cg_prop_ctx *ctx, double parent_fs)
{
    xmlChar *fs = xmlGetNoNsProp(el, (const xmlChar *)"font-size");
    if (fs) {
        double v = -1;
        char *s = g_strstrip(g_strdup((const char *)fs));
        gboolean ok = font_size_value(s, parent_fs, &v);
        if (!ok && bare_number(s)) {
            char *pt = g_strconcat(s, "pt", NULL);
            ok = font_size_value(pt, parent_fs, &v);
            g_free(pt);
            if (ok)
                warn_unitless(ctx, s, "font-size");
        }
        if (!ok || v < 0 || !isfinite(v))
            warn(ctx, "invalid value '%s' for property 'font-size' on fo:%s; using %gpt",
                 (const char *)fs, ctx->fo_name, parent_fs);
        else if (v > 10000) {
            warn(ctx, "font-size '%s' on fo:%s is larger than 10000pt; using 10000pt",
                 (const char *)fs, ctx->fo_name);
            p->i.font_size = 10000;
        } else if (v < 0.1) {
            warn(ctx, "font-size '%s' on fo:%s is too small to set; using 0.1pt",
                 (const char *)fs, ctx->fo_name);
            p->i.font_size = 0.1;
        } else
            p->i.font_size = v;
        g_free(s);
        xmlFree(fs);
    }
}

/* Border colours default to this element's color. */
static void default_border_colors(cg_props *p, xmlNodePtr el)
{
    for (int k = 0; k < 4; k++)
        p->n.border[k] = (cg_border){ 1, CG_BS_NONE, p->i.color };
    /* color itself is needed before borders: apply it now (it is reapplied below, harmlessly). */
    xmlChar *col = xmlGetNoNsProp(el, (const xmlChar *)"color");
    if (col) {
        cg_color c;
        if (cg_parse_color(g_strstrip((char *)col), &c))
            for (int k = 0; k < 4; k++)
                p->n.border[k].color = c;
        xmlFree(col);
    }
}

/* An absolute side (margin-left, padding-right, border-left-width...: round 1)
 * names the start or end slot by the writing mode (XSL 1.1 §5.3.1, §7.29.7):
 * in rl-tb, right is the start and left the end. */
static prop_def absolute_side(const cg_props *p, const prop_def *def)
{
    prop_def d = *def;
    if (p->i.rtl && def->round == 1 && (def->arg == CG_START || def->arg == CG_END))
        d.arg = def->arg == CG_START ? CG_END : CG_START;
    return d;
}

/* The value of one property of this round, "inherit" or the property's own; warns of invalid ones. */
static void apply_value(cg_props *p, const cg_props *parent, const prop_def *def, const char *name,
                        xmlAttrPtr a, cg_prop_ctx *ctx)
{
    xmlChar *raw = xmlNodeGetContent((xmlNodePtr)a);
    char *v = g_strstrip(g_strdup(raw ? (const char *)raw : ""));
    xmlFree(raw);
    prop_def sided = absolute_side(p, def);
    if (!strcmp(v, "inherit")) {
        /* Inherited properties already hold the parent's value; others
         * take it explicitly for the common cases. */
        if (parent && !strncmp(name, "background-color", 16))
            p->n.background = parent->n.background;
        else if (parent && !strncmp(name, "space-before", 12))
            p->n.space_before = parent->n.space_before;
        else if (parent && !strncmp(name, "space-after", 11))
            p->n.space_after = parent->n.space_after;
    } else if (!def->fn(p, parent, &sided, v, ctx)) {
        char *pt = bare_number(v) ? g_strconcat(v, "pt", NULL) : NULL;
        if (pt && def->fn(p, parent, &sided, pt, ctx))
            warn_unitless(ctx, v, name);
        else
            warn(ctx, "invalid value '%s' for property '%s' on fo:%s ignored", v, name,
                 ctx->fo_name);
        g_free(pt);
    }
    g_free(v);
}

/* One attribute in one round: applied when its property belongs to the round; unknown ones
 * warned about in round 0. */
static void apply_attr(cg_props *p, const cg_props *parent, xmlAttrPtr a, cg_prop_ctx *ctx, int round)
{
    char *name = attr_name(a);
    if (!strcmp(name, "font-size")) {
        g_free(name);
        return;
    }
    const prop_def *def = find_prop(name);
    if (!def) {
        if (round == 0 && !cg_props_is_layout_attr(name) && strncmp(name, "xmlns", 5)) {
            if (a->ns && strcmp(name, "xml:lang") && strncmp(name, "xml:", 4))
                warn(ctx, "unsupported extension property '%s' on fo:%s ignored",
                     name, ctx->fo_name);
            else if (!a->ns)
                warn(ctx, "unsupported property '%s' on fo:%s ignored", name, ctx->fo_name);
        }
        g_free(name);
        return;
    }
    if (def->round != round) {
        g_free(name);
        return;
    }
    apply_value(p, parent, def, name, a, ctx);
    g_free(name);
}

/* XSL 1.1 §5.3.2: on blocks, margin-left/right set start/end-indent unless
 * those are given: indent = inherited indent + margin + padding + border. */
static void margins_to_indents(cg_props *p, const cg_props *parent, xmlNodePtr el)
{
    const cg_inherited *pi = parent ? &parent->i : NULL;
    if (!p->n.start_indent_set && p->n.margin_set[CG_START]) {
        cg_len l = pi ? pi->start_indent : (cg_len){ 0, 0, 0 };
        l.abs += p->n.margin[CG_START].abs + p->n.padding[CG_START].abs + p->n.border[CG_START].width;
        l.rel += p->n.margin[CG_START].rel + p->n.padding[CG_START].rel;
        p->i.start_indent = l;
    }
    if (!p->n.end_indent_set && p->n.margin_set[CG_END]) {
        cg_len l = pi ? pi->end_indent : (cg_len){ 0, 0, 0 };
        l.abs += p->n.margin[CG_END].abs + p->n.padding[CG_END].abs + p->n.border[CG_END].width;
        l.rel += p->n.margin[CG_END].rel + p->n.padding[CG_END].rel;
        p->i.end_indent = l;
    }
    /* margin-top/bottom are space-before/after when those are not given;
     * such spaces are not conditional (XSL 1.1 §5.3.2, as CSS margins):
     * kept at the top of a page too. */
    if (p->n.margin_set[CG_BEFORE] && !xmlHasProp(el, (const xmlChar *)"space-before") &&
        !xmlHasProp(el, (const xmlChar *)"space-before.optimum")) {
        cg_len m = p->n.margin[CG_BEFORE];
        p->n.space_before.min = p->n.space_before.opt = p->n.space_before.max = m;
        p->n.space_before.retain = TRUE;
    }
    if (p->n.margin_set[CG_AFTER] && !xmlHasProp(el, (const xmlChar *)"space-after") &&
        !xmlHasProp(el, (const xmlChar *)"space-after.optimum")) {
        cg_len m = p->n.margin[CG_AFTER];
        p->n.space_after.min = p->n.space_after.opt = p->n.space_after.max = m;
        p->n.space_after.retain = TRUE;
    }
}

void cg_props_compute(cg_props *p, const cg_props *parent, xmlNodePtr el, cg_prop_ctx *ctx,
                      gboolean block_level)
{
    if (parent) {
        p->i = parent->i;
        cg_props init;
        cg_props_init(&init);
        p->n = init.n;
    } else
        cg_props_init(p);
    double parent_fs = parent ? parent->i.font_size : 12;

    compute_font_size(p, el, ctx, parent_fs);
    /* the writing mode first: it maps the absolute sides of the other properties */
    xmlChar *wm = xmlGetNoNsProp(el, (const xmlChar *)"writing-mode");
    if (wm) {
        const char *w = g_strstrip((char *)wm);
        if (!strcmp(w, "rl-tb") || !strcmp(w, "rl") || !strcmp(w, "lr-tb") || !strcmp(w, "lr"))
            p->i.rtl = w[0] == 'r';
        xmlFree(wm);
    }
    default_border_colors(p, el);

    for (int round = 0; round <= 2; round++)
        for (xmlAttrPtr a = el->properties; a; a = a->next)
            apply_attr(p, parent, a, ctx, round);

    for (int k = 0; k < 4; k++)
        if (p->n.border[k].style == CG_BS_NONE || p->n.border[k].style == CG_BS_HIDDEN)
            p->n.border[k].width = 0;

    if (block_level)
        margins_to_indents(p, parent, el);
    /* A space given only as .optimum: min and max follow it. */
    cg_space *sps[2] = { &p->n.space_before, &p->n.space_after };
    for (int k = 0; k < 2; k++) {
        if (sps[k]->min.abs > sps[k]->opt.abs) sps[k]->min = sps[k]->opt;
        if (sps[k]->max.abs < sps[k]->opt.abs) sps[k]->max = sps[k]->opt;
    }
}
