/* ticket_next: the steps that fit a ticket now, for the person looking at
 * it, the likely next one first. Derived from the workflow (ticket_state.h),
 * who the person is to the ticket, the open escalation and the pending
 * solution proposal. Pure: no database, no HTTP.
 *
 *   in_progress        propose a solution, resolve, wait on the customer or
 *                      a third party, escalate, log work
 *   solution_proposed  the customer confirms: record a confirmation that
 *                      came by mail, paper or phone, or withdraw it
 *   in_execution       resolve, log work, wait, the solution did not work
 *   resolved           the customer signs the acceptance form: reopen, or
 *                      close without it after a remote test or data check
 * A reply may carry the status changes that belong with a message (asking
 * the customer something, announcing the fix); never the ones with a form
 * of their own (a proposal, a confirmation, closing). */
#ifndef DESK_TICKET_NEXT_H
#define DESK_TICKET_NEXT_H

#include <stdbool.h>
#include <time.h>

#include "desk/ticket/ticket_state.h"

typedef struct ticket_situation {
    ticket_status_t status;
    int before;                 /* the status before the current one, -1 unknown */
    bool can_work;              /* owner, collaborator, supervisor or admin */
    bool can_claim;             /* unowned and the person's team (or a supervisor) */
    bool can_accept;            /* assigned to the person, not accepted yet */
    bool mine;                  /* the person owns it */
    bool owned;                 /* someone owns it */
    bool escalation_open;       /* escalated to R&D, not answered yet */
    bool can_answer_escalation; /* R&D or a supervisor */
    bool proposal_pending;      /* a proposed solution waits for the customer */
    bool survey_answered;
    time_t escalation_due;      /* when R&D's answer is due (0: none) */
} ticket_situation_t;

typedef enum ticket_step {
    STEP_CLAIM,
    STEP_ACCEPT,
    STEP_ANSWER_ESCALATION,
    STEP_START,               /* accepted -> in_progress */
    STEP_RESUME,              /* waiting -> where it was */
    STEP_PROPOSE,             /* the solution proposal (its own page) */
    STEP_RECORD_CONFIRMATION, /* the customer confirmed by mail, paper or phone */
    STEP_RESOLVE,
    STEP_WAIT_CUSTOMER,
    STEP_WAIT_THIRD_PARTY,
    STEP_WITHDRAW,            /* solution_proposed -> in_progress */
    STEP_REWORK,              /* in_execution -> in_progress: it did not work */
    STEP_LOG_WORK,
    STEP_ESCALATE,
    STEP_SURVEY_CALL,
    STEP_REOPEN,
    STEP_CLOSE,               /* resolved -> closed without the acceptance form */
    STEP_COUNT
} ticket_step_t;

/* What a ticket waits for when the next move is not this person's. */
typedef enum ticket_wait {
    WAIT_NOTHING,
    WAIT_CLAIM,        /* someone of the team to claim it */
    WAIT_OWNER_ACCEPT, /* the assignee to accept it */
    WAIT_OWNER,        /* its owner to work on it */
    WAIT_CUSTOMER,
    WAIT_THIRD_PARTY,
    WAIT_CONFIRMATION, /* the customer to confirm the proposal */
    WAIT_ACCEPTANCE,   /* the customer to sign the acceptance form */
    WAIT_RND,          /* R&D's answer to the escalation */
    WAIT_COUNT
} ticket_wait_t;

typedef struct ticket_plan {
    ticket_step_t steps[STEP_COUNT]; /* most likely first */
    int n;
    bool suggested;          /* steps[0] is what should happen next */
    ticket_wait_t waiting;   /* what the ticket waits for, when anything */
    ticket_status_t reply_to[TS_COUNT]; /* the status a reply may set */
    int nreply;
} ticket_plan_t;

void ticket_plan_for(const ticket_situation_t *s, ticket_plan_t *p);
/* "claim", "resolve", ... (for forms and language strings). */
const char *ticket_step_code(ticket_step_t step);
const char *ticket_wait_code(ticket_wait_t wait);
/* The status a step moves the ticket to, -1 for a step that is no plain
 * status change (claim, a proposal, a work log ...). */
int ticket_step_target(const ticket_situation_t *s, ticket_step_t step);
/* Whether an agent may set this status by hand (a status form or with a
 * reply): the workflow allows it and no form of its own is due instead. */
bool ticket_agent_may_move(ticket_status_t from, ticket_status_t to);

#endif
