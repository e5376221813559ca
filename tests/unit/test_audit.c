/* Unit tests for the pure parts of the admin console's libraries:
 * lib/desk/audit.c (a change set holds a field only when old != new),
 * lib/desk/settings.c (stored value, else the config key, else the default) and
 * lib/desk/confver.c (the stamp file: every rewrite is noticed, once). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "desk/audit.h"
#include "desk/confver.h"
#include "desk/settings.h"

static char *dump(const json_t *c) { return json_dumps(c, JSON_COMPACT | JSON_SORT_KEYS); }

static void audit_keeps_only_changed_fields(void **state)
{
    (void)state;
    json_t *c = audit_changes();
    assert_false(audit_any(c));
    audit_str(c, "same", "a", "a");
    audit_str(c, "both_null", NULL, NULL);
    audit_int(c, "n_same", 5, 5);
    audit_bool(c, "b_same", true, true);
    assert_false(audit_any(c));
    audit_str(c, "name", "旧名", "新名");
    audit_str(c, "added", NULL, "x");
    audit_str(c, "cleared", "y", NULL);
    audit_int(c, "minutes", 60, 90);
    audit_bool(c, "active", true, false);
    audit_mark(c, "password");
    assert_true(audit_any(c));
    char *text = dump(c);
    assert_string_equal(text, "{\"active\":[true,false],\"added\":[null,\"x\"],\"cleared\":[\"y\",null],"
                              "\"minutes\":[60,90],\"name\":[\"旧名\",\"新名\"],"
                              "\"password\":[null,\"changed\"]}");
    free(text);
    json_decref(c);
}

/* A blank field of a new thing is no change: NULL and "" both mean "no
 * value"; clearing a value is one. */
static void audit_blank_and_null_are_no_change(void **state)
{
    (void)state;
    json_t *c = audit_changes();
    audit_str(c, "help_en", NULL, "");
    audit_str(c, "help_zh", "", NULL);
    assert_false(audit_any(c));
    audit_str(c, "summary", "旧说明", "");
    char *text = dump(c);
    assert_string_equal(text, "{\"summary\":[\"旧说明\",\"\"]}");
    free(text);
    json_decref(c);
}

static void settings_fall_back_to_config(void **state)
{
    (void)state;
    config_t cfg;
    assert_int_equal(config_load_string(&cfg, "Site.Name = 配置里的名字\nRate.Limit = 30\n"), 0);
    setting_t items[] = {{"Portal.Welcome", strdup("欢迎")}, {"Rate.Limit", strdup("12")},
                         {"Site.Name", strdup("网页上改的名字")}, {"Zeta.Bad", strdup("12x")}};
    settings_t s = {items, 4};
    assert_string_equal(settings_get(&s, &cfg, "Site.Name", "d"), "网页上改的名字");
    assert_string_equal(settings_get(&s, &cfg, "Portal.Welcome", "d"), "欢迎");
    assert_string_equal(settings_get(&s, &cfg, "Portal.Missing", "默认"), "默认");
    assert_int_equal(settings_int(&s, &cfg, "Rate.Limit", 1, 0, 100), 12);
    assert_int_equal(settings_int(&s, &cfg, "Rate.Limit", 1, 20, 100), 20); /* clamped */
    assert_int_equal(settings_int(&s, &cfg, "Zeta.Bad", 7, 0, 100), 7);    /* not a number */
    settings_t none = {NULL, 0};
    assert_string_equal(settings_get(&none, &cfg, "Site.Name", "d"), "配置里的名字");
    assert_int_equal(settings_int(&none, &cfg, "Rate.Limit", 1, 0, 100), 30);
    assert_string_equal(settings_get(&none, NULL, "Site.Name", "d"), "d");
    for (int i = 0; i < 4; i++)
        free(items[i].value);
    config_free(&cfg);
}

static void stamp_changes_are_seen_once(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_confver.XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/config.stamp", dir);
    desk_t d;
    memset(&d, 0, sizeof d);
    d.stamp_file = path;
    assert_false(confver_stamp_changed(&d)); /* no file yet */
    confver_touch(&d);
    assert_true(confver_stamp_changed(&d));
    assert_false(confver_stamp_changed(&d));
    /* a rewrite within the same clock tick is still seen: a new inode */
    confver_touch(&d);
    assert_true(confver_stamp_changed(&d));
    assert_false(confver_stamp_changed(&d));
    desk_t other; /* another worker that never looked: sees it at once */
    memset(&other, 0, sizeof other);
    other.stamp_file = path;
    assert_true(confver_stamp_changed(&other));
    d.stamp_file = NULL; /* without Desk.StampFile: never, and touch is harmless */
    confver_touch(&d);
    assert_false(confver_stamp_changed(&d));
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(audit_keeps_only_changed_fields),
        cmocka_unit_test(audit_blank_and_null_are_no_change),
        cmocka_unit_test(settings_fall_back_to_config),
        cmocka_unit_test(stamp_changes_are_seen_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
