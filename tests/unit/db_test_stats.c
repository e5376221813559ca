/* Unit tests of lib/desk/stats/ against a real MariaDB (tests/unit/dbtest.h):
 * a known history of seven tickets over February and March 2027 (answered
 * in and out of office hours, resolved, reopened and resolved again, one
 * never answered, one left open across the month's start), and every
 * figure of March, of February (its previous period) and of March 2026 (a
 * year earlier) asserted exactly: volume, backlog, first-response and
 * resolution times in wall and business time (mean, median, 90th
 * percentile, maximum), SLA met / breached / running per clock, the daily
 * trend, the breakdowns; the tickets behind the numbers; the rows written
 * by a rebuild equal to those kept by the transactions; and the scope of
 * an agent. The clock is the test clock: the same at any hour of any day. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"
#include "desk/customer/tags.h"
#include "desk/stats/facts.h"
#include "desk/stats/report.h"
#include "desk/stats/tables.h"
#include "desk/ticket/ticket_work.h"

#define MINUTE 60LL

typedef struct history {
    agent_t li, sun;
    long long t[8]; /* t[1] .. t[7] */
} history_t;

static long long at(desk_t *d, const char *when, const priority_t *p)
{
    dbtest_at_local(d, when);
    ticket_new_t in = dbtest_request(d, "usage");
    in.priority = p;
    return dbtest_create(d, &in, NULL);
}

static void reply(desk_t *d, const agent_t *a, long long id, const char *when)
{
    dbtest_at_local(d, when);
    assert_int_equal(ticket_agent_reply(d, a, id, 0, "已收到，正在处理", NULL, -1), OUTCOME_OK);
}

static void status(desk_t *d, const agent_t *a, long long id, const char *when,
                   ticket_status_t to)
{
    dbtest_at_local(d, when);
    assert_int_equal(ticket_change_status(d, a, id, 0, to, "处理结果"), OUTCOME_OK);
}

/* The important level: first response 2 working hours, resolution 1 working
 * day, on 09:00-12:00 and 13:30-18:00 Monday to Friday (Asia/Shanghai). */
static void make_history(desk_t *d, history_t *h)
{
    const priority_t *p = catalog_priority(&d->catalog, "important");
    assert_non_null(p);
    dbtest_agent(d, "li", "agent", "training", false, &h->li);
    dbtest_agent(d, "sun", "supervisor", "supervisors", false, &h->sun);
    const agent_t *li = &h->li;
    /* February: t6 answered and resolved at once, t7 never answered */
    h->t[6] = at(d, "2027-02-22 09:00", p);
    assert_int_equal(ticket_claim(d, li, h->t[6], 0), OUTCOME_OK);
    reply(d, li, h->t[6], "2027-02-22 09:30");
    status(d, li, h->t[6], "2027-02-22 10:00", TS_RESOLVED);
    h->t[7] = at(d, "2027-02-26 16:00", p);
    /* March 1 (Monday): t1 in office hours, t2 an hour before closing */
    h->t[1] = at(d, "2027-03-01 09:00", p);
    assert_int_equal(ticket_claim(d, li, h->t[1], 0), OUTCOME_OK);
    reply(d, li, h->t[1], "2027-03-01 09:30");
    status(d, li, h->t[1], "2027-03-01 11:00", TS_RESOLVED);
    h->t[2] = at(d, "2027-03-01 17:00", p);
    assert_int_equal(ticket_claim(d, li, h->t[2], 0), OUTCOME_OK);
    reply(d, li, h->t[2], "2027-03-02 10:00");
    status(d, li, h->t[2], "2027-03-02 15:00", TS_RESOLVED);
    /* t3 answered late and never resolved; t4 never answered */
    h->t[3] = at(d, "2027-03-03 09:00", p);
    assert_int_equal(ticket_claim(d, li, h->t[3], 0), OUTCOME_OK);
    reply(d, li, h->t[3], "2027-03-03 14:00");
    h->t[4] = at(d, "2027-03-04 10:00", p);
    /* t5 resolved on Friday, reopened and resolved again on Monday */
    h->t[5] = at(d, "2027-03-05 09:00", p);
    assert_int_equal(ticket_claim(d, li, h->t[5], 0), OUTCOME_OK);
    reply(d, li, h->t[5], "2027-03-05 09:10");
    status(d, li, h->t[5], "2027-03-05 09:20", TS_RESOLVED);
    status(d, li, h->t[5], "2027-03-08 10:00", TS_IN_PROGRESS);
    status(d, li, h->t[5], "2027-03-08 11:00", TS_RESOLVED);
    dbtest_at_local(d, "2027-03-09 10:00");
}

