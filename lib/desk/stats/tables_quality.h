/* tables_quality: the quality figures (quality.h) as tables of the report
 * (tables.h), one builder per table, each table a CSV file, a sheet of the
 * workbook and a table of the API's JSON like the others:
 *
 *   repeat        repeat problems and reopens per period: tickets, base, rate
 *   combos        category x product x fault kind, ranked, per period, change
 *   terms         keywords of the subjects, ranked, per period, change
 *   cross         reassignments, hand-backs, escalations, team moves and
 *                 collaborators per period: tickets, times, times per ticket
 *   pairs         moves per pair of teams, per period
 *   satisfaction  closed, answered, answer rate and mean scores per period
 *   scores        the distribution of each score in the period
 *   lowest        the lowest-scored tickets with their comments (no contact)
 *
 * A fault kind or product that is not given is a cell with no value. */
#ifndef DESK_STATS_TABLES_QUALITY_H
#define DESK_STATS_TABLES_QUALITY_H

#include "desk/stats/tables.h"

#define QUALITY_TABLES(X)                                                                     \
    X(repeat) X(combos) X(terms) X(cross) X(pairs) X(satisfaction) X(scores) X(lowest)

#define QUALITY_BUILDER(c) int stats_qtable_##c(const stats_report_t *r, stats_table_t *t);
QUALITY_TABLES(QUALITY_BUILDER)
#undef QUALITY_BUILDER

/* n of base in tenths of a percent, and a / b in hundredths, rounded half
 * up; false (no value) when the base is 0. */
bool stats_rate(long long n, long long base, long long *tenths);
bool stats_ratio(long long a, long long b, long long *hundredths);

#endif
