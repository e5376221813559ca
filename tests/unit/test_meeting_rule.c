/* Unit tests of the lead rule of review meetings (lib/desk/review/meeting.c,
 * meeting_earliest): at least three working days ahead on the organiser's
 * calendar, weekends and holidays not counted, make-up days counted. The
 * calendar is Mon-Fri 09:00-12:00 + 13:30-18:00 in Asia/Shanghai (UTC+8). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "desk/review/meeting.h"

/* 2027-03-08 is a Monday; the instant of day d of that month at hh:mm +08:00. */
static time_t at(int day, int hh, int mm)
{
    return (time_t)1804435200 + (time_t)(day - 8) * 86400 + hh * 3600 + mm * 60;
}

static void week(bizcal_t *c)
{
    assert_int_equal(bizcal_init(c, "Asia/Shanghai"), 0);
    for (int wd = 1; wd <= 5; wd++) {
        assert_int_equal(bizcal_add_span(c, wd, 540, 720), 0);
        assert_int_equal(bizcal_add_span(c, wd, 810, 1080), 0);
    }
}

static void the_anchor_is_a_monday(void **state)
{
    (void)state;
    struct tm tm;
    time_t t = at(8, 0, 0) + 8 * 3600; /* 08:00 +08:00 is 00:00 UTC */
    gmtime_r(&t, &tm);
    assert_int_equal(tm.tm_wday, 1);
    assert_int_equal(tm.tm_mday, 8);
    assert_int_equal(tm.tm_hour, 0);
}

static void three_working_days_in_a_plain_week(void **state)
{
    (void)state;
    bizcal_t c;
    week(&c);
    /* Tuesday 10:00: Wednesday, Thursday, Friday -> Friday 10:00 */
    assert_int_equal(meeting_earliest(&c, at(9, 10, 0)), at(12, 10, 0));
    bizcal_free(&c);
}

static void a_weekend_does_not_count(void **state)
{
    (void)state;
    bizcal_t c;
    week(&c);
    /* Thursday 10:00: Friday, Monday, Tuesday -> Tuesday 10:00 */
    time_t e = meeting_earliest(&c, at(11, 10, 0));
    assert_int_equal(e, at(16, 10, 0));
    /* so a meeting on Monday afternoon is too soon */
    assert_true(at(15, 14, 0) < e);
    /* asked on Saturday: counted from Monday morning, three days' work later */
    assert_int_equal(meeting_earliest(&c, at(13, 11, 0)), at(17, 18, 0));
    bizcal_free(&c);
}

static void a_holiday_does_not_count_a_makeup_day_does(void **state)
{
    (void)state;
    bizcal_t c;
    week(&c);
    assert_int_equal(bizcal_add_day(&c, "2027-03-15", false), 0); /* Monday off */
    /* Thursday 10:00: Friday, (weekend, holiday), Tuesday, Wednesday */
    assert_int_equal(meeting_earliest(&c, at(11, 10, 0)), at(17, 10, 0));
    assert_int_equal(bizcal_add_day(&c, "2027-03-13", true), 0); /* Saturday worked */
    /* Friday, Saturday, Tuesday */
    assert_int_equal(meeting_earliest(&c, at(11, 10, 0)), at(16, 10, 0));
    bizcal_free(&c);
}

static void no_calendar_no_start(void **state)
{
    (void)state;
    assert_int_equal(meeting_earliest(NULL, at(9, 10, 0)), -1);
    bizcal_t c;
    assert_int_equal(bizcal_init(&c, "Asia/Shanghai"), 0); /* no working time at all */
    assert_int_equal(meeting_earliest(&c, at(9, 10, 0)), -1);
    bizcal_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_anchor_is_a_monday),
        cmocka_unit_test(three_working_days_in_a_plain_week),
        cmocka_unit_test(a_weekend_does_not_count),
        cmocka_unit_test(a_holiday_does_not_count_a_makeup_day_does),
        cmocka_unit_test(no_calendar_no_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
