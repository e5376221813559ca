/* Unit tests of lib/desk/queue.c against a real MariaDB (tests/unit/dbtest.h):
 * what each work list holds for whom (unassigned, mine, to accept,
 * collaborations, waiting, team, closed; another team's tickets never), the
 * at-risk and overdue lists moving with the clock, pages in next-due order
 * by key (ties by id, a supervisor's teams merged, nothing lost or shown
 * twice), closed ones most recently resolved first, forged cursors, the
 * keyword taken literally, and the capped counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbtest.h"
#include "desk/queue.h"
#include "desk/ticket/ticket_work.h"

static queue_page_t page; /* large: one for the binary */

typedef struct ids {
    long long v[256];
    int n;
} ids_t;

/* Every row of a queue, page after page; checks the key order on the way. */
static ids_t walk(desk_t *d, const agent_t *a, queue_kind_t k, const queue_filter_t *f,
                  int *pages)
{
    ids_t out = {.n = 0};
    char cursor[sizeof page.next_cursor] = "";
    time_t last_t = 0;
    long long last_id = 0;
    *pages = 0;
    do {
        assert_int_equal(queue_list(d, a, k, f, cursor, &page), 0);
        (*pages)++;
        assert_true(page.n == QUEUE_PAGE || !page.more);
        for (int i = 0; i < page.n; i++) {
            const queue_row_t *r = &page.rows[i];
            time_t t = k == Q_CLOSED ? r->closed_at : r->next_due_at;
            if (out.n) {
                if (k == Q_CLOSED) /* most recently resolved first */
                    assert_true(t < last_t || (t == last_t && r->id < last_id));
                else /* most urgent first */
                    assert_true(t > last_t || (t == last_t && r->id > last_id));
            }
            for (int j = 0; j < out.n; j++)
                assert_int_not_equal(out.v[j], r->id); /* never twice */
            assert_true(out.n < 256);
            out.v[out.n++] = r->id;
            last_t = t;
            last_id = r->id;
        }
        snprintf(cursor, sizeof cursor, "%s", page.next_cursor);
    } while (page.more && *pages < 20);
    assert_false(page.more);
    return out;
}

static ids_t list(desk_t *d, const agent_t *a, queue_kind_t k)
{
    int pages;
    return walk(d, a, k, NULL, &pages);
}

static bool has(const ids_t *s, long long id)
{
    for (int i = 0; i < s->n; i++)
        if (s->v[i] == id)
            return true;
    return false;
}

/* s holds exactly the n ids given. */
static void exactly(const ids_t *s, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        assert_true(has(s, va_arg(ap, long long)));
    va_end(ap);
    assert_int_equal(s->n, n);
}

static long long ticket(desk_t *d, const char *category, const char *impact)
{
    ticket_new_t in = dbtest_request(d, category);
    in.impact = impact;
    return dbtest_create(d, &in, NULL);
}

static void move(desk_t *d, const agent_t *a, long long id, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(ticket_change_status(d, a, id, 0, (ticket_status_t)va_arg(ap, int), "下一步"),
                         OUTCOME_OK);
    va_end(ap);
}

