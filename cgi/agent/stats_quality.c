/* agent_stats_quality: the quality sections of the statistics page
 * (lib/desk/stats/quality.h): repeat problems and reopens, high-frequency
 * problems and keywords, cross-team work, satisfaction.
 *
 *   (on GET /agent/stats)                 the sections, under Q.*, from the
 *                                         report's figures (stats_figures_t)
 *   GET /agent/stats/quality.csv?qtable=T 303 to /agent/stats.csv?table=T: their
 *                                         tables are the report's (repeat,
 *                                         combos, terms, cross, pairs,
 *                                         satisfaction, scores, lowest:
 *                                         the end of lib/desk/stats/tables.h)
 *   GET /agent/stats/quality/tickets?qfig=F  the tickets behind a number
 *
 * The period, filters and scope are the statistics page's (agent/stats.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/stats.h"
#include "desk/stats/quality.h"
#include "desk/ticket/ticket_work.h"
#include "web/form.h"

/* the tables of the old CSV path, now the report's */
static const char *const csv_tables[] = {"repeat", "combos", "terms",  "cross",
                                         "pairs",  "satisfaction", "scores", "lowest", NULL};
static const char *const of_codes[] = {"cur", "prev", "year", NULL};

/* What the drill-down and CSV pages read besides the statistics' query. */
static const form_field_t quality_fields[] = {
    {.name = "qfig", .type = FT_CHOICE, .max_chars = 20, .choices = stats_qfig_codes},
    {.name = "of", .type = FT_CHOICE, .max_chars = 10, .choices = of_codes},
    {.name = "after", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "qtable", .type = FT_CHOICE, .max_chars = 20, .choices = csv_tables},
    {.name = "ccat", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "cprod", .type = FT_TEXT, .max_chars = 200}, /* a combination's product */
    {.name = "nature", .type = FT_CHOICE, .max_chars = 16, .choices = ticket_natures},
    {.name = "term", .type = FT_TEXT, .max_chars = STATS_TERM_MAX},
    {.name = "from", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "to", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "dim", .type = FT_CHOICE, .max_chars = 12, .choices = stats_score_codes},
    {.name = "score", .type = FT_INTEGER, .min = 1, .max = 5},
};

static const char *text(web_t *w, const char *key) { return texts_get(&w->d->texts, w->lang, key); }

/* n of base as a percentage to a tenth ("" when base is 0), as the tables
 * have it. */
static void percent(long long n, long long base, char out[48])
{
    long long t;
    out[0] = '\0';
    if (stats_rate(n, base, &t))
        snprintf(out, 48, "%lld.%lld", t / 10, t % 10);
}

/* a / b to two decimals ("" when b is 0). */
static void ratio(long long a, long long b, char out[48])
{
    long long t;
    out[0] = '\0';
    if (stats_ratio(a, b, &t))
        snprintf(out, 48, "%lld.%02lld", t / 100, t % 100);
}

/* The change against the previous period: "+3", "-2", "0". */
static void trend(long long cur, long long prev, char out[24])
{
    snprintf(out, 24, cur > prev ? "+%lld" : "%lld", cur - prev);
}

/* ---- the page -------------------------------------------------------------------- */

static const char *const cross_codes[] = {"reassigned", "handed_back", "escalated",
                                          "transferred", "collaborated"};

static void cross_of(const stats_quality_t *q, int k, long long *tickets, long long *times)
{
    const long long t[] = {q->reassigned, q->handed_back, q->escalated, q->transferred,
                           q->collaborated};
    const long long x[] = {q->reassignments, q->hand_backs, q->escalations, q->transfers,
                           q->collaborators};
    *tickets = t[k], *times = x[k];
}

