/* minutes_state: see minutes_state.h. */
#include "desk/review/minutes_state.h"

#include <string.h>

static const char *const status_codes[MS_COUNT] = {"draft", "submitted", "returned", "approved"};
static const char *const action_codes[MA_COUNT] = {"submit", "approve", "return"};

const char *minutes_status_code(minutes_status_t s)
{
    return s >= 0 && s < MS_COUNT ? status_codes[s] : "";
}

int minutes_status_parse(const char *code)
{
    for (int i = 0; code && i < MS_COUNT; i++)
        if (strcmp(code, status_codes[i]) == 0)
            return i;
    return -1;
}

const char *minutes_action_code(minutes_action_t a)
{
    return a >= 0 && a < MA_COUNT ? action_codes[a] : "";
}

int minutes_action_parse(const char *code)
{
    for (int i = 0; code && i < MA_COUNT; i++)
        if (strcmp(code, action_codes[i]) == 0)
            return i;
    return -1;
}

int minutes_action_target(minutes_action_t a, minutes_status_t from)
{
    switch (a) {
    case MA_SUBMIT:
        return from == MS_DRAFT || from == MS_RETURNED ? MS_SUBMITTED : -1;
    case MA_APPROVE:
        return from == MS_SUBMITTED ? MS_APPROVED : -1;
    case MA_RETURN:
        return from == MS_SUBMITTED ? MS_RETURNED : -1;
    default:
        return -1;
    }
}

bool minutes_action_allowed(minutes_action_t a, minutes_role_t r)
{
    switch (a) {
    case MA_SUBMIT:
        return r.organiser;
    case MA_APPROVE:
    case MA_RETURN:
        return r.director;
    default:
        return false;
    }
}

bool minutes_may_edit(minutes_role_t r, minutes_status_t s)
{
    return r.organiser && (s == MS_DRAFT || s == MS_RETURNED);
}

minutes_role_t minutes_role_of(const agent_t *a, long long organiser_id)
{
    return (minutes_role_t){.organiser = a->id == organiser_id, .director = a->role == ROLE_DIRECTOR};
}
