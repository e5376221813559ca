/* Unit tests for the table of configuration keys (lib/core/config_keys.c):
 * its rows are sound, the typed getters take their defaults and ranges from
 * it, config_check() holds a file to it, README.md's configuration table and
 * the sample conf/desk.hdf list exactly its keys with its defaults, and no
 * code outside config and settings reads a key by name. Run from the top of
 * the tree (tests/run.sh does). */
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
#include "desk/desk.h"
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

/* config_check() of text, what it logged into said. */
static int check_logging(const char *text, char *said, size_t cap)
{
    config_t *cfg = load(text);
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
    size_t n = fread(said, 1, cap - 1, tmp);
    said[n] = '\0';
    fclose(tmp);
    return rc;
}

/* config_check() of text refuses it, and what it logs says `says`. */
static void refused_saying(const char *text, const char *says)
{
    char said[1024];
    assert_int_equal(check_logging(text, said, sizeof said), -1);
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

/* A refused file names its keys, never a secret's value: not the value of a
 * misspelt key (it may be a password), nor of a secret key beside it. */
static void a_secret_never_reaches_the_log(void **state)
{
    (void)state;
    char said[1024];
    assert_int_equal(check_logging("DB.Passwrd = hunter2-typo\nDB.Password = hunter2\n"
                                   "Mail.Password = mail-secret\nSms.Key = sms-secret\n",
                                   said, sizeof said),
                     -1);
    assert_non_null(strstr(said, "unknown key DB.Passwrd"));
    for (const char *v = "hunter2\0mail-secret\0sms-secret\0"; *v; v += strlen(v) + 1)
        if (strstr(said, v))
            fail_msg("the log holds a secret: %s", said);
}

/* Every program starts through desk_configure(): a bad file stops it there. */
static void programs_do_not_start_on_a_file_the_table_refuses(void **state)
{
    (void)state;
    char path[] = "/tmp/test_config_keys.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static desk_t d;
    const char bad[] = "Desk.TimeZone = UTC\nAttachments.MaxFiles = 11\n";
    assert_int_equal(write(fd, bad, sizeof bad - 1), (ssize_t)(sizeof bad - 1));
    assert_int_equal(desk_configure(&d, path), -1);
    config_free(&d.cfg);
    const char good[] = "Desk.TimeZone = UTC\nAttachments.MaxFiles = 10\nHello.Workers = 300\n";
    assert_int_equal(ftruncate(fd, 0), 0);
    assert_int_equal(pwrite(fd, good, sizeof good - 1, 0), (ssize_t)(sizeof good - 1));
    assert_int_equal(desk_configure(&d, path), 0);
    assert_int_equal(config_get_int(&d.cfg, CFG_ATTACHMENTS_MAX_FILES), 10);
    config_free(&d.cfg);
    close(fd);
    unlink(path);
}

/* ---- README.md and conf/desk.hdf agree with the table ---------------------------------- */

/* A bound as README writes it: powers of two from 2^20 on as 2^N. */
static void bound(long n, char *out, size_t cap)
{
    unsigned long m = n < 0 ? -(unsigned long)n : (unsigned long)n;
    if (m >= (1UL << 20) && (m & (m - 1)) == 0) {
        int e = 0;
        while (m >>= 1)
            e++;
        snprintf(out, cap, "%s2^%d", n < 0 ? "-" : "", e);
    } else
        snprintf(out, cap, "%ld", n);
}

/* README's default cell for key k; NULL when the table has none (then the
 * cell says in words what takes its place). */
static const char *default_cell(const config_def_t *d, char *out, size_t cap)
{
    if (!d->def)
        return NULL;
    if (!*d->def)
        return "empty";
    if (d->type == CONFIG_INT || d->type == CONFIG_DURATION) {
        char lo[32], hi[32];
        bound(d->min, lo, sizeof lo);
        bound(d->max, hi, sizeof hi);
        snprintf(out, cap, "`%s` (%s – %s)", d->def, lo, hi);
    } else
        snprintf(out, cap, "`%s`", d->def);
    return out;
}

typedef struct readme_row {
    char keys[8][64];
    int nkeys;
    char def[256];
    const char *meaning;
} readme_row_t;

/* The rows of the table under "## Configuration": the key names of the first
 * cell, the second cell, and the rest of the line. */
static int readme_rows(char *text, readme_row_t *rows, int cap)
{
    char *section = strstr(text, "\n## Configuration\n");
    assert_non_null(section);
    char *next = strstr(section + 1, "\n## ");
    if (next)
        *next = '\0';
    int n = 0;
    for (char *line = strtok(section, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "| `", 3) != 0)
            continue;
        assert_true(n < cap);
        readme_row_t *r = &rows[n++];
        memset(r, 0, sizeof *r);
        char *cell2 = strstr(line + 1, " | ");
        assert_non_null(cell2);
        *cell2 = '\0';
        for (char *p = line + 1; (p = strchr(p, '`')) != NULL && r->nkeys < 8;) {
            char *e = strchr(p + 1, '`');
            assert_non_null(e);
            snprintf(r->keys[r->nkeys++], 64, "%.*s", (int)(e - p - 1), p + 1);
            p = e + 1;
        }
        char *cell3 = strstr(cell2 + 3, " | ");
        assert_non_null(cell3);
        snprintf(r->def, sizeof r->def, "%.*s", (int)(cell3 - cell2 - 3), cell2 + 3);
        r->meaning = cell3 + 3;
    }
    return n;
}

