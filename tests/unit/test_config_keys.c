/* Unit tests for the table of configuration keys (lib/core/config_keys.c):
 * its rows are sound, the typed getters take their defaults and ranges from
 * it, config_check() holds a file to it, and no code outside config and
 * settings reads a key by name. Run from the top of the tree (tests/run.sh
 * does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <ctype.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ClearSilver.h>

#include "core/config.h"
#include "desk/attachment.h"
#include "desk/settings.h"

/* ---- helpers ------------------------------------------------------------------ */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

static bool is_number_type(config_type_t t)
{
    return t == CONFIG_INT || t == CONFIG_DURATION || t == CONFIG_BOOL;
}

/* The full names of key k: one, or one per program block. */
static int full_names(config_key_t k, char names[][64], int cap)
{
    const config_def_t *d = config_def(k);
    if (!(d->flags & CONFIG_PROGRAM)) {
        snprintf(names[0], 64, "%s", d->name);
        return 1;
    }
    int n = 0;
    for (int i = 0; config_programs[i] && n < cap; i++, n++)
        snprintf(names[n], 64, "%s.%s", config_programs[i], d->name);
    return n;
}

static config_t *load(const char *text)
{
    static config_t cfg;
    config_free(&cfg);
    cfg.hdf = NULL;
    assert_int_equal(config_load_string(&cfg, text), 0);
    return &cfg;
}

/* ---- the table ------------------------------------------------------------------- */

static void every_key_has_a_sound_row(void **state)
{
    (void)state;
    for (int k = 0; k < CONFIG_KEY_COUNT; k++) {
        const config_def_t *d = config_def((config_key_t)k);
        assert_non_null(d->name);
        assert_non_null(d->meaning);
        assert_null(strchr(d->meaning, '\n'));
        for (int j = 0; j < k; j++)
            assert_string_not_equal(config_def((config_key_t)j)->name, d->name);
        char names[8][64];
        int m = full_names((config_key_t)k, names, 8);
        for (int i = 0; i < m; i++)
            assert_int_equal(config_key_by_name(names[i]), k);
        if (d->type == CONFIG_DURATION)
            assert_true(d->unit > 0);
        if (d->type == CONFIG_BOOL) {
            assert_int_equal(d->min, 0);
            assert_int_equal(d->max, 1);
        }
        if (is_number_type(d->type)) {
            assert_true(d->min <= d->max);
            if (d->def) { /* a default that the key's own check accepts */
                char *end;
                long n = strtol(d->def, &end, 10);
                assert_true(*d->def && !*end);
                assert_true(n >= d->min && n <= d->max);
            }
        } else {
            assert_int_equal(d->min, 0);
            assert_int_equal(d->max, 0);
        }
        if (d->type == CONFIG_ENUM) {
            assert_non_null(d->choices);
            bool found = false;
            for (int i = 0; d->choices[i]; i++)
                found = found || strcmp(d->choices[i], d->def) == 0;
            assert_true(found);
        } else
            assert_null(d->choices);
    }
}

static void program_keys_are_found_in_program_blocks_only(void **state)
{
    (void)state;
    assert_int_equal(config_key_by_name("Admin.MaxBody"), CFG_PROGRAM_MAX_BODY);
    assert_int_equal(config_key_by_name("Api.Listen"), CFG_PROGRAM_LISTEN);
    assert_int_equal(config_key_by_name("Desk.Workers"), -1);
    assert_int_equal(config_key_by_name("Workers"), -1);
    assert_int_equal(config_key_by_name("Hello.Workers"), -1);
    assert_int_equal(config_key_by_name("Portal.SubmitLimit"), CFG_PORTAL_SUBMIT_LIMIT);
    assert_int_equal(config_key_by_name("Desk.TimeZon"), -1);
}

/* The capacities the table's ranges must stay within. */
static void ranges_fit_the_arrays_behind_them(void **state)
{
    (void)state;
    assert_true(config_def(CFG_ATTACHMENTS_MAX_FILES)->max <= ATTACH_MAX_FILES);
    assert_true(config_def(CFG_PROGRAM_WORKERS)->max <= CONFIG_WORKERS_MAX);
}

/* ---- the getters ------------------------------------------------------------------- */

static void unset_keys_read_the_defaults(void **state)
{
    (void)state;
    config_t *cfg = load("");
    assert_string_equal(config_get_str(cfg, CFG_ATTACHMENTS_DIR), "/var/lib/desk/attachments");
    assert_string_equal(config_get_str(cfg, CFG_SITE_NAME), "售后服务中心");
    assert_null(config_get_str(cfg, CFG_DESK_STAMP_FILE));
    assert_int_equal(config_get_int(cfg, CFG_ATTACHMENTS_MAX_BYTES), 10L << 20);
    assert_int_equal(config_get_int(cfg, CFG_QUEUE_AT_RISK_MINUTES), 120);
    assert_int_equal(config_get_seconds(cfg, CFG_QUEUE_AT_RISK_MINUTES), 120 * 60);
    assert_int_equal(config_get_seconds(cfg, CFG_SESSION_MAX_HOURS), 12 * 3600);
    assert_true(config_get_bool(cfg, CFG_TAGS_VIP_RAISES_PRIORITY));
    assert_false(config_get_bool(cfg, CFG_MAIL_START_TLS));
    assert_int_equal(config_get_int(cfg, CFG_PORTAL_SUBMIT_ADDRESS_LIMIT), CONFIG_UNSET);
    assert_int_equal(config_get_program_int(cfg, "Admin", CFG_PROGRAM_WORKERS), 4);
    assert_string_equal(config_get_program_str(cfg, "Api", CFG_PROGRAM_SOCKET_MODE), "0660");
    assert_null(config_get_program_str(cfg, "Api", CFG_PROGRAM_LISTEN));
}

