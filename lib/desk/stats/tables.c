/* tables: see tables.h. The builders below turn the figures into tables;
 * the exports never look at the figures themselves. */
#include "desk/stats/tables.h"

#include "desk/people/people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const stats_per_codes[STATS_NPER] = {"cur", "prev", "year"};
const char *const stats_col_kind_codes[SC_NKINDS] = {"count", "seconds", "percent", "date",
                                                     "text", "decimal"};

static void add_name(long long id, const char *name, const char *role, void *ctx)
{
    (void)role;
    stats_figures_t *fig = ctx;
    if (fig->nnames == STATS_NAMES)
        return;
    fig->names[fig->nnames].id = id;
    snprintf(fig->names[fig->nnames++].name, sizeof fig->names[0].name, "%s", name);
}

const char *stats_figures_name(const stats_figures_t *fig, long long id)
{
    for (int i = 0; i < fig->nnames; i++)
        if (fig->names[i].id == id)
            return fig->names[i].name;
    return "";
}

/* The figures per agent, when the reader sees them. */
static int load_per_agent(desk_t *d, const stats_filter_t *f, stats_figures_t *out)
{
    const stats_period_t *cur = &out->per[STATS_CUR];
    if ((out->nby[SD_AGENT] = stats_by(d, f, cur, SD_AGENT, out->by[SD_AGENT], STATS_BY_MAX)) < 0 ||
        (out->nagents = stats_per_agent(d, f, cur, out->agents, STATS_BY_MAX)) < 0)
        return -1;
    return people_each_active(d, add_name, out) < 0 ? -1 : 0;
}

/* The quality figures: one query each for the three periods at once. */
static int load_quality(desk_t *d, const stats_filter_t *f, stats_figures_t *out)
{
    out->repeat_days = stats_repeat_days(d);
    if (stats_quality_periods(d, f, out->per, out->repeat_days, out->q))
        return -1;
    out->ncombos = stats_top_combos(d, f, out->per, out->combos, STATS_TOP);
    out->nterms = stats_top_terms(d, f, out->per, out->terms, 2 * STATS_TOP);
    out->npairs = stats_team_pairs(d, f, out->per, out->pairs, STATS_TOP);
    out->nlow = stats_lowest(d, f, &out->per[STATS_CUR], out->low, STATS_LOWEST);
    return out->ncombos < 0 || out->nterms < 0 || out->npairs < 0 || out->nlow < 0 ? -1 : 0;
}

static int figures_read(desk_t *d, const stats_filter_t *f, const stats_period_t *cur,
                        time_t now, bool per_agent, stats_figures_t *out)
{
    memset(out, 0, sizeof *out);
    out->filter = *f;
    out->now = now;
    out->per[STATS_CUR] = *cur;
    stats_period_previous(cur, &out->per[STATS_PREV]);
    stats_period_year_before(cur, &out->per[STATS_YEAR]);
    for (int i = 0; i < STATS_NPER; i++)
        if (stats_summary(d, f, &out->per[i], now, &out->sum[i]))
            return -1;
    for (int k = 0; k < SD_COUNT; k++)
        if (k != SD_AGENT &&
            (out->nby[k] = stats_by(d, f, cur, (stats_dim_t)k, out->by[k], STATS_BY_MAX)) < 0)
            return -1;
    out->per_agent = per_agent;
    if (per_agent && load_per_agent(d, f, out))
        return -1;
    if (stats_status_time(d, f, cur, &out->status) || load_quality(d, f, out))
        return -1;
    return stats_daily(d, f, cur, out->created, out->closed);
}

/* ---- the figures kept by a worker ------------------------------------------------ */

/* A worker keeps the figures it read last, per filter, period and reader,
 * and gives them again while they cannot have changed: no ticket has
 * changed since (every change of a ticket adds to its history, and the
 * history's last id is one index lookup), the catalogue is the one they
 * were read with, the clock has not reached the instant one of them moves
 * by itself (stats_summary_t.changes_at) nor gone back, and for at most
 * STATS_KEEP_SECONDS (the names of the people). Figures filtered by a
 * customer tag are always read anew: tagging a customer changes no ticket. */
