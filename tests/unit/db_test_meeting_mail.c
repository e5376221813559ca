/* Unit tests of an outbox mail's attachments and of a meeting's calendar
 * mail against a real MariaDB (tests/unit/dbtest.h): an attachment exists
 * exactly when its mail's transaction committed, with its bytes whole; a
 * scheduled meeting queues one invitation with its .ics per attendee, an
 * edit one more (the rule checked again for a new time), a cancellation a
 * CANCEL; the day-before reminder is queued once per attendee and start,
 * never for a cancelled meeting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbtest.h"
#include "desk/notify/outbox.h"
#include "desk/review/meeting.h"
#include "desk/review/meeting_mail.h"

static const char sql_attachments[] = "SELECT COUNT(*) FROM outbox_attachments WHERE outbox_id > ?";
static const char sql_outbox[] = "SELECT COUNT(*) FROM outbox WHERE id > ?";
static const char sql_kind_count[] =
    "SELECT COUNT(*) FROM outbox WHERE kind = 'meeting_reminder' AND id > ?";
static const char sql_bytes[] =
    "SELECT bytes, content_type FROM outbox_attachments ORDER BY outbox_id DESC, position LIMIT 1";
static const char sql_last_ics[] =
    "SELECT a.bytes FROM outbox_attachments a JOIN outbox o ON o.id = a.outbox_id"
    " WHERE o.kind = ? ORDER BY o.id DESC LIMIT 1";

static void an_attachment_is_stored_with_its_mail_in_one_transaction(void **state)
{
    desk_t *d = *state;
    unsigned char bytes[70000];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (unsigned char)(i * 31 + 7); /* NULs and every byte value */
    mail_attachment_t file = {"月报 2027-02.xlsx",
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              bytes, sizeof bytes};
    outbox_msg_t m = {.channel = OUTBOX_EMAIL, .recipient = "director@unit.test",
                      .kind = "monthly_report", .subject = "月报", .body = "见附件。\n",
                      .attachments = &file, .nattachments = 1};
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(outbox_add(d, &m), OUTCOME_OK);
    assert_int_equal(dbtest_int(d, sql_attachments, 0), 1);
    db_rollback(&d->db);
    assert_int_equal(dbtest_int(d, sql_attachments, 0), 0);
    assert_int_equal(dbtest_int(d, sql_outbox, 0), 0);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(outbox_add(d, &m), OUTCOME_OK);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    unsigned char *back = malloc(sizeof bytes);
    size_t len = 0;
    char type[201];
    assert_int_equal(db_row(&d->db, sql_bytes, "", "bs", back, sizeof bytes, &len, type, sizeof type), 1);
    assert_int_equal(len, sizeof bytes);
    assert_memory_equal(back, bytes, sizeof bytes);
    assert_string_equal(type, file.content_type);
    free(back);
    /* a bad attachment makes the message invalid, and nothing is stored */
    file.content_type = "text/calendar\r\nBcc: x@example.com";
    assert_int_equal(outbox_add(d, &m), OUTCOME_UNAVAILABLE);
    file.content_type = "text/plain";
    file.name = "a\nb.txt";
    assert_int_equal(outbox_add(d, &m), OUTCOME_UNAVAILABLE);
    assert_int_equal(dbtest_int(d, sql_attachments, 0), 1);
}

typedef struct people {
    agent_t sup, eng, trainer;
    char attendees[48];
} people_t;

static void setup_people(desk_t *d, people_t *p)
{
    dbtest_agent(d, "sup", "supervisor", "supervisors", true, &p->sup);
    dbtest_agent(d, "eng", "agent", "aftersales", false, &p->eng);
    dbtest_agent(d, "trainer", "agent", "training", false, &p->trainer);
    snprintf(p->attendees, sizeof p->attendees, "%lld,%lld", p->eng.id, p->trainer.id);
}

/* meeting_create and its invitation in one transaction. */
static long long schedule(desk_t *d, const agent_t *a, const meeting_content_t *c)
{
    audit_who_t who = {a->id, "127.0.0.1"};
    refusal_t r = {0};
    long long id = 0;
    time_t earliest;
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_create(d, a, &who, c, &id, &earliest, &r), OUTCOME_OK);
    assert_int_equal(meeting_mail_invite(d, id, NULL, 0), OUTCOME_OK);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    return id;
}

