/* facts: see facts.h. */
#include "desk/stats/facts.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "desk/sla/sla.h"
#include "desk/stats/quality.h"

static const char sql_ticket[] =
    "SELECT COALESCE(team_id, 0), category_id, priority_id, channel_id, created_at,"
    " first_responded_at, first_response_due_at, resolution_due_at, resolved_at, is_open"
    " FROM tickets WHERE id = ?";
static const char sql_history[] =
    "SELECT new_value, created_at FROM ticket_events WHERE ticket_id = ? AND kind = 'status'"
    " ORDER BY id";
/* Written over in place (an upsert locks only its own rows: a DELETE of a
 * ticket's rows would lock the gap after them, where the next tickets' rows
 * go, and hold up their creation). A ticket's spans only ever grow in
 * number: its history only grows. */
static const char sql_put_fact[] =
    "INSERT INTO ticket_facts (ticket_id, team_id, category_id, priority_id, channel_id,"
    " created_at, created_day, first_responded_at, first_response_s, first_response_biz_s,"
    " resolved_at, resolution_s, resolution_biz_s, reopens, has_first_response_sla,"
    " first_response_due_at, has_resolution_sla, resolution_due_at, resolution_stopped_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, IF(? < 0, NULL, ?), IF(? < 0, NULL, ?), ?,"
    " IF(? < 0, NULL, ?), IF(? < 0, NULL, ?), ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE team_id = VALUES(team_id), category_id = VALUES(category_id),"
    " priority_id = VALUES(priority_id), channel_id = VALUES(channel_id),"
    " created_at = VALUES(created_at), created_day = VALUES(created_day),"
    " first_responded_at = VALUES(first_responded_at), first_response_s = VALUES(first_response_s),"
    " first_response_biz_s = VALUES(first_response_biz_s), resolved_at = VALUES(resolved_at),"
    " resolution_s = VALUES(resolution_s), resolution_biz_s = VALUES(resolution_biz_s),"
    " reopens = VALUES(reopens), has_first_response_sla = VALUES(has_first_response_sla),"
    " first_response_due_at = VALUES(first_response_due_at),"
    " has_resolution_sla = VALUES(has_resolution_sla), resolution_due_at = VALUES(resolution_due_at),"
    " resolution_stopped_at = VALUES(resolution_stopped_at)";
static const char sql_put_span[] =
    "INSERT INTO ticket_spans (ticket_id, seq, team_id, category_id, priority_id, channel_id,"
    " opened_at, opened_day, closed_at, closed_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE team_id = VALUES(team_id), category_id = VALUES(category_id),"
    " priority_id = VALUES(priority_id), channel_id = VALUES(channel_id),"
    " opened_at = VALUES(opened_at), opened_day = VALUES(opened_day),"
    " closed_at = VALUES(closed_at), closed_day = VALUES(closed_day)";
static const char sql_missing[] =
    "SELECT t.id FROM tickets t LEFT JOIN ticket_facts f ON f.ticket_id = t.id"
    " LEFT JOIN ticket_quality q ON q.ticket_id = t.id"
    " WHERE t.id > ? AND (f.ticket_id IS NULL OR q.ticket_id IS NULL) ORDER BY t.id LIMIT 500";
static const char sql_every[] = "SELECT id FROM tickets WHERE id > ? ORDER BY id LIMIT 500";

typedef struct row {
    long long team, category, priority, channel, open;
    time_t created, responded, fr_due, res_due, resolved;
} row_t;

typedef struct span {
    time_t opened, closed;
} span_t;

void stats_local_day(time_t t, char out[11])
{
    struct tm tm;
    out[0] = '\0';
    if (t && localtime_r(&t, &tm))
        strftime(out, 11, "%Y-%m-%d", &tm);
}

static bool done_status(const char *s)
{
    return strcmp(s, "resolved") == 0 || strcmp(s, "closed") == 0;
}

/* The stretches in the backlog from the status history: open from creation,
 * ended by resolution, begun again by a reopen. Their number or -1. */
