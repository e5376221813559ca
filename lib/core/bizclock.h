/* bizclock: business calendars and the SLA clock (pure C, no database).
 *
 * A calendar (bizcal_t) is built in memory: an IANA time zone, working spans
 * per weekday in local wall-clock minutes, holidays (no working time that
 * day) and make-up working days (调休: e.g. a Saturday that is worked).
 * The clock functions answer two questions over it:
 *   bizclock_due()     start + N business minutes -> the due instant;
 *   bizclock_minutes() the business minutes between two instants;
 * and their "_paused" forms, which also leave out the intervals during which
 * the clock is stopped (ticket waiting on the customer or a third party).
 *
 * Instants are time_t (seconds since the epoch, UTC). The calendar's zone
 * is read from the system's TZif files (TZDIR or /usr/share/zoneinfo) at
 * bizcal_init(); the process TZ is never read or changed, there is no global
 * state, and the clock functions are reentrant and thread-safe on a calendar
 * that is no longer being modified.
 *
 * Local time. A span [start_min, end_min) of local date D covers the
 * instants from W(D, start_min) to W(D, end_min), where W(wall) is the
 * earliest instant whose local wall-clock time is >= wall:
 *  - an ordinary wall time maps to its one instant;
 *  - a wall time repeated when clocks go back maps to its first occurrence;
 *  - a wall time skipped when clocks go forward maps to the transition.
 * W is monotonic, so spans never invert and adjacent spans (also 24:00 of a
 * day and 00:00 of the next) meet exactly. Consequences: a 00:00-24:00 day
 * lasts 23 h on a spring-forward day and 25 h on a fall-back day; a span
 * 01:00-03:00 lasts 1 h on Europe/Berlin's spring-forward day and 3 h on its
 * fall-back day (the hour 02:00-03:00 happens twice and both lie inside the
 * span); a 7x24 calendar is exactly wall-clock independent elapsed time.
 * (mktime with tm_isdst = -1 is not used: in the skipped hour it normalises
 * forward, which can make a span end before it starts, and it leaves the
 * choice in the repeated hour unspecified.)
 *
 * Limits: instants in (0, BIZCLOCK_TIME_MAX); a computation walks at most
 * BIZCLOCK_MAX_DAYS local days; durations are whole minutes >= 0.
 * Errors: functions returning int give 0 or -1; clock functions give -1.
 */
#ifndef DESK_BIZCLOCK_H
#define DESK_BIZCLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define BIZCAL_MAX_SPANS 8      /* spans per weekday, after merging */
#define BIZCAL_MAKEUP 7         /* pseudo-weekday: explicit make-up day spans */
#define BIZCAL_TZ_MAX 64        /* zone name, including the terminating NUL */
#define BIZCAL_MAX_DAYS 4096    /* holidays plus make-up days per calendar */
#define BIZCLOCK_MAX_DAYS 36600 /* local days one computation may walk (~100 y) */
#define BIZCLOCK_TIME_MAX ((time_t)7258118400) /* 2200-01-01T00:00:00Z */

/* One working span of a day, in minutes after local midnight: [start, end). */
typedef struct bizcal_span {
    int16_t start, end;
} bizcal_span_t;

/* The zone's UTC offsets: off0 before at[0], off[i] from at[i] on (seconds
 * east of UTC). Internal to bizclock.c; owned by the calendar. */
typedef struct bizcal_zone {
    int n;
    int32_t off0;
    int64_t *at;
    int32_t *off;
} bizcal_zone_t;

/* A sorted set of local dates, as days since 1970-01-01. */
typedef struct bizcal_days {
    int32_t *day;
    int n, cap;
} bizcal_days_t;

/* A business calendar. Build it with bizcal_init(), bizcal_add_span(),
 * bizcal_add_day(); release it with bizcal_free(). It owns heap memory: do
 * not copy the struct, pass pointers. */
typedef struct bizcal {
    char tz[BIZCAL_TZ_MAX];
    int makeup_weekday; /* see bizcal_set_makeup_weekday(); default 1 */
    uint8_t nspans[BIZCAL_MAKEUP + 1];
    bizcal_span_t spans[BIZCAL_MAKEUP + 1][BIZCAL_MAX_SPANS];
    bizcal_days_t holidays;
    bizcal_days_t workdays;
    bizcal_zone_t zone;
} bizcal_t;

