/* Unit tests of lib/desk/stats/period.c: the periods of a report in the
 * desk's zone (here Asia/Shanghai): weeks from Monday, months, quarters,
 * years and ranges of days; the period before each and the same one a year
 * earlier (29 February included); refused dates and ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "desk/stats/period.h"

static void days_are(const stats_period_t *p, const char *first, const char *last, int days)
{
    char a[11], b[11];
    stats_period_days(p, a, b);
    assert_string_equal(a, first);
    assert_string_equal(b, last);
    assert_int_equal(p->days, days);
    assert_int_equal(p->to - p->from, (time_t)days * 86400); /* no DST in this zone */
}

static void months(void **state)
{
    (void)state;
    stats_period_t p, q;
    assert_int_equal(stats_period_make(SK_MONTH, "2027-03-15", NULL, 0, &p), 0);
    days_are(&p, "2027-03-01", "2027-03-31", 31);
    assert_int_equal(p.from, 1803859200 - 8 * 3600); /* 2027-03-01 00:00 +08:00 */
    stats_period_previous(&p, &q);
    days_are(&q, "2027-02-01", "2027-02-28", 28);
    assert_int_equal(q.to, p.from);
    stats_period_year_before(&p, &q);
    days_are(&q, "2026-03-01", "2026-03-31", 31);
    assert_int_equal(stats_period_make(SK_MONTH, "2027-01-31", NULL, 0, &p), 0);
    stats_period_previous(&p, &q);
    days_are(&q, "2026-12-01", "2026-12-31", 31);
    /* today's month when no day is given: 2027-03-09 10:00 +08:00 */
    assert_int_equal(stats_period_make(SK_MONTH, "", NULL, 1804557600, &p), 0);
    days_are(&p, "2027-03-01", "2027-03-31", 31);
}

static void weeks_quarters_years(void **state)
{
    (void)state;
    stats_period_t p, q;
    assert_int_equal(stats_period_make(SK_WEEK, "2027-03-14", NULL, 0, &p), 0); /* a Sunday */
    days_are(&p, "2027-03-08", "2027-03-14", 7);
    stats_period_previous(&p, &q);
    days_are(&q, "2027-03-01", "2027-03-07", 7);
    stats_period_year_before(&p, &q);
    days_are(&q, "2026-03-08", "2026-03-14", 7);
    assert_int_equal(stats_period_make(SK_QUARTER, "2027-05-20", NULL, 0, &p), 0);
    days_are(&p, "2027-04-01", "2027-06-30", 91);
    stats_period_previous(&p, &q);
    days_are(&q, "2027-01-01", "2027-03-31", 90);
    assert_int_equal(stats_period_make(SK_YEAR, "2028-07-01", NULL, 0, &p), 0);
    days_are(&p, "2028-01-01", "2028-12-31", 366);
    stats_period_previous(&p, &q);
    days_are(&q, "2027-01-01", "2027-12-31", 365);
}

static void ranges(void **state)
{
    (void)state;
    stats_period_t p, q;
    assert_int_equal(stats_period_make(SK_RANGE, "2027-03-10", "2027-03-12", 0, &p), 0);
    days_are(&p, "2027-03-10", "2027-03-12", 3);
    stats_period_previous(&p, &q);
    days_are(&q, "2027-03-07", "2027-03-09", 3);
    assert_int_equal(stats_period_make(SK_RANGE, "2028-02-28", "2028-02-29", 0, &p), 0);
    stats_period_year_before(&p, &q);
    days_are(&q, "2027-02-28", "2027-03-01", 2); /* 29 February becomes 1 March */
    assert_int_equal(stats_period_make(SK_RANGE, "2027-03-12", "2027-03-10", 0, &p), -1);
    assert_int_equal(stats_period_make(SK_RANGE, "2026-01-01", "2027-03-10", 0, &p), -1);
    assert_int_equal(stats_period_make(SK_RANGE, "2027-03-10", NULL, 0, &p), -1);
    assert_int_equal(stats_period_make(SK_MONTH, "2027-02-30", NULL, 0, &p), -1);
    assert_int_equal(stats_period_make(SK_MONTH, "2027-3-1", NULL, 0, &p), -1);
    assert_int_equal(stats_period_make(SK_MONTH, "2027-03-01x", NULL, 0, &p), -1);
    /* digits only: sscanf's %d would take a space or a sign before them */
    assert_int_equal(stats_period_make(SK_MONTH, "2027- 3-01", NULL, 0, &p), -1);
    assert_int_equal(stats_period_make(SK_MONTH, "2027-+3-01", NULL, 0, &p), -1);
    assert_int_equal(stats_period_make(SK_RANGE, "2027-03-01", "2027-03- 9", 0, &p), -1);
    assert_int_equal(stats_kind_parse("quarter"), SK_QUARTER);
    assert_int_equal(stats_kind_parse("decade"), -1);
    assert_int_equal(stats_kind_parse(NULL), -1);
}

int main(void)
{
    setenv("TZ", "Asia/Shanghai", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(months),
        cmocka_unit_test(weeks_quarters_years),
        cmocka_unit_test(ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
