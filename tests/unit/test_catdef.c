/* Unit tests for the checks of lib/desk/catalog/catdef.c that need no database: codes,
 * field types and their lengths, and the options text of a new choice
 * field ("code | 中文 | English" per line). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "append.h"
#include "desk/catalog/catdef.h"

static void codes(void **state)
{
    (void)state;
    assert_true(catdef_code_ok("fault"));
    assert_true(catdef_code_ok("on_site_2"));
    assert_true(catdef_code_ok("a"));
    assert_true(catdef_code_ok("abcdefghijabcdefghijabcdefghijabcdefghij")); /* 40 */
    assert_false(catdef_code_ok("abcdefghijabcdefghijabcdefghijabcdefghijk"));
    assert_false(catdef_code_ok(""));
    assert_false(catdef_code_ok(NULL));
    assert_false(catdef_code_ok("Fault"));
    assert_false(catdef_code_ok("on-site"));
    assert_false(catdef_code_ok("on site"));
    assert_false(catdef_code_ok("故障"));
    assert_false(catdef_code_ok("a/b"));
}

static void types(void **state)
{
    (void)state;
    const char *all[] = {"text",     "longtext", "number",      "date",
                         "datetime", "choice",   "multichoice", "bool"};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        assert_true(catdef_type_ok(all[i]));
        assert_true(catdef_default_max(all[i]) > 0);
    }
    assert_false(catdef_type_ok("email")); /* the form knows it; admins do not pick it */
    assert_false(catdef_type_ok("file"));
    assert_false(catdef_type_ok(NULL));
    assert_true(catdef_type_has_options("choice"));
    assert_true(catdef_type_has_options("multichoice"));
    assert_false(catdef_type_has_options("text"));
    assert_true(catdef_type_has_length("text"));
    assert_true(catdef_type_has_length("longtext"));
    assert_false(catdef_type_has_length("bool"));
    assert_int_equal(catdef_length_limit("text"), 1000);
    assert_int_equal(catdef_length_limit("longtext"), 10000);
    /* a multichoice value is every code joined with commas: it must fit */
    assert_true(catdef_default_max("multichoice") >=
                CATDEF_MAX_OPTIONS * (CATDEF_CODE_MAX + 1) - 1);
    assert_true(catdef_default_max("choice") >= CATDEF_CODE_MAX);
}

static void options_parsed(void **state)
{
    (void)state;
    optline_t o[4];
    const char *err;
    int line;
    int n = catdef_parse_options("printer | 打印机 | Printer\r\n\n  scanner｜扫描仪｜Scanner  \n", o, 4,
                                 &err, &line);
    assert_int_equal(n, 2);
    assert_null(err);
    assert_string_equal(o[0].code, "printer");
    assert_string_equal(o[0].label[LANG_ZH], "打印机");
    assert_string_equal(o[0].label[LANG_EN], "Printer");
    assert_string_equal(o[1].code, "scanner");
    assert_string_equal(o[1].label[LANG_ZH], "扫描仪");
    assert_string_equal(o[1].label[LANG_EN], "Scanner");
    assert_int_equal(catdef_parse_options("", o, 4, &err, &line), 0);
    assert_int_equal(catdef_parse_options(" \n\n", o, 4, &err, &line), 0);
    assert_int_equal(catdef_parse_options(NULL, o, 4, &err, &line), 0);
}

static void expect_error(const char *text, int cap, const char *key, int at)
{
    optline_t o[4];
    const char *err = NULL;
    int line = 0;
    assert_int_equal(catdef_parse_options(text, o, cap, &err, &line), -1);
    assert_non_null(err);
    assert_string_equal(err, key);
    assert_int_equal(line, at);
}

static void options_refused(void **state)
{
    (void)state;
    expect_error("a | 甲 | A\nb | 乙\n", 4, "option_line", 2);
    expect_error("a | 甲 | A | extra", 4, "option_line", 1);
    expect_error("just a label", 4, "option_line", 1);
    expect_error("\n\nBad | 甲 | A", 4, "option_code", 3);
    expect_error("a | | A", 4, "option_label", 1);
    expect_error("a | 甲 |  ", 4, "option_label", 1);
    expect_error("a | 甲 | A\nb | 乙 | B\na | 丙 | C", 4, "option_dup", 3);
    expect_error("a|1|A\nb|2|B\nc|3|C", 2, "too_many_options", 3);
    /* a label of 101 characters */
    char longer[400] = "a | ";
    for (int i = 0; i < 101; i++)
        append(longer, sizeof longer, "长");
    append(longer, sizeof longer, " | A");
    expect_error(longer, 4, "option_label", 1);
    /* 100 bytes fit (33 Chinese characters and a letter), 101 do not */
    char fits[200] = "a | ", over[200];
    for (int i = 0; i < 33; i++)
        append(fits, sizeof fits, "长");
    append(fits, sizeof fits, "x");
    snprintf(over, sizeof over, "%sy | A", fits);
    append(fits, sizeof fits, " | A");
    optline_t o[1];
    const char *err;
    int line;
    assert_int_equal(catdef_parse_options(fits, o, 1, &err, &line), 1);
    assert_int_equal(strlen(o[0].label[LANG_ZH]), 100);
    expect_error(over, 4, "option_label", 1);
    expect_error("a | \xff\xfe | A", 4, "option_label", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes),
        cmocka_unit_test(types),
        cmocka_unit_test(options_parsed),
        cmocka_unit_test(options_refused),
    };
    return cmocka_run_group_tests_name("catdef", tests, NULL, NULL);
}
