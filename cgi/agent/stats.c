/* agent_stats: the statistics for the monthly review (lib/desk/stats/).
 *
 *   GET /agent/stats                 the period's figures beside the
 *                                    previous period and the same period a
 *                                    year earlier, with charts and tables
 *   GET /agent/stats.csv?table=NAME  one table as CSV (volume, times, sla,
 *                                    daily, category, priority, channel, team,
 *                                    status, the quality tables; agent and
 *                                    agents for supervisors only:
 *                                    lib/desk/stats/tables.h)
 *   GET /agent/stats.xlsx            the whole report as an .xlsx workbook
 *   GET /agent/stats/tickets?fig=F   the tickets behind a number, by key
 *
 * Query: kind (week, month, quarter, year, range), at (a day of the
 * period, YYYY-MM-DD; today by default), until (the last day of a range),
 * team, category, priority, channel, product, organisation, tag (a customer
 * tag), agent. Supervisors and admins see every team and the figures per
 * agent; an agent sees their own teams and no other agent's figures
 * (stats_scope, stats_sees_agents). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent/stats.h"
#include "web/form.h"
#include "core/csv.h"
#include "desk/customer/orgtags.h"
#include "desk/customer/tags.h"
#include "desk/stats/export.h"
#include "desk/stats/report.h"
#include "desk/stats/tables.h"
#include "desk/stats/workbook.h"

#define per_codes stats_per_codes

/* the figures every table of the page, the CSV files and the workbook show */
typedef stats_figures_t report_t;

static const char *const of_codes[] = {"cur", "prev", "year", NULL};

/* The query every statistics page reads: the period, the filters (an id,
 * 0 for all), and the figure, period and page of a list, or the table of a
 * CSV. */
static const form_field_t query_fields[] = {
    {.name = "kind", .type = FT_CHOICE, .max_chars = 10, .choices = stats_kind_codes},
    {.name = "at", .type = FT_DATE, .max_chars = 10},
    {.name = "until", .type = FT_DATE, .max_chars = 10},
    {.name = "team", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "category", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "priority", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "channel", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "product", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "organisation", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "tag", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "agent", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "fig", .type = FT_CHOICE, .max_chars = 20, .choices = stats_figure_codes},
    {.name = "of", .type = FT_CHOICE, .max_chars = 10, .choices = of_codes},
    {.name = "after", .type = FT_INTEGER, .max = WEB_ID_MAX},
    {.name = "table", .type = FT_CHOICE, .max_chars = 20, .choices = stats_table_codes},
};

static const char *value_or_empty(web_t *w, const char *name)
{
    const char *v = form_value(w->r->hdf, name);
    return v ? v : "";
}

/* The filters as a query string. */
static void filter_query(const stats_filter_t *f, char *out, size_t cap)
{
    snprintf(out, cap, "team=%lld&category=%lld&priority=%lld&channel=%lld&product=%lld"
             "&organisation=%lld&tag=%lld&agent=%lld", f->team_id, f->category_id,
             f->priority_id, f->channel_id, f->product_id, f->organisation_id, f->tag_id,
             f->agent_id);
}

