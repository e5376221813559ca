/* Unit tests of lib/desk/ticket/ticket_work.c against a real MariaDB
 * (tests/unit/dbtest.h): who may see and work on a ticket, claim, accept,
 * assign and hand back; status changes allowed and refused exactly as
 * lib/desk/ticket/ticket_state.h and ticket_agent_may_move() say, a refused
 * one changing nothing; a stale version refused; replies, notes and a reply
 * that moves the status (both or neither); contact details only to those
 * with the right, the reveal recorded; classification re-routing; escalation
 * to R&D and who answers it; a priority an agent asks for and a supervisor
 * decides; the customer's signature on the acceptance form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbtest.h"
#include "desk/attachment.h"
#include "desk/ticket/priority_request.h"
#include "desk/ticket/ticket_acceptance.h"
#include "desk/ticket/ticket_work.h"

/* a usage question goes to the training team, which claims by hand */
typedef struct cast {
    agent_t li, zhao;  /* agents of the training team */
    agent_t qian;      /* an agent of the after-sales team */
    agent_t sun;       /* a supervisor */
    agent_t rnd;       /* an R&D agent */
} cast_t;

static cast_t cast(desk_t *d)
{
    cast_t c;
    dbtest_agent(d, "li", "agent", "training", false, &c.li);
    dbtest_agent(d, "zhao", "agent", "training", true, &c.zhao);
    dbtest_agent(d, "qian", "agent", "aftersales", true, &c.qian);
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &c.sun);
    dbtest_agent(d, "rnd", "agent", "rnd", false, &c.rnd);
    return c;
}

static long long usage_ticket(desk_t *d, const char *email)
{
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = email;
    return dbtest_create(d, &in, NULL);
}

static long long version_of(desk_t *d, long long id)
{
    ticket_t t;
    dbtest_load(d, id, &t);
    ticket_free(&t);
    return t.version;
}

static void status_is(desk_t *d, long long id, const char *status, long long owner)
{
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_string_equal(t.status, status);
    assert_int_equal(t.owner_id, owner);
    ticket_free(&t);
}

/* ---- who sees, who works ------------------------------------------------------ */

static void who_sees_and_who_works(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_true(ticket_visible_to(d, &c.li, &t));    /* the ticket's team */
    assert_false(ticket_visible_to(d, &c.qian, &t)); /* another team */
    assert_true(ticket_visible_to(d, &c.sun, &t));
    assert_false(ticket_workable_by(d, &c.li, &t));  /* seeing is not working on it */
    assert_true(ticket_workable_by(d, &c.sun, &t));
    ticket_free(&t);
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_add_collaborator(d, &c.li, id, 0, c.qian.id, "数据库"), OUTCOME_OK);
    dbtest_load(d, id, &t);
    assert_true(ticket_workable_by(d, &c.li, &t));   /* the owner */
    assert_true(ticket_visible_to(d, &c.qian, &t));  /* a collaborator, of another team */
    assert_true(ticket_workable_by(d, &c.qian, &t));
    assert_false(ticket_workable_by(d, &c.zhao, &t));
    ticket_free(&t);
    /* a ticket an agent registered is theirs to see, whatever its team */
    ticket_new_t in = dbtest_request(d, "fault");
    in.actor = (actor_t){.type = "agent", .agent_id = c.li.id, .name = c.li.name};
    dbtest_load(d, dbtest_create(d, &in, NULL), &t);
    assert_true(ticket_visible_to(d, &c.li, &t));
    assert_false(ticket_visible_to(d, &c.zhao, &t));
    ticket_free(&t);
}

/* ---- owners ---------------------------------------------------------------------- */

static void a_claim_makes_it_mine_and_accepted(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    /* another team's agent may not; a version other than the ticket's (the
     * page was stale) is refused */
    assert_int_equal(ticket_claim(d, &c.qian, id, 0), OUTCOME_FORBIDDEN);
    long long v = version_of(d, id);
    assert_int_equal(ticket_claim(d, &c.li, id, v + 1), OUTCOME_CONFLICT);
    assert_int_equal(version_of(d, id), v);
    assert_int_equal(ticket_claim(d, &c.li, id, v), OUTCOME_OK);
    status_is(d, id, "accepted", c.li.id);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.accepted_at, desk_now(d));
    ticket_free(&t);
    /* nobody claims it again, not even the supervisor */
    assert_int_equal(ticket_claim(d, &c.zhao, id, 0), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_claim(d, &c.sun, id, 0), OUTCOME_FORBIDDEN);
    status_is(d, id, "accepted", c.li.id);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "claim", &e), 1);
    assert_string_equal(e.visibility, "internal");
    assert_string_equal(e.new_value, "li");
    /* a claim mails nobody */
    assert_int_equal(dbtest_mails(d, id, "new_assignment", NULL, NULL), 0);
}

static void an_assignment_waits_for_the_owner_to_accept(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    long long v = version_of(d, id);
    /* only supervisors assign, with a reason, to an active agent and team */
    assert_int_equal(ticket_assign(d, &c.li, id, 0, c.zhao.id, 0, "忙不过来"), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_assign(d, &c.sun, id, 0, c.zhao.id, 0, ""), OUTCOME_REASON_REQUIRED);
    assert_int_equal(ticket_assign(d, &c.sun, id, 0, c.zhao.id + 100, 0, "熟悉"),
                     OUTCOME_NO_SUCH_AGENT);
    assert_int_equal(ticket_assign(d, &c.sun, id, 0, c.zhao.id, 999, "熟悉"), OUTCOME_NO_SUCH_TEAM);
    assert_int_equal(version_of(d, id), v);
    assert_int_equal(dbtest_events(d, id, NULL, NULL), 1);
    assert_int_equal(ticket_assign(d, &c.sun, id, 0, c.zhao.id, 0, "熟悉这个产品"), OUTCOME_OK);
    status_is(d, id, "assigned", c.zhao.id);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.assigned_at, desk_now(d));
    assert_int_equal(t.accept_due_at, desk_now(d) + 30 * 60); /* SLA.AcceptMinutes' default */
    ticket_free(&t);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "assign", &e), 1);
    assert_string_equal(e.visibility, "internal");
    assert_string_equal(e.new_value, "zhao");
    assert_int_equal(dbtest_mails(d, id, "new_assignment", "zhao@unit.test", NULL), 1);
    /* only the new owner accepts */
    assert_int_equal(ticket_accept(d, &c.li, id, 0), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_accept(d, &c.sun, id, 0), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_accept(d, &c.zhao, id, 0), OUTCOME_OK);
    status_is(d, id, "accepted", c.zhao.id);
    /* reassigned to someone else: they must accept in turn */
    assert_int_equal(ticket_assign(d, &c.sun, id, 0, c.li.id, 0, "换人"), OUTCOME_OK);
    status_is(d, id, "assigned", c.li.id);
    /* to a team only: back in its queue without an owner */
    assert_int_equal(ticket_assign(d, &c.sun, id, 0, 0, dbtest_team(d, "aftersales"), "转售后"),
                     OUTCOME_OK);
    status_is(d, id, "classified", 0);
    dbtest_load(d, id, &t);
    assert_int_equal(t.team_id, dbtest_team(d, "aftersales"));
    ticket_free(&t);
}

