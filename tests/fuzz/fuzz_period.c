/* libFuzzer target for lib/desk/stats/period.c (make fuzz; then
 * build/fuzz/fuzz_period -max_total_time=60): the period a statistics page
 * or the reports API reads from its query (kind, at, until), and the codes
 * of its other choices (kind, fig, qfig).
 *
 * Input: a byte choosing the kind (0-4, or 5: the kind's code is read from
 * the text), a byte choosing the zone (bit 0: Asia/Shanghai or
 * America/Santiago, whose summer time starts at midnight) and "now", then
 * at, a NUL, until.
 *
 * Checked: a period is made only of well-formed days ("YYYY-MM-DD", digits
 * only, a real date); a range's first and last days are the days given; a
 * period of another kind holds the day given; every period (the one made,
 * the one before it, the same one a year earlier) runs forward over 1 to
 * 366 days (367 for the dates a year before a range over 29 February) whose midnights rise to its end; the period before ends where
 * it starts, and the year before starts earlier. A code parsed is one of the codes and reads back the same. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "desk/stats/period.h"
#include "desk/stats/quality.h"
#include "desk/stats/report.h"

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "check failed: %s (line %d)\n", #c, __LINE__);                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static const char *const zones[] = {"Asia/Shanghai", "America/Santiago"};
static int zone = -1;

static void use_zone(int z)
{
    if (z == zone)
        return;
    setenv("TZ", zones[z], 1);
    tzset();
    zone = z;
}

static bool well_formed(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    return true;
}

static time_t midnight_of(const char *day)
{
    struct tm tm = {.tm_isdst = -1};
    CHECK(sscanf(day, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3);
    tm.tm_year -= 1900, tm.tm_mon -= 1;
    return mktime(&tm);
}

static void sound(const stats_period_t *p, int max_days)
{
    CHECK(p->from < p->to);
    CHECK(p->days >= 1 && p->days <= max_days);
    CHECK(stats_period_day(p, 0) == p->from);
    CHECK(stats_period_day(p, p->days) == p->to);
    for (int i = 1; i <= p->days; i++)
        CHECK(stats_period_day(p, i) > stats_period_day(p, i - 1));
    char first[11], last[11];
    stats_period_days(p, first, last);
    CHECK(well_formed(first) && well_formed(last));
    CHECK(midnight_of(first) == p->from);
    CHECK(midnight_of(last) < p->to);
}

static void codes(const char *s)
{
    int k = stats_kind_parse(s);
    CHECK(k >= -1 && k < SK_COUNT);
    if (k >= 0)
        CHECK(strcmp(stats_kind_code((stats_kind_t)k), s) == 0);
    int f = stats_figure_parse(s);
    CHECK(f >= -1 && f < SF_COUNT);
    if (f >= 0)
        CHECK(strcmp(stats_figure_codes[f], s) == 0);
    int q = stats_qfig_parse(s);
    CHECK(q >= -1 && q < QF_COUNT);
    if (q >= 0)
        CHECK(strcmp(stats_qfig_codes[q], s) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 64)
        return 0;
    char *buf = malloc(size - 1);
    if (!buf)
        abort();
    memcpy(buf, data + 2, size - 2);
    buf[size - 2] = '\0';
    const char *at = buf;
    size_t alen = strlen(at);
    const char *until = alen < size - 2 ? buf + alen + 1 : NULL;
    use_zone(data[1] & 1);
    /* from 2000 to about 2026, at any hour */
    time_t now = 946684800 + (time_t)(data[1] >> 1) * 86400 * 73 + (time_t)data[0] * 3571;
    codes(at);
    int k = data[0] % 6;
    if (k == 5)
        k = stats_kind_parse(at) < 0 ? SK_MONTH : stats_kind_parse(at);
    stats_period_t p, q;
    if (stats_period_make((stats_kind_t)k, at, until, now, &p) == 0) {
        CHECK(p.kind == (stats_kind_t)k);
        CHECK(!*at || well_formed(at));
        sound(&p, STATS_MAX_DAYS);
        char first[11], last[11];
        stats_period_days(&p, first, last);
        if (k == SK_RANGE) {
            CHECK(until && well_formed(until));
            CHECK(!*at || strcmp(first, at) == 0);
            CHECK(strcmp(last, until) == 0);
        } else if (*at) {
            time_t t = midnight_of(at);
            CHECK(t >= p.from && t < p.to);
        } else
            CHECK(now + 86400 > p.from && now < p.to + 86400);
        stats_period_previous(&p, &q);
        sound(&q, STATS_MAX_DAYS);
        CHECK(q.to == p.from);
        /* the same dates a year earlier may hold one day more (29 February) */
        stats_period_year_before(&p, &q);
        sound(&q, STATS_MAX_DAYS + 1);
        CHECK(q.from < p.from);
    }
    free(buf);
    return 0;
}