int agent_stats_read_view(web_t *w, stats_view_t *v)
{
    HDF *h = w->r->hdf;
    memset(v, 0, sizeof *v);
    if (form_validate(h, h, query_fields, sizeof query_fields / sizeof *query_fields))
        return OUTCOME_INVALID;
    int k = stats_kind_parse(form_value(h, "kind"));
    v->kind = k < 0 ? SK_MONTH : (stats_kind_t)k;
    snprintf(v->at, sizeof v->at, "%s", value_or_empty(w, "at"));
    snprintf(v->until, sizeof v->until, "%s", value_or_empty(w, "until"));
    v->filter.team_id = form_int(h, "team");
    v->filter.category_id = form_int(h, "category");
    v->filter.priority_id = form_int(h, "priority");
    v->filter.channel_id = form_int(h, "channel");
    v->filter.product_id = form_int(h, "product");
    v->filter.organisation_id = form_int(h, "organisation");
    v->filter.tag_id = form_int(h, "tag");
    v->filter.agent_id = form_int(h, "agent");
    int rc = stats_scope(ME(w), &v->filter);
    if (rc != OUTCOME_OK)
        return rc;
    if (stats_period_make(v->kind, v->at, v->until, desk_now(w->d), &v->per[CUR]))
        return OUTCOME_INVALID;
    stats_period_previous(&v->per[CUR], &v->per[PREV]);
    stats_period_year_before(&v->per[CUR], &v->per[YEAR]);
    char first[11], last[11];
    stats_period_days(&v->per[CUR], first, last);
    snprintf(v->qp, sizeof v->qp, "kind=%s&at=%s&until=%s", stats_kind_code(v->kind), first,
             v->kind == SK_RANGE ? last : "");
    char fq[320];
    filter_query(&v->filter, fq, sizeof fq);
    snprintf(v->qs, sizeof v->qs, "%s&%s", v->qp, fq);
    return OUTCOME_OK;
}

static int load(web_t *w, const stats_view_t *v, report_t *r)
{
    return stats_figures_load(w->d, &v->filter, &v->per[CUR], desk_now(w->d),
                              stats_sees_agents(ME(w)), r);
}

/* ---- names ------------------------------------------------------------------ */

/* The names of the people who may own tickets, as the figures read them,
 * into the page's data (Names.Agent.ID), where the filter bar finds them
 * too. */
static void set_names(web_t *w, const report_t *r)
{
    for (int i = 0; i < r->nnames; i++)
        hdf_set_valuef(w->r->hdf, "Names.Agent.%lld=%s", r->names[i].id, r->names[i].name);
}

static const char *agent_name(web_t *w, long long id)
{
    if (!id)
        return texts_get(&w->d->texts, w->lang, "Stats.NoAgent");
    char key[48];
    snprintf(key, sizeof key, "Names.Agent.%lld", id);
    const char *v = hdf_get_value(w->r->hdf, key, NULL);
    if (!v) /* no longer active */
        hdf_set_valuef(w->r->hdf, "%s=#%lld", key, id), v = hdf_get_value(w->r->hdf, key, "");
    return v;
}

const char *agent_stats_dim_name(web_t *w, stats_dim_t dim, long long id)
{
    const catalog_t *c = &w->d->catalog;
    if (dim == SD_CATEGORY) {
        const category_t *x = catalog_category_by_id(c, id);
        return x ? x->name[w->lang] : "";
    }
    if (dim == SD_PRIORITY) {
        const priority_t *x = catalog_priority_by_id(c, id);
        return x ? x->name[w->lang] : "";
    }
    if (dim == SD_CHANNEL) {
        const channel_t *x = catalog_channel_by_id(c, id);
        return x ? x->name[w->lang] : "";
    }
    if (dim == SD_AGENT)
        return agent_name(w, id);
    const team_t *x = catalog_team_by_id(c, id);
    return x ? x->name[w->lang] : texts_get(&w->d->texts, w->lang, "Stats.NoTeam");
}

/* ---- the page ------------------------------------------------------------------ */

static void add_product(long long id, const char *name, void *ctx)
{
    HDF *h = ctx;
    int n = hdf_get_int_value(h, "Choices.nproduct", 0);
    hdf_set_valuef(h, "Choices.Product.%d.id=%lld", n, id);
    hdf_set_valuef(h, "Choices.Product.%d.name=%s", n, name);
    hdf_set_valuef(h, "Choices.nproduct=%d", n + 1);
}

typedef struct tag_ctx {
    HDF *h;
    lang_t lang;
    int n;
} tag_ctx_t;

static void add_tag(const tag_t *t, void *ctx)
{
    tag_ctx_t *x = ctx;
    hdf_set_valuef(x->h, "Choices.Tag.%d.id=%lld", x->n, t->id);
    hdf_set_valuef(x->h, "Choices.Tag.%d.name=%s", x->n++, t->name[x->lang]);
}

#define STATS_ORGS 200