static void only_the_owner_hands_back_with_a_reason(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_hand_back(d, &c.li, id, 0, ""), OUTCOME_REASON_REQUIRED);
    assert_int_equal(ticket_hand_back(d, &c.zhao, id, 0, "不是我的"), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_hand_back(d, &c.sun, id, 0, "不是我的"), OUTCOME_FORBIDDEN);
    status_is(d, id, "accepted", c.li.id);
    assert_int_equal(ticket_hand_back(d, &c.li, id, 0, "需要硬件组"), OUTCOME_OK);
    status_is(d, id, "classified", 0);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "hand_back", &e), 1);
    assert_string_equal(e.old_value, "li");
    /* back in the team queue: anyone of the team may claim it */
    assert_int_equal(ticket_claim(d, &c.zhao, id, 0), OUTCOME_OK);
    status_is(d, id, "accepted", c.zhao.id);
}

/* ---- the workflow ------------------------------------------------------------------ */

static const char sql_force_status[] =
    "UPDATE tickets SET status = ?, is_open = ?, owner_id = ? WHERE id = ?";

/* A ticket put straight into a state (a fixture: the matrix needs every
 * state), owned by owner. */
static long long ticket_in(desk_t *d, ticket_status_t s, long long owner)
{
    long long id = usage_ticket(d, NULL);
    assert_int_equal(db_exec(&d->db, sql_force_status, "siji", ticket_status_code(s),
                             (long long)!ticket_status_done(s), owner, id),
                     1);
    return id;
}

static void status_changes_follow_the_workflow(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    int allowed = 0, refused = 0;
    for (int from = 0; from < TS_COUNT; from++)
        for (int to = 0; to < TS_COUNT; to++) {
            long long id = ticket_in(d, (ticket_status_t)from, c.li.id);
            long long v = version_of(d, id);
            int events = dbtest_events(d, id, NULL, NULL);
            int rc = ticket_change_status(d, &c.li, id, v, (ticket_status_t)to, "原因");
            ticket_t t;
            dbtest_load(d, id, &t);
            if (ticket_agent_may_move((ticket_status_t)from, (ticket_status_t)to)) {
                assert_int_equal(rc, OUTCOME_OK);
                assert_string_equal(t.status, ticket_status_code((ticket_status_t)to));
                assert_int_equal(t.version, v + 1);
                assert_int_equal(dbtest_events(d, id, "status", NULL), 1);
                allowed++;
            } else {
                assert_int_equal(rc, OUTCOME_BAD_TRANSITION);
                assert_string_equal(t.status, ticket_status_code((ticket_status_t)from));
                assert_int_equal(t.version, v);
                assert_int_equal(dbtest_events(d, id, NULL, NULL), events);
                refused++;
            }
            ticket_free(&t);
        }
    assert_true(allowed > 20 && refused > 60);
    /* the rules themselves, spelled out */
    assert_false(ticket_agent_may_move(TS_NEW, TS_CLOSED));
    assert_false(ticket_agent_may_move(TS_ACCEPTED, TS_CLOSED));     /* closed only from resolved */
    assert_false(ticket_agent_may_move(TS_IN_PROGRESS, TS_SOLUTION_PROPOSED)); /* its own form */
    assert_false(ticket_agent_may_move(TS_SOLUTION_PROPOSED, TS_IN_EXECUTION)); /* confirmation */
    assert_false(ticket_agent_may_move(TS_IN_PROGRESS, TS_ASSIGNED)); /* owners by assign */
    assert_true(ticket_agent_may_move(TS_WAITING_CUSTOMER, TS_IN_EXECUTION));
    assert_true(ticket_agent_may_move(TS_RESOLVED, TS_CLOSED));
    assert_true(ticket_agent_may_move(TS_CLOSED, TS_IN_PROGRESS)); /* reopen */
}

static void the_whole_way_from_accepted_to_closed_and_reopened(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    static const ticket_status_t path[] = {TS_IN_PROGRESS, TS_WAITING_CUSTOMER, TS_IN_PROGRESS,
                                           TS_RESOLVED,    TS_CLOSED,           TS_IN_PROGRESS};
    for (size_t i = 0; i < sizeof path / sizeof *path; i++) {
        assert_int_equal(ticket_change_status(d, &c.li, id, version_of(d, id), path[i], "下一步"),
                         OUTCOME_OK);
        status_is(d, id, ticket_status_code(path[i]), c.li.id);
    }
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.resolved_at, desk_now(d));
    assert_int_equal(t.closed_at, 0); /* reopened */
    ticket_free(&t);
    /* assigned, accepted and the six above, each in the history with who */
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "status", &e), 8);
    assert_string_equal(e.actor_name, "li");
    assert_string_equal(e.old_value, "closed");
    /* a proposal and its confirmation have forms of their own */
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_SOLUTION_PROPOSED, NULL),
                     OUTCOME_BAD_TRANSITION);
    assert_int_equal(ticket_propose_solution(d, &c.li, id, 0, "remote", "远程修复", "恢复", "无"),
                     OUTCOME_OK);
    status_is(d, id, "solution_proposed", c.li.id);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_IN_EXECUTION, NULL),
                     OUTCOME_BAD_TRANSITION);
    assert_int_equal(ticket_confirm_solution(d, id, "王小明", "192.0.2.1"), OUTCOME_OK);
    status_is(d, id, "in_execution", c.li.id);
}

