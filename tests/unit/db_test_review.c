/* Unit tests of lib/desk/review/problem.c against a real MariaDB
 * (tests/unit/dbtest.h): a record made from tickets is linked both ways;
 * its 5-Why chain and fishbone come back in order; every change appends to
 * its history and the audit trail, and that history can be neither changed
 * nor removed; a refused change writes nothing, an unchanged one records
 * nothing, a stale one is refused; the workflow with who may take each step
 * and what each step needs; and whose lists hold which records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbtest.h"
#include "desk/review/meeting.h"
#include "desk/review/problem.h"

static const char sql_events[] = "SELECT COUNT(*) FROM problem_events WHERE problem_id = ?";
static const char sql_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE entity = 'problem' AND agent_id = ?";
static const char sql_problems[] = "SELECT COUNT(*) FROM problems WHERE id > ?";
static const char sql_touch_event[] = "UPDATE problem_events SET kind = 'x' WHERE problem_id = ?";
static const char sql_drop_event[] = "DELETE FROM problem_events WHERE problem_id = ?";

typedef struct fixture {
    agent_t sup, dir, eng, trainer;
    ticket_receipt_t t1, t2, other; /* t1, t2: faults; other: a usage question */
} fixture_t;

static void setup_people(desk_t *d, fixture_t *f)
{
    dbtest_agent(d, "sup", "supervisor", "supervisors", true, &f->sup);
    dbtest_agent(d, "dir", "director", "supervisors", true, &f->dir);
    dbtest_agent(d, "eng", "agent", "aftersales", false, &f->eng);
    dbtest_agent(d, "trainer", "agent", "training", false, &f->trainer);
    ticket_new_t a = dbtest_request(d, "fault"), b = dbtest_request(d, "fault"),
                 c = dbtest_request(d, "usage");
    dbtest_create(d, &a, &f->t1);
    dbtest_create(d, &b, &f->t2);
    dbtest_create(d, &c, &f->other);
}

/* Runs one change in a transaction as the caller would: its outcome. */
typedef struct change {
    enum { CREATE, UPDATE, ACT } kind;
    const agent_t *a;
    const problem_content_t *c;
    long long id, version;
    problem_action_t act;
} change_t;

static int run(desk_t *d, const change_t *ch, long long *new_id, refusal_t *r)
{
    audit_who_t who = {ch->a->id, "127.0.0.1"};
    memset(r, 0, sizeof *r);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    int rc = ch->kind == CREATE ? problem_create(d, ch->a, &who, ch->c, new_id, r)
             : ch->kind == UPDATE
                 ? problem_update(d, ch->a, &who, ch->id, ch->version, ch->c, r)
                 : problem_act(d, ch->a, &who, ch->id, ch->act, r);
    if (rc == OUTCOME_OK)
        assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    else
        db_rollback(&d->db);
    return rc;
}

static long long create(desk_t *d, const agent_t *a, const problem_content_t *c)
{
    long long id = 0;
    refusal_t r;
    assert_int_equal(run(d, &(change_t){CREATE, a, c, 0, 0, 0}, &id, &r), OUTCOME_OK);
    assert_true(id > 0);
    return id;
}

static long long version_of(desk_t *d, long long id)
{
    problem_t p;
    assert_int_equal(problem_get(d, id, false, &p), OUTCOME_OK);
    long long v = p.version;
    problem_free(&p);
    return v;
}

typedef struct seen {
    long long ids[8];
    char numbers[4][40];
    int n;
} seen_t;

static void see_problem(long long id, const char *title, const char *status, void *ctx)
{
    (void)title, (void)status;
    seen_t *s = ctx;
    s->ids[s->n++] = id;
}

static void see_ticket(const char *number, const char *subject, const char *status, void *ctx)
{
    (void)subject, (void)status;
    seen_t *s = ctx;
    snprintf(s->numbers[s->n++], 40, "%s", number);
}

static void see_row(const problem_row_t *row, void *ctx)
{
    seen_t *s = ctx;
    s->ids[s->n++] = row->id;
}

/* ---- tests ------------------------------------------------------------- */

