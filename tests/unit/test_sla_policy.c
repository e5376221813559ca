/* Unit tests for lib/desk/sla/slapolicy.c: which SLA policy a ticket gets (category +
 * tag > tag > category > the priority's own targets), how its targets are
 * laid over the priority's, and whether a level's resolution can fall due
 * before its first response. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "desk/sla/slapolicy.h"

#define MINUTES(n) ((sla_target_t){(n), SLA_MINUTE})
#define HOURS(n) ((sla_target_t){(n), SLA_HOUR})
#define WORKDAYS(n) ((sla_target_t){(n), SLA_WORKDAY})

enum { URGENT = 1, GENERAL = 3, FAULT = 10, USAGE = 11, VIP = 20, GOV = 21 };

/* policies of two priorities, in id order as the catalogue loads them */
static const sla_policy_t pols[] = {
    {.id = 1, .priority_id = GENERAL, .category_id = FAULT, .first_response = MINUTES(600)},
    {.id = 2, .priority_id = GENERAL, .tag_id = VIP, .first_response = MINUTES(60)},
    {.id = 3, .priority_id = GENERAL, .category_id = FAULT, .tag_id = VIP,
     .first_response = MINUTES(30)},
    {.id = 4, .priority_id = URGENT, .category_id = USAGE, .resolution = MINUTES(480)},
    {.id = 5, .priority_id = GENERAL, .tag_id = GOV, .first_response = MINUTES(90)},
};
#define N ((int)(sizeof pols / sizeof *pols))

static int pick(long long prio, long long cat, const long long *tags, int ntags)
{
    int i = slapolicy_pick(pols, N, prio, cat, tags, ntags);
    return i < 0 ? 0 : (int)pols[i].id;
}

static void no_match_keeps_the_priority(void **state)
{
    (void)state;
    assert_int_equal(pick(GENERAL, USAGE, NULL, 0), 0);
    assert_int_equal(pick(URGENT, FAULT, (long long[]){VIP}, 1), 0);
    assert_int_equal(slapolicy_pick(pols, 0, GENERAL, FAULT, NULL, 0), -1);
}

static void category_alone(void **state)
{
    (void)state;
    assert_int_equal(pick(GENERAL, FAULT, NULL, 0), 1);
    assert_int_equal(pick(URGENT, USAGE, NULL, 0), 4);
}

static void tag_beats_category(void **state)
{
    (void)state;
    /* a VIP in another category: the tag policy */
    assert_int_equal(pick(GENERAL, USAGE, (long long[]){VIP}, 1), 2);
    /* the tag policy is more specific than the category one */
    sla_policy_t two[] = {pols[0], pols[1]};
    assert_int_equal(slapolicy_pick(two, 2, GENERAL, FAULT, (long long[]){VIP}, 1), 1);
}

static void category_and_tag_beat_all(void **state)
{
    (void)state;
    assert_int_equal(pick(GENERAL, FAULT, (long long[]){VIP}, 1), 3);
    assert_int_equal(pick(GENERAL, FAULT, (long long[]){GOV, VIP}, 2), 3);
}

static void equally_specific_the_oldest_wins(void **state)
{
    (void)state;
    assert_int_equal(pick(GENERAL, USAGE, (long long[]){GOV, VIP}, 2), 2);
    assert_int_equal(pick(GENERAL, USAGE, (long long[]){VIP, GOV}, 2), 2);
    assert_int_equal(pick(GENERAL, USAGE, (long long[]){GOV}, 1), 5);
    /* whatever the order the policies come in */
    sla_policy_t rev[] = {pols[4], pols[1]};
    assert_int_equal(rev[slapolicy_pick(rev, 2, GENERAL, USAGE, (long long[]){GOV, VIP}, 2)].id,
                     2);
}

