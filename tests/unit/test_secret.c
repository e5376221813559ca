/* Unit tests for lib/secret.c: derived keys, sealing, blind index, tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "secret.h"

static const char contact[] = "张三 zhangsan@example.com +86 138 0013 8000";

static secrets_t key_a, key_b;

static int setup_keys(void **state)
{
    (void)state;
    if (sodium_init() < 0)
        return -1;
    unsigned char master[32];
    for (int i = 0; i < 32; i++)
        master[i] = (unsigned char)i;
    secrets_from_master(&key_a, master);
    master[31] ^= 0x01;
    secrets_from_master(&key_b, master);
    return 0;
}

static void purpose_keys_are_deterministic_and_distinct(void **state)
{
    (void)state;
    unsigned char master[32];
    for (int i = 0; i < 32; i++)
        master[i] = (unsigned char)i;
    secrets_t again;
    secrets_from_master(&again, master);
    assert_memory_equal(&again, &key_a, sizeof again);
    assert_memory_not_equal(key_a.token_key, key_a.seal_key, 32);
    assert_memory_not_equal(key_a.seal_key, key_a.index_key, 32);
    assert_memory_not_equal(key_a.token_key, key_a.index_key, 32);
    assert_memory_not_equal(key_a.seal_key, key_b.seal_key, 32);
}

static void seal_open_round_trip(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    secret_seal(&key_a, contact, n, sealed);
    assert_int_equal(secret_open(&key_a, sealed, SECRET_SEALED_LEN(n), out, sizeof out), 0);
    assert_string_equal(out, contact);
}

static void seal_open_round_trip_empty(void **state)
{
    (void)state;
    unsigned char sealed[SECRET_SEALED_LEN(0)];
    char out[4] = "xyz";
    secret_seal(&key_a, "", 0, sealed);
    assert_int_equal(secret_open(&key_a, sealed, sizeof sealed, out, sizeof out), 0);
    assert_string_equal(out, "");
}

static void sealed_text_is_not_plaintext(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    secret_seal(&key_a, contact, n, sealed);
    assert_memory_not_equal(sealed + 24, contact, n);
}

static void open_fails_on_tampered_byte(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    size_t len = SECRET_SEALED_LEN(n);
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    secret_seal(&key_a, contact, n, sealed);
    size_t where[] = {0, 23, 24, 24 + n / 2, len - 1}; /* nonce, text, tag */
    for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
        sealed[where[i]] ^= 0x01;
        assert_int_equal(secret_open(&key_a, sealed, len, out, sizeof out), -1);
        sealed[where[i]] ^= 0x01;
    }
    assert_int_equal(secret_open(&key_a, sealed, len, out, sizeof out), 0);
}

static void open_fails_on_truncated_input(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    secret_seal(&key_a, contact, n, sealed);
    assert_int_equal(secret_open(&key_a, sealed, SECRET_SEALED_LEN(n) - 1, out, sizeof out), -1);
    assert_int_equal(secret_open(&key_a, sealed, SECRET_SEALED_LEN(0) - 1, out, sizeof out), -1);
    assert_int_equal(secret_open(&key_a, sealed, 0, out, sizeof out), -1);
}

static void open_fails_when_buffer_too_small(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    secret_seal(&key_a, contact, n, sealed);
    /* n bytes leave no room for the NUL */
    assert_int_equal(secret_open(&key_a, sealed, SECRET_SEALED_LEN(n), out, n), -1);
    assert_int_equal(secret_open(&key_a, sealed, SECRET_SEALED_LEN(n), out, 1), -1);
    assert_int_equal(secret_open(&key_a, sealed, SECRET_SEALED_LEN(n), out, n + 1), 0);
    assert_string_equal(out, contact);
}

static void open_fails_with_wrong_key(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    secret_seal(&key_a, contact, n, sealed);
    assert_int_equal(secret_open(&key_b, sealed, SECRET_SEALED_LEN(n), out, sizeof out), -1);
}

static void two_seals_of_same_text_differ(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    unsigned char one[SECRET_SEALED_LEN(sizeof contact)];
    unsigned char two[SECRET_SEALED_LEN(sizeof contact)];
    secret_seal(&key_a, contact, n, one);
    secret_seal(&key_a, contact, n, two);
    assert_memory_not_equal(one, two, 24);                       /* nonce */
    assert_memory_not_equal(one + 24, two + 24, n + 16);         /* ciphertext */
}

static void blind_index_is_deterministic(void **state)
{
    (void)state;
    unsigned char one[SECRET_HASH_LEN], two[SECRET_HASH_LEN];
    secret_blind_index(&key_a, "email", "zhangsan@example.com", one);
    secret_blind_index(&key_a, "email", "zhangsan@example.com", two);
    assert_memory_equal(one, two, SECRET_HASH_LEN);
}