#define STATS_KEPT 4
#define STATS_KEEP_SECONDS 60

typedef struct stats_kept {
    bool used;
    bool per_agent;
    stats_filter_t filter;
    stats_kind_t kind;
    time_t from, to;
    long long history, config_version;
    time_t read_at, until;
    unsigned long last_use;
    stats_figures_t fig;
} stats_kept_t;

struct stats_figcache {
    stats_kept_t kept[STATS_KEPT];
    unsigned long uses;
};

static const char sql_history_last[] = "SELECT COALESCE(MAX(id), 0) FROM ticket_events";

static bool same_filter(const stats_filter_t *a, const stats_filter_t *b)
{
    return a->team_id == b->team_id && a->category_id == b->category_id &&
           a->priority_id == b->priority_id && a->channel_id == b->channel_id &&
           a->product_id == b->product_id && a->organisation_id == b->organisation_id &&
           a->tag_id == b->tag_id && a->agent_id == b->agent_id;
}

static stats_kept_t *kept_find(struct stats_figcache *c, const stats_filter_t *f,
                               const stats_period_t *cur, bool per_agent)
{
    for (int i = 0; i < STATS_KEPT; i++) {
        stats_kept_t *k = &c->kept[i];
        if (k->used && k->per_agent == per_agent && k->kind == cur->kind &&
            k->from == cur->from && k->to == cur->to && same_filter(&k->filter, f))
            return k;
    }
    return NULL;
}

static stats_kept_t *kept_slot(struct stats_figcache *c)
{
    stats_kept_t *lru = &c->kept[0];
    for (int i = 0; i < STATS_KEPT; i++) {
        if (!c->kept[i].used)
            return &c->kept[i];
        if (c->kept[i].last_use < lru->last_use)
            lru = &c->kept[i];
    }
    return lru;
}

static time_t keep_until(const stats_figures_t *fig, time_t now)
{
    time_t until = now + STATS_KEEP_SECONDS;
    for (int i = 0; i < STATS_NPER; i++)
        if (fig->sum[i].changes_at && fig->sum[i].changes_at < until)
            until = fig->sum[i].changes_at;
    return until;
}

int stats_figures_load(desk_t *d, const stats_filter_t *f, const stats_period_t *cur,
                       time_t now, bool per_agent, stats_figures_t *out)
{
    long long history = 0;
    if (f->tag_id || db_row(&d->db, sql_history_last, "", "i", &history) != 1)
        return figures_read(d, f, cur, now, per_agent, out);
    if (!d->stats_cache && !(d->stats_cache = calloc(1, sizeof *d->stats_cache)))
        return figures_read(d, f, cur, now, per_agent, out);
    struct stats_figcache *c = d->stats_cache;
    stats_kept_t *k = kept_find(c, f, cur, per_agent);
    if (k && k->history == history && k->config_version == d->config_version &&
        now >= k->read_at && now < k->until) {
        k->last_use = ++c->uses;
        *out = k->fig;
        out->now = now;
        return 0;
    }
    if (figures_read(d, f, cur, now, per_agent, out))
        return -1;
    if (!k)
        k = kept_slot(c);
    *k = (stats_kept_t){.used = true, .per_agent = per_agent, .filter = *f, .kind = cur->kind,
                        .from = cur->from, .to = cur->to, .history = history,
                        .config_version = d->config_version, .read_at = now,
                        .until = keep_until(out, now), .last_use = ++c->uses};
    k->fig = *out;
    return 0;
}

/* ---- the model ------------------------------------------------------------------ */

const char *stats_word(const stats_report_t *r, const char *key)
{
    return texts_get(&r->d->texts, r->lang, key);
}

/* The word whose key is a, b and c one after the other. */
static const char *word3(const stats_report_t *r, const char *a, const char *b, const char *c)
{
    char key[160];
    snprintf(key, sizeof key, "%s%s%s", a, b, c);
    return stats_word(r, key);
}

