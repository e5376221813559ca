#include "web/status.h"

#include <stddef.h>

static const struct {
    outcome_t kind;
    int status;
    const char *key;
} statuses[OUTCOME_KINDS] = {
    {OUTCOME_OK, 200, NULL},
    {OUTCOME_UNAVAILABLE, 503, "unavailable"},
    {OUTCOME_NOT_FOUND, 404, "not_found"},
    {OUTCOME_CONFLICT, 409, "conflict"},
    {OUTCOME_INVALID, 422, "invalid"},
    {OUTCOME_FORBIDDEN, 403, "forbidden"},
    {OUTCOME_DUPLICATE, 422, "invalid"},
    {OUTCOME_LIMITED, 429, "limited"},
};

/* The row of rc's kind; an outcome no row knows is trouble, never success. */
static int row(int rc)
{
    outcome_t kind = outcome_kind(rc);
    for (int i = 0; i < OUTCOME_KINDS; i++)
        if (statuses[i].kind == kind)
            return i;
    return 1;
}

int status_of(int rc) { return statuses[row(rc)].status; }

const char *status_key(int rc) { return statuses[row(rc)].key; }
