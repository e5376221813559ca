/* report: a period's figures from the statistics' rows (facts.h), each a
 * range scan of a covering index of ticket_facts or ticket_spans:
 *
 *   created         tickets created in the period
 *   closed          times a ticket left the backlog (resolved) in the period
 *   reopened        times a resolved ticket came back in the period
 *   backlog_start   tickets in the backlog (not resolved) at the period's
 *   backlog_end     first instant, and at its end (or now, if sooner)
 *   first response  over the tickets first answered in the period
 *   resolution      over the tickets resolved in the period (latest
 *                   resolution, from creation), both in wall time and in
 *                   the business time of the ticket's SLA calendar
 *   SLA             per clock over the tickets created in the period: met
 *                   (stopped by its due), breached (stopped after it, or
 *                   overdue now), running (not stopped, not overdue); the
 *                   clocks: classification, acceptance, first response,
 *                   update cadence, resolution, the R&D answer (facts.h)
 *   status time     over the tickets resolved in the period: wall seconds
 *                   spent in each status until the latest resolution
 *   per agent       by the ticket's owner: created, resolved, median first
 *                   response and resolution (supervisors only)
 *
 * Times are mean, median, 90th percentile and maximum, in seconds; the
 * percentiles are exact (nearest rank: the value at rank ceil(q * n) of the
 * n values in ascending order). Filters: team, category, priority,
 * channel, product (stats_products), organisation, customer tag (the
 * customer's tags now), agent (the owner) (0: all). The viewer's scope is applied by stats_scope(). The
 * functions give OUTCOME_OK (0) or OUTCOME_UNAVAILABLE (-1) unless they say. */
#ifndef DESK_STATS_REPORT_H
#define DESK_STATS_REPORT_H

#include <stdbool.h>

#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/stats/period.h"

typedef struct stats_filter {
    long long team_id, category_id, priority_id, channel_id;
    long long product_id, organisation_id, tag_id, agent_id;
} stats_filter_t;

typedef struct stats_times {
    long long n, mean, median, p90, max; /* seconds; 0 when n = 0 */
} stats_times_t;

typedef struct stats_sla {
    long long met, breached, running;
} stats_sla_t;

typedef struct stats_summary {
    long long created, closed, reopened, backlog_start, backlog_end;
    stats_times_t first_response, first_response_biz, resolution, resolution_biz;
    stats_sla_t sla_first_response, sla_resolution;
    stats_sla_t sla_classify, sla_accept, sla_update, sla_answer;
    /* the first instant after now at which a figure above moves with the
     * clock alone (a running clock falls due, the period begins); 0: none */
    time_t changes_at;
} stats_summary_t;

/* The viewer's limits: supervisors and admins see every team; an agent
 * sees only their own teams, one at a time (their first when none is
 * chosen), and no other agent's figures. OUTCOME_OK, or OUTCOME_FORBIDDEN
 * when the filter names a team or an agent the viewer may not see. */
int stats_scope(const agent_t *a, stats_filter_t *f);
/* Whether the viewer sees figures per agent (supervisors, directors,
 * admins). */
bool stats_sees_agents(const agent_t *a);

int stats_summary(desk_t *d, const stats_filter_t *f, const stats_period_t *p, time_t now,
                  stats_summary_t *out);

typedef enum stats_dim {
    SD_CATEGORY, SD_PRIORITY, SD_CHANNEL, SD_TEAM, SD_AGENT, SD_COUNT
} stats_dim_t;
const char *stats_dim_code(stats_dim_t dim);

typedef struct stats_count {
    long long id, created, closed;
} stats_count_t;

/* Created and closed in the period per value of a dimension, most created
 * first; the number of rows (at most max) or -1. */
int stats_by(desk_t *d, const stats_filter_t *f, const stats_period_t *p, stats_dim_t dim,
             stats_count_t *rows, int max);

/* Created and closed per local day of the period (p->days entries). 0 or -1. */
int stats_daily(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                long long *created, long long *closed);

/* The statuses whose time is counted (stats_status_time). */
#define STATS_STATUSES 10

/* The tickets behind a figure. */
typedef enum stats_figure {
    SF_CREATED, SF_CLOSED, SF_REOPENED, SF_BACKLOG_START, SF_BACKLOG_END,
    SF_RESPONDED, SF_RESOLVED,
    SF_FR_MET, SF_FR_BREACHED, SF_FR_RUNNING, SF_RES_MET, SF_RES_BREACHED, SF_RES_RUNNING,
    SF_CL_MET, SF_CL_BREACHED, SF_CL_RUNNING, SF_AC_MET, SF_AC_BREACHED, SF_AC_RUNNING,
    SF_UP_MET, SF_UP_BREACHED, SF_UP_RUNNING, SF_ANS_MET, SF_ANS_BREACHED, SF_ANS_RUNNING,
    /* resolved in the period after a minute or more in a status (in the order
     * of stats_status_codes) */
    SF_IN_STATUS,
    SF_COUNT = SF_IN_STATUS + STATS_STATUSES
} stats_figure_t;
const char *stats_figure_code(stats_figure_t f);
extern const char *const stats_figure_codes[SF_COUNT + 1]; /* NULL-ended */
int stats_figure_parse(const char *s);

/* Where time goes: over the tickets resolved in the period, per status
 * (new, classified, assigned, accepted, in_progress, waiting_customer,
 * waiting_third_party, solution_proposed, in_execution, resolved: the time
 * a ticket stayed resolved or closed before it was reopened), the tickets
 * that spent a minute or more in it and the wall seconds in all. */
extern const char *const stats_status_codes[STATS_STATUSES];
typedef struct stats_status_time {
    long long resolved;                 /* tickets resolved in the period */
    long long tickets[STATS_STATUSES];  /* of them, those a minute or more in it */
    long long seconds[STATS_STATUSES];  /* wall seconds in it, in all */
} stats_status_time_t;
int stats_status_time(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                      stats_status_time_t *out);

/* Per agent (the ticket's owner; 0: none): created and resolved (as in
 * stats_by), and the medians of the first responses and resolutions of
 * the period (as in stats_summary), in business and wall seconds. */
typedef struct stats_agent_row {
    long long agent_id, created, closed;
    long long responded, fr_median_biz, fr_median;
    long long resolved, res_median_biz, res_median;
    long long minutes_spent; /* logged by the person in the period (time_spent.h) */
} stats_agent_row_t;
/* Most resolved first; the number of rows (at most max) or -1. */
int stats_per_agent(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                    stats_agent_row_t *rows, int max);

/* The products named on tickets (stats_products), by name, at most max:
 * fn gets the id and the name of each. The number, or -1. */
int stats_products_each(desk_t *d, int max, void (*fn)(long long id, const char *name, void *ctx),
                        void *ctx);

#define STATS_PAGE 50

typedef struct stats_ticket {
    long long id, category_id, priority_id, channel_id, team_id;
    char number[32], status[24], subject[801];
    time_t created_at;
} stats_ticket_t;

typedef struct stats_tickets {
    stats_ticket_t rows[STATS_PAGE];
    int n;
    bool more;
    long long next_after; /* the cursor of the next page: ticket ids above it */
} stats_tickets_t;
/* Reads a page of tickets (id, category, priority, channel, team, number,
 * status, subject, created) from st, done with it after; 0 or -1. */
int stats_tickets_read(MYSQL_STMT *st, stats_tickets_t *out);

/* A page of the tickets behind figure fig, by ticket id after `after`. 0 or -1. */
int stats_tickets(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                  stats_figure_t fig, time_t now, long long after, stats_tickets_t *out);

#endif