void stats_table_col(const stats_report_t *r, stats_table_t *t, const char *code,
                     stats_col_kind_t kind)
{
    if (t->ncols == STATS_MAX_COLS)
        abort(); /* a builder's mistake, found by any test of its table */
    stats_col_t *c = &t->cols[t->ncols++];
    char prefix[64];
    snprintf(c->code, sizeof c->code, "%s", code);
    c->kind = kind;
    snprintf(prefix, sizeof prefix, "Stats.Table.%s.Cols.", t->code);
    snprintf(c->label, sizeof c->label, "%s", word3(r, prefix, code, ""));
}

stats_row_t *stats_table_row(stats_table_t *t, const char *key)
{
    if (t->nrows == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        stats_row_t *rows = realloc(t->rows, sizeof *rows * (size_t)cap);
        if (!rows)
            return NULL;
        t->rows = rows, t->cap = cap;
    }
    stats_row_t *row = &t->rows[t->nrows++];
    memset(row, 0, sizeof *row);
    snprintf(row->key, sizeof row->key, "%s", key);
    return row;
}

void stats_cell_set(stats_row_t *row, int col, long long v)
{
    row->cells[col].set = true;
    row->cells[col].v = v;
}

int stats_cell_text(stats_row_t *row, int col, const char *text)
{
    free(row->cells[col].text);
    row->cells[col].text = strdup(text ? text : "");
    row->cells[col].set = row->cells[col].text != NULL;
    return row->cells[col].set ? 0 : -1;
}

/* ---- the builders ----------------------------------------------------------------- */

typedef int (*builder_t)(const stats_report_t *r, stats_table_t *t);

static const char *const vol_codes[] = {"created", "closed", "reopened", "backlog_start",
                                        "backlog_end"};

static long long vol(const stats_summary_t *s, int i)
{
    const long long v[] = {s->created, s->closed, s->reopened, s->backlog_start, s->backlog_end};
    return v[i];
}

static int build_volume(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "figure", SC_TEXT);
    for (int p = 0; p < STATS_NPER; p++)
        stats_table_col(r, t, stats_per_codes[p], SC_COUNT);
    for (int i = 0; i < 5; i++) {
        stats_row_t *row = stats_table_row(t, vol_codes[i]);
        if (!row || stats_cell_text(row, 0, word3(r, "Stats.Vol.", vol_codes[i], "")))
            return -1;
        for (int p = 0; p < STATS_NPER; p++)
            stats_cell_set(row, 1 + p, vol(&r->fig->sum[p], i));
    }
    return 0;
}

static const char *const clock_codes[] = {"first_response", "resolution"};

static const stats_times_t *times_of(const stats_summary_t *s, int clock, bool biz)
{
    if (clock == 0)
        return biz ? &s->first_response_biz : &s->first_response;
    return biz ? &s->resolution_biz : &s->resolution;
}

/* The clock, period (and basis) of a row as text cells from column 0. */
static int row_words(const stats_report_t *r, stats_row_t *row, int clock, const char *basis,
                     int p)
{
    int col = 0;
    if (stats_cell_text(row, col++, word3(r, "Stats.Times.", clock_codes[clock], "")))
        return -1;
    if (basis && stats_cell_text(row, col++, word3(r, "Stats.Times.", basis, "")))
        return -1;
    return stats_cell_text(row, col, word3(r, "Stats.Per.", stats_per_codes[p], ""));
}

