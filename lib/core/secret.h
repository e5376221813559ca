/* secret: keys and the cryptography built on them (libsodium).
 *
 * One 32-byte master key lives in a file outside the repository
 * (Secrets.KeyFile); purpose keys are derived from it with crypto_kdf, so
 * each use has its own key:
 *   - tokens (API keys, follow links, sessions) are stored as a keyed
 *     BLAKE2b hash, never in clear, and compared in constant time;
 *   - contact details are sealed with XChaCha20-Poly1305;
 *   - a keyed blind index lets exact email/phone lookups find sealed rows.
 *
 * Contact keys rotate without touching the token key. Contact key 0 is the
 * seal and index key pair derived from the master key; contact keys 1, 2, ...
 * are 32-byte files <id>.key in Secrets.ContactKeyDir (default: the directory
 * contact-keys next to the key file), each expanded the same way. The newest
 * (highest id) seals new values and makes the blind index stored with them;
 * every loaded key opens, and a lookup matches the index under any of them.
 * A sealed value names its key:
 *     0xD5 | key id, 4 bytes big-endian | nonce, 24 | ciphertext and tag, n+16
 * with the first 5 bytes authenticated as associated data. Values sealed
 * before key ids existed (nonce | ciphertext) open with key 0.
 *
 * A running program notices a new key file by itself: before sealing or
 * making an index it stats the directory (one syscall) and re-reads it when
 * it changed; a value naming a key newer than any it knows makes it re-read
 * the directory once. deskctl rotate-contact-key (lib/desk/customer/rekey.h) creates the
 * next key and re-seals every stored value. */
#ifndef DESK_SECRET_H
#define DESK_SECRET_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"

#define SECRET_HASH_LEN 32
#define TOKEN_TEXT_LEN 43 /* 32 random bytes, base64url without padding */
#define SECRET_KEY_TAG 0xD5
#define SECRET_PREFIX_LEN 5 /* tag and key id */
/* Sealed size of a plaintext of n bytes. */
#define SECRET_SEALED_LEN(n) ((n) + SECRET_PREFIX_LEN + 24 + 16)
#define SECRET_MAX_KEYS 16  /* contact key files loaded at most (the newest) */
#define SECRET_MAX_KEY_ID 999999999u

/* A lookup matches the blind index under this many keys, newest first:
 *   "... WHERE kind = ? AND value_bidx IN " SECRET_LOOKUP_IN
 *   db_row(db, sql, "s" SECRET_LOOKUP_FMT, ..., kind, SECRET_LOOKUP_ARGS(&l), ...) */
#define SECRET_LOOKUP_KEYS 4
#define SECRET_LOOKUP_IN "(?, ?, ?, ?)"
#define SECRET_LOOKUP_FMT "bbbb"
#define SECRET_LOOKUP_ARGS(l)                                                                 \
    (l)->bidx[0], sizeof (l)->bidx[0], (l)->bidx[1], sizeof (l)->bidx[1], (l)->bidx[2],      \
        sizeof (l)->bidx[2], (l)->bidx[3], sizeof (l)->bidx[3]

struct keyring; /* contact keys 1.. and their directory (secret.c) */

typedef struct secrets {
    unsigned char token_key[32];
    unsigned char seal_key[32];  /* contact key 0 */
    unsigned char index_key[32]; /* contact key 0 */
    struct keyring *ring;        /* NULL: contact key 0 only */
} secrets_t;

typedef struct secret_lookup {
    unsigned char bidx[SECRET_LOOKUP_KEYS][SECRET_HASH_LEN]; /* unused slots repeat [0] */
    int n;                                                    /* keys used */
} secret_lookup_t;

/* Loads the master key named by Secrets.KeyFile and the contact keys of
 * Secrets.ContactKeyDir; 0 or -1 (logged). */
int secrets_load(secrets_t *s, const config_t *cfg);
/* Derives the purpose keys from a 32-byte master key, no other contact key
 * (tests). */
void secrets_from_master(secrets_t *s, const unsigned char master[32]);
/* Adds contact key ID (1 .. SECRET_MAX_KEY_ID) from 32 bytes, in memory only
 * (tests); 0 or -1. */
int secrets_add_contact_key(secrets_t *s, unsigned id, const unsigned char key[32]);
/* Forgets the contact keys and wipes every key. */
void secrets_free(secrets_t *s);

/* A fresh random token as text (TOKEN_TEXT_LEN chars + NUL). */
void token_new(char out[TOKEN_TEXT_LEN + 1]);
/* Keyed hash of a token, for storage and lookup. */
void token_hash(const secrets_t *s, const char *token, unsigned char out[SECRET_HASH_LEN]);

/* Seals n bytes with the newest contact key into out (SECRET_SEALED_LEN(n)
 * bytes). */
void secret_seal(const secrets_t *s, const char *plain, size_t n, unsigned char *out);
/* Opens a value sealed with any loaded key (or before key ids) into out
 * (cap bytes, NUL-terminated); 0 or -1. */
int secret_open(const secrets_t *s, const unsigned char *in, size_t n, char *out, size_t cap);
/* Blind index of a normalised value of a kind ("email", "phone") under the
 * newest contact key: the one to store next to a value sealed now. */
void secret_blind_index(const secrets_t *s, const char *kind, const char *value,
                        unsigned char out[SECRET_HASH_LEN]);
/* The blind indexes of a value under the newest SECRET_LOOKUP_KEYS keys, for
 * lookups (see SECRET_LOOKUP_IN). */
void secret_lookup(const secrets_t *s, const char *kind, const char *value, secret_lookup_t *out);

/* Id of the newest contact key (0: the master key's). */
unsigned secret_newest_key(const secrets_t *s);
/* Ids of the loaded contact key files, ascending; returns how many (<= max). */
int secret_key_ids(const secrets_t *s, unsigned *ids, int max);
/* Whether a sealed value names key ID in its prefix. */
bool secret_sealed_with(const unsigned char *in, size_t n, unsigned id);
/* The first SECRET_PREFIX_LEN bytes of every value sealed with key ID. */
void secret_key_prefix(unsigned id, unsigned char out[SECRET_PREFIX_LEN]);
/* The contact key directory ("" when none). */
const char *secret_key_dir(const secrets_t *s);
/* Creates the next contact key file (newest id + 1, 32 random bytes, mode
 * 0600, owned like the master key file when run as root) and loads it; its
 * id in *id. 0, or -1 with the reason in err. */
int secret_create_key(const secrets_t *s, unsigned *id, char *err, size_t errcap);

#endif
