/* ticket_internal: what the ticket modules (ticket.c, ticket_work.c) share
 * and nothing else uses. */
#ifndef DESK_TICKET_INTERNAL_H
#define DESK_TICKET_INTERNAL_H

#include "desk/ticket/ticket.h"

/* Appends one history entry. */
int ticket_event(desk_t *d, long long ticket, const char *kind, bool internal,
                 const actor_t *who, const char *field, const char *old_value,
                 const char *new_value, const char *body, time_t now);
/* One transaction around a change: lock the row, check the version the user
 * saw (0: do not check), apply, recompute next_due_at, commit; anything but
 * TICKET_OK rolls everything back. */
int ticket_with_locked(desk_t *d, long long id, long long version,
                       int (*apply)(desk_t *d, ticket_t *t, void *arg, time_t now), void *arg);
/* Changes the priority of a locked ticket and its deadlines, with history. */
int ticket_set_priority_locked(desk_t *d, ticket_t *t, const priority_t *p, const actor_t *who,
                               const char *reason, time_t now);
/* Files a request (by an agent or an API key) to change a locked ticket's
 * priority, for a supervisor to decide: its id in *id, the pending one when
 * the same requester already asked for the same priority, 0 when the ticket
 * has that priority already. TICKET_REASON_REQUIRED without a reason. */
int ticket_request_priority_locked(desk_t *d, ticket_t *t, const actor_t *who,
                                   const priority_t *p, const char *reason, time_t now,
                                   long long *id);
/* After a status change from old_status to `to`: pausing or resuming the
 * resolution clock recomputes its due from the ticket's history. */
int ticket_clock_after_status(desk_t *d, ticket_t *t, const char *old_status,
                              ticket_status_t to, time_t now);
/* Recomputes the ticket's next deadline from its due columns and state. */
int ticket_refresh_due(desk_t *d, long long id);

#endif
