/* The temporary workaround and its clock against MariaDB
 * (lib/desk/ticket/workaround.h): the rule the admins set gives a ticket
 * the clock at intake and when its category or priority changes, one
 * working day in business time from intake; the scheduler's pass raises
 * its warning and its breach once each; sending the workaround records it,
 * answers and mails the customer like a reply, and stops the clock as met
 * or missed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dbtest.h"
#include "desk/catalog/catalog.h"
#include "desk/settings.h"
#include "desk/sla/slapass.h"
#include "desk/ticket/priority_request.h"
#include "desk/ticket/ticket_work.h"
#include "desk/ticket/workaround.h"

static void rule(desk_t *d, const char *priorities, const char *categories, const char *lr)
{
    const char *names[] = {"Workaround.Priorities", "Workaround.Categories",
                           "Workaround.LongResolution"};
    const char *values[] = {priorities, categories, lr};
    for (int i = 0; i < 3; i++) {
        char *old = NULL;
        assert_true(settings_put(&d->db, names[i], values[i], &old) >= 0);
        free(old);
    }
    dbtest_reload(d);
}

static long long ticket_of(desk_t *d, const char *category, const char *impact)
{
    ticket_new_t in = dbtest_request(d, category);
    in.impact = impact;
    in.email = "wang@example.com";
    return dbtest_create(d, &in, NULL);
}

static const char sql_clock[] =
    "SELECT COALESCE(UNIX_TIMESTAMP(workaround_due_at), 0) FROM tickets WHERE id = ?";
static const char sql_warn[] =
    "SELECT COALESCE(UNIX_TIMESTAMP(workaround_warn_at), 0) FROM tickets WHERE id = ?";
static const char sql_alerts[] =
    "SELECT COUNT(*) FROM sla_alerts WHERE ticket_id = ? AND kind LIKE 'workaround%'";
static const char sql_warnings[] =
    "SELECT COUNT(*) FROM sla_alerts WHERE ticket_id = ? AND kind = 'workaround_warning'";
static const char sql_breaches[] =
    "SELECT COUNT(*) FROM sla_alerts WHERE ticket_id = ? AND kind = 'workaround_breach'";
static const char sql_saved[] = "SELECT COUNT(*) FROM ticket_workarounds WHERE ticket_id = ?";

static time_t due_of(desk_t *d, long long id) { return (time_t)dbtest_int(d, sql_clock, id); }

static void the_rule_names_priorities_categories_or_long_resolutions(void **state)
{
    (void)state;
    workaround_rule_t r = {.priorities = "urgent", .categories = "complaint, fault"};
    assert_true(workaround_rule_applies(&r, "urgent", "usage", 0, 100));
    assert_true(workaround_rule_applies(&r, "general", "fault", 0, 100));
    assert_false(workaround_rule_applies(&r, "general", "usage", 500, 100));
    assert_false(workaround_rule_applies(&r, "urgen", "complain", 0, 100)); /* whole codes only */
    r.long_resolution = true;
    assert_true(workaround_rule_applies(&r, "general", "usage", 500, 100));
    assert_false(workaround_rule_applies(&r, "general", "usage", 100, 100)); /* not longer */
    assert_false(workaround_rule_applies(&r, "general", "usage", 0, 100));   /* no target */
    workaround_rule_t none = {.priorities = "", .categories = ""};
    assert_false(workaround_rule_applies(&none, "urgent", "complaint", 500, 100));
}

