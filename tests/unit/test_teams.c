/* Unit tests for the rules of lib/desk/people/teams.c: when a team may be
 * deactivated, and that an active agent keeps at least one active team. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "desk/people/teams.h"

static void a_team_in_use_stays_active(void **state)
{
    (void)state;
    assert_true(teams_may_deactivate(0, 0));
    assert_false(teams_may_deactivate(1, 0)); /* an open ticket */
    assert_false(teams_may_deactivate(0, 1)); /* an active category routes to it */
    assert_false(teams_may_deactivate(12, 3));
}

static void an_active_agent_keeps_one_team(void **state)
{
    (void)state;
    assert_false(teams_may_leave("agent", true, 0));
    assert_true(teams_may_leave("agent", true, 1));
    assert_true(teams_may_leave("agent", true, 4));
    assert_true(teams_may_leave("agent", false, 0)); /* deactivated: no queue to keep */
    assert_true(teams_may_leave("supervisor", true, 0));
    assert_true(teams_may_leave("admin", true, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_team_in_use_stays_active),
        cmocka_unit_test(an_active_agent_keeps_one_team),
    };
    return cmocka_run_group_tests_name("teams", tests, NULL, NULL);
}