static void set_rates(HDF *h, const stats_figures_t *r)
{
    char pct[48]; /* the chart: a rate of 100% is 400 units wide */
    for (int p = 0; p < NPER; p++) {
        const stats_quality_t *q = &r->q[p];
        const char *per = stats_per_codes[p];
        hdf_set_valuef(h, "Q.Repeat.repeated.%s.n=%lld", per, q->repeated);
        hdf_set_valuef(h, "Q.Repeat.repeated.%s.base=%lld", per, q->resolved);
        percent(q->repeated, q->resolved, pct);
        hdf_set_valuef(h, "Q.Repeat.repeated.%s.rate=%s", per, pct);
        hdf_set_valuef(h, "Q.Repeat.repeated.%s.w=%lld", per,
                       q->resolved ? q->repeated * 400 / q->resolved : 0);
        hdf_set_valuef(h, "Q.Repeat.reopened_after.%s.n=%lld", per, q->reopened_after);
        hdf_set_valuef(h, "Q.Repeat.reopened_after.%s.base=%lld", per, q->resolutions);
        percent(q->reopened_after, q->resolutions, pct);
        hdf_set_valuef(h, "Q.Repeat.reopened_after.%s.rate=%s", per, pct);
        hdf_set_valuef(h, "Q.Repeat.reopened_after.%s.w=%lld", per,
                       q->resolutions ? q->reopened_after * 400 / q->resolutions : 0);
    }
}

static void set_rankings(web_t *w, const stats_figures_t *r)
{
    HDF *h = w->r->hdf;
    char tr[24];
    long long max = 1;
    for (int i = 0; i < r->ncombos; i++)
        max = r->combos[i].n[0] > max ? r->combos[i].n[0] : max;
    hdf_set_valuef(h, "Q.Combos.h=%d", r->ncombos * 26 + 4);
    for (int i = 0; i < r->ncombos; i++) {
        const stats_combo_t *c = &r->combos[i];
        hdf_set_valuef(h, "Q.Combos.Rows.%d.cat=%lld", i, c->category_id);
        hdf_set_valuef(h, "Q.Combos.Rows.%d.category=%s", i,
                       agent_stats_dim_name(w, SD_CATEGORY, c->category_id));
        hdf_set_valuef(h, "Q.Combos.Rows.%d.product=%s", i, c->product);
        hdf_set_valuef(h, "Q.Combos.Rows.%d.nature=%s", i, c->nature);
        for (int p = 0; p < NPER; p++)
            hdf_set_valuef(h, "Q.Combos.Rows.%d.%s=%lld", i, stats_per_codes[p], c->n[p]);
        trend(c->n[0], c->n[1], tr);
        hdf_set_valuef(h, "Q.Combos.Rows.%d.trend=%s", i, tr);
        hdf_set_valuef(h, "Q.Combos.Rows.%d.w=%lld", i, c->n[0] * 360 / max);
        hdf_set_valuef(h, "Q.Combos.Rows.%d.y=%d", i, i * 26 + 4);
        hdf_set_valuef(h, "Q.Combos.Rows.%d.ty=%d", i, i * 26 + 19);
        hdf_set_valuef(h, "Q.Combos.Rows.%d.tx=%lld", i, 240 + c->n[0] * 360 / max + 6);
    }
    max = 1;
    for (int i = 0; i < r->nterms; i++)
        max = r->terms[i].n[0] > max ? r->terms[i].n[0] : max;
    hdf_set_valuef(h, "Q.Terms.h=%d", r->nterms * 22 + 4);
    for (int i = 0; i < r->nterms; i++) {
        const stats_term_t *t = &r->terms[i];
        hdf_set_valuef(h, "Q.Terms.Rows.%d.term=%s", i, t->term);
        for (int p = 0; p < NPER; p++)
            hdf_set_valuef(h, "Q.Terms.Rows.%d.%s=%lld", i, stats_per_codes[p], t->n[p]);
        trend(t->n[0], t->n[1], tr);
        hdf_set_valuef(h, "Q.Terms.Rows.%d.trend=%s", i, tr);
        hdf_set_valuef(h, "Q.Terms.Rows.%d.w=%lld", i, t->n[0] * 400 / max);
        hdf_set_valuef(h, "Q.Terms.Rows.%d.y=%d", i, i * 22 + 4);
        hdf_set_valuef(h, "Q.Terms.Rows.%d.ty=%d", i, i * 22 + 18);
        hdf_set_valuef(h, "Q.Terms.Rows.%d.tx=%lld", i, 120 + t->n[0] * 400 / max + 6);
    }
}