static void only_who_works_on_it_changes_its_status(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    /* a team mate and another team's agent may not */
    assert_int_equal(ticket_change_status(d, &c.zhao, id, 0, TS_IN_PROGRESS, NULL),
                     OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_change_status(d, &c.qian, id, 0, TS_IN_PROGRESS, NULL),
                     OUTCOME_FORBIDDEN);
    status_is(d, id, "accepted", c.li.id);
    /* a collaborator and a supervisor may */
    assert_int_equal(ticket_add_collaborator(d, &c.li, id, 0, c.zhao.id, "协助"), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c.zhao, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c.sun, id, 0, TS_WAITING_THIRD_PARTY, "等厂商"),
                     OUTCOME_OK);
    status_is(d, id, "waiting_third_party", c.li.id);
    /* a collaborator removed is no longer one */
    assert_int_equal(ticket_remove_collaborator(d, &c.li, id, 0, c.zhao.id), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c.zhao, id, 0, TS_IN_PROGRESS, NULL),
                     OUTCOME_FORBIDDEN);
    /* only the owner or a supervisor adds collaborators */
    assert_int_equal(ticket_add_collaborator(d, &c.zhao, id, 0, c.qian.id, "协助"),
                     OUTCOME_FORBIDDEN);
}

/* ---- messages ---------------------------------------------------------------------- */

static void a_public_reply_is_the_first_response_and_mails_the_customer(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, "wang@example.com");
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    /* a team mate who does not work on it may note, not reply */
    assert_int_equal(ticket_agent_message(d, &c.zhao, id, 0, "我来看看", false, NULL),
                     OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_agent_message(d, &c.zhao, id, 0, "内部：类似 #12", true, NULL),
                     OUTCOME_OK);
    assert_int_equal(ticket_agent_message(d, &c.li, id, 0, "", false, NULL), OUTCOME_INVALID);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.first_responded_at, 0); /* a note is no response */
    ticket_free(&t);
    assert_int_equal(dbtest_mails(d, id, "ticket_reply", NULL, NULL), 0);
    dbtest_at_local(d, "2027-03-09 10:20");
    assert_int_equal(ticket_agent_message(d, &c.li, id, 0, "请重启后再试。", false, NULL),
                     OUTCOME_OK);
    dbtest_load(d, id, &t);
    assert_int_equal(t.first_responded_at, dbtest_local("2027-03-09 10:20"));
    ticket_free(&t);
    assert_int_equal(dbtest_mails(d, id, "ticket_reply", "wang@example.com", NULL), 1);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "reply", &e), 1);
    assert_string_equal(e.visibility, "public");
    assert_int_equal(dbtest_events(d, id, "note", &e), 1);
    assert_string_equal(e.visibility, "internal");
    /* the second reply is no new first response */
    dbtest_at_local(d, "2027-03-09 11:00");
    assert_int_equal(ticket_agent_message(d, &c.li, id, 0, "还有问题吗？", false, NULL),
                     OUTCOME_OK);
    dbtest_load(d, id, &t);
    assert_int_equal(t.first_responded_at, dbtest_local("2027-03-09 10:20"));
    ticket_free(&t);
    assert_int_equal(dbtest_mails(d, id, "ticket_reply", NULL, NULL), 2);
}

static void a_reply_that_moves_the_status_is_both_or_neither(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, "wang@example.com");
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    /* in_progress -> closed is refused: the reply is not sent either */
    assert_int_equal(ticket_agent_reply(d, &c.li, id, 0, "已修复", NULL, TS_CLOSED),
                     OUTCOME_BAD_TRANSITION);
    assert_int_equal(dbtest_events(d, id, "reply", NULL), 0);
    assert_int_equal(dbtest_mails(d, id, "ticket_reply", NULL, NULL), 0);
    status_is(d, id, "in_progress", c.li.id);
    assert_int_equal(ticket_agent_reply(d, &c.li, id, 0, "请提供日志", NULL, TS_WAITING_CUSTOMER),
                     OUTCOME_OK);
    assert_int_equal(dbtest_events(d, id, "reply", NULL), 1);
    assert_int_equal(dbtest_mails(d, id, "ticket_reply", NULL, NULL), 1);
    status_is(d, id, "waiting_customer", c.li.id);
}

/* ---- contact details ------------------------------------------------------------------- */

static void contact_details_only_to_those_with_the_right(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = "wang@example.com";
    in.phone = "+86 21 5555 0101";
    long long id = dbtest_create(d, &in, NULL);
    char email[256], phone[64];
    /* li sees the ticket but has no right; qian has the right but not the ticket */
    assert_int_equal(ticket_reveal_contacts(d, &c.li, id, email, sizeof email, phone, sizeof phone),
                     OUTCOME_FORBIDDEN);
    assert_int_equal(
        ticket_reveal_contacts(d, &c.qian, id, email, sizeof email, phone, sizeof phone),
        OUTCOME_FORBIDDEN);
    assert_int_equal(dbtest_events(d, id, "contact_revealed", NULL), 0);
    assert_int_equal(
        ticket_revealed_contacts(d, &c.zhao, id, email, sizeof email, phone, sizeof phone),
        OUTCOME_NOT_FOUND);
    assert_int_equal(
        ticket_reveal_contacts(d, &c.zhao, id, email, sizeof email, phone, sizeof phone),
        OUTCOME_OK);
    assert_string_equal(email, "wang@example.com");
    assert_string_equal(phone, "+86 21 5555 0101");
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "contact_revealed", &e), 1);
    assert_string_equal(e.visibility, "internal");
    assert_string_equal(e.actor_name, "zhao");
    /* shown again without a new entry for 15 minutes, then no more */
    dbtest_at_local(d, "2027-03-09 10:14");
    email[0] = '\0';
    assert_int_equal(
        ticket_revealed_contacts(d, &c.zhao, id, email, sizeof email, phone, sizeof phone),
        OUTCOME_OK);
    assert_string_equal(email, "wang@example.com");
    assert_int_equal(dbtest_events(d, id, "contact_revealed", NULL), 1);
    dbtest_at_local(d, "2027-03-09 10:16");
    assert_int_equal(
        ticket_revealed_contacts(d, &c.zhao, id, email, sizeof email, phone, sizeof phone),
        OUTCOME_NOT_FOUND);
}

