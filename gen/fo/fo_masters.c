/* fo_masters.c — see fo_masters.h. */
#include "fo_masters.h"

#include <stdlib.h>
#include <string.h>

static const cg_fo *find_master(cg_layout *L, const char *name, cg_fo_kind kind)
{
    const cg_fo *lms = cg_fo_child(L->t->root, FO_LAYOUT_MASTER_SET);
    for (const cg_fo *c = lms ? lms->first : NULL; c; c = c->next)
        if (c->kind == kind) {
            const char *n = cg_fo_attr(L->t, c, "master-name");
            if (n && !strcmp(n, name))
                return c;
        }
    return NULL;
}

static const cg_fo *first_spm(cg_layout *L)
{
    const cg_fo *lms = cg_fo_child(L->t->root, FO_LAYOUT_MASTER_SET);
    return lms ? cg_fo_child(lms, FO_SIMPLE_PAGE_MASTER) : NULL;
}

static gboolean cond_matches(cg_layout *L, const cg_fo *c, int i, int num, gboolean last, gboolean blank)
{
    const char *pp = cg_fo_attr(L->t, c, "page-position");
    const char *oe = cg_fo_attr(L->t, c, "odd-or-even");
    const char *bn = cg_fo_attr(L->t, c, "blank-or-not-blank");
    if (pp && strcmp(pp, "any")) {
        if (!strcmp(pp, "first") && i != 0) return FALSE;
        if (!strcmp(pp, "rest") && i == 0) return FALSE;
        if (!strcmp(pp, "last") && !last) return FALSE;
        if (!strcmp(pp, "only") && (i != 0 || !last)) return FALSE;
    }
    if (oe && strcmp(oe, "any")) {
        if (!strcmp(oe, "odd") && num % 2 == 0) return FALSE;
        if (!strcmp(oe, "even") && num % 2 != 0) return FALSE;
    }
    if (bn && strcmp(bn, "any")) {
        if (!strcmp(bn, "blank") && !blank) return FALSE;
        if (!strcmp(bn, "not-blank") && blank) return FALSE;
    }
    return TRUE;
}

static int max_repeats(cg_layout *L, const cg_fo *c)
{
    const char *m = cg_fo_attr(L->t, c, "maximum-repeats");
    if (!m || !strcmp(m, "no-limit"))
        return G_MAXINT;
    char *end;
    long v = strtol(m, &end, 10);
    return (*end || v < 0) ? G_MAXINT : (int)MIN(v, G_MAXINT);
}

static const cg_fo *spm_by_ref(cg_layout *L, const cg_fo *ref)
{
    const char *mr = cg_fo_attr(L->t, ref, "master-reference");
    const cg_fo *m = mr ? find_master(L, mr, FO_SIMPLE_PAGE_MASTER) : NULL;
    if (!m) {
        cg_layout_warn_once(L, ref, "master-reference '%s' names no simple-page-master; the first one is used",
                            mr ? mr : "");
        m = first_spm(L);
    }
    return m;
}

const cg_fo *cg_select_master(cg_layout *L, const cg_fo *ps, int i, int num, gboolean last, gboolean blank)
{
    const char *mr = cg_fo_attr(L->t, ps, "master-reference");
    if (!mr)
        mr = cg_fo_attr(L->t, ps, "master-name");
    const cg_fo *spm = mr ? find_master(L, mr, FO_SIMPLE_PAGE_MASTER) : NULL;
    if (spm)
        return spm;
    const cg_fo *psm = mr ? find_master(L, mr, FO_PAGE_SEQUENCE_MASTER) : NULL;
    if (!psm) {
        cg_layout_warn_once(L, ps, "master-reference '%s' names no page master; the first simple-page-master is used",
                            mr ? mr : "");
        return first_spm(L);
    }
    /* Walk the sub-sequences, each consuming pages. */
    int remaining = i;
    const cg_fo *lastspec = NULL;
    for (const cg_fo *c = psm->first; c; c = c->next) {
        if (c->kind == FO_TEXT)
            continue;
        lastspec = c;
        int count = c->kind == FO_SINGLE_PMR ? 1 : max_repeats(L, c);
        if (remaining < count) {
            if (c->kind == FO_REPEATABLE_PMA) {
                for (const cg_fo *k = c->first; k; k = k->next)
                    if (k->kind == FO_CONDITIONAL_PMR && cond_matches(L, k, i, num, last, blank))
                        return spm_by_ref(L, k);
                cg_layout_warn_once(L, c, "no conditional-page-master-reference matches page %d; the first is used", num);
                const cg_fo *k = cg_fo_child(c, FO_CONDITIONAL_PMR);
                return k ? spm_by_ref(L, k) : first_spm(L);
            }
            return spm_by_ref(L, c);
        }
        remaining -= count;
    }
    cg_layout_warn_once(L, psm, "page-sequence-master '%s' has no page master left for page %d; its last one is reused",
                        mr, num);
    if (lastspec && lastspec->kind == FO_REPEATABLE_PMA) {
        for (const cg_fo *k = lastspec->first; k; k = k->next)
            if (k->kind == FO_CONDITIONAL_PMR && cond_matches(L, k, i, num, last, blank))
                return spm_by_ref(L, k);
        const cg_fo *k = cg_fo_child(lastspec, FO_CONDITIONAL_PMR);
        return k ? spm_by_ref(L, k) : first_spm(L);
    }
    return lastspec ? spm_by_ref(L, lastspec) : first_spm(L);
}