static void blind_index_differs_by_kind(void **state)
{
    (void)state;
    unsigned char email[SECRET_HASH_LEN], phone[SECRET_HASH_LEN];
    secret_blind_index(&key_a, "email", "13800138000", email);
    secret_blind_index(&key_a, "phone", "13800138000", phone);
    assert_memory_not_equal(email, phone, SECRET_HASH_LEN);
}

static void blind_index_kind_and_value_do_not_run_together(void **state)
{
    (void)state;
    unsigned char one[SECRET_HASH_LEN], two[SECRET_HASH_LEN];
    secret_blind_index(&key_a, "email", "x@example.com", one);
    secret_blind_index(&key_a, "emailx", "@example.com", two);
    assert_memory_not_equal(one, two, SECRET_HASH_LEN);
}

static void blind_index_differs_by_value(void **state)
{
    (void)state;
    unsigned char one[SECRET_HASH_LEN], two[SECRET_HASH_LEN];
    secret_blind_index(&key_a, "email", "zhangsan@example.com", one);
    secret_blind_index(&key_a, "email", "lisi@example.com", two);
    assert_memory_not_equal(one, two, SECRET_HASH_LEN);
}

static void blind_index_differs_by_key(void **state)
{
    (void)state;
    unsigned char one[SECRET_HASH_LEN], two[SECRET_HASH_LEN];
    secret_blind_index(&key_a, "email", "zhangsan@example.com", one);
    secret_blind_index(&key_b, "email", "zhangsan@example.com", two);
    assert_memory_not_equal(one, two, SECRET_HASH_LEN);
}

static void token_new_is_43_url_safe_chars(void **state)
{
    (void)state;
    char tok[TOKEN_TEXT_LEN + 1];
    memset(tok, '!', sizeof tok);
    token_new(tok);
    assert_int_equal(strlen(tok), TOKEN_TEXT_LEN);
    assert_int_equal(TOKEN_TEXT_LEN, 43);
    assert_int_equal(strspn(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                     TOKEN_TEXT_LEN);
}

static void token_new_differs_each_call(void **state)
{
    (void)state;
    char one[TOKEN_TEXT_LEN + 1], two[TOKEN_TEXT_LEN + 1];
    token_new(one);
    token_new(two);
    assert_string_not_equal(one, two);
}

static void token_hash_is_deterministic(void **state)
{
    (void)state;
    unsigned char one[SECRET_HASH_LEN], two[SECRET_HASH_LEN];
    token_hash(&key_a, "abc-DEF_123", one);
    token_hash(&key_a, "abc-DEF_123", two);
    assert_memory_equal(one, two, SECRET_HASH_LEN);
}

static void token_hash_differs_by_token(void **state)
{
    (void)state;
    unsigned char one[SECRET_HASH_LEN], two[SECRET_HASH_LEN];
    token_hash(&key_a, "abc-DEF_123", one);
    token_hash(&key_a, "abc-DEF_124", two);
    assert_memory_not_equal(one, two, SECRET_HASH_LEN);
}

static void token_hash_depends_on_key(void **state)
{
    (void)state;
    unsigned char one[SECRET_HASH_LEN], two[SECRET_HASH_LEN];
    token_hash(&key_a, "abc-DEF_123", one);
    token_hash(&key_b, "abc-DEF_123", two);
    assert_memory_not_equal(one, two, SECRET_HASH_LEN);
}

static void token_hash_is_not_the_blind_index(void **state)
{
    (void)state;
    unsigned char hash[SECRET_HASH_LEN], index[SECRET_HASH_LEN];
    token_hash(&key_a, "abc", hash);
    secret_blind_index(&key_a, "", "abc", index);
    assert_memory_not_equal(hash, index, SECRET_HASH_LEN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(purpose_keys_are_deterministic_and_distinct),
        cmocka_unit_test(seal_open_round_trip),
        cmocka_unit_test(seal_open_round_trip_empty),
        cmocka_unit_test(sealed_text_is_not_plaintext),
        cmocka_unit_test(open_fails_on_tampered_byte),
        cmocka_unit_test(open_fails_on_truncated_input),
        cmocka_unit_test(open_fails_when_buffer_too_small),
        cmocka_unit_test(open_fails_with_wrong_key),
        cmocka_unit_test(two_seals_of_same_text_differ),
        cmocka_unit_test(blind_index_is_deterministic),
        cmocka_unit_test(blind_index_differs_by_kind),
        cmocka_unit_test(blind_index_kind_and_value_do_not_run_together),
        cmocka_unit_test(blind_index_differs_by_value),
        cmocka_unit_test(blind_index_differs_by_key),
        cmocka_unit_test(token_new_is_43_url_safe_chars),
        cmocka_unit_test(token_new_differs_each_call),
        cmocka_unit_test(token_hash_is_deterministic),
        cmocka_unit_test(token_hash_differs_by_token),
        cmocka_unit_test(token_hash_depends_on_key),
        cmocka_unit_test(token_hash_is_not_the_blind_index),
    };
    return cmocka_run_group_tests_name("secret", tests, setup_keys, NULL);
}
