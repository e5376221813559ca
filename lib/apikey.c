/* apikey: see apikey.h. */
#include "apikey.h"

#include <stdio.h>
#include <string.h>

static const char sql_insert[] =
    "INSERT INTO api_keys (label, key_hash, key_prefix, scope, created_at)"
    " VALUES (?, ?, ?, ?, ?)";
static const char sql_find[] =
    "SELECT id, label, scope = 'all', last_used_at FROM api_keys"
    " WHERE key_hash = ? AND revoked_at IS NULL";
static const char sql_used[] = "UPDATE api_keys SET last_used_at = ? WHERE id = ?";

int apikey_create(desk_t *d, const char *label, bool all_tickets,
                  char out[APIKEY_TEXT_LEN + 1])
{
    char token[TOKEN_TEXT_LEN + 1], prefix[9];
    unsigned char hash[SECRET_HASH_LEN];
    token_new(token);
    snprintf(out, APIKEY_TEXT_LEN + 1, "dk_%s", token);
    memcpy(prefix, out, 8);
    prefix[8] = '\0';
    token_hash(&d->secrets, out, hash);
    return db_exec(&d->db, sql_insert, "sbsst", label, hash, sizeof hash, prefix,
                   all_tickets ? "all" : "own", desk_now(d)) == 1
               ? 0
               : -1;
}

int apikey_check(desk_t *d, const char *text, apikey_t *k)
{
    unsigned char hash[SECRET_HASH_LEN];
    long long all = 0;
    memset(k, 0, sizeof *k);
    if (!text || strlen(text) != APIKEY_TEXT_LEN || strncmp(text, "dk_", 3) != 0)
        return 0;
    token_hash(&d->secrets, text, hash);
    int rc = db_row(&d->db, sql_find, "b", "isit", hash, sizeof hash, &k->id, k->label,
                    sizeof k->label, &all, &k->last_used_at);
    if (rc != 1)
        return rc;
    k->all_tickets = all != 0;
    time_t now = desk_now(d);
    if (now - k->last_used_at >= 60)
        db_exec(&d->db, sql_used, "ti", now, k->id);
    return 1;
}