/* ---- classification and escalation --------------------------------------------------- */

static void a_new_category_goes_to_its_team(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    const category_t *fault = catalog_category(&d->catalog, "fault");
    /* another team's agent does not see it */
    assert_int_equal(ticket_classify(d, &c.qian, id, 0, fault, "functional"), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_classify(d, &c.li, id, 0, fault, "functional"), OUTCOME_OK);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_string_equal(t.status, "classified");
    assert_int_equal(t.category_id, fault->id);
    assert_int_equal(t.team_id, fault->team_id);
    ticket_free(&t);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "classify", &e), 1);
    assert_string_equal(e.old_value, "usage");
    assert_string_equal(e.new_value, "fault");
    ticket_extra_t x;
    dbtest_load(d, id, &t);
    assert_int_equal(ticket_extra(d, &t, &x), OUTCOME_OK);
    assert_string_equal(x.nature, "functional");
    ticket_extra_free(&x);
    ticket_free(&t);
}

static const char sql_escalation_due[] = "SELECT escalation_due_at FROM tickets WHERE id = ?";

static time_t escalation_due(desk_t *d, long long id)
{
    time_t due = 0;
    assert_int_equal(db_row(&d->db, sql_escalation_due, "i", "t", id, &due), 1);
    return due;
}

static void an_escalation_is_answered_by_rnd_or_a_supervisor(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, "wang@example.com");
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_escalate(d, &c.li, id, 0, "", "全部门", 0, 0), OUTCOME_REASON_REQUIRED);
    assert_int_equal(ticket_escalate(d, &c.zhao, id, 0, "疑似缺陷", "全部门", 0, 0),
                     OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_escalate(d, &c.li, id, 0, "疑似缺陷", "全部门", 0, 0), OUTCOME_OK);
    /* R&D's answer is due in 240 business minutes: Tuesday 10:00 -> 12:00,
     * then 13:30 -> 15:30 */
    assert_int_equal(escalation_due(d, id), dbtest_local("2027-03-09 15:30"));
    /* the customer sees that it was escalated, not why */
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "escalated", &e), 1);
    assert_string_equal(e.visibility, "public");
    assert_int_equal(dbtest_events(d, id, "escalation", &e), 1);
    assert_string_equal(e.visibility, "internal");
    /* the owner is not R&D */
    assert_int_equal(ticket_answer_escalation(d, &c.li, id, 0, "补丁 5.2.1"), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_answer_escalation(d, &c.rnd, id, 0, "补丁 5.2.1"), OUTCOME_OK);
    assert_int_equal(escalation_due(d, id), 0);
    /* answered once */
    assert_int_equal(ticket_answer_escalation(d, &c.sun, id, 0, "再答"), OUTCOME_BAD_TRANSITION);
}

/* ---- findings, the customer's side of a proposal, closing on request ---------------- */