static int build_times(const stats_report_t *r, stats_table_t *t)
{
    static const char *const cols[] = {"figure", "basis", "period"};
    static const char *const stat[] = {"mean", "median", "p90", "max"};
    for (int i = 0; i < 3; i++)
        stats_table_col(r, t, cols[i], SC_TEXT);
    stats_table_col(r, t, "n", SC_COUNT);
    for (int i = 0; i < 4; i++)
        stats_table_col(r, t, stat[i], SC_SECONDS);
    for (int k = 0; k < 2; k++)
        for (int biz = 1; biz >= 0; biz--)
            for (int p = 0; p < STATS_NPER; p++) {
                const char *basis = biz ? "biz" : "wall";
                char key[96];
                snprintf(key, sizeof key, "%s.%s.%s", clock_codes[k], basis, stats_per_codes[p]);
                stats_row_t *row = stats_table_row(t, key);
                if (!row || row_words(r, row, k, basis, p))
                    return -1;
                const stats_times_t *x = times_of(&r->fig->sum[p], k, biz);
                stats_cell_set(row, 3, x->n);
                const long long v[] = {x->mean, x->median, x->p90, x->max};
                for (int i = 0; x->n && i < 4; i++) /* no time over no tickets */
                    stats_cell_set(row, 4 + i, v[i]);
            }
    return 0;
}

/* The SLA clocks in the order of a ticket's life. */
#define NCLOCKS 6
static const char *const sla_codes[NCLOCKS] = {"classify", "accept", "first_response",
                                               "update", "resolution", "answer"};

static const stats_sla_t *sla_of(const stats_summary_t *s, int clock)
{
    const stats_sla_t *v[NCLOCKS] = {&s->sla_classify, &s->sla_accept, &s->sla_first_response,
                                     &s->sla_update, &s->sla_resolution, &s->sla_answer};
    return v[clock];
}

static int build_sla(const stats_report_t *r, stats_table_t *t)
{
    stats_table_col(r, t, "clock", SC_TEXT);
    stats_table_col(r, t, "period", SC_TEXT);
    stats_table_col(r, t, "met", SC_COUNT);
    stats_table_col(r, t, "breached", SC_COUNT);
    stats_table_col(r, t, "running", SC_COUNT);
    stats_table_col(r, t, "rate", SC_PERCENT);
    for (int k = 0; k < NCLOCKS; k++)
        for (int p = 0; p < STATS_NPER; p++) {
            const stats_sla_t *s = sla_of(&r->fig->sum[p], k);
            char key[64];
            snprintf(key, sizeof key, "%s.%s", sla_codes[k], stats_per_codes[p]);
            stats_row_t *row = stats_table_row(t, key);
            if (!row || stats_cell_text(row, 0, word3(r, "Stats.Times.", sla_codes[k], "")) ||
                stats_cell_text(row, 1, word3(r, "Stats.Per.", stats_per_codes[p], "")))
                return -1;
            stats_cell_set(row, 2, s->met);
            stats_cell_set(row, 3, s->breached);
            stats_cell_set(row, 4, s->running);
            long long done = s->met + s->breached; /* compliance: met / (met + breached) */
            if (done)
                stats_cell_set(row, 5, (s->met * 1000 + done / 2) / done);
        }
    return 0;
}

static int build_daily(const stats_report_t *r, stats_table_t *t)
{
    const stats_period_t *p = &r->fig->per[STATS_CUR];
    stats_table_col(r, t, "day", SC_DATE);
    stats_table_col(r, t, "created", SC_COUNT);
    stats_table_col(r, t, "closed", SC_COUNT);
    for (int i = 0; i < p->days; i++) {
        char day[11];
        time_t at = stats_period_day(p, i);
        struct tm tm;
        localtime_r(&at, &tm);
        strftime(day, sizeof day, "%Y-%m-%d", &tm);
        stats_row_t *row = stats_table_row(t, day);
        if (!row)
            return -1;
        stats_cell_set(row, 0, (tm.tm_year + 1900) * 10000LL + (tm.tm_mon + 1) * 100 + tm.tm_mday);
        stats_cell_set(row, 1, r->fig->created[i]);
        stats_cell_set(row, 2, r->fig->closed[i]);
    }
    return 0;
}

