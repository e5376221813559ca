/* slapass: the scheduler's pass over the tickets whose next alert has come
 * (tickets.next_alert_at, lib/desk/sla/sla.h): raises each alert exactly
 * once, writes it into the ticket's history and sends its notification.
 *
 * An alert is a row of sla_alerts keyed by (ticket, kind, due instant): a
 * restarted or a second scheduler cannot raise it again. Raising one writes
 * the ticket's history (an internal "sla" event naming the clock, so reports
 * can count breaches) and queues its notification in the same transaction.
 * 24 hours after closure the customer is invited to the survey, unless they
 * have answered it already. */
#ifndef DESK_SLAPASS_H
#define DESK_SLAPASS_H

#include "desk/desk.h"

/* One scheduler pass: raises every alert due at now on up to max tickets.
 * *raised counts the alerts raised (not those already raised before). */
int sla_pass(desk_t *d, int max, int *tickets, int *raised);

#endif