static void set_keys_read_their_values_within_range(void **state)
{
    (void)state;
    config_t *cfg = load("Attachments.Dir = /srv/files\n"
                         "Queue.AtRiskMinutes = 30\n"
                         "Queue.CountSeconds =\n"
                         "Session.IdleMinutes = 99999999\n"
                         "Auth.MaxFailures = 1\n"
                         "Mail.StartTLS = 1\n"
                         "Portal.SubmitAddressLimit = 7\n"
                         "Admin {\n  Workers = 2\n  Listen = /run/a.sock\n}\n"
                         "Hello.Workers = 9\n");
    assert_string_equal(config_get_str(cfg, CFG_ATTACHMENTS_DIR), "/srv/files");
    assert_int_equal(config_get_seconds(cfg, CFG_QUEUE_AT_RISK_MINUTES), 30 * 60);
    assert_int_equal(config_get_int(cfg, CFG_QUEUE_COUNT_SECONDS), 10);      /* empty: default */
    assert_int_equal(config_get_int(cfg, CFG_SESSION_IDLE_MINUTES), 100000); /* clamped */
    assert_int_equal(config_get_int(cfg, CFG_AUTH_MAX_FAILURES), 3);
    assert_true(config_get_bool(cfg, CFG_MAIL_START_TLS));
    assert_int_equal(config_get_int(cfg, CFG_PORTAL_SUBMIT_ADDRESS_LIMIT), 7);
    assert_int_equal(config_get_program_int(cfg, "Admin", CFG_PROGRAM_WORKERS), 2);
    assert_int_equal(config_get_program_int(cfg, "Portal", CFG_PROGRAM_WORKERS), 4);
    assert_string_equal(config_get_program_str(cfg, "Admin", CFG_PROGRAM_LISTEN), "/run/a.sock");
    assert_int_equal(config_get_program_int(cfg, "Hello", CFG_PROGRAM_WORKERS), 9);
}

/* A setting wins over the file, which wins over the table; even an empty
 * setting is what is in force (numbers: the default). */
static void settings_win_over_the_file_and_fall_back_to_the_table(void **state)
{
    (void)state;
    config_t *cfg = load("Site.Name = 配置里的名字\nTags.ComplaintDays = 30\n");
    setting_t items[] = {{"Mail.SMTPURL", (char *)""},
                         {"Site.Name", (char *)"网页上改的名字"},
                         {"Tags.ComplaintCount", (char *)"5"}};
    settings_t s = {items, 3};
    assert_string_equal(settings_get_str(&s, cfg, CFG_SITE_NAME), "网页上改的名字");
    assert_string_equal(settings_get_str(&s, cfg, CFG_MAIL_SMTP_URL), "");
    assert_string_equal(settings_get_str(&s, cfg, CFG_SMS_KEY_HEADER), "X-Api-Key");
    assert_int_equal(settings_get_int(&s, cfg, CFG_TAGS_COMPLAINT_COUNT), 5);
    assert_int_equal(settings_get_int(&s, cfg, CFG_TAGS_COMPLAINT_DAYS), 30);
    assert_int_equal(settings_get_int(&s, cfg, CFG_MAIL_MAX_ATTEMPTS), 10);
    assert_true(settings_get_bool(&s, cfg, CFG_TAGS_VIP_RAISES_PRIORITY));
    assert_string_equal(settings_get_str(NULL, cfg, CFG_SITE_NAME), "配置里的名字");
}

/* ---- the check at start-up ------------------------------------------------------------ */

static void a_file_of_known_keys_passes(void **state)
{
    (void)state;
    assert_int_equal(config_check(load("")), 0);
    config_t *cfg = load("Desk {\n  TimeZone = UTC\n  DefaultLanguage = en\n}\n"
                         "DB.Password =\n"
                         "Portal {\n  Listen = /run/p.sock\n  Workers = 256\n  Welcome = 你好\n}\n"
                         "Clock.OffsetSeconds = -86400\n"
                         "Mail.StartTLS = 0\n");
    assert_string_equal(config_get_str(cfg, CFG_DESK_DEFAULT_LANGUAGE), "en");
    assert_string_equal(config_get_str(cfg, CFG_PORTAL_WELCOME), "你好");
    assert_int_equal(config_check(cfg), 0);
}