static void each_list_holds_what_it_says(void **state)
{
    desk_t *d = *state;
    agent_t li, zhao, qian, sun;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    dbtest_agent(d, "zhao", "agent", "training", false, &zhao);
    dbtest_agent(d, "qian", "agent", "aftersales", false, &qian);
    dbtest_agent(d, "sun", "supervisor", "supervisors", false, &sun);
    long long plain = ticket(d, "usage", "individual");
    long long claimed = ticket(d, "usage", "individual");
    assert_int_equal(ticket_claim(d, &li, claimed, 0), OUTCOME_OK);
    long long assigned = ticket(d, "usage", "individual");
    assert_int_equal(ticket_assign(d, &sun, assigned, 0, li.id, 0, "熟悉"), OUTCOME_OK);
    long long helped = ticket(d, "usage", "individual");
    assert_int_equal(ticket_claim(d, &zhao, helped, 0), OUTCOME_OK);
    assert_int_equal(ticket_add_collaborator(d, &zhao, helped, 0, li.id, "协助"), OUTCOME_OK);
    long long waiting = ticket(d, "usage", "individual");
    assert_int_equal(ticket_claim(d, &li, waiting, 0), OUTCOME_OK);
    move(d, &li, waiting, 1, TS_IN_PROGRESS);
    /* answered (the first response stops) and waiting (the resolution clock stops) */
    assert_int_equal(ticket_agent_reply(d, &li, waiting, 0, "请提供日志", NULL,
                                        TS_WAITING_CUSTOMER),
                     OUTCOME_OK);
    long long resolved = ticket(d, "usage", "individual");
    assert_int_equal(ticket_claim(d, &li, resolved, 0), OUTCOME_OK);
    move(d, &li, resolved, 1, TS_RESOLVED);
    long long closed = ticket(d, "usage", "individual");
    assert_int_equal(ticket_claim(d, &li, closed, 0), OUTCOME_OK);
    move(d, &li, closed, 2, TS_RESOLVED, TS_CLOSED);
    long long fault = ticket(d, "fault", "individual"); /* the after-sales team's */

    ids_t s = list(d, &li, Q_UNASSIGNED);
    exactly(&s, 1, plain);
    s = list(d, &li, Q_MINE);
    exactly(&s, 3, claimed, assigned, waiting);
    s = list(d, &li, Q_TO_ACCEPT);
    exactly(&s, 1, assigned);
    s = list(d, &li, Q_COLLAB);
    exactly(&s, 1, helped);
    s = list(d, &li, Q_WAITING);
    exactly(&s, 1, waiting);
    s = list(d, &li, Q_TEAM);
    exactly(&s, 5, plain, claimed, assigned, helped, waiting);
    s = list(d, &li, Q_CLOSED);
    exactly(&s, 2, resolved, closed);
    /* another team's lists */
    s = list(d, &qian, Q_UNASSIGNED);
    exactly(&s, 1, fault);
    s = list(d, &qian, Q_TEAM);
    exactly(&s, 1, fault);
    /* an agent asking for another team's queue gets nothing */
    queue_filter_t f = {.team_id = dbtest_team(d, "aftersales")};
    int pages;
    s = walk(d, &li, Q_TEAM, &f, &pages);
    exactly(&s, 0);
    /* a supervisor sees every team */
    s = list(d, &sun, Q_UNASSIGNED);
    exactly(&s, 2, plain, fault);
    s = walk(d, &sun, Q_TEAM, &f, &pages);
    exactly(&s, 1, fault);
    /* the counts say the same */
    long counts[Q_COUNT];
    assert_int_equal(queue_counts(d, &li, counts), 0);
    long want[Q_COUNT] = {[Q_UNASSIGNED] = 1, [Q_MINE] = 3, [Q_TO_ACCEPT] = 1, [Q_TEAM] = 5,
                          [Q_COLLAB] = 1,     [Q_WAITING] = 1, [Q_CLOSED] = 2};
    for (int k = 0; k < Q_COUNT; k++)
        if (k != Q_AT_RISK && k != Q_OVERDUE)
            assert_int_equal(counts[k], want[k]);
}

static void at_risk_and_overdue_move_with_the_clock(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long urgent = ticket(d, "usage", "company");     /* first response 10:15 */
    long long calm = ticket(d, "usage", "individual");    /* Wednesday 10:00 */
    assert_int_equal(ticket_claim(d, &li, urgent, 0), OUTCOME_OK);
    assert_int_equal(ticket_claim(d, &li, calm, 0), OUTCOME_OK);
    long counts[Q_COUNT];
    dbtest_at_local(d, "2027-03-09 10:05");
    ids_t s = list(d, &li, Q_AT_RISK); /* due within 2 hours */
    exactly(&s, 1, urgent);
    s = list(d, &li, Q_OVERDUE);
    exactly(&s, 0);
    assert_int_equal(queue_counts(d, &li, counts), 0);
    assert_int_equal(counts[Q_AT_RISK], 1);
    assert_int_equal(counts[Q_OVERDUE], 0);
    dbtest_at_local(d, "2027-03-09 10:16");
    s = list(d, &li, Q_AT_RISK);
    exactly(&s, 0);
    s = list(d, &li, Q_OVERDUE);
    exactly(&s, 1, urgent);
    /* at risk from two hours before its deadline */
    dbtest_at_local(d, "2027-03-10 07:59");
    s = list(d, &li, Q_AT_RISK);
    exactly(&s, 0);
    assert_int_equal(queue_counts(d, &li, counts), 0);
    assert_int_equal(counts[Q_AT_RISK], 0);
    dbtest_at_local(d, "2027-03-10 08:30");
    s = list(d, &li, Q_AT_RISK);
    exactly(&s, 1, calm);
    dbtest_at_local(d, "2027-03-10 10:01");
    s = list(d, &li, Q_OVERDUE);
    exactly(&s, 2, urgent, calm);
    assert_int_equal(queue_counts(d, &li, counts), 0);
    assert_int_equal(counts[Q_OVERDUE], 2);
    /* what is no longer open is neither */
    move(d, &li, urgent, 1, TS_RESOLVED);
    s = list(d, &li, Q_OVERDUE);
    exactly(&s, 1, calm);
}

