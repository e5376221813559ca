/* Unit tests of lib/desk/sla/sla.c against a real MariaDB (tests/unit/dbtest.h):
 * a ticket's deadlines in business time, hand-computed at a Tuesday morning,
 * a Friday evening, a Wednesday night and a Sunday 03:00 (standard calendar
 * Mon-Fri 09:00-12:00 and 13:30-18:00 Asia/Shanghai; urgent runs 7x24);
 * recomputed from intake when the priority changes; the resolution clock
 * stopped while waiting on the customer; an SLA policy for a customer tag;
 * and the alerts: each raised exactly once at its moment, whatever the number
 * of passes or schedulers, with its history entry and its mails, and only
 * while its clock applies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"
#include "desk/dispatch/routing.h"
#include "desk/customer/tags.h"
#include "desk/sla/sla.h"
#include "desk/sla/slapass.h"
#include "desk/ticket/ticket_work.h"

typedef struct clocks {
    time_t classify, first, first_warn, resolution, resolution_warn, next_alert, next_due;
} clocks_t;

static const char sql_clocks[] =
    "SELECT classify_due_at, first_response_due_at, first_response_warn_at, resolution_due_at,"
    " resolution_warn_at, next_alert_at, next_due_at FROM tickets WHERE id = ?";

static clocks_t clocks(desk_t *d, long long id)
{
    clocks_t c;
    assert_int_equal(db_row(&d->db, sql_clocks, "i", "ttttttt", id, &c.classify, &c.first,
                            &c.first_warn, &c.resolution, &c.resolution_warn, &c.next_alert,
                            &c.next_due),
                     1);
    return c;
}

#define assert_at(t, local) assert_int_equal((t), dbtest_local(local))

static long long ticket_at(desk_t *d, const char *when, const char *impact)
{
    dbtest_at_local(d, when);
    ticket_new_t in = dbtest_request(d, "usage");
    in.impact = impact;
    in.email = "wang@example.com";
    return dbtest_create(d, &in, NULL);
}

/* ---- deadlines ------------------------------------------------------------------ */

static void an_important_ticket_on_a_tuesday_morning(void **state)
{
    desk_t *d = *state;
    clocks_t c = clocks(d, ticket_at(d, "2027-03-09 10:00", "department"));
    assert_at(c.classify, "2027-03-09 12:00");   /* 2 working hours */
    assert_at(c.first, "2027-03-09 12:00");      /* 120 working minutes, used up at 12:00 */
    assert_at(c.first_warn, "2027-03-09 11:30"); /* at 75 % */
    assert_at(c.resolution, "2027-03-10 10:00"); /* 1 working day: the same time tomorrow */
    /* 75 % of 7.5 working hours: 2 h before lunch, 3 h 37 min 30 s after */
    assert_at(c.resolution_warn, "2027-03-09 17:07:30");
    assert_at(c.next_due, "2027-03-09 12:00");
    assert_at(c.next_alert, "2027-03-09 11:30");
}

static void an_important_ticket_on_a_friday_evening(void **state)
{
    desk_t *d = *state;
    clocks_t c = clocks(d, ticket_at(d, "2027-03-12 17:00", "department"));
    /* one working hour on Friday, the other on Monday */
    assert_at(c.first, "2027-03-15 10:00");
    assert_at(c.classify, "2027-03-15 10:00");
    assert_at(c.resolution, "2027-03-15 17:00");
}

static void a_general_ticket_gets_whole_working_days(void **state)
{
    desk_t *d = *state;
    clocks_t c = clocks(d, ticket_at(d, "2027-03-09 10:00", "individual"));
    assert_at(c.first, "2027-03-10 10:00");      /* 1 working day */
    assert_at(c.resolution, "2027-03-12 10:00"); /* 3 working days */
    /* out of hours, the whole next working day(s) */
    c = clocks(d, ticket_at(d, "2027-03-10 23:30", "individual"));
    assert_at(c.first, "2027-03-11 18:00");
    assert_at(c.resolution, "2027-03-15 18:00"); /* Thursday, Friday, Monday */
    c = clocks(d, ticket_at(d, "2027-03-14 03:00", "individual"));
    assert_at(c.classify, "2027-03-15 11:00"); /* 2 working hours from Monday 09:00 */
    assert_at(c.first, "2027-03-15 18:00");
    assert_at(c.resolution, "2027-03-17 18:00");
}

