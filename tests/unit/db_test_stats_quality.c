/* Unit tests of lib/desk/stats/quality.c against a real MariaDB
 * (tests/unit/dbtest.h): a known history of five tickets over February and
 * March 2027 (a repeat by the same customer, one by the same organisation,
 * a hand-back, an escalation, a collaborator, moves between teams and
 * reassignments, a reopen, fault kinds, subjects, two answered surveys) and
 * every quality figure of March, of February and of March 2026 asserted
 * exactly; the three periods read at once as each alone; every filter
 * narrowing the figures, rankings and lists; the repeat window as a
 * setting; the rankings with their previous periods; the tickets behind the
 * numbers; the rows a rebuild writes equal to those the transactions kept.
 * The clock is the test clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"
#include "desk/customer/tags.h"
#include "desk/settings.h"
#include "desk/stats/facts.h"
#include "desk/stats/quality.h"
#include "desk/survey.h"
#include "desk/ticket/ticket_work.h"

typedef struct history {
    agent_t li, zhao, sun;
    long long p1, t1, t2, t3;
    long long training, aftersales;
} history_t;

static long long create(desk_t *d, const char *when, const char *email, const char *org,
                        const char *product, const char *subject)
{
    dbtest_at_local(d, when);
    ticket_new_t in = dbtest_request(d, "usage");
    in.email = email;
    in.organisation = org;
    in.product = product;
    if (subject)
        in.subject = subject;
    return dbtest_create(d, &in, NULL);
}

static void status(desk_t *d, const agent_t *a, long long id, const char *when,
                   ticket_status_t to)
{
    dbtest_at_local(d, when);
    assert_int_equal(ticket_change_status(d, a, id, 0, to, "处理结果"), OUTCOME_OK);
}

static void answer(desk_t *d, long long id, int r, int s, int a, const char *unmet)
{
    survey_t x = {.resolution = r, .speed = s, .attitude = a, .suggestions = "希望更快",
                  .unmet_needs = unmet};
    assert_int_equal(survey_record(d, id, &x, NULL), OUTCOME_OK);
}

static void make_history(desk_t *d, history_t *h)
{
    dbtest_agent(d, "li", "agent", "training", false, &h->li);
    dbtest_agent(d, "zhao", "agent", "training", false, &h->zhao);
    dbtest_agent(d, "sun", "supervisor", "supervisors", false, &h->sun);
    h->training = dbtest_team(d, "training");
    h->aftersales = dbtest_team(d, "aftersales");
    const agent_t *li = &h->li;
    /* February: p1 resolved on the 22nd; its customer comes back on March 1 */
    h->p1 = create(d, "2027-02-22 09:00", "a@unit.test", "O 集团", "P", NULL);
    assert_int_equal(ticket_claim(d, li, h->p1, 0), OUTCOME_OK);
    status(d, li, h->p1, "2027-02-22 10:00", TS_RESOLVED);
    /* March: t1 of the same customer (of organisation O), resolved and
     * closed, answered 4/4/5; t2 of another customer of O 19 days later */
    h->t1 = create(d, "2027-03-01 09:00", "a@unit.test", "O 集团", "P", NULL);
    assert_int_equal(ticket_claim(d, li, h->t1, 0), OUTCOME_OK);
    status(d, li, h->t1, "2027-03-01 11:00", TS_RESOLVED);
    status(d, li, h->t1, "2027-03-01 12:00", TS_CLOSED);
    answer(d, h->t1, 4, 4, 5, "");
    /* t3: performance; handed back, claimed again, escalated, a collaborator,
     * moved to after-sales and back to li; resolved, reopened, resolved,
     * closed, answered 1/2/3 */
    h->t3 = create(d, "2027-03-02 09:00", "c@unit.test", NULL, "Q", "扫描仪无法启动");
    const category_t *usage = catalog_category(&d->catalog, "usage");
    assert_int_equal(ticket_classify(d, &h->sun, h->t3, 0, usage, "performance"), OUTCOME_OK);
    assert_int_equal(ticket_claim(d, li, h->t3, 0), OUTCOME_OK);
    assert_int_equal(ticket_hand_back(d, li, h->t3, 0, "不熟悉"), OUTCOME_OK);
    assert_int_equal(ticket_claim(d, li, h->t3, 0), OUTCOME_OK);
    assert_int_equal(ticket_escalate(d, li, h->t3, 0, "需要研发", "一台", 0, 0), OUTCOME_OK);
    assert_int_equal(ticket_add_collaborator(d, li, h->t3, 0, h->zhao.id, "协助"), OUTCOME_OK);
    assert_int_equal(ticket_assign(d, &h->sun, h->t3, 0, 0, h->aftersales, "转售后"), OUTCOME_OK);
    assert_int_equal(ticket_assign(d, &h->sun, h->t3, 0, li->id, h->training, "转回"), OUTCOME_OK);
    assert_int_equal(ticket_accept(d, li, h->t3, 0), OUTCOME_OK);
    status(d, li, h->t3, "2027-03-03 10:00", TS_RESOLVED);
    status(d, li, h->t3, "2027-03-04 10:00", TS_IN_PROGRESS);
    status(d, li, h->t3, "2027-03-05 10:00", TS_RESOLVED);
    status(d, li, h->t3, "2027-03-05 11:00", TS_CLOSED);
    answer(d, h->t3, 1, 2, 3, "需要上门");
    h->t2 = create(d, "2027-03-20 09:00", "b@unit.test", "O 集团", "P", NULL);
    dbtest_at_local(d, "2027-04-02 10:00");
}