/* The choices of the filter bar beyond the catalogue's: products,
 * organisations (the first STATS_ORGS by name), customer tags; the agents
 * for those who see them (Names.Agent). 0 or -1. */
static int set_choices(web_t *w, long long org_chosen)
{
    HDF *h = w->r->hdf;
    tag_ctx_t tags = {h, w->lang, 0};
    org_t *orgs = malloc(sizeof *orgs * (STATS_ORGS + 1));
    int n = orgs ? orgtags_search(w->d, "", orgs, STATS_ORGS) : -1;
    bool listed = !org_chosen;
    for (int i = 0; i < n; i++)
        listed = listed || orgs[i].id == org_chosen;
    /* the one chosen stays offered, wherever its name falls */
    if (n >= 0 && !listed && orgtags_get(w->d, org_chosen, &orgs[n]) == OUTCOME_OK)
        n++;
    for (int i = 0; i < n; i++) {
        hdf_set_valuef(h, "Choices.Org.%d.id=%lld", i, orgs[i].id);
        hdf_set_valuef(h, "Choices.Org.%d.name=%s", i, orgs[i].name);
    }
    free(orgs);
    if (n < 0 || stats_products_each(w->d, 500, add_product, h) < 0 ||
        tags_each(w->d, false, add_tag, &tags) < 0)
        return -1;
    if (stats_sees_agents(ME(w)))
        hdf_set_value(h, "Choices.agents", "1");
    return 0;
}


static const char *const vol_codes[] = {"created", "closed", "reopened", "backlog_start",
                                        "backlog_end"};
static long long vol(const stats_summary_t *s, int i)
{
    const long long v[] = {s->created, s->closed, s->reopened, s->backlog_start, s->backlog_end};
    return v[i];
}

/* The SLA clocks in the order of a ticket's life, and the prefix of their
 * figures' codes. */
#define NCLOCKS 6
static const char *const clock_codes[NCLOCKS] = {"classify", "accept", "first_response",
                                                 "update", "resolution", "answer"};
static const char *const clock_figs[NCLOCKS] = {"cl", "ac", "fr", "up", "res", "ans"};


/* A duration to the minute: hours and minutes (h, m), all minutes (total). */
void agent_stats_set_seconds(HDF *h, const char *key, long long s)
{
    long long minutes = (s + 30) / 60;
    hdf_set_valuef(h, "%s.s=%lld", key, s);
    hdf_set_valuef(h, "%s.total=%lld", key, minutes);
    hdf_set_valuef(h, "%s.h=%lld", key, minutes / 60);
    hdf_set_valuef(h, "%s.m=%lld", key, minutes % 60);
}

static void set_times(HDF *h, const char *key, const stats_times_t *t)
{
    char k[160];
    hdf_set_valuef(h, "%s.n=%lld", key, t->n);
    const long long v[] = {t->mean, t->median, t->p90, t->max};
    static const char *const names[] = {"mean", "median", "p90", "max"};
    for (int i = 0; i < 4; i++) {
        snprintf(k, sizeof k, "%s.%s", key, names[i]);
        agent_stats_set_seconds(h, k, v[i]);
    }
}

/* met / (met + breached), in tenths of a percent; -1 when nothing stopped
 * or ran out yet. */
static long rate(const stats_sla_t *s)
{
    long long done = s->met + s->breached;
    return done ? (long)((s->met * 1000 + done / 2) / done) : -1;
}

void agent_stats_set_sla(HDF *h, const char *key, const stats_sla_t *s)
{
    long long all = s->met + s->breached + s->running;
    hdf_set_valuef(h, "%s.met=%lld", key, s->met);
    hdf_set_valuef(h, "%s.breached=%lld", key, s->breached);
    hdf_set_valuef(h, "%s.running=%lld", key, s->running);
    long r = rate(s);
    if (r >= 0)
        hdf_set_valuef(h, "%s.rate=%ld.%ld", key, r / 10, r % 10);
    /* the stacked bar, 0-600 wide */
    long wm = all ? (long)(s->met * 600 / all) : 0, wb = all ? (long)(s->breached * 600 / all) : 0;
    hdf_set_valuef(h, "%s.wm=%ld", key, wm);
    hdf_set_valuef(h, "%s.wb=%ld", key, wb);
    hdf_set_valuef(h, "%s.xb=%ld", key, wm);
    hdf_set_valuef(h, "%s.xr=%ld", key, wm + wb);
    hdf_set_valuef(h, "%s.wr=%ld", key, all ? 600 - wm - wb : 0);
}

