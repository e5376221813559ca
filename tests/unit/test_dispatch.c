/* Unit tests for lib/desk/dispatch/dispatch.c's choice (dispatch_choose): least open,
 * ties round-robin, round-robin mode, skills, absent, capacity, the agent
 * handing back, nobody fits, manual mode. No database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "desk/dispatch/dispatch.h"

static const long long NONE[1] = {0};
static const long long HW[] = {7};          /* hardware */
static const long long HW_DB[] = {7, 9};    /* hardware + database */
static const long long DB_ONLY[] = {9};

#define AGENT(id, open) {id, open, true, NONE, 0}
#define SKILLED(id, open, s) {id, open, true, s, (int)(sizeof s / sizeof *s)}

static dispatch_choice_t choose(dispatch_mode_t mode, long long cursor,
                                const dispatch_candidate_t *c, int n)
{
    dispatch_policy_t p = {.mode = mode, .cursor = cursor};
    return dispatch_choose(&p, c, n);
}

static void least_open_takes_the_agent_with_fewest(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(10, 5), AGENT(11, 3), AGENT(12, 4)};
    dispatch_choice_t r = choose(DISPATCH_LEAST_OPEN, 0, c, 3);
    assert_int_equal(r.outcome, DISPATCH_PICKED);
    assert_int_equal(r.agent_id, 11);
    assert_int_equal(r.index, 1);
    assert_int_equal(r.open, 3);
    assert_false(r.tie);
}

static void least_open_ties_go_round_robin_after_the_cursor(void **state)
{
    (void)state;
    /* 11, 12 and 14 have 2 open each; 13 has more */
    dispatch_candidate_t c[] = {AGENT(14, 2), AGENT(12, 2), AGENT(13, 6), AGENT(11, 2)};
    dispatch_choice_t r = choose(DISPATCH_LEAST_OPEN, 0, c, 4);
    assert_int_equal(r.agent_id, 11); /* no cursor yet: the lowest id */
    assert_true(r.tie);
    assert_int_equal(choose(DISPATCH_LEAST_OPEN, 11, c, 4).agent_id, 12);
    assert_int_equal(choose(DISPATCH_LEAST_OPEN, 12, c, 4).agent_id, 14); /* 13 is busier */
    assert_int_equal(choose(DISPATCH_LEAST_OPEN, 14, c, 4).agent_id, 11); /* wraps round */
    /* a cursor on someone who left the team still moves on */
    assert_int_equal(choose(DISPATCH_LEAST_OPEN, 13, c, 4).agent_id, 14);
}

static void fewer_open_beats_the_turn(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(11, 4), AGENT(12, 4), AGENT(13, 1)};
    /* the turn would be 12's, but 13 has fewer open tickets */
    dispatch_choice_t r = choose(DISPATCH_LEAST_OPEN, 11, c, 3);
    assert_int_equal(r.agent_id, 13);
    assert_false(r.tie);
}

static void round_robin_ignores_the_load(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(21, 0), AGENT(22, 9), AGENT(23, 4)};
    assert_int_equal(choose(DISPATCH_ROUND_ROBIN, 0, c, 3).agent_id, 21);
    assert_int_equal(choose(DISPATCH_ROUND_ROBIN, 21, c, 3).agent_id, 22);
    assert_int_equal(choose(DISPATCH_ROUND_ROBIN, 22, c, 3).agent_id, 23);
    assert_int_equal(choose(DISPATCH_ROUND_ROBIN, 23, c, 3).agent_id, 21);
    assert_false(choose(DISPATCH_ROUND_ROBIN, 21, c, 3).tie);
}

static void only_agents_with_every_required_skill(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {SKILLED(31, 0, HW), SKILLED(32, 5, HW_DB), SKILLED(33, 1, DB_ONLY),
                                AGENT(34, 0)};
    dispatch_policy_t p = {.mode = DISPATCH_LEAST_OPEN, .required = HW_DB, .nrequired = 2};
    dispatch_choice_t r = dispatch_choose(&p, c, 4);
    assert_int_equal(r.agent_id, 32); /* the only one with both, though the busiest */
    assert_int_equal(r.unskilled, 3);
    p.required = HW;
    p.nrequired = 1;
    r = dispatch_choose(&p, c, 4);
    assert_int_equal(r.agent_id, 31);
    assert_int_equal(r.unskilled, 2);
}