static void a_policy_without_scope_never_matches(void **state)
{
    (void)state;
    sla_policy_t bare = {.id = 9, .priority_id = GENERAL, .first_response = MINUTES(1)};
    assert_int_equal(slapolicy_pick(&bare, 1, GENERAL, FAULT, NULL, 0), -1);
}

static void apply_lays_only_the_given_targets(void **state)
{
    (void)state;
    priority_t base = {.id = GENERAL, .code = "general", .calendar_id = 1,
                       .first_response = WORKDAYS(1), .resolution = WORKDAYS(3),
                       .update = WORKDAYS(1), .warning_percent = 75, .classify = MINUTES(0)};
    priority_t out;
    slapolicy_apply(&base, NULL, &out);
    assert_memory_equal(&out, &base, sizeof base);
    sla_policy_t p = {.id = 7, .priority_id = GENERAL, .tag_id = VIP, .calendar_id = 2,
                      .first_response = MINUTES(30), .warning_percent = 50, .classify = HOURS(1)};
    slapolicy_apply(&base, &p, &out);
    assert_int_equal(out.id, GENERAL);
    assert_string_equal(out.code, "general");
    assert_int_equal(out.calendar_id, 2);
    assert_int_equal(out.first_response.amount, 30); /* amount and unit together */
    assert_int_equal(out.first_response.unit, SLA_MINUTE);
    assert_int_equal(out.resolution.amount, 3); /* inherited */
    assert_int_equal(out.resolution.unit, SLA_WORKDAY);
    assert_int_equal(out.update.unit, SLA_WORKDAY); /* inherited */
    assert_int_equal(out.warning_percent, 50);
    assert_int_equal(out.classify.amount, 1);
    assert_int_equal(out.classify.unit, SLA_HOUR);
}

/* Mon-Fri 09:00-12:00 + 13:30-18:00 in Asia/Shanghai: 7.5 h a day. */
static void standard(bizcal_t *c)
{
    assert_int_equal(bizcal_init(c, "Asia/Shanghai"), 0);
    for (int wd = 1; wd <= 5; wd++) {
        assert_int_equal(bizcal_add_span(c, wd, 540, 720), 0);
        assert_int_equal(bizcal_add_span(c, wd, 810, 1080), 0);
    }
}

static bool ordered(const bizcal_t *c, sla_target_t first, sla_target_t resolution)
{
    priority_t p = {.id = GENERAL, .first_response = first, .resolution = resolution};
    return slapolicy_ordered(c, &p);
}

static void the_resolution_never_falls_due_before_the_first_response(void **state)
{
    (void)state;
    bizcal_t c;
    standard(&c);
    /* the levels as shipped before: 1440 and 1350 working minutes */
    assert_false(ordered(&c, MINUTES(1440), MINUTES(1350)));
    /* as the process documents state them: 24 h = 1 working day, 3 working days */
    assert_true(ordered(&c, WORKDAYS(1), WORKDAYS(3)));
    assert_true(ordered(&c, HOURS(2), WORKDAYS(1)));  /* important */
    assert_true(ordered(&c, WORKDAYS(1), MINUTES(0)));    /* low: no resolution target */
    assert_true(ordered(&c, MINUTES(0), WORKDAYS(1)));
    assert_false(ordered(&c, WORKDAYS(2), WORKDAYS(1)));
    assert_true(ordered(&c, WORKDAYS(1), WORKDAYS(1)));
    /* a working day holds 450 minutes here: 8 h may outlast it, 7 h never */
    assert_false(ordered(&c, HOURS(8), WORKDAYS(1)));
    assert_true(ordered(&c, HOURS(7), WORKDAYS(1)));
    assert_true(ordered(&c, MINUTES(450), WORKDAYS(1)));
    assert_true(ordered(&c, WORKDAYS(1), HOURS(8)));
    assert_false(ordered(&c, WORKDAYS(1), HOURS(7)));
    assert_false(ordered(&c, HOURS(2), MINUTES(119)));
    assert_true(ordered(&c, MINUTES(120), HOURS(2)));
    bizcal_free(&c);
    /* round the clock a working day is 24 hours */
    assert_int_equal(bizcal_init(&c, "Asia/Shanghai"), 0);
    for (int wd = 0; wd < 7; wd++)
        assert_int_equal(bizcal_add_span(&c, wd, 0, 1440), 0);
    assert_true(ordered(&c, HOURS(24), WORKDAYS(1)));
    assert_false(ordered(&c, HOURS(25), WORKDAYS(1)));
    bizcal_free(&c);
}

