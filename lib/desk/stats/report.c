/* report: see report.h. Each figure is one WHERE clause over ticket_facts
 * or ticket_spans (x); its count and its list of tickets share it, so the
 * list behind a number always holds the tickets counted. Every clause takes
 * three instants (from, to, now: "? IS NOT NULL" takes the one it does not
 * need) and then the filters. */
#include "desk/stats/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The filters; the customer tag through the customers' tags now. */
#define F_FILTER                                                                              \
    " AND (? = 0 OR x.team_id = ?) AND (? = 0 OR x.category_id = ?)"                         \
    " AND (? = 0 OR x.priority_id = ?) AND (? = 0 OR x.channel_id = ?)"                      \
    " AND (? = 0 OR x.product_id = ?) AND (? = 0 OR x.organisation_id = ?)"                  \
    " AND (? = 0 OR x.owner_id = ?) AND (? = 0 OR x.customer_id IN"                          \
    " (SELECT ct.customer_id FROM customer_tags ct WHERE ct.tag_id = ?))"
#define FARGS(f)                                                                              \
    (f)->team_id, (f)->team_id, (f)->category_id, (f)->category_id, (f)->priority_id,         \
        (f)->priority_id, (f)->channel_id, (f)->channel_id, (f)->product_id, (f)->product_id, \
        (f)->organisation_id, (f)->organisation_id, (f)->agent_id, (f)->agent_id, (f)->tag_id, \
        (f)->tag_id
#define FF "iiiiiiiiiiiiiiii" /* the formats of FARGS */

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

/* The other clocks (facts.h): has_C_sla, C_due_at, C_stopped_at; the
 * conditions of breached and running take now. */
#define K_MET(c)                                                                              \
    "(x.has_" c "_sla = 1 AND x." c "_stopped_at IS NOT NULL AND (x." c "_due_at IS NULL"      \
    " OR x." c "_stopped_at <= x." c "_due_at))"
#define K_BREACHED(c)                                                                         \
    "(x.has_" c "_sla = 1 AND x." c "_due_at IS NOT NULL"                                     \
    " AND COALESCE(x." c "_stopped_at, ?) > x." c "_due_at)"
#define K_RUNNING(c)                                                                          \
    "(x.has_" c "_sla = 1 AND x." c "_stopped_at IS NULL AND (x." c "_due_at IS NULL"          \
    " OR x." c "_due_at >= ?))"
#define C_K_MET(c) "ticket_facts x WHERE" IN_CREATED "AND ? IS NOT NULL AND " K_MET(c)
#define C_K_BREACHED(c) "ticket_facts x WHERE" IN_CREATED "AND " K_BREACHED(c)
#define C_K_RUNNING(c) "ticket_facts x WHERE" IN_CREATED "AND " K_RUNNING(c)
#define C_IN(col) "ticket_facts x WHERE x.resolved_at >= ? AND x.resolved_at < ?"             \
    " AND ? IS NOT NULL AND x." col " >= 60"

#define COUNT(c) "SELECT COUNT(*) FROM " c F_FILTER
#define LIST(c)                                                                               \
    "SELECT t.id, t.category_id, t.priority_id, t.channel_id, COALESCE(t.team_id, 0),"       \
    " t.number, t.status, t.subject, t.created_at FROM tickets t"                             \
    " WHERE t.id IN (SELECT x.ticket_id FROM " c F_FILTER ")"                                 \
    " AND t.id > ? ORDER BY t.id LIMIT ?"

