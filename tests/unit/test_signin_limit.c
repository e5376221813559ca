/* Unit tests for the rules of lib/desk/people/signin_limit.c (back-off, penalties, the
 * verdict before a try) and for the dummy hash lib/desk/people/auth.c checks unknown
 * logins against (it must cost what a real one costs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "core/password.h"
#include "desk/people/signin_limit.h"

static signin_policy_t defaults(void)
{
    config_t cfg;
    signin_policy_t p;
    assert_int_equal(config_load_string(&cfg, ""), 0);
    signin_policy_read(&cfg, &p);
    config_free(&cfg);
    return p;
}

static void policy_defaults_are_the_documented_ones(void **state)
{
    (void)state;
    signin_policy_t p = defaults();
    assert_int_equal(p.pair_pause_at, 10);
    assert_int_equal(p.pause_seconds, 15 * 60);
    assert_int_equal(p.source_free, 30);
    assert_int_equal(p.login_free, 20);
    assert_int_equal(p.forget_seconds, 60 * 60);
    assert_int_equal(p.usual_days, 90);
}

static void backoff_doubles_up_to_its_cap(void **state)
{
    (void)state;
    assert_int_equal(signin_backoff(0, 3, 60), 0);
    assert_int_equal(signin_backoff(2, 3, 60), 0);
    assert_int_equal(signin_backoff(3, 3, 60), 1);
    assert_int_equal(signin_backoff(4, 3, 60), 2);
    assert_int_equal(signin_backoff(8, 3, 60), 32);
    assert_int_equal(signin_backoff(9, 3, 60), 60);
    assert_int_equal(signin_backoff(1000000, 3, 60), 60); /* no overflow */
    assert_int_equal(signin_backoff(40, 30, 900), 900);
}

static void only_the_pair_is_ever_paused(void **state)
{
    (void)state;
    signin_policy_t p = defaults();
    time_t now = 1000000;
    for (int scope = 0; scope < SCOPE_COUNT; scope++) {
        signin_counter_t c = {.failures = 100000};
        signin_penalty(scope, &c, &p, now);
        assert_true(c.wait_until > now);
        if (scope == SCOPE_PAIR)
            assert_int_equal(c.paused_until, now + 15 * 60);
        else
            assert_int_equal(c.paused_until, 0); /* an address or a login slows down only */
    }
    signin_counter_t login = {.failures = 100000};
    signin_penalty(SCOPE_LOGIN, &login, &p, now);
    assert_int_equal(login.wait_until, now + 60); /* a login waits a minute at most */
    signin_counter_t pair = {.failures = 9};
    signin_penalty(SCOPE_PAIR, &pair, &p, now);
    assert_int_equal(pair.paused_until, 0);
    assert_int_equal(pair.wait_until, now + 60);
    signin_counter_t fresh = {.failures = 2};
    signin_penalty(SCOPE_PAIR, &fresh, &p, now);
    assert_int_equal(fresh.wait_until, 0);
}

static void verdict_pause_first_then_the_longest_wait(void **state)
{
    (void)state;
    time_t now = 5000;
    long wait = -1;
    signin_counter_t c[SCOPE_COUNT];
    memset(c, 0, sizeof c);
    assert_int_equal(signin_verdict(c, false, now, &wait), SIGNIN_GO);
    assert_int_equal(wait, 0);
    c[SCOPE_SOURCE].wait_until = now + 5;
    c[SCOPE_LOGIN].wait_until = now + 40;
    assert_int_equal(signin_verdict(c, false, now, &wait), SIGNIN_WAIT);
    assert_int_equal(wait, 40);
    /* at a usual address the login's own wait does not count */
    assert_int_equal(signin_verdict(c, true, now, &wait), SIGNIN_WAIT);
    assert_int_equal(wait, 5);
    c[SCOPE_SOURCE].wait_until = now; /* over */
    assert_int_equal(signin_verdict(c, true, now, &wait), SIGNIN_GO);
    c[SCOPE_PAIR].paused_until = now + 600;
    assert_int_equal(signin_verdict(c, true, now, &wait), SIGNIN_PAUSED);
    assert_int_equal(wait, 600);
}

static void dummy_hash_costs_what_a_real_one_costs(void **state)
{
    (void)state;
    char real[PASSWORD_HASH_MAX];
    assert_int_equal(password_hash("a real password", real), 0);
    const char *dummy = password_dummy_hash();
    /* the same algorithm and parameters as password_hash's */
    assert_int_equal(crypto_pwhash_str_needs_rehash(dummy, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                    crypto_pwhash_MEMLIMIT_INTERACTIVE),
                     0);
    size_t prefix = (size_t)(strrchr(real, '$') - real);
    size_t params = (size_t)(strchr(real + strlen("$argon2id$v=19$"), '$') - real);
    assert_true(params < prefix);
    assert_memory_equal(dummy, real, params); /* "$argon2id$v=19$m=...,t=...,p=..." */
    assert_false(password_verify(dummy, "a real password"));
    assert_false(password_verify(dummy, ""));
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(policy_defaults_are_the_documented_ones),
        cmocka_unit_test(backoff_doubles_up_to_its_cap),
        cmocka_unit_test(only_the_pair_is_ever_paused),
        cmocka_unit_test(verdict_pause_first_then_the_longest_wait),
        cmocka_unit_test(dummy_hash_costs_what_a_real_one_costs),
    };
    return cmocka_run_group_tests_name("signin_limit", tests, NULL, NULL);
}