static void pages_go_by_next_deadline_and_key(void **state)
{
    desk_t *d = *state;
    agent_t li, sun;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    dbtest_agent(d, "sun", "supervisor", "supervisors", false, &sun);
    long long usage[45], fault[25];
    /* made in an order that is not their deadlines' order, two at each minute */
    for (int i = 0; i < 70; i++) {
        char when[32];
        snprintf(when, sizeof when, "2027-03-09 09:%02d", (i * 37 % 70) / 2 + 10);
        dbtest_at_local(d, when);
        if (i < 45)
            usage[i] = ticket(d, "usage", "individual");
        else
            fault[i - 45] = ticket(d, "fault", "individual");
    }
    int pages;
    ids_t s = walk(d, &li, Q_TEAM, NULL, &pages);
    assert_int_equal(s.n, 45);
    assert_int_equal(pages, 2);
    for (int i = 0; i < 45; i++)
        assert_true(has(&s, usage[i]));
    /* a supervisor's teams merged into one order */
    s = walk(d, &sun, Q_TEAM, NULL, &pages);
    assert_int_equal(s.n, 70);
    assert_int_equal(pages, 3);
    for (int i = 0; i < 25; i++)
        assert_true(has(&s, fault[i]));
    s = walk(d, &sun, Q_UNASSIGNED, NULL, &pages);
    assert_int_equal(s.n, 70);
    /* a ticket claimed meanwhile leaves page 1: page 2 still starts where
     * it did (by key, not by offset: nothing skipped) */
    assert_int_equal(queue_list(d, &sun, Q_UNASSIGNED, NULL, NULL, &page), 0);
    assert_int_equal(page.rows[0].id, s.v[0]);
    char cursor[sizeof page.next_cursor];
    snprintf(cursor, sizeof cursor, "%s", page.next_cursor);
    assert_int_equal(ticket_claim(d, &sun, s.v[0], 0), OUTCOME_OK);
    assert_int_equal(queue_list(d, &sun, Q_UNASSIGNED, NULL, cursor, &page), 0);
    assert_int_equal(page.rows[0].id, s.v[QUEUE_PAGE]);
    assert_int_equal(page.n, QUEUE_PAGE);
}

static void closed_pages_show_the_latest_resolved_first(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long ids[35];
    for (int i = 0; i < 35; i++) {
        ids[i] = ticket(d, "usage", "individual");
        assert_int_equal(ticket_claim(d, &li, ids[i], 0), OUTCOME_OK);
    }
    for (int i = 0; i < 35; i++) {
        char when[32];
        snprintf(when, sizeof when, "2027-03-09 %02d:%02d", 11 + (i * 11 % 35) / 10,
                 (i * 11 % 35) % 10 * 5);
        dbtest_at_local(d, when);
        move(d, &li, ids[i], 1, TS_RESOLVED);
    }
    int pages;
    ids_t s = walk(d, &li, Q_CLOSED, NULL, &pages);
    assert_int_equal(s.n, 35);
    assert_int_equal(pages, 2);
    /* the last resolved (i = 19: 11 * 19 % 35 = 34, 14:20) comes first, the
     * first resolved (i = 0, 11:00) last */
    assert_int_equal(s.v[0], ids[19]);
    assert_int_equal(s.v[34], ids[0]);
}

