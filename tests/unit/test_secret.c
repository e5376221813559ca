/* Unit tests for lib/core/secret.c: derived keys, sealing, blind index, tokens,
 * and the contact keyring (key ids in sealed values, key files, rotation). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/secret.h"

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
    assert_memory_not_equal(sealed + SECRET_PREFIX_LEN + 24, contact, n);
}

static void open_fails_on_tampered_byte(void **state)
{
    (void)state;
    size_t n = strlen(contact);
    size_t len = SECRET_SEALED_LEN(n);
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    secret_seal(&key_a, contact, n, sealed);
    /* tag byte, key id, nonce, text, tag */
    size_t where[] = {0, 4, 5, 28, 29, 29 + n / 2, len - 1};
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
    assert_memory_equal(one, two, SECRET_PREFIX_LEN);                       /* same key */
    assert_memory_not_equal(one + SECRET_PREFIX_LEN, two + SECRET_PREFIX_LEN, 24); /* nonce */
    assert_memory_not_equal(one + 29, two + 29, n + 16);                   /* ciphertext */
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

/* ---- the contact keyring --------------------------------------------------- */

static void key_bytes(unsigned char key[32], unsigned char seed)
{
    for (int i = 0; i < 32; i++)
        key[i] = (unsigned char)(seed + i * 7);
}

/* key_a's master plus contact keys 1..n in memory */
static void ring_with(secrets_t *s, unsigned n)
{
    unsigned char master[32], key[32];
    for (int i = 0; i < 32; i++)
        master[i] = (unsigned char)i;
    secrets_from_master(s, master);
    for (unsigned id = 1; id <= n; id++) {
        key_bytes(key, (unsigned char)id);
        assert_int_equal(secrets_add_contact_key(s, id, key), 0);
    }
}

/* What secret_seal wrote before key ids: nonce | ciphertext, key 0, no
 * prefix; the nonce's first 5 bytes given (NULL: random). */
static size_t legacy_seal(const secrets_t *s, const char *plain, const unsigned char *head,
                          unsigned char *out)
{
    size_t n = strlen(plain);
    randombytes_buf(out, 24);
    if (head)
        memcpy(out, head, SECRET_PREFIX_LEN);
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + 24, NULL, (const unsigned char *)plain, n,
                                               NULL, 0, NULL, out, s->seal_key);
    return n + 24 + 16;
}

static void values_sealed_before_key_ids_still_open(void **state)
{
    (void)state;
    secrets_t two;
    unsigned char old[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    ring_with(&two, 2);
    size_t len = legacy_seal(&key_a, contact, NULL, old);
    assert_int_equal(secret_open(&key_a, old, len, out, sizeof out), 0);
    assert_string_equal(out, contact);
    memset(out, 0, sizeof out);
    assert_int_equal(secret_open(&two, old, len, out, sizeof out), 0);
    assert_string_equal(out, contact);
    /* a nonce that happens to begin like a key id: still key 0's */
    const unsigned char heads[][SECRET_PREFIX_LEN] = {
        {SECRET_KEY_TAG, 0, 0, 0, 1}, {SECRET_KEY_TAG, 0, 0, 0, 0}, {SECRET_KEY_TAG, 9, 9, 9, 9}};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        len = legacy_seal(&key_a, contact, heads[i], old);
        memset(out, 0, sizeof out);
        assert_int_equal(secret_open(&two, old, len, out, sizeof out), 0);
        assert_string_equal(out, contact);
    }
    assert_false(secret_sealed_with(old, 24 + 16, 0)); /* too short for a prefixed value */
    secrets_free(&two);
}

static void a_value_names_the_newest_key(void **state)
{
    (void)state;
    secrets_t s;
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    const unsigned char want[SECRET_PREFIX_LEN] = {SECRET_KEY_TAG, 0, 0, 0, 3};
    ring_with(&s, 3);
    assert_int_equal(secret_newest_key(&s), 3);
    assert_int_equal(secret_newest_key(&key_a), 0);
    secret_seal(&s, contact, strlen(contact), sealed);
    assert_memory_equal(sealed, want, SECRET_PREFIX_LEN);
    assert_true(secret_sealed_with(sealed, SECRET_SEALED_LEN(strlen(contact)), 3));
    assert_false(secret_sealed_with(sealed, SECRET_SEALED_LEN(strlen(contact)), 2));
    assert_false(secret_sealed_with(sealed, SECRET_SEALED_LEN(0) - 1, 3));
    unsigned char prefix[SECRET_PREFIX_LEN];
    secret_key_prefix(3, prefix);
    assert_memory_equal(prefix, want, SECRET_PREFIX_LEN);
    secrets_free(&s);
}

