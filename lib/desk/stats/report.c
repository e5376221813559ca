/* report: see report.h. Each figure is one WHERE clause over ticket_facts
 * or ticket_spans (x); its count and its list of tickets share it, so the
 * list behind a number always holds the tickets counted. Every clause takes
 * three instants (from, to, now: "? IS NOT NULL" takes the one it does not
 * need) and then the filters. */
#include "desk/stats/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define F_FILTER                                                                              \
    " AND (? = 0 OR x.team_id = ?) AND (? = 0 OR x.category_id = ?)"                         \
    " AND (? = 0 OR x.priority_id = ?) AND (? = 0 OR x.channel_id = ?)"
#define FARGS(f)                                                                              \
    (f)->team_id, (f)->team_id, (f)->category_id, (f)->category_id, (f)->priority_id,         \
        (f)->priority_id, (f)->channel_id, (f)->channel_id

#define IN_CREATED " x.created_at >= ? AND x.created_at < ? "
#define C_CREATED "ticket_facts x WHERE" IN_CREATED "AND ? IS NOT NULL"
#define C_CLOSED "ticket_spans x WHERE x.closed_at >= ? AND x.closed_at < ? AND ? IS NOT NULL"
#define C_REOPENED                                                                            \
    "ticket_spans x WHERE x.opened_at >= ? AND x.opened_at < ? AND x.seq > 1 AND ? IS NOT NULL"
/* in the backlog at T: from T, T, now */
#define C_BACKLOG                                                                             \
    "ticket_spans x WHERE x.opened_at < ? AND (x.closed_at IS NULL OR x.closed_at >= ?)"      \
    " AND ? IS NOT NULL"
#define C_RESPONDED                                                                           \
    "ticket_facts x WHERE x.first_responded_at >= ? AND x.first_responded_at < ?"             \
    " AND ? IS NOT NULL"
#define C_RESOLVED                                                                            \
    "ticket_facts x WHERE x.resolved_at >= ? AND x.resolved_at < ? AND ? IS NOT NULL"
/* the first response stops at the first answer, or at a resolution without one */
#define FR_STOP "COALESCE(x.first_responded_at, x.resolution_stopped_at)"
#define FR_SLA "ticket_facts x WHERE" IN_CREATED "AND x.has_first_response_sla = 1 AND "
#define RES_SLA "ticket_facts x WHERE" IN_CREATED "AND x.has_resolution_sla = 1 AND "
#define C_FR_MET                                                                              \
    FR_SLA FR_STOP " IS NOT NULL AND (x.first_response_due_at IS NULL OR " FR_STOP            \
                   " <= x.first_response_due_at) AND ? IS NOT NULL"
#define C_FR_BREACHED                                                                         \
    FR_SLA "x.first_response_due_at IS NOT NULL AND COALESCE(" FR_STOP                        \
           ", ?) > x.first_response_due_at"
#define C_FR_RUNNING                                                                          \
    FR_SLA FR_STOP " IS NULL AND (x.first_response_due_at IS NULL"                            \
                   " OR x.first_response_due_at >= ?)"
#define C_RES_MET                                                                             \
    RES_SLA "x.resolution_stopped_at IS NOT NULL AND (x.resolution_due_at IS NULL"            \
            " OR x.resolution_stopped_at <= x.resolution_due_at) AND ? IS NOT NULL"
#define C_RES_BREACHED                                                                        \
    RES_SLA "x.resolution_due_at IS NOT NULL"                                                 \
            " AND COALESCE(x.resolution_stopped_at, ?) > x.resolution_due_at"
#define C_RES_RUNNING                                                                         \
    RES_SLA "x.resolution_stopped_at IS NULL AND (x.resolution_due_at IS NULL"                \
            " OR x.resolution_due_at >= ?)"

#define COUNT(c) "SELECT COUNT(*) FROM " c F_FILTER
#define LIST(c)                                                                               \
    "SELECT t.id, t.category_id, t.priority_id, t.channel_id, COALESCE(t.team_id, 0),"       \
    " t.number, t.status, t.subject, t.created_at FROM tickets t"                             \
    " WHERE t.id IN (SELECT x.ticket_id FROM " c F_FILTER ")"                                 \
    " AND t.id > ? ORDER BY t.id LIMIT ?"

const char *const stats_figure_codes[SF_COUNT + 1] = {
    "created",   "closed",       "reopened",   "backlog_start", "backlog_end",
    "responded", "resolved",     "fr_met",     "fr_breached",   "fr_running",
    "res_met",   "res_breached", "res_running", NULL,
};
#define BOTH(c) {COUNT(c), LIST(c)}
static const char *const figure_sql[SF_COUNT][2] = {
    BOTH(C_CREATED), BOTH(C_CLOSED),    BOTH(C_REOPENED), BOTH(C_BACKLOG),
    BOTH(C_BACKLOG), BOTH(C_RESPONDED), BOTH(C_RESOLVED), BOTH(C_FR_MET),
    BOTH(C_FR_BREACHED), BOTH(C_FR_RUNNING), BOTH(C_RES_MET), BOTH(C_RES_BREACHED),
    BOTH(C_RES_RUNNING),
};

