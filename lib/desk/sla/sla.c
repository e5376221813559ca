/* sla: see sla.h. */
#include "desk/sla/sla.h"

#include <string.h>

#include "desk/catalog/catalog.h"
#include "desk/sla/slapolicy.h"

static const char *const codes[SLA_ALERT_COUNT] = {
    "classify_overdue",   "accept_overdue",        "first_response_warning",
    "first_response_breach", "resolution_warning", "resolution_breach",
    "update_due",         "survey_due",            "escalation_overdue",
    "workaround_warning", "workaround_breach",
};

const char *sla_alert_code(sla_alert_t a)
{
    return (unsigned)a < SLA_ALERT_COUNT ? codes[a] : "";
}

/* The earliest applicable clock instant after ?, NULL when none. */
#define NEXT_ALERT                                                                            \
    "NULLIF(LEAST("                                                                           \
    " IF(status = 'new' AND classify_due_at > ?, classify_due_at, '9999-12-31'),"             \
    " IF(status = 'assigned' AND accept_due_at > ?, accept_due_at, '9999-12-31'),"            \
    " IF(is_open = 1 AND first_responded_at IS NULL AND first_response_warn_at > ?,"         \
    "    first_response_warn_at, '9999-12-31'),"                                              \
    " IF(is_open = 1 AND first_responded_at IS NULL AND first_response_due_at > ?,"          \
    "    first_response_due_at, '9999-12-31'),"                                               \
    " IF(is_open = 1 AND resolution_paused_at IS NULL AND resolution_warn_at > ?,"           \
    "    resolution_warn_at, '9999-12-31'),"                                                  \
    " IF(is_open = 1 AND resolution_paused_at IS NULL AND resolution_due_at > ?,"            \
    "    resolution_due_at, '9999-12-31'),"                                                   \
    " IF(is_open = 1 AND first_responded_at IS NOT NULL AND next_update_due_at > ?,"         \
    "    next_update_due_at, '9999-12-31'),"                                                  \
    " IF(status = 'closed' AND closed_at + INTERVAL 1 DAY > ?,"                               \
    "    closed_at + INTERVAL 1 DAY, '9999-12-31'),"                                          \
    " IF(is_open = 1 AND escalation_due_at > ?, escalation_due_at, '9999-12-31'),"           \
    " IF(is_open = 1 AND workaround_sent_at IS NULL AND workaround_warn_at > ?,"             \
    "    workaround_warn_at, '9999-12-31'),"                                                  \
    " IF(is_open = 1 AND workaround_sent_at IS NULL AND workaround_due_at > ?,"              \
    "    workaround_due_at, '9999-12-31')),"                                                  \
    " '9999-12-31')"

static const char sql_set_next[] = "UPDATE tickets SET next_alert_at = " NEXT_ALERT " WHERE id = ?";
int sla_set_next_alert(desk_t *d, long long id, time_t after)
{
    time_t a = after ? after : 1;
    return db_exec(&d->db, sql_set_next, "ttttttttttti", a, a, a, a, a, a, a, a, a, a, a, id) < 0
               ? -1
               : 0;
}

int sla_refresh_alert(desk_t *d, long long ticket_id) { return sla_set_next_alert(d, ticket_id, 0); }

static time_t plus(const bizcal_t *c, time_t start, sla_target_t t, const bizclock_pause_t *p,
                   int n)
{
    time_t due = sla_target_due(c, start, t, p, n);
    return due > 0 ? due : 0;
}

/* When pct percent of a target's working time is used, to the second. */
static time_t warn(const bizcal_t *c, time_t start, sla_target_t t, long pct,
                   const bizclock_pause_t *p, int n)
{
    long long seconds = sla_target_seconds(c, start, t);
    if (seconds <= 0)
        return 0;
    time_t due = bizclock_due_paused_seconds(c, start, seconds * pct / 100, p, n);
    return due > 0 ? due : 0;
}

sla_target_t sla_classify_target(desk_t *d, const priority_t *p)
{
    if (p->classify.amount > 0)
        return p->classify;
    return (sla_target_t){config_get_int(&d->cfg, CFG_SLA_CLASSIFY_MINUTES), SLA_MINUTE};
}

int sla_dues(desk_t *d, const priority_t *p, time_t start, const bizclock_pause_t *pauses,
             int n, sla_dues_t *out)
{
    const bizcal_t *c = catalog_calendar(&d->catalog, p->calendar_id);
    long pct = config_get_int(&d->cfg, CFG_SLA_DEFAULT_WARNING_PERCENT);
    memset(out, 0, sizeof *out);
    if (!c)
        return -1;
    if (p->warning_percent > 0)
        pct = p->warning_percent;
    out->classify = plus(c, start, sla_classify_target(d, p), NULL, 0);
    out->first_response = plus(c, start, p->first_response, NULL, 0);
    out->first_response_warn = warn(c, start, p->first_response, pct, NULL, 0);
    out->resolution = plus(c, start, p->resolution, pauses, n);
    out->resolution_warn = warn(c, start, p->resolution, pct, pauses, n);
    return 0;
}

