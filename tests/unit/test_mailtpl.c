/* Unit tests for lib/desk/notify/mailtpl.c (admins' own notification texts) and the
 * sealed secret settings the mail settings page stores (lib/desk/settings.c):
 * each event's placeholders, the starting texts only use them, an override
 * fills them from a notification's data and wins over the shipped template
 * for an email only, and a sealed password opens again (and only with the
 * right key). No database: a desk with its view and keys. Run from the top
 * of the tree (make test does), or set DESK_TEMPLATES. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "desk/notify/mailtpl.h"
#include "desk/notify/outbox.h"
#include "core/textfill.h"

#define T0 ((time_t)1795564800 + 90 * 60) /* 2026-11-25 09:30 in Shanghai */

static desk_t desk;

static int setup(void **state)
{
    (void)state;
    const char *dir = getenv("DESK_TEMPLATES");
    char conf[512];
    snprintf(conf, sizeof conf,
             "Templates.Dir = %s\nSite.Name = 售后服务中心\nMail.Password = plain-from-file\n",
             dir && *dir ? dir : "templates");
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    memset(&desk, 0, sizeof desk);
    unsigned char master[32] = {1, 2, 3};
    secrets_from_master(&desk.secrets, master);
    if (config_load_string(&desk.cfg, conf) || texts_load(&desk.texts, &desk.cfg) ||
        tpl_init(&desk.mail, &desk.texts, &desk.cfg, outbox_pages, false, NULL))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    mailtpl_free(&desk.mailtpls);
    tpl_free(&desk.mail);
    texts_free(&desk.texts);
    config_free(&desk.cfg);
    secrets_free(&desk.secrets);
    return 0;
}

static bool has(const char *const *names, const char *name)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static void every_shipped_template_is_an_event(void **state)
{
    (void)state;
    int n = 0;
    for (int i = 0; outbox_pages[i]; i++, n++) {
        char kind[64];
        snprintf(kind, sizeof kind, "%.*s", (int)(strlen(outbox_pages[i]) - 8),
                 outbox_pages[i] + 5); /* "mail/" KIND ".cs" */
        if (!mailtpl_event(kind))
            fail_msg("%s has no event", kind);
    }
    assert_int_equal(n, mailtpl_nevents);
    assert_null(mailtpl_event("no_such_event"));
    assert_null(mailtpl_event(NULL));
}

static void placeholders_follow_the_event(void **state)
{
    (void)state;
    const char *names[MAILTPL_MAX_NAMES + 1];
    mailtpl_names(mailtpl_event("ticket_created"), names);
    assert_true(has(names, "number") && has(names, "customer") && has(names, "link") &&
                has(names, "due") && has(names, "agent") && has(names, "subject"));
    assert_false(has(names, "body") || has(names, "survey_link") || has(names, "clock"));
    mailtpl_names(mailtpl_event("ticket_reply"), names);
    assert_true(has(names, "body"));
    assert_false(has(names, "due"));
    mailtpl_names(mailtpl_event("survey_invitation"), names);
    assert_true(has(names, "survey_link"));
    mailtpl_names(mailtpl_event("sla_breach"), names);
    assert_true(has(names, "clock") && has(names, "due"));
    for (int i = 0; i < mailtpl_nevents; i++)
        assert_true(mailtpl_names(&mailtpl_events[i], names) <= MAILTPL_MAX_NAMES);
}

static void starting_texts_use_only_known_placeholders(void **state)
{
    (void)state;
    const char *names[MAILTPL_MAX_NAMES + 1];
    for (int l = 0; l < LANG_COUNT; l++)
        for (int i = 0; i < mailtpl_nevents; i++) {
            const mailtpl_event_t *e = &mailtpl_events[i];
            char *s, *b, bad[48];
            assert_int_equal(mailtpl_default_text(&desk.texts, (lang_t)l, e, &s, &b), 0);
            mailtpl_names(e, names);
            if (textfill_check(s, names, bad, sizeof bad) || textfill_check(b, names, bad, sizeof bad))
                fail_msg("%s/%d: unknown {%s}", e->kind, l, bad);
            assert_non_null(strstr(s, "{number}"));
            assert_non_null(strstr(b, "{link}"));
            assert_null(strstr(b, "L.Mail")); /* every string was found */
            free(s);
            free(b);
        }
    char *s, *b;
    mailtpl_default_text(&desk.texts, LANG_ZH, mailtpl_event("ticket_created"), &s, &b);
    assert_string_equal(s, "[工单 {number}] 已受理：{subject}");
    assert_non_null(strstr(b, "我们已收到您的服务请求"));
    free(s);
    free(b);
}

static void fill_reads_the_notification_data(void **state)
{
    (void)state;
    HDF *h;
    assert_null(hdf_init(&h));
    const mailtpl_event_t *e = mailtpl_event("sla_warning");
    mailtpl_sample(h, e, LANG_ZH, T0, "https://desk.example");
    hdf_set_value(h, "Ticket.subject", "换行\n之后 {link}");
    char *s, *b;
    assert_int_equal(mailtpl_fill(&desk.texts, LANG_ZH, e, "{number} {subject} {clock}",
                                  "{recipient}/{customer}/{agent}/{site}/{due}/{priority}/{link}",
                                  h, &s, &b),
                     0);
    /* one line; a value is never read as a placeholder */
    assert_string_equal(s, "20261125-0042 换行 之后 {link} 首次响应");
    assert_string_equal(b, "李明/张三/李明/售后服务中心/2026-11-25 11:30/important/"
                           "https://desk.example/agent/t/20261125-0042");
    free(s);
    free(b);
    /* a customer's mail: {customer} falls back to the recipient, {agent} to the owner */
    hdf_remove_tree(h, "Customer");
    hdf_remove_tree(h, "Agent");
    hdf_set_value(h, "Owner.name", "王工");
    assert_int_equal(mailtpl_fill(NULL, LANG_ZH, mailtpl_event("ticket_reply"), "{customer}",
                                  "{agent}{site}", h, &s, &b),
                     0);
    assert_string_equal(s, "李明");
    assert_string_equal(b, "王工");
    free(s);
    free(b);
    hdf_destroy(&h);
}