static void month(const char *day, stats_period_t p[3])
{
    assert_int_equal(stats_period_make(SK_MONTH, day, NULL, 0, &p[0]), 0);
    stats_period_previous(&p[0], &p[1]);
    stats_period_year_before(&p[0], &p[2]);
}

static void times_are(const stats_times_t *t, long long n, long long mean, long long median,
                      long long p90, long long max)
{
    assert_int_equal(t->n, n);
    assert_int_equal(t->mean, mean);
    assert_int_equal(t->median, median);
    assert_int_equal(t->p90, p90);
    assert_int_equal(t->max, max);
}

static void every_figure_of_the_known_history(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t p[3];
    month("2027-03-15", p);
    stats_filter_t all = {0};
    stats_summary_t s;
    time_t now = desk_now(d);

    assert_int_equal(stats_summary(d, &all, &p[0], now, &s), 0);
    assert_int_equal(s.created, 5);
    assert_int_equal(s.closed, 4); /* t5 twice */
    assert_int_equal(s.reopened, 1);
    assert_int_equal(s.backlog_start, 1); /* t7 */
    assert_int_equal(s.backlog_end, 3);   /* t3, t4, t7 */
    /* answered: 10, 30, 300, 1020 minutes; in business time 10, 30, 120, 210 */
    times_are(&s.first_response, 4, 340 * MINUTE, 30 * MINUTE, 1020 * MINUTE, 1020 * MINUTE);
    times_are(&s.first_response_biz, 4, 5550, 30 * MINUTE, 210 * MINUTE, 210 * MINUTE);
    /* resolved: 120, 1320, 4440 minutes; in business time 120, 330, 570 */
    times_are(&s.resolution, 3, 1960 * MINUTE, 1320 * MINUTE, 4440 * MINUTE, 4440 * MINUTE);
    times_are(&s.resolution_biz, 3, 340 * MINUTE, 330 * MINUTE, 570 * MINUTE, 570 * MINUTE);
    assert_int_equal(s.sla_first_response.met, 3);
    assert_int_equal(s.sla_first_response.breached, 2); /* t3 late, t4 overdue */
    assert_int_equal(s.sla_first_response.running, 0);
    assert_int_equal(s.sla_resolution.met, 2);
    assert_int_equal(s.sla_resolution.breached, 3); /* t3, t4 overdue, t5 late */
    assert_int_equal(s.sla_resolution.running, 0);

    assert_int_equal(stats_summary(d, &all, &p[1], now, &s), 0); /* February */
    assert_int_equal(s.created, 2);
    assert_int_equal(s.closed, 1);
    assert_int_equal(s.reopened, 0);
    assert_int_equal(s.backlog_start, 0);
    assert_int_equal(s.backlog_end, 1);
    times_are(&s.first_response, 1, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE);
    times_are(&s.resolution_biz, 1, 60 * MINUTE, 60 * MINUTE, 60 * MINUTE, 60 * MINUTE);
    assert_int_equal(s.sla_first_response.met, 1);
    assert_int_equal(s.sla_first_response.breached, 1);
    assert_int_equal(s.sla_resolution.met, 1);
    assert_int_equal(s.sla_resolution.breached, 1);

    assert_int_equal(stats_summary(d, &all, &p[2], now, &s), 0); /* March 2026 */
    assert_int_equal(s.created + s.closed + s.backlog_start + s.backlog_end, 0);
    assert_int_equal(s.first_response.n + s.resolution.n, 0);
}