static void set_cross(web_t *w, const stats_figures_t *r)
{
    HDF *h = w->r->hdf;
    char per_ticket[48];
    long long max = 1;
    for (int k = 0; k < 5; k++) {
        long long n, x;
        cross_of(&r->q[CUR], k, &n, &x);
        max = x > max ? x : max;
    }
    for (int k = 0; k < 5; k++) {
        hdf_set_valuef(h, "Q.Cross.%d.code=%s", k, cross_codes[k]);
        for (int p = 0; p < NPER; p++) {
            long long n, x;
            cross_of(&r->q[p], k, &n, &x);
            ratio(x, r->q[p].created, per_ticket);
            hdf_set_valuef(h, "Q.Cross.%d.%s.tickets=%lld", k, stats_per_codes[p], n);
            hdf_set_valuef(h, "Q.Cross.%d.%s.times=%lld", k, stats_per_codes[p], x);
            hdf_set_valuef(h, "Q.Cross.%d.%s.per=%s", k, stats_per_codes[p], per_ticket);
            if (p == CUR) {
                hdf_set_valuef(h, "Q.Cross.%d.w=%lld", k, x * 400 / max);
                hdf_set_valuef(h, "Q.Cross.%d.y=%d", k, k * 26 + 4);
                hdf_set_valuef(h, "Q.Cross.%d.ty=%d", k, k * 26 + 19);
                hdf_set_valuef(h, "Q.Cross.%d.tx=%lld", k, 150 + x * 400 / max + 6);
            }
        }
    }
    for (int p = 0; p < NPER; p++)
        hdf_set_valuef(h, "Q.Created.%s=%lld", stats_per_codes[p], r->q[p].created);
    for (int i = 0; i < r->npairs; i++) {
        const stats_pair_t *x = &r->pairs[i];
        hdf_set_valuef(h, "Q.Pairs.%d.from=%lld", i, x->from_team);
        hdf_set_valuef(h, "Q.Pairs.%d.to=%lld", i, x->to_team);
        hdf_set_valuef(h, "Q.Pairs.%d.from_name=%s", i, agent_stats_dim_name(w, SD_TEAM, x->from_team));
        hdf_set_valuef(h, "Q.Pairs.%d.to_name=%s", i, agent_stats_dim_name(w, SD_TEAM, x->to_team));
        for (int p = 0; p < NPER; p++)
            hdf_set_valuef(h, "Q.Pairs.%d.%s=%lld", i, stats_per_codes[p], x->n[p]);
    }
}