static const char sql_mails[] =
    "SELECT recipient_sealed FROM outbox WHERE kind = ? AND ticket_id IS NULL ORDER BY id";

/* The mails of a kind (not about a ticket) queued to an address. */
static int mails(desk_t *d, const char *kind, const char *to)
{
    unsigned char sealed[SECRET_SEALED_LEN(320)];
    size_t slen = 0;
    char addr[321];
    int n = 0, rc;
    MYSQL_STMT *st = db_query(&d->db, sql_mails, "s", kind);
    assert_non_null(st);
    while ((rc = db_fetch(st, "b", sealed, sizeof sealed, &slen)) == 1) {
        assert_int_equal(secret_open(&d->secrets, sealed, slen, addr, sizeof addr), 0);
        n += strcmp(addr, to) == 0;
    }
    db_done(st);
    assert_int_equal(rc, 0);
    return n;
}

/* The last .ics of a kind of mail, unfolded, into out. */
static void last_ics(desk_t *d, const char *kind, char *out, size_t cap)
{
    char raw[16384];
    size_t len = 0;
    assert_int_equal(db_row(&d->db, sql_last_ics, "s", "b", kind, raw, sizeof raw - 1, &len), 1);
    raw[len] = '\0';
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == ' ') {
            i += 2;
            continue;
        }
        out[n++] = raw[i];
    }
    out[n] = '\0';
}

static void invitations_follow_the_meeting(void **state)
{
    desk_t *d = *state;
    people_t p;
    setup_people(d, &p);
    /* Tuesday 10:00: the next Tuesday 14:00 is well ahead */
    meeting_content_t c = {.kind = "review", .title = "报表复盘", .attendees = p.attendees,
                           .location = "3 楼", .agenda = "问题回顾",
                           .starts_at = dbtest_local("2027-03-16 14:00"), .duration_minutes = 60};
    long long id = schedule(d, &p.sup, &c);
    assert_int_equal(mails(d, "meeting_invitation", "eng@unit.test"), 1);
    assert_int_equal(mails(d, "meeting_invitation", "trainer@unit.test"), 1);
    assert_int_equal(mails(d, "meeting_invitation", "sup@unit.test"), 0);
    char ics[16384];
    last_ics(d, "meeting_invitation", ics, sizeof ics);
    assert_non_null(strstr(ics, "METHOD:REQUEST\r\n"));
    assert_non_null(strstr(ics, "SEQUENCE:0\r\n"));
    assert_non_null(strstr(ics, "DTSTART;TZID=Asia/Shanghai:20270316T140000\r\n"));
    assert_non_null(strstr(ics, ":mailto:sup@unit.test\r\n"));
    assert_non_null(strstr(ics, "RSVP=TRUE:mailto:eng@unit.test\r\n"));
    /* queued again for the same sequence: nothing more */
    assert_int_equal(meeting_mail_invite(d, id, NULL, 0), OUTCOME_OK);
    assert_int_equal(mails(d, "meeting_invitation", "eng@unit.test"), 1);

    /* an edit to Thursday 10:00 (two working days: too soon), then Wednesday
     * next week; the trainer is left out */
    meeting_t m;
    assert_int_equal(meeting_get(d, id, &m), OUTCOME_OK);
    long long version = m.version;
    meeting_free(&m);
    char eng_only[24];
    snprintf(eng_only, sizeof eng_only, "%lld", p.eng.id);
    c.attendees = eng_only;
    c.starts_at = dbtest_local("2027-03-11 10:00");
    audit_who_t who = {p.sup.id, "127.0.0.1"};
    refusal_t r = {0};
    time_t earliest = 0;
    long long removed[MEETING_INVITEES_MAX];
    int nremoved = 0;
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_update(d, &p.sup, &who, id, version, &c, &earliest, removed,
                                    &nremoved, &r),
                     CHANGE_REFUSED);
    db_rollback(&d->db);
    assert_string_equal(r.why[0].key, "too_soon");
    assert_int_equal(earliest, dbtest_local("2027-03-12 10:00"));
    c.starts_at = dbtest_local("2027-03-17 09:30");
    memset(&r, 0, sizeof r);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_update(d, &p.sup, &who, id, version, &c, &earliest, removed,
                                    &nremoved, &r),
                     OUTCOME_OK);
    assert_int_equal(nremoved, 1);
    assert_int_equal(removed[0], p.trainer.id);
    assert_int_equal(meeting_mail_invite(d, id, removed, nremoved), OUTCOME_OK);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    assert_int_equal(mails(d, "meeting_invitation", "eng@unit.test"), 2);
    assert_int_equal(mails(d, "meeting_cancelled", "trainer@unit.test"), 1);
    last_ics(d, "meeting_invitation", ics, sizeof ics);
    assert_non_null(strstr(ics, "SEQUENCE:1\r\n"));
    assert_non_null(strstr(ics, "DTSTART;TZID=Asia/Shanghai:20270317T093000\r\n"));
    assert_null(strstr(ics, "trainer@unit.test"));
    /* the same content again changes nothing */
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_update(d, &p.sup, &who, id, version + 1, &c, &earliest, removed,
                                    &nremoved, &r),
                     CHANGE_UNCHANGED);
    db_rollback(&d->db);
    /* an agent may not change it; a stale version is refused */
    memset(&r, 0, sizeof r);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_cancel(d, &p.eng, &who, id, version + 1, "不开了", &r),
                     CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "forbidden");
    memset(&r, 0, sizeof r);
    assert_int_equal(meeting_cancel(d, &p.sup, &who, id, version, "不开了", &r), CHANGE_REFUSED);
    assert_string_equal(r.why[0].key, "stale");
    memset(&r, 0, sizeof r);
    assert_int_equal(meeting_cancel(d, &p.sup, &who, id, version + 1, "客户改期", &r), OUTCOME_OK);
    assert_int_equal(meeting_mail_invite(d, id, NULL, 0), OUTCOME_OK);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    assert_int_equal(mails(d, "meeting_cancelled", "eng@unit.test"), 1);
    last_ics(d, "meeting_cancelled", ics, sizeof ics);
    assert_non_null(strstr(ics, "METHOD:CANCEL\r\n"));
    assert_non_null(strstr(ics, "STATUS:CANCELLED\r\n"));
    assert_non_null(strstr(ics, "SEQUENCE:2\r\n"));
}