const char *stats_figure_code(stats_figure_t f)
{
    return (unsigned)f < SF_COUNT ? stats_figure_codes[f] : "";
}

int stats_figure_parse(const char *s)
{
    for (int i = 0; s && i < SF_COUNT; i++)
        if (strcmp(s, stats_figure_codes[i]) == 0)
            return i;
    return -1;
}

int stats_scope(const agent_t *a, stats_filter_t *f)
{
    if (agent_is_supervisor(a))
        return OUTCOME_OK;
    if (!f->team_id) {
        if (a->nteams < 1)
            return OUTCOME_FORBIDDEN;
        f->team_id = a->teams[0];
    }
    return agent_in_team(a, f->team_id) ? OUTCOME_OK : OUTCOME_FORBIDDEN;
}

/* The three instants a figure's clause takes. */
static void instants(stats_figure_t fig, const stats_period_t *p, time_t now, time_t out[3])
{
    time_t end = p->to < now ? p->to : now;
    out[0] = p->from, out[1] = p->to, out[2] = now;
    if (fig == SF_BACKLOG_START)
        out[0] = out[1] = p->from;
    else if (fig == SF_BACKLOG_END)
        out[0] = out[1] = end;
}

static long long count(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                       stats_figure_t fig, time_t now)
{
    time_t at[3];
    long long n = 0;
    instants(fig, p, now, at);
    int rc = db_row(&d->db, figure_sql[fig][0], "tttiiiiiiii", "i", at[0], at[1], at[2],
                    FARGS(f), &n);
    return rc == 1 ? n : -1;
}

#define T_AGG(col, c)                                                                         \
    "SELECT COUNT(x." col "), CAST(COALESCE(ROUND(AVG(x." col ")), 0) AS SIGNED),"            \
    " COALESCE(MAX(x." col "), 0) FROM " c F_FILTER
#define T_KTH(col, c)                                                                         \
    "SELECT x." col " FROM " c F_FILTER " AND x." col " IS NOT NULL ORDER BY x." col          \
    " LIMIT 1 OFFSET ?"
static const char *const times_sql[4][2] = {
    {T_AGG("first_response_s", C_RESPONDED), T_KTH("first_response_s", C_RESPONDED)},
    {T_AGG("first_response_biz_s", C_RESPONDED), T_KTH("first_response_biz_s", C_RESPONDED)},
    {T_AGG("resolution_s", C_RESOLVED), T_KTH("resolution_s", C_RESOLVED)},
    {T_AGG("resolution_biz_s", C_RESOLVED), T_KTH("resolution_biz_s", C_RESOLVED)},
};

/* The value of rank k (1-based) in ascending order. */
static int kth(desk_t *d, int which, const stats_filter_t *f, const stats_period_t *p,
               time_t now, long long k, long long *out)
{
    *out = 0;
    int rc = db_row(&d->db, times_sql[which][1], "tttiiiiiiiii", "i", p->from, p->to, now,
                    FARGS(f), k - 1, out);
    return rc < 0 ? -1 : 0;
}

static int times(desk_t *d, int which, const stats_filter_t *f, const stats_period_t *p,
                 time_t now, stats_times_t *t)
{
    memset(t, 0, sizeof *t);
    if (db_row(&d->db, times_sql[which][0], "tttiiiiiiii", "iii", p->from, p->to, now,
               FARGS(f), &t->n, &t->mean, &t->max) != 1)
        return -1;
    if (!t->n)
        return 0;
    /* nearest rank: ceil(q * n) */
    return kth(d, which, f, p, now, (t->n + 1) / 2, &t->median) ||
                   kth(d, which, f, p, now, (t->n * 9 + 9) / 10, &t->p90)
               ? -1
               : 0;
}

int stats_summary(desk_t *d, const stats_filter_t *f, const stats_period_t *p, time_t now,
                  stats_summary_t *out)
{
    memset(out, 0, sizeof *out);
    long long *n[] = {&out->created, &out->closed, &out->reopened, &out->backlog_start,
                      &out->sla_first_response.met, &out->sla_first_response.breached,
                      &out->sla_first_response.running, &out->sla_resolution.met,
                      &out->sla_resolution.breached, &out->sla_resolution.running};
    stats_figure_t fig[] = {SF_CREATED, SF_CLOSED,   SF_REOPENED,     SF_BACKLOG_START,
                            SF_FR_MET,  SF_FR_BREACHED, SF_FR_RUNNING, SF_RES_MET,
                            SF_RES_BREACHED, SF_RES_RUNNING};
    for (size_t i = 0; i < sizeof fig / sizeof *fig; i++)
        if ((*n[i] = count(d, f, p, fig[i], now)) < 0)
            return -1;
    if (p->from >= now) /* a period still to come */
        out->backlog_end = 0, out->backlog_start = 0;
    else /* what came in less what went out, until the end or now */
        out->backlog_end = out->backlog_start + out->created + out->reopened - out->closed;
    stats_times_t *t[] = {&out->first_response, &out->first_response_biz, &out->resolution,
                          &out->resolution_biz};
    for (int i = 0; i < 4; i++)
        if (times(d, i, f, p, now, t[i]))
            return -1;
    return 0;
}

