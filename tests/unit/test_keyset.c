/* Unit tests for lib/core/keyset.c: cursors read strictly, written so they
 * read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "core/keyset.h"

static void plain_and_part_cursors_read(void **state)
{
    (void)state;
    keyset_t k;
    assert_true(keyset_parse("1796000000.42", &k));
    assert_int_equal(k.part, 0);
    assert_int_equal(k.key, 1796000000LL);
    assert_int_equal(k.id, 42);
    assert_true(keyset_parse("w:253402300799.7", &k));
    assert_int_equal(k.part, 'w');
    assert_int_equal(k.key, 253402300799LL);
    assert_int_equal(k.id, 7);
    assert_true(keyset_parse("0.0", &k));
    assert_true(keyset_parse("999999999999999999.999999999999999999", &k));
    assert_int_equal(k.key, 999999999999999999LL);
}

static void anything_else_is_not_a_cursor(void **state)
{
    (void)state;
    static const char *const bad[] = {
        NULL, "", ".", "1.", ".1", "1", "1.2.3", "-1.2", "1.-2", "+1.2", " 1.2", "1.2 ",
        "1 .2", "1.2x", "W:1.2", "ww:1.2", "w1.2", ":1.2", "w:", "w:1", "1:2.3",
        "1000000000000000000.1", "1.1000000000000000000", "1.2\n", "0x1.2", "１.2",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        keyset_t k = {.part = 'q', .key = 5, .id = 6};
        assert_false(keyset_parse(bad[i], &k));
        assert_int_equal(k.key, 5); /* untouched */
    }
}

static void formatted_cursors_read_back(void **state)
{
    (void)state;
    const keyset_t in[] = {{0, 0, 0}, {0, 1796000000, 42}, {'a', 1, 1},
                           {'z', 999999999999999999LL, 999999999999999999LL}};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        char s[KEYSET_MAX];
        keyset_t out;
        keyset_format(&in[i], s, sizeof s);
        assert_true(keyset_parse(s, &out));
        assert_int_equal(out.part, in[i].part);
        assert_int_equal(out.key, in[i].key);
        assert_int_equal(out.id, in[i].id);
    }
    char s[KEYSET_MAX];
    keyset_format(&(keyset_t){'w', 12, 3}, s, sizeof s);
    assert_string_equal(s, "w:12.3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_part_cursors_read),
        cmocka_unit_test(anything_else_is_not_a_cursor),
        cmocka_unit_test(formatted_cursors_read_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