/* The code and name of a value of a dimension ("none": no team). */
static void dim_value(const stats_report_t *r, stats_dim_t dim, long long id, const char **code,
                      const char **name, char num[24])
{
    const catalog_t *c = &r->d->catalog;
    *code = "", *name = "";
    if (dim == SD_CATEGORY) {
        const category_t *x = catalog_category_by_id(c, id);
        if (x)
            *code = x->code, *name = x->name[r->lang];
    } else if (dim == SD_PRIORITY) {
        const priority_t *x = catalog_priority_by_id(c, id);
        if (x)
            *code = x->code, *name = x->name[r->lang];
    } else if (dim == SD_CHANNEL) {
        const channel_t *x = catalog_channel_by_id(c, id);
        if (x)
            *code = x->code, *name = x->name[r->lang];
    } else if (dim == SD_AGENT) {
        *code = "none", *name = stats_word(r, "Stats.NoAgent");
        if (id) {
            /* the key: the owner's id; the name "#id" when no longer active */
            snprintf(num, 24, "#%lld", id);
            *code = num + 1, *name = stats_figures_name(r->fig, id);
            if (!**name)
                *name = num;
        }
    } else {
        const team_t *x = catalog_team_by_id(c, id);
        *code = x ? x->code : "none";
        *name = x ? x->name[r->lang] : stats_word(r, "Stats.NoTeam");
    }
}

static int build_by(const stats_report_t *r, stats_table_t *t, stats_dim_t dim)
{
    stats_table_col(r, t, "name", SC_TEXT);
    stats_table_col(r, t, "created", SC_COUNT);
    stats_table_col(r, t, "closed", SC_COUNT);
    for (int i = 0; i < r->fig->nby[dim]; i++) {
        const stats_count_t *c = &r->fig->by[dim][i];
        const char *code, *name;
        char num[24];
        dim_value(r, dim, c->id, &code, &name, num);
        stats_row_t *row = stats_table_row(t, code);
        if (!row || stats_cell_text(row, 0, name))
            return -1;
        stats_cell_set(row, 1, c->created);
        stats_cell_set(row, 2, c->closed);
    }
    return 0;
}

static int build_category(const stats_report_t *r, stats_table_t *t) { return build_by(r, t, SD_CATEGORY); }
static int build_priority(const stats_report_t *r, stats_table_t *t) { return build_by(r, t, SD_PRIORITY); }
static int build_channel(const stats_report_t *r, stats_table_t *t) { return build_by(r, t, SD_CHANNEL); }
static int build_team(const stats_report_t *r, stats_table_t *t) { return build_by(r, t, SD_TEAM); }
static int build_agent(const stats_report_t *r, stats_table_t *t) { return build_by(r, t, SD_AGENT); }

/* Where time goes: per status, the tickets resolved in the period that
 * spent a minute or more in it, the time in it in all and per such ticket,
 * and its share of all the time. */
static int build_status(const stats_report_t *r, stats_table_t *t)
{
    const stats_status_time_t *st = &r->fig->status;
    stats_table_col(r, t, "status", SC_TEXT);
    stats_table_col(r, t, "tickets", SC_COUNT);
    stats_table_col(r, t, "total", SC_SECONDS);
    stats_table_col(r, t, "mean", SC_SECONDS);
    stats_table_col(r, t, "share", SC_PERCENT);
    long long all = 0;
    for (int k = 0; k < STATS_STATUSES; k++)
        all += st->seconds[k];
    for (int k = 0; k < STATS_STATUSES; k++) {
        stats_row_t *row = stats_table_row(t, stats_status_codes[k]);
        if (!row || stats_cell_text(row, 0, word3(r, "Agent.St.", stats_status_codes[k], "")))
            return -1;
        stats_cell_set(row, 1, st->tickets[k]);
        stats_cell_set(row, 2, st->seconds[k]);
        if (st->tickets[k])
            stats_cell_set(row, 3, st->seconds[k] / st->tickets[k]);
        if (all)
            stats_cell_set(row, 4, (st->seconds[k] * 1000 + all / 2) / all);
    }
    return 0;
}

/* Per agent: the owner's volume and the medians of their first responses
 * and resolutions (no median over no tickets). */
