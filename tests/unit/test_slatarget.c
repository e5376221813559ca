/* Unit tests for lib/desk/sla/slatarget.c: SLA targets in working minutes, hours and
 * days of a business calendar, as the shipped levels state them (一般:
 * first response 1 working day, resolution 3 working days), against the
 * standard calendar Mon-Fri 09:00-12:00 + 13:30-18:00 Asia/Shanghai.
 * Instants are local wall time with an explicit offset, converted with
 * timegm(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "desk/sla/slatarget.h"
#include "desk/sla/targets.h"

#define MINUTES(n) ((sla_target_t){(n), SLA_MINUTE})
#define HOURS(n) ((sla_target_t){(n), SLA_HOUR})
#define WORKDAYS(n) ((sla_target_t){(n), SLA_WORKDAY})

/* "YYYY-MM-DD HH:MM" at +0800 to an instant. */
static time_t at(const char *s)
{
    int y, mo, d, h, mi;
    assert_int_equal(sscanf(s, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), 5);
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
                    .tm_min = mi};
    return timegm(&tm) - 8 * 3600;
}

static void standard(bizcal_t *c)
{
    assert_int_equal(bizcal_init(c, "Asia/Shanghai"), 0);
    for (int wd = 1; wd <= 5; wd++) {
        assert_int_equal(bizcal_add_span(c, wd, 540, 720), 0);
        assert_int_equal(bizcal_add_span(c, wd, 810, 1080), 0);
    }
}

static void expect_due(const bizcal_t *c, const char *start, sla_target_t t, const char *want)
{
    time_t got = sla_target_due(c, at(start), t, NULL, 0);
    if (got != at(want))
        fail_msg("%s + %lld %s: got %lld, want %s", start, t.amount, sla_unit_code(t.unit),
                 (long long)got, want);
}

static void units_have_codes_and_limits(void **state)
{
    (void)state;
    for (int u = 0; u < SLA_UNIT_COUNT; u++)
        assert_int_equal(sla_unit_parse(sla_unit_code((sla_unit_t)u)), u);
    assert_string_equal(sla_unit_code(SLA_WORKDAY), "workday");
    assert_int_equal(sla_unit_parse("day"), -1);
    assert_int_equal(sla_unit_parse(NULL), -1);
    assert_int_equal(sla_unit_max(SLA_MINUTE), 1051200);
    assert_int_equal(sla_unit_max(SLA_HOUR), 17520);
    assert_int_equal(sla_unit_max(SLA_WORKDAY), 500);
    char buf[32];
    sla_target_text(WORKDAYS(3), buf, sizeof buf);
    assert_string_equal(buf, "3 workday");
    sla_target_text(MINUTES(0), buf, sizeof buf);
    assert_string_equal(buf, "");
}

/* The shipped general level: a ticket in the morning, at night, on a Sunday. */
static void general_level_dues_in_the_day_at_night_and_on_sunday(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    /* Tuesday 10:00: answered by Wednesday 10:00, resolved by Friday 10:00 */
    expect_due(&c, "2026-12-01 10:00", WORKDAYS(1), "2026-12-02 10:00");
    expect_due(&c, "2026-12-01 10:00", WORKDAYS(3), "2026-12-04 10:00");
    /* Monday 05:20, before the desk opens: within Monday's working day */
    expect_due(&c, "2026-12-07 05:20", WORKDAYS(1), "2026-12-07 18:00");
    expect_due(&c, "2026-12-07 05:20", WORKDAYS(3), "2026-12-09 18:00");
    /* Sunday 03:00: the same as Monday morning */
    expect_due(&c, "2026-12-06 03:00", WORKDAYS(1), "2026-12-07 18:00");
    /* Wednesday 23:30: Thursday's working day, then Friday and Monday */
    expect_due(&c, "2026-12-02 23:30", WORKDAYS(1), "2026-12-03 18:00");
    expect_due(&c, "2026-12-02 23:30", WORKDAYS(3), "2026-12-07 18:00");
    /* hours and minutes are working time */
    expect_due(&c, "2026-12-07 17:00", HOURS(2), "2026-12-08 10:00");
    expect_due(&c, "2026-12-07 17:00", MINUTES(120), "2026-12-08 10:00");
    expect_due(&c, "2026-12-01 10:00", HOURS(24), "2026-12-04 11:30"); /* 3.2 days */
    assert_int_equal(sla_target_seconds(&c, at("2026-12-01 10:00"), WORKDAYS(3)), 3 * 450 * 60);
    assert_int_equal(sla_target_seconds(&c, at("2026-12-01 10:00"), MINUTES(0)), 0);
    assert_int_equal(sla_target_due(&c, at("2026-12-01 10:00"), MINUTES(0), NULL, 0), 0);
    bizcal_free(&c);
}

