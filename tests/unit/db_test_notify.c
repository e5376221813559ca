/* Unit tests of lib/desk/notify/notify.c against a real MariaDB
 * (tests/unit/dbtest.h): which event queues which message to whom, in the
 * outbox, inside the transaction of its cause (rolled back with it), once
 * per event whatever the retries: the confirmation of a new ticket by e-mail
 * and, for who prefers the phone, by text message; a resolution once per
 * resolution; SLA alerts to the owner or the supervisors; the private link
 * at most once an hour; the survey a day after closure unless answered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbtest.h"
#include "desk/notify/notify.h"
#include "desk/people/people.h"
#include "desk/sla/sla.h"
#include "desk/sla/slapass.h"
#include "desk/survey.h"
#include "desk/ticket/ticket_work.h"

static long long ticket_for(desk_t *d, const char *email, const char *phone,
                            const char *preferred, const char *language)
{
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = email;
    in.phone = phone;
    in.preferred_contact = preferred;
    in.language = language;
    return dbtest_create(d, &in, NULL);
}

static void a_new_ticket_is_confirmed_to_its_contact(void **state)
{
    desk_t *d = *state;
    dbtest_mail_t m;
    ticket_t t;
    long long id = ticket_for(d, "wang@example.com", "13800138000", "email", "zh");
    dbtest_load(d, id, &t);
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, &m), 1);
    assert_string_equal(m.kind, "ticket_created");
    assert_string_equal(m.channel, "email");
    assert_string_equal(m.recipient, "wang@example.com");
    assert_string_equal(m.language, "zh");
    assert_non_null(strstr(m.subject, t.number));
    ticket_free(&t);
    /* in the customer's language */
    id = ticket_for(d, "smith@example.com", NULL, NULL, "en");
    assert_int_equal(dbtest_mails(d, id, "ticket_created", "smith@example.com", &m), 1);
    assert_string_equal(m.language, "en");
    /* who prefers the phone also gets a text message */
    id = ticket_for(d, "li@example.com", "13800138001", "phone", "zh");
    assert_int_equal(dbtest_mails(d, id, "ticket_created", "li@example.com", NULL), 1);
    assert_int_equal(dbtest_mails(d, id, "ticket_created", "13800138001", &m), 1);
    assert_string_equal(m.channel, "sms");
    /* a phone only, and the phone preferred: the text message alone */
    id = ticket_for(d, NULL, "13800138002", "phone", "zh");
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, &m), 1);
    assert_string_equal(m.channel, "sms");
    /* no address at all: nothing to send, and no error */
    id = ticket_for(d, NULL, NULL, NULL, "zh");
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, NULL), 0);
    /* a number no gateway takes does not cost the customer the ticket */
    id = ticket_for(d, "zhou@example.com", "12", "phone", "zh");
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, &m), 1);
    assert_string_equal(m.channel, "email");
}

static void a_message_exists_exactly_when_its_cause_committed(void **state)
{
    desk_t *d = *state;
    long long id = ticket_for(d, "wang@example.com", NULL, NULL, "zh");
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(notify_resolved(d, id, 1, "已更换主板"), 0);
    assert_int_equal(dbtest_mails(d, id, "ticket_resolved", NULL, NULL), 1); /* inside */
    db_rollback(&d->db);
    assert_int_equal(dbtest_mails(d, id, "ticket_resolved", NULL, NULL), 0);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(notify_resolved(d, id, 1, "已更换主板"), 0);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    assert_int_equal(dbtest_mails(d, id, "ticket_resolved", "wang@example.com", NULL), 1);
    /* the same event again (a retried change): still one */
    assert_int_equal(notify_resolved(d, id, 1, "已更换主板"), 0);
    assert_int_equal(dbtest_mails(d, id, "ticket_resolved", NULL, NULL), 1);
}

