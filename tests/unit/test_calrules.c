/* Unit tests for lib/core/calrules.c: the weekly spans of the calendar page,
 * time zones and dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "core/calrules.h"

static int parse(const char *text, bizcal_span_t *s, const char **err)
{
    return calrules_parse_spans(text, s, BIZCAL_MAX_SPANS, err);
}

static void spans_round_trip(void **state)
{
    (void)state;
    bizcal_span_t s[BIZCAL_MAX_SPANS];
    const char *err;
    char text[160];
    assert_int_equal(parse("09:00-12:00, 13:30-18:00", s, &err), 2);
    assert_int_equal(s[0].start, 540);
    assert_int_equal(s[1].end, 1080);
    calrules_format_spans(s, 2, text, sizeof text);
    assert_string_equal(text, "09:00-12:00, 13:30-18:00");
    /* other separators, unsorted input, a whole day, 9:00 without a zero */
    assert_int_equal(parse("13:30-18:00；9:00-12:00", s, &err), 2);
    calrules_format_spans(s, 2, text, sizeof text);
    assert_string_equal(text, "09:00-12:00, 13:30-18:00");
    assert_int_equal(parse("00:00-24:00", s, &err), 1);
    assert_int_equal(s[0].end, 1440);
    assert_int_equal(parse("08:00 - 12:00，13:00-17:00", s, &err), 2);
    /* touching spans are fine (the clock merges them) */
    assert_int_equal(parse("09:00-12:00 12:00-13:00", s, &err), 2);
}

static void empty_is_a_day_off(void **state)
{
    (void)state;
    bizcal_span_t s[BIZCAL_MAX_SPANS];
    const char *err;
    char text[16] = "x";
    assert_int_equal(parse("", s, &err), 0);
    assert_int_equal(parse("  ", s, &err), 0);
    assert_null(err);
    calrules_format_spans(s, 0, text, sizeof text);
    assert_string_equal(text, "");
}

static void bad_spans_are_refused(void **state)
{
    (void)state;
    bizcal_span_t s[BIZCAL_MAX_SPANS];
    const char *err;
    assert_int_equal(parse("9-12", s, &err), -1);
    assert_string_equal(err, "span_format");
    assert_int_equal(parse("09:00-12:60", s, &err), -1);
    assert_string_equal(err, "span_format");
    assert_int_equal(parse("09:00-24:30", s, &err), -1);
    assert_string_equal(err, "span_format");
    assert_int_equal(parse("09:00-12:00x", s, &err), -1);
    assert_string_equal(err, "span_format");
    assert_int_equal(parse("09:00", s, &err), -1);
    assert_string_equal(err, "span_format");
    assert_int_equal(parse("12:00-09:00", s, &err), -1);
    assert_string_equal(err, "span_order");
    assert_int_equal(parse("09:00-09:00", s, &err), -1);
    assert_string_equal(err, "span_order");
    assert_int_equal(parse("09:00-12:00, 11:00-14:00", s, &err), -1);
    assert_string_equal(err, "span_overlap");
    assert_int_equal(parse("01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00,"
                           "11:00-12:00,13:00-14:00,15:00-16:00,17:00-18:00",
                           s, &err),
                     -1);
    assert_string_equal(err, "span_too_many");
}

static void zones(void **state)
{
    (void)state;
    assert_true(calrules_zone_ok("Asia/Shanghai"));
    assert_true(calrules_zone_ok("Europe/Berlin"));
    assert_true(calrules_zone_ok("UTC"));
    assert_false(calrules_zone_ok("Mars/Olympus"));
    assert_false(calrules_zone_ok("../etc/passwd"));
    assert_false(calrules_zone_ok(""));
}

static void dates(void **state)
{
    (void)state;
    assert_true(calrules_date_ok("2026-10-01"));
    assert_true(calrules_date_ok("2028-02-29"));
    assert_false(calrules_date_ok("2026-02-29"));
    assert_false(calrules_date_ok("2026-13-01"));
    assert_false(calrules_date_ok("2026-1-01"));
    assert_false(calrules_date_ok("20261001"));
    assert_false(calrules_date_ok("1969-12-31"));
    assert_false(calrules_date_ok(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spans_round_trip),
        cmocka_unit_test(empty_is_a_day_off),
        cmocka_unit_test(bad_spans_are_refused),
        cmocka_unit_test(zones),
        cmocka_unit_test(dates),
    };
    return cmocka_run_group_tests_name("calrules", tests, NULL, NULL);
}
