/* fo_props.h — computed XSL-FO properties: values, parsing, inheritance.
 *
 * Each formatting object carries one cg_props holding the computed value of
 * every property circgen supports. Writing modes are lr-tb and rl-tb: before =
 * top, after = bottom, start = left and end = right in lr-tb, start = right and
 * end = left in rl-tb; the relative and absolute names of a property
 * (padding-start / padding-left, or padding-right in rl-tb) share one slot;
 * where both are given, the relative one wins (XSL 1.1 §5.3.1).
 *
 * Lengths are in points. A length may depend on a base known only at layout
 * time (a percentage of the containing block's width, label-end(), body-start());
 * cg_len keeps those parts apart and cg_len_resolve() adds them up.
 */
#ifndef CG_FO_PROPS_H
#define CG_FO_PROPS_H

#include <glib.h>
#include <libxml/tree.h>
#include "base/base.h"

enum { CG_LEN_AUTO = 1, CG_LEN_LABEL_END = 2, CG_LEN_BODY_START = 4, CG_LEN_PROPORTIONAL = 8 };

/* A length: abs + rel * base, where base is the property's percentage base.
 * CG_LEN_PROPORTIONAL: abs is the proportional-column-width() factor. */
typedef struct {
    double abs, rel;
    unsigned flags;
} cg_len;

/* Context for label-end() and body-start(), from the enclosing list-block. */
typedef struct {
    double ref_width;      /* width of the reference area's content rectangle */
    double start_indent;   /* start-indent of the list-item */
    double pdbs, pls;      /* provisional-distance-between-starts, -label-separation */
} cg_list_ctx;

/* Resolve a length against base (the percentage base); lc may be NULL. */
double cg_len_resolve(cg_len l, double base, const cg_list_ctx *lc);

#define CG_KEEP_ALWAYS 1000000   /* keep-* = always; integers are 1..999999 */

typedef struct { double r, g, b, a; } cg_color;       /* a = 0: transparent */

enum { CG_BS_NONE, CG_BS_HIDDEN, CG_BS_SOLID, CG_BS_DASHED, CG_BS_DOTTED, CG_BS_DOUBLE,
       CG_BS_GROOVE, CG_BS_RIDGE, CG_BS_INSET, CG_BS_OUTSET };

typedef struct {
    double width;          /* computed: 0 when the style is none or hidden */
    int style;             /* CG_BS_* */
    cg_color color;
} cg_border;

/* Sides, in XSL order for lr-tb. */
enum { CG_BEFORE, CG_END, CG_AFTER, CG_START };

typedef struct {
    cg_len min, opt, max;
    int precedence;        /* G_MAXINT for "force" */
    gboolean retain;       /* conditionality = retain */
} cg_space;

enum { CG_ALIGN_START, CG_ALIGN_END, CG_ALIGN_LEFT, CG_ALIGN_RIGHT, CG_ALIGN_CENTER,
       CG_ALIGN_JUSTIFY, CG_ALIGN_RELATIVE /* text-align-last: relative */ };
enum { CG_LF_TREAT_AS_SPACE, CG_LF_PRESERVE, CG_LF_IGNORE, CG_LF_ZWSP };
enum { CG_WST_IGNORE_IF_SURROUNDING_LF, CG_WST_PRESERVE, CG_WST_IGNORE,
       CG_WST_IGNORE_BEFORE_LF, CG_WST_IGNORE_AFTER_LF };
enum { CG_BREAK_AUTO, CG_BREAK_PAGE, CG_BREAK_COLUMN, CG_BREAK_EVEN_PAGE, CG_BREAK_ODD_PAGE };
enum { CG_LEADER_SPACE, CG_LEADER_RULE, CG_LEADER_DOTS, CG_LEADER_USE_CONTENT };
enum { CG_TD_UNDERLINE = 1, CG_TD_OVERLINE = 2, CG_TD_LINE_THROUGH = 4 };
enum { CG_BSHIFT_BASELINE, CG_BSHIFT_SUPER, CG_BSHIFT_SUB, CG_BSHIFT_LENGTH };
/* alignment-baseline (and vertical-align, XSL 1.1 §7.14.10): where an inline
 * object's box sits in the line, other than on the parent's baseline */
enum { CG_VALIGN_BASELINE, CG_VALIGN_TOP, CG_VALIGN_MIDDLE, CG_VALIGN_BOTTOM,
       CG_VALIGN_TEXT_TOP, CG_VALIGN_TEXT_BOTTOM, CG_VALIGN_CENTRAL };
enum { CG_DA_AUTO, CG_DA_BEFORE, CG_DA_CENTER, CG_DA_AFTER };
enum { CG_SCALE_UNIFORM, CG_SCALE_NON_UNIFORM };
enum { CG_TT_NONE, CG_TT_UPPER, CG_TT_LOWER, CG_TT_CAPITALIZE };

#define CG_CJK_SPACING_AUTO (-1.0)

/* direction: not given (the writing mode's), ltr, rtl; unicode-bidi: normal,
 * embed, bidi-override, isolate (CSS3; the templates' isolates are characters) */
enum { CG_DIR_AUTO, CG_DIR_LTR, CG_DIR_RTL };
enum { CG_UBIDI_NORMAL, CG_UBIDI_EMBED, CG_UBIDI_OVERRIDE, CG_UBIDI_ISOLATE };

