/* secret: keys and the cryptography built on them (libsodium).
 *
 * One 32-byte master key lives in a file outside the repository
 * (Secrets.KeyFile); purpose keys are derived from it with crypto_kdf, so
 * each use has its own key:
 *   - tokens (API keys, follow links, sessions) are stored as a keyed
 *     BLAKE2b hash, never in clear, and compared in constant time;
 *   - contact details are sealed with XChaCha20-Poly1305 (random nonce
 *     stored in front of the ciphertext);
 *   - a keyed blind index lets exact email/phone lookups find sealed rows. */
#ifndef DESK_SECRET_H
#define DESK_SECRET_H

#include <stddef.h>

#include "config.h"

#define SECRET_HASH_LEN 32
#define TOKEN_TEXT_LEN 43 /* 32 random bytes, base64url without padding */
/* Sealed size of a plaintext of n bytes. */
#define SECRET_SEALED_LEN(n) ((n) + 24 + 16)

typedef struct secrets {
    unsigned char token_key[32];
    unsigned char seal_key[32];
    unsigned char index_key[32];
} secrets_t;

/* Loads the master key named by Secrets.KeyFile; 0 or -1 (logged). */
int secrets_load(secrets_t *s, const config_t *cfg);
/* Derives the purpose keys from a 32-byte master key (tests). */
void secrets_from_master(secrets_t *s, const unsigned char master[32]);

/* A fresh random token as text (TOKEN_TEXT_LEN chars + NUL). */
void token_new(char out[TOKEN_TEXT_LEN + 1]);
/* Keyed hash of a token, for storage and lookup. */
void token_hash(const secrets_t *s, const char *token, unsigned char out[SECRET_HASH_LEN]);

/* Seals n bytes into out (SECRET_SEALED_LEN(n) bytes). */
void secret_seal(const secrets_t *s, const char *plain, size_t n, unsigned char *out);
/* Opens a sealed value into out (cap bytes, NUL-terminated); 0 or -1. */
int secret_open(const secrets_t *s, const unsigned char *in, size_t n, char *out, size_t cap);
/* Blind index of a normalised value of a kind ("email", "phone"). */
void secret_blind_index(const secrets_t *s, const char *kind, const char *value,
                        unsigned char out[SECRET_HASH_LEN]);

#endif