/* ---- checking the layout-master-set before pagination ------------------ */

/* The master-name of every master of kind in the layout-master-set, for messages. */
static char *master_names(cg_layout *L, cg_fo_kind kind)
{
    GString *s = g_string_new(NULL);
    const cg_fo *lms = cg_fo_child(L->t->root, FO_LAYOUT_MASTER_SET);
    for (const cg_fo *c = lms ? lms->first : NULL; c; c = c->next) {
        const char *n = c->kind == kind ? cg_fo_attr(L->t, c, "master-name") : NULL;
        if (n)
            g_string_append_printf(s, "%s'%s'", s->len ? ", " : "", n);
    }
    if (!s->len)
        g_string_append(s, "none");
    return g_string_free(s, FALSE);
}

/* Does the master-reference of ref (a page-sequence-master's sub-sequence
 * specifier) name a simple-page-master? An error at ref when not. */
static int check_spm_ref(cg_layout *L, const cg_fo *ref)
{
    const char *mr = cg_fo_attr(L->t, ref, "master-reference");
    if (mr && find_master(L, mr, FO_SIMPLE_PAGE_MASTER))
        return 0;
    char *names = master_names(L, FO_SIMPLE_PAGE_MASTER);
    if (mr)
        cg_xml_diag(L->d, CG_ERROR, ref->xml, "fo:%s: master-reference '%s' names no fo:simple-page-master "
                    "(simple-page-masters: %s)", cg_fo_kind_name(ref->kind), mr, names);
    else
        cg_xml_diag(L->d, CG_ERROR, ref->xml, "fo:%s lacks the required attribute master-reference "
                    "(simple-page-masters: %s)", cg_fo_kind_name(ref->kind), names);
    g_free(names);
    return 1;
}

/* The references inside a page-sequence-master: each names a simple-page-master. */
static int check_psm(cg_layout *L, const cg_fo *psm)
{
    int errors = 0;
    for (const cg_fo *c = psm->first; c; c = c->next) {
        if (c->kind == FO_SINGLE_PMR || c->kind == FO_REPEATABLE_PMR)
            errors += check_spm_ref(L, c);
        else if (c->kind == FO_REPEATABLE_PMA)
            for (const cg_fo *k = c->first; k; k = k->next)
                if (k->kind == FO_CONDITIONAL_PMR)
                    errors += check_spm_ref(L, k);
    }
    return errors;
}

/* A page-sequence's master-reference names a simple-page-master or a
 * page-sequence-master. */
static int check_sequence(cg_layout *L, const cg_fo *ps)
{
    const char *mr = cg_fo_attr(L->t, ps, "master-reference");
    if (!mr)
        mr = cg_fo_attr(L->t, ps, "master-name");
    if (mr && (find_master(L, mr, FO_SIMPLE_PAGE_MASTER) || find_master(L, mr, FO_PAGE_SEQUENCE_MASTER)))
        return 0;
    char *spm = master_names(L, FO_SIMPLE_PAGE_MASTER), *psm = master_names(L, FO_PAGE_SEQUENCE_MASTER);
    if (mr)
        cg_xml_diag(L->d, CG_ERROR, ps->xml, "fo:page-sequence: master-reference '%s' names no page master "
                    "(simple-page-masters: %s; page-sequence-masters: %s)", mr, spm, psm);
    else
        cg_xml_diag(L->d, CG_ERROR, ps->xml, "fo:page-sequence lacks the required attribute master-reference "
                    "(simple-page-masters: %s; page-sequence-masters: %s)", spm, psm);
    g_free(spm);
    g_free(psm);
    return 1;
}

int cg_masters_check(cg_layout *L)
{
    const cg_fo *lms = cg_fo_child(L->t->root, FO_LAYOUT_MASTER_SET);
    if (!first_spm(L)) {
        cg_xml_diag(L->d, CG_ERROR, lms ? lms->xml : L->t->root->xml,
                    lms ? "fo:layout-master-set holds no fo:simple-page-master: pages cannot be laid out"
                        : "fo:root has no fo:layout-master-set: pages cannot be laid out");
        return 1;
    }
    int errors = 0;
    for (const cg_fo *c = lms->first; c; c = c->next)
        if (c->kind == FO_PAGE_SEQUENCE_MASTER)
            errors += check_psm(L, c);
    for (const cg_fo *c = L->t->root->first; c; c = c->next)
        if (c->kind == FO_PAGE_SEQUENCE)
            errors += check_sequence(L, c);
    return errors;
}
