/* Unit tests for lib/desk/ticket/ticket_number.c: patterns, periods and rendering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "desk/ticket/ticket_number.h"

/* 2026-11-25, the local date the numbers below are made for. */
static struct tm day(void)
{
    struct tm t = {.tm_year = 2026 - 1900, .tm_mon = 10, .tm_mday = 25};
    return t;
}

static void default_pattern_renders_date_and_four_digit_serial(void **state)
{
    (void)state;
    struct tm t = day();
    char out[TN_MAX];
    assert_int_equal(tn_render(TN_DEFAULT_PATTERN, &t, 1, out, sizeof out), 0);
    assert_string_equal(out, "20261125-0001");
}

static void serial_wider_than_the_run_grows(void **state)
{
    (void)state;
    struct tm t = day();
    char out[TN_MAX];
    assert_int_equal(tn_render(TN_DEFAULT_PATTERN, &t, 12345, out, sizeof out), 0);
    assert_string_equal(out, "20261125-12345");
}

static void monthly_pattern_renders_year_month_serial(void **state)
{
    (void)state;
    struct tm t = day();
    char out[TN_MAX];
    assert_int_equal(tn_render("YYYYMMNNNN", &t, 1, out, sizeof out), 0);
    assert_string_equal(out, "2026110001");
}

static void literals_are_copied(void **state)
{
    (void)state;
    struct tm t = day();
    char out[TN_MAX];
    assert_int_equal(tn_render("SR-YYYY-MM-DD_NNN", &t, 7, out, sizeof out), 0);
    assert_string_equal(out, "SR-2026-11-25_007");
}

static void period_is_the_day_for_a_daily_pattern(void **state)
{
    (void)state;
    struct tm t = day();
    char out[9];
    tn_period(TN_DEFAULT_PATTERN, &t, out);
    assert_string_equal(out, "20261125");
}

static void period_is_the_month_for_a_monthly_pattern(void **state)
{
    (void)state;
    struct tm t = day();
    char out[9];
    tn_period("YYYYMMNNNN", &t, out);
    assert_string_equal(out, "202611");
}

static void pattern_valid_accepts_the_defaults(void **state)
{
    (void)state;
    assert_true(tn_pattern_valid(TN_DEFAULT_PATTERN));
    assert_true(tn_pattern_valid("YYYYMMNNNN"));
    assert_true(tn_pattern_valid("SR-YYYY-MM-DD_NNN"));
}

static void pattern_valid_rejects_missing_year(void **state)
{
    (void)state;
    assert_false(tn_pattern_valid("MMDD-NNNN"));
    assert_false(tn_pattern_valid("YYMMDD-NNNN"));
}

static void pattern_valid_rejects_missing_month(void **state)
{
    (void)state;
    assert_false(tn_pattern_valid("YYYY-NNNN"));
    assert_false(tn_pattern_valid("YYYYDD-NNNN"));
}

static void pattern_valid_rejects_missing_serial(void **state)
{
    (void)state;
    assert_false(tn_pattern_valid("YYYYMMDD"));
}

static void pattern_valid_rejects_two_serial_runs(void **state)
{
    (void)state;
    assert_false(tn_pattern_valid("YYYYMMNN-NN"));
    assert_false(tn_pattern_valid("NYYYYMMDDNNN"));
}

static void pattern_valid_rejects_illegal_characters(void **state)
{
    (void)state;
    assert_false(tn_pattern_valid("YYYY/MM/DD-NNNN"));
    assert_false(tn_pattern_valid("YYYYMMDD NNNN"));
    assert_false(tn_pattern_valid("YYYYMMDD.NNNN"));
    assert_false(tn_pattern_valid("工单YYYYMMNNNN"));
    assert_false(tn_pattern_valid("YYYYMM%sNNNN"));
}

static void pattern_valid_rejects_more_than_20_characters(void **state)
{
    (void)state;
    assert_true(tn_pattern_valid("YYYYMMDD-NNNN-ABCDEF"));   /* 20 */
    assert_false(tn_pattern_valid("YYYYMMDD-NNNN-ABCDEFG")); /* 21 */
}

static void pattern_valid_rejects_null_and_empty(void **state)
{
    (void)state;
    assert_false(tn_pattern_valid(NULL));
    assert_false(tn_pattern_valid(""));
}

static void render_fails_when_buffer_too_small(void **state)
{
    (void)state;
    struct tm t = day();
    char out[TN_MAX];
    /* "20261125-0001" is 13 characters: 13 bytes leave no room for NUL */
    assert_int_equal(tn_render(TN_DEFAULT_PATTERN, &t, 1, out, 13), -1);
    assert_int_equal(tn_render(TN_DEFAULT_PATTERN, &t, 1, out, 5), -1);
    assert_int_equal(tn_render(TN_DEFAULT_PATTERN, &t, 1, out, 14), 0);
    assert_string_equal(out, "20261125-0001");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_pattern_renders_date_and_four_digit_serial),
        cmocka_unit_test(serial_wider_than_the_run_grows),
        cmocka_unit_test(monthly_pattern_renders_year_month_serial),
        cmocka_unit_test(literals_are_copied),
        cmocka_unit_test(period_is_the_day_for_a_daily_pattern),
        cmocka_unit_test(period_is_the_month_for_a_monthly_pattern),
        cmocka_unit_test(pattern_valid_accepts_the_defaults),
        cmocka_unit_test(pattern_valid_rejects_missing_year),
        cmocka_unit_test(pattern_valid_rejects_missing_month),
        cmocka_unit_test(pattern_valid_rejects_missing_serial),
        cmocka_unit_test(pattern_valid_rejects_two_serial_runs),
        cmocka_unit_test(pattern_valid_rejects_illegal_characters),
        cmocka_unit_test(pattern_valid_rejects_more_than_20_characters),
        cmocka_unit_test(pattern_valid_rejects_null_and_empty),
        cmocka_unit_test(render_fails_when_buffer_too_small),
    };
    return cmocka_run_group_tests_name("ticket_number", tests, NULL, NULL);
}
