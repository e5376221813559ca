/* tables: the report as tables, the one model the CSV files, the workbook
 * and the API's JSON are written from (lib/desk/stats/export.h,
 * lib/desk/stats/workbook.h).
 *
 * The figures of a period, of the period before it and of the same period a
 * year earlier are read once (stats_figures_load); each table is
 * then made from them by its builder, listed once in tables.c's table of
 * builders: a new section is one builder there (and its words in the
 * language files, L.Stats.Table.<code>.Title and .Cols.<column>), and it
 * appears in every export.
 *
 * A table has typed columns and rows. A cell holds nothing (a time over no
 * tickets, a rate with nothing to rate) or, by its column's kind:
 *   SC_COUNT    a whole number
 *   SC_SECONDS  a duration in seconds
 *   SC_PERCENT  a percentage in tenths of a percent (474 is 47.4 %)
 *   SC_DECIMAL  a number in hundredths (350 is 3.50: a mean score, times
 *               per ticket)
 *   SC_DATE     a local date as YYYYMMDD
 *   SC_TEXT     a text in the report's language
 * Each row has a key that does not depend on the language (a figure's code,
 * "first_response.biz.cur", a day, a catalogue code). No table holds a
 * customer's contact details. */
#ifndef DESK_STATS_TABLES_H
#define DESK_STATS_TABLES_H

#include <stdbool.h>
#include <time.h>

#include "core/lang.h"
#include "desk/desk.h"
#include "desk/stats/period.h"
#include "desk/stats/quality.h"
#include "desk/stats/report.h"

/* The three periods every figure is shown for. */
enum { STATS_CUR, STATS_PREV, STATS_YEAR, STATS_NPER };
extern const char *const stats_per_codes[STATS_NPER];

#define STATS_BY_MAX 64
#define STATS_NAMES 500
#define STATS_TOP 10    /* the combinations and pairs of teams ranked */
#define STATS_LOWEST 10 /* the lowest-scored tickets */

/* A person who may own tickets, for the tables per agent. */
typedef struct stats_name {
    long long id;
    char name[96];
} stats_name_t;

typedef struct stats_figures {
    stats_filter_t filter;
    stats_period_t per[STATS_NPER];
    time_t now;
    stats_summary_t sum[STATS_NPER];
    stats_count_t by[SD_COUNT][STATS_BY_MAX]; /* by[SD_AGENT]: only when per_agent */
    int nby[SD_COUNT];
    long long created[STATS_MAX_DAYS + 1], closed[STATS_MAX_DAYS + 1]; /* per day of per[CUR] */
    stats_status_time_t status;               /* where time goes in per[CUR] */
    /* the figures per agent (tables agent and agents): read, and made into
     * tables, only when per_agent (a viewer who sees them: stats_sees_agents) */
    bool per_agent;
    stats_agent_row_t agents[STATS_BY_MAX];
    int nagents;
    stats_name_t names[STATS_NAMES]; /* the active people, by name */
    int nnames;
    /* the quality figures (quality.h) of the three periods, the rankings
     * and the lowest-scored tickets of per[CUR] */
    long repeat_days;
    stats_quality_t q[STATS_NPER];
    stats_combo_t combos[STATS_TOP];
    stats_term_t terms[2 * STATS_TOP];
    stats_pair_t pairs[STATS_TOP];
    stats_low_t low[STATS_LOWEST];
    int ncombos, nterms, npairs, nlow;
} stats_figures_t;

/* Reads every figure of period cur, its previous period and the same
 * period a year earlier, under filter f (scope already applied); the
 * figures per agent too when per_agent. 0 or -1. */
int stats_figures_load(desk_t *d, const stats_filter_t *f, const stats_period_t *cur,
                       time_t now, bool per_agent, stats_figures_t *out);
/* The name of an owner among fig's names ("" when not active now). */
const char *stats_figures_name(const stats_figures_t *fig, long long id);
/* Whether the table of that code holds figures per agent. */
bool stats_table_per_agent(const char *code);

typedef enum stats_col_kind {
    SC_COUNT, SC_SECONDS, SC_PERCENT, SC_DATE, SC_TEXT, SC_DECIMAL, SC_NKINDS
} stats_col_kind_t;
extern const char *const stats_col_kind_codes[SC_NKINDS]; /* "count", "seconds", ... */

#define STATS_MAX_COLS 12
#define STATS_MAX_TABLES 32

typedef struct stats_col {
    char code[32];
    stats_col_kind_t kind;
    char label[128];
} stats_col_t;

typedef struct stats_cell {
    bool set;   /* false: no value */
    long long v;
    char *text; /* SC_TEXT */
} stats_cell_t;

typedef struct stats_row {
    char key[96];
    stats_cell_t cells[STATS_MAX_COLS];
} stats_row_t;

typedef struct stats_table {
    char code[32];
    char title[128];
    int ncols, nrows, cap;
    stats_col_t cols[STATS_MAX_COLS];
    stats_row_t *rows;
} stats_table_t;

typedef struct stats_report {
    desk_t *d;
    lang_t lang;
    const stats_figures_t *fig;
    int ntables;
    stats_table_t tables[STATS_MAX_TABLES];
} stats_report_t;

/* The codes of the tables, in the report's order, NULL-ended. */
extern const char *const stats_table_codes[];

/* Builds every table from fig, labelled in lang (those per agent only when
 * fig->per_agent). 0, or -1 (out of memory
 * or a builder's figures unavailable); free with stats_report_free. */
int stats_report_build(desk_t *d, const stats_figures_t *fig, lang_t lang, stats_report_t *out);
void stats_report_free(stats_report_t *r);
/* The table of that code, or NULL. */
const stats_table_t *stats_report_table(const stats_report_t *r, const char *code);

/* ---- for builders ---------------------------------------------------------- */

/* A word of the language files in the report's language ("" when none). */
const char *stats_word(const stats_report_t *r, const char *key);
/* Adds a column (labelled L.Stats.Table.<table>.Cols.<code>). */
void stats_table_col(const stats_report_t *r, stats_table_t *t, const char *code,
                     stats_col_kind_t kind);
/* Adds a row with that key and no values; NULL when out of memory. */
stats_row_t *stats_table_row(stats_table_t *t, const char *key);
void stats_cell_set(stats_row_t *row, int col, long long v);
/* -1 when out of memory. */
int stats_cell_text(stats_row_t *row, int col, const char *text);


/* ---- the quality tables, built in tables_quality.c ---------------------------
 * The quality figures (quality.h) as tables of the report, one builder per
 * table, each table a CSV file, a sheet of the
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
 * A fault kind or product that is not given is a cell with no value.
 */
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