static void set_satisfaction(HDF *h, const stats_figures_t *r)
{
    char v[48];
    for (int p = 0; p < NPER; p++) {
        const stats_quality_t *q = &r->q[p];
        const char *per = stats_per_codes[p];
        hdf_set_valuef(h, "Q.Sat.%s.closed=%lld", per, q->closed);
        hdf_set_valuef(h, "Q.Sat.%s.answered=%lld", per, q->answered);
        percent(q->answered, q->closed, v);
        hdf_set_valuef(h, "Q.Sat.%s.rate=%s", per, v);
        for (int k = 0; k < SQ_SCORES; k++) {
            ratio(q->score_sum[k], q->answered, v);
            hdf_set_valuef(h, "Q.Sat.%s.%s=%s", per, stats_score_codes[k], v);
        }
    }
    /* the distribution of this period: a stacked bar per score, 500 wide */
    const stats_quality_t *q = &r->q[CUR];
    for (int k = 0; k < SQ_SCORES; k++) {
        long x = 0;
        hdf_set_valuef(h, "Q.Dist.%d.code=%s", k, stats_score_codes[k]);
        hdf_set_valuef(h, "Q.Dist.%d.y=%d", k, k * 34 + 4);
        hdf_set_valuef(h, "Q.Dist.%d.ty=%d", k, k * 34 + 20);
        for (int s = 0; s < 5; s++) {
            long wd = q->answered ? (long)(q->dist[k][s] * 500 / q->answered) : 0;
            hdf_set_valuef(h, "Q.Dist.%d.S.%d.score=%d", k, s, s + 1);
            hdf_set_valuef(h, "Q.Dist.%d.S.%d.n=%lld", k, s, q->dist[k][s]);
            hdf_set_valuef(h, "Q.Dist.%d.S.%d.x=%ld", k, s, 150 + x);
            hdf_set_valuef(h, "Q.Dist.%d.S.%d.w=%ld", k, s, wd);
            x += wd;
        }
    }
    for (int i = 0; i < r->nlow; i++) {
        const stats_low_t *l = &r->low[i];
        hdf_set_valuef(h, "Q.Low.%d.number=%s", i, l->number);
        hdf_set_valuef(h, "Q.Low.%d.subject=%s", i, l->subject);
        for (int k = 0; k < SQ_SCORES; k++)
            hdf_set_valuef(h, "Q.Low.%d.%s=%d", i, stats_score_codes[k], l->score[k]);
        hdf_set_valuef(h, "Q.Low.%d.suggestions=%s", i, l->suggestions);
        hdf_set_valuef(h, "Q.Low.%d.unmet=%s", i, l->unmet_needs);
    }
}

void agent_stats_quality(web_t *w, const stats_figures_t *r)
{
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Q.RepeatDays=%ld", r->repeat_days);
    set_rates(h, r);
    set_rankings(w, r);
    set_cross(w, r);
    set_satisfaction(h, r);
}

/* ---- the tickets behind a number ------------------------------------------------ */

static const char *value_or_empty(web_t *w, const char *name)
{
    const char *v = form_value(w->r->hdf, name);
    return v ? v : "";
}

/* The statistics' view and this page's own fields; OUTCOME_*. */
static int read_quality(web_t *w, stats_view_t *v)
{
    int rc = agent_stats_read_view(w, v);
    if (rc == OUTCOME_OK &&
        form_validate(w->r->hdf, w->r->hdf, quality_fields,
                      sizeof quality_fields / sizeof *quality_fields))
        rc = OUTCOME_INVALID;
    return rc;
}

static void read_key(web_t *w, stats_qkey_t *k)
{
    HDF *h = w->r->hdf;
    memset(k, 0, sizeof *k);
    k->category_id = form_int(h, "ccat");
    k->from_team = form_int(h, "from");
    k->to_team = form_int(h, "to");
    snprintf(k->product, sizeof k->product, "%s", value_or_empty(w, "cprod"));
    snprintf(k->nature, sizeof k->nature, "%s", value_or_empty(w, "nature"));
    snprintf(k->term, sizeof k->term, "%s", value_or_empty(w, "term"));
    const char *dim = value_or_empty(w, "dim");
    for (int i = 0; i < SQ_SCORES; i++)
        if (!strcmp(dim, stats_score_codes[i]))
            k->score_of = i;
    k->score = (int)form_int(h, "score");
}