static int spans_of(desk_t *d, long long id, time_t created, span_t *out)
{
    MYSQL_STMT *st = db_query(&d->db, sql_history, "i", id);
    if (!st)
        return -1;
    char status[32];
    time_t at;
    int n = 1, rc;
    out[0] = (span_t){created, 0};
    while ((rc = db_fetch(st, "st", status, sizeof status, &at)) == 1) {
        bool open = out[n - 1].closed == 0;
        if (open && done_status(status))
            out[n - 1].closed = at > out[n - 1].opened ? at : out[n - 1].opened;
        else if (!open && !done_status(status)) {
            if (n < STATS_MAX_SPANS)
                out[n++] = (span_t){at, 0};
            else
                out[n - 1].closed = 0;
        }
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

/* Business seconds in [from, to) outside the pauses (sorted, disjoint, the
 * last may be open); -1 on error. */
static long long business_seconds(const bizcal_t *c, time_t from, time_t to,
                                  const bizclock_pause_t *p, int n)
{
    long long s = bizclock_seconds(c, from, to);
    for (int i = 0; s >= 0 && i < n; i++) {
        time_t a = p[i].from > from ? p[i].from : from, b = p[i].to && p[i].to < to ? p[i].to : to;
        if (b > a) {
            long long paused = bizclock_seconds(c, a, b);
            s = paused < 0 ? -1 : s - paused;
        }
    }
    return s;
}

/* Business seconds of the first response and of the resolution (pauses of
 * the resolution clock left out), -1 where not reached. */
static int business(desk_t *d, long long id, const row_t *r, long long *fr, long long *res)
{
    *fr = *res = -1;
    const priority_t *base = catalog_priority_by_id(&d->catalog, r->priority);
    priority_t p;
    if (!base || sla_ticket_targets(d, id, base, &p))
        return -1;
    const bizcal_t *c = catalog_calendar(&d->catalog, p.calendar_id);
    if (!c)
        return 0;
    if (r->responded)
        *fr = bizclock_seconds(c, r->created, r->responded);
    if (r->resolved && !r->open) {
        bizclock_pause_t pauses[64];
        int n = sla_pauses(d, id, pauses, 64);
        if (n < 0)
            return -1;
        *res = business_seconds(c, r->created, r->resolved, pauses, n);
    }
    return 0;
}

int stats_ticket_changed(desk_t *d, long long id)
{
    row_t r;
    memset(&r, 0, sizeof r);
    int rc = db_row(&d->db, sql_ticket, "i", "iiiittttti", id,
                    &r.team, &r.category, &r.priority, &r.channel, &r.created, &r.responded,
                    &r.fr_due, &r.res_due, &r.resolved, &r.open);
    if (rc != 1)
        return rc == 0 ? 0 : -1;
    span_t spans[STATS_MAX_SPANS];
    int n = spans_of(d, id, r.created, spans);
    long long fr_biz, res_biz;
    if (n < 0 || business(d, id, &r, &fr_biz, &res_biz))
        return -1;
    time_t resolved = r.open ? 0 : r.resolved;
    long long fr_wall = r.responded ? (long long)(r.responded - r.created) : -1;
    long long res_wall = resolved ? (long long)(resolved - r.created) : -1;
    const priority_t *p = catalog_priority_by_id(&d->catalog, r.priority);
    long long has_fr = p && p->first_response.amount > 0, has_res = p && p->resolution.amount > 0;
    char day[11], closed_day[11];
    stats_local_day(r.created, day);
    if (db_exec(&d->db, sql_put_fact, "iiiiitstiiiitiiiiiititt", id, r.team, r.category,
                r.priority, r.channel, r.created, day, r.responded, fr_wall, fr_wall, fr_biz,
                fr_biz, resolved, res_wall, res_wall, res_biz, res_biz, (long long)(n - 1),
                has_fr, r.fr_due, has_res, r.res_due, resolved) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        stats_local_day(spans[i].opened, day);
        stats_local_day(spans[i].closed, closed_day);
        if (db_exec(&d->db, sql_put_span, "iiiiiitsts", id, (long long)(i + 1), r.team,
                    r.category, r.priority, r.channel, spans[i].opened, day, spans[i].closed,
                    spans[i].closed ? closed_day : NULL) < 0)
            return -1;
    }
    return stats_quality_changed(d, id);
}

int stats_rebuild(desk_t *d, bool missing_only, long *done)
{
    long long after = 0, ids[500];
    *done = 0;
    for (;;) {
        MYSQL_STMT *st = db_query(&d->db, missing_only ? sql_missing : sql_every, "i", after);
        if (!st)
            return -1;
        int n = 0, rc;
        while ((rc = db_fetch(st, "i", &ids[n])) == 1 && ++n < 500)
            ;
        db_done(st);
        if (rc < 0)
            return -1;
        if (n == 0)
            return 0;
        if (db_begin(&d->db) != OUTCOME_OK)
            return -1;
        for (int i = 0; i < n; i++)
            if (stats_ticket_changed(d, ids[i])) {
                db_rollback(&d->db);
                log_error("stats: cannot write the facts of ticket %lld", ids[i]);
                return -1;
            }
        if (db_commit(&d->db) != OUTCOME_OK)
            return -1;
        *done += n;
        after = ids[n - 1];
    }
}