static void each_resolution_mails_the_customer_once(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long id = ticket_for(d, "wang@example.com", NULL, NULL, "zh");
    assert_int_equal(ticket_claim(d, &li, id, 0), OUTCOME_OK);
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, NULL), 1); /* the confirmation; a claim mails nobody */
    static const ticket_status_t path[] = {TS_IN_PROGRESS, TS_RESOLVED, TS_IN_PROGRESS,
                                           TS_RESOLVED};
    int want[] = {0, 1, 1, 2};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(ticket_change_status(d, &li, id, 0, path[i], "已更换主板"), OUTCOME_OK);
        assert_int_equal(dbtest_mails(d, id, "ticket_resolved", "wang@example.com", NULL),
                         want[i]);
    }
    /* closing after the resolution sends nothing more */
    assert_int_equal(ticket_change_status(d, &li, id, 0, TS_CLOSED, NULL), OUTCOME_OK);
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, NULL), 3);
}

static const char sql_quiet[] = "UPDATE agents SET email = NULL WHERE id = ?";

static void alerts_go_to_the_owner_or_the_supervisors(void **state)
{
    desk_t *d = *state;
    agent_t li, sun, boss, mute, gone;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    dbtest_agent(d, "boss", "admin", "", true, &boss);
    dbtest_agent(d, "mute", "supervisor", "supervisors", true, &mute);
    dbtest_agent(d, "gone", "supervisor", "supervisors", true, &gone);
    assert_int_equal(db_exec(&d->db, sql_quiet, "i", mute.id), 1); /* no address */
    assert_int_equal(people_set_active(d, gone.id, false), OUTCOME_OK);
    long long id = ticket_for(d, NULL, NULL, NULL, "zh");
    time_t due = desk_now(d) + 3600;
    /* an owner's breach: the owner alone */
    assert_int_equal(notify_sla_alert(d, id, SLA_FIRST_RESPONSE_BREACH, due, li.id), 0);
    assert_int_equal(dbtest_mails(d, id, "sla_breach", NULL, NULL), 1);
    assert_int_equal(dbtest_mails(d, id, "sla_breach", "li@unit.test", NULL), 1);
    /* classification overdue: the supervisors and admins too, with an address and active */
    assert_int_equal(notify_sla_alert(d, id, SLA_CLASSIFY_OVERDUE, due, li.id), 0);
    assert_int_equal(dbtest_mails(d, id, "sla_breach", NULL, NULL), 4);
    assert_int_equal(dbtest_mails(d, id, "sla_breach", "sun@unit.test", NULL), 1);
    assert_int_equal(dbtest_mails(d, id, "sla_breach", "boss@unit.test", NULL), 1);
    assert_int_equal(dbtest_mails(d, id, "sla_breach", "gone@unit.test", NULL), 0);
    /* nobody owns it: the supervisors */
    assert_int_equal(notify_sla_alert(d, id, SLA_RESOLUTION_WARNING, due, 0), 0);
    assert_int_equal(dbtest_mails(d, id, "sla_warning", NULL, NULL), 2);
    /* the same alert of the same deadline once; a new deadline is a new alert */
    assert_int_equal(notify_sla_alert(d, id, SLA_RESOLUTION_WARNING, due, 0), 0);
    assert_int_equal(dbtest_mails(d, id, "sla_warning", NULL, NULL), 2);
    assert_int_equal(notify_sla_alert(d, id, SLA_RESOLUTION_WARNING, due + 600, 0), 0);
    assert_int_equal(dbtest_mails(d, id, "sla_warning", NULL, NULL), 4);
    /* the template of each clock */
    assert_int_equal(notify_sla_alert(d, id, SLA_ACCEPT_OVERDUE, due, li.id), 0);
    assert_int_equal(dbtest_mails(d, id, "acceptance_reminder", NULL, NULL), 3);
    assert_int_equal(notify_sla_alert(d, id, SLA_UPDATE_DUE, due, li.id), 0);
    assert_int_equal(dbtest_mails(d, id, "progress_update", "li@unit.test", NULL), 1);
    assert_int_equal(notify_sla_alert(d, id, SLA_ESCALATION_OVERDUE, due, li.id), 0);
    assert_int_equal(dbtest_mails(d, id, "escalation_due", NULL, NULL), 3);
}

