/* Unit tests of lib/desk/ticket/ticket_merge.c against a real MariaDB
 * (tests/unit/dbtest.h): one transaction closes the duplicate as merged with
 * every clock stopped, notes it on both tickets, audits it and mails the
 * customer; the survivor's thread holds the duplicate's; a refused merge
 * (another customer's ticket, no right to work on it) changes nothing; a
 * merged ticket is never changed again; merging a ticket that absorbed
 * others carries them along. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"
#include "desk/ticket/ticket_merge.h"
#include "desk/ticket/ticket_work.h"

static const char sql_open[] = "SELECT is_open FROM tickets WHERE id = ?";
static const char sql_alert_none[] = "SELECT next_alert_at IS NULL FROM tickets WHERE id = ?";
static const char sql_due_none[] = "SELECT next_due_at >= '9999-12-31' FROM tickets WHERE id = ?";
static const char sql_closed_at_none[] = "SELECT closed_at IS NULL FROM tickets WHERE id = ?";
static const char sql_merged_into[] = "SELECT COALESCE(merged_into_id, 0) FROM tickets WHERE id = ?";
static const char sql_audits[] =
    "SELECT COUNT(*) FROM audit_log WHERE entity = 'ticket' AND action = 'merge' AND ? > 0";

static long long ticket_of(desk_t *d, const char *email)
{
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = email;
    return dbtest_create(d, &in, NULL);
}

static void count_event(const ticket_event_t *e, void *ctx)
{
    int *n = ctx;
    n[0]++;
    if (*e->merged_from)
        n[1]++;
}

static ticket_by_t by(const agent_t *a) { return (ticket_by_t){.agent = a, .ip = "127.0.0.1"}; }

static void a_merge_closes_the_duplicate_stops_its_clocks_and_tells_everyone(void **state)
{
    desk_t *d = *state;
    agent_t sun;
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    long long dup = ticket_of(d, "wang@example.com"), keep = ticket_of(d, "wang@example.com");
    actor_t cust = {.type = "customer", .name = "王"};
    assert_int_equal(ticket_add_comment(d, dup, &cust, "三台都不行", false, NULL), OUTCOME_OK);
    int before[2] = {0, 0}, own[2] = {0, 0};
    ticket_each_event(d, dup, false, count_event, before);
    ticket_each_event(d, keep, false, count_event, own);
    assert_int_equal(dbtest_int(d, sql_alert_none, dup), 0); /* classification runs */

    ticket_by_t b = by(&sun);
    const char *why = "unset";
    assert_int_equal(ticket_merge(d, &b, dup, keep, "同一问题", &why), OUTCOME_OK);
    assert_null(why);
    ticket_t t;
    dbtest_load(d, dup, &t);
    assert_string_equal(t.status, "closed");
    assert_int_equal(t.merged_into, keep);
    ticket_free(&t);
    assert_int_equal(dbtest_int(d, sql_open, dup), 0);
    assert_int_equal(dbtest_int(d, sql_alert_none, dup), 1);   /* no alert, no survey */
    assert_int_equal(dbtest_int(d, sql_due_none, dup), 1);     /* no deadline runs */
    assert_int_equal(dbtest_int(d, sql_closed_at_none, dup), 1); /* not a closure by solving */
    assert_int_equal(dbtest_events(d, dup, "merged_into", NULL), 1);
    assert_int_equal(dbtest_events(d, keep, "merged_from", NULL), 1);
    assert_int_equal(dbtest_mails(d, dup, "ticket_merged", "wang@example.com", NULL), 1);
    assert_int_equal(dbtest_int(d, sql_audits, 1), 1);
    /* the survivor's thread: its own, the duplicate's (marked) and the merge */
    int after[2] = {0, 0};
    ticket_each_event(d, keep, false, count_event, after);
    assert_int_equal(after[0], own[0] + before[0] + 2);
    assert_int_equal(after[1], before[0] + 1);
    /* never changed again, not even by a supervisor */
    assert_int_equal(ticket_agent_message(d, &sun, dup, 0, "late", true, NULL), OUTCOME_CONFLICT);
    why = NULL;
    assert_int_equal(ticket_merge(d, &b, dup, keep, NULL, &why), OUTCOME_INVALID);
    assert_string_equal(why, "merged");
}

static void a_refused_merge_changes_nothing(void **state)
{
    desk_t *d = *state;
    agent_t sun, li;
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long dup = ticket_of(d, "wang@example.com"), other = ticket_of(d, "zhao@example.com");
    long long keep = ticket_of(d, "wang@example.com");
    ticket_t t;
    dbtest_load(d, dup, &t);
    long long version = t.version;
    ticket_free(&t);
    ticket_by_t b = by(&sun), l = by(&li);
    const char *why = NULL;
    assert_int_equal(ticket_merge(d, &b, dup, other, NULL, &why), OUTCOME_INVALID);
    assert_string_equal(why, "customers");
    assert_int_equal(ticket_merge(d, &b, dup, dup, NULL, &why), OUTCOME_INVALID);
    assert_string_equal(why, "self");
    why = NULL; /* sees the team's tickets, but works on none of them */
    assert_int_equal(ticket_merge(d, &l, dup, keep, NULL, &why), OUTCOME_FORBIDDEN);
    dbtest_load(d, dup, &t);
    assert_int_equal(t.version, version);
    assert_string_equal(t.status, "new");
    assert_int_equal(t.merged_into, 0);
    ticket_free(&t);
    assert_int_equal(dbtest_int(d, sql_open, dup), 1);
    assert_int_equal(dbtest_events(d, dup, "merged_into", NULL), 0);
    assert_int_equal(dbtest_mails(d, dup, "ticket_merged", NULL, NULL), 0);
    assert_int_equal(dbtest_int(d, sql_audits, 1), 0);
}

static void merging_a_survivor_carries_what_it_absorbed(void **state)
{
    desk_t *d = *state;
    agent_t sun;
    dbtest_agent(d, "sun", "supervisor", "supervisors", true, &sun);
    long long a = ticket_of(d, "wang@example.com"), b = ticket_of(d, "wang@example.com");
    long long c = ticket_of(d, "wang@example.com");
    ticket_by_t s = by(&sun);
    const char *why = NULL;
    assert_int_equal(ticket_merge(d, &s, a, b, NULL, &why), OUTCOME_OK);
    assert_int_equal(ticket_merge(d, &s, c, a, NULL, &why), OUTCOME_INVALID);
    assert_string_equal(why, "into_merged");
    assert_int_equal(ticket_merge(d, &s, b, c, NULL, &why), OUTCOME_OK);
    assert_int_equal(dbtest_int(d, sql_merged_into, a), c); /* one hop to the survivor */
    int n[2] = {0, 0};
    ticket_each_event(d, c, false, count_event, n);
    assert_true(n[1] >= 4); /* a's and b's created and merge entries */
    assert_int_equal(ticket_holds(d, c, a), 1);
    assert_int_equal(ticket_holds(d, b, a), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(a_merge_closes_the_duplicate_stops_its_clocks_and_tells_everyone),
        DBTEST(a_refused_merge_changes_nothing),
        DBTEST(merging_a_survivor_carries_what_it_absorbed),
    };
    return DBTEST_RUN("db_test_merge", tests);
}