static void blocks_the_desk_does_not_use_are_left_alone(void **state)
{
    (void)state;
    assert_int_equal(config_check(load("Hello {\n  Listen = /run/h.sock\n  Workers = 4000\n}\n"
                                       "Rate.Limit = 30\nLocal.Anything = x\n")),
                     0);
}

/* config_check() of text refuses it, and what it logs says `says`. */
static void refused_saying(const char *text, const char *says)
{
    config_t *cfg = load(text);
    char said[1024];
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fileno(tmp), STDERR_FILENO);
    int rc = config_check(cfg);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    rewind(tmp);
    size_t n = fread(said, 1, sizeof said - 1, tmp);
    said[n] = '\0';
    fclose(tmp);
    assert_int_equal(rc, -1);
    if (!strstr(said, says))
        fail_msg("config_check of \"%s\" said \"%s\", not \"%s\"", text, said, says);
}

static void an_unknown_key_in_a_known_block_is_refused(void **state)
{
    (void)state;
    refused_saying("Desk.TimeZon = UTC\n", "unknown key Desk.TimeZon ");
    refused_saying("Portal.Wokers = 4\n", "unknown key Portal.Wokers ");
    refused_saying("Scheduler {\n  Interval = 5\n}\n", "unknown key Scheduler.Interval ");
    refused_saying("Desk.TimeZone.Extra = 1\n", "unknown key Desk.TimeZone.Extra ");
}

static void a_value_out_of_range_or_of_the_wrong_type_is_refused(void **state)
{
    (void)state;
    refused_saying("Queue.AtRiskMinutes = 0\n",
                   "Queue.AtRiskMinutes = 0 is out of range: 1 to 100000");
    refused_saying("Scheduler.IntervalSeconds = 61\n",
                   "Scheduler.IntervalSeconds = 61 is out of range");
    refused_saying("Api.Workers = 257\n", "Api.Workers = 257 is out of range: 1 to 256");
    refused_saying("Attachments.MaxBytes = 10MB\n",
                   "Attachments.MaxBytes = 10MB is not a whole number");
    refused_saying("Attachments.MaxFiles = 99999999999999999999\n",
                   "Attachments.MaxFiles = 99999999999999999999 is out of range");
    refused_saying("Mail.StartTLS = yes\n", "Mail.StartTLS = yes is neither 0 nor 1");
    refused_saying("Tags.VipRaisesPriority = 2\n", "Tags.VipRaisesPriority = 2 is neither 0 nor 1");
    refused_saying("Desk.DefaultLanguage = fr\n", "Desk.DefaultLanguage = fr is not one of zh en");
}

/* ---- call sites -------------------------------------------------------------------------- */

/* The lookups by name with an inline default; only the getters use them. */
static const char *const by_name[] = {"config_str(",   "config_int(",      "settings_get(",
                                      "settings_int(", "settings_secret(", NULL};
static const char *const may_use[] = {"lib/core/config.c", "lib/core/config.h",
                                      "lib/desk/settings.c", "lib/desk/settings.h", NULL};
static int misuses;

static int scan(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t len = strlen(path);
    if (type != FTW_F || len < 2 || path[len - 2] != '.' ||
        (path[len - 1] != 'c' && path[len - 1] != 'h'))
        return 0;
    for (int i = 0; may_use[i]; i++)
        if (strcmp(path, may_use[i]) == 0)
            return 0;
    char *text = slurp(path);
    if (!text)
        return 0;
    for (int i = 0; by_name[i]; i++)
        for (char *p = text; (p = strstr(p, by_name[i])) != NULL; p++) {
            char before = p > text ? p[-1] : ' ';
            if (before == '_' || isalnum((unsigned char)before))
                continue;
            print_error("%s reads a key by name (%s...): use the getters of lib/core/config.h "
                        "or lib/desk/settings.h\n",
                        path, by_name[i]);
            misuses++;
        }
    free(text);
    return 0;
}

static void code_reads_keys_only_through_the_table(void **state)
{
    (void)state;
    misuses = 0;
    assert_int_equal(nftw("lib", scan, 16, FTW_PHYS), 0);
    assert_int_equal(nftw("cgi", scan, 16, FTW_PHYS), 0);
    assert_int_equal(misuses, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_key_has_a_sound_row),
        cmocka_unit_test(program_keys_are_found_in_program_blocks_only),
        cmocka_unit_test(ranges_fit_the_arrays_behind_them),
        cmocka_unit_test(unset_keys_read_the_defaults),
        cmocka_unit_test(set_keys_read_their_values_within_range),
        cmocka_unit_test(settings_win_over_the_file_and_fall_back_to_the_table),
        cmocka_unit_test(a_file_of_known_keys_passes),
        cmocka_unit_test(blocks_the_desk_does_not_use_are_left_alone),
        cmocka_unit_test(an_unknown_key_in_a_known_block_is_refused),
        cmocka_unit_test(a_value_out_of_range_or_of_the_wrong_type_is_refused),
        cmocka_unit_test(code_reads_keys_only_through_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