static void the_private_link_at_most_once_an_hour(void **state)
{
    desk_t *d = *state;
    long long id = ticket_for(d, "wang@example.com", NULL, NULL, "zh");
    dbtest_at_local(d, "2027-03-09 10:05");
    assert_int_equal(notify_follow_link(d, id, desk_now(d)), 0);
    assert_int_equal(dbtest_mails(d, id, "ticket_created", "wang@example.com", NULL), 2);
    dbtest_at_local(d, "2027-03-09 10:55");
    assert_int_equal(notify_follow_link(d, id, desk_now(d)), 0);
    assert_int_equal(dbtest_mails(d, id, "ticket_created", NULL, NULL), 2);
    dbtest_at_local(d, "2027-03-09 11:01");
    assert_int_equal(notify_follow_link(d, id, desk_now(d)), 0);
    assert_int_equal(dbtest_mails(d, id, "ticket_created", NULL, NULL), 3);
}

static long long closed_ticket(desk_t *d, const agent_t *a, const char *email)
{
    long long id = ticket_for(d, email, NULL, NULL, "zh");
    assert_int_equal(ticket_claim(d, a, id, 0), OUTCOME_OK);
    static const ticket_status_t path[] = {TS_IN_PROGRESS, TS_RESOLVED, TS_CLOSED};
    for (int i = 0; i < 3; i++)
        assert_int_equal(ticket_change_status(d, a, id, 0, path[i], "完成"), OUTCOME_OK);
    return id;
}

static void the_survey_comes_a_day_after_closure_unless_answered(void **state)
{
    desk_t *d = *state;
    agent_t li;
    int tickets, raised;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long quiet = closed_ticket(d, &li, "quiet@example.com");
    long long prompt = closed_ticket(d, &li, "prompt@example.com");
    survey_t s = {.resolution = 5, .speed = 4, .attitude = 5, .suggestions = "很好"};
    assert_int_equal(survey_record(d, prompt, &s, NULL), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-10 09:59");
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_mails(d, quiet, "survey_invitation", NULL, NULL), 0);
    dbtest_at_local(d, "2027-03-10 10:01");
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_mails(d, quiet, "survey_invitation", "quiet@example.com", NULL), 1);
    assert_int_equal(dbtest_mails(d, prompt, "survey_invitation", NULL, NULL), 0);
    dbtest_at_local(d, "2027-03-12 10:00");
    assert_int_equal(sla_pass(d, 100, &tickets, &raised), 0);
    assert_int_equal(dbtest_mails(d, quiet, "survey_invitation", NULL, NULL), 1);
}

static const char sql_last_body[] =
    "SELECT body FROM outbox WHERE ticket_id = ? AND kind = ? ORDER BY id DESC LIMIT 1";

/* The text of the last message of a kind of a ticket; free() it. */
static char *last_body(desk_t *d, long long ticket, const char *kind)
{
    char *body = NULL;
    assert_int_equal(db_row(&d->db, sql_last_body, "is", "S", ticket, kind, &body), 1);
    assert_non_null(body);
    return body;
}

