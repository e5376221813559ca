/* coord: the weekly coordination view (周协调会): per team, at the end of a
 * week (its Monday 00:00 to the next, in the desk's zone; or now, while the
 * week runs), what the weekly meeting goes through:
 *
 *   open          tickets in the backlog (not resolved) at the end
 *   overdue       of the tickets created before the end, those whose
 *                 resolution was due before it and that were not resolved
 *                 by then (a resolution clock paused at the time has no due)
 *   escalations   tickets with an escalation to R&D asked before the end
 *                 and not answered by then
 *   handed over   tickets moved from the team to another during the week
 *   received      tickets moved into the team from another during the week
 *
 * A ticket counts under its current team, as in the statistics. Each figure
 * is one grouped range scan of an index (sql/migrations/041); the tickets
 * behind it come in keyset pages like the statistics' drill-downs. The
 * functions give 0 or -1. */
#ifndef DESK_STATS_COORD_H
#define DESK_STATS_COORD_H

#include "desk/stats/report.h"

typedef enum coord_fig {
    CF_OPEN, CF_OVERDUE, CF_ESCALATIONS, CF_HANDED_OVER, CF_RECEIVED, CF_COUNT
} coord_fig_t;
extern const char *const coord_fig_codes[CF_COUNT + 1]; /* NULL-ended */
int coord_fig_parse(const char *s);

#define COORD_TEAMS_MAX 200

typedef struct coord_row {
    long long team_id; /* 0: no team */
    long long n[CF_COUNT];
} coord_row_t;

/* The end of the week p as the figures read it: its end, or now if sooner. */
time_t coord_end(const stats_period_t *p, time_t now);

/* Adds the figures of week p to rows (found by team_id, appended when new;
 * *nrows grows up to max). */
int coord_figures(desk_t *d, const stats_period_t *p, time_t now, coord_row_t *rows, int *nrows,
                  int max);

/* A page of the tickets behind figure fig of team_id, ids above after. */
int coord_tickets(desk_t *d, coord_fig_t fig, long long team_id, const stats_period_t *p,
                  time_t now, long long after, stats_tickets_t *out);

#endif
