/* Unit tests of lib/desk/review/minutes.c and action.c against a real
 * MariaDB (tests/unit/dbtest.h), on the fixed test clock: minutes of a review
 * meeting are opened when it ends and due two working days later; late ones
 * are mailed once to the organiser and the director; only the director
 * approves or returns, a refusal writes nothing; every submitted version
 * and decision is kept and can be neither changed nor removed, nor can the
 * history; approval makes one action per measure; an overdue action is
 * mailed once to its owner and the owner's own supervisors (of the owner's
 * teams, not of the action's department). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dbtest.h"
#include "desk/review/action.h"
#include "desk/review/meeting.h"
#include "desk/review/minutes.h"

static const char sql_versions[] =
    "SELECT COUNT(*) FROM review_minutes_versions WHERE minutes_id = ?";
static const char sql_decisions[] =
    "SELECT COUNT(*) FROM review_minutes_decisions WHERE minutes_id = ?";
static const char sql_actions[] = "SELECT COUNT(*) FROM review_actions WHERE minutes_id = ?";
static const char sql_late_mails[] =
    "SELECT COUNT(*) FROM outbox WHERE kind = 'minutes_late' AND id > ?";
static const char sql_overdue_mails[] =
    "SELECT COUNT(*) FROM outbox WHERE kind = 'action_overdue' AND id > ?";
static const char sql_published[] =
    "SELECT COUNT(*) FROM outbox WHERE kind = 'minutes_published' AND id > ?";
static const char sql_touch_version[] =
    "UPDATE review_minutes_versions SET content = '{}' WHERE minutes_id = ?";
static const char sql_drop_version[] = "DELETE FROM review_minutes_versions WHERE minutes_id = ?";
static const char sql_touch_decision[] =
    "UPDATE review_minutes_decisions SET comment = 'x' WHERE minutes_id = ?";
static const char sql_drop_event[] = "DELETE FROM review_events WHERE subject_id = ?";
static const char sql_overdue_to_agent[] =
    "SELECT COUNT(*) FROM outbox WHERE kind = 'action_overdue'"
    " AND dedupe_key LIKE CONCAT('email:action_overdue:action=%:agent=', ?)";
static const char sql_bad_address[] = "UPDATE agents SET email = 'not an address' WHERE id = ?";
static const char sql_good_address[] =
    "UPDATE agents SET email = CONCAT(login, '@unit.test') WHERE id = ?";
static const char sql_overdue_open[] =
    "SELECT COUNT(*) FROM review_actions WHERE minutes_id = ? AND overdue_mailed_at IS NULL";
static const char sql_late_open[] =
    "SELECT COUNT(*) FROM review_minutes WHERE id = ? AND late_alerted_at IS NULL";
static const char sql_system_events[] =
    "SELECT COUNT(*) FROM review_events WHERE subject_id = ? AND agent_id IS NULL"
    " AND kind IN ('late_alerted', 'overdue_mailed')";
static const char sql_system_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action IN ('late_alerted',"
    " 'overdue_mailed')";
static const char sql_first_action[] = "SELECT MIN(id) FROM review_actions WHERE minutes_id = ?";

typedef struct fixture {
    agent_t sup, dir, eng, lead;
    long long meeting;
} fixture_t;

/* A review meeting on Monday 2027-03-15 10:00-11:00 organised by sup, held:
 * the clock is then at 11:30. */
static void setup(desk_t *d, fixture_t *f)
{
    dbtest_agent(d, "sup", "supervisor", "supervisors", true, &f->sup);
    dbtest_agent(d, "dir", "director", "supervisors", true, &f->dir);
    dbtest_agent(d, "eng", "agent", "aftersales", false, &f->eng);
    dbtest_agent(d, "lead", "supervisor", "aftersales", false, &f->lead);
    meeting_content_t c = {.kind = "review", .title = "支付卡顿复盘", .agenda = "问题回顾",
                           .starts_at = dbtest_local("2027-03-15 10:00"),
                           .duration_minutes = 60, .attendees = "", .problems = ""};
    audit_who_t who = {f->sup.id, "127.0.0.1"};
    refusal_t r = {0};
    time_t earliest = 0;
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_create(d, &f->sup, &who, &c, &f->meeting, &earliest, &r), OUTCOME_OK);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-15 11:30");
}

