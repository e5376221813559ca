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
 *                   overdue now), running (not stopped, not overdue)
 *
 * Times are mean, median, 90th percentile and maximum, in seconds; the
 * percentiles are exact (nearest rank: the value at rank ceil(q * n) of the
 * n values in ascending order). Filters: team, category, priority,
 * channel (0: all). The viewer's scope is applied by stats_scope(). The
 * functions give OUTCOME_OK (0) or OUTCOME_UNAVAILABLE (-1) unless they say. */
#ifndef DESK_STATS_REPORT_H
#define DESK_STATS_REPORT_H

#include <stdbool.h>

#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/stats/period.h"

typedef struct stats_filter {
    long long team_id, category_id, priority_id, channel_id;
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
} stats_summary_t;

/* The viewer's limits: supervisors and admins see every team; an agent
 * sees only their own teams, one at a time (their first when none is
 * chosen). OUTCOME_OK, or OUTCOME_FORBIDDEN when the filter names a team the
 * viewer may not see. */
int stats_scope(const agent_t *a, stats_filter_t *f);

int stats_summary(desk_t *d, const stats_filter_t *f, const stats_period_t *p, time_t now,
                  stats_summary_t *out);

typedef enum stats_dim { SD_CATEGORY, SD_PRIORITY, SD_CHANNEL, SD_TEAM, SD_COUNT } stats_dim_t;
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

/* The tickets behind a figure. */
typedef enum stats_figure {
    SF_CREATED, SF_CLOSED, SF_REOPENED, SF_BACKLOG_START, SF_BACKLOG_END,
    SF_RESPONDED, SF_RESOLVED,
    SF_FR_MET, SF_FR_BREACHED, SF_FR_RUNNING, SF_RES_MET, SF_RES_BREACHED, SF_RES_RUNNING,
    SF_COUNT
} stats_figure_t;
const char *stats_figure_code(stats_figure_t f);
extern const char *const stats_figure_codes[SF_COUNT + 1]; /* NULL-ended */
int stats_figure_parse(const char *s);

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

/* A page of the tickets behind figure fig, by ticket id after `after`. 0 or -1. */
int stats_tickets(desk_t *d, const stats_filter_t *f, const stats_period_t *p,
                  stats_figure_t fig, time_t now, long long after, stats_tickets_t *out);

#endif