void agent_stats_set_periods(web_t *w, const stats_view_t *v)
{
    HDF *h = w->r->hdf;
    for (int i = 0; i < NPER; i++) {
        char first[11], last[11];
        stats_period_days(&v->per[i], first, last);
        hdf_set_valuef(h, "Per.%s.first=%s", per_codes[i], first);
        hdf_set_valuef(h, "Per.%s.last=%s", per_codes[i], last);
    }
    char first[11], last[11];
    stats_period_days(&v->per[CUR], first, last);
    hdf_set_value(h, "Filter.kind", stats_kind_code(v->kind));
    hdf_set_value(h, "Filter.at", first);
    hdf_set_value(h, "Filter.until", v->kind == SK_RANGE ? last : "");
    hdf_set_valuef(h, "Filter.team=%lld", v->filter.team_id);
    hdf_set_valuef(h, "Filter.category=%lld", v->filter.category_id);
    hdf_set_valuef(h, "Filter.priority=%lld", v->filter.priority_id);
    hdf_set_valuef(h, "Filter.channel=%lld", v->filter.channel_id);
    hdf_set_valuef(h, "Filter.product=%lld", v->filter.product_id);
    hdf_set_valuef(h, "Filter.organisation=%lld", v->filter.organisation_id);
    hdf_set_valuef(h, "Filter.tag=%lld", v->filter.tag_id);
    hdf_set_valuef(h, "Filter.agent=%lld", v->filter.agent_id);
    hdf_set_value(h, "Q", v->qs);
    char fq[320];
    filter_query(&v->filter, fq, sizeof fq);
    hdf_set_value(h, "Qf", fq);
    hdf_set_value(h, "Qp", v->qp);
    /* the periods just before and after, to step through */
    stats_period_t next;
    stats_period_make(v->kind == SK_RANGE ? SK_MONTH : v->kind, NULL, NULL,
                      v->per[CUR].to + 12 * 3600, &next);
    stats_period_days(&v->per[PREV], first, last);
    hdf_set_value(h, "Step.prev", first);
    stats_period_days(&next, first, last);
    hdf_set_value(h, "Step.next", first);
    /* an agent chooses among their own teams only */
    const agent_t *me = ME(w);
    if (!agent_is_supervisor(me))
        for (int i = 0; i < me->nteams; i++)
            hdf_set_valuef(h, "Scope.Teams.%d=%lld", i, me->teams[i]);
}

/* Where time goes: the statuses by their time in all, longest first, each a
 * bar 0-400 wide against the longest. */