static void a_finding_is_of_a_known_kind_by_who_works_on_it(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    static const char *const kinds[] = {"fault_code",    "error_log",        "reproduction",
                                        "operation_path", "knowledge_gap",   "course_of_events",
                                        "responsible_party"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        assert_true(ticket_finding_kind_valid(kinds[i]));
    assert_false(ticket_finding_kind_valid("guess"));
    assert_false(ticket_finding_kind_valid(""));
    assert_false(ticket_finding_kind_valid(NULL));
    long long id = usage_ticket(d, NULL);
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    long long v = version_of(d, id);
    assert_int_equal(ticket_add_finding(d, &c.li, id, v, "guess", "E-102"), OUTCOME_INVALID);
    assert_int_equal(ticket_add_finding(d, &c.li, id, v, "fault_code", ""), OUTCOME_INVALID);
    assert_int_equal(ticket_add_finding(d, &c.zhao, id, v, "fault_code", "E-102"),
                     OUTCOME_FORBIDDEN); /* a team mate who does not work on it */
    assert_int_equal(ticket_add_finding(d, &c.li, id, v + 1, "fault_code", "E-102"),
                     OUTCOME_CONFLICT);
    assert_int_equal(version_of(d, id), v);
    assert_int_equal(dbtest_events(d, id, "finding", NULL), 0);
    assert_int_equal(ticket_add_finding(d, &c.li, id, v, "fault_code", "E-102"), OUTCOME_OK);
    assert_int_equal(version_of(d, id), v + 1);
    ticket_event_t e;
    char body[64];
    assert_int_equal(dbtest_event_body(d, id, "finding", body, sizeof body), 1);
    assert_string_equal(body, "E-102");
    assert_int_equal(dbtest_events(d, id, "finding", &e), 1);
    assert_string_equal(e.visibility, "internal"); /* the customer never sees findings */
    assert_string_equal(e.field, "fault_code");
    assert_string_equal(e.actor_name, "li");
    /* a supervisor may add one; the status does not move */
    assert_int_equal(ticket_add_finding(d, &c.sun, id, 0, "knowledge_gap", "手册缺少此项"),
                     OUTCOME_OK);
    assert_int_equal(dbtest_events(d, id, "finding", NULL), 2);
    status_is(d, id, "accepted", c.li.id);
}

static const char sql_solution_states[] =
    "SELECT COUNT(*) FROM ticket_solutions WHERE ticket_id = ? AND state = 'questioned'";
static const char sql_confirmed_as_shown[] =
    "SELECT COUNT(*) FROM ticket_solutions WHERE ticket_id = ? AND state = 'confirmed'"
    " AND confirmed_text = proposal_text AND confirmed_name = '王小明'"
    " AND confirmed_ip = '192.0.2.1' AND confirmed_via = 'portal' AND recorded_by IS NULL";

static long long in_progress_ticket(desk_t *d, const cast_t *c)
{
    long long id = usage_ticket(d, "wang@example.com");
    assert_int_equal(ticket_claim(d, &c->li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c->li, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    return id;
}

static void propose(desk_t *d, const agent_t *a, long long id, const char *steps)
{
    assert_int_equal(ticket_propose_solution(d, a, id, 0, "remote", steps, "打印恢复正常",
                                             "升级期间打印机重启一次"),
                     OUTCOME_OK);
}

static void the_customer_confirms_or_questions_the_proposal(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = in_progress_ticket(d, &c);
    char *text = (char *)"unset";
    /* nothing proposed: nothing to answer */
    assert_int_equal(ticket_pending_solution(d, id, &text), OUTCOME_OK);
    assert_null(text);
    assert_int_equal(ticket_confirm_solution(d, id, "王小明", "192.0.2.1"), OUTCOME_BAD_TRANSITION);
    assert_int_equal(ticket_question_solution(d, id, "王小明", "要停机多久？"),
                     OUTCOME_BAD_TRANSITION);
    /* a proposal names a known way of delivery and every part */
    assert_int_equal(ticket_propose_solution(d, &c.li, id, 0, "fax", "步骤", "结果", "风险"),
                     OUTCOME_INVALID);
    assert_int_equal(ticket_propose_solution(d, &c.li, id, 0, "remote", "步骤", "", "风险"),
                     OUTCOME_INVALID);
    assert_int_equal(ticket_propose_solution(d, &c.zhao, id, 0, "remote", "步骤", "结果", "风险"),
                     OUTCOME_FORBIDDEN);
    status_is(d, id, "in_progress", c.li.id);
    propose(d, &c.li, id, "远程升级固件到 5.2.1");
    status_is(d, id, "solution_proposed", c.li.id);
    assert_int_equal(ticket_pending_solution(d, id, &text), OUTCOME_OK);
    assert_non_null(text);
    assert_non_null(strstr(text, "远程升级固件到 5.2.1"));
    assert_non_null(strstr(text, "升级期间打印机重启一次"));
    free(text);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "solution", &e), 1);
    assert_string_equal(e.visibility, "public");
    assert_int_equal(dbtest_mails(d, id, "solution_to_confirm", "wang@example.com", NULL), 1);
    /* a question instead: in the thread, the ticket back in progress, nothing pending */
    assert_int_equal(ticket_question_solution(d, id, "王小明", ""), OUTCOME_INVALID);
    assert_int_equal(ticket_question_solution(d, id, "王小明", "要停机多久？"), OUTCOME_OK);
    status_is(d, id, "in_progress", c.li.id);
    char body[64];
    assert_int_equal(dbtest_event_body(d, id, "comment", body, sizeof body), 1);
    assert_string_equal(body, "要停机多久？");
    assert_int_equal(dbtest_events(d, id, "comment", &e), 1);
    assert_string_equal(e.visibility, "public");
    assert_string_equal(e.actor_type, "customer");
    assert_int_equal(ticket_pending_solution(d, id, &text), OUTCOME_OK);
    assert_null(text);
    assert_int_equal(dbtest_int(d, sql_solution_states, id), 1);
    assert_int_equal(ticket_confirm_solution(d, id, "王小明", "192.0.2.1"), OUTCOME_BAD_TRANSITION);
    /* proposed again and confirmed: the exact text, the name and address kept */
    propose(d, &c.li, id, "远程升级固件到 5.2.2，约停机 5 分钟");
    assert_int_equal(ticket_confirm_solution(d, id, "", "192.0.2.1"), OUTCOME_INVALID);
    status_is(d, id, "solution_proposed", c.li.id);
    assert_int_equal(ticket_confirm_solution(d, id, "王小明", "192.0.2.1"), OUTCOME_OK);
    status_is(d, id, "in_execution", c.li.id);
    assert_int_equal(dbtest_int(d, sql_confirmed_as_shown, id), 1);
    assert_int_equal(dbtest_events(d, id, "solution_confirmed", &e), 1);
    assert_string_equal(e.new_value, "王小明");
    assert_string_equal(e.visibility, "public");
    /* confirmed once */
    assert_int_equal(ticket_confirm_solution(d, id, "王小明", "192.0.2.1"), OUTCOME_BAD_TRANSITION);
    assert_int_equal(dbtest_events(d, id, "solution_confirmed", NULL), 1);
}

static const char sql_recorded[] =
    "SELECT recorded_by FROM ticket_solutions WHERE ticket_id = ? AND state = 'confirmed'"
    " AND confirmed_text = proposal_text AND confirmed_name = '王小明' AND confirmed_via = 'email'";
static const char sql_attachments_of[] = "SELECT COUNT(*) FROM attachments WHERE ticket_id = ?";

static uploads_t copy; /* large: one for the binary */

static void a_confirmation_outside_the_portal_needs_its_evidence(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = in_progress_ticket(d, &c);
    propose(d, &c.li, id, "远程升级固件");
    static const char mail[] = "王小明：同意按方案远程升级固件。\n";
    assert_int_equal(attachment_take_bytes(d, "确认邮件.txt", mail, sizeof mail - 1, &copy), 0);
    assert_int_equal(copy.n, 1);
    uploads_t none = {.n = 0};
    assert_int_equal(ticket_record_confirmation(d, &c.li, id, 0, "fax", "王小明", "传真", &copy),
                     OUTCOME_INVALID);
    assert_int_equal(ticket_record_confirmation(d, &c.li, id, 0, "email", "", NULL, &copy),
                     OUTCOME_INVALID);
    /* written: with its copy; by phone: with a note of the call */
    assert_int_equal(ticket_record_confirmation(d, &c.li, id, 0, "email", "王小明", NULL, NULL),
                     OUTCOME_EVIDENCE_REQUIRED);
    assert_int_equal(
        ticket_record_confirmation(d, &c.li, id, 0, "signature", "王小明", "已签字", &none),
        OUTCOME_EVIDENCE_REQUIRED);
    assert_int_equal(ticket_record_confirmation(d, &c.li, id, 0, "phone", "王小明", "", NULL),
                     OUTCOME_EVIDENCE_REQUIRED);
    assert_int_equal(ticket_record_confirmation(d, &c.zhao, id, 0, "email", "王小明", NULL, &copy),
                     OUTCOME_FORBIDDEN);
    status_is(d, id, "solution_proposed", c.li.id);
    assert_int_equal(dbtest_int(d, sql_attachments_of, id), 0);
    assert_int_equal(ticket_record_confirmation(d, &c.li, id, 0, "email", "王小明", NULL, &copy),
                     OUTCOME_OK);
    status_is(d, id, "in_execution", c.li.id);
    assert_int_equal(dbtest_int(d, sql_recorded, id), c.li.id);
    assert_int_equal(dbtest_int(d, sql_attachments_of, id), 1);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "solution_confirmed", &e), 1);
    assert_string_equal(e.new_value, "email");
    assert_string_equal(e.old_value, "王小明");
    assert_string_equal(e.actor_name, "li");
    /* nothing waits any more */
    assert_int_equal(ticket_record_confirmation(d, &c.li, id, 0, "phone", "王小明", "来电确认", NULL),
                     OUTCOME_BAD_TRANSITION);
    /* by phone, on another ticket: the note is the record */
    long long call = in_progress_ticket(d, &c);
    propose(d, &c.li, call, "上门更换主板");
    assert_int_equal(
        ticket_record_confirmation(d, &c.li, call, 0, "phone", "王小明", "10:05 来电确认", NULL),
        OUTCOME_OK);
    status_is(d, call, "in_execution", c.li.id);
    char body[64];
    assert_int_equal(dbtest_event_body(d, call, "solution_confirmed", body, sizeof body), 1);
    assert_string_equal(body, "10:05 来电确认");
}