static void the_trend_and_the_breakdowns(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t p[3];
    month("2027-03-01", p);
    stats_filter_t all = {0};
    assert_int_equal(p[0].days, 31);
    long long created[STATS_MAX_DAYS], closed[STATS_MAX_DAYS];
    assert_int_equal(stats_daily(d, &all, &p[0], created, closed), 0);
    long long want_created[31] = {[0] = 2, [2] = 1, [3] = 1, [4] = 1};
    long long want_closed[31] = {[0] = 1, [1] = 1, [4] = 1, [7] = 1};
    for (int i = 0; i < 31; i++) {
        assert_int_equal(created[i], want_created[i]);
        assert_int_equal(closed[i], want_closed[i]);
    }
    stats_count_t rows[8];
    assert_int_equal(stats_by(d, &all, &p[0], SD_CATEGORY, rows, 8), 1);
    assert_int_equal(rows[0].id, catalog_category(&d->catalog, "usage")->id);
    assert_int_equal(rows[0].created, 5);
    assert_int_equal(rows[0].closed, 4);
    assert_int_equal(stats_by(d, &all, &p[0], SD_TEAM, rows, 8), 1);
    assert_int_equal(rows[0].id, dbtest_team(d, "training"));
    assert_int_equal(stats_by(d, &all, &p[0], SD_PRIORITY, rows, 8), 1);
    assert_int_equal(rows[0].id, catalog_priority(&d->catalog, "important")->id);
    /* a filter that holds none of them */
    stats_filter_t urgent = {.priority_id = catalog_priority(&d->catalog, "urgent")->id};
    stats_summary_t s;
    assert_int_equal(stats_summary(d, &urgent, &p[0], desk_now(d), &s), 0);
    assert_int_equal(s.created + s.closed + s.backlog_start + s.first_response.n, 0);
}

/* Waiting on the customer stops the resolution's business clock, not its
 * wall time. */
static void waiting_leaves_the_business_clock(void **state)
{
    desk_t *d = *state;
    agent_t li;
    dbtest_agent(d, "li", "agent", "training", false, &li);
    const priority_t *p = catalog_priority(&d->catalog, "important");
    long long id = at(d, "2027-03-15 09:00", p); /* a Monday */
    assert_int_equal(ticket_claim(d, &li, id, 0), OUTCOME_OK);
    status(d, &li, id, "2027-03-15 09:10", TS_IN_PROGRESS);
    dbtest_at_local(d, "2027-03-15 09:30");
    assert_int_equal(ticket_agent_reply(d, &li, id, 0, "请提供日志", NULL, TS_WAITING_CUSTOMER),
                     OUTCOME_OK);
    status(d, &li, id, "2027-03-15 14:00", TS_IN_PROGRESS);
    status(d, &li, id, "2027-03-15 15:00", TS_RESOLVED);
    stats_period_t m[3];
    month("2027-03-15", m);
    stats_filter_t all = {0};
    stats_summary_t s;
    assert_int_equal(stats_summary(d, &all, &m[0], desk_now(d), &s), 0);
    times_are(&s.first_response, 1, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE);
    times_are(&s.first_response_biz, 1, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE, 30 * MINUTE);
    times_are(&s.resolution, 1, 360 * MINUTE, 360 * MINUTE, 360 * MINUTE, 360 * MINUTE);
    /* 09:00-15:00 holds 270 working minutes, 180 of them spent waiting */
    times_are(&s.resolution_biz, 1, 90 * MINUTE, 90 * MINUTE, 90 * MINUTE, 90 * MINUTE);
    assert_int_equal(s.sla_resolution.met, 1);
}

static void behind(desk_t *d, stats_figure_t fig, const stats_period_t *p, int n, ...)
{
    stats_tickets_t page;
    stats_filter_t all = {0};
    assert_int_equal(stats_tickets(d, &all, p, fig, desk_now(d), 0, &page), 0);
    assert_int_equal(page.n, n);
    assert_false(page.more);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(page.rows[i].id, va_arg(ap, long long)); /* by id */
    va_end(ap);
}

static void every_number_opens_its_tickets(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t p[3];
    month("2027-03-31", p);
    long long *t = h.t;
    behind(d, SF_CREATED, &p[0], 5, t[1], t[2], t[3], t[4], t[5]);
    behind(d, SF_CLOSED, &p[0], 3, t[1], t[2], t[5]);
    behind(d, SF_REOPENED, &p[0], 1, t[5]);
    behind(d, SF_BACKLOG_START, &p[0], 1, t[7]);
    behind(d, SF_BACKLOG_END, &p[0], 3, t[7], t[3], t[4]); /* t7 came before t1 */
    behind(d, SF_RESPONDED, &p[0], 4, t[1], t[2], t[3], t[5]);
    behind(d, SF_RESOLVED, &p[0], 3, t[1], t[2], t[5]);
    behind(d, SF_FR_MET, &p[0], 3, t[1], t[2], t[5]);
    behind(d, SF_FR_BREACHED, &p[0], 2, t[3], t[4]);
    behind(d, SF_FR_RUNNING, &p[0], 0);
    behind(d, SF_RES_MET, &p[0], 2, t[1], t[2]);
    behind(d, SF_RES_BREACHED, &p[0], 3, t[3], t[4], t[5]);
    behind(d, SF_BACKLOG_END, &p[1], 1, t[7]);
}

