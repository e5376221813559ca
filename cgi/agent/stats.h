/* agent_stats: what the statistics pages share (cgi/agent/stats.c, and the
 * quality sections of cgi/agent/stats_quality.c): the period and filters
 * read from the query, in the viewer's scope. */
#ifndef DESK_AGENT_STATS_H
#define DESK_AGENT_STATS_H

#include "agent/web.h"
#include "desk/stats/report.h"
#include "desk/stats/tables.h" /* stats_per_codes */

enum { CUR = STATS_CUR, PREV = STATS_PREV, YEAR = STATS_YEAR, NPER = STATS_NPER };

typedef struct stats_view {
    stats_kind_t kind;
    stats_filter_t filter;
    stats_period_t per[NPER];
    char at[11], until[11];
    char qs[512]; /* the period and filters, to carry in links */
    char qp[96];  /* the period alone */
} stats_view_t;

/* Reads the period and filters, applies the viewer's scope: OUTCOME_OK,
 * OUTCOME_FORBIDDEN when the filter names a team out of scope,
 * OUTCOME_INVALID when a value or the period is not one. */
int agent_stats_read_view(web_t *w, stats_view_t *v);
/* Per.*, Filter.*, Q, Qp, Step.* and the viewer's teams. */
void agent_stats_set_periods(web_t *w, const stats_view_t *v);
/* The name of a category or team in the reader's language. */
const char *agent_stats_dim_name(web_t *w, stats_dim_t dim, long long id);

/* The quality sections (cgi/agent/stats_quality.c): the report's quality
 * figures on the statistics page. */
void agent_stats_quality(web_t *w, const stats_figures_t *fig);
void agent_page_stats_quality_csv(web_t *w, const char *arg);
void agent_page_stats_quality_tickets(web_t *w, const char *arg);

#endif