static void the_customer_asks_to_close_an_open_ticket(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = in_progress_ticket(d, &c);
    long long v = version_of(d, id);
    assert_int_equal(ticket_request_close(d, id, "王小明", NULL), OUTCOME_OK);
    assert_int_equal(ticket_request_close(d, id, "王小明", "问题已自行消失"), OUTCOME_OK);
    /* recorded for the owner, who resolves it: the status does not move */
    status_is(d, id, "in_progress", c.li.id);
    assert_int_equal(version_of(d, id), v + 2);
    ticket_event_t e;
    char body[64];
    assert_int_equal(dbtest_event_body(d, id, "close_requested", body, sizeof body), 2);
    assert_string_equal(body, "问题已自行消失");
    assert_int_equal(dbtest_events(d, id, "close_requested", &e), 2);
    assert_string_equal(e.visibility, "public");
    assert_string_equal(e.actor_type, "customer");
    assert_string_equal(e.actor_name, "王小明");
    /* once resolved there is nothing to ask */
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_RESOLVED, "已解决"), OUTCOME_OK);
    assert_int_equal(ticket_request_close(d, id, "王小明", "谢谢"), OUTCOME_BAD_TRANSITION);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_CLOSED, NULL), OUTCOME_OK);
    assert_int_equal(ticket_request_close(d, id, "王小明", "谢谢"), OUTCOME_BAD_TRANSITION);
    assert_int_equal(dbtest_events(d, id, "close_requested", NULL), 2);
}

/* ---- what the ticket page offers ------------------------------------------------------ */

static ticket_situation_t situation(desk_t *d, const agent_t *a, long long id)
{
    ticket_t t;
    ticket_situation_t s;
    dbtest_load(d, id, &t);
    assert_int_equal(ticket_situation(d, a, &t, &s), OUTCOME_OK);
    ticket_free(&t);
    return s;
}

static void the_situation_says_who_may_do_what_next(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    /* unowned: the team's agents and supervisors claim, nobody works on it yet */
    ticket_situation_t s = situation(d, &c.li, id);
    assert_int_equal(s.status, TS_NEW);
    assert_true(s.can_claim);
    assert_false(s.can_work || s.mine || s.owned || s.can_accept);
    assert_false(s.escalation_open || s.proposal_pending || s.can_answer_escalation);
    assert_false(situation(d, &c.qian, id).can_claim); /* another team */
    s = situation(d, &c.sun, id);
    assert_true(s.can_claim && s.can_work);
    /* nothing is escalated: nobody has an answer to give */
    assert_false(s.can_answer_escalation || situation(d, &c.rnd, id).can_answer_escalation);
    /* assigned: the assignee accepts */
    assert_int_equal(ticket_assign(d, &c.sun, id, 0, c.li.id, 0, "熟悉"), OUTCOME_OK);
    s = situation(d, &c.li, id);
    assert_int_equal(s.status, TS_ASSIGNED);
    assert_true(s.can_accept && s.mine && s.owned && s.can_work);
    assert_false(s.can_claim);
    s = situation(d, &c.zhao, id);
    assert_false(s.can_accept || s.mine || s.can_claim || s.can_work);
    assert_true(s.owned);
    /* a pause remembers what it paused */
    assert_int_equal(ticket_accept(d, &c.li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_WAITING_THIRD_PARTY, "等厂商"),
                     OUTCOME_OK);
    s = situation(d, &c.li, id);
    assert_int_equal(s.status, TS_WAITING_THIRD_PARTY);
    assert_int_equal(s.before, TS_IN_PROGRESS);
    assert_false(s.can_accept);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    /* an open escalation and when its answer is due */
    assert_int_equal(ticket_escalate(d, &c.li, id, 0, "疑似缺陷", "全部门", 0, 0), OUTCOME_OK);
    s = situation(d, &c.li, id);
    assert_true(s.escalation_open);
    assert_int_equal(s.escalation_due, dbtest_local("2027-03-09 15:30"));
    assert_false(s.can_answer_escalation);
    /* R&D (the team it went to) and supervisors answer it */
    assert_true(situation(d, &c.rnd, id).can_answer_escalation);
    assert_true(situation(d, &c.sun, id).can_answer_escalation);
    assert_int_equal(ticket_answer_escalation(d, &c.rnd, id, 0, "补丁 5.2.1"), OUTCOME_OK);
    s = situation(d, &c.li, id);
    assert_false(s.escalation_open);
    assert_int_equal(s.escalation_due, 0);
    /* a proposal waiting for the customer */
    propose(d, &c.li, id, "安装补丁 5.2.1");
    assert_true(situation(d, &c.li, id).proposal_pending);
    assert_int_equal(ticket_confirm_solution(d, id, "王小明", NULL), OUTCOME_OK);
    assert_false(situation(d, &c.li, id).proposal_pending);
}