static void month(const char *day, stats_period_t p[3])
{
    assert_int_equal(stats_period_make(SK_MONTH, day, NULL, 0, &p[0]), 0);
    stats_period_previous(&p[0], &p[1]);
    stats_period_year_before(&p[0], &p[2]);
}

static void every_quality_figure(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t m[3];
    month("2027-03-01", m);
    stats_filter_t all = {0};
    stats_quality_t q;
    assert_int_equal(stats_repeat_days(d), 30);
    assert_int_equal(stats_quality(d, &all, &m[0], desk_now(d), 30, &q), 0);
    /* repeats: of t1 and t3 (still resolved), t1 came back through t2 */
    assert_int_equal(q.resolved, 2);
    assert_int_equal(q.repeated, 1);
    /* reopens: t1, t3 twice; t3's first resolution was reopened */
    assert_int_equal(q.resolutions, 3);
    assert_int_equal(q.reopened_after, 1);
    /* cross-team work over t1, t2, t3 */
    assert_int_equal(q.created, 3);
    assert_int_equal(q.hand_backs, 1);
    assert_int_equal(q.handed_back, 1);
    assert_int_equal(q.escalations, 1);
    assert_int_equal(q.escalated, 1);
    assert_int_equal(q.collaborators, 1);
    assert_int_equal(q.collaborated, 1);
    assert_int_equal(q.transfers, 2); /* training -> after-sales -> training */
    assert_int_equal(q.transferred, 1);
    assert_int_equal(q.reassignments, 2); /* both assignments came after li owned it */
    assert_int_equal(q.reassigned, 1);
    /* satisfaction: t1 and t3 closed and answered */
    assert_int_equal(q.closed, 2);
    assert_int_equal(q.answered, 2);
    assert_int_equal(q.score_sum[SQ_RESOLUTION], 5);
    assert_int_equal(q.score_sum[SQ_SPEED], 6);
    assert_int_equal(q.score_sum[SQ_ATTITUDE], 8);
    assert_int_equal(q.dist[SQ_RESOLUTION][0], 1);
    assert_int_equal(q.dist[SQ_RESOLUTION][3], 1);
    assert_int_equal(q.dist[SQ_SPEED][1], 1);
    assert_int_equal(q.dist[SQ_ATTITUDE][4], 1);
    /* February: p1 came back within 30 days (t1, a week later) */
    assert_int_equal(stats_quality(d, &all, &m[1], desk_now(d), 30, &q), 0);
    assert_int_equal(q.resolved, 1);
    assert_int_equal(q.repeated, 1);
    assert_int_equal(q.closed, 0);
    assert_int_equal(stats_quality(d, &all, &m[2], desk_now(d), 30, &q), 0);
    assert_int_equal(q.resolved + q.created + q.closed + q.resolutions, 0);
    /* a team's filter: after-sales holds none of them now */
    stats_filter_t as = {.team_id = h.aftersales};
    assert_int_equal(stats_quality(d, &as, &m[0], desk_now(d), 30, &q), 0);
    assert_int_equal(q.created, 0);
}

/* The three periods read at once give each period's own figures, also
 * when two of them are the same period (a year's previous year is the year
 * a year earlier): the rankings count such a period's rows in both. */