/* An interval during which the clock is stopped: [from, to). to == 0 means
 * the pause is still open (it has not ended yet). */
typedef struct bizclock_pause {
    time_t from, to;
} bizclock_pause_t;

/* Initialises an empty calendar (no working time) in the IANA zone tz, e.g.
 * "Asia/Shanghai", "Europe/Berlin", "UTC". The zone file is read from
 * $TZDIR or /usr/share/zoneinfo; names may hold [A-Za-z0-9/_+-.], must be
 * shorter than BIZCAL_TZ_MAX, must not start with '/' nor contain "..".
 * Returns 0, or -1 (bad name, missing or malformed file, out of memory);
 * after -1 the calendar is empty and bizcal_free() is still safe. */
int bizcal_init(bizcal_t *c, const char *tz);

/* Releases what the calendar owns; the calendar is left empty and may be
 * initialised again. Safe on a zeroed or already-freed calendar. */
void bizcal_free(bizcal_t *c);

/* Adds the working span [start_min, end_min) to weekday (0 = Sunday ..
 * 6 = Saturday, or BIZCAL_MAKEUP for the spans of make-up days), with
 * 0 <= start_min < end_min <= 1440; 1440 is midnight at the end of the day.
 * A span touching an existing one is merged with it (09:00-12:00 plus
 * 12:00-13:00 is 09:00-13:00). Returns 0, or -1 when invalid, overlapping
 * an existing span, or when the day would hold more than BIZCAL_MAX_SPANS.
 * A night shift is two spans: 22:00-24:00 on one day, 00:00-06:00 on the
 * next; the clock runs through midnight without a gap. */
int bizcal_add_span(bizcal_t *c, int weekday, int start_min, int end_min);

/* Chooses whose spans make-up days use when no BIZCAL_MAKEUP spans were
 * added: weekday 0..6 (default 1, Monday). Returns 0, or -1 when out of
 * range. Set it this way, not by writing the field. */
int bizcal_set_makeup_weekday(bizcal_t *c, int weekday);

/* Marks the local date "YYYY-MM-DD" (years 1970-2199) as a holiday
 * (workday == false: no working time at all that day) or as a make-up
 * working day (workday == true: the day is worked with the BIZCAL_MAKEUP
 * spans if any were added, else with the spans of c->makeup_weekday,
 * Monday by default, whatever weekday the date is). Adding a date twice with
 * the same kind is harmless. Returns 0, or -1 for a malformed or impossible
 * date, a date already marked with the other kind, more than
 * BIZCAL_MAX_DAYS dates, or out of memory. */
int bizcal_add_day(bizcal_t *c, const char *yyyy_mm_dd, bool workday);

/* The due instant: the earliest instant T >= start such that exactly
 * `minutes` business minutes lie in [start, T). If start is outside working
 * time, counting begins at the next working instant. A due that uses up the
 * budget at the end of a span is that end (Friday 18:00), not the start of
 * the next span. minutes == 0 returns start itself, so that
 * due(s, a + b) == due(due(s, a), b) holds for every a, b >= 0.
 * Returns -1 when minutes < 0, start is outside (0, BIZCLOCK_TIME_MAX), or
 * the due lies more than BIZCLOCK_MAX_DAYS days after start (e.g. a
 * calendar without working time). */
time_t bizclock_due(const bizcal_t *c, time_t start, long minutes);

/* As bizclock_due() with a duration in seconds (>= 0). */
time_t bizclock_due_seconds(const bizcal_t *c, time_t start, long long seconds);

/* Business minutes in [from, to), rounded down; 0 when to <= from.
 * bizclock_minutes(c, s, bizclock_due(c, s, m)) == m. Returns -1 when an
 * instant is outside (0, BIZCLOCK_TIME_MAX) or the range is longer than
 * BIZCLOCK_MAX_DAYS days. */
long bizclock_minutes(const bizcal_t *c, time_t from, time_t to);

