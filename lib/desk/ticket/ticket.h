/* ticket: a new ticket, and the changes customers and API clients make:
 * a message on the thread, a priority and status update. Creation finds or
 * makes the customer, numbers the ticket, dispatches it, sets its SLA
 * deadlines and tells the customer; each public function is one
 * transaction: it either commits everything or nothing. The ticket as
 * stored, reading it and its history: lib/desk/ticket/ticket_record.h. */
#ifndef DESK_TICKET_H
#define DESK_TICKET_H

#include <stdbool.h>

#include "desk/desk.h"
#include "desk/ticket/ticket_record.h"

typedef struct ticket_receipt {
    long long id;
    char number[TN_MAX];
    char follow_token[TOKEN_TEXT_LEN + 1];
    bool duplicate; /* the submit key had already made this ticket */
} ticket_receipt_t;

/* The priority a new ticket gets from its impact (company -> urgent, ...),
 * falling back to the category's default. */
const priority_t *ticket_initial_priority(const desk_t *d, const category_t *cat,
                                          const char *impact);

/* OUTCOME_INVALID when a given customer_id, channel or category is unknown;
 * OUTCOME_KEY_REUSED when the submit key made a ticket from another request.
 * OUTCOME_UNAVAILABLE means nothing was stored. When the connection is lost at the
 * commit, the outcome is asked of the database by the submit key as soon as
 * it answers again (up to 15 s): the ticket is reported if it was stored,
 * created again if it was not, and OUTCOME_UNKNOWN returned only when the
 * database stayed silent (the same submit key later finds out). */
int ticket_create(desk_t *d, const ticket_new_t *in, ticket_receipt_t *out);

/* Adds a message to the thread with the stored attachments (or NULL); a
 * NULL body adds the files alone (an "attachment" event). A customer's
 * message on a ticket waiting on them moves it back to in_progress (the
 * resolution clock runs again). */
int ticket_add_comment(desk_t *d, long long ticket_id, const actor_t *who, const char *body,
                       bool internal, const uploads_t *files);
/* Priority (NULL: keep) and status (< 0: keep) together, all or nothing: an
 * illegal status leaves the priority unchanged too. With ask_priority the
 * priority is not changed but asked for: a request a supervisor decides
 * (lib/desk/ticket/priority_request.h; the reason is required, OUTCOME_REASON_REQUIRED),
 * its id in *request (0 when none was needed). */
int ticket_update(desk_t *d, long long ticket_id, const priority_t *p, int status,
                  const actor_t *who, const char *reason, bool ask_priority,
                  long long *request);

#endif