static void three_periods_in_one_query(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t m[3];
    month("2027-03-01", m);
    stats_filter_t all = {0};
    stats_quality_t three[3], one;
    assert_int_equal(stats_quality_periods(d, &all, m, 30, three), 0);
    for (int k = 0; k < 3; k++) {
        assert_int_equal(stats_quality(d, &all, &m[k], desk_now(d), 30, &one), 0);
        assert_memory_equal(&one, &three[k], sizeof one);
    }
    assert_int_equal(three[0].created, 3);
    assert_int_equal(three[1].resolved, 1);
    const stats_period_t twice[3] = {m[1], m[0], m[1]};
    assert_int_equal(stats_quality_periods(d, &all, twice, 30, three), 0);
    assert_memory_equal(&three[0], &three[2], sizeof one);
    assert_int_equal(three[0].repeated, 1);
    assert_int_equal(three[1].created, 3);
    stats_combo_t c[10];
    assert_int_equal(stats_top_combos(d, &all, twice, c, 10), 1); /* p1, in February */
    assert_int_equal(c[0].n[0], 1);
    assert_int_equal(c[0].n[1], 2); /* t1, t2 in March */
    assert_int_equal(c[0].n[2], 1);
}

static const char sql_fact_product[] = "SELECT product_id FROM ticket_facts WHERE ticket_id = ?";
static const char sql_fact_org[] = "SELECT organisation_id FROM ticket_facts WHERE ticket_id = ?";
static const char sql_customer[] = "SELECT customer_id FROM tickets WHERE id = ?";

static void page_of(desk_t *d, const stats_filter_t *f, const stats_period_t *p, stats_qfig_t fig,
                    int n, long long first)
{
    stats_qkey_t k;
    memset(&k, 0, sizeof k);
    stats_tickets_t out;
    assert_int_equal(stats_quality_tickets(d, f, p, fig, &k, 30, 0, &out), 0);
    assert_int_equal(out.n, n);
    if (n)
        assert_int_equal(out.rows[0].id, first);
}

/* Product, organisation, the customer's tag and the owner narrow every
 * quality figure, ranking and list as they narrow the report's. */
static void every_filter_narrows_the_figures(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t m[3];
    month("2027-03-01", m);
    stats_quality_t q;
    /* product Q: t3 alone, resolved twice, reopened once, closed, answered */
    stats_filter_t f = {.product_id = dbtest_int(d, sql_fact_product, h.t3)};
    assert_true(f.product_id > 0);
    assert_int_equal(stats_quality(d, &f, &m[0], desk_now(d), 30, &q), 0);
    assert_int_equal(q.created, 1);
    assert_int_equal(q.resolved, 1);
    assert_int_equal(q.repeated, 0);
    assert_int_equal(q.resolutions, 2);
    assert_int_equal(q.reopened_after, 1);
    assert_int_equal(q.answered, 1);
    assert_int_equal(q.score_sum[SQ_RESOLUTION], 1);
    stats_combo_t c[10];
    assert_int_equal(stats_top_combos(d, &f, m, c, 10), 1);
    assert_string_equal(c[0].product, "Q");
    page_of(d, &f, &m[0], QF_ESCALATED, 1, h.t3);
    /* organisation O: t1 and t2; t1 came back */
    f = (stats_filter_t){.organisation_id = dbtest_int(d, sql_fact_org, h.t1)};
    assert_true(f.organisation_id > 0);
    assert_int_equal(stats_quality(d, &f, &m[0], desk_now(d), 30, &q), 0);
    assert_int_equal(q.created, 2);
    assert_int_equal(q.resolved, 1);
    assert_int_equal(q.repeated, 1);
    assert_int_equal(q.escalated, 0);
    page_of(d, &f, &m[0], QF_REPEATED, 1, h.t1);
    page_of(d, &f, &m[0], QF_ESCALATED, 0, 0);
    /* the customer's tag: t3's customer */
    tag_t t = {.code = "qtag", .color = "blue"};
    snprintf(t.name[0], sizeof t.name[0], "质量");
    snprintf(t.name[1], sizeof t.name[1], "quality");
    assert_int_equal(tags_create(d, &t), OUTCOME_OK);
    assert_int_equal(tags_assign(d, dbtest_int(d, sql_customer, h.t3), t.id, desk_now(d)), 1);
    f = (stats_filter_t){.tag_id = t.id};
    assert_int_equal(stats_quality(d, &f, &m[0], desk_now(d), 30, &q), 0);
    assert_int_equal(q.created, 1);
    assert_int_equal(q.transfers, 2);
    stats_term_t terms[20];
    int n = stats_top_terms(d, &f, m, terms, 20);
    assert_true(n > 0);
    for (int i = 0; i < n; i++)
        assert_int_equal(terms[i].n[0], 1); /* t3's subject alone */
    stats_pair_t pairs[10];
    assert_int_equal(stats_team_pairs(d, &f, m, pairs, 10), 2);
    /* the owner: li owns t1 and t3; t2 has none */
    f = (stats_filter_t){.agent_id = h.li.id};
    assert_int_equal(stats_quality(d, &f, &m[0], desk_now(d), 30, &q), 0);
    assert_int_equal(q.created, 2);
    assert_int_equal(q.closed, 2);
    f.agent_id = h.zhao.id;
    assert_int_equal(stats_quality(d, &f, &m[0], desk_now(d), 30, &q), 0);
    assert_int_equal(q.created + q.closed + q.resolutions, 0);
    assert_int_equal(stats_team_pairs(d, &f, m, pairs, 10), 0);
    stats_low_t low[2];
    assert_int_equal(stats_lowest(d, &f, &m[0], low, 2), 0);
}

