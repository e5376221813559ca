/* apikey: see apikey.h. */
#include "desk/people/apikey.h"

#include <stdio.h>
#include <string.h>

static const char sql_insert[] =
    "INSERT INTO api_keys (label, key_hash, key_prefix, scope, grants, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_find[] =
    "SELECT id, label, scope = 'all', FIND_IN_SET('priority:set', grants) > 0,"
    " scope = 'reports', FIND_IN_SET('review', grants) > 0, last_used_at"
    " FROM api_keys"
    " WHERE key_hash = ? AND revoked_at IS NULL";
static const char sql_used[] = "UPDATE api_keys SET last_used_at = ? WHERE id = ?";
static const char sql_list[] =
    "SELECT id, label, key_prefix, scope = 'all', FIND_IN_SET('priority:set', grants) > 0,"
    " scope = 'reports', FIND_IN_SET('review', grants) > 0,"
    " created_at, last_used_at, revoked_at"
    " FROM api_keys WHERE id < ? ORDER BY id DESC LIMIT ?";
static const char sql_get[] =
    "SELECT id, label, key_prefix, scope = 'all', FIND_IN_SET('priority:set', grants) > 0,"
    " scope = 'reports', FIND_IN_SET('review', grants) > 0,"
    " created_at, last_used_at, revoked_at"
    " FROM api_keys WHERE id = ?";
static const char sql_get_lock[] =
    "SELECT id, label, key_prefix, scope = 'all', FIND_IN_SET('priority:set', grants) > 0,"
    " scope = 'reports', FIND_IN_SET('review', grants) > 0,"
    " created_at, last_used_at, revoked_at"
    " FROM api_keys WHERE id = ? FOR UPDATE";
static const char sql_revoke[] =
    "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";

const char *apikey_scope_code(const apikey_grants_t *may)
{
    return may->reports ? "reports" : may->all_tickets ? "all" : "own";
}

int apikey_create(desk_t *d, const char *label, const apikey_grants_t *may,
                  char out[APIKEY_TEXT_LEN + 1])
{
    char token[TOKEN_TEXT_LEN + 1], prefix[9];
    unsigned char hash[SECRET_HASH_LEN];
    token_new(token);
    snprintf(out, APIKEY_TEXT_LEN + 1, "dk_%s", token);
    memcpy(prefix, out, 8);
    prefix[8] = '\0';
    token_hash(&d->secrets, out, hash);
    char grants[64];
    snprintf(grants, sizeof grants, "%s%s%s", may->set_priority ? APIKEY_GRANT_SET_PRIORITY : "",
             may->set_priority && may->review ? "," : "", may->review ? APIKEY_GRANT_REVIEW : "");
    return db_exec(&d->db, sql_insert, "sbssst", label, hash, sizeof hash, prefix,
                   apikey_scope_code(may), grants, desk_now(d)) == 1
               ? 0
               : -1;
}

int apikey_check(desk_t *d, const char *text, apikey_t *k)
{
    unsigned char hash[SECRET_HASH_LEN];
    long long all = 0, set_priority = 0, reports = 0, review = 0;
    memset(k, 0, sizeof *k);
    if (!text || strlen(text) != APIKEY_TEXT_LEN || strncmp(text, "dk_", 3) != 0)
        return 0;
    token_hash(&d->secrets, text, hash);
    int rc = db_row(&d->db, sql_find, "b", "isiiiit", hash, sizeof hash, &k->id, k->label,
                    sizeof k->label, &all, &set_priority, &reports, &review, &k->last_used_at);
    if (rc != 1)
        return rc;
    k->may = (apikey_grants_t){.all_tickets = all != 0, .reports = reports != 0,
                                .set_priority = set_priority != 0, .review = review != 0};
    time_t now = desk_now(d);
    if (now - k->last_used_at >= 60)
        db_exec(&d->db, sql_used, "ti", now, k->id);
    return 1;
}

static int fetch_info(MYSQL_STMT *st, apikey_info_t *k)
{
    long long all = 0, set_priority = 0, reports = 0, review = 0;
    memset(k, 0, sizeof *k);
    int rc = db_fetch(st, "issiiiittt", &k->id, k->label, sizeof k->label, k->prefix,
                      sizeof k->prefix, &all, &set_priority, &reports, &review, &k->created_at,
                      &k->last_used_at, &k->revoked_at);
    k->may = (apikey_grants_t){.all_tickets = all != 0, .reports = reports != 0,
                                .set_priority = set_priority != 0, .review = review != 0};
    return rc;
}

int apikey_each(desk_t *d, long long before, int limit,
                void (*fn)(const apikey_info_t *k, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_list, "ii", before > 0 ? before : (1LL << 62),
                              (long long)limit);
    if (!st)
        return -1;
    apikey_info_t k;
    int rc, n = 0;
    while ((rc = fetch_info(st, &k)) == 1) {
        fn(&k, ctx);
        n++;
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

int apikey_get(desk_t *d, long long id, bool lock, apikey_info_t *k)
{
    MYSQL_STMT *st = db_query(&d->db, lock ? sql_get_lock : sql_get, "i", id);
    if (!st)
        return -1;
    int rc = fetch_info(st, k);
    db_done(st);
    return db_found(rc);
}

int apikey_revoke(desk_t *d, long long id) { return db_exec(&d->db, sql_revoke, "ti", desk_now(d), id); }
