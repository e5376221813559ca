/* priority_request: a change of a ticket's priority asked for by someone
 * who may not make it (an agent, an API key without "priority:set") and
 * decided by a supervisor or admin. Supervisors and admins change it at
 * once. Each request, decision and change is in the ticket's history. */
#ifndef DESK_PRIORITY_REQUEST_H
#define DESK_PRIORITY_REQUEST_H

#include <stdbool.h>
#include <time.h>

#include "desk/ticket/ticket_work.h"

typedef struct priority_request {
    long long id, ticket_id, from_priority_id, to_priority_id;
    char number[TN_MAX], subject[801], reason[8001];
    char by[401];  /* the agent's name or the API key's label */
    bool by_api;   /* filed through the API */
    char state[10]; /* pending, approved, rejected */
    time_t created_at, decided_at;
} priority_request_t;

/* Files a request (by an agent or an API key) to change a locked ticket's
 * priority, for a supervisor to decide: its id in *id, the pending one when
 * the same requester already asked for the same priority, 0 when the ticket
 * has that priority already. OUTCOME_REASON_REQUIRED without a reason. */
int ticket_request_priority_locked(desk_t *d, ticket_t *t, const actor_t *who,
                                   const priority_t *p, const char *reason, time_t now,
                                   long long *id);
/* An agent asks (a reason is required); a supervisor or admin changes the
 * priority at once. */
int ticket_request_priority(desk_t *d, const agent_t *a, long long id, long long version,
                            const priority_t *to, const char *reason);
int ticket_decide_priority(desk_t *d, const agent_t *a, long long request_id, bool approve,
                           const char *note);

/* Pending requests, oldest first: of one ticket, or of every ticket
 * (ticket_id 0), at most limit. Returns how many, or -1. */
int priority_requests_pending(desk_t *d, long long ticket_id, int limit,
                              void (*fn)(const priority_request_t *r, void *ctx), void *ctx);
/* The last request an API key filed on a ticket: 1 found, 0 none, -1. */
int priority_request_of_key(desk_t *d, long long ticket_id, long long api_key_id,
                            priority_request_t *r);

#endif