static minutes_content_t content(desk_t *d, const fixture_t *f, const char *causes)
{
    minutes_content_t c = {.review = "支付后白屏 2 小时", .root_causes = causes,
                           .directions = "优化发布流程"};
    c.depts[0] = (minutes_dept_t){dbtest_team(d, "aftersales"), "15 分钟响应", "升级晚"};
    c.measures[0] = (action_plan_t){"话术培训", "覆盖 100%", "讲师", dbtest_team(d, "aftersales"),
                                    f->eng.id, "2027-03-19", "2027-03-16"};
    c.measures[1] = (action_plan_t){"灰度检查", "事故为 0", "", dbtest_team(d, "aftersales"),
                                    f->eng.id, "2027-04-30", NULL};
    return c;
}

static int save(desk_t *d, const agent_t *a, long long meeting, const minutes_content_t *c,
                long long *id, refusal_t *r)
{
    audit_who_t who = {a->id, "127.0.0.1"};
    memset(r, 0, sizeof *r);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    int rc = minutes_save(d, a, &who, meeting, 0, c, id, r);
    if (rc == OUTCOME_OK)
        assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    else
        db_rollback(&d->db);
    return rc;
}

static int act(desk_t *d, const agent_t *a, long long id, minutes_action_t what,
               const char *comment, refusal_t *r)
{
    audit_who_t who = {a->id, "127.0.0.1"};
    memset(r, 0, sizeof *r);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    int rc = minutes_act(d, a, &who, id, what, 0, comment, r);
    if (rc == OUTCOME_OK)
        assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    else
        db_rollback(&d->db);
    return rc;
}

static void late_minutes_are_mailed_once(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup(d, &f);
    long long before = dbtest_int(d, "SELECT COALESCE(MAX(id), 0) FROM outbox WHERE id > ?", 0);
    assert_int_equal(minutes_late_pass(d, 10), 0); /* opened, not late */
    long long id = 0;
    assert_int_equal(minutes_of_meeting(d, f.meeting, &id), OUTCOME_OK);
    minutes_t m;
    assert_int_equal(minutes_get(d, id, &m), OUTCOME_OK);
    /* Monday 11:00 + 2 working days: Wednesday 11:00 */
    assert_int_equal(m.due_at, dbtest_local("2027-03-17 11:00"));
    minutes_free(&m);
    dbtest_at_local(d, "2027-03-17 10:59");
    assert_int_equal(minutes_late_pass(d, 10), 0);
    dbtest_at_local(d, "2027-03-17 11:01");
    assert_int_equal(minutes_late_pass(d, 10), 1);
    assert_int_equal(dbtest_int(d, sql_late_mails, before), 2); /* organiser and director */
    dbtest_at_local(d, "2027-03-18 11:01");
    assert_int_equal(minutes_late_pass(d, 10), 0);
    assert_int_equal(dbtest_int(d, sql_late_mails, before), 2);
}