/* Business seconds in [from, to); 0 when to <= from; -1 as above. */
long long bizclock_seconds(const bizcal_t *c, time_t from, time_t to);

/* As bizclock_due(), leaving out the n pauses p[0..n-1]: working time inside
 * a pause is not counted. Pauses must be sorted and disjoint
 * (p[i].from <= p[i].to <= p[i+1].from, from > 0), and only the last may be
 * open (to == 0). Pauses before start, or outside working time, change
 * nothing. If the clock reaches an open pause before the budget is used up,
 * there is no due while paused: returns 0. (If the budget was already used
 * up before the open pause began, that earlier due is returned: a breach
 * is not undone by pausing afterwards.) Returns -1 as bizclock_due() does,
 * and for pauses that break the rules above. n == 0 is bizclock_due(). */
time_t bizclock_due_paused(const bizcal_t *c, time_t start, long minutes,
                           const bizclock_pause_t *p, int n);

/* Business minutes in [from, to) outside the pauses (rules as above; an
 * open pause stops counting from its start), rounded down; 0 when
 * to <= from; -1 on error. The clock used up so far by a ticket is
 * bizclock_minutes_paused(c, start, now, pauses, n). */
long bizclock_minutes_paused(const bizcal_t *c, time_t from, time_t to,
                             const bizclock_pause_t *p, int n);

/* The first working instant at or after t (t itself when t is in working
 * time), or -1 when there is none within BIZCLOCK_MAX_DAYS days or t is out
 * of range. */
time_t bizclock_next_working(const bizcal_t *c, time_t t);

/* Working days. A working day is a local date that has working time once
 * holidays and make-up days are applied. The due n working days after
 * start is the same position of the business clock on the n-th working
 * day after start's:
 *  - counting starts at s = bizclock_next_working(start), so a start
 *    outside working time counts from the next working instant;
 *  - p is the working time of s's local date that lies before s;
 *  - the position is p into the n-th working day after s's date (its end
 *    when p is longer than that day's working time: a short day);
 *  - the due is the earliest instant with as much working time since start
 *    as that position: as with bizclock_due(), a due that falls on a span's
 *    end is that end, not the start of the next span.
 * On Mon-Fri 09:00-12:00 + 13:30-18:00: Tuesday 10:00 + 3 = Friday 10:00;
 * Friday 15:00 + 1 = Monday 15:00; Monday 05:20, Saturday 11:00 and Monday
 * 09:00 + 1 = Monday 18:00 (a day's working time from Monday 09:00, the
 * same position as Tuesday 09:00); Monday 12:30, in the lunch break, + 1 =
 * Tuesday 12:00 (3 h into the day, the same position as 13:30).
 * n == 0 returns start. Returns -1 when n < 0, start is out of range, or no
 * such day lies within BIZCLOCK_MAX_DAYS days. */
time_t bizclock_workdays_due(const bizcal_t *c, time_t start, int n);

/* The working minutes of the shortest and of the longest working day of
 * the calendar's week: the weekdays that have spans, and make-up days when
 * any date is marked as one. Between a start and the due n working days
 * later there are at least n * shortest and at most n * longest working
 * minutes (a day shortened or lengthened by a clock change aside).
 * Returns how many of the seven weekdays have working time; with none,
 * and without make-up days, both are 0. */
int bizcal_workday_minutes(const bizcal_t *c, long *shortest, long *longest);

/* As bizclock_due_paused() with a duration in seconds (>= 0). */
time_t bizclock_due_paused_seconds(const bizcal_t *c, time_t start, long long seconds,
                                   const bizclock_pause_t *p, int n);

/* The two functions below expose the zone mapping (for displays and tests);
 * c must have been initialised successfully. */

/* The zone's offset from UTC at instant t, in seconds east of UTC
 * (Asia/Shanghai: 28800). */
long bizcal_utc_offset(const bizcal_t *c, time_t t);

/* The instant of local wall-clock time (days since 1970-01-01 of the local
 * date, minute 0..1440) under the mapping W described at the top of this
 * header: the earliest instant whose local time is at or after it. */
time_t bizcal_local_instant(const bizcal_t *c, long day, int minute);

#endif