static void a_reply_reaches_the_customer_in_their_language_with_their_link(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = "smith@example.com";
    in.language = "en";
    long long id = dbtest_create(d, &in, NULL);
    assert_int_equal(ticket_claim(d, &li, id, 0), OUTCOME_OK);
    assert_int_equal(ticket_agent_message(d, &li, id, 0, "Please restart the spooler.", false,
                                          NULL),
                     OUTCOME_OK);
    dbtest_mail_t m;
    assert_int_equal(dbtest_mails(d, id, "ticket_reply", "smith@example.com", &m), 1);
    assert_string_equal(m.language, "en");
    char token[TOKEN_TEXT_LEN + 1], link[512];
    ticket_follow_token(d, in.submit_key, token);
    snprintf(link, sizeof link, "%s/t/%s", d->base_url, token);
    char *body = last_body(d, id, "ticket_reply");
    assert_non_null(strstr(body, "Please restart the spooler."));
    assert_non_null(strstr(body, link));
    free(body);
    /* the same reply again (a retried transaction) is not mailed twice */
    ticket_event_t e;
    assert_int_equal(dbtest_events(d, id, "reply", &e), 1);
    assert_int_equal(notify_customer_reply(d, id, e.id, "Please restart the spooler."), 0);
    assert_int_equal(dbtest_mails(d, id, "ticket_reply", NULL, NULL), 1);
    /* internal notes never reach the customer */
    assert_int_equal(ticket_agent_message(d, &li, id, 0, "客户不太配合", true, NULL), OUTCOME_OK);
    assert_int_equal(dbtest_mails(d, id, NULL, NULL, NULL), 2);
    /* a customer without an address: the reply is kept, nothing is queued */
    long long silent = ticket_for(d, NULL, "13800138001", NULL, "zh");
    assert_int_equal(ticket_claim(d, &li, silent, 0), OUTCOME_OK);
    assert_int_equal(ticket_agent_message(d, &li, silent, 0, "请回电", false, NULL), OUTCOME_OK);
    assert_int_equal(dbtest_events(d, silent, "reply", NULL), 1);
    assert_int_equal(dbtest_mails(d, silent, "ticket_reply", NULL, NULL), 0);
}

static const char sql_speaks_english[] = "UPDATE agents SET language = 'en' WHERE id = ?";

static void an_assignment_mails_the_assignee_in_their_language_once(void **state)
{
    desk_t *d = *state;
    agent_t li, smith, gone;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    dbtest_agent(d, "smith", "agent", "training", false, &smith);
    dbtest_agent(d, "gone", "agent", "training", false, &gone);
    assert_int_equal(db_exec(&d->db, sql_speaks_english, "i", smith.id), 1);
    assert_int_equal(people_set_active(d, gone.id, false), OUTCOME_OK);
    long long id = ticket_for(d, NULL, NULL, NULL, "zh");
    time_t due = desk_now(d) + 1800;
    assert_int_equal(notify_assignment(d, id, smith.id, due), 0);
    dbtest_mail_t m;
    assert_int_equal(dbtest_mails(d, id, "new_assignment", "smith@unit.test", &m), 1);
    assert_string_equal(m.language, "en");
    char *body = last_body(d, id, "new_assignment");
    assert_non_null(strstr(body, "/agent/t/"));
    free(body);
    /* the same assignment once; assigned again later, mailed again */
    assert_int_equal(notify_assignment(d, id, smith.id, due), 0);
    assert_int_equal(dbtest_mails(d, id, "new_assignment", NULL, NULL), 1);
    assert_int_equal(notify_assignment(d, id, smith.id, due + 3600), 0);
    assert_int_equal(dbtest_mails(d, id, "new_assignment", NULL, NULL), 2);
    /* nobody who left */
    assert_int_equal(notify_assignment(d, id, gone.id, due), 0);
    assert_int_equal(dbtest_mails(d, id, "new_assignment", "gone@unit.test", NULL), 0);
    assert_int_equal(notify_assignment(d, id, li.id, due), 0);
    assert_int_equal(dbtest_mails(d, id, "new_assignment", "li@unit.test", &m), 1);
    assert_string_equal(m.language, "zh");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(a_new_ticket_is_confirmed_to_its_contact),
        DBTEST(a_message_exists_exactly_when_its_cause_committed),
        DBTEST(each_resolution_mails_the_customer_once),
        DBTEST(alerts_go_to_the_owner_or_the_supervisors),
        DBTEST(the_private_link_at_most_once_an_hour),
        DBTEST(the_survey_comes_a_day_after_closure_unless_answered),
        DBTEST(a_reply_reaches_the_customer_in_their_language_with_their_link),
        DBTEST(an_assignment_mails_the_assignee_in_their_language_once),
    };
    return DBTEST_RUN("notify (database)", tests);
}