static void the_window_is_a_setting(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(settings_put(&d->db, "Stats.RepeatDays", "10", NULL), 1);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    dbtest_reload(d);
    assert_int_equal(stats_repeat_days(d), 10);
    stats_period_t m[3];
    month("2027-03-01", m);
    stats_filter_t all = {0};
    stats_quality_t q;
    /* t2 came 19 days after t1: no repeat within 10; p1's (7 days) still one */
    assert_int_equal(stats_quality(d, &all, &m[0], desk_now(d), stats_repeat_days(d), &q), 0);
    assert_int_equal(q.repeated, 0);
    assert_int_equal(stats_quality(d, &all, &m[1], desk_now(d), stats_repeat_days(d), &q), 0);
    assert_int_equal(q.repeated, 1);
}

static void the_rankings(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t m[3];
    month("2027-03-01", m);
    stats_filter_t all = {0};
    stats_combo_t c[10];
    assert_int_equal(stats_top_combos(d, &all, m, c, 10), 2);
    assert_string_equal(c[0].product, "P");
    assert_string_equal(c[0].nature, "");
    assert_int_equal(c[0].n[0], 2);
    assert_int_equal(c[0].n[1], 1); /* p1 */
    assert_string_equal(c[1].product, "Q");
    assert_string_equal(c[1].nature, "performance");
    assert_int_equal(c[1].n[0], 1);
    assert_int_equal(c[1].n[1], 0);
    stats_term_t t[20];
    int n = stats_top_terms(d, &all, m, t, 20);
    assert_int_equal(n, 11); /* 打印机无法连接: 6 pairs; 扫描仪无法启动: 5 more */
    assert_string_equal(t[0].term, "无法");
    assert_int_equal(t[0].n[0], 3);
    assert_int_equal(t[0].n[1], 1);
    assert_string_equal(t[1].term, "印机"); /* then by code point */
    assert_int_equal(t[1].n[0], 2);
    stats_pair_t p[10];
    assert_int_equal(stats_team_pairs(d, &all, m, p, 10), 2);
    assert_true((p[0].from_team == h.aftersales && p[0].to_team == h.training) ||
                (p[0].from_team == h.training && p[0].to_team == h.aftersales));
    assert_int_equal(p[0].n[0], 1);
    assert_int_equal(p[1].n[0], 1);
    stats_low_t low[5];
    assert_int_equal(stats_lowest(d, &all, &m[0], low, 5), 2);
    assert_int_equal(low[0].ticket_id, h.t3);
    assert_int_equal(low[0].score[SQ_RESOLUTION], 1);
    assert_string_equal(low[0].unmet_needs, "需要上门");
    assert_int_equal(low[1].ticket_id, h.t1);
}

static void tickets_of(desk_t *d, const stats_period_t *p, stats_qfig_t fig,
                       const stats_qkey_t *k, int n, long long first)
{
    stats_filter_t all = {0};
    stats_tickets_t out;
    assert_int_equal(stats_quality_tickets(d, &all, p, fig, k, 30, 0, &out), 0);
    assert_int_equal(out.n, n);
    if (n)
        assert_int_equal(out.rows[0].id, first);
}