static void a_record_made_from_tickets_is_linked_both_ways(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup_people(d, &f);
    char tickets[80], people[24];
    snprintf(tickets, sizeof tickets, "%s, %s", f.t1.number, f.t2.number);
    snprintf(people, sizeof people, "%lld", f.eng.id);
    problem_content_t c = {.title = "报表导出失败", .tickets = tickets, .participants = people};
    long long id = create(d, &f.sup, &c);
    for (int i = 0; i < 2; i++) {
        seen_t s = {.n = 0};
        assert_int_equal(problem_each_for_ticket(d, i ? f.t2.id : f.t1.id, see_problem, &s), 1);
        assert_int_equal(s.ids[0], id);
    }
    seen_t none = {.n = 0};
    assert_int_equal(problem_each_for_ticket(d, f.other.id, see_problem, &none), 0);
    seen_t t = {.n = 0};
    assert_int_equal(problem_each_ticket(d, id, see_ticket, &t), 2);
    assert_string_equal(t.numbers[0], f.t1.number);
    assert_string_equal(t.numbers[1], f.t2.number);
    problem_t p;
    assert_int_equal(problem_get(d, id, false, &p), OUTCOME_OK);
    assert_int_equal(p.status, PS_DRAFT);
    assert_int_equal(p.owner_id, f.sup.id); /* whoever made it, unless named */
    problem_role_t role;
    assert_int_equal(problem_role(d, &f.eng, &p, &role), OUTCOME_OK);
    assert_true(role.participant);
    problem_free(&p);
    assert_int_equal(dbtest_int(d, sql_events, id), 1);
    assert_int_equal(dbtest_int(d, sql_audit, f.sup.id), 1);
}

static void the_chain_and_the_fishbone_come_back_in_order(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup_people(d, &f);
    problem_content_t c = {.title = "根因链", .tickets = f.t1.number};
    long long id = create(d, &f.sup, &c);
    c.why[0] = "为什么失败？", c.because[0] = "超时";
    c.why[1] = "为什么超时？", c.because[1] = "没有索引";
    c.why[2] = "为什么没有索引？", c.because[2] = "评审没有性能检查";
    c.factors[3] = " 评审无性能检查项 \n\n无回滚预案\n"; /* method */
    c.factors[1] = "磁盘 IO 饱和";                       /* machine */
    c.responsibility = "process_gap,system_defect";
    c.party = "internal";
    refusal_t r;
    assert_int_equal(run(d, &(change_t){UPDATE, &f.sup, &c, id, version_of(d, id), 0}, NULL, &r),
                     OUTCOME_OK);
    problem_t p;
    assert_int_equal(problem_get(d, id, false, &p), OUTCOME_OK);
    assert_int_equal(p.nwhys, 3);
    assert_string_equal(p.whys[0].why, "为什么失败？");
    assert_string_equal(p.whys[2].because, "评审没有性能检查");
    assert_string_equal(p.factors[3], "评审无性能检查项\n无回滚预案");
    assert_string_equal(p.factors[1], "磁盘 IO 饱和");
    assert_null(p.factors[0]);
    assert_string_equal(p.responsibility, "process_gap,system_defect");
    assert_string_equal(p.party, "internal");
    assert_int_equal(p.version, 2);
    problem_free(&p);
    /* shortening the chain drops the levels below */
    c.why[2] = c.because[2] = NULL;
    assert_int_equal(run(d, &(change_t){UPDATE, &f.sup, &c, id, 2, 0}, NULL, &r), OUTCOME_OK);
    assert_int_equal(problem_get(d, id, false, &p), OUTCOME_OK);
    assert_int_equal(p.nwhys, 2);
    problem_free(&p);
}

static void history_is_append_only_and_every_change_audited(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup_people(d, &f);
    problem_content_t c = {.title = "历史", .tickets = f.t1.number};
    long long id = create(d, &f.sup, &c);
    c.symptoms = "导出失败";
    refusal_t r;
    assert_int_equal(run(d, &(change_t){UPDATE, &f.sup, &c, id, 1, 0}, NULL, &r), OUTCOME_OK);
    /* the same again: nothing to record */
    assert_int_equal(run(d, &(change_t){UPDATE, &f.sup, &c, id, 2, 0}, NULL, &r),
                     CHANGE_UNCHANGED);
    assert_int_equal(dbtest_int(d, sql_events, id), 2);
    assert_int_equal(dbtest_int(d, sql_audit, f.sup.id), 2);
    /* the history refuses to be changed or removed */
    assert_true(db_exec(&d->db, sql_touch_event, "i", id) < 0);
    assert_true(db_exec(&d->db, sql_drop_event, "i", id) < 0);
    assert_int_equal(dbtest_int(d, sql_events, id), 2);
}

