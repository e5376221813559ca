/* ratelimit: see ratelimit.h. */
#include "web/ratelimit.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/log.h"

static const char sql_hit[] =
    "INSERT INTO portal_rate (client, window_start, hits) VALUES (?, ?, 1)"
    " ON DUPLICATE KEY UPDATE hits = hits + 1";
static const char sql_read[] = "SELECT hits FROM portal_rate WHERE client = ? AND window_start = ?";
static const char sql_sweep[] = "DELETE FROM portal_rate WHERE window_start < ? LIMIT 200";

int ratelimit_hit(desk_t *d, const char *client, time_t now, long limit, long window_minutes)
{
    if (limit <= 0)
        return 1;
    if (!client || !*client)
        client = "-";
    long span = (window_minutes > 0 ? window_minutes : 1) * 60;
    time_t start = now - now % span;
    long long hits = 0;
    int rc = db_begin(&d->db);
    int added = rc == OUTCOME_OK ? db_exec(&d->db, sql_hit, "st", client, start) : rc;
    if (added >= 0) /* the row is locked by us until the commit */
        rc = db_row(&d->db, sql_read, "st", "i", client, start, &hits) == 1 ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
    else
        rc = added;
    if (rc == OUTCOME_OK && added == 1) /* a new window: tidy the old ones */
        rc = db_exec(&d->db, sql_sweep, "t", now - span - 86400) < 0 ? OUTCOME_UNAVAILABLE : OUTCOME_OK;
    if (rc == OUTCOME_OK)
        rc = db_commit(&d->db);
    if (rc != OUTCOME_OK) {
        db_rollback(&d->db);
        return rc;
    }
    return hits <= limit;
}

long ratelimit_address_limit(desk_t *d)
{
    long per_browser = settings_get_int(&d->settings, &d->cfg, CFG_PORTAL_SUBMIT_LIMIT);
    long per_address = settings_get_int(&d->settings, &d->cfg, CFG_PORTAL_SUBMIT_ADDRESS_LIMIT);
    return per_address == CONFIG_UNSET ? per_browser * 10 : per_address;
}

/* "b:" and 16 bytes of a keyed hash of address and cookie, URL-safe base64:
 * 24 characters, within portal_rate.client. */
static void browser_key(desk_t *d, const char *client, const char *browser, char out[32])
{
    char both[320];
    unsigned char hash[SECRET_HASH_LEN];
    snprintf(both, sizeof both, "%s\n%s", client ? client : "-", browser ? browser : "");
    token_hash(&d->secrets, both, hash);
    memcpy(out, "b:", 2);
    sodium_bin2base64(out + 2, 30, hash, 16, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool ratelimit_portal_submit(desk_t *d, const char *client, const char *browser)
{
    long per_browser = settings_get_int(&d->settings, &d->cfg, CFG_PORTAL_SUBMIT_LIMIT);
    long per_address = ratelimit_address_limit(d);
    long window = settings_get_int(&d->settings, &d->cfg, CFG_PORTAL_SUBMIT_WINDOW_MINUTES);
    time_t now = desk_now(d);
    char key[32];
    browser_key(d, client, browser, key);
    int rc = ratelimit_hit(d, key, now, per_browser, window);
    if (rc == 1)
        rc = ratelimit_hit(d, client, now, per_address, window);
    if (rc < 0)
        log_error("portal rate limit: cannot count (%d); letting the submission through", rc);
    return rc != 0;
}