static void a_forged_cursor_does_not_break_the_page(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long id = ticket(d, "usage", "individual");
    static const char *const forged[] = {"garbage", "-5.-7", "1.2.3", "", "9.x", "'; --"};
    for (size_t i = 0; i < sizeof forged / sizeof *forged; i++) {
        assert_int_equal(queue_list(d, &li, Q_TEAM, NULL, forged[i], &page), 0);
        assert_int_equal(page.n, 1);
        assert_int_equal(page.rows[0].id, id);
    }
    /* a cursor past the end is an empty page */
    assert_int_equal(queue_list(d, &li, Q_TEAM, NULL, "253402300000.1", &page), 0);
    assert_int_equal(page.n, 0);
    assert_false(page.more);
}

static void the_keyword_is_taken_literally(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    ticket_new_t in = dbtest_request(d, "usage");
    in.subject = "进度 100% 后卡住";
    long long percent = dbtest_create(d, &in, NULL);
    in = dbtest_request(d, "usage");
    in.subject = "进度 1000 后卡住";
    ticket_receipt_t r;
    long long other = dbtest_create(d, &in, &r);
    queue_filter_t f = {0};
    snprintf(f.keyword, sizeof f.keyword, "100%%");
    int pages;
    ids_t s = walk(d, &li, Q_TEAM, &f, &pages);
    exactly(&s, 1, percent);
    snprintf(f.keyword, sizeof f.keyword, "进度_1");
    s = walk(d, &li, Q_TEAM, &f, &pages);
    exactly(&s, 0);
    snprintf(f.keyword, sizeof f.keyword, "卡住");
    s = walk(d, &li, Q_TEAM, &f, &pages);
    exactly(&s, 2, percent, other);
    /* a number finds its ticket */
    snprintf(f.keyword, sizeof f.keyword, "%s", r.number);
    s = walk(d, &li, Q_TEAM, &f, &pages);
    exactly(&s, 1, other);
}

static void counts_stop_at_the_cap(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long counts[Q_COUNT];
    for (int i = 0; i < QUEUE_COUNT_CAP - 1; i++)
        ticket(d, "usage", "individual");
    assert_int_equal(queue_counts(d, &li, counts), 0);
    assert_int_equal(counts[Q_UNASSIGNED], QUEUE_COUNT_CAP - 1);
    ticket(d, "usage", "individual");
    ticket(d, "usage", "individual");
    assert_int_equal(queue_counts(d, &li, counts), 0);
    assert_int_equal(counts[Q_UNASSIGNED], QUEUE_COUNT_CAP);
    assert_int_equal(counts[Q_TEAM], QUEUE_COUNT_CAP);
    assert_int_equal(counts[Q_MINE], 0);
}

static long long by_channel(desk_t *d, const char *channel)
{
    ticket_new_t in = dbtest_request(d, "usage");
    in.channel = catalog_channel(&d->catalog, channel);
    assert_non_null(in.channel);
    return dbtest_create(d, &in, NULL);
}

