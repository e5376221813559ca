/* Unit tests for lib/core/textfill.c: what a placeholder is, the check that
 * refuses unknown ones, and substitution that never re-reads a value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/textfill.h"

static const char *const names[] = {"number", "subject", "customer", "link", NULL};

static void check_accepts_known_names(void **state)
{
    (void)state;
    char bad[16] = "x";
    assert_int_equal(textfill_check("[工单 {number}] {subject}，{customer} 您好 {link}", names,
                                    bad, sizeof bad),
                     0);
    assert_string_equal(bad, "");
    assert_int_equal(textfill_check("", names, bad, sizeof bad), 0);
    assert_int_equal(textfill_check(NULL, names, bad, sizeof bad), 0);
}

static void check_refuses_unknown_names(void **state)
{
    (void)state;
    char bad[16];
    assert_int_equal(textfill_check("{number} {agnet} {due}", names, bad, sizeof bad), 2);
    assert_string_equal(bad, "agnet");
    /* case matters, and Chinese names are names too */
    assert_int_equal(textfill_check("{Number}", names, bad, sizeof bad), 1);
    assert_string_equal(bad, "Number");
    assert_int_equal(textfill_check("您好 {客户}", names, bad, sizeof bad), 1);
    assert_string_equal(bad, "客户");
    /* no list: everything is unknown */
    assert_int_equal(textfill_check("{number}", NULL, bad, sizeof bad), 1);
}

static void check_cuts_a_long_bad_name(void **state)
{
    (void)state;
    char bad[6];
    assert_int_equal(textfill_check("{customer_name}", names, bad, sizeof bad), 1);
    assert_string_equal(bad, "custo");
    assert_int_equal(textfill_check("{customer_name}", names, NULL, 0), 1);
}

static void literal_braces_are_text(void **state)
{
    (void)state;
    /* a lone brace, braces around white space, an empty pair, an unclosed
       one and "{{" are no placeholders */
    const char *text = "a { b } {} {  } {number {{agent} }} {x\ny} {" ;
    assert_int_equal(textfill_check(text, names, NULL, 0), 0);
    textfill_var_t v[] = {{"number", "N"}, {"agent", "A"}};
    char *out = textfill_render(text, v, 2);
    assert_non_null(out);
    assert_string_equal(out, "a { b } {} {  } {number {agent} }} {x\ny} {");
    free(out);
}

static void too_long_a_name_is_text(void **state)
{
    (void)state;
    char text[TEXTFILL_NAME_MAX + 8];
    memset(text, 'a', sizeof text);
    text[0] = '{';
    text[TEXTFILL_NAME_MAX + 1] = '}';
    text[TEXTFILL_NAME_MAX + 2] = '\0';
    assert_int_equal(textfill_check(text, names, NULL, 0), 1); /* 40 bytes: a name */
    text[TEXTFILL_NAME_MAX + 1] = 'a';
    text[TEXTFILL_NAME_MAX + 2] = '}';
    text[TEXTFILL_NAME_MAX + 3] = '\0';
    assert_int_equal(textfill_check(text, names, NULL, 0), 0); /* 41: text */
}

static void render_substitutes_every_occurrence(void **state)
{
    (void)state;
    textfill_var_t v[] = {{"number", "20261125-0001"}, {"customer", "张三"}, {"link", NULL}};
    char *out = textfill_render("{customer}您好：工单 {number}（{number}）{link}。", v, 3);
    assert_non_null(out);
    assert_string_equal(out, "张三您好：工单 20261125-0001（20261125-0001）。");
    free(out);
}

static void render_keeps_unknown_placeholders(void **state)
{
    (void)state;
    textfill_var_t v[] = {{"number", "1"}};
    char *out = textfill_render("{due} {number}", v, 1);
    assert_string_equal(out, "{due} 1");
    free(out);
}

static void values_are_never_rescanned(void **state)
{
    (void)state;
    /* a customer's text that looks like a placeholder, or like template
       code, stays exactly what it was */
    textfill_var_t v[] = {{"subject", "{link} <?cs var:Secret ?> {{x}"},
                          {"link", "https://desk.example/t/SECRET"}};
    char *out = textfill_render("S: {subject}", v, 2);
    assert_string_equal(out, "S: {link} <?cs var:Secret ?> {{x}");
    free(out);
}

static void empty_and_null_text(void **state)
{
    (void)state;
    char *out = textfill_render("", NULL, 0);
    assert_string_equal(out, "");
    free(out);
    out = textfill_render(NULL, NULL, 0);
    assert_string_equal(out, "");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(check_accepts_known_names),
        cmocka_unit_test(check_refuses_unknown_names),
        cmocka_unit_test(check_cuts_a_long_bad_name),
        cmocka_unit_test(literal_braces_are_text),
        cmocka_unit_test(too_long_a_name_is_text),
        cmocka_unit_test(render_substitutes_every_occurrence),
        cmocka_unit_test(render_keeps_unknown_placeholders),
        cmocka_unit_test(values_are_never_rescanned),
        cmocka_unit_test(empty_and_null_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