static void only_the_director_decides_and_every_version_is_kept(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup(d, &f);
    refusal_t r;
    long long id = 0, before = dbtest_int(d, "SELECT COALESCE(MAX(id), 0) FROM outbox WHERE id > ?", 0);
    minutes_content_t c = content(d, &f, "发布未灰度");
    assert_int_equal(save(d, &f.eng, f.meeting, &c, &id, &r), CHANGE_REFUSED); /* not the organiser */
    assert_string_equal(r.why[0].key, "forbidden");
    assert_int_equal(save(d, &f.sup, f.meeting, &c, &id, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.sup, id, MA_APPROVE, NULL, &r), CHANGE_REFUSED);
    assert_int_equal(act(d, &f.sup, id, MA_SUBMIT, NULL, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.sup, id, MA_APPROVE, NULL, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "forbidden");
    assert_int_equal(act(d, &f.lead, id, MA_RETURN, "x", &r), CHANGE_REFUSED);
    assert_int_equal(act(d, &f.dir, id, MA_RETURN, NULL, &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].field, "comment");
    assert_int_equal(dbtest_int(d, sql_decisions, id), 0); /* refusals wrote nothing */
    assert_int_equal(act(d, &f.dir, id, MA_RETURN, "请补充根因", &r), OUTCOME_OK);
    minutes_content_t c2 = content(d, &f, "检查单缺灰度项");
    assert_int_equal(save(d, &f.sup, f.meeting, &c2, &id, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.sup, id, MA_SUBMIT, NULL, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.dir, id, MA_APPROVE, NULL, &r), OUTCOME_OK);
    assert_int_equal(dbtest_int(d, sql_versions, id), 2);
    assert_int_equal(dbtest_int(d, sql_decisions, id), 2);
    json_t *v1 = NULL, *v2 = NULL;
    assert_int_equal(minutes_version_content(d, id, 1, &v1), OUTCOME_OK);
    assert_int_equal(minutes_version_content(d, id, 2, &v2), OUTCOME_OK);
    assert_string_equal(json_string_value(json_object_get(v1, "root_causes")), "发布未灰度");
    assert_string_equal(json_string_value(json_object_get(v2, "root_causes")), "检查单缺灰度项");
    json_decref(v1);
    json_decref(v2);
    assert_int_equal(dbtest_int(d, sql_actions, id), 2); /* one action per measure */
    assert_true(dbtest_int(d, sql_published, before) >= 2); /* eng and lead of aftersales */
    /* approved: read only, decided once */
    assert_int_equal(save(d, &f.sup, f.meeting, &c2, &id, &r), CHANGE_REFUSED);
    assert_int_equal(act(d, &f.dir, id, MA_APPROVE, NULL, &r), CHANGE_REFUSED);
    /* what was submitted, decided and done can be neither changed nor removed */
    assert_true(db_exec(&d->db, sql_touch_version, "i", id) < 0);
    assert_true(db_exec(&d->db, sql_drop_version, "i", id) < 0);
    assert_true(db_exec(&d->db, sql_touch_decision, "i", id) < 0);
    assert_true(db_exec(&d->db, sql_drop_event, "i", id) < 0);
    assert_int_equal(dbtest_int(d, sql_versions, id), 2);
}

static void an_overdue_action_is_mailed_once(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup(d, &f);
    refusal_t r;
    long long id = 0;
    minutes_content_t c = content(d, &f, "发布未灰度");
    assert_int_equal(save(d, &f.sup, f.meeting, &c, &id, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.sup, id, MA_SUBMIT, NULL, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.dir, id, MA_APPROVE, NULL, &r), OUTCOME_OK);
    long long before = dbtest_int(d, "SELECT COALESCE(MAX(id), 0) FROM outbox WHERE id > ?", 0);
    dbtest_at_local(d, "2027-03-19 23:00"); /* the deadline's own day: not overdue */
    assert_int_equal(action_overdue_pass(d, 10), 0);
    dbtest_at_local(d, "2027-03-20 09:00");
    assert_int_equal(action_overdue_pass(d, 10), 1);
    /* the owner and the department's lead (a supervisor in aftersales) */
    assert_int_equal(dbtest_int(d, sql_overdue_mails, before), 2);
    dbtest_at_local(d, "2027-03-22 09:00");
    assert_int_equal(action_overdue_pass(d, 10), 0);
    assert_int_equal(dbtest_int(d, sql_overdue_mails, before), 2);
    /* verified against a figure: before and after kept */
    long long first = dbtest_int(d, sql_first_action, id);
    audit_who_t who = {f.eng.id, "127.0.0.1"};
    action_step_in_t start = {.step = AT_START}, finish = {.step = AT_FINISH},
                     verify = {.step = AT_VERIFY, .figure = "覆盖率", .before = "40%", .after = "100%"};
    memset(&r, 0, sizeof r);
    assert_int_equal(action_take_step(d, &f.eng, &who, first, &start, &r), OUTCOME_OK);
    assert_int_equal(action_take_step(d, &f.eng, &who, first, &finish, &r), OUTCOME_OK);
    assert_int_equal(action_take_step(d, &f.eng, &who, first, &verify, &r), CHANGE_REFUSED);
    memset(&r, 0, sizeof r);
    audit_who_t org = {f.sup.id, "127.0.0.1"};
    assert_int_equal(action_take_step(d, &f.sup, &org, first, &verify, &r), OUTCOME_OK);
    action_t x;
    assert_int_equal(action_get(d, first, LANG_ZH, &x), OUTCOME_OK);
    assert_string_equal(x.starts_on, "2027-03-16"); /* the start written on the minutes */
    assert_int_equal(action_get(d, first + 1, LANG_ZH, &x), OUTCOME_OK);
    assert_string_equal(x.starts_on, "2027-03-15"); /* none written: the approval's day */
    assert_int_equal(action_get(d, first, LANG_ZH, &x), OUTCOME_OK);
    assert_string_equal(x.status, "verified");
    assert_string_equal(x.before_value, "40%");
    assert_string_equal(x.after_value, "100%");
    assert_string_equal(x.figure, "覆盖率");
}

/* An R&D engineer owns an after-sales measure: the overdue mail goes to
 * them and their own supervisor in R&D, not to the after-sales lead. */
static void an_overdue_action_mails_the_owners_own_supervisor(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup(d, &f);
    agent_t rnde, rndsup;
    dbtest_agent(d, "rnde", "agent", "rnd", false, &rnde);
    dbtest_agent(d, "rndsup", "supervisor", "rnd", false, &rndsup);
    refusal_t r;
    long long id = 0;
    minutes_content_t c = content(d, &f, "发布未灰度");
    c.measures[0].owner_id = rnde.id;
    c.measures[1].owner_id = rnde.id;
    assert_int_equal(save(d, &f.sup, f.meeting, &c, &id, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.sup, id, MA_SUBMIT, NULL, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.dir, id, MA_APPROVE, NULL, &r), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-20 09:00");
    assert_int_equal(action_overdue_pass(d, 10), 1);
    assert_int_equal(dbtest_int(d, sql_overdue_to_agent, rnde.id), 1);
    assert_int_equal(dbtest_int(d, sql_overdue_to_agent, rndsup.id), 1);
    assert_int_equal(dbtest_int(d, sql_overdue_to_agent, f.lead.id), 0);
    assert_int_equal(dbtest_int(d, sql_overdue_to_agent, f.eng.id), 0);
}

/* A start after the deadline, or not a date, is refused on its row. */
static void a_measure_may_not_start_after_its_deadline(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup(d, &f);
    minutes_content_t c = content(d, &f, "发布未灰度");
    refusal_t r = {0};
    c.measures[1].starts_on = "2027-05-01";
    assert_int_equal(action_plan_check(d, 1, &c.measures[1], "2027-03-15", &r), OUTCOME_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.why[0].field, "m2_start");
    assert_string_equal(r.why[0].key, "start_after_due");
    memset(&r, 0, sizeof r);
    c.measures[1].starts_on = "2027-02-30";
    assert_int_equal(action_plan_check(d, 1, &c.measures[1], "2027-03-15", &r), OUTCOME_OK);
    assert_string_equal(r.why[0].key, "invalid_date");
    memset(&r, 0, sizeof r);
    c.measures[1].starts_on = "2027-03-01"; /* begun before the meeting: allowed */
    assert_int_equal(action_plan_check(d, 1, &c.measures[1], "2027-03-15", &r), OUTCOME_OK);
    assert_int_equal(r.n, 0);
}

/* When the outbox refuses a mail (here an address it cannot take), the
 * alert is not recorded as sent: the pass rolls back and the next one,
 * once the address is right, sends it. */
static void an_alert_the_outbox_refused_is_tried_again(void **state)
{
    desk_t *d = *state;
    fixture_t f;
    setup(d, &f);
    long long id = 0;
    assert_int_equal(minutes_late_pass(d, 10), 0); /* opened, not late */
    assert_int_equal(minutes_of_meeting(d, f.meeting, &id), OUTCOME_OK);
    assert_true(db_exec(&d->db, sql_bad_address, "i", f.sup.id) >= 0);
    dbtest_at_local(d, "2027-03-17 11:01");
    assert_int_equal(minutes_late_pass(d, 10), 0);
    assert_int_equal(dbtest_int(d, sql_late_open, id), 1);
    assert_true(db_exec(&d->db, sql_good_address, "i", f.sup.id) >= 0);
    assert_int_equal(minutes_late_pass(d, 10), 1);
    assert_int_equal(dbtest_int(d, sql_late_open, id), 0);

    refusal_t r;
    minutes_content_t c = content(d, &f, "发布未灰度");
    assert_int_equal(save(d, &f.sup, f.meeting, &c, &id, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.sup, id, MA_SUBMIT, NULL, &r), OUTCOME_OK);
    assert_int_equal(act(d, &f.dir, id, MA_APPROVE, NULL, &r), OUTCOME_OK);
    assert_true(db_exec(&d->db, sql_bad_address, "i", f.lead.id) >= 0);
    dbtest_at_local(d, "2027-03-20 09:00");
    assert_int_equal(action_overdue_pass(d, 10), 0);
    assert_int_equal(dbtest_int(d, sql_overdue_open, id), 2);
    assert_true(db_exec(&d->db, sql_good_address, "i", f.lead.id) >= 0);
    assert_int_equal(action_overdue_pass(d, 10), 1);
    assert_int_equal(dbtest_int(d, sql_overdue_open, id), 1);
    /* what the scheduler did is in the history and the audit trail, once */
    long long first = dbtest_int(d, sql_first_action, id);
    assert_int_equal(dbtest_int(d, sql_system_events, first), 1);
    assert_true(dbtest_int(d, sql_system_audit, first) >= 1);
    assert_int_equal(dbtest_int(d, sql_system_events, id), 1 + (first == id)); /* the minutes' */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(late_minutes_are_mailed_once),
        DBTEST(only_the_director_decides_and_every_version_is_kept),
        DBTEST(an_overdue_action_is_mailed_once),
        DBTEST(an_overdue_action_mails_the_owners_own_supervisor),
        DBTEST(a_measure_may_not_start_after_its_deadline),
        DBTEST(an_alert_the_outbox_refused_is_tried_again),
    };
    return DBTEST_RUN("db_test_minutes", tests);
}
