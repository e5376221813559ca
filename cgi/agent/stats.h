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
/* Rows.* and Next of a page of tickets behind a number, for
 * templates/agent/stats_tickets_table.cs. */
void agent_stats_ticket_rows(web_t *w, const stats_tickets_t *page);

/* The charts' data, shared by the statistics page and the report page
 * (cgi/agent/stats_report.c), drawn by templates/agent/stats_charts.cs:
 * a duration (KEY.h, .m, .total, .s); an SLA clock's stacked bar (KEY.met,
 * .breached, .running, .rate, .wm/.wb/.wr widths); the daily bars (Daily.N,
 * Chart.max); where time goes (StatusTime); one bar of a chart by a
 * dimension (ROW.w, .y, .ty, .tx, the i-th of bars up to max). */
void agent_stats_set_seconds(HDF *h, const char *key, long long s);
void agent_stats_set_sla(HDF *h, const char *key, const stats_sla_t *s);
void agent_stats_set_daily(HDF *h, const stats_period_t *p, const long long *created,
                           const long long *closed);
void agent_stats_set_status(web_t *w, const stats_status_time_t *st);
void agent_stats_bar(HDF *h, const char *row, int i, long long v, long long max);

/* The quality sections (cgi/agent/stats_quality.c): the report's quality
 * figures on the statistics page. */
void agent_stats_quality(web_t *w, const stats_figures_t *fig);
void agent_page_stats_quality_csv(web_t *w, const char *arg);
void agent_page_stats_quality_tickets(web_t *w, const char *arg);

/* Snapshots and the analysis report (cgi/agent/stats_report.c). */
void agent_do_stats_snapshot(web_t *w, const char *arg);
void agent_page_stats_reports(web_t *w, const char *arg);
void agent_page_stats_report(web_t *w, const char *arg);
void agent_do_stats_report(web_t *w, const char *arg);
void agent_do_stats_recount(web_t *w, const char *arg);
void agent_page_stats_report_xlsx(web_t *w, const char *arg);

#endif