/* A ticket whose clocks have not run out yet is running; pages by key. */
static void running_clocks_and_pages(void **state)
{
    desk_t *d = *state;
    const priority_t *p = catalog_priority(&d->catalog, "important");
    long long ids[STATS_PAGE + 3];
    for (int i = 0; i < STATS_PAGE + 3; i++)
        ids[i] = at(d, "2027-03-09 10:00", p);
    stats_period_t m[3];
    month("2027-03-09", m);
    stats_summary_t s;
    stats_filter_t all = {0};
    assert_int_equal(stats_summary(d, &all, &m[0], desk_now(d), &s), 0);
    assert_int_equal(s.sla_first_response.running, STATS_PAGE + 3);
    assert_int_equal(s.sla_resolution.running, STATS_PAGE + 3);
    assert_int_equal(s.sla_first_response.breached, 0);
    stats_tickets_t page;
    assert_int_equal(stats_tickets(d, &all, &m[0], SF_FR_RUNNING, desk_now(d), 0, &page), 0);
    assert_int_equal(page.n, STATS_PAGE);
    assert_true(page.more);
    assert_int_equal(page.next_after, ids[STATS_PAGE - 1]);
    assert_int_equal(stats_tickets(d, &all, &m[0], SF_FR_RUNNING, desk_now(d), page.next_after,
                                   &page),
                     0);
    assert_int_equal(page.n, 3);
    assert_false(page.more);
    assert_int_equal(page.rows[2].id, ids[STATS_PAGE + 2]);
    /* two working hours after 10:00 the first-response clocks run out */
    dbtest_at_local(d, "2027-03-09 12:00");
    assert_int_equal(stats_summary(d, &all, &m[0], desk_now(d), &s), 0);
    assert_int_equal(s.sla_first_response.running, STATS_PAGE + 3);
    dbtest_at_local(d, "2027-03-09 12:01");
    assert_int_equal(stats_summary(d, &all, &m[0], desk_now(d), &s), 0);
    assert_int_equal(s.sla_first_response.breached, STATS_PAGE + 3);
    assert_int_equal(s.sla_resolution.running, STATS_PAGE + 3);
}

/* A worker keeps the figures it read (tables.h) only while they cannot have
 * changed: a new ticket is counted at once, a running clock is breached a
 * second after its due, and a clock set back runs again. */
static void kept_figures_follow_the_tickets_and_the_clock(void **state)
{
    desk_t *d = *state;
    const priority_t *p = catalog_priority(&d->catalog, "important");
    at(d, "2027-03-09 10:00", p);
    at(d, "2027-03-09 10:00", p);
    stats_period_t m[3];
    month("2027-03-09", m);
    stats_filter_t all = {0};
    stats_figures_t *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(stats_figures_load(d, &all, &m[0], desk_now(d), false, f), 0);
    assert_int_equal(f->sum[STATS_CUR].created, 2);
    /* two working hours after 10:00: due at 12:00, breached from 12:00:01 */
    assert_int_equal(f->sum[STATS_CUR].changes_at, dbtest_local("2027-03-09 12:00:01"));
    at(d, "2027-03-09 10:00", p);
    assert_int_equal(stats_figures_load(d, &all, &m[0], desk_now(d), false, f), 0);
    assert_int_equal(f->sum[STATS_CUR].created, 3);
    dbtest_at_local(d, "2027-03-09 12:00:00");
    assert_int_equal(stats_figures_load(d, &all, &m[0], desk_now(d), false, f), 0);
    assert_int_equal(f->sum[STATS_CUR].sla_first_response.running, 3);
    dbtest_at_local(d, "2027-03-09 12:00:30");
    assert_int_equal(stats_figures_load(d, &all, &m[0], desk_now(d), false, f), 0);
    assert_int_equal(f->sum[STATS_CUR].sla_first_response.breached, 3);
    assert_int_equal(f->sum[STATS_CUR].sla_first_response.running, 0);
    dbtest_at_local(d, "2027-03-09 11:00");
    assert_int_equal(stats_figures_load(d, &all, &m[0], desk_now(d), false, f), 0);
    assert_int_equal(f->sum[STATS_CUR].sla_first_response.running, 3);
    free(f);
}

