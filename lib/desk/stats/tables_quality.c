/* tables_quality: the quality tables of the report, declared at the end of
 * tables.h. */
#include "desk/stats/tables.h"

#include <stdio.h>
#include <string.h>

static const char *word2(const stats_report_t *r, const char *a, const char *b)
{
    char key[128];
    snprintf(key, sizeof key, "%s%s", a, b);
    return stats_word(r, key);
}

/* A row whose first cells are the words of a figure and of a period. */
static stats_row_t *figure_row(const stats_report_t *r, stats_table_t *t, const char *prefix,
                               const char *code, int p)
{
    char key[96];
    snprintf(key, sizeof key, "%s.%s", code, stats_per_codes[p]);
    stats_row_t *row = stats_table_row(t, key);
    if (!row || stats_cell_text(row, 0, word2(r, prefix, code)) ||
        stats_cell_text(row, 1, word2(r, "Stats.Per.", stats_per_codes[p])))
        return NULL;
    return row;
}

static void set_rate(stats_row_t *row, int col, long long n, long long base)
{
    long long v;
    if (stats_rate(n, base, &v))
        stats_cell_set(row, col, v);
}

static void set_ratio(stats_row_t *row, int col, long long a, long long b)
{
    long long v;
    if (stats_ratio(a, b, &v))
        stats_cell_set(row, col, v);
}

int stats_qtable_repeat(const stats_report_t *r, stats_table_t *t)
{
    static const char *const figs[] = {"repeated", "reopened_after"};
    stats_table_col(r, t, "figure", SC_TEXT);
    stats_table_col(r, t, "period", SC_TEXT);
    stats_table_col(r, t, "tickets", SC_COUNT);
    stats_table_col(r, t, "of", SC_COUNT);
    stats_table_col(r, t, "rate", SC_PERCENT);
    for (int k = 0; k < 2; k++)
        for (int p = 0; p < STATS_NPER; p++) {
            const stats_quality_t *q = &r->fig->q[p];
            long long n = k ? q->reopened_after : q->repeated;
            long long base = k ? q->resolutions : q->resolved;
            stats_row_t *row = figure_row(r, t, "Stats.Q.Repeat.", figs[k], p);
            if (!row)
                return -1;
            stats_cell_set(row, 2, n);
            stats_cell_set(row, 3, base);
            set_rate(row, 4, n, base);
        }
    return 0;
}

/* The counts of the three periods from column col, and the change against
 * the previous one. */
static void trend_cells(const stats_table_t *t, stats_row_t *row, int col, const long long n[3])
{
    (void)t;
    for (int p = 0; p < STATS_NPER; p++)
        stats_cell_set(row, col + p, n[p]);
    stats_cell_set(row, col + STATS_NPER, n[STATS_CUR] - n[STATS_PREV]);
}

static void trend_cols(const stats_report_t *r, stats_table_t *t)
{
    for (int p = 0; p < STATS_NPER; p++)
        stats_table_col(r, t, stats_per_codes[p], SC_COUNT);
    stats_table_col(r, t, "change", SC_COUNT);
}

/* Keyed by rank: a product's name is no key. */
int stats_qtable_combos(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "category", SC_TEXT);
    stats_table_col(r, t, "product", SC_TEXT);
    stats_table_col(r, t, "nature", SC_TEXT);
    trend_cols(r, t);
    for (int i = 0; i < r->fig->ncombos; i++) {
        const stats_combo_t *c = &r->fig->combos[i];
        const category_t *cat = catalog_category_by_id(&r->d->catalog, c->category_id);
        char key[16];
        snprintf(key, sizeof key, "%d", i + 1);
        stats_row_t *row = stats_table_row(t, key);
        if (!row || stats_cell_text(row, 0, cat ? cat->name[r->lang] : ""))
            return -1;
        if (c->product[0] && stats_cell_text(row, 1, c->product))
            return -1;
        if (c->nature[0] && stats_cell_text(row, 2, word2(r, "Agent.Natures.", c->nature)))
            return -1;
        trend_cells(t, row, 3, c->n);
    }
    return 0;
}

int stats_qtable_terms(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "term", SC_TEXT);
    trend_cols(r, t);
    for (int i = 0; i < r->fig->nterms; i++) {
        const stats_term_t *x = &r->fig->terms[i];
        stats_row_t *row = stats_table_row(t, x->term);
        if (!row || stats_cell_text(row, 0, x->term))
            return -1;
        trend_cells(t, row, 1, x->n);
    }
    return 0;
}

static const char *const cross_codes[] = {"reassigned", "handed_back", "escalated",
                                          "transferred", "collaborated"};

static void cross_of(const stats_quality_t *q, int k, long long *tickets, long long *times)
{
    const long long n[] = {q->reassigned, q->handed_back, q->escalated, q->transferred,
                           q->collaborated};
    const long long x[] = {q->reassignments, q->hand_backs, q->escalations, q->transfers,
                           q->collaborators};
    *tickets = n[k], *times = x[k];
}

