/* Unit tests for the rendering half of lib/desk/notify/outbox.c with the real mail
 * templates (templates/mail/<kind>.cs, strings in templates/lang/mail.<code>.hdf):
 * every kind renders in Chinese and English, by email and by SMS, to a
 * one-line subject and a plain-text body; text is not HTML-escaped; a line
 * break in a field cannot leave the subject line. No database: only the
 * view of a desk is used. Run from the top of the tree (make test does), or
 * set DESK_TEMPLATES. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "desk/notify/outbox.h"
#include "core/text.h"

/* 2026-11-25T01:30:00Z = 09:30 in Asia/Shanghai */
#define T0 ((time_t)1795564800 + 90 * 60)

static const char *const kinds[] = {
    "ticket_created",      "ticket_reply",       "solution_to_confirm", "progress_update",
    "ticket_resolved",     "acceptance_request", "survey_invitation",   "new_assignment",
    "acceptance_reminder", "sla_warning",        "sla_breach",          "escalation_due",
    "ticket_merged",
};
#define NKINDS (sizeof kinds / sizeof *kinds)

static desk_t desk;

static int setup(void **state)
{
    (void)state;
    const char *dir = getenv("DESK_TEMPLATES");
    char conf[512];
    snprintf(conf, sizeof conf, "Templates.Dir = %s\nSite.Name = 售后服务中心\n",
             dir && *dir ? dir : "templates");
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    memset(&desk, 0, sizeof desk);
    if (config_load_string(&desk.cfg, conf) || texts_load(&desk.texts, &desk.cfg) ||
        outbox_open(&desk))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tpl_free(&desk.mail);
    texts_free(&desk.texts);
    config_free(&desk.cfg);
    return 0;
}

/* Data every template can use, as the lead's code would set it. */
static HDF *sample(const char *channel)
{
    HDF *h;
    assert_null(hdf_init(&h));
    hdf_set_value(h, "Channel", channel);
    hdf_set_value(h, "Recipient.name", "张三");
    hdf_set_value(h, "Ticket.number", "20261125-0001");
    hdf_set_value(h, "Ticket.subject", "订单服务 <不可用> & 报错 \"500\"");
    hdf_set_value(h, "Ticket.category", "系统故障");
    hdf_set_value(h, "Ticket.priority", "urgent");
    hdf_set_value(h, "Ticket.link", "https://support.example.com/t/AbC_dEf-123?x=1&y=2");
    hdf_set_value(h, "Customer.name", "华东电力");
    hdf_set_value(h, "Agent.name", "李工");
    hdf_set_value(h, "Body",
                  "请按以下步骤操作：\n1. 重启服务 a < b && c > d\n\n\n\n2. 检查 <日志>\n");
    hdf_set_value(h, "Clock.kind", "first_response");
    hdf_set_value(h, "Escalation.team", "研发二部");
    tpl_set_time(h, "Due.classify", T0 + 7200);
    tpl_set_time(h, "Due.first_response", T0 + 1800);
    tpl_set_time(h, "Due.resolution", T0 + 86400);
    tpl_set_time(h, "Due.confirm", T0 + 86400);
    tpl_set_time(h, "Due.next_update", T0 + 7200);
    tpl_set_time(h, "Due.acceptance", T0 + 86400);
    tpl_set_time(h, "Due.survey", T0 + 7 * 86400);
    tpl_set_time(h, "Due.accept", T0 + 1800);
    tpl_set_time(h, "Due.at", T0 + 1800);
    tpl_set_time(h, "Due.answer", T0 + 4 * 3600);
    tpl_set_time(h, "Assigned.at", T0);
    tpl_set_time(h, "Escalation.at", T0);
    tpl_set_duration(h, "Clock.left", 135);
    tpl_set_duration(h, "Clock.over", 60);
    return h;
}

static void render(const char *kind, lang_t lang, HDF *h, char **subject, char **body)
{
    int rc = outbox_render(&desk, kind, lang, h, subject, body);
    if (rc)
        fail_msg("%s/%s did not render", kind, lang_code(lang));
    assert_non_null(*subject);
    assert_non_null(*body);
    if (getenv("OUTBOX_SHOW"))
        printf("---- %s %s %s\nSubject: %s\n%s", kind, lang_code(lang),
               hdf_get_value(h, "Channel", ""), *subject, *body);
}