static void readme_lists_every_key_with_its_default_and_nothing_else(void **state)
{
    (void)state;
    char *text = slurp("README.md");
    assert_non_null(text);
    static readme_row_t rows[200];
    int n = readme_rows(text, rows, 200);
    bool seen[CONFIG_KEY_COUNT] = {false};
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < rows[i].nkeys; j++) {
            int k = config_key_by_name(rows[i].keys[j]);
            if (k < 0)
                fail_msg("README.md lists %s, which is not in lib/core/config_keys.c",
                         rows[i].keys[j]);
            const config_def_t *d = config_def((config_key_t)k);
            char want[256];
            const char *cell = default_cell(d, want, sizeof want);
            if (cell && strcmp(cell, rows[i].def) != 0)
                fail_msg("README.md: %s defaults to \"%s\", the table says \"%s\"", rows[i].keys[j],
                         rows[i].def, cell);
            if ((d->flags & CONFIG_WEB) && !strstr(rows[i].meaning, "admin console"))
                fail_msg("README.md: %s is also set on the admin console; say so", d->name);
            if (!seen[k]) { /* a program key: one row with every block's name */
                char names[8][64];
                int m = full_names((config_key_t)k, names, 8);
                for (int x = 0; x < m; x++) {
                    bool here = false;
                    for (int y = 0; y < rows[i].nkeys; y++)
                        here = here || strcmp(rows[i].keys[y], names[x]) == 0;
                    if (!here)
                        fail_msg("README.md: the row of %s lacks %s", rows[i].keys[j], names[x]);
                }
            } else if (!(d->flags & CONFIG_PROGRAM))
                fail_msg("README.md lists %s twice", d->name);
            seen[k] = true;
        }
    }
    for (int k = 0; k < CONFIG_KEY_COUNT; k++)
        if (!seen[k])
            fail_msg("README.md's configuration table lacks %s", config_name((config_key_t)k));
    free(text);
}

/* Every leaf of the file is a key of the table; the number of leaves. */
static int sample_leaves(HDF *node, const char *prefix)
{
    int n = 0;
    for (HDF *c = hdf_obj_child(node); c; c = hdf_obj_next(c)) {
        char name[256];
        snprintf(name, sizeof name, "%s%s%s", prefix, *prefix ? "." : "", hdf_obj_name(c));
        if (hdf_obj_value(c)) {
            if (config_key_by_name(name) < 0)
                fail_msg("conf/desk.hdf sets %s, which is not in lib/core/config_keys.c", name);
            n++;
        }
        n += sample_leaves(c, name);
    }
    return n;
}

static void the_sample_sets_every_key_and_nothing_else(void **state)
{
    (void)state;
    config_t cfg = {0};
    assert_int_equal(config_load(&cfg, "conf/desk.hdf"), 0);
    assert_int_equal(config_check(&cfg), 0);
    int leaves = sample_leaves(cfg.hdf, ""), want = 0;
    for (int k = 0; k < CONFIG_KEY_COUNT; k++) {
        char names[8][64];
        int m = full_names((config_key_t)k, names, 8);
        for (int x = 0; x < m; x++, want++)
            if (!hdf_get_obj(cfg.hdf, names[x]))
                fail_msg("conf/desk.hdf lacks %s (empty when it has no value to show)", names[x]);
    }
    assert_int_equal(leaves, want);
    config_free(&cfg);
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
        cmocka_unit_test(a_secret_never_reaches_the_log),
        cmocka_unit_test(programs_do_not_start_on_a_file_the_table_refuses),
        cmocka_unit_test(readme_lists_every_key_with_its_default_and_nothing_else),
        cmocka_unit_test(the_sample_sets_every_key_and_nothing_else),
        cmocka_unit_test(code_reads_keys_only_through_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
