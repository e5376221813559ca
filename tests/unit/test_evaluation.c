/* Unit tests for evaluation_effort_parse (lib/desk/ticket/evaluation.c):
 * the person-days of a requirement evaluation, in tenths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "desk/ticket/evaluation.h"

static int parsed(const char *s)
{
    int t = -1;
    return evaluation_effort_parse(s, &t) ? t : -1;
}

static void person_days_parse_to_tenths(void **state)
{
    (void)state;
    assert_int_equal(parsed("3"), 30);
    assert_int_equal(parsed("2.5"), 25);
    assert_int_equal(parsed("2,5"), 25);
    assert_int_equal(parsed("0.1"), 1);
    assert_int_equal(parsed(".5"), 5);
    assert_int_equal(parsed("9999.9"), 99999);
}

static void anything_else_is_refused(void **state)
{
    (void)state;
    const char *bad[] = {"", "0", "0.0", "10000", "2.55", "2.", "-1", "1e3", " 3", "3 ",
                         "abc", ".", "1.5.", "00001", NULL};
    for (int i = 0; bad[i]; i++)
        assert_int_equal(parsed(bad[i]), -1);
    assert_false(evaluation_effort_parse(NULL, &(int){0}));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(person_days_parse_to_tenths),
        cmocka_unit_test(anything_else_is_refused),
    };
    return cmocka_run_group_tests_name("evaluation", tests, NULL, NULL);
}
