/* Unit tests for lib/core/outcome.c and lib/web/status.c: every detailed
 * outcome keeps its kind, stays negative and distinct, and each kind has
 * one HTTP status and error page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/outcome.h"
#include "web/status.h"

static const struct {
    outcome_t o, kind;
} details[] = {
    {OUTCOME_LOST, OUTCOME_UNAVAILABLE},
    {OUTCOME_DEADLOCK, OUTCOME_UNAVAILABLE},
    {OUTCOME_UNKNOWN, OUTCOME_UNAVAILABLE},
    {OUTCOME_TOO_LONG, OUTCOME_INVALID},
    {OUTCOME_BAD_TRANSITION, OUTCOME_INVALID},
    {OUTCOME_REASON_REQUIRED, OUTCOME_INVALID},
    {OUTCOME_NO_SUCH_AGENT, OUTCOME_INVALID},
    {OUTCOME_NO_SUCH_TEAM, OUTCOME_INVALID},
    {OUTCOME_EVIDENCE_REQUIRED, OUTCOME_INVALID},
    {OUTCOME_KEY_REUSED, OUTCOME_INVALID},
    {OUTCOME_REJECTED, OUTCOME_INVALID},
    {OUTCOME_ANSWERED, OUTCOME_DUPLICATE},
    {OUTCOME_PAUSED, OUTCOME_LIMITED},
};
#define NDETAILS (sizeof details / sizeof *details)

static void kinds_are_their_own_kind(void **state)
{
    (void)state;
    for (int k = 0; k < OUTCOME_KINDS; k++)
        assert_int_equal(outcome_kind(-k), -k);
}

static void counts_and_ids_are_ok(void **state)
{
    (void)state;
    assert_int_equal(outcome_kind(1), OUTCOME_OK);
    assert_int_equal(outcome_kind(123456), OUTCOME_OK);
    assert_int_equal(status_of(1), 200);
    assert_null(status_key(7));
}

static void details_keep_their_kind(void **state)
{
    (void)state;
    for (size_t i = 0; i < NDETAILS; i++) {
        assert_true(details[i].o < 0);
        assert_true(details[i].o <= -OUTCOME_KINDS);
        assert_int_equal(outcome_kind(details[i].o), details[i].kind);
        for (size_t j = 0; j < i; j++)
            assert_int_not_equal(details[i].o, details[j].o);
    }
}

static void each_kind_has_its_status(void **state)
{
    (void)state;
    static const struct {
        outcome_t o;
        int status;
        const char *key;
    } table[] = {
        {OUTCOME_UNAVAILABLE, 503, "unavailable"}, {OUTCOME_NOT_FOUND, 404, "not_found"},
        {OUTCOME_CONFLICT, 409, "conflict"},       {OUTCOME_INVALID, 422, "invalid"},
        {OUTCOME_FORBIDDEN, 403, "forbidden"},     {OUTCOME_DUPLICATE, 422, "invalid"},
        {OUTCOME_LIMITED, 429, "limited"},
    };
    assert_int_equal(status_of(OUTCOME_OK), 200);
    assert_null(status_key(OUTCOME_OK));
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        assert_int_equal(status_of(table[i].o), table[i].status);
        assert_string_equal(status_key(table[i].o), table[i].key);
    }
}

/* the statuses the handlers gave these outcomes by hand before */
static void details_answer_as_their_kind(void **state)
{
    (void)state;
    assert_int_equal(status_of(OUTCOME_LOST), 503);
    assert_int_equal(status_of(OUTCOME_DEADLOCK), 503);
    assert_int_equal(status_of(OUTCOME_UNKNOWN), 503);
    assert_int_equal(status_of(OUTCOME_BAD_TRANSITION), 422);
    assert_int_equal(status_of(OUTCOME_REASON_REQUIRED), 422);
    assert_int_equal(status_of(OUTCOME_NO_SUCH_AGENT), 422);
    assert_int_equal(status_of(OUTCOME_EVIDENCE_REQUIRED), 422);
    assert_int_equal(status_of(OUTCOME_KEY_REUSED), 422);
    assert_int_equal(status_of(OUTCOME_PAUSED), 429);
    assert_string_equal(status_key(OUTCOME_DEADLOCK), "unavailable");
    for (size_t i = 0; i < NDETAILS; i++)
        assert_int_equal(status_of(details[i].o), status_of(details[i].kind));
}

/* an outcome outside the enum is trouble, never success */
static void unknown_failures_are_unavailable(void **state)
{
    (void)state;
    assert_int_equal(status_of(-9), 503);
    assert_int_equal(status_of(-15), 503);
    assert_string_equal(status_key(-15), "unavailable");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_are_their_own_kind),
        cmocka_unit_test(counts_and_ids_are_ok),
        cmocka_unit_test(details_keep_their_kind),
        cmocka_unit_test(each_kind_has_its_status),
        cmocka_unit_test(details_answer_as_their_kind),
        cmocka_unit_test(unknown_failures_are_unavailable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