/* Inherited properties (copied from the parent, then overridden). */
typedef struct {
    const char *font_family;     /* interned: valid as long as the tree */
    double font_size;
    int font_weight;             /* 100..900 */
    int font_style;              /* 0 normal, 1 italic, 2 oblique */
    gboolean small_caps;
    cg_color color;
    gboolean lh_is_factor;       /* line-height: a number (factor of font-size) */
    double line_height;          /* factor, or points */
    gboolean lss_font_height;    /* line-stacking-strategy="font-height": lines as tall as
                                  * the block's own line-height, whatever their text */
    int text_align, text_align_last;
    cg_len text_indent, last_line_end_indent;
    cg_len start_indent, end_indent;
    double letter_spacing, word_spacing;
    gboolean hyphenate;
    int hyph_push, hyph_remain;  /* hyphenation-push/remain-character-count */
    gunichar hyph_char;
    const char *language, *country;   /* interned; "" when none */
    int linefeed_treatment, white_space_treatment;
    gboolean white_space_collapse, wrap;
    int widows, orphans;
    int keep_together_page, keep_together_column;   /* 0 auto, else strength */
    cg_len pdbs, pls;
    int leader_pattern;
    cg_len leader_min, leader_opt, leader_max;
    double rule_thickness;
    int rule_style;
    cg_len leader_pattern_width;
    int text_decoration;         /* CG_TD_* bits; propagates like an inherited value */
    int display_align;
    gboolean visible;
    int text_transform;
    gboolean border_collapse;    /* border-collapse = collapse (table) */
    double border_spacing;       /* border-separation: inline-progression-direction */
    double border_spacing_b;     /* border-separation: block-progression-direction */
    double cjk_latin_spacing;    /* cx:cjk-latin-spacing: CG_CJK_SPACING_AUTO (1/4 em,
                                    shrinkable to 1/8 em), 0 none, else a length in pt */
    gboolean rtl;                /* writing-mode rl-tb / rl: lines run right to left
                                    (the paragraph's base direction; start is right) */
    int direction;               /* CG_DIR_*: direction (XSL 1.1 §7.29.1), for unicode-bidi */
    gboolean relative_baseline;  /* relative-align="baseline" (XSL 1.1 §7.14.13): a list-item's
                                    label and body aligned on their first baselines */
} cg_inherited;

/* Properties that are not inherited: reset to their initial values on each FO. */
typedef struct {
    cg_space space_before, space_after;
    cg_len margin[4];            /* CG_BEFORE.. order */
    gboolean margin_set[4];
    gboolean start_indent_set, end_indent_set;
    cg_len padding[4];
    cg_border border[4];
    gboolean padding_retain[4], border_retain[4];  /* .conditionality = retain (inlines:
                                   kept where a line break or a nested block splits them) */
    cg_color background;
    int keep_with_next_page, keep_with_previous_page;
    int break_before, break_after;
    cg_len width, height;        /* also inline-/block-progression-dimension */
    cg_len content_width, content_height;  /* CG_LEN_AUTO; rel = scale-to-fit when 1 and flag 16 */
    int scaling;
    int baseline_shift;
    cg_len baseline_shift_len;
    int valign;                  /* CG_VALIGN_*: alignment-baseline */
    int display_align;
    const char *role;            /* cx:role or role; interned, NULL if none */
    int unicode_bidi;            /* CG_UBIDI_*: unicode-bidi (XSL 1.1 §7.29.3) */
} cg_noninherited;

typedef struct {
    cg_inherited i;
    cg_noninherited n;
} cg_props;

/* The slots of the physical left and right sides: start and end in lr-tb,
 * end and start in rl-tb (XSL 1.1 §5.3.1). Slots are relative; layout turns
 * them into left and right with these. */
static inline int cg_side_left(const cg_props *p) { return p->i.rtl ? CG_END : CG_START; }
static inline int cg_side_right(const cg_props *p) { return p->i.rtl ? CG_START : CG_END; }

/* Initial values of all properties (XSL 1.1 initial values; font-family serif,
 * font-size 12pt). */
void cg_props_init(cg_props *p);

/* Where a property value comes from, for diagnostics. */
typedef struct {
    cg_diags *d;
    xmlNodePtr node;             /* the FO element: its file:line:col */
    GStringChunk *strings;       /* interning pool owned by the tree */
    const char *fo_name;         /* "block", for messages */
} cg_prop_ctx;

/* Compute p for element el from its parent's computed properties (NULL for the
 * root). Every attribute of el is either applied, accepted as an attribute that
 * the layout reads itself (cg_props_is_layout_attr), or reported as unsupported.
 * Bad values give a warning and leave the inherited or initial value. */
void cg_props_compute(cg_props *p, const cg_props *parent, xmlNodePtr el, cg_prop_ctx *ctx,
                      gboolean block_level);

/* Parse one length expression ("2cm", "10% + 3pt", "body-start()", "1.2em").
 * font_size is the em base. FALSE on a syntax error (*out untouched). */
gboolean cg_parse_length(const char *s, double font_size, cg_len *out);

/* Parse a colour (#rgb, #rrggbb, names, rgb(r,g,b), transparent). */
gboolean cg_parse_color(const char *s, cg_color *out);

/* Attributes that are not style properties but read by the layout for specific
 * objects (master-name, src, ref-id, number-columns-spanned, ...). */
gboolean cg_props_is_layout_attr(const char *name);

/* Largest length accepted, in points (about 35 m): beyond it a warning and a fallback. */
#define CG_MAX_LENGTH 100000.0

#endif
