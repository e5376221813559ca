/* period: the periods a report covers, in the desk's zone (the process
 * time zone, set from Desk.TimeZone): a week (Monday to Sunday), a month, a
 * quarter, a year, or a range of whole days; the period before it (the one
 * of the same kind just before; for a range, as many days just before) and
 * the same period a year earlier. Each is [from, to) in UTC instants with
 * its first and last local dates. No database. */
#ifndef DESK_STATS_PERIOD_H
#define DESK_STATS_PERIOD_H

#include <stdbool.h>
#include <time.h>

typedef enum stats_kind { SK_WEEK, SK_MONTH, SK_QUARTER, SK_YEAR, SK_RANGE, SK_COUNT } stats_kind_t;

typedef struct stats_period {
    stats_kind_t kind;
    int y, m, d;       /* first local date */
    int ly, lm, ld;    /* last local date (inclusive) */
    time_t from, to;   /* [from, to) */
    int days;
} stats_period_t;

#define STATS_MAX_DAYS 366

const char *stats_kind_code(stats_kind_t k);
extern const char *const stats_kind_codes[SK_COUNT + 1]; /* NULL-ended */
/* "week", "month", "quarter", "year", "range"; -1 when none. */
int stats_kind_parse(const char *s);

/* The period of kind k holding local date at ("YYYY-MM-DD"; NULL or ""
 * for the day of now); for SK_RANGE the days at..until (at most
 * STATS_MAX_DAYS). 0, or -1 when a date is malformed or the range empty or
 * too long. */
int stats_period_make(stats_kind_t k, const char *at, const char *until, time_t now,
                      stats_period_t *out);
void stats_period_previous(const stats_period_t *p, stats_period_t *out);
void stats_period_year_before(const stats_period_t *p, stats_period_t *out);
/* The first and the last day as "YYYY-MM-DD". */
void stats_period_days(const stats_period_t *p, char first[11], char last[11]);
/* The local midnight starting day i (0-based) of the period. */
time_t stats_period_day(const stats_period_t *p, int i);

#endif