static void an_urgent_ticket_runs_round_the_clock(void **state)
{
    desk_t *d = *state;
    clocks_t c = clocks(d, ticket_at(d, "2027-03-14 03:00", "company"));
    assert_at(c.first, "2027-03-14 03:15");
    assert_at(c.first_warn, "2027-03-14 03:11:15");
    assert_at(c.classify, "2027-03-14 05:00");
    assert_at(c.resolution, "2027-03-14 07:00");
    assert_at(c.resolution_warn, "2027-03-14 06:00");
    assert_at(c.next_due, "2027-03-14 03:15");
}

static const actor_t agent = {.type = "agent", .name = "前台"};

static void a_priority_change_counts_from_intake(void **state)
{
    desk_t *d = *state;
    long long id = ticket_at(d, "2027-03-09 10:00", "department");
    dbtest_at_local(d, "2027-03-09 10:30");
    assert_int_equal(ticket_update(d, id, catalog_priority(&d->catalog, "urgent"), -1, &agent,
                                   "生产停线", false, NULL),
                     OUTCOME_OK);
    clocks_t c = clocks(d, id);
    assert_at(c.first, "2027-03-09 10:15"); /* already past: overdue at once */
    assert_at(c.resolution, "2027-03-09 14:00");
    assert_at(c.next_due, "2027-03-09 10:15");
    dbtest_at_local(d, "2027-03-09 11:00");
    assert_int_equal(ticket_update(d, id, catalog_priority(&d->catalog, "important"), -1, &agent,
                                   "已恢复", false, NULL),
                     OUTCOME_OK);
    c = clocks(d, id);
    assert_at(c.first, "2027-03-09 12:00");
    assert_at(c.resolution, "2027-03-10 10:00");
}

static const char sql_policy[] =
    "INSERT INTO sla_policies (priority_id, tag_id, first_response, first_response_unit)"
    " SELECT ?, id, 30, 'minute' FROM tags WHERE code = ?";
static const char sql_customer_of[] = "SELECT customer_id FROM tickets WHERE id = ?";
static const char sql_tag_id[] = "SELECT id FROM tags WHERE code = 'vip' AND id > ?";

static void a_policy_for_a_tag_overrides_the_level(void **state)
{
    desk_t *d = *state;
    assert_int_equal(db_exec(&d->db, sql_policy, "is",
                             catalog_priority(&d->catalog, "general")->id, "vip"),
                     1);
    dbtest_reload(d);
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    long long plain = dbtest_create(d, &in, NULL);
    assert_at(clocks(d, plain).first, "2027-03-10 10:00");
    assert_int_equal(tags_assign(d, dbtest_int(d, sql_customer_of, plain),
                                 dbtest_int(d, sql_tag_id, 0), desk_now(d)),
                     1);
    /* a VIP's general ticket starts important, whose targets the policy
     * does not touch: ask for general explicitly */
    in = dbtest_request(d, "usage");
    in.email = "vip@example.com";
    in.priority = catalog_priority(&d->catalog, "general");
    clocks_t c = clocks(d, dbtest_create(d, &in, NULL));
    assert_at(c.first, "2027-03-09 10:30");      /* the policy's 30 minutes */
    assert_at(c.resolution, "2027-03-12 10:00"); /* the level's own 3 working days */
}