void agent_stats_set_status(web_t *w, const stats_status_time_t *st)
{
    HDF *h = w->r->hdf;
    int order[STATS_STATUSES];
    long long all = 0, max = 1;
    for (int i = 0; i < STATS_STATUSES; i++) {
        order[i] = i;
        all += st->seconds[i];
        if (st->seconds[i] > max)
            max = st->seconds[i];
    }
    for (int i = 1; i < STATS_STATUSES; i++) /* insertion sort, longest first, stable */
        for (int j = i; j > 0 && st->seconds[order[j]] > st->seconds[order[j - 1]]; j--) {
            int t = order[j];
            order[j] = order[j - 1], order[j - 1] = t;
        }
    hdf_set_valuef(h, "StatusTime.resolved=%lld", st->resolved);
    hdf_set_valuef(h, "StatusTime.h=%d", STATS_STATUSES * 26 + 4);
    for (int i = 0; i < STATS_STATUSES; i++) {
        int k = order[i];
        char key[64];
        long long share = all ? (st->seconds[k] * 1000 + all / 2) / all : 0;
        hdf_set_valuef(h, "StatusTime.Rows.%d.code=%s", i, stats_status_codes[k]);
        hdf_set_valuef(h, "StatusTime.Rows.%d.fig=%s", i, stats_figure_code(SF_IN_STATUS + k));
        hdf_set_valuef(h, "StatusTime.Rows.%d.tickets=%lld", i, st->tickets[k]);
        snprintf(key, sizeof key, "StatusTime.Rows.%d.total", i);
        agent_stats_set_seconds(h, key, st->seconds[k]);
        snprintf(key, sizeof key, "StatusTime.Rows.%d.mean", i);
        agent_stats_set_seconds(h, key, st->tickets[k] ? st->seconds[k] / st->tickets[k] : 0);
        hdf_set_valuef(h, "StatusTime.Rows.%d.share=%lld.%lld", i, share / 10, share % 10);
        hdf_set_valuef(h, "StatusTime.Rows.%d.w=%lld", i, st->seconds[k] * 400 / max);
        hdf_set_valuef(h, "StatusTime.Rows.%d.y=%d", i, i * 26 + 4);
        hdf_set_valuef(h, "StatusTime.Rows.%d.ty=%d", i, i * 26 + 19);
        hdf_set_valuef(h, "StatusTime.Rows.%d.tx=%lld", i, 190 + st->seconds[k] * 400 / max + 6);
    }
}

static void set_agents(web_t *w, const report_t *r)
{
    HDF *h = w->r->hdf;
    hdf_set_valuef(h, "Agents.n=%d", r->per_agent ? r->nagents : -1);
    for (int i = 0; r->per_agent && i < r->nagents; i++) {
        const stats_agent_row_t *a = &r->agents[i];
        char key[64];
        hdf_set_valuef(h, "Agents.Rows.%d.id=%lld", i, a->agent_id);
        hdf_set_valuef(h, "Agents.Rows.%d.name=%s", i, agent_name(w, a->agent_id));
        hdf_set_valuef(h, "Agents.Rows.%d.created=%lld", i, a->created);
        hdf_set_valuef(h, "Agents.Rows.%d.closed=%lld", i, a->closed);
        hdf_set_valuef(h, "Agents.Rows.%d.responded=%lld", i, a->responded);
        hdf_set_valuef(h, "Agents.Rows.%d.resolved=%lld", i, a->resolved);
        hdf_set_valuef(h, "Agents.Rows.%d.spent_minutes=%lld", i, a->minutes_spent);
        snprintf(key, sizeof key, "Agents.Rows.%d.spent", i);
        agent_stats_set_seconds(h, key, a->minutes_spent * 60);
        const long long v[] = {a->fr_median_biz, a->fr_median, a->res_median_biz, a->res_median};
        static const char *const names[] = {"fr_biz", "fr", "res_biz", "res"};
        for (int k = 0; k < 4; k++) {
            snprintf(key, sizeof key, "Agents.Rows.%d.%s", i, names[k]);
            agent_stats_set_seconds(h, key, v[k]);
        }
    }
}