const char *const stats_figure_codes[SF_COUNT + 1] = {
    "created",   "closed",       "reopened",   "backlog_start", "backlog_end",
    "responded", "resolved",     "fr_met",     "fr_breached",   "fr_running",
    "res_met",   "res_breached", "res_running", "cl_met",      "cl_breached",
    "cl_running", "ac_met",     "ac_breached", "ac_running",    "up_met",
    "up_breached", "up_running", "ans_met",    "ans_breached",  "ans_running",
    "in_new",    "in_classified", "in_assigned", "in_accepted", "in_in_progress",
    "in_waiting_customer", "in_waiting_third_party", "in_solution_proposed",
    "in_in_execution", "in_resolved", NULL,
};
const char *const stats_status_codes[STATS_STATUSES] = {
    "new", "classified", "assigned", "accepted", "in_progress", "waiting_customer",
    "waiting_third_party", "solution_proposed", "in_execution", "resolved",
};
#define BOTH(c) {COUNT(c), LIST(c)}
static const char *const figure_sql[SF_COUNT][2] = {
    BOTH(C_CREATED), BOTH(C_CLOSED),    BOTH(C_REOPENED), BOTH(C_BACKLOG),
    BOTH(C_BACKLOG), BOTH(C_RESPONDED), BOTH(C_RESOLVED), BOTH(C_FR_MET),
    BOTH(C_FR_BREACHED), BOTH(C_FR_RUNNING), BOTH(C_RES_MET), BOTH(C_RES_BREACHED),
    BOTH(C_RES_RUNNING),
    BOTH(C_K_MET("classify")), BOTH(C_K_BREACHED("classify")), BOTH(C_K_RUNNING("classify")),
    BOTH(C_K_MET("accept")), BOTH(C_K_BREACHED("accept")), BOTH(C_K_RUNNING("accept")),
    BOTH(C_K_MET("update")), BOTH(C_K_BREACHED("update")), BOTH(C_K_RUNNING("update")),
    BOTH(C_K_MET("answer")), BOTH(C_K_BREACHED("answer")), BOTH(C_K_RUNNING("answer")),
    BOTH(C_IN("s_new")), BOTH(C_IN("s_classified")), BOTH(C_IN("s_assigned")),
    BOTH(C_IN("s_accepted")), BOTH(C_IN("s_in_progress")), BOTH(C_IN("s_waiting_customer")),
    BOTH(C_IN("s_waiting_third_party")), BOTH(C_IN("s_solution_proposed")),
    BOTH(C_IN("s_in_execution")), BOTH(C_IN("s_resolved")),
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

bool stats_sees_agents(const agent_t *a) { return agent_is_supervisor(a); }

int stats_scope(const agent_t *a, stats_filter_t *f)
{
    if (agent_is_supervisor(a))
        return OUTCOME_OK;
    if (f->agent_id && f->agent_id != a->id)
        return OUTCOME_FORBIDDEN;
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
    int rc = db_row(&d->db, figure_sql[fig][0], "ttt" FF, "i", at[0], at[1], at[2],
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
    int rc = db_row(&d->db, times_sql[which][1], "ttt" FF "i", "i", p->from, p->to, now,
                    FARGS(f), k - 1, out);
    return rc < 0 ? -1 : 0;
}

static int times(desk_t *d, int which, const stats_filter_t *f, const stats_period_t *p,
                 time_t now, stats_times_t *t)
{
    memset(t, 0, sizeof *t);
    if (db_row(&d->db, times_sql[which][0], "ttt" FF, "iii", p->from, p->to, now,
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

/* The other clocks' met, breached and running in one pass over the index
 * of the clocks (ix_facts_clocks). */
#define K_SUMS(c)                                                                             \
    "CAST(COALESCE(SUM(" K_MET(c) "), 0) AS SIGNED), CAST(COALESCE(SUM(" K_BREACHED(c) "), 0)" \
    " AS SIGNED), CAST(COALESCE(SUM(" K_RUNNING(c) "), 0) AS SIGNED)"
static const char sql_clocks[] =
    "SELECT " K_SUMS("classify") ", " K_SUMS("accept") ", " K_SUMS("update") ", "
    K_SUMS("answer") " FROM ticket_facts x WHERE" IN_CREATED "AND ? IS NOT NULL" F_FILTER;

static int clocks(desk_t *d, const stats_filter_t *f, const stats_period_t *p, time_t now,
                  stats_summary_t *out)
{
    stats_sla_t *k[] = {&out->sla_classify, &out->sla_accept, &out->sla_update,
                        &out->sla_answer};
    return db_row(&d->db, sql_clocks, "tttttttt" "ttt" FF, "iiiiiiiiiiii", now, now, now, now,
                  now, now, now, now, p->from, p->to, now, FARGS(f), &k[0]->met,
                  &k[0]->breached, &k[0]->running, &k[1]->met, &k[1]->breached,
                  &k[1]->running, &k[2]->met, &k[2]->breached, &k[2]->running, &k[3]->met,
                  &k[3]->breached, &k[3]->running) == 1
               ? 0
               : -1;
}

/* The earliest due of a running clock among the tickets created in the
 * period: the figures change a second after it (running becomes breached).
 * Two scans, each of the covering index of its clocks. */
#define K_NEXT(c) "MIN(IF(" K_RUNNING(c) ", x." c "_due_at, NULL))"
static const char *const sql_next_due[2] = {
    "SELECT LEAST(COALESCE(MIN(IF(x.has_first_response_sla = 1 AND " FR_STOP " IS NULL"
    " AND x.first_response_due_at >= ?, x.first_response_due_at, NULL)), TIMESTAMP'9999-12-31 00:00:00'),"
    " COALESCE(MIN(IF(x.has_resolution_sla = 1 AND x.resolution_stopped_at IS NULL"
    " AND x.resolution_due_at >= ?, x.resolution_due_at, NULL)), TIMESTAMP'9999-12-31 00:00:00'))"
    " FROM ticket_facts x FORCE INDEX (ix_facts_created) WHERE" IN_CREATED "AND ? IS NOT NULL"
    F_FILTER,
    "SELECT LEAST(COALESCE(" K_NEXT("classify") ", TIMESTAMP'9999-12-31 00:00:00'), COALESCE(" K_NEXT("accept")
    ", TIMESTAMP'9999-12-31 00:00:00'), COALESCE(" K_NEXT("update") ", TIMESTAMP'9999-12-31 00:00:00'), COALESCE(" K_NEXT("answer")
    ", TIMESTAMP'9999-12-31 00:00:00')) FROM ticket_facts x FORCE INDEX (ix_facts_clocks) WHERE" IN_CREATED
    "AND ? IS NOT NULL" F_FILTER,
};

static int changes_at(desk_t *d, const stats_filter_t *f, const stats_period_t *p, time_t now,
                      time_t *out)
{
    *out = p->from >= now ? p->from + 1 : 0;
    for (int k = 0; k < 2; k++) {
        time_t due = 0;
        int rc = k == 0 ? db_row(&d->db, sql_next_due[0], "ttttt" FF, "t", now, now, p->from,
                                 p->to, now, FARGS(f), &due)
                        : db_row(&d->db, sql_next_due[1], "ttttttt" FF, "t", now, now, now,
                                 now, p->from, p->to, now, FARGS(f), &due);
        if (rc != 1)
            return -1;
        if (due > 0 && due + 1 > now && (!*out || due + 1 < *out))
            *out = due + 1;
    }
    return 0;
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
    return clocks(d, f, p, now, out) || changes_at(d, f, p, now, &out->changes_at) ? -1 : 0;
}

static const char *const dim_codes[SD_COUNT] = {"category", "priority", "channel", "team",
                                                "agent"};
const char *stats_dim_code(stats_dim_t dim) { return (unsigned)dim < SD_COUNT ? dim_codes[dim] : ""; }

#define BY(col)                                                                               \
    {"SELECT x." col ", COUNT(*) FROM " C_CREATED F_FILTER " GROUP BY x." col,               \
     "SELECT x." col ", COUNT(*) FROM " C_CLOSED F_FILTER " GROUP BY x." col}
static const char *const by_sql[SD_COUNT][2] = {
    BY("category_id"), BY("priority_id"), BY("channel_id"), BY("team_id"), BY("owner_id")};

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
        MYSQL_STMT *st = db_query(&d->db, by_sql[dim][k], "ttt" FF, p->from, p->to, now,
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
        MYSQL_STMT *st = db_query(&d->db, daily_sql[k], "sttt" FF, first, p->from, p->to,
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

int stats_tickets_read(MYSQL_STMT *st, stats_tickets_t *out)
{
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

int stats_tickets(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                  stats_figure_t fig, time_t now, long long after, stats_tickets_t *out)
{
    time_t at[3];
    memset(out, 0, sizeof *out);
    if ((unsigned)fig >= SF_COUNT)
        return -1;
    instants(fig, p, now, at);
    MYSQL_STMT *st = db_query(&d->db, figure_sql[fig][1], "ttt" FF "ii", at[0], at[1], at[2],
                              FARGS(f), after, (long long)STATS_PAGE + 1);
    if (!st)
        return -1;
    return stats_tickets_read(st, out);
}

/* ---- where time goes ---------------------------------------------------------- */

#define S_SUM(c)                                                                              \
    ", CAST(COALESCE(SUM(x." c " >= 60), 0) AS SIGNED), CAST(COALESCE(SUM(x." c "), 0) AS SIGNED)"
static const char sql_status_time[] =
    "SELECT COUNT(*)" S_SUM("s_new") S_SUM("s_classified") S_SUM("s_assigned")
    S_SUM("s_accepted") S_SUM("s_in_progress") S_SUM("s_waiting_customer")
    S_SUM("s_waiting_third_party") S_SUM("s_solution_proposed") S_SUM("s_in_execution")
    S_SUM("s_resolved") " FROM " C_RESOLVED F_FILTER;

int stats_status_time(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                      stats_status_time_t *out)
{
    memset(out, 0, sizeof *out);
    long long *n = out->tickets, *s = out->seconds;
    return db_row(&d->db, sql_status_time, "ttt" FF, "iiiiiiiiiiiiiiiiiiiii", p->from, p->to,
                  p->to, FARGS(f), &out->resolved, &n[0], &s[0], &n[1], &s[1], &n[2], &s[2],
                  &n[3], &s[3], &n[4], &s[4], &n[5], &s[5], &n[6], &s[6], &n[7], &s[7], &n[8],
                  &s[8], &n[9], &s[9]) == 1
               ? 0
               : -1;
}

/* ---- per agent ----------------------------------------------------------------- */

/* The medians per owner: PERCENTILE_DISC(0.5) is the first value whose
 * cumulative share reaches one half, the nearest rank ceil(n / 2). */
#define MEDIANS(biz, wall, c)                                                                 \
    "SELECT DISTINCT x.owner_id, COUNT(*) OVER (PARTITION BY x.owner_id),"                    \
    " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x." biz ") OVER (PARTITION BY x.owner_id)," \
    " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY x." wall ") OVER (PARTITION BY x.owner_id)" \
    " FROM " c F_FILTER
static const char *const medians_sql[2] = {
    MEDIANS("first_response_biz_s", "first_response_s", C_RESPONDED),
    MEDIANS("resolution_biz_s", "resolution_s", C_RESOLVED),
};

/* The minutes each person logged in the period on the tickets the filter
 * keeps (whoever owns them). */
static const char sql_spent[] =
    "SELECT s.agent_id, SUM(s.minutes) FROM ticket_time_spent s"
    " JOIN ticket_facts x ON x.ticket_id = s.ticket_id"
    " WHERE s.spent_at >= ? AND s.spent_at < ?" F_FILTER " GROUP BY s.agent_id";

static int agent_most(const void *a, const void *b)
{
    const stats_agent_row_t *x = a, *y = b;
    if (x->closed != y->closed)
        return x->closed > y->closed ? -1 : 1;
    if (x->created != y->created)
        return x->created > y->created ? -1 : 1;
    return (x->agent_id > y->agent_id) - (x->agent_id < y->agent_id);
}

static stats_agent_row_t *agent_row(stats_agent_row_t *rows, int *n, int max, long long id)
{
    for (int i = 0; i < *n; i++)
        if (rows[i].agent_id == id)
            return &rows[i];
    if (*n == max)
        return NULL;
    rows[*n] = (stats_agent_row_t){.agent_id = id};
    return &rows[(*n)++];
}

int stats_per_agent(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                    stats_agent_row_t *rows, int max)
{
    stats_count_t counts[256];
    int n = 0, nc = stats_by(d, f, p, SD_AGENT, counts, 256);
    if (nc < 0)
        return -1;
    for (int i = 0; i < nc; i++) {
        stats_agent_row_t *r = agent_row(rows, &n, max, counts[i].id);
        if (r)
            r->created = counts[i].created, r->closed = counts[i].closed;
    }
    for (int k = 0; k < 2; k++) {
        MYSQL_STMT *st = db_query(&d->db, medians_sql[k], "ttt" FF, p->from, p->to, p->to,
                                  FARGS(f));
        if (!st)
            return -1;
        long long id, count, biz, wall;
        int rc;
        while ((rc = db_fetch(st, "iiii", &id, &count, &biz, &wall)) == 1) {
            stats_agent_row_t *r = agent_row(rows, &n, max, id);
            if (!r)
                continue;
            if (k == 0)
                r->responded = count, r->fr_median_biz = biz, r->fr_median = wall;
            else
                r->resolved = count, r->res_median_biz = biz, r->res_median = wall;
        }
        db_done(st);
        if (rc < 0)
            return -1;
    }
    MYSQL_STMT *st = db_query(&d->db, sql_spent, "tt" FF, p->from, p->to, FARGS(f));
    if (!st)
        return -1;
    long long id, minutes;
    int rc;
    while ((rc = db_fetch(st, "ii", &id, &minutes)) == 1) {
        stats_agent_row_t *r = agent_row(rows, &n, max, id);
        if (r)
            r->minutes_spent = minutes;
    }
    db_done(st);
    if (rc < 0)
        return -1;
    qsort(rows, (size_t)n, sizeof *rows, agent_most);
    return n;
}

static const char sql_products[] = "SELECT id, name FROM stats_products ORDER BY name LIMIT ?";

int stats_products_each(desk_t *d, int max, void (*fn)(long long id, const char *name, void *ctx),
                        void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_products, "i", (long long)max);
    if (!st)
        return -1;
    long long id;
    char name[801];
    int n = 0, rc;
    while ((rc = db_fetch(st, "is", &id, name, sizeof name)) == 1)
        fn(id, name, ctx), n++;
    db_done(st);
    return rc < 0 ? -1 : n;
}
