/* fo_text.c — paragraphs: inline content to shaped lines.
 *
 * A paragraph is shaped once: Pango itemizes the whole text and shapes each
 * item; every later step (items for the fitter, pieces of lines, drawing)
 * refers to ranges of those glyph strings. Only the hyphen added at a
 * hyphenated line end is shaped apart (once per item).
 */
#include "fo_text.h"
#include "fo_image.h"
#include "fo_breaks.h"
#include "fo_cjk.h"
#include "fo_hyph.h"
#include "fo_linebreak.h"
#include "fonts.h"
#include "base/base.h"

#include <math.h>
#include <string.h>

#define OBJ_CHAR 0xFFFC

typedef enum { OBJ_LEADER, OBJ_IMAGE, OBJ_PAGE_NUMBER, OBJ_CITATION, OBJ_CITATION_LAST } obj_kind;

typedef struct {
    obj_kind kind;
    const cg_fo *fo;
    cg_image *img;
    double w, h;                /* image size */
    const char *ref;            /* citation ref-id */
} obj;

/* An inline-level FO with borders or padding: its characters [c0, c1). */
typedef struct {
    const cg_fo *fo;
    int c0, c1;
    int span;                   /* a span of the FO's own properties (font, shift) */
    double pad[4];              /* resolved (build_items) */
    gboolean open_start, open_end;  /* the inline goes on from the segment before, into the
                                 * one after (blocks nested in it): no border there */
    int parent;                 /* the ibox around it, or -1 (build_items) */
} ibox;

typedef enum { ANCHOR_FOOTNOTE, ANCHOR_ID } anchor_kind;
typedef struct {
    anchor_kind kind;
    int c;                      /* character position */
    const cg_fo *fo;            /* footnote-body, or the FO with the id */
} anchor;

struct cg_para {
    const cg_fo *block;
    GString *text;
    GArray *chars;              /* gunichar */
    GArray *bytes;              /* int: byte offset of each char (+ one past the end) */
    GArray *char_span;          /* int */
    GArray *char_obj;           /* int: index into objs or -1 */
    GArray *fixed_space;        /* gboolean: a preserved space (not glue) */
    GArray *spans;              /* cg_span */
    GArray *objs;               /* obj */
    GArray *anchors;            /* anchor */
    GArray *iboxes;             /* ibox, in document order (outer before inner) */
    GArray *page_breaks;        /* int pairs (c, CG_BREAK_*): a forced break before the line
                                 * starting at char c (blocks inside inlines), or NULL */
    gboolean after_lf;
    /* shaping */
    int n_items;
    PangoItem **items;
    PangoGlyphString **glyphs;
    PangoGlyphString **hyphens; /* lazily shaped hyphen per item */
    int *char_item;
    double *char_w;
    double *end_trim;           /* width a line ending after this character loses:
                                   half of a full-width closing or stop mark (GB/T 15834) */
    double *blank;              /* the blank half a full-width mark of Chinese text still
                                   has (0: none, or given up to a neighbouring mark) */
    /* collection of one segment of inline content interrupted by blocks
     * nested in its inlines (cg_para_collect_segment) */
    gboolean segmented;
    int seg, seg_target;        /* nested blocks met so far; the segment wanted */
    const cg_fo *seg_block;     /* the nested block ending the segment wanted */
    int *item_span;             /* after layout (char_item, char_w, end_trim, blank, char_span and
                                   fixed_space freed): each item's first span */
};

/* ---- collection ---------------------------------------------------------- */

/* The content of a leader when it is text only (collapsed white space
 * trimmed), for leader-pattern="use-content"; NULL otherwise. Caller frees. */
static char *leader_content_text(const cg_fo *fo)
{
    GString *s = g_string_new(NULL);
    for (const cg_fo *c = fo->first; c; c = c->next) {
        if (c->kind != FO_TEXT || !c->text) {
            g_string_free(s, TRUE);
            return NULL;
        }
        g_string_append(s, c->text);
    }
    char *t = g_strstrip(g_string_free(s, FALSE));
    if (!*t) {
        g_free(t);
        return NULL;
    }
    return t;
}

/* Is fo inline content of the paragraph (not its block or a container)? */
static gboolean in_line(const cg_para *pa, const cg_fo *a)
{
    return a && a != pa->block && !cg_fo_is_block_level(a->kind) &&
           a->kind != FO_FLOW && a->kind != FO_STATIC_CONTENT &&
           a->kind != FO_TABLE_CELL && a->kind != FO_LIST_ITEM_BODY &&
           a->kind != FO_LIST_ITEM_LABEL && a->kind != FO_FOOTNOTE_BODY;
}

/* The background of the innermost inline-level FO from fo up to the
 * paragraph's block that has one (alpha 0: none). */
static cg_color inline_background(const cg_para *pa, const cg_fo *fo)
{
    for (const cg_fo *a = fo; in_line(pa, a); a = a->parent)
        if (a->kind != FO_TEXT && a->p && a->p->n.background.a > 0)
            return a->p->n.background;
    return (cg_color){ 0 };
}

static int span_for(cg_layout *L, cg_para *pa, const cg_props *p, const char *uri,
                    const char *dest, const cg_fo *fo)
{
    cg_color bg = inline_background(pa, fo);
    /* vertical-align places inline-level objects, not a block's own text */
    int valign = in_line(pa, fo) ? p->n.valign : CG_VALIGN_BASELINE;
    /* Reuse the last span when nothing differs (the common case: text nodes). */
    if (pa->spans->len) {
        cg_span *last = &g_array_index(pa->spans, cg_span, pa->spans->len - 1);
        if (last->p == p && last->link_uri == uri && last->link_dest == dest &&
            !memcmp(&last->background, &bg, sizeof bg) && last->valign == valign)
            return (int)pa->spans->len - 1;
    }
    cg_span s = { p, uri, dest, cg_layout_font(L, p, fo), 0, NULL, bg, valign };
    switch (p->n.baseline_shift) {
    case CG_BSHIFT_SUPER: s.shift = p->i.font_size * 0.45; break;
    case CG_BSHIFT_SUB: s.shift = -p->i.font_size * 0.2; break;
    case CG_BSHIFT_LENGTH: {
        double lh = p->i.lh_is_factor ? p->i.line_height * p->i.font_size : p->i.line_height;
        s.shift = cg_len_resolve(p->n.baseline_shift_len, lh, NULL);
        break;
    }
    default: break;
    }
    g_array_append_val(pa->spans, s);
    return (int)pa->spans->len - 1;
}

static void push_char(cg_para *pa, gunichar c, int span, int objidx, gboolean fixed)
{
    int b = (int)pa->text->len;
    g_array_append_val(pa->bytes, b);
    g_string_append_unichar(pa->text, c);
    g_array_append_val(pa->chars, c);
    g_array_append_val(pa->char_span, span);
    g_array_append_val(pa->char_obj, objidx);
    g_array_append_val(pa->fixed_space, fixed);
}

static gunichar last_char(cg_para *pa)
{
    return pa->chars->len ? g_array_index(pa->chars, gunichar, pa->chars->len - 1) : 0;
}

static gboolean last_is_collapsible_space(cg_para *pa)
{
    guint n = pa->chars->len;
    return n && g_array_index(pa->chars, gunichar, n - 1) == ' ' &&
           !g_array_index(pa->fixed_space, gboolean, n - 1);
}

static void pop_char(cg_para *pa)
{
    guint n = pa->chars->len;
    int b = g_array_index(pa->bytes, int, n - 1);
    g_string_truncate(pa->text, (gsize)b);
    g_array_set_size(pa->chars, n - 1);
    g_array_set_size(pa->bytes, n - 1);
    g_array_set_size(pa->char_span, n - 1);
    g_array_set_size(pa->char_obj, n - 1);
    g_array_set_size(pa->fixed_space, n - 1);
    for (guint k = 0; k < pa->iboxes->len; k++) {
        ibox *b = &g_array_index(pa->iboxes, ibox, k);
        b->c0 = MIN(b->c0, (int)n - 1);
        if (b->c1 >= 0)
            b->c1 = MIN(b->c1, (int)n - 1);
    }
}

/* Nothing but bidi embedding controls so far (an override or embedding that
 * opens the paragraph): white space here is at its start, and collapses. */
