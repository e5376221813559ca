/* ticket_next: see ticket_next.h. */
#include "desk/ticket/ticket_next.h"

static const char *const step_codes[STEP_COUNT] = {
    [STEP_CLAIM] = "claim",
    [STEP_ACCEPT] = "accept",
    [STEP_ANSWER_ESCALATION] = "answer_escalation",
    [STEP_START] = "start",
    [STEP_RESUME] = "resume",
    [STEP_PROPOSE] = "propose",
    [STEP_RECORD_CONFIRMATION] = "record_confirmation",
    [STEP_RESOLVE] = "resolve",
    [STEP_WAIT_CUSTOMER] = "wait_customer",
    [STEP_WAIT_THIRD_PARTY] = "wait_third_party",
    [STEP_WITHDRAW] = "withdraw",
    [STEP_REWORK] = "rework",
    [STEP_LOG_WORK] = "log_work",
    [STEP_ESCALATE] = "escalate",
    [STEP_SURVEY_CALL] = "survey_call",
    [STEP_REOPEN] = "reopen",
    [STEP_CLOSE] = "close",
};

static const char *const wait_codes[WAIT_COUNT] = {
    [WAIT_NOTHING] = "",
    [WAIT_CLAIM] = "claim",
    [WAIT_OWNER_ACCEPT] = "owner_accept",
    [WAIT_OWNER] = "owner",
    [WAIT_CUSTOMER] = "customer",
    [WAIT_THIRD_PARTY] = "third_party",
    [WAIT_CONFIRMATION] = "confirmation",
    [WAIT_ACCEPTANCE] = "acceptance",
    [WAIT_RND] = "rnd",
};

const char *ticket_step_code(ticket_step_t step)
{
    return (unsigned)step < STEP_COUNT ? step_codes[step] : "";
}

const char *ticket_wait_code(ticket_wait_t wait)
{
    return (unsigned)wait < WAIT_COUNT ? wait_codes[wait] : "";
}

bool ticket_agent_may_move(ticket_status_t from, ticket_status_t to)
{
    if (!ticket_transition_allowed(from, to))
        return false;
    switch (to) {
    case TS_IN_PROGRESS:
    case TS_WAITING_CUSTOMER:
    case TS_WAITING_THIRD_PARTY:
    case TS_RESOLVED:
    case TS_CLOSED:
        return true;
    case TS_IN_EXECUTION: /* back from a pause; from a proposal only by confirmation */
        return from != TS_SOLUTION_PROPOSED;
    default: /* owners change by claim, accept, assign, hand back; proposals by their form */
        return false;
    }
}

int ticket_step_target(const ticket_situation_t *s, ticket_step_t step)
{
    switch (step) {
    case STEP_START:
    case STEP_WITHDRAW:
    case STEP_REWORK:
    case STEP_REOPEN:
        return TS_IN_PROGRESS;
    case STEP_RESUME:
        return s->before == TS_IN_EXECUTION ? TS_IN_EXECUTION : TS_IN_PROGRESS;
    case STEP_RESOLVE:
        return TS_RESOLVED;
    case STEP_WAIT_CUSTOMER:
        return TS_WAITING_CUSTOMER;
    case STEP_WAIT_THIRD_PARTY:
        return TS_WAITING_THIRD_PARTY;
    case STEP_CLOSE:
        return TS_CLOSED;
    default:
        return -1;
    }
}

static void add(ticket_plan_t *p, const ticket_situation_t *s, ticket_step_t step)
{
    int to = ticket_step_target(s, step);
    if (to >= 0 && !ticket_agent_may_move(s->status, (ticket_status_t)to))
        return;
    for (int i = 0; i < p->n; i++)
        if (p->steps[i] == step)
            return;
    if (p->n < STEP_COUNT)
        p->steps[p->n++] = step;
}

