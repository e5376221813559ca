/* Unit tests of the monthly report mail (lib/desk/stats/monthly.h) against a
 * real MariaDB on the test clock (tests/unit/dbtest.h). A known February
 * 2027: three tickets of the training team (two resolved, one closed and
 * answered 4/4/5), two of the supervisors' team (one resolved), a customer
 * with an address and a phone number on each; January: one training
 * ticket. Recipients: the directors by role, an agent of training and a
 * supervisor by person, one of them reading English.
 *
 *   - before 06:00 on March 1 nothing; from 06:00 one mail per recipient,
 *     in their language, with the month's headline figures beside January
 *     and a link to the month's statistics, and the workbook attached
 *     (report-2027-02.xlsx, the xlsx content type) that Python's standard
 *     library reads (tests/http/xlsx_read.py) and whose volume sheet holds
 *     the month's figures in the recipient's scope: the agent's only their
 *     team's and no sheet per agent, the director's and the supervisor's
 *     every team's with the sheets per agent; no contact detail in any;
 *   - a second pass, and two schedulers at once, queue nothing more; a pass
 *     that died after some recipients leaves the rest to the next, and so
 *     does one that reached its limit;
 *   - off: nothing; a desk down over the 1st sends the last month only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dbtest.h"
#include "desk/settings.h"
#include "desk/stats/monthly.h"
#include "desk/survey.h"
#include "desk/ticket/ticket_work.h"

#define EMAIL "kunde.zhang@example.com"
#define PHONE "13912345678"

typedef struct crew {
    agent_t li, sun, zhou, wu;
} crew_t;

static long long create(desk_t *d, const char *when, const char *category)
{
    dbtest_at_local(d, when);
    ticket_new_t in = dbtest_request(d, category);
    in.email = EMAIL;
    in.phone = PHONE;
    return dbtest_create(d, &in, NULL);
}

static void status(desk_t *d, const agent_t *a, long long id, const char *when,
                   ticket_status_t to)
{
    dbtest_at_local(d, when);
    assert_int_equal(ticket_change_status(d, a, id, 0, to, "处理结果"), OUTCOME_OK);
}

static void setting(desk_t *d, const char *name, const char *value)
{
    assert_true(settings_put(&d->db, name, value, NULL) >= 0);
    dbtest_reload(d);
}

static const char sql_english[] = "UPDATE agents SET language = 'en' WHERE id = ?";

/* The history, and the recipients: directors by role, li and sun by person. */
static void make_history(desk_t *d, crew_t *c)
{
    dbtest_agent(d, "li", "agent", "training", false, &c->li);
    dbtest_agent(d, "sun", "supervisor", "supervisors", false, &c->sun);
    dbtest_agent(d, "zhou", "director", "", false, &c->zhou);
    dbtest_agent(d, "wu", "agent", "aftersales", false, &c->wu); /* not a recipient */
    assert_int_equal(db_exec(&d->db, sql_english, "i", c->zhou.id), 1);
    const agent_t *li = &c->li, *sun = &c->sun;
    long long j1 = create(d, "2027-01-20 10:00", "usage");
    (void)j1;
    long long t1 = create(d, "2027-02-03 09:00", "usage");
    assert_int_equal(ticket_claim(d, li, t1, 0), OUTCOME_OK);
    status(d, li, t1, "2027-02-03 10:00", TS_RESOLVED);
    status(d, li, t1, "2027-02-03 11:00", TS_CLOSED);
    survey_t x = {.resolution = 4, .speed = 4, .attitude = 5, .suggestions = "", .unmet_needs = ""};
    assert_int_equal(survey_record(d, t1, &x, NULL), OUTCOME_OK);
    long long t2 = create(d, "2027-02-10 09:00", "usage");
    assert_int_equal(ticket_claim(d, li, t2, 0), OUTCOME_OK);
    status(d, li, t2, "2027-02-11 10:00", TS_RESOLVED);
    create(d, "2027-02-20 09:00", "usage");
    long long s1 = create(d, "2027-02-12 09:00", "complaint");
    assert_int_equal(ticket_claim(d, sun, s1, 0), OUTCOME_OK);
    status(d, sun, s1, "2027-02-12 15:00", TS_RESOLVED);
    create(d, "2027-02-25 09:00", "complaint");
    char people[64];
    snprintf(people, sizeof people, "%lld,%lld", c->li.id, c->sun.id);
    assert_true(settings_put(&d->db, "Stats.MonthlyRoles", "director", NULL) >= 0);
    assert_true(settings_put(&d->db, "Stats.MonthlyPeople", people, NULL) >= 0);
    assert_true(settings_put(&d->db, "Stats.MonthlyMail", "1", NULL) >= 0);
    dbtest_reload(d);
}

