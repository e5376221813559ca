/* ratelimit: see ratelimit.h. */
#include "ratelimit.h"

#include <string.h>

#include "log.h"

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
    int added = rc == DB_OK ? db_exec(&d->db, sql_hit, "st", client, start) : rc;
    if (added >= 0) /* the row is locked by us until the commit */
        rc = db_row(&d->db, sql_read, "st", "i", client, start, &hits) == 1 ? DB_OK : DB_ERR;
    else
        rc = added;
    if (rc == DB_OK && added == 1) /* a new window: tidy the old ones */
        rc = db_exec(&d->db, sql_sweep, "t", now - span - 86400) < 0 ? DB_ERR : DB_OK;
    if (rc == DB_OK)
        rc = db_commit(&d->db);
    if (rc != DB_OK) {
        db_rollback(&d->db);
        return rc;
    }
    return hits <= limit;
}

bool ratelimit_portal_submit(desk_t *d, const char *client)
{
    long limit = settings_int(&d->settings, &d->cfg, "Portal.SubmitLimit", 0, 0, 100000);
    long window = settings_int(&d->settings, &d->cfg, "Portal.SubmitWindowMinutes", 60, 1, 1440);
    int rc = ratelimit_hit(d, client, desk_now(d), limit, window);
    if (rc < 0)
        log_error("portal rate limit: cannot count (%d); letting the submission through", rc);
    return rc != 0;
}