static const char sql_facts_digest[] =
    "SELECT COUNT(*) + COALESCE(SUM(CRC32(CONCAT_WS(',', ticket_id, team_id, category_id,"
    " priority_id, channel_id, created_at, created_day, first_responded_at, first_response_s,"
    " first_response_biz_s, resolved_at, resolution_s, resolution_biz_s, reopens,"
    " first_response_due_at, resolution_due_at, resolution_stopped_at, product_id,"
    " organisation_id, customer_id, owner_id, classify_due_at, classify_stopped_at,"
    " accept_due_at, accept_stopped_at, update_due_at, update_stopped_at, answer_due_at,"
    " answer_stopped_at, s_new, s_accepted, s_in_progress, s_resolved))), 0)"
    " FROM ticket_facts WHERE ticket_id > ?";
static const char sql_spans_digest[] =
    "SELECT COUNT(*) + COALESCE(SUM(CRC32(CONCAT_WS(',', ticket_id, seq, opened_at, opened_day,"
    " closed_at, closed_day, team_id, product_id, organisation_id, customer_id, owner_id))), 0)"
    " FROM ticket_spans WHERE ticket_id > ?";
static const char sql_drop_facts[] = "DELETE FROM ticket_facts WHERE ticket_id > ?";
static const char sql_drop_spans[] = "DELETE FROM ticket_spans WHERE ticket_id > ?";

/* The rows a rebuild writes from the history are those the transactions kept. */
static void a_rebuild_writes_the_same_rows(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    long long facts = dbtest_int(d, sql_facts_digest, 0);
    long long spans = dbtest_int(d, sql_spans_digest, 0);
    assert_true(facts > 7);
    long done = 0;
    assert_int_equal(stats_rebuild(d, false, &done), 0);
    assert_int_equal(done, 7);
    assert_int_equal(dbtest_int(d, sql_facts_digest, 0), facts);
    assert_int_equal(dbtest_int(d, sql_spans_digest, 0), spans);
    assert_true(db_exec(&d->db, sql_drop_spans, "i", h.t[3] - 1) > 0);
    assert_true(db_exec(&d->db, sql_drop_facts, "i", h.t[3] - 1) > 0);
    assert_int_equal(stats_rebuild(d, true, &done), 0);
    assert_int_equal(done, 3); /* t3, t4, t5 (t6 and t7 came first) */
    assert_int_equal(dbtest_int(d, sql_facts_digest, 0), facts);
    assert_int_equal(dbtest_int(d, sql_spans_digest, 0), spans);
}

/* An agent sees their own teams' figures only; supervisors see all. */
static void an_agent_sees_their_teams(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    agent_t qian;
    dbtest_agent(d, "qian", "agent", "aftersales", false, &qian);
    stats_filter_t f = {0};
    assert_int_equal(stats_scope(&qian, &f), OUTCOME_OK);
    assert_int_equal(f.team_id, dbtest_team(d, "aftersales"));
    stats_period_t p[3];
    month("2027-03-01", p);
    stats_summary_t s;
    assert_int_equal(stats_summary(d, &f, &p[0], desk_now(d), &s), 0);
    assert_int_equal(s.created, 0); /* the training team's tickets are not theirs */
    f.team_id = dbtest_team(d, "training");
    assert_int_equal(stats_scope(&qian, &f), OUTCOME_FORBIDDEN);
    stats_filter_t g = {.team_id = dbtest_team(d, "training")};
    assert_int_equal(stats_scope(&h.li, &g), 0);
    assert_int_equal(stats_summary(d, &g, &p[0], desk_now(d), &s), 0);
    assert_int_equal(s.created, 5);
    stats_filter_t any = {0};
    assert_int_equal(stats_scope(&h.sun, &any), 0);
    assert_int_equal(any.team_id, 0);
}


static void sla_is(const stats_sla_t *k, long long met, long long breached, long long running)
{
    assert_int_equal(k->met, met);
    assert_int_equal(k->breached, breached);
    assert_int_equal(k->running, running);
}

/* The history with an eighth ticket of another agent, of a product and an
 * organisation, and two escalations to R&D: t8 answered in time, t3 never
 * (its answer was due 4 working hours after 14:30 on March 3), t4's still
 * running at 10:00 on March 9. */
