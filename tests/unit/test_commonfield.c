/* Unit tests for lib/desk/catalog/commonfield.c: names, modes and the rules a category's
 * modes give the forms and the API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "desk/catalog/commonfield.h"

static void names_and_modes_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < COMMON_COUNT; i++)
        assert_int_equal(common_index(common_field(i)->name), i);
    assert_int_equal(common_index("subject"), -1); /* the core is not configurable */
    assert_int_equal(common_index(NULL), -1);
    for (int m = COMMON_HIDDEN; m <= COMMON_REQUIRED; m++)
        assert_int_equal(common_mode_parse(common_mode_name((common_mode_t)m)), m);
    assert_int_equal(common_mode_parse("sometimes"), -1);
    assert_int_equal(common_mode_parse(NULL), -1);
}

static void defaults_are_what_every_form_asked_before(void **state)
{
    (void)state;
    for (int i = 0; i < COMMON_COUNT; i++)
        assert_int_equal(common_default(i), i == COMMON_PRODUCT || i == COMMON_IMPACT
                                                  ? COMMON_REQUIRED
                                                  : COMMON_OPTIONAL);
}

static void rules_follow_the_modes(void **state)
{
    (void)state;
    unsigned char modes[COMMON_COUNT];
    memset(modes, COMMON_OPTIONAL, sizeof modes);
    modes[COMMON_IMPACT] = COMMON_HIDDEN;
    modes[COMMON_TRIED] = COMMON_HIDDEN;
    modes[COMMON_SERIAL_NUMBER] = COMMON_REQUIRED;
    field_rule_t out[COMMON_COUNT];
    int n = common_rules(modes, false, out);
    assert_int_equal(n, COMMON_COUNT - 2);
    for (int i = 0; i < n; i++) {
        assert_string_not_equal(out[i].name, "impact");
        assert_string_not_equal(out[i].name, "tried");
        assert_int_equal(out[i].required, strcmp(out[i].name, "serial_number") == 0);
    }
    /* the API takes the hidden ones too, never as required */
    n = common_rules(modes, true, out);
    assert_int_equal(n, COMMON_COUNT);
    assert_string_equal(out[COMMON_IMPACT].name, "impact");
    assert_false(out[COMMON_IMPACT].required);
    assert_non_null(out[COMMON_IMPACT].choices);
    assert_int_equal(out[COMMON_STARTED_AT].type, FT_DATETIME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_modes_round_trip),
        cmocka_unit_test(defaults_are_what_every_form_asked_before),
        cmocka_unit_test(rules_follow_the_modes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