static void assert_plain_text(const char *kind, const char *subject, const char *body)
{
    const char *const leftovers[] = {"<?cs",  "L.Mail", "&lt;", "&gt;",
                                     "&amp;", "&quot;", "&#",   "Subject:"};
    for (size_t i = 0; i < sizeof leftovers / sizeof *leftovers; i++) {
        if (strstr(subject, leftovers[i]) || strstr(body, leftovers[i]))
            fail_msg("%s: '%s' in the output", kind, leftovers[i]);
    }
    assert_true(text_is_clean_utf8(subject, strlen(subject)));
    assert_true(text_is_clean_utf8(body, strlen(body)));
    assert_null(strpbrk(subject, "\r\n"));
    assert_true(strlen(subject) > 10);
    assert_non_null(strstr(subject, "20261125-0001"));
    assert_null(strstr(body, "\n\n\n"));
    assert_null(strstr(body, " \n"));
    assert_null(strchr(body, '\r'));
    assert_true(body[0] != '\n');
}

static void every_kind_renders_by_email(void **state)
{
    (void)state;
    for (int l = 0; l < LANG_COUNT; l++) {
        for (size_t k = 0; k < NKINDS; k++) {
            HDF *h = sample("email");
            char *subject, *body;
            render(kinds[k], (lang_t)l, h, &subject, &body);
            assert_plain_text(kinds[k], subject, body);
            /* a body with its link, ending in one newline */
            assert_non_null(strstr(body, "https://support.example.com/t/AbC_dEf-123?x=1&y=2\n"));
            assert_int_equal(body[strlen(body) - 1], '\n');
            assert_true(strlen(body) < 2 || body[strlen(body) - 2] != '\n');
            assert_non_null(strstr(body, l == LANG_ZH ? "\n售后服务中心\n" : "\nService Desk\n"));
            free(subject);
            free(body);
            hdf_destroy(&h);
        }
    }
}

static void every_kind_renders_by_sms(void **state)
{
    (void)state;
    for (int l = 0; l < LANG_COUNT; l++) {
        for (size_t k = 0; k < NKINDS; k++) {
            HDF *h = sample("sms");
            char *subject, *body;
            render(kinds[k], (lang_t)l, h, &subject, &body);
            assert_plain_text(kinds[k], subject, body);
            /* one short line with the number and the link */
            assert_ptr_equal(strchr(body, '\n'), body + strlen(body) - 1);
            assert_non_null(strstr(body, "20261125-0001"));
            assert_non_null(strstr(body, "https://support.example.com/t/"));
            assert_true(text_chars(body) <= 160);
            free(subject);
            free(body);
            hdf_destroy(&h);
        }
    }
}

static void languages_differ(void **state)
{
    (void)state;
    HDF *h = sample("email");
    char *zs, *zb, *es, *eb;
    render("ticket_created", LANG_ZH, h, &zs, &zb);
    render("ticket_created", LANG_EN, h, &es, &eb);
    assert_string_equal(zs, "[工单 20261125-0001] 已受理：订单服务 <不可用> & 报错 \"500\"");
    assert_string_equal(es, "[Ticket 20261125-0001] Received: 订单服务 <不可用> & 报错 \"500\"");
    assert_non_null(strstr(zb, "您好，张三：\n"));
    assert_non_null(strstr(eb, "Dear 张三,\n"));
    assert_non_null(strstr(zb, "  首次响应：不晚于 2026-11-25 10:00\n"));
    assert_non_null(strstr(eb, "  First response: by 2026-11-25 10:00\n"));
    assert_non_null(strstr(zb, "  分类确认：不晚于 2026-11-25 11:30\n"));
    free(zs);
    free(zb);
    free(es);
    free(eb);
    hdf_destroy(&h);
}

static void text_is_not_html_escaped(void **state)
{
    (void)state;
    HDF *h = sample("email");
    char *s, *b;
    render("ticket_reply", LANG_ZH, h, &s, &b);
    assert_non_null(strstr(s, "<不可用> & 报错 \"500\""));
    assert_non_null(strstr(b, "1. 重启服务 a < b && c > d\n\n2. 检查 <日志>\n"));
    free(s);
    free(b);
    hdf_destroy(&h);
}

static void line_breaks_cannot_leave_the_subject(void **state)
{
    (void)state;
    HDF *h = sample("email");
    hdf_set_value(h, "Ticket.subject", "first\r\nSubject: forged\nBcc: x@y.z");
    hdf_set_value(h, "Ticket.number", "N-1\nX");
    char *s, *b;
    render("ticket_created", LANG_EN, h, &s, &b);
    assert_string_equal(s, "[Ticket N-1 X] Received: first  Subject: forged Bcc: x@y.z");
    assert_true(strncmp(b, "Dear 张三,\n", 12) == 0);
    assert_null(strstr(b, "\nSubject:"));
    assert_null(strstr(b, "\nBcc:"));
    free(s);
    free(b);
    hdf_destroy(&h);
}

