/* Unit tests for lib/core/ics.c: holidays and make-up days from an iCalendar
 * file, and the refusal of malformed files with the line at fault. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "append.h"
#include "core/ics.h"

static int parse(const char *text, ics_result_t *r)
{
    return ics_parse_days(text, strlen(text), 400, r);
}

static void expect_error(const char *text, const char *key, int line)
{
    ics_result_t r;
    assert_int_equal(parse(text, &r), -1);
    assert_string_equal(r.error, key);
    if (line >= 0)
        assert_int_equal(r.line, line);
    assert_null(r.days);
    ics_result_free(&r);
}

static const char holidays[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//test//CN holidays//ZH\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:1@test\r\n"
    "DTSTART;VALUE=DATE:20261001\r\n"
    "DTEND;VALUE=DATE:20261004\r\n"
    "SUMMARY:国庆节\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20260927\r\n"
    "SUMMARY:国庆节 补班\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20260101\r\n"
    "DURATION:P1D\r\n"
    "SUMMARY:New Year\\, Day \r\n"
    " one\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20260105T090000Z\r\n"
    "DTEND:20260105T100000Z\r\n"
    "SUMMARY:meeting\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20260214\r\n"
    "RRULE:FREQ=YEARLY\r\n"
    "SUMMARY:repeating\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static void all_day_events_become_days(void **state)
{
    (void)state;
    ics_result_t r;
    assert_int_equal(parse(holidays, &r), 0);
    assert_int_equal(r.n, 5);
    assert_string_equal(r.days[0].date, "2026-01-01");
    assert_string_equal(r.days[0].name, "New Year, Day one");
    assert_false(r.days[0].workday);
    assert_string_equal(r.days[1].date, "2026-09-27");
    assert_true(r.days[1].workday); /* 补班: a make-up working day */
    assert_string_equal(r.days[2].date, "2026-10-01");
    assert_string_equal(r.days[2].name, "国庆节");
    assert_string_equal(r.days[4].date, "2026-10-03"); /* DTEND is exclusive */
    assert_false(r.days[4].workday);
    assert_int_equal(r.skipped_timed, 1);
    assert_int_equal(r.skipped_repeating, 1);
    ics_result_free(&r);
}

static void lf_only_and_month_ends(void **state)
{
    (void)state;
    ics_result_t r;
    assert_int_equal(parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20281228\n"
                           "DTEND;VALUE=DATE:20290102\nEND:VEVENT\nEND:VCALENDAR\n",
                           &r),
                     0);
    assert_int_equal(r.n, 5);
    assert_string_equal(r.days[0].date, "2028-12-28");
    assert_string_equal(r.days[4].date, "2029-01-01");
    assert_string_equal(r.days[0].name, "");
    ics_result_free(&r);
    /* the same day twice is one day */
    assert_int_equal(parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20280229\nEND:VEVENT\n"
                           "BEGIN:VEVENT\nDTSTART:20280229\nEND:VEVENT\nEND:VCALENDAR\n",
                           &r),
                     0);
    assert_int_equal(r.n, 1);
    ics_result_free(&r);
}

static void malformed_files_are_refused(void **state)
{
    (void)state;
    expect_error("", "ics_not_calendar", -1);
    expect_error("hello world\n", "ics_not_calendar", 1);
    expect_error("Date,Name\n2026-10-01,National Day\n", "ics_not_calendar", 1);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261001\nEND:VEVENT\n",
                 "ics_truncated", -1);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VEVENT\n", "ics_structure", 3);
    expect_error("BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n", "ics_structure", 2);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n",
                 "ics_no_start", 2);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260230\nEND:VEVENT\n"
                 "END:VCALENDAR\n",
                 "ics_bad_date", 3);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026-10-01\nEND:VEVENT\nEND:VCALENDAR\n",
                 "ics_bad_date", 3);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261005\nDTEND:20261001\nEND:VEVENT\n"
                 "END:VCALENDAR\n",
                 "ics_bad_range", 2);
    /* a duration too long to count in a long: refused as a range, no overflow */
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261005\n"
                 "DURATION:P9223372036854775807W\nEND:VEVENT\nEND:VCALENDAR\n",
                 "ics_bad_range", 5);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261005\n"
                 "DURATION:P99999999999999999999D\nEND:VEVENT\nEND:VCALENDAR\n",
                 "ics_bad_range", 5);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nthis line has no colon\nEND:VEVENT\n"
                 "END:VCALENDAR\n",
                 "ics_line", 3);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261001\nSUMMARY:假期\nEND:VEVENT\n"
                 "BEGIN:VEVENT\nDTSTART:20261001\nSUMMARY:补班\nEND:VEVENT\nEND:VCALENDAR\n",
                 "ics_conflict", 6);
    expect_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261001T090000\nEND:VEVENT\n"
                 "END:VCALENDAR\n",
                 "ics_no_days", -1);
    expect_error("BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VEVENT\n", "ics_structure", 3);
    expect_error("BEGIN:VCALENDAR\n\xff\xfe\nEND:VCALENDAR\n", "ics_encoding", -1);
}

static void too_many_days(void **state)
{
    (void)state;
    ics_result_t r;
    const char *text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nDTEND:20260201\n"
                       "END:VEVENT\nEND:VCALENDAR\n";
    assert_int_equal(ics_parse_days(text, strlen(text), 30, &r), -1);
    assert_string_equal(r.error, "ics_too_many");
    ics_result_free(&r);
    assert_int_equal(ics_parse_days(text, strlen(text), 31, &r), 0);
    assert_int_equal(r.n, 31);
    ics_result_free(&r);
}

static void long_summaries_are_cut_at_a_character(void **state)
{
    (void)state;
    char text[2048] = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261001\nSUMMARY:";
    for (int i = 0; i < 150; i++)
        append(text, sizeof text, "节");
    append(text, sizeof text, "\nEND:VEVENT\nEND:VCALENDAR\n");
    ics_result_t r;
    assert_int_equal(parse(text, &r), 0);
    assert_int_equal(strlen(r.days[0].name), ICS_NAME_MAX * 3);
    ics_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_day_events_become_days),
        cmocka_unit_test(lf_only_and_month_ends),
        cmocka_unit_test(malformed_files_are_refused),
        cmocka_unit_test(too_many_days),
        cmocka_unit_test(long_summaries_are_cut_at_a_character),
    };
    return cmocka_run_group_tests_name("ics", tests, NULL, NULL);
}