/* ---- priority requests and the acceptance form ---------------------------------------- */

typedef struct pending {
    int n;
    long long id;
} pending_t;

static void count_pending(const priority_request_t *r, void *ctx)
{
    pending_t *p = ctx;
    p->n++;
    p->id = r->id;
}

static void an_agent_asks_for_a_priority_a_supervisor_decides(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = usage_ticket(d, NULL);
    const priority_t *general = catalog_priority(&d->catalog, "general");
    const priority_t *urgent = catalog_priority(&d->catalog, "urgent");
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_request_priority(d, &c.li, id, 0, urgent, ""),
                     OUTCOME_REASON_REQUIRED);
    assert_int_equal(ticket_request_priority(d, &c.zhao, id, 0, urgent, "产线停了"),
                     OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_request_priority(d, &c.li, id, 0, urgent, "产线停了"), OUTCOME_OK);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_int_equal(t.priority_id, general->id); /* asked, not changed */
    ticket_free(&t);
    pending_t p = {0};
    assert_int_equal(priority_requests_pending(d, id, 10, count_pending, &p), 1);
    /* the same request again is the same request */
    assert_int_equal(ticket_request_priority(d, &c.li, id, 0, urgent, "产线停了"), OUTCOME_OK);
    assert_int_equal(priority_requests_pending(d, id, 10, count_pending, &(pending_t){0}), 1);
    /* only a supervisor decides */
    assert_int_equal(ticket_decide_priority(d, &c.li, p.id, true, "同意"), OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_decide_priority(d, &c.sun, p.id, true, "同意"), OUTCOME_OK);
    dbtest_load(d, id, &t);
    assert_int_equal(t.priority_id, urgent->id);
    ticket_free(&t);
    assert_int_equal(priority_requests_pending(d, id, 10, count_pending, &(pending_t){0}), 0);
    assert_int_equal(dbtest_events(d, id, "priority", NULL), 1);
    /* decided once: no longer a pending request */
    assert_int_equal(ticket_decide_priority(d, &c.sun, p.id, false, "再议"), OUTCOME_NOT_FOUND);
    dbtest_load(d, id, &t);
    assert_int_equal(t.priority_id, urgent->id);
    ticket_free(&t);
    /* a supervisor changes it at once */
    assert_int_equal(ticket_request_priority(d, &c.sun, id, 0, general, "已恢复"), OUTCOME_OK);
    dbtest_load(d, id, &t);
    assert_int_equal(t.priority_id, general->id);
    ticket_free(&t);
}

static long long resolved_ticket(desk_t *d, const cast_t *c)
{
    long long id = usage_ticket(d, "wang@example.com");
    assert_int_equal(ticket_claim(d, &c->li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c->li, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    assert_int_equal(ticket_log_work(d, &c->li, id, 0, "part_replaced", "更换主板", "SN-OLD",
                                     "SN-NEW"),
                     OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c->li, id, 0, TS_RESOLVED, "已更换主板"),
                     OUTCOME_OK);
    return id;
}

static void the_customer_signs_the_acceptance_form(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    long long id = resolved_ticket(d, &c);
    /* a refusal needs the customer's remarks; it reopens the ticket to its owner */
    assert_int_equal(ticket_sign_acceptance(d, id, false, "", "王小明", "192.0.2.1"),
                     OUTCOME_INVALID);
    assert_int_equal(ticket_sign_acceptance(d, id, false, "打印仍然卡纸", "王小明", "192.0.2.1"),
                     OUTCOME_OK);
    status_is(d, id, "in_progress", c.li.id);
    assert_int_equal(dbtest_events(d, id, "reopen", NULL), 1);
    /* signed while not resolved: refused */
    assert_int_equal(ticket_sign_acceptance(d, id, true, NULL, "王小明", "192.0.2.1"),
                     OUTCOME_BAD_TRANSITION);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_RESOLVED, "已调整进纸器"),
                     OUTCOME_OK);
    assert_int_equal(ticket_sign_acceptance(d, id, true, NULL, "王小明", "192.0.2.1"), OUTCOME_OK);
    status_is(d, id, "closed", c.li.id);
    /* the form is kept as signed, with the work done */
    acceptance_t a;
    assert_int_equal(ticket_signed_acceptance(d, id, &a), OUTCOME_OK);
    assert_string_equal(a.result, "accepted");
    assert_string_equal(a.name, "王小明");
    assert_int_equal(a.signed_at, desk_now(d));
    assert_non_null(a.doc);
    assert_non_null(strstr(a.doc, "SN-NEW"));
    free(a.form);
    free(a.doc);
    free(a.remarks);
    assert_int_equal(ticket_has_acceptance(d, id), 1);
}

/* 90 CJK characters: 270 bytes, within the column's 255 characters */
#define LONG_SERIAL                                                                            \
    "旧主板序列号甲乙丙丁戊己庚辛壬癸旧主板序列号甲乙丙丁戊己庚辛壬癸旧主板序列号甲乙丙丁戊己庚辛"   \
    "壬癸旧主板序列号甲乙丙丁戊己庚辛壬癸旧主板序列号甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸"