static void a_complaint_of_friday_afternoon_is_due_on_monday(void **state)
{
    desk_t *d = *state;
    long long before = ticket_of(d, "complaint", "individual");
    assert_int_equal(due_of(d, before), 0); /* no rule yet */
    rule(d, "urgent", "complaint", "0");
    dbtest_at_local(d, "2027-03-12 16:30"); /* a Friday */
    long long id = ticket_of(d, "complaint", "individual");
    assert_int_equal(due_of(d, id), dbtest_local("2027-03-15 16:30"));
    time_t warn = (time_t)dbtest_int(d, sql_warn, id);
    assert_true(warn > dbtest_local("2027-03-15 09:00") && warn < due_of(d, id));
    long long usage = ticket_of(d, "usage", "individual");
    assert_int_equal(due_of(d, usage), 0); /* neither urgent nor a complaint */
    /* raised to urgent: the clock starts, on the urgent calendar (7x24) */
    agent_t sun;
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    assert_int_equal(ticket_request_priority(d, &sun, usage, 0,
                                             catalog_priority(&d->catalog, "urgent"), "影响扩大"),
                     OUTCOME_OK);
    assert_int_equal(due_of(d, usage), dbtest_local("2027-03-13 16:30"));
}

static void the_pass_warns_and_alerts_once_each(void **state)
{
    desk_t *d = *state;
    rule(d, "", "complaint", "0");
    dbtest_at_local(d, "2027-03-12 16:30");
    long long id = ticket_of(d, "complaint", "individual");
    int tickets, raised;
    dbtest_at(d, (time_t)dbtest_int(d, sql_warn, id));
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_warnings, id), 1);
    assert_int_equal(dbtest_int(d, sql_breaches, id), 0);
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_warnings, id), 1);
    dbtest_at(d, due_of(d, id) + 60);
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_alerts, id), 2);
    assert_int_equal(dbtest_events(d, id, "sla", NULL) >= 2, 1);
}

static void sending_stops_the_clock_met_or_missed(void **state)
{
    desk_t *d = *state;
    rule(d, "", "complaint", "0");
    agent_t sun;
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    long long late = ticket_of(d, "complaint", "individual");
    long long soon = ticket_of(d, "complaint", "individual");
    assert_int_equal(ticket_send_workaround(d, &sun, soon, 0, "", NULL, 0), OUTCOME_INVALID);
    assert_int_equal(ticket_send_workaround(d, &sun, soon, 0, "改用手工对账", "", 0), OUTCOME_OK);
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, soon, "workaround", &e), 1);
    assert_string_equal(e.visibility, "public");
    assert_string_equal(e.new_value, "met");
    assert_int_equal(dbtest_int(d, sql_saved, soon), 1);
    assert_true(dbtest_mails(d, soon, NULL, "wang@example.com", NULL) >= 2); /* receipt, workaround */
    workaround_t w;
    assert_int_equal(workaround_latest(d, soon, &w), 1);
    assert_string_equal(w.measures, "改用手工对账");
    assert_null(w.compensation);
    workaround_free(&w);

    dbtest_at(d, due_of(d, late) + 3600);
    assert_int_equal(ticket_send_workaround(d, &sun, late, 0, "备用通道", "免一个月服务费",
                                            dbtest_local("2027-04-01 18:00")),
                     OUTCOME_OK);
    assert_int_equal(dbtest_events(d, late, "workaround", &e), 1);
    assert_string_equal(e.new_value, "missed");
    time_t due = 0, sent = 0;
    assert_int_equal(workaround_clock(d, late, &due, &sent), 0);
    assert_true(due > 0 && sent > due);
    /* stopped: the pass raises nothing for it, a second workaround changes nothing */
    int tickets, raised;
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_int(d, sql_alerts, late), 0);
    assert_int_equal(ticket_send_workaround(d, &sun, late, 0, "再补充", NULL, 0), OUTCOME_OK);
    assert_int_equal(dbtest_events(d, late, "workaround", &e), 2);
    assert_null(e.new_value[0] ? e.new_value : NULL);
    time_t sent2 = 0;
    assert_int_equal(workaround_clock(d, late, &due, &sent2), 0);
    assert_int_equal(sent2, sent);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_rule_names_priorities_categories_or_long_resolutions),
        DBTEST(a_complaint_of_friday_afternoon_is_due_on_monday),
        DBTEST(the_pass_warns_and_alerts_once_each),
        DBTEST(sending_stops_the_clock_met_or_missed),
    };
    return DBTEST_RUN("workaround (database)", tests);
}
