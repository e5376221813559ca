/* workaround: see workaround.h. */
#include "desk/ticket/workaround.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/catalog/catalog.h"
#include "desk/settings.h"
#include "desk/sla/sla.h"

static const sla_target_t ONE_WORKDAY = {1, SLA_WORKDAY};

workaround_rule_t workaround_rule(desk_t *d)
{
    const char *p = settings_get_str(&d->settings, &d->cfg, CFG_WORKAROUND_PRIORITIES);
    const char *c = settings_get_str(&d->settings, &d->cfg, CFG_WORKAROUND_CATEGORIES);
    return (workaround_rule_t){
        .priorities = p ? p : "",
        .categories = c ? c : "",
        .long_resolution = settings_get_bool(&d->settings, &d->cfg, CFG_WORKAROUND_LONG_RESOLUTION),
    };
}

/* Whether code is one of the comma- or space-separated codes of list. */
static bool listed(const char *list, const char *code)
{
    size_t n = code ? strlen(code) : 0;
    if (!n)
        return false;
    for (const char *s = list; s && *s;) {
        s += strspn(s, ", ");
        size_t len = strcspn(s, ", ");
        if (len == n && strncmp(s, code, n) == 0)
            return true;
        s += len;
    }
    return false;
}

bool workaround_rule_applies(const workaround_rule_t *r, const char *prio, const char *cat,
                             time_t resolution_due, time_t workaround_due)
{
    if (listed(r->priorities, prio) || listed(r->categories, cat))
        return true;
    return r->long_resolution && workaround_due > 0 && resolution_due > workaround_due;
}

static const char sql_facts[] =
    "SELECT created_at, priority_id, category_id, workaround_sent_at IS NOT NULL,"
    " workaround_due_at IS NOT NULL FROM tickets WHERE id = ?";
static const char sql_set_clock[] =
    "UPDATE tickets SET workaround_due_at = ?, workaround_warn_at = ? WHERE id = ?";

/* The clock's due and warning for a ticket opened at created under the
 * targets p; whether the rule gives it one. */
static bool clock_for(desk_t *d, const priority_t *p, const category_t *cat, time_t created,
                      time_t *due, time_t *warn)
{
    const bizcal_t *c = catalog_calendar(&d->catalog, p->calendar_id);
    *due = *warn = 0;
    if (!c)
        return false;
    time_t d1 = sla_target_due(c, created, ONE_WORKDAY, NULL, 0);
    time_t resolution = sla_target_due(c, created, p->resolution, NULL, 0);
    workaround_rule_t r = workaround_rule(d);
    if (d1 <= 0 || !workaround_rule_applies(&r, p->code, cat ? cat->code : "", resolution, d1))
        return false;
    long pct = p->warning_percent > 0 ? p->warning_percent
                                      : config_get_int(&d->cfg, CFG_SLA_DEFAULT_WARNING_PERCENT);
    long long seconds = sla_target_seconds(c, created, ONE_WORKDAY);
    time_t w = seconds > 0 ? bizclock_due_paused_seconds(c, created, seconds * pct / 100, NULL, 0)
                           : 0;
    *due = d1;
    *warn = w > 0 ? w : 0;
    return true;
}

int workaround_clock_refresh(desk_t *d, long long ticket_id)
{
    time_t created = 0, due, warn;
    long long prio = 0, cat = 0, sent = 0, had = 0;
    int rc = db_row(&d->db, sql_facts, "i", "tiiii", ticket_id, &created, &prio, &cat, &sent, &had);
    if (rc != 1)
        return rc < 0 ? -1 : 0;
    if (sent)
        return 0; /* stopped by the workaround: kept as it was */
    const priority_t *base = catalog_priority_by_id(&d->catalog, prio);
    priority_t p;
    if (!base || sla_ticket_targets(d, ticket_id, base, &p))
        return base ? -1 : 0;
    if (!clock_for(d, &p, catalog_category_by_id(&d->catalog, cat), created, &due, &warn) && !had)
        return 0;
    if (db_exec(&d->db, sql_set_clock, "tti", due, warn, ticket_id) < 0)
        return -1;
    return sla_refresh_alert(d, ticket_id);
}

static const char sql_add[] =
    "INSERT INTO ticket_workarounds (ticket_id, sent_by, event_id, measures, compensation,"
    " fix_expected_at, created_at) VALUES (?, ?, ?, ?, NULLIF(?, ''), ?, ?)";
static const char sql_clock[] =
    "SELECT workaround_due_at, workaround_sent_at FROM tickets WHERE id = ?";
static const char sql_stop[] =
    "UPDATE tickets SET workaround_sent_at = ? WHERE id = ? AND workaround_sent_at IS NULL";

int workaround_clock(desk_t *d, long long ticket_id, time_t *due, time_t *sent)
{
    *due = *sent = 0;
    return db_row(&d->db, sql_clock, "i", "tt", ticket_id, due, sent) < 0 ? -1 : 0;
}

long long workaround_record(desk_t *d, long long ticket_id, long long by, long long event_id,
                            const char *measures, const char *compensation, time_t fix_expected,
                            time_t now, int *met)
{
    time_t due, sent;
    if (db_exec(&d->db, sql_add, "iiisstt", ticket_id, by, event_id, measures,
                compensation ? compensation : "", fix_expected, now) < 0)
        return -1;
    long long id = (long long)d->db.last_id;
    if (workaround_clock(d, ticket_id, &due, &sent))
        return -1;
    *met = !due || sent ? -1 : now <= due;
    if (db_exec(&d->db, sql_stop, "ti", now, ticket_id) < 0)
        return -1;
    return id;
}

static const char sql_latest[] =
    "SELECT COALESCE(a.name, ''), w.measures, w.compensation, w.fix_expected_at, w.created_at"
    " FROM ticket_workarounds w LEFT JOIN agents a ON a.id = w.sent_by"
    " WHERE w.ticket_id = ? ORDER BY w.id DESC LIMIT 1";

int workaround_latest(desk_t *d, long long ticket_id, workaround_t *w)
{
    memset(w, 0, sizeof *w);
    int rc = db_row(&d->db, sql_latest, "i", "sSStt", ticket_id, w->by, sizeof w->by,
                    &w->measures, &w->compensation, &w->fix_expected_at, &w->created_at);
    if (rc != 1)
        workaround_free(w);
    return rc;
}

void workaround_free(workaround_t *w)
{
    free(w->measures);
    free(w->compensation);
    w->measures = w->compensation = NULL;
}
