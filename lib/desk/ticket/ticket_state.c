/* ticket_state: see ticket_state.h. */
#include "desk/ticket/ticket_state.h"

#include <string.h>

static const char *const codes[TS_COUNT] = {
    [TS_NEW] = "new",
    [TS_CLASSIFIED] = "classified",
    [TS_ASSIGNED] = "assigned",
    [TS_ACCEPTED] = "accepted",
    [TS_IN_PROGRESS] = "in_progress",
    [TS_WAITING_CUSTOMER] = "waiting_customer",
    [TS_WAITING_THIRD_PARTY] = "waiting_third_party",
    [TS_SOLUTION_PROPOSED] = "solution_proposed",
    [TS_IN_EXECUTION] = "in_execution",
    [TS_RESOLVED] = "resolved",
    [TS_CLOSED] = "closed",
};

#define T(b) (1u << (b))
/* allowed[from] is the set of states reachable in one step. */
static const unsigned allowed[TS_COUNT] = {
    [TS_NEW] = T(TS_CLASSIFIED) | T(TS_ASSIGNED) | T(TS_RESOLVED),
    [TS_CLASSIFIED] = T(TS_ASSIGNED) | T(TS_RESOLVED),
    [TS_ASSIGNED] = T(TS_ACCEPTED) | T(TS_CLASSIFIED) | T(TS_RESOLVED),
    [TS_ACCEPTED] = T(TS_IN_PROGRESS) | T(TS_CLASSIFIED) | T(TS_ASSIGNED) | T(TS_RESOLVED),
    [TS_IN_PROGRESS] = T(TS_WAITING_CUSTOMER) | T(TS_WAITING_THIRD_PARTY) |
                       T(TS_SOLUTION_PROPOSED) | T(TS_RESOLVED) | T(TS_CLASSIFIED) |
                       T(TS_ASSIGNED),
    [TS_WAITING_CUSTOMER] = T(TS_IN_PROGRESS) | T(TS_IN_EXECUTION) | T(TS_RESOLVED) |
                            T(TS_ASSIGNED),
    [TS_WAITING_THIRD_PARTY] = T(TS_IN_PROGRESS) | T(TS_IN_EXECUTION) | T(TS_RESOLVED) |
                               T(TS_ASSIGNED),
    [TS_SOLUTION_PROPOSED] = T(TS_IN_EXECUTION) | T(TS_IN_PROGRESS) | T(TS_RESOLVED),
    [TS_IN_EXECUTION] = T(TS_RESOLVED) | T(TS_IN_PROGRESS) | T(TS_WAITING_CUSTOMER) |
                        T(TS_WAITING_THIRD_PARTY),
    [TS_RESOLVED] = T(TS_CLOSED) | T(TS_IN_PROGRESS),
    [TS_CLOSED] = T(TS_IN_PROGRESS),
};
#undef T

const char *ticket_status_code(ticket_status_t s)
{
    return (unsigned)s < TS_COUNT ? codes[s] : "unknown";
}

int ticket_status_parse(const char *code)
{
    for (int i = 0; code && i < TS_COUNT; i++)
        if (strcmp(code, codes[i]) == 0)
            return i;
    return -1;
}

bool ticket_transition_allowed(ticket_status_t from, ticket_status_t to)
{
    return (unsigned)from < TS_COUNT && (unsigned)to < TS_COUNT && (allowed[from] >> to) & 1u;
}

bool ticket_status_paused(ticket_status_t s)
{
    return s == TS_WAITING_CUSTOMER || s == TS_WAITING_THIRD_PARTY;
}

bool ticket_status_done(ticket_status_t s)
{
    return s == TS_RESOLVED || s == TS_CLOSED;
}

bool ticket_merge_allowed(ticket_status_t dup, ticket_status_t into)
{
    return (unsigned)dup < TS_COUNT && (unsigned)into < TS_COUNT && into != TS_CLOSED;
}

bool ticket_work_may_start(ticket_status_t to, bool needs_approval, bool approved)
{
    if (!needs_approval || approved)
        return true;
    switch (to) {
    case TS_IN_PROGRESS:
    case TS_WAITING_CUSTOMER:
    case TS_WAITING_THIRD_PARTY:
    case TS_SOLUTION_PROPOSED:
    case TS_IN_EXECUTION:
        return false;
    default:
        return true;
    }
}
