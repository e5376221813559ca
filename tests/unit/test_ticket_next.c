/* Unit tests for lib/desk/ticket/ticket_next.c: the steps a ticket page offers, the
 * suggested one, what the ticket waits for and what a reply may set; and,
 * over every status and every combination of who-is-who, that no step or
 * reply ever leaves the workflow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "desk/ticket/ticket_next.h"

static ticket_situation_t owner_of(ticket_status_t st)
{
    return (ticket_situation_t){.status = st, .before = -1, .can_work = true, .mine = true,
                                .owned = true};
}

static bool has(const ticket_plan_t *p, ticket_step_t step)
{
    for (int i = 0; i < p->n; i++)
        if (p->steps[i] == step)
            return true;
    return false;
}

static bool replies(const ticket_plan_t *p, ticket_status_t to)
{
    for (int i = 0; i < p->nreply; i++)
        if (p->reply_to[i] == to)
            return true;
    return false;
}

static void in_progress_suggests_a_proposal(void **state)
{
    (void)state;
    ticket_situation_t s = owner_of(TS_IN_PROGRESS);
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_true(p.suggested);
    assert_int_equal(p.steps[0], STEP_PROPOSE);
    assert_true(has(&p, STEP_RESOLVE) && has(&p, STEP_WAIT_CUSTOMER) &&
                has(&p, STEP_WAIT_THIRD_PARTY) && has(&p, STEP_ESCALATE) && has(&p, STEP_LOG_WORK));
    assert_false(has(&p, STEP_RECORD_CONFIRMATION));
    assert_false(has(&p, STEP_ANSWER_ESCALATION));
    assert_false(has(&p, STEP_CLOSE));
    assert_int_equal(p.waiting, WAIT_NOTHING);
    assert_true(replies(&p, TS_WAITING_CUSTOMER) && replies(&p, TS_RESOLVED));
    assert_false(replies(&p, TS_IN_PROGRESS));
    assert_int_equal(p.reply_to[0], TS_WAITING_CUSTOMER);
}

static void a_proposal_waits_for_the_customer(void **state)
{
    (void)state;
    ticket_situation_t s = owner_of(TS_SOLUTION_PROPOSED);
    s.proposal_pending = true;
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.waiting, WAIT_CONFIRMATION);
    assert_false(p.suggested); /* the customer's move: nothing pushed */
    assert_int_equal(p.steps[0], STEP_RECORD_CONFIRMATION);
    assert_true(has(&p, STEP_WITHDRAW));
    for (int i = 0; i < p.n; i++)
        assert_int_not_equal(ticket_step_target(&s, p.steps[i]), TS_IN_EXECUTION);
    assert_false(replies(&p, TS_IN_EXECUTION));
    assert_false(ticket_agent_may_move(TS_SOLUTION_PROPOSED, TS_IN_EXECUTION));
}

static void resolved_waits_for_acceptance_and_never_suggests_closing(void **state)
{
    (void)state;
    ticket_situation_t s = owner_of(TS_RESOLVED);
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.waiting, WAIT_ACCEPTANCE);
    assert_false(p.suggested);
    assert_int_not_equal(p.steps[0], STEP_CLOSE);
    assert_true(has(&p, STEP_REOPEN) && has(&p, STEP_CLOSE));
    assert_int_equal(p.nreply, 1);
    assert_int_equal(p.reply_to[0], TS_IN_PROGRESS);
}

static void the_escalation_answer_only_while_one_is_open(void **state)
{
    (void)state;
    ticket_situation_t s = owner_of(TS_IN_PROGRESS);
    s.can_answer_escalation = true;
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_false(has(&p, STEP_ANSWER_ESCALATION));
    s.escalation_open = true;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.steps[0], STEP_ANSWER_ESCALATION);
    assert_false(has(&p, STEP_ESCALATE));
    s.can_answer_escalation = false;
    ticket_plan_for(&s, &p);
    assert_false(has(&p, STEP_ANSWER_ESCALATION));
    assert_int_equal(p.waiting, WAIT_RND);
}

static void unowned_tickets_are_claimed(void **state)
{
    (void)state;
    ticket_situation_t s = {.status = TS_CLASSIFIED, .before = -1, .can_claim = true};
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_true(p.suggested);
    assert_int_equal(p.steps[0], STEP_CLAIM);
    assert_int_equal(p.waiting, WAIT_NOTHING);
    s.can_claim = false;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.n, 0);
    assert_int_equal(p.waiting, WAIT_CLAIM);
    assert_int_equal(p.nreply, 0);
}

static void the_assignee_accepts_others_wait(void **state)
{
    (void)state;
    ticket_situation_t s = {.status = TS_ASSIGNED, .before = -1, .can_accept = true,
                            .can_work = true, .mine = true, .owned = true};
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.steps[0], STEP_ACCEPT);
    assert_true(p.suggested);
    ticket_situation_t other = {.status = TS_ASSIGNED, .before = -1, .owned = true};
    ticket_plan_for(&other, &p);
    assert_int_equal(p.waiting, WAIT_OWNER_ACCEPT);
}