static long long more_history(desk_t *d, history_t *h, agent_t *zhou)
{
    make_history(d, h);
    agent_t sun = h->sun;
    dbtest_agent(d, "zhou", "agent", "training", false, zhou);
    dbtest_at_local(d, "2027-03-05 10:00");
    ticket_new_t in = dbtest_request(d, "usage");
    in.priority = catalog_priority(&d->catalog, "important");
    in.product = "打印服务器 P1";
    in.organisation = "华东电力";
    long long t8 = dbtest_create(d, &in, NULL);
    dbtest_at_local(d, "2027-03-05 10:05");
    assert_int_equal(ticket_claim(d, zhou, t8, 0), OUTCOME_OK);
    reply(d, zhou, t8, "2027-03-05 10:10");
    dbtest_at_local(d, "2027-03-05 10:20");
    assert_int_equal(ticket_escalate(d, zhou, t8, 0, "驱动缺陷", "一个部门", 0, 0), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-05 10:40");
    assert_int_equal(ticket_answer_escalation(d, &sun, t8, 0, "发布补丁"), OUTCOME_OK);
    status(d, zhou, t8, "2027-03-05 11:10", TS_RESOLVED);
    dbtest_at_local(d, "2027-03-03 14:30");
    assert_int_equal(ticket_escalate(d, &h->li, h->t[3], 0, "无法复现", "全公司", 0, 0), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-09 09:00");
    assert_int_equal(ticket_escalate(d, &sun, h->t[4], 0, "需要研发", "个人", 0, 0), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-09 10:00");
    return t8;
}

/* Every clock the desk keeps, where the time went, the figures per agent
 * and the filters product, organisation, customer tag and agent. */
static void the_other_clocks_and_where_time_goes(void **state)
{
    desk_t *d = *state;
    history_t h;
    agent_t zhou;
    long long t8 = more_history(d, &h, &zhou), *t = h.t;
    stats_period_t m[3];
    month("2027-03-15", m);
    stats_filter_t all = {0};
    stats_summary_t s;
    assert_int_equal(stats_summary(d, &all, &m[0], desk_now(d), &s), 0);
    assert_int_equal(s.created, 6);
    /* classified when claimed; t4 still new two working hours on */
    sla_is(&s.sla_classify, 5, 1, 0);
    sla_is(&s.sla_accept, 5, 0, 0); /* claimed: accepted at once; t4 has no owner */
    /* the next update is due four working hours after a reply: t3's ran out */
    sla_is(&s.sla_update, 4, 1, 0);
    sla_is(&s.sla_answer, 1, 1, 1);
    behind(d, SF_CL_BREACHED, &m[0], 1, t[4]);
    behind(d, SF_AC_MET, &m[0], 5, t[1], t[2], t[3], t[5], t8);
    behind(d, SF_UP_BREACHED, &m[0], 1, t[3]);
    behind(d, SF_UP_MET, &m[0], 4, t[1], t[2], t[5], t8);
    behind(d, SF_ANS_MET, &m[0], 1, t8);
    behind(d, SF_ANS_BREACHED, &m[0], 1, t[3]);
    behind(d, SF_ANS_RUNNING, &m[0], 1, t[4]);
    assert_int_equal(stats_summary(d, &all, &m[1], desk_now(d), &s), 0); /* February */
    sla_is(&s.sla_classify, 1, 1, 0); /* t7 never classified */
    sla_is(&s.sla_answer, 0, 0, 0);

    /* resolved in March: t1, t2, t5, t8; accepted 2 h, 22 h, 20 min and
     * 65 min; t5 resolved 72 h 40 min before its reopening, then 1 h in
     * progress; t8 5 min new */
    stats_status_time_t st;
    assert_int_equal(stats_status_time(d, &all, &m[0], &st), 0);
    assert_int_equal(st.resolved, 4);
    long long want_n[STATS_STATUSES] = {1, 0, 0, 4, 1, 0, 0, 0, 0, 1};
    long long want_s[STATS_STATUSES] = {5 * MINUTE, 0, 0, (120 + 1320 + 20 + 65) * MINUTE,
                                        60 * MINUTE, 0, 0, 0, 0, (72 * 60 + 40) * MINUTE};
    for (int i = 0; i < STATS_STATUSES; i++) {
        assert_int_equal(st.tickets[i], want_n[i]);
        assert_int_equal(st.seconds[i], want_s[i]);
    }
    behind(d, SF_IN_STATUS + 0, &m[0], 1, t8);
    behind(d, SF_IN_STATUS + 3, &m[0], 4, t[1], t[2], t[5], t8);
    behind(d, SF_IN_STATUS + 9, &m[0], 1, t[5]);

    /* per agent: li answered in 10, 30, 300, 1020 minutes (business 10, 30,
     * 120, 210) and resolved in 120, 1320, 4440 (business 120, 330, 570) */
    stats_agent_row_t rows[8];
    assert_int_equal(stats_per_agent(d, &all, &m[0], rows, 8), 3);
    stats_agent_row_t li = rows[0], zh = rows[1], none = rows[2];
    assert_int_equal(li.agent_id, h.li.id);
    assert_int_equal(li.created, 4);
    assert_int_equal(li.closed, 4);
    assert_int_equal(li.responded, 4);
    assert_int_equal(li.fr_median, 30 * MINUTE);
    assert_int_equal(li.fr_median_biz, 30 * MINUTE);
    assert_int_equal(li.resolved, 3);
    assert_int_equal(li.res_median, 1320 * MINUTE);
    assert_int_equal(li.res_median_biz, 330 * MINUTE);
    assert_int_equal(zh.agent_id, zhou.id);
    assert_int_equal(zh.closed, 1);
    assert_int_equal(zh.fr_median, 10 * MINUTE);
    assert_int_equal(zh.res_median_biz, 70 * MINUTE);
    assert_int_equal(none.agent_id, 0); /* t4 */
    assert_int_equal(none.created, 1);
    assert_int_equal(none.closed + none.responded + none.resolved, 0);
    stats_count_t by[8];
    assert_int_equal(stats_by(d, &all, &m[0], SD_AGENT, by, 8), 3);
    assert_int_equal(by[0].id, h.li.id);

    /* each filter: t8 alone */
    ticket_t t8row;
    dbtest_load(d, t8, &t8row);
    long long vip = dbtest_int(d, "SELECT id FROM tags WHERE code = 'vip' AND id > ?", 0);
    assert_int_equal(tags_assign(d, t8row.customer_id, vip, desk_now(d)), 1);
    stats_filter_t only[4] = {
        {.product_id = dbtest_int(d, "SELECT id FROM stats_products WHERE id > ?", 0)},
        {.organisation_id = t8row.organisation_id},
        {.tag_id = vip},
        {.agent_id = zhou.id},
    };
    ticket_free(&t8row);
    assert_true(only[0].product_id > 0 && only[1].organisation_id > 0);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(stats_summary(d, &only[i], &m[0], desk_now(d), &s), 0);
        assert_int_equal(s.created, 1);
        assert_int_equal(s.closed, 1);
        assert_int_equal(s.first_response.n, 1);
        sla_is(&s.sla_answer, 1, 0, 0);
        assert_int_equal(stats_status_time(d, &only[i], &m[0], &st), 0);
        assert_int_equal(st.resolved, 1);
        stats_tickets_t page;
        assert_int_equal(stats_tickets(d, &only[i], &m[0], SF_CREATED, desk_now(d), 0, &page), 0);
        assert_int_equal(page.n, 1);
        assert_int_equal(page.rows[0].id, t8);
    }
    /* an agent sees their own figures, never another agent's */
    stats_filter_t other = {.agent_id = zhou.id}, self = {.agent_id = h.li.id};
    assert_int_equal(stats_scope(&h.li, &other), OUTCOME_FORBIDDEN);
    assert_int_equal(stats_scope(&h.li, &self), OUTCOME_OK);
    assert_false(stats_sees_agents(&h.li));
    assert_true(stats_sees_agents(&h.sun));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(every_figure_of_the_known_history),
        DBTEST(the_trend_and_the_breakdowns),
        DBTEST(waiting_leaves_the_business_clock),
        DBTEST(every_number_opens_its_tickets),
        DBTEST(running_clocks_and_pages),
        DBTEST(kept_figures_follow_the_tickets_and_the_clock),
        DBTEST(a_rebuild_writes_the_same_rows),
        DBTEST(an_agent_sees_their_teams),
        DBTEST(the_other_clocks_and_where_time_goes),
    };
    return DBTEST_RUN("db_test_stats", tests);
}