static void waiting_on_the_customer_stops_the_resolution_clock(void **state)
{
    desk_t *d = *state;
    static const char sql_resolution_alerts[] =
        "SELECT COUNT(*) FROM sla_alerts WHERE ticket_id = ? AND kind LIKE 'resolution%'";
    int tickets, raised;
    long long id = ticket_at(d, "2027-03-09 10:00", "company");
    static const ticket_status_t path[] = {TS_CLASSIFIED, TS_ASSIGNED, TS_ACCEPTED,
                                           TS_IN_PROGRESS};
    for (size_t i = 0; i < sizeof path / sizeof *path; i++)
        assert_int_equal(ticket_update(d, id, NULL, path[i], &agent, NULL, false, NULL),
                         OUTCOME_OK);
    assert_at(clocks(d, id).resolution, "2027-03-09 14:00");
    dbtest_at_local(d, "2027-03-09 11:00");
    assert_int_equal(ticket_update(d, id, NULL, TS_WAITING_CUSTOMER, &agent, NULL, false, NULL),
                     OUTCOME_OK);
    /* past the original warning (13:00) and due (14:00): nothing while waiting */
    dbtest_at_local(d, "2027-03-09 14:10");
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_resolution_alerts, id), 0);
    /* back after 3 h 30 min: the dues move by the time waited */
    dbtest_at_local(d, "2027-03-09 14:30");
    assert_int_equal(ticket_update(d, id, NULL, TS_IN_PROGRESS, &agent, NULL, false, NULL),
                     OUTCOME_OK);
    clocks_t c = clocks(d, id);
    assert_at(c.resolution, "2027-03-09 17:30");
    assert_at(c.resolution_warn, "2027-03-09 16:30");
    dbtest_at_local(d, "2027-03-09 16:29");
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_resolution_alerts, id), 0);
    dbtest_at_local(d, "2027-03-09 16:31");
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_resolution_alerts, id), 1);
    dbtest_at_local(d, "2027-03-09 17:31");
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_resolution_alerts, id), 2);
}

/* ---- alerts ----------------------------------------------------------------------- */

static const char sql_alerts[] = "SELECT COUNT(*) FROM sla_alerts WHERE ticket_id = ?";

static int pass_at(desk_t *d, const char *when)
{
    int tickets = 0, raised = 0;
    dbtest_at_local(d, when);
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    return raised;
}

/* The internal history lines of the alerts of one clock. */
static int sla_lines(desk_t *d, long long id, const char *code)
{
    static const char sql_lines[] =
        "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'sla' AND field = ?"
        " AND visibility = 'internal'";
    long long n = 0;
    assert_int_equal(db_row(&d->db, sql_lines, "is", "i", id, code, &n), 1);
    return (int)n;
}

