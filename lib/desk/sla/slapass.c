/* slapass: see slapass.h. */
#include "desk/sla/slapass.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "desk/notify/notify.h"
#include "desk/sla/sla.h"
#include "desk/survey.h"
#include "desk/ticket/ticket_record.h"

static const char sql_due_tickets[] =
    "SELECT id FROM tickets WHERE next_alert_at <= ? ORDER BY next_alert_at, id LIMIT ?";
static const char sql_clocks[] =
    "SELECT status, is_open, first_responded_at IS NOT NULL, resolution_paused_at IS NOT NULL,"
    " classify_due_at, accept_due_at, first_response_warn_at, first_response_due_at,"
    " resolution_warn_at, resolution_due_at, next_update_due_at,"
    " IF(status = 'closed', closed_at + INTERVAL 1 DAY, NULL), IF(is_open = 1,"
    " escalation_due_at, NULL), workaround_warn_at, workaround_due_at,"
    " workaround_sent_at IS NOT NULL, COALESCE(owner_id, 0),"
    " COALESCE(TIMESTAMPDIFF(MINUTE, assigned_at, accept_due_at), 0)"
    " FROM tickets WHERE id = ? FOR UPDATE";
static const char sql_raise[] =
    "INSERT INTO sla_alerts (ticket_id, kind, due_at, raised_at) VALUES (?, ?, ?, ?)";

typedef struct clocks {
    char status[24];
    long long open, responded, paused, owner, workaround_sent;
    long long accept_minutes; /* the timeout the assignment was given */
    time_t at[SLA_ALERT_COUNT];
} clocks_t;

/* Which clocks apply in the ticket's present state. */
static void applicable(clocks_t *c)
{
    bool is_new = strcmp(c->status, "new") == 0, assigned = strcmp(c->status, "assigned") == 0;
    if (!is_new)
        c->at[SLA_CLASSIFY_OVERDUE] = 0;
    if (!assigned)
        c->at[SLA_ACCEPT_OVERDUE] = 0;
    if (!c->open || c->responded)
        c->at[SLA_FIRST_RESPONSE_WARNING] = c->at[SLA_FIRST_RESPONSE_BREACH] = 0;
    if (!c->open || c->paused)
        c->at[SLA_RESOLUTION_WARNING] = c->at[SLA_RESOLUTION_BREACH] = 0;
    if (!c->open || !c->responded)
        c->at[SLA_UPDATE_DUE] = 0;
    if (!c->open || c->workaround_sent)
        c->at[SLA_WORKAROUND_WARNING] = c->at[SLA_WORKAROUND_BREACH] = 0;
}

static bool is_warning(int k)
{
    return k == SLA_FIRST_RESPONSE_WARNING || k == SLA_RESOLUTION_WARNING ||
           k == SLA_WORKAROUND_WARNING;
}

/* The deadline an alert is about: a warning's is the breach it warns of. */
static time_t deadline_of(const clocks_t *c, int k)
{
    return is_warning(k) ? c->at[k + 1] : c->at[k];
}

/* Raises what is due on one locked ticket; its own transaction. */
static int raise_due(desk_t *d, long long id, time_t now, int *raised)
{
    clocks_t c;
    memset(&c, 0, sizeof c);
    if (db_begin(&d->db) != OUTCOME_OK)
        return -1;
    int rc = db_row(&d->db, sql_clocks, "i", "siiitttttttttttiii", id, c.status,
                    sizeof c.status, &c.open, &c.responded, &c.paused,
                    &c.at[SLA_CLASSIFY_OVERDUE], &c.at[SLA_ACCEPT_OVERDUE],
                    &c.at[SLA_FIRST_RESPONSE_WARNING], &c.at[SLA_FIRST_RESPONSE_BREACH],
                    &c.at[SLA_RESOLUTION_WARNING], &c.at[SLA_RESOLUTION_BREACH],
                    &c.at[SLA_UPDATE_DUE], &c.at[SLA_SURVEY_DUE], &c.at[SLA_ESCALATION_OVERDUE],
                    &c.at[SLA_WORKAROUND_WARNING], &c.at[SLA_WORKAROUND_BREACH],
                    &c.workaround_sent, &c.owner, &c.accept_minutes);
    if (rc != 1) {
        db_rollback(&d->db);
        return rc == 0 ? 0 : -1;
    }
    applicable(&c);
    actor_t system = {.type = "system", .name = "SLA"};
    for (int k = 0; k < SLA_ALERT_COUNT; k++) {
        if (!c.at[k] || c.at[k] > now)
            continue;
        /* the survey opens at closure: who answered at once is not invited */
        if (k == SLA_SURVEY_DUE && (rc = survey_answered(d, id)) != 0) {
            if (rc < 0) {
                db_rollback(&d->db);
                return -1;
            }
            continue;
        }
        rc = db_exec(&d->db, sql_raise, "istt", id, sla_alert_code((sla_alert_t)k), c.at[k], now);
        if (rc == OUTCOME_DUPLICATE)
            continue; /* raised before: by an earlier pass or another scheduler */
        /* a warning found after the breach it warns of (the scheduler was
         * down, or is late) is kept as raised but says nothing: the breach
         * raised in this same pass says more */
        if (rc >= 0 && is_warning(k) && deadline_of(&c, k) && deadline_of(&c, k) <= now)
            continue;
        char detail[24] = ""; /* the history line names the timeout that ran out */
        if (k == SLA_ACCEPT_OVERDUE && c.accept_minutes > 0)
            snprintf(detail, sizeof detail, "%lld", c.accept_minutes);
        if (rc < 0 ||
            ticket_event(d, id, "sla", true, &system, sla_alert_code((sla_alert_t)k), NULL, *detail ? detail : NULL,
                         NULL, now) ||
            (k == SLA_SURVEY_DUE ? notify_survey(d, id)
                                 : notify_sla_alert(d, id, (sla_alert_t)k, deadline_of(&c, k),
                                                    c.owner))) {
            db_rollback(&d->db);
            return -1;
        }
        (*raised)++;
    }
    if (sla_set_next_alert(d, id, now) || db_commit(&d->db) != OUTCOME_OK) {
        db_rollback(&d->db);
        return -1;
    }
    return 0;
}

int sla_pass(desk_t *d, int max, int *tickets, int *raised)
{
    time_t now = desk_now(d);
    long long ids[512];
    int n = 0, rc;
    *tickets = *raised = 0;
    if (max > 512)
        max = 512;
    MYSQL_STMT *st = db_query(&d->db, sql_due_tickets, "ti", now, (long long)max);
    if (!st)
        return -1;
    while (n < max && (rc = db_fetch(st, "i", &ids[n])) == 1)
        n++;
    db_done(st);
    for (int i = 0; i < n; i++) {
        int got = 0;
        if (raise_due(d, ids[i], now, &got)) {
            log_error("sla: ticket %lld: alerts not raised this pass", ids[i]);
            continue;
        }
        *raised += got;
        (*tickets)++;
    }
    return 0;
}

