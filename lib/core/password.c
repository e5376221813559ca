/* password: see password.h. */
#include "core/password.h"

#include <sodium.h>
#include <string.h>

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
    return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

bool password_verify(const char *hash, const char *password)
{
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

const char *password_dummy_hash(void)
{
    return "$argon2id$v=19$m=65536,t=2,p=1$mrTFetIs3rsC2Mx5BMvkFA$"
           "8JMggWJ8h6YqBTZ7LnDI3R6Ciz26FMcrxcqoRsxG/0w";
}