static void every_number_opens_its_tickets(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    stats_period_t m[3];
    month("2027-03-01", m);
    stats_qkey_t k = {0};
    tickets_of(d, &m[0], QF_REPEATED, &k, 1, h.t1);
    tickets_of(d, &m[1], QF_REPEATED, &k, 1, h.p1);
    tickets_of(d, &m[0], QF_REOPENED_AFTER, &k, 1, h.t3);
    tickets_of(d, &m[0], QF_HANDED_BACK, &k, 1, h.t3);
    tickets_of(d, &m[0], QF_TRANSFERRED, &k, 1, h.t3);
    tickets_of(d, &m[0], QF_ANSWERED, &k, 2, h.t1);
    k.score_of = SQ_SPEED, k.score = 2;
    tickets_of(d, &m[0], QF_SCORE, &k, 1, h.t3);
    memset(&k, 0, sizeof k);
    snprintf(k.term, sizeof k.term, "无法");
    tickets_of(d, &m[0], QF_TERM, &k, 3, h.t1);
    memset(&k, 0, sizeof k);
    k.category_id = catalog_category(&d->catalog, "usage")->id;
    snprintf(k.product, sizeof k.product, "P");
    tickets_of(d, &m[0], QF_COMBO, &k, 2, h.t1);
    memset(&k, 0, sizeof k);
    k.from_team = h.aftersales, k.to_team = h.training;
    tickets_of(d, &m[0], QF_PAIR, &k, 1, h.t3);
    tickets_of(d, &m[2], QF_PAIR, &k, 0, 0);
}

static const char sql_quality_digest[] =
    "SELECT COUNT(*) + COALESCE(SUM(CRC32(CONCAT_WS(',', ticket_id, team_id, category_id,"
    " customer_id, organisation_id, product, product_id, owner_id, nature, created_at,"
    " resolved_at, closed_at,"
    " reassignments, hand_backs, escalations, transfers, collaborators, surveyed,"
    " score_resolution, score_speed, score_attitude, subject_crc))), 0)"
    " FROM ticket_quality WHERE ticket_id > ?";
static const char sql_terms_digest[] =
    "SELECT COUNT(*) + COALESCE(SUM(CRC32(CONCAT_WS(',', ticket_id, term, created_at,"
    " team_id, product_id, organisation_id, customer_id, owner_id))), 0) FROM ticket_terms"
    " WHERE ticket_id > ?";
static const char sql_transfers_digest[] =
    "SELECT COUNT(*) + COALESCE(SUM(CRC32(CONCAT_WS(',', ticket_id, seq, from_team_id,"
    " to_team_id, moved_at, created_at, product_id, organisation_id, customer_id,"
    " owner_id))), 0) FROM ticket_transfers WHERE ticket_id > ?";
static const char sql_drop_quality[] = "DELETE FROM ticket_quality WHERE ticket_id > ?";

/* The rows a rebuild writes from the history are those the transactions kept. */
static void a_rebuild_writes_the_same_rows(void **state)
{
    desk_t *d = *state;
    history_t h;
    make_history(d, &h);
    long long quality = dbtest_int(d, sql_quality_digest, 0);
    long long terms = dbtest_int(d, sql_terms_digest, 0);
    long long transfers = dbtest_int(d, sql_transfers_digest, 0);
    assert_true(quality > 4 && terms > 4 && transfers > 2);
    long done = 0;
    assert_int_equal(stats_rebuild(d, false, &done), 0);
    assert_int_equal(done, 4);
    assert_int_equal(dbtest_int(d, sql_quality_digest, 0), quality);
    assert_int_equal(dbtest_int(d, sql_terms_digest, 0), terms);
    assert_int_equal(dbtest_int(d, sql_transfers_digest, 0), transfers);
    /* quality rows missing (as after the migration): written again */
    assert_true(db_exec(&d->db, sql_drop_quality, "i", h.t1 - 1) > 0);
    assert_int_equal(stats_rebuild(d, true, &done), 0);
    assert_int_equal(done, 3);
    assert_int_equal(dbtest_int(d, sql_quality_digest, 0), quality);
    assert_int_equal(dbtest_int(d, sql_terms_digest, 0), terms);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(every_quality_figure),
        DBTEST(three_periods_in_one_query),
        DBTEST(every_filter_narrows_the_figures),
        DBTEST(the_window_is_a_setting),
        DBTEST(the_rankings),
        DBTEST(every_number_opens_its_tickets),
        DBTEST(a_rebuild_writes_the_same_rows),
    };
    return DBTEST_RUN("db_test_stats_quality", tests);
}