/* The figure's key as it goes in the page's links. */
static void key_query(web_t *w, stats_qfig_t fig, const stats_qkey_t *k, char *out, size_t cap)
{
    out[0] = '\0';
    char *p = NULL, *t = NULL;
    if (fig == QF_COMBO) {
        if (cgi_url_escape(k->product, &p) != STATUS_OK)
            p = NULL;
        snprintf(out, cap, "&ccat=%lld&cprod=%s&nature=%s", k->category_id, p ? p : "",
                 k->nature);
    } else if (fig == QF_TERM) {
        if (cgi_url_escape(k->term, &t) != STATUS_OK)
            t = NULL;
        snprintf(out, cap, "&term=%s", t ? t : "");
    } else if (fig == QF_PAIR)
        snprintf(out, cap, "&from=%lld&to=%lld", k->from_team, k->to_team);
    else if (fig == QF_SCORE)
        snprintf(out, cap, "&dim=%s&score=%d", stats_score_codes[k->score_of], k->score);
    free(p);
    free(t);
    (void)w;
}

void agent_page_stats_quality_tickets(web_t *w, const char *arg)
{
    (void)arg;
    stats_view_t v;
    int rc = read_quality(w, &v);
    int fig = stats_qfig_parse(form_value(w->r->hdf, "qfig"));
    const char *which = form_value(w->r->hdf, "of");
    int p = which && !strcmp(which, "prev") ? PREV : which && !strcmp(which, "year") ? YEAR : CUR;
    if (rc == OUTCOME_OK && fig < 0)
        rc = OUTCOME_INVALID;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    stats_qkey_t key;
    read_key(w, &key);
    stats_tickets_t *page = malloc(sizeof *page);
    long long after = form_int(w->r->hdf, "after");
    if (!page || stats_quality_tickets(w->d, &v.filter, &v.per[p], (stats_qfig_t)fig, &key,
                                       stats_repeat_days(w->d), after, page)) {
        free(page);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    HDF *h = w->r->hdf;
    agent_stats_set_periods(w, &v);
    char extra[700], path[1200], key_title[80];
    key_query(w, (stats_qfig_t)fig, &key, extra, sizeof extra);
    snprintf(path, sizeof path, "/agent/stats/quality/tickets?qfig=%s&of=%s&%s%s",
             stats_qfig_codes[fig], stats_per_codes[p], v.qs, extra);
    snprintf(key_title, sizeof key_title, "Stats.Q.Fig.%s", stats_qfig_codes[fig]);
    hdf_set_value(h, "Drill.title", text(w, key_title));
    hdf_set_value(h, "Drill.path", path);
    hdf_set_value(h, "Drill.of", stats_per_codes[p]);
    if (fig == QF_TERM)
        hdf_set_value(h, "Drill.key", key.term);
    else if (fig == QF_COMBO)
        hdf_set_valuef(h, "Drill.key=%s · %s · %s",
                       agent_stats_dim_name(w, SD_CATEGORY, key.category_id), key.product,
                       key.nature);
    else if (fig == QF_PAIR)
        hdf_set_valuef(h, "Drill.key=%s → %s", agent_stats_dim_name(w, SD_TEAM, key.from_team),
                       agent_stats_dim_name(w, SD_TEAM, key.to_team));
    else if (fig == QF_SCORE) {
        char name[48];
        snprintf(name, sizeof name, "Stats.Q.Score.%s", stats_score_codes[key.score_of]);
        hdf_set_valuef(h, "Drill.key=%s %d", text(w, name), key.score);
    }
    agent_stats_ticket_rows(w, page);
    free(page);
    agent_set_nav(w);
    web_render(w, "agent/stats_tickets.cs");
}

/* ---- CSV: the report's tables ------------------------------------------------ */

void agent_page_stats_quality_csv(web_t *w, const char *arg)
{
    (void)arg;
    stats_view_t v;
    int rc = read_quality(w, &v);
    const char *table = form_value(w->r->hdf, "qtable");
    if (rc == OUTCOME_OK && !table)
        rc = OUTCOME_INVALID;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    char to[700];
    snprintf(to, sizeof to, "/agent/stats.csv?table=%s&%s", table, v.qs);
    req_redirect(w->r, to);
}