static const char *const dim_codes[SD_COUNT] = {"category", "priority", "channel", "team"};
const char *stats_dim_code(stats_dim_t dim) { return (unsigned)dim < SD_COUNT ? dim_codes[dim] : ""; }

#define BY(col)                                                                               \
    {"SELECT x." col ", COUNT(*) FROM " C_CREATED F_FILTER " GROUP BY x." col,               \
     "SELECT x." col ", COUNT(*) FROM " C_CLOSED F_FILTER " GROUP BY x." col}
static const char *const by_sql[SD_COUNT][2] = {
    BY("category_id"), BY("priority_id"), BY("channel_id"), BY("team_id")};

static int by_most(const void *a, const void *b)
{
    const stats_count_t *x = a, *y = b;
    if (x->created != y->created)
        return x->created > y->created ? -1 : 1;
    if (x->closed != y->closed)
        return x->closed > y->closed ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int stats_by(desk_t *d, const stats_filter_t *f, const stats_period_t *p, stats_dim_t dim,
             stats_count_t *rows, int max)
{
    int n = 0;
    time_t now = p->to; /* not read by these clauses */
    for (int k = 0; k < 2; k++) {
        MYSQL_STMT *st = db_query(&d->db, by_sql[dim][k], "tttiiiiiiii", p->from, p->to, now,
                                  FARGS(f));
        if (!st)
            return -1;
        long long id, c;
        int rc;
        while ((rc = db_fetch(st, "ii", &id, &c)) == 1) {
            int i = 0;
            while (i < n && rows[i].id != id)
                i++;
            if (i == n) {
                if (n == max)
                    continue;
                rows[n++] = (stats_count_t){id, 0, 0};
            }
            if (k == 0)
                rows[i].created = c;
            else
                rows[i].closed = c;
        }
        db_done(st);
        if (rc < 0)
            return -1;
    }
    qsort(rows, (size_t)n, sizeof *rows, by_most);
    return n;
}

static const char *const daily_sql[2] = {
    "SELECT DATEDIFF(x.created_day, ?), COUNT(*) FROM " C_CREATED F_FILTER
    " GROUP BY x.created_day",
    "SELECT DATEDIFF(x.closed_day, ?), COUNT(*) FROM " C_CLOSED F_FILTER
    " GROUP BY x.closed_day",
};

int stats_daily(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                long long *created, long long *closed)
{
    char first[11], last[11];
    stats_period_days(p, first, last);
    long long *into[2] = {created, closed};
    for (int k = 0; k < 2; k++) {
        memset(into[k], 0, sizeof *into[k] * (size_t)p->days);
        MYSQL_STMT *st = db_query(&d->db, daily_sql[k], "stttiiiiiiii", first, p->from, p->to,
                                  p->to, FARGS(f));
        if (!st)
            return -1;
        long long i, c;
        int rc;
        while ((rc = db_fetch(st, "ii", &i, &c)) == 1)
            if (i >= 0 && i < p->days)
                into[k][i] = c;
        db_done(st);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int stats_tickets(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                  stats_figure_t fig, time_t now, long long after, stats_tickets_t *out)
{
    time_t at[3];
    memset(out, 0, sizeof *out);
    if ((unsigned)fig >= SF_COUNT)
        return -1;
    instants(fig, p, now, at);
    MYSQL_STMT *st = db_query(&d->db, figure_sql[fig][1], "tttiiiiiiiiii", at[0], at[1], at[2],
                              FARGS(f), after, (long long)STATS_PAGE + 1);
    if (!st)
        return -1;
    stats_ticket_t r;
    int rc;
    while (memset(&r, 0, sizeof r),
           (rc = db_fetch(st, "iiiiissst", &r.id, &r.category_id, &r.priority_id, &r.channel_id,
                          &r.team_id, r.number, sizeof r.number, r.status, sizeof r.status,
                          r.subject, sizeof r.subject, &r.created_at)) == 1) {
        if (out->n < STATS_PAGE)
            out->rows[out->n++] = r;
        else
            out->more = true;
    }
    db_done(st);
    if (out->more)
        out->next_after = out->rows[out->n - 1].id;
    return rc < 0 ? -1 : 0;
}