/* The work of whoever may work on it, by status, most likely first. */
static void work_steps(ticket_plan_t *p, const ticket_situation_t *s)
{
    switch (s->status) {
    case TS_ACCEPTED:
        add(p, s, STEP_START);
        add(p, s, STEP_RESOLVE);
        break;
    case TS_IN_PROGRESS:
        add(p, s, STEP_PROPOSE);
        add(p, s, STEP_RESOLVE);
        add(p, s, STEP_WAIT_CUSTOMER);
        add(p, s, STEP_WAIT_THIRD_PARTY);
        break;
    case TS_WAITING_CUSTOMER:
    case TS_WAITING_THIRD_PARTY:
        add(p, s, STEP_RESUME);
        add(p, s, STEP_RESOLVE);
        break;
    case TS_SOLUTION_PROPOSED:
        if (s->proposal_pending)
            add(p, s, STEP_RECORD_CONFIRMATION);
        add(p, s, STEP_WITHDRAW);
        break;
    case TS_IN_EXECUTION:
        add(p, s, STEP_RESOLVE);
        add(p, s, STEP_LOG_WORK);
        add(p, s, STEP_WAIT_CUSTOMER);
        add(p, s, STEP_WAIT_THIRD_PARTY);
        add(p, s, STEP_REWORK);
        break;
    case TS_RESOLVED:
        add(p, s, STEP_REOPEN);
        add(p, s, STEP_CLOSE);
        break;
    case TS_CLOSED:
        add(p, s, STEP_REOPEN);
        break;
    default: /* new, classified, assigned: a supervisor may still resolve a duplicate */
        add(p, s, STEP_RESOLVE);
        break;
    }
    /* once someone works on it, and while the acceptance form is not signed */
    bool working = !ticket_status_done(s->status) && s->status != TS_NEW &&
                   s->status != TS_CLASSIFIED && s->status != TS_ASSIGNED;
    if (working || s->status == TS_RESOLVED)
        add(p, s, STEP_LOG_WORK);
    if (working && !s->escalation_open)
        add(p, s, STEP_ESCALATE);
}

/* The status changes that a reply carries naturally. */
static void reply_targets(ticket_plan_t *p, const ticket_situation_t *s)
{
    static const ticket_status_t order[] = {TS_WAITING_CUSTOMER, TS_IN_PROGRESS,
                                            TS_IN_EXECUTION, TS_WAITING_THIRD_PARTY,
                                            TS_RESOLVED};
    if (!s->can_work)
        return;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        ticket_status_t to = order[i];
        if (to == s->status || !ticket_agent_may_move(s->status, to))
            continue;
        /* a resolved or closed ticket comes back only on purpose (reopen) */
        if (ticket_status_done(s->status) && to != TS_IN_PROGRESS)
            continue;
        /* back from waiting goes where it was */
        if ((s->status == TS_WAITING_CUSTOMER || s->status == TS_WAITING_THIRD_PARTY) &&
            (to == TS_IN_PROGRESS || to == TS_IN_EXECUTION) &&
            (int)to != ticket_step_target(s, STEP_RESUME))
            continue;
        p->reply_to[p->nreply++] = to;
    }
}

/* Whether a step moves the ticket forward (rather than back, aside or out
 * of the workflow): such a first step is the suggested one. */
static bool forward(const ticket_situation_t *s, ticket_step_t step)
{
    switch (step) {
    case STEP_RECORD_CONFIRMATION: /* the customer's move, usually on the portal */
    case STEP_REOPEN:
    case STEP_WITHDRAW:
    case STEP_LOG_WORK:
    case STEP_ESCALATE:
    case STEP_CLOSE:
        return false;
    case STEP_RESOLVE: /* a ticket nobody works on yet is resolved only as a duplicate */
        return s->status != TS_NEW && s->status != TS_CLASSIFIED && s->status != TS_ASSIGNED;
    default:
        return true;
    }
}

/* Someone outside first (they hold the next move whatever this person
 * does); then, when this person has no move, the colleague who has. */
static ticket_wait_t waiting_for(const ticket_situation_t *s, bool my_move)
{
    switch (s->status) {
    case TS_WAITING_CUSTOMER:
        return WAIT_CUSTOMER;
    case TS_WAITING_THIRD_PARTY:
        return WAIT_THIRD_PARTY;
    case TS_RESOLVED:
        return WAIT_ACCEPTANCE;
    case TS_CLOSED:
        return WAIT_NOTHING;
    case TS_SOLUTION_PROPOSED:
        if (s->proposal_pending)
            return WAIT_CONFIRMATION;
        break;
    default:
        break;
    }
    if (s->escalation_open && !s->can_answer_escalation)
        return WAIT_RND;
    if (my_move)
        return WAIT_NOTHING;
    if (s->status == TS_NEW || s->status == TS_CLASSIFIED)
        return s->owned ? WAIT_OWNER : WAIT_CLAIM;
    return s->status == TS_ASSIGNED ? WAIT_OWNER_ACCEPT : WAIT_OWNER;
}

void ticket_plan_for(const ticket_situation_t *s, ticket_plan_t *p)
{
    *p = (ticket_plan_t){.n = 0};
    if (s->escalation_open && s->can_answer_escalation && !ticket_status_done(s->status))
        add(p, s, STEP_ANSWER_ESCALATION);
    if (s->can_claim && !s->owned)
        add(p, s, STEP_CLAIM);
    if (s->can_accept)
        add(p, s, STEP_ACCEPT);
    if (s->status == TS_CLOSED && !s->survey_answered && !s->mine)
        add(p, s, STEP_SURVEY_CALL); /* by someone other than the handler */
    if (s->can_work)
        work_steps(p, s);
    reply_targets(p, s);
    p->suggested = p->n > 0 && forward(s, p->steps[0]);
    p->waiting = waiting_for(s, p->suggested);
}