static void an_active_override_wins_for_email_only(void **state)
{
    (void)state;
    const mailtpl_event_t *e = mailtpl_event("ticket_created");
    mailtpl_t *items = calloc(1, sizeof *items);
    items[0] = (mailtpl_t){e, LANG_ZH, strdup("工单 {number} 已收到"),
                           strdup("\n\n{customer}，您好！\n\n\n\n链接：{link}   \n\n")};
    desk.mailtpls = (mailtpls_t){items, 1};
    HDF *h;
    char *s, *b;
    assert_null(hdf_init(&h));
    mailtpl_sample(h, e, LANG_ZH, T0, "https://desk.example");
    assert_int_equal(outbox_render(&desk, "ticket_created", LANG_ZH, h, &s, &b), 0);
    assert_string_equal(s, "工单 20261125-0042 已收到");
    /* the body is tidied like a shipped one */
    assert_string_equal(b, "张三，您好！\n\n链接：https://desk.example/t/SAMPLE-private-link\n");
    free(s);
    free(b);
    /* English, another event, and text messages keep the shipped template */
    assert_int_equal(outbox_render(&desk, "ticket_created", LANG_EN, h, &s, &b), 0);
    assert_non_null(strstr(s, "Received"));
    free(s);
    free(b);
    assert_int_equal(outbox_render(&desk, "ticket_reply", LANG_ZH, h, &s, &b), 0);
    assert_non_null(strstr(s, "新回复"));
    free(s);
    free(b);
    hdf_set_value(h, "Channel", "sms");
    assert_int_equal(outbox_render(&desk, "ticket_created", LANG_ZH, h, &s, &b), 0);
    assert_non_null(strstr(b, "【售后服务中心】"));
    free(s);
    free(b);
    /* the preview's shipped rendering ignores the override */
    hdf_set_value(h, "Channel", "email");
    assert_int_equal(outbox_render_shipped(&desk, "ticket_created", LANG_ZH, h, &s, &b), 0);
    assert_non_null(strstr(s, "已受理"));
    free(s);
    free(b);
    /* a text without a final line break gets one: the byte after the
     * rendered text, which the tidying must first make room for */
    free(items[0].body);
    items[0].body = strdup("{customer}，您好！");
    assert_int_equal(outbox_render(&desk, "ticket_created", LANG_ZH, h, &s, &b), 0);
    assert_string_equal(b, "张三，您好！\n");
    free(s);
    free(b);
    assert_ptr_equal(mailtpl_find(&desk.mailtpls, "ticket_created", LANG_ZH), &items[0]);
    assert_null(mailtpl_find(&desk.mailtpls, "ticket_created", LANG_EN));
    mailtpl_free(&desk.mailtpls);
    assert_int_equal(outbox_render(&desk, "ticket_created", LANG_ZH, h, &s, &b), 0);
    assert_non_null(strstr(s, "已受理"));
    free(s);
    free(b);
    hdf_destroy(&h);
}

static void sealed_secret_settings(void **state)
{
    (void)state;
    char *sealed = settings_seal(&desk.secrets, "s3cret pässword");
    assert_non_null(sealed);
    assert_int_equal(strncmp(sealed, SETTINGS_SEALED_PREFIX, strlen(SETTINGS_SEALED_PREFIX)), 0);
    assert_null(strstr(sealed, "s3cret"));
    setting_t item = {"Mail.Password", sealed};
    settings_t s = {&item, 1};
    char out[64];
    assert_int_equal(settings_secret(&s, &desk.cfg, &desk.secrets, "Mail.Password", out, sizeof out),
                     0);
    assert_string_equal(out, "s3cret pässword");
    /* not stored: the config file's value, as written there */
    settings_t none = {NULL, 0};
    assert_int_equal(
        settings_secret(&none, &desk.cfg, &desk.secrets, "Mail.Password", out, sizeof out), 0);
    assert_string_equal(out, "plain-from-file");
    assert_int_equal(settings_secret(&none, &desk.cfg, &desk.secrets, "Sms.Key", out, sizeof out),
                     0);
    assert_string_equal(out, "");
    /* another master key cannot open it */
    secrets_t other;
    unsigned char master[32] = {9};
    secrets_from_master(&other, master);
    assert_int_equal(settings_secret(&s, &desk.cfg, &other, "Mail.Password", out, sizeof out), -1);
    assert_string_equal(out, "");
    secrets_free(&other);
    free(sealed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_shipped_template_is_an_event),
        cmocka_unit_test(placeholders_follow_the_event),
        cmocka_unit_test(starting_texts_use_only_known_placeholders),
        cmocka_unit_test(fill_reads_the_notification_data),
        cmocka_unit_test(an_active_override_wins_for_email_only),
        cmocka_unit_test(sealed_secret_settings),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
