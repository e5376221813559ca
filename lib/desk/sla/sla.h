/* sla: a ticket's clocks: the targets that apply to it, its deadlines in
 * business time (with the pauses of its resolution clock), and the moment
 * of its next alert.
 *
 * A ticket's clocks are its due columns (classification, acceptance, first
 * response and its warning, resolution and its warning, next progress
 * update, R&D's answer, the temporary workaround and its warning). tickets.next_alert_at is the earliest of the applicable ones not
 * yet handled, kept by sla_refresh_alert() after every change and by the
 * scheduler's pass (lib/desk/sla/slapass.h), and indexed: a pass reads only
 * the tickets whose moment has come, whatever the number of closed
 * tickets. */
#ifndef DESK_SLA_H
#define DESK_SLA_H

#include "core/bizclock.h"
#include "desk/desk.h"

/* A ticket's deadlines under its priority's calendar and targets, counted
 * in business time from intake; 0 where there is no target, and for the
 * resolution while the clock is paused. The warnings fall when the priority's
 * warning_percent of the time is used up. */
typedef struct sla_dues {
    time_t classify, first_response, first_response_warn, resolution, resolution_warn;
} sla_dues_t;

/* The targets that apply to a ticket of priority p in category_id whose
 * customer is customer_id: p with the SLA policy lib/desk/sla/slapolicy.h chooses
 * laid over it (the customer's tags are read only when a policy of p is
 * about a tag). 0 or -1. */
int sla_targets(desk_t *d, const priority_t *p, long long category_id, long long customer_id,
                priority_t *out);
/* The same for an existing ticket: its category and customer are read. */
int sla_ticket_targets(desk_t *d, long long ticket_id, const priority_t *p, priority_t *out);

/* The classification target of p: its own, else the desk's
 * SLA.ClassifyMinutes (default 120 minutes). */
sla_target_t sla_classify_target(desk_t *d, const priority_t *p);

/* Computes the dues of a ticket opened at start, leaving out the pauses
 * (sorted, disjoint, the last may be open). 0 or -1 (no calendar). */
int sla_dues(desk_t *d, const priority_t *p, time_t start, const bizclock_pause_t *pauses,
             int n, sla_dues_t *out);
/* When the next progress update to the customer is due after one at t: the
 * priority's update interval in working minutes or hours, or, for a cadence
 * of N working days, 17:00 of the N-th next working day in the calendar's
 * zone ("daily before 17:00"). 0 when the priority has no cadence. */
time_t sla_next_update(desk_t *d, const priority_t *p, time_t t);
/* The pauses of a ticket's resolution clock, from its history of status
 * changes into and out of the waiting states. Returns their number or -1. */
int sla_pauses(desk_t *d, long long ticket_id, bizclock_pause_t *out, int max);
/* Recomputes and stores the ticket's first-response and resolution dues
 * (with pauses) under priority p and the ticket's SLA policy (see
 * sla_ticket_targets); inside the caller's transaction. */
int sla_recompute(desk_t *d, long long ticket_id, const priority_t *p, time_t created,
                  bool paused_now, time_t now);

typedef enum sla_alert {
    SLA_CLASSIFY_OVERDUE,
    SLA_ACCEPT_OVERDUE,
    SLA_FIRST_RESPONSE_WARNING,
    SLA_FIRST_RESPONSE_BREACH,
    SLA_RESOLUTION_WARNING,
    SLA_RESOLUTION_BREACH,
    SLA_UPDATE_DUE,
    SLA_SURVEY_DUE, /* 24 h after closure: the customer is invited to the survey
                       (open since closure) unless they have answered it */
    SLA_ESCALATION_OVERDUE, /* R&D has not answered an escalation in time */
    SLA_WORKAROUND_WARNING, /* the 1-working-day workaround clock (lib/desk/ticket/workaround.h) */
    SLA_WORKAROUND_BREACH,
    SLA_ALERT_COUNT
} sla_alert_t;

const char *sla_alert_code(sla_alert_t a);

/* Recomputes next_alert_at of a ticket from its columns (inside the
 * caller's transaction). 0 or -1. */
int sla_refresh_alert(desk_t *d, long long ticket_id);
/* The same, counting only the clock instants after `after` (those up to it
 * have been handled). */
int sla_set_next_alert(desk_t *d, long long ticket_id, time_t after);

#endif