static void optional_fields_leave_no_gaps(void **state)
{
    (void)state;
    HDF *h;
    assert_null(hdf_init(&h));
    hdf_set_value(h, "Ticket.number", "20261125-0002");
    char *s, *b;
    render("ticket_created", LANG_ZH, h, &s, &b);
    assert_string_equal(s, "[工单 20261125-0002] 已受理");
    assert_non_null(strstr(b, "您好：\n\n"));
    assert_null(strstr(b, "不晚于"));
    assert_null(strstr(b, "\n\n\n"));
    free(s);
    free(b);
    hdf_destroy(&h);
}

static void durations_in_words(void **state)
{
    (void)state;
    HDF *h = sample("email");
    char *s, *b;
    render("sla_warning", LANG_ZH, h, &s, &b);
    assert_non_null(strstr(b, "  剩余：2 小时 15 分钟\n"));
    assert_non_null(strstr(b, "  时限：首次响应\n"));
    free(s);
    free(b);
    render("sla_breach", LANG_EN, h, &s, &b);
    assert_non_null(strstr(b, "  Overdue by: 1 h\n"));
    assert_non_null(strstr(s, "SLA breached: first response"));
    free(s);
    free(b);
    hdf_destroy(&h);
}

static void unknown_kinds_are_refused(void **state)
{
    (void)state;
    HDF *h = sample("email");
    char *s = (char *)1, *b = (char *)1;
    assert_int_equal(outbox_render(&desk, "no_such_kind", LANG_ZH, h, &s, &b), -1);
    assert_null(s);
    assert_null(b);
    assert_int_equal(outbox_render(&desk, "../portal/home", LANG_ZH, h, &s, &b), -1);
    assert_int_equal(outbox_render(&desk, "macros", LANG_ZH, h, &s, &b), -1);
    assert_int_equal(outbox_render(&desk, "", LANG_ZH, h, &s, &b), -1);
    hdf_destroy(&h);
}

/* A meeting's calendar mails: plain text in both languages, the title in
 * the subject, the time, place, agenda and pack link in the body. */
static void meeting_mails_render_in_both_languages(void **state)
{
    (void)state;
    static const char *const meeting_kinds[] = {"meeting_invitation", "meeting_cancelled",
                                                "meeting_reminder"};
    for (size_t k = 0; k < 3; k++)
        for (int l = 0; l < 2; l++) {
            HDF *h;
            assert_null(hdf_init(&h));
            hdf_set_value(h, "Recipient.name", "张三");
            hdf_set_value(h, "Meeting.title", "报表故障 <复盘> & 改进");
            hdf_set_value(h, "Meeting.kind", "review");
            hdf_set_value(h, "Meeting.location", "3 楼会议室");
            hdf_set_value(h, "Meeting.agenda", "问题回顾\n根因确认");
            hdf_set_value(h, "Meeting.organiser", "王主管");
            hdf_set_value(h, "Meeting.duration", "90");
            hdf_set_value(h, "Meeting.reason", k == 1 ? "客户临时有事" : "");
            hdf_set_value(h, "Meeting.link", "https://support.example.com/agent/meetings/7/pack");
            tpl_set_time(h, "Meeting.starts_at", T0);
            char *subject, *body;
            lang_t lang = l ? LANG_EN : LANG_ZH;
            render(meeting_kinds[k], lang, h, &subject, &body);
            assert_non_null(strstr(subject, "报表故障 <复盘> & 改进"));
            assert_non_null(strstr(subject, l ? "Review meeting" : "复盘会议"));
            assert_non_null(strstr(body, "2026-11-25 09:30"));
            assert_null(strstr(body, "&lt;"));
            assert_null(strstr(body, "L.MeetingMail"));
            if (k != 1) {
                assert_non_null(strstr(body, "3 楼会议室"));
                assert_non_null(strstr(body, "问题回顾\n根因确认"));
                assert_non_null(strstr(body, "/agent/meetings/7/pack"));
            } else {
                assert_non_null(strstr(body, "客户临时有事"));
            }
            free(subject);
            free(body);
            hdf_destroy(&h);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_renders_by_email),
        cmocka_unit_test(every_kind_renders_by_sms),
        cmocka_unit_test(languages_differ),
        cmocka_unit_test(text_is_not_html_escaped),
        cmocka_unit_test(line_breaks_cannot_leave_the_subject),
        cmocka_unit_test(optional_fields_leave_no_gaps),
        cmocka_unit_test(durations_in_words),
        cmocka_unit_test(unknown_kinds_are_refused),
        cmocka_unit_test(meeting_mails_render_in_both_languages),
    };
    return cmocka_run_group_tests_name("outbox", tests, setup, teardown);
}