static const char sql_reminded_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE entity = 'meeting' AND entity_id = ?"
    " AND action = 'reminded' AND agent_id IS NULL";

static int remind(desk_t *d)
{
    int queued = -1;
    assert_int_equal(meeting_mail_reminders(d, &queued), OUTCOME_OK);
    return queued;
}

static void the_reminder_comes_once_the_day_before_and_not_for_a_cancelled_meeting(void **state)
{
    desk_t *d = *state;
    people_t p;
    setup_people(d, &p);
    meeting_content_t c = {.kind = "weekly", .title = "周会", .attendees = p.attendees,
                           .starts_at = dbtest_local("2027-03-16 14:00")};
    long long id = schedule(d, &p.sup, &c);
    c.title = "已取消的周会";
    long long gone = schedule(d, &p.sup, &c);
    audit_who_t who = {p.sup.id, "127.0.0.1"};
    refusal_t r = {0};
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_cancel(d, &p.sup, &who, gone, 1, "并入另一场", &r), OUTCOME_OK);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    dbtest_at_local(d, "2027-03-15 13:59"); /* a minute more than a day ahead */
    assert_int_equal(remind(d), 0);
    dbtest_at_local(d, "2027-03-15 14:00");
    assert_int_equal(remind(d), 2);
    assert_int_equal(mails(d, "meeting_reminder", "eng@unit.test"), 1);
    assert_int_equal(mails(d, "meeting_reminder", "trainer@unit.test"), 1);
    dbtest_at_local(d, "2027-03-16 09:00");
    assert_int_equal(remind(d), 0);
    assert_int_equal(dbtest_int(d, sql_kind_count, 0), 2);
    assert_int_equal(dbtest_int(d, sql_reminded_audit, id), 1); /* in the audit trail, once */
}

static void count_team(long long team, const char *name, void *ctx)
{
    (void)name;
    long long *last = ctx;
    *last = team;
}

/* A department invited as a whole: each active member gets the invitation
 * (in the .ics too), sees the meeting and gets the reminder; a person both
 * invited and a member is mailed once; dropping the department cancels for
 * its members only. */