time_t sla_next_update(desk_t *d, const priority_t *p, time_t t)
{
    const bizcal_t *c = catalog_calendar(&d->catalog, p->calendar_id);
    if (!c || p->update.amount <= 0)
        return 0;
    if (p->update.unit != SLA_WORKDAY)
        return plus(c, t, p->update, NULL, 0);
    /* every N working days: before 17:00 of the N-th next working day */
    long day = (long)((t + bizcal_utc_offset(c, t)) / 86400);
    time_t next = 0;
    for (long k = 0; k < p->update.amount; k++) {
        next = bizclock_next_working(c, bizcal_local_instant(c, day + 1, 0));
        if (next <= 0)
            return 0;
        day = (long)((next + bizcal_utc_offset(c, next)) / 86400);
    }
    return bizcal_local_instant(c, day, 17 * 60);
}

static const char sql_status_history[] =
    "SELECT new_value, created_at FROM ticket_events WHERE ticket_id = ? AND kind = 'status'"
    " ORDER BY id";

static bool is_waiting(const char *status)
{
    return strcmp(status, "waiting_customer") == 0 || strcmp(status, "waiting_third_party") == 0;
}

int sla_pauses(desk_t *d, long long ticket_id, bizclock_pause_t *out, int max)
{
    MYSQL_STMT *st = db_query(&d->db, sql_status_history, "i", ticket_id);
    if (!st)
        return -1;
    char status[32];
    time_t at;
    int n = 0, rc;
    bool open = false;
    while ((rc = db_fetch(st, "st", status, sizeof status, &at)) == 1) {
        if (is_waiting(status) && !open && n < max) {
            out[n].from = at;
            out[n++].to = 0;
            open = true;
        } else if (!is_waiting(status) && open) {
            out[n - 1].to = at > out[n - 1].from ? at : out[n - 1].from;
            open = false;
        }
    }
    db_done(st);
    return rc < 0 ? -1 : n;
}

static const char sql_store_dues[] =
    "UPDATE tickets SET first_response_due_at = ?, first_response_warn_at = ?,"
    " resolution_due_at = ?, resolution_warn_at = ?, resolution_paused_at = ? WHERE id = ?";

/* their own and their organisation's */
static const char sql_customer_tags[] =
    "SELECT tag_id FROM customer_tags WHERE customer_id = ? UNION SELECT ot.tag_id FROM"
    " organisation_tags ot JOIN customers c ON c.organisation_id = ot.organisation_id"
    " WHERE c.id = ? ORDER BY tag_id LIMIT 64";
static const char sql_ticket_facts[] = "SELECT category_id, customer_id FROM tickets WHERE id = ?";

int sla_targets(desk_t *d, const priority_t *p, long long category_id, long long customer_id,
                priority_t *out)
{
    const catalog_t *cat = &d->catalog;
    long long tags[64];
    int ntags = 0, rc = 0;
    if (customer_id && slapolicy_needs_tags(cat->pols, cat->npols, p->id)) {
        MYSQL_STMT *st = db_query(&d->db, sql_customer_tags, "ii", customer_id, customer_id);
        if (!st)
            return -1;
        while (ntags < 64 && (rc = db_fetch(st, "i", &tags[ntags])) == 1)
            ntags++;
        db_done(st);
        if (rc < 0)
            return -1;
    }
    int i = slapolicy_pick(cat->pols, cat->npols, p->id, category_id, tags, ntags);
    slapolicy_apply(p, i < 0 ? NULL : &cat->pols[i], out);
    if (!catalog_calendar(cat, out->calendar_id)) /* never a ticket without dues */
        out->calendar_id = p->calendar_id;
    return 0;
}

int sla_ticket_targets(desk_t *d, long long ticket_id, const priority_t *p, priority_t *out)
{
    long long category = 0, customer = 0;
    if (!d->catalog.npols) {
        *out = *p;
        return 0;
    }
    if (db_row(&d->db, sql_ticket_facts, "i", "ii", ticket_id, &category, &customer) < 0)
        return -1;
    return sla_targets(d, p, category, customer, out);
}

int sla_recompute(desk_t *d, long long ticket_id, const priority_t *base, time_t created,
                  bool paused_now, time_t now)
{
    bizclock_pause_t pauses[64];
    sla_dues_t due;
    priority_t pt, *p = &pt;
    int n = sla_pauses(d, ticket_id, pauses, 64);
    if (n < 0 || sla_ticket_targets(d, ticket_id, base, p) ||
        sla_dues(d, p, created, pauses, n, &due))
        return -1;
    return db_exec(&d->db, sql_store_dues, "ttttti", due.first_response,
                   due.first_response_warn, due.resolution, due.resolution_warn,
                   paused_now ? now : 0, ticket_id) < 0
               ? -1
               : 0;
}