static gboolean at_start(const cg_para *pa)
{
    for (guint i = 0; i < pa->chars->len; i++) {
        gunichar c = g_array_index(pa->chars, gunichar, i);
        if (!((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
            return FALSE;
    }
    return TRUE;
}

static void add_text(cg_para *pa, const char *s, const cg_props *p, int span)
{
    const cg_inherited *in = &p->i;
    gboolean cap_next = pa->chars->len == 0 || g_unichar_isspace(last_char(pa));
    if (!g_utf8_validate(s, -1, NULL))
        return;   /* the XML parser guarantees UTF-8; be safe anyway */
    for (const char *q = s; *q; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        if (c == '\n') {
            switch (in->linefeed_treatment) {
            case CG_LF_IGNORE: continue;
            case CG_LF_ZWSP: c = 0x200B; break;
            case CG_LF_PRESERVE:
                if (in->white_space_treatment == CG_WST_IGNORE_IF_SURROUNDING_LF ||
                    in->white_space_treatment == CG_WST_IGNORE_BEFORE_LF)
                    while (last_is_collapsible_space(pa))
                        pop_char(pa);
                push_char(pa, '\n', span, -1, FALSE);
                pa->after_lf = TRUE;
                cap_next = TRUE;
                continue;
            default: c = ' '; break;
            }
        }
        if (c == '\t' || c == '\r')
            c = ' ';
        if (c == ' ') {
            gboolean collapsible = in->white_space_collapse ||
                                   in->white_space_treatment != CG_WST_PRESERVE;
            if (in->white_space_treatment == CG_WST_IGNORE)
                continue;
            if (pa->after_lf && (in->white_space_treatment == CG_WST_IGNORE_IF_SURROUNDING_LF ||
                                 in->white_space_treatment == CG_WST_IGNORE_AFTER_LF))
                continue;
            if (in->white_space_collapse && collapsible &&
                (at_start(pa) || last_is_collapsible_space(pa) || last_char(pa) == '\n'))
                continue;
            push_char(pa, ' ', span, -1, !collapsible);
            cap_next = TRUE;
            continue;
        }
        pa->after_lf = FALSE;
        switch (in->text_transform) {
        case CG_TT_UPPER: c = g_unichar_toupper(c); break;
        case CG_TT_LOWER: c = g_unichar_tolower(c); break;
        case CG_TT_CAPITALIZE: if (cap_next) c = g_unichar_totitle(c); break;
        default: break;
        }
        cap_next = !g_unichar_isalnum(c);
        push_char(pa, c, span, -1, FALSE);
    }
}

static void add_obj(cg_para *pa, obj o, int span)
{
    g_array_append_val(pa->objs, o);
    push_char(pa, OBJ_CHAR, span, (int)pa->objs->len - 1, FALSE);
    pa->after_lf = FALSE;
}

static void add_anchor(cg_para *pa, anchor_kind k, const cg_fo *fo)
{
    anchor a = { k, (int)pa->chars->len, fo };
    g_array_append_val(pa->anchors, a);
}

/* content-width/-height scale-to-fit (kind 0), scale-down-to-fit (1),
 * scale-up-to-fit (2): the intrinsic size i fitted to the viewport's v
 * (v <= 0: none, the intrinsic size). */
static double fit_dim(double i, double v, double kind)
{
    if (v <= 0)
        return i;
    if (kind == 1)
        return MIN(i, v);
    if (kind == 2)
        return MAX(i, v);
    return v;
}

/* Image size from content-width/height, width/height and scaling (XSL 1.1 §6.6.5). */
static void graphic_size(const cg_fo *fo, cg_image *img, double avail_w, double *w, double *h)
{
    const cg_noninherited *n = &fo->p->n;
    double iw = img ? img->w : 12, ih = img ? img->h : 12;
    gboolean cw_auto = n->content_width.flags & CG_LEN_AUTO;
    gboolean ch_auto = n->content_height.flags & CG_LEN_AUTO;
    double vw = n->width.flags & CG_LEN_AUTO ? -1 : cg_len_resolve(n->width, avail_w, NULL);
    double vh = n->height.flags & CG_LEN_AUTO ? -1 : cg_len_resolve(n->height, 0, NULL);
    double cw = iw, ch = ih;
    if (!cw_auto)
        cw = (n->content_width.flags & 16) ? fit_dim(iw, vw > 0 ? vw : avail_w, n->content_width.abs)
                                           : cg_len_resolve(n->content_width, iw, NULL);
    if (!ch_auto)
        ch = (n->content_height.flags & 16) ? fit_dim(ih, vh, n->content_height.abs)
                                            : cg_len_resolve(n->content_height, ih, NULL);
    if (n->scaling == CG_SCALE_UNIFORM && iw > 0 && ih > 0) {
        if (!cw_auto && ch_auto)
            ch = ih * cw / iw;
        else if (cw_auto && !ch_auto)
            cw = iw * ch / ih;
        else if (!cw_auto && !ch_auto) {
            double s = MIN(cw / iw, ch / ih);
            cw = iw * s;
            ch = ih * s;
        }
    }
    *w = MAX(cw, 0);
    *h = MAX(ch, 0);
}

/* break-before/-after of a block inside an inline: a forced page break
 * between the lines around the current position (none at the start). */
static void add_page_break(cg_para *pa, int kind)
{
    if (kind == CG_BREAK_AUTO)
        return;
    /* not in table cells, footnotes, static content...: only in the flow's
     * own blocks (a forced break splitting a row piece mid-paragraph is not
     * supported) */
    for (const cg_fo *a = pa->block; a; a = a->parent)
        if (a->kind == FO_TABLE_CELL || a->kind == FO_FOOTNOTE_BODY || a->kind == FO_STATIC_CONTENT ||
            a->kind == FO_LIST_ITEM || a->kind == FO_BLOCK_CONTAINER)
            return;
    if (!pa->page_breaks)
        pa->page_breaks = g_array_new(FALSE, FALSE, sizeof(int));
    int v[2] = { (int)pa->chars->len, kind };
    g_array_append_vals(pa->page_breaks, v, 2);
}

/* The kind of a forced break recorded at a char in (from, to], else 0
 * (from -1: the paragraph's first line, a break at char 0 included). */
static int page_break_in(const cg_para *pa, int from, int to)
{
    for (guint k = 0; pa->page_breaks && k + 1 < pa->page_breaks->len; k += 2) {
        int c = g_array_index(pa->page_breaks, int, k);
        if (c > from && c <= to)
            return g_array_index(pa->page_breaks, int, k + 1);
    }
    return 0;
}

static void collect(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                    const char *dest, int depth);

static void collect_children(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                             const char *dest, int depth)
{
    for (const cg_fo *c = fo->first; c; c = c->next)
        collect(L, pa, c, uri, dest, depth + 1);
}

/* Inline objects whose content is laid out within the paragraph: a block
 * nested in them is set as a block area of its own between the lines. */
static gboolean inline_container(cg_fo_kind k)
{
    return k == FO_INLINE || k == FO_WRAPPER || k == FO_BASIC_LINK || k == FO_UNKNOWN ||
           k == FO_FOOTNOTE || k == FO_LEADER || k == FO_BIDI_OVERRIDE;
}

/* An explicit bidi embedding around an inline's content (XSL 1.1 §5.8.5,
 * §7.29.3): unicode-bidi embed, bidi-override (fo:bidi-override's own
 * purpose when it says nothing) or isolate, in the direction given, else
 * the writing mode's; set as the Unicode controls (RLE, LRO, RLI...), which
 * Pango's bidi resolves. 0: none. */
static gunichar bidi_open(const cg_fo *fo)
{
    const cg_props *p = fo->p;
    int ub = p->n.unicode_bidi;
    if (fo->kind == FO_BIDI_OVERRIDE && ub == CG_UBIDI_NORMAL)
        ub = CG_UBIDI_OVERRIDE;
    gboolean rtl = p->i.direction == CG_DIR_AUTO ? p->i.rtl : p->i.direction == CG_DIR_RTL;
    switch (ub) {
    case CG_UBIDI_EMBED: return rtl ? 0x202B : 0x202A;
    case CG_UBIDI_OVERRIDE: return rtl ? 0x202E : 0x202D;
    case CG_UBIDI_ISOLATE: return rtl ? 0x2067 : 0x2066;
    default: return 0;
    }
}

static gboolean nested_block(cg_fo_kind k)
{
    return cg_fo_is_block_level(k) || k == FO_LIST_ITEM;
}

static void collect_fo(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                       const char *dest, int depth);

/* Does inline-level fo have borders or padding (drawn around its content,
 * the start and end ones taking room in the line)? */
static gboolean has_inline_box(const cg_fo *fo)
{
    switch (fo->kind) {
    case FO_INLINE: case FO_BASIC_LINK: case FO_CHARACTER: case FO_PAGE_NUMBER:
    case FO_PAGE_NUMBER_CITATION: case FO_PAGE_NUMBER_CITATION_LAST: case FO_EXTERNAL_GRAPHIC:
    case FO_INSTREAM_FOREIGN_OBJECT:
        break;
    case FO_LEADER:
        /* use-content leaders set the borders and padding around each copy */
        if (fo->p->i.leader_pattern == CG_LEADER_USE_CONTENT)
            return FALSE;
        break;
    default:
        return FALSE;
    }
    const cg_noninherited *n = &fo->p->n;
    for (int k = 0; k < 4; k++)
        if (n->border[k].width > 0 || n->padding[k].abs != 0 || n->padding[k].rel != 0)
            return TRUE;
    return FALSE;
}

static void collect(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                    const char *dest, int depth)
{
    if (!fo->p || !has_inline_box(fo) || (pa->segmented && pa->seg > pa->seg_target)) {
        collect_fo(L, pa, fo, uri, dest, depth);
        return;
    }
    /* (no characters are collected before the segment wanted: c0 is right
     * for an inline going on from an earlier segment too) */
    guint k = pa->iboxes->len;
    ibox b = { fo, (int)pa->chars->len, -1, span_for(L, pa, fo->p, uri, dest, fo), { 0 },
               pa->segmented && pa->seg < pa->seg_target, FALSE, -1 };
    g_array_append_val(pa->iboxes, b);
    collect_fo(L, pa, fo, uri, dest, depth);
    ibox *r = &g_array_index(pa->iboxes, ibox, k);
    r->c0 = MIN(r->c0, (int)pa->chars->len);
    r->c1 = (int)pa->chars->len;
    r->open_end = pa->segmented && pa->seg > pa->seg_target;
    if ((pa->segmented && pa->seg < pa->seg_target) || (r->c1 <= r->c0 && (r->open_start || r->open_end)))
        r->c0 = r->c1 = -1;     /* ending before the segment, or none of it in this one: none */
    /* an empty inline keeps its borders and padding (c0 = c1) */
}

/* Collecting one segment (cg_para_collect_segment): does fo stand outside
 * the segment wanted (a nested block ending a segment, or content of
 * another one; only the nested blocks are counted there)? */
static gboolean outside_segment(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                                const char *dest, int depth)
{
    if (nested_block(fo->kind)) {
        if (pa->seg == pa->seg_target)
            pa->seg_block = fo;
        pa->seg++;
        return TRUE;
    }
    if (pa->seg != pa->seg_target) {
        /* outside the segment wanted: only count the nested blocks */
        if (inline_container(fo->kind) && depth <= 150)
            for (const cg_fo *c = fo->first; c; c = c->next)
                collect(L, pa, c, uri, dest, depth + 1);
        return TRUE;
    }
    return FALSE;
}

/* The URI of an external-destination: url('...') as XSL writes URIs
 * unwrapped (interned in the tree's strings), else u itself. */
static const char *link_uri(cg_layout *L, const char *u)
{
    size_t n = strlen(u);
    if (n > 5 && !strncmp(u, "url(", 4) && u[n - 1] == ')') {
        char *x = g_strndup(u + 4, n - 5);
        g_strstrip(x);
        size_t m = strlen(x);
        if (m >= 2 && (x[0] == '\'' || x[0] == '"') && x[m - 1] == x[0]) {
            x[m - 1] = 0;
            memmove(x, x + 1, m - 1);
        }
        u = g_string_chunk_insert_const(L->t->strings, x);
        g_free(x);
    }
    return u;
}

/* fo:page-number, fo:page-number-citation(-last): an object (a citation
 * without ref-id is ignored, one to an unknown id warned about). */
static void collect_page_number(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                                const char *dest)
{
    obj o = { fo->kind == FO_PAGE_NUMBER ? OBJ_PAGE_NUMBER
              : fo->kind == FO_PAGE_NUMBER_CITATION ? OBJ_CITATION : OBJ_CITATION_LAST,
              fo, NULL, 0, 0, NULL };
    if (fo->kind != FO_PAGE_NUMBER) {
        o.ref = cg_fo_attr(L->t, fo, "ref-id");
        if (!o.ref) {
            cg_xml_diag(L->d, CG_WARNING, fo->xml, "fo:%s without ref-id ignored",
                        cg_fo_kind_name(fo->kind));
            return;
        }
        if (!g_hash_table_contains(L->t->ids, o.ref))
            cg_xml_diag(L->d, CG_WARNING, fo->xml, "fo:%s refers to id '%s', which does not exist",
                        cg_fo_kind_name(fo->kind), o.ref);
    }
    add_obj(pa, o, span_for(L, pa, fo->p, uri, dest, fo));
}

/* fo:leader: an object; with leader-pattern="use-content", its text kept
 * in its span (repeated when drawn), or other content set once. */
static void collect_leader(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                           const char *dest, int depth)
{
    const cg_props *p = fo->p;
    char *lt = p->i.leader_pattern == CG_LEADER_USE_CONTENT ? leader_content_text(fo) : NULL;
    if (lt) {
        obj o = { OBJ_LEADER, fo, NULL, 0, 0, NULL };
        int si = span_for(L, pa, p, uri, dest, fo);
        cg_span *spn = &g_array_index(pa->spans, cg_span, si);
        if (!spn->leader_text)
            spn->leader_text = lt;
        else
            g_free(lt);
        add_obj(pa, o, si);
        return;
    }
    if (p->i.leader_pattern == CG_LEADER_USE_CONTENT && fo->first) {
        cg_layout_warn_once(L, fo, "leader-pattern=\"use-content\" is set as its content once");
        collect_children(L, pa, fo, uri, dest, depth);
        return;
    }
    obj o = { OBJ_LEADER, fo, NULL, 0, 0, NULL };
    add_obj(pa, o, span_for(L, pa, p, uri, dest, fo));
}

/* fo:external-graphic, fo:instream-foreign-object (not supported): an
 * image object of the graphic's size (an empty box when there is no image). */
static void collect_graphic(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                            const char *dest)
{
    cg_image *img = NULL;
    if (fo->kind == FO_EXTERNAL_GRAPHIC) {
        const char *src = cg_fo_attr(L->t, fo, "src");
        img = src ? cg_image_get(L, fo, src) : NULL;
        if (!src)
            cg_xml_diag(L->d, CG_WARNING, fo->xml, "fo:external-graphic without src: an empty box is set");
    } else
        cg_layout_warn_once(L, fo, "fo:instream-foreign-object is not supported: an empty box is set");
    obj o = { OBJ_IMAGE, fo, img, 0, 0, NULL };
    graphic_size(fo, img, L->footnote_width, &o.w, &o.h);
    add_obj(pa, o, span_for(L, pa, fo->p, uri, dest, fo));
}

/* Around a block inside an inline: the line so far ends (collapsible
 * spaces at its end dropped), with a forced page break of kind brk_kind. */
static void end_nested_line(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                            const char *dest, int brk_kind)
{
    while (last_is_collapsible_space(pa))
        pop_char(pa);
    if (pa->chars->len && last_char(pa) != '\n')
        push_char(pa, '\n', span_for(L, pa, fo->p, uri, dest, fo), -1, FALSE);
    pa->after_lf = TRUE;
    add_page_break(pa, brk_kind);
}

static void collect_fo(cg_layout *L, cg_para *pa, const cg_fo *fo, const char *uri,
                       const char *dest, int depth)
{
    const cg_props *p = fo->p;
    if (pa->segmented && outside_segment(L, pa, fo, uri, dest, depth))
        return;
    if (fo->id && fo->kind != FO_TEXT)
        add_anchor(pa, ANCHOR_ID, fo);
    switch (fo->kind) {
    case FO_TEXT:
        add_text(pa, fo->text, p, span_for(L, pa, p, uri, dest, fo->parent));
        return;
    case FO_CHARACTER: {
        const char *ch = cg_fo_attr(L->t, fo, "character");
        if (!ch || !*ch) {
            cg_layout_warn_once(L, fo, "fo:character without a character attribute ignored");
            return;
        }
        add_text(pa, ch, p, span_for(L, pa, p, uri, dest, fo));
        return;
    }
    case FO_BASIC_LINK: {
        const char *u = cg_fo_attr(L->t, fo, "external-destination");
        const char *dd = cg_fo_attr(L->t, fo, "internal-destination");
        if (u)
            uri = link_uri(L, u);
        if (dd)
            dest = dd;
        gunichar bo = bidi_open(fo);
        if (bo)
            push_char(pa, bo, span_for(L, pa, p, uri, dest, fo), -1, FALSE);
        collect_children(L, pa, fo, uri, dest, depth);
        if (bo)
            push_char(pa, bo >= 0x2066 ? 0x2069 : 0x202C, span_for(L, pa, p, uri, dest, fo), -1, FALSE);
        return;
    }
    case FO_PAGE_NUMBER:
    case FO_PAGE_NUMBER_CITATION:
    case FO_PAGE_NUMBER_CITATION_LAST:
        collect_page_number(L, pa, fo, uri, dest);
        return;
    case FO_LEADER:
        collect_leader(L, pa, fo, uri, dest, depth);
        return;
    case FO_EXTERNAL_GRAPHIC:
    case FO_INSTREAM_FOREIGN_OBJECT:
        collect_graphic(L, pa, fo, uri, dest);
        return;
    case FO_FOOTNOTE: {
        for (const cg_fo *c = fo->first; c; c = c->next) {
            if (c->kind == FO_FOOTNOTE_BODY)
                add_anchor(pa, ANCHOR_FOOTNOTE, c);
            else
                collect(L, pa, c, uri, dest, depth + 1);
        }
        return;
    }
    case FO_FOOTNOTE_BODY:
        add_anchor(pa, ANCHOR_FOOTNOTE, fo);
        return;
    default:
        break;
    }
    if (cg_fo_is_block_level(fo->kind) || fo->kind == FO_LIST_ITEM || fo->kind == FO_TABLE_ROW ||
        fo->kind == FO_TABLE_CELL) {
        /* A block inside an inline: set its content on lines of its own. */
        cg_layout_warn_once(L, fo, "fo:%s inside an inline is set as its text between line breaks",
                            cg_fo_kind_name(fo->kind));
        end_nested_line(L, pa, fo, uri, dest, fo->p->n.break_before);
        collect_children(L, pa, fo, uri, dest, depth);
        end_nested_line(L, pa, fo, uri, dest, fo->p->n.break_after);
        return;
    }
    if (depth > 150) {
        cg_layout_warn_once(L, fo, "inline content nested too deep is skipped");
        return;
    }
    /* inline, wrapper, bidi-override, unknown objects: their content. */
    gunichar bo = bidi_open(fo);
    if (bo)
        push_char(pa, bo, span_for(L, pa, p, uri, dest, fo), -1, FALSE);
    collect_children(L, pa, fo, uri, dest, depth);
    if (bo)
        push_char(pa, bo >= 0x2066 ? 0x2069 : 0x202C, span_for(L, pa, p, uri, dest, fo), -1, FALSE);
    if (pa->segmented && pa->seg != pa->seg_target)
        return;     /* the inline goes on after the segment */
    if (fo->id && pa->chars->len) {
        /* the id again with its last character: the line holding it gives
         * the last page (page-number-citation-last) */
        anchor a = { ANCHOR_ID, (int)pa->chars->len - 1, fo };
        g_array_append_val(pa->anchors, a);
    }
}

static gboolean has_footnote_anchor(const cg_para *pa)
{
    for (guint i = 0; i < pa->anchors->len; i++)
        if (g_array_index(pa->anchors, anchor, i).kind == ANCHOR_FOOTNOTE)
            return TRUE;
    return FALSE;
}

/* May text stand directly in fo? Not in the objects whose content is
 * (%block;)+ (XSL 1.1 §6.4.18 fo:flow, §6.5.3 fo:block-container, §6.7.10
 * fo:table-cell...): text there is an error, which FOP ignores too. */
static gboolean block_takes_text(const cg_fo *fo)
{
    switch (fo->kind) {
    case FO_FLOW: case FO_STATIC_CONTENT: case FO_BLOCK_CONTAINER: case FO_TABLE_CELL:
    case FO_LIST_ITEM_LABEL: case FO_LIST_ITEM_BODY: case FO_FOOTNOTE_BODY:
        return FALSE;
    default:
        return TRUE;
    }
}

static cg_para *collect_range(cg_layout *L, const cg_fo *block, const cg_fo *first, const cg_fo *stop,
                              int seg, const cg_fo **nested, GPtrArray *lost_ids)
{
    cg_para *pa = g_new0(cg_para, 1);
    pa->segmented = nested != NULL;
    pa->seg_target = seg;
    pa->block = block;
    pa->text = g_string_new(NULL);
    pa->chars = g_array_new(FALSE, FALSE, sizeof(gunichar));
    pa->bytes = g_array_new(FALSE, FALSE, sizeof(int));
    pa->char_span = g_array_new(FALSE, FALSE, sizeof(int));
    pa->char_obj = g_array_new(FALSE, FALSE, sizeof(int));
    pa->fixed_space = g_array_new(FALSE, FALSE, sizeof(gboolean));
    pa->spans = g_array_new(FALSE, FALSE, sizeof(cg_span));
    pa->objs = g_array_new(FALSE, FALSE, sizeof(obj));
    pa->anchors = g_array_new(FALSE, FALSE, sizeof(anchor));
    pa->iboxes = g_array_new(FALSE, FALSE, sizeof(ibox));
    gboolean no_text = !block_takes_text(block);
    /* unicode-bidi="bidi-override" on a block overrides the order of all its
     * inline content (as CSS2 §9.10 for block containers); embed and isolate
     * do nothing there */
    gboolean block_override = block->p->n.unicode_bidi == CG_UBIDI_OVERRIDE;
    if (block_override)
        push_char(pa, bidi_open(block), span_for(L, pa, block->p, NULL, NULL, block), -1, FALSE);
    for (const cg_fo *c = first; c && c != stop; c = c->next) {
        if (no_text && c->kind == FO_TEXT) {
            gboolean blank = TRUE;
            for (const char *q = c->text; q && *q && blank; q++)
                blank = *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r';
            if (!blank)
                cg_xml_diag(L->d, CG_WARNING, c->xml, "text directly inside fo:%s is not allowed "
                            "(its content is blocks, XSL 1.1 §6.2): ignored", cg_fo_kind_name(block->kind));
            continue;
        }
        collect(L, pa, c, NULL, NULL, 0);
    }
    while (last_is_collapsible_space(pa))
        pop_char(pa);
    /* A trailing preserved line feed ends the last line; it adds no line. */
    if (pa->chars->len && last_char(pa) == '\n' && pa->block->p->i.linefeed_treatment != CG_LF_PRESERVE)
        pop_char(pa);
    if (block_override && pa->chars->len == 1)
        pop_char(pa);           /* nothing but the override: nothing to set */
    else if (block_override)
        push_char(pa, 0x202C, span_for(L, pa, block->p, NULL, NULL, block), -1, FALSE);
    int b = (int)pa->text->len;
    g_array_append_val(pa->bytes, b);
    if (nested)
        *nested = pa->seg_block;
    if (pa->chars->len == 0 && !has_footnote_anchor(pa)) {
        /* nothing to set: ids alone (empty wrappers, inlines) make no empty
         * line; the caller records them with zero-height markers */
        for (guint i = 0; lost_ids && i < pa->anchors->len; i++)
            if (g_array_index(pa->anchors, anchor, i).kind == ANCHOR_ID)
                g_ptr_array_add(lost_ids, (gpointer)g_array_index(pa->anchors, anchor, i).fo);
        cg_para_free(pa);
        return NULL;
    }
    pa->seg_block = NULL;
    return pa;
}

cg_para *cg_para_collect(cg_layout *L, const cg_fo *block, const cg_fo *first, const cg_fo *stop)
{
    return collect_range(L, block, first, stop, 0, NULL, NULL);
}

cg_para *cg_para_collect_segment(cg_layout *L, const cg_fo *block, const cg_fo *first,
                                 const cg_fo *stop, int k, const cg_fo **nested, GPtrArray *lost_ids)
{
    return collect_range(L, block, first, stop, k, nested, lost_ids);
}

void cg_para_free(cg_para *pa)
{
    if (!pa)
        return;
    for (int i = 0; i < pa->n_items; i++) {
        pango_item_free(pa->items[i]);
        pango_glyph_string_free(pa->glyphs[i]);
        if (pa->hyphens[i])
            pango_glyph_string_free(pa->hyphens[i]);
    }
    g_free(pa->items);
    g_free(pa->glyphs);
    g_free(pa->hyphens);
    g_free(pa->char_item);
    g_free(pa->char_w);
    g_free(pa->end_trim);
    g_free(pa->blank);
    for (guint i = 0; i < pa->spans->len; i++) {
        pango_font_description_free(g_array_index(pa->spans, cg_span, i).font);
        g_free((char *)g_array_index(pa->spans, cg_span, i).leader_text);
    }
    g_string_free(pa->text, TRUE);
    g_array_free(pa->chars, TRUE);
    g_array_free(pa->bytes, TRUE);
    if (pa->char_span)
        g_array_free(pa->char_span, TRUE);
    g_array_free(pa->char_obj, TRUE);
    if (pa->fixed_space)
        g_array_free(pa->fixed_space, TRUE);
    g_free(pa->item_span);
    g_array_free(pa->spans, TRUE);
    g_array_free(pa->objs, TRUE);
    g_array_free(pa->anchors, TRUE);
    g_array_free(pa->iboxes, TRUE);
    if (pa->page_breaks)
        g_array_free(pa->page_breaks, TRUE);
    g_free(pa);
}

/* ---- shaping ------------------------------------------------------------- */

#define CH(pa, i) g_array_index((pa)->chars, gunichar, i)
#define SPAN(pa, i) g_array_index((pa)->char_span, int, i)
#define OBJ(pa, i) g_array_index((pa)->char_obj, int, i)
#define BYTE(pa, i) g_array_index((pa)->bytes, int, i)

/* The Chinese family of a Pango family list ("Liberation Serif,Noto Serif CJK SC,serif"):
 * the first with "CJK" in its name, else the pinned Song or Hei face. */
static char *chinese_family(const PangoFontDescription *fd)
{
    const char *fam = pango_font_description_get_family(fd);
    gboolean sans = FALSE;
    if (fam) {
        char **parts = g_strsplit(fam, ",", -1);
        for (char **q = parts; *q; q++) {
            char *f = g_strstrip(*q);
            if (strstr(f, "CJK")) {
                char *r = g_strdup(f);
                g_strfreev(parts);
                return r;
            }
            if (strstr(f, "Sans") || strstr(f, "sans"))
                sans = TRUE;
        }
        g_strfreev(parts);
    }
    return g_strdup(sans ? "Noto Sans CJK SC" : "Noto Serif CJK SC");
}

/* Is span s of Chinese text (language zh)? */
static gboolean span_is_zh(cg_para *pa, int s)
{
    const cg_span *sp = &g_array_index(pa->spans, cg_span, s);
    return !strcmp(sp->p->i.language, "zh");
}

/* Does the glyph string of item k (shaped as gs) come from a font whose
 * full-width punctuation can be halved with the OpenType feature halt? Shape
 * the item again with halt and take, for each compressible mark of a
 * Chinese span, the half-width advance and offset. Returns the halt glyph
 * string (caller frees) or NULL when the font has no such feature. */
static PangoGlyphString *shape_halt(cg_para *pa, PangoItem *it, PangoGlyphString *gs)
{
    PangoItem *hi = pango_item_copy(it);
    PangoAttribute *fa = pango_attr_font_features_new("halt");
    fa->start_index = 0;
    fa->end_index = G_MAXUINT;
    hi->analysis.extra_attrs = g_slist_append(hi->analysis.extra_attrs, fa);
    PangoGlyphString *hg = pango_glyph_string_new();
    pango_shape_with_flags(pa->text->str + it->offset, it->length, pa->text->str,
                           (int)pa->text->len, &hi->analysis, hg, PANGO_SHAPE_NONE);
    pango_item_free(hi);
    gboolean same = hg->num_glyphs == gs->num_glyphs;
    for (int g = 0; same && g < gs->num_glyphs; g++)
        same = hg->glyphs[g].glyph == gs->glyphs[g].glyph &&
               hg->log_clusters[g] == gs->log_clusters[g];
    if (!same) {
        pango_glyph_string_free(hg);
        return NULL;
    }
    return hg;
}

typedef struct {
    int item, glyph;            /* the mark's only glyph, or -1 */
    double full, half;          /* advance, and with halt (points) */
    int half_xoff;              /* x offset with halt (Pango units) */
} mark_info;

/* The attributes of the paragraph's text for itemizing: each span's font
 * (“ ” ‘ ’ · — … inside Chinese text from the Chinese face) and language. */
static PangoAttrList *shape_attrs(cg_para *pa)
{
    int n = (int)pa->chars->len;
    const gunichar *chars = (const gunichar *)pa->chars->data;
    PangoAttrList *attrs = pango_attr_list_new();
    char lbuf[32];
    for (int i = 0; i < n;) {
        int s = SPAN(pa, i), j = i;
        /* “ ” ‘ ’ · — … inside Chinese text: from the Chinese face (full-width
         * quotes, centred dashes and ellipses, GB/T 15834), even where the
         * Latin face comes first. */
        gboolean cjk_mark = span_is_zh(pa, s) && cg_cjk_mark_in_chinese(chars, n, i);
        while (j < n && SPAN(pa, j) == s &&
               (span_is_zh(pa, s) && cg_cjk_mark_in_chinese(chars, n, j)) == cjk_mark)
            j++;
        cg_span *sp = &g_array_index(pa->spans, cg_span, s);
        PangoAttribute *a;
        if (cjk_mark) {
            PangoFontDescription *fd = pango_font_description_copy(sp->font);
            char *fam = chinese_family(sp->font);
            pango_font_description_set_family(fd, fam);
            g_free(fam);
            a = pango_attr_font_desc_new(fd);
            pango_font_description_free(fd);
        } else
            a = pango_attr_font_desc_new(sp->font);
        a->start_index = (guint)BYTE(pa, i);
        a->end_index = (guint)BYTE(pa, j);
        pango_attr_list_insert(attrs, a);
        const char *lang = cg_layout_lang(sp->p, lbuf);
        if (*lang) {
            a = pango_attr_language_new(pango_language_from_string(lang));
            a->start_index = (guint)BYTE(pa, i);
            a->end_index = (guint)BYTE(pa, j);
            pango_attr_list_insert(attrs, a);
        }
        i = j;
    }
    return attrs;
}

/* Full-width marks of Chinese spans in item k (shaped as gs): their half
 * widths from halt, in mk (only marks of one glyph that halt really halves). */
static void halt_marks(cg_para *pa, int k, PangoItem *it, PangoGlyphString *gs, const int *b2c,
                       mark_info *mk)
{
    int n = (int)pa->chars->len;
    gboolean any = FALSE;
    for (int c = b2c[it->offset]; c < n && pa->char_item[c] == k && BYTE(pa, c) < it->offset + it->length; c++)
        if (cg_cjk_punct_class(CH(pa, c)) != CG_PUNCT_NONE && span_is_zh(pa, SPAN(pa, c)))
            any = TRUE;
    PangoGlyphString *hg = any ? shape_halt(pa, it, gs) : NULL;
    if (!hg)
        return;
    for (int g = 0; g < gs->num_glyphs; g++) {
        int c = b2c[it->offset + gs->log_clusters[g]];
        if (cg_cjk_punct_class(CH(pa, c)) == CG_PUNCT_NONE || !span_is_zh(pa, SPAN(pa, c)))
            continue;
        gboolean single = (g == 0 || gs->log_clusters[g - 1] != gs->log_clusters[g]) &&
                          (g + 1 == gs->num_glyphs || gs->log_clusters[g + 1] != gs->log_clusters[g]);
        double full = gs->glyphs[g].geometry.width / (double)PANGO_SCALE;
        double half = hg->glyphs[g].geometry.width / (double)PANGO_SCALE;
        double em = g_array_index(pa->spans, cg_span, SPAN(pa, c)).p->i.font_size;
        /* only full-width marks that halt really halves */
        if (!single || fabs(full - em) > em * 0.05 || fabs(half - em / 2) > em * 0.05)
            continue;
        mk[c] = (mark_info){ k, g, full, half, hg->glyphs[g].geometry.x_offset };
    }
    pango_glyph_string_free(hg);
}

/* Shape item k (it): its glyphs, the item of each of its characters, their
 * widths (letter-spacing added after each visible cluster); b2c: the
 * character of each byte. */
static void shape_item(cg_para *pa, int k, PangoItem *it, const int *b2c, mark_info *mk)
{
    int n = (int)pa->chars->len;
    pa->items[k] = it;
    PangoGlyphString *gs = pango_glyph_string_new();
    /* No rounding: glyph positions stay exact for PDF. */
    pango_shape_with_flags(pa->text->str + it->offset, it->length, pa->text->str,
                           (int)pa->text->len, &it->analysis, gs, PANGO_SHAPE_NONE);
    pa->glyphs[k] = gs;
    int c_first = b2c[it->offset];
    for (int c = c_first; c < n && BYTE(pa, c) < it->offset + it->length; c++)
        pa->char_item[c] = k;
    int last_cluster = -1;
    for (int g = 0; g < gs->num_glyphs; g++) {
        int c = b2c[it->offset + gs->log_clusters[g]];
        pa->char_w[c] += gs->glyphs[g].geometry.width / (double)PANGO_SCALE;
        if (gs->log_clusters[g] != last_cluster) {
            last_cluster = gs->log_clusters[g];
            cg_span *sp = &g_array_index(pa->spans, cg_span, SPAN(pa, c));
            if (!cg_invisible_char(CH(pa, c)))
                pa->char_w[c] += sp->p->i.letter_spacing;
        }
    }
    halt_marks(pa, k, it, gs, b2c, mk);
}

/* Punctuation compression (clreq 3.1.6, GB/T 15834): two adjacent
 * full-width marks take at most 1.5 em (cg_cjk_pair_compress: which one
 * gives up its blank half). Marks that could end a line record the half
 * they lose there; every mark, the blank half it still has. */
static void compress_marks(cg_para *pa, const mark_info *mk)
{
    int n = (int)pa->chars->len;
    for (int i = 0; i < n; i++) {
        if (mk[i].glyph < 0)
            continue;
        cg_punct_class ci = cg_cjk_punct_class(CH(pa, i));
        int j = i + 1;
        cg_punct_class cj = j < n && mk[j].glyph >= 0 ? cg_cjk_punct_class(CH(pa, j)) : CG_PUNCT_NONE;
        int which = cg_cjk_pair_compress(ci, cj);
        int victim = which == 1 ? i : which == 2 ? j : -1;
        if (victim >= 0 && pa->char_w[victim] > mk[victim].half + 1e-6) {
            PangoGlyphInfo *gi = &pa->glyphs[mk[victim].item]->glyphs[mk[victim].glyph];
            gi->geometry.width = (int)lround(mk[victim].half * PANGO_SCALE);
            gi->geometry.x_offset += mk[victim].half_xoff;
            pa->char_w[victim] -= mk[victim].full - mk[victim].half;
        }
    }
    for (int i = 0; i < n; i++) {
        cg_punct_class ci = mk[i].glyph >= 0 ? cg_cjk_punct_class(CH(pa, i)) : CG_PUNCT_NONE;
        if ((ci == CG_PUNCT_CLOSE || ci == CG_PUNCT_STOP) && pa->char_w[i] > mk[i].half + 1e-6)
            pa->end_trim[i] = pa->char_w[i] - mk[i].half;
        if (ci != CG_PUNCT_NONE && pa->char_w[i] > mk[i].half + 1e-6)
            pa->blank[i] = pa->char_w[i] - mk[i].half;
    }
}

/* Text in a script whose pinned face is missing (Arabic without Amiri) is an
 * error naming the Debian package, never a silent fallback to another face;
 * once per script. */
static void check_script_faces(cg_layout *L, cg_para *pa, GList *items)
{
    for (GList *l = items; l; l = l->next) {
        const char *fam, *pkg;
        PangoScript sc = ((PangoItem *)l->data)->analysis.script;
        if (!cg_fonts_script_face_missing(sc, &fam, &pkg))
            continue;
        char *key = g_strdup_printf("script face %s", fam);
        if (!g_hash_table_contains(L->warned, key)) {
            cg_xml_diag(L->d, CG_ERROR, pa->block->xml, "this text needs the pinned font family '%s', "
                        "which is not installed (Debian package %s)", fam, pkg);
            g_hash_table_add(L->warned, key);
        } else
            g_free(key);
    }
}

static void shape(cg_layout *L, cg_para *pa)
{
    int n = (int)pa->chars->len;
    PangoAttrList *attrs = shape_attrs(pa);
    GList *items = pango_itemize_with_base_dir(L->ctx, pa->block->p->i.rtl ? PANGO_DIRECTION_RTL
                                                                               : PANGO_DIRECTION_LTR,
                                               pa->text->str, 0,
                                               (int)pa->text->len, attrs, NULL);
    pango_attr_list_unref(attrs);
    check_script_faces(L, pa, items);
    pa->n_items = (int)g_list_length(items);
    pa->items = g_new0(PangoItem *, pa->n_items);
    pa->glyphs = g_new0(PangoGlyphString *, pa->n_items);
    pa->hyphens = g_new0(PangoGlyphString *, pa->n_items);
    pa->char_item = g_new0(int, n + 1);
    pa->char_w = g_new0(double, n + 1);
    pa->end_trim = g_new0(double, n + 1);
    pa->blank = g_new0(double, n + 1);
    mark_info *mk = g_new(mark_info, n + 1);
    for (int i = 0; i <= n; i++)
        mk[i].item = mk[i].glyph = -1;
    /* byte -> char map for cluster attribution */
    int *b2c = g_new(int, pa->text->len + 1);
    for (int i = 0; i < n; i++)
        for (int b = BYTE(pa, i); b < BYTE(pa, i + 1); b++)
            b2c[b] = i;
    b2c[pa->text->len] = n;
    int k = 0;
    for (GList *l = items; l; l = l->next, k++)
        shape_item(pa, k, l->data, b2c, mk);
    g_list_free(items);
    g_free(b2c);
    compress_marks(pa, mk);
    g_free(mk);
}

static double hyphen_width(cg_para *pa, int item)
{
    PangoGlyphString *gs = cg_para_hyphen(pa, item);
    return gs ? pango_glyph_string_get_width(gs) / (double)PANGO_SCALE : 0;
}

PangoGlyphString *cg_para_hyphen(const cg_para *cpa, int item)
{
    cg_para *pa = (cg_para *)cpa;   /* lazily filled cache */
    if (item < 0 || item >= pa->n_items)
        return NULL;
    if (!pa->hyphens[item]) {
        PangoItem *it = pa->items[item];
        int span;
        if (pa->item_span)
            span = pa->item_span[item];     /* after layout */
        else {
            int c = 0;
            for (int i = 0; i < (int)pa->chars->len; i++)
                if (pa->char_item[i] == item) { c = i; break; }
            span = SPAN(pa, c);
        }
        cg_span *sp = &g_array_index(pa->spans, cg_span, span);
        char buf[8];
        int l = g_unichar_to_utf8(sp->p->i.hyph_char, buf);
        buf[l] = 0;
        PangoGlyphString *gs = pango_glyph_string_new();
        pango_shape_with_flags(buf, l, buf, l, &it->analysis, gs, PANGO_SHAPE_NONE);
        pa->hyphens[item] = gs;
    }
    return pa->hyphens[item];
}

/* ---- items for the fitter ------------------------------------------------ */

/* E_IBOX, E_IEND: the start or end border and padding of an inline (item: its
 * index in iboxes; c0 its first character for the start, one past its last for the end).
 * E_IRET: conditionality="retain" at a line break inside inlines: the break
 * (a penalty; item: the innermost inline open there) and the retained start
 * border and padding of each of them (a glue; item: the inline).
 * E_HALF: the blank half of an opening mark starting a line, taken off it
 * (a box of negative width; see start_half_before). */
typedef enum { E_TEXT, E_SPACE, E_GAP, E_OBJ, E_LEADER, E_HYPHEN, E_INDENT, E_END, E_LF, E_IBOX,
               E_IEND, E_IRET, E_HALF } elem_kind;

typedef struct {
    elem_kind kind;
    int c0, c1;                 /* characters */
    int item, span;
} elem;

static gboolean is_latin_letter(gunichar c)
{
    return g_unichar_isalpha(c) && !cg_is_cjk(c);
}

#define HAS_GLUE(b) ((b).glue_width > 0 || (b).glue_stretch > 0 || (b).glue_shrink > 0)

/* The border width and padding of a side of an inline: none at a start or
 * end where a nested block splits it, unless conditionality="retain". */
static double ibox_border(const ibox *b, int side)
{
    const cg_noninherited *n = &b->fo->p->n;
    gboolean open = (side == CG_START && b->open_start) || (side == CG_END && b->open_end);
    return open && !n->border_retain[side] ? 0 : n->border[side].width;
}

static double ibox_pad(const ibox *b, int side)
{
    gboolean open = (side == CG_START && b->open_start) || (side == CG_END && b->open_end);
    return open && !b->fo->p->n.padding_retain[side] ? 0 : b->pad[side];
}

static double ibox_side(const cg_para *pa, int k, int side)
{
    const ibox *b = &g_array_index(pa->iboxes, ibox, k);
    return ibox_border(b, side) + ibox_pad(b, side);
}

/* Inline borders and padding in the fitting items: the start ones a box
 * before the inline's first character (after the break before it), the end
 * ones a box after its last, both glued to it (no break between boxes).
 * The inlines are in document order (by first character); those started
 * and not yet ended are a stack (they nest). */
typedef struct {
    int next;                   /* the next ibox to start */
    int *open, n_open;
} ib_cursor;

static void ibox_starts(cg_para *pa, int i, ib_cursor *ic, GArray *lb, GArray *el)
{
    int nb = (int)pa->iboxes->len;
    for (; ic->next < nb; ic->next++) {
        ibox *b = &g_array_index(pa->iboxes, ibox, ic->next);
        if (b->c0 < 0)
            continue;
        if (b->c0 > i)
            break;
        b->parent = ic->n_open ? ic->open[ic->n_open - 1] : -1;
        cg_lb_item it = { CG_LB_BOX, FALSE, ibox_side(pa, ic->next, CG_START), 0, 0, 0 };
        elem e = { E_IBOX, b->c0, b->c0, ic->next, b->span };
        g_array_append_val(lb, it);
        g_array_append_val(el, e);
        if (b->c0 == b->c1) {
            /* empty: its end at once */
            cg_lb_item ie = { CG_LB_BOX, FALSE, ibox_side(pa, ic->next, CG_END), 0, 0, 0 };
            elem ee = { E_IEND, b->c1, b->c1, ic->next, b->span };
            g_array_append_val(lb, ie);
            g_array_append_val(el, ee);
        } else
            ic->open[ic->n_open++] = ic->next;
    }
}

static void ibox_ends(const cg_para *pa, int j, ib_cursor *ic, GArray *lb, GArray *el)
{
    for (int q = ic->n_open - 1; q >= 0; q--) {
        int k = ic->open[q];
        const ibox *b = &g_array_index(pa->iboxes, ibox, k);
        if (b->c1 > j)
            continue;
        memmove(ic->open + q, ic->open + q + 1, sizeof(int) * (size_t)(ic->n_open - q - 1));
        ic->n_open--;
        cg_lb_item it = { CG_LB_BOX, FALSE, ibox_side(pa, k, CG_END), 0, 0, 0 };
        elem e = { E_IEND, b->c1, b->c1, k, b->span };
        g_array_append_val(lb, it);
        g_array_append_val(el, e);
    }
}

/* The border and padding of a side of an inline kept at a line break
 * inside it (conditionality="retain"). */
static double ibox_retained(const ibox *b, int side)
{
    const cg_noninherited *n = &b->fo->p->n;
    return (n->border_retain[side] ? n->border[side].width : 0) + (n->padding_retain[side] ? b->pad[side] : 0);
}

/* The retained end (*e) and start (*s) widths of the inlines open at a break. */
static gboolean ibox_retained_open(const cg_para *pa, const ib_cursor *ic, double *e, double *s)
{
    *e = *s = 0;
    for (int q = 0; q < ic->n_open; q++) {
        const ibox *b = &g_array_index(pa->iboxes, ibox, ic->open[q]);
        *e += ibox_retained(b, CG_END);
        *s += ibox_retained(b, CG_START);
    }
    return *e > 0 || *s > 0;
}

/* After a break penalty p of width e (the retained end widths, set at the
 * line's end when broken there): the retained start widths at the next
 * line's start. Unbroken: -s, then s (glue after a box and a penalty, no
 * break there); broken: the glue -s goes with the break, and the next line
 * starts at the empty box. c: the first character after the break; neg:
 * emit the -s (not when the caller has taken it from its glue). */
static void ibox_retained_restart(const cg_para *pa, const ib_cursor *ic, int c, double s, gboolean neg,
                                  GArray *lb, GArray *el)
{
    elem eg = { E_GAP, c, c, -1, -1 };
    if (neg) {
        cg_lb_item g = { CG_LB_GLUE, FALSE, -s, 0, 0, 0 };
        g_array_append_val(lb, g);
        g_array_append_val(el, eg);
    }
    cg_lb_item b0 = { CG_LB_BOX, FALSE, 0, 0, 0, 0 };
    cg_lb_item pinf = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
    g_array_append_val(lb, b0);
    g_array_append_val(el, eg);
    g_array_append_val(lb, pinf);
    g_array_append_val(el, eg);
    for (int q = 0; q < ic->n_open; q++) {
        const ibox *b = &g_array_index(pa->iboxes, ibox, ic->open[q]);
        double w = ibox_retained(b, CG_START);
        if (w <= 0)
            continue;
        cg_lb_item g = { CG_LB_GLUE, FALSE, w, 0, 0, 0 };
        elem e = { E_IRET, c, c, ic->open[q], b->span };
        g_array_append_val(lb, g);
        g_array_append_val(el, e);
    }
}

/* Character i is a white space set as glue (spaces; other white space such
 * as U+2009 THIN SPACE, and preserved spaces, are boxes after which the line
 * may break, UAX #14 BA / SP). */
static gboolean space_glue(const cg_para *pa, const cg_brk *brk, int i)
{
    if (CH(pa, i) == ' ' && g_array_index(pa->fixed_space, gboolean, i))
        return FALSE;   /* a preserved space: a box, and the line may break after it */
    return brk[i].white && (CH(pa, i) == ' ' || CH(pa, i) == '\t' || CH(pa, i) == '\n' || CH(pa, i) == '\r');
}

/* What the steps of build_items share: the paragraph, the items built so
 * far, its break opportunities and the inlines open. */
typedef struct {
    cg_layout *L;
    cg_para *pa;
    GArray *lb, *el;
    cg_brk *brk;
    int n;
    gboolean justify, zh;
    ib_cursor ibc;
    gboolean *ib_edge;          /* the characters where a run of text must end */
} item_build;

/* Append a fitting item and the element it stands for. */
static void push_item(GArray *lb, GArray *el, cg_lb_item it, elem e)
{
    g_array_append_val(lb, it);
    g_array_append_val(el, e);
}

/* The break opportunities of the paragraph (UAX #14 and the language's
 * rules; cx:cjk-latin-spacing as glue). *zh: is the block's language Chinese. */
static cg_brk *find_breaks(cg_para *pa, gboolean all_breaks, gboolean *zh)
{
    const cg_props *bp = pa->block->p;
    int n = (int)pa->chars->len;
    cg_brk *brk = g_new0(cg_brk, n + 1);
    char primary[8] = "";
    g_strlcpy(primary, bp->i.language, sizeof primary);
    /* cx:cjk-latin-spacing: auto 1/4 em, none, or a length (in em of the block) */
    double cls = bp->i.cjk_latin_spacing;
    cg_brk_opts bo = { primary, cls != 0,
                       (float)(cls < 0 ? 0.25 : bp->i.font_size > 0 ? cls / bp->i.font_size : 0),
                       all_breaks };
    *zh = !strcmp(primary, "zh");
    cg_breaks_find(pa->text->str, (int)pa->text->len, (const gunichar *)pa->chars->data, n, &bo, brk);
    return brk;
}

/* Hyphenation points in words of Latin letters (hyphenate="true", English):
 * which characters a line may break before with a hyphen. */
static void mark_hyphens(cg_layout *L, cg_para *pa, cg_brk *brk)
{
    int n = (int)pa->chars->len;
    for (int i = 0; i < n;) {
        if (!is_latin_letter(CH(pa, i))) { i++; continue; }
        int j = i;
        while (j < n && is_latin_letter(CH(pa, j)) && SPAN(pa, j) == SPAN(pa, i))
            j++;
        const cg_props *sp = g_array_index(pa->spans, cg_span, SPAN(pa, i)).p;
        if (sp->i.hyphenate && j - i >= 5) {
            if (!cg_hyph_available(sp->i.language))
                cg_layout_warn_once(L, pa->block, "no hyphenation patterns for language '%s'; "
                                    "hyphenate=\"true\" has no effect", *sp->i.language ? sp->i.language : "(none)");
            gboolean *pts = g_new0(gboolean, j - i + 1);
            if (cg_hyphenate(sp->i.language, (const gunichar *)pa->chars->data + i, j - i,
                             sp->i.hyph_push, sp->i.hyph_remain, pts))
                for (int k = 1; k < j - i; k++)
                    /* only between characters of one item (no reshaping of ligatures) */
                    if (pts[k] && pa->char_item[i + k] == pa->char_item[i + k - 1] && pa->char_w[i + k] > 0)
                        brk[i + k].hyphen = 1;
            g_free(pts);
        }
        i = j;
    }
}

/* Inline borders and padding: the padding resolved against the line width;
 * returns the characters where a run of text must end (caller frees). */
static gboolean *resolve_iboxes(cg_layout *L, cg_para *pa, int n)
{
    gboolean *ib_edge = g_new0(gboolean, n + 1);
    for (guint k = 0; k < pa->iboxes->len; k++) {
        ibox *b = &g_array_index(pa->iboxes, ibox, k);
        b->c1 = MIN(b->c1, n);
        for (int sd = 0; sd < 4; sd++)
            b->pad[sd] = MAX(0, cg_len_resolve(b->fo->p->n.padding[sd], L->footnote_width, NULL));
        if (b->c0 >= 0)
            ib_edge[b->c0] = ib_edge[b->c1] = TRUE;
    }
    return ib_edge;
}

/* A line feed at i: a forced break (the inlines ending there stay on the
 * line). Returns the next character. */
static int items_lf(item_build *B, int i)
{
    cg_lb_item nob = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
    cg_lb_item g = { CG_LB_GLUE, FALSE, 0, CG_LB_FIL, 0, 0 };
    cg_lb_item p = { CG_LB_PENALTY, FALSE, 0, 0, 0, -CG_LB_INF };
    elem e = { E_LF, i, i + 1, -1, SPAN(B->pa, i) };
    ibox_ends(B->pa, i + 1, &B->ibc, B->lb, B->el);     /* inlines ending here: on this line */
    push_item(B->lb, B->el, nob, e);
    push_item(B->lb, B->el, g, e);
    push_item(B->lb, B->el, p, e);
    return i + 1;
}

/* A collapsible space at i: glue (stretching and shrinking when justified),
 * where a line may break unless forbidden; the retained borders of the
 * inlines open there go with the break. Returns the next character. */
static int items_space(item_build *B, int i)
{
    cg_para *pa = B->pa;
    int span = SPAN(pa, i);
    const cg_props *sp = g_array_index(pa->spans, cg_span, span).p;
    gboolean nowrap = !sp->i.wrap;
    double w = pa->char_w[i] + sp->i.word_spacing;
    cg_lb_item g = { CG_LB_GLUE, FALSE, w, B->justify ? w / 2 : 0, B->justify ? w / 3 : 0, 0 };
    gboolean breakable = !(nowrap || (B->zh && i + 1 < B->n && B->brk[i + 1].brk == CG_BRK_NONE));
    if (!breakable) {
        /* no break here: a penalty forbids breaking at the glue */
        cg_lb_item p = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
        elem e0 = { E_GAP, i, i, -1, span };
        push_item(B->lb, B->el, p, e0);
    }
    ibox_starts(pa, i, &B->ibc, B->lb, B->el);
    elem e = { E_SPACE, i, i + 1, pa->char_item[i], span };
    double re, rs;
    if (breakable && B->ibc.n_open && i > 0 && ibox_retained_open(pa, &B->ibc, &re, &rs)) {
        /* the break before the space, the space less the retained
         * start widths that follow it */
        cg_lb_item p = { CG_LB_PENALTY, FALSE, re, 0, 0, 0 };
        elem ep = { E_IRET, i, i, B->ibc.open[B->ibc.n_open - 1], span };
        push_item(B->lb, B->el, p, ep);
        g.width -= rs;
        push_item(B->lb, B->el, g, e);
        ibox_retained_restart(pa, &B->ibc, i + 1, rs, FALSE, B->lb, B->el);
    } else
        push_item(B->lb, B->el, g, e);
    ibox_ends(pa, i + 1, &B->ibc, B->lb, B->el);
    return i + 1;
}

/* The break allowed before the object at i: a penalty, with the retained
 * borders and padding of the inlines open there. */
static void obj_break(item_build *B, int i, int span)
{
    cg_lb_item p = { CG_LB_PENALTY, FALSE, 0, 0, 0, 0 };
    elem e0 = { E_GAP, i, i, -1, span };
    double re, rs;
    gboolean ret = B->ibc.n_open && ibox_retained_open(B->pa, &B->ibc, &re, &rs);
    if (ret) {
        p.width = re;
        e0 = (elem){ E_IRET, i, i, B->ibc.open[B->ibc.n_open - 1], span };
    }
    push_item(B->lb, B->el, p, e0);
    if (ret)
        ibox_retained_restart(B->pa, &B->ibc, i, rs, TRUE, B->lb, B->el);
}

/* A leader at i: glue from its minimum to its maximum length around the
 * optimum, after a zero box (no break) and before another. */
static void leader_items(item_build *B, int i, int span, const cg_props *sp)
{
    double rw = B->L->footnote_width;
    double mn = cg_len_resolve(sp->i.leader_min, rw, NULL);
    double op = cg_len_resolve(sp->i.leader_opt, rw, NULL);
    double mx = cg_len_resolve(sp->i.leader_max, rw, NULL);
    op = CLAMP(op, 0, CG_MAX_LENGTH);
    mn = CLAMP(mn, 0, op);
    mx = MAX(mx, op);
    /* A zero box keeps the leader from vanishing at a line start. */
    cg_lb_item b0 = { CG_LB_BOX, FALSE, 0, 0, 0, 0 };
    cg_lb_item g = { CG_LB_GLUE, FALSE, op, mx - op, op - mn, 0 };
    cg_lb_item p = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
    elem eb = { E_GAP, i, i, -1, span };
    elem e = { E_LEADER, i, i + 1, -1, span };
    push_item(B->lb, B->el, b0, eb);
    push_item(B->lb, B->el, p, eb);
    push_item(B->lb, B->el, g, e);
    push_item(B->lb, B->el, b0, eb);
}

/* An image or a page number at i: a box of the image's width, or of the
 * width of the number known from the last pass, else of two digits. */
static void obj_box(item_build *B, int i, int span, obj *o)
{
    double w = o->kind == OBJ_IMAGE ? o->w : 0;
    if (o->kind != OBJ_IMAGE) {
        /* Reserve the width of the number known from the last pass,
         * else of two digits. */
        const char *txt = NULL;
        if (o->kind == OBJ_PAGE_NUMBER)
            txt = B->L->page_number;
        else if (o->ref) {
            cg_id_pages *ip = g_hash_table_lookup(B->L->ids, o->ref);
            if (ip)
                txt = o->kind == OBJ_CITATION ? ip->first_text : ip->last_text;
        }
        PangoLayout *lay = pango_layout_new(B->L->ctx);
        cg_span *spn = &g_array_index(B->pa->spans, cg_span, span);
        pango_layout_set_font_description(lay, spn->font);
        pango_layout_set_text(lay, txt ? txt : "00", -1);
        PangoRectangle lr;
        pango_layout_get_extents(lay, NULL, &lr);
        w = lr.width / (double)PANGO_SCALE;
        g_object_unref(lay);
    }
    o->w = o->kind == OBJ_IMAGE ? o->w : w;
    cg_lb_item b = { CG_LB_BOX, FALSE, w, 0, 0, 0 };
    elem e = { E_OBJ, i, i + 1, -1, span };
    push_item(B->lb, B->el, b, e);
}

/* The object at i (leader, image, page number): the break allowed before
 * it, then its items. Returns the next character. */
static int items_obj(item_build *B, int i)
{
    cg_para *pa = B->pa;
    int span = SPAN(pa, i);
    const cg_props *sp = g_array_index(pa->spans, cg_span, span).p;
    gboolean nowrap = !sp->i.wrap;
    obj *o = &g_array_index(pa->objs, obj, OBJ(pa, i));
    if (i > 0 && B->brk[i].brk == CG_BRK_ALLOWED && !B->brk[i - 1].white && !nowrap)
        obj_break(B, i, span);
    ibox_starts(pa, i, &B->ibc, B->lb, B->el);
    if (o->kind == OBJ_LEADER)
        leader_items(B, i, span, sp);
    else
        obj_box(B, i, span, o);
    ibox_ends(pa, i + 1, &B->ibc, B->lb, B->el);
    return i + 1;
}

/* ---- Chinese punctuation in fitting (clreq 3.1.6, GB/T 15834) ----------- */

/* The shrink of the gap before character i in a justified line: the blank
 * halves of the full-width marks facing it (the right half of a closing,
 * stop or pause mark before it, the left half of an opening mark at i), so
 * that a line is fitted by compressing its punctuation before the breaker
 * takes a worse break. */
static double mark_shrink(const cg_para *pa, int i)
{
    double z = 0;
    if (i > 0 && !cg_cjk_blank_left(cg_cjk_punct_class(CH(pa, i - 1))))
        z += pa->blank[i - 1];
    if (cg_cjk_blank_left(cg_cjk_punct_class(CH(pa, i))))
        z += pa->blank[i];
    return z;
}

/* The blank left half of a full-width opening mark at i, set off a line that
 * the breaker starts there (clreq 3.1.6 allows a half-width opening mark at
 * a line start; the first line of a paragraph, and one after a line feed or
 * a space, keep it full width); 0 for other characters, and where an inline
 * with borders starts (its border stays at the edge). */
static double line_start_half(const item_build *B, int i)
{
    if (B->ib_edge[i] || !cg_cjk_blank_left(cg_cjk_punct_class(CH(B->pa, i))))
        return 0;
    return B->pa->blank[i];
}

/* Before the break p before such a mark: a fixed glue of its blank half
 * (not a break: after a penalty), that p takes back from a line ending
 * there; after the break (start_half_after), a box of minus that half, the
 * first box of a line starting there. Unbroken, the two cancel; broken, the
 * line before keeps its width and the next starts with the mark's ink. */
static void start_half_before(item_build *B, int i, int span, double half, cg_lb_item *p)
{
    cg_lb_item nob = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
    cg_lb_item g = { CG_LB_GLUE, FALSE, half, 0, 0, 0 };
    elem e = { E_GAP, i, i, -1, span };
    push_item(B->lb, B->el, nob, e);
    push_item(B->lb, B->el, g, e);
    p->width -= half;
}

static void start_half_after(item_build *B, int i, int span, double half)
{
    cg_lb_item b = { CG_LB_BOX, FALSE, -half, 0, 0, 0 };
    elem e = { E_HALF, i, i, -1, span };
    push_item(B->lb, B->el, b, e);
}

/* Before the run of text at i: a break (a penalty; a soft hyphen's flagged
 * with the hyphen's width; the retained borders of the inlines open there),
 * or only glue (Chinese inter-character gaps), or a hyphenation point. */
static void run_break(item_build *B, int i, int span, const cg_props *sp, gboolean nowrap)
{
    cg_para *pa = B->pa;
    const cg_brk *brk = B->brk;
    gboolean gap_glue = i > 0 && !nowrap && HAS_GLUE(brk[i]) && !brk[i - 1].white &&
                        OBJ(pa, i - 1) < 0 && CH(pa, i - 1) != '\n';
    if ((i > 0 && !nowrap && brk[i].brk != CG_BRK_NONE && !space_glue(pa, brk, i - 1) &&
         OBJ(pa, i - 1) < 0 && CH(pa, i - 1) != '\n') || gap_glue) {
        /* A break here, or (penalty 10000) only glue: Chinese inter-character
         * gaps are glue whether or not a line may break there. A full-width
         * closing or stop mark ending the line keeps only its left half. */
        gboolean may = brk[i].brk != CG_BRK_NONE;
        cg_lb_item p = { CG_LB_PENALTY, FALSE, may ? -pa->end_trim[i - 1] : 0, 0, 0,
                         may ? 0 : CG_LB_INF };
        elem e0 = { E_GAP, i, i, -1, span };
        double re = 0, rs = 0;
        gboolean ret = FALSE;
        if (may && CH(pa, i - 1) == 0x00AD) {
            /* a soft hyphen: a line broken there ends with a visible
             * hyphen (Unicode §23.2; XSL 1.1 §7.10 hyphenation-character) */
            p = (cg_lb_item){ CG_LB_PENALTY, TRUE, hyphen_width(pa, pa->char_item[i - 1]), 0, 0, 50 };
            e0 = (elem){ E_HYPHEN, i, i, pa->char_item[i - 1], SPAN(pa, i - 1) };
            if (B->ibc.n_open && ibox_retained_open(pa, &B->ibc, &re, &rs)) {
                ret = TRUE;
                p.width += re;      /* after the hyphen (see make_line) */
            }
        } else if (may && p.width == 0 && B->ibc.n_open && ibox_retained_open(pa, &B->ibc, &re, &rs)) {
            ret = TRUE;
            p.width = re;
            e0 = (elem){ E_IRET, i, i, B->ibc.open[B->ibc.n_open - 1], span };
        }
        double half = may && e0.kind == E_GAP ? line_start_half(B, i) : 0;
        if (half > 0)
            start_half_before(B, i, span, half, &p);
        push_item(B->lb, B->el, p, e0);
        if (ret) {
            ibox_retained_restart(pa, &B->ibc, i, rs, TRUE, B->lb, B->el);
            e0 = (elem){ E_GAP, i, i, -1, span };
        }
        if (HAS_GLUE(brk[i])) {
            double sem = sp->i.font_size;
            cg_lb_item g = { CG_LB_GLUE, FALSE, brk[i].glue_width * sem,
                             (B->justify ? brk[i].glue_stretch : 0) * sem,
                             B->justify ? brk[i].glue_shrink * sem + mark_shrink(pa, i) : 0, 0 };
            push_item(B->lb, B->el, g, e0);
        }
        if (half > 0)
            start_half_after(B, i, span, half);
    } else if (i > 0 && brk[i].hyphen && !nowrap) {
        cg_lb_item p = { CG_LB_PENALTY, TRUE, hyphen_width(pa, pa->char_item[i - 1]), 0, 0, 50 };
        elem e0 = { E_HYPHEN, i, i, pa->char_item[i - 1], SPAN(pa, i - 1) };
        double re, rs;
        gboolean ret = B->ibc.n_open && ibox_retained_open(pa, &B->ibc, &re, &rs);
        if (ret)
            p.width += re;          /* after the hyphen (see make_line) */
        push_item(B->lb, B->el, p, e0);
        if (ret)
            ibox_retained_restart(pa, &B->ibc, i, rs, TRUE, B->lb, B->el);
    }
}

/* A run of characters from i with no break, hyphen or glue inside (one
 * span, one item, up to an inline's border): one box, after the break
 * before it. Returns the character after the run. */
static int items_run(item_build *B, int i)
{
    cg_para *pa = B->pa;
    const cg_brk *brk = B->brk;
    int span = SPAN(pa, i);
    const cg_props *sp = g_array_index(pa->spans, cg_span, span).p;
    gboolean nowrap = !sp->i.wrap;
    run_break(B, i, span, sp, nowrap);
    int j = i + 1;
    double w = pa->char_w[i];
    while (j < B->n && SPAN(pa, j) == span && pa->char_item[j] == pa->char_item[i] &&
           OBJ(pa, j) < 0 && CH(pa, j) != '\n' &&
           !(CH(pa, j) == ' ' && !g_array_index(pa->fixed_space, gboolean, j)) &&
           !B->ib_edge[j] &&
           (nowrap || (brk[j].brk == CG_BRK_NONE && !brk[j].hyphen && !HAS_GLUE(brk[j])))) {
        w += pa->char_w[j];
        j++;
    }
    ibox_starts(pa, i, &B->ibc, B->lb, B->el);
    cg_lb_item b = { CG_LB_BOX, FALSE, w, 0, 0, 0 };
    elem e = { E_TEXT, i, j, pa->char_item[i], span };
    push_item(B->lb, B->el, b, e);
    ibox_ends(pa, j, &B->ibc, B->lb, B->el);
    return j;
}

/* Build boxes, glue and penalties. em of the block for glue in em units.
 * all_breaks: every break opportunity of UAX #14, identifiers included (the
 * retry of a paragraph that overflows otherwise: no content is pushed off
 * the page). */
static void build_items(cg_layout *L, cg_para *pa, GArray *lb, GArray *el, gboolean all_breaks)
{
    const cg_props *bp = pa->block->p;
    int n = (int)pa->chars->len;
    item_build B = { L, pa, lb, el, NULL, n, bp->i.text_align == CG_ALIGN_JUSTIFY, FALSE,
                     { 0, NULL, 0 }, NULL };
    B.brk = find_breaks(pa, all_breaks, &B.zh);
    mark_hyphens(L, pa, B.brk);

    double indent = cg_len_resolve(bp->i.text_indent, L->footnote_width, NULL);
    if (indent != 0) {
        cg_lb_item it = { CG_LB_BOX, FALSE, indent, 0, 0, 0 };
        elem e = { E_INDENT, 0, 0, -1, -1 };
        push_item(lb, el, it, e);
    }
    /* inline borders and padding: resolved against the line width, and the
     * characters where a run of text must end */
    B.ibc.open = g_new(int, pa->iboxes->len + 1);
    B.ib_edge = resolve_iboxes(L, pa, n);
    for (int i = 0; i < n;) {
        if (CH(pa, i) == '\n')
            i = items_lf(&B, i);
        else if (CH(pa, i) == ' ' && !g_array_index(pa->fixed_space, gboolean, i))
            i = items_space(&B, i);
        else if (OBJ(pa, i) >= 0)
            i = items_obj(&B, i);
        else
            i = items_run(&B, i);
    }
    ibox_starts(pa, n, &B.ibc, lb, el);     /* empty inlines at the end */
    g_free(B.ibc.open);
    g_free(B.ib_edge);
    gboolean last_justify = bp->i.text_align_last == CG_ALIGN_JUSTIFY;
    cg_lb_item nob = { CG_LB_PENALTY, FALSE, 0, 0, 0, CG_LB_INF };
    cg_lb_item g = { CG_LB_GLUE, FALSE, 0, last_justify ? 0 : CG_LB_FIL, 0, 0 };
    cg_lb_item p = { CG_LB_PENALTY, FALSE, 0, 0, 0, -CG_LB_INF };
    elem e = { E_END, n, n, -1, -1 };
    push_item(lb, el, nob, e);
    push_item(lb, el, g, e);
    push_item(lb, el, p, e);
    g_free(B.brk);
}

/* ---- lines --------------------------------------------------------------- */

/* The glyphs of item whose clusters start in bytes [b0, b1) (paragraph
 * offsets): contiguous in either direction. *g0 = *g1 when there are none. */
static void glyph_range(const PangoItem *it, const PangoGlyphString *gs, int b0, int b1, int *g0, int *g1)
{
    *g0 = *g1 = 0;
    gboolean found = FALSE;
    for (int g = 0; g < gs->num_glyphs; g++) {
        int cl = it->offset + gs->log_clusters[g];
        if (cl >= b0 && cl < b1) {
            if (!found)
                *g0 = g;
            *g1 = g + 1;
            found = TRUE;
        }
    }
}

/* The box of a piece around its own baseline (half-leading included; an
 * image stands on the baseline), before any shift. */
static void piece_metrics(cg_layout *L, cg_para *pa, const cg_piece *pc, double *above, double *below)
{
    cg_span *sp = &g_array_index(pa->spans, cg_span, pc->span);
    const cg_props *p = sp->p;
    double lh = p->i.lh_is_factor ? p->i.line_height * p->i.font_size : p->i.line_height;
    char lbuf[32];
    const cg_metrics *m = cg_layout_metrics(L, sp->font, cg_layout_lang(p, lbuf));
    double a = m->ascent, d = m->descent;
    if (pc->kind == PC_GLYPHS && pc->item >= 0 && pa->items[pc->item]->analysis.font) {
        PangoFontMetrics *fm = pango_font_get_metrics(pa->items[pc->item]->analysis.font,
                                                      pa->items[pc->item]->analysis.language);
        a = pango_font_metrics_get_ascent(fm) / (double)PANGO_SCALE;
        d = pango_font_metrics_get_descent(fm) / (double)PANGO_SCALE;
        pango_font_metrics_unref(fm);
    }
    if (pc->kind == PC_IMAGE) {
        *above = pc->img_h + pc->img_pb_before + pc->img_pb_after;
        *below = 0;
        return;
    }
    double half = (lh - (a + d)) / 2;
    *above = a + half;
    *below = d + half;
}

typedef struct {
    cg_layout *L;
    cg_para *pa;
    GArray *lb, *el;
} fitting;

/* Bidi (UAX #9 rule L2): put the pieces of a line, built in logical order at
 * x from the line start, in visual order left to right. The gaps between
 * pieces (spaces, indents) move with them, taking the lower level of their
 * neighbours. Lines all at level 0 are left alone. */
static int piece_level(const cg_para *pa, const cg_piece *pc, int base)
{
    if (pc->kind == PC_GLYPHS)
        return pc->item >= 0 ? pa->items[pc->item]->analysis.level : base;
    /* an object (page number, citation, image): the level Pango's bidi gave
     * its object character among its neighbours */
    int b = BYTE(pa, pc->c0);
    for (int i = 0; i < pa->n_items; i++)
        if (b >= pa->items[i]->offset && b < pa->items[i]->offset + pa->items[i]->length)
            return pa->items[i]->analysis.level;
    return base;
}

static void visual_order(const cg_para *pa, GArray *pcs)
{
    int n = (int)pcs->len, base = pa->block->p->i.rtl ? 1 : 0;
    gboolean odd = base;
    for (int i = 0; i < n && !odd; i++) {
        const cg_piece *pc = &g_array_index(pcs, cg_piece, i);
        odd = pc->kind == PC_GLYPHS && pc->item >= 0 && pa->items[pc->item]->analysis.level % 2;
    }
    if (!odd || n == 0)
        return;
    /* segments: gap before piece 0, piece 0, gap, piece 1, ... (2n of them) */
    int ns = 2 * n;
    int *lev = g_new(int, ns), *ord = g_new(int, ns);
    double *wd = g_new(double, ns);
    /* a negative text-indent (a hanging first line) starts the line before its
     * start edge: no gap there, and the pieces keep their widths */
    double x0 = MIN(0, g_array_index(pcs, cg_piece, 0).x), end = x0;
    for (int i = 0; i < n; i++) {
        const cg_piece *pc = &g_array_index(pcs, cg_piece, i);
        int l = piece_level(pa, pc, base);
        lev[2 * i + 1] = l;
        wd[2 * i + 1] = pc->w;
        wd[2 * i] = MAX(0, pc->x - end);
        end = MAX(end, pc->x + pc->w);
    }
    int maxl = 0, minodd = 1000;
    for (int i = 0; i < n; i++) {
        int l = lev[2 * i + 1];
        lev[2 * i] = i == 0 ? base : MIN(l, lev[2 * i - 1]);
        maxl = MAX(maxl, l);
        if (l % 2) minodd = MIN(minodd, l);
    }
    if (base) minodd = MIN(minodd, 1);
    for (int i = 0; i < ns; i++)
        ord[i] = i;
    for (int k = maxl; k >= minodd && k > 0; k--)
        for (int i = 0; i < ns;) {
            if (lev[ord[i]] < k) { i++; continue; }
            int j = i;
            while (j < ns && lev[ord[j]] >= k)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                int t = ord[a]; ord[a] = ord[b]; ord[b] = t;
            }
            i = j;
        }
    GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(cg_piece), (guint)n);
    /* left to right, the hanging start is on the left; right to left, the
     * line's alignment (place_line) sets it out on the right */
    double x = base ? 0 : x0;
    for (int i = 0; i < ns; i++) {
        if (ord[i] % 2) {
            cg_piece pc = g_array_index(pcs, cg_piece, ord[i] / 2);
            pc.x = x;
            g_array_append_val(out, pc);
        }
        x += wd[ord[i]];
    }
    memcpy(pcs->data, out->data, sizeof(cg_piece) * (size_t)n);
    g_array_free(out, TRUE);
    g_free(lev);
    g_free(ord);
    g_free(wd);
}

gboolean cg_para_rtl(const cg_para *pa)
{
    return pa->block->p->i.rtl;
}

/* text-align in a right-to-left line: start is the right edge, end the left. */
static int rtl_align(int align)
{
    if (align == CG_ALIGN_START) return CG_ALIGN_RIGHT;
    if (align == CG_ALIGN_END) return CG_ALIGN_LEFT;
    return align;
}

/* The border boxes of the inlines with borders or padding on line ln
 * (XSL 1.1 §4.6, CSS2 §10.8): from the start border set on the line, or
 * else its first piece, to the end border, or else its last piece; around
 * the ascent and descent of the inline's font (an image's height), shifted
 * as its own pieces. The sides where the inline is broken are open. hits:
 * the start and end borders set on the line (ib_hit), off: the alignment
 * offset of the pieces; [lo, hi]: the characters of the line. */
typedef struct {
    int k;                      /* ibox */
    gboolean end;
    double x;                   /* the start border's start, or the end border's end */
    double w;                   /* its border and padding */
    gboolean cont;              /* retained at a line break (conditionality="retain") */
} ib_hit;

/* Where an inline is on a line (line_boxes): the extent of its pieces, its
 * own pieces' shift (an image's height), the start and end borders set on
 * the line. */
typedef struct {
    double x0, x1, shift, img_h, img_lift;
    gboolean any;               /* pieces of it on the line */
    gboolean has_start, has_end, cont_start, cont_end;
    double pmin, pmax;          /* the extent of its pieces alone */
    double ws, we;              /* the start and end widths set on the line */
} ib_extent;

/* Is line ln in visual order (see visual_order)? Then the boxes go around
 * their pieces. */
static gboolean line_is_bidi(const cg_para *pa, const cg_line *ln)
{
    gboolean bidi = pa->block->p->i.rtl;
    for (int q = 0; q < ln->n_pieces && !bidi; q++)
        bidi = ln->pieces[q].kind == PC_GLYPHS && ln->pieces[q].item >= 0 &&
               pa->items[ln->pieces[q].item]->analysis.level % 2;
    return bidi;
}

/* The extent of the pieces of inline b on line ln, and the shift of its
 * first own piece (its image's height and lift). */
static void ibox_pieces(const cg_para *pa, const cg_line *ln, const ibox *b, const cg_span *bs,
                        ib_extent *X)
{
    const cg_props *p = b->fo->p;
    X->x0 = G_MAXDOUBLE;
    X->x1 = -G_MAXDOUBLE;
    X->shift = bs->shift;
    X->img_h = -1;
    X->img_lift = 0;
    X->any = FALSE;
    gboolean own = FALSE;
    for (int q = 0; q < ln->n_pieces; q++) {
        const cg_piece *pc = &ln->pieces[q];
        gboolean in = pc->hyphen ? pc->c0 > b->c0 && pc->c0 < b->c1 : pc->c0 < b->c1 && pc->c1 > b->c0;
        if (!in)
            continue;
        X->any = TRUE;
        X->x0 = MIN(X->x0, pc->x);
        X->x1 = MAX(X->x1, pc->x + pc->w);
        if (!own && g_array_index(pa->spans, cg_span, pc->span).p == p) {
            own = TRUE;
            X->shift = pc->shift;
            if (pc->kind == PC_IMAGE) {
                X->img_h = pc->img_h;
                X->img_lift = pc->img_pb_after;
            }
        }
    }
}

/* The start and end borders of inline k set on the line (hits, at off):
 * the extent from them, where they are. */
static void ibox_hits(const GArray *hits, int k, double off, ib_extent *X)
{
    X->has_start = X->has_end = X->cont_start = X->cont_end = FALSE;
    X->pmin = X->x0;
    X->pmax = X->x1;
    X->ws = X->we = 0;
    for (guint h = 0; h < hits->len; h++) {
        const ib_hit *ht = &g_array_index(hits, ib_hit, h);
        if (ht->k != k)
            continue;
        if (!ht->end) {
            X->has_start = TRUE;
            X->cont_start = ht->cont;
            X->ws = ht->w;
            X->x0 = ht->x + off;
            X->x1 = MAX(X->x1, X->x0 + ht->w);
        } else {
            X->has_end = TRUE;
            X->cont_end = ht->cont;
            X->we = ht->w;
            X->x1 = ht->x + off;
            X->x0 = MIN(X->x0, X->x1 - ht->w);
        }
    }
}

/* The borders and padding of the box of inline b: none at a start or end
 * not on the line, nor where broken unless retained; mirrored when drawn
 * right to left. */
static void ibox_box_sides(const ibox *b, const ib_extent *X, gboolean mirror, cg_inline_box *box)
{
    const cg_props *p = b->fo->p;
    for (int sd = 0; sd < 4; sd++) {
        box->border[sd] = p->n.border[sd];
        box->border[sd].width = ibox_border(b, sd);
        box->pad[sd] = ibox_pad(b, sd);
        if ((sd == CG_START && X->cont_start) || (sd == CG_END && X->cont_end)) {
            if (!p->n.border_retain[sd])
                box->border[sd].width = 0;
            if (!p->n.padding_retain[sd])
                box->pad[sd] = 0;
        }
    }
    if (!X->has_start) {
        box->border[CG_START].width = 0;
        box->pad[CG_START] = 0;
    }
    if (!X->has_end) {
        box->border[CG_END].width = 0;
        box->pad[CG_END] = 0;
    }
    if (mirror) {
        /* drawn with the start side on the left: mirrored */
        cg_border tb = box->border[CG_START];
        double tp = box->pad[CG_START];
        box->border[CG_START] = box->border[CG_END];
        box->pad[CG_START] = box->pad[CG_END];
        box->border[CG_END] = tb;
        box->pad[CG_END] = tp;
    }
}

/* The box's extent above and below the baseline: the ascent and descent of
 * the inline's font (an image's height), shifted, with the before and
 * after border and padding. */
static void ibox_box_height(cg_layout *L, const ibox *b, const cg_span *bs, const ib_extent *X,
                            cg_inline_box *box)
{
    double a, d;
    if (X->img_h >= 0) {
        a = X->img_h + X->img_lift;     /* the image stands on its after border and padding */
        d = -X->img_lift;
    } else {
        char lbuf[32];
        const cg_metrics *m = cg_layout_metrics(L, bs->font, cg_layout_lang(b->fo->p, lbuf));
        a = m->ascent;
        d = m->descent;
    }
    box->above = a + X->shift + box->pad[CG_BEFORE] + box->border[CG_BEFORE].width;
    box->below = d - X->shift + box->pad[CG_AFTER] + box->border[CG_AFTER].width;
}

static void line_boxes(cg_layout *L, cg_para *pa, cg_vlist *vl, cg_line *ln, const GArray *hits,
                       double off, int lo, int hi)
{
    int nib = (int)pa->iboxes->len;
    GArray *bx = NULL;
    /* a line in visual order (see visual_order): the boxes around their pieces */
    gboolean bidi = line_is_bidi(pa, ln), rtl = pa->block->p->i.rtl;
    for (int k = 0; k < nib; k++) {
        const ibox *b = &g_array_index(pa->iboxes, ibox, k);
        const cg_props *p = b->fo->p;
        if (b->c0 > hi)
            break;              /* in document order: the rest start after the line */
        if (b->c0 < 0 || b->c1 < lo || !p->i.visible)
            continue;
        const cg_span *bs = &g_array_index(pa->spans, cg_span, b->span);
        ib_extent X;
        ibox_pieces(pa, ln, b, bs, &X);
        ibox_hits(hits, k, off, &X);
        if (bidi) {
            /* the start and end widths moved with the pieces next to them:
             * the inline's start is the paragraph's (the right in a
             * right-to-left one) */
            if (!X.any)
                continue;
            X.x0 = X.pmin - (rtl ? X.we : X.ws);
            X.x1 = X.pmax + (rtl ? X.ws : X.we);
        }
        if (X.x0 > X.x1)
            continue;           /* not on this line */
        cg_inline_box box = { 0 };
        box.x = X.x0;
        box.w = X.x1 - X.x0;
        box.background = p->n.background;
        ibox_box_sides(b, &X, bidi && rtl, &box);
        ibox_box_height(L, b, bs, &X, &box);
        if (!bx)
            bx = g_array_new(FALSE, FALSE, sizeof(cg_inline_box));
        g_array_append_val(bx, box);
    }
    if (!bx)
        return;
    ln->n_boxes = (int)bx->len;
    ln->boxes = cg_vlist_alloc(vl, sizeof(cg_inline_box) * bx->len);
    memcpy(ln->boxes, bx->data, sizeof(cg_inline_box) * bx->len);
    g_array_free(bx, TRUE);
}

/* What the steps of make_line share: the ratios of the line, its pieces
 * built so far (at cx from the line start), its characters [c0, c1) and
 * where the start and end borders of inlines are set on it. */
typedef struct {
    fitting *F;
    double w;                   /* the line width */
    double ratio, leader_ratio;
    gboolean stretch_glue;
    GArray *pcs;                /* cg_piece */
    double cx;
    int c0, c1;
    GArray *ib_hits;            /* ib_hit, or NULL (no inline borders in the paragraph) */
    gboolean content;           /* anything but retained borders met on the line yet */
} line_build;

/* Leaders keep their optimum length in lines that are not justified
 * (only justification stretches them, as in FOP and Antenna House: a
 * table of contents sets text-align-last="justify"); they shrink towards
 * their minimum in an overfull line: the ratio of that shrinking. */
static double leader_ratio(const fitting *F, int start, int brk, double w, gboolean stretch_glue)
{
    const cg_lb_item *lb = (const cg_lb_item *)F->lb->data;
    const elem *el = (const elem *)F->el->data;
    double nat, yst, zsh;
    cg_lb_measure(lb, start, brk, &nat, &yst, &zsh);
    double leader_ratio = 0;
    if (!stretch_glue && nat > w) {
        double lsh = 0;
        for (int k = start; k < brk; k++)
            if (el[k].kind == E_LEADER)
                lsh += lb[k].shrink;
        if (lsh > 0)
            leader_ratio = -MIN(1.0, (nat - w) / lsh);
    }
    return leader_ratio;
}

/* The break ending the line: a line-end mark's half given back, a
 * hyphen, and the retained end borders and padding of the inlines broken there. */
static void line_end(line_build *LB, const cg_lb_item *it, const elem *e)
{
    cg_para *pa = LB->F->pa;
    if (it->type == CG_LB_PENALTY && e->kind == E_GAP && it->width < 0)
        LB->cx += it->width;     /* a line-end mark keeps its left half */
    int inner = -1;             /* the innermost inline broken here, if retaining */
    if (it->type == CG_LB_PENALTY && e->kind == E_IRET)
        inner = e->item;
    if (it->type == CG_LB_PENALTY && it->flagged && e->kind == E_HYPHEN) {
        double hw = hyphen_width(pa, e->item);
        cg_piece pc = { PC_GLYPHS, LB->cx, hw, e->span, e->item, 0, 0, e->c0, e->c0, TRUE, NULL, 0, NULL, 0, 0, 0 };
        g_array_append_val(LB->pcs, pc);
        LB->cx += hw;
        if (it->width > hw + 1e-9)
            for (int q = 0; q < (int)pa->iboxes->len; q++) {
                const ibox *b = &g_array_index(pa->iboxes, ibox, q);
                if (b->c0 >= 0 && b->c0 < e->c0 && e->c0 < b->c1)
                    inner = q;  /* in document order: the last one is the innermost */
            }
    }
    if (inner >= 0) {
        /* retained end borders and padding of the inlines broken here */
        for (int q = inner; q >= 0; q = g_array_index(pa->iboxes, ibox, q).parent) {
            double rw = ibox_retained(&g_array_index(pa->iboxes, ibox, q), CG_END);
            if (rw <= 0)
                continue;
            ib_hit h = { q, TRUE, LB->cx + rw, rw, TRUE };
            g_array_append_val(LB->ib_hits, h);
            LB->cx += rw;
        }
    }
}

/* A glue of the line: its width at the line's ratio (a leader's at the
 * leader ratio unless justified); a leader piece, a retained start border. */
static void line_glue(line_build *LB, const cg_lb_item *it, const elem *e)
{
    double r = e->kind == E_LEADER ? (LB->stretch_glue ? LB->ratio : LB->leader_ratio) : LB->ratio;
    double gw = it->width + (r >= 0 ? r * it->stretch : r * it->shrink);
    if (e->kind == E_IRET && !LB->content) {
        /* a retained start border and padding at the line's start */
        ib_hit h = { e->item, FALSE, LB->cx, gw, TRUE };
        g_array_append_val(LB->ib_hits, h);
    }
    if (e->kind != E_IRET && e->kind != E_GAP)
        LB->content = TRUE;
    if (e->kind == E_LEADER) {
        cg_piece pc = { PC_LEADER, LB->cx, gw, e->span, -1, 0, 0, e->c0, e->c1, FALSE, NULL, 0, NULL, 0, 0, 0 };
        g_array_append_val(LB->pcs, pc);
    }
    LB->cx += gw;
    if (e->kind == E_SPACE || e->kind == E_LEADER) {
        if (LB->c0 < 0) LB->c0 = e->c0;
        LB->c1 = e->c1;
    }
}

/* The piece of an object box: an image (with its before and after border
 * and padding), a page number or a citation. */
static void obj_piece(line_build *LB, const cg_lb_item *it, const elem *e)
{
    cg_para *pa = LB->F->pa;
    obj *o = &g_array_index(pa->objs, obj, OBJ(pa, e->c0));
    cg_piece pc = { PC_IMAGE, LB->cx, it->width, e->span, -1, 0, 0, e->c0, e->c1, FALSE, o->img, o->h, o->ref, 0, 0, 0 };
    if (o->kind == OBJ_IMAGE) {
        const cg_noninherited *gn = &o->fo->p->n;
        pc.img_pb_before = gn->border[CG_BEFORE].width +
                           MAX(0, cg_len_resolve(gn->padding[CG_BEFORE], LB->w, NULL));
        pc.img_pb_after = gn->border[CG_AFTER].width +
                          MAX(0, cg_len_resolve(gn->padding[CG_AFTER], LB->w, NULL));
    }
    if (o->kind == OBJ_PAGE_NUMBER) pc.kind = PC_PAGE_NUMBER;
    else if (o->kind == OBJ_CITATION) pc.kind = PC_CITATION;
    else if (o->kind == OBJ_CITATION_LAST) pc.kind = PC_CITATION_LAST;
    g_array_append_val(LB->pcs, pc);
}

/* The glyphs of a text box: merged with the previous piece when
 * contiguous (same item and span, left to right), else a piece of their own. */
static void text_piece(line_build *LB, const cg_lb_item *it, const elem *e)
{
    cg_para *pa = LB->F->pa;
    PangoItem *pit = pa->items[e->item];
    PangoGlyphString *gs = pa->glyphs[e->item];
    int g0, g1;
    glyph_range(pit, gs, BYTE(pa, e->c0), BYTE(pa, e->c1), &g0, &g1);
    cg_piece *prev = LB->pcs->len ? &g_array_index(LB->pcs, cg_piece, LB->pcs->len - 1) : NULL;
    if (prev && prev->kind == PC_GLYPHS && !prev->hyphen && prev->item == e->item &&
        prev->span == e->span && prev->c1 == e->c0 && fabs(prev->x + prev->w - LB->cx) < 1e-9 &&
        pit->analysis.level % 2 == 0) {
        prev->g1 = g1;
        prev->c1 = e->c1;
        prev->w += it->width;
    } else {
        cg_piece pc = { PC_GLYPHS, LB->cx, it->width, e->span, e->item, g0, g1, e->c0, e->c1, FALSE, NULL, 0, NULL, 0, 0, 0 };
        g_array_append_val(LB->pcs, pc);
    }
}

/* A box of the line: an indent, an inline's start or end border, an
 * object or text; what it adds to the pieces and the characters. */
static void line_box(line_build *LB, const cg_lb_item *it, const elem *e)
{
    if (e->kind != E_GAP)
        LB->content = TRUE;
    if (e->kind == E_INDENT || e->kind == E_HALF) {
        LB->cx += it->width;
        return;
    }
    if (e->kind == E_GAP) return;
    if (e->kind == E_IBOX || e->kind == E_IEND) {
        gboolean end = e->kind == E_IEND;
        ib_hit h = { e->item, end, end ? LB->cx + it->width : LB->cx, it->width, FALSE };
        g_array_append_val(LB->ib_hits, h);
        LB->cx += it->width;
        return;
    }
    if (LB->c0 < 0) LB->c0 = e->c0;
    LB->c1 = e->c1;
    if (e->kind == E_OBJ)
        obj_piece(LB, it, e);
    else
        /* text: merge with the previous piece when contiguous */
        text_piece(LB, it, e);
    LB->cx += it->width;
}

/* The line of the pieces built: at x, aligned in the width w (overfull:
 * at the start edge); *off: the alignment offset given to the pieces. */
static cg_line *place_line(line_build *LB, cg_vlist *vl, int align, double x, double *off)
{
    double w = LB->w, cx = LB->cx;
    GArray *pcs = LB->pcs;
    cg_line *ln = cg_vlist_alloc(vl, sizeof *ln);
    ln->para = LB->F->pa;
    ln->width = w;
    ln->used = cx;
    *off = 0;
    switch (align) {
    case CG_ALIGN_END: case CG_ALIGN_RIGHT: *off = w - cx; break;
    case CG_ALIGN_CENTER: *off = (w - cx) / 2; break;
    default: break;
    }
    if (cx > w + 0.01 && (align == CG_ALIGN_END || align == CG_ALIGN_RIGHT || align == CG_ALIGN_CENTER))
        *off = 0;   /* overfull: keep the start edge */
    ln->x = x;
    ln->n_pieces = (int)pcs->len;
    ln->pieces = cg_vlist_alloc(vl, sizeof(cg_piece) * MAX(1, pcs->len));
    for (guint k = 0; k < pcs->len; k++) {
        ln->pieces[k] = g_array_index(pcs, cg_piece, k);
        ln->pieces[k].x += *off;
    }
    ln->c0 = LB->c0 < 0 ? 0 : LB->c0;
    ln->c1 = LB->c1 < 0 ? 0 : LB->c1;
    return ln;
}

/* Height: the strut of the block's own font, then every piece. Pieces
 * aligned on the block's baseline (shifted by baseline-shift, or placed
 * against its font by vertical-align text-top, text-bottom, middle) make
 * the line's extent; top and bottom ones (alignment-baseline before-edge,
 * after-edge: XSL 1.1 §7.14.2, §7.14.10) are placed against the line's
 * edges afterwards, making it taller only when taller than it. The shift
 * of every piece, the line's baseline and height. */
static void line_height(fitting *F, cg_line *ln)
{
    cg_para *pa = F->pa;
    const cg_props *bp = pa->block->p;
    double lh = bp->i.lh_is_factor ? bp->i.line_height * bp->i.font_size : bp->i.line_height;
    char lbuf[32];
    PangoFontDescription *bfd = cg_layout_font(F->L, bp, pa->block);
    const cg_metrics *m = cg_layout_metrics(F->L, bfd, cg_layout_lang(bp, lbuf));
    pango_font_description_free(bfd);
    double half = (lh - (m->ascent + m->descent)) / 2;
    double above = m->ascent + half, below = m->descent + half;
    double edge_h = 0;
    for (int k = 0; k < ln->n_pieces; k++) {
        cg_piece *pc = &ln->pieces[k];
        const cg_span *sp = &g_array_index(pa->spans, cg_span, pc->span);
        double a, b;
        piece_metrics(F->L, pa, pc, &a, &b);
        pc->shift = sp->shift;
        switch (sp->valign) {
        case CG_VALIGN_TOP: case CG_VALIGN_BOTTOM:
            edge_h = MAX(edge_h, a + b);
            continue;
        case CG_VALIGN_TEXT_TOP: pc->shift = m->ascent - a; break;
        case CG_VALIGN_TEXT_BOTTOM: pc->shift = b - m->descent; break;
        case CG_VALIGN_MIDDLE: pc->shift = m->st_pos - (a - b) / 2; break;
        /* central: the middle of the parent's em box (ascent to descent) */
        case CG_VALIGN_CENTRAL: pc->shift = (m->ascent - m->descent) / 2 - (a - b) / 2; break;
        default: break;
        }
        if (bp->i.lss_font_height && pc->kind != PC_IMAGE)
            continue;           /* text sits in the block's nominal line */
        above = MAX(above, a + pc->shift);
        below = MAX(below, b - pc->shift);
    }
    if (edge_h > above + below)
        below = edge_h - above;     /* the line grows downwards (CSS 2.1 §10.8) */
    for (int k = 0; k < ln->n_pieces && edge_h > 0; k++) {
        cg_piece *pc = &ln->pieces[k];
        int va = g_array_index(pa->spans, cg_span, pc->span).valign;
        double a, b;
        if (va != CG_VALIGN_TOP && va != CG_VALIGN_BOTTOM)
            continue;
        piece_metrics(F->L, pa, pc, &a, &b);
        pc->shift = va == CG_VALIGN_TOP ? above - a : b - below;
    }
    ln->baseline = above;
    ln->height = MAX(0, above + below);
}

/* The last line of a justified Chinese paragraph that the breaker fitted by
 * shrinking (compressing its punctuation) is set shrunk, not overflowing.
 * (In other languages a last line fitted shrunk still keeps its natural
 * width, as before.) */
static gboolean last_line_shrinks(const cg_para *pa, double ratio)
{
    const cg_props *bp = pa->block->p;
    const char *lang = bp->i.language;
    return ratio < 0 && bp->i.text_align == CG_ALIGN_JUSTIFY && !strncmp(lang, "zh", 2) &&
           (lang[2] == 0 || lang[2] == '-');
}

static cg_line *make_line(fitting *F, cg_vlist *vl, int start, int brk, double ratio,
                          gboolean last, double x, double w, gboolean greedy_overfull)
{
    cg_para *pa = F->pa;
    const cg_props *bp = pa->block->p;
    const cg_lb_item *lb = (const cg_lb_item *)F->lb->data;
    const elem *el = (const elem *)F->el->data;
    int align = last ? bp->i.text_align_last : bp->i.text_align;
    if (last && align == CG_ALIGN_RELATIVE)
        align = bp->i.text_align == CG_ALIGN_JUSTIFY ? CG_ALIGN_START : bp->i.text_align;
    gboolean stretch_glue = align == CG_ALIGN_JUSTIFY || (bp->i.text_align == CG_ALIGN_JUSTIFY && !last);
    (void)greedy_overfull;

    line_build LB = { F, w, ratio, leader_ratio(F, start, brk, w, stretch_glue), stretch_glue,
                      NULL, 0, -1, -1, NULL, FALSE };
    if (!stretch_glue && !last_line_shrinks(pa, ratio))
        LB.ratio = 0;   /* (the last line of a justified paragraph shrinks if fitted so) */
    if (LB.ratio > 0 && !isfinite(LB.ratio))
        LB.ratio = 0;
    LB.ratio = CLAMP(LB.ratio, -1, 1000);

    LB.pcs = g_array_new(FALSE, FALSE, sizeof(cg_piece));
    /* where the start and end borders of inlines are set on this line */
    LB.ib_hits = pa->iboxes->len ? g_array_new(FALSE, FALSE, sizeof(ib_hit)) : NULL;
    for (int k = start; k <= brk && k < (int)F->lb->len; k++) {
        if (k == brk) {
            line_end(&LB, &lb[k], &el[k]);
            break;
        }
        if (lb[k].type == CG_LB_GLUE)
            line_glue(&LB, &lb[k], &el[k]);
        else if (lb[k].type != CG_LB_PENALTY)
            line_box(&LB, &lb[k], &el[k]);
    }
    visual_order(pa, LB.pcs);
    if (bp->i.rtl)
        align = rtl_align(align);
    double off;
    cg_line *ln = place_line(&LB, vl, align, x, &off);
    g_array_free(LB.pcs, TRUE);
    line_height(F, ln);
    if (pa->iboxes->len)
        line_boxes(F->L, pa, vl, ln, LB.ib_hits, off, el[start].c0,
                   brk < (int)F->el->len ? el[brk].c0 : (int)pa->chars->len);
    if (LB.ib_hits)
        g_array_free(LB.ib_hits, TRUE);
    return ln;
}

static void free_para(gpointer p) { cg_para_free(p); }

/* The items of the paragraph built for lines of width w (percentages of
 * text-indent and leaders: of the line width); all_breaks as build_items. */
static void items_for_width(cg_layout *L, cg_para *pa, double w, GArray *lb, GArray *el,
                            gboolean all_breaks)
{
    double saved_fw = L->footnote_width;
    L->footnote_width = w;
    build_items(L, pa, lb, el, all_breaks);
    L->footnote_width = saved_fw;
}

/* The breaks of the paragraph into lines of width w, in *res, on the items
 * in F. Overflowing lines lose their end off the page: then the items are
 * built again with the breaks inside identifiers (hyphens, slashes, dots)
 * allowed, and kept (in F) when fewer lines overflow. */
static void fit_lines(cg_layout *L, cg_para *pa, fitting *F, double w, cg_lb_result *res)
{
    const cg_props *bp = pa->block->p;
    items_for_width(L, pa, w, F->lb, F->el, FALSE);
    cg_lb_params prm;
    cg_lb_params_default(&prm, MAX(w, 1));
    gboolean justify = bp->i.text_align == CG_ALIGN_JUSTIFY;
    if (!justify)
        prm.ragged_stretch = 3 * bp->i.font_size;
    cg_linebreak((const cg_lb_item *)F->lb->data, (int)F->lb->len, &prm, res);
    if (!res->overfull)
        return;
    GArray *lb2 = g_array_new(FALSE, FALSE, sizeof(cg_lb_item)), *el2 = g_array_new(FALSE, FALSE, sizeof(elem));
    items_for_width(L, pa, w, lb2, el2, TRUE);
    cg_lb_result res2;
    cg_linebreak((const cg_lb_item *)lb2->data, (int)lb2->len, &prm, &res2);
    if (res2.overfull < res->overfull) {
        cg_lb_result_clear(res);
        *res = res2;
        g_array_free(F->lb, TRUE);
        g_array_free(F->el, TRUE);
        F->lb = lb2;
        F->el = el2;
    } else {
        cg_lb_result_clear(&res2);
        g_array_free(lb2, TRUE);
        g_array_free(el2, TRUE);
    }
}

/* Anchors (footnotes, ids) go with the line that holds their character:
 * those from *ai before next_c (the next line's first character) to line ln. */
static void line_anchors(cg_layout *L, cg_vlist *vl, cg_line *ln, const anchor *an, guint na,
                         guint *ai, int next_c)
{
    while (*ai < na && an[*ai].c < next_c) {
        if (an[*ai].kind == ANCHOR_FOOTNOTE) {
            if (!ln->footnotes)
                ln->footnotes = g_ptr_array_new();
            cg_vlist *fn = L->layout_blocks(L, an[*ai].fo, L->footnote_width);
            g_ptr_array_add(vl->owned_lists, fn);
            g_ptr_array_add(ln->footnotes, fn);
        } else {
            if (!ln->ids)
                ln->ids = g_ptr_array_new();
            g_ptr_array_add(ln->ids, (gpointer)an[*ai].fo->id);
        }
        (*ai)++;
    }
    if (ln->footnotes)
        g_ptr_array_add(vl->owned_arrays, ln->footnotes);
    if (ln->ids)
        g_ptr_array_add(vl->owned_arrays, ln->ids);
}

/* The penalty before line l of nlines: the block's keep-together, always
 * kept within orphans and widows; forced_page: a forced page break there
 * (a block inside an inline), before the first line too. */
static void line_penalty(cg_vlist *vl, const cg_props *bp, int l, int nlines, int forced_page)
{
    if (l == 0 && forced_page) {
        /* a block inside an inline that starts the paragraph: before it */
        cg_vitem *p = cg_vlist_add(vl, VI_PENALTY);
        p->pen = CG_PEN_FORCE;
        p->break_kind = forced_page;
    }
    if (l > 0) {
        cg_vitem *p = cg_vlist_add(vl, VI_PENALTY);
        int keep = bp->i.keep_together_page;
        /* l lines above the break, nlines - l below */
        if (l < bp->i.orphans || nlines - l < bp->i.widows)
            keep = MAX(keep, CG_KEEP_ALWAYS);
        p->pen = keep;
        if (forced_page) {
            p->pen = CG_PEN_FORCE;
            p->break_kind = forced_page;
        }
    }
}

/* What only fitting the lines needed goes now (about a third of a
 * paragraph's memory, held until its page sequence ends): hyphens drawn
 * later need only each item's span. */
static void drop_fitting_data(cg_para *pa)
{
    pa->item_span = g_new(int, MAX(1, pa->n_items));
    int nc = (int)pa->chars->len;
    for (int i = 0; i < pa->n_items; i++)
        pa->item_span[i] = nc ? SPAN(pa, 0) : 0;
    for (int i = nc - 1; i >= 0; i--)
        if (pa->char_item[i] >= 0 && pa->char_item[i] < pa->n_items)
            pa->item_span[pa->char_item[i]] = SPAN(pa, i);
    g_clear_pointer(&pa->char_item, g_free);
    g_clear_pointer(&pa->char_w, g_free);
    g_clear_pointer(&pa->end_trim, g_free);
    g_clear_pointer(&pa->blank, g_free);
    g_array_free(pa->char_span, TRUE);
    pa->char_span = NULL;
    g_array_free(pa->fixed_space, TRUE);
    pa->fixed_space = NULL;
}

void cg_para_layout(cg_layout *L, cg_para *pa, cg_vlist *vl, double x, double w)
{
    g_ptr_array_set_free_func(vl->owned_paras, free_para);
    g_ptr_array_add(vl->owned_paras, pa);
    const cg_props *bp = pa->block->p;
    shape(L, pa);
    fitting F = { L, pa, g_array_new(FALSE, FALSE, sizeof(cg_lb_item)),
                  g_array_new(FALSE, FALSE, sizeof(elem)) };
    cg_lb_result res;
    fit_lines(L, pa, &F, w, &res);
    const cg_lb_item *lb = (const cg_lb_item *)F.lb->data;
    int nlb = (int)F.lb->len;
    if (res.overfull)
        cg_xml_diag(L->d, CG_WARNING, pa->block->xml,
                    "%d line%s of this fo:%s could not be fitted in %.2fpt (a word or object is "
                    "wider than the line): set overflowing", res.overfull,
                    res.overfull == 1 ? "" : "s", cg_fo_kind_name(pa->block->kind), w);

    /* Anchors (footnotes, ids) go with the line that holds their character. */
    const anchor *an = (const anchor *)pa->anchors->data;
    guint na = pa->anchors->len, ai = 0;
    int prev = -1;
    int nlines = res.n;
    int prev_c0 = -1;
    const elem *el = (const elem *)F.el->data;
    for (int l = 0; l < nlines; l++) {
        int start = cg_lb_line_start(lb, nlb, prev);
        int brk = res.breaks[l];
        gboolean forced = lb[brk].type == CG_LB_PENALTY && lb[brk].penalty <= -CG_LB_INF;
        cg_line *ln = make_line(&F, vl, start, brk, res.ratios[l], forced, x, w, res.greedy);
        /* characters up to the next line's start belong to this line */
        int next_c = l + 1 < nlines ? el[cg_lb_line_start(lb, nlb, brk)].c0 : G_MAXINT;
        line_anchors(L, vl, ln, an, na, &ai, next_c);
        int line_c0 = el[start].c0;
        int forced_page = page_break_in(pa, prev_c0, line_c0);
        prev_c0 = line_c0;
        line_penalty(vl, bp, l, nlines, forced_page);
        cg_vitem *it = cg_vlist_add(vl, VI_LINE);
        it->line = ln;
        it->h = ln->height;
        prev = brk;
    }
    cg_lb_result_clear(&res);
    g_array_free(F.lb, TRUE);
    g_array_free(F.el, TRUE);
    drop_fitting_data(pa);
}

/* ---- accessors for drawing and dumps ------------------------------------- */

gboolean cg_invisible_char(gunichar c)
{
    /* soft hyphens and format characters (ZWSP, ZWJ, bidi marks...): no
     * letter-spacing after them */
    return c == 0x00AD || g_unichar_type(c) == G_UNICODE_FORMAT;
}

const char *cg_para_utf8(const cg_para *pa) { return pa->text->str; }

PangoItem *cg_para_item(const cg_para *pa, int item, PangoGlyphString **glyphs)
{
    if (item < 0 || item >= pa->n_items)
        return NULL;
    if (glyphs)
        *glyphs = pa->glyphs[item];
    return pa->items[item];
}

const cg_span *cg_para_span(const cg_para *pa, int span)
{
    return &g_array_index(pa->spans, cg_span, span);
}

double cg_para_letter_spacing(const cg_para *pa, int span)
{
    return g_array_index(pa->spans, cg_span, span).p->i.letter_spacing;
}

const cg_fo *cg_para_obj_fo(const cg_para *pa, int c)
{
    if (c < 0 || c >= (int)pa->chars->len || OBJ(pa, c) < 0)
        return NULL;
    return g_array_index(pa->objs, obj, OBJ(pa, c)).fo;
}

int cg_para_char_byte(const cg_para *pa, int c)
{
    return BYTE(pa, CLAMP(c, 0, (int)pa->chars->len));
}

char *cg_para_text(const cg_para *pa, int c0, int c1)
{
    GString *s = g_string_new(NULL);
    for (int i = c0; i < c1 && i < (int)pa->chars->len; i++) {
        gunichar c = CH(pa, i);
        int oi = OBJ(pa, i);
        if (oi >= 0) {
            const obj *o = &g_array_index(pa->objs, obj, oi);
            g_string_append(s, o->kind == OBJ_LEADER ? "[leader]" : o->kind == OBJ_IMAGE ? "[image]" : "#");
        } else if (c == '\n')
            g_string_append_c(s, ' ');
        else
            g_string_append_unichar(s, c);
    }
    return g_string_free(s, FALSE);
}