static void a_refused_change_writes_nothing(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup_people(d, &f);
    long long before = dbtest_int(d, sql_problems, 0);
    refusal_t r;
    long long id = 0;
    /* an unknown ticket; a ticket the trainer may not see; no ticket */
    problem_content_t c = {.title = "不应保存", .tickets = "20990101-9999"};
    assert_int_equal(run(d, &(change_t){CREATE, &f.sup, &c, 0, 0, 0}, &id, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "unknown_ticket");
    c.tickets = f.t1.number;
    assert_int_equal(run(d, &(change_t){CREATE, &f.trainer, &c, 0, 0, 0}, &id, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "unknown_ticket");
    c.tickets = " ";
    assert_int_equal(run(d, &(change_t){CREATE, &f.sup, &c, 0, 0, 0}, &id, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "ticket_needed");
    /* a gap in the chain */
    c.tickets = f.t1.number;
    c.why[0] = "一", c.because[0] = "一";
    c.why[2] = "三", c.because[2] = "三";
    assert_int_equal(run(d, &(change_t){CREATE, &f.sup, &c, 0, 0, 0}, &id, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].field, "why_2");
    assert_int_equal(dbtest_int(d, sql_problems, 0), before);
    /* a stale version */
    problem_content_t ok = {.title = "并发", .tickets = f.t1.number};
    id = create(d, &f.sup, &ok);
    ok.symptoms = "甲";
    assert_int_equal(run(d, &(change_t){UPDATE, &f.sup, &ok, id, 1, 0}, NULL, &r), OUTCOME_OK);
    ok.symptoms = "乙";
    assert_int_equal(run(d, &(change_t){UPDATE, &f.sup, &ok, id, 1, 0}, NULL, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "stale");
    assert_int_equal(dbtest_int(d, sql_events, id), 2);
}

static void the_workflow_with_who_may_take_each_step(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup_people(d, &f);
    problem_content_t c = {.title = "流程", .tickets = f.t1.number};
    long long id = create(d, &f.eng, &c);
    refusal_t r;
    /* not whole yet */
    assert_int_equal(run(d, &(change_t){ACT, &f.eng, NULL, id, 0, PA_SUBMIT}, NULL, &r),
                     CHANGE_REFUSED);
    assert_int_equal(r.n, 4);
    c.symptoms = "导出失败";
    c.why[0] = "为什么？", c.because[0] = "评审漏了";
    c.responsibility = "process_gap";
    c.party = "internal";
    assert_int_equal(run(d, &(change_t){UPDATE, &f.eng, &c, id, 1, 0}, NULL, &r), OUTCOME_OK);
    assert_int_equal(run(d, &(change_t){ACT, &f.eng, NULL, id, 0, PA_SUBMIT}, NULL, &r), OUTCOME_OK);
    /* the owner, an agent, neither confirms nor returns; nobody outside sees it */
    assert_int_equal(run(d, &(change_t){ACT, &f.eng, NULL, id, 0, PA_CONFIRM}, NULL, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "forbidden");
    assert_int_equal(run(d, &(change_t){ACT, &f.trainer, NULL, id, 0, PA_CLOSE}, NULL, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "forbidden");
    /* the director confirms once there is a conclusion */
    assert_int_equal(run(d, &(change_t){ACT, &f.dir, NULL, id, 0, PA_CONFIRM}, NULL, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].field, "conclusion");
    c.conclusion = "评审缺性能检查";
    assert_int_equal(run(d, &(change_t){UPDATE, &f.dir, &c, id, version_of(d, id), 0}, NULL, &r),
                     OUTCOME_OK);
    assert_int_equal(run(d, &(change_t){ACT, &f.dir, NULL, id, 0, PA_CONFIRM}, NULL, &r), OUTCOME_OK);
    /* a step that does not apply in this status */
    assert_int_equal(run(d, &(change_t){ACT, &f.dir, NULL, id, 0, PA_SUBMIT}, NULL, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "bad_transition");
    /* closing needs the permanent fix; the owner closes */
    assert_int_equal(run(d, &(change_t){ACT, &f.eng, NULL, id, 0, PA_CLOSE}, NULL, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].field, "permanent_fix");
    c.permanent_fix = "评审加入慢查询检查";
    assert_int_equal(run(d, &(change_t){UPDATE, &f.eng, &c, id, version_of(d, id), 0}, NULL, &r),
                     OUTCOME_OK);
    assert_int_equal(run(d, &(change_t){ACT, &f.eng, NULL, id, 0, PA_CLOSE}, NULL, &r), OUTCOME_OK);
    problem_t p;
    assert_int_equal(problem_get(d, id, false, &p), OUTCOME_OK);
    assert_int_equal(p.status, PS_CLOSED);
    long long v = p.version;
    problem_free(&p);
    /* closed: read only */
    c.symptoms = "再改";
    assert_int_equal(run(d, &(change_t){UPDATE, &f.eng, &c, id, v, 0}, NULL, &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "read_only");
    assert_int_equal(dbtest_int(d, sql_events, id), 7);
}

static void lists_hold_what_each_may_see(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup_people(d, &f);
    char people[24];
    snprintf(people, sizeof people, "%lld", f.eng.id);
    problem_content_t with = {.title = "有参与人", .tickets = f.t1.number, .participants = people};
    problem_content_t alone = {.title = "主管自己的", .tickets = f.t2.number};
    long long a = create(d, &f.sup, &with), b = create(d, &f.sup, &alone);
    seen_t s = {.n = 0};
    assert_int_equal(problem_list(d, &f.eng, -1, 0, 10, see_row, &s), 1);
    assert_int_equal(s.ids[0], a);
    s.n = 0;
    assert_int_equal(problem_list(d, &f.trainer, -1, 0, 10, see_row, &s), 0);
    s.n = 0;
    assert_int_equal(problem_list(d, &f.dir, -1, 0, 10, see_row, &s), 2);
    assert_int_equal(s.ids[0], b); /* newest first */
    /* keyset: below b comes a */
    s.n = 0;
    assert_int_equal(problem_list(d, &f.dir, -1, b, 10, see_row, &s), 1);
    assert_int_equal(s.ids[0], a);
    s.n = 0;
    assert_int_equal(problem_list(d, &f.dir, PS_CLOSED, 0, 10, see_row, &s), 0);
    s.n = 0;
    assert_int_equal(problem_list(d, &f.eng, PS_DRAFT, 0, 10, see_row, &s), 1);
}

static int schedule(desk_t *d, const agent_t *a, const meeting_content_t *c, long long *id,
                    time_t *earliest, refusal_t *r)
{
    audit_who_t who = {a->id, "127.0.0.1"};
    memset(r, 0, sizeof *r);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    int rc = meeting_create(d, a, &who, c, id, earliest, r);
    if (rc == OUTCOME_OK)
        assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    else
        db_rollback(&d->db);
    return rc;
}

static const char sql_meetings[] = "SELECT COUNT(*) FROM review_meetings WHERE id > ?";

static void meetings_are_three_working_days_ahead_unless_a_director_says_why(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup_people(d, &f);
    char people[24];
    snprintf(people, sizeof people, "%lld", f.eng.id);
    /* Tuesday 10:00 on the standard calendar: Wednesday, Thursday, Friday */
    meeting_content_t c = {.kind = "review", .title = "复盘", .attendees = people,
                           .starts_at = dbtest_local("2027-03-11 14:00")};
    long long id = 0;
    time_t earliest = 0;
    refusal_t r;
    assert_int_equal(schedule(d, &f.sup, &c, &id, &earliest, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "too_soon");
    assert_int_equal(earliest, dbtest_local("2027-03-12 10:00"));
    /* a reason from a supervisor is refused; from an agent nothing is organised */
    c.override_reason = "客户要求";
    assert_int_equal(schedule(d, &f.sup, &c, &id, &earliest, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "override_forbidden");
    assert_int_equal(schedule(d, &f.eng, &c, &id, &earliest, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "forbidden");
    assert_int_equal(dbtest_int(d, sql_meetings, 0), 0);
    /* the director may, and the reason is kept */
    assert_int_equal(schedule(d, &f.dir, &c, &id, &earliest, &r), OUTCOME_OK);
    meeting_t m;
    assert_int_equal(meeting_get(d, id, &m), OUTCOME_OK);
    assert_string_equal(m.override_reason, "客户要求");
    assert_int_equal(m.override_by, f.dir.id);
    assert_int_equal(m.earliest_at, dbtest_local("2027-03-12 10:00"));
    meeting_free(&m);
    /* Friday 10:00 is on time: no reason kept even if one is given */
    c.starts_at = dbtest_local("2027-03-12 10:00");
    c.override_reason = NULL;
    assert_int_equal(schedule(d, &f.sup, &c, &id, &earliest, &r), OUTCOME_OK);
    assert_int_equal(meeting_get(d, id, &m), OUTCOME_OK);
    assert_null(m.override_reason);
    bool visible = false;
    assert_int_equal(meeting_visible(d, &f.eng, &m, &visible), OUTCOME_OK);
    assert_true(visible);
    assert_int_equal(meeting_visible(d, &f.trainer, &m, &visible), OUTCOME_OK);
    assert_false(visible);
    meeting_free(&m);
    /* a start already past */
    c.starts_at = dbtest_local("2027-03-08 10:00");
    assert_int_equal(schedule(d, &f.sup, &c, &id, &earliest, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "in_past");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(a_record_made_from_tickets_is_linked_both_ways),
        DBTEST(the_chain_and_the_fishbone_come_back_in_order),
        DBTEST(history_is_append_only_and_every_change_audited),
        DBTEST(a_refused_change_writes_nothing),
        DBTEST(the_workflow_with_who_may_take_each_step),
        DBTEST(lists_hold_what_each_may_see),
        DBTEST(meetings_are_three_working_days_ahead_unless_a_director_says_why),
    };
    return DBTEST_RUN("db_test_review", tests);
}
