/* problem_state: see problem_state.h. */
#include "desk/review/problem_state.h"

#include <string.h>

static const char *const status_codes[PS_COUNT] = {"draft", "in_review", "confirmed", "closed"};
static const char *const action_codes[PA_COUNT] = {"submit", "return", "confirm", "reopen",
                                                   "close"};

/* from, to of each action */
static const struct {
    problem_status_t from, to;
} moves[PA_COUNT] = {
    [PA_SUBMIT] = {PS_DRAFT, PS_IN_REVIEW},
    [PA_RETURN] = {PS_IN_REVIEW, PS_DRAFT},
    [PA_CONFIRM] = {PS_IN_REVIEW, PS_CONFIRMED},
    [PA_REOPEN] = {PS_CONFIRMED, PS_IN_REVIEW},
    [PA_CLOSE] = {PS_CONFIRMED, PS_CLOSED},
};

const char *problem_status_code(problem_status_t s)
{
    return s >= 0 && s < PS_COUNT ? status_codes[s] : "";
}

int problem_status_parse(const char *code)
{
    for (int i = 0; code && i < PS_COUNT; i++)
        if (strcmp(code, status_codes[i]) == 0)
            return i;
    return -1;
}

const char *problem_action_code(problem_action_t a)
{
    return a >= 0 && a < PA_COUNT ? action_codes[a] : "";
}

int problem_action_parse(const char *code)
{
    for (int i = 0; code && i < PA_COUNT; i++)
        if (strcmp(code, action_codes[i]) == 0)
            return i;
    return -1;
}

int problem_action_target(problem_action_t a, problem_status_t from)
{
    if (a < 0 || a >= PA_COUNT || moves[a].from != from)
        return -1;
    return (int)moves[a].to;
}

bool problem_action_allowed(problem_action_t a, problem_role_t r)
{
    switch (a) {
    case PA_SUBMIT:
        return r.owner || r.participant || r.manager;
    case PA_CLOSE:
        return r.owner || r.manager;
    case PA_RETURN:
    case PA_CONFIRM:
    case PA_REOPEN:
        return r.manager;
    default:
        return false;
    }
}

problem_role_t problem_role_of(const agent_t *a, long long owner_id, bool participant)
{
    return (problem_role_t){
        .owner = a->id == owner_id,
        .participant = participant,
        .manager = a->role == ROLE_SUPERVISOR || a->role == ROLE_DIRECTOR || a->role == ROLE_ADMIN,
    };
}

bool problem_may_see(problem_role_t r) { return r.owner || r.participant || r.manager; }

bool problem_may_edit(problem_role_t r, problem_status_t s)
{
    return s != PS_CLOSED && problem_may_see(r);
}