static void departments_invited_bring_their_members(void **state)
{
    desk_t *d = *state;
    people_t p;
    setup_people(d, &p);
    agent_t rnd1, rnd2;
    dbtest_agent(d, "rnd1", "agent", "rnd", false, &rnd1);
    dbtest_agent(d, "rnd2", "agent", "rnd,aftersales", false, &rnd2);
    char teams[48], eng_only[24];
    snprintf(teams, sizeof teams, "%lld,%lld", dbtest_team(d, "rnd"), dbtest_team(d, "aftersales"));
    snprintf(eng_only, sizeof eng_only, "%lld", p.eng.id);
    meeting_content_t c = {.kind = "review", .title = "研发联合复盘", .attendees = eng_only,
                           .teams = teams, .starts_at = dbtest_local("2027-03-16 14:00"),
                           .duration_minutes = 60};
    long long id = schedule(d, &p.sup, &c);
    assert_int_equal(mails(d, "meeting_invitation", "rnd1@unit.test"), 1);
    assert_int_equal(mails(d, "meeting_invitation", "rnd2@unit.test"), 1);
    assert_int_equal(mails(d, "meeting_invitation", "eng@unit.test"), 1);
    assert_int_equal(mails(d, "meeting_invitation", "trainer@unit.test"), 0);
    char ics[16384];
    last_ics(d, "meeting_invitation", ics, sizeof ics);
    assert_non_null(strstr(ics, "mailto:rnd1@unit.test\r\n"));
    long long team = 0;
    assert_int_equal(meeting_each_team(d, id, LANG_EN, count_team, &team), 2);
    meeting_t m;
    bool visible = false;
    assert_int_equal(meeting_get(d, id, &m), OUTCOME_OK);
    assert_int_equal(meeting_visible(d, &rnd1, &m, &visible), OUTCOME_OK);
    assert_true(visible);
    assert_int_equal(meeting_visible(d, &p.trainer, &m, &visible), OUTCOME_OK);
    assert_false(visible);
    long long version = m.version;
    meeting_free(&m);
    dbtest_at_local(d, "2027-03-15 14:00");
    assert_int_equal(remind(d), 3);
    assert_int_equal(mails(d, "meeting_reminder", "rnd1@unit.test"), 1);
    /* R&D no longer invited: rnd1 is told, rnd2 stays with after-sales */
    char aftersales[24];
    snprintf(aftersales, sizeof aftersales, "%lld", dbtest_team(d, "aftersales"));
    c.teams = aftersales;
    audit_who_t who = {p.sup.id, "127.0.0.1"};
    refusal_t r = {0};
    time_t earliest = 0;
    long long removed[MEETING_INVITEES_MAX];
    int nremoved = 0;
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_update(d, &p.sup, &who, id, version, &c, &earliest, removed,
                                    &nremoved, &r),
                     OUTCOME_OK);
    assert_int_equal(nremoved, 1);
    assert_int_equal(removed[0], rnd1.id);
    assert_int_equal(meeting_mail_invite(d, id, removed, nremoved), OUTCOME_OK);
    assert_int_equal(db_commit(&d->db), OUTCOME_OK);
    assert_int_equal(mails(d, "meeting_cancelled", "rnd1@unit.test"), 1);
    assert_int_equal(mails(d, "meeting_cancelled", "rnd2@unit.test"), 0);
    /* an unknown department is refused */
    c.teams = "999999";
    memset(&r, 0, sizeof r);
    assert_int_equal(db_begin(&d->db), OUTCOME_OK);
    assert_int_equal(meeting_update(d, &p.sup, &who, id, version + 1, &c, &earliest, removed,
                                    &nremoved, &r),
                     CHANGE_REFUSED);
    db_rollback(&d->db);
    assert_string_equal(r.why[0].field, "teams");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        DBTEST(an_attachment_is_stored_with_its_mail_in_one_transaction),
        DBTEST(invitations_follow_the_meeting),
        DBTEST(the_reminder_comes_once_the_day_before_and_not_for_a_cancelled_meeting),
        DBTEST(departments_invited_bring_their_members),
    };
    return DBTEST_RUN("db_test_meeting_mail", tests);
}
