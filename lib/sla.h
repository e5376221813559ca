/* sla: the alerts a ticket's clocks raise, exactly once each.
 *
 * A ticket's clocks are its due columns (classification, acceptance, first
 * response and its warning, resolution and its warning, next progress
 * update). tickets.next_alert_at is the earliest of the applicable ones not
 * yet handled, kept by sla_refresh_alert() after every change and by the
 * scheduler after each pass, and indexed: a pass reads only the tickets
 * whose moment has come, whatever the number of closed tickets.
 *
 * An alert is a row of sla_alerts keyed by (ticket, kind, due instant): a
 * restarted or a second scheduler cannot raise it again. Raising one writes
 * the ticket's history (an internal "sla" event naming the clock, so reports
 * can count breaches) in the same transaction. */
#ifndef DESK_SLA_H
#define DESK_SLA_H

#include "desk.h"

typedef enum sla_alert {
    SLA_CLASSIFY_OVERDUE,
    SLA_ACCEPT_OVERDUE,
    SLA_FIRST_RESPONSE_WARNING,
    SLA_FIRST_RESPONSE_BREACH,
    SLA_RESOLUTION_WARNING,
    SLA_RESOLUTION_BREACH,
    SLA_UPDATE_DUE,
    SLA_ALERT_COUNT
} sla_alert_t;

const char *sla_alert_code(sla_alert_t a);

/* Recomputes next_alert_at of a ticket from its columns (inside the
 * caller's transaction). */
int sla_refresh_alert(desk_t *d, long long ticket_id);

/* One scheduler pass: raises every alert due at now on up to max tickets.
 * *raised counts the alerts raised (not those already raised before). */
int sla_pass(desk_t *d, int max, int *tickets, int *raised);

#endif
