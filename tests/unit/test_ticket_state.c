/* Unit tests for lib/desk/ticket/ticket_state.c: the workflow table, codes, clock and
 * done states. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "desk/ticket/ticket_state.h"

/* The legal one-step transitions, written out in full: a row per from-state,
 * a column per to-state, in enum order.
 *   NEW CLS ASG ACC INP WCU W3P SOL EXE RES CLO
 * Entries marked "?" are not in the header's diagram; see the comments. */
static const int expected[TS_COUNT][TS_COUNT] = {
    /*                       NEW CLS ASG ACC INP WCU W3P SOL EXE RES CLO */
    [TS_NEW] =              {0,  1,  1,  0,  0,  0,  0,  0,  0,  1,  0},
    /* NEW->ASG: dispatched on the category the customer chose */
    [TS_CLASSIFIED] =       {0,  0,  1,  0,  0,  0,  0,  0,  0,  1,  0},
    [TS_ASSIGNED] =         {0,  1,  0,  1,  0,  0,  0,  0,  0,  1,  0},
    /* reassignment changes the owner, not the status: no ASG->ASG */
    [TS_ACCEPTED] =         {0,  1,  1,  0,  1,  0,  0,  0,  0,  1,  0},
    /* ACC->CLS: handed back to the team queue after acceptance */
    [TS_IN_PROGRESS] =      {0,  1,  1,  0,  0,  1,  1,  1,  0,  1,  0},
    /* INP->CLS: handed back to the team queue while being worked on */
    [TS_WAITING_CUSTOMER] = {0,  0,  1,  0,  1,  0,  0,  0,  1,  1,  0},
    [TS_WAITING_THIRD_PARTY] = {0, 0, 1,  0,  1,  0,  0,  0,  1,  1,  0},
    /* ACC/INP/WCU/W3P->ASG: reassigned by a supervisor */
    /* WCU/W3P->EXE: a pause during execution returns to execution */
    [TS_SOLUTION_PROPOSED] = {0, 0,  0,  0,  1,  0,  0,  0,  1,  1,  0},
    [TS_IN_EXECUTION] =     {0,  0,  0,  0,  1,  1,  1,  0,  0,  1,  0},
    /* EXE->INP: the solution did not work */
    [TS_RESOLVED] =         {0,  0,  0,  0,  1,  0,  0,  0,  0,  0,  1},
    [TS_CLOSED] =           {0,  0,  0,  0,  1,  0,  0,  0,  0,  0,  0},
};

static void every_transition_matches_the_table(void **state)
{
    (void)state;
    int mismatches = 0;
    for (int from = 0; from < TS_COUNT; from++)
        for (int to = 0; to < TS_COUNT; to++) {
            bool got = ticket_transition_allowed((ticket_status_t)from, (ticket_status_t)to);
            if (got != (expected[from][to] != 0)) {
                print_error("%s -> %s: allowed=%d, expected %d\n",
                            ticket_status_code((ticket_status_t)from),
                            ticket_status_code((ticket_status_t)to), got, expected[from][to]);
                mismatches++;
            }
        }
    assert_int_equal(mismatches, 0);
}

static void every_open_state_may_resolve(void **state)
{
    (void)state;
    for (int s = 0; s < TS_COUNT; s++)
        if (!ticket_status_done((ticket_status_t)s))
            assert_true(ticket_transition_allowed((ticket_status_t)s, TS_RESOLVED));
}

static void closed_is_reached_only_from_resolved(void **state)
{
    (void)state;
    for (int s = 0; s < TS_COUNT; s++)
        assert_int_equal(ticket_transition_allowed((ticket_status_t)s, TS_CLOSED),
                         s == TS_RESOLVED);
}

static void nothing_returns_to_new(void **state)
{
    (void)state;
    for (int s = 0; s < TS_COUNT; s++)
        assert_false(ticket_transition_allowed((ticket_status_t)s, TS_NEW));
}

static void out_of_range_states_are_refused(void **state)
{
    (void)state;
    assert_false(ticket_transition_allowed(TS_COUNT, TS_RESOLVED));
    assert_false(ticket_transition_allowed(TS_NEW, TS_COUNT));
    assert_false(ticket_transition_allowed((ticket_status_t)-1, TS_CLASSIFIED));
}