int stats_qtable_cross(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "figure", SC_TEXT);
    stats_table_col(r, t, "period", SC_TEXT);
    stats_table_col(r, t, "created", SC_COUNT);
    stats_table_col(r, t, "tickets", SC_COUNT);
    stats_table_col(r, t, "times", SC_COUNT);
    stats_table_col(r, t, "per_ticket", SC_DECIMAL);
    for (int k = 0; k < 5; k++)
        for (int p = 0; p < STATS_NPER; p++) {
            const stats_quality_t *q = &r->fig->q[p];
            long long n, x;
            cross_of(q, k, &n, &x);
            stats_row_t *row = figure_row(r, t, "Stats.Q.Cross.", cross_codes[k], p);
            if (!row)
                return -1;
            stats_cell_set(row, 2, q->created);
            stats_cell_set(row, 3, n);
            stats_cell_set(row, 4, x);
            set_ratio(row, 5, x, q->created);
        }
    return 0;
}

static const char *team_name(const stats_report_t *r, long long id, const char **code)
{
    const team_t *x = catalog_team_by_id(&r->d->catalog, id);
    *code = x ? x->code : "none";
    return x ? x->name[r->lang] : stats_word(r, "Stats.NoTeam");
}

int stats_qtable_pairs(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "from", SC_TEXT);
    stats_table_col(r, t, "to", SC_TEXT);
    for (int p = 0; p < STATS_NPER; p++)
        stats_table_col(r, t, stats_per_codes[p], SC_COUNT);
    for (int i = 0; i < r->fig->npairs; i++) {
        const stats_pair_t *x = &r->fig->pairs[i];
        const char *from_code, *to_code;
        const char *from = team_name(r, x->from_team, &from_code);
        const char *to = team_name(r, x->to_team, &to_code);
        char key[96];
        snprintf(key, sizeof key, "%s>%s", from_code, to_code);
        stats_row_t *row = stats_table_row(t, key);
        if (!row || stats_cell_text(row, 0, from) || stats_cell_text(row, 1, to))
            return -1;
        for (int p = 0; p < STATS_NPER; p++)
            stats_cell_set(row, 2 + p, x->n[p]);
    }
    return 0;
}

int stats_qtable_satisfaction(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "period", SC_TEXT);
    stats_table_col(r, t, "closed", SC_COUNT);
    stats_table_col(r, t, "answered", SC_COUNT);
    stats_table_col(r, t, "rate", SC_PERCENT);
    for (int k = 0; k < SQ_SCORES; k++)
        stats_table_col(r, t, stats_score_codes[k], SC_DECIMAL);
    for (int p = 0; p < STATS_NPER; p++) {
        const stats_quality_t *q = &r->fig->q[p];
        stats_row_t *row = stats_table_row(t, stats_per_codes[p]);
        if (!row || stats_cell_text(row, 0, word2(r, "Stats.Per.", stats_per_codes[p])))
            return -1;
        stats_cell_set(row, 1, q->closed);
        stats_cell_set(row, 2, q->answered);
        set_rate(row, 3, q->answered, q->closed);
        for (int k = 0; k < SQ_SCORES; k++)
            set_ratio(row, 4 + k, q->score_sum[k], q->answered);
    }
    return 0;
}

int stats_qtable_scores(const stats_report_t *r, stats_table_t *t)
{
    static const char *const points[] = {"s1", "s2", "s3", "s4", "s5"};
    stats_table_col(r, t, "score", SC_TEXT);
    for (int s = 0; s < 5; s++)
        stats_table_col(r, t, points[s], SC_COUNT);
    const stats_quality_t *q = &r->fig->q[STATS_CUR];
    for (int k = 0; k < SQ_SCORES; k++) {
        stats_row_t *row = stats_table_row(t, stats_score_codes[k]);
        if (!row || stats_cell_text(row, 0, word2(r, "Stats.Q.Score.", stats_score_codes[k])))
            return -1;
        for (int s = 0; s < 5; s++)
            stats_cell_set(row, 1 + s, q->dist[k][s]);
    }
    return 0;
}

int stats_qtable_lowest(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "number", SC_TEXT);
    stats_table_col(r, t, "subject", SC_TEXT);
    for (int k = 0; k < SQ_SCORES; k++)
        stats_table_col(r, t, stats_score_codes[k], SC_COUNT);
    stats_table_col(r, t, "suggestions", SC_TEXT);
    stats_table_col(r, t, "unmet_needs", SC_TEXT);
    for (int i = 0; i < r->fig->nlow; i++) {
        const stats_low_t *l = &r->fig->low[i];
        stats_row_t *row = stats_table_row(t, l->number);
        if (!row || stats_cell_text(row, 0, l->number) || stats_cell_text(row, 1, l->subject) ||
            stats_cell_text(row, 5, l->suggestions) || stats_cell_text(row, 6, l->unmet_needs))
            return -1;
        for (int k = 0; k < SQ_SCORES; k++)
            stats_cell_set(row, 2 + k, l->score[k]);
    }
    return 0;
}