static int pass(desk_t *d)
{
    int queued = -1;
    assert_int_equal(stats_monthly_pass(d, 100, &queued), OUTCOME_OK);
    return queued;
}

static const char sql_mails[] = "SELECT COUNT(*) FROM outbox WHERE kind = 'stats_monthly' AND id > ?";
static const char sql_claims[] = "SELECT COUNT(*) FROM stats_monthly_mail WHERE agent_id > ?";
static const char sql_claims_of[] =
    "SELECT COUNT(*) FROM stats_monthly_mail WHERE month = '2027-03-01' AND agent_id > ?";

static long long mails(desk_t *d) { return dbtest_int(d, sql_mails, 0); }

typedef struct mail {
    char subject[501], language[3], name[256], type[201];
    char *body, *xlsx;
    size_t len;
} mail_t;

static const char sql_mail_of[] =
    "SELECT o.subject, o.language, o.body, a.name, a.content_type, a.bytes FROM outbox o"
    " JOIN outbox_attachments a ON a.outbox_id = o.id"
    " WHERE o.kind = 'stats_monthly' AND o.dedupe_key LIKE CONCAT('%stats_monthly:month=', ?,"
    " ':p=', ?) ORDER BY a.position";

/* The mail of a month to a person, which must exist with one attachment. */
static void mail_of(desk_t *d, const char *month, long long person, mail_t *m)
{
    memset(m, 0, sizeof *m);
    MYSQL_STMT *st = db_query(&d->db, sql_mail_of, "si", month, person);
    assert_non_null(st);
    m->xlsx = malloc(4 << 20);
    assert_non_null(m->xlsx);
    assert_int_equal(db_fetch(st, "ssSssb", m->subject, sizeof m->subject, m->language,
                              sizeof m->language, &m->body, m->name, sizeof m->name, m->type,
                              sizeof m->type, m->xlsx, (size_t)(4 << 20), &m->len),
                     1);
    assert_int_equal(db_fetch(st, "ssSssb", m->subject, sizeof m->subject, m->language,
                              sizeof m->language, &m->body, m->name, sizeof m->name, m->type,
                              sizeof m->type, m->xlsx, (size_t)(4 << 20), &m->len),
                     0);
    db_done(st);
}

static void mail_free(mail_t *m)
{
    free(m->body);
    free(m->xlsx);
}

/* The workbook as tests/http/xlsx_read.py reads it. */
static json_t *read_workbook(const mail_t *m)
{
    char path[] = "/tmp/desk-unit-monthly-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, m->xlsx, m->len), (ssize_t)m->len);
    close(fd);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "python3 tests/http/xlsx_read.py %s", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    json_error_t err;
    json_t *wb = json_loadf(p, 0, &err);
    assert_int_equal(pclose(p), 0);
    unlink(path);
    assert_non_null(wb);
    return wb;
}

static json_t *sheet(json_t *wb, const char *name)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(wb, "sheets"), i, s)
        if (!strcmp(json_string_value(json_object_get(s, "name")), name))
            return s;
    return NULL;
}

/* The number in column col of the row of the sheet whose first cell is label. */
static long long figure(json_t *s, const char *label, int col)
{
    size_t i;
    json_t *row;
    assert_non_null(s);
    json_array_foreach(json_object_get(s, "rows"), i, row) {
        json_t *first = json_array_get(row, 0);
        if (json_is_object(first) &&
            !strcmp(json_string_value(json_object_get(first, "v")) ?: "", label)) {
            json_t *cell = json_array_get(row, (size_t)col);
            assert_string_equal(json_string_value(json_object_get(cell, "type")), "n");
            return (long long)json_real_value(json_object_get(cell, "v"));
        }
    }
    fail_msg("no row %s", label);
    return -1;
}