static void resume_goes_back_where_it_was(void **state)
{
    (void)state;
    ticket_situation_t s = owner_of(TS_WAITING_CUSTOMER);
    s.before = TS_IN_EXECUTION;
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.steps[0], STEP_RESUME);
    assert_int_equal(ticket_step_target(&s, STEP_RESUME), TS_IN_EXECUTION);
    assert_int_equal(p.waiting, WAIT_CUSTOMER);
    assert_true(replies(&p, TS_IN_EXECUTION));
    assert_false(replies(&p, TS_IN_PROGRESS));
    s.before = TS_IN_PROGRESS;
    assert_int_equal(ticket_step_target(&s, STEP_RESUME), TS_IN_PROGRESS);
}

static void the_survey_call_is_someone_elses(void **state)
{
    (void)state;
    ticket_situation_t s = {.status = TS_CLOSED, .before = -1, .can_work = true, .owned = true};
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.steps[0], STEP_SURVEY_CALL);
    assert_true(has(&p, STEP_REOPEN));
    s.mine = true;
    ticket_plan_for(&s, &p);
    assert_false(has(&p, STEP_SURVEY_CALL));
    s.mine = false;
    s.survey_answered = true;
    ticket_plan_for(&s, &p);
    assert_false(has(&p, STEP_SURVEY_CALL));
    assert_false(p.suggested);
}

static void execution_suggests_resolving(void **state)
{
    (void)state;
    ticket_situation_t s = owner_of(TS_IN_EXECUTION);
    ticket_plan_t p;
    ticket_plan_for(&s, &p);
    assert_int_equal(p.steps[0], STEP_RESOLVE);
    assert_true(has(&p, STEP_REWORK) && has(&p, STEP_LOG_WORK));
}

static void hand_moves_exclude_forms_of_their_own(void **state)
{
    (void)state;
    assert_true(ticket_agent_may_move(TS_RESOLVED, TS_CLOSED));
    assert_true(ticket_agent_may_move(TS_WAITING_CUSTOMER, TS_IN_EXECUTION));
    assert_false(ticket_agent_may_move(TS_IN_PROGRESS, TS_SOLUTION_PROPOSED));
    assert_false(ticket_agent_may_move(TS_IN_PROGRESS, TS_ASSIGNED));
    assert_false(ticket_agent_may_move(TS_IN_PROGRESS, TS_CLASSIFIED));
    assert_false(ticket_agent_may_move(TS_ASSIGNED, TS_ACCEPTED));
    assert_false(ticket_agent_may_move(TS_NEW, TS_CLOSED));
}

/* Every status and every combination of the flags: steps and replies stay
 * inside the workflow, nothing is offered twice, no reply keeps the status
 * or closes the ticket. */
static void every_plan_stays_in_the_workflow(void **state)
{
    (void)state;
    int plans = 0;
    for (int st = 0; st < TS_COUNT; st++)
        for (int before = -1; before < TS_COUNT; before++)
            for (unsigned flags = 0; flags < 256; flags++) {
                ticket_situation_t s = {
                    .status = (ticket_status_t)st, .before = before,
                    .can_work = flags & 1, .can_claim = flags & 2, .can_accept = flags & 4,
                    .mine = flags & 8, .owned = flags & 16, .escalation_open = flags & 32,
                    .can_answer_escalation = flags & 64, .proposal_pending = flags & 128,
                };
                ticket_plan_t p;
                ticket_plan_for(&s, &p);
                plans++;
                assert_true(p.n >= 0 && p.n <= STEP_COUNT);
                assert_true(!p.suggested || p.n > 0);
                for (int i = 0; i < p.n; i++) {
                    int to = ticket_step_target(&s, p.steps[i]);
                    if (to >= 0)
                        assert_true(ticket_agent_may_move(s.status, (ticket_status_t)to));
                    for (int j = i + 1; j < p.n; j++)
                        assert_int_not_equal(p.steps[i], p.steps[j]);
                    if (!s.can_work)
                        assert_true(p.steps[i] == STEP_CLAIM || p.steps[i] == STEP_ACCEPT ||
                                    p.steps[i] == STEP_ANSWER_ESCALATION ||
                                    p.steps[i] == STEP_SURVEY_CALL);
                }
                for (int i = 0; i < p.nreply; i++) {
                    assert_true(s.can_work);
                    assert_int_not_equal(p.reply_to[i], s.status);
                    assert_int_not_equal(p.reply_to[i], TS_CLOSED);
                    assert_true(ticket_agent_may_move(s.status, p.reply_to[i]));
                }
                assert_true(*ticket_step_code(p.n ? p.steps[0] : STEP_CLAIM) != '\0');
            }
    assert_int_equal(plans, TS_COUNT * (TS_COUNT + 1) * 256);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(in_progress_suggests_a_proposal),
        cmocka_unit_test(a_proposal_waits_for_the_customer),
        cmocka_unit_test(resolved_waits_for_acceptance_and_never_suggests_closing),
        cmocka_unit_test(the_escalation_answer_only_while_one_is_open),
        cmocka_unit_test(unowned_tickets_are_claimed),
        cmocka_unit_test(the_assignee_accepts_others_wait),
        cmocka_unit_test(resume_goes_back_where_it_was),
        cmocka_unit_test(the_survey_call_is_someone_elses),
        cmocka_unit_test(execution_suggests_resolving),
        cmocka_unit_test(hand_moves_exclude_forms_of_their_own),
        cmocka_unit_test(every_plan_stays_in_the_workflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
