/* Unit tests for lib/web/csrf.c: the one check of a form's csrf field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <util/neo_hdf.h>

#include "core/secret.h"
#include "web/csrf.h"

#define TOKEN "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ" /* 43 characters */

static int setup(void **state)
{
    req_t *r = calloc(1, sizeof *r);
    if (!r || hdf_init(&r->hdf))
        return -1;
    *state = r;
    return 0;
}

static int teardown(void **state)
{
    req_t *r = *state;
    hdf_destroy(&r->hdf);
    free(r);
    return 0;
}

static void same_token_passes(void **state)
{
    req_t *r = *state;
    assert_int_equal(strlen(TOKEN), TOKEN_TEXT_LEN);
    hdf_set_value(r->hdf, "Query.csrf", TOKEN);
    assert_true(csrf_ok(r, TOKEN));
    hdf_set_value(r->hdf, "Cookie.csrf", TOKEN);
    assert_true(csrf_cookie_ok(r, "csrf"));
}

static void other_or_missing_token_fails(void **state)
{
    req_t *r = *state;
    assert_false(csrf_ok(r, TOKEN)); /* no field */
    hdf_set_value(r->hdf, "Query.csrf", TOKEN "x");
    assert_false(csrf_ok(r, TOKEN));
    hdf_set_value(r->hdf, "Query.csrf", "");
    assert_false(csrf_ok(r, ""));
    assert_false(csrf_ok(r, NULL));
    hdf_set_value(r->hdf, "Query.csrf", "bbcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
    assert_false(csrf_ok(r, TOKEN));
    assert_false(csrf_cookie_ok(r, "csrf")); /* no cookie */
}

static void short_cookie_never_matches(void **state)
{
    req_t *r = *state;
    hdf_set_value(r->hdf, "Query.csrf", "abc");
    hdf_set_value(r->hdf, "Cookie.csrf", "abc");
    assert_false(csrf_cookie_ok(r, "csrf"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(same_token_passes, setup, teardown),
        cmocka_unit_test_setup_teardown(other_or_missing_token_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(short_cookie_never_matches, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
