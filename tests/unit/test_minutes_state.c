/* Unit tests for lib/desk/review/minutes_state.c and action_state.c: the
 * workflow tables of review minutes and improvement actions, who may take
 * each step (only the service director approves or returns minutes; only
 * the verifier or a director verifies an action), and who edits minutes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "desk/review/action_state.h"
#include "desk/review/minutes_state.h"

static const int minutes_expected[MA_COUNT][MS_COUNT] = {
    /*             DRAFT         SUBMITTED     RETURNED      APPROVED */
    [MA_SUBMIT] = {MS_SUBMITTED, -1, MS_SUBMITTED, -1},
    [MA_APPROVE] = {-1, MS_APPROVED, -1, -1},
    [MA_RETURN] = {-1, MS_RETURNED, -1, -1},
};

static agent_t person(long long id, role_t role)
{
    agent_t a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.role = role;
    return a;
}

static void minutes_steps_match_the_table(void **state)
{
    (void)state;
    for (int a = 0; a < MA_COUNT; a++)
        for (int s = 0; s < MS_COUNT; s++)
            assert_int_equal(minutes_action_target((minutes_action_t)a, (minutes_status_t)s),
                             minutes_expected[a][s]);
    for (int s = 0; s < MS_COUNT; s++)
        assert_int_equal(minutes_status_parse(minutes_status_code((minutes_status_t)s)), s);
    for (int a = 0; a < MA_COUNT; a++)
        assert_int_equal(minutes_action_parse(minutes_action_code((minutes_action_t)a)), a);
    assert_int_equal(minutes_status_parse("closed"), -1);
    assert_int_equal(minutes_action_parse(NULL), -1);
    assert_int_equal(minutes_action_target(MA_COUNT, MS_DRAFT), -1);
}

static void only_a_director_approves_or_returns(void **state)
{
    (void)state;
    agent_t org = person(7, ROLE_SUPERVISOR), dir = person(9, ROLE_DIRECTOR),
            admin = person(1, ROLE_ADMIN), sup = person(8, ROLE_SUPERVISOR),
            eng = person(3, ROLE_AGENT);
    minutes_role_t ro = minutes_role_of(&org, 7), rd = minutes_role_of(&dir, 7),
                   ra = minutes_role_of(&admin, 7), rs = minutes_role_of(&sup, 7),
                   re = minutes_role_of(&eng, 7);
    assert_true(minutes_action_allowed(MA_APPROVE, rd));
    assert_true(minutes_action_allowed(MA_RETURN, rd));
    const minutes_role_t others[] = {ro, ra, rs, re};
    for (int i = 0; i < 4; i++) {
        assert_false(minutes_action_allowed(MA_APPROVE, others[i]));
        assert_false(minutes_action_allowed(MA_RETURN, others[i]));
    }
    /* the organiser submits, no one else; even a director organising approves */
    assert_true(minutes_action_allowed(MA_SUBMIT, ro));
    assert_false(minutes_action_allowed(MA_SUBMIT, rd));
    assert_false(minutes_action_allowed(MA_SUBMIT, rs));
    minutes_role_t self = minutes_role_of(&dir, 9);
    assert_true(minutes_action_allowed(MA_SUBMIT, self) && minutes_action_allowed(MA_APPROVE, self));
}

static void the_organiser_edits_drafts_and_returned_minutes(void **state)
{
    (void)state;
    minutes_role_t ro = {.organiser = true}, rd = {.director = true};
    assert_true(minutes_may_edit(ro, MS_DRAFT));
    assert_true(minutes_may_edit(ro, MS_RETURNED));
    assert_false(minutes_may_edit(ro, MS_SUBMITTED));
    assert_false(minutes_may_edit(ro, MS_APPROVED));
    for (int s = 0; s < MS_COUNT; s++)
        assert_false(minutes_may_edit(rd, (minutes_status_t)s));
}

static const int action_expected[AT_COUNT][AS_COUNT] = {
    /*            NOT_STARTED     IN_PROGRESS   DONE          VERIFIED CANCELLED */
    [AT_START] = {AS_IN_PROGRESS, -1, -1, -1, -1},
    [AT_FINISH] = {-1, AS_DONE, -1, -1, -1},
    [AT_REOPEN] = {-1, -1, AS_IN_PROGRESS, -1, -1},
    [AT_VERIFY] = {-1, -1, AS_VERIFIED, -1, -1},
    [AT_CANCEL] = {AS_CANCELLED, AS_CANCELLED, AS_CANCELLED, -1, -1},
};

static void action_steps_match_the_table(void **state)
{
    (void)state;
    for (int a = 0; a < AT_COUNT; a++)
        for (int s = 0; s < AS_COUNT; s++)
            assert_int_equal(action_step_target((action_step_t)a, (action_status_t)s),
                             action_expected[a][s]);
    for (int s = 0; s < AS_COUNT; s++)
        assert_int_equal(action_status_parse(action_status_code((action_status_t)s)), s);
    for (int a = 0; a < AT_COUNT; a++)
        assert_int_equal(action_step_parse(action_step_code((action_step_t)a)), a);
    assert_int_equal(action_step_parse("delete"), -1);
    assert_true(action_open(AS_NOT_STARTED) && action_open(AS_IN_PROGRESS));
    assert_false(action_open(AS_DONE) || action_open(AS_VERIFIED) || action_open(AS_CANCELLED));
}

static void the_verifier_or_a_director_verifies(void **state)
{
    (void)state;
    agent_t owner = person(3, ROLE_AGENT), org = person(7, ROLE_SUPERVISOR),
            sup = person(8, ROLE_SUPERVISOR), dir = person(9, ROLE_DIRECTOR),
            other = person(4, ROLE_AGENT);
    action_role_t ro = action_role_of(&owner, 3, 7), rv = action_role_of(&org, 3, 7),
                  rs = action_role_of(&sup, 3, 7), rd = action_role_of(&dir, 3, 7),
                  rx = action_role_of(&other, 3, 7);
    assert_true(action_step_allowed(AT_VERIFY, rv));
    assert_true(action_step_allowed(AT_VERIFY, rd));
    assert_false(action_step_allowed(AT_VERIFY, ro)); /* no one verifies their own work */
    assert_false(action_step_allowed(AT_VERIFY, rs));
    assert_false(action_step_allowed(AT_VERIFY, rx));
    assert_true(action_step_allowed(AT_START, ro) && action_step_allowed(AT_FINISH, ro));
    assert_true(action_step_allowed(AT_FINISH, rs));
    assert_false(action_step_allowed(AT_START, rx));
    assert_false(action_step_allowed(AT_CANCEL, ro));
    assert_true(action_step_allowed(AT_CANCEL, rv) && action_step_allowed(AT_CANCEL, rs));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(minutes_steps_match_the_table),
        cmocka_unit_test(only_a_director_approves_or_returns),
        cmocka_unit_test(the_organiser_edits_drafts_and_returned_minutes),
        cmocka_unit_test(action_steps_match_the_table),
        cmocka_unit_test(the_verifier_or_a_director_verifies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
