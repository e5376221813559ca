/* Unit tests for what lib/desk/sla/calendars.c and lib/desk/refusal.c decide
 * without the database: which dated days a calendar may store (the import's
 * confirm form comes back from the browser and is checked again), and how a
 * refusal collects its reasons. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "desk/refusal.h"
#include "desk/sla/calendars.h"

static void a_dated_day_is_a_date_a_kind_and_a_short_clean_name(void **state)
{
    (void)state;
    assert_true(calendar_day_valid("2025-10-01", "holiday", "国庆节"));
    assert_true(calendar_day_valid("2025-09-28", "workday", "国庆节调休"));
    assert_true(calendar_day_valid("2025-01-01", "holiday", ""));
    assert_false(calendar_day_valid("2025-02-30", "holiday", ""));   /* no such day */
    assert_false(calendar_day_valid("2025-1-1", "holiday", ""));
    assert_false(calendar_day_valid("2025-10-01", "weekend", ""));   /* the kinds only */
    assert_false(calendar_day_valid("2025-10-01", "Holiday", ""));
    assert_false(calendar_day_valid("2025-10-01", "holiday", "\xff\xfe"));
    assert_false(calendar_day_valid(NULL, "holiday", ""));
    assert_false(calendar_day_valid("2025-10-01", NULL, ""));
    char name[4 * CALENDAR_DAY_NAME_MAX + 4] = "";
    size_t len = 0;
    for (int i = 0; i < CALENDAR_DAY_NAME_MAX; i++)
        len += (size_t)snprintf(name + len, sizeof name - len, "%s", "节");
    assert_true(calendar_day_valid("2025-10-01", "holiday", name)); /* characters, not bytes */
    snprintf(name + len, sizeof name - len, "%s", "日");
    assert_false(calendar_day_valid("2025-10-01", "holiday", name));
    for (int i = 0; calendar_day_kinds[i]; i++)
        assert_true(calendar_day_valid("2025-10-01", calendar_day_kinds[i], ""));
}

static void weekdays_start_on_sunday(void **state)
{
    (void)state;
    assert_string_equal(calendar_weekdays[0], "sun");
    assert_string_equal(calendar_weekdays[1], "mon");
    assert_string_equal(calendar_weekdays[6], "sat");
}

static void a_refusal_keeps_its_reasons_in_order(void **state)
{
    (void)state;
    refusal_t r = {0};
    refusal_add(&r, "code", "taken");
    refusal_add(&r, "rank", "rank_taken");
    assert_int_equal(r.n, 2);
    assert_string_equal(r.why[0].field, "code");
    assert_string_equal(r.why[1].key, "rank_taken");
    for (int i = 0; i < REFUSAL_MAX + 3; i++)
        refusal_add(&r, "_form", i < REFUSAL_MAX + 2 ? "x" : "last");
    assert_true(r.n > 0);
    assert_string_equal(r.why[REFUSAL_MAX - 1].key, "last"); /* never beyond the array */
    assert_string_equal(r.why[0].key, "taken");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_dated_day_is_a_date_a_kind_and_a_short_clean_name),
        cmocka_unit_test(weekdays_start_on_sunday),
        cmocka_unit_test(a_refusal_keeps_its_reasons_in_order),
    };
    return cmocka_run_group_tests_name("calendar_rules", tests, NULL, NULL);
}