void agent_stats_set_daily(HDF *h, const stats_period_t *p, const long long *created,
                           const long long *closed)
{
    long long max = 1;
    for (int i = 0; i < p->days; i++) {
        if (created[i] > max)
            max = created[i];
        if (closed[i] > max)
            max = closed[i];
    }
    /* the chart: 720 x 160 user units, two bars a day, axis from zero */
    int slot = 720 / (p->days ? p->days : 1), bw = slot > 3 ? (slot - 2) / 2 : 1;
    hdf_set_valuef(h, "Chart.max=%lld", max);
    for (int i = 0; i < p->days; i++) {
        char day[11];
        time_t t = stats_period_day(p, i);
        struct tm tm;
        localtime_r(&t, &tm);
        strftime(day, sizeof day, "%Y-%m-%d", &tm);
        long hc = (long)(created[i] * 160 / max), hx = (long)(closed[i] * 160 / max);
        hdf_set_valuef(h, "Daily.%d.day=%s", i, day);
        hdf_set_valuef(h, "Daily.%d.label=%d", i, tm.tm_mday);
        hdf_set_valuef(h, "Daily.%d.created=%lld", i, created[i]);
        hdf_set_valuef(h, "Daily.%d.closed=%lld", i, closed[i]);
        hdf_set_valuef(h, "Daily.%d.x=%d", i, i * slot + 1);
        hdf_set_valuef(h, "Daily.%d.x2=%d", i, i * slot + 1 + bw);
        hdf_set_valuef(h, "Daily.%d.w=%d", i, bw);
        hdf_set_valuef(h, "Daily.%d.hc=%ld", i, hc);
        hdf_set_valuef(h, "Daily.%d.yc=%ld", i, 160 - hc);
        hdf_set_valuef(h, "Daily.%d.hx=%ld", i, hx);
        hdf_set_valuef(h, "Daily.%d.yx=%ld", i, 160 - hx);
        hdf_set_valuef(h, "Daily.%d.tick=%d", i, p->days <= 31 || tm.tm_mday == 1);
        hdf_set_valuef(h, "Daily.%d.tx=%d", i, i * slot + slot / 2);
    }
}

void agent_stats_bar(HDF *h, const char *row, int i, long long v, long long max)
{
    hdf_set_valuef(h, "%s.w=%lld", row, v * 400 / max);
    hdf_set_valuef(h, "%s.y=%d", row, i * 26 + 4);
    hdf_set_valuef(h, "%s.ty=%d", row, i * 26 + 19);
    hdf_set_valuef(h, "%s.tx=%lld", row, 150 + v * 400 / max + 6);
}

static void set_by(web_t *w, const stats_view_t *v, const report_t *r)
{
    HDF *h = w->r->hdf;
    for (int k = 0; k < SD_COUNT; k++) {
        if (k == SD_AGENT && !r->per_agent)
            continue; /* figures per agent: supervisors only */
        long long max = 1;
        for (int i = 0; i < r->nby[k]; i++)
            if (r->by[k][i].created > max)
                max = r->by[k][i].created;
        const char *dim = stats_dim_code((stats_dim_t)k);
        hdf_set_valuef(h, "By.%s.n=%d", dim, r->nby[k]);
        hdf_set_valuef(h, "By.%s.h=%d", dim, r->nby[k] * 26 + 4);
        for (int i = 0; i < r->nby[k]; i++) {
            const stats_count_t *c = &r->by[k][i];
            hdf_set_valuef(h, "By.%s.Rows.%d.id=%lld", dim, i, c->id);
            /* the query of this row: the filters with this value */
            stats_filter_t f = v->filter;
            long long *slot[SD_COUNT] = {&f.category_id, &f.priority_id, &f.channel_id,
                                         &f.team_id, &f.agent_id};
            *slot[k] = c->id;
            char q[512], fq[320];
            filter_query(&f, fq, sizeof fq);
            snprintf(q, sizeof q, "%s&%s", v->qp, fq);
            hdf_set_valuef(h, "By.%s.Rows.%d.q=%s", dim, i, q);
            hdf_set_valuef(h, "By.%s.Rows.%d.name=%s", dim, i, agent_stats_dim_name(w, (stats_dim_t)k, c->id));
            hdf_set_valuef(h, "By.%s.Rows.%d.created=%lld", dim, i, c->created);
            hdf_set_valuef(h, "By.%s.Rows.%d.closed=%lld", dim, i, c->closed);
            char row[64];
            snprintf(row, sizeof row, "By.%s.Rows.%d", dim, i);
            agent_stats_bar(h, row, i, c->created, max);
        }
    }
}

