/* Unit tests for lib/core/config.c: reading HDF text, typed getters, and where
 * the config file is found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>

#include <ClearSilver.h>

#include "core/config.h"

static const char sample[] = "Desk {\n"
                             "  TimeZone = Asia/Shanghai\n"
                             "  Name = 售后服务中心\n"
                             "  Empty =\n"
                             "}\n"
                             "Server.Workers = 8\n"
                             "Server.Big = 5000\n"
                             "Server.Negative = -3\n"
                             "Server.Junk = 12abc\n"
                             "Server.Word = many\n"
                             "Server.Huge = 99999999999999999999999\n";

static int setup(void **state)
{
    config_t *cfg = calloc(1, sizeof *cfg);
    if (!cfg || config_load_string(cfg, sample) != 0)
        return -1;
    *state = cfg;
    return 0;
}

static int teardown(void **state)
{
    config_t *cfg = *state;
    config_free(cfg);
    free(cfg);
    return 0;
}

static void load_string_reads_nested_blocks(void **state)
{
    const config_t *cfg = *state;
    assert_string_equal(config_str(cfg, "Desk.TimeZone", "UTC"), "Asia/Shanghai");
    assert_string_equal(config_str(cfg, "Desk.Name", ""), "售后服务中心");
}

static void load_string_reads_dotted_keys(void **state)
{
    const config_t *cfg = *state;
    assert_string_equal(config_str(cfg, "Server.Workers", "(unset)"), "8");
}

static void load_string_rejects_line_without_operator(void **state)
{
    (void)state;
    config_t cfg = {0};
    assert_int_equal(config_load_string(&cfg, "Desk.TimeZone Asia/Shanghai\n"), -1);
    config_free(&cfg);
}

/* ClearSilver follows a link to itself until the stack overflows (at the
 * first lookup through it, or at a copy while reading): links, copies and
 * attributes are refused before it reads anything */
static void load_refuses_links_copies_and_attributes(void **state)
{
    (void)state;
    static const char *const refused[] = {
        "Desk : Desk\n",
        "Desk {\n  TimeZone = UTC\n}\nLoop : Loop\nCopy := Loop.x\n",
        "A = 1\nB := A\n",
        ": Desk\n",
        "Desk [x=1] = 2\n",
        "Desk [x=1] nothing\n",
        "Text << EOM\nsee: below\nEOM\n",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        config_t cfg = {0};
        assert_int_equal(config_load_string(&cfg, refused[i]), -1);
        config_free(&cfg);
    }
    config_t cfg = {0};
    assert_int_equal(config_load_string(&cfg, "Desk {\n  Name = a: b [c]\n}\n"
                                              "Text << EOM\nline one\n  line two\nEOM\n"),
                     0);
    assert_string_equal(config_str(&cfg, "Desk.Name", ""), "a: b [c]");
    assert_string_equal(config_str(&cfg, "Text", ""), "line one\n  line two\n");
    config_free(&cfg);
}

static void str_default_when_missing(void **state)
{
    const config_t *cfg = *state;
    assert_string_equal(config_str(cfg, "Desk.Missing", "fallback"), "fallback");
    assert_null(config_str(cfg, "No.Such.Key", NULL));
}

static void str_default_when_empty(void **state)
{
    const config_t *cfg = *state;
    assert_string_equal(config_str(cfg, "Desk.Empty", "fallback"), "fallback");
}

static void int_parses_value(void **state)
{
    const config_t *cfg = *state;
    assert_int_equal(config_int(cfg, "Server.Workers", 4, 1, 64), 8);
}

static void int_default_when_missing(void **state)
{
    const config_t *cfg = *state;
    assert_int_equal(config_int(cfg, "Server.Missing", 4, 1, 64), 4);
    assert_int_equal(config_int(cfg, "Desk.Empty", 4, 1, 64), 4);
}

static void int_clamps_to_max(void **state)
{
    const config_t *cfg = *state;
    assert_int_equal(config_int(cfg, "Server.Big", 4, 1, 64), 64);
}

static void int_clamps_to_min(void **state)
{
    const config_t *cfg = *state;
    assert_int_equal(config_int(cfg, "Server.Negative", 4, 1, 64), 1);
    assert_int_equal(config_int(cfg, "Server.Negative", 4, -10, 64), -3);
}

static void int_default_when_invalid(void **state)
{
    const config_t *cfg = *state;
    assert_int_equal(config_int(cfg, "Server.Junk", 4, 1, 64), 4);
    assert_int_equal(config_int(cfg, "Server.Word", 4, 1, 64), 4);
    assert_int_equal(config_int(cfg, "Desk.TimeZone", 4, 1, 64), 4);
}

static void int_default_when_out_of_long_range(void **state)
{
    const config_t *cfg = *state;
    assert_int_equal(config_int(cfg, "Server.Huge", 4, 1, 64), 4);
}

static void path_from_dash_c(void **state)
{
    (void)state;
    char prog[] = "portal", flag[] = "-c", path[] = "/tmp/desk-test.hdf";
    char *argv[] = {prog, flag, path, NULL};
    setenv("DESK_CONFIG", "/from/env.hdf", 1);
    assert_string_equal(config_path_from_args(3, argv), "/tmp/desk-test.hdf");
    unsetenv("DESK_CONFIG");
}

static void path_from_env_without_dash_c(void **state)
{
    (void)state;
    char prog[] = "portal";
    char *argv[] = {prog, NULL};
    setenv("DESK_CONFIG", "/from/env.hdf", 1);
    assert_string_equal(config_path_from_args(1, argv), "/from/env.hdf");
    unsetenv("DESK_CONFIG");
}

static void path_dash_c_without_value_is_ignored(void **state)
{
    (void)state;
    char prog[] = "portal", flag[] = "-c";
    char *argv[] = {prog, flag, NULL};
    setenv("DESK_CONFIG", "/from/env.hdf", 1);
    assert_string_equal(config_path_from_args(2, argv), "/from/env.hdf");
    unsetenv("DESK_CONFIG");
}

static void path_default(void **state)
{
    (void)state;
    char prog[] = "portal";
    char *argv[] = {prog, NULL};
    unsetenv("DESK_CONFIG");
    assert_string_equal(config_path_from_args(1, argv), "/etc/desk/desk.hdf");
    setenv("DESK_CONFIG", "", 1);
    assert_string_equal(config_path_from_args(1, argv), "/etc/desk/desk.hdf");
    unsetenv("DESK_CONFIG");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(load_string_reads_nested_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(load_string_reads_dotted_keys, setup, teardown),
        cmocka_unit_test(load_string_rejects_line_without_operator),
        cmocka_unit_test(load_refuses_links_copies_and_attributes),
        cmocka_unit_test_setup_teardown(str_default_when_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(str_default_when_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(int_parses_value, setup, teardown),
        cmocka_unit_test_setup_teardown(int_default_when_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(int_clamps_to_max, setup, teardown),
        cmocka_unit_test_setup_teardown(int_clamps_to_min, setup, teardown),
        cmocka_unit_test_setup_teardown(int_default_when_invalid, setup, teardown),
        cmocka_unit_test_setup_teardown(int_default_when_out_of_long_range, setup, teardown),
        cmocka_unit_test(path_from_dash_c),
        cmocka_unit_test(path_from_env_without_dash_c),
        cmocka_unit_test(path_dash_c_without_value_is_ignored),
        cmocka_unit_test(path_default),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
