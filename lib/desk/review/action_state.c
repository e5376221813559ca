/* action_state: see action_state.h. */
#include "desk/review/action_state.h"

#include <string.h>

static const char *const status_codes[AS_COUNT] = {"not_started", "in_progress", "done",
                                                   "verified", "cancelled"};
static const char *const step_codes[AT_COUNT] = {"start", "finish", "reopen", "verify",
                                                 "cancel"};

const char *action_status_code(action_status_t s)
{
    return s >= 0 && s < AS_COUNT ? status_codes[s] : "";
}

int action_status_parse(const char *code)
{
    for (int i = 0; code && i < AS_COUNT; i++)
        if (strcmp(code, status_codes[i]) == 0)
            return i;
    return -1;
}

const char *action_step_code(action_step_t a) { return a >= 0 && a < AT_COUNT ? step_codes[a] : ""; }

int action_step_parse(const char *code)
{
    for (int i = 0; code && i < AT_COUNT; i++)
        if (strcmp(code, step_codes[i]) == 0)
            return i;
    return -1;
}

int action_step_target(action_step_t a, action_status_t from)
{
    switch (a) {
    case AT_START:
        return from == AS_NOT_STARTED ? AS_IN_PROGRESS : -1;
    case AT_FINISH:
        return from == AS_IN_PROGRESS ? AS_DONE : -1;
    case AT_REOPEN:
        return from == AS_DONE ? AS_IN_PROGRESS : -1;
    case AT_VERIFY:
        return from == AS_DONE ? AS_VERIFIED : -1;
    case AT_CANCEL:
        return from == AS_NOT_STARTED || from == AS_IN_PROGRESS || from == AS_DONE ? AS_CANCELLED
                                                                                 : -1;
    default:
        return -1;
    }
}

bool action_step_allowed(action_step_t a, action_role_t r)
{
    switch (a) {
    case AT_START:
    case AT_FINISH:
        return r.owner || r.manager;
    case AT_REOPEN:
    case AT_VERIFY:
        return r.verifier || r.director;
    case AT_CANCEL:
        return r.verifier || r.manager;
    default:
        return false;
    }
}

bool action_open(action_status_t s) { return s == AS_NOT_STARTED || s == AS_IN_PROGRESS; }

action_role_t action_role_of(const agent_t *a, long long owner_id, long long verifier_id)
{
    return (action_role_t){
        .owner = a->id == owner_id,
        .verifier = a->id == verifier_id,
        .manager = a->role == ROLE_SUPERVISOR || a->role == ROLE_DIRECTOR || a->role == ROLE_ADMIN,
        .director = a->role == ROLE_DIRECTOR,
    };
}
