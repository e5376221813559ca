/* snapshot: the statistics of a period frozen as they were counted (the
 * after-sales analysis report, 《售后问题分析报告》), and the only module
 * that reads or writes stats_snapshots.
 *
 * A snapshot holds the report's tables (tables.h) in both languages as the
 * reports API writes them (export.h), with the names of its filters, made
 * once from the live figures; its numbers never change. What changes is the
 * analyst's conclusions and the status (draft, final). A recount is a new
 * snapshot of the same period and filters, the old one kept.
 *
 * Scope: managers (agent_is_supervisor) see every snapshot; an agent sees
 * those of their own teams that are not narrowed to another agent, without
 * the tables per agent. The functions give OUTCOME_OK (0) or a negative
 * outcome unless they say. */
#ifndef DESK_STATS_SNAPSHOT_H
#define DESK_STATS_SNAPSHOT_H

#include <jansson.h>
#include <stdbool.h>
#include <time.h>

#include "core/lang.h"
#include "desk/desk.h"
#include "desk/people/auth.h"
#include "desk/stats/period.h"
#include "desk/stats/report.h"
#include "desk/stats/tables.h"

#define SNAPSHOT_PAGE 25
#define SNAPSHOT_CONCLUSIONS_MAX 20000 /* characters */

typedef struct stats_snapshot {
    long long id, made_by, recount_of, recounted_as, concluded_by;
    char maker[401], concluder[401];
    time_t made_at, concluded_at;
    stats_kind_t kind;
    char first[11], last[11];
    stats_filter_t filter;
    bool per_agent, final;
    char *conclusions;
    json_t *tables; /* {"zh": report, "en": report} */
} stats_snapshot_t;

/* Counts the figures of period cur (of kind) under filter f, the scope of
 * `by` already applied, and keeps them as a new snapshot made by `by`
 * (the tables per agent when by sees them); names: per language, an object
 * of the filters' names to keep beside them (taken over; may be NULL).
 * recount_of: the snapshot it recounts (0: none). The new id in *id. */
int stats_snapshot_make(desk_t *d, const agent_t *by, const stats_filter_t *f,
                        const stats_period_t *cur, json_t *names[LANG_COUNT],
                        long long recount_of, long long *id);

/* OUTCOME_OK, OUTCOME_NOT_FOUND; free with stats_snapshot_free. */
int stats_snapshot_get(desk_t *d, long long id, stats_snapshot_t *out);
void stats_snapshot_free(stats_snapshot_t *s);
/* Whether a may open s; whether a may write its conclusions (its maker
 * or a manager). */
bool stats_snapshot_may_see(const agent_t *a, const stats_snapshot_t *s);
bool stats_snapshot_may_conclude(const agent_t *a, const stats_snapshot_t *s);
/* Whether the tables per agent of s are shown to a. */
bool stats_snapshot_shows_agents(const agent_t *a, const stats_snapshot_t *s);

/* Keeps the conclusions and the status; OUTCOME_INVALID when the text is
 * longer than SNAPSHOT_CONCLUSIONS_MAX characters or not UTF-8. */
int stats_snapshot_conclude(desk_t *d, const agent_t *by, long long id, const char *text,
                            bool final);

/* The frozen tables of s in lang as a report (tables.h), for the
 * workbook: those per agent only when per_agent; fig gets the snapshot's
 * period and filters (and no figures) and must outlive out. 0 or -1; free
 * with stats_report_free. */
int stats_snapshot_report(desk_t *d, const stats_snapshot_t *s, lang_t lang, bool per_agent,
                          stats_figures_t *fig, stats_report_t *out);

typedef struct stats_snapshot_row {
    long long id, team_id, agent_id, recount_of;
    char maker[401], first[11], last[11];
    stats_kind_t kind;
    time_t made_at;
    bool final, concluded;
} stats_snapshot_row_t;
/* The snapshots a may see, newest first, ids below before (0: from the
 * newest), at most limit; fn gets each. The number, or a negative outcome. */
int stats_snapshot_list(desk_t *d, const agent_t *a, long long before, int limit,
                        void (*fn)(const stats_snapshot_row_t *row, void *ctx), void *ctx);

#endif
