/* secret: see secret.h. */
#include "secret.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "log.h"

void secrets_from_master(secrets_t *s, const unsigned char master[32])
{
    crypto_kdf_derive_from_key(s->token_key, sizeof s->token_key, 1, "desktokn", master);
    crypto_kdf_derive_from_key(s->seal_key, sizeof s->seal_key, 2, "deskseal", master);
    crypto_kdf_derive_from_key(s->index_key, sizeof s->index_key, 3, "deskbidx", master);
}

int secrets_load(secrets_t *s, const config_t *cfg)
{
    const char *path = config_str(cfg, "Secrets.KeyFile", "/etc/desk/secrets/master.key");
    unsigned char master[32];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(master, 1, sizeof master, f) : 0;
    if (f)
        fclose(f);
    if (sodium_init() < 0 || n != sizeof master) {
        log_error("secrets: cannot read 32 bytes from %s", path);
        return -1;
    }
    secrets_from_master(s, master);
    sodium_memzero(master, sizeof master);
    return 0;
}

void token_new(char out[TOKEN_TEXT_LEN + 1])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, TOKEN_TEXT_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void token_hash(const secrets_t *s, const char *token, unsigned char out[SECRET_HASH_LEN])
{
    crypto_generichash(out, SECRET_HASH_LEN, (const unsigned char *)token, strlen(token),
                       s->token_key, sizeof s->token_key);
}

void secret_seal(const secrets_t *s, const char *plain, size_t n, unsigned char *out)
{
    unsigned char *nonce = out;
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + 24, NULL, (const unsigned char *)plain, n,
                                               NULL, 0, NULL, nonce, s->seal_key);
}

int secret_open(const secrets_t *s, const unsigned char *in, size_t n, char *out, size_t cap)
{
    unsigned long long len;
    if (n < SECRET_SEALED_LEN(0) || n - SECRET_SEALED_LEN(0) >= cap)
        return -1;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)out, &len, NULL, in + 24,
                                                   n - 24, NULL, 0, in, s->seal_key))
        return -1;
    out[len] = '\0';
    return 0;
}

void secret_blind_index(const secrets_t *s, const char *kind, const char *value,
                        unsigned char out[SECRET_HASH_LEN])
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, s->index_key, sizeof s->index_key, SECRET_HASH_LEN);
    crypto_generichash_update(&st, (const unsigned char *)kind, strlen(kind) + 1);
    crypto_generichash_update(&st, (const unsigned char *)value, strlen(value));
    crypto_generichash_final(&st, out, SECRET_HASH_LEN);
}