void agent_page_stats(web_t *w, const char *arg)
{
    (void)arg;
    stats_view_t v;
    int rc = agent_stats_read_view(w, &v);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    report_t *r = calloc(1, sizeof *r);
    if (!r || load(w, &v, r)) {
        free(r);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    HDF *h = w->r->hdf;
    agent_stats_set_periods(w, &v);
    set_names(w, r);
    if (set_choices(w, v.filter.organisation_id)) {
        free(r);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    for (int i = 0; i < 5; i++) {
        hdf_set_valuef(h, "Vol.%d.code=%s", i, vol_codes[i]);
        for (int p = 0; p < NPER; p++)
            hdf_set_valuef(h, "Vol.%d.%s=%lld", i, per_codes[p], vol(&r->sum[p], i));
    }
    for (int p = 0; p < NPER; p++) {
        char key[64];
        const stats_summary_t *s = &r->sum[p];
        snprintf(key, sizeof key, "Times.first_response.%s.biz", per_codes[p]);
        set_times(h, key, &s->first_response_biz);
        snprintf(key, sizeof key, "Times.first_response.%s.wall", per_codes[p]);
        set_times(h, key, &s->first_response);
        snprintf(key, sizeof key, "Times.resolution.%s.biz", per_codes[p]);
        set_times(h, key, &s->resolution_biz);
        snprintf(key, sizeof key, "Times.resolution.%s.wall", per_codes[p]);
        set_times(h, key, &s->resolution);
        const stats_sla_t *clock[NCLOCKS] = {&s->sla_classify, &s->sla_accept,
                                             &s->sla_first_response, &s->sla_update,
                                             &s->sla_resolution, &s->sla_answer};
        for (int c = 0; c < NCLOCKS; c++) {
            snprintf(key, sizeof key, "Sla.%s.%s", clock_codes[c], per_codes[p]);
            agent_stats_set_sla(h, key, clock[c]);
        }
    }
    for (int c = 0; c < NCLOCKS; c++)
        hdf_set_valuef(h, "SlaFig.%s=%s", clock_codes[c], clock_figs[c]);
    hdf_set_valuef(h, "SlaChart.h=%d", NCLOCKS * 36 + 4);
    agent_stats_set_status(w, &r->status);
    if (r->per_agent)
        set_agents(w, r);
    agent_stats_set_daily(h, &v.per[CUR], r->created, r->closed);
    set_by(w, &v, r);
    agent_stats_quality(w, r);
    free(r);
    agent_set_nav(w);
    web_render(w, "agent/stats.cs");
}

/* ---- the tickets behind a number ------------------------------------------ */

void agent_page_stats_tickets(web_t *w, const char *arg)
{
    (void)arg;
    stats_view_t v;
    int rc = agent_stats_read_view(w, &v);
    int fig = stats_figure_parse(form_value(w->r->hdf, "fig"));
    const char *which = form_value(w->r->hdf, "of");
    int p = which && !strcmp(which, "prev") ? PREV : which && !strcmp(which, "year") ? YEAR : CUR;
    if (rc == OUTCOME_OK && fig < 0)
        rc = OUTCOME_INVALID;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    stats_tickets_t *page = malloc(sizeof *page);
    long long after = form_int(w->r->hdf, "after");
    if (!page || stats_tickets(w->d, &v.filter, &v.per[p], (stats_figure_t)fig, desk_now(w->d),
                               after, page)) {
        free(page);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    HDF *h = w->r->hdf;
    agent_stats_set_periods(w, &v);
    hdf_set_value(h, "Drill.fig", stats_figure_code((stats_figure_t)fig));
    hdf_set_value(h, "Drill.of", per_codes[p]);
    agent_stats_ticket_rows(w, page);
    free(page);
    agent_set_nav(w);
    web_render(w, "agent/stats_tickets.cs");
}

void agent_stats_ticket_rows(web_t *w, const stats_tickets_t *page)
{
    HDF *h = w->r->hdf;
    for (int i = 0; i < page->n; i++) {
        const stats_ticket_t *t = &page->rows[i];
        const priority_t *pr = catalog_priority_by_id(&w->d->catalog, t->priority_id);
        char key[48];
        hdf_set_valuef(h, "Rows.%d.number=%s", i, t->number);
        hdf_set_valuef(h, "Rows.%d.subject=%s", i, t->subject);
        hdf_set_valuef(h, "Rows.%d.status=%s", i, t->status);
        hdf_set_valuef(h, "Rows.%d.priority=%s", i, pr ? pr->code : "");
        hdf_set_valuef(h, "Rows.%d.category=%s", i, agent_stats_dim_name(w, SD_CATEGORY, t->category_id));
        hdf_set_valuef(h, "Rows.%d.channel=%s", i, agent_stats_dim_name(w, SD_CHANNEL, t->channel_id));
        hdf_set_valuef(h, "Rows.%d.team=%s", i, agent_stats_dim_name(w, SD_TEAM, t->team_id));
        snprintf(key, sizeof key, "Rows.%d.created", i);
        tpl_set_time(h, key, t->created_at);
    }
    if (page->more)
        hdf_set_valuef(h, "Next=%lld", page->next_after);
}

/* ---- exports: one table as CSV, the whole report as a workbook ------------------- */

/* The figures and their tables for the export of the view's period;
 * false after answering with an error page. */
static bool export_report(web_t *w, const stats_view_t *v, report_t **fig, stats_report_t *rep)
{
    *fig = malloc(sizeof **fig);
    if (!*fig || load(w, v, *fig) || stats_report_build(w->d, *fig, w->lang, rep)) {
        free(*fig);
        return agent_fail(w, OUTCOME_UNAVAILABLE), false;
    }
    return true;
}

static void attachment_name(web_t *w, const stats_view_t *v, const char *what, const char *ext)
{
    char first[11], last[11], disp[128];
    stats_period_days(&v->per[CUR], first, last);
    snprintf(disp, sizeof disp, "attachment; filename=\"stats-%s-%s-%s.%s\"", what, first, last,
             ext);
    req_header(w->r, "Content-Disposition", disp);
}

void agent_page_stats_csv(web_t *w, const char *arg)
{
    (void)arg;
    stats_view_t v;
    report_t *fig;
    stats_report_t rep;
    int rc = agent_stats_read_view(w, &v);
    const char *table = form_value(w->r->hdf, "table"); /* one of them, if any */
    if (rc == OUTCOME_OK && !table)
        rc = OUTCOME_INVALID;
    /* the figures per agent: supervisors only */
    if (rc == OUTCOME_OK && stats_table_per_agent(table) && !stats_sees_agents(ME(w)))
        rc = OUTCOME_FORBIDDEN;
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    if (!export_report(w, &v, &fig, &rep))
        return;
    char *csv = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&csv, &len);
    if (out)
        stats_csv_write(&rep, stats_report_table(&rep, table), out);
    stats_report_free(&rep);
    free(fig);
    if (!out || fclose(out) != 0) {
        free(csv);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    string_appendn(&w->r->body, csv, (int)len);
    free(csv);
    w->r->content_type = "text/csv; charset=utf-8";
    attachment_name(w, &v, table, "csv");
}

/* The workbook goes through a file (libxlsxwriter writes files), unlinked
 * once open: the response streams it and closing it frees it. */
void agent_page_stats_xlsx(web_t *w, const char *arg)
{
    (void)arg;
    stats_view_t v;
    report_t *fig;
    stats_report_t rep;
    int rc = agent_stats_read_view(w, &v);
    if (rc != OUTCOME_OK)
        return agent_fail(w, rc);
    if (!export_report(w, &v, &fig, &rep))
        return;
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/desk-stats-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    rc = fd < 0 ? -1 : stats_workbook_write(&rep, path, dir && *dir ? dir : "/tmp");
    stats_report_free(&rep);
    free(fig);
    if (fd >= 0) {
        close(fd);
        fd = rc ? -1 : open(path, O_RDONLY | O_CLOEXEC);
        unlink(path);
    }
    struct stat st;
    if (fd < 0 || fstat(fd, &st)) {
        if (fd >= 0)
            close(fd);
        return agent_fail(w, OUTCOME_UNAVAILABLE);
    }
    w->r->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    attachment_name(w, &v, "report", "xlsx");
    req_send_file(w->r, fd, (long long)st.st_size);
}