static void pauses_push_a_working_day_target_on(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    /* waiting for the customer from Wednesday 10:00 to Thursday 10:00 */
    bizclock_pause_t p[] = {{at("2026-12-02 10:00"), at("2026-12-03 10:00")}};
    time_t due = sla_target_due(&c, at("2026-12-01 10:00"), WORKDAYS(3), p, 1);
    assert_int_equal(due, at("2026-12-07 10:00"));
    /* still waiting: no due */
    bizclock_pause_t open[] = {{at("2026-12-02 10:00"), 0}};
    assert_int_equal(sla_target_due(&c, at("2026-12-01 10:00"), WORKDAYS(3), open, 1), 0);
    bizcal_free(&c);
}

static void ranges_and_order(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    long long lo, hi;
    assert_true(sla_target_range(&c, WORKDAYS(3), &lo, &hi));
    assert_int_equal(lo, 1350);
    assert_int_equal(hi, 1350);
    assert_true(sla_target_range(&c, HOURS(2), &lo, &hi));
    assert_int_equal(lo, 120);
    assert_true(sla_target_not_after(&c, WORKDAYS(1), WORKDAYS(3)));
    assert_false(sla_target_not_after(&c, MINUTES(1440), MINUTES(1350)));
    assert_false(sla_target_not_after(&c, HOURS(24), WORKDAYS(3)));
    bizcal_free(&c);
    /* a calendar without working days places no working-day target */
    bizcal_t empty;
    assert_int_equal(bizcal_init(&empty, "Asia/Shanghai"), 0);
    assert_false(sla_target_range(&empty, WORKDAYS(1), &lo, &hi));
    assert_int_equal(sla_target_seconds(&empty, at("2026-12-01 10:00"), WORKDAYS(1)), -1);
    bizcal_free(&empty);
}

static void an_override_that_states_nothing(void **state)
{
    (void)state;
    sla_targets_t t = {0};
    assert_false(sla_targets_any(&t));
    t.warning = 50;
    assert_true(sla_targets_any(&t));
    t = (sla_targets_t){.calendar = 2};
    assert_true(sla_targets_any(&t));
    t = (sla_targets_t){.update = HOURS(4)};
    assert_true(sla_targets_any(&t));
    t = (sla_targets_t){.resolution = {0, SLA_WORKDAY}}; /* a unit alone is no target */
    assert_false(sla_targets_any(&t));
}

static void codes_of_levels_and_calendars(void **state)
{
    (void)state;
    assert_true(sla_code_ok("urgent"));
    assert_true(sla_code_ok("cn_7x24"));
    assert_true(sla_code_ok("a"));
    assert_false(sla_code_ok(""));
    assert_false(sla_code_ok("7x24"));    /* a letter first */
    assert_false(sla_code_ok("_vip"));
    assert_false(sla_code_ok("Urgent"));  /* lower case */
    assert_false(sla_code_ok("high-1"));
    assert_false(sla_code_ok("紧急"));
}

static void stored_units_and_their_changes_in_the_audit_log(void **state)
{
    (void)state;
    sla_targets_t t = {0};
    sla_units_t u = {{"hour", "workday", "minute", "weekly"}};
    sla_targets_units(&t, &u);
    assert_int_equal(t.classify.unit, SLA_HOUR);
    assert_int_equal(t.first.unit, SLA_WORKDAY);
    assert_int_equal(t.resolution.unit, SLA_MINUTE);
    assert_int_equal(t.update.unit, SLA_MINUTE); /* unknown: minutes */
    sla_targets_t o = {.calendar = 1, .warning = 75, .first = WORKDAYS(1), .resolution = HOURS(8)};
    sla_targets_t n = o;
    n.first = HOURS(2);
    n.resolution = (sla_target_t){0, SLA_WORKDAY}; /* none, whatever its unit */
    n.warning = 80;
    json_t *c = json_object();
    sla_targets_audit(c, &o, &n);
    char *text = json_dumps(c, JSON_COMPACT | JSON_PRESERVE_ORDER);
    assert_string_equal(text, "{\"first_response\":[\"1 workday\",\"2 hour\"],"
                              "\"resolution\":[\"8 hour\",null],\"warning_percent\":[75,80]}");
    free(text);
    json_decref(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(units_have_codes_and_limits),
        cmocka_unit_test(general_level_dues_in_the_day_at_night_and_on_sunday),
        cmocka_unit_test(pauses_push_a_working_day_target_on),
        cmocka_unit_test(ranges_and_order),
        cmocka_unit_test(an_override_that_states_nothing),
        cmocka_unit_test(codes_of_levels_and_calendars),
        cmocka_unit_test(stored_units_and_their_changes_in_the_audit_log),
    };
    return cmocka_run_group_tests_name("slatarget", tests, NULL, NULL);
}