static bool holds(json_t *wb, const char *text)
{
    return strstr(json_string_value(json_object_get(wb, "text")), text) != NULL;
}

static void no_contacts(json_t *wb, const mail_t *m)
{
    assert_false(holds(wb, EMAIL));
    assert_false(holds(wb, PHONE));
    assert_false(holds(wb, "王小明"));
    assert_null(strstr(m->body, EMAIL));
    assert_null(strstr(m->body, PHONE));
    assert_null(strstr(m->body, "王小明"));
}

static void the_first_mails_each_recipient_once(void **state)
{
    desk_t *d = *state;
    crew_t c;
    make_history(d, &c);
    dbtest_at_local(d, "2027-03-01 05:59");
    assert_int_equal(pass(d), 0); /* not before the hour */
    assert_int_equal(mails(d), 0);
    dbtest_at_local(d, "2027-03-01 06:00");
    assert_int_equal(pass(d), 3); /* zhou by role, li and sun by person; not wu */
    assert_int_equal(mails(d), 3);
    dbtest_at_local(d, "2027-03-01 06:01");
    assert_int_equal(pass(d), 0);
    dbtest_at_local(d, "2027-03-20 10:00");
    assert_int_equal(pass(d), 0);
    assert_int_equal(mails(d), 3);

    /* the agent: their team (training) only, in Chinese */
    mail_t m;
    mail_of(d, "2027-02", c.li.id, &m);
    assert_string_equal(m.name, "report-2027-02.xlsx");
    assert_string_equal(m.type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_string_equal(m.language, "zh");
    assert_non_null(strstr(m.subject, "月度报表"));
    assert_non_null(strstr(m.subject, "2027-02"));
    char link[160];
    snprintf(link, sizeof link, "/agent/stats?kind=month&at=2027-02-01&team=%lld",
             dbtest_team(d, "training"));
    assert_non_null(strstr(m.body, link));
    assert_non_null(strstr(m.body, "新建工单：3（上月 1）"));
    assert_non_null(strstr(m.body, "解决工单：2（上月 0）"));
    assert_non_null(strstr(m.body, "月末积压：2（上月 1）"));
    assert_non_null(strstr(m.body, "满意度（平均分，满分 5）：4.3（上月 —）"));
    json_t *wb = read_workbook(&m);
    json_t *vol = sheet(wb, "工单量");
    assert_int_equal(figure(vol, "新建工单", 1), 3);
    assert_int_equal(figure(vol, "新建工单", 2), 1); /* January */
    assert_int_equal(figure(vol, "解决", 1), 2);
    assert_null(sheet(wb, "按处理人")); /* no figures per agent for an agent */
    no_contacts(wb, &m);
    json_decref(wb);
    mail_free(&m);

    /* the director: every team, in English, with the figures per agent */
    mail_of(d, "2027-02", c.zhou.id, &m);
    assert_string_equal(m.language, "en");
    assert_non_null(strstr(m.subject, "Monthly report"));
    assert_non_null(strstr(m.body, "Tickets created: 5 (previous month: 1)"));
    assert_non_null(strstr(m.body, "Tickets resolved: 3 (previous month: 0)"));
    assert_non_null(strstr(m.body, "Satisfaction (mean score of 5): 4.3 (previous month: —)"));
    assert_non_null(strstr(m.body, "/agent/stats?kind=month&at=2027-02-01\n"));
    wb = read_workbook(&m);
    vol = sheet(wb, "Volume");
    assert_int_equal(figure(vol, "Created", 1), 5);
    assert_int_equal(figure(vol, "Resolved", 1), 3);
    assert_non_null(sheet(wb, "Per agent"));
    no_contacts(wb, &m);
    json_decref(wb);
    mail_free(&m);

    /* the supervisor: every team too (the statistics' scope of a supervisor) */
    mail_of(d, "2027-02", c.sun.id, &m);
    wb = read_workbook(&m);
    assert_int_equal(figure(sheet(wb, "工单量"), "新建工单", 1), 5);
    no_contacts(wb, &m);
    json_decref(wb);
    mail_free(&m);
}

static int one_scheduler(desk_t *child, int index, void *arg)
{
    (void)index;
    (void)arg;
    int queued;
    return stats_monthly_pass(child, 100, &queued) == OUTCOME_OK ? 0 : 1;
}

static void two_schedulers_queue_each_mail_once(void **state)
{
    desk_t *d = *state;
    crew_t c;
    make_history(d, &c);
    dbtest_at_local(d, "2027-03-01 06:00");
    assert_int_equal(dbtest_parallel(d, 2, one_scheduler, NULL), 0);
    assert_int_equal(mails(d), 3);
    assert_int_equal(dbtest_int(d, sql_claims, 0), 3);
}

static const char sql_claim_li[] =
    "INSERT INTO stats_monthly_mail (month, agent_id, queued_at) VALUES ('2027-02-01', ?,"
    " '2027-02-28 22:00:00')";

/* A pass that died after li's mail was committed: the next one serves the
 * others only. */
static void the_next_pass_finishes_what_one_left(void **state)
{
    desk_t *d = *state;
    crew_t c;
    make_history(d, &c);
    assert_int_equal(db_exec(&d->db, sql_claim_li, "i", c.li.id), 1);
    dbtest_at_local(d, "2027-03-01 06:00");
    assert_int_equal(pass(d), 2);
    assert_int_equal(dbtest_int(d, sql_claims, 0), 3);
}

/* At most max a pass: the rest at the next. */
static void a_pass_queues_at_most_max(void **state)
{
    desk_t *d = *state;
    crew_t c;
    make_history(d, &c);
    dbtest_at_local(d, "2027-03-01 06:00");
    int queued = -1;
    assert_int_equal(stats_monthly_pass(d, 2, &queued), OUTCOME_OK);
    assert_int_equal(queued, 2);
    assert_int_equal(stats_monthly_pass(d, 2, &queued), OUTCOME_OK);
    assert_int_equal(queued, 1);
    assert_int_equal(stats_monthly_pass(d, 2, &queued), OUTCOME_OK);
    assert_int_equal(queued, 0);
    assert_int_equal(mails(d), 3);
}

static void off_sends_nothing(void **state)
{
    desk_t *d = *state;
    crew_t c;
    make_history(d, &c);
    setting(d, "Stats.MonthlyMail", "0");
    dbtest_at_local(d, "2027-03-01 06:00");
    assert_int_equal(pass(d), 0);
    dbtest_at_local(d, "2027-03-15 06:00");
    assert_int_equal(pass(d), 0);
    assert_int_equal(mails(d), 0);
    assert_int_equal(dbtest_int(d, sql_claims, 0), 0);
}

/* Down from February 27 to April 15: March's report only, not February's. */
static void back_from_down_sends_the_last_month_only(void **state)
{
    desk_t *d = *state;
    crew_t c;
    make_history(d, &c);
    setting(d, "Stats.MonthlyHour", "8");
    dbtest_at_local(d, "2027-04-15 07:00");
    assert_int_equal(pass(d), 3);
    assert_int_equal(dbtest_int(d, sql_claims, 0), 3);
    assert_int_equal(dbtest_int(d, sql_claims_of, 0), 3);
    mail_t m;
    mail_of(d, "2027-03", c.li.id, &m);
    assert_string_equal(m.name, "report-2027-03.xlsx");
    assert_non_null(strstr(m.body, "新建工单：0（上月 3）"));
    mail_free(&m);
    /* on May 1 before the hour nothing; at 08:00 April's */
    dbtest_at_local(d, "2027-05-01 07:59");
    assert_int_equal(pass(d), 0);
    dbtest_at_local(d, "2027-05-01 08:00");
    assert_int_equal(pass(d), 3);
    assert_int_equal(mails(d), 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(the_first_mails_each_recipient_once),
        DBTEST(two_schedulers_queue_each_mail_once),
        DBTEST(the_next_pass_finishes_what_one_left),
        DBTEST(a_pass_queues_at_most_max),
        DBTEST(off_sends_nothing),
        DBTEST(back_from_down_sends_the_last_month_only),
    };
    return DBTEST_RUN("stats monthly mail", tests);
}
