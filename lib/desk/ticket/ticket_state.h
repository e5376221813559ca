/* ticket_state: the ticket workflow, in one place.
 *
 *   new -> classified -> assigned -> accepted -> in_progress
 *   new -> assigned (dispatched on the category the customer chose)
 *   in_progress <-> waiting_customer / waiting_third_party
 *   in_progress -> solution_proposed -> (customer confirms) in_execution
 *   solution_proposed -> in_progress (customer asks a question)
 *   in_execution <-> waiting_customer / waiting_third_party
 *   in_execution -> in_progress (the solution did not work)
 *   in_progress / in_execution -> resolved -> (customer accepts) closed
 *   resolved / closed -> in_progress (reopen)
 *   assigned / accepted / in_progress -> classified (back to the team queue)
 * Any open state may go straight to resolved (a monitoring system clearing
 * its own alert, a duplicate); closed is reached only from resolved.
 * accepted / in_progress / waiting_* -> assigned (reassigned by a supervisor:
 * the new owner must accept). Reassigning an assigned ticket changes its
 * owner, not its status.
 * Merging (ticket_merge.h) is outside this table: a duplicate in any state
 * is closed into another ticket that is not closed (ticket_merge_allowed);
 * a flag on its row (merged_into) says so, and a merged ticket never moves
 * again, not even by reopening. */
#ifndef DESK_TICKET_STATE_H
#define DESK_TICKET_STATE_H

#include <stdbool.h>

typedef enum ticket_status {
    TS_NEW,
    TS_CLASSIFIED,
    TS_ASSIGNED,
    TS_ACCEPTED,
    TS_IN_PROGRESS,
    TS_WAITING_CUSTOMER,
    TS_WAITING_THIRD_PARTY,
    TS_SOLUTION_PROPOSED,
    TS_IN_EXECUTION,
    TS_RESOLVED,
    TS_CLOSED,
    TS_COUNT
} ticket_status_t;

/* Code stored in the database and used in the API ("in_progress"). */
const char *ticket_status_code(ticket_status_t s);
/* Parses a code; returns -1 when unknown. */
int ticket_status_parse(const char *code);
/* True when the workflow allows from -> to. */
bool ticket_transition_allowed(ticket_status_t from, ticket_status_t to);
/* True for the states where the resolution clock stops. */
bool ticket_status_paused(ticket_status_t s);
/* True for resolved and closed. */
bool ticket_status_done(ticket_status_t s);
/* True when a ticket in state dup may be merged into one in state into:
 * any duplicate, into a ticket that is not closed. */
bool ticket_merge_allowed(ticket_status_t dup, ticket_status_t into);
/* Work on a ticket that needs the customer's approval first (a
 * customisation request and its requirement evaluation) may not start
 * before that approval: no move into in_progress, a solution, its
 * execution or a wait while `approved` is false. Resolving (declined for
 * good, withdrawn) and moves of owner stay open. */
bool ticket_work_may_start(ticket_status_t to, bool needs_approval, bool approved);

#endif