static void every_loaded_key_opens_and_only_those(void **state)
{
    (void)state;
    secrets_t one, two;
    unsigned char v0[SECRET_SEALED_LEN(sizeof contact)], v1[SECRET_SEALED_LEN(sizeof contact)],
        v2[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    size_t len = SECRET_SEALED_LEN(strlen(contact));
    ring_with(&one, 1);
    ring_with(&two, 2);
    secret_seal(&key_a, contact, strlen(contact), v0);
    secret_seal(&one, contact, strlen(contact), v1);
    secret_seal(&two, contact, strlen(contact), v2);
    for (const unsigned char *v = v0; v; v = v == v0 ? v1 : v == v1 ? v2 : NULL) {
        memset(out, 0, sizeof out);
        assert_int_equal(secret_open(&two, v, len, out, sizeof out), 0);
        assert_string_equal(out, contact);
    }
    assert_int_equal(secret_open(&one, v0, len, out, sizeof out), 0);
    assert_int_equal(secret_open(&one, v2, len, out, sizeof out), -1); /* key 2 unknown */
    assert_int_equal(secret_open(&key_a, v1, len, out, sizeof out), -1);
    secrets_free(&one);
    secrets_free(&two);
}

static void the_key_id_is_authenticated(void **state)
{
    (void)state;
    secrets_t s;
    unsigned char key[32], sealed[SECRET_SEALED_LEN(sizeof contact)];
    char out[sizeof contact];
    size_t len = SECRET_SEALED_LEN(strlen(contact));
    ring_with(&s, 0);
    key_bytes(key, 42); /* the same key material under two ids */
    secrets_add_contact_key(&s, 1, key);
    secrets_add_contact_key(&s, 2, key);
    secret_seal(&s, contact, strlen(contact), sealed);
    assert_int_equal(secret_open(&s, sealed, len, out, sizeof out), 0);
    sealed[4] = 1; /* claims key 1 */
    assert_int_equal(secret_open(&s, sealed, len, out, sizeof out), -1);
    secrets_free(&s);
}

static void the_stored_index_uses_the_newest_key(void **state)
{
    (void)state;
    secrets_t s, as_master;
    unsigned char key[32], one[SECRET_HASH_LEN], two[SECRET_HASH_LEN], zero[SECRET_HASH_LEN];
    ring_with(&s, 2);
    key_bytes(key, 2);
    secrets_from_master(&as_master, key); /* a key file expands like the master key */
    secret_blind_index(&s, "email", "zhangsan@example.com", two);
    secret_blind_index(&as_master, "email", "zhangsan@example.com", one);
    secret_blind_index(&key_a, "email", "zhangsan@example.com", zero);
    assert_memory_equal(one, two, SECRET_HASH_LEN);
    assert_memory_not_equal(zero, two, SECRET_HASH_LEN);
    secrets_free(&s);
}

static void a_lookup_matches_every_key_newest_first(void **state)
{
    (void)state;
    secrets_t s, only;
    secret_lookup_t l;
    unsigned char k0[SECRET_HASH_LEN], k2[SECRET_HASH_LEN], key[32];
    secret_lookup(&key_a, "phone", "13800138000", &l);
    secret_blind_index(&key_a, "phone", "13800138000", k0);
    assert_int_equal(l.n, 1);
    for (int i = 0; i < SECRET_LOOKUP_KEYS; i++)
        assert_memory_equal(l.bidx[i], k0, SECRET_HASH_LEN); /* padding repeats it */
    ring_with(&s, 2);
    secret_lookup(&s, "phone", "13800138000", &l);
    assert_int_equal(l.n, 3);
    secret_blind_index(&s, "phone", "13800138000", k2);
    assert_memory_equal(l.bidx[0], k2, SECRET_HASH_LEN);
    ring_with(&only, 0);
    key_bytes(key, 1);
    secrets_add_contact_key(&only, 1, key);
    secret_blind_index(&only, "phone", "13800138000", k2);
    assert_memory_equal(l.bidx[1], k2, SECRET_HASH_LEN);
    assert_memory_equal(l.bidx[2], k0, SECRET_HASH_LEN);
    assert_memory_equal(l.bidx[3], l.bidx[0], SECRET_HASH_LEN);
    secrets_free(&s);
    /* more keys than slots: the newest ones */
    ring_with(&s, 6);
    secret_lookup(&s, "phone", "13800138000", &l);
    assert_int_equal(l.n, SECRET_LOOKUP_KEYS);
    for (int i = 0; i < SECRET_LOOKUP_KEYS; i++)
        assert_memory_not_equal(l.bidx[i], k0, SECRET_HASH_LEN);
    secrets_free(&s);
    secrets_free(&only);
}

static void tokens_do_not_depend_on_contact_keys(void **state)
{
    (void)state;
    secrets_t s;
    unsigned char before[SECRET_HASH_LEN], after[SECRET_HASH_LEN];
    token_hash(&key_a, "dk_session-or-api-key", before);
    ring_with(&s, 3);
    token_hash(&s, "dk_session-or-api-key", after);
    assert_memory_equal(before, after, SECRET_HASH_LEN);
    secrets_free(&s);
}

static void a_full_ring_keeps_the_newest_keys(void **state)
{
    (void)state;
    secrets_t s;
    unsigned ids[SECRET_MAX_KEYS + 2];
    ring_with(&s, SECRET_MAX_KEYS + 2);
    assert_int_equal(secret_key_ids(&s, ids, SECRET_MAX_KEYS + 2), SECRET_MAX_KEYS);
    assert_int_equal(ids[0], 3);
    assert_int_equal(ids[SECRET_MAX_KEYS - 1], SECRET_MAX_KEYS + 2);
    assert_int_equal(secret_newest_key(&s), SECRET_MAX_KEYS + 2);
    secrets_free(&s);
}

/* ---- key files ---------------------------------------------------------- */

static char tmpdir[64];

static void write_file(const char *dir, const char *name, size_t n, mode_t mode)
{
    char path[256];
    unsigned char bytes[64];
    randombytes_buf(bytes, sizeof bytes);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, n), (ssize_t)n);
    close(fd);
}