static int build_agents(const stats_report_t *r, stats_table_t *t)
{
    static const char *const cols[] = {"created", "closed", "responded", "fr_biz", "fr",
                                       "resolved", "res_biz", "res", "spent"};
    static const stats_col_kind_t kinds[] = {SC_COUNT,   SC_COUNT, SC_COUNT,
                                             SC_SECONDS, SC_SECONDS, SC_COUNT,
                                             SC_SECONDS, SC_SECONDS, SC_SECONDS};
    stats_table_col(r, t, "agent", SC_TEXT);
    for (int i = 0; i < 9; i++)
        stats_table_col(r, t, cols[i], kinds[i]);
    for (int i = 0; i < r->fig->nagents; i++) {
        const stats_agent_row_t *a = &r->fig->agents[i];
        const char *code, *name;
        char num[24];
        dim_value(r, SD_AGENT, a->agent_id, &code, &name, num);
        stats_row_t *row = stats_table_row(t, code);
        if (!row || stats_cell_text(row, 0, name))
            return -1;
        const long long v[] = {a->created,  a->closed,   a->responded,
                               a->fr_median_biz, a->fr_median, a->resolved,
                               a->res_median_biz, a->res_median, a->minutes_spent * 60};
        for (int k = 0; k < 8; k++)
            if (kinds[k] == SC_COUNT || (k < 5 ? a->responded : a->resolved))
                stats_cell_set(row, 1 + k, v[k]);
        stats_cell_set(row, 9, v[8]); /* time spent: 0 when none was logged */
    }
    return 0;
}

/* The report's tables in order, each by its code and its builder
 * build_<code> (the quality tables' stats_qtable_<code>, tables_quality.h):
 * a new section is one name here. */
#define TABLES(X)                                                                        \
    X(volume) X(times) X(sla) X(daily) X(category) X(priority) X(channel) X(team) X(status) \
    X(agent) X(agents)
#define CODE(c) #c,
#define BUILD(c) build_##c,
#define QBUILD(c) stats_qtable_##c,
const char *const stats_table_codes[] = {TABLES(CODE) QUALITY_TABLES(CODE) NULL};
static const builder_t builders[] = {TABLES(BUILD) QUALITY_TABLES(QBUILD)};
#define NBUILDERS ((int)(sizeof builders / sizeof *builders))
_Static_assert(NBUILDERS <= STATS_MAX_TABLES, "room for every table");

bool stats_table_per_agent(const char *code)
{
    return code && (!strcmp(code, "agent") || !strcmp(code, "agents"));
}

int stats_report_build(desk_t *d, const stats_figures_t *fig, lang_t lang, stats_report_t *out)
{
    memset(out, 0, sizeof *out);
    out->d = d, out->lang = lang, out->fig = fig;
    for (int i = 0; i < NBUILDERS; i++) {
        if (stats_table_per_agent(stats_table_codes[i]) && !fig->per_agent)
            continue; /* figures per agent: for those who see them only */
        stats_table_t *t = &out->tables[out->ntables++];
        snprintf(t->code, sizeof t->code, "%s", stats_table_codes[i]);
        snprintf(t->title, sizeof t->title, "%s", word3(out, "Stats.Table.", t->code, ".Title"));
        if (builders[i](out, t)) {
            stats_report_free(out);
            return -1;
        }
    }
    return 0;
}

void stats_report_free(stats_report_t *r)
{
    for (int i = 0; i < r->ntables; i++) {
        stats_table_t *t = &r->tables[i];
        for (int k = 0; k < t->nrows; k++)
            for (int c = 0; c < t->ncols; c++)
                free(t->rows[k].cells[c].text);
        free(t->rows);
    }
    r->ntables = 0;
}

const stats_table_t *stats_report_table(const stats_report_t *r, const char *code)
{
    for (int i = 0; code && i < r->ntables; i++)
        if (!strcmp(r->tables[i].code, code))
            return &r->tables[i];
    return NULL;
}

bool stats_rate(long long n, long long base, long long *tenths)
{
    if (base <= 0)
        return false;
    *tenths = (n * 1000 + base / 2) / base;
    return true;
}

bool stats_ratio(long long a, long long b, long long *hundredths)
{
    if (b <= 0)
        return false;
    *hundredths = (a * 100 + b / 2) / b;
    return true;
}