static void each_alert_is_raised_once_at_its_moment(void **state)
{
    desk_t *d = *state;
    agent_t sun, boss;
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    dbtest_agent(d, "boss", "admin", "", true, &boss);
    long long id = ticket_at(d, "2027-03-09 10:00", "company");
    assert_int_equal(pass_at(d, "2027-03-09 10:10"), 0);
    /* 75 % of 15 minutes */
    assert_int_equal(pass_at(d, "2027-03-09 10:11:14"), 0);
    assert_int_equal(pass_at(d, "2027-03-09 10:11:15"), 1);
    assert_int_equal(sla_lines(d, id, "first_response_warning"), 1);
    assert_int_equal(pass_at(d, "2027-03-09 10:11:30"), 0);
    assert_int_equal(pass_at(d, "2027-03-09 10:15:30"), 1);
    assert_int_equal(sla_lines(d, id, "first_response_breach"), 1);
    /* a restarted scheduler, and a second one on its own connection */
    desk_t other;
    assert_int_equal(dbtest_open_child(&other, d), 0);
    int tickets, raised;
    assert_int_equal(sla_pass(&other, 100, &tickets, &raised), 0);
    assert_int_equal(raised, 0);
    desk_close(&other);
    assert_int_equal(pass_at(d, "2027-03-09 10:15:30"), 0);
    /* classification overdue after 2 hours, still new */
    assert_int_equal(pass_at(d, "2027-03-09 11:59"), 0);
    assert_int_equal(pass_at(d, "2027-03-09 12:01"), 1);
    assert_int_equal(sla_lines(d, id, "classify_overdue"), 1);
    /* the resolution warning (3 h) and breach (4 h), found long after: the
     * breach alone speaks; the warning is kept as raised and never comes */
    assert_int_equal(pass_at(d, "2027-03-09 20:00"), 1);
    assert_int_equal(sla_lines(d, id, "resolution_breach"), 1);
    assert_int_equal(sla_lines(d, id, "resolution_warning"), 0);
    assert_int_equal(pass_at(d, "2027-03-10 20:00"), 0);
    assert_int_equal(dbtest_int(d, sql_alerts, id), 5);
    assert_int_equal(dbtest_events(d, id, "sla", NULL), 4);
    /* the mails: the ticket has no owner, so each supervisor and admin, once */
    for (int i = 0; i < 2; i++) {
        const char *to = i ? "boss@unit.test" : "sun@unit.test";
        assert_int_equal(dbtest_mails(d, id, "sla_warning", to, NULL), 1);
        assert_int_equal(dbtest_mails(d, id, "sla_breach", to, NULL), 3);
    }
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, NULL), 1 + 8); /* and the confirmation */
    /* nothing left to raise */
    static const char sql_next[] = "SELECT next_alert_at IS NULL FROM tickets WHERE id = ?";
    assert_int_equal(dbtest_int(d, sql_next, id), 1);
}