static void filters_narrow_every_list(void **state)
{
    desk_t *d = *state;
    agent_t li, sun;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    dbtest_agent(d, "sun", "supervisor", "supervisors", false, &sun);
    long long plain = ticket(d, "usage", "individual");
    long long urgent = ticket(d, "usage", "company");
    long long fault = ticket(d, "fault", "individual");
    long long phoned = by_channel(d, "phone");
    assert_int_equal(ticket_claim(d, &li, urgent, 0), OUTCOME_OK);
    int pages;
    queue_filter_t f = {.category_id = catalog_category(&d->catalog, "usage")->id};
    ids_t s = walk(d, &sun, Q_TEAM, &f, &pages);
    exactly(&s, 3, plain, urgent, phoned);
    f = (queue_filter_t){.category_id = catalog_category(&d->catalog, "fault")->id};
    s = walk(d, &sun, Q_TEAM, &f, &pages);
    exactly(&s, 1, fault);
    f = (queue_filter_t){.priority_id = catalog_priority(&d->catalog, "urgent")->id};
    s = walk(d, &sun, Q_TEAM, &f, &pages);
    exactly(&s, 1, urgent);
    f = (queue_filter_t){.owner_id = li.id};
    s = walk(d, &sun, Q_TEAM, &f, &pages);
    exactly(&s, 1, urgent);
    f = (queue_filter_t){.channel_id = catalog_channel(&d->catalog, "phone")->id};
    s = walk(d, &sun, Q_TEAM, &f, &pages);
    exactly(&s, 1, phoned);
    snprintf(f.status, sizeof f.status, "accepted");
    s = walk(d, &sun, Q_TEAM, &f, &pages);
    exactly(&s, 0); /* every filter at once */
    f = (queue_filter_t){.category_id = catalog_category(&d->catalog, "usage")->id};
    snprintf(f.status, sizeof f.status, "new");
    s = walk(d, &li, Q_TEAM, &f, &pages);
    exactly(&s, 2, plain, phoned);
    /* a filter narrows, never widens: an urgent filter on the unassigned list */
    f = (queue_filter_t){.priority_id = catalog_priority(&d->catalog, "urgent")->id};
    s = walk(d, &li, Q_UNASSIGNED, &f, &pages);
    exactly(&s, 0);
    s = walk(d, &li, Q_MINE, &f, &pages);
    exactly(&s, 1, urgent);
    /* a filtered list pages by key like any other */
    long long more[QUEUE_PAGE + 2];
    for (int i = 0; i < QUEUE_PAGE + 2; i++) {
        more[i] = by_channel(d, "phone");
        ticket(d, "usage", "individual");
    }
    f = (queue_filter_t){.channel_id = catalog_channel(&d->catalog, "phone")->id};
    s = walk(d, &li, Q_TEAM, &f, &pages);
    assert_int_equal(pages, 2);
    assert_int_equal(s.n, QUEUE_PAGE + 3);
    for (int i = 0; i < QUEUE_PAGE + 2; i++)
        assert_true(has(&s, more[i]));
    assert_true(has(&s, phoned));
}

static void a_waiting_ticket_has_no_deadline_and_comes_last(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    long long waiting = ticket(d, "usage", "company");
    long long plain = ticket(d, "usage", "individual");
    assert_int_equal(ticket_claim(d, &li, waiting, 0), OUTCOME_OK);
    move(d, &li, waiting, 1, TS_IN_PROGRESS);
    /* answered (the first response stops) and waiting (the resolution clock stops) */
    assert_int_equal(ticket_agent_reply(d, &li, waiting, 0, "请提供日志", NULL,
                                        TS_WAITING_CUSTOMER),
                     OUTCOME_OK);
    assert_int_equal(queue_list(d, &li, Q_TEAM, NULL, NULL, &page), 0);
    assert_int_equal(page.n, 2);
    assert_int_equal(page.rows[0].id, plain);
    assert_false(queue_no_deadline(page.rows[0].next_due_at));
    assert_int_equal(page.rows[1].id, waiting);
    assert_true(queue_no_deadline(page.rows[1].next_due_at));
    /* never at risk or overdue, however late */
    dbtest_at_local(d, "2027-06-01 10:00");
    ids_t s = list(d, &li, Q_OVERDUE);
    exactly(&s, 1, plain);
    /* the lists by their names */
    for (int k = 0; k < Q_COUNT; k++)
        assert_int_equal(queue_parse(queue_code((queue_kind_t)k)), k);
    assert_int_equal(queue_parse("everything"), -1);
    assert_int_equal(queue_parse(NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(each_list_holds_what_it_says),
        DBTEST(at_risk_and_overdue_move_with_the_clock),
        DBTEST(pages_go_by_next_deadline_and_key),
        DBTEST(closed_pages_show_the_latest_resolved_first),
        DBTEST(a_forged_cursor_does_not_break_the_page),
        DBTEST(the_keyword_is_taken_literally),
        DBTEST(counts_stop_at_the_cap),
        DBTEST(filters_narrow_every_list),
        DBTEST(a_waiting_ticket_has_no_deadline_and_comes_last),
    };
    return DBTEST_RUN("queue (database)", tests);
}