/* A desk whose key file is tmpdir/master.key; contact keys in the default
 * directory tmpdir/contact-keys. */
static void load(secrets_t *s)
{
    config_t cfg;
    char text[256];
    snprintf(text, sizeof text, "Secrets.KeyFile = %s/master.key\n", tmpdir);
    assert_int_equal(config_load_string(&cfg, text), 0);
    assert_int_equal(secrets_load(s, &cfg), 0);
    config_free(&cfg);
}

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_secret.XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    write_file(tmpdir, "master.key", 32, 0600);
    return 0;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void the_rotation_command_key_reaches_running_programs(void **state)
{
    (void)state;
    secrets_t ctl, worker;
    char dir[128], err[256], out[sizeof contact];
    unsigned id = 0;
    struct stat st;
    unsigned char sealed[SECRET_SEALED_LEN(sizeof contact)];
    size_t len = SECRET_SEALED_LEN(strlen(contact));
    load(&ctl);
    snprintf(dir, sizeof dir, "%s/contact-keys", tmpdir);
    assert_string_equal(secret_key_dir(&ctl), dir);
    assert_int_equal(secret_newest_key(&ctl), 0);
    assert_int_equal(secret_create_key(&ctl, &id, err, sizeof err), 0);
    assert_int_equal(id, 1);
    assert_int_equal(secret_newest_key(&ctl), 1);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    snprintf(dir, sizeof dir, "%s/contact-keys/1.key", tmpdir);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(st.st_size, 32);
    /* a worker whose directory looks long unchanged when it loads */
    struct timespec old[2] = {{time(NULL) - 3600, 0}, {time(NULL) - 3600, 0}};
    snprintf(dir, sizeof dir, "%s/contact-keys", tmpdir);
    assert_int_equal(utimensat(AT_FDCWD, dir, old, 0), 0);
    load(&worker);
    assert_int_equal(secret_newest_key(&worker), 1);
    /* key 2 appears: the worker's next seal uses it (one stat noticed) */
    assert_int_equal(secret_create_key(&ctl, &id, err, sizeof err), 0);
    assert_int_equal(id, 2);
    secret_seal(&worker, contact, strlen(contact), sealed);
    assert_true(secret_sealed_with(sealed, len, 2));
    assert_int_equal(secret_open(&ctl, sealed, len, out, sizeof out), 0);
    /* key 3 appears: a worker that meets a value under it reads the directory */
    assert_int_equal(secret_create_key(&ctl, &id, err, sizeof err), 0);
    secret_seal(&ctl, contact, strlen(contact), sealed);
    assert_true(secret_sealed_with(sealed, len, 3));
    assert_int_equal(secret_open(&worker, sealed, len, out, sizeof out), 0);
    assert_string_equal(out, contact);
    /* a value from before key ids whose nonce names key 4: read again, then key 0 */
    unsigned char head[SECRET_PREFIX_LEN] = {SECRET_KEY_TAG, 0, 0, 0, 4};
    len = legacy_seal(&ctl, contact, head, sealed);
    assert_int_equal(secret_open(&worker, sealed, len, out, sizeof out), 0);
    unsigned ids[SECRET_MAX_KEYS];
    assert_int_equal(secret_key_ids(&worker, ids, SECRET_MAX_KEYS), 3);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[2], 3);
    secrets_free(&ctl);
    secrets_free(&worker);
}