static void absent_agents_are_skipped(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(41, 0), AGENT(42, 3)};
    c[0].available = false; /* out of office, though the least busy */
    dispatch_choice_t r = choose(DISPATCH_LEAST_OPEN, 0, c, 2);
    assert_int_equal(r.agent_id, 42);
    assert_int_equal(r.absent, 1);
    r = choose(DISPATCH_ROUND_ROBIN, 0, c, 2);
    assert_int_equal(r.agent_id, 42);
}

static void agents_at_capacity_are_skipped(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(51, 3), AGENT(52, 5), AGENT(53, 4)};
    dispatch_policy_t p = {.mode = DISPATCH_ROUND_ROBIN, .max_open = 4, .cursor = 51};
    dispatch_choice_t r = dispatch_choose(&p, c, 3);
    assert_int_equal(r.agent_id, 51); /* 52 and 53 hold 4 or more: only 51 has room */
    assert_int_equal(r.full, 2);
    p.max_open = 0; /* no cap */
    assert_int_equal(dispatch_choose(&p, c, 3).agent_id, 52);
}

static void the_agent_handing_back_is_not_chosen_again(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(61, 0), AGENT(62, 2)};
    dispatch_policy_t p = {.mode = DISPATCH_LEAST_OPEN, .exclude = 61};
    dispatch_choice_t r = dispatch_choose(&p, c, 2);
    assert_int_equal(r.agent_id, 62);
    assert_int_equal(r.excluded, 1);
}

static void nobody_fits_leaves_it_in_the_queue(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(71, 9), SKILLED(72, 0, DB_ONLY), AGENT(73, 0)};
    c[2].available = false;
    dispatch_policy_t p = {.mode = DISPATCH_LEAST_OPEN, .max_open = 9, .required = DB_ONLY,
                           .nrequired = 1};
    dispatch_choice_t r = dispatch_choose(&p, c, 3);
    /* 72 has the skill and room; with 10 open it is full too */
    assert_int_equal(r.agent_id, 72);
    c[1].open = 10;
    r = dispatch_choose(&p, c, 3);
    assert_int_equal(r.outcome, DISPATCH_NOBODY);
    assert_int_equal(r.index, -1);
    assert_int_equal(r.agent_id, 0);
    assert_int_equal(r.full, 2);
    assert_int_equal(r.absent, 1);
    /* and a team without members */
    r = choose(DISPATCH_ROUND_ROBIN, 0, c, 0);
    assert_int_equal(r.outcome, DISPATCH_NOBODY);
}

static void manual_mode_chooses_nobody(void **state)
{
    (void)state;
    dispatch_candidate_t c[] = {AGENT(81, 0), AGENT(82, 1)};
    dispatch_choice_t r = choose(DISPATCH_CLAIM, 0, c, 2);
    assert_int_equal(r.outcome, DISPATCH_MANUAL);
    assert_int_equal(r.index, -1);
    assert_int_equal(r.agent_id, 0);
    assert_int_equal(r.absent + r.full + r.unskilled + r.excluded, 0);
}

static void mode_codes_round_trip(void **state)
{
    (void)state;
    for (int m = 0; m < DISPATCH_MODES; m++)
        assert_int_equal(dispatch_mode_parse(dispatch_mode_code((dispatch_mode_t)m)), m);
    assert_string_equal(dispatch_mode_code(DISPATCH_LEAST_OPEN), "least_open");
    assert_int_equal(dispatch_mode_parse("fastest"), -1);
    assert_int_equal(dispatch_mode_parse(NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(least_open_takes_the_agent_with_fewest),
        cmocka_unit_test(least_open_ties_go_round_robin_after_the_cursor),
        cmocka_unit_test(fewer_open_beats_the_turn),
        cmocka_unit_test(round_robin_ignores_the_load),
        cmocka_unit_test(only_agents_with_every_required_skill),
        cmocka_unit_test(absent_agents_are_skipped),
        cmocka_unit_test(agents_at_capacity_are_skipped),
        cmocka_unit_test(the_agent_handing_back_is_not_chosen_again),
        cmocka_unit_test(nobody_fits_leaves_it_in_the_queue),
        cmocka_unit_test(manual_mode_chooses_nobody),
        cmocka_unit_test(mode_codes_round_trip),
    };
    return cmocka_run_group_tests_name("dispatch", tests, NULL, NULL);
}