static void the_acceptance_form_holds_the_facts_and_the_work(void **state)
{
    desk_t *d = *state;
    cast_t c = cast(d);
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = "wang@example.com";
    in.organisation = "红星厂";
    in.product = "LaserJet";
    in.serial_number = "SN-PRN-7";
    ticket_receipt_t r;
    long long id = dbtest_create(d, &in, &r);
    assert_null(ticket_acceptance_doc(d, id + 1000));
    assert_int_equal(ticket_claim(d, &c.li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    propose(d, &c.li, id, "上门更换主板");
    assert_int_equal(ticket_confirm_solution(d, id, "王小明", "192.0.2.1"), OUTCOME_OK);
    assert_int_equal(ticket_log_work(d, &c.li, id, 0, "guess", "更换主板", NULL, NULL),
                     OUTCOME_INVALID);
    assert_int_equal(ticket_log_work(d, &c.li, id, 0, "step", "", NULL, NULL), OUTCOME_INVALID);
    assert_int_equal(ticket_log_work(d, &c.zhao, id, 0, "step", "检查", NULL, NULL),
                     OUTCOME_FORBIDDEN);
    assert_int_equal(ticket_log_work(d, &c.li, id, 0, "part_replaced", "更换主板", LONG_SERIAL,
                                     "SN-NEW"),
                     OUTCOME_OK);
    assert_int_equal(ticket_log_work(d, &c.li, id, 0, "step", "打印测试页", NULL, NULL), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-09 16:00");
    assert_int_equal(ticket_change_status(d, &c.li, id, 0, TS_RESOLVED, "已更换主板"), OUTCOME_OK);
    json_t *doc = ticket_acceptance_doc(d, id);
    assert_non_null(doc);
    assert_string_equal(json_string_value(json_object_get(doc, "number")), r.number);
    assert_string_equal(json_string_value(json_object_get(doc, "subject")), "打印机无法连接");
    assert_string_equal(json_string_value(json_object_get(doc, "organisation")), "红星厂");
    assert_string_equal(json_string_value(json_object_get(doc, "contact")), "王小明");
    assert_string_equal(json_string_value(json_object_get(doc, "product")), "LaserJet");
    assert_string_equal(json_string_value(json_object_get(doc, "serial_number")), "SN-PRN-7");
    assert_string_equal(json_string_value(json_object_get(doc, "engineer")), "li");
    assert_string_equal(json_string_value(json_object_get(doc, "resolution")), "已更换主板");
    assert_int_equal(json_integer_value(json_object_get(doc, "team_id")),
                     dbtest_team(d, "training"));
    assert_int_equal(json_integer_value(json_object_get(doc, "created_at")),
                     dbtest_local(DBTEST_START));
    assert_int_equal(json_integer_value(json_object_get(doc, "resolved_at")),
                     dbtest_local("2027-03-09 16:00"));
    json_t *sol = json_object_get(doc, "solution");
    assert_string_equal(json_string_value(json_object_get(sol, "delivery")), "remote");
    assert_string_equal(json_string_value(json_object_get(sol, "steps")), "上门更换主板");
    assert_string_equal(json_string_value(json_object_get(sol, "confirmed_by")), "王小明");
    assert_string_equal(json_string_value(json_object_get(sol, "via")), "portal");
    json_t *work = json_object_get(doc, "work");
    assert_int_equal(json_array_size(work), 2);
    json_t *part = json_array_get(work, 0);
    assert_string_equal(json_string_value(json_object_get(part, "kind")), "part_replaced");
    assert_string_equal(json_string_value(json_object_get(part, "old")), LONG_SERIAL);
    assert_string_equal(json_string_value(json_object_get(part, "new")), "SN-NEW");
    assert_string_equal(json_string_value(json_object_get(part, "by")), "li");
    assert_string_equal(json_string_value(json_object_get(json_array_get(work, 1), "text")),
                        "打印测试页");
    json_decref(doc);
    /* signed as shown; closed, no more work is logged */
    assert_int_equal(ticket_sign_acceptance(d, id, true, NULL, "王小明", "192.0.2.1"), OUTCOME_OK);
    acceptance_t a;
    assert_int_equal(ticket_signed_acceptance(d, id, &a), OUTCOME_OK);
    assert_non_null(a.form);
    assert_non_null(strstr(a.form, "SN-NEW"));
    assert_non_null(strstr(a.form, "上门更换主板"));
    assert_non_null(a.doc);
    assert_non_null(strstr(a.doc, LONG_SERIAL));
    free(a.form);
    free(a.doc);
    free(a.remarks);
    assert_int_equal(ticket_log_work(d, &c.li, id, 0, "step", "回访", NULL, NULL),
                     OUTCOME_BAD_TRANSITION);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(who_sees_and_who_works),
        DBTEST(a_claim_makes_it_mine_and_accepted),
        DBTEST(an_assignment_waits_for_the_owner_to_accept),
        DBTEST(only_the_owner_hands_back_with_a_reason),
        DBTEST(status_changes_follow_the_workflow),
        DBTEST(the_whole_way_from_accepted_to_closed_and_reopened),
        DBTEST(only_who_works_on_it_changes_its_status),
        DBTEST(a_public_reply_is_the_first_response_and_mails_the_customer),
        DBTEST(a_reply_that_moves_the_status_is_both_or_neither),
        DBTEST(contact_details_only_to_those_with_the_right),
        DBTEST(a_new_category_goes_to_its_team),
        DBTEST(an_escalation_is_answered_by_rnd_or_a_supervisor),
        DBTEST(a_finding_is_of_a_known_kind_by_who_works_on_it),
        DBTEST(the_customer_confirms_or_questions_the_proposal),
        DBTEST(a_confirmation_outside_the_portal_needs_its_evidence),
        DBTEST(the_customer_asks_to_close_an_open_ticket),
        DBTEST(the_situation_says_who_may_do_what_next),
        DBTEST(an_agent_asks_for_a_priority_a_supervisor_decides),
        DBTEST(the_customer_signs_the_acceptance_form),
        DBTEST(the_acceptance_form_holds_the_facts_and_the_work),
    };
    return DBTEST_RUN("ticket_work (database)", tests);
}