static void status_codes_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < TS_COUNT; s++) {
        const char *code = ticket_status_code((ticket_status_t)s);
        assert_non_null(code);
        assert_int_equal(ticket_status_parse(code), s);
    }
}

static void status_codes_are_the_stored_names(void **state)
{
    (void)state;
    static const char *const names[TS_COUNT] = {
        "new",           "classified",          "assigned",          "accepted",
        "in_progress",   "waiting_customer",    "waiting_third_party",
        "solution_proposed", "in_execution",    "resolved",          "closed",
    };
    for (int s = 0; s < TS_COUNT; s++)
        assert_string_equal(ticket_status_code((ticket_status_t)s), names[s]);
}

static void unknown_code_parses_to_minus_one(void **state)
{
    (void)state;
    assert_int_equal(ticket_status_parse("reopened"), -1);
    assert_int_equal(ticket_status_parse(""), -1);
    assert_int_equal(ticket_status_parse("New"), -1);
    assert_int_equal(ticket_status_parse("in_progress "), -1);
    assert_int_equal(ticket_status_parse(NULL), -1);
}

static void unknown_status_has_code_unknown(void **state)
{
    (void)state;
    assert_string_equal(ticket_status_code(TS_COUNT), "unknown");
}

static void only_waiting_states_pause_the_clock(void **state)
{
    (void)state;
    for (int s = 0; s < TS_COUNT; s++)
        assert_int_equal(ticket_status_paused((ticket_status_t)s),
                         s == TS_WAITING_CUSTOMER || s == TS_WAITING_THIRD_PARTY);
}

/* A duplicate in any state merges into any ticket that is not closed (a
 * closed one would have to be reopened first); out-of-range states never. */
static void merge_needs_a_survivor_that_is_not_closed(void **state)
{
    (void)state;
    for (int dup = 0; dup < TS_COUNT; dup++)
        for (int into = 0; into < TS_COUNT; into++)
            assert_int_equal(ticket_merge_allowed((ticket_status_t)dup, (ticket_status_t)into),
                             into != TS_CLOSED);
    assert_false(ticket_merge_allowed(TS_COUNT, TS_IN_PROGRESS));
    assert_false(ticket_merge_allowed(TS_NEW, (ticket_status_t)-1));
}

static void only_resolved_and_closed_are_done(void **state)
{
    (void)state;
    for (int s = 0; s < TS_COUNT; s++)
        assert_int_equal(ticket_status_done((ticket_status_t)s),
                         s == TS_RESOLVED || s == TS_CLOSED);
}

/* A customisation request waits for its evaluation's approval: no state
 * where work goes on is reachable before it; resolving and owner moves are. */
static void work_waits_for_approval(void **state)
{
    (void)state;
    for (int s = 0; s < TS_COUNT; s++) {
        ticket_status_t to = (ticket_status_t)s;
        bool work = to == TS_IN_PROGRESS || to == TS_WAITING_CUSTOMER ||
                    to == TS_WAITING_THIRD_PARTY || to == TS_SOLUTION_PROPOSED ||
                    to == TS_IN_EXECUTION;
        assert_int_equal(ticket_work_may_start(to, true, false), !work);
        assert_true(ticket_work_may_start(to, true, true));
        assert_true(ticket_work_may_start(to, false, false));
    }
    assert_true(ticket_work_may_start(TS_RESOLVED, true, false));
    assert_true(ticket_work_may_start(TS_ASSIGNED, true, false));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_transition_matches_the_table),
        cmocka_unit_test(every_open_state_may_resolve),
        cmocka_unit_test(closed_is_reached_only_from_resolved),
        cmocka_unit_test(nothing_returns_to_new),
        cmocka_unit_test(out_of_range_states_are_refused),
        cmocka_unit_test(status_codes_round_trip),
        cmocka_unit_test(status_codes_are_the_stored_names),
        cmocka_unit_test(unknown_code_parses_to_minus_one),
        cmocka_unit_test(unknown_status_has_code_unknown),
        cmocka_unit_test(only_waiting_states_pause_the_clock),
        cmocka_unit_test(merge_needs_a_survivor_that_is_not_closed),
        cmocka_unit_test(only_resolved_and_closed_are_done),
        cmocka_unit_test(work_waits_for_approval),
    };
    return cmocka_run_group_tests_name("ticket_state", tests, NULL, NULL);
}
