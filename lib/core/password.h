/* password: people's passwords, hashed with argon2id (libsodium
 * crypto_pwhash_str). Slow on purpose; used at sign-in only. */
#ifndef DESK_PASSWORD_H
#define DESK_PASSWORD_H

#include <stdbool.h>

#define PASSWORD_HASH_MAX 128

/* 0, or -1 when out of memory. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
bool password_verify(const char *hash, const char *password);
/* A hash made like password_hash's of a password nobody has: sign-in checks
 * an unknown login's password against it, so that it takes as long as a
 * known login's. */
const char *password_dummy_hash(void);

#endif