static void an_override_lays_its_targets_as_admins_state_them(void **state)
{
    (void)state;
    sla_targets_t level = {.calendar = 1, .warning = 75, .first = WORKDAYS(1),
                           .resolution = WORKDAYS(3), .update = WORKDAYS(1)};
    sla_targets_t over = {.calendar = 2, .first = MINUTES(30), .classify = HOURS(1)}, out;
    slapolicy_lay_targets(&level, &over, &out);
    assert_int_equal(out.calendar, 2);
    assert_int_equal(out.warning, 75); /* blank on the override: the level's */
    assert_int_equal(out.first.amount, 30);
    assert_int_equal(out.first.unit, SLA_MINUTE);
    assert_int_equal(out.classify.amount, 1);
    assert_int_equal(out.classify.unit, SLA_HOUR);
    assert_int_equal(out.resolution.amount, 3);
    assert_int_equal(out.resolution.unit, SLA_WORKDAY);
    assert_int_equal(out.update.amount, 1);
    /* an empty override changes nothing */
    slapolicy_lay_targets(&level, &(sla_targets_t){0}, &out);
    assert_memory_equal(&out, &level, sizeof level);
    priority_t p;
    slapolicy_targets_priority(&level, &p);
    assert_int_equal(p.calendar_id, 1);
    assert_int_equal(p.warning_percent, 75);
    assert_int_equal(p.resolution.amount, 3);
    assert_int_equal(p.id, 0);
}

static void targets_are_checked_on_the_calendar_of_the_catalogue(void **state)
{
    (void)state;
    bizcal_t cal;
    standard(&cal);
    long long ids[] = {4};
    catalog_t c = {.cals = &cal, .cal_ids = ids, .ncals = 1};
    sla_targets_t t = {.calendar = 4, .first = HOURS(8), .resolution = WORKDAYS(1)};
    assert_false(slapolicy_targets_ordered(&c, &t)); /* 8 h outlast a 7.5 h working day */
    t.first = HOURS(7);
    assert_true(slapolicy_targets_ordered(&c, &t));
    bizcal_free(&cal);
}

static void tags_are_needed_only_for_tag_policies(void **state)
{
    (void)state;
    assert_true(slapolicy_needs_tags(pols, N, GENERAL));
    assert_false(slapolicy_needs_tags(pols, N, URGENT));
    assert_int_equal(slapolicy_rank(&pols[0]), 1);
    assert_int_equal(slapolicy_rank(&pols[1]), 2);
    assert_int_equal(slapolicy_rank(&pols[2]), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_match_keeps_the_priority),
        cmocka_unit_test(category_alone),
        cmocka_unit_test(tag_beats_category),
        cmocka_unit_test(category_and_tag_beat_all),
        cmocka_unit_test(equally_specific_the_oldest_wins),
        cmocka_unit_test(a_policy_without_scope_never_matches),
        cmocka_unit_test(apply_lays_only_the_given_targets),
        cmocka_unit_test(the_resolution_never_falls_due_before_the_first_response),
        cmocka_unit_test(an_override_lays_its_targets_as_admins_state_them),
        cmocka_unit_test(targets_are_checked_on_the_calendar_of_the_catalogue),
        cmocka_unit_test(tags_are_needed_only_for_tag_policies),
    };
    return cmocka_run_group_tests_name("sla_policy", tests, NULL, NULL);
}