static void odd_files_in_the_key_directory_are_not_keys(void **state)
{
    (void)state;
    secrets_t s;
    char dir[128], err[256];
    unsigned id = 0;
    load(&s);
    snprintf(dir, sizeof dir, "%s/contact-keys", tmpdir);
    assert_int_equal(mkdir(dir, 0700), 0);
    unsigned newest = secret_newest_key(&s);
    write_file(dir, "07.key", 32, 0600);
    write_file(dir, "x.key", 32, 0600);
    write_file(dir, "8.key.bak", 32, 0600);
    write_file(dir, "9.key", 31, 0600); /* too short: logged, skipped */
    assert_int_equal(secret_newest_key(&s), newest);
    /* the next id's file exists (unreadable as a key): never replaced */
    char name[32];
    snprintf(name, sizeof name, "%u.key", newest + 1);
    write_file(dir, name, 16, 0600);
    assert_int_equal(secret_create_key(&s, &id, err, sizeof err), -1);
    assert_non_null(strstr(err, name));
    struct stat st;
    snprintf(dir, sizeof dir, "%s/contact-keys/%s", tmpdir, name);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_size, 16);
    secrets_free(&s);
}

static void without_a_key_directory_only_key_0(void **state)
{
    (void)state;
    char err[128];
    unsigned id = 0;
    assert_int_equal(secret_create_key(&key_a, &id, err, sizeof err), -1);
    assert_string_equal(secret_key_dir(&key_a), "");
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
        cmocka_unit_test(values_sealed_before_key_ids_still_open),
        cmocka_unit_test(a_value_names_the_newest_key),
        cmocka_unit_test(every_loaded_key_opens_and_only_those),
        cmocka_unit_test(the_key_id_is_authenticated),
        cmocka_unit_test(the_stored_index_uses_the_newest_key),
        cmocka_unit_test(a_lookup_matches_every_key_newest_first),
        cmocka_unit_test(tokens_do_not_depend_on_contact_keys),
        cmocka_unit_test(a_full_ring_keeps_the_newest_keys),
        cmocka_unit_test_setup_teardown(the_rotation_command_key_reaches_running_programs,
                                        make_tmpdir, remove_tmpdir),
        cmocka_unit_test_setup_teardown(odd_files_in_the_key_directory_are_not_keys, make_tmpdir,
                                        remove_tmpdir),
        cmocka_unit_test(without_a_key_directory_only_key_0),
    };
    return cmocka_run_group_tests_name("secret", tests, setup_keys, NULL);
}
