/* emergency_clock: see emergency_clock.h. */
#include "desk/emergency/emergency_clock.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/tpl.h"
#include "desk/notify/outbox.h"

static const char sql_due[] =
    "SELECT id FROM emergencies FORCE INDEX (ix_emergencies_next_alert)"
    " WHERE next_alert_at <= ? ORDER BY next_alert_at, id LIMIT ?";
static const char sql_clocks[] =
    "SELECT is_open, title, plan_warn_at, plan_due_at, plan_done_at IS NOT NULL,"
    " feedback_warn_at, feedback_due_at, feedback_done_at IS NOT NULL"
    " FROM emergencies WHERE id = ? FOR UPDATE";
static const char sql_raise[] =
    "INSERT INTO emergency_alerts (emergency_id, kind, due_at, raised_at) VALUES (?, ?, ?, ?)";
static const char sql_event[] =
    "INSERT INTO emergency_events (emergency_id, at, agent_id, kind, note)"
    " VALUES (?, ?, NULL, ?, NULL)";
static const char sql_next[] = "UPDATE emergencies SET next_alert_at = ? WHERE id = ?";
static const char sql_team[] =
    "SELECT a.id, a.email, a.language, a.name FROM emergency_members m JOIN agents a"
    " ON a.id = m.agent_id WHERE m.emergency_id = ? AND a.active = 1 AND a.email IS NOT NULL"
    " ORDER BY a.id";

enum { PLAN_WARN, PLAN_BREACH, FEEDBACK_WARN, FEEDBACK_BREACH, KINDS };
static const char *const kinds[KINDS] = {"plan_warning", "plan_breach", "feedback_warning",
                                         "feedback_breach"};

/* Mails the alert to every member of the team. */
static int mail_team(desk_t *d, long long id, const char *title, int k, time_t due)
{
    HDF *h;
    if (hdf_init(&h) != STATUS_OK)
        return OUTCOME_UNAVAILABLE;
    hdf_set_valuef(h, "Emergency.id=%lld", id);
    hdf_set_value(h, "Emergency.title", title);
    hdf_set_valuef(h, "Emergency.link=%s/agent/emergencies/%lld", d->base_url, id);
    hdf_set_value(h, "Alert.kind", kinds[k]);
    tpl_set_time(h, "Due.at", due);
    MYSQL_STMT *st = db_query(&d->db, sql_team, "i", id);
    int rc = st ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
    long long who;
    char email[255], lang[3], name[401], key[128];
    while (st && rc == OUTCOME_OK && db_fetch(st, "isss", &who, email, sizeof email, lang,
                                              sizeof lang, name, sizeof name) == 1) {
        hdf_set_value(h, "Recipient.name", name);
        snprintf(key, sizeof key, "emergency_alert:emergency=%lld:%s:%lld:agent=%lld", id,
                 kinds[k], (long long)due, who);
        outbox_msg_t m = {.channel = OUTBOX_EMAIL, .recipient = email, .lang = lang_parse(lang),
                          .kind = "emergency_alert", .data = h, .dedupe_key = key};
        int q = outbox_add(d, &m);
        rc = q == OUTCOME_OK || q == OUTCOME_DUPLICATE || q == OUTCOME_UNAVAILABLE ? OUTCOME_OK : q;
    }
    db_done(st);
    hdf_destroy(&h);
    return rc;
}

/* Raises what is due on one locked emergency; its own transaction. */
static int raise_due(desk_t *d, long long id, time_t now, int *raised)
{
    long long open = 0, plan_done = 0, feedback_done = 0;
    char title[801];
    time_t at[KINDS];
    if (db_begin(&d->db) != OUTCOME_OK)
        return -1;
    int rc = db_row(&d->db, sql_clocks, "i", "isttitti", id, &open, title, sizeof title,
                    &at[PLAN_WARN], &at[PLAN_BREACH], &plan_done, &at[FEEDBACK_WARN],
                    &at[FEEDBACK_BREACH], &feedback_done);
    if (rc != 1) {
        db_rollback(&d->db);
        return rc == 0 ? 0 : -1;
    }
    if (!open || plan_done)
        at[PLAN_WARN] = at[PLAN_BREACH] = 0;
    if (!open || feedback_done)
        at[FEEDBACK_WARN] = at[FEEDBACK_BREACH] = 0;
    time_t next = 0;
    for (int k = 0; k < KINDS; k++) {
        if (!at[k])
            continue;
        if (at[k] > now) {
            if (!next || at[k] < next)
                next = at[k];
            continue;
        }
        rc = db_exec(&d->db, sql_raise, "istt", id, kinds[k], at[k], now);
        if (rc == OUTCOME_DUPLICATE)
            continue; /* raised before */
        bool is_warning = k == PLAN_WARN || k == FEEDBACK_WARN;
        if (rc >= 0 && is_warning && at[k + 1] <= now)
            continue; /* late: the breach raised in this pass says more */
        if (rc < 0 || db_exec(&d->db, sql_event, "its", id, now, kinds[k]) < 0 ||
            mail_team(d, id, title, k, is_warning ? at[k + 1] : at[k]) != OUTCOME_OK) {
            db_rollback(&d->db);
            return -1;
        }
        (*raised)++;
    }
    if (db_exec(&d->db, sql_next, "ti", next, id) < 0 || db_commit(&d->db) != OUTCOME_OK) {
        db_rollback(&d->db);
        return -1;
    }
    return 0;
}

int emergency_alert_pass(desk_t *d, int max)
{
    time_t now = desk_now(d);
    long long ids[200];
    int n = 0, rc, raised = 0;
    if (max > 200)
        max = 200;
    MYSQL_STMT *st = db_query(&d->db, sql_due, "ti", now, (long long)max);
    if (!st)
        return -1;
    while (n < max && (rc = db_fetch(st, "i", &ids[n])) == 1)
        n++;
    db_done(st);
    for (int i = 0; i < n; i++)
        if (raise_due(d, ids[i], now, &raised))
            log_error("emergency %lld: alerts not raised this pass", ids[i]);
    return raised;
}
