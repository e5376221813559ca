/* evaluation_gate: whether work on a ticket may start. A customisation
 * request waits for its requirement evaluation's approval (the pure rule:
 * ticket_work_may_start, lib/desk/ticket/ticket_state.h); every status move
 * of agents, customers and API clients asks here first. The reports
 * themselves are lib/desk/ticket/evaluation.h. */
#ifndef DESK_EVALUATION_GATE_H
#define DESK_EVALUATION_GATE_H

#include <stdbool.h>

#include "desk/ticket/ticket_record.h"

/* Whether the ticket's work waits for an approved evaluation: its category
 * is a customisation request. */
bool evaluation_needed(desk_t *d, const ticket_t *t);
/* Whether an approved evaluation exists: 1, 0, or <0. */
int evaluation_approved(desk_t *d, long long ticket_id);
/* OUTCOME_OK when the locked ticket may move to `to`, OUTCOME_APPROVAL_REQUIRED
 * when it waits for the approval, OUTCOME_UNAVAILABLE when that could not be
 * read. */
int evaluation_gate(desk_t *d, const ticket_t *t, ticket_status_t to);

#endif