static void an_answered_ticket_raises_no_first_response_alert(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long id = ticket_at(d, "2027-03-09 10:00", "company");
    assert_int_equal(ticket_claim(d, &li, id, 0), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-09 10:05");
    assert_int_equal(ticket_agent_message(d, &li, id, 0, "正在处理", false, NULL), OUTCOME_OK);
    assert_int_equal(pass_at(d, "2027-03-09 10:20"), 0);
    assert_int_equal(sla_lines(d, id, "first_response_warning"), 0);
    assert_int_equal(sla_lines(d, id, "first_response_breach"), 0);
    /* the next progress update (every 2 hours) falls due instead, to the owner */
    assert_int_equal(pass_at(d, "2027-03-09 12:04"), 0);
    assert_int_equal(pass_at(d, "2027-03-09 12:06"), 1);
    assert_int_equal(sla_lines(d, id, "update_due"), 1);
    assert_int_equal(dbtest_mails(d, id, "progress_update", "li@unit.test", NULL), 1);
    /* resolved: no clock runs any more */
    assert_int_equal(ticket_change_status(d, &li, id, 0, TS_RESOLVED, "已解决"), OUTCOME_OK);
    assert_int_equal(pass_at(d, "2027-03-09 20:00"), 0);
    assert_int_equal(dbtest_int(d, sql_alerts, id), 1);
}

static void an_unaccepted_assignment_reminds_after_the_teams_timeout(void **state)
{
    desk_t *d = *state;
    agent_t li, sun;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    assert_int_equal(routing_update_team(d, dbtest_team(d, "training"), DISPATCH_CLAIM, 45, 0),
                     OUTCOME_OK);
    dbtest_reload(d);
    long long id = ticket_at(d, "2027-03-09 10:00", "individual");
    assert_int_equal(ticket_assign(d, &sun, id, 0, li.id, 0, "熟悉"), OUTCOME_OK);
    ticket_t t;
    dbtest_load(d, id, &t);
    assert_at(t.accept_due_at, "2027-03-09 10:45");
    ticket_free(&t);
    assert_int_equal(pass_at(d, "2027-03-09 10:44"), 0);
    assert_int_equal(pass_at(d, "2027-03-09 10:46"), 1);
    ticket_event_t e;
    assert_int_equal(sla_lines(d, id, "accept_overdue"), 1);
    assert_int_equal(dbtest_events(d, id, "sla", &e), 1);
    assert_string_equal(e.new_value, "45"); /* the timeout that ran out */
    assert_int_equal(dbtest_mails(d, id, "acceptance_reminder", "li@unit.test", NULL), 1);
    assert_int_equal(dbtest_mails(d, id, "acceptance_reminder", "sun@unit.test", NULL), 1);
    /* accepted late: no reminder again */
    assert_int_equal(ticket_accept(d, &li, id, 0), OUTCOME_OK);
    assert_int_equal(pass_at(d, "2027-03-09 11:30"), 0);
}

static time_t next_update(desk_t *d, const char *level, const char *after)
{
    return sla_next_update(d, catalog_priority(&d->catalog, level), dbtest_local(after));
}

static void progress_updates_follow_the_levels_cadence(void **state)
{
    desk_t *d = *state;
    /* general: before 17:00 of the next working day */
    assert_at(next_update(d, "general", "2027-03-09 10:00"), "2027-03-10 17:00");
    assert_at(next_update(d, "general", "2027-03-12 10:00"), "2027-03-15 17:00");
    assert_at(next_update(d, "general", "2027-03-12 23:30"), "2027-03-15 17:00");
    assert_at(next_update(d, "general", "2027-03-13 10:00"), "2027-03-15 17:00");
    /* important: every 4 working hours; urgent: every 2 hours round the clock */
    assert_at(next_update(d, "important", "2027-03-09 10:00"), "2027-03-09 15:30");
    assert_at(next_update(d, "important", "2027-03-12 17:00"), "2027-03-15 12:00");
    assert_at(next_update(d, "urgent", "2027-03-14 03:00"), "2027-03-14 05:00");
    /* low: no cadence */
    assert_int_equal(next_update(d, "low", "2027-03-09 10:00"), 0);
    /* the alert falls at that moment, to the owner */
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long id = ticket_at(d, "2027-03-09 10:00", "individual");
    assert_int_equal(ticket_claim(d, &li, id, 0), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-09 10:05");
    assert_int_equal(ticket_agent_message(d, &li, id, 0, "已收到，正在排查", false, NULL),
                     OUTCOME_OK);
    assert_int_equal(pass_at(d, "2027-03-10 16:59"), 0);
    assert_int_equal(pass_at(d, "2027-03-10 17:01"), 1);
    assert_int_equal(sla_lines(d, id, "update_due"), 1);
    assert_int_equal(dbtest_mails(d, id, "progress_update", "li@unit.test", NULL), 1);
}

static const char sql_escalation_lines[] =
    "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'sla'"
    " AND field = 'escalation_overdue'";

static void an_unanswered_escalation_is_overdue_after_its_time(void **state)
{
    desk_t *d = *state;
    agent_t li, rnd, sun;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    dbtest_agent(d, "rnd", "agent", "rnd", false, &rnd);
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    long long late = ticket_at(d, "2027-03-09 10:00", "individual");
    long long answered = ticket_at(d, "2027-03-09 10:00", "individual");
    long long ids[] = {late, answered};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(ticket_claim(d, &li, ids[i], 0), OUTCOME_OK);
        assert_int_equal(ticket_escalate(d, &li, ids[i], 0, "疑似缺陷", "全部门", 0, 0), OUTCOME_OK);
    }
    /* due after 240 working minutes: 15:30 */
    pass_at(d, "2027-03-09 15:29");
    assert_int_equal(dbtest_int(d, sql_escalation_lines, late), 0);
    assert_int_equal(ticket_answer_escalation(d, &rnd, answered, 0, "补丁 5.2.1"), OUTCOME_OK);
    pass_at(d, "2027-03-09 15:31");
    assert_int_equal(dbtest_int(d, sql_escalation_lines, late), 1);
    assert_int_equal(dbtest_int(d, sql_escalation_lines, answered), 0);
    assert_int_equal(dbtest_mails(d, late, "escalation_due", "li@unit.test", NULL), 1);
    assert_int_equal(dbtest_mails(d, late, "escalation_due", "sun@unit.test", NULL), 1);
    /* once */
    pass_at(d, "2027-03-10 10:00");
    assert_int_equal(dbtest_int(d, sql_escalation_lines, late), 1);
}

static void the_pauses_come_from_the_history(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long id = ticket_at(d, "2027-03-09 10:00", "individual");
    assert_int_equal(ticket_claim(d, &li, id, 0), OUTCOME_OK);
    static const struct {
        const char *at;
        ticket_status_t to;
    } steps[] = {
        {"2027-03-09 10:30", TS_IN_PROGRESS},      {"2027-03-09 11:00", TS_WAITING_CUSTOMER},
        {"2027-03-09 14:00", TS_IN_PROGRESS},      {"2027-03-10 09:30", TS_WAITING_CUSTOMER},
    };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        dbtest_at_local(d, steps[i].at);
        assert_int_equal(ticket_change_status(d, &li, id, 0, steps[i].to, "等待"), OUTCOME_OK);
    }
    bizclock_pause_t p[4];
    assert_int_equal(sla_pauses(d, id, p, 4), 2);
    assert_at(p[0].from, "2027-03-09 11:00");
    assert_at(p[0].to, "2027-03-09 14:00");
    assert_at(p[1].from, "2027-03-10 09:30");
    assert_int_equal(p[1].to, 0); /* still waiting */
    /* while paused there is no resolution due; back at work it moves by the
     * working time paused (11:00-12:00 and 13:30-14:00, then 09:30-11:00: 3
     * hours) from Friday 10:00 */
    assert_int_equal(clocks(d, id).resolution, 0);
    dbtest_at_local(d, "2027-03-10 11:00");
    assert_int_equal(ticket_change_status(d, &li, id, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    assert_int_equal(sla_pauses(d, id, p, 4), 2);
    assert_at(p[1].to, "2027-03-10 11:00");
    assert_at(clocks(d, id).resolution, "2027-03-12 14:30");
    /* a clock set back (another server's, an adjustment) never makes a
     * pause end before it began */
    long long back = ticket_at(d, "2027-03-11 10:00", "individual");
    assert_int_equal(ticket_claim(d, &li, back, 0), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &li, back, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    assert_int_equal(ticket_change_status(d, &li, back, 0, TS_WAITING_CUSTOMER, NULL),
                     OUTCOME_OK);
    dbtest_at_local(d, "2027-03-11 09:50");
    assert_int_equal(ticket_change_status(d, &li, back, 0, TS_IN_PROGRESS, NULL), OUTCOME_OK);
    assert_int_equal(sla_pauses(d, back, p, 4), 1);
    assert_at(p[0].from, "2027-03-11 10:00");
    assert_at(p[0].to, "2027-03-11 10:00");
    assert_at(clocks(d, back).resolution, "2027-03-16 10:00");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(an_important_ticket_on_a_tuesday_morning),
        DBTEST(an_important_ticket_on_a_friday_evening),
        DBTEST(a_general_ticket_gets_whole_working_days),
        DBTEST(an_urgent_ticket_runs_round_the_clock),
        DBTEST(a_priority_change_counts_from_intake),
        DBTEST(a_policy_for_a_tag_overrides_the_level),
        DBTEST(waiting_on_the_customer_stops_the_resolution_clock),
        DBTEST(each_alert_is_raised_once_at_its_moment),
        DBTEST(an_answered_ticket_raises_no_first_response_alert),
        DBTEST(an_unaccepted_assignment_reminds_after_the_teams_timeout),
        DBTEST(progress_updates_follow_the_levels_cadence),
        DBTEST(an_unanswered_escalation_is_overdue_after_its_time),
        DBTEST(the_pauses_come_from_the_history),
    };
    return DBTEST_RUN("sla (database)", tests);
}
